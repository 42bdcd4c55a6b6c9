//! Rules R1..R7 of SPEC.md for DHCPv4, each proved by a test that names it.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use std::borrow::Cow;
use std::net::Ipv4Addr;

use common::{cat, opt, reply};
use ztp_options::v4::{Lease, Message, Option43, OptionCode, OptionSet, Overload};
use ztp_options::{
    DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind, EncodeItem, Family, ImageType,
    Place, Port, PortOrServer, SuboptionCode, TrailingNul, TransferMode, VendorInfo, Within,
};

fn o43(sub: &[u8]) -> Vec<u8> {
    opt(43, sub)
}

#[test]
fn r1_suboption_00_is_the_image_not_padding() {
    // 00 0b "install.tgz" 01 07 "jn.conf": a decoder that skips 0 as padding
    // would read 0b as a code and lose the image name.
    let value = cat(&[&opt(0, b"install.tgz"), &opt(1, b"jn.conf")]);
    let view = Option43::new_checked(&value).unwrap();
    let sub = view.suboptions().unwrap();
    assert_eq!(sub.image().unwrap().as_bytes(), b"install.tgz");
    assert_eq!(sub.config().unwrap().as_bytes(), b"jn.conf");
    let codes: Vec<SuboptionCode> = view.items().map(|i| i.unwrap().code).collect();
    assert_eq!(codes, [SuboptionCode::IMAGE, SuboptionCode::CONFIG]);
    assert_eq!(codes[0].get(), 0);
}

#[test]
fn r1_code_255_ends_the_list() {
    let value = cat(&[&opt(1, b"jn.conf"), &[255]]);
    let view = Option43::new_checked(&value).unwrap();
    assert!(view.has_end());
    assert_eq!(view.items().count(), 1);
    // R1 (choice): what follows the end code is not read; padding is
    // silent, other bytes are reported with their count and offset.
    let value = cat(&[&opt(1, b"jn.conf"), &[255], &opt(0, b"x")]);
    let view = Option43::new_checked(&value).unwrap();
    assert_eq!(view.items().count(), 1);
    assert_eq!(
        view.after_end(),
        Some(ztp_options::v4::Trailing { offset: 10, len: 3 })
    );
    let padded = cat(&[&opt(1, b"jn.conf"), &[255, 0, 0]]);
    assert_eq!(Option43::new_checked(&padded).unwrap().after_end(), None);
}

#[test]
fn r1_length_past_the_payload_is_an_error_with_the_offset() {
    let value = cat(&[&opt(0, b"img"), &[1, 9, b'a', b'b']]);
    assert_eq!(
        Option43::new_checked(&value),
        Err(DecodeError::new(
            Place::option(Family::V4, 43, 0).suboption(1, 5),
            DecodeErrorKind::LengthOverrun {
                within: Within::Suboptions,
                len: 9,
                available: 2,
            }
        ))
    );
    // Inside a message, the offset counts from the message's start.
    let msg = reply(&cat(&[&o43(&value), &[255]]));
    let lease = Lease::parse(&msg).unwrap();
    let err = lease.suboptions().unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            Place::option(Family::V4, 43, 242).suboption(1, 247),
            DecodeErrorKind::LengthOverrun {
                within: Within::Suboptions,
                len: 9,
                available: 2,
            }
        )
    );
    assert_eq!(
        (err.place().offset(), err.place().suboption_code()),
        (247, Some(1))
    );
}

#[test]
fn r1_unknown_suboptions_are_kept_in_order_and_reencoded() {
    let value = cat(&[&opt(1, b"c.conf"), &opt(42, b"\x01\x02"), &opt(7, b"")]);
    let info = Option43::new_checked(&value)
        .unwrap()
        .to_vendor_info()
        .unwrap();
    assert_eq!(info.unknown.len(), 2);
    assert_eq!((info.unknown[0].code, info.unknown[1].code), (42, 7));
    let mut out = vec![0; info.buffer_len_v4().unwrap()];
    info.emit_v4(&mut out).unwrap();
    assert_eq!(out, value);
}

#[test]
fn r1_typed_suboptions_02_03_04_05_08() {
    let value = cat(&[
        &opt(0, b"a.tgz"),
        &opt(2, b"symlink"),
        &opt(3, b"https"),
        &opt(4, b"b.tgz"),
        &opt(5, b"8443"),
        &opt(8, b"http://192.0.2.8:3128"),
    ]);
    let sub = Option43::new_checked(&value).unwrap().suboptions().unwrap();
    assert_eq!(sub.image_type(), ImageType::Symlink);
    assert_eq!(sub.transfer_mode(), Some(TransferMode::Https));
    assert_eq!(sub.alt_image().unwrap().as_bytes(), b"b.tgz");
    assert_eq!(
        sub.port_or_server(),
        Some(PortOrServer::Port(Port::new(8443).unwrap()))
    );
    assert_eq!(
        sub.proxy().unwrap().as_str().unwrap(),
        "http://192.0.2.8:3128"
    );
}

#[test]
fn r1_suboption_03_gopher_is_an_error_naming_the_value() {
    let value = opt(3, b"gopher");
    let err = Option43::new_checked(&value)
        .unwrap()
        .suboptions()
        .unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            Place::option(Family::V4, 43, 0).suboption(3, 2),
            DecodeErrorKind::UnknownTransferMode { len: 6 }
        )
    );
    assert_eq!(err.value(&value), Some(&b"gopher"[..]));
    assert_eq!(
        err.display_in(&value).to_string(),
        "dhcpv4 option 43 suboption 03 at byte 2: unknown transfer mode \"gopher\" \
         (expected tftp, ftp, http or https)"
    );
}

#[test]
fn r2_repeated_option_instances_are_concatenated() {
    // Option 43 split in two instances, with option 1 between them.
    let first = cat(&[&[0, 5], b"ab"]);
    let second = b"cde".to_vec();
    let msg = reply(&cat(&[
        &opt(43, &first),
        &opt(1, &[255, 255, 255, 0]),
        &opt(43, &second),
        &[255],
    ]));
    let m = Message::new_checked(&msg[..]).unwrap();
    let v = m.option(OptionCode::VENDOR_SPECIFIC).unwrap().unwrap();
    assert_eq!(v.instances, 2);
    assert!(matches!(v.value, Cow::Owned(_)));
    assert_eq!(&v.value[..], b"\x00\x05abcde");
    let lease = Lease::parse(&msg).unwrap();
    assert_eq!(
        lease
            .suboptions()
            .unwrap()
            .unwrap()
            .image()
            .unwrap()
            .as_bytes(),
        b"abcde"
    );
}

#[test]
fn r2_single_instance_is_borrowed() {
    let msg = reply(&cat(&[&opt(43, &opt(1, b"x.conf")), &[255]]));
    let m = Message::new_checked(&msg[..]).unwrap();
    let v = m.option(OptionCode::VENDOR_SPECIFIC).unwrap().unwrap();
    assert!(matches!(v.value, Cow::Borrowed(_)));
}

#[test]
fn r2_encoder_splits_values_over_255_bytes() {
    let long = vec![b'x'; 600];
    let mut set = OptionSet::new();
    set.insert(OptionCode::VENDOR_SPECIFIC, long.clone())
        .unwrap();
    let mut buf = vec![0; set.buffer_len()];
    set.emit(&mut buf).unwrap();
    // 255 + 255 + 90, each with code and length, then end.
    assert_eq!(buf.len(), 600 + 3 * 2 + 1);
    assert_eq!(&buf[..2], &[43, 255]);
    assert_eq!(&buf[257..259], &[43, 255]);
    assert_eq!(&buf[514..516], &[43, 90]);
    assert_eq!(buf[buf.len() - 1], 255);
    let msg = reply(&buf);
    let m = Message::new_checked(&msg[..]).unwrap();
    assert_eq!(
        m.option(OptionCode::VENDOR_SPECIFIC)
            .unwrap()
            .unwrap()
            .value
            .as_ref(),
        &long[..]
    );
}

#[test]
fn r2_overload_reads_options_from_file_then_sname() {
    let mut msg = reply(&cat(&[
        &opt(52, &[3]),
        &opt(43, &[1, 4, b'a', b'b']),
        &[255],
    ]));
    // file (108..236) continues option 43; sname (44..108) holds option 150.
    let file = cat(&[&opt(43, b"cd"), &[255]]);
    msg[108..108 + file.len()].copy_from_slice(&file);
    let sname = cat(&[&opt(150, &[10, 0, 0, 1]), &[255]]);
    msg[44..44 + sname.len()].copy_from_slice(&sname);
    let m = Message::new_checked(&msg[..]).unwrap();
    assert_eq!(m.overload().unwrap(), Overload::Both);
    let lease = Lease::parse(&msg).unwrap();
    assert_eq!(
        lease
            .suboptions()
            .unwrap()
            .unwrap()
            .config()
            .unwrap()
            .as_bytes(),
        b"abcd"
    );
    assert_eq!(
        lease.tftp_server_addresses().unwrap().unwrap().first(),
        Ipv4Addr::new(10, 0, 0, 1)
    );
    // Overloaded fields are not names.
    assert_eq!(m.sname().unwrap(), None);
    assert_eq!(lease.file(), None);
    let areas: Vec<_> = m.options().map(|o| o.unwrap().area.as_str()).collect();
    assert_eq!(areas, ["options", "options", "file", "sname"]);
}

#[test]
fn r2_without_overload_sname_and_file_are_names() {
    let mut msg = reply(&[255]);
    msg[44..50].copy_from_slice(b"tftp01");
    msg[108..115].copy_from_slice(b"pxe.cfg");
    let lease = Lease::parse(&msg).unwrap();
    assert_eq!(lease.sname(), Some(&b"tftp01"[..]));
    assert_eq!(lease.file(), Some(&b"pxe.cfg"[..]));
}

#[test]
fn r3_option_66_host_name_is_reported_not_resolved() {
    let msg = reply(&cat(&[&opt(66, b"tftp.example.net"), &[255]]));
    let lease = Lease::parse(&msg).unwrap();
    let name = lease.tftp_server_name().unwrap().unwrap();
    let err = name.address().unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            Place::option(Family::V4, 66, 242),
            DecodeErrorKind::HostName { len: 16 }
        )
    );
    assert_eq!(err.value(&msg), Some(&b"tftp.example.net"[..]));
    let msg = reply(&cat(&[&opt(66, b"192.0.2.9"), &[255]]));
    let lease = Lease::parse(&msg).unwrap();
    assert_eq!(
        lease.tftp_server_name().unwrap().unwrap().address(),
        Ok(Ipv4Addr::new(192, 0, 2, 9))
    );
}

#[test]
fn r4_option_150_list_and_bad_length() {
    let msg = reply(&cat(&[&opt(150, &[10, 0, 0, 1, 10, 0, 0, 2]), &[255]]));
    let lease = Lease::parse(&msg).unwrap();
    let list = lease.tftp_server_addresses().unwrap().unwrap();
    assert_eq!(
        list.iter().collect::<Vec<_>>(),
        [Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)]
    );
    let msg = reply(&cat(&[&opt(150, &[10, 0, 0, 1, 10, 0]), &[255]]));
    assert_eq!(
        Lease::parse(&msg).unwrap().tftp_server_addresses(),
        Err(DecodeError::new(
            Place::option(Family::V4, 150, 242),
            DecodeErrorKind::BadLength {
                len: 6,
                expected: ztp_options::LengthRule::MultipleOf(4)
            }
        ))
    );
}

#[test]
fn r5_syslog_ntp_and_host_name() {
    let msg = reply(&cat(&[
        &opt(7, &[192, 0, 2, 20]),
        &opt(42, &[192, 0, 2, 30, 192, 0, 2, 31]),
        &opt(12, b"sw-01"),
        &[255],
    ]));
    let lease = Lease::parse(&msg).unwrap();
    assert_eq!(
        lease.log_servers().unwrap().unwrap().first(),
        Ipv4Addr::new(192, 0, 2, 20)
    );
    assert_eq!(lease.ntp_servers().unwrap().unwrap().len(), 2);
    assert_eq!(
        lease.host_name().unwrap().unwrap().as_str().unwrap(),
        "sw-01"
    );
}

#[test]
fn r6_device_identity_options_decode() {
    let msg = reply(&cat(&[
        &opt(60, b"Juniper-qfx10002-36q-DN817"),
        &opt(61, b"\x00DN817"),
        &opt(77, b"\x07Juniper\x0cqfx10002-36q\x0621.3R1"),
        &[255],
    ]));
    let lease = Lease::parse(&msg).unwrap();
    let vc = lease.vendor_class().unwrap().unwrap();
    assert_eq!((vc.model, vc.serial), ("qfx10002-36q", Some("DN817")));
    assert_eq!(
        lease.client_identifier().unwrap().unwrap().serial(),
        Some("DN817")
    );
    match lease.user_class().unwrap().unwrap() {
        ztp_options::v4::UserClass::Items(items) => assert_eq!(items.count(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn r7_trailing_nul_tolerated_inner_nul_rejected() {
    let value = cat(&[&opt(0, b"img.tgz\0"), &opt(1, b"a\0b")]);
    let view = Option43::new_checked(&value).unwrap();
    let err = view.suboptions().unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            Place::option(Family::V4, 43, 0).suboption(1, 12),
            DecodeErrorKind::ControlByte {
                byte: 0,
                index: 1,
                len: 3
            }
        )
    );
    assert_eq!(err.value(&value), Some(&b"a\0b"[..]));
    let value = opt(0, b"img.tgz\0");
    let sub = Option43::new_checked(&value).unwrap().suboptions().unwrap();
    assert_eq!(sub.image().unwrap().trailing_nul(), TrailingNul::Stripped);
    assert_eq!(sub.image().unwrap().as_bytes(), b"img.tgz");
}

#[test]
fn r7_invalid_utf8_names_the_option() {
    let value = opt(1, b"cfg\xff.conf");
    let sub = Option43::new_checked(&value).unwrap().suboptions().unwrap();
    let err = sub.config().unwrap().as_str().unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            Place::option(Family::V4, 43, 0).suboption(1, 2),
            DecodeErrorKind::InvalidUtf8 {
                valid_up_to: 3,
                len: 9
            }
        )
    );
    assert_eq!(err.value(&value), Some(&b"cfg\xff.conf"[..]));
    assert_eq!(
        err.display_in(&value).to_string(),
        "dhcpv4 option 43 suboption 01 at byte 2: not utf-8 at index 3 of \"cfg\\xff.conf\""
    );
}

#[test]
fn vendor_info_v4_rejects_what_would_not_decode() {
    let info = VendorInfo {
        image: Some(String::new()),
        ..VendorInfo::default()
    };
    let at = |code: u16| EncodeItem::option(Family::V4, 43).suboption(code);
    assert_eq!(
        info.buffer_len_v4(),
        Err(EncodeError::new(
            at(0),
            EncodeErrorKind::BadText {
                kind: DecodeErrorKind::Empty
            }
        ))
    );
    let info = VendorInfo {
        config: Some("x".repeat(256)),
        ..VendorInfo::default()
    };
    assert_eq!(
        info.buffer_len_v4(),
        Err(EncodeError::new(
            at(1),
            EncodeErrorKind::TooLong { len: 256, max: 255 }
        ))
    );
    let info = VendorInfo {
        unknown: vec![ztp_options::RawSuboption {
            code: 1,
            value: vec![],
        }],
        ..VendorInfo::default()
    };
    assert_eq!(
        info.buffer_len_v4(),
        Err(EncodeError::new(at(1), EncodeErrorKind::DuplicateSuboption))
    );
    let info = VendorInfo {
        image: Some("a".into()),
        ..VendorInfo::default()
    };
    let mut small = [0u8; 2];
    assert_eq!(
        info.emit_v4(&mut small),
        Err(EncodeError::buffer_too_small(Family::V4, 3, 2))
    );
}
