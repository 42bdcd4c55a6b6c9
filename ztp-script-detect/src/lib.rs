//! Is a file fetched during Zero Touch Provisioning a script or a
//! configuration?
//!
//! A Junos device that fetched the "configuration file" of DHCP option 43
//! suboption 01 looks at its first line: `#!` followed by an interpreter path
//! makes it a script, run by that interpreter; anything else is loaded as a
//! configuration (**R24** of RULES.md, see Rules below). Three interpreters are known, and Python
//! only runs unsigned on some platforms (**R25**). The decision reads the
//! first line only, so it costs the same for any file size and works on a
//! download still arriving (**R26**).
//!
//! This crate makes that decision ahead of the device, with no I/O, on bytes
//! the caller already has, and says what would surprise a person in the field:
//! a byte order mark before `#!`, CRLF line ends, a blank after `#!`, an empty
//! file, a relative interpreter path, an over-long first line; and, for a
//! configuration, its format, or that it is no text at all (a software image
//! given as the configuration file), so that its commit will fail (**R28**).
//!
//! # A whole file
//!
//! ```
//! use ztp_script_detect::{sniff, Diagnostic, Interpreter, Kind, Platform, Verdict};
//!
//! let found = sniff(b"#!/usr/bin/python\nfrom jnpr.junos import Device\n")?;
//! let Kind::Script(script) = &found.kind else { unreachable!() };
//! assert_eq!(script.interpreter(), Interpreter::Python);
//! assert_eq!(script.path(), "/usr/bin/python");
//! assert!(found.diagnostics.is_empty());
//! // R25: unsigned Python needs Enhanced Automation or Junos OS Evolved.
//! assert!(script.can_run_on(Platform::JunosOsEvolved).runs());
//! assert_eq!(
//!     script.can_run_on(Platform::JunosOs),
//!     Verdict::UnsignedPythonRefused { platform: Platform::JunosOs },
//! );
//!
//! // `#!/usr/bin/env python3` is `/usr/bin/env` with the argument `python3`.
//! let found = sniff(b"#!/usr/bin/env python3\r\nprint()\r\n")?;
//! let script = found.kind.script().unwrap();
//! assert_eq!(script.interpreter(), Interpreter::Unknown);
//! assert_eq!(script.path(), "/usr/bin/env");
//! // CRLF: the kernel would look for an interpreter called "python3\r".
//! assert_eq!(script.argument(), Some("python3\r"));
//! assert!(found.diagnostics.contains(Diagnostic::CrlfLineEnd));
//! # Ok::<(), ztp_script_detect::Error>(())
//! ```
//!
//! # Configurations, and files that will not commit
//!
//! ```
//! use ztp_script_detect::{sniff, Binary, ConfigFormat, Diagnostic, Kind};
//!
//! let curly = b"## Last commit: 2024-05-01 by ztp\nversion 23.4R1;\nsystem {\n";
//! assert_eq!(sniff(curly)?.kind, Kind::Configuration(ConfigFormat::Curly));
//!
//! // A software image given as the configuration file: the device loads it
//! // as a configuration all the same (R24), and the commit fails (R28).
//! let image = b"\x1f\x8b\x08\x00\x00\x00\x00\x00";
//! let found = sniff(image)?;
//! assert_eq!(found.kind, Kind::Configuration(ConfigFormat::Binary(Binary::Gzip)));
//! assert!(found.diagnostics.contains(Diagnostic::BinaryContent));
//!
//! // A byte order mark hides the `#!`: the device loads a configuration.
//! let found = sniff(b"\xef\xbb\xbf#!/bin/sh\necho hi\n")?;
//! assert_eq!(found.kind, Kind::Configuration(ConfigFormat::Unknown));
//! assert!(found.diagnostics.contains(Diagnostic::BomBeforeShebang));
//! # Ok::<(), ztp_script_detect::Error>(())
//! ```
//!
//! # A download still arriving
//!
//! [`Sniffer`] takes chunks and answers as soon as it can, in a fixed
//! [`PREFIX_MAX`]-byte buffer, with the same answer as [`sniff`] on the whole
//! file however the file is cut:
//!
//! ```
//! use ztp_script_detect::{sniff, Sniffer, Status};
//!
//! let file = b"#!/bin/sh -e\nexit 0\n";
//! let mut sniffer = Sniffer::new();
//! for chunk in file.chunks(5) {
//!     if let Status::Complete(_) = sniffer.feed(chunk)? {
//!         break; // decided: the rest of the download is not needed
//!     }
//! }
//! assert_eq!(sniffer.finish()?, sniff(file)?);
//! # Ok::<(), ztp_script_detect::Error>(())
//! ```
//!
//! # Bounds
//!
//! * [`PREFIX_MAX`] (512 bytes, one tar header block) bounds everything read.
//!   The script or configuration decision never reads past the first line. Only
//!   for a configuration is more read, to name its format and to catch binary
//!   content: the tar magic sits at offset 257, past any short first line.
//! * A `#!` line is a script as soon as its interpreter path is whole within
//!   what is read: followed by a blank or the newline, or by the end of a file
//!   shorter than [`PREFIX_MAX`], however long the line goes on after it (R24).
//!   Only a path that runs to the bound, which may go on past it, gets no
//!   answer: [`Error::InterpreterPathTooLong`], never a cut path. A line that
//!   goes on past the bound after a whole path is a script whose argument is
//!   known only up to the bound ([`Diagnostic::FirstLinePastPrefix`]).
//! * Kernels read less or more of a `#!` line, and none of them turns a whole
//!   interpreter path into something else. Linux reads [`FIRST_LINE_MAX`] (256)
//!   bytes (`BINPRM_BUF_SIZE`, 256 since Linux 5.1, commit 6eb3c3d0a52d "exec:
//!   increase BINPRM_BUF_SIZE to 256"; [`LEGACY_FIRST_LINE_MAX`], 128, before).
//!   When the line goes on past them, it runs a whole interpreter path with the
//!   argument cut, and refuses to run a path cut by the bound (commit
//!   b5372fe5dc84 "exec: load_script: Do not exec truncated interpreter
//!   path"). Junos OS Evolved runs Linux. Junos OS runs FreeBSD, which reads
//!   up to `MAXSHELLCMDLEN` (`PAGE_SIZE`, 4096 bytes) and refuses longer lines.
//!   A line over [`LEGACY_FIRST_LINE_MAX`] gets [`Diagnostic::LongFirstLine`];
//!   one that Linux cuts, [`Diagnostic::LinuxCutsFirstLine`].
//!
//! # Borrowing
//!
//! [`Sniff`] borrows its strings: from the input of [`sniff`], or from the
//! buffer of the [`Sniffer`]. [`Sniff::into_owned`] gives a `Sniff<'static>`.
//! With the `serde` feature, the result types serialize and deserialize (a
//! deserialized result owns its strings).
//!
//! # Rules
//!
//! Rule ids (`R24`) in these docs, in logs and in test names are the ones
//! of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md) in the
//! repository: every rule R1..R35 in our words, where the vendor guide or an
//! RFC says it, and the choice made where they are silent.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod diagnostic;
mod error;
mod kind;
mod sniff;
mod vendor;

pub use diagnostic::{Diagnostic, Diagnostics, Iter};
pub use error::{Error, Status};
pub use kind::{Binary, ConfigFormat, Interpreter, Kind, Platform, Script, Verdict};
pub use sniff::{Sniff, Sniffer, sniff};
pub use vendor::{
    Algorithm, CUMULUS_MARKER, CUMULUS_SEARCH_MAX, Checksum, DellFacts, Digest, FileKind, Hint,
    IOSXR_SIZE_MAX, Image, JSON_DEPTH_MAX, JsonError, JsonProblem, Language, Note, Notes, Refusal,
    UnknownVendor, Vendor, VendorScript, VendorSniff, VendorSniffer, Workflow, dell, huawei,
    sniff_vendor,
};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The bytes of a `#!` line, newline included, that Linux (and so Junos OS
/// Evolved) reads: `BINPRM_BUF_SIZE` (see [Bounds](crate#bounds)). A longer
/// line still runs when its interpreter path ends within them, with the
/// argument cut there: [`Diagnostic::LinuxCutsFirstLine`]. It does not bound
/// what is sniffed: [`PREFIX_MAX`] does.
pub const FIRST_LINE_MAX: usize = 256;

/// The `#!` line bound of Linux before 5.1; a longer line gets
/// [`Diagnostic::LongFirstLine`].
pub const LEGACY_FIRST_LINE_MAX: usize = 128;

/// The most bytes ever read from the start of a file (one 512-byte tar header
/// block): the first line within it decides script or configuration (a `#!`
/// line is a script when its interpreter path ends within it), and it names
/// the configuration format and catches binary content.
pub const PREFIX_MAX: usize = 512;
