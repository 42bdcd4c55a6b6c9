//! Arista EOS plans (A4..A7, G8..G10, G12), named by rule id.

use crate::common::{logged, opt, reply, v6_reply, v6opt};
use ztp_options::v4;
use ztp_options::v6;
use ztp_options::vendor::{Order, Role, Service, Step, Vendor, VendorPlan, plan_v4, plan_v6};

fn v4plan(options: &[u8]) -> VendorPlan {
    let bytes = reply(&[options, &[255]].concat());
    plan_v4(Vendor::Arista, &v4::Lease::parse(&bytes).unwrap()).unwrap()
}

fn v6plan(options: &[u8]) -> VendorPlan {
    let bytes = v6_reply(options);
    plan_v6(Vendor::Arista, &v6::Lease::parse(&bytes).unwrap()).unwrap()
}

fn urls(plan: &VendorPlan) -> Vec<Option<String>> {
    plan.steps
        .iter()
        .filter_map(|s| match s {
            Step::Fetch(f) => Some(f.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a4_url_in_67_is_fetched_as_given() {
    let plan = v4plan(&opt(67, b"http://192.0.2.10/ztp/bootstrap"));
    assert_eq!(
        urls(&plan),
        [Some("http://192.0.2.10/ztp/bootstrap".into())]
    );
    assert!(logged(&plan, "A4", "url-as-given"));
    assert!(plan.provisions());
}

#[test]
fn a4_g10_bare_name_uses_150_then_66_then_siaddr() {
    // 150 first.
    let plan = v4plan(
        &[
            opt(67, b"startup.cfg"),
            opt(150, &[192, 0, 2, 5]),
            opt(66, b"192.0.2.6"),
        ]
        .concat(),
    );
    assert_eq!(urls(&plan), [Some("tftp://192.0.2.5/startup.cfg".into())]);
    let d = plan
        .decisions()
        .find(|d| d.id == "bare-name-server")
        .unwrap();
    assert_eq!(d.rule, "G10");
    assert!(d.message.contains("(choice)") && d.message.contains("option 150"));
    // 66 next; a name is flagged (G9).
    let plan = v4plan(&[opt(67, b"startup.cfg"), opt(66, b"tftp.example.net")].concat());
    assert_eq!(
        urls(&plan),
        [Some("tftp://tftp.example.net/startup.cfg".into())]
    );
    assert!(logged(&plan, "G9", "needs-dns"));
    // siaddr last, with P66-2's note.
    let mut bytes = reply(&[opt(67, b"startup.cfg"), vec![255]].concat());
    bytes[20..24].copy_from_slice(&[192, 0, 2, 7]);
    let plan = plan_v4(Vendor::Arista, &v4::Lease::parse(&bytes).unwrap()).unwrap();
    assert_eq!(urls(&plan), [Some("tftp://192.0.2.7/startup.cfg".into())]);
    let d = plan
        .decisions()
        .find(|d| d.id == "bare-name-server")
        .unwrap();
    assert!(d.message.contains("siaddr field"));
    assert!(logged(&plan, "G10", "siaddr-may-be-server"));
    // Nothing: a stop, the name kept.
    let plan = v4plan(&opt(67, b"startup.cfg"));
    assert_eq!(urls(&plan), [None]);
    assert_eq!(plan.stop.as_ref().unwrap().id, "no-file-server");
}

#[test]
fn g9_url_host_name_needs_dns() {
    let plan = v4plan(&opt(67, b"https://ztp.example.net/eos.py"));
    assert!(logged(&plan, "G9", "needs-dns"));
}

#[test]
fn g8_trailing_nul_tolerated_control_byte_refused() {
    let plan = v4plan(&opt(67, b"http://192.0.2.1/x\0"));
    assert_eq!(urls(&plan), [Some("http://192.0.2.1/x".into())]);
    assert!(logged(&plan, "G8", "trailing-nul"));
    let plan = v4plan(&opt(67, b"http://192.0.2.1/\x01x"));
    assert!(logged(&plan, "A4", "bad-text"));
    assert!(!plan.provisions());
}

#[test]
fn a4_no_67_waits() {
    let plan = v4plan(&opt(150, &[192, 0, 2, 5]));
    let stop = plan.stop.unwrap();
    assert_eq!((stop.rule, stop.waits), ("A4", true));
}

#[test]
fn a5_v6_59_is_the_url() {
    let plan = v6plan(&v6opt(59, b"http://[2001:db8::1]/eos/startup-config"));
    assert_eq!(
        urls(&plan),
        [Some("http://[2001:db8::1]/eos/startup-config".into())]
    );
    assert!(logged(&plan, "A5", "v6-59"));
    let plan = v6plan(&[]);
    assert_eq!(plan.stop.unwrap().rule, "A5");
}

#[test]
fn a6_a7_file_kind_is_a_decision_naming_the_first_line() {
    let plan = v4plan(&opt(67, b"http://192.0.2.10/bootstrap"));
    let d = plan.decisions().find(|d| d.rule == "A6").unwrap();
    assert!(d.message.contains("A7") && d.message.contains("(choice"));
    assert!(matches!(&plan.steps[0], Step::Fetch(f) if f.role == Role::File));
}

fn redirect(uris: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    for u in uris {
        v.extend_from_slice(&(u.len() as u16).to_be_bytes());
        v.extend_from_slice(u.as_bytes());
    }
    v
}

#[test]
fn g12_sztp_beside_67_both_plans_shown() {
    let plan = v4plan(
        &[
            opt(67, b"http://192.0.2.10/bootstrap"),
            opt(
                143,
                &redirect(&["https://sztp.example.net", "https://192.0.2.7:9443"]),
            ),
        ]
        .concat(),
    );
    assert_eq!(plan.steps.len(), 3);
    let contacts: Vec<_> = plan
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Contact(c) => Some((c.service, c.host.clone(), c.port, c.order)),
            _ => None,
        })
        .collect();
    assert_eq!(
        contacts,
        [
            (
                Service::SztpBootstrap,
                "sztp.example.net".into(),
                Some(443),
                Order::Fallback
            ),
            (
                Service::SztpBootstrap,
                "192.0.2.7".into(),
                Some(9443),
                Order::Fallback
            ),
        ]
    );
    let d = plan.decisions().find(|d| d.rule == "G12").unwrap();
    assert!(d.message.contains("unverified"));
    // 143 alone: the contacts are the plan, no stop.
    let plan = v4plan(&opt(143, &redirect(&["https://sztp.example.net"])));
    assert!(plan.provisions());
    assert!(matches!(&plan.steps[0], Step::Contact(c) if c.order == Order::First));
    // An invalid redirect is logged.
    let plan = v4plan(&[opt(67, b"http://192.0.2.1/b"), opt(143, b"https://x")].concat());
    assert!(logged(&plan, "G12", "sztp-redirect-invalid"));
    // v6 136.
    let plan = v6plan(&v6opt(136, &redirect(&["https://[2001:db8::7]"])));
    assert!(plan.provisions());
}
