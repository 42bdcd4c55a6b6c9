#!/usr/bin/env python3
"""Writes the captures and the file-server directory the `ztp simulate`
tests read (ztp-cli/tests/simulate.rs). The link, IP and UDP framing is
make_pcaps.py's (one directory up), repeated here so that this script
writes only its own files. Run from this directory: python3 make.py"""
import gzip
import io
import os
import struct
import tarfile

MAC_C = bytes.fromhex("2c6bf5a1b203")
MAC_S = bytes.fromhex("00005e005301")
SERVER = [192, 0, 2, 10]


def sub(code, value):
    """One option 43 suboption: code(1) len(1) value (R1)."""
    value = value.encode() if isinstance(value, str) else value
    assert len(value) <= 255
    return bytes([code, len(value)]) + value


def v4_ack(image=None, config=None, mode="http", server=True):
    area = b""
    if image:
        area += sub(0, image)
    if config:
        area += sub(1, config)
    if mode:
        area += sub(3, mode)
    opts = b""
    # RFC 3396: a value over 255 bytes goes in several instances (R2).
    for i in range(0, len(area), 255):
        chunk = area[i:i + 255]
        opts += bytes([43, len(chunk)]) + chunk
    if server:
        opts += bytes([150, 4] + SERVER)
    h = bytes([2, 1, 6, 0]) + bytes.fromhex("3903f326") + bytes(8)
    h += bytes([192, 0, 2, 100]) + bytes(8) + MAC_C + bytes(10) + bytes(192)
    h += bytes.fromhex("63825363") + bytes([53, 1, 5, 54, 4, 192, 0, 2, 1, 51, 4, 0, 1, 0x51, 0x80])
    return h + opts + b"\xff"


def v4_discover():
    h = bytes([1, 1, 6, 0]) + bytes.fromhex("3903f326") + bytes(20) + MAC_C + bytes(10) + bytes(192)
    return h + bytes.fromhex("63825363") + bytes([53, 1, 1, 255])


def v6_reply(image=None, config=None, url="http://[2001:db8::1]/"):
    o = lambda c, v: struct.pack(">HH", c, len(v)) + v
    items = b""
    if image:
        items += o(0, image.encode())
    if config:
        items += o(1, config.encode())
    body = o(1, bytes.fromhex("000300012c6bf5a1b203")) + o(2, bytes.fromhex("0003000100005e005301"))
    if items:
        body += o(17, struct.pack(">I", 2636) + items)
    if url:
        body += o(59, url.encode())
    return bytes([7]) + bytes.fromhex("0a0b0c") + body


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ipv4_udp(src, dst, sport, dport, payload):
    udp = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack(">H", csum(ip)) + ip[12:]
    return ip + udp


def ipv6_udp(src, dst, sport, dport, payload):
    udp_len = 8 + len(payload)
    pseudo = src + dst + struct.pack(">IxxxB", udp_len, 17)
    udp = struct.pack(">HHHH", sport, dport, udp_len, 0) + payload
    c = csum(pseudo + udp) or 0xFFFF
    udp = udp[:6] + struct.pack(">H", c) + udp[8:]
    return struct.pack(">IHBB", 0x60000000, udp_len, 17, 64) + src + dst + udp


def eth(ethertype, payload, src=MAC_S, dst=MAC_C):
    return dst + src + struct.pack(">H", ethertype) + payload


def pcap(frames):
    out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
    for i, f in enumerate(frames):
        out += struct.pack("<IIII", 1764000000 + i, 0, len(f), len(f)) + f
    return out


S4, C4 = [192, 0, 2, 1], [192, 0, 2, 100]
S6 = bytes.fromhex("fe8000000000000002005efffe005301")
C6 = bytes.fromhex("fe800000000000002e6bf5fffea1b203")


def v4_frames(*acks):
    frames = [eth(0x0800, ipv4_udp([0, 0, 0, 0], [255] * 4, 68, 67, v4_discover()), src=MAC_C, dst=b"\xff" * 6)]
    return frames + [eth(0x0800, ipv4_udp(S4, C4, 67, 68, a)) for a in acks]


def v6_frame(reply):
    return eth(0x86DD, ipv6_udp(S6, C6, 547, 546, reply))


IMAGE = "/images/junos-install-ex-x86-64-23.4R2.tgz"
captures = {
    # Image and configuration, both on the server: provisioned (R27).
    "provisioned.pcap": v4_frames(v4_ack(IMAGE, "/ztp/ex4300.conf")),
    # The configuration file is a tar archive (R24).
    "tarball-config.pcap": v4_frames(v4_ack(None, "/ztp/backup.conf")),
    # A Python script: refused on Junos OS, run on Junos OS Evolved (R25).
    "python.pcap": v4_frames(v4_ack(None, "/ztp/setup.py")),
    # A configuration name that makes an HTTP URL over 256 characters (R21).
    "long-url.pcap": v4_frames(v4_ack(IMAGE, "/ztp/" + "site-a-building-3-floor-2-rack-14-" * 7 + "ex4300.conf")),
    # The configuration file is not on the server (R28).
    "missing.pcap": v4_frames(v4_ack(None, "/ztp/missing.conf", mode="tftp")),
    # Two bindings: the complete DHCPv4 one is tried first (R29), its image is
    # missing (R28), then the DHCPv6 one provisions with a shell script.
    "fallback.pcap": v4_frames(v4_ack("/images/junos-23.4R2-missing.tgz", "/ztp/ex4300.conf"))
    + [v6_frame(v6_reply(None, "/ztp/setup.sh"))],
}
for name, frames in captures.items():
    with open(name, "wb") as f:
        f.write(pcap(frames))

# The file server's root.
def put(path, data):
    full = os.path.join("files", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


image = io.BytesIO()
with gzip.GzipFile(fileobj=image, mode="wb", mtime=0) as g:
    g.write(b"not a real junos image, a stand-in for the simulator\n" * 20)
put(IMAGE[1:], image.getvalue())
put("ztp/ex4300.conf", b"## ztp configuration for ex4300 switches\nsystem {\n    host-name ex4300-lab-01;\n    root-authentication {\n        encrypted-password \"$6$stand-in\";\n    }\n}\n")
tar = io.BytesIO()
with tarfile.open(fileobj=tar, mode="w", format=tarfile.USTAR_FORMAT) as t:
    info = tarfile.TarInfo("ex4300.conf")
    body = b"system { host-name ex4300-lab-01; }\n"
    info.size, info.mtime = len(body), 0
    t.addfile(info, io.BytesIO(body))
put("ztp/backup.conf", tar.getvalue())
put("ztp/setup.py", b"#!/usr/bin/python\nfrom jnpr.junos import Device\nprint('configured')\n")
put("ztp/setup.sh", b"#!/bin/sh\ncli -c 'configure; set system host-name ex4300-lab-01; commit and-quit'\n")
