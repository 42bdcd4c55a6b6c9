//! The SZTP redirect (RFC 8572): DHCPv4 option 143 and DHCPv6 option 136
//! in a lease, beside the option 43/17 plan (R31, R32).

use crate::common::{cat, opt, reply, v6_reply, v6opt, v6url, v6vendor};

use ztp_options::sztp::{BootstrapServerBuf, Host, RedirectRepr};
use ztp_options::{
    CannotProceed, DecisionKind, DecodeErrorKind, Family, SztpProblem, resolve_v4,
    resolve_v4_options, resolve_v6, resolve_v6_options, v4, v6,
};

/// `uri-length(2) URI` for each URI.
fn list(uris: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    for u in uris {
        v.extend_from_slice(&u16::try_from(u.len()).unwrap().to_be_bytes());
        v.extend_from_slice(u.as_bytes());
    }
    v
}

/// Option 43 with an image and http, 150, then `more`, then the end.
fn v4_msg(more: &[&[u8]]) -> Vec<u8> {
    let o43 = cat(&[&opt(0, b"junos.tgz"), &opt(3, b"http")]);
    let mut o = cat(&[&opt(43, &o43), &opt(150, &[192, 0, 2, 10])]);
    for m in more {
        o.extend_from_slice(m);
    }
    o.push(255);
    reply(&o)
}

fn uris<'a>(servers: impl Iterator<Item = ztp_options::sztp::BootstrapServer<'a>>) -> Vec<String> {
    servers.map(|s| s.to_string()).collect()
}

#[test]
fn r31_v4_option_143_is_read_and_kept_in_the_plan() {
    let value = list(&["https://sztp1.example.net", "https://192.0.2.7:9443"]);
    let msg = v4_msg(&[&opt(143, &value)]);
    let lease = v4::Lease::parse(&msg).unwrap();
    let redirect = lease.sztp_redirect().unwrap().unwrap();
    assert_eq!(
        uris(redirect.servers()),
        ["https://sztp1.example.net", "https://192.0.2.7:9443"]
    );
    let plan = resolve_v4(&lease).unwrap();
    let servers = plan.sztp_redirect.unwrap();
    assert_eq!(servers.len(), 2);
    assert_eq!(
        servers.iter().nth(1).unwrap().host(),
        Host::Ipv4("192.0.2.7".parse().unwrap())
    );
    // R32 (choice): logged, with the servers in the order listed.
    let d = plan
        .decisions()
        .find(|d| d.kind() == DecisionKind::SztpRedirect)
        .unwrap();
    assert_eq!(d.rule().to_string(), "R32");
    assert_eq!(
        d.to_string(),
        "sztp redirect (option 143) lists 2 bootstrap servers, kept beside the ztp plan in \
         the order listed, not ranked against it (spec choice): https://sztp1.example.net, \
         https://192.0.2.7:9443"
    );
}

#[test]
fn r31_v4_option_143_split_across_instances_is_joined() {
    // R2 / RFC 3396: a list of 300 bytes cannot fit one instance.
    let label = "a".repeat(55);
    let long = format!("https://{}.example.net", [label.as_str(); 4].join("."));
    let value = list(&[&long, "https://[2001:db8::7]", "https://192.0.2.9:4443"]);
    assert!(value.len() > 255);
    let (a, b) = value.split_at(200);
    let msg = v4_msg(&[&opt(143, a), &opt(12, b"sw"), &opt(143, b)]);
    let lease = v4::Lease::parse(&msg).unwrap();
    let redirect = lease.sztp_redirect().unwrap().unwrap();
    assert_eq!(
        uris(redirect.servers()),
        [
            long.as_str(),
            "https://[2001:db8::7]",
            "https://192.0.2.9:4443"
        ]
    );
    assert!(redirect.place().in_joined_value());
    // The encoder splits it again (R2), and the plan comes back.
    let plan = resolve_v4(&lease).unwrap();
    let set = plan.to_v4_options().unwrap();
    let mut bytes = vec![0; set.buffer_len()];
    set.emit(&mut bytes).unwrap();
    let instances = bytes.windows(1).filter(|w| w[0] == 143).count();
    assert!(instances >= 2, "{bytes:?}");
    assert_eq!(resolve_v4_options(&set).unwrap(), plan.to_buf());
}

#[test]
fn r31_v6_option_136_is_read_and_kept_in_the_plan() {
    let value = list(&["https://[2001:db8::5]:8443", "https://sztp.example.net"]);
    let msg = v6_reply(&cat(&[
        &v6vendor(2636, &[(0, b"evo.tgz")]),
        &v6url("https://[2001:db8::1]/evo.tgz"),
        &v6opt(136, &value),
    ]));
    let lease = v6::Lease::parse(&msg).unwrap();
    let plan = resolve_v6(&lease).unwrap();
    assert_eq!(
        uris(plan.sztp_redirect.unwrap().iter()),
        ["https://[2001:db8::5]:8443", "https://sztp.example.net"]
    );
    let d = plan
        .decisions()
        .find(|d| d.kind() == DecisionKind::SztpRedirect)
        .unwrap();
    assert!(
        d.to_string()
            .starts_with("sztp redirect (option 136) lists 2")
    );
    // Encoded back: the same bytes for 136, the same plan.
    let set = plan.to_v6_options().unwrap();
    let mut found = set
        .iter()
        .filter(|o| o.code == v6::OptionCode::SZTP_REDIRECT);
    assert_eq!(found.next().map(|o| o.value.clone()), Some(value));
    assert_eq!(resolve_v6_options(&set).unwrap(), plan.to_buf());
}

#[test]
fn r31_the_codes_are_not_swapped() {
    // 143 is DHCPv4's, 136 DHCPv6's (RFC 8572 §8.1, §8.2): each family reads
    // only its own.
    assert_eq!(ztp_options::sztp::option_code(Family::V4), 143);
    assert_eq!(ztp_options::sztp::option_code(Family::V6), 136);
    let value = list(&["https://sztp.example.net"]);
    let v4_with_136 = v4_msg(&[&opt(136, &value)]);
    assert_eq!(
        v4::Lease::parse(&v4_with_136).unwrap().sztp_redirect(),
        Ok(None)
    );
    let v6_with_143 = v6_reply(&cat(&[
        &v6url("tftp://[2001:db8::1]/evo.tgz"),
        &v6opt(143, &value),
    ]));
    assert_eq!(
        v6::Lease::parse(&v6_with_143).unwrap().sztp_redirect(),
        Ok(None)
    );
}

#[test]
fn r31_malformed_redirect_is_reported_with_offset_and_left_out() {
    // The second URI has a path: an error naming it, at its first byte.
    let value = list(&["https://ok.example", "https://sztp.example.net/restconf"]);
    let msg = v4_msg(&[&opt(143, &value)]);
    let lease = v4::Lease::parse(&msg).unwrap();
    let err = lease.sztp_redirect().unwrap_err();
    let start = msg.windows(8).rposition(|w| w == b"https://").unwrap();
    assert_eq!(err.place().option_code(), Some(143));
    assert_eq!(err.place().offset(), start);
    assert_eq!(
        err.kind(),
        DecodeErrorKind::BadSztpUri {
            problem: SztpProblem::Path,
            index: 24,
            len: 33
        }
    );
    assert_eq!(
        err.value(&msg),
        Some(&b"https://sztp.example.net/restconf"[..])
    );
    // R32: the option 43 plan does not depend on it: left out, logged.
    let plan = resolve_v4(&lease).unwrap();
    assert_eq!(plan.sztp_redirect, None);
    assert_eq!(plan.ignored.sztp_redirect_left_out, Some(err));
    let d = plan
        .decisions()
        .find(|d| d.kind() == DecisionKind::SztpRedirectLeftOut)
        .unwrap();
    assert_eq!(d.rule().to_string(), "R31");
    assert!(
        d.to_string()
            .contains("is not an sztp bootstrap server uri")
    );

    // Zero length, and a length that runs past the option.
    for (value, what) in [
        (cat(&[&list(&["https://a.example"]), &[0, 0]]), "zero"),
        (
            cat(&[&list(&["https://a.example"]), &[0, 9, b'h']]),
            "overrun",
        ),
    ] {
        let msg = v4_msg(&[&opt(143, &value)]);
        let err = v4::Lease::parse(&msg).unwrap().sztp_redirect().unwrap_err();
        match what {
            "zero" => assert!(matches!(
                err.kind(),
                DecodeErrorKind::BadSztpUri {
                    problem: SztpProblem::Empty,
                    ..
                }
            )),
            _ => assert!(matches!(
                err.kind(),
                DecodeErrorKind::LengthOverrun { len: 9, .. }
            )),
        }
        assert_eq!(err.place().option_code(), Some(143));
    }
}

#[test]
fn r32_a_lease_may_carry_the_redirect_alone() {
    // No option 43 and no file server: ZTP cannot proceed (R13), and the
    // redirect is still there to read.
    let value = list(&["https://sztp.example.net"]);
    let msg = reply(&cat(&[&opt(143, &value), &[255]]));
    let lease = v4::Lease::parse(&msg).unwrap();
    assert_eq!(resolve_v4(&lease), Err(CannotProceed::NoFileServer));
    assert_eq!(lease.sztp_redirect().unwrap().unwrap().len(), 1);
    let msg = v6_reply(&v6opt(136, &value));
    let lease = v6::Lease::parse(&msg).unwrap();
    assert!(resolve_v6(&lease).is_err());
    assert_eq!(lease.sztp_redirect().unwrap().unwrap().len(), 1);
}

#[test]
fn r31_v6_second_option_136_is_an_error() {
    let value = list(&["https://sztp.example.net"]);
    let msg = v6_reply(&cat(&[&v6opt(136, &value), &v6opt(136, &value)]));
    let err = v6::Lease::parse(&msg).unwrap().sztp_redirect().unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::DuplicateOption { .. }
    ));
}

#[test]
fn r32_owned_plan_carries_the_list_and_encodes_it() {
    let msg = v4_msg(&[]);
    let lease = v4::Lease::parse(&msg).unwrap();
    let mut buf = resolve_v4(&lease).unwrap().to_buf();
    let list: RedirectRepr = "https://b.example, https://a.example:8443".parse().unwrap();
    buf.sztp_redirect = Some(list.clone());
    buf.log.push(DecisionKind::SztpRedirect);
    let set = buf.to_v4_options().unwrap();
    let back = resolve_v4_options(&set).unwrap();
    assert_eq!(back.sztp_redirect, Some(list));
    assert_eq!(back, buf);
    let kept = back.sztp_redirect.unwrap();
    let first: &BootstrapServerBuf = &kept.servers()[0];
    assert_eq!(first.as_str(), "https://b.example");
}
