//! Cisco, four OSes:
//!
//! - IOS-XE ZTP (CX1) and Network PnP (CP1) send the same bytes: option 60
//!   `ciscopnp`, option 124 enterprise 9 with the PID, option 61 the serial
//!   (type 0) or `cisco-<mac>-Vl1`, alternating (G4). Decoding names
//!   [`Vendor::CiscoIosXe`]; the reply decides ZTP or PnP (CX3).
//! - NX-OS POAP (CN1): option 77 / DHCPv6 option 15 `Cisco-POAP`, option
//!   61 the serial with type 0. Option 60 is **unverified**.
//! - IOS-XR ZTP (CR1, CR2): option 60
//!   `PXEClient:Arch:<5 digits>:UNDI:<6 digits>:PID:<pid>`, option 124
//!   enterprise 9 `SN:<serial>;PID:<pid>`, option 77 raw `iPXE` or
//!   `exr-config` (the phase, CR3); DHCPv6 DUID-EN enterprise 9 with the
//!   serial (a trailing NUL stripped and reported), option 15 either
//!   framing, option 16 enterprise 9 with the PID, and
//!   `Cisco;<model>;<version>;<serial>` (reference-parser fixture,
//!   **unverified** which platforms send it).

mod common;
mod iosxe;
mod pnp;
mod poap;
mod xr;

pub(crate) use common::{boot_file_v4, boot_url_v6, sztp, text as text_value};
pub(crate) use iosxe::{
    offer_v4 as iosxe_offer_v4, offer_v6 as iosxe_offer_v6, read_v4 as iosxe_read_v4,
    read_v6 as iosxe_read_v6,
};
pub use pnp::{
    AddressType, PnpError, PnpErrorKind, PnpOffer, PnpString, PnpStringRepr, PnpToken, Transport,
    looks_like_pnp,
};
pub use poap::{PoapItem, PoapItemsRepr, PoapOffer, PoapServer, PoapWidth, SecurePoap};
pub use xr::{EXR_CONFIG, XrCheck, XrDataPort, XrItem, XrOffer, md5_hex};

use super::{Found, Identity, Phase, Vendor, VendorPlan, field};
use crate::family::Family;
use crate::v4::{CISCO_ENTERPRISE, ClassItems};

/// CX1's option 60.
pub(crate) const CISCOPNP: &[u8] = b"ciscopnp";
/// CN1's user class.
pub(crate) const POAP: &[u8] = b"Cisco-POAP";
/// CR1's option 60 prefix.
pub(crate) const PXE_PREFIX: &str = "PXEClient:Arch:";
/// The option 60 IOS-XR sends before `PID:` (from the xrdocs captures;
/// the encoder writes it).
pub(crate) const PXE_CLASS: &str = "PXEClient:Arch:00009:UNDI:003010:PID:";
/// CR2's class string prefix.
pub(crate) const CLASS_PREFIX: &[u8] = b"Cisco;";

/// IOS-XE ZTP / PnP option 55: 66, 67, 150, 43, 125, 143 (CX1, from a
/// C9200CX capture); 1, 3, 6, 15 a **choice**.
pub(crate) const IOSXE_PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 150, 43, 125, 143];
/// NX-OS option 55: 66, 67, 150 (CN2's valid offer) and 51; all a
/// **choice** (no capture found).
pub(crate) const NXOS_PRL: &[u8] = &[1, 3, 6, 15, 51, 66, 67, 150];
/// NX-OS option 6: 59 and 17 (CN5), 23 a **choice**.
pub(crate) const NXOS_ORO: &[u16] = &[59, 17, 23];
/// IOS-XR option 55: 67 (CR4), 43 (CR6); 1, 3, 6, 15 a **choice**.
pub(crate) const IOSXR_PRL: &[u8] = &[1, 3, 6, 15, 43, 67];
/// IOS-XR option 6: 59 (CR4), 17 (CR6), 242 (CR8); 23 a **choice**.
pub(crate) const IOSXR_ORO: &[u16] = &[59, 17, 242, 23];

/// Option 60: `ciscopnp` (CX1) or the IOS-XR PXE class with a PID (CR1).
/// A PXE class without `:PID:` is any PXE client: not named.
pub(crate) fn vendor_class(value: &[u8]) -> Option<Found<'_>> {
    if value == CISCOPNP {
        return Some(Found::vendor(Vendor::CiscoIosXe));
    }
    let s = core::str::from_utf8(value).ok()?;
    let rest = s.strip_prefix(PXE_PREFIX)?;
    let (_, pid) = rest.split_once(":PID:")?;
    Some(match field(pid.as_bytes()) {
        Some(pid) => Found {
            model: Some(pid),
            ..Found::vendor(Vendor::CiscoIosXr)
        },
        None => Found::malformed(Vendor::CiscoIosXr),
    })
}

/// Option 124, one entry: enterprise 9 with `SN:<serial>;PID:<pid>`
/// (IOS-XR, CR1) or the PID alone (IOS-XE, CX1, a **choice**: only IOS-XE
/// is seen sending a bare PID).
pub(crate) fn vendor_classes_v4(enterprise: u32, mut items: ClassItems<'_>) -> Option<Found<'_>> {
    if enterprise != CISCO_ENTERPRISE {
        return None;
    }
    let item = items.next()?;
    if item.starts_with(b"SN:") {
        return Some(sn_pid(item));
    }
    Some(match field(item) {
        Some(pid) => Found {
            model: Some(pid),
            ..Found::vendor(Vendor::CiscoIosXe)
        },
        None => Found::malformed(Vendor::CiscoIosXe),
    })
}

/// CR1: `SN:<serial>;PID:<pid>`.
fn sn_pid(item: &[u8]) -> Found<'_> {
    let parsed = core::str::from_utf8(item).ok().and_then(|s| {
        let (sn, pid) = s.split_once(';')?;
        let sn = field(sn.strip_prefix("SN:")?.as_bytes())?;
        let pid = field(pid.strip_prefix("PID:")?.as_bytes())?;
        Some((sn, pid))
    });
    match parsed {
        Some((serial, pid)) => Found {
            model: Some(pid),
            serial: Some(serial),
            ..Found::vendor(Vendor::CiscoIosXr)
        },
        None => Found::malformed(Vendor::CiscoIosXr),
    }
}

/// Option 77 / v6 15, an item or the raw value: `Cisco-POAP` (CN1),
/// `iPXE` / `exr-config` (CR1, CR3).
pub(crate) fn user_class(value: &[u8]) -> Option<Found<'static>> {
    if value == POAP {
        return Some(Found::vendor(Vendor::CiscoNxos));
    }
    Phase::from_user_class(value).map(|phase| Found {
        phase: Some(phase),
        ..Found::vendor(Vendor::CiscoIosXr)
    })
}

/// Option 61's text: `cisco-<mac>-Vl1`, IOS-XE's alternate form (CX1, G4).
pub(crate) fn client_id(value: &[u8]) -> Option<Found<'static>> {
    (value.starts_with(b"cisco-") && value.ends_with(b"-Vl1") && value.len() > 10)
        .then(|| Found::vendor(Vendor::CiscoIosXe))
}

/// A v6 16 or 17 item `Cisco;<model>;<version>;<serial>` (CR2): at least
/// four fields, like A1.
pub(crate) fn class_string(value: &[u8]) -> Option<Found<'_>> {
    let rest = value.strip_prefix(CLASS_PREFIX)?;
    let mut fields = rest.split(|&b| b == b';');
    let (model, version, serial) = (fields.next(), fields.next(), fields.next());
    Some(
        match (
            model.and_then(field),
            version.and_then(field),
            serial.and_then(field),
        ) {
            (Some(model), Some(version), Some(serial)) => Found {
                model: Some(model),
                version: Some(version),
                serial: Some(serial),
                ..Found::vendor(Vendor::CiscoIosXr)
            },
            _ => Found::malformed(Vendor::CiscoIosXr),
        },
    )
}

/// A v6 16 item of enterprise 9: the PID (CR2).
pub(crate) fn v6_vendor_class(enterprise: u32, item: &[u8]) -> Option<Found<'_>> {
    if enterprise != CISCO_ENTERPRISE {
        return None;
    }
    field(item).map(|pid| Found {
        model: Some(pid),
        ..Found::vendor(Vendor::CiscoIosXr)
    })
}

/// DUID-EN of enterprise 9: the serial (CR2; the trailing NUL was
/// stripped by the caller).
pub(crate) fn duid_en(enterprise: u32, id: &[u8]) -> Option<Found<'_>> {
    if enterprise != CISCO_ENTERPRISE {
        return None;
    }
    field(id).map(|serial| Found {
        serial: Some(serial),
        ..Found::vendor(Vendor::CiscoIosXr)
    })
}

/// These OSes' DHCPv4 plans ([`super::plan_v4`]); `request` (the
/// client's identity, when known) lets IOS-XR check its data-port items
/// (CR6) and read its phase (CR3).
pub(crate) fn plan_v4(
    vendor: Vendor,
    lease: &crate::v4::Lease<'_>,
    request: Option<&Identity<'_>>,
) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(vendor, Family::V4);
    match vendor {
        Vendor::CiscoIosXe => iosxe::plan_v4(&mut plan, lease),
        Vendor::CiscoPnp => pnp::plan_v4(&mut plan, lease),
        Vendor::CiscoNxos => poap::plan_v4(&mut plan, lease),
        Vendor::CiscoIosXr => xr::plan_v4(&mut plan, lease, request),
        _ => return None,
    }
    Some(plan)
}

/// These OSes' DHCPv6 plans ([`super::plan_v6`]).
pub(crate) fn plan_v6(
    vendor: Vendor,
    lease: &crate::v6::Lease<'_>,
    request: Option<&Identity<'_>>,
) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(vendor, Family::V6);
    match vendor {
        Vendor::CiscoIosXe => iosxe::plan_v6(&mut plan, lease),
        Vendor::CiscoPnp => pnp::plan_v6(&mut plan, lease),
        Vendor::CiscoNxos => poap::plan_v6(&mut plan, lease),
        Vendor::CiscoIosXr => xr::plan_v6(&mut plan, lease, request),
        _ => return None,
    }
    Some(plan)
}
