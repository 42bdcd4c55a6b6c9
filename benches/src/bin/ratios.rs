//! Prints one line per benchmark pair: the ratio of criterion's mean
//! estimates and the goal, read from
//! `target/criterion/<group>/<id>/new/estimates.json`.
//!
//! Then the same pairs in instructions per call, counted by callgrind
//! (`ztp_benches::instructions`: this binary runs itself under valgrind),
//! with their goals.
//!
//! Usage: `cargo run --release -p ztp-benches --bin ratios [CRITERION_DIR]`
//! after `cargo bench -p ztp-benches`. Exits 1 when a goal is not met, 2
//! when a result is missing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `numerator / denominator` must be at least (`true`) or at most
/// (`false`) `goal`; no goal: reported only.
struct Pair {
    numerator: &'static str,
    denominator: &'static str,
    at_least: bool,
    goal: Option<f64>,
}

const PAIRS: &[Pair] = &[
    Pair {
        numerator: "v4_lease_to_plan/dhcproto",
        denominator: "v4_lease_to_plan/ztp",
        at_least: true,
        goal: Some(10.0),
    },
    Pair {
        numerator: "v4_lease_to_plan/dhcproto_borrowed",
        denominator: "v4_lease_to_plan/ztp",
        at_least: true,
        goal: Some(3.0),
    },
    Pair {
        numerator: "v6_reply_to_plan/dhcproto",
        denominator: "v6_reply_to_plan/ztp",
        at_least: true,
        goal: Some(10.0),
    },
    Pair {
        numerator: "v4_option43_decode/ztp",
        denominator: "v4_option43_decode/memcpy",
        at_least: false,
        goal: Some(5.0),
    },
    Pair {
        numerator: "v4_encode/dhcproto",
        denominator: "v4_encode/ztp",
        at_least: true,
        goal: None,
    },
    Pair {
        numerator: "sniff/64MiB",
        denominator: "sniff/1KiB",
        at_least: false,
        goal: Some(1.5),
    },
];

/// The mean estimate of one benchmark, in nanoseconds.
fn mean_ns(dir: &Path, id: &str) -> Option<f64> {
    let path = dir.join(id).join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("mean")?.get("point_estimate")?.as_f64()
}

fn criterion_dir() -> PathBuf {
    if let Some(dir) = std::env::args_os().nth(1) {
        return PathBuf::from(dir);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("criterion")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let [_, cmd, name, n] = &args[..]
        && cmd == "run"
    {
        return match ztp_benches::instructions::run(name, n.parse().unwrap_or(1)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    let dir = criterion_dir();
    println!("Criterion means, one run:");
    println!();
    let mut status = ExitCode::SUCCESS;
    println!(
        "| pair | {:>12} | {:>12} | ratio | goal | met |",
        "numerator", "denominator"
    );
    println!("| --- | ---: | ---: | ---: | --- | --- |");
    for p in PAIRS {
        let name = format!("{} / {}", p.numerator, p.denominator);
        let (Some(n), Some(d)) = (mean_ns(&dir, p.numerator), mean_ns(&dir, p.denominator)) else {
            println!("| {name} | missing: run `cargo bench -p ztp-benches` | | | | |");
            status = ExitCode::from(2);
            continue;
        };
        let ratio = n / d;
        let (goal, met) = match p.goal {
            None => ("(none)".to_owned(), "-"),
            Some(goal) => {
                let met = if p.at_least {
                    ratio >= goal
                } else {
                    ratio <= goal
                };
                if !met && status == ExitCode::SUCCESS {
                    status = ExitCode::from(1);
                }
                let op = if p.at_least { ">=" } else { "<=" };
                (format!("{op} {goal}"), if met { "yes" } else { "NO" })
            }
        };
        println!("| {name} | {n:>9.1} ns | {d:>9.1} ns | {ratio:.2} | {goal} | {met} |");
    }
    println!();
    println!("Instructions per call (callgrind):");
    println!();
    let measured = std::env::current_exe()
        .map_err(|e| e.to_string())
        .and_then(|exe| ztp_benches::instructions::measure(&exe));
    match measured {
        Ok(costs) => {
            if !ztp_benches::instructions::print(&costs) && status == ExitCode::SUCCESS {
                status = ExitCode::from(1);
            }
        }
        Err(e) => {
            println!("not measured: {e}");
            status = ExitCode::from(2);
        }
    }
    status
}
