//! [`Error`] and [`Status`].

/// Why a file's `#!` line cannot be reported in full.
///
/// Only a `#!` first line can fail: every other file is a configuration of
/// some format, whatever its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The `#!` line has no newline within its first `limit` bytes
    /// ([`crate::FIRST_LINE_MAX`]): the interpreter path or argument would be
    /// cut at byte offset `limit`. Never reported as a truncated script.
    #[error(
        "#! line is longer than {limit} bytes: no newline before byte offset {limit}, \
         so the kernel would cut it"
    )]
    FirstLineTooLong {
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
            Error::FirstLineTooLong { limit: 256 }.to_string(),
            "#! line is longer than 256 bytes: no newline before byte offset 256, \
             so the kernel would cut it"
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
