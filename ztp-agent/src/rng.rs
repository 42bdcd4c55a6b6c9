//! The agent's only source of jitter: SplitMix64 over a seed the caller
//! gives, so a run is a function of its inputs.

use core::time::Duration;

/// The shortest wait before the DHCP client restarts (R28), in milliseconds.
pub(crate) const RESTART_MIN_MS: u64 = 15_000;
/// The longest wait before the DHCP client restarts (R28), in milliseconds.
pub(crate) const RESTART_MAX_MS: u64 = 30_000;

/// SplitMix64 (Steele, Lea, Flood 2014): any seed, zero included, gives a
/// full-period stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) const fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A delay in `15..=30` seconds, with millisecond steps (R28).
    pub(crate) fn restart_delay(&mut self) -> Duration {
        let span = RESTART_MAX_MS - RESTART_MIN_MS + 1;
        Duration::from_millis(RESTART_MIN_MS + self.next_u64() % span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r28_delays_stay_in_15_to_30_seconds_and_repeat_per_seed() {
        for seed in [0, 1, u64::MAX, 0xdead_beef] {
            let mut a = SplitMix64::new(seed);
            let mut b = SplitMix64::new(seed);
            for _ in 0..10_000 {
                let d = a.restart_delay();
                assert_eq!(d, b.restart_delay());
                assert!((Duration::from_secs(15)..=Duration::from_secs(30)).contains(&d));
            }
        }
        // Both ends are reachable in principle; the stream spreads over the range.
        let mut r = SplitMix64::new(7);
        let ds: Vec<u64> = (0..10_000)
            .map(|_| u64::try_from(r.restart_delay().as_millis()).unwrap())
            .collect();
        assert!(ds.iter().any(|&d| d < 16_000));
        assert!(ds.iter().any(|&d| d > 29_000));
    }
}
