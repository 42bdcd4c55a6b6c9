//! `input::message`: what people paste (plain hex, Wireshark's hex dump,
//! tcpdump's `-xx` / `-XX` output), with or without the frame's headers.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr};

use etherparse::{LinuxSllPacketType, PacketBuilder, VlanId};
use ztp_explain::input::{
    DumpProblem, Form, FrameError, FrameProblem, HexError, InputError, IpVersion, Link, message,
    payload,
};
use ztp_options::{Family, samples};

const SERVER: [u8; 4] = [192, 0, 2, 10];
const CLIENT: [u8; 4] = [192, 0, 2, 20];
const MAC_A: [u8; 6] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55];
const MAC_B: [u8; 6] = [0x02, 0x42, 0xac, 0x11, 0x00, 0x02];
const V6_SERVER: [u8; 16] = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
const V6_CLIENT: [u8; 16] = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];

fn ethernet_v4(payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::new();
    PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4(SERVER, CLIENT, 64)
        .udp(67, 68)
        .write(&mut frame, payload)
        .unwrap();
    frame
}

fn vlan_v4(payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::new();
    PacketBuilder::ethernet2(MAC_B, MAC_A)
        .single_vlan(VlanId::try_new(100).unwrap())
        .ipv4(SERVER, CLIENT, 64)
        .udp(67, 68)
        .write(&mut frame, payload)
        .unwrap();
    frame
}

fn qinq_v6(payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::new();
    PacketBuilder::ethernet2(MAC_A, MAC_B)
        .double_vlan(VlanId::try_new(10).unwrap(), VlanId::try_new(200).unwrap())
        .ipv6(V6_SERVER, V6_CLIENT, 64)
        .udp(547, 546)
        .write(&mut frame, payload)
        .unwrap();
    frame
}

fn sll_v4(payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::new();
    PacketBuilder::linux_sll(
        LinuxSllPacketType::OUTGOING,
        6,
        [0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0],
    )
    .ipv4(SERVER, CLIENT, 64)
    .udp(67, 68)
    .write(&mut frame, payload)
    .unwrap();
    frame
}

fn sll2_v6(payload: &[u8]) -> Vec<u8> {
    // etherparse builds SLL, not SLL2: the 20-byte SLL2 header by hand
    // (protocol, reserved, interface index, ARPHRD_ETHER, packet type,
    // address length, address), then IPv6 and UDP from etherparse.
    let mut ip = Vec::new();
    PacketBuilder::ipv6(V6_SERVER, V6_CLIENT, 64)
        .udp(547, 546)
        .write(&mut ip, payload)
        .unwrap();
    let mut frame = vec![0x86, 0xdd, 0, 0, 0, 0, 0, 3, 0, 1, 4, 6];
    frame.extend_from_slice(&[0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0]);
    frame.extend_from_slice(&ip);
    frame
}

fn raw_v6(payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::new();
    PacketBuilder::ipv6(V6_SERVER, V6_CLIENT, 64)
        .udp(547, 546)
        .write(&mut frame, payload)
        .unwrap();
    frame
}

fn loopback_v4(payload: &[u8]) -> Vec<u8> {
    let mut ip = Vec::new();
    PacketBuilder::ipv4(SERVER, CLIENT, 64)
        .udp(68, 67)
        .write(&mut ip, payload)
        .unwrap();
    let mut frame = vec![2, 0, 0, 0];
    frame.extend_from_slice(&ip);
    frame
}

fn tcp_v4() -> Vec<u8> {
    let mut frame = Vec::new();
    PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4(SERVER, CLIENT, 64)
        .tcp(49152, 67, 1, 65535)
        .write(&mut frame, b"GET / HTTP/1.1\r\n\r\n")
        .unwrap();
    frame
}

fn plain_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The printable ASCII of a line, `.` for the rest, as both tools print.
fn ascii(line: &[u8]) -> String {
    line.iter()
        .map(|&b| {
            if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect()
}

/// Wireshark's "Copy as Hex Dump": `0000   ff ff ... 45 00   ......E.`,
/// the last line padded so the ASCII column lines up.
fn wireshark(bytes: &[u8]) -> String {
    let mut text = String::new();
    for (n, line) in bytes.chunks(16).enumerate() {
        let hex: Vec<String> = line.iter().map(|b| format!("{b:02x}")).collect();
        writeln!(
            text,
            "{:04x}   {:<47}   {}",
            n * 16,
            hex.join(" "),
            ascii(line)
        )
        .unwrap();
    }
    text
}

/// Wireshark's "Hex + ASCII dump" with a gap between the halves of eight.
fn wireshark_halves(bytes: &[u8]) -> String {
    let mut text = String::new();
    for (n, line) in bytes.chunks(16).enumerate() {
        let hex: Vec<String> = line.iter().map(|b| format!("{b:02x}")).collect();
        let (a, b) = hex.split_at(hex.len().min(8));
        let both = format!("{}  {}", a.join(" "), b.join(" "));
        writeln!(
            text,
            "{:04x}  {:<48}  {}",
            n * 16,
            both.trim_end(),
            ascii(line)
        )
        .unwrap();
    }
    text
}

/// `tcpdump -xx` (no ASCII) or `-XX` (ASCII), after its summary line.
fn tcpdump(bytes: &[u8], with_ascii: bool) -> String {
    let mut text = String::from(
        "12:00:00.000000 IP 192.0.2.10.67 > 192.0.2.20.68: BOOTP/DHCP, Reply, length 300\n",
    );
    for (n, line) in bytes.chunks(16).enumerate() {
        let groups: Vec<String> = line.chunks(2).map(plain_hex).collect();
        let hex = groups.join(" ");
        if with_ascii {
            writeln!(text, "\t0x{:04x}:  {hex:<39}  {}", n * 16, ascii(line)).unwrap();
        } else {
            writeln!(text, "\t0x{:04x}:  {hex}", n * 16).unwrap();
        }
    }
    text
}

#[test]
fn input_plain_hex_message_is_read_as_today() {
    for (sample, family) in [
        (samples::V4_ACK, Family::V4),
        (samples::V6_REPLY, Family::V6),
    ] {
        let pasted = message(&plain_hex(sample)).unwrap();
        assert_eq!(pasted.bytes, sample);
        assert_eq!(pasted.family, Some(family));
        assert_eq!(pasted.form, Form::Hex);
        assert_eq!(pasted.headers, None);
    }
    // Separators and 0x prefixes, as `hex` takes them.
    let spaced: Vec<String> = samples::V4_ACK
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect();
    assert_eq!(message(&spaced.join(", ")).unwrap().bytes, samples::V4_ACK);
}

#[test]
fn input_plain_hex_ethernet_ipv4_udp_frame_is_unwrapped() {
    let frame = ethernet_v4(samples::V4_ACK);
    let pasted = message(&plain_hex(&frame)).unwrap();
    assert_eq!(pasted.bytes, samples::V4_ACK);
    assert_eq!(pasted.family, Some(Family::V4));
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.link, Link::Ethernet);
    assert_eq!(headers.ip(), IpVersion::V4);
    assert_eq!(headers.source, IpAddr::V4(Ipv4Addr::from(SERVER)));
    assert_eq!(headers.skipped, 42);
    assert_eq!(headers.trailing, 0);
    assert_eq!(
        headers.to_string(),
        "Ethernet II, IPv4 192.0.2.10 -> 192.0.2.20, UDP 67 -> 68: 42 header bytes skipped"
    );
}

#[test]
fn input_ethernet_padding_and_fcs_are_trailing_bytes() {
    let mut frame = ethernet_v4(samples::V4_ACK);
    frame.extend_from_slice(&[0xde, 0xad, 0xbe, 0xef]);
    let pasted = message(&plain_hex(&frame)).unwrap();
    assert_eq!(pasted.bytes, samples::V4_ACK);
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.trailing, 4);
    assert!(
        headers
            .to_string()
            .ends_with("42 header bytes skipped, 4 bytes after the UDP payload ignored")
    );
}

#[test]
fn input_vlan_tagged_frame_says_its_vlan() {
    let pasted = message(&plain_hex(&vlan_v4(samples::V4_ACK))).unwrap();
    assert_eq!(pasted.bytes, samples::V4_ACK);
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.vlans, [100]);
    assert_eq!(headers.skipped, 46);
    assert_eq!(
        headers.to_string(),
        "Ethernet II, VLAN 100, IPv4 192.0.2.10 -> 192.0.2.20, UDP 67 -> 68: 46 header bytes skipped"
    );
}

#[test]
fn input_qinq_ipv6_frame_says_both_vlans() {
    let pasted = message(&plain_hex(&qinq_v6(samples::V6_REPLY))).unwrap();
    assert_eq!(pasted.bytes, samples::V6_REPLY);
    assert_eq!(pasted.family, Some(Family::V6));
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.vlans, [10, 200]);
    assert_eq!(headers.skipped, 14 + 8 + 40 + 8);
    assert_eq!(
        headers.to_string(),
        "Ethernet II, VLAN 10, VLAN 200, IPv6 fe80::1 -> fe80::2, UDP 547 -> 546: 70 header bytes skipped"
    );
}

#[test]
fn input_linux_cooked_sll_frame_is_unwrapped() {
    let pasted = message(&plain_hex(&sll_v4(samples::V4_ACK))).unwrap();
    assert_eq!(pasted.bytes, samples::V4_ACK);
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.link, Link::LinuxSll);
    assert_eq!(headers.skipped, 16 + 20 + 8);
    assert!(headers.to_string().starts_with("Linux cooked (SLL), IPv4 "));
}

#[test]
fn input_linux_cooked_sll2_frame_is_unwrapped() {
    let pasted = message(&plain_hex(&sll2_v6(samples::V6_REPLY))).unwrap();
    assert_eq!(pasted.bytes, samples::V6_REPLY);
    assert_eq!(pasted.family, Some(Family::V6));
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.link, Link::LinuxSll2);
    assert_eq!(headers.skipped, 20 + 40 + 8);
}

#[test]
fn input_raw_ipv6_udp_packet_is_unwrapped() {
    let pasted = message(&plain_hex(&raw_v6(samples::V6_REPLY))).unwrap();
    assert_eq!(pasted.bytes, samples::V6_REPLY);
    assert_eq!(pasted.family, Some(Family::V6));
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.link, Link::RawIp);
    assert_eq!(
        headers.to_string(),
        "IPv6 fe80::1 -> fe80::2, UDP 547 -> 546: 48 header bytes skipped"
    );
}

#[test]
fn input_bsd_loopback_frame_is_unwrapped() {
    let pasted = message(&plain_hex(&loopback_v4(samples::V4_ACK))).unwrap();
    assert_eq!(pasted.bytes, samples::V4_ACK);
    let headers = pasted.headers.unwrap();
    assert_eq!(headers.link, Link::Loopback);
    assert_eq!((headers.source_port, headers.destination_port), (68, 67));
}

#[test]
fn input_wireshark_hex_dump_of_a_frame() {
    for frame in [ethernet_v4(samples::V4_ACK), vlan_v4(samples::V4_ACK)] {
        for text in [wireshark(&frame), wireshark_halves(&frame)] {
            let pasted = message(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(pasted.form, Form::Wireshark);
            assert_eq!(pasted.bytes, samples::V4_ACK, "{text}");
            assert_eq!(pasted.family, Some(Family::V4));
        }
    }
    let pasted = message(&wireshark(&qinq_v6(samples::V6_REPLY))).unwrap();
    assert_eq!(pasted.bytes, samples::V6_REPLY);
}

#[test]
fn input_wireshark_ascii_column_with_hex_like_characters_is_ignored() {
    // A payload of ASCII hex digits: every ASCII column reads "ab cd ef 01
    // ...", and the last line has a few bytes and a short ASCII column.
    let mut message_bytes = samples::V4_ACK.to_vec();
    message_bytes.extend_from_slice(b"ab cd ef 01 23 E. 45 ab");
    let frame = ethernet_v4(&message_bytes);
    for text in [wireshark(&frame), wireshark_halves(&frame)] {
        // The last line's ASCII column reads "45 ab": two hex-like pairs.
        assert!(text.trim_end().ends_with("45 ab"), "{text}");
        let pasted = message(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(pasted.bytes, message_bytes, "{text}");
    }
    // And a dump of the message itself, not a frame.
    let pasted = message(&wireshark(&message_bytes)).unwrap();
    assert_eq!(pasted.bytes, message_bytes);
    assert_eq!(pasted.headers, None);
}

#[test]
fn input_wireshark_dump_with_crlf_and_indentation() {
    let frame = ethernet_v4(samples::V4_ACK);
    let text: String = wireshark(&frame)
        .lines()
        .map(|l| format!("  {l}\r\n"))
        .collect();
    assert_eq!(message(&text).unwrap().bytes, samples::V4_ACK);
}

#[test]
fn input_tcpdump_xx_with_summary_line() {
    let frame = ethernet_v4(samples::V4_ACK);
    let text = tcpdump(&frame, false);
    assert!(text.starts_with("12:00:00.000000 IP"));
    let pasted = message(&text).unwrap();
    assert_eq!(pasted.form, Form::Tcpdump);
    assert_eq!(pasted.bytes, samples::V4_ACK);
    assert_eq!(pasted.headers.unwrap().link, Link::Ethernet);
}

#[test]
fn input_tcpdump_capital_xx_ascii_column_is_ignored() {
    let mut message_bytes = samples::V4_ACK.to_vec();
    message_bytes.extend_from_slice(b"abcd ef01 2345 E."); // hex-like ASCII
    for frame in [ethernet_v4(&message_bytes), sll_v4(&message_bytes)] {
        let text = tcpdump(&frame, true);
        let pasted = message(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(pasted.form, Form::Tcpdump);
        assert_eq!(pasted.bytes, message_bytes);
    }
    // tcpdump -X (no link layer): raw IP.
    let pasted = message(&tcpdump(&raw_v6(samples::V6_REPLY), true)).unwrap();
    assert_eq!(pasted.bytes, samples::V6_REPLY);
    assert_eq!(pasted.headers.unwrap().link, Link::RawIp);
}

#[test]
fn input_tcpdump_odd_length_ends_with_a_pair() {
    // 43 bytes of frame after the headers: the last group has two digits.
    let mut odd = samples::V4_ACK.to_vec();
    odd.push(0xff);
    let frame = ethernet_v4(&odd);
    assert_eq!(frame.len() % 2, 1);
    assert_eq!(message(&tcpdump(&frame, false)).unwrap().bytes, odd);
    assert_eq!(message(&tcpdump(&frame, true)).unwrap().bytes, odd);
}

#[test]
fn input_dump_with_a_missing_line_names_it() {
    let text = wireshark(&ethernet_v4(samples::V4_ACK));
    let mut lines: Vec<&str> = text.lines().collect();
    lines.remove(3);
    assert_eq!(
        message(&lines.join("\n")),
        Err(InputError::Dump {
            line: 4,
            problem: DumpProblem::Offset {
                expected: 48,
                found: 64
            }
        })
    );
    let text = tcpdump(&ethernet_v4(samples::V4_ACK), false);
    let mut lines: Vec<&str> = text.lines().collect();
    let repeated = lines[2];
    lines.insert(2, repeated);
    let e = message(&lines.join("\n")).unwrap_err();
    assert_eq!(
        e,
        InputError::Dump {
            line: 4,
            problem: DumpProblem::Offset {
                expected: 32,
                found: 16
            }
        }
    );
    assert_eq!(
        e.to_string(),
        "line 4 of the dump: the offset column says 0x0010 but 0x0020 bytes came before it \
         (a line is missing, repeated or cut)"
    );
}

#[test]
fn input_two_tcpdump_packets_are_refused() {
    let mut text = tcpdump(&ethernet_v4(samples::V4_ACK), false);
    text += &tcpdump(&ethernet_v4(samples::V4_ACK), false);
    let e = message(&text).unwrap_err();
    assert!(
        matches!(
            e,
            InputError::Dump {
                problem: DumpProblem::NotDump,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn input_dump_line_with_bad_byte_says_line_and_column() {
    let text = "0000   02 01 06 0g 00 00 00 00 00 00 00 00 00 00 00 00   ................\n";
    assert_eq!(
        message(text),
        Err(InputError::Dump {
            line: 1,
            problem: DumpProblem::NotHex {
                column: 18,
                found: 'g'
            }
        })
    );
    let text = "summary\n\t0x0000:  0201 060 0000\n";
    assert_eq!(
        message(text),
        Err(InputError::Dump {
            line: 2,
            problem: DumpProblem::Group {
                column: 16,
                digits: 3
            }
        })
    );
}

#[test]
fn input_frame_carrying_tcp_says_what_it_is() {
    let e = message(&plain_hex(&tcp_v4())).unwrap_err();
    assert_eq!(
        e,
        InputError::Frame(FrameError {
            link: Link::Ethernet,
            problem: FrameProblem::NotUdp {
                ip: IpVersion::V4,
                protocol: 6
            }
        })
    );
    assert_eq!(
        e.to_string(),
        "the bytes are an Ethernet II frame holding an IPv4 TCP segment, not UDP on ports \
         67/68/546/547"
    );
}

#[test]
fn input_udp_on_other_ports_is_not_dhcp() {
    let mut frame = Vec::new();
    PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4(SERVER, CLIENT, 64)
        .udp(53, 5353)
        .write(&mut frame, samples::V4_ACK)
        .unwrap();
    assert_eq!(
        payload(&frame).unwrap_err().problem,
        FrameProblem::OtherPorts {
            ip: IpVersion::V4,
            source_port: 53,
            destination_port: 5353
        }
    );
}

#[test]
fn input_cut_frame_says_where() {
    // The IP and UDP lengths say the whole ACK; the paste stops short.
    let frame = ethernet_v4(samples::V4_ACK);
    let cut = &frame[..100];
    let e = message(&plain_hex(cut)).unwrap_err();
    let InputError::Frame(FrameError {
        link: Link::Ethernet,
        problem: FrameProblem::Cut {
            at, needed, have, ..
        },
    }) = &e
    else {
        panic!("{e:?}");
    };
    assert_eq!((*at, *needed, *have), (14, frame.len() - 14, 100 - 14));
    assert!(e.to_string().contains("cut short"), "{e}");

    // The IP length fixed up to the bytes there are: the UDP length is
    // beyond them.
    let mut cut = cut.to_vec();
    let ip_len = u16::try_from(cut.len() - 14).unwrap().to_be_bytes();
    cut[16..18].copy_from_slice(&ip_len);
    let e = payload(&cut).unwrap_err();
    let FrameProblem::Cut { layer, at, .. } = &e.problem else {
        panic!("{e:?}");
    };
    assert_eq!(*at, 34, "{e}");
    assert!(layer.contains("UDP"), "{e}");

    // An SLL frame: offsets count from the frame's first byte.
    let sll = sll_v4(samples::V4_ACK);
    let e = payload(&sll[..120]).unwrap_err();
    assert!(
        matches!(e.problem, FrameProblem::Cut { at: 16, .. }),
        "{e:?}"
    );
}

#[test]
fn input_garbage_text_says_where() {
    assert_eq!(
        message("hello"),
        Err(InputError::Hex(HexError::NotHex {
            offset: 0,
            found: 'h'
        }))
    );
    assert_eq!(
        message("0201 06 00 xyz"),
        Err(InputError::Hex(HexError::NotHex {
            offset: 11,
            found: 'x'
        }))
    );
    assert_eq!(message(""), Err(InputError::Hex(HexError::Empty)));
    assert_eq!(message("\n\n"), Err(InputError::Hex(HexError::Empty)));
    assert!(message("12:00:00 summary only\n").is_err());
}

#[test]
fn input_unknown_bytes_are_returned_for_the_caller_to_refuse() {
    // Neither a message nor a frame: the bytes as they are, no family.
    let pasted = message("ff ee dd cc").unwrap();
    assert_eq!(pasted.bytes, [0xff, 0xee, 0xdd, 0xcc]);
    assert_eq!(pasted.family, None);
    assert_eq!(pasted.headers, None);
}

/// A small deterministic generator (xorshift64*), no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn input_random_text_and_frames_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let frames = [
        ethernet_v4(samples::V4_ACK),
        vlan_v4(samples::V4_ACK),
        qinq_v6(samples::V6_REPLY),
        sll_v4(samples::V4_ACK),
        sll2_v6(samples::V6_REPLY),
        raw_v6(samples::V6_REPLY),
        loopback_v4(samples::V4_ACK),
        tcp_v4(),
    ];
    let alphabet: Vec<char> = "0123456789abcdefABCDEFx: \t\n\r.,-gE\u{e9}"
        .chars()
        .collect();
    for round in 0..3000 {
        // Random text from a dump-like alphabet.
        let text: String = (0..rng.below(200))
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let _ = message(&text);
        // A real frame with bytes changed and cut, in every text form.
        let mut frame = frames[round % frames.len()].clone();
        for _ in 0..rng.below(6) {
            let at = rng.below(frame.len());
            frame[at] = rng.next() as u8;
        }
        frame.truncate(rng.below(frame.len() + 1));
        let _ = payload(&frame);
        if !frame.is_empty() {
            let _ = message(&plain_hex(&frame));
            let _ = message(&wireshark(&frame));
            let mut dump = tcpdump(&frame, round % 2 == 0);
            // And the text damaged.
            if !dump.is_empty() {
                let at = rng.below(dump.len());
                if dump.is_char_boundary(at) {
                    dump.insert(at, alphabet[rng.below(alphabet.len())]);
                }
            }
            let _ = message(&dump);
        }
    }
}

#[test]
fn input_frame_with_a_broken_ip_header_is_said_not_taken_for_a_message() {
    // The destination MAC starts with 0x02, which Family::detect alone
    // would take for a DHCPv6 ADVERTISE: the frame's error wins.
    let mut frame = ethernet_v4(samples::V4_ACK);
    assert_eq!(frame[0], 0x02);
    frame[14] = 0x41; // IPv4, header length 4 bytes
    let e = message(&plain_hex(&frame)).unwrap_err();
    let InputError::Frame(FrameError {
        link: Link::Ethernet,
        problem: FrameProblem::Malformed { .. },
    }) = &e
    else {
        panic!("{e:?}");
    };
    assert!(
        e.to_string()
            .starts_with("the bytes are an Ethernet II frame with headers that do not parse: "),
        "{e}"
    );
}

#[test]
fn input_ip_fragment_is_said() {
    let mut frame = ethernet_v4(samples::V4_ACK);
    frame[20] = 0x20; // more fragments
    assert_eq!(
        payload(&frame).unwrap_err().problem,
        FrameProblem::Fragment { ip: IpVersion::V4 }
    );
}
