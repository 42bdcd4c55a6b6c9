//! The two DHCP families, and telling them apart from a message's bytes.

use core::fmt;

/// The DHCP family an option code or a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Family {
    /// DHCPv4 (RFC 2131/2132): one-byte option codes.
    V4,
    /// DHCPv6 (RFC 8415): two-byte option codes.
    V6,
}

impl Family {
    /// Which family a message's bytes are, by their framing alone:
    ///
    /// - DHCPv4 when the magic cookie `63 82 53 63` is at byte 236;
    /// - DHCPv6 when the first byte is a DHCPv6 message type (1..=13)
    ///   and there is no cookie;
    /// - `None` otherwise.
    ///
    /// This is a guess for tools handed bytes with no port number (a hex
    /// dump, a capture payload); a decoder still checks the message.
    ///
    /// ```
    /// use ztp_options::{Family, samples};
    ///
    /// assert_eq!(Family::detect(samples::V4_ACK), Some(Family::V4));
    /// assert_eq!(Family::detect(samples::V6_REPLY), Some(Family::V6));
    /// assert_eq!(Family::detect(&[0xff, 0, 0, 0]), None);
    /// ```
    pub fn detect(bytes: &[u8]) -> Option<Family> {
        if bytes.get(crate::v4::field::MAGIC) == Some(&crate::v4::field::MAGIC_COOKIE[..]) {
            return Some(Family::V4);
        }
        match bytes.first() {
            Some(1..=13) => Some(Family::V6),
            _ => None,
        }
    }

    /// `dhcpv4` or `dhcpv6`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Family::V4 => "dhcpv4",
            Family::V6 => "dhcpv6",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
