//! Rules R8 and R9 of SPEC.md (DHCPv6 option 17 and option 59), each proved
//! by a test that names it, plus relay unwrapping, options 15/16, the
//! embedded sample and the dnsmasq capture.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use std::net::Ipv6Addr;

use ztp_options::samples::V6_REPLY;
use ztp_options::v6::{
    BootFileUrl, BootFileUrlRepr, JUNIPER_ENTERPRISE, Lease, MAX_RELAY_DEPTH, Message, MessageType,
    OptionCode, UserClass, VendorClass, VendorOpts,
};
use ztp_options::{
    DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind, EncodeItem, Family, Field, Place,
    Port, PortOrServer, RawSuboption, SuboptionCode, TransferMode, UrlProblem, VendorInfo, Within,
};

/// The REPLY dnsmasq 2.90 sent in /work/shared/captures/dnsmasq-2.90-v6-ztp.pcap
/// (frame 4, the UDP payload from byte 1006 of the file; see the captures'
/// README for the server's command line). Options at: 1 @4, 2 @22, 3 @40,
/// 13 @84, 59 @97, 17 @140 (items 0 @148, 3 @170, 1 @178).
const DNSMASQ_REPLY: &str = "07 2e74f9 \
    0001000e00010001329a2a7c8ae3103c7980 \
    0002000e00010001329a2a7bf646a9a60a72 \
    00030028103c79800000070800000c4e0005001820010db800000000000000000000002000000e1000000e1000 \
    0d0009000073756363657373 \
    003b0027687474703a2f2f5b323030313a6462383a3a315d3a383038302f696d672f6a756e6f732e74677a \
    0011003200000a4c000000122f696d672f6a756e6f732d65766f2e74677a00030004687474700001000c2f6366672f73772e636f6e66";

fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| b.is_ascii_hexdigit()).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

/// `code(2) len(2) value`: an option, or an option 17 item.
fn tlv(code: u16, value: &[u8]) -> Vec<u8> {
    let mut v = code.to_be_bytes().to_vec();
    v.extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
    v.extend_from_slice(value);
    v
}

/// An option 17 value.
fn v17(enterprise: u32, items: &[(u16, &[u8])]) -> Vec<u8> {
    let mut v = enterprise.to_be_bytes().to_vec();
    for (code, value) in items {
        v.extend(tlv(*code, value));
    }
    v
}

/// A REPLY (transaction id 01 02 03) with `options`.
fn reply(options: &[&[u8]]) -> Vec<u8> {
    let mut m = vec![7, 1, 2, 3];
    for o in options {
        m.extend_from_slice(o);
    }
    m
}

/// A RELAY-REPL around `inner` (34-byte header, then option 9).
fn relay(hop_count: u8, inner: &[u8]) -> Vec<u8> {
    let mut m = vec![13, hop_count];
    m.extend_from_slice(&"2001:db8::1".parse::<Ipv6Addr>().unwrap().octets());
    m.extend_from_slice(&"fe80::1".parse::<Ipv6Addr>().unwrap().octets());
    m.extend(tlv(9, inner));
    m
}

fn at17(offset: usize) -> Place {
    Place::option(Family::V6, 17, offset)
}

fn at59(offset: usize) -> Place {
    Place::option(Family::V6, 59, offset)
}

/// [`DecodeErrorKind::BadUrl`] for `url`, with the problem at `index`.
fn bad_url(problem: UrlProblem, index: u32, url: &[u8]) -> DecodeErrorKind {
    DecodeErrorKind::BadUrl {
        problem,
        index,
        len: u32::try_from(url.len()).unwrap(),
    }
}

#[test]
fn r8_dnsmasq_capture_decodes_items_in_wire_order() {
    let bytes = hex(DNSMASQ_REPLY);
    assert_eq!(bytes.len(), 194);
    let lease = Lease::parse(&bytes).unwrap();
    assert_eq!(lease.message_type(), MessageType::REPLY);
    assert_eq!(lease.transaction_id(), Some([0x2e, 0x74, 0xf9]));
    assert_eq!(lease.relay_depth(), 0);

    let v = lease.vendor_opts().unwrap().unwrap();
    assert_eq!(v.enterprise(), JUNIPER_ENTERPRISE);
    assert_eq!(v.place(), at17(144));
    // dnsmasq sends the items in the order 0, 3, 1, not the order configured.
    let items: Vec<(u16, usize, &[u8])> = v
        .items()
        .map(|i| {
            let i = i.unwrap();
            (i.code.get(), i.offset, i.value)
        })
        .collect();
    assert_eq!(
        items,
        [
            (0, 148, &b"/img/junos-evo.tgz"[..]),
            (3, 170, b"http"),
            (1, 178, b"/cfg/sw.conf"),
        ]
    );
    let sub = lease.suboptions().unwrap().unwrap();
    assert_eq!(sub.image().unwrap().as_str().unwrap(), "/img/junos-evo.tgz");
    assert_eq!(sub.config().unwrap().as_str().unwrap(), "/cfg/sw.conf");
    assert_eq!(sub.transfer_mode(), Some(TransferMode::Http));
    assert_eq!(sub.port_or_server(), None);
    assert_eq!(sub.image().unwrap().place(), at17(144).suboption(0, 152));

    // R9 on the same capture.
    let url = lease.boot_file_url().unwrap().unwrap();
    assert_eq!(url.as_str(), "http://[2001:db8::1]:8080/img/junos.tgz");
    assert_eq!(url.transfer_mode(), TransferMode::Http);
    assert_eq!(url.server(), "2001:db8::1".parse::<Ipv6Addr>().unwrap());
    assert_eq!(url.port(), Port::new(8080));
    assert_eq!(url.path(), "/img/junos.tgz");
    assert_eq!(url.place(), at59(101));

    assert_eq!(lease.other_vendor_count(), 0);
    assert_eq!(lease.vendor_class().unwrap(), None);
    assert_eq!(lease.user_class().unwrap(), None);

    // Every option, in order, each instance on its own.
    let codes: Vec<u16> = Message::new_checked(&bytes)
        .unwrap()
        .options()
        .map(|o| o.unwrap().code.get())
        .collect();
    assert_eq!(codes, [1, 2, 3, 13, 59, 17]);
}

#[test]
fn r8_items_are_not_read_as_dhcpv6_options() {
    // dhcproto's trap: item 1 is the config file, not a Client ID, and
    // item 0 is the image, not a reserved option.
    let bytes = hex(DNSMASQ_REPLY);
    let lease = Lease::parse(&bytes).unwrap();
    let v = lease.vendor_opts().unwrap().unwrap();
    let info = v.to_vendor_info().unwrap().unwrap();
    assert_eq!(info.config.as_deref(), Some("/cfg/sw.conf"));
    assert_eq!(info.image.as_deref(), Some("/img/junos-evo.tgz"));
    assert!(info.unknown.is_empty());
}

#[test]
fn r8_only_enterprise_2636_carries_ztp_suboptions_others_are_kept() {
    let other_a = v17(9, &[(1, b"not-a-config"), (0, b"cisco")]);
    let juniper = v17(2636, &[(1, b"jn.conf"), (3, b"tftp")]);
    let other_b = v17(311, &[(5, b"not a port")]);
    let m = reply(&[&tlv(17, &other_a), &tlv(17, &juniper), &tlv(17, &other_b)]);
    let lease = Lease::parse(&m).unwrap();
    let sub = lease.suboptions().unwrap().unwrap();
    assert_eq!(sub.config().unwrap().as_bytes(), b"jn.conf");
    assert_eq!(sub.image(), None);
    assert_eq!(sub.transfer_mode(), Some(TransferMode::Tftp));
    assert_eq!(lease.other_vendor_count(), 2);
    let others: Vec<VendorOpts<'_>> = lease.other_vendor_opts().collect();
    assert_eq!(
        others
            .iter()
            .map(VendorOpts::enterprise)
            .collect::<Vec<_>>(),
        [9, 311]
    );
    // Another vendor's items are there to read, with their offsets...
    let first = others[0].items().next().unwrap().unwrap();
    assert_eq!(
        (first.code.get(), first.offset, first.value),
        (1, 12, &b"not-a-config"[..])
    );
    // ...but never typed with Juniper's meanings.
    assert_eq!(others[0].suboptions(), Ok(None));
    assert_eq!(others[1].to_vendor_info(), Ok(None));
}

#[test]
fn r8_two_juniper_instances_are_an_error_not_merged() {
    // RFC 8415 §21.17: a server MUST NOT send two instances for one
    // enterprise. Merging would be a guess: the lease reports it.
    let a = tlv(17, &v17(2636, &[(0, b"a.tgz")]));
    let b = tlv(17, &v17(2636, &[(1, b"b.conf")]));
    let url = tlv(59, b"tftp://[2001:db8::2]/x.tgz");
    let m = reply(&[&a, &b, &url]);
    let lease = Lease::parse(&m).unwrap();
    let expected = DecodeError::new(
        at17(4 + a.len()),
        DecodeErrorKind::DuplicateEnterprise { first_offset: 4 },
    );
    assert_eq!(lease.vendor_opts(), Err(expected));
    assert_eq!(lease.suboptions(), Err(expected));
    assert_eq!(
        expected.to_string(),
        "dhcpv6 option 17 at byte 21: second option 17 for enterprise 2636 (first at byte 4)"
    );
    // The other options are still readable.
    assert_eq!(
        lease.boot_file_url().unwrap().unwrap().transfer_mode(),
        TransferMode::Tftp
    );
}

#[test]
fn r8_item_length_overrun_and_truncated_enterprise() {
    let value = [&v17(2636, &[(0, b"img")])[..], &[0, 1, 0, 9, b'a', b'b']].concat();
    let overrun = DecodeErrorKind::LengthOverrun {
        within: Within::Suboptions,
        len: 9,
        available: 2,
    };
    assert_eq!(
        VendorOpts::new_checked(&value),
        Err(DecodeError::new(at17(0).suboption(1, 11), overrun))
    );
    assert_eq!(
        VendorOpts::new_checked(&[0, 0, 0x0a]),
        Err(DecodeError::new(
            at17(0),
            DecodeErrorKind::Truncated {
                field: Field::EnterpriseNumber,
                needed: 4,
                available: 3,
            }
        ))
    );
    // In a message, offsets count from the message's start.
    let m = reply(&[&tlv(17, &value)]);
    let lease = Lease::parse(&m).unwrap();
    assert_eq!(
        lease.suboptions(),
        Err(DecodeError::new(at17(8).suboption(1, 19), overrun))
    );
}

#[test]
fn r8_suboption_05_is_a_port_in_dhcpv6() {
    let ok = v17(2636, &[(5, b"8088")]);
    let sub = VendorOpts::new_checked(&ok)
        .unwrap()
        .suboptions()
        .unwrap()
        .unwrap();
    assert_eq!(
        sub.port_or_server(),
        Some(PortOrServer::Port(Port::new(8088).unwrap()))
    );
    let bad = v17(2636, &[(5, b"10.0.0.5")]);
    let err = VendorOpts::new_checked(&bad)
        .unwrap()
        .suboptions()
        .unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(at17(0).suboption(5, 8), DecodeErrorKind::BadPort { len: 8 })
    );
    assert_eq!(err.value(&bad), Some(&b"10.0.0.5"[..]));
    // The encoder refuses what DHCPv6 cannot carry.
    let info = VendorInfo {
        port_or_server: Some(PortOrServer::Server("10.0.0.5".parse().unwrap())),
        ..VendorInfo::default()
    };
    assert_eq!(
        info.buffer_len_v6(),
        Err(EncodeError::new(
            EncodeItem::option(Family::V6, 17).suboption(5),
            EncodeErrorKind::NotInFamily
        ))
    );
}

#[test]
fn r8_canonical_option_17_reencodes_byte_for_byte() {
    // The sample's option 17 is in code order: encode(decode(bytes)) == bytes.
    let lease = Lease::parse(V6_REPLY).unwrap();
    let v = lease.vendor_opts().unwrap().unwrap();
    let info = v.to_vendor_info().unwrap().unwrap();
    let mut buf = vec![0; info.buffer_len_v6().unwrap()];
    assert_eq!(info.emit_v6(&mut buf), Ok(v.as_bytes().len()));
    assert_eq!(buf, v.as_bytes());

    // Unknown items are kept, in order, and re-encoded unchanged.
    let value = v17(
        2636,
        &[(0, b"i.tgz"), (1, b"c.conf"), (42, b"\x01\x02"), (7, b"")],
    );
    let info = VendorOpts::new_checked(&value)
        .unwrap()
        .to_vendor_info()
        .unwrap()
        .unwrap();
    assert_eq!(
        info.unknown,
        [
            RawSuboption {
                code: 42,
                value: vec![1, 2]
            },
            RawSuboption {
                code: 7,
                value: vec![]
            }
        ]
    );
    let mut out = Vec::new();
    info.put_v6(&mut out).unwrap();
    assert_eq!(out, value);

    // dnsmasq's order (0, 3, 1) is not canonical: the bytes change, the
    // meaning does not.
    let bytes = hex(DNSMASQ_REPLY);
    let lease = Lease::parse(&bytes).unwrap();
    let info = lease
        .vendor_opts()
        .unwrap()
        .unwrap()
        .to_vendor_info()
        .unwrap()
        .unwrap();
    let mut out = Vec::new();
    info.put_v6(&mut out).unwrap();
    let again = VendorOpts::new_checked(&out).unwrap();
    assert_eq!(
        again.items().map(|i| i.unwrap().code).collect::<Vec<_>>(),
        [
            SuboptionCode::IMAGE,
            SuboptionCode::CONFIG,
            SuboptionCode::TRANSFER_MODE
        ]
    );
    assert_eq!(again.to_vendor_info().unwrap().unwrap(), info);
}

#[test]
fn r8_encoder_checks_room_and_sizes() {
    let info = VendorInfo {
        config: Some("jn.conf".into()),
        ..VendorInfo::default()
    };
    assert_eq!(info.buffer_len_v6(), Ok(4 + 4 + 7));
    let mut small = [0u8; 10];
    assert_eq!(
        info.emit_v6(&mut small),
        Err(EncodeError::buffer_too_small(Family::V6, 15, 10))
    );
    let huge = VendorInfo {
        unknown: vec![RawSuboption {
            code: 99,
            value: vec![0; 70_000],
        }],
        ..VendorInfo::default()
    };
    assert_eq!(
        huge.buffer_len_v6(),
        Err(EncodeError::new(
            EncodeItem::option(Family::V6, 17).suboption(99),
            EncodeErrorKind::TooLong {
                len: 70_000,
                max: 65_535
            }
        ))
    );
    // An empty VendorInfo is just the enterprise number.
    let mut out = Vec::new();
    VendorInfo::default().put_v6(&mut out).unwrap();
    assert_eq!(out, [0, 0, 0x0a, 0x4c]);
}

#[cfg(feature = "arbitrary")]
fn unstructured_runs(mut f: impl FnMut(&mut arbitrary::Unstructured<'_>)) {
    // A fixed xorshift stream: reproducible, no extra dependency.
    let mut rng = common::Xorshift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..500 {
        let data = rng.bytes(512);
        f(&mut arbitrary::Unstructured::new(&data));
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn r8_round_trip_decode_encode_vendor_info_v6() {
    use arbitrary::Arbitrary;
    let mut checked = 0;
    unstructured_runs(|u| {
        let info = VendorInfo::arbitrary(u).unwrap();
        let mut buf = vec![0; info.buffer_len_v6().unwrap()];
        info.emit_v6(&mut buf).unwrap();
        let view = VendorOpts::new_checked(&buf).unwrap();
        assert!(view.is_juniper());
        assert_eq!(view.to_vendor_info().unwrap().as_ref(), Some(&info));
        // And inside a message.
        let mut m = vec![7, 0, 0, 1];
        ztp_options::v6::put_option(OptionCode::VENDOR_OPTS, &buf, &mut m).unwrap();
        let lease = Lease::parse(&m).unwrap();
        assert_eq!(
            lease
                .vendor_opts()
                .unwrap()
                .unwrap()
                .to_vendor_info()
                .unwrap(),
            Some(info)
        );
        checked += 1;
    });
    assert_eq!(checked, 500);
}

#[cfg(feature = "arbitrary")]
#[test]
fn r9_round_trip_decode_encode_boot_file_url() {
    use arbitrary::Arbitrary;
    unstructured_runs(|u| {
        let repr = BootFileUrlRepr::arbitrary(u).unwrap();
        let mut buf = Vec::new();
        repr.put(&mut buf).unwrap();
        assert_eq!(buf.len(), repr.buffer_len().unwrap());
        let url = BootFileUrl::parse(&buf, at59(0)).unwrap();
        assert_eq!(url.to_repr(), repr, "{}", url);
    });
}

#[test]
fn r9_boot_file_url_mode_address_port_path() {
    let cases: [(&str, TransferMode, &str, Option<u16>, &str); 5] = [
        (
            "http://[2001:db8::1]:8080/img/junos.tgz",
            TransferMode::Http,
            "2001:db8::1",
            Some(8080),
            "/img/junos.tgz",
        ),
        // The port is optional.
        (
            "tftp://[2001:db8::5]/junos.tgz",
            TransferMode::Tftp,
            "2001:db8::5",
            None,
            "/junos.tgz",
        ),
        (
            "https://[2001:0db8:0:0:0:0:0:a]:443/a%20b.tgz",
            TransferMode::Https,
            "2001:db8::a",
            Some(443),
            // Kept as given: not percent-decoded.
            "/a%20b.tgz",
        ),
        ("ftp://[::1]", TransferMode::Ftp, "::1", None, ""),
        (
            "http://[fe80::1]:80/",
            TransferMode::Http,
            "fe80::1",
            Some(80),
            "/",
        ),
    ];
    for (s, mode, server, port, path) in cases {
        let url = BootFileUrl::parse(s.as_bytes(), at59(0)).unwrap();
        assert_eq!(url.transfer_mode(), mode, "{s}");
        assert_eq!(url.server(), server.parse::<Ipv6Addr>().unwrap(), "{s}");
        assert_eq!(url.port().map(Port::get), port, "{s}");
        assert_eq!(url.path(), path, "{s}");
        assert_eq!(url.as_str(), s);
        // (That the `url` crate reads the same server, port and path is
        // checked in ztp-fetch-url, which owns the conversion to a URL.)
    }
    assert_eq!(
        BootFileUrl::parse(b"ftp://[::1]", at59(0)).unwrap().image(),
        None
    );
    // A trailing NUL is tolerated and reported (R7).
    let url = BootFileUrl::parse(b"tftp://[2001:db8::5]/j.tgz\0", at59(0)).unwrap();
    assert_eq!(url.path(), "/j.tgz");
    assert_eq!(url.trailing_nul(), ztp_options::TrailingNul::Stripped);
}

#[test]
fn r9_transfer_mode_is_required() {
    let s = b"[2001:db8::1]/img/junos.tgz";
    assert_eq!(
        BootFileUrl::parse(s, at59(10)),
        Err(DecodeError::new(
            at59(10),
            bad_url(UrlProblem::NoScheme, 0, s)
        ))
    );
    let s = b"gopher://[2001:db8::1]/img/junos.tgz";
    let e = BootFileUrl::parse(s, at59(10)).unwrap_err();
    assert_eq!(
        e,
        DecodeError::new(at59(10), bad_url(UrlProblem::UnknownScheme, 0, s))
    );
    // The value starts at byte 10 of the input the place counts in.
    let input = [&[0u8; 10][..], s].concat();
    assert_eq!(e.value(&input), Some(&s[..]));
    assert_eq!(
        e.display_in(&input).to_string(),
        "dhcpv6 option 59 at byte 10: \"gopher://[2001:db8::1]/img/junos.tgz\" is not a boot \
         file url: the scheme is not tftp, ftp, http or https (at index 0)"
    );
}

#[test]
fn r9_the_server_must_be_an_ipv6_literal_in_brackets() {
    // R22: a host name is reported, never resolved.
    let s = b"http://ztp.example.net:8080/j.tgz";
    let e = BootFileUrl::parse(s, at59(0)).unwrap_err();
    assert_eq!(
        e,
        DecodeError::new(at59(0), bad_url(UrlProblem::HostName, 7, s))
    );
    assert!(s[7..].starts_with(b"ztp.example.net"));
    let s = b"http://192.0.2.10/j.tgz";
    let e = BootFileUrl::parse(s, at59(0)).unwrap_err();
    assert_eq!(
        e,
        DecodeError::new(at59(0), bad_url(UrlProblem::Ipv4, 7, s))
    );
    assert!(s[7..].starts_with(b"192.0.2.10"));
    assert_eq!(
        e.display_in(s).to_string(),
        "dhcpv6 option 59 at byte 0: \"http://192.0.2.10/j.tgz\" is not a boot file url: an \
         ipv4 address; dhcpv6 needs an ipv6 address in brackets (at index 7)"
    );
    let s = b"http://2001:db8::1/j.tgz";
    assert_eq!(
        BootFileUrl::parse(s, at59(0)),
        Err(DecodeError::new(
            at59(0),
            bad_url(UrlProblem::Unbracketed, 7, s)
        ))
    );
    let s = b"ftp://anonymous:x@[2001:db8::1]/j.tgz";
    assert_eq!(
        BootFileUrl::parse(s, at59(0)),
        Err(DecodeError::new(
            at59(0),
            bad_url(UrlProblem::UserInfo, 6, s)
        ))
    );
}

#[test]
fn r9_port_must_be_1_to_65535() {
    for (s, port, offset) in [
        (&b"http://[2001:db8::1]:70000/j.tgz"[..], &b"70000"[..], 21),
        (b"http://[2001:db8::1]:0/j.tgz", b"0", 21),
        (b"http://[2001:db8::1]:/j.tgz", b"", 21),
        (b"http://[::1]:8o/j.tgz", b"8o", 13),
    ] {
        assert_eq!(
            BootFileUrl::parse(s, at59(0)),
            Err(DecodeError::new(
                at59(0),
                bad_url(UrlProblem::BadPort, offset, s)
            )),
            "{}",
            String::from_utf8_lossy(s)
        );
        // The index points at the port's digits.
        let at = usize::try_from(offset).unwrap();
        assert!(s[at..].starts_with(port), "{}", String::from_utf8_lossy(s));
        assert_eq!(s[at + port.len()], b'/');
    }
}

#[test]
fn r9_encoder_writes_the_canonical_url() {
    let repr = BootFileUrlRepr {
        transfer_mode: TransferMode::Http,
        server: "2001:0db8::0001".parse().unwrap(),
        port: Port::new(8080),
        path: "/img/junos.tgz".into(),
    };
    assert_eq!(repr.to_string(), "http://[2001:db8::1]:8080/img/junos.tgz");
    let mut buf = Vec::new();
    repr.put(&mut buf).unwrap();
    assert_eq!(buf, b"http://[2001:db8::1]:8080/img/junos.tgz");
    let bad = BootFileUrlRepr {
        path: "img.tgz".into(),
        ..repr
    };
    let before = buf.clone();
    assert_eq!(
        bad.put(&mut buf),
        Err(EncodeError::new(
            EncodeItem::option(Family::V6, 59),
            EncodeErrorKind::BadPath
        ))
    );
    assert_eq!(buf, before);
}

#[test]
fn relay_reply_wrapping_the_capture_reads_the_same_options() {
    let inner = hex(DNSMASQ_REPLY);
    let outer = relay(0, &inner);
    let msg = Message::new_checked(&outer).unwrap();
    assert_eq!(msg.msg_type(), MessageType::RELAY_REPL);
    assert_eq!(msg.transaction_id(), None);
    let h = msg.relay_header().unwrap();
    assert_eq!(h.hop_count, 0);
    assert_eq!(h.peer_address, "fe80::1".parse::<Ipv6Addr>().unwrap());

    let lease = Lease::parse(&outer).unwrap();
    assert_eq!(lease.relay_depth(), 1);
    assert_eq!(lease.outer(), msg);
    assert_eq!(lease.message().offset(), 38);
    assert_eq!(lease.message_type(), MessageType::REPLY);
    // Offsets count from the start of the outer buffer: 34-byte relay
    // header and 4-byte option 9 header before the inner message.
    let v = lease.vendor_opts().unwrap().unwrap();
    assert_eq!(v.place(), at17(144 + 38));
    let sub = lease.suboptions().unwrap().unwrap();
    assert_eq!(sub.config().unwrap().as_bytes(), b"/cfg/sw.conf");
    assert_eq!(
        lease.boot_file_url().unwrap().unwrap().place(),
        at59(101 + 38)
    );
}

#[test]
fn errors_inside_an_inner_message_count_from_the_outer_buffer() {
    let value = [&v17(2636, &[])[..], &[0, 1, 0, 9, b'a']].concat();
    let inner = reply(&[&tlv(17, &value)]);
    let outer = relay(1, &relay(0, &inner));
    let lease = Lease::parse(&outer).unwrap();
    assert_eq!(lease.relay_depth(), 2);
    // inner starts at 38 + 38 = 76; option 17 at 80, value at 84, item at 88.
    assert_eq!(
        lease.suboptions(),
        Err(DecodeError::new(
            at17(84).suboption(1, 88),
            DecodeErrorKind::LengthOverrun {
                within: Within::Suboptions,
                len: 9,
                available: 1,
            }
        ))
    );
}

#[test]
fn relays_unwrap_to_the_bound_and_no_further() {
    let mut m = V6_REPLY.to_vec();
    for hop in 0..MAX_RELAY_DEPTH {
        m = relay(u8::try_from(hop).unwrap(), &m);
    }
    let lease = Lease::parse(&m).unwrap();
    assert_eq!(lease.relay_depth(), 32);
    assert_eq!(lease.message().offset(), 32 * 38);
    assert!(lease.suboptions().unwrap().is_some());

    // One more: the 33rd relay's inner option 9 is refused.
    let m = relay(32, &m);
    let e = Lease::parse(&m).unwrap_err();
    assert_eq!(
        e,
        DecodeError::new(
            Place::option(Family::V6, 9, 32 * 38 + 34),
            DecodeErrorKind::RelayTooDeep { limit: 32 }
        )
    );
    assert_eq!(
        e.to_string(),
        "dhcpv6 option 9 at byte 1250: relay messages nested deeper than 32"
    );
}

#[test]
fn options_15_and_16_decode_and_encode() {
    let mut v16 = Vec::new();
    VendorClass::put(2636, &["Juniper-qfx5120-48y-WS3718350123"], &mut v16).unwrap();
    assert_eq!(
        VendorClass::buffer_len(&["Juniper-qfx5120-48y-WS3718350123"]),
        Ok(v16.len())
    );
    let mut v15 = Vec::new();
    UserClass::put(&["Juniper", "qfx5120-48y", ""], &mut v15).unwrap();
    let m = reply(&[&tlv(16, &v16), &tlv(15, &v15)]);
    let lease = Lease::parse(&m).unwrap();
    let vc = lease.vendor_class().unwrap().unwrap();
    assert!(vc.is_juniper());
    assert_eq!(vc.enterprise(), 2636);
    assert_eq!(
        vc.data().collect::<Vec<_>>(),
        [&b"Juniper-qfx5120-48y-WS3718350123"[..]]
    );
    assert_eq!(vc.place(), Place::option(Family::V6, 16, 8));
    let uc = lease.user_class().unwrap().unwrap();
    assert_eq!(
        uc.data().collect::<Vec<_>>(),
        [&b"Juniper"[..], b"qfx5120-48y", b""]
    );
    assert_eq!(uc.as_bytes(), v15.as_slice());

    // Item overrun, with the item's offset.
    assert_eq!(
        UserClass::parse(
            &[0, 2, b'a', b'b', 0, 5, b'c'],
            Place::option(Family::V6, 15, 100)
        ),
        Err(DecodeError::new(
            Place::option(Family::V6, 15, 104),
            DecodeErrorKind::LengthOverrun {
                within: Within::ClassData,
                len: 5,
                available: 1,
            }
        ))
    );
}

#[test]
fn sample_v6_reply_decodes() {
    let lease = Lease::parse(V6_REPLY).unwrap();
    assert_eq!(lease.message_type(), MessageType::REPLY);
    assert_eq!(lease.transaction_id(), Some([0x9b, 0x2c, 0x41]));
    let sub = lease.suboptions().unwrap().unwrap();
    assert_eq!(
        sub.image().unwrap().as_str().unwrap(),
        "junos-install-qfx5120-23.4R2.tgz"
    );
    assert_eq!(sub.config().unwrap().as_str().unwrap(), "/ztp/qfx5120.conf");
    assert_eq!(sub.transfer_mode(), Some(TransferMode::Http));
    assert_eq!(
        sub.port_or_server(),
        Some(PortOrServer::Port(Port::new(8080).unwrap()))
    );
    let url = lease.boot_file_url().unwrap().unwrap();
    assert_eq!(url.as_str(), "http://[2001:db8::1]:8080/img/junos.tgz");
    let codes: Vec<OptionCode> = lease.message().options().map(|o| o.unwrap().code).collect();
    assert_eq!(
        codes,
        [
            OptionCode::CLIENT_ID,
            OptionCode::SERVER_ID,
            OptionCode::IA_NA,
            OptionCode::DNS_SERVERS,
            OptionCode::VENDOR_OPTS,
            OptionCode::BOOTFILE_URL,
        ]
    );
}

#[test]
fn no_input_makes_the_decoders_panic() {
    // Every prefix and every one-byte change of the capture, the sample and
    // a relayed capture, through every accessor (under Miri, every 11th).
    let step = if cfg!(miri) { 11 } else { 1 };
    let capture = hex(DNSMASQ_REPLY);
    let relayed = relay(0, &capture);
    for base in [&capture[..], V6_REPLY, &relayed[..]] {
        let mut inputs: Vec<Vec<u8>> = (0..=base.len())
            .step_by(step)
            .map(|n| base[..n].to_vec())
            .collect();
        for i in (0..base.len()).step_by(step) {
            for x in [0x00, 0x01, 0x0b, 0x11, 0x3b, 0x5b, 0xff] {
                let mut m = base.to_vec();
                m[i] = x;
                inputs.push(m);
            }
        }
        for m in &inputs {
            if let Ok(lease) = Lease::parse(m) {
                let _ = lease.suboptions();
                let _ = lease.vendor_opts().map(|v| v.map(|v| v.to_vendor_info()));
                let _ = lease.boot_file_url().map(|u| u.map(|u| u.to_repr()));
                let _ = lease.vendor_class();
                let _ = lease.user_class();
                for o in lease.other_vendor_opts() {
                    let _ = o.items().count();
                }
            }
            let msg = Message::new_unchecked(m);
            let _ = (
                msg.relay_header(),
                msg.transaction_id(),
                msg.options().count(),
            );
            let _ = msg.innermost();
        }
    }
}
