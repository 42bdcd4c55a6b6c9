//! `ztp explain` at capture scale, end to end: a capture streamed from
//! standard input in pieces, a capture cut short, the JSON Lines schema
//! (checked field by field against the committed examples), the summary,
//! the filters, and the command-line conventions (completions, the man
//! page, `-` for files, exit codes).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;
use ztp_options::v4::{Message, OptionCode, OptionSet};
use ztp_testkit::capture_writer::{Direction, pcap, with_client};

mod common;
use common::ztp;

fn data(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "data", name]
        .iter()
        .collect()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every line of the output as a JSON object.
fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Runs `ztp` with `input` on standard input.
fn ztp_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// The sample ACK for client `mac` with transaction id `xid`.
fn ack(mac: [u8; 6], xid: u32) -> Vec<u8> {
    with_client(ztp_options::samples::V4_ACK, mac, xid)
}

/// The sample ACK without options 150 and 66: no file server (R13).
fn ack_without_server(mac: [u8; 6], xid: u32) -> Vec<u8> {
    let mut set =
        OptionSet::from_message(&Message::new_checked(ztp_options::samples::V4_ACK).unwrap())
            .unwrap();
    set.remove(OptionCode::TFTP_SERVER_ADDRESS);
    set.remove(OptionCode::TFTP_SERVER_NAME);
    let mut msg = ztp_options::samples::V4_ACK[..240].to_vec();
    set.put(&mut msg).unwrap();
    with_client(&msg, mac, xid)
}

/// A DISCOVER from `mac`: the sample ACK turned into a request (op 1,
/// option 53 = 1) asking for options 1, 43, 66, 150 (option 55).
fn discover(mac: [u8; 6], xid: u32) -> Vec<u8> {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![1]).unwrap();
    set.insert(OptionCode::PARAMETER_REQUEST_LIST, vec![1, 43, 66, 150])
        .unwrap();
    set.insert(
        OptionCode::VENDOR_CLASS,
        b"Juniper-ex4300-48t-PE3716200150".to_vec(),
    )
    .unwrap();
    let mut msg = ztp_options::samples::V4_ACK[..240].to_vec();
    msg[0] = 1;
    set.put(&mut msg).unwrap();
    with_client(&msg, mac, xid)
}

const A: [u8; 6] = [0x2c, 0x6b, 0xf5, 0, 0, 0x0a];
const B: [u8; 6] = [0x2c, 0x6b, 0xf5, 0, 0, 0x0b];
const C: [u8; 6] = [0x2c, 0x6b, 0xf5, 0, 0, 0x0c];

/// Three clients: A and B get the sample plan, C first gets it and then a
/// reply with no file server; A also sends a DISCOVER first.
fn fleet() -> Vec<u8> {
    let msgs = [
        (discover(A, 1), Direction::V4Request),
        (ack(A, 1), Direction::V4Reply),
        (ack(B, 2), Direction::V4Reply),
        (ack(C, 3), Direction::V4Reply),
        (ack_without_server(C, 4), Direction::V4Reply),
    ];
    let refs: Vec<(&[u8], Direction)> = msgs.iter().map(|(m, d)| (&m[..], *d)).collect();
    pcap(&refs)
}

fn temp(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("ztp-capture-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn a_capture_piped_in_pieces_is_explained_as_it_arrives() {
    let capture = fleet();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .args(["explain", "--pcap", "-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            tx.send(line.unwrap()).unwrap();
        }
    });
    // The header and the first two frames (a DISCOVER and A's ACK), seven
    // bytes at a time, and then nothing: the ACK must come out while the
    // pipe is still open.
    let first = 24 + 2 * 16 + {
        let d = discover(A, 1).len() + 42;
        let a = ack(A, 1).len() + 42;
        d + a
    };
    for piece in capture[..first].chunks(7) {
        stdin.write_all(piece).unwrap();
        stdin.flush().unwrap();
    }
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the first reply is printed before the capture ends");
    let v: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["frame"], 2);
    assert_eq!(v["client"]["chaddr"], "2c:6b:f5:00:00:0a");
    // The rest, in pieces of 100 bytes.
    for piece in capture[first..].chunks(100) {
        stdin.write_all(piece).unwrap();
    }
    drop(stdin);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let rest: Vec<Value> = rx
        .try_iter()
        .map(|l| serde_json::from_str(&l).unwrap())
        .collect();
    let frames: Vec<u64> = rest.iter().map(|v| v["frame"].as_u64().unwrap()).collect();
    assert_eq!(frames, [3, 4, 5]);
    // The last reply cannot proceed (R13): exit 1.
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_capture_cut_in_its_last_frame_explains_everything_before_the_cut() {
    let capture = fleet();
    // Cut 10 bytes into the last frame (a capture still being written).
    let cut = &capture[..capture.len() - ack_without_server(C, 4).len() + 10 - 42];
    let o = ztp_stdin(&["explain", "--pcap", "-", "--json"], cut);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("standard input: the capture is cut or damaged after frame 4"),
        "{}",
        stderr(&o)
    );
    let frames: Vec<u64> = lines(&o)
        .iter()
        .map(|v| v["frame"].as_u64().unwrap())
        .collect();
    assert_eq!(frames, [2, 3, 4]);
    // The same from a file, in text.
    let path = temp("cut.pcap", cut);
    let o = ztp(&["explain", "--pcap", &path]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o).matches("DHCPv4 ACK").count(),
        3,
        "{}",
        stdout(&o)
    );
}

/// Compares `actual` with `expected` key by key, naming the first field
/// that differs.
fn same_fields(path: &str, expected: &Value, actual: &Value) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let mut ek: Vec<&String> = e.keys().collect();
            let mut ak: Vec<&String> = a.keys().collect();
            ek.sort();
            ak.sort();
            assert_eq!(ek, ak, "the keys of {path}");
            for (k, v) in e {
                same_fields(&format!("{path}.{k}"), v, &a[k]);
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "the length of {path}");
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                same_fields(&format!("{path}[{i}]"), e, a);
            }
        }
        (e, a) => assert_eq!(e, a, "{path}"),
    }
}

#[test]
fn json_lines_match_the_committed_examples_field_by_field() {
    for (capture, example) in [
        ("v4-ethernet.pcap", "explain-v4.jsonl"),
        ("v6-ethernet.pcap", "explain-v6.jsonl"),
    ] {
        let o = ztp(&[
            "explain",
            "--pcap",
            data(capture).to_str().unwrap(),
            "--json",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = std::fs::read_to_string(data(example)).unwrap();
        let expected: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let actual = lines(&o);
        assert_eq!(expected.len(), actual.len(), "{example}");
        for (e, a) in expected.iter().zip(&actual) {
            same_fields(example, e, a);
        }
        // What the README promises of every line.
        for v in &actual {
            assert_eq!(v["schema"], 1);
            assert_eq!(v["kind"], "reply");
            assert!(v["frame"].is_u64());
            assert!(v["time"].as_str().unwrap().ends_with('Z'));
            assert!(v["xid"].as_str().unwrap().starts_with("0x"));
            assert!(v["client"].is_object());
            for d in v["decisions"].as_array().unwrap() {
                assert!(
                    d["kind"]
                        .as_str()
                        .unwrap()
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{d}"
                );
                assert!(d["rule"].is_string() && d["message"].is_string(), "{d}");
            }
        }
    }
    // Hex input is JSON Lines too: one object, one line, no frame.
    let o = ztp(&[
        "explain",
        &common::hex(ztp_options::samples::V4_ACK),
        "--json",
    ]);
    let all = lines(&o);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["frame"], Value::Null);
    assert_eq!(all[0]["message"], "ACK");
    // The embedded samples: two lines.
    assert_eq!(lines(&ztp(&["explain", "--json"])).len(), 2);
}

#[test]
fn r13_the_summary_counts_clients_by_the_outcome_of_their_last_reply() {
    let path = temp("fleet.pcap", &fleet());
    let o = ztp(&["explain", "--pcap", &path, "--summary"]);
    // C's last reply cannot proceed.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("4 replies from 3 clients"), "{text}");
    let ok = text
        .lines()
        .find(|l| l.contains("ok (v4): http from 192.0.2.10"))
        .unwrap_or_else(|| panic!("{text}"));
    let counts: Vec<&str> = ok.split_whitespace().take(2).collect();
    assert_eq!(counts, ["2", "3"], "{ok}");
    assert!(
        ok.contains("image http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz"),
        "{ok}"
    );
    let failing = text.lines().find(|l| l.contains("[R13]")).unwrap();
    assert_eq!(
        failing.split_whitespace().take(2).collect::<Vec<_>>(),
        ["1", "1"]
    );
    assert!(
        text.contains(
            "clients whose last reply cannot proceed:\n  2c:6b:f5:00:00:0c  frame 5  [R13]"
        ),
        "{text}"
    );

    let o = ztp(&["explain", "--pcap", &path, "--summary", "--json"]);
    let all = lines(&o);
    assert_eq!(all.len(), 1);
    let s = &all[0];
    assert_eq!(s["schema"], 1);
    assert_eq!(s["kind"], "summary");
    assert_eq!(s["replies"], 4);
    assert_eq!(s["clients"], 3);
    assert_eq!(s["outcomes"][0]["status"], "ok");
    assert_eq!(s["outcomes"][0]["clients"], 2);
    assert_eq!(s["outcomes"][0]["file_server"], "192.0.2.10");
    assert_eq!(s["outcomes"][1]["status"], "cannot-proceed");
    assert_eq!(s["outcomes"][1]["rule"], "R13");
    let per: Vec<(String, u64)> = s["per_client"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["client"].as_str().unwrap().to_owned(),
                c["outcome"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        per,
        [
            ("2c:6b:f5:00:00:0a".to_owned(), 0),
            ("2c:6b:f5:00:00:0b".to_owned(), 0),
            ("2c:6b:f5:00:00:0c".to_owned(), 1)
        ]
    );
}

#[test]
fn the_filters_keep_one_client_one_transaction_or_every_message() {
    let path = temp("fleet-filters.pcap", &fleet());
    let frames = |args: &[&str]| -> Vec<u64> {
        let mut all = vec!["explain", "--pcap", &path, "--json"];
        all.extend_from_slice(args);
        lines(&ztp(&all))
            .iter()
            .map(|v| v["frame"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(frames(&[]), [2, 3, 4, 5]);
    assert_eq!(frames(&["--mac", "2c:6b:f5:00:00:0c"]), [4, 5]);
    assert_eq!(frames(&["--mac", "2C-6B-F5-00-00-0B"]), [3]);
    assert_eq!(frames(&["--xid", "0x00000004"]), [5]);
    assert_eq!(frames(&["--xid", "1", "--all"]), [1, 2]);
    assert_eq!(frames(&["--all"]), [1, 2, 3, 4, 5]);
    // --all shows what the device asked for and who it says it is.
    let o = ztp(&[
        "explain",
        "--pcap",
        &path,
        "--json",
        "--all",
        "--mac",
        "2c:6b:f5:00:00:0a",
    ]);
    let d = &lines(&o)[0];
    assert_eq!(d["kind"], "request");
    assert_eq!(d["message"], "DISCOVER");
    assert_eq!(d["requested"], serde_json::json!([1, 43, 66, 150]));
    assert_eq!(d["client"]["vendor_class"]["model"], "ex4300-48t");
    assert_eq!(d["client"]["vendor_class"]["serial"], "PE3716200150");
    // The summary takes the filters too.
    let o = ztp(&[
        "explain",
        "--pcap",
        &path,
        "--summary",
        "--mac",
        "2c:6b:f5:00:00:0c",
    ]);
    assert!(
        stdout(&o).starts_with("2 replies from 1 client\n"),
        "{}",
        stdout(&o)
    );
    // A v6 DUID-LL carries the MAC too.
    let v6 = data("v6-ethernet.pcap");
    let o = ztp(&[
        "explain",
        "--pcap",
        v6.to_str().unwrap(),
        "--json",
        "--mac",
        "2c:6b:f5:a1:b2:03",
    ]);
    assert_eq!(lines(&o).len(), 1);
    let o = ztp(&[
        "explain",
        "--pcap",
        v6.to_str().unwrap(),
        "--json",
        "--mac",
        "2c:6b:f5:a1:b2:04",
    ]);
    assert!(lines(&o).is_empty());
    // Issue 23: a filter that keeps nothing is not bad input (2) and not a
    // plan (0): 1, naming the clients that were seen.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("clients seen: 2c:6b:f5:a1:b2:03"),
        "{}",
        stderr(&o)
    );
    // Bad filter values are refused.
    let o = ztp(&["explain", "--pcap", &path, "--mac", "2c:6b"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not a mac address"));
    let o = ztp(&["explain", "--pcap", &path, "--xid", "zz"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_man_page_and_exit_codes_in_help() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = ztp(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let text = stdout(&o);
        assert!(
            text.contains("explain") && text.contains("--pcap"),
            "{shell}: {text}"
        );
    }
    assert!(stdout(&ztp(&["completions", "bash"])).contains("_ztp"));
    let o = ztp(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let o = ztp(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let man = stdout(&o);
    assert!(man.starts_with(".ie") || man.contains(".TH ztp"), "{man}");
    assert!(man.contains("explain"));
    assert!(
        man.contains("EXIT STATUS") || man.contains("Exit codes"),
        "{man}"
    );
    for args in [
        &["--help"][..],
        &["explain", "--help"],
        &["sniff", "--help"],
    ] {
        let help = stdout(&ztp(args));
        assert!(help.contains("Exit codes:"), "{args:?}: {help}");
        assert!(help.contains("2  bad input"), "{args:?}: {help}");
    }
}

#[test]
fn every_file_argument_takes_a_dash_for_standard_input() {
    // sniff -
    let o = ztp_stdin(&["sniff", "-"], b"#!/bin/sh\necho hi\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("standard input: "), "{}", stdout(&o));
    // explain --pcap -
    let capture = std::fs::read(data("v4-ethernet.pcap")).unwrap();
    let o = ztp_stdin(&["explain", "--pcap", "-", "--json"], &capture);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(lines(&o).len(), 1);
    // explain - (hex)
    let o = ztp_stdin(
        &["explain", "-"],
        common::hex(ztp_options::samples::V4_ACK).as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn encode_mac_without_a_server_format_is_an_error_not_ignored() {
    let base = [
        "encode",
        "--config",
        "a.conf",
        "--mode",
        "http",
        "--server",
        "192.0.2.1",
    ];
    let mut args = base.to_vec();
    args.extend(["--mac", "00:11:22:33:44:55"]);
    let o = ztp(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--mac"), "{}", stderr(&o));
    let mut args = base.to_vec();
    args.extend(["--mac", "00:11:22:33:44:55", "--format", "json"]);
    assert_eq!(ztp(&args).status.code(), Some(2));
    let mut args = base.to_vec();
    args.extend(["--mac", "00:11:22:33:44:55", "--format", "dnsmasq"]);
    let o = ztp(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
