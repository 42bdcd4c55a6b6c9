//! Test helpers shared by the ztp crate family, in one unpublished crate so
//! that no crate compiles another's files:
//!
//! - [`checks`]: one check per fuzz target, run by `fuzz/fuzz_targets/*`
//!   under libFuzzer and by this crate's `tests/fuzz_corpus_replay.rs` over
//!   every committed corpus file on stable Rust;
//! - [`captures`]: captures of real DHCP servers, vendored (see
//!   `captures/README.md` for where they came from);
//! - [`capture_writer`]: pcap captures made on the fly, for the CLI's
//!   end-to-end tests and the capture-scale benchmark;
//! - [`lab`]: real DHCP servers in network namespaces, for the interop
//!   tests of the server configurations and of `ztp probe`.

pub mod capture_writer;
pub mod captures;
pub mod checks;
pub mod lab;
