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

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::decision::Decision;
use crate::error::{EncodeError, EncodeErrorKind, Item};
use crate::family::Family;
use crate::plan::{FileServer, Plan, Source};
use crate::suboption::{PortOrServer, VendorInfo};
use crate::v4::{self, OptionCode};
use crate::v6;

type Result<T> = core::result::Result<T, EncodeError>;

fn wrong_family(expected: Family, found: Family) -> EncodeError {
    EncodeError::new(
        Item::message(expected),
        EncodeErrorKind::WrongFamily { found },
    )
}

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
    /// [`EncodeErrorKind::WrongFamily`] for a DHCPv6 plan; the errors of
    /// [`VendorInfo::put_v4`] for names that cannot be sent (R7).
    pub fn to_v4_options(&self) -> Result<v4::OptionSet> {
        let FileServer::Ipv4(server) = self.file_server else {
            return Err(wrong_family(Family::V4, Family::V6));
        };
        if self.family != Family::V4 {
            return Err(wrong_family(Family::V4, self.family));
        }
        let mut set = v4::OptionSet::new();
        let info = self.vendor_info();
        if !info.is_empty() {
            let mut value = Vec::with_capacity(info.buffer_len_v4()?);
            info.put_v4(&mut value)?;
            set.insert(OptionCode::VENDOR_SPECIFIC, value)?;
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
            set.insert(
                OptionCode::TFTP_SERVER_NAME,
                server.to_string().into_bytes(),
            )?;
        } else {
            let list: Vec<u8> = core::iter::once(server)
                .chain(extra)
                .flat_map(|a| a.octets())
                .collect();
            set.insert(OptionCode::TFTP_SERVER_ADDRESS, list)?;
            if let Some(v) = ignored66 {
                set.insert(OptionCode::TFTP_SERVER_NAME, v)?;
            }
        }
        let list = |addrs: &[core::net::Ipv4Addr]| addrs.iter().flat_map(|a| a.octets()).collect();
        if !self.syslog_servers.is_empty() {
            set.insert(OptionCode::LOG_SERVER, list(&self.syslog_servers))?;
        }
        if !self.ntp_servers.is_empty() {
            set.insert(OptionCode::NTP_SERVERS, list(&self.ntp_servers))?;
        }
        if let Some(h) = &self.host_name {
            set.insert(OptionCode::HOST_NAME, h.as_bytes().to_vec())?;
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
    /// [`EncodeErrorKind::WrongFamily`] for a DHCPv4 plan; the errors of
    /// [`VendorInfo::put_v6`] and [`v6::BootFileUrlRepr::put`].
    pub fn to_v6_options(&self) -> Result<v6::OptionSet> {
        let FileServer::Ipv6(server) = self.file_server else {
            return Err(wrong_family(Family::V6, Family::V4));
        };
        if self.family != Family::V6 {
            return Err(wrong_family(Family::V6, self.family));
        }
        let mut url = v6::BootFileUrlRepr {
            transfer_mode: self.transfer_mode,
            server,
            port: self
                .port
                .filter(|p| p.source == Source::Option59)
                .map(|p| p.port),
            path: String::new(),
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
        let mut options = v6::OptionSet::new();
        let info = self.vendor_info();
        if !info.is_empty() {
            let mut value = Vec::with_capacity(info.buffer_len_v6()?);
            info.put_v6(&mut value)?;
            options.push(v6::OptionCode::VENDOR_OPTS, value);
        }
        let mut value = Vec::with_capacity(url.buffer_len()?);
        url.put(&mut value)?;
        options.push(v6::OptionCode::BOOTFILE_URL, value);
        Ok(options)
    }
}
