//! Fuzz target `v4_option43`: see `ztp_fuzz::checks::v4_option43`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::v4_option43(data));
