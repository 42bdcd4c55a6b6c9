//! Fuzz target `explain`: see `ztp_fuzz::checks::explain`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::explain(data));
