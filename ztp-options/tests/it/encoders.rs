//! Every public encoder of the crate, driven with a `&mut [u8]` of every
//! length short of what it needs: each refuses with
//! [`EncodeErrorKind::BufferTooSmall`] and writes nothing, and at the exact
//! length writes the same bytes as into a `Vec<u8>` (R2: encoders check
//! their room first, so no buffer makes them panic).
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::{Ipv4Addr, Ipv6Addr};

use ztp_options::samples::{V4_ACK, V6_REPLY};
use ztp_options::v4::{self, ClientIdentifier};
use ztp_options::v6::{self, BootFileUrlRepr, Header, VendorClass};
use ztp_options::{
    EncodeError, EncodeErrorKind, Family, ImageType, Port, PortOrServer, RawSuboption,
    TransferMode, VendorInfo, resolve_v4, resolve_v6,
};

/// The filler the buffers start with: any byte still 0xAA after a refusal
/// was not written.
const FILL: u8 = 0xAA;

/// Runs `encode` (which writes into a `&mut [u8]` and says how many bytes it
/// wrote) on buffers of every length from 0 to `expected.len() + 1`.
fn check(
    name: &str,
    family: Family,
    expected: &[u8],
    encode: impl Fn(&mut [u8]) -> Result<usize, EncodeError>,
) {
    let needed = expected.len();
    assert!(needed > 0, "{name}: nothing to encode");
    // Every length (under Miri every 17th and the last short one).
    let step = if cfg!(miri) { 17 } else { 1 };
    for len in (0..needed).step_by(step).chain([needed - 1]) {
        let mut buf = vec![FILL; len];
        let got = encode(&mut buf);
        assert_eq!(
            got,
            Err(EncodeError::buffer_too_small(family, needed, len)),
            "{name}: buffer of {len} bytes"
        );
        assert!(
            matches!(
                got.map_err(|e| e.kind()),
                Err(EncodeErrorKind::BufferTooSmall { .. })
            ),
            "{name}"
        );
        assert!(
            buf.iter().all(|&b| b == FILL),
            "{name}: buffer of {len} bytes was written into"
        );
    }
    let mut buf = vec![FILL; needed];
    assert_eq!(encode(&mut buf), Ok(needed), "{name}: exact length");
    assert_eq!(buf, expected, "{name}: exact length");
    // One byte more: the same bytes, and the extra byte untouched.
    let mut buf = vec![FILL; needed + 1];
    assert_eq!(encode(&mut buf), Ok(needed), "{name}: one byte more");
    assert_eq!(&buf[..needed], expected, "{name}: one byte more");
    assert_eq!(buf[needed], FILL, "{name}: one byte more");
}

/// A `put` into the slice `buf`, as a caller does:
/// `let mut out: &mut [u8] = &mut buf[..len]; x.put(&mut out)`; returns how
/// far `out` advanced.
fn via_put(
    buf: &mut [u8],
    put: impl FnOnce(&mut &mut [u8]) -> Result<(), EncodeError>,
) -> Result<usize, EncodeError> {
    let len = buf.len();
    let mut out: &mut [u8] = &mut buf[..len];
    put(&mut out)?;
    Ok(len - out.len())
}

/// Checks a `put<B: BufMut>` encoder: `$put` uses `$b` as its buffer, once
/// a `&mut Vec<u8>` (the expected bytes) and once a `&mut &mut [u8]` of
/// every length. Evaluates to the expected bytes.
macro_rules! put_case {
    ($cases:ident, $name:expr, $family:expr, |$b:ident| $put:expr) => {{
        let mut expected: Vec<u8> = Vec::new();
        {
            let $b = &mut expected;
            $put.unwrap();
        }
        check($name, $family, &expected, |buf| via_put(buf, |$b| $put));
        $cases.push(String::from($name));
        expected
    }};
}

/// Checks an `emit(&mut [u8])` encoder against the bytes its `put` wrote
/// into a `Vec<u8>`.
macro_rules! emit_case {
    ($cases:ident, $name:expr, $family:expr, $expected:expr, |$buf:ident| $emit:expr) => {{
        check($name, $family, &$expected, |$buf| $emit);
        $cases.push(String::from($name));
    }};
}

/// A vendor option with every known suboption, a symlink image, and an
/// unknown suboption (kept and re-encoded).
fn vendor_info() -> VendorInfo {
    VendorInfo {
        image: Some("junos-install-ex-x86-64-23.4R2.tgz".into()),
        config: Some("/ztp/ex4300.conf".into()),
        image_type: ImageType::Symlink,
        transfer_mode: Some(TransferMode::Https),
        alt_image: Some("junos-alt.tgz".into()),
        port_or_server: Some(PortOrServer::Port(Port::new(8443).unwrap())),
        proxy: Some("192.0.2.80:3128".into()),
        unknown: vec![RawSuboption {
            code: 42,
            value: vec![1, 2, 3],
        }],
    }
}

/// 600 bytes: more than one DHCPv4 instance holds (RFC 3396).
fn long_value() -> Vec<u8> {
    (0..600u16).map(|i| (i % 251) as u8).collect()
}

#[test]
fn no_public_encoder_panics_on_any_buffer_length() {
    let mut cases: Vec<String> = Vec::new();
    let long = long_value();

    // DHCPv4 option and value encoders.
    let split = put_case!(cases, "v4::put_option 600 bytes", Family::V4, |b| {
        v4::put_option(v4::OptionCode::VENDOR_SPECIFIC, &long, b)
    });
    // 255 + 255 + 90, each with its code and length.
    assert_eq!(split.len(), 600 + 3 * 2);
    assert_eq!(
        (split[0], split[1], split[514], split[515]),
        (43, 255, 43, 90)
    );
    put_case!(cases, "v4::put_option host name", Family::V4, |b| {
        v4::put_option(v4::OptionCode::HOST_NAME, b"ex4300-lab-01", b)
    });
    put_case!(cases, "v4::put_option empty value", Family::V4, |b| {
        v4::put_option(v4::OptionCode::new(80), b"", b)
    });
    put_case!(cases, "v4::put_ipv4_list", Family::V4, |b| {
        v4::put_ipv4_list(
            &[Ipv4Addr::new(192, 0, 2, 10), Ipv4Addr::new(192, 0, 2, 11)],
            b,
        )
    });
    put_case!(cases, "v4::ClientIdentifier::put_serial", Family::V4, |b| {
        ClientIdentifier::put_serial("PE3714100218", b)
    });
    put_case!(cases, "v4::UserClass::put_items", Family::V4, |b| {
        v4::UserClass::put_items(&["Juniper", "ex4300-48t", "23.4R2"], b)
    });

    // DHCPv4 option sets and messages: the sample's, and one with the
    // 600-byte option.
    let sample_msg = v4::Message::new_checked(V4_ACK).unwrap();
    let mut set = v4::OptionSet::from_message(&sample_msg).unwrap();
    set.insert(v4::OptionCode::new(224), long.clone()).unwrap();
    let expected = put_case!(cases, "v4::OptionSet::put", Family::V4, |b| set.put(b));
    assert_eq!(expected.len(), set.buffer_len());
    emit_case!(cases, "v4::OptionSet::emit", Family::V4, expected, |buf| {
        set.emit(buf)
    });

    let sample = v4::MessageRepr::parse(&sample_msg).unwrap();
    let expected = put_case!(cases, "v4::MessageRepr::put sample", Family::V4, |b| {
        sample.put(b)
    });
    // The sample is canonical, padding included.
    assert_eq!(expected, V4_ACK);
    emit_case!(
        cases,
        "v4::MessageRepr::emit sample",
        Family::V4,
        expected,
        |buf| { sample.emit(buf) }
    );
    let reply = v4::MessageRepr::reply(set.clone());
    let expected = put_case!(cases, "v4::MessageRepr::put long", Family::V4, |b| {
        reply.put(b)
    });
    assert_eq!(reply.to_vec(), expected);
    emit_case!(
        cases,
        "v4::MessageRepr::emit long",
        Family::V4,
        expected,
        |buf| { reply.emit(buf) }
    );

    // The vendor suboptions, both families: every known one plus an
    // unknown one, and the samples' own.
    let info = vendor_info();
    let expected = put_case!(cases, "VendorInfo::put_v4", Family::V4, |b| info.put_v4(b));
    assert_eq!(Ok(expected.len()), info.buffer_len_v4());
    emit_case!(cases, "VendorInfo::emit_v4", Family::V4, expected, |buf| {
        info.emit_v4(buf)
    });
    let expected = put_case!(cases, "VendorInfo::put_v6", Family::V6, |b| info.put_v6(b));
    assert_eq!(Ok(expected.len()), info.buffer_len_v6());
    emit_case!(cases, "VendorInfo::emit_v6", Family::V6, expected, |buf| {
        info.emit_v6(buf)
    });
    let v4_info = v4::Lease::parse(V4_ACK)
        .unwrap()
        .option43()
        .unwrap()
        .unwrap()
        .to_vendor_info()
        .unwrap();
    let expected = put_case!(cases, "VendorInfo::put_v4 sample", Family::V4, |b| {
        v4_info.put_v4(b)
    });
    emit_case!(
        cases,
        "VendorInfo::emit_v4 sample",
        Family::V4,
        expected,
        |buf| { v4_info.emit_v4(buf) }
    );
    let v6_lease = v6::Lease::parse(V6_REPLY).unwrap();
    let v6_info = v6_lease
        .vendor_opts()
        .unwrap()
        .unwrap()
        .to_vendor_info()
        .unwrap()
        .unwrap();
    let expected = put_case!(cases, "VendorInfo::put_v6 sample", Family::V6, |b| {
        v6_info.put_v6(b)
    });
    emit_case!(
        cases,
        "VendorInfo::emit_v6 sample",
        Family::V6,
        expected,
        |buf| { v6_info.emit_v6(buf) }
    );

    // DHCPv6 options.
    put_case!(cases, "v6::put_option 600 bytes", Family::V6, |b| {
        v6::put_option(v6::OptionCode::new(600), &long, b)
    });
    put_case!(cases, "v6::put_option empty value", Family::V6, |b| {
        v6::put_option(v6::OptionCode::RAPID_COMMIT, b"", b)
    });
    let url = v6_lease.boot_file_url().unwrap().unwrap().to_repr();
    let expected = put_case!(cases, "v6::BootFileUrlRepr::put sample", Family::V6, |b| {
        url.put(b)
    });
    assert_eq!(expected, b"http://[2001:db8::1]:8080/img/junos.tgz");
    let bare = BootFileUrlRepr {
        transfer_mode: TransferMode::Tftp,
        server: Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x69),
        port: None,
        path: String::new(),
    };
    put_case!(
        cases,
        "v6::BootFileUrlRepr::put no port or path",
        Family::V6,
        |b| { bare.put(b) }
    );
    put_case!(cases, "v6::UserClass::put", Family::V6, |b| {
        v6::UserClass::put(&["Juniper", "qfx5120-48y", ""], b)
    });
    put_case!(cases, "v6::VendorClass::put", Family::V6, |b| {
        VendorClass::put(2636, &["Juniper-qfx5120-48y-WS3718350123"], b)
    });

    // DHCPv6 option sets and messages: the sample's, with the 600-byte
    // option, and a relay message around the sample.
    let sample_msg = v6::Message::new_checked(V6_REPLY).unwrap();
    let mut set6 = v6::OptionSet::from_message(&sample_msg).unwrap();
    set6.push(v6::OptionCode::new(600), long.clone());
    let expected = put_case!(cases, "v6::OptionSet::put", Family::V6, |b| set6.put(b));
    assert_eq!(Ok(expected.len()), set6.buffer_len());
    emit_case!(cases, "v6::OptionSet::emit", Family::V6, expected, |buf| {
        set6.emit(buf)
    });
    let sample6 = v6::MessageRepr::parse(&sample_msg).unwrap();
    let expected = put_case!(cases, "v6::MessageRepr::put sample", Family::V6, |b| {
        sample6.put(b)
    });
    assert_eq!(expected, V6_REPLY);
    emit_case!(
        cases,
        "v6::MessageRepr::emit sample",
        Family::V6,
        expected,
        |buf| { sample6.emit(buf) }
    );
    let mut relayed = v6::OptionSet::new();
    relayed.push(v6::OptionCode::INTERFACE_ID, b"ge-0/0/1".to_vec());
    relayed.push(v6::OptionCode::RELAY_MSG, V6_REPLY.to_vec());
    let relay = v6::MessageRepr {
        header: Header::Relay {
            msg_type: v6::MessageType::RELAY_REPL,
            hop_count: 1,
            link_address: Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1),
            peer_address: Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 2),
        },
        options: relayed,
    };
    let expected = put_case!(cases, "v6::MessageRepr::put relay", Family::V6, |b| {
        relay.put(b)
    });
    assert_eq!(relay.to_vec(), Ok(expected.clone()));
    emit_case!(
        cases,
        "v6::MessageRepr::emit relay",
        Family::V6,
        expected,
        |buf| { relay.emit(buf) }
    );

    // The option sets a plan encodes to: the samples' plans, and a DHCPv4
    // plan whose option 43 is over 255 bytes (split, RFC 3396).
    let v4_lease = v4::Lease::parse(V4_ACK).unwrap();
    let plan4 = resolve_v4(&v4_lease).unwrap();
    let mut long_plan = plan4.to_buf();
    if let Some(image) = long_plan.image.as_mut() {
        image.name = format!("/images/{}.tgz", "x".repeat(200));
    }
    if let Some(config) = long_plan.config.as_mut() {
        *config = format!("/configs/{}.conf", "y".repeat(200));
    }
    for (name, options) in [
        ("sample", plan4.to_v4_options().unwrap()),
        ("long names", long_plan.to_v4_options().unwrap()),
    ] {
        let put = format!("Plan::to_v4_options {name}, put");
        let expected = put_case!(cases, &put, Family::V4, |b| options.put(b));
        let emit = format!("Plan::to_v4_options {name}, emit");
        emit_case!(cases, &emit, Family::V4, expected, |buf| options.emit(buf));
    }
    let long_43 = long_plan
        .to_v4_options()
        .unwrap()
        .get(v4::OptionCode::VENDOR_SPECIFIC)
        .unwrap()
        .len();
    assert!(long_43 > 255, "{long_43}");
    let plan6 = resolve_v6(&v6_lease).unwrap();
    let options6 = plan6.to_v6_options().unwrap();
    let expected = put_case!(cases, "Plan::to_v6_options sample, put", Family::V6, |b| {
        options6.put(b)
    });
    emit_case!(
        cases,
        "Plan::to_v6_options sample, emit",
        Family::V6,
        expected,
        |buf| { options6.emit(buf) }
    );

    // Every public encoder was driven, each with at least one value.
    for encoder in [
        "v4::put_option",
        "v4::put_ipv4_list",
        "v4::ClientIdentifier::put_serial",
        "v4::UserClass::put_items",
        "v4::OptionSet::put",
        "v4::OptionSet::emit",
        "v4::MessageRepr::put",
        "v4::MessageRepr::emit",
        "VendorInfo::put_v4",
        "VendorInfo::emit_v4",
        "VendorInfo::put_v6",
        "VendorInfo::emit_v6",
        "v6::put_option",
        "v6::OptionSet::put",
        "v6::OptionSet::emit",
        "v6::MessageRepr::put",
        "v6::MessageRepr::emit",
        "v6::BootFileUrlRepr::put",
        "v6::UserClass::put",
        "v6::VendorClass::put",
        "Plan::to_v4_options",
        "Plan::to_v6_options",
    ] {
        assert!(
            cases.iter().any(|c| c.starts_with(encoder)),
            "{encoder} not driven: {cases:?}"
        );
    }
    assert_eq!(cases.len(), 38, "{cases:?}");
    let distinct: std::collections::HashSet<&String> = cases.iter().collect();
    assert_eq!(distinct.len(), cases.len(), "{cases:?}");
}
