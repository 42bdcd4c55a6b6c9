//! What `ztp explain` says about one message: its header (frame, time,
//! type, transaction id, who the client is) and, for a reply, the plan, its
//! fetch URLs and the decision log; printed for people, or as one JSON
//! object (one line of the JSON Lines output, schema [`SCHEMA`]).
//!
//! A report borrows the message, the lease's plan and the fetch plan: the
//! JSON is serialised straight from them into the caller's buffer.

use std::fmt::{self, Write as _};
use std::sync::Arc;

use serde::Serialize;
#[cfg(test)]
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use ztp_fetch_url::{FetchPlan, Note, Target, fetch_plan};
#[cfg(test)]
use ztp_options::Rule;
use ztp_options::v6::MessageType;
use ztp_options::{
    CannotProceed, Decision, DecodeError, Family, FileServer, ImageType, Plan, V4ServerSource,
};

use crate::carried::{Carried, Field, FieldError, Name};
use crate::diagnosis::Diagnosis;
use crate::json::{self, key};
use crate::pcap::Timestamp;
use crate::vendor::VendorInfo;
use ztp_options::vendor::VendorPlan;

/// The version of the JSON object of one message. Adding a key does not
/// change it (readers ignore keys they do not know); removing or renaming a
/// key, or changing a value's type or meaning, does.
pub const SCHEMA: u32 = 1;

/// Where a message came from: a capture's frame and its time, or none
/// (hex input, the embedded samples).
///
/// ```
/// let origin = ztp_explain::Origin { frame: Some(2), time: None };
/// assert_eq!(origin, ztp_explain::Origin::default().with_frame(2));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// The frame number in the capture, from 1.
    pub frame: Option<usize>,
    /// When the capture saw it.
    pub time: Option<Timestamp>,
}

impl Origin {
    /// The same origin, at this frame.
    #[must_use]
    pub fn with_frame(self, frame: usize) -> Self {
        Origin {
            frame: Some(frame),
            ..self
        }
    }
}

/// The message's type, as a name.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// The BOOTP op (1 request, 2 reply) and option 53.
    V4(u8, Option<u8>),
    V6(MessageType),
    /// A message that did not decode far enough to have a type.
    Unknown,
}

impl Kind {
    /// Whether a device acts on it: a v4 OFFER/ACK (or a BOOTP reply
    /// without option 53), a v6 ADVERTISE/REPLY.
    pub(crate) fn is_reply(self) -> bool {
        match self {
            Kind::V4(op, t) => matches!(t, Some(2 | 5)) || (op == 2 && t.is_none()),
            Kind::V6(t) => matches!(t, MessageType::ADVERTISE | MessageType::REPLY),
            Kind::Unknown => false,
        }
    }

    /// Whether a client sent it: a v4 BOOTREQUEST (DISCOVER, REQUEST,
    /// INFORM...), a v6 SOLICIT, REQUEST, RENEW... or RELAY-FORW.
    pub(crate) fn is_client(self) -> bool {
        match self {
            Kind::V4(op, _) => op == 1,
            Kind::V6(t) => matches!(t.get(), 1 | 3 | 4 | 5 | 6 | 8 | 9 | 11 | 12),
            Kind::Unknown => false,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Kind::V4(_, t) => match t {
                Some(1) => f.write_str("DISCOVER"),
                Some(2) => f.write_str("OFFER"),
                Some(3) => f.write_str("REQUEST"),
                Some(4) => f.write_str("DECLINE"),
                Some(5) => f.write_str("ACK"),
                Some(6) => f.write_str("NAK"),
                Some(7) => f.write_str("RELEASE"),
                Some(8) => f.write_str("INFORM"),
                Some(t) => write!(f, "message type {t}"),
                None => f.write_str("BOOTP"),
            },
            Kind::V6(t) => match t.name() {
                Some(name) => {
                    for c in name.chars() {
                        f.write_char(if c == '_' { '-' } else { c })?;
                    }
                    Ok(())
                }
                None => write!(f, "message type {}", t.get()),
            },
            Kind::Unknown => f.write_str("message"),
        }
    }
}

/// The transaction id: 4 bytes in DHCPv4, 3 in DHCPv6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Xid {
    V4(u32),
    V6([u8; 3]),
}

impl Xid {
    pub(crate) fn value(self) -> u32 {
        match self {
            Xid::V4(x) => x,
            Xid::V6([a, b, c]) => u32::from_be_bytes([0, a, b, c]),
        }
    }
}

impl fmt::Display for Xid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.value().to_be_bytes();
        let bytes = match self {
            Xid::V4(_) => &bytes[..],
            Xid::V6(_) => bytes.get(1..).unwrap_or(&[]),
        };
        write!(f, "0x{}", Hex(bytes, None))
    }
}

/// Bytes as hex, with an ASCII separator between bytes (or none).
pub(crate) struct Hex<'a>(pub(crate) &'a [u8], pub(crate) Option<u8>);

impl Hex<'_> {
    /// Appends the text to `out` (the JSON writer's path, without `fmt`).
    pub(crate) fn push(&self, out: &mut Vec<u8>) {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        out.reserve(self.0.len() * 3);
        for (i, b) in self.0.iter().enumerate() {
            if let Some(sep) = self.1.filter(|_| i > 0) {
                out.push(sep);
            }
            out.push(DIGITS.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
            out.push(DIGITS.get(usize::from(b & 15)).copied().unwrap_or(b'0'));
        }
    }
}

impl Xid {
    /// Appends the text to `out` (as [`Display`](fmt::Display)).
    fn push(&self, out: &mut Vec<u8>) {
        let bytes = self.value().to_be_bytes();
        let bytes = match self {
            Xid::V4(_) => &bytes[..],
            Xid::V6(_) => bytes.get(1..).unwrap_or(&[]),
        };
        out.extend_from_slice(b"0x");
        Hex(bytes, None).push(out);
    }
}

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        // Written 32 bytes at a time through one write_str each (a
        // write_char per digit cost more than the digits).
        let mut buf = [0u8; 96];
        for (c, chunk) in self.0.chunks(32).enumerate() {
            let mut n = 0;
            for (i, b) in chunk.iter().enumerate() {
                let sep = self.1.filter(|_| c > 0 || i > 0);
                let hi = DIGITS.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
                let lo = DIGITS.get(usize::from(b & 15)).copied().unwrap_or(b'0');
                for d in sep.into_iter().chain([hi, lo]) {
                    if let Some(slot) = buf.get_mut(n) {
                        *slot = d;
                        n += 1;
                    }
                }
            }
            let text = buf.get(..n).unwrap_or(&[]);
            f.write_str(std::str::from_utf8(text).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

/// Who the client says it is (or, in a reply, who the server says it
/// answers): everything borrowed from the message.
#[derive(Debug, Clone, Default)]
pub(crate) struct Client<'a> {
    /// DHCPv4 `chaddr` (its first `hlen` bytes).
    pub(crate) chaddr: Option<&'a [u8]>,
    /// DHCPv6 option 1, the client DUID.
    pub(crate) duid: Option<&'a [u8]>,
    /// DHCPv6 option 16's enterprise number.
    pub(crate) enterprise: Option<u32>,
    /// Option 60 (v4) or the first option 16 item (v6): as text, and as a
    /// Juniper model and serial when it reads as one.
    pub(crate) vendor_class: Option<&'a [u8]>,
    pub(crate) model: Option<&'a str>,
    pub(crate) serial: Option<&'a str>,
    /// Option 61 (v4): type and identifier.
    pub(crate) client_id: Option<(u8, &'a [u8])>,
    /// Option 77 (v4) or 15 (v6) items.
    pub(crate) user_class: Vec<&'a [u8]>,
}

impl Client<'_> {
    /// The MAC address: `chaddr` of an Ethernet client, or the link-layer
    /// address of a DUID-LL or DUID-LLT with hardware type 1.
    pub(crate) fn mac(&self) -> Option<[u8; 6]> {
        if let Some(c) = self.chaddr {
            return c.try_into().ok();
        }
        let duid = self.duid?;
        let ll = match duid {
            [0, 1, 0, 1, _, _, _, _, rest @ ..] | [0, 3, 0, 1, rest @ ..] => rest,
            _ => return None,
        };
        ll.try_into().ok()
    }

    fn is_empty(&self) -> bool {
        self.chaddr.is_none()
            && self.duid.is_none()
            && self.vendor_class.is_none()
            && self.client_id.is_none()
            && self.user_class.is_empty()
    }
}

struct Lossy<'a>(&'a [u8]);

impl fmt::Display for Lossy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in self.0.utf8_chunks() {
            f.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                f.write_char(char::REPLACEMENT_CHARACTER)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
/// A `Display` value as a JSON string: formatted into a stack buffer
/// first (one escape pass instead of one per `write_str`), on the heap
/// only past 192 bytes.
struct Str<T>(T);

#[cfg(test)]
/// A small text buffer on the stack that spills to a `String`.
struct Stack {
    buf: [u8; 192],
    len: usize,
    spill: Option<String>,
}

#[cfg(test)]
impl Stack {
    fn new() -> Self {
        Stack {
            buf: [0; 192],
            len: 0,
            spill: None,
        }
    }

    fn as_str(&self) -> &str {
        match &self.spill {
            Some(s) => s,
            None => std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or(""),
        }
    }
}

#[cfg(test)]
impl fmt::Write for Stack {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        if let Some(s) = &mut self.spill {
            s.push_str(text);
            return Ok(());
        }
        let end = self.len + text.len();
        match self.buf.get_mut(self.len..end) {
            Some(room) => {
                room.copy_from_slice(text.as_bytes());
                self.len = end;
            }
            None => {
                let mut s = String::with_capacity(end * 2);
                s.push_str(
                    std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or(""),
                );
                s.push_str(text);
                self.spill = Some(s);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
impl<T: fmt::Display> Serialize for Str<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = Stack::new();
        let _ = write!(text, "{}", self.0);
        s.serialize_str(text.as_str())
    }
}

#[cfg(test)]
struct ClientIdJson<'a>(u8, &'a [u8]);

#[cfg(test)]
impl Serialize for ClientIdJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let serial = ztp_options::v4::ClientIdentifier {
            kind: self.0,
            id: self.1,
        }
        .serial();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", &self.0)?;
        m.serialize_entry("serial", &serial)?;
        m.serialize_entry("hex", &Str(Hex(self.1, None)))?;
        m.end()
    }
}

#[cfg(test)]
struct VendorJson<'c, 'a>(&'c Client<'a>);

#[cfg(test)]
impl Serialize for VendorJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        if let Some(e) = c.enterprise {
            m.serialize_entry("enterprise", &e)?;
        }
        m.serialize_entry("text", &c.vendor_class.map(|v| Str(Lossy(v))))?;
        m.serialize_entry("model", &c.model)?;
        m.serialize_entry("serial", &c.serial)?;
        m.end()
    }
}

#[cfg(test)]
struct Items<'c, 'a>(&'c [&'a [u8]]);

#[cfg(test)]
impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for i in self.0 {
            seq.serialize_element(&Str(Lossy(i)))?;
        }
        seq.end()
    }
}

#[cfg(test)]
impl Serialize for Client<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("chaddr", &self.chaddr.map(|c| Str(Hex(c, Some(b':')))))?;
        m.serialize_entry("duid", &self.duid.map(|d| Str(Hex(d, None))))?;
        m.serialize_entry("vendor_class", &self.vendor_class.map(|_| VendorJson(self)))?;
        m.serialize_entry(
            "client_id",
            &self.client_id.map(|(t, id)| ClientIdJson(t, id)),
        )?;
        m.serialize_entry("user_class", &Items(&self.user_class))?;
        m.end()
    }
}

/// A rule id (`R13`, or `choice` for a choice of ours) and a sentence.
///
/// ```
/// let m = ztp_explain::RuleMessage { rule: "R13".into(), message: "no file server".into() };
/// assert_eq!(m.to_string(), "[R13] no file server");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleMessage {
    /// The rule of RULES.md, or `choice`.
    pub rule: String,
    /// What it says of this message.
    pub message: String,
}

impl fmt::Display for RuleMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.rule, self.message)
    }
}

fn rule_message(rule: impl fmt::Display, message: impl fmt::Display) -> RuleMessage {
    RuleMessage {
        rule: rule.to_string(),
        message: message.to_string(),
    }
}

/// How a note's sentence ends when it records a choice of ours.
const CHOICE_LABEL: &str = " (choice)";

/// A note of the URL builder as a rule and a sentence; notes that record a
/// choice of ours (no SPEC rule) are labelled `choice`.
fn note_message(n: &Note) -> RuleMessage {
    match n.rule() {
        Some(rule) => rule_message(rule, n),
        None => {
            let text = n.to_string();
            let text = text.strip_suffix(CHOICE_LABEL).unwrap_or(&text).to_owned();
            rule_message("choice", text)
        }
    }
}

/// The errors of the options R5 leaves out of a plan.
#[derive(Debug, Default)]
struct LeftOut {
    ntp_servers: Option<FieldError>,
    syslog_servers: Option<FieldError>,
    hostname: Option<FieldError>,
}

/// A resolved reply: the plan, its URLs, and what a person should know.
pub(crate) struct Resolved<'a> {
    plan: Plan<'a>,
    /// Shared with the [`FetchCache`] that built it.
    fetch: Arc<FetchPlan>,
    warnings: Vec<String>,
    /// R5's options left out of the plan (7, 42, 12), with their errors:
    /// the JSON says they are there (R34).
    left_out: LeftOut,
    /// Set when no file of the plan can be fetched.
    reason: Option<RuleMessage>,
}

impl<'a> Resolved<'a> {
    pub(crate) fn new(plan: Plan<'a>, input: &[u8]) -> Self {
        Self::with_fetch(plan, Arc::new(fetch_plan(&plan)), input)
    }

    /// As [`Resolved::new`], with the plan's fetch plan already built
    /// (`fetch_plan(&plan)`, from a [`FetchCache`]).
    pub(crate) fn with_fetch(plan: Plan<'a>, fetch: Arc<FetchPlan>, input: &[u8]) -> Self {
        let warnings = warnings(&plan, notes(&fetch), input);
        // A plan the device cannot fetch anything from is not ok: every file
        // it names has no usable URL (R19..R23).
        let targets = [&fetch.image, &fetch.config];
        let unusable = targets
            .iter()
            .all(|t| t.as_ref().is_none_or(Result::is_err));
        let reason = targets
            .iter()
            .find_map(|t| t.as_ref().and_then(|r| r.as_ref().err()))
            .filter(|_| unusable)
            .map(|e| rule_message(e.rule(), format_args!("no file can be fetched: {e}")));
        let error = |e: Option<DecodeError>| e.map(|e| FieldError::new(&e, input));
        let left_out = LeftOut {
            ntp_servers: error(plan.ignored.ntp_servers_left_out),
            syslog_servers: error(plan.ignored.log_servers_left_out),
            hostname: error(plan.ignored.host_name_left_out),
        };
        Resolved {
            plan,
            fetch,
            warnings,
            left_out,
            reason,
        }
    }

    /// Every note of the fetch plan and its targets, once each.
    fn notes(&self) -> impl Iterator<Item = &Note> {
        notes(&self.fetch)
    }
}

/// Fetch plans built, by everything `fetch_plan` reads of a plan (the
/// summary's outcome key: family, mode, server, port and its source, the
/// image's name, type and source, the configuration's name): a capture
/// repeats one server's plan for every client, and its two URLs and
/// notes cost about 4,000 instructions to build. Bounded: emptied when
/// full.
#[derive(Debug, Default)]
pub(crate) struct FetchCache {
    key: Vec<u8>,
    plans: crate::fasthash::Map<Box<[u8]>, Arc<FetchPlan>>,
}

impl FetchCache {
    /// Plans kept at most.
    const CAPACITY: usize = 256;

    /// `fetch_plan(plan)`, built once per key.
    pub(crate) fn get(&mut self, plan: &Plan<'_>) -> Arc<FetchPlan> {
        self.key.clear();
        crate::summary::plan_key(&mut self.key, plan.family(), plan);
        if let Some(f) = self.plans.get(self.key.as_slice()) {
            // The key holds everything fetch_plan reads: every test (debug
            // builds) checks that a plan found is the plan it would build.
            debug_assert_eq!(
                **f,
                fetch_plan(plan),
                "the fetch cache's key misses a field"
            );
            return Arc::clone(f);
        }
        let f = Arc::new(fetch_plan(plan));
        if self.plans.len() >= Self::CAPACITY {
            self.plans.clear();
        }
        self.plans
            .insert(self.key.as_slice().into(), Arc::clone(&f));
        f
    }
}

/// The notes of a fetch plan and of its targets, in order, each once
/// (the same port rule may speak for both targets): no allocation.
fn notes(fetch: &FetchPlan) -> impl Iterator<Item = &Note> + Clone {
    fn of(t: &Option<Result<Target, ztp_fetch_url::Error>>) -> &[Note] {
        t.as_ref()
            .and_then(|r| r.as_ref().ok())
            .map_or(&[], Target::notes)
    }
    let image: &[Note] = of(&fetch.image);
    let config: &[Note] = of(&fetch.config);
    let all = fetch.notes.iter().chain(image).chain(config);
    all.clone()
        .enumerate()
        .filter(move |(i, n)| !all.clone().take(*i).any(|m| m == *n))
        .map(|(_, n)| n)
}

impl Resolved<'_> {
    /// Why no file of the plan can be fetched, if none can.
    pub(crate) fn reason(&self) -> Option<&RuleMessage> {
        self.reason.as_ref()
    }

    /// The image's URL, when it has one.
    pub(crate) fn image_url(&self) -> Option<&str> {
        self.fetch.image.as_ref()?.as_ref().ok().map(Target::as_str)
    }

    /// The configuration's URL, when it has one.
    pub(crate) fn config_url(&self) -> Option<&str> {
        self.fetch
            .config
            .as_ref()?
            .as_ref()
            .ok()
            .map(Target::as_str)
    }
}

/// `chaddr` and `xid` straight from a DHCPv4 header, for a message that
/// does not decode further.
pub(crate) fn v4_header(bytes: &[u8]) -> (Option<Xid>, Option<&[u8]>) {
    let xid = bytes
        .get(4..8)
        .and_then(|b| b.try_into().ok())
        .map(|b| Xid::V4(u32::from_be_bytes(b)));
    let hlen = bytes.get(2).map_or(0, |h| usize::from(*h));
    let chaddr = (1..=16)
        .contains(&hlen)
        .then(|| bytes.get(28..28 + hlen))
        .flatten();
    (xid, chaddr)
}

/// What the report says after the header.
pub(crate) enum Body<'a> {
    /// A reply with a plan (whose files may still be unfetchable).
    Plan(Box<Resolved<'a>>),
    /// A reply the rules refuse, and every value it carries (R34).
    Refused(RuleMessage, Box<Carried>),
    /// A message that does not decode.
    Undecodable(RuleMessage),
    /// A client's message (`--all`): the options it asks for.
    Request(Vec<u16>),
    /// A reply explained by another vendor's rules: its plan.
    Vendor(Box<VendorPlan>),
}

impl<'a> Body<'a> {
    /// The report's `status` (`ok`, `cannot-proceed`, `undecodable`,
    /// `request`), the rule and sentence that stop the device, and the plan.
    fn outcome(&self) -> (&'static str, Option<&RuleMessage>, Option<&Resolved<'a>>) {
        match self {
            Body::Plan(r) => (
                if r.reason.is_some() {
                    "cannot-proceed"
                } else {
                    "ok"
                },
                r.reason.as_ref(),
                Some(&**r),
            ),
            Body::Refused(reason, _) => ("cannot-proceed", Some(reason), None),
            Body::Undecodable(reason) => ("undecodable", Some(reason), None),
            Body::Request(_) => ("request", None, None),
            // Another vendor's stop is said by `vendor_plan` and the text
            // (its reason as a RuleMessage is made where it is written).
            // A plan with no stop provisions, or has nothing to do (AR4).
            Body::Vendor(plan) if plan.stop.is_none() => ("ok", None, None),
            Body::Vendor(_) => ("cannot-proceed", None, None),
        }
    }

    /// The stop of another vendor's plan, as the report's reason.
    fn vendor_reason(&self) -> Option<RuleMessage> {
        match self {
            Body::Vendor(plan) => plan.stop.as_ref().map(|stop| RuleMessage {
                rule: stop.rule.to_owned(),
                message: stop.message.clone(),
            }),
            _ => None,
        }
    }
}

/// The SZTP redirect of a reply (RFC 8572, option 143 or 136), shown
/// beside the ZTP plan whatever the plan's fate (R31, R32).
pub(crate) enum Sztp<'a> {
    /// None in the reply (or a client's message).
    Absent,
    /// The bootstrap servers, in the order listed.
    Servers(ztp_options::sztp::Redirect<'a>),
    /// A malformed redirect: what and where (R31).
    Malformed(RuleMessage),
}

/// The redirect of a lease, from its accessor's answer.
/// A malformed redirect that is one of R31's known variants (a bare URI
/// from an ISC `text` definition, a path, another scheme, ...) is said as
/// that variant, which a person can act on, with the decoder's error after
/// it.
pub(crate) fn sztp<'a>(
    found: Result<Option<ztp_options::sztp::Redirect<'a>>, DecodeError>,
    variant: impl FnOnce() -> Option<String>,
    input: &[u8],
) -> Sztp<'a> {
    match found {
        Ok(Some(r)) => Sztp::Servers(r),
        Ok(None) => Sztp::Absent,
        Err(e) => Sztp::Malformed(rule_message(
            "R31",
            match variant() {
                Some(v) => format!("{v} ({})", e.display_in(input)),
                None => e.display_in(input).to_string(),
            },
        )),
    }
}

#[cfg(test)]
impl Serialize for Sztp<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Sztp::Absent => s.serialize_none(),
            Sztp::Servers(r) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("option", &r.place().option_code())?;
                let servers: Vec<&str> = r.servers().map(|b| b.as_str()).collect();
                m.serialize_entry("servers", &servers)?;
                m.end()
            }
            Sztp::Malformed(e) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("error", e)?;
                m.end()
            }
        }
    }
}

/// One explained message: its header (frame, time, type, transaction id,
/// who the client is) and, for a reply, the plan with its fetch URLs and
/// decision log, or the reason ZTP cannot proceed; built by
/// [`explain`](crate::explain), borrowed from the message.
pub struct Report<'a> {
    pub(crate) origin: Origin,
    pub(crate) family: Family,
    pub(crate) kind: Kind,
    pub(crate) relays: usize,
    pub(crate) len: usize,
    pub(crate) xid: Option<Xid>,
    pub(crate) client: Client<'a>,
    pub(crate) body: Body<'a>,
    /// The SZTP redirect, beside the body (R32).
    pub(crate) sztp: Sztp<'a>,
    /// What the bytes show of known server-side pitfalls (R35).
    pub(crate) diagnoses: Vec<Diagnosis>,
    /// A valid redirect counts as a way to provision (R32's flag).
    pub(crate) secure_ztp: bool,
    /// The vendor whose rules explain it, how that was decided, and the
    /// client's identity (G1, G3, RA1..RA3).
    pub(crate) vendor: Option<VendorInfo>,
}

/// The warnings a person should act on: inputs the rules ignored that look
/// like mistakes, and notes of the URL builder that say a value was dropped.
fn warnings<'n>(
    plan: &Plan<'_>,
    notes: impl Iterator<Item = &'n Note>,
    input: &[u8],
) -> Vec<String> {
    let mut out = Vec::new();
    // R12 kept the ignored option 66 as it came: warn when it would not do
    // without option 150.
    if let Some(raw) = plan.ignored.option66 {
        let value = String::from_utf8_lossy(raw);
        let text = value.trim_end_matches('\0');
        if text.parse::<std::net::Ipv4Addr>().is_err() {
            let what = if text.parse::<std::net::Ipv6Addr>().is_ok() {
                "is an ipv6 address, not the ipv4 address dhcpv4 needs"
            } else {
                "is not an ip address"
            };
            out.push(format!(
                "option 66 {value:?} {what}: harmless while option 150 is sent, fatal without it \
                 (R3)"
            ));
        }
    }
    for d in plan.decisions() {
        match d {
            Decision::TrailingNul { option, suboption } => {
                let place = match suboption {
                    Some(s) => format!("option {option} suboption {s:02}"),
                    None => format!("option {option}"),
                };
                let who = if option == 66 && suboption.is_none() {
                    " (dnsmasq appends one to option 66)"
                } else {
                    ""
                };
                out.push(format!(
                    "{place} ends in a nul byte; the device tolerates it, but the server should not \
                     send it{who} (R7)"
                ));
            }
            // `file` is a boot file name: worth a word only when option 43
            // names no image, in case it was meant to be one.
            Decision::FileIgnored { .. } if plan.image.is_none() => out.push(format!(
                "{d}; if it names the image, send it in option 43 suboption 00 (R33)"
            )),
            Decision::OptionLeftOut { option, error } => out.push(format!(
                "option {option} is malformed and left out, ztp goes on: {} (R5)",
                error.display_in(input)
            )),
            Decision::BytesAfterEnd { offset, len } => out.push(format!(
                "option 43 carries {len} bytes after its end code, at byte {offset}; the device \
                 does not read them (R1)"
            )),
            _ => {}
        }
    }
    for n in notes {
        if matches!(
            n,
            Note::SuffixIgnored { .. } | Note::SuffixIgnoredV6 { .. } | Note::TftpNotRecommended
        ) {
            let m = note_message(n);
            let line = format!("[{}] {}", m.rule, m.message);
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// The reason of a lease the rules refuse; `input` is the message, from
/// which a malformed value is shown.
pub(crate) fn refusal(e: &CannotProceed, input: &[u8]) -> RuleMessage {
    match e {
        CannotProceed::Malformed(d) => rule_message(e.rule(), d.display_in(input)),
        e => rule_message(e.rule(), e),
    }
}

/// The reason of a message that does not decode.
pub(crate) fn undecodable(e: &DecodeError, input: &[u8]) -> RuleMessage {
    let rule = CannotProceed::Malformed(*e).rule();
    rule_message(rule, e.display_in(input))
}

#[cfg(test)]
struct TargetJson<'r> {
    name: &'r str,
    image: Option<ImageType>,
    source: &'static str,
    target: Option<&'r Result<Target, ztp_fetch_url::Error>>,
}

#[cfg(test)]
impl Serialize for TargetJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("name", self.name)?;
        if let Some(t) = self.image {
            m.serialize_entry("symlink", &(t == ImageType::Symlink))?;
        }
        m.serialize_entry("source", self.source)?;
        let (port, url, error) = match self.target {
            Some(Ok(t)) => (Some(t.port()), Some(t.as_str()), None),
            Some(Err(e)) => (None, None, Some(rule_message(e.rule(), e))),
            None => (None, None, None),
        };
        m.serialize_entry("port", &port)?;
        m.serialize_entry("url", &url)?;
        m.serialize_entry("error", &error)?;
        m.end()
    }
}

#[cfg(test)]
struct Decisions<'r, 'a>(&'r Resolved<'a>);

#[cfg(test)]
struct DecisionJson<'d, M> {
    kind: &'d str,
    rule: M,
    message: M,
}

#[cfg(test)]
impl Serialize for Decisions<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut seq = s.serialize_seq(None)?;
        let (rule, message) = file_server_decision(&r.plan);
        seq.serialize_element(&DecisionJson {
            kind: FILE_SERVER_KIND,
            rule,
            message: message.to_string().as_str(),
        })?;
        for d in r.plan.decisions() {
            seq.serialize_element(&DecisionEntry {
                kind: d.kind().id(),
                rule: Some(d.rule()),
                message: &d,
            })?;
        }
        for n in r.notes() {
            match n.rule() {
                Some(rule) => seq.serialize_element(&DecisionEntry {
                    kind: n.id(),
                    rule: Some(rule),
                    message: n,
                })?,
                None => {
                    let mut text = Stack::new();
                    let _ = write!(text, "{n}");
                    let message = text.as_str();
                    seq.serialize_element(&DecisionJson {
                        kind: n.id(),
                        rule: "choice",
                        message: message.strip_suffix(" (choice)").unwrap_or(message),
                    })?;
                }
            }
        }
        seq.end()
    }
}

#[cfg(test)]
struct DecisionEntry<'d, D> {
    kind: &'static str,
    rule: Option<Rule>,
    message: &'d D,
}

#[cfg(test)]
impl<D: fmt::Display> Serialize for DecisionEntry<'_, D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("kind", self.kind)?;
        m.serialize_entry("rule", &self.rule.map(Str))?;
        m.serialize_entry("message", &Str(self.message))?;
        m.end()
    }
}

#[cfg(test)]
impl<M: Serialize> Serialize for DecisionJson<'_, M> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("kind", self.kind)?;
        m.serialize_entry("rule", &self.rule)?;
        m.serialize_entry("message", &self.message)?;
        m.end()
    }
}

#[cfg(test)]
struct Addrs<'a>(ztp_options::Addresses<'a>);

#[cfg(test)]
impl Serialize for Addrs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|a| Ip(a.into())))
    }
}

#[cfg(test)]
/// An IP address as JSON text; IPv4 written digit by digit.
struct Ip(std::net::IpAddr);

#[cfg(test)]
impl Serialize for Ip {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            std::net::IpAddr::V4(a) => {
                let mut out = [0u8; 15];
                let mut at = 0;
                for (i, octet) in a.octets().into_iter().enumerate() {
                    if i > 0 {
                        if let Some(b) = out.get_mut(at) {
                            *b = b'.';
                        }
                        at += 1;
                    }
                    let digits = [octet / 100, (octet / 10) % 10, octet % 10];
                    let skip = if octet >= 100 {
                        0
                    } else if octet >= 10 {
                        1
                    } else {
                        2
                    };
                    for d in digits.get(skip..).unwrap_or(&[]) {
                        if let Some(b) = out.get_mut(at) {
                            *b = b'0' + d;
                        }
                        at += 1;
                    }
                }
                s.serialize_str(std::str::from_utf8(out.get(..at).unwrap_or(&[])).unwrap_or(""))
            }
            std::net::IpAddr::V6(a) => Str(a).serialize(s),
        }
    }
}

/// A value's error: `{"rule", "message", "offset"}`.
fn field_error_json(out: &mut Vec<u8>, e: &FieldError) {
    let mut o = json::Object::open(out);
    o.key(out, key!("rule"));
    json::string(out, &e.rule);
    o.key(out, key!("message"));
    json::string(out, &e.message);
    o.key(out, key!("offset"));
    json::uint(out, e.offset as u64);
    o.close(out);
}

/// `key`: the value (or `empty` when absent or in error), and `key_error`
/// beside it when the value does not decode (R34).
fn field_json<T>(
    o: &mut json::Object,
    out: &mut Vec<u8>,
    keys: (json::Key, json::Key),
    f: &Field<T>,
    empty: &[u8],
    value: impl FnOnce(&mut Vec<u8>, &T),
) {
    o.key(out, keys.0);
    match f {
        Some(Ok(v)) => value(out, v),
        _ => out.extend_from_slice(empty),
    }
    if let Some(Err(e)) = f {
        o.key(out, keys.1);
        field_error_json(out, e);
    }
}

/// A name of a refused reply: the target object without a URL.
fn name_json(out: &mut Vec<u8>, n: &Name) {
    let image = n.symlink.map(|s| {
        if s {
            ImageType::Symlink
        } else {
            ImageType::default()
        }
    });
    target_json(out, &n.name, image, n.source, None);
}

/// Another vendor's plan in the keys Juniper's plan fills: the transfer
/// mode and file server of its first fetch, its image and its
/// configuration (or script, or workflow document) as that vendor fetches
/// them; `null` where they do not apply.
fn vendor_keys_json(o: &mut json::Object, out: &mut Vec<u8>, plan: &VendorPlan) {
    use crate::vendor::{CONFIG_ROLES, first_fetch, url_parts};
    use ztp_options::vendor::{Role, Step};
    let first_url = plan.steps.iter().find_map(|s| match s {
        Step::Fetch(f) => f.url.as_deref(),
        _ => None,
    });
    let parts = first_url.and_then(url_parts);
    o.key(out, key!("transfer_mode"));
    json::opt_string(out, parts.map(|(scheme, _, _)| scheme));
    o.key(out, key!("file_server"));
    json::opt_string(out, parts.map(|(_, host, _)| host));
    let target = |out: &mut Vec<u8>, f: Option<&ztp_options::vendor::Fetch>| match f {
        Some(f) => {
            let mut t = json::Object::open(out);
            t.key(out, key!("name"));
            json::string(out, &crate::vendor::redact(&f.name));
            t.key(out, key!("source"));
            json::display(out, f.source);
            t.key(out, key!("port"));
            match f.url.as_deref().and_then(url_parts).and_then(|(_, _, p)| p) {
                Some(p) => json::uint(out, u64::from(p)),
                None => json::null(out),
            }
            t.key(out, key!("url"));
            json::opt_string(out, f.url.as_deref().map(crate::vendor::redact).as_deref());
            t.key(out, key!("error"));
            json::null(out);
            t.close(out);
        }
        None => json::null(out),
    };
    o.key(out, key!("image"));
    target(out, first_fetch(plan, &[Role::Image]));
    o.key(out, key!("config"));
    target(out, first_fetch(plan, &CONFIG_ROLES));
    o.key(out, key!("ntp_servers"));
    out.extend_from_slice(b"[]");
    o.key(out, key!("syslog_servers"));
    out.extend_from_slice(b"[]");
    o.key(out, key!("hostname"));
    json::null(out);
    o.key(out, key!("proxy"));
    json::null(out);
}

/// The values of a refused reply (R34), in the keys of a plan.
fn carried_json(o: &mut json::Object, out: &mut Vec<u8>, c: &Carried) {
    let strings =
        |out: &mut Vec<u8>, v: &Vec<String>| json::array(out, v, |out, s| json::string(out, s));
    field_json(
        o,
        out,
        (key!("transfer_mode"), key!("transfer_mode_error")),
        &c.transfer_mode,
        b"null",
        |out, v| json::string(out, v),
    );
    field_json(
        o,
        out,
        (key!("file_server"), key!("file_server_error")),
        &c.file_server,
        b"null",
        |out, v| json::string(out, &v.0),
    );
    field_json(
        o,
        out,
        (key!("image"), key!("image_error")),
        &c.image,
        b"null",
        name_json,
    );
    field_json(
        o,
        out,
        (key!("config"), key!("config_error")),
        &c.config,
        b"null",
        name_json,
    );
    field_json(
        o,
        out,
        (key!("ntp_servers"), key!("ntp_servers_error")),
        &c.ntp_servers,
        b"[]",
        strings,
    );
    field_json(
        o,
        out,
        (key!("syslog_servers"), key!("syslog_servers_error")),
        &c.syslog_servers,
        b"[]",
        strings,
    );
    field_json(
        o,
        out,
        (key!("hostname"), key!("hostname_error")),
        &c.hostname,
        b"null",
        |out, v| json::string(out, v),
    );
    field_json(
        o,
        out,
        (key!("proxy"), key!("proxy_error")),
        &c.proxy,
        b"null",
        |out, v| json::string(out, v),
    );
}

/// A value as text when it is printable UTF-8.
fn printable_text(value: &[u8]) -> Option<&str> {
    std::str::from_utf8(value)
        .ok()
        .filter(|s| !s.is_empty() && !s.chars().any(char::is_control))
}

/// The values of a refused reply, one line each (R34).
fn carried_text(s: &mut String, c: &Carried) {
    fn one<T>(s: &mut String, k: &str, f: &Field<T>, show: impl FnOnce(&T) -> String) {
        match f {
            Some(Ok(v)) => {
                let _ = writeln!(s, "  {k:<15}{}", show(v));
            }
            Some(Err(e)) => {
                let _ = writeln!(s, "  {k:<15}does not decode [{}]: {}", e.rule, e.message);
            }
            None => {}
        }
    }
    let name = |n: &Name| {
        let link = if n.symlink == Some(true) {
            ", symbolic link"
        } else {
            ""
        };
        format!("{} ({}{link})", n.name, n.source)
    };
    one(s, "image", &c.image, name);
    one(s, "config", &c.config, name);
    one(s, "transfer mode", &c.transfer_mode, Clone::clone);
    one(s, "file server", &c.file_server, |(a, from)| {
        format!("{a} ({from})")
    });
    one(s, "ntp servers", &c.ntp_servers, |v| v.join(", "));
    one(s, "syslog servers", &c.syslog_servers, |v| v.join(", "));
    one(s, "host name", &c.hostname, Clone::clone);
    one(s, "proxy", &c.proxy, Clone::clone);
    for n in &c.not_read {
        let _ = writeln!(s, "  {:<15}{n}", "not read");
    }
}

/// `{"id", "message", "fixes": {server: snippet, ...}}`.
fn diagnosis_json(out: &mut Vec<u8>, d: &Diagnosis) {
    let mut o = json::Object::open(out);
    o.key(out, key!("id"));
    json::string(out, d.id());
    o.key(out, key!("message"));
    json::string(out, d.message());
    o.key(out, key!("fixes"));
    let mut f = json::Object::open(out);
    for (server, snippet) in d.fixes() {
        f.key_str(out, server.as_str());
        json::string(out, snippet);
    }
    f.close(out);
    o.close(out);
}

#[cfg(test)]
struct DiagnosisJson<'d>(&'d Diagnosis);

#[cfg(test)]
struct FixesJson<'d>(&'d [(ztp_server_config::Server, String)]);

#[cfg(test)]
impl Serialize for FixesJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (server, snippet) in self.0 {
            m.serialize_entry(server.as_str(), snippet)?;
        }
        m.end()
    }
}

#[cfg(test)]
impl Serialize for DiagnosisJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("id", d.id())?;
        m.serialize_entry("message", d.message())?;
        m.serialize_entry("fixes", &FixesJson(d.fixes()))?;
        m.end()
    }
}

/// `{"rule": ..., "message": ...}` or `null`.
fn rule_message_json(out: &mut Vec<u8>, m: Option<&RuleMessage>) {
    let Some(m) = m else {
        return json::null(out);
    };
    let mut o = json::Object::open(out);
    o.key(out, key!("rule"));
    json::string(out, &m.rule);
    o.key(out, key!("message"));
    json::string(out, &m.message);
    o.close(out);
}

/// An IP address as a JSON string; IPv4 written digit by digit.
fn ip_json(out: &mut Vec<u8>, ip: std::net::IpAddr) {
    match ip {
        std::net::IpAddr::V4(a) => {
            out.push(b'"');
            for (i, octet) in a.octets().into_iter().enumerate() {
                if i > 0 {
                    out.push(b'.');
                }
                json::uint(out, u64::from(octet));
            }
            out.push(b'"');
        }
        std::net::IpAddr::V6(a) => json::display(out, a),
    }
}

/// The image or the configuration: `{name, [symlink,] source, port, url,
/// error}`.
fn target_json(
    out: &mut Vec<u8>,
    name: &str,
    image: Option<ImageType>,
    source: &'static str,
    target: Option<&Result<Target, ztp_fetch_url::Error>>,
) {
    let mut o = json::Object::open(out);
    o.key(out, key!("name"));
    json::string(out, name);
    if let Some(t) = image {
        o.key(out, key!("symlink"));
        json::boolean(out, t == ImageType::Symlink);
    }
    o.key(out, key!("source"));
    json::ident(out, source);
    o.key(out, key!("port"));
    match target {
        Some(Ok(t)) => json::uint(out, u64::from(t.port())),
        _ => json::null(out),
    }
    o.key(out, key!("url"));
    match target {
        Some(Ok(t)) => json::string(out, t.as_str()),
        _ => json::null(out),
    }
    o.key(out, key!("error"));
    match target {
        Some(Err(e)) => rule_message_json(out, Some(&rule_message(e.rule(), e))),
        _ => json::null(out),
    }
    o.close(out);
}

/// The kind of the decision line that says where the file server came
/// from.
const FILE_SERVER_KIND: &str = "file-server";

/// Where the plan's file server came from: its rule and sentence (the
/// first decision line of a plan).
fn file_server_decision(plan: &Plan<'_>) -> (&'static str, FileServerLine) {
    let rule = match plan.file_server {
        FileServer::V4 { .. } => "R12",
        FileServer::V6 { .. } => "R17",
    };
    (rule, FileServerLine(plan.file_server))
}

/// The sentence of [`file_server_decision`], appended to the JSON line as
/// bytes (an IPv4 address digit by digit: `Ipv4Addr`'s `Display` costs
/// about 900 instructions, per reply of `--json`, and `fmt` itself about
/// 500 more).
struct FileServerLine(FileServer);

impl FileServerLine {
    /// Appends the sentence to `out` (the JSON line's path; `Display`
    /// writes the same through it).
    fn push(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"file server ");
        match self.0 {
            FileServer::V4 { address, source } => {
                for (i, octet) in address.octets().into_iter().enumerate() {
                    if i > 0 {
                        out.push(b'.');
                    }
                    json::uint(out, u64::from(octet));
                }
                out.extend_from_slice(match source {
                    V4ServerSource::Option150 => b" from option 150",
                    _ => b" from option 66 (no option 150)",
                });
            }
            FileServer::V6 { address } => {
                out.extend_from_slice(format!("{address} from option 59's url").as_bytes());
            }
        }
    }
}

impl fmt::Display for FileServerLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = Vec::with_capacity(64);
        self.push(&mut text);
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

/// A decision's rule as a JSON string: a label of ours, or a [`Rule`]
/// written as its `Display` writes it (`R12`) without `fmt`.
trait RuleJson {
    fn rule_json(&self, out: &mut Vec<u8>);
}

impl RuleJson for &'static str {
    fn rule_json(&self, out: &mut Vec<u8>) {
        json::ident(out, self);
    }
}

impl RuleJson for ztp_options::Rule {
    fn rule_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"\"R");
        json::uint(out, u64::from(self.0));
        out.push(b'"');
    }
}

/// `{"kind", "rule", "message"}`, the message (a JSON string) written by
/// `message`.
fn decision_json(
    out: &mut Vec<u8>,
    kind: &'static str,
    rule: impl RuleJson,
    message: impl FnOnce(&mut Vec<u8>),
) {
    let mut o = json::Object::open(out);
    o.key(out, key!("kind"));
    json::ident(out, kind);
    o.key(out, key!("rule"));
    rule.rule_json(out);
    o.key(out, key!("message"));
    message(out);
    o.close(out);
}

/// The plan's decisions, then the URL builder's notes (each once).
fn decisions_json(out: &mut Vec<u8>, r: &Resolved<'_>) {
    out.push(b'[');
    let (rule, message) = file_server_decision(&r.plan);
    decision_json(out, FILE_SERVER_KIND, rule, |out| {
        json::text_with(out, |out| message.push(out));
    });
    for d in r.plan.decisions() {
        out.push(b',');
        decision_json(out, d.kind().id(), d.rule(), |out| json::display(out, d));
    }
    for n in r.notes() {
        out.push(b',');
        match n.rule() {
            Some(rule) => decision_json(out, n.id(), rule, |out| json::display(out, n)),
            // As note_message: the label is the rule, not the sentence.
            None => decision_json(out, n.id(), "choice", |out| {
                json::display_less(out, n, CHOICE_LABEL);
            }),
        }
    }
    out.push(b']');
}

impl Client<'_> {
    /// The client object of a JSON line.
    fn json(&self, out: &mut Vec<u8>) {
        let mut o = json::Object::open(out);
        o.key(out, key!("chaddr"));
        match self.chaddr {
            Some(c) => json::text_with(out, |out| Hex(c, Some(b':')).push(out)),
            None => json::null(out),
        }
        o.key(out, key!("duid"));
        match self.duid {
            Some(d) => json::text_with(out, |out| Hex(d, None).push(out)),
            None => json::null(out),
        }
        o.key(out, key!("vendor_class"));
        match self.vendor_class {
            Some(v) => {
                let mut m = json::Object::open(out);
                if let Some(e) = self.enterprise {
                    m.key(out, key!("enterprise"));
                    json::uint(out, u64::from(e));
                }
                m.key(out, key!("text"));
                json::display(out, Lossy(v));
                m.key(out, key!("model"));
                json::opt_string(out, self.model);
                m.key(out, key!("serial"));
                json::opt_string(out, self.serial);
                m.close(out);
            }
            None => json::null(out),
        }
        o.key(out, key!("client_id"));
        match self.client_id {
            Some((kind, id)) => {
                let mut m = json::Object::open(out);
                m.key(out, key!("type"));
                json::uint(out, u64::from(kind));
                m.key(out, key!("serial"));
                json::opt_string(out, ztp_options::v4::ClientIdentifier { kind, id }.serial());
                m.key(out, key!("hex"));
                json::text_with(out, |out| Hex(id, None).push(out));
                m.close(out);
            }
            None => json::null(out),
        }
        o.key(out, key!("user_class"));
        json::array(out, &self.user_class, |out, u| json::display(out, Lossy(u)));
        o.close(out);
    }
}

#[cfg(test)]
const NO_STRINGS: &[String] = &[];

/// The serde form of [`carried_json`] (the tests' oracle).
#[cfg(test)]
fn serde_carried<M: SerializeMap>(m: &mut M, c: &Carried) -> Result<(), M::Error> {
    fn err<M: SerializeMap, T>(m: &mut M, key: &str, f: &Field<T>) -> Result<(), M::Error> {
        if let Some(Err(e)) = f {
            m.serialize_entry(
                &format!("{key}_error"),
                &ErrJson {
                    rule: &e.rule,
                    message: &e.message,
                    offset: e.offset,
                },
            )?;
        }
        Ok(())
    }
    fn ok<T>(f: &Field<T>) -> Option<&T> {
        f.as_ref().and_then(|r| r.as_ref().ok())
    }
    fn name(n: &Name) -> TargetJson<'_> {
        TargetJson {
            name: &n.name,
            image: n.symlink.map(|s| {
                if s {
                    ImageType::Symlink
                } else {
                    ImageType::default()
                }
            }),
            source: n.source,
            target: None,
        }
    }
    m.serialize_entry("transfer_mode", &ok(&c.transfer_mode))?;
    err(m, "transfer_mode", &c.transfer_mode)?;
    m.serialize_entry("file_server", &ok(&c.file_server).map(|v| &v.0))?;
    err(m, "file_server", &c.file_server)?;
    m.serialize_entry("image", &ok(&c.image).map(name))?;
    err(m, "image", &c.image)?;
    m.serialize_entry("config", &ok(&c.config).map(name))?;
    err(m, "config", &c.config)?;
    m.serialize_entry("ntp_servers", ok(&c.ntp_servers).map_or(NO_STRINGS, |v| v))?;
    err(m, "ntp_servers", &c.ntp_servers)?;
    m.serialize_entry(
        "syslog_servers",
        ok(&c.syslog_servers).map_or(NO_STRINGS, |v| v),
    )?;
    err(m, "syslog_servers", &c.syslog_servers)?;
    m.serialize_entry("hostname", &ok(&c.hostname))?;
    err(m, "hostname", &c.hostname)?;
    m.serialize_entry("proxy", &ok(&c.proxy))?;
    err(m, "proxy", &c.proxy)
}

#[cfg(test)]
#[derive(Serialize)]
struct ErrJson<'e> {
    rule: &'e str,
    message: &'e str,
    offset: usize,
}

#[cfg(test)]
#[derive(Serialize)]
struct UnknownJson<'v> {
    code: u16,
    length: usize,
    text: Option<&'v str>,
    hex: String,
}

#[cfg(test)]
impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("schema", &SCHEMA)?;
        let request = matches!(self.body, Body::Request(_));
        m.serialize_entry("kind", if request { "request" } else { "reply" })?;
        m.serialize_entry("frame", &self.origin.frame)?;
        m.serialize_entry("time", &self.origin.time.map(Str))?;
        m.serialize_entry(
            "family",
            match self.family {
                Family::V4 => "v4",
                Family::V6 => "v6",
            },
        )?;
        m.serialize_entry("message", &Str(self.kind))?;
        m.serialize_entry("relays", &self.relays)?;
        m.serialize_entry("length", &self.len)?;
        m.serialize_entry("xid", &self.xid.map(Str))?;
        m.serialize_entry("client", &self.client)?;
        if let Body::Request(codes) = &self.body {
            m.serialize_entry("requested", codes)?;
            return m.end();
        }
        let (status, reason, plan) = self.body.outcome();
        let vendor_reason = self.body.vendor_reason();
        m.serialize_entry("status", status)?;
        m.serialize_entry("reason", &reason.or(vendor_reason.as_ref()))?;
        let p = plan.map(|r| &r.plan);
        if let Body::Vendor(v) = &self.body {
            crate::vendor::serde_vendor_keys(&mut m, v)?;
        } else if let Body::Refused(_, c) = &self.body {
            serde_carried(&mut m, c)?;
        } else {
            m.serialize_entry("transfer_mode", &p.map(|p| Str(p.transfer_mode)))?;
            m.serialize_entry("file_server", &p.map(|p| Ip(p.file_server.ip())))?;
            let image = plan.and_then(|r| {
                let i = r.plan.image.as_ref()?;
                Some(TargetJson {
                    name: i.name,
                    image: Some(i.image_type),
                    source: i.source.as_str(),
                    target: r.fetch.image.as_ref(),
                })
            });
            m.serialize_entry("image", &image)?;
            let config = plan.and_then(|r| {
                let c = r.plan.config.as_ref()?;
                Some(TargetJson {
                    name: c.name,
                    image: None,
                    source: c.source().as_str(),
                    target: r.fetch.config.as_ref(),
                })
            });
            m.serialize_entry("config", &config)?;
            let left_out = |f: fn(&LeftOut) -> &Option<FieldError>| {
                plan.and_then(|r| f(&r.left_out).as_ref()).map(|e| ErrJson {
                    rule: &e.rule,
                    message: &e.message,
                    offset: e.offset,
                })
            };
            match p {
                Some(p) => m.serialize_entry("ntp_servers", &Addrs(p.ntp_servers))?,
                None => m.serialize_entry("ntp_servers", NO_STRINGS)?,
            }
            if let Some(e) = left_out(|l| &l.ntp_servers) {
                m.serialize_entry("ntp_servers_error", &e)?;
            }
            match p {
                Some(p) => m.serialize_entry("syslog_servers", &Addrs(p.syslog_servers))?,
                None => m.serialize_entry("syslog_servers", NO_STRINGS)?,
            }
            if let Some(e) = left_out(|l| &l.syslog_servers) {
                m.serialize_entry("syslog_servers_error", &e)?;
            }
            m.serialize_entry("hostname", &p.and_then(|p| p.host_name))?;
            if let Some(e) = left_out(|l| &l.hostname) {
                m.serialize_entry("hostname_error", &e)?;
            }
            m.serialize_entry("proxy", &p.and_then(|p| p.proxy))?;
        }
        let unknown: Vec<UnknownJson<'_>> = self
            .unknown_suboptions()
            .into_iter()
            .map(|(code, value)| UnknownJson {
                code,
                length: value.len(),
                text: printable_text(value),
                hex: Hex(value, None).to_string(),
            })
            .collect();
        m.serialize_entry("unknown_suboptions", &unknown)?;
        m.serialize_entry("sztp_redirect", &self.sztp)?;
        match plan {
            Some(r) => {
                m.serialize_entry("decisions", &Decisions(r))?;
                m.serialize_entry("warnings", &r.warnings)?;
            }
            None => {
                m.serialize_entry("decisions", NO_STRINGS)?;
                m.serialize_entry("warnings", NO_STRINGS)?;
            }
        }
        m.serialize_entry("sztp_provisions", &self.sztp_provisions())?;
        let diagnoses: Vec<DiagnosisJson<'_>> = self.diagnoses.iter().map(DiagnosisJson).collect();
        m.serialize_entry("diagnoses", &diagnoses)?;
        crate::vendor::serde_vendor_tail(
            &mut m,
            self.vendor.as_ref(),
            match &self.body {
                Body::Vendor(plan) => Some(&**plan),
                _ => None,
            },
        )?;
        m.end()
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("title", &self.title(""))
            .field("exit_code", &self.exit_code())
            .finish_non_exhaustive()
    }
}

impl Report<'_> {
    /// Why the message does not decode, when it does not.
    pub fn undecodable(&self) -> Option<&RuleMessage> {
        match &self.body {
            Body::Undecodable(reason) => Some(reason),
            _ => None,
        }
    }

    /// The command's exit code for this message: 0 a plan (or a client's
    /// message), 1 ZTP cannot proceed, 2 it does not decode. With
    /// [`Filters::secure_ztp`](crate::Filters::secure_ztp), a reply that
    /// cannot proceed but carries a valid SZTP redirect is 0 (R32).
    pub fn exit_code(&self) -> u8 {
        match &self.body {
            Body::Plan(r) if r.reason.is_some() => self.cannot_proceed_code(),
            Body::Plan(_) | Body::Request(_) => 0,
            Body::Refused(..) => self.cannot_proceed_code(),
            Body::Vendor(plan) if plan.stop.is_none() => 0,
            Body::Vendor(_) => self.cannot_proceed_code(),
            Body::Undecodable(_) => 2,
        }
    }

    fn cannot_proceed_code(&self) -> u8 {
        if self.secure_ztp && self.sztp_provisions() {
            0
        } else {
            1
        }
    }

    /// The vendor whose rules explain the message (a reply's: from the
    /// user, its request or its clues; a client's message: the one it
    /// names), when known.
    pub fn vendor(&self) -> Option<ztp_options::vendor::Vendor> {
        self.vendor.as_ref().and_then(|v| v.vendor)
    }

    /// Whether the reply carries a valid SZTP redirect that a secure-ZTP
    /// device follows (R32).
    pub fn sztp_provisions(&self) -> bool {
        matches!(self.sztp, Sztp::Servers(_))
    }

    /// The option 43 (or 17) suboptions ZTP does not know: code and value,
    /// in order (R34: kept and shown, whatever the verdict).
    fn unknown_suboptions(&self) -> Vec<(u16, &[u8])> {
        match &self.body {
            Body::Plan(r) => r.plan.unknown_suboptions.iter().collect(),
            Body::Refused(_, c) => c
                .unknown
                .iter()
                .map(|(code, v)| (*code, v.as_slice()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The diagnoses of the reply (R35): known server-side pitfalls its
    /// bytes show, each with its fix per server.
    pub fn diagnoses(&self) -> &[Diagnosis] {
        &self.diagnoses
    }

    /// Appends the JSON object (schema [`SCHEMA`]) and a newline to `out`:
    /// one line of JSON Lines. Written by hand for speed, the same bytes as
    /// a serde serialisation (the tests compare the two on every report
    /// they make).
    pub fn json_line(&self, out: &mut Vec<u8>) {
        let mut o = json::Object::open(out);
        o.key(out, key!("schema"));
        json::uint(out, u64::from(SCHEMA));
        let request = matches!(self.body, Body::Request(_));
        o.key(out, key!("kind"));
        json::ident(out, if request { "request" } else { "reply" });
        o.key(out, key!("frame"));
        match self.origin.frame {
            Some(f) => json::uint(out, f as u64),
            None => json::null(out),
        }
        o.key(out, key!("time"));
        match self.origin.time {
            Some(t) => {
                let mut text = [0u8; 40];
                match t.rfc3339_into(&mut text) {
                    Some(n) => json::text_with(out, |out| {
                        out.extend_from_slice(text.get(..n).unwrap_or(&[]));
                    }),
                    None => json::display(out, t),
                }
            }
            None => json::null(out),
        }
        o.key(out, key!("family"));
        json::ident(
            out,
            match self.family {
                Family::V4 => "v4",
                Family::V6 => "v6",
            },
        );
        o.key(out, key!("message"));
        json::display(out, self.kind);
        o.key(out, key!("relays"));
        json::uint(out, self.relays as u64);
        o.key(out, key!("length"));
        json::uint(out, self.len as u64);
        o.key(out, key!("xid"));
        match self.xid {
            Some(x) => json::text_with(out, |out| x.push(out)),
            None => json::null(out),
        }
        o.key(out, key!("client"));
        self.client.json(out);
        if let Body::Request(codes) = &self.body {
            o.key(out, key!("requested"));
            json::array(out, codes, |out, c| json::uint(out, u64::from(*c)));
            o.close(out);
            out.push(b'\n');
            return;
        }
        let (status, reason, plan) = self.body.outcome();
        let vendor_reason = self.body.vendor_reason();
        o.key(out, key!("status"));
        json::ident(out, status);
        o.key(out, key!("reason"));
        rule_message_json(out, reason.or(vendor_reason.as_ref()));
        let p = plan.map(|r| &r.plan);
        match &self.body {
            Body::Refused(_, c) => carried_json(&mut o, out, c),
            Body::Vendor(v) => vendor_keys_json(&mut o, out, v),
            _ => {
                o.key(out, key!("transfer_mode"));
                match p {
                    Some(p) => json::ident(out, p.transfer_mode.as_str()),
                    None => json::null(out),
                }
                o.key(out, key!("file_server"));
                match p {
                    Some(p) => ip_json(out, p.file_server.ip()),
                    None => json::null(out),
                }
                o.key(out, key!("image"));
                match plan.and_then(|r| Some((r, r.plan.image.as_ref()?))) {
                    Some((r, i)) => target_json(
                        out,
                        i.name,
                        Some(i.image_type),
                        i.source.as_str(),
                        r.fetch.image.as_ref(),
                    ),
                    None => json::null(out),
                }
                o.key(out, key!("config"));
                match plan.and_then(|r| Some((r, r.plan.config.as_ref()?))) {
                    Some((r, c)) => target_json(
                        out,
                        c.name,
                        None,
                        c.source().as_str(),
                        r.fetch.config.as_ref(),
                    ),
                    None => json::null(out),
                }
                let left_out = plan.map(|r| &r.left_out);
                o.key(out, key!("ntp_servers"));
                match p {
                    Some(p) => {
                        json::array(out, p.ntp_servers.iter(), |out, a| ip_json(out, a.into()))
                    }
                    None => out.extend_from_slice(b"[]"),
                }
                if let Some(e) = left_out.and_then(|l| l.ntp_servers.as_ref()) {
                    o.key(out, key!("ntp_servers_error"));
                    field_error_json(out, e);
                }
                o.key(out, key!("syslog_servers"));
                match p {
                    Some(p) => json::array(out, p.syslog_servers.iter(), |out, a| {
                        ip_json(out, a.into())
                    }),
                    None => out.extend_from_slice(b"[]"),
                }
                if let Some(e) = left_out.and_then(|l| l.syslog_servers.as_ref()) {
                    o.key(out, key!("syslog_servers_error"));
                    field_error_json(out, e);
                }
                o.key(out, key!("hostname"));
                json::opt_string(out, p.and_then(|p| p.host_name));
                if let Some(e) = left_out.and_then(|l| l.hostname.as_ref()) {
                    o.key(out, key!("hostname_error"));
                    field_error_json(out, e);
                }
                o.key(out, key!("proxy"));
                json::opt_string(out, p.and_then(|p| p.proxy));
            }
        }
        o.key(out, key!("unknown_suboptions"));
        json::array(out, self.unknown_suboptions(), |out, (code, value)| {
            let mut u = json::Object::open(out);
            u.key(out, key!("code"));
            json::uint(out, u64::from(code));
            u.key(out, key!("length"));
            json::uint(out, value.len() as u64);
            u.key(out, key!("text"));
            json::opt_string(out, printable_text(value));
            u.key(out, key!("hex"));
            json::text_with(out, |out| Hex(value, None).push(out));
            u.close(out);
        });
        o.key(out, key!("sztp_redirect"));
        match &self.sztp {
            Sztp::Absent => json::null(out),
            Sztp::Servers(r) => {
                let mut m = json::Object::open(out);
                m.key(out, key!("option"));
                match r.place().option_code() {
                    Some(c) => json::uint(out, u64::from(c)),
                    None => json::null(out),
                }
                m.key(out, key!("servers"));
                json::array(out, r.servers(), |out, b| json::string(out, b.as_str()));
                m.close(out);
            }
            Sztp::Malformed(e) => {
                let mut m = json::Object::open(out);
                m.key(out, key!("error"));
                rule_message_json(out, Some(e));
                m.close(out);
            }
        }
        o.key(out, key!("decisions"));
        match plan {
            Some(r) => decisions_json(out, r),
            None => out.extend_from_slice(b"[]"),
        }
        o.key(out, key!("warnings"));
        match plan {
            Some(r) => json::array(out, &r.warnings, |out, w| json::string(out, w)),
            None => out.extend_from_slice(b"[]"),
        }
        o.key(out, key!("sztp_provisions"));
        json::boolean(out, self.sztp_provisions());
        o.key(out, key!("diagnoses"));
        json::array(out, &self.diagnoses, diagnosis_json);
        match &self.vendor {
            Some(v) => v.json(&mut o, out),
            None => {
                o.key(out, key!("vendor"));
                json::null(out);
                o.key(out, key!("identity"));
                json::null(out);
            }
        }
        o.key(out, key!("vendor_plan"));
        match &self.body {
            Body::Vendor(plan) => crate::vendor::plan_json(out, plan),
            _ => json::null(out),
        }
        o.close(out);
        out.push(b'\n');
    }

    /// The title: `frame 2: DHCPv4 ACK, 379 bytes`, after `prefix`.
    pub fn title(&self, prefix: &str) -> String {
        let family = match self.family {
            Family::V4 => "DHCPv4",
            Family::V6 => "DHCPv6",
        };
        let relays = match self.relays {
            0 => String::new(),
            1 => " in 1 relay message".to_owned(),
            n => format!(" in {n} relay messages"),
        };
        let frame = self
            .origin
            .frame
            .map(|f| format!("frame {f}: "))
            .unwrap_or_default();
        let kind = match (self.family, self.kind) {
            (Family::V4, Kind::V4(_, None)) => "BOOTP message (no option 53)".to_owned(),
            _ => self.kind.to_string(),
        };
        format!("{prefix}{frame}{family} {kind}{relays}, {} bytes", self.len)
    }

    /// The text for people: the title (after `prefix`), then one line per
    /// value, the decision log and the warnings.
    pub fn text(&self, prefix: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{}", self.title(prefix));
        let line = |s: &mut String, k: &str, v: &dyn fmt::Display| {
            let _ = writeln!(s, "  {k:<15}{v}");
        };
        if let Some(t) = self.origin.time {
            line(&mut s, "time", &t);
        }
        if let Some(x) = self.xid
            && !matches!(self.body, Body::Undecodable(_))
        {
            line(&mut s, "xid", &x);
        }
        let c = &self.client;
        if !c.is_empty() {
            if let Some(ch) = c.chaddr {
                line(&mut s, "client", &Hex(ch, Some(b':')));
            }
            if let Some(d) = c.duid {
                line(&mut s, "client duid", &Hex(d, None));
            }
            if let Some(v) = c.vendor_class {
                line(&mut s, "vendor class", &Lossy(v));
            }
            if let Some((t, id)) = c.client_id {
                match (ztp_options::v4::ClientIdentifier { kind: t, id }).serial() {
                    Some(serial) => line(&mut s, "client id", &format_args!("serial {serial}")),
                    None => line(
                        &mut s,
                        "client id",
                        &format_args!("type {t} {}", Hex(id, None)),
                    ),
                }
            }
            for u in &c.user_class {
                line(&mut s, "user class", &Lossy(u));
            }
        }
        match &self.sztp {
            Sztp::Absent => {}
            Sztp::Servers(r) => {
                let option = r.place().option_code().unwrap_or_default();
                for (i, b) in r.servers().enumerate() {
                    let k = if i == 0 { "sztp redirect" } else { "" };
                    line(
                        &mut s,
                        k,
                        &format_args!("{b} (option {option}, #{})", i + 1),
                    );
                }
            }
            Sztp::Malformed(e) => line(
                &mut s,
                "sztp redirect",
                &format_args!("left out [{}]: {}", e.rule, e.message),
            ),
        }
        // The vendor, unless the reply alone fits Juniper only (explained
        // as before this layer, RA1).
        if let Some(v) = &self.vendor
            && !(v.vendor() == ztp_options::vendor::Vendor::Juniper
                && v.by == ztp_options::vendor::By::Reply
                && v.guess.as_ref().is_none_or(|g| g.candidates().len() <= 1))
        {
            v.text(&mut s);
        }
        let r = match &self.body {
            Body::Vendor(plan) => {
                if let Some(reason) = self.body.vendor_reason() {
                    let waits = plan.stop.as_ref().is_some_and(|s| s.waits);
                    let what = if waits {
                        "ZTP has no plan yet on this binding (it keeps waiting)"
                    } else {
                        "ZTP cannot proceed on this binding"
                    };
                    let _ = writeln!(s, "  {what} [{}]: {}", reason.rule, reason.message);
                }
                crate::vendor::plan_text(&mut s, plan);
                self.text_tail(&mut s, plan.stop.is_some());
                return s;
            }
            Body::Request(codes) => {
                let list: Vec<String> = codes.iter().map(u16::to_string).collect();
                let what = match self.family {
                    Family::V4 => "asks for (55)",
                    Family::V6 => "asks for (6)",
                };
                line(&mut s, what, &list.join(", "));
                return s;
            }
            Body::Refused(reason, carried) => {
                let _ = writeln!(
                    s,
                    "  ZTP cannot proceed on this binding [{}]: {}",
                    reason.rule, reason.message
                );
                carried_text(&mut s, carried);
                self.text_tail(&mut s, true);
                return s;
            }
            Body::Undecodable(reason) => {
                let _ = writeln!(s, "  does not decode [{}]: {}", reason.rule, reason.message);
                return s;
            }
            Body::Plan(r) => r,
        };
        if let Some(reason) = &r.reason {
            let _ = writeln!(
                s,
                "  ZTP cannot proceed on this binding [{}]: {}",
                reason.rule, reason.message
            );
        }
        let target = |s: &mut String, t: &Option<Result<Target, ztp_fetch_url::Error>>| match t {
            Some(Ok(t)) => line(s, "  url", &t.as_str()),
            Some(Err(e)) => line(s, "  no url", &format_args!("[{}] {e}", e.rule())),
            None => {}
        };
        let p = &r.plan;
        if let Some(i) = &p.image {
            let kind = if i.image_type == ImageType::Symlink {
                ", symbolic link"
            } else {
                ""
            };
            line(
                &mut s,
                "image",
                &format_args!("{} ({}{kind})", i.name, i.source),
            );
            target(&mut s, &r.fetch.image);
        }
        if let Some(c) = &p.config {
            line(
                &mut s,
                "config",
                &format_args!("{} ({})", c.name, c.source()),
            );
            target(&mut s, &r.fetch.config);
        }
        line(&mut s, "transfer mode", &p.transfer_mode);
        line(&mut s, "file server", &p.file_server.ip());
        let join = |a: &mut dyn Iterator<Item = std::net::Ipv4Addr>| {
            a.map(|a| a.to_string()).collect::<Vec<_>>().join(", ")
        };
        if !p.ntp_servers.is_empty() {
            line(&mut s, "ntp servers", &join(&mut p.ntp_servers.iter()));
        }
        if !p.syslog_servers.is_empty() {
            line(
                &mut s,
                "syslog servers",
                &join(&mut p.syslog_servers.iter()),
            );
        }
        if let Some(h) = p.host_name {
            line(&mut s, "host name", &h);
        }
        if let Some(x) = p.proxy {
            line(&mut s, "proxy", &x);
        }
        let _ = writeln!(s, "  decisions");
        let (rule, message) = file_server_decision(p);
        let _ = writeln!(s, "    [{rule}] {message}");
        for d in p.decisions() {
            let _ = writeln!(s, "    [{}] {d}", d.rule());
        }
        for n in r.notes() {
            let m = note_message(n);
            let _ = writeln!(s, "    [{}] {}", m.rule, m.message);
        }
        if !r.warnings.is_empty() {
            let _ = writeln!(s, "  warnings");
            for w in &r.warnings {
                let _ = writeln!(s, "    {w}");
            }
        }
        self.text_tail(&mut s, r.reason.is_some());
        s
    }

    /// What follows a reply's values: the SZTP way beside a verdict that
    /// cannot proceed (R32), then the diagnoses with their fixes (R35).
    fn text_tail(&self, s: &mut String, cannot_proceed: bool) {
        // R34: suboptions ZTP does not know are kept and shown.
        let sub = match self.family {
            Family::V4 => "option 43",
            Family::V6 => "option 17",
        };
        for (code, value) in self.unknown_suboptions() {
            let shown = match printable_text(value) {
                Some(text) => format!("{text:?}"),
                None => format!("0x{}", Hex(value, None)),
            };
            let n = value.len();
            let _ = writeln!(
                s,
                "  {:<15}{sub} suboption {code}, {n} byte{}, not a ZTP suboption: {shown}",
                "unknown",
                if n == 1 { "" } else { "s" }
            );
        }
        if cannot_proceed && let Sztp::Servers(r) = &self.sztp {
            let first = r
                .servers()
                .next()
                .map(|b| b.to_string())
                .unwrap_or_default();
            let counted = if self.secure_ztp {
                " (counted as provisioning: --secure-ztp)"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  secure ZTP     a device with secure ZTP follows the redirect to {first} \
                 instead of these options [R32]{counted}"
            );
        }
        if self.diagnoses.is_empty() {
            return;
        }
        let _ = writeln!(s, "  diagnoses");
        for d in &self.diagnoses {
            let _ = writeln!(s, "    [{}] {}", d.id(), d.message());
            for (server, snippet) in d.fixes() {
                let _ = writeln!(s, "      fix for {server}:");
                for l in snippet.lines() {
                    let _ = writeln!(s, "        {l}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_file_server_line_writes_what_its_addresses_display() {
        for octets in [[0, 9, 10, 99], [100, 199, 255, 1], [192, 0, 2, 1]] {
            let address = std::net::Ipv4Addr::from(octets);
            for (source, from) in [
                (V4ServerSource::Option150, "from option 150"),
                (V4ServerSource::Option66, "from option 66 (no option 150)"),
            ] {
                let line = FileServerLine(FileServer::V4 { address, source });
                assert_eq!(line.to_string(), format!("file server {address} {from}"));
            }
        }
        let address = std::net::Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
        assert_eq!(
            FileServerLine(FileServer::V6 { address }).to_string(),
            "file server 2001:db8::1 from option 59's url"
        );
    }

    use super::{FileServer, FileServerLine, Hex, V4ServerSource};

    #[test]
    fn hex_writes_every_byte_with_its_separator_across_the_32_byte_chunks() {
        for len in [0usize, 1, 6, 31, 32, 33, 64, 65, 130, 255] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let plain: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(Hex(&bytes, None).to_string(), plain.concat(), "{len}");
            assert_eq!(
                Hex(&bytes, Some(b':')).to_string(),
                plain.join(":"),
                "{len}"
            );
        }
    }
}
