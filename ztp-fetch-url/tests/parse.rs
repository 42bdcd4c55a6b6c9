//! Parsing URLs back into targets (option 59 and user input), and serde.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use common::{SEED, v4_config, v6_config};
use ztp_fetch_url::{Error, Note, PortSource, Target, TargetKind, UrlOrigin, fetch_plan};
use ztp_options::{ImageType, Rule, TransferMode};

const IMAGE: TargetKind = TargetKind::Image {
    image_type: ImageType::File,
};

fn parse(s: &str) -> Result<Target, Error> {
    Target::parse(s, TargetKind::Config, UrlOrigin::User)
}

#[test]
fn r16_option_59_port_is_reported_as_option_59() {
    let t = Target::parse(
        "http://[2001:db8::1]:8080/img/junos.tgz",
        IMAGE,
        UrlOrigin::Option59,
    )
    .unwrap();
    assert_eq!(t.as_str(), "http://[2001:db8::1]:8080/img/junos.tgz");
    assert_eq!((t.port(), t.port_source()), (8080, PortSource::Option59));
    assert_eq!(t.kind(), IMAGE);
    let t = parse("http://[2001:db8::1]:8080/img/junos.tgz").unwrap();
    assert_eq!(t.port_source(), PortSource::Url);
    let t = parse("http://[2001:db8::1]/img/junos.tgz").unwrap();
    assert_eq!((t.port(), t.port_source()), (80, PortSource::Default));
}

#[test]
fn r20_an_explicit_default_port_is_dropped_for_every_mode() {
    for (s, want) in [
        ("tftp://192.0.2.1:69/a", "tftp://192.0.2.1/a"),
        ("ftp://192.0.2.1:21/a", "ftp://192.0.2.1/a"),
        ("http://192.0.2.1:80/a", "http://192.0.2.1/a"),
        ("https://192.0.2.1:443/a", "https://192.0.2.1/a"),
        ("tftp://[2001:db8::1]:6969/a", "tftp://[2001:db8::1]:6969/a"),
    ] {
        let t = parse(s).unwrap();
        assert_eq!(t.as_str(), want);
    }
    assert_eq!(
        parse("tftp://192.0.2.1:69/a").unwrap().port_source(),
        PortSource::Default
    );
}

#[test]
fn r22_host_names_are_errors_and_ip_literals_are_servers() {
    for (s, host) in [
        ("http://files.example/a.conf", "files.example"),
        ("tftp://tftp-server/a.conf", "tftp-server"),
        ("ftp://localhost/a.conf", "localhost"),
    ] {
        let err = parse(s).unwrap_err();
        assert_eq!(err, Error::HostName { value: host.into() });
        assert_eq!(err.rule(), Rule(22));
    }
    assert_eq!(
        parse("tftp://192.0.2.1/a").unwrap().server().to_string(),
        "192.0.2.1"
    );
    assert_eq!(
        parse("tftp:///a").unwrap_err(),
        Error::NoServer {
            url: "tftp:///a".into()
        }
    );
}

#[test]
fn r23_credentials_are_rejected_in_every_mode() {
    for s in [
        "ftp://anonymous@192.0.2.1/a",
        "ftp://ops:secret@192.0.2.1/a",
        "http://ops@192.0.2.1/a",
        "tftp://ops@192.0.2.1/a",
    ] {
        let err = parse(s).unwrap_err();
        assert_eq!(err, Error::Credentials { url: s.into() });
        assert_eq!(err.rule(), Rule(23));
    }
    let t = parse("ftp://192.0.2.1/a").unwrap();
    assert_eq!(t.notes(), [Note::AnonymousFtp]);
}

#[test]
fn r21_a_parsed_http_url_over_256_characters_is_an_error() {
    let s = format!("https://[2001:db8::1]/{}", "a".repeat(256));
    let err = parse(&s).unwrap_err();
    assert!(matches!(err, Error::TooLong { limit: 256, .. }));
    let s = format!("tftp://[2001:db8::1]/{}", "a".repeat(256));
    assert!(parse(&s).is_ok());
}

#[test]
fn r9_other_bad_urls() {
    assert_eq!(
        parse("sftp://192.0.2.1/a").unwrap_err(),
        Error::UnsupportedScheme {
            value: "sftp".into()
        }
    );
    assert_eq!(
        parse("http://192.0.2.1:0/a").unwrap_err(),
        Error::ZeroPort {
            url: "http://192.0.2.1:0/a".into()
        }
    );
    assert!(matches!(
        parse("http://192.0.2.1:65536/a"),
        Err(Error::BadUrl { .. })
    ));
    assert!(matches!(parse("/dist/a.conf"), Err(Error::BadUrl { .. })));
    assert!(matches!(
        parse("http://[2001:db8::1/a"),
        Err(Error::BadUrl { .. })
    ));
    for s in ["http://192.0.2.1", "http://192.0.2.1/", "tftp://192.0.2.1"] {
        assert_eq!(parse(s).unwrap_err(), Error::EmptyName { name: s.into() });
    }
    for e in [
        parse("sftp://192.0.2.1/a").unwrap_err(),
        parse("/a").unwrap_err(),
    ] {
        assert_eq!(e.rule(), Rule(9));
    }
}

#[test]
fn r19_a_colon_port_in_a_url_path_stays_in_the_path() {
    let t = parse("http://192.0.2.1/a.conf:8088").unwrap();
    assert_eq!(t.port(), 80);
    assert_eq!(t.path(), "/a.conf:8088");
}

#[test]
fn r16_r19_targets_from_plans_parse_back_to_the_same_url() {
    for mode in TransferMode::ALL {
        for p in [v4_config(mode, SEED), v6_config(mode, SEED)] {
            let built = fetch_plan(&p).config.unwrap().unwrap();
            let back = Target::parse(built.as_str(), built.kind(), UrlOrigin::User).unwrap();
            assert_eq!(back.as_str(), built.as_str());
            assert_eq!(
                (back.mode(), back.server(), back.port()),
                (built.mode(), built.server(), built.port())
            );
        }
    }
}

#[cfg(feature = "serde")]
mod serde_tests {
    use super::*;

    #[test]
    fn serde_a_fetch_plan_round_trips_through_json() {
        let p = v4_config(TransferMode::Http, SEED);
        let mut p = p;
        p.image = Some(ztp_options::ImagePlan {
            name: "/a.tgz:0",
            image_type: ImageType::Symlink,
            source: ztp_options::ImageSource::Suboption00,
        });
        let f = fetch_plan(&p);
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains(r#""url":"http://192.0.2.10:8088/dist/config/jn-switch35.config""#));
        assert!(json.contains(r#""port_source":"suffix""#));
        assert!(json.contains(r#""error":"bad-port-suffix""#));
        let back: ztp_fetch_url::FetchPlan = serde_json::from_str(&json).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn serde_a_notes_id_is_its_serde_tag() {
        // Notes of many generated plans (and a few hand-made names that
        // give the rarer notes): Note::id, which ztp explain's JSON Lines
        // print, is the tag serde writes.
        let mut seen = std::collections::BTreeSet::new();
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for i in 0..super::common::cases(4_000) {
            let data: Vec<u8> = (0..256)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            let mut u = arbitrary::Unstructured::new(&data);
            let plan = if i % 2 == 0 {
                ztp_options::PlanBuf::arbitrary_v4(&mut u)
            } else {
                ztp_options::PlanBuf::arbitrary_v6(&mut u)
            };
            let Ok(mut plan) = plan else { continue };
            if i % 5 == 0 {
                plan.config =
                    Some(["a/../b.conf", "c.conf:8080", "/cfg/2001:db8::1"][i % 3].into());
            }
            let f = fetch_plan(&plan.as_plan());
            let notes = f
                .notes
                .iter()
                .chain(f.targets().flat_map(|t| t.notes().iter()));
            for n in notes {
                let v = serde_json::to_value(n).unwrap();
                assert_eq!(v["note"], n.id(), "{n:?}");
                seen.insert(n.id());
            }
        }
        assert!(cfg!(miri) || seen.len() >= 7, "{seen:?}");
    }

    #[test]
    fn serde_a_target_whose_fields_disagree_with_its_url_is_rejected() {
        let t = parse("http://192.0.2.1:8080/a").unwrap();
        let mut v = serde_json::to_value(&t).unwrap();
        v["port"] = 8081.into();
        let err = serde_json::from_value::<Target>(v).unwrap_err();
        assert!(err.to_string().contains("the port of the target"), "{err}");
        let mut v = serde_json::to_value(&t).unwrap();
        v["url"] = "http://files.example/a".into();
        assert!(serde_json::from_value::<Target>(v).is_err());
    }
}
