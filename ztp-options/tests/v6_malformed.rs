//! Malformed DHCPv6 inputs, one row each, with the exact error expected:
//! what was wrong, where (family, option, suboption, offset from the start
//! of the outermost message) and the value.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::Ipv6Addr;

use ztp_options::v6::{Lease, UrlProblem};
use ztp_options::{Error, Excerpt, Family, Place};

fn tlv(code: u16, value: &[u8]) -> Vec<u8> {
    let mut v = code.to_be_bytes().to_vec();
    v.extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
    v.extend_from_slice(value);
    v
}

fn juniper(items: &[(u16, &[u8])]) -> Vec<u8> {
    let mut v = 2636u32.to_be_bytes().to_vec();
    for (code, value) in items {
        v.extend(tlv(*code, value));
    }
    v
}

fn reply(options: &[&[u8]]) -> Vec<u8> {
    let mut m = vec![7, 1, 2, 3];
    for o in options {
        m.extend_from_slice(o);
    }
    m
}

/// A RELAY-REPL header (34 bytes) followed by `options`.
fn relay_with(options: &[&[u8]]) -> Vec<u8> {
    let mut m = vec![13, 0];
    m.extend_from_slice(&"2001:db8::1".parse::<Ipv6Addr>().unwrap().octets());
    m.extend_from_slice(&"fe80::1".parse::<Ipv6Addr>().unwrap().octets());
    for o in options {
        m.extend_from_slice(o);
    }
    m
}

/// Everything a ZTP client reads from a lease: the first error wins.
fn read_all(bytes: &[u8]) -> Result<(), Error> {
    let lease = Lease::parse(bytes)?;
    lease.suboptions()?;
    lease.boot_file_url()?;
    lease.vendor_class()?;
    lease.user_class()?;
    Ok(())
}

fn header(offset: usize) -> Place {
    Place::header(Family::V6, offset)
}

fn opt(code: u16, offset: usize) -> Place {
    Place::option(Family::V6, code, offset)
}

/// Option 17 at byte 4 of a REPLY: value at 8, first item at 12.
fn sub(code: u16, offset: usize) -> Place {
    opt(17, 8).suboption(code, offset)
}

fn url_error(url: &[u8]) -> Vec<u8> {
    reply(&[&tlv(59, url)])
}

#[test]
fn malformed_v6_inputs_give_exact_errors() {
    let ok59 = tlv(59, b"tftp://[2001:db8::1]/j.tgz");
    let j1 = tlv(17, &juniper(&[(0, b"a.tgz")]));
    let rows: Vec<(&str, Vec<u8>, Error)> = vec![
        (
            "empty buffer",
            vec![],
            Error::Truncated {
                at: header(0),
                field: "dhcpv6 header",
                needed: 4,
                available: 0,
            },
        ),
        (
            "relay header cut short",
            vec![13, 0, 0x20, 0x01],
            Error::Truncated {
                at: header(0),
                field: "dhcpv6 relay header",
                needed: 34,
                available: 4,
            },
        ),
        (
            "one byte where an option starts",
            reply(&[&[0]]),
            Error::Truncated {
                at: header(4),
                field: "option code and length",
                needed: 4,
                available: 1,
            },
        ),
        (
            "option code with half a length",
            reply(&[&ok59, &[0, 17, 0]]),
            Error::Truncated {
                at: opt(17, 4 + ok59.len()),
                field: "option code and length",
                needed: 4,
                available: 3,
            },
        ),
        (
            "option length past the message",
            reply(&[&[0, 59, 0, 10, b'h', b't']]),
            Error::LengthOverrun {
                at: opt(59, 4),
                len: 10,
                available: 2,
                area: "options",
            },
        ),
        (
            "option 17 with a truncated enterprise number",
            reply(&[&tlv(17, &[0, 0, 0x0a])]),
            Error::Truncated {
                at: opt(17, 8),
                field: "enterprise number",
                needed: 4,
                available: 3,
            },
        ),
        (
            "option 17 item length overrun",
            reply(&[&tlv(
                17,
                &[&juniper(&[])[..], &[0, 1, 0, 9, b'a', b'b']].concat(),
            )]),
            Error::LengthOverrun {
                at: sub(1, 12),
                len: 9,
                available: 2,
                area: "option 17",
            },
        ),
        (
            "option 17 item header cut short",
            reply(&[&tlv(17, &[&juniper(&[(0, b"a")])[..], &[0, 3, 0]].concat())]),
            Error::Truncated {
                at: sub(3, 17),
                field: "item code and length",
                needed: 4,
                available: 3,
            },
        ),
        (
            "two option 17 instances for 2636",
            reply(&[&j1, &tlv(17, &juniper(&[(1, b"c")]))]),
            Error::DuplicateEnterprise {
                at: opt(17, 4 + j1.len()),
                enterprise: 2636,
                first_offset: 4,
            },
        ),
        (
            "suboption 01 twice",
            reply(&[&tlv(17, &juniper(&[(1, b"a"), (1, b"b")]))]),
            Error::DuplicateSuboption {
                at: sub(1, 17),
                first_offset: 12,
            },
        ),
        (
            "suboption 03 gopher",
            reply(&[&tlv(17, &juniper(&[(3, b"gopher")]))]),
            Error::UnknownTransferMode {
                at: sub(3, 16),
                value: Excerpt::new(b"gopher"),
            },
        ),
        (
            "suboption 05 port 0",
            reply(&[&tlv(17, &juniper(&[(5, b"0")]))]),
            Error::BadPort {
                at: sub(5, 16),
                value: Excerpt::new(b"0"),
            },
        ),
        (
            "suboption 00 with a NUL inside",
            reply(&[&tlv(17, &juniper(&[(0, b"a\0b.tgz")]))]),
            Error::ControlByte {
                at: sub(0, 17),
                byte: 0,
                value: Excerpt::new(b"a\0b.tgz"),
            },
        ),
        (
            "option 59 without a scheme",
            url_error(b"[2001:db8::1]/j.tgz"),
            Error::BadUrl {
                at: opt(59, 8),
                problem: UrlProblem::NoScheme,
                value: Excerpt::new(b"[2001:db8::1]/j.tgz"),
            },
        ),
        (
            "option 59 gopher",
            url_error(b"gopher://[2001:db8::1]/j.tgz"),
            Error::UnknownTransferMode {
                at: opt(59, 8),
                value: Excerpt::new(b"gopher"),
            },
        ),
        (
            "option 59 with a host name",
            url_error(b"http://ztp.example.net/j.tgz"),
            Error::HostName {
                at: opt(59, 15),
                value: Excerpt::new(b"ztp.example.net"),
            },
        ),
        (
            "option 59 with an ipv4 address",
            url_error(b"http://192.0.2.1:8080/j.tgz"),
            Error::NotIpv6 {
                at: opt(59, 15),
                value: Excerpt::new(b"192.0.2.1"),
            },
        ),
        (
            "option 59 port 65536",
            url_error(b"http://[2001:db8::1]:65536/j.tgz"),
            Error::BadPort {
                at: opt(59, 29),
                value: Excerpt::new(b"65536"),
            },
        ),
        (
            "option 59 not an ipv6 address in the brackets",
            url_error(b"http://[2001:db8::zz]/j.tgz"),
            Error::BadUrl {
                at: opt(59, 16),
                problem: UrlProblem::BadIpv6,
                value: Excerpt::new(b"http://[2001:db8::zz]/j.tgz"),
            },
        ),
        (
            "option 59 with no closing bracket",
            url_error(b"http://[2001:db8::1/j.tgz"),
            Error::BadUrl {
                at: opt(59, 15),
                problem: UrlProblem::UnclosedBracket,
                value: Excerpt::new(b"http://[2001:db8::1/j.tgz"),
            },
        ),
        (
            "option 59 with junk after the server",
            url_error(b"http://[::1]x/j.tgz"),
            Error::BadUrl {
                at: opt(59, 20),
                problem: UrlProblem::AfterServer,
                value: Excerpt::new(b"http://[::1]x/j.tgz"),
            },
        ),
        (
            "option 59 with no server",
            url_error(b"tftp:///j.tgz"),
            Error::BadUrl {
                at: opt(59, 15),
                problem: UrlProblem::NoServer,
                value: Excerpt::new(b"tftp:///j.tgz"),
            },
        ),
        (
            "option 59 empty",
            url_error(b""),
            Error::Empty { at: opt(59, 8) },
        ),
        (
            "option 59 twice",
            reply(&[&ok59, &ok59]),
            Error::DuplicateOption {
                at: opt(59, 4 + ok59.len()),
                first_offset: 4,
            },
        ),
        (
            "option 16 with a truncated enterprise number",
            reply(&[&tlv(16, &[0, 0])]),
            Error::Truncated {
                at: opt(16, 8),
                field: "enterprise number",
                needed: 4,
                available: 2,
            },
        ),
        (
            "option 16 class data overrun",
            reply(&[&tlv(16, &[0, 0, 0x0a, 0x4c, 0, 8, b'J'])]),
            Error::LengthOverrun {
                at: opt(16, 12),
                len: 8,
                available: 1,
                area: "option 16",
            },
        ),
        (
            "option 15 lone length byte",
            reply(&[&tlv(15, &[0, 1, b'a', 0])]),
            Error::Truncated {
                at: opt(15, 11),
                field: "class data length",
                needed: 2,
                available: 1,
            },
        ),
        (
            "relay without option 9",
            relay_with(&[&tlv(18, b"eth0")]),
            Error::MissingRelayMessage { at: header(0) },
        ),
        (
            "relay with two option 9",
            relay_with(&[&tlv(9, &[7, 1, 2, 3]), &tlv(9, &[7, 1, 2, 3])]),
            Error::DuplicateOption {
                at: opt(9, 42),
                first_offset: 34,
            },
        ),
        (
            "relayed message shorter than its header",
            relay_with(&[&tlv(9, &[7, 1])]),
            Error::Truncated {
                at: header(38),
                field: "dhcpv6 header",
                needed: 4,
                available: 2,
            },
        ),
        (
            "malformed option inside a relayed message",
            relay_with(&[&tlv(9, &reply(&[&[0, 59, 0, 3, b'x']]))]),
            Error::LengthOverrun {
                at: opt(59, 42),
                len: 3,
                available: 1,
                area: "options",
            },
        ),
    ];
    assert!(rows.len() >= 12);
    let mut names = std::collections::HashSet::new();
    for (name, bytes, expected) in &rows {
        assert!(names.insert(*name), "duplicate row {name}");
        assert_eq!(read_all(bytes), Err(*expected), "{name}");
        // Every error says where it is, and its message is lowercase.
        assert_eq!(
            expected.place().map(|p| p.family),
            Some(Family::V6),
            "{name}"
        );
        let text = expected.to_string();
        assert!(text.starts_with("dhcpv6 "), "{name}: {text}");
    }
    // The inputs are distinct.
    let distinct: std::collections::HashSet<&Vec<u8>> = rows.iter().map(|(_, b, _)| b).collect();
    assert_eq!(distinct.len(), rows.len());
}

#[test]
fn error_stays_small_with_the_v6_variants() {
    assert!(std::mem::size_of::<Error>() <= 96);
}
