//! Precedence on DHCPv4 leases (R10..R13, R18, R29): each test builds the
//! whole reply as a server sends it, resolves it and checks the plan and its
//! decision log exactly.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use std::net::Ipv4Addr;

use common::{cat, opt, reply};
use ztp_options::v4::Lease;
use ztp_options::{
    CannotProceed, ConfigPlan, Decision, DecodeError, DecodeErrorKind, Family, FileServer,
    ImagePlan, ImageType, Place, Plan, Port, PortPlan, Rule, Source, TransferMode, Within,
    resolve_v4,
};

fn resolve(options: &[&[u8]]) -> Result<Plan, CannotProceed> {
    let mut o = options.concat();
    o.push(255);
    let msg = reply(&o);
    resolve_v4(&Lease::parse(&msg).unwrap())
}

fn o43(items: &[&[u8]]) -> Vec<u8> {
    opt(43, &items.concat())
}

fn img(name: &str, source: Source) -> Option<ImagePlan> {
    Some(ImagePlan {
        name: name.into(),
        image_type: ImageType::File,
        source,
    })
}

fn cfg(name: &str) -> Option<ConfigPlan> {
    Some(ConfigPlan {
        name: name.into(),
        source: Source::Suboption01,
    })
}

const S150: [u8; 4] = [192, 0, 2, 10];

/// The plan every row starts from: image and config from 43, http, 150.
fn base() -> Plan {
    Plan {
        family: Family::V4,
        image: img("junos.tgz", Source::Suboption00),
        config: cfg("sw.conf"),
        transfer_mode: TransferMode::Http,
        transfer_mode_source: Source::Suboption03,
        file_server: FileServer::Ipv4(Ipv4Addr::new(192, 0, 2, 10)),
        file_server_source: Source::Option150,
        port: None,
        ntp_servers: vec![],
        syslog_servers: vec![],
        host_name: None,
        proxy: None,
        unknown_suboptions: vec![],
        decisions: vec![],
    }
}

#[test]
fn r10_suboption_00_beats_04() {
    let plan = resolve(&[
        &o43(&[
            &opt(0, b"junos.tgz"),
            &opt(1, b"sw.conf"),
            &opt(3, b"http"),
            &opt(4, b"alt.tgz"),
        ]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            decisions: vec![Decision::AltImageIgnored {
                name: "alt.tgz".into()
            }],
            ..base()
        }
    );
    assert_eq!(plan.decisions[0].rule(), Rule(10));
    assert_eq!(
        plan.decisions[0].to_string(),
        "suboption 04 (\"alt.tgz\") ignored because 00 is present"
    );
}

#[test]
fn r10_suboption_04_alone_is_the_image() {
    let plan = resolve(&[
        &o43(&[&opt(4, b"alt.tgz"), &opt(3, b"http")]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            image: img("alt.tgz", Source::Suboption04),
            config: None,
            ..base()
        }
    );
}

#[test]
fn r11_no_suboption_03_means_tftp() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf")]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            transfer_mode: TransferMode::Tftp,
            transfer_mode_source: Source::Default,
            decisions: vec![Decision::DefaultTftp],
            ..base()
        }
    );
    assert_eq!(plan.decisions[0].rule(), Rule(11));
}

#[test]
fn r12_option_150_beats_66() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(66, b"198.51.100.1"),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            decisions: vec![Decision::Option66Ignored {
                value: "198.51.100.1".into()
            }],
            ..base()
        }
    );
    assert_eq!(plan.decisions[0].rule(), Rule(12));
}

#[test]
fn r12_option_66_host_name_is_ignored_when_150_is_present() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(150, &S150),
        &opt(66, b"files.example.net"),
    ])
    .unwrap();
    assert_eq!(plan.file_server_source, Source::Option150);
    assert_eq!(
        plan.decisions,
        [Decision::Option66Ignored {
            value: "files.example.net".into()
        }]
    );
}

#[test]
fn r12_option_66_alone_is_the_file_server() {
    // dnsmasq appends a NUL to option 66: tolerated and logged (R7).
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(66, b"192.0.2.66\0"),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            file_server: FileServer::Ipv4(Ipv4Addr::new(192, 0, 2, 66)),
            file_server_source: Source::Option66,
            decisions: vec![Decision::TrailingNul {
                option: 66,
                suboption: None
            }],
            ..base()
        }
    );
}

#[test]
fn r13_neither_150_nor_66_cannot_proceed() {
    let err = resolve(&[&o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf")])]).unwrap_err();
    assert_eq!(err, CannotProceed::NoFileServer);
    assert_eq!(err.rule(), Rule(13));
    assert_eq!(
        err.to_string(),
        "no file server information: neither option 150 nor option 66"
    );
}

#[test]
fn r13_siaddr_sname_file_are_logged_not_used() {
    let mut o = cat(&[
        &o43(&[&opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(150, &S150),
    ]);
    o.push(255);
    let mut msg = reply(&o);
    msg[20..24].copy_from_slice(&[192, 0, 2, 99]);
    msg[44..49].copy_from_slice(b"boot1");
    msg[108..115].copy_from_slice(b"pxe.img");
    let plan = resolve_v4(&Lease::parse(&msg).unwrap()).unwrap();
    assert_eq!(
        plan,
        Plan {
            image: None,
            decisions: vec![
                Decision::SiaddrIgnored {
                    address: Ipv4Addr::new(192, 0, 2, 99)
                },
                Decision::SnameIgnored {
                    name: "boot1".into()
                },
                Decision::FileIgnored {
                    name: "pxe.img".into()
                },
            ],
            ..base()
        }
    );
    assert!(plan.decisions.iter().all(|d| d.rule() == Rule(13)));
}

#[test]
fn r3_r13_option_66_host_name_without_150_cannot_proceed() {
    let mut o = cat(&[&o43(&[&opt(1, b"sw.conf")]), &opt(66, b"files.example.net")]);
    o.push(255);
    let msg = reply(&o);
    let err = resolve_v4(&Lease::parse(&msg).unwrap()).unwrap_err();
    assert_eq!(
        err,
        CannotProceed::Malformed(DecodeError::new(
            Place::option(Family::V4, 66, 253),
            DecodeErrorKind::HostName { len: 17 }
        ))
    );
    let CannotProceed::Malformed(e) = err else {
        unreachable!()
    };
    assert_eq!(e.value(&msg), Some(&b"files.example.net"[..]));
    assert_eq!(err.rule(), Rule(3));
}

#[test]
fn r18_neither_image_nor_config_cannot_proceed() {
    let err = resolve(&[&o43(&[&opt(3, b"http")]), &opt(150, &S150)]).unwrap_err();
    assert_eq!(err, CannotProceed::NothingToFetch);
    assert_eq!(err.rule(), Rule(18));
    // No option 43 at all: the same.
    assert_eq!(
        resolve(&[&opt(150, &S150)]).unwrap_err(),
        CannotProceed::NothingToFetch
    );
}

#[test]
fn r18_image_only_and_config_only_are_valid() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(3, b"http")]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            config: None,
            ..base()
        }
    );
    assert!(!plan.is_complete());
    let plan = resolve(&[
        &o43(&[&opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            image: None,
            ..base()
        }
    );
}

#[test]
fn r20_suboption_05_port_and_server_choice() {
    let plan = resolve(&[
        &o43(&[
            &opt(0, b"junos.tgz"),
            &opt(1, b"sw.conf"),
            &opt(3, b"http"),
            &opt(5, b"8080"),
        ]),
        &opt(150, &S150),
    ])
    .unwrap();
    let port = Port::new(8080).unwrap();
    assert_eq!(
        plan,
        Plan {
            port: Some(PortPlan {
                port,
                source: Source::Suboption05
            }),
            decisions: vec![Decision::Suboption05Port { port }],
            ..base()
        }
    );
    let plan = resolve(&[
        &o43(&[
            &opt(0, b"junos.tgz"),
            &opt(1, b"sw.conf"),
            &opt(3, b"http"),
            &opt(5, b"192.0.2.21"),
        ]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            decisions: vec![Decision::Suboption05Server {
                address: Ipv4Addr::new(192, 0, 2, 21)
            }],
            ..base()
        }
    );
}

#[test]
fn r4_r5_servers_host_name_proxy_and_extra_150_addresses() {
    let plan = resolve(&[
        &o43(&[
            &opt(0, b"junos.tgz"),
            &opt(1, b"sw.conf"),
            &opt(3, b"http"),
            &opt(8, b"192.0.2.80:3128"),
        ]),
        &opt(150, &[192, 0, 2, 10, 192, 0, 2, 11]),
        &opt(7, &[192, 0, 2, 20]),
        &opt(42, &[192, 0, 2, 30, 192, 0, 2, 31]),
        &opt(12, b"sw-01"),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            ntp_servers: vec![Ipv4Addr::new(192, 0, 2, 30), Ipv4Addr::new(192, 0, 2, 31)],
            syslog_servers: vec![Ipv4Addr::new(192, 0, 2, 20)],
            host_name: Some("sw-01".into()),
            proxy: Some("192.0.2.80:3128".into()),
            decisions: vec![Decision::ExtraFileServers {
                addresses: vec![Ipv4Addr::new(192, 0, 2, 11)]
            }],
            ..base()
        }
    );
}

#[test]
fn r1_malformed_option_43_cannot_proceed_with_the_error() {
    let err = resolve(&[&opt(43, &[1, 9, b'x']), &opt(150, &S150)]).unwrap_err();
    assert_eq!(
        err,
        CannotProceed::Malformed(DecodeError::new(
            Place::option(Family::V4, 43, 242).suboption(1, 242),
            DecodeErrorKind::LengthOverrun {
                within: Within::Suboptions,
                len: 9,
                available: 1
            }
        ))
    );
    assert_eq!(err.rule(), Rule(1));
}

#[test]
fn sample_ack_resolves() {
    let plan = resolve_v4(&Lease::parse(ztp_options::samples::V4_ACK).unwrap()).unwrap();
    assert_eq!(
        plan.image.unwrap().name,
        "junos-install-ex-x86-64-23.4R2.tgz"
    );
    assert_eq!(plan.file_server_source, Source::Option150);
    assert_eq!(
        plan.decisions,
        [Decision::Option66Ignored {
            value: "192.0.2.10".into()
        }]
    );
}
