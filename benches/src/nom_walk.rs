//! The DHCPv4 option walk written with nom, to compare with the hand walk
//! `ztp-options` ships (issue: use nom for the TLV walks "if nom costs
//! nothing there"; keep the hand walk if nom costs more than 3 % in
//! instructions).
//!
//! Both sides are here, the same iterator with the same semantics, one
//! written with nom ([`NomWalk`]) and one by hand ([`HandWalk`], as the
//! crate's walk is written), so that the harness compares like with like.
//!
//! Same semantics as `ztp_options::v4::Message::options` over a message
//! without option 52: pad (0) skipped, the end option (255) stops the walk
//! and only zeros may follow it, `code len value` with a length that must
//! not run past the area (an error), every item yielded with its offset.
//! nom runs in complete mode (`parse_complete`) with a unit error; the
//! caller builds its own typed error on the cold path, as the crate does.

use nom::Parser as _;
use nom::bytes::complete::take_while;
use nom::multi::length_data;
use nom::number::complete::u8 as byte;

/// One item: code, offset of the code byte, value.
pub type Item<'a> = (u8, usize, &'a [u8]);

/// Walks the options area of a DHCPv4 message (everything after the
/// cookie) with nom.
#[derive(Debug, Clone)]
pub struct NomWalk<'a> {
    rest: &'a [u8],
    offset: usize,
    done: bool,
}

impl<'a> NomWalk<'a> {
    /// A walk over `message`'s options area.
    pub fn new(message: &'a [u8]) -> Self {
        NomWalk {
            rest: message.get(240..).unwrap_or(&[]),
            offset: 240,
            done: false,
        }
    }
}

impl<'a> Iterator for NomWalk<'a> {
    /// An item, or the offset of the first malformed one.
    type Item = Result<Item<'a>, usize>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        // Pads, then one code.
        let (after_pads, pads) = take_while::<_, _, ()>(|b| b == 0)
            .parse_complete(self.rest)
            .ok()?;
        self.offset += pads.len();
        self.rest = after_pads;
        let Ok((after_code, code)) = byte::<_, ()>.parse_complete(self.rest) else {
            self.done = true;
            return None;
        };
        if code == 255 {
            self.done = true;
            return after_code
                .iter()
                .position(|&b| b != 0)
                .map(|pos| Err(self.offset + 1 + pos));
        }
        match length_data(byte::<_, ()>).parse_complete(after_code) {
            Ok((rest, value)) => {
                let item = (code, self.offset, value);
                self.offset += 2 + value.len();
                self.rest = rest;
                Some(Ok(item))
            }
            Err(_) => {
                self.done = true;
                Some(Err(self.offset))
            }
        }
    }
}

/// The same walk by hand, with slice patterns (as `ztp-options`' walk is
/// written): the other side of the comparison, the same iterator shape.
#[derive(Debug, Clone)]
pub struct HandWalk<'a> {
    rest: &'a [u8],
    offset: usize,
    done: bool,
}

impl<'a> HandWalk<'a> {
    /// A walk over `message`'s options area.
    pub fn new(message: &'a [u8]) -> Self {
        HandWalk {
            rest: message.get(240..).unwrap_or(&[]),
            offset: 240,
            done: false,
        }
    }
}

impl<'a> Iterator for HandWalk<'a> {
    /// An item, or the offset of the first malformed one.
    type Item = Result<Item<'a>, usize>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            match self.rest {
                [] => {
                    self.done = true;
                    return None;
                }
                [0, tail @ ..] => {
                    self.rest = tail;
                    self.offset += 1;
                }
                [255, tail @ ..] => {
                    self.done = true;
                    return tail
                        .iter()
                        .position(|&b| b != 0)
                        .map(|pos| Err(self.offset + 1 + pos));
                }
                [code, len, tail @ ..] => {
                    let Some((value, rest)) = tail.split_at_checked(usize::from(*len)) else {
                        self.done = true;
                        return Some(Err(self.offset));
                    };
                    let item = (*code, self.offset, value);
                    self.offset += 2 + value.len();
                    self.rest = rest;
                    return Some(Ok(item));
                }
                [_] => {
                    self.done = true;
                    return Some(Err(self.offset));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nom_walk_yields_what_the_crate_yields() {
        for msg in [crate::v4_ack(), ztp_options::samples::V4_ACK.to_vec()] {
            let ours: Vec<(u8, usize, Vec<u8>)> = ztp_options::v4::Message::new_checked(&msg[..])
                .unwrap()
                .options()
                .map(|o| {
                    o.map(|o| (o.code.get(), o.offset, o.value.to_vec()))
                        .unwrap()
                })
                .collect();
            let nom: Vec<(u8, usize, Vec<u8>)> = NomWalk::new(&msg)
                .map(|o| o.map(|(c, at, v)| (c, at, v.to_vec())).unwrap())
                .collect();
            assert_eq!(nom, ours);
            let hand: Vec<(u8, usize, Vec<u8>)> = HandWalk::new(&msg)
                .map(|o| o.map(|(c, at, v)| (c, at, v.to_vec())).unwrap())
                .collect();
            assert_eq!(hand, ours);
        }
        // An overrun and bytes after the end are errors at the same offset.
        let mut bad = crate::v4_ack();
        bad.truncate(240);
        bad.extend_from_slice(&[53, 1, 5, 43, 9, 1]);
        assert_eq!(NomWalk::new(&bad).last(), Some(Err(243)));
        assert_eq!(HandWalk::new(&bad).last(), Some(Err(243)));
        bad.truncate(243);
        bad.extend_from_slice(&[255, 0, 7]);
        assert_eq!(NomWalk::new(&bad).last(), Some(Err(245)));
        assert_eq!(HandWalk::new(&bad).last(), Some(Err(245)));
    }
}
