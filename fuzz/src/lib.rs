//! The checks behind the fuzz targets, one public function per target, so
//! that the same code runs under libFuzzer (`fuzz_targets/*.rs`) and over the
//! committed corpora on stable Rust (`benches/tests/fuzz_corpus_replay.rs`).

pub mod checks;
