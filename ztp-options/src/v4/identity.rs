//! What a device says about itself, and its host name: options 12 (host
//! name, R5), 60 (vendor class), 61 (client identifier: the chassis serial
//! number) and 77 (user class: make, model, software version), R6.

use bytes::BufMut;
use nom::Parser as _;

use crate::error::{
    DecodeErrorKind, EncodeError, EncodeErrorKind, Item, LengthRule, Place, Result,
};
use crate::family::Family;
use crate::text::Text;

/// Option 60 as Juniper devices send it, parsed:
/// `Juniper-<model>-<serial>`, or `Juniper-<model>` with the serial in
/// option 12, or the colon form `Juniper:<model>[:<serial>]`.
///
/// Models may contain dashes (`qfx10002-36q`). The last dash-separated part
/// is taken as the serial only when it looks like one: letters and digits,
/// at least one digit, and no lowercase letter (Juniper serials are
/// uppercase, model names lowercase). So `Juniper-qfx10002-36q` is a model
/// with no serial, where a plain split on the last dash would take `36q` for
/// the serial.
///
/// ```
/// use ztp_options::{Family, Place, v4::JuniperVendorClass};
///
/// let at = Place::option(Family::V4, 60, 0);
/// let class = JuniperVendorClass::parse(b"Juniper-ex4300-48t-PE3714100218", at)?;
/// assert_eq!((class.model, class.serial), ("ex4300-48t", Some("PE3714100218")));
/// // A model with dashes and no serial.
/// let class = JuniperVendorClass::parse(b"Juniper-qfx10002-36q", at)?;
/// assert_eq!((class.model, class.serial), ("qfx10002-36q", None));
/// assert!(JuniperVendorClass::parse(b"Cisco-c9300", at).is_err());
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JuniperVendorClass<'a> {
    /// The model, for example `ex4300-48t` or `qfx10002-36q`.
    pub model: &'a str,
    /// The serial number, when option 60 carries it.
    pub serial: Option<&'a str>,
}

impl<'a> JuniperVendorClass<'a> {
    /// The vendor prefix.
    pub const PREFIX: &'static str = "Juniper-";
    /// The vendor prefix of the colon form (`Juniper:<model>:<serial>`).
    pub const COLON_PREFIX: &'static str = "Juniper:";

    /// Parses an option 60 value.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::NotJuniperVendorClass`] at the value when it does
    /// not start with `Juniper-`, has no model, or is not printable ASCII.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        let not_juniper = || {
            DecodeErrorKind::NotJuniperVendorClass {
                len: u32::try_from(value.len()).unwrap_or(u32::MAX),
            }
            .at(at)
        };
        let text = Text::parse(value, at).map_err(|_| not_juniper())?;
        let s = text.as_str().map_err(|_| not_juniper())?;
        // The colon form, `Juniper:<model>[:<serial>]` (as
        // insomniacslk/dhcp's ztpv4 reads it): colons cannot be in a model.
        if let Some(rest) = s.strip_prefix(Self::COLON_PREFIX) {
            let (model, serial) = match rest.split_once(':') {
                Some((model, serial)) => (model, Some(serial)),
                None => (rest, None),
            };
            let part =
                |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_graphic() && b != b':');
            if !part(model) || serial.is_some_and(|s| !part(s)) {
                return Err(not_juniper());
            }
            return Ok(JuniperVendorClass { model, serial });
        }
        let rest = s.strip_prefix(Self::PREFIX).ok_or_else(not_juniper)?;
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(not_juniper());
        }
        let (model, serial) = match rest.rsplit_once('-') {
            Some((model, last)) if !model.is_empty() && looks_like_serial(last) => {
                (model, Some(last))
            }
            _ => (rest, None),
        };
        if model.starts_with('-') || model.ends_with('-') {
            return Err(not_juniper());
        }
        Ok(JuniperVendorClass { model, serial })
    }

    /// The serial number: from option 60, or else from option 12 (the form
    /// `Juniper-<model>` with the serial in the host name).
    pub fn serial_or(&self, host_name: Option<&'a str>) -> Option<&'a str> {
        self.serial.or(host_name)
    }
}

fn looks_like_serial(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_digit())
}

/// Option 61, the client identifier: a type byte then the identifier
/// (RFC 2132 §9.14). Juniper devices put the chassis serial number there
/// (type 0, text).
///
/// ```
/// use ztp_options::{Family, Place, v4::ClientIdentifier};
///
/// let at = Place::option(Family::V4, 61, 0);
/// // Type 0: a serial number as text (R6).
/// let id = ClientIdentifier::parse(b"\0PE3714100218", at)?;
/// assert_eq!(id.kind, 0);
/// assert_eq!(id.serial(), Some("PE3714100218"));
/// let mut bytes = Vec::new();
/// ClientIdentifier::put_serial("PE3714100218", &mut bytes)?;
/// assert_eq!(bytes.len(), ClientIdentifier::serial_len("PE3714100218"));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIdentifier<'a> {
    /// The type: 0 for a non-hardware identifier (a serial number), else a
    /// hardware type (1: Ethernet).
    pub kind: u8,
    /// The identifier.
    pub id: &'a [u8],
}

impl<'a> ClientIdentifier<'a> {
    /// Splits the type byte from the identifier.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`] when the value is shorter than 2 bytes.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        match value.split_first() {
            Some((&kind, id)) if !id.is_empty() => Ok(ClientIdentifier { kind, id }),
            _ => Err(DecodeErrorKind::BadLength {
                len: value.len() as u32,
                expected: LengthRule::AtLeast(2),
            }
            .at(at)),
        }
    }

    /// The serial number, when the type is 0 and the identifier is
    /// printable text.
    pub fn serial(&self) -> Option<&'a str> {
        (self.kind == 0 && self.id.iter().all(u8::is_ascii_graphic))
            .then(|| core::str::from_utf8(self.id).ok())
            .flatten()
    }

    /// The encoded length of a serial-number identifier.
    pub fn serial_len(serial: &str) -> usize {
        1 + serial.len()
    }

    /// Appends a serial-number identifier (type 0, then the text).
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BufferTooSmall`], and nothing is written.
    pub fn put_serial<B: BufMut>(
        serial: &str,
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        crate::emit::room(Family::V4, buf, Self::serial_len(serial))?;
        buf.put_u8(0);
        buf.put_slice(serial.as_bytes());
        Ok(())
    }
}

/// Option 77, the user class: RFC 3004 framing (`len(1) data(len)` items),
/// or raw text as some clients send it.
///
/// ```
/// use ztp_options::{Family, Place, v4::UserClass};
///
/// let at = Place::option(Family::V4, 77, 0);
/// // RFC 3004 items (R6): make, model, software version.
/// let class = UserClass::parse(b"\x07Juniper\x0aex4300-48t\x0823.4R2.8", at)?;
/// let UserClass::Items(items) = class else { panic!() };
/// assert_eq!(items.collect::<Vec<_>>(), [&b"Juniper"[..], b"ex4300-48t", b"23.4R2.8"]);
/// // Raw text, as some clients send it.
/// assert!(matches!(UserClass::parse(b"Juniper ex4300", at)?, UserClass::Raw(_)));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserClass<'a> {
    /// RFC 3004 items: each `len(1) data`, each at least one byte.
    Items(UserClassItems<'a>),
    /// Raw text, not RFC 3004-framed.
    Raw(Text<'a>),
}

/// The items of an RFC 3004 user class, borrowed.
///
/// ```
/// use ztp_options::{Family, Place, v4::UserClass};
///
/// let mut bytes = Vec::new();
/// UserClass::put_items(&["Juniper", "ex4300-48t"], &mut bytes)?;
/// assert_eq!(bytes.len(), UserClass::items_len(&["Juniper", "ex4300-48t"]));
/// let UserClass::Items(items) = UserClass::parse(&bytes, Place::option(Family::V4, 77, 0))? else {
///     panic!()
/// };
/// assert_eq!(items.count(), 2);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserClassItems<'a> {
    bytes: &'a [u8],
}

impl<'a> Iterator for UserClassItems<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let (&len, rest) = self.bytes.split_first()?;
        let (item, rest) = rest.split_at_checked(usize::from(len))?;
        self.bytes = rest;
        Some(item)
    }
}

impl<'a> UserClass<'a> {
    /// Reads option 77: RFC 3004 framing when the whole value frames
    /// exactly into non-empty items; otherwise raw text (R6).
    ///
    /// # Errors
    ///
    /// When the value frames as neither: the error of [`Text::parse`] for it.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        if frames(value) {
            return Ok(UserClass::Items(UserClassItems { bytes: value }));
        }
        Text::parse(value, at).map(UserClass::Raw)
    }

    /// Whether `value` frames exactly into RFC 3004 items (what
    /// [`UserClass::parse`] tries first).
    pub(crate) fn frames(value: &[u8]) -> bool {
        frames(value)
    }

    /// The RFC 3004 items of a value that [`UserClass::frames`].
    pub(crate) fn items_of(value: &'a [u8]) -> UserClassItems<'a> {
        UserClassItems { bytes: value }
    }

    /// The encoded length of RFC 3004 items.
    pub fn items_len<S: AsRef<[u8]>>(items: &[S]) -> usize {
        items.iter().map(|i| 1 + i.as_ref().len()).sum()
    }

    /// Appends RFC 3004 items.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::BadText`] for an empty item,
    /// [`EncodeErrorKind::TooLong`] for one over 255 bytes,
    /// [`EncodeErrorKind::BufferTooSmall`]; nothing is written then.
    pub fn put_items<S: AsRef<[u8]>, B: BufMut>(
        items: &[S],
        buf: &mut B,
    ) -> core::result::Result<(), EncodeError> {
        let item = Item::option(Family::V4, 77);
        for i in items.iter().map(AsRef::as_ref) {
            if i.is_empty() {
                return Err(EncodeError::new(
                    item,
                    EncodeErrorKind::BadText {
                        kind: DecodeErrorKind::Empty,
                    },
                ));
            }
            if i.len() > 255 {
                return Err(EncodeError::new(
                    item,
                    EncodeErrorKind::TooLong {
                        len: i.len(),
                        max: 255,
                    },
                ));
            }
        }
        crate::emit::room(Family::V4, buf, Self::items_len(items))?;
        for item in items {
            let item = item.as_ref();
            buf.put_u8(item.len() as u8);
            buf.put_slice(item);
        }
        Ok(())
    }
}

/// Whether `value` frames exactly into RFC 3004 items: one or more
/// `len(1) data(len)` with `len` at least 1, and nothing left over.
fn frames(value: &[u8]) -> bool {
    use nom::combinator::{all_consuming, verify};
    use nom::multi::{fold_many1, length_data};
    use nom::number::complete::u8 as len;
    // A unit error: the caller only needs yes or no, and builds its own
    // typed error on the cold path.
    let item = length_data(verify(len::<&[u8], ()>, |n: &u8| *n > 0));
    all_consuming(fold_many1(item, || (), |(), _: &[u8]| ()))
        .parse_complete(value)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn at(code: u16) -> Place {
        Place::option(Family::V4, code, 2)
    }

    #[test]
    fn r6_vendor_class_forms_seen_on_juniper_devices() {
        let cases: [(&[u8], &str, Option<&str>); 5] = [
            (b"Juniper-ptx1000-DD123", "ptx1000", Some("DD123")),
            (b"Juniper-qfx10002-36q-DN817", "qfx10002-36q", Some("DN817")),
            (b"Juniper-qfx10008", "qfx10008", None),
            // A model with a dash and no serial: insomniacslk/dhcp takes "36q" for the serial.
            (b"Juniper-qfx10002-36q", "qfx10002-36q", None),
            (
                b"Juniper-ex4300-48t-PE3714100218",
                "ex4300-48t",
                Some("PE3714100218"),
            ),
        ];
        for (value, model, serial) in cases {
            let vc = JuniperVendorClass::parse(value, at(60)).unwrap();
            assert_eq!((vc.model, vc.serial), (model, serial), "{value:?}");
        }
        let vc = JuniperVendorClass::parse(b"Juniper-qfx10008", at(60)).unwrap();
        assert_eq!(vc.serial_or(Some("DE123")), Some("DE123"));
    }

    #[test]
    fn r6_vendor_class_colon_form() {
        // "Juniper:ex4200-48t:DK0123" (hex 4a756e697065723a...): the form
        // insomniacslk/dhcp's ztpv4 parses; a model may hold dashes.
        let vc = JuniperVendorClass::parse(b"Juniper:ex4200-48t:DK0123", at(60)).unwrap();
        assert_eq!((vc.model, vc.serial), ("ex4200-48t", Some("DK0123")));
        let vc = JuniperVendorClass::parse(b"Juniper:qfx5120", at(60)).unwrap();
        assert_eq!((vc.model, vc.serial), ("qfx5120", None));
        for bad in [
            &b"Juniper:"[..],
            b"Juniper::DK1",
            b"Juniper:ex:",
            b"Juniper:ex:a:b",
            b"Juniper:e x",
        ] {
            assert!(
                matches!(
                    JuniperVendorClass::parse(bad, at(60)),
                    Err(e) if matches!(e.kind(), DecodeErrorKind::NotJuniperVendorClass { .. })
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn r6_vendor_class_that_is_not_juniper_is_an_error() {
        for bad in [
            &b"Arista;DCS-7050S-64;01.23;JPE1"[..],
            b"Juniper-",
            b"juniper-ex",
            b"Juniper-ex 4300",
            b"",
        ] {
            assert!(
                matches!(
                    JuniperVendorClass::parse(bad, at(60)),
                    Err(e) if matches!(e.kind(), DecodeErrorKind::NotJuniperVendorClass { .. })
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn r6_client_identifier_carries_the_serial() {
        let mut buf = Vec::new();
        ClientIdentifier::put_serial("PE3714100218", &mut buf).unwrap();
        assert_eq!(buf.len(), ClientIdentifier::serial_len("PE3714100218"));
        let id = ClientIdentifier::parse(&buf, at(61)).unwrap();
        assert_eq!(id.serial(), Some("PE3714100218"));
        // An Ethernet client id is not a serial.
        let mac = ClientIdentifier::parse(&[1, 0, 0x5e, 0, 0, 1, 2], at(61)).unwrap();
        assert_eq!((mac.kind, mac.serial()), (1, None));
        assert!(ClientIdentifier::parse(&[0], at(61)).is_err());
    }

    #[test]
    fn r6_user_class_rfc3004_and_raw_text() {
        let mut buf = Vec::new();
        UserClass::put_items(&["Juniper", "ptx10008", "21.3R1"], &mut buf).unwrap();
        assert_eq!(
            buf.len(),
            UserClass::items_len(&["Juniper", "ptx10008", "21.3R1"])
        );
        match UserClass::parse(&buf, at(77)).unwrap() {
            UserClass::Items(items) => assert_eq!(
                items.collect::<Vec<_>>(),
                [&b"Juniper"[..], b"ptx10008", b"21.3R1"]
            ),
            other => panic!("{other:?}"),
        }
        match UserClass::parse(b"Juniper ptx10008 21.3R1", at(77)).unwrap() {
            UserClass::Raw(t) => assert_eq!(t.as_bytes(), b"Juniper ptx10008 21.3R1"),
            other => panic!("{other:?}"),
        }
        assert!(UserClass::put_items(&[""], &mut buf).is_err());
        assert!(!frames(b""));
        assert!(!frames(b"\x02a"));
        assert!(!frames(b"\x00"));
        assert!(frames(b"\x01a\x02bc"));
    }
}
