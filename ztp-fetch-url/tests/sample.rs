//! The embedded sample ACK, resolved by `ztp-options` and turned into URLs.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use ztp_fetch_url::{Note, PortSource, TargetKind, fetch_plan};
use ztp_options::{Family, ImageType, TransferMode, resolve_v4, samples::V4_ACK, v4::Lease};

#[test]
fn r20_r22_sample_v4_ack_gives_the_exact_urls() {
    let lease = Lease::parse(V4_ACK).unwrap();
    let f = fetch_plan(&resolve_v4(&lease).unwrap());
    assert_eq!(f.family, Family::V4);
    assert_eq!(f.mode, TransferMode::Http);
    assert_eq!(f.server.to_string(), "192.0.2.10");
    assert!(f.notes.is_empty());

    let image = f.image.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(
        image.as_str(),
        "http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz"
    );
    assert_eq!(
        image.kind(),
        TargetKind::Image {
            image_type: ImageType::File
        }
    );
    assert_eq!(
        (image.port(), image.port_source()),
        (80, PortSource::Default)
    );
    // Suboption 00 has no leading "/": joined to the server root.
    assert_eq!(
        image.notes(),
        [
            Note::Port {
                port: 80,
                from: PortSource::Default,
                family: Family::V4
            },
            Note::JoinedToRoot {
                name: "junos-install-ex-x86-64-23.4R2.tgz".into()
            },
        ]
    );

    let config = f.config.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(config.as_str(), "http://192.0.2.10/ztp/ex4300.conf");
    assert_eq!(config.kind(), TargetKind::Config);
    assert_eq!(config.port_source(), PortSource::Default);

    assert_eq!(
        f.to_string(),
        "dhcpv4 plan: http from 192.0.2.10\n\
         image http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz (port 80 from default)\n\
         \x20 note R20: port 80, the transfer mode's default\n\
         \x20 note: \"junos-install-ex-x86-64-23.4R2.tgz\" has no leading /: it is fetched from the server's root (choice)\n\
         config http://192.0.2.10/ztp/ex4300.conf (port 80 from default)\n\
         \x20 note R20: port 80, the transfer mode's default\n"
    );
}
