//! A streaming JSON check for SONiC's ZTP JSON (S6): the whole text is valid
//! JSON (RFC 8259), its top level is an object, and that object has a key
//! `ztp` whose value is an object.
//!
//! Nothing is built: the check keeps a fixed state (the nesting as a bit per
//! level, up to [`DEPTH_MAX`] levels, where the key `ztp` stands in its
//! match, and the UTF-8 and `\u` escape state) and does constant work per
//! byte. A full parse (serde_json) would need the whole file in memory and
//! allocate per value; this check needs neither.

use std::fmt;

/// The deepest nesting the check follows (serde_json's default limit too).
pub const DEPTH_MAX: u8 = 128;

/// Why a SONiC ZTP JSON file is refused (S6), and at which byte offset.
///
/// ```
/// use ztp_script_detect::{sniff_vendor, Hint, JsonProblem, Refusal, Vendor};
///
/// let found = sniff_vendor(Vendor::Sonic, Hint::option(67), b"{\"ztp\": [1]}")?;
/// let Some(Refusal::Json(error)) = found.refusal else { unreachable!() };
/// assert_eq!(error.problem, JsonProblem::ZtpNotObject);
/// assert_eq!(error.offset, 8);
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JsonError {
    /// Byte offset in the file where the problem shows.
    pub offset: u64,
    /// What is wrong.
    pub problem: JsonProblem,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte offset {}", self.problem, self.offset)
    }
}

/// What makes a file no SONiC ZTP JSON document (S6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum JsonProblem {
    /// A byte that JSON does not allow there.
    Syntax,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// The text ends inside a value (or is empty).
    Truncated,
    /// The top-level value is not an object.
    NotObject,
    /// Nesting deeper than [`DEPTH_MAX`] levels.
    TooDeep,
    /// The top-level object has no key `ztp`.
    NoZtpKey,
    /// The value of the top-level key `ztp` is not an object.
    ZtpNotObject,
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonProblem::Syntax => "not json: unexpected byte",
            JsonProblem::NotUtf8 => "not json: bytes that are not utf-8",
            JsonProblem::Truncated => "not json: the text ends inside a value",
            JsonProblem::NotObject => "the top-level json value is not an object",
            JsonProblem::TooDeep => "json nested deeper than 128 levels",
            JsonProblem::NoZtpKey => "the top-level json object has no key \"ztp\"",
            JsonProblem::ZtpNotObject => "the value of the top-level key \"ztp\" is not an object",
        })
    }
}

/// Where the checker is in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// Before the top-level value.
    Start,
    /// A value is expected (after `:` or `,` in an array).
    Value,
    /// After `[`: a value or `]`.
    ValueOrClose,
    /// After `{`: a key or `}`.
    KeyOrClose,
    /// After `,` in an object: a key.
    Key,
    /// After a key: `:`.
    Colon,
    /// After a value: `,`, a closing bracket, or the end.
    AfterValue,
    /// Inside a string (a key when `key`).
    Str { key: bool },
    /// After a backslash in a string.
    Escape { key: bool },
    /// Inside `\uXXXX`: `left` hex digits to go, `code` so far.
    Unicode { key: bool, left: u8, code: u16 },
    /// Inside a number.
    Number(Num),
    /// Inside `true`, `false` or `null`: the rest to match.
    Literal { rest: &'static [u8] },
    /// After the top-level value: whitespace only.
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Num {
    Minus,
    Zero,
    Int,
    Dot,
    Frac,
    Exp,
    ExpSign,
    ExpDigits,
}

impl Num {
    fn is_whole(self) -> bool {
        matches!(self, Num::Zero | Num::Int | Num::Frac | Num::ExpDigits)
    }

    fn next(self, byte: u8) -> Option<Num> {
        Some(match (self, byte) {
            (Num::Minus, b'0') => Num::Zero,
            (Num::Minus, b'1'..=b'9') => Num::Int,
            (Num::Int, b'0'..=b'9') => Num::Int,
            (Num::Zero | Num::Int, b'.') => Num::Dot,
            (Num::Dot | Num::Frac, b'0'..=b'9') => Num::Frac,
            (Num::Zero | Num::Int | Num::Frac, b'e' | b'E') => Num::Exp,
            (Num::Exp, b'+' | b'-') => Num::ExpSign,
            (Num::Exp | Num::ExpSign | Num::ExpDigits, b'0'..=b'9') => Num::ExpDigits,
            _ => return None,
        })
    }
}

/// How far a depth-1 key matches `ztp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyMatch {
    /// Not a depth-1 key, or it already differs.
    No,
    /// The first `n` characters match.
    Prefix(u8),
}

const ZTP: &[u8] = b"ztp";

/// The streaming check. Cost: 40 bytes of state, constant work per byte.
#[derive(Debug, Clone)]
pub(crate) struct JsonCheck {
    at: At,
    /// One bit per open level: 1 for an object, 0 for an array.
    stack: u128,
    depth: u8,
    /// UTF-8 continuation bytes still expected, and the allowed range of
    /// the next one.
    utf8_left: u8,
    utf8_low: u8,
    utf8_high: u8,
    key: KeyMatch,
    /// The key just read at depth 1 is `ztp`: its value comes next.
    ztp_value_next: bool,
    /// The last top-level `ztp` key's value is an object (`Some(true)`), or
    /// not (`Some(false)`, at this offset).
    ztp: Option<(bool, u64)>,
    offset: u64,
    error: Option<JsonError>,
}

impl JsonCheck {
    pub(crate) const fn new() -> Self {
        JsonCheck {
            at: At::Start,
            stack: 0,
            depth: 0,
            utf8_left: 0,
            utf8_low: 0,
            utf8_high: 0,
            key: KeyMatch::No,
            ztp_value_next: false,
            ztp: None,
            offset: 0,
            error: None,
        }
    }

    /// Takes the next bytes.
    pub(crate) fn feed(&mut self, chunk: &[u8]) {
        for &byte in chunk {
            if self.error.is_some() {
                return;
            }
            if let Err(problem) = self.byte(byte) {
                self.error = Some(JsonError {
                    offset: self.offset,
                    problem,
                });
                return;
            }
            self.offset += 1;
        }
    }

    /// The answer for a file that ends here.
    pub(crate) fn finish(&self) -> Result<(), JsonError> {
        if let Some(error) = self.error {
            return Err(error);
        }
        let at_end = |problem| JsonError {
            offset: self.offset,
            problem,
        };
        match self.at {
            At::End => {}
            At::Number(num) if self.depth == 0 && num.is_whole() => {
                return Err(at_end(JsonProblem::NotObject));
            }
            _ => return Err(at_end(JsonProblem::Truncated)),
        }
        match self.ztp {
            Some((true, _)) => Ok(()),
            Some((false, offset)) => Err(JsonError {
                offset,
                problem: JsonProblem::ZtpNotObject,
            }),
            None => Err(JsonError {
                offset: 0,
                problem: JsonProblem::NoZtpKey,
            }),
        }
    }

    fn top_is_object(&self) -> bool {
        self.depth > 0 && self.stack & 1 == 1
    }

    fn push(&mut self, object: bool) -> Result<(), JsonProblem> {
        if self.depth >= DEPTH_MAX {
            return Err(JsonProblem::TooDeep);
        }
        self.stack = (self.stack << 1) | u128::from(object);
        self.depth += 1;
        self.at = if object {
            At::KeyOrClose
        } else {
            At::ValueOrClose
        };
        Ok(())
    }

    fn pop(&mut self, object: bool) -> Result<(), JsonProblem> {
        if self.depth == 0 || self.top_is_object() != object {
            return Err(JsonProblem::Syntax);
        }
        self.stack >>= 1;
        self.depth -= 1;
        self.after_value();
        Ok(())
    }

    fn after_value(&mut self) {
        self.at = if self.depth == 0 {
            At::End
        } else {
            At::AfterValue
        };
    }

    /// The first byte of a value.
    fn value(&mut self, byte: u8) -> Result<(), JsonProblem> {
        if self.depth == 0 && byte != b'{' {
            return Err(if is_value_start(byte) {
                JsonProblem::NotObject
            } else {
                JsonProblem::Syntax
            });
        }
        if std::mem::take(&mut self.ztp_value_next) {
            self.ztp = Some((byte == b'{', self.offset));
        }
        match byte {
            b'{' => self.push(true),
            b'[' => self.push(false),
            b'"' => {
                self.at = At::Str { key: false };
                Ok(())
            }
            b'-' => {
                self.at = At::Number(Num::Minus);
                Ok(())
            }
            b'0' => {
                self.at = At::Number(Num::Zero);
                Ok(())
            }
            b'1'..=b'9' => {
                self.at = At::Number(Num::Int);
                Ok(())
            }
            b't' => self.literal(b"rue"),
            b'f' => self.literal(b"alse"),
            b'n' => self.literal(b"ull"),
            _ => Err(JsonProblem::Syntax),
        }
    }

    fn literal(&mut self, rest: &'static [u8]) -> Result<(), JsonProblem> {
        self.at = At::Literal { rest };
        Ok(())
    }

    fn start_key(&mut self) {
        self.key = if self.depth == 1 {
            KeyMatch::Prefix(0)
        } else {
            KeyMatch::No
        };
        self.at = At::Str { key: true };
    }

    /// One decoded character of a key.
    fn key_char(&mut self, key: bool, char: u32) {
        if !key {
            return;
        }
        if let KeyMatch::Prefix(n) = self.key {
            let want = ZTP.get(usize::from(n)).map(|b| u32::from(*b));
            self.key = if want == Some(char) {
                KeyMatch::Prefix(n + 1)
            } else {
                KeyMatch::No
            };
        }
    }

    fn byte(&mut self, byte: u8) -> Result<(), JsonProblem> {
        let ws = matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
        match self.at {
            At::Start | At::Value => {
                if !ws {
                    self.value(byte)?;
                }
            }
            At::ValueOrClose => match byte {
                _ if ws => {}
                b']' => self.pop(false)?,
                _ => self.value(byte)?,
            },
            At::KeyOrClose | At::Key => match byte {
                _ if ws => {}
                b'"' => self.start_key(),
                b'}' if self.at == At::KeyOrClose => self.pop(true)?,
                _ => return Err(JsonProblem::Syntax),
            },
            At::Colon => match byte {
                _ if ws => {}
                b':' => self.at = At::Value,
                _ => return Err(JsonProblem::Syntax),
            },
            At::AfterValue => match byte {
                _ if ws => {}
                b',' if self.top_is_object() => self.at = At::Key,
                b',' => self.at = At::Value,
                b'}' => self.pop(true)?,
                b']' => self.pop(false)?,
                _ => return Err(JsonProblem::Syntax),
            },
            At::End => {
                if !ws {
                    return Err(JsonProblem::Syntax);
                }
            }
            At::Literal { rest } => match rest.split_first() {
                Some((want, rest)) if *want == byte => {
                    self.at = if rest.is_empty() {
                        if self.depth == 0 {
                            At::End
                        } else {
                            At::AfterValue
                        }
                    } else {
                        At::Literal { rest }
                    };
                }
                _ => return Err(JsonProblem::Syntax),
            },
            At::Number(num) => match num.next(byte) {
                Some(next) => self.at = At::Number(next),
                None if num.is_whole() => {
                    self.after_value();
                    return self.byte(byte);
                }
                None => return Err(JsonProblem::Syntax),
            },
            At::Str { key } => self.string_byte(key, byte)?,
            At::Escape { key } => {
                let decoded = match byte {
                    b'"' | b'\\' | b'/' => byte,
                    b'b' => 8,
                    b'f' => 12,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'u' => {
                        self.at = At::Unicode {
                            key,
                            left: 4,
                            code: 0,
                        };
                        return Ok(());
                    }
                    _ => return Err(JsonProblem::Syntax),
                };
                self.key_char(key, u32::from(decoded));
                self.at = At::Str { key };
            }
            At::Unicode { key, left, code } => {
                let digit = match byte {
                    b'0'..=b'9' => byte - b'0',
                    b'a'..=b'f' => byte - b'a' + 10,
                    b'A'..=b'F' => byte - b'A' + 10,
                    _ => return Err(JsonProblem::Syntax),
                };
                let code = (code << 4) | u16::from(digit);
                if left > 1 {
                    self.at = At::Unicode {
                        key,
                        left: left - 1,
                        code,
                    };
                } else {
                    // A surrogate half never equals an ASCII key character;
                    // JSON lets it stand alone (RFC 8259 section 8.2).
                    self.key_char(key, u32::from(code));
                    self.at = At::Str { key };
                }
            }
        }
        Ok(())
    }

    fn string_byte(&mut self, key: bool, byte: u8) -> Result<(), JsonProblem> {
        if self.utf8_left > 0 {
            if byte < self.utf8_low || byte > self.utf8_high {
                return Err(JsonProblem::NotUtf8);
            }
            self.utf8_left -= 1;
            self.utf8_low = 0x80;
            self.utf8_high = 0xBF;
            return Ok(());
        }
        match byte {
            b'"' => {
                if key {
                    self.ztp_value_next = self.key == KeyMatch::Prefix(3);
                    self.at = At::Colon;
                } else {
                    self.after_value();
                }
            }
            b'\\' => self.at = At::Escape { key },
            0..=0x1F => return Err(JsonProblem::Syntax),
            0x20..=0x7F => self.key_char(key, u32::from(byte)),
            _ => {
                // A multi-byte character: never part of `ztp`.
                self.key_char(key, u32::MAX);
                let (left, low, high) = match byte {
                    0xC2..=0xDF => (1, 0x80, 0xBF),
                    0xE0 => (2, 0xA0, 0xBF),
                    0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF),
                    0xED => (2, 0x80, 0x9F),
                    0xF0 => (3, 0x90, 0xBF),
                    0xF1..=0xF3 => (3, 0x80, 0xBF),
                    0xF4 => (3, 0x80, 0x8F),
                    _ => return Err(JsonProblem::NotUtf8),
                };
                self.utf8_left = left;
                self.utf8_low = low;
                self.utf8_high = high;
            }
        }
        Ok(())
    }
}

fn is_value_start(byte: u8) -> bool {
    matches!(byte, b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &[u8]) -> Result<(), JsonError> {
        let mut json = JsonCheck::new();
        json.feed(text);
        json.finish()
    }

    fn problem(text: &[u8]) -> Option<JsonProblem> {
        check(text).err().map(|e| e.problem)
    }

    #[test]
    fn s6_valid_documents() {
        for text in [
            &br#"{"ztp": {}}"#[..],
            br#" {"ztp":{"01-firmware":{"install":{"url":"http://x/a.bin"}}}} "#,
            br#"{"a": [1, -2.5e+3, true, false, null, "s\"\\\/\b\f\n\r\t\u00e9"], "ztp": {"k": []}}"#,
            br#"{"z\u0074p": {}}"#,
            "{\"ztp\": {\"é\": \"日本\"}}".as_bytes(),
            br#"{"ztp": 1, "ztp": {}}"#,
            b"{\"ztp\":{}}\n",
            br#"{"x": {"ztp": 1}, "ztp": {"0": 0}}"#,
        ] {
            assert_eq!(check(text), Ok(()), "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn s6_invalid_documents() {
        let cases: &[(&[u8], JsonProblem)] = &[
            (b"", JsonProblem::Truncated),
            (b"   ", JsonProblem::Truncated),
            (b"[]", JsonProblem::NotObject),
            (b"12", JsonProblem::NotObject),
            (b"\"ztp\"", JsonProblem::NotObject),
            (b"{}", JsonProblem::NoZtpKey),
            (br#"{"x": {"ztp": {}}}"#, JsonProblem::NoZtpKey),
            (br#"{"ztpx": {}}"#, JsonProblem::NoZtpKey),
            (br#"{"zt": {}}"#, JsonProblem::NoZtpKey),
            (br#"{"ztp": []}"#, JsonProblem::ZtpNotObject),
            (br#"{"ztp": {}, "ztp": "x"}"#, JsonProblem::ZtpNotObject),
            (br#"{"ztp": {}"#, JsonProblem::Truncated),
            (br#"{"ztp": {}}}"#, JsonProblem::Syntax),
            (br#"{"ztp": {},}"#, JsonProblem::Syntax),
            (br#"{"ztp" {}}"#, JsonProblem::Syntax),
            (br#"{"ztp": {"a": 01}}"#, JsonProblem::Syntax),
            (br#"{"ztp": {"a": 1.}}"#, JsonProblem::Syntax),
            (br#"{"ztp": {"a": tru}}"#, JsonProblem::Syntax),
            (br#"{"ztp": {"a": "\x"}}"#, JsonProblem::Syntax),
            (br#"{"ztp": {"a": "\u12g4"}}"#, JsonProblem::Syntax),
            (b"{\"ztp\": {\"a\": \"\x01\"}}", JsonProblem::Syntax),
            (b"{\"ztp\": {\"a\": \"\xff\"}}", JsonProblem::NotUtf8),
            (
                b"{\"ztp\": {\"a\": \"\xed\xa0\x80\"}}",
                JsonProblem::NotUtf8,
            ),
            (br#"{"ztp": {"a": [1, 2}}"#, JsonProblem::Syntax),
            (b"\xef\xbb\xbf{\"ztp\": {}}", JsonProblem::Syntax),
            (b"{'ztp': {}}", JsonProblem::Syntax),
        ];
        for (text, want) in cases {
            assert_eq!(
                problem(text),
                Some(*want),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn s6_nesting_is_bounded() {
        let deep = |n: usize| {
            let mut text = b"{\"ztp\": {}, \"a\": ".to_vec();
            text.extend(std::iter::repeat_n(b'[', n));
            text.extend(std::iter::repeat_n(b']', n));
            text.push(b'}');
            text
        };
        assert_eq!(check(&deep(127)), Ok(()));
        assert_eq!(problem(&deep(128)), Some(JsonProblem::TooDeep));
    }

    #[test]
    fn s6_error_offsets() {
        assert_eq!(
            check(br#"{"ztp": []}"#),
            Err(JsonError {
                offset: 8,
                problem: JsonProblem::ZtpNotObject
            })
        );
        assert_eq!(
            check(b"{\"a\" 1}"),
            Err(JsonError {
                offset: 5,
                problem: JsonProblem::Syntax
            })
        );
    }
}
