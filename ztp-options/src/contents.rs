//! Everything a reply carries, whatever the verdict (R34): each value
//! decoded on its own, so that one bad value does not hide the others.
//!
//! [`resolve_v4`](crate::resolve_v4) and [`resolve_v6`](crate::resolve_v6)
//! stop at the first reason ZTP cannot proceed; an explanation needs more:
//! the file servers, names, NTP and syslog servers, proxy, unknown
//! suboptions and redirect of a reply that cannot proceed, and the error of
//! each value that does not decode, beside the values that do.
//! [`contents_v4`] and [`contents_v6`] give that, computed only when asked
//! for (the resolvers do not call them): views borrowed from the lease,
//! whose accessors decode one value each and never allocate.
//!
//! Each accessor answers with a [`Value`]: `None` when the reply does not
//! carry it, `Some(Ok(..))` with the decoded value, `Some(Err(..))` with
//! its error (what, and where in the message). The raw bytes stay
//! reachable beside it, so a caller can quote them.
//!
//! ```
//! use ztp_options::{contents_v4, resolve_v4, samples, v4::Lease};
//!
//! let lease = Lease::parse(samples::V4_ACK)?;
//! let contents = contents_v4(&lease);
//! let vendor = contents.option43().expect("option 43 is there");
//! assert_eq!(vendor.config().unwrap()?.as_str()?, "/ztp/ex4300.conf");
//! let servers = contents.tftp_server_addresses().unwrap()?;
//! assert_eq!(servers.first().to_string(), "192.0.2.10");
//! // The same lease resolves; the contents do not depend on it.
//! assert!(resolve_v4(&lease).is_ok());
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```

use core::net::Ipv4Addr;

use crate::error::{DecodeError, DecodeErrorKind, Place};
use crate::family::Family;
use crate::suboption::{ImageType, Item, PortOrServer, SuboptionCode, TransferMode};
use crate::sztp::{Redirect, Variant};
use crate::text::Text;
use crate::v4::{Ipv4List, Option43, Option43Items, OptionCode, TftpServerName, Trailing};
use crate::v6::{BootFileUrl, VendorOpts, VendorOptsItems};
use crate::{v4, v6};

/// One value as a reply carries it: `None` when absent, else the decoded
/// value or its error (R34: a value that does not decode is shown with its
/// error, and does not hide the others).
///
/// ```
/// use ztp_options::{Value, contents_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let host: Value<_> = contents_v4(&lease).host_name();
/// assert_eq!(host.unwrap()?.as_str()?, "ex4300-lab-01");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub type Value<T> = Option<Result<T, DecodeError>>;

/// The items of a vendor option (DHCPv4 option 43, the DHCPv6 option 17
/// instance of enterprise 2636), each suboption decoded on its own (R1,
/// R8, R34).
///
/// Known suboptions are read from their first item; a second item of the
/// same code is reported by [`VendorContents::duplicate`] without hiding
/// the first. Items after a malformed one cannot be framed: they are not
/// reported, and [`VendorContents::walk_error`] says where the walk stopped.
///
/// ```
/// use ztp_options::{contents_v4, SuboptionCode};
/// use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
///
/// // 01 "sw.conf", 03 "htp" (not a transfer mode), 96 "x" (unknown).
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_SPECIFIC, b"\x01\x07sw.conf\x03\x03htp\x60\x01x".to_vec())?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// let vendor = contents_v4(&lease).option43().unwrap();
/// assert_eq!(vendor.config().unwrap()?.as_str()?, "sw.conf"); // not hidden by 03
/// assert!(vendor.transfer_mode().unwrap().is_err());
/// assert!(vendor.image().is_none());
/// let unknown: Vec<u16> = vendor.unknown().map(|i| i.code.get()).collect();
/// assert_eq!(unknown, [0x60]);
/// assert!(vendor.has_ztp_suboption());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorContents<'a> {
    kind: VendorKind<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VendorKind<'a> {
    V4(Option43<'a>),
    V6(VendorOpts<'a>),
}

impl<'a> VendorContents<'a> {
    /// The view of an option 43 value.
    pub fn v4(option: Option43<'a>) -> Self {
        VendorContents {
            kind: VendorKind::V4(option),
        }
    }

    /// The view of a DHCPv6 option 17 instance (its items are read as
    /// Juniper's whatever its enterprise number: check
    /// [`VendorOpts::is_juniper`] first, R8).
    pub fn v6(option: VendorOpts<'a>) -> Self {
        VendorContents {
            kind: VendorKind::V6(option),
        }
    }

    /// The family.
    pub fn family(&self) -> Family {
        match self.kind {
            VendorKind::V4(_) => Family::V4,
            VendorKind::V6(_) => Family::V6,
        }
    }

    /// The option's whole value, raw (DHCPv6: with the enterprise number).
    pub fn as_bytes(&self) -> &'a [u8] {
        match self.kind {
            VendorKind::V4(o) => o.as_bytes(),
            VendorKind::V6(o) => o.as_bytes(),
        }
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        match self.kind {
            VendorKind::V4(o) => o.place(),
            VendorKind::V6(o) => o.place(),
        }
    }

    /// Whether the option holds no suboption bytes at all: a DHCPv4 option
    /// 43 of length 0, a DHCPv6 option 17 with only its enterprise number.
    /// An empty option is present: not the same as an absent one (R35).
    pub fn is_empty(&self) -> bool {
        match self.kind {
            VendorKind::V4(o) => o.as_bytes().is_empty(),
            VendorKind::V6(o) => o.as_bytes().len() == 4,
        }
    }

    /// Every item in wire order, unknown codes included; the first
    /// malformed one is an error and ends the iteration.
    pub fn items(&self) -> VendorItems<'a> {
        VendorItems {
            kind: match self.kind {
                VendorKind::V4(o) => ItemsKind::V4(o.items()),
                VendorKind::V6(o) => ItemsKind::V6(o.items()),
            },
        }
    }

    /// The items that frame, in wire order (up to a malformed one).
    fn good_items(&self) -> impl Iterator<Item = Item<'a>> + use<'a> {
        self.items().map_while(Result::ok)
    }

    /// Where the walk of the items stopped, when an item does not frame
    /// (a length past the value, a cut header) or, DHCPv6, the enterprise
    /// number is cut short.
    pub fn walk_error(&self) -> Option<DecodeError> {
        self.items().find_map(Result::err)
    }

    /// The first item of `code`, raw.
    pub fn item(&self, code: SuboptionCode) -> Option<Item<'a>> {
        self.good_items().find(|i| i.code == code)
    }

    /// A second item of a known `code`:
    /// [`DecodeErrorKind::DuplicateSuboption`] at its code field. The
    /// typed accessors read the first.
    pub fn duplicate(&self, code: SuboptionCode) -> Option<DecodeError> {
        let mut items = self.good_items().filter(|i| i.code == code);
        let first = items.next()?;
        let again = items.next()?;
        Some(
            DecodeErrorKind::DuplicateSuboption {
                first_offset: u32::try_from(first.offset).unwrap_or(u32::MAX),
            }
            .at(self.place().suboption(code.get(), again.offset)),
        )
    }

    fn value_place(&self, item: &Item<'_>) -> Place {
        self.place().suboption(item.code.get(), item.value_offset)
    }

    fn text(&self, code: SuboptionCode) -> Value<Text<'a>> {
        let item = self.item(code)?;
        Some(Text::parse(item.value, self.value_place(&item)))
    }

    fn typed<T>(
        &self,
        code: SuboptionCode,
        parse: impl FnOnce(&'a [u8]) -> Result<T, DecodeErrorKind>,
    ) -> Value<T> {
        let item = self.item(code)?;
        Some(parse(item.value).map_err(|k| k.at(self.value_place(&item))))
    }

    /// Suboption 00, the image file name (R7 checks).
    pub fn image(&self) -> Value<Text<'a>> {
        self.text(SuboptionCode::IMAGE)
    }

    /// Suboption 01, the configuration or script file name.
    pub fn config(&self) -> Value<Text<'a>> {
        self.text(SuboptionCode::CONFIG)
    }

    /// Suboption 02, the image type (`symlink`).
    pub fn image_type(&self) -> Value<ImageType> {
        self.typed(SuboptionCode::IMAGE_TYPE, ImageType::try_from)
    }

    /// Suboption 03, the transfer mode.
    pub fn transfer_mode(&self) -> Value<TransferMode> {
        self.typed(SuboptionCode::TRANSFER_MODE, TransferMode::try_from)
    }

    /// Suboption 04, the alternate image file name.
    pub fn alt_image(&self) -> Value<Text<'a>> {
        self.text(SuboptionCode::ALT_IMAGE)
    }

    /// Suboption 05: a port, or (DHCPv4) a file-server address (R20).
    pub fn port_or_server(&self) -> Value<PortOrServer> {
        let family = self.family();
        self.typed(SuboptionCode::PORT_OR_SERVER, |v| {
            PortOrServer::parse(family, v)
        })
    }

    /// Suboption 08, the proxy details, as text.
    pub fn proxy(&self) -> Value<Text<'a>> {
        self.text(SuboptionCode::PROXY)
    }

    /// The items whose codes this crate does not know (code, value), in
    /// wire order: for DHCPv4, a code 150 or 66 inside option 43 is one.
    pub fn unknown(&self) -> impl Iterator<Item = Item<'a>> + use<'a> {
        self.good_items().filter(|i| !i.code.is_known())
    }

    /// Whether any item has a code ZTP reads (00, 01, 02, 03, 04, 05, 08);
    /// `false` for an empty option, or one with only unknown codes.
    pub fn has_ztp_suboption(&self) -> bool {
        self.good_items().any(|i| i.code.is_known())
    }

    /// DHCPv4: the offset of the end code (255) that closes option 43's
    /// list, when there is one (R1). It counts as [`VendorContents::place`]'s
    /// does: in the message, or in the concatenation when option 43 was
    /// joined from several instances ([`Place::in_joined_value`];
    /// [`v4::Lease::message_offset`](crate::v4::Lease::message_offset)
    /// maps it back to the message).
    pub fn end(&self) -> Option<usize> {
        let VendorKind::V4(o) = self.kind else {
            return None;
        };
        let mut rest = o.as_bytes();
        let mut offset = o.place().offset();
        loop {
            match rest {
                [255, ..] => return Some(offset),
                [_, len, tail @ ..] => {
                    rest = tail.get(usize::from(*len)..)?;
                    offset += 2 + usize::from(*len);
                }
                _ => return None,
            }
        }
    }

    /// DHCPv4: the bytes after option 43's end code when they are not
    /// padding (R1: not read).
    pub fn after_end(&self) -> Option<Trailing> {
        match self.kind {
            VendorKind::V4(o) => o.after_end(),
            VendorKind::V6(_) => None,
        }
    }
}

/// The iterator of [`VendorContents::items`].
///
/// ```
/// use ztp_options::{VendorContents, v4::Option43};
///
/// let vendor = VendorContents::v4(Option43::new_unchecked(b"\x00\x01a\x01\x09b"));
/// let items: Vec<_> = vendor.items().collect();
/// assert!(items[0].is_ok() && items[1].is_err()); // 01's length runs past the end
/// assert_eq!(vendor.image().unwrap()?.as_bytes(), b"a");
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct VendorItems<'a> {
    kind: ItemsKind<'a>,
}

#[derive(Debug, Clone)]
enum ItemsKind<'a> {
    V4(Option43Items<'a>),
    V6(VendorOptsItems<'a>),
}

impl<'a> Iterator for VendorItems<'a> {
    type Item = Result<Item<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.kind {
            ItemsKind::V4(i) => i.next(),
            ItemsKind::V6(i) => i.next(),
        }
    }
}

impl core::iter::FusedIterator for VendorItems<'_> {}

/// Everything a DHCPv4 reply carries that ZTP reads, shows or ignores,
/// each value decoded on its own (R34); see [`contents_v4`].
///
/// ```
/// use ztp_options::{CannotProceed, contents_v4, resolve_v4};
/// use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
///
/// // No option 43, but 150, 42 and 7: ZTP cannot proceed (R13/R18),
/// // and every value is still there to show.
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// set.insert(OptionCode::NTP_SERVERS, vec![192, 0, 2, 123])?;
/// set.insert(OptionCode::LOG_SERVER, vec![192, 0, 2, 51])?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// assert_eq!(resolve_v4(&lease), Err(CannotProceed::NothingToFetch));
/// let c = contents_v4(&lease);
/// assert!(c.option43().is_none()); // absent, not empty
/// assert_eq!(c.tftp_server_addresses().unwrap()?.first().to_string(), "192.0.2.10");
/// assert_eq!(c.ntp_servers().unwrap()?.first().to_string(), "192.0.2.123");
/// assert_eq!(c.log_servers().unwrap()?.first().to_string(), "192.0.2.51");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ContentsV4<'a> {
    lease: &'a v4::Lease<'a>,
}

/// The contents of a DHCPv4 lease (R34): every value, each decoded on its
/// own. Nothing is decoded until an accessor is called, and nothing
/// allocates.
///
/// ```
/// use ztp_options::{contents_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let c = contents_v4(&lease);
/// assert!(c.option43().is_some_and(|v| v.has_ztp_suboption()));
/// assert_eq!(c.after_end(), None); // R2: nothing after the end option
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub fn contents_v4<'a>(lease: &'a v4::Lease<'_>) -> ContentsV4<'a> {
    ContentsV4 { lease }
}

impl<'a> ContentsV4<'a> {
    /// The lease.
    pub fn lease(&self) -> &'a v4::Lease<'a> {
        self.lease
    }

    /// The raw (joined, RFC 3396) value of an option a lease keeps (43,
    /// 150, 66, 7, 42, 12, 53, 60, 61, 77, 143, 67).
    pub fn raw(&self, code: OptionCode) -> Option<&'a [u8]> {
        self.lease.value_bytes(code)
    }

    /// Option 43: `None` when absent; else its items, each decoded on its
    /// own ([`VendorContents::is_empty`] for a 43 of length 0).
    pub fn option43(&self) -> Option<VendorContents<'a>> {
        let (v, at) = self.lease.raw(OptionCode::VENDOR_SPECIFIC)?;
        Some(VendorContents::v4(Option43::unchecked_at(v, at)))
    }

    /// Option 150, the file-server addresses (R4); its raw bytes are
    /// [`ContentsV4::raw`] (a length that is not a multiple of 4 may be
    /// text sent with the wrong type).
    pub fn tftp_server_addresses(&self) -> Value<Ipv4List<'a>> {
        let (v, at) = self.lease.raw(OptionCode::TFTP_SERVER_ADDRESS)?;
        Some(Ipv4List::parse(v, at))
    }

    /// Option 66 as text (R7).
    pub fn tftp_server_name(&self) -> Value<TftpServerName<'a>> {
        let (v, at) = self.lease.raw(OptionCode::TFTP_SERVER_NAME)?;
        Some(TftpServerName::parse(v, at))
    }

    /// Option 66's address: the error of its text, or a host name (R3).
    pub fn tftp_server_address(&self) -> Value<Ipv4Addr> {
        Some(self.tftp_server_name()?.and_then(|n| n.address()))
    }

    /// Option 42, the NTP servers (R5).
    pub fn ntp_servers(&self) -> Value<Ipv4List<'a>> {
        let (v, at) = self.lease.raw(OptionCode::NTP_SERVERS)?;
        Some(Ipv4List::parse(v, at))
    }

    /// Option 7, the syslog servers (R5).
    pub fn log_servers(&self) -> Value<Ipv4List<'a>> {
        let (v, at) = self.lease.raw(OptionCode::LOG_SERVER)?;
        Some(Ipv4List::parse(v, at))
    }

    /// Option 12, the host name (R5, R7).
    pub fn host_name(&self) -> Value<Text<'a>> {
        let (v, at) = self.lease.raw(OptionCode::HOST_NAME)?;
        Some(Text::parse(v, at))
    }

    /// Option 67, the boot file name, raw: not used by ZTP (R33).
    pub fn boot_file_name(&self) -> Option<&'a [u8]> {
        self.lease.boot_file_name()
    }

    /// `siaddr`, when it is not 0.0.0.0: not used (R13).
    pub fn siaddr(&self) -> Option<Ipv4Addr> {
        Some(self.lease.siaddr()).filter(|a| !a.is_unspecified())
    }

    /// `sname` as a name, when set and not holding options (option 52,
    /// R2): not used (R33).
    pub fn sname(&self) -> Option<&'a [u8]> {
        self.lease.sname()
    }

    /// `file` as a name, when set and not holding options (option 52,
    /// R2): not used (R33).
    pub fn file(&self) -> Option<&'a [u8]> {
        self.lease.file()
    }

    /// Option 143, the SZTP redirect (R31), as RFC 8572 reads it.
    pub fn sztp_redirect(&self) -> Value<Redirect<'a>> {
        let (v, at) = self.lease.raw(OptionCode::SZTP_REDIRECT)?;
        Some(Redirect::parse(v, at))
    }

    /// Option 143 recognised as a variant servers send (R31), when it is
    /// not a valid RFC 8572 list; see [`crate::sztp::variant`].
    pub fn sztp_variant(&self) -> Option<Variant<'a>> {
        let v = self.raw(OptionCode::SZTP_REDIRECT)?;
        crate::sztp::variant(v, Family::V4)
    }

    /// R2: the bytes after the message's end option that are not padding.
    pub fn after_end(&self) -> Option<Trailing> {
        self.lease.after_end()
    }
}

/// Everything a DHCPv6 reply carries that ZTP reads, each value decoded on
/// its own (R34); see [`contents_v6`].
///
/// ```
/// use ztp_options::{contents_v6, samples, v6::Lease};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let c = contents_v6(&lease);
/// assert!(c.has_option17());
/// assert_eq!(c.enterprises().collect::<Result<Vec<_>, _>>()?, [2636]);
/// let vendor = c.juniper().unwrap();
/// assert!(vendor.has_ztp_suboption());
/// assert_eq!(c.boot_file_url().unwrap()?.server().to_string(), "2001:db8::1");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ContentsV6<'a> {
    message: v6::Message<'a>,
}

/// The contents of a DHCPv6 lease (R34): every option 17 instance, the
/// Juniper suboptions each on its own, option 59, the SZTP redirect (136).
/// Computed when asked for, without allocating.
///
/// ```
/// use ztp_options::{contents_v6, samples, v6::Lease};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let c = contents_v6(&lease);
/// assert!(c.sztp_redirect().is_none());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub fn contents_v6<'a>(lease: &v6::Lease<'a>) -> ContentsV6<'a> {
    ContentsV6 {
        message: lease.message(),
    }
}

impl<'a> ContentsV6<'a> {
    /// The inner message's options of `code`, in order (the lease checked
    /// the walk).
    fn all(&self, code: v6::OptionCode) -> impl Iterator<Item = v6::RawOption<'a>> + use<'a> {
        self.message
            .options()
            .map_while(Result::ok)
            .filter(move |o| o.code == code)
    }

    fn once(&self, code: v6::OptionCode) -> Option<v6::RawOption<'a>> {
        self.all(code).next()
    }

    /// Whether the reply carries any option 17.
    pub fn has_option17(&self) -> bool {
        self.once(v6::OptionCode::VENDOR_OPTS).is_some()
    }

    /// The enterprise number of each option 17 instance, in order; an
    /// instance too short for one is its error (R8).
    pub fn enterprises(&self) -> impl Iterator<Item = Result<u32, DecodeError>> + use<'a> {
        self.all(v6::OptionCode::VENDOR_OPTS)
            .map(|o| v6::enterprise(o.value, o.place()))
    }

    /// The option 17 instances, in order, as views.
    pub fn vendor_opts(&self) -> impl Iterator<Item = VendorOpts<'a>> + use<'a> {
        self.all(v6::OptionCode::VENDOR_OPTS)
            .map(|o| VendorOpts::new_unchecked_at(o.value, o.place().offset()))
    }

    /// The first option 17 instance for Juniper (enterprise 2636), its
    /// items each decoded on its own; `None` when there is none.
    /// [`VendorContents::has_ztp_suboption`] says whether it holds any ZTP
    /// suboption.
    pub fn juniper(&self) -> Option<VendorContents<'a>> {
        self.vendor_opts()
            .find(VendorOpts::is_juniper)
            .map(VendorContents::v6)
    }

    /// A second option 17 instance for 2636:
    /// [`DecodeErrorKind::DuplicateEnterprise`] (the lease's resolver
    /// refuses it; [`ContentsV6::juniper`] shows the first).
    pub fn duplicate_juniper(&self) -> Option<DecodeError> {
        let mut j = self
            .all(v6::OptionCode::VENDOR_OPTS)
            .filter(|o| v6::enterprise(o.value, o.place()) == Ok(v6::JUNIPER_ENTERPRISE));
        let first = j.next()?;
        let again = j.next()?;
        Some(
            DecodeErrorKind::DuplicateEnterprise {
                first_offset: u32::try_from(first.offset).unwrap_or(u32::MAX),
            }
            .at(Place::option(
                Family::V6,
                v6::OptionCode::VENDOR_OPTS.get(),
                again.offset,
            )),
        )
    }

    /// Option 59, the boot file URL (R9); its raw bytes are
    /// [`ContentsV6::raw`].
    pub fn boot_file_url(&self) -> Value<BootFileUrl<'a>> {
        let o = self.once(v6::OptionCode::BOOTFILE_URL)?;
        Some(BootFileUrl::parse(o.value, o.place()))
    }

    /// Option 136, the SZTP redirect (R31), as RFC 8572 reads it.
    pub fn sztp_redirect(&self) -> Value<Redirect<'a>> {
        let o = self.once(v6::OptionCode::SZTP_REDIRECT)?;
        Some(Redirect::parse(o.value, o.place()))
    }

    /// Option 136 recognised as a variant servers send (R31), when it is
    /// not a valid RFC 8572 list; see [`crate::sztp::variant`].
    pub fn sztp_variant(&self) -> Option<Variant<'a>> {
        let o = self.once(v6::OptionCode::SZTP_REDIRECT)?;
        crate::sztp::variant(o.value, Family::V6)
    }

    /// The raw value of the first option of `code` in the inner message.
    pub fn raw(&self, code: v6::OptionCode) -> Option<&'a [u8]> {
        self.once(code).map(|o| o.value)
    }
}
