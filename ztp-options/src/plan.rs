//! What ZTP will do with one binding: [`Plan`] and its parts.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::decision::Decision;
use crate::family::Family;
use crate::suboption::{ImageType, Port, RawSuboption, TransferMode};

/// Where a value of the plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Source {
    /// Suboption 00 (image).
    #[cfg_attr(feature = "serde", serde(rename = "suboption-00"))]
    Suboption00,
    /// Suboption 01 (configuration).
    #[cfg_attr(feature = "serde", serde(rename = "suboption-01"))]
    Suboption01,
    /// Suboption 03 (transfer mode).
    #[cfg_attr(feature = "serde", serde(rename = "suboption-03"))]
    Suboption03,
    /// Suboption 04 (alternate image).
    #[cfg_attr(feature = "serde", serde(rename = "suboption-04"))]
    Suboption04,
    /// Suboption 05 (port).
    #[cfg_attr(feature = "serde", serde(rename = "suboption-05"))]
    Suboption05,
    /// DHCPv4 option 150.
    #[cfg_attr(feature = "serde", serde(rename = "option-150"))]
    Option150,
    /// DHCPv4 option 66.
    #[cfg_attr(feature = "serde", serde(rename = "option-66"))]
    Option66,
    /// DHCPv6 option 59 (boot file URL).
    #[cfg_attr(feature = "serde", serde(rename = "option-59"))]
    Option59,
    /// The rules' default (R11: TFTP).
    #[cfg_attr(feature = "serde", serde(rename = "default"))]
    Default,
}

impl Source {
    /// The stable name (`suboption-00`, `option-150`, `default`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Suboption00 => "suboption-00",
            Source::Suboption01 => "suboption-01",
            Source::Suboption03 => "suboption-03",
            Source::Suboption04 => "suboption-04",
            Source::Suboption05 => "suboption-05",
            Source::Option150 => "option-150",
            Source::Option66 => "option-66",
            Source::Option59 => "option-59",
            Source::Default => "default",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The file server: an address literal, never a name (R3, R22).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum FileServer {
    /// From option 150 or 66.
    Ipv4(Ipv4Addr),
    /// From option 59.
    Ipv6(Ipv6Addr),
}

impl FileServer {
    /// As an [`IpAddr`].
    pub const fn ip(self) -> IpAddr {
        match self {
            FileServer::Ipv4(a) => IpAddr::V4(a),
            FileServer::Ipv6(a) => IpAddr::V6(a),
        }
    }
}

impl fmt::Display for FileServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.ip(), f)
    }
}

/// The software image to install.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ImagePlan {
    /// The file name (it may end in `:port`, see R19).
    pub name: String,
    /// A plain file or a symbolic link (suboption 02).
    pub image_type: ImageType,
    /// Suboption 00, 04, or (DHCPv6) option 59's path.
    pub source: Source,
}

/// The configuration file or script to fetch.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConfigPlan {
    /// The file name (it may end in `:port`, see R19).
    pub name: String,
    /// Always suboption 01.
    pub source: Source,
}

/// A port given by the lease (the file name's `:port` suffix is read later,
/// by `ztp-fetch-url`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PortPlan {
    /// The port.
    pub port: Port,
    /// Suboption 05 or option 59.
    pub source: Source,
}

/// What ZTP will do with one binding: the resolved values and the log of
/// how they were chosen.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Plan {
    /// DHCPv4 or DHCPv6.
    pub family: Family,
    /// The image to install, if any.
    pub image: Option<ImagePlan>,
    /// The configuration or script, if any.
    pub config: Option<ConfigPlan>,
    /// How files are fetched.
    pub transfer_mode: TransferMode,
    /// Where the transfer mode came from.
    pub transfer_mode_source: Source,
    /// The file server.
    pub file_server: FileServer,
    /// Where the file server came from.
    pub file_server_source: Source,
    /// A port the lease gives (suboption 05, option 59), if any.
    pub port: Option<PortPlan>,
    /// NTP servers (DHCPv4 option 42).
    pub ntp_servers: Vec<Ipv4Addr>,
    /// Syslog servers (DHCPv4 option 7).
    pub syslog_servers: Vec<Ipv4Addr>,
    /// Host name (DHCPv4 option 12).
    pub host_name: Option<String>,
    /// Proxy details (suboption 08).
    pub proxy: Option<String>,
    /// Suboptions this crate does not interpret, kept in order.
    pub unknown_suboptions: Vec<RawSuboption>,
    /// Every choice made and input ignored, in the order the rules ran.
    pub decisions: Vec<Decision>,
}

impl Plan {
    /// Whether the plan has everything: an image, a configuration and (as
    /// every plan) a file server (R29).
    pub fn is_complete(&self) -> bool {
        self.image.is_some() && self.config.is_some()
    }
}
