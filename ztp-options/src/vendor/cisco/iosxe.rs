//! Cisco IOS-XE ZTP's plan (CX2..CX6): option 67 first, a PnP string in
//! 43 when there is no 67 (CX3), DHCPv6 option 59 (CX4), option 125 shown
//! (CX6).

use alloc::format;
use alloc::string::String;

use super::{common, pnp};
use crate::vendor::plan::{OptionRef, Role, VendorPlan};

/// CX5: the file kind is decided, not sniffed.
fn python(plan: &mut VendorPlan) {
    plan.log(
        "CX5",
        "file-is-python",
        "IOS-XE ZTP runs the fetched file as a Python script in Guest Shell (no shebang needed); a file that looks like IOS configuration gets a diagnostic from ztp-script-detect, the verdict stays script",
    );
}

/// CX6: option 125 enterprise 9 sub-option 5, shown, not a plan.
fn autoinstall(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) {
    let Some(v) = common::v4_option(lease, 125) else {
        return;
    };
    let at = crate::error::Place::option(crate::family::Family::V4, 125, 0);
    match crate::v4::VendorSpecific::parse(&v, at) {
        Ok(info) => {
            if let Some(file) = info.cisco_autoinstall_file() {
                plan.log(
                    "CX6",
                    "autoinstall-file",
                    format!(
                        "option 125 (enterprise 9, sub-option 5) names the IOS autoinstall file {:?} on the TFTP server: shown, it makes no ZTP plan",
                        String::from_utf8_lossy(file)
                    ),
                );
            }
        }
        Err(e) => plan.log(
            "CX6",
            "125-invalid",
            format!("option 125 does not decode: {e}"),
        ),
    }
}

/// The IOS-XE plan of a DHCPv4 reply.
pub(crate) fn plan_v4(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) {
    autoinstall(plan, lease);
    let raw67 = lease.boot_file_name();
    let ztp_name = match raw67 {
        Some(v) if pnp::in_67(plan, v) => None,
        Some(v) => common::text(plan, v, OptionRef::v4(67), "CX2"),
        None => None,
    };
    let has_43_pnp = lease
        .value_bytes(crate::v4::OptionCode::VENDOR_SPECIFIC)
        .is_some_and(pnp::looks_like_pnp);
    match ztp_name {
        Some(name) => {
            if has_43_pnp {
                plan.log(
                    "CX3",
                    "pnp-not-used",
                    "option 67 and a PnP string in 43: ZTP is chosen, the PnP string is not used (choice, unverified ranking)",
                );
            }
            plan.log("CX2", "ztp", format!("option 67 {name:?}: IOS-XE ZTP"));
            common::boot_file_v4(plan, lease, &name, "CX2", Role::Script);
            python(plan);
        }
        None => {
            plan.log(
                "CX3",
                "pnp",
                "no usable option 67: the device runs Plug and Play (CP)",
            );
            pnp::plan_v4(plan, lease);
        }
    }
    common::sztp(
        plan,
        lease.sztp_redirect(),
        crate::family::Family::V4,
        "IOS-XE requests 143 (CX1)",
    );
}

/// The IOS-XE plan of a DHCPv6 reply (CX4, CP6).
pub(crate) fn plan_v6(plan: &mut VendorPlan, lease: &crate::v6::Lease<'_>) {
    if common::boot_url_v6(plan, lease, "CX4", Role::Script) {
        plan.log(
            "CX4",
            "v6-59",
            "DHCPv6: option 59 read as the ZTP URL (unverified: the guide's DHCPv6 section shows no option code)",
        );
        python(plan);
    } else {
        plan.log(
            "CX3",
            "pnp",
            "no option 59: the device runs Plug and Play (CP6)",
        );
        pnp::plan_v6(plan, lease);
    }
    common::sztp(
        plan,
        lease.sztp_redirect(),
        crate::family::Family::V6,
        "IOS-XE requests SZTP (CX1)",
    );
}

// ------------------------------------------------ the offer (CX2, CX4)

use crate::vendor::Vendor;
use crate::vendor::offer::{self, BootFileOffer, OfferError, OfferProblem};

/// CP5: a boot file that reads as a PnP string is diagnosed, not fetched.
fn not_pnp(o: &BootFileOffer, at: OptionRef) -> Result<(), OfferError> {
    if pnp::looks_like_pnp(o.file.as_bytes()) {
        return Err(OfferError::new(
            Vendor::CiscoIosXe,
            at,
            o.file.as_str(),
            OfferProblem::LooksLikePnp,
            "CP5",
        ));
    }
    Ok(())
}

/// CX2: option 67, and 150 for a bare name (G10).
pub(crate) fn offer_v4(o: &BootFileOffer) -> Result<crate::v4::OptionSet, OfferError> {
    let set = offer::boot_file_v4(Vendor::CiscoIosXe, o, "CX2")?;
    not_pnp(o, OptionRef::v4(67))?;
    Ok(set)
}

/// CX4: option 59, a full URL.
pub(crate) fn offer_v6(o: &BootFileOffer) -> Result<crate::v6::OptionSet, OfferError> {
    offer::boot_file_v6(Vendor::CiscoIosXe, o, "CX4")
}

/// The inverse of [`offer_v4`].
pub(crate) fn read_v4(lease: &crate::v4::Lease<'_>) -> Result<BootFileOffer, OfferError> {
    offer::read_boot_file_v4(Vendor::CiscoIosXe, lease, "CX2")
}

/// The inverse of [`offer_v6`].
pub(crate) fn read_v6(lease: &crate::v6::Lease<'_>) -> Result<BootFileOffer, OfferError> {
    offer::read_boot_file_v6(Vendor::CiscoIosXe, lease, "CX4")
}
