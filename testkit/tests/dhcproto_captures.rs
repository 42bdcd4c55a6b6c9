//! The vendored captures of real servers (dnsmasq 2.90, v4 and v6), each
//! server reply decoded by dhcproto and converted with ztp-options'
//! `dhcproto` feature, against the same reply decoded our own way.
#![allow(clippy::unwrap_used, clippy::panic)]

use dhcproto::{Decodable, v4 as d4, v6 as d6};
use ztp_options::{DhcprotoError, Family, PlanBuf, resolve_v4, resolve_v6, v4, v6};
use ztp_testkit::captures;

fn replies(capture: &[u8], family: Family) -> Vec<Vec<u8>> {
    let found = ztp_explain::pcap::dhcp_messages(capture).unwrap();
    assert!(found.damaged.is_none());
    found
        .found
        .into_iter()
        .filter(|m| m.family == family)
        // Server messages: BOOTREPLY (op 2); ADVERTISE (2) or REPLY (7).
        .filter(|m| match family {
            Family::V4 => m.payload.first() == Some(&2),
            _ => matches!(m.payload.first(), Some(2 | 7)),
        })
        .map(|m| m.payload)
        .collect()
}

fn v4_direct(bytes: &[u8]) -> Result<PlanBuf, String> {
    let lease = v4::Lease::parse(bytes).map_err(|e| e.to_string())?;
    resolve_v4(&lease)
        .map(|p| p.to_buf())
        .map_err(|e| e.to_string())
}

fn v4_via_dhcproto(bytes: &[u8]) -> Result<PlanBuf, String> {
    let theirs = d4::Message::from_bytes(bytes).unwrap();
    let repr = v4::MessageRepr::try_from(&theirs).map_err(|e| e.to_string())?;
    let ours = repr.to_vec();
    let lease = v4::Lease::parse(&ours).map_err(|e| e.to_string())?;
    resolve_v4(&lease)
        .map(|p| p.to_buf())
        .map_err(|e| e.to_string())
}

/// An error's text without its byte offset: dhcproto writes options in
/// code order, so offsets in the converted message differ from the capture's.
fn without_offset(result: Result<PlanBuf, String>) -> Result<PlanBuf, String> {
    result.map_err(|e| match e.split_once(" at byte ") {
        Some((head, tail)) => {
            let rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
            format!("{head}{rest}")
        }
        None => e,
    })
}

#[test]
fn r1_r12_dnsmasq_v4_replies_through_dhcproto_resolve_as_ours() {
    // The good server (plans) and the misconfigured one (R1: option 43's
    // suboption lengths run off the end: the same error either way).
    let mut seen = 0;
    for capture in [
        captures::DNSMASQ_V4_GOOD,
        captures::DNSMASQ_V4_MISCONFIGURED,
    ] {
        for reply in replies(capture, Family::V4) {
            assert_eq!(
                without_offset(v4_via_dhcproto(&reply)),
                without_offset(v4_direct(&reply))
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 4, "two OFFERs and two ACKs");
    let good = replies(captures::DNSMASQ_V4_GOOD, Family::V4);
    let plan = v4_via_dhcproto(good.last().unwrap()).unwrap();
    assert_eq!(plan.config.as_deref(), Some("jn.conf"));
}

#[test]
fn r8_dnsmasq_v6_replies_through_dhcproto_are_ours_or_refused() {
    let all = replies(captures::DNSMASQ_V6, Family::V6);
    assert_eq!(all.len(), 2, "ADVERTISE and REPLY");
    for reply in all {
        let lease = v6::Lease::parse(&reply).unwrap();
        let direct = resolve_v6(&lease).map(|p| p.to_buf());
        let theirs = d6::Message::from_bytes(&reply).unwrap();
        match v6::MessageRepr::try_from(&theirs) {
            // dhcproto typed Juniper's option 17 items: refused, never a
            // different plan.
            Err(DhcprotoError::VendorItemsNotKept { enterprise }) => {
                assert_eq!(enterprise, 2636);
                assert!(lease.vendor_opts().unwrap().is_some());
            }
            Ok(repr) => {
                let ours = repr.to_vec().unwrap();
                let via = resolve_v6(&v6::Lease::parse(&ours).unwrap()).map(|p| p.to_buf());
                assert_eq!(via, direct);
            }
            Err(other) => panic!("{other}"),
        }
    }
}
