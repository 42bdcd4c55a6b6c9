//! `ztp explain`: read a message (hex, stdin, a capture or the embedded
//! samples), decode it, resolve it and report.

use std::path::PathBuf;

use clap::Args;

use std::io::Read as _;

use ztp_options::v6::MessageType;
use ztp_options::{resolve_v4, resolve_v6, v4, v6};

use crate::input;
use crate::pcap;
use crate::report::Report;
use ztp_options::Family;

fn v4_type_name(t: Option<u8>) -> String {
    match t {
        Some(1) => "DISCOVER".into(),
        Some(2) => "OFFER".into(),
        Some(3) => "REQUEST".into(),
        Some(5) => "ACK".into(),
        Some(6) => "NAK".into(),
        Some(t) => format!("message type {t}"),
        None => "BOOTP message (no option 53)".into(),
    }
}

fn v6_type_name(t: MessageType) -> String {
    match t.name() {
        Some(name) => name.replace('_', "-"),
        None => format!("message type {}", t.get()),
    }
}

/// Explains one DHCPv4 message; `only_replies` skips anything but an
/// OFFER or ACK (for captures).
fn explain_v4(bytes: &[u8], prefix: &str, only_replies: bool) -> Option<Report> {
    match v4::Lease::parse(bytes) {
        Ok(lease) => {
            let t = lease.message_type().ok().flatten();
            if only_replies && !matches!(t, Some(2 | 5)) {
                return None;
            }
            let title = format!("{prefix}DHCPv4 {}, {} bytes", v4_type_name(t), bytes.len());
            Some(Report::resolved("v4", title, resolve_v4(&lease), bytes))
        }
        Err(e) => {
            if only_replies && bytes.first() != Some(&2) {
                return None;
            }
            let title = format!("{prefix}DHCPv4 message, {} bytes", bytes.len());
            Some(Report::undecodable("v4", title, &e, bytes))
        }
    }
}

/// Explains one DHCPv6 message (relays unwrapped); `only_replies` skips
/// anything but an ADVERTISE or REPLY, bare or relayed.
fn explain_v6(bytes: &[u8], prefix: &str, only_replies: bool) -> Option<Report> {
    match v6::Lease::parse(bytes) {
        Ok(lease) => {
            let t = lease.message_type();
            if only_replies && !matches!(t, MessageType::ADVERTISE | MessageType::REPLY) {
                return None;
            }
            let relays = match lease.relay_depth() {
                0 => String::new(),
                1 => " in 1 relay message".to_owned(),
                n => format!(" in {n} relay messages"),
            };
            let title = format!(
                "{prefix}DHCPv6 {}{relays}, {} bytes",
                v6_type_name(t),
                bytes.len()
            );
            Some(Report::resolved("v6", title, resolve_v6(&lease), bytes))
        }
        Err(e) => {
            if only_replies && !matches!(bytes.first(), Some(2 | 7 | 13)) {
                return None;
            }
            let title = format!("{prefix}DHCPv6 message, {} bytes", bytes.len());
            Some(Report::undecodable("v6", title, &e, bytes))
        }
    }
}

fn print(reports: &[Report], json: bool, array: bool) -> u8 {
    if json {
        let out = if array || reports.len() != 1 {
            serde_json::to_string_pretty(reports)
        } else {
            serde_json::to_string_pretty(&reports.first())
        };
        match out {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("ztp: cannot write json: {e}");
                return 2;
            }
        }
    } else {
        for (i, r) in reports.iter().enumerate() {
            if i > 0 {
                println!();
            }
            print!("{}", r.text());
        }
    }
    reports.iter().map(Report::exit_code).max().unwrap_or(0)
}

fn read_hex(arg: &str) -> Result<Vec<u8>, String> {
    let text = if arg == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        text
    } else {
        arg.to_owned()
    };
    input::hex(&text).map_err(|e| e.to_string())
}

pub(crate) fn run(args: &ExplainArgs) -> u8 {
    let forced = match (args.v4, args.v6) {
        (true, _) => Some(Family::V4),
        (_, true) => Some(Family::V6),
        _ => None,
    };
    if let Some(path) = &args.pcap {
        let file = match std::fs::read(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("ztp: cannot read {}: {e}", path.display());
                return 2;
            }
        };
        let capture = match pcap::dhcp_messages(&file) {
            Ok(capture) => capture,
            Err(e) => {
                eprintln!("ztp: {}: {e}", path.display());
                return 2;
            }
        };
        let found = &capture.found;
        let reports: Vec<Report> = found
            .iter()
            .filter_map(|m| {
                let prefix = format!("frame {}: ", m.frame);
                match forced.unwrap_or(m.family) {
                    Family::V4 => explain_v4(&m.payload, &prefix, true),
                    Family::V6 => explain_v6(&m.payload, &prefix, true),
                }
            })
            .collect();
        if let Some(damage) = &capture.damaged {
            eprintln!("ztp: {}: {damage}", path.display());
        }
        if reports.is_empty() {
            eprintln!(
                "ztp: {}: no DHCP reply in {} DHCP frames (looked for v4 OFFER/ACK and v6 ADVERTISE/REPLY)",
                path.display(),
                found.len()
            );
            return 2;
        }
        let code = print(&reports, args.json, true);
        return if capture.damaged.is_some() { 2 } else { code };
    }
    let Some(arg) = &args.hex else {
        let reports: Vec<Report> = [
            explain_v4(ztp_options::samples::V4_ACK, "embedded sample: ", false),
            explain_v6(ztp_options::samples::V6_REPLY, "embedded sample: ", false),
        ]
        .into_iter()
        .flatten()
        .collect();
        return print(&reports, args.json, true);
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
    let report = match family {
        Family::V4 => explain_v4(&bytes, "", false),
        Family::V6 => explain_v6(&bytes, "", false),
    };
    print(&report.into_iter().collect::<Vec<_>>(), args.json, false)
}

/// Arguments of `ztp explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The message as hex (whitespace, colons and 0x allowed), or `-` to read
    /// hex from standard input.
    #[arg(value_name = "HEX|-", conflicts_with = "pcap")]
    pub(crate) hex: Option<String>,
    /// Explain every DHCP reply (v4 OFFER/ACK, v6 ADVERTISE/REPLY, also
    /// inside relay messages) in a pcap or pcapng capture.
    #[arg(long, value_name = "FILE")]
    pub(crate) pcap: Option<PathBuf>,
    /// Read the message as DHCPv4, whatever it looks like.
    #[arg(long, conflicts_with = "v6")]
    v4: bool,
    /// Read the message as DHCPv6, whatever it looks like.
    #[arg(long)]
    v6: bool,
    /// Print JSON: one object per message (an array with --pcap).
    #[arg(long)]
    pub(crate) json: bool,
}
