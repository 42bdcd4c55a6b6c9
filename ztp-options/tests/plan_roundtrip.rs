//! Encoding a plan is the inverse of resolving a lease: for many generated
//! plans, resolve(decode(encode(plan))) == plan (R10..R18, the suboption 05
//! choice).
//!
//! Plans come from `Plan::arbitrary_v4`/`arbitrary_v6` (feature
//! `arbitrary`), which write the decision log from the rules, independently
//! of the resolver.
#![cfg(feature = "arbitrary")]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use arbitrary::Unstructured;
use ztp_options::v4::Lease;
use ztp_options::{EncodeError, EncodeErrorKind, EncodeItem, Family, FileServer, Plan, resolve_v4};

fn stream(seed: u64, len: usize) -> Vec<u8> {
    common::Xorshift(seed | 1).bytes(len)
}

#[test]
fn r10_r11_r12_r13_r18_v4_plans_survive_encode_decode_resolve() {
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..3000u64 {
        let bytes = stream(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), 1024);
        let plan = Plan::arbitrary_v4(&mut Unstructured::new(&bytes)).unwrap();
        let set = plan.to_v4_options().unwrap();
        let mut options = Vec::new();
        set.put(&mut options).unwrap();
        let msg = common::reply(&options);
        let back = resolve_v4(&Lease::parse(&msg).unwrap());
        assert_eq!(back.as_ref(), Ok(&plan), "seed {seed}");
        for d in &plan.decisions {
            kinds.insert(std::mem::discriminant(d));
        }
    }
    // The generator reached every decision it can make.
    assert_eq!(kinds.len(), 6);
}

#[test]
fn r14_r15_r16_r17_v6_plans_survive_encode_decode_resolve() {
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..3000u64 {
        let bytes = stream(seed.wrapping_mul(0xd1b5_4a32_d192_ed03), 1024);
        let plan = Plan::arbitrary_v6(&mut Unstructured::new(&bytes)).unwrap();
        let set = plan.to_v6_options().unwrap();
        let mut options = Vec::new();
        set.put(&mut options).unwrap();
        let msg = common::v6_reply(&options);
        let back = ztp_options::resolve_v6(&ztp_options::v6::Lease::parse(&msg).unwrap());
        assert_eq!(back.as_ref(), Ok(&plan), "seed {seed}");
        for d in &plan.decisions {
            kinds.insert(std::mem::discriminant(d));
        }
    }
    assert_eq!(kinds.len(), 7);
}

#[test]
fn v6_plan_is_refused_by_the_v4_encoder() {
    let bytes = stream(7, 1024);
    let mut plan = Plan::arbitrary_v4(&mut Unstructured::new(&bytes)).unwrap();
    plan.file_server = FileServer::Ipv6("2001:db8::1".parse().unwrap());
    assert_eq!(
        plan.to_v4_options(),
        Err(EncodeError::new(
            EncodeItem::message(Family::V4),
            EncodeErrorKind::WrongFamily { found: Family::V6 }
        ))
    );
}
