//! Text forms inside vendor options, beyond URLs: Aruba Central's CSV in
//! option 43 (AR5), Huawei's option 66 with scheme and credentials (H2),
//! and the `key=value;` pairs of Huawei's options 148 (H8), 43.1, 43.2,
//! 145 and 146 (H7). Each is a borrowed view that never allocates; a value
//! that does not fit is a [`ValueError`]: where (a [`Place`], at the
//! offending byte) and what ([`ValueProblem`]).
//!
//! The crate-private helpers at the end are shared by the vendor plans of
//! this module's siblings (text options read under G8, URL hosts for G9,
//! G10's bare-name rule, G12's SZTP note).

use alloc::format;
use alloc::string::{String, ToString};
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::error::{DecodeError, DecodeErrorKind, Place};
use crate::text::Text;

/// What is wrong with a vendor text form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ValueProblem {
    /// Not text under SPEC R7 (G8), or not UTF-8.
    Text(DecodeErrorKind),
    /// A comma-separated value with the wrong number of fields (AR5: 3).
    FieldCount {
        /// Fields found.
        found: u16,
        /// Fields expected.
        expected: u16,
    },
    /// An empty field of a comma-separated value (its index, from 0).
    EmptyField {
        /// The field's index.
        index: u16,
    },
    /// A `key=value` pair with no `=`.
    MissingEquals,
    /// A pair with an empty key.
    EmptyKey,
    /// A key given twice.
    DuplicateKey,
    /// A scheme the rule does not allow (H2: `tftp`, `ftp`, `sftp`).
    UnknownScheme,
    /// No host.
    NoHost,
    /// A host that is neither an IPv4 literal nor a DNS name.
    BadHost,
    /// A user name or password where the scheme takes none (H2: TFTP).
    UserInfo,
    /// A port where the scheme takes none (H2: only SFTP has one).
    PortNotAllowed,
    /// A port with a host that is not an IPv4 literal (H2).
    PortNeedsIpv4,
    /// A port that is not a decimal number.
    BadPort,
    /// A path after the host, where the form has none (H2).
    Path,
}

impl ValueProblem {
    /// The lowercase description used in error messages.
    pub fn as_str(&self) -> &'static str {
        match self {
            ValueProblem::Text(_) => "not valid text",
            ValueProblem::FieldCount { .. } => "the wrong number of comma-separated fields",
            ValueProblem::EmptyField { .. } => "an empty field",
            ValueProblem::MissingEquals => "a pair without =",
            ValueProblem::EmptyKey => "a pair with an empty key",
            ValueProblem::DuplicateKey => "a key given twice",
            ValueProblem::UnknownScheme => "the scheme is not tftp, ftp or sftp",
            ValueProblem::NoHost => "no host",
            ValueProblem::BadHost => "the host is neither an ipv4 address nor a dns name",
            ValueProblem::UserInfo => "a user name or password with tftp",
            ValueProblem::PortNotAllowed => "a port with a scheme other than sftp",
            ValueProblem::PortNeedsIpv4 => "a port with a host that is not an ipv4 address",
            ValueProblem::BadPort => "the port is not a decimal number",
            ValueProblem::Path => "a path after the host",
        }
    }
}

/// A vendor text form that does not decode: where and what.
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::{CentralCsv, ValueProblem};
///
/// let at = Place::option(Family::V4, 43, 20);
/// let err = CentralCsv::parse(b"group1,central.example", at).unwrap_err();
/// assert_eq!(err.kind, ValueProblem::FieldCount { found: 2, expected: 3 });
/// assert_eq!(err.at.offset(), 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ValueError {
    /// Where: the value's first byte, or the offending byte in it.
    pub at: Place,
    /// What.
    pub kind: ValueProblem,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ValueProblem::Text(kind) => write!(f, "{}", kind.at(self.at)),
            ValueProblem::FieldCount { found, expected } => write!(
                f,
                "{} fields where {expected} are expected at {}",
                found, self.at
            ),
            ValueProblem::EmptyField { index } => {
                write!(f, "field {index} is empty at {}", self.at)
            }
            kind => write!(f, "{} at {}", kind.as_str(), self.at),
        }
    }
}

impl core::error::Error for ValueError {}

impl From<DecodeError> for ValueError {
    fn from(e: DecodeError) -> Self {
        ValueError {
            at: e.place(),
            kind: ValueProblem::Text(e.kind()),
        }
    }
}

fn err(at: Place, index: usize, kind: ValueProblem) -> ValueError {
    ValueError {
        at: at.shifted(index),
        kind,
    }
}

/// Text under G8 (R7: one trailing NUL tolerated), as UTF-8.
fn text(value: &[u8], at: Place) -> Result<&str, ValueError> {
    Ok(Text::parse(value, at)?.as_str()?)
}

/// Aruba Central on-premise, second form (AR5): option 43 as ASCII
/// `<group>,<central-fqdn-or-ip>,<shared-secret>`, read only when the
/// *reply's* option 60 is `ArubaInstantAP` (P60; the reply's 60 is a
/// clue, never proof of the client, RA3).
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::CentralCsv;
///
/// let csv = CentralCsv::parse(b"campus,10.1.1.5,s3cret", Place::option(Family::V4, 43, 0))?;
/// assert_eq!((csv.group, csv.host, csv.secret), ("campus", "10.1.1.5", "s3cret"));
/// # Ok::<(), ztp_options::vendor::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CentralCsv<'a> {
    /// The Central group.
    pub group: &'a str,
    /// Central's FQDN or IPv4 address.
    pub host: &'a str,
    /// The shared secret.
    pub secret: &'a str,
}

impl<'a> CentralCsv<'a> {
    /// Reads `value` (found at `at`): three non-empty fields (AR5).
    ///
    /// # Errors
    ///
    /// [`ValueProblem::Text`] (G8), [`ValueProblem::FieldCount`] at the
    /// value's start, [`ValueProblem::EmptyField`] at the field.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self, ValueError> {
        let s = text(value, at)?;
        let found = s.split(',').count();
        let mut fields = s.split(',');
        let (Some(group), Some(host), Some(secret), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(err(
                at,
                0,
                ValueProblem::FieldCount {
                    found: u16::try_from(found).unwrap_or(u16::MAX),
                    expected: 3,
                },
            ));
        };
        let mut index = 0;
        for (i, field) in [group, host, secret].into_iter().enumerate() {
            if field.is_empty() {
                return Err(err(
                    at,
                    index,
                    ValueProblem::EmptyField {
                        index: u16::try_from(i).unwrap_or(u16::MAX),
                    },
                ));
            }
            index += field.len() + 1;
        }
        Ok(CentralCsv {
            group,
            host,
            secret,
        })
    }
}

/// One `key=value` pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pair<'a> {
    /// The key, as sent.
    pub key: &'a str,
    /// The value, as sent (may be empty).
    pub value: &'a str,
    /// The key's index in the text.
    pub index: usize,
}

/// `key=value;` pairs (H8's option 148, H7's 43.1 `URL=…;`, 43.2
/// `username=…;password=…;`, 145 `vrpfile=…;vrpver=…;patchfile=…;`, 146
/// `opervalue=…`). Empty segments are skipped (a trailing `;` is usual;
/// the last pair may omit it, a **choice**); a value may hold `=`; keys
/// are compared ASCII case-insensitively by [`Pairs::get`] (a **choice**:
/// Huawei writes `URL` upper case, the others lower case), and a key given
/// twice is an error.
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::Pairs;
///
/// let v = b"agilemode=agile-cloud;agilemanage-mode=domain;agilemanage-domain=nce.example;agilemanage-port=10020;";
/// let pairs = Pairs::parse(v, Place::option(Family::V4, 148, 2))?;
/// assert_eq!(pairs.get("agilemanage-port"), Some("10020"));
/// assert_eq!(pairs.iter().count(), 4);
/// # Ok::<(), ztp_options::vendor::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pairs<'a> {
    text: &'a str,
    at: Place,
}

impl<'a> Pairs<'a> {
    /// Checks `value` (found at `at`).
    ///
    /// # Errors
    ///
    /// [`ValueProblem::Text`] (G8); [`ValueProblem::MissingEquals`],
    /// [`ValueProblem::EmptyKey`], [`ValueProblem::DuplicateKey`] at the
    /// pair.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self, ValueError> {
        let text = text(value, at)?;
        let pairs = Pairs { text, at };
        for (i, segment) in pairs.segments() {
            let Some((key, _)) = segment.split_once('=') else {
                return Err(err(at, i, ValueProblem::MissingEquals));
            };
            if key.is_empty() {
                return Err(err(at, i, ValueProblem::EmptyKey));
            }
            if pairs.segments().take_while(|(j, _)| *j < i).any(|(_, s)| {
                s.split_once('=')
                    .is_some_and(|(k, _)| k.eq_ignore_ascii_case(key))
            }) {
                return Err(err(at, i, ValueProblem::DuplicateKey));
            }
        }
        Ok(pairs)
    }

    fn segments(&self) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let text = self.text;
        let mut start = 0usize;
        text.split(';').filter_map(move |s| {
            let i = start;
            start += s.len() + 1;
            (!s.is_empty()).then_some((i, s))
        })
    }

    /// The pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = Pair<'a>> + 'a {
        self.segments().filter_map(|(index, s)| {
            s.split_once('=')
                .map(|(key, value)| Pair { key, value, index })
        })
    }

    /// The value of `key` (ASCII case-insensitive).
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.iter()
            .find(|p| p.key.eq_ignore_ascii_case(key))
            .map(|p| p.value)
    }

    /// The text.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Where the value starts.
    pub fn place(&self) -> Place {
        self.at
    }
}

/// The transfer scheme of Huawei's option 66 (H2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum HuaweiScheme {
    /// `tftp://` or a bare address.
    Tftp,
    /// `ftp://`.
    Ftp,
    /// `sftp://`.
    Sftp,
}

impl HuaweiScheme {
    /// `tftp`, `ftp`, `sftp`.
    pub const fn as_str(self) -> &'static str {
        match self {
            HuaweiScheme::Tftp => "tftp",
            HuaweiScheme::Ftp => "ftp",
            HuaweiScheme::Sftp => "sftp",
        }
    }
}

/// Huawei's option 66 (H2): the intermediate file server as `tftp://host`,
/// `ftp://[user[:pass]@]host`, `sftp://[user[:pass]@]host[:port]`, or a
/// bare address meaning TFTP. The SFTP port is allowed only with an IPv4
/// host; a port outside 0..65535 becomes 22 ([`HuaweiServer::port_replaced`]).
/// The scheme is matched ASCII case-insensitively and one trailing `/` is
/// tolerated (**choices**).
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::{HuaweiScheme, HuaweiServer};
///
/// let at = Place::option(Family::V4, 66, 0);
/// let s = HuaweiServer::parse(b"sftp://ztp:pw@192.0.2.7:70000", at)?;
/// assert_eq!(s.scheme, HuaweiScheme::Sftp);
/// assert_eq!((s.user, s.password, s.host), (Some("ztp"), Some("pw"), "192.0.2.7"));
/// assert_eq!((s.port, s.port_replaced), (Some(22), true)); // H2: out of range → 22
/// assert_eq!(s.url("conf.ini"), "sftp://ztp:pw@192.0.2.7:22/conf.ini");
/// assert_eq!(HuaweiServer::parse(b"192.0.2.7", at)?.url("a.cfg"), "tftp://192.0.2.7/a.cfg");
/// # Ok::<(), ztp_options::vendor::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HuaweiServer<'a> {
    /// The scheme.
    pub scheme: HuaweiScheme,
    /// Whether the value was a bare address (no `scheme://`).
    pub bare: bool,
    /// The user name.
    pub user: Option<&'a str>,
    /// The password.
    pub password: Option<&'a str>,
    /// The host: an IPv4 literal or a DNS name (H2 allows names with DNS,
    /// option 6).
    pub host: &'a str,
    /// The port (SFTP only).
    pub port: Option<u16>,
    /// Whether the port given was outside 0..65535 and became 22 (H2).
    pub port_replaced: bool,
}

impl<'a> HuaweiServer<'a> {
    /// Reads option 66's `value` (found at `at`).
    ///
    /// # Errors
    ///
    /// [`ValueProblem::Text`] (G8), [`ValueProblem::UnknownScheme`],
    /// [`ValueProblem::NoHost`], [`ValueProblem::BadHost`],
    /// [`ValueProblem::UserInfo`], [`ValueProblem::PortNotAllowed`],
    /// [`ValueProblem::PortNeedsIpv4`], [`ValueProblem::BadPort`],
    /// [`ValueProblem::Path`]; at the offending byte.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self, ValueError> {
        let s = text(value, at)?;
        let (scheme, bare, start) = match s.find("://") {
            Some(i) => {
                let name = s.get(..i).unwrap_or("");
                let scheme = if name.eq_ignore_ascii_case("tftp") {
                    HuaweiScheme::Tftp
                } else if name.eq_ignore_ascii_case("ftp") {
                    HuaweiScheme::Ftp
                } else if name.eq_ignore_ascii_case("sftp") {
                    HuaweiScheme::Sftp
                } else {
                    return Err(err(at, 0, ValueProblem::UnknownScheme));
                };
                (scheme, false, i + 3)
            }
            None => (HuaweiScheme::Tftp, true, 0),
        };
        let rest = s.get(start..).unwrap_or("");
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if let Some(slash) = rest.find('/') {
            return Err(err(at, start + slash, ValueProblem::Path));
        }
        let (userinfo, hostport, host_at) = match rest.rfind('@') {
            Some(i) if !bare => (
                Some(rest.get(..i).unwrap_or("")),
                rest.get(i + 1..).unwrap_or(""),
                start + i + 1,
            ),
            Some(i) => return Err(err(at, i, ValueProblem::BadHost)),
            None => (None, rest, start),
        };
        if userinfo.is_some() && scheme == HuaweiScheme::Tftp {
            return Err(err(at, start, ValueProblem::UserInfo));
        }
        let (user, password) = match userinfo.map(|u| u.split_once(':')) {
            None => (None, None),
            Some(Some((u, p))) => (Some(u), Some(p)),
            Some(None) => (userinfo, None),
        };
        let (host, port) = match hostport.split_once(':') {
            Some((h, p)) if !bare => (h, Some(p)),
            Some((h, _)) => return Err(err(at, h.len(), ValueProblem::BadHost)),
            None => (hostport, None),
        };
        if host.is_empty() {
            return Err(err(at, host_at, ValueProblem::NoHost));
        }
        if !is_ipv4(host) && !is_dns_name(host) {
            return Err(err(at, host_at, ValueProblem::BadHost));
        }
        let port_at = host_at + host.len() + 1;
        let (port, port_replaced) = match port {
            None => (None, false),
            Some(_) if scheme != HuaweiScheme::Sftp => {
                return Err(err(at, port_at, ValueProblem::PortNotAllowed));
            }
            Some(_) if !is_ipv4(host) => {
                return Err(err(at, port_at, ValueProblem::PortNeedsIpv4));
            }
            Some(p) if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(err(at, port_at, ValueProblem::BadPort));
            }
            Some(p) => match p.parse::<u16>() {
                Ok(n) => (Some(n), false),
                Err(_) => (Some(22), true),
            },
        };
        Ok(HuaweiServer {
            scheme,
            bare,
            user,
            password,
            host,
            port,
            port_replaced,
        })
    }

    /// The URL of `file` on this server:
    /// `scheme://[user[:pass]@]host[:port]/file`.
    pub fn url(&self, file: &str) -> String {
        let mut url = format!("{}://", self.scheme.as_str());
        if let Some(user) = self.user {
            url.push_str(user);
            if let Some(p) = self.password {
                url.push(':');
                url.push_str(p);
            }
            url.push('@');
        }
        url.push_str(self.host);
        if let Some(port) = self.port {
            url.push_str(&format!(":{port}"));
        }
        url.push('/');
        url.push_str(file.trim_start_matches('/'));
        url
    }
}

/// Whether `s` is a dotted-quad IPv4 literal.
pub(crate) fn is_ipv4(s: &str) -> bool {
    s.parse::<Ipv4Addr>().is_ok()
}

/// Whether `s` is a DNS name: dot-separated labels of letters, digits,
/// `-` and `_`, 1 to 63 bytes each, 253 bytes at most, not all digits and
/// dots.
pub(crate) fn is_dns_name(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        && !s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

// ------------------------------------------------ helpers for the plans

use super::{Contact, OptionRef, Order, Service, VendorPlan};
use crate::family::Family;

/// A text option of a reply, checked under G8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Opt {
    /// The text (without a trailing NUL).
    pub(crate) text: String,
    /// Where the value starts.
    pub(crate) place: Place,
    /// Whether a trailing NUL was stripped.
    pub(crate) nul: bool,
}

fn opt_of(value: &[u8], place: Place) -> Result<Opt, DecodeError> {
    let t = Text::parse(value, place)?;
    Ok(Opt {
        text: t.as_str()?.to_string(),
        place,
        nul: t.trailing_nul() == crate::text::TrailingNul::Stripped,
    })
}

/// The raw value of DHCPv4 option `code` (instances joined, RFC 3396),
/// with where it starts.
pub(crate) fn v4_raw(
    lease: &crate::v4::Lease<'_>,
    code: u8,
) -> Result<Option<(alloc::vec::Vec<u8>, Place)>, DecodeError> {
    let msg = crate::v4::Message::new_checked(lease.as_bytes())?;
    Ok(msg
        .option(crate::v4::OptionCode::new(code))?
        .map(|v| (v.value.to_vec(), v.place())))
}

/// The raw value of DHCPv6 option `code` (the first instance), with where
/// it starts.
pub(crate) fn v6_raw<'a>(lease: &crate::v6::Lease<'a>, code: u16) -> Option<(&'a [u8], Place)> {
    lease
        .message()
        .instances(crate::v6::OptionCode::new(code))
        .find_map(Result::ok)
        .map(|o| (o.value, o.place()))
}

/// DHCPv4 option `code` as text under G8; a value that is not text, or a
/// message that does not walk, is logged (G8 `bad-text`) and read as
/// absent; a trailing NUL is logged and stripped.
pub(crate) fn v4_text(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    code: u8,
) -> Option<Opt> {
    let raw = match v4_raw(lease, code) {
        Ok(raw) => raw?,
        Err(e) => {
            plan.log("G8", "bad-text", format!("option {code} not read: {e}"));
            return None;
        }
    };
    checked(plan, code.into(), opt_of(&raw.0, raw.1))
}

/// As [`v4_text`], for DHCPv6 option `code`.
pub(crate) fn v6_text(
    plan: &mut VendorPlan,
    lease: &crate::v6::Lease<'_>,
    code: u16,
) -> Option<Opt> {
    let (value, place) = v6_raw(lease, code)?;
    checked(plan, code, opt_of(value, place))
}

fn checked(plan: &mut VendorPlan, code: u16, opt: Result<Opt, DecodeError>) -> Option<Opt> {
    match opt {
        Ok(opt) => {
            if opt.nul {
                plan.log(
                    "G8",
                    "trailing-nul",
                    format!("option {code} ends in a NUL byte: tolerated and stripped (R7)"),
                );
            }
            Some(opt)
        }
        Err(e) => {
            plan.log(
                "G8",
                "bad-text",
                format!("option {code} is not valid text and is not used: {e}"),
            );
            None
        }
    }
}

/// `scheme` and the rest when `s` starts with `scheme://` (G9; the scheme
/// as RFC 3986 §3.1 spells it).
pub(crate) fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = s.split_once("://")?;
    let mut bytes = scheme.bytes();
    (bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
    .then_some((scheme, rest))
}

/// The host of a URL's part after `://`: the authority without user info
/// and port; an IPv6 literal keeps its brackets.
pub(crate) fn url_host(rest: &str) -> &str {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or(rest);
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if hostport.starts_with('[') {
        return hostport
            .find(']')
            .and_then(|i| hostport.get(..=i))
            .unwrap_or(hostport);
    }
    hostport.split_once(':').map_or(hostport, |(h, _)| h)
}

/// Whether `host` is an IP literal (IPv4, or IPv6 in brackets).
pub(crate) fn is_ip_literal(host: &str) -> bool {
    is_ipv4(host)
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| h.parse::<Ipv6Addr>().is_ok())
}

/// G9: a host name where the vendor rule is silent is accepted and
/// flagged "needs DNS (option 6)"; `rule` names the rule that allows the
/// name when the vendor's rule does (H2, AR2), else G9.
pub(crate) fn flag_dns(
    plan: &mut VendorPlan,
    rule: &'static str,
    what: &str,
    host: &str,
    dns: bool,
) {
    if host.is_empty() || is_ip_literal(host) {
        return;
    }
    let tail = if dns {
        ""
    } else {
        "; the reply has no option 6"
    };
    plan.log(
        rule,
        "needs-dns",
        format!("{what}: host name {host:?} needs DNS (option 6){tail}"),
    );
}

/// Whether a DHCPv4 reply carries option 6 (DNS servers).
pub(crate) fn v4_has_dns(lease: &crate::v4::Lease<'_>) -> bool {
    matches!(v4_raw(lease, 6), Ok(Some(_)))
}

/// Whether a DHCPv6 reply carries option 23 (DNS servers).
pub(crate) fn v6_has_dns(lease: &crate::v6::Lease<'_>) -> bool {
    v6_raw(lease, 23).is_some()
}

/// G10: the server a bare file name is fetched from where the vendor is
/// silent: the first option 150 address, then option 66, then a non-zero
/// `siaddr`, scheme `tftp` (`sname` is never used). The decision names the
/// field; `siaddr` adds P66-2's warning. `None` when there is none.
pub(crate) fn g10_server(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    name: &str,
) -> Option<String> {
    if let Ok(Some(list)) = lease.tftp_server_addresses() {
        let host = list.first().to_string();
        plan.log(
            "G10",
            "bare-name-server",
            format!("{name:?} has no scheme: fetched by tftp from option 150's first address {host} (choice)"),
        );
        return Some(host);
    }
    if let Some(o) = v4_text(plan, lease, 66) {
        plan.log(
            "G10",
            "bare-name-server",
            format!(
                "{name:?} has no scheme: fetched by tftp from option 66 ({}) (choice)",
                o.text
            ),
        );
        return Some(o.text);
    }
    let siaddr = lease.siaddr();
    if !siaddr.is_unspecified() {
        plan.log(
            "G10",
            "bare-name-server",
            format!(
                "{name:?} has no scheme: fetched by tftp from the siaddr field {siaddr} (choice)"
            ),
        );
        plan.log(
            "P66-2",
            "siaddr-may-be-dhcp-server",
            "siaddr may be the DHCP server itself (dnsmasq fills it with its own address)",
        );
        return Some(siaddr.to_string());
    }
    None
}

/// `tftp://<host>/<name>`.
pub(crate) fn tftp_url(host: &str, name: &str) -> String {
    format!("tftp://{host}/{}", name.trim_start_matches('/'))
}

/// G12: an SZTP redirect (DHCPv4 143 / DHCPv6 136) beside a ZTP plan is
/// shown beside it; `ranking` names the vendor rule that ranks the two,
/// or `None` when none does.
pub(crate) fn sztp_beside(plan: &mut VendorPlan, family: Family, raw: Option<&[u8]>) {
    let Some(raw) = raw else { return };
    let code = if family == Family::V4 { 143 } else { 136 };
    let at = Place::option(family, code, 0);
    match crate::sztp::Redirect::parse(raw, at) {
        Ok(r) => {
            let first = r
                .servers()
                .next()
                .map(|s| s.to_string())
                .unwrap_or_default();
            plan.log(
                "G12",
                "sztp-beside",
                format!(
                    "option {code} lists {} sztp bootstrap server(s) (first {first}): the sztp plan is shown beside this one; no {} rule ranks them",
                    r.servers().count(),
                    plan.vendor
                ),
            );
        }
        Err(e) => plan.log(
            "G12",
            "sztp-unparsed",
            format!(
                "option {code} is not an rfc 8572 redirect ({e}); no {} rule reads it",
                plan.vendor
            ),
        ),
    }
}

/// One [`Contact`] per SZTP bootstrap server, the first [`Order::First`],
/// the others fallbacks.
pub(crate) fn sztp_contacts(
    plan: &mut VendorPlan,
    r: &crate::sztp::Redirect<'_>,
    source: OptionRef,
) {
    for (i, s) in r.servers().enumerate() {
        let c = Contact::new(
            Service::SztpBootstrap,
            s.host().to_string(),
            source,
            if i == 0 {
                Order::First
            } else {
                Order::Fallback
            },
        )
        .with_transport("https")
        .with_port(s.port_or_default());
        plan.steps.push(super::Step::Contact(c));
    }
}

/// P239 / P240: the vendor's private option is absent; servers need a
/// definition for it and send it unrequested only when told to.
pub(crate) fn private_option_hint(plan: &mut VendorPlan, rule: &'static str, code: u8, name: &str) {
    plan.log(
        rule,
        "private-option-absent",
        format!(
            "option {code} is absent: isc needs `option {name} code {code} = text;`, and servers such as kea send unrequested options only with always-send"
        ),
    );
}

/// A 4-byte big-endian option (51, the lease time).
pub(crate) fn v4_u32(lease: &crate::v4::Lease<'_>, code: u8) -> Option<Result<u32, usize>> {
    let (v, _) = v4_raw(lease, code).ok()??;
    Some(
        <[u8; 4]>::try_from(v.as_slice())
            .map(u32::from_be_bytes)
            .map_err(|_| v.len()),
    )
}

/// P67-1: the BOOTP `file` field, when set, is shown beside option 67 with
/// the field the vendor reads.
pub(crate) fn file_field_note(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    rule: &'static str,
) {
    if let Some(file) = lease.file() {
        plan.log(
            "P67-1",
            "file-field-not-read",
            format!(
                "the bootp file field holds {:?}: {} reads option 67, not this field ({rule})",
                String::from_utf8_lossy(file),
                plan.vendor
            ),
        );
    }
}

/// P43-3: an empty option 43 (a wrong option space, or Kea's empty
/// last-resort definition, P43-1).
pub(crate) fn empty_43(plan: &mut VendorPlan) {
    plan.log(
        "P43-3",
        "empty-option-43",
        "option 43 is present with length 0: the server wrote it in the wrong option space (or kea's empty definition, P43-1)",
    );
}
