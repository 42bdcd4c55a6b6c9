//! Replays every committed fuzz corpus file (`fuzz/corpus/<target>/*`,
//! seeds and fixed crash inputs) through the same checks the fuzz targets
//! run (`ztp_testkit::checks`), on stable Rust, so `cargo test --workspace`
//! covers them.
//!
//! The seeds are written from the test vectors by the ignored test
//! `write_seeds`: `cargo test -p ztp-testkit --test fuzz_corpus_replay --
//! --ignored write_seeds`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use ztp_options::samples::{V4_ACK, V6_REPLY};
use ztp_options::{v4, v6};
use ztp_testkit::{captures, checks};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus")
}

#[test]
fn every_corpus_file_passes_its_target() {
    let mut total = 0;
    for (target, check) in checks::TARGETS {
        let dir = corpus_dir().join(target);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no corpus for {target}");
        for file in files {
            let data = fs::read(&file).unwrap();
            let name = file.display().to_string();
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                panic!("{target}: {name} fails");
            }
            total += 1;
        }
    }
    // Every target has its corpus directory and no other directory exists.
    let dirs = fs::read_dir(corpus_dir()).unwrap().count();
    assert_eq!(dirs, checks::TARGETS.len());
    assert!(total >= checks::TARGETS.len());
}

/// The v6 differential really compares: the sample REPLY, a relayed one and
/// the vendored dnsmasq v6 capture's messages are compared with dhcproto;
/// a short option 16 (on which dhcproto 0.15 overflows) is not handed to it.
#[test]
fn v6_dhcproto_differential_compares_real_messages() {
    assert!(checks::v6_dhcproto_compare(V6_REPLY));
    let captured = udp_payloads(captures::DNSMASQ_V6);
    assert!(!captured.is_empty());
    let compared = captured
        .iter()
        .filter(|m| checks::v6_dhcproto_compare(m))
        .count();
    assert!(compared > 0, "none of {} compared", captured.len());
    // A 1-byte option 16, then option 8: dhcproto 0.15 computes `len - 4`
    // and panics in a debug build ("attempt to subtract with overflow").
    let mut short16 = V6_REPLY.to_vec();
    short16.extend_from_slice(&[0, 16, 0, 1, 0, 0, 8, 0, 2, 0, 0]);
    assert!(!checks::v6_dhcproto_compare(&short16));
}

// ------------------------------------------------------------ seed writer

/// The bytes a link header of `link_type` takes before the IP header.
fn link_header_len(link_type: u32) -> usize {
    match link_type {
        1 => 14,
        113 => 16,
        276 => 20,
        _ => 0,
    }
}

/// The UDP payload of one IP/UDP frame (its link header already cut).
fn udp_payload(ip: &[u8]) -> Option<Vec<u8>> {
    let udp = match ip.first()? >> 4 {
        4 => ip.get(usize::from(ip[0] & 0x0f) * 4..)?,
        6 => ip.get(40..)?,
        _ => return None,
    };
    udp.get(8..).map(<[u8]>::to_vec)
}

/// The UDP payloads of a capture of IP/UDP frames: a libpcap file (the
/// vendored server captures) or a pcapng file, little-endian.
fn udp_payloads(pcap: &[u8]) -> Vec<Vec<u8>> {
    if pcap.starts_with(&[0xd4, 0xc3, 0xb2, 0xa1]) {
        let u32_at = |at: usize| u32::from_le_bytes(pcap[at..at + 4].try_into().unwrap());
        let link = link_header_len(u32_at(20));
        let mut out = Vec::new();
        let mut at = 24;
        while at + 16 <= pcap.len() {
            let caplen = u32_at(at + 8) as usize;
            let frame = &pcap[at + 16..at + 16 + caplen];
            out.extend(frame.get(link..).and_then(udp_payload));
            at += 16 + caplen;
        }
        return out;
    }
    pcapng_udp_payloads(pcap)
}

/// The UDP payloads of a pcapng file (little-endian) of IP/UDP frames.
fn pcapng_udp_payloads(pcap: &[u8]) -> Vec<Vec<u8>> {
    let u32_at = |at: usize| u32::from_le_bytes(pcap[at..at + 4].try_into().unwrap()) as usize;
    let mut out = Vec::new();
    let mut link_header = 14;
    let mut at = 0;
    while at + 12 <= pcap.len() {
        let (kind, len) = (u32_at(at), u32_at(at + 4));
        let body = &pcap[at + 8..at + len - 4];
        at += len;
        match kind {
            // Interface description: the link type.
            1 => {
                link_header = match u16::from_le_bytes([body[0], body[1]]) {
                    1 => 14,
                    113 => 16,
                    276 => 20,
                    _ => 0,
                };
            }
            // Enhanced packet.
            6 => {
                let caplen = u32::from_le_bytes(body[12..16].try_into().unwrap()) as usize;
                let ip = &body[20 + link_header..20 + caplen];
                let udp = match ip[0] >> 4 {
                    4 => &ip[usize::from(ip[0] & 0x0f) * 4..],
                    6 => &ip[40..],
                    _ => continue,
                };
                out.push(udp[8..].to_vec());
            }
            _ => {}
        }
    }
    out
}

/// A BOOTREPLY header, empty `sname`/`file`, the cookie, then `options` as
/// given, byte for byte: the seeds need what the encoder never writes
/// (non-adjacent RFC 3396 instances, overload).
fn v4_reply(options: &[u8]) -> Vec<u8> {
    let mut m = ztp_options::v4::MessageRepr::reply(ztp_options::v4::OptionSet::new()).to_vec();
    m.truncate(240);
    m.extend_from_slice(options);
    m
}

/// DHCPv6 `code(2) len(2) value`.
fn v6opt(code: u16, value: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    ztp_options::v6::put_option(ztp_options::v6::OptionCode::new(code), value, &mut v).unwrap();
    v
}

fn opt(code: u8, value: &[u8]) -> Vec<u8> {
    let mut v = vec![code, u8::try_from(value.len()).unwrap()];
    v.extend_from_slice(value);
    v
}

/// The option 43 of a DHCPv4 message.
fn option43(msg: &[u8]) -> Vec<u8> {
    let lease = ztp_options::v4::Lease::parse(msg).unwrap();
    lease.option43().unwrap().unwrap().as_bytes().to_vec()
}

/// The option 17 and 59 values of a DHCPv6 message.
fn v6_values(msg: &[u8], code: u16) -> Vec<Vec<u8>> {
    let msg = ztp_options::v6::Message::new_checked(msg).unwrap();
    let msg = msg.innermost().unwrap();
    msg.instances(ztp_options::v6::OptionCode::new(code))
        .map(|o| o.unwrap().value.to_vec())
        .collect()
}

fn relay(inner: &[u8]) -> Vec<u8> {
    let mut m = vec![13, 0];
    m.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    m.extend_from_slice(&[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    m.extend_from_slice(&v6opt(9, inner));
    m
}

fn xorshift(seed: u64, len: usize) -> Vec<u8> {
    let mut s = seed | 1;
    (0..len)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 32) as u8
        })
        .collect()
}

fn seeds() -> Vec<(&'static str, Vec<Vec<u8>>)> {
    // The vendored captures of real servers (testkit/captures/README.md).
    let mut v4_captured = udp_payloads(captures::DNSMASQ_V4_MISCONFIGURED);
    v4_captured.extend(udp_payloads(captures::DNSMASQ_V4_GOOD));
    let v6_captured = udp_payloads(captures::DNSMASQ_V6);

    // DHCPv4 messages: the sample ACK, the dnsmasq exchange, an option 43
    // split in three instances (RFC 3396, non-adjacent too), and options
    // overloaded into file and sname (option 52 = 3).
    let o43 = option43(V4_ACK);
    let mut v4 = vec![V4_ACK.to_vec()];
    v4.extend(v4_captured.iter().cloned());
    let (a, rest) = o43.split_at(10);
    let (b, c) = rest.split_at(10);
    v4.push(v4_reply(
        &[
            opt(43, a),
            opt(43, b),
            opt(53, &[5]),
            opt(43, c),
            opt(150, &[192, 0, 2, 10]),
            vec![255],
        ]
        .concat(),
    ));
    let mut over = v4_reply(&[opt(52, &[3]), opt(53, &[5]), vec![255]].concat());
    let file = [opt(43, &o43), vec![255]].concat();
    over[108..108 + file.len()].copy_from_slice(&file);
    let sname = [
        opt(150, &[192, 0, 2, 10, 192, 0, 2, 11]),
        opt(12, b"ex4300"),
        vec![255],
    ]
    .concat();
    over[44..44 + sname.len()].copy_from_slice(&sname);
    v4.push(over);

    let mut v43 = vec![o43.clone(), [o43.clone(), vec![255]].concat()];
    v43.push(vec![
        0, 0, 1, 0, 2, 7, b's', b'y', b'm', b'l', b'i', b'n', b'k', 5, 4, b'8', b'0', b'8', b'0',
    ]);
    v43.push(
        [
            opt(5, b"192.0.2.7"),
            opt(3, b"ftp"),
            opt(8, b"proxy"),
            opt(200, &[1, 2]),
        ]
        .concat(),
    );
    for m in &v4_captured {
        if let Ok(Ok(Some(o))) = ztp_options::v4::Lease::parse(m)
            .map(|l| l.option43().map(|o| o.map(|o| o.as_bytes().to_vec())))
        {
            v43.push(o);
        }
    }

    let mut v6 = vec![V6_REPLY.to_vec(), relay(V6_REPLY), relay(&relay(V6_REPLY))];
    v6.extend(v6_captured.iter().cloned());
    let mut v17: Vec<Vec<u8>> = v6_values(V6_REPLY, 17);
    let mut v59: Vec<Vec<u8>> = v6_values(V6_REPLY, 59);
    for m in &v6_captured {
        v17.extend(v6_values(m, 17));
        v59.extend(v6_values(m, 59));
    }
    v17.push([&[0, 0, 0, 9][..], &v6opt(1, b"other")].concat());
    for url in [
        "tftp://[2001:db8::1]/junos.tgz",
        "ftp://[2001:db8::1]:2121/a/b.tgz\0",
        "https://[fe80::1]",
        "http://[::ffff:192.0.2.1]:80/x",
    ] {
        v59.push(url.as_bytes().to_vec());
    }

    let mut sniff = Vec::new();
    for (chunks, file) in [
        ([0u8, 0], &b"#!/bin/sh\necho hi\n"[..]),
        ([3, 200], b"#!/usr/libexec/ui/cscript\nversion 1.0;\n"),
        ([255, 1], b"#!/usr/bin/python\r\nimport jcs\n"),
        ([7, 7], b"#! /usr/bin/env perl\n"),
        (
            [10, 0],
            b"## Last commit: 2024\nversion 23.4R1;\nsystem {\n    host-name r1;\n}\n",
        ),
        (
            [1, 2],
            b"set system host-name r1\nset interfaces ge-0/0/0 unit 0\n",
        ),
        ([0, 9], b"<configuration><system/></configuration>\n"),
        ([4, 4], b"\xef\xbb\xbf#!/bin/sh\n"),
        ([2, 5], b"\x1f\x8b\x08\x00binary"),
    ] {
        sniff.push([&chunks[..], file].concat());
    }
    let mut tar = vec![5u8, 100];
    tar.extend(vec![b'a'; 257]);
    tar.extend_from_slice(b"ustar\x0000");
    tar.extend(vec![0; 300]);
    sniff.push(tar);

    // Option 143 (even first byte) and 136 (odd), from the RFC 8572 forms.
    let mut sztp = Vec::new();
    for (family, uris) in [
        (
            0u8,
            &["https://sztp.example.net", "https://192.0.2.7:9443"][..],
        ),
        (1, &["https://[2001:db8::5]:8443"][..]),
        (
            2,
            &[
                "HTTPS://a-b.example.net:1",
                "https://[::ffff:192.0.2.1]",
                "https://h",
            ][..],
        ),
        (3, &["https://sztp.example.net/restconf"][..]),
        (4, &["http://x", ""][..]),
    ] {
        let mut v = vec![family];
        for u in uris {
            v.extend_from_slice(&u16::try_from(u.len()).unwrap().to_be_bytes());
            v.extend_from_slice(u.as_bytes());
        }
        sztp.push(v);
    }

    // The explanation: the samples and every captured message, both
    // families (the check reads each input as v4 and as v6).
    let mut explain = vec![V4_ACK.to_vec(), V6_REPLY.to_vec()];
    explain.extend(v4_captured.iter().cloned());
    explain.extend(v6_captured.iter().cloned());

    let plans: Vec<Vec<u8>> = (1..=8).map(|s| xorshift(s * 0x9e37_79b9, 512)).collect();

    // Vendor identities: each vendor's DISCOVER and SOLICIT as its
    // identity writes them.
    let mut identity = Vec::new();
    for vendor in ztp_options::vendor::Vendor::ALL {
        let repr = ztp_options::vendor::IdentityRepr::new(vendor)
            .with_model("MODEL-1")
            .with_serial("SER123")
            .with_version("1.2");
        if let Ok(set) = repr.to_v4_options() {
            identity.push(v4::MessageRepr::reply(set).to_vec());
        }
        if let Ok(bytes) = repr
            .with_mac([2, 0, 0, 0, 0, 1])
            .to_v6_options()
            .map(|set| v6::MessageRepr::reply(set).to_vec())
            && let Ok(bytes) = bytes
        {
            identity.push(bytes);
        }
    }

    // Vendor plans: a reply per vendor trigger (VENDORS.md's forms).
    let ack = |options: &[(u8, &[u8])]| {
        let mut set = v4::OptionSet::new();
        set.insert(v4::OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
        for (code, value) in options {
            set.insert(v4::OptionCode::new(*code), value.to_vec())
                .unwrap();
        }
        v4::MessageRepr::reply(set).to_vec()
    };
    let vendor_plans = vec![
        V4_ACK.to_vec(),
        V6_REPLY.to_vec(),
        ack(&[
            (67, b"http://192.0.2.9/ztp.json"),
            (239, b"http://192.0.2.9/s.sh"),
        ]),
        ack(&[(240, b"http://192.0.2.9/ztd.sh")]),
        ack(&[(67, b"FTOS.bin"), (209, b"cfg.txt"), (150, &[192, 0, 2, 9])]),
        ack(&[(43, b"5A1N;B2;K4;I192.0.2.9;J80")]),
        ack(&[(43, b"\x64\x04\xc0\x00\x02\x09\x65\x0aconfig.xsf")]),
        ack(&[(43, b"\x90\x07sw.conf"), (66, b"192.0.2.9")]),
        ack(&[
            (67, b"conf.cfg"),
            (66, b"sftp://u:p@192.0.2.9:2222"),
            (51, &[0, 0, 28, 32]),
        ]),
        ack(&[(67, b"-k https://192.0.2.9/ztp.sh")]),
        ack(&[(148, b"agilemode=agile-cloud;agilemanage-mode=ip;")]),
    ];

    // Vendor offers: the vendor replies (read as every vendor's offer), a
    // DHCPv6 reply with 59 and 239 and one with a PnP string in 17
    // (enterprise 9), and byte streams the generators turn into offers.
    let mut vendor_offers = vendor_plans.clone();
    let v6_reply = |options: &[(u16, &[u8])]| {
        let mut set = v6::OptionSet::new();
        for (code, value) in options {
            set.push(v6::OptionCode::new(*code), value.to_vec());
        }
        v6::MessageRepr::reply(set).to_vec().unwrap()
    };
    vendor_offers.push(v6_reply(&[
        (59, b"http://[2001:db8::9]/ztp.json"),
        (239, b"http://[2001:db8::9]/ztp.sh"),
    ]));
    vendor_offers.push(v6_reply(&[(
        17,
        b"\x00\x00\x00\x09\x00\x01\x00\x0f5A1N;I192.0.2.9",
    )]));
    vendor_offers.extend((0..8u64).map(|i| xorshift(0x000f_fe25 + i * 0x9e37, 600)));

    // Vendor sniffers: three control bytes (two chunk sizes, the hint),
    // then a file of each vendor's kind (G11).
    let vendor_sniff: Vec<Vec<u8>> = [
        &b"#!/bin/bash\n# CUMULUS-AUTOPROVISIONING\nexit 0\n"[..],
        b"!! IOS XR\nhostname r1\n",
        b"{\"ztp\": {\"01-firmware\": {}}}",
        b"#md5sum=\"0123456789abcdef0123456789abcdef\"\nimport os\n",
        b"#sha256sum=\"00\"\n;BEGIN ROUTER\n[GLOBAL CONFIG]\nFILESERVER=sftp://h/\n;END ROUTER\n",
        b"#!/bin/bash\nIMG_FILE=\"http://h/os10.bin\"\nCLI_CONFIG_FILE=\"\"\n",
        b"#!/usr/bin/Cli -p2\nenable\n",
    ]
    .iter()
    .enumerate()
    .map(|(i, f)| [&[3, 7, u8::try_from(i * 5).unwrap()][..], f].concat())
    .collect();
    // Client messages: byte streams the generators turn into clients (both
    // families, every kind, relayed or not), and a run of zeros (a plain
    // DISCOVER and SOLICIT).
    let mut client_messages: Vec<Vec<u8>> = vec![vec![0; 64]];
    client_messages.extend((0..12u64).map(|i| xorshift(0x00c1_1e26 + i * 0x9e37, 400)));
    vec![
        ("client_messages", client_messages),
        ("vendor_identity", identity),
        ("vendor_plans", vendor_plans),
        ("vendor_sniff", vendor_sniff),
        ("vendor_offers", vendor_offers),
        ("v4_message", v4.clone()),
        ("v4_option43", v43),
        ("v6_message", v6.clone()),
        ("v6_dhcproto_diff", v6),
        ("v6_option17", v17),
        ("v6_option59", v59),
        ("sztp_redirect", sztp),
        ("sniff", sniff),
        ("plan_v4", plans.clone()),
        ("plan_v6", plans),
        ("v4_dhcproto_diff", v4),
        ("explain", explain),
    ]
}

#[test]
#[ignore = "writes fuzz/corpus/*/seed-*: run by hand when the seeds change"]
fn write_seeds() {
    for (target, inputs) in seeds() {
        let dir = corpus_dir().join(target);
        fs::create_dir_all(&dir).unwrap();
        for (i, input) in inputs.iter().enumerate() {
            fs::write(dir.join(format!("seed-{i:02}")), input).unwrap();
        }
    }
}
