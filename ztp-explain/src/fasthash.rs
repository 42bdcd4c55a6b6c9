//! A randomly seeded hasher for the summary's tables (outcome keys and
//! client keys: short byte strings from an untrusted capture).
//!
//! SipHash (std's default) cost about 1,400 instructions a reply at
//! capture scale; this one multiplies and folds eight bytes at a time (the
//! folded multiply of foldhash and wyhash) with a seed drawn once per
//! table from std's `RandomState`, so that a crafted capture cannot
//! choose colliding keys without knowing the seed. No crate: foldhash is
//! Zlib-licensed (not in `deny.toml`'s list) and the whole hasher is a
//! few lines; std's `RandomState` seeds it on every target (on
//! `wasm32-unknown-unknown` std has no OS randomness and its keys are
//! fixed, as for every `HashMap` there).

use std::hash::{BuildHasher, Hasher};

/// Mixing constants (digits of pi, as foldhash uses).
const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;

/// The high and low halves of the 128-bit product, xored.
const fn fold(a: u64, b: u64) -> u64 {
    let p = (a as u128).wrapping_mul(b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Builds [`SeededHasher`]s with one random seed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seeded {
    seed: u64,
}

impl Default for Seeded {
    fn default() -> Self {
        let seed = std::collections::hash_map::RandomState::new().hash_one(K0);
        Seeded { seed }
    }
}

impl BuildHasher for Seeded {
    type Hasher = SeededHasher;

    fn build_hasher(&self) -> SeededHasher {
        SeededHasher {
            acc: self.seed,
            seed: self.seed,
        }
    }
}

/// The hasher: each word folded with the seed into the accumulator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SeededHasher {
    acc: u64,
    seed: u64,
}

impl SeededHasher {
    #[inline]
    fn word(&mut self, w: u64) {
        self.acc = fold(self.acc ^ w, self.seed ^ K1);
    }
}

impl Hasher for SeededHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.word(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            for (d, s) in last.iter_mut().zip(rest) {
                *d = *s;
            }
            // The length of the tail in the top byte (unused by a tail
            // of at most seven bytes), so that "a" and "a\0" differ.
            self.word(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.word(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.word(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.word(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.word(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        fold(self.acc, self.seed ^ K0)
    }
}

/// A `HashMap` with the seeded hasher.
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, Seeded>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_hash_apart_and_equal_keys_alike() {
        let s = Seeded::default();
        let keys: Vec<Vec<u8>> = (1..=16)
            .flat_map(|len| [vec![0u8; len], vec![1u8; len]])
            .collect();
        let hashes: std::collections::HashSet<u64> =
            keys.iter().map(|k| s.hash_one(k.as_slice())).collect();
        assert_eq!(hashes.len(), keys.len());
        assert_eq!(s.hash_one(b"abc".as_slice()), s.hash_one(b"abc".as_slice()));
        // Two tables draw two seeds (std's RandomState where there is
        // randomness).
        let mut m: Map<Box<[u8]>, usize> = Map::default();
        m.insert(b"k".as_slice().into(), 1);
        assert_eq!(m.get(b"k".as_slice()), Some(&1));
    }
}
