//! Malformed DHCPv4 input, one row per mistake, each with the exact error
//! (what, where, which value). Rules: R1 (option 43 walk), R2 (message,
//! overload), R3/R4/R5 (server options), R6 (identity), R7 (text).
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use common::{cat, opt, reply};
use ztp_options::v4::Lease;
use ztp_options::{Error, Excerpt, Family, LengthRule, Place};

/// Decodes everything ZTP reads from `bytes`, returning the first error.
fn decode_all(bytes: &[u8]) -> Result<(), Error> {
    let lease = Lease::parse(bytes)?;
    lease.message_type()?;
    if let Some(sub) = lease.suboptions()? {
        for t in [sub.image(), sub.config(), sub.alt_image(), sub.proxy()]
            .into_iter()
            .flatten()
        {
            t.as_str()?;
        }
    }
    lease.tftp_server_addresses()?;
    if let Some(name) = lease.tftp_server_name()? {
        name.address()?;
    }
    lease.log_servers()?;
    lease.ntp_servers()?;
    if let Some(h) = lease.host_name()? {
        h.as_str()?;
    }
    lease.vendor_class()?;
    lease.client_identifier()?;
    lease.user_class()?;
    Ok(())
}

fn v4(code: u16, offset: usize) -> Place {
    Place::option(Family::V4, code, offset)
}

fn sub(code: u16, offset: usize) -> Place {
    // Option 43 at the start of the options area: its value is at 242.
    v4(43, 242).suboption(code, offset)
}

fn with(options: &[&[u8]]) -> Vec<u8> {
    let mut o = options.concat();
    o.push(255);
    reply(&o)
}

#[test]
fn r1_r2_r7_malformed_messages_table() {
    let mut bad_cookie = reply(&[255]);
    bad_cookie[236..240].copy_from_slice(&[0x63, 0x82, 0x53, 0x64]);
    let mut nested_overload = reply(&cat(&[&opt(52, &[1]), &[255]]));
    nested_overload[108..112].copy_from_slice(&[52, 1, 2, 255]);
    let mut file_overrun = reply(&cat(&[&opt(52, &[1]), &[255]]));
    file_overrun[108..110].copy_from_slice(&[66, 200]);
    let mut sname_missing_len = reply(&cat(&[&opt(52, &[2]), &[255]]));
    sname_missing_len[44..108].fill(0);
    sname_missing_len[107] = 3;

    let rows: Vec<(&str, Vec<u8>, Error)> = vec![
        (
            "empty input",
            vec![],
            Error::Truncated {
                at: Place::header(Family::V4, 0),
                field: "dhcpv4 header and magic cookie",
                needed: 240,
                available: 0,
            },
        ),
        (
            "truncated header",
            reply(&[])[..100].to_vec(),
            Error::Truncated {
                at: Place::header(Family::V4, 0),
                field: "dhcpv4 header and magic cookie",
                needed: 240,
                available: 100,
            },
        ),
        (
            "header without cookie",
            reply(&[])[..236].to_vec(),
            Error::Truncated {
                at: Place::header(Family::V4, 0),
                field: "dhcpv4 header and magic cookie",
                needed: 240,
                available: 236,
            },
        ),
        (
            "bad magic cookie",
            bad_cookie,
            Error::BadMagicCookie {
                at: Place::header(Family::V4, 236),
                value: [0x63, 0x82, 0x53, 0x64],
            },
        ),
        (
            "option length past the end",
            reply(&[1, 4, 255, 255]),
            Error::LengthOverrun {
                at: v4(1, 240),
                len: 4,
                available: 2,
                area: "options",
            },
        ),
        (
            "option code with no length byte",
            reply(&[53]),
            Error::MissingLength {
                at: v4(53, 240),
                area: "options",
            },
        ),
        (
            "garbage after the end option",
            reply(&[255, 0, 0, 7]),
            Error::AfterEnd {
                at: v4(255, 243),
                len: 1,
                area: "options",
            },
        ),
        (
            "overload value 4",
            with(&[&opt(52, &[4])]),
            Error::BadOverload {
                at: v4(52, 242),
                value: 4,
            },
        ),
        (
            "overload of length 2",
            with(&[&opt(52, &[1, 1])]),
            Error::BadLength {
                at: v4(52, 242),
                len: 2,
                expected: LengthRule::Exactly(1),
            },
        ),
        (
            "overload pointing at a file field with an overrunning option",
            file_overrun,
            Error::LengthOverrun {
                at: v4(66, 108),
                len: 200,
                available: 126,
                area: "file",
            },
        ),
        (
            "overload pointing at an sname ending in a bare code",
            sname_missing_len,
            Error::MissingLength {
                at: v4(3, 107),
                area: "sname",
            },
        ),
        (
            "overload inside the file field",
            nested_overload,
            Error::NestedOverload {
                at: v4(52, 108),
                area: "file",
            },
        ),
        (
            "message type of length 2",
            with(&[&opt(53, &[5, 5])]),
            Error::BadLength {
                at: v4(53, 242),
                len: 2,
                expected: LengthRule::Exactly(1),
            },
        ),
        (
            "option 150 of length 6",
            with(&[&opt(150, &[10, 0, 0, 1, 10, 0])]),
            Error::BadLength {
                at: v4(150, 242),
                len: 6,
                expected: LengthRule::MultipleOf(4),
            },
        ),
        (
            "option 150 empty",
            with(&[&opt(150, &[])]),
            Error::BadLength {
                at: v4(150, 242),
                len: 0,
                expected: LengthRule::MultipleOf(4),
            },
        ),
        (
            "option 7 of length 3",
            with(&[&opt(7, &[10, 0, 0])]),
            Error::BadLength {
                at: v4(7, 242),
                len: 3,
                expected: LengthRule::MultipleOf(4),
            },
        ),
        (
            "option 42 of length 5",
            with(&[&opt(42, &[10, 0, 0, 1, 2])]),
            Error::BadLength {
                at: v4(42, 242),
                len: 5,
                expected: LengthRule::MultipleOf(4),
            },
        ),
        (
            "option 66 host name",
            with(&[&opt(66, b"files.example.net")]),
            Error::HostName {
                at: v4(66, 242),
                value: Excerpt::new(b"files.example.net"),
            },
        ),
        (
            "option 66 empty",
            with(&[&opt(66, b"")]),
            Error::Empty { at: v4(66, 242) },
        ),
        (
            "option 12 with a newline",
            with(&[&opt(12, b"sw\n01")]),
            Error::ControlByte {
                at: v4(12, 244),
                byte: b'\n',
                value: Excerpt::new(b"sw\n01"),
            },
        ),
        (
            "suboption length past option 43",
            with(&[&opt(43, &[0, 20, b'a'])]),
            Error::LengthOverrun {
                at: sub(0, 242),
                len: 20,
                available: 1,
                area: "option 43",
            },
        ),
        (
            "suboption code with no length",
            with(&[&opt(43, &cat(&[&opt(1, b"c"), &[3]]))]),
            Error::MissingLength {
                at: sub(3, 245),
                area: "option 43",
            },
        ),
        (
            "suboption 03 gopher",
            with(&[&opt(43, &opt(3, b"gopher"))]),
            Error::UnknownTransferMode {
                at: sub(3, 244),
                value: Excerpt::new(b"gopher"),
            },
        ),
        (
            "suboption 02 not symlink",
            with(&[&opt(43, &opt(2, b"hardlink"))]),
            Error::UnknownImageType {
                at: sub(2, 244),
                value: Excerpt::new(b"hardlink"),
            },
        ),
        (
            "suboption 05 host name",
            with(&[&opt(43, &opt(5, b"ftp.example.net"))]),
            Error::BadPortOrServer {
                at: sub(5, 244),
                value: Excerpt::new(b"ftp.example.net"),
            },
        ),
        (
            "suboption 05 port 0",
            with(&[&opt(43, &opt(5, b"0"))]),
            Error::BadPortOrServer {
                at: sub(5, 244),
                value: Excerpt::new(b"0"),
            },
        ),
        (
            "suboption 00 twice",
            with(&[&opt(43, &cat(&[&opt(0, b"a"), &opt(0, b"b")]))]),
            Error::DuplicateSuboption {
                at: sub(0, 245),
                first_offset: 242,
            },
        ),
        (
            "NUL inside the config file name",
            with(&[&opt(43, &opt(1, b"a\0b.conf"))]),
            Error::ControlByte {
                at: sub(1, 245),
                byte: 0,
                value: Excerpt::new(b"a\0b.conf"),
            },
        ),
        (
            "empty image name",
            with(&[&opt(43, &opt(0, b""))]),
            Error::Empty { at: sub(0, 244) },
        ),
        (
            "image name not utf-8",
            with(&[&opt(43, &opt(0, b"\xc3("))]),
            Error::InvalidUtf8 {
                at: sub(0, 244),
                valid_up_to: 0,
                value: Excerpt::new(b"\xc3("),
            },
        ),
        (
            "bytes after the end code in option 43",
            with(&[&opt(43, &[255, 1])]),
            Error::AfterEnd {
                at: sub(255, 243),
                len: 1,
                area: "option 43",
            },
        ),
        (
            // Two instances of 43 join into one value (RFC 3396): 01 06 "ab" + "cd"
            // is 4 bytes for a declared 6.
            "43 split across instances with a bad inner length",
            with(&[
                &opt(43, &[1, 6, b'a', b'b']),
                &opt(1, &[255, 255, 255, 0]),
                &opt(43, b"cd"),
            ]),
            Error::LengthOverrun {
                at: sub(1, 242),
                len: 6,
                available: 4,
                area: "option 43",
            },
        ),
        (
            "vendor class not juniper",
            with(&[&opt(60, b"MSFT 5.0")]),
            Error::NotJuniperVendorClass {
                at: v4(60, 242),
                value: Excerpt::new(b"MSFT 5.0"),
            },
        ),
        (
            "client identifier of one byte",
            with(&[&opt(61, &[0])]),
            Error::BadLength {
                at: v4(61, 242),
                len: 1,
                expected: LengthRule::AtLeast(2),
            },
        ),
        (
            "user class neither RFC 3004 nor text",
            with(&[&opt(77, &[0, 1, 2])]),
            Error::ControlByte {
                at: v4(77, 242),
                byte: 0,
                value: Excerpt::new(&[0, 1, 2]),
            },
        ),
    ];
    assert!(rows.len() >= 25);
    let mut names = std::collections::HashSet::new();
    for (name, bytes, expected) in rows {
        assert!(names.insert(name), "duplicate row {name}");
        assert_eq!(decode_all(&bytes), Err(expected), "{name}");
        // Every error says where it is.
        assert!(expected.place().is_some(), "{name}");
        assert!(!expected.to_string().is_empty());
    }
}

#[test]
fn hostile_hlen_never_slices_past_chaddr() {
    let mut msg = reply(&[255]);
    msg[2] = 255;
    let m = ztp_options::v4::Message::new_checked(&msg[..]).unwrap();
    assert_eq!(
        m.client_hw_addr(),
        Err(Error::BadLength {
            at: Place::header(Family::V4, 2),
            len: 255,
            expected: LengthRule::AtMost(16)
        })
    );
    msg[2] = 6;
    let m = ztp_options::v4::Message::new_checked(&msg[..]).unwrap();
    assert_eq!(
        m.client_hw_addr().unwrap(),
        &[0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]
    );
}

#[test]
fn every_prefix_of_the_sample_decodes_or_errors_without_panic() {
    let sample = ztp_options::samples::V4_ACK;
    for end in 0..=sample.len() {
        let _ = decode_all(&sample[..end]);
    }
    for i in 240..sample.len() {
        for b in [0u8, 1, 43, 52, 254, 255] {
            let mut m = sample.to_vec();
            m[i] = b;
            let _ = decode_all(&m);
        }
    }
}
