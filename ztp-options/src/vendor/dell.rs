//! Dell: OS10 ZTD (D) names no option 60/61 value (D1, **unverified**):
//! OS10 is never named from a request. OS9 / FTOS BMP (D6) sends
//! `TY=DELLNTW-<model> HW=… SN=<serial> ST=<service-tag> OS=<version>
//! MD=… US=…` in option 60: space-separated `KEY=value` fields.

use super::{Detail, Found, Vendor, field};

/// D6's prefix.
pub(crate) const PREFIX: &[u8] = b"TY=DELLNTW-";
/// OS9's DHCPv4 option 55: 66, 67, 150 and 209 (the reply options of D6)
/// with 1, 3, 6, 15: a **choice** (no capture found).
pub(crate) const OS9_PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 150, 209];
/// OS10's DHCPv4 option 55: 240 (D2); 1, 3, 6, 15 a **choice**.
pub(crate) const OS10_PRL: &[u8] = &[1, 3, 6, 15, 240];

/// D6: the model from `TY=DELLNTW-`, and `SN=`, `ST=`, `OS=` when present;
/// other keys (`HW=`, `MD=`, `US=`) are kept in the raw value only.
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    if !value.starts_with(PREFIX) {
        return None;
    }
    let Some(s) = super::text(value) else {
        return Some(Found::malformed(Vendor::DellOs9));
    };
    let mut found = Found::vendor(Vendor::DellOs9);
    for part in s.split(' ').filter(|p| !p.is_empty()) {
        let Some((key, v)) = part.split_once('=') else {
            continue;
        };
        let v = field(v.as_bytes());
        match key {
            "TY" => {
                found.model = v
                    .and_then(|v| v.strip_prefix("DELLNTW-"))
                    .filter(|m| !m.is_empty())
            }
            "SN" => found.serial = v,
            "ST" => found.detail = v.map(Detail::ServiceTag),
            "OS" => found.version = v,
            _ => {}
        }
    }
    if found.model.is_none() {
        found.malformed = true;
    }
    Some(found)
}

use alloc::format;
use alloc::string::String;

use super::forms;
use super::{Fetch, OptionRef, Order, Role, Step, Stop, VendorPlan};
use crate::family::Family;

/// D6's URL schemes for option 67 (`flash` and `usbflash` are local).
const OS9_SCHEMES: [&str; 7] = ["tftp", "ftp", "http", "https", "sftp", "flash", "usbflash"];

/// These OSes' DHCPv4 plans ([`super::plan_v4`]): OS10 (D2..D5), OS9
/// (D6).
pub(crate) fn plan_v4(vendor: super::Vendor, lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    match vendor {
        super::Vendor::DellOs9 => Some(os9_v4(lease)),
        _ => Some(os10_v4(lease)),
    }
}

fn os10_v4(lease: &crate::v4::Lease<'_>) -> VendorPlan {
    let mut plan = VendorPlan::new(super::Vendor::DellOs10, Family::V4);
    plan.log(
        "D2",
        "window",
        "the guide says both that ztd exits after 5 minutes without option 240 and that it never times out: reported as a 5-minute window that may retry (choice)",
    );
    match forms::v4_text(&mut plan, lease, 240) {
        Some(o) => match forms::split_scheme(&o.text) {
            Some((scheme, rest)) => {
                if !scheme.eq_ignore_ascii_case("http") {
                    plan.log(
                        "D2",
                        "scheme",
                        format!("option 240 uses {scheme:?}: the guide documents an http server"),
                    );
                }
                forms::flag_dns(
                    &mut plan,
                    "G9",
                    "option 240",
                    forms::url_host(rest),
                    forms::v4_has_dns(lease),
                );
                plan.steps.push(Step::Fetch(
                    Fetch::new(
                        Role::Script,
                        o.text.clone(),
                        OptionRef::v4(240),
                        Order::First,
                    )
                    .with_url(o.text.clone()),
                ));
            }
            None => {
                plan.stop = Some(Stop::new(
                    "D2",
                    "not-a-url",
                    format!("option 240 {:?} is not a url (no scheme://)", o.text),
                ));
            }
        },
        None => {
            forms::private_option_hint(&mut plan, "P240", 240, "ztd-provision-url");
            plan.stop = Some(
                Stop::new(
                    "D2",
                    "no-trigger",
                    "no option 240: ztd waits for it (a 5-minute window that may retry, D2)",
                )
                .waiting(),
            );
        }
    }
    plan.log(
        "D3",
        "provisioning-script",
        "the script is bash (#!/bin/bash) setting IMG_FILE, CLI_CONFIG_FILE, POST_SCRIPT_FILE and calling os10_ztd_start.sh; at least one must be set",
    );
    plan.log(
        "D4",
        "cli-batch",
        "the cli batch file has # PRE-CONFIG and # POST-CONFIG sections; every ztd file needs unix line ends",
    );
    plan.log(
        "D5",
        "post-script",
        "the post-ztd script starts #!/bin/bash or #!/usr/bin/python",
    );
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(crate::v4::OptionCode::SZTP_REDIRECT),
    );
    plan
}

/// D6: the TFTP server for a bare name: the first option 150 address,
/// then option 66 (**choice**: D6 names both without ranking; G10's order,
/// without `siaddr`, which D6 does not name).
fn os9_server(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) -> Option<String> {
    if let Ok(Some(list)) = lease.tftp_server_addresses() {
        let host = alloc::string::ToString::to_string(&list.first());
        plan.log(
            "D6",
            "server-150",
            format!(
                "tftp server from option 150's first address {host} (choice: 150 before 66, as G10)"
            ),
        );
        return Some(host);
    }
    if let Some(o) = forms::v4_text(plan, lease, 66) {
        plan.log(
            "D6",
            "server-66",
            format!("tftp server from option 66 ({})", o.text),
        );
        return Some(o.text);
    }
    None
}

fn os9_file(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    code: u8,
    role: Role,
    order: Order,
) -> bool {
    let Some(o) = forms::v4_text(plan, lease, code) else {
        return false;
    };
    let fetch = Fetch::new(role, o.text.clone(), OptionRef::v4(code.into()), order);
    match forms::split_scheme(&o.text) {
        Some((scheme, rest)) => {
            if !OS9_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
                plan.log("D6", "scheme", format!("option {code} uses {scheme:?}: not one of os9's schemes (tftp, ftp, http, https, sftp, flash, usbflash)"));
            }
            forms::flag_dns(
                plan,
                "G9",
                &format!("option {code}"),
                forms::url_host(rest),
                forms::v4_has_dns(lease),
            );
            plan.steps.push(Step::Fetch(fetch.with_url(o.text.clone())));
        }
        None => {
            match os9_server(plan, lease) {
                Some(host) => plan
                    .steps
                    .push(Step::Fetch(fetch.with_url(forms::tftp_url(&host, &o.text)))),
                None => {
                    plan.log("D6", "no-server", format!("option {code} {:?} has no scheme and neither option 66 nor 150 names a tftp server", o.text));
                    plan.steps.push(Step::Fetch(fetch));
                    plan.stop.get_or_insert(Stop::new(
                    "D6",
                    "missing-server",
                    format!("option {code} is a bare name and the reply names no tftp server (66, 150)"),
                ));
                }
            }
        }
    }
    true
}

fn os9_v4(lease: &crate::v4::Lease<'_>) -> VendorPlan {
    let mut plan = VendorPlan::new(super::Vendor::DellOs9, Family::V4);
    let image = os9_file(&mut plan, lease, 67, Role::Image, Order::First);
    let order = if image { Order::Then } else { Order::First };
    let config = os9_file(&mut plan, lease, 209, Role::Configuration, order);
    forms::file_field_note(&mut plan, lease, "D6");
    if !image && !config {
        plan.stop = Some(Stop::new(
            "D6",
            "no-trigger",
            "neither option 67 (image) nor 209 (configuration): bmp has nothing to load",
        ));
    }
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(crate::v4::OptionCode::SZTP_REDIRECT),
    );
    plan
}

/// These OSes' DHCPv6 plans ([`super::plan_v6`]): a plan that stops, since
/// OS10 ZTD is IPv4 only (D2) and OS9 BMP documents DHCPv4 options only
/// (D6).
pub(crate) fn plan_v6(vendor: super::Vendor, lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let _ = lease;
    let mut plan = VendorPlan::new(vendor, Family::V6);
    let (rule, what) = match vendor {
        super::Vendor::DellOs9 => ("D6", "os9 bmp documents dhcpv4 options only"),
        _ => ("D2", "os10 ztd is ipv4 only (no dhcpv6)"),
    };
    plan.stop = Some(Stop::new(rule, "ipv4-only", what));
    Some(plan)
}

// ------------------------------------------------ the offers (D2, D6)

use core::net::Ipv4Addr;

use super::offer::{self, OfferError, ScriptUrlOffer};

/// D2: option 240, the provisioning script's URL.
pub(crate) fn os10_offer_v4(o: &ScriptUrlOffer) -> Result<crate::v4::OptionSet, OfferError> {
    offer::url(Vendor::DellOs10, OptionRef::v4(240), &o.url, "D2")?;
    Ok(offer::v4_set(alloc::vec![(240, o.url.as_bytes().to_vec())]))
}

/// The inverse of [`os10_offer_v4`].
pub(crate) fn os10_read_v4(lease: &crate::v4::Lease<'_>) -> Result<ScriptUrlOffer, OfferError> {
    offer::read_v4(Vendor::DellOs10, lease, 240, "D2")?
        .map(ScriptUrlOffer::new)
        .ok_or_else(|| offer::nothing(Vendor::DellOs10, OptionRef::v4(240), "D2"))
}

/// What a DHCP server tells a Dell OS9 switch for BMP (D6): the image in
/// 67, the configuration in 209 (each a URL or a bare name), and the TFTP
/// server of a bare name in 150. At least one file is given.
///
/// ```
/// use ztp_options::vendor::{Offer, OfferProblem, Os9Offer};
///
/// let mut os9 = Os9Offer::new();
/// os9.config = Some("s4810.cfg".into());
/// let err = Offer::DellOs9(os9.clone()).to_v4_options().unwrap_err();
/// assert_eq!((err.problem, err.rule), (OfferProblem::NeedsServer, "D6"));
/// os9.tftp_server = Some([192, 0, 2, 7].into());
/// assert!(Offer::DellOs9(os9).to_v4_options().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Os9Offer {
    /// Option 67: the image.
    pub image: Option<String>,
    /// Option 209: the configuration file.
    pub config: Option<String>,
    /// Option 150: the TFTP server of a bare name.
    pub tftp_server: Option<Ipv4Addr>,
}

impl Os9Offer {
    /// Nothing yet: set [`Os9Offer::image`] and/or [`Os9Offer::config`].
    pub fn new() -> Self {
        Os9Offer::default()
    }

    /// D6: 67, 209, 150.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let vendor = Vendor::DellOs9;
        let mut options = alloc::vec::Vec::new();
        for (code, value) in [(67u8, &self.image), (209, &self.config)] {
            let Some(v) = value else { continue };
            let at = OptionRef::v4(code.into());
            offer::text(vendor, at, v, "D6")?;
            if forms::split_scheme(v).is_none() && self.tftp_server.is_none() {
                return Err(OfferError::new(
                    vendor,
                    at,
                    v.as_str(),
                    super::OfferProblem::NeedsServer,
                    "D6",
                ));
            }
            options.push((code, v.as_bytes().to_vec()));
        }
        if options.is_empty() {
            return Err(offer::nothing(vendor, OptionRef::v4(67), "D6"));
        }
        options.extend(self.tftp_server.map(offer::addr_150));
        Ok(offer::v4_set(options))
    }

    /// The inverse of [`Os9Offer::to_v4_options`].
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::DellOs9;
        Ok(Os9Offer {
            image: offer::read_v4(vendor, lease, 67, "D6")?,
            config: offer::read_v4(vendor, lease, 209, "D6")?,
            tftp_server: offer::read_150(vendor, lease, "D6")?,
        })
    }
}
