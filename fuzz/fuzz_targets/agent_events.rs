//! Fuzz target `agent_events`: see `ztp_fuzz::checks::agent_events` (the
//! same checker runs 20000 cases in `ztp-agent/tests/properties.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ztp_fuzz::checks::agent_events(data));
