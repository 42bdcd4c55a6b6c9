//! R29: the order ZTP tries the bindings a device holds.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use ztp_agent::{Binding, rank};
use ztp_options::{
    CannotProceed, Family, PlanBuf, VendorInfo, resolve_v4_options, resolve_v6_options, v4, v6,
};

/// A DHCPv4 reply with `info` in option 43 and option 150.
fn v4(info: VendorInfo) -> Result<PlanBuf, CannotProceed> {
    let mut set = v4::OptionSet::new();
    set.insert(
        v4::OptionCode::VENDOR_SPECIFIC,
        value(info.buffer_len_v4(), |b| info.put_v4(b)),
    )
    .unwrap();
    set.insert(v4::OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])
        .unwrap();
    resolve_v4_options(&set)
}

/// A DHCPv6 REPLY with `info` in option 17 and option 59.
fn v6(info: VendorInfo) -> Result<PlanBuf, CannotProceed> {
    let mut set = v6::OptionSet::new();
    set.push(
        v6::OptionCode::VENDOR_OPTS,
        value(info.buffer_len_v6(), |b| info.put_v6(b)),
    );
    set.push(
        v6::OptionCode::BOOTFILE_URL,
        b"http://[2001:db8::1]/".to_vec(),
    );
    resolve_v6_options(&set)
}

fn value(
    len: Result<usize, ztp_options::EncodeError>,
    put: impl FnOnce(&mut Vec<u8>) -> Result<(), ztp_options::EncodeError>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(len.unwrap());
    put(&mut out).unwrap();
    out
}

fn info(image: bool, config: bool) -> VendorInfo {
    VendorInfo {
        image: image.then(|| "i.tgz".into()),
        config: config.then(|| "c.conf".into()),
        transfer_mode: Some(ztp_options::TransferMode::Http),
        ..VendorInfo::default()
    }
}

#[test]
fn r29_complete_first_v4_before_v6_cannot_proceed_last() {
    let complete_v4 = v4(info(true, true));
    let config_only_v4 = v4(info(false, true));
    let nothing_v4 = v4(info(false, false));
    let complete_v6 = v6(info(true, true));
    let config_only_v6 = v6(info(false, true));
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
