//! Cisco plans and layouts: IOS-XE ZTP (CX2..CX6), Plug and Play
//! (CP2..CP7), NX-OS POAP (CN2..CN8), IOS-XR (CR3..CR9), and the
//! cross-vendor rules they exercise (G6, G7, G9, G10, G12), named by rule
//! id.

use crate::common::{Xorshift, fetches, logged, opt, reply, v6_reply, v6opt, v6vendor};
use ztp_options::v4::{self, MessageRepr, OptionCode, OptionSet};
use ztp_options::v6;
use ztp_options::vendor::cisco::{
    AddressType, PnpErrorKind, PnpString, PnpStringRepr, PoapItemsRepr, PoapWidth, SecurePoap,
    Transport, XrCheck, XrDataPort, md5_hex,
};
use ztp_options::vendor::{
    Identity, Order, Role, Service, Step, Vendor, VendorPlan, plan_v4, plan_v4_with, plan_v6,
    plan_v6_with,
};
use ztp_options::{Family, Place};

fn v4plan(vendor: Vendor, options: &[u8]) -> VendorPlan {
    let bytes = reply(&[options, &[255]].concat());
    plan_v4(vendor, &v4::Lease::parse(&bytes).unwrap()).unwrap()
}

fn v6plan(vendor: Vendor, options: &[u8]) -> VendorPlan {
    let bytes = v6_reply(options);
    plan_v6(vendor, &v6::Lease::parse(&bytes).unwrap()).unwrap()
}

const PNP: &[u8] = b"5A1N;B2;K4;I172.19.45.222;J80";
const AT43: Place = Place::option(Family::V4, 43, 0);

// ------------------------------------------------------------------ CP

#[test]
fn cp2_pnp_string_fields() {
    let pnp = PnpString::parse(PNP).unwrap();
    assert_eq!(pnp.version(), Some(1));
    assert_eq!(pnp.debug_flag(), Some(false));
    assert_eq!(pnp.address_type(), Some(AddressType::Ipv4));
    assert_eq!(pnp.transport(), Some(Transport::Http));
    assert_eq!(pnp.server(), "172.19.45.222");
    assert_eq!(pnp.port(), Some(80));
    assert!(PnpString::parse(b"5A1D;I10.0.0.1").unwrap().debug());
    let z = PnpString::parse(b"5A1N;I10.0.0.1;Z192.0.2.123;Thttp://10.0.0.1/ca.pem;").unwrap();
    assert_eq!(z.ntp(), Some("192.0.2.123"));
    assert_eq!(z.trustpool(), Some("http://10.0.0.1/ca.pem"));
}

#[test]
fn cp3_order_free_empty_tokens_dropped_unknown_kept() {
    let pnp = PnpString::parse(b"5A1N;K4;B2;;J8080;I192.0.2.9;X42;").unwrap();
    assert_eq!((pnp.server(), pnp.port()), ("192.0.2.9", Some(8080)));
    let unknown: Vec<_> = pnp.unknown().map(|t| (t.key, t.value)).collect();
    assert_eq!(unknown, [(b'X', "42")]);
}

#[test]
fn cp3_errors_repeated_key_missing_i_bad_values() {
    let e = PnpString::parse(b"5A1N;I10.0.0.1;J80;J81").unwrap_err();
    assert_eq!(
        e.kind,
        PnpErrorKind::RepeatedKey {
            key: b'J',
            first: 15
        }
    );
    assert_eq!(e.index, 19);
    assert_eq!(
        PnpString::parse(b"5A1N;B2;K4").unwrap_err().kind,
        PnpErrorKind::MissingServer
    );
    for bad in [
        &b"5A1N;I1.2.3.4;K9"[..],
        b"5A1N;I1.2.3.4;B7",
        b"5A1N;I1.2.3.4;J0",
        b"5A1N;I1.2.3.4;J99999",
        b"5A1N;I",
    ] {
        assert!(
            matches!(
                PnpString::parse(bad).unwrap_err().kind,
                PnpErrorKind::BadValue { .. }
            ),
            "{bad:?}"
        );
    }
    assert_eq!(
        PnpString::parse(b"5A1X;I1.2.3.4").unwrap_err().kind,
        PnpErrorKind::BadHeader
    );
    assert_eq!(
        PnpString::parse(b"network-confg").unwrap_err().kind,
        PnpErrorKind::NotPnp
    );
    // G8: a control byte inside is an error with its index; a trailing NUL is tolerated.
    let e = PnpString::parse(b"5A1N;I1.2\x01.3.4").unwrap_err();
    assert_eq!((e.index, e.kind), (9, PnpErrorKind::NotText { byte: 1 }));
    assert!(PnpString::parse(b"5A1N;I1.2.3.4\0").unwrap().trailing_nul());
}

#[test]
fn cp3_p43_4_pnp_string_without_separators() {
    // A published lab's hand-made hex.
    let e = PnpString::parse(b"5A1DB2B3K4I72.16.1.10J80").unwrap_err();
    assert_eq!(e.kind, PnpErrorKind::NoSeparators);
    assert!(e.to_string().contains("pnp string without separators"));
    let plan = v4plan(Vendor::CiscoPnp, &opt(43, b"5A1DB2B3K4I72.16.1.10J80"));
    assert!(logged(&plan, "CP3", "pnp-no-separators"));
    assert_eq!(plan.stop.unwrap().rule, "CP7");
}

#[test]
fn cp3_b_disagrees_with_i_is_a_warning_and_defaults_are_said() {
    let pnp = PnpString::parse(b"5A1N;B2;Idnac.example.net").unwrap();
    assert_eq!(
        pnp.address_type_mismatch(),
        Some((AddressType::Ipv4, AddressType::HostName))
    );
    let plan = v4plan(Vendor::CiscoPnp, &opt(43, b"5A1N;B2;Idnac.example.net"));
    assert!(logged(&plan, "CP3", "pnp-address-type-mismatch"));
    assert!(logged(&plan, "CP3", "pnp-default-transport"));
    assert!(logged(&plan, "CP3", "pnp-default-port"));
    assert!(plan.provisions());
}

#[test]
fn cp4_contact_scheme_from_k_port_from_j_or_default() {
    let plan = v4plan(Vendor::CiscoPnp, &opt(43, PNP));
    let Step::Contact(c) = &plan.steps[0] else {
        panic!()
    };
    assert_eq!(
        (c.service, c.host.as_str(), c.port, c.transport),
        (Service::PnpServer, "172.19.45.222", Some(80), Some("http"))
    );
    let d = plan.decisions().find(|d| d.id == "pnp-server").unwrap();
    assert!(d.message.contains("http://172.19.45.222:80") && d.message.contains("choice"));
    // K5 without J: 443.
    let plan = v4plan(Vendor::CiscoPnp, &opt(43, b"5A1N;K5;I192.0.2.9"));
    let Step::Contact(c) = &plan.steps[0] else {
        panic!()
    };
    assert_eq!((c.port, c.transport), (Some(443), Some("https")));
    // K1..3: xmpp, nothing fetched.
    let plan = v4plan(Vendor::CiscoPnp, &opt(43, b"5A1N;K2;I192.0.2.9;J5222"));
    assert!(logged(&plan, "CP4", "pnp-xmpp"));
    assert!(fetches(&plan).is_empty());
    // B3 and an IPv6 server: bracketed in the URL shown.
    let plan = v4plan(Vendor::CiscoPnp, &opt(43, b"5A1N;B3;I2001:db8::9;J80"));
    assert!(
        plan.decisions()
            .any(|d| d.message.contains("http://[2001:db8::9]:80"))
    );
}

#[test]
fn cp5_pnp_string_in_67_diagnosed_not_fetched() {
    let plan = v4plan(Vendor::CiscoIosXe, &opt(67, PNP));
    assert!(logged(&plan, "CP5", "pnp-string-in-67"));
    assert!(fetches(&plan).is_empty());
    assert_eq!(plan.stop.unwrap().rule, "CP7");
}

#[test]
fn cp6_v6_enterprise_9_item_starting_5a1() {
    let plan = v6plan(Vendor::CiscoPnp, &v6vendor(9, &[(1, PNP)]));
    assert!(logged(&plan, "CP6", "pnp-string-v6"));
    assert!(plan.provisions());
    // Another enterprise: not read.
    let plan = v6plan(Vendor::CiscoPnp, &v6vendor(99, &[(1, PNP)]));
    assert_eq!(plan.stop.unwrap().rule, "CP7");
}

#[test]
fn cp7_no_usable_43_waits_outside_dhcp() {
    let plan = v4plan(Vendor::CiscoPnp, &opt(150, &[192, 0, 2, 5]));
    let stop = plan.stop.unwrap();
    assert_eq!((stop.rule, stop.waits), ("CP7", true));
    assert!(
        stop.message
            .contains("PnP discovery continues outside DHCP")
    );
}

#[test]
fn cp2_pnp_string_round_trip_property() {
    let mut rng = Xorshift(0x5eed_1234_abcd_0001);
    let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789.-:/_";
    for _ in 0..500 {
        let b = rng.bytes(16);
        let word = |seed: &[u8], min: usize| -> String {
            let n = min + usize::from(seed[0]) % 10;
            (0..n)
                .map(|i| {
                    char::from(
                        alphabet[usize::from(seed[(i + 1) % seed.len()].wrapping_add(i as u8))
                            % alphabet.len()],
                    )
                })
                .collect()
        };
        let mut repr = PnpStringRepr::new(word(&b[0..6], 1));
        repr.version = if b[6] % 3 == 0 { None } else { Some(b[6] % 10) };
        repr.debug = if repr.version.is_none() {
            None
        } else {
            [None, Some(true), Some(false)][usize::from(b[7] % 3)]
        };
        repr.address_type = [
            None,
            Some(AddressType::HostName),
            Some(AddressType::Ipv4),
            Some(AddressType::Ipv6),
        ][usize::from(b[8] % 4)];
        repr.transport = Transport::from_digit(b[9] % 6);
        repr.port = if b[10] % 2 == 0 {
            None
        } else {
            Some(u16::from_be_bytes([b[11], b[12]]).max(1))
        };
        repr.ntp = (b[13] % 2 == 0).then(|| word(&b[10..14], 0));
        repr.trustpool = (b[14] % 3 == 0).then(|| word(&b[11..16], 0));
        if b[15] % 2 == 0 {
            repr.unknown.push((b'X', word(&b[2..8], 0)));
        }
        assert!(repr.is_valid(), "{repr:?}");
        let text = repr.to_string();
        let back = PnpString::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(back.to_repr(), repr, "{text:?}");
    }
}

// ------------------------------------------------------------------ CX

#[test]
fn cx2_67_url_or_tftp_name_through_g10() {
    let plan = v4plan(Vendor::CiscoIosXe, &opt(67, b"http://192.0.2.20/ztp.py"));
    assert_eq!(
        fetches(&plan),
        [(
            Role::Script,
            Some("http://192.0.2.20/ztp.py".into()),
            Order::First
        )]
    );
    let plan = v4plan(
        Vendor::CiscoIosXe,
        &[
            opt(67, b"ztp.py"),
            opt(150, &[192, 0, 2, 21, 192, 0, 2, 22]),
        ]
        .concat(),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("tftp://192.0.2.21/ztp.py")
    );
    assert!(logged(&plan, "G10", "bare-name-server"));
}

#[test]
fn cx3_67_beats_a_pnp_string_which_is_reported_not_used() {
    let plan = v4plan(
        Vendor::CiscoIosXe,
        &[opt(67, b"http://192.0.2.20/ztp.py"), opt(43, PNP)].concat(),
    );
    let d = plan.decisions().find(|d| d.id == "pnp-not-used").unwrap();
    assert_eq!(d.rule, "CX3");
    assert!(d.message.contains("choice"));
    assert!(plan.steps.iter().all(|s| matches!(s, Step::Fetch(_))));
    // No 67: PnP.
    let plan = v4plan(Vendor::CiscoIosXe, &opt(43, PNP));
    assert!(logged(&plan, "CX3", "pnp"));
    assert!(matches!(&plan.steps[0], Step::Contact(c) if c.service == Service::PnpServer));
}

#[test]
fn cx4_v6_59_is_the_url() {
    let plan = v6plan(
        Vendor::CiscoIosXe,
        &v6opt(59, b"https://[2001:db8::20]/ztp.py"),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("https://[2001:db8::20]/ztp.py")
    );
    assert!(logged(&plan, "CX4", "v6-59"));
}

#[test]
fn cx5_the_file_is_python_a_decision() {
    let plan = v4plan(Vendor::CiscoIosXe, &opt(67, b"http://192.0.2.20/ztp.py"));
    assert!(logged(&plan, "CX5", "file-is-python"));
    assert_eq!(fetches(&plan)[0].0, Role::Script);
}

#[test]
fn cx6_125_shown_not_a_plan() {
    let mut v = Vec::new();
    v4::VendorSpecific::put_entry(9, &[(5, &b"autoinstall.txt"[..])], &mut v).unwrap();
    let plan = v4plan(
        Vendor::CiscoIosXe,
        &[opt(125, &v), opt(67, b"http://192.0.2.20/ztp.py")].concat(),
    );
    let d = plan.decisions().find(|d| d.rule == "CX6").unwrap();
    assert!(d.message.contains("autoinstall.txt"));
    assert_eq!(plan.steps.len(), 1);
}

#[test]
fn g12_iosxe_sztp_beside() {
    let uri = b"https://sztp.example.net";
    let mut v = (uri.len() as u16).to_be_bytes().to_vec();
    v.extend_from_slice(uri);
    let plan = v4plan(
        Vendor::CiscoIosXe,
        &[opt(67, b"http://192.0.2.20/ztp.py"), opt(143, &v)].concat(),
    );
    assert!(logged(&plan, "G12", "sztp-beside-legacy"));
    assert!(matches!(&plan.steps[1], Step::Contact(c) if c.service == Service::SztpBootstrap));
}

// ------------------------------------------------------------------ CN

/// The CN4 item list: version 1, URL, NTP, CA list, debug, flag.
fn poap43() -> Vec<u8> {
    let mut r = PoapItemsRepr::default();
    r.items.push((1, vec![1]));
    r.items.push((2, b"https://192.0.2.30/poap.py".to_vec()));
    r.items.push((3, vec![192, 0, 2, 123]));
    r.items.push((50, b"https://192.0.2.30/ca.pem".to_vec()));
    r.items.push((51, vec![1]));
    r.items.push((52, vec![1]));
    r.to_vec().unwrap()
}

fn lease_time(s: u32) -> Vec<u8> {
    opt(51, &s.to_be_bytes())
}

#[test]
fn cn4_secure_poap_items_code1_len2() {
    let v = poap43();
    let poap = SecurePoap::parse_v4(&v, AT43).unwrap();
    assert_eq!(poap.version(), Some(1));
    assert_eq!(poap.url(), Some("https://192.0.2.30/poap.py"));
    assert_eq!(poap.ntp(), Some([192, 0, 2, 123].into()));
    assert_eq!(poap.ca_list(), Some("https://192.0.2.30/ca.pem"));
    assert_eq!((poap.debug(), poap.skip_cert_check()), (Some(1), Some(1)));
    // A length past the value: error with the item's offset.
    let e = SecurePoap::parse_v4(&v[..v.len() - 1], AT43).unwrap_err();
    assert_eq!(e.place().suboption_code(), Some(52));
    // Wrong fixed lengths.
    assert!(SecurePoap::parse_v4(b"\x01\x00\x02\x01\x01", AT43).is_err());
    assert!(SecurePoap::parse_v4(b"\x03\x00\x03\x01\x02\x03", AT43).is_err());
}

#[test]
fn cn4_rfc3396_joined_43() {
    let v = poap43();
    let (a, b) = v.split_at(20);
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[lease_time(7200), opt(43, a), opt(43, b)].concat(),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("https://192.0.2.30/poap.py")
    );
    assert!(logged(&plan, "CN4", "secure-poap-skip-cert"));
}

#[test]
fn cn4_secure_first_66_67_fallback() {
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(3600),
            opt(43, &poap43()),
            opt(150, &[192, 0, 2, 40]),
            opt(67, b"poap.py"),
        ]
        .concat(),
    );
    assert_eq!(
        fetches(&plan),
        [
            (
                Role::Script,
                Some("https://192.0.2.30/poap.py".into()),
                Order::First
            ),
            (
                Role::Script,
                Some("tftp://192.0.2.40/poap.py".into()),
                Order::Fallback
            ),
        ]
    );
    assert!(plan.provisions());
}

#[test]
fn cn2_valid_offer_needs_lease_server_and_name() {
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(3600),
            opt(66, b"192.0.2.40"),
            opt(67, b"poap.py"),
        ]
        .concat(),
    );
    assert!(plan.provisions());
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(1800),
            opt(66, b"192.0.2.40"),
            opt(67, b"poap.py"),
        ]
        .concat(),
    );
    let stop = plan.stop.unwrap();
    assert_eq!(
        (stop.rule, stop.id, stop.waits),
        ("CN2", "lease-too-short", true)
    );
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[lease_time(3600), opt(67, b"poap.py")].concat(),
    );
    assert!(
        plan.stop
            .unwrap()
            .message
            .contains("Missing Script Server information")
    );
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[lease_time(3600), opt(150, &[192, 0, 2, 40])].concat(),
    );
    assert!(plan.stop.unwrap().message.contains("Missing Script Name"));
}

#[test]
fn cn3_150_beats_66_and_http_prefix() {
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(86400),
            opt(66, b"poap.example.net"),
            opt(150, &[192, 0, 2, 41, 192, 0, 2, 42]),
            opt(67, b"/scripts/poap.py"),
        ]
        .concat(),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("tftp://192.0.2.41/scripts/poap.py")
    );
    let d = plan.decisions().find(|d| d.id == "150-beats-66").unwrap();
    assert!(d.message.contains("choice"));
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(86400),
            opt(66, b"http://192.0.2.43:8080"),
            opt(67, b"poap.py"),
        ]
        .concat(),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("http://192.0.2.43:8080/poap.py")
    );
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(86400),
            opt(66, b"poap.example.net"),
            opt(67, b"poap.py"),
        ]
        .concat(),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("tftp://poap.example.net/poap.py")
    );
}

#[test]
fn cn5_v6_items_rfc8415_then_narrow_fallback_and_59() {
    // RFC 8415 items: 1 version, 3 URL.
    let rfc = v6vendor(9, &[(1, &[1]), (3, b"https://[2001:db8::30]/poap.py")]);
    let plan = v6plan(
        Vendor::CiscoNxos,
        &[rfc, v6opt(59, b"tftp://[2003::1111]/poap.py")].concat(),
    );
    assert_eq!(
        fetches(&plan),
        [
            (
                Role::Script,
                Some("https://[2001:db8::30]/poap.py".into()),
                Order::First
            ),
            (
                Role::Script,
                Some("tftp://[2003::1111]/poap.py".into()),
                Order::Fallback
            ),
        ]
    );
    // The guide's ISC stanza: code(1) len(2), overruns as RFC 8415.
    let mut narrow = 9u32.to_be_bytes().to_vec();
    narrow.extend_from_slice(b"\x01\x00\x01\x01\x03\x00\x1ehttps://[2001:db8::30]/poap.py");
    let items = &narrow[4..];
    let at = Place::option(Family::V6, 17, 0);
    let poap = SecurePoap::parse_v6(items, at).unwrap();
    assert_eq!(poap.width(), PoapWidth::Code1Len2);
    assert_eq!(poap.url(), Some("https://[2001:db8::30]/poap.py"));
    let plan = v6plan(Vendor::CiscoNxos, &v6opt(17, &narrow));
    assert!(logged(&plan, "CN5", "secure-poap-narrow-items"));
    assert!(plan.provisions());
}

#[test]
fn cn5_p59_unbracketed_ipv6_accepted_with_warning() {
    let plan = v6plan(
        Vendor::CiscoNxos,
        &v6opt(59, b"tftp://2003::1111/poap_github_v6.py"),
    );
    assert!(logged(&plan, "P59", "unbracketed-ipv6"));
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("tftp://[2003::1111]/poap_github_v6.py")
    );
}

#[test]
fn cn6_cn7_cn8_decisions() {
    let plan = v6plan(
        Vendor::CiscoNxos,
        &v6opt(59, b"tftp://[2003::1111]/poap.py"),
    );
    assert!(logged(&plan, "CN6", "v6-script-from-59"));
    assert!(logged(&plan, "CN7", "poap-script"));
    assert!(logged(&plan, "CN8", "poap-before-pnp"));
    let plan = v4plan(
        Vendor::CiscoNxos,
        &[
            lease_time(3600),
            opt(150, &[192, 0, 2, 40]),
            opt(67, b"poap.py"),
        ]
        .concat(),
    );
    assert!(
        plan.decisions()
            .find(|d| d.rule == "CN7")
            .unwrap()
            .message
            .contains("md5")
    );
    assert!(logged(&plan, "CN8", "poap-before-pnp"));
}

#[test]
fn cn4_code1_len2_round_trip_property() {
    let mut rng = Xorshift(0xc0de_0002_0000_0007);
    for _ in 0..300 {
        let b = rng.bytes(8);
        let mut repr = PoapItemsRepr::default();
        for i in 0..usize::from(b[0] % 6) {
            let len = usize::from(b[(i + 1) % 8]) * if b[7] % 5 == 0 { 3 } else { 1 };
            repr.items
                .push((b[(i + 2) % 8].wrapping_add(i as u8) | 0x80, rng.bytes(len)));
        }
        let bytes = repr.to_vec().unwrap();
        assert_eq!(bytes.len(), repr.buffer_len());
        let back = SecurePoap::parse_v4(&bytes, AT43).unwrap();
        assert_eq!(back.to_repr(), repr);
    }
}

// ------------------------------------------------------------------ CR

fn xr43(serial_hash: &str) -> Vec<u8> {
    [
        opt(1, b"exr-config"),
        opt(2, &[1]),
        opt(3, serial_hash.as_bytes()),
    ]
    .concat()
}

fn xr_request(serial: &str, user_class: &[u8]) -> Vec<u8> {
    let mut set = OptionSet::new();
    set.insert(
        OptionCode::VENDOR_CLASS,
        b"PXEClient:Arch:00009:UNDI:003010:PID:NCS-5508".to_vec(),
    )
    .unwrap();
    set.insert(OptionCode::USER_CLASS, user_class.to_vec())
        .unwrap();
    let mut id = vec![0];
    id.extend_from_slice(serial.as_bytes());
    set.insert(OptionCode::CLIENT_IDENTIFIER, id).unwrap();
    MessageRepr::reply(set).to_vec()
}

#[test]
fn cr4_67_or_file_67_wins_schemes_credentials() {
    let plan = v4plan(
        Vendor::CiscoIosXr,
        &opt(67, b"http://user:pass@192.0.2.50:8080/ztp.sh"),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("http://user:pass@192.0.2.50:8080/ztp.sh")
    );
    assert!(logged(&plan, "CR4", "credentials-in-url"));
    let plan = v4plan(Vendor::CiscoIosXr, &opt(67, b"tftp://192.0.2.50/ztp.sh"));
    assert!(plan.decisions().any(
        |d| d.id == "scheme-not-documented" && d.message.contains("not documented for IOS-XR")
    ));
    // The file field; 67 wins over it.
    let mut bytes = reply(&[opt(67, b"http://192.0.2.50/a.sh"), vec![255]].concat());
    bytes[108..108 + 23].copy_from_slice(b"http://192.0.2.51/b.sh\0");
    let plan = plan_v4(Vendor::CiscoIosXr, &v4::Lease::parse(&bytes).unwrap()).unwrap();
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("http://192.0.2.50/a.sh")
    );
    assert!(logged(&plan, "CR4", "67-beats-file"));
    let mut bytes = reply(&[255]);
    bytes[108..108 + 23].copy_from_slice(b"http://192.0.2.51/b.sh\0");
    let plan = plan_v4(Vendor::CiscoIosXr, &v4::Lease::parse(&bytes).unwrap()).unwrap();
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("http://192.0.2.51/b.sh")
    );
    // P67-2: a bare path.
    let plan = v4plan(Vendor::CiscoIosXr, &opt(67, b"ztp.sh"));
    assert_eq!(plan.stop.unwrap().id, "not-a-url");
}

#[test]
fn cr5_dash_k_stripped_certificate_not_verified() {
    let plan = v4plan(
        Vendor::CiscoIosXr,
        &opt(67, b"-k https://192.0.2.50/ztp.sh"),
    );
    assert_eq!(
        fetches(&plan)[0].1.as_deref(),
        Some("https://192.0.2.50/ztp.sh")
    );
    assert!(
        plan.decisions()
            .any(|d| d.rule == "CR5" && d.message.contains("certificate not verified"))
    );
}

#[test]
fn cr3_phase_from_request_or_iso() {
    let plan = v4plan(
        Vendor::CiscoIosXr,
        &opt(67, b"http://192.0.2.50/ncs5500-x.iso"),
    );
    assert_eq!(fetches(&plan)[0].0, Role::Image);
    assert!(logged(&plan, "CR3", "phase-iso"));
    let req = xr_request("FOC1947R143", b"exr-config");
    let id = Identity::from_v4(&req).unwrap();
    let bytes = reply(&[opt(67, b"http://192.0.2.50/ztp.sh"), vec![255]].concat());
    let plan = plan_v4_with(
        Vendor::CiscoIosXr,
        &v4::Lease::parse(&bytes).unwrap(),
        Some(&id),
    )
    .unwrap();
    assert!(logged(&plan, "CR3", "phase-exr-config"));
    assert_eq!(fetches(&plan)[0].0, Role::File);
}

#[test]
fn cr6_data_port_items_checked_against_the_serial() {
    let hash = md5_hex(b"FOC1947R143");
    let v = xr43(&hash);
    let items = XrDataPort::parse_v4(&v, AT43).unwrap();
    assert_eq!(items.check(Some("FOC1947R143")), XrCheck::Matches);
    assert_eq!(items.check(Some("FOC1947R144")), XrCheck::Mismatch);
    assert_eq!(items.check(None), XrCheck::NotChecked);
    let v = [opt(1, b"exr-config"), opt(2, &[1])].concat();
    let no_hash = XrDataPort::parse_v4(&v, AT43).unwrap();
    assert_eq!(no_hash.check(None), XrCheck::MissingHash);
    let v = opt(1, b"ztp");
    let other = XrDataPort::parse_v4(&v, AT43).unwrap();
    assert_eq!(other.check(None), XrCheck::NotExrConfig);
    // In a plan, with and without the request.
    let req = xr_request("FOC1947R143", b"exr-config");
    let id = Identity::from_v4(&req).unwrap();
    let bytes = reply(
        &[
            opt(43, &xr43(&hash)),
            opt(67, b"http://192.0.2.50/ztp.sh"),
            vec![255],
        ]
        .concat(),
    );
    let lease = v4::Lease::parse(&bytes).unwrap();
    let plan = plan_v4_with(Vendor::CiscoIosXr, &lease, Some(&id)).unwrap();
    assert!(
        plan.decisions()
            .any(|d| d.rule == "CR6" && d.message.contains("is the md5"))
    );
    let plan = plan_v4(Vendor::CiscoIosXr, &lease).unwrap();
    assert!(
        plan.decisions()
            .any(|d| d.rule == "CR6" && d.message.contains("not checked"))
    );
}

#[test]
fn cr6_v6_items_enterprise_17_warned_p17() {
    let hash = md5_hex(b"FOC1947R143");
    let items = [
        (1u16, &b"exr-config"[..]),
        (2, &[1][..]),
        (3, hash.as_bytes()),
    ];
    let plan = v6plan(
        Vendor::CiscoIosXr,
        &[
            v6vendor(17, &items),
            v6opt(59, b"http://[2001:db8::50]/ztp.sh"),
            v6opt(
                242,
                &[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            ),
        ]
        .concat(),
    );
    assert!(logged(&plan, "CR6", "enterprise-not-9"));
    assert!(logged(&plan, "CR6", "data-port-items"));
    assert!(!logged(&plan, "CR8", "no-default-route"));
    let plan = v6plan(
        Vendor::CiscoIosXr,
        &[
            v6vendor(9, &items),
            v6opt(59, b"http://[2001:db8::50]/ztp.sh"),
        ]
        .concat(),
    );
    assert!(!logged(&plan, "CR6", "enterprise-not-9"));
    // plan_v6_with checks the serial of the DUID-EN.
    let lease_bytes = v6_reply(
        &[
            v6vendor(9, &items),
            v6opt(59, b"http://[2001:db8::50]/ztp.sh"),
        ]
        .concat(),
    );
    let mut req = vec![1, 0, 0, 1];
    let mut duid = vec![0, 2, 0, 0, 0, 9];
    duid.extend_from_slice(b"FOC1947R143");
    req.extend_from_slice(&v6opt(1, &duid));
    let id = Identity::from_v6(&req).unwrap();
    let plan = plan_v6_with(
        Vendor::CiscoIosXr,
        &v6::Lease::parse(&lease_bytes).unwrap(),
        Some(&id),
    )
    .unwrap();
    assert!(
        plan.decisions()
            .any(|d| d.rule == "CR6" && d.message.contains("is the md5"))
    );
}

#[test]
fn cr8_v6_without_242_no_default_route() {
    let plan = v6plan(
        Vendor::CiscoIosXr,
        &v6opt(59, b"http://[2001:db8::50]/ztp.sh"),
    );
    assert!(
        plan.decisions()
            .any(|d| d.rule == "CR8" && d.message.contains("no default route for ZTP"))
    );
    assert!(plan.provisions());
}

#[test]
fn cr7_cr9_decisions() {
    let plan = v4plan(Vendor::CiscoIosXr, &opt(67, b"http://192.0.2.50/ztp.sh"));
    assert!(
        plan.decisions()
            .any(|d| d.rule == "CR3" && d.message.contains("CR7"))
    );
    assert!(logged(&plan, "CR9", "dhcp-order"));
}

#[test]
fn g6_plain_tlv_pad_and_end() {
    // 0 is a pad, 255 ends the list (the IOS-XR 43 layout).
    let v = [&[0u8, 0][..], &opt(1, b"exr-config"), &[255, 7, 7]].concat();
    let items = XrDataPort::parse_v4(&v, AT43).unwrap();
    let codes: Vec<u16> = items.items().map(|i| i.code).collect();
    assert_eq!(codes, [1]);
    assert!(items.is_exr_config());
    // An overrun is an error with the item's offset.
    let e = XrDataPort::parse_v4(b"\x01\x0aexr", AT43).unwrap_err();
    assert_eq!(e.place().offset(), 0);
}

#[test]
fn g7_repeated_codes_kept_in_order() {
    let v = [opt(1, b"exr-config"), opt(9, b"a"), opt(9, b"b")].concat();
    let items = XrDataPort::parse_v4(&v, AT43).unwrap();
    let nines: Vec<&[u8]> = items
        .items()
        .filter(|i| i.code == 9)
        .map(|i| i.value)
        .collect();
    assert_eq!(nines, [&b"a"[..], b"b"]);
    let mut r = PoapItemsRepr::default();
    r.items.push((50, b"https://a/ca.pem".to_vec()));
    r.items.push((50, b"https://b/ca.pem".to_vec()));
    let bytes = r.to_vec().unwrap();
    let poap = SecurePoap::parse_v4(&bytes, AT43).unwrap();
    assert_eq!(poap.items().filter(|i| i.code == 50).count(), 2);
    assert_eq!(poap.ca_list(), Some("https://a/ca.pem"));
}

#[test]
fn cr6_md5_vectors_rfc1321() {
    assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
    assert_eq!(
        md5_hex(b"message digest"),
        "f96b697d7cb7938d525a2f31aaf161d0"
    );
    assert_eq!(
        md5_hex(
            b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"
        ),
        "57edf4a22be3c955ac49da2e2107b67a"
    );
}
