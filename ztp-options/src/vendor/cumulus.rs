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

/// This vendor's DHCPv4 plan ([`super::plan_v4`]); `None` until its rules
/// are built.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<super::VendorPlan> {
    let _ = lease;
    None
}

/// This vendor's DHCPv6 plan ([`super::plan_v6`]); `None` until its rules
/// are built.
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<super::VendorPlan> {
    let _ = lease;
    None
}
