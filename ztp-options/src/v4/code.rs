//! DHCPv4 option codes: the ones ZTP reads or writes, and any other.

use core::fmt;

macro_rules! option_codes {
    ($( $(#[$doc:meta])* $name:ident = $value:literal, )*) => {
        /// A DHCPv4 option code (RFC 2132 and later). Codes this crate does
        /// not name are kept as [`OptionCode::Unknown`] and convert back to
        /// the same byte.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum OptionCode {
            $( $(#[$doc])* $name, )*
            /// Any other code.
            Unknown(u8),
        }

        impl OptionCode {
            /// The code for a byte.
            pub const fn new(code: u8) -> Self {
                match code {
                    $( $value => OptionCode::$name, )*
                    other => OptionCode::Unknown(other),
                }
            }

            /// The byte for a code.
            pub const fn get(self) -> u8 {
                match self {
                    $( OptionCode::$name => $value, )*
                    OptionCode::Unknown(other) => other,
                }
            }
        }
    };
}

option_codes! {
    /// 0: padding (message level only; inside option 43, 0 is suboption 00).
    Pad = 0,
    /// 1: subnet mask.
    SubnetMask = 1,
    /// 3: routers.
    Router = 3,
    /// 6: DNS servers.
    DomainNameServer = 6,
    /// 7: log (syslog) servers (R5).
    LogServer = 7,
    /// 12: host name (R5).
    HostName = 12,
    /// 15: domain name.
    DomainName = 15,
    /// 42: NTP servers (R5).
    NtpServers = 42,
    /// 43: vendor-specific information: the Juniper ZTP suboptions (R1).
    VendorSpecific = 43,
    /// 50: requested IP address.
    RequestedAddress = 50,
    /// 51: lease time.
    LeaseTime = 51,
    /// 52: option overload (R2).
    Overload = 52,
    /// 53: DHCP message type.
    MessageType = 53,
    /// 54: server identifier.
    ServerIdentifier = 54,
    /// 55: parameter request list.
    ParameterRequestList = 55,
    /// 60: vendor class identifier (`Juniper-<model>-<serial>`).
    VendorClass = 60,
    /// 61: client identifier (the chassis serial number, R6).
    ClientIdentifier = 61,
    /// 66: TFTP server name (R3).
    TftpServerName = 66,
    /// 67: boot file name.
    BootfileName = 67,
    /// 77: user class (make, model, software version, R6).
    UserClass = 77,
    /// 150: TFTP server addresses (RFC 5859, R4).
    TftpServerAddress = 150,
    /// 255: end.
    End = 255,
}

impl From<u8> for OptionCode {
    fn from(code: u8) -> Self {
        OptionCode::new(code)
    }
}

impl From<OptionCode> for u8 {
    fn from(code: OptionCode) -> u8 {
        code.get()
    }
}

impl fmt::Display for OptionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.get())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for OptionCode {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(OptionCode::new(u.arbitrary()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_round_trips() {
        for b in 0..=255u8 {
            assert_eq!(OptionCode::new(b).get(), b);
        }
        assert_eq!(OptionCode::new(150), OptionCode::TftpServerAddress);
        assert_eq!(OptionCode::new(200), OptionCode::Unknown(200));
    }
}
