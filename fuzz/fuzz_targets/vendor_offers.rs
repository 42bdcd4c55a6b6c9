//! Fuzz target `vendor_offers`: see `ztp_fuzz::checks::vendor_offers`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::vendor_offers(data));
