//! SONiC (S6): a file named by option 67 or v6 59 is ZTP JSON, a document
//! whose top level is an object with a `ztp` object; one named by option 239
//! is a program that is executed, sniffed by its `#!` line (SPEC R24).
//! Without the option, the first non-whitespace byte decides: `{` is JSON,
//! anything else a script (a choice, with [`Note::KindFromContent`]).

use super::json::JsonCheck;
use super::{FileKind, Note, Refusal, Vendor, VendorSniff, Workflow, script_kind, shebang};
use crate::Error;

/// S6: JSON from 67/59 (or from content), a script from 239.
pub(super) fn decide<'a>(
    head: &'a [u8],
    option: Option<u16>,
    json: Option<&JsonCheck>,
) -> Result<VendorSniff<'a>, Error> {
    let mut found = VendorSniff::new(Vendor::Sonic, FileKind::Unknown);
    let is_json = match option {
        Some(239) => false,
        Some(_) => true,
        None => {
            found.notes.insert(Note::KindFromContent);
            head.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'{')
        }
    };
    if let (true, Some(json)) = (is_json, json) {
        found.kind = FileKind::Workflow(Workflow::SonicJson);
        if let Err(error) = json.finish() {
            found = found.refuse(Refusal::Json(error));
        }
        return Ok(found);
    }
    let (script, diagnostics, _) = shebang(head)?;
    found.diagnostics = diagnostics;
    match script {
        Some(script) => found.kind = script_kind(script),
        None => {
            found = found.refuse(Refusal::NoShebang {
                vendor: Vendor::Sonic,
            })
        }
    }
    Ok(found)
}
