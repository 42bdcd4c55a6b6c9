//! Round trips: encode(decode(bytes)) == bytes for canonical messages, and
//! decode(encode(x)) == x for owned values (R1, R2).
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use ztp_options::v4::{Message, MessageRepr, Option43, OptionCode, OptionSet};
use ztp_options::{
    EncodeError, EncodeErrorKind, EncodeItem, Family, ImageType, Port, PortOrServer, TransferMode,
    VendorInfo,
};

#[test]
fn r2_sample_ack_reencodes_byte_for_byte() {
    let bytes = ztp_options::samples::V4_ACK;
    let repr = MessageRepr::parse(&Message::new_checked(bytes).unwrap()).unwrap();
    let mut out = vec![0; repr.buffer_len()];
    assert_eq!(repr.emit(&mut out).unwrap(), bytes.len());
    assert_eq!(out, bytes);
    // And through BufMut.
    let mut v = Vec::new();
    repr.put(&mut v).unwrap();
    assert_eq!(v, bytes);
}

#[test]
fn r1_option_43_canonical_bytes_round_trip() {
    // 00 image, 01 config, 02 symlink, 03 https, 04 alt, 05 port, 08 proxy, unknown 99.
    let value = common::cat(&[
        &common::opt(0, b"jinstall.tgz"),
        &common::opt(1, b"sw.conf"),
        &common::opt(2, b"symlink"),
        &common::opt(3, b"https"),
        &common::opt(4, b"alt.tgz"),
        &common::opt(5, b"10.0.0.5"),
        &common::opt(8, b"proxy:3128"),
        &common::opt(99, b"\x01\x02\x03"),
    ]);
    let info = Option43::new_checked(&value)
        .unwrap()
        .to_vendor_info()
        .unwrap();
    assert_eq!(info.image_type, ImageType::Symlink);
    assert_eq!(
        info.port_or_server,
        Some(PortOrServer::Server([10, 0, 0, 5].into()))
    );
    let mut out = vec![0; info.buffer_len_v4().unwrap()];
    info.emit_v4(&mut out).unwrap();
    assert_eq!(out, value);
}

#[test]
fn r1_owned_vendor_info_round_trips() {
    let info = VendorInfo {
        image: Some("junos.tgz".into()),
        config: Some("/cfg/sw.conf:8088".into()),
        image_type: ImageType::Symlink,
        transfer_mode: Some(TransferMode::Ftp),
        alt_image: None,
        port_or_server: Some(PortOrServer::Port(Port::new(2121).unwrap())),
        proxy: None,
        unknown: vec![],
    };
    let mut out = Vec::new();
    info.put_v4(&mut out).unwrap();
    assert_eq!(
        Option43::new_checked(&out)
            .unwrap()
            .to_vendor_info()
            .unwrap(),
        info
    );
}

#[test]
fn r2_option_set_keeps_insertion_order_and_replaces_in_place() {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    set.insert(OptionCode::VENDOR_SPECIFIC, vec![1, 1, b'x'])
        .unwrap();
    set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![10, 0, 0, 1])
        .unwrap();
    set.insert(OptionCode::MESSAGE_TYPE, vec![2]).unwrap();
    let codes: Vec<u8> = set.iter().map(|o| o.code.get()).collect();
    assert_eq!(codes, [53, 43, 150]);
    assert_eq!(set.get(OptionCode::MESSAGE_TYPE), Some(&[2][..]));
    for code in [OptionCode::PAD, OptionCode::END] {
        assert_eq!(
            set.insert(code, vec![]),
            Err(EncodeError::new(
                EncodeItem::option(Family::V4, u16::from(code.get())),
                EncodeErrorKind::ReservedCode {
                    code: u16::from(code.get())
                }
            ))
        );
    }
    assert_eq!(
        set.remove(OptionCode::VENDOR_SPECIFIC),
        Some(vec![1, 1, b'x'])
    );
    let mut buf = vec![0; set.buffer_len()];
    set.emit(&mut buf).unwrap();
    assert_eq!(buf, [53, 1, 2, 150, 4, 10, 0, 0, 1, 255]);
}

#[cfg(feature = "arbitrary")]
#[test]
fn r1_arbitrary_vendor_info_round_trips_through_option_43() {
    use arbitrary::{Arbitrary, Unstructured};
    // A fixed xorshift stream: the same 2000 cases every run.
    let mut rng = common::Xorshift(0x9e37_79b9_7f4a_7c15);
    let mut checked = 0;
    for _ in 0..common::cases(2000) {
        let bytes = rng.bytes(512);
        let info = VendorInfo::arbitrary(&mut Unstructured::new(&bytes)).unwrap();
        let mut out = Vec::new();
        info.put_v4(&mut out).unwrap();
        assert_eq!(out.len(), info.buffer_len_v4().unwrap());
        let back = Option43::new_checked(&out)
            .unwrap()
            .to_vendor_info()
            .unwrap();
        assert_eq!(back, info);
        // And a whole message carrying it, split if over 255 bytes (R2).
        let mut set = OptionSet::new();
        set.insert(OptionCode::VENDOR_SPECIFIC, out.clone())
            .unwrap();
        let mut opts = Vec::new();
        set.put(&mut opts).unwrap();
        let msg = common::reply(&opts);
        let lease = ztp_options::v4::Lease::parse(&msg).unwrap();
        if !out.is_empty() {
            assert_eq!(
                lease.option43().unwrap().unwrap().to_vendor_info().unwrap(),
                info
            );
            checked += 1;
        }
    }
    assert!(checked > common::cases(1000) as usize);
}

#[cfg(feature = "arbitrary")]
#[test]
fn r2_arbitrary_messages_round_trip_with_long_options_split() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut rng = common::Xorshift(0x2545_f491_4f6c_dd1d);
    let mut split = 0;
    for _ in 0..common::cases(500) {
        let bytes = rng.bytes(4096);
        let repr = MessageRepr::arbitrary(&mut Unstructured::new(&bytes)).unwrap();
        let mut out = vec![0; repr.buffer_len()];
        repr.emit(&mut out).unwrap();
        let back = MessageRepr::parse(&Message::new_checked(&out[..]).unwrap()).unwrap();
        assert_eq!(back, repr);
        split += usize::from(repr.options.iter().any(|o| o.value.len() > 255));
    }
    assert!(cfg!(miri) || split > 50, "{split}");
}

#[cfg(feature = "serde")]
#[test]
fn plan_and_vendor_info_serde_round_trip() {
    use ztp_options::{DecisionKind, LOG_CAPACITY, Log, PlanBuf};

    let lease = ztp_options::v4::Lease::parse(ztp_options::samples::V4_ACK).unwrap();
    let plan = ztp_options::resolve_v4(&lease).unwrap();
    let buf = plan.to_buf();
    let json = serde_json::to_string(&buf).unwrap();
    assert!(json.contains("\"source\":\"suboption-00\""), "{json}");
    assert!(json.contains("\"source\":\"option-150\""), "{json}");
    // The log, by the kinds' stable ids (R12 for the sample).
    assert!(json.contains("\"kind\":\"option-66-ignored\""), "{json}");
    let back: PlanBuf = serde_json::from_str(&json).unwrap();
    assert_eq!(back, buf);
    assert_eq!(back.as_plan(), plan);
    assert_eq!(
        back.log.kinds().collect::<Vec<_>>(),
        [DecisionKind::Option66Ignored]
    );
    assert_eq!(back.ignored.option66.as_deref(), Some(&b"192.0.2.10"[..]));
    let sentences = |p: &PlanBuf| p.decisions().map(|d| d.to_string()).collect::<Vec<_>>();
    assert_eq!(
        sentences(&back),
        ["option 66 (\"192.0.2.10\") ignored because 150 is present"]
    );

    // The DHCPv6 sample, likewise.
    let lease6 = ztp_options::v6::Lease::parse(ztp_options::samples::V6_REPLY).unwrap();
    let buf6 = ztp_options::resolve_v6(&lease6).unwrap().to_buf();
    let json6 = serde_json::to_string(&buf6).unwrap();
    for id in [
        "transfer-mode-from-vendor-over-url",
        "image-from-vendor-over-url",
        "port-from-vendor-over-url",
    ] {
        assert!(json6.contains(&format!("\"kind\":\"{id}\"")), "{json6}");
    }
    let back6: PlanBuf = serde_json::from_str(&json6).unwrap();
    assert_eq!(back6, buf6);
    assert_eq!(sentences(&back6), sentences(&buf6));

    // Every kind is written as its stable id, and read back from it.
    for &kind in DecisionKind::ALL {
        let id = serde_json::to_string(&kind).unwrap();
        assert_eq!(id, format!("\"{}\"", kind.id()));
        assert_eq!(serde_json::from_str::<DecisionKind>(&id).unwrap(), kind);
    }
    // A log holds LOG_CAPACITY entries; a longer one is refused.
    let entry = r#"{"kind":"default-tftp","option":null,"suboption":null}"#;
    let list = |n: usize| format!("[{}]", vec![entry; n].join(","));
    let full: Log = serde_json::from_str(&list(LOG_CAPACITY)).unwrap();
    assert_eq!(full.len(), LOG_CAPACITY);
    assert!(serde_json::from_str::<Log>(&list(LOG_CAPACITY + 1)).is_err());

    let info = lease.option43().unwrap().unwrap().to_vendor_info().unwrap();
    let back: VendorInfo = serde_json::from_str(&serde_json::to_string(&info).unwrap()).unwrap();
    assert_eq!(back, info);
}
