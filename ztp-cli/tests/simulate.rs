//! `ztp simulate` end to end, on the captures and the file-server directory
//! under data/simulate (built by data/simulate/make.py): one run that
//! provisions, one that falls back to a second binding, and the four
//! failures a technician should see before shipping a switch.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn dir() -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "data", "simulate"]
        .iter()
        .collect()
}

/// Runs `ztp simulate` from the data directory, so paths print as given.
fn simulate(pcap: &str, extra: &[&str]) -> (u8, String) {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .current_dir(dir())
        .args(["simulate", "--pcap", pcap, "--files", "files"])
        .args(extra)
        .output()
        .expect("run ztp");
    let code = u8::try_from(out.status.code().unwrap()).unwrap();
    (code, String::from_utf8(out.stdout).unwrap())
}

fn last_lines(text: &str) -> Vec<&str> {
    text.lines()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

#[test]
fn r28_r29_fallback_to_the_dhcpv6_binding_whole_transcript() {
    let (code, out) = simulate("fallback.pcap", &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "\
ztp simulate: fallback.pcap on junos os, installed image unknown, files from files
   0.000 s  R29  bound frame 2 (dhcpv4): image, config and file server
   0.000 s  R29  bound frame 3 (dhcpv6): not all of image and config
   5.000 s  R29  try frame 2 (dhcpv4), attempt 1, first of 2 untried: it has image, config and file server
            R20  port 80, the transfer mode's default
            R20  port 80, the transfer mode's default
            R27  fetch image http://192.0.2.10/images/junos-23.4R2-missing.tgz over frame 2
                   > the file server has no /images/junos-23.4R2-missing.tgz
   6.000 s  R28  frame 2 (dhcpv4) failed: fetching http://192.0.2.10/images/junos-23.4R2-missing.tgz failed: file not found on the server
            R29  try frame 3 (dhcpv6), attempt 2, first of 1 untried
            R14  no suboption 03: transfer mode http from the option 59 url
            R16  port 80, the transfer mode's default
            R27  fetch config http://[2001:db8::1]/ztp/setup.sh over frame 3
                   > the file server sends /ztp/setup.sh (82 bytes)
   7.000 s  R24  the fetched file is a script: /bin/sh (shell)
            R24  run script with /bin/sh
                   > simulated: the script is not run here; exit status 0 assumed
   8.000 s  R27  provisioned over frame 3 (dhcpv6): no image, script run by /bin/sh

PROVISIONED: provisioned over frame 3 (dhcpv6): no image, script run by /bin/sh
"
    );
}

#[test]
fn r27_image_then_config_provisions() {
    let (code, out) = simulate("provisioned.pcap", &[]);
    assert_eq!(code, 0, "{out}");
    let steps: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once("R27  ").map(|(_, s)| s))
        .collect();
    assert_eq!(
        steps,
        [
            "fetch image http://192.0.2.10/images/junos-install-ex-x86-64-23.4R2.tgz over frame 2",
            "install image junos-install-ex-x86-64-23.4R2.tgz",
            "fetch config http://192.0.2.10/ztp/ex4300.conf over frame 2",
            "commit configuration (junos curly-brace text)",
            "provisioned over frame 2 (dhcpv4): image junos-install-ex-x86-64-23.4R2.tgz installed, configuration committed (junos curly-brace text)",
        ],
        "{out}"
    );
}

#[test]
fn r27_the_installed_image_is_skipped() {
    let (code, out) = simulate(
        "provisioned.pcap",
        &["--installed", "junos-install-ex-x86-64-23.4R2.tgz"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("R27  image junos-install-ex-x86-64-23.4R2.tgz is the installed one: not fetched, not installed"), "{out}");
    assert!(!out.contains("install image"), "{out}");
    assert!(out.ends_with("image junos-install-ex-x86-64-23.4R2.tgz already installed, configuration committed (junos curly-brace text)\n"), "{out}");
}

#[test]
fn r24_a_config_that_is_really_a_tarball() {
    let (code, out) = simulate("tarball-config.pcap", &[]);
    assert_eq!(code, 1, "{out}");
    // R24: still a configuration to the device; R28: its commit fails.
    assert!(
        out.contains("R24  the fetched file is a configuration: tar archive"),
        "{out}"
    );
    assert!(
        out.contains("R28  warning: the file is not text: the device loads it as a configuration, and the commit will fail"),
        "{out}"
    );
    assert!(!out.contains("commit configuration"), "{out}");
    assert_eq!(
        last_lines(&out),
        [
            "NOT PROVISIONED: no binding left; the switch restarts its dhcp client in 23.444 s and starts over (R28)",
            "last failure on the console: frame 2 (dhcpv4) failed: the commit fails: the configuration file is tar archive, not text",
        ]
    );
}

#[test]
fn r25_python_refused_on_junos_os_and_run_on_evolved() {
    let (code, out) = simulate("python.pcap", &[]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        last_lines(&out)[1],
        "last failure on the console: frame 2 (dhcpv4) failed: script for /usr/bin/python refused: junos os does not run unsigned python; only junos os with enhanced automation and junos os evolved do (R25)"
    );
    let (code, out) = simulate("python.pcap", &["--platform", "junos-evolved"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("R24  run script with /usr/bin/python"),
        "{out}"
    );
}

#[test]
fn r21_a_url_over_256_characters() {
    let (code, out) = simulate("long-url.pcap", &[]);
    assert_eq!(code, 1, "{out}");
    // Nothing is fetched: every URL is checked first.
    assert!(!out.contains("fetch image"), "{out}");
    assert!(
        last_lines(&out)[1].starts_with(
            "last failure on the console: frame 2 (dhcpv4) failed: no config url: http url of 271 characters is longer than the 256-character limit: http://192.0.2.10/ztp/site-a-"
        ),
        "{out}"
    );
}

#[test]
fn r28_a_missing_file() {
    let (code, out) = simulate("missing.pcap", &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("R30  tftp works, but ftp or http are recommended"),
        "{out}"
    );
    assert!(
        out.contains("> the file server has no /ztp/missing.conf"),
        "{out}"
    );
    assert_eq!(
        last_lines(&out)[1],
        "last failure on the console: frame 2 (dhcpv4) failed: fetching tftp://192.0.2.10/ztp/missing.conf failed: file not found on the server"
    );
}

#[test]
fn bad_input_exits_2() {
    // A damaged capture, and a file-server directory that does not exist.
    let out = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .current_dir(dir())
        .args([
            "simulate",
            "--pcap",
            "../v4-truncated.pcap",
            "--files",
            "files",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_ztp"))
        .current_dir(dir())
        .args([
            "simulate",
            "--pcap",
            "missing.pcap",
            "--files",
            "no-such-dir",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a directory"));
}
