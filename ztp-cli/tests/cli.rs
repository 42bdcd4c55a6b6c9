//! The `ztp` binary end to end: real captures (built from `ztp encode`'s
//! output, see data/make_pcaps.py), hex input, JSON keys, exit codes.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::{hex, ztp};

fn ztp_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn data(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", name]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON Lines output: the object of a single line, or an array of
/// every line's object.
fn json(o: &Output) -> Value {
    let mut all: Vec<Value> = serde_json::Deserializer::from_slice(&o.stdout)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}: {}", stdout(o)));
    if all.len() == 1 {
        all.remove(0)
    } else {
        assert_eq!(
            stdout(o).lines().count(),
            all.len(),
            "one object per line: {}",
            stdout(o)
        );
        Value::Array(all)
    }
}

const KEYS: [&str; 29] = [
    "schema",
    "kind",
    "frame",
    "time",
    "message",
    "relays",
    "length",
    "xid",
    "client",
    "family",
    "status",
    "reason",
    "transfer_mode",
    "file_server",
    "image",
    "config",
    "ntp_servers",
    "syslog_servers",
    "hostname",
    "proxy",
    "sztp_redirect",
    "decisions",
    "warnings",
    "sztp_provisions",
    "diagnoses",
    "unknown_suboptions",
    "vendor",
    "identity",
    "vendor_plan",
];

fn assert_keys(v: &Value) {
    // R34: a value that does not decode gains a `<key>_error` sibling.
    let mut keys: Vec<&str> = v
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|k| !(k.ends_with("_error") && KEYS.contains(&k.trim_end_matches("_error"))))
        .collect();
    keys.sort_unstable();
    let mut expected = KEYS.to_vec();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    if let Some(image) = v["image"].as_object() {
        let mut k: Vec<&str> = image.keys().map(String::as_str).collect();
        k.sort_unstable();
        assert_eq!(k, ["error", "name", "port", "source", "symlink", "url"]);
    }
    if let Some(config) = v["config"].as_object() {
        let mut k: Vec<&str> = config.keys().map(String::as_str).collect();
        k.sort_unstable();
        assert_eq!(k, ["error", "name", "port", "source", "url"]);
    }
}

#[test]
fn explain_without_input_explains_both_samples() {
    let o = ztp(&["explain"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("embedded sample: DHCPv4 ACK, 388 bytes"),
        "{text}"
    );
    assert!(
        text.contains("embedded sample: DHCPv6 REPLY, 224 bytes"),
        "{text}"
    );
    assert!(
        text.contains("[R12] option 66 (\"192.0.2.10\") ignored because 150 is present"),
        "{text}"
    );
    let o = ztp(&["explain", "--json"]);
    let v = json(&o);
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 2);
    for r in all {
        assert_keys(r);
    }
    assert_eq!(all[0]["family"], "v4");
    assert_eq!(all[1]["family"], "v6");
    assert_eq!(all[1]["file_server"], "2001:db8::1");
}

#[test]
fn r19_r20_explain_pcap_ethernet_v4_with_port_suffix() {
    let o = ztp(&["explain", "--pcap", &data("v4-ethernet.pcap"), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Frame 1 is the client's DISCOVER: only replies are explained.
    let r = &json(&o);
    assert!(r.is_object(), "{r}");
    assert_keys(r);
    assert_eq!(r["status"], "ok");
    assert_eq!(r["reason"], Value::Null);
    assert_eq!(r["transfer_mode"], "http");
    assert_eq!(r["file_server"], "192.0.2.10");
    assert_eq!(
        r["image"]["name"],
        "/images/junos-install-ex-x86-64-23.4R2.tgz"
    );
    assert_eq!(r["image"]["symlink"], false);
    assert_eq!(r["image"]["source"], "suboption-00");
    assert_eq!(
        r["image"]["url"],
        "http://192.0.2.10/images/junos-install-ex-x86-64-23.4R2.tgz"
    );
    assert_eq!(r["image"]["port"], 80);
    assert_eq!(
        r["config"]["url"],
        "http://192.0.2.10:8088/dist/config/jn-switch35.config"
    );
    assert_eq!(r["config"]["port"], 8088);
    assert_eq!(r["ntp_servers"], serde_json::json!(["192.0.2.30"]));
    assert_eq!(r["syslog_servers"], serde_json::json!(["192.0.2.20"]));
    assert_eq!(r["hostname"], "ex4300-lab-01");
    let text = stdout(&ztp(&["explain", "--pcap", &data("v4-ethernet.pcap")]));
    assert!(text.starts_with("frame 2: DHCPv4 ACK, 379 bytes"), "{text}");
}

#[test]
fn explain_pcap_linux_cooked_and_raw_ip_relay() {
    let o = ztp(&["explain", "--pcap", &data("v4-sll.pcap"), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["file_server"], "192.0.2.10");
    let o = ztp(&["explain", "--pcap", &data("v6-relay-raw.pcap")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("frame 1: DHCPv6 REPLY in 1 relay message, 152 bytes"),
        "{text}"
    );
    let o = ztp(&["explain", "--pcap", &data("v6-ethernet.pcap"), "--json"]);
    let r = &json(&o);
    assert_keys(r);
    assert_eq!(r["image"]["url"], "https://[2001:db8::1]:8443/img/evo.tgz");
    assert_eq!(r["config"]["url"], "https://[2001:db8::1]:8443/cfg/sw.conf");
}

#[test]
fn r1_r3_explain_the_real_dnsmasq_captures() {
    // Vendored in the repository (testkit/captures/README.md says how they
    // were made), so this always runs.
    let bad = ztp_testkit::captures::path("dnsmasq-2.90-v4-ztp.pcap");
    let o = ztp(&["explain", "--pcap", bad.to_str().unwrap(), "--json"]);
    // Option 43 as the misconfigured dnsmasq sent it has a bad inner length
    // (R1): cannot proceed.
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["reason"]["rule"], "R1");

    // The well-configured server: a plan, option 66's NUL reported (R7).
    let good = ztp_testkit::captures::path("dnsmasq-2.90-v4-ztp-good.pcap");
    let o = ztp(&["explain", "--pcap", good.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    let ack = &v[1];
    assert_eq!(ack["status"], "ok");
    assert_eq!(ack["image"]["name"], "jinstall.tgz");
    assert_eq!(ack["config"]["name"], "jn.conf");
    assert_eq!(ack["transfer_mode"], "http");
    assert_eq!(ack["file_server"], "192.0.2.1");

    let v6 = ztp_testkit::captures::path("dnsmasq-2.90-v6-ztp.pcap");
    let o = ztp(&["explain", "--pcap", v6.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    let reply = v.as_array().unwrap().last().unwrap();
    assert_eq!(reply["family"], "v6");
    assert_eq!(reply["config"]["name"], "/cfg/sw.conf");
}

#[test]
fn explain_truncated_capture_and_garbage_exit_2() {
    let o = ztp(&["explain", "--pcap", &data("v4-truncated.pcap")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cut or damaged after frame 1"),
        "{}",
        stderr(&o)
    );
    let o = ztp(&["explain", "--pcap", &data("make_pcaps.py")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a pcap or pcapng capture"));
    let o = ztp(&["explain", "--pcap", "/nonexistent/file.pcap"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn explain_hex_argument_and_stdin() {
    let sample = hex(ztp_options::samples::V4_ACK);
    let o = ztp(&["explain", &sample, "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_keys(&v);
    assert_eq!(v["family"], "v4");
    // Colons, 0x, newlines: all accepted, from standard input.
    let spaced: Vec<String> = ztp_options::samples::V6_REPLY
        .iter()
        .map(|b| format!("0x{b:02x}"))
        .collect();
    let o = ztp_stdin(&["explain", "-", "--json"], &spaced.join(":\n"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["family"], "v6");
}

#[test]
fn explain_bad_hex_and_undecodable_messages() {
    let o = ztp(&["explain", "zz"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not a hex digit"));
    let o = ztp(&["explain", "abc"]);
    assert_eq!(o.status.code(), Some(2));
    let o = ztp(&["explain", "ff00"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("use --v4 or --v6"));
    // A bad magic cookie, forced as v4: the typed error with its offset.
    let mut msg = ztp_options::samples::V4_ACK.to_vec();
    msg[239] = 0x64;
    let o = ztp(&["explain", "--v4", &hex(&msg), "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let v = json(&o);
    assert_keys(&v);
    assert_eq!(v["status"], "undecodable");
    assert!(
        v["reason"]["message"]
            .as_str()
            .unwrap()
            .contains("at byte 236"),
        "{v}"
    );
}

#[test]
fn r13_cannot_proceed_exits_1_with_the_rule() {
    // The sample ACK without options 150 and 66.
    let mut set = ztp_options::v4::OptionSet::from_message(
        &ztp_options::v4::Message::new_checked(ztp_options::samples::V4_ACK).unwrap(),
    )
    .unwrap();
    set.remove(ztp_options::v4::OptionCode::TFTP_SERVER_ADDRESS);
    set.remove(ztp_options::v4::OptionCode::TFTP_SERVER_NAME);
    let mut msg = ztp_options::samples::V4_ACK[..240].to_vec();
    set.put(&mut msg).unwrap();
    let o = ztp(&["explain", &hex(&msg), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["reason"]["rule"], "R13");
    assert_eq!(v["file_server"], Value::Null);
}

fn options_area(encode_output: &str) -> Vec<u8> {
    let line = encode_output
        .lines()
        .find_map(|l| l.strip_prefix("options area: "))
        .expect("options area line");
    (0..line.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&line[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn encode_then_explain_gives_the_same_plan_v4() {
    let o = ztp(&[
        "encode",
        "--image",
        "/img/a.tgz",
        "--symlink",
        "--config",
        "/c/sw.conf:8088",
        "--mode",
        "https",
        "--server",
        "10.1.2.3",
        "--port",
        "8443",
        "--ntp",
        "10.0.0.30",
        "--syslog",
        "10.0.0.20",
        "--hostname",
        "sw1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let area = options_area(&stdout(&o));
    let mut msg = ztp_options::samples::V4_ACK[..240].to_vec();
    msg.extend_from_slice(&area);
    let v = json(&ztp(&["explain", &hex(&msg), "--json"]));
    assert_eq!(v["status"], "ok");
    assert_eq!(v["transfer_mode"], "https");
    assert_eq!(v["file_server"], "10.1.2.3");
    assert_eq!(v["image"]["name"], "/img/a.tgz");
    assert_eq!(v["image"]["symlink"], true);
    // R20: the suffix beats suboption 05, which beats the default.
    assert_eq!(v["config"]["url"], "https://10.1.2.3:8088/c/sw.conf");
    assert_eq!(v["image"]["url"], "https://10.1.2.3:8443/img/a.tgz");
    assert_eq!(v["ntp_servers"], serde_json::json!(["10.0.0.30"]));
    assert_eq!(v["syslog_servers"], serde_json::json!(["10.0.0.20"]));
    assert_eq!(v["hostname"], "sw1");
}

#[test]
fn encode_then_explain_gives_the_same_plan_v6() {
    let o = ztp(&[
        "encode",
        "--config",
        "/cfg/sw.conf",
        "--mode",
        "ftp",
        "--server",
        "2001:db8::9",
        "--v6",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let area = options_area(&stdout(&o));
    // A REPLY header (no options), then the printed options.
    let mut msg = ztp_options::v6::MessageRepr::reply(ztp_options::v6::OptionSet::new())
        .to_vec()
        .unwrap();
    msg.extend_from_slice(&area);
    let v = json(&ztp(&["explain", &hex(&msg), "--json"]));
    assert_eq!(v["family"], "v6");
    assert_eq!(v["transfer_mode"], "ftp");
    assert_eq!(v["config"]["url"], "ftp://[2001:db8::9]/cfg/sw.conf");
}

#[test]
fn encode_shows_rfc3396_splits() {
    let long = format!("/{}", "d/".repeat(120));
    let o = ztp(&[
        "encode",
        "--image",
        &format!("{long}img.tgz"),
        "--config",
        &format!("{long}c.conf"),
        "--mode",
        "tftp",
        "--server",
        "10.0.0.1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("option  43 len 255 (RFC 3396 part 1 of 2)"),
        "{text}"
    );
    let o = ztp(&[
        "encode", "--config", "/c", "--mode", "tftp", "--server", "10.0.0.1", "--format", "json",
    ]);
    let v = json(&o);
    assert_eq!(v[0]["code"], 43);
    assert_eq!(v[1]["code"], 150);
    assert_eq!(v[1]["hex"], "0a000001");
}

#[test]
fn r3_r21_r19_encode_refuses_what_the_device_rejects() {
    let o = ztp(&[
        "encode",
        "--config",
        "/c",
        "--mode",
        "http",
        "--server",
        "files.example.net",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("R3, R22"), "{}", stderr(&o));
    let o = ztp(&[
        "encode", "--config", "/c", "--mode", "http", "--server", "10.0.0.1", "--port", "0",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("R19, R20"));
    let long = format!("/{}", "x".repeat(250));
    let o = ztp(&[
        "encode", "--config", &long, "--mode", "http", "--server", "10.0.0.1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[R21]"), "{}", stderr(&o));
    // The same name over TFTP has no length limit.
    let o = ztp(&[
        "encode", "--config", &long, "--mode", "tftp", "--server", "10.0.0.1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ztp(&["encode", "--mode", "http", "--server", "10.0.0.1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("R18"));
}

fn temp_file(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("ztp-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn r24_r25_sniff_scripts_configs_and_images() {
    let py = temp_file("setup.py", b"#!/usr/bin/python\nimport os\n");
    let o = ztp(&["sniff", &py]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let o = ztp(&["sniff", &py, "--platform", "junos-evolved", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["kind"], "script");
    assert_eq!(v["path"], "/usr/bin/python");
    assert_eq!(v["runs"], true);
    let conf = temp_file("sw.conf", b"system {\n    host-name sw1;\n}\n");
    let o = ztp(&["sniff", &conf, "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["kind"], "configuration");
    let tgz = temp_file("image.tgz", &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    let o = ztp(&["sniff", &tgz]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("an image given as the config file"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("configuration: gzip data"),
        "{}",
        stdout(&o)
    );
    let crlf = temp_file("crlf.sh", b"#!/bin/sh\r\necho hi\r\n");
    let o = ztp(&["sniff", &crlf]);
    assert!(stdout(&o).contains("warning [R24]"), "{}", stdout(&o));
    let o = ztp(&["sniff", "/nonexistent"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn r24_sniff_a_binary_configuration_is_a_configuration_whose_commit_fails() {
    // A gzip header (a .tgz image given as the configuration file): magic
    // 1f 8b, method 08 (deflate), no flags, mtime 0, extra flags 0, OS 03.
    let tgz = temp_file("junos.tgz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03");
    let o = ztp(&["sniff", &tgz, "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["kind"], "configuration");
    assert_eq!(v["format"], "gzip data");
    assert_eq!(
        v["diagnostics"],
        serde_json::json!([
            "the file is not text: the device loads it as a configuration, and the commit will fail"
        ])
    );
    // A tar header block (`ustar` at offset 257), in text.
    let mut tar = vec![0u8; 512];
    tar[..10].copy_from_slice(b"junos.conf");
    tar[257..265].copy_from_slice(b"ustar\x0000");
    let tar = temp_file("junos.tar", &tar);
    let o = ztp(&["sniff", &tar]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains(": configuration: tar archive\n"), "{out}");
    assert!(
        out.contains(
            "  warning [R28]: the file is not text: the device loads it as a configuration, and the commit will fail\n"
        ),
        "{out}"
    );
    assert!(!out.contains("not a configuration"), "{out}");
}

#[test]
fn r24_sniff_a_long_shebang_line_with_a_whole_path_is_a_script() {
    // `#!/bin/sh -e `, 400 `x`, a newline, `exit 0`: a 414-byte first line
    // whose interpreter path ends at byte 9.
    let mut file = b"#!/bin/sh -e ".to_vec();
    file.resize(413, b'x');
    file.extend_from_slice(b"\nexit 0\n");
    let path = temp_file("long.sh", &file);
    let o = ztp(&["sniff", &path, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["kind"], "script");
    assert_eq!(v["path"], "/bin/sh");
    assert_eq!(v["runs"], true);
    assert_eq!(v["arguments"][1].as_str().map(str::len), Some(400));
    // `#!/`, then 600 `a`: the interpreter path runs past the 512 bytes
    // read. No verdict: exit 2, no JSON, the reason on stderr.
    let file = [b"#!/".as_slice(), &[b'a'; 600], b"\n"].concat();
    let path = temp_file("cut.sh", &file);
    let o = ztp(&["sniff", &path, "--json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("interpreter path runs past the 512 bytes read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn r26_sniff_reads_only_the_start_of_a_big_file() {
    let mut big = b"#!/bin/sh\n".to_vec();
    big.resize(8 << 20, b'#');
    let path = temp_file("big.sh", &big);
    let v = json(&ztp(&["sniff", &path, "--json"]));
    assert_eq!(v["kind"], "script");
    assert!(v["bytes_read"].as_u64().unwrap() <= 4096, "{v}");
}

#[test]
fn garbage_never_panics() {
    let mut state: u64 = 0x1234_5678_9abc_def1;
    for len in [1usize, 4, 100, 239, 240, 241, 300, 600] {
        for _ in 0..6 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect();
            for family in ["--v4", "--v6"] {
                let o = ztp(&["explain", family, &hex(&bytes)]);
                assert!(matches!(o.status.code(), Some(0..=2)), "{:?}", o.status);
                assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
            }
        }
    }
}

/// The options area of `ztp encode`, read back by ztp-options' own decoder:
/// the SZTP redirect's URIs, in order.
fn redirect_in(area: &[u8], v6: bool) -> Vec<String> {
    use ztp_options::{v4, v6 as v6m};
    if v6 {
        let mut msg = vec![7, 0, 0, 1];
        msg.extend_from_slice(area);
        let lease = v6m::Lease::parse(&msg).unwrap();
        let r = lease.sztp_redirect().unwrap().unwrap();
        r.servers().map(|s| s.to_string()).collect()
    } else {
        let mut msg = vec![0u8; 236];
        msg[0] = 2;
        msg.extend_from_slice(&[0x63, 0x82, 0x53, 0x63]);
        msg.extend_from_slice(area);
        let lease = v4::Lease::parse(&msg).unwrap();
        let r = lease.sztp_redirect().unwrap().unwrap();
        r.servers().map(|s| s.to_string()).collect()
    }
}

#[test]
fn r31_r32_encode_sztp_beside_the_ztp_options() {
    let uris = ["https://sztp.example.net", "https://[2001:db8::5]:8443"];
    for (v6, server, code) in [(false, "192.0.2.10", "143"), (true, "2001:db8::1", "136")] {
        let mut args = vec!["encode", "--image", "junos.tgz", "--mode", "http"];
        args.extend(["--server", server]);
        for u in uris {
            args.extend(["--sztp", u]);
        }
        if v6 {
            args.push("--v6");
        }
        let o = ztp(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            out.contains(&format!("option {code} len  54: 0018")),
            "{out}"
        );
        // The bytes decode to the same list, in the order given (R32).
        assert_eq!(redirect_in(&options_area(&out), v6), uris);
        for u in uris {
            assert!(out.contains(&format!("sztp bootstrap server {u}")), "{out}");
        }
    }
}

#[test]
fn r31_encode_refuses_a_uri_that_is_not_https_host_port() {
    for (uri, why) in [
        (
            "http://sztp.example.net",
            "the scheme is not https (at index 0)",
        ),
        ("https://sztp.example.net/x", "a path, query or fragment"),
        ("https://[2001:db8::5", "no ] after the ipv6 address"),
        ("https://h:0", "the port is not 1..=65535 (at index 10)"),
    ] {
        let o = ztp(&[
            "encode",
            "--image",
            "j.tgz",
            "--mode",
            "http",
            "--server",
            "192.0.2.1",
            "--sztp",
            uri,
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("--sztp {uri:?} is not https://host[:port]")),
            "{err}"
        );
        assert!(err.contains(why) && err.contains("(R31)"), "{err}");
    }
}

/// A DHCPv4 ACK: the sample's options, without 150/66 when `no_server`,
/// with option 143 holding `redirect`.
fn ack_with_143(redirect: &[u8], no_server: bool) -> Vec<u8> {
    use ztp_options::v4::{Message, OptionCode, OptionSet};
    let mut set =
        OptionSet::from_message(&Message::new_checked(ztp_options::samples::V4_ACK).unwrap())
            .unwrap();
    if no_server {
        set.remove(OptionCode::TFTP_SERVER_ADDRESS);
        set.remove(OptionCode::TFTP_SERVER_NAME);
    }
    set.insert(OptionCode::SZTP_REDIRECT, redirect.to_vec())
        .unwrap();
    let mut msg = ztp_options::samples::V4_ACK[..240].to_vec();
    set.put(&mut msg).unwrap();
    msg
}

fn uri_list(uris: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    for u in uris {
        v.extend_from_slice(&u16::try_from(u.len()).unwrap().to_be_bytes());
        v.extend_from_slice(u.as_bytes());
    }
    v
}

#[test]
fn r31_r32_explain_shows_the_bootstrap_servers_beside_the_plan() {
    let uris = ["https://sztp.example.net", "https://[2001:db8::5]:8443"];
    let msg = ack_with_143(&uri_list(&uris), false);
    let o = ztp(&["explain", &hex(&msg)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = stdout(&o);
    assert!(
        text.contains("  sztp redirect  https://sztp.example.net (option 143, #1)\n")
            && text.contains("                 https://[2001:db8::5]:8443 (option 143, #2)\n"),
        "{text}"
    );
    assert!(
        text.contains("[R32] sztp redirect (option 143) lists 2 bootstrap servers"),
        "{text}"
    );
    // The plan is still there: the image's URL.
    assert!(text.contains("image "), "{text}");
    let v = json(&ztp(&["explain", &hex(&msg), "--json"]));
    assert_keys(&v);
    assert_eq!(v["sztp_redirect"]["option"], 143);
    assert_eq!(v["sztp_redirect"]["servers"], serde_json::json!(uris));
    assert!(
        v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "sztp-redirect" && d["rule"] == "R32")
    );
}

#[test]
fn r32_explain_shows_a_redirect_alone_when_ztp_cannot_proceed() {
    let msg = ack_with_143(&uri_list(&["https://sztp.example.net"]), true);
    let o = ztp(&["explain", &hex(&msg), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["reason"]["rule"], "R13");
    assert_eq!(v["sztp_redirect"]["servers"][0], "https://sztp.example.net");
    let text = stdout(&ztp(&["explain", &hex(&msg)]));
    assert!(
        text.contains("sztp redirect  https://sztp.example.net (option 143, #1)"),
        "{text}"
    );
    assert!(
        text.contains("ZTP cannot proceed on this binding [R13]"),
        "{text}"
    );
}

#[test]
fn r31_explain_reports_a_malformed_redirect_with_where() {
    let msg = ack_with_143(&uri_list(&["http://sztp.example.net"]), false);
    let o = ztp(&["explain", &hex(&msg), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let e = &v["sztp_redirect"]["error"];
    assert_eq!(e["rule"], "R31");
    let m = e["message"].as_str().unwrap();
    // R31's variant first (what a person acts on), then where the decoder
    // stopped.
    assert!(
        m.starts_with("\"http://sztp.example.net\" uses the scheme \"http\", not https"),
        "{m}"
    );
    assert!(m.contains("(dhcpv4 option 143 at byte "), "{m}");
    assert!(
        m.contains("\"http://sztp.example.net\" is not an sztp bootstrap server uri"),
        "{m}"
    );
    let text = stdout(&ztp(&["explain", &hex(&msg)]));
    assert!(
        text.contains("sztp redirect  left out [R31]: \"http://sztp.example.net\" uses the scheme"),
        "{text}"
    );
}
