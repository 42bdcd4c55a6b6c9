#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! `ztp encode --format isc|isc6|kea|kea6|dnsmasq`: server configurations
//! for the encoded plan (the servers themselves are exercised by
//! ztp-server-config's interop tests).

use std::process::Output;

mod common;
use common::ztp;

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "ztp failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

const V4: &[&str] = &[
    "encode",
    "--image",
    "/img/junos.tgz",
    "--config",
    "/cfg/sw.conf:8080",
    "--mode",
    "http",
    "--server",
    "10.0.0.1",
];

const V6: &[&str] = &[
    "encode",
    "--v6",
    "--image",
    "/img/junos-evo.tgz",
    "--config",
    "/cfg/sw.conf",
    "--mode",
    "http",
    "--server",
    "2001:db8::1",
];

fn with(base: &[&str], extra: &[&str]) -> Vec<String> {
    base.iter().chain(extra).map(|s| (*s).to_owned()).collect()
}

fn run(base: &[&str], extra: &[&str]) -> Output {
    let args = with(base, extra);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    ztp(&refs)
}

/// R1: suboption 00 is a real suboption: ISC defines code 0 in its space.
#[test]
fn r1_isc_defines_suboption_00_and_150_as_an_array() {
    let text = stdout(&run(V4, &["--format", "isc"]));
    assert!(text.contains("option juniper.image-file-name code 0 = text;"));
    assert!(text.contains("option juniper.image-file-name \"/img/junos.tgz\";"));
    // R19: the :port suffix is part of the name, sent as is.
    assert!(text.contains("option juniper.config-file-name \"/cfg/sw.conf:8080\";"));
    // R4: option 150 is a list of addresses.
    assert!(text.contains("option ztp-tftp-server-address code 150 = array of ip-address;"));
    assert!(text.contains("option ztp-tftp-server-address 10.0.0.1;"));
    assert!(
        text.contains("match if substring(option vendor-class-identifier, 0, 8) = \"Juniper-\";")
    );
}

#[test]
fn isc_host_scope_with_mac() {
    let text = stdout(&run(V4, &["--format", "isc", "--mac", "02:00:00:AA:BB:CC"]));
    assert!(text.contains("host juniper-ztp-020000aabbcc {"));
    assert!(text.contains("hardware ethernet 02:00:00:aa:bb:cc;"));
    assert!(!text.contains("match if"));
}

/// R1: Kea sends option 43 raw once it is redefined as binary.
#[test]
fn r1_kea_redefines_43_as_binary_and_defines_150() {
    let text = stdout(&run(V4, &["--format", "kea"]));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let defs = doc["Dhcp4"]["option-def"].as_array().unwrap();
    assert!(
        defs.iter()
            .any(|d| d["code"] == 43 && d["type"] == "binary")
    );
    assert!(
        defs.iter()
            .any(|d| d["code"] == 150 && d["type"] == "ipv4-address" && d["array"] == true)
    );
    let class = &doc["Dhcp4"]["client-classes"][0];
    assert_eq!(class["name"], "juniper-ztp");
    let o43 = class["option-data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == 43)
        .unwrap();
    assert_eq!(o43["csv-format"], false);
    assert!(o43["data"].as_str().unwrap().starts_with("000e2f696d67"));
}

#[test]
fn kea_host_scope_is_a_global_reservation() {
    let text = stdout(&run(V4, &["--format", "kea", "--mac", "02:00:00:aa:bb:cc"]));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["Dhcp4"]["reservations-global"], true);
    assert_eq!(
        doc["Dhcp4"]["reservations"][0]["hw-address"],
        "02:00:00:aa:bb:cc"
    );
}

/// R1: dnsmasq sends `43,<hex>` unchanged, suboption 00 included.
#[test]
fn r1_dnsmasq_option_43_as_hex_and_150_as_addresses() {
    let out = run(V4, &["--format", "dnsmasq"]);
    let text = stdout(&out);
    assert!(text.contains("dhcp-vendorclass=set:juniper-ztp,Juniper-\n"));
    assert!(text.contains("dhcp-option-force=tag:juniper-ztp,43,00:0e:2f:69:6d:67"));
    assert!(text.contains("dhcp-option-force=tag:juniper-ztp,option:tftp-server-address,10.0.0.1"));
    let notes = String::from_utf8(out.stderr).unwrap();
    assert!(notes.contains("ztp: note: dnsmasq matches the vendor class as a substring"));
}

/// R8, R9: DHCPv6 option 17 (enterprise 2636) and option 59.
#[test]
fn r8_r9_v6_formats() {
    let isc6 = stdout(&run(V6, &["--format", "isc6"]));
    assert!(isc6.contains("option space juniper code width 2 length width 2;"));
    assert!(isc6.contains("option vsio.juniper code 2636 = encapsulate juniper;"));
    assert!(isc6.contains("option dhcp6.bootfile-url \"http://[2001:db8::1]\";"));

    let kea6 = stdout(&run(V6, &["--format", "kea6"]));
    let doc: serde_json::Value = serde_json::from_str(&kea6).unwrap();
    let data = doc["Dhcp6"]["client-classes"][0]["option-data"]
        .as_array()
        .unwrap();
    assert!(
        data.iter()
            .any(|o| o["name"] == "vendor-opts" && o["data"] == "2636")
    );
    assert!(data.iter().any(|o| o["space"] == "vendor-2636"
        && o["code"] == 0
        && o["data"] == "/img/junos-evo.tgz"));

    let dnsmasq = stdout(&run(V6, &["--format", "dnsmasq"]));
    assert!(dnsmasq.contains("dhcp-vendorclass=set:juniper-ztp,enterprise:2636,Juniper-"));
    assert!(dnsmasq.contains("vi-encap:2636,option6:0,2f:69:6d:67"));
    assert!(dnsmasq.contains("option6:bootfile-url,\"http://[2001:db8::1]\""));
}

#[test]
fn a_server_of_the_other_family_is_refused_with_a_hint() {
    let out = run(V4, &["--format", "kea6"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--format kea6 is for the other family: add --v6"),
        "{err}"
    );

    let out = run(V6, &["--format", "isc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("drop --v6"), "{err}");
}

#[test]
fn a_bad_mac_is_refused_with_the_value() {
    let out = run(V4, &["--format", "dnsmasq", "--mac", "02:00:00:aa:bb"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("\"02:00:00:aa:bb\" is not a mac address"),
        "{err}"
    );
}

/// R2: dnsmasq cannot send an option over 255 bytes; the refusal says the
/// length.
#[test]
fn r2_dnsmasq_refuses_option_43_over_255_bytes() {
    let image = format!("/{}.tgz", "i".repeat(200));
    let config = format!("/{}.conf", "c".repeat(100));
    let out = ztp(&[
        "encode", "--image", &image, "--config", &config, "--mode", "tftp", "--server", "10.0.0.1",
        "--format", "dnsmasq",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("dnsmasq cannot send option 43 of 321 bytes (at most 255)"),
        "{err}"
    );
    // ISC and Kea split it (RFC 3396).
    for format in ["isc", "kea"] {
        let out = ztp(&[
            "encode", "--image", &image, "--config", &config, "--mode", "tftp", "--server",
            "10.0.0.1", "--format", format,
        ]);
        assert!(out.status.success(), "{format}");
    }
}
