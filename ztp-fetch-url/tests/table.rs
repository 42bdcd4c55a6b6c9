//! The table: file names and modes, with the exact URL and port source, or
//! the exact error (R16, R19..R23, R30).
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use common::{SEED, plan, with_config, with_port};
use ztp_fetch_url::{Error, PortSource, Target, TargetKind, UrlOrigin, fetch_plan};
use ztp_options::{Family, PortSource as PlanPort, TransferMode};

use Family::{V4, V6};
use TransferMode::{Ftp, Http, Https, Tftp};

struct Row {
    family: Family,
    mode: TransferMode,
    name: String,
    /// Suboption 05 (or, DHCPv6, option 59) port in the plan.
    port: Option<(u16, PlanPort)>,
    expect: Result<(String, PortSource), Error>,
}

fn ok(url: &str, source: PortSource) -> Result<(String, PortSource), Error> {
    Ok((url.into(), source))
}

fn bad_suffix(value: &str, name: &str) -> Result<(String, PortSource), Error> {
    Err(Error::BadPortSuffix {
        value: value.into(),
        name: name.into(),
    })
}

fn row(
    family: Family,
    mode: TransferMode,
    name: &str,
    port: Option<(u16, PlanPort)>,
    expect: Result<(String, PortSource), Error>,
) -> Row {
    Row {
        family,
        mode,
        name: name.into(),
        port,
        expect,
    }
}

#[rustfmt::skip]
fn rows() -> Vec<Row> {
    use PortSource::{Default, Option59, Suboption05, Suffix};
    let s05 = |p| Some((p, PlanPort::Suboption05));
    let o59 = |p| Some((p, PlanPort::Option59));
    // "http://192.0.2.10/" is 18 characters: a 238-character name after
    // its "/" makes a 256-character URL.
    let at_limit = format!("/{}", "a".repeat(238));
    let over_limit = format!("/{}", "a".repeat(239));
    let long = format!("/{}", "d/".repeat(500));
    let over_url = format!("http://192.0.2.10{over_limit}");
    let spaces = format!("/{}", " ".repeat(80));
    let spaces_url = format!("https://192.0.2.10/{}", "%20".repeat(80));
    vec![
        // R19: the seed's example under all four modes.
        row(V4, Tftp, SEED, None, ok("tftp://192.0.2.10/dist/config/jn-switch35.config", Default)),
        row(V4, Ftp, SEED, None, ok("ftp://192.0.2.10/dist/config/jn-switch35.config", Default)),
        row(V4, Http, SEED, None, ok("http://192.0.2.10:8088/dist/config/jn-switch35.config", Suffix)),
        row(V4, Https, SEED, None, ok("https://192.0.2.10:8088/dist/config/jn-switch35.config", Suffix)),
        // Plain names, default ports (R20).
        row(V4, Tftp, "/ztp/ex4300.conf", None, ok("tftp://192.0.2.10/ztp/ex4300.conf", Default)),
        row(V4, Ftp, "/images/junos.tgz", None, ok("ftp://192.0.2.10/images/junos.tgz", Default)),
        row(V4, Http, "/ztp/ex4300.conf", None, ok("http://192.0.2.10/ztp/ex4300.conf", Default)),
        row(V4, Https, "/ztp/ex4300.conf", None, ok("https://192.0.2.10/ztp/ex4300.conf", Default)),
        // A suffix equal to the default is used, and not written.
        row(V4, Http, "/a.conf:80", None, ok("http://192.0.2.10/a.conf", Suffix)),
        row(V4, Https, "/a.conf:443", None, ok("https://192.0.2.10/a.conf", Suffix)),
        row(V4, Http, "/a.conf:443", None, ok("http://192.0.2.10:443/a.conf", Suffix)),
        row(V4, Https, "/a.conf:65535", None, ok("https://192.0.2.10:65535/a.conf", Suffix)),
        row(V4, Http, "/a.conf:00080", None, ok("http://192.0.2.10/a.conf", Suffix)),
        row(V4, Tftp, "/a.conf:69", None, ok("tftp://192.0.2.10/a.conf", Default)),
        row(V4, Ftp, "/a.conf:2121", None, ok("ftp://192.0.2.10/a.conf", Default)),
        // Names without a leading "/" are joined to the server root.
        row(V4, Http, "a.conf", None, ok("http://192.0.2.10/a.conf", Default)),
        row(V4, Http, "a.conf:8080", None, ok("http://192.0.2.10:8080/a.conf", Suffix)),
        row(V4, Tftp, "junos.tgz", None, ok("tftp://192.0.2.10/junos.tgz", Default)),
        // A colon elsewhere is part of the name (never a URL scheme).
        row(V4, Http, "a:b/c", None, ok("http://192.0.2.10/a:b/c", Default)),
        row(V4, Tftp, "a:b/c", None, ok("tftp://192.0.2.10/a:b/c", Default)),
        row(V4, Http, "/v1:2/sw.conf", None, ok("http://192.0.2.10/v1:2/sw.conf", Default)),
        row(V4, Http, "/a.conf:", None, ok("http://192.0.2.10/a.conf:", Default)),
        row(V4, Http, "/a.conf:80x", None, ok("http://192.0.2.10/a.conf:80x", Default)),
        // IPv6-looking tails are names, not ports.
        row(V4, Http, "/cfg/2001:db8::1", None, ok("http://192.0.2.10/cfg/2001:db8::1", Default)),
        row(V4, Http, "/cfg/fe80::8088", None, ok("http://192.0.2.10/cfg/fe80::8088", Default)),
        row(V4, Https, "::1", None, ok("https://192.0.2.10/::1", Default)),
        row(V4, Http, "/cfg/2001:db8::1.conf:8088", None, ok("http://192.0.2.10:8088/cfg/2001:db8::1.conf", Suffix)),
        // R19: out of range, in every mode.
        row(V4, Http, "/a.conf:0", None, bad_suffix("0", "/a.conf:0")),
        row(V4, Tftp, "/a.conf:0", None, bad_suffix("0", "/a.conf:0")),
        row(V4, Https, "/a.conf:65536", None, bad_suffix("65536", "/a.conf:65536")),
        row(V4, Ftp, "/a:99999999999999999999", None, bad_suffix("99999999999999999999", "/a:99999999999999999999")),
        row(V6, Http, "/a.conf:0", None, bad_suffix("0", "/a.conf:0")),
        // Nothing to fetch.
        row(V4, Http, ":8088", None, Err(Error::EmptyName { name: ":8088".into() })),
        row(V4, Tftp, "", None, Err(Error::EmptyName { name: String::new() })),
        row(V4, Http, "/", None, Err(Error::EmptyName { name: "/".into() })),
        row(V4, Ftp, "/ztp/..:2121", None, Err(Error::EmptyName { name: "/ztp/..:2121".into() })),
        // Percent-encoding: the file named is the file fetched.
        row(V4, Http, "/my configs/sw 1.conf", None, ok("http://192.0.2.10/my%20configs/sw%201.conf", Default)),
        row(V4, Http, "/a?b#c", None, ok("http://192.0.2.10/a%3Fb%23c", Default)),
        row(V4, Tftp, "/100%.conf", None, ok("tftp://192.0.2.10/100%25.conf", Default)),
        row(V4, Ftp, "C:\\ztp\\sw.conf", None, ok("ftp://192.0.2.10/C:%5Cztp%5Csw.conf", Default)),
        row(V4, Https, "/é/ß.conf", None, ok("https://192.0.2.10/%C3%A9/%C3%9F.conf", Default)),
        row(V4, Http, "/a/../b.conf", None, ok("http://192.0.2.10/b.conf", Default)),
        row(V4, Http, "//double/slash.conf", None, ok("http://192.0.2.10//double/slash.conf", Default)),
        // R21, R30: the limit is on the serialised HTTP(S) URL only.
        row(V4, Http, &at_limit, None, Ok((format!("http://192.0.2.10{at_limit}"), Default))),
        row(V4, Http, &over_limit, None, Err(Error::TooLong { len: 257, limit: 256, mode: Http, url: over_url })),
        row(V4, Https, &spaces, None, Err(Error::TooLong { len: 259, limit: 256, mode: Https, url: spaces_url })),
        row(V4, Tftp, &long, None, Ok((format!("tftp://192.0.2.10{long}"), Default))),
        row(V4, Ftp, &long, None, Ok((format!("ftp://192.0.2.10{long}"), Default))),
        // R20: suffix, then suboption 05, then the default.
        row(V4, Http, "/a.conf", s05(8080), ok("http://192.0.2.10:8080/a.conf", Suboption05)),
        row(V4, Http, "/a.conf:8088", s05(8080), ok("http://192.0.2.10:8088/a.conf", Suffix)),
        row(V4, Tftp, "/a.conf:8088", s05(6969), ok("tftp://192.0.2.10:6969/a.conf", Suboption05)),
        row(V4, Ftp, "/a.conf", s05(21), ok("ftp://192.0.2.10/a.conf", Suboption05)),
        // R16, R22: DHCPv6, bracketed server; the suffix is cut, never a port.
        row(V6, Http, "/cfg/sw.conf", o59(8080), ok("http://[2001:db8::1]:8080/cfg/sw.conf", Option59)),
        row(V6, Https, "/cfg/sw.conf", s05(8443), ok("https://[2001:db8::1]:8443/cfg/sw.conf", Suboption05)),
        row(V6, Https, SEED, None, ok("https://[2001:db8::1]/dist/config/jn-switch35.config", Default)),
        row(V6, Http, SEED, o59(8080), ok("http://[2001:db8::1]:8080/dist/config/jn-switch35.config", Option59)),
        row(V6, Tftp, "sw.conf", None, ok("tftp://[2001:db8::1]/sw.conf", Default)),
        row(V6, Ftp, "/cfg/2001:db8::1", None, ok("ftp://[2001:db8::1]/cfg/2001:db8::1", Default)),
    ]
}

fn build(r: &Row) -> Result<Target, Error> {
    let mut p = with_config(plan(r.family, r.mode), &r.name);
    if let Some((n, source)) = r.port {
        p = with_port(p, n, source);
    }
    fetch_plan(&p).config.unwrap()
}

#[test]
fn r19_r20_r21_r22_table_of_names_and_modes() {
    let rows = rows();
    assert!(rows.len() >= 30);
    for r in &rows {
        let got = build(r).map(|t| {
            assert_eq!(t.mode(), r.mode);
            assert_eq!(t.kind(), TargetKind::Config);
            (t.as_str().to_string(), t.port_source())
        });
        assert_eq!(
            got, r.expect,
            "{:?} {} {:?} port {:?}",
            r.family, r.mode, r.name, r.port
        );
    }
}

#[test]
fn r9_every_url_of_the_table_parses_back_to_itself() {
    for r in rows() {
        let Ok(t) = build(&r) else { continue };
        let back = Target::parse(t.as_str(), t.kind(), UrlOrigin::User).unwrap();
        assert_eq!(back.as_str(), t.as_str(), "{:?}", r.name);
        assert_eq!(back.mode(), t.mode());
        assert_eq!(back.server(), t.server());
        assert_eq!(back.port(), t.port());
    }
}
