//! IPv6 address text (RFC 4291 §2.2, RFC 5952), read the way
//! `core::net::Ipv6Addr::from_str` reads it, in a fraction of its
//! instructions: option 59's server is parsed on every DHCPv6 reply.
//!
//! The algorithm is the standard library's (groups before and after one
//! `::`, at most 4 hex digits each, a trailing dotted IPv4 address in the
//! last two groups), over bytes; a test checks that both accept and reject
//! the same strings and agree on every address.

use core::net::Ipv6Addr;

/// A cursor over the text.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.at += usize::from(hit);
        hit
    }

    /// 1 to 4 hex digits (leading zeros allowed).
    fn hex_group(&mut self) -> Option<u16> {
        let start = self.at;
        let mut v: u16 = 0;
        while self.at - start < 4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => break,
            };
            v = (v << 4) | u16::from(d);
            self.at += 1;
        }
        (self.at > start).then_some(v)
    }

    /// A decimal octet: 1 to 3 digits, at most 255, no leading zero but
    /// in "0" itself.
    fn octet(&mut self) -> Option<u8> {
        let start = self.at;
        let mut v: u16 = 0;
        while self.at - start < 3 {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    if self.at > start && v == 0 {
                        return None;
                    }
                    v = v * 10 + u16::from(c - b'0');
                    self.at += 1;
                }
                _ => break,
            }
        }
        if self.at == start {
            return None;
        }
        u8::try_from(v).ok()
    }

    /// A dotted IPv4 address, as four bytes; the cursor is left where it
    /// was when there is none.
    fn ipv4(&mut self) -> Option<[u8; 4]> {
        let start = self.at;
        let mut out = [0u8; 4];
        for (i, slot) in out.iter_mut().enumerate() {
            if (i > 0 && !self.eat(b'.')) || {
                match self.octet() {
                    Some(o) => {
                        *slot = o;
                        false
                    }
                    None => true,
                }
            } {
                self.at = start;
                return None;
            }
        }
        Some(out)
    }

    /// Reads up to `groups.len()` groups, `:`-separated; how many, and
    /// whether the last two were an embedded IPv4 address.
    fn groups(&mut self, groups: &mut [u16]) -> (usize, bool) {
        let limit = groups.len();
        for i in 0..limit {
            let before = self.at;
            if i > 0 && !self.eat(b':') {
                return (i, false);
            }
            let start = self.at;
            match self.hex_group() {
                Some(g) => {
                    // A trailing IPv4 address (it needs two groups): tried
                    // only when a `.` follows digits, from their start.
                    if self.peek() == Some(b'.') && i + 1 < limit {
                        self.at = start;
                        if let Some([a, b, c, d]) = self.ipv4() {
                            if let Some(slot) = groups.get_mut(i) {
                                *slot = u16::from_be_bytes([a, b]);
                            }
                            if let Some(slot) = groups.get_mut(i + 1) {
                                *slot = u16::from_be_bytes([c, d]);
                            }
                            return (i + 2, true);
                        }
                        // Not an IPv4 address: the group as read.
                        let _ = self.hex_group();
                    }
                    if let Some(slot) = groups.get_mut(i) {
                        *slot = g;
                    }
                }
                None => {
                    self.at = before;
                    return (i, false);
                }
            }
        }
        (limit, false)
    }
}

/// Parses an IPv6 address written as text (no brackets, no zone).
pub(crate) fn parse(text: &str) -> Option<Ipv6Addr> {
    let mut c = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut head = [0u16; 8];
    let (head_len, head_v4) = c.groups(&mut head);
    if head_len < 8 {
        // IPv4 only at the very end, and `::` for one or more zero groups.
        if head_v4 || !c.eat(b':') || !c.eat(b':') {
            return None;
        }
        let mut tail = [0u16; 7];
        let limit = 8 - (head_len + 1);
        let (tail_len, _) = c.groups(tail.get_mut(..limit)?);
        head.get_mut(8 - tail_len..)?
            .copy_from_slice(tail.get(..tail_len)?);
    }
    (c.at == c.bytes.len()).then(|| Ipv6Addr::from(head))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::string::ToString;
    use core::str::FromStr;

    fn std(s: &str) -> Option<Ipv6Addr> {
        Ipv6Addr::from_str(s).ok()
    }

    #[test]
    fn r9_r22_the_forms_option_59_carries() {
        for s in [
            "2001:db8::1",
            "::",
            "::1",
            "fe80::1",
            "::ffff:192.0.2.1",
            "2001:DB8:0:0:0:0:0:1",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:192.0.2.1",
            "1::",
            "0001:0db8::",
        ] {
            assert_eq!(parse(s), std(s), "{s}");
            assert!(parse(s).is_some(), "{s}");
        }
        for s in [
            "",
            ":",
            ":::",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "12345::",
            "g::",
            "::ffff:1.2.3",
            "::ffff:01.2.3.4",
            "::1%eth0",
            "1:2:3:4:5:6:7::8:9",
            " ::1",
            "::1 ",
            "1.2.3.4",
            "::256.1.1.1",
            "1:2:3:4:5:6:7:1.2.3.4",
        ] {
            assert_eq!(parse(s), std(s), "{s}");
        }
    }

    #[test]
    fn r9_agrees_with_the_standard_library_on_generated_text() {
        // Strings over the characters an address uses, from a fixed
        // sequence (xorshift), and every address printed back.
        const CHARS: &[u8] = b"0123456789abcdefABCDEF:.:::g%";
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        // 200,000 (2,000 under Miri, where each costs a thousand times more).
        let rounds = if cfg!(miri) { 2_000 } else { 200_000 };
        for _ in 0..rounds {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| char::from(CHARS[(next() % CHARS.len() as u64) as usize]))
                .collect();
            assert_eq!(parse(&text), std(&text), "{text:?}");
            let addr = Ipv6Addr::from(u128::from(next()) << 64 | u128::from(next() & 0xffff));
            let printed = addr.to_string();
            assert_eq!(parse(&printed), Some(addr), "{printed}");
        }
    }
}
