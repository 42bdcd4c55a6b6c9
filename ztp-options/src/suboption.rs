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

use core::fmt::{self, Write as _};
use core::net::Ipv4Addr;

use crate::error::{Error, Excerpt, Family, Place, Result};
use crate::text::{self, Text};

/// A suboption code: the ones ZTP knows, and any other, kept as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SuboptionCode {
    /// 00: software image file name.
    Image,
    /// 01: configuration or script file name.
    Config,
    /// 02: image file type.
    ImageType,
    /// 03: transfer mode.
    TransferMode,
    /// 04: alternate software image file name.
    AltImage,
    /// 05: port (DHCPv6), port or file-server address (DHCPv4).
    PortOrServer,
    /// 08: proxy server details.
    Proxy,
    /// Any other code.
    Unknown(u16),
}

impl From<u16> for SuboptionCode {
    fn from(code: u16) -> Self {
        match code {
            0 => SuboptionCode::Image,
            1 => SuboptionCode::Config,
            2 => SuboptionCode::ImageType,
            3 => SuboptionCode::TransferMode,
            4 => SuboptionCode::AltImage,
            5 => SuboptionCode::PortOrServer,
            8 => SuboptionCode::Proxy,
            other => SuboptionCode::Unknown(other),
        }
    }
}

impl From<SuboptionCode> for u16 {
    fn from(code: SuboptionCode) -> u16 {
        match code {
            SuboptionCode::Image => 0,
            SuboptionCode::Config => 1,
            SuboptionCode::ImageType => 2,
            SuboptionCode::TransferMode => 3,
            SuboptionCode::AltImage => 4,
            SuboptionCode::PortOrServer => 5,
            SuboptionCode::Proxy => 8,
            SuboptionCode::Unknown(other) => other,
        }
    }
}

/// How the device fetches its files (suboption 03).
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

    /// Reads a transfer mode as a URL scheme or a suboption 03 value:
    /// exactly `tftp`, `ftp`, `http` or `https` (lowercase; a trailing NUL
    /// is tolerated, R7).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownTransferMode`] with the value.
    pub fn parse(value: &[u8], at: Place) -> Result<Self> {
        let trimmed = match value.split_last() {
            Some((0, rest)) => rest,
            _ => value,
        };
        TransferMode::ALL
            .into_iter()
            .find(|m| m.as_str().as_bytes() == trimmed)
            .ok_or(Error::UnknownTransferMode {
                at,
                value: Excerpt::new(value),
            })
    }
}

impl fmt::Display for TransferMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What suboption 00/04 names (suboption 02).
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

    fn parse(value: &[u8], at: Place) -> Result<Self> {
        let trimmed = match value.split_last() {
            Some((0, rest)) => rest,
            _ => value,
        };
        if trimmed == Self::SYMLINK.as_bytes() {
            Ok(ImageType::Symlink)
        } else {
            Err(Error::UnknownImageType {
                at,
                value: Excerpt::new(value),
            })
        }
    }
}

/// Suboption 05.
///
/// DHCPv6 defines it as a port. For DHCPv4 the vendor document says both
/// "port" and "FTP server IP address"; the **choice** recorded in SPEC is: a
/// decimal value in 1..=65535 is a port, an IPv4 literal is a file-server
/// address, anything else is [`Error::BadPortOrServer`]. Both are written as
/// text on the wire.
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

    /// Reads a decimal port: 1 to 5 ASCII digits, 1..=65535, no sign, no
    /// space (a trailing NUL is tolerated, R7). Leading zeros are accepted
    /// (`08080` is 8080).
    ///
    /// # Errors
    ///
    /// [`Error::BadPort`] with the value.
    pub fn parse(value: &[u8], at: Place) -> Result<Self> {
        Self::parse_digits(value).ok_or(Error::BadPort {
            at,
            value: Excerpt::new(value),
        })
    }

    pub(crate) fn parse_digits(value: &[u8]) -> Option<Self> {
        let digits = match value.split_last() {
            Some((0, rest)) => rest,
            _ => value,
        };
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut n: u32 = 0;
        for &d in digits {
            n = n.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
            if n > u32::from(u16::MAX) {
                return None;
            }
        }
        u16::try_from(n).ok().and_then(Port::new)
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
    /// DHCPv4: [`Error::BadPortOrServer`]; DHCPv6: [`Error::BadPort`].
    pub fn parse(family: Family, value: &[u8], at: Place) -> Result<Self> {
        match family {
            Family::V6 => Port::parse(value, at).map(PortOrServer::Port),
            Family::V4 => {
                if let Some(p) = Port::parse_digits(value) {
                    return Ok(PortOrServer::Port(p));
                }
                let trimmed = match value.split_last() {
                    Some((0, rest)) => rest,
                    _ => value,
                };
                core::str::from_utf8(trimmed)
                    .ok()
                    .and_then(|s| s.parse::<Ipv4Addr>().ok())
                    .map(PortOrServer::Server)
                    .ok_or(Error::BadPortOrServer {
                        at,
                        value: Excerpt::new(value),
                    })
            }
        }
    }
}

/// One vendor item as found on the wire: a code and its value, with the
/// offset of the code field in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    /// The code (one byte in DHCPv4 option 43, two in DHCPv6 option 17).
    pub code: u16,
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
/// by the DHCPv6 option 17 view. Unknown codes are not held here (that would
/// need an allocation); iterate the view's items to see them.
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
}

impl<'a> Suboptions<'a> {
    /// Types every item of one vendor option.
    ///
    /// `base` names the family and the option; item offsets are taken as
    /// they are.
    ///
    /// # Errors
    ///
    /// The first error of the walk, or of a value:
    /// [`Error::DuplicateSuboption`] when a code appears twice,
    /// [`Error::Empty`]/[`Error::ControlByte`] for file names (R7),
    /// [`Error::UnknownImageType`], [`Error::UnknownTransferMode`],
    /// [`Error::BadPortOrServer`]/[`Error::BadPort`] for 05.
    pub fn collect<I>(base: Place, items: I) -> Result<Self>
    where
        I: IntoIterator<Item = Result<Item<'a>>>,
    {
        let mut s = Suboptions {
            image: None,
            config: None,
            image_type: None,
            transfer_mode: None,
            alt_image: None,
            port_or_server: None,
            proxy: None,
            unknown: 0,
        };
        // Offsets of the known codes seen so far, to report duplicates.
        let mut seen: [Option<usize>; 9] = [None; 9];
        for item in items {
            let item = item?;
            let at = base.suboption(item.code, item.value_offset);
            let code = SuboptionCode::from(item.code);
            if let SuboptionCode::Unknown(_) = code {
                s.unknown = s.unknown.saturating_add(1);
                continue;
            }
            if let Some(slot) = seen.get_mut(usize::from(item.code)) {
                if let Some(first_offset) = *slot {
                    return Err(Error::DuplicateSuboption {
                        at: base.suboption(item.code, item.offset),
                        first_offset,
                    });
                }
                *slot = Some(item.offset);
            }
            match code {
                SuboptionCode::Image => s.image = Some(Text::parse(item.value, at)?),
                SuboptionCode::Config => s.config = Some(Text::parse(item.value, at)?),
                SuboptionCode::ImageType => s.image_type = Some(ImageType::parse(item.value, at)?),
                SuboptionCode::TransferMode => {
                    s.transfer_mode = Some(TransferMode::parse(item.value, at)?);
                }
                SuboptionCode::AltImage => s.alt_image = Some(Text::parse(item.value, at)?),
                SuboptionCode::PortOrServer => {
                    s.port_or_server = Some(PortOrServer::parse(base.family, item.value, at)?);
                }
                SuboptionCode::Proxy => s.proxy = Some(Text::parse(item.value, at)?),
                SuboptionCode::Unknown(_) => {}
            }
        }
        Ok(s)
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
}

/// A suboption this crate does not interpret, kept as it came.
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

/// Room for a decimal port or a dotted IPv4 address.
struct Scratch {
    buf: [u8; 15],
    len: usize,
}

impl Scratch {
    fn new() -> Self {
        Scratch {
            buf: [0; 15],
            len: 0,
        }
    }
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
    /// As [`Suboptions::collect`], plus [`Error::InvalidUtf8`] for text that
    /// is not UTF-8 (owned text is `String`).
    pub fn from_items<'a, I>(base: Place, items: I) -> Result<Self>
    where
        I: IntoIterator<Item = Result<Item<'a>>> + Clone,
    {
        let typed = Suboptions::collect(base, items.clone())?;
        let owned = |t: Option<Text<'a>>| -> Result<Option<String>> {
            t.map(|t| t.as_str().map(str::to_owned)).transpose()
        };
        let mut unknown = Vec::new();
        for item in items {
            let item = item?;
            if let SuboptionCode::Unknown(code) = SuboptionCode::from(item.code) {
                unknown.push(RawSuboption {
                    code,
                    value: item.value.to_vec(),
                });
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
    /// `base` names the family and option, for errors. The offsets in errors
    /// are the index of the item in wire order (there are no bytes yet).
    ///
    /// # Errors
    ///
    /// [`Error::Empty`]/[`Error::ControlByte`] for text that would not decode
    /// (R7), [`Error::BadPortOrServer`] for a server address in DHCPv6,
    /// [`Error::DuplicateSuboption`] when an unknown item reuses a known
    /// code (an unknown code may repeat: it is written as decoded), [`Error::TooLong`] for a DHCPv4 code over
    /// 254. Errors from `f` are passed on.
    pub(crate) fn for_each_item(
        &self,
        base: Place,
        mut f: impl FnMut(u16, &[u8]) -> Result<()>,
    ) -> Result<()> {
        let mut index = 0usize;
        let mut emit = |code: SuboptionCode, value: &[u8], index: &mut usize| -> Result<()> {
            *index += 1;
            f(u16::from(code), value)
        };
        let checked = |code: SuboptionCode, value: &str, index: usize| {
            text::check_owned(value, base.suboption(u16::from(code), index))
        };
        if let Some(v) = &self.image {
            checked(SuboptionCode::Image, v, index)?;
            emit(SuboptionCode::Image, v.as_bytes(), &mut index)?;
        }
        if let Some(v) = &self.config {
            checked(SuboptionCode::Config, v, index)?;
            emit(SuboptionCode::Config, v.as_bytes(), &mut index)?;
        }
        if self.image_type == ImageType::Symlink {
            emit(
                SuboptionCode::ImageType,
                ImageType::SYMLINK.as_bytes(),
                &mut index,
            )?;
        }
        if let Some(mode) = self.transfer_mode {
            emit(
                SuboptionCode::TransferMode,
                mode.as_str().as_bytes(),
                &mut index,
            )?;
        }
        if let Some(v) = &self.alt_image {
            checked(SuboptionCode::AltImage, v, index)?;
            emit(SuboptionCode::AltImage, v.as_bytes(), &mut index)?;
        }
        let code05 = u16::from(SuboptionCode::PortOrServer);
        if let Some(pos) = self.port_or_server {
            let mut scratch = Scratch::new();
            match (base.family, pos) {
                (_, PortOrServer::Port(p)) => write!(scratch, "{p}"),
                (Family::V4, PortOrServer::Server(a)) => write!(scratch, "{a}"),
                (Family::V6, PortOrServer::Server(a)) => {
                    let mut s = Scratch::new();
                    let _ = write!(s, "{a}");
                    return Err(Error::BadPort {
                        at: base.suboption(code05, index),
                        value: Excerpt::new(s.bytes()),
                    });
                }
            }
            .map_err(|_| Error::TooLong {
                at: base.suboption(code05, index),
                len: scratch.len,
                expected: crate::error::LengthRule::AtMost(15),
            })?;
            emit(SuboptionCode::PortOrServer, scratch.bytes(), &mut index)?;
        }
        if let Some(v) = &self.proxy {
            checked(SuboptionCode::Proxy, v, index)?;
            emit(SuboptionCode::Proxy, v.as_bytes(), &mut index)?;
        }
        // Unknown codes are re-encoded as decoded, in order, repeats
        // included (SPEC: kept and re-encoded unchanged); only a known code
        // here would clash with the typed fields.
        for raw in &self.unknown {
            let at = base.suboption(raw.code, index);
            let reused = !matches!(SuboptionCode::from(raw.code), SuboptionCode::Unknown(_));
            if reused {
                return Err(Error::DuplicateSuboption {
                    at,
                    first_offset: index,
                });
            }
            if base.family == Family::V4 && raw.code > 254 {
                return Err(Error::TooLong {
                    at,
                    len: usize::from(raw.code),
                    expected: crate::error::LengthRule::AtMost(254),
                });
            }
            emit(SuboptionCode::Unknown(raw.code), &raw.value, &mut index)?;
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

    fn at() -> Place {
        Place::option(Family::V4, 43, 0)
    }

    #[test]
    fn transfer_mode_parses_the_four_and_nothing_else() {
        for m in TransferMode::ALL {
            assert_eq!(TransferMode::parse(m.as_str().as_bytes(), at()), Ok(m));
        }
        assert_eq!(TransferMode::parse(b"http\0", at()), Ok(TransferMode::Http));
        for bad in [&b"gopher"[..], b"HTTP", b"", b"http ", b"sftp"] {
            assert_eq!(
                TransferMode::parse(bad, at()),
                Err(Error::UnknownTransferMode {
                    at: at(),
                    value: Excerpt::new(bad)
                })
            );
        }
    }

    #[test]
    fn ports_are_decimal_and_nonzero() {
        assert_eq!(Port::parse_digits(b"8088").map(Port::get), Some(8088));
        assert_eq!(Port::parse_digits(b"65535").map(Port::get), Some(65535));
        assert_eq!(Port::parse_digits(b"08080").map(Port::get), Some(8080));
        for bad in [
            &b"0"[..],
            b"65536",
            b"",
            b"-1",
            b"+80",
            b" 80",
            b"99999999999999999999",
        ] {
            assert_eq!(Port::parse_digits(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn suboption_05_choice_v4_port_or_address() {
        // SPEC R-table choice for DHCPv4 suboption 05.
        assert_eq!(
            PortOrServer::parse(Family::V4, b"8080", at()),
            Ok(PortOrServer::Port(Port::new(8080).unwrap()))
        );
        assert_eq!(
            PortOrServer::parse(Family::V4, b"10.0.0.5", at()),
            Ok(PortOrServer::Server(Ipv4Addr::new(10, 0, 0, 5)))
        );
        assert!(matches!(
            PortOrServer::parse(Family::V4, b"ftp.example.net", at()),
            Err(Error::BadPortOrServer { .. })
        ));
        assert!(matches!(
            PortOrServer::parse(Family::V6, b"10.0.0.5", at()),
            Err(Error::BadPort { .. })
        ));
    }

    #[test]
    fn codes_convert_both_ways() {
        for code in 0..=300u16 {
            assert_eq!(u16::from(SuboptionCode::from(code)), code);
        }
        assert_eq!(SuboptionCode::from(8), SuboptionCode::Proxy);
        assert_eq!(SuboptionCode::from(6), SuboptionCode::Unknown(6));
    }
}
