#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Issue 23 end to end, as a person types it: a reply that cannot proceed
//! shows everything it carries (R34) and its diagnoses (R35); exit codes
//! for a capture with no reply and a filter that matches nothing; frames
//! pasted from Wireshark or tcpdump; bytes after the end option (R2).

use std::process::Output;

use serde_json::Value;
use ztp_options::v4::{MessageRepr, OptionCode, OptionSet};
use ztp_testkit::capture_writer::{Direction, pcap, udp_frame};

mod common;
use common::{hex, ztp};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ack(options: &[(u8, &[u8])]) -> Vec<u8> {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![5]).unwrap();
    for (code, value) in options {
        set.insert(OptionCode::new(*code), value.to_vec()).unwrap();
    }
    MessageRepr::reply(set).to_vec()
}

fn temp(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("ztp-not-provisioning-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn r34_a_reply_that_cannot_proceed_shows_every_value_in_text_and_json() {
    // No file name anywhere (R18), and 150, 42, 7, 12, 67 and an unknown
    // suboption in the bytes.
    let reply = ack(&[
        (43, b"\x03\x04http\x96\x04\xc0\x00\x02\x0a"),
        (150, &[192, 0, 2, 10]),
        (42, &[192, 0, 2, 30]),
        (7, &[192, 0, 2, 20]),
        (12, b"ex4300-lab-01"),
        (67, b"pxelinux.0"),
    ]);
    let o = ztp(&["explain", &hex(&reply)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    for line in [
        "ZTP cannot proceed on this binding [R18]",
        "transfer mode  http",
        "file server    192.0.2.10 (option-150)",
        "ntp servers    192.0.2.30",
        "syslog servers 192.0.2.20",
        "host name      ex4300-lab-01",
        "option 43 suboption 150, 4 bytes",
        "not read       option 67 (boot file name) \"pxelinux.0\" [R33]",
        "[D43-NO-NAMES]",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    let o = ztp(&["explain", &hex(&reply), "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["status"], "cannot-proceed");
    // The JSON never says a value is absent when its bytes are there.
    assert_eq!(v["file_server"], "192.0.2.10");
    assert_eq!(v["transfer_mode"], "http");
    assert_eq!(v["ntp_servers"], serde_json::json!(["192.0.2.30"]));
    assert_eq!(v["syslog_servers"], serde_json::json!(["192.0.2.20"]));
    assert_eq!(v["hostname"], "ex4300-lab-01");
    assert_eq!(v["unknown_suboptions"][0]["code"], 150);
    assert_eq!(v["unknown_suboptions"][0]["hex"], "c000020a");
    assert_eq!(v["diagnoses"][0]["id"], "D43-NO-NAMES");
}

#[test]
fn r34_a_value_that_does_not_decode_keeps_its_key_and_gains_an_error() {
    // 150 of 3 bytes (R4) beside a good 42.
    let reply = ack(&[
        (43, b"\x01\x07sw.conf"),
        (150, &[192, 0, 2]),
        (42, &[192, 0, 2, 30]),
    ]);
    let o = ztp(&["explain", &hex(&reply), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["file_server"], Value::Null);
    assert_eq!(v["file_server_error"]["rule"], "R4");
    assert!(v["file_server_error"]["offset"].as_u64().unwrap() > 236);
    assert_eq!(v["config"]["name"], "sw.conf");
    assert_eq!(v["ntp_servers"], serde_json::json!(["192.0.2.30"]));
    assert!(
        v["diagnoses"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "P150")
    );
}

#[test]
fn a_capture_with_only_client_messages_exits_1_and_points_at_all() {
    let mut set = OptionSet::new();
    set.insert(OptionCode::MESSAGE_TYPE, vec![1]).unwrap();
    let mut discover = MessageRepr::reply(set).to_vec();
    discover[0] = 1; // BOOTREQUEST
    let capture = pcap(&[(&discover, Direction::V4Request)]);
    let path = temp("clients-only.pcap", &capture);
    let o = ztp(&["explain", "--pcap", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("--all"), "{}", stderr(&o));
    let o = ztp(&["explain", "--pcap", &path, "--all"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_filter_that_matches_nothing_exits_1_and_names_the_clients_seen() {
    let capture = pcap(&[(ztp_options::samples::V4_ACK, Direction::V4Reply)]);
    let path = temp("one.pcap", &capture);
    let o = ztp(&["explain", "--pcap", &path, "--mac", "02:00:00:00:00:01"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("clients seen: 2c:6b:f5:a1:b2:03"),
        "{}",
        stderr(&o)
    );
    let o = ztp(&[
        "explain",
        &hex(ztp_options::samples::V4_ACK),
        "--mac",
        "02:00:00:00:00:01",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn a_frame_pasted_from_wireshark_or_tcpdump_is_explained() {
    let frame = udp_frame(ztp_options::samples::V4_ACK, Direction::V4Reply);
    // Wireshark's hex dump, offsets and ASCII columns.
    let mut dump = String::new();
    for (i, chunk) in frame.chunks(16).enumerate() {
        let bytes: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let ascii: String = chunk
            .iter()
            .map(|b| {
                if b.is_ascii_graphic() {
                    *b as char
                } else {
                    '.'
                }
            })
            .collect();
        dump.push_str(&format!("{:04x}   {}   {ascii}\n", i * 16, bytes.join(" ")));
    }
    let o = ztp(&["explain", &dump]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("file server    192.0.2.10"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("header bytes skipped"),
        "{}",
        stderr(&o)
    );
    // The frame as plain hex (Wireshark's "hex stream").
    let o = ztp(&["explain", &hex(&frame), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("{\"schema\":1"));
}

#[test]
fn r2_bytes_after_the_end_option_are_reported_not_fatal() {
    let mut reply = ztp_options::samples::V4_ACK.to_vec();
    reply.extend_from_slice(&[0xde, 0xad, 0xbe, 0xef]);
    let o = ztp(&["explain", &hex(&reply)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("[R2]"), "{}", stdout(&o));
    // The same beside a reply that cannot proceed.
    let mut refused = ack(&[(150, &[192, 0, 2, 10])]);
    refused.extend_from_slice(&[0xde, 0xad]);
    let o = ztp(&["explain", &hex(&refused)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2 bytes after the message's end option, at byte"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn r32_secure_ztp_counts_a_valid_redirect_as_a_way_to_provision() {
    let mut list = vec![0, 18];
    list.extend_from_slice(b"https://192.0.2.40");
    let reply = ack(&[(143, &list)]);
    let o = ztp(&["explain", &hex(&reply)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("a device with secure ZTP follows the redirect"),
        "{}",
        stdout(&o)
    );
    let o = ztp(&["explain", &hex(&reply), "--secure-ztp", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["status"], "cannot-proceed"); // the verdict is unchanged
    assert_eq!(v["sztp_provisions"], true);
    // The summary counts such clients apart and keeps the redirect.
    let capture = pcap(&[(&reply, Direction::V4Reply)]);
    let path = temp("sztp.pcap", &capture);
    let o = ztp(&["explain", "--pcap", &path, "--summary"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains(
            "1 client cannot proceed on the DHCP options but carries a valid SZTP redirect"
        ),
        "{text}"
    );
    assert!(
        text.contains("SZTP redirect to https://192.0.2.40"),
        "{text}"
    );
    assert!(
        text.contains("(diagnoses: D43-ABSENT, D150-ABSENT)"),
        "{text}"
    );
    let o = ztp(&["explain", "--pcap", &path, "--summary", "--secure-ztp"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = ztp(&["explain", "--pcap", &path, "--summary", "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["outcomes"][0]["sztp_redirect"][0], "https://192.0.2.40");
    assert_eq!(
        v["outcomes"][0]["diagnoses"],
        serde_json::json!(["D43-ABSENT", "D150-ABSENT"])
    );
}

#[test]
fn r5_r34_an_option_left_out_of_a_plan_is_still_said_to_be_there() {
    // A good plan, and a malformed 42 (R5: left out, ZTP goes on).
    let reply = ack(&[
        (43, b"\x01\x07sw.conf"),
        (150, &[192, 0, 2, 10]),
        (42, &[192, 0, 2]),
    ]);
    let o = ztp(&["explain", &hex(&reply), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["ntp_servers"], serde_json::json!([]));
    assert_eq!(v["ntp_servers_error"]["rule"], "R5");
    assert!(
        v["ntp_servers_error"]["message"]
            .as_str()
            .unwrap()
            .contains("option 42")
    );
}

#[test]
fn r31_p143_1_a_bare_uri_is_said_as_such_not_as_a_length_of_26740() {
    let reply = ack(&[
        (43, b"\x01\x07sw.conf"),
        (150, &[192, 0, 2, 10]),
        (143, b"https://sztp.example.net:8443"),
    ]);
    let o = ztp(&["explain", &hex(&reply)]);
    let text = stdout(&o);
    assert!(
        text.contains("sztp redirect  left out [R31]: a uri without its 2-byte length"),
        "{text}"
    );
    assert!(text.contains("[P143-1]"), "{text}");
    let o = ztp(&["explain", &hex(&reply), "--json"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(
        v["sztp_redirect"]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("a uri without its 2-byte length")
    );
}
