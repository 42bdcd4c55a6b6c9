//! Which vendor a reply is for, and what that vendor's plan says (issue
//! "every vendor's ZTP"): the requests a capture has shown (G3: v4 `xid`
//! and `chaddr`, v6 transaction id and DUID, never option 61 alone) in a
//! bounded table, so that a reply is explained by the vendor its own
//! client named (G1); else by the reply alone (RA1..RA3); `--vendor`
//! overrides both.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;

use ztp_options::vendor::{
    By, Confidence, Guess, Identity, IdentityRepr, Order, Role, Selected, Step, Stop, Vendor,
    VendorPlan,
};
use ztp_options::{Family, v6};

use crate::json::{self, key};

/// How many requests the table keeps: a capture of any size keeps its
/// memory flat; a reply further than this from its request is explained
/// from the reply alone, and says so.
pub(crate) const REQUESTS: usize = 4096;

/// What a client's request said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Request {
    /// Its identity, when it names a vendor (G1).
    pub(crate) identity: Option<IdentityRepr>,
    /// The options it asked for (55 or 6).
    pub(crate) requested: Vec<u16>,
    /// The frame it was in.
    pub(crate) frame: Option<usize>,
}

/// The requests seen, by transaction and client (G3), oldest dropped first.
#[derive(Debug, Default)]
pub(crate) struct Requests {
    by_key: HashMap<Box<[u8]>, Request>,
    order: VecDeque<Box<[u8]>>,
}

/// The key of a transaction: family, transaction id, client (`chaddr` or
/// DUID).
pub(crate) fn key(family: Family, xid: &[u8], client: &[u8]) -> Box<[u8]> {
    let mut k = Vec::with_capacity(2 + xid.len() + client.len());
    key_into(&mut k, family, xid, client);
    k.into_boxed_slice()
}

/// [`key`] written into a reused buffer (a lookup allocates nothing).
pub(crate) fn key_into(out: &mut Vec<u8>, family: Family, xid: &[u8], client: &[u8]) {
    out.clear();
    out.push(match family {
        Family::V4 => 4,
        Family::V6 => 6,
    });
    out.extend_from_slice(xid);
    out.push(0xff);
    out.extend_from_slice(client);
}

impl Requests {
    /// Records a request (the newest of a key wins).
    pub(crate) fn insert(&mut self, key: Box<[u8]>, request: Request) {
        if self.by_key.insert(key.clone(), request).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > REQUESTS {
            if let Some(old) = self.order.pop_front() {
                self.by_key.remove(&old);
            }
        }
    }

    /// The request of a transaction, if seen.
    pub(crate) fn get(&self, key: &[u8]) -> Option<&Request> {
        self.by_key.get(key)
    }

    /// Whether no request was seen (a capture of replies only: no lookup).
    pub(crate) fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

/// A DHCPv4 request's transaction key and what it says.
pub(crate) fn v4_request(
    bytes: &[u8],
    requested: Vec<u16>,
    frame: Option<usize>,
) -> Option<(Box<[u8]>, Request)> {
    let (xid, chaddr) = crate::report::v4_header(bytes);
    let xid = xid?.value().to_be_bytes();
    let identity = Identity::from_v4(bytes).ok().and_then(|i| i.to_repr());
    Some((
        key(Family::V4, &xid, chaddr.unwrap_or(&[])),
        Request {
            identity,
            requested,
            frame,
        },
    ))
}

/// A DHCPv6 request's transaction key and what it says (relays unwrapped).
pub(crate) fn v6_request(
    lease: &v6::Lease<'_>,
    requested: Vec<u16>,
    frame: Option<usize>,
) -> Option<(Box<[u8]>, Request)> {
    let xid = lease.transaction_id()?;
    let msg = lease.message();
    let duid = msg
        .instances(v6::OptionCode::CLIENT_ID)
        .flatten()
        .next()
        .map_or(&[][..], |o| o.value);
    let identity = Identity::from_v6(msg.as_bytes())
        .ok()
        .and_then(|i| i.to_repr());
    Some((
        key(Family::V6, &xid, duid),
        Request {
            identity,
            requested,
            frame,
        },
    ))
}

/// What a report says of the vendor: how it was decided, the client's
/// identity, and (another vendor than Juniper) its plan.
#[derive(Debug, Clone)]
pub(crate) struct VendorInfo {
    /// The vendor whose rules explain the message; `None` for a client's
    /// message that names none.
    pub(crate) vendor: Option<Vendor>,
    pub(crate) by: By,
    /// The reply alone's guess, when it decided.
    pub(crate) guess: Option<Guess>,
    /// The request (the message itself for a client's), when seen.
    pub(crate) request: Option<Request>,
    /// RA2: the other candidates' plans, side by side with the one
    /// explained.
    pub(crate) alternatives: Vec<(Vendor, VendorPlan)>,
}

impl VendorInfo {
    /// A reply's vendor, as ztp-options selected it.
    pub(crate) fn selected(selected: Selected, request: Option<Request>) -> Self {
        VendorInfo {
            vendor: Some(selected.vendor),
            by: selected.by,
            guess: selected.guess,
            request,
            alternatives: Vec::new(),
        }
    }

    /// A client's message: what it says of itself.
    pub(crate) fn request(request: Request) -> Self {
        VendorInfo {
            vendor: request.identity.as_ref().map(|i| i.vendor),
            by: By::Request,
            guess: None,
            request: Some(request),
            alternatives: Vec::new(),
        }
    }

    /// The vendor whose rules apply (Juniper when none is known).
    pub(crate) fn vendor(&self) -> Vendor {
        self.vendor.unwrap_or(Vendor::Juniper)
    }

    /// How the vendor was decided, as a sentence.
    fn how(&self) -> String {
        if self.vendor.is_none() {
            return "the request names no vendor [G1]".to_owned();
        }
        match self.by {
            By::User => "named by --vendor".to_owned(),
            By::Request => {
                let frame = self
                    .request
                    .as_ref()
                    .and_then(|r| r.frame)
                    .map(|f| format!(" (frame {f})"))
                    .unwrap_or_default();
                format!("from the client's request{frame} [G1]")
            }
            _ => {
                let g = self.guess.as_ref();
                match g.and_then(|g| g.decided_by()) {
                    Some(c) => format!(
                        "from the reply alone, {} [{}]: {}",
                        c.confidence, c.rule, c.clue
                    ),
                    None if g.is_some_and(|g| g.candidates().len() > 1) => {
                        "from the reply alone, ambiguous [RA1]".to_owned()
                    }
                    None => "from the reply alone: no other vendor's clue [RA1]".to_owned(),
                }
            }
        }
    }

    /// The remaining candidates of an ambiguous guess (RA2).
    pub(crate) fn candidates(&self) -> Vec<Vendor> {
        match &self.guess {
            Some(g) if g.confidence() == Confidence::Ambiguous => {
                g.candidates().iter().map(|(v, _)| *v).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The text lines.
    pub(crate) fn text(&self, s: &mut String) {
        let name = self.vendor.map_or("unknown", |v| v.as_str());
        let _ = writeln!(s, "  {:<15}{name} ({})", "vendor", self.how());
        let candidates = self.candidates();
        if !candidates.is_empty() {
            let list: Vec<&str> = candidates.iter().map(|v| v.as_str()).collect();
            let _ = writeln!(
                s,
                "  {:<15}{} [RA2]: the client's option 60, 124 or 77 would settle it",
                "candidates",
                list.join(", ")
            );
        }
        for (vendor, plan) in &self.alternatives {
            let mut alt = String::new();
            plan_text(&mut alt, plan);
            let _ = writeln!(s, "  {:<15}{vendor} would read it so:", "or, as");
            for l in alt.lines() {
                let _ = writeln!(s, "    {l}");
            }
            if let Some(stop) = &plan.stop {
                let _ = writeln!(s, "      [{}] {}", stop.rule, stop.message);
            }
        }
        if let Some(id) = self.request.as_ref().and_then(|r| r.identity.as_ref()) {
            let mut parts = Vec::new();
            if let Some(m) = &id.model {
                parts.push(format!("model {m}"));
            }
            if let Some(v) = &id.serial {
                parts.push(format!("serial {v}"));
            }
            if let Some(v) = &id.version {
                parts.push(format!("version {v}"));
            }
            if let Some(p) = id.phase {
                parts.push(format!("phase {}", p.as_str()));
            }
            if !parts.is_empty() {
                let _ = writeln!(s, "  {:<15}{}", "identity", parts.join(", "));
            }
        }
    }

    /// The JSON values of `vendor` and `identity`.
    pub(crate) fn json(&self, o: &mut json::Object, out: &mut Vec<u8>) {
        o.key(out, key!("vendor"));
        let mut v = json::Object::open(out);
        v.key(out, key!("name"));
        json::opt_string(out, self.vendor.map(|v| v.as_str()));
        v.key(out, key!("decided_by"));
        json::ident(out, self.by.as_str());
        let decided = self.guess.as_ref().and_then(|g| g.decided_by());
        v.key(out, key!("rule"));
        json::opt_string(out, decided.map(|c| c.rule));
        v.key(out, key!("clue"));
        json::opt_string(out, decided.map(|c| c.clue));
        v.key(out, key!("confidence"));
        json::opt_string(out, self.guess.as_ref().map(|g| g.confidence().as_str()));
        v.key(out, key!("candidates"));
        json::array(out, self.candidates(), |out, c| {
            json::ident(out, c.as_str())
        });
        v.key(out, key!("alternatives"));
        json::array(out, &self.alternatives, |out, (vendor, plan)| {
            let mut a = json::Object::open(out);
            a.key(out, key!("vendor"));
            json::ident(out, vendor.as_str());
            a.key(out, key!("plan"));
            plan_json(out, plan);
            a.close(out);
        });
        v.close(out);
        o.key(out, key!("identity"));
        match self.request.as_ref().and_then(|r| r.identity.as_ref()) {
            Some(id) => {
                let mut i = json::Object::open(out);
                i.key(out, key!("vendor"));
                json::ident(out, id.vendor.as_str());
                i.key(out, key!("model"));
                json::opt_string(out, id.model.as_deref());
                i.key(out, key!("serial"));
                json::opt_string(out, id.serial.as_deref());
                i.key(out, key!("version"));
                json::opt_string(out, id.version.as_deref());
                i.key(out, key!("phase"));
                json::opt_string(out, id.phase.map(|p| p.as_str()));
                i.close(out);
            }
            None => json::null(out),
        }
    }
}

/// A URL's scheme, host and port (the default port of its scheme when it
/// gives none), read without a URL parser: what the plan's keys need.
pub(crate) fn url_parts(url: &str) -> Option<(&str, &str, Option<u16>)> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, tail) = v6.split_once(']')?;
        (h, tail.strip_prefix(':').and_then(|p| p.parse().ok()))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, p.parse().ok()),
            None => (authority, None),
        }
    };
    let default = match scheme.to_ascii_lowercase().as_str() {
        "http" => Some(80),
        "https" => Some(443),
        "tftp" => Some(69),
        "ftp" => Some(21),
        "sftp" => Some(22),
        _ => None,
    };
    Some((scheme, host, port.or(default)))
}

/// The plan's first fetch whose role is one of `roles`.
pub(crate) fn first_fetch<'p>(
    plan: &'p VendorPlan,
    roles: &[Role],
) -> Option<&'p ztp_options::vendor::Fetch> {
    plan.steps.iter().find_map(|s| match s {
        Step::Fetch(f) if roles.contains(&f.role) => Some(f),
        _ => None,
    })
}

/// The roles the `config` key shows for another vendor.
pub(crate) const CONFIG_ROLES: [Role; 4] = [
    Role::Configuration,
    Role::Script,
    Role::Workflow,
    Role::File,
];

/// The JSON value of `vendor_plan`.
pub(crate) fn plan_json(out: &mut Vec<u8>, plan: &VendorPlan) {
    let mut o = json::Object::open(out);
    o.key(out, key!("steps"));
    json::array(out, &plan.steps, |out, step| {
        let mut s = json::Object::open(out);
        match step {
            Step::Fetch(f) => {
                s.key(out, key!("step"));
                json::ident(out, "fetch");
                s.key(out, key!("role"));
                json::ident(out, f.role.as_str());
                s.key(out, key!("name"));
                json::string(out, &redact(&f.name));
                s.key(out, key!("url"));
                json::opt_string(out, f.url.as_deref().map(redact).as_deref());
                s.key(out, key!("source"));
                json::display(out, f.source);
                s.key(out, key!("order"));
                json::ident(out, f.order.as_str());
            }
            Step::Contact(c) => {
                s.key(out, key!("step"));
                json::ident(out, "contact");
                s.key(out, key!("service"));
                json::ident(out, c.service.as_str());
                s.key(out, key!("host"));
                json::string(out, &c.host);
                s.key(out, key!("port"));
                match c.port {
                    Some(p) => json::uint(out, u64::from(p)),
                    None => json::null(out),
                }
                s.key(out, key!("transport"));
                json::opt_string(out, c.transport);
                s.key(out, key!("source"));
                json::display(out, c.source);
                s.key(out, key!("order"));
                json::ident(out, c.order.as_str());
            }
            _ => {
                s.key(out, key!("step"));
                json::ident(out, "other");
            }
        }
        s.close(out);
    });
    o.key(out, key!("stop"));
    match &plan.stop {
        Some(stop) => {
            let mut s = json::Object::open(out);
            s.key(out, key!("rule"));
            json::ident(out, stop.rule);
            s.key(out, key!("id"));
            json::ident(out, stop.id);
            s.key(out, key!("message"));
            json::string(out, &stop.message);
            s.key(out, key!("waits"));
            json::boolean(out, stop.waits);
            s.close(out);
        }
        None => json::null(out),
    }
    o.key(out, key!("decisions"));
    json::array(out, &plan.entries, |out, e| {
        let mut d = json::Object::open(out);
        d.key(out, key!("kind"));
        json::ident(out, e.id);
        d.key(out, key!("rule"));
        json::ident(out, e.rule);
        d.key(out, key!("message"));
        json::string(out, &e.message);
        d.close(out);
    });
    o.close(out);
}

/// The text lines of another vendor's plan.
pub(crate) fn plan_text(s: &mut String, plan: &VendorPlan) {
    if plan.steps.is_empty() && plan.stop.is_none() {
        let _ = writeln!(
            s,
            "  {:<15}the device ends ZTP: nothing to fetch or contact",
            "nothing to do"
        );
    }
    for step in &plan.steps {
        match step {
            Step::Fetch(f) => {
                let order = match f.order {
                    Order::First => "",
                    Order::Then => "then ",
                    Order::Fallback => "else ",
                    _ => "",
                };
                let what = redact(f.url.as_deref().unwrap_or(&f.name));
                let _ = writeln!(
                    s,
                    "  {:<15}{order}{what} ({}, {})",
                    "fetch",
                    f.role.as_str(),
                    f.source
                );
            }
            Step::Contact(c) => {
                let port = c.port.map(|p| format!(":{p}")).unwrap_or_default();
                let over = c
                    .transport
                    .map(|t| format!(" over {t}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "  {:<15}{} {}{port}{over} ({})",
                    "contact",
                    c.service.as_str(),
                    c.host,
                    c.source
                );
            }
            _ => {}
        }
    }
    if !plan.entries.is_empty() {
        let _ = writeln!(s, "  decisions");
        for e in &plan.entries {
            let _ = writeln!(s, "    {e}");
        }
    }
}

/// The request's vendor, for [`ztp_options::vendor::select_v4`].
pub(crate) fn request_vendor(request: Option<&Request>) -> Option<Vendor> {
    request.and_then(|r| r.identity.as_ref()).map(|i| i.vendor)
}

/// The plan of a vendor whose rules for this family are not built here
/// (NVOS, CU8): a stop that says so.
pub(crate) fn no_rules(vendor: Vendor, family: Family) -> VendorPlan {
    let mut plan = VendorPlan::new(vendor, family);
    plan.stop = Some(Stop::new(
        "G1",
        "no-rules",
        format!("the ZTP rules of {vendor} for this family are not built in this version"),
    ));
    plan
}

/// The serde form of `vendor_keys_json` (the tests' oracle).
#[cfg(test)]
pub(crate) fn serde_vendor_keys<M: serde::ser::SerializeMap>(
    m: &mut M,
    plan: &VendorPlan,
) -> Result<(), M::Error> {
    #[derive(serde::Serialize)]
    struct Target {
        name: String,
        source: String,
        port: Option<u16>,
        url: Option<String>,
        error: Option<()>,
    }
    let first_url = plan.steps.iter().find_map(|s| match s {
        Step::Fetch(f) => f.url.as_deref(),
        _ => None,
    });
    let parts = first_url.and_then(url_parts);
    fn target(f: Option<&ztp_options::vendor::Fetch>) -> Option<Target> {
        f.map(|f| Target {
            name: redact(&f.name).into_owned(),
            source: f.source.to_string(),
            port: f.url.as_deref().and_then(url_parts).and_then(|(_, _, p)| p),
            url: f.url.as_deref().map(|u| redact(u).into_owned()),
            error: None,
        })
    }
    m.serialize_entry("transfer_mode", &parts.map(|(s, _, _)| s))?;
    m.serialize_entry("file_server", &parts.map(|(_, h, _)| h))?;
    m.serialize_entry("image", &target(first_fetch(plan, &[Role::Image])))?;
    m.serialize_entry("config", &target(first_fetch(plan, &CONFIG_ROLES)))?;
    m.serialize_entry("ntp_servers", &[(); 0])?;
    m.serialize_entry("syslog_servers", &[(); 0])?;
    m.serialize_entry("hostname", &None::<()>)?;
    m.serialize_entry("proxy", &None::<()>)
}

/// The serde form of the `vendor`, `identity` and `vendor_plan` keys.
#[cfg(test)]
pub(crate) fn serde_vendor_tail<M: serde::ser::SerializeMap>(
    m: &mut M,
    info: Option<&VendorInfo>,
    plan: Option<&VendorPlan>,
) -> Result<(), M::Error> {
    #[derive(serde::Serialize)]
    struct V<'a> {
        name: Option<&'a str>,
        decided_by: &'a str,
        rule: Option<&'a str>,
        clue: Option<&'a str>,
        confidence: Option<&'a str>,
        candidates: Vec<&'a str>,
        alternatives: Vec<Alt<'a>>,
    }
    #[derive(serde::Serialize)]
    struct Alt<'a> {
        vendor: &'a str,
        plan: SerdePlan<'a>,
    }
    #[derive(serde::Serialize)]
    struct I<'a> {
        vendor: &'a str,
        model: Option<&'a str>,
        serial: Option<&'a str>,
        version: Option<&'a str>,
        phase: Option<&'a str>,
    }
    match info {
        Some(info) => {
            let decided = info.guess.as_ref().and_then(|g| g.decided_by());
            let candidates = info.candidates();
            m.serialize_entry(
                "vendor",
                &V {
                    name: info.vendor.map(|v| v.as_str()),
                    decided_by: info.by.as_str(),
                    rule: decided.map(|c| c.rule),
                    clue: decided.map(|c| c.clue),
                    confidence: info.guess.as_ref().map(|g| g.confidence().as_str()),
                    candidates: candidates.iter().map(|c| c.as_str()).collect(),
                    alternatives: info
                        .alternatives
                        .iter()
                        .map(|(v, p)| Alt {
                            vendor: v.as_str(),
                            plan: SerdePlan(p),
                        })
                        .collect(),
                },
            )?;
            let id = info.request.as_ref().and_then(|r| r.identity.as_ref());
            m.serialize_entry(
                "identity",
                &id.map(|id| I {
                    vendor: id.vendor.as_str(),
                    model: id.model.as_deref(),
                    serial: id.serial.as_deref(),
                    version: id.version.as_deref(),
                    phase: id.phase.map(|p| p.as_str()),
                }),
            )?;
        }
        None => {
            m.serialize_entry("vendor", &None::<()>)?;
            m.serialize_entry("identity", &None::<()>)?;
        }
    }
    m.serialize_entry("vendor_plan", &plan.map(SerdePlan))
}

/// The serde form of [`plan_json`] (the tests' oracle).
#[cfg(test)]
struct SerdePlan<'p>(&'p VendorPlan);

#[cfg(test)]
impl serde::Serialize for SerdePlan<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        #[derive(serde::Serialize)]
        struct F<'a> {
            step: &'a str,
            role: &'a str,
            name: &'a str,
            url: Option<&'a str>,
            source: String,
            order: &'a str,
        }
        #[derive(serde::Serialize)]
        struct C<'a> {
            step: &'a str,
            service: &'a str,
            host: &'a str,
            port: Option<u16>,
            transport: Option<&'a str>,
            source: String,
            order: &'a str,
        }
        #[derive(serde::Serialize)]
        struct O<'a> {
            step: &'a str,
        }
        #[derive(serde::Serialize)]
        struct St<'a> {
            rule: &'a str,
            id: &'a str,
            message: &'a str,
            waits: bool,
        }
        #[derive(serde::Serialize)]
        struct D<'a> {
            kind: &'a str,
            rule: &'a str,
            message: &'a str,
        }
        let plan = self.0;
        let mut m = s.serialize_map(Some(3))?;
        struct Steps<'p>(&'p [Step]);
        impl serde::Serialize for Steps<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq as _;
                let mut q = s.serialize_seq(Some(self.0.len()))?;
                for step in self.0 {
                    match step {
                        Step::Fetch(f) => q.serialize_element(&F {
                            step: "fetch",
                            role: f.role.as_str(),
                            name: &redact(&f.name),
                            url: f.url.as_deref().map(redact).as_deref(),
                            source: f.source.to_string(),
                            order: f.order.as_str(),
                        })?,
                        Step::Contact(c) => q.serialize_element(&C {
                            step: "contact",
                            service: c.service.as_str(),
                            host: &c.host,
                            port: c.port,
                            transport: c.transport,
                            source: c.source.to_string(),
                            order: c.order.as_str(),
                        })?,
                        _ => q.serialize_element(&O { step: "other" })?,
                    }
                }
                q.end()
            }
        }
        m.serialize_entry("steps", &Steps(&plan.steps))?;
        m.serialize_entry(
            "stop",
            &plan.stop.as_ref().map(|st| St {
                rule: st.rule,
                id: st.id,
                message: &st.message,
                waits: st.waits,
            }),
        )?;
        let decisions: Vec<D<'_>> = plan
            .entries
            .iter()
            .map(|e| D {
                kind: e.id,
                rule: e.rule,
                message: &e.message,
            })
            .collect();
        m.serialize_entry("decisions", &decisions)?;
        m.end()
    }
}

/// A URL with its password hidden (`ftp://user:***@host/f`): a vendor's
/// plan may put credentials in a URL (Huawei's 66, H2), which an
/// explanation shows and logs do not keep.
pub(crate) fn redact(url: &str) -> Cow<'_, str> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Cow::Borrowed(url);
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => Cow::Owned(format!("{scheme}://{user}:***@{host}{tail}")),
            None => Cow::Borrowed(url),
        },
        None => Cow::Borrowed(url),
    }
}
