#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! Rendering without servers: what each configuration says, by rule.

use ztp_options::{Family, ImageSource, PlanBuf, resolve_v4, resolve_v6, samples, v4, v6};
use ztp_server_config::{Error, MacAddr, Note, Scope, Server, render};

/// The sample plans, owned (a `Plan<'_>` borrows its lease): the tests
/// render `&plan.as_plan()`.
fn v4_plan() -> PlanBuf {
    resolve_v4(&v4::Lease::parse(samples::V4_ACK).unwrap())
        .unwrap()
        .to_buf()
}

fn v6_plan() -> PlanBuf {
    resolve_v6(&v6::Lease::parse(samples::V6_REPLY).unwrap())
        .unwrap()
        .to_buf()
}

/// Every server, every scope: the plan the device resolves from the
/// rendered options is the plan given (the samples carry no wire quirks).
#[test]
fn every_server_renders_the_plan_it_was_given() {
    for server in Server::ALL {
        let plan = if server.family() == Some(Family::V6) {
            v6_plan()
        } else {
            v4_plan()
        };
        for scope in [Scope::VendorClass, "02:00:00:aa:bb:cc".parse().unwrap()] {
            let out = render(server, &plan.as_plan(), &scope).unwrap();
            assert_eq!(out.plan, plan, "{server} {scope}");
            assert!(!out.text.is_empty());
        }
    }
    let out = render(Server::Dnsmasq, &v6_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert_eq!(out.plan, v6_plan());
}

/// R1: suboption 00 is sent as code 0 by every server (no fallback to 04).
#[test]
fn r1_suboption_00_is_code_0_everywhere() {
    let isc = render(Server::Isc, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert!(
        isc.text
            .contains("option juniper.image-file-name code 0 = text;")
    );
    let isc6 = render(Server::Isc6, &v6_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert!(
        isc6.text
            .contains("option juniper.image-file-name code 0 = text;")
    );
    let kea6 = render(Server::Kea6, &v6_plan().as_plan(), &Scope::VendorClass).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&kea6.text).unwrap();
    assert!(
        doc["Dhcp6"]["option-def"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == 0 && d["space"] == "vendor-2636")
    );
    let kea = render(Server::Kea4, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&kea.text).unwrap();
    let data = doc["Dhcp4"]["client-classes"][0]["option-data"][0]["data"]
        .as_str()
        .unwrap();
    assert!(data.starts_with("00"), "{data}");
    let dnsmasq = render(Server::Dnsmasq, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert!(dnsmasq.text.contains(",43,00:"));
    for out in [isc, isc6, kea6, kea, dnsmasq] {
        assert!(
            out.plan
                .image
                .as_ref()
                .is_some_and(|i| i.source == ImageSource::Suboption00)
        );
    }
}

/// R12: the sample sends 66 beside 150; the ignored 66 is sent again, so
/// that the device ignores it again.
#[test]
fn r12_ignored_option_66_is_sent_again() {
    let ignored = v4_plan().ignored.option66;
    assert_eq!(ignored.as_deref(), Some(&b"192.0.2.10"[..]));
    let out = render(Server::Isc, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert_eq!(out.plan.ignored.option66, ignored, "ignored again");
    assert!(out.text.contains("option tftp-server-name \"192.0.2.10\";"));
    let out = render(Server::Dnsmasq, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert!(out.text.contains(",66,\"192.0.2.10\""));
    assert!(out.notes.contains(&Note::TrailingNul { option: 66 }));
    assert!(out.notes.contains(&Note::VendorClassSubstring));
}

#[test]
fn a_server_of_the_other_family_is_an_error() {
    assert_eq!(
        render(Server::Kea6, &v4_plan().as_plan(), &Scope::VendorClass),
        Err(Error::WrongFamily {
            server: Server::Kea6,
            expected: Family::V6,
            found: Family::V4
        })
    );
    assert!(matches!(
        render(Server::Isc, &v6_plan().as_plan(), &Scope::VendorClass),
        Err(Error::WrongFamily { .. })
    ));
}

#[test]
fn mac_addresses_parse_and_print() {
    let mac: MacAddr = "02-00-00-AA-BB-CC".parse().unwrap();
    assert_eq!(mac.to_string(), "02:00:00:aa:bb:cc");
    for bad in [
        "",
        "02:00:00:aa:bb",
        "02:00:00:aa:bb:cc:dd",
        "02:00:00:aa:bb:zz",
        "2:0:0:a:b:c",
    ] {
        assert_eq!(
            bad.parse::<MacAddr>(),
            Err(Error::BadMac {
                value: bad.to_owned()
            }),
            "{bad}"
        );
    }
}

/// R5, R7: a host name dnsmasq's syntax cannot carry (a C1 control
/// character, which R7 lets through) is refused; the error names the
/// value. ISC writes it (and any byte that is not UTF-8) as octal escapes,
/// three digits each so that a digit after one stays a digit. A quote or a
/// backslash is escaped by both. Found by the hostile-plan test, each
/// proved on the wire there.
#[test]
fn r5_unrepresentable_host_name_names_the_value() {
    let mut plan = v4_plan();
    plan.host_name = Some("sw\u{85}1".into());
    assert_eq!(
        render(Server::Dnsmasq, &plan.as_plan(), &Scope::VendorClass),
        Err(Error::Unrepresentable {
            server: Server::Dnsmasq,
            what: "option 12".into(),
            value: "sw\u{85}1".into()
        })
    );
    let out = render(Server::Isc, &plan.as_plan(), &Scope::VendorClass).unwrap();
    assert!(
        out.text.contains("option host-name \"sw\\302\\2051\";"),
        "{}",
        out.text
    );
    assert_eq!(out.plan, plan);
    plan.ignored.option66 = Some(b"a\xff\n1".to_vec());
    let out = render(Server::Isc, &plan.as_plan(), &Scope::VendorClass).unwrap();
    assert!(
        out.text
            .contains("option tftp-server-name \"a\\377\\0121\";"),
        "{}",
        out.text
    );
    plan.ignored.option66 = v4_plan().ignored.option66;
    plan.host_name = Some("sw\"1\\".into());
    let out = render(Server::Isc, &plan.as_plan(), &Scope::VendorClass).unwrap();
    assert!(out.text.contains("option host-name \"sw\\\"1\\\\\";"));
    // dnsmasq reads \" and \\ inside quotes.
    let out = render(Server::Dnsmasq, &plan.as_plan(), &Scope::VendorClass).unwrap();
    assert!(out.text.contains(",12,\"sw\\\"1\\\\\"\n"), "{}", out.text);
    assert_eq!(out.plan, plan);
}

/// Kea reads commas in csv data as separators: such text goes as hex.
#[test]
fn kea_text_with_a_comma_goes_as_hex() {
    let mut plan = v6_plan();
    if let Some(c) = plan.config.as_mut() {
        *c = "/cfg/a,b.conf".into();
    }
    let out = render(Server::Kea6, &plan.as_plan(), &Scope::VendorClass).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let item = doc["Dhcp6"]["client-classes"][0]["option-data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["space"] == "vendor-2636" && o["code"] == 1)
        .unwrap()
        .clone();
    assert_eq!(item["csv-format"], false);
    assert_eq!(item["data"], "2f6366672f612c622e636f6e66");
    assert_eq!(out.plan, plan);
}

/// R7: text with a space at either end goes to Kea as hex: Kea trims csv
/// data (`kea-dhcp4 -t` refuses `"  "` as empty, `" a"` would send `a`).
/// Found by the hostile-plan test (tests/interop/hostile.rs).
#[test]
fn r7_kea_text_with_a_space_at_an_end_goes_as_hex() {
    let mut plan = v4_plan();
    plan.host_name = Some(" sw1".into());
    let out = render(Server::Kea4, &plan.as_plan(), &Scope::VendorClass).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let option = |code: u16| {
        doc["Dhcp4"]["client-classes"][0]["option-data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(option(12)["csv-format"], false);
    assert_eq!(option(12)["data"], "20737731");
    // Text without a space at an end stays text.
    assert_eq!(option(66)["data"], "192.0.2.10");
    assert_eq!(out.plan, plan);
    let mut plan = v6_plan();
    plan.config = Some("/cfg/sw.conf ".into());
    let out = render(Server::Kea6, &plan.as_plan(), &Scope::VendorClass).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let item = doc["Dhcp6"]["client-classes"][0]["option-data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["space"] == "vendor-2636" && o["code"] == 1)
        .unwrap()
        .clone();
    assert_eq!(item["csv-format"], false);
    assert_eq!(item["data"], "2f6366672f73772e636f6e6620");
}

/// An empty unknown suboption: dhcpd 4.4 leaves it out of option 43, so
/// ISC refuses it for DHCPv4, naming it; for DHCPv6 it is the empty string
/// (no hex bytes at all was a syntax error, `dhcpd -6 -t` says so). The
/// other servers send the option 43 bytes as they are. Found by the
/// hostile-plan test.
#[test]
fn r1_an_empty_unknown_suboption() {
    let empty = vec![ztp_options::RawSuboption {
        code: 9,
        value: Vec::new(),
    }];
    let mut plan = v4_plan();
    plan.unknown_suboptions = empty.clone();
    assert_eq!(
        render(Server::Isc, &plan.as_plan(), &Scope::VendorClass),
        Err(Error::Unrepresentable {
            server: Server::Isc,
            what: "empty suboption 09".into(),
            value: String::new()
        })
    );
    for server in [Server::Kea4, Server::Dnsmasq] {
        let out = render(server, &plan.as_plan(), &Scope::VendorClass).unwrap();
        assert_eq!(out.plan, plan, "{server}");
    }
    let mut plan = v6_plan();
    plan.unknown_suboptions = empty;
    let out = render(Server::Isc6, &plan.as_plan(), &Scope::VendorClass).unwrap();
    assert!(out.text.contains("  option juniper.suboption-9 \"\";\n"));
    assert_eq!(out.plan, plan);
}

/// Servers that build option 43 or 17 from one statement per suboption
/// send the unknown ones in their own order: a note says so. dnsmasq and
/// Kea send the DHCPv4 option 43 bytes as written.
#[test]
fn unknown_suboptions_in_the_servers_order_are_noted() {
    let two = vec![
        ztp_options::RawSuboption {
            code: 200,
            value: b"ab".to_vec(),
        },
        ztp_options::RawSuboption {
            code: 9,
            value: b"cd".to_vec(),
        },
    ];
    let mut v4 = v4_plan();
    v4.unknown_suboptions = two.clone();
    let mut v6 = v6_plan();
    v6.unknown_suboptions = two;
    for (server, plan, noted) in [
        (Server::Isc, &v4, true),
        (Server::Kea4, &v4, false),
        (Server::Dnsmasq, &v4, false),
        (Server::Isc6, &v6, true),
        (Server::Kea6, &v6, true),
        (Server::Dnsmasq, &v6, true),
    ] {
        let out = render(server, &plan.as_plan(), &Scope::VendorClass).unwrap();
        assert_eq!(
            out.notes.contains(&Note::SuboptionOrder),
            noted,
            "{server} {:?}",
            plan.family()
        );
    }
    // One unknown suboption has no order to lose.
    let out = render(Server::Isc, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert!(!out.notes.contains(&Note::SuboptionOrder));
}

/// R2: DHCPv4 options that a 576-byte reply has no room for are noted for
/// dnsmasq (which does not send what does not fit: "no space left in
/// packet") and ISC (which overloads `sname` and `file`, then drops the
/// rest without a word), not for Kea, which sends larger replies. Found
/// by the hostile-plan test, served for real.
#[test]
fn r2_options_a_small_reply_has_no_room_for_are_noted() {
    let mut plan = v4_plan();
    plan.host_name = Some("h".repeat(200));
    let room = |server: Server, plan: &PlanBuf| {
        render(server, &plan.as_plan(), &Scope::VendorClass)
            .unwrap()
            .notes
            .into_iter()
            .find_map(|n| match n {
                Note::ReplyRoom { needed, room } => Some((needed, room)),
                _ => None,
            })
    };
    let (needed, dnsmasq_room) = room(Server::Dnsmasq, &plan).expect("dnsmasq note");
    let v4 = plan.to_v4_options().unwrap();
    // Each option's code and length, its value, and dnsmasq's NUL after
    // 66 and 12.
    let want: usize = v4.iter().map(|o| o.value.len() + 2).sum::<usize>() + 2;
    assert_eq!(needed, want);
    assert!(needed > dnsmasq_room);
    assert_eq!(
        room(Server::Isc, &plan),
        None,
        "ISC overloads sname and file"
    );
    assert_eq!(room(Server::Kea4, &plan), None);
    plan.config = Some("c".repeat(250));
    let (_, isc_room) = room(Server::Isc, &plan).expect("isc note");
    assert!(isc_room > dnsmasq_room);
    assert_eq!(room(Server::Kea4, &plan), None);
    // The sample plan fits.
    let out = render(Server::Dnsmasq, &v4_plan().as_plan(), &Scope::VendorClass).unwrap();
    assert!(
        !out.notes
            .iter()
            .any(|n| matches!(n, Note::ReplyRoom { .. }))
    );
}

/// An unknown suboption code may repeat (kept and re-encoded as decoded),
/// but ISC (both families) and Kea for DHCPv6 send one value per code (seen
/// on the wire by the hostile-plan test): refused there, naming the code.
/// dnsmasq sends both (DHCPv6, proved on the wire), and dnsmasq and Kea
/// send DHCPv4 option 43 as bytes.
#[test]
fn a_repeated_unknown_suboption_is_refused_where_the_server_keeps_one() {
    let twice = vec![
        ztp_options::RawSuboption {
            code: 9,
            value: b"ab".to_vec(),
        },
        ztp_options::RawSuboption {
            code: 9,
            value: b"cd".to_vec(),
        },
    ];
    let mut v4 = v4_plan();
    v4.unknown_suboptions = twice.clone();
    let mut v6 = v6_plan();
    v6.unknown_suboptions = twice;
    for (server, plan) in [(Server::Isc, &v4), (Server::Isc6, &v6), (Server::Kea6, &v6)] {
        assert_eq!(
            render(server, &plan.as_plan(), &Scope::VendorClass),
            Err(Error::Unrepresentable {
                server,
                what: "suboption 09 a second time".into(),
                value: "cd".into()
            })
        );
    }
    for (server, plan) in [
        (Server::Kea4, &v4),
        (Server::Dnsmasq, &v4),
        (Server::Dnsmasq, &v6),
    ] {
        let out = render(server, &plan.as_plan(), &Scope::VendorClass).unwrap();
        assert_eq!(out.plan, *plan, "{server}");
    }
}
