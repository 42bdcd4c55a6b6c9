//! Generated names (a fixed-seed generator, no dependencies): no input
//! panics, every target parses back to itself, and the rules hold on all.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use common::{cases, plan, with_config, with_port};
use ztp_fetch_url::{HTTP_URL_LIMIT, PortSource, Target, UrlOrigin, fetch_plan, split_port_suffix};
use ztp_options::{Family, PortSource as PlanPort, TransferMode};

/// xorshift64*: deterministic, good enough to mix.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

const PIECES: &[&str] = &[
    "/", "/", "a", "conf", ".", "..", ":", ":", "8088", "0", "65536", "1", "::", "2001", "db8",
    "fe80", "%", "%2e", " ", "?", "#", "@", "\\", "[", "]", "é", "\u{7f}", "\t", "-", "~", "x",
];

fn name(g: &mut Gen) -> String {
    let len = g.below(40);
    (0..len).map(|_| PIECES[g.below(PIECES.len())]).collect()
}

#[test]
fn r19_r20_r21_r22_r23_hold_on_20000_generated_names() {
    let mut g = Gen(0x5eed_d3f0_d6dc);
    let mut built = 0;
    for i in 0..cases(20_000) {
        let family = if i % 3 == 0 { Family::V6 } else { Family::V4 };
        let mode = TransferMode::ALL[g.below(4)];
        let n = name(&mut g);
        let mut p = with_config(plan(family, mode), &n);
        if g.below(3) == 0 {
            p = with_port(p, 8080, PlanPort::Suboption05);
        }
        let split = split_port_suffix(&n);
        let Ok(t) = fetch_plan(&p).config.unwrap() else {
            continue;
        };
        built += 1;
        // R19: the suffix is the port only in DHCPv4 with HTTP(S).
        let suffix = split.unwrap().port();
        let uses_suffix =
            family == Family::V4 && matches!(mode, TransferMode::Http | TransferMode::Https);
        if uses_suffix && let Some(s) = suffix {
            assert_eq!((t.port(), t.port_source()), (s.get(), PortSource::Suffix));
        } else {
            assert_ne!(t.port_source(), PortSource::Suffix, "{n:?}");
        }
        // R21.
        if matches!(mode, TransferMode::Http | TransferMode::Https) {
            assert!(t.as_str().len() <= HTTP_URL_LIMIT);
        }
        // R22, R23.
        assert_eq!(t.to_url().unwrap().username(), "");
        assert_eq!(t.to_url().unwrap().password(), None);
        // One parser for everything: the URL reads back to itself.
        let back = Target::parse(t.as_str(), t.kind(), UrlOrigin::User)
            .unwrap_or_else(|e| panic!("{n:?} -> {} -> {e}", t.as_str()));
        assert_eq!(back.as_str(), t.as_str(), "{n:?}");
        assert_eq!((back.server(), back.port()), (t.server(), t.port()));
    }
    assert!(cfg!(miri) || built > 10_000, "{built}");
}

#[test]
fn r9_parse_never_panics_on_generated_text() {
    let mut g = Gen(42);
    let heads = [
        "http://",
        "https://",
        "ftp://",
        "tftp://",
        "sftp://",
        "http://[",
        "tftp://192.0.2.1",
        "",
        "http://u@",
    ];
    for _ in 0..cases(20_000) {
        let s = format!("{}{}", heads[g.below(heads.len())], name(&mut g));
        match Target::parse(&s, ztp_fetch_url::TargetKind::Config, UrlOrigin::User) {
            Ok(t) => {
                assert!(matches!(
                    t.port_source(),
                    PortSource::Url | PortSource::Default
                ));
            }
            Err(e) => {
                let _ = (e.rule(), e.to_string());
            }
        }
    }
}
