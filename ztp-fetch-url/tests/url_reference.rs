//! The URL writer of `fetch_plan` against the `url` crate: on generated
//! plans (`PlanBuf::arbitrary_v4/v6`) and on names and servers drawn from
//! the characters and addresses where URL serialisation has rules (dot
//! segments, `%2e`, `\`, `?`, `#`, tabs, non-ASCII, drive letters, IPv6
//! compression and IPv4-mapped addresses), every fetch plan is the same
//! whether its URLs are written from the parts or built through
//! `url::Url` (`fetch_plan_via_url_crate`), and every URL written parses
//! back to itself. Runs with the `url-reference` feature
//! (`required-features`, so it is never silently empty).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use arbitrary::Unstructured;
use url::Url;
use ztp_fetch_url::{FetchPlan, fetch_plan, fetch_plan_via_url_crate};
use ztp_options::{
    FileServer, ImageBuf, ImageSource, ImageType, PlanBuf, TransferMode, V4ServerSource,
};

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn agree(plan: &PlanBuf, what: &str) -> FetchPlan {
    let p = plan.as_plan();
    let fast = fetch_plan(&p);
    let reference = fetch_plan_via_url_crate(&p);
    assert_eq!(fast, reference, "{what}: {plan:?}");
    for t in fast.targets() {
        let parsed = Url::parse(t.as_str()).unwrap();
        assert_eq!(parsed.as_str(), t.as_str(), "{what}: parses back to itself");
        assert_eq!(parsed.path(), t.path(), "{what}: the path");
        assert_eq!(t.to_url().unwrap(), parsed);
    }
    fast
}

#[test]
fn r19_r22_the_url_writer_agrees_with_the_url_crate_on_generated_plans() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut targets = 0usize;
    for i in 0..common::cases(20_000) {
        let data = rng.bytes(512);
        let mut u = Unstructured::new(&data);
        let plan = if i % 2 == 0 {
            PlanBuf::arbitrary_v4(&mut u)
        } else {
            PlanBuf::arbitrary_v6(&mut u)
        };
        let Ok(plan) = plan else { continue };
        targets += agree(&plan, "generated").targets().count();
    }
    // The generator must have produced URLs, not only errors.
    assert!(cfg!(miri) || targets > 10_000, "{targets} targets");
}

const TRICKY: &[&str] = &[
    "a", "b", "/", "/", "/", ".", "..", "%2e", "%2E", "%", "2", "e", "\\", "?", "#", " ", "\t",
    "\n", "\r", "é", "€", "C:", "c|", ":", "|", "{", "}", "`", "\"", "<", ">", "\u{7f}", "\u{1}",
    "~", "@", "&", "'", "^", "[", "]", ";", "=", "+", ",", "!", "$", "*", "(", ")",
];

fn servers() -> Vec<IpAddr> {
    let v6 = |s: &str| IpAddr::V6(s.parse::<Ipv6Addr>().unwrap());
    vec![
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)),
        IpAddr::V4(Ipv4Addr::new(0, 0, 0, 0)),
        IpAddr::V4(Ipv4Addr::new(255, 255, 255, 255)),
        v6("2001:db8::1"),
        v6("::"),
        v6("::1"),
        v6("1::"),
        v6("::ffff:192.0.2.1"),
        v6("::192.0.2.1"),
        v6("1:0:0:1:0:0:0:1"),
        v6("1:0:0:2:0:0:3:4"),
        v6("1:2:3:4:5:6:7:8"),
        v6("fe80::abcd:0:0:1"),
        v6("0:0:1:0:0:1:0:0"),
    ]
}

#[test]
fn r19_r22_the_url_writer_agrees_with_the_url_crate_on_tricky_names_and_servers() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let data = vec![0u8; 4096];
    let base4 = PlanBuf::arbitrary_v4(&mut Unstructured::new(&data)).unwrap();
    let servers = servers();
    let modes = [
        TransferMode::Tftp,
        TransferMode::Ftp,
        TransferMode::Http,
        TransferMode::Https,
    ];
    for i in 0..common::cases(30_000) {
        let len = 1 + rng.below(12);
        let name: String = (0..len).map(|_| TRICKY[rng.below(TRICKY.len())]).collect();
        let mut plan = base4.clone();
        plan.transfer_mode = modes[rng.below(modes.len())];
        plan.port = None;
        plan.file_server = match servers[rng.below(servers.len())] {
            IpAddr::V4(address) => FileServer::V4 {
                address,
                source: V4ServerSource::Option150,
            },
            IpAddr::V6(address) => FileServer::V6 { address },
        };
        let v6 = matches!(plan.file_server, FileServer::V6 { .. });
        // Option 59's path (a URL path, kept as sent) or a file name.
        let source = if v6 && i % 3 == 0 {
            ImageSource::Option59
        } else {
            ImageSource::Suboption00
        };
        plan.image = Some(ImageBuf {
            name: name.clone(),
            image_type: ImageType::File,
            source,
        });
        plan.config = (i % 2 == 0).then(|| name.clone());
        agree(&plan, &format!("{name:?}"));
    }
}
