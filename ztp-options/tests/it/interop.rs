//! Leases from option values decoded elsewhere (`Lease::from_options`) and,
//! with the `dhcproto` feature, from dhcproto's messages: each compared with
//! the same lease decoded from its bytes our own way.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common::{cat, opt, reply, v6_reply, v6url, v6vendor};

use ztp_options::{
    DecisionKind, DecodeErrorKind, EncodeErrorKind, OptionsError, PlanBuf, resolve_v4, resolve_v6,
    samples, v4, v6,
};

/// DHCPv4 replies: the sample ACK, and the shapes the rules care about.
fn v4_vectors() -> Vec<(&'static str, Vec<u8>)> {
    let long_name = "a".repeat(300);
    vec![
        ("sample ack", samples::V4_ACK.to_vec()),
        (
            "150 with two addresses, 66, 7, 42, 12",
            reply(&cat(&[
                &opt(
                    43,
                    &cat(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf"), &opt(3, b"ftp")]),
                ),
                &opt(150, &[192, 0, 2, 10, 192, 0, 2, 11]),
                &opt(66, b"192.0.2.66\0"),
                &opt(7, &[192, 0, 2, 20]),
                &opt(42, &[192, 0, 2, 30, 192, 0, 2, 31]),
                &opt(12, b"ex4300-lab-01"),
            ])),
        ),
        (
            "option 66 alone, tftp by default (R11)",
            reply(&cat(&[
                &opt(43, &opt(1, b"ex4300.conf")),
                &opt(66, b"10.99.0.1"),
            ])),
        ),
        (
            "option 43 split in two instances (RFC 3396)",
            reply(&cat(&[
                &opt(43, &cat(&[&opt(0, b"junos.tgz"), &opt(3, b"http")])),
                &opt(150, &[192, 0, 2, 10]),
                &opt(43, &opt(1, long_name.as_bytes().get(..200).unwrap())),
            ])),
        ),
    ]
}

/// The plan of a DHCPv4 reply without what only a message's header holds
/// (`siaddr`, `sname`, `file`), which option values do not carry.
fn without_header(mut plan: PlanBuf) -> PlanBuf {
    plan.ignored.siaddr = None;
    plan.ignored.sname = None;
    plan.ignored.file = None;
    plan.log.retain(|e| {
        !matches!(
            e.kind,
            DecisionKind::SiaddrIgnored | DecisionKind::SnameIgnored | DecisionKind::FileIgnored
        )
    });
    plan
}

/// Every option of a DHCPv4 message, as `(code, value)` pairs, instances
/// as they are on the wire (from_options joins repeated codes again).
fn v4_values(bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let message = v4::Message::new_checked(bytes).unwrap();
    message
        .options()
        .map(|o| {
            let o = o.unwrap();
            (o.code.get(), o.value.to_vec())
        })
        .collect()
}

#[test]
fn r2_v4_from_options_gives_the_plan_of_the_same_values_in_a_message() {
    for (name, bytes) in v4_vectors() {
        let direct =
            resolve_v4(&v4::Lease::parse(&bytes).unwrap()).map(|p| without_header(p.to_buf()));
        let mut buf = Vec::new();
        let lease = v4::Lease::from_options(v4_values(&bytes), &mut buf).unwrap();
        let from_values = resolve_v4(&lease).map(|p| p.to_buf());
        assert_eq!(from_values, direct, "{name}");
    }
}

#[test]
fn r2_v4_from_options_joins_a_code_given_twice() {
    let whole = cat(&[&opt(0, b"junos.tgz"), &opt(1, b"sw.conf")]);
    let (a, b) = whole.split_at(5);
    let mut buf = Vec::new();
    let lease =
        v4::Lease::from_options([(43, a), (150, &[192, 0, 2, 10][..]), (43, b)], &mut buf).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    assert_eq!(plan.image.map(|i| i.name), Some("junos.tgz"));
    assert_eq!(plan.config.map(|c| c.name), Some("sw.conf"));
}

#[test]
fn r4_v4_from_options_checks_values_as_the_wire_decoder_does() {
    let mut buf = Vec::new();
    let lease = v4::Lease::from_options([(150u8, &[192, 0, 2][..])], &mut buf).unwrap();
    // Values are decoded when asked for, as in a lease off the wire.
    let err = lease.tftp_server_addresses().unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::BadLength { len: 3, .. }
    ));
    assert_eq!(err.place().option_code(), Some(150));
    // The offsets count in the buffer the values were framed in.
    let at = err.place().offset();
    assert_eq!(buf.get(at..at + 3), Some(&[192, 0, 2][..]));
}

#[test]
fn v4_from_options_refuses_pad_and_end() {
    for code in [0u8, 255] {
        let mut buf = Vec::new();
        let err = v4::Lease::from_options([(code, &b"x"[..])], &mut buf).unwrap_err();
        let OptionsError::Encode(err) = err else {
            panic!("{err:?}")
        };
        assert!(
            matches!(err.kind(), EncodeErrorKind::ReservedCode { .. }),
            "{code}"
        );
    }
}

/// DHCPv6 replies: the sample REPLY, and other enterprises beside Juniper.
fn v6_vectors() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("sample reply", samples::V6_REPLY.to_vec()),
        (
            "two enterprises and option 59",
            v6_reply(&cat(&[
                &v6vendor(9, &[(1, b"not ours")]),
                &v6vendor(2636, &[(0, b"evo.tgz"), (1, b"/cfg/sw.conf")]),
                &v6url("https://[2001:db8::1]:8443/img/junos.tgz"),
            ])),
        ),
    ]
}

fn v6_values(bytes: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let lease = v6::Lease::parse(bytes).unwrap();
    lease
        .message()
        .options()
        .map(|o| {
            let o = o.unwrap();
            (o.code.get(), o.value.to_vec())
        })
        .collect()
}

#[test]
fn r8_v6_from_options_gives_the_plan_of_the_same_values_in_a_message() {
    for (name, bytes) in v6_vectors() {
        let direct = resolve_v6(&v6::Lease::parse(&bytes).unwrap()).map(|p| p.to_buf());
        let mut buf = Vec::new();
        let lease = v6::Lease::from_options(v6_values(&bytes), &mut buf).unwrap();
        let from_values = resolve_v6(&lease).map(|p| p.to_buf());
        assert_eq!(from_values, direct, "{name}");
    }
}

#[cfg(feature = "dhcproto")]
mod dhcproto_messages {
    use super::*;
    use dhcproto::{Decodable, v4 as d4, v6 as d6};
    use ztp_options::DhcprotoError;

    /// The plan of a dhcproto message, through the conversion.
    fn v4_plan_of(message: &d4::Message) -> Result<PlanBuf, String> {
        let repr = v4::MessageRepr::try_from(message).map_err(|e| e.to_string())?;
        let bytes = repr.to_vec();
        let lease = v4::Lease::parse(&bytes).map_err(|e| e.to_string())?;
        resolve_v4(&lease)
            .map(|p| p.to_buf())
            .map_err(|e| e.to_string())
    }

    fn v4_direct(bytes: &[u8]) -> Result<PlanBuf, String> {
        let lease = v4::Lease::parse(bytes).map_err(|e| e.to_string())?;
        resolve_v4(&lease)
            .map(|p| p.to_buf())
            .map_err(|e| e.to_string())
    }

    /// A dhcproto message holding what our decoder read: the header of
    /// `bytes`, every option as an unknown option with its (joined) value.
    fn v4_built(bytes: &[u8]) -> d4::Message {
        let ours = v4::MessageRepr::parse(&v4::Message::new_checked(bytes).unwrap()).unwrap();
        let mut theirs = d4::Message::default();
        theirs
            .set_opcode(d4::Opcode::BootReply)
            .set_xid(ours.xid)
            .set_siaddr(ours.siaddr)
            .set_yiaddr(ours.yiaddr)
            .set_chaddr(&ours.chaddr[..6]);
        for o in ours.options.iter() {
            theirs
                .opts_mut()
                .insert(d4::DhcpOption::Unknown(d4::UnknownOption::new(
                    o.code.get().into(),
                    o.value.clone(),
                )));
        }
        theirs
    }

    #[test]
    fn r2_dhcproto_v4_messages_convert_without_loss() {
        for (name, bytes) in v4_vectors() {
            // What dhcproto holds converts to the plan of the bytes.
            assert_eq!(v4_plan_of(&v4_built(&bytes)), v4_direct(&bytes), "{name}");
        }
    }

    #[test]
    fn r2_r4_dhcproto_v4_decoding_loses_what_its_message_then_lacks() {
        // The same replies decoded by dhcproto itself: the plans agree
        // except where dhcproto's decoder dropped data before the
        // conversion saw the message, and those are named.
        for (name, bytes) in v4_vectors() {
            let theirs = d4::Message::from_bytes(&bytes).unwrap();
            let via = v4_plan_of(&theirs);
            match name {
                // R4: it reads option 150 as one address, fails on a list
                // and silently stops: 150, and every option after it, is
                // not in its message.
                "150 with two addresses, 66, 7, 42, 12" => {
                    assert!(
                        theirs
                            .opts()
                            .get(d4::OptionCode::TFTPServerAddress)
                            .is_none()
                    );
                    assert_ne!(via, v4_direct(&bytes), "{name}");
                }
                // R2: of an option sent as two instances apart, its map
                // keeps the last.
                "option 43 split in two instances (RFC 3396)" => {
                    assert_ne!(via, v4_direct(&bytes), "{name}");
                }
                _ => assert_eq!(via, v4_direct(&bytes), "{name}"),
            }
        }
    }

    /// A dhcproto message with every option of `bytes` as an unknown
    /// option holding its bytes (option 17 too).
    fn v6_built(bytes: &[u8]) -> d6::Message {
        let mut theirs = d6::Message::new(d6::MessageType::Reply);
        theirs.set_xid(v6::Lease::parse(bytes).unwrap().transaction_id().unwrap());
        for (code, value) in v6_values(bytes) {
            theirs
                .opts_mut()
                .insert(d6::DhcpOption::Unknown(d6::UnknownOption::new(
                    code.into(),
                    value,
                )));
        }
        theirs
    }

    fn v6_plan_of(message: &d6::Message) -> Result<PlanBuf, String> {
        let repr = v6::MessageRepr::try_from(message).map_err(|e| e.to_string())?;
        let bytes = repr.to_vec().map_err(|e| e.to_string())?;
        let lease = v6::Lease::parse(&bytes).map_err(|e| e.to_string())?;
        resolve_v6(&lease)
            .map(|p| p.to_buf())
            .map_err(|e| e.to_string())
    }

    fn v6_direct(bytes: &[u8]) -> Result<PlanBuf, String> {
        let lease = v6::Lease::parse(bytes).map_err(|e| e.to_string())?;
        resolve_v6(&lease)
            .map(|p| p.to_buf())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn r8_dhcproto_v6_messages_holding_the_bytes_convert_without_loss() {
        for (name, bytes) in v6_vectors() {
            assert_eq!(v6_plan_of(&v6_built(&bytes)), v6_direct(&bytes), "{name}");
        }
    }

    #[test]
    fn r8_dhcproto_v6_juniper_items_it_decoded_are_refused_not_resolved() {
        // dhcproto decoding the sample REPLY reads item 03 ("http") as an
        // IA_NA, fails and drops 03 and 05 without a word: resolved, its
        // message would give another transfer-mode source and port source.
        // The conversion refuses it.
        for (name, bytes) in v6_vectors() {
            let theirs = d6::Message::from_bytes(&bytes).unwrap();
            assert_eq!(
                v6::MessageRepr::try_from(&theirs),
                Err(DhcprotoError::VendorItemsNotKept { enterprise: 2636 }),
                "{name}"
            );
        }
    }

    #[test]
    fn r8_dhcproto_v6_other_enterprises_convert() {
        // Another enterprise's option 17, typed by dhcproto: the plan keeps
        // only its enterprise number (R8), which dhcproto keeps.
        let bytes = v6_reply(&cat(&[
            &v6vendor(9, &[(1, b"not ours")]),
            &v6url("http://[2001:db8::1]/img/junos.tgz"),
        ]));
        let theirs = d6::Message::from_bytes(&bytes).unwrap();
        let plan = v6_plan_of(&theirs).unwrap();
        assert_eq!(plan, v6_direct(&bytes).unwrap());
        assert_eq!(plan.ignored.other_enterprises, [9]);
    }
}
