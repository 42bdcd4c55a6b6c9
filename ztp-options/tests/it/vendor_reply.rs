//! RA1..RA3: which vendor a reply is for, from the reply alone (VENDORS.md
//! "Telling vendors apart from a reply alone"), one test per family of
//! clues, on bytes built from the table.

use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
use ztp_options::vendor::{Confidence, Vendor, guess_v4, guess_v6};
use ztp_options::{samples, v6};

fn reply(options: &[(u8, &[u8])]) -> Vec<u8> {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    for (code, value) in options {
        set.insert(OptionCode::new(*code), value.to_vec()).unwrap();
    }
    MessageRepr::reply(set).to_vec()
}

fn guess(options: &[(u8, &[u8])]) -> (Vendor, Confidence, Vec<Vendor>) {
    let bytes = reply(options);
    let g = guess_v4(&Lease::parse(&bytes).unwrap());
    let candidates = g.candidates().iter().map(|(v, _)| *v).collect();
    (g.vendor(), g.confidence(), candidates)
}

#[test]
fn ra1_a_certain_clue_decides() {
    // CP2: a PnP string; and the same without separators (P43-4).
    assert_eq!(
        guess(&[(43, b"5A1N;B2;K4;I172.19.45.222;J80")]).0,
        Vendor::CiscoPnp
    );
    let (v, c, _) = guess(&[(43, b"5A1DB2B3K4I72.16.1.10J80")]);
    assert_eq!((v, c), (Vendor::CiscoPnp, Confidence::Certain));
    // CN4: code(1) len(2) items, 1 version, 2 an https URL.
    let mut cn4 = vec![1, 0, 1, 1, 2, 0, 26];
    cn4.extend_from_slice(b"https://192.0.2.9/poap.py");
    cn4.push(b'x');
    assert_eq!(guess(&[(43, &cn4)]).0, Vendor::CiscoNxos);
    // CR6, E2, H7, CR5, H8, CX6.
    assert_eq!(guess(&[(43, b"\x01\x0aexr-config")]).0, Vendor::CiscoIosXr);
    assert_eq!(
        guess(&[(43, b"\x64\x04\xc0\xa8\x01\x65\x65\x0aconfig.xsf")]),
        (
            Vendor::ExtremeExos,
            Confidence::Certain,
            vec![Vendor::ExtremeExos]
        )
    );
    assert_eq!(
        guess(&[(43, b"\x01\x0eURL=http://a/;")]).0,
        Vendor::HuaweiVrp
    );
    assert_eq!(
        guess(&[(67, b"-k https://192.0.2.9/ztp.sh")]).0,
        Vendor::CiscoIosXr
    );
    assert_eq!(
        guess(&[(148, b"agilemode=agile-cloud;agilemanage-mode=ip;")]).0,
        Vendor::HuaweiVrp
    );
    let mut cx6 = vec![0, 0, 0, 9, 9, 5, 7];
    cx6.extend_from_slice(b"network");
    assert_eq!(guess(&[(125, &cx6)]).0, Vendor::CiscoIosXe);
}

#[test]
fn ra1_likely_and_ambiguous_clues_list_the_candidates() {
    // 239 without 67: Cumulus or SONiC, listed both.
    let (_, c, list) = guess(&[(239, b"http://192.0.2.9/ztp.sh")]);
    assert_eq!(c, Confidence::Ambiguous);
    assert_eq!(list, [Vendor::Cumulus, Vendor::Sonic]);
    // 239 with 67: SONiC (S2), likely.
    let (v, c, _) = guess(&[(239, b"http://a/s.sh"), (67, b"http://a/ztp.json")]);
    assert_eq!((v, c), (Vendor::Sonic, Confidence::Likely));
    assert_eq!(guess(&[(240, b"http://a/ztd.sh")]).0, Vendor::DellOs10);
    assert_eq!(guess(&[(209, b"cfg.txt")]).0, Vendor::DellOs9);
    assert_eq!(guess(&[(43, b"\x90\x08sw.conf!")]).0, Vendor::ArubaAosCx);
    // .py with no 66/150: IOS-XE, SR Linux or Arista.
    let (_, c, list) = guess(&[(67, b"http://a/ztp.py")]);
    assert_eq!(c, Confidence::Ambiguous);
    assert_eq!(
        list,
        [Vendor::CiscoIosXe, Vendor::NokiaSrLinux, Vendor::Arista]
    );
    assert_eq!(
        guess(&[(67, b"conf.ini"), (66, b"sftp://u:p@192.0.2.9")]).0,
        Vendor::HuaweiVrp
    );
    // A 4-byte 143: Huawei auto-config's FTP server (H7).
    assert_eq!(guess(&[(143, &[192, 0, 2, 9])]).0, Vendor::HuaweiVrp);
}

#[test]
fn ra1_a_clue_rules_a_vendor_out() {
    // CN2: a lease under an hour is not NX-OS POAP.
    let long = 7200u32.to_be_bytes();
    let short = 600u32.to_be_bytes();
    let (_, _, list) = guess(&[(67, b"poap.py"), (150, &[192, 0, 2, 9]), (51, &long)]);
    assert!(list.contains(&Vendor::CiscoNxos), "{list:?}");
    let (_, _, list) = guess(&[(67, b"poap.py"), (150, &[192, 0, 2, 9]), (51, &short)]);
    assert!(!list.contains(&Vendor::CiscoNxos), "{list:?}");
}

#[test]
fn ra1_a_reply_whose_only_fitting_vendor_is_juniper_is_juniper() {
    let g = guess_v4(&Lease::parse(samples::V4_ACK).unwrap());
    assert_eq!(g.vendor(), Vendor::Juniper);
    assert_eq!(g.candidates().len(), 1);
    // No clue at all: Juniper, as before this layer.
    assert_eq!(guess(&[(150, &[192, 0, 2, 9])]).0, Vendor::Juniper);
    let g6 = guess_v6(&v6::Lease::parse(samples::V6_REPLY).unwrap());
    assert_eq!(
        (g6.vendor(), g6.confidence()),
        (Vendor::Juniper, Confidence::Certain)
    );
}

#[test]
fn ra1_an_access_point_controller_address_is_not_a_switch() {
    let bytes = reply(&[(43, &[1, 4, 192, 168, 0, 3])]);
    let g = guess_v4(&Lease::parse(&bytes).unwrap());
    assert!(g.clues.iter().any(|c| c.vendor.is_none()));
}

#[test]
fn ra3_the_replys_own_60_is_a_clue_not_proof() {
    // AR5: a CSV 43 is Aruba Central only with the reply's 60.
    let csv: &[u8] = b"group1,central.example.net,secret";
    assert_eq!(
        guess(&[(43, csv), (60, b"ArubaInstantAP")]).0,
        Vendor::ArubaAosCx
    );
    assert_ne!(guess(&[(43, csv)]).0, Vendor::ArubaAosCx);
}
