//! DHCPv4: the message view, the option codecs ZTP reads and writes, and
//! the options encoder.
//!
//! | option | what | type |
//! | --- | --- | --- |
//! | 43 | Juniper ZTP suboptions (R1) | [`Option43`], [`VendorInfo`](crate::VendorInfo) |
//! | 150 | file server addresses (R4) | [`Ipv4List`] |
//! | 66 | file server name, an address literal (R3) | [`TftpServerName`] |
//! | 7, 42 | syslog and NTP servers (R5) | [`Ipv4List`] |
//! | 12 | host name (R5) | [`Text`](crate::Text) |
//! | 60 | vendor class, `Juniper-<model>-<serial>` | [`JuniperVendorClass`] |
//! | 61 | client identifier, the serial (R6) | [`ClientIdentifier`] |
//! | 77 | user class (R6, RFC 3004) | [`UserClass`] |
//! | 124 | V-I vendor class (RFC 3925, G5) | [`VendorClasses`] |
//! | 125 | V-I vendor-specific information (RFC 3925, CX6) | [`VendorSpecific`] |
//! | 52 | overload (R2) | [`Overload`] |

pub mod field;

mod code;
mod identity;
mod lease;
mod message;
mod option43;
mod options;
mod servers;
mod vivc;

pub use code::{MessageType, OptionCode};
pub use identity::{ClientIdentifier, JuniperVendorClass, UserClass, UserClassItems};
pub use lease::Lease;
pub use message::{Area, Message, OptionValue, Options, Overload, RawOption};
pub use option43::{Items as Option43Items, Option43, Trailing};
pub use options::{MessageRepr, OptionSet, OwnedOption, instances_len, put_option};
pub use servers::{Addresses, Ipv4List, TftpServerName, ipv4_list_len, put_ipv4_list};
pub use vivc::{
    CISCO_ENTERPRISE, ClassItems, VendorClasses, VendorSpecific, ViEntries, ViEntry, ViSuboptions,
};
