//! The one error type of this crate, and the small values it carries.
//!
//! Every decode error says **what** was wrong (the variant), **where** (a
//! [`Place`]: the family, option code, suboption code and byte offset) and,
//! where there is one, the offending **value** (an [`Excerpt`], which copies a
//! bounded prefix of the bytes so that errors never borrow the input and never
//! allocate).

use core::fmt;

/// The DHCP family an option code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Family {
    /// DHCPv4 (RFC 2131/2132): one-byte option codes.
    V4,
    /// DHCPv6 (RFC 8415): two-byte option codes.
    V6,
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Family::V4 => "dhcpv4",
            Family::V6 => "dhcpv6",
        })
    }
}

/// Where in the input something was found.
///
/// `offset` counts bytes from the start of the input handed to the decoder
/// that reported it: the whole message for message-level decoding, the option
/// value for an option decoded alone (for example
/// [`v4::Option43::new_checked`](crate::v4::Option43::new_checked)). When an
/// option was split across several instances (RFC 3396) the offset of a
/// suboption is counted inside the concatenated value, and `option_offset`
/// still points at the first instance in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// DHCPv4 or DHCPv6.
    pub family: Family,
    /// The option code, when the problem is inside an option.
    pub option: Option<u16>,
    /// The suboption (vendor item) code, when the problem is inside one.
    pub suboption: Option<u16>,
    /// Byte offset of the offending byte or field.
    pub offset: usize,
}

impl Place {
    /// A place in the fixed part of a message, outside any option.
    pub const fn header(family: Family, offset: usize) -> Self {
        Place {
            family,
            option: None,
            suboption: None,
            offset,
        }
    }

    /// A place inside option `code`.
    pub const fn option(family: Family, code: u16, offset: usize) -> Self {
        Place {
            family,
            option: Some(code),
            suboption: None,
            offset,
        }
    }

    /// The same place, inside suboption `code`, at `offset`.
    pub const fn suboption(self, code: u16, offset: usize) -> Self {
        Place {
            suboption: Some(code),
            offset,
            ..self
        }
    }

    /// The same place moved by `delta` bytes (used when a value decoded alone
    /// is found again inside a message).
    pub const fn shifted(self, delta: usize) -> Self {
        Place {
            offset: self.offset.saturating_add(delta),
            ..self
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.family)?;
        if let Some(option) = self.option {
            write!(f, " option {option}")?;
        }
        if let Some(sub) = self.suboption {
            write!(f, " suboption {sub:02}")?;
        }
        write!(f, " at byte {}", self.offset)
    }
}

/// How many bytes of an offending value an [`Excerpt`] keeps.
pub const EXCERPT_LEN: usize = 40;

/// A copy of (the start of) an offending value, kept in an error without
/// borrowing the input and without allocating.
///
/// Its `Display` writes the bytes as text, escaping anything that is not
/// printable ASCII (`\x00`), and says how long the whole value was when only
/// its start is kept. The full value is never lost: it is still in the input,
/// at the error's [`Place`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Excerpt {
    bytes: [u8; EXCERPT_LEN],
    kept: u8,
    len: usize,
}

impl Excerpt {
    /// Keeps the first [`EXCERPT_LEN`] bytes of `value`.
    pub fn new(value: &[u8]) -> Self {
        let mut bytes = [0u8; EXCERPT_LEN];
        let kept = value.len().min(EXCERPT_LEN);
        for (dst, src) in bytes.iter_mut().zip(value) {
            *dst = *src;
        }
        Excerpt {
            bytes,
            kept: kept as u8,
            len: value.len(),
        }
    }

    /// The bytes kept (all of the value when it was short enough).
    pub fn kept(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.kept)).unwrap_or(&[])
    }

    /// The length of the whole value.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the value was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the whole value is kept.
    pub fn is_complete(&self) -> bool {
        usize::from(self.kept) == self.len
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for &b in self.kept() {
            match b {
                b'"' => f.write_str("\\\"")?,
                b'\\' => f.write_str("\\\\")?,
                0x20..=0x7e => write!(f, "{}", char::from(b))?,
                _ => write!(f, "\\x{b:02x}")?,
            }
        }
        f.write_str("\"")?;
        if !self.is_complete() {
            write!(f, "... ({} bytes in all)", self.len)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// What a fixed- or bounded-length field or option must measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LengthRule {
    /// Exactly this many bytes.
    Exactly(usize),
    /// A non-zero multiple of this many bytes (address lists).
    MultipleOf(usize),
    /// At least this many bytes.
    AtLeast(usize),
    /// At most this many bytes.
    AtMost(usize),
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

/// Everything that can be wrong with the bytes this crate decodes, or with a
/// value handed to an encoder.
///
/// The `Display` strings are lowercase and stable: tools may show them to
/// people, tests compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input ends before a fixed field does.
    #[error("{at}: {field} needs {needed} bytes, only {available} left")]
    Truncated {
        /// Where the field starts.
        at: Place,
        /// Which field.
        field: &'static str,
        /// How many bytes it needs.
        needed: usize,
        /// How many bytes there are.
        available: usize,
    },
    /// The DHCPv4 magic cookie is not `63 82 53 63`.
    #[error("{at}: magic cookie is {value:02x?}, expected [63, 82, 53, 63]")]
    BadMagicCookie {
        /// Where the cookie is (byte 236).
        at: Place,
        /// The four bytes found.
        value: [u8; 4],
    },
    /// An option's (or suboption's) length byte(s) run past the end of the
    /// area that holds it (R1).
    #[error("{at}: length {len} runs past the end of the {area} ({available} bytes left)")]
    LengthOverrun {
        /// The option (and suboption) and the offset of its code byte.
        at: Place,
        /// The declared length.
        len: usize,
        /// How many bytes were left after the length field.
        available: usize,
        /// What holds the option: `options`, `file`, `sname`, `option 43`...
        area: &'static str,
    },
    /// A code byte with no room for its length byte.
    #[error("{at}: option code with no length in the {area}")]
    MissingLength {
        /// Where the code byte is.
        at: Place,
        /// What holds it.
        area: &'static str,
    },
    /// Bytes after the end code (255) where nothing may follow: inside
    /// option 43, or other than padding after a message's end option.
    #[error("{at}: {len} bytes after the end code in the {area}")]
    AfterEnd {
        /// Where the first of them is.
        at: Place,
        /// How many there are.
        len: usize,
        /// Which area.
        area: &'static str,
    },
    /// A value has a length its option does not allow.
    #[error("{at}: length {len} is not {expected}")]
    BadLength {
        /// The option (and suboption).
        at: Place,
        /// The length found.
        len: usize,
        /// The rule it breaks.
        expected: LengthRule,
    },
    /// Option 52 (overload) holds something other than 1, 2 or 3 (R2).
    #[error("{at}: overload value {value} is not 1 (file), 2 (sname) or 3 (both)")]
    BadOverload {
        /// Where the value is.
        at: Place,
        /// The value.
        value: u8,
    },
    /// Option 52 (overload) appears inside `file` or `sname`, where RFC 2131
    /// does not allow it.
    #[error("{at}: option 52 (overload) inside the {area}")]
    NestedOverload {
        /// Where it was found.
        at: Place,
        /// `file` or `sname`.
        area: &'static str,
    },
    /// The same suboption twice in one vendor option: which one counts would
    /// be a guess, so neither is used.
    #[error("{at}: suboption repeated (first at byte {first_offset})")]
    DuplicateSuboption {
        /// The second occurrence.
        at: Place,
        /// Offset of the first occurrence.
        first_offset: usize,
    },
    /// A text value that must not be empty is empty.
    #[error("{at}: empty value")]
    Empty {
        /// The option (and suboption).
        at: Place,
    },
    /// A NUL or control byte inside a file name or other text (R7). A single
    /// trailing NUL is tolerated and not reported here.
    #[error("{at}: control byte 0x{byte:02x} in {value}")]
    ControlByte {
        /// Where the byte is.
        at: Place,
        /// The byte.
        byte: u8,
        /// The whole value.
        value: Excerpt,
    },
    /// Text that is not UTF-8 (R7).
    #[error("{at}: not utf-8 at byte {valid_up_to} of {value}")]
    InvalidUtf8 {
        /// The option (and suboption).
        at: Place,
        /// How many leading bytes were valid.
        valid_up_to: usize,
        /// The value.
        value: Excerpt,
    },
    /// Suboption 03 names a transfer mode other than tftp, ftp, http, https.
    #[error("{at}: unknown transfer mode {value} (expected tftp, ftp, http or https)")]
    UnknownTransferMode {
        /// The suboption.
        at: Place,
        /// What it said.
        value: Excerpt,
    },
    /// Suboption 02 says something other than `symlink`.
    #[error("{at}: unknown image type {value} (expected \"symlink\")")]
    UnknownImageType {
        /// The suboption.
        at: Place,
        /// What it said.
        value: Excerpt,
    },
    /// A port that is not a decimal number in 1..=65535.
    #[error("{at}: {value} is not a port (1..=65535)")]
    BadPort {
        /// Where the port was.
        at: Place,
        /// What it said.
        value: Excerpt,
    },
    /// DHCPv4 suboption 05 is neither a decimal port nor an IPv4 literal
    /// (the **choice** recorded in SPEC for the document's two readings).
    #[error("{at}: {value} is neither a port (1..=65535) nor an ipv4 address")]
    BadPortOrServer {
        /// The suboption.
        at: Place,
        /// What it said.
        value: Excerpt,
    },
    /// A file-server name that is not an IP address literal (R3): ZTP does
    /// not resolve names.
    #[error("{at}: {value} is a host name, not an ip address; name resolution is not supported")]
    HostName {
        /// The option.
        at: Place,
        /// The name.
        value: Excerpt,
    },
    /// Option 60 that is not a Juniper vendor class (`Juniper-<model>[-<serial>]`).
    #[error("{at}: {value} is not a juniper vendor class (Juniper-<model>[-<serial>])")]
    NotJuniperVendorClass {
        /// The option.
        at: Place,
        /// The value.
        value: Excerpt,
    },
    /// An RFC 3004 user-class item (option 77) whose length runs past the
    /// option, or is zero.
    #[error("{at}: user class item length {len} with {available} bytes left")]
    BadUserClassItem {
        /// The item.
        at: Place,
        /// Its declared length.
        len: usize,
        /// Bytes left in the option.
        available: usize,
    },
    /// An encoder was asked for option code 0 (pad) or 255 (end), which
    /// carry no value.
    #[error("option code {code} is reserved (pad or end) and carries no value")]
    ReservedCode {
        /// The code.
        code: u8,
    },
    /// A value of one family handed to the other family's encoder (a DHCPv6
    /// plan to the DHCPv4 encoder, say).
    #[error("a {found} value cannot be encoded as {expected}")]
    WrongFamily {
        /// The family the encoder writes.
        expected: Family,
        /// The family of the value.
        found: Family,
    },
    /// The buffer handed to an encoder is too small; call `buffer_len()` first.
    #[error("buffer of {available} bytes is too small, {needed} needed")]
    BufferTooSmall {
        /// Bytes the encoding needs.
        needed: usize,
        /// Bytes the buffer has.
        available: usize,
    },
    /// A value too long for the field that must carry it (for example a
    /// suboption value over 255 bytes in DHCPv4, or over 65535 in DHCPv6).
    #[error("{at}: value of {len} bytes does not fit ({expected})")]
    TooLong {
        /// The option (and suboption).
        at: Place,
        /// Its length.
        len: usize,
        /// The limit.
        expected: LengthRule,
    },
    /// A file server given as an IPv4 literal where DHCPv6 needs an IPv6
    /// address in brackets (option 59, R9, R22).
    #[error("{at}: {value} is an ipv4 address; dhcpv6 needs an ipv6 address in brackets")]
    NotIpv6 {
        /// Where the address starts.
        at: Place,
        /// The address as written.
        value: Excerpt,
    },
    /// Option 59 is not a `transfer-mode://[ipv6-address]:port/path` URL (R9).
    #[error("{at}: {value} is not a boot file url: {problem}")]
    BadUrl {
        /// Where the problem is.
        at: Place,
        /// What is wrong.
        problem: crate::v6::UrlProblem,
        /// The whole URL.
        value: Excerpt,
    },
    /// DHCPv6 relay messages nested deeper than the bound
    /// ([`v6::MAX_RELAY_DEPTH`](crate::v6::MAX_RELAY_DEPTH)).
    #[error("{at}: relay messages nested deeper than {limit}")]
    RelayTooDeep {
        /// The relay message option (9) holding the message past the bound.
        at: Place,
        /// The bound.
        limit: usize,
    },
    /// A DHCPv6 relay message (12, 13) with no relay message option (9).
    #[error("{at}: relay message without a relay message option (9)")]
    MissingRelayMessage {
        /// The relay message's header.
        at: Place,
    },
    /// An option that may appear once appears again.
    #[error("{at}: option repeated (first at byte {first_offset})")]
    DuplicateOption {
        /// The second instance.
        at: Place,
        /// Offset of the first instance.
        first_offset: usize,
    },
    /// Two DHCPv6 option 17 instances for the same enterprise number, which
    /// RFC 8415 §21.17 forbids: which one counts would be a guess (R8).
    #[error("{at}: second option 17 for enterprise {enterprise} (first at byte {first_offset})")]
    DuplicateEnterprise {
        /// The second instance.
        at: Place,
        /// The enterprise number.
        enterprise: u32,
        /// Offset of the first instance.
        first_offset: usize,
    },
}

impl Error {
    /// Where the problem is, when it is in the input.
    pub fn place(&self) -> Option<Place> {
        match *self {
            Error::Truncated { at, .. }
            | Error::BadMagicCookie { at, .. }
            | Error::LengthOverrun { at, .. }
            | Error::MissingLength { at, .. }
            | Error::AfterEnd { at, .. }
            | Error::BadLength { at, .. }
            | Error::BadOverload { at, .. }
            | Error::NestedOverload { at, .. }
            | Error::DuplicateSuboption { at, .. }
            | Error::Empty { at }
            | Error::ControlByte { at, .. }
            | Error::InvalidUtf8 { at, .. }
            | Error::UnknownTransferMode { at, .. }
            | Error::UnknownImageType { at, .. }
            | Error::BadPort { at, .. }
            | Error::BadPortOrServer { at, .. }
            | Error::HostName { at, .. }
            | Error::NotJuniperVendorClass { at, .. }
            | Error::BadUserClassItem { at, .. }
            | Error::TooLong { at, .. }
            | Error::NotIpv6 { at, .. }
            | Error::BadUrl { at, .. }
            | Error::RelayTooDeep { at, .. }
            | Error::MissingRelayMessage { at }
            | Error::DuplicateOption { at, .. }
            | Error::DuplicateEnterprise { at, .. } => Some(at),
            Error::BufferTooSmall { .. }
            | Error::ReservedCode { .. }
            | Error::WrongFamily { .. } => None,
        }
    }
}

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

/// The result type of this crate.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_escapes_and_says_when_cut() {
        assert_eq!(Excerpt::new(b"gopher").to_string(), "\"gopher\"");
        assert_eq!(
            Excerpt::new(b"a\0\"\x7f").to_string(),
            "\"a\\x00\\\"\\x7f\""
        );
        let long = [b'x'; 50];
        let e = Excerpt::new(&long);
        assert!(!e.is_complete());
        assert_eq!(e.len(), 50);
        assert!(e.to_string().ends_with("... (50 bytes in all)"));
    }

    #[test]
    fn place_display() {
        let p = Place::option(Family::V4, 43, 300).suboption(3, 310);
        assert_eq!(p.to_string(), "dhcpv4 option 43 suboption 03 at byte 310");
        assert_eq!(p.shifted(5).offset, 315);
    }

    #[test]
    fn error_stays_small() {
        // Result<T, Error> is returned on every decode path: keep it cheap to move.
        assert!(
            core::mem::size_of::<Error>() <= 96,
            "{}",
            core::mem::size_of::<Error>()
        );
    }
}
