//! Instructions per call, counted by callgrind: the figure that does not
//! move with machine noise. Each workload runs under valgrind twice, with 1
//! and with N+1 iterations, and the difference divided by N is the cost of
//! one call (`(count(N+1) - count(1)) / N`), setup and process start
//! cancelled out. Both sides of a pair run the same harness.
//!
//! The `instructions` and `ratios` binaries run their own executable under
//! valgrind with `run NAME N`, which [`run`] serves.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;

use crate::nom_walk::{HandWalk, NomWalk};
use crate::{
    dhcproto_borrowed_v4_lease_to_plan, dhcproto_v4_lease_to_plan, dhcproto_v6_reply_to_plan,
    v4_ack,
};
use ztp_options::samples::V6_REPLY;
use ztp_options::v4::{Lease, Message, Option43};
use ztp_options::vendor::{Identity, IdentityRepr, Vendor, select_v4};
use ztp_options::{FileServer, ModeSource, Plan, TransferMode};
use ztp_options::{resolve_v4, resolve_v4_into, resolve_v6, resolve_v6_into};

/// The workloads, by name.
pub const WORKLOADS: &[&str] = &[
    "walk/hand",
    "walk/nom",
    "walk/ztp",
    "v4_lease_to_plan/ztp",
    "v4_lease_to_plan/ztp_returned",
    "v4_lease_to_plan/dhcproto",
    "v4_lease_to_plan/dhcproto_borrowed",
    "v4_select_to_plan/ztp",
    "v4_select_with_discover/ztp",
    "v6_reply_to_plan/ztp",
    "v6_reply_to_plan/ztp_returned",
    "v6_reply_to_plan/dhcproto",
    "v4_option43_decode/ztp",
    "v4_option43_decode/memcpy",
    "sztp_redirect_decode/ztp",
    "sztp_redirect_decode/framing_only",
    "explain_json/ztp",
    "explain_summary/ztp",
];

/// A goal on the measured costs.
#[derive(Debug)]
pub enum Goal {
    /// `numerator / denominator` at least (`at_least`) or at most `goal`.
    Ratio {
        /// What is compared.
        what: &'static str,
        /// The numerator's workload.
        numerator: &'static str,
        /// The denominator's workload.
        denominator: &'static str,
        /// At least, or at most.
        at_least: bool,
        /// The bound.
        goal: f64,
    },
    /// A workload's cost at most `max` instructions per call.
    AtMost {
        /// What is measured.
        what: &'static str,
        /// The workload.
        workload: &'static str,
        /// The bound.
        max: f64,
    },
}

/// The goals (the second design's issues): the nom walk within 3 % of the
/// hand walk, ACK to plan 10x dhcproto's owned decode and 3x its borrowed
/// iterator (at most 600 instructions), option 43's typed read at most 150,
/// REPLY to plan 10x dhcproto (at most 950).
pub const GOALS: &[Goal] = &[
    Goal::Ratio {
        what: "nom walk / hand walk (the hand walk stays when over 1.03)",
        numerator: "walk/nom",
        denominator: "walk/hand",
        at_least: false,
        goal: 1.03,
    },
    Goal::Ratio {
        what: "ACK to plan: dhcproto owned / ztp",
        numerator: "v4_lease_to_plan/dhcproto",
        denominator: "v4_lease_to_plan/ztp",
        at_least: true,
        goal: 10.0,
    },
    Goal::Ratio {
        what: "ACK to plan: dhcproto borrowed / ztp",
        numerator: "v4_lease_to_plan/dhcproto_borrowed",
        denominator: "v4_lease_to_plan/ztp",
        at_least: true,
        goal: 3.0,
    },
    Goal::Ratio {
        what: "vendor-selecting entry point / resolve_v4 (Juniper ACK with its DISCOVER)",
        numerator: "v4_select_to_plan/ztp",
        denominator: "v4_lease_to_plan/ztp",
        at_least: false,
        goal: 1.10,
    },
    Goal::AtMost {
        what: "ACK to plan, ztp",
        workload: "v4_lease_to_plan/ztp",
        max: 600.0,
    },
    Goal::AtMost {
        what: "`explain --json`, a capture's reply (issue 28 part 2)",
        workload: "explain_json/ztp",
        max: 12_000.0,
    },
    Goal::AtMost {
        what: "option 43 typed read, ztp",
        workload: "v4_option43_decode/ztp",
        max: 150.0,
    },
    Goal::Ratio {
        what: "REPLY to plan: dhcproto / ztp",
        numerator: "v6_reply_to_plan/dhcproto",
        denominator: "v6_reply_to_plan/ztp",
        at_least: true,
        goal: 10.0,
    },
    Goal::AtMost {
        what: "REPLY to plan, ztp",
        workload: "v6_reply_to_plan/ztp",
        max: 950.0,
    },
];

/// Runs one workload `n` times.
///
/// # Errors
///
/// An unknown workload, or a workload that fails.
pub fn run(name: &str, n: u64) -> Result<(), String> {
    let ack = v4_ack();
    // A Juniper DISCOVER (its identity and request list, R6).
    let discover = {
        let options = IdentityRepr::new(Vendor::Juniper)
            .with_model("ex4300-48t")
            .with_serial("PE3714100218")
            .to_v4_options()
            .map_err(|e| e.to_string())?;
        let mut m = ztp_options::v4::MessageRepr::reply(options).to_vec();
        if let Some(op) = m.first_mut() {
            *op = 1;
        }
        m
    };
    let o43 = Lease::parse(&ack)
        .ok()
        .and_then(|l| l.option43().ok().flatten().map(|o| o.as_bytes().to_vec()))
        .ok_or("the sample ACK has option 43")?;
    let mut buf = vec![0u8; o43.len()];
    let sztp = crate::sztp_value();
    if let Some(what) = name.strip_prefix("explain_") {
        return explain(what, n);
    }
    for _ in 0..n {
        match name {
            "walk/hand" => {
                let mut sum = 0usize;
                for o in HandWalk::new(black_box(&ack[..])) {
                    let (code, _, value) = o.map_err(|at| format!("byte {at}"))?;
                    sum += usize::from(code) + value.len();
                }
                black_box(sum);
            }
            "walk/ztp" => {
                let msg = Message::new_unchecked(black_box(&ack[..]));
                let mut sum = 0usize;
                for o in msg.options() {
                    let o = o.map_err(|e| e.to_string())?;
                    sum += usize::from(o.code.get()) + o.value.len();
                }
                black_box(sum);
            }
            "walk/nom" => {
                let mut sum = 0usize;
                for o in NomWalk::new(black_box(&ack[..])) {
                    let (code, _, value) = o.map_err(|at| format!("byte {at}"))?;
                    sum += usize::from(code) + value.len();
                }
                black_box(sum);
            }
            // The lease and the plan are looked at where they were returned:
            // moving them out of their `Result`s (248 and 768 bytes) is the
            // caller's choice, not the decoder's or the resolver's cost (the
            // peer's plan is 100 bytes).
            // The plan filled where the caller holds it (`resolve_v4_into`):
            // not moved at all.
            "v4_lease_to_plan/ztp" => {
                let parsed = Lease::parse(black_box(&ack));
                let lease = parsed.as_ref().map_err(|e| e.to_string())?;
                let mut plan = empty_plan();
                into_ok(resolve_v4_into(lease, &mut plan), &plan)?;
            }
            // The same with the plan returned by value (`resolve_v4`).
            "v4_lease_to_plan/ztp_returned" => {
                let parsed = Lease::parse(black_box(&ack));
                let lease = parsed.as_ref().map_err(|e| e.to_string())?;
                plan_ok(&resolve_v4(lease))?;
            }
            "v4_lease_to_plan/dhcproto" => {
                black_box(dhcproto_v4_lease_to_plan(black_box(&ack)));
            }
            // The vendor-selecting entry point (issue 24): the ACK with the
            // vendor its DISCOVER named (decoded when the DISCOVER was seen).
            "v4_select_to_plan/ztp" => {
                let parsed = Lease::parse(black_box(&ack));
                let lease = parsed.as_ref().map_err(|e| e.to_string())?;
                let selected = select_v4(lease, black_box(Some(Vendor::Juniper)), None);
                if selected.vendor == Vendor::Juniper {
                    let mut plan = empty_plan();
                    into_ok(resolve_v4_into(lease, &mut plan), &plan)?;
                }
            }
            // The same with the DISCOVER's identity decoded in the call.
            "v4_select_with_discover/ztp" => {
                let request = Identity::from_v4(black_box(&discover)).map_err(|e| e.to_string())?;
                let parsed = Lease::parse(black_box(&ack));
                let lease = parsed.as_ref().map_err(|e| e.to_string())?;
                let selected = select_v4(lease, request.vendor(), None);
                if selected.vendor == Vendor::Juniper {
                    let mut plan = empty_plan();
                    into_ok(resolve_v4_into(lease, &mut plan), &plan)?;
                }
            }
            "v4_lease_to_plan/dhcproto_borrowed" => {
                black_box(dhcproto_borrowed_v4_lease_to_plan(black_box(&ack)));
            }
            "v6_reply_to_plan/ztp" => {
                let parsed = ztp_options::v6::Lease::parse(black_box(V6_REPLY));
                let lease = parsed.as_ref().map_err(|e| e.to_string())?;
                let mut plan = empty_plan();
                into_ok(resolve_v6_into(lease, &mut plan), &plan)?;
            }
            "v6_reply_to_plan/ztp_returned" => {
                let parsed = ztp_options::v6::Lease::parse(black_box(V6_REPLY));
                let lease = parsed.as_ref().map_err(|e| e.to_string())?;
                plan_ok(&resolve_v6(lease))?;
            }
            "v6_reply_to_plan/dhcproto" => {
                black_box(dhcproto_v6_reply_to_plan(black_box(V6_REPLY)));
            }
            "v4_option43_decode/ztp" => {
                let sub = Option43::new_checked(black_box(&o43))
                    .and_then(|o| o.suboptions())
                    .map_err(|e| e.to_string())?;
                black_box((sub.image(), sub.config(), sub.transfer_mode()));
            }
            "sztp_redirect_decode/ztp" => {
                let r = ztp_options::sztp::Redirect::new_checked(
                    black_box(&sztp),
                    ztp_options::Family::V4,
                )
                .map_err(|e| e.to_string())?;
                black_box(r.servers().map(|s| s.port_or_default()).sum::<u16>());
            }
            "sztp_redirect_decode/framing_only" => {
                black_box(crate::sztp_frame_only(black_box(&sztp)));
            }
            "v4_option43_decode/memcpy" => {
                buf.copy_from_slice(black_box(&o43));
                black_box(&buf);
            }
            other => return Err(format!("no workload {other:?}")),
        }
    }
    Ok(())
}

/// A plan for the resolvers to fill (`resolve_v4_into`, `resolve_v6_into`).
#[inline(always)]
fn empty_plan<'a>() -> Plan<'a> {
    Plan::new(
        FileServer::V4 {
            address: std::net::Ipv4Addr::UNSPECIFIED,
            source: ztp_options::V4ServerSource::Option150,
        },
        TransferMode::Tftp,
        ModeSource::Default,
    )
}

/// A filled plan, seen by the optimiser, and its resolver's result checked.
#[inline(always)]
fn into_ok(result: Result<(), ztp_options::CannotProceed>, plan: &Plan<'_>) -> Result<(), String> {
    black_box(plan);
    result.map_err(|e| e.to_string())
}

/// Distinct clients of the capture-scale workloads (as `capture_scale`).
const CLIENTS: u64 = 3_000;

/// `ztp explain --json` and `--summary` on `n` replies of a capture, as
/// the capture-scale bench makes them (`src/bin/capture_scale.rs`): the
/// committed dnsmasq ACK, reply `i` for client `i % 3,000` with xid `i`,
/// through one `Explainer` (each JSON line written into a reused buffer)
/// or one `Summary`. The capture reader is left out (it is the same for
/// both and for every reply: about 700 instructions).
fn explain(what: &str, n: u64) -> Result<(), String> {
    use ztp_explain::pcap::Timestamp;
    use ztp_explain::{Explainer, Filters, Origin, Summary};
    let path = ztp_testkit::captures::path("dnsmasq-2.90-v4-ztp-good.pcap");
    let file = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let capture = ztp_explain::pcap::dhcp_messages(&file).map_err(|e| e.to_string())?;
    let mut reply = capture
        .found
        .into_iter()
        .find(|m| m.frame == 4)
        .map(|m| m.payload)
        .ok_or("no frame 4 in the dnsmasq capture")?;
    if let Some(hlen) = reply.get_mut(2) {
        *hlen = 6;
    }
    let mut explainer = Explainer::new(Filters::default());
    let mut summary = Summary::default();
    let mut line = Vec::new();
    for i in 0..n {
        let c = i % CLIENTS;
        if let Some(x) = reply.get_mut(4..8) {
            x.copy_from_slice(&(i as u32).to_be_bytes());
        }
        if let Some(m) = reply.get_mut(28..34) {
            m.copy_from_slice(&[0x2c, 0x6b, 0xf5, 0, (c >> 8) as u8, c as u8]);
        }
        let origin = Origin {
            frame: Some(i as usize + 1),
            time: Some(Timestamp {
                secs: 1_714_564_800 + (i / 1000) as i64,
                nanos: (i % 1000) as u32 * 1_000_000,
                digits: 6,
            }),
        };
        match what {
            "json/ztp" => explainer.message(
                black_box(&reply),
                ztp_options::Family::V4,
                origin,
                &mut |r| {
                    line.clear();
                    r.json_line(&mut line);
                },
            ),
            "summary/ztp" => summary.add(
                black_box(&reply),
                ztp_options::Family::V4,
                origin,
                &Filters::default(),
            ),
            other => return Err(format!("no workload \"explain_{other}\"")),
        }
        black_box(&line);
    }
    black_box(summary.replies());
    Ok(())
}

/// The resolver's result, seen by the optimiser and checked, in place.
#[inline(always)]
fn plan_ok(plan: &Result<ztp_options::Plan<'_>, ztp_options::CannotProceed>) -> Result<(), String> {
    match black_box(plan) {
        Ok(_) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

/// Total instructions of `exe run NAME n` under callgrind.
fn count(exe: &Path, name: &str, n: u64) -> Result<u64, String> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .args(["run", name, &n.to_string()])
        .output()
        .map_err(|e| format!("cannot run valgrind (apt-get install valgrind): {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("{name}: {stderr}"));
    }
    stderr
        .lines()
        .find_map(|l| l.split("Collected : ").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("{name}: no \"Collected\" line from callgrind"))
}

/// Instructions per call of every workload, measured by running `exe`
/// (which must serve `run NAME N` with [`run`]) under callgrind.
///
/// # Errors
///
/// valgrind missing or a workload failing.
pub fn measure(exe: &Path) -> Result<Vec<(&'static str, f64)>, String> {
    const N: u64 = 1000;
    WORKLOADS
        .iter()
        .map(|name| {
            let one = count(exe, name, 1)?;
            let many = count(exe, name, N + 1)?;
            Ok((*name, many.saturating_sub(one) as f64 / N as f64))
        })
        .collect()
}

/// Prints the costs and the goals as Markdown tables; whether every goal
/// is met.
pub fn print(costs: &[(&'static str, f64)]) -> bool {
    println!("| workload | instructions per call |");
    println!("| --- | ---: |");
    for (name, cost) in costs {
        println!("| `{name}` | {cost:.0} |");
    }
    println!();
    println!("| goal | measured | goal | met |");
    println!("| --- | ---: | --- | --- |");
    let cost = |name: &str| costs.iter().find(|(n, _)| *n == name).map(|(_, c)| *c);
    let mut met = true;
    for g in GOALS {
        let (what, value, bound, ok) = match *g {
            Goal::Ratio {
                what,
                numerator,
                denominator,
                at_least,
                goal,
            } => {
                let (Some(a), Some(b)) = (cost(numerator), cost(denominator)) else {
                    continue;
                };
                let r = a / b;
                let op = if at_least { ">=" } else { "<=" };
                let ok = if at_least { r >= goal } else { r <= goal };
                (what, format!("{r:.2}"), format!("{op} {goal}"), ok)
            }
            Goal::AtMost {
                what,
                workload,
                max,
            } => {
                let Some(c) = cost(workload) else { continue };
                (what, format!("{c:.0}"), format!("<= {max}"), c <= max)
            }
        };
        met &= ok;
        println!(
            "| {what} | {value} | {bound} | {} |",
            if ok { "yes" } else { "NO" }
        );
    }
    met
}
