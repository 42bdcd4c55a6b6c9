//! Captures made on the fly: a classic pcap (Ethernet, microsecond
//! timestamps) of DHCP messages over UDP, for the CLI's end-to-end tests
//! and the capture-scale benchmark. Everything is written into a `Vec`.

/// The 24-byte pcap file header: little-endian, version 2.4,
/// microseconds, snap length 262144, link type 1 (Ethernet).
pub fn pcap_header() -> Vec<u8> {
    let mut h = Vec::with_capacity(24);
    h.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    h.extend_from_slice(&2u16.to_le_bytes());
    h.extend_from_slice(&4u16.to_le_bytes());
    h.extend_from_slice(&0i32.to_le_bytes());
    h.extend_from_slice(&0u32.to_le_bytes());
    h.extend_from_slice(&262_144u32.to_le_bytes());
    h.extend_from_slice(&1u32.to_le_bytes());
    h
}

/// Where a frame goes: DHCPv4 server to client (67 to 68) or DHCPv6
/// server to client (547 to 546), and the reverse for a client's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// DHCPv4, server to client.
    V4Reply,
    /// DHCPv4, client to server.
    V4Request,
    /// DHCPv6, server to client.
    V6Reply,
    /// DHCPv6, client to server.
    V6Request,
}

/// An Ethernet frame carrying `payload` over UDP (IPv4 or IPv6, checksums
/// zero: readers do not check them).
pub fn udp_frame(payload: &[u8], direction: Direction) -> Vec<u8> {
    let (v6, sport, dport) = match direction {
        Direction::V4Reply => (false, 67u16, 68u16),
        Direction::V4Request => (false, 68, 67),
        Direction::V6Reply => (true, 547, 546),
        Direction::V6Request => (true, 546, 547),
    };
    let udp_len = u16::try_from(8 + payload.len()).unwrap_or(u16::MAX);
    let mut f = Vec::with_capacity(62 + payload.len());
    f.extend_from_slice(&[0xff; 6]);
    f.extend_from_slice(&[0x02, 0, 0, 0, 0, 1]);
    if v6 {
        f.extend_from_slice(&[0x86, 0xdd]);
        f.extend_from_slice(&[0x60, 0, 0, 0]);
        f.extend_from_slice(&udp_len.to_be_bytes());
        f.extend_from_slice(&[17, 64]);
        let mut src = [0u8; 16];
        src[..2].copy_from_slice(&[0xfe, 0x80]);
        src[15] = 1;
        let mut dst = src;
        dst[15] = 2;
        f.extend_from_slice(&src);
        f.extend_from_slice(&dst);
    } else {
        f.extend_from_slice(&[0x08, 0x00]);
        let total = udp_len.saturating_add(20);
        f.extend_from_slice(&[0x45, 0]);
        f.extend_from_slice(&total.to_be_bytes());
        f.extend_from_slice(&[0, 0, 0, 0, 64, 17, 0, 0]);
        f.extend_from_slice(&[192, 0, 2, 1]);
        f.extend_from_slice(&[255, 255, 255, 255]);
    }
    f.extend_from_slice(&sport.to_be_bytes());
    f.extend_from_slice(&dport.to_be_bytes());
    f.extend_from_slice(&udp_len.to_be_bytes());
    f.extend_from_slice(&[0, 0]);
    f.extend_from_slice(payload);
    f
}

/// Appends one pcap record (16-byte header, then the frame) to `out`.
pub fn push_record(out: &mut Vec<u8>, secs: u32, micros: u32, frame: &[u8]) {
    let len = u32::try_from(frame.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&secs.to_le_bytes());
    out.extend_from_slice(&micros.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(frame);
}

/// A whole capture: the header, then each `(payload, direction)` as one
/// frame, a millisecond apart from 2024-05-01T12:00:00Z.
pub fn pcap(messages: &[(&[u8], Direction)]) -> Vec<u8> {
    let mut out = pcap_header();
    for (i, (payload, direction)) in messages.iter().enumerate() {
        let ms = u32::try_from(i).unwrap_or(u32::MAX);
        push_record(
            &mut out,
            1_714_564_800 + ms / 1000,
            (ms % 1000) * 1000,
            &udp_frame(payload, *direction),
        );
    }
    out
}

/// A DHCPv4 message with `chaddr` and `xid` set: bytes 4..8 and 28..34
/// of `message` replaced (a copy).
pub fn with_client(message: &[u8], mac: [u8; 6], xid: u32) -> Vec<u8> {
    let mut m = message.to_vec();
    if let Some(x) = m.get_mut(4..8) {
        x.copy_from_slice(&xid.to_be_bytes());
    }
    if let Some(c) = m.get_mut(28..34) {
        c.copy_from_slice(&mac);
    }
    if let Some(hlen) = m.get_mut(2) {
        *hlen = 6;
    }
    m
}
