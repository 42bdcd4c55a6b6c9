//! A borrowed view over a DHCPv6 message (RFC 8415 §8, §9), relay messages
//! included.
//!
//! The contract, after smoltcp: once [`Message::new_checked`] has passed,
//! no getter panics, whatever the bytes. Option iteration is lazy and
//! reports the first malformed option as an error (with its offset) instead
//! of stopping silently.
//!
//! DHCPv6 has no RFC 3396: an option that appears several times is several
//! instances, kept apart (option 17 legitimately appears once per
//! enterprise, R8).

use core::net::Ipv6Addr;

use bytes::BufMut;

use super::code::{MessageType, OptionCode};
use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Field, Item, Place, Result, Within,
};
use crate::family::Family;
use crate::tlv::{V6Options, Walk};

/// How many relay messages (RELAY-FORW, RELAY-REPL) [`Message::innermost`]
/// unwraps before it gives up with
/// [`DecodeErrorKind::RelayTooDeep`].
///
/// 32 is the `HOP_COUNT_LIMIT` of RFC 3315 §5.5. RFC 8415 §7.6 lowered
/// `HOP_COUNT_LIMIT` to 8, so a conforming relay chain is never deeper than
/// that; the decoder keeps the older, larger bound so that it accepts every
/// chain a relay of either generation may build, while still bounding the
/// work a hostile message can cause.
pub const MAX_RELAY_DEPTH: usize = 32;

/// Length of the client/server message header: msg-type(1) and
/// transaction-id(3).
pub const HEADER_LEN: usize = 4;

/// Length of the relay message header: msg-type(1), hop-count(1),
/// link-address(16), peer-address(16).
pub const RELAY_HEADER_LEN: usize = 34;

/// The header of a relay message (RELAY-FORW or RELAY-REPL).
///
/// ```
/// use ztp_options::v6::{Header, Message, MessageRepr, OptionCode, OptionSet};
///
/// // A RELAY-REPL carrying the sample REPLY in its option 9.
/// let mut options = OptionSet::new();
/// options.push(OptionCode::RELAY_MSG, ztp_options::samples::V6_REPLY.to_vec());
/// let relay = MessageRepr {
///     header: Header::Relay {
///         msg_type: 13.into(),
///         hop_count: 0,
///         link_address: "2001:db8::fe".parse()?,
///         peer_address: "fe80::1".parse()?,
///     },
///     options,
/// };
/// let bytes = relay.to_vec()?;
/// let message = Message::new_checked(&bytes)?;
/// let header = message.relay_header().unwrap(); // a RelayHeader
/// assert_eq!(header.link_address.to_string(), "2001:db8::fe");
/// assert_eq!(message.innermost()?.depth(), 1);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RelayHeader {
    /// How many relays have relayed the message.
    pub hop_count: u8,
    /// The address the server uses to identify the client's link.
    pub link_address: Ipv6Addr,
    /// The address of the client or relay the message came from.
    pub peer_address: Ipv6Addr,
}

/// One option instance as found on the wire.
///
/// ```
/// use ztp_options::v6::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V6_REPLY)?;
/// let url = message.instances(OptionCode::BOOTFILE_URL).next().unwrap()?; // a RawOption
/// assert_eq!(url.value, b"http://[2001:db8::1]:8080/img/junos.tgz");
/// assert_eq!(url.place().option_code(), Some(59));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawOption<'a> {
    /// The option code.
    pub code: OptionCode,
    /// Offset of the first code byte, from the start of the outermost
    /// message.
    pub offset: usize,
    /// The value.
    pub value: &'a [u8],
}

impl RawOption<'_> {
    /// Where the value starts, in the outermost message.
    pub fn place(&self) -> Place {
        Place::option(Family::V6, self.code.get(), self.offset.saturating_add(4))
    }
}

/// A view over the bytes of a DHCPv6 message: a client/server message, or a
/// relay message, possibly found inside another relay message's option 9.
///
/// Every offset it reports (in [`RawOption::offset`] and in errors) counts
/// from the start of the outermost buffer, whatever the nesting.
///
/// ```
/// use ztp_options::v6::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V6_REPLY)?;
/// assert_eq!(message.msg_type().get(), 7); // REPLY
/// assert!(message.relay_header().is_none());
/// assert_eq!(message.instances(OptionCode::VENDOR_OPTS).count(), 1);
/// // A message that does not frame: an error with its offset, never a panic.
/// assert!(Message::new_checked(&[7, 0]).is_err());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message<'a> {
    bytes: &'a [u8],
    offset: usize,
    depth: usize,
}

impl<'a> Message<'a> {
    /// Wraps `bytes` without checking them. Header getters then return
    /// zeros for bytes past the end, and [`Message::options`] reads nothing;
    /// prefer [`Message::new_checked`].
    pub const fn new_unchecked(bytes: &'a [u8]) -> Self {
        Message {
            bytes,
            offset: 0,
            depth: 0,
        }
    }

    /// Wraps `bytes` after [`Message::check_len`].
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`] when the buffer is shorter than its
    /// header (4 bytes, or 34 for a relay message).
    pub fn new_checked(bytes: &'a [u8]) -> Result<Self> {
        let msg = Self::new_unchecked(bytes);
        msg.check_len()?;
        Ok(msg)
    }

    /// Checks that the header is all there.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`], at the message's offset.
    pub fn check_len(&self) -> Result<()> {
        let (needed, field) = if self.msg_type().is_relay() {
            (RELAY_HEADER_LEN, Field::RelayHeader)
        } else {
            (HEADER_LEN, Field::V6Header)
        };
        if self.bytes.len() < needed {
            return Err(DecodeErrorKind::Truncated {
                field,
                needed: needed as u16,
                available: u32::try_from(self.bytes.len()).unwrap_or(u32::MAX),
            }
            .at(Place::header(Family::V6, self.offset)));
        }
        Ok(())
    }

    /// The message's bytes (for an inner message: the value of the option
    /// 9 that holds it).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the message starts in the outermost buffer.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// How many relay messages enclose this one (0 for the outermost).
    pub fn depth(&self) -> usize {
        self.depth
    }

    fn array<const N: usize>(&self, start: usize) -> [u8; N] {
        self.bytes
            .get(start..start.saturating_add(N))
            .and_then(|s| <[u8; N]>::try_from(s).ok())
            .unwrap_or([0; N])
    }

    /// `msg-type`.
    pub fn msg_type(&self) -> MessageType {
        MessageType::new(self.bytes.first().copied().unwrap_or(0))
    }

    /// `transaction-id`, three bytes; `None` for a relay message, which has
    /// none.
    pub fn transaction_id(&self) -> Option<[u8; 3]> {
        (!self.msg_type().is_relay()).then(|| self.array(1))
    }

    /// The relay header; `None` for a client/server message.
    pub fn relay_header(&self) -> Option<RelayHeader> {
        self.msg_type().is_relay().then(|| RelayHeader {
            hop_count: u8::from_be_bytes(self.array::<1>(1)),
            link_address: Ipv6Addr::from(self.array::<16>(2)),
            peer_address: Ipv6Addr::from(self.array::<16>(18)),
        })
    }

    fn header_len(&self) -> usize {
        if self.msg_type().is_relay() {
            RELAY_HEADER_LEN
        } else {
            HEADER_LEN
        }
    }

    /// The options area: everything after the header.
    pub fn options_area(&self) -> &'a [u8] {
        self.bytes.get(self.header_len()..).unwrap_or(&[])
    }

    /// Every option instance, in wire order, each instance on its own
    /// (no concatenation in DHCPv6).
    ///
    /// The first malformed option is yielded as an error, then iteration
    /// stops: nothing after it is silently skipped.
    pub fn options(&self) -> Options<'a> {
        let start = self.offset.saturating_add(self.header_len());
        Options {
            walk: Walk::new(
                self.options_area(),
                start,
                Place::header(Family::V6, start),
                Within::Options,
            ),
        }
    }

    /// The instances of option `code`, in wire order; errors of the walk
    /// are passed on, as in [`Message::options`].
    pub fn instances(&self, code: OptionCode) -> Instances<'a> {
        Instances {
            options: self.options(),
            code,
        }
    }

    /// For a relay message, the message its option 9 carries, as a checked
    /// view whose offsets still count from the outermost buffer; `None` for
    /// a client/server message.
    ///
    /// # Errors
    ///
    /// Any malformed option of this message,
    /// [`DecodeErrorKind::MissingRelayMessage`] without option 9,
    /// [`DecodeErrorKind::DuplicateOption`] with two,
    /// [`DecodeErrorKind::RelayTooDeep`] when the inner message would be
    /// nested deeper than [`MAX_RELAY_DEPTH`], and
    /// [`DecodeErrorKind::Truncated`] for an inner message shorter than its
    /// header.
    pub fn relay_message(&self) -> Result<Option<Message<'a>>> {
        if !self.msg_type().is_relay() {
            return Ok(None);
        }
        let mut found: Option<RawOption<'a>> = None;
        for opt in self.instances(OptionCode::RELAY_MSG) {
            let opt = opt?;
            if let Some(first) = found {
                return Err(DecodeErrorKind::DuplicateOption {
                    first_offset: u32::try_from(first.offset).unwrap_or(u32::MAX),
                }
                .at(Place::option(
                    Family::V6,
                    OptionCode::RELAY_MSG.get(),
                    opt.offset,
                )));
            }
            found = Some(opt);
        }
        let opt = found.ok_or(
            DecodeErrorKind::MissingRelayMessage.at(Place::header(Family::V6, self.offset)),
        )?;
        if self.depth >= MAX_RELAY_DEPTH {
            return Err(DecodeErrorKind::RelayTooDeep {
                limit: MAX_RELAY_DEPTH as u8,
            }
            .at(Place::option(
                Family::V6,
                OptionCode::RELAY_MSG.get(),
                opt.offset,
            )));
        }
        let inner = Message {
            bytes: opt.value,
            offset: opt.offset.saturating_add(4),
            depth: self.depth.saturating_add(1),
        };
        inner.check_len()?;
        Ok(Some(inner))
    }

    /// The client/server message at the heart of this one: itself when it
    /// is not a relay message, else the message its relay chain carries
    /// (at most [`MAX_RELAY_DEPTH`] relays deep).
    ///
    /// # Errors
    ///
    /// As [`Message::relay_message`], at any level.
    pub fn innermost(&self) -> Result<Message<'a>> {
        let mut msg = *self;
        // Each step goes one level deeper, and relay_message refuses past
        // MAX_RELAY_DEPTH: the loop is bounded.
        while let Some(inner) = msg.relay_message()? {
            msg = inner;
        }
        Ok(msg)
    }
}

/// The iterator of [`Message::options`].
///
/// ```
/// use ztp_options::v6::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V6_REPLY)?;
/// let codes: Vec<OptionCode> = message.options().map(|o| o.map(|o| o.code)).collect::<Result<_, _>>()?;
/// assert!(codes.contains(&OptionCode::BOOTFILE_URL));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Options<'a> {
    walk: Walk<'a, V6Options>,
}

impl<'a> Iterator for Options<'a> {
    type Item = Result<RawOption<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.walk.next().map(|r| {
            r.map(|tlv| RawOption {
                code: OptionCode::new(tlv.code),
                offset: tlv.offset,
                value: tlv.value,
            })
        })
    }
}

impl core::iter::FusedIterator for Options<'_> {}

/// The iterator of [`Message::instances`].
///
/// ```
/// use ztp_options::v6::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V6_REPLY)?;
/// // Every instance of one code, in wire order (option 17 may come once per
/// // enterprise, R8).
/// for vendor in message.instances(OptionCode::VENDOR_OPTS) {
///     assert!(vendor?.value.len() >= 4);
/// }
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Instances<'a> {
    options: Options<'a>,
    code: OptionCode,
}

impl<'a> Iterator for Instances<'a> {
    type Item = Result<RawOption<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.options
            .by_ref()
            .find(|o| o.as_ref().map_or(true, |o| o.code == self.code))
    }
}

impl core::iter::FusedIterator for Instances<'_> {}

/// The encoded length of one option: `code(2) len(2)` and the value.
pub const fn option_len(value_len: usize) -> usize {
    value_len.saturating_add(4)
}

/// Appends `code(2) len(2) value`, the framing of both a DHCPv6 option and
/// an option 17 item, once the caller has checked the length and the room.
pub(crate) fn put_tlv<B: BufMut>(buf: &mut B, code: u16, value: &[u8]) {
    buf.put_u16(code);
    buf.put_u16(u16::try_from(value.len()).unwrap_or(u16::MAX));
    buf.put_slice(value);
}

/// Checks that a value fits a DHCPv6 length field (65535 bytes).
pub(crate) fn check_len(item: Item, len: usize) -> core::result::Result<(), EncodeError> {
    if len > usize::from(u16::MAX) {
        return Err(EncodeError::new(
            item,
            EncodeErrorKind::TooLong {
                len,
                max: usize::from(u16::MAX),
            },
        ));
    }
    Ok(())
}

/// Appends one option, `code(2) len(2) value`.
///
/// # Errors
///
/// [`EncodeErrorKind::TooLong`] for a value over 65535 bytes,
/// [`EncodeErrorKind::BufferTooSmall`]; nothing is written then.
pub fn put_option<B: BufMut>(
    code: OptionCode,
    value: &[u8],
    buf: &mut B,
) -> core::result::Result<(), EncodeError> {
    check_len(Item::option(Family::V6, code.get()), value.len())?;
    crate::emit::room(Family::V6, buf, option_len(value.len()))?;
    put_tlv(buf, code.get(), value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn header_getters_never_panic_on_short_input() {
        for len in 0..40 {
            let bytes = [13u8; 40];
            let msg = Message::new_unchecked(&bytes[..len]);
            let _ = (msg.transaction_id(), msg.relay_header(), msg.options_area());
            assert!(msg.options().count() <= 1);
            assert_eq!(Message::new_checked(&bytes[..len]).is_ok(), len >= 34);
        }
    }

    #[test]
    fn relay_header_fields() {
        let mut m = alloc::vec![12u8, 3];
        m.extend_from_slice(&Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1).octets());
        m.extend_from_slice(&Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 2).octets());
        let msg = Message::new_checked(&m).unwrap();
        let h = msg.relay_header().unwrap();
        assert_eq!(h.hop_count, 3);
        assert_eq!(
            h.link_address,
            Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)
        );
        assert_eq!(h.peer_address, Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 2));
        assert_eq!(msg.transaction_id(), None);
        assert_eq!(
            msg.relay_message(),
            Err(DecodeErrorKind::MissingRelayMessage.at(Place::header(Family::V6, 0)))
        );
    }

    #[test]
    fn put_option_checks_length_and_room() {
        let mut buf = Vec::new();
        put_option(OptionCode::PREFERENCE, &[255], &mut buf).unwrap();
        assert_eq!(buf, [0, 7, 0, 1, 255]);
        let big = alloc::vec![0u8; 65536];
        assert_eq!(
            put_option(OptionCode::new(300), &big, &mut buf).map_err(|e| e.kind()),
            Err(EncodeErrorKind::TooLong {
                len: 65536,
                max: 65535
            })
        );
        let mut small = [0u8; 3];
        assert_eq!(
            put_option(OptionCode::PREFERENCE, &[1], &mut &mut small[..]),
            Err(EncodeError::buffer_too_small(Family::V6, 5, 3))
        );
    }
}
