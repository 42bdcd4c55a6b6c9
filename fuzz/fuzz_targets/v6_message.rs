//! Fuzz target `v6_message`: see `ztp_fuzz::checks::v6_message`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::v6_message(data));
