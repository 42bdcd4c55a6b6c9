//! Huawei VRP: option 60 = manufacturer and model in a format that is
//! **unverified** (H1), so a request never names Huawei; option 61 = the
//! device ESN, read as a serial (G4) without naming the vendor.

/// DHCPv4 option 55: 66, 67, 150 (H2) and 143 (H5); 1, 3, 6, 15 a
/// **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 150, 143];
/// DHCPv6 option 6: 59 (H4), 136 (SZTP, H5) and 23, a **choice**.
pub(crate) const ORO: &[u16] = &[59, 136, 23];

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
