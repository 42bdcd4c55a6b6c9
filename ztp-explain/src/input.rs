//! Reading messages: hex text (whitespace, colons and `0x` allowed), the
//! hex dumps Wireshark and tcpdump print, and the frames people copy from
//! them (Ethernet, VLAN tags, Linux cooked, raw IP, then UDP), down to the
//! DHCP message and its family.
//!
//! [`hex`] reads plain hex. [`message`] reads whatever a person pastes:
//! it finds the text form ([`Form`]), checks a dump's offset column, and
//! unwraps a frame with the capture reader's own unwrapping
//! ([`crate::pcap`]), saying what it skipped ([`Headers`]).

use std::fmt;
use std::net::IpAddr;

use etherparse::err::packet::SliceError;
use etherparse::{LinkExtSlice, LinkSlice, NetSlice, SlicedPacket, TransportSlice};
use pcap_parser::Linktype;
use ztp_options::Family;

use crate::pcap::{Unsliced, dhcp_of, slice_frame};

/// Why hex text is not a message.
///
/// ```
/// use ztp_explain::input::{HexError, hex};
///
/// assert_eq!(hex("02:01 0x06")?, [2, 1, 6]);
/// assert_eq!(hex("0g"), Err(HexError::NotHex { offset: 1, found: 'g' }));
/// assert_eq!(hex("abc"), Err(HexError::OddDigits { digits: 3 }));
/// # Ok::<(), HexError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HexError {
    /// A character that is not a hex digit, at this character offset.
    NotHex {
        /// The character offset.
        offset: usize,
        /// The character.
        found: char,
    },
    /// An odd number of digits.
    OddDigits {
        /// How many digits.
        digits: usize,
    },
    /// No digits at all.
    Empty,
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HexError::NotHex { offset, found } => write!(
                f,
                "character {found:?} at offset {offset} is not a hex digit \
                 (give the message as hex; spaces, colons and 0x are allowed)"
            ),
            HexError::OddDigits { digits } => {
                write!(f, "{digits} hex digits: a byte needs two, one is missing")
            }
            HexError::Empty => f.write_str("no hex digits: give a message as hex, or --pcap FILE"),
        }
    }
}

/// Decodes hex text. `0x` prefixes (on the whole text or on each group),
/// whitespace, `:` and `-` separators are allowed.
pub fn hex(text: &str) -> Result<Vec<u8>, HexError> {
    let mut digits = Vec::with_capacity(text.len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(offset, c)) = chars.get(i) {
        let next = chars.get(i + 1).map(|&(_, c)| c);
        if c == '0' && matches!(next, Some('x' | 'X')) {
            // "0x" starts a group when it is not inside a run of digits.
            let prev_is_digit = i > 0
                && chars
                    .get(i - 1)
                    .is_some_and(|&(_, p)| p.is_ascii_hexdigit());
            if !prev_is_digit {
                i += 2;
                continue;
            }
        }
        if c.is_whitespace() || c == ':' || c == '-' || c == ',' {
            i += 1;
            continue;
        }
        match c.to_digit(16) {
            Some(d) => digits.push(d as u8),
            None => return Err(HexError::NotHex { offset, found: c }),
        }
        i += 1;
    }
    if digits.is_empty() {
        return Err(HexError::Empty);
    }
    if digits.len() % 2 != 0 {
        return Err(HexError::OddDigits {
            digits: digits.len(),
        });
    }
    Ok(digits
        .chunks_exact(2)
        .map(|p| p.iter().fold(0u8, |acc, d| (acc << 4) | d))
        .collect())
}

/// The text form a pasted message was read in.
///
/// ```
/// use ztp_explain::input::{Form, message};
///
/// let dump = "\t0x0000:  0201 0600\n";
/// assert_eq!(message(dump)?.form, Form::Tcpdump);
/// assert_eq!(Form::Tcpdump.to_string(), "tcpdump -x output");
/// # Ok::<(), ztp_explain::input::InputError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Plain hex, as [`hex`] reads it.
    Hex,
    /// Wireshark's "Copy as Hex Dump" (or "Hex + ASCII dump"): an offset
    /// column of four or more hex digits, bytes as pairs of digits, then an
    /// ASCII column, which is ignored.
    Wireshark,
    /// `tcpdump -x`, `-xx`, `-X` or `-XX`: `0x0000:` offsets, bytes in
    /// groups of four digits, an optional ASCII column (ignored); summary
    /// lines before the dump are skipped.
    Tcpdump,
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Form::Hex => "hex",
            Form::Wireshark => "a Wireshark hex dump",
            Form::Tcpdump => "tcpdump -x output",
        })
    }
}

/// The link layer a frame starts with.
///
/// ```
/// use ztp_explain::input::Link;
///
/// assert_eq!(Link::Ethernet.to_string(), "Ethernet II");
/// assert_eq!(Link::LinuxSll2.to_string(), "Linux cooked v2 (SLL2)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Ethernet II, possibly with 802.1Q / 802.1ad (QinQ) VLAN tags.
    Ethernet,
    /// Linux cooked capture (SLL, `tcpdump -i any` before libpcap 1.10).
    LinuxSll,
    /// Linux cooked capture v2 (SLL2, `tcpdump -i any` since libpcap 1.10).
    LinuxSll2,
    /// BSD loopback (a 4-byte address family, little-endian).
    Loopback,
    /// No link layer: the frame starts with the IP header (`tcpdump -x`
    /// without a second `x`, or a raw IP capture).
    RawIp,
}

impl Link {
    /// The pcap link type this is.
    const fn linktype(self) -> Linktype {
        match self {
            Link::Ethernet => Linktype::ETHERNET,
            Link::LinuxSll => Linktype::LINUX_SLL,
            Link::LinuxSll2 => Linktype::LINUX_SLL2,
            Link::Loopback => Linktype::NULL,
            Link::RawIp => Linktype::RAW,
        }
    }

    /// Bytes before the IP header, VLAN tags aside (etherparse counts
    /// offsets from the IP header on the links pcap-parser strips).
    const fn header_len(self) -> usize {
        match self {
            Link::Ethernet | Link::RawIp => 0,
            Link::LinuxSll => 16,
            Link::LinuxSll2 => 20,
            Link::Loopback => 4,
        }
    }

    /// "an Ethernet II frame", for errors.
    const fn with_article(self) -> &'static str {
        match self {
            Link::Ethernet => "an Ethernet II frame",
            Link::LinuxSll => "a Linux cooked (SLL) frame",
            Link::LinuxSll2 => "a Linux cooked v2 (SLL2) frame",
            Link::Loopback => "a BSD loopback frame",
            Link::RawIp => "a raw IP packet",
        }
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Link::Ethernet => "Ethernet II",
            Link::LinuxSll => "Linux cooked (SLL)",
            Link::LinuxSll2 => "Linux cooked v2 (SLL2)",
            Link::Loopback => "BSD loopback",
            Link::RawIp => "raw IP",
        })
    }
}

/// IPv4 or IPv6.
///
/// ```
/// assert_eq!(ztp_explain::input::IpVersion::V6.to_string(), "IPv6");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpVersion {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

impl fmt::Display for IpVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IpVersion::V4 => "IPv4",
            IpVersion::V6 => "IPv6",
        })
    }
}

/// The headers of a pasted frame, skipped to reach the DHCP message: what
/// a front end says once ("Ethernet II, VLAN 100, IPv4 ..., UDP 67 -> 68:
/// 46 header bytes skipped").
///
/// ```
/// use std::net::{IpAddr, Ipv4Addr};
/// use ztp_explain::input::{Headers, Link};
///
/// let headers = Headers {
///     link: Link::Ethernet,
///     vlans: vec![100],
///     source: IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)),
///     destination: IpAddr::V4(Ipv4Addr::new(192, 0, 2, 20)),
///     source_port: 67,
///     destination_port: 68,
///     skipped: 46,
///     trailing: 0,
/// };
/// assert_eq!(
///     headers.to_string(),
///     "Ethernet II, VLAN 100, IPv4 192.0.2.10 -> 192.0.2.20, UDP 67 -> 68: 46 header bytes skipped"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headers {
    /// The link layer.
    pub link: Link,
    /// VLAN ids, outermost first (empty without tags).
    pub vlans: Vec<u16>,
    /// The IP source address.
    pub source: IpAddr,
    /// The IP destination address.
    pub destination: IpAddr,
    /// The UDP source port.
    pub source_port: u16,
    /// The UDP destination port.
    pub destination_port: u16,
    /// Header bytes before the DHCP message.
    pub skipped: usize,
    /// Bytes after the UDP payload (Ethernet padding, a frame check
    /// sequence), ignored.
    pub trailing: usize,
}

impl Headers {
    /// IPv4 or IPv6.
    pub const fn ip(&self) -> IpVersion {
        match self.source {
            IpAddr::V4(_) => IpVersion::V4,
            IpAddr::V6(_) => IpVersion::V6,
        }
    }
}

impl fmt::Display for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.link != Link::RawIp {
            write!(f, "{}, ", self.link)?;
        }
        for vlan in &self.vlans {
            write!(f, "VLAN {vlan}, ")?;
        }
        write!(
            f,
            "{} {} -> {}, UDP {} -> {}: {} header bytes skipped",
            self.ip(),
            self.source,
            self.destination,
            self.source_port,
            self.destination_port,
            self.skipped
        )?;
        if self.trailing > 0 {
            write!(f, ", {} bytes after the UDP payload ignored", self.trailing)?;
        }
        Ok(())
    }
}

/// A pasted message: the DHCP bytes, their family when it can be told,
/// the text form, and the frame headers skipped to reach them.
///
/// ```
/// use ztp_explain::input::{Form, message};
/// use ztp_options::{Family, samples};
///
/// let hex: String = samples::V4_ACK.iter().map(|b| format!("{b:02x}")).collect();
/// let pasted = message(&hex)?;
/// assert_eq!(pasted.bytes, samples::V4_ACK);
/// assert_eq!(pasted.family, Some(Family::V4));
/// assert_eq!(pasted.form, Form::Hex);
/// assert!(pasted.headers.is_none()); // the DHCP message itself
/// # Ok::<(), ztp_explain::input::InputError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    /// The DHCP message (the UDP payload of a frame).
    pub bytes: Vec<u8>,
    /// DHCPv4 or DHCPv6: from the UDP ports of a frame, from
    /// [`Family::detect`] for a message; `None` when neither tells.
    pub family: Option<Family>,
    /// The text form it was read in.
    pub form: Form,
    /// The headers skipped, when the bytes were a frame.
    pub headers: Option<Headers>,
}

/// Why a dump line does not read.
///
/// ```
/// use ztp_explain::input::DumpProblem;
///
/// let p = DumpProblem::Offset { expected: 32, found: 48 };
/// assert_eq!(
///     p.to_string(),
///     "the offset column says 0x0030 but 0x0020 bytes came before it (a line is missing, \
///      repeated or cut)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DumpProblem {
    /// The offset column does not continue the bytes before it.
    Offset {
        /// Bytes read before this line.
        expected: usize,
        /// The line's offset.
        found: usize,
    },
    /// A character among the bytes that is not a hex digit.
    NotHex {
        /// Its column in the line, from 1.
        column: usize,
        /// The character.
        found: char,
    },
    /// A group of hex digits of the wrong width (pairs in a Wireshark
    /// dump, groups of four, or a last pair, in tcpdump's).
    Group {
        /// Its column in the line, from 1.
        column: usize,
        /// How many digits it has.
        digits: usize,
    },
    /// An offset with no bytes after it.
    NoBytes,
    /// A line inside the dump that is not a line of it.
    NotDump,
}

impl fmt::Display for DumpProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DumpProblem::Offset { expected, found } if *found == 0 => write!(
                f,
                "the offset column starts again at 0 after {expected:#06x} bytes (a second \
                 packet: paste one)"
            ),
            DumpProblem::Offset { expected, found } => write!(
                f,
                "the offset column says {found:#06x} but {expected:#06x} bytes came before it \
                 (a line is missing, repeated or cut)"
            ),
            DumpProblem::NotHex { column, found } => {
                write!(
                    f,
                    "character {found:?} at column {column} is not a hex digit"
                )
            }
            DumpProblem::Group { column, digits } => write!(
                f,
                "the group at column {column} has {digits} hex digits (the dump's bytes are \
                 pairs, or groups of four in tcpdump's)"
            ),
            DumpProblem::NoBytes => f.write_str("an offset with no bytes after it"),
            DumpProblem::NotDump => {
                f.write_str("not a line of the dump (paste one frame's dump, nothing after it)")
            }
        }
    }
}

/// What a frame holds instead of a whole DHCP message over UDP.
///
/// ```
/// use ztp_explain::input::{FrameProblem, IpVersion};
///
/// let p = FrameProblem::NotUdp { ip: IpVersion::V4, protocol: 6 };
/// assert_eq!(p.to_string(), "an IPv4 TCP segment, not UDP on ports 67/68/546/547");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrameProblem {
    /// The link layer carries something other than IP.
    NotIp {
        /// Its ether type (0 when the link layer does not say).
        ether_type: u16,
    },
    /// IP carrying another protocol than UDP.
    NotUdp {
        /// IPv4 or IPv6.
        ip: IpVersion,
        /// The IP protocol number (6: TCP).
        protocol: u8,
    },
    /// An IP fragment: the UDP datagram is not whole in it.
    Fragment {
        /// IPv4 or IPv6.
        ip: IpVersion,
    },
    /// UDP on other ports than DHCP's.
    OtherPorts {
        /// IPv4 or IPv6.
        ip: IpVersion,
        /// The UDP source port.
        source_port: u16,
        /// The UDP destination port.
        destination_port: u16,
    },
    /// A header or length field says more bytes than there are.
    Cut {
        /// The layer cut ("IPv4 packet", "UDP payload").
        layer: String,
        /// Its byte offset in the frame.
        at: usize,
        /// Bytes it needs, from its start.
        needed: usize,
        /// Bytes there are, from its start.
        have: usize,
    },
    /// A header that does not parse, in etherparse's words.
    Malformed {
        /// What etherparse said.
        problem: String,
    },
}

/// "TCP segment", "protocol 47 packet".
fn protocol_name(protocol: u8) -> String {
    match protocol {
        1 => "ICMP message".into(),
        2 => "IGMP message".into(),
        6 => "TCP segment".into(),
        58 => "ICMPv6 message".into(),
        132 => "SCTP packet".into(),
        p => format!("protocol {p} packet"),
    }
}

impl fmt::Display for FrameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const PORTS: &str = "not UDP on ports 67/68/546/547";
        match self {
            FrameProblem::NotIp { ether_type } => {
                write!(f, "ether type {ether_type:#06x}, not IP")
            }
            FrameProblem::NotUdp { ip, protocol } => {
                write!(f, "an {ip} {}, {PORTS}", protocol_name(*protocol))
            }
            FrameProblem::Fragment { ip } => write!(
                f,
                "an {ip} fragment: the UDP datagram is not whole in it (copy the reassembled \
                 message)"
            ),
            FrameProblem::OtherPorts {
                ip,
                source_port,
                destination_port,
            } => write!(f, "{ip} UDP {source_port} -> {destination_port}, {PORTS}"),
            FrameProblem::Cut {
                layer,
                at,
                needed,
                have,
            } => write!(
                f,
                "cut short: the {layer} at byte {at} needs {needed} bytes, {have} are there \
                 (copy the whole frame)"
            ),
            FrameProblem::Malformed { problem } => {
                write!(f, "headers that do not parse: {problem}")
            }
        }
    }
}

/// A frame that is not a whole DHCP message over UDP: its link layer and
/// what it holds instead.
///
/// ```
/// use ztp_explain::input::{FrameError, FrameProblem, IpVersion, Link};
///
/// let e = FrameError { link: Link::Ethernet, problem: FrameProblem::NotUdp { ip: IpVersion::V4, protocol: 6 } };
/// assert_eq!(
///     e.to_string(),
///     "an Ethernet II frame holding an IPv4 TCP segment, not UDP on ports 67/68/546/547"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameError {
    /// The link layer the frame was read with.
    pub link: Link,
    /// What it holds instead.
    pub problem: FrameProblem,
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let frame = self.link.with_article();
        match &self.problem {
            FrameProblem::Cut { .. } => write!(f, "{frame} {}", self.problem),
            FrameProblem::Malformed { .. } => write!(f, "{frame} with {}", self.problem),
            FrameProblem::NotIp { .. } => write!(f, "{frame} carrying {}", self.problem),
            _ => write!(f, "{frame} holding {}", self.problem),
        }
    }
}

impl std::error::Error for FrameError {}

/// Why pasted text is not a DHCP message.
///
/// ```
/// use ztp_explain::input::{DumpProblem, HexError, InputError, message};
///
/// assert_eq!(
///     message("02 01 zz"),
///     Err(InputError::Hex(HexError::NotHex { offset: 6, found: 'z' }))
/// );
/// let dump = "0000   02 01 06 00 00 00 00 00 00 00 00 00 00 00 00 00   ................\n\
///             0020   00 00                                               ..\n";
/// assert_eq!(
///     message(dump),
///     Err(InputError::Dump { line: 2, problem: DumpProblem::Offset { expected: 16, found: 32 } })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// Plain hex that does not decode.
    Hex(HexError),
    /// A line of a Wireshark or tcpdump dump that does not read.
    Dump {
        /// The line, from 1.
        line: usize,
        /// What is wrong with it.
        problem: DumpProblem,
    },
    /// A frame that is not a whole DHCP message over UDP.
    Frame(FrameError),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Hex(e) => e.fmt(f),
            InputError::Dump { line, problem } => write!(f, "line {line} of the dump: {problem}"),
            InputError::Frame(e) => write!(f, "the bytes are {e}"),
        }
    }
}

impl std::error::Error for InputError {}

impl From<HexError> for InputError {
    fn from(e: HexError) -> Self {
        InputError::Hex(e)
    }
}

impl From<FrameError> for InputError {
    fn from(e: FrameError) -> Self {
        InputError::Frame(e)
    }
}

/// Reads what a person pastes: plain hex ([`hex`]), a Wireshark hex dump
/// or tcpdump `-x`/`-xx`/`-X`/`-XX` output (the form is told from the
/// text, see [`Form`]), then the bytes: a DHCP message as they are, or a
/// frame (Ethernet II with or without VLAN tags, Linux cooked SLL or SLL2,
/// BSD loopback, raw IPv4 or IPv6) carrying one over UDP on ports 67/68 or
/// 546/547, unwrapped as the capture reader unwraps ([`crate::pcap`]).
///
/// The bytes are a message when the DHCPv4 magic cookie is at byte 236, or
/// when [`Family::detect`] says DHCPv6 and every option reads; otherwise
/// they are tried as each link layer they could start with. Bytes that
/// look like no frame are returned as they are, with the family
/// [`Family::detect`] gives (`None`: the caller says it cannot tell).
///
/// ```
/// use ztp_explain::input::{Form, Link, message};
/// use ztp_options::{Family, samples};
///
/// // tcpdump -XX prints a summary line, then the frame: Ethernet, IPv4, UDP.
/// let mut frame = vec![0xff; 6];
/// frame.extend_from_slice(&[0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00]);
/// let udp_len = 8 + samples::V4_ACK.len();
/// let ip_len = 20 + udp_len as u16;
/// frame.extend_from_slice(&[0x45, 0, (ip_len >> 8) as u8, ip_len as u8, 0, 0, 0, 0, 64, 17, 0, 0]);
/// frame.extend_from_slice(&[192, 0, 2, 1, 255, 255, 255, 255]);
/// frame.extend_from_slice(&[0, 67, 0, 68, (udp_len >> 8) as u8, udp_len as u8, 0, 0]);
/// frame.extend_from_slice(samples::V4_ACK);
/// let mut text = String::from("12:00:00.000000 IP 192.0.2.1.67 > 255.255.255.255.68: BOOTP/DHCP, Reply, length 300\n");
/// for (n, line) in frame.chunks(16).enumerate() {
///     text += &format!("\t0x{:04x}:  ", n * 16);
///     for group in line.chunks(2) {
///         text += &group.iter().map(|b| format!("{b:02x}")).collect::<String>();
///         text += " ";
///     }
///     text += " ................\n";
/// }
///
/// let pasted = message(&text)?;
/// assert_eq!(pasted.form, Form::Tcpdump);
/// assert_eq!(pasted.family, Some(Family::V4));
/// assert_eq!(pasted.bytes, samples::V4_ACK);
/// let headers = pasted.headers.unwrap();
/// assert_eq!(headers.link, Link::Ethernet);
/// assert_eq!(
///     headers.to_string(),
///     "Ethernet II, IPv4 192.0.2.1 -> 255.255.255.255, UDP 67 -> 68: 42 header bytes skipped"
/// );
/// # Ok::<(), ztp_explain::input::InputError>(())
/// ```
///
/// # Errors
///
/// [`InputError::Hex`] for plain hex that does not decode (with the
/// character offset), [`InputError::Dump`] for a dump line that does not
/// read or whose offset does not continue the bytes before it (with the
/// line), [`InputError::Frame`] for a frame that is not a whole DHCP
/// message over UDP (what it holds instead, or where it is cut).
pub fn message(text: &str) -> Result<Pasted, InputError> {
    let (form, bytes) = read_text(text)?;
    let unwrapped = payload(&bytes)?;
    Ok(Pasted {
        bytes: unwrapped.bytes.to_vec(),
        family: unwrapped.family,
        form,
        headers: unwrapped.headers,
    })
}

/// A DHCP message found in bytes, borrowed from them.
///
/// ```
/// use ztp_explain::input::payload;
/// use ztp_options::{Family, samples};
///
/// let found = payload(samples::V6_REPLY)?;
/// assert_eq!(found.bytes, samples::V6_REPLY);
/// assert_eq!(found.family, Some(Family::V6));
/// assert!(found.headers.is_none());
/// # Ok::<(), ztp_explain::input::FrameError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload<'a> {
    /// The DHCP message.
    pub bytes: &'a [u8],
    /// DHCPv4 or DHCPv6, when it can be told.
    pub family: Option<Family>,
    /// The headers skipped, when the bytes were a frame.
    pub headers: Option<Headers>,
}

/// The bytes half of [`message`]: the DHCP message in bytes that are one,
/// or a frame carrying one.
///
/// ```
/// use ztp_explain::input::{FrameProblem, Link, payload};
/// use ztp_options::{Family, samples};
///
/// // Raw IPv6 (tcpdump -x), UDP 547 -> 546, the REPLY.
/// let udp_len = (8 + samples::V6_REPLY.len()) as u16;
/// let mut packet = vec![0x60, 0, 0, 0, (udp_len >> 8) as u8, udp_len as u8, 17, 64];
/// packet.extend_from_slice(&[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
/// packet.extend_from_slice(&[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
/// packet.extend_from_slice(&[0x02, 0x23, 0x02, 0x22, (udp_len >> 8) as u8, udp_len as u8, 0, 0]);
/// packet.extend_from_slice(samples::V6_REPLY);
///
/// let found = payload(&packet)?;
/// assert_eq!(found.bytes, samples::V6_REPLY);
/// assert_eq!(found.family, Some(Family::V6));
/// assert_eq!(found.headers.as_ref().map(|h| (h.link, h.skipped)), Some((Link::RawIp, 48)));
///
/// // The same packet cut: the UDP length says more than there is.
/// let cut = payload(&packet[..100]).unwrap_err();
/// assert!(matches!(cut.problem, FrameProblem::Cut { at: 0, .. }));
/// # Ok::<(), ztp_explain::input::FrameError>(())
/// ```
///
/// # Errors
///
/// A [`FrameError`] when the bytes are a frame (a link layer and IP header
/// that read) that does not carry a whole DHCP message over UDP.
pub fn payload(bytes: &[u8]) -> Result<Payload<'_>, FrameError> {
    let detected = Family::detect(bytes);
    let message = Payload {
        bytes,
        family: detected,
        headers: None,
    };
    if detected == Some(Family::V4)
        && bytes.get(ztp_options::v4::field::MAGIC)
            == Some(&ztp_options::v4::field::MAGIC_COOKIE[..])
    {
        return Ok(message);
    }
    if detected == Some(Family::V6)
        && ztp_options::v6::Message::new_checked(bytes)
            .is_ok_and(|m| m.options().all(|o| o.is_ok()))
    {
        return Ok(message);
    }
    let mut first_error = None;
    for link in plausible_links(bytes) {
        match unwrap_frame(link, bytes) {
            Ok(found) => return Ok(found),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(message),
    }
}

const ETHERTYPE_IPV4: u16 = 0x0800;
const ETHERTYPE_IPV6: u16 = 0x86dd;
const ETHERTYPE_VLANS: [u16; 3] = [0x8100, 0x88a8, 0x9100];

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    let b: [u8; 2] = bytes.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(u16::from_be_bytes(b))
}

/// Whether an IP header of the version this ether type says starts here.
fn ip_at(bytes: &[u8], at: usize, ether_type: u16) -> bool {
    let Some(first) = bytes.get(at) else {
        return false;
    };
    match ether_type {
        ETHERTYPE_IPV4 => first >> 4 == 4,
        ETHERTYPE_IPV6 => first >> 4 == 6,
        _ => false,
    }
}

/// The link layers the bytes could start with, most specific first: the
/// link header's protocol field says IP (or a VLAN tag), and an IP header
/// of that version follows (its version nibble; a header that does not
/// read past it is said as the frame's error, not taken for a message).
fn plausible_links(bytes: &[u8]) -> Vec<Link> {
    let mut links = Vec::new();
    // Ethernet II: the ether type at 12, through up to three VLAN tags.
    let mut at = 12;
    while let Some(ty) = be16(bytes, at) {
        if ETHERTYPE_VLANS.contains(&ty) && at < 12 + 3 * 4 {
            at += 4;
            continue;
        }
        if ip_at(bytes, at + 2, ty) {
            links.push(Link::Ethernet);
        }
        break;
    }
    // SLL2: protocol, reserved zero, interface, ARPHRD, packet type, address length.
    if let (Some(ty), Some(0), Some(&kind), Some(&len)) =
        (be16(bytes, 0), be16(bytes, 2), bytes.get(10), bytes.get(11))
        && kind <= 4
        && len <= 8
        && ip_at(bytes, 20, ty)
    {
        links.push(Link::LinuxSll2);
    }
    // SLL: packet type, ARPHRD, address length, address, protocol.
    if let (Some(kind), Some(len), Some(ty)) = (be16(bytes, 0), be16(bytes, 4), be16(bytes, 14))
        && kind <= 4
        && len <= 8
        && ip_at(bytes, 16, ty)
    {
        links.push(Link::LinuxSll);
    }
    // BSD loopback: the address family, little-endian (2: IPv4; 24, 28,
    // 30: IPv6 on the BSDs).
    if let Some(family) = bytes.get(..4) {
        let ty = match family {
            [2, 0, 0, 0] => Some(ETHERTYPE_IPV4),
            [24 | 28 | 30, 0, 0, 0] => Some(ETHERTYPE_IPV6),
            _ => None,
        };
        if ty.is_some_and(|ty| ip_at(bytes, 4, ty)) {
            links.push(Link::Loopback);
        }
    }
    // Raw IP: one byte to go by, so an IPv4 header length too (at least
    // the 20-byte header).
    let ihl_ok = bytes.first().is_some_and(|b| b & 0x0f >= 5);
    if (ip_at(bytes, 0, ETHERTYPE_IPV4) && ihl_ok) || ip_at(bytes, 0, ETHERTYPE_IPV6) {
        links.push(Link::RawIp);
    }
    links
}

/// Where `inner` starts in `outer`, when it is a part of it.
fn offset_in(outer: &[u8], inner: &[u8]) -> Option<usize> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start.checked_add(inner.len())? <= outer.len()).then_some(start)
}

/// Unwraps `bytes` as a frame of this link layer, with the capture
/// reader's unwrapping.
fn unwrap_frame(link: Link, bytes: &[u8]) -> Result<Payload<'_>, FrameError> {
    let error = |problem| FrameError { link, problem };
    let sliced = slice_frame(link.linktype(), bytes).map_err(|e| error(unsliced(link, e)))?;
    let (ip, source, destination) = match &sliced.net {
        Some(NetSlice::Ipv4(v4)) => (
            IpVersion::V4,
            IpAddr::V4(v4.header().source_addr()),
            IpAddr::V4(v4.header().destination_addr()),
        ),
        Some(NetSlice::Ipv6(v6)) => (
            IpVersion::V6,
            IpAddr::V6(v6.header().source_addr()),
            IpAddr::V6(v6.header().destination_addr()),
        ),
        Some(NetSlice::Arp(_)) | None => {
            return Err(error(FrameProblem::NotIp {
                ether_type: ether_type(&sliced),
            }));
        }
    };
    let Some((family, payload)) = dhcp_of(&sliced) else {
        return Err(error(not_dhcp(&sliced, ip)));
    };
    let Some(TransportSlice::Udp(udp)) = &sliced.transport else {
        return Err(error(not_dhcp(&sliced, ip)));
    };
    let skipped = offset_in(bytes, payload).unwrap_or(0);
    let trailing = bytes.len().saturating_sub(skipped + payload.len());
    let vlans = sliced
        .link_exts
        .iter()
        .filter_map(|ext| match ext {
            LinkExtSlice::Vlan(vlan) => Some(vlan.vlan_identifier().value()),
            LinkExtSlice::Macsec(_) => None,
        })
        .collect();
    Ok(Payload {
        bytes: payload,
        family: Some(family),
        headers: Some(Headers {
            link,
            vlans,
            source,
            destination,
            source_port: udp.source_port(),
            destination_port: udp.destination_port(),
            skipped,
            trailing,
        }),
    })
}

/// The innermost ether type a frame without IP says.
fn ether_type(sliced: &SlicedPacket<'_>) -> u16 {
    let from_ext = sliced.link_exts.iter().rev().find_map(|ext| match ext {
        LinkExtSlice::Vlan(vlan) => Some(vlan.ether_type().0),
        LinkExtSlice::Macsec(_) => None,
    });
    let from_link = match &sliced.link {
        Some(LinkSlice::Ethernet2(eth)) => Some(eth.ether_type().0),
        Some(LinkSlice::EtherPayload(p)) => Some(p.ether_type.0),
        _ => None,
    };
    from_ext.or(from_link).unwrap_or(0)
}

/// What an IP frame holds instead of DHCP over UDP.
fn not_dhcp(sliced: &SlicedPacket<'_>, ip: IpVersion) -> FrameProblem {
    let payload = sliced.net.as_ref().and_then(NetSlice::ip_payload_ref);
    match (&sliced.transport, payload) {
        (Some(TransportSlice::Udp(udp)), _) => FrameProblem::OtherPorts {
            ip,
            source_port: udp.source_port(),
            destination_port: udp.destination_port(),
        },
        (_, Some(p)) if p.fragmented => FrameProblem::Fragment { ip },
        (_, Some(p)) => FrameProblem::NotUdp {
            ip,
            protocol: p.ip_number.0,
        },
        (_, None) => FrameProblem::NotIp { ether_type: 0 },
    }
}

/// The unwrapping's error, said for a person.
fn unsliced(link: Link, e: Unsliced) -> FrameProblem {
    match e {
        Unsliced::Link => FrameProblem::Malformed {
            problem: format!("a {link} header that carries no IP (GRE, netlink or radiotap)"),
        },
        Unsliced::Slice(SliceError::Len(len)) => FrameProblem::Cut {
            layer: len.layer.to_string(),
            at: len.layer_start_offset + link.header_len(),
            needed: len.required_len,
            have: len.len,
        },
        Unsliced::Slice(e) => FrameProblem::Malformed {
            problem: e.to_string(),
        },
    }
}

/// One whitespace-separated token of a dump line: its column (from 1, in
/// characters), the whitespace before it (a tab counts as 4) and its text.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    column: usize,
    gap: usize,
    text: &'a str,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut gap = 0;
    let mut start: Option<(usize, usize, usize)> = None; // (byte, column, gap)
    let mut column = 0;
    for (byte, c) in line.char_indices() {
        column += 1;
        if c.is_whitespace() {
            if let Some((b, col, g)) = start.take() {
                out.push(Token {
                    column: col,
                    gap: g,
                    text: line.get(b..byte).unwrap_or(""),
                });
                gap = 0;
            }
            gap += if c == '\t' { 4 } else { 1 };
        } else if start.is_none() {
            start = Some((byte, column, gap));
        }
    }
    if let Some((b, col, g)) = start {
        out.push(Token {
            column: col,
            gap: g,
            text: line.get(b..).unwrap_or(""),
        });
    }
    out
}

fn all_hex(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_hexdigit())
}

/// The offset of a dump line of this form, and the tokens after it.
fn dump_line(line: &str, form: Form) -> Option<(usize, Vec<Token<'_>>)> {
    let mut tokens = tokens(line);
    let first = *tokens.first()?;
    let offset = match form {
        Form::Tcpdump => {
            let digits = first.text.strip_prefix("0x")?.strip_suffix(':')?;
            (digits.len() >= 4 && all_hex(digits)).then_some(digits)?
        }
        Form::Wireshark => {
            let second = tokens.get(1)?;
            (first.text.len() >= 4
                && all_hex(first.text)
                && second.text.len() == 2
                && all_hex(second.text))
            .then_some(first.text)?
        }
        Form::Hex => return None,
    };
    let offset = usize::from_str_radix(offset, 16).ok()?;
    tokens.remove(0);
    Some((offset, tokens))
}

/// The text form: tcpdump when a line has a `0x0000:` offset, Wireshark
/// when the first line is a dump line at offset 0, plain hex otherwise.
fn form(text: &str) -> Form {
    if text.lines().any(|l| dump_line(l, Form::Tcpdump).is_some()) {
        return Form::Tcpdump;
    }
    let first = text.lines().find(|l| !l.trim().is_empty());
    if first
        .and_then(|l| dump_line(l, Form::Wireshark))
        .is_some_and(|(offset, _)| offset == 0)
    {
        return Form::Wireshark;
    }
    Form::Hex
}

/// The bytes of one dump line, appended to `out`; the ASCII column (after
/// a wide gap, or after 16 bytes) is left out.
fn line_bytes(tokens: &[Token<'_>], form: Form, out: &mut Vec<u8>) -> Result<(), DumpProblem> {
    let mut count = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        if count >= 16 {
            break;
        }
        let wide = match form {
            // Wireshark: three spaces before the ASCII column; two may
            // split the bytes in halves of eight.
            Form::Wireshark => token.gap >= 3 || (token.gap == 2 && count != 8),
            // tcpdump: two spaces before the ASCII column.
            _ => token.gap >= 2,
        };
        if i > 0 && wide {
            break;
        }
        let text = token.text;
        if let Some((at, found)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_ascii_hexdigit())
        {
            return Err(DumpProblem::NotHex {
                column: token.column + at,
                found,
            });
        }
        let widths: &[usize] = match form {
            Form::Wireshark => &[2],
            _ => &[4, 2],
        };
        if !widths.contains(&text.len()) {
            return Err(DumpProblem::Group {
                column: token.column,
                digits: text.len(),
            });
        }
        for pair in text.as_bytes().chunks_exact(2) {
            let digits = std::str::from_utf8(pair).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(digits, 16) {
                out.push(b);
                count += 1;
            }
        }
    }
    if count == 0 {
        return Err(DumpProblem::NoBytes);
    }
    Ok(())
}

/// The bytes of pasted text, and its form.
fn read_text(text: &str) -> Result<(Form, Vec<u8>), InputError> {
    let form = form(text);
    if form == Form::Hex {
        return Ok((form, hex(text)?));
    }
    let mut bytes = Vec::new();
    let mut started = false;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let err = |problem| InputError::Dump {
            line: line_no,
            problem,
        };
        if line.trim().is_empty() {
            continue;
        }
        let Some((offset, tokens)) = dump_line(line, form) else {
            if started {
                return Err(err(DumpProblem::NotDump));
            }
            // tcpdump's summary lines (and -v's continuation lines).
            continue;
        };
        started = true;
        if offset != bytes.len() {
            return Err(err(DumpProblem::Offset {
                expected: bytes.len(),
                found: offset,
            }));
        }
        line_bytes(&tokens, form, &mut bytes).map_err(err)?;
    }
    Ok((form, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_accepts_separators_and_prefixes() {
        assert_eq!(hex("0a0B ff"), Ok(vec![0x0a, 0x0b, 0xff]));
        assert_eq!(hex("0x0a:0b:ff\n"), Ok(vec![0x0a, 0x0b, 0xff]));
        assert_eq!(hex("0x0a 0x0b"), Ok(vec![0x0a, 0x0b]));
        assert_eq!(hex("00 00"), Ok(vec![0, 0]));
        assert_eq!(
            hex("a0x1"),
            Err(HexError::NotHex {
                offset: 2,
                found: 'x'
            })
        );
        assert_eq!(hex("abc"), Err(HexError::OddDigits { digits: 3 }));
        assert_eq!(hex(" \n"), Err(HexError::Empty));
        assert_eq!(
            hex("zz"),
            Err(HexError::NotHex {
                offset: 0,
                found: 'z'
            })
        );
    }
}
