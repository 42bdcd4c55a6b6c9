//! Instructions per call under callgrind, with the goals (see
//! `ztp_benches::instructions`).
//!
//! ```text
//! cargo build --release -p ztp-benches --bin instructions
//! target/release/instructions            # measure every workload, print the tables
//! target/release/instructions run NAME N # one workload, N iterations (what valgrind runs)
//! ```
//!
//! Exits 1 when a goal is not met, 2 on an error.

use std::process::ExitCode;

use ztp_benches::instructions;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let [_, cmd, name, n] = &args[..]
        && cmd == "run"
    {
        return match instructions::run(name, n.parse().unwrap_or(1)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match instructions::measure(&exe) {
        Ok(costs) if instructions::print(&costs) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
