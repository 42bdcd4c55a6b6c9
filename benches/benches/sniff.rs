//! `sniff`: the cost of telling a script from a configuration (R26) must not
//! grow with the file. Inputs of 1 KiB, 1 MiB and 64 MiB, sniffed whole with
//! `sniff` and streamed through a `Sniffer` in 64 KiB chunks (stopping when it
//! says `Complete`, as a caller would), for a configuration (which reads the
//! whole 512-byte prefix) and a script (which reads its first line only).
//! `sniff/<size>` is the configuration sniffed whole (the same as
//! `sniff/whole/<size>`), under the id the `ratios` command reads.
//!
//! The `naive` peer reads the first line the obvious way, validating the whole
//! file as UTF-8 first: its cost grows with the file, which shows this
//! benchmark would see such growth.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ztp_script_detect::{Sniffer, Status, sniff};

const SIZES: [(&str, usize); 3] = [("1KiB", 1 << 10), ("1MiB", 1 << 20), ("64MiB", 64 << 20)];
const CHUNK: usize = 64 << 10;

/// A Junos configuration of `size` bytes: a comment header, then a repeated
/// curly-brace stanza.
fn configuration(size: usize) -> Vec<u8> {
    let mut file = b"## Last commit: 2024-05-01 10:00:00 UTC by ztp\nversion 23.4R1;\n".to_vec();
    let stanza = b"interfaces {\n    ge-0/0/0 {\n        unit 0 {\n            family inet;\n        }\n    }\n}\n";
    while file.len() < size {
        file.extend_from_slice(stanza);
    }
    file.truncate(size);
    file
}

/// A SLAX script of `size` bytes.
fn script(size: usize) -> Vec<u8> {
    let mut file = b"#!/usr/libexec/ui/cscript\nversion 1.0;\n".to_vec();
    let line = b"var $x = jcs:invoke('get-software-information');\n";
    while file.len() < size {
        file.extend_from_slice(line);
    }
    file.truncate(size);
    file
}

fn stream(file: &[u8]) -> bool {
    let mut sniffer = Sniffer::new();
    for chunk in file.chunks(CHUNK) {
        if let Ok(Status::Complete(_)) | Err(_) = sniffer.feed(chunk) {
            break;
        }
    }
    sniffer
        .finish()
        .is_ok_and(|found| found.kind.script().is_some())
}

fn naive(file: &[u8]) -> bool {
    std::str::from_utf8(file)
        .ok()
        .and_then(|text| text.lines().next())
        .is_some_and(|line| line.starts_with("#!"))
}

fn bench_sniff(c: &mut Criterion) {
    let mut group = c.benchmark_group("sniff");
    for (name, size) in SIZES {
        let config = configuration(size);
        let script = script(size);
        assert!(!stream(&config) && stream(&script) && naive(&script));
        // `sniff/<size>`: the id the `ratios` command reads (R26: 64MiB/1KiB).
        group.bench_with_input(BenchmarkId::from_parameter(name), &config, |b, file| {
            b.iter(|| sniff(black_box(file)).is_ok())
        });
        group.bench_with_input(BenchmarkId::new("whole", name), &config, |b, file| {
            b.iter(|| sniff(black_box(file)).is_ok())
        });
        group.bench_with_input(BenchmarkId::new("stream", name), &config, |b, file| {
            b.iter(|| stream(black_box(file)))
        });
        group.bench_with_input(
            BenchmarkId::new("whole_script", name),
            &script,
            |b, file| b.iter(|| sniff(black_box(file)).is_ok()),
        );
        group.bench_with_input(
            BenchmarkId::new("stream_script", name),
            &script,
            |b, file| b.iter(|| stream(black_box(file))),
        );
        group.bench_with_input(BenchmarkId::new("naive", name), &config, |b, file| {
            b.iter(|| naive(black_box(file)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_sniff);
criterion_main!(benches);
