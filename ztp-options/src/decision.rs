//! The decision log: every choice the rules made and every input they
//! ignored ([`Decision`], naming its [`Rule`]), and why ZTP cannot proceed
//! on a binding ([`CannotProceed`]).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::net::Ipv4Addr;

use crate::error::{DecodeError, DecodeErrorKind};
use crate::family::Family;
use crate::suboption::{Port, TransferMode};

/// A rule of the SPEC, by number (`R12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rule(pub u8);

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "R{}", self.0)
    }
}

/// One entry of the decision log: a choice a rule made, or an input it
/// ignored. Its `Display` is a sentence; [`Decision::rule`] names the rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Decision {
    /// R10: suboption 04 ignored because 00 is present.
    AltImageIgnored {
        /// The ignored name.
        name: String,
    },
    /// R11: DHCPv4 with no suboption 03: TFTP.
    DefaultTftp,
    /// R12: option 66 ignored because 150 is present.
    Option66Ignored {
        /// The ignored value (lossy UTF-8).
        value: String,
    },
    /// R4: option 150 lists more addresses; ZTP uses the first.
    ExtraFileServers {
        /// The addresses after the first.
        addresses: Vec<Ipv4Addr>,
    },
    /// R14: DHCPv6 with no suboption 03: the scheme of option 59.
    TransferModeFromUrl {
        /// The mode.
        mode: TransferMode,
    },
    /// R14: suboption 03 gives the transfer mode; the scheme of option 59
    /// is not used for it.
    TransferModeFromVendorOverUrl {
        /// Option 59's scheme, not used.
        url_mode: TransferMode,
    },
    /// R15: the image of option 17 beats the path of option 59.
    ImageFromVendorOverUrl {
        /// Option 59's path, ignored.
        url_path: String,
    },
    /// R15: no image in option 17; the path of option 59 is the image.
    ImageFromUrl,
    /// R16: suboption 05 beats the port of option 59.
    PortFromVendorOverUrl {
        /// Option 59's port, ignored.
        url_port: Port,
    },
    /// R16: the port of option 59 is used.
    PortFromUrl,
    /// SPEC choice for DHCPv4 suboption 05: a decimal value is a port.
    Suboption05Port {
        /// The port.
        port: Port,
    },
    /// SPEC choice for DHCPv4 suboption 05: an IPv4 literal is a
    /// file-server address; the file server still comes from option 150 or
    /// 66 (R12, R13), so it is recorded, not used.
    Suboption05Server {
        /// The address.
        address: Ipv4Addr,
    },
    /// R13: `siaddr` is set but ZTP takes the file server from 150/66.
    SiaddrIgnored {
        /// The address.
        address: Ipv4Addr,
    },
    /// R13: `sname` is set but ZTP takes the file server from 150/66.
    SnameIgnored {
        /// The name (lossy UTF-8).
        name: String,
    },
    /// R13: `file` is set but ZTP reads the image and config from option 43.
    FileIgnored {
        /// The name (lossy UTF-8).
        name: String,
    },
    /// R7: a trailing NUL was tolerated.
    TrailingNul {
        /// The option.
        option: u16,
        /// The suboption, if inside one.
        suboption: Option<u16>,
    },
    /// R8: an option 17 instance for another enterprise, kept and skipped.
    OtherEnterprise {
        /// Its enterprise number.
        enterprise: u32,
    },
}

impl Decision {
    /// The rule behind the decision.
    pub fn rule(&self) -> Rule {
        Rule(match self {
            Decision::AltImageIgnored { .. } => 10,
            Decision::DefaultTftp => 11,
            Decision::Option66Ignored { .. } => 12,
            Decision::ExtraFileServers { .. } => 4,
            Decision::TransferModeFromUrl { .. }
            | Decision::TransferModeFromVendorOverUrl { .. } => 14,
            Decision::ImageFromVendorOverUrl { .. } | Decision::ImageFromUrl => 15,
            Decision::PortFromVendorOverUrl { .. } | Decision::PortFromUrl => 16,
            Decision::Suboption05Port { .. } => 20,
            Decision::Suboption05Server { .. } => 13,
            Decision::SiaddrIgnored { .. }
            | Decision::SnameIgnored { .. }
            | Decision::FileIgnored { .. } => 13,
            Decision::TrailingNul { .. } => 7,
            Decision::OtherEnterprise { .. } => 8,
        })
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::AltImageIgnored { name } => {
                write!(f, "suboption 04 ({name:?}) ignored because 00 is present")
            }
            Decision::DefaultTftp => f.write_str("no suboption 03: transfer mode is tftp"),
            Decision::Option66Ignored { value } => {
                write!(f, "option 66 ({value:?}) ignored because 150 is present")
            }
            Decision::ExtraFileServers { addresses } => {
                f.write_str("option 150 lists more servers; the first is used, ignored:")?;
                for a in addresses {
                    write!(f, " {a}")?;
                }
                Ok(())
            }
            Decision::TransferModeFromUrl { mode } => {
                write!(
                    f,
                    "no suboption 03: transfer mode {mode} from the option 59 url"
                )
            }
            Decision::TransferModeFromVendorOverUrl { url_mode } => write!(
                f,
                "transfer mode from suboption 03; the option 59 scheme ({url_mode}) is not used"
            ),
            Decision::ImageFromVendorOverUrl { url_path } => write!(
                f,
                "image from option 17; the option 59 path ({url_path:?}) is ignored"
            ),
            Decision::ImageFromUrl => {
                f.write_str("no image in option 17: the option 59 path is the image")
            }
            Decision::PortFromVendorOverUrl { url_port } => write!(
                f,
                "port from suboption 05; the option 59 port ({url_port}) is ignored"
            ),
            Decision::PortFromUrl => f.write_str("port from the option 59 url"),
            Decision::Suboption05Port { port } => {
                write!(f, "suboption 05 ({port}) read as a port (spec choice)")
            }
            Decision::Suboption05Server { address } => write!(
                f,
                "suboption 05 ({address}) read as a file-server address (spec choice); \
                 the file server comes from option 150 or 66"
            ),
            Decision::SiaddrIgnored { address } => write!(
                f,
                "siaddr ({address}) is set but ignored: the file server comes from option 150 or 66"
            ),
            Decision::SnameIgnored { name } => write!(
                f,
                "sname ({name:?}) is set but ignored: the file server comes from option 150 or 66"
            ),
            Decision::FileIgnored { name } => write!(
                f,
                "file ({name:?}) is set but ignored: the file names come from option 43"
            ),
            Decision::TrailingNul { option, suboption } => match suboption {
                Some(s) => write!(
                    f,
                    "trailing nul in option {option} suboption {s:02} tolerated"
                ),
                None => write!(f, "trailing nul in option {option} tolerated"),
            },
            Decision::OtherEnterprise { enterprise } => write!(
                f,
                "option 17 for enterprise {enterprise} kept and skipped (not juniper's 2636)"
            ),
        }
    }
}

/// Why ZTP cannot proceed on this binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CannotProceed {
    /// R13: neither option 150 nor option 66 (DHCPv4).
    #[error("no file server information: neither option 150 nor option 66")]
    NoFileServer,
    /// R17: no option 59, so no file server (DHCPv6).
    #[error("no file server information: no option 59 boot file url")]
    NoBootFileUrl,
    /// R18: neither an image nor a configuration file.
    #[error("neither an image nor a configuration file")]
    NothingToFetch,
    /// An option ZTP reads is malformed (or, R3, option 66 is a host name
    /// and there is no option 150).
    #[error(transparent)]
    Malformed(#[from] DecodeError),
    /// Options that cannot even be encoded into a message (a DHCPv6 value
    /// over 65535 bytes), so no device can read them.
    #[error(transparent)]
    Unencodable(crate::error::EncodeError),
}

impl CannotProceed {
    /// The rule behind the refusal.
    pub fn rule(&self) -> Rule {
        match self {
            CannotProceed::NoFileServer => Rule(13),
            CannotProceed::NoBootFileUrl => Rule(17),
            CannotProceed::NothingToFetch => Rule(18),
            CannotProceed::Malformed(e) => Rule(error_rule(e)),
            CannotProceed::Unencodable(_) => Rule(2),
        }
    }
}

/// The rule a malformed input breaks, from where it is and what it is.
fn error_rule(e: &DecodeError) -> u8 {
    let place = e.place();
    match (e.kind(), place.family(), place.option_code()) {
        (_, Family::V6, Some(59)) => 9,
        (_, Family::V6, _) => 8,
        (DecodeErrorKind::HostName { .. }, ..) => 3,
        (
            DecodeErrorKind::ControlByte { .. }
            | DecodeErrorKind::InvalidUtf8 { .. }
            | DecodeErrorKind::Empty,
            ..,
        ) => 7,
        (_, Family::V4, Some(43)) => 1,
        (_, Family::V4, Some(66)) => 3,
        (_, Family::V4, Some(150)) => 4,
        (_, Family::V4, Some(7 | 42 | 12)) => 5,
        (_, Family::V4, Some(60 | 61 | 77)) => 6,
        _ => 2,
    }
}
