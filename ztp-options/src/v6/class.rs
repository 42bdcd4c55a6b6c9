//! Options 15 (user class, RFC 8415 §21.15) and 16 (vendor class, RFC 8415
//! §21.16), which a device sends about itself: `len(2) data(len)` class
//! data items, after a 4-byte enterprise number in option 16.

use bytes::BufMut;

use super::message::check_len;
use super::vendor::{JUNIPER_ENTERPRISE, enterprise};
use crate::error::{EncodeError, Item, Place, Result, Within};
use crate::family::Family;
use crate::tlv::{V6ClassData, Walk};

/// The class data items of option 15 or 16, borrowed and already checked:
/// each item's data, in wire order. Empty items (length 0) are yielded.
///
/// ```
/// use ztp_options::{Family, Place, v6::UserClass};
///
/// let class = UserClass::parse(b"\x00\x07Juniper\x00\x00", Place::option(Family::V6, 15, 0))?;
/// let items: Vec<&[u8]> = class.data().collect(); // a ClassData
/// assert_eq!(items, [&b"Juniper"[..], b""]); // empty items are yielded
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClassData<'a> {
    walk: Walk<'a, V6ClassData>,
}

impl<'a> Iterator for ClassData<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        // The walk was checked when the option was parsed: it yields no
        // error here.
        self.walk.next().and_then(|r| r.ok()).map(|t| t.value)
    }
}

impl core::iter::FusedIterator for ClassData<'_> {}

fn walk(data: &[u8], offset: usize, at: Place) -> Walk<'_, V6ClassData> {
    Walk::new(data, offset, at, Within::ClassData)
}

fn items_len<S: AsRef<[u8]>>(items: &[S], item: Item) -> core::result::Result<usize, EncodeError> {
    let mut len = 0usize;
    for i in items {
        check_len(item, i.as_ref().len())?;
        len = len.saturating_add(2).saturating_add(i.as_ref().len());
    }
    Ok(len)
}

fn put_items<S: AsRef<[u8]>, B: BufMut>(items: &[S], buf: &mut B) {
    for item in items {
        let item = item.as_ref();
        buf.put_u16(u16::try_from(item.len()).unwrap_or(u16::MAX));
        buf.put_slice(item);
    }
}

/// Option 15, the user class: class data items.
///
/// ```
/// use ztp_options::{Family, Place, v6::UserClass};
///
/// let mut value = Vec::new();
/// UserClass::put(&["Juniper", "ex4300-48t"], &mut value)?;
/// let class = UserClass::parse(&value, Place::option(Family::V6, 15, 0))?;
/// assert_eq!(class.data().count(), 2);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserClass<'a> {
    bytes: &'a [u8],
    at: Place,
}

impl<'a> UserClass<'a> {
    /// Parses an option 15 value found at `at` (the value's first byte).
    ///
    /// # Errors
    ///
    /// [`LengthOverrun`](crate::DecodeErrorKind::LengthOverrun) for an
    /// item whose length runs past the value,
    /// [`Truncated`](crate::DecodeErrorKind::Truncated) for a lone length
    /// byte; both with the item's offset.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        crate::tlv::check(walk(value, at.offset(), at))?;
        Ok(UserClass { bytes: value, at })
    }

    /// The class data items.
    pub fn data(&self) -> ClassData<'a> {
        ClassData {
            walk: walk(self.bytes, self.at.offset(), self.at),
        }
    }

    /// The value's bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The length of the option 15 value [`UserClass::put`] writes.
    ///
    /// # Errors
    ///
    /// As [`UserClass::put`].
    pub fn buffer_len<S: AsRef<[u8]>>(items: &[S]) -> core::result::Result<usize, EncodeError> {
        let item = Item::option(Family::V6, 15);
        let len = items_len(items, item)?;
        check_len(item, len)?;
        Ok(len)
    }

    /// Appends an option 15 value holding `items`.
    ///
    /// # Errors
    ///
    /// [`TooLong`](crate::EncodeErrorKind::TooLong) for an item or a value
    /// over 65535 bytes,
    /// [`BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall); nothing
    /// is written then.
    pub fn put<S: AsRef<[u8]>, B: BufMut>(
        items: &[S],
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        let needed = Self::buffer_len(items)?;
        crate::emit::room(Family::V6, buf, needed)?;
        put_items(items, buf);
        Ok(())
    }
}

/// Option 16, the vendor class: an enterprise number and class data items
/// (a Juniper device sends enterprise 2636).
///
/// ```
/// use ztp_options::{Family, Place, v6::VendorClass};
///
/// let mut value = Vec::new();
/// VendorClass::put(2636, &["Juniper-ex4300-48t"], &mut value)?;
/// let class = VendorClass::parse(&value, Place::option(Family::V6, 16, 0))?;
/// assert!(class.is_juniper());
/// assert_eq!(class.data().next(), Some(&b"Juniper-ex4300-48t"[..]));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorClass<'a> {
    enterprise: u32,
    data: &'a [u8],
    at: Place,
}

impl<'a> VendorClass<'a> {
    /// Parses an option 16 value found at `at` (the value's first byte).
    ///
    /// # Errors
    ///
    /// [`Truncated`](crate::DecodeErrorKind::Truncated) for a value
    /// shorter than the enterprise number or a lone length byte;
    /// [`LengthOverrun`](crate::DecodeErrorKind::LengthOverrun) for an item
    /// whose length runs past the value, with the item's offset.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let enterprise = enterprise(value, at)?;
        let data = value.get(4..).unwrap_or(&[]);
        crate::tlv::check(walk(data, at.offset().saturating_add(4), at))?;
        Ok(VendorClass {
            enterprise,
            data,
            at,
        })
    }

    /// The enterprise number.
    pub fn enterprise(&self) -> u32 {
        self.enterprise
    }

    /// Whether the enterprise is Juniper's (2636).
    pub fn is_juniper(&self) -> bool {
        self.enterprise == JUNIPER_ENTERPRISE
    }

    /// The class data items.
    pub fn data(&self) -> ClassData<'a> {
        ClassData {
            walk: walk(self.data, self.at.offset().saturating_add(4), self.at),
        }
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The length of the option 16 value [`VendorClass::put`] writes.
    ///
    /// # Errors
    ///
    /// As [`VendorClass::put`].
    pub fn buffer_len<S: AsRef<[u8]>>(items: &[S]) -> core::result::Result<usize, EncodeError> {
        let item = Item::option(Family::V6, 16);
        let len = items_len(items, item)?.saturating_add(4);
        check_len(item, len)?;
        Ok(len)
    }

    /// Appends an option 16 value: `enterprise`, then `items`.
    ///
    /// # Errors
    ///
    /// [`TooLong`](crate::EncodeErrorKind::TooLong) for an item or a value
    /// over 65535 bytes,
    /// [`BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall); nothing
    /// is written then.
    pub fn put<S: AsRef<[u8]>, B: BufMut>(
        enterprise: u32,
        items: &[S],
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        let needed = Self::buffer_len(items)?;
        crate::emit::room(Family::V6, buf, needed)?;
        buf.put_u32(enterprise);
        put_items(items, buf);
        Ok(())
    }
}
