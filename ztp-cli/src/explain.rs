//! `ztp explain`: read messages (hex, standard input, a capture streamed
//! block by block, or the embedded samples), decode them, resolve the
//! replies and report: text, JSON Lines, or a summary per client.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, IsTerminal as _, Read as _, Write as _};
use std::rc::Rc;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use ztp_options::sztp::Redirect;
use ztp_options::v4::{self, OptionCode};
use ztp_options::v6;
use ztp_options::{CannotProceed, DecodeError, Family, Plan, resolve_v4, resolve_v6};

use crate::input;
use crate::pcap;
use crate::report::{self, Body, Client, Kind, Origin, Report, Resolved, Sztp, Xid};
use crate::summary::Summary;

/// A capture file larger than this gets a progress bar (on a terminal,
/// without --json).
const PROGRESS_MIN: u64 = 8 * 1024 * 1024;

/// What `--mac`, `--xid` and `--all` keep.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Filters {
    pub(crate) mac: Option<[u8; 6]>,
    pub(crate) xid: Option<u32>,
    pub(crate) all: bool,
}

/// A MAC address: six hex bytes separated by `:` or `-` (or `.` between
/// groups of four digits, as Cisco writes them), or twelve digits.
pub(crate) fn parse_mac(text: &str) -> Result<[u8; 6], String> {
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
pub(crate) fn parse_xid(text: &str) -> Result<u32, String> {
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
fn v4_requested(bytes: &[u8]) -> Vec<u16> {
    let Ok(msg) = v4::Message::new_checked(bytes) else {
        return Vec::new();
    };
    match msg.option(OptionCode::PARAMETER_REQUEST_LIST) {
        Ok(Some(v)) => v.value.iter().map(|c| u16::from(*c)).collect(),
        _ => Vec::new(),
    }
}

/// Option 6 (ORO) of a DHCPv6 message.
fn v6_requested(msg: v6::Message<'_>) -> Vec<u16> {
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

/// What a decoded message reports after its header: a server's plan (or
/// the rule that refuses it) and its SZTP redirect, or what a client asks
/// for.
fn lease_body<'a>(
    kind: Kind,
    bytes: &[u8],
    resolve: impl FnOnce() -> Result<Plan<'a>, CannotProceed>,
    redirect: impl FnOnce() -> Result<Option<Redirect<'a>>, DecodeError>,
    requested: impl FnOnce() -> Vec<u16>,
) -> (Body<'a>, Sztp<'a>) {
    if kind.is_client() {
        return (Body::Request(requested()), Sztp::Absent);
    }
    let body = match resolve() {
        Ok(plan) => Body::Plan(Box::new(Resolved::new(plan, bytes))),
        Err(e) => Body::Refused(report::refusal(&e, bytes)),
    };
    (body, report::sztp(redirect(), bytes))
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
    }
}

/// Builds the report of one DHCPv4 message and hands it to `emit`, unless
/// the filters drop it.
fn explain_v4(bytes: &[u8], origin: Origin, filters: &Filters, emit: &mut dyn FnMut(&Report<'_>)) {
    match v4::Lease::parse(bytes) {
        Ok(lease) => {
            let op = bytes.first().copied().unwrap_or(0);
            let kind = Kind::V4(op, lease.message_type().ok().flatten());
            let (xid, _) = report::v4_header(bytes);
            let client = v4_client(&lease, bytes);
            if !filters.keep_client(&client, xid) || !(filters.all || kind.is_reply()) {
                return;
            }
            let (body, sztp) = lease_body(
                kind,
                bytes,
                || resolve_v4(&lease),
                || lease.sztp_redirect(),
                || v4_requested(bytes),
            );
            emit(&Report {
                origin,
                family: Family::V4,
                kind,
                relays: 0,
                len: bytes.len(),
                xid,
                client,
                body,
                sztp,
            });
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
fn explain_v6(bytes: &[u8], origin: Origin, filters: &Filters, emit: &mut dyn FnMut(&Report<'_>)) {
    match v6::Lease::parse(bytes) {
        Ok(lease) => {
            let kind = Kind::V6(lease.message_type());
            let xid = lease.transaction_id().map(Xid::V6);
            let client = v6_client(lease.message());
            if !filters.keep_client(&client, xid) || !(filters.all || kind.is_reply()) {
                return;
            }
            let (body, sztp) = lease_body(
                kind,
                bytes,
                || resolve_v6(&lease),
                || lease.sztp_redirect(),
                || v6_requested(lease.message()),
            );
            emit(&Report {
                origin,
                family: Family::V6,
                kind,
                relays: lease.relay_depth(),
                len: bytes.len(),
                xid,
                client,
                body,
                sztp,
            });
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

/// Where reports go: standard output (text or JSON Lines, buffered, one
/// reused buffer for the JSON), or the summary; decode errors also go to
/// standard error.
struct Sink {
    json: bool,
    summary: Option<Summary>,
    filters: Filters,
    forced: Option<Family>,
    out: Out,
    line: Vec<u8>,
    /// Prefix of text titles (`embedded sample: `).
    prefix: &'static str,
    shown: usize,
    worst: u8,
    /// A write to standard output failed (a closed pipe): stop writing.
    broken: Option<io::Error>,
}

impl Sink {
    fn new(args: &ExplainArgs, filters: Filters, forced: Option<Family>) -> Self {
        Sink {
            json: args.json,
            summary: args.summary.then(Summary::default),
            filters,
            forced,
            out: Rc::new(RefCell::new(io::BufWriter::with_capacity(
                64 * 1024,
                io::stdout().lock(),
            ))),
            line: Vec::with_capacity(4096),
            prefix: "",
            shown: 0,
            worst: 0,
            broken: None,
        }
    }

    /// One message of the given family (unless forced by --v4/--v6).
    fn message(&mut self, bytes: &[u8], family: Family, origin: Origin) {
        let family = self.forced.unwrap_or(family);
        if let Some(summary) = &mut self.summary {
            summary.add(bytes, family, origin, &self.filters);
            return;
        }
        let filters = self.filters;
        let mut emit = |r: &Report<'_>| self.emit(r);
        match family {
            Family::V4 => explain_v4(bytes, origin, &filters, &mut emit),
            Family::V6 => explain_v6(bytes, origin, &filters, &mut emit),
        }
    }

    fn emit(&mut self, r: &Report<'_>) {
        self.shown += 1;
        self.worst = self.worst.max(r.exit_code());
        if let Body::Undecodable(reason) = &r.body {
            eprintln!(
                "ztp: {} does not decode [{}]: {}",
                r.title(self.prefix),
                reason.rule,
                reason.message
            );
        }
        if self.broken.is_some() {
            return;
        }
        let mut out = self.out.borrow_mut();
        let result = if self.json {
            self.line.clear();
            r.json_line(&mut self.line);
            out.write_all(&self.line)
        } else if matches!(r.body, Body::Undecodable(_)) {
            // Said on standard error, above.
            Ok(())
        } else {
            let sep = if self.shown > 1 { "\n" } else { "" };
            write!(out, "{sep}{}", r.text(self.prefix))
        };
        drop(out);
        if let Err(e) = result {
            self.broken = Some(e);
        }
    }

    /// Flushes the output (and prints the summary); the exit code.
    fn finish(mut self) -> u8 {
        let mut out = self.out.borrow_mut();
        if let Some(summary) = self.summary.take() {
            self.worst = summary.exit_code();
            self.shown = summary.replies();
            let written = if self.json {
                summary.write_json(&mut *out)
            } else {
                summary.write_text(&mut *out)
            };
            if let Err(e) = written {
                self.broken.get_or_insert(e);
            }
        }
        if let Err(e) = out.flush() {
            self.broken.get_or_insert(e);
        }
        match self.broken {
            // `ztp explain ... | head`: the reader is gone; not our failure.
            Some(e) if e.kind() == io::ErrorKind::BrokenPipe => self.worst,
            Some(e) => {
                eprintln!("ztp: cannot write the output: {e}");
                2
            }
            None => self.worst,
        }
    }
}

fn read_hex(arg: &str) -> Result<Vec<u8>, String> {
    let text = if arg == "-" {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        text
    } else {
        arg.to_owned()
    };
    input::hex(&text).map_err(|e| e.to_string())
}

/// A progress bar for a capture file, when one is wanted.
fn progress(path: &str, json: bool) -> Option<ProgressBar> {
    if json || path == "-" || !io::stderr().is_terminal() {
        return None;
    }
    let size = std::fs::metadata(path).ok()?.len();
    if size <= PROGRESS_MIN {
        return None;
    }
    let bar = ProgressBar::new(size);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} {bytes}/{total_bytes} [{bar:30}] {bytes_per_sec}, {eta} left",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    Some(bar)
}

/// Standard output, shared by the sink and the capture's reader.
type Out = Rc<RefCell<io::BufWriter<io::StdoutLock<'static>>>>;

/// A capture's input that flushes standard output before every read: what
/// was explained is written out before the reader may wait for more (a
/// live `tcpdump -U -w -`), and a file read in large blocks costs one
/// flush per block, not one per line.
struct FlushBeforeRead<R> {
    input: R,
    out: Out,
}

impl<R: io::Read> io::Read for FlushBeforeRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Ok(mut out) = self.out.try_borrow_mut() {
            // A failed write is reported by the sink, at its next write or
            // at the end.
            let _ = out.flush();
        }
        self.input.read(buf)
    }
}

fn run_capture(path: &str, sink: &mut Sink) -> Result<(), u8> {
    let input: Box<dyn io::Read> = if path == "-" {
        Box::new(FlushBeforeRead {
            input: io::stdin().lock(),
            out: Rc::clone(&sink.out),
        })
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("ztp: cannot read {path}: {e}");
                return Err(2);
            }
        }
    };
    let name = if path == "-" { "standard input" } else { path };
    let bar = progress(path, sink.json);
    let mut last = 0u64;
    let end = pcap::stream(input, |m| {
        let origin = Origin {
            frame: Some(m.frame),
            time: m.time,
        };
        sink.message(m.payload, m.family, origin);
        if let Some(bar) = &bar
            && m.position >= last + (1 << 20)
        {
            bar.set_position(m.position);
            last = m.position;
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let end = match end {
        Ok(end) => end,
        Err(e) => {
            eprintln!("ztp: {name}: {e}");
            return Err(2);
        }
    };
    let damaged = end.damaged.is_some();
    if let Some(damage) = &end.damaged {
        eprintln!("ztp: {name}: {damage}");
    }
    let replies = match &sink.summary {
        Some(s) => s.replies(),
        None => sink.shown,
    };
    if replies == 0 {
        let what = if sink.filters.all {
            "DHCP message"
        } else {
            "DHCP reply"
        };
        let filtered = if sink.filters.mac.is_some() || sink.filters.xid.is_some() {
            " matching the filters"
        } else {
            ""
        };
        eprintln!(
            "ztp: {name}: no {what}{filtered} in {} DHCP frames of {} (looked for v4 OFFER/ACK and v6 \
             ADVERTISE/REPLY{})",
            end.messages,
            end.frames,
            if sink.filters.all {
                ", and with --all every message"
            } else {
                ""
            }
        );
        // Nothing to say is bad input, unless filters chose nothing.
        if filtered.is_empty() {
            return Err(2);
        }
    }
    if damaged { Err(2) } else { Ok(()) }
}

pub(crate) fn run(args: &ExplainArgs) -> u8 {
    let forced = match (args.v4, args.v6) {
        (true, _) => Some(Family::V4),
        (_, true) => Some(Family::V6),
        _ => None,
    };
    let mut filters = Filters {
        all: args.all,
        ..Filters::default()
    };
    if let Some(mac) = &args.mac {
        match parse_mac(mac) {
            Ok(m) => filters.mac = Some(m),
            Err(e) => {
                eprintln!("ztp: {e}");
                return 2;
            }
        }
    }
    if let Some(xid) = &args.xid {
        match parse_xid(xid) {
            Ok(x) => filters.xid = Some(x),
            Err(e) => {
                eprintln!("ztp: {e}");
                return 2;
            }
        }
    }
    let mut sink = Sink::new(args, filters, forced);
    if let Some(path) = &args.pcap {
        let failed = run_capture(path, &mut sink).err();
        let code = sink.finish();
        return failed.map_or(code, |f| f.max(code));
    }
    let Some(arg) = &args.hex else {
        sink.prefix = "embedded sample: ";
        sink.filters.all = true;
        sink.message(ztp_options::samples::V4_ACK, Family::V4, Origin::default());
        sink.message(
            ztp_options::samples::V6_REPLY,
            Family::V6,
            Origin::default(),
        );
        return sink.finish();
    };
    let bytes = match read_hex(arg) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("ztp: {e}");
            return 2;
        }
    };
    let family = match forced.or_else(|| Family::detect(&bytes)) {
        Some(f) => f,
        None => {
            eprintln!(
                "ztp: cannot tell DHCPv4 from DHCPv6: no magic cookie at byte 236 and the first byte \
                 ({:#04x}) is not a DHCPv6 message type; use --v4 or --v6",
                bytes.first().copied().unwrap_or(0)
            );
            return 2;
        }
    };
    // One message given by hand is explained whatever its type.
    sink.filters.all = true;
    sink.message(&bytes, family, Origin::default());
    let shown = match &sink.summary {
        Some(s) => s.replies(),
        None => sink.shown,
    };
    if shown == 0 && (args.mac.is_some() || args.xid.is_some()) {
        eprintln!("ztp: the message does not match --mac/--xid");
    }
    sink.finish()
}

/// Arguments of `ztp explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The message as hex (whitespace, colons and 0x allowed), or `-` to read
    /// hex from standard input.
    #[arg(value_name = "HEX|-", conflicts_with = "pcap")]
    pub(crate) hex: Option<String>,
    /// Explain every DHCP reply (v4 OFFER/ACK, v6 ADVERTISE/REPLY, also
    /// inside relay messages) of a pcap or pcapng capture, streamed block by
    /// block; `-` reads the capture from standard input
    /// (`tcpdump -U -w - port 67 or port 547 | ztp explain --pcap -`).
    #[arg(long, value_name = "FILE|-")]
    pub(crate) pcap: Option<String>,
    /// Read the messages as DHCPv4, whatever they look like.
    #[arg(long, conflicts_with = "v6")]
    v4: bool,
    /// Read the messages as DHCPv6, whatever they look like.
    #[arg(long)]
    v6: bool,
    /// Print JSON Lines: one object per message per line (schema 1, see the
    /// README); with --summary, one summary object.
    #[arg(long)]
    pub(crate) json: bool,
    /// Per client, the outcome of its last reply, and the clients counted by
    /// outcome (which image, config and file server; which rule stops the
    /// others).
    #[arg(long)]
    pub(crate) summary: bool,
    /// Only messages of this client: its MAC address (DHCPv4 chaddr, or the
    /// link-layer address of a DHCPv6 DUID-LL/LLT).
    #[arg(long, value_name = "MAC")]
    pub(crate) mac: Option<String>,
    /// Only messages with this transaction id (hex: 0x3903f326).
    #[arg(long, value_name = "XID")]
    pub(crate) xid: Option<String>,
    /// Every message, not only replies: DISCOVER, REQUEST, SOLICIT... with
    /// the options the device asks for (55, 6) and who it says it is (60, 61,
    /// 77, 16).
    #[arg(long)]
    pub(crate) all: bool,
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
        match family {
            Family::V4 => explain_v4(bytes, origin, &filters, &mut check),
            Family::V6 => explain_v6(bytes, origin, &filters, &mut check),
        }
        checked
    }

    #[test]
    fn the_json_writer_writes_what_serde_json_writes() {
        let mut reports = 0;
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
            if let Ok(capture) = pcap::dhcp_messages(c) {
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
        for (m, family) in &messages {
            reports += same_json(m, *family);
        }
        assert!(reports > 5_000, "{reports}");
    }
}
