//! Option 43, the Juniper ZTP suboptions (R1): `code(1) len(1) value(len)`,
//! where code 0 is suboption 00 (the image file name), not padding, and 255,
//! where present, ends the list.

use bytes::BufMut;

use crate::error::{EncodeError, EncodeErrorKind, Item as EncodeItem, Place, Result, Within};
use crate::family::Family;
use crate::suboption::{Item, SuboptionCode, Suboptions, VendorInfo};
use crate::tlv::{V4Suboptions, Walk};

/// The option code.
pub(crate) const CODE: u8 = 43;

/// A view over the value of option 43.
///
/// Offsets in errors count from the start of the value, shifted by the
/// offset given to [`Option43::new_checked_at`] (the message decoders pass
/// the value's offset in the message).
///
/// ```
/// use ztp_options::v4::Option43;
///
/// // 00 "a.tgz", 03 "http" (R1: code 0 is suboption 00, not a pad).
/// let value = b"\x00\x05a.tgz\x03\x04http";
/// let view = Option43::new_checked(value)?;
/// let sub = view.suboptions()?;
/// assert_eq!(sub.image().unwrap().as_bytes(), b"a.tgz");
/// assert_eq!(view.items().count(), 2);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Option43<'a> {
    bytes: &'a [u8],
    at: Place,
}

impl<'a> Option43<'a> {
    /// Wraps an option 43 value; [`Option43::items`] still reports any
    /// malformed item.
    pub const fn new_unchecked(bytes: &'a [u8]) -> Self {
        Option43 {
            bytes,
            at: Place::option(Family::V4, CODE as u16, 0),
        }
    }

    /// Wraps a value found at `at` (the value's first byte) without walking
    /// it: every walk of the view still reports the first malformed item.
    pub(crate) const fn unchecked_at(bytes: &'a [u8], at: Place) -> Self {
        Option43 { bytes, at }
    }

    /// Wraps an option 43 value after walking it once.
    ///
    /// # Errors
    ///
    /// [`LengthOverrun`](crate::DecodeErrorKind::LengthOverrun) when a
    /// suboption's length runs past the value,
    /// [`Truncated`](crate::DecodeErrorKind::Truncated) for a code with no
    /// length byte; each at the suboption's code byte. Bytes after an end
    /// code (255) are not an error (R1): see [`Option43::after_end`].
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
        Self::checked_at(bytes, Place::option(Family::V4, u16::from(CODE), offset))
    }

    /// As [`Option43::new_checked_at`], at a place (a joined value's).
    pub(crate) fn checked_at(bytes: &'a [u8], at: Place) -> Result<Self> {
        let view = Option43 { bytes, at };
        if !frames(bytes) {
            // The walk says exactly what is wrong.
            crate::tlv::check(view.walk())?;
        }
        Ok(view)
    }

    /// The value's bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    fn walk(&self) -> Walk<'a, V4Suboptions> {
        Walk::new(self.bytes, self.at.offset(), self.at, Within::Suboptions)
    }

    /// Every suboption in wire order, unknown codes included; the first
    /// malformed one is an error and ends the iteration.
    pub fn items(&self) -> Items<'a> {
        Items { walk: self.walk() }
    }

    /// What follows the end code (255), when it is not only padding (R1:
    /// it is not read; the resolver logs it): where it starts and how many
    /// bytes. The offset counts as [`Option43::place`]'s does: in the
    /// concatenation when the option was joined from several instances
    /// ([`Place::in_joined_value`]; [`Lease::message_offset`] maps it back
    /// to the message).
    ///
    /// [`Lease::message_offset`]: crate::v4::Lease::message_offset
    pub fn after_end(&self) -> Option<Trailing> {
        let mut rest = self.bytes;
        let mut offset = self.at.offset();
        loop {
            match rest {
                [255, tail @ ..] => {
                    return (!tail.iter().all(|&b| b == 0)).then_some(Trailing {
                        offset: offset + 1,
                        len: tail.len(),
                    });
                }
                [_, len, tail @ ..] => {
                    rest = tail.get(usize::from(*len)..)?;
                    offset += 2 + usize::from(*len);
                }
                _ => return None,
            }
        }
    }

    /// Whether the list is closed by an end code (255), as dnsmasq writes it.
    /// Our encoder does not write one.
    pub fn has_end(&self) -> bool {
        let mut walk = self.walk();
        walk.by_ref().for_each(drop);
        walk.ended()
    }

    /// The ZTP suboptions, typed.
    ///
    /// # Errors
    ///
    /// As [`Suboptions::collect`].
    pub fn suboptions(&self) -> Result<Suboptions<'a>> {
        let mut s = Suboptions::empty();
        self.suboptions_into(&mut s)?;
        Ok(s)
    }

    /// [`Option43::suboptions`] written into `s` (which must be
    /// `Suboptions::empty()`): the resolver's path, with no copy of the
    /// collection.
    #[inline]
    pub(crate) fn suboptions_into(&self, s: &mut Suboptions<'a>) -> Result<()> {
        if !Suboptions::fast_into::<2>(s, self.bytes, self.at) {
            *s = Suboptions::collect(self.at, self.items())?;
            s.set_after_end(self.after_end());
        }
        Ok(())
    }

    /// The owned form.
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::from_items`].
    pub fn to_vendor_info(&self) -> Result<VendorInfo> {
        VendorInfo::from_items(self.at, self.items())
    }
}

/// Whether `bytes` frame exactly into `code len value` suboptions, with at
/// most an end code (255) last: the walk's check, in a tight loop.
#[inline]
fn frames(mut bytes: &[u8]) -> bool {
    loop {
        match bytes {
            [] | [255, ..] => return true,
            [_] => return false,
            [_, len, tail @ ..] => match tail.get(usize::from(*len)..) {
                Some(rest) => bytes = rest,
                None => return false,
            },
        }
    }
}

/// Bytes after an end code that are not padding: after option 43's (R1,
/// [`Option43::after_end`]: from the end code to the value's end) or after
/// the message's end option (R2, [`Lease::after_end`](super::Lease::after_end):
/// from the first byte that is not pad to the field's end). Offsets count
/// from the message's start when the value came from a message.
///
/// ```
/// use ztp_options::v4::{Option43, Trailing};
///
/// // R1 (choice): bytes after the end code (255) are not read; those that are
/// // not padding are reported with their offset and count.
/// let option = Option43::new_checked(b"\x01\x07sw.conf\xff\x00junk")?;
/// assert_eq!(option.after_end(), Some(Trailing { offset: 10, len: 5 }));
/// assert!(option.has_end());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Trailing {
    /// Offset of the first byte after the end code.
    pub offset: usize,
    /// How many bytes follow it.
    pub len: usize,
}

/// The iterator of [`Option43::items`].
///
/// ```
/// use ztp_options::v4::Option43;
///
/// let option = Option43::new_checked(b"\x00\x09junos.tgz\x01\x07sw.conf")?;
/// let codes: Vec<u16> = option.items().map(|i| i.map(|i| i.code.get())).collect::<Result<_, _>>()?;
/// assert_eq!(codes, [0, 1]); // suboption 00 is a real suboption (R1)
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Items<'a> {
    walk: Walk<'a, V4Suboptions>,
}

impl<'a> Iterator for Items<'a> {
    type Item = Result<Item<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.walk.next().map(|r| {
            r.map(|tlv| Item {
                code: SuboptionCode::new(tlv.code),
                offset: tlv.offset,
                value_offset: tlv.offset + 2,
                value: tlv.value,
            })
        })
    }
}

impl core::iter::FusedIterator for Items<'_> {}

const ITEM: EncodeItem = EncodeItem::option(Family::V4, CODE as u16);

impl VendorInfo {
    fn v4_items(
        &self,
        mut f: impl FnMut(u8, &[u8]) -> core::result::Result<(), EncodeError>,
    ) -> core::result::Result<(), EncodeError> {
        self.for_each_item(ITEM, |code, value| {
            // for_each_item refuses DHCPv4 codes over 254.
            let code8 = u8::try_from(code).unwrap_or(u8::MAX);
            if value.len() > 255 {
                return Err(EncodeError::new(
                    ITEM.suboption(code),
                    EncodeErrorKind::TooLong {
                        len: value.len(),
                        max: 255,
                    },
                ));
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
    pub fn buffer_len_v4(&self) -> core::result::Result<usize, EncodeError> {
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
    /// [`EncodeErrorKind::BufferTooSmall`]; [`EncodeErrorKind::TooLong`] for
    /// a suboption value over 255 bytes; [`EncodeErrorKind::ReservedCode`]
    /// for a code over 254; errors of values that would not decode again
    /// (empty or control bytes in text, a duplicate code).
    pub fn emit_v4(&self, buf: &mut [u8]) -> core::result::Result<usize, EncodeError> {
        crate::emit::into_slice(Family::V4, buf, self.buffer_len_v4()?, |out| {
            self.put_v4(out)
        })
    }

    /// Appends the option 43 value to `buf` (see [`VendorInfo::emit_v4`]).
    ///
    /// # Errors
    ///
    /// As [`VendorInfo::emit_v4`]; on error nothing has been written.
    pub fn put_v4<B: BufMut>(&self, buf: &mut B) -> core::result::Result<(), EncodeError> {
        let needed = self.buffer_len_v4()?;
        crate::emit::room(Family::V4, buf, needed)?;
        self.v4_items(|code, value| {
            buf.put_u8(code);
            buf.put_u8(value.len() as u8);
            buf.put_slice(value);
            Ok(())
        })
    }
}
