//! Cisco IOS-XE ZTP (CX5): the file is always a Python script run in Guest
//! Shell; no `#!` line is needed. A file that looks like IOS configuration
//! is still run as Python, with a note.

use super::{Note, Vendor, VendorSniff, first_line, python};
use crate::Error;

/// CX5: the first line of IOS configuration: `!`, `hostname …`,
/// `interface …` (and `version …`, `service …`, `enable …`, which IOS
/// `show running-config` starts with).
fn looks_like_ios_config(head: &[u8]) -> bool {
    let line = first_line(head).trim_ascii();
    let word = line
        .split(|byte| byte.is_ascii_whitespace())
        .next()
        .unwrap_or_default();
    line.starts_with(b"!")
        || (line.len() > word.len()
            && matches!(
                word,
                b"hostname" | b"interface" | b"version" | b"service" | b"enable"
            ))
}

/// CX5: Python, whatever the content; IOS configuration gets a note.
pub(super) fn decide(head: &[u8]) -> Result<VendorSniff<'_>, Error> {
    let mut found = python(Vendor::CiscoIosXe, head)?;
    if looks_like_ios_config(head) {
        found.notes.insert(Note::LooksLikeIosConfig);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cx5_ios_config_first_lines() {
        assert!(looks_like_ios_config(b"!\nhostname sw1\n"));
        assert!(looks_like_ios_config(b"hostname sw1\n"));
        assert!(looks_like_ios_config(b"  interface Gi1/0/1\n"));
        assert!(!looks_like_ios_config(b"import cli\n"));
        assert!(!looks_like_ios_config(b"hostname\n"));
        assert!(!looks_like_ios_config(b""));
    }
}
