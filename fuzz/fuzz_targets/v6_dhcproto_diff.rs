//! Fuzz target `v6_dhcproto_diff`: see `ztp_fuzz::checks::v6_dhcproto_diff`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::v6_dhcproto_diff(data));
