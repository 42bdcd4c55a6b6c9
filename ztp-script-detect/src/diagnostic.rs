//! Warnings a person needs before the device fails in the field.

use std::fmt;

/// One thing in the file that will surprise the device or its operator.
///
/// A diagnostic never changes the [`crate::Kind`]: the kind is what the device
/// will do, the diagnostic says why that may not be what was meant.
///
/// ```
/// use ztp_script_detect::{sniff, Diagnostic, Kind};
///
/// // A blank after `#!` and CRLF line ends: still a script, with two warnings.
/// let found = sniff(b"#! /bin/sh\r\necho hi\r\n")?;
/// assert!(matches!(found.kind, Kind::Script(_)));
/// assert!(found.diagnostics.contains(Diagnostic::SpaceAfterShebang));
/// assert!(found.diagnostics.contains(Diagnostic::CrlfLineEnd));
/// assert_eq!(Diagnostic::CrlfLineEnd.rule(), Some("R24"));
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u8)]
#[non_exhaustive]
pub enum Diagnostic {
    /// The file has no bytes at all: an empty configuration.
    EmptyFile = 0,
    /// A UTF-8 byte order mark (`ef bb bf`) comes before `#!`: the first line
    /// does not start with `#!`, so the device loads the script as a
    /// configuration (R24).
    BomBeforeShebang = 1,
    /// Blanks between `#!` and the interpreter path (`#! /bin/sh`). Kernels
    /// skip them, but the vendor document always writes the path right after
    /// `#!` (R24).
    SpaceAfterShebang = 2,
    /// `#!` with no interpreter path on the line: not a script (R24), and as
    /// a configuration it will not commit.
    MissingInterpreter = 3,
    /// The interpreter path does not start with `/`: it would be looked up
    /// from the working directory of the ZTP process (R25).
    RelativeInterpreter = 4,
    /// The `#!` line ends in CRLF: the carriage return is part of the
    /// interpreter path (or of its argument), which then names no file (R24).
    CrlfLineEnd = 5,
    /// The `#!` line is longer than [`crate::LEGACY_FIRST_LINE_MAX`] bytes:
    /// Linux before 5.1 reads only that much of it.
    LongFirstLine = 6,
    /// The `#!` line goes on past the [`crate::FIRST_LINE_MAX`] bytes Linux
    /// (and so Junos OS Evolved) reads, with more than blanks there: Linux runs
    /// the interpreter with the argument cut at that bound, and does not run an
    /// interpreter path cut by it (R24). The line is still a script: FreeBSD
    /// (Junos OS) reads far longer lines.
    LinuxCutsFirstLine = 7,
    /// The `#!` line does not end within the [`crate::PREFIX_MAX`] bytes read:
    /// the interpreter path is whole (else there is no answer,
    /// [`crate::Error::InterpreterPathTooLong`]), but
    /// [`crate::Script::argument`] holds only what was read (R26).
    FirstLinePastPrefix = 8,
    /// The file is not text ([`crate::ConfigFormat::Binary`]: gzip, tar, ELF,
    /// NUL bytes), typically a software image given as the configuration
    /// file. The device loads it as a configuration all the same (R24), and
    /// the commit fails, which moves ZTP on to the next binding (R28).
    BinaryContent = 9,
}

impl Diagnostic {
    /// Every diagnostic, in declaration order.
    pub const ALL: [Diagnostic; 10] = [
        Diagnostic::EmptyFile,
        Diagnostic::BomBeforeShebang,
        Diagnostic::SpaceAfterShebang,
        Diagnostic::MissingInterpreter,
        Diagnostic::RelativeInterpreter,
        Diagnostic::CrlfLineEnd,
        Diagnostic::LongFirstLine,
        Diagnostic::LinuxCutsFirstLine,
        Diagnostic::FirstLinePastPrefix,
        Diagnostic::BinaryContent,
    ];

    /// The RULES.md rule this diagnostic is about, where one applies.
    #[must_use]
    pub fn rule(self) -> Option<&'static str> {
        match self {
            Diagnostic::BomBeforeShebang
            | Diagnostic::SpaceAfterShebang
            | Diagnostic::MissingInterpreter
            | Diagnostic::CrlfLineEnd
            | Diagnostic::LinuxCutsFirstLine => Some("R24"),
            Diagnostic::RelativeInterpreter => Some("R25"),
            Diagnostic::LongFirstLine | Diagnostic::FirstLinePastPrefix => Some("R26"),
            Diagnostic::BinaryContent => Some("R28"),
            Diagnostic::EmptyFile => None,
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u8)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Diagnostic::EmptyFile => "the file is empty",
            Diagnostic::BomBeforeShebang => {
                "a utf-8 byte order mark comes before #!: the device will load the file as a configuration"
            }
            Diagnostic::SpaceAfterShebang => "blanks between #! and the interpreter path",
            Diagnostic::MissingInterpreter => {
                "#! is not followed by an interpreter path: the file is not a script"
            }
            Diagnostic::RelativeInterpreter => "the interpreter path is not absolute",
            Diagnostic::CrlfLineEnd => {
                "the #! line ends in crlf: the interpreter path or argument ends in a carriage return"
            }
            Diagnostic::LongFirstLine => {
                "the #! line is longer than 128 bytes, all that linux before 5.1 reads"
            }
            Diagnostic::LinuxCutsFirstLine => {
                "the #! line goes on past the 256 bytes linux reads: junos os evolved cuts the \
                 argument there, and does not run an interpreter path cut there"
            }
            Diagnostic::FirstLinePastPrefix => {
                "the #! line goes on past the 512 bytes read: its argument is shown cut there"
            }
            Diagnostic::BinaryContent => {
                "the file is not text: the device loads it as a configuration, and the commit \
                 will fail"
            }
        })
    }
}

/// A set of [`Diagnostic`]s: a bit set, so sniffing never allocates.
///
/// Iterates in [`Diagnostic::ALL`] order.
///
/// ```
/// use ztp_script_detect::{Diagnostic, Diagnostics};
///
/// let set = Diagnostics::new()
///     .with(Diagnostic::CrlfLineEnd)
///     .with(Diagnostic::SpaceAfterShebang);
/// assert!(set.contains(Diagnostic::CrlfLineEnd));
/// assert_eq!(
///     set.iter().collect::<Vec<_>>(),
///     [Diagnostic::SpaceAfterShebang, Diagnostic::CrlfLineEnd],
/// );
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(from = "Vec<Diagnostic>", into = "Vec<Diagnostic>")
)]
pub struct Diagnostics {
    bits: u16,
}

impl Diagnostics {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Diagnostics { bits: 0 }
    }

    /// This set with `diagnostic` added.
    #[must_use]
    pub fn with(mut self, diagnostic: Diagnostic) -> Self {
        self.insert(diagnostic);
        self
    }

    /// Adds `diagnostic`.
    pub fn insert(&mut self, diagnostic: Diagnostic) {
        self.bits |= diagnostic.bit();
    }

    /// Whether `diagnostic` is in the set.
    #[must_use]
    pub fn contains(self, diagnostic: Diagnostic) -> bool {
        self.bits & diagnostic.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// How many diagnostics the set holds.
    #[must_use]
    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// The diagnostics, in [`Diagnostic::ALL`] order.
    pub fn iter(self) -> Iter {
        Iter { set: self, next: 0 }
    }
}

impl fmt::Debug for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        let mut set = Diagnostics::new();
        for diagnostic in iter {
            set.insert(diagnostic);
        }
        set
    }
}

impl<const N: usize> From<[Diagnostic; N]> for Diagnostics {
    fn from(list: [Diagnostic; N]) -> Self {
        list.into_iter().collect()
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(list: Vec<Diagnostic>) -> Self {
        list.into_iter().collect()
    }
}

impl From<Diagnostics> for Vec<Diagnostic> {
    fn from(set: Diagnostics) -> Self {
        set.iter().collect()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

/// Iterator over a [`Diagnostics`] set, from [`Diagnostics::iter`].
///
/// ```
/// use ztp_script_detect::{sniff, Diagnostic};
///
/// let found = sniff(b"")?;
/// let mut iter = found.diagnostics.iter(); // an `Iter`
/// assert_eq!(iter.next(), Some(Diagnostic::EmptyFile));
/// assert_eq!(iter.next(), None);
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Iter {
    set: Diagnostics,
    next: usize,
}

impl Iterator for Iter {
    type Item = Diagnostic;

    fn next(&mut self) -> Option<Diagnostic> {
        while let Some(diagnostic) = Diagnostic::ALL.get(self.next).copied() {
            self.next += 1;
            if self.set.contains(diagnostic) {
                return Some(diagnostic);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_distinct_and_fit() {
        let all: Diagnostics = Diagnostic::ALL.into();
        assert_eq!(all.len(), Diagnostic::ALL.len());
        for (index, diagnostic) in Diagnostic::ALL.into_iter().enumerate() {
            assert_eq!(diagnostic as usize, index);
        }
    }

    #[test]
    fn set_operations() {
        let mut set = Diagnostics::new();
        assert!(set.is_empty());
        set.insert(Diagnostic::EmptyFile);
        set.insert(Diagnostic::EmptyFile);
        assert_eq!(set.len(), 1);
        assert!(!set.contains(Diagnostic::CrlfLineEnd));
        assert_eq!(format!("{set:?}"), "{EmptyFile}");
        assert_eq!(Vec::from(set), [Diagnostic::EmptyFile]);
    }

    #[test]
    fn displays_are_lowercase_and_rules_are_named() {
        for diagnostic in Diagnostic::ALL {
            let text = diagnostic.to_string();
            assert_eq!(text, text.to_lowercase(), "{diagnostic:?}");
            if let Some(rule) = diagnostic.rule() {
                assert!(["R24", "R25", "R26", "R28"].contains(&rule));
            }
        }
    }
}
