//! What a fetched file is: [`Kind`], and for a script its [`Script`],
//! [`Interpreter`] and the [`Platform`] policy of R25.

use std::borrow::Cow;
use std::fmt;

/// What the fetched file is.
///
/// R24 splits files in two, and so does this type: a `#!` first line with an
/// interpreter path makes a [`Kind::Script`], anything else is loaded as a
/// configuration. A file that is plainly not text (a software image given as
/// the configuration file) is still a [`Kind::Configuration`] to the device,
/// whose commit will fail (R28): its format is [`ConfigFormat::Binary`], and
/// [`crate::Diagnostic::BinaryContent`] says so.
///
/// ```
/// use ztp_script_detect::{sniff, ConfigFormat, Kind};
///
/// let found = sniff(b"system { host-name r1; }\n")?;
/// assert_eq!(found.kind, Kind::Configuration(ConfigFormat::Curly));
/// assert!(found.kind.script().is_none());
/// let found = sniff(b"#!/usr/libexec/ui/cscript\n")?;
/// assert_eq!(found.kind.script().map(|s| s.path()), Some("/usr/libexec/ui/cscript"));
/// let kept: Kind<'static> = found.kind.into_owned();
/// # let _ = kept;
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Kind<'a> {
    /// R24: the first line is `#!` followed by an interpreter path; the device
    /// runs the file with that interpreter.
    Script(Script<'a>),
    /// R24: any other file; the device loads it as a configuration and commits
    /// it. The format is a guess from a bounded prefix (see
    /// [`crate::PREFIX_MAX`]).
    Configuration(ConfigFormat),
}

impl<'a> Kind<'a> {
    /// The script, if this is one.
    #[must_use]
    pub fn script(&self) -> Option<&Script<'a>> {
        match self {
            Kind::Script(script) => Some(script),
            Kind::Configuration(_) => None,
        }
    }

    /// A copy that owns its strings, so it can outlive the sniffed bytes.
    #[must_use]
    pub fn into_owned(self) -> Kind<'static> {
        match self {
            Kind::Script(script) => Kind::Script(script.into_owned()),
            Kind::Configuration(format) => Kind::Configuration(format),
        }
    }
}

impl fmt::Display for Kind<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Script(script) => write!(f, "script: {script}"),
            Kind::Configuration(format) => write!(f, "configuration: {format}"),
        }
    }
}

/// The format of a configuration, guessed from its first significant line, or
/// the binary content that makes it no configuration text at all.
///
/// Binary content is looked for first, in the first [`crate::PREFIX_MAX`]
/// bytes ([`ConfigFormat::Binary`]). Otherwise blank lines and comment lines
/// (starting with `#` or `/*`) are skipped; the first other line within
/// [`crate::PREFIX_MAX`] bytes decides.
///
/// ```
/// use ztp_script_detect::{sniff, Binary, ConfigFormat, Kind};
///
/// let format = |file: &[u8]| match sniff(file) {
///     Ok(found) => match found.kind {
///         Kind::Configuration(format) => Some(format),
///         _ => None,
///     },
///     Err(_) => None,
/// };
/// assert_eq!(format(b"set system host-name r1\n"), Some(ConfigFormat::SetCommands));
/// assert_eq!(format(b"<configuration/>\n"), Some(ConfigFormat::Xml));
/// assert_eq!(format(b"{\"configuration\": {}}\n"), Some(ConfigFormat::Json));
/// assert_eq!(format(b"\x1f\x8b\x08\x00"), Some(ConfigFormat::Binary(Binary::Gzip)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ConfigFormat {
    /// Junos curly-brace text: a line starting with a letter or digit and
    /// ending in `{`, `;` or `}` (`system {`, `version 23.4R1;`).
    Curly,
    /// `set` commands: a line starting with `set`, `delete`, `activate` or
    /// `deactivate` and a blank.
    SetCommands,
    /// Junos XML: a line starting with `<`, and `<configuration` somewhere in
    /// the prefix.
    Xml,
    /// Junos JSON: a line starting with `{`.
    Json,
    /// None of the above (also: an empty or blank file).
    Unknown,
    /// Another vendor's CLI text (EOS startup-config, IOS-XR `!! IOS XR`
    /// configuration, AOS-CX and EXOS CLI, a Dell batch file): only from
    /// [`crate::sniff_vendor`].
    Cli,
    /// An EXOS policy file (`.pol`, E4): only from [`crate::sniff_vendor`].
    Policy,
    /// Not text: the device loads it as a configuration all the same (R24),
    /// and the commit fails (R28). Always comes with
    /// [`crate::Diagnostic::BinaryContent`].
    Binary(Binary),
}

impl fmt::Display for ConfigFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigFormat::Curly => f.write_str("junos curly-brace text"),
            ConfigFormat::SetCommands => f.write_str("set commands"),
            ConfigFormat::Xml => f.write_str("xml"),
            ConfigFormat::Json => f.write_str("json"),
            ConfigFormat::Unknown => f.write_str("unknown format"),
            ConfigFormat::Cli => f.write_str("cli text"),
            ConfigFormat::Policy => f.write_str("policy file"),
            ConfigFormat::Binary(binary) => write!(f, "{binary}"),
        }
    }
}

/// Content that is not text, found in the first [`crate::PREFIX_MAX`] bytes:
/// typically a software image given as the configuration file. The device
/// still loads such a file as a configuration, and its commit fails (R24,
/// R28).
///
/// An ISO 9660 image keeps its magic (`CD001`) at offset 32769, past the
/// prefix; what the prefix holds is its 32 KiB system area, zeros or a hybrid
/// image's boot record, so it is found as [`Binary::NulBytes`].
///
/// ```
/// use ztp_script_detect::{sniff, Binary, ConfigFormat, Diagnostic, Kind};
///
/// // A software image given as the configuration file: loaded as one, and its
/// // commit fails (R28); the diagnostic says so.
/// let found = sniff(b"\x7fELF\x02\x01\x01\x00")?;
/// assert_eq!(found.kind, Kind::Configuration(ConfigFormat::Binary(Binary::Elf)));
/// assert!(found.diagnostics.contains(Diagnostic::BinaryContent));
/// let found = sniff(b"text\0more")?;
/// assert_eq!(
///     found.kind,
///     Kind::Configuration(ConfigFormat::Binary(Binary::NulBytes { offset: 4 })),
/// );
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Binary {
    /// gzip data (magic `1f 8b` at offset 0), e.g. a `.tgz` software image.
    Gzip,
    /// A POSIX tar archive (magic `ustar` at offset 257).
    Tar,
    /// An ELF executable or library (magic `7f 45 4c 46` at offset 0).
    Elf,
    /// Other binary data: a NUL byte, the first one at `offset`.
    NulBytes {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

impl fmt::Display for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Binary::Gzip => f.write_str("gzip data"),
            Binary::Tar => f.write_str("tar archive"),
            Binary::Elf => f.write_str("elf binary"),
            Binary::NulBytes { offset } => write!(f, "binary data (nul byte at offset {offset})"),
        }
    }
}

/// A script: the `#!` line's interpreter path and argument.
///
/// The path and argument are kept exactly as the kernel would see them: only
/// blanks (space, tab) separate and surround them. A carriage return from a
/// CRLF line end therefore stays at the end of the last one (and
/// [`crate::Diagnostic::CrlfLineEnd`] says so).
///
/// ```
/// use ztp_script_detect::{Interpreter, Script};
///
/// let script = Script::new("/usr/bin/env", "python3 -u");
/// assert_eq!(script.interpreter(), Interpreter::Unknown);
/// assert_eq!(script.argument(), Some("python3 -u"));
/// assert_eq!(script.arguments().collect::<Vec<_>>(), ["python3", "-u"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(from = "ScriptRepr<'a>", into = "ScriptRepr<'a>")
)]
pub struct Script<'a> {
    interpreter: Interpreter,
    path: Cow<'a, str>,
    argument: Cow<'a, str>,
}

impl<'a> Script<'a> {
    /// A script run by `path` with `argument` (empty for none). The
    /// [`Interpreter`] is looked up from the path (R25).
    pub fn new(path: impl Into<Cow<'a, str>>, argument: impl Into<Cow<'a, str>>) -> Self {
        let path = path.into();
        Script {
            interpreter: Interpreter::from_path(&path),
            path,
            argument: argument.into(),
        }
    }

    /// The interpreter named by [`Script::path`] (R25).
    #[must_use]
    pub fn interpreter(&self) -> Interpreter {
        self.interpreter
    }

    /// The interpreter path, as written after `#!` (R24).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Everything after the interpreter path, blanks trimmed: what Linux (and
    /// so Junos OS Evolved) passes as one single argument. `None` when there is
    /// none. For a sniffed line that goes on past what is read, only the part
    /// read ([`crate::Diagnostic::FirstLinePastPrefix`]); Linux itself cuts a
    /// line at [`crate::FIRST_LINE_MAX`] bytes
    /// ([`crate::Diagnostic::LinuxCutsFirstLine`]).
    #[must_use]
    pub fn argument(&self) -> Option<&str> {
        (!self.argument.is_empty()).then_some(&*self.argument)
    }

    /// The argument split at blanks: what FreeBSD (and so Junos OS) passes as
    /// separate arguments.
    pub fn arguments(&self) -> impl Iterator<Item = &str> {
        self.argument
            .split([' ', '\t'])
            .filter(|word| !word.is_empty())
    }

    /// Whether `platform` runs this script (R25); see
    /// [`Interpreter::can_run_on`].
    pub fn can_run_on(&self, platform: Platform) -> Verdict {
        self.interpreter.can_run_on(platform)
    }

    /// A copy that owns its strings.
    #[must_use]
    pub fn into_owned(self) -> Script<'static> {
        Script {
            interpreter: self.interpreter,
            path: Cow::Owned(self.path.into_owned()),
            argument: Cow::Owned(self.argument.into_owned()),
        }
    }
}

impl fmt::Display for Script<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.path.escape_debug(), self.interpreter)?;
        if let Some(argument) = self.argument() {
            write!(f, " with argument {:?}", argument)?;
        }
        Ok(())
    }
}

/// The serialized form of [`Script`]: deserializing recomputes the
/// interpreter from the path, so the two can never disagree.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct ScriptRepr<'a> {
    #[serde(default = "unknown_interpreter", skip_deserializing)]
    interpreter: Interpreter,
    path: Cow<'a, str>,
    #[serde(default)]
    argument: Cow<'a, str>,
}

#[cfg(feature = "serde")]
fn unknown_interpreter() -> Interpreter {
    Interpreter::Unknown
}

#[cfg(feature = "serde")]
impl<'a> From<ScriptRepr<'a>> for Script<'a> {
    fn from(repr: ScriptRepr<'a>) -> Self {
        Script::new(repr.path, repr.argument)
    }
}

#[cfg(feature = "serde")]
impl<'a> From<Script<'a>> for ScriptRepr<'a> {
    fn from(script: Script<'a>) -> Self {
        ScriptRepr {
            interpreter: script.interpreter,
            path: script.path,
            argument: script.argument,
        }
    }
}

/// The interpreters R25 knows, by exact path.
///
/// ```
/// use ztp_script_detect::{Interpreter, Platform};
///
/// let python = Interpreter::from_path("/usr/bin/python");
/// assert_eq!(python, Interpreter::Python);
/// assert_eq!(python.known_path(), Some(Interpreter::PYTHON_PATH));
/// assert!(python.can_run_on(Platform::JunosOsEvolved).runs());
/// assert!(!python.can_run_on(Platform::JunosOs).runs());
/// assert_eq!(Interpreter::from("/bin/bash"), Interpreter::Unknown);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Interpreter {
    /// `/bin/sh`: shell script, all devices.
    Shell,
    /// `/usr/libexec/ui/cscript`: SLAX script, all devices.
    Slax,
    /// `/usr/bin/python`: Python script; unsigned only on Junos OS with
    /// Enhanced Automation and Junos OS Evolved.
    Python,
    /// Any other path (`/usr/bin/env`, `/usr/bin/python3`, `/bin/bash`, a
    /// relative path, ...). The path is in [`Script::path`].
    Unknown,
}

impl Interpreter {
    /// The shell interpreter path of R25.
    pub const SHELL_PATH: &'static str = "/bin/sh";
    /// The SLAX interpreter path of R25.
    pub const SLAX_PATH: &'static str = "/usr/libexec/ui/cscript";
    /// The Python interpreter path of R25.
    pub const PYTHON_PATH: &'static str = "/usr/bin/python";

    /// The interpreter at exactly `path` (no normalisation: `/bin//sh` and
    /// `/usr/bin/python3` are [`Interpreter::Unknown`]).
    #[must_use]
    pub fn from_path(path: &str) -> Self {
        match path {
            Self::SHELL_PATH => Interpreter::Shell,
            Self::SLAX_PATH => Interpreter::Slax,
            Self::PYTHON_PATH => Interpreter::Python,
            _ => Interpreter::Unknown,
        }
    }

    /// The path R25 gives this interpreter; `None` for
    /// [`Interpreter::Unknown`].
    #[must_use]
    pub fn known_path(self) -> Option<&'static str> {
        match self {
            Interpreter::Shell => Some(Self::SHELL_PATH),
            Interpreter::Slax => Some(Self::SLAX_PATH),
            Interpreter::Python => Some(Self::PYTHON_PATH),
            Interpreter::Unknown => None,
        }
    }

    /// Whether a device on `platform` runs a script for this interpreter
    /// during ZTP (R25, vendor document table 1).
    ///
    /// ```
    /// use ztp_script_detect::{Interpreter, Platform, Verdict};
    ///
    /// assert_eq!(Interpreter::Shell.can_run_on(Platform::JunosOs), Verdict::Runs);
    /// assert_eq!(
    ///     Interpreter::Python.can_run_on(Platform::JunosOs),
    ///     Verdict::UnsignedPythonRefused { platform: Platform::JunosOs },
    /// );
    /// assert_eq!(Interpreter::Python.can_run_on(Platform::JunosOsEvolved), Verdict::Runs);
    /// assert_eq!(Interpreter::Unknown.can_run_on(Platform::JunosOsEvolved), Verdict::NotListed);
    /// ```
    pub fn can_run_on(self, platform: Platform) -> Verdict {
        match self {
            Interpreter::Shell | Interpreter::Slax => Verdict::Runs,
            Interpreter::Python if platform.runs_unsigned_python() => Verdict::Runs,
            Interpreter::Python => Verdict::UnsignedPythonRefused { platform },
            Interpreter::Unknown => Verdict::NotListed,
        }
    }
}

/// The interpreter at exactly `path`, as [`Interpreter::from_path`].
///
/// ```
/// use ztp_script_detect::Interpreter;
///
/// assert_eq!(Interpreter::from("/usr/libexec/ui/cscript"), Interpreter::Slax);
/// assert_eq!(Interpreter::from("/usr/bin/python3"), Interpreter::Unknown);
/// ```
impl From<&str> for Interpreter {
    fn from(path: &str) -> Self {
        Interpreter::from_path(path)
    }
}

impl fmt::Display for Interpreter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Interpreter::Shell => "shell",
            Interpreter::Slax => "slax",
            Interpreter::Python => "python",
            Interpreter::Unknown => "unknown interpreter",
        })
    }
}

/// The device families R25 distinguishes.
///
/// ```
/// use ztp_script_detect::{Interpreter, Platform};
///
/// for platform in Platform::ALL {
///     // Shell and SLAX run everywhere (R25).
///     assert!(Interpreter::Shell.can_run_on(platform).runs());
///     assert!(Interpreter::Slax.can_run_on(platform).runs());
/// }
/// assert!(!Platform::JunosOs.runs_unsigned_python());
/// assert_eq!(Platform::JunosOsEvolved.to_string(), "junos os evolved");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Platform {
    /// Junos OS (FreeBSD based), without Enhanced Automation.
    JunosOs,
    /// Junos OS with Enhanced Automation.
    JunosOsEnhancedAutomation,
    /// Junos OS Evolved (Linux based).
    JunosOsEvolved,
}

impl Platform {
    /// Every platform, in declaration order.
    pub const ALL: [Platform; 3] = [
        Platform::JunosOs,
        Platform::JunosOsEnhancedAutomation,
        Platform::JunosOsEvolved,
    ];

    /// Whether this platform runs unsigned Python scripts (R25).
    #[must_use]
    pub fn runs_unsigned_python(self) -> bool {
        match self {
            Platform::JunosOs => false,
            Platform::JunosOsEnhancedAutomation | Platform::JunosOsEvolved => true,
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Platform::JunosOs => "junos os",
            Platform::JunosOsEnhancedAutomation => "junos os with enhanced automation",
            Platform::JunosOsEvolved => "junos os evolved",
        })
    }
}

/// The answer of the R25 platform policy: does the device run the script?
///
/// ```
/// use ztp_script_detect::{sniff, Platform, Verdict};
///
/// let found = sniff(b"#!/usr/bin/python\nprint()\n")?;
/// let script = found.kind.script().unwrap();
/// let verdict = script.can_run_on(Platform::JunosOs);
/// assert_eq!(verdict, Verdict::UnsignedPythonRefused { platform: Platform::JunosOs });
/// assert!(verdict.to_string().contains("does not run unsigned python"));
/// let perl = sniff(b"#!/usr/bin/perl\n")?;
/// assert_eq!(perl.kind.script().unwrap().can_run_on(Platform::JunosOsEvolved), Verdict::NotListed);
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[must_use]
#[non_exhaustive]
pub enum Verdict {
    /// The interpreter is listed for this platform.
    Runs,
    /// `/usr/bin/python` on a platform that refuses unsigned Python: only Junos
    /// OS with Enhanced Automation and Junos OS Evolved accept it.
    UnsignedPythonRefused {
        /// The platform that refuses.
        platform: Platform,
    },
    /// The interpreter is not one R25 lists; nothing says the device has it.
    NotListed,
}

impl Verdict {
    /// `true` only for [`Verdict::Runs`].
    #[must_use]
    pub fn runs(self) -> bool {
        matches!(self, Verdict::Runs)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Runs => f.write_str("runs"),
            Verdict::UnsignedPythonRefused { platform } => write!(
                f,
                "{platform} does not run unsigned python; only junos os with enhanced automation \
                 and junos os evolved do (R25)"
            ),
            Verdict::NotListed => f.write_str(
                "interpreter is not one of /bin/sh, /usr/libexec/ui/cscript, /usr/bin/python (R25)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpreter_paths_round_trip() {
        for interpreter in [Interpreter::Shell, Interpreter::Slax, Interpreter::Python] {
            let path = interpreter.known_path().unwrap();
            assert_eq!(Interpreter::from_path(path), interpreter);
        }
        assert_eq!(Interpreter::Unknown.known_path(), None);
        assert_eq!(Interpreter::from_path("/bin/sh\r"), Interpreter::Unknown);
        assert_eq!(Interpreter::from_path("/bin//sh"), Interpreter::Unknown);
    }

    #[test]
    fn policy_matrix() {
        for platform in Platform::ALL {
            assert!(Interpreter::Shell.can_run_on(platform).runs());
            assert!(Interpreter::Slax.can_run_on(platform).runs());
            assert_eq!(
                Interpreter::Unknown.can_run_on(platform),
                Verdict::NotListed
            );
            assert_eq!(
                Interpreter::Python.can_run_on(platform).runs(),
                platform != Platform::JunosOs
            );
        }
    }

    #[test]
    fn script_arguments() {
        let script = Script::new("/bin/sh", "");
        assert_eq!(script.argument(), None);
        assert_eq!(script.arguments().count(), 0);
        let script = Script::new("/bin/sh", "-x \t -e");
        assert_eq!(script.arguments().collect::<Vec<_>>(), ["-x", "-e"]);
        assert_eq!(
            script.to_string(),
            "/bin/sh (shell) with argument \"-x \\t -e\""
        );
        let owned: Script<'static> = script.clone().into_owned();
        assert_eq!(owned, script);
    }

    #[test]
    fn displays_are_lowercase() {
        let texts = [
            Verdict::UnsignedPythonRefused {
                platform: Platform::JunosOs,
            }
            .to_string(),
            Verdict::NotListed.to_string(),
            ConfigFormat::Curly.to_string(),
            Binary::NulBytes { offset: 3 }.to_string(),
            Kind::Configuration(ConfigFormat::Json).to_string(),
            Kind::Configuration(ConfigFormat::Binary(Binary::Gzip)).to_string(),
        ];
        for text in texts {
            let first = text.chars().next().unwrap();
            assert!(first.is_lowercase(), "{text}");
        }
    }
}
