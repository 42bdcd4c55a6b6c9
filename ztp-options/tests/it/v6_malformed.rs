//! Malformed DHCPv6 inputs, one row each, with the exact error expected:
//! what was wrong, where (family, option, suboption, offset from the start
//! of the outermost message) and the value.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::Ipv6Addr;

use ztp_options::v6::Lease;
use ztp_options::{
    DecodeError, DecodeErrorKind as K, EncodeError, Family, Field, Place, UrlProblem, Within,
};

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
fn read_all(bytes: &[u8]) -> Result<(), DecodeError> {
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

/// Option 59 at byte 4 of a REPLY: its value (the URL) at 8, with the
/// problem at `index` in the URL.
fn bad_url(problem: UrlProblem, index: u32, url: &[u8]) -> DecodeError {
    DecodeError::new(
        opt(59, 8),
        K::BadUrl {
            problem,
            index,
            len: u32::try_from(url.len()).unwrap(),
        },
    )
}

/// One row: its name, the input, the exact error, and the offending value
/// the error reads back from the input (`None` for framing errors).
type Row<'a> = (&'a str, Vec<u8>, DecodeError, Option<&'a [u8]>);

#[test]
fn malformed_v6_inputs_give_exact_errors() {
    let ok59 = tlv(59, b"tftp://[2001:db8::1]/j.tgz");
    let j1 = tlv(17, &juniper(&[(0, b"a.tgz")]));
    let truncated = |at: Place, field: Field, needed: u16, available: u32| {
        DecodeError::new(
            at,
            K::Truncated {
                field,
                needed,
                available,
            },
        )
    };
    let overrun = |at: Place, within: Within, len: u32, available: u32| {
        DecodeError::new(
            at,
            K::LengthOverrun {
                within,
                len,
                available,
            },
        )
    };
    let rows: Vec<Row<'_>> = vec![
        (
            "empty buffer",
            vec![],
            truncated(header(0), Field::V6Header, 4, 0),
            None,
        ),
        (
            "relay header cut short",
            vec![13, 0, 0x20, 0x01],
            truncated(header(0), Field::RelayHeader, 34, 4),
            None,
        ),
        (
            "one byte where an option starts",
            reply(&[&[0]]),
            truncated(header(4), Field::OptionHeader, 4, 1),
            None,
        ),
        (
            "option code with half a length",
            reply(&[&ok59, &[0, 17, 0]]),
            truncated(opt(17, 4 + ok59.len()), Field::OptionHeader, 4, 3),
            None,
        ),
        (
            "option length past the message",
            reply(&[&[0, 59, 0, 10, b'h', b't']]),
            overrun(opt(59, 4), Within::Options, 10, 2),
            None,
        ),
        (
            "option 17 with a truncated enterprise number",
            reply(&[&tlv(17, &[0, 0, 0x0a])]),
            truncated(opt(17, 8), Field::EnterpriseNumber, 4, 3),
            None,
        ),
        (
            "option 17 item length overrun",
            reply(&[&tlv(
                17,
                &[&juniper(&[])[..], &[0, 1, 0, 9, b'a', b'b']].concat(),
            )]),
            overrun(sub(1, 12), Within::Suboptions, 9, 2),
            None,
        ),
        (
            "option 17 item header cut short",
            reply(&[&tlv(17, &[&juniper(&[(0, b"a")])[..], &[0, 3, 0]].concat())]),
            truncated(sub(3, 17), Field::ItemHeader, 4, 3),
            None,
        ),
        (
            "two option 17 instances for 2636",
            reply(&[&j1, &tlv(17, &juniper(&[(1, b"c")]))]),
            DecodeError::new(
                opt(17, 4 + j1.len()),
                K::DuplicateEnterprise { first_offset: 4 },
            ),
            None,
        ),
        (
            "suboption 01 twice",
            reply(&[&tlv(17, &juniper(&[(1, b"a"), (1, b"b")]))]),
            DecodeError::new(sub(1, 17), K::DuplicateSuboption { first_offset: 12 }),
            None,
        ),
        (
            "suboption 03 gopher",
            reply(&[&tlv(17, &juniper(&[(3, b"gopher")]))]),
            DecodeError::new(sub(3, 16), K::UnknownTransferMode { len: 6 }),
            Some(b"gopher"),
        ),
        (
            "suboption 05 port 0",
            reply(&[&tlv(17, &juniper(&[(5, b"0")]))]),
            DecodeError::new(sub(5, 16), K::BadPort { len: 1 }),
            Some(b"0"),
        ),
        (
            "suboption 00 with a NUL inside",
            reply(&[&tlv(17, &juniper(&[(0, b"a\0b.tgz")]))]),
            DecodeError::new(
                sub(0, 16),
                K::ControlByte {
                    byte: 0,
                    index: 1,
                    len: 7,
                },
            ),
            Some(b"a\0b.tgz"),
        ),
        (
            "option 59 without a scheme",
            url_error(b"[2001:db8::1]/j.tgz"),
            bad_url(UrlProblem::NoScheme, 0, b"[2001:db8::1]/j.tgz"),
            Some(b"[2001:db8::1]/j.tgz"),
        ),
        (
            "option 59 gopher",
            url_error(b"gopher://[2001:db8::1]/j.tgz"),
            bad_url(
                UrlProblem::UnknownScheme,
                0,
                b"gopher://[2001:db8::1]/j.tgz",
            ),
            Some(b"gopher://[2001:db8::1]/j.tgz"),
        ),
        (
            "option 59 with a host name",
            url_error(b"http://ztp.example.net/j.tgz"),
            bad_url(UrlProblem::HostName, 7, b"http://ztp.example.net/j.tgz"),
            Some(b"http://ztp.example.net/j.tgz"),
        ),
        (
            "option 59 with an ipv4 address",
            url_error(b"http://192.0.2.1:8080/j.tgz"),
            bad_url(UrlProblem::Ipv4, 7, b"http://192.0.2.1:8080/j.tgz"),
            Some(b"http://192.0.2.1:8080/j.tgz"),
        ),
        (
            "option 59 port 65536",
            url_error(b"http://[2001:db8::1]:65536/j.tgz"),
            bad_url(UrlProblem::BadPort, 21, b"http://[2001:db8::1]:65536/j.tgz"),
            Some(b"http://[2001:db8::1]:65536/j.tgz"),
        ),
        (
            "option 59 not an ipv6 address in the brackets",
            url_error(b"http://[2001:db8::zz]/j.tgz"),
            bad_url(UrlProblem::BadIpv6, 8, b"http://[2001:db8::zz]/j.tgz"),
            Some(b"http://[2001:db8::zz]/j.tgz"),
        ),
        (
            // Both the address and what follows the `]` are wrong: the
            // first one, left to right, is reported (found by comparing
            // the first and second designs on generated messages).
            "option 59 with a bad address and junk after it",
            url_error(b"http://[20]1:db8::1]:808:/img/junos.tgz"),
            bad_url(
                UrlProblem::BadIpv6,
                8,
                b"http://[20]1:db8::1]:808:/img/junos.tgz",
            ),
            Some(b"http://[20]1:db8::1]:808:/img/junos.tgz"),
        ),
        (
            "option 59 with no closing bracket",
            url_error(b"http://[2001:db8::1/j.tgz"),
            bad_url(UrlProblem::UnclosedBracket, 7, b"http://[2001:db8::1/j.tgz"),
            Some(b"http://[2001:db8::1/j.tgz"),
        ),
        (
            "option 59 with junk after the server",
            url_error(b"http://[::1]x/j.tgz"),
            bad_url(UrlProblem::AfterServer, 12, b"http://[::1]x/j.tgz"),
            Some(b"http://[::1]x/j.tgz"),
        ),
        (
            "option 59 with no server",
            url_error(b"tftp:///j.tgz"),
            bad_url(UrlProblem::NoServer, 7, b"tftp:///j.tgz"),
            Some(b"tftp:///j.tgz"),
        ),
        (
            "option 59 empty",
            url_error(b""),
            DecodeError::new(opt(59, 8), K::Empty),
            None,
        ),
        (
            "option 59 twice",
            reply(&[&ok59, &ok59]),
            DecodeError::new(
                opt(59, 4 + ok59.len()),
                K::DuplicateOption { first_offset: 4 },
            ),
            None,
        ),
        (
            "option 16 with a truncated enterprise number",
            reply(&[&tlv(16, &[0, 0])]),
            truncated(opt(16, 8), Field::EnterpriseNumber, 4, 2),
            None,
        ),
        (
            "option 16 class data overrun",
            reply(&[&tlv(16, &[0, 0, 0x0a, 0x4c, 0, 8, b'J'])]),
            overrun(opt(16, 12), Within::ClassData, 8, 1),
            None,
        ),
        (
            "option 15 lone length byte",
            reply(&[&tlv(15, &[0, 1, b'a', 0])]),
            truncated(opt(15, 11), Field::ItemLength, 2, 1),
            None,
        ),
        (
            "relay without option 9",
            relay_with(&[&tlv(18, b"eth0")]),
            DecodeError::new(header(0), K::MissingRelayMessage),
            None,
        ),
        (
            "relay with two option 9",
            relay_with(&[&tlv(9, &[7, 1, 2, 3]), &tlv(9, &[7, 1, 2, 3])]),
            DecodeError::new(opt(9, 42), K::DuplicateOption { first_offset: 34 }),
            None,
        ),
        (
            "relayed message shorter than its header",
            relay_with(&[&tlv(9, &[7, 1])]),
            truncated(header(38), Field::V6Header, 4, 2),
            None,
        ),
        (
            "malformed option inside a relayed message",
            relay_with(&[&tlv(9, &reply(&[&[0, 59, 0, 3, b'x']]))]),
            overrun(opt(59, 42), Within::Options, 3, 1),
            None,
        ),
    ];
    assert!(rows.len() >= 12);
    let mut names = std::collections::HashSet::new();
    for (name, bytes, expected, value) in &rows {
        assert!(names.insert(*name), "duplicate row {name}");
        assert_eq!(read_all(bytes), Err(*expected), "{name}");
        // Every error says where it is and reads its value back from the
        // input; its message is lowercase and quotes the value.
        assert_eq!(expected.place().family(), Family::V6, "{name}");
        assert_eq!(expected.value(bytes), *value, "{name}");
        let text = expected.display_in(bytes).to_string();
        assert!(text.starts_with("dhcpv6 "), "{name}: {text}");
        if let Some(v) = value {
            assert!(
                text.contains(&ztp_options::Excerpt(v).to_string()),
                "{name}: {text}"
            );
        }
    }
    // The inputs are distinct.
    let distinct: std::collections::HashSet<&Vec<u8>> = rows.iter().map(|(_, b, _, _)| b).collect();
    assert_eq!(distinct.len(), rows.len());
}

#[test]
fn error_stays_small_with_the_v6_variants() {
    // The value is read back from the input, not copied: every decode
    // result stays cheap to move.
    assert!(std::mem::size_of::<DecodeError>() <= 24);
    assert!(std::mem::size_of::<Result<(), DecodeError>>() <= 24);
    assert!(std::mem::size_of::<EncodeError>() <= 40);
}
