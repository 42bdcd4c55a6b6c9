//! Fuzz target `agent_events`: an arbitrary event sequence (bindings of
//! sample, generated and raw replies, answers right and wrong, time) fed to
//! the ZTP agent, then a drain; `ztp_agent::check::run` checks that it
//! never panics, never returns two commands at once, and ends in done or a
//! DHCP restart within `4 * bindings + 2` steps. The same checker runs
//! 20000 cases in `ztp-agent/tests/properties.rs`.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use ztp_agent::check::{Scenario, run};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(scenario) = Scenario::arbitrary(&mut Unstructured::new(data)) {
        if let Err(violation) = run(&scenario) {
            panic!("{violation}\n{scenario:#?}");
        }
    }
});
