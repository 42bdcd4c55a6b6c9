//! DHCPv6: the message view (relay messages unwrapped), the option codecs
//! ZTP reads and writes, and the one-pass [`Lease`] view.
//!
//! | option | what | type |
//! | --- | --- | --- |
//! | 17 | vendor-specific information; enterprise 2636 carries the ZTP suboptions (R8) | [`VendorOpts`], [`VendorInfo`](crate::VendorInfo) (`*_v6`) |
//! | 59 | boot file URL `mode://[ipv6]:port/path` (R9) | [`BootFileUrl`], [`BootFileUrlRepr`] |
//! | 16 | vendor class: enterprise and class data | [`VendorClass`] |
//! | 15 | user class: class data | [`UserClass`] |
//! | 9 | relay message, unwrapped to [`MAX_RELAY_DEPTH`] | [`Message::innermost`] |
//!
//! [`OptionSet`] and [`MessageRepr`] are the owned forms, the twins of
//! DHCPv4's.
//!
//! DHCPv6 has no RFC 3396 concatenation: an option that appears several
//! times is several instances, each read on its own. Option 17 may appear
//! once per enterprise; only Juniper's (2636) is read for ZTP, the others
//! are kept ([`Lease::other_vendor_opts`]).
//!
//! ```
//! use ztp_options::TransferMode;
//! use ztp_options::v6::Lease;
//!
//! # fn main() -> Result<(), ztp_options::DecodeError> {
//! let lease = Lease::parse(ztp_options::samples::V6_REPLY)?;
//! let sub = lease.suboptions()?.expect("option 17 for enterprise 2636");
//! assert_eq!(sub.config().unwrap().as_str()?, "/ztp/qfx5120.conf");
//! assert_eq!(sub.transfer_mode(), Some(TransferMode::Http));
//! let url = lease.boot_file_url()?.expect("option 59");
//! assert_eq!(url.server().to_string(), "2001:db8::1");
//! assert_eq!(url.port().map(|p| p.get()), Some(8080));
//! assert_eq!(url.path(), "/img/junos.tgz");
//! # Ok(()) }
//! ```

mod boot_url;
mod class;
mod code;
pub(crate) mod ipv6;
mod lease;
mod message;
mod options;
mod vendor;

pub use boot_url::{BootFileUrl, BootFileUrlRepr};
pub use class::{ClassData, UserClass, VendorClass};
pub use code::{MessageType, OptionCode};
pub use lease::{Lease, OtherVendorOpts};
pub use message::{
    HEADER_LEN, Instances, MAX_RELAY_DEPTH, Message, Options, RELAY_HEADER_LEN, RawOption,
    RelayHeader, option_len, put_option,
};
pub use options::{Header, MessageRepr, OptionSet, OwnedOption};
pub(crate) use vendor::enterprise;
pub use vendor::{Items as VendorOptsItems, JUNIPER_ENTERPRISE, VendorOpts};
