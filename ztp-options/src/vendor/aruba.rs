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

use alloc::format;
use alloc::string::ToString;

use super::forms;
use super::{
    CentralCsv, Contact, Fetch, OptionRef, Order, PlainTlv, Role, Service, Step, Stop, VendorPlan,
};
use crate::family::Family;
use crate::v4::OptionCode;

/// AR2's suboptions of option 43.
const CONFIG: u8 = 144;
const IMAGE: u8 = 145;
const CENTRAL: u8 = 146;
const PROXY: u8 = 148;

/// The next order: first, or after the step before.
fn next(plan: &VendorPlan) -> Order {
    if plan.steps.is_empty() {
        Order::First
    } else {
        Order::Then
    }
}

/// AR5: Central's CSV, read because the reply's 60 is `ArubaInstantAP`.
fn central_csv(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) {
    plan.log(
        "RA3",
        "reply-60-clue",
        "the reply's option 60 is ArubaInstantAP: a clue the server set, never proof of the client's vendor (choice)",
    );
    let Some(v) = lease.value(OptionCode::VENDOR_SPECIFIC) else {
        plan.stop = Some(Stop::new(
            "AR5",
            "no-option-43",
            "the reply's option 60 is ArubaInstantAP but it has no option 43 (group,central,secret)",
        ));
        return;
    };
    match CentralCsv::parse(&v.value, v.place()) {
        Ok(csv) => {
            plan.log(
                "AR5",
                "central-csv",
                format!(
                    "option 43 read as central's csv: group {:?}, central {:?}, a shared secret of {} characters",
                    csv.group,
                    csv.host,
                    csv.secret.chars().count()
                ),
            );
            forms::flag_dns(
                plan,
                "AR5",
                "option 43's central",
                csv.host,
                forms::v4_has_dns(lease),
            );
            plan.steps.push(Step::Contact(Contact::new(
                Service::ArubaCentral,
                csv.host.to_string(),
                OptionRef::v4(43),
                Order::First,
            )));
        }
        Err(e) => {
            plan.stop = Some(Stop::new(
                "AR5",
                "bad-central-csv",
                format!("option 43 is not group,central,secret: {e}"),
            ));
        }
    }
}

/// A text suboption, the first of its code (a repeat is logged and not
/// used, a **choice**).
fn sub(plan: &mut VendorPlan, tlv: &PlainTlv<'_>, code: u8) -> Option<alloc::string::String> {
    let item = tlv.first(code)?;
    let n = tlv.count(code);
    if n > 1 {
        plan.log(
            "AR2",
            "repeated-suboption",
            format!("option 43 suboption {code} appears {n} times: the first is used (choice)"),
        );
    }
    match item
        .text()
        .and_then(|t| t.as_str().map(ToString::to_string))
    {
        Ok(s) => Some(s),
        Err(e) => {
            plan.log(
                "G8",
                "bad-text",
                format!("option 43 suboption {code} is not valid text and is not used: {e}"),
            );
            None
        }
    }
}

/// This vendor's DHCPv4 plan ([`super::plan_v4`]): AR2..AR6.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::ArubaAosCx, Family::V4);
    plan.log(
        "AR4",
        "limits",
        "ipv4 only, factory-default configuration only; ztp gives up after 10 minutes",
    );
    if lease.value_bytes(OptionCode::VENDOR_CLASS) == Some(&b"ArubaInstantAP"[..]) {
        central_csv(&mut plan, lease);
        forms::sztp_beside(
            &mut plan,
            Family::V4,
            lease.value_bytes(OptionCode::SZTP_REDIRECT),
        );
        return Some(plan);
    }
    let (mut config, mut image, mut central, mut proxy) = (None, None, None, None);
    if let Some(v) = lease.value(OptionCode::VENDOR_SPECIFIC) {
        if v.value.is_empty() {
            forms::empty_43(&mut plan);
        }
        match PlainTlv::parse(&v.value, v.place()) {
            Ok(tlv) => {
                config = sub(&mut plan, &tlv, CONFIG);
                image = sub(&mut plan, &tlv, IMAGE);
                central = sub(&mut plan, &tlv, CENTRAL);
                proxy = sub(&mut plan, &tlv, PROXY);
                for item in tlv
                    .items()
                    .filter(|i| ![CONFIG, IMAGE, CENTRAL, PROXY].contains(&i.code))
                {
                    plan.log("AR2", "unknown-suboption", format!("option 43 suboption {} is not one of aos-cx's (144, 145, 146, 148): not used", item.code));
                }
            }
            Err(e) => {
                let csv_like = v.value.iter().filter(|&&b| b == b',').count() == 2
                    && v.value.iter().all(|b| b.is_ascii_graphic() || *b == b' ');
                if csv_like {
                    plan.log("P60", "csv-without-60", "option 43 looks like central's group,central,secret csv: the server must also send option 60 = ArubaInstantAP (AR5)");
                }
                plan.stop = Some(Stop::new(
                    "AR2",
                    "bad-option-43",
                    format!("option 43 is not a code(1) len(1) list: {e}"),
                ));
                return Some(plan);
            }
        }
    }
    let bootfile = forms::v4_text(&mut plan, lease, 67);
    let config = match (config, bootfile) {
        (Some(c), Some(b)) => {
            plan.log(
                "AR3",
                "67-ignored",
                format!(
                    "option 43 suboption 144 ({c:?}) beats option 67 ({:?}): 67 is ignored",
                    b.text
                ),
            );
            Some((c, OptionRef::v4(43).sub(CONFIG.into())))
        }
        (Some(c), None) => Some((c, OptionRef::v4(43).sub(CONFIG.into()))),
        (None, Some(b)) => Some((b.text, OptionRef::v4(67))),
        (None, None) => None,
    };
    let image = image.map(|i| (i, OptionRef::v4(43).sub(IMAGE.into())));
    let server = forms::v4_text(&mut plan, lease, 66);
    let siaddr = lease.siaddr();
    if !siaddr.is_unspecified() {
        plan.log(
            "AR3",
            "siaddr-not-used",
            format!("siaddr {siaddr} is not used: aos-cx fetches from option 66 only (choice)"),
        );
    }
    let files = [(config, Role::Configuration), (image, Role::Image)];
    let any_file = files.iter().any(|(f, _)| f.is_some());
    let host = match &server {
        Some(s) if forms::is_ipv4(&s.text) => Some(s.text.clone()),
        Some(s) => {
            plan.log(
                "P66-1",
                "name-in-66",
                format!(
                    "option 66 {:?} is not an ipv4 address: aos-cx needs an ipv4 literal (AR2)",
                    s.text
                ),
            );
            plan.stop = Some(Stop::new(
                "AR2",
                "66-not-ipv4",
                format!(
                    "option 66 {:?} must be an ipv4 address (a host name is an error, as in R3)",
                    s.text
                ),
            ));
            None
        }
        None => None,
    };
    for (file, role) in files {
        let Some((name, source)) = file else { continue };
        let fetch = Fetch::new(role, name.clone(), source, next(&plan));
        match &host {
            Some(h) => plan
                .steps
                .push(Step::Fetch(fetch.with_url(forms::tftp_url(h, &name)))),
            None => plan.steps.push(Step::Fetch(fetch)),
        }
    }
    if any_file {
        plan.log(
            "AR2",
            "file-order",
            "the configuration, then the image (choice: the guide does not order them)",
        );
        if server.is_none() {
            plan.stop = Some(Stop::new(
                "AR3",
                "no-file-server",
                "files are named but option 66 is absent: aos-cx has no file server (siaddr is not used)",
            ));
        }
    }
    let dns = forms::v4_has_dns(lease);
    if let Some(c) = central {
        forms::flag_dns(&mut plan, "AR2", "option 43 suboption 146", &c, dns);
        let order = next(&plan);
        plan.steps.push(Step::Contact(Contact::new(
            Service::ArubaCentral,
            c,
            OptionRef::v4(43).sub(CENTRAL.into()),
            order,
        )));
    }
    if let Some(p) = proxy {
        forms::flag_dns(&mut plan, "AR2", "option 43 suboption 148", &p, dns);
        let order = next(&plan);
        plan.steps.push(Step::Contact(Contact::new(
            Service::Proxy,
            p,
            OptionRef::v4(43).sub(PROXY.into()),
            order,
        )));
    }
    if plan.steps.is_empty() && plan.stop.is_none() {
        if server.is_some() {
            plan.log("AR4", "nothing-to-do", "a tftp server but neither configuration nor image: aos-cx ends ztp as success with nothing to do (not an error)");
        } else {
            plan.stop = Some(Stop::new("AR2", "no-trigger", "neither option 43 (144..148), 66 nor 67: ztp keeps waiting (it gives up after 10 minutes, AR4)").waiting());
        }
    }
    plan.log("AR6", "file-kinds", "the configuration file is cli text or json (first non-blank byte {: json, choice); the image file is firmware");
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(OptionCode::SZTP_REDIRECT),
    );
    Some(plan)
}

/// This vendor's DHCPv6 plan ([`super::plan_v6`]): a plan that stops,
/// since AOS-CX ZTP is IPv4 only (AR4).
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let _ = lease;
    let mut plan = VendorPlan::new(super::Vendor::ArubaAosCx, Family::V6);
    plan.stop = Some(Stop::new("AR4", "ipv4-only", "aos-cx ztp is ipv4 only"));
    Some(plan)
}

// ------------------------------------------------ the offer (AR2..AR4)

use alloc::string::String;

use super::offer::{self, OfferError, OfferProblem};
use super::{PlainTlvRepr, Vendor};

/// What a DHCP server tells an AOS-CX switch (AR2, AR3): option 43 as
/// `code(1) len(1)` items 144 (configuration file), 145 (firmware image),
/// 146 (Aruba Central), 148 (HTTP proxy), and option 66, the TFTP server
/// of the files, an IPv4 literal (AR2: a host name is an error). Files
/// need 66 (AR3); something must be offered (AR4). The configuration is
/// written in 144, never in 67 (144 wins over 67, AR3).
///
/// ```
/// use ztp_options::v4::OptionCode;
/// use ztp_options::vendor::{ArubaOffer, Offer};
///
/// let mut aruba = ArubaOffer::new();
/// aruba.config = Some("sw1.cfg".into());
/// aruba.tftp_server = Some("192.0.2.20".into());
/// let set = Offer::ArubaAosCx(aruba).to_v4_options()?;
/// assert_eq!(set.get(OptionCode::VENDOR_SPECIFIC), Some(&b"\x90\x07sw1.cfg"[..]));
/// assert_eq!(set.get(OptionCode::TFTP_SERVER_NAME), Some(&b"192.0.2.20"[..]));
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ArubaOffer {
    /// 43.144: the configuration file name.
    pub config: Option<String>,
    /// 43.145: the firmware image file name.
    pub image: Option<String>,
    /// 43.146: Aruba Central (on-premise), FQDN or IPv4.
    pub central: Option<String>,
    /// 43.148: the HTTP proxy, FQDN or IPv4.
    pub proxy: Option<String>,
    /// 66: the TFTP server of the files, an IPv4 literal.
    pub tftp_server: Option<String>,
}

impl ArubaOffer {
    /// Nothing yet: set the fields.
    pub fn new() -> Self {
        ArubaOffer::default()
    }

    fn subs(&self) -> [(u8, &Option<String>); 4] {
        [
            (CONFIG, &self.config),
            (IMAGE, &self.image),
            (CENTRAL, &self.central),
            (PROXY, &self.proxy),
        ]
    }

    /// AR2: 43 (144, 145, 146, 148), then 66.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let vendor = Vendor::ArubaAosCx;
        let mut tlv = PlainTlvRepr::new();
        for (code, value) in self.subs() {
            let Some(v) = value else { continue };
            let at = OptionRef::v4(43).sub(code.into());
            offer::text(vendor, at, v, "AR2")?;
            tlv.push(code, v.as_bytes().to_vec()).map_err(|_| {
                OfferError::new(
                    vendor,
                    at,
                    v.as_str(),
                    OfferProblem::TooLong {
                        len: v.len(),
                        max: offer::MAX_TEXT,
                    },
                    "G8",
                )
            })?;
        }
        if tlv.items().is_empty() {
            return Err(offer::nothing(vendor, OptionRef::v4(43), "AR4"));
        }
        let mut options = alloc::vec::Vec::new();
        if let Some(s) = &self.tftp_server {
            let at = OptionRef::v4(66);
            offer::text(vendor, at, s, "AR2")?;
            if !forms::is_ipv4(s) {
                return Err(OfferError::new(
                    vendor,
                    at,
                    s.as_str(),
                    OfferProblem::NotIpv4Literal,
                    "AR2",
                ));
            }
        }
        let file = self.config.as_ref().or(self.image.as_ref());
        if let (Some(f), None) = (file, &self.tftp_server) {
            let code = if self.config.is_some() { CONFIG } else { IMAGE };
            return Err(OfferError::new(
                vendor,
                OptionRef::v4(43).sub(code.into()),
                f.as_str(),
                OfferProblem::NeedsServer,
                "AR3",
            ));
        }
        // The items are at most 255 bytes each: `to_vec` cannot fail.
        options.push((43, tlv.to_vec().unwrap_or_default()));
        if let Some(s) = &self.tftp_server {
            options.push((66, s.as_bytes().to_vec()));
        }
        Ok(offer::v4_set(options))
    }

    /// The inverse of [`ArubaOffer::to_v4_options`]: 43's items (the first
    /// of each code), 67 when there is no 144 (AR3), 66.
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::ArubaAosCx;
        let mut o = ArubaOffer::new();
        if let Some(v) = lease.value(OptionCode::VENDOR_SPECIFIC) {
            let tlv = PlainTlv::parse(&v.value, v.place())
                .map_err(|_| offer::malformed(vendor, OptionRef::v4(43), &v.value, "AR2"))?;
            for (code, slot) in [
                (CONFIG, &mut o.config),
                (IMAGE, &mut o.image),
                (CENTRAL, &mut o.central),
                (PROXY, &mut o.proxy),
            ] {
                if let Some(item) = tlv.first(code) {
                    let at = OptionRef::v4(43).sub(code.into());
                    *slot = Some(offer::read_item(vendor, at, item.value, "AR2")?);
                }
            }
        }
        if o.config.is_none() {
            o.config = offer::read_v4(vendor, lease, 67, "AR2")?;
        }
        o.tftp_server = offer::read_v4(vendor, lease, 66, "AR2")?;
        Ok(o)
    }
}
