//! `ztp sniff --vendor`: each vendor's rule for the fetched file (VENDORS.md
//! G11), run through the binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use common::ztp;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Runs `ztp` with `file` on standard input.
fn ztp_stdin(args: &[&str], file: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ztp");
    // A command that refuses its arguments exits before it reads: the
    // write then fails with a broken pipe, which is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(file);
    child.wait_with_output().unwrap()
}

/// Writes `file` under a fresh directory as `name` and returns its path.
fn write(name: &str, file: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!(
        "ztp-sniff-vendor-{}-{}",
        std::process::id(),
        name.replace('.', "-")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, file).unwrap();
    path.display().to_string()
}

/// The digest of `text` by coreutils' `md5sum` / `sha256sum`: computed
/// apart from the crate under test.
fn digest(tool: &str, text: &str) -> String {
    let mut child = Command::new(tool)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("coreutils md5sum / sha256sum");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    line.split_whitespace().next().unwrap().to_owned()
}

#[test]
fn r24_juniper_default_unchanged() {
    let o = ztp_stdin(&["sniff", "-"], b"#!/bin/sh\necho hi\n");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("standard input: script: /bin/sh (shell)"));
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "juniper", "--json"],
        b"set system\n",
    );
    assert_eq!(json(&o)["kind"], "configuration");
}

#[test]
fn a7_arista_interpreters() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "arista", "--json"],
        b"#!/usr/bin/Cli -p2\nenable\n",
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["kind"], "script");
    assert_eq!(v["language"], "eos cli");
    assert_eq!(v["path"], "/usr/bin/Cli");
    let o = ztp_stdin(&["sniff", "-", "--vendor", "arista"], b"hostname leaf1\n");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("configuration: cli text"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn cx5_iosxe_config_gets_a_diagnostic() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "cisco-iosxe"],
        b"!\nhostname sw1\n",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("script: python"), "{out}");
    assert!(out.contains("note [CX5]: "), "{out}");
}

#[test]
fn cn7_md5sum_line_checked() {
    let body = "#!/bin/env python\nimport os\n";
    let digest = digest("md5sum", body);
    let file = format!("#!/bin/env python\n#md5sum=\"{digest}\"\nimport os\n");
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "cisco-nxos", "--json"],
        file.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["checksum"]["matches"], true);
    assert_eq!(v["checksum"]["computed"], digest);
    let bad = file.replace("import os", "import sys");
    let o = ztp_stdin(&["sniff", "-", "--vendor", "cisco-nxos"], bad.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("refused [CN7]: md5 mismatch"), "{out}");
    assert!(out.contains(&format!("stated {digest}")), "{out}");
}

#[test]
fn cr7_iosxr_config_first_line() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "cisco-iosxr"],
        b"!! IOS XR\nhostname r1\n",
    );
    assert_eq!(o.status.code(), Some(0));
    let o = ztp_stdin(&["sniff", "-", "--vendor", "cisco-iosxr"], b"hostname r1\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("refused [CR7]"));
}

#[test]
fn s6_sonic_json_needs_ztp_object() {
    let good = br#"{"ztp": {"01-firmware": {}}}"#;
    let o = ztp_stdin(
        &[
            "sniff", "-", "--vendor", "sonic", "--option", "67", "--json",
        ],
        good,
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["workflow"], "sonic ztp json");
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "sonic", "--option", "59"],
        br#"{"ztp": []}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("refused [S6]"), "{}", stdout(&o));
    let o = ztp_stdin(
        &[
            "sniff", "-", "--vendor", "sonic", "--option", "239", "--json",
        ],
        b"#!/bin/bash\nexit 0\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["language"], "bash");
}

#[test]
fn cu5_marker_split_across_chunks_is_found() {
    // The binary reads 64 KiB chunks: the marker straddles the first seam.
    let mut file = b"#!/bin/bash\n#".to_vec();
    file.resize((64 << 10) - 10, b'#');
    let at = file.len();
    file.extend_from_slice(b"CUMULUS-AUTOPROVISIONING\nexit 0\n");
    let path = write("cumulus.sh", &file);
    let o = ztp(&["sniff", &path, "--vendor", "cumulus", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o)["marker_at"], at);
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "cumulus"],
        b"#!/bin/bash\necho\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("refused [CU4]"));
}

#[test]
fn cu6_carriage_return_in_first_line() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "cumulus"],
        b"#!/bin/bash\r\n# CUMULUS-AUTOPROVISIONING\r\n",
    );
    assert!(stdout(&o).contains("note [CU6]"), "{}", stdout(&o));
}

#[test]
fn d3_dell_script_variables() {
    let file = b"#!/bin/bash\nIMG_FILE=\"http://192.0.2.1/os10.bin\"\nCLI_CONFIG_FILE=\"\"\n";
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "dell-os10", "--option", "240"],
        file,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("IMG_FILE = \"http://192.0.2.1/os10.bin\""),
        "{}",
        stdout(&o)
    );
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "dell-os10", "--option", "240"],
        b"#!/bin/bash\nIMG_FILE=\"\"\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("refused [D3]"));
}

#[test]
fn d4_dell_carriage_return_is_an_error() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "dell-os10", "--json"],
        b"# PRE-CONFIG\r\nhostname a\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["refusal_rule"], "D4");
    assert_eq!(v["dell"]["pre_config_line"], 1);
    assert_eq!(v["dell"]["carriage_return_line"], 1);
}

#[test]
fn ar6_json_or_cli() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "aruba-aoscx", "--json"],
        b" {\"a\": 1}",
    );
    assert_eq!(json(&o)["format"], "json");
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "aruba-aoscx", "--json"],
        b"hostname a\n",
    );
    assert_eq!(json(&o)["format"], "cli text");
}

#[test]
fn e4_exos_kind_by_extension() {
    let o = ztp_stdin(
        &[
            "sniff",
            "-",
            "--vendor",
            "extreme-exos",
            "--name",
            "summit.xos",
            "--json",
        ],
        b"\x00\x01",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["kind"], "image");
    // The file's own name is the default.
    let path = write("base.cfg", b"configure snmp\n");
    let o = ztp(&["sniff", &path, "--vendor", "extreme-exos", "--json"]);
    assert_eq!(json(&o)["format"], "cli text");
    // From standard input with no name: unknown, exit 1.
    let o = ztp_stdin(&["sniff", "-", "--vendor", "extreme-exos"], b"x");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("unknown kind"));
}

#[test]
fn n4_nokia_python() {
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "nokia-srlinux", "--json"],
        b"import os\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["language"], "python");
}

#[test]
fn h6_ini_sha256_verified() {
    let body = ";BEGIN ROUTER\n[GLOBAL CONFIG]\nFILESERVER=tftp://192.0.2.1\n\
[DEVICE0 DESCRIPTION]\nESN=DEFAULT\n;END ROUTER\n";
    let digest = digest("sha256sum", body);
    let file = format!("#sha256sum=\"{digest}\"\n{body}");
    let path = write("ztp.ini", file.as_bytes());
    let o = ztp(&["sniff", &path, "--vendor", "huawei-vrp"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("sha-256: stated"), "{out}");
    assert!(
        out.contains("[DEVICE0 DESCRIPTION] ESN = \"DEFAULT\""),
        "{out}"
    );
    let o = ztp_stdin(
        &["sniff", "-", "--vendor", "huawei-vrp", "--name", "x.ini"],
        file.replace("192.0.2.1", "192.0.2.2").as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("refused [H6]"));
}

#[test]
fn g11_bad_vendor_and_bad_shebang_exit_2() {
    let o = ztp_stdin(&["sniff", "-", "--vendor", "cisco"], b"x");
    assert_eq!(o.status.code(), Some(2));
    let o = ztp_stdin(&["sniff", "-", "--vendor", "arista"], b"#!/bin/\xffsh\n");
    assert_eq!(o.status.code(), Some(2));
}
