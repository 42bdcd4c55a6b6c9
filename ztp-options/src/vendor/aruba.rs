//! HPE Aruba: the AOS-CX switch's option 60 is **unverified** (AR1), so a
//! request never names AOS-CX. `ArubaInstantAP` and `ArubaAP` are access
//! points (G2): recognised as [`OtherDevice::ArubaAccessPoint`], never as
//! a switch.

use super::{Found, OtherDevice};

/// The access points' classes (G2).
pub(crate) const ACCESS_POINT_CLASSES: [&[u8]; 2] = [b"ArubaInstantAP", b"ArubaAP"];
/// AOS-CX's DHCPv4 option 55: 43, 66, 67 (AR2); 1, 3, 6, 15 a **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 43, 66, 67];

/// Option 60: an access point, not a vendor of [`super::Vendor`].
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    ACCESS_POINT_CLASSES.contains(&value).then(|| Found {
        other: Some(OtherDevice::ArubaAccessPoint),
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
