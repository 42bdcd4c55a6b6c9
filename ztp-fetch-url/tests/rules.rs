//! One test (or more) per rule: R16, R19..R23, R30, each named after it.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use std::net::IpAddr;

use common::{
    SEED, V4_SERVER, V6_SERVER, plan, port, v4_config, v6_config, with_config, with_image,
    with_port,
};
use ztp_fetch_url::{
    Error, HTTP_URL_LIMIT, Note, PortSource, PortSuffix, Target, TargetKind, fetch_plan,
    split_port_suffix,
};
use ztp_options::{Family, ImageSource, ImageType, PortSource as PlanPort, Rule, TransferMode};

fn config(p: &ztp_options::Plan<'_>) -> Result<Target, Error> {
    fetch_plan(p).config.unwrap()
}

// ---- R19: the :port suffix ----

#[test]
fn r19_suffix_is_the_port_with_http_and_https() {
    for mode in [TransferMode::Http, TransferMode::Https] {
        let t = config(&v4_config(mode, SEED)).unwrap();
        assert_eq!(t.port(), 8088);
        assert_eq!(t.port_source(), PortSource::Suffix);
        assert_eq!(
            t.path(),
            "/dist/config/jn-switch35.config",
            "the suffix is not part of the path"
        );
        assert_eq!(t.to_url().unwrap().port(), Some(8088));
    }
}

#[test]
fn r19_suffix_is_ignored_with_ftp_and_tftp_and_the_notes_say_so() {
    for mode in [TransferMode::Ftp, TransferMode::Tftp] {
        let t = config(&v4_config(mode, SEED)).unwrap();
        assert_eq!(t.port(), mode.default_port());
        assert_eq!(t.port_source(), PortSource::Default);
        assert_eq!(
            t.as_str(),
            format!("{mode}://192.0.2.10/dist/config/jn-switch35.config")
        );
        let note = Note::SuffixIgnored {
            port: port(8088),
            mode,
        };
        assert!(t.notes().contains(&note), "{:?}", t.notes());
        assert_eq!(note.rule(), Some(Rule(19)));
        assert_eq!(
            note.to_string(),
            format!(
                "the name's :8088 suffix is ignored: {mode} does not take it (only http and https do)"
            )
        );
    }
}

#[test]
fn r19_only_trailing_ascii_digits_after_the_last_colon_count() {
    let cases = [
        ("/dist/a.conf", "/dist/a.conf", None),
        ("a:b/c", "a:b/c", None),
        ("a:8/c", "a:8/c", None),
        ("/a.conf:", "/a.conf:", None),
        ("/a.conf:8o8", "/a.conf:8o8", None),
        ("/a.conf:-1", "/a.conf:-1", None),
        ("/a:1:2", "/a:1", Some(2)),
        ("x:21", "x", Some(21)),
    ];
    for (name, path, p) in cases {
        let s = split_port_suffix(name).unwrap();
        assert_eq!((s.path(), s.port().map(|p| p.get())), (path, p), "{name:?}");
    }
}

#[test]
fn r19_an_ipv6_looking_tail_is_part_of_the_name() {
    for name in [
        "/cfg/2001:db8::1",
        "/cfg/fe80::8088",
        "::1",
        "1:2:3:4:5:6:7:8",
    ] {
        assert_eq!(
            split_port_suffix(name).unwrap(),
            PortSuffix::Ipv6Tail { path: name }
        );
        let t = config(&v4_config(TransferMode::Http, name)).unwrap();
        assert_eq!(t.port_source(), PortSource::Default);
        assert!(t.notes().contains(&Note::Ipv6Tail { name: name.into() }));
    }
    // With something after the address, the suffix counts again.
    let t = config(&v4_config(TransferMode::Http, "/cfg/2001:db8::1.conf:8088")).unwrap();
    assert_eq!(t.as_str(), "http://192.0.2.10:8088/cfg/2001:db8::1.conf");
}

#[test]
fn r19_a_port_out_of_range_is_an_error_carrying_the_value_in_every_mode() {
    for mode in TransferMode::ALL {
        for (name, value) in [("/a.conf:0", "0"), ("/a.conf:65536", "65536")] {
            let err = config(&v4_config(mode, name)).unwrap_err();
            assert_eq!(
                err,
                Error::BadPortSuffix {
                    value: value.into(),
                    name: name.into()
                }
            );
            assert_eq!(err.rule(), Rule(19));
            assert_eq!(
                err.to_string(),
                format!("port suffix {value:?} of {name:?} is not a port in 1..=65535")
            );
        }
    }
}

#[test]
fn r19_one_bad_name_does_not_hide_the_other() {
    let p = with_image(
        v4_config(TransferMode::Http, "/a.conf:0"),
        "junos.tgz",
        ImageSource::Suboption00,
        ImageType::File,
    );
    let f = fetch_plan(&p);
    assert_eq!(
        f.image.as_ref().unwrap().as_ref().unwrap().as_str(),
        "http://192.0.2.10/junos.tgz"
    );
    assert!(f.config.as_ref().unwrap().is_err());
    assert_eq!(f.targets().count(), 1);
    assert_eq!(f.errors().count(), 1);
}

// ---- R20: DHCPv4 port precedence ----

#[test]
fn r20_default_port_per_transfer_mode() {
    for (mode, default) in [
        (TransferMode::Tftp, 69),
        (TransferMode::Ftp, 21),
        (TransferMode::Http, 80),
        (TransferMode::Https, 443),
    ] {
        let t = config(&v4_config(mode, "/a.conf")).unwrap();
        assert_eq!(t.port(), default);
        assert_eq!(t.port_source(), PortSource::Default);
        assert_eq!(
            t.to_url().unwrap().port(),
            None,
            "the default port is not written"
        );
        assert!(t.notes().contains(&Note::Port {
            port: default,
            from: PortSource::Default,
            family: Family::V4
        }));
    }
}

#[test]
fn r20_suffix_beats_suboption_05_which_beats_the_default() {
    let base = |name| {
        with_port(
            v4_config(TransferMode::Http, name),
            8080,
            PlanPort::Suboption05,
        )
    };
    // Suffix and suboption 05: the suffix wins, and the note says what lost.
    let t = config(&base("/a.conf:8088")).unwrap();
    assert_eq!((t.port(), t.port_source()), (8088, PortSource::Suffix));
    assert!(t.notes().contains(&Note::PortOverridden {
        port: port(8080),
        from: PortSource::Suboption05
    }));
    let note = t
        .notes()
        .iter()
        .find(|n| matches!(n, Note::Port { .. }))
        .unwrap();
    assert_eq!(note.rule(), Some(Rule(20)));
    assert_eq!(note.to_string(), "port 8088 from the name's :port suffix");
    // Suboption 05 alone.
    let t = config(&base("/a.conf")).unwrap();
    assert_eq!((t.port(), t.port_source()), (8080, PortSource::Suboption05));
    assert_eq!(t.as_str(), "http://192.0.2.10:8080/a.conf");
    // Neither.
    let t = config(&v4_config(TransferMode::Http, "/a.conf")).unwrap();
    assert_eq!((t.port(), t.port_source()), (80, PortSource::Default));
}

#[test]
fn r20_with_ftp_or_tftp_suboption_05_is_next_after_the_ignored_suffix() {
    let p = with_port(
        v4_config(TransferMode::Tftp, SEED),
        6969,
        PlanPort::Suboption05,
    );
    let t = config(&p).unwrap();
    assert_eq!(
        t.as_str(),
        "tftp://192.0.2.10:6969/dist/config/jn-switch35.config"
    );
    assert_eq!(t.port_source(), PortSource::Suboption05);
}

#[test]
fn r20_r16_a_plan_port_comes_from_suboption_05_or_option_59_only() {
    // The plan's port sources are the two R20 and R16 name (a port from
    // anywhere else cannot be written); each is the target's source of the
    // same name when it wins.
    for (from, want, family, rule) in [
        (
            PlanPort::Suboption05,
            PortSource::Suboption05,
            Family::V4,
            20,
        ),
        (
            PlanPort::Suboption05,
            PortSource::Suboption05,
            Family::V6,
            16,
        ),
        (PlanPort::Option59, PortSource::Option59, Family::V6, 16),
    ] {
        assert_eq!(PortSource::from(from), want);
        assert_eq!(from.as_str(), want.as_str());
        let t = config(&with_port(
            with_config(plan(family, TransferMode::Http), "/a"),
            8080,
            from,
        ))
        .unwrap();
        assert_eq!((t.port(), t.port_source()), (8080, want));
        let note = Note::Port {
            port: 8080,
            from: want,
            family,
        };
        assert!(t.notes().contains(&note), "{:?}", t.notes());
        assert_eq!(note.rule(), Some(Rule(rule)));
    }
}

// ---- R16: DHCPv6 port precedence ----

#[test]
fn r16_suboption_05_then_option_59_then_the_default() {
    let name = "/cfg/sw.conf";
    let t = config(&with_port(
        v6_config(TransferMode::Http, name),
        8443,
        PlanPort::Suboption05,
    ))
    .unwrap();
    assert_eq!((t.port(), t.port_source()), (8443, PortSource::Suboption05));
    let t = config(&with_port(
        v6_config(TransferMode::Http, name),
        8080,
        PlanPort::Option59,
    ))
    .unwrap();
    assert_eq!((t.port(), t.port_source()), (8080, PortSource::Option59));
    assert_eq!(t.as_str(), "http://[2001:db8::1]:8080/cfg/sw.conf");
    let note = Note::Port {
        port: 8080,
        from: PortSource::Option59,
        family: Family::V6,
    };
    assert!(t.notes().contains(&note));
    assert_eq!(note.rule(), Some(Rule(16)));
    let t = config(&v6_config(TransferMode::Https, name)).unwrap();
    assert_eq!((t.port(), t.port_source()), (443, PortSource::Default));
}

#[test]
fn r16_choice_in_dhcpv6_the_suffix_is_cut_but_never_a_port() {
    let p = with_port(
        v6_config(TransferMode::Http, SEED),
        8080,
        PlanPort::Option59,
    );
    let t = config(&p).unwrap();
    assert_eq!(
        t.as_str(),
        "http://[2001:db8::1]:8080/dist/config/jn-switch35.config"
    );
    assert_eq!(t.port_source(), PortSource::Option59);
    let note = Note::SuffixIgnoredV6 { port: port(8088) };
    assert!(t.notes().contains(&note));
    assert_eq!(note.rule(), Some(Rule(16)));
    assert!(note.to_string().contains("(choice)"));
}

#[test]
fn r16_an_image_from_option_59_is_a_url_path_not_split() {
    // resolve_v6 puts option 59's raw path in the plan (R15).
    let p = with_port(
        with_image(
            plan(Family::V6, TransferMode::Http),
            "/img/junos%2Dlatest.tgz:8088",
            ImageSource::Option59,
            ImageType::Symlink,
        ),
        8080,
        PlanPort::Option59,
    );
    let t = fetch_plan(&p).image.unwrap().unwrap();
    assert_eq!(
        t.as_str(),
        "http://[2001:db8::1]:8080/img/junos%2Dlatest.tgz:8088"
    );
    assert_eq!(
        t.kind(),
        TargetKind::Image {
            image_type: ImageType::Symlink
        }
    );
    assert!(
        !t.notes()
            .iter()
            .any(|n| matches!(n, Note::SuffixIgnoredV6 { .. } | Note::JoinedToRoot { .. }))
    );
}

// ---- R21, R30: the 256-character limit ----

#[test]
fn r21_an_http_url_over_256_characters_is_an_error_with_length_and_limit() {
    // "http://192.0.2.10/" is 18 characters.
    for (mode, prefix) in [
        (TransferMode::Http, "http://192.0.2.10/"),
        (TransferMode::Https, "https://192.0.2.10/"),
    ] {
        let fits = "a".repeat(HTTP_URL_LIMIT - prefix.len());
        let t = config(&v4_config(mode, &fits)).unwrap();
        assert_eq!(t.as_str().len(), 256);
        let name = format!("{fits}b");
        let err = config(&v4_config(mode, &name)).unwrap_err();
        let url = format!("{prefix}{name}");
        assert_eq!(
            err,
            Error::TooLong {
                len: 257,
                limit: 256,
                mode,
                url: url.clone()
            },
            "never truncated: the error holds the whole url"
        );
        assert_eq!(err.rule(), Rule(21));
        assert_eq!(
            err.to_string(),
            format!("{mode} url of 257 characters is longer than the 256-character limit: {url}")
        );
    }
}

#[test]
fn r21_the_count_is_the_serialised_url_after_encoding_and_port() {
    // 200 characters of name, 3 of them spaces (%20: 9 characters).
    let name = format!("/{}   ", "a".repeat(196));
    assert_eq!(name.len(), 200);
    let t = config(&v4_config(TransferMode::Http, &name)).unwrap();
    assert_eq!(t.as_str().len(), 17 + 197 + 9);
    // The same name with a :port suffix: ":8088" is counted too.
    let name = format!("/{}:8088", "a".repeat(234));
    let err = config(&v4_config(TransferMode::Http, &name)).unwrap_err();
    assert!(matches!(err, Error::TooLong { len: 257, .. }), "{err}");
    // An IPv6 server in brackets counts its brackets: "http://[2001:db8::1]/"
    // is 21 characters.
    let name = format!("/{}", "a".repeat(236));
    let err = config(&v6_config(TransferMode::Http, &name)).unwrap_err();
    assert!(matches!(err, Error::TooLong { len: 257, .. }), "{err}");
}

#[test]
fn r30_tftp_and_ftp_have_no_stated_limit() {
    let name = format!("/{}", "x".repeat(4000));
    for mode in [TransferMode::Tftp, TransferMode::Ftp] {
        let t = config(&v4_config(mode, &name)).unwrap();
        assert!(t.as_str().len() > 4000);
    }
}

#[test]
fn r30_a_tftp_plan_notes_that_ftp_or_http_are_recommended() {
    let f = fetch_plan(&v4_config(TransferMode::Tftp, "/a.conf"));
    assert_eq!(f.notes, [Note::TftpNotRecommended]);
    assert_eq!(Note::TftpNotRecommended.rule(), Some(Rule(30)));
    for mode in [TransferMode::Ftp, TransferMode::Http, TransferMode::Https] {
        assert!(fetch_plan(&v4_config(mode, "/a.conf")).notes.is_empty());
    }
}

// ---- R22: IP literal, IPv6 in brackets ----

#[test]
fn r22_ipv6_servers_are_written_in_brackets() {
    for mode in TransferMode::ALL {
        let t = config(&v6_config(mode, "/a.conf")).unwrap();
        assert_eq!(t.as_str(), format!("{mode}://[2001:db8::1]/a.conf"));
        assert_eq!(t.server(), IpAddr::V6(V6_SERVER));
        let t = config(&v4_config(mode, "/a.conf")).unwrap();
        assert_eq!(t.server(), IpAddr::V4(V4_SERVER));
    }
}

// ---- R23: anonymous FTP ----

#[test]
fn r23_ftp_urls_carry_no_user_or_password_and_say_why() {
    let t = config(&v4_config(TransferMode::Ftp, SEED)).unwrap();
    assert_eq!(t.to_url().unwrap().username(), "");
    assert_eq!(t.to_url().unwrap().password(), None);
    assert!(!t.as_str().contains('@'));
    assert!(t.notes().contains(&Note::AnonymousFtp));
    assert_eq!(Note::AnonymousFtp.rule(), Some(Rule(23)));
    // Only FTP gets the note.
    let t = config(&v4_config(TransferMode::Http, SEED)).unwrap();
    assert!(!t.notes().contains(&Note::AnonymousFtp));
}

#[test]
fn r23_an_at_sign_in_a_name_is_a_path_character_not_a_login() {
    let t = config(&v4_config(TransferMode::Ftp, "ops@site/a.conf")).unwrap();
    assert_eq!(t.as_str(), "ftp://192.0.2.10/ops@site/a.conf");
    assert_eq!(t.to_url().unwrap().username(), "");
}

// ---- Choices: joining, encoding, dot segments ----

#[test]
fn choice_a_name_without_a_leading_slash_is_joined_to_the_server_root() {
    let t = config(&v4_config(TransferMode::Http, "sw.conf:8088")).unwrap();
    assert_eq!(t.as_str(), "http://192.0.2.10:8088/sw.conf");
    assert!(t.notes().contains(&Note::JoinedToRoot {
        name: "sw.conf".into()
    }));
    assert_eq!(Note::JoinedToRoot { name: "x".into() }.rule(), None);
    // "a:b/c" would be a URL with scheme "a" if joined as a relative URL.
    let t = config(&v4_config(TransferMode::Http, "a:b/c")).unwrap();
    assert_eq!(t.as_str(), "http://192.0.2.10/a:b/c");
    // With a leading slash, no note.
    let t = config(&v4_config(TransferMode::Http, "/sw.conf")).unwrap();
    assert!(
        !t.notes()
            .iter()
            .any(|n| matches!(n, Note::JoinedToRoot { .. }))
    );
}

#[test]
fn choice_dot_segments_are_resolved_and_noted() {
    let t = config(&v4_config(TransferMode::Tftp, "/ztp/../etc/./sw.conf")).unwrap();
    assert_eq!(t.as_str(), "tftp://192.0.2.10/etc/sw.conf");
    assert!(t.notes().contains(&Note::PathNormalised {
        path: "/ztp/../etc/./sw.conf".into(),
        url_path: "/etc/sw.conf".into()
    }));
}

#[test]
fn notes_come_in_the_order_the_rules_ran() {
    let p = with_port(
        with_config(plan(Family::V4, TransferMode::Ftp), "sw.conf:2121"),
        2100,
        PlanPort::Suboption05,
    );
    let t = config(&p).unwrap();
    assert_eq!(
        t.notes(),
        [
            Note::SuffixIgnored {
                port: port(2121),
                mode: TransferMode::Ftp
            },
            Note::Port {
                port: 2100,
                from: PortSource::Suboption05,
                family: Family::V4
            },
            Note::JoinedToRoot {
                name: "sw.conf".into()
            },
            Note::AnonymousFtp,
        ]
    );
}
