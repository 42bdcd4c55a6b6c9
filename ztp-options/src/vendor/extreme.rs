//! Extreme EXOS: the option 60 value is **unverified** (E1); EXOS is never
//! named from a request (the reply's option 43 layout names it, E2, in a
//! later step).

/// DHCPv4 option 55: 43 (E2); 1, 3, 6, 15 a **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 43];

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
