//! Is a file fetched during Zero Touch Provisioning a script or a
//! configuration?
//!
//! A Junos device that fetched the "configuration file" of DHCP option 43
//! suboption 01 looks at its first line: `#!` followed by an interpreter path
//! makes it a script, run by that interpreter; anything else is loaded as a
//! configuration (SPEC.md **R24**). Three interpreters are known, and Python
//! only runs unsigned on some platforms (**R25**). The decision reads the
//! first line only, so it costs the same for any file size and works on a
//! download still arriving (**R26**).
//!
//! This crate makes that decision ahead of the device, with no I/O, on bytes
//! the caller already has, and says what would surprise a person in the field:
//! a byte order mark before `#!`, CRLF line ends, a blank after `#!`, an empty
//! file, a relative interpreter path, an over-long first line; and, for a
//! configuration, its format, or that it is not a configuration at all (a
//! software image given as the configuration file).
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
//! # Configurations, and what is not one
//!
//! ```
//! use ztp_script_detect::{sniff, Binary, ConfigFormat, Diagnostic, Kind};
//!
//! let curly = b"## Last commit: 2024-05-01 by ztp\nversion 23.4R1;\nsystem {\n";
//! assert_eq!(sniff(curly)?.kind, Kind::Configuration(ConfigFormat::Curly));
//!
//! // A software image given as the configuration file.
//! let image = b"\x1f\x8b\x08\x00\x00\x00\x00\x00";
//! assert_eq!(sniff(image)?.kind, Kind::NotConfiguration(Binary::Gzip));
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
//! * [`FIRST_LINE_MAX`] (256 bytes) bounds a `#!` line, newline included. It
//!   is the buffer Linux reads a `#!` line from (`BINPRM_BUF_SIZE`, 256 since
//!   Linux 5.1, commit 6eb3c3d0a52d "exec: increase BINPRM_BUF_SIZE to 256";
//!   128 before), and Linux refuses to run a path cut by it (commit
//!   b5372fe5dc84 "exec: load_script: Do not exec truncated interpreter
//!   path"). Junos OS Evolved runs Linux. Junos OS runs FreeBSD, which reads up
//!   to `MAXSHELLCMDLEN` (`PAGE_SIZE`, 4096 bytes) and refuses longer lines. 256
//!   is the smallest bound of the two, so a line within it runs on both. A
//!   longer `#!` line is [`Error::FirstLineTooLong`], never a cut answer; a line
//!   over [`LEGACY_FIRST_LINE_MAX`] gets [`Diagnostic::LongFirstLine`].
//! * [`PREFIX_MAX`] (512 bytes, one tar header block) bounds everything read.
//!   The script or configuration decision never reads past the first line. Only
//!   for a configuration is more read, to name its format and to catch binary
//!   content: the tar magic sits at offset 257, past any short first line.
//!
//! # Borrowing
//!
//! [`Sniff`] borrows its strings: from the input of [`sniff`], or from the
//! buffer of the [`Sniffer`]. [`Sniff::into_owned`] gives a `Sniff<'static>`.
//! With the `serde` feature, the result types serialize and deserialize (a
//! deserialized result owns its strings).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod diagnostic;
mod error;
mod kind;
mod sniff;

pub use diagnostic::{Diagnostic, Diagnostics, Iter};
pub use error::{Error, Status};
pub use kind::{Binary, ConfigFormat, Interpreter, Kind, Platform, Script, Verdict};
pub use sniff::{Sniff, Sniffer, sniff};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The longest `#!` line, newline included, that every kernel on a ZTP device
/// runs as written: Linux's `BINPRM_BUF_SIZE` (see [Bounds](crate#bounds)).
/// A `#!` line with no newline within it is [`Error::FirstLineTooLong`].
pub const FIRST_LINE_MAX: usize = 256;

/// The `#!` line bound of Linux before 5.1; a longer line gets
/// [`Diagnostic::LongFirstLine`].
pub const LEGACY_FIRST_LINE_MAX: usize = 128;

/// The most bytes ever read from the start of a file (one 512-byte tar header
/// block): the first line decides script or configuration, this prefix names
/// the configuration format and catches binary content.
pub const PREFIX_MAX: usize = 512;
