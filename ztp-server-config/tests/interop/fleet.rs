//! One configuration for a mixed fleet ([`render_fleet`]), run by each real
//! server once per family, and one client per vendor against it: each
//! client sends its vendor's identity (built with `IdentityRepr` inside the
//! client helper) and must receive exactly its entry's options, and none of
//! the options of any other entry.
//!
//! The fleet: a class per vendor whose identity is verified (G2, each
//! vendor's identity rule), a model class (Cisco PnP for one PID in v4,
//! IOS-XR NCS-5508 in v6) that replaces its vendor's class for that model,
//! host entries by MAC address for the vendors whose identity is
//! unverified (D1, AR1, E1, N1, H1), and one host entry that overrides a
//! class (an Arista switch in v4, a SONiC switch in v6).

use ztp_options::Family;
use ztp_options::vendor::{
    ArubaOffer, BootFileOffer, ClassMatch, ExosOffer, HuaweiOffer, Offer, Os9Offer, PnpOffer,
    PoapOffer, PoapServer, ScriptUrlOffer, SonicOffer, Vendor, XrOffer,
};
use ztp_server_config::{Fleet, FleetConfig, FleetEntry, Who, render_fleet};

use super::*;

/// A client: the vendor identity it sends, its MAC, and the entry whose
/// options it must get (`None`: no entry's).
struct Client {
    vendor: Vendor,
    fields: Vec<(&'static str, &'static str)>,
    mac: [u8; 6],
    entry: Option<&'static str>,
    /// The class whose options it also gets for the codes its host entry
    /// does not set (a host overrides a class per code).
    also: Option<&'static str>,
    /// Codes left out of its request list (P239).
    drop: &'static str,
}

fn client(
    vendor: Vendor,
    fields: &[(&'static str, &'static str)],
    last: u8,
    entry: Option<&'static str>,
) -> Client {
    Client {
        vendor,
        fields: fields.to_vec(),
        mac: [0x02, 0, 0, 0x5e, 0, last],
        entry,
        also: None,
        drop: "",
    }
}

fn class(family: Family, vendor: Vendor, model: Option<&str>) -> Who {
    Who::Class(ClassMatch::new(family, vendor, model).unwrap())
}

fn entry(name: &str, who: Who, options: &[(u16, &[u8])]) -> FleetEntry {
    FleetEntry {
        name: name.into(),
        who,
        options: options.iter().map(|(c, v)| (*c, v.to_vec())).collect(),
    }
}

fn host(last: u8) -> Who {
    Who::Host(MacAddr([0x02, 0, 0, 0x5e, 0, last]))
}

const SERVER: [u8; 4] = [10, 99, 0, 1];

thread_local! {
    /// The offer of each entry built from one (checked on the reply).
    static OFFERS: std::cell::RefCell<Vec<(String, Offer)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// An entry whose options are what `offer` writes (h1's typed offers):
/// the reply is then read back with `Offer::from_v4` / `from_v6`.
fn offered(family: Family, name: &str, who: Who, offer: Offer) -> FleetEntry {
    let options = if family == Family::V4 {
        offer
            .to_v4_options()
            .unwrap()
            .iter()
            .map(|o| (u16::from(o.code.get()), o.value.clone()))
            .collect()
    } else {
        offer
            .to_v6_options()
            .unwrap()
            .iter()
            .map(|o| (o.code.get(), o.value.clone()))
            .collect()
    };
    OFFERS.with(|o| o.borrow_mut().push((name.into(), offer)));
    FleetEntry {
        name: name.into(),
        who,
        options,
    }
}

/// `t` changed by `f` (the offers are `#[non_exhaustive]`).
fn set<T>(mut t: T, f: impl FnOnce(&mut T)) -> T {
    f(&mut t);
    t
}

fn offer_of(name: &str) -> Option<Offer> {
    OFFERS.with(|o| {
        o.borrow()
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, o)| o.clone())
    })
}

fn fleet_v4() -> (Fleet, Vec<Client>) {
    use Vendor as V;
    let f = Family::V4;
    let juniper43 = b"\x00\x09junos.tgz\x01\x07sw.conf";
    let entries = vec![
        entry(
            "juniper",
            class(f, V::Juniper, None),
            &[(43, juniper43), (150, &SERVER)],
        ),
        offered(
            f,
            "arista",
            class(f, V::Arista, None),
            Offer::Arista(BootFileOffer::new("http://10.99.0.1/arista/bootstrap")),
        ),
        offered(
            f,
            "iosxe",
            class(f, V::CiscoIosXe, None),
            Offer::CiscoIosXe(BootFileOffer::new("http://10.99.0.1/iosxe/ztp.py")),
        ),
        // The model class: PnP for one PID replaces the IOS-XE class.
        offered(
            f,
            "pnp-c9300",
            class(f, V::CiscoPnp, Some("C9300-48P")),
            Offer::CiscoPnp(PnpOffer::new("10.99.0.1")),
        ),
        // CN2: 51 at least an hour (dnsmasq's own lease time, 1 h in the
        // lab, goes out where it cannot set it per class).
        offered(
            f,
            "nxos",
            class(f, V::CiscoNxos, None),
            Offer::CiscoNxos(set(PoapOffer::new("poap.py", 3600), |o| {
                o.server = Some(PoapServer::Address(SERVER.into()));
            })),
        ),
        offered(
            f,
            "iosxr",
            class(f, V::CiscoIosXr, None),
            Offer::CiscoIosXr(XrOffer::new("http://10.99.0.1/xr/ztp.sh")),
        ),
        offered(
            f,
            "sonic",
            class(f, V::Sonic, None),
            Offer::Sonic(set(SonicOffer::new(), |o| {
                o.json_url = Some("http://10.99.0.1/sonic/ztp.json".into());
                o.script_url = Some("http://10.99.0.1/sonic/provision.sh".into());
            })),
        ),
        offered(
            f,
            "cumulus",
            class(f, V::Cumulus, None),
            Offer::Cumulus(ScriptUrlOffer::new("http://10.99.0.1/cumulus/ztp.sh")),
        ),
        offered(
            f,
            "os9",
            class(f, V::DellOs9, None),
            Offer::DellOs9(set(Os9Offer::new(), |o| {
                o.image = Some("tftp://10.99.0.1/FTOS-SE-9.14.bin".into());
                o.config = Some("tftp://10.99.0.1/os9.cfg".into());
            })),
        ),
        offered(
            f,
            "os10",
            host(0x10),
            Offer::DellOs10(ScriptUrlOffer::new("http://10.99.0.1/os10/ztd.sh")),
        ),
        offered(
            f,
            "aoscx",
            host(0x11),
            Offer::ArubaAosCx(set(ArubaOffer::new(), |o| {
                o.config = Some("cx.cfg".into());
                o.tftp_server = Some("10.99.0.1".into());
            })),
        ),
        offered(
            f,
            "exos",
            host(0x12),
            Offer::ExtremeExos(set(ExosOffer::new(["config.xsf"]), |o| {
                o.tftp_server = Some(SERVER.into());
            })),
        ),
        offered(
            f,
            "srlinux",
            host(0x13),
            Offer::NokiaSrLinux(set(BootFileOffer::new("srl-provision.py"), |o| {
                o.tftp_server = Some(SERVER.into());
            })),
        ),
        {
            let mut e = offered(
                f,
                "huawei",
                host(0x14),
                Offer::HuaweiVrp(set(HuaweiOffer::new("huawei.cfg"), |o| {
                    o.server = Some("tftp://10.99.0.1".into());
                    o.tftp_server = Some(SERVER.into());
                })),
            );
            // H2: at least an hour.
            e.options.push((51, 5400u32.to_be_bytes().to_vec()));
            e
        },
        // One switch of a class, served by MAC: its 67 replaces the class's.
        offered(
            f,
            "arista-lab",
            host(0x20),
            Offer::Arista(BootFileOffer::new("http://10.99.0.1/arista/lab-bootstrap")),
        ),
    ];
    let arista = [
        ("MODEL", "DCS-7050S-64"),
        ("VERSION", "4.28.0F"),
        ("SERIAL", "JPE12345678"),
    ];
    let clients = vec![
        client(
            V::Juniper,
            &[("MODEL", "qfx10002-36q"), ("SERIAL", "DN817")],
            0x01,
            Some("juniper"),
        ),
        client(V::Arista, &arista, 0x02, Some("arista")),
        client(
            V::CiscoIosXe,
            &[("MODEL", "C9200CX-8P-2X2G"), ("SERIAL", "FOC2418L0XX")],
            0x03,
            Some("iosxe"),
        ),
        client(
            V::CiscoPnp,
            &[("MODEL", "C9300-48P")],
            0x04,
            Some("pnp-c9300"),
        ),
        client(
            V::CiscoNxos,
            &[("SERIAL", "SAL12345678")],
            0x05,
            Some("nxos"),
        ),
        client(
            V::CiscoIosXr,
            &[
                ("MODEL", "NCS-5508"),
                ("SERIAL", "FOC1947R143"),
                ("PHASE", "exr-config"),
            ],
            0x06,
            Some("iosxr"),
        ),
        // CR3: the iPXE phase is not the ZTP class.
        client(
            V::CiscoIosXr,
            &[
                ("MODEL", "NCS-5508"),
                ("SERIAL", "FOC1947R143"),
                ("PHASE", "iPXE"),
            ],
            0x07,
            None,
        ),
        client(
            V::Sonic,
            &[("MODEL", "7712-32X-O-AC-F"), ("SERIAL", "771232X1941045")],
            0x08,
            Some("sonic"),
        ),
        client(V::Cumulus, &[("ARCH", "x86_64")], 0x09, Some("cumulus")),
        client(
            V::DellOs9,
            &[
                ("MODEL", "Z9000"),
                ("SERIAL", "CN0123"),
                ("VERSION", "9.14"),
            ],
            0x0a,
            Some("os9"),
        ),
        client(V::DellOs10, &[], 0x10, Some("os10")),
        client(V::ArubaAosCx, &[], 0x11, Some("aoscx")),
        client(V::ExtremeExos, &[], 0x12, Some("exos")),
        client(V::NokiaSrLinux, &[], 0x13, Some("srlinux")),
        client(
            V::HuaweiVrp,
            &[("SERIAL", "2102351931P0J1000123")],
            0x14,
            Some("huawei"),
        ),
        client(V::Arista, &arista, 0x20, Some("arista-lab")),
        // An unverified vendor whose MAC has no entry: nothing.
        client(V::NokiaSrLinux, &[], 0x30, None),
    ];
    (Fleet { family: f, entries }, clients)
}

fn fleet_v6() -> (Fleet, Vec<Client>) {
    use Vendor as V;
    let f = Family::V6;
    let mut juniper17 = 2636u32.to_be_bytes().to_vec();
    juniper17.extend_from_slice(b"\x00\x00\x00\x09junos.tgz");
    let entries = vec![
        FleetEntry {
            name: "juniper".into(),
            who: class(f, V::Juniper, None),
            options: vec![
                (17, juniper17),
                (59, b"tftp://[2001:db8::1]/junos/sw.conf".to_vec()),
            ],
        },
        offered(
            f,
            "nxos",
            class(f, V::CiscoNxos, None),
            Offer::CiscoNxos(PoapOffer::new(
                "tftp://[2001:db8::1]/poap.py",
                PoapOffer::MIN_LEASE_TIME,
            )),
        ),
        offered(
            f,
            "iosxr",
            class(f, V::CiscoIosXr, None),
            Offer::CiscoIosXr(XrOffer::new("http://[2001:db8::1]/xr/ztp.sh")),
        ),
        offered(
            f,
            "iosxr-ncs5508",
            class(f, V::CiscoIosXr, Some("NCS-5508")),
            Offer::CiscoIosXr(XrOffer::new("http://[2001:db8::1]/xr/ncs5508.sh")),
        ),
        offered(
            f,
            "sonic",
            class(f, V::Sonic, None),
            Offer::Sonic(set(SonicOffer::new(), |o| {
                o.json_url = Some("http://[2001:db8::1]/sonic/ztp.json".into());
                o.script_url = Some("http://[2001:db8::1]/sonic/provision.sh".into());
            })),
        ),
        // NVOS has no offer type (CU8: its plan is not decoded).
        entry(
            "nvos",
            class(f, V::Nvos, None),
            &[(59, b"http://[2001:db8::1]/nvos/ztp.json")],
        ),
        offered(
            f,
            "srlinux",
            host(0x13),
            Offer::NokiaSrLinux(BootFileOffer::new("http://[2001:db8::1]/srl-provision.py")),
        ),
        offered(
            f,
            "huawei",
            host(0x14),
            Offer::HuaweiVrp(HuaweiOffer::new("tftp://[2001:db8::1]/huawei.cfg")),
        ),
        // Overrides the SONiC class's 59 only: its 239 still comes from
        // the class.
        entry(
            "sonic-lab",
            host(0x20),
            &[(59, b"http://[2001:db8::1]/sonic/lab.json")],
        ),
    ];
    let xr = |phase, model, last, e| {
        client(
            V::CiscoIosXr,
            &[
                ("MODEL", model),
                ("SERIAL", "FOC1947R143"),
                ("PHASE", phase),
            ],
            last,
            e,
        )
    };
    let clients = vec![
        client(
            V::Juniper,
            &[("MODEL", "qfx10002-36q"), ("SERIAL", "DN817")],
            0x01,
            Some("juniper"),
        ),
        client(V::CiscoNxos, &[], 0x05, Some("nxos")),
        xr("exr-config", "NCS-5501", 0x06, Some("iosxr")),
        xr("exr-config", "NCS-5508", 0x07, Some("iosxr-ncs5508")),
        xr("iPXE", "NCS-5501", 0x08, None),
        client(V::Sonic, &[], 0x09, Some("sonic")),
        client(
            V::Nvos,
            &[("MODEL", "MQM9700"), ("SERIAL", "MT2315X0001")],
            0x0a,
            Some("nvos"),
        ),
        client(V::NokiaSrLinux, &[], 0x13, Some("srlinux")),
        client(V::HuaweiVrp, &[], 0x14, Some("huawei")),
        Client {
            also: Some("sonic"),
            ..client(V::Sonic, &[], 0x20, Some("sonic-lab"))
        },
        client(V::NokiaSrLinux, &[], 0x30, None),
    ];
    (Fleet { family: f, entries }, clients)
}

/// Runs `c` against the lab's server; the reply (ACK or REPLY).
fn ask(lab: &Lab, v6: bool, c: &Client) -> Result<Vec<u8>, String> {
    let reply_path = lab.path("reply.bin");
    let _ = fs::remove_file(&reply_path);
    let mut cmd = ns(&lab.cli, &[]);
    cmd.arg(std::env::current_exe().unwrap())
        .args(["client_helper", "--exact", "--ignored", "--nocapture"])
        .env(CLIENT_ENV, if v6 { "v6" } else { "v4" })
        .env("ZTP_INTEROP_OUT", &reply_path)
        .env("ZTP_FLEET_VENDOR", c.vendor.as_str())
        .env("ZTP_FLEET_MAC", hex(&c.mac))
        .env("ZTP_FLEET_DROP", c.drop);
    for (k, v) in &c.fields {
        cmd.env(format!("ZTP_FLEET_{k}"), v);
    }
    let log = lab.path("client.log");
    let mut client = Proc::spawn("client", cmd, &log);
    let status = client.wait(WAIT);
    if !status.success() {
        return Err(fs::read_to_string(&log).unwrap_or_default());
    }
    Ok(fs::read(&reply_path).unwrap())
}

fn reply_option(reply: &[u8], v6: bool, code: u16) -> Option<Vec<u8>> {
    if v6 {
        v6_option(reply, v6::OptionCode::new(code))
    } else {
        v4_option(reply, OptionCode::new(u8::try_from(code).unwrap()))
    }
}

/// Serves `fleet` with `server` and checks every client; returns what
/// went wrong, one line per client (empty: all good).
fn serve(server: Server, fleet: &Fleet, clients: &[Client]) -> (FleetConfig, Vec<String>) {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let v6 = fleet.family == Family::V6;
    let config = render_fleet(server, fleet).unwrap();
    let lab = Lab::new(v6);
    let mut srv = start_config(&lab, server, &config.text, v6);
    wait_ready(&lab, server, &mut srv);
    let mut all_codes: Vec<u16> = fleet
        .entries
        .iter()
        .flat_map(|e| e.options.iter().map(|(c, _)| *c))
        .filter(|c| *c != 51)
        .collect();
    all_codes.sort_unstable();
    all_codes.dedup();
    let nul = |code: u16| {
        config.notes.contains(&Note::TrailingNul {
            option: u8::try_from(code).unwrap_or(0),
        })
    };
    let mut wrong = Vec::new();
    for c in clients {
        let who = format!("{} {}", c.vendor, hex(&c.mac));
        let reply = match ask(&lab, v6, c) {
            Ok(r) => r,
            Err(log) => {
                wrong.push(format!("{who}: no reply: {log}"));
                continue;
            }
        };
        let find = |n: &str| fleet.entries.iter().find(|e| e.name == n);
        let want = c.entry.and_then(find);
        let also = c.also.and_then(find);
        for code in &all_codes {
            let mut got = reply_option(&reply, v6, *code);
            if nul(*code) && got.is_some() {
                // Note::TrailingNul: the NUL is really there.
                if got.as_ref().is_some_and(|v| v.last() == Some(&0)) {
                    got.as_mut().map(Vec::pop);
                } else {
                    wrong.push(format!("{who}: option {code}: no trailing nul"));
                }
            }
            let of = |e: Option<&FleetEntry>| {
                e.and_then(|e| e.options.iter().find(|(k, _)| k == code))
                    .map(|(_, v)| v.clone())
            };
            let expected = of(want).or_else(|| of(also));
            if got != expected {
                wrong.push(format!(
                    "{who}: option {code}: got {:?}, want {:?} (entry {:?})",
                    got.as_deref().map(String::from_utf8_lossy),
                    expected.as_deref().map(String::from_utf8_lossy),
                    c.entry
                ));
            }
        }
        // 51: the entry's lease time, unless the server cannot set it.
        if let Some((_, secs)) = want.and_then(|e| e.options.iter().find(|(k, _)| *k == 51)) {
            let cannot = config.notes.iter().any(
                |n| matches!(n, Note::LeaseTime { entry, .. } if Some(entry.as_str()) == c.entry),
            );
            let got = reply_option(&reply, v6, 51);
            if !cannot && got.as_deref() != Some(secs) {
                wrong.push(format!("{who}: option 51: got {got:?}, want {secs:?}"));
            }
        }
        // The vendor's own reading of what it received: the entry's offer
        // read back (h1's Offer), and a plan that provisions.
        // (Raw entries other than Juniper's, such as the hostile text, are
        // bytes, not a plan.)
        let offer = want.and_then(|e| offer_of(&e.name));
        let typed = offer.is_some() || c.vendor == Vendor::Juniper;
        if let Some(e) = want.filter(|_| c.also.is_none() && typed) {
            if v6 {
                let lease = v6::Lease::parse(&reply).unwrap();
                if let Some(offer) = &offer {
                    match Offer::from_v6(c.vendor, &lease) {
                        Ok(got) if &got == offer => {}
                        other => wrong.push(format!("{who}: offer {other:?}, want {offer:?}")),
                    }
                }
                let ok = match c.vendor {
                    Vendor::Juniper => resolve_v6(&lease).is_ok(),
                    Vendor::Nvos => true, // CU8: NVOS's plan is not decoded
                    v => ztp_options::vendor::plan_v6(v, &lease).is_some_and(|p| p.provisions()),
                };
                if !ok {
                    wrong.push(format!("{who}: entry {} does not provision", e.name));
                }
            } else {
                let lease = v4::Lease::parse(&reply).unwrap();
                if let Some(offer) = &offer {
                    match Offer::from_v4(c.vendor, &lease) {
                        Ok(got) if &got == offer => {}
                        other => wrong.push(format!("{who}: offer {other:?}, want {offer:?}")),
                    }
                }
                let ok = match c.vendor {
                    Vendor::Juniper => resolve_v4(&lease).is_ok(),
                    v => ztp_options::vendor::plan_v4(v, &lease).is_some_and(|p| p.provisions()),
                };
                if !ok {
                    wrong.push(format!("{who}: entry {} does not provision", e.name));
                }
            }
        }
    }
    if !wrong.is_empty() {
        let slog = fs::read_to_string(lab.path("server.log")).unwrap_or_default();
        let tail: Vec<&str> = slog.lines().rev().take(60).collect();
        eprintln!(
            "{server}: config:\n{}\nserver log (last lines, newest first):\n{}",
            config.text,
            tail.join("\n")
        );
    }
    (config, wrong)
}

fn every_vendor(server: Server, family: Family) {
    let (fleet, clients) = if family == Family::V4 {
        fleet_v4()
    } else {
        fleet_v6()
    };
    let (config, wrong) = serve(server, &fleet, &clients);
    for n in &config.notes {
        eprintln!("{server}: note: {n}");
    }
    assert!(wrong.is_empty(), "{server} {family}:\n{}", wrong.join("\n"));
}

macro_rules! fleet {
    ($name:ident, $server:expr, $family:expr) => {
        #[test]
        #[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
        fn $name() {
            require(stringify!($name));
            every_vendor($server, $family);
        }
    };
}

fleet!(
    g2_fleet_dnsmasq_v4_every_vendor,
    Server::Dnsmasq,
    Family::V4
);
fleet!(
    g2_fleet_dnsmasq_v6_every_vendor,
    Server::Dnsmasq,
    Family::V6
);
fleet!(g2_fleet_isc_v4_every_vendor, Server::Isc, Family::V4);
fleet!(g2_fleet_isc_v6_every_vendor, Server::Isc6, Family::V6);
fleet!(g2_fleet_kea_v4_every_vendor, Server::Kea4, Family::V4);
fleet!(g2_fleet_kea_v6_every_vendor, Server::Kea6, Family::V6);

/// P239/P240: a Cumulus and a Dell OS10 switch whose request lists omit
/// 239 / 240 still get them (ISC's appended list, Kea's `always-send`,
/// dnsmasq's `dhcp-option-force`).
fn unasked(server: Server) {
    let (fleet, clients) = fleet_v4();
    let clients: Vec<Client> = clients
        .into_iter()
        .filter(|c| matches!(c.vendor, Vendor::Cumulus | Vendor::DellOs10))
        .map(|mut c| {
            c.drop = if c.vendor == Vendor::Cumulus {
                "239"
            } else {
                "240"
            };
            c
        })
        .collect();
    let (_, wrong) = serve(server, &fleet, &clients);
    assert!(wrong.is_empty(), "{server}:\n{}", wrong.join("\n"));
}

#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn p239_p240_fleet_sent_unasked_every_server() {
    require("p239_p240_fleet_sent_unasked_every_server");
    for server in [Server::Dnsmasq, Server::Isc, Server::Kea4] {
        unasked(server);
    }
}

/// Serves a fleet of one class entry and asks with one client: whether
/// the client got the entry's option `code`.
fn served(server: Server, family: Family, who: Who, c: &Client, code: u16) -> bool {
    let value: &[u8] = if family == Family::V4 {
        b"http://10.99.0.1/matched"
    } else {
        b"http://[2001:db8::1]/matched"
    };
    let fleet = Fleet {
        family,
        entries: vec![entry("probe", who, &[(code, value)])],
    };
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let v6 = family == Family::V6;
    let config = render_fleet(server, &fleet).unwrap();
    let lab = Lab::new(v6);
    let mut srv = start_config(&lab, server, &config.text, v6);
    wait_ready(&lab, server, &mut srv);
    let reply = ask(&lab, v6, c).unwrap();
    reply_option(&reply, v6, code).is_some()
}

fn user(family: Family, option: u16, test: ztp_options::vendor::Test) -> Who {
    use ztp_options::vendor::Condition;
    let class = ClassMatch::user(family, Vendor::DellOs10, vec![Condition::new(option, test)]);
    Who::Class(class.unwrap())
}

/// What each server's class test really does with a value that only
/// starts with, or only contains, the class's bytes (dnsmasq's notes:
/// `dhcp-match` with hex is a prefix test, `dhcp-userclass` a substring
/// test of each item).
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn g2_fleet_class_tests_exact_prefix_substring_per_server() {
    use ztp_options::vendor::Test;
    require("g2_fleet_class_tests_exact_prefix_substring_per_server");
    let cumulus = client(Vendor::Cumulus, &[("ARCH", "x86_64")], 0x09, None);
    let sonic = client(Vendor::Sonic, &[], 0x09, None);
    let f = Family::V4;
    for server in [Server::Dnsmasq, Server::Isc, Server::Kea4] {
        // The client's 60 is "cumulus-linux x86_64".
        let probe = |t: Test| served(server, f, user(f, 60, t), &cumulus, 239);
        let exact_of_prefix = probe(Test::Exact(b"cumulus-linux".to_vec()));
        let inside = probe(Test::Prefix(b"linux x86".to_vec()));
        let whole = probe(Test::Exact(b"cumulus-linux x86_64".to_vec()));
        let suffix = probe(Test::Suffix(b"x86_64".to_vec()));
        eprintln!(
            "{server} v4: exact test of a prefix {exact_of_prefix}, prefix test of inner bytes {inside}, exact {whole}, suffix {suffix}"
        );
        assert!(whole && suffix, "{server}: the exact value and its suffix");
        assert!(!inside, "{server}: bytes inside the value are not a prefix");
        assert_eq!(
            exact_of_prefix,
            server == Server::Dnsmasq,
            "{server}: an exact test of a prefix"
        );
    }
    let f = Family::V6;
    for server in [Server::Dnsmasq, Server::Isc6, Server::Kea6] {
        // The client's 15 is one item, "SONiC-ZTP"; a class on the item "ZTP".
        let probe = |t: Test| served(server, f, user(f, 15, t), &sonic, 59);
        let inside = probe(Test::Exact(b"\x00\x03ZTP".to_vec()));
        let whole = probe(Test::Exact(b"\x00\x09SONiC-ZTP".to_vec()));
        eprintln!("{server} v6: an item's inner bytes {inside}, exact {whole}");
        assert!(whole, "{server}: the exact value");
        assert_eq!(
            inside,
            server == Server::Dnsmasq,
            "{server}: bytes inside the item"
        );
    }
}

/// A text value with every character a configuration syntax cares about,
/// padded to `len` bytes.
fn hostile(prefix: &str, len: usize) -> Vec<u8> {
    let mut v = format!("{prefix}/a\"b}};c{{d\\e#f,g 'h;$x`y\u{e9}z").into_bytes();
    v.resize(len, b'x');
    v
}

/// G8 (text values) through each server's quoting: quotes, braces, `;`,
/// `#`, commas, backslashes, UTF-8 and 255 bytes go out byte for
/// byte, and the server's own check (`dhcpd -t`, `kea-dhcp4 -t`,
/// `dnsmasq --test`) passes: no statement was injected.
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn g8_fleet_hostile_text_sent_byte_for_byte() {
    require("g8_fleet_hostile_text_sent_byte_for_byte");
    for (servers, family) in [
        (
            &[Server::Dnsmasq, Server::Isc, Server::Kea4][..],
            Family::V4,
        ),
        (
            &[Server::Dnsmasq, Server::Isc6, Server::Kea6][..],
            Family::V6,
        ),
    ] {
        let (vendor, codes, base, c) = if family == Family::V4 {
            (
                Vendor::Cumulus,
                [67u16, 239],
                "http://10.99.0.1",
                client(
                    Vendor::Cumulus,
                    &[("ARCH", "x86_64")],
                    0x09,
                    Some("hostile"),
                ),
            )
        } else {
            (
                Vendor::Sonic,
                [59, 239],
                "http://[2001:db8::1]",
                client(Vendor::Sonic, &[], 0x09, Some("hostile")),
            )
        };
        let fleet = Fleet {
            family,
            entries: vec![FleetEntry {
                name: "hostile".into(),
                who: class(family, vendor, None),
                // 255 bytes, and what a 576-byte reply has room for beside.
                options: vec![
                    (codes[0], hostile(base, 48)),
                    (codes[1], hostile(base, 255)),
                ],
            }],
        };
        for server in servers {
            let (_, wrong) = serve(*server, &fleet, std::slice::from_ref(&c));
            assert!(wrong.is_empty(), "{server}:\n{}", wrong.join("\n"));
        }
    }
}
