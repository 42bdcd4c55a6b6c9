//! `ztp explain` on the leases SPEC's newer choices are about: what the
//! warnings say and where they point, a plan nothing can be fetched from,
//! a DHCPv4 reply cut short (R1, R3, R5, R7, R21, R2).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use serde_json::Value;
use ztp_options::v4::{MessageRepr, OptionCode, OptionSet};

mod common;
use common::{hex, ztp};

/// `code len value` option 43 suboptions.
fn sub(code: u8, value: &[u8]) -> Vec<u8> {
    let mut v = vec![code, u8::try_from(value.len()).unwrap()];
    v.extend_from_slice(value);
    v
}

/// A DHCPv4 reply (BOOTREPLY, every other header field zero) carrying
/// `options`, as `ztp explain` reads it from hex.
fn reply(options: &[(OptionCode, Vec<u8>)]) -> String {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    for (code, value) in options {
        set.insert(*code, value.clone()).unwrap();
    }
    hex(&MessageRepr::reply(set).to_vec())
}

fn explain_json(hex: &str) -> (Option<i32>, Value) {
    let o = ztp(&["explain", hex, "--json"]);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    (o.status.code(), v)
}

fn warnings(v: &Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn r7_a_trailing_nul_warning_names_the_option_and_suboption_it_was_in() {
    // Option 43: 01 08 "jn.conf" 00 (a NUL after the config name); 150.
    let msg = reply(&[
        (OptionCode::VENDOR_SPECIFIC, sub(1, b"jn.conf\0")),
        (OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10]),
    ]);
    let (code, v) = explain_json(&msg);
    assert_eq!(code, Some(0));
    let w = warnings(&v);
    assert!(
        w.iter()
            .any(|w| w.starts_with("option 43 suboption 01 ends in a nul byte")),
        "{w:?}"
    );
    // Not option 66's: no word about dnsmasq there.
    assert!(!w.iter().any(|w| w.contains("dnsmasq")), "{w:?}");
}

#[test]
fn r3_an_ipv6_literal_in_option_66_is_not_called_a_host_name() {
    // Option 66 "2001:db8::1", ignored beside option 150 (R12).
    let msg = reply(&[
        (OptionCode::VENDOR_SPECIFIC, sub(1, b"jn.conf")),
        (OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10]),
        (OptionCode::TFTP_SERVER_NAME, b"2001:db8::1".to_vec()),
    ]);
    let (_, v) = explain_json(&msg);
    let w = warnings(&v);
    assert!(w.iter().any(|w| w.contains("is an ipv6 address")), "{w:?}");
    // Alone, without 150, it refuses the binding, naming the family.
    let msg = reply(&[
        (OptionCode::VENDOR_SPECIFIC, sub(1, b"jn.conf")),
        (OptionCode::TFTP_SERVER_NAME, b"2001:db8::1".to_vec()),
    ]);
    let (code, v) = explain_json(&msg);
    assert_eq!(code, Some(1));
    assert_eq!(v["reason"]["rule"], "R3");
    let message = v["reason"]["message"].as_str().unwrap();
    assert!(message.contains("is an ipv6 address"), "{message}");
    assert!(!message.contains("host name"), "{message}");
}

#[test]
fn r13_siaddr_is_not_a_warning_when_the_file_server_comes_from_150() {
    // A reply with siaddr 192.0.2.1 (dnsmasq's default next-server) and
    // option 150: the decision log says siaddr is ignored; there is nothing
    // for the operator to do.
    let mut set = OptionSet::new();
    set.insert(OptionCode::VENDOR_SPECIFIC, sub(1, b"jn.conf"))
        .unwrap();
    set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])
        .unwrap();
    let mut repr = MessageRepr::reply(set);
    repr.siaddr = [192, 0, 2, 1].into();
    let (code, v) = explain_json(&hex(&repr.to_vec()));
    assert_eq!(code, Some(0));
    assert!(
        v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"]
                .as_str()
                .unwrap()
                .starts_with("siaddr (192.0.2.1)")),
        "{v}"
    );
    assert!(
        !warnings(&v).iter().any(|w| w.contains("siaddr")),
        "{:?}",
        warnings(&v)
    );
}

#[test]
fn r5_a_malformed_option_42_is_a_warning_and_the_plan_goes_on() {
    // Option 42 of 5 bytes (not a multiple of 4): left out, reported.
    let msg = reply(&[
        (OptionCode::VENDOR_SPECIFIC, sub(1, b"jn.conf")),
        (OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10]),
        (OptionCode::NTP_SERVERS, vec![192, 0, 2, 30, 1]),
    ]);
    let (code, v) = explain_json(&msg);
    assert_eq!(code, Some(0));
    assert_eq!(v["status"], "ok");
    assert_eq!(v["ntp_servers"], serde_json::json!([]));
    let w = warnings(&v);
    assert!(
        w.iter()
            .any(|w| w.starts_with("option 42 is malformed and left out")),
        "{w:?}"
    );
}

#[test]
fn r21_a_plan_with_no_file_that_can_be_fetched_is_not_ok() {
    // The only file: an HTTP config name that makes a URL over 256
    // characters (R21).
    // 251 bytes: a suboption holds it; "http://192.0.2.10" plus it does not.
    let long = format!("/{}.conf", "c".repeat(245));
    let mut o43 = sub(1, long.as_bytes());
    o43.extend_from_slice(&sub(3, b"http"));
    let mut set = OptionSet::new();
    set.insert(OptionCode::VENDOR_SPECIFIC, o43).unwrap();
    set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])
        .unwrap();
    let msg = hex(&MessageRepr::reply(set).to_vec());
    let (code, v) = explain_json(&msg);
    assert_eq!(code, Some(1));
    assert_eq!(v["status"], "cannot-proceed");
    assert_eq!(v["reason"]["rule"], "R21");
    // The text says it too, and still shows the plan.
    let o = ztp(&["explain", &msg]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("ZTP cannot proceed on this binding [R21]"),
        "{text}"
    );
    assert!(text.contains("config"), "{text}");
}

#[test]
fn r2_a_dhcpv4_reply_cut_short_is_explained_as_dhcpv4_cut_at_its_length() {
    // The sample ACK cut at 100 bytes (before the cookie at 236).
    let cut = hex(&ztp_options::samples::V4_ACK[..100]);
    let o = ztp(&["explain", &cut]);
    assert_eq!(o.status.code(), Some(2));
    // Decode errors go to standard error; nothing is printed as a plan.
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("DHCPv4 message, 100 bytes does not decode"),
        "{text}"
    );
    assert!(text.contains("needs 240 bytes, only 100 left"), "{text}");
}
