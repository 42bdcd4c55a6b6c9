//! Fuzz target `vendor_plans`: see `ztp_fuzz::checks::vendor_plans`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::vendor_plans(data));
