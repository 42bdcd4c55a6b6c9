//! DHCP messages out of a capture, streamed: pcap or pcapng read block by
//! block with `pcap-parser`'s streaming readers (from a file, a pipe or
//! standard input), frames unwrapped with `etherparse` (Ethernet, Linux
//! cooked SLL and SLL2, raw IP, BSD loopback).
//!
//! Memory is the reader's buffer (it starts at [`BUFFER`] bytes and grows
//! only for a block larger than that, up to [`MAX_BLOCK`]); every message
//! is handed to the caller as a slice of that buffer, never copied, and
//! dropped before the next block is read. A capture cut short (a file still
//! being written, a pipe closed mid-block) ends with
//! [`PcapError::Truncated`] after every message before the cut.

use std::fmt;
use std::io::{self, Cursor, Read};

use etherparse::{SlicedPacket, TransportSlice};
use pcap_parser::data::{PacketData, get_packetdata};
use pcap_parser::pcapng::Block;
use pcap_parser::traits::PcapReaderIterator;
use pcap_parser::{
    LegacyPcapReader, Linktype, PcapBlockOwned, PcapError as ParserError, PcapNGReader,
    parse_pcap_header, parse_sectionheaderblock,
};

use ztp_options::Family;

/// The reader's buffer, at the start: a few hundred frames.
pub const BUFFER: usize = 256 * 1024;

/// The largest block the reader holds (the buffer grows to it for one
/// block, never further). Capture tools cap a frame at 256 KiB; a larger
/// block is damage, and a peer-controlled length cannot make the reader
/// allocate more than this.
pub const MAX_BLOCK: usize = 8 * 1024 * 1024;

/// A frame's capture time.
///
/// ```
/// use ztp_explain::pcap::Timestamp;
///
/// let t = Timestamp { secs: 1_714_564_800, nanos: 123_456_000, digits: 6 };
/// assert_eq!(t.rfc3339(), "2024-05-01T12:00:00.123456Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Seconds since the Unix epoch (UTC).
    pub secs: i64,
    /// Nanoseconds within the second.
    pub nanos: u32,
    /// Decimal digits of the capture's resolution (6: microseconds,
    /// 9: nanoseconds), as many as [`Timestamp::rfc3339`] prints.
    pub digits: u8,
}

impl Timestamp {
    /// RFC 3339 in UTC: `2024-05-01T12:00:00.123456Z`.
    pub fn rfc3339(&self) -> String {
        self.to_string()
    }
}

/// Appends `n` as exactly `width` decimal digits (zero-padded; the
/// lowest digits if `n` is wider).
fn push_digits(out: &mut [u8; 40], at: &mut usize, n: u64, width: usize) {
    let mut n = n;
    for i in (0..width).rev() {
        if let Some(d) = out.get_mut(*at + i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
    }
    *at += width;
}

fn push_byte(out: &mut [u8; 40], at: &mut usize, b: u8) {
    if let Some(d) = out.get_mut(*at) {
        *d = b;
    }
    *at += 1;
}

impl fmt::Display for Timestamp {
    /// Written digit by digit (a capture has a timestamp per frame, and
    /// JSON Lines print every one).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = [0u8; 40];
        match self.rfc3339_into(&mut out) {
            Some(at) => {
                f.write_str(std::str::from_utf8(out.get(..at).unwrap_or(&[])).unwrap_or(""))
            }
            // Outside RFC 3339's four-digit years: plain seconds.
            None => write!(f, "{}.{:09}", self.secs, self.nanos),
        }
    }
}

impl Timestamp {
    /// The RFC 3339 text into `out`, its length returned; `None` outside
    /// four-digit years (then [`Display`](fmt::Display) writes plain
    /// seconds). The JSON writer copies it without `fmt`.
    pub(crate) fn rfc3339_into(&self, out: &mut [u8; 40]) -> Option<usize> {
        let days = self.secs.div_euclid(86_400);
        let rem = self.secs.rem_euclid(86_400).unsigned_abs();
        let (y, m, d) = civil_from_days(days);
        let mut at = 0;
        if !(0..=9999).contains(&y) {
            return None;
        }
        let out = &mut *out;
        push_digits(out, &mut at, y.unsigned_abs(), 4);
        push_byte(out, &mut at, b'-');
        push_digits(out, &mut at, u64::from(m), 2);
        push_byte(out, &mut at, b'-');
        push_digits(out, &mut at, u64::from(d), 2);
        push_byte(out, &mut at, b'T');
        push_digits(out, &mut at, rem / 3600, 2);
        push_byte(out, &mut at, b':');
        push_digits(out, &mut at, (rem / 60) % 60, 2);
        push_byte(out, &mut at, b':');
        push_digits(out, &mut at, rem % 60, 2);
        let digits = u32::from(self.digits.min(9));
        if digits > 0 {
            push_byte(out, &mut at, b'.');
            let frac = self.nanos / 10u32.pow(9 - digits);
            push_digits(out, &mut at, u64::from(frac), digits as usize);
        }
        push_byte(out, &mut at, b'Z');
        Some(at)
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// One DHCP message of a capture, borrowed from the reader's buffer for
/// the duration of the callback.
///
/// ```
/// use ztp_explain::pcap::stream;
/// use ztp_options::Family;
///
/// let capture: &[u8] = include_bytes!("../tests/data/dnsmasq-2.90-v4-ztp-good.pcap");
/// let mut families = Vec::new();
/// let end = stream(capture, |message| families.push((message.frame, message.family)))?;
/// assert_eq!(families.len(), end.messages);
/// assert!(families.iter().all(|(_, f)| *f == Family::V4));
/// # Ok::<(), ztp_explain::pcap::PcapError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message<'a> {
    /// The frame number, from 1, as Wireshark counts.
    pub frame: usize,
    /// When it was captured; `None` when the interface's time resolution
    /// is not one pcap-parser can decode.
    pub time: Option<Timestamp>,
    /// DHCPv4 (UDP 67/68) or DHCPv6 (UDP 546/547).
    pub family: Family,
    /// The UDP payload.
    pub payload: &'a [u8],
    /// Bytes of the capture read so far (for a progress bar).
    pub position: u64,
}

/// How a capture ended.
///
/// ```
/// use ztp_explain::pcap::stream;
///
/// let end = stream(&include_bytes!("../tests/data/dnsmasq-2.90-v6-ztp.pcap")[..], |_| {})?;
/// assert_eq!(end.messages, 4); // SOLICIT, ADVERTISE, REQUEST, REPLY
/// assert!(end.damaged.is_none());
/// # Ok::<(), ztp_explain::pcap::PcapError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    /// Frames read (DHCP or not).
    pub frames: usize,
    /// DHCP messages handed to the callback.
    pub messages: usize,
    /// Set when the capture was cut short or damaged after `frames`.
    pub damaged: Option<PcapError>,
}

/// Why a capture could not be read, or where it stopped.
///
/// ```
/// use ztp_explain::pcap::{PcapError, dhcp_messages};
///
/// assert_eq!(dhcp_messages(b"not a capture"), Err(PcapError::NotACapture));
/// // Cut inside a block: what came before is kept, the cut is said.
/// let capture: &[u8] = include_bytes!("../tests/data/dnsmasq-2.90-v4-ztp-good.pcap");
/// let cut = dhcp_messages(&capture[..capture.len() - 10])?;
/// assert!(matches!(cut.damaged, Some(PcapError::Truncated { .. })));
/// # Ok::<(), PcapError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PcapError {
    /// Neither a pcap nor a pcapng file.
    NotACapture,
    /// A block that does not parse, or the input ended inside one, after
    /// `frames` good frames.
    Truncated {
        /// Good frames before it.
        frames: usize,
    },
    /// A block longer than [`MAX_BLOCK`], after `frames` good frames.
    BlockTooLarge {
        /// Good frames before it.
        frames: usize,
    },
    /// The input could not be read, after `frames` good frames.
    Read {
        /// Good frames before it.
        frames: usize,
        /// What the operating system said.
        error: String,
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
                "the capture is cut or damaged after frame {frames}: the next block does not parse \
                 (everything before it was read)"
            ),
            PcapError::BlockTooLarge { frames } => write!(
                f,
                "the capture is damaged after frame {frames}: the next block is longer than \
                 {MAX_BLOCK} bytes"
            ),
            PcapError::Read { frames, error } => {
                write!(f, "cannot read the capture after frame {frames}: {error}")
            }
        }
    }
}

impl std::error::Error for PcapError {}

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

/// Why a frame did not slice: the unwrapping's own words, for
/// [`crate::input`] to say; the capture reader only skips the frame.
#[derive(Debug)]
pub(crate) enum Unsliced {
    /// A link type this reader does not unwrap, or a link header
    /// pcap-parser does not read (too short, GRE, netlink, radiotap).
    Link,
    /// etherparse's error below the link header.
    Slice(etherparse::err::packet::SliceError),
}

/// Unwraps a frame of this link type down to its transport layer: the one
/// unwrapping the capture reader and pasted frames ([`crate::input`])
/// share. The link header is read by pcap-parser, the rest by etherparse
/// (which checks every length: an IP or UDP length beyond the bytes is an
/// error, bytes after the UDP length are left out of its payload).
pub(crate) fn slice_frame(linktype: Linktype, data: &[u8]) -> Result<SlicedPacket<'_>, Unsliced> {
    if !LINK_TYPES.contains(&linktype) {
        return Err(Unsliced::Link);
    }
    match get_packetdata(data, linktype, data.len()) {
        Some(PacketData::L2(eth)) => SlicedPacket::from_ethernet(eth).map_err(Unsliced::Slice),
        Some(PacketData::L3(_, ip)) => SlicedPacket::from_ip(ip).map_err(Unsliced::Slice),
        Some(PacketData::L4(..) | PacketData::Unsupported(_)) | None => Err(Unsliced::Link),
    }
}

/// The family and UDP payload of a sliced frame, when it is UDP on the
/// DHCPv4 (67/68) or DHCPv6 (546/547) ports.
pub(crate) fn dhcp_of<'a>(sliced: &SlicedPacket<'a>) -> Option<(Family, &'a [u8])> {
    let Some(TransportSlice::Udp(udp)) = &sliced.transport else {
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
    Some((family, udp.payload()))
}

/// The UDP payload of a DHCP frame, and its family.
fn udp_dhcp(linktype: Linktype, data: &[u8]) -> Option<(Family, &[u8])> {
    dhcp_of(&slice_frame(linktype, data).ok()?)
}

const SECTION_HEADER: [u8; 4] = [0x0a, 0x0d, 0x0d, 0x0a];
const BYTE_ORDER_LE: [u8; 4] = [0x4d, 0x3c, 0x2b, 0x1a];
const BYTE_ORDER_BE: [u8; 4] = [0x1a, 0x2b, 0x3c, 0x4d];

fn read_u32(bytes: &[u8], at: usize, big_endian: bool) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if big_endian {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    })
}

/// Reads until `buf` holds `want` bytes or the input ends.
fn fill_to<R: Read>(input: &mut R, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
    let mut chunk = [0u8; 4096];
    while buf.len() < want {
        let room = (want - buf.len()).min(chunk.len());
        let n = match input.read(chunk.get_mut(..room).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            break;
        }
        buf.extend_from_slice(chunk.get(..n).unwrap_or(&[]));
    }
    Ok(())
}

/// The file header (pcap) or the first section header block (pcapng),
/// read whole before a pcap-parser reader is made: its constructors parse
/// the header from their first `read`, which on a pipe fed in pieces may
/// return only a few bytes.
fn read_header<R: Read>(input: &mut R) -> Result<(Vec<u8>, bool), PcapError> {
    let read_err = |e: io::Error| PcapError::Read {
        frames: 0,
        error: e.to_string(),
    };
    let mut head = Vec::with_capacity(64);
    fill_to(input, &mut head, 12).map_err(read_err)?;
    if head.get(..4) == Some(&SECTION_HEADER[..]) {
        let big_endian = match head.get(8..12) {
            Some(m) if m == BYTE_ORDER_LE => false,
            Some(m) if m == BYTE_ORDER_BE => true,
            _ => return Err(PcapError::NotACapture),
        };
        let len = read_u32(&head, 4, big_endian).ok_or(PcapError::NotACapture)?;
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        // The framing checks of `Reader::check_framing`, for the first block.
        if len < 28 || len % 4 != 0 || len > MAX_BLOCK {
            return Err(PcapError::NotACapture);
        }
        fill_to(input, &mut head, len).map_err(read_err)?;
        return match parse_sectionheaderblock(&head) {
            Ok(_) => Ok((head, true)),
            Err(_) => Err(PcapError::NotACapture),
        };
    }
    fill_to(input, &mut head, 24).map_err(read_err)?;
    match parse_pcap_header(&head) {
        Ok(_) => Ok((head, false)),
        Err(_) => Err(PcapError::NotACapture),
    }
}

/// What one pcapng interface says about its frames.
#[derive(Debug, Clone, Copy)]
struct Interface {
    linktype: Linktype,
    /// Units per second; `None` when pcap-parser cannot decode it.
    resolution: Option<u64>,
    offset: i64,
}

fn timestamp(ticks: u64, resolution: u64, offset: i64) -> Option<Timestamp> {
    let resolution = resolution.max(1);
    let secs = i64::try_from(ticks / resolution)
        .ok()?
        .checked_add(offset)?;
    let frac = u128::from(ticks % resolution);
    let nanos = u32::try_from(frac * 1_000_000_000 / u128::from(resolution)).ok()?;
    let mut digits = 0u8;
    let mut r = resolution;
    while r >= 10 && digits < 9 {
        r /= 10;
        digits += 1;
    }
    Some(Timestamp {
        secs,
        nanos,
        digits,
    })
}

enum Inner<R: Read> {
    Ng(PcapNGReader<io::Chain<Cursor<Vec<u8>>, R>>),
    Legacy(LegacyPcapReader<io::Chain<Cursor<Vec<u8>>, R>>),
}

/// A reader of every DHCP message of a capture, block by block.
///
/// ```no_run
/// # fn main() -> Result<(), ztp_explain::pcap::PcapError> {
/// let end = ztp_explain::pcap::stream(std::io::stdin(), |m| {
///     println!("frame {}: {:?}, {} bytes", m.frame, m.family, m.payload.len());
/// })?;
/// if let Some(damage) = end.damaged {
///     eprintln!("{damage}");
/// }
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`PcapError::NotACapture`] when the input does not start with a pcap
/// file header or a pcapng section header block (or cannot be read at
/// all). Damage after the header is not an error: it ends the stream, in
/// [`End::damaged`].
pub fn stream<R: Read>(mut input: R, mut each: impl FnMut(Message<'_>)) -> Result<End, PcapError> {
    let (head, ng) = read_header(&mut input)?;
    let capacity = BUFFER.max(head.len().saturating_mul(2));
    let chained = Cursor::new(head).chain(input);
    let inner = if ng {
        PcapNGReader::new(capacity, chained).map(Inner::Ng)
    } else {
        LegacyPcapReader::new(capacity, chained).map(Inner::Legacy)
    };
    let mut inner = inner.map_err(|_| PcapError::NotACapture)?;
    let mut state = State {
        frames: 0,
        messages: 0,
        interfaces: Vec::new(),
        legacy: None,
        big_endian: false,
        capacity,
    };
    let damaged = match &mut inner {
        Inner::Ng(r) => state.run(r, true, &mut each),
        Inner::Legacy(r) => state.run(r, false, &mut each),
    };
    Ok(End {
        frames: state.frames,
        messages: state.messages,
        damaged,
    })
}

struct State {
    frames: usize,
    messages: usize,
    interfaces: Vec<Interface>,
    /// The link type and time resolution of a pcap file.
    legacy: Option<(Linktype, u64)>,
    /// The byte order of the current pcapng section.
    big_endian: bool,
    capacity: usize,
}

/// What the framing check says about the next pcapng block.
enum Framing {
    /// Safe to hand to pcap-parser.
    Ok,
    /// More bytes are needed to tell.
    NeedMore,
    /// Damaged.
    Bad(PcapError),
}

impl State {
    /// Whether the next pcapng block's length is at least 12, a multiple
    /// of 4 and at most [`MAX_BLOCK`]. pcap-parser 0.17 computes
    /// `block_len - 12` before checking it (an overflow panic with overflow
    /// checks on, found by the `cli_input` fuzz target), so every block is
    /// checked here before it sees it. A section header switches the byte
    /// order for what follows.
    fn check_framing(&mut self, data: &[u8]) -> Framing {
        let Some(ty) = data.get(..4) else {
            return Framing::NeedMore;
        };
        if ty == SECTION_HEADER {
            match data.get(8..12) {
                None => return Framing::NeedMore,
                Some(m) if m == BYTE_ORDER_LE => self.big_endian = false,
                Some(m) if m == BYTE_ORDER_BE => self.big_endian = true,
                Some(_) => {
                    return Framing::Bad(PcapError::Truncated {
                        frames: self.frames,
                    });
                }
            }
        }
        let Some(len) = read_u32(data, 4, self.big_endian) else {
            return Framing::NeedMore;
        };
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len < 12 || len % 4 != 0 {
            return Framing::Bad(PcapError::Truncated {
                frames: self.frames,
            });
        }
        if len > MAX_BLOCK {
            return Framing::Bad(PcapError::BlockTooLarge {
                frames: self.frames,
            });
        }
        Framing::Ok
    }

    /// Reads blocks until the end; the damage, if the capture was cut.
    fn run(
        &mut self,
        reader: &mut dyn PcapReaderIterator,
        ng: bool,
        each: &mut dyn FnMut(Message<'_>),
    ) -> Option<PcapError> {
        loop {
            if reader.data().is_empty() {
                if reader.reader_exhausted() {
                    return None;
                }
                if let Err(e) = self.refill(reader) {
                    return Some(e);
                }
                continue;
            }
            // A pcap record longer than the cap is damage, whether or not
            // its bytes have arrived (found by the cli_input fuzz target: a
            // last record claiming 762 MB was "cut" when the capture was
            // read at once but "too large" when it came in pieces).
            if !ng
                && self.legacy.is_some()
                && read_u32(reader.data(), 8, self.big_endian)
                    .is_some_and(|len| usize::try_from(len).map_or(true, |l| l > MAX_BLOCK))
            {
                return Some(PcapError::BlockTooLarge {
                    frames: self.frames,
                });
            }
            if ng {
                match self.check_framing(reader.data()) {
                    Framing::Ok => {}
                    Framing::NeedMore if reader.reader_exhausted() => {
                        return Some(PcapError::Truncated {
                            frames: self.frames,
                        });
                    }
                    Framing::NeedMore => {
                        if let Err(e) = self.refill(reader) {
                            return Some(e);
                        }
                        continue;
                    }
                    Framing::Bad(e) => return Some(e),
                }
            }
            let position = u64::try_from(reader.consumed()).unwrap_or(u64::MAX);
            let (used, ()) = match reader.next() {
                Ok((used, block)) => {
                    let position = position.saturating_add(used as u64);
                    (used, self.block(block, position, each))
                }
                Err(ParserError::Eof) => return None,
                Err(ParserError::Incomplete(_)) => {
                    if reader.reader_exhausted() {
                        return Some(PcapError::Truncated {
                            frames: self.frames,
                        });
                    }
                    if let Err(e) = self.refill(reader) {
                        return Some(e);
                    }
                    continue;
                }
                Err(ParserError::BufferTooSmall) => {
                    if self.capacity >= MAX_BLOCK {
                        return Some(PcapError::BlockTooLarge {
                            frames: self.frames,
                        });
                    }
                    self.capacity = self.capacity.saturating_mul(2).min(MAX_BLOCK);
                    if !reader.grow(self.capacity) {
                        return Some(PcapError::BlockTooLarge {
                            frames: self.frames,
                        });
                    }
                    if let Err(e) = self.refill(reader) {
                        return Some(e);
                    }
                    continue;
                }
                Err(_) => {
                    return Some(PcapError::Truncated {
                        frames: self.frames,
                    });
                }
            };
            // No shift here: `refill` moves the unread tail to the front
            // when the buffer runs out, so a byte is moved at most once.
            reader.consume_noshift(used);
        }
    }

    fn refill(&self, reader: &mut dyn PcapReaderIterator) -> Result<(), PcapError> {
        reader.refill().map_err(|_| PcapError::Read {
            frames: self.frames,
            error: "read error".into(),
        })
    }

    /// One block: a header updates the link types, a frame goes to `each`
    /// when it is DHCP.
    fn block(
        &mut self,
        block: PcapBlockOwned<'_>,
        position: u64,
        each: &mut dyn FnMut(Message<'_>),
    ) {
        let (linktype, time, data) = match block {
            PcapBlockOwned::LegacyHeader(h) => {
                let resolution = if h.is_nanosecond_precision() {
                    1_000_000_000
                } else {
                    1_000_000
                };
                self.legacy = Some((h.network, resolution));
                self.big_endian = h.is_bigendian();
                return;
            }
            PcapBlockOwned::Legacy(b) => {
                self.frames += 1;
                let (linktype, resolution) = self.legacy.unwrap_or((Linktype::ETHERNET, 1_000_000));
                let frac = u64::from(b.ts_usec).min(resolution - 1);
                let ticks = u64::from(b.ts_sec)
                    .saturating_mul(resolution)
                    .saturating_add(frac);
                let len = usize::try_from(b.caplen)
                    .unwrap_or(usize::MAX)
                    .min(b.data.len());
                (
                    linktype,
                    timestamp(ticks, resolution, 0),
                    b.data.get(..len).unwrap_or(&[]),
                )
            }
            PcapBlockOwned::NG(Block::SectionHeader(_)) => {
                self.interfaces.clear();
                return;
            }
            PcapBlockOwned::NG(Block::InterfaceDescription(idb)) => {
                self.interfaces.push(Interface {
                    linktype: idb.linktype,
                    resolution: idb.ts_resolution(),
                    offset: idb.ts_offset(),
                });
                return;
            }
            PcapBlockOwned::NG(Block::EnhancedPacket(epb)) => {
                self.frames += 1;
                let interface = usize::try_from(epb.if_id)
                    .ok()
                    .and_then(|i| self.interfaces.get(i).copied());
                let linktype = interface.map_or(Linktype::ETHERNET, |i| i.linktype);
                let ticks = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                let time = interface
                    .and_then(|i| Some((i.resolution?, i.offset)))
                    .or(Some((1_000_000, 0)).filter(|_| interface.is_none()))
                    .and_then(|(res, off)| timestamp(ticks, res, off));
                let len = usize::try_from(epb.caplen)
                    .unwrap_or(usize::MAX)
                    .min(epb.data.len());
                (linktype, time, epb.data.get(..len).unwrap_or(&[]))
            }
            PcapBlockOwned::NG(Block::SimplePacket(spb)) => {
                self.frames += 1;
                let linktype = self
                    .interfaces
                    .first()
                    .map_or(Linktype::ETHERNET, |i| i.linktype);
                (linktype, None, spb.data)
            }
            PcapBlockOwned::NG(_) => return,
        };
        if let Some((family, payload)) = udp_dhcp(linktype, data) {
            self.messages += 1;
            each(Message {
                frame: self.frames,
                time,
                family,
                payload,
                position,
            });
        }
    }
}

/// One DHCP message found in a capture, owned.
///
/// ```
/// use ztp_explain::pcap::dhcp_messages;
///
/// let capture = dhcp_messages(include_bytes!("../tests/data/dnsmasq-2.90-v4-ztp-good.pcap"))?;
/// let ack = capture.found.last().unwrap(); // a Found: frame, family, payload
/// assert_eq!(ack.frame, 4);
/// assert!(ztp_options::v4::Lease::parse(&ack.payload).is_ok());
/// # Ok::<(), ztp_explain::pcap::PcapError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The frame number, from 1, as Wireshark counts.
    pub frame: usize,
    /// DHCPv4 (UDP 67/68) or DHCPv6 (UDP 546/547).
    pub family: Family,
    /// The UDP payload.
    pub payload: Vec<u8>,
}

/// What a capture holds: its DHCP messages, and whether it was cut short.
///
/// ```
/// use ztp_explain::pcap::dhcp_messages;
///
/// let capture = dhcp_messages(include_bytes!("../tests/data/dnsmasq-2.90-v6-ztp.pcap"))?;
/// assert_eq!(capture.found.len(), 4);
/// assert!(capture.damaged.is_none());
/// # Ok::<(), ztp_explain::pcap::PcapError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// Every DHCP message read, in frame order.
    pub found: Vec<Found>,
    /// Set when a block after the last good frame does not parse.
    pub damaged: Option<PcapError>,
}

/// Every DHCP message (either direction) of a capture held in memory, with
/// its frame number, copied out of [`stream`]. Frames that are not DHCP
/// over UDP are skipped. A capture cut short keeps the messages before the
/// cut and says where it was cut.
///
/// # Errors
///
/// As [`stream`].
pub fn dhcp_messages(file: &[u8]) -> Result<Capture, PcapError> {
    let mut found = Vec::new();
    let end = stream(file, |m| {
        found.push(Found {
            frame: m.frame,
            family: m.family,
            payload: m.payload.to_vec(),
        });
    })?;
    Ok(Capture {
        found,
        damaged: end.damaged,
    })
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

    fn section_header() -> Vec<u8> {
        // Section header block: type, length 28, byte-order magic, version
        // 1.0, section length -1, length again.
        let mut file = Vec::new();
        file.extend_from_slice(&[0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a]);
        file.extend_from_slice(&[1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        file.extend_from_slice(&[28, 0, 0, 0]);
        file
    }

    #[test]
    fn pcapng_block_shorter_than_its_framing_is_damage_not_a_panic() {
        // fuzz/corpus/cli_input/crash-c66b858a...: a block whose length (8)
        // is below the 12 bytes of block framing, after a good section
        // header.
        let mut file = section_header();
        // A block of type 6 claiming 8 bytes.
        file.extend_from_slice(&[6, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0]);
        let capture = dhcp_messages(&file).unwrap();
        assert!(capture.found.is_empty());
        assert_eq!(capture.damaged, Some(PcapError::Truncated { frames: 0 }));
        // The fuzz input itself is replayed by the corpus replay test.
    }

    #[test]
    fn a_pcapng_block_longer_than_the_cap_is_damage_not_an_allocation() {
        let mut file = section_header();
        let len = u32::try_from(MAX_BLOCK + 4).unwrap().to_le_bytes();
        file.extend_from_slice(&[6, 0, 0, 0]);
        file.extend_from_slice(&len);
        file.extend_from_slice(&[0; 64]);
        let capture = dhcp_messages(&file).unwrap();
        assert_eq!(
            capture.damaged,
            Some(PcapError::BlockTooLarge { frames: 0 })
        );
    }

    #[test]
    fn a_legacy_frame_longer_than_the_cap_is_damage_not_an_allocation() {
        // A pcap header, then a record header claiming 4 GiB.
        let mut file = vec![
            0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0,
            0,
        ];
        file.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
        file.extend_from_slice(&[0xff, 0xff, 0xff, 0xff]);
        file.extend_from_slice(&[0; 100]);
        let capture = dhcp_messages(&file).unwrap();
        assert!(capture.damaged.is_some(), "{capture:?}");
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

    #[test]
    fn timestamps_print_as_rfc3339_utc() {
        let t = timestamp(1_714_564_800_123_456, 1_000_000, 0).unwrap();
        assert_eq!(t.to_string(), "2024-05-01T12:00:00.123456Z");
        let t = timestamp(951_782_400_000_000_001, 1_000_000_000, 0).unwrap();
        assert_eq!(t.to_string(), "2000-02-29T00:00:00.000000001Z");
        let t = timestamp(0, 1, 0).unwrap();
        assert_eq!(t.to_string(), "1970-01-01T00:00:00Z");
    }
}
