//! Option 59, boot file URL (RFC 5970, R9):
//! `transfer-mode://[ipv6-address]:port/image-file`. The transfer mode and
//! the IPv6 address are required, the port is optional. The file server
//! must be an address literal: ZTP does not resolve names (R22).
//!
//! Decoding does not allocate: [`BootFileUrl`] splits the value in place
//! at its ASCII separators and keeps borrowed slices. The path is kept
//! exactly as given (no percent-decoding, no `.`/`..` resolution, `?` and
//! `#` not split off): the device asks the server for those bytes.
//! [`BootFileUrlRepr`] is the owned form, for servers. (A `url::Url` for
//! the same text is `ztp-fetch-url`'s business: this crate does not depend
//! on `url`.)

use alloc::string::String;
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use bytes::BufMut;

use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Item, Place, Result, UrlProblem,
};
use crate::family::Family;
use crate::suboption::{Port, TransferMode};
use crate::text::{Text, TrailingNul};

/// The option code.
pub(crate) const CODE: u16 = 59;

/// The parts of `scheme://authority/path`. The scheme ends at the first
/// `:` when a `://` is there (the usual case, without a substring search);
/// else at the first `://`; it is never empty. The authority runs to the
/// first `/` (or the end), the path is the rest.
///
/// Over bytes (issue 28): every separator is ASCII, so each split falls on
/// a character boundary of the checked string, and no character is decoded
/// (the nom grammar this replaces walked `char`s: about 300 instructions of
/// UTF-8 decoding per URL). `tests::split_agrees_with_the_grammar` holds
/// the two to the same answers.
fn split(url: &str) -> Option<(&str, &str, &str)> {
    let b = url.as_bytes();
    let scheme_end = match b.iter().position(|&c| c == b':') {
        Some(i) if i > 0 && b.get(i..i + 3) == Some(b"://") => i,
        _ => url.find("://").filter(|&i| i > 0)?,
    };
    let scheme = url.get(..scheme_end)?;
    let after = url.get(scheme_end + 3..)?;
    let slash = after.bytes().position(|c| c == b'/').unwrap_or(after.len());
    Some((scheme, after.get(..slash)?, after.get(slash..)?))
}

/// `[ipv6]` then an optional `:port`, the whole authority; the address and
/// the port's digits (if any). Over bytes, as [`split`].
fn bracketed(authority: &str) -> Option<(&str, Option<&str>)> {
    let inner = authority.strip_prefix('[')?;
    let close = inner.bytes().position(|c| c == b']')?;
    let literal = inner.get(..close)?;
    let after = inner.get(close + 1..)?;
    if after.is_empty() {
        return Some((literal, None));
    }
    Some((literal, Some(after.strip_prefix(':')?)))
}

/// A validated option 59 value, borrowed: transfer mode, IPv6 file server,
/// optional port, raw path.
///
/// ```
/// use ztp_options::{Family, Place, TransferMode, v6::BootFileUrl};
///
/// let at = Place::option(Family::V6, 59, 0);
/// let url = BootFileUrl::parse(b"http://[2001:db8::1]:8080/img/junos.tgz", at)?;
/// assert_eq!(url.transfer_mode(), TransferMode::Http); // R14
/// assert_eq!(url.server().to_string(), "2001:db8::1"); // R17
/// assert_eq!(url.port().map(|p| p.get()), Some(8080)); // R16
/// assert_eq!(url.image(), Some("/img/junos.tgz")); // R15
/// // R9: the address is required and must be bracketed.
/// assert!(BootFileUrl::parse(b"http://server.example/img.tgz", at).is_err());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootFileUrl<'a> {
    url: &'a str,
    transfer_mode: TransferMode,
    server: Ipv6Addr,
    port: Option<Port>,
    path: &'a str,
    trailing_nul: TrailingNul,
    at: Place,
}

impl<'a> BootFileUrl<'a> {
    /// Parses an option 59 value found at `at` (R9).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Empty`], [`DecodeErrorKind::ControlByte`],
    /// [`DecodeErrorKind::InvalidUtf8`] for text that is not a clean string
    /// (R7); [`DecodeErrorKind::BadUrl`] for anything else, with the
    /// [`UrlProblem`] and its index in the URL (a scheme other than `tftp`,
    /// `ftp`, `http`, `https`, a host name, an IPv4 literal, a bad port...).
    /// Every error is at the value's start.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let text = Text::parse(value, at)?;
        let url = text.as_str()?;
        let bad = |problem: UrlProblem, index: usize| {
            DecodeErrorKind::BadUrl {
                problem,
                index: u32::try_from(index).unwrap_or(u32::MAX),
                // The URL without a trailing NUL (R7), as it is quoted.
                len: u32::try_from(url.len()).unwrap_or(u32::MAX),
            }
            .at(at)
        };
        let (scheme, authority, path) = split(url).ok_or_else(|| bad(UrlProblem::NoScheme, 0))?;
        let transfer_mode = scheme
            .parse::<TransferMode>()
            .map_err(|_| bad(UrlProblem::UnknownScheme, 0))?;
        let host_at = scheme.len() + 3;
        if authority.as_bytes().contains(&b'@') {
            return Err(bad(UrlProblem::UserInfo, host_at));
        }
        if authority.is_empty() {
            return Err(bad(UrlProblem::NoServer, host_at));
        }
        let Some((literal, port)) = bracketed(authority) else {
            return Err(Self::unbracketed(authority, host_at, bad));
        };
        let server =
            super::ipv6::parse(literal).ok_or_else(|| bad(UrlProblem::BadIpv6, host_at + 1))?;
        let port = port
            .map(|digits| {
                // Only ASCII digits: `Port` accepts a trailing NUL, a URL
                // does not.
                let port_at = host_at + literal.len() + 3;
                digits
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| digits.parse::<Port>().ok())
                    .flatten()
                    .ok_or_else(|| bad(UrlProblem::BadPort, port_at))
            })
            .transpose()?;
        Ok(BootFileUrl {
            url,
            transfer_mode,
            server,
            port,
            path,
            trailing_nul: text.trailing_nul(),
            at,
        })
    }

    /// Why an authority that is not `[ipv6]:port` is wrong (cold path).
    #[cold]
    fn unbracketed(
        authority: &str,
        host_at: usize,
        bad: impl Fn(UrlProblem, usize) -> crate::DecodeError,
    ) -> crate::DecodeError {
        if let Some(bracketed) = authority.strip_prefix('[') {
            // The first thing wrong, left to right: the address, then what
            // follows the `]`.
            return match bracketed.split_once(']') {
                None => bad(UrlProblem::UnclosedBracket, host_at),
                Some((literal, _)) if literal.parse::<Ipv6Addr>().is_err() => {
                    bad(UrlProblem::BadIpv6, host_at + 1)
                }
                Some((literal, _)) => bad(UrlProblem::AfterServer, host_at + literal.len() + 2),
            };
        }
        if authority.parse::<Ipv6Addr>().is_ok() {
            return bad(UrlProblem::Unbracketed, host_at);
        }
        let host = authority.split_once(':').map_or(authority, |(h, _)| h);
        if host.is_empty() {
            bad(UrlProblem::NoServer, host_at)
        } else if host.parse::<Ipv4Addr>().is_ok() {
            bad(UrlProblem::Ipv4, host_at)
        } else {
            bad(UrlProblem::HostName, host_at)
        }
    }

    /// The whole URL, as sent (without a trailing NUL).
    pub fn as_str(&self) -> &'a str {
        self.url
    }

    /// The transfer mode: the URL's scheme (R14 when suboption 03 is absent).
    pub fn transfer_mode(&self) -> TransferMode {
        self.transfer_mode
    }

    /// The file server (R17).
    pub fn server(&self) -> Ipv6Addr {
        self.server
    }

    /// The port, when the URL names one (R16), even the mode's default.
    pub fn port(&self) -> Option<Port> {
        self.port
    }

    /// The path, raw: empty or starting with `/`, not percent-decoded,
    /// query and fragment (if any) included.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The image file name the path names (R15: suboption 00 or 04 beats
    /// it): the path, or `None` when it is empty or just `/`.
    pub fn image(&self) -> Option<&'a str> {
        Some(self.path).filter(|p| !p.is_empty() && *p != "/")
    }

    /// Whether the value ended in a NUL that was stripped (R7).
    pub fn trailing_nul(&self) -> TrailingNul {
        self.trailing_nul
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The owned form.
    pub fn to_repr(&self) -> BootFileUrlRepr {
        BootFileUrlRepr {
            transfer_mode: self.transfer_mode,
            server: self.server,
            port: self.port,
            path: self.path.into(),
        }
    }
}

impl fmt::Display for BootFileUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.url)
    }
}

/// An option 59 value, owned: what a server sends.
///
/// It is written `mode://[server]:port/path` (the port only when set), the
/// address in its canonical (RFC 5952) form; decoding what it writes gives
/// it back.
///
/// ```
/// use ztp_options::{Family, Place, TransferMode, v6::{BootFileUrl, BootFileUrlRepr}};
///
/// let repr = BootFileUrlRepr {
///     transfer_mode: TransferMode::Https,
///     server: "2001:db8::1".parse()?,
///     port: None,
///     path: "/img/evo.tgz".into(),
/// };
/// let mut value = Vec::new();
/// repr.put(&mut value)?;
/// assert_eq!(value, b"https://[2001:db8::1]/img/evo.tgz");
/// let back = BootFileUrl::parse(&value, Place::option(Family::V6, 59, 0))?;
/// assert_eq!(back.to_repr(), repr);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BootFileUrlRepr {
    /// The transfer mode, written as the scheme.
    pub transfer_mode: TransferMode,
    /// The file server.
    pub server: Ipv6Addr,
    /// The port, when one is to be written.
    pub port: Option<Port>,
    /// The path: empty, or starting with `/`; no control bytes.
    pub path: String,
}

const ITEM: Item = Item::option(Family::V6, CODE);

impl BootFileUrlRepr {
    fn check(&self) -> core::result::Result<(), EncodeError> {
        if !(self.path.is_empty() || self.path.starts_with('/')) {
            return Err(EncodeError::new(ITEM, EncodeErrorKind::BadPath));
        }
        if let Some(index) = self.path.bytes().position(|b| b < 0x20 || b == 0x7f) {
            let kind = DecodeErrorKind::ControlByte {
                byte: self.path.as_bytes().get(index).copied().unwrap_or(0),
                index: u32::try_from(index).unwrap_or(u32::MAX),
                len: u32::try_from(self.path.len()).unwrap_or(u32::MAX),
            };
            return Err(EncodeError::new(ITEM, EncodeErrorKind::BadText { kind }));
        }
        Ok(())
    }

    /// The length of the option 59 value [`BootFileUrlRepr::put`] writes.
    ///
    /// # Errors
    ///
    /// As [`BootFileUrlRepr::put`].
    pub fn buffer_len(&self) -> core::result::Result<usize, EncodeError> {
        self.check()?;
        let mut counter = Counter(0);
        // Counting never fails.
        let _ = fmt::write(&mut counter, format_args!("{self}"));
        super::message::check_len(ITEM, counter.0)?;
        Ok(counter.0)
    }

    /// Appends the option 59 value (the URL, no NUL) to `buf`.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BadPath`] or [`EncodeErrorKind::BadText`] for a
    /// path that would not decode again, [`EncodeErrorKind::TooLong`] over
    /// 65535 bytes, [`EncodeErrorKind::BufferTooSmall`]; nothing is written
    /// then.
    pub fn put<B: BufMut>(&self, buf: &mut B) -> core::result::Result<(), EncodeError> {
        let needed = self.buffer_len()?;
        crate::emit::room(Family::V6, buf, needed)?;
        let mut w = Writer(buf);
        // The room is checked: writing cannot fail.
        let _ = fmt::write(&mut w, format_args!("{self}"));
        Ok(())
    }
}

impl fmt::Display for BootFileUrlRepr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://[{}]", self.transfer_mode, self.server)?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        f.write_str(&self.path)
    }
}

struct Counter(usize);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 = self.0.saturating_add(s.len());
        Ok(())
    }
}

struct Writer<'b, B>(&'b mut B);

impl<B: BufMut> fmt::Write for Writer<'_, B> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.put_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for BootFileUrlRepr {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        const CHARS: &[char] = &[
            'a', 'z', 'A', 'Z', '0', '9', '/', '.', '-', '_', ':', ' ', '%', '?', '#', 'é', '[',
            ']', '@',
        ];
        let mut path = String::new();
        if u.arbitrary()? {
            path.push('/');
            for _ in 0..u.int_in_range(0..=64)? {
                path.push(*u.choose(CHARS)?);
            }
        }
        Ok(BootFileUrlRepr {
            transfer_mode: u.arbitrary()?,
            server: Ipv6Addr::from(u.arbitrary::<u128>()?),
            port: u.arbitrary()?,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{bracketed, split};
    use alloc::string::String;
    use nom::Parser as _;

    /// The nom grammar the byte splitter replaced (issue 28), as it was.
    fn split_nom(url: &str) -> Option<(&str, &str, &str)> {
        use nom::bytes::complete::{tag, take_till, take_until};
        use nom::combinator::{rest, verify};
        use nom::sequence::terminated;
        let first_colon = verify(take_till::<_, _, ()>(|c| c == ':'), |s: &str| !s.is_empty());
        let first_sep = verify(take_until::<_, _, ()>("://"), |s: &str| !s.is_empty());
        let authority = || take_till(|c| c == '/');
        (terminated(first_colon, tag("://")), authority(), rest)
            .parse_complete(url)
            .or_else(|_| (terminated(first_sep, tag("://")), authority(), rest).parse_complete(url))
            .ok()
            .map(|(_, parts)| parts)
    }

    fn bracketed_nom(authority: &str) -> Option<(&str, Option<&str>)> {
        use nom::bytes::complete::{tag, take_till};
        use nom::combinator::{all_consuming, opt, rest};
        use nom::sequence::{delimited, preceded};
        all_consuming((
            delimited(tag("["), take_till::<_, _, ()>(|c| c == ']'), tag("]")),
            opt(preceded(tag(":"), rest)),
        ))
        .parse_complete(authority)
        .ok()
        .map(|(_, parts)| parts)
    }

    #[test]
    fn split_agrees_with_the_grammar() {
        // Strings over the separators, a letter and a two-byte character,
        // from a fixed sequence (xorshift).
        const PIECES: &[&str] = &[":", "/", "[", "]", "@", "a", "1", "é", "://", ":8"];
        let mut s = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let rounds = if cfg!(miri) { 1_000 } else { 100_000 };
        for _ in 0..rounds {
            let len = (next() % 12) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(split(&text), split_nom(&text), "{text:?}");
            assert_eq!(bracketed(&text), bracketed_nom(&text), "{text:?}");
        }
        for url in [
            "http://[2001:db8::1]:8080/img/junos.tgz",
            "tftp://[::1]",
            "://x",
            "h:x://[::1]/p",
            "http:/x",
            "",
        ] {
            assert_eq!(split(url), split_nom(url), "{url:?}");
        }
    }
}
