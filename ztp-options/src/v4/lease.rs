//! Everything ZTP reads from a DHCPv4 reply, found in one walk of the
//! message: [`Lease`].

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::net::Ipv4Addr;

use super::code::OptionCode;
use super::field;
use super::identity::{ClientIdentifier, JuniperVendorClass, UserClass};
use super::message::{Message, OptionValue, Options, Overload, name_field};
use super::option43::Option43;
use super::servers::{Ipv4List, TftpServerName};
use crate::error::{DecodeErrorKind, LengthRule, Place, Result};
use crate::family::Family;
use crate::suboption::Suboptions;
use crate::sztp::Redirect;
use crate::text::Text;

/// The options a ZTP lease is read from, in the order [`Lease`] keeps them.
const CODES: [OptionCode; 12] = [
    OptionCode::VENDOR_SPECIFIC,
    OptionCode::TFTP_SERVER_ADDRESS,
    OptionCode::TFTP_SERVER_NAME,
    OptionCode::LOG_SERVER,
    OptionCode::NTP_SERVERS,
    OptionCode::HOST_NAME,
    OptionCode::MESSAGE_TYPE,
    OptionCode::VENDOR_CLASS,
    OptionCode::CLIENT_IDENTIFIER,
    OptionCode::USER_CLASS,
    OptionCode::SZTP_REDIRECT,
    OptionCode::BOOTFILE_NAME,
];

/// Where one option a lease keeps was found: its value, in the message or
/// (split, RFC 3396) in the lease's joined buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Slot {
    /// Offset of the first instance's code byte in the message.
    first: u32,
    /// The value: in the message (one instance), or in `joined`.
    start: u32,
    len: u32,
    /// How many instances; 0 when the option is absent.
    instances: u16,
}

/// The slot of each option code, `u8::MAX` for the options a lease does
/// not keep: one load per option of the walk (issue 28: the `match` it
/// replaces compiled to a chain of compares, 6 instructions an option).
// An option code (`u8`) indexes 256 entries: in bounds.
#[allow(clippy::indexing_slicing)]
const SLOTS: [u8; 256] = {
    let mut t = [u8::MAX; 256];
    let mut i = 0;
    while i < CODES.len() {
        t[CODES[i].get() as usize] = i as u8;
        i += 1;
    }
    t
};

/// The slot of each option a lease keeps (a table, not a search).
#[inline(always)]
fn slot_of(code: u8) -> Option<usize> {
    match SLOTS.get(usize::from(code)) {
        Some(&i) if i != u8::MAX => Some(usize::from(i)),
        _ => None,
    }
}

/// The ZTP view of a DHCPv4 message: the options ZTP reads (43, 150, 66, 7,
/// 42, 12, the SZTP redirect 143, and the device's 60, 61, 77), found in one walk of the message,
/// with RFC 3396 instances joined and option 52 honoured, plus option 67,
/// `siaddr`, `sname` and `file`, which ZTP does not use (R33) but a person
/// debugging a lease wants to see, and the bytes after the message's end
/// option that are not padding (R2, [`Lease::after_end`]).
///
/// Values are decoded when asked for, so a bad option 7 does not hide a
/// good option 43; every accessor returns the typed error of its option.
/// The lease borrows the message and is small (the slots are offsets); it
/// allocates only when an option really is split across instances (one
/// buffer holds every joined value).
///
/// ```
/// use ztp_options::{resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// assert_eq!(lease.message_type()?, Some(5)); // DHCPACK
/// let servers = lease.tftp_server_addresses()?.unwrap(); // option 150 (R4)
/// assert_eq!(servers.first().to_string(), "192.0.2.10");
/// assert_eq!(lease.host_name()?.unwrap().as_str()?, "ex4300-lab-01");
/// let sub = lease.suboptions()?.unwrap(); // option 43, typed (R1)
/// assert_eq!(sub.config().unwrap().as_str()?, "/ztp/ex4300.conf");
/// let plan = resolve_v4(&lease)?; // the rules (R10..R18)
/// assert!(plan.is_complete());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease<'a> {
    message: &'a [u8],
    slots: [Slot; CODES.len()],
    joined: Vec<u8>,
    overload: Overload,
    /// R2: the first run of bytes after an end option that are not pad
    /// (offset, length); length 0 when there is none.
    after_end: (u32, u32),
}

macro_rules! slot {
    ($self:ident, $code:ident) => {
        $self.raw(OptionCode::$code)
    };
}

impl<'a> Lease<'a> {
    /// Checks `bytes` as a DHCPv4 message and collects its ZTP options.
    ///
    /// # Errors
    ///
    /// As [`Message::new_checked`] and [`Message::find`]: a truncated header,
    /// a bad cookie, or any malformed option (with its offset).
    pub fn parse(bytes: &'a [u8]) -> Result<Self> {
        Self::from_message(Message::new_checked(bytes)?)
    }

    /// Collects the ZTP options of a checked message.
    ///
    /// # Errors
    ///
    /// As [`Lease::parse`].
    pub fn from_message(msg: Message<&'a [u8]>) -> Result<Self> {
        let message = msg.into_inner();
        let mut lease = Lease {
            message,
            slots: [Slot::default(); CODES.len()],
            joined: Vec::new(),
            overload: Overload::None,
            after_end: (0, 0),
        };
        if lease.fast_walk() {
            return Ok(lease);
        }
        // The general walk: option 52, `file` and `sname`, and the exact
        // error of a malformed option.
        lease.slots = [Slot::default(); CODES.len()];
        lease.joined.clear();
        let mut options = Options::new(message);
        while let Some(opt) = options.next_raw() {
            let (tlv, _) = opt?;
            let Some(i) = u8::try_from(tlv.code).ok().and_then(slot_of) else {
                continue;
            };
            lease.keep(i, tlv.offset, tlv.value);
        }
        lease.overload = options.overload();
        if let Some(t) = options.after_end() {
            lease.after_end = (
                u32::try_from(t.offset).unwrap_or(u32::MAX),
                u32::try_from(t.len).unwrap_or(u32::MAX),
            );
        }
        Ok(lease)
    }

    /// The common case in one tight loop: the options field only, no
    /// option 52, every option well formed, nothing but zeros after the end
    /// option (R2: anything else there is recorded by the general walk). Returns `false` (having kept what it saw) for anything else,
    /// which the general walk then reads from the start.
    #[inline]
    fn fast_walk(&mut self) -> bool {
        let mut rest = self.message.get(field::OPTIONS).unwrap_or(&[]);
        let mut offset = field::OPTIONS.start;
        loop {
            match rest {
                [] => return true,
                [0, tail @ ..] => {
                    rest = tail;
                    offset += 1;
                }
                [255, tail @ ..] => return tail.iter().all(|&b| b == 0),
                [52, ..] => return false,
                [code, len, tail @ ..] => {
                    let Some((value, tail)) = tail.split_at_checked(usize::from(*len)) else {
                        return false;
                    };
                    if let Some(i) = slot_of(*code) {
                        self.keep(i, offset, value);
                    }
                    offset += 2 + value.len();
                    rest = tail;
                }
                [_] => return false,
            }
        }
    }

    /// Records one instance of the option in slot `i`: the first inline,
    /// a second (RFC 3396, rare) out of line.
    #[inline(always)]
    fn keep(&mut self, i: usize, offset: usize, value: &'a [u8]) {
        let Some(slot) = self.slots.get_mut(i) else {
            return;
        };
        if slot.instances == 0 {
            *slot = Slot {
                first: offset as u32,
                start: (offset + 2) as u32,
                len: value.len() as u32,
                instances: 1,
            };
        } else {
            self.join(i, value);
        }
    }

    /// RFC 3396: one more instance of the option in slot `i`.
    #[cold]
    #[inline(never)]
    fn join(&mut self, i: usize, value: &'a [u8]) {
        let message = self.message;
        let Some(slot) = self.slots.get_mut(i) else {
            return;
        };
        // RFC 3396: a second instance. The joined value is kept contiguous
        // at the end of `joined` (moved there if another option was joined
        // after it).
        let (from, len) = (slot.start as usize, slot.len as usize);
        if slot.instances == 1 {
            slot.start = self.joined.len() as u32;
            self.joined
                .extend_from_slice(message.get(from..from + len).unwrap_or(&[]));
        } else if from + len < self.joined.len() {
            slot.start = self.joined.len() as u32;
            self.joined.extend_from_within(from..from + len);
        }
        self.joined.extend_from_slice(value);
        slot.len = (len + value.len()) as u32;
        slot.instances = slot.instances.saturating_add(1);
    }

    /// The value and the place of the value's start, of one kept option.
    pub(crate) fn raw(&self, code: OptionCode) -> Option<(&[u8], Place)> {
        let slot = slot_of(code.get()).and_then(|i| self.slots.get(i))?;
        if slot.instances == 0 {
            return None;
        }
        let (start, len) = (slot.start as usize, slot.len as usize);
        let at = Place::option(Family::V4, u16::from(code.get()), slot.first as usize + 2);
        if slot.instances == 1 {
            Some((self.message.get(start..start + len).unwrap_or(&[]), at))
        } else {
            Some((
                self.joined.get(start..start + len).unwrap_or(&[]),
                at.joined(),
            ))
        }
    }

    /// The bytes of one of the options a lease keeps (instances joined).
    pub fn value_bytes(&self, code: OptionCode) -> Option<&[u8]> {
        self.raw(code).map(|(v, _)| v)
    }

    /// The raw (joined) value of one of the options a lease keeps, with
    /// where its first instance is.
    pub fn value(&self, code: OptionCode) -> Option<OptionValue<'_>> {
        let (value, _) = self.raw(code)?;
        let slot = slot_of(code.get()).and_then(|i| self.slots.get(i))?;
        Some(OptionValue {
            code,
            offset: slot.first as usize,
            instances: usize::from(slot.instances),
            value: Cow::Borrowed(value),
        })
    }

    /// Option 53, the DHCP message type (2 OFFER, 5 ACK, ...).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when it is not one byte.
    pub fn message_type(&self) -> Result<Option<u8>> {
        slot!(self, MESSAGE_TYPE)
            .map(|(v, at)| match v {
                [t] => Ok(*t),
                other => Err(DecodeErrorKind::BadLength {
                    len: other.len() as u32,
                    expected: LengthRule::Exactly(1),
                }
                .at(at)),
            })
            .transpose()
    }

    /// Option 43 as a checked view; offsets in its errors count from the
    /// message's start.
    ///
    /// # Errors
    ///
    /// As [`Option43::new_checked`].
    pub fn option43(&self) -> Result<Option<Option43<'_>>> {
        slot!(self, VENDOR_SPECIFIC)
            .map(|(v, at)| Option43::checked_at(v, at))
            .transpose()
    }

    /// The ZTP suboptions of option 43, typed (R1).
    ///
    /// # Errors
    ///
    /// As [`Option43::suboptions`].
    pub fn suboptions(&self) -> Result<Option<Suboptions<'_>>> {
        // One walk: the typed collection reports a malformed item itself.
        slot!(self, VENDOR_SPECIFIC)
            .map(|(v, at)| Option43::unchecked_at(v, at).suboptions())
            .transpose()
    }

    /// [`Lease::suboptions`] written into `s` (which must be
    /// `Suboptions::empty()`); option 43's value, when the lease has one.
    #[inline]
    pub(crate) fn suboptions_into<'s>(
        &'s self,
        s: &mut Suboptions<'s>,
    ) -> Result<Option<&'s [u8]>> {
        match slot!(self, VENDOR_SPECIFIC) {
            Some((v, at)) => {
                Option43::unchecked_at(v, at).suboptions_into(s)?;
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    /// What follows option 43's end code (255), when it is not only
    /// padding (R1: not read); its offset is in the message, also when
    /// option 43 was joined from several instances (RFC 3396).
    pub fn option43_after_end(&self) -> Option<super::option43::Trailing> {
        let (v, at) = slot!(self, VENDOR_SPECIFIC)?;
        let mut t = Option43::unchecked_at(v, at).after_end()?;
        if at.in_joined_value() {
            t.offset = self.message_offset(OptionCode::VENDOR_SPECIFIC, t.offset - at.offset())?;
        }
        Some(t)
    }

    /// Where byte `index` of option `code`'s value lies in the message.
    ///
    /// A value joined from several instances (RFC 3396) is not contiguous
    /// in the message, and offsets inside it count in the concatenation,
    /// from the first instance's value ([`Place::in_joined_value`]): `index`
    /// is such an offset less the option's [`Place::offset`]. The
    /// instances are taken in the order they were joined: the options
    /// field, then `file`, then `sname` when option 52 says so. `None` when
    /// the option is absent or `index` is past its value's end.
    ///
    /// ```
    /// use ztp_options::v4::{Lease, OptionCode};
    ///
    /// // A reply whose option 43 is split in two instances: `01 07 sw.conf`
    /// // at byte 240, then `ff 6a` at byte 251.
    /// let mut bytes = ztp_options::samples::V4_ACK[..240].to_vec();
    /// bytes.extend_from_slice(b"\x2b\x09\x01\x07sw.conf\x2b\x02\xffj\xff");
    /// let lease = Lease::parse(&bytes)?;
    /// // Byte 9 of the joined value (its end code) is the second
    /// // instance's first value byte.
    /// assert_eq!(lease.message_offset(OptionCode::VENDOR_SPECIFIC, 9), Some(253));
    /// assert_eq!(lease.message_offset(OptionCode::VENDOR_SPECIFIC, 11), None);
    /// # Ok::<(), ztp_options::DecodeError>(())
    /// ```
    pub fn message_offset(&self, code: OptionCode, index: usize) -> Option<usize> {
        let mut rest = index;
        for o in Message::new_unchecked(self.message).options() {
            let o = o.ok()?;
            if o.code != code {
                continue;
            }
            if rest < o.value.len() {
                return Some(o.offset + 2 + rest);
            }
            rest -= o.value.len();
        }
        None
    }

    /// Option 150: the TFTP (file) server addresses (R4).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when the length is not a multiple of 4.
    pub fn tftp_server_addresses(&self) -> Result<Option<Ipv4List<'_>>> {
        slot!(self, TFTP_SERVER_ADDRESS)
            .map(|(v, at)| Ipv4List::parse(v, at))
            .transpose()
    }

    /// Option 66: the TFTP server name (R3); see [`TftpServerName::address`].
    ///
    /// # Errors
    ///
    /// As [`Text::parse`].
    pub fn tftp_server_name(&self) -> Result<Option<TftpServerName<'_>>> {
        slot!(self, TFTP_SERVER_NAME)
            .map(|(v, at)| TftpServerName::parse(v, at))
            .transpose()
    }

    /// Option 7: syslog servers (R5).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when the length is not a multiple of 4.
    pub fn log_servers(&self) -> Result<Option<Ipv4List<'_>>> {
        slot!(self, LOG_SERVER)
            .map(|(v, at)| Ipv4List::parse(v, at))
            .transpose()
    }

    /// Option 42: NTP servers (R5).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when the length is not a multiple of 4.
    pub fn ntp_servers(&self) -> Result<Option<Ipv4List<'_>>> {
        slot!(self, NTP_SERVERS)
            .map(|(v, at)| Ipv4List::parse(v, at))
            .transpose()
    }

    /// Option 12: the host name (R5).
    ///
    /// # Errors
    ///
    /// As [`Text::parse`].
    pub fn host_name(&self) -> Result<Option<Text<'_>>> {
        slot!(self, HOST_NAME)
            .map(|(v, at)| Text::parse(v, at))
            .transpose()
    }

    /// Option 60, read as a Juniper vendor class (R6): `None` when the
    /// option is absent **or names another vendor** (G1: another vendor's
    /// class is not an error; its raw bytes are
    /// [`Lease::value_bytes`]`(OptionCode::VENDOR_CLASS)`, its typed
    /// identity [`Identity::from_v4_values`](crate::vendor::Identity::from_v4_values)).
    ///
    /// ```
    /// use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
    ///
    /// let mut set = OptionSet::new();
    /// set.insert(OptionCode::VENDOR_CLASS, b"Arista;DCS-7050S-64;01.23;JPE12345678".to_vec())?;
    /// let bytes = MessageRepr::reply(set).to_vec();
    /// assert_eq!(Lease::parse(&bytes)?.vendor_class()?, None);
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::NotJuniperVendorClass`](crate::DecodeErrorKind::NotJuniperVendorClass)
    /// for a value with the `Juniper-` or `Juniper:` prefix that does not
    /// parse (a malformed Juniper class).
    pub fn vendor_class(&self) -> Result<Option<JuniperVendorClass<'_>>> {
        slot!(self, VENDOR_CLASS)
            .filter(|(v, _)| {
                v.starts_with(JuniperVendorClass::PREFIX.as_bytes())
                    || v.starts_with(JuniperVendorClass::COLON_PREFIX.as_bytes())
            })
            .map(|(v, at)| JuniperVendorClass::parse(v, at))
            .transpose()
    }

    /// Option 61: the client identifier (R6).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) for fewer than 2 bytes.
    pub fn client_identifier(&self) -> Result<Option<ClientIdentifier<'_>>> {
        slot!(self, CLIENT_IDENTIFIER)
            .map(|(v, at)| ClientIdentifier::parse(v, at))
            .transpose()
    }

    /// Option 77: the user class (R6).
    ///
    /// # Errors
    ///
    /// As [`UserClass::parse`].
    pub fn user_class(&self) -> Result<Option<UserClass<'_>>> {
        slot!(self, USER_CLASS)
            .map(|(v, at)| UserClass::parse(v, at))
            .transpose()
    }

    /// Option 143, the SZTP redirect: the bootstrap-server list (R31),
    /// instances joined (RFC 3396). Independent of option 43 (R32).
    ///
    /// # Errors
    ///
    /// As [`Redirect::parse`].
    pub fn sztp_redirect(&self) -> Result<Option<Redirect<'_>>> {
        slot!(self, SZTP_REDIRECT)
            .map(|(v, at)| Redirect::parse(v, at))
            .transpose()
    }

    /// Option 67, the boot file name, raw (instances joined): ZTP does not
    /// read it (R33: the file names come from option 43's suboptions 00
    /// and 01), but it is shown and logged as not used.
    ///
    /// ```
    /// use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
    ///
    /// let mut set = OptionSet::new();
    /// set.insert(OptionCode::BOOTFILE_NAME, b"pxelinux.0".to_vec())?;
    /// let bytes = MessageRepr::reply(set).to_vec();
    /// let lease = Lease::parse(&bytes)?;
    /// assert_eq!(lease.boot_file_name(), Some(&b"pxelinux.0"[..]));
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn boot_file_name(&self) -> Option<&[u8]> {
        slot!(self, BOOTFILE_NAME).map(|(v, _)| v)
    }

    /// R2: the bytes after the message's end option (255) that are not
    /// padding: where the first is and how many run from there to the end
    /// of its field (the first such run: the options field, then `file`,
    /// then `sname` when option 52 says they hold options). They are not
    /// read and do not stop the message from decoding; the resolver logs
    /// them (`bytes-after-message-end`). Pad there is silent.
    ///
    /// ```
    /// use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet, Trailing};
    ///
    /// let mut set = OptionSet::new();
    /// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
    /// let mut bytes = MessageRepr::reply(set).to_vec();
    /// let end = bytes.len() - 1; // the end option
    /// bytes.extend_from_slice(&[0, 0, 7, 7, 7]); // pad, then 3 other bytes
    /// let lease = Lease::parse(&bytes)?; // still decodes
    /// assert_eq!(lease.after_end(), Some(Trailing { offset: end + 3, len: 3 }));
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn after_end(&self) -> Option<super::option43::Trailing> {
        let (offset, len) = self.after_end;
        (len > 0).then_some(super::option43::Trailing {
            offset: offset as usize,
            len: len as usize,
        })
    }

    /// `siaddr` ("next server"); ZTP ignores it.
    pub fn siaddr(&self) -> Ipv4Addr {
        Message::new_unchecked(self.message).siaddr()
    }

    /// `sname` as a name, when set and not holding options; ZTP ignores it.
    pub fn sname(&self) -> Option<&'a [u8]> {
        if self.overload.sname() {
            return None;
        }
        name_field(self.message.get(field::SNAME).unwrap_or(&[]))
    }

    /// `file` as a name, when set and not holding options; ZTP ignores it.
    pub fn file(&self) -> Option<&'a [u8]> {
        if self.overload.file() {
            return None;
        }
        name_field(self.message.get(field::FILE).unwrap_or(&[]))
    }

    /// The message's bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.message
    }
}
