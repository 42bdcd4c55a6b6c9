//! NVIDIA Cumulus Linux (`cumulus-linux <arch>` in DHCPv4 option 60, CU1)
//! and NVOS (`NVOS##<model>##<serial>` in a DHCPv6 option 16 item, CU8).

use super::{Detail, Found, Vendor, field};

/// CU1's prefix (with its space).
pub(crate) const PREFIX: &[u8] = b"cumulus-linux ";
/// CU8's prefix.
pub(crate) const NVOS_PREFIX: &[u8] = b"NVOS##";
/// DHCPv4 option 55: 239 (CU2, the client requests it); 1, 3, 6, 15 a
/// **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 239];
/// NVOS's DHCPv6 option 6: 59 and 23, a **choice** (not documented).
pub(crate) const NVOS_ORO: &[u16] = &[59, 23];
/// The enterprise number written in NVOS's option 16: Mellanox's IANA
/// number, 33049 (a **choice**; decoding does not check it, CU8).
pub(crate) const NVOS_ENTERPRISE: u32 = 33049;

/// CU1: the arch token after `cumulus-linux ` (`x86_64`; other tokens
/// **unverified**, any printable token is accepted).
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    let arch = value.strip_prefix(PREFIX)?;
    Some(match field(arch) {
        Some(arch) => Found {
            detail: Some(Detail::Arch(arch)),
            ..Found::vendor(Vendor::Cumulus)
        },
        None => Found::malformed(Vendor::Cumulus),
    })
}

/// CU8: `NVOS##<model>##<serial>`, both fields required.
pub(crate) fn nvos_class(value: &[u8]) -> Option<Found<'_>> {
    let rest = value.strip_prefix(NVOS_PREFIX)?;
    let s = core::str::from_utf8(rest).ok();
    Some(match s.and_then(|s| s.split_once("##")) {
        Some((model, serial))
            if field(model.as_bytes()).is_some()
                && field(serial.as_bytes()).is_some()
                && !serial.contains("##") =>
        {
            Found {
                model: Some(model),
                serial: Some(serial),
                ..Found::vendor(Vendor::Nvos)
            }
        }
        _ => Found::malformed(Vendor::Nvos),
    })
}

use alloc::format;

use super::forms;
use super::{Fetch, OptionRef, Order, Role, Step, Stop, VendorPlan};
use crate::family::Family;

/// CU2's schemes.
const SCHEMES: [&str; 4] = ["http", "https", "ftp", "tftp"];

/// This vendor's DHCPv4 plan ([`super::plan_v4`]): option 239 (CU2), the
/// order of sources (CU3) and the fetched file's rules (CU4..CU6) as
/// decisions.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::Cumulus, Family::V4);
    plan.log(
        "CU3",
        "source-order",
        "order: a local script (onie-style name waterfall), then a usb drive, then dhcp; this plan applies only when neither of the first two provisioned the switch",
    );
    match forms::v4_text(&mut plan, lease, 239) {
        Some(o) => match forms::split_scheme(&o.text) {
            Some((scheme, rest)) if SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) => {
                forms::flag_dns(
                    &mut plan,
                    "G9",
                    "option 239",
                    forms::url_host(rest),
                    forms::v4_has_dns(lease),
                );
                plan.steps.push(Step::Fetch(
                    Fetch::new(
                        Role::Script,
                        o.text.clone(),
                        OptionRef::v4(239),
                        Order::First,
                    )
                    .with_url(o.text.clone()),
                ));
            }
            Some((scheme, _)) => {
                plan.stop = Some(Stop::new(
                    "CU2",
                    "unsupported-scheme",
                    format!(
                        "option 239 {:?} uses {scheme:?}: cumulus fetches http, https, ftp or tftp only",
                        o.text
                    ),
                ));
            }
            None => {
                plan.stop = Some(Stop::new(
                    "CU2",
                    "not-a-url",
                    format!("option 239 {:?} is not a url (no scheme://)", o.text),
                ));
            }
        },
        None => {
            forms::private_option_hint(&mut plan, "P239", 239, "cumulus-provision-url");
            plan.stop = Some(
                Stop::new(
                    "CU2",
                    "no-trigger",
                    "no option 239: ztp polls dhcp for it every 10 s for up to 5 minutes",
                )
                .waiting(),
            );
        }
    }
    if lease.boot_file_name().is_some() {
        plan.log(
            "CU2",
            "option-67-not-read",
            "option 67 is present: cumulus ztp does not read it (only 239)",
        );
    }
    plan.log(
        "CU4",
        "marker",
        "the script runs only if it contains CUMULUS-AUTOPROVISIONING (a comment is enough), by its #! interpreter; exit 0 completes provisioning; CUMULUS-AUTOPROVISION-CASCADE lets ztp go on",
    );
    plan.log(
        "CU5",
        "marker-search",
        "the marker is searched in the whole file, as a stream, up to 16 MiB (choice)",
    );
    plan.log(
        "CU6",
        "carriage-return",
        "a \\r at the end of the first line makes the interpreter path end in \\r: the switch fails to find it",
    );
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(crate::v4::OptionCode::SZTP_REDIRECT),
    );
    Some(plan)
}

/// This vendor's DHCPv6 plan: none. CU7 (**choice**): Cumulus documents
/// no DHCPv6 ZTP, so a DHCPv6 reply is never read as Cumulus; `None`, as
/// [`super::plan_v6`] documents, rather than a plan that only stops.
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let _ = lease;
    None
}

// ------------------------------------------------ the offer (CU2)

use super::offer::{self, OfferError, OfferProblem, ScriptUrlOffer};

/// CU2: option 239, a URL with scheme http, https, ftp or tftp.
pub(crate) fn offer_v4(o: &ScriptUrlOffer) -> Result<crate::v4::OptionSet, OfferError> {
    let at = OptionRef::v4(239);
    offer::url(Vendor::Cumulus, at, &o.url, "CU2")?;
    let scheme = forms::split_scheme(&o.url).map_or("", |(s, _)| s);
    if !SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return Err(OfferError::new(
            Vendor::Cumulus,
            at,
            o.url.as_str(),
            OfferProblem::Scheme,
            "CU2",
        ));
    }
    Ok(offer::v4_set(alloc::vec![(239, o.url.as_bytes().to_vec())]))
}

/// The inverse of [`offer_v4`].
pub(crate) fn read_v4(lease: &crate::v4::Lease<'_>) -> Result<ScriptUrlOffer, OfferError> {
    offer::read_v4(Vendor::Cumulus, lease, 239, "CU2")?
        .map(ScriptUrlOffer::new)
        .ok_or_else(|| offer::nothing(Vendor::Cumulus, OptionRef::v4(239), "CU2"))
}
