//! The decision itself: [`sniff`] for a whole file, [`Sniffer`] for a file
//! still arriving. Both call the same [`classify`] on the same bounded
//! prefix, which is why they agree.

use std::fmt;

use crate::{
    Binary, ConfigFormat, Diagnostic, Diagnostics, Error, FIRST_LINE_MAX, Kind,
    LEGACY_FIRST_LINE_MAX, PREFIX_MAX, Script, Status,
};

const SHEBANG: &[u8] = b"#!";
const BOM: &[u8] = b"\xEF\xBB\xBF";
const GZIP_MAGIC: &[u8] = b"\x1F\x8B";
const ELF_MAGIC: &[u8] = b"\x7FELF";
/// Where the POSIX tar header keeps its magic (`ustar`, then `\0` or ` `).
const TAR_MAGIC: std::ops::Range<usize> = 257..262;

/// What the file is, and what to warn about.
///
/// Borrows from the sniffed bytes (the input of [`sniff`], or the buffer of a
/// [`Sniffer`]); [`Sniff::into_owned`] detaches it.
///
/// ```
/// use ztp_script_detect::{sniff, Diagnostic, Sniff};
///
/// let found: Sniff<'_> = sniff(b"#!/bin/sh\r\necho hi\r\n")?;
/// assert!(found.kind.script().is_some());
/// assert!(found.diagnostics.contains(Diagnostic::CrlfLineEnd));
/// println!("{found}"); // script run by /bin/sh (shell); warning: ...
/// let kept: Sniff<'static> = found.into_owned(); // outlives the bytes
/// # let _ = kept;
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sniff<'a> {
    /// Script or configuration (R24).
    pub kind: Kind<'a>,
    /// Warnings about the first line or the file.
    pub diagnostics: Diagnostics,
}

impl Sniff<'_> {
    /// A copy that owns its strings, so it can outlive the sniffed bytes.
    #[must_use]
    pub fn into_owned(self) -> Sniff<'static> {
        Sniff {
            kind: self.kind.into_owned(),
            diagnostics: self.diagnostics,
        }
    }
}

impl fmt::Display for Sniff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        for diagnostic in self.diagnostics {
            write!(f, "; warning: {diagnostic}")?;
        }
        Ok(())
    }
}

/// Sniffs a whole file (its end is known).
///
/// Reads at most the first [`PREFIX_MAX`] bytes, so the cost does not depend
/// on the file's size (R26). A file with no newline is one first line, ended by
/// the end of the file.
///
/// ```
/// use ztp_script_detect::{sniff, ConfigFormat, Interpreter, Kind};
///
/// let found = sniff(b"#!/bin/sh\necho hi\n")?;
/// assert_eq!(found.kind.script().map(|s| s.interpreter()), Some(Interpreter::Shell));
///
/// let found = sniff(b"set system host-name r1\n")?;
/// assert_eq!(found.kind, Kind::Configuration(ConfigFormat::SetCommands));
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::InterpreterPathTooLong`] and [`Error::NotUtf8`], for a `#!` first
/// line only.
pub fn sniff(file: &[u8]) -> Result<Sniff<'_>, Error> {
    classify(file.get(..PREFIX_MAX).unwrap_or(file))
}

/// Sniffs a file that arrives in chunks, in at most [`PREFIX_MAX`] bytes of
/// memory and without allocating.
///
/// Feed chunks with [`Sniffer::feed`] until it says [`Status::Complete`] (or
/// the input ends), then read the answer with [`Sniffer::finish`]. The answer
/// is the one [`sniff`] gives on the whole file, for any way of cutting the
/// file into chunks (R26). It borrows the sniffer's buffer;
/// [`Sniff::into_owned`] detaches it.
///
/// When it is decided:
///
/// * a `#!` first line with an interpreter: as soon as its newline arrives
///   (the sniffer keeps exactly the first line and never looks further);
/// * a `#!` first line with no newline within [`PREFIX_MAX`] bytes: a script
///   if its interpreter path ends within them, an error if not;
/// * a configuration: once [`PREFIX_MAX`] bytes are in, since its format
///   (and a tar image's magic at offset 257) is read from that prefix.
///
/// Before that, [`Sniffer::feed`] says [`Status::Partial`]. After it, feeding
/// consumes nothing.
///
/// ```
/// use ztp_script_detect::{Interpreter, Sniffer, Status};
///
/// let mut sniffer = Sniffer::new();
/// assert_eq!(sniffer.feed(b"#!/usr/bin/py")?, Status::Partial);
/// assert_eq!(sniffer.feed(b"thon\nimport jcs\n")?, Status::Complete(5));
/// let found = sniffer.finish()?;
/// let script = found.kind.script().unwrap();
/// assert_eq!(script.interpreter(), Interpreter::Python);
/// assert_eq!(sniffer.consumed(), b"#!/usr/bin/python\n".len());
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Clone)]
pub struct Sniffer {
    buf: [u8; PREFIX_MAX],
    len: usize,
    state: State,
}

/// Where a [`Sniffer`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Needs more bytes.
    Open,
    /// Decided: [`classify`] on the buffer succeeds.
    Done,
    /// Decided: [`classify`] on the buffer fails with this error.
    Failed(Error),
}

impl Sniffer {
    /// A sniffer that has seen nothing yet.
    #[must_use]
    pub const fn new() -> Self {
        Sniffer {
            buf: [0; PREFIX_MAX],
            len: 0,
            state: State::Open,
        }
    }

    /// Takes the next chunk of the file.
    ///
    /// [`Status::Partial`]: the whole chunk was taken and more is needed.
    /// [`Status::Complete`]`(n)`: decided, after taking the first `n` bytes of
    /// this chunk (0 once it was decided by an earlier chunk).
    ///
    /// # Errors
    ///
    /// As [`sniff`], as soon as the error is certain (and again on every later
    /// call).
    pub fn feed(&mut self, chunk: &[u8]) -> Result<Status<usize>, Error> {
        match self.state {
            State::Open => {}
            State::Done => return Ok(Status::Complete(0)),
            State::Failed(error) => return Err(error),
        }
        let before = self.len;
        let room = self.buf.get_mut(before..).unwrap_or_default();
        let take = room.len().min(chunk.len());
        if let (Some(to), Some(from)) = (room.get_mut(..take), chunk.get(..take)) {
            to.copy_from_slice(from);
        }
        self.len = before + take;
        match decided_len(self.buffered()) {
            None => Ok(Status::Partial),
            Some(needed) => {
                self.len = needed.min(self.len);
                match check(self.buffered()) {
                    Ok(()) => {
                        self.state = State::Done;
                        Ok(Status::Complete(self.len.saturating_sub(before)))
                    }
                    Err(error) => {
                        self.state = State::Failed(error);
                        Err(error)
                    }
                }
            }
        }
    }

    /// The answer: at the end of the input, or once [`Sniffer::feed`] said
    /// [`Status::Complete`]. Before either, it is the answer for a file that
    /// ends here.
    ///
    /// # Errors
    ///
    /// As [`sniff`].
    pub fn finish(&self) -> Result<Sniff<'_>, Error> {
        classify(self.buffered())
    }

    /// Whether the answer is decided, whatever follows.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.state != State::Open
    }

    /// How many bytes of the file the sniffer has taken (never more than
    /// [`PREFIX_MAX`]; for a script, exactly its first line, or the first
    /// [`PREFIX_MAX`] bytes of a longer one).
    #[must_use]
    pub fn consumed(&self) -> usize {
        self.len
    }

    /// The bytes taken so far: the start of the file.
    #[must_use]
    pub fn buffered(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

impl Default for Sniffer {
    fn default() -> Self {
        Sniffer::new()
    }
}

impl fmt::Debug for Sniffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sniffer")
            .field("consumed", &self.len)
            .field("complete", &self.is_complete())
            .finish_non_exhaustive()
    }
}

fn is_blank(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// After `#!`, blanks only: no interpreter (R24).
fn has_interpreter(line: &[u8]) -> bool {
    line.get(SHEBANG.len()..)
        .is_some_and(|rest| rest.iter().any(|byte| !is_blank(*byte)))
}

/// How many leading bytes of `prefix` decide the answer for every file that
/// starts with `prefix`; `None` if no number does yet.
fn decided_len(prefix: &[u8]) -> Option<usize> {
    let script_line = prefix
        .starts_with(SHEBANG)
        .then(|| prefix.iter().position(|byte| *byte == b'\n'))
        .flatten()
        .filter(|&newline| prefix.get(..newline).is_some_and(has_interpreter));
    if let Some(newline) = script_line {
        return Some(newline + 1);
    }
    // `#!` alone on its line, a `#!` line with no newline within the bound
    // (a script or an error, decided there) and a configuration: the whole
    // prefix decides.
    (prefix.len() >= PREFIX_MAX).then_some(PREFIX_MAX)
}

/// Whether [`classify`] fails on `prefix`, without building the answer: only
/// a `#!` line can fail.
fn check(prefix: &[u8]) -> Result<(), Error> {
    if prefix.starts_with(SHEBANG) {
        shebang_line(prefix)?;
    }
    Ok(())
}

/// The first line of a prefix that starts with `#!`, without its newline.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// The line as text: ended by a newline, by the end of a file shorter
    /// than [`PREFIX_MAX`], or by the bound (then [`Line::cut`]).
    text: &'a str,
    /// The line has no newline within [`PREFIX_MAX`] bytes: it goes on past
    /// what is read (an incomplete UTF-8 character at the cut is left out).
    cut: bool,
}

/// The `#!` line of `prefix` (which starts with `#!`), when an interpreter
/// path follows `#!`; `None` for blanks only (R24: not a script).
///
/// A line with no newline within [`PREFIX_MAX`] bytes is a script as long as
/// its interpreter path ends within them (a blank follows it): kernels run a
/// whole interpreter path, with the argument cut or not (R24). A path that
/// runs to the bound may go on: [`Error::InterpreterPathTooLong`].
fn shebang_line(prefix: &[u8]) -> Result<Option<Line<'_>>, Error> {
    let (bytes, cut) = match prefix.iter().position(|byte| *byte == b'\n') {
        Some(newline) => (prefix.get(..newline).unwrap_or(prefix), false),
        None => (prefix, prefix.len() >= PREFIX_MAX),
    };
    if cut && !path_ends(bytes) {
        return Err(Error::InterpreterPathTooLong { limit: PREFIX_MAX });
    }
    if !has_interpreter(bytes) {
        return Ok(None);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // The bound may split a character of the argument: what was read of
        // it is left out, as the bytes after the bound are.
        Err(error) if cut && error.error_len().is_none() => bytes
            .get(..error.valid_up_to())
            .and_then(|valid| std::str::from_utf8(valid).ok())
            .unwrap_or_default(),
        Err(error) => return Err(not_utf8(bytes, &error)),
    };
    Ok(Some(Line { text, cut }))
}

/// Whether the interpreter path after `#!` (and blanks) is followed by a
/// blank within `line`: then it is whole, whatever comes after.
fn path_ends(line: &[u8]) -> bool {
    line.get(SHEBANG.len()..)
        .unwrap_or_default()
        .iter()
        .skip_while(|byte| is_blank(**byte))
        .any(|byte| is_blank(*byte))
}

fn not_utf8(line: &[u8], error: &std::str::Utf8Error) -> Error {
    let offset = error.valid_up_to();
    Error::NotUtf8 {
        offset,
        byte: line.get(offset).copied().unwrap_or_default(),
    }
}

/// The answer for a file whose first bytes are `prefix`, where `prefix` is
/// the whole file or its first [`PREFIX_MAX`] bytes. Never reads past the
/// first line for the script decision (R26).
fn classify(prefix: &[u8]) -> Result<Sniff<'_>, Error> {
    let mut diagnostics = Diagnostics::new();
    if prefix.is_empty() {
        diagnostics.insert(Diagnostic::EmptyFile);
    } else if prefix.starts_with(SHEBANG) {
        if let Some(line) = shebang_line(prefix)? {
            return Ok(Sniff {
                kind: Kind::Script(script(line, &mut diagnostics)),
                diagnostics,
            });
        }
        diagnostics.insert(Diagnostic::MissingInterpreter);
    } else if prefix
        .strip_prefix(BOM)
        .is_some_and(|rest| rest.starts_with(SHEBANG))
    {
        diagnostics.insert(Diagnostic::BomBeforeShebang);
    }
    let format = content(prefix);
    if let ConfigFormat::Binary(_) = format {
        diagnostics.insert(Diagnostic::BinaryContent);
    }
    Ok(Sniff {
        kind: Kind::Configuration(format),
        diagnostics,
    })
}

/// Splits a `#!` line as the kernel does: blanks around the path, the rest
/// (blanks trimmed) is the argument.
fn script<'a>(line: Line<'a>, diagnostics: &mut Diagnostics) -> Script<'a> {
    let text = line.text;
    let after = text.get(SHEBANG.len()..).unwrap_or_default();
    let blanks = [' ', '\t'];
    if after.starts_with(blanks) {
        diagnostics.insert(Diagnostic::SpaceAfterShebang);
    }
    if !line.cut && text.ends_with('\r') {
        diagnostics.insert(Diagnostic::CrlfLineEnd);
    }
    if text.len() >= LEGACY_FIRST_LINE_MAX {
        diagnostics.insert(Diagnostic::LongFirstLine);
    }
    // Linux keeps the first FIRST_LINE_MAX - 1 bytes of a line with no
    // newline within FIRST_LINE_MAX bytes: anything but blanks after them is
    // lost to it.
    let linux_drops = text.len() >= FIRST_LINE_MAX
        && text
            .as_bytes()
            .get(FIRST_LINE_MAX - 1..)
            .is_some_and(|lost| lost.iter().any(|byte| !is_blank(*byte)));
    if linux_drops {
        diagnostics.insert(Diagnostic::LinuxCutsFirstLine);
    }
    if line.cut {
        diagnostics.insert(Diagnostic::FirstLinePastPrefix);
    }
    let command = after.trim_matches(blanks);
    let (path, argument) = command.split_once(blanks).unwrap_or((command, ""));
    if !path.starts_with('/') {
        diagnostics.insert(Diagnostic::RelativeInterpreter);
    }
    Script::new(path, argument.trim_matches(blanks))
}

/// The format of everything that is not a script: binary data first (still a
/// configuration to the device, R24), then the text formats.
fn content(prefix: &[u8]) -> ConfigFormat {
    if prefix.starts_with(GZIP_MAGIC) {
        ConfigFormat::Binary(Binary::Gzip)
    } else if prefix.starts_with(ELF_MAGIC) {
        ConfigFormat::Binary(Binary::Elf)
    } else if prefix.get(TAR_MAGIC) == Some(b"ustar") {
        ConfigFormat::Binary(Binary::Tar)
    } else if let Some(offset) = prefix.iter().position(|byte| *byte == 0) {
        ConfigFormat::Binary(Binary::NulBytes { offset })
    } else {
        format(prefix.strip_prefix(BOM).unwrap_or(prefix))
    }
}

/// The configuration format, from the first line that is neither blank nor a
/// comment.
fn format(text: &[u8]) -> ConfigFormat {
    let Some(line) = text
        .split(|byte| *byte == b'\n')
        .map(<[u8]>::trim_ascii)
        .find(|line| !(line.is_empty() || line.starts_with(b"#") || line.starts_with(b"/*")))
    else {
        return ConfigFormat::Unknown;
    };
    let word = line.split(|byte| is_blank(*byte)).next().unwrap_or(line);
    match (line.first(), line.last()) {
        (Some(b'<'), _) if contains(text, b"<configuration") => ConfigFormat::Xml,
        (Some(b'{'), _) => ConfigFormat::Json,
        _ if matches!(word, b"set" | b"delete" | b"activate" | b"deactivate")
            && line.len() > word.len() =>
        {
            ConfigFormat::SetCommands
        }
        (Some(first), Some(b'{' | b';' | b'}')) if first.is_ascii_alphanumeric() => {
            ConfigFormat::Curly
        }
        _ => ConfigFormat::Unknown,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Interpreter;

    #[test]
    fn r26_huge_input_stops_after_the_first_line() {
        let mut file = b"#!/bin/sh\n".to_vec();
        // 64 MiB (64 KiB under Miri: still far past the 512 bytes read).
        file.resize(if cfg!(miri) { 64 << 10 } else { 64 << 20 }, b'x');
        let mut sniffer = Sniffer::new();
        let mut taken = 0;
        let mut chunks_fed = 0;
        for chunk in file.chunks(64 << 10) {
            chunks_fed += 1;
            if let Status::Complete(used) = sniffer.feed(chunk).unwrap() {
                taken += used;
                break;
            }
            taken += chunk.len();
        }
        assert_eq!(chunks_fed, 1);
        assert_eq!(taken, 10);
        assert_eq!(sniffer.consumed(), 10);
        // Feeding on after the decision takes nothing.
        for chunk in file.chunks(64 << 10) {
            assert_eq!(sniffer.feed(chunk).unwrap(), Status::Complete(0));
        }
        assert_eq!(sniffer.consumed(), 10);
        let found = sniffer.finish().unwrap();
        assert_eq!(
            found.kind.script().map(Script::interpreter),
            Some(Interpreter::Shell)
        );
    }

    #[test]
    fn r26_huge_configuration_stops_at_the_prefix() {
        let mut file = b"system {\n".to_vec();
        // 64 MiB (64 KiB under Miri: still far past the 512 bytes read).
        file.resize(if cfg!(miri) { 64 << 10 } else { 64 << 20 }, b' ');
        let mut sniffer = Sniffer::new();
        let mut taken = 0;
        for chunk in file.chunks(100) {
            match sniffer.feed(chunk).unwrap() {
                Status::Complete(used) => {
                    taken += used;
                    break;
                }
                Status::Partial => taken += chunk.len(),
            }
        }
        assert_eq!(taken, PREFIX_MAX);
        assert_eq!(sniffer.consumed(), PREFIX_MAX);
        assert_eq!(
            sniffer.finish().unwrap().kind,
            Kind::Configuration(ConfigFormat::Curly)
        );
    }

    #[test]
    fn r26_one_byte_at_a_time_stops_at_the_newline() {
        let file = b"#!/usr/libexec/ui/cscript\nversion 1.0;\n";
        let mut sniffer = Sniffer::new();
        let mut fed = 0;
        for byte in file {
            fed += 1;
            if sniffer.feed(std::slice::from_ref(byte)).unwrap() == Status::Complete(1) {
                break;
            }
        }
        assert_eq!(fed, 26);
        assert!(sniffer.is_complete());
        assert_eq!(sniffer.buffered(), b"#!/usr/libexec/ui/cscript\n");
    }

    #[test]
    fn r26_long_line_error_is_decided_at_the_bound() {
        // `#!/#!/#!/...`: an interpreter path with no blank in it, running
        // past the 512 bytes read.
        let mut sniffer = Sniffer::new();
        let line = [b'#', b'!', b'/'].repeat(200);
        let error = Error::InterpreterPathTooLong { limit: PREFIX_MAX };
        assert_eq!(sniffer.feed(&line[..PREFIX_MAX - 1]), Ok(Status::Partial));
        assert_eq!(sniffer.feed(&line[PREFIX_MAX - 1..]), Err(error));
        assert_eq!(sniffer.consumed(), PREFIX_MAX);
        assert_eq!(sniffer.feed(b"\n"), Err(error));
        assert_eq!(sniffer.finish(), Err(error));
    }

    #[test]
    fn r24_long_line_with_a_whole_path_is_decided_at_the_bound() {
        // `#!/bin/sh ` and 590 `x`: the path ends at byte 9, the line runs
        // past the 512 bytes read.
        let mut file = b"#!/bin/sh ".to_vec();
        file.resize(600, b'x');
        let mut sniffer = Sniffer::new();
        assert_eq!(sniffer.feed(&file[..300]), Ok(Status::Partial));
        assert_eq!(sniffer.feed(&file[300..]), Ok(Status::Complete(212)));
        let found = sniffer.finish().unwrap();
        let script = found.kind.script().unwrap();
        assert_eq!(script.interpreter(), Interpreter::Shell);
        assert_eq!(script.argument().map(str::len), Some(PREFIX_MAX - 10));
        assert!(found.diagnostics.contains(Diagnostic::FirstLinePastPrefix));
    }

    #[test]
    fn decided_len_cases() {
        assert_eq!(decided_len(b""), None);
        assert_eq!(decided_len(b"#"), None);
        assert_eq!(decided_len(b"#!"), None);
        assert_eq!(decided_len(b"#!/bin/sh"), None);
        assert_eq!(decided_len(b"#!/bin/sh\nrest"), Some(10));
        assert_eq!(decided_len(b"#! \nrest"), None);
        assert_eq!(decided_len(b"set"), None);
        assert_eq!(decided_len(&[b'x'; PREFIX_MAX]), Some(PREFIX_MAX));
        let long = [b"#!/bin/sh ".as_slice(), &[b'x'; 300]].concat();
        assert_eq!(decided_len(&long), None);
        let long = [b"#!/bin/sh ".as_slice(), &[b'x'; PREFIX_MAX]].concat();
        assert_eq!(decided_len(&long[..PREFIX_MAX]), Some(PREFIX_MAX));
    }

    #[test]
    fn check_fails_exactly_when_classify_fails() {
        let long = [b"#!/".as_slice(), &[b'a'; 600]].concat();
        let long_argument = [b"#!/bin/sh ".as_slice(), &[b'a'; 600]].concat();
        // `#!/bin/sh  ` then `é` (c3 a9) over and over: the bound at 512
        // splits one.
        let split_character = [b"#!/bin/sh  ".as_slice(), &b"\xc3\xa9".repeat(300)].concat();
        let blanks = [b"#!".as_slice(), &[b' '; 600]].concat();
        for prefix in [
            &b""[..],
            b"#!",
            b"#! \xff",
            b"#!/\xff",
            b"#!/bin/sh\n\xff",
            b"\xff",
            &long[..PREFIX_MAX],
            &long[..255],
            &long[..300],
            &long_argument[..PREFIX_MAX],
            &split_character[..PREFIX_MAX],
            &split_character[..PREFIX_MAX - 1],
            &blanks[..PREFIX_MAX],
        ] {
            assert_eq!(check(prefix).err(), classify(prefix).err(), "{prefix:?}");
        }
    }

    #[test]
    fn sniff_display() {
        let found = sniff(b"#! /bin/sh -x\r\n").unwrap();
        assert_eq!(
            found.to_string(),
            "script: /bin/sh (shell) with argument \"-x\\r\"; \
             warning: blanks between #! and the interpreter path; \
             warning: the #! line ends in crlf: the interpreter path or argument ends in a carriage return"
        );
        let found = sniff(b"\x7fELF").unwrap();
        assert_eq!(
            found.to_string(),
            "configuration: elf binary; warning: the file is not text: the device loads it as a \
             configuration, and the commit will fail"
        );
    }

    #[test]
    fn sniffer_debug_and_default() {
        let sniffer = Sniffer::default();
        assert_eq!(
            format!("{sniffer:?}"),
            "Sniffer { consumed: 0, complete: false, .. }"
        );
        assert_eq!(
            sniffer.finish().unwrap().diagnostics,
            Diagnostics::from([Diagnostic::EmptyFile])
        );
    }
}
