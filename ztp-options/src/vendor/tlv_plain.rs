//! The plain `code(1) len(1)` TLV of option 43 (G6), as AOS-CX (AR2),
//! EXOS (E2), Huawei campus switches (H7) and IOS-XR data ports (CR6)
//! write it: code 0 is a one-byte pad and 255 ends the list (RFC 2132
//! §8.4, a **choice**: only Juniper documents code 0 as data, R1), and a
//! code that repeats is kept, every instance in wire order (G7: EXOS
//! repeats 101, one file per item).
//!
//! [`PlainTlv`] is the borrowed view (it walks with the crate's one TLV
//! walk and never allocates); [`PlainTlvRepr`] is the owned form, which
//! writes the same bytes back: `PlainTlv::parse(repr.to_vec()).to_repr()
//! == repr` for every repr that [`PlainTlvRepr::push`] accepts.
//!
//! ```
//! use ztp_options::{Family, Place};
//! use ztp_options::vendor::PlainTlv;
//!
//! // E2's example: 100 = TFTP server, 101 twice (G7: in order).
//! let value = b"\x64\x04\xc0\xa8\x01\x65\x65\x0aconfig.xsf\x65\x15summitX-21.1.2.14.xos";
//! let tlv = PlainTlv::parse(value, Place::option(Family::V4, 43, 0))?;
//! let files: Vec<_> = tlv.all(101).map(|i| i.value).collect();
//! assert_eq!(files, [&b"config.xsf"[..], b"summitX-21.1.2.14.xos"]);
//! assert_eq!(tlv.first(100).map(|i| i.offset), Some(0));
//! assert_eq!(tlv.to_repr().to_vec()?, value);
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```

use alloc::vec::Vec;

use crate::error::{DecodeError, EncodeError, EncodeErrorKind, Field, Item, Place, Within};
use crate::family::Family;
use crate::text::Text;
use crate::tlv::{AfterEnd, Framing, Walk};
use crate::v4::Trailing;

/// G6's framing: `code(1) len(1)`, 0 a pad, 255 the end (what follows it is
/// not read, and reported).
#[derive(Debug, Clone, Copy)]
struct Plain;

impl Framing for Plain {
    const CODE: usize = 1;
    const LEN: usize = 1;
    const PAD: bool = true;
    const END: Option<AfterEnd> = Some(AfterEnd::Unread);
    const HEADER: Field = Field::ItemHeader;
}

/// One item of a plain TLV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlainItem<'a> {
    /// The code (never 0 or 255).
    pub code: u8,
    /// Offset of the item's code byte, counted as the view's place counts.
    pub offset: usize,
    /// The value.
    pub value: &'a [u8],
    at: Place,
}

impl<'a> PlainItem<'a> {
    /// Where the value starts: the option, this suboption, the offset of
    /// the value's first byte.
    pub fn place(&self) -> Place {
        self.at.suboption(u16::from(self.code), self.offset + 2)
    }

    /// The value as text (G8: SPEC R7's rules, at the value's place).
    ///
    /// # Errors
    ///
    /// As [`Text::parse`].
    pub fn text(&self) -> Result<Text<'a>, DecodeError> {
        Text::parse(self.value, self.place())
    }
}

/// A checked plain TLV (G6, G7): every item frames.
///
/// `at` is the place of the value's first byte (the option, usually 43):
/// item offsets and error places count from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainTlv<'a> {
    bytes: &'a [u8],
    at: Place,
}

impl<'a> PlainTlv<'a> {
    /// Checks `value` (found at `at`) as a plain TLV.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`](crate::DecodeErrorKind::Truncated)
    /// for an item header cut short, [`DecodeErrorKind::LengthOverrun`](crate::DecodeErrorKind::LengthOverrun)
    /// for a length that runs past the value; at the item's code byte,
    /// with the suboption code.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self, DecodeError> {
        let tlv = PlainTlv { bytes: value, at };
        crate::tlv::check(tlv.walk())?;
        Ok(tlv)
    }

    fn walk(&self) -> Walk<'a, Plain> {
        Walk::new(self.bytes, self.at.offset(), self.at, Within::Suboptions)
    }

    /// Every item, in wire order (pads and the end are not items).
    pub fn items(&self) -> impl Iterator<Item = PlainItem<'a>> + 'a {
        let at = self.at;
        self.walk().filter_map(move |t| {
            t.ok().map(|t| PlainItem {
                code: u8::try_from(t.code).unwrap_or(u8::MAX),
                offset: t.offset,
                value: t.value,
                at,
            })
        })
    }

    /// Every item with `code`, in wire order (G7).
    pub fn all(&self, code: u8) -> impl Iterator<Item = PlainItem<'a>> + 'a {
        self.items().filter(move |i| i.code == code)
    }

    /// The first item with `code`.
    pub fn first(&self, code: u8) -> Option<PlainItem<'a>> {
        self.all(code).next()
    }

    /// How many items have `code`.
    pub fn count(&self, code: u8) -> usize {
        self.all(code).count()
    }

    /// Whether the list has no item.
    pub fn is_empty(&self) -> bool {
        self.items().next().is_none()
    }

    /// Whether every item's code is one of `codes`.
    pub fn codes_within(&self, codes: &[u8]) -> bool {
        self.items().all(|i| codes.contains(&i.code))
    }

    /// The offset of the end code (255), when the list has one.
    pub fn end(&self) -> Option<usize> {
        let mut walk = self.walk();
        let mut after = 0usize;
        for t in walk.by_ref().flatten() {
            after = t.offset - self.at.offset() + 2 + t.value.len();
        }
        if !walk.ended() {
            return None;
        }
        let rest = self.bytes.get(after..)?;
        let end = rest.iter().position(|&b| b != 0)?;
        Some(self.at.offset() + after + end)
    }

    /// The bytes after the end code, not read (P43-2: dnsmasq's
    /// `vendor:` form ends 43 with `ff`), when there are any.
    pub fn after_end(&self) -> Option<Trailing> {
        let end = self.end()?;
        let len = self.bytes.len().saturating_sub(end + 1 - self.at.offset());
        (len > 0).then_some(Trailing {
            offset: end + 1,
            len,
        })
    }

    /// The value as given.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The owned form: every item, in order (pads, the end and what
    /// follows it are not kept).
    pub fn to_repr(&self) -> PlainTlvRepr {
        PlainTlvRepr {
            items: self.items().map(|i| (i.code, i.value.to_vec())).collect(),
        }
    }
}

/// A plain TLV, owned: items in order, repeats kept (G7). It writes
/// `code len value` for each item, with no pad and no end code.
///
/// ```
/// use ztp_options::vendor::PlainTlvRepr;
///
/// let mut repr = PlainTlvRepr::new();
/// repr.push(144, b"sw1.cfg".to_vec())?; // AR2: the configuration file
/// repr.push(145, b"GL_10_06.swi".to_vec())?;
/// assert_eq!(repr.buffer_len(), 2 + 7 + 2 + 12);
/// assert!(repr.push(255, vec![]).is_err()); // the end code carries no value
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PlainTlvRepr {
    items: Vec<(u8, Vec<u8>)>,
}

impl PlainTlvRepr {
    /// An empty list.
    pub fn new() -> Self {
        PlainTlvRepr::default()
    }

    /// Appends an item.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::ReservedCode`] for code 0 (pad) or 255 (end),
    /// [`EncodeErrorKind::TooLong`] for a value over 255 bytes; nothing is
    /// added then.
    pub fn push(&mut self, code: u8, value: Vec<u8>) -> Result<(), EncodeError> {
        let item = Item::option(Family::V4, 43).suboption(u16::from(code));
        if code == 0 || code == 255 {
            return Err(EncodeError::new(
                item,
                EncodeErrorKind::ReservedCode {
                    code: u16::from(code),
                },
            ));
        }
        if value.len() > 255 {
            return Err(EncodeError::new(
                item,
                EncodeErrorKind::TooLong {
                    len: value.len(),
                    max: 255,
                },
            ));
        }
        self.items.push((code, value));
        Ok(())
    }

    /// The items, in order.
    pub fn items(&self) -> &[(u8, Vec<u8>)] {
        &self.items
    }

    /// The encoded length.
    pub fn buffer_len(&self) -> usize {
        self.items.iter().map(|(_, v)| 2 + v.len()).sum()
    }

    /// Writes the items into the start of `buf`; the bytes written.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BufferTooSmall`]; nothing is written then.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EncodeError> {
        let needed = self.buffer_len();
        let Some(out) = buf.get_mut(..needed) else {
            return Err(EncodeError::buffer_too_small(Family::V4, needed, buf.len()));
        };
        let mut at = 0;
        for (code, value) in &self.items {
            let len = u8::try_from(value.len()).unwrap_or(u8::MAX);
            if let Some(dst) = out.get_mut(at..at + 2 + value.len()) {
                let (head, body) = dst.split_at_mut(2);
                head.copy_from_slice(&[*code, len]);
                body.copy_from_slice(value);
            }
            at += 2 + value.len();
        }
        Ok(needed)
    }

    /// The encoding, in a new vector.
    ///
    /// # Errors
    ///
    /// None in practice (the buffer is sized by [`PlainTlvRepr::buffer_len`]);
    /// as [`PlainTlvRepr::emit`].
    pub fn to_vec(&self) -> Result<Vec<u8>, EncodeError> {
        let mut out = alloc::vec![0; self.buffer_len()];
        self.emit(&mut out)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::DecodeErrorKind;

    fn at() -> Place {
        Place::option(Family::V4, 43, 10)
    }

    #[test]
    fn g6_pad_and_end_and_g7_repeats() {
        let v = [0, 101, 1, b'a', 0, 101, 1, b'b', 255, 7, 7];
        let tlv = PlainTlv::parse(&v, at()).unwrap();
        let got: Vec<_> = tlv.all(101).map(|i| (i.offset, i.value)).collect();
        assert_eq!(got, [(11, &b"a"[..]), (15, &b"b"[..])]);
        assert_eq!(tlv.end(), Some(18));
        assert_eq!(tlv.after_end(), Some(Trailing { offset: 19, len: 2 }));
        assert_eq!(tlv.first(101).unwrap().place().offset(), 13);
    }

    #[test]
    fn g6_overrun_names_the_suboption_and_offset() {
        let err = PlainTlv::parse(&[100, 4, 1, 2], at()).unwrap_err();
        assert_eq!(err.place().suboption_code(), Some(100));
        assert_eq!(err.place().offset(), 10);
        assert!(matches!(
            err.kind(),
            DecodeErrorKind::LengthOverrun { len: 4, .. }
        ));
    }

    #[test]
    fn g6_round_trip() {
        let mut repr = PlainTlvRepr::new();
        repr.push(101, b"x".to_vec()).unwrap();
        repr.push(101, b"y".to_vec()).unwrap();
        repr.push(7, Vec::new()).unwrap();
        let bytes = repr.to_vec().unwrap();
        assert_eq!(PlainTlv::parse(&bytes, at()).unwrap().to_repr(), repr);
        assert!(repr.push(0, Vec::new()).is_err());
        assert!(repr.push(1, alloc::vec![0; 256]).is_err());
    }
}
