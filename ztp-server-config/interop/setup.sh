#!/usr/bin/env bash
# Install the real DHCP servers and tshark that ztp-server-config's interop
# tests run against (Debian 12). Idempotent: returns at once when all are there.
# Needs root. Starts no daemon: a policy-rc.d that refuses every start is in
# place while apt runs, and any unit or init script that still ran is stopped.
set -euo pipefail

need=()
for pair in dnsmasq:dnsmasq kea-dhcp4:kea-dhcp4-server kea-dhcp6:kea-dhcp6-server \
    dhcpd:isc-dhcp-server tshark:tshark ip:iproute2; do
    bin=${pair%%:*}
    pkg=${pair#*:}
    if ! command -v "$bin" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$bin" ]; then
        need+=("$pkg")
    fi
done
if [ ${#need[@]} -eq 0 ]; then
    echo "interop setup: dnsmasq, kea-dhcp4, kea-dhcp6, dhcpd, tshark, ip already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "interop setup: needs root to install: ${need[*]}" >&2
    exit 1
fi
echo "interop setup: installing ${need[*]}"

# Refuse every service start while the packages install (invoke-rc.d asks
# policy-rc.d; 101 means "action not allowed"). Keep any policy already there.
policy=/usr/sbin/policy-rc.d
saved=""
if [ -e "$policy" ]; then
    saved=$(mktemp)
    cp -p "$policy" "$saved"
fi
restore() {
    if [ -n "$saved" ]; then
        cp -p "$saved" "$policy"
        rm -f "$saved"
    else
        rm -f "$policy"
    fi
}
trap restore EXIT
printf '#!/bin/sh\nexit 101\n' >"$policy"
chmod 755 "$policy"

export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no, without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${need[@]}" >/dev/null

# Belt and braces: stop whatever did start, by its pid file only.
for pidfile in /run/dnsmasq/dnsmasq.pid /run/kea/kea-dhcp4.kea-dhcp4.pid \
    /run/kea/kea-dhcp6.kea-dhcp6.pid /run/dhcpd.pid /run/dhcpd6.pid; do
    if [ -s "$pidfile" ]; then
        kill "$(cat "$pidfile")" 2>/dev/null || true
    fi
done
echo "interop setup: done"
