//! Option 17, vendor-specific information (RFC 8415 §21.17, R8):
//! `enterprise-number(4)` then `code(2) len(2) value(len)` items. Juniper's
//! enterprise number is 2636, whose items are the ZTP suboptions (the same
//! meanings as DHCPv4 option 43; 05 is a port).
//!
//! Several instances, for several enterprises, may be in one message; each
//! is read on its own (there is no concatenation in DHCPv6). The items are
//! walked by their own decoder, never by the message's option decoder
//! (dhcproto's trap: item 1 read as a Client ID).

use bytes::BufMut;

use super::message::{check_len, put_tlv};
use crate::error::{
    DecodeError, DecodeErrorKind, EncodeError, Field, Item as EncodeItem, Place, Result, Within,
};
use crate::family::Family;
use crate::suboption::{Item, SuboptionCode, Suboptions, VendorInfo};
use crate::tlv::{V6Items, Walk};

/// The option code.
pub(crate) const CODE: u16 = 17;

/// Juniper Networks' IANA private enterprise number, the one option 17
/// instance that carries ZTP suboptions.
pub const JUNIPER_ENTERPRISE: u32 = 2636;

/// Reads the enterprise number at the start of an option 16 or 17 value.
pub(crate) fn enterprise(value: &[u8], at: Place) -> Result<u32> {
    match value {
        [a, b, c, d, ..] => Ok(u32::from_be_bytes([*a, *b, *c, *d])),
        short => Err(DecodeErrorKind::Truncated {
            field: Field::EnterpriseNumber,
            needed: 4,
            available: short.len() as u32,
        }
        .at(at)),
    }
}

/// A view over the value of one option 17 instance.
///
/// Offsets in errors count from the start of the value, shifted by the
/// `offset` given to [`VendorOpts::new_checked_at`] (the message decoders
/// pass the value's offset in the outermost message).
///
/// ```
/// use ztp_options::v6::VendorOpts;
///
/// // Enterprise 2636, item 00 (image) and 03 (transfer mode).
/// let bytes = b"\x00\x00\x0a\x4c\x00\x00\x00\x07evo.tgz\x00\x03\x00\x04http";
/// let vendor = VendorOpts::new_checked(bytes)?;
/// assert_eq!(vendor.enterprise(), 2636);
/// assert!(vendor.is_juniper());
/// let sub = vendor.suboptions()?.unwrap();
/// assert_eq!(sub.image().unwrap().as_str()?, "evo.tgz");
/// // A length that runs past the value is an error with its offset.
/// assert!(VendorOpts::new_checked(&bytes[..12]).is_err());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorOpts<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> VendorOpts<'a> {
    /// Wraps an option 17 value without checking it; [`VendorOpts::items`]
    /// still reports a short enterprise number or a malformed item.
    pub const fn new_unchecked(bytes: &'a [u8]) -> Self {
        VendorOpts { bytes, offset: 0 }
    }

    /// As [`VendorOpts::new_unchecked`], for a value found at `offset` in
    /// a message.
    pub const fn new_unchecked_at(bytes: &'a [u8], offset: usize) -> Self {
        VendorOpts { bytes, offset }
    }

    /// Wraps an option 17 value after reading its enterprise number and
    /// walking its items once.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`] when the value is shorter than the
    /// 4-byte enterprise number; [`DecodeErrorKind::LengthOverrun`] when an
    /// item's length runs past the value and [`DecodeErrorKind::Truncated`]
    /// for an item header cut short, with the item's offset.
    pub fn new_checked(bytes: &'a [u8]) -> Result<Self> {
        Self::new_checked_at(bytes, 0)
    }

    /// As [`VendorOpts::new_checked`], for a value found at `offset` in a
    /// message: error offsets count from the message's start.
    ///
    /// # Errors
    ///
    /// As [`VendorOpts::new_checked`].
    pub fn new_checked_at(bytes: &'a [u8], offset: usize) -> Result<Self> {
        let view = VendorOpts { bytes, offset };
        for item in view.items() {
            item?;
        }
        Ok(view)
    }

    /// The value's bytes, enterprise number included.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        Place::option(Family::V6, CODE, self.offset)
    }

    /// The enterprise number (0 when an unchecked value is too short for
    /// one).
    pub fn enterprise(&self) -> u32 {
        enterprise(self.bytes, self.place()).unwrap_or(0)
    }

    /// Whether this instance is Juniper's (enterprise 2636), the one that
    /// carries ZTP suboptions.
    pub fn is_juniper(&self) -> bool {
        self.bytes.len() >= 4 && self.enterprise() == JUNIPER_ENTERPRISE
    }

    /// Every item in wire order, unknown codes included; the first
    /// malformed one (or a short enterprise number) is an error and ends
    /// the iteration.
    pub fn items(&self) -> Items<'a> {
        match enterprise(self.bytes, self.place()) {
            // Nothing can be read after a short enterprise number.
            Err(e) => Items {
                head: Some(e),
                walk: None,
            },
            Ok(_) => Items {
                head: None,
                walk: Some(Walk::new(
                    self.bytes.get(4..).unwrap_or(&[]),
                    self.offset.saturating_add(4),
                    self.place(),
                    Within::Suboptions,
                )),
            },
        }
    }

    /// The ZTP suboptions, typed; `None` when this instance is not
    /// Juniper's: another vendor's item codes mean other things (R8).
    ///
    /// # Errors
    ///
    /// As [`Suboptions::collect`] (05 must be a port, R-table).
    pub fn suboptions(&self) -> Result<Option<Suboptions<'a>>> {
        if !self.is_juniper() {
            // A short value is still reported, not taken for another vendor.
            enterprise(self.bytes, self.place())?;
            return Ok(None);
        }
        let mut s = Suboptions::empty();
        self.juniper_suboptions_into(&mut s)?;
        Ok(Some(s))
    }

    /// The suboptions of a Juniper instance written into `s` (which must be
    /// `Suboptions::empty()`): the resolver's path, with no copy of the
    /// collection.
    #[inline]
    pub(crate) fn juniper_suboptions_into(&self, s: &mut Suboptions<'a>) -> Result<()> {
        let items = self.bytes.get(4..).unwrap_or(&[]);
        let at = self.place().at_offset(self.offset.saturating_add(4));
        if !Suboptions::fast_into::<4>(s, items, at) {
            *s = Suboptions::collect(self.place(), self.items())?;
        }
        Ok(())
    }

    /// The owned form of a Juniper instance; `None` for another enterprise.
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::from_items`].
    pub fn to_vendor_info(&self) -> Result<Option<VendorInfo>> {
        if !self.is_juniper() {
            enterprise(self.bytes, self.place())?;
            return Ok(None);
        }
        VendorInfo::from_items(self.place(), self.items()).map(Some)
    }
}

/// The iterator of [`VendorOpts::items`].
///
/// ```
/// use ztp_options::v6::VendorOpts;
///
/// let vendor = VendorOpts::new_checked(b"\x00\x00\x0a\x4c\x00\x01\x00\x07sw.conf\x00\x63\x00\x00")?;
/// let items: Vec<(u16, usize)> = vendor
///     .items()
///     .map(|i| i.map(|i| (i.code.get(), i.value.len())))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(items, [(1, 7), (99, 0)]); // unknown codes are kept, in order
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Items<'a> {
    head: Option<DecodeError>,
    walk: Option<Walk<'a, V6Items>>,
}

impl<'a> Iterator for Items<'a> {
    type Item = Result<Item<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.head.take() {
            return Some(Err(e));
        }
        self.walk.as_mut()?.next().map(|r| {
            r.map(|tlv| Item {
                code: SuboptionCode::new(tlv.code),
                offset: tlv.offset,
                value_offset: tlv.offset.saturating_add(4),
                value: tlv.value,
            })
        })
    }
}

impl core::iter::FusedIterator for Items<'_> {}

const ITEM: EncodeItem = EncodeItem::option(Family::V6, CODE);

impl VendorInfo {
    fn v6_items(
        &self,
        mut f: impl FnMut(u16, &[u8]) -> core::result::Result<(), EncodeError>,
    ) -> core::result::Result<(), EncodeError> {
        self.for_each_item(ITEM, |code, value| {
            check_len(ITEM.suboption(code), value.len())?;
            f(code, value)
        })
    }

    /// The length of the option 17 value [`VendorInfo::emit_v6`] writes:
    /// the enterprise number (2636) and the items, without the option's own
    /// code and length.
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::emit_v6`].
    pub fn buffer_len_v6(&self) -> core::result::Result<usize, EncodeError> {
        let mut len = 4usize;
        self.v6_items(|_, value| {
            len = len.saturating_add(4).saturating_add(value.len());
            Ok(())
        })?;
        check_len(ITEM, len)?;
        Ok(len)
    }

    /// Writes the option 17 value (enterprise 2636, then the items) into
    /// `buf`, which must hold [`VendorInfo::buffer_len_v6`] bytes; returns
    /// the bytes written. Known suboptions come first, in code order, then
    /// unknown ones in their order.
    ///
    /// # Errors
    ///
    /// [`BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall);
    /// [`TooLong`](crate::EncodeErrorKind::TooLong) for an item value, or
    /// the whole value, over 65535 bytes;
    /// [`NotInFamily`](crate::EncodeErrorKind::NotInFamily) for a file
    /// server address in 05 (DHCPv6 05 is a port); errors of values that
    /// would not decode again (empty or control bytes in text, a duplicate
    /// code).
    pub fn emit_v6(&self, buf: &mut [u8]) -> core::result::Result<usize, EncodeError> {
        crate::emit::into_slice(Family::V6, buf, self.buffer_len_v6()?, |out| {
            self.put_v6(out)
        })
    }

    /// Appends the option 17 value to `buf` (see [`VendorInfo::emit_v6`]).
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::emit_v6`]; on error nothing has been written.
    pub fn put_v6<B: BufMut>(&self, buf: &mut B) -> core::result::Result<(), EncodeError> {
        let needed = self.buffer_len_v6()?;
        crate::emit::room(Family::V6, buf, needed)?;
        buf.put_u32(JUNIPER_ENTERPRISE);
        self.v6_items(|code, value| {
            put_tlv(buf, code, value);
            Ok(())
        })
    }
}
