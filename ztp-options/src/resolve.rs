//! From a decoded lease to one provisioning plan (R10..R18), with a
//! decision log.
//!
//! [`resolve_v4`] and [`resolve_v6`] return either a [`Plan`] or the reason
//! ZTP cannot proceed on this binding ([`CannotProceed`]). Every choice the
//! rules made, and every input they ignored, is a [`Decision`] in the plan's
//! log, naming its rule. [`resolve_v4_options`] and [`resolve_v6_options`]
//! answer the same question for options a server is about to send.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::decision::{CannotProceed, Decision};
use crate::error::DecodeError;
use crate::family::Family;
use crate::plan::{ConfigPlan, FileServer, ImagePlan, Plan, PortPlan, Source};
use crate::suboption::{PortOrServer, SuboptionCode, Suboptions, TransferMode};
use crate::text::{Text, TrailingNul};
use crate::{v4, v6};

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
) -> Result<String, DecodeError> {
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
) -> Result<Vendor, DecodeError> {
    let Some(sub) = sub else {
        return Ok(Vendor {
            image: None,
            config: None,
            transfer_mode: None,
            port_or_server: None,
            proxy: None,
        });
    };
    let code = |c: SuboptionCode| Some(c.get());
    let image_type = sub.image_type();
    let image = match (sub.image(), sub.alt_image()) {
        (Some(img), alt) => {
            let name = owned_text(img, option, code(SuboptionCode::IMAGE), log)?;
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
            name: owned_text(alt, option, code(SuboptionCode::ALT_IMAGE), log)?,
            image_type,
            source: Source::Suboption04,
        }),
        (None, None) => None,
    };
    let config = sub
        .config()
        .map(|c| -> Result<ConfigPlan, DecodeError> {
            Ok(ConfigPlan {
                name: owned_text(c, option, code(SuboptionCode::CONFIG), log)?,
                source: Source::Suboption01,
            })
        })
        .transpose()?;
    let proxy = sub
        .proxy()
        .map(|p| owned_text(p, option, code(SuboptionCode::PROXY), log))
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
            if let Some(v) = lease.value(v4::OptionCode::TFTP_SERVER_NAME) {
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

/// What a device resolves from a DHCPv4 reply carrying these options: the
/// check a server or a provisioning tool makes before sending them. (This
/// builds the reply, so it allocates.)
///
/// # Errors
///
/// [`CannotProceed`], naming its rule.
pub fn resolve_v4_options(options: &v4::OptionSet) -> Result<Plan, CannotProceed> {
    let reply = v4::MessageRepr::reply(options.clone()).to_vec();
    resolve_v4(&v4::Lease::parse(&reply)?)
}

/// What a device resolves from a DHCPv6 REPLY carrying these options (see
/// [`resolve_v4_options`]).
///
/// # Errors
///
/// [`CannotProceed`], naming its rule; [`CannotProceed::Unencodable`] for
/// a value too long to be sent at all.
pub fn resolve_v6_options(options: &v6::OptionSet) -> Result<Plan, CannotProceed> {
    let reply = v6::MessageRepr::reply(options.clone())
        .to_vec()
        .map_err(CannotProceed::Unencodable)?;
    resolve_v6(&v6::Lease::parse(&reply)?)
}
