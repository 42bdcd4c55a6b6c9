//! Instructions per call, counted by callgrind: the figure that does not
//! move with machine noise. Each workload runs under valgrind twice, with 1
//! and with N+1 iterations, and the difference divided by N is the cost of
//! one call (`(count(N+1) - count(1)) / N`), setup and process start
//! cancelled out. Both sides of a pair run the same harness.
//!
//! Usage (valgrind from Debian):
//!
//! ```text
//! cargo build --release -p ztp-benches --bin instructions
//! target/release/instructions            # measure every pair, print the table
//! target/release/instructions run NAME N # one workload, N iterations (what valgrind runs)
//! ```
//!
//! Exits 1 when a goal is not met.

use std::hint::black_box;
use std::process::{Command, ExitCode};

use ztp_benches::nom_walk::NomWalk;
use ztp_benches::{
    dhcproto_borrowed_v4_lease_to_plan, dhcproto_v4_lease_to_plan, dhcproto_v6_reply_to_plan,
    v4_ack,
};
use ztp_options::samples::V6_REPLY;
use ztp_options::v4::{Lease, Message, Option43};
use ztp_options::{resolve_v4, resolve_v6};

/// The workloads, by name.
const WORKLOADS: &[&str] = &[
    "walk/hand",
    "walk/nom",
    "v4_lease_to_plan/ztp",
    "v4_lease_to_plan/dhcproto",
    "v4_lease_to_plan/dhcproto_borrowed",
    "v6_reply_to_plan/ztp",
    "v6_reply_to_plan/dhcproto",
    "v4_option43_decode/ztp",
    "v4_option43_decode/memcpy",
];

/// `numerator / denominator` must be at least (`true`) or at most
/// (`false`) `goal`.
struct Pair {
    numerator: &'static str,
    denominator: &'static str,
    at_least: bool,
    goal: f64,
    what: &'static str,
}

const PAIRS: &[Pair] = &[
    Pair {
        numerator: "walk/nom",
        denominator: "walk/hand",
        at_least: false,
        goal: 1.03,
        what: "nom walk / hand walk (keep the hand walk when over 1.03)",
    },
    Pair {
        numerator: "v4_lease_to_plan/dhcproto",
        denominator: "v4_lease_to_plan/ztp",
        at_least: true,
        goal: 10.0,
        what: "ACK to plan: dhcproto owned / ztp",
    },
    Pair {
        numerator: "v4_lease_to_plan/dhcproto_borrowed",
        denominator: "v4_lease_to_plan/ztp",
        at_least: true,
        goal: 3.0,
        what: "ACK to plan: dhcproto borrowed / ztp",
    },
    Pair {
        numerator: "v6_reply_to_plan/dhcproto",
        denominator: "v6_reply_to_plan/ztp",
        at_least: true,
        goal: 10.0,
        what: "REPLY to plan: dhcproto / ztp",
    },
];

/// Runs one workload `n` times.
fn run(name: &str, n: u64) -> Result<(), String> {
    let ack = v4_ack();
    let o43 = Lease::parse(&ack)
        .ok()
        .and_then(|l| l.option43().ok().flatten().map(|o| o.as_bytes().to_vec()))
        .ok_or("the sample ACK has option 43")?;
    let mut buf = vec![0u8; o43.len()];
    for _ in 0..n {
        match name {
            "walk/hand" => {
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
            "v4_lease_to_plan/ztp" => {
                let lease = Lease::parse(black_box(&ack)).map_err(|e| e.to_string())?;
                black_box(resolve_v4(&lease).map_err(|e| e.to_string())?);
            }
            "v4_lease_to_plan/dhcproto" => {
                black_box(dhcproto_v4_lease_to_plan(black_box(&ack)));
            }
            "v4_lease_to_plan/dhcproto_borrowed" => {
                black_box(dhcproto_borrowed_v4_lease_to_plan(black_box(&ack)));
            }
            "v6_reply_to_plan/ztp" => {
                let lease = ztp_options::v6::Lease::parse(black_box(V6_REPLY))
                    .map_err(|e| e.to_string())?;
                black_box(resolve_v6(&lease).map_err(|e| e.to_string())?);
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
            "v4_option43_decode/memcpy" => {
                buf.copy_from_slice(black_box(&o43));
                black_box(&buf);
            }
            other => return Err(format!("no workload {other:?}")),
        }
    }
    Ok(())
}

/// Total instructions of `self run NAME n` under callgrind.
fn count(name: &str, n: u64) -> Result<u64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(&exe)
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let [_, cmd, name, n] = &args[..]
        && cmd == "run"
    {
        let n = n.parse().unwrap_or(1);
        return match run(name, n) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    const N: u64 = 1000;
    let mut per_call = Vec::new();
    for name in WORKLOADS {
        let measured = count(name, 1).and_then(|one| Ok((one, count(name, N + 1)?)));
        match measured {
            Ok((one, many)) => {
                let cost = many.saturating_sub(one) as f64 / N as f64;
                println!("{name:<38} {cost:>10.0} instructions per call");
                per_call.push((*name, cost));
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    println!();
    let cost = |name: &str| per_call.iter().find(|(n, _)| *n == name).map(|(_, c)| *c);
    let mut met = true;
    for p in PAIRS {
        let (Some(a), Some(b)) = (cost(p.numerator), cost(p.denominator)) else {
            continue;
        };
        let ratio = a / b;
        let ok = if p.at_least {
            ratio >= p.goal
        } else {
            ratio <= p.goal
        };
        met &= ok;
        let op = if p.at_least { ">=" } else { "<=" };
        let verdict = if ok { "met" } else { "NOT met" };
        println!(
            "{:<60} {ratio:>7.2} (goal {op} {}) {verdict}",
            p.what, p.goal
        );
    }
    if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
