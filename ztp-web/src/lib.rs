//! ztp in the browser: the thin layer between [`ztp_explain`] and the
//! self-contained page (`ztp-web/page`, built by `ztp-web/build.sh`).
//!
//! Everything the page shows of a message comes from `ztp-explain`, as
//! `ztp explain --json` prints it: [`explain_hex`] reads what a person
//! pasted with [`ztp_explain::input::message`] and returns the reports'
//! JSON lines; a [`Capture`] streams a pcap or pcapng file through
//! [`ztp_explain::pcap::stream`] from a [`Source`] (the page's worker reads
//! the dropped file slice by slice with `FileReaderSync`, so the file is
//! never held whole), folds it into a [`ztp_explain::Summary`] (the JSON of
//! `ztp explain --pcap --summary --json`), keeps each client's exchange
//! ([`ztp_explain::exchange`]) for its timeline, and explains one client's
//! replies on demand by reading the capture again.
//!
//! The functions return JSON text: the page parses it and renders it, and
//! the browser test compares it with the command line's.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::collections::HashMap;
use std::io::{self, Read};

use serde_json::{Value, json};
use wasm_bindgen::prelude::wasm_bindgen;
use ztp_explain::exchange::{Sender, step};
use ztp_explain::pcap::{self, Timestamp};
use ztp_explain::{Explainer, Filters, Origin, Report, Summary, input};
use ztp_options::Family;

/// Steps kept per client for its timeline: a client that retries for a
/// whole day keeps its first ones, and memory stays bounded.
pub const STEPS: usize = 64;

/// How often, in bytes of the capture, the reader tells its progress.
const PROGRESS_EVERY: u64 = 1 << 20;

fn family_name(f: Family) -> &'static str {
    match f {
        Family::V4 => "v4",
        Family::V6 => "v6",
    }
}

/// A report as `ztp explain --json` prints it (its JSON line) and as text.
fn report_json(r: &Report<'_>, line: &mut Vec<u8>) -> Value {
    line.clear();
    r.json_line(line);
    let json = serde_json::from_slice(line).unwrap_or(Value::Null);
    json!({ "json": json, "text": r.text(""), "exit_code": r.exit_code() })
}

/// Explains pasted text as `ztp explain HEX --json` does: hex, a Wireshark
/// hex dump or tcpdump's output, a DHCP payload or a whole frame. Returns a
/// JSON object: `error` (a sentence, or null), `form` and `headers` (how
/// the text was read), `family`, and `reports` (each with `json`, the
/// command line's JSON line, `text`, its text, and `exit_code`).
///
/// ```
/// let out: serde_json::Value = serde_json::from_str(&ztp_web::explain_hex(
///     &ztp_web::hex_of(ztp_options::samples::V4_ACK),
/// ))?;
/// assert_eq!(out["reports"][0]["json"]["status"], "ok");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[wasm_bindgen]
pub fn explain_hex(text: &str) -> String {
    let pasted = match input::message(text) {
        Ok(p) => p,
        Err(e) => return json!({ "error": e.to_string(), "reports": [] }).to_string(),
    };
    let headers = pasted.headers.as_ref().map(|h| h.to_string());
    let bytes = pasted.bytes;
    let Some(family) = pasted.family.or_else(|| Family::detect(&bytes)) else {
        return json!({
            "error": format!(
                "cannot tell DHCPv4 from DHCPv6: no magic cookie at byte 236 and the first byte \
                 ({:#04x}) is not a DHCPv6 message type",
                bytes.first().copied().unwrap_or(0)
            ),
            "reports": [],
        })
        .to_string();
    };
    // One message given by hand is explained whatever its type (as the
    // command line does).
    let mut filters = Filters::default();
    filters.all = true;
    let mut reports = Vec::new();
    let mut line = Vec::new();
    Explainer::new(filters).message(&bytes, family, Origin::default(), &mut |r| {
        reports.push(report_json(r, &mut line));
    });
    let steps: Vec<Value> = step(&bytes, family)
        .map(|s| step_json(&s, None, None))
        .into_iter()
        .collect();
    json!({
        "error": null,
        "form": pasted.form.to_string(),
        "headers": headers,
        "family": family_name(family),
        "hex": hex_of(&bytes),
        "reports": reports,
        "steps": steps,
    })
    .to_string()
}

/// Bytes as lowercase hex without separators (what the page puts in its
/// link's fragment).
///
/// ```
/// assert_eq!(ztp_web::hex_of(&[0x02, 0xab]), "02ab");
/// ```
#[wasm_bindgen]
pub fn hex_of(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn step_json(s: &ztp_explain::exchange::Step, frame: Option<usize>, time: Option<f64>) -> Value {
    json!({
        "client": s.client,
        "family": family_name(s.family),
        "message": s.message,
        "xid": s.xid.map(|x| format!("{x:#x}")),
        "sender": match s.sender {
            Sender::Client => "client",
            Sender::Reply => "reply",
            Sender::Other => "other",
        },
        "frame": frame,
        "time": time,
    })
}

#[wasm_bindgen]
extern "C" {
    /// Where a capture's bytes come from: the page's worker, reading the
    /// dropped `File` slice by slice (`FileReaderSync`).
    pub type Source;

    /// Up to `max` further bytes of the capture; none at its end.
    #[wasm_bindgen(method)]
    fn read(this: &Source, max: usize) -> Vec<u8>;

    /// Bytes read so far, for the progress bar.
    #[wasm_bindgen(method)]
    fn progress(this: &Source, position: f64);
}

/// A [`Source`] as [`std::io::Read`].
struct SourceReader<'a>(&'a Source);

impl Read for SourceReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let chunk = self.0.read(buf.len());
        let n = chunk.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), chunk.get(..n)) {
            to.copy_from_slice(from);
        }
        Ok(n)
    }
}

/// One step of a client's timeline, kept compact.
#[derive(Debug, Clone, Copy)]
struct Kept {
    frame: usize,
    time: Option<f64>,
    /// Index into [`Capture::messages`].
    message: u16,
    family: Family,
    sender: Sender,
    xid: Option<u32>,
}

fn seconds(t: Option<Timestamp>) -> Option<f64> {
    t.map(|t| t.secs as f64 + f64::from(t.nanos) / 1e9)
}

/// A capture read once: its summary, and each client's exchange.
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct Capture {
    summary: Summary,
    /// Steps per client (its name, as the summary's).
    steps: HashMap<String, Vec<Kept>>,
    /// Message type names, interned.
    messages: Vec<String>,
    /// Clients in the order first seen.
    order: Vec<String>,
}

#[wasm_bindgen]
impl Capture {
    /// An empty capture.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Capture {
        Capture::default()
    }

    /// Reads the capture from `source` to its end (see [`Capture::read_from`]).
    pub fn read(&mut self, source: &Source) -> String {
        self.read_from(SourceReader(source), &mut |p| source.progress(p as f64))
    }

    /// The summary as `ztp explain --pcap FILE --summary --json` prints it.
    pub fn summary_json(&self) -> String {
        let mut out = Vec::new();
        let _ = self.summary.write_json(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The summary as `ztp explain --pcap FILE --summary` prints it.
    pub fn summary_text(&self) -> String {
        let mut out = Vec::new();
        let _ = self.summary.write_text(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// A client's steps (at most [`STEPS`]), as a JSON array of objects
    /// (`message`, `sender`, `family`, `xid`, `frame`, `time` in seconds).
    pub fn timeline(&self, client: &str) -> String {
        let steps = self.steps.get(client).map_or(&[][..], Vec::as_slice);
        let out: Vec<Value> = steps
            .iter()
            .map(|k| {
                json!({
                    "message": self.messages.get(usize::from(k.message)),
                    "sender": match k.sender {
                        Sender::Client => "client",
                        Sender::Reply => "reply",
                        Sender::Other => "other",
                    },
                    "family": family_name(k.family),
                    "xid": k.xid.map(|x| format!("{x:#x}")),
                    "frame": k.frame,
                    "time": k.time,
                })
            })
            .collect();
        Value::Array(out).to_string()
    }

    /// Every client seen (in any message, not only those with a reply), in
    /// the order first seen, as a JSON array of names.
    pub fn clients(&self) -> String {
        json!(self.order).to_string()
    }

    /// Explains one client's replies in a capture read again from `source`
    /// (see [`client_reports_from`]).
    pub fn client_reports(source: &Source, client: &str) -> String {
        client_reports_from(SourceReader(source), client)
    }
}

impl Capture {
    /// Reads a capture to its end: every DHCP message is added to the
    /// summary (as `ztp explain --pcap --summary` does) and to its client's
    /// steps; `progress` is told the bytes read about every MiB. Returns a
    /// JSON object: `frames`, `messages`, `damaged` (a sentence, or null),
    /// `error` (a capture that cannot be read at all, or null).
    pub fn read_from(&mut self, input: impl Read, progress: &mut dyn FnMut(u64)) -> String {
        let filters = Filters::default();
        let mut last = 0u64;
        let end = pcap::stream(input, |m| {
            let origin = Origin {
                frame: Some(m.frame),
                time: m.time,
            };
            self.summary.add(m.payload, m.family, origin, &filters);
            if let Some(s) = step(m.payload, m.family) {
                self.keep(s, m.frame, seconds(m.time));
            }
            if m.position >= last + PROGRESS_EVERY {
                last = m.position;
                progress(m.position);
            }
        });
        match end {
            Ok(end) => json!({
                "frames": end.frames,
                "messages": end.messages,
                "damaged": end.damaged.map(|d| d.to_string()),
                "error": null,
            }),
            Err(e) => {
                json!({ "frames": 0, "messages": 0, "damaged": null, "error": e.to_string() })
            }
        }
        .to_string()
    }

    fn keep(&mut self, s: ztp_explain::exchange::Step, frame: usize, time: Option<f64>) {
        let message = match self.messages.iter().position(|m| *m == s.message) {
            Some(i) => i,
            None => {
                self.messages.push(s.message);
                self.messages.len() - 1
            }
        };
        let Ok(message) = u16::try_from(message) else {
            return;
        };
        let kept = Kept {
            frame,
            time,
            message,
            family: s.family,
            sender: s.sender,
            xid: s.xid,
        };
        match self.steps.get_mut(&s.client) {
            Some(steps) => {
                if steps.len() < STEPS {
                    steps.push(kept);
                }
            }
            None => {
                self.order.push(s.client.clone());
                self.steps.insert(s.client, vec![kept]);
            }
        }
    }
}

/// One client's replies in a capture, explained as `ztp explain --pcap FILE
/// --json --mac MAC` explains them: a JSON array of reports (each with
/// `json`, the command line's JSON line, `text` and `exit_code`). Only the
/// client's own messages are given to the explainer (its requests name its
/// vendor, G1).
pub fn client_reports_from(input: impl Read, client: &str) -> String {
    let mut explainer = Explainer::new(Filters::default());
    let mut reports = Vec::new();
    let mut line = Vec::new();
    let end = pcap::stream(input, |m| {
        if step(m.payload, m.family).is_some_and(|s| s.client == client) {
            let origin = Origin {
                frame: Some(m.frame),
                time: m.time,
            };
            explainer.message(m.payload, m.family, origin, &mut |r| {
                reports.push(report_json(r, &mut line));
            });
        }
    });
    match end {
        Ok(_) => Value::Array(reports).to_string(),
        Err(e) => json!({ "error": e.to_string() }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    const V4_CAPTURE: &[u8] =
        include_bytes!("../../ztp-explain/tests/data/dnsmasq-2.90-v4-ztp-good.pcap");

    #[test]
    fn pasted_v4_ack_as_the_command_line() {
        let out: Value =
            serde_json::from_str(&explain_hex(&hex_of(ztp_options::samples::V4_ACK))).unwrap();
        assert_eq!(out["family"], "v4");
        let mut line = Vec::new();
        ztp_explain::explain(
            ztp_options::samples::V4_ACK,
            Family::V4,
            Origin::default(),
            &{
                let mut f = Filters::default();
                f.all = true;
                f
            },
            &mut |r| r.json_line(&mut line),
        );
        let cli: Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(out["reports"][0]["json"], cli);
        assert_eq!(out["steps"][0]["message"], "ACK");
    }

    #[test]
    fn not_hex_is_an_error() {
        let out: Value = serde_json::from_str(&explain_hex("zz")).unwrap();
        assert!(out["error"].is_string());
        assert_eq!(out["reports"], json!([]));
    }

    #[test]
    fn capture_summary_timeline_and_client_reports() {
        let mut capture = Capture::new();
        let mut told = Vec::new();
        let end: Value =
            serde_json::from_str(&capture.read_from(V4_CAPTURE, &mut |p| told.push(p))).unwrap();
        assert_eq!(end["messages"], 4);
        assert!(told.is_empty(), "a small capture is read at once");
        let summary: Value = serde_json::from_str(&capture.summary_json()).unwrap();
        assert_eq!(summary["kind"], "summary");
        let client = summary["per_client"][0]["client"].as_str().unwrap();
        let timeline: Value = serde_json::from_str(&capture.timeline(client)).unwrap();
        let names: Vec<&str> = timeline
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["message"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["DISCOVER", "OFFER", "REQUEST", "ACK"]);
        let reports: Value =
            serde_json::from_str(&client_reports_from(V4_CAPTURE, client)).unwrap();
        let messages: Vec<&str> = reports
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["json"]["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, ["OFFER", "ACK"]);
    }

    #[test]
    fn not_a_capture() {
        let mut capture = Capture::new();
        let end: Value =
            serde_json::from_str(&capture.read_from(&b"not a capture"[..], &mut |_| {})).unwrap();
        assert!(end["error"].is_string());
    }
}
