//! DHCPv6 option codes and message types: the ones ZTP reads or writes, and
//! any other.

use core::fmt;

macro_rules! open_enum {
    (
        $(#[$outer:meta])*
        $name:ident($repr:ty) {
            $( $(#[$doc:meta])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[$outer])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$doc])* $variant, )*
            /// Any other value.
            Unknown($repr),
        }

        impl $name {
            /// The variant for a wire value.
            pub const fn new(value: $repr) -> Self {
                match value {
                    $( $value => $name::$variant, )*
                    other => $name::Unknown(other),
                }
            }

            /// The wire value.
            pub const fn get(self) -> $repr {
                match self {
                    $( $name::$variant => $value, )*
                    $name::Unknown(other) => other,
                }
            }
        }

        impl From<$repr> for $name {
            fn from(value: $repr) -> Self {
                $name::new(value)
            }
        }

        impl From<$name> for $repr {
            fn from(value: $name) -> $repr {
                value.get()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.get())
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a> arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                Ok($name::new(u.arbitrary()?))
            }
        }
    };
}

open_enum! {
    /// A DHCPv6 option code (RFC 8415 §21 and later, two bytes). Codes this
    /// crate does not name are kept as [`OptionCode::Unknown`] and convert
    /// back to the same value.
    OptionCode(u16) {
        /// 1: client identifier (a DUID).
        ClientId = 1,
        /// 2: server identifier (a DUID).
        ServerId = 2,
        /// 3: identity association for non-temporary addresses.
        IaNa = 3,
        /// 4: identity association for temporary addresses.
        IaTa = 4,
        /// 5: IA address (inside 3 or 4).
        IaAddr = 5,
        /// 6: option request option.
        Oro = 6,
        /// 7: server preference.
        Preference = 7,
        /// 8: elapsed time.
        ElapsedTime = 8,
        /// 9: relay message: the message a relay (12, 13) carries.
        RelayMsg = 9,
        /// 11: authentication.
        Auth = 11,
        /// 12: server unicast.
        Unicast = 12,
        /// 13: status code.
        StatusCode = 13,
        /// 14: rapid commit.
        RapidCommit = 14,
        /// 15: user class (RFC 8415 §21.15).
        UserClass = 15,
        /// 16: vendor class (RFC 8415 §21.16).
        VendorClass = 16,
        /// 17: vendor-specific information: the Juniper ZTP suboptions for
        /// enterprise 2636 (R8).
        VendorOpts = 17,
        /// 18: interface id (relay messages).
        InterfaceId = 18,
        /// 19: reconfigure message.
        ReconfMsg = 19,
        /// 20: reconfigure accept.
        ReconfAccept = 20,
        /// 23: DNS recursive name servers (RFC 3646).
        DnsServers = 23,
        /// 24: domain search list (RFC 3646).
        DomainList = 24,
        /// 25: identity association for prefix delegation.
        IaPd = 25,
        /// 26: IA prefix (inside 25).
        IaPrefix = 26,
        /// 31: SNTP servers (RFC 4075).
        SntpServers = 31,
        /// 32: information refresh time.
        InformationRefreshTime = 32,
        /// 39: client FQDN (RFC 4704).
        ClientFqdn = 39,
        /// 56: NTP server (RFC 5908).
        NtpServer = 56,
        /// 59: boot file URL (RFC 5970, R9).
        BootfileUrl = 59,
        /// 60: boot file parameters (RFC 5970).
        BootfileParam = 60,
        /// 61: client system architecture type (RFC 5970).
        ClientArchType = 61,
        /// 82: SOL_MAX_RT.
        SolMaxRt = 82,
        /// 83: INF_MAX_RT.
        InfMaxRt = 83,
    }
}

open_enum! {
    /// A DHCPv6 message type (RFC 8415 §7.3). Types this crate does not
    /// name are kept as [`MessageType::Unknown`].
    MessageType(u8) {
        /// 1: SOLICIT.
        Solicit = 1,
        /// 2: ADVERTISE.
        Advertise = 2,
        /// 3: REQUEST.
        Request = 3,
        /// 4: CONFIRM.
        Confirm = 4,
        /// 5: RENEW.
        Renew = 5,
        /// 6: REBIND.
        Rebind = 6,
        /// 7: REPLY.
        Reply = 7,
        /// 8: RELEASE.
        Release = 8,
        /// 9: DECLINE.
        Decline = 9,
        /// 10: RECONFIGURE.
        Reconfigure = 10,
        /// 11: INFORMATION-REQUEST.
        InformationRequest = 11,
        /// 12: RELAY-FORW.
        RelayForw = 12,
        /// 13: RELAY-REPL.
        RelayRepl = 13,
    }
}

impl MessageType {
    /// Whether this is a relay message (RELAY-FORW or RELAY-REPL), whose
    /// header is hop-count, link-address and peer-address instead of a
    /// transaction id.
    pub const fn is_relay(self) -> bool {
        matches!(self, MessageType::RelayForw | MessageType::RelayRepl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for c in 0..=u16::MAX {
            assert_eq!(OptionCode::new(c).get(), c);
        }
        for t in 0..=u8::MAX {
            assert_eq!(MessageType::new(t).get(), t);
        }
        assert_eq!(OptionCode::new(17), OptionCode::VendorOpts);
        assert_eq!(OptionCode::new(59), OptionCode::BootfileUrl);
        assert_eq!(OptionCode::new(600), OptionCode::Unknown(600));
        assert_eq!(MessageType::new(7), MessageType::Reply);
        assert!(MessageType::new(13).is_relay());
        assert!(!MessageType::new(7).is_relay());
    }
}
