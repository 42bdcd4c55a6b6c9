//! Precedence on DHCPv4 leases (R10..R13, R18, R29): each test builds the
//! whole reply as a server sends it, resolves it and checks the plan, what
//! it ignored and its decision log exactly.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use std::net::Ipv4Addr;

use common::{cat, entry, log, log_entries, nul, opt, reply};
use ztp_options::v4::Lease;
use ztp_options::{
    Addresses, CannotProceed, Decision, DecisionKind, DecodeError, DecodeErrorKind, Family,
    FileServer, IgnoredBuf, ImageBuf, ImageSource, ImageType, LOG_CAPACITY, ModeSource, Place,
    PlanBuf, Port, PortPlan, PortSource, Rule, TransferMode, V4ServerSource, Within, resolve_v4,
};

/// Resolves the reply `msg`; the borrowed plan and its owned form must be
/// the same plan.
fn resolve_msg(msg: &[u8]) -> Result<PlanBuf, CannotProceed> {
    let lease = Lease::parse(msg).unwrap();
    let plan = resolve_v4(&lease)?;
    let buf = plan.to_buf();
    assert_eq!(buf.as_plan(), plan);
    Ok(buf)
}

fn resolve(options: &[&[u8]]) -> Result<PlanBuf, CannotProceed> {
    let mut o = options.concat();
    o.push(255);
    resolve_msg(&reply(&o))
}

fn o43(items: &[&[u8]]) -> Vec<u8> {
    opt(43, &items.concat())
}

fn img(name: &str, source: ImageSource) -> Option<ImageBuf> {
    Some(ImageBuf {
        name: name.into(),
        image_type: ImageType::File,
        source,
    })
}

fn cfg(name: &str) -> Option<String> {
    Some(name.into())
}

fn decisions(plan: &PlanBuf) -> Vec<Decision<'_>> {
    plan.decisions().collect()
}

const S150: [u8; 4] = [192, 0, 2, 10];

/// The plan every row starts from: image and config from 43, http, 150.
fn base() -> PlanBuf {
    let mut p = PlanBuf::new(
        FileServer::V4 {
            address: Ipv4Addr::new(192, 0, 2, 10),
            source: V4ServerSource::Option150,
        },
        TransferMode::Http,
        ModeSource::Suboption03,
    );
    p.image = img("junos.tgz", ImageSource::Suboption00);
    p.config = cfg("sw.conf");
    p
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
    assert_eq!(plan, {
        let mut p = base();
        p.ignored = {
            let mut i = IgnoredBuf::default();
            i.alt_image = Some(b"alt.tgz".to_vec());
            i
        };
        p.log = log(&[DecisionKind::AltImageIgnored]);
        p
    });
    let d = decisions(&plan);
    assert_eq!(d, [Decision::AltImageIgnored { name: b"alt.tgz" }]);
    assert_eq!(d[0].rule(), Rule(10));
    assert_eq!(
        d[0].to_string(),
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
    assert_eq!(plan, {
        let mut p = base();
        p.image = img("alt.tgz", ImageSource::Suboption04);
        p.config = None;
        p
    });
}

#[test]
fn r11_no_suboption_03_means_tftp() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf")]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(plan, {
        let mut p = base();
        p.transfer_mode = TransferMode::Tftp;
        p.transfer_mode_source = ModeSource::Default;
        p.log = log(&[DecisionKind::DefaultTftp]);
        p
    });
    let d = decisions(&plan);
    assert_eq!(d, [Decision::DefaultTftp]);
    assert_eq!(d[0].rule(), Rule(11));
}

#[test]
fn r12_option_150_beats_66() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(66, b"198.51.100.1"),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(plan, {
        let mut p = base();
        p.ignored = {
            let mut i = IgnoredBuf::default();
            i.option66 = Some(b"198.51.100.1".to_vec());
            i
        };
        p.log = log(&[DecisionKind::Option66Ignored]);
        p
    });
    let d = decisions(&plan);
    assert_eq!(
        d,
        [Decision::Option66Ignored {
            value: b"198.51.100.1"
        }]
    );
    assert_eq!(d[0].rule(), Rule(12));
}

#[test]
fn r12_option_66_host_name_is_ignored_when_150_is_present() {
    let plan = resolve(&[
        &o43(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(150, &S150),
        &opt(66, b"files.example.net"),
    ])
    .unwrap();
    assert!(matches!(
        plan.file_server,
        FileServer::V4 {
            source: V4ServerSource::Option150,
            ..
        }
    ));
    assert_eq!(
        plan.ignored.option66.as_deref(),
        Some(&b"files.example.net"[..])
    );
    assert_eq!(
        plan.log.kinds().collect::<Vec<_>>(),
        [DecisionKind::Option66Ignored]
    );
    assert_eq!(
        decisions(&plan),
        [Decision::Option66Ignored {
            value: b"files.example.net"
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
    assert_eq!(plan, {
        let mut p = base();
        p.file_server = FileServer::V4 {
            address: Ipv4Addr::new(192, 0, 2, 66),
            source: V4ServerSource::Option66,
        };
        p.log = log_entries(&[nul(66, None)]);
        p
    });
    assert_eq!(
        decisions(&plan),
        [Decision::TrailingNul {
            option: 66,
            suboption: None
        }]
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
fn r13_r33_siaddr_sname_file_are_logged_not_used() {
    let mut o = cat(&[
        &o43(&[&opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(150, &S150),
    ]);
    o.push(255);
    let mut msg = reply(&o);
    msg[20..24].copy_from_slice(&[192, 0, 2, 99]);
    msg[44..49].copy_from_slice(b"boot1");
    msg[108..115].copy_from_slice(b"pxe.img");
    let plan = resolve_msg(&msg).unwrap();
    assert_eq!(plan, {
        let mut p = base();
        p.image = None;
        p.ignored = {
            let mut i = IgnoredBuf::default();
            i.siaddr = Some(Ipv4Addr::new(192, 0, 2, 99));
            i.sname = Some(b"boot1".to_vec());
            i.file = Some(b"pxe.img".to_vec());
            i
        };
        p.log = log(&[
            DecisionKind::SiaddrIgnored,
            DecisionKind::SnameIgnored,
            DecisionKind::FileIgnored,
        ]);
        p
    });
    let d = decisions(&plan);
    assert_eq!(
        d,
        [
            Decision::SiaddrIgnored {
                address: Ipv4Addr::new(192, 0, 2, 99)
            },
            Decision::SnameIgnored { name: b"boot1" },
            Decision::FileIgnored { name: b"pxe.img" },
        ]
    );
    // R13: siaddr is not a file server; R33: sname and file are not read.
    let rules: Vec<Rule> = d.iter().map(|d| d.rule()).collect();
    assert_eq!(rules, [Rule(13), Rule(33), Rule(33)]);
}

#[test]
fn r3_r13_option_66_host_name_without_150_cannot_proceed() {
    let mut o = cat(&[&o43(&[&opt(1, b"sw.conf")]), &opt(66, b"files.example.net")]);
    o.push(255);
    let msg = reply(&o);
    let err = resolve_msg(&msg).unwrap_err();
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
    assert_eq!(plan, {
        let mut p = base();
        p.config = None;
        p
    });
    assert!(!plan.is_complete());
    assert!(!plan.as_plan().is_complete());
    let plan = resolve(&[
        &o43(&[&opt(1, b"sw.conf"), &opt(3, b"http")]),
        &opt(150, &S150),
    ])
    .unwrap();
    assert_eq!(plan, {
        let mut p = base();
        p.image = None;
        p
    });
    assert!(!plan.is_complete());
    assert!(base().is_complete());
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
    assert_eq!(plan, {
        let mut p = base();
        p.port = Some(PortPlan {
            port,
            source: PortSource::Suboption05,
        });
        p.log = log(&[DecisionKind::Suboption05Port]);
        p
    });
    assert_eq!(decisions(&plan), [Decision::Suboption05Port { port }]);
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
    assert_eq!(plan, {
        let mut p = base();
        p.ignored = {
            let mut i = IgnoredBuf::default();
            i.suboption05_server = Some(Ipv4Addr::new(192, 0, 2, 21));
            i
        };
        p.log = log(&[DecisionKind::Suboption05Server]);
        p
    });
    assert_eq!(
        decisions(&plan),
        [Decision::Suboption05Server {
            address: Ipv4Addr::new(192, 0, 2, 21)
        }]
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
    assert_eq!(plan, {
        let mut p = base();
        p.ntp_servers = vec![Ipv4Addr::new(192, 0, 2, 30), Ipv4Addr::new(192, 0, 2, 31)];
        p.syslog_servers = vec![Ipv4Addr::new(192, 0, 2, 20)];
        p.host_name = Some("sw-01".into());
        p.proxy = Some("192.0.2.80:3128".into());
        p.ignored = {
            let mut i = IgnoredBuf::default();
            i.other_servers = vec![Ipv4Addr::new(192, 0, 2, 11)];
            i
        };
        p.log = log(&[DecisionKind::ExtraFileServers]);
        p
    });
    let d = decisions(&plan);
    assert_eq!(
        d,
        [Decision::ExtraFileServers {
            addresses: Addresses::Decoded(&[Ipv4Addr::new(192, 0, 2, 11)])
        }]
    );
    assert_eq!(d[0].rule(), Rule(4));
    assert_eq!(
        d[0].to_string(),
        "option 150 lists more servers; the first is used (spec choice), ignored: 192.0.2.11"
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
    let lease = Lease::parse(ztp_options::samples::V4_ACK).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    assert_eq!(
        plan.image.unwrap().name,
        "junos-install-ex-x86-64-23.4R2.tgz"
    );
    assert_eq!(plan.family(), Family::V4);
    assert_eq!(plan.file_server.source_str(), "option-150");
    assert!(matches!(
        plan.file_server,
        FileServer::V4 {
            source: V4ServerSource::Option150,
            ..
        }
    ));
    assert_eq!(plan.ignored.option66, Some(&b"192.0.2.10"[..]));
    assert_eq!(
        plan.log.kinds().collect::<Vec<_>>(),
        [DecisionKind::Option66Ignored]
    );
    assert_eq!(
        plan.decisions().collect::<Vec<_>>(),
        [Decision::Option66Ignored {
            value: b"192.0.2.10"
        }]
    );
}

/// The DHCPv4 lease that fires the most log entries at once: no suboption
/// 03 (R11), 05 (a port, then an address), several 150 addresses (R4), 66
/// too (R12), 00 and 04 (R10), `siaddr`, `sname` and `file` set (R13), a
/// trailing NUL in every value the plan uses (R7: 00, 01, 02, 05, 08, 12;
/// 04's and 66's are in ignored values, kept as they came), bytes after
/// option 43's end code (R1), option 67 (R33), bytes after the message's
/// end option (R2), and a malformed 7 and 42 left out (R5).
#[test]
fn log_capacity_is_enough() {
    for (o05, choice) in [
        (&b"8080\0"[..], DecisionKind::Suboption05Port),
        (&b"192.0.2.21\0"[..], DecisionKind::Suboption05Server),
    ] {
        let mut o = cat(&[
            &o43(&[
                &opt(0, b"junos.tgz\0"),
                &opt(1, b"sw.conf\0"),
                &opt(2, b"symlink\0"),
                &opt(4, b"alt.tgz\0"),
                &opt(5, o05),
                &opt(8, b"192.0.2.80:3128\0"),
                // The end code, then two bytes that are not padding.
                &[255, 0x01, 0x02],
            ]),
            &opt(150, &[192, 0, 2, 10, 192, 0, 2, 11, 192, 0, 2, 12]),
            &opt(66, b"198.51.100.1\0"),
            // 3 and 5 bytes: not multiples of 4.
            &opt(7, &[192, 0, 2]),
            &opt(42, &[192, 0, 2, 30, 1]),
            &opt(12, b"sw-01\0"),
            // R33: option 67, not read.
            &opt(67, b"pxelinux.0"),
        ]);
        // R2: the end option, pad, then two bytes that are not pad.
        o.extend_from_slice(&[255, 0, 0x99, 0x98]);
        let mut msg = reply(&o);
        msg[20..24].copy_from_slice(&[192, 0, 2, 99]);
        msg[44..49].copy_from_slice(b"boot1");
        msg[108..115].copy_from_slice(b"pxe.img");
        let plan = resolve_msg(&msg).unwrap();
        let left_out = |option| ztp_options::Entry {
            kind: DecisionKind::OptionLeftOut,
            option: Some(option),
            suboption: None,
        };
        let expected: [ztp_options::Entry; 19] = [
            entry(DecisionKind::BytesAfterMessageEnd),
            nul(43, Some(0)),
            entry(DecisionKind::AltImageIgnored),
            nul(43, Some(1)),
            nul(43, Some(8)),
            nul(43, Some(2)),
            nul(43, Some(5)),
            entry(DecisionKind::BytesAfterEnd),
            entry(DecisionKind::DefaultTftp),
            entry(choice),
            entry(DecisionKind::ExtraFileServers),
            entry(DecisionKind::Option66Ignored),
            entry(DecisionKind::SiaddrIgnored),
            entry(DecisionKind::SnameIgnored),
            entry(DecisionKind::FileIgnored),
            entry(DecisionKind::Option67Ignored),
            left_out(7),
            left_out(42),
            nul(12, None),
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
        // And the data behind them: the ignored values, without their NUL
        // where they are text, raw for option 66.
        let server =
            (choice == DecisionKind::Suboption05Server).then(|| Ipv4Addr::new(192, 0, 2, 21));
        assert_eq!(plan.ignored, {
            let mut i = IgnoredBuf::default();
            i.alt_image = Some(b"alt.tgz".to_vec());
            i.option66 = Some(b"198.51.100.1\0".to_vec());
            i.other_servers = vec![Ipv4Addr::new(192, 0, 2, 11), Ipv4Addr::new(192, 0, 2, 12)];
            i.suboption05_server = server;
            i.siaddr = Some(Ipv4Addr::new(192, 0, 2, 99));
            i.sname = Some(b"boot1".to_vec());
            i.file = Some(b"pxe.img".to_vec());
            i.option67 = Some(b"pxelinux.0".to_vec());
            i.message_after_end = Some(ztp_options::v4::Trailing {
                offset: msg.len() - 2,
                len: 2,
            });
            i.after_end = Some(ztp_options::v4::Trailing {
                offset: plan.ignored.after_end.map_or(0, |t| t.offset),
                len: 2,
            });
            i.log_servers_left_out = plan.ignored.log_servers_left_out;
            i.ntp_servers_left_out = plan.ignored.ntp_servers_left_out;
            i
        });
        // R5: what is wrong with the options left out, and where.
        assert!(matches!(
            plan.ignored.log_servers_left_out.map(|e| e.kind()),
            Some(ztp_options::DecodeErrorKind::BadLength { len: 3, .. })
        ));
        assert!(matches!(
            plan.ignored.ntp_servers_left_out.map(|e| e.kind()),
            Some(ztp_options::DecodeErrorKind::BadLength { len: 5, .. })
        ));
        assert!(plan.ntp_servers.is_empty() && plan.syslog_servers.is_empty());
        assert_eq!(plan.port.is_some(), server.is_none());
        assert_eq!(plan.image.as_ref().unwrap().image_type, ImageType::Symlink);
        assert_eq!(plan.host_name.as_deref(), Some("sw-01"));
        assert_eq!(decisions(&plan).len(), expected.len());
    }
}

// ------------------------------------------------- SPEC's newer choices

/// The hex of an option, for the comments: `2b 0b 01 07 "jn.conf" ff ...`.
fn hex(bytes: &[u8]) -> Vec<u8> {
    let digits: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    common::hex(&digits)
}

#[test]
fn r1_bytes_after_option_43s_end_are_not_read_padding_silent_others_logged() {
    // 2b 0c | 01 07 "jn.conf" | ff 00 00: the end code, then padding.
    let padded = hex(&[&[43, 12, 1, 7][..], b"jn.conf", &[0xff, 0, 0]].concat());
    let plan = resolve(&[&padded, &opt(150, &S150)]).unwrap();
    assert!(!plan.log.contains(DecisionKind::BytesAfterEnd));
    assert_eq!(plan.ignored.after_end, None);
    // 2b 0c | 01 07 "jn.conf" | ff 41 42: two bytes that are not padding,
    // at message offsets 252 and 253 (the option's value starts at 242).
    let junk = hex(&[&[43, 12, 1, 7][..], b"jn.conf", &[0xff, 0x41, 0x42]].concat());
    let plan = resolve(&[&junk, &opt(150, &S150)]).unwrap();
    assert_eq!(plan.config.as_deref(), Some("jn.conf"));
    assert_eq!(
        plan.ignored.after_end,
        Some(ztp_options::v4::Trailing {
            offset: 252,
            len: 2
        })
    );
    let said: Vec<String> = plan.decisions().map(|d| d.to_string()).collect();
    assert!(
        said.contains(
            &"2 bytes after the end of option 43's suboptions at byte 252 not read (spec choice)"
                .to_owned()
        ),
        "{said:?}"
    );
    assert_eq!(DecisionKind::BytesAfterEnd.rule(), Rule(1));
}

#[test]
fn r5_a_malformed_7_42_or_12_is_reported_left_out_and_ztp_goes_on() {
    // 07 03 c0 00 02: three bytes, not a multiple of 4 (R4/R5);
    // 2a 04 c0 00 02 1e: a good NTP server;
    // 0c 04 "sw" 0a "1": a host name with a newline inside (R7).
    let plan = resolve(&[
        &o43(&[&opt(1, b"jn.conf")]),
        &opt(150, &S150),
        &hex(&[7, 3, 192, 0, 2]),
        &hex(&[42, 4, 192, 0, 2, 30]),
        &hex(&[12, 4, b's', b'w', 0x0a, b'1']),
    ])
    .unwrap();
    assert_eq!(plan.ntp_servers, [Ipv4Addr::new(192, 0, 2, 30)]);
    assert!(plan.syslog_servers.is_empty());
    assert_eq!(plan.host_name, None);
    let e7 = plan.ignored.log_servers_left_out.unwrap();
    // 240 + 11 (option 43) + 6 (150) = 257, the value at 259.
    assert_eq!(e7.place(), Place::option(Family::V4, 7, 259));
    assert_eq!(
        e7.kind(),
        DecodeErrorKind::BadLength {
            len: 3,
            expected: ztp_options::LengthRule::MultipleOf(4)
        }
    );
    let e12 = plan.ignored.host_name_left_out.unwrap();
    assert!(matches!(
        e12.kind(),
        DecodeErrorKind::ControlByte {
            byte: 0x0a,
            index: 2,
            ..
        }
    ));
    assert_eq!(plan.ignored.ntp_servers_left_out, None);
    let left: Vec<Option<u16>> = plan
        .log
        .entries()
        .filter(|e| e.kind == DecisionKind::OptionLeftOut)
        .map(|e| e.option)
        .collect();
    assert_eq!(left, [Some(7), Some(12)]);
    assert!(
        plan.decisions()
            .any(|d| d.to_string().starts_with("option 7 left out of the plan"))
    );
}

#[test]
fn r7_a_trailing_nul_in_02_03_05_is_reported_with_its_suboption() {
    // 02 08 "symlink" 00 | 03 05 "http" 00 | 05 05 "8080" 00, beside 01.
    let plan = resolve(&[
        &o43(&[
            &opt(1, b"jn.conf"),
            &hex(&[&[2, 8][..], b"symlink\0"].concat()),
            &hex(&[&[3, 5][..], b"http\0"].concat()),
            &hex(&[&[5, 5][..], b"8080\0"].concat()),
        ]),
        &opt(150, &S150),
    ])
    .unwrap();
    for sub in [2, 3, 5] {
        assert!(
            plan.log.entries().any(|x| x == nul(43, Some(sub))),
            "{sub}: {:?}",
            plan.log
        );
    }
    assert_eq!(plan.transfer_mode, TransferMode::Http);
    assert_eq!(plan.port.map(|p| p.port.get()), Some(8080));
}

#[test]
fn r4_the_first_of_several_150_addresses_is_a_choice_and_says_so() {
    let plan = resolve(&[
        &o43(&[&opt(1, b"jn.conf")]),
        &opt(150, &[192, 0, 2, 10, 192, 0, 2, 11]),
    ])
    .unwrap();
    let d = plan
        .decisions()
        .find(|d| d.kind() == DecisionKind::ExtraFileServers)
        .unwrap();
    assert_eq!(d.rule(), Rule(4));
    assert!(d.to_string().contains("(spec choice)"), "{d}");
}

#[test]
fn r2_bytes_after_the_message_end_are_logged_with_count_and_offset() {
    // The end option (255), pad, then 3 bytes that are not pad: the message
    // still decodes and resolves; the log says how many and where.
    let mut o = cat(&[&o43(&[&opt(1, b"sw.conf")]), &opt(150, &S150)]);
    o.extend_from_slice(&[255, 0, 0x13, 0x37, 0]);
    let msg = reply(&o);
    let plan = resolve_msg(&msg).unwrap();
    assert_eq!(plan.config.as_deref(), Some("sw.conf"));
    let at = msg.len() - 3;
    assert_eq!(
        plan.ignored.message_after_end,
        Some(ztp_options::v4::Trailing { offset: at, len: 3 })
    );
    assert_eq!(
        plan.log.get(0).unwrap().kind,
        DecisionKind::BytesAfterMessageEnd
    );
    let d = plan.decisions().next().unwrap();
    assert_eq!(d, Decision::BytesAfterMessageEnd { offset: at, len: 3 });
    assert_eq!(d.rule(), Rule(2));
    assert_eq!(d.kind().id(), "bytes-after-message-end");
    assert_eq!(
        d.to_string(),
        format!(
            "3 bytes after the message's end option at byte {at} not read, the message still \
             decodes (spec choice)"
        )
    );
    // Pad only: silent.
    let mut o = cat(&[&o43(&[&opt(1, b"sw.conf")]), &opt(150, &S150)]);
    o.extend_from_slice(&[255, 0, 0, 0]);
    let plan = resolve_msg(&reply(&o)).unwrap();
    assert!(!plan.log.contains(DecisionKind::BytesAfterMessageEnd));
    assert_eq!(plan.ignored.message_after_end, None);
}

#[test]
fn r2_a_message_with_bytes_after_its_end_that_cannot_proceed_still_decodes() {
    // No 150 nor 66: the verdict is R13's, not a decode error.
    let mut o = o43(&[&opt(1, b"sw.conf")]);
    o.extend_from_slice(&[255, 1, 2, 3]);
    let msg = reply(&o);
    assert_eq!(resolve_msg(&msg), Err(CannotProceed::NoFileServer));
}

#[test]
fn r33_option_67_is_shown_and_logged_not_used() {
    let plan = resolve(&[
        &o43(&[&opt(1, b"sw.conf")]),
        &opt(150, &S150),
        &opt(67, b"pxelinux.0"),
    ])
    .unwrap();
    assert_eq!(plan.ignored.option67.as_deref(), Some(&b"pxelinux.0"[..]));
    let d: Vec<Decision<'_>> = plan
        .decisions()
        .filter(|d| d.kind() == DecisionKind::Option67Ignored)
        .collect();
    assert_eq!(
        d,
        [Decision::Option67Ignored {
            value: b"pxelinux.0"
        }]
    );
    assert_eq!(d[0].rule(), Rule(33));
    assert_eq!(d[0].kind().id(), "option-67-ignored");
    assert_eq!(
        d[0].to_string(),
        "option 67 (boot file name) \"pxelinux.0\" not used by juniper ztp: it reads file names \
         from option 43 suboptions 00/01"
    );
    // The plan sends it again (as option 66 under R12), so the device
    // ignores it again: encode, decode, resolve gives the same plan.
    let back = ztp_options::resolve_v4_options(&plan.to_v4_options().unwrap()).unwrap();
    assert_eq!(back, plan);
    // sname and file are R33's too; siaddr stays R13's.
    assert_eq!(DecisionKind::SnameIgnored.rule(), Rule(33));
    assert_eq!(DecisionKind::FileIgnored.rule(), Rule(33));
    assert_eq!(DecisionKind::SiaddrIgnored.rule(), Rule(13));
}

#[test]
fn r33_an_empty_option_67_is_still_shown() {
    let plan = resolve(&[
        &o43(&[&opt(1, b"sw.conf")]),
        &opt(150, &S150),
        &opt(67, b""),
    ])
    .unwrap();
    assert_eq!(plan.ignored.option67.as_deref(), Some(&b""[..]));
    assert!(plan.log.contains(DecisionKind::Option67Ignored));
}
