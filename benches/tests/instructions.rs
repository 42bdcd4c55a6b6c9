//! The lease path's instruction counts, and those of `ztp explain --json`
//! and `--summary` per reply of a capture, printed beside their goals in
//! the test log (issue 28), and held under ceilings so the shape cannot drift
//! back: counted by callgrind on the `instructions` binary of this build
//! (`ztp_benches::instructions`: `(count(N+1) - count(1)) / N`).
//!
//! The counts mean something only for the release profile (LTO, one
//! codegen unit): `cargo test --release -p ztp-benches --test instructions
//! -- --nocapture` (CI runs it so). A debug build runs each workload once,
//! without valgrind, to check that it works; without valgrind the counts
//! are skipped with a message, unless `ZTP_INSTRUCTIONS=1` asks for them
//! (then a missing valgrind fails).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use ztp_benches::instructions::{WORKLOADS, measure, print};

/// Ceilings on instructions per call, about 5 % above what this shape
/// measures (the benches' README): a regression fails here, an
/// improvement lowers them.
const CEILINGS: &[(&str, f64)] = &[
    ("v4_lease_to_plan/ztp", 1_400.0),
    ("v4_select_to_plan/ztp", 1_440.0),
    ("v6_reply_to_plan/ztp", 2_710.0),
    ("v4_option43_decode/ztp", 445.0),
    // Issue 28 part 2: a capture's reply through `explain --json` and
    // `--summary` (the capture reader left out).
    ("explain_json/ztp", 23_000.0),
    ("explain_summary/ztp", 1_500.0),
];

#[test]
fn lease_path_instruction_counts_beside_their_goals() {
    let exe = Path::new(env!("CARGO_BIN_EXE_instructions"));
    if cfg!(debug_assertions) {
        for name in WORKLOADS {
            let out = Command::new(exe).args(["run", name, "1"]).output().unwrap();
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        println!(
            "instruction counts: a debug build (each workload ran once); \
             run `cargo test --release -p ztp-benches --test instructions -- --nocapture`"
        );
        return;
    }
    let has_valgrind = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_valgrind {
        assert!(
            std::env::var_os("ZTP_INSTRUCTIONS").is_none(),
            "ZTP_INSTRUCTIONS is set and valgrind is missing"
        );
        println!("instruction counts: skipped, no valgrind (apt-get install valgrind)");
        return;
    }
    let costs = measure(exe).unwrap();
    // The tables, goals and whether each is met (not all are: README).
    print(&costs);
    for (name, ceiling) in CEILINGS {
        let (_, cost) = costs.iter().find(|(n, _)| n == name).unwrap();
        assert!(
            cost <= ceiling,
            "{name}: {cost:.0} instructions per call, over its ceiling {ceiling:.0}"
        );
    }
}
