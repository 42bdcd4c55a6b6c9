//! An owned, ordered set of DHCPv4 options, and its encoder (R2: values over
//! 255 bytes are split into several instances, RFC 3396).

use alloc::vec::Vec;

use bytes::BufMut;

use super::code::OptionCode;
use super::message::{Message, Overload};
use crate::error::{EncodeError, EncodeErrorKind, Item, Result};
use crate::family::Family;

type EncodeResult<T> = core::result::Result<T, EncodeError>;

/// One option, owned.
///
/// ```
/// use ztp_options::v4::{OptionCode, OptionSet};
///
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::TFTP_SERVER_NAME, b"192.0.2.10".to_vec())?;
/// let option = set.iter().next().unwrap(); // an OwnedOption
/// assert_eq!((option.code, option.value.as_slice()), (OptionCode::TFTP_SERVER_NAME, &b"192.0.2.10"[..]));
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedOption {
    /// The code (never 0 or 255: those are pad and end).
    pub code: OptionCode,
    /// The whole value, however long.
    pub value: Vec<u8>,
}

/// An ordered set of options: each code at most once, in the order they were
/// first inserted. This is the order they are encoded in.
///
/// ```
/// use ztp_options::v4::{Message, OptionCode, OptionSet};
///
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// set.insert(OptionCode::VENDOR_SPECIFIC, vec![b'x'; 300])?; // split on the wire (R2)
/// let mut bytes = vec![0; set.buffer_len()];
/// set.emit(&mut bytes)?;
/// assert_eq!(bytes.iter().filter(|&&b| b == 43).count() >= 2, true);
/// // Code 0 (pad) carries no value.
/// assert!(set.insert(OptionCode::new(0), vec![1]).is_err());
/// // Read back from a message.
/// let message = Message::new_checked(ztp_options::samples::V4_ACK).unwrap();
/// let read = OptionSet::from_message(&message).unwrap();
/// assert_eq!(read.get(OptionCode::TFTP_SERVER_ADDRESS), Some(&[192, 0, 2, 10][..]));
/// # Ok::<(), ztp_options::EncodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OptionSet {
    options: Vec<OwnedOption>,
}

impl OptionSet {
    /// An empty set.
    pub const fn new() -> Self {
        OptionSet {
            options: Vec::new(),
        }
    }

    /// Reads every option of a message (options field, then `file` and
    /// `sname` when overloaded), joining repeated instances (RFC 3396).
    /// Option 52 itself is not kept: [`OptionSet::emit`] never overloads.
    ///
    /// # Errors
    ///
    /// The first malformed option.
    pub fn from_message<T: AsRef<[u8]>>(msg: &Message<T>) -> Result<Self> {
        let mut set = OptionSet::new();
        for opt in msg.options() {
            let opt = opt?;
            if opt.code == OptionCode::OVERLOAD {
                continue;
            }
            match set.options.iter_mut().find(|o| o.code == opt.code) {
                Some(existing) => existing.value.extend_from_slice(opt.value),
                None => set.options.push(OwnedOption {
                    code: opt.code,
                    value: opt.value.to_vec(),
                }),
            }
        }
        Ok(set)
    }

    /// Sets option `code` to `value`: replaces the value in place when the
    /// code is there, else appends it.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::ReservedCode`] for codes 0 (pad) and 255 (end).
    pub fn insert(&mut self, code: OptionCode, value: Vec<u8>) -> EncodeResult<()> {
        not_reserved(code)?;
        match self.options.iter_mut().find(|o| o.code == code) {
            Some(existing) => existing.value = value,
            None => self.options.push(OwnedOption { code, value }),
        }
        Ok(())
    }

    /// The value of `code`.
    pub fn get(&self, code: OptionCode) -> Option<&[u8]> {
        self.options
            .iter()
            .find(|o| o.code == code)
            .map(|o| o.value.as_slice())
    }

    /// Removes `code`, returning its value.
    pub fn remove(&mut self, code: OptionCode) -> Option<Vec<u8>> {
        let i = self.options.iter().position(|o| o.code == code)?;
        Some(self.options.remove(i).value)
    }

    /// The options, in encoding order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &OwnedOption> {
        self.options.iter()
    }

    /// How many options.
    pub fn len(&self) -> usize {
        self.options.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }

    /// The bytes [`OptionSet::emit`] writes: every option as instances of at
    /// most 255 bytes (an empty value is one instance of length 0), then
    /// the end option.
    pub fn buffer_len(&self) -> usize {
        self.options
            .iter()
            .map(|o| instances_len(o.value.len()))
            .sum::<usize>()
            + 1
    }

    /// Writes the options and the end option into `buf`; returns the bytes
    /// written ([`OptionSet::buffer_len`]).
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BufferTooSmall`].
    pub fn emit(&self, buf: &mut [u8]) -> EncodeResult<usize> {
        crate::emit::into_slice(Family::V4, buf, self.buffer_len(), |out| self.put(out))
    }

    /// Appends the options and the end option to `buf`.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BufferTooSmall`] (and nothing is written).
    pub fn put<B: BufMut>(&self, buf: &mut B) -> EncodeResult<()> {
        let needed = self.buffer_len();
        crate::emit::room(Family::V4, buf, needed)?;
        for o in &self.options {
            put_instances(o.code.get(), &o.value, buf);
        }
        buf.put_u8(255);
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

/// The bytes one option of `len` value bytes takes, split into instances of
/// at most 255 bytes (RFC 3396).
pub fn instances_len(len: usize) -> usize {
    let instances = len.div_ceil(255).max(1);
    instances * 2 + len
}

/// Appends one option, split into instances of at most 255 bytes (RFC 3396
/// §6); an empty value is written as one instance of length 0. This is the
/// one place the split is made.
///
/// # Errors
///
/// [`EncodeErrorKind::ReservedCode`] for codes 0 and 255,
/// [`EncodeErrorKind::BufferTooSmall`] when `buf` has less room than
/// [`instances_len`]; nothing is written then.
pub fn put_option<B: BufMut>(code: OptionCode, value: &[u8], buf: &mut B) -> EncodeResult<()> {
    not_reserved(code)?;
    crate::emit::room(Family::V4, buf, instances_len(value.len()))?;
    put_instances(code.get(), value, buf);
    Ok(())
}

/// Codes 0 (pad) and 255 (end) carry no value.
fn not_reserved(code: OptionCode) -> EncodeResult<()> {
    let byte = code.get();
    if byte == 0 || byte == 255 {
        return Err(EncodeError::new(
            Item::option(Family::V4, u16::from(byte)),
            EncodeErrorKind::ReservedCode {
                code: u16::from(byte),
            },
        ));
    }
    Ok(())
}

/// [`put_option`] once the room is checked.
fn put_instances<B: BufMut>(code: u8, value: &[u8], buf: &mut B) {
    if value.is_empty() {
        buf.put_u8(code);
        buf.put_u8(0);
        return;
    }
    for chunk in value.chunks(255) {
        buf.put_u8(code);
        buf.put_u8(chunk.len() as u8);
        buf.put_slice(chunk);
    }
}

/// A whole DHCPv4 message, owned: the fixed header and an [`OptionSet`].
///
/// [`MessageRepr::emit`] writes options only in the options field (no
/// overload), each option once, split at 255 bytes, then the end option, then
/// zero padding up to [`MessageRepr::min_len`] (BOOTP's 300 bytes is
/// common). Messages written that way ("canonical") decode and encode to the
/// same bytes.
///
/// ```
/// use ztp_options::v4::{Lease, Message, MessageRepr, OptionCode, OptionSet};
///
/// // A reply carrying options, as bytes a decoder reads.
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_SPECIFIC, b"\x01\x07sw.conf".to_vec())?;
/// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// assert!(lease.suboptions()?.unwrap().config().is_some());
/// // A message decodes to its repr and encodes back to the same bytes.
/// let repr = MessageRepr::parse(&Message::new_checked(&bytes)?)?;
/// assert_eq!(repr.to_vec(), bytes);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MessageRepr {
    /// `op`: 1 request, 2 reply.
    pub op: u8,
    /// `htype`.
    pub htype: u8,
    /// `hlen`.
    pub hlen: u8,
    /// `hops`.
    pub hops: u8,
    /// `xid`.
    pub xid: u32,
    /// `secs`.
    pub secs: u16,
    /// `flags`.
    pub flags: u16,
    /// `ciaddr`.
    pub ciaddr: core::net::Ipv4Addr,
    /// `yiaddr`.
    pub yiaddr: core::net::Ipv4Addr,
    /// `siaddr`.
    pub siaddr: core::net::Ipv4Addr,
    /// `giaddr`.
    pub giaddr: core::net::Ipv4Addr,
    /// `chaddr`, all 16 bytes.
    pub chaddr: [u8; 16],
    /// `sname`, all 64 bytes (zeros when it held options).
    #[cfg_attr(feature = "serde", serde(with = "serde_bytes_array"))]
    pub sname: [u8; 64],
    /// `file`, all 128 bytes (zeros when it held options).
    #[cfg_attr(feature = "serde", serde(with = "serde_bytes_array"))]
    pub file: [u8; 128],
    /// The options, in order, repeated instances joined.
    pub options: OptionSet,
    /// Pad the message with zeros up to this length (0: no padding).
    pub min_len: usize,
}

impl MessageRepr {
    /// A BOOTREPLY (op 2, Ethernet, `hlen` 6) carrying `options`, every
    /// other field zero: what a server's reply looks like to the options
    /// decoder.
    pub fn reply(options: OptionSet) -> Self {
        MessageRepr {
            op: 2,
            htype: 1,
            hlen: 6,
            hops: 0,
            xid: 0,
            secs: 0,
            flags: 0,
            ciaddr: core::net::Ipv4Addr::UNSPECIFIED,
            yiaddr: core::net::Ipv4Addr::UNSPECIFIED,
            siaddr: core::net::Ipv4Addr::UNSPECIFIED,
            giaddr: core::net::Ipv4Addr::UNSPECIFIED,
            chaddr: [0; 16],
            sname: [0; 64],
            file: [0; 128],
            options,
            min_len: 0,
        }
    }

    /// Reads a checked message. Overloaded `file`/`sname` become zeros and
    /// their options join the set; trailing padding sets `min_len`.
    ///
    /// # Errors
    ///
    /// The first malformed option, or a bad option 52.
    pub fn parse<T: AsRef<[u8]>>(msg: &Message<T>) -> Result<Self> {
        let overload = msg.overload()?;
        let options = OptionSet::from_message(msg)?;
        let array = |s: &[u8]| -> [u8; 128] {
            let mut a = [0u8; 128];
            a.iter_mut().zip(s).for_each(|(d, s)| *d = *s);
            a
        };
        let file = if matches!(overload, Overload::File | Overload::Both) {
            [0; 128]
        } else {
            array(msg.file_field())
        };
        let mut sname = [0u8; 64];
        if !matches!(overload, Overload::Sname | Overload::Both) {
            sname
                .iter_mut()
                .zip(msg.sname_field())
                .for_each(|(d, s)| *d = *s);
        }
        let total = msg.options_area().len() + super::field::OPTIONS.start;
        let repr = MessageRepr {
            op: msg.op(),
            htype: msg.htype(),
            hlen: msg.hlen(),
            hops: msg.hops(),
            xid: msg.xid(),
            secs: msg.secs(),
            flags: msg.flags(),
            ciaddr: msg.ciaddr(),
            yiaddr: msg.yiaddr(),
            siaddr: msg.siaddr(),
            giaddr: msg.giaddr(),
            chaddr: msg.chaddr(),
            sname,
            file,
            options,
            min_len: 0,
        };
        let unpadded = repr.buffer_len();
        Ok(MessageRepr {
            min_len: if total > unpadded { total } else { 0 },
            ..repr
        })
    }

    /// The message's bytes, in a new vector.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = alloc::vec![0; self.buffer_len()];
        // The buffer has exactly the room the message needs.
        let _ = self.emit(&mut out);
        out
    }

    /// The bytes [`MessageRepr::emit`] writes.
    pub fn buffer_len(&self) -> usize {
        (super::field::OPTIONS.start + self.options.buffer_len()).max(self.min_len)
    }

    /// Writes the message into `buf`; returns the bytes written.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BufferTooSmall`].
    pub fn emit(&self, buf: &mut [u8]) -> EncodeResult<usize> {
        crate::emit::into_slice(Family::V4, buf, self.buffer_len(), |out| self.put(out))
    }

    /// Appends the message to `buf`.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BufferTooSmall`] (and nothing is written).
    pub fn put<B: BufMut>(&self, buf: &mut B) -> EncodeResult<()> {
        let needed = self.buffer_len();
        crate::emit::room(Family::V4, buf, needed)?;
        buf.put_u8(self.op);
        buf.put_u8(self.htype);
        buf.put_u8(self.hlen);
        buf.put_u8(self.hops);
        buf.put_u32(self.xid);
        buf.put_u16(self.secs);
        buf.put_u16(self.flags);
        for a in [self.ciaddr, self.yiaddr, self.siaddr, self.giaddr] {
            buf.put_slice(&a.octets());
        }
        buf.put_slice(&self.chaddr);
        buf.put_slice(&self.sname);
        buf.put_slice(&self.file);
        buf.put_slice(&super::field::MAGIC_COOKIE);
        self.options.put(buf)?;
        let written = super::field::OPTIONS.start + self.options.buffer_len();
        buf.put_bytes(0, needed - written);
        Ok(())
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for OptionSet {
    /// Up to 8 distinct codes in 1..=254 (0 and 255 carry no value), each
    /// with a value of up to 600 bytes, so that RFC 3396 splitting happens.
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut set = OptionSet::new();
        for _ in 0..u.int_in_range(0..=8)? {
            let code = OptionCode::new(u.int_in_range(1..=254)?);
            let len = u.int_in_range(0..=600)?;
            let value = u.bytes(len)?.to_vec();
            if set.get(code).is_none() {
                set.options.push(OwnedOption { code, value });
            }
        }
        Ok(set)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for MessageRepr {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut options: OptionSet = u.arbitrary()?;
        // Option 52 is never written by the encoder (it does not overload).
        options.remove(OptionCode::OVERLOAD);
        Ok(MessageRepr {
            op: u.arbitrary()?,
            htype: u.arbitrary()?,
            hlen: u.arbitrary()?,
            hops: u.arbitrary()?,
            xid: u.arbitrary()?,
            secs: u.arbitrary()?,
            flags: u.arbitrary()?,
            ciaddr: u.arbitrary()?,
            yiaddr: u.arbitrary()?,
            siaddr: u.arbitrary()?,
            giaddr: u.arbitrary()?,
            chaddr: u.arbitrary()?,
            sname: u.arbitrary()?,
            file: u.arbitrary()?,
            options,
            min_len: 0,
        })
    }
}

#[cfg(feature = "serde")]
mod serde_bytes_array {
    use alloc::vec::Vec;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer, const N: usize>(
        value: &[u8; N],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(value)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>, const N: usize>(
        d: D,
    ) -> Result<[u8; N], D::Error> {
        let v: Vec<u8> = Vec::deserialize(d)?;
        <[u8; N]>::try_from(v.as_slice())
            .map_err(|_| serde::de::Error::invalid_length(v.len(), &"a fixed-size byte field"))
    }
}
