//! Fuzz target `v6_option17`: see `ztp_fuzz::checks::v6_option17`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::v6_option17(data));
