//! Cisco IOS-XR ZTP (CR7): a first line `!! IOS XR` makes a configuration
//! (committed); a listed `#!` line a script (bash or Python); any other text
//! is rejected, and so is a file that is not text or over [`SIZE_MAX`] bytes.

use super::{FileKind, Refusal, Vendor, VendorSniff, first_line, script_kind, shebang};
use crate::{ConfigFormat, Error, Script};

/// CR7: the largest file IOS-XR ZTP takes: 100 MB (decimal, a choice: the
/// stricter reading of "100 MB").
pub const SIZE_MAX: u64 = 100_000_000;

/// CR7: how a configuration's first line starts.
const CONFIG_LINE: &[u8] = b"!! IOS XR";

/// CR7: the `#!` lines the two Cisco sources list, as `(path, argument)`.
const LISTED: [(&str, &str); 4] = [
    ("/bin/bash", ""),
    ("/bin/sh", ""),
    ("/usr/bin/python", ""),
    ("/usr/bin/env", "python"),
];

fn listed(script: &Script<'_>) -> bool {
    LISTED.iter().any(|(path, argument)| {
        script.path() == *path && script.argument().unwrap_or_default() == *argument
    })
}

/// CR7, on the first [`crate::PREFIX_MAX`] bytes and the size.
pub(super) fn decide(head: &[u8], total: u64) -> Result<VendorSniff<'_>, Error> {
    let mut found = VendorSniff::new(Vendor::CiscoIosXr, FileKind::Unknown);
    if total > SIZE_MAX {
        return Ok(found.refuse(Refusal::TooLarge { limit: SIZE_MAX }));
    }
    let (script, diagnostics, format) = shebang(head)?;
    found.diagnostics = diagnostics;
    let binary = matches!(format, ConfigFormat::Binary(_)) || head.contains(&0);
    if binary {
        return Ok(found.refuse(Refusal::NotText));
    }
    match script {
        Some(script) => {
            let ok = listed(&script);
            found.kind = script_kind(script);
            if !ok {
                found = found.refuse(Refusal::NotIosXrForm);
            }
        }
        None if first_line(head).starts_with(CONFIG_LINE) => {
            found.kind = FileKind::Configuration(ConfigFormat::Cli);
        }
        None => found = found.refuse(Refusal::NotIosXrForm),
    }
    Ok(found)
}
