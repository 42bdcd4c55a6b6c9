//! The text of a fetch URL, built from parts that are already checked (a
//! transfer mode, an IP address, a port, a path), without parsing it back.
//!
//! The result is exactly what the `url` crate serialises for
//! `Url::parse("{mode}://{host}/")`, `set_port`, `set_path(path)`: the
//! WHATWG host serialisation (IPv6 compressed, in brackets), the port only
//! when it is not the mode's default, and the path parsed as the WHATWG
//! path state does in a setter (tab and newlines dropped, the path
//! percent-encode set encoded, `\` a separator in the special schemes
//! ftp/http/https, `.` and `..` segments resolved). The `url-reference`
//! feature keeps the `url` crate builder, and the tests check the two
//! agree on generated plans and paths.

use core::fmt::Write as _;
use core::net::{IpAddr, Ipv6Addr};

use ztp_options::TransferMode;

/// Writes `addr` as the WHATWG URL standard serialises an IPv6 host (the
/// first longest run of two or more zero pieces compressed, lowercase hex,
/// no dotted IPv4 tail, unlike `Ipv6Addr`'s `Display`).
fn push_ipv6(out: &mut String, addr: Ipv6Addr) {
    let pieces = addr.segments();
    // The first longest run of at least two zero pieces.
    let (mut best_at, mut best_len) = (None, 1usize);
    let mut i = 0;
    while i < pieces.len() {
        if pieces.get(i) == Some(&0) {
            let start = i;
            while pieces.get(i) == Some(&0) {
                i += 1;
            }
            if i - start > best_len {
                best_at = Some(start);
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    let mut ignore0 = false;
    for (i, piece) in pieces.iter().enumerate() {
        if ignore0 && *piece == 0 {
            continue;
        }
        ignore0 = false;
        if best_at == Some(i) {
            out.push_str(if i == 0 { "::" } else { ":" });
            ignore0 = true;
            continue;
        }
        let _ = write!(out, "{piece:x}");
        if i != 7 {
            out.push(':');
        }
    }
}

/// Whether `c` is in the WHATWG path percent-encode set (C0 controls,
/// DEL, space, `"`, `#`, `<`, `>`, `?`, `` ` ``, `{`, `}`); every
/// non-ASCII byte is encoded too.
const fn in_path_set(b: u8) -> bool {
    matches!(
        b,
        0x00..=0x1f | 0x7f | b' ' | b'"' | b'#' | b'<' | b'>' | b'?' | b'`' | b'{' | b'}'
    ) || b >= 0x80
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Appends `text` percent-encoded with the path set, tab and newlines
/// dropped; runs of bytes that need nothing are copied at once.
fn push_encoded(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let drop = matches!(b, b'\t' | b'\n' | b'\r');
        if !drop && !in_path_set(b) {
            continue;
        }
        // Bytes before `i` since `plain` are ASCII outside the set: a
        // whole str.
        out.push_str(text.get(plain..i).unwrap_or(""));
        plain = i + 1;
        if !drop {
            out.push('%');
            out.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out.push_str(text.get(plain..).unwrap_or(""));
}

fn is_double_dot(segment: &str) -> bool {
    segment.len() <= 6
        && ["..", "%2e%2e", "%2e.", ".%2e"]
            .iter()
            .any(|d| segment.eq_ignore_ascii_case(d))
}

fn is_single_dot(segment: &str) -> bool {
    segment.len() <= 3 && matches!(segment, "." | "%2e" | "%2E")
}

/// `s` starts with `/`, `\`, `?` or `#` then a Windows drive letter
/// (`/c:`, `/a|/`): the `url` crate keeps the slash before such a segment
/// in every scheme.
fn path_starts_with_windows_drive_letter(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(b'/' | b'\\' | b'?' | b'#'))
        && b.get(1).is_some_and(u8::is_ascii_alphabetic)
        && matches!(b.get(2), Some(b':' | b'|'))
        && matches!(b.get(3), None | Some(b'/' | b'\\' | b'?' | b'#'))
}

/// Appends the path (`path` starts with `/`) to `out`, which holds the
/// scheme and authority.
fn push_path(out: &mut String, path: &str, special: bool) {
    let path_start = out.len();
    out.push('/');
    let mut rest = path.strip_prefix('/').unwrap_or(path);
    loop {
        let segment_start = out.len();
        let end = rest
            .bytes()
            .position(|b| b == b'/' || (special && b == b'\\'));
        let (segment, ends_with_slash) = match end {
            Some(at) => (rest.get(..at).unwrap_or(""), true),
            None => (rest, false),
        };
        push_encoded(out, segment);
        if ends_with_slash {
            out.push('/');
        }
        rest = match end {
            Some(at) => rest.get(at + 1..).unwrap_or(""),
            None => "",
        };
        let segment_end = out.len() - usize::from(ends_with_slash);
        let segment = out.get(segment_start..segment_end).unwrap_or("");
        if is_double_dot(segment) {
            out.truncate(segment_start);
            if out.ends_with('/') && last_slash_can_be_removed(out, path_start) {
                out.pop();
            }
            // Shorten the path: drop its last segment, never the root.
            if out.len() > path_start
                && let Some(slash) = out.get(path_start..).and_then(|p| p.rfind('/'))
            {
                out.truncate(path_start + slash + 1);
            }
            if ends_with_slash && !out.ends_with('/') {
                out.push('/');
            }
        } else if is_single_dot(segment) {
            out.truncate(segment_start);
            if !out.ends_with('/') {
                out.push('/');
            }
        }
        if !ends_with_slash {
            break;
        }
    }
}

fn last_slash_can_be_removed(out: &str, path_start: usize) -> bool {
    let before = out.get(..out.len().saturating_sub(1)).unwrap_or("");
    match before.rfind('/') {
        Some(at) => {
            at >= path_start && !path_starts_with_windows_drive_letter(out.get(at..).unwrap_or(""))
        }
        None => false,
    }
}

/// Writes `n` in decimal (what `Display` writes, without the formatter).
fn push_decimal(out: &mut String, n: u16) {
    let mut digits = [0u8; 5];
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
    for d in digits.get(at..).unwrap_or(&[]) {
        out.push(char::from(*d));
    }
}

/// The URL text and where its path starts.
pub(crate) fn url_text(
    mode: TransferMode,
    server: IpAddr,
    port: Option<u16>,
    path: &str,
) -> (String, usize) {
    let mut out = String::with_capacity(mode.as_str().len() + 3 + 41 + 6 + path.len() + 8);
    out.push_str(mode.as_str());
    out.push_str("://");
    match server {
        IpAddr::V4(a) => {
            for (i, octet) in a.octets().into_iter().enumerate() {
                if i > 0 {
                    out.push('.');
                }
                push_decimal(&mut out, u16::from(octet));
            }
        }
        IpAddr::V6(a) => {
            out.push('[');
            push_ipv6(&mut out, a);
            out.push(']');
        }
    }
    if let Some(p) = port {
        out.push(':');
        push_decimal(&mut out, p);
    }
    let path_start = out.len();
    push_path(&mut out, path, mode != TransferMode::Tftp);
    (out, path_start)
}
