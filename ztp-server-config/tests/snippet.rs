#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! The snippets that fix a server (R35): exact bytes in, server text out.
//! The real servers run them in `tests/interop.rs` (`snippet_*`, `p43_*`,
//! `p143_*`).

use ztp_options::Family;
use ztp_server_config::{Error, Note, OptionBytes, Server, snippet};

const OPT43: &[u8] = b"\x00\x09junos.tgz\x01\x07sw.conf";
const SZTP: &[u8] = b"\x00\x17https://sztp.example.net";

fn v4() -> Vec<OptionBytes<'static>> {
    vec![
        OptionBytes::V4 {
            code: 43,
            value: OPT43,
        },
        OptionBytes::V4 {
            code: 150,
            value: &[10, 99, 0, 1, 10, 99, 0, 3],
        },
        OptionBytes::V4 {
            code: 66,
            value: b"10.99.0.1",
        },
        OptionBytes::V4 {
            code: 143,
            value: SZTP,
        },
    ]
}

#[test]
fn r35_isc_snippet_sends_43_raw_150_list_143_string() {
    let s = snippet(Server::Isc, &v4()).unwrap();
    let t = &s.text;
    assert!(t.contains(
        "option vendor-encapsulated-options 00:09:6a:75:6e:6f:73:2e:74:67:7a:01:07:73:77:2e:63:6f:6e:66;"
    ));
    assert!(t.contains("option ztp-tftp-server-address code 150 = array of ip-address;"));
    assert!(t.contains("option ztp-tftp-server-address 10.99.0.1, 10.99.0.3;"));
    assert!(t.contains("option tftp-server-name \"10.99.0.1\";"));
    // P143-1: string (bytes), never text.
    assert!(t.contains("option ztp-sztp-redirect code 143 = string;"));
    assert!(!t.contains("= text"));
    assert!(t.contains("option ztp-sztp-redirect 00:17:68:74"));
    // ISC sends only requested options: ask on the client's behalf.
    assert!(t.contains(
        "option dhcp-parameter-request-list = concat(option dhcp-parameter-request-list, 2b:96:42:8f);"
    ));
    // Global scope: no class, no host.
    assert!(!t.contains("class") && !t.contains("host "));
    assert!(s.notes.is_empty());
}

#[test]
fn p43_1_kea_snippet_defines_43_binary_and_always_sends() {
    let s = snippet(Server::Kea4, &v4()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&s.text).unwrap();
    let defs = json["option-def"].as_array().unwrap();
    assert!(
        defs.iter()
            .any(|d| d["code"] == 43 && d["type"] == "binary" && d["space"] == "dhcp4")
    );
    assert!(
        defs.iter()
            .any(|d| d["code"] == 150 && d["type"] == "ipv4-address" && d["array"] == true)
    );
    assert!(
        defs.iter()
            .any(|d| d["code"] == 143 && d["type"] == "binary")
    );
    let data = json["option-data"].as_array().unwrap();
    assert_eq!(data.len(), 4);
    assert!(data.iter().all(|d| d["always-send"] == true));
    assert_eq!(data[0]["code"], 43);
    assert_eq!(data[0]["csv-format"], false);
    assert_eq!(
        data[0]["data"],
        "0009".to_owned() + "6a756e6f732e74677a" + "0107" + "73772e636f6e66"
    );
    assert_eq!(data[1]["data"], "10.99.0.1, 10.99.0.3");
    assert_eq!(data[2]["data"], "10.99.0.1");
    assert_eq!(data[3]["data"], "0017".to_owned() + &hex(&SZTP[2..]));
    // Only the two arrays: a fragment for Dhcp4.
    assert_eq!(json.as_object().unwrap().len(), 2);
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn p43_2_dnsmasq_snippet_forces_43_hex() {
    let s = snippet(Server::Dnsmasq, &v4()).unwrap();
    let t = &s.text;
    assert!(t.contains(
        "\ndhcp-option-force=43,00:09:6a:75:6e:6f:73:2e:74:67:7a:01:07:73:77:2e:63:6f:6e:66\n"
    ));
    assert!(t.contains("\ndhcp-option-force=option:tftp-server-address,10.99.0.1,10.99.0.3\n"));
    assert!(t.contains("\ndhcp-option-force=66,\"10.99.0.1\"\n"));
    assert!(t.contains("\ndhcp-option-force=143,00:17:68:74"));
    // R7: dnsmasq appends a NUL to 66; the snippet says so.
    assert_eq!(s.notes, vec![Note::TrailingNul { option: 66 }]);
    assert!(!t.contains("tag:"));
}

fn v6_17() -> Vec<u8> {
    let mut v = vec![0, 0, 0x0a, 0x4c];
    for (code, value) in [
        (0u16, &b"/img/junos-evo.tgz"[..]),
        (1, b"/cfg/sw.conf"),
        (3, b"http"),
    ] {
        v.extend_from_slice(&code.to_be_bytes());
        v.extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
        v.extend_from_slice(value);
    }
    v
}

#[test]
fn r8_r9_r31_v6_snippets() {
    let o17 = v6_17();
    let send = [
        OptionBytes::V6 {
            code: 17,
            value: &o17,
        },
        OptionBytes::V6 {
            code: 59,
            value: b"http://[2001:db8::1]:8080/img/junos.tgz",
        },
        OptionBytes::V6 {
            code: 136,
            value: SZTP,
        },
    ];
    let isc = snippet(Server::Isc6, &send).unwrap();
    assert!(
        isc.text
            .contains("option space juniper code width 2 length width 2;")
    );
    assert!(
        isc.text
            .contains("option vsio.juniper code 2636 = encapsulate juniper;")
    );
    assert!(
        isc.text
            .contains("option juniper.image-file-name \"/img/junos-evo.tgz\";")
    );
    assert!(
        isc.text
            .contains("option dhcp6.bootfile-url \"http://[2001:db8::1]:8080/img/junos.tgz\";")
    );
    assert!(
        isc.text
            .contains("option dhcp6.ztp-sztp-redirect code 136 = string;")
    );
    let kea: serde_json::Value =
        serde_json::from_str(&snippet(Server::Kea6, &send).unwrap().text).unwrap();
    let data = kea["option-data"].as_array().unwrap();
    assert!(data.iter().any(|d| d["code"] == 17 && d["data"] == "2636"));
    assert!(
        data.iter()
            .any(|d| d["code"] == 59 && d["space"] == "dhcp6")
    );
    assert!(data.iter().all(|d| d["always-send"] == true));
    // Items by code: ISC and Kea keep that order, dnsmasq reverses it.
    assert!(isc.notes.is_empty());
    let dnsmasq = snippet(Server::Dnsmasq, &send).unwrap();
    assert_eq!(dnsmasq.notes, vec![Note::SuboptionOrder]);
    assert!(
        dnsmasq
            .text
            .contains("dhcp-option-force=vi-encap:2636,option6:0,")
    );
    assert!(dnsmasq.text.contains(
        "dhcp-option-force=option6:bootfile-url,\"http://[2001:db8::1]:8080/img/junos.tgz\""
    ));
    assert!(
        dnsmasq
            .text
            .contains("dhcp-option-force=option6:136,00:17:68")
    );
}

#[test]
fn r35_snippet_errors_are_typed() {
    let wrong = snippet(
        Server::Isc,
        &[OptionBytes::V6 {
            code: 59,
            value: b"x",
        }],
    );
    assert!(matches!(
        wrong,
        Err(Error::WrongFamily {
            server: Server::Isc,
            expected: Family::V4,
            found: Family::V6
        })
    ));
    let mixed = snippet(
        Server::Dnsmasq,
        &[
            OptionBytes::V4 {
                code: 43,
                value: OPT43,
            },
            OptionBytes::V6 {
                code: 59,
                value: b"x",
            },
        ],
    );
    assert!(matches!(mixed, Err(Error::WrongFamily { .. })));
    // R4: 150 is 4 bytes per address.
    let odd = snippet(
        Server::Kea4,
        &[OptionBytes::V4 {
            code: 150,
            value: &[10, 0, 0],
        }],
    );
    assert!(matches!(
        odd,
        Err(Error::Unrepresentable {
            server: Server::Kea4,
            ..
        })
    ));
    // Empty, twice, unknown code.
    for server in [Server::Isc, Server::Kea4, Server::Dnsmasq] {
        let empty = snippet(
            server,
            &[OptionBytes::V4 {
                code: 43,
                value: b"",
            }],
        );
        assert!(
            matches!(empty, Err(Error::Unrepresentable { .. })),
            "{server}"
        );
        let twice = snippet(
            server,
            &[
                OptionBytes::V4 {
                    code: 66,
                    value: b"a",
                },
                OptionBytes::V4 {
                    code: 66,
                    value: b"b",
                },
            ],
        );
        assert!(
            matches!(twice, Err(Error::Unrepresentable { .. })),
            "{server}"
        );
        let other = snippet(
            server,
            &[OptionBytes::V4 {
                code: 200,
                value: b"ab",
            }],
        );
        assert!(
            matches!(other, Err(Error::Unrepresentable { .. })),
            "{server}"
        );
    }
    // dnsmasq does not split (RFC 3396).
    let long = vec![0x41; 300];
    assert!(matches!(
        snippet(
            Server::Dnsmasq,
            &[OptionBytes::V4 {
                code: 143,
                value: &long
            }]
        ),
        Err(Error::TooLong {
            option: 143,
            len: 300,
            max: 255,
            ..
        })
    ));
    // Option 17 must be enterprise 2636 and decode.
    let cisco = [0, 0, 0, 9, 0, 1, 0, 1, b'x'];
    assert!(matches!(
        snippet(
            Server::Kea6,
            &[OptionBytes::V6 {
                code: 17,
                value: &cisco
            }]
        ),
        Err(Error::Unrepresentable { .. })
    ));
    let cut = [0, 0, 0x0a, 0x4c, 0, 1, 0, 9, b'x'];
    assert!(matches!(
        snippet(
            Server::Isc6,
            &[OptionBytes::V6 {
                code: 17,
                value: &cut
            }]
        ),
        Err(Error::Unrepresentable { .. })
    ));
}

#[test]
fn r35_snippet_of_a_43_that_does_not_walk_is_still_bytes() {
    // A value that is not code/len items is sent as given (the fix of a
    // pitfall gives the right bytes; this only shows nothing is re-encoded).
    let raw = [0x01, 0x09, 0xaa];
    let s = snippet(
        Server::Isc,
        &[OptionBytes::V4 {
            code: 43,
            value: &raw,
        }],
    )
    .unwrap();
    assert!(
        s.text
            .contains("option vendor-encapsulated-options 01:09:aa;")
    );
    assert_eq!(s.to_string(), s.text);
}
