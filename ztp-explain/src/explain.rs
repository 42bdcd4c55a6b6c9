//! One message in, its [`Report`] out: decode a DHCPv4 or DHCPv6 message,
//! resolve a reply, keep it or drop it by the [`Filters`].

use ztp_options::sztp::Redirect;
use ztp_options::v4::{self, OptionCode};
use ztp_options::v6;
use ztp_options::vendor::{
    Resolution, Selected, Vendor, resolve_as_v4, resolve_as_v6, select_v4, select_v6,
};
use ztp_options::{DecodeError, Family, contents_v4, contents_v6};

use crate::report::{self, Body, Client, Kind, Origin, Report, Resolved, Sztp, Xid};
use crate::vendor::{Request, Requests, VendorInfo};

/// Which messages are explained (`--mac`, `--xid`, `--all`) and how they
/// count (`--secure-ztp`): by default every server reply (v4 OFFER/ACK or BOOTP reply, v6 ADVERTISE/REPLY,
/// also inside relay messages) of every client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Filters {
    /// Only this client: DHCPv4 `chaddr`, or the link-layer address of a
    /// DHCPv6 DUID-LL/LLT.
    pub mac: Option<[u8; 6]>,
    /// Only this transaction id.
    pub xid: Option<u32>,
    /// Every message, not only replies: a client's message reports what it
    /// asks for and who it says it is.
    pub all: bool,
    /// The devices use secure ZTP (RFC 8572): a valid SZTP redirect counts
    /// as a way to provision (exit code 0) beside the DHCP-options verdict,
    /// which is unchanged (R32, a choice).
    pub secure_ztp: bool,
    /// Explain every reply by this vendor's rules, whatever its request
    /// or its clues say (`--vendor`).
    pub vendor: Option<Vendor>,
}

/// The client's MAC address in a message: DHCPv4 `chaddr` (Ethernet), or
/// the link-layer address of a DHCPv6 DUID-LL/LLT (option 1, relays
/// unwrapped); what `--mac` compares.
///
/// ```
/// use ztp_options::{Family, samples};
///
/// assert_eq!(
///     ztp_explain::client_mac(samples::V4_ACK, Family::V4),
///     Some([0x2c, 0x6b, 0xf5, 0xa1, 0xb2, 0x03])
/// );
/// ```
pub fn client_mac(bytes: &[u8], family: Family) -> Option<[u8; 6]> {
    match family {
        Family::V4 => Client {
            chaddr: report::v4_header(bytes).1,
            ..Client::default()
        }
        .mac(),
        Family::V6 => v6_client(v6::Lease::parse(bytes).ok()?.message()).mac(),
    }
}

/// Explains one DHCP message of the given family and hands its [`Report`]
/// to `emit`, unless the [`Filters`] drop it (then `emit` is not called).
/// A message that does not decode is reported too (its
/// [`Report::exit_code`] is 2), when it is a server's message or the
/// filters keep every message.
///
/// ```
/// use ztp_explain::{Filters, Origin, explain};
/// use ztp_options::{Family, samples};
///
/// let mut codes = Vec::new();
/// for (bytes, family) in [(samples::V4_ACK, Family::V4), (samples::V6_REPLY, Family::V6)] {
///     explain(bytes, family, Origin::default(), &Filters::default(), &mut |r| {
///         codes.push(r.exit_code())
///     });
/// }
/// assert_eq!(codes, [0, 0]);
/// ```
pub fn explain(
    bytes: &[u8],
    family: Family,
    origin: Origin,
    filters: &Filters,
    emit: &mut dyn FnMut(&Report<'_>),
) {
    Explainer::new(*filters).message(bytes, family, origin, emit);
}

/// Explains the messages of a capture in order, remembering each client's
/// request (a bounded table, G3: v4 `xid` and `chaddr`, v6 transaction id
/// and DUID) so that a reply is explained by the vendor its own client
/// named (G1); a reply whose request was not seen is explained from the
/// reply alone (RA1..RA3), and says so.
///
/// ```
/// use ztp_explain::{Explainer, Filters, Origin};
/// use ztp_options::vendor::{IdentityRepr, Vendor};
/// use ztp_options::{Family, samples, v4};
///
/// // An Arista DISCOVER with the sample ACK's transaction id and MAC.
/// let options = IdentityRepr::new(Vendor::Arista)
///     .with_model("DCS-7050S-64")
///     .with_version("4.30")
///     .with_serial("JPE12345678")
///     .to_v4_options()?;
/// let mut discover = v4::MessageRepr::reply(options).to_vec();
/// discover[0] = 1; // BOOTREQUEST
/// discover[4..8].copy_from_slice(&samples::V4_ACK[4..8]);
/// discover[28..34].copy_from_slice(&samples::V4_ACK[28..34]);
///
/// let mut explainer = Explainer::new(Filters::default());
/// explainer.message(&discover, Family::V4, Origin::default(), &mut |_| {});
/// let mut text = String::new();
/// explainer.message(samples::V4_ACK, Family::V4, Origin::default(), &mut |r| text = r.text(""));
/// assert!(text.contains("vendor         arista (from the client's request [G1])"), "{text}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct Explainer {
    filters: Filters,
    requests: crate::vendor::Requests,
    /// The fetch plans built so far, by what they depend on: a capture
    /// repeats a server's plan for every client.
    fetch: report::FetchCache,
}

impl Explainer {
    /// An explainer with these filters and no request seen yet.
    pub fn new(filters: Filters) -> Self {
        Explainer {
            filters,
            requests: crate::vendor::Requests::default(),
            fetch: report::FetchCache::default(),
        }
    }

    /// The filters.
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The filters, to change between messages (the requests seen are
    /// kept).
    pub fn filters_mut(&mut self) -> &mut Filters {
        &mut self.filters
    }

    /// Explains one message (see [`explain`]); a client's message is also
    /// remembered for its replies.
    pub fn message(
        &mut self,
        bytes: &[u8],
        family: Family,
        origin: Origin,
        emit: &mut dyn FnMut(&Report<'_>),
    ) {
        let state = (&mut self.requests, &mut self.fetch);
        match family {
            Family::V4 => explain_v4(bytes, origin, &self.filters, state, emit),
            Family::V6 => explain_v6(bytes, origin, &self.filters, state, emit),
        }
    }
}

/// A MAC address: six hex bytes separated by `:` or `-` (or `.` between
/// groups of four digits, as Cisco writes them), or twelve digits.
///
/// # Errors
///
/// A sentence naming the text, for the person who typed it.
///
/// ```
/// assert_eq!(ztp_explain::parse_mac("2c6b.f5a1.b203"), Ok([0x2c, 0x6b, 0xf5, 0xa1, 0xb2, 3]));
/// assert!(ztp_explain::parse_mac("2c:6b").is_err());
/// ```
pub fn parse_mac(text: &str) -> Result<[u8; 6], String> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ':' | '-' | '.'))
        .collect();
    let bad = || format!("--mac {text:?} is not a mac address (six hex bytes: 00:11:22:33:44:55)");
    if digits.len() != 12 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let mut mac = [0u8; 6];
    for (i, b) in mac.iter_mut().enumerate() {
        let pair = digits.get(2 * i..2 * i + 2).ok_or_else(bad)?;
        *b = u8::from_str_radix(pair, 16).map_err(|_| bad())?;
    }
    Ok(mac)
}

/// A transaction id as hex (`0x3903f326` or `3903f326`).
///
/// # Errors
///
/// A sentence naming the text, for the person who typed it.
///
/// ```
/// assert_eq!(ztp_explain::parse_xid("0x3903f326"), Ok(0x3903_f326));
/// assert!(ztp_explain::parse_xid("zz").is_err());
/// ```
pub fn parse_xid(text: &str) -> Result<u32, String> {
    let digits = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    u32::from_str_radix(digits, 16).map_err(|_| {
        format!("--xid {text:?} is not a transaction id (hex, at most 8 digits: 0x3903f326)")
    })
}

fn v4_client<'a>(lease: &'a v4::Lease<'_>, bytes: &'a [u8]) -> Client<'a> {
    let (_, chaddr) = report::v4_header(bytes);
    let mut c = Client {
        chaddr,
        ..Client::default()
    };
    if let Some(raw) = lease.value_bytes(OptionCode::VENDOR_CLASS) {
        c.vendor_class = Some(raw);
        if let Ok(Some(v)) = lease.vendor_class() {
            c.model = Some(v.model);
            c.serial = v.serial;
        }
    }
    if let Ok(Some(id)) = lease.client_identifier() {
        c.client_id = Some((id.kind, id.id));
    }
    match lease.user_class() {
        Ok(Some(v4::UserClass::Items(items))) => c.user_class.extend(items),
        Ok(Some(v4::UserClass::Raw(text))) => c.user_class.push(text.as_bytes()),
        _ => {}
    }
    c
}

fn v6_client<'a>(msg: v6::Message<'a>) -> Client<'a> {
    let mut c = Client::default();
    for opt in msg.options().flatten() {
        match opt.code {
            v6::OptionCode::CLIENT_ID if c.duid.is_none() => c.duid = Some(opt.value),
            v6::OptionCode::VENDOR_CLASS if c.vendor_class.is_none() => {
                if let Ok(vc) = v6::VendorClass::parse(opt.value, opt.place()) {
                    c.enterprise = Some(vc.enterprise());
                    if let Some(first) = vc.data().next() {
                        c.vendor_class = Some(first);
                        if let Ok(j) = v4::JuniperVendorClass::parse(first, opt.place()) {
                            c.model = Some(j.model);
                            c.serial = j.serial;
                        }
                    }
                }
            }
            v6::OptionCode::USER_CLASS if c.user_class.is_empty() => {
                if let Ok(uc) = v6::UserClass::parse(opt.value, opt.place()) {
                    c.user_class.extend(uc.data());
                }
            }
            _ => {}
        }
    }
    c
}

/// Option 55 of a DHCPv4 message: the options the client asks for.
pub(crate) fn v4_requested(bytes: &[u8]) -> Vec<u16> {
    let Ok(msg) = v4::Message::new_checked(bytes) else {
        return Vec::new();
    };
    match msg.option(OptionCode::PARAMETER_REQUEST_LIST) {
        Ok(Some(v)) => v.value.iter().map(|c| u16::from(*c)).collect(),
        _ => Vec::new(),
    }
}

/// Option 6 (ORO) of a DHCPv6 message.
pub(crate) fn v6_requested(msg: v6::Message<'_>) -> Vec<u16> {
    msg.instances(v6::OptionCode::ORO)
        .flatten()
        .flat_map(|o| {
            o.value.chunks_exact(2).map(|p| {
                u16::from_be_bytes([
                    p.first().copied().unwrap_or(0),
                    p.get(1).copied().unwrap_or(0),
                ])
            })
        })
        .collect()
}

/// What a decoded message's report starts with: where it came from and
/// what its header says.
struct Head<'a> {
    origin: Origin,
    family: Family,
    kind: Kind,
    relays: usize,
    xid: Option<Xid>,
    client: Client<'a>,
    secure_ztp: bool,
}

/// What a decoded message answers when its report is built, in either
/// family.
trait Decoded<'a> {
    /// The vendor and its plan, or why there is none.
    fn select(&self, request: Option<Vendor>, user: Option<Vendor>) -> (Selected, Resolution<'a>);
    /// The SZTP redirect.
    fn redirect(&self) -> Result<Option<Redirect<'a>>, DecodeError>;
    /// R31's variant of a redirect that is not valid, as a sentence.
    fn variant(&self) -> Option<String>;
    /// What a client asks for.
    fn requested(&self) -> Vec<u16>;
    /// Everything a refused reply carries (R34).
    fn carried(&self) -> crate::carried::Carried;
    /// The plan `vendor` would make of the reply (RA2's side by side).
    fn plan_as(&self, vendor: Vendor) -> Option<ztp_options::vendor::VendorPlan>;
    /// The diagnoses (R35).
    fn diagnose(&self) -> Vec<crate::Diagnosis>;
}

/// A DHCPv4 lease and its bytes.
struct V4<'l, 'b>(&'l v4::Lease<'b>, &'b [u8]);

impl<'l> Decoded<'l> for V4<'l, '_> {
    fn select(&self, request: Option<Vendor>, user: Option<Vendor>) -> (Selected, Resolution<'l>) {
        let selected = select_v4(self.0, request, user);
        let resolution = resolve_as_v4(selected.vendor, self.0);
        (selected, resolution)
    }
    fn redirect(&self) -> Result<Option<Redirect<'l>>, DecodeError> {
        self.0.sztp_redirect()
    }
    fn variant(&self) -> Option<String> {
        contents_v4(self.0).sztp_variant().map(|v| v.to_string())
    }
    fn requested(&self) -> Vec<u16> {
        v4_requested(self.1)
    }
    fn carried(&self) -> crate::carried::Carried {
        crate::carried::v4(self.0, self.1)
    }
    fn plan_as(&self, vendor: Vendor) -> Option<ztp_options::vendor::VendorPlan> {
        ztp_options::vendor::plan_v4(vendor, self.0)
    }
    fn diagnose(&self) -> Vec<crate::Diagnosis> {
        crate::diagnosis::diagnose_v4(self.0)
    }
}

/// A DHCPv6 lease and its bytes.
struct V6<'l, 'a>(&'l v6::Lease<'a>, &'a [u8]);

impl<'a> Decoded<'a> for V6<'_, 'a> {
    fn select(&self, request: Option<Vendor>, user: Option<Vendor>) -> (Selected, Resolution<'a>) {
        let selected = select_v6(self.0, request, user);
        let resolution = resolve_as_v6(selected.vendor, self.0);
        (selected, resolution)
    }
    fn redirect(&self) -> Result<Option<Redirect<'a>>, DecodeError> {
        self.0.sztp_redirect()
    }
    fn variant(&self) -> Option<String> {
        contents_v6(self.0).sztp_variant().map(|v| v.to_string())
    }
    fn requested(&self) -> Vec<u16> {
        v6_requested(self.0.message())
    }
    fn carried(&self) -> crate::carried::Carried {
        crate::carried::v6(self.0, self.1)
    }
    fn plan_as(&self, vendor: Vendor) -> Option<ztp_options::vendor::VendorPlan> {
        ztp_options::vendor::plan_v6(vendor, self.0)
    }
    fn diagnose(&self) -> Vec<crate::Diagnosis> {
        crate::diagnosis::diagnose_v6(self.0)
    }
}

/// The report of a decoded message: a server's plan (or the rule that
/// refuses it, with everything the reply carries), its SZTP redirect and
/// its diagnoses; or what a client asks for.
fn lease_report<'a>(
    head: Head<'a>,
    bytes: &[u8],
    message: &impl Decoded<'a>,
    request: Option<Request>,
    user: Option<Vendor>,
    fetch: &mut report::FetchCache,
) -> Report<'a> {
    if head.kind.is_client() {
        let vendor = request.map(VendorInfo::request);
        return report(
            head,
            bytes,
            Body::Request(message.requested()),
            Sztp::Absent,
            Vec::new(),
            vendor,
        );
    }
    let (selected, resolution) =
        message.select(crate::vendor::request_vendor(request.as_ref()), user);
    let juniper = selected.vendor == Vendor::Juniper;
    let body = match resolution {
        Resolution::Juniper(Ok(plan)) => {
            let f = fetch.get(&plan);
            Body::Plan(Box::new(Resolved::with_fetch(plan, f, bytes)))
        }
        // R34: a reply the rules refuse still shows every value it
        // carries.
        Resolution::Juniper(Err(e)) => {
            Body::Refused(report::refusal(&e, bytes), Box::new(message.carried()))
        }
        Resolution::Other(plan) => Body::Vendor(Box::new(plan)),
        Resolution::Unknown(v) => Body::Vendor(Box::new(crate::vendor::no_rules(v, head.family))),
        _ => Body::Vendor(Box::new(crate::vendor::no_rules(
            selected.vendor,
            head.family,
        ))),
    };
    let sztp = report::sztp(message.redirect(), || message.variant(), bytes);
    // Juniper's diagnoses read option 43 as Juniper's (R35); another
    // vendor's reply keeps those that hold for every vendor (the SZTP
    // redirect, R31) and the options its client did not ask for.
    let mut diagnoses = message.diagnose();
    if !juniper {
        diagnoses.retain(|d| d.id().contains("143"));
    }
    if let Body::Vendor(plan) = &body {
        diagnoses.extend(crate::diagnosis::not_requested(plan, request.as_ref()));
    }
    let mut info = VendorInfo::selected(selected, request);
    // RA2: an ambiguous reply shows each other candidate's reading beside
    // the one explained.
    info.alternatives = info
        .candidates()
        .into_iter()
        .filter(|v| Some(*v) != info.vendor)
        .filter_map(|v| message.plan_as(v).map(|p| (v, p)))
        .collect();
    let vendor = Some(info);
    report(head, bytes, body, sztp, diagnoses, vendor)
}

fn report<'a>(
    head: Head<'a>,
    bytes: &[u8],
    body: Body<'a>,
    sztp: Sztp<'a>,
    diagnoses: Vec<crate::Diagnosis>,
    vendor: Option<VendorInfo>,
) -> Report<'a> {
    Report {
        origin: head.origin,
        family: head.family,
        kind: head.kind,
        relays: head.relays,
        len: bytes.len(),
        xid: head.xid,
        client: head.client,
        body,
        sztp,
        diagnoses,
        secure_ztp: head.secure_ztp,
        vendor,
    }
}

/// The report of a message that does not decode: what its header says, and
/// the error.
fn undecodable<'a>(
    origin: Origin,
    family: Family,
    bytes: &[u8],
    xid: Option<Xid>,
    client: Client<'a>,
    e: &DecodeError,
) -> Report<'a> {
    Report {
        origin,
        family,
        kind: Kind::Unknown,
        relays: 0,
        len: bytes.len(),
        xid,
        client,
        body: Body::Undecodable(report::undecodable(e, bytes)),
        sztp: Sztp::Absent,
        diagnoses: Vec::new(),
        secure_ztp: false,
        vendor: None,
    }
}

/// Builds the report of one DHCPv4 message and hands it to `emit`, unless
/// the filters drop it.
fn explain_v4(
    bytes: &[u8],
    origin: Origin,
    filters: &Filters,
    (requests, fetch): (&mut Requests, &mut report::FetchCache),
    emit: &mut dyn FnMut(&Report<'_>),
) {
    match v4::Lease::parse(bytes) {
        Ok(lease) => {
            let op = bytes.first().copied().unwrap_or(0);
            let kind = Kind::V4(op, lease.message_type().ok().flatten());
            let (xid, chaddr) = report::v4_header(bytes);
            // G3: the request of this transaction, by xid and chaddr.
            let request = if kind.is_client() {
                let seen = crate::vendor::v4_request(bytes, v4_requested(bytes), origin.frame);
                if let Some((k, r)) = seen {
                    requests.insert(k, r.clone());
                    Some(r)
                } else {
                    None
                }
            } else if requests.is_empty() {
                None
            } else {
                xid.and_then(|x| {
                    let k = crate::vendor::key(
                        Family::V4,
                        &x.value().to_be_bytes(),
                        chaddr.unwrap_or(&[]),
                    );
                    requests.get(&k).cloned()
                })
            };
            let client = v4_client(&lease, bytes);
            if !filters.keep_client(&client, xid) || !(filters.all || kind.is_reply()) {
                return;
            }
            let head = Head {
                origin,
                family: Family::V4,
                kind,
                relays: 0,
                xid,
                client,
                secure_ztp: filters.secure_ztp,
            };
            emit(&lease_report(
                head,
                bytes,
                &V4(&lease, bytes),
                request,
                filters.vendor,
                fetch,
            ));
        }
        Err(e) => {
            // Only a server's message (op 2) is a reply that failed.
            if !filters.all && bytes.first() != Some(&2) {
                return;
            }
            let (xid, chaddr) = report::v4_header(bytes);
            let client = Client {
                chaddr,
                ..Client::default()
            };
            if !filters.keep_client(&client, xid) {
                return;
            }
            emit(&undecodable(origin, Family::V4, bytes, xid, client, &e));
        }
    }
}

/// As [`explain_v4`], for DHCPv6 (relay messages unwrapped).
fn explain_v6(
    bytes: &[u8],
    origin: Origin,
    filters: &Filters,
    (requests, fetch): (&mut Requests, &mut report::FetchCache),
    emit: &mut dyn FnMut(&Report<'_>),
) {
    match v6::Lease::parse(bytes) {
        Ok(lease) => {
            let kind = Kind::V6(lease.message_type());
            let xid = lease.transaction_id().map(Xid::V6);
            // G3: the request of this transaction, by id and DUID.
            let request = if kind.is_client() {
                let seen =
                    crate::vendor::v6_request(&lease, v6_requested(lease.message()), origin.frame);
                if let Some((k, r)) = seen {
                    requests.insert(k, r.clone());
                    Some(r)
                } else {
                    None
                }
            } else if requests.is_empty() {
                None
            } else {
                let duid = lease
                    .message()
                    .instances(v6::OptionCode::CLIENT_ID)
                    .flatten()
                    .next()
                    .map_or(&[][..], |o| o.value);
                lease
                    .transaction_id()
                    .map(|x| crate::vendor::key(Family::V6, &x, duid))
                    .and_then(|k| requests.get(&k).cloned())
            };
            let client = v6_client(lease.message());
            if !filters.keep_client(&client, xid) || !(filters.all || kind.is_reply()) {
                return;
            }
            let head = Head {
                origin,
                family: Family::V6,
                kind,
                relays: lease.relay_depth(),
                xid,
                client,
                secure_ztp: filters.secure_ztp,
            };
            emit(&lease_report(
                head,
                bytes,
                &V6(&lease, bytes),
                request,
                filters.vendor,
                fetch,
            ));
        }
        Err(e) => {
            // ADVERTISE, REPLY, RELAY-REPL: what a server sends.
            if !filters.all && !matches!(bytes.first(), Some(2 | 7 | 13)) {
                return;
            }
            let xid = match bytes {
                [t, a, b, c, ..] if *t != 12 && *t != 13 => Some(Xid::V6([*a, *b, *c])),
                _ => None,
            };
            let client = Client::default();
            if !filters.keep_client(&client, xid) {
                return;
            }
            emit(&undecodable(origin, Family::V6, bytes, xid, client, &e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written JSON line and serde_json's serialisation of the
    /// same report, byte for byte.
    fn same_json(bytes: &[u8], family: Family) -> usize {
        let filters = Filters {
            all: true,
            ..Filters::default()
        };
        let origin = Origin {
            frame: Some(7),
            time: None,
        };
        let mut checked = 0;
        let mut check = |r: &Report<'_>| {
            let mut ours = Vec::new();
            r.json_line(&mut ours);
            let mut theirs = serde_json::to_vec(r).unwrap_or_default();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
            checked += 1;
        };
        Explainer::new(filters).message(bytes, family, origin, &mut check);
        checked
    }

    /// The samples, the crate's captures, and every message of them with
    /// each byte in turn changed.
    fn messages() -> Vec<(Vec<u8>, Family)> {
        // The crate's own test captures (a published crate has no testkit).
        let captures: [&[u8]; 4] = [
            include_bytes!("../tests/data/v4-ethernet.pcap"),
            include_bytes!("../tests/data/v6-ethernet.pcap"),
            include_bytes!("../tests/data/v6-relay-raw.pcap"),
            include_bytes!("../tests/data/v4-sll.pcap"),
        ];
        let mut messages: Vec<(Vec<u8>, Family)> = vec![
            (ztp_options::samples::V4_ACK.to_vec(), Family::V4),
            (ztp_options::samples::V6_REPLY.to_vec(), Family::V6),
        ];
        for c in captures {
            if let Ok(capture) = crate::pcap::dhcp_messages(c) {
                messages.extend(capture.found.into_iter().map(|f| (f.payload, f.family)));
            }
        }
        // Every message with each byte in turn changed: refused plans,
        // undecodable messages, odd names and values.
        let base = messages.clone();
        for (m, family) in &base {
            for i in 0..m.len() {
                for x in [0x00u8, 0x22, 0x5c, 0xff] {
                    let mut changed = m.clone();
                    if let Some(b) = changed.get_mut(i) {
                        *b = x;
                    }
                    messages.push((changed, *family));
                }
            }
        }
        messages
    }

    #[test]
    fn the_json_writer_writes_what_serde_json_writes() {
        let mut reports = 0;
        for (m, family) in &messages() {
            reports += same_json(m, *family);
        }
        assert!(reports > 5_000, "{reports}");
    }

    #[test]
    fn one_explainer_writes_what_a_fresh_one_writes() {
        // One explainer keeps its fetch plans (FetchCache) across every
        // message: each line is the line of an explainer that saw only
        // that message.
        let filters = Filters {
            all: true,
            ..Filters::default()
        };
        let mut kept = Explainer::new(filters);
        let mut lines = 0;
        for (m, family) in messages().iter().chain(messages().iter()) {
            let mut fresh = Vec::new();
            explain(m, *family, Origin::default(), &filters, &mut |r| {
                r.json_line(&mut fresh);
            });
            let mut ours = Vec::new();
            kept.message(m, *family, Origin::default(), &mut |r| {
                r.json_line(&mut ours)
            });
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&fresh)
            );
            lines += 1;
        }
        assert!(lines > 5_000, "{lines}");
    }
}
