//! Cisco IOS-XR ZTP: the data-port items of DHCPv4 option 43 (plain
//! `code(1) len(1)` TLV, G6) and of DHCPv6 option 17 (CR6), and the plan
//! (CR3..CR9).

use alloc::format;
use alloc::string::{String, ToString};

use super::common;
use crate::error::{Field, Place, Result, Within};
use crate::family::Family;
use crate::tlv::{AfterEnd, Framing, V6Items, Walk};
use crate::vendor::plan::{Fetch, OptionRef, Order, Role, Step, Stop, VendorPlan};
use crate::vendor::{Identity, Phase};

/// G6's plain TLV: `code(1) len(1)`, 0 a pad, 255 ends the list (RFC 2132
/// §8.4, a **choice** outside Juniper).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainTlv;
impl Framing for PlainTlv {
    const CODE: usize = 1;
    const LEN: usize = 1;
    const PAD: bool = true;
    const END: Option<AfterEnd> = Some(AfterEnd::Unread);
    const HEADER: Field = Field::ItemHeader;
}

/// The value IOS-XR's item 1 must hold (CR6).
pub const EXR_CONFIG: &[u8] = b"exr-config";

/// One data-port item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct XrItem<'a> {
    /// The code.
    pub code: u16,
    /// The offset of its first byte.
    pub offset: usize,
    /// The value.
    pub value: &'a [u8],
}

/// IOS-XR's data-port items (CR6): DHCPv4 option 43 as `code(1) len(1)`
/// (pad 0, end 255, G6) or the items of a DHCPv6 option 17 instance
/// (`code(2) len(2)`). Item 1 = client id (`exr-config`), 2 = auth (0
/// none, 1 MD5), 3 = the MD5 of the serial, in hex. Repeated codes are
/// kept in order (G7); the accessors read the first.
///
/// ```
/// use ztp_options::{Family, Place};
/// use ztp_options::vendor::cisco::{XrCheck, XrDataPort};
///
/// let mut v = b"\x01\x0aexr-config\x02\x01\x01\x03\x20".to_vec();
/// v.extend_from_slice(ztp_options::vendor::cisco::md5_hex(b"FOC1947R143").as_bytes());
/// let items = XrDataPort::parse_v4(&v, Place::option(Family::V4, 43, 0))?;
/// assert_eq!(items.client_id(), Some(&b"exr-config"[..]));
/// assert_eq!(items.check(Some("FOC1947R143")), XrCheck::Matches);
/// assert_eq!(items.check(Some("FOC0000X000")), XrCheck::Mismatch);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XrDataPort<'a> {
    bytes: &'a [u8],
    at: Place,
    family: Family,
}

/// What [`XrDataPort::check`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum XrCheck {
    /// Item 1 is missing or not `exr-config`.
    NotExrConfig,
    /// Auth (item 2) is 0 or absent: nothing to check.
    NoAuth,
    /// Item 2 is neither 0 nor 1 (or not one byte).
    BadAuth,
    /// Auth is MD5 but item 3 is missing (required when 2 = 1).
    MissingHash,
    /// Item 3 is not 32 hexadecimal digits.
    BadHash,
    /// Auth is MD5 and the request's serial is not known: not checked.
    NotChecked,
    /// Item 3 is the MD5 of the serial.
    Matches,
    /// Item 3 is not the MD5 of the serial.
    Mismatch,
}

impl<'a> XrDataPort<'a> {
    /// Checks option 43 (joined) found at `at` as `code(1) len(1)` items.
    ///
    /// # Errors
    ///
    /// A truncated or overrunning item, with its offset.
    pub fn parse_v4(value: &'a [u8], at: Place) -> Result<Self> {
        crate::tlv::check(Walk::<PlainTlv>::new(
            value,
            at.offset(),
            at,
            Within::Suboptions,
        ))?;
        Ok(XrDataPort {
            bytes: value,
            at,
            family: Family::V4,
        })
    }

    /// Checks the items of a DHCPv6 option 17 instance (after its
    /// enterprise number) found at `at`.
    ///
    /// # Errors
    ///
    /// As [`XrDataPort::parse_v4`].
    pub fn parse_v6(items: &'a [u8], at: Place) -> Result<Self> {
        crate::tlv::check(Walk::<V6Items>::new(
            items,
            at.offset(),
            at,
            Within::Suboptions,
        ))?;
        Ok(XrDataPort {
            bytes: items,
            at,
            family: Family::V6,
        })
    }

    /// The items in order (a checked list yields every one).
    pub fn items(&self) -> impl Iterator<Item = XrItem<'a>> + 'a {
        let (b, at) = (self.bytes, self.at);
        let (v4, v6) = match self.family {
            Family::V4 => (
                Some(Walk::<PlainTlv>::new(
                    b,
                    at.offset(),
                    at,
                    Within::Suboptions,
                )),
                None,
            ),
            Family::V6 => (
                None,
                Some(Walk::<V6Items>::new(b, at.offset(), at, Within::Suboptions)),
            ),
        };
        v4.into_iter()
            .flatten()
            .chain(v6.into_iter().flatten())
            .map_while(core::result::Result::ok)
            .map(|t| XrItem {
                code: t.code,
                offset: t.offset,
                value: t.value,
            })
    }

    fn first(&self, code: u16) -> Option<&'a [u8]> {
        self.items().find(|i| i.code == code).map(|i| i.value)
    }

    /// Item 1, the client id.
    pub fn client_id(&self) -> Option<&'a [u8]> {
        self.first(1)
    }

    /// Whether item 1 is `exr-config` (the certain clue of the RA table).
    pub fn is_exr_config(&self) -> bool {
        self.client_id() == Some(EXR_CONFIG)
    }

    /// Item 2, auth, when one byte.
    pub fn auth(&self) -> Option<u8> {
        match self.first(2)? {
            [b] => Some(*b),
            _ => None,
        }
    }

    /// Item 3, the MD5 of the serial, as written.
    pub fn serial_hash(&self) -> Option<&'a [u8]> {
        self.first(3)
    }

    /// CR6's check, against the request's serial when known.
    pub fn check(&self, serial: Option<&str>) -> XrCheck {
        if !self.is_exr_config() {
            return XrCheck::NotExrConfig;
        }
        match (self.first(2), self.auth()) {
            (None, _) | (_, Some(0)) => return XrCheck::NoAuth,
            (_, Some(1)) => {}
            _ => return XrCheck::BadAuth,
        }
        let Some(hash) = self.serial_hash() else {
            return XrCheck::MissingHash;
        };
        if hash.len() != 32 || !hash.iter().all(u8::is_ascii_hexdigit) {
            return XrCheck::BadHash;
        }
        let Some(serial) = serial else {
            return XrCheck::NotChecked;
        };
        if hash.eq_ignore_ascii_case(md5_hex(serial.as_bytes()).as_bytes()) {
            XrCheck::Matches
        } else {
            XrCheck::Mismatch
        }
    }
}

/// The MD5 of `data` (RFC 1321), as 32 lowercase hex digits: what CR6's
/// item 3 holds for the serial.
///
/// ```
/// assert_eq!(ztp_options::vendor::cisco::md5_hex(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
/// ```
pub fn md5_hex(data: &[u8]) -> String {
    md5(data).iter().map(|b| format!("{b:02x}")).collect()
}

/// RFC 1321 MD5.
fn md5(data: &[u8]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    const K: [u32; 64] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391,
    ];
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_le_bytes());
    let mut h: [u32; 4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for chunk in msg.chunks_exact(64) {
        let mut m = [0u32; 16];
        for (w, b) in m.iter_mut().zip(chunk.chunks_exact(4)) {
            *w = u32::from_le_bytes([
                b.first().copied().unwrap_or(0),
                b.get(1).copied().unwrap_or(0),
                b.get(2).copied().unwrap_or(0),
                b.get(3).copied().unwrap_or(0),
            ]);
        }
        let [mut a, mut b, mut c, mut d] = h;
        for (i, (s, k)) in S.iter().zip(K.iter()).enumerate() {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f
                .wrapping_add(a)
                .wrapping_add(*k)
                .wrapping_add(m.get(g).copied().unwrap_or(0));
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(*s));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 16];
    for (o, w) in out.chunks_exact_mut(4).zip(h) {
        o.copy_from_slice(&w.to_le_bytes());
    }
    out
}

/// CR6 in a plan: the items checked, against the serial when known.
fn data_port(plan: &mut VendorPlan, items: &XrDataPort<'_>, at: OptionRef, serial: Option<&str>) {
    let message = match items.check(serial) {
        XrCheck::NotExrConfig => {
            format!("{at}: item 1 is not \"exr-config\": not IOS-XR data-port ZTP items")
        }
        XrCheck::NoAuth => {
            format!("{at}: data-port ZTP items, no authentication (item 2 = 0 or absent)")
        }
        XrCheck::BadAuth => format!("{at}: item 2 (auth) is neither 0 nor 1"),
        XrCheck::MissingHash => {
            format!("{at}: item 2 = 1 (md5) but item 3 (md5 of the serial) is missing")
        }
        XrCheck::BadHash => format!("{at}: item 3 is not 32 hexadecimal digits"),
        XrCheck::NotChecked => {
            format!("{at}: item 3 (md5 of the serial) not checked: the request is not known")
        }
        XrCheck::Matches => format!(
            "{at}: item 3 is the md5 of the serial {:?}",
            serial.unwrap_or("")
        ),
        XrCheck::Mismatch => format!(
            "{at}: item 3 is not the md5 of the serial {:?} (expected {})",
            serial.unwrap_or(""),
            md5_hex(serial.unwrap_or("").as_bytes())
        ),
    };
    plan.log("CR6", "data-port-items", message);
}

/// CR4/CR5: the URL of a 67 / `file` / 59 value: `-k ` stripped, scheme
/// checked. `None` when the value is not a URL (P67-2).
fn fetch_url(plan: &mut VendorPlan, value: &str, at: OptionRef) -> Option<String> {
    let url = match value.strip_prefix("-k ") {
        Some(rest) => {
            let rest = rest.trim_start();
            plan.log(
                "CR5",
                "curl-insecure",
                format!(
                    "{at} starts with \"-k \": stripped, {rest:?} fetched; certificate not verified"
                ),
            );
            rest
        }
        None => value,
    };
    let Some(parts) = common::url(url) else {
        plan.log(
            "CR4",
            "not-a-url",
            format!("{at} {url:?} is not a URL: IOS-XR needs a full URL (P67-2)"),
        );
        return None;
    };
    let scheme = parts.scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        plan.log(
            "CR4",
            "scheme-not-documented",
            format!(
                "scheme {:?} is not documented for IOS-XR (http and https are, choice)",
                parts.scheme
            ),
        );
    }
    if parts.userinfo {
        plan.log(
            "CR4",
            "credentials-in-url",
            "user and password in the URL: allowed (curl sends them)",
        );
    }
    if !parts.host_is_literal() {
        common::flag_host_name(plan, &at.to_string(), parts.host);
    }
    Some(url.into())
}

/// CR3: the role of the file, from the request's phase, else from a
/// `.iso` name.
fn role(plan: &mut VendorPlan, url: &str, phase: Option<Phase>) -> Role {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let iso = path.to_ascii_lowercase().ends_with(".iso");
    match phase {
        Some(Phase::Ipxe) => {
            plan.log(
                "CR3",
                "phase-ipxe",
                "the request's user class is iPXE: the file is the image for iPXE, not a ZTP plan",
            );
            Role::Image
        }
        Some(Phase::ExrConfig) => {
            plan.log("CR3", "phase-exr-config", "the request's user class is exr-config: the file is the ZTP script or configuration (CR7)");
            if iso {
                plan.log(
                    "CR3",
                    "iso-in-ztp-phase",
                    "an .iso name in the exr-config phase: ZTP expects a script or configuration",
                );
            }
            Role::File
        }
        None if iso => {
            plan.log(
                "CR3",
                "phase-iso",
                "the URL ends in .iso: read as the iPXE image phase (choice, no request)",
            );
            Role::Image
        }
        None => {
            plan.log("CR3", "phase-ztp", "the file is the ZTP script or configuration; CR7 decides which from its first line");
            Role::File
        }
    }
}

fn order_note(plan: &mut VendorPlan) {
    plan.log(
        "CR9",
        "dhcp-order",
        "IOS-XR ZTP tries DHCPv4 on management ports, then DHCPv6 on management ports, then the same on data ports (configurable)",
    );
}

fn serial<'a>(request: Option<&Identity<'a>>) -> Option<&'a str> {
    request.and_then(|r| r.serial).map(|s| s.value)
}

/// The IOS-XR plan of a DHCPv4 reply (CR3..CR6, CR9).
pub(crate) fn plan_v4(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    request: Option<&Identity<'_>>,
) {
    let phase = request.and_then(|r| r.phase).map(|p| p.value);
    let o67 = lease
        .boot_file_name()
        .and_then(|v| common::text(plan, v, OptionRef::v4(67), "CR4"));
    let file = lease
        .file()
        .and_then(|v| common::text(plan, v, OptionRef::field("file"), "CR4"));
    let chosen = match (o67, file) {
        (Some(a), Some(b)) => {
            if a != b {
                plan.log(
                    "CR4",
                    "67-beats-file",
                    format!("both 67 ({a:?}) and the file field ({b:?}): 67 wins (choice)"),
                );
            }
            Some((a, OptionRef::v4(67)))
        }
        (Some(a), None) => Some((a, OptionRef::v4(67))),
        (None, Some(b)) => {
            plan.log(
                "CR4",
                "file-field",
                "no 67: the BOOTP file field is read (XR before 6.2.25 reads only it)",
            );
            Some((b, OptionRef::field("file")))
        }
        (None, None) => None,
    };
    if let Some(raw) = lease.value_bytes(crate::v4::OptionCode::VENDOR_SPECIFIC) {
        match XrDataPort::parse_v4(raw, Place::option(Family::V4, 43, 0)) {
            Ok(items) => data_port(plan, &items, OptionRef::v4(43), serial(request)),
            Err(e) => plan.log(
                "CR6",
                "data-port-invalid",
                format!("option 43 is not code(1) len(1) items: {e}"),
            ),
        }
    }
    match chosen {
        Some((value, at)) => {
            if let Some(url) = fetch_url(plan, &value, at) {
                let role = role(plan, &url, phase);
                plan.steps.push(Step::Fetch(
                    Fetch::new(role, value, at, Order::First).with_url(url),
                ));
            } else {
                plan.stop = Some(Stop::new(
                    "CR4",
                    "not-a-url",
                    "the boot file is not a URL: IOS-XR fetches full URLs only",
                ));
            }
        }
        None => {
            plan.stop = Some(
                Stop::new(
                    "CR4",
                    "no-boot-file",
                    "no option 67 and no file field: nothing to fetch",
                )
                .waiting(),
            );
        }
    }
    order_note(plan);
}

/// The IOS-XR plan of a DHCPv6 reply (CR3..CR6, CR8, CR9).
pub(crate) fn plan_v6(
    plan: &mut VendorPlan,
    lease: &crate::v6::Lease<'_>,
    request: Option<&Identity<'_>>,
) {
    let phase = request.and_then(|r| r.phase).map(|p| p.value);
    for opts in lease.other_vendor_opts() {
        let items = opts.as_bytes().get(4..).unwrap_or(&[]);
        let at = opts
            .place()
            .at_offset(opts.place().offset().saturating_add(4));
        let Ok(parsed) = XrDataPort::parse_v6(items, at) else {
            continue;
        };
        if !parsed.is_exr_config() {
            continue;
        }
        let e = opts.enterprise();
        if e != crate::v4::CISCO_ENTERPRISE {
            plan.log(
                "CR6",
                "enterprise-not-9",
                format!("data-port items under enterprise {e}, not 9 (the xrdocs ISC stanza's typo, P17): decoded anyway"),
            );
        }
        data_port(plan, &parsed, OptionRef::v6(17), serial(request));
        break;
    }
    if common::v6_option(lease, 242).is_none() {
        plan.log(
            "CR8",
            "no-default-route",
            "no option 242: no default route for ZTP (IOS-XR ignores router advertisements)",
        );
    }
    let url =
        common::v6_option(lease, 59).and_then(|v| common::text(plan, v, OptionRef::v6(59), "CR4"));
    match url {
        Some(value) => match fetch_url(plan, &value, OptionRef::v6(59)) {
            Some(url) => {
                let role = role(plan, &url, phase);
                plan.steps.push(Step::Fetch(
                    Fetch::new(role, value, OptionRef::v6(59), Order::First).with_url(url),
                ));
            }
            None => {
                plan.stop = Some(Stop::new("CR4", "not-a-url", "option 59 is not a URL"));
            }
        },
        None => {
            plan.stop =
                Some(Stop::new("CR4", "no-boot-file", "no option 59: nothing to fetch").waiting());
        }
    }
    order_note(plan);
}

// ------------------------------------------------ the offer (CR4, CR5)

use crate::vendor::Vendor;
use crate::vendor::offer::{self, OfferError};

/// What a DHCP server tells an IOS-XR router (CR4, CR5): the URL of its
/// ZTP script or configuration in 67 (DHCPv4) or 59 (DHCPv6), after
/// `-k ` when the HTTPS server's certificate is not to be verified.
///
/// ```
/// use ztp_options::v6::OptionCode;
/// use ztp_options::vendor::{Offer, XrOffer};
///
/// let mut xr = XrOffer::new("https://192.0.2.9/ztp.sh");
/// xr.insecure = true;
/// let set = Offer::CiscoIosXr(xr).to_v6_options()?;
/// assert_eq!(set.get(OptionCode::BOOTFILE_URL), Some(&b"-k https://192.0.2.9/ztp.sh"[..]));
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct XrOffer {
    /// The URL (CR4: a full URL).
    pub url: String,
    /// `-k `: curl does not verify the server's certificate (CR5).
    pub insecure: bool,
}

impl XrOffer {
    /// The URL, verified.
    pub fn new(url: impl Into<String>) -> Self {
        XrOffer {
            url: url.into(),
            insecure: false,
        }
    }

    fn value(&self, at: OptionRef) -> Result<alloc::vec::Vec<u8>, OfferError> {
        let vendor = Vendor::CiscoIosXr;
        offer::url(vendor, at, &self.url, "CR4")?;
        let value = if self.insecure {
            alloc::format!("-k {}", self.url)
        } else {
            self.url.clone()
        };
        offer::text(vendor, at, &value, "CR5")?;
        Ok(value.into_bytes())
    }

    /// CR4, CR5: option 67.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let v = self.value(OptionRef::v4(67))?;
        Ok(offer::v4_set(alloc::vec![(67, v)]))
    }

    /// CR4, CR5: option 59.
    pub(crate) fn to_v6_options(&self) -> Result<crate::v6::OptionSet, OfferError> {
        let v = self.value(OptionRef::v6(59))?;
        Ok(offer::v6_set(alloc::vec![(59, v)]))
    }

    fn of(value: String) -> Self {
        match value.strip_prefix("-k ") {
            Some(rest) => XrOffer {
                url: rest.trim_start().into(),
                insecure: true,
            },
            None => XrOffer {
                url: value,
                insecure: false,
            },
        }
    }

    /// The inverse of [`XrOffer::to_v4_options`]: 67, else the BOOTP
    /// `file` field (CR4, as the plan reads them).
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::CiscoIosXr;
        if let Some(v) = offer::read_v4(vendor, lease, 67, "CR4")? {
            return Ok(XrOffer::of(v));
        }
        let at = OptionRef::field("file");
        match lease.file() {
            Some(raw) => offer::read_item(vendor, at, raw, "CR4").map(XrOffer::of),
            None => Err(offer::nothing(vendor, OptionRef::v4(67), "CR4")),
        }
    }

    /// The inverse of [`XrOffer::to_v6_options`]: 59.
    pub(crate) fn from_v6(lease: &crate::v6::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::CiscoIosXr;
        offer::read_v6(vendor, lease, 59, "CR4")?
            .map(XrOffer::of)
            .ok_or_else(|| offer::nothing(vendor, OptionRef::v6(59), "CR4"))
    }
}
