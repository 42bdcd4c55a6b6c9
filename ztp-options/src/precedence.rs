//! From a decoded lease to one provisioning plan (R10..R18), with a decision
//! log, and the ranking of bindings (R29).
//!
//! [`resolve_v4`] (and `resolve_v6`) return either a [`Plan`] or the reason
//! ZTP cannot proceed on this binding ([`CannotProceed`]). Every choice the
//! rules made, and every input they ignored, is a [`Decision`] in the plan's
//! log, naming its rule.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::error::{Error, Family};
use crate::suboption::{
    ImageType, Port, PortOrServer, RawSuboption, SuboptionCode, Suboptions, TransferMode,
};
use crate::text::{Text, TrailingNul};
use crate::{v4, v6};

/// A rule of the SPEC, by number (`R12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rule(pub u8);

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "R{}", self.0)
    }
}

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
    Malformed(#[from] Error),
}

impl CannotProceed {
    /// The rule behind the refusal.
    pub fn rule(&self) -> Rule {
        match self {
            CannotProceed::NoFileServer => Rule(13),
            CannotProceed::NoBootFileUrl => Rule(17),
            CannotProceed::NothingToFetch => Rule(18),
            CannotProceed::Malformed(e) => Rule(error_rule(e)),
        }
    }
}

fn error_rule(e: &Error) -> u8 {
    let place = e.place();
    match (e, place.map(|p| (p.family, p.option))) {
        (_, Some((Family::V6, Some(59)))) => 9,
        (_, Some((Family::V6, _))) => 8,
        (Error::HostName { .. }, _) => 3,
        (Error::ControlByte { .. } | Error::InvalidUtf8 { .. } | Error::Empty { .. }, _) => 7,
        (_, Some((Family::V4, Some(43)))) => 1,
        (_, Some((Family::V4, Some(66)))) => 3,
        (_, Some((Family::V4, Some(150)))) => 4,
        (_, Some((Family::V4, Some(7 | 42 | 12)))) => 5,
        (_, Some((Family::V4, Some(60 | 61 | 77)))) => 6,
        _ => 2,
    }
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

/// The vendor suboptions, resolved (R10, R11/R14, 05, 08), shared by both
/// families.
pub(crate) struct Vendor {
    pub(crate) image: Option<ImagePlan>,
    pub(crate) config: Option<ConfigPlan>,
    pub(crate) transfer_mode: Option<TransferMode>,
    pub(crate) port_or_server: Option<PortOrServer>,
    pub(crate) proxy: Option<String>,
}

fn owned_text(
    t: Text<'_>,
    option: u16,
    sub: Option<u16>,
    log: &mut Vec<Decision>,
) -> Result<String, Error> {
    if t.trailing_nul() == TrailingNul::Stripped {
        log.push(Decision::TrailingNul {
            option,
            suboption: sub,
        });
    }
    t.as_str().map(ToString::to_string)
}

pub(crate) fn vendor(
    sub: Option<&Suboptions<'_>>,
    option: u16,
    log: &mut Vec<Decision>,
) -> Result<Vendor, Error> {
    let Some(sub) = sub else {
        return Ok(Vendor {
            image: None,
            config: None,
            transfer_mode: None,
            port_or_server: None,
            proxy: None,
        });
    };
    let code = |c: SuboptionCode| Some(u16::from(c));
    let image_type = sub.image_type();
    let image = match (sub.image(), sub.alt_image()) {
        (Some(img), alt) => {
            let name = owned_text(img, option, code(SuboptionCode::Image), log)?;
            if let Some(alt) = alt {
                log.push(Decision::AltImageIgnored {
                    name: String::from_utf8_lossy(alt.as_bytes()).into_owned(),
                });
            }
            Some(ImagePlan {
                name,
                image_type,
                source: Source::Suboption00,
            })
        }
        (None, Some(alt)) => Some(ImagePlan {
            name: owned_text(alt, option, code(SuboptionCode::AltImage), log)?,
            image_type,
            source: Source::Suboption04,
        }),
        (None, None) => None,
    };
    let config = sub
        .config()
        .map(|c| -> Result<ConfigPlan, Error> {
            Ok(ConfigPlan {
                name: owned_text(c, option, code(SuboptionCode::Config), log)?,
                source: Source::Suboption01,
            })
        })
        .transpose()?;
    let proxy = sub
        .proxy()
        .map(|p| owned_text(p, option, code(SuboptionCode::Proxy), log))
        .transpose()?;
    Ok(Vendor {
        image,
        config,
        transfer_mode: sub.transfer_mode(),
        port_or_server: sub.port_or_server(),
        proxy,
    })
}

/// Resolves a DHCPv4 lease into a plan (R10..R13, R18, and the SPEC's
/// suboption 05 choice).
///
/// # Errors
///
/// [`CannotProceed`], naming its rule.
pub fn resolve_v4(lease: &v4::Lease<'_>) -> Result<Plan, CannotProceed> {
    let mut log = Vec::new();
    let sub = lease.suboptions()?;
    let vendor = vendor(sub.as_ref(), 43, &mut log)?;
    // Only walk option 43 again when it has codes to keep (no allocation
    // otherwise).
    let unknown_suboptions = if sub.as_ref().is_some_and(|s| s.unknown_count() > 0) {
        match lease.option43()? {
            Some(view) => view.to_vendor_info()?.unknown,
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };

    // R11: the transfer mode.
    let (transfer_mode, transfer_mode_source) = match vendor.transfer_mode {
        Some(m) => (m, Source::Suboption03),
        None => {
            log.push(Decision::DefaultTftp);
            (TransferMode::Tftp, Source::Default)
        }
    };

    // Suboption 05 (SPEC choice, R20).
    let port = match vendor.port_or_server {
        Some(PortOrServer::Port(port)) => {
            log.push(Decision::Suboption05Port { port });
            Some(PortPlan {
                port,
                source: Source::Suboption05,
            })
        }
        Some(PortOrServer::Server(address)) => {
            log.push(Decision::Suboption05Server { address });
            None
        }
        None => None,
    };

    // R12, R13, R3: the file server.
    let name66 = lease.tftp_server_name();
    let (file_server, file_server_source) = match lease.tftp_server_addresses()? {
        Some(list) => {
            if list.len() > 1 {
                log.push(Decision::ExtraFileServers {
                    addresses: list.iter().skip(1).collect(),
                });
            }
            if let Some(v) = lease.value(v4::OptionCode::TftpServerName) {
                log.push(Decision::Option66Ignored {
                    value: String::from_utf8_lossy(v.value.as_ref()).into_owned(),
                });
            }
            (list.first(), Source::Option150)
        }
        None => match name66? {
            Some(name) => {
                if name.text().trailing_nul() == TrailingNul::Stripped {
                    log.push(Decision::TrailingNul {
                        option: 66,
                        suboption: None,
                    });
                }
                (name.address()?, Source::Option66)
            }
            None => return Err(CannotProceed::NoFileServer),
        },
    };

    // R18.
    if vendor.image.is_none() && vendor.config.is_none() {
        return Err(CannotProceed::NothingToFetch);
    }

    if !lease.siaddr().is_unspecified() {
        log.push(Decision::SiaddrIgnored {
            address: lease.siaddr(),
        });
    }
    if let Some(name) = lease.sname() {
        log.push(Decision::SnameIgnored {
            name: String::from_utf8_lossy(name).into_owned(),
        });
    }
    if let Some(name) = lease.file() {
        log.push(Decision::FileIgnored {
            name: String::from_utf8_lossy(name).into_owned(),
        });
    }

    let ntp_servers = lease
        .ntp_servers()?
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    let syslog_servers = lease
        .log_servers()?
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    let host_name = lease
        .host_name()?
        .map(|t| owned_text(t, 12, None, &mut log))
        .transpose()?;

    Ok(Plan {
        family: Family::V4,
        image: vendor.image,
        config: vendor.config,
        transfer_mode,
        transfer_mode_source,
        file_server: FileServer::Ipv4(file_server),
        file_server_source,
        port,
        ntp_servers,
        syslog_servers,
        host_name,
        proxy: vendor.proxy,
        unknown_suboptions,
        decisions: log,
    })
}

/// Resolves a DHCPv6 lease (relays already unwrapped by [`v6::Lease`]) into
/// a plan (R8, R14..R18).
///
/// # Errors
///
/// [`CannotProceed`], naming its rule: [`CannotProceed::NoBootFileUrl`]
/// (R17) without option 59, [`CannotProceed::NothingToFetch`] (R18), or a
/// malformed option 17 or 59.
pub fn resolve_v6(lease: &v6::Lease<'_>) -> Result<Plan, CannotProceed> {
    let mut log = Vec::new();
    let sub = lease.suboptions()?;
    let vendor = vendor(sub.as_ref(), 17, &mut log)?;
    // Walk option 17 again only when it has codes to keep, and the message
    // again only when it has other enterprises to log.
    let unknown_suboptions = match lease.vendor_opts()? {
        Some(v) if sub.as_ref().is_some_and(|s| s.unknown_count() > 0) => {
            v.to_vendor_info()?.map(|i| i.unknown).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    if lease.other_vendor_count() > 0 {
        for other in lease.other_vendor_opts() {
            log.push(Decision::OtherEnterprise {
                enterprise: other.enterprise(),
            });
        }
    }
    // R17: the file server is option 59's address.
    let Some(url) = lease.boot_file_url()? else {
        return Err(CannotProceed::NoBootFileUrl);
    };
    if url.trailing_nul() == TrailingNul::Stripped {
        log.push(Decision::TrailingNul {
            option: 59,
            suboption: None,
        });
    }
    // R14: the transfer mode.
    let (transfer_mode, transfer_mode_source) = match vendor.transfer_mode {
        Some(m) => {
            log.push(Decision::TransferModeFromVendorOverUrl {
                url_mode: url.transfer_mode(),
            });
            (m, Source::Suboption03)
        }
        None => {
            log.push(Decision::TransferModeFromUrl {
                mode: url.transfer_mode(),
            });
            (url.transfer_mode(), Source::Option59)
        }
    };
    // R15: the image.
    let image = match (vendor.image, url.image()) {
        (Some(image), url_path) => {
            if let Some(path) = url_path {
                log.push(Decision::ImageFromVendorOverUrl {
                    url_path: path.to_string(),
                });
            }
            Some(image)
        }
        (None, Some(path)) => {
            log.push(Decision::ImageFromUrl);
            Some(ImagePlan {
                name: path.to_string(),
                image_type: sub.as_ref().map(Suboptions::image_type).unwrap_or_default(),
                source: Source::Option59,
            })
        }
        (None, None) => None,
    };
    // R16: the port.
    let port = match (vendor.port_or_server, url.port()) {
        (Some(PortOrServer::Port(port)), url_port) => {
            if let Some(url_port) = url_port {
                log.push(Decision::PortFromVendorOverUrl { url_port });
            }
            Some(PortPlan {
                port,
                source: Source::Suboption05,
            })
        }
        (_, Some(port)) => {
            log.push(Decision::PortFromUrl);
            Some(PortPlan {
                port,
                source: Source::Option59,
            })
        }
        (_, None) => None,
    };
    // R18.
    if image.is_none() && vendor.config.is_none() {
        return Err(CannotProceed::NothingToFetch);
    }
    Ok(Plan {
        family: Family::V6,
        image,
        config: vendor.config,
        transfer_mode,
        transfer_mode_source,
        file_server: FileServer::Ipv6(url.server()),
        file_server_source: Source::Option59,
        port,
        ntp_servers: Vec::new(),
        syslog_servers: Vec::new(),
        host_name: None,
        proxy: vendor.proxy,
        unknown_suboptions,
        decisions: log,
    })
}

/// One binding a device holds: an interface (any type the caller uses to
/// name it), its family and what resolving its lease gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<I> {
    /// The interface.
    pub interface: I,
    /// DHCPv4 or DHCPv6.
    pub family: Family,
    /// The plan, or why ZTP cannot proceed on it.
    pub outcome: Result<Plan, CannotProceed>,
}

/// R29: the order ZTP tries bindings in. Those with everything (image,
/// config, file server) first, DHCPv4 before DHCPv6; then the other plans,
/// DHCPv4 before DHCPv6; cannot-proceed bindings last. Equal ones keep their
/// input order (the sort is stable). Returns indices into `bindings`.
pub fn rank<I>(bindings: &[Binding<I>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bindings.len()).collect();
    order.sort_by_key(|&i| {
        bindings.get(i).map_or((3, 1), |b| {
            let tier = match &b.outcome {
                Ok(plan) if plan.is_complete() => 0,
                Ok(_) => 1,
                Err(_) => 2,
            };
            (tier, u8::from(b.family == Family::V6))
        })
    });
    order
}
