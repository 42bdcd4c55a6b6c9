//! Precedence on DHCPv6 leases (R8, R14..R18): whole REPLY messages as a
//! server sends them, resolved, with the plan and decision log checked
//! exactly.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use std::net::Ipv6Addr;

use common::{v6_reply, v6url, v6vendor};
use ztp_options::v6::Lease;
use ztp_options::{
    CannotProceed, ConfigPlan, Decision, DecodeError, DecodeErrorKind, Family, FileServer,
    ImagePlan, ImageType, Place, Plan, Port, PortPlan, Rule, Source, TransferMode, UrlProblem,
    resolve_v6,
};

fn resolve(options: &[&[u8]]) -> Result<Plan, CannotProceed> {
    let msg = v6_reply(&options.concat());
    resolve_v6(&Lease::parse(&msg).unwrap())
}

const J: u32 = 2636;
const URL: &str = "http://[2001:db8::1]:8080/img/junos.tgz";

fn server() -> FileServer {
    FileServer::Ipv6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1))
}

fn port(n: u16, source: Source) -> Option<PortPlan> {
    Some(PortPlan {
        port: Port::new(n).unwrap(),
        source,
    })
}

/// 17 with 00, 01, 03 https and 59 = URL.
fn base() -> Plan {
    Plan {
        family: Family::V6,
        image: Some(ImagePlan {
            name: "evo.tgz".into(),
            image_type: ImageType::File,
            source: Source::Suboption00,
        }),
        config: Some(ConfigPlan {
            name: "/cfg/sw.conf".into(),
            source: Source::Suboption01,
        }),
        transfer_mode: TransferMode::Https,
        transfer_mode_source: Source::Suboption03,
        file_server: server(),
        file_server_source: Source::Option59,
        port: port(8080, Source::Option59),
        ntp_servers: vec![],
        syslog_servers: vec![],
        host_name: None,
        proxy: None,
        unknown_suboptions: vec![],
        decisions: vec![
            Decision::TransferModeFromVendorOverUrl {
                url_mode: TransferMode::Http,
            },
            Decision::ImageFromVendorOverUrl {
                url_path: "/img/junos.tgz".into(),
            },
            Decision::PortFromUrl,
        ],
    }
}

#[test]
fn r15_option_17_image_beats_option_59_path() {
    let plan = resolve(&[
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf"), (3, b"https")]),
        &v6url(URL),
    ])
    .unwrap();
    assert_eq!(plan, base());
    assert_eq!(plan.decisions[1].rule(), Rule(15));
}

#[test]
fn r15_option_59_path_is_the_image_without_00_or_04() {
    let plan = resolve(&[&v6vendor(J, &[(1, b"/cfg/sw.conf")]), &v6url(URL)]).unwrap();
    assert_eq!(
        plan,
        Plan {
            image: Some(ImagePlan {
                name: "/img/junos.tgz".into(),
                image_type: ImageType::File,
                source: Source::Option59
            }),
            transfer_mode: TransferMode::Http,
            transfer_mode_source: Source::Option59,
            decisions: vec![
                Decision::TransferModeFromUrl {
                    mode: TransferMode::Http
                },
                Decision::ImageFromUrl,
                Decision::PortFromUrl,
            ],
            ..base()
        }
    );
}

#[test]
fn r10_v6_suboption_00_beats_04() {
    let plan = resolve(&[
        &v6vendor(
            J,
            &[
                (0, b"evo.tgz"),
                (4, b"alt.tgz"),
                (1, b"/cfg/sw.conf"),
                (3, b"https"),
            ],
        ),
        &v6url(URL),
    ])
    .unwrap();
    let mut expected = base();
    expected.decisions.insert(
        0,
        Decision::AltImageIgnored {
            name: "alt.tgz".into(),
        },
    );
    assert_eq!(plan, expected);
}

#[test]
fn r14_no_suboption_03_means_the_url_scheme() {
    let plan = resolve(&[
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf")]),
        &v6url("tftp://[2001:db8::1]/img/junos.tgz"),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            transfer_mode: TransferMode::Tftp,
            transfer_mode_source: Source::Option59,
            port: None,
            decisions: vec![
                Decision::TransferModeFromUrl {
                    mode: TransferMode::Tftp
                },
                Decision::ImageFromVendorOverUrl {
                    url_path: "/img/junos.tgz".into()
                },
            ],
            ..base()
        }
    );
    assert_eq!(plan.decisions[0].rule(), Rule(14));
}

#[test]
fn r16_suboption_05_beats_the_url_port() {
    let plan = resolve(&[
        &v6vendor(
            J,
            &[
                (0, b"evo.tgz"),
                (1, b"/cfg/sw.conf"),
                (3, b"https"),
                (5, b"8443"),
            ],
        ),
        &v6url(URL),
    ])
    .unwrap();
    assert_eq!(
        plan,
        Plan {
            port: port(8443, Source::Suboption05),
            decisions: vec![
                Decision::TransferModeFromVendorOverUrl {
                    url_mode: TransferMode::Http
                },
                Decision::ImageFromVendorOverUrl {
                    url_path: "/img/junos.tgz".into()
                },
                Decision::PortFromVendorOverUrl {
                    url_port: Port::new(8080).unwrap()
                },
            ],
            ..base()
        }
    );
    assert_eq!(plan.decisions[2].rule(), Rule(16));
}

#[test]
fn r16_no_port_anywhere_leaves_the_default_to_the_fetcher() {
    let plan = resolve(&[
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf"), (3, b"https")]),
        &v6url("http://[2001:db8::1]/img/junos.tgz"),
    ])
    .unwrap();
    assert_eq!(plan.port, None);
}

#[test]
fn r17_file_server_is_the_option_59_address() {
    let plan = resolve(&[
        &v6vendor(J, &[(1, b"/c")]),
        &v6url("ftp://[2001:db8:5::9]/"),
    ])
    .unwrap();
    assert_eq!(
        plan.file_server,
        FileServer::Ipv6("2001:db8:5::9".parse().unwrap())
    );
    assert_eq!(plan.file_server_source, Source::Option59);
    assert_eq!(plan.image, None);
}

#[test]
fn r17_no_option_59_cannot_proceed() {
    let err = resolve(&[&v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf")])]).unwrap_err();
    assert_eq!(err, CannotProceed::NoBootFileUrl);
    assert_eq!(err.rule(), Rule(17));
}

#[test]
fn r18_v6_neither_image_nor_config_cannot_proceed() {
    let err = resolve(&[
        &v6vendor(J, &[(3, b"http")]),
        &v6url("http://[2001:db8::1]/"),
    ])
    .unwrap_err();
    assert_eq!(err, CannotProceed::NothingToFetch);
    assert_eq!(err.rule(), Rule(18));
}

#[test]
fn r8_other_enterprises_are_kept_and_skipped() {
    let plan = resolve(&[
        &v6vendor(9, &[(1, b"cisco.cfg")]),
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf"), (3, b"https")]),
        &v6vendor(4874, &[(0, b"x")]),
        &v6url(URL),
    ])
    .unwrap();
    let mut expected = base();
    expected
        .decisions
        .insert(0, Decision::OtherEnterprise { enterprise: 9 });
    expected
        .decisions
        .insert(1, Decision::OtherEnterprise { enterprise: 4874 });
    assert_eq!(plan, expected);
    assert_eq!(plan.decisions[0].rule(), Rule(8));
}

#[test]
fn r9_malformed_option_59_cannot_proceed_with_the_error() {
    let options = [
        v6vendor(J, &[(1, b"/c")]),
        v6url("http://files.example.net/x"),
    ]
    .concat();
    let msg = v6_reply(&options);
    let err = resolve_v6(&Lease::parse(&msg).unwrap()).unwrap_err();
    // v6_reply's client and server ids take bytes 4..32; 17 takes 32..46,
    // so option 59 is at 46 and its value at 50. R22: a host name is
    // reported, never resolved.
    assert_eq!(
        err,
        CannotProceed::Malformed(DecodeError::new(
            Place::option(Family::V6, 59, 50),
            DecodeErrorKind::BadUrl {
                problem: UrlProblem::HostName,
                index: 7,
                len: 26
            }
        ))
    );
    let CannotProceed::Malformed(e) = err else {
        unreachable!()
    };
    assert_eq!(e.value(&msg), Some(&b"http://files.example.net/x"[..]));
    assert_eq!(err.rule(), Rule(9));
}

#[test]
fn r15_r16_dnsmasq_capture_resolves() {
    // The REPLY of shared/captures/dnsmasq-2.90-v6-ztp.pcap: 17 items 0, 3, 1.
    let plan = resolve(&[
        &v6vendor(
            J,
            &[
                (0, b"/img/junos-evo.tgz"),
                (3, b"http"),
                (1, b"/cfg/sw.conf"),
            ],
        ),
        &v6url(URL),
    ])
    .unwrap();
    assert_eq!(plan.image.unwrap().name, "/img/junos-evo.tgz");
    assert_eq!(plan.port, port(8080, Source::Option59));
}

#[test]
fn sample_reply_resolves() {
    let plan = resolve_v6(&Lease::parse(ztp_options::samples::V6_REPLY).unwrap()).unwrap();
    assert_eq!(plan.family, Family::V6);
    assert_eq!(plan.file_server, server());
}
