//! The checks behind the fuzz targets live in the workspace's test kit
//! (`ztp_testkit::checks`), so that the same code runs under libFuzzer
//! (`fuzz_targets/*.rs`) and over the committed corpora on stable Rust
//! (`testkit/tests/fuzz_corpus_replay.rs`).

pub use ztp_testkit::checks;
