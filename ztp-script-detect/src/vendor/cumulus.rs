//! NVIDIA Cumulus Linux (CU4..CU6): the script must hold
//! `CUMULUS-AUTOPROVISIONING` anywhere (CU4), found by a streaming search
//! that keeps the marker's length minus one bytes between chunks, within the
//! first [`SEARCH_MAX`] bytes (CU5); it is run by its `#!` interpreter, and a
//! `\r` at the end of that line is diagnosed (CU6).

use super::{FileKind, Note, Refusal, Vendor, VendorSniff, script_kind, shebang};
use crate::{Diagnostic, Error};

/// CU4: the marker the file must contain.
pub const MARKER: &[u8] = b"CUMULUS-AUTOPROVISIONING";

/// CU5: how far into the file the marker is looked for: 16 MiB (a choice;
/// the documentation sets no bound).
pub const SEARCH_MAX: u64 = 16 << 20;

/// The bytes kept between chunks: the marker's length minus one, the most of
/// a marker that can end a chunk without being whole in it.
const CARRY: usize = MARKER.len() - 1;

/// CU5: the streaming search. Keeps [`CARRY`] (23) bytes; per byte, one
/// window compare of [`MARKER`]'s 24 bytes (at most).
#[derive(Debug, Clone)]
pub(crate) struct MarkerSearch {
    carry: [u8; CARRY],
    carry_len: usize,
    found: Option<u64>,
}

impl MarkerSearch {
    pub(crate) const fn new() -> Self {
        MarkerSearch {
            carry: [0; CARRY],
            carry_len: 0,
            found: None,
        }
    }

    /// Where the first marker starts, once found.
    pub(crate) fn found(&self) -> Option<u64> {
        self.found
    }

    /// Takes `chunk`, which starts at byte offset `start` of the file.
    pub(crate) fn feed(&mut self, start: u64, chunk: &[u8]) {
        if self.found.is_some() || start >= SEARCH_MAX {
            return;
        }
        // Only the bytes within the bound are searched.
        let within = usize::try_from(SEARCH_MAX - start).unwrap_or(usize::MAX);
        let chunk = chunk.get(..within).unwrap_or(chunk);
        // A marker across the seam: the carry, then up to CARRY bytes of
        // the chunk (a fixed buffer: no allocation).
        let mut seam = [0u8; 2 * CARRY];
        let kept = self.carry;
        let carry = kept.get(..self.carry_len).unwrap_or_default();
        let head = chunk.get(..CARRY).unwrap_or(chunk);
        let seam_len = carry.len() + head.len();
        if let Some(to) = seam.get_mut(..carry.len()) {
            to.copy_from_slice(carry);
        }
        if let Some(to) = seam.get_mut(carry.len()..seam_len) {
            to.copy_from_slice(head);
        }
        let seam = seam.get(..seam_len).unwrap_or_default();
        let seam_start = start - carry.len() as u64;
        if let Some(at) = find(seam) {
            self.found = Some(seam_start + at as u64);
            return;
        }
        if let Some(at) = find(chunk) {
            self.found = Some(start + at as u64);
            return;
        }
        // The new carry: the last CARRY bytes of carry + chunk.
        let keep_from_chunk = chunk.len().min(CARRY);
        let keep_from_carry = (CARRY - keep_from_chunk).min(carry.len());
        let mut next = [0u8; CARRY];
        let old = carry
            .get(carry.len() - keep_from_carry..)
            .unwrap_or_default();
        let new = chunk
            .get(chunk.len() - keep_from_chunk..)
            .unwrap_or_default();
        if let Some(to) = next.get_mut(..old.len()) {
            to.copy_from_slice(old);
        }
        if let Some(to) = next.get_mut(old.len()..old.len() + new.len()) {
            to.copy_from_slice(new);
        }
        self.carry = next;
        self.carry_len = old.len() + new.len();
    }
}

fn find(haystack: &[u8]) -> Option<usize> {
    haystack
        .windows(MARKER.len())
        .position(|window| window == MARKER)
}

/// CU4..CU6 on the first bytes, the size and the search.
pub(super) fn decide<'a>(
    head: &'a [u8],
    total: u64,
    search: &MarkerSearch,
) -> Result<VendorSniff<'a>, Error> {
    let (script, diagnostics, _) = shebang(head)?;
    let mut found = VendorSniff::new(Vendor::Cumulus, FileKind::Unknown);
    found.diagnostics = diagnostics;
    found.marker_at = search.found();
    // CU6: the interpreter path (or argument) ends in `\r`.
    if diagnostics.contains(Diagnostic::CrlfLineEnd) {
        found.notes.insert(Note::CarriageReturnInFirstLine);
    }
    // CU4 first: without the marker the file is not run at all.
    if search.found().is_none() {
        found = found.refuse(if total > SEARCH_MAX {
            Refusal::MarkerNotFoundWithinBound { bound: SEARCH_MAX }
        } else {
            Refusal::MarkerMissing
        });
    }
    match script {
        Some(script) => found.kind = script_kind(script),
        None => {
            found = found.refuse(Refusal::NoShebang {
                vendor: Vendor::Cumulus,
            })
        }
    }
    Ok(found)
}
