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

// ------------------------------------------------ R31: the field variants

use ztp_options::sztp::{Variant, is_uri_list, variant};

#[test]
fn r31_variant_a_bare_uri_without_a_length_prefix() {
    // An ISC `option sztp code 143 = text;` sends the URI alone: read as a
    // list, "ht" (0x6874) is a length of 26740 that runs past the value.
    let value = b"https://sztp.example.net";
    let e = ztp_options::sztp::Redirect::new_checked(value, Family::V4).unwrap_err();
    assert!(matches!(
        e.kind(),
        DecodeErrorKind::LengthOverrun { len: 26740, .. }
    ));
    assert_eq!(
        variant(value, Family::V4),
        Some(Variant::BareUri { uri: value })
    );
    assert_eq!(
        variant(b"bootz://10.0.0.1:9090", Family::V6),
        Some(Variant::BareUri {
            uri: b"bootz://10.0.0.1:9090"
        })
    );
    assert_eq!(Variant::BareUri { uri: value }.id(), "sztp-bare-uri");
    // In a lease: the contents name it; the plan leaves the redirect out.
    let msg = v4_msg(&[&opt(143, value)]);
    let lease = v4::Lease::parse(&msg).unwrap();
    let c = ztp_options::contents_v4(&lease);
    assert!(c.sztp_redirect().unwrap().is_err());
    assert_eq!(c.sztp_variant(), Some(Variant::BareUri { uri: value }));
    let plan = resolve_v4(&lease).unwrap();
    assert!(plan.log.contains(DecisionKind::SztpRedirectLeftOut));
}

#[test]
fn r31_variant_a_uri_with_a_path_query_or_fragment() {
    for (uri, index) in [
        ("https://sztp.example.net/restconf", 24),
        ("https://sztp.example.net?x=1", 24),
        ("https://sztp.example.net#f", 24),
        ("https://192.0.2.7:8443/", 22),
    ] {
        let value = list(&[uri]);
        assert_eq!(
            variant(&value, Family::V6),
            Some(Variant::Path { uri, index }),
            "{uri}"
        );
    }
    // The first bad URI of a list names the variant.
    let value = list(&["https://ok.example", "https://b.example/x"]);
    assert!(matches!(
        variant(&value, Family::V4),
        Some(Variant::Path {
            uri: "https://b.example/x",
            index: 17
        })
    ));
}

#[test]
fn r31_variant_another_scheme() {
    for (uri, scheme) in [
        ("bootz://sztp.example.net", "bootz"),
        ("coaps+tcp://sztp.example.net", "coaps+tcp"),
        ("http://sztp.example.net", "http"),
        ("HTTP://192.0.2.7/x", "HTTP"),
    ] {
        let value = list(&[uri]);
        assert_eq!(
            variant(&value, Family::V4),
            Some(Variant::OtherScheme { uri, scheme }),
            "{uri}"
        );
        assert!(!is_uri_list(&value));
    }
}

#[test]
fn r31_variant_a_dns_label_over_63_octets() {
    let uri = format!("https://{}.example.net", "a".repeat(64));
    let value = list(&[&uri]);
    assert_eq!(
        variant(&value, Family::V6),
        Some(Variant::LabelTooLong { uri: &uri, len: 64 })
    );
    // The strict decoder names the problem, with the length.
    let e = ztp_options::sztp::Redirect::new_checked(&value, Family::V6).unwrap_err();
    assert_eq!(
        e.kind(),
        DecodeErrorKind::BadSztpUri {
            problem: SztpProblem::LabelTooLong {
                len: ztp_options::Len16::new(64)
            },
            index: 8,
            len: u32::try_from(uri.len()).unwrap(),
        }
    );
    assert!(
        e.to_string()
            .contains("a dns label of 64 octets (63 at most)"),
        "{e}"
    );
    // 63 is fine.
    let ok = format!("https://{}.example.net", "a".repeat(63));
    assert_eq!(variant(&list(&[&ok]), Family::V6), None);
    assert!(is_uri_list(&list(&[&ok])));
}

#[test]
fn r31_variant_a_host_name_over_253_octets() {
    // 4 labels of 63 and "net": 4 * 64 + 3 = 259 octets.
    let name = format!("{0}.{0}.{0}.{0}.net", "a".repeat(63));
    assert_eq!(name.len(), 259);
    let uri = format!("https://{name}:8443");
    let value = list(&[&uri]);
    assert_eq!(
        variant(&value, Family::V4),
        Some(Variant::NameTooLong {
            uri: &uri,
            len: 259
        })
    );
    let e = ztp_options::sztp::Redirect::new_checked(&value, Family::V4).unwrap_err();
    assert!(matches!(
        e.kind(),
        DecodeErrorKind::BadSztpUri {
            problem: SztpProblem::NameTooLong { len },
            index: 8,
            ..
        } if len.get() == 259
    ));
    assert!(
        e.to_string()
            .contains("a dns name of 259 octets (253 at most)"),
        "{e}"
    );
}

#[test]
fn r31_variant_a_four_byte_v4_143_is_an_address_not_sztp() {
    let value = [192, 0, 2, 21];
    assert_eq!(
        variant(&value, Family::V4),
        Some(Variant::Ipv4Address {
            address: std::net::Ipv4Addr::new(192, 0, 2, 21)
        })
    );
    // Only DHCPv4's 143 (the older vendor's option is a v4 one).
    assert_eq!(variant(&value, Family::V6), None);
    let msg = v4_msg(&[&opt(143, &value)]);
    let lease = v4::Lease::parse(&msg).unwrap();
    let c = ztp_options::contents_v4(&lease);
    assert!(c.sztp_redirect().unwrap().is_err());
    assert!(matches!(
        c.sztp_variant(),
        Some(Variant::Ipv4Address { .. })
    ));
    assert!(
        Variant::Ipv4Address {
            address: std::net::Ipv4Addr::new(192, 0, 2, 21)
        }
        .to_string()
        .contains("192.0.2.21")
    );
}

#[test]
fn r31_swapped_codes_a_uri_list_in_v4_136_or_v6_143() {
    // The redirect's codes swapped between the families: the lease does
    // not read them as a redirect, and is_uri_list says what they hold.
    let value = list(&["https://sztp.example.net"]);
    let msg = v4_msg(&[&opt(136, &value)]);
    let lease = v4::Lease::parse(&msg).unwrap();
    assert_eq!(lease.sztp_redirect(), Ok(None));
    let m = v4::Message::new_checked(&msg[..]).unwrap();
    let v136 = m.option(v4::OptionCode::new(136)).unwrap().unwrap();
    assert!(is_uri_list(&v136.value));
    let bytes = v6_reply(&cat(&[
        &v6vendor(2636, &[(0, b"evo.tgz")]),
        &v6url("http://[2001:db8::1]/evo.tgz"),
        &v6opt(143, &value),
    ]));
    let lease = v6::Lease::parse(&bytes).unwrap();
    assert_eq!(lease.sztp_redirect(), Ok(None));
    let c = ztp_options::contents_v6(&lease);
    assert!(c.sztp_redirect().is_none());
    let v143 = c.raw(v6::OptionCode::new(143)).unwrap();
    assert!(is_uri_list(v143));
    // A valid list is no variant.
    assert_eq!(variant(&value, Family::V4), None);
    assert_eq!(variant(&value, Family::V6), None);
}

#[test]
fn r31_what_matches_no_variant_is_none() {
    // A zero-length URI, a length past the value: the strict error says it.
    assert_eq!(variant(&[0, 0], Family::V4), None);
    assert_eq!(variant(&[0, 9, b'h'], Family::V6), None);
    assert_eq!(variant(b"", Family::V4), None);
    assert_eq!(variant(&list(&["https://ho_st"]), Family::V4), None);
}
