//! Encoding a plan is the inverse of resolving a lease: for many generated
//! plans, resolve(decode(encode(plan))) == plan (R10..R18, the suboption 05
//! choice); and a plan and its owned form convert without loss (R29: what
//! the agent keeps and ranks is the plan that was resolved).
//!
//! Plans come from `PlanBuf::arbitrary_v4`/`arbitrary_v6` (feature
//! `arbitrary`), which write the decision log from the rules, independently
//! of the resolver.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use common::{opt, reply, v6_reply, v6url, v6vendor};
use ztp_options::samples::{V4_ACK, V6_REPLY};
use ztp_options::{Decision, Plan, PlanBuf, resolve_v4, resolve_v6, v4, v6};
#[cfg(feature = "arbitrary")]
use {
    arbitrary::Unstructured,
    ztp_options::{EncodeError, EncodeErrorKind, EncodeItem, Family, FileServer},
};

#[cfg(feature = "arbitrary")]
fn stream(seed: u64, len: usize) -> Vec<u8> {
    common::Xorshift(seed | 1).bytes(len)
}

/// The sentence, rule and kind of every decision, in order.
fn sentences<'a>(decisions: impl Iterator<Item = Decision<'a>>) -> Vec<String> {
    decisions
        .map(|d| format!("[{}] {} {d}", d.rule(), d.kind().id()))
        .collect()
}

/// `buf` and the plan it lends are the same plan, both ways.
fn check_buf(buf: &PlanBuf, what: &str) {
    let plan = buf.as_plan();
    assert_eq!(&PlanBuf::from(&plan), buf, "{what}");
    assert_eq!(&plan.to_buf(), buf, "{what}");
    assert_eq!(plan.to_buf().as_plan(), plan, "{what}");
    assert_eq!(
        buf.decisions().collect::<Vec<_>>(),
        plan.decisions().collect::<Vec<_>>(),
        "{what}"
    );
    assert_eq!(
        sentences(buf.decisions()),
        sentences(plan.decisions()),
        "{what}"
    );
    assert_eq!(buf.is_complete(), plan.is_complete(), "{what}");
    assert_eq!(buf.family(), plan.family(), "{what}");
}

/// A resolved `plan` (borrowed from its lease) and its owned form are the
/// same plan: every field, the log, what was ignored, the decisions'
/// sentences, and what they encode to.
fn check_resolved(plan: &Plan<'_>, what: &str) {
    let buf = plan.to_buf();
    assert_eq!(buf.as_plan(), *plan, "{what}");
    assert_eq!(PlanBuf::from(plan), buf, "{what}");
    assert_eq!(PlanBuf::from(&buf.as_plan()), buf, "{what}");
    assert_eq!(buf.log, plan.log, "{what}");
    assert_eq!(
        buf.decisions().collect::<Vec<_>>(),
        plan.decisions().collect::<Vec<_>>(),
        "{what}"
    );
    let said = sentences(plan.decisions());
    assert_eq!(sentences(buf.decisions()), said, "{what}");
    // R8: one log entry for all other enterprises, a decision for each.
    assert!(said.len() >= plan.log.len(), "{what}");
    assert_eq!(buf.is_complete(), plan.is_complete(), "{what}");
    assert_eq!(buf.family(), plan.family(), "{what}");
    assert_eq!(buf.vendor_info(), plan.vendor_info(), "{what}");
    assert_eq!(buf.to_v4_options(), plan.to_v4_options(), "{what}");
    assert_eq!(buf.to_v6_options(), plan.to_v6_options(), "{what}");
    check_buf(&buf, what);
}

#[test]
fn r29_plan_and_plan_buf_convert_without_loss() {
    // The samples, and leases whose plans borrow every kind of wire data:
    // unknown suboptions (43 and 17), extra 150 addresses, trailing NULs,
    // siaddr, sname and file, other enterprises (R8).
    let o43 = [
        opt(0, b"junos.tgz\0"),
        opt(1, b"sw.conf"),
        opt(4, b"alt.tgz"),
        opt(5, b"192.0.2.21"),
        opt(9, b"\x01\x02"),
        opt(200, b""),
    ]
    .concat();
    let mut v4_msg = reply(
        &[
            opt(43, &o43),
            opt(150, &[192, 0, 2, 10, 192, 0, 2, 11, 192, 0, 2, 12]),
            opt(66, b"files.example.net"),
            opt(12, b"sw-01\0"),
            vec![255],
        ]
        .concat(),
    );
    v4_msg[20..24].copy_from_slice(&[192, 0, 2, 99]);
    v4_msg[44..49].copy_from_slice(b"boot1");
    v4_msg[108..115].copy_from_slice(b"pxe.img");
    let v6_msg = v6_reply(
        &[
            v6vendor(9, &[(1, b"cisco.cfg")]),
            v6vendor(
                2636,
                &[
                    (1, b"/cfg/sw.conf\0"),
                    (3, b"https"),
                    (300, b"kept"),
                    (8, b"proxy"),
                ],
            ),
            v6vendor(4874, &[]),
            v6url("http://[2001:db8::1]:8080/img/junos.tgz"),
        ]
        .concat(),
    );
    let leases4 = [
        ("v4 sample", v4::Lease::parse(V4_ACK).unwrap()),
        ("v4 everything", v4::Lease::parse(&v4_msg).unwrap()),
    ];
    let leases6 = [
        ("v6 sample", v6::Lease::parse(V6_REPLY).unwrap()),
        ("v6 everything", v6::Lease::parse(&v6_msg).unwrap()),
    ];
    let mut plans: Vec<(&str, Plan<'_>)> = Vec::new();
    for (what, lease) in &leases4 {
        plans.push((what, resolve_v4(lease).unwrap()));
    }
    for (what, lease) in &leases6 {
        plans.push((what, resolve_v6(lease).unwrap()));
    }
    for (what, plan) in &plans {
        check_resolved(plan, what);
    }
    // The hand-made leases did borrow what they were made to.
    let everything4 = plans[1].1;
    assert_eq!(everything4.unknown_suboptions.to_vec().len(), 2);
    assert_eq!(everything4.ignored.other_servers.len(), 2);
    assert!(everything4.ignored.sname.is_some() && everything4.ignored.file.is_some());
    let everything6 = plans[3].1;
    assert_eq!(
        everything6
            .ignored
            .other_enterprises
            .iter()
            .collect::<Vec<_>>(),
        [9, 4874]
    );
    assert_eq!(everything6.unknown_suboptions.iter().count(), 1);

    // Many generated plans, and the plans resolved from what they encode to.
    #[cfg(feature = "arbitrary")]
    for seed in 0..common::cases(1000) {
        let bytes = stream(seed.wrapping_mul(0x2545_f491_4f6c_dd1d), 1024);
        let mut u = Unstructured::new(&bytes);
        let buf4 = PlanBuf::arbitrary_v4(&mut u).unwrap();
        let buf6 = PlanBuf::arbitrary_v6(&mut u).unwrap();
        check_buf(&buf4, &format!("v4 seed {seed}"));
        check_buf(&buf6, &format!("v6 seed {seed}"));
        let mut options = Vec::new();
        buf4.to_v4_options().unwrap().put(&mut options).unwrap();
        let msg = reply(&options);
        let lease = v4::Lease::parse(&msg).unwrap();
        let plan = resolve_v4(&lease).unwrap();
        check_resolved(&plan, &format!("v4 seed {seed}, resolved"));
        assert_eq!(PlanBuf::from(&plan), buf4, "v4 seed {seed}");
        let mut options = Vec::new();
        buf6.to_v6_options().unwrap().put(&mut options).unwrap();
        let msg = v6_reply(&options);
        let lease = v6::Lease::parse(&msg).unwrap();
        let plan = resolve_v6(&lease).unwrap();
        check_resolved(&plan, &format!("v6 seed {seed}, resolved"));
        assert_eq!(PlanBuf::from(&plan), buf6, "v6 seed {seed}");
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn r10_r11_r12_r13_r18_r33_v4_plans_survive_encode_decode_resolve() {
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..common::cases(3000) {
        let bytes = stream(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), 1024);
        let buf = PlanBuf::arbitrary_v4(&mut Unstructured::new(&bytes)).unwrap();
        let set = buf.to_v4_options().unwrap();
        let mut options = Vec::new();
        set.put(&mut options).unwrap();
        let msg = reply(&options);
        let lease = v4::Lease::parse(&msg).unwrap();
        let back = resolve_v4(&lease);
        assert_eq!(back, Ok(buf.as_plan()), "seed {seed}");
        kinds.extend(buf.log.kinds());
    }
    // The generator reached every decision it can make.
    if !cfg!(miri) {
        assert_eq!(kinds.len(), 8, "{kinds:?}");
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn r14_r15_r16_r17_v6_plans_survive_encode_decode_resolve() {
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..common::cases(3000) {
        let bytes = stream(seed.wrapping_mul(0xd1b5_4a32_d192_ed03), 1024);
        let buf = PlanBuf::arbitrary_v6(&mut Unstructured::new(&bytes)).unwrap();
        let set = buf.to_v6_options().unwrap();
        let mut options = Vec::new();
        set.put(&mut options).unwrap();
        let msg = v6_reply(&options);
        let lease = v6::Lease::parse(&msg).unwrap();
        let back = resolve_v6(&lease);
        assert_eq!(back, Ok(buf.as_plan()), "seed {seed}");
        kinds.extend(buf.log.kinds());
    }
    if !cfg!(miri) {
        assert_eq!(kinds.len(), 8, "{kinds:?}");
    }
}

#[cfg(feature = "arbitrary")]
#[test]
fn v6_plan_is_refused_by_the_v4_encoder() {
    let bytes = stream(7, 1024);
    let mut plan = PlanBuf::arbitrary_v4(&mut Unstructured::new(&bytes)).unwrap();
    plan.file_server = FileServer::V6 {
        address: "2001:db8::1".parse().unwrap(),
    };
    assert_eq!(
        plan.to_v4_options(),
        Err(EncodeError::new(
            EncodeItem::message(Family::V4),
            EncodeErrorKind::WrongFamily { found: Family::V6 }
        ))
    );
    let plan = PlanBuf::arbitrary_v4(&mut Unstructured::new(&bytes)).unwrap();
    assert_eq!(
        plan.to_v6_options(),
        Err(EncodeError::new(
            EncodeItem::message(Family::V6),
            EncodeErrorKind::WrongFamily { found: Family::V4 }
        ))
    );
}

#[test]
fn a_plan_buffer_keeps_a_known_code_among_its_unknown_suboptions_and_the_encoder_refuses_it() {
    // A hand-built (or deserialized) plan buffer listing suboption 03 as
    // "unknown": the conversion keeps it, so nothing is silently dropped,
    // and the encoder says why it cannot send it (it would repeat 03).
    let lease = v4::Lease::parse(V4_ACK).unwrap();
    let mut buf = resolve_v4(&lease).unwrap().to_buf();
    buf.unknown_suboptions.push(ztp_options::RawSuboption {
        code: 3,
        value: b"http".to_vec(),
    });
    assert_eq!(PlanBuf::from(&buf.as_plan()), buf);
    let err = buf.to_v4_options().unwrap_err();
    assert_eq!(err.kind(), ztp_options::EncodeErrorKind::DuplicateSuboption);
    assert_eq!(err.item().suboption_code(), Some(3));
}

#[test]
fn r10_an_ignored_alternate_image_that_is_not_utf8_is_kept_and_not_resent_changed() {
    // Option 17 (2636): 00 "/a.tgz", 04 "/b\x91.tgz" (not UTF-8), then
    // option 59. The device ignores 04 (R10); the plan keeps its bytes as
    // they came, and the encoder refuses to send them changed (found by
    // the v6_message fuzz target; its input is in the corpus).
    let msg = v6_reply(
        &[
            v6vendor(2636, &[(0, b"/a.tgz"), (4, b"/b\x91.tgz")]),
            v6url("http://[2001:db8::1]/x"),
        ]
        .concat(),
    );
    let lease = v6::Lease::parse(&msg).unwrap();
    let plan = resolve_v6(&lease).unwrap();
    assert_eq!(plan.ignored.alt_image, Some(&b"/b\x91.tgz"[..]));
    let err = plan.to_v6_options().unwrap_err();
    assert_eq!(err.item().suboption_code(), Some(4));
    assert!(matches!(
        err.kind(),
        ztp_options::EncodeErrorKind::BadText {
            kind: ztp_options::DecodeErrorKind::InvalidUtf8 { valid_up_to: 2, .. }
        }
    ));
}

/// The other identity (issue 18): a canonical message, the one the encoder
/// writes for a plan, decodes and re-encodes to exactly its bytes, through
/// every layer: message, lease, plan (SZTP redirect included, R31), options,
/// message again; and the message view re-emits it byte for byte.
#[cfg(feature = "arbitrary")]
#[test]
fn r2_r31_canonical_messages_re_encode_byte_for_byte() {
    let mut with_sztp = [0usize; 2];
    for seed in 0..common::cases(2000) {
        let bytes = stream(seed.wrapping_mul(0x2545_f491_4f6c_dd1d), 1024);
        let buf = PlanBuf::arbitrary_v4(&mut Unstructured::new(&bytes)).unwrap();
        let msg = v4::MessageRepr::reply(buf.to_v4_options().unwrap()).to_vec();
        let lease = v4::Lease::parse(&msg).unwrap();
        let plan = resolve_v4(&lease).unwrap();
        let again = v4::MessageRepr::reply(plan.to_v4_options().unwrap()).to_vec();
        assert_eq!(again, msg, "v4 seed {seed}");
        let view = v4::MessageRepr::parse(&v4::Message::new_checked(&msg[..]).unwrap()).unwrap();
        assert_eq!(view.to_vec(), msg, "v4 seed {seed}: message view");
        with_sztp[0] += usize::from(plan.sztp_redirect.is_some());

        let buf = PlanBuf::arbitrary_v6(&mut Unstructured::new(&bytes)).unwrap();
        let msg = v6::MessageRepr::reply(buf.to_v6_options().unwrap())
            .to_vec()
            .unwrap();
        let lease = v6::Lease::parse(&msg).unwrap();
        let plan = resolve_v6(&lease).unwrap();
        let again = v6::MessageRepr::reply(plan.to_v6_options().unwrap())
            .to_vec()
            .unwrap();
        assert_eq!(again, msg, "v6 seed {seed}");
        let view = v6::MessageRepr::parse(&v6::Message::new_checked(&msg).unwrap()).unwrap();
        assert_eq!(view.to_vec().unwrap(), msg, "v6 seed {seed}: message view");
        with_sztp[1] += usize::from(plan.sztp_redirect.is_some());
    }
    // The generator reached the SZTP redirect in both families.
    if !cfg!(miri) {
        assert!(with_sztp.iter().all(|&n| n > 100), "{with_sztp:?}");
    }
}

#[test]
fn r7_a_host_name_the_device_cannot_read_is_not_encoded() {
    // R5, R7: a device leaves a host name with a control byte out of its
    // plan, so a plan that holds one (made by hand: no lease gives it) is
    // refused, naming option 12, rather than sent and silently dropped
    // (found by the hostile-plan test of ztp-server-config: Kea wrote it
    // as hex).
    let lease = v4::Lease::parse(V4_ACK).unwrap();
    let mut plan = resolve_v4(&lease).unwrap().to_buf();
    for (bad, kind) in [
        (
            "sw\n1",
            ztp_options::DecodeErrorKind::ControlByte {
                byte: b'\n',
                index: 2,
                len: 4,
            },
        ),
        ("", ztp_options::DecodeErrorKind::Empty),
    ] {
        plan.host_name = Some(bad.into());
        let err = plan.to_v4_options().unwrap_err();
        assert_eq!(err.item().option_code(), Some(12), "{bad:?}");
        assert_eq!(
            err.kind(),
            ztp_options::EncodeErrorKind::BadText { kind },
            "{bad:?}"
        );
    }
    plan.host_name = Some("sw-1 é".into());
    assert!(plan.to_v4_options().is_ok());
}
