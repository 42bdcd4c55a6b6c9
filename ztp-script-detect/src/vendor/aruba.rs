//! HPE Aruba AOS-CX (AR6): the configuration file is JSON when its first
//! non-whitespace byte is `{`, CLI text otherwise (a choice: the documentation
//! names both forms, not how they are told apart).

use super::{FileKind, Vendor, VendorSniff};
use crate::{ConfigFormat, Diagnostic, Error};

/// AR6: JSON or CLI configuration; binary content keeps its R28 diagnostic.
pub(super) fn decide(head: &[u8]) -> Result<VendorSniff<'_>, Error> {
    let found = crate::sniff(head)?;
    let first = head.iter().find(|byte| !byte.is_ascii_whitespace());
    let format = match found.kind {
        crate::Kind::Configuration(ConfigFormat::Binary(binary)) => ConfigFormat::Binary(binary),
        _ if first == Some(&b'{') => ConfigFormat::Json,
        _ => ConfigFormat::Cli,
    };
    let mut sniff = VendorSniff::new(Vendor::ArubaAosCx, FileKind::Configuration(format));
    if found.diagnostics.contains(Diagnostic::BinaryContent) {
        sniff.diagnostics.insert(Diagnostic::BinaryContent);
    }
    Ok(sniff)
}
