//! Text values on the wire (R7): bytes until a caller asks for `&str`.

use crate::error::{DecodeErrorKind, Place, Result};

/// Whether a text value ended in a NUL byte that was stripped.
///
/// Some servers terminate text options C-style (dnsmasq appends a NUL to
/// option 66). One trailing NUL is tolerated and reported; a NUL anywhere
/// else is an error (R7).
///
/// ```
/// use ztp_options::{Family, Place, Text, TrailingNul};
///
/// let text = Text::parse(b"192.0.2.66\0", Place::option(Family::V4, 66, 0))?;
/// assert_eq!(text.trailing_nul(), TrailingNul::Stripped); // R7: tolerated, reported
/// assert_eq!(text.as_bytes(), b"192.0.2.66");
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TrailingNul {
    /// The value had no trailing NUL.
    Absent,
    /// The value ended in one NUL, which is not part of [`Text::as_bytes`].
    Stripped,
}

/// The value without one trailing NUL, and whether there was one (R7).
#[inline]
pub(crate) fn strip_nul(value: &[u8]) -> (&[u8], TrailingNul) {
    match value.split_last() {
        Some((0, rest)) => (rest, TrailingNul::Stripped),
        _ => (value, TrailingNul::Absent),
    }
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Checks a text value, position-free: not empty, no NUL or control byte
/// (0x00..=0x1f, 0x7f) but one trailing NUL, which is stripped (R7).
///
/// # Errors
///
/// [`DecodeErrorKind::Empty`], [`DecodeErrorKind::ControlByte`] (whose
/// index counts in `value`).
#[inline]
pub(crate) fn check(value: &[u8]) -> core::result::Result<(&[u8], TrailingNul), DecodeErrorKind> {
    let (bytes, trailing_nul) = strip_nul(value);
    if bytes.is_empty() {
        return Err(DecodeErrorKind::Empty);
    }
    // A branch-free scan first (it vectorises); the position only on the
    // error path.
    let control = |b: u8| b < 0x20 || b == 0x7f;
    if bytes.iter().fold(false, |acc, &b| acc | control(b)) {
        let index = bytes.iter().position(|&b| control(b)).unwrap_or(0);
        return Err(DecodeErrorKind::ControlByte {
            byte: bytes.get(index).copied().unwrap_or(0),
            index: len32(index),
            len: len32(value.len()),
        });
    }
    Ok((bytes, trailing_nul))
}

/// Checks that an owned string can be sent as a text value and decodes to
/// itself: [`check`], and no trailing NUL (it would be stripped on the way
/// back).
pub(crate) fn check_owned(value: &str) -> core::result::Result<(), DecodeErrorKind> {
    let (_, nul) = check(value.as_bytes())?;
    if nul == TrailingNul::Stripped {
        return Err(DecodeErrorKind::ControlByte {
            byte: 0,
            index: len32(value.len().saturating_sub(1)),
            len: len32(value.len()),
        });
    }
    Ok(())
}

/// A validated text value borrowed from the input: not empty, no NUL or
/// control byte inside, at most one trailing NUL (stripped and reported).
///
/// It stays bytes until [`Text::as_str`] checks UTF-8.
///
/// ```
/// use ztp_options::{DecodeErrorKind, Family, Place, Text};
///
/// let at = Place::option(Family::V4, 43, 250).suboption(1, 252);
/// let name = Text::parse(b"/cfg/sw.conf", at)?;
/// assert_eq!(name.as_str()?, "/cfg/sw.conf");
/// // R7: a control byte inside a name is an error at its place.
/// let err = Text::parse(b"/cfg/\x01sw.conf", at).unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::ControlByte { byte: 1, index: 5, .. }));
/// assert_eq!(err.place().suboption_code(), Some(1));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'a> {
    bytes: &'a [u8],
    trailing_nul: TrailingNul,
    at: Place,
}

impl<'a> Text<'a> {
    /// Validates `value`, found at `at` (R7).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Empty`] for an empty value (or a lone NUL),
    /// [`DecodeErrorKind::ControlByte`] for a NUL or control byte anywhere
    /// but as the one trailing NUL; at `at`, the value's start.
    #[inline]
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let (bytes, trailing_nul) = check(value).map_err(|k| k.at(at))?;
        Ok(Text {
            bytes,
            trailing_nul,
            at,
        })
    }

    /// The bytes, without the trailing NUL if there was one.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The text as UTF-8.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::InvalidUtf8`] at the value's start, with the
    /// index of the first bad byte.
    pub fn as_str(&self) -> Result<&'a str> {
        core::str::from_utf8(self.bytes).map_err(|e| {
            DecodeErrorKind::InvalidUtf8 {
                valid_up_to: len32(e.valid_up_to()),
                len: len32(self.bytes.len()),
            }
            .at(self.at)
        })
    }

    /// Whether a trailing NUL was stripped.
    pub fn trailing_nul(&self) -> TrailingNul {
        self.trailing_nul
    }

    /// Where the value starts in the input.
    pub fn place(&self) -> Place {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::Family;

    fn at() -> Place {
        Place::option(Family::V4, 66, 10)
    }

    #[test]
    fn r7_trailing_nul_is_tolerated_and_reported() {
        let t = Text::parse(b"10.99.0.1\0", at()).unwrap();
        assert_eq!(t.as_bytes(), b"10.99.0.1");
        assert_eq!(t.trailing_nul(), TrailingNul::Stripped);
        let t = Text::parse(b"10.99.0.1", at()).unwrap();
        assert_eq!(t.trailing_nul(), TrailingNul::Absent);
    }

    #[test]
    fn r7_inner_nul_or_control_byte_is_an_error() {
        assert_eq!(
            Text::parse(b"a\0b", at()),
            Err(DecodeErrorKind::ControlByte {
                byte: 0,
                index: 1,
                len: 3
            }
            .at(at()))
        );
        assert!(matches!(
            check(b"img\r"),
            Err(DecodeErrorKind::ControlByte { byte: b'\r', .. })
        ));
        assert!(matches!(
            check(b"a\0\0"),
            Err(DecodeErrorKind::ControlByte { byte: 0, .. })
        ));
        assert_eq!(Text::parse(b"", at()), Err(DecodeErrorKind::Empty.at(at())));
        assert_eq!(
            Text::parse(b"\0", at()),
            Err(DecodeErrorKind::Empty.at(at()))
        );
    }

    #[test]
    fn r7_utf8_is_checked_only_when_asked() {
        let t = Text::parse(b"ab\xffc", at()).unwrap();
        assert_eq!(t.as_bytes(), b"ab\xffc");
        assert_eq!(
            t.as_str().map_err(|e| e.kind()),
            Err(DecodeErrorKind::InvalidUtf8 {
                valid_up_to: 2,
                len: 4
            })
        );
    }

    #[test]
    fn owned_text_must_survive_the_round_trip() {
        assert!(check_owned("jn.conf").is_ok());
        assert!(check_owned("jn.conf\0").is_err());
        assert!(check_owned("").is_err());
    }
}
