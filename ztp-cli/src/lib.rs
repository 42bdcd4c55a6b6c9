//! The `ztp` command as a library: [`run`] is the whole command line,
//! and [`input`] and [`pcap`] (the hex and capture readers) are public for
//! the fuzz checks and tests that drive them.
//!
//! `ztp`: what will a switch do with this DHCP reply, which bytes must a
//! server send, and is this fetched file a script or a configuration?
//!
//! ```text
//! ztp explain [HEX | --pcap FILE | -] [--v4 | --v6] [--json]
//! ztp encode --image NAME [--symlink] [--config NAME] --mode MODE --server IP [--port N] ...
//! ztp sniff FILE [--platform junos|junos-enhanced-automation|junos-evolved] [--json]
//! ```
//!
//! Exit codes: 0 a plan (or a file the platform runs), 1 ZTP cannot proceed
//! (or the platform refuses the file, or its commit will fail), 2 bad input (a
//! message that does not decode, a refused encoding, unreadable files).

mod encode;
mod explain;
pub mod input;
pub mod pcap;
mod report;
mod simulate;
mod sniff;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Zero Touch Provisioning over DHCP: explain a lease, encode options, sniff a file.
#[derive(Debug, Parser)]
#[command(name = "ztp", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode a DHCPv4 or DHCPv6 reply, resolve it and print the plan: image,
    /// config, transfer mode, file server, fetch URLs, and the decision log.
    /// With no input, explains the embedded samples (one v4, one v6).
    Explain(explain::ExplainArgs),
    /// Print the exact DHCP options a server must send for a plan.
    Encode(encode::EncodeArgs),
    /// Tell whether a fetched file is a script (and whether the platform runs
    /// it) or a configuration, from its first line.
    Sniff(sniff::SniffArgs),
    /// Replay the DHCP replies of a capture into the ZTP agent, serve its
    /// fetches from a directory, and print what the switch would do, step
    /// by step with the rule behind each, ending provisioned or not.
    Simulate(simulate::SimulateArgs),
}

/// Parses the command line of the process and runs the command; the exit
/// code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Explain(args) => explain::run(&args),
        Command::Encode(args) => encode::run(&args),
        Command::Sniff(args) => sniff::run(&args),
        Command::Simulate(args) => simulate::run(&args),
    };
    ExitCode::from(code)
}
