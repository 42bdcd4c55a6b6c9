//! `ztp sniff`: read the first line of a fetched file (and no more than
//! the 512 bytes magic numbers need) and say what the device will do with it.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use std::io::Read as _;

use serde::Serialize;
use ztp_script_detect::{ConfigFormat, Kind, Platform, Sniffer, Status, Verdict};

#[derive(Serialize)]
struct SniffJson<'a> {
    kind: &'static str,
    interpreter: Option<String>,
    path: Option<&'a str>,
    arguments: Vec<&'a str>,
    format: Option<String>,
    platform: String,
    runs: Option<bool>,
    verdict: Option<String>,
    diagnostics: Vec<String>,
    bytes_read: usize,
}

fn platform(arg: PlatformArg) -> Platform {
    match arg {
        PlatformArg::Junos => Platform::JunosOs,
        PlatformArg::JunosEnhancedAutomation => Platform::JunosOsEnhancedAutomation,
        PlatformArg::JunosEvolved => Platform::JunosOsEvolved,
    }
}

pub(crate) fn run(args: &SniffArgs) -> u8 {
    let stdin = args.file.as_os_str() == "-";
    let name = if stdin {
        "standard input".to_owned()
    } else {
        args.file.display().to_string()
    };
    let mut file: Box<dyn std::io::Read> = if stdin {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(&args.file) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("ztp: cannot open {name}: {e}");
                return 2;
            }
        }
    };
    let mut sniffer = Sniffer::new();
    let mut chunk = [0u8; 4096];
    let mut read = 0usize;
    // Feed until the sniffer has its answer or the file ends: it never asks
    // for more than its bound, so a huge file costs one or two reads.
    loop {
        let n = match file.read(&mut chunk) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("ztp: cannot read {}: {e}", name);
                return 2;
            }
        };
        read += n;
        if n == 0 {
            break;
        }
        match sniffer.feed(chunk.get(..n).unwrap_or(&[])) {
            Ok(Status::Complete(_)) => break,
            Ok(Status::Partial) => {}
            Err(e) => {
                eprintln!("ztp: {}: {e}", name);
                return 2;
            }
        }
    }
    let result = match sniffer.finish() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("ztp: {}: {e}", name);
            return 2;
        }
    };
    let platform = platform(args.platform);
    let verdict: Option<Verdict> = result.kind.script().map(|s| s.can_run_on(platform));
    // R24, R28: a file that is not text is a configuration whose commit will
    // fail; the device fails on it as on a script it refuses.
    let commit_fails = matches!(result.kind, Kind::Configuration(ConfigFormat::Binary(_)));
    let refused = verdict.is_some_and(|v| !v.runs()) || commit_fails;
    if args.json {
        let script = result.kind.script();
        let json = SniffJson {
            kind: match result.kind {
                Kind::Script(_) => "script",
                // R24 has two kinds; a binary file is a configuration too.
                // (`Kind` is non-exhaustive, hence the wildcard.)
                _ => "configuration",
            },
            interpreter: script.map(|s| format!("{:?}", s.interpreter()).to_lowercase()),
            path: script.map(|s| s.path()),
            arguments: script.map(|s| s.arguments().collect()).unwrap_or_default(),
            format: match &result.kind {
                Kind::Configuration(f) => Some(f.to_string()),
                _ => None,
            },
            platform: platform.to_string(),
            runs: verdict.map(Verdict::runs),
            verdict: verdict.map(|v| v.to_string()),
            diagnostics: result.diagnostics.iter().map(|d| d.to_string()).collect(),
            bytes_read: read,
        };
        match serde_json::to_string_pretty(&json) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("ztp: cannot write json: {e}");
                return 2;
            }
        }
    } else {
        println!("{}: {}", name, result.kind);
        if let Some(v) = verdict {
            println!("  on {platform}: {v}");
        }
        for d in result.diagnostics.iter() {
            match d.rule() {
                Some(rule) => println!("  warning [{rule}]: {d}"),
                None => println!("  warning: {d}"),
            }
        }
        if commit_fails {
            println!(
                "  an image given as the config file? ztp moves on to the next interface (R28)"
            );
        }
    }
    u8::from(refused)
}

/// A platform, as `--platform` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PlatformArg {
    /// Junos OS (no unsigned Python).
    Junos,
    /// Junos OS with Enhanced Automation.
    JunosEnhancedAutomation,
    /// Junos OS Evolved.
    JunosEvolved,
}

/// Arguments of `ztp sniff`.
///
/// Exit codes: 0 a file the device runs or commits, 1 a script the platform
/// refuses (R25) or a configuration whose commit will fail (a file that is not
/// text, R24, R28), 2 no verdict (an interpreter path longer than what is
/// read, a `#!` line that is not UTF-8) or an unreadable file.
#[derive(Debug, Args)]
pub(crate) struct SniffArgs {
    /// The fetched file, or `-` for standard input. Only its first line,
    /// within the first 512 bytes (which also give the magic numbers), is
    /// read.
    #[arg(value_name = "FILE|-")]
    pub(crate) file: PathBuf,
    /// The device's platform, for the unsigned-Python policy (R25).
    #[arg(long, value_enum, default_value_t = PlatformArg::Junos)]
    pub(crate) platform: PlatformArg,
    /// Print JSON.
    #[arg(long)]
    pub(crate) json: bool,
}
