//! Fuzz target `xr_items`: see `ztp_fuzz::checks::xr_items`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::xr_items(data));
