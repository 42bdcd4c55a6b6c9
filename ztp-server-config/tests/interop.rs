#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! Interop: each rendered configuration, run by the real server in a
//! network namespace, answers a real DISCOVER/REQUEST (DHCPv4) or
//! SOLICIT/REQUEST (DHCPv6) with the plan that was rendered, and tshark
//! finds the exchange well formed and reads the same option values.
//!
//! Needs root and the Debian packages of `interop/setup.sh`, so the cases
//! are `#[ignore]`d with that reason (libtest reports them as ignored, not
//! passed) and run with
//! `cargo test -p ztp-server-config --test interop -- --include-ignored --skip client_helper`
//! (CI does); run that way, a missing prerequisite fails the test, naming
//! what is missing.
//!
//! Layout of one case: namespaces `<case>-s` (server, `ztps0`) and `<case>-c`
//! (client, `ztpc0`) joined by a veth pair; 10.99.0.1/24 and 10.99.0.2/24,
//! or 2001:db8::1/64 and 2001:db8::2/64 (no DAD). The client is this test
//! binary, re-run inside the client namespace as the ignored test
//! `client_helper` with `ZTP_INTEROP_CLIENT` set.

use std::fs;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use ztp_options::sztp::RedirectRepr;
use ztp_options::v4::{OptionCode, OptionSet};
use ztp_options::{
    DecisionKind, ImageType, Plan, PlanBuf, Port, PortOrServer, TransferMode, VendorInfo,
    resolve_v4, resolve_v4_options, resolve_v6, resolve_v6_options, v4, v6,
};
use ztp_server_config::{Error, MacAddr, Note, Rendered, Scope, Server, render};
use ztp_testkit::lab::{
    self, Daemon, Lab, Proc, WAIT, ns, require, start_capture, stop_capture, tshark,
};

/// One case at a time (see [`case`]).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

const CLIENT_ENV: &str = "ZTP_INTEROP_CLIENT";
const VENDOR_CLASS: &str = "Juniper-ex4300-48t";
const MAC: [u8; 6] = lab::LINK_MAC;
/// A client outside every scope: another MAC address, another vendor.
const OTHER_MAC: [u8; 6] = [0x02, 0x00, 0x00, 0x11, 0x22, 0x33];
const OTHER_VENDOR_CLASS: &str = "Cisco-c9300-48p";

/// The client's MAC address and vendor class (the helper's environment).
fn identity() -> ([u8; 6], &'static str) {
    if std::env::var_os("ZTP_INTEROP_OTHER").is_some() {
        (OTHER_MAC, OTHER_VENDOR_CLASS)
    } else {
        (MAC, VENDOR_CLASS)
    }
}
/// The fleet client's identity (tests/interop/fleet.rs), from the
/// environment: `ZTP_FLEET_VENDOR` and the fields `ZTP_FLEET_MODEL`,
/// `_SERIAL`, `_VERSION`, `_PHASE`, `_ARCH`, the MAC address
/// `ZTP_FLEET_MAC` (hex) and `ZTP_FLEET_DROP` (hex codes left out of the
/// parameter request list / option request option, P239). The options are
/// built here with `IdentityRepr`, never written by hand.
fn fleet_identity(v6: bool) -> Option<(ztp_options::vendor::IdentityRepr, [u8; 6], Vec<u16>)> {
    use ztp_options::vendor::{IdentityRepr, Phase, Vendor};
    let vendor: Vendor = std::env::var("ZTP_FLEET_VENDOR").ok()?.parse().unwrap();
    let var = |k: &str| std::env::var(format!("ZTP_FLEET_{k}")).ok();
    let mut repr = IdentityRepr::new(vendor);
    if let Some(m) = var("MODEL") {
        repr = repr.with_model(&m);
    }
    if let Some(m) = var("SERIAL") {
        repr = repr.with_serial(&m);
    }
    if let Some(m) = var("VERSION") {
        repr = repr.with_version(&m);
    }
    if let Some(m) = var("ARCH") {
        repr = repr.with_detail_arch(&m);
    }
    if let Some(p) = var("PHASE") {
        repr = repr.with_phase(Phase::from_user_class(p.as_bytes()).unwrap());
    }
    let h = var("MAC").unwrap();
    let mut mac = [0u8; 6];
    for (i, b) in mac.iter_mut().enumerate() {
        *b = u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap();
    }
    if v6 && !matches!(vendor, Vendor::CiscoIosXr) {
        repr = repr.with_mac(mac);
    }
    let drop = var("DROP").map_or_else(Vec::new, |d| {
        d.split(',')
            .filter(|c| !c.is_empty())
            .map(|c| c.parse().unwrap())
            .collect()
    });
    Some((repr, mac, drop))
}

// ---------------------------------------------------------------- plans

fn plan_v4(info: &VendorInfo, servers: &[Ipv4Addr]) -> PlanBuf {
    let list: Vec<u8> = servers.iter().flat_map(|a| a.octets()).collect();
    plan_v4_with(info, OptionCode::TFTP_SERVER_ADDRESS, list)
}

fn plan_v4_with(info: &VendorInfo, code: OptionCode, value: Vec<u8>) -> PlanBuf {
    let mut set = OptionSet::new();
    let mut v = Vec::new();
    info.put_v4(&mut v).unwrap();
    set.insert(OptionCode::VENDOR_SPECIFIC, v).unwrap();
    set.insert(code, value).unwrap();
    resolve_v4_options(&set).unwrap()
}

fn plan_v6(info: &VendorInfo, url: &v6::BootFileUrlRepr) -> PlanBuf {
    let mut options = v6::OptionSet::new();
    let mut v = Vec::new(); // put_v6 writes the enterprise number too
    info.put_v6(&mut v).unwrap();
    options.push(v6::OptionCode::VENDOR_OPTS, v);
    let mut u = Vec::new();
    url.put(&mut u).unwrap();
    options.push(v6::OptionCode::BOOTFILE_URL, u);
    // A REPLY (transaction id 0) carrying these options.
    resolve_v6_options(&options).unwrap()
}

/// Image and config over HTTP, the config name with a `:port` suffix (R19).
fn http_with_port() -> PlanBuf {
    plan_v4(
        &VendorInfo {
            image: Some("/img/junos-install-ex-x86-64-23.4R2.tgz".into()),
            config: Some("/cfg/jn-switch35.config:8088".into()),
            transfer_mode: Some(TransferMode::Http),
            ..VendorInfo::default()
        },
        &[Ipv4Addr::new(10, 99, 0, 1), Ipv4Addr::new(10, 99, 0, 3)],
    )
}

/// Config only, over TFTP (R11: no suboption 03).
fn tftp_config_only() -> PlanBuf {
    plan_v4(
        &VendorInfo {
            config: Some("ex4300.conf".into()),
            ..VendorInfo::default()
        },
        &[Ipv4Addr::new(10, 99, 0, 1)],
    )
}

/// The file server in option 66 only (R3: an address literal as text).
fn option_66_only() -> PlanBuf {
    plan_v4_with(
        &VendorInfo {
            image: Some("junos.tgz".into()),
            transfer_mode: Some(TransferMode::Ftp),
            ..VendorInfo::default()
        },
        OptionCode::TFTP_SERVER_NAME,
        b"10.99.0.1".to_vec(),
    )
}

/// Option 43 over 255 bytes (R2): long TFTP names and a symlink.
fn long_option_43() -> PlanBuf {
    plan_v4(
        &VendorInfo {
            image: Some(format!("/images/{}.tgz", "junos-install-ex".repeat(9))),
            config: Some(format!("/configs/{}.conf", "ex4300-48t-access".repeat(7))),
            image_type: ImageType::Symlink,
            transfer_mode: Some(TransferMode::Tftp),
            port_or_server: Some(PortOrServer::Port("69".parse::<Port>().unwrap())),
            ..VendorInfo::default()
        },
        &[Ipv4Addr::new(10, 99, 0, 1)],
    )
}

/// DHCPv6: image and config in option 17, option 59 with a port.
fn v6_plan() -> PlanBuf {
    plan_v6(
        &VendorInfo {
            image: Some("/img/junos-evo.tgz".into()),
            config: Some("/cfg/sw.conf".into()),
            transfer_mode: Some(TransferMode::Http),
            ..VendorInfo::default()
        },
        &v6::BootFileUrlRepr {
            transfer_mode: TransferMode::Http,
            server: "2001:db8::1".parse().unwrap(),
            port: Some("8080".parse::<Port>().unwrap()),
            path: "/img/junos.tgz".into(),
        },
    )
}

/// R31, R32: `plan` with an SZTP redirect beside it (option 143 or 136).
fn with_sztp(mut plan: PlanBuf, uris: &str) -> PlanBuf {
    plan.sztp_redirect = Some(uris.parse::<RedirectRepr>().unwrap());
    plan.log.push(DecisionKind::SztpRedirect);
    plan
}

/// DHCPv4 ZTP over HTTP and an SZTP redirect to two bootstrap servers.
fn sztp_v4() -> PlanBuf {
    with_sztp(
        http_with_port(),
        "https://sztp.example.net, https://10.99.0.1:8443",
    )
}

/// An SZTP redirect over 255 bytes (R2: split into several 143s).
fn long_sztp_v4() -> PlanBuf {
    let name = |i: usize| format!("{}{i}.example.net", "bootstrap".repeat(5));
    let uris: Vec<String> = (0..4).map(|i| format!("https://{}", name(i))).collect();
    with_sztp(tftp_config_only(), &uris.join(","))
}

/// DHCPv6 ZTP and an SZTP redirect (option 136).
fn sztp_v6() -> PlanBuf {
    with_sztp(
        v6_plan(),
        "https://[2001:db8::1]:8443, https://sztp.example.net",
    )
}

// ---------------------------------------------------------- the lab

/// The lab's server of `server` (testkit's [`Daemon`]).
fn daemon(server: Server) -> Daemon {
    match server {
        Server::Dnsmasq => Daemon::Dnsmasq,
        Server::Isc | Server::Isc6 => Daemon::Isc,
        Server::Kea4 | Server::Kea6 => Daemon::Kea,
        other => panic!("no server {other}"),
    }
}

fn start_server(lab: &Lab, r: &Rendered, v6: bool) -> Proc {
    start_config(lab, r.server, &r.text, v6)
}

/// Runs `server` with `text` beside the lab's subnet, after the server's
/// own syntax check ([`lab::start`]).
fn start_config(lab: &Lab, server: Server, text: &str, v6: bool) -> Proc {
    lab::start(lab, daemon(server), text, v6)
}

/// Waits until the log shows the server is listening.
fn wait_ready(lab: &Lab, server: Server, proc: &mut Proc) {
    lab::wait_ready(lab, daemon(server), proc);
}

// ---------------------------------------------------------- one case

/// A client outside the scope gets a lease without the ZTP options.
fn outsider(server: Server, plan: &Plan<'_>, scope: &Scope) {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let rendered = render(server, plan, scope).unwrap();
    let v6 = plan.family() == ztp_options::Family::V6;
    let lab = Lab::new(v6);
    let mut srv = start_server(&lab, &rendered, v6);
    wait_ready(&lab, server, &mut srv);
    let reply_path = lab.path("reply.bin");
    let mut c = ns(&lab.cli, &[]);
    c.arg(std::env::current_exe().unwrap())
        .args(["client_helper", "--exact", "--ignored", "--nocapture"])
        .env(CLIENT_ENV, if v6 { "v6" } else { "v4" })
        .env("ZTP_INTEROP_OTHER", "1")
        .env("ZTP_INTEROP_OUT", &reply_path);
    let mut client = Proc::spawn("client", c, &lab.path("client.log"));
    let status = client.wait(WAIT);
    let clog = fs::read_to_string(lab.path("client.log")).unwrap_or_default();
    assert!(status.success(), "{server}: client failed:\n{clog}");
    let reply = fs::read(&reply_path).unwrap();
    if v6 {
        let lease = v6::Lease::parse(&reply).unwrap();
        assert!(
            lease.vendor_opts().unwrap().is_none(),
            "{server}: option 17 sent"
        );
        assert!(
            lease.boot_file_url().unwrap().is_none(),
            "{server}: option 59 sent"
        );
    } else {
        let lease = v4::Lease::parse(&reply).unwrap();
        assert!(
            lease.option43().unwrap().is_none(),
            "{server}: option 43 sent"
        );
        assert!(
            lease.tftp_server_addresses().unwrap().is_none(),
            "{server}: option 150 sent"
        );
    }
}

/// Renders, serves, asks, and checks. Returns the rendered output.
fn case(server: Server, plan: &Plan<'_>, scope: &Scope) -> Rendered {
    // One case at a time: the machine stays idle enough for tshark to be
    // capturing when it says it is, and each case takes about a second.
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let rendered = render(server, plan, scope).unwrap();
    let v6 = plan.family() == ztp_options::Family::V6;
    let lab = Lab::new(v6);
    let mut srv = start_server(&lab, &rendered, v6);
    wait_ready(&lab, server, &mut srv);
    let cap = start_capture(&lab, v6);
    let reply_path = lab.path("reply.bin");
    let mut c = ns(&lab.cli, &[]);
    c.arg(std::env::current_exe().unwrap())
        .args(["client_helper", "--exact", "--ignored", "--nocapture"])
        .env(CLIENT_ENV, if v6 { "v6" } else { "v4" })
        .env("ZTP_INTEROP_OUT", &reply_path);
    let mut client = Proc::spawn("client", c, &lab.path("client.log"));
    let status = client.wait(WAIT);
    stop_capture(cap);
    let slog = fs::read_to_string(lab.path("server.log")).unwrap_or_default();
    let clog = fs::read_to_string(lab.path("client.log")).unwrap_or_default();
    assert!(
        status.success(),
        "{server}: client failed:\n{clog}\nserver log:\n{slog}\nconfig:\n{}",
        rendered.text
    );
    let reply = fs::read(&reply_path).unwrap();

    // The reply the server really sent resolves to the rendered plan.
    let got = if v6 {
        resolve_v6(&v6::Lease::parse(&reply).unwrap()).map(|p| p.to_buf())
    } else {
        resolve_v4(&v4::Lease::parse(&reply).unwrap()).map(|p| p.to_buf())
    };
    let mut got = got.unwrap_or_else(|e| panic!("{server}: reply does not resolve: {e}\n{slog}"));
    // What only records a server's wire habits (R7 trailing NUL, R13
    // siaddr/sname/file set: log entries and their ignored values) is the
    // server's, not the plan's: print it for the record, and compare the
    // rest.
    let quirk = |kind: DecisionKind| {
        matches!(
            kind,
            DecisionKind::TrailingNul
                | DecisionKind::SiaddrIgnored
                | DecisionKind::SnameIgnored
                | DecisionKind::FileIgnored
        )
    };
    for q in got.decisions().filter(|d| quirk(d.kind())) {
        eprintln!("{server}: wire habit: [{}] {q}", q.rule());
    }
    got.log.retain(|e| !quirk(e.kind));
    got.ignored.siaddr = None;
    got.ignored.sname = None;
    got.ignored.file = None;
    // What the notes say the server does differently: dnsmasq's NUL after
    // option 66 (kept in an ignored 66's raw bytes), and the server's order
    // of the unknown suboptions (the same items, each with its bytes).
    let mut want = rendered.plan.clone();
    if rendered.notes.contains(&Note::TrailingNul { option: 66 }) {
        if let Some(v) = got.ignored.option66.as_mut() {
            if v.last() == Some(&0) {
                v.pop();
            }
        }
    }
    if rendered.notes.contains(&Note::SuboptionOrder) {
        for p in [&mut got, &mut want] {
            p.unknown_suboptions
                .sort_by(|a, b| (a.code, &a.value).cmp(&(b.code, &b.value)));
        }
    }
    assert!(
        got == want,
        "{server}: plan from the reply differs: {}",
        plan_diff(&got, &want)
    );
    // R31: the SZTP redirect went out byte for byte (instances joined).
    let sztp_sent = if v6 {
        v6_option(&reply, v6::OptionCode::SZTP_REDIRECT)
    } else {
        v4_option(&reply, OptionCode::SZTP_REDIRECT)
    };
    let sztp_want = rendered
        .plan
        .sztp_redirect
        .as_ref()
        .map(|r| r.to_vec(plan.family()).unwrap());
    assert_eq!(sztp_sent, sztp_want, "{server}: sztp redirect bytes");

    // tshark: nothing malformed, and the same option values.
    let malformed = tshark(&lab, &["-Y", "_ws.malformed"]);
    assert!(
        malformed.trim().is_empty(),
        "{server}: malformed:\n{malformed}"
    );
    check_tshark(&lab, server, &rendered, &reply, v6);
    rendered
}

/// The fields where two plans differ, each as the reply's and the plan's.
fn plan_diff(got: &PlanBuf, want: &PlanBuf) -> String {
    let mut out = String::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push_str(&format!("\n  {name}: reply {a}\n  {name}: plan  {b}"));
        }
    };
    field(
        "image",
        format!("{:?}", got.image),
        format!("{:?}", want.image),
    );
    field(
        "config",
        format!("{:?}", got.config),
        format!("{:?}", want.config),
    );
    field(
        "transfer mode",
        format!("{:?} {:?}", got.transfer_mode, got.transfer_mode_source),
        format!("{:?} {:?}", want.transfer_mode, want.transfer_mode_source),
    );
    field(
        "file server",
        format!("{:?}", got.file_server),
        format!("{:?}", want.file_server),
    );
    field(
        "port",
        format!("{:?}", got.port),
        format!("{:?}", want.port),
    );
    field(
        "ntp",
        format!("{:?}", got.ntp_servers),
        format!("{:?}", want.ntp_servers),
    );
    field(
        "syslog",
        format!("{:?}", got.syslog_servers),
        format!("{:?}", want.syslog_servers),
    );
    field(
        "host name",
        format!("{:?}", got.host_name),
        format!("{:?}", want.host_name),
    );
    field(
        "proxy",
        format!("{:?}", got.proxy),
        format!("{:?}", want.proxy),
    );
    field(
        "unknown",
        format!("{:?}", got.unknown_suboptions),
        format!("{:?}", want.unknown_suboptions),
    );
    field(
        "sztp",
        format!("{:?}", got.sztp_redirect),
        format!("{:?}", want.sztp_redirect),
    );
    field(
        "ignored",
        format!("{:?}", got.ignored),
        format!("{:?}", want.ignored),
    );
    field("log", format!("{:?}", got.log), format!("{:?}", want.log));
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn check_tshark(lab: &Lab, server: Server, r: &Rendered, reply: &[u8], v6: bool) {
    if v6 {
        // The REPLY: option 17's items and option 59's length (tshark 4.0
        // has no field for option 59's value).
        let out = tshark(
            lab,
            &[
                "-Y",
                "dhcpv6.msgtype == 7",
                "-T",
                "fields",
                "-E",
                "occurrence=a",
                "-E",
                "aggregator=;",
                "-e",
                "dhcpv6.vendoropts.enterprise",
                "-e",
                "dhcpv6.vendoropts.enterprise.option_code",
                "-e",
                "dhcpv6.vendoropts.enterprise.option_data",
                "-e",
                "dhcpv6.option.type",
                "-e",
                "dhcpv6.option.length",
            ],
        );
        let line = out.lines().next().unwrap_or_default();
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f[0], "2636", "{server}: tshark enterprise: {line}");
        let lease = v6::Lease::parse(reply).unwrap();
        let items: Vec<(String, String)> = lease
            .vendor_opts()
            .unwrap()
            .unwrap()
            .items()
            .map(|i| {
                let i = i.unwrap();
                (i.code.to_string(), hex(i.value))
            })
            .collect();
        let codes: Vec<&str> = f[1].split(';').collect();
        // tshark has no data for an empty item (`<MISSING>`): compare the
        // codes of all, the data of the others.
        let data: Vec<String> = f[2]
            .split(';')
            .filter(|d| !d.is_empty() && *d != "<MISSING>")
            .map(|d| d.replace(':', ""))
            .collect();
        let want_codes: Vec<&str> = items.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            codes, want_codes,
            "{server}: tshark option 17 codes: {line}"
        );
        let want_data: Vec<&str> = items
            .iter()
            .map(|(_, d)| d.as_str())
            .filter(|d| !d.is_empty())
            .collect();
        assert_eq!(data, want_data, "{server}: tshark option 17 items");
        let types: Vec<&str> = f[3].split(';').collect();
        let lens: Vec<&str> = f[4].split(';').collect();
        let url = lease.boot_file_url().unwrap().unwrap();
        let i = types.iter().position(|t| *t == "59").expect("option 59");
        assert_eq!(
            lens[i],
            url.as_str().len().to_string(),
            "{server}: option 59"
        );
        return;
    }
    let out = tshark(
        lab,
        &[
            "-Y",
            "dhcp.option.dhcp == 5",
            "-T",
            "fields",
            "-E",
            "occurrence=a",
            "-E",
            "aggregator=;",
            "-e",
            "dhcp.option.vendor.value",
            "-e",
            "dhcp.option.tftp_server_address",
            "-e",
            "dhcp.option.tftp_server_name",
        ],
    );
    let line = out.lines().next().unwrap_or_default();
    let f: Vec<&str> = line.split('\t').collect();
    let lease = v4::Lease::parse(reply).unwrap();
    let o43 = lease.option43().unwrap().map(|o| hex(o.as_bytes()));
    let tshark43 = f[0].replace([':', ';'], "");
    assert_eq!(Some(tshark43), o43, "{server}: tshark option 43: {line}");
    // What the server sent is what was rendered: byte for byte where the
    // configuration holds the bytes (dnsmasq, Kea: no 255 appended, 00
    // kept), item for item where the server builds them (ISC).
    let sent = lease.option43().unwrap().map(|o| o.as_bytes().to_vec());
    let want = r
        .plan
        .to_v4_options()
        .unwrap()
        .get(OptionCode::VENDOR_SPECIFIC)
        .map(<[u8]>::to_vec);
    let items = |b: &Option<Vec<u8>>| {
        let mut v: Vec<(u16, Vec<u8>)> = b
            .as_deref()
            .map(|b| {
                v4::Option43::new_checked(b)
                    .unwrap()
                    .items()
                    .map(|i| i.map(|i| (i.code.get(), i.value.to_vec())).unwrap())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    if server == Server::Isc {
        assert_eq!(items(&sent), items(&want), "{server}: option 43 items");
    } else {
        assert_eq!(sent, want, "{server}: option 43 bytes");
    }
    let servers: Vec<String> = lease
        .tftp_server_addresses()
        .unwrap()
        .map(|l| l.iter().map(|a| a.to_string()).collect())
        .unwrap_or_default();
    let t150: Vec<String> = f[1]
        .split([';', ','])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(t150, servers, "{server}: tshark option 150: {line}");
}

// ---------------------------------------------------------- the client

/// Not a test: the DHCP client, run by `case` inside the client namespace.
#[test]
#[ignore = "run by the interop tests inside a network namespace"]
fn client_helper() {
    let Ok(family) = std::env::var(CLIENT_ENV) else {
        panic!(
            "client_helper is not a test: the interop cases run it inside a network namespace \
             (add --skip client_helper)"
        );
    };
    let out = PathBuf::from(std::env::var("ZTP_INTEROP_OUT").unwrap());
    let reply = if family == "v6" {
        client_v6()
    } else {
        client_v4()
    };
    fs::write(out, reply).unwrap();
}

/// A DISCOVER or REQUEST from the client's MAC address and vendor class,
/// broadcast flag set, asking for the ZTP options (55).
fn v4_request(kind: v4::MessageType, xid: u32, extra: &[(OptionCode, Vec<u8>)]) -> Vec<u8> {
    let (mut mac, class) = identity();
    let mut options = OptionSet::new();
    options
        .insert(OptionCode::MESSAGE_TYPE, vec![kind.get()])
        .unwrap();
    for (code, value) in extra {
        options.insert(*code, value.clone()).unwrap();
    }
    let fleet = fleet_identity(false);
    if let Some((repr, m, drop)) = &fleet {
        // What the vendor's switch sends (60, 61, 77, 124, 55).
        mac = *m;
        for o in repr.to_v4_options().unwrap().iter() {
            let mut value = o.value.clone();
            if o.code == OptionCode::PARAMETER_REQUEST_LIST {
                value.retain(|c| !drop.contains(&u16::from(*c)));
            }
            options.insert(o.code, value).unwrap();
        }
    } else {
        options
            .insert(OptionCode::VENDOR_CLASS, class.as_bytes().to_vec())
            .unwrap();
    }
    // ZTP_INTEROP_PRL: another list (hex), for the cases of a server
    // that sends only what the client asks for.
    let prl = std::env::var("ZTP_INTEROP_PRL").map_or_else(
        |_| vec![1, 3, 6, 7, 12, 15, 42, 43, 66, 67, 143, 150],
        |h| {
            (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
                .collect()
        },
    );
    if fleet.is_none() {
        options
            .insert(OptionCode::PARAMETER_REQUEST_LIST, prl)
            .unwrap();
    }
    let mut chaddr = [0u8; 16];
    chaddr[..6].copy_from_slice(&mac);
    v4::MessageRepr {
        op: 1,         // BOOTREQUEST
        flags: 0x8000, // broadcast
        xid,
        chaddr,
        ..v4::MessageRepr::reply(options)
    }
    .to_vec()
}

/// Option `code` of a DHCPv4 message, instances joined (RFC 3396); `None`
/// for a message that does not decode.
fn v4_option(msg: &[u8], code: OptionCode) -> Option<Vec<u8>> {
    let msg = v4::Message::new_checked(msg).ok()?;
    let value = msg.option(code).ok()??;
    Some(value.value.into_owned())
}

fn receive(sock: &UdpSocket, accept: impl Fn(&[u8]) -> bool) -> Option<Vec<u8>> {
    let start = Instant::now();
    let mut buf = [0u8; 4096];
    while start.elapsed() < Duration::from_secs(4) {
        match sock.recv_from(&mut buf) {
            Ok((n, _)) if accept(&buf[..n]) => return Some(buf[..n].to_vec()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(e) => panic!("recv: {e}"),
        }
    }
    None
}

fn exchange(
    sock: &UdpSocket,
    to: SocketAddr,
    msg: &[u8],
    accept: impl Fn(&[u8]) -> bool + Copy,
) -> Vec<u8> {
    for _ in 0..3 {
        // Right after the link comes up, IPv6 may not route yet: retry
        // (bounded) until it does.
        let start = Instant::now();
        while let Err(e) = sock.send_to(msg, to) {
            assert!(start.elapsed() < Duration::from_secs(5), "send: {e}");
            sleep(Duration::from_millis(50));
        }
        if let Some(r) = receive(sock, accept) {
            return r;
        }
    }
    panic!("no answer from the server");
}

fn client_v4() -> Vec<u8> {
    let sock = UdpSocket::bind("0.0.0.0:68").unwrap();
    sock.set_broadcast(true).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let to: SocketAddr = "255.255.255.255:67".parse().unwrap();
    let xid: u32 = 0x5a7e_0001;
    let is = |kind: v4::MessageType| {
        move |m: &[u8]| {
            v4::Message::new_checked(m).is_ok_and(|msg| msg.op() == 2 && msg.xid() == xid)
                && v4_option(m, OptionCode::MESSAGE_TYPE).as_deref() == Some(&[kind.get()][..])
        }
    };
    let discover = v4_request(v4::MessageType::DISCOVER, xid, &[]);
    let offer = exchange(&sock, to, &discover, is(v4::MessageType::OFFER));
    let yiaddr = v4::Message::new_checked(&offer[..]).unwrap().yiaddr();
    let sid = v4_option(&offer, OptionCode::SERVER_IDENTIFIER).expect("server identifier");
    eprintln!("offer: {}", hex(&offer));
    let req = v4_request(
        v4::MessageType::REQUEST,
        xid,
        &[
            (OptionCode::REQUESTED_ADDRESS, yiaddr.octets().to_vec()),
            (OptionCode::SERVER_IDENTIFIER, sid),
        ],
    );
    let ack = exchange(&sock, to, &req, is(v4::MessageType::ACK));
    eprintln!("ack: {}", hex(&ack));
    ack
}

/// The first instance of option `code` of a DHCPv6 message; `None` for a
/// message that does not decode.
fn v6_option(msg: &[u8], code: v6::OptionCode) -> Option<Vec<u8>> {
    let msg = v6::Message::new_checked(msg).ok()?;
    let option = msg.instances(code).next()?.ok()?;
    Some(option.value.to_vec())
}

/// A SOLICIT or REQUEST from the client's DUID-LL and vendor class
/// (enterprise 2636), asking for options 17, 59 and 136 (SZTP, RFC 8572).
fn v6_message(kind: v6::MessageType, xid: [u8; 3], extra: &[(v6::OptionCode, Vec<u8>)]) -> Vec<u8> {
    let (mac, class) = identity();
    let mut options = v6::OptionSet::new();
    if let Some((repr, mac, drop)) = fleet_identity(true) {
        // What the vendor's switch sends (DUID, 15, 16, 17, 6).
        let id = repr.to_v6_options().unwrap();
        if id.get(v6::OptionCode::CLIENT_ID).is_none() {
            let mut duid = vec![0, 3, 0, 1];
            duid.extend_from_slice(&mac);
            options.push(v6::OptionCode::CLIENT_ID, duid);
        }
        for o in id.iter() {
            let mut value = o.value.clone();
            if o.code == v6::OptionCode::ORO {
                value = value
                    .chunks(2)
                    .filter(|c| !drop.contains(&u16::from_be_bytes([c[0], c[1]])))
                    .flatten()
                    .copied()
                    .collect();
            }
            options.push(o.code, value);
        }
        for (code, value) in extra {
            options.push(*code, value.clone());
        }
        options.push(v6::OptionCode::ELAPSED_TIME, vec![0, 0]);
        return v6::MessageRepr {
            header: v6::Header::Client {
                msg_type: kind,
                transaction_id: xid,
            },
            options,
        }
        .to_vec()
        .unwrap();
    }
    let mut duid = vec![0, 3, 0, 1]; // DUID-LL, Ethernet
    duid.extend_from_slice(&mac);
    options.push(v6::OptionCode::CLIENT_ID, duid);
    for (code, value) in extra {
        options.push(*code, value.clone());
    }
    options.push(v6::OptionCode::ORO, vec![0, 17, 0, 59, 0, 136]);
    options.push(v6::OptionCode::ELAPSED_TIME, vec![0, 0]);
    let mut vc = Vec::new();
    v6::VendorClass::put(v6::JUNIPER_ENTERPRISE, &[class], &mut vc).unwrap();
    options.push(v6::OptionCode::VENDOR_CLASS, vc);
    v6::MessageRepr {
        header: v6::Header::Client {
            msg_type: kind,
            transaction_id: xid,
        },
        options,
    }
    .to_vec()
    .unwrap()
}

fn client_v6() -> Vec<u8> {
    let ifindex: u32 = fs::read_to_string("/sys/class/net/ztpc0/ifindex")
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let sock = UdpSocket::bind("[::]:546").unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let to = SocketAddr::V6(SocketAddrV6::new(
        "ff02::1:2".parse::<Ipv6Addr>().unwrap(),
        547,
        0,
        ifindex,
    ));
    let is = |kind: v6::MessageType, xid: [u8; 3]| {
        move |m: &[u8]| {
            v6::Message::new_checked(m)
                .is_ok_and(|msg| msg.msg_type() == kind && msg.transaction_id() == Some(xid))
        }
    };
    // IA_NA: IAID 1, T1 and T2 0.
    let mut ia = vec![0, 0, 0, 1];
    ia.extend_from_slice(&[0; 8]);
    let x1 = [0x5a, 0x7e, 0x01];
    let solicit = v6_message(v6::MessageType::SOLICIT, x1, &[(v6::OptionCode::IA_NA, ia)]);
    let adv = exchange(&sock, to, &solicit, is(v6::MessageType::ADVERTISE, x1));
    eprintln!("advertise: {}", hex(&adv));
    let sid = v6_option(&adv, v6::OptionCode::SERVER_ID).expect("server id");
    let ia = v6_option(&adv, v6::OptionCode::IA_NA).expect("ia_na");
    let x2 = [0x5a, 0x7e, 0x02];
    let request = v6_message(
        v6::MessageType::REQUEST,
        x2,
        &[
            (v6::OptionCode::SERVER_ID, sid),
            (v6::OptionCode::IA_NA, ia),
        ],
    );
    let reply = exchange(&sock, to, &request, is(v6::MessageType::REPLY, x2));
    eprintln!("reply: {}", hex(&reply));
    reply
}

// ---------------------------------------------------------- the cases

macro_rules! interop {
    ($name:ident, $server:expr, $plan:expr, $scope:expr) => {
        #[test]
        #[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
        fn $name() {
            require(stringify!($name));
            case($server, &$plan.as_plan(), &$scope);
        }
    };
}

fn host() -> Scope {
    Scope::Host(MacAddr(MAC))
}

// R19: image and config over HTTP, the config with a `:port` suffix.
interop!(
    r19_dnsmasq_http_port_suffix,
    Server::Dnsmasq,
    http_with_port(),
    Scope::VendorClass
);
interop!(
    r19_isc_http_port_suffix,
    Server::Isc,
    http_with_port(),
    Scope::VendorClass
);
interop!(
    r19_kea_http_port_suffix,
    Server::Kea4,
    http_with_port(),
    Scope::VendorClass
);

// R11: config only, over TFTP (no suboption 03), for one host.
interop!(
    r11_dnsmasq_tftp_config_only_host,
    Server::Dnsmasq,
    tftp_config_only(),
    host()
);
interop!(
    r11_isc_tftp_config_only_host,
    Server::Isc,
    tftp_config_only(),
    host()
);
interop!(
    r11_kea_tftp_config_only_host,
    Server::Kea4,
    tftp_config_only(),
    host()
);

// R3: the file server in option 66 (text), no option 150.
interop!(
    r3_dnsmasq_option_66,
    Server::Dnsmasq,
    option_66_only(),
    Scope::VendorClass
);
interop!(
    r3_isc_option_66,
    Server::Isc,
    option_66_only(),
    Scope::VendorClass
);
interop!(
    r3_kea_option_66,
    Server::Kea4,
    option_66_only(),
    Scope::VendorClass
);

// R8, R9: DHCPv6 option 17 (enterprise 2636) and option 59.
interop!(
    r8_r9_dnsmasq_v6,
    Server::Dnsmasq,
    v6_plan(),
    Scope::VendorClass
);
interop!(r8_r9_isc6, Server::Isc6, v6_plan(), Scope::VendorClass);
interop!(r8_r9_kea6, Server::Kea6, v6_plan(), Scope::VendorClass);

// R8, R9 for one host: the MAC address comes from the client's DUID-LL.
interop!(r8_r9_dnsmasq_v6_host, Server::Dnsmasq, v6_plan(), host());
interop!(r8_r9_isc6_host, Server::Isc6, v6_plan(), host());
interop!(r8_r9_kea6_host, Server::Kea6, v6_plan(), host());

macro_rules! outside {
    ($name:ident, $server:expr, $plan:expr, $scope:expr) => {
        #[test]
        #[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
        fn $name() {
            require(stringify!($name));
            outsider($server, &$plan.as_plan(), &$scope);
        }
    };
}

// The scopes hold: another MAC address and vendor class get no ZTP options.
outside!(
    scope_dnsmasq_other_host,
    Server::Dnsmasq,
    tftp_config_only(),
    host()
);
outside!(
    scope_isc_other_host,
    Server::Isc,
    tftp_config_only(),
    host()
);
outside!(
    scope_kea_other_host,
    Server::Kea4,
    tftp_config_only(),
    host()
);
outside!(
    scope_dnsmasq_other_vendor,
    Server::Dnsmasq,
    http_with_port(),
    Scope::VendorClass
);
outside!(
    scope_isc_other_vendor,
    Server::Isc,
    http_with_port(),
    Scope::VendorClass
);
outside!(
    scope_kea_other_vendor,
    Server::Kea4,
    http_with_port(),
    Scope::VendorClass
);
outside!(
    scope_dnsmasq_v6_other_vendor,
    Server::Dnsmasq,
    v6_plan(),
    Scope::VendorClass
);
outside!(
    scope_isc6_other_vendor,
    Server::Isc6,
    v6_plan(),
    Scope::VendorClass
);
outside!(
    scope_kea6_other_vendor,
    Server::Kea6,
    v6_plan(),
    Scope::VendorClass
);

// R2: option 43 over 255 bytes, split by the server (RFC 3396).
interop!(
    r2_isc_long_option_43,
    Server::Isc,
    long_option_43(),
    Scope::VendorClass
);
interop!(
    r2_kea_long_option_43,
    Server::Kea4,
    long_option_43(),
    Scope::VendorClass
);

// R31, R32: the SZTP redirect beside the ZTP options, each server, each
// family; the bytes are compared in `case`.
interop!(
    r31_dnsmasq_sztp_v4,
    Server::Dnsmasq,
    sztp_v4(),
    Scope::VendorClass
);
interop!(r31_isc_sztp_v4, Server::Isc, sztp_v4(), Scope::VendorClass);
interop!(r31_kea_sztp_v4, Server::Kea4, sztp_v4(), Scope::VendorClass);
interop!(
    r31_dnsmasq_sztp_v6,
    Server::Dnsmasq,
    sztp_v6(),
    Scope::VendorClass
);
interop!(r31_isc6_sztp, Server::Isc6, sztp_v6(), Scope::VendorClass);
interop!(r31_kea6_sztp, Server::Kea6, sztp_v6(), Scope::VendorClass);
// R31 with R2: a redirect over 255 bytes, split by the server.
interop!(
    r31_isc_long_sztp_v4,
    Server::Isc,
    long_sztp_v4(),
    Scope::VendorClass
);
interop!(
    r31_kea_long_sztp_v4,
    Server::Kea4,
    long_sztp_v4(),
    Scope::VendorClass
);

/// R31: dnsmasq does not split a long 143 either; refused, naming it.
#[test]
fn r31_dnsmasq_refuses_long_sztp_v4() {
    let plan = long_sztp_v4();
    let len = plan
        .sztp_redirect
        .as_ref()
        .unwrap()
        .buffer_len(ztp_options::Family::V4)
        .unwrap();
    assert!(len > 255);
    assert_eq!(
        render(Server::Dnsmasq, &plan.as_plan(), &Scope::VendorClass),
        Err(Error::TooLong {
            server: Server::Dnsmasq,
            option: 143,
            len,
            max: 255
        })
    );
}

/// R2: dnsmasq does not split options; the renderer refuses, naming the
/// length (no server needed).
#[test]
fn r2_dnsmasq_refuses_long_option_43() {
    let plan = long_option_43();
    let len = plan
        .to_v4_options()
        .unwrap()
        .get(OptionCode::VENDOR_SPECIFIC)
        .unwrap()
        .len();
    assert!(len > 255);
    assert_eq!(
        render(Server::Dnsmasq, &plan.as_plan(), &Scope::VendorClass),
        Err(Error::TooLong {
            server: Server::Dnsmasq,
            option: 43,
            len,
            max: 255
        })
    );
}

// Hostile plans: names that break configuration files, through every
// renderer, the servers' own syntax checks and (a sample) the servers.
#[path = "interop/hostile.rs"]
mod hostile;

// The snippets that fix a server (R35) and the pitfalls they fix, on the
// real servers.
#[path = "interop/snippets.rs"]
mod snippets;

// One configuration for a mixed fleet, every vendor's client against it.
#[path = "interop/fleet.rs"]
mod fleet;
