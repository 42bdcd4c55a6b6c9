//! The `ztp` command as a library: [`run`] is the whole command line. What
//! `ztp explain` shows and reads (the report, JSON Lines, the summary, the
//! hex and capture readers) is the `ztp-explain` library, which other
//! front ends share.
//!
//! `ztp`: what will a switch do with this DHCP reply, which bytes must a
//! server send, and is this fetched file a script or a configuration?
//!
//! ```text
//! ztp explain [HEX | - | --pcap FILE|-] [--v4 | --v6] [--json] [--summary]
//!             [--mac MAC] [--xid XID] [--all] [--secure-ztp]
//! ztp encode --image NAME [--symlink] [--config NAME] --mode MODE --server IP [--port N] ...
//! ztp sniff FILE|- [--platform junos|junos-enhanced-automation|junos-evolved] [--json]
//!           [--vendor NAME] [--option CODE] [--name FILE_NAME]
//! ztp simulate --pcap FILE|- --files DIR
//! ztp probe (--iface IFACE | --server ADDR --relay-address ADDR) [--vendor NAME]
//!           [--model M] [--serial S] [--mac MAC] [--v6] [--lease [--keep]] [--json]
//! ztp completions SHELL
//! ztp man [--dir DIR]
//! ```
//!
//! Exit codes: see [`EXIT_CODES`].
//!
//! # Rules
//!
//! Rule ids (`R12`) in these docs, in logs and in test names are the ones
//! of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md) in the
//! repository: every rule R1..R35 in our words, where the vendor guide or an
//! RFC says it, and the choice made where they are silent.

mod encode;
mod explain;
mod probe;
mod serve;
mod simulate;
mod sniff;
mod switch;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory as _, Parser, Subcommand};

/// The exit codes of every command, as `--help` and the man page list them.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  a plan (explain), options written (encode), a file the device runs or commits (sniff),
     a switch provisioned (simulate)
  1  ZTP cannot proceed on a reply (explain: any reply shown; --summary: any client's last
     reply; with --secure-ztp a valid SZTP redirect provisions), a capture with no reply or
     a --mac/--xid that matches nothing (explain), the platform refuses the file or its
     commit will fail (sniff), the switch is not provisioned (simulate)
  2  bad input: a message or capture that does not decode or is cut short, bad hex, a
     refused encoding, an unreadable file, a bad argument
  3  probe: no server answered a message within --timeout (after its retries)
  4  probe: it cannot send or listen (not root / no CAP_NET_RAW or CAP_NET_BIND_SERVICE, a
     port in use, no such interface, no IPv6 link-local address)";

/// Zero Touch Provisioning over DHCP: explain a lease, encode options, sniff a file.
#[derive(Debug, Parser)]
#[command(name = "ztp", version, about, long_about = None, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode a DHCPv4 or DHCPv6 reply, resolve it and print the plan: image,
    /// config, transfer mode, file server, fetch URLs, and the decision log.
    /// With no input, explains the embedded samples (one v4, one v6).
    #[command(after_help = EXIT_CODES)]
    Explain(explain::ExplainArgs),
    /// Print the exact DHCP options a server must send for a plan.
    #[command(after_help = EXIT_CODES)]
    Encode(Box<encode::EncodeArgs>),
    /// Tell whether a fetched file is a script (and whether the platform runs
    /// it) or a configuration, from its first line.
    #[command(after_help = EXIT_CODES)]
    Sniff(sniff::SniffArgs),
    /// Replay the DHCP replies of a capture into the ZTP agent, serve its
    /// fetches from a directory, and print what the switch would do, step
    /// by step with the rule behind each, ending provisioned or not.
    #[command(after_help = EXIT_CODES)]
    Simulate(simulate::SimulateArgs),
    /// Ask the DHCP servers what they tell a given switch, without the
    /// switch: send what it sends (its vendor's identity) on an interface
    /// or as a relay agent, and explain every answer as `explain` does.
    /// Stops at the OFFER/ADVERTISE unless --lease.
    #[command(after_help = EXIT_CODES)]
    Probe(Box<probe::ProbeArgs>),
    /// Print the completion script of a shell (bash, zsh, fish, elvish,
    /// powershell): `ztp completions bash > /etc/bash_completion.d/ztp`.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a
    /// directory: `ztp man | man -l -`.
    Man(ManArgs),
}

/// Arguments of `ztp completions`.
#[derive(Debug, Args)]
struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Arguments of `ztp man`.
#[derive(Debug, Args)]
struct ManArgs {
    /// Write `ztp.1`, `ztp-explain.1`, ... into this directory instead of
    /// printing `ztp.1`.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

fn completions(args: &CompletionsArgs) -> u8 {
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut cmd, "ztp", &mut out);
    match out.flush() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("ztp: cannot write the completions: {e}");
            2
        }
    }
}

fn man(args: &ManArgs) -> u8 {
    let cmd = Cli::command();
    let written = match &args.dir {
        Some(dir) => clap_mangen::generate_to(cmd, dir),
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .and_then(|()| out.flush())
        }
    };
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("ztp: cannot write the man page: {e}");
            2
        }
    }
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
        Command::Probe(args) => probe::run(&args),
        Command::Completions(args) => completions(&args),
        Command::Man(args) => man(&args),
    };
    ExitCode::from(code)
}

/// The README's code blocks, seen by rustdoc (shell commands, so none runs).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
