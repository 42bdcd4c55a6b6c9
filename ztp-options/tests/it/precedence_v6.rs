//! Precedence on DHCPv6 leases (R8, R14..R18): whole REPLY messages as a
//! server sends them, resolved, with the plan, what it ignored and its
//! decision log checked exactly.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use std::net::Ipv6Addr;

use common::{entry, log, log_entries, nul, v6_reply, v6url, v6vendor};
use ztp_options::v6::Lease;
use ztp_options::{
    CannotProceed, Decision, DecisionKind, DecodeError, DecodeErrorKind, Entry, Family, FileServer,
    IgnoredBuf, ImageBuf, ImageSource, ImageType, LOG_CAPACITY, ModeSource, Place, PlanBuf, Port,
    PortPlan, PortSource, Rule, TransferMode, UrlProblem, resolve_v6,
};

/// Resolves the reply `msg`; the borrowed plan and its owned form must be
/// the same plan.
fn resolve_msg(msg: &[u8]) -> Result<PlanBuf, CannotProceed> {
    let lease = Lease::parse(msg).unwrap();
    let plan = resolve_v6(&lease)?;
    let buf = plan.to_buf();
    assert_eq!(buf.as_plan(), plan);
    Ok(buf)
}

fn resolve(options: &[&[u8]]) -> Result<PlanBuf, CannotProceed> {
    resolve_msg(&v6_reply(&options.concat()))
}

fn decisions(plan: &PlanBuf) -> Vec<Decision<'_>> {
    plan.decisions().collect()
}

const J: u32 = 2636;
const URL: &str = "http://[2001:db8::1]:8080/img/junos.tgz";

fn server() -> FileServer {
    FileServer::V6 {
        address: Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1),
    }
}

fn port(n: u16, source: PortSource) -> Option<PortPlan> {
    Some(PortPlan {
        port: Port::new(n).unwrap(),
        source,
    })
}

/// The log of [`base`]: R14, R15, R16.
const BASE_LOG: [DecisionKind; 3] = [
    DecisionKind::TransferModeFromVendorOverUrl,
    DecisionKind::ImageFromVendorOverUrl,
    DecisionKind::PortFromUrl,
];

/// 17 with 00, 01, 03 https and 59 = URL.
fn base() -> PlanBuf {
    let mut p = PlanBuf::new(server(), TransferMode::Https, ModeSource::Suboption03);
    p.image = Some(ImageBuf {
        name: "evo.tgz".into(),
        image_type: ImageType::File,
        source: ImageSource::Suboption00,
    });
    p.config = Some("/cfg/sw.conf".into());
    p.port = port(8080, PortSource::Option59);
    p.ignored = {
        let mut i = IgnoredBuf::default();
        i.url_mode = Some(TransferMode::Http);
        i.url_path = Some("/img/junos.tgz".into());
        i
    };
    p.log = log(&BASE_LOG);
    p
}

/// The decisions of [`base`].
fn base_decisions() -> Vec<Decision<'static>> {
    vec![
        Decision::TransferModeFromVendorOverUrl {
            url_mode: TransferMode::Http,
        },
        Decision::ImageFromVendorOverUrl {
            url_path: "/img/junos.tgz",
        },
        Decision::PortFromUrl,
    ]
}

#[test]
fn r15_option_17_image_beats_option_59_path() {
    let plan = resolve(&[
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf"), (3, b"https")]),
        &v6url(URL),
    ])
    .unwrap();
    assert_eq!(plan, base());
    let d = decisions(&plan);
    assert_eq!(d, base_decisions());
    assert_eq!(d[1].rule(), Rule(15));
    assert_eq!(
        d[1].to_string(),
        "image from option 17; the option 59 path (\"/img/junos.tgz\") is ignored"
    );
}

#[test]
fn r15_option_59_path_is_the_image_without_00_or_04() {
    let plan = resolve(&[&v6vendor(J, &[(1, b"/cfg/sw.conf")]), &v6url(URL)]).unwrap();
    assert_eq!(plan, {
        let mut p = base();
        p.image = Some(ImageBuf {
            name: "/img/junos.tgz".into(),
            image_type: ImageType::File,
            source: ImageSource::Option59,
        });
        p.transfer_mode = TransferMode::Http;
        p.transfer_mode_source = ModeSource::Option59;
        p.ignored = IgnoredBuf::default();
        p.log = log(&[
            DecisionKind::TransferModeFromUrl,
            DecisionKind::ImageFromUrl,
            DecisionKind::PortFromUrl,
        ]);
        p
    });
    assert_eq!(
        decisions(&plan),
        [
            Decision::TransferModeFromUrl {
                mode: TransferMode::Http
            },
            Decision::ImageFromUrl,
            Decision::PortFromUrl,
        ]
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
    expected.ignored.alt_image = Some(b"alt.tgz".to_vec());
    expected.log = log(&[
        DecisionKind::AltImageIgnored,
        BASE_LOG[0],
        BASE_LOG[1],
        BASE_LOG[2],
    ]);
    assert_eq!(plan, expected);
    let mut d = base_decisions();
    d.insert(0, Decision::AltImageIgnored { name: b"alt.tgz" });
    assert_eq!(decisions(&plan), d);
}

#[test]
fn r14_no_suboption_03_means_the_url_scheme() {
    let plan = resolve(&[
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf")]),
        &v6url("tftp://[2001:db8::1]/img/junos.tgz"),
    ])
    .unwrap();
    assert_eq!(plan, {
        let mut p = base();
        p.transfer_mode = TransferMode::Tftp;
        p.transfer_mode_source = ModeSource::Option59;
        p.port = None;
        p.ignored = {
            let mut i = IgnoredBuf::default();
            i.url_path = Some("/img/junos.tgz".into());
            i
        };
        p.log = log(&[
            DecisionKind::TransferModeFromUrl,
            DecisionKind::ImageFromVendorOverUrl,
        ]);
        p
    });
    let d = decisions(&plan);
    assert_eq!(
        d,
        [
            Decision::TransferModeFromUrl {
                mode: TransferMode::Tftp
            },
            Decision::ImageFromVendorOverUrl {
                url_path: "/img/junos.tgz"
            },
        ]
    );
    assert_eq!(d[0].rule(), Rule(14));
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
    let mut expected = base();
    expected.port = port(8443, PortSource::Suboption05);
    expected.ignored.url_port = Some(Port::new(8080).unwrap());
    expected.log = log(&[
        DecisionKind::TransferModeFromVendorOverUrl,
        DecisionKind::ImageFromVendorOverUrl,
        DecisionKind::PortFromVendorOverUrl,
    ]);
    assert_eq!(plan, expected);
    let d = decisions(&plan);
    assert_eq!(
        d,
        [
            Decision::TransferModeFromVendorOverUrl {
                url_mode: TransferMode::Http
            },
            Decision::ImageFromVendorOverUrl {
                url_path: "/img/junos.tgz"
            },
            Decision::PortFromVendorOverUrl {
                url_port: Port::new(8080).unwrap()
            },
        ]
    );
    assert_eq!(d[2].rule(), Rule(16));
}

#[test]
fn r16_no_port_anywhere_leaves_the_default_to_the_fetcher() {
    let plan = resolve(&[
        &v6vendor(J, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf"), (3, b"https")]),
        &v6url("http://[2001:db8::1]/img/junos.tgz"),
    ])
    .unwrap();
    assert_eq!(plan.port, None);
    assert_eq!(plan.ignored.url_port, None);
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
        FileServer::V6 {
            address: "2001:db8:5::9".parse().unwrap()
        }
    );
    assert_eq!(plan.family(), Family::V6);
    assert_eq!(plan.file_server.source_str(), "option-59");
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
    expected.ignored.other_enterprises = vec![9, 4874];
    // One log entry stands for every other enterprise.
    expected.log = log(&[
        DecisionKind::OtherEnterprises,
        BASE_LOG[0],
        BASE_LOG[1],
        BASE_LOG[2],
    ]);
    assert_eq!(plan, expected);
    // The decisions give one per enterprise.
    let mut d = base_decisions();
    d.insert(0, Decision::OtherEnterprise { enterprise: 9 });
    d.insert(1, Decision::OtherEnterprise { enterprise: 4874 });
    let got = decisions(&plan);
    assert_eq!(got, d);
    assert_eq!(got[0].rule(), Rule(8));
    assert_eq!(
        got[1].to_string(),
        "option 17 for enterprise 4874 kept and skipped (not juniper's 2636)"
    );
}

#[test]
fn r9_malformed_option_59_cannot_proceed_with_the_error() {
    let options = [
        v6vendor(J, &[(1, b"/c")]),
        v6url("http://files.example.net/x"),
    ]
    .concat();
    let msg = v6_reply(&options);
    let err = resolve_msg(&msg).unwrap_err();
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
    assert_eq!(plan.port, port(8080, PortSource::Option59));
}

#[test]
fn sample_reply_resolves() {
    let lease = Lease::parse(ztp_options::samples::V6_REPLY).unwrap();
    let plan = resolve_v6(&lease).unwrap();
    assert_eq!(plan.family(), Family::V6);
    assert_eq!(plan.file_server, server());
}

/// The DHCPv6 reply that fires the most log entries at once: R10 (00 and
/// 04), R14 (03 present), R15 (00 and a path in 59), R16 (05 and a port in
/// 59), R8 (three other enterprises, one entry) and R7 (a trailing NUL in
/// 59 and in every suboption the plan uses: 00, 01, 02, 03, 05, 08).
#[test]
fn log_capacity_is_enough() {
    let plan = resolve(&[
        &v6vendor(9, &[(1, b"cisco.cfg")]),
        &v6vendor(
            J,
            &[
                (0, b"evo.tgz\0"),
                (1, b"/cfg/sw.conf\0"),
                (2, b"symlink\0"),
                (3, b"https\0"),
                (4, b"alt.tgz\0"),
                (5, b"8443\0"),
                (8, b"[2001:db8::80]:3128\0"),
            ],
        ),
        &v6vendor(4874, &[(0, b"x")]),
        &v6vendor(311, &[]),
        &v6url("http://[2001:db8::1]:8080/img/junos.tgz\0"),
    ])
    .unwrap();
    let expected: [Entry; 12] = [
        nul(17, Some(0)),
        entry(DecisionKind::AltImageIgnored),
        nul(17, Some(1)),
        nul(17, Some(8)),
        nul(17, Some(2)),
        nul(17, Some(3)),
        nul(17, Some(5)),
        entry(DecisionKind::OtherEnterprises),
        nul(59, None),
        entry(DecisionKind::TransferModeFromVendorOverUrl),
        entry(DecisionKind::ImageFromVendorOverUrl),
        entry(DecisionKind::PortFromVendorOverUrl),
    ];
    for e in &expected {
        assert!(
            plan.log.entries().any(|x| x == *e),
            "{e:?} not in {:?}",
            plan.log
        );
    }
    assert_eq!(plan.log.len(), expected.len(), "{:?}", plan.log);
    assert_eq!(plan.log, log_entries(&expected));
    assert!(plan.log.len() < LOG_CAPACITY);
    // And the data behind them.
    assert_eq!(plan.ignored, {
        let mut i = IgnoredBuf::default();
        i.alt_image = Some(b"alt.tgz".to_vec());
        i.url_mode = Some(TransferMode::Http);
        i.url_path = Some("/img/junos.tgz".into());
        i.url_port = Some(Port::new(8080).unwrap());
        i.other_enterprises = vec![9, 4874, 311];
        i
    });
    assert_eq!(plan.image.as_ref().unwrap().image_type, ImageType::Symlink);
    assert_eq!(plan.proxy.as_deref(), Some("[2001:db8::80]:3128"));
    // R8: one entry, a decision per enterprise.
    assert_eq!(decisions(&plan).len(), expected.len() + 2);
}
