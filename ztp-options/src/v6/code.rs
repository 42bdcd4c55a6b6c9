//! DHCPv6 option codes and message types: the ones ZTP reads or writes, and
//! any other.

use crate::code::open_code;

open_code! {
    /// A DHCPv6 option code (RFC 8415 §21 and later, two bytes). Codes this
    /// crate does not name are kept as they are and convert back to the same
    /// value.
    OptionCode(u16) {
        /// 1: client identifier (a DUID).
        CLIENT_ID = 1,
        /// 2: server identifier (a DUID).
        SERVER_ID = 2,
        /// 3: identity association for non-temporary addresses.
        IA_NA = 3,
        /// 4: identity association for temporary addresses.
        IA_TA = 4,
        /// 5: IA address (inside 3 or 4).
        IA_ADDR = 5,
        /// 6: option request option.
        ORO = 6,
        /// 7: server preference.
        PREFERENCE = 7,
        /// 8: elapsed time.
        ELAPSED_TIME = 8,
        /// 9: relay message: the message a relay (12, 13) carries.
        RELAY_MSG = 9,
        /// 11: authentication.
        AUTH = 11,
        /// 12: server unicast.
        UNICAST = 12,
        /// 13: status code.
        STATUS_CODE = 13,
        /// 14: rapid commit.
        RAPID_COMMIT = 14,
        /// 15: user class (RFC 8415 §21.15).
        USER_CLASS = 15,
        /// 16: vendor class (RFC 8415 §21.16).
        VENDOR_CLASS = 16,
        /// 17: vendor-specific information: the Juniper ZTP suboptions for
        /// enterprise 2636 (R8).
        VENDOR_OPTS = 17,
        /// 18: interface id (relay messages).
        INTERFACE_ID = 18,
        /// 19: reconfigure message.
        RECONF_MSG = 19,
        /// 20: reconfigure accept.
        RECONF_ACCEPT = 20,
        /// 23: DNS recursive name servers (RFC 3646).
        DNS_SERVERS = 23,
        /// 24: domain search list (RFC 3646).
        DOMAIN_LIST = 24,
        /// 25: identity association for prefix delegation.
        IA_PD = 25,
        /// 26: IA prefix (inside 25).
        IA_PREFIX = 26,
        /// 31: SNTP servers (RFC 4075).
        SNTP_SERVERS = 31,
        /// 32: information refresh time.
        INFORMATION_REFRESH_TIME = 32,
        /// 39: client FQDN (RFC 4704).
        CLIENT_FQDN = 39,
        /// 56: NTP server (RFC 5908).
        NTP_SERVER = 56,
        /// 59: boot file URL (RFC 5970, R9).
        BOOTFILE_URL = 59,
        /// 60: boot file parameters (RFC 5970).
        BOOTFILE_PARAM = 60,
        /// 61: client system architecture type (RFC 5970).
        CLIENT_ARCH_TYPE = 61,
        /// 82: SOL_MAX_RT.
        SOL_MAX_RT = 82,
        /// 83: INF_MAX_RT.
        INF_MAX_RT = 83,
        /// 136: SZTP redirect, the bootstrap-server list (RFC 8572, R31).
        SZTP_REDIRECT = 136,
    }
}

open_code! {
    /// A DHCPv6 message type (RFC 8415 §7.3). Types this crate does not
    /// name are kept as they are.
    MessageType(u8) {
        /// 1: SOLICIT.
        SOLICIT = 1,
        /// 2: ADVERTISE.
        ADVERTISE = 2,
        /// 3: REQUEST.
        REQUEST = 3,
        /// 4: CONFIRM.
        CONFIRM = 4,
        /// 5: RENEW.
        RENEW = 5,
        /// 6: REBIND.
        REBIND = 6,
        /// 7: REPLY.
        REPLY = 7,
        /// 8: RELEASE.
        RELEASE = 8,
        /// 9: DECLINE.
        DECLINE = 9,
        /// 10: RECONFIGURE.
        RECONFIGURE = 10,
        /// 11: INFORMATION-REQUEST.
        INFORMATION_REQUEST = 11,
        /// 12: RELAY-FORW.
        RELAY_FORW = 12,
        /// 13: RELAY-REPL.
        RELAY_REPL = 13,
    }
}

impl MessageType {
    /// Whether this is a relay message (RELAY-FORW or RELAY-REPL), whose
    /// header is hop-count, link-address and peer-address instead of a
    /// transaction id.
    pub const fn is_relay(self) -> bool {
        matches!(self, MessageType::RELAY_FORW | MessageType::RELAY_REPL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        // Every code (every 97th under Miri, where a loop step is slow).
        let step = if cfg!(miri) { 97 } else { 1 };
        for c in (0..=u16::MAX).step_by(step) {
            assert_eq!(OptionCode::new(c).get(), c);
        }
        for t in 0..=u8::MAX {
            assert_eq!(MessageType::new(t).get(), t);
        }
        assert_eq!(OptionCode::new(17), OptionCode::VENDOR_OPTS);
        assert_eq!(OptionCode::new(59), OptionCode::BOOTFILE_URL);
        assert!(!OptionCode::new(600).is_known());
        assert_eq!(MessageType::new(7), MessageType::REPLY);
        assert!(MessageType::new(13).is_relay());
        assert!(!MessageType::new(7).is_relay());
    }
}
