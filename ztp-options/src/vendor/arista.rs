//! Arista EOS: `Arista;<model>;<eos-version>;<serial>` in DHCPv4 option 60
//! (A1) and in a DHCPv6 option 17 or 16 item (A2, the enterprise number
//! reported, not checked: which one EOS sends is **unverified**).
//!
//! The plan: option 67 as a URL as given, a bare name by TFTP from the
//! server G10 finds (A4); DHCPv6 option 59 (A5, **unverified**); the file
//! kind decided by the fetched file's first line (A6, A7); an SZTP
//! redirect beside them shown as a second plan (G12).

use super::cisco::{boot_file_v4, boot_url_v6, sztp, text_value};
use super::{Found, OptionRef, Role, Stop, Vendor, VendorPlan, field};
use crate::family::Family;

/// The prefix of A1's form (the `;` required).
pub(crate) const PREFIX: &[u8] = b"Arista;";
/// DHCPv4 option 55: 67 and 143 (A3, from a console capture); 1, 3, 6 and
/// 15 a **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 67, 143];
/// DHCPv6 option 6: 59 (A5, **unverified**) and 23 (DNS), a **choice**.
pub(crate) const ORO: &[u16] = &[59, 23];
/// The enterprise number written in DHCPv6 option 16: Arista's IANA
/// number, 30065 (a **choice**: A2, the number EOS sends is unverified;
/// decoding does not check it).
pub(crate) const V6_ENTERPRISE: u32 = 30065;

/// A1/A2: split on `;`, at least four fields (fewer, or an empty one, is
/// a malformed vendor class); model field 1, version 2, serial 3.
pub(crate) fn class_string(value: &[u8]) -> Option<Found<'_>> {
    let rest = value.strip_prefix(PREFIX)?;
    let mut fields = rest.split(|&b| b == b';');
    let (model, version, serial) = (fields.next(), fields.next(), fields.next());
    match (
        model.and_then(field),
        version.and_then(field),
        serial.and_then(field),
    ) {
        (Some(model), Some(version), Some(serial)) => Some(Found {
            model: Some(model),
            version: Some(version),
            serial: Some(serial),
            ..Found::vendor(Vendor::Arista)
        }),
        _ => Some(Found::malformed(Vendor::Arista)),
    }
}

/// Option 60 (A1).
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    class_string(value)
}

/// A6/A7: the file kind is the fetched file's, decided by its first
/// line (ztp-script-detect).
fn file_kind(plan: &mut VendorPlan) {
    plan.log(
        "A6",
        "file-kind-first-line",
        "the fetched file's first line decides: #! and an interpreter (A7: /usr/bin/Cli -p2, bash, python) is a script EOS runs, anything else a startup-config (choice; ztp-script-detect decides)",
    );
}

/// This vendor's DHCPv4 plan ([`super::plan_v4`]): A4 (67 as a URL, or a
/// bare name through G10), G12 (143 beside it).
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(Vendor::Arista, Family::V4);
    let name = lease
        .boot_file_name()
        .and_then(|v| text_value(&mut plan, v, OptionRef::v4(67), "A4"));
    match name {
        Some(name) => {
            boot_file_v4(&mut plan, lease, &name, "A4", Role::File);
            file_kind(&mut plan);
        }
        None => {
            plan.stop = Some(
                Stop::new(
                    "A4",
                    "no-boot-file",
                    "no usable option 67: EOS ZTP has nothing to fetch and keeps asking",
                )
                .waiting(),
            );
        }
    }
    sztp(
        &mut plan,
        lease.sztp_redirect(),
        Family::V4,
        "EOS requests 143 (A3)",
    );
    if !plan.steps.is_empty() {
        plan.stop = plan.stop.filter(|s| s.rule != "A4");
    }
    Some(plan)
}

/// This vendor's DHCPv6 plan ([`super::plan_v6`]): A5 (option 59,
/// **unverified**), G12 (136 beside it).
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(Vendor::Arista, Family::V6);
    if boot_url_v6(&mut plan, lease, "A5", Role::File) {
        plan.log(
            "A5",
            "v6-59",
            "DHCPv6: option 59 read as the boot file URL (unverified: the EOS page shows no option code)",
        );
        file_kind(&mut plan);
    } else {
        plan.stop = Some(
            Stop::new(
                "A5",
                "no-boot-file",
                "no usable option 59: EOS ZTP has nothing to fetch over DHCPv6",
            )
            .waiting(),
        );
    }
    sztp(
        &mut plan,
        lease.sztp_redirect(),
        Family::V6,
        "EOS requests SZTP (A3)",
    );
    if !plan.steps.is_empty() {
        plan.stop = plan.stop.filter(|s| s.rule != "A5");
    }
    Some(plan)
}

// ------------------------------------------------ the offer (A4, A5)

use super::offer::{self, BootFileOffer, OfferError};

/// A4: option 67, and 150 for a bare name (G10).
pub(crate) fn offer_v4(o: &BootFileOffer) -> Result<crate::v4::OptionSet, OfferError> {
    offer::boot_file_v4(Vendor::Arista, o, "A4")
}

/// A5: option 59, a full URL.
pub(crate) fn offer_v6(o: &BootFileOffer) -> Result<crate::v6::OptionSet, OfferError> {
    offer::boot_file_v6(Vendor::Arista, o, "A5")
}

/// The inverse of [`offer_v4`].
pub(crate) fn read_v4(lease: &crate::v4::Lease<'_>) -> Result<BootFileOffer, OfferError> {
    offer::read_boot_file_v4(Vendor::Arista, lease, "A4")
}

/// The inverse of [`offer_v6`].
pub(crate) fn read_v6(lease: &crate::v6::Lease<'_>) -> Result<BootFileOffer, OfferError> {
    offer::read_boot_file_v6(Vendor::Arista, lease, "A5")
}
