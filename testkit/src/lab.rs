#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs
)]
//! The interop lab: real DHCP servers (dnsmasq, ISC dhcpd, Kea) in a
//! network namespace, a client namespace joined to it by a veth pair, and
//! tshark, for the tests that prove rendered configurations
//! (`ztp-server-config/tests/interop.rs`) and `ztp probe`
//! (`ztp-cli/tests/probe.rs`) on the real servers. Nothing leaves the two
//! namespaces: they have no other link.
//!
//! Layout: namespaces `<id>-s` (server, `ztps0`) and `<id>-c` (client,
//! `ztpc0`, MAC [`LINK_MAC`]); 10.99.0.1/24 and 10.99.0.2/24, or
//! 2001:db8::1/64 and 2001:db8::2/64 (no DAD); pools .10 to .99. A
//! [`Lab::relayed`] lab also gives the client namespace a relay agent's
//! address, [`RELAY_V4`] or [`RELAY_V6`], routed from the server, whose
//! subnet every server serves (pool .10 to .99).
//!
//! Needs root and the Debian packages of
//! `ztp-server-config/interop/setup.sh`; [`require`] fails a test that runs
//! without them, naming what is missing.

use std::fs;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Every wait is bounded by this or less.
pub const WAIT: Duration = Duration::from_secs(20);

/// The MAC address of the client namespace's `ztpc0`.
pub const LINK_MAC: [u8; 6] = [0x02, 0x00, 0x00, 0xaa, 0xbb, 0xcc];

/// The relay agent's DHCPv4 address in a [`Lab::relayed`] lab (on the
/// client namespace's loopback, routed from the server namespace).
pub const RELAY_V4: Ipv4Addr = Ipv4Addr::new(10, 98, 0, 1);

/// The relay agent's DHCPv6 address in a [`Lab::relayed`] lab.
pub const RELAY_V6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0x98, 0, 0, 0, 0, 1);

/// The server's address on the link.
pub const SERVER_V4: Ipv4Addr = Ipv4Addr::new(10, 99, 0, 1);

/// The server's DHCPv6 address on the link.
pub const SERVER_V6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);

/// A DHCP server the lab runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Daemon {
    /// dnsmasq (both families).
    Dnsmasq,
    /// ISC dhcpd (`-4` or `-6`).
    Isc,
    /// Kea (`kea-dhcp4` or `kea-dhcp6`).
    Kea,
}

fn mac_text(mac: [u8; 6]) -> String {
    let parts: Vec<String> = mac.iter().map(|b| format!("{b:02x}")).collect();
    parts.join(":")
}

// ---------------------------------------------------------- prerequisites

pub fn missing() -> Option<String> {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let root = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .is_some_and(|l| l.split_whitespace().nth(2) == Some("0"));
    if !root {
        return Some("not root (network namespaces need root)".into());
    }
    for bin in ["ip", "dnsmasq", "kea-dhcp4", "kea-dhcp6", "dhcpd", "tshark"] {
        let found = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
            .iter()
            .any(|d| Path::new(d).join(bin).exists());
        if !found {
            return Some(format!(
                "{bin} is not installed (run ztp-server-config/interop/setup.sh)"
            ));
        }
    }
    None
}

/// Fails the test, naming what is missing, unless every prerequisite is
/// there (these tests are ignored by default: when they run, they run).
pub fn require(test: &str) {
    if let Some(why) = missing() {
        panic!("{test}: {why}: the interop tests need root and the DHCP servers");
    }
}

// ---------------------------------------------------------- processes

pub fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn ns(name: &str, args: &[&str]) -> Command {
    let mut c = Command::new("ip");
    c.args(["netns", "exec", name]).args(args);
    c
}

/// A process killed and reaped when dropped.
#[derive(Debug)]
pub struct Proc {
    /// The process.
    pub child: Child,
    /// What it is, for messages.
    pub name: String,
}

impl Proc {
    pub fn spawn(name: &str, mut cmd: Command, log: &Path) -> Proc {
        let out = fs::File::create(log).unwrap();
        let err = out.try_clone().unwrap();
        let child = cmd
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        Proc {
            child,
            name: name.into(),
        }
    }

    /// Waits for exit, at most `limit`.
    pub fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(
                start.elapsed() < limit,
                "{} still running after {limit:?}",
                self.name
            );
            sleep(Duration::from_millis(20));
        }
    }

    pub fn signal(&self, sig: &str) {
        let _ = Command::new("kill")
            .args([sig, &self.child.id().to_string()])
            .status();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Two namespaces and a work directory, removed when dropped.
#[derive(Debug)]
pub struct Lab {
    /// The server's namespace (`ztps0`, 10.99.0.1/24, 2001:db8::1/64).
    pub srv: String,
    /// The client's namespace (`ztpc0`, 10.99.0.2/24, 2001:db8::2/64).
    pub cli: String,
    /// The work directory (configurations, leases, logs, captures).
    pub dir: PathBuf,
    /// The relay agent's subnet is routed and served ([`Lab::relayed`]).
    pub relayed: bool,
}

impl Drop for Lab {
    fn drop(&mut self) {
        for n in [&self.srv, &self.cli] {
            let _ = Command::new("ip")
                .args(["netns", "del", n])
                .stderr(Stdio::null())
                .status();
        }
        if std::env::var_os("ZTP_INTEROP_KEEP").is_none() {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

static LABS: AtomicUsize = AtomicUsize::new(0);

impl Lab {
    /// Two namespaces joined by a veth pair, for one family.
    pub fn new(v6: bool) -> Lab {
        let n = LABS.fetch_add(1, Ordering::SeqCst);
        let id = format!("ztpi-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&id);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let lab = Lab {
            srv: format!("{id}-s"),
            cli: format!("{id}-c"),
            dir,
            relayed: false,
        };
        for n in [&lab.srv, &lab.cli] {
            run(Command::new("ip").args(["netns", "add", n]));
            run(&mut ns(n, &["ip", "link", "set", "lo", "up"]));
            if v6 {
                run(&mut ns(
                    n,
                    &[
                        "sysctl",
                        "-q",
                        "-w",
                        "net.ipv6.conf.all.accept_dad=0",
                        "net.ipv6.conf.default.accept_dad=0",
                    ],
                ));
            }
        }
        run(Command::new("ip").args([
            "link", "add", "ztps0", "netns", &lab.srv, "type", "veth", "peer", "name", "ztpc0",
            "netns", &lab.cli,
        ]));
        run(&mut ns(
            &lab.cli,
            &["ip", "link", "set", "ztpc0", "address", &mac_text(LINK_MAC)],
        ));
        for (n, dev, a4, a6) in [
            (&lab.srv, "ztps0", "10.99.0.1/24", "2001:db8::1/64"),
            (&lab.cli, "ztpc0", "10.99.0.2/24", "2001:db8::2/64"),
        ] {
            if v6 {
                run(&mut ns(
                    n,
                    &["ip", "-6", "addr", "add", a6, "dev", dev, "nodad"],
                ));
            } else {
                run(&mut ns(n, &["ip", "addr", "add", a4, "dev", dev]));
            }
            run(&mut ns(n, &["ip", "link", "set", dev, "up"]));
        }
        if !v6 {
            // The limited broadcast needs a route out of the client namespace.
            run(&mut ns(
                &lab.cli,
                &["ip", "route", "add", "255.255.255.255", "dev", "ztpc0"],
            ));
        }
        lab
    }

    /// A file of the work directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// A lab whose client namespace is also a relay agent: [`RELAY_V4`] or
    /// [`RELAY_V6`] on its loopback, the server namespace's route to it
    /// through the link, and the relay's subnet served by [`start`].
    pub fn relayed(v6: bool) -> Lab {
        let mut lab = Lab::new(v6);
        if v6 {
            run(&mut ns(
                &lab.cli,
                &[
                    "ip",
                    "-6",
                    "addr",
                    "add",
                    "2001:db8:98::1/128",
                    "dev",
                    "lo",
                    "nodad",
                ],
            ));
            run(&mut ns(
                &lab.srv,
                &[
                    "ip",
                    "-6",
                    "route",
                    "add",
                    "2001:db8:98::/64",
                    "via",
                    "2001:db8::2",
                ],
            ));
        } else {
            run(&mut ns(
                &lab.cli,
                &["ip", "addr", "add", "10.98.0.1/32", "dev", "lo"],
            ));
            run(&mut ns(
                &lab.srv,
                &["ip", "route", "add", "10.98.0.0/24", "via", "10.99.0.2"],
            ));
        }
        lab.relayed = true;
        lab
    }
}

// ---------------------------------------------------------- servers

/// Runs `server` with `text` (dnsmasq lines, ISC statements, or a Kea JSON
/// document with a `Dhcp4`/`Dhcp6` object) beside the lab's subnet, after
/// the server's own syntax check (`dnsmasq --test`, `dhcpd -t`,
/// `kea-dhcp4 -t`), which must pass.
pub fn start(lab: &Lab, daemon: Daemon, text: &str, v6: bool) -> Proc {
    let d = |n: &str| lab.path(n).to_string_lossy().into_owned();
    let log = lab.path("server.log");
    let _ = fs::remove_file(&log);
    match daemon {
        Daemon::Dnsmasq => {
            let mut range = if v6 {
                "dhcp-range=2001:db8::10,2001:db8::99,64,1h".to_owned()
            } else {
                "dhcp-range=10.99.0.10,10.99.0.99,255.255.255.0,1h".to_owned()
            };
            if lab.relayed {
                range.push_str(if v6 {
                    "\ndhcp-range=2001:db8:98::10,2001:db8:98::99,64,1h"
                } else {
                    "\ndhcp-range=10.98.0.10,10.98.0.99,255.255.255.0,1h"
                });
            }
            let conf = format!(
                "{}port=0\ninterface=ztps0\nbind-interfaces\nno-ping\nlog-dhcp\n{range}\n\
                 dhcp-leasefile={}\npid-file={}\nuser=root\n",
                text,
                d("dnsmasq.leases"),
                d("dnsmasq.pid")
            );
            fs::write(lab.path("dnsmasq.conf"), conf).unwrap();
            let _ = fs::remove_file(lab.path("dnsmasq.leases"));
            let mut t = ns(&lab.srv, &["dnsmasq", "--test"]);
            t.arg(format!("--conf-file={}", d("dnsmasq.conf")));
            run(&mut t);
            let mut c = ns(&lab.srv, &["dnsmasq", "--no-daemon"]);
            c.arg(format!("--conf-file={}", d("dnsmasq.conf")));
            Proc::spawn("dnsmasq", c, &log)
        }
        Daemon::Isc => {
            let mut subnet = if v6 {
                "subnet6 2001:db8::/64 { range6 2001:db8::10 2001:db8::99; }\n".to_owned()
            } else {
                "authoritative;\nsubnet 10.99.0.0 netmask 255.255.255.0 { range 10.99.0.10 10.99.0.99; }\n"
                    .to_owned()
            };
            if lab.relayed {
                subnet.push_str(if v6 {
                    "subnet6 2001:db8:98::/64 { range6 2001:db8:98::10 2001:db8:98::99; }\n"
                } else {
                    "subnet 10.98.0.0 netmask 255.255.255.0 { range 10.98.0.10 10.98.0.99; }\n"
                });
            }
            fs::write(lab.path("dhcpd.conf"), format!("{subnet}{text}")).unwrap();
            fs::write(lab.path("dhcpd.leases"), "").unwrap();
            let _ = fs::remove_file(lab.path("dhcpd.pid"));
            let fam = if v6 { "-6" } else { "-4" };
            let mut t = ns(&lab.srv, &["dhcpd", fam, "-t", "-q", "-cf"]);
            t.arg(d("dhcpd.conf"));
            run(&mut t);
            let mut c = ns(&lab.srv, &["dhcpd", fam, "-f", "-d", "-cf"]);
            c.arg(d("dhcpd.conf"))
                .arg("-lf")
                .arg(d("dhcpd.leases"))
                .arg("-pf")
                .arg(d("dhcpd.pid"))
                .arg("ztps0");
            Proc::spawn("dhcpd", c, &log)
        }
        Daemon::Kea => {
            let mut doc: serde_json::Value = serde_json::from_str(text).unwrap();
            let (root, bin) = if v6 {
                ("Dhcp6", "kea-dhcp6")
            } else {
                ("Dhcp4", "kea-dhcp4")
            };
            let dhcp = doc[root].as_object_mut().unwrap();
            // Kea's DHCPv6 listens to the multicast group only, unless an
            // interface names its unicast address: a relay sends unicast.
            let interface = if v6 && lab.relayed {
                "ztps0/2001:db8::1"
            } else {
                "ztps0"
            };
            dhcp.insert(
                "interfaces-config".into(),
                serde_json::json!({ "interfaces": [interface] }),
            );
            if v6 {
                // Not the default /var/lib/kea/kea-dhcp6-serverid.
                dhcp.insert(
                    "server-id".into(),
                    serde_json::json!({ "type": "LL", "persist": false }),
                );
            }
            // Leases in a file of the lab (appended to; read by the tests
            // that check a release), never cleaned up while the lab runs.
            let leases = lab.path(if v6 {
                "kea-leases6.csv"
            } else {
                "kea-leases4.csv"
            });
            let _ = fs::remove_file(&leases);
            dhcp.insert(
                "lease-database".into(),
                serde_json::json!({ "type": "memfile", "persist": true,
                    "name": leases.to_string_lossy(), "lfc-interval": 0 }),
            );
            let mut subnet = if v6 {
                serde_json::json!([{ "id": 1, "subnet": "2001:db8::/64", "interface": "ztps0",
                    "pools": [{ "pool": "2001:db8::10 - 2001:db8::99" }] }])
            } else {
                serde_json::json!([{ "id": 1, "subnet": "10.99.0.0/24", "interface": "ztps0",
                    "pools": [{ "pool": "10.99.0.10 - 10.99.0.99" }] }])
            };
            if lab.relayed {
                let relayed = if v6 {
                    serde_json::json!({ "id": 2, "subnet": "2001:db8:98::/64",
                        "pools": [{ "pool": "2001:db8:98::10 - 2001:db8:98::99" }] })
                } else {
                    serde_json::json!({ "id": 2, "subnet": "10.98.0.0/24",
                        "pools": [{ "pool": "10.98.0.10 - 10.98.0.99" }] })
                };
                subnet.as_array_mut().unwrap().push(relayed);
            }
            dhcp.insert(if v6 { "subnet6" } else { "subnet4" }.into(), subnet);
            dhcp.insert(
                "loggers".into(),
                serde_json::json!([{ "name": bin, "severity": "DEBUG", "debuglevel": 40,
                    "output_options": [{ "output": "stdout" }] }]),
            );
            let conf = lab.path("kea.json");
            fs::write(&conf, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
            // `-t` checks the configuration; it must run where the interface is.
            let mut t = ns(&lab.srv, &[bin, "-t"]);
            t.arg(&conf)
                .env("KEA_PIDFILE_DIR", &lab.dir)
                .env("KEA_LOCKFILE_DIR", &lab.dir);
            run(&mut t);
            let mut c = ns(&lab.srv, &[bin, "-c"]);
            c.arg(&conf)
                .env("KEA_PIDFILE_DIR", &lab.dir)
                .env("KEA_LOCKFILE_DIR", &lab.dir);
            Proc::spawn(bin, c, &log)
        }
    }
}

/// Waits until the log shows the server is listening.
pub fn wait_ready(lab: &Lab, daemon: Daemon, proc: &mut Proc) {
    let marker = match daemon {
        Daemon::Dnsmasq => "DHCP, ",
        Daemon::Isc => "Sending on",
        Daemon::Kea => "DHCP4_STARTED",
    };
    let marker6 = "DHCP6_STARTED";
    let start = Instant::now();
    loop {
        let log = fs::read_to_string(lab.path("server.log")).unwrap_or_default();
        if log.contains(marker) || log.contains(marker6) {
            // dhcpd logs "Sending on" just before its loop; give it a moment.
            sleep(Duration::from_millis(100));
            return;
        }
        if let Ok(Some(s)) = proc.child.try_wait() {
            panic!("{daemon:?} exited ({s}) before it was ready:\n{log}");
        }
        assert!(
            start.elapsed() < WAIT,
            "{daemon:?} not ready after {WAIT:?}:\n{log}"
        );
        sleep(Duration::from_millis(50));
    }
}

/// Starts tshark on the client namespace's `ztpc0`, writing the DHCP
/// traffic of the family to `x.pcapng`, stopping by itself after the four
/// packets of an exchange (or 30 s); returns once it is capturing.
pub fn start_capture(lab: &Lab, v6: bool) -> Proc {
    start_capture_of(lab, v6, Some(4))
}

/// As [`start_capture`], stopping after `packets` packets, or only when
/// interrupted ([`interrupt_capture`]) with `None`.
pub fn start_capture_of(lab: &Lab, v6: bool, packets: Option<usize>) -> Proc {
    let filter = if v6 {
        "udp port 546 or udp port 547"
    } else {
        "udp port 67 or udp port 68"
    };
    let pcap = lab.path("x.pcapng");
    let mut c = ns(
        &lab.cli,
        &["tshark", "-n", "-q", "-i", "ztpc0", "-f", filter],
    );
    c.arg("-w").arg(&pcap).args(["-a", "duration:60"]);
    if let Some(n) = packets {
        c.arg("-c").arg(n.to_string());
    }
    let mut p = Proc::spawn("tshark", c, &lab.path("tshark.log"));
    let start = Instant::now();
    loop {
        let log = fs::read_to_string(lab.path("tshark.log")).unwrap_or_default();
        if log.contains("Capturing on") {
            // tshark says so a little before its socket sees packets.
            sleep(Duration::from_millis(300));
            return p;
        }
        if let Ok(Some(s)) = p.child.try_wait() {
            panic!("tshark exited ({s}):\n{log}");
        }
        assert!(start.elapsed() < WAIT, "tshark not capturing:\n{log}");
        sleep(Duration::from_millis(50));
    }
}

pub fn stop_capture(mut p: Proc) {
    // tshark stops by itself after the four packets of the exchange
    // (`-c 4`); stop it cleanly if it has not within the bound.
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if let Ok(Some(_)) = p.child.try_wait() {
            return;
        }
        sleep(Duration::from_millis(50));
    }
    p.signal("-INT");
    p.wait(WAIT);
}

/// Stops a capture now (after a moment for the last packet to be
/// written), cleanly, so that its file is complete.
pub fn interrupt_capture(mut p: Proc) {
    sleep(Duration::from_millis(300));
    if let Ok(None) = p.child.try_wait() {
        p.signal("-INT");
    }
    p.wait(WAIT);
}

/// Runs `tshark -n -r x.pcapng ARGS`; its standard output.
pub fn tshark(lab: &Lab, args: &[&str]) -> String {
    let mut c = Command::new("tshark");
    c.arg("-n").arg("-r").arg(lab.path("x.pcapng")).args(args);
    String::from_utf8(run(&mut c).stdout).unwrap()
}
