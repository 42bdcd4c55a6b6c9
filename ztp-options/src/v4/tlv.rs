//! The DHCPv4 `code(1) len(1) value(len)` walk, shared by the options area
//! (where 0 is padding) and option 43 (where 0 is suboption 00, R1).

use crate::error::{Error, Place, Result};

/// What code 0 means where the walk runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zero {
    /// Message level: a one-byte pad.
    Pad,
    /// Inside option 43: suboption 00, with a length byte (R1).
    Code,
}

/// What may follow the end code (255).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterEnd {
    /// Only padding (zeros), as in a message's options, `file` or `sname`.
    Zeros,
    /// Nothing, as inside option 43.
    Nothing,
}

/// One `code len value` found by the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    pub(crate) code: u8,
    /// Offset of the code byte.
    pub(crate) offset: usize,
    pub(crate) value: &'a [u8],
}

/// Walks `code len value` items; yields each, or one error and then stops.
#[derive(Debug, Clone)]
pub(crate) struct Walk<'a> {
    rest: &'a [u8],
    offset: usize,
    at: Place,
    area: &'static str,
    zero: Zero,
    after_end: AfterEnd,
    ended: bool,
    done: bool,
}

impl<'a> Walk<'a> {
    /// A walk over `input`, whose first byte is at `offset`; `at` names the
    /// family and (for option 43) the option.
    pub(crate) fn new(
        input: &'a [u8],
        offset: usize,
        at: Place,
        area: &'static str,
        zero: Zero,
        after_end: AfterEnd,
    ) -> Self {
        Walk {
            rest: input,
            offset,
            at,
            area,
            zero,
            after_end,
            ended: false,
            done: false,
        }
    }

    /// Whether the walk met an end code (255).
    pub(crate) fn ended(&self) -> bool {
        self.ended
    }

    fn place(&self, code: u8) -> Place {
        match self.at.option {
            // Inside an option: the code is a suboption code.
            Some(_) => self.at.suboption(u16::from(code), self.offset),
            None => Place::option(self.at.family, u16::from(code), self.offset),
        }
    }

    #[inline]
    fn step(&mut self) -> Option<Result<Tlv<'a>>> {
        loop {
            let (&code, after_code) = self.rest.split_first()?;
            if code == 0 && self.zero == Zero::Pad {
                self.rest = after_code;
                self.offset += 1;
                continue;
            }
            if code == 255 {
                self.ended = true;
                let tail = after_code;
                let bad = match self.after_end {
                    AfterEnd::Zeros => tail.iter().position(|&b| b != 0),
                    AfterEnd::Nothing => (!tail.is_empty()).then_some(0),
                };
                self.rest = &[];
                return bad.map(|pos| {
                    let first = self.offset + 1 + pos;
                    Err(Error::AfterEnd {
                        at: Place {
                            offset: first,
                            ..self.place(255)
                        },
                        len: tail.len() - pos,
                        area: self.area,
                    })
                });
            }
            // The length byte, then exactly that many bytes, or a typed error.
            let Some((&len, after_len)) = after_code.split_first() else {
                return Some(Err(Error::MissingLength {
                    at: self.place(code),
                    area: self.area,
                }));
            };
            let Some((value, rest)) = after_len.split_at_checked(usize::from(len)) else {
                return Some(Err(Error::LengthOverrun {
                    at: self.place(code),
                    len: usize::from(len),
                    available: after_len.len(),
                    area: self.area,
                }));
            };
            let tlv = Tlv {
                code,
                offset: self.offset,
                value,
            };
            self.offset += 2 + value.len();
            self.rest = rest;
            return Some(Ok(tlv));
        }
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
