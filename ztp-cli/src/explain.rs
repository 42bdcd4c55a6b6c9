//! `ztp explain`: read messages (hex, standard input, a capture streamed
//! block by block, or the embedded samples), decode them, resolve the
//! replies and report: text, JSON Lines, or a summary per client.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, IsTerminal as _, Read as _, Write as _};
use std::rc::Rc;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use ztp_explain::{Explainer, Filters, Origin, Report, Summary, input, parse_mac, parse_xid, pcap};
use ztp_options::Family;

/// A capture file larger than this gets a progress bar (on a terminal,
/// without --json).
const PROGRESS_MIN: u64 = 8 * 1024 * 1024;

/// Where reports go: standard output (text or JSON Lines, buffered, one
/// reused buffer for the JSON), or the summary; decode errors also go to
/// standard error.
struct Sink {
    explainer: Explainer,
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
    /// With --mac/--xid, the first clients seen (to name them when none
    /// matches), and whether there were more.
    seen: Vec<[u8; 6]>,
    seen_more: bool,
}

/// How many clients a filter that matched nothing names.
const SEEN_SHOWN: usize = 8;

fn mac_text(mac: [u8; 6]) -> String {
    ztp_server_config::MacAddr(mac).to_string()
}

impl Sink {
    fn new(args: &ExplainArgs, filters: Filters, forced: Option<Family>) -> Self {
        Sink {
            explainer: Explainer::new(filters),
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
            seen: Vec::new(),
            seen_more: false,
        }
    }

    /// One message of the given family (unless forced by --v4/--v6).
    fn message(&mut self, bytes: &[u8], family: Family, origin: Origin) {
        let family = self.forced.unwrap_or(family);
        if (self.filters.mac.is_some() || self.filters.xid.is_some())
            && let Some(mac) = ztp_explain::client_mac(bytes, family)
            && !self.seen.contains(&mac)
        {
            if self.seen.len() < SEEN_SHOWN {
                self.seen.push(mac);
            } else {
                self.seen_more = true;
            }
        }
        if let Some(summary) = &mut self.summary {
            summary.add(bytes, family, origin, &self.filters);
            return;
        }
        // The explainer remembers requests (G3) across messages; it is
        // taken out while `emit` borrows the sink.
        let mut explainer = std::mem::take(&mut self.explainer);
        *explainer.filters_mut() = self.filters;
        explainer.message(bytes, family, origin, &mut |r| self.emit(r));
        self.explainer = explainer;
    }

    fn emit(&mut self, r: &Report<'_>) {
        self.shown += 1;
        self.worst = self.worst.max(r.exit_code());
        if let Some(reason) = r.undecodable() {
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
        } else if r.undecodable().is_some() {
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

/// The message of a hex argument (or `-`): hex, a Wireshark hex dump or
/// tcpdump's `-x` output, the DHCP payload or a whole frame around it.
fn read_hex(arg: &str) -> Result<input::Pasted, String> {
    let text = if arg == "-" {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        text
    } else {
        arg.to_owned()
    };
    input::message(&text).map_err(|e| e.to_string())
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
        let filtered = sink.filters.mac.is_some() || sink.filters.xid.is_some();
        if filtered {
            let seen = if sink.seen.is_empty() {
                "no client was seen".to_owned()
            } else {
                let macs: Vec<String> = sink.seen.iter().map(|m| mac_text(*m)).collect();
                let more = if sink.seen_more { ", ..." } else { "" };
                format!("clients seen: {}{more}", macs.join(", "))
            };
            eprintln!(
                "ztp: {name}: no {what} matches --mac/--xid in {} DHCP messages of {} frames; {seen}",
                end.messages, end.frames
            );
        } else {
            let hint = if sink.filters.all {
                String::new()
            } else if end.messages > 0 {
                format!(
                    "; its {} DHCP messages are clients' (DISCOVER, REQUEST, SOLICIT...): \
                     --all shows them, and capture where the server's replies pass",
                    end.messages
                )
            } else {
                "; capture on the DHCP ports (udp 67/68, 546/547) where the server's replies \
                 pass"
                    .to_owned()
            };
            eprintln!(
                "ztp: {name}: no {what} in {} frames (looked for v4 OFFER/ACK and v6 \
                 ADVERTISE/REPLY){hint}",
                end.frames
            );
        }
        // The capture is fine; there is no plan in it: 1, not 2 and not 0.
        return Err(if damaged { 2 } else { 1 });
    }
    if damaged { Err(2) } else { Ok(()) }
}

pub(crate) fn run(args: &ExplainArgs) -> u8 {
    let forced = match (args.v4, args.v6) {
        (true, _) => Some(Family::V4),
        (_, true) => Some(Family::V6),
        _ => None,
    };
    let mut filters = Filters::default();
    filters.all = args.all;
    filters.secure_ztp = args.secure_ztp;
    if let Some(name) = &args.vendor {
        match name.parse::<ztp_options::vendor::Vendor>() {
            Ok(v) => filters.vendor = Some(v),
            Err(_) => {
                let names: Vec<&str> = ztp_options::vendor::Vendor::ALL
                    .iter()
                    .map(|v| v.as_str())
                    .collect();
                eprintln!(
                    "ztp: --vendor {name:?} is not a vendor: {}",
                    names.join(", ")
                );
                return 2;
            }
        }
    }
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
    let pasted = match read_hex(arg) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("ztp: {e}");
            return 2;
        }
    };
    // The frame's headers are said once, on standard error (standard output
    // stays the explanation, JSON included).
    if let Some(headers) = &pasted.headers {
        eprintln!("ztp: read {} as a frame: {headers}", pasted.form);
    }
    let bytes = pasted.bytes;
    let family = match forced.or(pasted.family).or_else(|| Family::detect(&bytes)) {
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
        let seen: Vec<String> = sink.seen.iter().map(|m| mac_text(*m)).collect();
        eprintln!(
            "ztp: the message does not match --mac/--xid (its client: {})",
            if seen.is_empty() {
                "unknown".to_owned()
            } else {
                seen.join(", ")
            }
        );
        return sink.finish().max(1);
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
    /// The devices use secure ZTP (RFC 8572): a reply that cannot proceed
    /// on its DHCP options but carries a valid SZTP redirect (option 143 or
    /// 136) counts as a way to provision (exit 0); the verdict is shown
    /// unchanged (R32).
    #[arg(long)]
    pub(crate) secure_ztp: bool,
    /// Explain every reply by this vendor's rules, whatever its request or
    /// its clues say: juniper, arista, cisco-iosxe, cisco-pnp, cisco-nxos,
    /// cisco-iosxr, sonic, cumulus, nvos, dell-os10, dell-os9, aruba-aoscx,
    /// extreme-exos, nokia-srlinux, huawei-vrp. Without it, a reply is
    /// explained by the vendor its client's request names (G1), else by its
    /// own clues (RA1..RA3).
    #[arg(long, value_name = "NAME")]
    pub(crate) vendor: Option<String>,
    /// Every message, not only replies: DISCOVER, REQUEST, SOLICIT... with
    /// the options the device asks for (55, 6) and who it says it is (60, 61,
    /// 77, 16).
    #[arg(long)]
    pub(crate) all: bool,
}
