//! Extreme EXOS: the option 60 value is **unverified** (E1); EXOS is never
//! named from a request (the reply's option 43 layout names it, E2, in a
//! later step).

/// DHCPv4 option 55: 43 (E2); 1, 3, 6, 15 a **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 43];

use alloc::format;
use alloc::string::ToString;
use core::net::Ipv4Addr;

use super::forms;
use super::{Fetch, OptionRef, Order, PlainTlv, Role, Step, Stop, VendorPlan};
use crate::family::Family;
use crate::v4::OptionCode;

/// E2's suboptions.
const SERVER: u8 = 100;
const FILE: u8 = 101;
const TRAP: u8 = 102;

/// E4 (**choice**): the kind of a file by its extension, case-insensitive.
pub(crate) fn kind(name: &str) -> (Role, &'static str) {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("cfg") => (
            Role::Configuration,
            "configuration (the switch reboots to load it)",
        ),
        Some("xsf") | Some("py") => (Role::Script, "script"),
        Some("pol") => (Role::File, "policy"),
        Some("xos") => (Role::Image, "image"),
        Some("xmod") => (Role::Image, "module"),
        _ => (Role::File, "unknown kind"),
    }
}

fn ipv4(v: &[u8]) -> Option<Ipv4Addr> {
    <[u8; 4]>::try_from(v).ok().map(Ipv4Addr::from)
}

/// This vendor's DHCPv4 plan ([`super::plan_v4`]): E2..E5.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::ExtremeExos, Family::V4);
    let waiting = |msg: &str| {
        Stop::new(
            "E5",
            "no-trigger",
            format!("{msg}: auto-provision keeps retrying until a valid option 43 arrives"),
        )
        .waiting()
    };
    let Some(v) = lease.value(OptionCode::VENDOR_SPECIFIC) else {
        plan.stop = Some(waiting("no option 43"));
        return Some(plan);
    };
    if v.value.is_empty() {
        forms::empty_43(&mut plan);
    }
    let tlv = match PlainTlv::parse(&v.value, v.place()) {
        Ok(t) => t,
        Err(e) => {
            plan.stop = Some(Stop::new(
                "E2",
                "bad-option-43",
                format!("option 43 is not a code(1) len(1) list: {e}"),
            ));
            return Some(plan);
        }
    };
    let mut server = None;
    if let Some(item) = tlv.first(SERVER) {
        match ipv4(item.value) {
            Some(a) => server = Some(a),
            None => plan.log(
                "E2",
                "bad-server",
                format!(
                    "option 43 suboption 100 has {} bytes, not an ipv4 address (4): not used",
                    item.value.len()
                ),
            ),
        }
        if tlv.count(SERVER) > 1 {
            plan.log(
                "E2",
                "repeated-server",
                "option 43 suboption 100 appears more than once: the first is used (choice)",
            );
        }
    }
    for item in tlv.all(TRAP) {
        match ipv4(item.value) {
            Some(a) => plan.log(
                "E2",
                "trap-server",
                format!("option 43 suboption 102: snmp trap server {a}"),
            ),
            None => plan.log(
                "E2",
                "bad-trap-server",
                format!(
                    "option 43 suboption 102 has {} bytes, not an ipv4 address",
                    item.value.len()
                ),
            ),
        }
    }
    for item in tlv
        .items()
        .filter(|i| ![SERVER, FILE, TRAP].contains(&i.code))
    {
        plan.log(
            "E2",
            "unknown-suboption",
            format!(
                "option 43 suboption {} is not one of exos's (100, 101, 102): not used",
                item.code
            ),
        );
    }
    let dns = forms::v4_has_dns(lease);
    let mut missing = None;
    for (n, item) in tlv.all(FILE).enumerate() {
        let n = n + 1;
        let name = match item
            .text()
            .and_then(|t| t.as_str().map(ToString::to_string))
        {
            Ok(s) => s,
            Err(e) => {
                plan.log(
                    "G8",
                    "bad-text",
                    format!(
                        "option 43 suboption 101 item {n} is not valid text and is not used: {e}"
                    ),
                );
                continue;
            }
        };
        let (role, what) = kind(&name);
        plan.log(
            "E4",
            "file-kind",
            format!("item {n} {name:?}: {what} by its extension (choice)"),
        );
        let order = if plan.steps.is_empty() {
            Order::First
        } else {
            Order::Then
        };
        let fetch = Fetch::new(
            role,
            name.clone(),
            OptionRef::v4(43).sub(FILE.into()),
            order,
        );
        match forms::split_scheme(&name) {
            Some((scheme, rest)) => {
                if !scheme.eq_ignore_ascii_case("tftp") {
                    plan.log("E3", "scheme", format!("item {n} uses {scheme:?}: only tftp:// is documented (others unverified)"));
                }
                forms::flag_dns(
                    &mut plan,
                    "G9",
                    &format!("option 43 suboption 101 item {n}"),
                    forms::url_host(rest),
                    dns,
                );
                plan.steps.push(Step::Fetch(fetch.with_url(name.clone())));
            }
            None => match server {
                Some(a) => plan.steps.push(Step::Fetch(
                    fetch.with_url(forms::tftp_url(&a.to_string(), &name)),
                )),
                None => {
                    plan.steps.push(Step::Fetch(fetch));
                    missing.get_or_insert((n, name));
                }
            },
        }
    }
    if let Some((n, name)) = missing {
        plan.stop = Some(Stop::new(
            "E3",
            "missing-tftp-server",
            format!(
                "option 43 suboption 101 item {n} ({name:?}) has no scheme and suboption 100 (tftp server) is absent"
            ),
        ));
    } else if plan.steps.is_empty() {
        plan.stop = Some(waiting("option 43 names no file (suboption 101)"));
    }
    if plan.steps.len() > 1 {
        plan.log(
            "E5",
            "item-order",
            "files are processed in the order of the 101 items (choice, not documented)",
        );
    }
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(OptionCode::SZTP_REDIRECT),
    );
    Some(plan)
}

/// This vendor's DHCPv6 plan ([`super::plan_v6`]): a plan that stops:
/// E2 documents option 43 only, and EXOS's DHCPv6 options are not known.
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let _ = lease;
    let mut plan = VendorPlan::new(super::Vendor::ExtremeExos, Family::V6);
    plan.stop = Some(Stop::new(
        "E2",
        "no-dhcpv6-rule",
        "exos auto-provision is documented for dhcpv4 option 43 only",
    ));
    Some(plan)
}

// ------------------------------------------------ the offer (E2, E3)

use alloc::string::String;
use alloc::vec::Vec;

use super::offer::{self, OfferError, OfferProblem};
use super::{PlainTlvRepr, Vendor};

/// What a DHCP server tells an EXOS switch (E2): option 43 as
/// `code(1) len(1)` items 100 (TFTP server, 4 bytes), 101 (a file name or
/// URL, one item per file, in order, G7) and 102 (SNMP trap server). A
/// bare name needs 100 (E3); at least one file is given (E5).
///
/// ```
/// use ztp_options::v4::OptionCode;
/// use ztp_options::vendor::{ExosOffer, Offer};
///
/// let mut exos = ExosOffer::new(["config.xsf", "summitX-21.1.2.14.xos"]);
/// exos.tftp_server = Some([192, 168, 1, 101].into());
/// let set = Offer::ExtremeExos(exos).to_v4_options()?;
/// assert_eq!(
///     set.get(OptionCode::VENDOR_SPECIFIC),
///     Some(&b"\x64\x04\xc0\xa8\x01\x65\x65\x0aconfig.xsf\x65\x15summitX-21.1.2.14.xos"[..])
/// );
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ExosOffer {
    /// 43.100: the TFTP server of bare names.
    pub tftp_server: Option<Ipv4Addr>,
    /// 43.101: the files, in order.
    pub files: Vec<String>,
    /// 43.102: the SNMP trap server.
    pub trap_server: Option<Ipv4Addr>,
}

impl ExosOffer {
    /// The files, no servers.
    pub fn new<S: Into<String>>(files: impl IntoIterator<Item = S>) -> Self {
        ExosOffer {
            tftp_server: None,
            files: files.into_iter().map(Into::into).collect(),
            trap_server: None,
        }
    }

    /// E2: 43 with 100, the 101s, 102.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let vendor = Vendor::ExtremeExos;
        let at = OptionRef::v4(43).sub(FILE.into());
        if self.files.is_empty() {
            return Err(offer::nothing(vendor, at, "E5"));
        }
        let mut tlv = PlainTlvRepr::new();
        let too_long = |f: &String| {
            OfferError::new(
                vendor,
                at,
                f.as_str(),
                OfferProblem::TooLong {
                    len: f.len(),
                    max: offer::MAX_TEXT,
                },
                "G8",
            )
        };
        if let Some(a) = self.tftp_server {
            tlv.push(SERVER, a.octets().to_vec())
                .map_err(|_| too_long(&String::new()))?;
        }
        for f in &self.files {
            offer::text(vendor, at, f, "E2")?;
            if forms::split_scheme(f).is_none() && self.tftp_server.is_none() {
                return Err(OfferError::new(
                    vendor,
                    at,
                    f.as_str(),
                    OfferProblem::NeedsServer,
                    "E3",
                ));
            }
            tlv.push(FILE, f.as_bytes().to_vec())
                .map_err(|_| too_long(f))?;
        }
        if let Some(a) = self.trap_server {
            tlv.push(TRAP, a.octets().to_vec())
                .map_err(|_| too_long(&String::new()))?;
        }
        // The items are at most 255 bytes each: `to_vec` cannot fail.
        Ok(offer::v4_set(alloc::vec![(
            43,
            tlv.to_vec().unwrap_or_default()
        )]))
    }

    /// The inverse of [`ExosOffer::to_v4_options`]: the first 100 and 102,
    /// every 101 in order.
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::ExtremeExos;
        let v = lease
            .value(OptionCode::VENDOR_SPECIFIC)
            .ok_or_else(|| offer::nothing(vendor, OptionRef::v4(43), "E5"))?;
        let tlv = PlainTlv::parse(&v.value, v.place())
            .map_err(|_| offer::malformed(vendor, OptionRef::v4(43), &v.value, "E2"))?;
        let address = |code: u8| -> Result<Option<Ipv4Addr>, OfferError> {
            match tlv.first(code) {
                None => Ok(None),
                Some(item) => ipv4(item.value).map(Some).ok_or_else(|| {
                    offer::malformed(vendor, OptionRef::v4(43).sub(code.into()), item.value, "E2")
                }),
            }
        };
        let at = OptionRef::v4(43).sub(FILE.into());
        Ok(ExosOffer {
            tftp_server: address(SERVER)?,
            files: tlv
                .all(FILE)
                .map(|i| offer::read_item(vendor, at, i.value, "E2"))
                .collect::<Result<_, _>>()?,
            trap_server: address(TRAP)?,
        })
    }
}
