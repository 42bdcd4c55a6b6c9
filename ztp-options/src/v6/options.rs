//! An owned, ordered list of DHCPv6 options and an owned DHCPv6 message,
//! the twins of [`v4::OptionSet`](crate::v4::OptionSet) and
//! [`v4::MessageRepr`](crate::v4::MessageRepr).
//!
//! DHCPv6 has no RFC 3396 concatenation: an option may appear several
//! times (option 17 once per enterprise), and each instance is kept as it
//! is, in order.

use alloc::vec::Vec;
use core::net::Ipv6Addr;

use bytes::BufMut;

use super::code::{MessageType, OptionCode};
use super::message::{HEADER_LEN, Message, RELAY_HEADER_LEN, check_len, option_len, put_tlv};
use crate::error::{EncodeError, Item, Result};
use crate::family::Family;

type EncodeResult<T> = core::result::Result<T, EncodeError>;

/// One option instance, owned.
///
/// ```
/// use ztp_options::v6::{OptionCode, OptionSet};
///
/// let mut set = OptionSet::new();
/// set.push(OptionCode::BOOTFILE_URL, b"tftp://[2001:db8::1]/sw.conf".to_vec());
/// let option = set.iter().next().unwrap(); // an OwnedOption
/// assert_eq!(option.code, OptionCode::BOOTFILE_URL);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedOption {
    /// The code.
    pub code: OptionCode,
    /// The value (at most 65535 bytes to be encoded).
    pub value: Vec<u8>,
}

/// An ordered list of DHCPv6 option instances, in the order they are
/// encoded in. A code may appear several times.
///
/// ```
/// use ztp_options::v6::{MessageRepr, OptionCode, OptionSet};
///
/// let mut options = OptionSet::new();
/// options.push(OptionCode::BOOTFILE_URL, b"http://[2001:db8::1]/a.tgz".to_vec());
/// let reply = MessageRepr::reply(options).to_vec()?;
/// assert_eq!(&reply[..4], &[7, 0, 0, 0]); // REPLY, transaction id 0
/// let lease = ztp_options::v6::Lease::parse(&reply)?;
/// assert!(lease.boot_file_url()?.is_some());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// ```
/// use ztp_options::v6::{Message, OptionCode, OptionSet};
///
/// let mut set = OptionSet::new();
/// set.push(OptionCode::VENDOR_OPTS, b"\x00\x00\x00\x09".to_vec()); // enterprise 9
/// set.push(OptionCode::VENDOR_OPTS, b"\x00\x00\x0a\x4c".to_vec()); // 2636 (R8)
/// assert_eq!(set.instances(OptionCode::VENDOR_OPTS).count(), 2);
/// let mut bytes = vec![0; set.buffer_len()?];
/// set.emit(&mut bytes)?;
/// let message = Message::new_checked(ztp_options::samples::V6_REPLY).unwrap();
/// let read = OptionSet::from_message(&message).unwrap();
/// assert!(read.get(OptionCode::BOOTFILE_URL).is_some());
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OptionSet {
    options: Vec<OwnedOption>,
}

impl OptionSet {
    /// An empty list.
    pub const fn new() -> Self {
        OptionSet {
            options: Vec::new(),
        }
    }

    /// Reads every option instance of a message, in order.
    ///
    /// # Errors
    ///
    /// The first malformed option.
    pub fn from_message(msg: &Message<'_>) -> Result<Self> {
        let mut set = OptionSet::new();
        for opt in msg.options() {
            let opt = opt?;
            set.push(opt.code, opt.value.to_vec());
        }
        Ok(set)
    }

    /// Appends an instance of `code`.
    pub fn push(&mut self, code: OptionCode, value: Vec<u8>) {
        self.options.push(OwnedOption { code, value });
    }

    /// Sets option `code` to one instance holding `value`: replaces the
    /// first instance in place (and drops any other), else appends it.
    pub fn insert(&mut self, code: OptionCode, value: Vec<u8>) {
        match self.options.iter().position(|o| o.code == code) {
            Some(i) => {
                let mut n = 0usize;
                self.options.retain(|o| {
                    let keep = o.code != code || n == i;
                    n += 1;
                    keep
                });
                if let Some(o) = self.options.iter_mut().find(|o| o.code == code) {
                    o.value = value;
                }
            }
            None => self.push(code, value),
        }
    }

    /// The value of the first instance of `code`.
    pub fn get(&self, code: OptionCode) -> Option<&[u8]> {
        self.instances(code).next()
    }

    /// The values of every instance of `code`, in order.
    pub fn instances(&self, code: OptionCode) -> impl Iterator<Item = &[u8]> {
        self.options
            .iter()
            .filter(move |o| o.code == code)
            .map(|o| o.value.as_slice())
    }

    /// Removes every instance of `code`; how many there were.
    pub fn remove(&mut self, code: OptionCode) -> usize {
        let before = self.options.len();
        self.options.retain(|o| o.code != code);
        before - self.options.len()
    }

    /// The instances, in encoding order.
    pub fn iter(&self) -> core::slice::Iter<'_, OwnedOption> {
        self.options.iter()
    }

    /// How many instances.
    pub fn len(&self) -> usize {
        self.options.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }

    /// The bytes [`OptionSet::emit`] writes: `code(2) len(2) value` per
    /// instance.
    ///
    /// # Errors
    ///
    /// [`TooLong`](crate::EncodeErrorKind::TooLong) for a value over 65535
    /// bytes.
    pub fn buffer_len(&self) -> EncodeResult<usize> {
        self.options.iter().try_fold(0usize, |len, o| {
            check_len(Item::option(Family::V6, o.code.get()), o.value.len())?;
            Ok(len.saturating_add(option_len(o.value.len())))
        })
    }

    /// Writes the options into `buf`; returns the bytes written.
    ///
    /// # Errors
    ///
    /// As [`OptionSet::put`].
    pub fn emit(&self, buf: &mut [u8]) -> EncodeResult<usize> {
        crate::emit::into_slice(Family::V6, buf, self.buffer_len()?, |out| self.put(out))
    }

    /// Appends the options to `buf`.
    ///
    /// # Errors
    ///
    /// [`TooLong`](crate::EncodeErrorKind::TooLong),
    /// [`BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall); nothing
    /// is written then.
    pub fn put<B: BufMut>(&self, buf: &mut B) -> EncodeResult<()> {
        let needed = self.buffer_len()?;
        crate::emit::room(Family::V6, buf, needed)?;
        for o in &self.options {
            put_tlv(buf, o.code.get(), &o.value);
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a OptionSet {
    type Item = &'a OwnedOption;
    type IntoIter = core::slice::Iter<'a, OwnedOption>;
    fn into_iter(self) -> Self::IntoIter {
        self.options.iter()
    }
}

/// The header of a DHCPv6 message.
///
/// ```
/// use ztp_options::v6::{Header, Message, MessageRepr};
///
/// let repr = MessageRepr::parse(&Message::new_checked(ztp_options::samples::V6_REPLY)?)?;
/// let Header::Client { msg_type, .. } = repr.header else { panic!() };
/// assert_eq!(msg_type.get(), 7);
/// assert_eq!(repr.header.len(), 4);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Header {
    /// A client/server message: type and 3-byte transaction id.
    Client {
        /// The message type (not 12 or 13).
        msg_type: MessageType,
        /// The transaction id.
        transaction_id: [u8; 3],
    },
    /// A relay message (RELAY-FORW, RELAY-REPL).
    Relay {
        /// 12 or 13.
        msg_type: MessageType,
        /// How many relays have relayed the message.
        hop_count: u8,
        /// The link address.
        link_address: Ipv6Addr,
        /// The peer address.
        peer_address: Ipv6Addr,
    },
}

impl Header {
    /// The header's length on the wire.
    pub const fn len(&self) -> usize {
        match self {
            Header::Client { .. } => HEADER_LEN,
            Header::Relay { .. } => RELAY_HEADER_LEN,
        }
    }

    /// Never: a header has 4 or 34 bytes.
    pub const fn is_empty(&self) -> bool {
        false
    }
}

/// A whole DHCPv6 message, owned: its header and its options (a relay
/// message's option 9 holds the inner message's bytes, as any value).
/// [`MessageRepr::parse`] and [`MessageRepr::emit`] are inverses.
///
/// ```
/// use ztp_options::v6::{Lease, Message, MessageRepr, OptionCode, OptionSet};
///
/// let mut options = OptionSet::new();
/// options.push(OptionCode::BOOTFILE_URL, b"https://[2001:db8::1]/img/evo.tgz".to_vec());
/// let bytes = MessageRepr::reply(options).to_vec()?; // a REPLY, transaction id 0
/// let lease = Lease::parse(&bytes)?;
/// assert_eq!(lease.boot_file_url()?.unwrap().path(), "/img/evo.tgz");
/// // Parse and emit are inverses.
/// let again = MessageRepr::parse(&Message::new_checked(&bytes)?)?.to_vec()?;
/// assert_eq!(again, bytes);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MessageRepr {
    /// The header.
    pub header: Header,
    /// The options, in order.
    pub options: OptionSet,
}

impl MessageRepr {
    /// A REPLY (type 7, transaction id 0) carrying `options`: what a
    /// server's reply looks like to the options decoder.
    pub fn reply(options: OptionSet) -> Self {
        MessageRepr {
            header: Header::Client {
                msg_type: MessageType::REPLY,
                transaction_id: [0; 3],
            },
            options,
        }
    }

    /// Reads a checked message (one level: a relay message's option 9 is
    /// kept as bytes).
    ///
    /// # Errors
    ///
    /// The first malformed option.
    pub fn parse(msg: &Message<'_>) -> Result<Self> {
        let header = match (msg.relay_header(), msg.transaction_id()) {
            (Some(relay), _) => Header::Relay {
                msg_type: msg.msg_type(),
                hop_count: relay.hop_count,
                link_address: relay.link_address,
                peer_address: relay.peer_address,
            },
            (None, id) => Header::Client {
                msg_type: msg.msg_type(),
                transaction_id: id.unwrap_or([0; 3]),
            },
        };
        Ok(MessageRepr {
            header,
            options: OptionSet::from_message(msg)?,
        })
    }

    /// The bytes [`MessageRepr::emit`] writes.
    ///
    /// # Errors
    ///
    /// As [`OptionSet::buffer_len`].
    pub fn buffer_len(&self) -> EncodeResult<usize> {
        Ok(self.header.len() + self.options.buffer_len()?)
    }

    /// Writes the message into `buf`; returns the bytes written.
    ///
    /// # Errors
    ///
    /// As [`MessageRepr::put`].
    pub fn emit(&self, buf: &mut [u8]) -> EncodeResult<usize> {
        crate::emit::into_slice(Family::V6, buf, self.buffer_len()?, |out| self.put(out))
    }

    /// Appends the message to `buf`.
    ///
    /// # Errors
    ///
    /// [`TooLong`](crate::EncodeErrorKind::TooLong) for an option value
    /// over 65535 bytes,
    /// [`BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall); nothing
    /// is written then.
    pub fn put<B: BufMut>(&self, buf: &mut B) -> EncodeResult<()> {
        let needed = self.buffer_len()?;
        crate::emit::room(Family::V6, buf, needed)?;
        match self.header {
            Header::Client {
                msg_type,
                transaction_id,
            } => {
                buf.put_u8(msg_type.get());
                buf.put_slice(&transaction_id);
            }
            Header::Relay {
                msg_type,
                hop_count,
                link_address,
                peer_address,
            } => {
                buf.put_u8(msg_type.get());
                buf.put_u8(hop_count);
                buf.put_slice(&link_address.octets());
                buf.put_slice(&peer_address.octets());
            }
        }
        self.options.put(buf)
    }

    /// The message's bytes, in a new vector.
    ///
    /// # Errors
    ///
    /// As [`OptionSet::buffer_len`].
    pub fn to_vec(&self) -> EncodeResult<Vec<u8>> {
        let mut out = alloc::vec![0; self.buffer_len()?];
        self.emit(&mut out)?;
        Ok(out)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for OptionSet {
    /// Up to 8 instances of any code, values of up to 300 bytes.
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut set = OptionSet::new();
        for _ in 0..u.int_in_range(0..=8)? {
            let code = OptionCode::new(u.arbitrary()?);
            let len = u.int_in_range(0..=300)?;
            set.push(code, u.bytes(len)?.to_vec());
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_decodes_and_encodes_to_the_same_bytes() {
        let bytes = crate::samples::V6_REPLY;
        let msg = Message::new_checked(bytes).unwrap();
        let repr = MessageRepr::parse(&msg).unwrap();
        assert_eq!(repr.to_vec().unwrap(), bytes);
        assert_eq!(repr.options.instances(OptionCode::VENDOR_OPTS).count(), 1);
    }

    #[test]
    fn insert_replaces_every_instance_with_one() {
        let mut set = OptionSet::new();
        set.push(OptionCode::VENDOR_OPTS, alloc::vec![1]);
        set.push(OptionCode::PREFERENCE, alloc::vec![9]);
        set.push(OptionCode::VENDOR_OPTS, alloc::vec![2]);
        set.insert(OptionCode::VENDOR_OPTS, alloc::vec![3]);
        assert_eq!(
            set.instances(OptionCode::VENDOR_OPTS).collect::<Vec<_>>(),
            [&[3][..]]
        );
        assert_eq!(
            set.iter().next().map(|o| o.code),
            Some(OptionCode::VENDOR_OPTS)
        );
        assert_eq!(set.remove(OptionCode::PREFERENCE), 1);
    }
}
