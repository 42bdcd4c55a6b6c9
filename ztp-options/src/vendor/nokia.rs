//! Nokia: SR Linux names no option 60/61 value (N1, **unverified**), so a
//! request never names SR Linux. `NOKIA:` in option 60 is SR OS, the
//! sibling OS ([`OtherDevice::NokiaSrOs`]), with the chassis type after it
//! (kept as the model).

use super::{Found, OtherDevice, text};

/// SR OS's prefix (G2).
pub(crate) const SR_OS_PREFIX: &[u8] = b"NOKIA:";
/// SR Linux's DHCPv4 option 55: 43, 66, 67 (N2); 1, 3, 6, 15 a **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 43, 66, 67];
/// SR Linux's DHCPv6 option 6: 59 (N3, **unverified**) and 23, a **choice**.
pub(crate) const ORO: &[u16] = &[59, 23];

/// Option 60: SR OS, not SR Linux.
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    let rest = value.strip_prefix(SR_OS_PREFIX)?;
    Some(Found {
        other: Some(OtherDevice::NokiaSrOs),
        model: text(rest).map(str::trim).filter(|s| !s.is_empty()),
        ..Found::default()
    })
}

use alloc::format;
use alloc::string::String;

use super::forms;
use super::{Fetch, OptionRef, Order, PlainTlv, Role, Step, Stop, VendorPlan};
use crate::family::Family;
use crate::v4::OptionCode;

/// N2's transports.
const SCHEMES: [&str; 4] = ["http", "https", "tftp", "ftp"];

fn check_url(plan: &mut VendorPlan, what: &str, url: &str, dns: bool) {
    if let Some((scheme, rest)) = forms::split_scheme(url) {
        if !SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
            plan.log(
                "N2",
                "scheme",
                format!("{what} uses {scheme:?}: sr linux documents http, https, tftp and ftp"),
            );
        }
        forms::flag_dns(plan, "G9", what, forms::url_host(rest), dns);
    }
}

fn n4(plan: &mut VendorPlan) {
    plan.log(
        "N4",
        "file-kind",
        "the file is a python provisioning script listing rpms, configuration and images to fetch (choice: no shebang is documented)",
    );
}

/// N2: 67 with 66 (`<66>/<67>` when 66 has a scheme, else G10's bare-name
/// rule), then a printable 43 that is a URL; a 43 that is not is shown as a
/// TLV guess.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::NokiaSrLinux, Family::V4);
    let dns = forms::v4_has_dns(lease);
    let mut url: Option<(String, String, OptionRef)> = None;
    if let Some(b) = forms::v4_text(&mut plan, lease, 67) {
        if forms::split_scheme(&b.text).is_some() {
            url = Some((b.text.clone(), b.text, OptionRef::v4(67)));
        } else {
            let server66 = forms::v4_text(&mut plan, lease, 66)
                .filter(|s| forms::split_scheme(&s.text).is_some());
            match server66 {
                Some(s) => {
                    let u = format!(
                        "{}/{}",
                        s.text.trim_end_matches('/'),
                        b.text.trim_start_matches('/')
                    );
                    plan.log("N2", "combine-66-67", format!("option 67 {:?} has no scheme: combined with option 66 as {u} (G10, choice)", b.text));
                    url = Some((b.text, u, OptionRef::v4(67)));
                }
                None => match forms::g10_server(&mut plan, lease, &b.text) {
                    Some(h) => {
                        let u = forms::tftp_url(&h, &b.text);
                        url = Some((b.text, u, OptionRef::v4(67)));
                    }
                    None => {
                        plan.stop = Some(Stop::new(
                            "G10",
                            "missing-server",
                            format!(
                                "option 67 {:?} has no scheme and no server is given (150, 66, siaddr)",
                                b.text
                            ),
                        ));
                        plan.steps.push(Step::Fetch(Fetch::new(
                            Role::Script,
                            b.text,
                            OptionRef::v4(67),
                            Order::First,
                        )));
                    }
                },
            }
        }
        forms::file_field_note(&mut plan, lease, "N2");
    }
    if let Some(v) = lease.value(OptionCode::VENDOR_SPECIFIC) {
        let printable = !v.value.is_empty() && v.value.iter().all(|b| b.is_ascii_graphic());
        let as_url = printable
            .then(|| core::str::from_utf8(&v.value).ok())
            .flatten()
            .filter(|s| forms::split_scheme(s).is_some())
            .map(String::from);
        match (as_url, url.is_some() || !plan.steps.is_empty()) {
            (Some(u), false) => {
                plan.log(
                    "N2",
                    "option-43-url",
                    format!("option 43 is printable and parses as a url: {u} (choice)"),
                );
                url = Some((u.clone(), u, OptionRef::v4(43)));
            }
            (Some(u), true) => plan.log(
                "N2",
                "option-43-not-used",
                format!("option 43 ({u}) is not used: 66 + 67 come first (choice)"),
            ),
            (None, _) => {
                let guess = match PlainTlv::parse(&v.value, v.place()) {
                    Ok(t) => format!(
                        "a code(1) len(1) guess gives suboptions {:?}",
                        t.items().map(|i| i.code).collect::<alloc::vec::Vec<_>>()
                    ),
                    Err(e) => format!("it does not walk as code(1) len(1) either ({e})"),
                };
                plan.log("N2", "option-43-tlv-guess", format!("option 43 is not a url and its layout is not documented: {guess}; not used (choice)"));
            }
        }
    }
    if let Some((name, u, source)) = url {
        check_url(&mut plan, &format!("{source}"), &u, dns);
        plan.steps.push(Step::Fetch(
            Fetch::new(Role::Script, name, source, Order::First).with_url(u),
        ));
    }
    if plan.steps.is_empty() {
        plan.stop = Some(
            Stop::new(
                "N2",
                "no-trigger",
                "neither option 67 nor a url in option 43: ztp keeps waiting (choice)",
            )
            .waiting(),
        );
    }
    n4(&mut plan);
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(OptionCode::SZTP_REDIRECT),
    );
    Some(plan)
}

/// N3: DHCPv6 option 59 (**unverified**: assumed, the pages read name no
/// option code).
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::NokiaSrLinux, Family::V6);
    plan.log("N3", "v6-option-assumed", "the dhcpv6 option carrying the url is unverified: option 59 is assumed (dhcpv6 on the management port only)");
    match forms::v6_text(&mut plan, lease, 59) {
        Some(o) if forms::split_scheme(&o.text).is_some() => {
            check_url(&mut plan, "option 59", &o.text, forms::v6_has_dns(lease));
            plan.steps.push(Step::Fetch(
                Fetch::new(
                    Role::Script,
                    o.text.clone(),
                    OptionRef::v6(59),
                    Order::First,
                )
                .with_url(o.text),
            ));
        }
        Some(o) => {
            plan.stop = Some(Stop::new(
                "N3",
                "not-a-url",
                format!("option 59 {:?} is not a url", o.text),
            ))
        }
        None => {
            plan.stop = Some(
                Stop::new(
                    "N3",
                    "no-trigger",
                    "no option 59: ztp keeps waiting (choice)",
                )
                .waiting(),
            )
        }
    }
    n4(&mut plan);
    forms::sztp_beside(
        &mut plan,
        Family::V6,
        forms::v6_raw(lease, 136).map(|(v, _)| v),
    );
    Some(plan)
}

// ------------------------------------------------ the offer (N2, N3)

use super::Vendor;
use super::offer::{self, BootFileOffer, OfferError};

/// N2: option 67, and 150 for a bare name (G10).
pub(crate) fn offer_v4(o: &BootFileOffer) -> Result<crate::v4::OptionSet, OfferError> {
    offer::boot_file_v4(Vendor::NokiaSrLinux, o, "N2")
}

/// N3: option 59, a full URL.
pub(crate) fn offer_v6(o: &BootFileOffer) -> Result<crate::v6::OptionSet, OfferError> {
    offer::boot_file_v6(Vendor::NokiaSrLinux, o, "N3")
}

/// The inverse of [`offer_v4`]: 67 and 150, else a printable URL in 43
/// (N2, as the plan reads it).
pub(crate) fn read_v4(lease: &crate::v4::Lease<'_>) -> Result<BootFileOffer, OfferError> {
    let vendor = Vendor::NokiaSrLinux;
    if offer::read_v4(vendor, lease, 67, "N2")?.is_none() {
        if let Some(v) = lease.value_bytes(OptionCode::VENDOR_SPECIFIC) {
            let url = core::str::from_utf8(v)
                .ok()
                .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic()))
                .filter(|s| forms::split_scheme(s).is_some());
            if let Some(u) = url {
                return Ok(BootFileOffer {
                    file: u.into(),
                    tftp_server: offer::read_150(vendor, lease, "N2")?,
                });
            }
        }
    }
    offer::read_boot_file_v4(vendor, lease, "N2")
}

/// The inverse of [`offer_v6`].
pub(crate) fn read_v6(lease: &crate::v6::Lease<'_>) -> Result<BootFileOffer, OfferError> {
    offer::read_boot_file_v6(Vendor::NokiaSrLinux, lease, "N3")
}
