//! Fuzz target `central_csv`: see `ztp_fuzz::checks::central_csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::central_csv(data));
