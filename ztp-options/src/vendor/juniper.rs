//! Juniper Junos / Junos Evolved: the identity of SPEC R6 (option 60
//! `Juniper-<model>-<serial>` or `Juniper:<model>:<serial>`, option 61 the
//! serial with type 0, option 77 `Juniper` / model / version items; DHCPv6
//! option 16 for enterprise 2636 with the same string).

use super::{Found, Vendor, field};
use crate::error::Place;
use crate::family::Family;
use crate::v4::JuniperVendorClass;

/// DHCPv4 option 55: 43, 66, 150, 7, 42, 12 (SPEC R1..R5) and 143 (SZTP,
/// R31); 1, 3, 6 and 15 are a **choice** (every client's basics).
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 43, 66, 150, 7, 42, 12, 143];
/// DHCPv6 option 6: 17 (R8), 59 (R9), 136 (R31); 23 (DNS) a **choice**.
pub(crate) const ORO: &[u16] = &[17, 59, 136, 23];

/// Option 60 (or a v6 16 item of enterprise 2636): the R6 forms. A value
/// with the prefix that does not parse is a malformed Juniper class.
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    if !value.starts_with(JuniperVendorClass::PREFIX.as_bytes())
        && !value.starts_with(JuniperVendorClass::COLON_PREFIX.as_bytes())
    {
        return None;
    }
    Some(
        match JuniperVendorClass::parse(value, Place::option(Family::V4, 60, 0)) {
            Ok(class) => Found {
                model: Some(class.model),
                serial: class.serial,
                ..Found::vendor(Vendor::Juniper)
            },
            Err(_) => Found::malformed(Vendor::Juniper),
        },
    )
}

/// Option 77 (RFC 3004 items) or v6 15: `Juniper`, model, version (R6).
pub(crate) fn user_class<'a>(
    make: Option<&'a [u8]>,
    model: Option<&'a [u8]>,
    version: Option<&'a [u8]>,
) -> Option<Found<'a>> {
    (make? == b"Juniper").then(|| Found {
        model: model.and_then(field),
        version: version.and_then(field),
        ..Found::vendor(Vendor::Juniper)
    })
}
