//! Vendor plans and option 43 layouts of AOS-CX (AR), EXOS (E), SR Linux
//! (N) and Huawei (H), on bytes built from VENDORS.md's formats. Each test
//! is named by the rule it proves.

use super::common::{hex, opt, v6opt};
use super::vendor_linux::{fetches, logged, stop, url, v4, v4_siaddr, v6};
use ztp_options::vendor::{
    CentralCsv, HuaweiScheme, HuaweiServer, Order, Pairs, PlainTlv, PlainTlvRepr, Role, Service,
    Step, ValueProblem, Vendor, VendorPlan,
};
use ztp_options::{Family, Place};

fn contacts(plan: &VendorPlan) -> Vec<(Service, String, Option<u16>, Order)> {
    plan.steps
        .iter()
        .filter_map(|s| match s {
            Step::Contact(c) => Some((c.service, c.host.clone(), c.port, c.order)),
            _ => None,
        })
        .collect()
}

fn at43() -> Place {
    Place::option(Family::V4, 43, 0)
}

/// E2's example, from VENDORS.md.
fn exos_43() -> Vec<u8> {
    let mut v = hex("64 04 c0a80165");
    v.extend_from_slice(b"\x65\x0aconfig.xsf\x65\x15summitX-21.1.2.14.xos");
    v
}

// ------------------------------------------------------------ plain TLV

#[test]
fn g6_g7_plain_tlv_keeps_repeats_in_order() {
    let v = exos_43();
    let tlv = PlainTlv::parse(&v, at43()).unwrap();
    let items: Vec<_> = tlv.items().map(|i| (i.code, i.offset)).collect();
    assert_eq!(items, [(100, 0), (101, 6), (101, 18)]);
    assert!(tlv.codes_within(&[100, 101, 102]));
}

#[test]
fn g6_pad_and_end_p43_2_trailing_ff() {
    // dnsmasq's vendor: form ends 43 with ff (P43-2).
    let v = hex("00 01 04 c0a803c3 ff");
    let tlv = PlainTlv::parse(&v, at43()).unwrap();
    assert_eq!(tlv.first(1).unwrap().value, [192, 168, 3, 195]);
    assert_eq!(tlv.end(), Some(7));
    assert_eq!(tlv.after_end(), None);
    let err = PlainTlv::parse(&hex("65 0a 61"), at43()).unwrap_err();
    assert_eq!(err.place().suboption_code(), Some(101));
}

#[test]
fn g6_owned_form_round_trips() {
    let v = exos_43();
    let repr = PlainTlv::parse(&v, at43()).unwrap().to_repr();
    assert_eq!(repr.to_vec().unwrap(), v);
    let mut built = PlainTlvRepr::new();
    built.push(100, vec![192, 168, 1, 101]).unwrap();
    built.push(101, b"config.xsf".to_vec()).unwrap();
    built.push(101, b"summitX-21.1.2.14.xos".to_vec()).unwrap();
    assert_eq!(built, repr);
}

// ----------------------------------------------------------------- AOS-CX

fn aoscx_43(items: &[(u8, &[u8])]) -> Vec<u8> {
    let mut repr = PlainTlvRepr::new();
    for (c, v) in items {
        repr.push(*c, v.to_vec()).unwrap();
    }
    opt(43, &repr.to_vec().unwrap())
}

#[test]
fn ar2_config_and_image_by_tftp_from_66() {
    let p = v4(
        Vendor::ArubaAosCx,
        &[
            &aoscx_43(&[(144, b"sw1.cfg"), (145, b"ArubaOS-CX_6300_10_06.swi")]),
            &opt(66, b"192.0.2.30"),
        ],
    );
    assert_eq!(
        fetches(&p),
        [
            (
                Role::Configuration,
                url("tftp://192.0.2.30/sw1.cfg"),
                Order::First
            ),
            (
                Role::Image,
                url("tftp://192.0.2.30/ArubaOS-CX_6300_10_06.swi"),
                Order::Then
            ),
        ]
    );
    assert!(logged(&p, "AR4", "limits"));
}

#[test]
fn ar3_144_beats_67_and_siaddr_is_not_used() {
    let p = v4_siaddr(
        Vendor::ArubaAosCx,
        [192, 0, 2, 1],
        &[
            &aoscx_43(&[(144, b"a.cfg")]),
            &opt(66, b"192.0.2.30"),
            &opt(67, b"b.cfg"),
        ],
    );
    assert_eq!(fetches(&p)[0].1, url("tftp://192.0.2.30/a.cfg"));
    assert!(logged(&p, "AR3", "67-ignored"));
    assert!(logged(&p, "AR3", "siaddr-not-used"));
    let p = v4(
        Vendor::ArubaAosCx,
        &[&opt(66, b"192.0.2.30"), &opt(67, b"b.cfg")],
    );
    assert_eq!(fetches(&p)[0].1, url("tftp://192.0.2.30/b.cfg"));
}

#[test]
fn ar3_no_66_means_no_file_server() {
    let p = v4(Vendor::ArubaAosCx, &[&aoscx_43(&[(144, b"a.cfg")])]);
    assert_eq!(stop(&p), Some(("AR3", "no-file-server", false)));
    assert_eq!(fetches(&p)[0].1, None);
}

#[test]
fn ar2_p66_1_a_name_in_66_is_an_error() {
    let p = v4(
        Vendor::ArubaAosCx,
        &[&aoscx_43(&[(144, b"a.cfg")]), &opt(66, b"tftp.example.net")],
    );
    assert_eq!(stop(&p), Some(("AR2", "66-not-ipv4", false)));
    assert!(logged(&p, "P66-1", "name-in-66"));
}

#[test]
fn ar4_a_server_and_no_file_is_nothing_to_do() {
    let p = v4(Vendor::ArubaAosCx, &[&opt(66, b"192.0.2.30")]);
    assert!(p.stop.is_none());
    assert!(p.steps.is_empty());
    assert!(logged(&p, "AR4", "nothing-to-do"));
    let p = v4(Vendor::ArubaAosCx, &[]);
    assert_eq!(stop(&p), Some(("AR2", "no-trigger", true)));
}

#[test]
fn ar4_v6_stops_ipv4_only() {
    let p = v6(Vendor::ArubaAosCx, &[]).unwrap();
    assert_eq!(stop(&p), Some(("AR4", "ipv4-only", false)));
}

#[test]
fn ar2_central_and_proxy_are_contacts() {
    let p = v4(
        Vendor::ArubaAosCx,
        &[&aoscx_43(&[
            (146, b"central.example.net"),
            (148, b"10.0.0.8"),
        ])],
    );
    assert_eq!(
        contacts(&p),
        [
            (
                Service::ArubaCentral,
                "central.example.net".into(),
                None,
                Order::First
            ),
            (Service::Proxy, "10.0.0.8".into(), None, Order::Then),
        ]
    );
    assert!(logged(&p, "AR2", "needs-dns"));
}

#[test]
fn ar5_ra3_central_csv_when_the_reply_60_is_arubainstantap() {
    let p = v4(
        Vendor::ArubaAosCx,
        &[
            &opt(60, b"ArubaInstantAP"),
            &opt(43, b"campus,10.1.1.5,s3cret"),
        ],
    );
    assert_eq!(
        contacts(&p),
        [(Service::ArubaCentral, "10.1.1.5".into(), None, Order::First)]
    );
    assert!(logged(&p, "RA3", "reply-60-clue"));
    assert!(!p.decisions().any(|d| d.message.contains("s3cret")));
    let p = v4(
        Vendor::ArubaAosCx,
        &[&opt(60, b"ArubaInstantAP"), &opt(43, b"campus,10.1.1.5")],
    );
    assert_eq!(stop(&p), Some(("AR5", "bad-central-csv", false)));
}

#[test]
fn ar5_csv_fields() {
    let e = CentralCsv::parse(b"a,b,c,d", at43()).unwrap_err();
    assert_eq!(
        e.kind,
        ValueProblem::FieldCount {
            found: 4,
            expected: 3
        }
    );
    let e = CentralCsv::parse(b"a,,c", at43().shifted(2)).unwrap_err();
    assert_eq!(e.kind, ValueProblem::EmptyField { index: 1 });
    assert_eq!(e.at.offset(), 4);
    assert!(matches!(
        CentralCsv::parse(b"a,b\x01,c", at43()).unwrap_err().kind,
        ValueProblem::Text(_)
    ));
}

#[test]
fn p60_csv_without_the_server_60() {
    let p = v4(Vendor::ArubaAosCx, &[&opt(43, b"campus,10.1.1.5,s3cret")]);
    assert!(logged(&p, "P60", "csv-without-60"));
    assert_eq!(stop(&p), Some(("AR2", "bad-option-43", false)));
}

#[test]
fn p43_3_empty_option_43() {
    let p = v4(
        Vendor::ArubaAosCx,
        &[&opt(43, b""), &opt(66, b"192.0.2.30")],
    );
    assert!(logged(&p, "P43-3", "empty-option-43"));
}

#[test]
fn ar6_file_kinds_are_a_decision() {
    let p = v4(
        Vendor::ArubaAosCx,
        &[&opt(66, b"192.0.2.30"), &opt(67, b"a.cfg")],
    );
    assert!(logged(&p, "AR6", "file-kinds"));
}

// ------------------------------------------------------------------- EXOS

#[test]
fn e2_vendors_md_example() {
    let p = v4(Vendor::ExtremeExos, &[&opt(43, &exos_43())]);
    assert_eq!(
        fetches(&p),
        [
            (
                Role::Script,
                url("tftp://192.168.1.101/config.xsf"),
                Order::First
            ),
            (
                Role::Image,
                url("tftp://192.168.1.101/summitX-21.1.2.14.xos"),
                Order::Then
            ),
        ]
    );
    assert!(p.provisions());
}

#[test]
fn e3_bare_101_without_100_names_the_item() {
    let mut v = b"\x65\x09a.xos_url".to_vec();
    v[2..].copy_from_slice(b"tftp://h/");
    v.extend_from_slice(b"\x65\x08conf.cfg");
    let p = v4(Vendor::ExtremeExos, &[&opt(43, &v)]);
    let s = p.stop.as_ref().unwrap();
    assert_eq!((s.rule, s.id), ("E3", "missing-tftp-server"));
    assert!(s.message.contains("item 2 (\"conf.cfg\")"));
    assert_eq!(fetches(&p)[0].1, url("tftp://h/"));
}

#[test]
fn e3_url_used_as_is_and_other_schemes_reported() {
    let v = b"\x65\x16http://192.0.2.5/a.cfg";
    let p = v4(Vendor::ExtremeExos, &[&opt(43, v)]);
    assert_eq!(fetches(&p)[0].1, url("http://192.0.2.5/a.cfg"));
    assert!(logged(&p, "E3", "scheme"));
}

#[test]
fn e4_kind_by_extension() {
    let mut repr = PlainTlvRepr::new();
    repr.push(100, vec![192, 0, 2, 5]).unwrap();
    for f in [
        "a.CFG", "b.xsf", "c.py", "d.pol", "e.xos", "f.xmod", "g.txt",
    ] {
        repr.push(101, f.as_bytes().to_vec()).unwrap();
    }
    let p = v4(Vendor::ExtremeExos, &[&opt(43, &repr.to_vec().unwrap())]);
    let roles: Vec<_> = fetches(&p).into_iter().map(|f| f.0).collect();
    use Role::*;
    assert_eq!(
        roles,
        [Configuration, Script, Script, File, Image, Image, File]
    );
    assert_eq!(p.decisions().filter(|d| d.rule == "E4").count(), 7);
}

#[test]
fn e5_item_order_and_waiting_without_43() {
    let p = v4(Vendor::ExtremeExos, &[&opt(43, &exos_43())]);
    assert!(logged(&p, "E5", "item-order"));
    let p = v4(Vendor::ExtremeExos, &[]);
    assert_eq!(stop(&p), Some(("E5", "no-trigger", true)));
    // 102, the trap server, is a decision.
    let p = v4(Vendor::ExtremeExos, &[&opt(43, &hex("66 04 c0000207"))]);
    assert!(logged(&p, "E2", "trap-server"));
}

// -------------------------------------------------------------- SR Linux

#[test]
fn n2_66_with_scheme_and_bare_67_combine() {
    let p = v4(
        Vendor::NokiaSrLinux,
        &[
            &opt(66, b"http://192.0.2.40/ztp"),
            &opt(67, b"provision.py"),
        ],
    );
    assert_eq!(
        fetches(&p),
        [(
            Role::Script,
            url("http://192.0.2.40/ztp/provision.py"),
            Order::First
        )]
    );
    assert!(logged(&p, "N2", "combine-66-67"));
}

#[test]
fn n2_g10_bare_67_via_150_then_66_then_siaddr() {
    let p = v4(
        Vendor::NokiaSrLinux,
        &[
            &opt(150, &[192, 0, 2, 50]),
            &opt(66, b"192.0.2.60"),
            &opt(67, b"p.py"),
        ],
    );
    assert_eq!(fetches(&p)[0].1, url("tftp://192.0.2.50/p.py"));
    assert!(
        p.decisions()
            .any(|d| d.rule == "G10" && d.message.contains("option 150"))
    );
    let p = v4_siaddr(Vendor::NokiaSrLinux, [192, 0, 2, 1], &[&opt(67, b"p.py")]);
    assert_eq!(fetches(&p)[0].1, url("tftp://192.0.2.1/p.py"));
    assert!(logged(&p, "P66-2", "siaddr-may-be-dhcp-server"));
    let p = v4(Vendor::NokiaSrLinux, &[&opt(67, b"p.py")]);
    assert_eq!(stop(&p), Some(("G10", "missing-server", false)));
}

#[test]
fn n2_printable_43_url_and_tlv_guess() {
    let p = v4(
        Vendor::NokiaSrLinux,
        &[&opt(43, b"https://192.0.2.40/p.py")],
    );
    assert_eq!(fetches(&p)[0].1, url("https://192.0.2.40/p.py"));
    assert!(logged(&p, "N2", "option-43-url"));
    let p = v4(Vendor::NokiaSrLinux, &[&opt(43, &hex("01 02 6162"))]);
    assert!(logged(&p, "N2", "option-43-tlv-guess"));
    assert_eq!(stop(&p), Some(("N2", "no-trigger", true)));
}

#[test]
fn n3_v6_59_assumed() {
    let p = v6(
        Vendor::NokiaSrLinux,
        &[&v6opt(59, b"http://[2001:db8::4]/p.py")],
    )
    .unwrap();
    assert_eq!(fetches(&p)[0].1, url("http://[2001:db8::4]/p.py"));
    assert!(logged(&p, "N3", "v6-option-assumed"));
}

#[test]
fn n4_file_kind_is_a_decision() {
    let p = v4(Vendor::NokiaSrLinux, &[&opt(67, b"http://h/p.py")]);
    assert!(logged(&p, "N4", "file-kind"));
}

// ----------------------------------------------------------------- Huawei

fn lease51() -> Vec<u8> {
    opt(51, &86_400u32.to_be_bytes())
}

#[test]
fn h2_intermediate_file_from_sftp_66() {
    let p = v4(
        Vendor::HuaweiVrp,
        &[
            &lease51(),
            &opt(66, b"sftp://ztp:pw@192.0.2.7:2222"),
            &opt(67, b"ztp.ini"),
        ],
    );
    assert_eq!(
        fetches(&p),
        [(
            Role::Workflow,
            url("sftp://ztp:pw@192.0.2.7:2222/ztp.ini"),
            Order::First
        )]
    );
    assert!(logged(&p, "H2", "lease-time"));
    assert!(p.provisions());
}

#[test]
fn h2_option_66_forms() {
    let at = Place::option(Family::V4, 66, 0);
    let s = HuaweiServer::parse(b"ftp://u@files.example.net", at).unwrap();
    assert_eq!(
        (s.scheme, s.user, s.password),
        (HuaweiScheme::Ftp, Some("u"), None)
    );
    assert_eq!(s.url("a.cfg"), "ftp://u@files.example.net/a.cfg");
    let s = HuaweiServer::parse(b"10.0.0.1", at).unwrap();
    assert!(s.bare && s.scheme == HuaweiScheme::Tftp);
    let bad = |v: &[u8]| HuaweiServer::parse(v, at).unwrap_err().kind;
    assert_eq!(
        bad(b"sftp://h.example.net:2222"),
        ValueProblem::PortNeedsIpv4
    );
    assert_eq!(bad(b"ftp://10.0.0.1:21"), ValueProblem::PortNotAllowed);
    assert_eq!(bad(b"tftp://u@10.0.0.1"), ValueProblem::UserInfo);
    assert_eq!(bad(b"http://10.0.0.1"), ValueProblem::UnknownScheme);
    assert_eq!(bad(b"sftp://10.0.0.1:x"), ValueProblem::BadPort);
    assert_eq!(bad(b"tftp://10.0.0.1/dir"), ValueProblem::Path);
    let s = HuaweiServer::parse(b"sftp://10.0.0.1:99999", at).unwrap();
    assert_eq!((s.port, s.port_replaced), (Some(22), true));
}

#[test]
fn h2_short_lease_and_missing_server() {
    let p = v4(
        Vendor::HuaweiVrp,
        &[
            &opt(51, &600u32.to_be_bytes()),
            &opt(66, b"10.0.0.1"),
            &opt(67, b"a.cfg"),
        ],
    );
    assert_eq!(stop(&p), Some(("H2", "short-lease", false)));
    let p = v4(Vendor::HuaweiVrp, &[&lease51(), &opt(67, b"a.cfg")]);
    assert_eq!(stop(&p), Some(("H2", "missing-server", false)));
    let p = v4(Vendor::HuaweiVrp, &[&lease51()]);
    assert_eq!(stop(&p), Some(("H2", "no-trigger", true)));
}

#[test]
fn h3_other_extension_is_an_error_and_66_beats_150() {
    let p = v4(
        Vendor::HuaweiVrp,
        &[&opt(66, b"10.0.0.1"), &opt(67, b"vrp.cc")],
    );
    assert_eq!(stop(&p), Some(("H3", "bad-extension", false)));
    let p = v4(
        Vendor::HuaweiVrp,
        &[
            &lease51(),
            &opt(66, b"10.0.0.1"),
            &opt(150, &[10, 0, 0, 2]),
            &opt(67, b"a.PY"),
        ],
    );
    assert_eq!(fetches(&p)[0].1, url("tftp://10.0.0.1/a.PY"));
    assert!(logged(&p, "H3", "66-beats-150"));
    let p = v4(
        Vendor::HuaweiVrp,
        &[&lease51(), &opt(150, &[10, 0, 0, 2]), &opt(67, b"a.ini")],
    );
    assert_eq!(fetches(&p)[0].1, url("tftp://10.0.0.2/a.ini"));
}

#[test]
fn h4_v6_59_full_url() {
    let p = v6(
        Vendor::HuaweiVrp,
        &[&v6opt(59, b"sftp://u:p@[2001:db8::7]/ztp.cfg")],
    )
    .unwrap();
    assert_eq!(fetches(&p)[0].1, url("sftp://u:p@[2001:db8::7]/ztp.cfg"));
    let p = v6(Vendor::HuaweiVrp, &[]).unwrap();
    assert_eq!(stop(&p), Some(("H4", "no-trigger", true)));
}

#[test]
fn h5_g12_parsable_143_means_sztp_only() {
    let p = v4(
        Vendor::HuaweiVrp,
        &[
            &opt(143, b"\x00\x11https://sztp.test"),
            &opt(66, b"10.0.0.1"),
            &opt(67, b"a.cfg"),
        ],
    );
    assert_eq!(
        contacts(&p),
        [(
            Service::SztpBootstrap,
            "sztp.test".into(),
            Some(443),
            Order::First
        )]
    );
    assert!(fetches(&p).is_empty());
    let d = p.decisions().find(|d| d.id == "sztp-only").unwrap();
    assert!(d.message.contains("[66, 67]"));
    assert!(logged(&p, "G12", "sztp-ranked"));
    let p = v6(
        Vendor::HuaweiVrp,
        &[&v6opt(136, b"\x00\x11https://sztp.test")],
    )
    .unwrap();
    assert_eq!(contacts(&p).len(), 1);
}

#[test]
fn h6_file_kind_is_a_decision() {
    let p = v4(
        Vendor::HuaweiVrp,
        &[&lease51(), &opt(66, b"10.0.0.1"), &opt(67, b"a.ini")],
    );
    assert!(logged(&p, "H6", "file-kind"));
}

#[test]
fn h7_campus_143_of_4_bytes_is_the_ftp_server() {
    let mut tlv = PlainTlvRepr::new();
    tlv.push(1, b"URL=http://acs.example.net:7547;".to_vec())
        .unwrap();
    let p = v4(
        Vendor::HuaweiVrp,
        &[
            &opt(43, &tlv.to_vec().unwrap()),
            &opt(143, &[10, 0, 0, 9]),
            &opt(141, b"ftpuser"),
            &opt(142, b"ftppass"),
            &opt(67, b"s5700.zip"),
            &opt(145, b"vrpfile=s5700.cc;vrpver=V200R019;patchfile=p.pat;"),
            &opt(146, b"opervalue=1"),
        ],
    );
    assert_eq!(
        fetches(&p),
        [
            (
                Role::Configuration,
                url("ftp://ftpuser:ftppass@10.0.0.9/s5700.zip"),
                Order::First
            ),
            (
                Role::Image,
                url("ftp://ftpuser:ftppass@10.0.0.9/s5700.cc"),
                Order::Then
            ),
            (
                Role::File,
                url("ftp://ftpuser:ftppass@10.0.0.9/p.pat"),
                Order::Then
            ),
        ]
    );
    for id in [
        "143-ftp-server",
        "campus",
        "acs-url",
        "vrp-version",
        "opervalue",
    ] {
        assert!(logged(&p, "H7", id), "{id}");
    }
}

#[test]
fn h8_nce_onboarding_from_148() {
    let v = b"agilemode=agile-cloud;agilemanage-mode=domain;agilemanage-domain=nce.example.net;agilemanage-port=10020;";
    let p = v4(Vendor::HuaweiVrp, &[&opt(148, v)]);
    assert_eq!(
        contacts(&p),
        [(
            Service::HuaweiNce,
            "nce.example.net".into(),
            Some(10020),
            Order::First
        )]
    );
    assert!(logged(&p, "H8", "nce"));
}

#[test]
fn h8_pairs_errors() {
    let at = Place::option(Family::V4, 148, 10);
    let e = Pairs::parse(b"a=1;b", at).unwrap_err();
    assert_eq!((e.kind, e.at.offset()), (ValueProblem::MissingEquals, 14));
    assert_eq!(
        Pairs::parse(b"=1", at).unwrap_err().kind,
        ValueProblem::EmptyKey
    );
    assert_eq!(
        Pairs::parse(b"a=1;A=2", at).unwrap_err().kind,
        ValueProblem::DuplicateKey
    );
    let p = Pairs::parse(b"k=v=w", at).unwrap();
    assert_eq!(p.get("K"), Some("v=w"));
}
