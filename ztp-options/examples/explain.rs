//! Decodes the embedded DHCPv4 ACK and DHCPv6 REPLY (or a DHCPv4 message
//! given in hex as the first argument), prints every ZTP field they hold,
//! then the resolved plan and its decision log.
//!
//! ```text
//! cargo run -p ztp-options --example explain
//! cargo run -p ztp-options --example explain -- 0201060039...
//! ```

use std::process::ExitCode;

use ztp_options::v4::{Lease, MessageType, UserClass};
use ztp_options::{CannotProceed, DecodeError, Plan, Text, TrailingNul};

fn hex(s: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b':')
        .collect();
    digits
        .chunks(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).ok()?;
            (pair.len() == 2).then(|| u8::from_str_radix(s, 16).ok())?
        })
        .collect()
}

fn show(t: Text<'_>) -> String {
    let s = String::from_utf8_lossy(t.as_bytes()).into_owned();
    match t.trailing_nul() {
        TrailingNul::Stripped => format!("{s:?} (trailing NUL tolerated, R7)"),
        TrailingNul::Absent => format!("{s:?}"),
    }
}

/// Prints one field of a lease read from `bytes`; an error quotes the
/// offending value from `bytes`.
fn field<T>(
    bytes: &[u8],
    name: &str,
    value: Result<Option<T>, DecodeError>,
    f: impl Fn(T) -> String,
) {
    match value {
        Ok(Some(v)) => println!("  {name:<22} {}", f(v)),
        Ok(None) => {}
        Err(e) => println!("  {name:<22} error: {}", e.display_in(bytes)),
    }
}

/// Prints the plan resolved from the lease in `bytes`, or why ZTP cannot
/// proceed (quoting a malformed value from `bytes`).
fn print_plan(bytes: &[u8], outcome: Result<Plan<'_>, CannotProceed>) {
    match outcome {
        Ok(plan) => {
            println!("Plan:");
            if let Some(i) = &plan.image {
                println!(
                    "  image                  {:?} ({:?}, from {})",
                    i.name, i.image_type, i.source
                );
            }
            if let Some(c) = &plan.config {
                println!(
                    "  config                 {:?} (from {})",
                    c.name,
                    c.source()
                );
            }
            println!(
                "  transfer mode          {} (from {})",
                plan.transfer_mode, plan.transfer_mode_source
            );
            println!(
                "  file server            {} (from {})",
                plan.file_server,
                plan.file_server.source_str()
            );
            if let Some(p) = plan.port {
                println!("  port                   {} (from {})", p.port, p.source);
            }
            println!("Decision log:");
            let mut decided = false;
            for d in plan.decisions() {
                println!("  [{}] {d}", d.rule());
                decided = true;
            }
            if !decided {
                println!("  (nothing to decide)");
            }
        }
        Err(CannotProceed::Malformed(e)) => println!(
            "ZTP cannot proceed on this binding [{}]: {}",
            CannotProceed::Malformed(e).rule(),
            e.display_in(bytes)
        ),
        Err(e) => println!("ZTP cannot proceed on this binding [{}]: {e}", e.rule()),
    }
}

fn explain_v6() {
    let bytes = ztp_options::samples::V6_REPLY;
    println!();
    println!(
        "DHCPv6 message (embedded sample REPLY), {} bytes",
        bytes.len()
    );
    match ztp_options::v6::Lease::parse(bytes) {
        Ok(lease) => {
            match lease.boot_file_url() {
                Ok(Some(url)) => println!("  boot file url (59)     {url}"),
                Ok(None) => {}
                Err(e) => println!("  boot file url (59)     error: {}", e.display_in(bytes)),
            }
            print_plan(bytes, ztp_options::resolve_v6(&lease));
        }
        Err(e) => println!("cannot decode the message: {}", e.display_in(bytes)),
    }
}

fn main() -> ExitCode {
    let owned;
    let bytes: &[u8] = match std::env::args().nth(1) {
        Some(arg) => match hex(&arg) {
            Some(b) => {
                owned = b;
                &owned
            }
            None => {
                eprintln!("not hex: {arg}");
                return ExitCode::FAILURE;
            }
        },
        None => ztp_options::samples::V4_ACK,
    };
    let lease = match Lease::parse(bytes) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot decode the message: {}", e.display_in(bytes));
            return ExitCode::FAILURE;
        }
    };
    println!("DHCPv4 message, {} bytes", bytes.len());
    field(
        bytes,
        "message type (53)",
        lease.message_type(),
        |t| match MessageType::new(t).name() {
            Some(name) => format!("{t} ({name})"),
            None => t.to_string(),
        },
    );
    match lease.suboptions() {
        Ok(Some(sub)) => {
            println!("  option 43 (Juniper ZTP suboptions):");
            if let Some(t) = sub.image() {
                println!("    00 image             {}", show(t));
            }
            if let Some(t) = sub.config() {
                println!("    01 config            {}", show(t));
            }
            if sub.has_image_type() {
                println!("    02 image type        {:?}", sub.image_type());
            }
            if let Some(m) = sub.transfer_mode() {
                println!("    03 transfer mode     {m}");
            }
            if let Some(t) = sub.alt_image() {
                println!("    04 alternate image   {}", show(t));
            }
            if let Some(p) = sub.port_or_server() {
                println!("    05 port or server    {p:?}");
            }
            if let Some(t) = sub.proxy() {
                println!("    08 proxy             {}", show(t));
            }
            if sub.unknown_count() > 0 {
                println!("    unknown suboptions   {}", sub.unknown_count());
            }
        }
        Ok(None) => println!("  option 43              absent"),
        Err(e) => println!("  option 43              error: {}", e.display_in(bytes)),
    }
    let list = |l: ztp_options::v4::Ipv4List<'_>| {
        l.iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    field(
        bytes,
        "TFTP servers (150)",
        lease.tftp_server_addresses(),
        list,
    );
    field(
        bytes,
        "TFTP server name (66)",
        lease.tftp_server_name(),
        |n| match n.address() {
            Ok(a) => format!("{a} ({})", show(n.text())),
            Err(e) => format!("{} -- {}", show(n.text()), e.display_in(bytes)),
        },
    );
    field(bytes, "syslog servers (7)", lease.log_servers(), list);
    field(bytes, "NTP servers (42)", lease.ntp_servers(), list);
    field(bytes, "host name (12)", lease.host_name(), show);
    field(bytes, "vendor class (60)", lease.vendor_class(), |v| {
        format!("model {} serial {:?}", v.model, v.serial)
    });
    field(bytes, "client id (61)", lease.client_identifier(), |c| {
        format!("type {} serial {:?}", c.kind, c.serial())
    });
    field(bytes, "user class (77)", lease.user_class(), |u| match u {
        UserClass::Items(items) => items
            .map(|i| String::from_utf8_lossy(i).into_owned())
            .collect::<Vec<_>>()
            .join(" | "),
        UserClass::Raw(t) => show(t),
    });
    if !lease.siaddr().is_unspecified() {
        println!(
            "  siaddr                 {} (not used by ZTP)",
            lease.siaddr()
        );
    }
    if let Some(s) = lease.sname() {
        println!(
            "  sname                  {:?} (not used by ZTP)",
            String::from_utf8_lossy(s)
        );
    }
    if let Some(f) = lease.file() {
        println!(
            "  file                   {:?} (not used by ZTP)",
            String::from_utf8_lossy(f)
        );
    }
    println!();
    print_plan(bytes, ztp_options::resolve_v4(&lease));
    if std::env::args().nth(1).is_none() {
        explain_v6();
    }
    ExitCode::SUCCESS
}
