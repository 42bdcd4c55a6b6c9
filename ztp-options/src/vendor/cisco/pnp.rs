//! Cisco Network Plug and Play's option 43 (CP2, CP3): ASCII text, not a
//! TLV: `;`-separated tokens such as `5A1N;B2;K4;I172.19.45.222;J80`.
//!
//! [`PnpString`] is the borrowed, checked view (decoding never allocates);
//! [`PnpStringRepr`] the owned form, which writes the same string back
//! (`PnpString::parse(repr.to_string()).to_repr() == repr`).

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use super::common;
use crate::vendor::plan::{Contact, OptionRef, Order, Service, Step, Stop, VendorPlan};

/// Whether `value` starts as a PnP string does (`5A1` or `5A;`, RA
/// table): what CP5 (a PnP string in option 67), CP6 (an option 17 item)
/// and CX3 look for. A `5A1` string without any `;` matches too (P43-4:
/// [`PnpString::parse`] then says "PnP string without separators").
///
/// ```
/// use ztp_options::vendor::cisco::looks_like_pnp;
///
/// assert!(looks_like_pnp(b"5A1N;B2;K4;I172.19.45.222;J80"));
/// assert!(looks_like_pnp(b"5A1DB2B3K4I72.16.1.10J80")); // P43-4
/// assert!(!looks_like_pnp(b"network-confg"));
/// ```
pub fn looks_like_pnp(value: &[u8]) -> bool {
    value.starts_with(b"5A1") || value.starts_with(b"5A;")
}

/// The transport of token `K` (CP2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub enum Transport {
    /// `K1`: XMPP with STARTTLS.
    XmppStartTls,
    /// `K2`: XMPP over a plain socket.
    XmppSocket,
    /// `K3`: XMPP over TLS.
    XmppTls,
    /// `K4`: HTTP, the default.
    Http,
    /// `K5`: HTTPS.
    Https,
}

impl Transport {
    /// The transport of a `K` digit (1..=5).
    pub const fn from_digit(d: u8) -> Option<Transport> {
        match d {
            1 => Some(Transport::XmppStartTls),
            2 => Some(Transport::XmppSocket),
            3 => Some(Transport::XmppTls),
            4 => Some(Transport::Http),
            5 => Some(Transport::Https),
            _ => None,
        }
    }

    /// The `K` digit.
    pub const fn digit(self) -> u8 {
        match self {
            Transport::XmppStartTls => 1,
            Transport::XmppSocket => 2,
            Transport::XmppTls => 3,
            Transport::Http => 4,
            Transport::Https => 5,
        }
    }

    /// The scheme a plan shows (CP4): `http`, `https`, or `xmpp` (1..3,
    /// not fetched).
    pub const fn scheme(self) -> &'static str {
        match self {
            Transport::Http => "http",
            Transport::Https => "https",
            _ => "xmpp",
        }
    }

    /// The default port when `J` is absent: 80 for HTTP, 443 for HTTPS
    /// (CP2); none for XMPP (the sources give none).
    pub const fn default_port(self) -> Option<u16> {
        match self {
            Transport::Http => Some(80),
            Transport::Https => Some(443),
            _ => None,
        }
    }
}

/// The address type of token `B` (CP2): what `I` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub enum AddressType {
    /// `B1`: a host name.
    HostName,
    /// `B2`: an IPv4 address, the default.
    Ipv4,
    /// `B3`: an IPv6 address.
    Ipv6,
}

impl AddressType {
    /// The type of a `B` digit (1..=3).
    pub const fn from_digit(d: u8) -> Option<AddressType> {
        match d {
            1 => Some(AddressType::HostName),
            2 => Some(AddressType::Ipv4),
            3 => Some(AddressType::Ipv6),
            _ => None,
        }
    }

    /// The `B` digit.
    pub const fn digit(self) -> u8 {
        match self {
            AddressType::HostName => 1,
            AddressType::Ipv4 => 2,
            AddressType::Ipv6 => 3,
        }
    }

    /// The form of a server value: an IPv4 literal, an IPv6 literal, or
    /// anything else (a host name).
    pub fn of(server: &str) -> AddressType {
        if server.parse::<Ipv4Addr>().is_ok() {
            AddressType::Ipv4
        } else if server.parse::<Ipv6Addr>().is_ok() {
            AddressType::Ipv6
        } else {
            AddressType::HostName
        }
    }
}

/// What is wrong with a PnP string, in [`PnpError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum PnpErrorKind {
    /// The value does not start with `5A` (CP2: the first token is
    /// required).
    NotPnp,
    /// A `5A` string with no `;` at all (P43-4: hand-made hex lost the
    /// separators).
    NoSeparators,
    /// The first token is not `5A`, `5A1`, `5A1D` or `5A1N`.
    BadHeader,
    /// A byte that is not printable ASCII (G8); the index is the byte's.
    NotText {
        /// The byte.
        byte: u8,
    },
    /// A key seen twice (CP3).
    RepeatedKey {
        /// The key.
        key: u8,
        /// Index of the first token with it.
        first: u32,
    },
    /// A `B`, `K` or `J` value that is not one of CP2's (B 1..3, K 1..5,
    /// J a port 1..65535), or an empty `I`.
    BadValue {
        /// The key.
        key: u8,
    },
    /// No `I` token (CP3).
    MissingServer,
}

/// A PnP string that does not decode: what, and the index in the value
/// where (the token's first byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PnpError {
    /// The index in the value.
    pub index: u32,
    /// What is wrong.
    pub kind: PnpErrorKind,
}

impl fmt::Display for PnpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = self.index;
        match self.kind {
            PnpErrorKind::NotPnp => write!(f, "not a pnp string (no leading 5A)"),
            PnpErrorKind::NoSeparators => write!(f, "pnp string without separators (no ';')"),
            PnpErrorKind::BadHeader => {
                write!(f, "pnp string: first token is not 5A1D or 5A1N (index {i})")
            }
            PnpErrorKind::NotText { byte } => {
                write!(
                    f,
                    "pnp string: byte 0x{byte:02x} at index {i} is not printable ascii"
                )
            }
            PnpErrorKind::RepeatedKey { key, first } => write!(
                f,
                "pnp string: key {:?} repeated at index {i} (first at {first})",
                char::from(key)
            ),
            PnpErrorKind::BadValue { key } => {
                write!(
                    f,
                    "pnp string: bad value for key {:?} at index {i}",
                    char::from(key)
                )
            }
            PnpErrorKind::MissingServer => write!(f, "pnp string: no I token (server address)"),
        }
    }
}

impl core::error::Error for PnpError {}

/// One token after the first: its key (first byte), value (the rest) and
/// index in the string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PnpToken<'a> {
    /// The key, e.g. `b'I'`.
    pub key: u8,
    /// The value after the key.
    pub value: &'a str,
    /// The index of the key in the string.
    pub index: usize,
}

/// A checked PnP string (CP2, CP3), borrowed from option 43 (or 67, an
/// option 17 item).
///
/// ```
/// use ztp_options::vendor::cisco::{AddressType, PnpString, Transport};
///
/// let pnp = PnpString::parse(b"5A1N;B2;K4;I172.19.45.222;J80")?;
/// assert_eq!(pnp.server(), "172.19.45.222");
/// assert_eq!(pnp.transport(), Some(Transport::Http));
/// assert_eq!(pnp.address_type(), Some(AddressType::Ipv4));
/// assert_eq!(pnp.port(), Some(80));
/// assert!(!pnp.debug());
/// # Ok::<(), ztp_options::vendor::cisco::PnpError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PnpString<'a> {
    text: &'a str,
    trailing_nul: bool,
    version: Option<u8>,
    debug: Option<bool>,
    address_type: Option<AddressType>,
    server: &'a str,
    port: Option<u16>,
    transport: Option<Transport>,
    ntp: Option<&'a str>,
    trustpool: Option<&'a str>,
    unknown: usize,
}

/// The keys CP2 names (an unknown key is kept, CP3).
const KNOWN: &[u8] = b"BIJKZT";

impl<'a> PnpString<'a> {
    /// Checks a PnP string (CP3): split on `;`, empty tokens dropped, the
    /// key is a token's first byte. One trailing NUL is tolerated (G8).
    ///
    /// # Errors
    ///
    /// [`PnpError`]: not `5A…`, no `;` (P43-4), a bad first token, a byte
    /// that is not printable ASCII, a repeated key, a bad `B`/`K`/`J`
    /// value, no `I`.
    pub fn parse(value: &'a [u8]) -> Result<Self, PnpError> {
        let err = |index: usize, kind| PnpError {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            kind,
        };
        let (value, trailing_nul) = match value.split_last() {
            Some((0, head)) => (head, true),
            _ => (value, false),
        };
        if let Some(i) = value.iter().position(|b| !(0x20..0x7f).contains(b)) {
            let byte = value.get(i).copied().unwrap_or(0);
            return Err(err(i, PnpErrorKind::NotText { byte }));
        }
        let text = core::str::from_utf8(value).map_err(|_| err(0, PnpErrorKind::NotPnp))?;
        if !text.starts_with("5A") {
            return Err(err(0, PnpErrorKind::NotPnp));
        }
        let header = text.split(';').next().unwrap_or("");
        let (version, debug) = match header.as_bytes() {
            b"5A" => (None, None),
            [b'5', b'A', v] if v.is_ascii_digit() => (Some(v - b'0'), None),
            [b'5', b'A', v, d] if v.is_ascii_digit() && matches!(d, b'D' | b'N') => {
                (Some(v - b'0'), Some(*d == b'D'))
            }
            _ if !text.contains(';') => return Err(err(0, PnpErrorKind::NoSeparators)),
            _ => return Err(err(0, PnpErrorKind::BadHeader)),
        };
        let mut pnp = PnpString {
            text,
            trailing_nul,
            version,
            debug,
            address_type: None,
            server: "",
            port: None,
            transport: None,
            ntp: None,
            trustpool: None,
            unknown: 0,
        };
        let mut seen: [Option<usize>; 128] = [None; 128];
        let mut has_server = false;
        for token in pnp.tokens() {
            let slot = seen.get_mut(usize::from(token.key));
            if let Some(slot) = slot {
                if let Some(first) = *slot {
                    let first = u32::try_from(first).unwrap_or(u32::MAX);
                    let key = token.key;
                    return Err(err(token.index, PnpErrorKind::RepeatedKey { key, first }));
                }
                *slot = Some(token.index);
            }
            let bad = || err(token.index, PnpErrorKind::BadValue { key: token.key });
            let digit = || match token.value.as_bytes() {
                [d] if d.is_ascii_digit() => Some(d - b'0'),
                _ => None,
            };
            match token.key {
                b'B' => {
                    pnp.address_type =
                        Some(digit().and_then(AddressType::from_digit).ok_or_else(bad)?)
                }
                b'K' => {
                    pnp.transport = Some(digit().and_then(Transport::from_digit).ok_or_else(bad)?)
                }
                b'J' => pnp.port = Some(port(token.value).ok_or_else(bad)?),
                b'I' => {
                    if token.value.is_empty() {
                        return Err(bad());
                    }
                    pnp.server = token.value;
                    has_server = true;
                }
                b'Z' => pnp.ntp = Some(token.value),
                b'T' => pnp.trustpool = Some(token.value),
                _ => pnp.unknown += 1,
            }
        }
        if !has_server {
            return Err(err(text.len(), PnpErrorKind::MissingServer));
        }
        Ok(pnp)
    }

    /// The tokens after the first, in order (empty ones dropped).
    pub fn tokens(&self) -> impl Iterator<Item = PnpToken<'a>> + 'a {
        let text = self.text;
        let mut index = 0usize;
        text.split(';')
            .map(move |t| {
                let at = index;
                index += t.len() + 1;
                (at, t)
            })
            .skip(1)
            .filter(|(_, t)| !t.is_empty())
            .map(|(index, t)| PnpToken {
                key: t.as_bytes().first().copied().unwrap_or(0),
                value: t.get(1..).unwrap_or(""),
                index,
            })
    }

    /// The tokens whose key CP2 does not name, in order (kept and shown,
    /// CP3).
    pub fn unknown(&self) -> impl Iterator<Item = PnpToken<'a>> + 'a {
        self.tokens().filter(|t| !KNOWN.contains(&t.key))
    }

    /// The string, without a trailing NUL.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Whether a trailing NUL was tolerated (G8).
    pub fn trailing_nul(&self) -> bool {
        self.trailing_nul
    }

    /// The version digit of the first token (`1`), if written.
    pub fn version(&self) -> Option<u8> {
        self.version
    }

    /// Whether the first token says `D` (debug on); `false` for `N` or no
    /// flag.
    pub fn debug(&self) -> bool {
        self.debug == Some(true)
    }

    /// The debug flag as written: `Some(true)` for `D`, `Some(false)` for
    /// `N`, `None` when absent.
    pub fn debug_flag(&self) -> Option<bool> {
        self.debug
    }

    /// `B`, as written.
    pub fn address_type(&self) -> Option<AddressType> {
        self.address_type
    }

    /// `B`, or its default, IPv4 (CP2).
    pub fn address_type_or_default(&self) -> AddressType {
        self.address_type.unwrap_or(AddressType::Ipv4)
    }

    /// CP3's warning: the form of `I` disagrees with `B` (or with its
    /// default): `Some((b, form))`.
    pub fn address_type_mismatch(&self) -> Option<(AddressType, AddressType)> {
        let b = self.address_type_or_default();
        let form = AddressType::of(self.server);
        (b != form).then_some((b, form))
    }

    /// `I`: the PnP server's address or name.
    pub fn server(&self) -> &'a str {
        self.server
    }

    /// `J`, as written.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// `K`, as written.
    pub fn transport(&self) -> Option<Transport> {
        self.transport
    }

    /// `K`, or its default, HTTP (CP2).
    pub fn transport_or_default(&self) -> Transport {
        self.transport.unwrap_or(Transport::Http)
    }

    /// `J`, or the transport's default port (CP2).
    pub fn port_or_default(&self) -> Option<u16> {
        self.port
            .or_else(|| self.transport_or_default().default_port())
    }

    /// `Z`: an NTP server (the letter is **unverified**).
    pub fn ntp(&self) -> Option<&'a str> {
        self.ntp
    }

    /// `T`: a trustpool CA bundle URL (the letter is **unverified**).
    pub fn trustpool(&self) -> Option<&'a str> {
        self.trustpool
    }

    /// The owned form.
    pub fn to_repr(&self) -> PnpStringRepr {
        PnpStringRepr {
            version: self.version,
            debug: self.debug,
            address_type: self.address_type,
            server: self.server.to_owned(),
            port: self.port,
            transport: self.transport,
            ntp: self.ntp.map(ToOwned::to_owned),
            trustpool: self.trustpool.map(ToOwned::to_owned),
            unknown: self
                .unknown()
                .map(|t| (t.key, t.value.to_owned()))
                .collect(),
        }
    }
}

/// A decimal port, 1..=65535.
fn port(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<u16>().ok().filter(|p| *p != 0)
}

/// The owned PnP string. [`fmt::Display`] writes it: the first token,
/// then `B`, `I`, `J`, `K`, `Z`, `T`, then the unknown tokens in order,
/// each followed by `;` (CP3: token order is free).
///
/// ```
/// use ztp_options::vendor::cisco::{PnpString, PnpStringRepr, Transport};
///
/// let repr = PnpStringRepr::new("pnp.example.net")
///     .with_transport(Transport::Https)
///     .with_port(8443);
/// let text = repr.to_string();
/// assert_eq!(text, "5A1N;Ipnp.example.net;J8443;K5;");
/// assert_eq!(PnpString::parse(text.as_bytes())?.to_repr(), repr);
/// # Ok::<(), ztp_options::vendor::cisco::PnpError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PnpStringRepr {
    /// The version digit of the first token.
    pub version: Option<u8>,
    /// The debug flag: `D` (`true`), `N` (`false`), absent.
    pub debug: Option<bool>,
    /// `B`.
    pub address_type: Option<AddressType>,
    /// `I` (not empty, no `;`).
    pub server: String,
    /// `J` (1..=65535).
    pub port: Option<u16>,
    /// `K`.
    pub transport: Option<Transport>,
    /// `Z`.
    pub ntp: Option<String>,
    /// `T`.
    pub trustpool: Option<String>,
    /// Tokens with other keys, in order: key and value.
    pub unknown: Vec<(u8, String)>,
}

impl PnpStringRepr {
    /// `5A1N;I<server>;`: version 1, debug off, the rest absent.
    pub fn new(server: impl Into<String>) -> Self {
        PnpStringRepr {
            version: Some(1),
            debug: Some(false),
            address_type: None,
            server: server.into(),
            port: None,
            transport: None,
            ntp: None,
            trustpool: None,
            unknown: Vec::new(),
        }
    }

    /// The same with `J`.
    #[must_use]
    pub fn with_port(self, port: u16) -> Self {
        PnpStringRepr {
            port: Some(port),
            ..self
        }
    }

    /// The same with `K`.
    #[must_use]
    pub fn with_transport(self, transport: Transport) -> Self {
        PnpStringRepr {
            transport: Some(transport),
            ..self
        }
    }

    /// The same with `B`.
    #[must_use]
    pub fn with_address_type(self, address_type: AddressType) -> Self {
        PnpStringRepr {
            address_type: Some(address_type),
            ..self
        }
    }

    /// Whether [`fmt::Display`] writes a string [`PnpString::parse`]
    /// accepts and reads back as `self`: a printable `I` without `;`, a
    /// version digit (when a debug flag is set), a non-zero port, values
    /// without `;`, unknown keys printable, distinct and not in CP2's.
    pub fn is_valid(&self) -> bool {
        let value_ok = |s: &str| s.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b';');
        let mut keys: Vec<u8> = self.unknown.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        !self.server.is_empty()
            && value_ok(&self.server)
            && self.version.is_none_or(|v| v <= 9)
            && (self.debug.is_none() || self.version.is_some())
            && self.port != Some(0)
            && self.ntp.as_deref().is_none_or(value_ok)
            && self.trustpool.as_deref().is_none_or(value_ok)
            && keys.len() == self.unknown.len()
            && self.unknown.iter().all(|(k, v)| {
                (0x21..0x7f).contains(k) && *k != b';' && !KNOWN.contains(k) && value_ok(v)
            })
    }
}

impl fmt::Display for PnpStringRepr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("5A")?;
        if let Some(v) = self.version {
            write!(f, "{v}")?;
        }
        match self.debug {
            Some(true) => f.write_str("D")?,
            Some(false) => f.write_str("N")?,
            None => {}
        }
        f.write_str(";")?;
        if let Some(b) = self.address_type {
            write!(f, "B{};", b.digit())?;
        }
        write!(f, "I{};", self.server)?;
        if let Some(j) = self.port {
            write!(f, "J{j};")?;
        }
        if let Some(k) = self.transport {
            write!(f, "K{};", k.digit())?;
        }
        if let Some(z) = &self.ntp {
            write!(f, "Z{z};")?;
        }
        if let Some(t) = &self.trustpool {
            write!(f, "T{t};")?;
        }
        for (k, v) in &self.unknown {
            write!(f, "{}{v};", char::from(*k))?;
        }
        Ok(())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for PnpStringRepr {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789.-:_/ ";
        let word = |u: &mut arbitrary::Unstructured<'a>, min: usize| -> arbitrary::Result<String> {
            let n = u.int_in_range(min..=12)?;
            (0..n)
                .map(|_| u.choose(CHARS).map(|c| char::from(*c)))
                .collect()
        };
        let version = if u.arbitrary()? {
            Some(u.int_in_range(0..=9)?)
        } else {
            None
        };
        let debug = if version.is_some() {
            u.arbitrary()?
        } else {
            None
        };
        let mut unknown: Vec<(u8, String)> = Vec::new();
        for _ in 0..u.int_in_range(0..=3)? {
            let key = *u.choose(b"ACEFGHLMNOPQRSUVWXY")?;
            if unknown.iter().all(|(k, _)| *k != key) {
                unknown.push((key, word(u, 0)?));
            }
        }
        Ok(PnpStringRepr {
            version,
            debug,
            address_type: u.arbitrary()?,
            server: word(u, 1)?,
            port: if u.arbitrary()? {
                Some(u.int_in_range(1..=u16::MAX)?)
            } else {
                None
            },
            transport: u.arbitrary()?,
            ntp: if u.arbitrary()? {
                Some(word(u, 0)?)
            } else {
                None
            },
            trustpool: if u.arbitrary()? {
                Some(word(u, 0)?)
            } else {
                None
            },
            unknown,
        })
    }
}

/// CP3/CP4: the PnP plan from a checked string found at `at`: one
/// [`Service::PnpServer`] contact, the defaults and warnings logged.
pub(crate) fn contact(plan: &mut VendorPlan, pnp: &PnpString<'_>, at: OptionRef, order: Order) {
    if pnp.trailing_nul() {
        plan.log(
            "G8",
            "trailing-nul",
            format!("{at}: trailing nul tolerated"),
        );
    }
    let transport = pnp.transport_or_default();
    if pnp.transport().is_none() {
        plan.log(
            "CP3",
            "pnp-default-transport",
            "no K token: transport HTTP (K4, the default)",
        );
    }
    let port = pnp.port_or_default();
    match (pnp.port(), port) {
        (None, Some(p)) => plan.log(
            "CP3",
            "pnp-default-port",
            format!(
                "no J token: port {p} (the default for {})",
                transport.scheme()
            ),
        ),
        (None, None) => plan.log(
            "CP3",
            "pnp-no-port",
            "no J token, and the sources give no default port for xmpp",
        ),
        _ => {}
    }
    if let Some((b, form)) = pnp.address_type_mismatch() {
        plan.log(
            "CP3",
            "pnp-address-type-mismatch",
            format!(
                "B{} says {} but I {:?} is {} (warning)",
                b.digit(),
                type_name(b),
                pnp.server(),
                type_name(form)
            ),
        );
    }
    for t in pnp.unknown() {
        plan.log(
            "CP3",
            "pnp-unknown-token",
            format!(
                "unknown token {:?} (key {:?}) kept",
                t.value,
                char::from(t.key)
            ),
        );
    }
    if let Some(z) = pnp.ntp() {
        plan.log(
            "CP2",
            "pnp-ntp",
            format!("Z token: NTP server {z:?} (letter unverified)"),
        );
    }
    if let Some(t) = pnp.trustpool() {
        plan.log(
            "CP2",
            "pnp-trustpool",
            format!("T token: trustpool bundle {t:?} (letter unverified)"),
        );
    }
    let host = pnp.server();
    let shown = if host.parse::<Ipv6Addr>().is_ok() {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    let url = match port {
        Some(p) => format!("{}://{shown}:{p}", transport.scheme()),
        None => format!("{}://{shown}", transport.scheme()),
    };
    if AddressType::of(host) == AddressType::HostName {
        common::flag_host_name(plan, "the PnP string's I token", host);
    }
    let mut c =
        Contact::new(Service::PnpServer, host, at, order).with_transport(transport.scheme());
    if let Some(p) = port {
        c = c.with_port(p);
    }
    plan.steps.push(Step::Contact(c));
    match transport {
        Transport::Http | Transport::Https => plan.log(
            "CP4",
            "pnp-server",
            format!("the device contacts the PnP server at {url} (no URL path invented, choice)"),
        ),
        _ => plan.log(
            "CP4",
            "pnp-xmpp",
            format!(
                "K{} is xmpp: the device talks to {url}, nothing is fetched",
                transport.digit()
            ),
        ),
    }
}

fn type_name(t: AddressType) -> &'static str {
    match t {
        AddressType::HostName => "a host name",
        AddressType::Ipv4 => "an ipv4 address",
        AddressType::Ipv6 => "an ipv6 address",
    }
}

/// CP7: no usable PnP string: discovery goes on outside DHCP.
pub(crate) fn stop_outside_dhcp(why: &str) -> Stop {
    Stop::new(
        "CP7",
        "pnp-discovery-outside-dhcp",
        format!("{why}: PnP discovery continues outside DHCP (DNS pnpserver.<domain>, then the cloud redirect)"),
    )
    .waiting()
}

/// CP2/CP3 on DHCPv4 option 43: the contact, or `None` (logged) when 43 is
/// absent or not a PnP string.
pub(crate) fn from_v4(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) -> Option<()> {
    let raw = lease.value_bytes(crate::v4::OptionCode::VENDOR_SPECIFIC)?;
    match PnpString::parse(raw) {
        Ok(pnp) => {
            plan.log(
                "CP2",
                "pnp-string",
                format!("option 43 is a PnP string: {:?}", pnp.as_str()),
            );
            contact(plan, &pnp, OptionRef::v4(43), Order::First);
            Some(())
        }
        Err(e) => {
            let id = if e.kind == PnpErrorKind::NoSeparators {
                "pnp-no-separators"
            } else {
                "pnp-string-invalid"
            };
            plan.log("CP3", id, format!("option 43: {e}"));
            None
        }
    }
}

/// CP6: a DHCPv6 option 17 item of enterprise 9 whose value starts `5A1`
/// (**choice**, the v6 carrier is unverified).
pub(crate) fn from_v6(plan: &mut VendorPlan, lease: &crate::v6::Lease<'_>) -> Option<()> {
    for opts in lease.other_vendor_opts() {
        if opts.enterprise() != crate::v4::CISCO_ENTERPRISE {
            continue;
        }
        for item in opts.items().flatten() {
            if !item.value.starts_with(b"5A1") {
                continue;
            }
            let at = OptionRef::v6(17).sub(item.code.get());
            match PnpString::parse(item.value) {
                Ok(pnp) => {
                    plan.log(
                        "CP6",
                        "pnp-string-v6",
                        format!("{at} (enterprise 9) starts with 5A1: read as a PnP string (choice, unverified carrier)"),
                    );
                    contact(plan, &pnp, at, Order::First);
                    return Some(());
                }
                Err(e) => plan.log("CP3", "pnp-string-invalid", format!("{at}: {e}")),
            }
        }
    }
    None
}

/// CP5: a PnP string in option 67 is diagnosed, never fetched. Returns
/// whether it was one.
pub(crate) fn in_67(plan: &mut VendorPlan, value: &[u8]) -> bool {
    if !looks_like_pnp(value) {
        return false;
    }
    plan.log(
        "CP5",
        "pnp-string-in-67",
        "PnP string in 67: a PnP string belongs in option 43; not fetched as a file name",
    );
    true
}

/// The PnP plan (CP2..CP7) of a DHCPv4 reply.
pub(crate) fn plan_v4(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) {
    if let Some(v) = lease.boot_file_name() {
        if !in_67(plan, v) {
            plan.log(
                "CX3",
                "ztp-not-pnp",
                "option 67 is present: an IOS-XE device runs ZTP from it rather than PnP (choice); see the cisco-iosxe plan",
            );
        }
    }
    if from_v4(plan, lease).is_none() {
        let why = if lease
            .value_bytes(crate::v4::OptionCode::VENDOR_SPECIFIC)
            .is_some()
        {
            "option 43 is not a usable PnP string"
        } else {
            "no option 43"
        };
        plan.stop = Some(stop_outside_dhcp(why));
    }
}

/// The PnP plan (CP6, CP7) of a DHCPv6 reply.
pub(crate) fn plan_v6(plan: &mut VendorPlan, lease: &crate::v6::Lease<'_>) {
    if from_v6(plan, lease).is_none() {
        plan.stop = Some(stop_outside_dhcp(
            "no option 17 item of enterprise 9 holds a PnP string",
        ));
    }
}

// ------------------------------------------------ the offer (CP2, CP6)

use crate::vendor::Vendor;
use crate::vendor::offer::{self, OfferError, OfferProblem};

/// What a DHCP server tells a Plug and Play agent: the PnP string of
/// option 43 (CP2), or of a DHCPv6 option 17 item of enterprise 9 (CP6).
/// It is written as [`PnpStringRepr`] writes it, version 1, with a `B`
/// token that matches the form of the server (so that CP3 has nothing to
/// warn about): `5A1N;B2;I172.19.45.222;J80;K4;`.
///
/// ```
/// use ztp_options::v4::OptionCode;
/// use ztp_options::vendor::cisco::Transport;
/// use ztp_options::vendor::{Offer, OfferProblem, PnpOffer};
///
/// let mut pnp = PnpOffer::new("172.19.45.222");
/// pnp.port = Some(80);
/// pnp.transport = Some(Transport::Http);
/// let set = Offer::CiscoPnp(pnp).to_v4_options()?;
/// assert_eq!(set.get(OptionCode::VENDOR_SPECIFIC), Some(&b"5A1N;B2;I172.19.45.222;J80;K4;"[..]));
/// // CP2: a ';' would split the server's token.
/// let err = Offer::CiscoPnp(PnpOffer::new("pnp;x")).to_v4_options().unwrap_err();
/// assert_eq!((err.problem, err.rule), (OfferProblem::Separator, "CP2"));
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PnpOffer {
    /// `I`: the PnP server's address or host name.
    pub server: String,
    /// `J`: its port (1..=65535), else the transport's default.
    pub port: Option<u16>,
    /// `K`: the transport, else HTTP.
    pub transport: Option<Transport>,
    /// The debug flag of the first token (`5A1D`, else `5A1N`).
    pub debug: bool,
}

/// The DHCPv6 option 17 item code the PnP string is written in (CP6: the
/// reader takes any item of enterprise 9 starting `5A1`; 1 is a
/// **choice**).
pub(crate) const V6_ITEM: u16 = 1;

impl PnpOffer {
    /// The server; default port and transport, debug off.
    pub fn new(server: impl Into<String>) -> Self {
        PnpOffer {
            server: server.into(),
            port: None,
            transport: None,
            debug: false,
        }
    }

    /// The string (CP2), checked: the server is printable ASCII without
    /// `;`, the port not 0, the whole at most 255 bytes.
    fn string(&self, at: OptionRef) -> Result<String, OfferError> {
        let vendor = Vendor::CiscoPnp;
        let refuse = |value: &str, problem| Err(OfferError::new(vendor, at, value, problem, "CP2"));
        if self.server.is_empty() {
            return refuse(&self.server, OfferProblem::Empty);
        }
        if !self.server.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return refuse(&self.server, OfferProblem::NotText);
        }
        if self.server.contains(';') {
            return refuse(&self.server, OfferProblem::Separator);
        }
        if self.port == Some(0) {
            return refuse("0", OfferProblem::BadPort);
        }
        let mut repr = PnpStringRepr::new(self.server.as_str())
            .with_address_type(AddressType::of(&self.server));
        repr.debug = Some(self.debug);
        repr.port = self.port;
        repr.transport = self.transport;
        let s = repr.to_string();
        offer::text(vendor, at, &s, "CP2")?;
        Ok(s)
    }

    /// CP2: option 43.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let s = self.string(OptionRef::v4(43))?;
        Ok(offer::v4_set(alloc::vec![(43, s.into_bytes())]))
    }

    /// CP6: option 17, enterprise 9, item [`V6_ITEM`].
    pub(crate) fn to_v6_options(&self) -> Result<crate::v6::OptionSet, OfferError> {
        let s = self.string(OptionRef::v6(17).sub(V6_ITEM))?;
        let mut value = crate::v4::CISCO_ENTERPRISE.to_be_bytes().to_vec();
        crate::v6::put_option(
            crate::v6::OptionCode::new(V6_ITEM),
            s.as_bytes(),
            &mut value,
        )
        .map_err(|_| {
            OfferError::new(
                Vendor::CiscoPnp,
                OptionRef::v6(17).sub(V6_ITEM),
                s.as_str(),
                OfferProblem::TooLong {
                    len: s.len(),
                    max: usize::from(u16::MAX),
                },
                "CP6",
            )
        })?;
        Ok(offer::v6_set(alloc::vec![(17, value)]))
    }

    fn of(pnp: &PnpString<'_>) -> Self {
        PnpOffer {
            server: pnp.server().to_owned(),
            port: pnp.port(),
            transport: pnp.transport(),
            debug: pnp.debug(),
        }
    }

    /// The inverse of [`PnpOffer::to_v4_options`]: option 43 as a PnP
    /// string (its `B`, `Z`, `T` and unknown tokens are not kept).
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let at = OptionRef::v4(43);
        let raw = lease
            .value_bytes(crate::v4::OptionCode::VENDOR_SPECIFIC)
            .ok_or_else(|| offer::nothing(Vendor::CiscoPnp, at, "CP7"))?;
        PnpString::parse(raw)
            .map(|p| PnpOffer::of(&p))
            .map_err(|_| offer::malformed(Vendor::CiscoPnp, at, raw, "CP3"))
    }

    /// The inverse of [`PnpOffer::to_v6_options`]: the first option 17
    /// item of enterprise 9 starting `5A1` that parses (CP6).
    pub(crate) fn from_v6(lease: &crate::v6::Lease<'_>) -> Result<Self, OfferError> {
        for opts in lease.other_vendor_opts() {
            if opts.enterprise() != crate::v4::CISCO_ENTERPRISE {
                continue;
            }
            for item in opts.items().flatten() {
                if !item.value.starts_with(b"5A1") {
                    continue;
                }
                if let Ok(p) = PnpString::parse(item.value) {
                    return Ok(PnpOffer::of(&p));
                }
            }
        }
        Err(offer::nothing(Vendor::CiscoPnp, OptionRef::v6(17), "CP7"))
    }
}
