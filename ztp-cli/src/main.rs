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
//! (or the platform refuses the file), 2 bad input (a message that does not
//! decode, a refused encoding, unreadable files).

mod encode;
mod explain;
mod input;
mod pcap;
mod report;
mod sniff;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    Explain(ExplainArgs),
    /// Print the exact DHCP options a server must send for a plan.
    Encode(EncodeArgs),
    /// Tell whether a fetched file is a script (and whether the platform runs
    /// it) or a configuration, from its first line.
    Sniff(SniffArgs),
}

/// Arguments of `ztp explain`.
#[derive(Debug, Args)]
struct ExplainArgs {
    /// The message as hex (whitespace, colons and 0x allowed), or `-` to read
    /// hex from standard input.
    #[arg(value_name = "HEX|-", conflicts_with = "pcap")]
    hex: Option<String>,
    /// Explain every DHCP reply (v4 OFFER/ACK, v6 ADVERTISE/REPLY, also
    /// inside relay messages) in a pcap or pcapng capture.
    #[arg(long, value_name = "FILE")]
    pcap: Option<PathBuf>,
    /// Read the message as DHCPv4, whatever it looks like.
    #[arg(long, conflicts_with = "v6")]
    v4: bool,
    /// Read the message as DHCPv6, whatever it looks like.
    #[arg(long)]
    v6: bool,
    /// Print JSON: one object per message (an array with --pcap).
    #[arg(long)]
    json: bool,
}

/// A transfer mode, as `--mode` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// TFTP (port 69).
    Tftp,
    /// FTP, anonymous login (port 21).
    Ftp,
    /// HTTP (port 80; URLs of at most 256 characters).
    Http,
    /// HTTPS (port 443; URLs of at most 256 characters).
    Https,
}

/// How `ztp encode` prints the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One line per option instance: code, length, bytes as hex.
    Hex,
    /// A JSON array of {code, length, hex} per option instance.
    Json,
}

/// Arguments of `ztp encode`.
#[derive(Debug, Args)]
struct EncodeArgs {
    /// The software image file name (suboption 00). May end in `:port` for
    /// HTTP/HTTPS (R19).
    #[arg(long, value_name = "NAME")]
    image: Option<String>,
    /// The image name is a symbolic link (suboption 02 `symlink`).
    #[arg(long, requires = "image")]
    symlink: bool,
    /// The configuration or script file name (suboption 01).
    #[arg(long, value_name = "NAME")]
    config: Option<String>,
    /// The transfer mode (suboption 03; the option 59 scheme with --v6).
    #[arg(long, value_enum)]
    mode: Mode,
    /// The file server: an IP address literal, never a name (the device does
    /// no DNS). IPv4 goes in option 150; IPv6 (with --v6) in option 59.
    #[arg(long, value_name = "IP")]
    server: String,
    /// A port other than the mode's default (suboption 05 for DHCPv4, the
    /// option 59 URL for DHCPv6).
    #[arg(long, value_name = "N")]
    port: Option<String>,
    /// An NTP server (option 42); repeat for several. DHCPv4 only.
    #[arg(long, value_name = "IP")]
    ntp: Vec<String>,
    /// A syslog server (option 7); repeat for several. DHCPv4 only.
    #[arg(long, value_name = "IP")]
    syslog: Vec<String>,
    /// The device's host name (option 12). DHCPv4 only.
    #[arg(long, value_name = "NAME")]
    hostname: Option<String>,
    /// Encode DHCPv6 options 17 (enterprise 2636) and 59 instead of DHCPv4.
    #[arg(long)]
    v6: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Hex)]
    format: Format,
}

/// A platform, as `--platform` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlatformArg {
    /// Junos OS (no unsigned Python).
    Junos,
    /// Junos OS with Enhanced Automation.
    JunosEnhancedAutomation,
    /// Junos OS Evolved.
    JunosEvolved,
}

/// Arguments of `ztp sniff`.
#[derive(Debug, Args)]
struct SniffArgs {
    /// The fetched file. Only its first line (and the first 512 bytes, for
    /// magic numbers) is read.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The device's platform, for the unsigned-Python policy (R25).
    #[arg(long, value_enum, default_value_t = PlatformArg::Junos)]
    platform: PlatformArg,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Explain(args) => explain::run(&args),
        Command::Encode(args) => encode::run(&args),
        Command::Sniff(args) => sniff::run(&args),
    };
    ExitCode::from(code)
}
