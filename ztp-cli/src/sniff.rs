//! `ztp sniff`: read the first line of a fetched file (and no more than
//! the 512 bytes magic numbers need) and say what the device will do with it.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use std::io::Read as _;

use serde::Serialize;
use ztp_script_detect::{
    ConfigFormat, FileKind, Hint, Kind, Platform, Sniffer, Status, Vendor, VendorSniff,
    VendorSniffer, Verdict, dell, huawei,
};

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

/// The file to sniff (`-`: standard input) and its name for messages;
/// `None` (said on standard error) when it cannot be opened.
fn open(args: &SniffArgs) -> Option<(Box<dyn std::io::Read>, String)> {
    if args.file.as_os_str() == "-" {
        return Some((
            Box::new(std::io::stdin().lock()),
            "standard input".to_owned(),
        ));
    }
    let name = args.file.display().to_string();
    match std::fs::File::open(&args.file) {
        Ok(f) => Some((Box::new(f), name)),
        Err(e) => {
            eprintln!("ztp: cannot open {name}: {e}");
            None
        }
    }
}

pub(crate) fn run(args: &SniffArgs) -> u8 {
    if args.vendor != Vendor::Juniper {
        return run_vendor(args);
    }
    let Some((mut file, name)) = open(args) else {
        return 2;
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
/// text, R24, R28), or a file the vendor's rule refuses or cannot classify
/// (`--vendor`), 2 no verdict (an interpreter path longer than what is
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
    /// Whose rule decides (VENDORS.md G11): juniper (the default, R24..R26),
    /// arista, cisco-iosxe, cisco-nxos, cisco-iosxr, sonic, cumulus,
    /// dell-os10, aruba-aoscx, extreme-exos, nokia-srlinux, huawei-vrp.
    #[arg(long, value_name = "NAME", default_value = "juniper", value_parser = parse_vendor)]
    pub(crate) vendor: Vendor,
    /// The DHCP option that named the file (SONiC: 67/59 JSON, 239 script;
    /// Dell: 240 provisioning script).
    #[arg(long, value_name = "CODE")]
    pub(crate) option: Option<u16>,
    /// The file's name, for rules that go by extension (EXOS, Huawei);
    /// default: the name of FILE.
    #[arg(long, value_name = "FILE_NAME")]
    pub(crate) name: Option<String>,
}

fn parse_vendor(name: &str) -> Result<Vendor, String> {
    name.parse()
        .map_err(|e: ztp_script_detect::UnknownVendor| e.to_string())
}

/// The most of a Dell or Huawei file kept to show what it sets (its
/// verdict streams; only this display needs the text).
const SHOW_MAX: usize = 1 << 20;

#[derive(Serialize)]
struct VendorJson<'a> {
    vendor: &'static str,
    rules: &'static str,
    kind: &'static str,
    accepted: bool,
    format: Option<String>,
    language: Option<String>,
    path: Option<&'a str>,
    arguments: Vec<&'a str>,
    workflow: Option<String>,
    image: Option<String>,
    refusal: Option<String>,
    refusal_rule: Option<&'static str>,
    checksum: Option<ChecksumJson>,
    marker_at: Option<u64>,
    dell: Option<DellJson>,
    notes: Vec<NoteJson>,
    diagnostics: Vec<String>,
    settings: Vec<(String, String)>,
    bytes_read: u64,
}

#[derive(Serialize)]
struct ChecksumJson {
    algorithm: String,
    stated: Option<String>,
    computed: String,
    matches: bool,
}

#[derive(Serialize)]
struct DellJson {
    img_file: bool,
    cli_config_file: bool,
    post_script_file: bool,
    pre_config_line: Option<u64>,
    post_config_line: Option<u64>,
    carriage_return_line: Option<u64>,
}

#[derive(Serialize)]
struct NoteJson {
    rule: &'static str,
    note: String,
}

/// What a Dell provisioning script sets (D3) or a Huawei intermediate file
/// says (H6), from the text kept.
fn settings(found: &VendorSniff<'_>, text: &[u8]) -> Vec<(String, String)> {
    let Ok(text) = std::str::from_utf8(text) else {
        return Vec::new();
    };
    match (&found.vendor, &found.kind) {
        (Vendor::DellOs10, FileKind::Script(_)) => dell::assignments(text)
            .map(|a| (a.name.to_owned(), a.value.to_owned()))
            .collect(),
        (Vendor::HuaweiVrp, FileKind::Workflow(ztp_script_detect::Workflow::HuaweiIni)) => {
            huawei::ini_entries(text)
                .map(|e| (format!("[{}] {}", e.section, e.key), e.value.to_owned()))
                .collect()
        }
        (Vendor::HuaweiVrp, FileKind::Workflow(ztp_script_detect::Workflow::HuaweiCfg)) => {
            huawei::cfg_pairs(text)
                .map(|p| (p.key.to_owned(), p.value.to_owned()))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// `ztp sniff --vendor NAME`: the vendor's rule, streamed over the whole
/// file when the rule needs it (a marker, a checksum, JSON, a size bound).
fn run_vendor(args: &SniffArgs) -> u8 {
    let stdin = args.file.as_os_str() == "-";
    let Some((mut file, shown)) = open(args) else {
        return 2;
    };
    let file_name = args
        .name
        .clone()
        .or_else(|| (!stdin).then(|| shown.clone()));
    let hint = Hint {
        option: args.option,
        name: file_name.as_deref(),
    };
    let keep_text = matches!(args.vendor, Vendor::DellOs10 | Vendor::HuaweiVrp);
    let mut text = Vec::new();
    let mut sniffer = VendorSniffer::new(args.vendor, hint);
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("ztp: cannot read {shown}: {e}");
                return 2;
            }
        };
        let part = chunk.get(..n).unwrap_or_default();
        if keep_text && text.len() < SHOW_MAX {
            let room = SHOW_MAX - text.len();
            text.extend_from_slice(part.get(..room.min(n)).unwrap_or_default());
        }
        if sniffer.feed(part).is_complete() {
            break;
        }
    }
    let found = match sniffer.finish() {
        Ok(found) => found,
        Err(e) => {
            eprintln!("ztp: {shown}: {e}");
            return 2;
        }
    };
    let settings = settings(&found, &text);
    let shebang = match &found.kind {
        FileKind::Script(script) => script.shebang.as_ref(),
        _ => None,
    };
    if args.json {
        let json = VendorJson {
            vendor: found.vendor.name(),
            rules: found.vendor.rules(),
            kind: found.kind.name(),
            accepted: found.accepted(),
            format: match &found.kind {
                FileKind::Configuration(format) => Some(format.to_string()),
                _ => None,
            },
            language: match &found.kind {
                FileKind::Script(script) => Some(script.language.to_string()),
                _ => None,
            },
            path: shebang.map(|s| s.path()),
            arguments: shebang.map(|s| s.arguments().collect()).unwrap_or_default(),
            workflow: match &found.kind {
                FileKind::Workflow(workflow) => Some(workflow.to_string()),
                _ => None,
            },
            image: match &found.kind {
                FileKind::Image(image) => Some(image.to_string()),
                _ => None,
            },
            refusal: found.refusal.map(|r| r.to_string()),
            refusal_rule: found.refusal.map(|r| r.rule()),
            checksum: found.checksum.map(|c| ChecksumJson {
                algorithm: c.algorithm.to_string(),
                stated: c.stated.map(|d| d.to_string()),
                computed: c.computed.to_string(),
                matches: c.matches(),
            }),
            marker_at: found.marker_at,
            dell: found.dell.map(|d| DellJson {
                img_file: d.img_file,
                cli_config_file: d.cli_config_file,
                post_script_file: d.post_script_file,
                pre_config_line: d.pre_config_line,
                post_config_line: d.post_config_line,
                carriage_return_line: d.carriage_return_line,
            }),
            notes: found
                .notes
                .iter()
                .map(|n| NoteJson {
                    rule: n.rule(),
                    note: n.to_string(),
                })
                .collect(),
            diagnostics: found.diagnostics.iter().map(|d| d.to_string()).collect(),
            settings,
            bytes_read: sniffer.consumed(),
        };
        match serde_json::to_string_pretty(&json) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("ztp: cannot write json: {e}");
                return 2;
            }
        }
    } else {
        println!(
            "{shown}: {} ({}, {})",
            found.kind,
            found.vendor,
            found.vendor.rules()
        );
        if let Some(refusal) = found.refusal {
            println!("  refused [{}]: {refusal}", refusal.rule());
        }
        if let Some(c) = found.checksum {
            let stated = c
                .stated
                .map_or_else(|| "none".to_owned(), |d| d.to_string());
            println!(
                "  {}: stated {stated}, computed {} ({})",
                c.algorithm,
                c.computed,
                if c.matches() { "matches" } else { "mismatch" }
            );
        }
        if let Some(at) = found.marker_at {
            println!("  marker CUMULUS-AUTOPROVISIONING at byte offset {at}");
        }
        for (key, value) in &settings {
            println!("  {key} = {value:?}");
        }
        for d in found.diagnostics.iter() {
            match d.rule() {
                Some(rule) => println!("  warning [{rule}]: {d}"),
                None => println!("  warning: {d}"),
            }
        }
        for note in found.notes.iter() {
            println!("  note [{}]: {note}", note.rule());
        }
    }
    u8::from(!found.accepted())
}
