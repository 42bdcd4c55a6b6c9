//! The interplay of R10..R18 as one table: whole leases (DHCPv4 replies and
//! DHCPv6 replies, written as a server sends them) and the exact plan and
//! decision log each one resolves to, rendered one line per field.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use common::{cat, opt, reply, v6_reply, v6url, v6vendor};
use ztp_options::{CannotProceed, Plan, resolve_v4, resolve_v6};

/// The plan, one line per field, or why ZTP cannot proceed; a malformed
/// option's value is quoted from `input`, the message it was read from.
fn render(outcome: Result<Plan<'_>, CannotProceed>, input: &[u8]) -> String {
    let plan = match outcome {
        Ok(plan) => plan,
        Err(CannotProceed::Malformed(e)) => {
            return format!(
                "cannot proceed [{}] {}",
                CannotProceed::Malformed(e).rule(),
                e.display_in(input)
            );
        }
        Err(e) => return format!("cannot proceed [{}] {e}", e.rule()),
    };
    let mut out = Vec::new();
    if let Some(i) = &plan.image {
        out.push(format!("image {} {:?} {}", i.name, i.image_type, i.source));
    }
    if let Some(c) = &plan.config {
        out.push(format!("config {} {}", c.name, c.source()));
    }
    out.push(format!(
        "mode {} {}",
        plan.transfer_mode, plan.transfer_mode_source
    ));
    out.push(format!(
        "server {} {}",
        plan.file_server,
        plan.file_server.source_str()
    ));
    if let Some(p) = plan.port {
        out.push(format!("port {} {}", p.port, p.source));
    }
    for d in plan.decisions() {
        out.push(format!("[{}] {d}", d.rule()));
    }
    out.join("\n")
}

fn v4(options: &[&[u8]]) -> String {
    let mut o = options.concat();
    o.push(255);
    let msg = reply(&o);
    render(
        resolve_v4(&ztp_options::v4::Lease::parse(&msg).unwrap()),
        &msg,
    )
}

fn v6(options: &[&[u8]]) -> String {
    let msg = v6_reply(&options.concat());
    render(
        resolve_v6(&ztp_options::v6::Lease::parse(&msg).unwrap()),
        &msg,
    )
}

fn o43(items: &[&[u8]]) -> Vec<u8> {
    opt(43, &cat(items))
}

const S150: [u8; 4] = [10, 0, 0, 1];

#[test]
fn r10_to_r18_precedence_table() {
    let url = v6url("https://[2001:db8::7]:8443/images/evo.tgz");
    let rows: Vec<(&str, String, &str)> = vec![
        (
            "v4: everything, 150 only",
            v4(&[
                &o43(&[&opt(0, b"a.tgz"), &opt(1, b"b.conf"), &opt(3, b"ftp")]),
                &opt(150, &S150),
            ]),
            "image a.tgz File suboption-00\nconfig b.conf suboption-01\nmode ftp suboption-03\nserver 10.0.0.1 option-150",
        ),
        (
            "v4: 00 and 04 (R10)",
            v4(&[
                &o43(&[&opt(4, b"old.tgz"), &opt(0, b"a.tgz"), &opt(3, b"http")]),
                &opt(150, &S150),
            ]),
            "image a.tgz File suboption-00\nmode http suboption-03\nserver 10.0.0.1 option-150\n[R10] suboption 04 (\"old.tgz\") ignored because 00 is present",
        ),
        (
            "v4: 04 only, symlink",
            v4(&[
                &o43(&[&opt(4, b"cur"), &opt(2, b"symlink"), &opt(3, b"http")]),
                &opt(150, &S150),
            ]),
            "image cur Symlink suboption-04\nmode http suboption-03\nserver 10.0.0.1 option-150",
        ),
        (
            "v4: no 03 (R11)",
            v4(&[&o43(&[&opt(1, b"b.conf")]), &opt(150, &S150)]),
            "config b.conf suboption-01\nmode tftp default\nserver 10.0.0.1 option-150\n[R11] no suboption 03: transfer mode is tftp",
        ),
        (
            "v4: 150 and 66 (R12)",
            v4(&[
                &o43(&[&opt(1, b"b.conf"), &opt(3, b"https")]),
                &opt(66, b"10.9.9.9"),
                &opt(150, &S150),
            ]),
            "config b.conf suboption-01\nmode https suboption-03\nserver 10.0.0.1 option-150\n[R12] option 66 (\"10.9.9.9\") ignored because 150 is present",
        ),
        (
            "v4: 66 only",
            v4(&[
                &o43(&[&opt(1, b"b.conf"), &opt(3, b"https")]),
                &opt(66, b"10.9.9.9"),
            ]),
            "config b.conf suboption-01\nmode https suboption-03\nserver 10.9.9.9 option-66",
        ),
        (
            "v4: 66 with dnsmasq's NUL",
            v4(&[
                &o43(&[&opt(1, b"b.conf"), &opt(3, b"https")]),
                &opt(66, b"10.9.9.9\0"),
            ]),
            "config b.conf suboption-01\nmode https suboption-03\nserver 10.9.9.9 option-66\n[R7] trailing nul in option 66 tolerated",
        ),
        (
            "v4: 66 host name, no 150 (R3)",
            v4(&[&o43(&[&opt(1, b"b.conf")]), &opt(66, b"tftp.lab")]),
            "cannot proceed [R3] dhcpv4 option 66 at byte 252: \"tftp.lab\" is a host name, not an ip address; name resolution is not supported",
        ),
        (
            "v4: neither 150 nor 66 (R13)",
            v4(&[&o43(&[&opt(0, b"a.tgz"), &opt(1, b"b.conf")])]),
            "cannot proceed [R13] no file server information: neither option 150 nor option 66",
        ),
        (
            "v4: no image, no config (R18)",
            v4(&[
                &o43(&[&opt(3, b"http"), &opt(8, b"proxy")]),
                &opt(150, &S150),
            ]),
            "cannot proceed [R18] neither an image nor a configuration file",
        ),
        (
            "v4: no option 43 at all (R18)",
            v4(&[&opt(150, &S150), &opt(66, b"10.0.0.1")]),
            "cannot proceed [R18] neither an image nor a configuration file",
        ),
        (
            "v4: 05 port",
            v4(&[
                &o43(&[&opt(1, b"b.conf"), &opt(3, b"http"), &opt(5, b"8080")]),
                &opt(150, &S150),
            ]),
            "config b.conf suboption-01\nmode http suboption-03\nserver 10.0.0.1 option-150\nport 8080 suboption-05\n[R20] suboption 05 (8080) read as a port (spec choice)",
        ),
        (
            "v4: 05 address",
            v4(&[
                &o43(&[&opt(1, b"b.conf"), &opt(3, b"ftp"), &opt(5, b"10.0.0.21")]),
                &opt(150, &S150),
            ]),
            "config b.conf suboption-01\nmode ftp suboption-03\nserver 10.0.0.1 option-150\n[R13] suboption 05 (10.0.0.21) read as a file-server address (spec choice); the file server comes from option 150 or 66",
        ),
        (
            "v4: two 150 addresses",
            v4(&[
                &o43(&[&opt(1, b"b.conf"), &opt(3, b"http")]),
                &opt(150, &[10, 0, 0, 1, 10, 0, 0, 2]),
            ]),
            "config b.conf suboption-01\nmode http suboption-03\nserver 10.0.0.1 option-150\n[R4] option 150 lists more servers; the first is used (spec choice), ignored: 10.0.0.2",
        ),
        (
            "v4: 43 split in two instances (RFC 3396), 00 and 04",
            v4(&[
                &opt(43, &[0, 5, b'a', b'.']),
                &opt(150, &S150),
                &opt(43, &cat(&[b"tgz", &opt(4, b"b.tgz")])),
            ]),
            "image a.tgz File suboption-00\nmode tftp default\nserver 10.0.0.1 option-150\n[R10] suboption 04 (\"b.tgz\") ignored because 00 is present\n[R11] no suboption 03: transfer mode is tftp",
        ),
        (
            "v6: 17 everything over 59 (R14, R15, R16)",
            v6(&[
                &v6vendor(
                    2636,
                    &[(0, b"a.tgz"), (1, b"b.conf"), (3, b"http"), (5, b"8080")],
                ),
                &url,
            ]),
            "image a.tgz File suboption-00\nconfig b.conf suboption-01\nmode http suboption-03\nserver 2001:db8::7 option-59\nport 8080 suboption-05\n[R14] transfer mode from suboption 03; the option 59 scheme (https) is not used\n[R15] image from option 17; the option 59 path (\"/images/evo.tgz\") is ignored\n[R16] port from suboption 05; the option 59 port (8443) is ignored",
        ),
        (
            "v6: config in 17, the rest from 59",
            v6(&[&v6vendor(2636, &[(1, b"b.conf")]), &url]),
            "image /images/evo.tgz File option-59\nconfig b.conf suboption-01\nmode https option-59\nserver 2001:db8::7 option-59\nport 8443 option-59\n[R14] no suboption 03: transfer mode https from the option 59 url\n[R15] no image in option 17: the option 59 path is the image\n[R16] port from the option 59 url",
        ),
        (
            "v6: 04 and symlink over 59's path",
            v6(&[
                &v6vendor(2636, &[(4, b"alt.tgz"), (2, b"symlink")]),
                &v6url("tftp://[2001:db8::7]/x.tgz"),
            ]),
            "image alt.tgz Symlink suboption-04\nmode tftp option-59\nserver 2001:db8::7 option-59\n[R14] no suboption 03: transfer mode tftp from the option 59 url\n[R15] image from option 17; the option 59 path (\"/x.tgz\") is ignored",
        ),
        (
            "v6: 59 only, no option 17",
            v6(&[&url]),
            "image /images/evo.tgz File option-59\nmode https option-59\nserver 2001:db8::7 option-59\nport 8443 option-59\n[R14] no suboption 03: transfer mode https from the option 59 url\n[R15] no image in option 17: the option 59 path is the image\n[R16] port from the option 59 url",
        ),
        (
            "v6: other enterprise only, 59 without a path (R8, R18)",
            v6(&[
                &v6vendor(9, &[(1, b"c.cfg")]),
                &v6url("http://[2001:db8::7]/"),
            ]),
            "cannot proceed [R18] neither an image nor a configuration file",
        ),
        (
            "v6: no 59 (R17)",
            v6(&[&v6vendor(2636, &[(0, b"a.tgz"), (1, b"b.conf")])]),
            "cannot proceed [R17] no file server information: no option 59 boot file url",
        ),
        (
            "v6: 17 from two enterprises",
            v6(&[
                &v6vendor(4874, &[(0, b"x")]),
                &v6vendor(2636, &[(1, b"b.conf"), (3, b"ftp")]),
                &v6url("ftp://[2001:db8::7]"),
            ]),
            "config b.conf suboption-01\nmode ftp suboption-03\nserver 2001:db8::7 option-59\n[R8] option 17 for enterprise 4874 kept and skipped (not juniper's 2636)\n[R14] transfer mode from suboption 03; the option 59 scheme (ftp) is not used",
        ),
    ];
    assert!(rows.len() >= 20);
    for (name, got, expected) in rows {
        assert_eq!(got, expected, "{name}");
    }
}
