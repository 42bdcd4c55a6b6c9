//! Fuzz target `plan_v6`: see `ztp_fuzz::checks::plan_v6`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::plan_v6(data));
