//! The Secure ZTP redirect (RFC 8572 §8.3): DHCPv4 option 143 and DHCPv6
//! option 136, a list of bootstrap servers the device contacts over HTTPS
//! (R31). The list is independent of the option 43/17 plan: a lease may
//! carry either or both (R32).
//!
//! The value is `uri-length(2, network order) URI`, repeated, each URI of
//! the form `https://<ip-address-or-hostname>[:<port>]`. Here a host name is
//! fine (unlike the ZTP file server, R3): it is the device's HTTPS client
//! that resolves it. The DHCPv4 option may be longer than 255 bytes and is
//! then split into several instances (RFC 3396, R2), which
//! [`v4::Lease`](crate::v4::Lease) joins.
//!
//! - [`Redirect`]: the borrowed, checked view of an option value; its
//!   [`servers`](Redirect::servers) are [`BootstrapServer`]s, each URI typed
//!   ([`Host`], [`Port`]) and borrowed.
//! - [`RedirectRepr`]: the owned list (never empty) of
//!   [`BootstrapServerBuf`]s, which encodes into the caller's buffer.
//!
//! ```
//! use ztp_options::Family;
//! use ztp_options::sztp::{Host, Redirect, RedirectRepr};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let list: RedirectRepr = "https://sztp.example.net, https://[2001:db8::5]:8443".parse()?;
//! let mut value = vec![0; list.buffer_len(Family::V6)?];
//! list.emit(Family::V6, &mut value)?;
//! assert_eq!(&value[..2], [0, 24]); // uri-length of the first URI
//!
//! let redirect = Redirect::new_checked(&value, Family::V6)?;
//! let servers: Vec<_> = redirect.servers().collect();
//! assert_eq!(servers[0].host(), Host::Name("sztp.example.net"));
//! assert_eq!(servers[0].port_or_default(), 443);
//! assert_eq!(servers[1].host(), Host::Ipv6("2001:db8::5".parse()?));
//! assert_eq!(servers[1].port().map(|p| p.get()), Some(8443));
//! assert_eq!(redirect.to_repr(), list);
//! # Ok(()) }
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::str::FromStr;

use bytes::BufMut;

use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Item, Place, Result, SztpProblem, Within,
};
use crate::family::Family;
use crate::suboption::Port;
use crate::tlv::{UriList, Walk};

/// The port of `https` (RFC 9110 §4.2.2), for a URI without `:port`.
pub const DEFAULT_PORT: u16 = 443;

/// DHCPv4 option 143, `OPTION_V4_SZTP_REDIRECT` (RFC 8572 §8.1).
pub const V4_OPTION: u8 = 143;

/// DHCPv6 option 136, `OPTION_V6_SZTP_REDIRECT` (RFC 8572 §8.2).
pub const V6_OPTION: u16 = 136;

/// The redirect's option code in `family` (143 or 136).
pub const fn option_code(family: Family) -> u16 {
    match family {
        Family::V4 => V4_OPTION as u16,
        Family::V6 => V6_OPTION,
    }
}

const SCHEME: &[u8] = b"https://";

/// The host of a bootstrap server URI.
///
/// ```
/// use ztp_options::sztp::{BootstrapServer, Host};
///
/// let server = BootstrapServer::parse(b"https://[2001:db8::5]:8443")?;
/// assert_eq!(server.host(), Host::Ipv6("2001:db8::5".parse().unwrap()));
/// assert!(server.host().ip().is_some());
/// // A DNS name is fine here: the device's HTTPS client resolves it (R31).
/// let named = BootstrapServer::parse(b"https://sztp.example.net")?;
/// assert_eq!(named.host(), Host::Name("sztp.example.net"));
/// assert_eq!(named.port_or_default(), 443);
/// # Ok::<(), ztp_options::DecodeErrorKind>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Host<'a> {
    /// An IPv4 literal.
    Ipv4(Ipv4Addr),
    /// An IPv6 literal (written in brackets in the URI).
    Ipv6(Ipv6Addr),
    /// A DNS name, as written (the device resolves it).
    Name(&'a str),
}

impl Host<'_> {
    /// The address, for a literal.
    pub const fn ip(&self) -> Option<IpAddr> {
        match *self {
            Host::Ipv4(a) => Some(IpAddr::V4(a)),
            Host::Ipv6(a) => Some(IpAddr::V6(a)),
            Host::Name(_) => None,
        }
    }
}

/// As the host is written in a URI: an IPv6 address in brackets.
impl fmt::Display for Host<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Ipv4(a) => write!(f, "{a}"),
            Host::Ipv6(a) => write!(f, "[{a}]"),
            Host::Name(n) => f.write_str(n),
        }
    }
}

/// One bootstrap server of an SZTP redirect: its URI, checked and typed,
/// borrowed from the option (or from a [`BootstrapServerBuf`]).
///
/// ```
/// use ztp_options::sztp::{BootstrapServer, Host};
/// use ztp_options::{DecodeErrorKind, SztpProblem};
///
/// let s = BootstrapServer::parse(b"https://192.0.2.7:9443")?;
/// assert_eq!(s.host(), Host::Ipv4("192.0.2.7".parse().unwrap()));
/// assert_eq!(s.port_or_default(), 9443);
/// assert_eq!(s.as_str(), "https://192.0.2.7:9443");
///
/// // R31: a path is an error, with where it starts.
/// assert_eq!(
///     BootstrapServer::parse(b"https://sztp.example.net/restconf"),
///     Err(DecodeErrorKind::BadSztpUri { problem: SztpProblem::Path, index: 24, len: 33 })
/// );
/// # Ok::<(), DecodeErrorKind>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BootstrapServer<'a> {
    uri: &'a str,
    host: Host<'a>,
    port: Option<Port>,
}

fn bad(problem: SztpProblem, index: usize, uri: &[u8]) -> DecodeErrorKind {
    DecodeErrorKind::BadSztpUri {
        problem,
        index: u32::try_from(index).unwrap_or(u32::MAX),
        len: u32::try_from(uri.len()).unwrap_or(u32::MAX),
    }
}

/// Whether `name` is a DNS name: dot-separated labels of 1 to 63 letters,
/// digits and hyphens, not starting or ending with a hyphen, 253 bytes at
/// most. Returns the problem and the index of the first offending byte (a
/// label too long: its first byte).
fn check_name(name: &[u8]) -> core::result::Result<(), (SztpProblem, usize)> {
    if name.is_empty() {
        return Err((SztpProblem::BadHost, 0));
    }
    if name.len() > 253 {
        let len = crate::error::Len16::saturating(name.len());
        return Err((SztpProblem::NameTooLong { len }, 0));
    }
    let mut start = 0;
    for label in name.split(|&b| b == b'.') {
        let bad = label
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'));
        if let Some(i) = bad {
            return Err((SztpProblem::BadHost, start + i));
        }
        if label.len() > 63 {
            let len = crate::error::Len16::saturating(label.len());
            return Err((SztpProblem::LabelTooLong { len }, start));
        }
        if label.is_empty() || label.first() == Some(&b'-') || label.last() == Some(&b'-') {
            return Err((SztpProblem::BadHost, start));
        }
        start += label.len() + 1;
    }
    Ok(())
}

impl<'a> BootstrapServer<'a> {
    /// Checks one URI: `https://` (any case), then an IPv4 literal, an IPv6
    /// literal in brackets or a DNS name, then an optional `:port`, and
    /// nothing else (R31).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadSztpUri`] with the [`SztpProblem`] and its
    /// index in the URI.
    pub fn parse(uri: &'a [u8]) -> core::result::Result<Self, DecodeErrorKind> {
        if uri.is_empty() {
            return Err(bad(SztpProblem::Empty, 0, uri));
        }
        let start = SCHEME.len();
        // One pass: every byte printable ASCII, and where the path, the
        // user info and the colons of the authority are.
        let (mut path, mut user, mut colons) = (None, None, 0usize);
        for (i, &b) in uri.iter().enumerate() {
            if !b.is_ascii_graphic() {
                return Err(bad(SztpProblem::BadByte, i, uri));
            }
            if i < start || path.is_some() {
                continue;
            }
            match b {
                b'/' | b'?' | b'#' => path = Some(i),
                b'@' => {
                    user.get_or_insert(i);
                }
                b':' => colons += 1,
                _ => {}
            }
        }
        // Every byte is ASCII from here: slicing the text is safe.
        let text = core::str::from_utf8(uri).map_err(|_| bad(SztpProblem::BadByte, 0, uri))?;
        if !uri
            .get(..start)
            .is_some_and(|s| s.eq_ignore_ascii_case(SCHEME))
        {
            return Err(bad(SztpProblem::NotHttps, 0, uri));
        }
        if let Some(i) = path {
            return Err(bad(SztpProblem::Path, i, uri));
        }
        if let Some(i) = user {
            return Err(bad(SztpProblem::UserInfo, i, uri));
        }
        let rest = uri.get(start..).unwrap_or_default();
        let (host, after) = match rest {
            [] | [b':', ..] => return Err(bad(SztpProblem::NoHost, start, uri)),
            [b'[', inner @ ..] => {
                let close = inner.iter().position(|&b| b == b']').ok_or(bad(
                    SztpProblem::UnclosedBracket,
                    start,
                    uri,
                ))?;
                let literal = text.get(start + 1..start + 1 + close).unwrap_or_default();
                let address = crate::v6::ipv6::parse(literal).ok_or(bad(
                    SztpProblem::BadIpv6,
                    start + 1,
                    uri,
                ))?;
                (Host::Ipv6(address), start + close + 2)
            }
            _ => {
                if colons > 1 {
                    return Err(bad(SztpProblem::Unbracketed, start, uri));
                }
                let colon = rest.iter().position(|&b| b == b':');
                let host_end = start + colon.unwrap_or(rest.len());
                let name = text.get(start..host_end).unwrap_or_default();
                let numeric = name
                    .rsplit('.')
                    .next()
                    .is_some_and(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()));
                let host = if numeric {
                    // RFC 3986: a host that looks like an IPv4 address is
                    // one (and a DNS name cannot end in a numeric label).
                    Host::Ipv4(
                        Ipv4Addr::from_str(name)
                            .map_err(|_| bad(SztpProblem::BadHost, start, uri))?,
                    )
                } else {
                    check_name(name.as_bytes())
                        .map_err(|(problem, i)| bad(problem, start + i, uri))?;
                    Host::Name(name)
                };
                (host, host_end)
            }
        };
        let port = match uri.get(after..).unwrap_or_default() {
            [] => None,
            [b':', digits @ ..] => Some(
                text.get(after + 1..)
                    .and_then(|d| Port::from_str(d).ok())
                    .filter(|_| !digits.is_empty())
                    .ok_or(bad(SztpProblem::BadPort, after + 1, uri))?,
            ),
            _ => return Err(bad(SztpProblem::AfterHost, after, uri)),
        };
        Ok(BootstrapServer {
            uri: text,
            host,
            port,
        })
    }

    /// The URI, as sent.
    pub const fn as_str(&self) -> &'a str {
        self.uri
    }

    /// The host.
    pub const fn host(&self) -> Host<'a> {
        self.host
    }

    /// The port the URI gives, if any.
    pub const fn port(&self) -> Option<Port> {
        self.port
    }

    /// The port to connect to: the URI's, else 443.
    pub const fn port_or_default(&self) -> u16 {
        match self.port {
            Some(p) => p.get(),
            None => DEFAULT_PORT,
        }
    }

    /// The owned form.
    pub fn to_buf(&self) -> BootstrapServerBuf {
        BootstrapServerBuf {
            uri: self.uri.into(),
        }
    }
}

impl<'a> TryFrom<&'a str> for BootstrapServer<'a> {
    type Error = DecodeErrorKind;

    fn try_from(uri: &'a str) -> core::result::Result<Self, DecodeErrorKind> {
        BootstrapServer::parse(uri.as_bytes())
    }
}

/// The URI.
impl fmt::Display for BootstrapServer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.uri)
    }
}

/// The bootstrap-server list of an SZTP redirect option (DHCPv4 143, DHCPv6
/// 136), borrowed and checked: at least one URI, each a valid
/// [`BootstrapServer`] (R31), in the order the server listed them (R32).
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::sztp::Redirect;
///
/// let value = b"\x00\x18https://sztp.example.net\x00\x11https://192.0.2.7";
/// let redirect = Redirect::new_checked(value, Family::V4)?;
/// assert_eq!(redirect.len(), 2);
/// let uris: Vec<&str> = redirect.servers().map(|s| s.as_str()).collect();
/// assert_eq!(uris, ["https://sztp.example.net", "https://192.0.2.7"]);
///
/// // R31: a length that runs past the value says where.
/// let err = Redirect::new_checked(b"\x00\x30https://x", Family::V4).unwrap_err();
/// assert_eq!(err.place().option_code(), Some(143));
/// assert_eq!(err.place().offset(), 0);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Redirect<'a> {
    bytes: &'a [u8],
    at: Place,
    len: usize,
}

impl<'a> Redirect<'a> {
    /// Checks an option 143/136 value found at `at` (the value's first
    /// byte; its option code names the family's redirect option).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Empty`] for an empty value (the list holds one
    /// URI or more); [`DecodeErrorKind::Truncated`] for a lone length byte
    /// and [`DecodeErrorKind::LengthOverrun`] for a length past the value,
    /// at the URI's length field; [`DecodeErrorKind::BadSztpUri`] (an empty
    /// URI, not https, a path, a bad host or port, ...) at the URI's first
    /// byte.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        if value.is_empty() {
            return Err(DecodeErrorKind::Empty.at(at));
        }
        let mut len = 0;
        for item in walk(value, at) {
            let item = item?;
            let uri_at = item.offset + 2;
            BootstrapServer::parse(item.value).map_err(|k| k.at(at.at_offset(uri_at)))?;
            len += 1;
        }
        Ok(Redirect {
            bytes: value,
            at,
            len,
        })
    }

    /// Checks a value decoded alone (offsets in errors count from its first
    /// byte), for `family`'s option (143 or 136).
    ///
    /// # Errors
    ///
    /// As [`Redirect::parse`].
    pub fn new_checked(value: &'a [u8], family: Family) -> Result<Self> {
        Redirect::parse(value, Place::option(family, option_code(family), 0))
    }

    /// The bootstrap servers, in the order listed.
    pub fn servers(&self) -> Servers<'a> {
        Servers {
            walk: walk(self.bytes, self.at),
        }
    }

    /// How many bootstrap servers (one or more).
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Always `false`: a checked list holds one URI or more.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value's bytes.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the value starts.
    pub const fn place(&self) -> Place {
        self.at
    }

    /// The owned list.
    pub fn to_repr(&self) -> RedirectRepr {
        RedirectRepr {
            servers: self.servers().map(|s| s.to_buf()).collect(),
        }
    }
}

fn walk(value: &[u8], at: Place) -> Walk<'_, UriList> {
    Walk::new(value, at.offset(), at, Within::BootstrapServers)
}

/// The iterator of [`Redirect::servers`].
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::sztp::{Redirect, RedirectRepr};
///
/// let list: RedirectRepr = "https://a.example, https://192.0.2.7:8443".parse()?;
/// let mut value = vec![0; list.buffer_len(Family::V4)?];
/// list.emit(Family::V4, &mut value)?;
/// let redirect = Redirect::new_checked(&value, Family::V4)?;
/// let uris: Vec<&str> = redirect.servers().map(|s| s.as_str()).collect(); // Servers
/// assert_eq!(uris, ["https://a.example", "https://192.0.2.7:8443"]); // in order (R32)
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Servers<'a> {
    walk: Walk<'a, UriList>,
}

impl<'a> Iterator for Servers<'a> {
    type Item = BootstrapServer<'a>;

    #[inline]
    fn next(&mut self) -> Option<BootstrapServer<'a>> {
        // The list was checked by `Redirect::parse`: nothing fails here.
        let item = self.walk.next()?.ok()?;
        BootstrapServer::parse(item.value).ok()
    }
}

impl core::iter::FusedIterator for Servers<'_> {}

/// One bootstrap server URI, owned and checked (R31): built from text with
/// [`FromStr`], or from an address or a name and a port.
///
/// ```
/// use ztp_options::sztp::BootstrapServerBuf;
///
/// let a: BootstrapServerBuf = "https://sztp.example.net:8443".parse()?;
/// assert_eq!(a.as_server().port_or_default(), 8443);
/// let b = BootstrapServerBuf::for_address("2001:db8::5".parse().unwrap(), None);
/// assert_eq!(b.as_str(), "https://[2001:db8::5]");
/// let c = BootstrapServerBuf::for_name("sztp.example.net", None)?;
/// assert_eq!(c.as_str(), "https://sztp.example.net");
/// assert!("http://sztp.example.net".parse::<BootstrapServerBuf>().is_err());
/// # Ok::<(), ztp_options::DecodeErrorKind>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct BootstrapServerBuf {
    uri: String,
}

impl BootstrapServerBuf {
    /// `https://<address>[:<port>]` (an IPv6 address in brackets).
    pub fn for_address(address: IpAddr, port: Option<Port>) -> Self {
        use core::fmt::Write as _;
        let mut uri = String::from("https://");
        let _ = match address {
            IpAddr::V4(a) => write!(uri, "{a}"),
            IpAddr::V6(a) => write!(uri, "[{a}]"),
        };
        if let Some(p) = port {
            let _ = write!(uri, ":{p}");
        }
        BootstrapServerBuf { uri }
    }

    /// `https://<name>[:<port>]` for a DNS name.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadSztpUri`] when `name` is not a DNS name (or an
    /// IPv4 literal).
    pub fn for_name(name: &str, port: Option<Port>) -> core::result::Result<Self, DecodeErrorKind> {
        let mut uri = String::from("https://");
        uri.push_str(name);
        if let Some(p) = port {
            use core::fmt::Write as _;
            let _ = write!(uri, ":{p}");
        }
        BootstrapServerBuf::try_from(uri)
    }

    /// The URI.
    pub fn as_str(&self) -> &str {
        &self.uri
    }

    /// The URI, typed.
    pub fn as_server(&self) -> BootstrapServer<'_> {
        // Checked when built: the fallback is never taken.
        BootstrapServer::parse(self.uri.as_bytes()).unwrap_or(BootstrapServer {
            uri: &self.uri,
            host: Host::Name(&self.uri),
            port: None,
        })
    }
}

impl FromStr for BootstrapServerBuf {
    type Err = DecodeErrorKind;

    fn from_str(s: &str) -> core::result::Result<Self, DecodeErrorKind> {
        BootstrapServer::try_from(s).map(|s| s.to_buf())
    }
}

impl TryFrom<String> for BootstrapServerBuf {
    type Error = DecodeErrorKind;

    fn try_from(uri: String) -> core::result::Result<Self, DecodeErrorKind> {
        BootstrapServer::parse(uri.as_bytes())?;
        Ok(BootstrapServerBuf { uri })
    }
}

impl From<BootstrapServerBuf> for String {
    fn from(b: BootstrapServerBuf) -> String {
        b.uri
    }
}

impl fmt::Display for BootstrapServerBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.uri)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for BootstrapServerBuf {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let port = if u.arbitrary()? {
            Some(u.arbitrary::<Port>()?)
        } else {
            None
        };
        Ok(match u.int_in_range(0u8..=2)? {
            0 => BootstrapServerBuf::for_address(IpAddr::V4(u.arbitrary()?), port),
            1 => BootstrapServerBuf::for_address(IpAddr::V6(u.arbitrary()?), port),
            _ => {
                const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
                let mut name = String::new();
                for label in 0..u.int_in_range(1u8..=4)? {
                    if label > 0 {
                        name.push('.');
                    }
                    for _ in 0..u.int_in_range(1u8..=12)? {
                        name.push(char::from(*u.choose(CHARS)?));
                    }
                }
                // A name whose last label is all digits would be an IPv4
                // literal: end with a letter.
                name.push('z');
                BootstrapServerBuf::for_name(&name, port)
                    .map_err(|_| arbitrary::Error::IncorrectFormat)?
            }
        })
    }
}

/// The owned SZTP redirect: one bootstrap server or more, in order (R31,
/// R32). It encodes the option value (the same bytes for option 143 and
/// 136) into the caller's buffer.
///
/// Built from one server ([`RedirectRepr::new`], then
/// [`RedirectRepr::push`]), from a non-empty vector (`TryFrom`), or parsed
/// from a comma-separated list of URIs (`FromStr`).
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::sztp::RedirectRepr;
///
/// let mut list = RedirectRepr::new("https://sztp.example.net".parse()?);
/// list.push("https://192.0.2.7:9443".parse()?);
/// let mut value = vec![0; list.buffer_len(Family::V4)?];
/// assert_eq!(list.emit(Family::V4, &mut value), Ok(value.len()));
/// assert_eq!(&value[..4], b"\x00\x18ht");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<BootstrapServerBuf>", into = "Vec<BootstrapServerBuf>")
)]
pub struct RedirectRepr {
    servers: Vec<BootstrapServerBuf>,
}

impl RedirectRepr {
    /// A list of one server.
    pub fn new(first: BootstrapServerBuf) -> Self {
        RedirectRepr {
            servers: alloc::vec![first],
        }
    }

    /// Appends a server.
    pub fn push(&mut self, server: BootstrapServerBuf) {
        self.servers.push(server);
    }

    /// The servers, in order.
    pub fn servers(&self) -> &[BootstrapServerBuf] {
        &self.servers
    }

    /// The length of the value [`RedirectRepr::put`] writes.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::TooLong`] for a URI over 65535 bytes, or (DHCPv6)
    /// a value over 65535 bytes; a DHCPv4 value of any length is split
    /// into instances by [`v4::OptionSet`](crate::v4::OptionSet) (R2).
    pub fn buffer_len(&self, family: Family) -> core::result::Result<usize, EncodeError> {
        let item = Item::option(family, option_code(family));
        let mut len = 0usize;
        for s in &self.servers {
            let n = s.uri.len();
            if n > usize::from(u16::MAX) {
                return Err(EncodeError::new(
                    item,
                    EncodeErrorKind::TooLong {
                        len: n,
                        max: usize::from(u16::MAX),
                    },
                ));
            }
            len = len.saturating_add(2 + n);
        }
        if family == Family::V6 && len > usize::from(u16::MAX) {
            return Err(EncodeError::new(
                item,
                EncodeErrorKind::TooLong {
                    len,
                    max: usize::from(u16::MAX),
                },
            ));
        }
        Ok(len)
    }

    /// Appends the value: each URI's two-byte length, then the URI.
    ///
    /// # Errors
    ///
    /// As [`RedirectRepr::buffer_len`], and
    /// [`EncodeErrorKind::BufferTooSmall`]; nothing is written then.
    pub fn put<B: BufMut>(
        &self,
        family: Family,
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        let needed = self.buffer_len(family)?;
        crate::emit::room(family, buf, needed)?;
        for s in &self.servers {
            buf.put_u16(u16::try_from(s.uri.len()).unwrap_or(u16::MAX));
            buf.put_slice(s.uri.as_bytes());
        }
        Ok(())
    }

    /// Writes the value at the start of `buf`; returns its length.
    ///
    /// # Errors
    ///
    /// As [`RedirectRepr::put`].
    pub fn emit(&self, family: Family, buf: &mut [u8]) -> core::result::Result<usize, EncodeError> {
        let needed = self.buffer_len(family)?;
        crate::emit::into_slice(family, buf, needed, |out| self.put(family, out))
    }

    /// The value, in a new vector.
    ///
    /// # Errors
    ///
    /// As [`RedirectRepr::buffer_len`].
    pub fn to_vec(&self, family: Family) -> core::result::Result<Vec<u8>, EncodeError> {
        let mut value = Vec::with_capacity(self.buffer_len(family)?);
        self.put(family, &mut value)?;
        Ok(value)
    }
}

/// A list needs one server or more: an empty vector is
/// [`DecodeErrorKind::Empty`].
impl TryFrom<Vec<BootstrapServerBuf>> for RedirectRepr {
    type Error = DecodeErrorKind;

    fn try_from(servers: Vec<BootstrapServerBuf>) -> core::result::Result<Self, DecodeErrorKind> {
        if servers.is_empty() {
            return Err(DecodeErrorKind::Empty);
        }
        Ok(RedirectRepr { servers })
    }
}

impl From<RedirectRepr> for Vec<BootstrapServerBuf> {
    fn from(r: RedirectRepr) -> Self {
        r.servers
    }
}

/// Comma-separated URIs (spaces around them allowed).
impl FromStr for RedirectRepr {
    type Err = DecodeErrorKind;

    fn from_str(s: &str) -> core::result::Result<Self, DecodeErrorKind> {
        s.split(',')
            .map(|u| u.trim().parse())
            .collect::<core::result::Result<Vec<_>, _>>()
            .and_then(RedirectRepr::try_from)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for RedirectRepr {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut list = RedirectRepr::new(u.arbitrary()?);
        for _ in 0..u.int_in_range(0u8..=3)? {
            list.push(u.arbitrary()?);
        }
        Ok(list)
    }
}

/// A plan's bootstrap servers: borrowed from the lease's option
/// ([`Redirect`]), or from a [`PlanBuf`](crate::PlanBuf)'s owned list.
///
/// ```
/// use ztp_options::{Family, resolve_v4, v4::{Lease, MessageRepr, OptionCode, OptionSet}};
/// use ztp_options::sztp::RedirectRepr;
///
/// // A lease with option 43 and option 143: the plan and the redirect (R32).
/// let list: RedirectRepr = "https://sztp.example.net".parse()?;
/// let mut redirect = vec![0; list.buffer_len(Family::V4)?];
/// list.emit(Family::V4, &mut redirect)?;
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_SPECIFIC, b"\x01\x07sw.conf".to_vec())?;
/// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// set.insert(OptionCode::new(143), redirect)?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// let plan = resolve_v4(&lease)?;
/// let servers = plan.sztp_redirect.unwrap(); // BootstrapServers, borrowed
/// assert_eq!(servers.len(), 1);
/// assert_eq!(servers.iter().next().unwrap().as_str(), "https://sztp.example.net");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum BootstrapServers<'a> {
    /// The option's value, checked.
    Wire(Redirect<'a>),
    /// An owned list.
    Decoded(&'a RedirectRepr),
}

impl<'a> BootstrapServers<'a> {
    /// The servers, in order.
    pub fn iter(&self) -> impl Iterator<Item = BootstrapServer<'a>> + 'a {
        let (wire, owned) = match *self {
            BootstrapServers::Wire(r) => (Some(r.servers()), None),
            BootstrapServers::Decoded(r) => (None, Some(r.servers.iter().map(|s| s.as_server()))),
        };
        wire.into_iter()
            .flatten()
            .chain(owned.into_iter().flatten())
    }

    /// How many servers (one or more).
    pub fn len(&self) -> usize {
        match self {
            BootstrapServers::Wire(r) => r.len(),
            BootstrapServers::Decoded(r) => r.servers.len(),
        }
    }

    /// Always `false`: a list holds one server or more.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The owned list.
    pub fn to_repr(&self) -> RedirectRepr {
        match self {
            BootstrapServers::Wire(r) => r.to_repr(),
            BootstrapServers::Decoded(r) => (*r).clone(),
        }
    }
}

impl PartialEq for BootstrapServers<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for BootstrapServers<'_> {}

/// Whether `value` parses as an RFC 8572 bootstrap-server list, whatever
/// option it came in: for the codes swapped between the families (a DHCPv4
/// option 136 or a DHCPv6 option 143 holding a URI list, R31), which a
/// device does not read as a redirect.
///
/// ```
/// use ztp_options::sztp::is_uri_list;
///
/// assert!(is_uri_list(b"\x00\x11https://sztp.test"));
/// assert!(!is_uri_list(b"https://sztp.test")); // no length prefix
/// assert!(!is_uri_list(&[192, 0, 2, 1]));
/// ```
pub fn is_uri_list(value: &[u8]) -> bool {
    Redirect::parse(value, Place::header(Family::V4, 0)).is_ok()
}

/// A form of option 143 / 136 that servers in the field send and that a
/// strict RFC 8572 client leaves out (R31): not a valid redirect, but
/// worth naming, with what produces it (R35). See [`variant`].
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::sztp::{Variant, variant};
///
/// // What an ISC `option sztp-redirect code 143 = text;` sends.
/// assert_eq!(
///     variant(b"https://sztp.example.net", Family::V4),
///     Some(Variant::BareUri { uri: b"https://sztp.example.net" })
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Variant<'a> {
    /// A URI with no length prefix: the whole value starts with
    /// `scheme://` (an ISC `code 143 = text` definition sends this; read
    /// as a list, its first two bytes, `ht`, are a length of 26740).
    BareUri {
        /// The value, as sent.
        uri: &'a [u8],
    },
    /// A URI with a path, query or fragment (`https://host/restconf`):
    /// RFC 8572 allows none; some clients accept it.
    Path {
        /// The URI.
        uri: &'a str,
        /// Where the path, query or fragment starts in the URI.
        index: usize,
    },
    /// A scheme other than `https` (`bootz://`, `coaps+tcp://`, `http://`).
    OtherScheme {
        /// The URI.
        uri: &'a str,
        /// The scheme, as sent (before `://`).
        scheme: &'a str,
    },
    /// A DNS label longer than 63 octets.
    LabelTooLong {
        /// The URI.
        uri: &'a str,
        /// The label's length.
        len: usize,
    },
    /// A DNS name longer than 253 octets.
    NameTooLong {
        /// The URI.
        uri: &'a str,
        /// The name's length.
        len: usize,
    },
    /// A DHCPv4 option 143 of exactly four bytes: an IPv4 address, as an
    /// older vendor's private option 143 (an FTP server) carries; not SZTP.
    Ipv4Address {
        /// The address.
        address: Ipv4Addr,
    },
}

impl Variant<'_> {
    /// A stable identifier, for tools (`sztp-bare-uri`, ...).
    pub const fn id(&self) -> &'static str {
        match self {
            Variant::BareUri { .. } => "sztp-bare-uri",
            Variant::Path { .. } => "sztp-uri-path",
            Variant::OtherScheme { .. } => "sztp-other-scheme",
            Variant::LabelTooLong { .. } => "sztp-label-too-long",
            Variant::NameTooLong { .. } => "sztp-name-too-long",
            Variant::Ipv4Address { .. } => "sztp-v4-143-ipv4-address",
        }
    }
}

impl fmt::Display for Variant<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Variant::BareUri { uri } => write!(
                f,
                "a uri without its 2-byte length ({:?}): the option is defined as text, \
                 not as an rfc 8572 list",
                alloc::string::String::from_utf8_lossy(uri)
            ),
            Variant::Path { uri, index } => {
                write!(f, "{uri:?} has a path, query or fragment at index {index}")
            }
            Variant::OtherScheme { uri, scheme } => {
                write!(f, "{uri:?} uses the scheme {scheme:?}, not https")
            }
            Variant::LabelTooLong { uri, len } => {
                write!(f, "{uri:?} has a dns label of {len} octets (63 at most)")
            }
            Variant::NameTooLong { uri, len } => {
                write!(f, "{uri:?} has a host name of {len} octets (253 at most)")
            }
            Variant::Ipv4Address { address } => write!(
                f,
                "4 bytes, an ipv4 address ({address}): an older vendor-specific option 143, \
                 not an sztp redirect"
            ),
        }
    }
}

/// The scheme of `uri` when it starts with `scheme://` (RFC 3986 §3.1:
/// a letter, then letters, digits, `+`, `-`, `.`).
fn scheme_of(uri: &[u8]) -> Option<&[u8]> {
    let end = uri.windows(3).position(|w| w == b"://")?;
    let scheme = uri.get(..end)?;
    let (first, rest) = scheme.split_first()?;
    (first.is_ascii_alphabetic()
        && rest
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
    .then_some(scheme)
}

/// Recognises the variants of R31 in an option 143 (`family` V4) or 136
/// (V6) value that is not a valid RFC 8572 list: `None` for a valid list
/// (no variant: [`Redirect::parse`] takes it), and for a value that
/// matches no known variant ([`Redirect::parse`] then says what is
/// wrong). The first URI of a list that fails names the variant.
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::sztp::{Variant, variant};
///
/// let path = b"\x00\x1dhttps://sztp.example/restconf";
/// assert!(matches!(variant(path, Family::V6), Some(Variant::Path { index: 20, .. })));
/// let bootz = b"\x00\x11bootz://sztp.test";
/// assert!(matches!(variant(bootz, Family::V4), Some(Variant::OtherScheme { scheme: "bootz", .. })));
/// assert_eq!(
///     variant(&[192, 0, 2, 21], Family::V4),
///     Some(Variant::Ipv4Address { address: [192, 0, 2, 21].into() })
/// );
/// assert_eq!(variant(b"\x00\x11https://sztp.test", Family::V4), None); // valid
/// ```
pub fn variant(value: &[u8], family: Family) -> Option<Variant<'_>> {
    if family == Family::V4 {
        if let Ok(octets) = <[u8; 4]>::try_from(value) {
            return Some(Variant::Ipv4Address {
                address: Ipv4Addr::from(octets),
            });
        }
    }
    let at = Place::option(family, option_code(family), 0);
    if Redirect::parse(value, at).is_ok() {
        return None;
    }
    if scheme_of(value).is_some() {
        return Some(Variant::BareUri { uri: value });
    }
    for item in walk(value, at) {
        let item = item.ok()?;
        let Err(DecodeErrorKind::BadSztpUri { problem, index, .. }) =
            BootstrapServer::parse(item.value)
        else {
            continue;
        };
        let uri = core::str::from_utf8(item.value).ok()?;
        let index = index as usize;
        return match problem {
            SztpProblem::Path => Some(Variant::Path { uri, index }),
            SztpProblem::NotHttps => {
                let scheme = scheme_of(item.value).and_then(|s| core::str::from_utf8(s).ok())?;
                let https = item
                    .value
                    .get(..SCHEME.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(SCHEME));
                (!https).then_some(Variant::OtherScheme { uri, scheme })
            }
            SztpProblem::LabelTooLong { len } => Some(Variant::LabelTooLong {
                uri,
                len: usize::from(len.get()),
            }),
            SztpProblem::NameTooLong { len } => Some(Variant::NameTooLong {
                uri,
                len: usize::from(len.get()),
            }),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn problem(uri: &str) -> Option<(SztpProblem, u32)> {
        match BootstrapServer::parse(uri.as_bytes()) {
            Err(DecodeErrorKind::BadSztpUri { problem, index, .. }) => Some((problem, index)),
            _ => None,
        }
    }

    #[test]
    fn r31_uris_of_the_form_https_host_port() {
        for (uri, host, port) in [
            (
                "https://sztp.example.net",
                Host::Name("sztp.example.net"),
                443,
            ),
            ("HTTPS://a-b.example:1", Host::Name("a-b.example"), 1),
            (
                "https://192.0.2.7:65535",
                Host::Ipv4(Ipv4Addr::new(192, 0, 2, 7)),
                65535,
            ),
            (
                "https://[2001:db8::1]:08443",
                Host::Ipv6("2001:db8::1".parse().unwrap()),
                8443,
            ),
            (
                "https://[::ffff:192.0.2.1]",
                Host::Ipv6("::ffff:192.0.2.1".parse().unwrap()),
                443,
            ),
            ("https://localhost", Host::Name("localhost"), 443),
        ] {
            let s = BootstrapServer::parse(uri.as_bytes()).unwrap();
            assert_eq!(
                (s.host(), s.port_or_default(), s.as_str()),
                (host, port, uri)
            );
        }
    }

    #[test]
    fn r31_each_problem_names_its_index() {
        for (uri, want) in [
            ("", (SztpProblem::Empty, 0)),
            ("https://a b", (SztpProblem::BadByte, 9)),
            ("https://caf\u{e9}", (SztpProblem::BadByte, 11)),
            ("http://sztp.example.net", (SztpProblem::NotHttps, 0)),
            ("sztp.example.net", (SztpProblem::NotHttps, 0)),
            ("https:/x", (SztpProblem::NotHttps, 0)),
            ("https://", (SztpProblem::NoHost, 8)),
            ("https://:443", (SztpProblem::NoHost, 8)),
            ("https://user@host", (SztpProblem::UserInfo, 12)),
            ("https://host/", (SztpProblem::Path, 12)),
            ("https://host:443/restconf", (SztpProblem::Path, 16)),
            ("https://host?x=1", (SztpProblem::Path, 12)),
            ("https://host#frag", (SztpProblem::Path, 12)),
            ("https://[2001:db8::1", (SztpProblem::UnclosedBracket, 8)),
            ("https://[192.0.2.1]", (SztpProblem::BadIpv6, 9)),
            ("https://[fe80::1%25eth0]", (SztpProblem::BadIpv6, 9)),
            ("https://2001:db8::1", (SztpProblem::Unbracketed, 8)),
            ("https://[::1]x", (SztpProblem::AfterHost, 13)),
            ("https://host:", (SztpProblem::BadPort, 13)),
            ("https://host:0", (SztpProblem::BadPort, 13)),
            ("https://host:65536", (SztpProblem::BadPort, 13)),
            ("https://host:44a", (SztpProblem::BadPort, 13)),
            ("https://ho_st", (SztpProblem::BadHost, 10)),
            ("https://-host", (SztpProblem::BadHost, 8)),
            ("https://a..b", (SztpProblem::BadHost, 10)),
            ("https://example.", (SztpProblem::BadHost, 16)),
            ("https://192.0.2.300", (SztpProblem::BadHost, 8)),
            ("https://10.1", (SztpProblem::BadHost, 8)),
        ] {
            assert_eq!(problem(uri), Some(want), "{uri:?}");
        }
        // R31: a label over 63 octets and a name over 253 have their own
        // problems, with the length.
        let long = alloc::format!("https://{}.net", "a".repeat(64));
        let len = crate::error::Len16::new(64);
        assert_eq!(problem(&long), Some((SztpProblem::LabelTooLong { len }, 8)));
        let long = alloc::format!("https://ok.{}.net", "a".repeat(70));
        let len = crate::error::Len16::new(70);
        assert_eq!(
            problem(&long),
            Some((SztpProblem::LabelTooLong { len }, 11))
        );
        let name = ["a"; 130].join("."); // 259 octets, labels of 1
        let long = alloc::format!("https://{name}");
        let len = crate::error::Len16::new(259);
        assert_eq!(problem(&long), Some((SztpProblem::NameTooLong { len }, 8)));
    }

    fn value(uris: &[&[u8]]) -> Vec<u8> {
        let mut v = Vec::new();
        for u in uris {
            v.extend_from_slice(&(u.len() as u16).to_be_bytes());
            v.extend_from_slice(u);
        }
        v
    }

    #[test]
    fn r31_list_framing_errors_carry_offsets() {
        let at = Place::option(Family::V4, 143, 300);
        // Zero length: the URI at offset 302 (after its length) is empty.
        let v = value(&[b"https://a", b""]);
        let err = Redirect::parse(&v, at).unwrap_err();
        assert_eq!(err.place().offset(), 300 + 11 + 2);
        assert!(matches!(
            err.kind(),
            DecodeErrorKind::BadSztpUri {
                problem: SztpProblem::Empty,
                ..
            }
        ));
        // An overrunning length, at the length field.
        let mut v = value(&[b"https://a"]);
        v.extend_from_slice(&[0, 40, b'h']);
        let err = Redirect::parse(&v, at).unwrap_err();
        assert_eq!(err.place().offset(), 311);
        assert_eq!(
            err.kind(),
            DecodeErrorKind::LengthOverrun {
                within: Within::BootstrapServers,
                len: 40,
                available: 1
            }
        );
        assert_eq!(
            err.to_string(),
            "dhcpv4 option 143 at byte 311: length 40 runs past the end of the \
             bootstrap-server list of option 143 (1 bytes left)"
        );
        // A lone length byte.
        let err = Redirect::parse(&[0], at).unwrap_err();
        assert!(matches!(err.kind(), DecodeErrorKind::Truncated { .. }));
        // An empty value.
        assert_eq!(
            Redirect::parse(&[], at).unwrap_err().kind(),
            DecodeErrorKind::Empty
        );
        // A bad URI: where it starts, and the value read back.
        let v = value(&[b"https://a", b"ftp://b"]);
        let err = Redirect::parse(&v, at).unwrap_err();
        assert_eq!(err.place().offset(), 313);
        let mut input = vec![0u8; 300];
        input.extend_from_slice(&v);
        assert_eq!(err.value(&input), Some(&b"ftp://b"[..]));
        assert!(
            err.display_in(&input).to_string().contains(
                "\"ftp://b\" is not an sztp bootstrap server uri: the scheme is not https"
            )
        );
    }

    #[test]
    fn r32_servers_keep_their_order_and_round_trip() {
        let v = value(&[
            b"https://b.example",
            b"https://a.example:1",
            b"https://[::1]",
        ]);
        let r = Redirect::new_checked(&v, Family::V6).unwrap();
        let uris: Vec<_> = r.servers().map(|s| s.to_string()).collect();
        assert_eq!(
            uris,
            ["https://b.example", "https://a.example:1", "https://[::1]"]
        );
        let repr = r.to_repr();
        assert_eq!(repr.to_vec(Family::V6).unwrap(), v);
        assert_eq!(BootstrapServers::Wire(r), BootstrapServers::Decoded(&repr));
    }

    #[test]
    fn r31_encoder_refuses_what_cannot_be_sent() {
        let long = alloc::format!("https://{}", ["a"; 40000].join("."));
        // Not a valid name (253 bytes at most): refused when built.
        assert!(long.parse::<BootstrapServerBuf>().is_err());
        assert_eq!(
            "".parse::<RedirectRepr>(),
            Err(bad(SztpProblem::Empty, 0, b""))
        );
        assert_eq!(
            RedirectRepr::try_from(Vec::new()),
            Err(DecodeErrorKind::Empty)
        );
        // DHCPv6: the value must fit 65535 bytes.
        let one: BootstrapServerBuf = alloc::format!("https://{}.example", "a".repeat(63))
            .parse()
            .unwrap();
        let mut list = RedirectRepr::new(one.clone());
        for _ in 0..900 {
            list.push(one.clone());
        }
        assert!(matches!(
            list.buffer_len(Family::V6).map_err(|e| e.kind()),
            Err(EncodeErrorKind::TooLong { .. })
        ));
        assert!(list.buffer_len(Family::V4).is_ok());
        let mut small = [0u8; 4];
        assert!(matches!(
            RedirectRepr::new(one)
                .emit(Family::V4, &mut small)
                .map_err(|e| e.kind()),
            Err(EncodeErrorKind::BufferTooSmall { .. })
        ));
        assert_eq!(small, [0; 4]);
    }
}
