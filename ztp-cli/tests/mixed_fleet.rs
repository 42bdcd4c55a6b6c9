#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! A mixed fleet behind one DHCP server, as `ztp explain` sees a capture of
//! it: one request and one reply per vendor. Each reply is explained by
//! the vendor its own request names (G1, G3: by xid and chaddr), else by
//! the reply's clues (RA1), in text, JSON and the summary; a reply alone
//! names its vendor with its clue; `--vendor` overrides.

use std::process::Output;

use serde_json::Value;
use ztp_options::v4::{MessageRepr, OptionCode, OptionSet};
use ztp_options::vendor::{IdentityRepr, Vendor};
use ztp_testkit::capture_writer::{Direction, pcap, with_client};

mod common;
use common::{hex, ztp};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn message(op: u8, options: &OptionSet) -> Vec<u8> {
    let mut m = MessageRepr::reply(options.clone()).to_vec();
    m[0] = op;
    m
}

/// A DISCOVER carrying `identity`'s options (or only a request list).
fn discover(identity: Option<IdentityRepr>, mac: [u8; 6], xid: u32) -> Vec<u8> {
    let mut set = match identity {
        Some(id) => id.to_v4_options().unwrap(),
        None => {
            let mut s = OptionSet::new();
            s.insert(OptionCode::PARAMETER_REQUEST_LIST, vec![1, 3, 6, 43])
                .unwrap();
            s
        }
    };
    set.insert(OptionCode::MESSAGE_TYPE, vec![1]).unwrap();
    with_client(&message(1, &set), mac, xid)
}

fn ack(options: &[(u8, &[u8])], mac: [u8; 6], xid: u32) -> Vec<u8> {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    for (code, value) in options {
        set.insert(OptionCode::new(*code), value.to_vec()).unwrap();
    }
    with_client(&message(2, &set), mac, xid)
}

fn mac(i: u8) -> [u8; 6] {
    [2, 0, 0, 0, 0, i]
}

/// One exchange per vendor: (request, reply).
fn fleet() -> Vec<(Vec<u8>, Vec<u8>)> {
    let arista = IdentityRepr::new(Vendor::Arista)
        .with_model("DCS-7050S-64")
        .with_version("4.30.1F")
        .with_serial("JPE12345678");
    let sonic = IdentityRepr::new(Vendor::Sonic)
        .with_model("7712-32X-O-AC-F")
        .with_serial("771232X1941045");
    let cumulus = IdentityRepr::new(Vendor::Cumulus).with_detail_arch("x86_64");
    let iosxe = IdentityRepr::new(Vendor::CiscoIosXe).with_model("C9200CX-8P-2X2G");
    let juniper = IdentityRepr::new(Vendor::Juniper)
        .with_model("ex4300-48t")
        .with_serial("PE3714100218");
    vec![
        (
            discover(Some(arista), mac(1), 1),
            ack(&[(67, b"http://10.0.0.9/bootstrap")], mac(1), 1),
        ),
        (
            discover(Some(sonic), mac(2), 2),
            ack(&[(67, b"http://10.0.0.9/ztp.json")], mac(2), 2),
        ),
        (
            discover(Some(cumulus), mac(3), 3),
            ack(&[(1, &[255, 255, 255, 0])], mac(3), 3),
        ),
        (
            discover(Some(iosxe), mac(4), 4),
            ack(&[(43, b"5A1N;B2;K4;I10.0.0.9;J80")], mac(4), 4),
        ),
        (
            discover(Some(juniper), mac(5), 5),
            ack(
                &[(43, b"\x01\x07sw.conf"), (150, &[10, 0, 0, 9])],
                mac(5),
                5,
            ),
        ),
        // EXOS names itself nowhere in its request (E1): its reply's 43
        // layout decides (E2, RA1).
        (
            discover(None, mac(6), 6),
            ack(
                &[(43, b"\x64\x04\x0a\x00\x00\x09\x65\x0aconfig.xsf")],
                mac(6),
                6,
            ),
        ),
    ]
}

fn capture() -> String {
    let exchanges = fleet();
    let mut messages: Vec<(&[u8], Direction)> = Vec::new();
    for (request, reply) in &exchanges {
        messages.push((request, Direction::V4Request));
        messages.push((reply, Direction::V4Reply));
    }
    let dir = std::env::temp_dir().join(format!("ztp-mixed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fleet.pcap");
    std::fs::write(&path, pcap(&messages)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn g1_g3_each_reply_is_explained_by_its_clients_vendor() {
    let path = capture();
    let o = ztp(&["explain", "--pcap", &path, "--json"]);
    // Cumulus gets no 239: that client cannot proceed (exit 1).
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(&str, &str, &str)> = lines
        .iter()
        .map(|v| {
            (
                v["vendor"]["name"].as_str().unwrap(),
                v["vendor"]["decided_by"].as_str().unwrap(),
                v["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("arista", "request", "ok"),
            ("sonic", "request", "ok"),
            ("cumulus", "request", "cannot-proceed"),
            ("cisco-iosxe", "request", "ok"),
            ("juniper", "request", "ok"),
            ("extreme-exos", "reply", "ok"),
        ]
    );
    // The existing keys hold what each vendor fetches (A4, S2, E3).
    assert_eq!(lines[0]["config"]["url"], "http://10.0.0.9/bootstrap");
    assert_eq!(lines[1]["config"]["url"], "http://10.0.0.9/ztp.json");
    assert_eq!(lines[4]["config"]["url"], "tftp://10.0.0.9/sw.conf");
    assert_eq!(lines[5]["config"]["url"], "tftp://10.0.0.9/config.xsf");
    // The identity and the vendor's own plan.
    assert_eq!(lines[0]["identity"]["serial"], "JPE12345678");
    assert_eq!(lines[3]["vendor_plan"]["steps"][0]["service"], "pnp-server");
    assert_eq!(lines[3]["vendor_plan"]["steps"][0]["host"], "10.0.0.9");
    assert_eq!(lines[2]["vendor_plan"]["stop"]["rule"], "CU2");
    // P239: the reply lacks 239 (the client asked for it, CU2: so no
    // "not requested" diagnosis, and the plan says what a server needs).
    let decisions = lines[2]["vendor_plan"]["decisions"].as_array().unwrap();
    assert!(
        decisions.iter().any(|d| d["rule"] == "P239"),
        "{decisions:?}"
    );
    assert!(lines[2]["diagnoses"].as_array().unwrap().is_empty());
    // The reply alone names its vendor with its clue (RA1).
    assert_eq!(lines[5]["vendor"]["rule"], "E2");
    assert_eq!(lines[5]["vendor"]["confidence"], "certain");
    assert!(lines[4]["vendor_plan"].is_null());
}

#[test]
fn g1_the_text_and_the_summary_per_vendor() {
    let path = capture();
    let text = stdout(&ztp(&["explain", "--pcap", &path]));
    for line in [
        "vendor         arista (from the client's request (frame 1) [G1])",
        "identity       model DCS-7050S-64, serial JPE12345678, version 4.30.1F",
        "fetch          http://10.0.0.9/bootstrap",
        "contact        pnp-server 10.0.0.9:80 over http (option 43)",
        "vendor         extreme-exos (from the reply alone, certain [E2]",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    let summary = stdout(&ztp(&["explain", "--pcap", &path, "--summary"]));
    assert!(summary.starts_with("6 replies from 6 clients"), "{summary}");
    for outcome in [
        "arista: ok (v4)",
        "sonic: ok (v4)",
        "cumulus: cannot proceed (v4): [CU2]",
        "cisco-iosxe: ok (v4)",
        "extreme-exos: ok (v4)",
    ] {
        assert!(summary.contains(outcome), "{outcome:?} in\n{summary}");
    }
    let o = ztp(&["explain", "--pcap", &path, "--summary", "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let vendors: Vec<&str> = v["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["vendor"].as_str().unwrap())
        .collect();
    assert_eq!(vendors.len(), 6);
    assert!(vendors.contains(&"juniper") && vendors.contains(&"sonic"));
}

#[test]
fn ra1_a_reply_alone_names_its_vendor_and_vendor_overrides() {
    // The PnP reply without its request: certain from its 43 (CP2).
    let exchanges = fleet();
    let reply = &exchanges[3].1;
    let o = ztp(&["explain", &hex(reply), "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["vendor"]["name"], "cisco-pnp");
    assert_eq!(v["vendor"]["decided_by"], "reply");
    assert_eq!(v["vendor"]["rule"], "CP2");
    // --vendor: the same bytes read as Juniper's (a PnP string is not
    // Juniper's layout: D43-LAYOUT names it).
    let o = ztp(&["explain", &hex(reply), "--vendor", "juniper", "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["vendor"]["decided_by"], "user");
    assert_eq!(v["status"], "cannot-proceed");
    let o = ztp(&["explain", &hex(reply), "--vendor", "nonesuch"]);
    assert_eq!(o.status.code(), Some(2));
    // A reply whose only fitting vendor is Juniper reads as before: no
    // vendor line.
    let text = stdout(&ztp(&["explain", &hex(&exchanges[4].1)]));
    assert!(!text.contains("vendor "), "{text}");
}

#[test]
fn p239_a_private_option_the_client_did_not_ask_for() {
    // A Cumulus DISCOVER whose request list lacks 239, and a reply without
    // it: the server sent only what was asked (P239/P240).
    let mut set = IdentityRepr::new(Vendor::Cumulus)
        .with_detail_arch("x86_64")
        .to_v4_options()
        .unwrap();
    set.remove(OptionCode::PARAMETER_REQUEST_LIST);
    set.insert(OptionCode::PARAMETER_REQUEST_LIST, vec![1, 3, 6])
        .unwrap();
    set.insert(OptionCode::MESSAGE_TYPE, vec![1]).unwrap();
    let request = with_client(&message(1, &set), mac(9), 9);
    let reply = ack(&[(1, &[255, 255, 255, 0])], mac(9), 9);
    let bytes = pcap(&[
        (&request, Direction::V4Request),
        (&reply, Direction::V4Reply),
    ]);
    let dir = std::env::temp_dir().join(format!("ztp-p239-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("p239.pcap");
    std::fs::write(&path, bytes).unwrap();
    let o = ztp(&["explain", "--pcap", path.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["diagnoses"][0]["id"], "P239");
    assert!(
        v["diagnoses"][0]["message"]
            .as_str()
            .unwrap()
            .contains("its option 55: 1, 3, 6")
    );
}

#[test]
fn ra2_an_ambiguous_reply_shows_each_candidates_reading() {
    // 239 without 67: a Cumulus or a SONiC script (ambiguous): the one
    // explained, and the other's plan beside it.
    let reply = ack(&[(239, b"http://10.0.0.9/ztp.sh")], mac(8), 8);
    let text = stdout(&ztp(&["explain", &hex(&reply)]));
    assert!(
        text.contains(
            "candidates     cumulus, sonic [RA2]: the client's option 60, 124 or 77 would settle it"
        ),
        "{text}"
    );
    assert!(
        text.contains("or, as         sonic would read it so:"),
        "{text}"
    );
    let o = ztp(&["explain", &hex(&reply), "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["vendor"]["confidence"], "ambiguous");
    assert_eq!(v["vendor"]["alternatives"][0]["vendor"], "sonic");
    assert_eq!(
        v["vendor"]["alternatives"][0]["plan"]["steps"][0]["url"],
        "http://10.0.0.9/ztp.sh"
    );
}
