//! The table: first lines and prefixes with their exact results, checked whole
//! (R24, R25) and chunked at every split point (R26).
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use ztp_script_detect::{
    Binary, ConfigFormat, Diagnostic, Error, Kind, PREFIX_MAX, Script, Sniff, Sniffer, Status,
    sniff,
};

use Diagnostic::*;

type Want = Result<Sniff<'static>, Error>;

fn script<const N: usize>(path: &str, argument: &str, diagnostics: [Diagnostic; N]) -> Want {
    Ok(Sniff {
        kind: Kind::Script(Script::new(path.to_owned(), argument.to_owned())),
        diagnostics: diagnostics.into(),
    })
}

fn config<const N: usize>(format: ConfigFormat, diagnostics: [Diagnostic; N]) -> Want {
    Ok(Sniff {
        kind: Kind::Configuration(format),
        diagnostics: diagnostics.into(),
    })
}

/// R24, R28: a binary file is a configuration whose commit will fail.
fn binary(binary: Binary) -> Want {
    config(ConfigFormat::Binary(binary), [BinaryContent])
}

fn tar_header() -> Vec<u8> {
    let mut header = vec![0u8; 512];
    header[..9].copy_from_slice(b"junos.tgz");
    header[257..263].copy_from_slice(b"ustar\0");
    header[263..265].copy_from_slice(b"00");
    header
}

fn repeat(head: &str, byte: u8, count: usize, tail: &str) -> Vec<u8> {
    let mut out = head.as_bytes().to_vec();
    out.extend(std::iter::repeat_n(byte, count));
    out.extend_from_slice(tail.as_bytes());
    out
}

/// Every row: input, exact expected result.
fn table() -> Vec<(Vec<u8>, Want)> {
    use ConfigFormat::*;
    let too_long = Err(Error::InterpreterPathTooLong { limit: PREFIX_MAX });
    let long_path_255 = format!("/{}", "a".repeat(252));
    let long_path_256 = format!("/{}", "a".repeat(253));
    let long_path_509 = format!("/{}", "a".repeat(508));
    let path_127 = format!("/{}", "b".repeat(124));
    let path_128 = format!("/{}", "b".repeat(125));
    let rows: Vec<(Vec<u8>, Want)> = vec![
        // R24/R25: the three known interpreters.
        (b"#!/bin/sh\n".to_vec(), script("/bin/sh", "", [])),
        (b"#!/bin/sh".to_vec(), script("/bin/sh", "", [])),
        (
            b"#!/usr/libexec/ui/cscript\nversion 1.0;\n".to_vec(),
            script("/usr/libexec/ui/cscript", "", []),
        ),
        (
            b"#!/usr/bin/python\nimport jcs\n".to_vec(),
            script("/usr/bin/python", "", []),
        ),
        (
            b"#!/usr/bin/python -u\n".to_vec(),
            script("/usr/bin/python", "-u", []),
        ),
        (
            b"#!/bin/sh -x -e\n".to_vec(),
            script("/bin/sh", "-x -e", []),
        ),
        // Unknown interpreters, with their path.
        (
            b"#!/usr/bin/env python3\nprint()\n".to_vec(),
            script("/usr/bin/env", "python3", []),
        ),
        (
            b"#!/usr/bin/python3\n".to_vec(),
            script("/usr/bin/python3", "", []),
        ),
        (b"#!/bin/bash\n".to_vec(), script("/bin/bash", "", [])),
        (
            b"#!python\n".to_vec(),
            script("python", "", [RelativeInterpreter]),
        ),
        (
            b"#!./run.sh arg\n".to_vec(),
            script("./run.sh", "arg", [RelativeInterpreter]),
        ),
        // Blanks and line ends.
        (
            b"#! /bin/sh\n".to_vec(),
            script("/bin/sh", "", [SpaceAfterShebang]),
        ),
        (
            b"#!\t/bin/sh \t\n".to_vec(),
            script("/bin/sh", "", [SpaceAfterShebang]),
        ),
        (
            b"#!/bin/sh\r\necho\r\n".to_vec(),
            script("/bin/sh\r", "", [CrlfLineEnd]),
        ),
        (
            b"#!/usr/bin/env python3\r\n".to_vec(),
            script("/usr/bin/env", "python3\r", [CrlfLineEnd]),
        ),
        (
            b"#! python\r\n".to_vec(),
            script(
                "python\r",
                "",
                [SpaceAfterShebang, RelativeInterpreter, CrlfLineEnd],
            ),
        ),
        // Only the first line decides: binary bytes after it do not matter.
        (
            b"#!/bin/sh\n\0\0\x1f\x8b".to_vec(),
            script("/bin/sh", "", []),
        ),
        (
            repeat("#!/bin/sh\n", b'x', 600, ""),
            script("/bin/sh", "", []),
        ),
        // `#!` with no interpreter is not a script.
        (b"#!\n".to_vec(), config(Unknown, [MissingInterpreter])),
        (b"#!".to_vec(), config(Unknown, [MissingInterpreter])),
        (
            b"#! \t \nset system host-name r1\n".to_vec(),
            config(SetCommands, [MissingInterpreter]),
        ),
        // Not `#!` at the very start: a configuration.
        (
            b"\xef\xbb\xbf#!/bin/sh\necho hi\n".to_vec(),
            config(Unknown, [BomBeforeShebang]),
        ),
        (b"\xef\xbb\xbfsystem {\n".to_vec(), config(Curly, [])),
        (b" #!/bin/sh\n".to_vec(), config(Unknown, [])),
        (b"#".to_vec(), config(Unknown, [])),
        (b"".to_vec(), config(Unknown, [EmptyFile])),
        (b"\n \n\t\n".to_vec(), config(Unknown, [])),
        // Configuration formats.
        (
            b"system {\n    host-name r1;\n}\n".to_vec(),
            config(Curly, []),
        ),
        (
            b"## Last commit: 2024-05-01 10:00:00 UTC by ztp\nversion 23.4R1;\n".to_vec(),
            config(Curly, []),
        ),
        (b"/* ztp */\ninterfaces {\n".to_vec(), config(Curly, [])),
        (
            b"inactive: protocols { lldp; }\n".to_vec(),
            config(Curly, []),
        ),
        (
            b"set system host-name r1\nset system services ssh\n".to_vec(),
            config(SetCommands, []),
        ),
        (b"delete system syslog\n".to_vec(), config(SetCommands, [])),
        (b"set".to_vec(), config(Unknown, [])),
        (
            b"<?xml version=\"1.0\"?>\n<configuration junos:changed-seconds=\"0\">\n".to_vec(),
            config(Xml, []),
        ),
        (
            b"<html><body>404 Not Found</body></html>\n".to_vec(),
            config(Unknown, []),
        ),
        (b"{\n  \"configuration\" : {\n".to_vec(), config(Json, [])),
        // Not text: still a configuration (R24), whose commit will fail (R28).
        (
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03".to_vec(),
            binary(crate::Binary::Gzip),
        ),
        (
            b"\x7fELF\x02\x01\x01\0".to_vec(),
            binary(crate::Binary::Elf),
        ),
        (tar_header(), binary(crate::Binary::Tar)),
        (
            b"hello\0world".to_vec(),
            binary(crate::Binary::NulBytes { offset: 5 }),
        ),
        (
            b"\xff\xfes\0e\0t\0".to_vec(),
            binary(crate::Binary::NulBytes { offset: 3 }),
        ),
        // A NUL past the 512-byte prefix is not seen.
        (repeat("system {\n", b' ', 600, "\0"), config(Curly, [])),
        // R24 bounds: a whole interpreter path within the 512 bytes read makes
        // a script, however long the line; Linux reads 256 of them.
        (
            repeat("#!/", b'a', 252, "\n"),
            script(&long_path_255, "", [LongFirstLine]),
        ),
        (
            repeat("#!/", b'a', 253, "\n"),
            script(&long_path_256, "", [LongFirstLine, LinuxCutsFirstLine]),
        ),
        (
            repeat("#!/", b'a', 253, ""),
            script(&long_path_256, "", [LongFirstLine, LinuxCutsFirstLine]),
        ),
        (
            repeat("#!/", b'a', 252, ""),
            script(&long_path_255, "", [LongFirstLine]),
        ),
        (
            repeat("#!/bin/sh", b' ', 300, "\n"),
            script("/bin/sh", "", [LongFirstLine]),
        ),
        (repeat("#!/", b'b', 124, "\n"), script(&path_127, "", [])),
        (
            repeat("#!/", b'b', 125, "\n"),
            script(&path_128, "", [LongFirstLine]),
        ),
        (
            repeat("#!/bin/sh -x ", b'y', 300, "\n"),
            script(
                "/bin/sh",
                &format!("-x {}", "y".repeat(300)),
                [LongFirstLine, LinuxCutsFirstLine],
            ),
        ),
        // Past the 512 bytes read: a whole path is a script with the argument
        // read so far; a path that runs to the bound gets no answer.
        (
            repeat("#!/bin/sh ", b'x', 600, "\n"),
            script(
                "/bin/sh",
                &"x".repeat(PREFIX_MAX - 10),
                [LongFirstLine, LinuxCutsFirstLine, FirstLinePastPrefix],
            ),
        ),
        (
            repeat("#!/", b'a', 508, " x\n"),
            script(
                &long_path_509,
                "",
                [LongFirstLine, LinuxCutsFirstLine, FirstLinePastPrefix],
            ),
        ),
        (
            repeat("#!/", b'a', 508, ""),
            script(&long_path_509, "", [LongFirstLine, LinuxCutsFirstLine]),
        ),
        (repeat("#!/", b'a', 509, ""), too_long.clone()),
        (repeat("#!/", b'a', 600, "\n"), too_long.clone()),
        (repeat("#!", b' ', 600, "/bin/sh\n"), too_long),
        // Not UTF-8.
        (
            b"#!/bin/\xffsh\n".to_vec(),
            Err(Error::NotUtf8 {
                offset: 7,
                byte: 0xff,
            }),
        ),
    ];
    rows
}

fn show(input: &[u8]) -> String {
    let head: Vec<u8> = input.iter().copied().take(40).collect();
    format!(
        "{:?} ({} bytes)",
        String::from_utf8_lossy(&head),
        input.len()
    )
}

#[test]
fn r24_r25_table_of_first_lines_whole() {
    let rows = table();
    assert!(rows.len() >= 30, "{} rows", rows.len());
    for (input, want) in &rows {
        let got = sniff(input).map(Sniff::into_owned);
        assert_eq!(&got, want, "{}", show(input));
    }
}

/// Feeds `parts` in order, stopping once the sniffer says it is complete.
fn feed_until_complete<'s>(sniffer: &'s mut Sniffer, parts: &[&[u8]]) -> Result<Sniff<'s>, Error> {
    for part in parts {
        if sniffer.feed(part)?.is_complete() {
            break;
        }
    }
    sniffer.finish()
}

/// Feeds all `parts`, ignoring every status, then (if decided) bytes that
/// would change the answer: feeding after completion must change nothing.
fn feed_all<'s>(sniffer: &'s mut Sniffer, parts: &[&[u8]]) -> Result<Sniff<'s>, Error> {
    for part in parts {
        let _ = sniffer.feed(part);
    }
    if sniffer.is_complete() {
        let consumed = sniffer.consumed();
        let _ = sniffer.feed(b"\0\n#!/bin/sh\n");
        assert_eq!(sniffer.consumed(), consumed);
    }
    sniffer.finish()
}

#[test]
fn r26_chunked_equals_whole_at_every_split_point() {
    // Under Miri every 7th cut (each step costs a thousand times more).
    let step = if cfg!(miri) { 7 } else { 1 };
    for (input, want) in table() {
        for cut in (0..=input.len()).step_by(step) {
            let (a, b) = input.split_at(cut);
            let mut sniffer = Sniffer::new();
            let got = feed_until_complete(&mut sniffer, &[a, b]).map(Sniff::into_owned);
            assert_eq!(got, want, "{} cut at {cut}", show(&input));
            let mut sniffer = Sniffer::new();
            let got = feed_all(&mut sniffer, &[a, &[], b]).map(Sniff::into_owned);
            assert_eq!(got, want, "{} cut at {cut}, fed on", show(&input));
        }
    }
}

#[test]
fn r26_chunked_equals_whole_at_every_pair_of_split_points() {
    // Every pair (under Miri, whose steps are a thousand times slower, every
    // 13th cut of every 7th row: the pairs are quadratic).
    let step = if cfg!(miri) { 13 } else { 1 };
    let rows = if cfg!(miri) { 7 } else { 1 };
    for (input, want) in table()
        .into_iter()
        .filter(|(input, _)| input.len() <= 300)
        .step_by(rows)
    {
        for i in (0..=input.len()).step_by(step) {
            for j in (i..=input.len()).step_by(step) {
                let mut sniffer = Sniffer::new();
                let parts = [&input[..i], &input[i..j], &input[j..]];
                let got = feed_until_complete(&mut sniffer, &parts).map(Sniff::into_owned);
                assert_eq!(got, want, "{} cut at {i} and {j}", show(&input));
            }
        }
    }
}

#[test]
fn r26_chunked_equals_whole_one_byte_at_a_time() {
    for (input, want) in table() {
        let mut sniffer = Sniffer::new();
        let parts: Vec<&[u8]> = input.chunks(1).collect();
        let got = feed_until_complete(&mut sniffer, &parts).map(Sniff::into_owned);
        assert_eq!(got, want, "{}", show(&input));
        assert!(sniffer.consumed() <= ztp_script_detect::PREFIX_MAX);
    }
}

/// Generated inputs over an alphabet that hits every branch, each compared
/// against the one-shot answer at every split point.
#[test]
fn r26_chunked_equals_whole_for_generated_inputs() {
    const ALPHABET: &[u8] = b"#!/ \t\r\n\0ab{;<s\xef\xbb\xbf\xff";
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    // 3000 rounds (30 under Miri, where each costs a thousand times more).
    let rounds = if cfg!(miri) { 30 } else { 3000 };
    for round in 0..rounds {
        let len = if round % 10 == 0 {
            240 + next() % 40
        } else if round % 10 == 5 {
            500 + next() % 30
        } else {
            next() % 24
        };
        let mut input: Vec<u8> = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        // One round in ten: a `#!` line with no newline, around the bound.
        let long_line = round % 10 == 5;
        if long_line {
            input.retain(|byte| *byte != b'\n');
        }
        if round % 2 == 0 || long_line {
            input.splice(0..0, *b"#!");
        }
        let want = sniff(&input).map(Sniff::into_owned);
        for cut in 0..=input.len() {
            let mut sniffer = Sniffer::new();
            let got = feed_until_complete(&mut sniffer, &[&input[..cut], &input[cut..]])
                .map(Sniff::into_owned);
            assert_eq!(got, want, "{input:?} cut at {cut}");
        }
    }
}

#[test]
fn r26_partial_until_the_first_line_is_complete() {
    let file = b"#!/usr/libexec/ui/cscript\nversion 1.0;\n";
    let newline = 25;
    for end in 0..newline {
        let mut sniffer = Sniffer::new();
        assert_eq!(sniffer.feed(&file[..end]), Ok(Status::Partial), "{end}");
    }
    let mut sniffer = Sniffer::new();
    assert_eq!(sniffer.feed(file), Ok(Status::Complete(newline + 1)));
}
