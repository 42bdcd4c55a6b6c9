//! DHCPv4 option codes: the ones ZTP reads or writes, and any other.

use crate::code::open_code;

open_code! {
    /// A DHCPv4 option code (RFC 2132 and later). Any byte is a code; the
    /// ones this crate names have constants, and compare equal to
    /// [`OptionCode::new`] of their byte.
    OptionCode(u8) {
        /// 0: padding (message level only; inside option 43, 0 is suboption 00).
        PAD = 0,
        /// 1: subnet mask.
        SUBNET_MASK = 1,
        /// 3: routers.
        ROUTER = 3,
        /// 6: DNS servers.
        DOMAIN_NAME_SERVER = 6,
        /// 7: log (syslog) servers (R5).
        LOG_SERVER = 7,
        /// 12: host name (R5).
        HOST_NAME = 12,
        /// 15: domain name.
        DOMAIN_NAME = 15,
        /// 42: NTP servers (R5).
        NTP_SERVERS = 42,
        /// 43: vendor-specific information: the Juniper ZTP suboptions (R1).
        VENDOR_SPECIFIC = 43,
        /// 50: requested IP address.
        REQUESTED_ADDRESS = 50,
        /// 51: lease time.
        LEASE_TIME = 51,
        /// 52: option overload (R2).
        OVERLOAD = 52,
        /// 53: DHCP message type.
        MESSAGE_TYPE = 53,
        /// 54: server identifier.
        SERVER_IDENTIFIER = 54,
        /// 55: parameter request list.
        PARAMETER_REQUEST_LIST = 55,
        /// 60: vendor class identifier (`Juniper-<model>-<serial>`).
        VENDOR_CLASS = 60,
        /// 61: client identifier (the chassis serial number, R6).
        CLIENT_IDENTIFIER = 61,
        /// 66: TFTP server name (R3).
        TFTP_SERVER_NAME = 66,
        /// 67: boot file name.
        BOOTFILE_NAME = 67,
        /// 77: user class (make, model, software version, R6).
        USER_CLASS = 77,
        /// 143: SZTP redirect, the bootstrap-server list (RFC 8572, R31).
        SZTP_REDIRECT = 143,
        /// 150: TFTP server addresses (RFC 5859, R4).
        TFTP_SERVER_ADDRESS = 150,
        /// 255: end.
        END = 255,
    }
}

open_code! {
    /// A DHCPv4 message type (option 53, RFC 2132 §9.6).
    MessageType(u8) {
        /// 1: DHCPDISCOVER.
        DISCOVER = 1,
        /// 2: DHCPOFFER.
        OFFER = 2,
        /// 3: DHCPREQUEST.
        REQUEST = 3,
        /// 4: DHCPDECLINE.
        DECLINE = 4,
        /// 5: DHCPACK.
        ACK = 5,
        /// 6: DHCPNAK.
        NAK = 6,
        /// 7: DHCPRELEASE.
        RELEASE = 7,
        /// 8: DHCPINFORM.
        INFORM = 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_round_trips_and_compares_canonically() {
        for b in 0..=255u8 {
            assert_eq!(OptionCode::new(b).get(), b);
        }
        assert_eq!(OptionCode::new(150), OptionCode::TFTP_SERVER_ADDRESS);
        assert_eq!(OptionCode::new(43), OptionCode::VENDOR_SPECIFIC);
        assert!(!OptionCode::new(200).is_known());
        assert_eq!(MessageType::new(5), MessageType::ACK);
    }
}
