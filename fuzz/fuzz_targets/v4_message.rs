//! Fuzz target `v4_message`: see `ztp_fuzz::checks::v4_message`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::v4_message(data));
