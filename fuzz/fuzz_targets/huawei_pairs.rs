//! Fuzz target `huawei_pairs`: see `ztp_fuzz::checks::huawei_pairs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::huawei_pairs(data));
