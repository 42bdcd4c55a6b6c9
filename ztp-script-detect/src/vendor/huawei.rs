//! Huawei VRP (H6): the intermediate file's kind comes from its extension.
//! `.ini` and `.cfg` start with a line `#sha256sum="<64 hex digits>"`, the
//! SHA-256 of the text after line 1, which is verified while the file
//! streams; `.py` is a Python script (its checksum line is unverified, so it
//! is not checked). Any other extension is refused (H3).
//!
//! What an intermediate file says is read from the whole text with
//! [`ini_entries`] and [`cfg_pairs`], which borrow it and allocate nothing.
//!
//! ```
//! use ztp_script_detect::huawei::{cfg_pairs, ini_entries, is_default_esn};
//!
//! let ini = "#sha256sum=\"…\"\n;BEGIN ROUTER\n[GLOBAL CONFIG]\nFILESERVER=sftp://u:p@192.0.2.1\n\
//!            [DEVICE0 DESCRIPTION]\nESN=DEFAULT\nSYSTEM-CONFIG=vrpcfg.zip\n;END ROUTER\n";
//! let entries: Vec<_> = ini_entries(ini).collect();
//! assert_eq!(entries[0].section, "GLOBAL CONFIG");
//! assert_eq!((entries[1].key, entries[1].value), ("ESN", "DEFAULT"));
//! assert!(is_default_esn(entries[1].key, entries[1].value));
//!
//! let cfg = "#sha256sum=\"…\"\nfileserver=tftp://192.0.2.1;esn=DEFAULT;\nsystem-config=a.cfg;\n";
//! let pairs: Vec<_> = cfg_pairs(cfg).map(|p| (p.key, p.value)).collect();
//! assert_eq!(pairs, [("fileserver", "tftp://192.0.2.1"), ("esn", "DEFAULT"), ("system-config", "a.cfg")]);
//! ```

use sha2::{Digest as _, Sha256};

use super::{
    Algorithm, Checksum, Digest, Ext, FileKind, Note, Refusal, Vendor, VendorSniff, Workflow,
    first_line, python,
};
use crate::Error;

/// H6's streaming hash of everything after the first newline. Keeps the
/// SHA-256 state (about 110 bytes); per byte, one SHA-256 step.
#[derive(Clone)]
pub(crate) struct AfterFirstLine {
    hasher: Sha256,
    past_first_line: bool,
}

impl std::fmt::Debug for AfterFirstLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AfterFirstLine")
            .field("past_first_line", &self.past_first_line)
            .finish_non_exhaustive()
    }
}

impl AfterFirstLine {
    pub(crate) fn new() -> Self {
        AfterFirstLine {
            hasher: Sha256::new(),
            past_first_line: false,
        }
    }

    pub(crate) fn feed(&mut self, mut chunk: &[u8]) {
        if !self.past_first_line {
            match chunk.iter().position(|byte| *byte == b'\n') {
                Some(newline) => {
                    self.past_first_line = true;
                    chunk = chunk.get(newline + 1..).unwrap_or_default();
                }
                None => return,
            }
        }
        self.hasher.update(chunk);
    }

    fn computed(&self) -> Digest {
        Digest::new(&self.hasher.clone().finalize())
    }
}

/// The value of a first line `#sha256sum="<64 hex>"`: `Ok(None)` when the
/// first line is no checksum line, `Err(())` when its value is malformed.
fn stated(head: &[u8]) -> Result<Option<Digest>, ()> {
    let line = first_line(head);
    let Some(rest) = line.strip_prefix(Algorithm::Sha256.line_start().as_bytes()) else {
        return Ok(None);
    };
    rest.trim_ascii_end()
        .strip_prefix(b"\"")
        .and_then(|rest| rest.strip_suffix(b"\""))
        .and_then(|hex| std::str::from_utf8(hex).ok())
        .and_then(Digest::from_hex)
        .filter(|digest| digest.as_bytes().len() == Algorithm::Sha256.len())
        .map(Some)
        .ok_or(())
}

/// Without a name: INI when the prefix shows an INI section or the
/// `;BEGIN ROUTER` line, CFG when the first line is a checksum line, else
/// Python.
fn guess(head: &[u8]) -> Ext {
    let has = |needle: &[u8]| head.windows(needle.len()).any(|window| window == needle);
    if has(b"[GLOBAL CONFIG]") || has(b";BEGIN ROUTER") {
        Ext::Ini
    } else if first_line(head).starts_with(b"#sha256sum") {
        Ext::Cfg
    } else {
        Ext::Py
    }
}

/// H6 on the first bytes, the extension and the hash of what follows line 1.
pub(super) fn decide<'a>(
    head: &'a [u8],
    ext: Ext,
    hash: Option<&AfterFirstLine>,
) -> Result<VendorSniff<'a>, Error> {
    let mut notes = super::Notes::new();
    let ext = match ext {
        Ext::NoName => {
            notes.insert(Note::NoFileName);
            guess(head)
        }
        ext => ext,
    };
    let workflow = match ext {
        Ext::Ini => Workflow::HuaweiIni,
        Ext::Cfg => Workflow::HuaweiCfg,
        Ext::Py => {
            let mut found = python(Vendor::HuaweiVrp, head)?;
            found.notes = notes.with(Note::PythonChecksumNotChecked);
            return Ok(found);
        }
        _ => {
            let found = VendorSniff::new(Vendor::HuaweiVrp, FileKind::Unknown);
            return Ok(found.refuse(Refusal::BadExtension));
        }
    };
    let mut found = VendorSniff::new(Vendor::HuaweiVrp, FileKind::Workflow(workflow));
    found.notes = notes;
    let algorithm = Algorithm::Sha256;
    let stated = stated(head);
    if let Some(hash) = hash {
        let checksum = Checksum {
            algorithm,
            stated: stated.ok().flatten(),
            computed: hash.computed(),
        };
        found.checksum = Some(checksum);
        if stated.is_ok_and(|stated| stated.is_some()) && !checksum.matches() {
            found = found.refuse(Refusal::ChecksumMismatch { algorithm });
        }
    }
    Ok(match stated {
        Ok(None) => found.refuse(Refusal::ChecksumLineMissing { algorithm }),
        Err(()) => found.refuse(Refusal::ChecksumLineMalformed { algorithm }),
        Ok(Some(_)) => found,
    })
}

/// One `KEY=VALUE` line of an INI intermediate file, in its `[SECTION]`.
///
/// ```
/// use ztp_script_detect::huawei::ini_entries;
///
/// let entry = ini_entries("#sha256sum=\"\"\n[GLOBAL CONFIG]\nFILESERVER = tftp://192.0.2.1\r\n")
///     .next()
///     .unwrap();
/// assert_eq!((entry.section, entry.key, entry.value, entry.line), ("GLOBAL CONFIG", "FILESERVER", "tftp://192.0.2.1", 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IniEntry<'t> {
    /// The section (`GLOBAL CONFIG`, `DEVICE0 DESCRIPTION`), empty before
    /// the first one.
    pub section: &'t str,
    /// The key (`ESN`, `MAC`, `SYSTEM-SOFTWARE`, ...), blanks trimmed.
    pub key: &'t str,
    /// The value, blanks trimmed.
    pub value: &'t str,
    /// The 1-based line number.
    pub line: usize,
}

/// The `KEY=VALUE` lines of an INI intermediate file after line 1 (the
/// checksum), skipping `;` comments (`;BEGIN ROUTER`) and blank lines.
pub fn ini_entries(text: &str) -> impl Iterator<Item = IniEntry<'_>> {
    let mut section = "";
    text.lines()
        .enumerate()
        .skip(1)
        .filter_map(move |(index, line)| {
            let line = line.trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim();
                return None;
            }
            if line.starts_with(';') || line.starts_with('#') {
                return None;
            }
            let (key, value) = line.split_once('=')?;
            Some(IniEntry {
                section,
                key: key.trim(),
                value: value.trim(),
                line: index + 1,
            })
        })
}

/// One `key=value;` pair of a CFG intermediate file.
///
/// ```
/// use ztp_script_detect::huawei::cfg_pairs;
///
/// let pair = cfg_pairs("#sha256sum=\"\"\nmac=00e0-fc12-3456;").next().unwrap();
/// assert_eq!((pair.key, pair.value), ("mac", "00e0-fc12-3456"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CfgPair<'t> {
    /// The key (`fileserver`, `mac`, `esn`, `devicetype`, ...).
    pub key: &'t str,
    /// The value, blanks trimmed.
    pub value: &'t str,
}

/// The `key=value;` pairs of a CFG intermediate file after line 1 (the
/// checksum); pieces without `=` are skipped.
pub fn cfg_pairs(text: &str) -> impl Iterator<Item = CfgPair<'_>> {
    let body = text.split_once('\n').map_or("", |(_, body)| body);
    body.split(';').filter_map(|piece| {
        let (key, value) = piece.split_once('=')?;
        Some(CfgPair {
            key: key.trim(),
            value: value.trim(),
        })
    })
}

/// H6: `ESN=DEFAULT` (`esn=DEFAULT` in CFG) matches any device.
///
/// ```
/// use ztp_script_detect::huawei::is_default_esn;
///
/// assert!(is_default_esn("esn", "DEFAULT"));
/// assert!(!is_default_esn("ESN", "2102351931P0C3000154"));
/// ```
#[must_use]
pub fn is_default_esn(key: &str, value: &str) -> bool {
    key.eq_ignore_ascii_case("esn") && value == "DEFAULT"
}
