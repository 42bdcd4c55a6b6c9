//! Fuzz target `plain_tlv`: see `ztp_fuzz::checks::plain_tlv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::plain_tlv(data));
