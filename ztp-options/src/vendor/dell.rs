//! Dell: OS10 ZTD (D) names no option 60/61 value (D1, **unverified**):
//! OS10 is never named from a request. OS9 / FTOS BMP (D6) sends
//! `TY=DELLNTW-<model> HW=… SN=<serial> ST=<service-tag> OS=<version>
//! MD=… US=…` in option 60: space-separated `KEY=value` fields.

use super::{Detail, Found, Vendor, field};

/// D6's prefix.
pub(crate) const PREFIX: &[u8] = b"TY=DELLNTW-";
/// OS9's DHCPv4 option 55: 66, 67, 150 and 209 (the reply options of D6)
/// with 1, 3, 6, 15: a **choice** (no capture found).
pub(crate) const OS9_PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 150, 209];
/// OS10's DHCPv4 option 55: 240 (D2); 1, 3, 6, 15 a **choice**.
pub(crate) const OS10_PRL: &[u8] = &[1, 3, 6, 15, 240];

/// D6: the model from `TY=DELLNTW-`, and `SN=`, `ST=`, `OS=` when present;
/// other keys (`HW=`, `MD=`, `US=`) are kept in the raw value only.
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    if !value.starts_with(PREFIX) {
        return None;
    }
    let Some(s) = super::text(value) else {
        return Some(Found::malformed(Vendor::DellOs9));
    };
    let mut found = Found::vendor(Vendor::DellOs9);
    for part in s.split(' ').filter(|p| !p.is_empty()) {
        let Some((key, v)) = part.split_once('=') else {
            continue;
        };
        let v = field(v.as_bytes());
        match key {
            "TY" => {
                found.model = v
                    .and_then(|v| v.strip_prefix("DELLNTW-"))
                    .filter(|m| !m.is_empty())
            }
            "SN" => found.serial = v,
            "ST" => found.detail = v.map(Detail::ServiceTag),
            "OS" => found.version = v,
            _ => {}
        }
    }
    if found.model.is_none() {
        found.malformed = true;
    }
    Some(found)
}

/// These OSes' DHCPv4 plans ([`super::plan_v4`]); `None` until their rules
/// are built.
pub(crate) fn plan_v4(
    vendor: super::Vendor,
    lease: &crate::v4::Lease<'_>,
) -> Option<super::VendorPlan> {
    let _ = (vendor, lease);
    None
}

/// These OSes' DHCPv6 plans ([`super::plan_v6`]); `None` until their rules
/// are built.
pub(crate) fn plan_v6(
    vendor: super::Vendor,
    lease: &crate::v6::Lease<'_>,
) -> Option<super::VendorPlan> {
    let _ = (vendor, lease);
    None
}
