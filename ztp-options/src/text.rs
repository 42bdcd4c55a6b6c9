//! Text values on the wire (R7): bytes until a caller asks for `&str`.

use crate::error::{Error, Excerpt, Place, Result};

/// Whether a text value ended in a NUL byte that was stripped.
///
/// Some servers terminate text options C-style (dnsmasq appends a NUL to
/// option 66). One trailing NUL is tolerated and reported; a NUL anywhere
/// else is an error (R7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TrailingNul {
    /// The value had no trailing NUL.
    Absent,
    /// The value ended in one NUL, which is not part of [`Text::as_bytes`].
    Stripped,
}

/// A validated text value borrowed from the input: not empty, no NUL or
/// control byte inside, at most one trailing NUL (stripped and reported).
///
/// It stays bytes until [`Text::as_str`] checks UTF-8.
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
    /// [`Error::Empty`] for an empty value (or a lone NUL),
    /// [`Error::ControlByte`] for a NUL or control byte (0x00..=0x1f, 0x7f)
    /// anywhere but as the one trailing NUL.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let (bytes, trailing_nul) = match value.split_last() {
            Some((0, rest)) => (rest, TrailingNul::Stripped),
            _ => (value, TrailingNul::Absent),
        };
        if bytes.is_empty() {
            return Err(Error::Empty { at });
        }
        // A branch-free scan first (it vectorises); the position only on
        // the error path.
        let control = |b: u8| b < 0x20 || b == 0x7f;
        let any_control = bytes.iter().fold(false, |acc, &b| acc | control(b));
        if let Some(pos) = any_control
            .then(|| bytes.iter().position(|&b| control(b)))
            .flatten()
        {
            let byte = bytes.get(pos).copied().unwrap_or(0);
            return Err(Error::ControlByte {
                at: at.shifted(pos),
                byte,
                value: Excerpt::new(value),
            });
        }
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
    /// [`Error::InvalidUtf8`] naming the option and the offset of the first
    /// bad byte.
    pub fn as_str(&self) -> Result<&'a str> {
        core::str::from_utf8(self.bytes).map_err(|e| Error::InvalidUtf8 {
            at: self.at.shifted(e.valid_up_to()),
            valid_up_to: e.valid_up_to(),
            value: Excerpt::new(self.bytes),
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

/// Checks that an owned string can be sent as a text value: not empty, no
/// control byte. Used by the encoders, so that what they write decodes again.
pub(crate) fn check_owned(value: &str, at: Place) -> Result<()> {
    Text::parse(value.as_bytes(), at).and_then(|t| {
        if t.trailing_nul() == TrailingNul::Stripped {
            // A string ending in NUL would lose it on the way back.
            Err(Error::ControlByte {
                at: at.shifted(value.len().saturating_sub(1)),
                byte: 0,
                value: Excerpt::new(value.as_bytes()),
            })
        } else {
            Ok(())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Family;

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
            Err(Error::ControlByte {
                at: at().shifted(1),
                byte: 0,
                value: Excerpt::new(b"a\0b")
            })
        );
        assert!(matches!(
            Text::parse(b"img\r", at()),
            Err(Error::ControlByte { byte: b'\r', .. })
        ));
        assert!(matches!(
            Text::parse(b"a\0\0", at()),
            Err(Error::ControlByte { byte: 0, .. })
        ));
        assert_eq!(Text::parse(b"", at()), Err(Error::Empty { at: at() }));
        assert_eq!(Text::parse(b"\0", at()), Err(Error::Empty { at: at() }));
    }

    #[test]
    fn r7_utf8_is_checked_only_when_asked() {
        let t = Text::parse(b"ab\xffc", at()).unwrap();
        assert_eq!(t.as_bytes(), b"ab\xffc");
        assert!(matches!(
            t.as_str(),
            Err(Error::InvalidUtf8 { valid_up_to: 2, .. })
        ));
    }

    #[test]
    fn owned_text_must_survive_the_round_trip() {
        assert!(check_owned("jn.conf", at()).is_ok());
        assert!(check_owned("jn.conf\0", at()).is_err());
        assert!(check_owned("", at()).is_err());
    }
}
