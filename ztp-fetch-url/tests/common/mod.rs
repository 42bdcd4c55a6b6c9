//! Plans built by hand, the way `resolve_v4` and `resolve_v6` write them.
#![allow(dead_code, clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::{Ipv4Addr, Ipv6Addr};

use ztp_options::{
    ConfigPlan, Family, FileServer, ImagePlan, ImageSource, ImageType, ModeSource, Plan, Port,
    PortPlan, PortSource, TransferMode, V4ServerSource,
};

pub(crate) const V4_SERVER: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);
pub(crate) const V6_SERVER: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
pub(crate) const SEED: &str = "/dist/config/jn-switch35.config:8088";

/// A plan with nothing but a file server (its variant is the family) and
/// a mode; the tests add names.
pub(crate) fn plan(family: Family, mode: TransferMode) -> Plan<'static> {
    let file_server = match family {
        Family::V4 => FileServer::V4 {
            address: V4_SERVER,
            source: V4ServerSource::Option150,
        },
        Family::V6 => FileServer::V6 { address: V6_SERVER },
    };
    Plan::new(file_server, mode, ModeSource::Suboption03)
}

pub(crate) fn with_config<'a>(mut p: Plan<'a>, name: &'a str) -> Plan<'a> {
    p.config = Some(ConfigPlan { name });
    p
}

pub(crate) fn with_image<'a>(
    mut p: Plan<'a>,
    name: &'a str,
    source: ImageSource,
    image_type: ImageType,
) -> Plan<'a> {
    p.image = Some(ImagePlan {
        name,
        image_type,
        source,
    });
    p
}

pub(crate) fn with_port(mut p: Plan<'_>, port: u16, source: PortSource) -> Plan<'_> {
    p.port = Some(PortPlan {
        port: Port::new(port).unwrap(),
        source,
    });
    p
}

/// A DHCPv4 plan with one configuration name.
pub(crate) fn v4_config(mode: TransferMode, name: &str) -> Plan<'_> {
    with_config(plan(Family::V4, mode), name)
}

/// A DHCPv6 plan with one configuration name.
pub(crate) fn v6_config(mode: TransferMode, name: &str) -> Plan<'_> {
    with_config(plan(Family::V6, mode), name)
}

pub(crate) fn port(n: u16) -> Port {
    Port::new(n).unwrap()
}

/// How many generated cases a property test runs: `n`, or about 1 % of it
/// under Miri (`cargo +nightly miri test`), where each case costs a thousand
/// times more; what the generator must reach is asserted only at full count.
pub(crate) const fn cases(n: usize) -> usize {
    if cfg!(miri) { n / 100 + 1 } else { n }
}
