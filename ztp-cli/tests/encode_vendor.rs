#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! `ztp encode --vendor NAME` and `ztp encode --fleet FLEET.toml` as a
//! person types them: every vendor's options, read back by `ztp explain
//! --vendor` as the plan asked for; the refusals with their rules; a fleet
//! file of every vendor rendered for each server. (The rendered
//! configurations run on the real servers in ztp-server-config's interop
//! tests, `tests/interop/fleet.rs`; here, `fleet_file_passes_the_servers_checks`
//! runs each server's own syntax check when the servers are installed.)

use std::process::{Command, Output};

mod common;
use common::{hex, ztp};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The options of `ztp encode ... --format json`, as a reply's options area.
fn options(args: &[&str], v6: bool) -> Vec<u8> {
    let mut all = vec!["encode"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    if v6 {
        all.push("--v6");
    }
    let o = ztp(&all);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut area = Vec::new();
    for i in v.as_array().unwrap() {
        let code = i["code"].as_u64().unwrap();
        let value: Vec<u8> = {
            let h = i["hex"].as_str().unwrap();
            (0..h.len())
                .step_by(2)
                .map(|k| u8::from_str_radix(&h[k..k + 2], 16).unwrap())
                .collect()
        };
        if v6 {
            area.extend_from_slice(&u16::try_from(code).unwrap().to_be_bytes());
            area.extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
        } else {
            area.push(u8::try_from(code).unwrap());
            area.push(u8::try_from(value.len()).unwrap());
        }
        area.extend_from_slice(&value);
    }
    area
}

/// `ztp explain --vendor VENDOR --json` of a reply carrying `area`.
fn explain(vendor: &str, area: &[u8], v6: bool) -> serde_json::Value {
    let msg = if v6 {
        let mut m = ztp_options::v6::MessageRepr::reply(ztp_options::v6::OptionSet::new())
            .to_vec()
            .unwrap();
        m.extend_from_slice(area);
        m
    } else {
        // An ACK header and magic cookie, then the options and the end.
        let mut m = ztp_options::samples::V4_ACK[..240].to_vec();
        m.extend_from_slice(&[53, 1, 5]);
        m.extend_from_slice(area);
        m.push(255);
        m
    };
    let o = ztp(&["explain", &hex(&msg), "--vendor", vendor, "--json"]);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)))
}

/// The fetch URLs and contacts of an explained vendor plan.
fn targets(v: &serde_json::Value) -> Vec<String> {
    let plan = &v["vendor_plan"];
    let mut out = Vec::new();
    for step in plan["steps"].as_array().into_iter().flatten() {
        if let Some(url) = step["url"].as_str() {
            out.push(url.to_owned());
        } else if let Some(host) = step["host"].as_str() {
            out.push(format!("{} {host}", step["service"].as_str().unwrap_or("")));
        }
    }
    out
}

/// Every vendor: encoded with its own flags, explained back by its own
/// rules, the plan fetches what was asked.
#[test]
fn every_vendor_encodes_and_explains_back() {
    let cases: &[(&str, &[&str], bool, &[&str])] = &[
        (
            "arista",
            &["--boot-file", "http://10.0.0.1/ztp/boot"],
            false,
            &["http://10.0.0.1/ztp/boot"],
        ),
        (
            "arista",
            &["--boot-file", "http://[2001:db8::1]/ztp/boot"],
            true,
            &["http://[2001:db8::1]/ztp/boot"],
        ),
        (
            "cisco-iosxe",
            &["--boot-file", "ztp.py", "--tftp-server", "10.0.0.1"],
            false,
            &["tftp://10.0.0.1/ztp.py"],
        ),
        (
            "cisco-nxos",
            &["--boot-file", "poap.py", "--tftp-server", "10.0.0.1"],
            false,
            &["tftp://10.0.0.1/poap.py"],
        ),
        (
            "cisco-iosxr",
            &["--boot-file", "https://10.0.0.1/xr.sh", "--insecure"],
            false,
            &["https://10.0.0.1/xr.sh"],
        ),
        (
            "cisco-iosxr",
            &["--boot-file", "http://[2001:db8::1]/xr.sh"],
            true,
            &["http://[2001:db8::1]/xr.sh"],
        ),
        (
            "sonic",
            &[
                "--json-url",
                "http://10.0.0.1/ztp.json",
                "--script-url",
                "http://10.0.0.1/p.sh",
            ],
            false,
            &["http://10.0.0.1/ztp.json", "http://10.0.0.1/p.sh"],
        ),
        (
            "cumulus",
            &["--provision-url", "http://10.0.0.1/cl.sh"],
            false,
            &["http://10.0.0.1/cl.sh"],
        ),
        (
            "dell-os10",
            &["--provision-url", "http://10.0.0.1/ztd.sh"],
            false,
            &["http://10.0.0.1/ztd.sh"],
        ),
        (
            "dell-os9",
            &[
                "--image",
                "FTOS.bin",
                "--config",
                "s4810.cfg",
                "--tftp-server",
                "10.0.0.1",
            ],
            false,
            &["tftp://10.0.0.1/FTOS.bin", "tftp://10.0.0.1/s4810.cfg"],
        ),
        (
            "aruba-aoscx",
            &["--config", "sw.cfg", "--tftp-server", "10.0.0.1"],
            false,
            &["tftp://10.0.0.1/sw.cfg"],
        ),
        (
            "extreme-exos",
            &[
                "--file",
                "config.xsf",
                "--file",
                "summitX.xos",
                "--tftp-server",
                "10.0.0.1",
            ],
            false,
            &["tftp://10.0.0.1/config.xsf", "tftp://10.0.0.1/summitX.xos"],
        ),
        (
            "nokia-srlinux",
            &["--boot-file", "http://10.0.0.1/p.py"],
            false,
            &["http://10.0.0.1/p.py"],
        ),
        (
            "huawei-vrp",
            &[
                "--boot-file",
                "ztp.ini",
                "--file-server",
                "sftp://u:p@10.0.0.1",
            ],
            false,
            &["sftp://u:***@10.0.0.1/ztp.ini"],
        ),
    ];
    for (vendor, args, v6, want) in cases {
        let mut all = vec!["--vendor", vendor];
        all.extend_from_slice(args);
        let area = options(&all, *v6);
        let v = explain(vendor, &area, *v6);
        assert_eq!(v["vendor"]["name"], *vendor, "{vendor}: {v}");
        assert!(v["vendor_plan"]["stop"].is_null(), "{vendor}: {v}");
        let got = targets(&v);
        for w in *want {
            assert!(
                got.iter().any(|g| g.contains(w)),
                "{vendor}: {w} not in {got:?}: {v}"
            );
        }
    }
}

// CP2, CP4: the PnP string, and the server the agent contacts.
#[test]
fn cp2_pnp_flags_become_the_string() {
    let area = options(
        &[
            "--vendor",
            "cisco-pnp",
            "--pnp-server",
            "10.0.0.5",
            "--pnp-transport",
            "https",
            "--pnp-port",
            "8443",
        ],
        false,
    );
    let text = String::from_utf8_lossy(&area);
    assert!(text.contains("5A1N;"), "{text}");
    assert!(text.contains("I10.0.0.5;"), "{text}");
    assert!(text.contains("K5;"), "{text}");
    assert!(text.contains("J8443;"), "{text}");
    let v = explain("cisco-pnp", &area, false);
    assert_eq!(v["vendor_plan"]["steps"][0]["host"], "10.0.0.5", "{v}");
    assert_eq!(v["vendor_plan"]["steps"][0]["port"], 8443, "{v}");
}

/// The hex format prints the options and what `ztp explain` says of them.
#[test]
fn vendor_hex_output_shows_the_plan() {
    let o = ztp(&[
        "encode",
        "--vendor",
        "cumulus",
        "--provision-url",
        "http://10.0.0.1/cl.sh",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("option 239 len  21"), "{text}");
    assert!(text.contains("ztp explain --vendor cumulus"), "{text}");
    assert!(text.contains("http://10.0.0.1/cl.sh"), "{text}");
}

fn refused(args: &[&str], why: &str) {
    let mut all = vec!["encode"];
    all.extend_from_slice(args);
    let o = ztp(&all);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
    assert!(stderr(&o).contains(why), "{args:?}: {}", stderr(&o));
}

// AR2, CP2, E3, H2, CU7: what a vendor cannot express, refused with its
// rule; a flag of another vendor is refused, not dropped.
#[test]
fn ar2_cp2_e3_h2_refusals_name_the_rule() {
    refused(
        &[
            "--vendor",
            "aruba-aoscx",
            "--config",
            "a.cfg",
            "--tftp-server",
            "files.example.net",
        ],
        "(AR2)",
    );
    refused(
        &["--vendor", "cisco-pnp", "--pnp-server", "10.0.0.5;K4"],
        "(CP2)",
    );
    refused(
        &["--vendor", "extreme-exos", "--file", "config.xsf"],
        "(E3)",
    );
    refused(
        &[
            "--vendor",
            "huawei-vrp",
            "--boot-file",
            "ztp.txt",
            "--tftp-server",
            "10.0.0.1",
        ],
        "(H2)",
    );
    refused(
        &[
            "--vendor",
            "cumulus",
            "--provision-url",
            "http://10.0.0.1/c.sh",
            "--v6",
        ],
        "(CU7)",
    );
    refused(
        &["--vendor", "cumulus", "--boot-file", "x"],
        "--boot-file is not cumulus's: cumulus takes --provision-url",
    );
    refused(&["--vendor", "cisco"], "unknown vendor \"cisco\"");
    refused(&["--vendor", "sonic"], "nothing that triggers ztp");
}

// G2, AR1: a vendor whose identity is unverified has no class of its own;
// a MAC address or a class you name serves it, and the class is said.
#[test]
fn g2_unverified_identity_needs_a_mac_or_a_named_class() {
    let base = [
        "encode",
        "--vendor",
        "aruba-aoscx",
        "--config",
        "a.cfg",
        "--tftp-server",
        "10.0.0.1",
    ];
    let mut args = base.to_vec();
    args.extend_from_slice(&["--format", "isc"]);
    let o = ztp(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unverified (AR1)"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--mac"), "{}", stderr(&o));
    let mut args = base.to_vec();
    args.extend_from_slice(&["--format", "isc", "--mac", "02:00:00:00:0a:c5"]);
    let o = ztp(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("hardware ethernet 02:00:00:00:0a:c5;"),
        "{}",
        stdout(&o)
    );
    let mut args = base.to_vec();
    args.extend_from_slice(&["--format", "dnsmasq", "--vendor-class", "HPE-AOS-CX"]);
    let o = ztp(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // dnsmasq's dhcp-match with hex bytes is a prefix test on option 60.
    assert!(
        stdout(&o).contains(&format!(",60,{}\n", hex_colon(b"HPE-AOS-CX"))),
        "{}",
        stdout(&o)
    );
}

// G2: the vendor's own class, by model.
#[test]
fn g2_arista_model_class() {
    let o = ztp(&[
        "encode",
        "--vendor",
        "arista",
        "--model",
        "DCS-7050S-64",
        "--boot-file",
        "http://10.0.0.1/b",
        "--format",
        "kea",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let test = v["Dhcp4"]["client-classes"][0]["test"]
        .as_str()
        .unwrap()
        .to_owned();
    // "Arista;DCS-7050S-64;" in hex
    assert!(test.contains(&hex(b"Arista;DCS-7050S-64;")), "{test}");
}

/// Juniper without --vendor is as it was; with --model it gets a class.
#[test]
fn r6_juniper_model_class_through_the_fleet_renderer() {
    let o = ztp(&[
        "encode",
        "--config",
        "ex.conf",
        "--mode",
        "tftp",
        "--server",
        "10.0.0.1",
        "--model",
        "ex4300-48t",
        "--format",
        "isc",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&hex_colon(b"Juniper-ex4300-48t-")),
        "{}",
        stdout(&o)
    );
}

fn hex_colon(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn fleet_path() -> String {
    format!("{}/tests/data/fleet.toml", env!("CARGO_MANIFEST_DIR"))
}

/// The committed fleet file renders for every server and family; every
/// switch is in it or said to be left out.
#[test]
fn fleet_file_renders_for_every_server() {
    let path = fleet_path();
    let names: Vec<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|n| n.trim_end_matches('"').to_owned())
        .collect();
    assert_eq!(names.len(), 15);
    for (format, v6) in [
        ("isc", false),
        ("kea", false),
        ("dnsmasq", false),
        ("isc6", true),
        ("kea6", true),
        ("dnsmasq", true),
    ] {
        let mut args = vec!["encode", "--fleet", &path, "--format", format];
        if v6 && format == "dnsmasq" {
            args.push("--v6");
        }
        let o = ztp(&args);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let (out, err) = (stdout(&o), stderr(&o));
        for n in &names {
            assert!(
                out.contains(n.as_str()) || err.contains(&format!("{n:?}")),
                "{format} v6={v6}: {n} neither served nor left out:\n{out}\n{err}"
            );
        }
        if !v6 {
            // Every switch is served in DHCPv4.
            assert!(!err.contains("left out"), "{format}: {err}");
        }
    }
}

/// A fleet file's mistakes: an unknown key, a name twice, a vendor's
/// refusal, each said with the switch's name.
#[test]
fn fleet_file_errors_name_the_switch() {
    let dir = std::env::temp_dir().join(format!("ztp-fleet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case = |name: &str, text: &str, why: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        let o = ztp(&["encode", "--fleet", p.to_str().unwrap(), "--format", "isc"]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stdout(&o));
        assert!(stderr(&o).contains(why), "{name}: {}", stderr(&o));
    };
    case(
        "unknown.toml",
        "[[switch]]\nname = \"a\"\nvendor = \"cumulus\"\nprovision-ur = \"http://x/y\"\n",
        "unknown field `provision-ur`",
    );
    case(
        "twice.toml",
        "[[switch]]\nname = \"a\"\nvendor = \"cumulus\"\nprovision-url = \"http://x/y\"\n\
         [[switch]]\nname = \"a\"\nvendor = \"cumulus\"\nprovision-url = \"http://x/z\"\n",
        "a second switch with this name",
    );
    case(
        "refused.toml",
        "[[switch]]\nname = \"exos\"\nvendor = \"extreme-exos\"\nmac = \"02:00:00:00:00:01\"\nfile = [\"a.cfg\"]\n",
        "[[switch]] \"exos\": cannot encode: extreme-exos: dhcpv4 option 43 suboption 101",
    );
    case(
        "hostile.toml",
        "[[switch]]\nname = \"a\\\" { }\"\nvendor = \"cumulus\"\nprovision-url = \"http://x/y\"\n",
        "\"a\\\" { }\"",
    );
    case("empty.toml", "", "missing field `switch`");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The fleet file's configurations pass each server's own check
/// (`dhcpd -t`, `kea-dhcp4/6 -t`, `dnsmasq --test`), when the servers are
/// installed (CI installs them); the interop tests run them for real.
#[test]
#[ignore = "needs the DHCP servers (ztp-server-config/interop/setup.sh): CI runs it with --include-ignored"]
fn fleet_file_passes_the_servers_checks() {
    let path = fleet_path();
    let dir = std::env::temp_dir().join(format!("ztp-fleet-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (format, v6) in [
        ("isc", false),
        ("isc6", true),
        ("dnsmasq", false),
        ("dnsmasq", true),
        ("kea", false),
        ("kea6", true),
    ] {
        let mut args = vec!["encode", "--fleet", &path, "--format", format];
        if v6 && format == "dnsmasq" {
            args.push("--v6");
        }
        let o = ztp(&args);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let conf = dir.join(format!("{format}{}.conf", if v6 { "6" } else { "" }));
        let text = stdout(&o);
        let check = match format {
            "isc" | "isc6" => {
                let subnet = if v6 {
                    "subnet6 2001:db8::/64 { range6 2001:db8::10 2001:db8::20; }\n"
                } else {
                    "subnet 10.99.0.0 netmask 255.255.255.0 { range 10.99.0.10 10.99.0.20; }\n"
                };
                std::fs::write(&conf, format!("{subnet}{text}")).unwrap();
                let mut c = Command::new("dhcpd");
                c.args([if v6 { "-6" } else { "-4" }, "-t", "-cf"])
                    .arg(&conf);
                c
            }
            "dnsmasq" => {
                std::fs::write(&conf, format!("port=0\n{text}")).unwrap();
                let mut c = Command::new("dnsmasq");
                c.arg("--test")
                    .arg(format!("--conf-file={}", conf.display()));
                c
            }
            _ => {
                let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
                let root = if v6 { "Dhcp6" } else { "Dhcp4" };
                doc[root]["lease-database"] =
                    serde_json::json!({"type": "memfile", "persist": false});
                std::fs::write(&conf, doc.to_string()).unwrap();
                let mut c = Command::new(if v6 { "kea-dhcp6" } else { "kea-dhcp4" });
                c.arg("-t")
                    .arg(&conf)
                    .env("KEA_LOCKFILE_DIR", &dir)
                    .env("KEA_PIDFILE_DIR", &dir);
                c
            }
        };
        let mut check = check;
        let out = check
            .output()
            .unwrap_or_else(|e| panic!("{format}: {check:?}: {e}"));
        assert!(
            out.status.success(),
            "{format} v6={v6}: {check:?} refused it:\n{}{}\n{text}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
