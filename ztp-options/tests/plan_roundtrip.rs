//! Encoding a plan is the inverse of resolving a lease: for many generated
//! plans, resolve(decode(encode(plan))) == plan (R10..R13, R18, R20 choice).
//!
//! Plans are generated here, with their decision logs written from the
//! rules, independently of the resolver.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use std::net::Ipv4Addr;

use arbitrary::{Result as AResult, Unstructured};
use ztp_options::v4::Lease;
use ztp_options::{
    ConfigPlan, Decision, Family, FileServer, ImagePlan, ImageType, Plan, Port, PortPlan,
    RawSuboption, Source, TransferMode, resolve_v4,
};

fn name(u: &mut Unstructured<'_>) -> AResult<String> {
    const CHARS: &[char] = &[
        'a', 'z', 'A', '0', '9', '/', '.', '-', '_', ':', ' ', '%', 'é', '#',
    ];
    let len = u.int_in_range(1..=40)?;
    (0..len).map(|_| u.choose(CHARS).copied()).collect()
}

fn addr(u: &mut Unstructured<'_>) -> AResult<Ipv4Addr> {
    Ok(Ipv4Addr::from(u.int_in_range(1u32..=u32::MAX)?))
}

fn addrs(u: &mut Unstructured<'_>, max: usize) -> AResult<Vec<Ipv4Addr>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| addr(u)).collect()
}

/// A DHCPv4 plan and the decision log the rules give it.
fn v4_plan(u: &mut Unstructured<'_>) -> AResult<Plan> {
    let mut decisions = Vec::new();
    let image_type = if u.arbitrary()? {
        ImageType::Symlink
    } else {
        ImageType::File
    };
    let image = match u.int_in_range(0..=3)? {
        0 => None,
        1 => Some(ImagePlan {
            name: name(u)?,
            image_type,
            source: Source::Suboption04,
        }),
        _ => Some(ImagePlan {
            name: name(u)?,
            image_type,
            source: Source::Suboption00,
        }),
    };
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
    // R10
    if let Some(n) = &alt_ignored {
        decisions.push(Decision::AltImageIgnored { name: n.clone() });
    }
    // R11
    let (transfer_mode, transfer_mode_source) = if u.arbitrary()? {
        (*u.choose(&TransferMode::ALL)?, Source::Suboption03)
    } else {
        decisions.push(Decision::DefaultTftp);
        (TransferMode::Tftp, Source::Default)
    };
    // Suboption 05 (SPEC choice)
    let port = match u.int_in_range(0..=2)? {
        1 => {
            let port = Port::new(u.int_in_range(1..=u16::MAX)?).unwrap();
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
    // R12 / R4
    let server = addr(u)?;
    let file_server_source = if u.arbitrary()? {
        Source::Option150
    } else {
        Source::Option66
    };
    if file_server_source == Source::Option150 {
        let extra = addrs(u, 2)?;
        if !extra.is_empty() {
            decisions.push(Decision::ExtraFileServers { addresses: extra });
        }
        if u.arbitrary()? {
            decisions.push(Decision::Option66Ignored { value: name(u)? });
        }
    }
    let mut unknown = Vec::new();
    for code in [6u16, 9, 200] {
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

/// A URL path: `/` then safe characters.
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
    // Include the modes' default ports: option 59 keeps them (R16).
    let n = if u.arbitrary()? {
        *u.choose(&[21u16, 69, 80, 443])?
    } else {
        u.int_in_range(1..=u16::MAX)?
    };
    Ok(Port::new(n).unwrap())
}

/// A DHCPv6 plan and the decision log R10, R14, R15, R16 give it.
fn v6_plan(u: &mut Unstructured<'_>) -> AResult<Plan> {
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
    let vendor_image = match u.int_in_range(0..=2)? {
        0 => None,
        1 => Some(ImagePlan {
            name: name(u)?,
            image_type,
            source: Source::Suboption04,
        }),
        _ => Some(ImagePlan {
            name: name(u)?,
            image_type,
            source: Source::Suboption00,
        }),
    };
    // R10
    if let Some(i) = &vendor_image
        && i.source == Source::Suboption00
        && u.arbitrary()?
    {
        decisions.push(Decision::AltImageIgnored { name: name(u)? });
    }
    // R14
    let (transfer_mode, transfer_mode_source) = if u.arbitrary()? {
        decisions.push(Decision::TransferModeFromVendorOverUrl { url_mode });
        (*u.choose(&TransferMode::ALL)?, Source::Suboption03)
    } else {
        decisions.push(Decision::TransferModeFromUrl { mode: url_mode });
        (url_mode, Source::Option59)
    };
    // R15
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
    // R16
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
    if u.ratio(1, 4)? {
        let len = u.int_in_range(0..=8)?;
        unknown.push(RawSuboption {
            code: 300,
            value: u.bytes(len)?.to_vec(),
        });
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
        ntp_servers: vec![],
        syslog_servers: vec![],
        host_name: None,
        proxy: if u.arbitrary()? { Some(name(u)?) } else { None },
        unknown_suboptions: unknown,
        decisions,
    })
}

fn stream(seed: u64, len: usize) -> Vec<u8> {
    common::Xorshift(seed | 1).bytes(len)
}

#[test]
fn r10_r11_r12_r13_r18_v4_plans_survive_encode_decode_resolve() {
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..3000u64 {
        let bytes = stream(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), 1024);
        let plan = v4_plan(&mut Unstructured::new(&bytes)).unwrap();
        let set = plan.to_v4_options().unwrap();
        let mut options = Vec::new();
        set.put(&mut options).unwrap();
        let msg = common::reply(&options);
        let back = resolve_v4(&Lease::parse(&msg).unwrap());
        assert_eq!(back.as_ref(), Ok(&plan), "seed {seed}");
        for d in &plan.decisions {
            kinds.insert(std::mem::discriminant(d));
        }
    }
    // The generator reached every decision it can make.
    assert_eq!(kinds.len(), 6);
}

#[test]
fn r14_r15_r16_r17_v6_plans_survive_encode_decode_resolve() {
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..3000u64 {
        let bytes = stream(seed.wrapping_mul(0xd1b5_4a32_d192_ed03), 1024);
        let plan = v6_plan(&mut Unstructured::new(&bytes)).unwrap();
        let options: Vec<u8> = plan
            .to_v6_options()
            .unwrap()
            .into_iter()
            .flat_map(|(code, value)| common::v6opt(code.get(), &value))
            .collect();
        let msg = common::v6_reply(&options);
        let back = ztp_options::resolve_v6(&ztp_options::v6::Lease::parse(&msg).unwrap());
        assert_eq!(back.as_ref(), Ok(&plan), "seed {seed}");
        for d in &plan.decisions {
            kinds.insert(std::mem::discriminant(d));
        }
    }
    assert_eq!(kinds.len(), 7);
}

#[test]
fn v6_plan_is_refused_by_the_v4_encoder() {
    let bytes = stream(7, 1024);
    let mut plan = v4_plan(&mut Unstructured::new(&bytes)).unwrap();
    plan.file_server = FileServer::Ipv6("2001:db8::1".parse().unwrap());
    assert_eq!(
        plan.to_v4_options(),
        Err(ztp_options::Error::WrongFamily {
            expected: Family::V4,
            found: Family::V6
        })
    );
}
