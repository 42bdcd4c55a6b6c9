//! The fetched file per vendor (VENDORS.md G11 and each vendor's rule), whole
//! and chunked at every split point.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

use md5::{Digest as _, Md5};
use sha2::Sha256;
use ztp_script_detect::{
    Algorithm, CUMULUS_MARKER, CUMULUS_SEARCH_MAX, ConfigFormat, Diagnostic, Digest, Error,
    FileKind, Hint, IOSXR_SIZE_MAX, Image, JsonProblem, Language, Note, Refusal, Status, Vendor,
    VendorSniff, VendorSniffer, Workflow, dell, huawei, sniff, sniff_vendor,
};

type Got = Result<VendorSniff<'static>, Error>;

fn whole(vendor: Vendor, hint: Hint<'_>, file: &[u8]) -> Got {
    sniff_vendor(vendor, hint, file).map(VendorSniff::into_owned)
}

fn language(found: &VendorSniff<'_>) -> Option<Language> {
    match &found.kind {
        FileKind::Script(script) => Some(script.language),
        _ => None,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Feeds `parts` in order, stopping once the sniffer says it is complete.
fn chunked(vendor: Vendor, hint: Hint<'_>, parts: &[&[u8]]) -> Got {
    let mut sniffer = VendorSniffer::new(vendor, hint);
    for part in parts {
        if sniffer.feed(part).is_complete() {
            break;
        }
    }
    sniffer.finish().map(VendorSniff::into_owned)
}

/// The chunked answer equals the whole one at every split point, and at
/// every pair of split points for short files.
fn assert_chunked_equals_whole(vendor: Vendor, hint: Hint<'_>, file: &[u8]) {
    let want = whole(vendor, hint, file);
    for cut in 0..=file.len() {
        let (a, b) = file.split_at(cut);
        assert_eq!(
            chunked(vendor, hint, &[a, b]),
            want,
            "{vendor} cut at {cut}"
        );
        assert_eq!(
            chunked(vendor, hint, &[a, &[], b]),
            want,
            "{vendor} cut at {cut}"
        );
    }
    if file.len() <= 120 {
        for i in 0..=file.len() {
            for j in i..=file.len() {
                let parts = [&file[..i], &file[i..j], &file[j..]];
                assert_eq!(
                    chunked(vendor, hint, &parts),
                    want,
                    "{vendor} cut at {i}, {j}"
                );
            }
        }
    }
    let bytes: Vec<&[u8]> = file.chunks(1).collect();
    assert_eq!(chunked(vendor, hint, &bytes), want, "{vendor} byte by byte");
}

// Juniper: R24..R26 unchanged through the vendor API.

#[test]
fn r24_juniper_is_the_default_and_agrees_with_sniff() {
    assert_eq!(Vendor::default(), Vendor::Juniper);
    for file in [
        &b"#!/bin/sh\necho\n"[..],
        b"system { host-name r1; }\n",
        b"\x1f\x8b\x08\x00",
        b"",
    ] {
        let old = sniff(file).unwrap();
        let new = sniff_vendor(Vendor::Juniper, Hint::NONE, file).unwrap();
        assert_eq!(new.diagnostics, old.diagnostics);
        match (&new.kind, &old.kind) {
            (FileKind::Script(new), ztp_script_detect::Kind::Script(old)) => {
                assert_eq!(new.shebang.as_ref(), Some(old));
            }
            (FileKind::Configuration(new), ztp_script_detect::Kind::Configuration(old)) => {
                assert_eq!(new, old);
            }
            other => panic!("{other:?}"),
        }
    }
    let mut path = b"#!/".to_vec();
    path.resize(600, b'a');
    assert_eq!(
        sniff_vendor(Vendor::Juniper, Hint::NONE, &path),
        Err(Error::InterpreterPathTooLong { limit: 512 })
    );
}

// Arista.

#[test]
fn a6_first_line_decides_script_or_startup_config() {
    let found = whole(Vendor::Arista, Hint::NONE, b"#!/bin/bash\necho hi\n").unwrap();
    assert_eq!(language(&found), Some(Language::Bash));
    let found = whole(Vendor::Arista, Hint::NONE, b"hostname leaf1\n!\n").unwrap();
    assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Cli));
    assert!(found.accepted());
    let found = whole(Vendor::Arista, Hint::NONE, b"\x1f\x8b\x08\x00").unwrap();
    assert!(found.diagnostics.contains(Diagnostic::BinaryContent));
    assert!(!found.accepted());
}

#[test]
fn a7_arista_interpreters() {
    for (line, want) in [
        (&b"#!/usr/bin/Cli -p2\n"[..], Language::EosCli),
        (b"#!/bin/bash\n", Language::Bash),
        (b"#!/usr/bin/env python\n", Language::Python),
        (b"#!/usr/bin/python\n", Language::Python),
        (b"#!/usr/bin/python3\n", Language::Python),
    ] {
        let found = whole(Vendor::Arista, Hint::NONE, line).unwrap();
        assert_eq!(language(&found), Some(want), "{line:?}");
        assert!(found.notes.is_empty(), "{line:?}");
    }
    // Others are reported with their path.
    let found = whole(Vendor::Arista, Hint::NONE, b"#!/usr/bin/perl\n").unwrap();
    assert!(found.notes.contains(Note::UnlistedInterpreter));
    let FileKind::Script(script) = &found.kind else {
        panic!()
    };
    assert_eq!(script.shebang.as_ref().unwrap().path(), "/usr/bin/perl");
    let found = whole(Vendor::Arista, Hint::NONE, b"#!/usr/bin/Cli\n").unwrap();
    assert!(found.notes.contains(Note::UnlistedInterpreter));
}

// Cisco IOS-XE.

#[test]
fn cx5_iosxe_config_gets_a_diagnostic() {
    for file in [
        &b"!\nhostname sw1\n"[..],
        b"hostname sw1\n",
        b"interface Gi1/0/1\n",
    ] {
        let found = whole(Vendor::CiscoIosXe, Hint::NONE, file).unwrap();
        assert_eq!(language(&found), Some(Language::Python));
        assert!(found.notes.contains(Note::LooksLikeIosConfig));
        assert!(found.accepted());
    }
    let found = whole(
        Vendor::CiscoIosXe,
        Hint::NONE,
        b"import cli\ncli.configurep([])\n",
    )
    .unwrap();
    assert_eq!(language(&found), Some(Language::Python));
    assert!(found.notes.is_empty());
}

#[test]
fn cx5_iosxe_runs_python_without_a_shebang() {
    let found = whole(Vendor::CiscoIosXe, Hint::NONE, b"#!/bin/sh\necho\n").unwrap();
    assert_eq!(language(&found), Some(Language::Python));
    assert!(found.notes.contains(Note::NotPythonShebang));
}

// Cisco NX-OS.

fn with_md5(body_before: &str, body_after: &str) -> Vec<u8> {
    // CN7: the MD5 of the file with the #md5sum line removed.
    let without = format!("{body_before}{body_after}");
    let digest = hex(&Md5::digest(without.as_bytes()));
    format!("{body_before}#md5sum=\"{digest}\"\n{body_after}").into_bytes()
}

#[test]
fn cn7_md5sum_line_checked() {
    let file = with_md5(
        "#!/bin/env python\n#############\n",
        "import os\nprint('poap')\n",
    );
    let found = whole(Vendor::CiscoNxos, Hint::NONE, &file).unwrap();
    assert_eq!(language(&found), Some(Language::Python));
    let checksum = found.checksum.unwrap();
    assert_eq!(checksum.algorithm, Algorithm::Md5);
    assert!(checksum.matches(), "{checksum:?}");
    assert_eq!(found.refusal, None);
    assert!(found.accepted());
    assert_chunked_equals_whole(Vendor::CiscoNxos, Hint::NONE, &file);

    // One byte changed after the checksum was written: a mismatch, an error.
    let mut changed = file.clone();
    let last = changed.len() - 3;
    changed[last] = b'X';
    let found = whole(Vendor::CiscoNxos, Hint::NONE, &changed).unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::ChecksumMismatch {
            algorithm: Algorithm::Md5
        })
    );
    let computed = hex(&Md5::digest(
        String::from_utf8(changed.clone())
            .unwrap()
            .lines()
            .filter(|line| !line.starts_with("#md5sum"))
            .map(|line| format!("{line}\n"))
            .collect::<String>()
            .as_bytes(),
    ));
    assert_eq!(found.checksum.unwrap().computed.to_string(), computed);
    assert_chunked_equals_whole(Vendor::CiscoNxos, Hint::NONE, &changed);
}

#[test]
fn cn7_md5sum_line_missing_or_malformed() {
    let found = whole(Vendor::CiscoNxos, Hint::NONE, b"import os\n").unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::ChecksumLineMissing {
            algorithm: Algorithm::Md5
        })
    );
    // The computed value is shown, so the line can be written.
    assert_eq!(
        found.checksum.unwrap().computed.to_string(),
        hex(&Md5::digest(b"import os\n"))
    );
    let found = whole(
        Vendor::CiscoNxos,
        Hint::NONE,
        b"#md5sum=\"abc\"\nimport os\n",
    )
    .unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::ChecksumLineMalformed {
            algorithm: Algorithm::Md5
        })
    );
    // `#md5` alone is no checksum line: it is hashed.
    let file = b"import os\n#md5";
    let found = whole(Vendor::CiscoNxos, Hint::NONE, file).unwrap();
    assert_eq!(
        found.checksum.unwrap().computed.to_string(),
        hex(&Md5::digest(file))
    );
    assert_chunked_equals_whole(Vendor::CiscoNxos, Hint::NONE, file);
}

#[test]
fn cn7_every_md5sum_line_is_left_out_and_the_last_line_may_lack_a_newline() {
    let body = "import os\nx = 1";
    let digest = hex(&Md5::digest(body.as_bytes()));
    let file = format!("#md5sum=\"{digest}\"\r\nimport os\n#md5sum=\"old\"\nx = 1");
    let found = whole(Vendor::CiscoNxos, Hint::NONE, file.as_bytes()).unwrap();
    assert!(found.checksum.unwrap().matches());
    assert_chunked_equals_whole(Vendor::CiscoNxos, Hint::NONE, file.as_bytes());
}

// Cisco IOS-XR.

#[test]
fn cr7_iosxr_config_first_line() {
    let found = whole(
        Vendor::CiscoIosXr,
        Hint::NONE,
        b"!! IOS XR Configuration 7.3.2\nhostname r1\n",
    )
    .unwrap();
    assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Cli));
    assert!(found.accepted());
    assert_chunked_equals_whole(Vendor::CiscoIosXr, Hint::NONE, b"!! IOS XR\nhostname r1\n");
}

#[test]
fn cr7_iosxr_listed_scripts_and_rejections() {
    for (line, want) in [
        (&b"#!/bin/bash\n"[..], Language::Bash),
        (b"#!/bin/sh\n", Language::Shell),
        (b"#!/usr/bin/python\n", Language::Python),
        (b"#!/usr/bin/env python\n", Language::Python),
        (b"#! /bin/bash\n", Language::Bash),
    ] {
        let found = whole(Vendor::CiscoIosXr, Hint::NONE, line).unwrap();
        assert_eq!(language(&found), Some(want), "{line:?}");
        assert!(found.accepted(), "{line:?}");
    }
    for file in [&b"hostname r1\n"[..], b"#!/usr/bin/perl\n", b"!! IOS\n"] {
        let found = whole(Vendor::CiscoIosXr, Hint::NONE, file).unwrap();
        assert_eq!(found.refusal, Some(Refusal::NotIosXrForm), "{file:?}");
    }
    let found = whole(Vendor::CiscoIosXr, Hint::NONE, b"!! IOS XR\n\0\0").unwrap();
    assert_eq!(found.refusal, Some(Refusal::NotText));
    let found = whole(Vendor::CiscoIosXr, Hint::NONE, b"\x1f\x8b\x08").unwrap();
    assert_eq!(found.refusal, Some(Refusal::NotText));
}

#[test]
fn cr7_iosxr_over_100_mb_is_rejected() {
    let mut sniffer = VendorSniffer::new(Vendor::CiscoIosXr, Hint::NONE);
    let block = vec![b'x'; 1 << 20];
    let mut fed = 0u64;
    let _ = sniffer.feed(b"!! IOS XR\n");
    loop {
        fed += block.len() as u64;
        if sniffer.feed(&block).is_complete() {
            break;
        }
    }
    assert!(fed + 10 > IOSXR_SIZE_MAX);
    assert!(fed < IOSXR_SIZE_MAX + (1 << 20));
    assert_eq!(
        sniffer.finish().unwrap().refusal,
        Some(Refusal::TooLarge {
            limit: IOSXR_SIZE_MAX
        })
    );
}

// SONiC.

#[test]
fn s6_sonic_json_needs_ztp_object() {
    let good = br#"{"ztp": {"01-configdb-json": {"url": {"source": "http://192.0.2.1/c.json"}}}}"#;
    for option in [67, 59] {
        let found = whole(Vendor::Sonic, Hint::option(option), good).unwrap();
        assert_eq!(found.kind, FileKind::Workflow(Workflow::SonicJson));
        assert!(found.accepted());
    }
    let refused = |file: &[u8]| match whole(Vendor::Sonic, Hint::option(67), file)
        .unwrap()
        .refusal
    {
        Some(Refusal::Json(error)) => Some(error.problem),
        _ => None,
    };
    assert_eq!(refused(br#"{"ZTP": {}}"#), Some(JsonProblem::NoZtpKey));
    assert_eq!(refused(br#"{"ztp": "x"}"#), Some(JsonProblem::ZtpNotObject));
    assert_eq!(refused(br#"[{"ztp": {}}]"#), Some(JsonProblem::NotObject));
    assert_eq!(refused(br#"{"ztp": {}"#), Some(JsonProblem::Truncated));
    assert_eq!(refused(b"#!/bin/sh\n"), Some(JsonProblem::Syntax));
    for file in [
        &good[..],
        br#"{"a": "\"ztp\"", "z\u0074p": {"k": [1, 2.5e3, null]}}"#,
        br#"{"ztp": []}"#,
        br#"{"ztp": {"a": "\uZZZZ"}}"#,
    ] {
        assert_chunked_equals_whole(Vendor::Sonic, Hint::option(67), file);
    }
}

#[test]
fn s6_sonic_239_is_a_script() {
    let found = whole(Vendor::Sonic, Hint::option(239), b"#!/bin/bash\nexit 0\n").unwrap();
    assert_eq!(language(&found), Some(Language::Bash));
    let found = whole(Vendor::Sonic, Hint::option(239), b"{\"ztp\": {}}").unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::NoShebang {
            vendor: Vendor::Sonic
        })
    );
    // No option: the first byte decides, with a note.
    let found = whole(Vendor::Sonic, Hint::NONE, b" {\"ztp\": {}}").unwrap();
    assert_eq!(found.kind, FileKind::Workflow(Workflow::SonicJson));
    assert!(found.notes.contains(Note::KindFromContent));
    let found = whole(Vendor::Sonic, Hint::NONE, b"#!/usr/bin/python3\n").unwrap();
    assert_eq!(language(&found), Some(Language::Python));
    assert_chunked_equals_whole(Vendor::Sonic, Hint::NONE, b"#!/bin/sh\n{\"ztp\": {}}\n");
}

// Cumulus.

#[test]
fn cu4_marker_anywhere_and_a_shebang() {
    let file = b"#!/bin/bash\n# CUMULUS-AUTOPROVISIONING\nexit 0\n";
    let found = whole(Vendor::Cumulus, Hint::NONE, file).unwrap();
    assert_eq!(language(&found), Some(Language::Bash));
    assert_eq!(found.marker_at, Some(14));
    assert!(found.accepted());
    let found = whole(Vendor::Cumulus, Hint::NONE, b"#!/usr/bin/perl\nprint 1;\n").unwrap();
    assert_eq!(found.refusal, Some(Refusal::MarkerMissing));
    let found = whole(Vendor::Cumulus, Hint::NONE, b"CUMULUS-AUTOPROVISIONING\n").unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::NoShebang {
            vendor: Vendor::Cumulus
        })
    );
}

#[test]
fn cu5_marker_split_across_chunks_is_found() {
    let mut file = b"#!/usr/bin/env python3\n".to_vec();
    file.extend(std::iter::repeat_n(b'#', 40));
    let at = file.len();
    file.extend_from_slice(CUMULUS_MARKER);
    file.extend_from_slice(b"\nprint('hi')\n");
    let found = whole(Vendor::Cumulus, Hint::NONE, &file).unwrap();
    assert_eq!(found.marker_at, Some(at as u64));
    // Every split, including each one inside the marker.
    assert_chunked_equals_whole(Vendor::Cumulus, Hint::NONE, &file);
    // An almost-marker split across chunks is not one.
    let near = b"#!/bin/sh\nCUMULUS-AUTOPROVISIONIN\nG\n";
    assert_eq!(
        whole(Vendor::Cumulus, Hint::NONE, near).unwrap().refusal,
        Some(Refusal::MarkerMissing)
    );
    assert_chunked_equals_whole(Vendor::Cumulus, Hint::NONE, near);
}

#[test]
fn cu5_marker_not_found_within_bound() {
    let bound = usize::try_from(CUMULUS_SEARCH_MAX).unwrap();
    let mut file = b"#!/bin/bash\n".to_vec();
    file.resize(bound - 10, b'x');
    // Straddles the bound: not within it.
    file.extend_from_slice(CUMULUS_MARKER);
    let found = whole(Vendor::Cumulus, Hint::NONE, &file).unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::MarkerNotFoundWithinBound {
            bound: CUMULUS_SEARCH_MAX
        })
    );
    let mut sniffer = VendorSniffer::new(Vendor::Cumulus, Hint::NONE);
    for chunk in file.chunks(65_536 + 7) {
        let _ = sniffer.feed(chunk);
    }
    assert_eq!(sniffer.finish().unwrap().into_owned(), found.into_owned());
    // Ending exactly at the bound: found.
    let mut file = b"#!/bin/bash\n".to_vec();
    file.resize(bound - CUMULUS_MARKER.len(), b'x');
    file.extend_from_slice(CUMULUS_MARKER);
    file.extend_from_slice(b"more");
    let found = whole(Vendor::Cumulus, Hint::NONE, &file).unwrap();
    assert_eq!(found.marker_at, Some(CUMULUS_SEARCH_MAX - 24));
}

#[test]
fn cu5_found_marker_completes_the_stream() {
    let mut file = b"#!/bin/sh\n# CUMULUS-AUTOPROVISIONING\n".to_vec();
    file.resize(4096, b'x');
    let mut sniffer = VendorSniffer::new(Vendor::Cumulus, Hint::NONE);
    assert_eq!(sniffer.feed(&file[..100]), Status::Partial);
    assert_eq!(sniffer.feed(&file[100..1000]), Status::Complete(900));
    assert_eq!(sniffer.feed(&file[1000..]), Status::Complete(0));
    assert!(sniffer.finish().unwrap().accepted());
}

#[test]
fn cu6_carriage_return_in_first_line() {
    let file = b"#!/bin/bash\r\n# CUMULUS-AUTOPROVISIONING\r\n";
    let found = whole(Vendor::Cumulus, Hint::NONE, file).unwrap();
    assert!(found.notes.contains(Note::CarriageReturnInFirstLine));
    assert!(found.diagnostics.contains(Diagnostic::CrlfLineEnd));
    assert_chunked_equals_whole(Vendor::Cumulus, Hint::NONE, file);
}

// Dell OS10.

#[test]
fn d3_dell_script_variables() {
    let file = b"#!/bin/bash\n\
IMG_FILE=\"http://192.0.2.1/PKGS_OS10-Enterprise-10.5.1.0.bin\"\n\
CLI_CONFIG_FILE=\"\"\n\
export POST_SCRIPT_FILE='scp://u@192.0.2.1/post.sh'\n\
. /usr/bin/os10_ztd_start.sh\n";
    let found = whole(Vendor::DellOs10, Hint::option(240), file).unwrap();
    let facts = found.dell.unwrap();
    assert!(facts.img_file && !facts.cli_config_file && facts.post_script_file);
    assert!(found.accepted());
    assert_eq!(language(&found), Some(Language::Bash));
    let text = std::str::from_utf8(file).unwrap();
    let all: Vec<_> = dell::assignments(text).map(|a| (a.name, a.value)).collect();
    assert_eq!(
        all,
        [
            (
                "IMG_FILE",
                "http://192.0.2.1/PKGS_OS10-Enterprise-10.5.1.0.bin"
            ),
            ("CLI_CONFIG_FILE", ""),
            ("POST_SCRIPT_FILE", "scp://u@192.0.2.1/post.sh"),
        ]
    );
    assert_chunked_equals_whole(Vendor::DellOs10, Hint::option(240), file);

    // None set: ZTD fails.
    let file = b"#!/bin/bash\nIMG_FILE=\"\"\nCLI_CONFIG_FILE=\nPOST_SCRIPT_FILE=''";
    let found = whole(Vendor::DellOs10, Hint::option(240), file).unwrap();
    assert_eq!(found.refusal, Some(Refusal::NoProvisioningVariables));
    assert_chunked_equals_whole(Vendor::DellOs10, Hint::option(240), file);
}

#[test]
fn d4_carriage_return_is_an_error_and_sections_are_found() {
    let file = b"# PRE-CONFIG\nhostname leaf1\n# POST-CONFIG\ninterface ethernet 1/1/1\n";
    let found = whole(Vendor::DellOs10, Hint::NONE, file).unwrap();
    assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Cli));
    let facts = found.dell.unwrap();
    assert_eq!(facts.pre_config_line, Some(1));
    assert_eq!(facts.post_config_line, Some(3));
    assert!(found.accepted());
    assert_chunked_equals_whole(Vendor::DellOs10, Hint::NONE, file);

    let file = b"# POST-CONFIG\nx\n# PRE-CONFIG\r\ny\n";
    let found = whole(Vendor::DellOs10, Hint::NONE, file).unwrap();
    assert!(found.notes.contains(Note::SectionsOutOfOrder));
    assert_eq!(found.refusal, Some(Refusal::CarriageReturn { line: 3 }));
    assert_chunked_equals_whole(Vendor::DellOs10, Hint::NONE, file);
}

#[test]
fn d5_post_script_interpreters() {
    for line in [&b"#!/bin/bash\necho\n"[..], b"#!/usr/bin/python\nprint()\n"] {
        let found = whole(Vendor::DellOs10, Hint::NONE, line).unwrap();
        assert!(found.notes.is_empty(), "{line:?}");
        assert!(found.accepted(), "{line:?}");
    }
    let found = whole(Vendor::DellOs10, Hint::NONE, b"#!/usr/bin/python3\n").unwrap();
    assert!(found.notes.contains(Note::UnlistedInterpreter));
}

// Aruba AOS-CX.

#[test]
fn ar6_json_or_cli() {
    let found = whole(Vendor::ArubaAosCx, Hint::NONE, b"\n\t {\"System\": {}}\n").unwrap();
    assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Json));
    let found = whole(Vendor::ArubaAosCx, Hint::NONE, b"hostname sw1\n").unwrap();
    assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Cli));
    let found = whole(Vendor::ArubaAosCx, Hint::NONE, b"\x7fELF").unwrap();
    assert!(!found.accepted());
    assert_chunked_equals_whole(Vendor::ArubaAosCx, Hint::NONE, b"  {\"a\": 1}");
}

// Extreme EXOS.

#[test]
fn e4_exos_kind_by_extension() {
    let kind = |name| {
        whole(Vendor::ExtremeExos, Hint::name(name), b"x")
            .unwrap()
            .kind
    };
    assert_eq!(kind("a.cfg"), FileKind::Configuration(ConfigFormat::Cli));
    assert_eq!(
        kind("tftp://h/A.CFG"),
        FileKind::Configuration(ConfigFormat::Cli)
    );
    assert!(matches!(kind("s.xsf"), FileKind::Script(s) if s.language == Language::ExosCli));
    assert!(matches!(kind("s.py"), FileKind::Script(s) if s.language == Language::Python));
    assert_eq!(kind("p.pol"), FileKind::Configuration(ConfigFormat::Policy));
    assert_eq!(
        kind("summitX-21.1.2.14.xos"),
        FileKind::Image(Image::ExosImage)
    );
    assert_eq!(kind("m.xmod"), FileKind::Image(Image::ExosModule));
    assert_eq!(kind("readme.txt"), FileKind::Unknown);
    let found = whole(Vendor::ExtremeExos, Hint::NONE, b"x").unwrap();
    assert_eq!(found.kind, FileKind::Unknown);
    assert!(found.notes.contains(Note::NoFileName));
    assert!(!found.accepted());
}

// Nokia SR Linux.

#[test]
fn n4_nokia_python_provisioning_script() {
    let found = whole(Vendor::NokiaSrLinux, Hint::NONE, b"import json\n").unwrap();
    assert_eq!(language(&found), Some(Language::Python));
    assert!(found.accepted());
    let found = whole(
        Vendor::NokiaSrLinux,
        Hint::NONE,
        b"#!/usr/bin/env python3\n",
    )
    .unwrap();
    assert!(found.notes.is_empty());
    let found = whole(Vendor::NokiaSrLinux, Hint::NONE, b"#!/bin/bash\n").unwrap();
    assert!(found.notes.contains(Note::NotPythonShebang));
}

// Huawei VRP.

fn with_sha256(body: &str) -> Vec<u8> {
    // H6: the SHA-256 of the text after line 1.
    let digest = hex(&Sha256::digest(body.as_bytes()));
    format!("#sha256sum=\"{digest}\"\n{body}").into_bytes()
}

const INI_BODY: &str = ";BEGIN ROUTER\n[GLOBAL CONFIG]\nFILESERVER=sftp://user:pass@192.0.2.1\n\
[DEVICE0 DESCRIPTION]\nESN=DEFAULT\nMAC=00e0-fc12-3456\nDEVICETYPE=DEFAULT\n\
SYSTEM-SOFTWARE=V800R021C10.cc\nSYSTEM-CONFIG=vrpcfg.cfg\n;END ROUTER\n";

#[test]
fn h6_ini_sha256_verified() {
    let file = with_sha256(INI_BODY);
    let hint = Hint::name("ztp.ini");
    let found = whole(Vendor::HuaweiVrp, hint, &file).unwrap();
    assert_eq!(found.kind, FileKind::Workflow(Workflow::HuaweiIni));
    let checksum = found.checksum.unwrap();
    assert_eq!(checksum.algorithm, Algorithm::Sha256);
    assert!(checksum.matches());
    assert!(found.accepted());
    assert_chunked_equals_whole(Vendor::HuaweiVrp, hint, &file);

    let text = std::str::from_utf8(&file).unwrap();
    let entries: Vec<_> = huawei::ini_entries(text)
        .map(|e| (e.section, e.key, e.value))
        .collect();
    assert_eq!(
        entries[0],
        ("GLOBAL CONFIG", "FILESERVER", "sftp://user:pass@192.0.2.1")
    );
    assert_eq!(entries[1], ("DEVICE0 DESCRIPTION", "ESN", "DEFAULT"));
    assert!(huawei::is_default_esn(entries[1].1, entries[1].2));
    assert_eq!(entries.len(), 6);

    // Changed after the checksum: refused.
    let mut changed = file.clone();
    let at = changed.len() - 5;
    changed[at] = b'x';
    let found = whole(Vendor::HuaweiVrp, hint, &changed).unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::ChecksumMismatch {
            algorithm: Algorithm::Sha256
        })
    );
    let body = &changed[changed.iter().position(|b| *b == b'\n').unwrap() + 1..];
    assert_eq!(
        found.checksum.unwrap().computed,
        Digest::new(&Sha256::digest(body))
    );
    assert_chunked_equals_whole(Vendor::HuaweiVrp, hint, &changed);
}

#[test]
fn h6_cfg_pairs_and_checksum() {
    let body = "fileserver=tftp://192.0.2.1;mac=00e0-fc12-3456;esn=DEFAULT;\n\
devicetype=DEFAULT;system-version=V800R021C10;system-config=a.cfg;\n";
    let file = with_sha256(body);
    let hint = Hint::name("ztp.cfg");
    let found = whole(Vendor::HuaweiVrp, hint, &file).unwrap();
    assert_eq!(found.kind, FileKind::Workflow(Workflow::HuaweiCfg));
    assert!(found.accepted());
    let text = std::str::from_utf8(&file).unwrap();
    let pairs: Vec<_> = huawei::cfg_pairs(text).map(|p| (p.key, p.value)).collect();
    assert_eq!(pairs.len(), 6);
    assert_eq!(pairs[2], ("esn", "DEFAULT"));
    assert_chunked_equals_whole(Vendor::HuaweiVrp, hint, &file);
    // No name: guessed from the content, with a note.
    let found = whole(Vendor::HuaweiVrp, Hint::NONE, &file).unwrap();
    assert_eq!(found.kind, FileKind::Workflow(Workflow::HuaweiCfg));
    assert!(found.notes.contains(Note::NoFileName));
    let found = whole(Vendor::HuaweiVrp, Hint::NONE, &with_sha256(INI_BODY)).unwrap();
    assert_eq!(found.kind, FileKind::Workflow(Workflow::HuaweiIni));
}

#[test]
fn h6_missing_or_malformed_line_py_and_bad_extension() {
    let hint = Hint::name("ztp.ini");
    let found = whole(Vendor::HuaweiVrp, hint, INI_BODY.as_bytes()).unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::ChecksumLineMissing {
            algorithm: Algorithm::Sha256
        })
    );
    let found = whole(
        Vendor::HuaweiVrp,
        hint,
        b"#sha256sum=\"00\"\n[GLOBAL CONFIG]\n",
    )
    .unwrap();
    assert_eq!(
        found.refusal,
        Some(Refusal::ChecksumLineMalformed {
            algorithm: Algorithm::Sha256
        })
    );
    let found = whole(Vendor::HuaweiVrp, Hint::name("ztp.py"), b"import ops\n").unwrap();
    assert_eq!(language(&found), Some(Language::Python));
    assert!(found.notes.contains(Note::PythonChecksumNotChecked));
    let found = whole(Vendor::HuaweiVrp, Hint::name("ztp.txt"), b"x").unwrap();
    assert_eq!(found.refusal, Some(Refusal::BadExtension));
}

/// Generated files over an alphabet that hits every whole-file rule's
/// branches (newlines, `#md5sum`, marker pieces, JSON tokens, `\r`), each
/// chunked at every split point against the one-shot answer.
#[test]
fn g11_chunked_equals_whole_for_generated_files() {
    const PIECES: &[&[u8]] = &[
        b"\n",
        b"\r",
        b"#md5sum",
        b"=\"",
        b"\"",
        b"CUMULUS-",
        b"AUTOPROVISIONING",
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"ztp\"",
        b":",
        b",",
        b"\\u0074",
        b"1.5e3",
        b"#!/bin/bash",
        b"IMG_FILE=",
        b"# PRE-CONFIG",
        b" ",
        b"\xc3\xa9",
        b"\xff",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let vendors = [
        (Vendor::CiscoNxos, Hint::NONE),
        (Vendor::Cumulus, Hint::NONE),
        (Vendor::Sonic, Hint::option(67)),
        (Vendor::DellOs10, Hint::NONE),
        (Vendor::HuaweiVrp, Hint::name("a.ini")),
        (Vendor::CiscoIosXr, Hint::NONE),
    ];
    for _ in 0..150 {
        let pieces = next() % 12;
        let mut file = Vec::new();
        for _ in 0..pieces {
            file.extend_from_slice(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        for (vendor, hint) in vendors {
            let want = whole(vendor, hint, &file);
            for cut in 0..=file.len() {
                let (a, b) = file.split_at(cut);
                assert_eq!(
                    chunked(vendor, hint, &[a, b]),
                    want,
                    "{vendor} {file:?} cut at {cut}"
                );
            }
        }
    }
}

#[test]
fn g11_streaming_keeps_no_more_than_the_prefix_for_first_line_rules() {
    let mut file = b"#!/usr/bin/Cli -p2\n".to_vec();
    file.resize(10_000, b'x');
    let mut sniffer = VendorSniffer::new(Vendor::Arista, Hint::NONE);
    let mut taken = 0;
    for chunk in file.chunks(100) {
        match sniffer.feed(chunk) {
            Status::Complete(n) => {
                taken += n;
                break;
            }
            Status::Partial => taken += chunk.len(),
        }
    }
    assert_eq!(taken, ztp_script_detect::PREFIX_MAX);
    assert_eq!(sniffer.consumed(), 512);
}
