//! Fuzz target `poap_items`: see `ztp_fuzz::checks::poap_items`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::poap_items(data));
