//! Juniper Junos (R24..R26): the first-line rule of [`crate::sniff`], unchanged,
//! with its 512-byte bound.

use super::{FileKind, Language, Vendor, VendorScript, VendorSniff};
use crate::{Error, Interpreter, Kind};

/// R24: `#!` and an interpreter path make a script; anything else is a
/// configuration (a binary one will not commit, R28).
pub(super) fn decide(head: &[u8]) -> Result<VendorSniff<'_>, Error> {
    let found = crate::sniff(head)?;
    let kind = match found.kind {
        Kind::Script(script) => FileKind::Script(VendorScript {
            language: match script.interpreter() {
                Interpreter::Shell => Language::Shell,
                Interpreter::Slax => Language::Slax,
                Interpreter::Python => Language::Python,
                _ => Language::Other,
            },
            shebang: Some(script),
        }),
        Kind::Configuration(format) => FileKind::Configuration(format),
    };
    let mut sniff = VendorSniff::new(Vendor::Juniper, kind);
    sniff.diagnostics = found.diagnostics;
    Ok(sniff)
}
