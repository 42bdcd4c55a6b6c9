//! Extreme EXOS: the option 60 value is **unverified** (E1); EXOS is never
//! named from a request (the reply's option 43 layout names it, E2, in a
//! later step).

/// DHCPv4 option 55: 43 (E2); 1, 3, 6, 15 a **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 43];
