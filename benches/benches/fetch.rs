//! `fetch_url/ztp`: from the resolved plan of the sample DHCPv4 ACK to its
//! two fetch URLs (port suffix, port precedence, URL building, the 256
//! character check). No peer does this; the number is tracked over time.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ztp_fetch_url::fetch_plan;
use ztp_options::resolve_v4;
use ztp_options::v4::Lease;

fn fetch_url(c: &mut Criterion) {
    let lease = Lease::parse(ztp_options::samples::V4_ACK).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    let urls = fetch_plan(&plan);
    assert_eq!(urls.targets().count(), 2);
    let mut g = c.benchmark_group("fetch_url");
    g.bench_function("ztp", |b| b.iter(|| fetch_plan(black_box(&plan))));
    g.finish();
}

criterion_group!(benches, fetch_url);
criterion_main!(benches);
