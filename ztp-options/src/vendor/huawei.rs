//! Huawei VRP: option 60 = manufacturer and model in a format that is
//! **unverified** (H1), so a request never names Huawei; option 61 = the
//! device ESN, read as a serial (G4) without naming the vendor.

/// DHCPv4 option 55: 66, 67, 150 (H2) and 143 (H5); 1, 3, 6, 15 a
/// **choice**.
pub(crate) const PRL: &[u8] = &[1, 3, 6, 15, 66, 67, 150, 143];
/// DHCPv6 option 6: 59 (H4), 136 (SZTP, H5) and 23, a **choice**.
pub(crate) const ORO: &[u16] = &[59, 136, 23];
