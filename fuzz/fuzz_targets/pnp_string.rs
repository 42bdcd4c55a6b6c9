//! Fuzz target `pnp_string`: see `ztp_fuzz::checks::pnp_string`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::pnp_string(data));
