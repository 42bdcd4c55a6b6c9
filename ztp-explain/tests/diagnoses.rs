#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! R35: each diagnosis on the bytes that cause it, with its fix: the
//! options a fixed server sends, and a snippet per server that sends them
//! (ztp-server-config's snippets are proved on the real servers by its
//! interop tests).

use ztp_explain::{Diagnosis, Filters, Origin, diagnose, explain};
use ztp_options::{Family, v4, v6};

/// A DHCPv4 ACK carrying `options` (code, value), in order.
fn ack(options: &[(u8, &[u8])]) -> Vec<u8> {
    let mut set = v4::OptionSet::new();
    set.insert(v4::OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    for (code, value) in options {
        set.insert(v4::OptionCode::new(*code), value.to_vec())
            .unwrap();
    }
    v4::MessageRepr::reply(set).to_vec()
}

fn ids(d: &[Diagnosis]) -> Vec<&'static str> {
    d.iter().map(Diagnosis::id).collect()
}

fn find<'d>(d: &'d [Diagnosis], id: &str) -> &'d Diagnosis {
    d.iter()
        .find(|x| x.id() == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(d)))
}

/// The fix sends `code` with exactly `value`, and every server of the
/// family has a snippet (none refused).
fn sends(d: &Diagnosis, code: u16, value: &[u8]) {
    let got: Vec<(u16, &[u8])> = d.sends().collect();
    assert!(
        got.contains(&(code, value)),
        "{}: sends {got:?}, not {code} {value:?}",
        d.id()
    );
    assert_eq!(d.fixes().len(), 3, "{}", d.id());
    for (server, snippet) in d.fixes() {
        assert!(
            !snippet.contains("cannot send it"),
            "{} {server}: {snippet}",
            d.id()
        );
    }
}

const SERVER: &[u8] = &[192, 0, 2, 10];

#[test]
fn r35_a_good_reply_has_no_diagnosis() {
    assert!(diagnose(ztp_options::samples::V4_ACK, Family::V4).is_empty());
    assert!(diagnose(ztp_options::samples::V6_REPLY, Family::V6).is_empty());
}

#[test]
fn r35_no_43_an_empty_43_and_a_43_without_names_are_three_diagnoses() {
    let absent = diagnose(&ack(&[(150, SERVER)]), Family::V4);
    assert_eq!(ids(&absent), ["D43-ABSENT"]);
    // P43-1: Kea's raw 43 with no definition goes out with length 0.
    let empty = diagnose(&ack(&[(43, b""), (150, SERVER)]), Family::V4);
    assert_eq!(ids(&empty), ["P43-1"]);
    assert!(empty[0].message().contains("length 0"));
    let unnamed = diagnose(&ack(&[(43, b"\x03\x04http"), (150, SERVER)]), Family::V4);
    assert_eq!(ids(&unnamed), ["D43-NO-NAMES"]);
    for d in [&absent[0], &empty[0], &unnamed[0]] {
        assert!(d.sends().any(|(code, _)| code == 43), "{}", d.id());
        assert_eq!(d.fixes().len(), 3);
    }
    // The transfer mode the operator sent is kept in the fix.
    assert!(
        unnamed[0]
            .sends()
            .any(|(_, v)| v.windows(6).any(|w| w == b"\x03\x04http"))
    );
}

#[test]
fn r35_an_option_code_put_inside_43_is_named() {
    // An operator put "option 150" inside 43 as suboption 150.
    let d = diagnose(&ack(&[(43, b"\x96\x04\xc0\x00\x02\x0a")]), Family::V4);
    let d = find(&d, "D43-NO-NAMES");
    assert!(d.message().contains("inside option 43"), "{}", d.message());
    // The fix does not carry suboption 150 again.
    assert!(d.sends().all(|(_, v)| !v.contains(&0x96)));
}

#[test]
fn p43_2_an_end_byte_inside_43_is_named_and_the_fix_drops_it() {
    // dnsmasq's `dhcp-option=vendor:,1,<ip>` form (VENDORS.md P43-2).
    let d = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf\xff"), (150, SERVER)]),
        Family::V4,
    );
    assert_eq!(ids(&d), ["P43-2"]);
    sends(&d[0], 43, b"\x01\x07sw.conf");
}

#[test]
fn r35_another_vendors_43_is_shown_as_bytes_with_the_likely_layout() {
    // Cisco PnP (VENDORS.md CP2) and an access-point controller address.
    let pnp = diagnose(
        &ack(&[(43, b"5A1N;B2;K4;I192.0.2.9;J80"), (150, SERVER)]),
        Family::V4,
    );
    let d = find(&pnp, "D43-LAYOUT");
    assert!(
        d.message().contains("Cisco Plug and Play"),
        "{}",
        d.message()
    );
    assert!(d.message().contains("5A1N;B2;K4;I192.0.2.9;J80"));
    let ap = diagnose(
        &ack(&[(43, b"\x01\x04\xc0\xa8\x00\x03"), (150, SERVER)]),
        Family::V4,
    );
    let d = find(&ap, "D43-LAYOUT");
    assert!(d.message().contains("0x0104c0a80003"), "{}", d.message());
    assert!(d.message().contains("access-point controller"));
}

#[test]
fn p66_1_a_name_in_66_without_150() {
    let d = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (66, b"tftp.example.net")]),
        Family::V4,
    );
    assert_eq!(ids(&d), ["P66-1"]);
    assert!(d[0].message().contains("tftp.example.net"));
    sends(&d[0], 150, &[192, 0, 2, 1]);
    // An address literal in 66 is fine (R3).
    let ok = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (66, b"192.0.2.10")]),
        Family::V4,
    );
    assert!(ok.is_empty(), "{:?}", ids(&ok));
}

#[test]
fn p150_text_or_a_length_that_is_not_a_multiple_of_4() {
    // ISC `code 150 = text` sends the address as text: the fix sends it as
    // an address.
    let text = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (150, b"192.0.2.10")]),
        Family::V4,
    );
    let d = find(&text, "P150");
    assert!(d.message().contains("text"), "{}", d.message());
    sends(d, 150, SERVER);
    let odd = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (150, &[192, 0, 2, 10, 1])]),
        Family::V4,
    );
    let d = find(&odd, "P150");
    assert!(d.message().contains("5 bytes"), "{}", d.message());
}

#[test]
fn r33_a_file_server_only_in_siaddr() {
    let mut reply = ack(&[(43, b"\x01\x07sw.conf")]);
    reply[20..24].copy_from_slice(SERVER); // siaddr
    let d = diagnose(&reply, Family::V4);
    assert_eq!(ids(&d), ["D150-SIADDR"]);
    sends(&d[0], 150, SERVER);
}

#[test]
fn r33_p67_1_option_67_or_file_instead_of_43() {
    let d = diagnose(&ack(&[(67, b"switch.conf"), (150, SERVER)]), Family::V4);
    // No 43 at all, and the name is in 67: both said.
    assert_eq!(ids(&d), ["D43-ABSENT", "P67-1"]);
    sends(&d[1], 43, b"\x01\x0bswitch.conf");
    let image = diagnose(&ack(&[(67, b"junos.tgz"), (150, SERVER)]), Family::V4);
    sends(find(&image, "P67-1"), 43, b"\x00\x09junos.tgz");
    // The BOOTP file field (ISC's `filename`).
    let mut reply = ack(&[(150, SERVER)]);
    reply[108..119].copy_from_slice(b"switch.conf");
    let d = diagnose(&reply, Family::V4);
    assert!(find(&d, "P67-1").message().contains("BOOTP file field"));
    // Beside a good 43, 67 is only said (no fix).
    let beside = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (67, b"pxelinux.0"), (150, SERVER)]),
        Family::V4,
    );
    let d = find(&beside, "P67-1");
    assert!(d.fixes().is_empty());
}

#[test]
fn r19_r35_a_url_as_a_name_and_a_port_that_tftp_ignores() {
    let url = diagnose(
        &ack(&[
            (43, b"\x01\x1dhttp://192.0.2.10/sw.conf:8080"),
            (150, SERVER),
        ]),
        Family::V4,
    );
    assert!(ids(&url).contains(&"D43-URL-NAME"), "{:?}", ids(&url));
    let port = diagnose(
        &ack(&[(43, b"\x01\x0csw.conf:8080"), (150, SERVER)]),
        Family::V4,
    );
    let d = find(&port, "D43-PORT-TFTP");
    sends(d, 43, b"\x01\x0csw.conf:8080\x03\x04http");
}

/// RFC 8572 framing of one URI.
fn framed(uri: &[u8]) -> Vec<u8> {
    let mut v = u16::try_from(uri.len()).unwrap().to_be_bytes().to_vec();
    v.extend_from_slice(uri);
    v
}

#[test]
fn r31_p143_1_a_bare_uri_from_an_isc_text_definition() {
    let uri = b"https://bootstrap.example.net:8443";
    let d = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (150, SERVER), (143, uri)]),
        Family::V4,
    );
    let d = find(&d, "P143-1");
    assert!(d.message().contains("no length prefix"), "{}", d.message());
    sends(d, 143, &framed(uri));
    // The fix for ISC defines the option as bytes, not text.
    let isc = &d
        .fixes()
        .iter()
        .find(|(s, _)| s.as_str() == "isc")
        .unwrap()
        .1;
    assert!(!isc.contains("= text"), "{isc}");
}

#[test]
fn r31_p143_2_swapped_codes_and_a_4_byte_143() {
    let list = framed(b"https://192.0.2.40");
    let v4_136 = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (150, SERVER), (136, &list)]),
        Family::V4,
    );
    sends(find(&v4_136, "P143-2"), 143, &list);
    let ftp = diagnose(
        &ack(&[(43, b"\x01\x07sw.conf"), (150, SERVER), (143, SERVER)]),
        Family::V4,
    );
    assert!(find(&ftp, "D143-FTP").message().contains("192.0.2.10"));
}

/// A DHCPv6 REPLY with these options.
fn reply(options: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut set = v6::OptionSet::new();
    for (code, value) in options {
        set.push(v6::OptionCode::new(*code), value.clone());
    }
    v6::MessageRepr::reply(set).to_vec().unwrap()
}

#[test]
fn r8_r35_v6_option_17_without_2636_or_without_names() {
    let mut cisco = 9u32.to_be_bytes().to_vec();
    cisco.extend_from_slice(b"\x00\x01\x00\x03abc");
    let url = b"tftp://[2001:db8::1]/junos.tgz".to_vec();
    let d = diagnose(&reply(&[(17, cisco), (59, url.clone())]), Family::V6);
    let d = find(&d, "D17-NO-2636");
    assert!(d.message().contains("enterprise 9"), "{}", d.message());
    assert!(
        d.sends()
            .any(|(c, v)| c == 17 && v.starts_with(&2636u32.to_be_bytes()))
    );
    let mut no_names = 2636u32.to_be_bytes().to_vec();
    no_names.extend_from_slice(b"\x00\x03\x00\x04http");
    let d = diagnose(&reply(&[(17, no_names)]), Family::V6);
    assert_eq!(ids(&d), ["D17-NO-NAMES"]);
    // v6 option 143 holding a URI list: the DHCPv4 code (P143-2).
    let list = framed(b"https://[2001:db8::40]");
    let d = diagnose(&reply(&[(143, list.clone())]), Family::V6);
    sends(find(&d, "P143-2"), 136, &list);
}

#[test]
fn r35_the_explanation_shows_the_diagnoses_and_their_fixes() {
    let bytes = ack(&[(43, b""), (150, SERVER)]);
    let mut text = String::new();
    let mut json = Vec::new();
    explain(
        &bytes,
        Family::V4,
        Origin::default(),
        &Filters::default(),
        &mut |r| {
            text = r.text("");
            r.json_line(&mut json);
        },
    );
    assert!(
        text.contains("  diagnoses\n    [P43-1] option 43 is present with length 0"),
        "{text}"
    );
    assert!(text.contains("      fix for kea:"), "{text}");
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["diagnoses"][0]["id"], "P43-1");
    assert!(
        v["diagnoses"][0]["fixes"]["dnsmasq"]
            .as_str()
            .unwrap()
            .contains("dhcp-option-force=43,")
    );
}

#[test]
fn r32_a_valid_redirect_beside_a_verdict_that_cannot_proceed() {
    let list = framed(b"https://192.0.2.40");
    let bytes = ack(&[(143, &list)]);
    for secure in [false, true] {
        let mut filters = Filters::default();
        filters.secure_ztp = secure;
        let mut seen = None;
        explain(&bytes, Family::V4, Origin::default(), &filters, &mut |r| {
            seen = Some((r.text(""), r.exit_code(), r.sztp_provisions()));
        });
        let (text, code, provisions) = seen.unwrap();
        assert!(text.contains("ZTP cannot proceed"), "{text}");
        assert!(
            text.contains("a device with secure ZTP follows the redirect to https://192.0.2.40"),
            "{text}"
        );
        assert!(provisions);
        assert_eq!(code, u8::from(!secure));
    }
}

#[test]
fn r31_a_path_another_scheme_and_long_names_are_named() {
    let base: [(u8, &[u8]); 2] = [(43, b"\x01\x07sw.conf"), (150, SERVER)];
    let with = |list: &[u8]| {
        let mut o = base.to_vec();
        o.push((143, list));
        diagnose(&ack(&o), Family::V4)
    };
    // A path: the fix sends the URI without it.
    let d = with(&framed(b"https://sztp.example.net:8443/restconf"));
    sends(
        find(&d, "D143-PATH"),
        143,
        &framed(b"https://sztp.example.net:8443"),
    );
    // http: the fix sends https; bootz is another protocol: no fix.
    let d = with(&framed(b"http://192.0.2.40"));
    sends(find(&d, "D143-SCHEME"), 143, &framed(b"https://192.0.2.40"));
    let d = with(&framed(b"bootz://192.0.2.40"));
    let d = find(&d, "D143-SCHEME");
    assert!(d.message().contains("bootz"), "{}", d.message());
    assert!(d.fixes().is_empty());
    // A label over 63 octets, a name over 253.
    let label = format!("https://{}.example.net", "a".repeat(64));
    let d = with(&framed(label.as_bytes()));
    assert!(find(&d, "D143-LABEL").message().contains("64 octets"));
    let name = format!("https://{}", vec!["b".repeat(60); 5].join("."));
    let d = with(&framed(name.as_bytes()));
    assert!(find(&d, "D143-NAME").message().contains("304 octets"));
}

#[test]
fn p43_1_kea_re_reads_raw_43_without_a_definition() {
    // What Kea 2.2 sent in the interop lab for `00 27 /img/...` with no
    // option-def: code 00 dropped as padding, the old length read as a code.
    let name = b"/img/junos-install-ex-x86-64-23.4R2.tgz";
    let mut value = vec![u8::try_from(name.len()).unwrap()];
    value.extend_from_slice(name);
    value.extend_from_slice(b"\x01\x07sw");
    let d = diagnose(&ack(&[(43, &value), (150, SERVER)]), Family::V4);
    assert_eq!(ids(&d), ["P43-1"]);
    // dnsmasq's vendor: form with a binary address in suboption 01, as
    // the real dnsmasq 2.90 sent it: the end byte is named.
    let d = diagnose(
        &ack(&[(43, b"\x01\x04\x0a\x63\x00\x01\xff"), (150, SERVER)]),
        Family::V4,
    );
    assert!(ids(&d).contains(&"P43-2"), "{:?}", ids(&d));
    assert!(ids(&d).contains(&"D43-LAYOUT"), "{:?}", ids(&d));
}

#[test]
fn r13_no_file_server_at_all_is_its_own_diagnosis() {
    let d = diagnose(&ack(&[(43, b"\x01\x07sw.conf")]), Family::V4);
    assert_eq!(ids(&d), ["D150-ABSENT"]);
    sends(&d[0], 150, &[192, 0, 2, 1]);
}

#[test]
fn h2_a_password_in_a_vendors_url_is_not_shown() {
    // Huawei's 66 with credentials (H2): the plan's URL carries them; the
    // explanation hides the password.
    let bytes = ack(&[
        (67, b"conf.cfg"),
        (66, b"sftp://admin:s3cret@192.0.2.9"),
        (51, &7200u32.to_be_bytes()),
    ]);
    let mut filters = Filters::default();
    filters.vendor = Some(ztp_options::vendor::Vendor::HuaweiVrp);
    let mut text = String::new();
    let mut json = Vec::new();
    explain(&bytes, Family::V4, Origin::default(), &filters, &mut |r| {
        text = r.text("");
        r.json_line(&mut json);
    });
    let json = String::from_utf8(json).unwrap();
    assert!(text.contains("admin:***@192.0.2.9"), "{text}");
    assert!(
        !text.contains("s3cret") && !json.contains("s3cret"),
        "{text}\n{json}"
    );
}
