//! Reading messages: hex text (whitespace, colons and `0x` allowed) and the
//! family of a message.

use std::fmt;

/// Why hex text is not a message.
///
/// ```
/// use ztp_explain::input::{HexError, hex};
///
/// assert_eq!(hex("02:01 0x06")?, [2, 1, 6]);
/// assert_eq!(hex("0g"), Err(HexError::NotHex { offset: 1, found: 'g' }));
/// assert_eq!(hex("abc"), Err(HexError::OddDigits { digits: 3 }));
/// # Ok::<(), HexError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HexError {
    /// A character that is not a hex digit, at this character offset.
    NotHex {
        /// The character offset.
        offset: usize,
        /// The character.
        found: char,
    },
    /// An odd number of digits.
    OddDigits {
        /// How many digits.
        digits: usize,
    },
    /// No digits at all.
    Empty,
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HexError::NotHex { offset, found } => write!(
                f,
                "character {found:?} at offset {offset} is not a hex digit \
                 (give the message as hex; spaces, colons and 0x are allowed)"
            ),
            HexError::OddDigits { digits } => {
                write!(f, "{digits} hex digits: a byte needs two, one is missing")
            }
            HexError::Empty => f.write_str("no hex digits: give a message as hex, or --pcap FILE"),
        }
    }
}

/// Decodes hex text. `0x` prefixes (on the whole text or on each group),
/// whitespace, `:` and `-` separators are allowed.
pub fn hex(text: &str) -> Result<Vec<u8>, HexError> {
    let mut digits = Vec::with_capacity(text.len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(offset, c)) = chars.get(i) {
        let next = chars.get(i + 1).map(|&(_, c)| c);
        if c == '0' && matches!(next, Some('x' | 'X')) {
            // "0x" starts a group when it is not inside a run of digits.
            let prev_is_digit = i > 0
                && chars
                    .get(i - 1)
                    .is_some_and(|&(_, p)| p.is_ascii_hexdigit());
            if !prev_is_digit {
                i += 2;
                continue;
            }
        }
        if c.is_whitespace() || c == ':' || c == '-' || c == ',' {
            i += 1;
            continue;
        }
        match c.to_digit(16) {
            Some(d) => digits.push(d as u8),
            None => return Err(HexError::NotHex { offset, found: c }),
        }
        i += 1;
    }
    if digits.is_empty() {
        return Err(HexError::Empty);
    }
    if digits.len() % 2 != 0 {
        return Err(HexError::OddDigits {
            digits: digits.len(),
        });
    }
    Ok(digits
        .chunks_exact(2)
        .map(|p| p.iter().fold(0u8, |acc, d| (acc << 4) | d))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_accepts_separators_and_prefixes() {
        assert_eq!(hex("0a0B ff"), Ok(vec![0x0a, 0x0b, 0xff]));
        assert_eq!(hex("0x0a:0b:ff\n"), Ok(vec![0x0a, 0x0b, 0xff]));
        assert_eq!(hex("0x0a 0x0b"), Ok(vec![0x0a, 0x0b]));
        assert_eq!(hex("00 00"), Ok(vec![0, 0]));
        assert_eq!(
            hex("a0x1"),
            Err(HexError::NotHex {
                offset: 2,
                found: 'x'
            })
        );
        assert_eq!(hex("abc"), Err(HexError::OddDigits { digits: 3 }));
        assert_eq!(hex(" \n"), Err(HexError::Empty));
        assert_eq!(
            hex("zz"),
            Err(HexError::NotHex {
                offset: 0,
                found: 'z'
            })
        );
    }
}
