//! Generated plans (feature `arbitrary`): a plan together with the decision
//! log the rules give it, written from the rules, not from the resolver, so
//! that `resolve(decode(encode(plan))) == plan` can be checked on many of
//! them (the property tests and the `plan_v4`/`plan_v6` fuzz targets).

use alloc::string::String;
use alloc::vec::Vec;
use core::net::Ipv4Addr;

use arbitrary::{Arbitrary, Result as AResult, Unstructured};

use crate::decision::Decision;
use crate::family::Family;
use crate::plan::{ConfigPlan, FileServer, ImagePlan, Plan, PortPlan, Source};
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
) -> AResult<Option<ImagePlan>> {
    let source = match u.int_in_range(0..=last)? {
        0 => return Ok(None),
        1 => Source::Suboption04,
        _ => Source::Suboption00,
    };
    Ok(Some(ImagePlan {
        name: name(u)?,
        image_type,
        source,
    }))
}

impl Plan {
    /// A DHCPv4 plan and the decision log the rules (R10, R11, R12, R4, the
    /// suboption 05 choice) give it. Names run up to 120 characters, so that
    /// option 43 can exceed 255 bytes and RFC 3396 splitting is exercised, and
    /// option 150 may list up to 70 more addresses.
    ///
    /// # Errors
    ///
    /// When `u` runs out of data.
    pub fn arbitrary_v4(u: &mut Unstructured<'_>) -> AResult<Plan> {
        let mut decisions = Vec::new();
        let image_type = if u.arbitrary()? {
            ImageType::Symlink
        } else {
            ImageType::File
        };
        let image = vendor_image(u, image_type, 3)?;
        let alt_ignored = match &image {
            Some(i) if i.source == Source::Suboption00 && u.arbitrary()? => Some(name(u)?),
            _ => None,
        };
        let config = if image.is_none() || u.arbitrary()? {
            Some(ConfigPlan {
                name: name(u)?,
                source: Source::Suboption01,
            })
        } else {
            None
        };
        if let Some(n) = &alt_ignored {
            decisions.push(Decision::AltImageIgnored { name: n.clone() });
        }
        let (transfer_mode, transfer_mode_source) = if u.arbitrary()? {
            (*u.choose(&TransferMode::ALL)?, Source::Suboption03)
        } else {
            decisions.push(Decision::DefaultTftp);
            (TransferMode::Tftp, Source::Default)
        };
        let port = match u.int_in_range(0..=2)? {
            1 => {
                let port = Port::new(u.int_in_range(1..=u16::MAX)?)
                    .ok_or(arbitrary::Error::IncorrectFormat)?;
                decisions.push(Decision::Suboption05Port { port });
                Some(PortPlan {
                    port,
                    source: Source::Suboption05,
                })
            }
            2 => {
                decisions.push(Decision::Suboption05Server { address: addr(u)? });
                None
            }
            _ => None,
        };
        let server = addr(u)?;
        let file_server_source = if u.arbitrary()? {
            Source::Option150
        } else {
            Source::Option66
        };
        if file_server_source == Source::Option150 {
            let extra = addrs(u, 70)?;
            if !extra.is_empty() {
                decisions.push(Decision::ExtraFileServers { addresses: extra });
            }
            if u.arbitrary()? {
                decisions.push(Decision::Option66Ignored { value: name(u)? });
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
        Ok(Plan {
            family: Family::V4,
            image,
            config,
            transfer_mode,
            transfer_mode_source,
            file_server: FileServer::Ipv4(server),
            file_server_source,
            port,
            ntp_servers: addrs(u, 3)?,
            syslog_servers: addrs(u, 3)?,
            host_name: if u.arbitrary()? { Some(name(u)?) } else { None },
            proxy: if u.arbitrary()? { Some(name(u)?) } else { None },
            unknown_suboptions: unknown,
            decisions,
        })
    }

    /// A DHCPv6 plan and the decision log R10, R14, R15, R16 give it.
    ///
    /// # Errors
    ///
    /// When `u` runs out of data.
    pub fn arbitrary_v6(u: &mut Unstructured<'_>) -> AResult<Plan> {
        let mut decisions = Vec::new();
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
        if let Some(i) = &vendor_image
            && i.source == Source::Suboption00
            && u.arbitrary()?
        {
            decisions.push(Decision::AltImageIgnored { name: name(u)? });
        }
        let (transfer_mode, transfer_mode_source) = if u.arbitrary()? {
            decisions.push(Decision::TransferModeFromVendorOverUrl { url_mode });
            (*u.choose(&TransferMode::ALL)?, Source::Suboption03)
        } else {
            decisions.push(Decision::TransferModeFromUrl { mode: url_mode });
            (url_mode, Source::Option59)
        };
        let image = match (vendor_image, &url_path) {
            (Some(i), path) => {
                if let Some(p) = path {
                    decisions.push(Decision::ImageFromVendorOverUrl {
                        url_path: p.clone(),
                    });
                }
                Some(i)
            }
            (None, Some(p)) => {
                decisions.push(Decision::ImageFromUrl);
                Some(ImagePlan {
                    name: p.clone(),
                    image_type,
                    source: Source::Option59,
                })
            }
            (None, None) => None,
        };
        let port = if u.arbitrary()? {
            if let Some(url_port) = url_port {
                decisions.push(Decision::PortFromVendorOverUrl { url_port });
            }
            Some(PortPlan {
                port: any_port(u)?,
                source: Source::Suboption05,
            })
        } else if let Some(p) = url_port {
            decisions.push(Decision::PortFromUrl);
            Some(PortPlan {
                port: p,
                source: Source::Option59,
            })
        } else {
            None
        };
        let config = if image.is_none() || u.arbitrary()? {
            Some(ConfigPlan {
                name: name(u)?,
                source: Source::Suboption01,
            })
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
        Ok(Plan {
            family: Family::V6,
            image,
            config,
            transfer_mode,
            transfer_mode_source,
            file_server: FileServer::Ipv6(octets.into()),
            file_server_source: Source::Option59,
            port,
            ntp_servers: Vec::new(),
            syslog_servers: Vec::new(),
            host_name: None,
            proxy: if u.arbitrary()? { Some(name(u)?) } else { None },
            unknown_suboptions: unknown,
            decisions,
        })
    }
}

impl<'a> Arbitrary<'a> for Plan {
    /// A DHCPv4 or a DHCPv6 plan ([`Plan::arbitrary_v4`],
    /// [`Plan::arbitrary_v6`]).
    fn arbitrary(u: &mut Unstructured<'a>) -> AResult<Self> {
        if u.arbitrary()? {
            Plan::arbitrary_v6(u)
        } else {
            Plan::arbitrary_v4(u)
        }
    }
}
