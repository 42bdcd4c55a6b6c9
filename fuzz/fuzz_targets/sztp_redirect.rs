//! Fuzz target `sztp_redirect`: see `ztp_fuzz::checks::sztp_redirect`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::sztp_redirect(data));
