//! Option 43, the Juniper ZTP suboptions (R1): `code(1) len(1) value(len)`,
//! where code 0 is suboption 00 (the image file name), not padding, and 255,
//! where present, ends the list.

use bytes::BufMut;

use super::tlv::{AfterEnd, Walk, Zero};
use crate::error::{Error, Family, LengthRule, Place, Result};
use crate::suboption::{Item, Suboptions, VendorInfo};

/// The option code.
pub(crate) const CODE: u8 = 43;

/// A view over the value of option 43.
///
/// Offsets in errors count from the start of the value, shifted by the
/// `offset` given to [`Option43::new_checked_at`] (the message decoders pass
/// the value's offset in the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Option43<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Option43<'a> {
    /// Wraps an option 43 value; [`Option43::items`] still reports any
    /// malformed item.
    pub const fn new_unchecked(bytes: &'a [u8]) -> Self {
        Option43 { bytes, offset: 0 }
    }

    /// Wraps a value found at `offset` without walking it: every walk of
    /// the view ([`Option43::items`], [`Option43::suboptions`]) still
    /// reports the first malformed item.
    pub(crate) const fn unchecked_at(bytes: &'a [u8], offset: usize) -> Self {
        Option43 { bytes, offset }
    }

    /// Wraps an option 43 value after walking it once.
    ///
    /// # Errors
    ///
    /// [`Error::LengthOverrun`] when a suboption's length runs past the value
    /// (with the suboption's offset), [`Error::MissingLength`] for a code
    /// with no length byte, [`Error::AfterEnd`] for bytes after a 255.
    pub fn new_checked(bytes: &'a [u8]) -> Result<Self> {
        Self::new_checked_at(bytes, 0)
    }

    /// As [`Option43::new_checked`], for a value found at `offset` in a
    /// message: error offsets count from the message's start.
    ///
    /// # Errors
    ///
    /// As [`Option43::new_checked`].
    pub fn new_checked_at(bytes: &'a [u8], offset: usize) -> Result<Self> {
        let view = Option43 { bytes, offset };
        for item in view.items() {
            item?;
        }
        Ok(view)
    }

    /// The value's bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    fn place(&self) -> Place {
        Place::option(Family::V4, u16::from(CODE), self.offset)
    }

    /// Every suboption in wire order, unknown codes included; the first
    /// malformed one is an error and ends the iteration.
    pub fn items(&self) -> Items<'a> {
        Items {
            walk: Walk::new(
                self.as_bytes(),
                self.offset,
                self.place(),
                "option 43",
                Zero::Code,
                AfterEnd::Nothing,
            ),
        }
    }

    /// Whether the list is closed by an end code (255), as dnsmasq writes it.
    /// Our encoder does not write one.
    pub fn has_end(&self) -> bool {
        let mut walk = self.items().walk;
        walk.by_ref().for_each(drop);
        walk.ended()
    }

    /// The ZTP suboptions, typed.
    ///
    /// # Errors
    ///
    /// As [`Suboptions::collect`].
    pub fn suboptions(&self) -> Result<Suboptions<'a>> {
        Suboptions::collect(self.place(), self.items())
    }

    /// The owned form.
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::from_items`].
    pub fn to_vendor_info(&self) -> Result<VendorInfo> {
        VendorInfo::from_items(self.place(), self.items())
    }
}

/// The iterator of [`Option43::items`].
#[derive(Debug, Clone)]
pub struct Items<'a> {
    walk: Walk<'a>,
}

impl<'a> Iterator for Items<'a> {
    type Item = Result<Item<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.walk.next().map(|r| {
            r.map(|tlv| Item {
                code: u16::from(tlv.code),
                offset: tlv.offset,
                value_offset: tlv.offset + 2,
                value: tlv.value,
            })
        })
    }
}

impl core::iter::FusedIterator for Items<'_> {}

impl VendorInfo {
    fn v4_items(&self, mut f: impl FnMut(u8, &[u8]) -> Result<()>) -> Result<()> {
        let base = Place::option(Family::V4, u16::from(CODE), 0);
        self.for_each_item(base, |code, value| {
            let code8 = u8::try_from(code).map_err(|_| Error::TooLong {
                at: base.suboption(code, 0),
                len: usize::from(code),
                expected: LengthRule::AtMost(254),
            })?;
            if value.len() > 255 {
                return Err(Error::TooLong {
                    at: base.suboption(code, 0),
                    len: value.len(),
                    expected: LengthRule::AtMost(255),
                });
            }
            f(code8, value)
        })
    }

    /// The length of the option 43 value [`VendorInfo::emit_v4`] writes
    /// (without the option's own code and length: a value over 255 bytes is
    /// split by the options encoder, RFC 3396).
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::emit_v4`].
    pub fn buffer_len_v4(&self) -> Result<usize> {
        let mut len = 0usize;
        self.v4_items(|_, value| {
            len += 2 + value.len();
            Ok(())
        })?;
        Ok(len)
    }

    /// Writes the option 43 value into `buf`, which must hold
    /// [`VendorInfo::buffer_len_v4`] bytes; returns the bytes written.
    /// Known suboptions come first, in code order, then unknown ones in
    /// their order. No end code is written.
    ///
    /// # Errors
    ///
    /// [`Error::BufferTooSmall`]; [`Error::TooLong`] for a suboption value
    /// over 255 bytes or a code over 254; errors of values that would not
    /// decode again (empty or control bytes in text, a duplicate code).
    pub fn emit_v4(&self, buf: &mut [u8]) -> Result<usize> {
        crate::emit::into_slice(buf, self.buffer_len_v4()?, |out| self.put_v4(out))
    }

    /// Appends the option 43 value to `buf` (see [`VendorInfo::emit_v4`]).
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::emit_v4`]; on error nothing has been written.
    pub fn put_v4<B: BufMut>(&self, buf: &mut B) -> Result<()> {
        let needed = self.buffer_len_v4()?;
        crate::emit::room(buf, needed)?;
        self.v4_items(|code, value| {
            buf.put_u8(code);
            buf.put_u8(value.len() as u8);
            buf.put_slice(value);
            Ok(())
        })
    }
}
