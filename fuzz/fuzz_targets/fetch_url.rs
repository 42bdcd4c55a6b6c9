//! Fuzz target `fetch_url`: see `ztp_fuzz::checks::fetch_url`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::fetch_url(data));
