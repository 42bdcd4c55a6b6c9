//! Fuzz target `vendor_identity`: see `ztp_fuzz::checks::vendor_identity`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::vendor_identity(data));
