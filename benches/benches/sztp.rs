//! `sztp_redirect_decode`: the SZTP redirect (RFC 8572, option 143/136)
//! of a real-sized list (three bootstrap servers: a name, an IPv4 and an
//! IPv6 literal), checked and read as typed URIs, against the framing
//! alone (the `uri-length` walk, no URI checks) in the same run. No DHCP
//! peer crate decodes this option; the number is tracked over time.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ztp_benches::{sztp_frame_only as frame_only, sztp_value};
use ztp_options::Family;
use ztp_options::sztp::Redirect;

fn sztp(c: &mut Criterion) {
    let value = sztp_value();
    assert_eq!(frame_only(&value), 3);
    let mut g = c.benchmark_group("sztp_redirect_decode");
    g.bench_function("ztp", |b| {
        b.iter(|| {
            let r = Redirect::new_checked(black_box(&value), Family::V4).unwrap();
            r.servers().map(|s| s.port_or_default()).sum::<u16>()
        })
    });
    g.bench_function("framing_only", |b| b.iter(|| frame_only(black_box(&value))));
    g.finish();
}

criterion_group!(benches, sztp);
criterion_main!(benches);
