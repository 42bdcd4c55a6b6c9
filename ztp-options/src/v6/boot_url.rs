//! Option 59, boot file URL (RFC 5970, R9):
//! `transfer-mode://[ipv6-address]:port/image-file`. The transfer mode and
//! the IPv6 address are required, the port is optional. The file server
//! must be an address literal: ZTP does not resolve names (R22).
//!
//! Decoding does not allocate: [`BootFileUrl`] splits the value in place and
//! keeps borrowed slices. The path is kept exactly as given (no
//! percent-decoding, no `.`/`..` resolution, `?` and `#` not split off):
//! the device asks the server for those bytes. [`BootFileUrl::to_url`]
//! gives the same URL as a [`url::Url`] (which does normalise), and
//! [`BootFileUrlRepr`] is the owned form, for servers.

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use bytes::BufMut;

use crate::error::{Error, Excerpt, Family, LengthRule, Place, Result};
use crate::suboption::{Port, TransferMode};
use crate::text::{Text, TrailingNul};

/// The option code.
pub(crate) const CODE: u16 = 59;

/// What is wrong with an option 59 value that is not a boot file URL, in
/// [`Error::BadUrl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum UrlProblem {
    /// No `scheme://` at the start.
    NoScheme,
    /// Nothing between `://` and the path.
    NoServer,
    /// A `[` with no `]`.
    UnclosedBracket,
    /// Brackets around something that is not an IPv6 address (a zone id
    /// such as `%eth0` included).
    BadIpv6,
    /// An IPv6 address without the brackets a URL needs (R22).
    Unbracketed,
    /// A user name or password (`user@`): FTP is anonymous (R23), and the
    /// other modes take none.
    UserInfo,
    /// Something other than `:port` or `/` after the `]`.
    AfterServer,
    /// A path that does not start with `/` (encoder only).
    BadPath,
    /// The `url` crate rejects it ([`BootFileUrl::to_url`] only).
    Rejected,
}

impl UrlProblem {
    /// The lowercase description used in [`Error::BadUrl`]'s message.
    pub const fn as_str(self) -> &'static str {
        match self {
            UrlProblem::NoScheme => "no transfer-mode:// scheme",
            UrlProblem::NoServer => "no file server",
            UrlProblem::UnclosedBracket => "no ] after the ipv6 address",
            UrlProblem::BadIpv6 => "not an ipv6 address between the brackets",
            UrlProblem::Unbracketed => "the ipv6 address must be in brackets",
            UrlProblem::UserInfo => "user name or password in the url",
            UrlProblem::AfterServer => "neither :port nor / after the server",
            UrlProblem::BadPath => "the path must be empty or start with /",
            UrlProblem::Rejected => "rejected by the url parser",
        }
    }
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A validated option 59 value, borrowed: transfer mode, IPv6 file server,
/// optional port, raw path.
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
    /// [`Error::Empty`], [`Error::ControlByte`], [`Error::InvalidUtf8`] for
    /// text that is not a clean string (R7); [`Error::UnknownTransferMode`]
    /// for a scheme other than `tftp`, `ftp`, `http`, `https` (lowercase);
    /// [`Error::HostName`] for a host name, [`Error::NotIpv6`] for an IPv4
    /// literal; [`Error::BadPort`] for a port that is not 1..=65535;
    /// [`Error::BadUrl`] for anything else (see [`UrlProblem`]). Each names
    /// the offending value and points at it.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let text = Text::parse(value, at)?;
        let url = text.as_str()?;
        let bad = |problem: UrlProblem, offset: usize| Error::BadUrl {
            at: at.shifted(offset),
            problem,
            value: Excerpt::new(url.as_bytes()),
        };
        let (scheme, rest) = url
            .split_once("://")
            .filter(|(scheme, _)| !scheme.is_empty())
            .ok_or_else(|| bad(UrlProblem::NoScheme, 0))?;
        let transfer_mode = TransferMode::parse(scheme.as_bytes(), at)?;
        let host_at = scheme.len().saturating_add(3);
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(bad(UrlProblem::UserInfo, host_at));
        }
        if authority.is_empty() {
            return Err(bad(UrlProblem::NoServer, host_at));
        }
        let (server, port) = match authority.strip_prefix('[') {
            Some(bracketed) => {
                let (literal, after) = bracketed
                    .split_once(']')
                    .ok_or_else(|| bad(UrlProblem::UnclosedBracket, host_at))?;
                let server = literal
                    .parse::<Ipv6Addr>()
                    .map_err(|_| bad(UrlProblem::BadIpv6, host_at.saturating_add(1)))?;
                let after_at = host_at.saturating_add(literal.len()).saturating_add(2);
                let port = match after {
                    "" => None,
                    _ => match after.strip_prefix(':') {
                        Some(digits) => Some(Port::parse(
                            digits.as_bytes(),
                            at.shifted(after_at.saturating_add(1)),
                        )?),
                        None => return Err(bad(UrlProblem::AfterServer, after_at)),
                    },
                };
                (server, port)
            }
            None => {
                if authority.parse::<Ipv6Addr>().is_ok() {
                    return Err(bad(UrlProblem::Unbracketed, host_at));
                }
                let host = authority
                    .split_once(':')
                    .map_or(authority, |(host, _)| host);
                let value = Excerpt::new(host.as_bytes());
                let at = at.shifted(host_at);
                return Err(if host.parse::<Ipv4Addr>().is_ok() {
                    Error::NotIpv6 { at, value }
                } else if host.is_empty() {
                    bad(UrlProblem::NoServer, host_at)
                } else {
                    Error::HostName { at, value }
                });
            }
        };
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

    /// The URL as a [`url::Url`], which normalises it (percent-encoding,
    /// dot segments, a default port dropped). This allocates.
    ///
    /// # Errors
    ///
    /// [`Error::BadUrl`] with [`UrlProblem::Rejected`] in the unlikely case
    /// the `url` crate rejects what this decoder accepted.
    pub fn to_url(&self) -> Result<url::Url> {
        url::Url::parse(self.url).map_err(|_| Error::BadUrl {
            at: self.at,
            problem: UrlProblem::Rejected,
            value: Excerpt::new(self.url.as_bytes()),
        })
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

impl BootFileUrlRepr {
    fn check(&self) -> Result<()> {
        let at = Place::option(Family::V6, CODE, 0);
        if !(self.path.is_empty() || self.path.starts_with('/')) {
            return Err(Error::BadUrl {
                at,
                problem: UrlProblem::BadPath,
                value: Excerpt::new(self.path.as_bytes()),
            });
        }
        if let Some(pos) = self.path.bytes().position(|b| b < 0x20 || b == 0x7f) {
            return Err(Error::ControlByte {
                at: at.shifted(pos),
                byte: self.path.as_bytes().get(pos).copied().unwrap_or(0),
                value: Excerpt::new(self.path.as_bytes()),
            });
        }
        Ok(())
    }

    /// The length of the option 59 value [`BootFileUrlRepr::put`] writes.
    ///
    /// # Errors
    ///
    /// As [`BootFileUrlRepr::put`].
    pub fn buffer_len(&self) -> Result<usize> {
        self.check()?;
        let mut counter = Counter(0);
        fmt::write(&mut counter, format_args!("{self}")).map_err(|_| Error::BufferTooSmall {
            needed: usize::MAX,
            available: 0,
        })?;
        if counter.0 > usize::from(u16::MAX) {
            return Err(Error::TooLong {
                at: Place::option(Family::V6, CODE, 0),
                len: counter.0,
                expected: LengthRule::AtMost(usize::from(u16::MAX)),
            });
        }
        Ok(counter.0)
    }

    /// Appends the option 59 value (the URL, no NUL) to `buf`.
    ///
    /// # Errors
    ///
    /// [`Error::BadUrl`] ([`UrlProblem::BadPath`]) or [`Error::ControlByte`]
    /// for a path that would not decode again, [`Error::TooLong`] over 65535
    /// bytes, [`Error::BufferTooSmall`]; nothing is written then.
    pub fn put<B: BufMut>(&self, buf: &mut B) -> Result<()> {
        let needed = self.buffer_len()?;
        crate::emit::room(buf, needed)?;
        let mut w = Writer(buf);
        fmt::write(&mut w, format_args!("{self}")).map_err(|_| Error::BufferTooSmall {
            needed,
            available: 0,
        })
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
