//! Fuzz target `plan_v4`: see `ztp_fuzz::checks::plan_v4`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::plan_v4(data));
