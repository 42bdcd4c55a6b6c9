//! The DHCPv6 walks: `code(2) len(2) value(len)` (a message's options, the
//! items of option 17) and `len(2) data(len)` (the class data of options 15
//! and 16). Each yields its items, or one error and then stops.

use crate::error::{Error, Family, Place, Result};

/// One `code len value` found by the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    pub(crate) code: u16,
    /// Offset of the first code byte.
    pub(crate) offset: usize,
    pub(crate) value: &'a [u8],
}

/// Walks `code(2) len(2) value` items.
#[derive(Debug, Clone)]
pub(crate) struct Walk<'a> {
    rest: &'a [u8],
    offset: usize,
    at: Place,
    area: &'static str,
    done: bool,
}

impl<'a> Walk<'a> {
    /// A walk over `input`, whose first byte is at `offset`. `at` names the
    /// family and, inside an option (17), the option: its items are then
    /// suboptions.
    pub(crate) fn new(input: &'a [u8], offset: usize, at: Place, area: &'static str) -> Self {
        Walk {
            rest: input,
            offset,
            at,
            area,
            done: false,
        }
    }

    fn place(&self, code: Option<u16>) -> Place {
        match (self.at.option, code) {
            (Some(_), Some(code)) => self.at.suboption(code, self.offset),
            (None, Some(code)) => Place::option(Family::V6, code, self.offset),
            (_, None) => Place {
                offset: self.offset,
                ..self.at
            },
        }
    }

    fn step(&mut self) -> Option<Result<Tlv<'a>>> {
        if self.rest.is_empty() {
            return None;
        }
        Some(match self.rest {
            [c0, c1, l0, l1, after @ ..] => {
                let code = u16::from_be_bytes([*c0, *c1]);
                let len = usize::from(u16::from_be_bytes([*l0, *l1]));
                match after.split_at_checked(len) {
                    Some((value, rest)) => {
                        let tlv = Tlv {
                            code,
                            offset: self.offset,
                            value,
                        };
                        self.offset = self.offset.saturating_add(4).saturating_add(len);
                        self.rest = rest;
                        Ok(tlv)
                    }
                    None => Err(Error::LengthOverrun {
                        at: self.place(Some(code)),
                        len,
                        available: after.len(),
                        area: self.area,
                    }),
                }
            }
            short => {
                let code = match short {
                    [c0, c1, ..] => Some(u16::from_be_bytes([*c0, *c1])),
                    _ => None,
                };
                Err(Error::Truncated {
                    at: self.place(code),
                    field: if self.at.option.is_some() {
                        "item code and length"
                    } else {
                        "option code and length"
                    },
                    needed: 4,
                    available: short.len(),
                })
            }
        })
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Result<Tlv<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let mut done = self.done;
        let item = crate::error::step_until_error(&mut done, || self.step());
        self.done = done;
        item
    }
}

impl core::iter::FusedIterator for Walk<'_> {}

/// Walks `len(2) data` items (class data of options 15 and 16); yields the
/// offset of each item's length field and its data.
#[derive(Debug, Clone)]
pub(crate) struct LenWalk<'a> {
    rest: &'a [u8],
    offset: usize,
    at: Place,
    area: &'static str,
    done: bool,
}

impl<'a> LenWalk<'a> {
    /// A walk over `input`, whose first byte is at `offset`; `at` names the
    /// option.
    pub(crate) fn new(input: &'a [u8], offset: usize, at: Place, area: &'static str) -> Self {
        LenWalk {
            rest: input,
            offset,
            at,
            area,
            done: false,
        }
    }

    fn step(&mut self) -> Option<Result<(usize, &'a [u8])>> {
        if self.rest.is_empty() {
            return None;
        }
        let at = Place {
            offset: self.offset,
            ..self.at
        };
        Some(match self.rest {
            [l0, l1, after @ ..] => {
                let len = usize::from(u16::from_be_bytes([*l0, *l1]));
                match after.split_at_checked(len) {
                    Some((data, rest)) => {
                        let item = (self.offset, data);
                        self.offset = self.offset.saturating_add(2).saturating_add(len);
                        self.rest = rest;
                        Ok(item)
                    }
                    None => Err(Error::LengthOverrun {
                        at,
                        len,
                        available: after.len(),
                        area: self.area,
                    }),
                }
            }
            short => Err(Error::Truncated {
                at,
                field: "class data length",
                needed: 2,
                available: short.len(),
            }),
        })
    }
}

impl<'a> Iterator for LenWalk<'a> {
    type Item = Result<(usize, &'a [u8])>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let mut done = self.done;
        let item = crate::error::step_until_error(&mut done, || self.step());
        self.done = done;
        item
    }
}

impl core::iter::FusedIterator for LenWalk<'_> {}

/// Appends `code(2) len(2) value`, the framing of both a DHCPv6 option and
/// an option 17 item. The caller has checked that `value` fits (65535).
pub(crate) fn put_tlv<B: bytes::BufMut>(buf: &mut B, code: u16, value: &[u8]) {
    buf.put_u16(code);
    buf.put_u16(u16::try_from(value.len()).unwrap_or(u16::MAX));
    buf.put_slice(value);
}
