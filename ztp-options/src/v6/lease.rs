//! Everything ZTP reads from a DHCPv6 reply, found in one walk of the
//! (relay-unwrapped) message: [`Lease`].

use super::boot_url::BootFileUrl;
use super::class::{UserClass, VendorClass};
use super::code::{MessageType, OptionCode};
use super::message::{Message, Options, RawOption};
use super::vendor::{JUNIPER_ENTERPRISE, VendorOpts, enterprise};
use crate::error::{DecodeError, DecodeErrorKind, Place, Result};
use crate::family::Family;
use crate::suboption::Suboptions;
use crate::sztp::Redirect;

/// The first instance of an option, and where a second one was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Once<'a> {
    first: Option<RawOption<'a>>,
    again: Option<usize>,
}

impl<'a> Once<'a> {
    fn see(&mut self, opt: RawOption<'a>) {
        match self.first {
            None => self.first = Some(opt),
            Some(_) => {
                if self.again.is_none() {
                    self.again = Some(opt.offset);
                }
            }
        }
    }

    /// The one instance; a second one is
    /// [`DecodeErrorKind::DuplicateOption`].
    fn single(&self) -> Result<Option<RawOption<'a>>> {
        match (self.first, self.again) {
            (Some(first), Some(offset)) => Err(DecodeErrorKind::DuplicateOption {
                first_offset: u32::try_from(first.offset).unwrap_or(u32::MAX),
            }
            .at(Place::option(Family::V6, first.code.get(), offset))),
            (first, _) => Ok(first),
        }
    }
}

/// The ZTP view of a DHCPv6 message: relay messages unwrapped (at most
/// [`MAX_RELAY_DEPTH`](super::MAX_RELAY_DEPTH) deep), then, in one walk of
/// the inner message, option 17 (the Juniper instance, enterprise 2636,
/// and the others), option 59, the SZTP redirect (136), and the device's
/// options 16 and 15.
///
/// Values are decoded when asked for, so a bad option 59 does not hide a
/// good option 17; every accessor returns the typed error of its option.
/// Offsets in errors count from the start of the outermost message.
///
/// **Two option 17 instances for enterprise 2636** are an error
/// ([`DecodeErrorKind::DuplicateEnterprise`], from [`Lease::vendor_opts`] and
/// [`Lease::suboptions`]), not merged: RFC 8415 §21.17 forbids a server to
/// send them, and which one counts would be a guess (the same choice as
/// [`DecodeErrorKind::DuplicateSuboption`]). Options 59 and 15 may appear once
/// ([`DecodeErrorKind::DuplicateOption`]); option 16 may appear once per enterprise,
/// and [`Lease::vendor_class`] gives the first.
///
/// ```
/// use ztp_options::{resolve_v6, samples, v6::Lease};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// assert_eq!(lease.message_type().get(), 7); // REPLY
/// assert_eq!(lease.relay_depth(), 0);
/// let url = lease.boot_file_url()?.unwrap(); // option 59 (R9)
/// assert_eq!(url.server().to_string(), "2001:db8::1");
/// let vendor = lease.vendor_opts()?.unwrap(); // option 17, enterprise 2636 (R8)
/// assert!(vendor.is_juniper());
/// let plan = resolve_v6(&lease)?;
/// assert_eq!(plan.file_server.to_string(), "2001:db8::1"); // R17
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease<'a> {
    outer: Message<'a>,
    message: Message<'a>,
    juniper: Once<'a>,
    /// The first option 17 too short for an enterprise number.
    bad_vendor: Option<DecodeError>,
    other_vendors: usize,
    boot_url: Once<'a>,
    vendor_class: Once<'a>,
    user_class: Once<'a>,
    sztp: Once<'a>,
}

impl<'a> Lease<'a> {
    /// Checks `bytes` as a DHCPv6 message, unwraps relays and collects the
    /// ZTP options of the inner message.
    ///
    /// # Errors
    ///
    /// As [`Message::new_checked`] and [`Message::innermost`], and any
    /// malformed option of the inner message (with its offset).
    pub fn parse(bytes: &'a [u8]) -> Result<Self> {
        Self::from_message(Message::new_checked(bytes)?)
    }

    /// Unwraps the relays of a checked message and collects the ZTP
    /// options of the inner message.
    ///
    /// # Errors
    ///
    /// As [`Lease::parse`].
    pub fn from_message(outer: Message<'a>) -> Result<Self> {
        let message = outer.innermost()?;
        let mut lease = Lease {
            outer,
            message,
            juniper: Once::default(),
            bad_vendor: None,
            other_vendors: 0,
            boot_url: Once::default(),
            vendor_class: Once::default(),
            user_class: Once::default(),
            sztp: Once::default(),
        };
        for opt in message.options() {
            let opt = opt?;
            match opt.code {
                OptionCode::VENDOR_OPTS => match enterprise(opt.value, opt.place()) {
                    Ok(JUNIPER_ENTERPRISE) => lease.juniper.see(opt),
                    Ok(_) => lease.other_vendors = lease.other_vendors.saturating_add(1),
                    Err(e) => {
                        lease.bad_vendor.get_or_insert(e);
                    }
                },
                OptionCode::BOOTFILE_URL => lease.boot_url.see(opt),
                OptionCode::VENDOR_CLASS => lease.vendor_class.see(opt),
                OptionCode::USER_CLASS => lease.user_class.see(opt),
                OptionCode::SZTP_REDIRECT => lease.sztp.see(opt),
                _ => {}
            }
        }
        Ok(lease)
    }

    /// The message as received (a relay message when relayed).
    pub fn outer(&self) -> Message<'a> {
        self.outer
    }

    /// The client/server message the options were read from.
    pub fn message(&self) -> Message<'a> {
        self.message
    }

    /// How many relay messages were unwrapped (0 when not relayed).
    pub fn relay_depth(&self) -> usize {
        self.message.depth()
    }

    /// The inner message's type (7 REPLY, 2 ADVERTISE, ...).
    pub fn message_type(&self) -> MessageType {
        self.message.msg_type()
    }

    /// The inner message's transaction id.
    pub fn transaction_id(&self) -> Option<[u8; 3]> {
        self.message.transaction_id()
    }

    /// Option 17 for Juniper (enterprise 2636), as a checked view; offsets
    /// in its errors count from the outermost message's start.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::DuplicateEnterprise`] for a second 2636 instance;
    /// [`DecodeErrorKind::Truncated`] when an option 17 instance is too short for an
    /// enterprise number (it could have been Juniper's); as
    /// [`VendorOpts::new_checked`] for a malformed item.
    pub fn vendor_opts(&self) -> Result<Option<VendorOpts<'a>>> {
        match self.juniper()? {
            Some(v) => VendorOpts::new_checked_at(v.as_bytes(), v.place().offset()).map(Some),
            None => Ok(None),
        }
    }

    /// The Juniper instance, its items not walked yet.
    fn juniper(&self) -> Result<Option<VendorOpts<'a>>> {
        if let Some(e) = self.bad_vendor {
            return Err(e);
        }
        match (self.juniper.first, self.juniper.again) {
            (Some(first), Some(offset)) => Err(DecodeErrorKind::DuplicateEnterprise {
                first_offset: u32::try_from(first.offset).unwrap_or(u32::MAX),
            }
            .at(Place::option(
                Family::V6,
                OptionCode::VENDOR_OPTS.get(),
                offset,
            ))),
            (Some(first), None) => Ok(Some(VendorOpts::new_unchecked_at(
                first.value,
                first.place().offset(),
            ))),
            (None, _) => Ok(None),
        }
    }

    /// The ZTP suboptions of the Juniper option 17, typed (R8).
    ///
    /// # Errors
    ///
    /// As [`Lease::vendor_opts`] and [`VendorOpts::suboptions`].
    pub fn suboptions(&self) -> Result<Option<Suboptions<'a>>> {
        // One walk: the typed collection reports a malformed item itself.
        Ok(match self.juniper()? {
            Some(v) => v.suboptions()?,
            None => None,
        })
    }

    /// [`Lease::suboptions`] written into `s` (which must be
    /// `Suboptions::empty()`); the Juniper instance's value (its enterprise
    /// number, then the items), when there is one.
    #[inline]
    pub(crate) fn suboptions_into(&self, s: &mut Suboptions<'a>) -> Result<Option<&'a [u8]>> {
        match self.juniper()? {
            Some(v) => {
                v.juniper_suboptions_into(s)?;
                Ok(Some(v.as_bytes()))
            }
            None => Ok(None),
        }
    }

    /// How many option 17 instances belong to other enterprises.
    pub fn other_vendor_count(&self) -> usize {
        self.other_vendors
    }

    /// The option 17 instances of other enterprises, kept and skipped by
    /// ZTP (R8), in wire order. Their items are not checked: read them with
    /// [`VendorOpts::items`].
    pub fn other_vendor_opts(&self) -> OtherVendorOpts<'a> {
        OtherVendorOpts {
            options: self.message.options(),
        }
    }

    /// Option 59, the boot file URL (R9).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::DuplicateOption`] for a second instance; as
    /// [`BootFileUrl::parse`].
    pub fn boot_file_url(&self) -> Result<Option<BootFileUrl<'a>>> {
        self.boot_url
            .single()?
            .map(|o| BootFileUrl::parse(o.value, o.place()))
            .transpose()
    }

    /// Option 136, the SZTP redirect: the bootstrap-server list (R31),
    /// independent of options 17 and 59 (R32).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::DuplicateOption`] for a second instance; as
    /// [`Redirect::parse`].
    pub fn sztp_redirect(&self) -> Result<Option<Redirect<'a>>> {
        self.sztp
            .single()?
            .map(|o| Redirect::parse(o.value, o.place()))
            .transpose()
    }

    /// Option 16, the vendor class: the first instance (a device may send
    /// one per enterprise; [`Message::instances`] gives them all).
    ///
    /// # Errors
    ///
    /// As [`VendorClass::parse`].
    pub fn vendor_class(&self) -> Result<Option<VendorClass<'a>>> {
        self.vendor_class
            .first
            .map(|o| VendorClass::parse(o.value, o.place()))
            .transpose()
    }

    /// Option 15, the user class.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::DuplicateOption`] for a second instance; as
    /// [`UserClass::parse`].
    pub fn user_class(&self) -> Result<Option<UserClass<'a>>> {
        self.user_class
            .single()?
            .map(|o| UserClass::parse(o.value, o.place()))
            .transpose()
    }
}

/// The iterator of [`Lease::other_vendor_opts`].
///
/// ```
/// use ztp_options::v6::Lease;
///
/// // Option 17 of enterprise 9 beside Juniper's: kept and skipped (R8).
/// let mut reply = vec![7, 0, 0, 1];
/// reply.extend_from_slice(b"\x00\x11\x00\x0a\x00\x00\x00\x09\x00\x01\x00\x02hi");
/// reply.extend_from_slice(b"\x00\x11\x00\x0f\x00\x00\x0a\x4c\x00\x01\x00\x07sw.conf");
/// let lease = Lease::parse(&reply)?;
/// assert_eq!(lease.other_vendor_count(), 1);
/// let other: Vec<u32> = lease.other_vendor_opts().map(|v| v.enterprise()).collect();
/// assert_eq!(other, [9]);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct OtherVendorOpts<'a> {
    options: Options<'a>,
}

impl<'a> Iterator for OtherVendorOpts<'a> {
    type Item = VendorOpts<'a>;

    fn next(&mut self) -> Option<VendorOpts<'a>> {
        // The walk was checked by `Lease::from_message`: it yields no error.
        self.options.by_ref().find_map(|o| {
            let o = o.ok()?;
            if o.code != OptionCode::VENDOR_OPTS {
                return None;
            }
            match enterprise(o.value, o.place()) {
                Ok(e) if e != JUNIPER_ENTERPRISE => {
                    Some(VendorOpts::new_unchecked_at(o.value, o.place().offset()))
                }
                _ => None,
            }
        })
    }
}

impl core::iter::FusedIterator for OtherVendorOpts<'_> {}
