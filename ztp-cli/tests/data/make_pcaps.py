#!/usr/bin/env python3
"""Writes the captures the ztp-cli tests read. The DHCP payloads are the
options `ztp encode` printed for two plans (see the comments), wrapped in
a reply header; the link layers are Ethernet, Linux cooked (SLL) and raw IP.
Run from this directory: python3 make_pcaps.py"""
import struct

# ztp encode --image /images/junos-install-ex-x86-64-23.4R2.tgz \
#   --config /dist/config/jn-switch35.config:8088 --mode http --server 192.0.2.10 \
#   --ntp 192.0.2.30 --syslog 192.0.2.20 --hostname ex4300-lab-01
V4_AREA = bytes.fromhex(
    "2b58002a2f696d616765732f6a756e6f732d696e7374616c6c2d65782d7838362d36342d32332e3452322e74677a"
    "01242f646973742f636f6e6669672f6a6e2d73776974636833352e636f6e6669673a383038380304687474709604"
    "c000020a0704c00002142a04c000021e0c0d6578343330302d6c61622d3031ff")
# ztp encode --config /cfg/sw.conf --image /img/evo.tgz --mode https \
#   --server 2001:db8::1 --port 8443 --v6
V6_AREA = bytes.fromhex(
    "0011002400000a4c0000000c2f696d672f65766f2e74677a0001000c2f6366672f73772e636f6e66003b001a6874"
    "7470733a2f2f5b323030313a6462383a3a315d3a38343433")

MAC_C = bytes.fromhex("2c6bf5a1b203")
MAC_S = bytes.fromhex("00005e005301")


def v4_msg(op, msg_type, area):
    h = bytes([op, 1, 6, 0]) + bytes.fromhex("3903f326") + bytes(4) + bytes(4)
    h += bytes([192, 0, 2, 100] if op == 2 else [0, 0, 0, 0]) + bytes(4) + bytes(4)
    h += MAC_C + bytes(10) + bytes(64) + bytes(128) + bytes.fromhex("63825363")
    opts = bytes([53, 1, msg_type])
    if op == 2:
        opts += bytes([54, 4, 192, 0, 2, 1, 51, 4, 0, 1, 0x51, 0x80])
    return h + opts + (area if area else b"\xff")


def v6_reply(area):
    duid_c = bytes.fromhex("000300012c6bf5a1b203")
    duid_s = bytes.fromhex("0003000100005e005301")
    o = lambda c, v: struct.pack(">HH", c, len(v)) + v
    return bytes([7]) + bytes.fromhex("0a0b0c") + o(1, duid_c) + o(2, duid_s) + area


def v6_relay_repl(inner):
    o = lambda c, v: struct.pack(">HH", c, len(v)) + v
    link = bytes.fromhex("20010db8000000010000000000000001")
    peer = bytes.fromhex("fe800000000000002e6bf5fffea1b203")
    return bytes([13, 0]) + link + peer + o(18, b"ge-0/0/0") + o(9, inner)


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


def sll(ethertype, payload):
    return struct.pack(">HHH", 0, 1, 6) + MAC_S + b"\0\0" + struct.pack(">H", ethertype) + payload


def pcap(linktype, frames):
    out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype)
    for i, f in enumerate(frames):
        out += struct.pack("<IIII", 1764000000 + i, 0, len(f), len(f)) + f
    return out


S4, C4 = [192, 0, 2, 1], [192, 0, 2, 100]
BCAST = [255, 255, 255, 255]
ack = v4_msg(2, 5, V4_AREA)
discover = v4_msg(1, 1, None)
v4_frames = [
    eth(0x0800, ipv4_udp([0, 0, 0, 0], BCAST, 68, 67, discover), src=MAC_C, dst=b"\xff" * 6),
    eth(0x0800, ipv4_udp(S4, C4, 67, 68, ack)),
]
open("v4-ethernet.pcap", "wb").write(pcap(1, v4_frames))
open("v4-sll.pcap", "wb").write(pcap(113, [sll(0x0800, ipv4_udp(S4, C4, 67, 68, ack))]))

S6 = bytes.fromhex("fe800000000000000200" + "5efffe005301")
C6 = bytes.fromhex("fe800000000000002e6bf5fffea1b203")
RELAY = bytes.fromhex("20010db8000000010000000000000001")
SERVER = bytes.fromhex("20010db8000000000000000000000001")
reply = v6_reply(V6_AREA)
open("v6-ethernet.pcap", "wb").write(pcap(1, [eth(0x86DD, ipv6_udp(S6, C6, 547, 546, reply))]))
# Raw IPv6 (LINKTYPE_RAW 101): a RELAY-REPL from the server to a relay.
open("v6-relay-raw.pcap", "wb").write(pcap(101, [ipv6_udp(SERVER, RELAY, 547, 547, v6_relay_repl(reply))]))
# A capture cut in the middle of its second record.
whole = pcap(1, v4_frames)
open("v4-truncated.pcap", "wb").write(whole[: len(whole) - 100])
