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

use alloc::format;

use super::forms::{self, Opt};
use super::{Fetch, OptionRef, Order, Role, Step, Stop, VendorPlan};
use crate::family::Family;

/// The next step's order: the first source, then fallbacks (S3).
fn next_order(plan: &VendorPlan) -> Order {
    if plan.steps.is_empty() {
        Order::First
    } else {
        Order::Fallback
    }
}

/// S4: a value containing a space or a tab is rejected.
fn has_blank(plan: &mut VendorPlan, o: &Opt, code: u16) -> bool {
    let blank = o.text.contains([' ', '\t']);
    if blank {
        plan.log(
            "S4",
            "blank-in-url",
            format!(
                "option {code} ({:?}) contains a space or a tab: rejected as malformed",
                o.text
            ),
        );
    }
    blank
}

/// A URL-valued source (59, 239, 225, 226): used as given when it has a
/// scheme (any scheme curl knows, S4), else rejected.
fn url_source(
    plan: &mut VendorPlan,
    o: &Opt,
    source: OptionRef,
    role: Role,
    order: Order,
    dns: bool,
) -> bool {
    let code = source.option;
    if has_blank(plan, o, code) {
        return false;
    }
    match forms::split_scheme(&o.text) {
        Some((_, rest)) => {
            forms::flag_dns(
                plan,
                "G9",
                &format!("option {code}"),
                forms::url_host(rest),
                dns,
            );
            plan.steps.push(Step::Fetch(
                Fetch::new(role, o.text.clone(), source, order).with_url(o.text.clone()),
            ));
            true
        }
        None => {
            plan.log(
                "S4",
                "no-scheme",
                format!(
                    "option {code} ({:?}) has no scheme: rejected as malformed",
                    o.text
                ),
            );
            false
        }
    }
}

fn snmp_and_graph(
    plan: &mut VendorPlan,
    community: Option<Opt>,
    graph: [(u16, Option<Opt>); 2],
    family: Family,
    dns: bool,
) {
    if let Some(c) = community {
        plan.log(
            "S2",
            "snmp-community",
            format!(
                "option 224 sets the snmp community ({} characters) after provisioning",
                c.text.chars().count()
            ),
        );
    }
    let mut first_graph = true;
    for (code, o) in graph {
        let Some(o) = o else { continue };
        let source = if family == Family::V4 {
            OptionRef::v4(code)
        } else {
            OptionRef::v6(code)
        };
        let order = if first_graph {
            next_order(plan)
        } else {
            Order::Then
        };
        if url_source(plan, &o, source, Role::Configuration, order, dns) {
            first_graph = false;
        }
    }
    if !first_graph {
        plan.log(
            "S3",
            "graph-urls",
            "options 225 (minigraph) and 226 (acl) are read last: deprecated, still used when no other source downloads",
        );
    }
}

fn finish(plan: &mut VendorPlan) {
    plan.log(
        "S3",
        "source-order",
        "order of sources: a local ztp json file on the device, then option 67 (url, or tftp://<66>/<67>), then dhcpv6 59, then dhcpv4 239, then dhcpv6 239, then 225/226; a source whose download fails falls through to the next",
    );
    plan.log(
        "S6",
        "file-kinds",
        "the file from 67 / 59 is a ztp json document (an object with key ztp, sections run in lexical order); the file from 239 is a program that is executed (choice: validated as json, sniffed by its first line)",
    );
}

/// S5 with only 225 / 226: a plan, since S3 lists them as a source.
fn graph_only(plan: &mut VendorPlan) {
    plan.log(
        "S5",
        "graph-only",
        "neither 67, 239 nor 59, but 225 / 226: used as the last source of s3 rather than waiting (choice)",
    );
}

fn no_trigger(plan: &mut VendorPlan, what: &str) {
    plan.stop = Some(
        Stop::new(
            "S5",
            "no-trigger",
            format!("{what}: ztp keeps waiting for an offer that carries one (no plan yet)"),
        )
        .waiting(),
    );
}

/// This vendor's DHCPv4 plan ([`super::plan_v4`]): S2..S6.
pub(crate) fn plan_v4(lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::Sonic, Family::V4);
    let dns = forms::v4_has_dns(lease);
    let bootfile = forms::v4_text(&mut plan, lease, 67);
    let server = forms::v4_text(&mut plan, lease, 66);
    let script = forms::v4_text(&mut plan, lease, 239);
    let community = forms::v4_text(&mut plan, lease, 224);
    let graph = [
        (225, forms::v4_text(&mut plan, lease, 225)),
        (226, forms::v4_text(&mut plan, lease, 226)),
    ];
    let triggered = bootfile.is_some() || script.is_some();
    if let Some(b) = &bootfile {
        if !has_blank(&mut plan, b, 67) {
            match forms::split_scheme(&b.text) {
                Some((_, rest)) => {
                    plan.log(
                        "S4",
                        "url-as-given",
                        format!("option 67 {:?} has a scheme: fetched as given", b.text),
                    );
                    forms::flag_dns(&mut plan, "G9", "option 67", forms::url_host(rest), dns);
                    plan.steps.push(Step::Fetch(
                        Fetch::new(
                            Role::Workflow,
                            b.text.clone(),
                            OptionRef::v4(67),
                            Order::First,
                        )
                        .with_url(b.text.clone()),
                    ));
                }
                None => {
                    match &server {
                        Some(s) if !s.text.contains([' ', '\t']) => {
                            let url = forms::tftp_url(&s.text, &b.text);
                            plan.log("S4", "tftp-from-66", format!("option 67 {:?} has no scheme: fetched as {url} (tftp://<66>/<67>)", b.text));
                            forms::flag_dns(&mut plan, "G9", "option 66", &s.text, dns);
                            plan.steps.push(Step::Fetch(
                                Fetch::new(
                                    Role::Workflow,
                                    b.text.clone(),
                                    OptionRef::v4(67),
                                    Order::First,
                                )
                                .with_url(url),
                            ));
                        }
                        _ => {
                            let siaddr = lease.siaddr();
                            let note = if siaddr.is_unspecified() {
                                alloc::string::String::new()
                            } else {
                                format!(" (siaddr {siaddr} is not used)")
                            };
                            plan.log(
                            "S4",
                            "bare-path-without-66",
                            format!("option 67 {:?} is a path and option 66 is absent: rejected as malformed{note}", b.text),
                        );
                            plan.log(
                                "P67-2",
                                "bare-path",
                                "a bare path where sonic expects a url: add option 66 or a scheme",
                            );
                        }
                    }
                }
            }
        }
    }
    forms::file_field_note(&mut plan, lease, "S2");
    plan.log("S3", "v6-sources", "dhcpv6 option 59 and 239, when a dhcpv6 reply carries them, come after option 67 and before option 239 (v4) respectively");
    if let Some(o) = &script {
        let order = next_order(&plan);
        url_source(&mut plan, o, OptionRef::v4(239), Role::Script, order, dns);
    } else if bootfile.is_none() {
        forms::private_option_hint(&mut plan, "P239", 239, "provisioning-script-url");
    }
    snmp_and_graph(&mut plan, community, graph, Family::V4, dns);
    finish(&mut plan);
    forms::sztp_beside(
        &mut plan,
        Family::V4,
        lease.value_bytes(crate::v4::OptionCode::SZTP_REDIRECT),
    );
    if !triggered && !plan.steps.is_empty() {
        graph_only(&mut plan);
    }
    if !triggered && plan.steps.is_empty() {
        no_trigger(&mut plan, "neither option 67 nor 239 (nor dhcpv6 59)");
    } else if plan.steps.is_empty() {
        plan.stop = Some(Stop::new(
            "S4",
            "no-usable-source",
            "no source in the reply gives a usable url: every one was rejected",
        ));
    }
    Some(plan)
}

/// This vendor's DHCPv6 plan ([`super::plan_v6`]): 59 (ZTP JSON), then 239
/// (script), then 225/226 (S2, S3).
pub(crate) fn plan_v6(lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    let mut plan = VendorPlan::new(super::Vendor::Sonic, Family::V6);
    let dns = forms::v6_has_dns(lease);
    let url = forms::v6_text(&mut plan, lease, 59);
    let script = forms::v6_text(&mut plan, lease, 239);
    let community = forms::v6_text(&mut plan, lease, 224);
    let graph = [
        (225, forms::v6_text(&mut plan, lease, 225)),
        (226, forms::v6_text(&mut plan, lease, 226)),
    ];
    let triggered = url.is_some() || script.is_some();
    if let Some(o) = &url {
        url_source(
            &mut plan,
            o,
            OptionRef::v6(59),
            Role::Workflow,
            Order::First,
            dns,
        );
    }
    if let Some(o) = &script {
        let order = next_order(&plan);
        url_source(&mut plan, o, OptionRef::v6(239), Role::Script, order, dns);
    }
    snmp_and_graph(&mut plan, community, graph, Family::V6, dns);
    finish(&mut plan);
    forms::sztp_beside(
        &mut plan,
        Family::V6,
        forms::v6_raw(lease, 136).map(|(v, _)| v),
    );
    if !triggered && !plan.steps.is_empty() {
        graph_only(&mut plan);
    }
    if !triggered && plan.steps.is_empty() {
        no_trigger(&mut plan, "neither option 59 nor 239 (nor dhcpv4 67)");
    } else if plan.steps.is_empty() {
        plan.stop = Some(Stop::new(
            "S4",
            "no-usable-source",
            "no source in the reply gives a usable url: every one was rejected",
        ));
    }
    Some(plan)
}

// ------------------------------------------------ the offer (S2, S4, S5)

use alloc::string::String;

use super::offer::{self, OfferError, OfferProblem};

/// What a DHCP server tells a SONiC switch (S2): the ZTP JSON URL (67, v6
/// 59) and/or the provisioning script URL (239, v4 and v6). Both are full
/// URLs without a space or tab (S4: a path needs option 66, which this
/// offer does not carry); at least one is given (S5).
///
/// ```
/// use ztp_options::v4::OptionCode;
/// use ztp_options::vendor::{Offer, OfferProblem, SonicOffer};
///
/// let mut sonic = SonicOffer::new();
/// sonic.json_url = Some("http://192.0.2.9/ztp.json".into());
/// sonic.script_url = Some("http://192.0.2.9/fallback.sh".into());
/// let set = Offer::Sonic(sonic).to_v4_options()?;
/// assert_eq!(set.get(OptionCode::BOOTFILE_NAME), Some(&b"http://192.0.2.9/ztp.json"[..]));
/// assert_eq!(set.get(OptionCode::new(239)), Some(&b"http://192.0.2.9/fallback.sh"[..]));
/// // S5: nothing to offer.
/// let err = Offer::Sonic(SonicOffer::new()).to_v4_options().unwrap_err();
/// assert_eq!((err.problem, err.rule), (OfferProblem::NothingOffered, "S5"));
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SonicOffer {
    /// The ZTP JSON URL: DHCPv4 67, DHCPv6 59.
    pub json_url: Option<String>,
    /// The provisioning script URL: 239 (both families).
    pub script_url: Option<String>,
}

impl SonicOffer {
    /// Nothing yet: set [`SonicOffer::json_url`] and/or
    /// [`SonicOffer::script_url`].
    pub fn new() -> Self {
        SonicOffer::default()
    }

    /// `(code, value)` of each URL given, checked (S4, S5).
    fn values(
        &self,
        family: Family,
    ) -> Result<alloc::vec::Vec<(u16, alloc::vec::Vec<u8>)>, OfferError> {
        let json_code = if family == Family::V4 { 67 } else { 59 };
        let at = |code| match family {
            Family::V4 => OptionRef::v4(code),
            Family::V6 => OptionRef::v6(code),
        };
        let mut out = alloc::vec::Vec::new();
        for (code, value) in [(json_code, &self.json_url), (239, &self.script_url)] {
            let Some(v) = value else { continue };
            offer::text(Vendor::Sonic, at(code), v, "S4")?;
            if v.contains([' ', '\t']) {
                return Err(OfferError::new(
                    Vendor::Sonic,
                    at(code),
                    v.as_str(),
                    OfferProblem::Blank,
                    "S4",
                ));
            }
            offer::url(Vendor::Sonic, at(code), v, "S4")?;
            out.push((code, v.as_bytes().to_vec()));
        }
        if out.is_empty() {
            return Err(offer::nothing(Vendor::Sonic, at(json_code), "S5"));
        }
        Ok(out)
    }

    /// S2: 67 and/or 239.
    pub(crate) fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        let values = self.values(Family::V4)?;
        Ok(offer::v4_set(
            values
                .into_iter()
                .map(|(c, v)| (u8::try_from(c).unwrap_or(u8::MAX), v))
                .collect(),
        ))
    }

    /// S2: 59 and/or 239.
    pub(crate) fn to_v6_options(&self) -> Result<crate::v6::OptionSet, OfferError> {
        Ok(offer::v6_set(self.values(Family::V6)?))
    }

    /// The inverse of [`SonicOffer::to_v4_options`].
    pub(crate) fn from_v4(lease: &crate::v4::Lease<'_>) -> Result<Self, OfferError> {
        let o = SonicOffer {
            json_url: offer::read_v4(Vendor::Sonic, lease, 67, "S4")?,
            script_url: offer::read_v4(Vendor::Sonic, lease, 239, "S4")?,
        };
        Ok(o)
    }

    /// The inverse of [`SonicOffer::to_v6_options`].
    pub(crate) fn from_v6(lease: &crate::v6::Lease<'_>) -> Result<Self, OfferError> {
        Ok(SonicOffer {
            json_url: offer::read_v6(Vendor::Sonic, lease, 59, "S4")?,
            script_url: offer::read_v6(Vendor::Sonic, lease, 239, "S4")?,
        })
    }
}
