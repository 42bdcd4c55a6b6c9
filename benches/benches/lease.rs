//! From lease bytes to a provisioning plan, and back, against dhcproto in
//! the same run (the `ratios` command prints the ratios and their goals):
//!
//! - `v4_lease_to_plan/{ztp,dhcproto,dhcproto_borrowed}`: a 336-byte DHCPv4
//!   ACK to the resolved plan. ztp: `Lease::parse` + `resolve_v4_into` (a
//!   `Plan` borrowed from the lease, with its inline decision log, filled
//!   where the caller holds it). dhcproto: its owned `Message::decode`, or
//!   its zero-copy `v4::borrowed` iterator, then option 43's suboptions and
//!   options 150/66 walked by hand into owned strings.
//! - `v6_reply_to_plan/{ztp,dhcproto}`: the `V6_REPLY` sample to the plan.
//! - `v4_option43_decode/{ztp,memcpy}`: option 43 of that ACK, checked and
//!   read into typed borrowed suboptions; against copying the same bytes.
//! - `v4_encode/{ztp,dhcproto}`: the plan to the options bytes (43, 150).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ztp_benches::{
    HandPlan, Mode, dhcproto_borrowed_v4_lease_to_plan, dhcproto_v4_encode,
    dhcproto_v4_lease_to_plan, dhcproto_v6_reply_to_plan, v4_ack,
};
use ztp_options::samples::V6_REPLY;
use ztp_options::v4::{Lease, Option43};
use ztp_options::{FileServer, ModeSource, Plan, TransferMode, V4ServerSource};
use ztp_options::{resolve_v4, resolve_v4_into, resolve_v6, resolve_v6_into};

/// A plan for the resolvers to fill (as the instruction counts do).
fn empty_plan<'a>() -> Plan<'a> {
    Plan::new(
        FileServer::V4 {
            address: std::net::Ipv4Addr::UNSPECIFIED,
            source: V4ServerSource::Option150,
        },
        TransferMode::Tftp,
        ModeSource::Default,
    )
}

fn v4_lease_to_plan(c: &mut Criterion) {
    let ack = v4_ack();
    let lease = Lease::parse(&ack).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    let hand = dhcproto_v4_lease_to_plan(&ack).unwrap();
    assert_eq!(
        dhcproto_borrowed_v4_lease_to_plan(&ack).as_ref(),
        Some(&hand)
    );
    assert_eq!(hand.image.as_deref(), plan.image.map(|i| i.name));
    let mut g = c.benchmark_group("v4_lease_to_plan");
    // The lease is looked at where it was returned and the plan filled
    // where the caller holds it (as in the instruction counts,
    // `ztp_benches::instructions`).
    g.bench_function("ztp", |b| {
        b.iter(|| {
            let parsed = Lease::parse(black_box(&ack));
            let mut plan = empty_plan();
            let r = resolve_v4_into(parsed.as_ref().unwrap(), &mut plan);
            assert!(r.is_ok());
            black_box(&plan);
        })
    });
    g.bench_function("dhcproto", |b| {
        b.iter(|| dhcproto_v4_lease_to_plan(black_box(&ack)).unwrap())
    });
    g.bench_function("dhcproto_borrowed", |b| {
        b.iter(|| dhcproto_borrowed_v4_lease_to_plan(black_box(&ack)).unwrap())
    });
    g.finish();
}

fn v6_reply_to_plan(c: &mut Criterion) {
    let plan = resolve_v6(&ztp_options::v6::Lease::parse(V6_REPLY).unwrap()).unwrap();
    let hand = dhcproto_v6_reply_to_plan(V6_REPLY).unwrap();
    assert_eq!(hand.image.as_deref(), plan.image.map(|i| i.name));
    let mut g = c.benchmark_group("v6_reply_to_plan");
    g.bench_function("ztp", |b| {
        b.iter(|| {
            let parsed = ztp_options::v6::Lease::parse(black_box(V6_REPLY));
            let mut plan = empty_plan();
            let r = resolve_v6_into(parsed.as_ref().unwrap(), &mut plan);
            assert!(r.is_ok());
            black_box(&plan);
        })
    });
    g.bench_function("dhcproto", |b| {
        b.iter(|| dhcproto_v6_reply_to_plan(black_box(V6_REPLY)).unwrap())
    });
    g.finish();
}

fn v4_option43_decode(c: &mut Criterion) {
    let ack = v4_ack();
    let lease = Lease::parse(&ack).unwrap();
    let o43 = lease.option43().unwrap().unwrap().as_bytes().to_vec();
    let mut g = c.benchmark_group("v4_option43_decode");
    g.bench_function("ztp", |b| {
        b.iter(|| {
            let sub = Option43::new_checked(black_box(&o43))
                .unwrap()
                .suboptions()
                .unwrap();
            (sub.image(), sub.config(), sub.transfer_mode())
        })
    });
    let mut buf = vec![0u8; o43.len()];
    g.bench_function("memcpy", |b| {
        b.iter(|| {
            buf.copy_from_slice(black_box(&o43));
            black_box(&buf);
        })
    });
    g.finish();
}

fn v4_encode(c: &mut Criterion) {
    let ack = v4_ack();
    let lease = Lease::parse(&ack).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    let hand = HandPlan {
        image: plan.image.map(|i| i.name.to_owned()),
        config: plan.config.map(|c| c.name.to_owned()),
        mode: Mode::Http,
        server: "192.0.2.10".parse().unwrap(),
    };
    let mut ours = vec![0u8; 1500];
    let mut theirs = Vec::with_capacity(1500);
    let mut g = c.benchmark_group("v4_encode");
    g.bench_function("ztp", |b| {
        b.iter(|| {
            let set = black_box(&plan).to_v4_options().unwrap();
            set.emit(&mut ours).unwrap()
        })
    });
    g.bench_function("dhcproto", |b| {
        b.iter(|| {
            theirs.clear();
            dhcproto_v4_encode(black_box(&hand), &mut theirs).unwrap();
            theirs.len()
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    v4_lease_to_plan,
    v6_reply_to_plan,
    v4_option43_decode,
    v4_encode
);
criterion_main!(benches);
