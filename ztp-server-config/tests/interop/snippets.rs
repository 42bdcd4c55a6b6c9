//! The snippets that fix a server (R35, [`snippet`]) and the server-side
//! pitfalls they fix (VENDORS.md "Known server-side pitfalls"), on the
//! real servers.
//!
//! Each snippet, placed into a minimal configuration (the lab's subnet and
//! nothing else: ISC statements at the top level, Kea's fragment as the
//! `Dhcp4`/`Dhcp6` object, dnsmasq lines), passes the server's own syntax
//! check and makes the server send exactly the bytes asked for. Each
//! pitfall is reproduced from the configuration that produces it in the
//! field; the reply's bytes are checked, the fix (the snippet of the bytes
//! that should have been sent) is run in the same lab, and last the
//! diagnosis (`ztp_explain::diagnose`) must name the pitfall.
//!
//! No tshark here (the bytes are compared directly): one lab per test,
//! each server run there once or twice, about a second each.

use std::sync::MutexGuard;

use ztp_options::Family;
use ztp_server_config::{OptionBytes, Snippet, snippet};

use super::*;

/// One lab, held alone (the interop cases run one at a time).
struct Bench {
    lab: Lab,
    server: Server,
    v6: bool,
    _one: MutexGuard<'static, ()>,
}

fn bench(server: Server, v6: bool) -> Bench {
    let one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Bench {
        lab: Lab::new(v6),
        server,
        v6,
        _one: one,
    }
}

impl Bench {
    /// Runs the server with `text` (see [`start_config`]), asks once
    /// (DISCOVER/REQUEST or SOLICIT/REQUEST; `prl`: another parameter
    /// request list, hex) and returns the ACK or REPLY.
    fn ask(&self, text: &str, prl: Option<&str>) -> Vec<u8> {
        let mut srv = start_config(&self.lab, self.server, text, self.v6);
        wait_ready(&self.lab, self.server, &mut srv);
        let reply_path = self.lab.path("reply.bin");
        let _ = fs::remove_file(&reply_path);
        let mut c = ns(&self.lab.cli, &[]);
        c.arg(std::env::current_exe().unwrap())
            .args(["client_helper", "--exact", "--ignored", "--nocapture"])
            .env(CLIENT_ENV, if self.v6 { "v6" } else { "v4" })
            .env("ZTP_INTEROP_OUT", &reply_path);
        if let Some(prl) = prl {
            c.env("ZTP_INTEROP_PRL", prl);
        }
        let mut client = Proc::spawn("client", c, &self.lab.path("client.log"));
        let status = client.wait(WAIT);
        let slog = fs::read_to_string(self.lab.path("server.log")).unwrap_or_default();
        let clog = fs::read_to_string(self.lab.path("client.log")).unwrap_or_default();
        assert!(
            status.success(),
            "{}: client failed:\n{clog}\nserver log:\n{slog}\nconfig:\n{text}",
            self.server
        );
        fs::read(&reply_path).unwrap()
    }

    /// [`Bench::ask`] with a snippet placed into a minimal configuration.
    fn ask_snippet(&self, s: &Snippet, prl: Option<&str>) -> Vec<u8> {
        let text = match s.server {
            Server::Kea4 => format!("{{\"Dhcp4\": {}}}", s.text),
            Server::Kea6 => format!("{{\"Dhcp6\": {}}}", s.text),
            _ => s.text.clone(),
        };
        self.ask(&text, prl)
    }
}

/// The reply's option, instances joined (v4, RFC 3396) or the first (v6).
fn option(reply: &[u8], family: Family, code: u16) -> Option<Vec<u8>> {
    match family {
        Family::V4 => v4_option(reply, OptionCode::new(u8::try_from(code).unwrap())),
        Family::V6 => v6_option(reply, v6::OptionCode::new(code)),
    }
}

/// The `code(2) len(2) value` items of a DHCPv6 option 17 value, sorted.
fn items_sorted(v: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let opts = v6::VendorOpts::new_checked(v).unwrap();
    let mut items: Vec<_> = opts
        .items()
        .map(|i| {
            let i = i.unwrap();
            (i.code.get(), i.value.to_vec())
        })
        .collect();
    items.sort();
    items
}

/// Every option of `send` is in the reply with exactly its bytes, but for
/// what the snippet's notes announce: dnsmasq's NUL after 66, a server's
/// order of the DHCPv6 suboptions (then the same items, each with its
/// bytes).
fn assert_sent(s: &Snippet, reply: &[u8], send: &[OptionBytes<'_>]) {
    for o in send {
        let got = option(reply, o.family(), o.code())
            .unwrap_or_else(|| panic!("{}: option {} not sent:\n{}", s.server, o.code(), s.text));
        let mut want = o.value().to_vec();
        if o.family() == Family::V4
            && o.code() == 66
            && s.notes.contains(&Note::TrailingNul { option: 66 })
        {
            want.push(0);
        }
        if o.family() == Family::V6 && o.code() == 17 && s.notes.contains(&Note::SuboptionOrder) {
            eprintln!("{}: option 17 sent as {}", s.server, hex(&got));
            assert_eq!(
                items_sorted(&got),
                items_sorted(&want),
                "{}: option 17",
                s.server
            );
            assert_eq!(got[..4], want[..4], "{}: enterprise", s.server);
        } else {
            assert_eq!(
                hex(&got),
                hex(&want),
                "{}: option {} bytes\n{}",
                s.server,
                o.code(),
                s.text
            );
        }
    }
}

/// The diagnoses of `reply` name `id` (ztp-explain, R35).
fn assert_diagnosis(reply: &[u8], family: Family, id: &str) -> ztp_explain::Diagnosis {
    let found = ztp_explain::diagnose(reply, family);
    let ids: Vec<&str> = found.iter().map(|d| d.id()).collect();
    found
        .iter()
        .find(|d| d.id() == id)
        .cloned()
        .unwrap_or_else(|| panic!("diagnose names {ids:?}, not {id}, for {}", hex(reply)))
}

/// The diagnosis's own fix for the bench's server, as `ztp explain`
/// prints it, placed into a minimal configuration: it passes the server's
/// syntax check (the lab runs it before starting) and the server sends
/// exactly the options the diagnosis says (`Diagnosis::sends`), even to a
/// client that asks for none of them (`prl`).
fn assert_fix_of(b: &Bench, reply: &[u8], family: Family, id: &str, prl: Option<&str>) {
    run_fix(b, &assert_diagnosis(reply, family, id), family, prl);
}

/// Runs `d`'s fix for the bench's server and checks the bytes sent.
fn run_fix(b: &Bench, d: &ztp_explain::Diagnosis, family: Family, prl: Option<&str>) {
    let id = d.id();
    let (_, text) = d
        .fixes()
        .iter()
        .find(|(s, _)| *s == b.server)
        .unwrap_or_else(|| panic!("{id}: no fix for {}", b.server));
    let config = match b.server {
        Server::Kea4 => format!("{{\"Dhcp4\": {text}}}"),
        Server::Kea6 => format!("{{\"Dhcp6\": {text}}}"),
        _ => text.clone(),
    };
    let fixed = b.ask(&config, prl);
    let sends: Vec<(u16, &[u8])> = d.sends().collect();
    assert!(!sends.is_empty(), "{id}: the fix sends nothing");
    for (code, value) in sends {
        let got = option(&fixed, family, code)
            .unwrap_or_else(|| panic!("{id} fix, {}: option {code} not sent:\n{text}", b.server));
        if family == Family::V6 && code == 17 {
            // dnsmasq sends the items in its own order (Note::SuboptionOrder).
            assert_eq!(
                items_sorted(&got),
                items_sorted(value),
                "{id} fix, {}",
                b.server
            );
            assert_eq!(got[..4], value[..4], "{id} fix, {}: enterprise", b.server);
        } else {
            assert_eq!(
                hex(&got),
                hex(value),
                "{id} fix, {}: option {code}",
                b.server
            );
        }
    }
}

/// A DHCPv4 ACK carrying `options`.
fn v4_ack(options: &[(u8, &[u8])]) -> Vec<u8> {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    for (code, value) in options {
        set.insert(OptionCode::new(*code), value.to_vec()).unwrap();
    }
    v4::MessageRepr::reply(set).to_vec()
}

/// A DHCPv6 REPLY carrying `options`.
fn v6_reply(options: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut set = v6::OptionSet::new();
    for (code, value) in options {
        set.push(v6::OptionCode::new(*code), value.clone());
    }
    v6::MessageRepr::reply(set).to_vec().unwrap()
}

/// RFC 8572 framing of one URI.
fn framed(uri: &[u8]) -> Vec<u8> {
    let mut v = u16::try_from(uri.len()).unwrap().to_be_bytes().to_vec();
    v.extend_from_slice(uri);
    v
}

/// Replies that show every DHCPv4 diagnosis with a fix (R35), as
/// ztp-explain's tests on bytes build them.
fn v4_cases() -> Vec<Vec<u8>> {
    let server: &[u8] = &[10, 99, 0, 1];
    let mut siaddr = v4_ack(&[(43, b"\x01\x07sw.conf")]);
    siaddr[20..24].copy_from_slice(server);
    vec![
        v4_ack(&[(150, server)]),                                   // D43-ABSENT
        v4_ack(&[(43, b""), (150, server)]),                        // P43-1
        v4_ack(&[(43, b"\x03\x04http"), (150, server)]),            // D43-NO-NAMES
        v4_ack(&[(43, b"\x01\x07sw.conf\xff"), (150, server)]),     // P43-2
        v4_ack(&[(43, b"\x01\x07sw.conf"), (66, b"tftp.example")]), // P66-1
        v4_ack(&[(43, b"\x01\x07sw.conf"), (150, b"10.99.0.1")]),   // P150
        siaddr,                                                     // D150-SIADDR
        v4_ack(&[(43, b"\x01\x07sw.conf")]),                        // D150-ABSENT
        v4_ack(&[(43, b"\x01\x0csw.conf:8080"), (150, server)]),    // D43-PORT-TFTP
        v4_ack(&[(67, b"sw.conf"), (150, server)]),                 // P67-1
        v4_ack(&[
            (43, b"\x01\x07sw.conf"),
            (150, server),
            (143, b"https://10.99.0.1:8443"),
        ]), // P143-1
        v4_ack(&[
            (43, b"\x01\x07sw.conf"),
            (150, server),
            (136, &framed(b"https://10.99.0.1")),
        ]), // P143-2
        v4_ack(&[
            (43, b"\x01\x07sw.conf"),
            (150, server),
            (143, &framed(b"https://10.99.0.1/x")),
        ]), // D143-PATH
        v4_ack(&[
            (43, b"\x01\x07sw.conf"),
            (150, server),
            (143, &framed(b"http://10.99.0.1")),
        ]), // D143-SCHEME
    ]
}

/// Replies that show every DHCPv6 diagnosis with a fix.
fn v6_cases() -> Vec<Vec<u8>> {
    let mut cisco = 9u32.to_be_bytes().to_vec();
    cisco.extend_from_slice(b"\x00\x01\x00\x03abc");
    let mut no_names = 2636u32.to_be_bytes().to_vec();
    no_names.extend_from_slice(b"\x00\x03\x00\x04http");
    vec![
        v6_reply(&[(17, cisco)]),                                   // D17-NO-2636
        v6_reply(&[(17, no_names)]),                                // D17-NO-NAMES
        v6_reply(&[(143, framed(b"https://[2001:db8::1]"))]),       // P143-2
        v6_reply(&[(136, b"https://[2001:db8::1]:8443".to_vec())]), // P143-1
    ]
}

// ---------------------------------------------------------------- bytes

/// Option 43: suboptions 00 (image) and 01 (configuration) and 03 (http).
fn opt43() -> Vec<u8> {
    let mut v = Vec::new();
    VendorInfo {
        image: Some("/img/junos-install-ex-x86-64-23.4R2.tgz".into()),
        config: Some("/cfg/ex4300.conf".into()),
        transfer_mode: Some(TransferMode::Http),
        ..VendorInfo::default()
    }
    .put_v4(&mut v)
    .unwrap();
    v
}

/// Option 150: two addresses.
const OPT150: [u8; 8] = [10, 99, 0, 1, 10, 99, 0, 3];

/// RFC 8572 framed bootstrap-server list (R31).
fn sztp(family: Family) -> Vec<u8> {
    "https://sztp.example.net, https://10.99.0.1:8443"
        .parse::<RedirectRepr>()
        .unwrap()
        .to_vec(family)
        .unwrap()
}

/// Option 17: enterprise 2636, suboptions 00, 01, 03.
fn opt17() -> Vec<u8> {
    let mut v = Vec::new();
    VendorInfo {
        image: Some("/img/junos-evo.tgz".into()),
        config: Some("/cfg/sw.conf".into()),
        transfer_mode: Some(TransferMode::Http),
        ..VendorInfo::default()
    }
    .put_v6(&mut v)
    .unwrap();
    v
}

const OPT59: &[u8] = b"http://[2001:db8::1]:8080/img/junos.tgz";

fn snippet_v4(server: Server) {
    require(&format!("r35_snippet_{server}_v4"));
    let (o43, o143) = (opt43(), sztp(Family::V4));
    let send = [
        OptionBytes::V4 {
            code: 43,
            value: &o43,
        },
        OptionBytes::V4 {
            code: 150,
            value: &OPT150,
        },
        OptionBytes::V4 {
            code: 66,
            value: b"10.99.0.1",
        },
        OptionBytes::V4 {
            code: 143,
            value: &o143,
        },
    ];
    let s = snippet(server, &send).unwrap();
    let b = bench(server, false);
    let reply = b.ask_snippet(&s, None);
    assert_sent(&s, &reply, &send);
}

fn snippet_v6(server: Server) {
    require(&format!("r35_snippet_{server}_v6"));
    let (o17, o136) = (opt17(), sztp(Family::V6));
    let send = [
        OptionBytes::V6 {
            code: 17,
            value: &o17,
        },
        OptionBytes::V6 {
            code: 59,
            value: OPT59,
        },
        OptionBytes::V6 {
            code: 136,
            value: &o136,
        },
    ];
    let s = snippet(server, &send).unwrap();
    let b = bench(server, true);
    let reply = b.ask_snippet(&s, None);
    assert_sent(&s, &reply, &send);
}

macro_rules! proof {
    ($name:ident, $f:ident, $server:expr) => {
        #[test]
        #[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
        fn $name() {
            $f($server);
        }
    };
}

// R35 (R1, R4, R3, R31): 43 raw with suboptions 00/01/03, 150 as a list,
// 66 as text, 143 as the framed list, each byte for byte.
proof!(r35_snippet_isc_v4_43_150_66_143, snippet_v4, Server::Isc);
proof!(r35_snippet_kea_v4_43_150_66_143, snippet_v4, Server::Kea4);
proof!(
    r35_snippet_dnsmasq_v4_43_150_66_143,
    snippet_v4,
    Server::Dnsmasq
);
// R35 (R8, R9, R31): 17 for enterprise 2636, 59, 136.
proof!(r35_snippet_isc6_17_59_136, snippet_v6, Server::Isc6);
proof!(r35_snippet_kea6_17_59_136, snippet_v6, Server::Kea6);
proof!(
    r35_snippet_dnsmasq_v6_17_59_136,
    snippet_v6,
    Server::Dnsmasq
);

// ---------------------------------------------------------------- pitfalls

/// Kea 2.2 with a raw `option-data` for 43 (`csv-format: false`) and no
/// `option-def` of 43: option 43 of the reply.
fn kea_raw_43(b: &Bench, data: &[u8]) -> (Vec<u8>, Option<Vec<u8>>) {
    let raw = serde_json::json!({ "Dhcp4": { "option-data": [
        { "code": 43, "csv-format": false, "data": hex(data) }
    ] } });
    let reply = b.ask(&raw.to_string(), None);
    let o43 = option(&reply, Family::V4, 43);
    (reply, o43)
}

/// P43-1: Kea 2.2, raw `option-data` for 43 and no `option-def`. What
/// Kea really does: it parses the data as suboptions of its last-resort
/// space (`vendor-encapsulated-options-space`, code 0 read as a pad, 255
/// as the end), keeps the items that parse up to the first that does not,
/// and sends those. A Juniper 43 starts with suboption 00 (the image):
/// the 00 is skipped as a pad, its length byte is read as a code, and
/// what follows rarely fits: 43 goes out with length 0.
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn p43_1_kea_raw_43_without_definition_is_sent_empty() {
    require("p43_1_kea_raw_43_without_definition_is_sent_empty");
    let b = bench(Server::Kea4, false);
    // 00 "junos.tgz", 01 "sw.conf": sent with length 0.
    let o43 = b"\x00\x09junos.tgz\x01\x07sw.conf";
    let (reply, sent) = kea_raw_43(&b, o43);
    assert_eq!(sent, Some(Vec::new()), "{}", hex(&reply));
    // The same without 00 (config only): sent intact.
    let (_, sent) = kea_raw_43(&b, b"\x01\x07sw.conf");
    assert_eq!(sent.as_deref(), Some(&b"\x01\x07sw.conf"[..]));
    // Where the skipped 00's length byte happens to start an item that
    // fits, 43 goes out mangled instead: here 00 27 <39 bytes> 01 10 ...
    // becomes 27 2f <47 bytes> (the value less its first byte, cut).
    let long = opt43();
    let (_, sent) = kea_raw_43(&b, &long);
    assert_eq!(sent.as_deref(), Some(&long[1..50]));
    // The fix: the snippet of the bytes that should have been sent.
    for value in [&o43[..], &long] {
        let send = [OptionBytes::V4 { code: 43, value }];
        let fix = snippet(Server::Kea4, &send).unwrap();
        assert_sent(&fix, &b.ask_snippet(&fix, None), &send);
    }
    assert_fix_of(&b, &reply, Family::V4, "P43-1", None);
}

/// P143-1: ISC `code 143 = text`: the bare URI, no length prefix.
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn p143_1_isc_text_143_is_a_bare_uri() {
    require("p143_1_isc_text_143_is_a_bare_uri");
    let b = bench(Server::Isc, false);
    let reply = b.ask(
        "option sztp code 143 = text;\noption sztp \"https://sztp.example.net\";\n",
        None,
    );
    assert_eq!(
        option(&reply, Family::V4, 143).as_deref(),
        Some(&b"https://sztp.example.net"[..]),
        "{}",
        hex(&reply)
    );
    let o143 = sztp(Family::V4);
    let send = [OptionBytes::V4 {
        code: 143,
        value: &o143,
    }];
    let fix = snippet(Server::Isc, &send).unwrap();
    assert_sent(&fix, &b.ask_snippet(&fix, None), &send);
    assert_fix_of(&b, &reply, Family::V4, "P143-1", None);
}

/// P43-2: dnsmasq 2.90 (Debian), `dhcp-option=vendor:,1,10.99.0.1` and
/// `vendor:Juniper` (the client's option 60 is `Juniper-ex4300-48t`): both
/// send 43 = `01 04 0a630001 ff`, the END byte inside 43 (and echo the
/// client's option 60 in the reply).
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn p43_2_dnsmasq_vendor_form_appends_end_byte() {
    require("p43_2_dnsmasq_vendor_form_appends_end_byte");
    let b = bench(Server::Dnsmasq, false);
    let mut replies = Vec::new();
    for form in ["vendor:", "vendor:Juniper"] {
        let reply = b.ask(&format!("dhcp-option={form},1,10.99.0.1\n"), None);
        assert_eq!(
            option(&reply, Family::V4, 43).map(|v| hex(&v)).as_deref(),
            Some("01040a630001ff"),
            "{form}: {}",
            hex(&reply)
        );
        assert_eq!(
            option(&reply, Family::V4, 60).as_deref(),
            Some(VENDOR_CLASS.as_bytes())
        );
        replies.push(reply);
    }
    // The fix: 43 as bytes, no END byte.
    let value = [1, 4, 10, 99, 0, 1];
    let send = [OptionBytes::V4 {
        code: 43,
        value: &value,
    }];
    let fix = snippet(Server::Dnsmasq, &send).unwrap();
    assert_sent(&fix, &b.ask_snippet(&fix, None), &send);
    for reply in &replies {
        assert_fix_of(&b, reply, Family::V4, "P43-2", None);
    }
}

/// A server that sends only requested options (Kea without `always-send`,
/// ISC dhcpd without a parameter request list of its own): a client whose
/// list (55) names neither 43 nor 150 gets neither (D43-ABSENT); the
/// snippet (`always-send`, or ISC's appended list) sends both.
fn only_requested(server: Server) {
    require(&format!("d43_absent_{server}_only_requested"));
    let o43 = opt43();
    let config = match server {
        Server::Kea4 => serde_json::json!({ "Dhcp4": {
            "option-def": [
                { "name": "vendor-encapsulated-options", "code": 43, "space": "dhcp4", "type": "binary" },
                { "name": "tftp-server-address", "code": 150, "space": "dhcp4",
                  "type": "ipv4-address", "array": true }
            ],
            "option-data": [
                { "code": 43, "space": "dhcp4", "csv-format": false, "data": hex(&o43) },
                { "code": 150, "space": "dhcp4", "data": "10.99.0.1, 10.99.0.3" }
            ]
        } })
        .to_string(),
        _ => format!(
            "option ztp-tftp-server-address code 150 = array of ip-address;\n\
             option vendor-encapsulated-options {};\n\
             option ztp-tftp-server-address 10.99.0.1, 10.99.0.3;\n",
            o43.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
        ),
    };
    let b = bench(server, false);
    // Subnet mask, router, DNS: no 43, no 150.
    let prl = Some("010306");
    let reply = b.ask(&config, prl);
    assert_eq!(option(&reply, Family::V4, 43), None, "{}", hex(&reply));
    assert_eq!(option(&reply, Family::V4, 150), None);
    // Asked for, both go out: the configuration was right but for that.
    let asked = b.ask(&config, None);
    assert_eq!(option(&asked, Family::V4, 43), Some(o43.clone()));
    let send = [
        OptionBytes::V4 {
            code: 43,
            value: &o43,
        },
        OptionBytes::V4 {
            code: 150,
            value: &OPT150,
        },
    ];
    let fix = snippet(server, &send).unwrap();
    assert_sent(&fix, &b.ask_snippet(&fix, prl), &send);
    assert_fix_of(&b, &reply, Family::V4, "D43-ABSENT", prl);
}

proof!(
    d43_absent_kea_without_always_send_only_requested,
    only_requested,
    Server::Kea4
);
proof!(d43_absent_isc_only_requested, only_requested, Server::Isc);

/// R35: the fix of every diagnosis that has one, as `ztp explain` prints
/// it, on the real server: it passes the syntax check and the server
/// sends exactly what the diagnosis says, to a client that asks for none
/// of it.
fn every_fix(server: Server, family: Family) {
    require(&format!("r35_every_fix_{server}_{family:?}"));
    let v6 = family == Family::V6;
    let b = bench(server, v6);
    let (cases, want): (Vec<Vec<u8>>, &[&str]) = if v6 {
        (
            v6_cases(),
            &["D17-NO-2636", "D17-NO-NAMES", "P143-1", "P143-2"],
        )
    } else {
        (
            v4_cases(),
            &[
                "D43-ABSENT",
                "P43-1",
                "D43-NO-NAMES",
                "P43-2",
                "P66-1",
                "P150",
                "D150-SIADDR",
                "D150-ABSENT",
                "D43-PORT-TFTP",
                "P67-1",
                "P143-1",
                "P143-2",
                "D143-PATH",
                "D143-SCHEME",
            ],
        )
    };
    // v4: the client asks for subnet mask, router and DNS only.
    let prl = (!v6).then_some("010306");
    let mut proved = Vec::new();
    for reply in &cases {
        for d in ztp_explain::diagnose(reply, family) {
            if d.sends().next().is_some() && !proved.contains(&d.id()) {
                run_fix(&b, &d, family, prl);
                proved.push(d.id());
            }
        }
    }
    for id in want {
        assert!(
            proved.contains(id),
            "{server}: no fix of {id} was proved ({proved:?})"
        );
    }
}

proof!(r35_every_fix_isc_v4, every_fix_v4, Server::Isc);
proof!(r35_every_fix_kea_v4, every_fix_v4, Server::Kea4);
proof!(r35_every_fix_dnsmasq_v4, every_fix_v4, Server::Dnsmasq);
proof!(r35_every_fix_isc6, every_fix_v6, Server::Isc6);
proof!(r35_every_fix_kea6, every_fix_v6, Server::Kea6);
proof!(r35_every_fix_dnsmasq_v6, every_fix_v6, Server::Dnsmasq);

fn every_fix_v4(server: Server) {
    every_fix(server, Family::V4);
}

fn every_fix_v6(server: Server) {
    every_fix(server, Family::V6);
}
