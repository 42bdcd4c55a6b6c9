//! The errors of this crate: [`DecodeError`] for bytes that do not decode,
//! [`EncodeError`] for values an encoder cannot write, and the small values
//! they carry.
//!
//! A decode error is `{ at, kind }`: **where** (a [`Place`]: family, option
//! code, suboption code, byte offset) and **what** (a [`DecodeErrorKind`],
//! which carries no position of its own, so that leaf values such as
//! [`Port`](crate::Port) or [`TransferMode`](crate::TransferMode) parse with
//! it alone). The offending **value** is not copied: the error says where it
//! starts and how long it is, and [`DecodeError::value`] or
//! [`DecodeError::display_in`] read it back from the input. So an error is
//! 24 bytes, cheap on every `Result`, and never allocates (a test asserts the
//! sizes).
//!
//! # Offsets
//!
//! One convention everywhere: [`Place::offset`] is the offset of the first
//! offending byte, counted from the start of the input handed to the decoder
//! (the whole message for message-level decoding, the value for a value
//! decoded alone):
//!
//! - framing errors (a length that overruns, an item header cut short, bytes
//!   after an end code) point at the item's first byte, its code;
//! - value errors (a bad transfer mode, a host name, a control byte) point at
//!   the value's first byte, and the kind says how long the value is and, for
//!   a single bad byte, its index in the value.
//!
//! When an option was split across several instances (RFC 3396), offsets
//! inside its value count in the concatenation, from the first instance's
//! value; [`Place::in_joined_value`] says so, and the value is then not read
//! back from the input (it is not contiguous there).

use core::fmt;
use core::ops::Range;

use crate::family::Family;

/// Where in the input something was found: the family, the option and
/// suboption (when inside one) and the byte offset.
///
/// It is 12 bytes: the offset is kept as a `u32` (a DHCP message fits in a
/// UDP datagram, and offsets past `u32::MAX` saturate).
///
/// ```
/// use ztp_options::{Family, Place};
///
/// let at = Place::option(Family::V4, 43, 310).suboption(3, 312);
/// assert_eq!(at.option_code(), Some(43));
/// assert_eq!(at.suboption_code(), Some(3));
/// assert_eq!(at.offset(), 312);
/// assert_eq!(at.to_string(), "dhcpv4 option 43 suboption 03 at byte 312");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Place {
    offset: u32,
    option: u16,
    suboption: u16,
    family: Family,
    flags: u8,
}

const HAS_OPTION: u8 = 1;
const HAS_SUBOPTION: u8 = 2;
const JOINED: u8 = 4;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Place {
    /// A place in the fixed part of a message (or of a value decoded alone),
    /// outside any option.
    pub const fn header(family: Family, offset: usize) -> Self {
        Place {
            offset: if offset > u32::MAX as usize {
                u32::MAX
            } else {
                offset as u32
            },
            option: 0,
            suboption: 0,
            family,
            flags: 0,
        }
    }

    /// A place inside option `code`.
    pub const fn option(family: Family, code: u16, offset: usize) -> Self {
        let mut p = Place::header(family, offset);
        p.option = code;
        p.flags = HAS_OPTION;
        p
    }

    /// The same place, inside suboption (vendor item) `code`, at `offset`.
    #[must_use]
    pub const fn suboption(self, code: u16, offset: usize) -> Self {
        let mut p = Place::header(self.family, offset);
        p.option = self.option;
        p.suboption = code;
        p.flags = self.flags | HAS_SUBOPTION;
        p
    }

    /// The same place, `delta` bytes further.
    #[must_use]
    pub fn shifted(self, delta: usize) -> Self {
        Place {
            offset: self.offset.saturating_add(to_u32(delta)),
            ..self
        }
    }

    /// The same place (family, option, suboption) at another offset.
    #[must_use]
    pub fn at_offset(self, offset: usize) -> Self {
        Place {
            offset: to_u32(offset),
            ..self
        }
    }

    /// The same place, marked as inside an option joined from several
    /// instances (RFC 3396): its offset counts in the concatenation.
    #[must_use]
    pub const fn joined(self) -> Self {
        Place {
            flags: self.flags | JOINED,
            ..self
        }
    }

    /// DHCPv4 or DHCPv6.
    pub const fn family(&self) -> Family {
        self.family
    }

    /// The option code, when the place is inside an option.
    pub const fn option_code(&self) -> Option<u16> {
        if self.flags & HAS_OPTION != 0 {
            Some(self.option)
        } else {
            None
        }
    }

    /// The suboption (vendor item) code, when the place is inside one.
    pub const fn suboption_code(&self) -> Option<u16> {
        if self.flags & HAS_SUBOPTION != 0 {
            Some(self.suboption)
        } else {
            None
        }
    }

    /// The byte offset, counted from the start of the input handed to the
    /// decoder: the item's code byte for framing errors, the value's first
    /// byte for value errors (the kind gives the index of a bad byte inside
    /// it); inside the concatenation when [`Place::in_joined_value`].
    pub const fn offset(&self) -> usize {
        self.offset as usize
    }

    /// Whether the offset counts inside the concatenated value of an option
    /// split across several instances (RFC 3396) rather than in the input.
    pub const fn in_joined_value(&self) -> bool {
        self.flags & JOINED != 0
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.family)?;
        if let Some(option) = self.option_code() {
            write!(f, " option {option}")?;
        }
        if let Some(sub) = self.suboption_code() {
            write!(f, " suboption {sub:02}")?;
        }
        if self.in_joined_value() {
            write!(f, " at byte {} of the joined value", self.offset)
        } else {
            write!(f, " at byte {}", self.offset)
        }
    }
}

impl fmt::Debug for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Place({self})")
    }
}

/// How many bytes of an offending value [`Excerpt`] shows.
pub const EXCERPT_LEN: usize = 40;

/// Shows (the start of) an offending value: the bytes as text, anything
/// that is not printable ASCII escaped (`\x00`), and how long the whole
/// value is when only its start is shown.
///
/// ```
/// use ztp_options::Excerpt;
///
/// assert_eq!(Excerpt(b"htxp\0").to_string(), r#""htxp\x00""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Excerpt<'a>(pub &'a [u8]);

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = self.0.get(..EXCERPT_LEN).unwrap_or(self.0);
        f.write_str("\"")?;
        for &b in kept {
            match b {
                b'"' => f.write_str("\\\"")?,
                b'\\' => f.write_str("\\\\")?,
                0x20..=0x7e => write!(f, "{}", char::from(b))?,
                _ => write!(f, "\\x{b:02x}")?,
            }
        }
        f.write_str("\"")?;
        if kept.len() < self.0.len() {
            write!(f, "... ({} bytes in all)", self.0.len())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// What a fixed- or bounded-length field or option must measure.
///
/// ```
/// use ztp_options::{DecodeErrorKind, LengthRule, v4::Ipv4List};
///
/// let err = Ipv4List::try_from(&[192, 0, 2][..]).unwrap_err();
/// assert_eq!(err, DecodeErrorKind::BadLength { len: 3, expected: LengthRule::MultipleOf(4) });
/// assert_eq!(LengthRule::MultipleOf(4).to_string(), "a non-zero multiple of 4");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum LengthRule {
    /// Exactly this many bytes.
    Exactly(u16),
    /// A non-zero multiple of this many bytes (address lists).
    MultipleOf(u16),
    /// At least this many bytes.
    AtLeast(u16),
    /// At most this many bytes.
    AtMost(u16),
}

impl fmt::Display for LengthRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LengthRule::Exactly(n) => write!(f, "exactly {n}"),
            LengthRule::MultipleOf(n) => write!(f, "a non-zero multiple of {n}"),
            LengthRule::AtLeast(n) => write!(f, "at least {n}"),
            LengthRule::AtMost(n) => write!(f, "at most {n}"),
        }
    }
}

/// The area a TLV walk runs over, named in framing errors.
///
/// ```
/// use ztp_options::{DecodeErrorKind, Within, v4::Option43};
///
/// // Suboption 01 announces 9 bytes, 7 follow (R1).
/// let err = Option43::new_checked(b"\x01\x09sw.conf").unwrap_err();
/// assert!(matches!(
///     err.kind(),
///     DecodeErrorKind::LengthOverrun { within: Within::Suboptions, len: 9, available: 7 }
/// ));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Within {
    /// A message's options (after the DHCPv4 cookie, after a DHCPv6 header).
    Options,
    /// The DHCPv4 `file` field, holding options (option 52).
    File,
    /// The DHCPv4 `sname` field, holding options (option 52).
    Sname,
    /// The suboptions (vendor items) of the option named by the place.
    Suboptions,
    /// The class data items of DHCPv6 option 15 or 16, or the RFC 3004
    /// items of DHCPv4 option 77.
    ClassData,
    /// The bootstrap-server list of the SZTP redirect (DHCPv4 option 143,
    /// DHCPv6 option 136, R31).
    BootstrapServers,
}

impl Within {
    fn describe(self, at: &Place, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, at.option_code()) {
            (Within::Options, _) => f.write_str("options"),
            (Within::File, _) => f.write_str("file field"),
            (Within::Sname, _) => f.write_str("sname field"),
            (Within::Suboptions | Within::ClassData, Some(code)) => write!(f, "option {code}"),
            (Within::BootstrapServers, Some(code)) => {
                write!(f, "bootstrap-server list of option {code}")
            }
            (Within::Suboptions, None) => f.write_str("suboptions"),
            (Within::ClassData, None) => f.write_str("class data"),
            (Within::BootstrapServers, None) => f.write_str("bootstrap-server list"),
        }
    }
}

/// A fixed field that can be cut short.
///
/// ```
/// use ztp_options::{DecodeErrorKind, Field, v4::Message};
///
/// let err = Message::new_checked(&[2, 1, 6, 0]).unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::Truncated { field: Field::V4Header, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Field {
    /// The DHCPv4 fixed header and magic cookie (240 bytes).
    V4Header,
    /// The DHCPv6 client/server header (4 bytes).
    V6Header,
    /// The DHCPv6 relay header (34 bytes).
    RelayHeader,
    /// An option's code and length.
    OptionHeader,
    /// A suboption's (vendor item's) code and length.
    ItemHeader,
    /// The length of a class data item.
    ItemLength,
    /// The enterprise number of DHCPv6 option 16 or 17.
    EnterpriseNumber,
    /// The two-byte length of a URI in the SZTP bootstrap-server list (R31).
    UriLength,
}

impl Field {
    /// The field's name, as error messages say it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::V4Header => "dhcpv4 header and magic cookie",
            Field::V6Header => "dhcpv6 header",
            Field::RelayHeader => "dhcpv6 relay header",
            Field::OptionHeader => "option code and length",
            Field::ItemHeader => "suboption code and length",
            Field::ItemLength => "item length",
            Field::EnterpriseNumber => "enterprise number",
            Field::UriLength => "uri length",
        }
    }
}

/// What is wrong with an option 59 boot file URL, in
/// [`DecodeErrorKind::BadUrl`].
///
/// ```
/// use ztp_options::{DecodeErrorKind, Family, Place, UrlProblem, v6::BootFileUrl};
///
/// let err = BootFileUrl::parse(b"http://2001:db8::1/img.tgz", Place::option(Family::V6, 59, 0))
///     .unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::BadUrl { problem: UrlProblem::Unbracketed, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum UrlProblem {
    /// No `scheme://` at the start.
    NoScheme,
    /// A scheme other than `tftp`, `ftp`, `http`, `https`.
    UnknownScheme,
    /// Nothing between `://` and the path.
    NoServer,
    /// A `[` with no `]`.
    UnclosedBracket,
    /// Brackets around something that is not an IPv6 address (a zone id
    /// such as `%eth0` included).
    BadIpv6,
    /// An IPv6 address without the brackets a URL needs (R22).
    Unbracketed,
    /// An IPv4 address where DHCPv6 needs an IPv6 address (R9, R22).
    Ipv4,
    /// A host name: ZTP does not resolve names (R22).
    HostName,
    /// A user name or password (`user@`): FTP is anonymous (R23), and the
    /// other modes take none.
    UserInfo,
    /// A port that is not 1..=65535.
    BadPort,
    /// Something other than `:port` or `/` after the `]`.
    AfterServer,
    /// A path that does not start with `/` (encoder only).
    BadPath,
}

impl UrlProblem {
    /// The lowercase description used in error messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            UrlProblem::NoScheme => "no transfer-mode:// scheme",
            UrlProblem::UnknownScheme => "the scheme is not tftp, ftp, http or https",
            UrlProblem::NoServer => "no file server",
            UrlProblem::UnclosedBracket => "no ] after the ipv6 address",
            UrlProblem::BadIpv6 => "not an ipv6 address between the brackets",
            UrlProblem::Unbracketed => "the ipv6 address must be in brackets",
            UrlProblem::Ipv4 => "an ipv4 address; dhcpv6 needs an ipv6 address in brackets",
            UrlProblem::HostName => {
                "a host name, not an ip address; name resolution is not supported"
            }
            UrlProblem::UserInfo => "user name or password in the url",
            UrlProblem::BadPort => "the port is not 1..=65535",
            UrlProblem::AfterServer => "neither :port nor / after the server",
            UrlProblem::BadPath => "the path must be empty or start with /",
        }
    }
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong with one URI of an SZTP bootstrap-server list (RFC 8572
/// §8.3: `https://<ip-address-or-hostname>[:<port>]`, R31), in
/// [`DecodeErrorKind::BadSztpUri`].
///
/// ```
/// use ztp_options::{DecodeErrorKind, SztpProblem};
///
/// // One URI of a redirect list (R31): a path is not allowed.
/// let kind = DecodeErrorKind::BadSztpUri { problem: SztpProblem::Path, index: 19, len: 24 };
/// assert_eq!(SztpProblem::Path.as_str(), "a path, query or fragment (the form is https://host[:port])");
/// # let _ = kind;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum SztpProblem {
    /// A URI of length 0.
    Empty,
    /// A byte a URI cannot hold (a space, a control byte, non-ASCII).
    BadByte,
    /// A scheme other than `https://` (or none).
    NotHttps,
    /// Nothing between `https://` and the end or the port.
    NoHost,
    /// A user name or password (`user@`).
    UserInfo,
    /// A host that is neither an IPv4 literal, a bracketed IPv6 literal
    /// nor a DNS name (letters, digits and hyphens in dot-separated labels
    /// of 1 to 63 bytes, 253 bytes at most).
    BadHost,
    /// A `[` with no `]`.
    UnclosedBracket,
    /// Brackets around something that is not an IPv6 address (a zone id
    /// such as `%eth0` included).
    BadIpv6,
    /// An IPv6 address without the brackets a URI needs.
    Unbracketed,
    /// Something other than `:port` or the end after the host.
    AfterHost,
    /// A port that is not 1..=65535.
    BadPort,
    /// A path, a query or a fragment: the form has none (not even `/`).
    Path,
    /// A DNS label longer than 63 octets (RFC 1035 §2.3.4); `len` is the
    /// label's length, and the error's index its first byte.
    LabelTooLong {
        /// The label's length.
        len: Len16,
    },
    /// A DNS name longer than 253 octets (RFC 1035 §2.3.4, without the
    /// final dot); `len` is the name's length.
    NameTooLong {
        /// The name's length.
        len: Len16,
    },
}

/// A length of at most 65535 (a URI's length field is two bytes), kept
/// as two bytes without alignment so that the errors that carry it stay
/// small ([`SztpProblem::LabelTooLong`], [`SztpProblem::NameTooLong`]).
///
/// ```
/// use ztp_options::Len16;
///
/// let len = Len16::new(70);
/// assert_eq!(len.get(), 70);
/// assert_eq!(len.to_string(), "70");
/// assert_eq!(Len16::saturating(100_000).get(), u16::MAX);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "u16", into = "u16"))]
pub struct Len16([u8; 2]);

impl Len16 {
    /// The length `n`.
    pub const fn new(n: u16) -> Self {
        Len16(n.to_be_bytes())
    }

    /// The length `n`, or 65535 when it is larger.
    pub const fn saturating(n: usize) -> Self {
        Len16::new(if n > u16::MAX as usize {
            u16::MAX
        } else {
            n as u16
        })
    }

    /// The length.
    pub const fn get(self) -> u16 {
        u16::from_be_bytes(self.0)
    }
}

impl From<u16> for Len16 {
    fn from(n: u16) -> Self {
        Len16::new(n)
    }
}

impl From<Len16> for u16 {
    fn from(n: Len16) -> Self {
        n.get()
    }
}

impl fmt::Display for Len16 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.get())
    }
}

impl SztpProblem {
    /// The lowercase description used in error messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            SztpProblem::Empty => "an empty uri",
            SztpProblem::BadByte => "a byte a uri cannot hold",
            SztpProblem::NotHttps => "the scheme is not https",
            SztpProblem::NoHost => "no host",
            SztpProblem::UserInfo => "user name or password in the uri",
            SztpProblem::BadHost => "the host is neither an ip address nor a dns name",
            SztpProblem::UnclosedBracket => "no ] after the ipv6 address",
            SztpProblem::BadIpv6 => "not an ipv6 address between the brackets",
            SztpProblem::Unbracketed => "the ipv6 address must be in brackets",
            SztpProblem::AfterHost => "neither :port nor the end after the host",
            SztpProblem::BadPort => "the port is not 1..=65535",
            SztpProblem::Path => "a path, query or fragment (the form is https://host[:port])",
            SztpProblem::LabelTooLong { .. } => "a dns label over 63 octets",
            SztpProblem::NameTooLong { .. } => "a dns name over 253 octets",
        }
    }
}

/// [`SztpProblem::as_str`], with the length for a label or name too long.
impl fmt::Display for SztpProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SztpProblem::LabelTooLong { len } => {
                write!(f, "a dns label of {len} octets (63 at most)")
            }
            SztpProblem::NameTooLong { len } => {
                write!(f, "a dns name of {len} octets (253 at most)")
            }
            _ => f.write_str(self.as_str()),
        }
    }
}

/// What is wrong with bytes that do not decode, without where: the
/// [`Place`] of a [`DecodeError`] says that.
///
/// Kinds about a value carry its length (`len`) and, for one bad byte, its
/// index in the value; the value itself starts at the error's place. Leaf
/// parsers ([`Port`](crate::Port), [`TransferMode`](crate::TransferMode),
/// [`v4::Ipv4List`](crate::v4::Ipv4List), ...) return this kind alone, for
/// values that come from elsewhere than a message.
///
/// ```
/// use ztp_options::{DecodeErrorKind, v4::{Lease, MessageRepr, OptionCode, OptionSet}};
///
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_SPECIFIC, b"\x03\x04htxp".to_vec())?; // suboption 03
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// let err = lease.suboptions().unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::UnknownTransferMode { len: 4 }));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input ends before a fixed field does.
    Truncated {
        /// Which field.
        field: Field,
        /// How many bytes it needs.
        needed: u16,
        /// How many bytes there are.
        available: u32,
    },
    /// The DHCPv4 magic cookie is not `63 82 53 63`.
    BadMagicCookie {
        /// The four bytes found.
        value: [u8; 4],
    },
    /// An option's (or suboption's) length runs past the end of the area
    /// that holds it (R1).
    LengthOverrun {
        /// What holds it.
        within: Within,
        /// The declared length.
        len: u32,
        /// How many bytes were left after the length field.
        available: u32,
    },
    /// Bytes after the end code (255) where nothing may follow. No decoder
    /// of this crate returns it since R2 changed: bytes after a message's
    /// end option are reported ([`v4::Lease::after_end`](crate::v4::Lease::after_end)),
    /// not refused. Kept for callers that match on it.
    AfterEnd {
        /// Which area.
        within: Within,
        /// How many there are.
        len: u32,
    },
    /// A value has a length its option does not allow.
    BadLength {
        /// The length found.
        len: u32,
        /// The rule it breaks.
        expected: LengthRule,
    },
    /// Option 52 (overload) holds something other than 1, 2 or 3 (R2).
    BadOverload {
        /// The value.
        value: u8,
    },
    /// Option 52 (overload) inside `file` or `sname`, where RFC 2131 does
    /// not allow it.
    NestedOverload {
        /// Where it was found.
        within: Within,
    },
    /// The same suboption twice in one vendor option: which one counts
    /// would be a guess, so neither is used.
    DuplicateSuboption {
        /// Offset of the first occurrence.
        first_offset: u32,
    },
    /// An option that may appear once appears again.
    DuplicateOption {
        /// Offset of the first instance.
        first_offset: u32,
    },
    /// A second DHCPv6 option 17 for Juniper's enterprise 2636, which RFC
    /// 8415 §21.17 forbids: which one counts would be a guess (R8).
    DuplicateEnterprise {
        /// Offset of the first instance.
        first_offset: u32,
    },
    /// A text value that must not be empty is empty (or a lone NUL).
    Empty,
    /// A NUL or control byte inside a text value (R7); one trailing NUL is
    /// tolerated and not an error.
    ControlByte {
        /// The byte.
        byte: u8,
        /// Its index in the value.
        index: u32,
        /// The value's length.
        len: u32,
    },
    /// Text that is not UTF-8 (R7).
    InvalidUtf8 {
        /// How many leading bytes are valid.
        valid_up_to: u32,
        /// The value's length.
        len: u32,
    },
    /// Suboption 03 names a transfer mode other than tftp, ftp, http, https.
    UnknownTransferMode {
        /// The value's length.
        len: u32,
    },
    /// Suboption 02 says something other than `symlink`.
    UnknownImageType {
        /// The value's length.
        len: u32,
    },
    /// A port that is not a decimal number in 1..=65535.
    BadPort {
        /// The value's length.
        len: u32,
    },
    /// DHCPv4 suboption 05 is neither a decimal port nor an IPv4 literal
    /// (the **choice** recorded in SPEC for the document's two readings).
    BadPortOrServer {
        /// The value's length.
        len: u32,
    },
    /// A file-server name that is not an IP address literal (R3): ZTP does
    /// not resolve names.
    HostName {
        /// The value's length.
        len: u32,
    },
    /// An IPv6 address literal where DHCPv4 needs an IPv4 address (option
    /// 66, R3).
    NotIpv4 {
        /// The value's length.
        len: u32,
    },
    /// Option 60 that is not a Juniper vendor class.
    NotJuniperVendorClass {
        /// The value's length.
        len: u32,
    },
    /// Option 59 is not a `transfer-mode://[ipv6-address]:port/path` URL
    /// (R9).
    BadUrl {
        /// What is wrong.
        problem: UrlProblem,
        /// Index in the URL where the problem is.
        index: u32,
        /// The URL's length.
        len: u32,
    },
    /// A URI of the SZTP bootstrap-server list (DHCPv4 option 143, DHCPv6
    /// option 136) is not `https://host[:port]` (R31). The error's place is
    /// the URI's first byte (after its two-byte length).
    BadSztpUri {
        /// What is wrong.
        problem: SztpProblem,
        /// Index in the URI where the problem is.
        index: u32,
        /// The URI's length.
        len: u32,
    },
    /// DHCPv6 relay messages nested deeper than the bound.
    RelayTooDeep {
        /// The bound.
        limit: u8,
    },
    /// A DHCPv6 relay message (12, 13) with no relay message option (9).
    MissingRelayMessage,
}

impl DecodeErrorKind {
    /// The error of this kind at `at`.
    pub const fn at(self, at: Place) -> DecodeError {
        DecodeError { at, kind: self }
    }

    /// The length of the offending value that starts at the error's place,
    /// for kinds about a value.
    pub const fn value_len(&self) -> Option<usize> {
        match *self {
            DecodeErrorKind::ControlByte { len, .. }
            | DecodeErrorKind::InvalidUtf8 { len, .. }
            | DecodeErrorKind::UnknownTransferMode { len }
            | DecodeErrorKind::UnknownImageType { len }
            | DecodeErrorKind::BadPort { len }
            | DecodeErrorKind::BadPortOrServer { len }
            | DecodeErrorKind::HostName { len }
            | DecodeErrorKind::NotIpv4 { len }
            | DecodeErrorKind::NotJuniperVendorClass { len }
            | DecodeErrorKind::BadUrl { len, .. }
            | DecodeErrorKind::BadSztpUri { len, .. } => Some(len as usize),
            _ => None,
        }
    }

    /// Writes the sentence, with `value` when the caller has it.
    fn write(&self, at: &Place, value: Option<&[u8]>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The value in quotes, or its length when it is not at hand.
        let value_or_len = |f: &mut fmt::Formatter<'_>, len: u32| match value {
            Some(v) => write!(f, "{}", Excerpt(v)),
            None => write!(f, "a value of {len} bytes"),
        };
        match *self {
            DecodeErrorKind::Truncated {
                field,
                needed,
                available,
            } => write!(
                f,
                "{} needs {needed} bytes, only {available} left",
                field.as_str()
            ),
            DecodeErrorKind::BadMagicCookie { value } => {
                write!(f, "magic cookie is {value:02x?}, expected [63, 82, 53, 63]")
            }
            DecodeErrorKind::LengthOverrun {
                within,
                len,
                available,
            } => {
                write!(f, "length {len} runs past the end of the ")?;
                within.describe(at, f)?;
                write!(f, " ({available} bytes left)")
            }
            DecodeErrorKind::AfterEnd { within, len } => {
                write!(f, "{len} bytes after the end code in the ")?;
                within.describe(at, f)
            }
            DecodeErrorKind::BadLength { len, expected } => {
                write!(f, "length {len} is not {expected}")
            }
            DecodeErrorKind::BadOverload { value } => write!(
                f,
                "overload value {value} is not 1 (file), 2 (sname) or 3 (both)"
            ),
            DecodeErrorKind::NestedOverload { within } => {
                f.write_str("option 52 (overload) inside the ")?;
                within.describe(at, f)
            }
            DecodeErrorKind::DuplicateSuboption { first_offset } => {
                write!(f, "suboption repeated (first at byte {first_offset})")
            }
            DecodeErrorKind::DuplicateOption { first_offset } => {
                write!(f, "option repeated (first at byte {first_offset})")
            }
            DecodeErrorKind::DuplicateEnterprise { first_offset } => write!(
                f,
                "second option 17 for enterprise 2636 (first at byte {first_offset})"
            ),
            DecodeErrorKind::Empty => f.write_str("empty value"),
            DecodeErrorKind::ControlByte { byte, index, len } => {
                write!(f, "control byte 0x{byte:02x} at index {index} of ")?;
                value_or_len(f, len)
            }
            DecodeErrorKind::InvalidUtf8 { valid_up_to, len } => {
                write!(f, "not utf-8 at index {valid_up_to} of ")?;
                value_or_len(f, len)
            }
            DecodeErrorKind::UnknownTransferMode { len } => {
                f.write_str("unknown transfer mode ")?;
                value_or_len(f, len)?;
                f.write_str(" (expected tftp, ftp, http or https)")
            }
            DecodeErrorKind::UnknownImageType { len } => {
                f.write_str("unknown image type ")?;
                value_or_len(f, len)?;
                f.write_str(" (expected \"symlink\")")
            }
            DecodeErrorKind::BadPort { len } => {
                value_or_len(f, len)?;
                f.write_str(" is not a port (1..=65535)")
            }
            DecodeErrorKind::BadPortOrServer { len } => {
                value_or_len(f, len)?;
                f.write_str(" is neither a port (1..=65535) nor an ipv4 address")
            }
            DecodeErrorKind::HostName { len } => {
                value_or_len(f, len)?;
                f.write_str(" is a host name, not an ip address; name resolution is not supported")
            }
            DecodeErrorKind::NotIpv4 { len } => {
                value_or_len(f, len)?;
                f.write_str(" is an ipv6 address; dhcpv4 needs an ipv4 address literal")
            }
            DecodeErrorKind::NotJuniperVendorClass { len } => {
                value_or_len(f, len)?;
                f.write_str(
                    " is not a juniper vendor class (Juniper-<model>[-<serial>] or \
                     Juniper:<model>[:<serial>])",
                )
            }
            DecodeErrorKind::BadUrl {
                problem,
                index,
                len,
            } => {
                value_or_len(f, len)?;
                write!(f, " is not a boot file url: {problem} (at index {index})")
            }
            DecodeErrorKind::BadSztpUri {
                problem,
                index,
                len,
            } => {
                value_or_len(f, len)?;
                write!(
                    f,
                    " is not an sztp bootstrap server uri: {problem} (at index {index})"
                )
            }
            DecodeErrorKind::RelayTooDeep { limit } => {
                write!(f, "relay messages nested deeper than {limit}")
            }
            DecodeErrorKind::MissingRelayMessage => {
                f.write_str("relay message without a relay message option (9)")
            }
        }
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(&Place::header(Family::V4, 0), None, f)
    }
}

impl core::error::Error for DecodeErrorKind {}

/// Bytes that do not decode: where ([`DecodeError::place`]) and what
/// ([`DecodeError::kind`]).
///
/// Its `Display` is a lowercase, stable sentence (tools show it, tests
/// compare it): `dhcpv4 option 43 suboption 03 at byte 310: unknown
/// transfer mode a value of 6 bytes (...)`. With the input at hand,
/// [`DecodeError::display_in`] shows the value itself:
///
/// ```
/// use ztp_options::v4::Lease;
///
/// let mut ack = ztp_options::samples::V4_ACK.to_vec();
/// // Suboption 03 of the sample says "http"; make it "htxp".
/// let at = ack.windows(4).position(|w| w == b"http").unwrap();
/// ack[at + 2] = b'x';
/// let lease = Lease::parse(&ack).unwrap();
/// let err = lease.suboptions().unwrap_err();
/// assert_eq!(err.place().suboption_code(), Some(3));
/// assert_eq!(err.value(&ack), Some(&b"htxp"[..]));
/// assert!(err.display_in(&ack).to_string().contains("unknown transfer mode \"htxp\""));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DecodeError {
    at: Place,
    kind: DecodeErrorKind,
}

impl DecodeError {
    /// An error of `kind` at `at`.
    pub const fn new(at: Place, kind: DecodeErrorKind) -> Self {
        DecodeError { at, kind }
    }

    /// Where.
    pub const fn place(&self) -> Place {
        self.at
    }

    /// What.
    pub const fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The byte range of the offending value in the input, for kinds about
    /// a value (not when the value was joined from several RFC 3396
    /// instances: it is not contiguous in the input then).
    pub fn value_range(&self) -> Option<Range<usize>> {
        if self.at.in_joined_value() {
            return None;
        }
        let len = self.kind.value_len()?;
        let start = self.at.offset();
        Some(start..start.saturating_add(len))
    }

    /// The offending value, read from `input` (the bytes handed to the
    /// decoder that reported the error).
    pub fn value<'a>(&self, input: &'a [u8]) -> Option<&'a [u8]> {
        self.value_range().and_then(|r| input.get(r))
    }

    /// The error's sentence with the offending value shown, read from
    /// `input`.
    pub fn display_in<'e, 'a>(&'e self, input: &'a [u8]) -> InInput<'e, 'a> {
        InInput { error: self, input }
    }

    /// The same error, `delta` bytes further (a value decoded alone, found
    /// again inside a message).
    #[must_use]
    pub fn shifted(self, delta: usize) -> Self {
        DecodeError {
            at: self.at.shifted(delta),
            ..self
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.at)?;
        self.kind.write(&self.at, None, f)
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("at", &self.at)
            .field("kind", &self.kind)
            .finish()
    }
}

impl core::error::Error for DecodeError {}

/// [`DecodeError::display_in`].
///
/// ```
/// use ztp_options::{v4::{Lease, MessageRepr, OptionCode, OptionSet}};
///
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::TFTP_SERVER_NAME, b"tftp.example".to_vec())?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// let err = lease.tftp_server_name()?.unwrap().address().unwrap_err();
/// let shown = err.display_in(&bytes).to_string(); // an InInput
/// assert!(shown.contains("tftp.example"), "{shown}");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct InInput<'e, 'a> {
    error: &'e DecodeError,
    input: &'a [u8],
}

impl fmt::Display for InInput<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.error.at)?;
        self.error
            .kind
            .write(&self.error.at, self.error.value(self.input), f)
    }
}

/// Which value an encoder was writing when it failed: the family, and the
/// option and suboption when inside one. There are no bytes yet, so there
/// is no offset.
///
/// ```
/// use ztp_options::{EncodeItem, Family};
///
/// let item = EncodeItem::option(Family::V4, 43);
/// assert_eq!(item.family(), Family::V4);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Item {
    family: Family,
    option: Option<u16>,
    suboption: Option<u16>,
}

impl Item {
    /// A whole message or option set of `family`.
    pub const fn message(family: Family) -> Self {
        Item {
            family,
            option: None,
            suboption: None,
        }
    }

    /// Option `code`.
    pub const fn option(family: Family, code: u16) -> Self {
        Item {
            family,
            option: Some(code),
            suboption: None,
        }
    }

    /// Suboption `code` of this option.
    #[must_use]
    pub const fn suboption(self, code: u16) -> Self {
        Item {
            suboption: Some(code),
            ..self
        }
    }

    /// DHCPv4 or DHCPv6.
    pub const fn family(&self) -> Family {
        self.family
    }

    /// The option code.
    pub const fn option_code(&self) -> Option<u16> {
        self.option
    }

    /// The suboption code.
    pub const fn suboption_code(&self) -> Option<u16> {
        self.suboption
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.family)?;
        if let Some(option) = self.option {
            write!(f, " option {option}")?;
        }
        if let Some(sub) = self.suboption {
            write!(f, " suboption {sub:02}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Item({self})")
    }
}

/// What an encoder cannot write.
///
/// ```
/// use ztp_options::{EncodeErrorKind, v4::OptionSet, v6};
///
/// // A DHCPv6 value has a two-byte length.
/// let mut options = v6::OptionSet::new();
/// options.push(v6::OptionCode::BOOTFILE_URL, vec![b'a'; 70_000]);
/// let err = options.buffer_len().unwrap_err();
/// assert!(matches!(err.kind(), EncodeErrorKind::TooLong { len: 70_000, max: 65_535 }));
/// let mut set = OptionSet::new();
/// let err = set.insert(ztp_options::v4::OptionCode::new(255), vec![]).unwrap_err();
/// assert!(matches!(err.kind(), EncodeErrorKind::ReservedCode { code: 255 }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodeErrorKind {
    /// The buffer is too small; call `buffer_len()` first. Nothing was
    /// written.
    BufferTooSmall {
        /// Bytes the encoding needs.
        needed: usize,
        /// Bytes the buffer has.
        available: usize,
    },
    /// A value too long for the field that carries it (a DHCPv4 suboption
    /// over 255 bytes, a DHCPv6 option over 65535).
    TooLong {
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Option code 0 (pad) or 255 (end), which carry no value, or a DHCPv4
    /// suboption code over 254.
    ReservedCode {
        /// The code.
        code: u16,
    },
    /// Text that would not decode again (R7): empty, or with a NUL or
    /// control byte (a trailing NUL too: it would be stripped on the way
    /// back).
    BadText {
        /// Why, as the decoder would say it.
        kind: DecodeErrorKind,
    },
    /// A value the family cannot carry: a file-server address in DHCPv6
    /// suboption 05 (a port there), a host in an IPv6 URL.
    NotInFamily,
    /// A suboption given twice: a known code among the unknown ones.
    DuplicateSuboption,
    /// An option 59 path that is neither empty nor starts with `/`.
    BadPath,
    /// A plan of one family handed to the other family's encoder.
    WrongFamily {
        /// The family of the value.
        found: Family,
    },
    /// A field of a vendor identity that the vendor's form needs and
    /// lacks, does not carry, or cannot hold
    /// ([`IdentityRepr`](crate::vendor::IdentityRepr)).
    Identity {
        /// The vendor.
        vendor: crate::vendor::Vendor,
        /// The field.
        field: crate::vendor::IdentityField,
        /// What is wrong.
        problem: crate::vendor::IdentityProblem,
    },
    /// A client message field the RFCs do not allow
    /// ([`client`](crate::client)).
    Client {
        /// What is wrong.
        problem: crate::client::ClientProblem,
    },
}

/// A value an encoder cannot write: which item ([`EncodeError::item`]) and
/// why ([`EncodeError::kind`]).
///
/// ```
/// use ztp_options::{EncodeErrorKind, v4::{OptionCode, OptionSet}};
///
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// // Every encoder checks its room first: never a panic, nothing written.
/// let mut small = [0u8; 3];
/// let err = set.emit(&mut small).unwrap_err();
/// assert!(matches!(err.kind(), EncodeErrorKind::BufferTooSmall { available: 3, .. }));
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EncodeError {
    item: Item,
    kind: EncodeErrorKind,
}

impl EncodeError {
    /// An error of `kind` while writing `item`.
    pub const fn new(item: Item, kind: EncodeErrorKind) -> Self {
        EncodeError { item, kind }
    }

    /// [`EncodeErrorKind::BufferTooSmall`].
    pub const fn buffer_too_small(family: Family, needed: usize, available: usize) -> Self {
        EncodeError::new(
            Item::message(family),
            EncodeErrorKind::BufferTooSmall { needed, available },
        )
    }

    /// Which item.
    pub const fn item(&self) -> Item {
        self.item
    }

    /// Why.
    pub const fn kind(&self) -> EncodeErrorKind {
        self.kind
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            EncodeErrorKind::BufferTooSmall { needed, available } => {
                return write!(
                    f,
                    "buffer of {available} bytes is too small, {needed} needed"
                );
            }
            EncodeErrorKind::WrongFamily { found } => {
                return write!(
                    f,
                    "a {found} value cannot be encoded as {}",
                    self.item.family
                );
            }
            _ => {}
        }
        write!(f, "{}: ", self.item)?;
        match self.kind {
            EncodeErrorKind::TooLong { len, max } => {
                write!(f, "value of {len} bytes does not fit (at most {max})")
            }
            EncodeErrorKind::ReservedCode { code } => {
                write!(f, "code {code} is reserved and carries no value")
            }
            EncodeErrorKind::BadText { kind } => write!(f, "cannot be sent as text: {kind}"),
            EncodeErrorKind::NotInFamily => {
                write!(f, "this value cannot be carried in {}", self.item.family)
            }
            EncodeErrorKind::DuplicateSuboption => f.write_str("suboption given twice"),
            EncodeErrorKind::BadPath => f.write_str("the path must be empty or start with /"),
            EncodeErrorKind::Identity {
                vendor,
                field,
                problem,
            } => write!(f, "{vendor} identity: {} {problem}", field.as_str()),
            EncodeErrorKind::Client { problem } => write!(f, "{problem}"),
            EncodeErrorKind::BufferTooSmall { .. } | EncodeErrorKind::WrongFamily { .. } => Ok(()),
        }
    }
}

impl fmt::Debug for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncodeError")
            .field("item", &self.item)
            .field("kind", &self.kind)
            .finish()
    }
}

impl core::error::Error for EncodeError {}

/// The result of a decoder.
pub type Result<T, E = DecodeError> = core::result::Result<T, E>;

/// One step of a walk that yields its items, or one error and then nothing:
/// runs `step` unless the walk is `done`, and marks it done after an error
/// or the end. Every TLV walk of this crate stops this way, so nothing after
/// a malformed item is silently skipped.
#[inline]
pub(crate) fn step_until_error<T>(
    done: &mut bool,
    step: impl FnOnce() -> Option<Result<T>>,
) -> Option<Result<T>> {
    if *done {
        return None;
    }
    let item = step();
    if !matches!(item, Some(Ok(_))) {
        *done = true;
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn excerpt_escapes_and_says_when_cut() {
        assert_eq!(Excerpt(b"gopher").to_string(), "\"gopher\"");
        assert_eq!(Excerpt(b"a\0\"\x7f").to_string(), "\"a\\x00\\\"\\x7f\"");
        let long = [b'x'; 50];
        assert!(
            Excerpt(&long)
                .to_string()
                .ends_with("... (50 bytes in all)")
        );
    }

    #[test]
    fn place_display_and_accessors() {
        let p = Place::option(Family::V4, 43, 300).suboption(3, 310);
        assert_eq!(p.to_string(), "dhcpv4 option 43 suboption 03 at byte 310");
        assert_eq!(p.shifted(5).offset(), 315);
        assert_eq!((p.option_code(), p.suboption_code()), (Some(43), Some(3)));
        assert_eq!(Place::header(Family::V6, 2).option_code(), None);
        assert!(p.joined().to_string().ends_with("of the joined value"));
    }

    #[test]
    fn the_value_is_read_back_from_the_input() {
        let input = b"xxgopherxx";
        let e =
            DecodeErrorKind::UnknownTransferMode { len: 6 }
                .at(Place::option(Family::V4, 43, 0).suboption(3, 2));
        assert_eq!(e.value(input), Some(&b"gopher"[..]));
        assert_eq!(
            e.display_in(input).to_string(),
            "dhcpv4 option 43 suboption 03 at byte 2: unknown transfer mode \"gopher\" \
             (expected tftp, ftp, http or https)"
        );
        assert_eq!(
            e.to_string(),
            "dhcpv4 option 43 suboption 03 at byte 2: unknown transfer mode a value of 6 bytes \
             (expected tftp, ftp, http or https)"
        );
        // Joined values are not contiguous in the input: not read back.
        let joined = DecodeError::new(e.place().joined(), e.kind());
        assert_eq!(joined.value(input), None);
    }

    #[test]
    fn errors_stay_small() {
        // Result<T, DecodeError> is returned on every decode path: keep it
        // cheap to move (issue: 24 bytes or less).
        use core::mem::size_of;
        assert_eq!(size_of::<Place>(), 12);
        assert!(
            size_of::<DecodeErrorKind>() <= 12,
            "{}",
            size_of::<DecodeErrorKind>()
        );
        assert!(
            size_of::<DecodeError>() <= 24,
            "{}",
            size_of::<DecodeError>()
        );
        assert!(size_of::<Result<()>>() <= 24);
        assert!(size_of::<Result<u16>>() <= 24);
        assert!(size_of::<Result<&[u8]>>() <= 24);
        // Encoding is not a hot path; still bounded.
        assert!(
            size_of::<EncodeError>() <= 40,
            "{}",
            size_of::<EncodeError>()
        );
    }
}
