//! `ztp explain --summary`: per client, the outcome of its last reply, and
//! the clients counted by outcome: "which of my 3,000 switches will fail,
//! and why".
//!
//! The hot path allocates nothing once the outcomes and clients have been
//! seen: a reply is decoded and resolved (borrowing the message), its
//! outcome is written as a key into a reused buffer and looked up in a
//! table of interned outcomes; the fetch URLs are built once per distinct
//! outcome, not per reply (they depend only on what the key holds). The
//! client is looked up by its identity bytes, also from a reused buffer.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use ztp_options::sztp::Redirect;
use ztp_options::v4;
use ztp_options::v6;
use ztp_options::vendor::{
    Resolution, VendorPlan, resolve_as_v4, resolve_as_v6, select_v4, select_v6,
};
use ztp_options::{CannotProceed, DecodeError, Family, Plan};

use crate::explain::Filters;
use crate::report::{self, Client, Hex, Kind, Origin, Resolved, SCHEMA, Xid};

/// One distinct outcome.
#[derive(Debug, Clone, Serialize)]
struct Outcome {
    /// The vendor whose rules gave it (G1, RA1).
    vendor: &'static str,
    status: &'static str,
    family: &'static str,
    rule: Option<String>,
    reason: Option<String>,
    transfer_mode: Option<String>,
    file_server: Option<String>,
    image: Option<TargetSummary>,
    config: Option<TargetSummary>,
    /// The bootstrap servers of a valid SZTP redirect, in the order listed
    /// (R32): a secure-ZTP device follows them.
    sztp_redirect: Option<Vec<String>>,
    /// The diagnoses of a reply that cannot proceed (R35), by identifier.
    diagnoses: Vec<&'static str>,
    /// Clients whose last reply had this outcome.
    clients: usize,
    /// Replies with this outcome.
    replies: usize,
}

#[derive(Debug, Clone, Serialize)]
struct TargetSummary {
    name: String,
    url: Option<String>,
}

/// What is known of one client.
#[derive(Debug, Clone)]
struct ClientState {
    /// The outcome of its last reply.
    outcome: usize,
    frame: Option<usize>,
    xid: Option<Xid>,
    replies: usize,
}

/// The summary of many replies (`ztp explain --summary`): per client the
/// outcome of its last reply, and the clients counted by outcome (which
/// image, config and file server; which rule stops the others).
///
/// ```
/// use ztp_explain::{Filters, Origin, Summary};
/// use ztp_options::{Family, samples};
///
/// let mut summary = Summary::default();
/// summary.add(samples::V4_ACK, Family::V4, Origin::default(), &Filters::default());
/// summary.add(samples::V4_ACK, Family::V4, Origin::default(), &Filters::default());
/// assert_eq!(summary.replies(), 2);
/// assert_eq!(summary.exit_code(), 0);
/// let mut text = Vec::new();
/// summary.write_text(&mut text)?;
/// assert!(String::from_utf8_lossy(&text).starts_with("2 replies from 1 client"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Summary {
    replies: usize,
    undecodable: usize,
    outcomes: Vec<Outcome>,
    /// Seeded fast hashing (`fasthash`): SipHash was a quarter of a
    /// summarised reply.
    by_key: crate::fasthash::Map<Box<[u8]>, usize>,
    clients: crate::fasthash::Map<Box<[u8]>, ClientState>,
    /// Client identities in the order first seen.
    order: Vec<Box<[u8]>>,
    key: Vec<u8>,
    client_key: Vec<u8>,
    /// The requests seen (G3), for the vendor of their replies.
    requests: crate::vendor::Requests,
    /// A reused buffer for a request's key.
    lookup: Vec<u8>,
    /// The devices use secure ZTP: a valid redirect provisions (R32).
    secure_ztp: bool,
    /// DHCPv4 replies already summarised as a plan, for the next ones
    /// that differ from them only per client.
    same: SameReplies,
}

/// The last few DHCPv4 replies whose outcome was a plan, with the filters
/// they were read under and their outcome: a server sends one reply to
/// every client, changing only the client's fields. A reply equal to one
/// of them but for `xid`, `secs`, `flags`, `ciaddr`, `yiaddr` and `chaddr`
/// (header fields the lease path does not read: it reads `op`, `htype`,
/// `hlen`, `hops`, `siaddr`, `giaddr`, `sname`, `file` and the options, all
/// compared) has the same outcome, without being decoded, selected and
/// resolved again. No hashing: a length check and three slice compares
/// per kept reply. Used only while no request has been seen (G3: a
/// request can choose the vendor of its reply by `xid` and `chaddr`).
#[derive(Debug, Default)]
struct SameReplies {
    kept: Vec<(Box<[u8]>, Filters, usize)>,
    next: usize,
}

impl SameReplies {
    /// Replies kept at most (replaced in turn).
    const CAPACITY: usize = 8;

    /// Whether `a` and `b` differ at most in the client's fields.
    fn same(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len()
            && a.get(..4) == b.get(..4)
            && a.get(20..28) == b.get(20..28)
            && a.get(44..) == b.get(44..)
    }

    /// The outcome of a kept reply like `bytes`, read under `filters`.
    fn find(&self, bytes: &[u8], filters: &Filters) -> Option<usize> {
        self.kept
            .iter()
            .find(|(kept, f, _)| f == filters && Self::same(kept, bytes))
            .map(|&(_, _, id)| id)
    }

    /// Keeps `bytes`, whose outcome under `filters` is `id`.
    fn keep(&mut self, bytes: &[u8], filters: &Filters, id: usize) {
        let entry = (bytes.into(), *filters, id);
        match self.kept.get_mut(self.next) {
            Some(slot) => *slot = entry,
            None => self.kept.push(entry),
        }
        self.next = (self.next + 1) % Self::CAPACITY;
    }
}

fn family_name(f: Family) -> &'static str {
    match f {
        Family::V4 => "v4",
        Family::V6 => "v6",
    }
}

/// Appends `text` to an outcome key, length first, so that no two
/// outcomes share a key.
fn push_text(key: &mut Vec<u8>, text: &[u8]) {
    key.extend_from_slice(&u32::try_from(text.len()).unwrap_or(u32::MAX).to_le_bytes());
    key.extend_from_slice(text);
}

/// The key of a plan's outcome: everything its fetch URLs depend on
/// (family, mode, server, port and its source, image name, type and
/// source, config name), as bytes, without formatting anything.
pub(crate) fn plan_key(key: &mut Vec<u8>, family: Family, plan: &Plan<'_>) {
    key.push(b'o');
    push_text(key, family_name(family).as_bytes());
    push_text(key, plan.transfer_mode.as_str().as_bytes());
    match plan.file_server.ip() {
        std::net::IpAddr::V4(a) => push_text(key, &a.octets()),
        std::net::IpAddr::V6(a) => push_text(key, &a.octets()),
    }
    match plan.port {
        Some(p) => {
            key.extend_from_slice(&p.port.get().to_le_bytes());
            push_text(key, p.source.as_str().as_bytes());
        }
        None => key.push(0),
    }
    match &plan.image {
        Some(i) => {
            key.push(1);
            key.push(u8::from(i.image_type == ztp_options::ImageType::Symlink));
            push_text(key, i.source.as_str().as_bytes());
            push_text(key, i.name.as_bytes());
        }
        None => key.push(0),
    }
    match &plan.config {
        Some(c) => {
            key.push(1);
            push_text(key, c.name.as_bytes());
        }
        None => key.push(0),
    }
    if let Some(r) = &plan.sztp_redirect {
        for b in r.iter() {
            key.push(1);
            push_text(key, b.as_str().as_bytes());
        }
    }
    key.push(0);
}

impl Summary {
    /// Replies counted.
    pub fn replies(&self) -> usize {
        self.replies
    }

    /// 2 when a reply did not decode, 1 when a client's last reply cannot
    /// proceed, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.undecodable > 0 {
            return 2;
        }
        let failing = self.clients.values().any(|c| {
            self.outcomes.get(c.outcome).is_some_and(|o| {
                o.status != "ok" && !(self.secure_ztp && o.sztp_redirect.is_some())
            })
        });
        u8::from(failing)
    }

    /// Counts one message (replies only; the filters apply).
    pub fn add(&mut self, bytes: &[u8], family: Family, origin: Origin, filters: &Filters) {
        self.secure_ztp = filters.secure_ztp;
        self.key.clear();
        self.client_key.clear();
        match family {
            Family::V4 => self.add_v4(bytes, origin, filters),
            Family::V6 => self.add_v6(bytes, origin, filters),
        }
    }

    fn add_v4(&mut self, bytes: &[u8], origin: Origin, filters: &Filters) {
        let (xid, chaddr) = report::v4_header(bytes);
        let client = Client {
            chaddr,
            ..Client::default()
        };
        if !filters.keep_client(&client, xid) {
            return;
        }
        self.client_key.push(4);
        self.client_key.extend_from_slice(chaddr.unwrap_or(&[]));
        if self.requests.is_empty()
            && let Some(id) = self.same.find(bytes, filters)
        {
            debug_assert_eq!(
                self.v4_plan_id(bytes, filters),
                Some(id),
                "a reply like a kept one has another outcome"
            );
            self.count(id, origin, xid);
            return;
        }
        match v4::Lease::parse(bytes) {
            Ok(lease) => {
                let op = bytes.first().copied().unwrap_or(0);
                let kind = Kind::V4(op, lease.message_type().ok().flatten());
                if kind.is_client() {
                    let requested = crate::explain::v4_requested(bytes);
                    if let Some((k, r)) = crate::vendor::v4_request(bytes, requested, origin.frame)
                    {
                        self.requests.insert(k, r);
                    }
                    return;
                }
                if !kind.is_reply() {
                    return;
                }
                let request = match xid {
                    Some(x) if !self.requests.is_empty() => {
                        let xid = x.value().to_be_bytes();
                        let client = chaddr.unwrap_or(&[]);
                        crate::vendor::key_into(&mut self.lookup, Family::V4, &xid, client);
                        crate::vendor::request_vendor(self.requests.get(&self.lookup))
                    }
                    _ => None,
                };
                let vendor = select_v4(&lease, request, filters.vendor).vendor;
                match resolve_as_v4(vendor, &lease) {
                    Resolution::Juniper(Ok(plan)) => {
                        let id = self.plan(Family::V4, &plan, bytes, origin, xid);
                        if self.requests.is_empty() {
                            self.same.keep(bytes, filters, id);
                        }
                    }
                    Resolution::Juniper(Err(e)) => {
                        let redirect = servers(lease.sztp_redirect());
                        self.refused(Family::V4, &e, bytes, redirect, origin, xid);
                    }
                    Resolution::Other(plan) => self.vendor_plan(&plan, origin, xid),
                    Resolution::Unknown(v) => {
                        self.vendor_plan(&crate::vendor::no_rules(v, Family::V4), origin, xid);
                    }
                    _ => {}
                }
            }
            Err(e) if bytes.first() == Some(&2) => {
                self.undecodable(Family::V4, &e, bytes, origin, xid);
            }
            Err(_) => {}
        }
    }

    fn add_v6(&mut self, bytes: &[u8], origin: Origin, filters: &Filters) {
        match v6::Lease::parse(bytes) {
            Ok(lease) => {
                let kind = Kind::V6(lease.message_type());
                if kind.is_client() {
                    let requested = crate::explain::v6_requested(lease.message());
                    if let Some((k, r)) = crate::vendor::v6_request(&lease, requested, origin.frame)
                    {
                        self.requests.insert(k, r);
                    }
                    return;
                }
                if !kind.is_reply() {
                    return;
                }
                let xid = lease.transaction_id().map(Xid::V6);
                let duid = lease
                    .message()
                    .instances(v6::OptionCode::CLIENT_ID)
                    .next()
                    .and_then(Result::ok)
                    .map(|o| o.value);
                let client = Client {
                    duid,
                    ..Client::default()
                };
                if !filters.keep_client(&client, xid) {
                    return;
                }
                self.client_key.push(6);
                self.client_key.extend_from_slice(duid.unwrap_or(&[]));
                let request = match lease.transaction_id() {
                    Some(x) if !self.requests.is_empty() => {
                        crate::vendor::key_into(
                            &mut self.lookup,
                            Family::V6,
                            &x,
                            duid.unwrap_or(&[]),
                        );
                        crate::vendor::request_vendor(self.requests.get(&self.lookup))
                    }
                    _ => None,
                };
                let vendor = select_v6(&lease, request, filters.vendor).vendor;
                match resolve_as_v6(vendor, &lease) {
                    Resolution::Juniper(Ok(plan)) => {
                        self.plan(Family::V6, &plan, bytes, origin, xid);
                    }
                    Resolution::Juniper(Err(e)) => {
                        let redirect = servers(lease.sztp_redirect());
                        self.refused(Family::V6, &e, bytes, redirect, origin, xid);
                    }
                    Resolution::Other(plan) => self.vendor_plan(&plan, origin, xid),
                    Resolution::Unknown(v) => {
                        self.vendor_plan(&crate::vendor::no_rules(v, Family::V6), origin, xid);
                    }
                    _ => {}
                }
            }
            Err(e) if matches!(bytes.first(), Some(2 | 7 | 13)) => {
                if filters.mac.is_some() || filters.xid.is_some() {
                    // Neither can be read from a message that does not
                    // decode.
                    return;
                }
                self.client_key.push(6);
                self.undecodable(Family::V6, &e, bytes, origin, None);
            }
            Err(_) => {}
        }
    }

    fn plan(
        &mut self,
        family: Family,
        plan: &Plan<'_>,
        bytes: &[u8],
        origin: Origin,
        xid: Option<Xid>,
    ) -> usize {
        plan_key(&mut self.key, family, plan);
        let id = match self.by_key.get(self.key.as_slice()) {
            Some(&id) => id,
            None => {
                let r = Resolved::new(*plan, bytes);
                let target = |name: &str, url: Option<&str>| TargetSummary {
                    name: name.to_owned(),
                    url: url.map(str::to_owned),
                };
                let outcome = Outcome {
                    vendor: "juniper",
                    status: if r.reason().is_some() {
                        "cannot-proceed"
                    } else {
                        "ok"
                    },
                    family: family_name(family),
                    rule: r.reason().map(|m| m.rule.clone()),
                    reason: r.reason().map(|m| m.message.clone()),
                    transfer_mode: Some(plan.transfer_mode.to_string()),
                    file_server: Some(plan.file_server.ip().to_string()),
                    image: plan.image.as_ref().map(|i| target(i.name, r.image_url())),
                    config: plan.config.as_ref().map(|c| target(c.name, r.config_url())),
                    sztp_redirect: plan
                        .sztp_redirect
                        .as_ref()
                        .map(|r| r.iter().map(|b| b.to_string()).collect()),
                    diagnoses: Vec::new(),
                    clients: 0,
                    replies: 0,
                };
                self.intern(outcome)
            }
        };
        self.count(id, origin, xid);
        id
    }

    /// The outcome a DHCPv4 reply resolved to a plan has, decoded,
    /// selected and resolved as `add_v4` does with no request seen (the
    /// check of [`SameReplies`] in debug builds).
    fn v4_plan_id(&self, bytes: &[u8], filters: &Filters) -> Option<usize> {
        let lease = v4::Lease::parse(bytes).ok()?;
        let vendor = select_v4(&lease, None, filters.vendor).vendor;
        match resolve_as_v4(vendor, &lease) {
            Resolution::Juniper(Ok(plan)) => {
                let mut key = Vec::new();
                plan_key(&mut key, Family::V4, &plan);
                self.by_key.get(key.as_slice()).copied()
            }
            _ => None,
        }
    }

    /// A reply the rules refuse (`cannot-proceed`) or a message that does
    /// not decode (`undecodable`): one outcome per status, family and reason.
    fn failed(
        &mut self,
        status: &'static str,
        family: Family,
        reason: report::RuleMessage,
        more: (Option<Vec<String>>, Vec<&'static str>),
        origin: Origin,
        xid: Option<Xid>,
    ) {
        let (sztp_redirect, diagnoses) = more;
        let _ = write!(
            self.key,
            "{status} {} {} {} {sztp_redirect:?} {diagnoses:?}",
            family_name(family),
            reason.rule,
            reason.message
        );
        let id = match self.by_key.get(self.key.as_slice()) {
            Some(&id) => id,
            None => self.intern(Outcome {
                vendor: "juniper",
                status,
                family: family_name(family),
                rule: Some(reason.rule),
                reason: Some(reason.message),
                transfer_mode: None,
                file_server: None,
                image: None,
                config: None,
                sztp_redirect,
                diagnoses,
                clients: 0,
                replies: 0,
            }),
        };
        self.count(id, origin, xid);
    }

    fn refused(
        &mut self,
        family: Family,
        e: &CannotProceed,
        bytes: &[u8],
        sztp_redirect: Option<Vec<String>>,
        origin: Origin,
        xid: Option<Xid>,
    ) {
        let reason = report::refusal(e, bytes);
        // Diagnoses only where a reply cannot proceed: the summary of a
        // capture of good replies stays as fast as it was.
        let diagnoses = crate::diagnose(bytes, family)
            .iter()
            .map(|d| d.id())
            .collect();
        self.failed(
            "cannot-proceed",
            family,
            reason,
            (sztp_redirect, diagnoses),
            origin,
            xid,
        );
    }

    fn undecodable(
        &mut self,
        family: Family,
        e: &DecodeError,
        bytes: &[u8],
        origin: Origin,
        xid: Option<Xid>,
    ) {
        self.undecodable += 1;
        let reason = report::undecodable(e, bytes);
        self.failed(
            "undecodable",
            family,
            reason,
            (None, Vec::new()),
            origin,
            xid,
        );
    }

    /// Another vendor's reply: one outcome per vendor, status, fetches,
    /// contacts and stop.
    fn vendor_plan(&mut self, plan: &VendorPlan, origin: Origin, xid: Option<Xid>) {
        use ztp_options::vendor::Step;
        self.key.push(b'v');
        push_text(&mut self.key, plan.vendor.as_str().as_bytes());
        push_text(&mut self.key, family_name(plan.family).as_bytes());
        for step in &plan.steps {
            match step {
                Step::Fetch(f) => {
                    self.key.push(b'f');
                    push_text(
                        &mut self.key,
                        f.url.as_deref().unwrap_or(&f.name).as_bytes(),
                    );
                }
                Step::Contact(c) => {
                    self.key.push(b'c');
                    push_text(&mut self.key, c.host.as_bytes());
                    self.key
                        .extend_from_slice(&c.port.unwrap_or(0).to_le_bytes());
                }
                _ => self.key.push(b'?'),
            }
        }
        if let Some(stop) = &plan.stop {
            self.key.push(b's');
            push_text(&mut self.key, stop.id.as_bytes());
            push_text(&mut self.key, stop.message.as_bytes());
        }
        let id = match self.by_key.get(self.key.as_slice()) {
            Some(&id) => id,
            None => {
                let fetch = |roles: &[ztp_options::vendor::Role]| {
                    crate::vendor::first_fetch(plan, roles).map(|f| TargetSummary {
                        name: crate::vendor::redact(&f.name).into_owned(),
                        url: f
                            .url
                            .as_deref()
                            .map(|u| crate::vendor::redact(u).into_owned()),
                    })
                };
                let first_url = plan.steps.iter().find_map(|s| match s {
                    Step::Fetch(f) => f.url.as_deref(),
                    _ => None,
                });
                let parts = first_url.and_then(crate::vendor::url_parts);
                let contact = plan.steps.iter().find_map(|s| match s {
                    Step::Contact(c) => Some(c),
                    _ => None,
                });
                let (status, rule, reason) = match &plan.stop {
                    Some(s) => (
                        "cannot-proceed",
                        Some(s.rule.to_owned()),
                        Some(s.message.clone()),
                    ),
                    // No stop: it provisions, or has nothing to do (AR4).
                    None => ("ok", None, None),
                };
                self.intern(Outcome {
                    vendor: plan.vendor.as_str(),
                    status,
                    family: family_name(plan.family),
                    rule,
                    reason,
                    transfer_mode: parts
                        .map(|(s, _, _)| s.to_owned())
                        .or_else(|| contact.and_then(|c| c.transport).map(str::to_owned)),
                    file_server: parts
                        .map(|(_, h, _)| h.to_owned())
                        .or_else(|| contact.map(|c| format!("{} {}", c.service.as_str(), c.host))),
                    image: fetch(&[ztp_options::vendor::Role::Image]),
                    config: fetch(&crate::vendor::CONFIG_ROLES),
                    sztp_redirect: None,
                    diagnoses: Vec::new(),
                    clients: 0,
                    replies: 0,
                })
            }
        };
        self.count(id, origin, xid);
    }

    fn intern(&mut self, outcome: Outcome) -> usize {
        let id = self.outcomes.len();
        self.outcomes.push(outcome);
        self.by_key.insert(self.key.as_slice().into(), id);
        id
    }

    fn count(&mut self, id: usize, origin: Origin, xid: Option<Xid>) {
        self.replies += 1;
        if let Some(o) = self.outcomes.get_mut(id) {
            o.replies += 1;
        }
        match self.clients.get_mut(self.client_key.as_slice()) {
            Some(c) => {
                c.outcome = id;
                c.frame = origin.frame;
                c.xid = xid;
                c.replies += 1;
            }
            None => {
                let key: Box<[u8]> = self.client_key.as_slice().into();
                self.order.push(key.clone());
                self.clients.insert(
                    key,
                    ClientState {
                        outcome: id,
                        frame: origin.frame,
                        xid,
                        replies: 1,
                    },
                );
            }
        }
    }

    /// The outcomes with their client counts, most clients first.
    fn table(&self) -> Vec<(usize, Outcome)> {
        let mut outcomes = self.outcomes.clone();
        for c in self.clients.values() {
            if let Some(o) = outcomes.get_mut(c.outcome) {
                o.clients += 1;
            }
        }
        let mut table: Vec<(usize, Outcome)> = outcomes.into_iter().enumerate().collect();
        table.sort_by(|a, b| b.1.clients.cmp(&a.1.clients).then(a.0.cmp(&b.0)));
        table
    }

    /// The clients in the order first seen, with their state.
    fn clients(&self) -> impl Iterator<Item = (&[u8], &ClientState)> {
        self.order
            .iter()
            .filter_map(|k| Some((&k[..], self.clients.get(k)?)))
    }

    /// Writes the summary for people.
    ///
    /// # Errors
    ///
    /// What `out` returns.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "{} from {}{}",
            plural(self.replies, "reply", "replies"),
            plural(self.clients.len(), "client", "clients"),
            match self.undecodable {
                0 => String::new(),
                n => format!(", {n} did not decode"),
            }
        )?;
        let by_sztp = self
            .clients
            .values()
            .filter(|c| {
                self.outcomes
                    .get(c.outcome)
                    .is_some_and(|o| o.status != "ok" && o.sztp_redirect.is_some())
            })
            .count();
        if by_sztp > 0 {
            writeln!(
                out,
                "{} on the DHCP options but {} a valid SZTP redirect, which a secure-ZTP \
                 device follows [R32]{}",
                plural(by_sztp, "client cannot proceed", "clients cannot proceed"),
                if by_sztp == 1 { "carries" } else { "carry" },
                if self.secure_ztp {
                    " (counted as provisioning: --secure-ztp)"
                } else {
                    ""
                }
            )?;
        }
        let table = self.table();
        writeln!(out)?;
        writeln!(
            out,
            "{:>8} {:>8}  outcome of the last reply",
            "clients", "replies"
        )?;
        for (_, o) in &table {
            writeln!(
                out,
                "{:>8} {:>8}  {}",
                o.clients,
                o.replies,
                outcome_text(o)
            )?;
        }
        let failing: Vec<(&[u8], &ClientState)> = self
            .clients()
            .filter(|(_, c)| {
                self.outcomes
                    .get(c.outcome)
                    .is_some_and(|o| o.status != "ok")
            })
            .collect();
        if !failing.is_empty() {
            writeln!(out)?;
            writeln!(out, "clients whose last reply cannot proceed:")?;
            for (k, c) in failing {
                let o = self.outcomes.get(c.outcome);
                writeln!(
                    out,
                    "  {}  {}[{}] {}",
                    ClientName(k),
                    c.frame.map(|f| format!("frame {f}  ")).unwrap_or_default(),
                    o.and_then(|o| o.rule.as_deref()).unwrap_or("?"),
                    o.and_then(|o| o.reason.as_deref()).unwrap_or("")
                )?;
            }
        }
        Ok(())
    }

    /// Writes the summary as one JSON object on one line.
    ///
    /// # Errors
    ///
    /// What `out` returns.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct PerClient {
            client: String,
            family: &'static str,
            outcome: usize,
            status: &'static str,
            frame: Option<usize>,
            xid: Option<String>,
            replies: usize,
        }
        #[derive(Serialize)]
        struct Json<'s> {
            schema: u32,
            kind: &'static str,
            replies: usize,
            clients: usize,
            undecodable: usize,
            outcomes: Vec<&'s Outcome>,
            per_client: Vec<PerClient>,
        }
        // Outcomes in table order; per-client indices point into it.
        let table = self.table();
        let mut position = vec![0usize; table.len()];
        for (at, (id, _)) in table.iter().enumerate() {
            if let Some(p) = position.get_mut(*id) {
                *p = at;
            }
        }
        let json = Json {
            schema: SCHEMA,
            kind: "summary",
            replies: self.replies,
            clients: self.clients.len(),
            undecodable: self.undecodable,
            outcomes: table.iter().map(|(_, o)| o).collect(),
            per_client: self
                .clients()
                .map(|(k, c)| PerClient {
                    client: ClientName(k).to_string(),
                    family: if k.first() == Some(&6) { "v6" } else { "v4" },
                    outcome: position.get(c.outcome).copied().unwrap_or(0),
                    status: self.outcomes.get(c.outcome).map_or("ok", |o| o.status),
                    frame: c.frame,
                    xid: c.xid.map(|x| x.to_string()),
                    replies: c.replies,
                })
                .collect(),
        };
        serde_json::to_writer(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)
    }
}

impl Filters {
    /// `--mac` and `--xid` on a client.
    pub(crate) fn keep_client(&self, client: &Client<'_>, xid: Option<Xid>) -> bool {
        if let Some(mac) = self.mac
            && client.mac() != Some(mac)
        {
            return false;
        }
        if let Some(want) = self.xid
            && xid.map(Xid::value) != Some(want)
        {
            return false;
        }
        true
    }
}

/// A client identity key as people read it: a MAC address (v4), `duid`
/// and hex (v6), or `unknown`.
pub(crate) struct ClientName<'a>(pub(crate) &'a [u8]);

impl std::fmt::Display for ClientName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.split_first() {
            Some((4, [])) | Some((6, [])) | None => f.write_str("unknown"),
            Some((4, chaddr)) => write!(f, "{}", Hex(chaddr, Some(b':'))),
            Some((_, duid)) => write!(f, "duid {}", Hex(duid, None)),
        }
    }
}

/// The servers of a valid redirect, as text.
fn servers(found: Result<Option<Redirect<'_>>, DecodeError>) -> Option<Vec<String>> {
    found
        .ok()
        .flatten()
        .map(|r| r.servers().map(|b| b.to_string()).collect())
}

/// `1 client`, `2 clients`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn outcome_text(o: &Outcome) -> String {
    let mut s = String::new();
    // Grouped by vendor: "arista: ok (v4) ...".
    if o.vendor != "juniper" {
        let _ = write!(s, "{}: ", o.vendor);
    }
    match o.status {
        "ok" => {
            let _ = write!(
                s,
                "ok ({}): {} from {}",
                o.family,
                o.transfer_mode.as_deref().unwrap_or("?"),
                o.file_server.as_deref().unwrap_or("?")
            );
        }
        "undecodable" => {
            let _ = write!(s, "does not decode ({})", o.family);
        }
        _ => {
            let _ = write!(s, "cannot proceed ({})", o.family);
        }
    }
    if let Some(i) = &o.image {
        let _ = write!(s, ", image {}", i.url.as_deref().unwrap_or(&i.name));
    }
    if let Some(c) = &o.config {
        let _ = write!(s, ", config {}", c.url.as_deref().unwrap_or(&c.name));
    }
    if let (Some(rule), Some(reason)) = (&o.rule, &o.reason) {
        let _ = write!(s, ": [{rule}] {reason}");
    }
    if !o.diagnoses.is_empty() {
        let _ = write!(s, " (diagnoses: {})", o.diagnoses.join(", "));
    }
    if let Some(servers) = &o.sztp_redirect {
        let _ = write!(s, "; SZTP redirect to {}", servers.join(", "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_like_a_kept_one_has_the_outcome_it_resolves_to() {
        // The ACK, then each of its bytes in turn changed, each after the
        // ACK itself: every reply found among the kept ones is also
        // resolved in full by the debug assertion in add_v4, and both
        // outcomes must agree.
        let ack = ztp_options::samples::V4_ACK;
        let filters = Filters::default();
        let mut summary = Summary::default();
        let mut fresh_outcomes = std::collections::BTreeSet::new();
        let mut replies = 0;
        for i in 0..ack.len() {
            for x in [0x00u8, 0x22, 0xff] {
                let mut changed = ack.to_vec();
                if let Some(b) = changed.get_mut(i) {
                    *b = x;
                }
                for m in [ack, changed.as_slice()] {
                    summary.add(m, Family::V4, Origin::default(), &filters);
                    let mut alone = Summary::default();
                    alone.add(m, Family::V4, Origin::default(), &filters);
                    replies += alone.replies();
                    let mut text = Vec::new();
                    let _ = alone.write_text(&mut text);
                    fresh_outcomes.insert(text);
                }
            }
        }
        assert!(summary.same.kept.len() > 1, "{}", summary.same.kept.len());
        assert!(fresh_outcomes.len() > 10, "{}", fresh_outcomes.len());
        assert_eq!(summary.replies(), replies);
    }
}
