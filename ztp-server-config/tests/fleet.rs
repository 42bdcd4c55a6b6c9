#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]
//! [`render_fleet`] without a server: what each renderer writes, and the
//! hostile names and values it refuses or quotes (the interop tests in
//! `tests/interop/fleet.rs` run the same configurations on the servers).

use ztp_options::Family;
use ztp_options::vendor::{ClassMatch, Condition, Test, Vendor};
use ztp_server_config::{Error, Fleet, FleetEntry, MacAddr, Note, Server, Who, render_fleet};

const V4: [Server; 3] = [Server::Isc, Server::Kea4, Server::Dnsmasq];
const V6: [Server; 3] = [Server::Isc6, Server::Kea6, Server::Dnsmasq];

fn servers(family: Family) -> [Server; 3] {
    if family == Family::V4 { V4 } else { V6 }
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

fn one(family: Family, e: FleetEntry) -> Fleet {
    Fleet {
        family,
        entries: vec![e],
    }
}

fn cumulus(options: &[(u16, &[u8])]) -> Fleet {
    one(
        Family::V4,
        entry("cumulus", class(Family::V4, Vendor::Cumulus, None), options),
    )
}

#[test]
fn fleet_hostile_names_are_refused_everywhere() {
    let long = "a".repeat(49);
    for name in [
        "",
        "a b",
        "a\"b",
        "a;b",
        "a{b",
        "a}b",
        "a\nb",
        "-a",
        ".a",
        "a,b",
        "a#b",
        "a'b",
        "ü",
        "a\\b",
        "a/b",
        long.as_str(),
    ] {
        let fleet = one(
            Family::V4,
            entry(
                name,
                class(Family::V4, Vendor::Cumulus, None),
                &[(239, b"http://x/")],
            ),
        );
        for server in V4 {
            assert_eq!(
                render_fleet(server, &fleet),
                Err(Error::BadName { name: name.into() }),
                "{server} {name:?}"
            );
        }
    }
    let ok = one(
        Family::V4,
        entry(
            &"a".repeat(48),
            class(Family::V4, Vendor::Cumulus, None),
            &[(239, b"x")],
        ),
    );
    assert!(render_fleet(Server::Isc, &ok).is_ok());
}

#[test]
fn g8_fleet_text_with_a_control_character_is_refused() {
    for value in [
        &b"http://x/\nclass"[..],
        b"a\0b",
        b"a\rb",
        "a\u{85}b".as_bytes(),
        b"\xff\xfe",
    ] {
        for server in V4 {
            let err = render_fleet(server, &cumulus(&[(239, value)])).unwrap_err();
            assert!(
                matches!(err, Error::Unrepresentable { .. }),
                "{server}: {err}"
            );
        }
    }
}

/// Text with every character a syntax cares about renders as one value:
/// ISC and dnsmasq write as many lines as for a plain value, Kea's JSON
/// carries the value (as text or hex) and nothing else.
#[test]
fn g8_fleet_hostile_text_is_quoted_not_injected() {
    let hostile = b"http://x/a\"b};c{d\\e#f,g 'h;".to_vec();
    let mut long = hostile.clone();
    long.resize(255, b'x');
    for value in [hostile, long] {
        for server in V4 {
            let plain = render_fleet(server, &cumulus(&[(239, b"xy"), (67, b"yz")])).unwrap();
            let out = render_fleet(server, &cumulus(&[(239, &value), (67, &value)])).unwrap();
            if server == Server::Kea4 {
                let json: serde_json::Value = serde_json::from_str(&out.text).unwrap();
                let data = &json["Dhcp4"]["client-classes"][0]["option-data"];
                for d in data.as_array().unwrap() {
                    let sent = if d["csv-format"] == false {
                        let h = d["data"].as_str().unwrap();
                        (0..h.len())
                            .step_by(2)
                            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
                            .collect::<Vec<u8>>()
                    } else {
                        d["data"].as_str().unwrap().as_bytes().to_vec()
                    };
                    assert_eq!(sent, value, "kea: {d}");
                }
            } else {
                assert_eq!(
                    out.text.lines().count(),
                    plain.text.lines().count(),
                    "{server}:\n{}",
                    out.text
                );
            }
            if server == Server::Isc {
                assert!(
                    out.text
                        .contains(r#"option ztp-opt-239 "http://x/a\"b};c{d\\e#f,g 'h;"#)
                );
            }
        }
    }
}

#[test]
fn r2_fleet_dnsmasq_refuses_what_it_cannot_send() {
    let long = vec![b'x'; 256];
    assert!(matches!(
        render_fleet(Server::Dnsmasq, &cumulus(&[(239, &long)])),
        Err(Error::TooLong {
            option: 239,
            len: 256,
            max: 255,
            ..
        })
    ));
    // ISC and Kea split (RFC 3396).
    assert!(render_fleet(Server::Isc, &cumulus(&[(239, &long)])).is_ok());
    assert!(render_fleet(Server::Kea4, &cumulus(&[(239, &long)])).is_ok());
    // One room note per 576-byte reply that cannot hold an entry.
    let out = render_fleet(
        Server::Dnsmasq,
        &cumulus(&[(239, &long[..255]), (67, &long[..100])]),
    )
    .unwrap();
    assert!(
        out.notes
            .iter()
            .any(|n| matches!(n, Note::ReplyRoom { .. }))
    );
}

#[test]
fn fleet_option_shapes_are_checked() {
    for (code, value) in [
        (42u16, &b"\x0a\x00\x00\x01"[..]), // no fleet definition
        (60, b"x"),
        (150, b"\x0a\x00\x00"), // not 4 bytes each
        (51, b"\x00\x0e\x10"),  // not 4 bytes
        (239, b""),             // empty
    ] {
        for server in V4 {
            let err = render_fleet(server, &cumulus(&[(code, value)])).unwrap_err();
            assert!(
                matches!(err, Error::Unrepresentable { .. }),
                "{server} {code}: {err}"
            );
        }
    }
    let twice = render_fleet(Server::Isc, &cumulus(&[(239, b"a"), (239, b"b")]));
    assert!(matches!(twice, Err(Error::Unrepresentable { .. })));
    // v6 17 must decode (enterprise, then code(2) len(2) items).
    let bad17 = one(
        Family::V6,
        entry(
            "j",
            class(Family::V6, Vendor::Juniper, None),
            &[(17, b"\x00\x00\x0a\x4c\x00")],
        ),
    );
    for server in V6 {
        assert!(matches!(
            render_fleet(server, &bad17),
            Err(Error::Unrepresentable { .. })
        ));
    }
}

#[test]
fn fleet_duplicates_and_families_are_errors() {
    let f = Family::V4;
    let mac: MacAddr = "02:00:00:00:00:01".parse().unwrap();
    let dup_name = Fleet {
        family: f,
        entries: vec![
            entry("a", class(f, Vendor::Cumulus, None), &[(239, b"x")]),
            entry("a", Who::Host(mac), &[(240, b"x")]),
        ],
    };
    let dup_class = Fleet {
        family: f,
        entries: vec![
            entry("a", class(f, Vendor::CiscoIosXe, None), &[(67, b"x")]),
            // CP1: the same bytes as IOS-XE, so the same class.
            entry(
                "b",
                class(f, Vendor::CiscoPnp, None),
                &[(43, b"5A1N;I1.2.3.4")],
            ),
        ],
    };
    let dup_mac = Fleet {
        family: f,
        entries: vec![
            entry("a", Who::Host(mac), &[(240, b"x")]),
            entry("b", Who::Host(mac), &[(240, b"y")]),
        ],
    };
    for server in V4 {
        for fleet in [&dup_name, &dup_class, &dup_mac] {
            assert!(
                matches!(render_fleet(server, fleet), Err(Error::Duplicate { .. })),
                "{server}"
            );
        }
    }
    // A v6 class in a v4 fleet, and servers of the other family.
    let mixed = one(
        f,
        entry("a", class(Family::V6, Vendor::Sonic, None), &[(239, b"x")]),
    );
    assert!(matches!(
        render_fleet(Server::Isc, &mixed),
        Err(Error::WrongFamily { .. })
    ));
    let v4 = cumulus(&[(239, b"x")]);
    for server in [Server::Isc6, Server::Kea6] {
        assert!(matches!(
            render_fleet(server, &v4),
            Err(Error::WrongFamily { .. })
        ));
    }
}

/// A model's class replaces its vendor's class: the wider class says "and
/// not" the narrower one, on every server.
#[test]
fn g2_fleet_model_class_replaces_vendor_class() {
    for family in [Family::V4, Family::V6] {
        let (v, m, code): (Vendor, &str, u16) = if family == Family::V4 {
            (Vendor::CiscoIosXe, "C9300-48P", 67)
        } else {
            (Vendor::CiscoIosXr, "NCS-5508", 59)
        };
        let fleet = Fleet {
            family,
            entries: vec![
                entry("vendor", class(family, v, None), &[(code, b"http://x/a")]),
                entry("model", class(family, v, Some(m)), &[(code, b"http://x/b")]),
            ],
        };
        for server in servers(family) {
            let out = render_fleet(server, &fleet).unwrap();
            let excluded = match server {
                Server::Dnsmasq => out
                    .text
                    .contains("tag-if=set:ztp-vendor,tag:ztp-vendor-c0,tag:!ztp-model"),
                _ => out.text.contains("and not ("),
            };
            assert!(excluded, "{server}:\n{}", out.text);
        }
    }
}

/// G2: a model class that is a longer prefix of the same option (Arista's
/// `Arista;<model>;` within `Arista;`, Juniper's `Juniper-<model>-` within
/// `Juniper-`) is narrower too; two vendors' classes exclude nothing.
#[test]
fn g2_fleet_longer_prefix_model_class_replaces_vendor_class() {
    for v in [Vendor::Arista, Vendor::Juniper, Vendor::DellOs9] {
        let fleet = Fleet {
            family: Family::V4,
            entries: vec![
                entry("vendor", class(Family::V4, v, None), &[(67, b"http://x/a")]),
                entry(
                    "model",
                    class(Family::V4, v, Some("M1")),
                    &[(67, b"http://x/b")],
                ),
                entry(
                    "other",
                    class(Family::V4, Vendor::Cumulus, None),
                    &[(239, b"http://x/c")],
                ),
            ],
        };
        for server in servers(Family::V4) {
            let out = render_fleet(server, &fleet).unwrap();
            let (vendor_excludes, other_excludes) = match server {
                Server::Dnsmasq => (
                    out.text
                        .contains("tag-if=set:ztp-vendor,tag:ztp-vendor-c0,tag:!ztp-model"),
                    out.text
                        .contains("tag-if=set:ztp-other,tag:ztp-other-c0,tag:!"),
                ),
                _ => (
                    out.text.matches("and not (").count() == 1,
                    out.text
                        .contains("and not (substring(option vendor-class-identifier, 0, 14)"),
                ),
            };
            assert!(vendor_excludes, "{v} {server}:\n{}", out.text);
            assert!(!other_excludes, "{v} {server}:\n{}", out.text);
        }
    }
}

/// Host entries override a class per code: dnsmasq is told on the class's
/// lines; lease times where the server can set them, a note where not.
#[test]
fn fleet_hosts_lease_times_and_notes() {
    let f = Family::V4;
    let mac: MacAddr = "02:00:00:00:00:01".parse().unwrap();
    let hour = 3600u32.to_be_bytes();
    let fleet = Fleet {
        family: f,
        entries: vec![
            entry(
                "nxos",
                class(f, Vendor::CiscoNxos, None),
                &[(67, b"poap.py"), (150, b"\x0a\x00\x00\x01"), (51, &hour)],
            ),
            entry("lab", Who::Host(mac), &[(67, b"lab.py"), (51, &hour)]),
        ],
    };
    let isc = render_fleet(Server::Isc, &fleet).unwrap();
    assert_eq!(isc.text.matches("default-lease-time 3600;").count(), 2);
    assert!(isc.text.contains("hardware ethernet 02:00:00:00:00:01;"));
    // P239: one top-level statement asks for every code of the fleet.
    assert!(isc.text.contains(
        "option dhcp-parameter-request-list = concat(option dhcp-parameter-request-list, 43:96);"
    ));
    let kea = render_fleet(Server::Kea4, &fleet).unwrap();
    let json: serde_json::Value = serde_json::from_str(&kea.text).unwrap();
    assert_eq!(json["Dhcp4"]["client-classes"][0]["valid-lifetime"], 3600);
    assert_eq!(json["Dhcp4"]["reservations-global"], true);
    assert!(kea.notes.contains(&Note::LeaseTime {
        server: Server::Kea4,
        entry: "lab".into()
    }));
    let dnsmasq = render_fleet(Server::Dnsmasq, &fleet).unwrap();
    assert!(
        dnsmasq
            .text
            .contains("dhcp-host=02:00:00:00:00:01,set:ztp-lab,3600\n")
    );
    assert!(
        dnsmasq
            .text
            .contains("dhcp-option-force=tag:ztp-nxos,tag:!ztp-lab,67,")
    );
    assert!(
        dnsmasq
            .text
            .contains("dhcp-option-force=tag:ztp-nxos,option:tftp-server-address,10.0.0.1")
    );
    assert!(dnsmasq.notes.contains(&Note::LeaseTime {
        server: Server::Dnsmasq,
        entry: "nxos".into()
    }));
    // DHCPv6 hosts: dnsmasq matches the DUID-LL.
    let v6 = one(
        Family::V6,
        entry("h", Who::Host(mac), &[(59, b"http://x/")]),
    );
    let out = render_fleet(Server::Dnsmasq, &v6).unwrap();
    assert!(
        out.text
            .contains("dhcp-host=id:00:03:00:01:02:00:00:00:00:01,set:ztp-h\n")
    );
    let isc6 = render_fleet(Server::Isc6, &v6).unwrap();
    assert!(isc6.notes.contains(&Note::OnlyRequested {
        server: Server::Isc6
    }));
}

/// Class tests each server cannot make are typed errors.
#[test]
fn fleet_tests_a_server_cannot_make() {
    let suffix77 = ClassMatch::user(
        Family::V4,
        Vendor::ExtremeExos,
        vec![Condition::new(77, Test::Suffix(b"exos".to_vec()))],
    )
    .unwrap();
    let fleet = one(
        Family::V4,
        entry(
            "e",
            Who::Class(suffix77),
            &[(43, b"\x64\x04\x0a\x00\x00\x01")],
        ),
    );
    assert!(matches!(
        render_fleet(Server::Dnsmasq, &fleet),
        Err(Error::Unrepresentable { .. })
    ));
    assert!(
        render_fleet(Server::Isc, &fleet)
            .unwrap()
            .text
            .contains("suffix(option user-class, 4) = 65:78:6f:73")
    );
    assert!(
        render_fleet(Server::Kea4, &fleet)
            .unwrap()
            .text
            .contains("substring(option[77].hex,-4,all) == 0x65786f73")
    );
    // A comma would split a dnsmasq class line.
    let comma = ClassMatch::user(
        Family::V6,
        Vendor::NokiaSrLinux,
        vec![Condition::new(15, Test::Exact(b"\x00\x03a,b".to_vec()))],
    )
    .unwrap();
    let fleet = one(
        Family::V6,
        entry("n", Who::Class(comma), &[(59, b"http://x/")]),
    );
    assert!(matches!(
        render_fleet(Server::Dnsmasq, &fleet),
        Err(Error::Unrepresentable { .. })
    ));
    assert!(render_fleet(Server::Isc6, &fleet).is_ok());
}
