//! The inverse of the resolver: from a [`Plan`], the options a server must
//! send, so that resolving what it sends gives the plan back.
//!
//! What the encoder writes is canonical: known suboptions in code order, no
//! trailing NULs, `siaddr`/`sname`/`file` left empty, no other enterprise's
//! option 17, nothing after option 43's suboptions, no malformed 7/42/12.
//! The log entries that record such wire quirks of a decoded lease
//! (trailing NUL, `siaddr`, `sname`, `file`, other enterprises, bytes after
//! the end, options left out, a malformed SZTP redirect) are therefore not re-created; every other one is, from the plan's
//! [`Ignored`](crate::Ignored) record (an ignored suboption 04, option 66
//! or option 67 is sent again, so that the device ignores it again). The decision log is
//! never read.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::error::{EncodeError, EncodeErrorKind, Item};
use crate::family::Family;
use crate::plan::{FileServer, ImageSource, ModeSource, Plan, PlanBuf, PortSource, V4ServerSource};
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

impl Plan<'_> {
    /// The vendor suboptions (DHCPv4 option 43, DHCPv6 option 17 for
    /// enterprise 2636) that carry this plan.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BadText`] (suboption 04) when the ignored
    /// alternate image (R10) is not UTF-8: it was kept as it came, and the
    /// owned suboptions hold text, so sending it would change its bytes.
    pub fn vendor_info(&self) -> Result<VendorInfo> {
        let mut info = VendorInfo {
            unknown: self.unknown_suboptions.to_vec(),
            proxy: self.proxy.map(String::from),
            config: self.config.map(|c| c.name.into()),
            ..VendorInfo::default()
        };
        if let Some(image) = self.image {
            info.image_type = image.image_type;
            match image.source {
                ImageSource::Suboption04 => info.alt_image = Some(image.name.into()),
                ImageSource::Option59 => {}
                ImageSource::Suboption00 => info.image = Some(image.name.into()),
            }
        }
        if let Some(alt) = self.ignored.alt_image {
            let alt = core::str::from_utf8(alt).map_err(|e| {
                let kind = crate::error::DecodeErrorKind::InvalidUtf8 {
                    valid_up_to: u32::try_from(e.valid_up_to()).unwrap_or(u32::MAX),
                    len: u32::try_from(alt.len()).unwrap_or(u32::MAX),
                };
                EncodeError::new(
                    Item::option(self.family(), self.vendor_option()).suboption(4),
                    EncodeErrorKind::BadText { kind },
                )
            })?;
            info.alt_image = Some(alt.into());
        }
        if self.transfer_mode_source == ModeSource::Suboption03 {
            info.transfer_mode = Some(self.transfer_mode);
        }
        if let Some(port) = self.port.filter(|p| p.source == PortSource::Suboption05) {
            info.port_or_server = Some(PortOrServer::Port(port.port));
        }
        if let Some(address) = self.ignored.suboption05_server {
            info.port_or_server = Some(PortOrServer::Server(address));
        }
        Ok(info)
    }

    /// 43 or 17.
    fn vendor_option(&self) -> u16 {
        match self.family() {
            Family::V4 => 43,
            Family::V6 => 17,
        }
    }

    /// The DHCPv4 options that carry this plan, in this order: 43, 150, 66,
    /// 7, 42, 12, 143 (the SZTP redirect, R31), 67 (when the plan records
    /// it as not used, R33). Option 43 is absent when
    /// there is nothing to put in it.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::WrongFamily`] for a DHCPv6 plan; the errors of
    /// [`VendorInfo::put_v4`] for names that cannot be sent (R7);
    /// [`EncodeErrorKind::BadText`] (option 12) for a host name that would
    /// not decode (empty, a NUL or control byte: R5, R7).
    pub fn to_v4_options(&self) -> Result<v4::OptionSet> {
        let FileServer::V4 { address, source } = self.file_server else {
            return Err(wrong_family(Family::V4, self.family()));
        };
        let mut set = v4::OptionSet::new();
        let info = self.vendor_info()?;
        if !info.is_empty() {
            let mut value = Vec::with_capacity(info.buffer_len_v4()?);
            info.put_v4(&mut value)?;
            set.insert(OptionCode::VENDOR_SPECIFIC, value)?;
        }
        match source {
            V4ServerSource::Option66 => {
                set.insert(
                    OptionCode::TFTP_SERVER_NAME,
                    address.to_string().into_bytes(),
                )?;
            }
            V4ServerSource::Option150 => {
                let list: Vec<u8> = core::iter::once(address)
                    .chain(self.ignored.other_servers.iter())
                    .flat_map(|a| a.octets())
                    .collect();
                set.insert(OptionCode::TFTP_SERVER_ADDRESS, list)?;
                if let Some(v) = self.ignored.option66 {
                    set.insert(OptionCode::TFTP_SERVER_NAME, v.to_vec())?;
                }
            }
        }
        let list =
            |addrs: crate::plan::Addresses<'_>| addrs.iter().flat_map(|a| a.octets()).collect();
        if !self.syslog_servers.is_empty() {
            set.insert(OptionCode::LOG_SERVER, list(self.syslog_servers))?;
        }
        if !self.ntp_servers.is_empty() {
            set.insert(OptionCode::NTP_SERVERS, list(self.ntp_servers))?;
        }
        if let Some(h) = self.host_name {
            // R5, R7: a host name the device cannot read would be left out
            // of its plan: refuse it rather than send it.
            crate::text::check_owned(h).map_err(|kind| {
                EncodeError::new(
                    Item::option(Family::V4, 12),
                    EncodeErrorKind::BadText { kind },
                )
            })?;
            set.insert(OptionCode::HOST_NAME, h.as_bytes().to_vec())?;
        }
        if let Some(servers) = self.sztp_redirect {
            set.insert(
                OptionCode::SZTP_REDIRECT,
                servers.to_repr().to_vec(Family::V4)?,
            )?;
        }
        if let Some(v) = self.ignored.option67 {
            set.insert(OptionCode::BOOTFILE_NAME, v.to_vec())?;
        }
        Ok(set)
    }

    /// The DHCPv6 options that carry this plan: option 17 for enterprise
    /// 2636 (when there is anything to put in it), then option 59, then
    /// option 136 (the SZTP redirect, R31) when the plan has one. Option
    /// 59's scheme, port and path are the plan's when they came from it, and
    /// else the values the rules did not use (R14..R16).
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::WrongFamily`] for a DHCPv4 plan; the errors of
    /// [`VendorInfo::put_v6`] and [`v6::BootFileUrlRepr::put`].
    pub fn to_v6_options(&self) -> Result<v6::OptionSet> {
        let FileServer::V6 { address } = self.file_server else {
            return Err(wrong_family(Family::V6, self.family()));
        };
        let i = &self.ignored;
        let url = v6::BootFileUrlRepr {
            transfer_mode: i.url_mode.unwrap_or(self.transfer_mode),
            server: address,
            port: match self.port {
                Some(p) if p.source == PortSource::Option59 => Some(p.port),
                _ => i.url_port,
            },
            path: match self.image {
                Some(image) if image.source == ImageSource::Option59 => image.name.into(),
                _ => i.url_path.map(String::from).unwrap_or_default(),
            },
        };
        let mut options = v6::OptionSet::new();
        let info = self.vendor_info()?;
        if !info.is_empty() {
            let mut value = Vec::with_capacity(info.buffer_len_v6()?);
            info.put_v6(&mut value)?;
            options.push(v6::OptionCode::VENDOR_OPTS, value);
        }
        let mut value = Vec::with_capacity(url.buffer_len()?);
        url.put(&mut value)?;
        options.push(v6::OptionCode::BOOTFILE_URL, value);
        if let Some(servers) = self.sztp_redirect {
            options.push(
                v6::OptionCode::SZTP_REDIRECT,
                servers.to_repr().to_vec(Family::V6)?,
            );
        }
        Ok(options)
    }
}

impl PlanBuf {
    /// [`Plan::vendor_info`] of [`PlanBuf::as_plan`].
    ///
    /// # Errors
    ///
    /// As [`Plan::vendor_info`].
    pub fn vendor_info(&self) -> Result<VendorInfo> {
        self.as_plan().vendor_info()
    }

    /// [`Plan::to_v4_options`] of [`PlanBuf::as_plan`].
    ///
    /// # Errors
    ///
    /// As [`Plan::to_v4_options`].
    pub fn to_v4_options(&self) -> Result<v4::OptionSet> {
        self.as_plan().to_v4_options()
    }

    /// [`Plan::to_v6_options`] of [`PlanBuf::as_plan`].
    ///
    /// # Errors
    ///
    /// As [`Plan::to_v6_options`].
    pub fn to_v6_options(&self) -> Result<v6::OptionSet> {
        self.as_plan().to_v6_options()
    }
}
