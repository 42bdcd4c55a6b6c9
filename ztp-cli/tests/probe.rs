#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! `ztp probe` on the real servers (issue 26): dnsmasq, Kea and ISC dhcpd,
//! DHCPv4 and DHCPv6, on-link and relayed, each configured with the mixed
//! fleet of `tests/data/fleet.toml` (rendered by `ztp encode --fleet`). For
//! each vendor probed:
//!
//! - `ztp probe --lease` as that vendor gets its class's plan (the vendor
//!   named by the request, G1, and the fleet entry's file or URL) and
//!   exits 0;
//! - its JSON Lines equal what `ztp explain --pcap --json` says of a
//!   capture of the same exchange (taken by tshark on the client's link),
//!   frame numbers and times aside;
//! - the lease is released: the server's last record of the address says
//!   so (ISC's and Kea's lease files are appended to; dnsmasq's drops it).
//!
//! The probe runs inside the lab's client namespace, whose only link is
//! the veth to the server's namespace: nothing it sends can leave them.
//!
//! Needs root and the servers (`ztp-server-config/interop/setup.sh`), so
//! the cases are ignored with that reason; CI runs them with
//! `--include-ignored`, and then a missing prerequisite fails them.

use std::fs;
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;

use serde_json::Value;
use ztp_testkit::lab::{
    self, Daemon, Lab, RELAY_V4, RELAY_V6, SERVER_V4, SERVER_V6, interrupt_capture, ns, require,
    start_capture_of,
};

const ZTP: &str = env!("CARGO_BIN_EXE_ztp");
const FLEET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fleet.toml");

/// One lab at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A switch probed, and what its fleet entry gives it.
struct Switch {
    /// `ztp probe` identity flags.
    flags: &'static [&'static str],
    /// The vendor the explanation must name.
    vendor: &'static str,
    /// A value of the fleet entry the plan must hold (a URL, a file).
    holds: &'static str,
}

/// DHCPv4: a Juniper, an Arista of the spine model (its model class), a
/// SONiC and an IOS-XR switch, each served by its vendor's or model's
/// class.
const V4_SWITCHES: &[Switch] = &[
    Switch {
        flags: &[
            "--vendor",
            "juniper",
            "--model",
            "ex4300-48t",
            "--serial",
            "PE3714100218",
        ],
        vendor: "juniper",
        holds: "http://10.99.0.1/cfg/ex.conf",
    },
    Switch {
        flags: &[
            "--vendor",
            "arista",
            "--model",
            "DCS-7280SR-48C6",
            "--serial",
            "JPE17191234",
            "--os-version",
            "4.30.1F",
        ],
        vendor: "arista",
        holds: "http://10.99.0.1/ztp/spine-bootstrap",
    },
    Switch {
        flags: &[
            "--vendor",
            "sonic",
            "--model",
            "7712-32X-O-AC-F",
            "--serial",
            "771232X1941045",
        ],
        vendor: "sonic",
        holds: "http://10.99.0.1/ztp/ztp.json",
    },
    Switch {
        flags: &[
            "--vendor",
            "cisco-iosxr",
            "--model",
            "NCS-5508",
            "--serial",
            "FOC2104R0AB",
            "--phase",
            "exr-config",
        ],
        vendor: "cisco-iosxr",
        holds: "http://10.99.0.1/ztp/xr-ztp.sh",
    },
];

/// DHCPv6: a Juniper and a SONiC switch by their classes, an Arista one
/// by its DUID-LL's MAC (A2: no verified v6 class).
const V6_SWITCHES: &[Switch] = &[
    Switch {
        flags: &[
            "--vendor",
            "juniper",
            "--model",
            "ex4300-48t",
            "--serial",
            "PE3714100218",
        ],
        vendor: "juniper",
        holds: "/cfg/ex.conf",
    },
    Switch {
        flags: &[
            "--vendor",
            "sonic",
            "--model",
            "7712-32X-O-AC-F",
            "--serial",
            "771232X1941045",
        ],
        vendor: "sonic",
        holds: "http://10.99.0.1/ztp/ztp.json",
    },
    Switch {
        flags: &[
            "--vendor",
            "arista",
            "--model",
            "DCS-7050S-64",
            "--serial",
            "JPE12345678",
            "--os-version",
            "4.30.1F",
            "--mac",
            "02:00:00:00:a1:01",
        ],
        vendor: "arista",
        holds: "http://10.99.0.1/ztp/bootstrap",
    },
];

fn output(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"))
}

/// The fleet's configuration for `daemon` and the family, as
/// `ztp encode --fleet` renders it.
fn fleet_config(daemon: Daemon, v6: bool) -> String {
    let format = match (daemon, v6) {
        (Daemon::Dnsmasq, _) => "dnsmasq",
        (Daemon::Isc, false) => "isc",
        (Daemon::Isc, true) => "isc6",
        (Daemon::Kea, false) => "kea",
        (Daemon::Kea, true) => "kea6",
    };
    let mut c = Command::new(ZTP);
    c.args(["encode", "--fleet", FLEET, "--format", format]);
    if v6 && daemon == Daemon::Dnsmasq {
        c.arg("--v6");
    }
    let out = output(&mut c);
    assert!(
        out.status.success(),
        "ztp encode --fleet --format {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// JSON Lines without what only a capture knows (frame number, time).
fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            let o = v.as_object_mut().unwrap();
            o.remove("frame");
            o.remove("time");
            v
        })
        .collect()
}

/// The address a JSON report's message leased (v4 `yiaddr` is not in the
/// report: read it from the probe's standard error).
fn leased(stderr: &str) -> String {
    stderr
        .lines()
        .find_map(|l| {
            let rest = l
                .strip_prefix("ztp probe: ACK: ")
                .or_else(|| l.strip_prefix("ztp probe: REPLY: "))?;
            Some(rest.split_whitespace().next()?.to_owned())
        })
        .unwrap_or_else(|| panic!("no lease said:\n{stderr}"))
}

/// The server's record of `address` after the release.
fn released(lab: &Lab, daemon: Daemon, v6: bool, address: &str) -> Result<(), String> {
    match daemon {
        Daemon::Dnsmasq => {
            let leases = fs::read_to_string(lab.path("dnsmasq.leases")).unwrap_or_default();
            if leases.split_whitespace().any(|w| w == address) {
                Err(format!("dnsmasq.leases still holds {address}:\n{leases}"))
            } else {
                Ok(())
            }
        }
        Daemon::Isc => {
            let leases = fs::read_to_string(lab.path("dhcpd.leases")).unwrap();
            let head = if v6 {
                format!("iaaddr {address} {{")
            } else {
                format!("lease {address} {{")
            };
            let Some(at) = leases.rfind(&head) else {
                return Err(format!(
                    "dhcpd.leases has no record of {address}:\n{leases}"
                ));
            };
            let record = &leases[at..];
            let record = &record[..record.find('}').unwrap_or(record.len())];
            if record.contains("binding state free") || record.contains("binding state released") {
                Ok(())
            } else {
                Err(format!("the last record of {address}:\n{record}"))
            }
        }
        Daemon::Kea => {
            let name = if v6 {
                "kea-leases6.csv"
            } else {
                "kea-leases4.csv"
            };
            let leases = fs::read_to_string(lab.path(name)).unwrap();
            let header: Vec<&str> = leases.lines().next().unwrap().split(',').collect();
            let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
            let (addr, valid) = (col("address"), col("valid_lifetime"));
            let last = leases
                .lines()
                .skip(1)
                .filter(|l| l.split(',').nth(addr) == Some(address))
                .last();
            match last {
                Some(l) if l.split(',').nth(valid) == Some("0") => Ok(()),
                Some(l) => Err(format!("the last record of {address} in {name}: {l}")),
                None => Err(format!("{name} has no record of {address}:\n{leases}")),
            }
        }
    }
}

/// Serves the fleet with `daemon`, probes each switch of the family
/// (on-link or relayed) with `--lease`, and checks plan, explanation and
/// release.
fn probe_fleet(daemon: Daemon, v6: bool, relayed: bool) {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let test = format!("probe {daemon:?} v6={v6} relayed={relayed}");
    require(&test);
    let text = fleet_config(daemon, v6);
    let lab = if relayed {
        Lab::relayed(v6)
    } else {
        Lab::new(v6)
    };
    // Nothing the probe sends can leave the namespaces: the client's has
    // no link but the veth to the server's.
    let links = output(Command::new("ip").args(["-n", &lab.cli, "-o", "link", "show"]));
    let names: Vec<String> = String::from_utf8_lossy(&links.stdout)
        .lines()
        .filter_map(|l| Some(l.split(':').nth(1)?.trim().split('@').next()?.to_owned()))
        .collect();
    assert_eq!(
        names,
        ["lo", "ztpc0"],
        "{test}: the client namespace's links"
    );
    let mut server = lab::start(&lab, daemon, &text, v6);
    lab::wait_ready(&lab, daemon, &mut server);
    let switches = if v6 { V6_SWITCHES } else { V4_SWITCHES };
    for (n, switch) in switches.iter().enumerate() {
        let capture = start_capture_of(&lab, v6, None);
        let mut c = ns(
            &lab.cli,
            &[ZTP, "probe", "--lease", "--json", "--timeout", "2"],
        );
        if relayed {
            let (server, relay) = if v6 {
                (SERVER_V6.to_string(), RELAY_V6.to_string())
            } else {
                (SERVER_V4.to_string(), RELAY_V4.to_string())
            };
            c.args(["--server", &server, "--relay-address", &relay]);
            c.args(["--circuit-id", "ge-0/0/7"]);
        } else {
            c.args(["--iface", "ztpc0"]);
        }
        if v6 {
            c.arg("--v6");
        }
        c.args(switch.flags);
        let out = output(&mut c);
        interrupt_capture(capture);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let log = fs::read_to_string(lab.path("server.log")).unwrap_or_default();
        let what = format!("{test}: {}", switch.flags.join(" "));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{what}: exit code\n{stderr}\n{stdout}\nserver log:\n{log}"
        );
        // G1: the plan of the vendor the request named, with its entry's
        // file or URL, in the lease's last answer (ACK / REPLY).
        let probed = lines(&stdout);
        let last = probed
            .iter()
            .rev()
            .find(|r| r["message"] == "ACK" || r["message"] == "REPLY")
            .unwrap_or_else(|| panic!("{what}: no ACK/REPLY explained:\n{stdout}\n{stderr}"));
        assert_eq!(last["vendor"]["name"], switch.vendor, "{what}: {last}");
        assert_eq!(last["vendor"]["decided_by"], "request", "{what}: {last}");
        assert!(
            last.to_string().contains(switch.holds),
            "{what}: the plan lacks {}: {last}",
            switch.holds
        );
        // The same explanation as `ztp explain` of a capture of it.
        let pcap = lab.path("x.pcapng");
        let explained =
            output(Command::new(ZTP).args(["explain", "--json", "--pcap", pcap.to_str().unwrap()]));
        let mut captured = lines(&String::from_utf8_lossy(&explained.stdout));
        if v6 {
            // The REPLY to the RELEASE (its own transaction id) carries a
            // status, not a plan: the probe does not explain it.
            let xids: Vec<&Value> = probed.iter().map(|r| &r["xid"]).collect();
            let (ours, release): (Vec<Value>, Vec<Value>) = captured
                .into_iter()
                .partition(|r| xids.contains(&&r["xid"]));
            assert_eq!(release.len(), 1, "{what}: {release:?}");
            assert_eq!(release[0]["message"], "REPLY", "{what}: {release:?}");
            captured = ours;
        }
        assert_eq!(
            probed, captured,
            "{what}: probe and `ztp explain --pcap` of the capture differ"
        );
        // Released.
        let address = leased(&stderr);
        if relayed {
            let net = if v6 { "2001:db8:98::" } else { "10.98.0." };
            assert!(address.starts_with(net), "{what}: leased {address}");
        }
        let mut result = released(&lab, daemon, v6, &address);
        for _ in 0..20 {
            if result.is_ok() {
                break;
            }
            // A server writes its lease file a moment after it answers.
            std::thread::sleep(std::time::Duration::from_millis(100));
            result = released(&lab, daemon, v6, &address);
        }
        if let Err(e) = result {
            panic!("{what} (switch {n}): not released: {e}\nprobe said:\n{stderr}");
        }
    }
}

macro_rules! cases {
    ($($name:ident: $daemon:ident, $v6:expr, $relayed:expr;)*) => {$(
        #[test]
        #[ignore = "needs root and the DHCP servers (ztp-server-config/interop/setup.sh); CI runs it"]
        fn $name() {
            probe_fleet(Daemon::$daemon, $v6, $relayed);
        }
    )*};
}

cases! {
    g1_probe_dnsmasq_v4_on_link: Dnsmasq, false, false;
    g1_probe_dnsmasq_v4_relayed: Dnsmasq, false, true;
    g1_probe_dnsmasq_v6_on_link: Dnsmasq, true, false;
    g1_probe_dnsmasq_v6_relayed: Dnsmasq, true, true;
    g1_probe_isc_v4_on_link: Isc, false, false;
    g1_probe_isc_v4_relayed: Isc, false, true;
    g1_probe_isc_v6_on_link: Isc, true, false;
    g1_probe_isc_v6_relayed: Isc, true, true;
    g1_probe_kea_v4_on_link: Kea, false, false;
    g1_probe_kea_v4_relayed: Kea, false, true;
    g1_probe_kea_v6_on_link: Kea, true, false;
    g1_probe_kea_v6_relayed: Kea, true, true;
}

/// Runs `ztp probe ARGS` in the lab's client namespace, optionally as the
/// unprivileged user `nobody`; exit code and standard error.
fn probe_in(lab: &Lab, args: &[&str], nobody: bool) -> (Option<i32>, String) {
    let mut c = if nobody {
        ns(
            &lab.cli,
            &[
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                ZTP,
                "probe",
            ],
        )
    } else {
        ns(&lab.cli, &[ZTP, "probe"])
    };
    c.args(args);
    let out = output(&mut c);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The errors a person meets, each said with what to do and its own exit
/// code: no answer (3: how long, what was sent), and the probe cannot send
/// or listen (4): not root (the capability), a port taken (by what kind
/// of program), no link-local address, no such interface.
#[test]
#[ignore = "needs root and network namespaces; CI runs it"]
fn probe_errors_are_said_with_their_exit_codes() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    require("probe_errors_are_said_with_their_exit_codes");
    // A relayed v4 lab with no server.
    let lab = Lab::relayed(false);
    let juniper = [
        "--vendor",
        "juniper",
        "--model",
        "ex4300-48t",
        "--serial",
        "PE1",
    ];
    let (code, err) = probe_in(
        &lab,
        &[&["--iface", "ztpc0", "--timeout", "0.6"][..], &juniper[..]].concat(),
        false,
    );
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("no OFFER on ztpc0 in 0.6 s"), "{err}");
    assert!(
        err.contains("DISCOVER sent 3 times as juniper ex4300-48t PE1"),
        "{err}"
    );

    let (code, err) = probe_in(&lab, &["--iface", "ztpc0"], true);
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("CAP_NET_RAW"), "{err}");

    let relay = RELAY_V4.to_string();
    let server = SERVER_V4.to_string();
    let (code, err) = probe_in(
        &lab,
        &["--server", &server, "--relay-address", &relay],
        true,
    );
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("CAP_NET_BIND_SERVICE"), "{err}");

    // Port 67 of the relay address held by another program: a first
    // probe, waiting for an answer that does not come, holds it.
    let mut first = ns(
        &lab.cli,
        &[
            ZTP,
            "probe",
            "--server",
            &server,
            "--relay-address",
            &relay,
            "--timeout",
            "10",
        ],
    );
    let mut first = first
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // It says what it sent once its socket is bound.
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(first.stderr.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    assert!(line.starts_with("ztp probe: DISCOVER to"), "{line}");
    let (code, err) = probe_in(
        &lab,
        &["--server", &server, "--relay-address", &relay],
        false,
    );
    let _ = first.kill();
    let _ = first.wait();
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("port 67 is taken"), "{err}");

    // No IPv6 on the link: no link-local address.
    lab::run(&mut ns(
        &lab.cli,
        &["sysctl", "-q", "-w", "net.ipv6.conf.ztpc0.disable_ipv6=1"],
    ));
    let (code, err) = probe_in(&lab, &["--iface", "ztpc0", "--v6"], false);
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("no IPv6 link-local address"), "{err}");

    let (code, err) = probe_in(&lab, &["--iface", "eth9"], false);
    assert_eq!(code, Some(4), "{err}");
    assert!(err.contains("no interface \"eth9\" here"), "{err}");

    // A bad argument is exit 2, before anything is sent.
    let (code, err) = probe_in(
        &lab,
        &["--server", &server, "--relay-address", "2001:db8::9"],
        false,
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("give two IPv4 addresses"), "{err}");
}

/// Bad arguments are refused (exit 2) before any socket is opened, so
/// these run anywhere, root or not.
#[test]
fn probe_refuses_bad_arguments_before_sending() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "--iface <IFACE>"),
        (&["--iface", "lo", "--keep"], "--lease"),
        (&["--iface", "lo", "--vendor", "nope"], "is not a vendor"),
        (&["--iface", "lo", "--model", "x"], "--vendor"),
        (
            &["--iface", "lo", "--vendor", "arista"],
            "give it with --model",
        ),
        (&["--iface", "lo", "--mac", "02:00"], "02:00"),
        (
            &["--iface", "lo", "--timeout", "0"],
            "give 0.1 to 300 seconds",
        ),
        (
            &[
                "--iface",
                "lo",
                "--vendor",
                "cisco-iosxr",
                "--phase",
                "boot",
            ],
            "give iPXE or exr-config",
        ),
        (&["--server", "192.0.2.1"], "--relay-address"),
        (
            &[
                "--server",
                "192.0.2.1",
                "--relay-address",
                "192.0.2.2",
                "--v6",
            ],
            "give two IPv6 (--v6) addresses",
        ),
    ];
    for (args, said) in cases {
        let out = output(Command::new(ZTP).arg("probe").args(*args));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(said), "{args:?}: {err}");
    }
}
