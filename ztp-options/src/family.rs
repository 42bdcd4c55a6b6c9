//! The two DHCP families, and telling them apart from a message's bytes.

use core::fmt;

/// The DHCP family an option code or a message belongs to.
///
/// ```
/// use ztp_options::{Family, samples};
///
/// assert_eq!(Family::detect(samples::V6_REPLY), Some(Family::V6));
/// assert_eq!(Family::V4.to_string(), "dhcpv4");
/// ```
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
    /// - DHCPv4 too when the bytes start like a BOOTP header (op 1 or 2,
    ///   Ethernet, `hlen` 6) and do not frame as a DHCPv6 message: a DHCPv4
    ///   message cut short (a capture still being written), which the
    ///   DHCPv4 decoder then reports as cut at its length;
    /// - DHCPv6 when the first byte is a DHCPv6 message type (1..=13);
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
    /// // A DHCPv4 ACK cut at byte 100, before its cookie.
    /// assert_eq!(Family::detect(&samples::V4_ACK[..100]), Some(Family::V4));
    /// ```
    pub fn detect(bytes: &[u8]) -> Option<Family> {
        if bytes.get(crate::v4::field::MAGIC) == Some(&crate::v4::field::MAGIC_COOKIE[..]) {
            return Some(Family::V4);
        }
        let bootp = matches!(bytes, [1 | 2, 1, 6, ..]);
        let v6_frames =
            || crate::v6::Message::new_checked(bytes).is_ok_and(|m| m.options().all(|o| o.is_ok()));
        match bytes.first() {
            Some(1..=13) if bootp && !v6_frames() => Some(Family::V4),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r2_a_dhcpv4_reply_cut_before_its_cookie_is_still_dhcpv4() {
        // 02 01 06 00 ...: a BOOTREPLY header (op 2, Ethernet, hlen 6), cut
        // at 50, 100 and 239 bytes: as DHCPv6 it would be an ADVERTISE whose
        // "options" do not frame.
        for cut in [50, 100, 239] {
            let bytes = crate::samples::V4_ACK.get(..cut).unwrap_or(&[]);
            assert_eq!(Family::detect(bytes), Some(Family::V4), "{cut}");
        }
        // An ADVERTISE (02, transaction id 01 06 00) that happens to start
        // like a BOOTP header, and whose options frame, stays DHCPv6: with
        // none, and with an empty option 1.
        assert_eq!(Family::detect(&[2, 1, 6, 0]), Some(Family::V6));
        assert_eq!(
            Family::detect(&[2, 1, 6, 0, 0, 1, 0, 0]),
            Some(Family::V6),
            "options that frame"
        );
        assert_eq!(Family::detect(crate::samples::V6_REPLY), Some(Family::V6));
    }
}
