//! [`Error`] and [`Status`].

/// Why a file's `#!` line gets no answer.
///
/// Only a `#!` first line can fail: every other file is a configuration of
/// some format, whatever its bytes.
///
/// ```
/// use ztp_script_detect::{sniff, Error, PREFIX_MAX};
///
/// // A `#!` line whose path runs past the bytes read: the interpreter is unknown.
/// let mut file = b"#!/".to_vec();
/// file.resize(PREFIX_MAX + 10, b'a');
/// assert_eq!(sniff(&file), Err(Error::InterpreterPathTooLong { limit: PREFIX_MAX }));
/// // A `#!` line that is not UTF-8.
/// assert_eq!(sniff(b"#!/bin/\xffsh\n"), Err(Error::NotUtf8 { offset: 7, byte: 0xff }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The `#!` line has no newline within the `limit` bytes read
    /// ([`crate::PREFIX_MAX`]) and its interpreter path does not end within
    /// them either (no blank after it, or only blanks after `#!`): the path
    /// may go on past what was read,
    /// so whether it names an interpreter, and which, is unknown. Never
    /// reported as a script with a cut path. A line that goes on past the
    /// bound after a whole interpreter path is a script
    /// ([`crate::Diagnostic::FirstLinePastPrefix`]).
    #[error(
        "#! interpreter path runs past the {limit} bytes read: no blank or newline ends it \
         before byte offset {limit}, so the interpreter is unknown"
    )]
    InterpreterPathTooLong {
        /// The bound, and the byte offset where it ran out.
        limit: usize,
    },
    /// The `#!` line is not UTF-8, so its path cannot be reported as text.
    #[error("#! line is not utf-8: byte {byte:#04x} at offset {offset}")]
    NotUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
        /// That byte.
        byte: u8,
    },
}

/// The outcome of feeding a chunk to a [`crate::Sniffer`] (httparse style).
///
/// ```
/// use ztp_script_detect::{Sniffer, Status};
///
/// let mut sniffer = Sniffer::new();
/// let status = sniffer.feed(b"#!/bin/")?;
/// assert!(status.is_partial()); // no newline yet
/// assert_eq!(sniffer.feed(b"sh\necho\n")?, Status::Complete(3));
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[must_use]
pub enum Status<T> {
    /// Decided; the value says how much of the chunk was used.
    Complete(T),
    /// Not decided yet: feed more bytes, or call
    /// [`crate::Sniffer::finish`] at the end of the input.
    Partial,
}

impl<T> Status<T> {
    /// Whether this is [`Status::Complete`].
    #[must_use]
    pub fn is_complete(&self) -> bool {
        matches!(self, Status::Complete(_))
    }

    /// Whether this is [`Status::Partial`].
    #[must_use]
    pub fn is_partial(&self) -> bool {
        matches!(self, Status::Partial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_stable() {
        assert_eq!(
            Error::InterpreterPathTooLong { limit: 512 }.to_string(),
            "#! interpreter path runs past the 512 bytes read: no blank or newline ends it \
             before byte offset 512, so the interpreter is unknown"
        );
        assert_eq!(
            Error::NotUtf8 {
                offset: 9,
                byte: 0xff
            }
            .to_string(),
            "#! line is not utf-8: byte 0xff at offset 9"
        );
    }
}
