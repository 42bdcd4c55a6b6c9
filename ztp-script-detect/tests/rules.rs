//! One test (or more) per SPEC.md rule R24 to R26, named by the rule.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

use ztp_script_detect::{
    Binary, ConfigFormat, Diagnostic, Diagnostics, Error, FIRST_LINE_MAX, Interpreter, Kind,
    PREFIX_MAX, Platform, Script, Sniffer, Status, Verdict, sniff,
};

fn script_of(file: &[u8]) -> Script<'_> {
    match sniff(file).unwrap().kind {
        Kind::Script(script) => script,
        other => panic!("not a script: {other}"),
    }
}

#[test]
fn r24_shebang_makes_a_script() {
    let found = sniff(b"#!/bin/sh\ncli -c 'show version'\n").unwrap();
    assert_eq!(found.kind, Kind::Script(Script::new("/bin/sh", "")));
    assert!(found.diagnostics.is_empty());
}

#[test]
fn r24_anything_else_is_a_configuration() {
    for file in [
        &b"system { host-name r1; }\n"[..],
        b"# a comment, not #!\n",
        b"#\n!/bin/sh\n",
        b"!#/bin/sh\n",
        b" #!/bin/sh\n",
    ] {
        let found = sniff(file).unwrap();
        assert!(
            matches!(found.kind, Kind::Configuration(_)),
            "{:?}: {}",
            String::from_utf8_lossy(file),
            found.kind
        );
    }
}

#[test]
fn r24_env_line_is_its_path_with_arguments() {
    let script = script_of(b"#!/usr/bin/env python3\n");
    assert_eq!(script.path(), "/usr/bin/env");
    assert_eq!(script.argument(), Some("python3"));
    assert_eq!(script.arguments().collect::<Vec<_>>(), ["python3"]);

    // Linux passes one argument, FreeBSD (Junos OS) splits at blanks.
    let script = script_of(b"#!/usr/bin/env -S python3 -u\n");
    assert_eq!(script.argument(), Some("-S python3 -u"));
    assert_eq!(
        script.arguments().collect::<Vec<_>>(),
        ["-S", "python3", "-u"]
    );
}

#[test]
fn r24_bom_before_shebang_is_a_configuration_with_a_warning() {
    let found = sniff(b"\xef\xbb\xbf#!/bin/sh\nexit 0\n").unwrap();
    assert!(matches!(found.kind, Kind::Configuration(_)));
    assert_eq!(
        found.diagnostics.iter().collect::<Vec<_>>(),
        [Diagnostic::BomBeforeShebang]
    );
    assert_eq!(Diagnostic::BomBeforeShebang.rule(), Some("R24"));
}

#[test]
fn r24_crlf_leaves_a_carriage_return_in_the_path() {
    let found = sniff(b"#!/bin/sh\r\nexit 0\r\n").unwrap();
    let script = found.kind.script().unwrap();
    assert_eq!(script.path(), "/bin/sh\r");
    assert_eq!(script.interpreter(), Interpreter::Unknown);
    assert!(found.diagnostics.contains(Diagnostic::CrlfLineEnd));
}

#[test]
fn r24_space_after_shebang_is_a_script_with_a_warning() {
    let found = sniff(b"#!  /usr/libexec/ui/cscript\n").unwrap();
    assert_eq!(
        found.kind.script().unwrap().interpreter(),
        Interpreter::Slax
    );
    assert_eq!(
        found.diagnostics.iter().collect::<Vec<_>>(),
        [Diagnostic::SpaceAfterShebang]
    );
}

#[test]
fn r24_shebang_without_interpreter_path_is_not_a_script() {
    for file in [&b"#!\n"[..], b"#!", b"#! \t\n", b"#!\nsystem {\n"] {
        let found = sniff(file).unwrap();
        assert!(matches!(found.kind, Kind::Configuration(_)), "{file:?}");
        assert!(found.diagnostics.contains(Diagnostic::MissingInterpreter));
    }
}

#[test]
fn r24_empty_file_is_an_empty_configuration() {
    let found = sniff(b"").unwrap();
    assert_eq!(found.kind, Kind::Configuration(ConfigFormat::Unknown));
    assert!(found.diagnostics.contains(Diagnostic::EmptyFile));
    assert_eq!(found.diagnostics.len(), 1);
}

#[test]
fn r24_image_given_as_configuration_is_caught() {
    let binary = |file: &[u8]| {
        let found = sniff(file).unwrap();
        assert!(found.diagnostics.contains(Diagnostic::BinaryContent));
        match found.kind {
            Kind::Configuration(ConfigFormat::Binary(binary)) => binary,
            other => panic!("not a binary configuration: {other}"),
        }
    };
    assert_eq!(binary(b"\x1f\x8b\x08\x08"), Binary::Gzip);
    assert_eq!(binary(b"\x7fELF\x02"), Binary::Elf);
    let mut tar = vec![b'a'; 600];
    tar[257..262].copy_from_slice(b"ustar");
    assert_eq!(binary(&tar), Binary::Tar);
    assert_eq!(binary(b"abc\0"), Binary::NulBytes { offset: 3 });
}

#[test]
fn r24_binary_configuration_is_a_configuration_whose_commit_fails() {
    // A gzip header (a .tgz software image): magic 1f 8b, method 08
    // (deflate), no flags, mtime 0, extra flags 0, OS 03 (unix).
    let gzip = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
    // An ELF header: magic 7f 'E' 'L' 'F', class 02 (64-bit), data 01
    // (little endian), version 01, OS ABI 00.
    let elf = b"\x7fELF\x02\x01\x01\x00";
    // A POSIX tar header block: the member name `junos.conf`, NUL padded,
    // `ustar\0` and version `00` at offset 257.
    let mut tar = [0u8; 512];
    tar[..10].copy_from_slice(b"junos.conf");
    tar[257..265].copy_from_slice(b"ustar\x0000");
    // An ISO 9660 image: a 32 KiB system area of zeros, then the primary
    // volume descriptor (type 01, `CD001`, version 01) at 32768: its magic is
    // past the 512 bytes read, its zeros are not.
    let mut iso = vec![0u8; 32768];
    iso.extend_from_slice(b"\x01CD001\x01");
    let cases: [(&[u8], Binary); 4] = [
        (gzip, Binary::Gzip),
        (elf, Binary::Elf),
        (&tar, Binary::Tar),
        (&iso, Binary::NulBytes { offset: 0 }),
    ];
    for (file, binary) in cases {
        let found = sniff(file).unwrap();
        // R24: the device loads it as a configuration; the verdict stays.
        assert_eq!(
            found.kind,
            Kind::Configuration(ConfigFormat::Binary(binary)),
            "{binary}"
        );
        // R28: its commit will fail, and the diagnostic says so and why.
        assert_eq!(
            found.diagnostics,
            Diagnostics::from([Diagnostic::BinaryContent])
        );
    }
    assert_eq!(Diagnostic::BinaryContent.rule(), Some("R28"));
    assert_eq!(
        Diagnostic::BinaryContent.to_string(),
        "the file is not text: the device loads it as a configuration, and the commit will fail"
    );
    assert_eq!(
        sniff(gzip).unwrap().to_string(),
        "configuration: gzip data; warning: the file is not text: the device loads it as a \
         configuration, and the commit will fail"
    );
    // `#!` with no interpreter, then a NUL: both are said.
    let found = sniff(b"#!\n\x00\x01").unwrap();
    assert_eq!(
        found.kind,
        Kind::Configuration(ConfigFormat::Binary(Binary::NulBytes { offset: 3 }))
    );
    assert_eq!(
        found.diagnostics,
        Diagnostics::from([Diagnostic::MissingInterpreter, Diagnostic::BinaryContent])
    );
}

#[test]
fn r24_long_shebang_line_with_a_whole_interpreter_path_is_a_script() {
    // `#!/usr/bin/python -u `, 278 `x`, a newline: a 300-byte line (with
    // the newline) whose path ends at byte 17. Linux reads 256 bytes of it.
    let mut file = b"#!/usr/bin/python -u ".to_vec();
    file.resize(299, b'x');
    file.push(b'\n');
    let found = sniff(&file).unwrap();
    let script = found.kind.script().unwrap();
    assert_eq!(script.interpreter(), Interpreter::Python);
    assert_eq!(script.path(), "/usr/bin/python");
    assert_eq!(script.argument().map(str::len), Some(299 - 18));
    assert_eq!(
        found.diagnostics,
        Diagnostics::from([Diagnostic::LongFirstLine, Diagnostic::LinuxCutsFirstLine])
    );
    assert_eq!(Diagnostic::LinuxCutsFirstLine.rule(), Some("R24"));

    // `#!/bin/sh `, then 600 `x` and no newline: the line goes on past the
    // 512 bytes read; the path is whole, the argument is what was read.
    let mut file = b"#!/bin/sh ".to_vec();
    file.resize(610, b'x');
    let found = sniff(&file).unwrap();
    let script = found.kind.script().unwrap();
    assert_eq!(script.interpreter(), Interpreter::Shell);
    assert_eq!(script.argument(), Some(&*"x".repeat(PREFIX_MAX - 10)));
    assert_eq!(
        found.diagnostics,
        Diagnostics::from([
            Diagnostic::LongFirstLine,
            Diagnostic::LinuxCutsFirstLine,
            Diagnostic::FirstLinePastPrefix
        ])
    );

    // `#!/bin/sh` and 300 blanks, a newline: past 256 bytes, but Linux loses
    // only blanks.
    let mut file = b"#!/bin/sh".to_vec();
    file.resize(309, b' ');
    file.push(b'\n');
    let found = sniff(&file).unwrap();
    assert_eq!(found.kind, Kind::Script(Script::new("/bin/sh", "")));
    assert_eq!(
        found.diagnostics,
        Diagnostics::from([Diagnostic::LongFirstLine])
    );

    // `#!/`, 397 `p`, a newline: a 400-byte interpreter path, whole.
    let path = format!("/{}", "p".repeat(397));
    let file = format!("#!{path}\n");
    assert_eq!(script_of(file.as_bytes()).path(), path);
    // The same path ended by the end of a 400-byte file, with no newline.
    assert_eq!(script_of(file.trim_end().as_bytes()).path(), path);

    // `#!/bin/sh  `, then `é` (c3 a9) 300 times: the 512-byte bound falls in
    // the middle of one; the argument is the 250 whole ones before it.
    let file = [b"#!/bin/sh  ".as_slice(), &b"\xc3\xa9".repeat(300)].concat();
    let script = script_of(&file);
    assert_eq!(script.argument(), Some(&*"\u{e9}".repeat(250)));
}

#[test]
fn r24_interpreter_path_past_the_bound_gets_no_verdict() {
    let too_long = Error::InterpreterPathTooLong { limit: PREFIX_MAX };
    let error = Err(too_long);
    // `#!/`, then 600 `a` and a newline: the path runs past the 512 bytes
    // read, so it may name anything.
    let file = [b"#!/".as_slice(), &[b'a'; 600], b"\n"].concat();
    assert_eq!(sniff(&file), error);
    // `#!/`, 509 `a`: a file of exactly 512 bytes ends where the bound does,
    // so it is no shorter than the bound, and a longer file could go on.
    assert_eq!(sniff(&file[..PREFIX_MAX]), error);
    // One byte less: a whole file shorter than the bound, its path ended by
    // the end of the file.
    assert!(sniff(&file[..PREFIX_MAX - 1]).is_ok());
    // `#!/`, 508 `a`, a blank: the path ends at the last byte read.
    let file = [b"#!/".as_slice(), &[b'a'; 508], b" x\n"].concat();
    assert_eq!(script_of(&file).path().len(), 509);
    // `#!` and 600 blanks: no path begins within the bound.
    let file = [b"#!".as_slice(), &[b' '; 600], b"/bin/sh\n"].concat();
    assert_eq!(sniff(&file), error);
    assert_eq!(
        too_long.to_string(),
        "#! interpreter path runs past the 512 bytes read: no blank or newline ends it before \
         byte offset 512, so the interpreter is unknown"
    );
}

#[test]
fn r24_configuration_formats() {
    let cases: [(&[u8], ConfigFormat); 5] = [
        (b"version 23.4R1;\n", ConfigFormat::Curly),
        (
            b"set interfaces ge-0/0/0 unit 0\n",
            ConfigFormat::SetCommands,
        ),
        (b"<configuration>\n", ConfigFormat::Xml),
        (b"{ \"configuration\": {} }\n", ConfigFormat::Json),
        (b"hello\n", ConfigFormat::Unknown),
    ];
    for (file, format) in cases {
        assert_eq!(sniff(file).unwrap().kind, Kind::Configuration(format));
    }
}

#[test]
fn r25_known_interpreters_by_exact_path() {
    let cases = [
        (&b"#!/bin/sh\n"[..], Interpreter::Shell),
        (b"#!/usr/libexec/ui/cscript\n", Interpreter::Slax),
        (b"#!/usr/bin/python\n", Interpreter::Python),
        (b"#!/usr/bin/python3\n", Interpreter::Unknown),
        (b"#!/bin//sh\n", Interpreter::Unknown),
        (b"#!/usr/local/bin/python\n", Interpreter::Unknown),
    ];
    for (file, interpreter) in cases {
        assert_eq!(script_of(file).interpreter(), interpreter, "{file:?}");
    }
}

#[test]
fn r25_unknown_interpreter_is_reported_with_its_path() {
    let script = script_of(b"#!/usr/bin/perl -w\n");
    assert_eq!(script.interpreter(), Interpreter::Unknown);
    assert_eq!(script.path(), "/usr/bin/perl");
    assert_eq!(script.argument(), Some("-w"));
    for platform in Platform::ALL {
        assert_eq!(script.can_run_on(platform), Verdict::NotListed);
    }
}

#[test]
fn r25_shell_and_slax_run_everywhere() {
    for file in [&b"#!/bin/sh\n"[..], b"#!/usr/libexec/ui/cscript\n"] {
        let script = script_of(file);
        for platform in Platform::ALL {
            assert_eq!(script.can_run_on(platform), Verdict::Runs);
        }
    }
}

#[test]
fn r25_python_needs_enhanced_automation_or_evolved() {
    let script = script_of(b"#!/usr/bin/python\n");
    assert_eq!(
        script.can_run_on(Platform::JunosOs),
        Verdict::UnsignedPythonRefused {
            platform: Platform::JunosOs
        }
    );
    assert_eq!(
        script.can_run_on(Platform::JunosOsEnhancedAutomation),
        Verdict::Runs
    );
    assert_eq!(script.can_run_on(Platform::JunosOsEvolved), Verdict::Runs);
    assert_eq!(
        Verdict::UnsignedPythonRefused {
            platform: Platform::JunosOs
        }
        .to_string(),
        "junos os does not run unsigned python; only junos os with enhanced automation \
         and junos os evolved do (R25)"
    );
}

#[test]
fn r25_relative_interpreter_is_diagnosed() {
    let found = sniff(b"#!bin/sh\n").unwrap();
    assert_eq!(found.kind.script().unwrap().path(), "bin/sh");
    assert!(found.diagnostics.contains(Diagnostic::RelativeInterpreter));
    assert_eq!(Diagnostic::RelativeInterpreter.rule(), Some("R25"));
}

#[test]
fn r26_only_the_first_line_decides() {
    let first = b"#!/usr/bin/python\n";
    let want = sniff(first).unwrap();
    for rest in [
        &b""[..],
        b"\0\0\0",
        b"\x1f\x8b",
        b"#!/bin/sh\n",
        &[0xff; 4096],
    ] {
        let file = [&first[..], rest].concat();
        assert_eq!(sniff(&file).unwrap(), want);
    }
}

#[test]
fn r26_bytes_past_the_prefix_are_never_read() {
    let mut file = b"system {\n".to_vec();
    file.resize(PREFIX_MAX, b' ');
    let want = sniff(&file).unwrap().into_owned();
    file.extend_from_slice(b"\0\x1f\x8b garbage");
    assert_eq!(sniff(&file).unwrap(), want);
}

#[test]
fn r26_first_line_over_the_bound_is_an_error_not_a_truncation() {
    // `#!/usr/bin/env` and `x` up to 255 bytes, a newline: one path.
    let mut line = b"#!/usr/bin/env".to_vec();
    line.resize(FIRST_LINE_MAX - 1, b'x');
    line.push(b'\n');
    assert!(sniff(&line).is_ok(), "255 bytes and a newline fit");
    // Past the 256 bytes Linux reads, the path is still whole (R24).
    line.insert(3, b'x');
    assert!(sniff(&line).is_ok());
    // Past the 512 bytes read, it is an error, never a cut path.
    line.pop();
    line.resize(PREFIX_MAX, b'x');
    assert_eq!(
        sniff(&line),
        Err(Error::InterpreterPathTooLong { limit: PREFIX_MAX })
    );
    line.push(b'\n');
    assert_eq!(
        sniff(&line),
        Err(Error::InterpreterPathTooLong { limit: PREFIX_MAX })
    );
    // The end of a shorter file ends the path.
    line.truncate(PREFIX_MAX - 1);
    assert!(sniff(&line).is_ok());
}

#[test]
fn r26_streaming_says_partial_until_decided() {
    let mut sniffer = Sniffer::new();
    assert_eq!(sniffer.feed(b"#"), Ok(Status::Partial));
    assert_eq!(sniffer.feed(b"!/bin/s"), Ok(Status::Partial));
    assert!(!sniffer.is_complete());
    // At this point a file that ended would be `/bin/s`.
    assert_eq!(
        sniffer.finish().unwrap().kind.script().unwrap().path(),
        "/bin/s"
    );
    assert_eq!(sniffer.feed(b"h\nexit 0\n"), Ok(Status::Complete(2)));
    assert_eq!(
        sniffer
            .finish()
            .unwrap()
            .kind
            .script()
            .unwrap()
            .interpreter(),
        Interpreter::Shell
    );
}

#[test]
fn r26_streaming_memory_is_bounded() {
    assert!(std::mem::size_of::<Sniffer>() <= PREFIX_MAX + 32);
    let mut sniffer = Sniffer::new();
    let big = vec![b'a'; if cfg!(miri) { 1 << 14 } else { 1 << 20 }];
    assert_eq!(sniffer.feed(&big), Ok(Status::Complete(PREFIX_MAX)));
    assert_eq!(sniffer.buffered().len(), PREFIX_MAX);
}

#[test]
fn error_displays_are_lowercase_and_name_the_offset() {
    let error = sniff(b"#!/bin/\xc3(\n").unwrap_err();
    assert_eq!(
        error,
        Error::NotUtf8 {
            offset: 7,
            byte: 0xc3
        }
    );
    assert_eq!(
        error.to_string(),
        "#! line is not utf-8: byte 0xc3 at offset 7"
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip_recomputes_the_interpreter() {
    let found = sniff(b"#!/usr/bin/python -u\r\n").unwrap();
    let json = serde_json::to_string(&found).unwrap();
    assert_eq!(
        json,
        r#"{"kind":{"script":{"interpreter":"python","path":"/usr/bin/python","argument":"-u\r"}},"diagnostics":["crlf_line_end"]}"#
    );
    let back: ztp_script_detect::Sniff<'static> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, found);
    // A hand-written interpreter that disagrees with the path is ignored.
    let lying =
        r#"{"kind":{"script":{"interpreter":"shell","path":"/usr/bin/python"}},"diagnostics":[]}"#;
    let back: ztp_script_detect::Sniff<'static> = serde_json::from_str(lying).unwrap();
    assert_eq!(
        back.kind.script().unwrap().interpreter(),
        Interpreter::Python
    );
    // A binary configuration keeps its format and its diagnostic.
    let found = sniff(b"\x1f\x8b\x08\x00").unwrap();
    let json = serde_json::to_string(&found).unwrap();
    assert_eq!(
        json,
        r#"{"kind":{"configuration":{"binary":"gzip"}},"diagnostics":["binary_content"]}"#
    );
    let back: ztp_script_detect::Sniff<'static> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, found);
    for platform in Platform::ALL {
        let text = serde_json::to_string(&platform).unwrap();
        assert_eq!(serde_json::from_str::<Platform>(&text).unwrap(), platform);
    }
}
