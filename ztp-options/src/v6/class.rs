//! Options 15 (user class, RFC 8415 §21.15) and 16 (vendor class, RFC 8415
//! §21.16), which a device sends about itself: `len(2) data(len)` class
//! data items, after a 4-byte enterprise number in option 16.

use bytes::BufMut;

use super::tlv::LenWalk;
use super::vendor::{JUNIPER_ENTERPRISE, enterprise};
use crate::error::{Error, LengthRule, Place, Result};

/// The class data items of option 15 or 16, borrowed and already checked:
/// each item's data, in wire order. Empty items (length 0) are yielded.
#[derive(Debug, Clone)]
pub struct ClassData<'a> {
    walk: LenWalk<'a>,
}

impl<'a> Iterator for ClassData<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        // The walk was checked when the option was parsed: it yields no
        // error here.
        self.walk.next().and_then(|r| r.ok()).map(|(_, data)| data)
    }
}

impl core::iter::FusedIterator for ClassData<'_> {}

fn check_items(data: &[u8], offset: usize, at: Place, area: &'static str) -> Result<()> {
    for item in LenWalk::new(data, offset, at, area) {
        item?;
    }
    Ok(())
}

fn items_len<S: AsRef<[u8]>>(items: &[S], at: Place) -> Result<usize> {
    let mut len = 0usize;
    for item in items {
        let item = item.as_ref();
        if item.len() > usize::from(u16::MAX) {
            return Err(Error::TooLong {
                at,
                len: item.len(),
                expected: LengthRule::AtMost(usize::from(u16::MAX)),
            });
        }
        len = len.saturating_add(2).saturating_add(item.len());
    }
    Ok(len)
}

fn check_total(len: usize, at: Place) -> Result<usize> {
    if len > usize::from(u16::MAX) {
        return Err(Error::TooLong {
            at,
            len,
            expected: LengthRule::AtMost(usize::from(u16::MAX)),
        });
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
    /// [`Error::LengthOverrun`] for an item whose length runs past the
    /// value, [`Error::Truncated`] for a lone length byte; both with the
    /// item's offset.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        check_items(value, at.offset, at, "option 15")?;
        Ok(UserClass { bytes: value, at })
    }

    /// The class data items.
    pub fn data(&self) -> ClassData<'a> {
        ClassData {
            walk: LenWalk::new(self.bytes, self.at.offset, self.at, "option 15"),
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
    pub fn buffer_len<S: AsRef<[u8]>>(items: &[S]) -> Result<usize> {
        let at = Place::option(crate::error::Family::V6, 15, 0);
        check_total(items_len(items, at)?, at)
    }

    /// Appends an option 15 value holding `items`.
    ///
    /// # Errors
    ///
    /// [`Error::TooLong`] for an item or a value over 65535 bytes,
    /// [`Error::BufferTooSmall`]; nothing is written then.
    pub fn put<S: AsRef<[u8]>, B: BufMut>(items: &[S], buf: &mut B) -> Result<()> {
        let needed = Self::buffer_len(items)?;
        crate::emit::room(buf, needed)?;
        put_items(items, buf);
        Ok(())
    }
}

/// Option 16, the vendor class: an enterprise number and class data items
/// (a Juniper device sends enterprise 2636).
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
    /// [`Error::Truncated`] for a value shorter than the enterprise number
    /// or a lone length byte; [`Error::LengthOverrun`] for an item whose
    /// length runs past the value, with the item's offset.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let enterprise = enterprise(value, at)?;
        let data = value.get(4..).unwrap_or(&[]);
        check_items(data, at.offset.saturating_add(4), at, "option 16")?;
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
            walk: LenWalk::new(
                self.data,
                self.at.offset.saturating_add(4),
                self.at,
                "option 16",
            ),
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
    pub fn buffer_len<S: AsRef<[u8]>>(items: &[S]) -> Result<usize> {
        let at = Place::option(crate::error::Family::V6, 16, 0);
        check_total(items_len(items, at)?.saturating_add(4), at)
    }

    /// Appends an option 16 value: `enterprise`, then `items`.
    ///
    /// # Errors
    ///
    /// [`Error::TooLong`] for an item or a value over 65535 bytes,
    /// [`Error::BufferTooSmall`]; nothing is written then.
    pub fn put<S: AsRef<[u8]>, B: BufMut>(enterprise: u32, items: &[S], buf: &mut B) -> Result<()> {
        let needed = Self::buffer_len(items)?;
        crate::emit::room(buf, needed)?;
        buf.put_u32(enterprise);
        put_items(items, buf);
        Ok(())
    }
}
