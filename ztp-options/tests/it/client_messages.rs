//! The client's messages (`ztp_options::client`): what each vendor's switch
//! sends (G1..G5, SPEC R6) reads back as its identity; REQUEST and RELEASE
//! follow RFC 2131 §4.3.2 / §4.4.6 and RFC 8415 §18.2; relayed forms follow
//! RFC 3046 and RFC 8415 §19.1.1.

use std::net::{Ipv4Addr, Ipv6Addr};

use ztp_options::client::{
    ClientProblem, PLAIN_ORO, PLAIN_PRL, V4_MIN_LEN, V4Client, V4Kind, V4Relay, V6Client, V6Kind,
    V6Relay,
};
use ztp_options::v4::{self, OptionCode};
use ztp_options::v6;
use ztp_options::vendor::{Identity, IdentityRepr, Phase, Vendor};
use ztp_options::{EncodeErrorKind, EncodeItem, Family};

const MAC: [u8; 6] = [0x00, 0x00, 0x5e, 0x00, 0x53, 0x01];
const XID: u32 = 0x5a7e_0001;
const TID: [u8; 3] = [0xab, 0xcd, 0xef];

fn juniper() -> IdentityRepr {
    IdentityRepr::new(Vendor::Juniper)
        .with_model("qfx5120-48y")
        .with_serial("WS3718440123")
        .with_version("23.4R2")
}

/// One DHCPv4 identity per vendor a request names.
fn v4_identities() -> Vec<IdentityRepr> {
    vec![
        juniper(),
        IdentityRepr::new(Vendor::Juniper).with_model("ex4300-48t"),
        IdentityRepr::new(Vendor::Arista)
            .with_model("DCS-7050S-64")
            .with_version("4.31.1F")
            .with_serial("JPE12345678"),
        IdentityRepr::new(Vendor::CiscoIosXe)
            .with_model("C9200CX-8P-2X2G")
            .with_serial("FOC2418L0XX"),
        IdentityRepr::new(Vendor::CiscoNxos).with_serial("SAL12345678"),
        IdentityRepr::new(Vendor::CiscoIosXr)
            .with_model("NCS-5508")
            .with_serial("FOC1234ABCD")
            .with_phase(Phase::ExrConfig),
        IdentityRepr::new(Vendor::Sonic)
            .with_model("Accton-AS7712-32X")
            .with_serial("771232X1234"),
        IdentityRepr::new(Vendor::Cumulus).with_detail_arch("x86_64"),
        IdentityRepr::new(Vendor::DellOs9)
            .with_model("Z9000")
            .with_serial("CN0123")
            .with_version("9.14"),
    ]
}

/// One DHCPv6 identity per vendor with DHCPv6 ZTP a request names; the
/// DUID-LL ones carry the client's MAC, as they read back.
fn v6_identities() -> Vec<IdentityRepr> {
    vec![
        juniper().with_mac(MAC),
        IdentityRepr::new(Vendor::Arista)
            .with_model("DCS-7050S-64")
            .with_version("4.31.1F")
            .with_serial("JPE12345678")
            .with_mac(MAC),
        IdentityRepr::new(Vendor::CiscoNxos).with_mac(MAC),
        IdentityRepr::new(Vendor::CiscoIosXr)
            .with_model("NCS-5508")
            .with_serial("FOC1234ABCD"),
        IdentityRepr::new(Vendor::Sonic).with_mac(MAC),
        IdentityRepr::new(Vendor::Nvos)
            .with_model("MSN2700")
            .with_serial("MT1234X56789")
            .with_mac(MAC),
    ]
}

fn v4_opt(bytes: &[u8], code: OptionCode) -> Option<Vec<u8>> {
    let msg = v4::Message::new_checked(bytes).unwrap();
    msg.option(code).unwrap().map(|o| o.value.into_owned())
}

fn v6_opts(msg: &v6::Message<'_>, code: v6::OptionCode) -> Vec<Vec<u8>> {
    msg.instances(code)
        .map(|o| o.unwrap().value.to_vec())
        .collect()
}

fn codes_v4(bytes: &[u8]) -> Vec<u8> {
    let msg = v4::Message::new_checked(bytes).unwrap();
    msg.options().map(|o| o.unwrap().code.get()).collect()
}

fn codes_v6(msg: &v6::Message<'_>) -> Vec<u16> {
    msg.options().map(|o| o.unwrap().code.get()).collect()
}

// ------------------------------------------------------------------- v4

#[test]
fn g1_every_vendor_discover_reads_back_as_its_identity() {
    for id in v4_identities() {
        let mut c = V4Client::new(V4Kind::Discover, XID, MAC).with_identity(id.clone());
        c.broadcast = true;
        let bytes = c.to_vec().unwrap();
        let msg = v4::Message::new_checked(&bytes[..]).unwrap();
        assert_eq!(msg.op(), 1, "{id:?}");
        assert_eq!((msg.htype(), msg.hlen(), msg.hops()), (1, 6, 0));
        assert_eq!(msg.xid(), XID);
        assert_eq!(msg.flags(), 0x8000);
        assert_eq!(msg.client_hw_addr().unwrap(), MAC);
        assert_eq!(msg.ciaddr(), Ipv4Addr::UNSPECIFIED);
        assert_eq!(v4_opt(&bytes, OptionCode::MESSAGE_TYPE), Some(vec![1]));
        assert_eq!(
            v4_opt(&bytes, OptionCode::PARAMETER_REQUEST_LIST).as_deref(),
            Some(id.parameter_request_list())
        );
        assert_eq!(Identity::from_v4(&bytes).unwrap().to_repr(), Some(id));
        assert!(bytes.len() >= V4_MIN_LEN);
        // The owned form reads back to the same bytes.
        let repr = v4::MessageRepr::parse(&msg).unwrap();
        assert_eq!(repr, c.to_repr().unwrap());
    }
}

#[test]
fn r6_juniper_discover_carries_60_61_77() {
    let bytes = V4Client::new(V4Kind::Discover, XID, MAC)
        .with_identity(juniper())
        .to_vec()
        .unwrap();
    assert_eq!(
        v4_opt(&bytes, OptionCode::VENDOR_CLASS).unwrap(),
        b"Juniper-qfx5120-48y-WS3718440123"
    );
    assert_eq!(
        v4_opt(&bytes, OptionCode::CLIENT_IDENTIFIER).unwrap(),
        b"\0WS3718440123"
    );
    assert_eq!(
        v4_opt(&bytes, OptionCode::USER_CLASS).unwrap(),
        b"\x07Juniper\x0bqfx5120-48y\x0623.4R2"
    );
    assert_eq!(codes_v4(&bytes), [53, 61, 60, 77, 55]);
}

/// RFC 2131 figure 1 and §3.1, byte by byte: a broadcast Juniper DISCOVER
/// with 57 = 1500.
#[test]
fn r6_juniper_discover_exact_bytes() {
    let mut c = V4Client::new(V4Kind::Discover, XID, MAC).with_identity(juniper());
    c.broadcast = true;
    c.max_message_size = Some(1500);
    let bytes = c.to_vec().unwrap();
    let golden: Vec<String> = vec![
        String::from("01 01 06 00"), // op BOOTREQUEST, htype Ethernet, hlen 6, hops 0
        String::from("5a 7e 00 01"), // xid
        String::from("00 00 80 00"), // secs 0, flags: broadcast
        String::from(&"00 ".repeat(16)), // ciaddr, yiaddr, siaddr, giaddr
        String::from("00 00 5e 00 53 01"), // chaddr: the MAC ...
        String::from(&"00 ".repeat(10)), // ... padded to 16
        String::from(&"00 ".repeat(64 + 128)), // sname, file
        String::from("63 82 53 63"), // magic cookie
        String::from("35 01 01"),    // 53 DISCOVER
        String::from("3d 0d 00"),    // 61, 13 bytes, type 0 (G4) ...
        String::from(&hex(b"WS3718440123")), // ... the serial
        String::from("3c 20"),       // 60, 32 bytes
        String::from(&hex(b"Juniper-qfx5120-48y-WS3718440123")),
        String::from("4d 1b 07"), // 77, 27 bytes: RFC 3004 items
        String::from(&hex(b"Juniper")),
        String::from("0b"),
        String::from(&hex(b"qfx5120-48y")),
        String::from("06"),
        String::from(&hex(b"23.4R2")),
        String::from("37 0b 01 03 06 0f 2b 42 96 07 2a 0c 8f"), // 55
        String::from("39 02 05 dc"),                            // 57: 1500
        String::from("ff"),                                     // end
    ];
    let golden: Vec<u8> = golden
        .join(" ")
        .split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect();
    assert_eq!(golden.len(), 339); // over 300: no padding
    assert_eq!(bytes, golden);
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02x} ")).collect()
}

#[test]
fn g1_plain_client_asks_for_the_plain_list_and_names_no_vendor() {
    let bytes = V4Client::new(V4Kind::Discover, XID, MAC).to_vec().unwrap();
    assert_eq!(codes_v4(&bytes), [53, 55]);
    assert_eq!(
        v4_opt(&bytes, OptionCode::PARAMETER_REQUEST_LIST).unwrap(),
        PLAIN_PRL
    );
    assert_eq!(bytes.len(), V4_MIN_LEN);
    assert_eq!(Identity::from_v4(&bytes).unwrap().to_repr(), None);
    let msg = v4::Message::new_checked(&bytes[..]).unwrap();
    assert_eq!(msg.flags(), 0);
}

#[test]
fn rfc2131_request_selecting_carries_50_and_54() {
    let requested = Ipv4Addr::new(192, 0, 2, 100);
    let server = Ipv4Addr::new(192, 0, 2, 1);
    let id = juniper();
    let bytes = V4Client::new(V4Kind::Request { requested, server }, XID, MAC)
        .with_identity(id.clone())
        .to_vec()
        .unwrap();
    let msg = v4::Message::new_checked(&bytes[..]).unwrap();
    assert_eq!(msg.ciaddr(), Ipv4Addr::UNSPECIFIED);
    assert_eq!(msg.xid(), XID);
    assert_eq!(v4_opt(&bytes, OptionCode::MESSAGE_TYPE), Some(vec![3]));
    assert_eq!(
        v4_opt(&bytes, OptionCode::REQUESTED_ADDRESS),
        Some(requested.octets().to_vec())
    );
    assert_eq!(
        v4_opt(&bytes, OptionCode::SERVER_IDENTIFIER),
        Some(server.octets().to_vec())
    );
    assert_eq!(Identity::from_v4(&bytes).unwrap().to_repr(), Some(id));
}

#[test]
fn rfc2131_release_sets_ciaddr_and_54_only() {
    let client = Ipv4Addr::new(192, 0, 2, 100);
    let server = Ipv4Addr::new(192, 0, 2, 1);
    let mut c =
        V4Client::new(V4Kind::Release { client, server }, XID, MAC).with_identity(juniper());
    c.broadcast = true;
    c.max_message_size = Some(1500);
    let bytes = c.to_vec().unwrap();
    let msg = v4::Message::new_checked(&bytes[..]).unwrap();
    assert_eq!(msg.ciaddr(), client);
    assert_eq!(msg.flags(), 0, "a RELEASE is unicast");
    // Table 5: 54 MUST, 61 MAY, 50/55/57/60 MUST NOT.
    assert_eq!(codes_v4(&bytes), [53, 54, 61]);
    assert_eq!(v4_opt(&bytes, OptionCode::MESSAGE_TYPE), Some(vec![7]));
}

#[test]
fn rfc3046_relay_sets_giaddr_hops_and_82_last() {
    let giaddr = Ipv4Addr::new(192, 0, 2, 254);
    let relay = V4Relay::new(giaddr)
        .with_circuit_id(b"ge-0/0/1.0")
        .with_remote_id(b"\x00\x00\x5e\x00\x53\xfe");
    let id = juniper();
    let bytes = V4Client::new(V4Kind::Discover, XID, MAC)
        .with_identity(id.clone())
        .with_relay(relay)
        .to_vec()
        .unwrap();
    let msg = v4::Message::new_checked(&bytes[..]).unwrap();
    assert_eq!(msg.giaddr(), giaddr);
    assert_eq!(msg.hops(), 1);
    assert_eq!(codes_v4(&bytes).last(), Some(&82));
    let mut want = vec![1, 10];
    want.extend_from_slice(b"ge-0/0/1.0");
    want.extend_from_slice(&[2, 6, 0x00, 0x00, 0x5e, 0x00, 0x53, 0xfe]);
    assert_eq!(v4_opt(&bytes, OptionCode::new(82)), Some(want));
    assert_eq!(Identity::from_v4(&bytes).unwrap().to_repr(), Some(id));
    // A relay with no sub-option writes no 82.
    let bytes = V4Client::new(V4Kind::Discover, XID, MAC)
        .with_relay(V4Relay::new(giaddr))
        .to_vec()
        .unwrap();
    assert_eq!(v4_opt(&bytes, OptionCode::new(82)), None);
}

#[test]
fn rfc2131_impossible_v4_values_are_typed_errors() {
    let kind = |e: ztp_options::EncodeError| e.kind();
    let client = |problem| EncodeErrorKind::Client { problem };
    let zero = Ipv4Addr::UNSPECIFIED;
    let one = Ipv4Addr::new(192, 0, 2, 1);
    let req = V4Client::new(
        V4Kind::Request {
            requested: zero,
            server: one,
        },
        XID,
        MAC,
    );
    let err = req.to_vec().unwrap_err();
    assert_eq!(err.item(), EncodeItem::option(Family::V4, 50));
    assert_eq!(kind(err), client(ClientProblem::UnspecifiedAddress));
    let rel = V4Client::new(
        V4Kind::Release {
            client: zero,
            server: one,
        },
        XID,
        MAC,
    );
    assert_eq!(
        rel.to_vec().map_err(kind),
        Err(client(ClientProblem::UnspecifiedAddress))
    );
    let mut small = V4Client::new(V4Kind::Discover, XID, MAC);
    small.max_message_size = Some(575);
    assert_eq!(
        small.to_vec().map_err(kind),
        Err(client(ClientProblem::MaxMessageSizeTooSmall))
    );
    let relayed = |relay| V4Client::new(V4Kind::Discover, XID, MAC).with_relay(relay);
    assert_eq!(
        relayed(V4Relay::new(zero)).to_vec().map_err(kind),
        Err(client(ClientProblem::UnspecifiedAddress))
    );
    let err = relayed(V4Relay::new(one).with_circuit_id(b""))
        .to_vec()
        .unwrap_err();
    assert_eq!(err.item(), EncodeItem::option(Family::V4, 82).suboption(1));
    assert_eq!(kind(err), client(ClientProblem::Empty));
    let long = relayed(
        V4Relay::new(one)
            .with_circuit_id(&[1; 200])
            .with_remote_id(&[2; 60]),
    );
    assert_eq!(
        long.to_vec().map_err(kind),
        Err(EncodeErrorKind::TooLong { len: 264, max: 255 })
    );
    // An identity's own error comes through (DHCPv4 has no MAC option).
    let with_mac = V4Client::new(V4Kind::Discover, XID, MAC).with_identity(juniper().with_mac(MAC));
    assert!(matches!(
        with_mac.to_vec().map_err(kind),
        Err(EncodeErrorKind::Identity { .. })
    ));
    assert!(matches!(
        V4Client::new(V4Kind::Discover, XID, MAC)
            .with_identity(IdentityRepr::new(Vendor::Nvos))
            .to_vec()
            .map_err(kind),
        Err(EncodeErrorKind::NotInFamily)
    ));
}

// ------------------------------------------------------------------- v6

#[test]
fn g1_every_vendor_solicit_reads_back_as_its_identity() {
    for id in v6_identities() {
        let mut c = V6Client::new(V6Kind::Solicit, TID, MAC).with_identity(id.clone());
        c.iaid = 0x0102_0304;
        let bytes = c.to_vec().unwrap();
        let msg = v6::Message::new_checked(&bytes).unwrap();
        assert_eq!(msg.msg_type(), v6::MessageType::SOLICIT, "{id:?}");
        assert_eq!(msg.transaction_id(), Some(TID));
        assert_eq!(v6_opts(&msg, v6::OptionCode::CLIENT_ID).len(), 1);
        assert_eq!(v6_opts(&msg, v6::OptionCode::ELAPSED_TIME), [vec![0, 0]]);
        assert_eq!(
            v6_opts(&msg, v6::OptionCode::IA_NA),
            [vec![1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0]]
        );
        let oro: Vec<u8> = id
            .option_request()
            .iter()
            .flat_map(|c| c.to_be_bytes())
            .collect();
        assert_eq!(v6_opts(&msg, v6::OptionCode::ORO), [oro]);
        assert_eq!(Identity::from_v6(&bytes).unwrap().to_repr(), Some(id));
        assert_eq!(v6::MessageRepr::parse(&msg).unwrap(), c.to_repr().unwrap());
    }
}

#[test]
fn cr2_iosxr_solicit_uses_its_duid_en_and_others_the_clients_duid_ll() {
    let xr = IdentityRepr::new(Vendor::CiscoIosXr)
        .with_model("NCS-5508")
        .with_serial("FOC1234ABCD");
    let bytes = V6Client::new(V6Kind::Solicit, TID, MAC)
        .with_identity(xr)
        .to_vec()
        .unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(
        v6_opts(&msg, v6::OptionCode::CLIENT_ID),
        [b"\x00\x02\x00\x00\x00\x09FOC1234ABCD\x00".to_vec()]
    );
    // No MAC in the identity: the client's DUID-LL, read back as its MAC.
    let bytes = V6Client::new(V6Kind::Solicit, TID, MAC)
        .with_identity(IdentityRepr::new(Vendor::CiscoNxos))
        .to_vec()
        .unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(
        v6_opts(&msg, v6::OptionCode::CLIENT_ID),
        [vec![0, 3, 0, 1, 0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]]
    );
    assert_eq!(
        Identity::from_v6(&bytes).unwrap().to_repr(),
        Some(IdentityRepr::new(Vendor::CiscoNxos).with_mac(MAC))
    );
}

#[test]
fn r6_juniper_solicit_carries_15_16_and_its_oro() {
    let bytes = V6Client::new(V6Kind::Solicit, TID, MAC)
        .with_identity(juniper())
        .to_vec()
        .unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(codes_v6(&msg), [1, 8, 3, 15, 16, 6]);
    let mut vc = 2636u32.to_be_bytes().to_vec();
    vc.extend_from_slice(&[0, 32]);
    vc.extend_from_slice(b"Juniper-qfx5120-48y-WS3718440123");
    assert_eq!(v6_opts(&msg, v6::OptionCode::VENDOR_CLASS), [vc]);
}

#[test]
fn rfc8415_plain_solicit_asks_for_the_plain_oro() {
    let bytes = V6Client::new(V6Kind::Solicit, TID, MAC).to_vec().unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(codes_v6(&msg), [1, 8, 3, 6]);
    let oro: Vec<u8> = PLAIN_ORO.iter().flat_map(|c| c.to_be_bytes()).collect();
    assert_eq!(v6_opts(&msg, v6::OptionCode::ORO), [oro]);
    assert_eq!(Identity::from_v6(&bytes).unwrap().to_repr(), None);
}

#[test]
fn rfc8415_request_and_release_carry_the_server_id_and_ia_na() {
    let server_id = vec![0, 1, 0, 1, 0x2a, 0x2b, 0x2c, 0x2d, 2, 0, 0, 0, 0, 2];
    let mut ia_na = vec![0, 0, 0, 1, 0, 0, 0x0e, 0x10, 0, 0, 0x15, 0x18];
    ia_na.extend_from_slice(&[0, 5, 0, 24]); // IA_ADDR
    ia_na.extend_from_slice(&Ipv6Addr::new(0x2001, 0xdb8, 0, 1, 0, 0, 0, 0x100).octets());
    ia_na.extend_from_slice(&[0, 0, 0x1c, 0x20, 0, 0, 0x1d, 0x4c]);
    let id = juniper().with_mac(MAC);
    let request = V6Client::new(
        V6Kind::Request {
            server_id: server_id.clone(),
            ia_na: ia_na.clone(),
        },
        TID,
        MAC,
    )
    .with_identity(id.clone());
    let bytes = request.to_vec().unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(msg.msg_type(), v6::MessageType::REQUEST);
    assert_eq!(codes_v6(&msg), [1, 2, 8, 3, 15, 16, 6]);
    assert_eq!(
        v6_opts(&msg, v6::OptionCode::SERVER_ID),
        std::slice::from_ref(&server_id)
    );
    assert_eq!(v6_opts(&msg, v6::OptionCode::IA_NA), [ia_na.clone()]);
    assert_eq!(
        Identity::from_v6(&bytes).unwrap().to_repr(),
        Some(id.clone())
    );
    let release = V6Client::new(
        V6Kind::Release {
            server_id: server_id.clone(),
            ia_na: ia_na.clone(),
        },
        TID,
        MAC,
    )
    .with_identity(id);
    let bytes = release.to_vec().unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(msg.msg_type(), v6::MessageType::RELEASE);
    // §18.2.7: client id, server id, elapsed time, the IA; nothing else.
    assert_eq!(codes_v6(&msg), [1, 2, 8, 3]);
    assert_eq!(
        v6_opts(&msg, v6::OptionCode::CLIENT_ID),
        [vec![0, 3, 0, 1, 0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]]
    );
}

#[test]
fn rfc8415_relay_forw_wraps_the_solicit_intact() {
    let link = Ipv6Addr::new(0x2001, 0xdb8, 0, 1, 0, 0, 0, 1);
    let peer = Ipv6Addr::new(0xfe80, 0, 0, 0, 0x200, 0x5eff, 0xfe00, 0x5301);
    let id = juniper().with_mac(MAC);
    let plain = V6Client::new(V6Kind::Solicit, TID, MAC).with_identity(id.clone());
    let mut relay = V6Relay::new(link, peer).with_interface_id(b"ge-0/0/1.0");
    relay.hop_count = 2;
    let relayed = plain.clone().with_relay(relay);
    let bytes = relayed.to_vec().unwrap();
    let msg = v6::Message::new_checked(&bytes).unwrap();
    assert_eq!(msg.msg_type(), v6::MessageType::RELAY_FORW);
    let h = msg.relay_header().unwrap();
    assert_eq!(
        (h.hop_count, h.link_address, h.peer_address),
        (2, link, peer)
    );
    assert_eq!(codes_v6(&msg), [18, 9]);
    assert_eq!(
        v6_opts(&msg, v6::OptionCode::INTERFACE_ID),
        [b"ge-0/0/1.0".to_vec()]
    );
    let inner = msg.relay_message().unwrap().unwrap();
    assert_eq!(inner.as_bytes(), plain.to_vec().unwrap());
    let lease = v6::Lease::parse(&bytes).unwrap();
    assert_eq!(lease.relay_depth(), 1);
    assert_eq!(lease.message_type(), v6::MessageType::SOLICIT);
    assert_eq!(lease.transaction_id(), Some(TID));
    assert_eq!(Identity::from_v6(&bytes).unwrap().to_repr(), Some(id));
}

#[test]
fn rfc8415_impossible_v6_values_are_typed_errors() {
    let kind = |e: ztp_options::EncodeError| e.kind();
    let client = |problem| EncodeErrorKind::Client { problem };
    let ia = vec![0; 12];
    let request = |server_id: Vec<u8>, ia_na: Vec<u8>| {
        V6Client::new(V6Kind::Request { server_id, ia_na }, TID, MAC)
    };
    let err = request(vec![], ia.clone()).to_vec().unwrap_err();
    assert_eq!(err.item(), EncodeItem::option(Family::V6, 2));
    assert_eq!(kind(err), client(ClientProblem::Empty));
    assert_eq!(
        request(vec![0; 131], ia.clone()).to_vec().map_err(kind),
        Err(EncodeErrorKind::TooLong { len: 131, max: 130 })
    );
    assert_eq!(
        request(vec![1], vec![0; 11]).to_vec().map_err(kind),
        Err(client(ClientProblem::ShortIaNa))
    );
    let relayed = |relay| V6Client::new(V6Kind::Solicit, TID, MAC).with_relay(relay);
    let link = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
    assert_eq!(
        relayed(V6Relay::new(link, Ipv6Addr::UNSPECIFIED))
            .to_vec()
            .map_err(kind),
        Err(client(ClientProblem::UnspecifiedAddress))
    );
    assert_eq!(
        relayed(V6Relay::new(link, link).with_interface_id(b""))
            .to_vec()
            .map_err(kind),
        Err(client(ClientProblem::Empty))
    );
    // IOS-XE's ZTP is DHCPv4 only.
    assert!(matches!(
        V6Client::new(V6Kind::Solicit, TID, MAC)
            .with_identity(IdentityRepr::new(Vendor::CiscoIosXe).with_model("C9300"))
            .to_vec()
            .map_err(kind),
        Err(EncodeErrorKind::NotInFamily)
    ));
    // The error reads as a sentence.
    let err = request(vec![1], vec![0; 11]).to_vec().unwrap_err();
    assert!(err.to_string().contains("shorter than 12 bytes"), "{err}");
}

#[cfg(feature = "serde")]
#[test]
fn clients_round_trip_through_serde() {
    let c = V4Client::new(V4Kind::Discover, XID, MAC)
        .with_identity(juniper())
        .with_relay(V4Relay::new(Ipv4Addr::new(192, 0, 2, 254)).with_circuit_id(b"x"));
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<V4Client>(&json).unwrap(), c);
    let c = V6Client::new(V6Kind::Solicit, TID, MAC).with_identity(juniper());
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<V6Client>(&json).unwrap(), c);
}
