//! Helpers shared by the integration tests: build DHCPv4 messages the way a
//! server writes them.
#![allow(dead_code, clippy::indexing_slicing, clippy::unwrap_used)]

use ztp_options::vendor::{Order, Role, Step, VendorPlan};

/// A BOOTREPLY header (op 2, Ethernet, xid 0x01020304, yiaddr 192.0.2.100,
/// chaddr 00:00:5e:00:53:01), empty sname/file, the magic cookie, then
/// `options` as given (the caller writes the end option).
pub(crate) fn reply(options: &[u8]) -> Vec<u8> {
    let mut m = vec![0u8; 240];
    m[0] = 2;
    m[1] = 1;
    m[2] = 6;
    m[4..8].copy_from_slice(&[1, 2, 3, 4]);
    m[16..20].copy_from_slice(&[192, 0, 2, 100]);
    m[28..34].copy_from_slice(&[0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]);
    m[236..240].copy_from_slice(&[0x63, 0x82, 0x53, 0x63]);
    m.extend_from_slice(options);
    m
}

/// `code len value`.
pub(crate) fn opt(code: u8, value: &[u8]) -> Vec<u8> {
    let mut v = vec![code, u8::try_from(value.len()).unwrap()];
    v.extend_from_slice(value);
    v
}

/// Concatenation.
pub(crate) fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// Hex to bytes (whitespace ignored).
pub(crate) fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

/// A DHCPv6 REPLY (type 7, transaction id 0x0a0b0c) with a client and a
/// server identifier, then `options` as given.
pub(crate) fn v6_reply(options: &[u8]) -> Vec<u8> {
    let mut m = vec![7, 0x0a, 0x0b, 0x0c];
    m.extend_from_slice(&v6opt(1, &[0, 3, 0, 1, 0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]));
    m.extend_from_slice(&v6opt(2, &[0, 3, 0, 1, 0x00, 0x00, 0x5e, 0x00, 0x53, 0xfe]));
    m.extend_from_slice(options);
    m
}

/// `code(2) len(2) value`.
pub(crate) fn v6opt(code: u16, value: &[u8]) -> Vec<u8> {
    let mut v = code.to_be_bytes().to_vec();
    v.extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
    v.extend_from_slice(value);
    v
}

/// Option 17 for `enterprise` with `(code, value)` items.
pub(crate) fn v6vendor(enterprise: u32, items: &[(u16, &[u8])]) -> Vec<u8> {
    let mut value = enterprise.to_be_bytes().to_vec();
    for (code, item) in items {
        value.extend_from_slice(&v6opt(*code, item));
    }
    v6opt(17, &value)
}

/// Option 59 with `url`.
pub(crate) fn v6url(url: &str) -> Vec<u8> {
    v6opt(59, url.as_bytes())
}

/// A fixed xorshift64 byte stream: generated test cases that are the same
/// every run, with no extra dependency.
pub(crate) struct Xorshift(pub(crate) u64);

impl Xorshift {
    /// The next `len` bytes.
    pub(crate) fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len)
            .map(|_| {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                (self.0 >> 24) as u8
            })
            .collect()
    }
}

/// A decision log holding `kinds`, in order (none of them a trailing NUL,
/// whose entry names its option: see [`nul`] and [`log_entries`]).
pub(crate) fn log(kinds: &[ztp_options::DecisionKind]) -> ztp_options::Log {
    let mut log = ztp_options::Log::new();
    for &k in kinds {
        assert!(log.push(k), "log full");
    }
    log
}

/// A decision log holding `entries`, in order.
pub(crate) fn log_entries(entries: &[ztp_options::Entry]) -> ztp_options::Log {
    let mut log = ztp_options::Log::new();
    for &e in entries {
        assert!(log.push_entry(e), "log full");
    }
    log
}

/// The log entry of a trailing NUL tolerated in `option` (`suboption`), R7.
pub(crate) fn nul(option: u16, suboption: Option<u16>) -> ztp_options::Entry {
    ztp_options::Entry {
        kind: ztp_options::DecisionKind::TrailingNul,
        option: Some(option),
        suboption,
    }
}

/// A log entry of `kind`, about no option in particular.
pub(crate) fn entry(kind: ztp_options::DecisionKind) -> ztp_options::Entry {
    ztp_options::Entry::new(kind)
}

/// How many generated cases a property test runs: `n`, or about 1 % of it
/// under Miri (`cargo +nightly miri test`), where each case costs a thousand
/// times more; what the generator must reach is asserted only at full count.
pub(crate) const fn cases(n: u64) -> u64 {
    if cfg!(miri) { n / 100 + 1 } else { n }
}

/// `(role, url, order)` of each fetch.
pub(crate) fn fetches(plan: &VendorPlan) -> Vec<(Role, Option<String>, Order)> {
    plan.steps
        .iter()
        .filter_map(|s| match s {
            Step::Fetch(f) => Some((f.role, f.url.clone(), f.order)),
            _ => None,
        })
        .collect()
}

/// Whether the plan logged a decision of `rule` with stable id `id`.
pub(crate) fn logged(plan: &VendorPlan, rule: &str, id: &str) -> bool {
    plan.decisions().any(|d| d.rule == rule && d.id == id)
}
