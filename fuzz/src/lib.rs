//! The checks behind the fuzz targets, one public function per target, so
//! that the same code runs under libFuzzer (`fuzz_targets/*.rs`) and over the
//! committed corpora on stable Rust (`benches/tests/fuzz_corpus_replay.rs`).

pub mod checks;

/// The CLI's hex reader, compiled from its source (the CLI is a binary).
#[allow(dead_code, unreachable_pub)]
#[path = "../../ztp-cli/src/input.rs"]
pub mod input;

/// The CLI's capture reader, compiled from its source.
#[allow(dead_code, unreachable_pub)]
#[path = "../../ztp-cli/src/pcap.rs"]
pub mod pcap;
