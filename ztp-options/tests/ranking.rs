//! R29: the order ZTP tries the bindings a device holds.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

mod common;

use common::{opt, reply, v6_reply, v6url, v6vendor};
use ztp_options::{Binding, CannotProceed, Family, Plan, rank, resolve_v4, resolve_v6};

fn v4(sub: &[&[u8]]) -> Result<Plan, CannotProceed> {
    let mut o = opt(43, &sub.concat());
    o.extend_from_slice(&opt(150, &[192, 0, 2, 10]));
    o.push(255);
    resolve_v4(&ztp_options::v4::Lease::parse(&reply(&o)).unwrap())
}

fn v6(items: &[(u16, &[u8])]) -> Result<Plan, CannotProceed> {
    let msg = v6_reply(&[v6vendor(2636, items), v6url("http://[2001:db8::1]/")].concat());
    resolve_v6(&ztp_options::v6::Lease::parse(&msg).unwrap())
}

#[test]
fn r29_complete_first_v4_before_v6_cannot_proceed_last() {
    let complete_v4 = v4(&[&opt(0, b"i.tgz"), &opt(1, b"c.conf")]);
    let config_only_v4 = v4(&[&opt(1, b"c.conf")]);
    let nothing_v4 = v4(&[&opt(3, b"http")]);
    let complete_v6 = v6(&[(0, b"i.tgz"), (1, b"c.conf")]);
    let config_only_v6 = v6(&[(1, b"c.conf")]);
    assert!(complete_v4.as_ref().unwrap().is_complete());
    assert!(!config_only_v4.as_ref().unwrap().is_complete());
    assert_eq!(nothing_v4, Err(CannotProceed::NothingToFetch));
    assert!(complete_v6.as_ref().unwrap().is_complete());

    let bindings = vec![
        Binding {
            interface: "ge-0/0/0 v6 config",
            family: Family::V6,
            outcome: config_only_v6,
        },
        Binding {
            interface: "em0 v4 nothing",
            family: Family::V4,
            outcome: nothing_v4,
        },
        Binding {
            interface: "em1 v6 complete",
            family: Family::V6,
            outcome: complete_v6,
        },
        Binding {
            interface: "em2 v4 config",
            family: Family::V4,
            outcome: config_only_v4.clone(),
        },
        Binding {
            interface: "em3 v4 complete",
            family: Family::V4,
            outcome: complete_v4.clone(),
        },
        Binding {
            interface: "em4 v4 complete",
            family: Family::V4,
            outcome: complete_v4,
        },
        Binding {
            interface: "em5 v6 no url",
            family: Family::V6,
            outcome: Err(CannotProceed::NoBootFileUrl),
        },
        Binding {
            interface: "em6 v4 config",
            family: Family::V4,
            outcome: config_only_v4,
        },
    ];
    let order: Vec<&str> = rank(&bindings)
        .into_iter()
        .map(|i| bindings[i].interface)
        .collect();
    assert_eq!(
        order,
        [
            "em3 v4 complete",
            "em4 v4 complete",
            "em1 v6 complete",
            "em2 v4 config",
            "em6 v4 config",
            "ge-0/0/0 v6 config",
            "em0 v4 nothing",
            "em5 v6 no url",
        ]
    );
}

#[test]
fn r29_empty_and_single() {
    assert!(rank::<()>(&[]).is_empty());
    let one = [Binding {
        interface: 1,
        family: Family::V6,
        outcome: Err(CannotProceed::NoBootFileUrl),
    }];
    assert_eq!(rank(&one), [0]);
}
