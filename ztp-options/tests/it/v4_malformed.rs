//! Malformed DHCPv4 input, one row per mistake, each with the exact error
//! (what, where, which value). Rules: R1 (option 43 walk), R2 (message,
//! overload), R3/R4/R5 (server options), R6 (identity), R7 (text).
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use common::{cat, opt, reply};
use ztp_options::v4::Lease;
use ztp_options::{DecodeError, DecodeErrorKind as K, Family, Field, LengthRule, Place, Within};

/// Decodes everything ZTP reads from `bytes`, returning the first error.
fn decode_all(bytes: &[u8]) -> Result<(), DecodeError> {
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

fn header_cut(available: u32) -> DecodeError {
    DecodeError::new(
        Place::header(Family::V4, 0),
        K::Truncated {
            field: Field::V4Header,
            needed: 240,
            available,
        },
    )
}

/// One row: its name, the input, the exact error, and the offending value
/// the error reads back from the input (`None` for framing errors, which
/// have no value).
type Row<'a> = (&'a str, Vec<u8>, DecodeError, Option<&'a [u8]>);

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

    let rows: Vec<Row<'_>> = vec![
        ("empty input", vec![], header_cut(0), None),
        (
            "truncated header",
            reply(&[])[..100].to_vec(),
            header_cut(100),
            None,
        ),
        (
            "header without cookie",
            reply(&[])[..236].to_vec(),
            header_cut(236),
            None,
        ),
        (
            "bad magic cookie",
            bad_cookie,
            DecodeError::new(
                Place::header(Family::V4, 236),
                K::BadMagicCookie {
                    value: [0x63, 0x82, 0x53, 0x64],
                },
            ),
            None,
        ),
        (
            "option length past the end",
            reply(&[1, 4, 255, 255]),
            DecodeError::new(
                v4(1, 240),
                K::LengthOverrun {
                    within: Within::Options,
                    len: 4,
                    available: 2,
                },
            ),
            None,
        ),
        (
            "option code with no length byte",
            reply(&[53]),
            DecodeError::new(
                v4(53, 240),
                K::Truncated {
                    field: Field::OptionHeader,
                    needed: 2,
                    available: 1,
                },
            ),
            None,
        ),
        (
            "overload value 4",
            with(&[&opt(52, &[4])]),
            DecodeError::new(v4(52, 242), K::BadOverload { value: 4 }),
            None,
        ),
        (
            "overload of length 2",
            with(&[&opt(52, &[1, 1])]),
            DecodeError::new(
                v4(52, 242),
                K::BadLength {
                    len: 2,
                    expected: LengthRule::Exactly(1),
                },
            ),
            None,
        ),
        (
            "overload pointing at a file field with an overrunning option",
            file_overrun,
            DecodeError::new(
                v4(66, 108),
                K::LengthOverrun {
                    within: Within::File,
                    len: 200,
                    available: 126,
                },
            ),
            None,
        ),
        (
            "overload pointing at an sname ending in a bare code",
            sname_missing_len,
            DecodeError::new(
                v4(3, 107),
                K::Truncated {
                    field: Field::OptionHeader,
                    needed: 2,
                    available: 1,
                },
            ),
            None,
        ),
        (
            "overload inside the file field",
            nested_overload,
            DecodeError::new(
                v4(52, 108),
                K::NestedOverload {
                    within: Within::File,
                },
            ),
            None,
        ),
        (
            "message type of length 2",
            with(&[&opt(53, &[5, 5])]),
            DecodeError::new(
                v4(53, 242),
                K::BadLength {
                    len: 2,
                    expected: LengthRule::Exactly(1),
                },
            ),
            None,
        ),
        (
            "option 150 of length 6",
            with(&[&opt(150, &[10, 0, 0, 1, 10, 0])]),
            DecodeError::new(
                v4(150, 242),
                K::BadLength {
                    len: 6,
                    expected: LengthRule::MultipleOf(4),
                },
            ),
            None,
        ),
        (
            "option 150 empty",
            with(&[&opt(150, &[])]),
            DecodeError::new(
                v4(150, 242),
                K::BadLength {
                    len: 0,
                    expected: LengthRule::MultipleOf(4),
                },
            ),
            None,
        ),
        (
            "option 7 of length 3",
            with(&[&opt(7, &[10, 0, 0])]),
            DecodeError::new(
                v4(7, 242),
                K::BadLength {
                    len: 3,
                    expected: LengthRule::MultipleOf(4),
                },
            ),
            None,
        ),
        (
            "option 42 of length 5",
            with(&[&opt(42, &[10, 0, 0, 1, 2])]),
            DecodeError::new(
                v4(42, 242),
                K::BadLength {
                    len: 5,
                    expected: LengthRule::MultipleOf(4),
                },
            ),
            None,
        ),
        (
            "option 66 host name",
            with(&[&opt(66, b"files.example.net")]),
            DecodeError::new(v4(66, 242), K::HostName { len: 17 }),
            Some(b"files.example.net"),
        ),
        (
            "option 66 empty",
            with(&[&opt(66, b"")]),
            DecodeError::new(v4(66, 242), K::Empty),
            None,
        ),
        (
            "option 12 with a newline",
            with(&[&opt(12, b"sw\n01")]),
            DecodeError::new(
                v4(12, 242),
                K::ControlByte {
                    byte: b'\n',
                    index: 2,
                    len: 5,
                },
            ),
            Some(b"sw\n01"),
        ),
        (
            "suboption length past option 43",
            with(&[&opt(43, &[0, 20, b'a'])]),
            DecodeError::new(
                sub(0, 242),
                K::LengthOverrun {
                    within: Within::Suboptions,
                    len: 20,
                    available: 1,
                },
            ),
            None,
        ),
        (
            "suboption code with no length",
            with(&[&opt(43, &cat(&[&opt(1, b"c"), &[3]]))]),
            DecodeError::new(
                sub(3, 245),
                K::Truncated {
                    field: Field::ItemHeader,
                    needed: 2,
                    available: 1,
                },
            ),
            None,
        ),
        (
            "suboption 03 gopher",
            with(&[&opt(43, &opt(3, b"gopher"))]),
            DecodeError::new(sub(3, 244), K::UnknownTransferMode { len: 6 }),
            Some(b"gopher"),
        ),
        (
            "suboption 02 not symlink",
            with(&[&opt(43, &opt(2, b"hardlink"))]),
            DecodeError::new(sub(2, 244), K::UnknownImageType { len: 8 }),
            Some(b"hardlink"),
        ),
        (
            "suboption 05 host name",
            with(&[&opt(43, &opt(5, b"ftp.example.net"))]),
            DecodeError::new(sub(5, 244), K::BadPortOrServer { len: 15 }),
            Some(b"ftp.example.net"),
        ),
        (
            "suboption 05 port 0",
            with(&[&opt(43, &opt(5, b"0"))]),
            DecodeError::new(sub(5, 244), K::BadPortOrServer { len: 1 }),
            Some(b"0"),
        ),
        (
            "suboption 00 twice",
            with(&[&opt(43, &cat(&[&opt(0, b"a"), &opt(0, b"b")]))]),
            DecodeError::new(sub(0, 245), K::DuplicateSuboption { first_offset: 242 }),
            None,
        ),
        (
            "NUL inside the config file name",
            with(&[&opt(43, &opt(1, b"a\0b.conf"))]),
            DecodeError::new(
                sub(1, 244),
                K::ControlByte {
                    byte: 0,
                    index: 1,
                    len: 8,
                },
            ),
            Some(b"a\0b.conf"),
        ),
        (
            "empty image name",
            with(&[&opt(43, &opt(0, b""))]),
            DecodeError::new(sub(0, 244), K::Empty),
            None,
        ),
        (
            "image name not utf-8",
            with(&[&opt(43, &opt(0, b"\xc3("))]),
            DecodeError::new(
                sub(0, 244),
                K::InvalidUtf8 {
                    valid_up_to: 0,
                    len: 2,
                },
            ),
            Some(b"\xc3("),
        ),
        (
            // Two instances of 43 join into one value (RFC 3396): 01 06 "ab" + "cd"
            // is 4 bytes for a declared 6. The offset counts in the joined
            // value, which starts at the first instance's value (242).
            "43 split across instances with a bad inner length",
            with(&[
                &opt(43, &[1, 6, b'a', b'b']),
                &opt(1, &[255, 255, 255, 0]),
                &opt(43, b"cd"),
            ]),
            DecodeError::new(
                v4(43, 242).joined().suboption(1, 242),
                K::LengthOverrun {
                    within: Within::Suboptions,
                    len: 6,
                    available: 4,
                },
            ),
            None,
        ),
        (
            // G1: another vendor's class is not an error any more; a
            // malformed Juniper one is.
            "vendor class juniper without a model",
            with(&[&opt(60, b"Juniper-")]),
            DecodeError::new(v4(60, 242), K::NotJuniperVendorClass { len: 8 }),
            Some(b"Juniper-"),
        ),
        (
            "client identifier of one byte",
            with(&[&opt(61, &[0])]),
            DecodeError::new(
                v4(61, 242),
                K::BadLength {
                    len: 1,
                    expected: LengthRule::AtLeast(2),
                },
            ),
            None,
        ),
        (
            "user class neither RFC 3004 nor text",
            with(&[&opt(77, &[0, 1, 2])]),
            DecodeError::new(
                v4(77, 242),
                K::ControlByte {
                    byte: 0,
                    index: 0,
                    len: 3,
                },
            ),
            Some(&[0, 1, 2]),
        ),
    ];
    assert!(rows.len() >= 24);
    let mut names = std::collections::HashSet::new();
    for (name, bytes, expected, value) in rows {
        assert!(names.insert(name), "duplicate row {name}");
        let got = decode_all(&bytes);
        assert_eq!(got, Err(expected), "{name}");
        // Every error says where it is (family, option, offset) and what
        // the offending value is, read back from the input.
        assert_eq!(expected.place().family(), Family::V4, "{name}");
        assert_eq!(expected.value(&bytes), value, "{name}");
        let text = expected.display_in(&bytes).to_string();
        assert!(text.starts_with("dhcpv4 "), "{name}: {text}");
        if let Some(v) = value {
            assert!(
                text.contains(&ztp_options::Excerpt(v).to_string()),
                "{name}: {text}"
            );
        }
    }
}

#[test]
fn r2_bytes_after_the_message_end_are_reported_and_the_message_still_decodes() {
    // R2 (changed): what follows the end option is not read. Pad is silent;
    // anything else is reported with its offset (the first byte that is not
    // pad) and its count (from there to the field's end), not an error.
    let bytes = reply(&[53, 1, 5, 255, 0, 0, 7, 0, 9]);
    assert_eq!(decode_all(&bytes), Ok(()));
    let lease = Lease::parse(&bytes).unwrap();
    let want = ztp_options::v4::Trailing {
        offset: 246,
        len: 3,
    };
    assert_eq!(lease.after_end(), Some(want));
    let message = ztp_options::v4::Message::new_checked(&bytes[..]).unwrap();
    assert_eq!(message.after_end(), Ok(Some(want)));
    assert!(message.options().all(|o| o.is_ok()));
    // Only pad after the end: nothing to report.
    let padded = reply(&[53, 1, 5, 255, 0, 0, 0]);
    assert_eq!(Lease::parse(&padded).unwrap().after_end(), None);
    assert_eq!(
        ztp_options::v4::Message::new_checked(&padded[..])
            .unwrap()
            .after_end(),
        Ok(None)
    );
    // The owned form does not keep them: re-encoding writes nothing there.
    let repr = ztp_options::v4::MessageRepr::parse(&message).unwrap();
    let again = repr.to_vec();
    assert_eq!(Lease::parse(&again).unwrap().after_end(), None);
    assert_eq!(again.get(240..244), Some(&[53, 1, 5, 255][..]));
}

#[test]
fn r2_bytes_after_the_end_of_an_overloaded_file_field_are_reported() {
    // Option 52 = 1: `file` holds options; its end is followed by junk.
    let mut bytes = reply(&[52, 1, 1, 255]);
    bytes[108..112].copy_from_slice(&[53, 1, 5, 255]);
    bytes[112] = 0x41;
    let lease = Lease::parse(&bytes).unwrap();
    assert_eq!(lease.message_type(), Ok(Some(5)));
    assert_eq!(
        lease.after_end(),
        Some(ztp_options::v4::Trailing {
            offset: 112,
            len: 236 - 112
        })
    );
}

#[test]
fn hostile_hlen_never_slices_past_chaddr() {
    let mut msg = reply(&[255]);
    msg[2] = 255;
    let m = ztp_options::v4::Message::new_checked(&msg[..]).unwrap();
    assert_eq!(
        m.client_hw_addr(),
        Err(DecodeError::new(
            Place::header(Family::V4, 2),
            K::BadLength {
                len: 255,
                expected: LengthRule::AtMost(16)
            }
        ))
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
