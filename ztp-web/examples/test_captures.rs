//! Writes the captures the browser test drops on the page: `fleet.pcap`
//! (one client per vendor, with retries, a v6 exchange and a reply that
//! cannot proceed, with its diagnosis) and, with `--large N`, `large.pcap`
//! (N clients, each DISCOVER, OFFER, REQUEST, ACK: about 1.5 KB per
//! client, so 100,000 clients make a capture of about 151 MB), and the
//! hex the test pastes: `v4-ack.hex`, `v6-reply.hex` (the samples) and
//! `v4-ack-frame.hex` (the v4 ACK in a whole Ethernet frame).
//!
//! Usage: `cargo run -p ztp-web --example test_captures -- DIR [--large N]`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write as _;

use ztp_options::samples;
use ztp_options::v4::{MessageRepr, OptionCode, OptionSet};
use ztp_options::vendor::{IdentityRepr, Vendor};
use ztp_testkit::capture_writer::{
    Direction, pcap, pcap_header, push_record, udp_frame, with_client,
};

/// A v4 message with this op and message type, and these options.
fn message(op: u8, kind: u8, options: &[(u8, &[u8])], identity: Option<&IdentityRepr>) -> Vec<u8> {
    let mut set = match identity {
        Some(id) => id.to_v4_options().unwrap(),
        None => OptionSet::new(),
    };
    set.insert(OptionCode::MESSAGE_TYPE, vec![kind]).unwrap();
    for (code, value) in options {
        set.insert(OptionCode::new(*code), value.to_vec()).unwrap();
    }
    let mut m = MessageRepr::reply(set).to_vec();
    m[0] = op;
    m
}

fn mac(i: u32) -> [u8; 6] {
    let b = i.to_be_bytes();
    [2, 0, b[0], b[1], b[2], b[3]]
}

/// One client's v4 exchange: DISCOVER (sent `tries` times), OFFER,
/// REQUEST, ACK, all with the reply's options.
fn exchange(
    identity: Option<&IdentityRepr>,
    reply: &[(u8, &[u8])],
    client: u32,
    tries: usize,
) -> Vec<(Vec<u8>, Direction)> {
    let (m, xid) = (mac(client), 0x1000 + client);
    let request = [(55u8, &[1u8, 3, 6, 43, 66, 67, 150][..])];
    let mut out = Vec::new();
    for _ in 0..tries {
        out.push((
            with_client(&message(1, 1, &request, identity), m, xid),
            Direction::V4Request,
        ));
    }
    out.push((
        with_client(&message(2, 2, reply, None), m, xid),
        Direction::V4Reply,
    ));
    out.push((
        with_client(&message(1, 3, &request, identity), m, xid),
        Direction::V4Request,
    ));
    out.push((
        with_client(&message(2, 5, reply, None), m, xid),
        Direction::V4Reply,
    ));
    out
}

fn fleet() -> Vec<u8> {
    let arista = IdentityRepr::new(Vendor::Arista)
        .with_model("DCS-7050S-64")
        .with_version("4.30.1F")
        .with_serial("JPE12345678");
    let sonic = IdentityRepr::new(Vendor::Sonic)
        .with_model("7712-32X-O-AC-F")
        .with_serial("771232X1941045");
    let iosxe = IdentityRepr::new(Vendor::CiscoIosXe).with_model("C9200CX-8P-2X2G");
    let juniper = IdentityRepr::new(Vendor::Juniper)
        .with_model("ex4300-48t")
        .with_serial("PE3714100218");
    let mut messages = Vec::new();
    messages.extend(exchange(
        Some(&arista),
        &[(67, b"http://10.0.0.9/bootstrap")],
        1,
        1,
    ));
    messages.extend(exchange(
        Some(&sonic),
        &[(67, b"http://10.0.0.9/ztp.json")],
        2,
        3,
    ));
    messages.extend(exchange(
        Some(&iosxe),
        &[(43, b"5A1N;B2;K4;I10.0.0.9;J80")],
        3,
        1,
    ));
    messages.extend(exchange(
        Some(&juniper),
        &[(43, b"\x01\x07sw.conf\x03\x04http"), (150, &[10, 0, 0, 9])],
        4,
        2,
    ));
    // A Juniper switch given option 67 where it reads option 43: it
    // cannot proceed, and the diagnosis says how to fix each server.
    messages.extend(exchange(
        Some(&juniper),
        &[(67, b"junos.tgz"), (66, b"10.0.0.9")],
        5,
        1,
    ));
    // The sample ACK, and a v6 exchange ending in the sample REPLY (its
    // SOLICIT, ADVERTISE and REQUEST are the REPLY with another message
    // type: same transaction and client).
    messages.push((samples::V4_ACK.to_vec(), Direction::V4Reply));
    for (kind, direction) in [
        (1u8, Direction::V6Request),
        (2, Direction::V6Reply),
        (3, Direction::V6Request),
        (7, Direction::V6Reply),
    ] {
        let mut m = samples::V6_REPLY.to_vec();
        m[0] = kind;
        messages.push((m, direction));
    }
    let borrowed: Vec<(&[u8], Direction)> =
        messages.iter().map(|(m, d)| (m.as_slice(), *d)).collect();
    pcap(&borrowed)
}

/// `clients` clients, each DISCOVER, OFFER, REQUEST, ACK of the sample
/// ACK's options, written as they are made.
fn large(out: &mut impl std::io::Write, clients: u32) -> std::io::Result<()> {
    out.write_all(&pcap_header())?;
    let discover = message(1, 1, &[(55, &[1, 3, 6, 43, 150])], None);
    let request = message(1, 3, &[(55, &[1, 3, 6, 43, 150])], None);
    let mut offer = samples::V4_ACK.to_vec();
    let ack = samples::V4_ACK.to_vec();
    // The sample's option 53 is the first option too.
    assert_eq!(&offer[240..242], &[53, 1]);
    offer[242] = 2;
    let mut record = Vec::with_capacity(2048);
    let mut frame_no = 0u32;
    for c in 0..clients {
        let (m, xid) = (mac(c), 0x10_0000 + c);
        for (msg, dir) in [
            (&discover, Direction::V4Request),
            (&offer, Direction::V4Reply),
            (&request, Direction::V4Request),
            (&ack, Direction::V4Reply),
        ] {
            record.clear();
            push_record(
                &mut record,
                1_714_564_800 + frame_no / 1000,
                (frame_no % 1000) * 1000,
                &udp_frame(&with_client(msg, m, xid), dir),
            );
            out.write_all(&record)?;
            frame_no += 1;
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: test_captures DIR [--large CLIENTS]");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("fleet.pcap"), fleet())?;
    std::fs::write(dir.join("v4-ack.hex"), hex(samples::V4_ACK))?;
    std::fs::write(dir.join("v6-reply.hex"), hex(samples::V6_REPLY))?;
    std::fs::write(
        dir.join("v4-ack-frame.hex"),
        hex(&udp_frame(samples::V4_ACK, Direction::V4Reply)),
    )?;
    if let (Some(flag), Some(n)) = (args.get(1), args.get(2))
        && flag == "--large"
    {
        let n: u32 = n.parse().expect("--large takes a number of clients");
        let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("large.pcap"))?);
        large(&mut f, n)?;
        f.flush()?;
    }
    Ok(())
}
