//! Fuzz target `huawei_server`: see `ztp_fuzz::checks::huawei_server`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::huawei_server(data));
