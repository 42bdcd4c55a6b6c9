//! Each bench compares like with like: dhcproto's hand-written side gives
//! the same facts as ztp's plan on the bench inputs, and both encoders write
//! options that decode to the same plan.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use ztp_benches::{
    HandPlan, Mode, dhcproto_borrowed_v4_lease_to_plan, dhcproto_v4_encode,
    dhcproto_v4_lease_to_plan, dhcproto_v6_reply_to_plan, v4_ack,
};
use ztp_options::samples::V6_REPLY;
use ztp_options::{FileServer, TransferMode, resolve_v4, resolve_v6};

fn mode(m: TransferMode) -> Mode {
    match m {
        TransferMode::Tftp => Mode::Tftp,
        TransferMode::Ftp => Mode::Ftp,
        TransferMode::Http => Mode::Http,
        TransferMode::Https => Mode::Https,
    }
}

#[test]
fn v4_sides_agree() {
    let ack = v4_ack();
    assert_eq!(ack.len(), 336);
    let plan = resolve_v4(&ztp_options::v4::Lease::parse(&ack).unwrap()).unwrap();
    let want = HandPlan {
        image: plan.image.as_ref().map(|i| i.name.clone()),
        config: plan.config.as_ref().map(|c| c.name.clone()),
        mode: mode(plan.transfer_mode),
        server: match plan.file_server {
            FileServer::Ipv4(a) => a,
            FileServer::Ipv6(_) => unreachable!(),
        },
    };
    assert_eq!(dhcproto_v4_lease_to_plan(&ack), Some(want.clone()));
    assert_eq!(dhcproto_borrowed_v4_lease_to_plan(&ack), Some(want.clone()));

    // Both encoders' options decode to the same plan.
    let mut ours = Vec::new();
    plan.to_v4_options().unwrap().put(&mut ours).unwrap();
    let mut theirs = Vec::new();
    dhcproto_v4_encode(&want, &mut theirs).unwrap();
    let reply = |options: &[u8]| [&ack[..240], options].concat();
    let a = resolve_v4(&ztp_options::v4::Lease::parse(&reply(&ours)).unwrap()).unwrap();
    let b = resolve_v4(&ztp_options::v4::Lease::parse(&reply(&theirs)).unwrap()).unwrap();
    assert_eq!(a, plan);
    assert_eq!(b, plan);
}

#[test]
fn v6_sides_agree() {
    let plan = resolve_v6(&ztp_options::v6::Lease::parse(V6_REPLY).unwrap()).unwrap();
    let hand = dhcproto_v6_reply_to_plan(V6_REPLY).unwrap();
    assert_eq!(hand.image, plan.image.as_ref().map(|i| i.name.clone()));
    assert_eq!(hand.config, plan.config.as_ref().map(|c| c.name.clone()));
    assert_eq!(hand.mode, mode(plan.transfer_mode));
    assert_eq!(hand.port, plan.port.map(|p| p.port.get()));
    assert_eq!(FileServer::Ipv6(hand.server), plan.file_server);
}
