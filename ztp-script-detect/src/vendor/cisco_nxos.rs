//! Cisco NX-OS POAP (CN7): the file is the POAP script (Python). It must
//! carry a line `#md5sum="<hex>"` equal to the MD5 of the file with that line
//! removed; we recompute it while the file streams and report a mismatch.
//!
//! "That line removed" is what Cisco's procedure does
//! (`sed '/^#md5sum/d' poap.py | md5sum`): every line that starts with
//! `#md5sum`, its newline included, is left out of the hash; the first one
//! holds the stated value.

use md5::{Digest as _, Md5};

use super::{Algorithm, Checksum, Digest, Refusal, Vendor, VendorSniff, python};
use crate::Error;

/// The start of a line left out of the hash.
const LINE_START: &[u8] = b"#md5sum";

/// The most of the first `#md5sum` line kept: `#md5sum="` + 32 hex digits +
/// `"`, with room for trailing blanks.
const LINE_KEPT: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// At the start of a line: fewer than 7 bytes of it seen, all matching
    /// `#md5sum` so far (held in `pending`).
    Undecided,
    /// A line that is hashed, up to its newline.
    Keep,
    /// A `#md5sum` line, left out, up to its newline.
    Skip,
}

/// CN7's streaming hash. Keeps the MD5 state (about 90 bytes), the start of
/// the current line (7 bytes) and the first `#md5sum` line (80 bytes); per
/// byte, one MD5 step and a newline search.
#[derive(Clone)]
pub(crate) struct Md5Lines {
    hasher: Md5,
    mode: Mode,
    pending: [u8; LINE_START.len()],
    pending_len: usize,
    line: [u8; LINE_KEPT],
    line_len: usize,
    /// `#md5sum` lines seen.
    lines: u32,
}

impl std::fmt::Debug for Md5Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Md5Lines")
            .field("mode", &self.mode)
            .field("lines", &self.lines)
            .finish_non_exhaustive()
    }
}

impl Md5Lines {
    pub(crate) fn new() -> Self {
        Md5Lines {
            hasher: Md5::new(),
            mode: Mode::Undecided,
            pending: [0; LINE_START.len()],
            pending_len: 0,
            line: [0; LINE_KEPT],
            line_len: 0,
            lines: 0,
        }
    }

    fn pending(&self) -> &[u8] {
        self.pending.get(..self.pending_len).unwrap_or_default()
    }

    /// Keeps the start of the first `#md5sum` line.
    fn capture(&mut self, part: &[u8]) {
        if self.lines != 1 {
            return;
        }
        let room = self.line.get_mut(self.line_len..).unwrap_or_default();
        let take = room.len().min(part.len());
        if let (Some(to), Some(from)) = (room.get_mut(..take), part.get(..take)) {
            to.copy_from_slice(from);
        }
        self.line_len += take;
    }

    pub(crate) fn feed(&mut self, mut chunk: &[u8]) {
        while let Some((&byte, rest)) = chunk.split_first() {
            match self.mode {
                Mode::Keep | Mode::Skip => {
                    let end = chunk
                        .iter()
                        .position(|b| *b == b'\n')
                        .map_or(chunk.len(), |newline| newline + 1);
                    let (part, rest) = chunk.split_at_checked(end).unwrap_or((chunk, &[]));
                    if self.mode == Mode::Keep {
                        self.hasher.update(part);
                    } else {
                        self.capture(part);
                    }
                    if part.ends_with(b"\n") {
                        self.mode = Mode::Undecided;
                        self.pending_len = 0;
                    }
                    chunk = rest;
                }
                Mode::Undecided => {
                    chunk = rest;
                    if let Some(slot) = self.pending.get_mut(self.pending_len) {
                        *slot = byte;
                        self.pending_len += 1;
                    }
                    let matching = LINE_START.starts_with(self.pending());
                    if byte == b'\n' || !matching {
                        let pending = self.pending;
                        self.hasher
                            .update(pending.get(..self.pending_len).unwrap_or_default());
                        self.pending_len = 0;
                        if byte != b'\n' {
                            self.mode = Mode::Keep;
                        }
                    } else if self.pending_len == LINE_START.len() {
                        self.lines += 1;
                        let pending = self.pending;
                        self.capture(&pending);
                        self.mode = Mode::Skip;
                    }
                }
            }
        }
    }

    /// The MD5 of the file without its `#md5sum` lines, for a file that ends
    /// here.
    fn computed(&self) -> Digest {
        let mut hasher = self.hasher.clone();
        // A last line shorter than `#md5sum` is hashed.
        if self.mode == Mode::Undecided {
            hasher.update(self.pending());
        }
        Digest::new(&hasher.finalize())
    }

    /// The value of the first `#md5sum` line: `Ok(None)` when there is no
    /// such line, `Err(())` when it is not `="<32 hex digits>"`.
    fn stated(&self) -> Result<Option<Digest>, ()> {
        if self.lines == 0 {
            return Ok(None);
        }
        let line = self.line.get(..self.line_len).unwrap_or_default();
        let value = line
            .strip_prefix(LINE_START)
            .and_then(|rest| rest.strip_prefix(b"=\""))
            .map(<[u8]>::trim_ascii_end)
            .and_then(|rest| rest.strip_suffix(b"\""))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(Digest::from_hex)
            .filter(|digest| digest.as_bytes().len() == Algorithm::Md5.len());
        value.map(Some).ok_or(())
    }
}

/// CN7: Python, with the MD5 line checked.
pub(super) fn decide<'a>(head: &'a [u8], lines: &Md5Lines) -> Result<VendorSniff<'a>, Error> {
    let mut found = python(Vendor::CiscoNxos, head)?;
    let algorithm = Algorithm::Md5;
    let stated = lines.stated();
    let checksum = Checksum {
        algorithm,
        stated: stated.ok().flatten(),
        computed: lines.computed(),
    };
    found.checksum = Some(checksum);
    Ok(match stated {
        Ok(None) => found.refuse(Refusal::ChecksumLineMissing { algorithm }),
        Err(()) => found.refuse(Refusal::ChecksumLineMalformed { algorithm }),
        Ok(Some(_)) if !checksum.matches() => found.refuse(Refusal::ChecksumMismatch { algorithm }),
        Ok(Some(_)) => found,
    })
}
