//! Options 124 (V-I vendor class) and 125 (V-I vendor-specific
//! information), RFC 3925: a list of `enterprise(4) data-len(1) data`
//! entries. In 124 the data are `len(1) bytes` class items (G5); in 125 they
//! are `code(1) len(1) value` sub-options (CX6: enterprise 9 sub-option 5,
//! the IOS autoinstall file name).
//!
//! Both are checked once when parsed, every length against what holds it
//! (an overrun is [`DecodeErrorKind::LengthOverrun`] with the offset of the
//! entry or item, G5); the iterators then borrow and never fail.

use bytes::BufMut;

use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Field, Item, Place, Result, Within,
};
use crate::family::Family;

/// Cisco's IANA enterprise number (G5).
pub const CISCO_ENTERPRISE: u32 = 9;

/// One `enterprise(4) data-len(1) data` entry of option 124 or 125.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViEntry<'a> {
    /// The enterprise number.
    pub enterprise: u32,
    /// Offset of the entry's first byte (its enterprise number).
    pub offset: usize,
    /// The data (`data-len` bytes).
    pub data: &'a [u8],
}

/// Walks `enterprise(4) data-len(1) data` entries; each entry's data is
/// checked by `inner` (given the data and the offset of its first byte).
fn walk_entries<'a>(
    value: &'a [u8],
    at: Place,
    mut inner: impl FnMut(&'a [u8], usize) -> Result<()>,
) -> Result<()> {
    let mut rest = value;
    let mut offset = at.offset();
    while !rest.is_empty() {
        let Some((head, after)) = rest.split_at_checked(5) else {
            return Err(DecodeErrorKind::Truncated {
                field: Field::EnterpriseNumber,
                needed: 5,
                available: u32::try_from(rest.len()).unwrap_or(u32::MAX),
            }
            .at(at.at_offset(offset)));
        };
        let len = usize::from(head.get(4).copied().unwrap_or(0));
        let Some((data, tail)) = after.split_at_checked(len) else {
            return Err(DecodeErrorKind::LengthOverrun {
                within: Within::Options,
                len: len as u32,
                available: u32::try_from(after.len()).unwrap_or(u32::MAX),
            }
            .at(at.at_offset(offset)));
        };
        inner(data, offset + 5)?;
        offset += 5 + len;
        rest = tail;
    }
    Ok(())
}

/// The entries, already checked.
fn entries(value: &[u8], offset: usize) -> ViEntries<'_> {
    ViEntries {
        rest: value,
        offset,
    }
}

/// The entries of option 124 or 125, in wire order.
#[derive(Debug, Clone)]
pub struct ViEntries<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Iterator for ViEntries<'a> {
    type Item = ViEntry<'a>;

    fn next(&mut self) -> Option<ViEntry<'a>> {
        let (head, after) = self.rest.split_at_checked(5)?;
        let enterprise = u32::from_be_bytes([
            head.first().copied().unwrap_or(0),
            head.get(1).copied().unwrap_or(0),
            head.get(2).copied().unwrap_or(0),
            head.get(3).copied().unwrap_or(0),
        ]);
        let len = usize::from(head.get(4).copied().unwrap_or(0));
        let (data, tail) = after.split_at_checked(len)?;
        let entry = ViEntry {
            enterprise,
            offset: self.offset,
            data,
        };
        self.offset += 5 + len;
        self.rest = tail;
        Some(entry)
    }
}

impl core::iter::FusedIterator for ViEntries<'_> {}

fn check_items(data: &[u8], offset: usize, at: Place, tlv: bool) -> Result<()> {
    let mut rest = data;
    let mut offset = offset;
    let header = if tlv { 2 } else { 1 };
    while !rest.is_empty() {
        let Some((head, after)) = rest.split_at_checked(header) else {
            let code = u16::from(rest.first().copied().unwrap_or(0));
            return Err(DecodeErrorKind::Truncated {
                field: Field::ItemHeader,
                needed: 2,
                available: u32::try_from(rest.len()).unwrap_or(u32::MAX),
            }
            .at(at.suboption(code, offset)));
        };
        let len = usize::from(head.last().copied().unwrap_or(0));
        let Some((_, tail)) = after.split_at_checked(len) else {
            let kind = DecodeErrorKind::LengthOverrun {
                within: if tlv {
                    Within::Suboptions
                } else {
                    Within::ClassData
                },
                len: len as u32,
                available: u32::try_from(after.len()).unwrap_or(u32::MAX),
            };
            let place = if tlv {
                at.suboption(u16::from(head.first().copied().unwrap_or(0)), offset)
            } else {
                at.at_offset(offset)
            };
            return Err(kind.at(place));
        };
        offset += header + len;
        rest = tail;
    }
    Ok(())
}

/// Option 124, the V-I vendor class (RFC 3925 §3): per enterprise, class
/// data items `len(1) bytes` (G5). IOS-XE sends enterprise 9 with the PID
/// (CX1), IOS-XR enterprise 9 with `SN:<serial>;PID:<pid>` (CR1).
///
/// ```
/// use ztp_options::{Family, Place, v4::VendorClasses};
///
/// // CX1, from a C9200CX capture.
/// let value = b"\x00\x00\x00\x09\x10\x0fC9200CX-8P-2X2G";
/// let classes = VendorClasses::parse(value, Place::option(Family::V4, 124, 0))?;
/// let entry = classes.entries().next().unwrap();
/// assert_eq!(entry.enterprise, 9);
/// let items: Vec<&[u8]> = VendorClasses::items(entry).collect();
/// assert_eq!(items, [&b"C9200CX-8P-2X2G"[..]]);
/// // G5: a length that overruns is an error with its offset.
/// let err = VendorClasses::parse(b"\x00\x00\x00\x09\x06\x20C9200", Place::option(Family::V4, 124, 0))
///     .unwrap_err();
/// assert_eq!(err.place().offset(), 5);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorClasses<'a> {
    bytes: &'a [u8],
    at: Place,
}

impl<'a> VendorClasses<'a> {
    /// Checks an option 124 value found at `at` (the value's first byte).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`] for an entry shorter than its
    /// enterprise number and data length;
    /// [`DecodeErrorKind::LengthOverrun`] for a data length or an item
    /// length that runs past what holds it; each with the offset of the
    /// entry or item (G5).
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        walk_entries(value, at, |data, offset| {
            check_items(data, offset, at, false)
        })?;
        Ok(VendorClasses { bytes: value, at })
    }

    /// The entries, in wire order.
    pub fn entries(&self) -> ViEntries<'a> {
        entries(self.bytes, self.at.offset())
    }

    /// The class data items of one entry (G5: `len(1) bytes` each).
    pub fn items(entry: ViEntry<'a>) -> ClassItems<'a> {
        ClassItems { rest: entry.data }
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The encoded length of one entry holding `items`.
    pub fn entry_len<S: AsRef<[u8]>>(items: &[S]) -> usize {
        5 + items.iter().map(|i| 1 + i.as_ref().len()).sum::<usize>()
    }

    /// Appends one entry: `enterprise`, the data length, then `items`.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::TooLong`] when an item or the data is over 255
    /// bytes, [`EncodeErrorKind::BufferTooSmall`]; nothing is written then.
    pub fn put_entry<S: AsRef<[u8]>, B: BufMut>(
        enterprise: u32,
        items: &[S],
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        let item = Item::option(Family::V4, 124);
        let data = Self::entry_len(items) - 5;
        for i in items {
            too_long(item, i.as_ref().len())?;
        }
        too_long(item, data)?;
        crate::emit::room(Family::V4, buf, data + 5)?;
        buf.put_u32(enterprise);
        buf.put_u8(data as u8);
        for i in items {
            buf.put_u8(i.as_ref().len() as u8);
            buf.put_slice(i.as_ref());
        }
        Ok(())
    }
}

fn too_long(item: Item, len: usize) -> core::result::Result<(), EncodeError> {
    if len > 255 {
        return Err(EncodeError::new(
            item,
            EncodeErrorKind::TooLong { len, max: 255 },
        ));
    }
    Ok(())
}

/// The class data items of one option 124 entry, borrowed.
#[derive(Debug, Clone)]
pub struct ClassItems<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for ClassItems<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let (&len, rest) = self.rest.split_first()?;
        let (item, rest) = rest.split_at_checked(usize::from(len))?;
        self.rest = rest;
        Some(item)
    }
}

impl core::iter::FusedIterator for ClassItems<'_> {}

/// Option 125, the V-I vendor-specific information (RFC 3925 §4): per
/// enterprise, `code(1) len(1) value` sub-options. For Cisco
/// (enterprise 9) sub-option 5 names the IOS autoinstall file (CX6).
///
/// ```
/// use ztp_options::{Family, Place, v4::VendorSpecific};
///
/// let mut value = Vec::new();
/// VendorSpecific::put_entry(9, &[(5, &b"autoinstall.txt"[..])], &mut value)?;
/// let info = VendorSpecific::parse(&value, Place::option(Family::V4, 125, 0))?;
/// assert_eq!(info.cisco_autoinstall_file(), Some(&b"autoinstall.txt"[..]));
/// let (code, data) = VendorSpecific::suboptions(info.entries().next().unwrap()).next().unwrap();
/// assert_eq!((code, data), (5, &b"autoinstall.txt"[..]));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorSpecific<'a> {
    bytes: &'a [u8],
    at: Place,
}

impl<'a> VendorSpecific<'a> {
    /// Checks an option 125 value found at `at` (the value's first byte).
    ///
    /// # Errors
    ///
    /// As [`VendorClasses::parse`], for entries and sub-options.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        walk_entries(value, at, |data, offset| {
            check_items(data, offset, at, true)
        })?;
        Ok(VendorSpecific { bytes: value, at })
    }

    /// The entries, in wire order.
    pub fn entries(&self) -> ViEntries<'a> {
        entries(self.bytes, self.at.offset())
    }

    /// The sub-options of one entry, `(code, value)` in wire order.
    pub fn suboptions(entry: ViEntry<'a>) -> ViSuboptions<'a> {
        ViSuboptions { rest: entry.data }
    }

    /// CX6: the value of Cisco's (enterprise 9) sub-option 5, the name of
    /// the autoinstall file on the TFTP server (the first, when repeated).
    pub fn cisco_autoinstall_file(&self) -> Option<&'a [u8]> {
        self.entries()
            .filter(|e| e.enterprise == CISCO_ENTERPRISE)
            .flat_map(Self::suboptions)
            .find_map(|(code, value)| (code == 5).then_some(value))
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The encoded length of one entry holding `suboptions`.
    pub fn entry_len(suboptions: &[(u8, &[u8])]) -> usize {
        5 + suboptions.iter().map(|(_, v)| 2 + v.len()).sum::<usize>()
    }

    /// Appends one entry: `enterprise`, the data length, then the
    /// sub-options.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::TooLong`] when a sub-option or the data is over
    /// 255 bytes, [`EncodeErrorKind::BufferTooSmall`]; nothing is written
    /// then.
    pub fn put_entry<B: BufMut>(
        enterprise: u32,
        suboptions: &[(u8, &[u8])],
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        let item = Item::option(Family::V4, 125);
        let data = Self::entry_len(suboptions) - 5;
        for (code, v) in suboptions {
            too_long(item.suboption(u16::from(*code)), v.len())?;
        }
        too_long(item, data)?;
        crate::emit::room(Family::V4, buf, data + 5)?;
        buf.put_u32(enterprise);
        buf.put_u8(data as u8);
        for (code, v) in suboptions {
            buf.put_u8(*code);
            buf.put_u8(v.len() as u8);
            buf.put_slice(v);
        }
        Ok(())
    }
}

/// The sub-options of one option 125 entry, `(code, value)`, borrowed.
#[derive(Debug, Clone)]
pub struct ViSuboptions<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for ViSuboptions<'a> {
    type Item = (u8, &'a [u8]);

    fn next(&mut self) -> Option<(u8, &'a [u8])> {
        let (&code, rest) = self.rest.split_first()?;
        let (&len, rest) = rest.split_first()?;
        let (value, rest) = rest.split_at_checked(usize::from(len))?;
        self.rest = rest;
        Some((code, value))
    }
}

impl core::iter::FusedIterator for ViSuboptions<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn at(code: u16) -> Place {
        Place::option(Family::V4, code, 10)
    }

    #[test]
    fn g5_entries_and_items_overrun_with_offsets() {
        // data-len overruns the value: the entry's offset.
        let err = VendorClasses::parse(b"\x00\x00\x00\x09\x05ab", at(124)).unwrap_err();
        assert_eq!(err.place().offset(), 10);
        // An item overruns its entry's data: the item's offset.
        let err = VendorClasses::parse(b"\x00\x00\x00\x09\x02\x05a", at(124)).unwrap_err();
        assert_eq!(err.place().offset(), 15);
        assert!(matches!(
            err.kind(),
            DecodeErrorKind::LengthOverrun {
                within: Within::ClassData,
                len: 5,
                available: 1
            }
        ));
        // A cut enterprise number.
        let err = VendorClasses::parse(b"\x00\x00", at(124)).unwrap_err();
        assert!(matches!(err.kind(), DecodeErrorKind::Truncated { .. }));
        // 125: a sub-option overruns.
        let err = VendorSpecific::parse(b"\x00\x00\x00\x09\x03\x05\x04a", at(125)).unwrap_err();
        assert_eq!(err.place().suboption_code(), Some(5));
        assert_eq!(err.place().offset(), 15);
    }

    #[test]
    fn cx6_put_and_read_back() {
        let mut buf = Vec::new();
        VendorClasses::put_entry(9, &["SN:FOC1;PID:NCS-5508"], &mut buf).unwrap();
        assert_eq!(
            buf.len(),
            VendorClasses::entry_len(&["SN:FOC1;PID:NCS-5508"])
        );
        let vc = VendorClasses::parse(&buf, at(124)).unwrap();
        let e = vc.entries().next().unwrap();
        assert_eq!(VendorClasses::items(e).count(), 1);
        let mut buf = Vec::new();
        VendorSpecific::put_entry(9, &[(1, b"x"), (5, b"f.txt")], &mut buf).unwrap();
        let vs = VendorSpecific::parse(&buf, at(125)).unwrap();
        assert_eq!(vs.cisco_autoinstall_file(), Some(&b"f.txt"[..]));
        let long = [b'a'; 300];
        assert!(VendorClasses::put_entry(9, &[&long[..]], &mut buf).is_err());
    }
}
