//! Huawei VRP: option 60 = manufacturer and model in a format that is
//! **unverified** (H1), so a request never names Huawei; option 61 = the
//! device ESN, read as a serial (G4) without naming the vendor.

/// DHCPv4 option 55: 66, 67, 150 (H2) and 143 (H5); 1, 3, 6, 15 a
/// **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 150, 143];
/// DHCPv6 option 6: 59 (H4), 136 (SZTP, H5) and 23, a **choice**.
pub(crate) const ORO: &[u16] = &[59, 136, 23];

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::net::Ipv4Addr;

use super::forms;
use super::{
    Contact, Fetch, HuaweiServer, OptionRef, Order, Pairs, PlainTlv, Role, Service, Step, Stop,
    VendorPlan,
};
use crate::family::Family;
use crate::v4::OptionCode;

/// H2 / H3: the intermediate file's extensions.
const EXTENSIONS: [&str; 3] = ["ini", "py", "cfg"];

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

fn h6(plan: &mut VendorPlan, name: &str) {
    let what = match extension(name).as_deref() {
        Some("ini") => {
            "an ini intermediate file (#sha256sum line, [GLOBAL CONFIG], [DEVICEn DESCRIPTION] blocks)"
        }
        Some("cfg") => "a cfg intermediate file (#sha256sum line, then key=value; pairs)",
        Some("py") => "a python script",
        _ => "of unknown kind",
    };
    plan.log(
        "H6",
        "file-kind",
        format!("{name:?} is {what}, by its extension; the checksum line is verified"),
    );
}

/// H8: option 148 as iMaster NCE's `key=value;` pairs.
fn nce(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) {
    let Ok(Some((value, place))) = forms::v4_raw(lease, 148) else {
        return;
    };
    let pairs = match Pairs::parse(&value, place) {
        Ok(p) => p,
        Err(e) => {
            plan.log(
                "H8",
                "bad-option-148",
                format!("option 148 is not key=value; pairs: {e}"),
            );
            return;
        }
    };
    if pairs.get("agilemode").is_none() {
        plan.log("H8", "not-nce", "option 148 has no agilemode key: not huawei nce onboarding (aruba's ap proxy uses 148 too)");
        return;
    }
    let host = pairs
        .get("agilemanage-domain")
        .or_else(|| pairs.get("agilemanage-ip"))
        .unwrap_or("");
    if host.is_empty() {
        plan.log(
            "H8",
            "nce-no-host",
            "option 148 names no agilemanage-domain: nce not contacted",
        );
        return;
    }
    forms::flag_dns(plan, "H8", "option 148", host, forms::v4_has_dns(lease));
    let order = if plan.steps.is_empty() {
        Order::First
    } else {
        Order::Then
    };
    let mut contact = Contact::new(
        Service::HuaweiNce,
        host.to_string(),
        OptionRef::v4(148),
        order,
    );
    match pairs.get("agilemanage-port").map(str::parse::<u16>) {
        Some(Ok(p)) => contact = contact.with_port(p),
        Some(Err(_)) => plan.log(
            "H8",
            "bad-port",
            "option 148's agilemanage-port is not a port: the default is used",
        ),
        None => {}
    }
    plan.log(
        "H8",
        "nce",
        format!(
            "option 148: imaster nce onboarding (agilemode {}), after any file step (choice: the ranking is not documented)",
            pairs.get("agilemode").unwrap_or("")
        ),
    );
    plan.steps.push(Step::Contact(contact));
}

fn present(lease: &crate::v4::Lease<'_>, codes: &[u8]) -> Vec<u8> {
    codes
        .iter()
        .copied()
        .filter(|&c| matches!(forms::v4_raw(lease, c), Ok(Some(_))))
        .collect()
}

/// H7: the campus switches' Auto-Config options.
fn campus(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>, ftp: Option<Ipv4Addr>) {
    plan.log(
        "H7",
        "campus",
        "campus auto-config options (43.1/43.2, 141..146): h2's extension rule does not apply",
    );
    if let Some(v) = lease.value(OptionCode::VENDOR_SPECIFIC) {
        match PlainTlv::parse(&v.value, v.place()) {
            Ok(tlv) => {
                for (code, what) in [(1u8, "acs"), (2, "acs credentials")] {
                    let Some(item) = tlv.first(code) else {
                        continue;
                    };
                    match Pairs::parse(item.value, item.place()) {
                        Ok(p) if code == 1 => plan.log(
                            "H7",
                            "acs-url",
                            format!(
                                "option 43 suboption 1: {what} url {:?}",
                                p.get("URL").unwrap_or("")
                            ),
                        ),
                        Ok(p) => plan.log(
                            "H7",
                            "acs-credentials",
                            format!(
                                "option 43 suboption 2: {what} for user {:?} (password not shown)",
                                p.get("username").unwrap_or("")
                            ),
                        ),
                        Err(e) => plan.log(
                            "H7",
                            "bad-suboption",
                            format!("option 43 suboption {code} is not key=value; pairs: {e}"),
                        ),
                    }
                }
            }
            Err(e) => plan.log(
                "H7",
                "bad-option-43",
                format!("option 43 is not a code(1) len(1) list: {e}"),
            ),
        }
    }
    let user = forms::v4_text(plan, lease, 141).map(|o| o.text);
    let password = forms::v4_text(plan, lease, 142).map(|o| o.text);
    let base = ftp.map(|a| {
        let mut b = String::from("ftp://");
        if let Some(u) = &user {
            b.push_str(u);
            if let Some(p) = &password {
                b.push(':');
                b.push_str(p);
            }
            b.push('@');
        }
        b.push_str(&a.to_string());
        b
    });
    let mut files: Vec<(String, Role, OptionRef)> = Vec::new();
    if let Some(b) = forms::v4_text(plan, lease, 67) {
        files.push((b.text, Role::Configuration, OptionRef::v4(67)));
    }
    if let Ok(Some((value, place))) = forms::v4_raw(lease, 145) {
        match Pairs::parse(&value, place) {
            Ok(p) => {
                if let Some(v) = p.get("vrpver") {
                    plan.log(
                        "H7",
                        "vrp-version",
                        format!("option 145: vrp version {v:?}"),
                    );
                }
                for (key, role) in [("vrpfile", Role::Image), ("patchfile", Role::File)] {
                    if let Some(f) = p.get(key).filter(|f| !f.is_empty()) {
                        files.push((f.to_string(), role, OptionRef::v4(145)));
                    }
                }
            }
            Err(e) => plan.log(
                "H7",
                "bad-option-145",
                format!("option 145 is not key=value; pairs: {e}"),
            ),
        }
    }
    if let Ok(Some((value, place))) = forms::v4_raw(lease, 146) {
        match Pairs::parse(&value, place) {
            Ok(p) => plan.log(
                "H7",
                "opervalue",
                format!(
                    "option 146: opervalue {:?}",
                    p.get("opervalue").unwrap_or("")
                ),
            ),
            Err(e) => plan.log(
                "H7",
                "bad-option-146",
                format!("option 146 is not key=value; pairs: {e}"),
            ),
        }
    }
    for (name, role, source) in files {
        let order = if plan.steps.is_empty() {
            Order::First
        } else {
            Order::Then
        };
        let fetch = Fetch::new(role, name.clone(), source, order);
        plan.steps.push(Step::Fetch(match &base {
            Some(b) => fetch.with_url(format!("{b}/{}", name.trim_start_matches('/'))),
            None => fetch,
        }));
    }
    if base.is_none() && !plan.steps.is_empty() {
        plan.stop = Some(Stop::new(
            "H7",
            "missing-server",
            "campus files are named but option 143 gives no ftp server (4 bytes)",
        ));
    }
}

/// This vendor's DHCPv4 plan ([`super::plan_v4`]): H2, H3, H5, H7, H8.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::HuaweiVrp, Family::V4);
    let mut ftp = None;
    if let Some(raw) = lease.value_bytes(OptionCode::SZTP_REDIRECT) {
        if let Ok(octets) = <[u8; 4]>::try_from(raw) {
            let a = Ipv4Addr::from(octets);
            plan.log(
                "H7",
                "143-ftp-server",
                format!("option 143 has 4 bytes: the campus ftp server {a}, not sztp"),
            );
            ftp = Some(a);
        } else {
            match lease.sztp_redirect() {
                Ok(Some(r)) => {
                    forms::sztp_contacts(&mut plan, &r, OptionRef::v4(143));
                    let others = present(lease, &[43, 66, 67, 148, 150]);
                    plan.log(
                        "H5",
                        "sztp-only",
                        format!("option 143 parses: the device runs sztp only; options {others:?} are not used"),
                    );
                    plan.log("G12", "sztp-ranked", "sztp and ztp ranked by h5: sztp wins");
                    return Some(plan);
                }
                Ok(None) => {}
                Err(e) => plan.log(
                    "H5",
                    "143-unparsed",
                    format!("option 143 does not parse ({e}): legacy ztp goes on"),
                ),
            }
        }
    }
    let campus_options = present(lease, &[141, 142, 145, 146]);
    let campus_43 = lease
        .value(OptionCode::VENDOR_SPECIFIC)
        .and_then(|v| {
            PlainTlv::parse(&v.value, v.place())
                .ok()
                .and_then(|t| t.first(1).map(|i| i.value.starts_with(b"URL=")))
        })
        .unwrap_or(false);
    if ftp.is_some() || campus_43 || !campus_options.is_empty() {
        campus(&mut plan, lease, ftp);
        nce(&mut plan, lease);
        return Some(plan);
    }
    let Some(b) = forms::v4_text(&mut plan, lease, 67) else {
        nce(&mut plan, lease);
        if plan.steps.is_empty() {
            plan.stop = Some(
                Stop::new(
                    "H2",
                    "no-trigger",
                    "no option 67 (the intermediate file, required): ztp keeps waiting",
                )
                .waiting(),
            );
        }
        return Some(plan);
    };
    forms::file_field_note(&mut plan, lease, "H2");
    if !extension(&b.text).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
        plan.stop = Some(Stop::new(
            "H3",
            "bad-extension",
            format!("option 67 {:?} does not end in .ini, .py or .cfg", b.text),
        ));
        return Some(plan);
    }
    h6(&mut plan, &b.text);
    let fetch = Fetch::new(
        Role::Workflow,
        b.text.clone(),
        OptionRef::v4(67),
        Order::First,
    );
    let dns = forms::v4_has_dns(lease);
    let has150 = matches!(lease.tftp_server_addresses(), Ok(Some(_)));
    if let Some(v) = lease.value(OptionCode::TFTP_SERVER_NAME) {
        match HuaweiServer::parse(&v.value, v.place()) {
            Ok(s) => {
                if has150 {
                    plan.log("H3", "66-beats-150", "options 66 and 150 are both present: 66 is used, it carries scheme and credentials (choice)");
                }
                if s.port_replaced {
                    plan.log(
                        "H2",
                        "port-replaced",
                        "option 66's sftp port is outside 0..65535: 22 is used",
                    );
                }
                forms::flag_dns(&mut plan, "H2", "option 66", s.host, dns);
                plan.steps.push(Step::Fetch(fetch.with_url(s.url(&b.text))));
            }
            Err(e) => {
                plan.steps.push(Step::Fetch(fetch));
                plan.stop = Some(Stop::new(
                    "H2",
                    "bad-option-66",
                    format!("option 66 is not a huawei file server: {e}"),
                ));
            }
        }
    } else if let Ok(Some(list)) = lease.tftp_server_addresses() {
        let host = list.first().to_string();
        plan.log(
            "H2",
            "server-150",
            format!("the intermediate file comes by tftp from option 150's first address {host}"),
        );
        plan.steps
            .push(Step::Fetch(fetch.with_url(forms::tftp_url(&host, &b.text))));
    } else {
        plan.steps.push(Step::Fetch(fetch));
        plan.stop = Some(Stop::new(
            "H2",
            "missing-server",
            "option 67 names the intermediate file but neither option 66 nor 150 names its server",
        ));
    }
    let siaddr = lease.siaddr();
    if !siaddr.is_unspecified() {
        plan.log(
            "H2",
            "siaddr-not-used",
            format!("siaddr {siaddr} is not used (choice: h2 names 66 and 150 only)"),
        );
    }
    match forms::v4_u32(lease, 51) {
        Some(Ok(t)) if t < 3600 => {
            plan.stop.get_or_insert(Stop::new(
                "H2",
                "short-lease",
                format!("the lease time (option 51) is {t} s: huawei ztp needs at least 3600 s"),
            ));
        }
        Some(Ok(t)) => plan.log(
            "H2",
            "lease-time",
            format!("the lease time (option 51) is {t} s, at least one hour"),
        ),
        Some(Err(len)) => plan.log(
            "H2",
            "bad-lease-time",
            format!("option 51 has {len} bytes, not 4: the lease time is not checked"),
        ),
        None => plan.log(
            "H2",
            "no-lease-time",
            "no option 51: the one-hour lease rule cannot be checked",
        ),
    }
    nce(&mut plan, lease);
    plan.log(
        "G12",
        "sztp-ranked",
        "h5 ranks sztp first when option 143 parses; it is absent or does not parse here",
    );
    Some(plan)
}

/// This vendor's DHCPv6 plan ([`super::plan_v6`]): H4, H5.
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::HuaweiVrp, Family::V6);
    match lease.sztp_redirect() {
        Ok(Some(r)) => {
            forms::sztp_contacts(&mut plan, &r, OptionRef::v6(136));
            plan.log(
                "H5",
                "sztp-only",
                "option 136 parses: the device runs sztp only; option 59 is not used",
            );
            return Some(plan);
        }
        Ok(None) => {}
        Err(e) => plan.log(
            "H5",
            "136-unparsed",
            format!("option 136 does not parse ({e}): legacy ztp goes on"),
        ),
    }
    match forms::v6_text(&mut plan, lease, 59) {
        Some(o) => match forms::split_scheme(&o.text) {
            Some((scheme, rest)) => {
                if !["tftp", "ftp", "sftp"]
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(scheme))
                {
                    plan.log(
                        "H4",
                        "scheme",
                        format!("option 59 uses {scheme:?}: h4 documents tftp, ftp and sftp"),
                    );
                }
                forms::flag_dns(
                    &mut plan,
                    "H4",
                    "option 59",
                    forms::url_host(rest),
                    forms::v6_has_dns(lease),
                );
                h6(&mut plan, &o.text);
                plan.steps.push(Step::Fetch(
                    Fetch::new(
                        Role::Workflow,
                        o.text.clone(),
                        OptionRef::v6(59),
                        Order::First,
                    )
                    .with_url(o.text),
                ));
            }
            None => {
                plan.stop = Some(Stop::new(
                    "H4",
                    "not-a-url",
                    format!("option 59 {:?} is not a full url", o.text),
                ))
            }
        },
        None => {
            plan.stop =
                Some(Stop::new("H4", "no-trigger", "no option 59: ztp keeps waiting").waiting())
        }
    }
    plan.log("H4", "lease-time", "the lease must last at least one hour and is not renewed (the ia lifetimes are not checked here)");
    Some(plan)
}

// ------------------------------------------------ the offer (H2..H4)

use super::Vendor;
use super::offer::{self, OfferError, OfferProblem};

/// What a DHCP server tells a Huawei VRP device (H2, H3): the
/// intermediate file's name in 67 (extension `.ini`, `.py` or `.cfg`), its
/// server in 66 (`tftp://host`, `ftp://[user[:pass]@]host`,
/// `sftp://[user[:pass]@]host[:port]` or a bare address) and/or 150 (66 is
/// used when both are given, H3). Over DHCPv6, option 59 with the file's
/// full URL (H4), no server.
///
/// ```
/// use ztp_options::vendor::{HuaweiOffer, Offer, OfferProblem};
///
/// let mut vrp = HuaweiOffer::new("ztp.ini");
/// vrp.server = Some("sftp://ztp:pw@192.0.2.7:2222".into());
/// assert!(Offer::HuaweiVrp(vrp.clone()).to_v4_options().is_ok());
/// vrp.file = "ztp.txt".into(); // H2
/// let err = Offer::HuaweiVrp(vrp).to_v4_options().unwrap_err();
/// assert_eq!((err.problem, err.rule), (OfferProblem::BadExtension, "H2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct HuaweiOffer {
    /// 67 (a file name) or, over DHCPv6, 59 (a full URL).
    pub file: String,
    /// 66: the intermediate file server, in one of H2's forms.
    pub server: Option<String>,
    /// 150: a TFTP server address.
    pub tftp_server: Option<Ipv4Addr>,
}

impl HuaweiOffer {
    /// The file, no server.
    pub fn new(file: impl Into<String>) -> Self {
        HuaweiOffer {
            file: file.into(),
            server: None,
            tftp_server: None,
        }
    }

    /// H2: the extension.
    fn check_extension(&self, at: OptionRef) -> Result<(), OfferError> {
        if !extension(&self.file).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            return Err(OfferError::new(
                Vendor::HuaweiVrp,
                at,
                self.file.as_str(),
                OfferProblem::BadExtension,
                "H2",
            ));
        }
        Ok(())
    }

    /// H2, H3: 67, 66, 150.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let vendor = Vendor::HuaweiVrp;
        let at = OptionRef::v4(67);
        offer::text(vendor, at, &self.file, "H2")?;
        if forms::split_scheme(&self.file).is_some() {
            return Err(OfferError::new(
                vendor,
                at,
                self.file.as_str(),
                OfferProblem::NotAName,
                "H2",
            ));
        }
        self.check_extension(at)?;
        if self.server.is_none() && self.tftp_server.is_none() {
            return Err(OfferError::new(
                vendor,
                at,
                self.file.as_str(),
                OfferProblem::NeedsServer,
                "H2",
            ));
        }
        let mut options = alloc::vec![(67, self.file.as_bytes().to_vec())];
        if let Some(s) = &self.server {
            let at = OptionRef::v4(66);
            offer::text(vendor, at, s, "H2")?;
            let place = crate::error::Place::option(Family::V4, 66, 0);
            match HuaweiServer::parse(s.as_bytes(), place) {
                Ok(parsed) if !parsed.port_replaced => {}
                _ => {
                    return Err(OfferError::new(
                        vendor,
                        at,
                        s.as_str(),
                        OfferProblem::BadServer,
                        "H2",
                    ));
                }
            }
            options.push((66, s.as_bytes().to_vec()));
        }
        options.extend(self.tftp_server.map(offer::addr_150));
        Ok(offer::v4_set(options))
    }

    /// H4: 59, the file's full URL.
    pub(crate) fn to_v6_options(&self) -> Result<crate::v6::OptionSet, OfferError> {
        let vendor = Vendor::HuaweiVrp;
        if let Some(s) = &self.server {
            return Err(offer::not_in_family(
                vendor,
                OptionRef::v4(66),
                s.as_str(),
                "H4",
            ));
        }
        if let Some(a) = self.tftp_server {
            return Err(offer::not_in_family(
                vendor,
                OptionRef::v4(150),
                a.to_string(),
                "H4",
            ));
        }
        let at = OptionRef::v6(59);
        offer::url(vendor, at, &self.file, "H4")?;
        self.check_extension(at)?;
        Ok(offer::v6_set(alloc::vec![(
            59,
            self.file.as_bytes().to_vec()
        )]))
    }

    /// The inverse of [`HuaweiOffer::to_v4_options`].
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::HuaweiVrp;
        let file = offer::read_v4(vendor, lease, 67, "H2")?
            .ok_or_else(|| offer::nothing(vendor, OptionRef::v4(67), "H2"))?;
        Ok(HuaweiOffer {
            file,
            server: offer::read_v4(vendor, lease, 66, "H2")?,
            tftp_server: offer::read_150(vendor, lease, "H2")?,
        })
    }

    /// The inverse of [`HuaweiOffer::to_v6_options`].
    pub(crate) fn from_v6(lease: &crate::v6::Lease<'_>) -> Result<Self, OfferError> {
        let vendor = Vendor::HuaweiVrp;
        offer::read_v6(vendor, lease, 59, "H4")?
            .map(HuaweiOffer::new)
            .ok_or_else(|| offer::nothing(vendor, OptionRef::v6(59), "H4"))
    }
}
