//! Fuzz target `sniff`: see `ztp_fuzz::checks::sniff`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::sniff(data));
