//! Vendor plans of the Linux-based switches: SONiC (S), Cumulus (CU), Dell
//! OS10 and OS9 (D), on bytes built from VENDORS.md's formats. Each test
//! is named by the rule it proves.

use super::common::{cat, opt, reply, v6_reply, v6opt};
pub(crate) use super::common::{fetches, logged};
use ztp_options::v4::Lease;
use ztp_options::vendor::{Order, Role, Vendor, VendorPlan, plan_v4, plan_v6};

pub(crate) fn v4(vendor: Vendor, options: &[&[u8]]) -> VendorPlan {
    let mut bytes = reply(&cat(options));
    bytes.push(255);
    plan_v4(vendor, &Lease::parse(&bytes).unwrap()).unwrap()
}

pub(crate) fn v4_siaddr(vendor: Vendor, siaddr: [u8; 4], options: &[&[u8]]) -> VendorPlan {
    let mut bytes = reply(&cat(options));
    bytes[20..24].copy_from_slice(&siaddr);
    bytes.push(255);
    plan_v4(vendor, &Lease::parse(&bytes).unwrap()).unwrap()
}

pub(crate) fn v6(vendor: Vendor, options: &[&[u8]]) -> Option<VendorPlan> {
    let bytes = v6_reply(&cat(options));
    plan_v6(vendor, &ztp_options::v6::Lease::parse(&bytes).unwrap())
}

pub(crate) fn stop(plan: &VendorPlan) -> Option<(&'static str, &'static str, bool)> {
    plan.stop.as_ref().map(|s| (s.rule, s.id, s.waits))
}

pub(crate) fn url(s: &str) -> Option<String> {
    Some(s.to_string())
}

// ------------------------------------------------------------------ SONiC

#[test]
fn s2_option_67_url_is_the_ztp_json() {
    let p = v4(Vendor::Sonic, &[&opt(67, b"http://192.0.2.10/ztp.json")]);
    assert_eq!(
        fetches(&p),
        [(
            Role::Workflow,
            url("http://192.0.2.10/ztp.json"),
            Order::First
        )]
    );
    assert!(logged(&p, "S4", "url-as-given"));
    assert!(p.provisions());
}

#[test]
fn s3_sources_in_order_with_fallbacks() {
    let p = v4(
        Vendor::Sonic,
        &[
            &opt(67, b"http://192.0.2.10/ztp.json"),
            &opt(239, b"http://192.0.2.10/prov.sh"),
            &opt(225, b"http://192.0.2.10/minigraph.xml"),
            &opt(226, b"http://192.0.2.10/acl.json"),
        ],
    );
    assert_eq!(
        fetches(&p),
        [
            (
                Role::Workflow,
                url("http://192.0.2.10/ztp.json"),
                Order::First
            ),
            (
                Role::Script,
                url("http://192.0.2.10/prov.sh"),
                Order::Fallback
            ),
            (
                Role::Configuration,
                url("http://192.0.2.10/minigraph.xml"),
                Order::Fallback
            ),
            (
                Role::Configuration,
                url("http://192.0.2.10/acl.json"),
                Order::Then
            ),
        ]
    );
    assert!(logged(&p, "S3", "source-order"));
    assert!(logged(&p, "S3", "graph-urls"));
}

#[test]
fn s4_bare_67_with_66_becomes_tftp_url() {
    let p = v4(
        Vendor::Sonic,
        &[&opt(66, b"192.0.2.9"), &opt(67, b"ztp/sw1.json")],
    );
    assert_eq!(
        fetches(&p),
        [(
            Role::Workflow,
            url("tftp://192.0.2.9/ztp/sw1.json"),
            Order::First
        )]
    );
    assert!(logged(&p, "S4", "tftp-from-66"));
}

#[test]
fn s4_p67_2_bare_67_without_66_is_rejected_and_siaddr_not_used() {
    let p = v4_siaddr(Vendor::Sonic, [192, 0, 2, 1], &[&opt(67, b"ztp.json")]);
    assert!(fetches(&p).is_empty());
    assert!(logged(&p, "S4", "bare-path-without-66"));
    assert!(logged(&p, "P67-2", "bare-path"));
    assert!(
        p.decisions()
            .any(|d| d.message.contains("siaddr 192.0.2.1 is not used"))
    );
    assert_eq!(stop(&p), Some(("S4", "no-usable-source", false)));
}

#[test]
fn s4_space_or_tab_is_rejected_and_the_next_source_is_first() {
    let p = v4(
        Vendor::Sonic,
        &[
            &opt(67, b"http://192.0.2.10/my ztp.json"),
            &opt(239, b"http://192.0.2.10/prov.sh"),
        ],
    );
    assert!(logged(&p, "S4", "blank-in-url"));
    assert_eq!(
        fetches(&p),
        [(Role::Script, url("http://192.0.2.10/prov.sh"), Order::First)]
    );
}

#[test]
fn s5_neither_67_nor_239_waits() {
    let p = v4(Vendor::Sonic, &[&opt(66, b"192.0.2.9")]);
    assert_eq!(stop(&p), Some(("S5", "no-trigger", true)));
    assert!(!p.provisions());
    assert!(logged(&p, "P239", "private-option-absent"));
    let p6 = v6(Vendor::Sonic, &[]).unwrap();
    assert_eq!(stop(&p6), Some(("S5", "no-trigger", true)));
    // 225 alone: a plan (choice).
    let p = v4(Vendor::Sonic, &[&opt(225, b"http://h/minigraph.xml")]);
    assert!(p.provisions());
    assert!(logged(&p, "S5", "graph-only"));
}

#[test]
fn s6_roles_json_from_67_script_from_239() {
    let p = v4(
        Vendor::Sonic,
        &[&opt(67, b"http://h/z.json"), &opt(239, b"http://h/p.py")],
    );
    let roles: Vec<_> = fetches(&p).into_iter().map(|f| f.0).collect();
    assert_eq!(roles, [Role::Workflow, Role::Script]);
    assert!(logged(&p, "S6", "file-kinds"));
}

#[test]
fn s2_snmp_community_is_a_decision_not_a_step() {
    let p = v4(
        Vendor::Sonic,
        &[&opt(67, b"http://192.0.2.10/z.json"), &opt(224, b"public")],
    );
    assert!(logged(&p, "S2", "snmp-community"));
    assert_eq!(p.steps.len(), 1);
    // The community itself is not repeated in the log.
    assert!(!p.decisions().any(|d| d.message.contains("public")));
}

#[test]
fn s2_v6_59_then_239() {
    let p = v6(
        Vendor::Sonic,
        &[
            &v6opt(59, b"http://[2001:db8::1]/ztp.json"),
            &v6opt(239, b"http://[2001:db8::1]/p.sh"),
        ],
    )
    .unwrap();
    assert_eq!(
        fetches(&p),
        [
            (
                Role::Workflow,
                url("http://[2001:db8::1]/ztp.json"),
                Order::First
            ),
            (
                Role::Script,
                url("http://[2001:db8::1]/p.sh"),
                Order::Fallback
            ),
        ]
    );
}

#[test]
fn p67_1_file_field_shown_beside_67() {
    let mut bytes = reply(&opt(67, b"http://192.0.2.10/z.json"));
    bytes[108..116].copy_from_slice(b"boot.ztp");
    bytes.push(255);
    let p = plan_v4(Vendor::Sonic, &Lease::parse(&bytes).unwrap()).unwrap();
    assert!(logged(&p, "P67-1", "file-field-not-read"));
}

#[test]
fn g9_host_name_needs_dns_option_6() {
    let p = v4(Vendor::Sonic, &[&opt(67, b"http://ztp.example.net/z.json")]);
    let d = p.decisions().find(|d| d.id == "needs-dns").unwrap();
    assert_eq!(d.rule, "G9");
    assert!(d.message.contains("needs DNS (option 6)"));
    assert!(d.message.contains("no option 6"));
    let p = v4(
        Vendor::Sonic,
        &[
            &opt(6, &[192, 0, 2, 53]),
            &opt(67, b"http://ztp.example.net/z.json"),
        ],
    );
    assert!(!p.decisions().any(|d| d.message.contains("no option 6")));
}

#[test]
fn g8_control_byte_in_a_text_option_is_logged_and_not_used() {
    let p = v4(Vendor::Sonic, &[&opt(239, b"http://h/p\x01.sh")]);
    assert!(logged(&p, "G8", "bad-text"));
    assert_eq!(stop(&p), Some(("S5", "no-trigger", true)));
    let p = v4(Vendor::Sonic, &[&opt(239, b"http://h/p.sh\0")]);
    assert!(logged(&p, "G8", "trailing-nul"));
    assert_eq!(fetches(&p)[0].1, url("http://h/p.sh"));
}

#[test]
fn g12_sztp_shown_beside_with_no_ranking_rule() {
    let p = v4(
        Vendor::Sonic,
        &[
            &opt(67, b"http://h/z.json"),
            &opt(143, b"\x00\x11https://sztp.test"),
        ],
    );
    let d = p.decisions().find(|d| d.rule == "G12").unwrap();
    assert_eq!(d.id, "sztp-beside");
    assert!(d.message.contains("no sonic rule ranks them"));
    assert_eq!(p.steps.len(), 1);
}

// ---------------------------------------------------------------- Cumulus

#[test]
fn cu2_option_239_is_the_script_url() {
    let p = v4(
        Vendor::Cumulus,
        &[&opt(239, b"http://192.0.2.10/cumulus-ztp.sh")],
    );
    assert_eq!(
        fetches(&p),
        [(
            Role::Script,
            url("http://192.0.2.10/cumulus-ztp.sh"),
            Order::First
        )]
    );
    assert!(p.provisions());
}

#[test]
fn cu2_schemes_http_https_ftp_tftp_only() {
    for ok in ["https://h/s", "ftp://h/s", "tftp://192.0.2.1/s"] {
        assert!(
            v4(Vendor::Cumulus, &[&opt(239, ok.as_bytes())]).provisions(),
            "{ok}"
        );
    }
    let p = v4(Vendor::Cumulus, &[&opt(239, b"scp://h/s")]);
    assert_eq!(stop(&p), Some(("CU2", "unsupported-scheme", false)));
    let p = v4(Vendor::Cumulus, &[&opt(239, b"cumulus-ztp.sh")]);
    assert_eq!(stop(&p), Some(("CU2", "not-a-url", false)));
}

#[test]
fn cu2_p239_absent_239_waits_with_the_server_hint() {
    let p = v4(Vendor::Cumulus, &[&opt(67, b"http://h/x")]);
    assert_eq!(stop(&p), Some(("CU2", "no-trigger", true)));
    assert!(logged(&p, "P239", "private-option-absent"));
    assert!(logged(&p, "CU2", "option-67-not-read"));
}

#[test]
fn cu3_order_is_a_decision() {
    let p = v4(Vendor::Cumulus, &[&opt(239, b"http://h/s")]);
    assert!(logged(&p, "CU3", "source-order"));
}

#[test]
fn cu4_cu5_cu6_file_rules_are_decisions() {
    let p = v4(Vendor::Cumulus, &[&opt(239, b"http://h/s")]);
    assert!(logged(&p, "CU4", "marker"));
    assert!(logged(&p, "CU5", "marker-search"));
    assert!(logged(&p, "CU6", "carriage-return"));
}

#[test]
fn cu7_a_v6_reply_is_never_read_as_cumulus() {
    assert!(v6(Vendor::Cumulus, &[&v6opt(59, b"http://[2001:db8::1]/s")]).is_none());
}

// ------------------------------------------------------------------- Dell

#[test]
fn d2_option_240_script_and_the_window_choice() {
    let p = v4(Vendor::DellOs10, &[&opt(240, b"http://192.0.2.10/ztd.sh")]);
    assert_eq!(
        fetches(&p),
        [(Role::Script, url("http://192.0.2.10/ztd.sh"), Order::First)]
    );
    let d = p.decisions().find(|d| d.id == "window").unwrap();
    assert_eq!(d.rule, "D2");
    assert!(d.message.contains("(choice)"));
    let p = v4(Vendor::DellOs10, &[&opt(240, b"tftp://192.0.2.10/ztd.sh")]);
    assert!(logged(&p, "D2", "scheme"));
}

#[test]
fn d2_p240_absent_240_waits_with_the_server_hint() {
    let p = v4(Vendor::DellOs10, &[]);
    assert_eq!(stop(&p), Some(("D2", "no-trigger", true)));
    assert!(logged(&p, "P240", "private-option-absent"));
}

#[test]
fn d2_v6_is_ipv4_only() {
    let p = v6(Vendor::DellOs10, &[]).unwrap();
    assert_eq!(stop(&p), Some(("D2", "ipv4-only", false)));
}

#[test]
fn d3_d4_d5_file_rules_are_decisions() {
    let p = v4(Vendor::DellOs10, &[&opt(240, b"http://h/ztd.sh")]);
    for (rule, id) in [
        ("D3", "provisioning-script"),
        ("D4", "cli-batch"),
        ("D5", "post-script"),
    ] {
        assert!(logged(&p, rule, id), "{rule}");
    }
}

#[test]
fn d6_image_67_and_config_209_from_the_tftp_server() {
    let p = v4(
        Vendor::DellOs9,
        &[
            &opt(66, b"192.0.2.20"),
            &opt(67, b"FTOS-SE-9.14.bin"),
            &opt(209, b"s4810.cfg"),
        ],
    );
    assert_eq!(
        fetches(&p),
        [
            (
                Role::Image,
                url("tftp://192.0.2.20/FTOS-SE-9.14.bin"),
                Order::First
            ),
            (
                Role::Configuration,
                url("tftp://192.0.2.20/s4810.cfg"),
                Order::Then
            ),
        ]
    );
    // 150 before 66 (choice), logged.
    let p = v4(
        Vendor::DellOs9,
        &[
            &opt(66, b"192.0.2.20"),
            &opt(150, &[192, 0, 2, 21]),
            &opt(67, b"i.bin"),
        ],
    );
    assert_eq!(fetches(&p)[0].1, url("tftp://192.0.2.21/i.bin"));
    assert!(logged(&p, "D6", "server-150"));
}

#[test]
fn d6_urls_with_documented_schemes_as_given() {
    let p = v4(
        Vendor::DellOs9,
        &[&opt(67, b"flash://FTOS.bin"), &opt(209, b"scp://h/c.cfg")],
    );
    assert_eq!(fetches(&p)[0].1, url("flash://FTOS.bin"));
    assert!(logged(&p, "D6", "scheme")); // scp is not one of D6's
}

#[test]
fn d6_bare_name_without_server_stops() {
    let p = v4(Vendor::DellOs9, &[&opt(67, b"FTOS.bin")]);
    assert_eq!(stop(&p), Some(("D6", "missing-server", false)));
    let p = v4(Vendor::DellOs9, &[]);
    assert_eq!(stop(&p), Some(("D6", "no-trigger", false)));
}
