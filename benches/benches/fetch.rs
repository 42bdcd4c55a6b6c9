//! `fetch_url/ztp`: from the resolved plan of the sample DHCPv4 ACK to its
//! two fetch URLs (port suffix, port precedence, URL building, the 256
//! character check). No peer does this; the number is tracked over time.
//!
//! `fetch_url/ztp-via-url-crate` is the same with every URL built through
//! the `url` crate (parse a base, set port and path), as before the URL
//! writer: before and after in one run. `fetch_url_v6/*` the same for the
//! sample DHCPv6 REPLY.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ztp_fetch_url::{fetch_plan, fetch_plan_via_url_crate};
use ztp_options::{resolve_v4, resolve_v6, v4, v6};

fn fetch_url(c: &mut Criterion) {
    let lease = v4::Lease::parse(ztp_options::samples::V4_ACK).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    let urls = fetch_plan(&plan);
    assert_eq!(urls.targets().count(), 2);
    assert_eq!(urls, fetch_plan_via_url_crate(&plan));
    let mut g = c.benchmark_group("fetch_url");
    g.bench_function("ztp", |b| b.iter(|| fetch_plan(black_box(&plan))));
    g.bench_function("ztp-via-url-crate", |b| {
        b.iter(|| fetch_plan_via_url_crate(black_box(&plan)))
    });
    g.finish();
    let lease = v6::Lease::parse(ztp_options::samples::V6_REPLY).unwrap();
    let plan = resolve_v6(&lease).unwrap();
    assert_eq!(fetch_plan(&plan), fetch_plan_via_url_crate(&plan));
    let mut g = c.benchmark_group("fetch_url_v6");
    g.bench_function("ztp", |b| b.iter(|| fetch_plan(black_box(&plan))));
    g.bench_function("ztp-via-url-crate", |b| {
        b.iter(|| fetch_plan_via_url_crate(black_box(&plan)))
    });
    g.finish();
}

criterion_group!(benches, fetch_url);
criterion_main!(benches);
