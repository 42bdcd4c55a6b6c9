//! A JSON writer for the hot path of `ztp explain --json`: keys are
//! written as they are (they are ASCII identifiers of ours), strings are
//! escaped exactly as serde_json escapes them, `Display` values are
//! formatted straight into the line's buffer and escaped there only when a
//! byte needs it. The
//! tests check it writes the same bytes as serde_json for every report.

use std::fmt::{self, Write as _};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` escaped (no quotes): `"` and `\` and the C0 controls, as
/// serde_json does (`\b \t \n \f \r`, else `\u00XX`). Runs of bytes
/// that need nothing (found sixteen at a time) are copied at once.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    escape_bytes(out, s.as_bytes());
}

/// Whether one byte needs escaping (no short circuit: the block scan
/// below is vectorised).
const fn byte_needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// How many bytes at the start of `bytes` are whole 16-byte blocks that
/// need no escaping: each block is folded without an early exit, which
/// LLVM turns into a few vector compares (a word-at-a-time SWAR scan and
/// a byte loop both cost more).
fn clean_words(bytes: &[u8]) -> usize {
    let mut n = 0;
    for block in bytes.chunks_exact(16) {
        if block
            .iter()
            .fold(false, |any, &b| any | byte_needs_escape(b))
        {
            break;
        }
        n += 16;
    }
    n
}

/// [`escape_into`] over the bytes of a `str` (escaping is byte by byte:
/// every byte it rewrites is ASCII, so UTF-8 stays whole). Clean runs are
/// found sixteen bytes at a time and copied at once; only the block that holds
/// a byte to escape is looked at byte by byte.
fn escape_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut rest = bytes;
    loop {
        let clean = clean_words(rest);
        let next = rest
            .get(clean..)
            .and_then(|tail| tail.iter().position(|&b| byte_needs_escape(b)));
        let Some(at) = next.map(|p| clean + p) else {
            out.extend_from_slice(rest);
            return;
        };
        out.extend_from_slice(rest.get(..at).unwrap_or(&[]));
        let b = rest.get(at).copied().unwrap_or(0);
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
        rest = rest.get(at + 1..).unwrap_or(&[]);
    }
}

/// A `fmt::Write` that appends what it is given to the buffer as it is.
struct Raw<'o>(&'o mut Vec<u8>);

impl fmt::Write for Raw<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
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
    display_less(out, v, "");
}

/// A `Display` value as a JSON string, less `suffix` where the text ends
/// with it.
pub(crate) fn display_less(out: &mut Vec<u8>, v: impl fmt::Display, suffix: &str) {
    out.push(b'"');
    // Formatted as it is, then escaped in place from the first byte that
    // needs it: a sentence is written in many small pieces, and escaping
    // each piece as it came cost more than the one pass over the whole.
    let start = out.len();
    let _ = write!(Raw(out), "{v}");
    if out.len() - start >= suffix.len() && out.ends_with(suffix.as_bytes()) {
        out.truncate(out.len() - suffix.len());
    }
    escape_tail(out, start);
    out.push(b'"');
}

/// A JSON string of text that `write` appends (escaped in place after).
pub(crate) fn text_with(out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
    out.push(b'"');
    let start = out.len();
    write(out);
    escape_tail(out, start);
    out.push(b'"');
}

std::thread_local! {
    /// The text after the first byte to escape, copied out while it is
    /// escaped back into the line (reused: no allocation per string).
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Escapes `out[start..]` in place: the clean head (found sixteen bytes at
/// a time) stays where it is; only the text from the first byte that
/// needs escaping is copied out and escaped back.
fn escape_tail(out: &mut Vec<u8>, start: usize) {
    let tail = out.get(start..).unwrap_or(&[]);
    let clean = clean_words(tail);
    let Some(first) = tail
        .get(clean..)
        .and_then(|t| t.iter().position(|&b| byte_needs_escape(b)))
        .map(|p| start + clean + p)
    else {
        return;
    };
    SCRATCH.with_borrow_mut(|raw| {
        raw.clear();
        raw.extend_from_slice(out.get(first..).unwrap_or(&[]));
        out.truncate(first);
        escape_bytes(out, raw);
    });
}

/// A JSON string of ours that needs no escaping (an enum's name, a
/// decision's kind, a label): copied as it is. The tests hold every such
/// string to that (a debug assertion).
pub(crate) fn ident(out: &mut Vec<u8>, s: &'static str) {
    debug_assert!(!s.bytes().any(byte_needs_escape), "{s:?} needs escaping");
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
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

/// An object's key, framed as `,"name":` at compile time by [`key!`].
#[derive(Clone, Copy)]
pub(crate) struct Key(pub(crate) &'static str);

/// The [`Key`] `name` (an identifier of ours: nothing to escape).
macro_rules! key {
    ($name:literal) => {
        $crate::json::Key(concat!(",\"", $name, "\":"))
    };
}
pub(crate) use key;

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

    /// Writes `,"key":` (no comma before the first), in one copy.
    pub(crate) fn key(&mut self, out: &mut Vec<u8>, key: Key) {
        let framed = if self.first {
            self.first = false;
            key.0.get(1..).unwrap_or("")
        } else {
            key.0
        };
        out.extend_from_slice(framed.as_bytes());
    }

    /// Writes `,"key":` for a key known only at run time (escaped).
    pub(crate) fn key_str(&mut self, out: &mut Vec<u8>, key: &str) {
        if !std::mem::take(&mut self.first) {
            out.push(b',');
        }
        string(out, key);
        out.push(b':');
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
        // length around the 16-byte blocks.
        for len in 0..40 {
            for at in 0..len {
                for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', '\u{7f}', 'é'] {
                    let s: String = (0..len)
                        .map(|i| if i == at { special } else { 'a' })
                        .collect();
                    let mut ours = Vec::new();
                    string(&mut ours, &s);
                    assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
                    let mut shown = b"prefix".to_vec();
                    display(&mut shown, &s);
                    assert_eq!(shown.get(6..), Some(ours.as_slice()), "{s:?}");
                }
            }
        }
        // Two to escape in one word, escapes in every word, and text that
        // display writes in pieces.
        for s in [
            "\"\"",
            "\"abcdefgh\"ijklmnop\"",
            "\\\\\\\\\\\\\\\\\\",
            "é\"😀\n",
        ] {
            let mut shown = Vec::new();
            display(&mut shown, format_args!("{s}{s}"));
            assert_eq!(
                shown,
                serde_json::to_vec(&format!("{s}{s}")).unwrap(),
                "{s:?}"
            );
        }
        for n in [0u64, 7, 10, 65535, u64::MAX] {
            let mut ours = Vec::new();
            uint(&mut ours, n);
            assert_eq!(ours, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn display_less_drops_the_suffix_only_where_the_text_ends_with_it() {
        for (text, want) in [
            ("a \"b\" (choice)", "a \"b\""),
            (" (choice)", ""),
            ("(choice)", "(choice)"),
            ("a (choice) b", "a (choice) b"),
        ] {
            let mut ours = Vec::new();
            display_less(&mut ours, text, " (choice)");
            assert_eq!(ours, serde_json::to_vec(want).unwrap(), "{text:?}");
        }
    }
}
