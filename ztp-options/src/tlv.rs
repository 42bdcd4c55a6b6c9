//! The one TLV walk of this crate, for both families: DHCPv4
//! `code(1) len(1) value` (a message's options, where 0 is a pad, and
//! option 43, where 0 is suboption 00, R1), DHCPv6 `code(2) len(2) value`
//! (a message's options, the items of option 17) and `len(2) data` (the
//! class data of options 15 and 16, the URIs of the SZTP redirect).
//!
//! Each framing is a type with constants, so every walk is compiled for its
//! own framing with no run-time branch on it. A walk only shrinks its input
//! (`split_at_checked`), yields each item with the offset of its first byte,
//! and reports the first malformed item as an error, then stops.

use crate::error::{DecodeErrorKind, Field, Place, Result, Within};

/// What may follow an end code (255, DHCPv4 only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterEnd {
    /// A message's options, `file` or `sname` (R2): padding (zeros) is
    /// silent; anything else is not read, and the walk records where it
    /// starts and how many bytes run from there to the area's end
    /// ([`Walk::trailing`]), without an error.
    Zeros,
    /// Anything, not read (R1 **choice**: inside option 43 the end code
    /// ends the list; what follows is reported by the resolver, not an
    /// error).
    Unread,
}

/// The framing of one kind of TLV list.
pub(crate) trait Framing {
    /// Bytes of the code field (0: the items have no code).
    const CODE: usize;
    /// Bytes of the length field (1 or 2).
    const LEN: usize;
    /// Whether code 0 is a one-byte pad (DHCPv4 message level).
    const PAD: bool;
    /// Whether code 255 ends the list, and what may follow it.
    const END: Option<AfterEnd>;
    /// The field named when an item's header is cut short.
    const HEADER: Field;
}

/// DHCPv4 options (the options field, `file`, `sname`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct V4Options;
impl Framing for V4Options {
    const CODE: usize = 1;
    const LEN: usize = 1;
    const PAD: bool = true;
    const END: Option<AfterEnd> = Some(AfterEnd::Zeros);
    const HEADER: Field = Field::OptionHeader;
}

/// DHCPv4 option 43 suboptions: code 0 is suboption 00 (R1).
#[derive(Debug, Clone, Copy)]
pub(crate) struct V4Suboptions;
impl Framing for V4Suboptions {
    const CODE: usize = 1;
    const LEN: usize = 1;
    const PAD: bool = false;
    const END: Option<AfterEnd> = Some(AfterEnd::Unread);
    const HEADER: Field = Field::ItemHeader;
}

/// DHCPv6 options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct V6Options;
impl Framing for V6Options {
    const CODE: usize = 2;
    const LEN: usize = 2;
    const PAD: bool = false;
    const END: Option<AfterEnd> = None;
    const HEADER: Field = Field::OptionHeader;
}

/// DHCPv6 option 17 items.
#[derive(Debug, Clone, Copy)]
pub(crate) struct V6Items;
impl Framing for V6Items {
    const CODE: usize = 2;
    const LEN: usize = 2;
    const PAD: bool = false;
    const END: Option<AfterEnd> = None;
    const HEADER: Field = Field::ItemHeader;
}

/// DHCPv6 class data (options 15 and 16): `len(2) data`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct V6ClassData;
impl Framing for V6ClassData {
    const CODE: usize = 0;
    const LEN: usize = 2;
    const PAD: bool = false;
    const END: Option<AfterEnd> = None;
    const HEADER: Field = Field::ItemLength;
}

/// The SZTP bootstrap-server list (DHCPv4 option 143, DHCPv6 option 136,
/// RFC 8572 §8.3): `uri-length(2) URI`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UriList;
impl Framing for UriList {
    const CODE: usize = 0;
    const LEN: usize = 2;
    const PAD: bool = false;
    const END: Option<AfterEnd> = None;
    const HEADER: Field = Field::UriLength;
}

/// One item found by a walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    /// The code (0 for framings without one).
    pub(crate) code: u16,
    /// Offset of the item's first byte.
    pub(crate) offset: usize,
    /// The value.
    pub(crate) value: &'a [u8],
}

/// Reads a big-endian field of `N` (0, 1 or 2) bytes.
#[inline(always)]
fn be(bytes: &[u8]) -> u16 {
    match bytes {
        [a] => u16::from(*a),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    }
}

/// A walk over items of framing `F`.
#[derive(Debug, Clone)]
pub(crate) struct Walk<'a, F> {
    rest: &'a [u8],
    offset: usize,
    base: Place,
    within: Within,
    ended: bool,
    done: bool,
    trailing: Option<crate::v4::Trailing>,
    framing: core::marker::PhantomData<F>,
}

impl<'a, F: Framing> Walk<'a, F> {
    /// A walk over `input`, whose first byte is at `offset`. `base` names
    /// the family and, for items inside an option, the option: their codes
    /// are then suboption codes.
    pub(crate) fn new(input: &'a [u8], offset: usize, base: Place, within: Within) -> Self {
        Walk {
            rest: input,
            offset,
            base,
            within,
            ended: false,
            done: false,
            trailing: None,
            framing: core::marker::PhantomData,
        }
    }

    /// Whether the walk met an end code (255).
    pub(crate) fn ended(&self) -> bool {
        self.ended
    }

    /// After an end code of a message's area (R2): the bytes that follow it
    /// from the first that is not padding to the area's end, when there are
    /// any.
    pub(crate) fn trailing(&self) -> Option<crate::v4::Trailing> {
        self.trailing
    }

    /// The place of an item with `code` (if known) at the current offset.
    fn place(&self, code: Option<u16>) -> Place {
        match (self.base.option_code(), code) {
            (Some(_), Some(code)) if F::CODE > 0 => self.base.suboption(code, self.offset),
            (None, Some(code)) if F::CODE > 0 => {
                Place::option(self.base.family(), code, self.offset)
            }
            _ => self.base.at_offset(self.offset),
        }
    }

    #[inline]
    fn step(&mut self) -> Option<Result<Tlv<'a>>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if F::CODE == 1 {
                let first = self.rest.first().copied().unwrap_or(0);
                if F::PAD && first == 0 {
                    self.rest = self.rest.get(1..).unwrap_or(&[]);
                    self.offset += 1;
                    continue;
                }
                if let (Some(after_end), 255) = (F::END, first) {
                    return self.end(after_end);
                }
            }
            let header = F::CODE + F::LEN;
            let Some((head, after)) = self.rest.split_at_checked(header) else {
                let code = self.rest.get(..F::CODE).map(be);
                return Some(Err(DecodeErrorKind::Truncated {
                    field: F::HEADER,
                    needed: header as u16,
                    available: self.rest.len() as u32,
                }
                .at(self.place(code.filter(|_| F::CODE > 0)))));
            };
            let code = be(head.get(..F::CODE).unwrap_or(&[]));
            let len = usize::from(be(head.get(F::CODE..).unwrap_or(&[])));
            let Some((value, rest)) = after.split_at_checked(len) else {
                return Some(Err(DecodeErrorKind::LengthOverrun {
                    within: self.within,
                    len: len as u32,
                    available: u32::try_from(after.len()).unwrap_or(u32::MAX),
                }
                .at(self.place(Some(code)))));
            };
            let tlv = Tlv {
                code,
                offset: self.offset,
                value,
            };
            self.offset = self.offset.saturating_add(header + len);
            self.rest = rest;
            return Some(Ok(tlv));
        }
    }

    /// The end code: nothing more is read; what follows is recorded when
    /// it is not padding (R2), never an error.
    #[cold]
    fn end(&mut self, after: AfterEnd) -> Option<Result<Tlv<'a>>> {
        self.ended = true;
        let tail = self.rest.get(1..).unwrap_or(&[]);
        self.rest = &[];
        if after == AfterEnd::Zeros {
            if let Some(bad) = tail.iter().position(|&b| b != 0) {
                self.trailing = Some(crate::v4::Trailing {
                    offset: self.offset + 1 + bad,
                    len: tail.len() - bad,
                });
            }
        }
        None
    }
}

impl<'a, F: Framing> Iterator for Walk<'a, F> {
    type Item = Result<Tlv<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let mut done = self.done;
        let item = crate::error::step_until_error(&mut done, || self.step());
        self.done = done;
        item
    }
}

impl<F: Framing> core::iter::FusedIterator for Walk<'_, F> {}

/// Checks every item of a walk; the first error, if any.
pub(crate) fn check<F: Framing>(walk: Walk<'_, F>) -> Result<()> {
    for item in walk {
        item?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::Family;
    use alloc::vec::Vec;

    fn v4(input: &[u8]) -> Vec<Result<(u16, usize, Vec<u8>)>> {
        Walk::<V4Options>::new(input, 240, Place::header(Family::V4, 240), Within::Options)
            .map(|r| r.map(|t| (t.code, t.offset, t.value.to_vec())))
            .collect()
    }

    #[test]
    fn r2_v4_pads_are_skipped_and_the_end_stops_the_walk() {
        assert_eq!(
            v4(&[0, 53, 1, 5, 0, 255, 0, 0]),
            [Ok((53, 241, alloc::vec![5]))]
        );
        // R2: bytes after the end that are not pad are not read, and not
        // an error: the walk records them.
        assert_eq!(v4(&[53, 1, 5, 255, 0, 7]), [Ok((53, 240, alloc::vec![5]))]);
        let mut walk = Walk::<V4Options>::new(
            &[53, 1, 5, 255, 0, 7, 0],
            240,
            Place::header(Family::V4, 240),
            Within::Options,
        );
        walk.by_ref().for_each(drop);
        assert_eq!(
            walk.trailing(),
            Some(crate::v4::Trailing {
                offset: 245,
                len: 2
            })
        );
    }

    #[test]
    fn r2_v4_only_pad_after_the_end_records_nothing() {
        let mut walk = Walk::<V4Options>::new(
            &[53, 1, 5, 255, 0, 0],
            240,
            Place::header(Family::V4, 240),
            Within::Options,
        );
        walk.by_ref().for_each(drop);
        assert!(walk.ended());
        assert_eq!(walk.trailing(), None);
    }

    #[test]
    fn r1_suboption_00_is_an_item_and_an_overrun_says_where() {
        let base = Place::option(Family::V4, 43, 10);
        let items: Vec<_> =
            Walk::<V4Suboptions>::new(&[0, 1, b'a', 1, 5, b'x'], 10, base, Within::Suboptions)
                .collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].map(|t| t.code), Ok(0));
        assert_eq!(
            items[1],
            Err(DecodeErrorKind::LengthOverrun {
                within: Within::Suboptions,
                len: 5,
                available: 1
            }
            .at(base.suboption(1, 13)))
        );
    }

    #[test]
    fn v6_header_cut_short_and_class_data() {
        let got: Vec<_> =
            Walk::<V6Options>::new(&[0, 7, 0], 4, Place::header(Family::V6, 4), Within::Options)
                .collect();
        assert_eq!(
            got,
            [Err(DecodeErrorKind::Truncated {
                field: Field::OptionHeader,
                needed: 4,
                available: 3
            }
            .at(Place::option(Family::V6, 7, 4)))]
        );
        let at = Place::option(Family::V6, 15, 8);
        let got: Vec<_> = Walk::<V6ClassData>::new(&[0, 1, b'a', 0, 0], 8, at, Within::ClassData)
            .map(|r| r.map(|t| t.value.to_vec()))
            .collect();
        assert_eq!(got, [Ok(alloc::vec![b'a']), Ok(alloc::vec![])]);
    }
}
