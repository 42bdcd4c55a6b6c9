//! Fuzz target `cli_input`: see `ztp_fuzz::checks::cli_input`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::cli_input(data));
