//! Interop vectors: the bytes real servers sent, from `shared/captures/`.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use crate::common;

use std::net::Ipv4Addr;

use common::hex;
use ztp_options::v4::{Lease, Message, MessageRepr, OptionCode};
use ztp_options::{DecodeError, DecodeErrorKind, Family, Place, TrailingNul, Within};

/// The DHCPACK (frame 4) of `dnsmasq-2.90-v4-ztp.pcap`: the UDP payload,
/// 337 bytes, as dnsmasq 2.90 sent it. `sname` and `file` are all zeros.
fn dnsmasq_ack() -> Vec<u8> {
    let mut m = hex(
        "020106006373036000000000000000000a6300140a63000100000000160d304ef7c300000000000000000000",
    ); // op .. chaddr
    m.extend_from_slice(&[0; 64 + 128]); // sname, file
    m.extend_from_slice(&hex("63825363")); // magic cookie
    for option in [
        "350105",
        "36040a630001",
        "330400000e10",
        "3a0400000708",
        "3b0400000c4e",
        "0104ffffff00",
        "1c040a6300ff",
        "03040a630001",
        "420c2231302e39392e302e312200",
        "96040a630001",
        "2b1d000b6a696e7374616c6c2e74677a01086a6e2e636f6e66030468747470",
        "ff",
    ] {
        m.extend_from_slice(&hex(option));
    }
    m
}

#[test]
fn r1_dnsmasq_capture_option_43_as_sent_has_a_bad_length() {
    // The capture's README says option 43 holds 00 "install.tgz", 01
    // "jn.conf", 03 "http". The bytes say otherwise: the configured hex has
    // 00 len 0x0b over the 12 bytes of "jinstall.tgz" and 01 len 0x08 over the
    // 7 bytes of "jn.conf", and dnsmasq sent it unchanged. Walking it as the
    // device does: 00 "jinstall.tg", then code 0x7a len 1, then code 0x6a
    // ('j') with length 0x6e = 110 and 11 bytes left: R1's error, at byte 323.
    let bytes = dnsmasq_ack();
    assert_eq!(bytes.len(), 337);
    let lease = Lease::parse(&bytes).unwrap();
    assert_eq!(lease.message_type().unwrap(), Some(5));
    assert_eq!(
        lease.suboptions(),
        Err(DecodeError::new(
            Place::option(Family::V4, 43, 307).suboption(0x6a, 323),
            DecodeErrorKind::LengthOverrun {
                within: Within::Suboptions,
                len: 110,
                available: 11,
            }
        ))
    );
    // The items before the bad one are still there to see.
    let v43 = lease.option43();
    assert!(v43.is_err());
}

#[test]
fn r3_r4_dnsmasq_capture_file_server_options() {
    let bytes = dnsmasq_ack();
    let lease = Lease::parse(&bytes).unwrap();
    // Option 150 as configured: 10.99.0.1.
    assert_eq!(
        lease.tftp_server_addresses().unwrap().unwrap().first(),
        Ipv4Addr::new(10, 99, 0, 1)
    );
    // Option 66: dnsmasq sent the quotes of the value and a trailing NUL
    // (length 12, not 10 as the README says). The NUL is tolerated (R7); the
    // quoted text is not an address literal, so it is reported (R3).
    let name = lease.tftp_server_name().unwrap().unwrap();
    assert_eq!(name.text().trailing_nul(), TrailingNul::Stripped);
    assert_eq!(name.text().as_bytes(), b"\"10.99.0.1\"");
    let err = name.address().unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            Place::option(Family::V4, 66, 287),
            DecodeErrorKind::HostName { len: 11 }
        )
    );
    assert_eq!(err.value(&bytes), Some(&b"\"10.99.0.1\""[..]));
    assert_eq!(
        err.display_in(&bytes).to_string(),
        "dhcpv4 option 66 at byte 287: \"\\\"10.99.0.1\\\"\" is a host name, not an ip \
         address; name resolution is not supported"
    );
}

#[test]
fn r2_dnsmasq_capture_reencodes_byte_for_byte() {
    let bytes = dnsmasq_ack();
    let msg = Message::new_checked(&bytes[..]).unwrap();
    let repr = MessageRepr::parse(&msg).unwrap();
    assert_eq!(
        repr.options.get(OptionCode::TFTP_SERVER_ADDRESS),
        Some(&[10, 99, 0, 1][..])
    );
    let mut out = vec![0; repr.buffer_len()];
    repr.emit(&mut out).unwrap();
    assert_eq!(out, bytes);
}
