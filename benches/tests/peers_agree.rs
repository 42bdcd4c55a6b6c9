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
    let lease = ztp_options::v4::Lease::parse(&ack).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    let want = HandPlan {
        image: plan.image.map(|i| i.name.to_owned()),
        config: plan.config.map(|c| c.name.to_owned()),
        mode: mode(plan.transfer_mode),
        server: match plan.file_server {
            FileServer::V4 { address, .. } => address,
            FileServer::V6 { .. } => unreachable!(),
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
    let (ours, theirs) = (reply(&ours), reply(&theirs));
    let (a, b) = (
        ztp_options::v4::Lease::parse(&ours).unwrap(),
        ztp_options::v4::Lease::parse(&theirs).unwrap(),
    );
    assert_eq!(resolve_v4(&a).unwrap(), plan);
    assert_eq!(resolve_v4(&b).unwrap(), plan);
}

#[test]
fn v6_sides_agree() {
    let plan = resolve_v6(&ztp_options::v6::Lease::parse(V6_REPLY).unwrap()).unwrap();
    let hand = dhcproto_v6_reply_to_plan(V6_REPLY).unwrap();
    assert_eq!(hand.image.as_deref(), plan.image.map(|i| i.name));
    assert_eq!(hand.config.as_deref(), plan.config.map(|c| c.name));
    assert_eq!(hand.mode, mode(plan.transfer_mode));
    assert_eq!(hand.port, plan.port.map(|p| p.port.get()));
    assert_eq!(
        FileServer::V6 {
            address: hand.server
        },
        plan.file_server
    );
}
