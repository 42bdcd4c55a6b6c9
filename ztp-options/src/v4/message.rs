//! A borrowed view over a whole BOOTP/DHCPv4 message (R2).
//!
//! The contract, after smoltcp: once [`Message::new_checked`] has passed,
//! no getter panics, whatever the bytes. Option iteration is lazy and
//! reports the first malformed option as an error (with its offset) instead
//! of stopping silently.

use alloc::borrow::Cow;
use core::net::Ipv4Addr;

use super::code::OptionCode;
use super::field;
use super::option43::Trailing;
use crate::error::{DecodeErrorKind, Field, LengthRule, Place, Result, Within};
use crate::family::Family;
use crate::tlv::{Tlv, V4Options, Walk};

/// Where an option was found (RFC 2131 §4.1, option 52).
///
/// ```
/// use ztp_options::v4::{Area, Message};
///
/// let message = Message::new_checked(ztp_options::samples::V4_ACK)?;
/// // Without option 52 every option is in the options field.
/// assert!(message.options().all(|o| o.is_ok_and(|o| o.area == Area::Options)));
/// assert_eq!(Area::Sname.as_str(), "sname");
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Area {
    /// The options field (after the magic cookie).
    Options,
    /// The `file` field, when option 52 says 1 or 3.
    File,
    /// The `sname` field, when option 52 says 2 or 3.
    Sname,
}

impl Area {
    /// The field's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Options => "options",
            Area::File => "file",
            Area::Sname => "sname",
        }
    }

    /// The area as errors name it.
    pub const fn within(self) -> Within {
        match self {
            Area::Options => Within::Options,
            Area::File => Within::File,
            Area::Sname => Within::Sname,
        }
    }
}

/// What option 52 says about `file` and `sname`.
///
/// ```
/// use ztp_options::v4::{Message, Overload};
///
/// let message = Message::new_checked(ztp_options::samples::V4_ACK)?;
/// assert_eq!(message.overload()?, Overload::None); // no option 52
/// assert_eq!(Overload::Both.value(), Some(3));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Overload {
    /// No option 52: `file` and `sname` hold names.
    #[default]
    None,
    /// 1: `file` holds options.
    File,
    /// 2: `sname` holds options.
    Sname,
    /// 3: both hold options.
    Both,
}

impl Overload {
    pub(crate) fn file(self) -> bool {
        matches!(self, Overload::File | Overload::Both)
    }
    pub(crate) fn sname(self) -> bool {
        matches!(self, Overload::Sname | Overload::Both)
    }
    /// The option 52 value, or `None` for [`Overload::None`].
    pub const fn value(self) -> Option<u8> {
        match self {
            Overload::None => None,
            Overload::File => Some(1),
            Overload::Sname => Some(2),
            Overload::Both => Some(3),
        }
    }
}

/// One option instance as found on the wire.
///
/// ```
/// use ztp_options::v4::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V4_ACK)?;
/// let first = message.options().next().unwrap()?; // a RawOption: one instance
/// assert_eq!(first.code, OptionCode::MESSAGE_TYPE);
/// assert_eq!(first.offset, 240); // just after the magic cookie
/// assert_eq!(first.value, [5]);
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawOption<'a> {
    /// The option code.
    pub code: OptionCode,
    /// Offset of the code byte in the message.
    pub offset: usize,
    /// The field that holds it.
    pub area: Area,
    /// The value (one instance; see [`OptionValue`] for the concatenation).
    pub value: &'a [u8],
}

/// An option's value: the concatenation of all its instances, in order
/// (RFC 3396). Borrowed when there is one instance; owned (one allocation)
/// only when the option really is split.
///
/// ```
/// use ztp_options::v4::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V4_ACK)?;
/// let value = message.option(OptionCode::TFTP_SERVER_ADDRESS)?.unwrap();
/// assert_eq!(value.instances, 1);
/// assert_eq!(value.fixed::<4>()?, [192, 0, 2, 10]);
/// assert_eq!(value.place().option_code(), Some(150));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionValue<'a> {
    /// The option code.
    pub code: OptionCode,
    /// Offset of the first instance's code byte.
    pub offset: usize,
    /// How many instances were joined.
    pub instances: usize,
    /// The value.
    pub value: Cow<'a, [u8]>,
}

impl<'a> OptionValue<'a> {
    /// Where the value starts: the first instance's value, in the message;
    /// marked [joined](Place::in_joined_value) when several instances were
    /// concatenated (offsets then count in the concatenation).
    pub fn place(&self) -> Place {
        let at = Place::option(Family::V4, u16::from(self.code.get()), self.offset + 2);
        if self.instances > 1 { at.joined() } else { at }
    }

    fn push(&mut self, more: &'a [u8]) {
        self.instances += 1;
        if !more.is_empty() {
            self.value.to_mut().extend_from_slice(more);
        }
    }

    /// The value, which must be exactly `N` bytes long.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`] naming the option.
    pub fn fixed<const N: usize>(&self) -> Result<[u8; N]> {
        <[u8; N]>::try_from(self.value.as_ref()).map_err(|_| {
            DecodeErrorKind::BadLength {
                len: u32::try_from(self.value.len()).unwrap_or(u32::MAX),
                expected: LengthRule::Exactly(N as u16),
            }
            .at(self.place())
        })
    }
}

/// A view over the bytes of a DHCPv4 message.
///
/// ```
/// use ztp_options::v4::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V4_ACK)?;
/// assert_eq!(message.op(), 2); // BOOTREPLY
/// assert_eq!(message.client_hw_addr()?.len(), 6);
/// // Several options in one walk, instances joined (RFC 3396).
/// let [vendor, tftp] = message.find([OptionCode::VENDOR_SPECIFIC, OptionCode::TFTP_SERVER_NAME])?;
/// assert!(vendor.is_some());
/// assert_eq!(tftp.unwrap().value.as_ref(), b"192.0.2.10");
/// // Too short for a BOOTP header: an error with its offset, never a panic.
/// assert!(Message::new_checked(&ztp_options::samples::V4_ACK[..100]).is_err());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message<T: AsRef<[u8]>> {
    buffer: T,
}

impl<T: AsRef<[u8]>> Message<T> {
    /// Wraps `buffer` without checking it. Getters of the fixed header then
    /// return zeros for bytes past the end; prefer [`Message::new_checked`].
    pub const fn new_unchecked(buffer: T) -> Self {
        Message { buffer }
    }

    /// Wraps `buffer` after [`Message::check_len`] and the magic cookie.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`] when the buffer is shorter than the
    /// 236-byte header plus the cookie, [`DecodeErrorKind::BadMagicCookie`]
    /// when the cookie is not `63 82 53 63`.
    pub fn new_checked(buffer: T) -> Result<Self> {
        let msg = Message { buffer };
        msg.check_len()?;
        let cookie = msg.array::<4>(field::MAGIC.start);
        if cookie != field::MAGIC_COOKIE {
            return Err(DecodeErrorKind::BadMagicCookie { value: cookie }
                .at(Place::header(Family::V4, field::MAGIC.start)));
        }
        Ok(msg)
    }

    /// Checks that the fixed header and the cookie are there.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::Truncated`].
    pub fn check_len(&self) -> Result<()> {
        let len = self.buffer.as_ref().len();
        if len < field::MIN_LEN {
            return Err(DecodeErrorKind::Truncated {
                field: Field::V4Header,
                needed: field::MIN_LEN as u16,
                available: len as u32,
            }
            .at(Place::header(Family::V4, 0)));
        }
        Ok(())
    }

    /// The underlying buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    fn bytes(&self) -> &[u8] {
        self.buffer.as_ref()
    }

    fn byte(&self, at: usize) -> u8 {
        self.bytes().get(at).copied().unwrap_or(0)
    }

    fn array<const N: usize>(&self, start: usize) -> [u8; N] {
        self.bytes()
            .get(start..start + N)
            .and_then(|s| <[u8; N]>::try_from(s).ok())
            .unwrap_or([0; N])
    }

    fn slice(&self, range: core::ops::Range<usize>) -> &[u8] {
        self.bytes().get(range).unwrap_or(&[])
    }

    /// `op`: 1 request, 2 reply.
    pub fn op(&self) -> u8 {
        self.byte(field::OP)
    }
    /// `htype`: hardware type (1 Ethernet).
    pub fn htype(&self) -> u8 {
        self.byte(field::HTYPE)
    }
    /// `hlen`: hardware address length, as sent (see [`Message::client_hw_addr`]).
    pub fn hlen(&self) -> u8 {
        self.byte(field::HLEN)
    }
    /// `hops`.
    pub fn hops(&self) -> u8 {
        self.byte(field::HOPS)
    }
    /// `xid`: the transaction id.
    pub fn xid(&self) -> u32 {
        u32::from_be_bytes(self.array(field::XID.start))
    }
    /// `secs`.
    pub fn secs(&self) -> u16 {
        u16::from_be_bytes(self.array(field::SECS.start))
    }
    /// `flags` (bit 15: broadcast).
    pub fn flags(&self) -> u16 {
        u16::from_be_bytes(self.array(field::FLAGS.start))
    }
    /// `ciaddr`.
    pub fn ciaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.array::<4>(field::CIADDR.start))
    }
    /// `yiaddr`: the address offered or assigned.
    pub fn yiaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.array::<4>(field::YIADDR.start))
    }
    /// `siaddr`: "next server". ZTP takes its file server from option 150 or
    /// 66, not from here; a resolver notes when this is set but ignored.
    pub fn siaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.array::<4>(field::SIADDR.start))
    }
    /// `giaddr`.
    pub fn giaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.array::<4>(field::GIADDR.start))
    }
    /// The whole 16-byte `chaddr` field.
    pub fn chaddr(&self) -> [u8; 16] {
        self.array(field::CHADDR.start)
    }

    /// The client hardware address: the first `hlen` bytes of `chaddr`.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`] when `hlen` is over 16 (the field's
    /// size): a hostile `hlen` never slices past `chaddr`.
    pub fn client_hw_addr(&self) -> Result<&[u8]> {
        let hlen = usize::from(self.hlen());
        if hlen > field::CHADDR.len() {
            return Err(DecodeErrorKind::BadLength {
                len: u32::from(self.hlen()),
                expected: LengthRule::AtMost(field::CHADDR.len() as u16),
            }
            .at(Place::header(Family::V4, field::HLEN)));
        }
        Ok(self.slice(field::CHADDR.start..field::CHADDR.start + hlen))
    }

    /// The raw 64-byte `sname` field (options, when overloaded).
    pub fn sname_field(&self) -> &[u8] {
        self.slice(field::SNAME)
    }

    /// The raw 128-byte `file` field (options, when overloaded).
    pub fn file_field(&self) -> &[u8] {
        self.slice(field::FILE)
    }

    /// `sname` as a name: the bytes before the first NUL, or `None` when the
    /// field is empty or holds options (overload 2 or 3).
    ///
    /// # Errors
    ///
    /// As [`Message::overload`].
    pub fn sname(&self) -> Result<Option<&[u8]>> {
        Ok(if self.overload()?.sname() {
            None
        } else {
            name_field(self.sname_field())
        })
    }

    /// `file` as a name: the bytes before the first NUL, or `None` when the
    /// field is empty or holds options (overload 1 or 3).
    ///
    /// # Errors
    ///
    /// As [`Message::overload`].
    pub fn file(&self) -> Result<Option<&[u8]>> {
        Ok(if self.overload()?.file() {
            None
        } else {
            name_field(self.file_field())
        })
    }

    /// The options area: everything after the magic cookie.
    pub fn options_area(&self) -> &[u8] {
        self.bytes().get(field::OPTIONS).unwrap_or(&[])
    }

    /// What option 52 says. Only the options field is read for it.
    ///
    /// # Errors
    ///
    /// A malformed options field, [`DecodeErrorKind::BadLength`] when
    /// option 52 is not one byte, [`DecodeErrorKind::BadOverload`] for a
    /// value other than 1, 2, 3.
    pub fn overload(&self) -> Result<Overload> {
        let mut options = Options::new(self.bytes());
        // Option 52 is read from the options field, before `file`/`sname`.
        while let Some(opt) = options.next_raw() {
            match opt {
                Ok((_, Area::Options)) => {}
                Err(e) if options.area == Area::Options => return Err(e),
                _ => break,
            }
        }
        Ok(options.overload.unwrap_or_default())
    }

    /// Every option instance, in wire order: the options field, then `file`,
    /// then `sname` when option 52 says so (RFC 2131 §4.1, RFC 3396 §5).
    /// Pad (0) and end (255) are not yielded.
    ///
    /// The first malformed option is yielded as an error, then iteration
    /// stops: nothing after it is silently skipped.
    pub fn options(&self) -> Options<'_> {
        Options::new(self.bytes())
    }

    /// R2: the bytes after an end option that are not padding (see
    /// [`Options::after_end`]); they do not stop the message from decoding.
    ///
    /// # Errors
    ///
    /// Any malformed option in the message (the whole message is walked).
    pub fn after_end(&self) -> Result<Option<Trailing>> {
        let mut options = self.options();
        while let Some(opt) = options.next_raw() {
            opt?;
        }
        Ok(options.after_end())
    }

    /// The value of option `code`, all its instances joined (RFC 3396).
    ///
    /// # Errors
    ///
    /// Any malformed option in the message (the whole message is walked, so
    /// an error after the option is found is still reported).
    pub fn option(&self, code: OptionCode) -> Result<Option<OptionValue<'_>>> {
        let [value] = self.find([code])?;
        Ok(value)
    }

    /// The values of several options in one walk of the message: element `i`
    /// of the result is the value of `codes[i]`, instances joined (RFC 3396).
    ///
    /// # Errors
    ///
    /// As [`Message::option`].
    pub fn find<const N: usize>(
        &self,
        codes: [OptionCode; N],
    ) -> Result<[Option<OptionValue<'_>>; N]> {
        find_in(self.bytes(), codes).map(|(found, _)| found)
    }
}

/// [`Message::find`] over the bytes of a checked message, with the
/// bytes' own lifetime; also returns what option 52 said, read in the same
/// walk.
pub(crate) fn find_in<const N: usize>(
    message: &[u8],
    codes: [OptionCode; N],
) -> Result<([Option<OptionValue<'_>>; N], Overload)> {
    let mut found: [Option<OptionValue<'_>>; N] = core::array::from_fn(|_| None);
    let wanted: [u16; N] = codes.map(|c| u16::from(c.get()));
    let mut options = Options::new(message);
    while let Some(opt) = options.next_raw() {
        let (tlv, _) = opt?;
        let Some(slot) = wanted
            .iter()
            .position(|&c| c == tlv.code)
            .and_then(|i| found.get_mut(i))
        else {
            continue;
        };
        match slot {
            Some(existing) => existing.push(tlv.value),
            None => {
                *slot = Some(OptionValue {
                    code: OptionCode::new(tlv.code as u8),
                    offset: tlv.offset,
                    instances: 1,
                    value: Cow::Borrowed(tlv.value),
                });
            }
        }
    }
    Ok((found, options.overload.unwrap_or_default()))
}

/// The walk over one area of `message`.
fn area_walk(message: &[u8], area: Area) -> Walk<'_, V4Options> {
    let range = match area {
        Area::Options => field::OPTIONS.start..message.len().max(field::OPTIONS.start),
        Area::File => field::FILE,
        Area::Sname => field::SNAME,
    };
    let start = range.start;
    Walk::new(
        message.get(range).unwrap_or(&[]),
        start,
        Place::header(Family::V4, start),
        area.within(),
    )
}

pub(crate) fn name_field(field: &[u8]) -> Option<&[u8]> {
    let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    field.get(..end).filter(|name| !name.is_empty())
}

/// The iterator of [`Message::options`].
///
/// ```
/// use ztp_options::v4::{Message, OptionCode};
///
/// let message = Message::new_checked(ztp_options::samples::V4_ACK)?;
/// let codes: Vec<OptionCode> = message.options().map(|o| o.map(|o| o.code)).collect::<Result<_, _>>()?;
/// assert!(codes.contains(&OptionCode::VENDOR_SPECIFIC));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Options<'a> {
    walk: Walk<'a, V4Options>,
    area: Area,
    overload: Option<Overload>,
    message: &'a [u8],
    failed: bool,
    after_end: Option<Trailing>,
}

impl<'a> Options<'a> {
    pub(crate) fn new(message: &'a [u8]) -> Self {
        Options {
            walk: area_walk(message, Area::Options),
            area: Area::Options,
            overload: None,
            message,
            failed: false,
            after_end: None,
        }
    }

    /// R2: the bytes after an end option (255) that are not padding, once
    /// the walk has gone past them: where the first is and how many run
    /// from there to the end of its area. The first such run in wire order
    /// (the options field, then `file`, then `sname` when option 52 says
    /// they hold options). They are not read, and not an error: the message
    /// still decodes.
    ///
    /// ```
    /// use ztp_options::v4::{Message, Trailing};
    /// # let mut bytes = ztp_options::samples::V4_ACK.to_vec();
    /// # let end = bytes.iter().rposition(|&b| b == 255).unwrap();
    /// # bytes.truncate(end + 1);
    /// // A reply whose end option is followed by two bytes that are not pad.
    /// bytes.extend_from_slice(&[0, 0xde, 0xad]);
    /// let message = Message::new_checked(&bytes[..])?;
    /// let mut options = message.options();
    /// assert!(options.by_ref().all(|o| o.is_ok())); // every option decodes
    /// assert_eq!(options.after_end(), Some(Trailing { offset: end + 2, len: 2 }));
    /// # Ok::<(), ztp_options::DecodeError>(())
    /// ```
    pub fn after_end(&self) -> Option<Trailing> {
        self.after_end.or_else(|| self.walk.trailing())
    }

    fn next_area(&mut self) -> Option<Area> {
        let overload = self.overload.unwrap_or_default();
        match self.area {
            Area::Options if overload.file() => Some(Area::File),
            Area::Options | Area::File if overload.sname() => Some(Area::Sname),
            _ => None,
        }
    }
}

impl<'a> Options<'a> {
    /// The next option instance as raw bytes (code byte, value), with the
    /// area it is in; option 52 is read on the way. This is the walk
    /// [`Iterator::next`] and [`find_in`] share: it never converts a code
    /// to an [`OptionCode`], which costs a table lookup per option.
    #[inline]
    pub(crate) fn next_raw(&mut self) -> Option<Result<(Tlv<'a>, Area)>> {
        if self.failed {
            return None;
        }
        loop {
            match self.walk.next() {
                Some(Ok(tlv)) => {
                    if tlv.code == 52 {
                        if let Err(e) = self.read_overload(&tlv) {
                            self.failed = true;
                            return Some(Err(e));
                        }
                    }
                    return Some(Ok((tlv, self.area)));
                }
                Some(Err(e)) => {
                    self.failed = true;
                    return Some(Err(e));
                }
                None => {
                    if self.after_end.is_none() {
                        self.after_end = self.walk.trailing();
                    }
                    let next = self.next_area()?;
                    self.area = next;
                    self.walk = area_walk(self.message, next);
                }
            }
        }
    }

    /// What option 52 said, so far.
    pub(crate) fn overload(&self) -> Overload {
        self.overload.unwrap_or_default()
    }

    #[cold]
    fn read_overload(&mut self, tlv: &Tlv<'a>) -> Result<()> {
        let at = Place::option(Family::V4, 52, tlv.offset);
        if self.area != Area::Options {
            return Err(DecodeErrorKind::NestedOverload {
                within: self.area.within(),
            }
            .at(at));
        }
        let value_at = at.shifted(2);
        self.overload = Some(match tlv.value {
            [1] => Overload::File,
            [2] => Overload::Sname,
            [3] => Overload::Both,
            [v] => return Err(DecodeErrorKind::BadOverload { value: *v }.at(value_at)),
            other => {
                return Err(DecodeErrorKind::BadLength {
                    len: other.len() as u32,
                    expected: LengthRule::Exactly(1),
                }
                .at(value_at));
            }
        });
        Ok(())
    }
}

impl<'a> Iterator for Options<'a> {
    type Item = Result<RawOption<'a>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.next_raw().map(|r| {
            r.map(|(tlv, area)| RawOption {
                code: OptionCode::new(tlv.code as u8),
                offset: tlv.offset,
                area,
                value: tlv.value,
            })
        })
    }
}

impl core::iter::FusedIterator for Options<'_> {}
