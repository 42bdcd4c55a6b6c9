//! SONiC: option 61 `SONiC##<product-name>##<serial>` as text with no type
//! byte, and option 77 / DHCPv6 option 15 `SONiC-ZTP` (S1). A DISCOVER may
//! lack 61, so 77 alone names SONiC.

use super::{Found, Vendor, field};

/// S1's user class.
pub(crate) const USER_CLASS: &[u8] = b"SONiC-ZTP";
/// S1's option 61 prefix.
pub(crate) const PREFIX: &[u8] = b"SONiC##";
/// DHCPv4 option 55: 66, 67, 239, 224, 225, 226 (S2); 1, 3, 6, 15 a
/// **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 239, 224, 225, 226];
/// DHCPv6 option 6: 59 and 239 (S2), 23 a **choice**.
pub(crate) const ORO: &[u16] = &[59, 239, 23];

/// Option 77 / v6 15 (S1).
pub(crate) fn user_class(value: &[u8]) -> Option<Found<'static>> {
    (value == USER_CLASS).then(|| Found::vendor(Vendor::Sonic))
}

/// Option 61 as text (S1): product name and serial.
pub(crate) fn client_id(value: &[u8]) -> Option<Found<'_>> {
    let rest = value.strip_prefix(PREFIX)?;
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
                ..Found::vendor(Vendor::Sonic)
            }
        }
        _ => Found::malformed(Vendor::Sonic),
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
