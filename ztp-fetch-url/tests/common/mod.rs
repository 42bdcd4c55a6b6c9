//! Plans built by hand, the way `resolve_v4` and `resolve_v6` write them.
#![allow(dead_code, clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::{Ipv4Addr, Ipv6Addr};

use ztp_options::{
    ConfigPlan, Family, FileServer, ImagePlan, ImageType, Plan, Port, PortPlan, Source,
    TransferMode,
};

pub(crate) const V4_SERVER: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);
pub(crate) const V6_SERVER: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
pub(crate) const SEED: &str = "/dist/config/jn-switch35.config:8088";

/// A plan with nothing but a file server and a mode; the tests add names.
pub(crate) fn plan(family: Family, mode: TransferMode) -> Plan {
    let (file_server, file_server_source) = match family {
        Family::V4 => (FileServer::Ipv4(V4_SERVER), Source::Option150),
        Family::V6 => (FileServer::Ipv6(V6_SERVER), Source::Option59),
    };
    Plan {
        family,
        image: None,
        config: None,
        transfer_mode: mode,
        transfer_mode_source: Source::Suboption03,
        file_server,
        file_server_source,
        port: None,
        ntp_servers: vec![],
        syslog_servers: vec![],
        host_name: None,
        proxy: None,
        unknown_suboptions: vec![],
        decisions: vec![],
    }
}

pub(crate) fn with_config(mut p: Plan, name: &str) -> Plan {
    p.config = Some(ConfigPlan {
        name: name.into(),
        source: Source::Suboption01,
    });
    p
}

pub(crate) fn with_image(mut p: Plan, name: &str, source: Source, image_type: ImageType) -> Plan {
    p.image = Some(ImagePlan {
        name: name.into(),
        image_type,
        source,
    });
    p
}

pub(crate) fn with_port(mut p: Plan, port: u16, source: Source) -> Plan {
    p.port = Some(PortPlan {
        port: Port::new(port).unwrap(),
        source,
    });
    p
}

/// A DHCPv4 plan with one configuration name.
pub(crate) fn v4_config(mode: TransferMode, name: &str) -> Plan {
    with_config(plan(Family::V4, mode), name)
}

/// A DHCPv6 plan with one configuration name.
pub(crate) fn v6_config(mode: TransferMode, name: &str) -> Plan {
    with_config(plan(Family::V6, mode), name)
}

pub(crate) fn port(n: u16) -> Port {
    Port::new(n).unwrap()
}
