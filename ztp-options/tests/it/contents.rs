//! R34: everything a reply carries, whatever the verdict, each value
//! decoded on its own (`contents_v4`, `contents_v6`); R35's three
//! diagnoses of "no file names" are told apart by the contents.

use crate::common::{cat, opt, reply, v6_reply, v6opt, v6url, v6vendor};
use std::net::Ipv4Addr;
use ztp_options::v4::{self, Trailing};
use ztp_options::v6;
use ztp_options::{
    CannotProceed, DecodeErrorKind, ImageType, PortOrServer, SuboptionCode, TransferMode,
    contents_v4, contents_v6, resolve_v4, resolve_v6,
};

fn msg(options: &[&[u8]]) -> Vec<u8> {
    let mut o = cat(options);
    o.push(255);
    reply(&o)
}

#[test]
fn r34_a_reply_that_cannot_proceed_still_shows_every_value() {
    // No option 43, but 150, 42, 7, 12, 67 and an SZTP redirect; sname and
    // file set: ZTP cannot proceed (R18), every value is still shown.
    let redirect = cat(&[&[0, 17], b"https://sztp.test"]);
    let mut bytes = msg(&[
        &opt(150, &[192, 0, 2, 10, 192, 0, 2, 11]),
        &opt(42, &[192, 0, 2, 123]),
        &opt(7, &[192, 0, 2, 51]),
        &opt(12, b"sw-01"),
        &opt(67, b"pxelinux.0"),
        &opt(143, &redirect),
    ]);
    bytes[20..24].copy_from_slice(&[192, 0, 2, 99]);
    bytes[44..49].copy_from_slice(b"boot1");
    bytes[108..115].copy_from_slice(b"pxe.img");
    let lease = v4::Lease::parse(&bytes).unwrap();
    assert_eq!(resolve_v4(&lease), Err(CannotProceed::NothingToFetch));
    let c = contents_v4(&lease);
    assert!(c.option43().is_none());
    let servers = c.tftp_server_addresses().unwrap().unwrap();
    assert_eq!(
        servers.iter().collect::<Vec<_>>(),
        [Ipv4Addr::new(192, 0, 2, 10), Ipv4Addr::new(192, 0, 2, 11)]
    );
    assert!(c.tftp_server_name().is_none());
    assert_eq!(
        c.ntp_servers().unwrap().unwrap().first(),
        Ipv4Addr::new(192, 0, 2, 123)
    );
    assert_eq!(
        c.log_servers().unwrap().unwrap().first(),
        Ipv4Addr::new(192, 0, 2, 51)
    );
    assert_eq!(c.host_name().unwrap().unwrap().as_str(), Ok("sw-01"));
    assert_eq!(c.boot_file_name(), Some(&b"pxelinux.0"[..]));
    assert_eq!(c.siaddr(), Some(Ipv4Addr::new(192, 0, 2, 99)));
    assert_eq!(c.sname(), Some(&b"boot1"[..]));
    assert_eq!(c.file(), Some(&b"pxe.img"[..]));
    let r = c.sztp_redirect().unwrap().unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(c.after_end(), None);
}

#[test]
fn r34_a_malformed_150_does_not_hide_66_or_43() {
    // 150 holds text (length 10, not a multiple of 4); 66 and 43 are fine.
    let bytes = msg(&[
        &opt(43, &cat(&[&opt(1, b"sw.conf"), &opt(3, b"http")])),
        &opt(150, b"192.0.2.10"),
        &opt(66, b"192.0.2.66"),
    ]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    assert!(matches!(
        resolve_v4(&lease),
        Err(CannotProceed::Malformed(_))
    ));
    let c = contents_v4(&lease);
    let e = c.tftp_server_addresses().unwrap().unwrap_err();
    assert!(matches!(
        e.kind(),
        DecodeErrorKind::BadLength { len: 10, .. }
    ));
    // The raw bytes stay reachable: here, printable text.
    assert_eq!(
        c.raw(v4::OptionCode::TFTP_SERVER_ADDRESS),
        Some(&b"192.0.2.10"[..])
    );
    assert_eq!(
        c.tftp_server_address(),
        Some(Ok(Ipv4Addr::new(192, 0, 2, 66)))
    );
    let vendor = c.option43().unwrap();
    assert_eq!(vendor.config().unwrap().unwrap().as_str(), Ok("sw.conf"));
    assert_eq!(vendor.transfer_mode(), Some(Ok(TransferMode::Http)));
}

#[test]
fn r34_r35_an_empty_43_an_absent_43_and_a_43_with_only_unknown_codes_differ() {
    // All three cannot proceed with the same CannotProceed...
    let absent = msg(&[&opt(150, &[192, 0, 2, 10])]);
    let empty = msg(&[&opt(43, b""), &opt(150, &[192, 0, 2, 10])]);
    // ... a 43 holding option 150's encoding inside it (code 150, len 4).
    let unknown = msg(&[
        &opt(43, &opt(150, &[192, 0, 2, 10])),
        &opt(150, &[192, 0, 2, 10]),
    ]);
    for bytes in [&absent, &empty, &unknown] {
        let lease = v4::Lease::parse(bytes).unwrap();
        assert_eq!(resolve_v4(&lease), Err(CannotProceed::NothingToFetch));
    }
    // ... and the contents tell them apart.
    let lease = v4::Lease::parse(&absent).unwrap();
    assert!(contents_v4(&lease).option43().is_none());
    let lease = v4::Lease::parse(&empty).unwrap();
    let v = contents_v4(&lease).option43().unwrap();
    assert!(v.is_empty() && !v.has_ztp_suboption());
    assert_eq!(v.items().count(), 0);
    let lease = v4::Lease::parse(&unknown).unwrap();
    let v = contents_v4(&lease).option43().unwrap();
    assert!(!v.is_empty() && !v.has_ztp_suboption());
    let unknown: Vec<(u16, Vec<u8>)> = v
        .unknown()
        .map(|i| (i.code.get(), i.value.to_vec()))
        .collect();
    assert_eq!(unknown, [(150, vec![192, 0, 2, 10])]);
    assert_eq!(v.walk_error(), None);
}

#[test]
fn r34_each_suboption_is_decoded_on_its_own() {
    // 00 ok, 02 "hardlink" (bad), 03 "htp" (bad), 05 "x" (bad), 08 ok,
    // 01 twice (the first is shown, the second reported), then 04 whose
    // length runs past the end (the walk stops there).
    let value = cat(&[
        &opt(0, b"junos.tgz"),
        &opt(2, b"hardlink"),
        &opt(3, b"htp"),
        &opt(5, b"x"),
        &opt(8, b"192.0.2.80:3128"),
        &opt(1, b"a.conf"),
        &opt(1, b"b.conf"),
        &[4, 50, b'z'],
    ]);
    let bytes = msg(&[&opt(43, &value), &opt(150, &[192, 0, 2, 10])]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    assert!(resolve_v4(&lease).is_err());
    let v = contents_v4(&lease).option43().unwrap();
    assert_eq!(v.image().unwrap().unwrap().as_str(), Ok("junos.tgz"));
    assert!(matches!(
        v.image_type().unwrap().unwrap_err().kind(),
        DecodeErrorKind::UnknownImageType { len: 8 }
    ));
    assert!(matches!(
        v.transfer_mode().unwrap().unwrap_err().kind(),
        DecodeErrorKind::UnknownTransferMode { .. }
    ));
    assert!(v.port_or_server().unwrap().is_err());
    assert_eq!(v.proxy().unwrap().unwrap().as_str(), Ok("192.0.2.80:3128"));
    assert_eq!(v.config().unwrap().unwrap().as_str(), Ok("a.conf"));
    assert!(matches!(
        v.duplicate(SuboptionCode::CONFIG).map(|e| e.kind()),
        Some(DecodeErrorKind::DuplicateSuboption { .. })
    ));
    assert_eq!(v.duplicate(SuboptionCode::IMAGE), None);
    // 04 does not frame: absent from the values, the walk error says where.
    assert!(v.alt_image().is_none());
    let e = v.walk_error().unwrap();
    assert!(matches!(
        e.kind(),
        DecodeErrorKind::LengthOverrun { len: 50, .. }
    ));
    assert_eq!(e.place().suboption_code(), Some(4));
    // Each error names option 43 and the suboption, with its offset.
    let e = v.transfer_mode().unwrap().unwrap_err();
    assert_eq!(e.place().option_code(), Some(43));
    assert_eq!(e.place().suboption_code(), Some(3));
}

#[test]
fn r34_r1_an_end_code_inside_43_and_the_bytes_after_it() {
    // 01 "sw.conf", ff, then "junk": the end is at the value's byte 9.
    let value = cat(&[&opt(1, b"sw.conf"), &[255], b"junk"]);
    let bytes = msg(&[&opt(43, &value), &opt(150, &[192, 0, 2, 10])]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    let v = contents_v4(&lease).option43().unwrap();
    // Option 43's value starts at 242.
    assert_eq!(v.end(), Some(242 + 9));
    assert_eq!(
        v.after_end(),
        Some(Trailing {
            offset: 252,
            len: 4
        })
    );
    assert_eq!(v.config().unwrap().unwrap().as_str(), Ok("sw.conf"));
    // Without an end code.
    let bytes = msg(&[&opt(43, &opt(1, b"sw.conf"))]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    assert_eq!(contents_v4(&lease).option43().unwrap().end(), None);
}

#[test]
fn r1_a_joined_option_43s_end_counts_in_the_joined_value_and_the_log_in_the_message() {
    // Option 43 split in two instances (RFC 3396): `01 07 sw.conf` at
    // byte 240 (value at 242), then `ff` "junk" at byte 251 (value at 253).
    // Found by the `explain` fuzz target: the end's offset was checked as
    // a message offset.
    let bytes = msg(&[
        &opt(43, &opt(1, b"sw.conf")),
        &opt(43, &cat(&[&[255], b"junk"])),
        &opt(150, &[192, 0, 2, 10]),
    ]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    let v = contents_v4(&lease).option43().unwrap();
    assert!(v.place().in_joined_value());
    assert_eq!(v.place().offset(), 242);
    // The end code is byte 9 of the joined value: 242 + 9, as the place
    // counts; in the message it is the second instance's first byte.
    assert_eq!(v.end(), Some(242 + 9));
    assert_eq!(v.as_bytes()[9], 255);
    assert_eq!(
        lease.message_offset(v4::OptionCode::VENDOR_SPECIFIC, 9),
        Some(253)
    );
    assert_eq!(bytes[253], 255);
    assert_eq!(
        lease.message_offset(v4::OptionCode::VENDOR_SPECIFIC, 14),
        None
    );
    // What follows the end: at 254 in the message, in the lease and in the
    // plan's log.
    let after = Trailing {
        offset: 254,
        len: 4,
    };
    assert_eq!(lease.option43_after_end(), Some(after));
    assert_eq!(&bytes[254..258], b"junk");
    let plan = resolve_v4(&lease).unwrap();
    assert_eq!(plan.ignored.after_end, Some(after));
    assert!(
        plan.decisions().any(|d| d
            .to_string()
            .contains("4 bytes after the end of option 43's suboptions at byte 254")),
        "{:?}",
        plan.decisions().map(|d| d.to_string()).collect::<Vec<_>>()
    );
    // One instance: the same offsets, in the message.
    let single = msg(&[
        &opt(43, &cat(&[&opt(1, b"sw.conf"), &[255], b"junk"])),
        &opt(150, &[192, 0, 2, 10]),
    ]);
    let lease = v4::Lease::parse(&single).unwrap();
    assert_eq!(
        lease.message_offset(v4::OptionCode::VENDOR_SPECIFIC, 9),
        Some(251)
    );
    assert_eq!(
        lease.option43_after_end(),
        Some(Trailing {
            offset: 252,
            len: 4
        })
    );
}

#[test]
fn r34_r2_bytes_after_the_message_end_are_in_the_contents() {
    let mut o = opt(150, &[192, 0, 2, 10]);
    o.extend_from_slice(&[255, 0, 1, 2]);
    let bytes = reply(&o);
    let lease = v4::Lease::parse(&bytes).unwrap();
    assert_eq!(
        contents_v4(&lease).after_end(),
        Some(Trailing {
            offset: bytes.len() - 2,
            len: 2
        })
    );
}

#[test]
fn r34_option_66_text_and_its_address_or_error() {
    let bytes = msg(&[&opt(66, b"tftp.example.net")]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    let c = contents_v4(&lease);
    assert_eq!(
        c.tftp_server_name().unwrap().unwrap().text().as_str(),
        Ok("tftp.example.net")
    );
    assert!(matches!(
        c.tftp_server_address().unwrap().unwrap_err().kind(),
        DecodeErrorKind::HostName { len: 16 }
    ));
    // R3/R13: the reason is R3's host name, not "no option 66".
    assert!(matches!(
        resolve_v4(&lease),
        Err(CannotProceed::Malformed(e)) if matches!(e.kind(), DecodeErrorKind::HostName { .. })
    ));
}

#[test]
fn r34_v4_a_port_or_server_in_05() {
    let value = cat(&[&opt(1, b"sw.conf"), &opt(5, b"192.0.2.21")]);
    let bytes = msg(&[&opt(43, &value)]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    let v = contents_v4(&lease).option43().unwrap();
    assert_eq!(
        v.port_or_server(),
        Some(Ok(PortOrServer::Server(Ipv4Addr::new(192, 0, 2, 21))))
    );
    assert_eq!(v.image_type(), None);
    let bytes = msg(&[&opt(43, &opt(2, b"symlink"))]);
    let lease = v4::Lease::parse(&bytes).unwrap();
    let v = contents_v4(&lease).option43().unwrap();
    assert_eq!(v.image_type(), Some(Ok(ImageType::Symlink)));
}

#[test]
fn r34_v6_every_option_17_and_59_each_on_its_own() {
    // Another enterprise's 17, Juniper's 17 with a bad 03 and a good 01
    // and an unknown 99, a malformed 59, an SZTP redirect.
    let redirect = cat(&[&[0, 17], b"https://sztp.test"]);
    let bytes = v6_reply(&cat(&[
        &v6vendor(4874, &[(1, b"other")]),
        &v6vendor(2636, &[(3, b"htp"), (1, b"sw.conf"), (99, b"x")]),
        &v6url("tftp://192.0.2.1/img.tgz"),
        &v6opt(136, &redirect),
    ]));
    let lease = v6::Lease::parse(&bytes).unwrap();
    assert!(resolve_v6(&lease).is_err());
    let c = contents_v6(&lease);
    assert!(c.has_option17());
    let e: Vec<u32> = c.enterprises().map(Result::unwrap).collect();
    assert_eq!(e, [4874, 2636]);
    let v = c.juniper().unwrap();
    assert!(v.has_ztp_suboption() && !v.is_empty());
    assert!(v.transfer_mode().unwrap().is_err());
    assert_eq!(v.config().unwrap().unwrap().as_str(), Ok("sw.conf"));
    let unknown: Vec<u16> = v.unknown().map(|i| i.code.get()).collect();
    assert_eq!(unknown, [99]);
    assert_eq!(v.end(), None);
    assert!(c.boot_file_url().unwrap().is_err());
    assert_eq!(
        c.raw(v6::OptionCode::BOOTFILE_URL),
        Some(&b"tftp://192.0.2.1/img.tgz"[..])
    );
    assert_eq!(c.sztp_redirect().unwrap().unwrap().len(), 1);
    assert_eq!(c.duplicate_juniper(), None);
}

#[test]
fn r34_v6_no_17_a_2636_without_ztp_suboptions_and_a_second_2636() {
    let bytes = v6_reply(&v6url("http://[2001:db8::1]/i.tgz"));
    let lease = v6::Lease::parse(&bytes).unwrap();
    let c = contents_v6(&lease);
    assert!(!c.has_option17() && c.juniper().is_none());
    // 2636 with only an unknown item.
    let bytes = v6_reply(&v6vendor(2636, &[(42, b"x")]));
    let lease = v6::Lease::parse(&bytes).unwrap();
    let v = contents_v6(&lease).juniper().unwrap();
    assert!(!v.has_ztp_suboption() && !v.is_empty());
    // 2636 with nothing after the enterprise number.
    let bytes = v6_reply(&v6vendor(2636, &[]));
    let lease = v6::Lease::parse(&bytes).unwrap();
    assert!(contents_v6(&lease).juniper().unwrap().is_empty());
    // Two 2636 instances: the first is shown, the second reported.
    let bytes = v6_reply(&cat(&[
        &v6vendor(2636, &[(1, b"a.conf")]),
        &v6vendor(2636, &[(1, b"b.conf")]),
    ]));
    let lease = v6::Lease::parse(&bytes).unwrap();
    let c = contents_v6(&lease);
    let v = c.juniper().unwrap();
    assert_eq!(v.config().unwrap().unwrap().as_str(), Ok("a.conf"));
    assert!(matches!(
        c.duplicate_juniper().map(|e| e.kind()),
        Some(DecodeErrorKind::DuplicateEnterprise { .. })
    ));
    // The lease's own accessor reports the same error.
    assert_eq!(lease.vendor_opts().err(), c.duplicate_juniper());
    // A short option 17: its error, in order.
    let bytes = v6_reply(&v6opt(17, &[0, 0]));
    let lease = v6::Lease::parse(&bytes).unwrap();
    let c = contents_v6(&lease);
    assert!(c.enterprises().next().unwrap().is_err());
    assert!(c.juniper().is_none());
}
