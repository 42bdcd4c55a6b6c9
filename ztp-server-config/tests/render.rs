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

/// R5: a host name with a quote cannot be written in dnsmasq's syntax; the
/// error names the value.
#[test]
fn r5_unrepresentable_host_name_names_the_value() {
    let mut plan = v4_plan();
    plan.host_name = Some("sw\"1".into());
    assert_eq!(
        render(Server::Dnsmasq, &plan.as_plan(), &Scope::VendorClass),
        Err(Error::Unrepresentable {
            server: Server::Dnsmasq,
            what: "option 12".into(),
            value: "sw\"1".into()
        })
    );
    // ISC escapes it.
    let out = render(Server::Isc, &plan.as_plan(), &Scope::VendorClass).unwrap();
    assert!(out.text.contains("option host-name \"sw\\\"1\";"));
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
