//! Fuzz target `vendor_sniff`: see `ztp_fuzz::checks::vendor_sniff`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::vendor_sniff(data));
