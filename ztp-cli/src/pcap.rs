//! DHCP messages out of a capture: pcap or pcapng, with Ethernet, Linux
//! cooked (SLL, SLL2) and raw-IP link types, read with `pcap-parser` and
//! `etherparse`.

use std::fmt;

use etherparse::{SlicedPacket, TransportSlice};
use pcap_parser::data::{PacketData, get_packetdata};
use pcap_parser::pcapng::Block;
use pcap_parser::{LegacyPcapSlice, Linktype, PcapBlockOwned, PcapNGSlice};

use ztp_options::Family;

/// One DHCP message found in a capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The frame number, from 1, as Wireshark counts.
    pub frame: usize,
    /// DHCPv4 (UDP 67/68) or DHCPv6 (UDP 546/547).
    pub family: Family,
    /// The UDP payload.
    pub payload: Vec<u8>,
}

/// Why a capture could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PcapError {
    /// Neither a pcap nor a pcapng file.
    NotACapture,
    /// A block that does not parse, after `frames` good frames.
    Truncated {
        /// Good frames before it.
        frames: usize,
    },
}

impl fmt::Display for PcapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PcapError::NotACapture => {
                f.write_str("not a pcap or pcapng capture (no file header recognised)")
            }
            PcapError::Truncated { frames } => write!(
                f,
                "the capture is cut or damaged after frame {frames}: the next block does not parse"
            ),
        }
    }
}

/// The link types this reader unwraps. Others are skipped: pcap-parser
/// 0.17's `get_packetdata` panics on a short EXPORTED_PDU (252) frame (found
/// by the `cli_input` fuzz target), so it is only called for these.
const LINK_TYPES: [Linktype; 7] = [
    Linktype::NULL,
    Linktype::ETHERNET,
    Linktype::RAW,
    Linktype::LINUX_SLL,
    Linktype::IPV4,
    Linktype::IPV6,
    Linktype::LINUX_SLL2,
];

fn udp_dhcp(frame: usize, linktype: Linktype, data: &[u8]) -> Option<Found> {
    if !LINK_TYPES.contains(&linktype) {
        return None;
    }
    let sliced = match get_packetdata(data, linktype, data.len())? {
        PacketData::L2(eth) => SlicedPacket::from_ethernet(eth).ok()?,
        PacketData::L3(_, ip) => SlicedPacket::from_ip(ip).ok()?,
        PacketData::L4(..) | PacketData::Unsupported(_) => return None,
    };
    let Some(TransportSlice::Udp(udp)) = sliced.transport else {
        return None;
    };
    let ports = [udp.source_port(), udp.destination_port()];
    let family = if ports.iter().any(|p| *p == 67 || *p == 68) {
        Family::V4
    } else if ports.iter().any(|p| *p == 546 || *p == 547) {
        Family::V6
    } else {
        return None;
    };
    Some(Found {
        frame,
        family,
        payload: udp.payload().to_vec(),
    })
}

/// How many leading bytes of a pcapng file are whole blocks whose length
/// is at least 12, a multiple of 4, and within the file. pcap-parser 0.17
/// computes `block_len - 12` before checking it (an overflow panic with
/// overflow checks on, found by the `cli_input` fuzz target), so blocks are
/// checked here before it sees them.
fn pcapng_framed_len(file: &[u8]) -> usize {
    const SECTION_HEADER: [u8; 4] = [0x0a, 0x0d, 0x0d, 0x0a];
    const BIG_ENDIAN: [u8; 4] = [0x1a, 0x2b, 0x3c, 0x4d];
    let mut at = 0usize;
    let mut big_endian = false;
    loop {
        let Some(header) = file.get(at..at.saturating_add(8)) else {
            return at;
        };
        if header.get(..4) == Some(&SECTION_HEADER[..]) {
            big_endian = file.get(at + 8..at + 12) == Some(&BIG_ENDIAN[..]);
        }
        let len_bytes: [u8; 4] = header
            .get(4..8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or([0; 4]);
        let len = if big_endian {
            u32::from_be_bytes(len_bytes)
        } else {
            u32::from_le_bytes(len_bytes)
        };
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        let end = at.saturating_add(len);
        if len < 12 || len % 4 != 0 || end > file.len() {
            return at;
        }
        at = end;
        if at == file.len() {
            return at;
        }
    }
}

/// What a capture holds: its DHCP messages, and whether it was cut short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// Every DHCP message read, in frame order.
    pub found: Vec<Found>,
    /// Set when a block after the last good frame does not parse.
    pub damaged: Option<PcapError>,
}

/// Every DHCP message (either direction) in a capture, with its frame
/// number. Frames that are not DHCP over UDP are skipped. A capture cut
/// short keeps the messages before the cut and says where it was cut.
pub fn dhcp_messages(file: &[u8]) -> Result<Capture, PcapError> {
    let mut found = Vec::new();
    let damaged = walk(file, &mut found)?;
    Ok(Capture { found, damaged })
}

/// Walks the capture into `found`; `Ok(Some(..))` when it is cut short.
fn walk(file: &[u8], found: &mut Vec<Found>) -> Result<Option<PcapError>, PcapError> {
    let mut frames = 0usize;
    if let Ok(ng) = PcapNGSlice::from_slice(file) {
        // Hand pcap-parser only whole, well-framed blocks (see
        // `pcapng_framed_len`); a bad block is where the capture is damaged.
        let framed = pcapng_framed_len(file);
        let ng = if framed < file.len() {
            PcapNGSlice::from_slice(file.get(..framed).unwrap_or(&[])).ok()
        } else {
            Some(ng)
        };
        let Some(ng) = ng else {
            return Ok(Some(PcapError::Truncated { frames }));
        };
        let mut linktypes: Vec<Linktype> = Vec::new();
        for block in ng {
            let Ok(PcapBlockOwned::NG(block)) = block else {
                return Ok(Some(PcapError::Truncated { frames }));
            };
            match block {
                Block::SectionHeader(_) => linktypes.clear(),
                Block::InterfaceDescription(idb) => linktypes.push(idb.linktype),
                Block::EnhancedPacket(epb) => {
                    frames += 1;
                    let linktype = usize::try_from(epb.if_id)
                        .ok()
                        .and_then(|i| linktypes.get(i).copied())
                        .unwrap_or(Linktype::ETHERNET);
                    let len = usize::try_from(epb.caplen)
                        .unwrap_or(usize::MAX)
                        .min(epb.data.len());
                    found.extend(udp_dhcp(
                        frames,
                        linktype,
                        epb.data.get(..len).unwrap_or(&[]),
                    ));
                }
                Block::SimplePacket(spb) => {
                    frames += 1;
                    let linktype = linktypes.first().copied().unwrap_or(Linktype::ETHERNET);
                    found.extend(udp_dhcp(frames, linktype, spb.data));
                }
                _ => {}
            }
        }
        return Ok((framed < file.len()).then_some(PcapError::Truncated { frames }));
    }
    let legacy = LegacyPcapSlice::from_slice(file).map_err(|_| PcapError::NotACapture)?;
    let linktype = legacy.header.network;
    for block in legacy {
        match block {
            Ok(PcapBlockOwned::Legacy(b)) => {
                frames += 1;
                let len = usize::try_from(b.caplen)
                    .unwrap_or(usize::MAX)
                    .min(b.data.len());
                found.extend(udp_dhcp(frames, linktype, b.data.get(..len).unwrap_or(&[])));
            }
            Ok(_) => {}
            Err(_) => return Ok(Some(PcapError::Truncated { frames })),
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_pdu_frames_are_skipped_not_a_panic() {
        // fuzz/corpus/cli_input/crash-1501cbba...: a pcap with link type 252
        // (EXPORTED_PDU) whose frame is too short for pcap-parser.
        let file = [
            0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0xfc, 0x39, 0xd8, 0x74, 0x2f, 0x70, 0x5b, 0x2f,
            0x00, 0x00, 0xff, 0xff, 0x65, 0x08, 0xfc, 0x00, 0x00, 0x00, 0x00, 0x81, 0x25, 0x00,
            0x11, 0x00, 0x00, 0x3d, 0x1e, 0x00, 0x00, 0x00, 0x1e, 0x01, 0x00, 0x00, 0xff, 0xd4,
            0x00, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00, 0x20, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x58, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x74, 0x6c,
        ];
        let capture = dhcp_messages(&file).unwrap();
        assert!(capture.found.is_empty());
    }

    #[test]
    fn pcapng_block_shorter_than_its_framing_is_damage_not_a_panic() {
        // fuzz/corpus/cli_input/crash-c66b858a...: a block whose length (8)
        // is below the 12 bytes of block framing, after a good section
        // header and interface block.
        let mut file = Vec::new();
        // Section header block: type, length 28, byte-order magic, version
        // 1.0, section length -1, length again.
        file.extend_from_slice(&[0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a]);
        file.extend_from_slice(&[1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        file.extend_from_slice(&[28, 0, 0, 0]);
        // A block of type 6 claiming 8 bytes.
        file.extend_from_slice(&[6, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0]);
        let capture = dhcp_messages(&file).unwrap();
        assert!(capture.found.is_empty());
        assert_eq!(capture.damaged, Some(PcapError::Truncated { frames: 0 }));
        // The fuzz input itself is replayed by the corpus replay test.
    }

    #[test]
    fn garbage_is_not_a_capture() {
        assert_eq!(
            dhcp_messages(b"hello world, not a capture"),
            Err(PcapError::NotACapture)
        );
        assert_eq!(
            dhcp_messages(&[0xd4, 0xc3, 0xb2]),
            Err(PcapError::NotACapture)
        );
        assert_eq!(dhcp_messages(&[]), Err(PcapError::NotACapture));
    }
}
