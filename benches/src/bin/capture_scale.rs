//! `ztp explain` at capture scale against tshark, in one run.
//!
//! Builds captures on the fly from one committed reply (the ACK of the
//! vendored dnsmasq capture, `testkit/captures/dnsmasq-2.90-v4-ztp-good.pcap`,
//! frame 4), each frame with its own client (3,000 MAC addresses in turn)
//! and transaction id, then times, on the same files and in the same run:
//!
//! - `ztp explain --json --pcap FILE` (JSON Lines to /dev/null),
//! - `ztp explain --summary --pcap FILE`,
//! - `tshark -r FILE -T json` (to /dev/null), on the smaller capture
//!   (tshark takes seconds per 10,000 frames),
//!
//! each pinned to one core (`taskset -c 0`), with its peak memory (maximum
//! resident set, from GNU `time`); then streams a capture of `--stream-mb`
//! megabytes (1,000 by default) through a pipe into `ztp explain --pcap -`
//! (summary and JSON) for the memory figure of a capture larger than the
//! machine would want to hold.
//!
//! Usage (benches/capture-scale.sh builds the release binary and runs this):
//! `capture_scale ZTP_BINARY [--replies N] [--tshark-replies N]
//! [--stream-mb N] [--dir DIR] [--keep]`. Prints a table in the README's form.
//! Needs `tshark`, `taskset` and GNU `time` (`/usr/bin/time`).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use ztp_testkit::capture_writer::{Direction, pcap_header, push_record, udp_frame, with_client};

/// Distinct clients in a capture.
const CLIENTS: u32 = 3_000;

/// The committed reply: the dnsmasq ACK (frame 4 of the vendored capture).
fn committed_reply() -> Result<Vec<u8>, String> {
    let path = ztp_testkit::captures::path("dnsmasq-2.90-v4-ztp-good.pcap");
    let file = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let capture = ztp_explain::pcap::dhcp_messages(&file).map_err(|e| e.to_string())?;
    capture
        .found
        .into_iter()
        .find(|m| m.frame == 4)
        .map(|m| m.payload)
        .ok_or_else(|| "no frame 4 in the dnsmasq capture".into())
}

/// Frame `i` of a capture: the reply for client `i % CLIENTS`, xid `i`.
fn record(out: &mut Vec<u8>, reply: &[u8], i: u32) {
    let c = i % CLIENTS;
    let mac = [0x2c, 0x6b, 0xf5, 0, (c >> 8) as u8, c as u8];
    let frame = udp_frame(&with_client(reply, mac, i), Direction::V4Reply);
    push_record(out, 1_714_564_800 + i / 1000, (i % 1000) * 1000, &frame);
}

fn write_capture(path: &Path, reply: &[u8], replies: u32) -> Result<u64, String> {
    let mut out = pcap_header();
    for i in 0..replies {
        record(&mut out, reply, i);
    }
    std::fs::write(path, &out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out.len() as u64)
}

/// CPU seconds (user + system: the machine is shared, so wall time
/// measures the neighbours too), wall seconds and peak resident memory
/// (KiB) of one run.
struct Run {
    seconds: f64,
    wall: f64,
    peak_kib: u64,
}

/// What writes a capture into a child's standard input.
type Feed<'a> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'a;

/// Runs `program args` under `taskset -c 0` and GNU time, stdout to
/// /dev/null, stdin from `stdin` (or nothing); the exit code must be in
/// `ok`.
fn run(
    program: &Path,
    args: &[&str],
    stdin: Option<&mut Feed<'_>>,
    ok: &[i32],
) -> Result<Run, String> {
    let report =
        std::env::temp_dir().join(format!("ztp-capture-scale-time-{}", std::process::id()));
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-f")
        .arg("%U %S %M")
        .arg("-o")
        .arg(&report)
        .arg("taskset")
        .arg("-c")
        .arg("0")
        .arg(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    if let Some(feed) = stdin
        && let Some(mut pipe) = child.stdin.take()
    {
        feed(&mut pipe).map_err(|e| format!("writing the capture into the pipe: {e}"))?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let wall = start.elapsed().as_secs_f64();
    let code = out.status.code().unwrap_or(-1);
    if !ok.contains(&code) {
        return Err(format!(
            "{} {args:?} exited {code}: {}",
            program.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
    let fields: Vec<&str> = text
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let bad = || format!("GNU time wrote {text:?}");
    let [user, system, peak] = fields.as_slice() else {
        return Err(bad());
    };
    let user: f64 = user.parse().map_err(|_| bad())?;
    let system: f64 = system.parse().map_err(|_| bad())?;
    let peak_kib = peak.parse().map_err(|_| bad())?;
    Ok(Run {
        seconds: (user + system).max(0.01),
        wall,
        peak_kib,
    })
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn main() -> ExitCode {
    match real_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("capture_scale: {e}");
            ExitCode::from(2)
        }
    }
}

fn real_main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let ztp = PathBuf::from(
        args.next()
            .ok_or("usage: capture_scale ZTP_BINARY [options]")?,
    );
    let mut replies = 200_000u32;
    let mut tshark_replies = 20_000u32;
    let mut stream_mb = 1_000u64;
    let mut dir = std::env::temp_dir();
    let mut keep = false;
    while let Some(flag) = args.next() {
        if flag == "--keep" {
            keep = true;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|e| format!("{flag} {value}: {e}"))
        };
        match flag.as_str() {
            "--replies" => replies = u32::try_from(number()?).map_err(|e| e.to_string())?,
            "--tshark-replies" => {
                tshark_replies = u32::try_from(number()?).map_err(|e| e.to_string())?;
            }
            "--stream-mb" => stream_mb = number()?,
            "--dir" => dir = PathBuf::from(&value),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let reply = committed_reply()?;
    let big = dir.join("ztp-capture-scale-big.pcap");
    let small = dir.join("ztp-capture-scale-small.pcap");
    let big_len = write_capture(&big, &reply, replies)?;
    let small_len = write_capture(&small, &reply, tshark_replies)?;
    let big_s = big.to_string_lossy().into_owned();
    let small_s = small.to_string_lossy().into_owned();
    println!(
        "reply: dnsmasq ACK, {} bytes; {CLIENTS} clients; captures of {replies} replies ({:.1} MB) \
         and {tshark_replies} replies ({:.1} MB)",
        reply.len(),
        big_len as f64 / 1e6,
        small_len as f64 / 1e6
    );
    println!();
    println!("| command | capture | replies/s (CPU time) | CPU s | wall s | peak memory |");
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    let line = |what: &str, capture: &str, n: u32, r: &Run| {
        println!(
            "| `{what}` | {capture} | {:.0} | {:.2} | {:.2} | {:.1} MiB |",
            f64::from(n) / r.seconds,
            r.seconds,
            r.wall,
            mib(r.peak_kib)
        );
    };
    let json_big = run(&ztp, &["explain", "--json", "--pcap", &big_s], None, &[0])?;
    line(
        "ztp explain --json --pcap",
        &format!("{replies} replies"),
        replies,
        &json_big,
    );
    let summary_big = run(
        &ztp,
        &["explain", "--summary", "--pcap", &big_s],
        None,
        &[0],
    )?;
    line(
        "ztp explain --summary --pcap",
        &format!("{replies} replies"),
        replies,
        &summary_big,
    );
    let json_small = run(&ztp, &["explain", "--json", "--pcap", &small_s], None, &[0])?;
    line(
        "ztp explain --json --pcap",
        &format!("{tshark_replies} replies"),
        tshark_replies,
        &json_small,
    );
    let summary_small = run(
        &ztp,
        &["explain", "--summary", "--pcap", &small_s],
        None,
        &[0],
    )?;
    line(
        "ztp explain --summary --pcap",
        &format!("{tshark_replies} replies"),
        tshark_replies,
        &summary_small,
    );
    let tshark = run(
        Path::new("tshark"),
        &["-r", &small_s, "-T", "json"],
        None,
        &[0],
    )?;
    line(
        "tshark -r FILE -T json",
        &format!("{tshark_replies} replies"),
        tshark_replies,
        &tshark,
    );

    // A capture larger than memory would want: streamed through a pipe.
    let target = stream_mb * 1_000_000;
    let mut one = Vec::new();
    record(&mut one, &reply, 0);
    let per_frame = one.len() as u64;
    let frames = u32::try_from(target / per_frame).unwrap_or(u32::MAX);
    let mut feed = |pipe: &mut dyn std::io::Write| -> std::io::Result<()> {
        pipe.write_all(&pcap_header())?;
        let mut chunk = Vec::with_capacity(1 << 20);
        for i in 0..frames {
            record(&mut chunk, &reply, i);
            if chunk.len() >= 1 << 20 {
                pipe.write_all(&chunk)?;
                chunk.clear();
            }
        }
        pipe.write_all(&chunk)
    };
    let streamed = format!("{stream_mb} MB through a pipe ({frames} replies)");
    let summary_pipe = run(
        &ztp,
        &["explain", "--summary", "--pcap", "-"],
        Some(&mut feed),
        &[0],
    )?;
    line(
        "ztp explain --summary --pcap -",
        &streamed,
        frames,
        &summary_pipe,
    );
    let json_pipe = run(
        &ztp,
        &["explain", "--json", "--pcap", "-"],
        Some(&mut feed),
        &[0],
    )?;
    line("ztp explain --json --pcap -", &streamed, frames, &json_pipe);
    println!();
    println!(
        "on the {tshark_replies}-reply capture, in CPU time: --json {:.0}x tshark's JSON, \
         --summary {:.0}x",
        tshark.seconds / json_small.seconds,
        tshark.seconds / summary_small.seconds
    );
    if keep {
        println!("captures kept: {big_s} {small_s}");
    } else {
        let _ = std::fs::remove_file(&big);
        let _ = std::fs::remove_file(&small);
    }
    Ok(())
}
