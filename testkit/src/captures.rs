//! Captures of real DHCP servers (dnsmasq 2.90 on Debian 12), vendored in
//! `captures/` with their provenance in `captures/README.md`.

use std::path::PathBuf;

/// DISCOVER, OFFER, REQUEST, ACK from a dnsmasq configured right: option 43
/// (00, 01, 03), 150, and 66 with the NUL dnsmasq appends.
pub const DNSMASQ_V4_GOOD: &[u8] = include_bytes!("../captures/dnsmasq-2.90-v4-ztp-good.pcap");

/// The same exchange from a misconfigured dnsmasq: option 43's suboption
/// lengths one byte off, option 66 `"10.99.0.1"` with its quotes.
pub const DNSMASQ_V4_MISCONFIGURED: &[u8] = include_bytes!("../captures/dnsmasq-2.90-v4-ztp.pcap");

/// SOLICIT, ADVERTISE, REQUEST, REPLY: option 17 (2636: 0, 3, 1) and 59.
pub const DNSMASQ_V6: &[u8] = include_bytes!("../captures/dnsmasq-2.90-v6-ztp.pcap");

/// The file of a vendored capture (for tools that take a path), by name
/// (`dnsmasq-2.90-v4-ztp-good.pcap`, ...).
pub fn path(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "captures", name]
        .iter()
        .collect()
}
