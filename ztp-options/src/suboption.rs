//! The Juniper ZTP suboptions, shared by DHCPv4 option 43 and DHCPv6
//! option 17 (enterprise 2636): codes, typed values, a borrowed typed view
//! ([`Suboptions`]) and the owned representation ([`VendorInfo`]).
//!
//! | code | meaning |
//! | --- | --- |
//! | 00 | software image file name |
//! | 01 | configuration or script file name |
//! | 02 | image file type: `symlink`, or absent for a plain file |
//! | 03 | transfer mode: `tftp`, `ftp`, `http`, `https` |
//! | 04 | software image file name, for servers that cannot send 00 |
//! | 05 | DHCPv6: port. DHCPv4: port or file-server address (a **choice**, see [`PortOrServer`]) |
//! | 08 | proxy server details, kept as text |
//!
//! Unknown codes are kept, in order, and re-encoded unchanged.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write as _};
use core::net::Ipv4Addr;
use core::str::FromStr;

use crate::code::open_code;
use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Item as EncodeItem, Place, Result,
};
use crate::family::Family;
use crate::text::{self, Text, strip_nul};

open_code! {
    /// A suboption (vendor item) code: one byte in DHCPv4 option 43, two in
    /// DHCPv6 option 17. The ones ZTP knows have constants; any other is
    /// kept as it is.
    SuboptionCode(u16) {
        /// 00: software image file name.
        IMAGE = 0,
        /// 01: configuration or script file name.
        CONFIG = 1,
        /// 02: image file type (`symlink`).
        IMAGE_TYPE = 2,
        /// 03: transfer mode.
        TRANSFER_MODE = 3,
        /// 04: alternate software image file name.
        ALT_IMAGE = 4,
        /// 05: port (DHCPv6), port or file-server address (DHCPv4).
        PORT_OR_SERVER = 5,
        /// 08: proxy server details.
        PROXY = 8,
    }
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How the device fetches its files (suboption 03).
///
/// ```
/// use ztp_options::TransferMode;
///
/// let mode: TransferMode = "https".parse()?;
/// assert_eq!(mode.default_port(), 443);
/// assert_eq!(TransferMode::try_from(&b"tftp\0"[..])?, TransferMode::Tftp); // R7: one NUL tolerated
/// assert!("HTTP".parse::<TransferMode>().is_err());
/// # Ok::<(), ztp_options::DecodeErrorKind>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum TransferMode {
    /// TFTP, port 69: the DHCPv4 default when suboption 03 is absent (R11).
    Tftp,
    /// FTP with anonymous login, port 21 (R23).
    Ftp,
    /// HTTP, port 80.
    Http,
    /// HTTPS, port 443.
    Https,
}

impl TransferMode {
    /// All modes, in code order.
    pub const ALL: [TransferMode; 4] = [
        TransferMode::Tftp,
        TransferMode::Ftp,
        TransferMode::Http,
        TransferMode::Https,
    ];

    /// The wire spelling, which is also the URL scheme.
    pub const fn as_str(self) -> &'static str {
        match self {
            TransferMode::Tftp => "tftp",
            TransferMode::Ftp => "ftp",
            TransferMode::Http => "http",
            TransferMode::Https => "https",
        }
    }

    /// The port used when nothing says otherwise.
    pub const fn default_port(self) -> u16 {
        match self {
            TransferMode::Tftp => 69,
            TransferMode::Ftp => 21,
            TransferMode::Http => 80,
            TransferMode::Https => 443,
        }
    }
}

/// Reads a transfer mode as a URL scheme or a suboption 03 value: exactly
/// `tftp`, `ftp`, `http` or `https` (lowercase; a trailing NUL is
/// tolerated, R7).
///
/// ```
/// use ztp_options::TransferMode;
/// assert_eq!(TransferMode::try_from(&b"https"[..]), Ok(TransferMode::Https));
/// assert!(TransferMode::try_from(&b"HTTP"[..]).is_err());
/// ```
impl TryFrom<&[u8]> for TransferMode {
    type Error = DecodeErrorKind;

    fn try_from(value: &[u8]) -> core::result::Result<Self, DecodeErrorKind> {
        let (trimmed, _) = strip_nul(value);
        TransferMode::ALL
            .into_iter()
            .find(|m| m.as_str().as_bytes() == trimmed)
            .ok_or(DecodeErrorKind::UnknownTransferMode {
                len: len32(value.len()),
            })
    }
}

impl FromStr for TransferMode {
    type Err = DecodeErrorKind;

    fn from_str(s: &str) -> core::result::Result<Self, DecodeErrorKind> {
        TransferMode::try_from(s.as_bytes())
    }
}

impl fmt::Display for TransferMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What suboption 00/04 names (suboption 02).
///
/// ```
/// use ztp_options::ImageType;
///
/// assert_eq!(ImageType::try_from(&b"symlink"[..]), Ok(ImageType::Symlink));
/// assert_eq!(ImageType::default(), ImageType::File); // suboption 02 absent
/// assert!(ImageType::try_from(&b"hardlink"[..]).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum ImageType {
    /// A plain file name (suboption 02 absent).
    #[default]
    File,
    /// A symbolic link (suboption 02 is `symlink`).
    Symlink,
}

impl ImageType {
    /// The suboption 02 value that means a symbolic link.
    pub const SYMLINK: &'static str = "symlink";
}

/// Reads suboption 02: `symlink` (a trailing NUL is tolerated, R7).
impl TryFrom<&[u8]> for ImageType {
    type Error = DecodeErrorKind;

    fn try_from(value: &[u8]) -> core::result::Result<Self, DecodeErrorKind> {
        if strip_nul(value).0 == ImageType::SYMLINK.as_bytes() {
            Ok(ImageType::Symlink)
        } else {
            Err(DecodeErrorKind::UnknownImageType {
                len: len32(value.len()),
            })
        }
    }
}

/// Suboption 05.
///
/// DHCPv6 defines it as a port. For DHCPv4 the vendor document says both
/// "port" and "FTP server IP address"; the **choice** recorded in SPEC is: a
/// decimal value in 1..=65535 is a port, an IPv4 literal is a file-server
/// address, anything else is [`DecodeErrorKind::BadPortOrServer`]. Both are
/// written as text on the wire.
///
/// ```
/// use ztp_options::{Family, PortOrServer};
///
/// // Suboption 05 in DHCPv4 (choice): a decimal port, or a file-server address.
/// assert!(matches!(PortOrServer::parse(Family::V4, b"8080"), Ok(PortOrServer::Port(p)) if p.get() == 8080));
/// assert!(matches!(PortOrServer::parse(Family::V4, b"192.0.2.5"), Ok(PortOrServer::Server(_))));
/// // DHCPv6: always a port.
/// assert!(PortOrServer::parse(Family::V6, b"192.0.2.5").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum PortOrServer {
    /// A port (both families).
    Port(Port),
    /// A file-server address (DHCPv4 only).
    Server(Ipv4Addr),
}

/// A TCP/UDP port in 1..=65535.
///
/// ```
/// use ztp_options::Port;
/// assert_eq!("8088".parse::<Port>().map(Port::get), Ok(8088));
/// assert!("0".parse::<Port>().is_err());
/// assert!("65536".parse::<Port>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u16", into = "u16"))]
pub struct Port(core::num::NonZeroU16);

impl Port {
    /// A port, unless `value` is 0.
    pub const fn new(value: u16) -> Option<Self> {
        match core::num::NonZeroU16::new(value) {
            Some(p) => Some(Port(p)),
            None => None,
        }
    }

    /// The port number.
    pub const fn get(self) -> u16 {
        self.0.get()
    }

    fn parse_digits(value: &[u8]) -> Option<Self> {
        let (digits, _) = strip_nul(value);
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Leading zeros are accepted (`08080`); five significant digits at
        // most, so the sum below cannot overflow.
        let significant = digits.get(digits.iter().position(|&d| d != b'0')?..)?;
        if significant.len() > 5 {
            return None;
        }
        let n = significant
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        u16::try_from(n).ok().and_then(Port::new)
    }
}

/// Reads a decimal port: ASCII digits, 1..=65535, no sign, no space (a
/// trailing NUL is tolerated, R7). Leading zeros are accepted (`08080` is
/// 8080).
impl TryFrom<&[u8]> for Port {
    type Error = DecodeErrorKind;

    fn try_from(value: &[u8]) -> core::result::Result<Self, DecodeErrorKind> {
        Port::parse_digits(value).ok_or(DecodeErrorKind::BadPort {
            len: len32(value.len()),
        })
    }
}

/// Reads a decimal port from text: ASCII digits only (unlike the wire
/// form, no trailing NUL), leading zeros accepted.
impl FromStr for Port {
    type Err = DecodeErrorKind;

    fn from_str(s: &str) -> core::result::Result<Self, DecodeErrorKind> {
        let bad = DecodeErrorKind::BadPort {
            len: len32(s.len()),
        };
        if s.ends_with('\0') {
            return Err(bad);
        }
        Port::try_from(s.as_bytes()).map_err(|_| bad)
    }
}

impl TryFrom<u16> for Port {
    type Error = &'static str;
    fn try_from(value: u16) -> core::result::Result<Self, Self::Error> {
        Port::new(value).ok_or("port 0 is not a port")
    }
}

impl From<Port> for u16 {
    fn from(p: Port) -> u16 {
        p.get()
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.get())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Port {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Port::new(u.int_in_range(1..=u16::MAX)?).unwrap_or(Port(core::num::NonZeroU16::MIN)))
    }
}

impl PortOrServer {
    /// Reads suboption 05 for `family` (see the type's documentation).
    ///
    /// # Errors
    ///
    /// DHCPv4: [`DecodeErrorKind::BadPortOrServer`]; DHCPv6:
    /// [`DecodeErrorKind::BadPort`].
    pub fn parse(family: Family, value: &[u8]) -> core::result::Result<Self, DecodeErrorKind> {
        match family {
            Family::V6 => Port::try_from(value).map(PortOrServer::Port),
            Family::V4 => {
                if let Some(p) = Port::parse_digits(value) {
                    return Ok(PortOrServer::Port(p));
                }
                core::str::from_utf8(strip_nul(value).0)
                    .ok()
                    .and_then(|s| s.parse::<Ipv4Addr>().ok())
                    .map(PortOrServer::Server)
                    .ok_or(DecodeErrorKind::BadPortOrServer {
                        len: len32(value.len()),
                    })
            }
        }
    }
}

/// One vendor item as found on the wire: a code and its value, with the
/// offset of the code field in the input.
///
/// ```
/// use ztp_options::v4::Option43;
///
/// let option = Option43::new_checked(b"\x00\x09junos.tgz")?;
/// let item = option.items().next().unwrap()?; // an Item
/// assert_eq!((item.code.get(), item.offset, item.value_offset), (0, 0, 2));
/// assert_eq!(item.value, b"junos.tgz");
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    /// The code (one byte in DHCPv4 option 43, two in DHCPv6 option 17).
    pub code: SuboptionCode,
    /// Offset of the code field.
    pub offset: usize,
    /// Offset of the value's first byte.
    pub value_offset: usize,
    /// The value.
    pub value: &'a [u8],
}

/// The ZTP suboptions of one vendor option, typed and borrowed.
///
/// Built by [`v4::Option43::suboptions`](crate::v4::Option43::suboptions) and
/// by [`v6::VendorOpts::suboptions`](crate::v6::VendorOpts::suboptions).
/// Unknown codes are not held here (that would need an allocation);
/// iterate the view's items to see them.
///
/// ```
/// use ztp_options::{ImageType, TransferMode, v4::Option43};
///
/// let option = Option43::new_checked(b"\x00\x09junos.tgz\x02\x07symlink\x03\x05https\x05\x048443")?;
/// let sub = option.suboptions()?;
/// assert_eq!(sub.image().unwrap().as_str()?, "junos.tgz");
/// assert_eq!(sub.image_type(), ImageType::Symlink);
/// assert_eq!(sub.transfer_mode(), Some(TransferMode::Https));
/// assert!(sub.config().is_none() && sub.port_or_server().is_some());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suboptions<'a> {
    image: Option<Text<'a>>,
    config: Option<Text<'a>>,
    image_type: Option<ImageType>,
    transfer_mode: Option<TransferMode>,
    alt_image: Option<Text<'a>>,
    port_or_server: Option<PortOrServer>,
    proxy: Option<Text<'a>>,
    unknown: usize,
    /// Bit `c` set: suboption `c` (02, 03, 05) ended in a NUL (R7).
    nul: u8,
    /// DHCPv4: bytes after the end code that are not padding (offset, len).
    after_end: Option<(u32, u32)>,
}

impl<'a> Suboptions<'a> {
    /// Types every item of one vendor option.
    ///
    /// `base` names the family and the option; item offsets are taken as
    /// they are.
    ///
    /// # Errors
    ///
    /// The first error of the walk, or of a value (at the value's start):
    /// [`DecodeErrorKind::DuplicateSuboption`] when a code appears twice (at
    /// the second one's code byte), [`DecodeErrorKind::Empty`] or
    /// [`DecodeErrorKind::ControlByte`] for text (R7),
    /// [`DecodeErrorKind::UnknownImageType`],
    /// [`DecodeErrorKind::UnknownTransferMode`],
    /// [`DecodeErrorKind::BadPortOrServer`] / [`DecodeErrorKind::BadPort`]
    /// for 05.
    pub fn collect<I>(base: Place, items: I) -> Result<Self>
    where
        I: IntoIterator<Item = Result<Item<'a>>>,
    {
        let mut s = Suboptions::empty();
        // Offset of each known code's first item (u32::MAX: not seen).
        let mut seen = [u32::MAX; 9];
        for item in items {
            let item = item?;
            let code = item.code;
            if let Some(slot) = seen
                .get_mut(usize::from(code.get()))
                .filter(|_| code.is_known())
            {
                if *slot != u32::MAX {
                    return Err(DecodeErrorKind::DuplicateSuboption {
                        first_offset: *slot,
                    }
                    .at(base.suboption(code.get(), item.offset)));
                }
                *slot = len32(item.offset);
            }
            let at = base.suboption(code.get(), item.value_offset);
            s.accept(base.family(), code, item.value, at)
                .map_err(|k| k.at(at))?;
        }
        Ok(s)
    }

    /// No suboption: written field by field where it is built (as a
    /// `const` it was a 160-byte copy from read-only data, issue 28).
    #[inline(always)]
    pub(crate) fn empty() -> Self {
        Suboptions {
            image: None,
            config: None,
            image_type: None,
            transfer_mode: None,
            alt_image: None,
            port_or_server: None,
            proxy: None,
            unknown: 0,
            nul: 0,
            after_end: None,
        }
    }

    /// Types one item's value (any code: unknown ones are counted).
    #[inline(always)]
    fn accept(
        &mut self,
        family: Family,
        code: SuboptionCode,
        v: &'a [u8],
        at: Place,
    ) -> core::result::Result<(), DecodeErrorKind> {
        let text = |v: &'a [u8]| Text::parse(v, at).map_err(|e| e.kind());
        // R7: the one NUL-stripping path, for the values that are not
        // `Text` (02, 03, 05) too; the NUL is reported.
        if matches!(code.get(), 2 | 3 | 5) && strip_nul(v).1 == crate::text::TrailingNul::Stripped {
            self.nul |= 1 << code.get();
        }
        match code {
            SuboptionCode::IMAGE => self.image = Some(text(v)?),
            SuboptionCode::CONFIG => self.config = Some(text(v)?),
            SuboptionCode::IMAGE_TYPE => self.image_type = Some(ImageType::try_from(v)?),
            SuboptionCode::TRANSFER_MODE => self.transfer_mode = Some(TransferMode::try_from(v)?),
            SuboptionCode::ALT_IMAGE => self.alt_image = Some(text(v)?),
            SuboptionCode::PORT_OR_SERVER => {
                self.port_or_server = Some(PortOrServer::parse(family, v)?);
            }
            SuboptionCode::PROXY => self.proxy = Some(text(v)?),
            _ => self.unknown = self.unknown.saturating_add(1),
        }
        Ok(())
    }

    /// The common case of a vendor option in one tight loop: every item
    /// well formed, no code twice, every value valid. `false` for anything
    /// else: [`Suboptions::collect`] then says exactly what is wrong.
    /// `HEADER` is 2 (DHCPv4 `code(1) len(1)`, where 255 ends the list and
    /// nothing may follow) or 4 (DHCPv6 `code(2) len(2)`).
    ///
    /// Fills `s` (which must be `Suboptions::empty()`) in place: the
    /// collection is 160 bytes, and returning it by value cost a copy per
    /// layer (issue 28). `false` leaves `s` partly filled.
    #[inline]
    pub(crate) fn fast_into<const HEADER: usize>(
        s: &mut Self,
        bytes: &'a [u8],
        base: Place,
    ) -> bool {
        let mut seen = 0u16;
        let mut rest = bytes;
        let mut offset = base.offset();
        while !rest.is_empty() {
            let (code, len, tail) = match (HEADER, rest) {
                // R1: the end code ends the list; what follows is not read,
                // only noted when it is not padding.
                (2, [255, tail @ ..]) => {
                    if !tail.iter().all(|&b| b == 0) {
                        s.after_end = Some((len32(offset + 1), len32(tail.len())));
                    }
                    return true;
                }
                (2, [code, len, tail @ ..]) => (u16::from(*code), usize::from(*len), tail),
                (4, [c0, c1, l0, l1, tail @ ..]) => (
                    u16::from_be_bytes([*c0, *c1]),
                    usize::from(u16::from_be_bytes([*l0, *l1])),
                    tail,
                ),
                _ => return false,
            };
            let Some((value, tail)) = tail.split_at_checked(len) else {
                return false;
            };
            let code = SuboptionCode::new(code);
            if code.is_known() {
                let bit = 1u16 << (code.get() & 15);
                if seen & bit != 0 {
                    return false;
                }
                seen |= bit;
            }
            let at = base.suboption(code.get(), offset + HEADER);
            if s.accept(base.family(), code, value, at).is_err() {
                return false;
            }
            offset += HEADER + len;
            rest = tail;
        }
        true
    }

    /// Suboption 00: the software image file name.
    pub fn image(&self) -> Option<Text<'a>> {
        self.image
    }
    /// Suboption 01: the configuration or script file name.
    pub fn config(&self) -> Option<Text<'a>> {
        self.config
    }
    /// Suboption 02: what the image name is; [`ImageType::File`] when absent.
    pub fn image_type(&self) -> ImageType {
        self.image_type.unwrap_or_default()
    }
    /// Whether suboption 02 was present.
    pub fn has_image_type(&self) -> bool {
        self.image_type.is_some()
    }
    /// Suboption 03: the transfer mode, if the server sent one.
    pub fn transfer_mode(&self) -> Option<TransferMode> {
        self.transfer_mode
    }
    /// Suboption 04: the alternate image file name.
    pub fn alt_image(&self) -> Option<Text<'a>> {
        self.alt_image
    }
    /// Suboption 05.
    pub fn port_or_server(&self) -> Option<PortOrServer> {
        self.port_or_server
    }
    /// Suboption 08: proxy details, as text.
    pub fn proxy(&self) -> Option<Text<'a>> {
        self.proxy
    }
    /// How many items had codes this crate does not know.
    pub fn unknown_count(&self) -> usize {
        self.unknown
    }
    /// DHCPv4 option 43: the bytes after its end code (255) when they are
    /// not padding (R1: not read).
    pub fn after_end(&self) -> Option<crate::v4::Trailing> {
        self.after_end.map(|(offset, len)| crate::v4::Trailing {
            offset: offset as usize,
            len: len as usize,
        })
    }

    pub(crate) fn set_after_end(&mut self, t: Option<crate::v4::Trailing>) {
        self.after_end = t.map(|t| (len32(t.offset), len32(t.len)));
    }

    /// Whether suboption 02, 03 or 05 ended in a NUL byte, tolerated (R7);
    /// for the text suboptions, see [`Text::trailing_nul`].
    pub fn nul_in(&self, code: SuboptionCode) -> bool {
        matches!(code.get(), 2 | 3 | 5) && self.nul & (1 << code.get()) != 0
    }
}

/// A suboption this crate does not interpret, kept as it came.
///
/// ```
/// use ztp_options::{RawSuboption, VendorInfo};
///
/// let mut info = VendorInfo::default();
/// info.config = Some("sw.conf".into());
/// info.unknown.push(RawSuboption { code: 99, value: b"site-7".to_vec() }); // kept, sent again
/// let mut buf = vec![0; info.buffer_len_v4()?];
/// info.emit_v4(&mut buf)?;
/// assert!(buf.ends_with(b"\x63\x06site-7"));
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RawSuboption {
    /// The code (not one of 00..05, 08).
    pub code: u16,
    /// The value.
    pub value: Vec<u8>,
}

/// The ZTP suboptions, owned: what a server sends in option 43 (DHCPv4) or
/// in option 17 for enterprise 2636 (DHCPv6).
///
/// Encoders write the known suboptions in code order (00, 01, 02, 03, 04,
/// 05, 08), then the unknown ones in the order they are listed. Decoding a
/// message sent in that order and encoding it again gives the same bytes.
///
/// ```
/// use ztp_options::{TransferMode, VendorInfo};
///
/// let info = VendorInfo {
///     image: Some("install.tgz".into()),
///     config: Some("jn.conf".into()),
///     transfer_mode: Some(TransferMode::Http),
///     ..VendorInfo::default()
/// };
/// let mut buf = vec![0; info.buffer_len_v4()?];
/// info.emit_v4(&mut buf)?;
/// // Suboption 00 is a real suboption with a length byte, not padding (R1).
/// assert_eq!(&buf[..3], &[0x00, 0x0b, b'i']);
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VendorInfo {
    /// 00: software image file name.
    pub image: Option<String>,
    /// 01: configuration or script file name.
    pub config: Option<String>,
    /// 02: [`ImageType::Symlink`] sends `symlink`; [`ImageType::File`] sends nothing.
    pub image_type: ImageType,
    /// 03: transfer mode; absent means the family's default (R11, R14).
    pub transfer_mode: Option<TransferMode>,
    /// 04: alternate image file name.
    pub alt_image: Option<String>,
    /// 05: port, or (DHCPv4 only) file-server address.
    pub port_or_server: Option<PortOrServer>,
    /// 08: proxy details, as text.
    pub proxy: Option<String>,
    /// Codes this crate does not interpret, in order.
    pub unknown: Vec<RawSuboption>,
}

/// Where [`VendorInfo::for_each_item`] sends each item.
type ItemSink<'f> = dyn FnMut(u16, &[u8]) -> core::result::Result<(), EncodeError> + 'f;

/// Room for a decimal port or a dotted IPv4 address.
struct Scratch {
    buf: [u8; 15],
    len: usize,
}

impl Scratch {
    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

impl fmt::Write for Scratch {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl VendorInfo {
    /// Builds the owned form from one vendor option's items (every item,
    /// unknown codes included, in order).
    ///
    /// # Errors
    ///
    /// As [`Suboptions::collect`], plus [`DecodeErrorKind::InvalidUtf8`] for
    /// text that is not UTF-8 (owned text is `String`).
    pub fn from_items<'a, I>(base: Place, items: I) -> Result<Self>
    where
        I: IntoIterator<Item = Result<Item<'a>>> + Clone,
    {
        let typed = Suboptions::collect(base, items.clone())?;
        let owned = |t: Option<Text<'a>>| -> Result<Option<String>> {
            t.map(|t| t.as_str().map(String::from)).transpose()
        };
        let mut unknown = Vec::new();
        if typed.unknown_count() > 0 {
            for item in items {
                let item = item?;
                if !item.code.is_known() {
                    unknown.push(RawSuboption {
                        code: item.code.get(),
                        value: item.value.to_vec(),
                    });
                }
            }
        }
        Ok(VendorInfo {
            image: owned(typed.image())?,
            config: owned(typed.config())?,
            image_type: typed.image_type(),
            transfer_mode: typed.transfer_mode(),
            alt_image: owned(typed.alt_image())?,
            port_or_server: typed.port_or_server(),
            proxy: owned(typed.proxy())?,
            unknown,
        })
    }

    /// Whether nothing at all would be sent.
    pub fn is_empty(&self) -> bool {
        *self == VendorInfo::default()
    }

    /// Calls `f` with each item to send, in wire order, after checking that
    /// what is sent decodes to `self` again.
    ///
    /// `base` names the family and option, for errors.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BadText`] for text that would not decode (R7),
    /// [`EncodeErrorKind::NotInFamily`] for a server address in DHCPv6 05,
    /// [`EncodeErrorKind::DuplicateSuboption`] when an unknown item reuses a
    /// known code (an unknown code may repeat: it is written as decoded),
    /// [`EncodeErrorKind::ReservedCode`] for a DHCPv4 code over 254. Errors
    /// from `f` are passed on.
    pub(crate) fn for_each_item(
        &self,
        base: EncodeItem,
        mut f: impl FnMut(u16, &[u8]) -> core::result::Result<(), EncodeError>,
    ) -> core::result::Result<(), EncodeError> {
        let error = |code: SuboptionCode, kind| EncodeError::new(base.suboption(code.get()), kind);
        let text = |code: SuboptionCode, value: &Option<String>, f: &mut ItemSink<'_>| match value {
            Some(v) => {
                text::check_owned(v)
                    .map_err(|kind| error(code, EncodeErrorKind::BadText { kind }))?;
                f(code.get(), v.as_bytes())
            }
            None => Ok(()),
        };
        text(SuboptionCode::IMAGE, &self.image, &mut f)?;
        text(SuboptionCode::CONFIG, &self.config, &mut f)?;
        if self.image_type == ImageType::Symlink {
            f(
                SuboptionCode::IMAGE_TYPE.get(),
                ImageType::SYMLINK.as_bytes(),
            )?;
        }
        if let Some(mode) = self.transfer_mode {
            f(SuboptionCode::TRANSFER_MODE.get(), mode.as_str().as_bytes())?;
        }
        text(SuboptionCode::ALT_IMAGE, &self.alt_image, &mut f)?;
        if let Some(pos) = self.port_or_server {
            let mut scratch = Scratch {
                buf: [0; 15],
                len: 0,
            };
            // Both fit in 15 bytes ("65535", "255.255.255.255").
            let _ = match (base.family(), pos) {
                (_, PortOrServer::Port(p)) => write!(scratch, "{p}"),
                (Family::V4, PortOrServer::Server(a)) => write!(scratch, "{a}"),
                (Family::V6, PortOrServer::Server(_)) => {
                    return Err(error(
                        SuboptionCode::PORT_OR_SERVER,
                        EncodeErrorKind::NotInFamily,
                    ));
                }
            };
            f(SuboptionCode::PORT_OR_SERVER.get(), scratch.bytes())?;
        }
        text(SuboptionCode::PROXY, &self.proxy, &mut f)?;
        // Unknown codes are re-encoded as decoded, in order, repeats
        // included (SPEC: kept and re-encoded unchanged); only a known code
        // here would clash with the typed fields.
        for raw in &self.unknown {
            let code = SuboptionCode::new(raw.code);
            if code.is_known() {
                return Err(error(code, EncodeErrorKind::DuplicateSuboption));
            }
            if base.family() == Family::V4 && raw.code > 254 {
                return Err(error(
                    code,
                    EncodeErrorKind::ReservedCode { code: raw.code },
                ));
            }
            f(raw.code, &raw.value)?;
        }
        Ok(())
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_impl {
    use super::*;
    use arbitrary::{Arbitrary, Unstructured};

    /// Text that a server can send and a device can read back: printable
    /// ASCII plus some UTF-8, 1..=64 bytes.
    fn text(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
        const CHARS: &[char] = &[
            'a', 'b', 'z', 'A', 'Z', '0', '9', '/', '.', '-', '_', ':', ' ', '%', '?', '#', 'é',
            '[', ']', '@',
        ];
        let len = u.int_in_range(1..=64)?;
        let mut s = String::new();
        for _ in 0..len {
            s.push(*u.choose(CHARS)?);
        }
        Ok(s)
    }

    fn opt_text(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<String>> {
        if u.arbitrary()? {
            Ok(Some(text(u)?))
        } else {
            Ok(None)
        }
    }

    impl<'a> Arbitrary<'a> for VendorInfo {
        fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
            let mut unknown: Vec<RawSuboption> = Vec::new();
            let n = u.int_in_range(0..=3)?;
            for _ in 0..n {
                let code = u.int_in_range(9u16..=254)?;
                if unknown.iter().any(|r| r.code == code) {
                    continue;
                }
                let len = u.int_in_range(0..=32)?;
                let value = u.bytes(len)?.to_vec();
                unknown.push(RawSuboption { code, value });
            }
            Ok(VendorInfo {
                image: opt_text(u)?,
                config: opt_text(u)?,
                image_type: u.arbitrary()?,
                transfer_mode: u.arbitrary()?,
                alt_image: opt_text(u)?,
                port_or_server: if u.arbitrary()? {
                    Some(PortOrServer::Port(u.arbitrary()?))
                } else {
                    None
                },
                proxy: opt_text(u)?,
                unknown,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_mode_parses_the_four_and_nothing_else() {
        for m in TransferMode::ALL {
            assert_eq!(m.as_str().parse(), Ok(m));
        }
        assert_eq!(
            TransferMode::try_from(&b"http\0"[..]),
            Ok(TransferMode::Http)
        );
        for bad in [&b"gopher"[..], b"HTTP", b"", b"http ", b"sftp"] {
            assert_eq!(
                TransferMode::try_from(bad),
                Err(DecodeErrorKind::UnknownTransferMode {
                    len: bad.len() as u32
                })
            );
        }
    }

    #[test]
    fn ports_are_decimal_and_nonzero() {
        let port = |s: &[u8]| Port::try_from(s).ok().map(Port::get);
        assert_eq!(port(b"8088"), Some(8088));
        assert_eq!(port(b"65535"), Some(65535));
        assert_eq!(port(b"08080"), Some(8080));
        assert_eq!(port(b"0000000080"), Some(80));
        // R7 on the wire, not in text.
        assert_eq!(port(b"80\0"), Some(80));
        assert!("80\0".parse::<Port>().is_err());
        for bad in [
            &b"0"[..],
            b"65536",
            b"",
            b"-1",
            b"+80",
            b" 80",
            b"99999999999999999999",
            b"00000",
        ] {
            assert_eq!(port(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn suboption_05_choice_v4_port_or_address() {
        // SPEC R-table choice for DHCPv4 suboption 05.
        assert_eq!(
            PortOrServer::parse(Family::V4, b"8080"),
            Ok(PortOrServer::Port(Port::new(8080).unwrap()))
        );
        assert_eq!(
            PortOrServer::parse(Family::V4, b"10.0.0.5"),
            Ok(PortOrServer::Server(Ipv4Addr::new(10, 0, 0, 5)))
        );
        assert_eq!(
            PortOrServer::parse(Family::V4, b"ftp.example.net"),
            Err(DecodeErrorKind::BadPortOrServer { len: 15 })
        );
        assert_eq!(
            PortOrServer::parse(Family::V6, b"10.0.0.5"),
            Err(DecodeErrorKind::BadPort { len: 8 })
        );
    }

    #[test]
    fn codes_are_canonical() {
        for code in 0..=300u16 {
            assert_eq!(SuboptionCode::new(code).get(), code);
        }
        assert_eq!(SuboptionCode::new(8), SuboptionCode::PROXY);
        assert!(!SuboptionCode::new(6).is_known());
    }
}
