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
