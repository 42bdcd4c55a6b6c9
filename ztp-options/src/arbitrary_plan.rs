//! Generated plans (feature `arbitrary`): a plan together with the decision
//! log the rules give it, written from the rules, not from the resolver, so
//! that `resolve(decode(encode(plan))) == plan` can be checked on many of
//! them (the property tests and the `plan_v4`/`plan_v6` fuzz targets).

use alloc::string::String;
use alloc::vec::Vec;
use core::net::Ipv4Addr;

use arbitrary::{Arbitrary, Result as AResult, Unstructured};

use crate::decision::{DecisionKind, Log};
use crate::plan::{
    FileServer, IgnoredBuf, ImageBuf, ImageSource, ModeSource, PlanBuf, PortPlan, PortSource,
    V4ServerSource,
};
use crate::suboption::{ImageType, Port, RawSuboption, TransferMode};

fn name(u: &mut Unstructured<'_>) -> AResult<String> {
    const CHARS: &[char] = &[
        'a', 'z', 'A', '0', '9', '/', '.', '-', '_', ':', ' ', '%', 'é', '#',
    ];
    let len = u.int_in_range(1..=120)?;
    (0..len).map(|_| u.choose(CHARS).copied()).collect()
}

fn addr(u: &mut Unstructured<'_>) -> AResult<Ipv4Addr> {
    Ok(Ipv4Addr::from(u.int_in_range(1u32..=u32::MAX)?))
}

fn addrs(u: &mut Unstructured<'_>, max: usize) -> AResult<Vec<Ipv4Addr>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| addr(u)).collect()
}

fn url_path(u: &mut Unstructured<'_>) -> AResult<String> {
    const CHARS: &[char] = &['a', 'z', '0', '9', '/', '.', '-', '_'];
    let len = u.int_in_range(1..=30)?;
    let mut s = String::from("/x");
    for _ in 0..len {
        s.push(*u.choose(CHARS)?);
    }
    Ok(s)
}

fn any_port(u: &mut Unstructured<'_>) -> AResult<Port> {
    let n = if u.arbitrary()? {
        *u.choose(&[21u16, 69, 80, 443])?
    } else {
        u.int_in_range(1..=u16::MAX)?
    };
    Port::new(n).ok_or(arbitrary::Error::IncorrectFormat)
}

/// No image (choice 0), suboption 04 (choice 1) or suboption 00 (any
/// other choice up to `last`, so a larger `last` favours 00).
fn vendor_image(
    u: &mut Unstructured<'_>,
    image_type: ImageType,
    last: u8,
) -> AResult<Option<ImageBuf>> {
    let source = match u.int_in_range(0..=last)? {
        0 => return Ok(None),
        1 => ImageSource::Suboption04,
        _ => ImageSource::Suboption00,
    };
    Ok(Some(ImageBuf {
        name: name(u)?,
        image_type,
        source,
    }))
}

impl PlanBuf {
    /// A DHCPv4 plan and the decision log the rules (R10, R11, R12, R4, the
    /// suboption 05 choice) give it. Names run up to 120 characters, so that
    /// option 43 can exceed 255 bytes and RFC 3396 splitting is exercised, and
    /// option 150 may list up to 70 more addresses.
    ///
    /// # Errors
    ///
    /// When `u` runs out of data.
    pub fn arbitrary_v4(u: &mut Unstructured<'_>) -> AResult<PlanBuf> {
        let mut log = Log::new();
        let mut ignored = IgnoredBuf::default();
        let image_type = if u.arbitrary()? {
            ImageType::Symlink
        } else {
            ImageType::File
        };
        let image = vendor_image(u, image_type, 3)?;
        if matches!(&image, Some(i) if i.source == ImageSource::Suboption00) && u.arbitrary()? {
            ignored.alt_image = Some(name(u)?.into_bytes());
        }
        let config = if image.is_none() || u.arbitrary()? {
            Some(name(u)?)
        } else {
            None
        };
        if ignored.alt_image.is_some() {
            log.push(DecisionKind::AltImageIgnored);
        }
        let (transfer_mode, transfer_mode_source) = if u.arbitrary()? {
            (*u.choose(&TransferMode::ALL)?, ModeSource::Suboption03)
        } else {
            log.push(DecisionKind::DefaultTftp);
            (TransferMode::Tftp, ModeSource::Default)
        };
        let port = match u.int_in_range(0..=2)? {
            1 => {
                let port = Port::new(u.int_in_range(1..=u16::MAX)?)
                    .ok_or(arbitrary::Error::IncorrectFormat)?;
                log.push(DecisionKind::Suboption05Port);
                Some(PortPlan {
                    port,
                    source: PortSource::Suboption05,
                })
            }
            2 => {
                log.push(DecisionKind::Suboption05Server);
                ignored.suboption05_server = Some(addr(u)?);
                None
            }
            _ => None,
        };
        let address = addr(u)?;
        let source = if u.arbitrary()? {
            V4ServerSource::Option150
        } else {
            V4ServerSource::Option66
        };
        if source == V4ServerSource::Option150 {
            ignored.other_servers = addrs(u, 70)?;
            if !ignored.other_servers.is_empty() {
                log.push(DecisionKind::ExtraFileServers);
            }
            if u.arbitrary()? {
                log.push(DecisionKind::Option66Ignored);
                ignored.option66 = Some(name(u)?.into_bytes());
            }
        }
        let mut unknown = Vec::new();
        for code in [6u16, 9, 200, 254] {
            if u.ratio(1, 4)? {
                let len = u.int_in_range(0..=8)?;
                unknown.push(RawSuboption {
                    code,
                    value: u.bytes(len)?.to_vec(),
                });
            }
        }
        // R33: an option 67, not used, logged after the file server's
        // entries (no `siaddr`/`sname`/`file`: the options do not carry them).
        if u.ratio(1, 4)? {
            log.push(DecisionKind::Option67Ignored);
            let len = u.int_in_range(0..=300)?;
            ignored.option67 = Some(u.bytes(len)?.to_vec());
        }
        // R32: the redirect's entry comes last, as the resolver logs it.
        let sztp_redirect = if u.ratio(1, 4)? {
            log.push(DecisionKind::SztpRedirect);
            Some(u.arbitrary()?)
        } else {
            None
        };
        Ok(PlanBuf {
            image,
            config,
            transfer_mode,
            transfer_mode_source,
            file_server: FileServer::V4 { address, source },
            port,
            ntp_servers: addrs(u, 3)?,
            syslog_servers: addrs(u, 3)?,
            host_name: if u.arbitrary()? { Some(name(u)?) } else { None },
            proxy: if u.arbitrary()? { Some(name(u)?) } else { None },
            unknown_suboptions: unknown,
            sztp_redirect,
            ignored,
            log,
        })
    }

    /// A DHCPv6 plan and the decision log R10, R14, R15, R16 give it.
    ///
    /// # Errors
    ///
    /// When `u` runs out of data.
    pub fn arbitrary_v6(u: &mut Unstructured<'_>) -> AResult<PlanBuf> {
        let mut log = Log::new();
        let mut ignored = IgnoredBuf::default();
        let image_type = if u.arbitrary()? {
            ImageType::Symlink
        } else {
            ImageType::File
        };
        let url_mode = *u.choose(&TransferMode::ALL)?;
        let url_port = if u.arbitrary()? {
            Some(any_port(u)?)
        } else {
            None
        };
        let url_path = if u.arbitrary()? {
            Some(url_path(u)?)
        } else {
            None
        };
        let vendor_image = vendor_image(u, image_type, 2)?;
        let has_00 = vendor_image
            .as_ref()
            .is_some_and(|i| i.source == ImageSource::Suboption00);
        if has_00 && u.arbitrary()? {
            log.push(DecisionKind::AltImageIgnored);
            ignored.alt_image = Some(name(u)?.into_bytes());
        }
        let (transfer_mode, transfer_mode_source) = if u.arbitrary()? {
            log.push(DecisionKind::TransferModeFromVendorOverUrl);
            ignored.url_mode = Some(url_mode);
            (*u.choose(&TransferMode::ALL)?, ModeSource::Suboption03)
        } else {
            log.push(DecisionKind::TransferModeFromUrl);
            (url_mode, ModeSource::Option59)
        };
        let image = match (vendor_image, &url_path) {
            (Some(i), path) => {
                if let Some(p) = path {
                    log.push(DecisionKind::ImageFromVendorOverUrl);
                    ignored.url_path = Some(p.clone());
                }
                Some(i)
            }
            (None, Some(p)) => {
                log.push(DecisionKind::ImageFromUrl);
                Some(ImageBuf {
                    name: p.clone(),
                    image_type,
                    source: ImageSource::Option59,
                })
            }
            (None, None) => None,
        };
        let port = if u.arbitrary()? {
            if let Some(url_port) = url_port {
                log.push(DecisionKind::PortFromVendorOverUrl);
                ignored.url_port = Some(url_port);
            }
            Some(PortPlan {
                port: any_port(u)?,
                source: PortSource::Suboption05,
            })
        } else if let Some(p) = url_port {
            log.push(DecisionKind::PortFromUrl);
            Some(PortPlan {
                port: p,
                source: PortSource::Option59,
            })
        } else {
            None
        };
        let config = if image.is_none() || u.arbitrary()? {
            Some(name(u)?)
        } else {
            None
        };
        let mut unknown = Vec::new();
        for code in [9u16, 300, 65535] {
            if u.ratio(1, 4)? {
                let len = u.int_in_range(0..=8)?;
                unknown.push(RawSuboption {
                    code,
                    value: u.bytes(len)?.to_vec(),
                });
            }
        }
        let mut octets = [0u8; 16];
        u.fill_buffer(&mut octets)?;
        octets[0] = 0x20;
        // R32: the redirect's entry comes last, as the resolver logs it.
        let sztp_redirect = if u.ratio(1, 4)? {
            log.push(DecisionKind::SztpRedirect);
            Some(u.arbitrary()?)
        } else {
            None
        };
        Ok(PlanBuf {
            image,
            config,
            transfer_mode,
            transfer_mode_source,
            file_server: FileServer::V6 {
                address: octets.into(),
            },
            port,
            ntp_servers: Vec::new(),
            syslog_servers: Vec::new(),
            host_name: None,
            proxy: if u.arbitrary()? { Some(name(u)?) } else { None },
            unknown_suboptions: unknown,
            sztp_redirect,
            ignored,
            log,
        })
    }
}

impl<'a> Arbitrary<'a> for PlanBuf {
    /// A DHCPv4 or a DHCPv6 plan ([`PlanBuf::arbitrary_v4`],
    /// [`PlanBuf::arbitrary_v6`]).
    fn arbitrary(u: &mut Unstructured<'a>) -> AResult<Self> {
        if u.arbitrary()? {
            PlanBuf::arbitrary_v6(u)
        } else {
            PlanBuf::arbitrary_v4(u)
        }
    }
}
