//! Fuzz target `client_messages`: see `ztp_fuzz::checks::client_messages`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::client_messages(data));
