//! Dell OS10 ZTD (D3..D5). The file option 240 names is the provisioning
//! script (D3): bash, which sets `IMG_FILE`, `CLI_CONFIG_FILE` and
//! `POST_SCRIPT_FILE` (at least one non-empty, else ZTD fails). The files it
//! names are a CLI batch file with `# PRE-CONFIG` / `# POST-CONFIG` sections
//! (D4) and a post-ZTD script, bash or Python (D5). Every ZTD file needs
//! Unix line ends: a `\r` anywhere is an error (D4).
//!
//! Without option 240 the content decides (a choice): a `#!` script that
//! assigns one of the three variables is a provisioning script, any other
//! script a post-ZTD script, and a file with no `#!` line a CLI batch file.
//!
//! The assignments are read line by line while the file streams; their
//! values, for showing the plan, come from [`assignments`] on the whole text.
//!
//! ```
//! use ztp_script_detect::dell::assignments;
//!
//! let script = "#!/bin/bash\nIMG_FILE=\"http://192.0.2.1/os10.bin\"\nCLI_CONFIG_FILE=\"\"\n";
//! let found: Vec<_> = assignments(script).map(|a| (a.name, a.value)).collect();
//! assert_eq!(found, [("IMG_FILE", "http://192.0.2.1/os10.bin"), ("CLI_CONFIG_FILE", "")]);
//! ```

use super::{FileKind, Language, Note, Refusal, Vendor, VendorScript, VendorSniff, shebang};
use crate::{ConfigFormat, Error};

/// D3: the variables a provisioning script sets.
pub const VARIABLES: [&str; 3] = ["IMG_FILE", "CLI_CONFIG_FILE", "POST_SCRIPT_FILE"];

/// D4: the section lines of a CLI batch file.
const PRE_CONFIG: &[u8] = b"# PRE-CONFIG";
const POST_CONFIG: &[u8] = b"# POST-CONFIG";

/// The most of each line kept while streaming: enough for
/// `export POST_SCRIPT_FILE=""` and a comment's start.
const LINE_KEPT: usize = 64;

/// What a Dell OS10 ZTD file sets and holds (D3, D4).
///
/// ```
/// use ztp_script_detect::{sniff_vendor, Hint, Vendor};
///
/// let file = b"#!/bin/bash\nIMG_FILE=\"\"\nCLI_CONFIG_FILE=\"http://192.0.2.1/cli.txt\"\n";
/// let facts = sniff_vendor(Vendor::DellOs10, Hint::option(240), file)?.dell.unwrap();
/// assert!(!facts.img_file && facts.cli_config_file && !facts.post_script_file);
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DellFacts {
    /// D3: `IMG_FILE` is set to a non-empty value.
    pub img_file: bool,
    /// D3: `CLI_CONFIG_FILE` is set to a non-empty value.
    pub cli_config_file: bool,
    /// D3: `POST_SCRIPT_FILE` is set to a non-empty value.
    pub post_script_file: bool,
    /// D3: one of the three is assigned, even to an empty value.
    pub assigns: bool,
    /// D4: the first `# PRE-CONFIG` line (1-based).
    pub pre_config_line: Option<u64>,
    /// D4: the first `# POST-CONFIG` line (1-based).
    pub post_config_line: Option<u64>,
    /// D4: the first line holding a `\r` (1-based).
    pub carriage_return_line: Option<u64>,
}

impl DellFacts {
    /// D3: at least one variable is non-empty.
    #[must_use]
    pub fn any_set(&self) -> bool {
        self.img_file || self.cli_config_file || self.post_script_file
    }
}

/// The streaming line reader. Keeps 64 bytes of the current line and the
/// facts; per byte, a newline and `\r` test, and a few compares per line.
#[derive(Debug, Clone)]
pub(crate) struct DellLines {
    line: [u8; LINE_KEPT],
    line_len: usize,
    /// The current line has bytes (kept or not).
    line_open: bool,
    number: u64,
    facts: DellFacts,
}

impl DellLines {
    pub(crate) const fn new() -> Self {
        DellLines {
            line: [0; LINE_KEPT],
            line_len: 0,
            line_open: false,
            number: 1,
            facts: DellFacts {
                img_file: false,
                cli_config_file: false,
                post_script_file: false,
                assigns: false,
                pre_config_line: None,
                post_config_line: None,
                carriage_return_line: None,
            },
        }
    }

    pub(crate) fn feed(&mut self, chunk: &[u8]) {
        for &byte in chunk {
            if byte == b'\r' && self.facts.carriage_return_line.is_none() {
                self.facts.carriage_return_line = Some(self.number);
            }
            if byte == b'\n' {
                let facts = self.with_line();
                self.facts = facts;
                self.line_len = 0;
                self.line_open = false;
                self.number += 1;
                continue;
            }
            self.line_open = true;
            if let Some(slot) = self.line.get_mut(self.line_len) {
                *slot = byte;
                self.line_len += 1;
            }
        }
    }

    /// The facts, with the current line read as a whole line.
    fn with_line(&self) -> DellFacts {
        let mut facts = self.facts;
        let line = self.line.get(..self.line_len).unwrap_or_default();
        let trimmed = line.trim_ascii_end();
        if trimmed == PRE_CONFIG {
            facts.pre_config_line.get_or_insert(self.number);
        } else if trimmed == POST_CONFIG {
            facts.post_config_line.get_or_insert(self.number);
        } else if let Some((name, value)) = assignment(line) {
            facts.assigns = true;
            let set = !unquote(value).is_empty();
            match name {
                b"IMG_FILE" => facts.img_file = set,
                b"CLI_CONFIG_FILE" => facts.cli_config_file = set,
                _ => facts.post_script_file = set,
            }
        }
        facts
    }

    /// The facts for a file that ends here.
    pub(crate) fn facts(&self) -> DellFacts {
        if self.line_open {
            self.with_line()
        } else {
            self.facts
        }
    }
}

/// `[export ]NAME=value` for one of [`VARIABLES`], at the start of `line`
/// (blanks before it allowed).
fn assignment(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let line = line.trim_ascii_start();
    let line = line
        .strip_prefix(b"export ")
        .unwrap_or(line)
        .trim_ascii_start();
    VARIABLES.iter().find_map(|name| {
        let value = line.strip_prefix(name.as_bytes())?.strip_prefix(b"=")?;
        Some((name.as_bytes(), value))
    })
}

/// The value of an assignment: inside its quotes, or up to a blank or `;`.
fn unquote(value: &[u8]) -> &[u8] {
    match value.split_first() {
        Some((quote @ (b'"' | b'\''), rest)) => {
            let end = rest
                .iter()
                .position(|byte| byte == quote)
                .unwrap_or(rest.len());
            rest.get(..end).unwrap_or(rest)
        }
        _ => {
            let end = value
                .iter()
                .position(|byte| byte.is_ascii_whitespace() || matches!(byte, b';' | b'#'))
                .unwrap_or(value.len());
            value.get(..end).unwrap_or(value)
        }
    }
}

/// One assignment of a provisioning script (D3).
///
/// ```
/// use ztp_script_detect::dell::assignments;
///
/// let first = assignments("export POST_SCRIPT_FILE='scp://u@h/post.sh'\n").next().unwrap();
/// assert_eq!((first.name, first.value, first.line), ("POST_SCRIPT_FILE", "scp://u@h/post.sh", 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Assignment<'t> {
    /// `IMG_FILE`, `CLI_CONFIG_FILE` or `POST_SCRIPT_FILE`.
    pub name: &'t str,
    /// The value, without its quotes.
    pub value: &'t str,
    /// The 1-based line number.
    pub line: usize,
}

/// The `NAME="value"` lines of a provisioning script for the three
/// [`VARIABLES`], in order (static extraction: nothing is run).
pub fn assignments(text: &str) -> impl Iterator<Item = Assignment<'_>> {
    text.lines().enumerate().filter_map(|(index, line)| {
        let (name, value) = assignment(line.as_bytes())?;
        Some(Assignment {
            name: std::str::from_utf8(name).ok()?,
            value: std::str::from_utf8(unquote(value)).ok()?,
            line: index + 1,
        })
    })
}

/// D3..D5 on the first bytes, the option and the lines.
pub(super) fn decide<'a>(
    head: &'a [u8],
    option: Option<u16>,
    lines: &DellLines,
) -> Result<VendorSniff<'a>, Error> {
    let facts = lines.facts();
    let (script, diagnostics, format) = shebang(head)?;
    let mut found = VendorSniff::new(Vendor::DellOs10, FileKind::Unknown);
    found.diagnostics = diagnostics;
    found.dell = Some(facts);
    if let Some(line) = facts.carriage_return_line {
        found = found.refuse(Refusal::CarriageReturn { line });
    }
    let provisioning = option == Some(240) || facts.assigns;
    match script {
        Some(script) => {
            let language = Language::of(&script);
            // D3: bash, `#!/bin/bash`; D5: `#!/bin/bash` or `#!/usr/bin/python`.
            let listed = script.argument().is_none()
                && (script.path() == "/bin/bash"
                    || (!provisioning && script.path() == "/usr/bin/python"));
            if !listed {
                found.notes.insert(Note::UnlistedInterpreter);
            }
            found.kind = FileKind::Script(VendorScript {
                language,
                shebang: Some(script),
            });
            if provisioning && !facts.any_set() {
                found = found.refuse(Refusal::NoProvisioningVariables);
            }
        }
        None if provisioning => {
            found = found.refuse(Refusal::NoShebang {
                vendor: Vendor::DellOs10,
            });
        }
        None => {
            // D4: a CLI batch file.
            found.kind = FileKind::Configuration(match format {
                ConfigFormat::Binary(binary) => ConfigFormat::Binary(binary),
                _ => ConfigFormat::Cli,
            });
            if let (Some(pre), Some(post)) = (facts.pre_config_line, facts.post_config_line) {
                if post < pre {
                    found.notes.insert(Note::SectionsOutOfOrder);
                }
            }
        }
    }
    Ok(found)
}
