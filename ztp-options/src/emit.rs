//! The two checks every encoder makes before it writes: room in a
//! `BufMut`, and a slice cut to the exact length. With them, no encoder
//! panics on a short buffer: it returns
//! [`EncodeErrorKind::BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall)
//! and writes nothing.

use bytes::BufMut;

use crate::error::EncodeError;
use crate::family::Family;

/// Checks that `buf` has room for `needed` more bytes, so that an encoder
/// writes all or nothing.
///
/// # Errors
///
/// [`EncodeErrorKind::BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall).
#[inline]
pub(crate) fn room<B: BufMut + ?Sized>(
    family: Family,
    buf: &B,
    needed: usize,
) -> Result<(), EncodeError> {
    if buf.remaining_mut() < needed {
        return Err(EncodeError::buffer_too_small(
            family,
            needed,
            buf.remaining_mut(),
        ));
    }
    Ok(())
}

/// Runs `put` over the first `needed` bytes of `buf`; returns `needed`.
///
/// # Errors
///
/// [`EncodeErrorKind::BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall)
/// when `buf` is shorter, or the error of `put`.
pub(crate) fn into_slice(
    family: Family,
    buf: &mut [u8],
    needed: usize,
    put: impl FnOnce(&mut &mut [u8]) -> Result<(), EncodeError>,
) -> Result<usize, EncodeError> {
    let available = buf.len();
    let mut out = buf
        .get_mut(..needed)
        .ok_or(EncodeError::buffer_too_small(family, needed, available))?;
    put(&mut out)?;
    Ok(needed)
}
