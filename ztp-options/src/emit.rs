//! The two checks every encoder makes before it writes: room in a
//! `BufMut`, and a slice cut to the exact length.

use bytes::BufMut;

use crate::error::{Error, Result};

/// Checks that `buf` has room for `needed` more bytes, so that an encoder
/// writes all or nothing.
///
/// # Errors
///
/// [`Error::BufferTooSmall`].
pub(crate) fn room<B: BufMut + ?Sized>(buf: &B, needed: usize) -> Result<()> {
    if buf.remaining_mut() < needed {
        return Err(Error::BufferTooSmall {
            needed,
            available: buf.remaining_mut(),
        });
    }
    Ok(())
}

/// Runs `put` over the first `needed` bytes of `buf`; returns `needed`.
///
/// # Errors
///
/// [`Error::BufferTooSmall`] when `buf` is shorter, or the error of `put`.
pub(crate) fn into_slice(
    buf: &mut [u8],
    needed: usize,
    put: impl FnOnce(&mut &mut [u8]) -> Result<()>,
) -> Result<usize> {
    let available = buf.len();
    let mut out = buf
        .get_mut(..needed)
        .ok_or(Error::BufferTooSmall { needed, available })?;
    put(&mut out)?;
    Ok(needed)
}
