//! Arista EOS (A6, A7): a `#!` first line makes a script, run by its
//! interpreter; anything else is a startup-config (SPEC R24's first-line rule,
//! a choice: Arista does not publish how EOS tells them apart).

use super::{FileKind, Language, Note, Vendor, VendorScript, VendorSniff, shebang};
use crate::{ConfigFormat, Error, Script};

/// A7: the interpreters EOS ZTP scripts use, as `(path, argument)`.
pub(super) const KNOWN: [(&str, &str, Language); 5] = [
    ("/usr/bin/Cli", "-p2", Language::EosCli),
    ("/bin/bash", "", Language::Bash),
    ("/usr/bin/env", "python", Language::Python),
    ("/usr/bin/python", "", Language::Python),
    ("/usr/bin/python3", "", Language::Python),
];

/// A7: the language of a listed interpreter, `None` for any other.
fn listed(script: &Script<'_>) -> Option<Language> {
    KNOWN.iter().find_map(|(path, argument, language)| {
        (script.path() == *path && script.argument().unwrap_or_default() == *argument)
            .then_some(*language)
    })
}

/// A6: script or startup-config from the first line; A7: its interpreter.
pub(super) fn decide(head: &[u8]) -> Result<VendorSniff<'_>, Error> {
    let (script, diagnostics, format) = shebang(head)?;
    let mut found = VendorSniff::new(Vendor::Arista, FileKind::Unknown);
    found.diagnostics = diagnostics;
    found.kind = match script {
        Some(script) => {
            let language = listed(&script).unwrap_or_else(|| {
                found.notes.insert(Note::UnlistedInterpreter);
                Language::of(&script)
            });
            FileKind::Script(VendorScript {
                language,
                shebang: Some(script),
            })
        }
        // A6: any other file is saved as startup-config (EOS CLI text); a
        // binary file keeps its R28 diagnostic.
        None => FileKind::Configuration(match format {
            ConfigFormat::Binary(binary) => ConfigFormat::Binary(binary),
            _ => ConfigFormat::Cli,
        }),
    };
    Ok(found)
}
