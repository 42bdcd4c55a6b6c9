//! Cisco NX-OS POAP: the secure-POAP items of DHCPv4 option 43 (CN4,
//! `code(1) len(2)`) and of DHCPv6 option 17 enterprise 9 (CN5, RFC 8415
//! `code(2) len(2)` first, `code(1) len(2)` only when that overruns), and
//! the POAP plan (CN2..CN8).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::net::Ipv4Addr;

use super::common;
use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Field, Item as EncodeItem, LengthRule, Place,
    Result, Within,
};
use crate::family::Family;
use crate::text::Text;
use crate::tlv::{Framing, V6Items, Walk};
use crate::vendor::plan::{Fetch, OptionRef, Order, Role, Step, Stop, VendorPlan};

/// `code(1) len(2)`: NX-OS's ISC `length width 2` space (CN4, P43-5). No
/// pad, no end code.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Code1Len2;
impl Framing for Code1Len2 {
    const CODE: usize = 1;
    const LEN: usize = 2;
    const PAD: bool = false;
    const END: Option<crate::tlv::AfterEnd> = None;
    const HEADER: Field = Field::ItemHeader;
}

/// The item framing a secure-POAP list was read with (P43-5: the width
/// that made the walk fit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum PoapWidth {
    /// `code(1) len(2)`: DHCPv4 (CN4), or DHCPv6 when the RFC 8415 walk
    /// overran (CN5's fallback, warned).
    Code1Len2,
    /// `code(2) len(2)`, RFC 8415 (DHCPv6, CN5).
    Code2Len2,
}

/// One secure-POAP item: its code, the offset of its first byte, its
/// value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PoapItem<'a> {
    /// The code.
    pub code: u16,
    /// Offset of the item's first byte (as the parser's place counts).
    pub offset: usize,
    /// The value.
    pub value: &'a [u8],
}

/// The secure-POAP items of DHCPv4 option 43 (CN4) or of a DHCPv6 option
/// 17 instance of enterprise 9 (CN5), checked and typed.
///
/// | code | v4 (43) | v6 (17) | value |
/// | --- | --- | --- | --- |
/// | 1 | version | version | u8 |
/// | 2 | script URL (https) | | text |
/// | 3 | NTP server | script URL | IPv4 / text |
/// | 50 | CA list | CA list | text, comma-separated URLs |
/// | 51 | debug | debug | u8 |
/// | 52 | skip server certificate check (1) | | u8 |
///
/// Repeated codes are kept in order (G7, [`SecurePoap::items`]); the typed
/// accessors read the first.
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::cisco::{PoapWidth, SecurePoap};
///
/// let value = b"\x01\x00\x01\x01\x02\x00\x19https://192.0.2.5/poap.py\x03\x00\x04\xc0\x00\x02\x7b";
/// let poap = SecurePoap::parse_v4(value, Place::option(Family::V4, 43, 0))?;
/// assert_eq!(poap.version(), Some(1));
/// assert_eq!(poap.url(), Some("https://192.0.2.5/poap.py"));
/// assert_eq!(poap.ntp().map(|a| a.to_string()), Some("192.0.2.123".into()));
/// assert_eq!(poap.width(), PoapWidth::Code1Len2);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurePoap<'a> {
    bytes: &'a [u8],
    at: Place,
    family: Family,
    width: PoapWidth,
}

/// The item codes (CN4, CN5).
mod code {
    pub(super) const VERSION: u16 = 1;
    pub(super) const V4_URL: u16 = 2;
    pub(super) const V4_NTP: u16 = 3;
    pub(super) const V6_URL: u16 = 3;
    pub(super) const CA_LIST: u16 = 50;
    pub(super) const DEBUG: u16 = 51;
    pub(super) const SKIP_CERT: u16 = 52;
}

impl<'a> SecurePoap<'a> {
    /// Checks an option 43 value (instances joined, RFC 3396) found at
    /// `at` as `code(1) len(2)` items (CN4).
    ///
    /// # Errors
    ///
    /// A [`DecodeErrorKind::LengthOverrun`] or
    /// [`DecodeErrorKind::Truncated`] item, with its offset; a version,
    /// debug or flag item that is not one byte, an NTP item that is not
    /// four ([`DecodeErrorKind::BadLength`]); a URL or CA list that is not
    /// text (R7).
    pub fn parse_v4(value: &'a [u8], at: Place) -> Result<Self> {
        let poap = SecurePoap {
            bytes: value,
            at,
            family: Family::V4,
            width: PoapWidth::Code1Len2,
        };
        poap.check()?;
        Ok(poap)
    }

    /// Checks the items of a DHCPv6 option 17 instance (the bytes after
    /// the enterprise number), whose first byte is at `at`: RFC 8415
    /// `code(2) len(2)` first; only when that walk overruns, `code(1)
    /// len(2)` (CN5 **choice**; [`SecurePoap::width`] says which, and the
    /// plan warns).
    ///
    /// # Errors
    ///
    /// The RFC 8415 walk's error when neither framing fits; as
    /// [`SecurePoap::parse_v4`] for the typed items.
    pub fn parse_v6(items: &'a [u8], at: Place) -> Result<Self> {
        let mut poap = SecurePoap {
            bytes: items,
            at,
            family: Family::V6,
            width: PoapWidth::Code2Len2,
        };
        let rfc = crate::tlv::check(Walk::<V6Items>::new(
            items,
            at.offset(),
            at,
            Within::Suboptions,
        ));
        if let Err(e) = rfc {
            let overran = matches!(
                e.kind(),
                DecodeErrorKind::LengthOverrun { .. } | DecodeErrorKind::Truncated { .. }
            );
            let narrow = crate::tlv::check(Walk::<Code1Len2>::new(
                items,
                at.offset(),
                at,
                Within::Suboptions,
            ));
            if !overran || narrow.is_err() {
                return Err(e);
            }
            poap.width = PoapWidth::Code1Len2;
        }
        poap.check()?;
        Ok(poap)
    }

    /// The family.
    pub fn family(&self) -> Family {
        self.family
    }

    /// The framing that fits.
    pub fn width(&self) -> PoapWidth {
        self.width
    }

    /// Where the items start.
    pub fn place(&self) -> Place {
        self.at
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Every item in order, repeated codes included (G7). A checked list
    /// yields no error.
    pub fn items(&self) -> impl Iterator<Item = PoapItem<'a>> + 'a {
        let (bytes, at) = (self.bytes, self.at);
        let (narrow, wide) = match self.width {
            PoapWidth::Code1Len2 => (
                Some(Walk::<Code1Len2>::new(
                    bytes,
                    at.offset(),
                    at,
                    Within::Suboptions,
                )),
                None,
            ),
            PoapWidth::Code2Len2 => (
                None,
                Some(Walk::<V6Items>::new(
                    bytes,
                    at.offset(),
                    at,
                    Within::Suboptions,
                )),
            ),
        };
        narrow
            .into_iter()
            .flatten()
            .chain(wide.into_iter().flatten())
            .map_while(core::result::Result::ok)
            .map(|t| PoapItem {
                code: t.code,
                offset: t.offset,
                value: t.value,
            })
    }

    fn header(&self) -> usize {
        match self.width {
            PoapWidth::Code1Len2 => 3,
            PoapWidth::Code2Len2 => 4,
        }
    }

    fn first(&self, code: u16) -> Option<PoapItem<'a>> {
        self.items().find(|i| i.code == code)
    }

    fn check(&self) -> Result<()> {
        let walk_error = match self.width {
            PoapWidth::Code1Len2 => crate::tlv::check(Walk::<Code1Len2>::new(
                self.bytes,
                self.at.offset(),
                self.at,
                Within::Suboptions,
            )),
            PoapWidth::Code2Len2 => crate::tlv::check(Walk::<V6Items>::new(
                self.bytes,
                self.at.offset(),
                self.at,
                Within::Suboptions,
            )),
        };
        walk_error?;
        for item in self.items() {
            let at = self
                .at
                .suboption(item.code, item.offset.saturating_add(self.header()));
            let len = u32::try_from(item.value.len()).unwrap_or(u32::MAX);
            let exactly = |n: u16| {
                if item.value.len() == usize::from(n) {
                    Ok(())
                } else {
                    Err(DecodeErrorKind::BadLength {
                        len,
                        expected: LengthRule::Exactly(n),
                    }
                    .at(at))
                }
            };
            match (self.family, item.code) {
                (_, code::VERSION | code::DEBUG) => exactly(1)?,
                (Family::V4, code::SKIP_CERT) => exactly(1)?,
                (Family::V4, code::V4_NTP) => exactly(4)?,
                (Family::V4, code::V4_URL) | (Family::V6, code::V6_URL) | (_, code::CA_LIST) => {
                    Text::parse(item.value, at)?.as_str()?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn byte(&self, code: u16) -> Option<u8> {
        self.first(code).and_then(|i| i.value.first().copied())
    }

    fn text(&self, code: u16) -> Option<&'a str> {
        let item = self.first(code)?;
        Text::parse(item.value, self.at).ok()?.as_str().ok()
    }

    /// Item 1, the version (required, CN4).
    pub fn version(&self) -> Option<u8> {
        self.byte(code::VERSION)
    }

    /// The script URL: item 2 (v4) or 3 (v6); required.
    pub fn url(&self) -> Option<&'a str> {
        self.text(self.url_code())
    }

    /// The code of the URL item in this family: 2 (v4) or 3 (v6).
    pub fn url_code(&self) -> u16 {
        match self.family {
            Family::V4 => code::V4_URL,
            Family::V6 => code::V6_URL,
        }
    }

    /// Item 3 of DHCPv4: the NTP server.
    pub fn ntp(&self) -> Option<Ipv4Addr> {
        if self.family != Family::V4 {
            return None;
        }
        let item = self.first(code::V4_NTP)?;
        <[u8; 4]>::try_from(item.value).ok().map(Ipv4Addr::from)
    }

    /// Item 50: the CA list (comma-separated URLs).
    pub fn ca_list(&self) -> Option<&'a str> {
        self.text(code::CA_LIST)
    }

    /// Item 51: debug.
    pub fn debug(&self) -> Option<u8> {
        self.byte(code::DEBUG)
    }

    /// Item 52 of DHCPv4: 1 skips the server certificate check.
    pub fn skip_cert_check(&self) -> Option<u8> {
        if self.family != Family::V4 {
            return None;
        }
        self.byte(code::SKIP_CERT)
    }

    /// The owned items, in order (`code(1) len(2)`; DHCPv6 codes over 255
    /// do not fit and are left out).
    pub fn to_repr(&self) -> PoapItemsRepr {
        PoapItemsRepr {
            items: self
                .items()
                .filter_map(|i| Some((u8::try_from(i.code).ok()?, i.value.to_vec())))
                .collect(),
        }
    }
}

/// Owned `code(1) len(2)` items (CN4's option 43), in order: the encoder
/// of [`SecurePoap::parse_v4`]'s layout.
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::cisco::{PoapItemsRepr, SecurePoap};
///
/// let mut repr = PoapItemsRepr::default();
/// repr.items.push((1, vec![1]));
/// repr.items.push((2, b"https://192.0.2.5/poap.py".to_vec()));
/// let bytes = repr.to_vec()?;
/// let poap = SecurePoap::parse_v4(&bytes, Place::option(Family::V4, 43, 0))?;
/// assert_eq!(poap.to_repr(), repr);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct PoapItemsRepr {
    /// `(code, value)`, in wire order.
    pub items: Vec<(u8, Vec<u8>)>,
}

impl PoapItemsRepr {
    /// The encoded length.
    pub fn buffer_len(&self) -> usize {
        self.items
            .iter()
            .map(|(_, v)| 3usize.saturating_add(v.len()))
            .sum()
    }

    /// Writes the items (`code(1) len(2) value`).
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::TooLong`] for a value over 65535 bytes.
    pub fn to_vec(&self) -> core::result::Result<Vec<u8>, EncodeError> {
        let mut out = Vec::with_capacity(self.buffer_len());
        for (code, value) in &self.items {
            let len = u16::try_from(value.len()).map_err(|_| {
                EncodeError::new(
                    EncodeItem::option(Family::V4, 43).suboption(u16::from(*code)),
                    EncodeErrorKind::TooLong {
                        len: value.len(),
                        max: usize::from(u16::MAX),
                    },
                )
            })?;
            out.push(*code);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(value);
        }
        Ok(out)
    }
}

/// CN2: option 51 as seconds.
fn lease_time(lease: &crate::v4::Lease<'_>) -> Option<u32> {
    let v = common::v4_option(lease, 51)?;
    <[u8; 4]>::try_from(v.as_slice())
        .ok()
        .map(u32::from_be_bytes)
}

/// CN4's secure POAP items of option 43: the script fetch, first.
fn secure_v4(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) -> bool {
    let Some(raw) = lease.value_bytes(crate::v4::OptionCode::VENDOR_SPECIFIC) else {
        return false;
    };
    match SecurePoap::parse_v4(raw, Place::option(Family::V4, 43, 0)) {
        Err(e) => {
            plan.log(
                "CN4",
                "secure-poap-invalid",
                format!("option 43 is not secure POAP code(1) len(2) items: {e}"),
            );
            false
        }
        Ok(poap) => secure(plan, &poap, OptionRef::v4(43)),
    }
}

/// The secure-POAP step of checked items.
fn secure(plan: &mut VendorPlan, poap: &SecurePoap<'_>, at: OptionRef) -> bool {
    if poap.version().is_none() {
        plan.log(
            "CN4",
            "secure-poap-no-version",
            format!("{at}: item 1 (version) missing"),
        );
    }
    if let Some(ca) = poap.ca_list() {
        plan.log(
            "CN4",
            "secure-poap-ca-list",
            format!("{at}: CA list {ca:?}"),
        );
    }
    if let Some(ntp) = poap.ntp() {
        plan.log("CN4", "secure-poap-ntp", format!("{at}: NTP server {ntp}"));
    }
    if poap.skip_cert_check() == Some(1) {
        plan.log(
            "CN4",
            "secure-poap-skip-cert",
            "item 52 = 1: the server certificate is not checked",
        );
    }
    let code = poap.url_code();
    let Some(url) = poap.url() else {
        plan.log(
            "CN4",
            "secure-poap-no-url",
            format!("{at}: item {code} (script URL) missing: no secure POAP"),
        );
        return false;
    };
    let scheme_https = common::url(url).is_some_and(|u| u.scheme.eq_ignore_ascii_case("https"));
    if !scheme_https {
        plan.log(
            "CN4",
            "secure-poap-not-https",
            format!("{at}: the script URL {url:?} is not https"),
        );
    }
    plan.steps.push(Step::Fetch(
        Fetch::new(Role::Script, url, at.sub(code), Order::First).with_url(url),
    ));
    plan.log(
        "CN4",
        "secure-poap",
        format!(
            "secure POAP: the script is fetched from {url} ({} item {code})",
            at
        ),
    );
    true
}

/// CN3: 150's first address beats 66 (choice), 66 may be a name or carry
/// `http://`.
fn script_url(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>, name: &str) -> Option<String> {
    if common::url(name).is_some() {
        plan.log(
            "CN3",
            "script-name-is-url",
            format!(
                "option 67 {name:?} has a scheme: used as given (choice; CN3 reads 67 as a path)"
            ),
        );
        return Some(name.into());
    }
    let o150 = common::tftp_150(lease);
    let o66 = common::tftp_66(plan, lease);
    if let (Some(a), Some(h)) = (o150, &o66) {
        plan.log(
            "CN3",
            "150-beats-66",
            format!("both 150 ({a}) and 66 ({h:?}): 150 is used (choice, as SPEC R12)"),
        );
    }
    if let Some(a) = o150 {
        plan.log(
            "CN3",
            "script-server-150",
            format!("script server {a}, the first of option 150"),
        );
        return Some(common::join("tftp", &a.to_string(), name));
    }
    let h = o66?;
    if let Some(host) = h.strip_prefix("http://") {
        let host = host.trim_end_matches('/');
        plan.log(
            "CN3",
            "script-server-http",
            format!("option 66 {h:?} has http://: the script is fetched over http"),
        );
        common::flag_host_name(plan, "option 66", host.split(':').next().unwrap_or(host));
        return Some(format!("http://{host}/{}", name.trim_start_matches('/')));
    }
    if h.starts_with("https://") {
        plan.log(
            "CN3",
            "script-server-https",
            format!("option 66 {h:?}: https is not supported on this path (only an http:// prefix switches the fetch)"),
        );
        return None;
    }
    plan.log(
        "CN3",
        "script-server-66",
        format!("script server {h:?} from option 66"),
    );
    common::flag_host_name(plan, "option 66", &h);
    Some(common::join("tftp", &h, name))
}

fn notes(plan: &mut VendorPlan) {
    plan.log(
        "CN7",
        "poap-script",
        "the fetched file is the POAP script (Python); its #md5sum= line is recomputed by ztp-script-detect",
    );
}

/// The NX-OS POAP plan (CN2..CN8) of a DHCPv4 reply.
pub(crate) fn plan_v4(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) {
    let secure = secure_v4(plan, lease);
    // CN2: a valid offer.
    let mut problems: Vec<(&'static str, String)> = Vec::new();
    match lease_time(lease) {
        Some(t) if t >= 3600 => {}
        Some(t) => problems.push((
            "lease-too-short",
            format!("lease time {t} s is under 3600 s: not a valid POAP offer"),
        )),
        None => problems.push((
            "no-lease-time",
            "no lease time (51): not a valid POAP offer".into(),
        )),
    }
    let has_server = common::tftp_150(lease).is_some()
        || lease
            .value_bytes(crate::v4::OptionCode::TFTP_SERVER_NAME)
            .is_some();
    let name = lease
        .boot_file_name()
        .and_then(|v| common::text(plan, v, OptionRef::v4(67), "CN2"));
    let mut legacy_missing = Vec::new();
    if !has_server {
        legacy_missing.push(("missing-script-server", "Missing Script Server information"));
    }
    if name.is_none() {
        legacy_missing.push(("missing-script-name", "Missing Script Name"));
    }
    if secure && !legacy_missing.is_empty() {
        plan.log(
            "CN4",
            "no-fallback",
            "secure POAP items present: the missing 66/150/67 only remove the fallback (choice)",
        );
    } else {
        for (id, line) in &legacy_missing {
            problems.push((id, format!("the device logs \"{line}\"")));
        }
    }
    if let Some((id, _)) = problems.first().cloned() {
        let message = problems
            .iter()
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        for (pid, m) in &problems {
            plan.log("CN2", pid, m.clone());
        }
        plan.stop = Some(Stop::new("CN2", id, message).waiting());
        plan.log(
            "CN8",
            "poap-before-pnp",
            "POAP goes on waiting for a valid offer; on platforms with PnP, PnP discovery starts only after no valid POAP offer",
        );
        return;
    }
    if let Some(name) = name {
        if let Some(url) = script_url(plan, lease, &name) {
            let order = if secure {
                Order::Fallback
            } else {
                Order::First
            };
            plan.steps.push(Step::Fetch(
                Fetch::new(Role::Script, name, OptionRef::v4(67), order).with_url(url),
            ));
            if secure {
                plan.log(
                    "CN4",
                    "legacy-fallback",
                    "66/150 + 67 stay valid as the fallback of secure POAP",
                );
            }
        }
    }
    notes(plan);
    plan.log(
        "CN8",
        "poap-before-pnp",
        "a valid POAP offer: POAP runs, PnP discovery does not start",
    );
}

/// P59: an IPv6 literal written without brackets in a URL.
fn p59(plan: &mut VendorPlan, url: &str) -> String {
    let Some(u) = common::url(url) else {
        return url.into();
    };
    if u.bracketed || u.host.parse::<core::net::Ipv6Addr>().is_err() {
        return url.into();
    }
    // The host runs up to the first '/' after the scheme: the last
    // colon-separated group that is not an address part cannot be told
    // from a port, so the whole authority is read as the address.
    let fixed = url.replacen(u.host, &format!("[{}]", u.host), 1);
    plan.log(
        "P59",
        "unbracketed-ipv6",
        format!("{url:?} writes an ipv6 address without brackets (RFC 3986 needs them): read as {fixed:?}"),
    );
    fixed
}

/// The NX-OS POAP plan (CN5, CN6) of a DHCPv6 reply.
pub(crate) fn plan_v6(plan: &mut VendorPlan, lease: &crate::v6::Lease<'_>) {
    let mut secure_found = false;
    for opts in lease.other_vendor_opts() {
        if opts.enterprise() != crate::v4::CISCO_ENTERPRISE {
            continue;
        }
        let items = opts.as_bytes().get(4..).unwrap_or(&[]);
        let at = opts
            .place()
            .at_offset(opts.place().offset().saturating_add(4));
        match SecurePoap::parse_v6(items, at) {
            Err(e) => plan.log(
                "CN5",
                "secure-poap-invalid",
                format!("option 17 (enterprise 9): {e}"),
            ),
            Ok(poap) => {
                if poap.width() == PoapWidth::Code1Len2 {
                    plan.log(
                        "CN5",
                        "secure-poap-narrow-items",
                        "option 17 (enterprise 9) overruns as RFC 8415 code(2) len(2) items and fits as code(1) len(2): read so (warning, P43-5)",
                    );
                }
                if secure(plan, &poap, OptionRef::v6(17)) {
                    secure_found = true;
                    break;
                }
            }
        }
    }
    plan.log(
        "CN6",
        "v6-script-from-59",
        "the script URL is read from option 59, not 77/15 as a guide says of releases before 10.2(3)F (a documentation error, choice)",
    );
    let url =
        common::v6_option(lease, 59).and_then(|v| common::text(plan, v, OptionRef::v6(59), "CN5"));
    match url {
        Some(url) => {
            let fixed = p59(plan, &url);
            let order = if secure_found {
                Order::Fallback
            } else {
                Order::First
            };
            if common::url(&fixed).is_some() {
                plan.steps.push(Step::Fetch(
                    Fetch::new(Role::Script, url, OptionRef::v6(59), order).with_url(fixed),
                ));
            } else {
                plan.log(
                    "CN5",
                    "59-not-a-url",
                    format!("option 59 {url:?} is not a URL"),
                );
            }
        }
        None if !secure_found => {
            plan.stop = Some(
                Stop::new(
                    "CN5",
                    "no-script-url",
                    "no option 59 and no secure POAP URL: no script to fetch",
                )
                .waiting(),
            );
        }
        None => {}
    }
    if plan.stop.is_none() && plan.steps.is_empty() {
        plan.stop =
            Some(Stop::new("CN5", "no-script-url", "option 59 is not a usable URL").waiting());
    }
    notes(plan);
    plan.log(
        "CN8",
        "poap-before-pnp",
        "POAP runs first; PnP discovery starts only after no valid POAP offer",
    );
}

// ------------------------------------------------ the offer (CN2, CN3, CN5)

use crate::vendor::Vendor;
use crate::vendor::offer::{self, OfferError, OfferProblem};

/// Where an NX-OS script is fetched from (CN3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum PoapServer {
    /// Option 150: a TFTP server address.
    Address(Ipv4Addr),
    /// Option 66: a server name (or address), with an optional `http://`
    /// prefix that switches the fetch to HTTP (CN3; `https://` is not
    /// supported there).
    Name(String),
}

/// What a DHCP server tells an NX-OS switch for POAP (CN2, CN3): the
/// script name in 67, its server in 150 or 66, and the lease time in 51
/// (at least 3600 s, else the offer is not valid for POAP). Over DHCPv6,
/// option 59 with the script's URL (CN5); DHCPv6 has no lease time option
/// (the IA's lifetimes carry it), so [`PoapOffer::lease_time`] is not
/// written there and is read back as [`PoapOffer::MIN_LEASE_TIME`].
///
/// ```
/// use ztp_options::v4::{Lease, MessageRepr};
/// use ztp_options::vendor::{Offer, OfferProblem, PoapOffer, PoapServer, Vendor, plan_v4};
///
/// let mut poap = PoapOffer::new("poap.py", 86400);
/// poap.server = Some(PoapServer::Address([192, 0, 2, 5].into()));
/// let offer = Offer::CiscoNxos(poap.clone());
/// let reply = MessageRepr::reply(offer.to_v4_options()?).to_vec();
/// let lease = Lease::parse(&reply)?;
/// assert_eq!(Offer::from_v4(Vendor::CiscoNxos, &lease)?, offer);
/// assert!(plan_v4(Vendor::CiscoNxos, &lease).unwrap().provisions());
///
/// poap.lease_time = 600; // CN2
/// let err = Offer::CiscoNxos(poap).to_v4_options().unwrap_err();
/// assert_eq!((err.problem, err.rule), (OfferProblem::LeaseTooShort, "CN2"));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PoapOffer {
    /// Option 67 (v4): the script's path on the server, or a URL; option
    /// 59 (v6): the script's URL.
    pub script: String,
    /// Option 150 or 66 (DHCPv4 only; required there, CN2).
    pub server: Option<PoapServer>,
    /// Option 51, seconds (DHCPv4 only; at least 3600, CN2).
    pub lease_time: u32,
}

impl PoapOffer {
    /// CN2's shortest lease, and what [`Offer::from_v6`](crate::vendor::Offer::from_v6)'s offer
    /// holds.
    pub const MIN_LEASE_TIME: u32 = 3600;

    /// The script and the lease time, no server.
    pub fn new(script: impl Into<String>, lease_time: u32) -> Self {
        PoapOffer {
            script: script.into(),
            server: None,
            lease_time,
        }
    }

    /// CN2, CN3: 67, then 150 or 66, then 51.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let vendor = Vendor::CiscoNxos;
        offer::text(vendor, OptionRef::v4(67), &self.script, "CN2")?;
        if self.lease_time < Self::MIN_LEASE_TIME {
            return Err(OfferError::new(
                vendor,
                OptionRef::v4(51),
                self.lease_time.to_string(),
                OfferProblem::LeaseTooShort,
                "CN2",
            ));
        }
        let server = match &self.server {
            None => {
                return Err(OfferError::new(
                    vendor,
                    OptionRef::v4(67),
                    self.script.as_str(),
                    OfferProblem::NeedsServer,
                    "CN2",
                ));
            }
            Some(PoapServer::Address(a)) => offer::addr_150(*a),
            Some(PoapServer::Name(h)) => {
                let at = OptionRef::v4(66);
                offer::text(vendor, at, h, "CN3")?;
                let host = h.strip_prefix("http://").unwrap_or(h);
                if host.contains("://") {
                    return Err(OfferError::new(
                        vendor,
                        at,
                        h.as_str(),
                        OfferProblem::Scheme,
                        "CN3",
                    ));
                }
                if host.trim_end_matches('/').is_empty() {
                    return Err(OfferError::new(
                        vendor,
                        at,
                        h.as_str(),
                        OfferProblem::Empty,
                        "CN3",
                    ));
                }
                (66, h.as_bytes().to_vec())
            }
        };
        Ok(offer::v4_set(alloc::vec![
            (67, self.script.as_bytes().to_vec()),
            server,
            (51, self.lease_time.to_be_bytes().to_vec()),
        ]))
    }

    /// CN5: 59, the script's URL; no server (DHCPv6 has no 66 or 150).
    pub(crate) fn to_v6_options(&self) -> Result<crate::v6::OptionSet, OfferError> {
        let vendor = Vendor::CiscoNxos;
        match &self.server {
            None => {}
            Some(PoapServer::Address(a)) => {
                return Err(offer::not_in_family(
                    vendor,
                    OptionRef::v4(150),
                    a.to_string(),
                    "CN5",
                ));
            }
            Some(PoapServer::Name(h)) => {
                return Err(offer::not_in_family(
                    vendor,
                    OptionRef::v4(66),
                    h.as_str(),
                    "CN5",
                ));
            }
        }
        offer::url(vendor, OptionRef::v6(59), &self.script, "CN5")?;
        Ok(offer::v6_set(alloc::vec![(
            59,
            self.script.as_bytes().to_vec()
        )]))
    }

    /// The inverse of [`PoapOffer::to_v4_options`]: 67, 150 before 66
    /// (CN3, as the plan reads them), 51.
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::CiscoNxos;
        let script = offer::read_v4(vendor, lease, 67, "CN2")?
            .ok_or_else(|| offer::nothing(vendor, OptionRef::v4(67), "CN2"))?;
        let server = match offer::read_150(vendor, lease, "CN3")? {
            Some(a) => Some(PoapServer::Address(a)),
            None => offer::read_v4(vendor, lease, 66, "CN3")?.map(PoapServer::Name),
        };
        let lease_time = match lease_time(lease) {
            Some(t) => t,
            None => {
                let raw = common::v4_option(lease, 51);
                let problem = if raw.is_some() {
                    OfferProblem::Malformed
                } else {
                    OfferProblem::Missing
                };
                return Err(OfferError::new(
                    vendor,
                    OptionRef::v4(51),
                    String::from_utf8_lossy(&raw.unwrap_or_default()).into_owned(),
                    problem,
                    "CN2",
                ));
            }
        };
        Ok(PoapOffer {
            script,
            server,
            lease_time,
        })
    }

    /// The inverse of [`PoapOffer::to_v6_options`]: 59; the lease time is
    /// [`PoapOffer::MIN_LEASE_TIME`].
    pub(crate) fn from_v6(lease: &crate::v6::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::CiscoNxos;
        let script = offer::read_v6(vendor, lease, 59, "CN5")?
            .ok_or_else(|| offer::nothing(vendor, OptionRef::v6(59), "CN5"))?;
        Ok(PoapOffer::new(script, Self::MIN_LEASE_TIME))
    }
}
