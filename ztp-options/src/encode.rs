//! The inverse of the resolver: from a [`Plan`], the options a server must
//! send, so that resolving what it sends gives the plan back.
//!
//! What the encoder writes is canonical: known suboptions in code order, no
//! trailing NULs, `siaddr`/`sname`/`file` left empty. The decisions that
//! record such wire quirks of a decoded lease ([`Decision::TrailingNul`],
//! [`Decision::SiaddrIgnored`], [`Decision::SnameIgnored`],
//! [`Decision::FileIgnored`]) are therefore not re-created; every other
//! decision is (an ignored suboption 04 or option 66 is sent again, so that
//! the device ignores it again).

use alloc::vec::Vec;

use crate::error::{Error, Family, Result};
use crate::precedence::{Decision, FileServer, Plan, Source};
use crate::suboption::{PortOrServer, VendorInfo};
use crate::v4::{OptionCode, OptionSet};
use crate::v6;

impl Plan {
    /// The vendor suboptions (DHCPv4 option 43, DHCPv6 option 17 for
    /// enterprise 2636) that carry this plan.
    pub fn vendor_info(&self) -> VendorInfo {
        let mut info = VendorInfo {
            unknown: self.unknown_suboptions.clone(),
            proxy: self.proxy.clone(),
            config: self.config.as_ref().map(|c| c.name.clone()),
            ..VendorInfo::default()
        };
        if let Some(image) = &self.image {
            info.image_type = image.image_type;
            match image.source {
                Source::Suboption04 => info.alt_image = Some(image.name.clone()),
                Source::Option59 => {}
                _ => info.image = Some(image.name.clone()),
            }
        }
        if self.transfer_mode_source == Source::Suboption03 {
            info.transfer_mode = Some(self.transfer_mode);
        }
        if let Some(port) = self.port.filter(|p| p.source == Source::Suboption05) {
            info.port_or_server = Some(PortOrServer::Port(port.port));
        }
        for d in &self.decisions {
            match d {
                Decision::AltImageIgnored { name } => info.alt_image = Some(name.clone()),
                Decision::Suboption05Server { address } => {
                    info.port_or_server = Some(PortOrServer::Server(*address));
                }
                _ => {}
            }
        }
        info
    }

    /// The DHCPv4 options that carry this plan, in this order: 43, 150, 66,
    /// 7, 42, 12. Option 43 is absent when there is nothing to put in it.
    ///
    /// # Errors
    ///
    /// [`Error::WrongFamily`] for a DHCPv6 plan; the errors of
    /// [`VendorInfo::put_v4`] for names that cannot be sent (R7).
    pub fn to_v4_options(&self) -> Result<OptionSet> {
        let FileServer::Ipv4(server) = self.file_server else {
            return Err(Error::WrongFamily {
                expected: Family::V4,
                found: Family::V6,
            });
        };
        if self.family != Family::V4 {
            return Err(Error::WrongFamily {
                expected: Family::V4,
                found: self.family,
            });
        }
        let mut set = OptionSet::new();
        let info = self.vendor_info();
        if !info.is_empty() {
            let mut value = Vec::with_capacity(info.buffer_len_v4()?);
            info.put_v4(&mut value)?;
            set.insert(OptionCode::VendorSpecific, value)?;
        }
        let mut ignored66 = None;
        let mut extra = Vec::new();
        for d in &self.decisions {
            match d {
                Decision::Option66Ignored { value } => ignored66 = Some(value.as_bytes().to_vec()),
                Decision::ExtraFileServers { addresses } => extra.clone_from(addresses),
                _ => {}
            }
        }
        if self.file_server_source == Source::Option66 {
            set.insert(OptionCode::TftpServerName, server.to_string().into_bytes())?;
        } else {
            let list: Vec<u8> = core::iter::once(server)
                .chain(extra)
                .flat_map(|a| a.octets())
                .collect();
            set.insert(OptionCode::TftpServerAddress, list)?;
            if let Some(v) = ignored66 {
                set.insert(OptionCode::TftpServerName, v)?;
            }
        }
        let list = |addrs: &[core::net::Ipv4Addr]| addrs.iter().flat_map(|a| a.octets()).collect();
        if !self.syslog_servers.is_empty() {
            set.insert(OptionCode::LogServer, list(&self.syslog_servers))?;
        }
        if !self.ntp_servers.is_empty() {
            set.insert(OptionCode::NtpServers, list(&self.ntp_servers))?;
        }
        if let Some(h) = &self.host_name {
            set.insert(OptionCode::HostName, h.as_bytes().to_vec())?;
        }
        Ok(set)
    }

    /// The DHCPv6 options that carry this plan: option 17 for enterprise
    /// 2636 (when there is anything to put in it), then option 59. Option
    /// 59's scheme, port and path are the plan's when they came from it, and
    /// else the values the decision log says were not used (R14..R16).
    ///
    /// # Errors
    ///
    /// [`Error::WrongFamily`] for a DHCPv4 plan; the errors of
    /// [`VendorInfo::put_v6`] and [`v6::BootFileUrlRepr::put`].
    pub fn to_v6_options(&self) -> Result<Vec<(v6::OptionCode, Vec<u8>)>> {
        let FileServer::Ipv6(server) = self.file_server else {
            return Err(Error::WrongFamily {
                expected: Family::V6,
                found: Family::V4,
            });
        };
        if self.family != Family::V6 {
            return Err(Error::WrongFamily {
                expected: Family::V6,
                found: self.family,
            });
        }
        let mut url = v6::BootFileUrlRepr {
            transfer_mode: self.transfer_mode,
            server,
            port: self
                .port
                .filter(|p| p.source == Source::Option59)
                .map(|p| p.port),
            path: alloc::string::String::new(),
        };
        if let Some(image) = self.image.as_ref().filter(|i| i.source == Source::Option59) {
            url.path.clone_from(&image.name);
        }
        for d in &self.decisions {
            match d {
                Decision::TransferModeFromVendorOverUrl { url_mode } => {
                    url.transfer_mode = *url_mode
                }
                Decision::ImageFromVendorOverUrl { url_path } => url.path.clone_from(url_path),
                Decision::PortFromVendorOverUrl { url_port } => url.port = Some(*url_port),
                _ => {}
            }
        }
        let mut options = Vec::new();
        let info = self.vendor_info();
        if !info.is_empty() {
            let mut value = Vec::with_capacity(info.buffer_len_v6()?);
            info.put_v6(&mut value)?;
            options.push((v6::OptionCode::VendorOpts, value));
        }
        let mut value = Vec::with_capacity(url.buffer_len()?);
        url.put(&mut value)?;
        options.push((v6::OptionCode::BootfileUrl, value));
        Ok(options)
    }
}
