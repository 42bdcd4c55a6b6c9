//! `exchange::step`: the captures' exchanges, message by message, named as
//! the summary names their clients.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use ztp_explain::exchange::{Sender, step};
use ztp_explain::{Filters, Origin, Summary, pcap};

fn steps(capture: &[u8]) -> Vec<(String, String, Sender)> {
    let mut out = Vec::new();
    pcap::stream(capture, |m| {
        let s = step(m.payload, m.family).unwrap();
        out.push((s.client, s.message, s.sender));
    })
    .unwrap();
    out
}

#[test]
fn v4_exchange_in_order_with_the_summary_client() {
    let capture = include_bytes!("data/dnsmasq-2.90-v4-ztp-good.pcap");
    let steps = steps(capture);
    let names: Vec<&str> = steps.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(names, ["DISCOVER", "OFFER", "REQUEST", "ACK"]);
    let senders: Vec<Sender> = steps.iter().map(|s| s.2).collect();
    assert_eq!(
        senders,
        [Sender::Client, Sender::Reply, Sender::Client, Sender::Reply]
    );
    let mut summary = Summary::default();
    pcap::stream(&capture[..], |m| {
        summary.add(m.payload, m.family, Origin::default(), &Filters::default())
    })
    .unwrap();
    let mut json = Vec::new();
    summary.write_json(&mut json).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let client = json["per_client"][0]["client"].as_str().unwrap();
    assert!(steps.iter().all(|s| s.0 == client), "{client} {steps:?}");
}

#[test]
fn v6_exchange_in_order() {
    let steps = steps(include_bytes!("data/dnsmasq-2.90-v6-ztp.pcap"));
    let names: Vec<&str> = steps.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(names, ["SOLICIT", "ADVERTISE", "REQUEST", "REPLY"]);
    assert!(steps.iter().all(|s| s.0.starts_with("duid ")), "{steps:?}");
}

#[test]
fn too_short_is_none() {
    assert!(step(&[2, 1, 6, 0], ztp_options::Family::V4).is_none());
    assert!(step(&[], ztp_options::Family::V6).is_none());
}
