//! A JSON writer for the hot path of `ztp explain --json`: keys are
//! written as they are (they are ASCII identifiers of ours), strings are
//! escaped exactly as serde_json escapes them, `Display` values are
//! escaped as they are formatted, straight into the line's buffer. The
//! tests check it writes the same bytes as serde_json for every report.

use std::fmt::{self, Write as _};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether any byte of the little-endian word `w` needs escaping: below
/// 0x20, `"` or `\` (the classic "has a byte less than n" and "has a
/// zero byte" tricks, eight bytes at a time).
const fn word_needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let q = w ^ (ONES * b'"' as u64);
    let quote = q.wrapping_sub(ONES) & !q & HIGH;
    let b = w ^ (ONES * b'\\' as u64);
    let backslash = b.wrapping_sub(ONES) & !b & HIGH;
    (below_space | quote | backslash) != 0
}

/// Appends `s` escaped (no quotes): `"` and `\` and the C0 controls, as
/// serde_json does (`\b \t \n \f \r`, else `\u00XX`). Runs of bytes
/// that need nothing (found eight at a time) are copied at once.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // The common case: nothing to escape.
    let mut clean = 0;
    for chunk in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if word_needs_escape(w) {
            break;
        }
        clean += 8;
    }
    if clean == bytes.len() - bytes.len() % 8
        && !bytes
            .get(clean..)
            .unwrap_or(&[])
            .iter()
            .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
    {
        out.extend_from_slice(bytes);
        return;
    }
    out.extend_from_slice(bytes.get(..clean).unwrap_or(&[]));
    let rest = bytes.get(clean..).unwrap_or(&[]);
    let mut plain = 0;
    for (i, &b) in rest.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(rest.get(plain..i).unwrap_or(&[]));
        plain = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
                out.push(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0'));
            }
        }
    }
    out.extend_from_slice(rest.get(plain..).unwrap_or(&[]));
}

/// A `fmt::Write` that escapes what it is given into the buffer.
struct Escaped<'o>(&'o mut Vec<u8>);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// A JSON string.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into(out, s);
    out.push(b'"');
}

/// A `Display` value as a JSON string.
pub(crate) fn display(out: &mut Vec<u8>, v: impl fmt::Display) {
    out.push(b'"');
    let _ = write!(Escaped(out), "{v}");
    out.push(b'"');
}

/// A JSON string, or `null`.
pub(crate) fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => null(out),
    }
}

/// `null`.
pub(crate) fn null(out: &mut Vec<u8>) {
    out.extend_from_slice(b"null");
}

/// `true` or `false`.
pub(crate) fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// An unsigned integer.
pub(crate) fn uint(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(at..).unwrap_or(&[]));
}

/// An object being written: `key` writes the separator and the key.
pub(crate) struct Object {
    first: bool,
}

impl Object {
    /// Writes `{`.
    pub(crate) fn open(out: &mut Vec<u8>) -> Object {
        out.push(b'{');
        Object { first: true }
    }

    /// Writes `,"key":` (no comma before the first).
    pub(crate) fn key(&mut self, out: &mut Vec<u8>, key: &'static str) {
        if !self.first {
            out.push(b',');
        }
        self.first = false;
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
    }

    /// Writes `}`.
    pub(crate) fn close(self, out: &mut Vec<u8>) {
        out.push(b'}');
    }
}

/// An array of `items`, each written by `each`.
pub(crate) fn array<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut each: impl FnMut(&mut Vec<u8>, T),
) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all: String = (0u8..=0x7f)
            .map(char::from)
            .chain(['é', '€', '\u{2028}', '😀'])
            .collect();
        for s in [all.as_str(), "", "plain", "a\"b\\c\u{1}\u{1f}\u{7f}"] {
            let mut ours = Vec::new();
            string(&mut ours, s);
            assert_eq!(ours, serde_json::to_vec(s).unwrap(), "{s:?}");
            let mut shown = Vec::new();
            display(&mut shown, s);
            assert_eq!(shown, ours);
        }
        // A byte that needs escaping at every place of strings of every
        // length around the eight-byte words.
        for len in 0..20 {
            for at in 0..len {
                for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', '\u{7f}', 'é'] {
                    let s: String = (0..len)
                        .map(|i| if i == at { special } else { 'a' })
                        .collect();
                    let mut ours = Vec::new();
                    string(&mut ours, &s);
                    assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
                }
            }
        }
        for n in [0u64, 7, 10, 65535, u64::MAX] {
            let mut ours = Vec::new();
            uint(&mut ours, n);
            assert_eq!(ours, serde_json::to_vec(&n).unwrap());
        }
    }
}
