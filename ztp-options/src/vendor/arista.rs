//! Arista EOS: `Arista;<model>;<eos-version>;<serial>` in DHCPv4 option 60
//! (A1) and in a DHCPv6 option 17 or 16 item (A2, the enterprise number
//! reported, not checked: which one EOS sends is **unverified**).

use super::{Found, Vendor, field};

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
