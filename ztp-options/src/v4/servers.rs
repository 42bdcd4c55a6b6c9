//! Server options: 150 (TFTP server addresses, R4), 66 (TFTP server name,
//! R3), 7 (log servers) and 42 (NTP servers, R5).

use core::net::Ipv4Addr;

use bytes::BufMut;

use crate::error::{DecodeErrorKind, EncodeError, LengthRule, Place, Result};
use crate::family::Family;
use crate::text::Text;

/// A list of IPv4 addresses, 4 bytes each: options 150, 7, 42 (and 3, 6).
///
/// RFC 5859 allows several addresses in option 150; the list keeps them all
/// in order.
///
/// ```
/// use ztp_options::v4::Ipv4List;
///
/// let list = Ipv4List::try_from(&[192, 0, 2, 10, 192, 0, 2, 11][..])?;
/// assert_eq!(list.first().to_string(), "192.0.2.10");
/// assert_eq!(list.len(), 2);
/// assert!(Ipv4List::try_from(&[1, 2, 3][..]).is_err()); // R4
/// # Ok::<(), ztp_options::DecodeErrorKind>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4List<'a> {
    bytes: &'a [u8],
}

/// Checks the value's length: a non-zero multiple of 4 (R4).
impl<'a> TryFrom<&'a [u8]> for Ipv4List<'a> {
    type Error = DecodeErrorKind;

    fn try_from(value: &'a [u8]) -> core::result::Result<Self, DecodeErrorKind> {
        if value.is_empty() || value.len() % 4 != 0 {
            return Err(DecodeErrorKind::BadLength {
                len: u32::try_from(value.len()).unwrap_or(u32::MAX),
                expected: LengthRule::MultipleOf(4),
            });
        }
        Ok(Ipv4List { bytes: value })
    }
}

impl<'a> Ipv4List<'a> {
    /// Checks the value of an option found at `at` (R4).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`] with the length, at `at`.
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        Ipv4List::try_from(value).map_err(|k| k.at(at))
    }

    /// The addresses, in order.
    pub fn iter(&self) -> Addresses<'a> {
        (*self).into_iter()
    }

    /// The first address (the one ZTP uses for option 150).
    pub fn first(&self) -> Ipv4Addr {
        self.iter().next().unwrap_or(Ipv4Addr::UNSPECIFIED)
    }

    /// How many addresses.
    pub fn len(&self) -> usize {
        self.bytes.len() / 4
    }

    /// Always false: a parsed list has at least one address.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The value's bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

/// The iterator of [`Ipv4List::iter`].
pub type Addresses<'a> = core::iter::Map<core::slice::ChunksExact<'a, u8>, fn(&[u8]) -> Ipv4Addr>;

impl<'a> IntoIterator for Ipv4List<'a> {
    type Item = Ipv4Addr;
    type IntoIter = Addresses<'a>;

    fn into_iter(self) -> Addresses<'a> {
        fn addr(c: &[u8]) -> Ipv4Addr {
            Ipv4Addr::from(<[u8; 4]>::try_from(c).unwrap_or([0; 4]))
        }
        self.bytes
            .chunks_exact(4)
            .map(addr as fn(&[u8]) -> Ipv4Addr)
    }
}

/// The encoded length of an address list value.
pub fn ipv4_list_len(addrs: &[Ipv4Addr]) -> usize {
    addrs.len() * 4
}

/// Appends an address list value (4 bytes each) to `buf`.
///
/// # Errors
///
/// [`BufferTooSmall`](crate::EncodeErrorKind::BufferTooSmall), and nothing
/// is written.
pub fn put_ipv4_list<B: BufMut>(
    addrs: &[Ipv4Addr],
    buf: &mut B,
) -> core::result::Result<(), EncodeError> {
    crate::emit::room(Family::V4, buf, ipv4_list_len(addrs))?;
    for a in addrs {
        buf.put_slice(&a.octets());
    }
    Ok(())
}

/// Option 66: the TFTP server name. ZTP needs an IPv4 literal here, since
/// the device does no name resolution (R3).
///
/// ```
/// use ztp_options::{DecodeErrorKind, Family, Place, v4::TftpServerName};
///
/// let at = Place::option(Family::V4, 66, 0);
/// // R3: an address literal as text; a trailing NUL is tolerated (R7).
/// let name = TftpServerName::parse(b"192.0.2.66\0", at)?;
/// assert_eq!(name.address()?.to_string(), "192.0.2.66");
/// // A host name is an error naming the value, never resolved.
/// let name = TftpServerName::parse(b"tftp.example", at)?;
/// assert!(matches!(name.address().unwrap_err().kind(), DecodeErrorKind::HostName { .. }));
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TftpServerName<'a> {
    text: Text<'a>,
}

impl<'a> TftpServerName<'a> {
    /// Validates the text (R7: a trailing NUL, as dnsmasq sends, is
    /// tolerated and reported by [`Text::trailing_nul`]).
    ///
    /// # Errors
    ///
    /// As [`Text::parse`].
    pub fn parse(value: &'a [u8], at: Place) -> Result<Self> {
        Text::parse(value, at).map(|text| TftpServerName { text })
    }

    /// The text as sent (without a trailing NUL).
    pub fn text(&self) -> Text<'a> {
        self.text
    }

    /// The server address.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::HostName`] at the value when it is not an IPv4
    /// literal (R3): the name is kept and reported, never resolved;
    /// [`DecodeErrorKind::NotIpv4`] for an IPv6 literal.
    pub fn address(&self) -> Result<Ipv4Addr> {
        let text = core::str::from_utf8(self.text.as_bytes()).ok();
        if let Some(a) = text.and_then(|s| s.parse().ok()) {
            return Ok(a);
        }
        let len = u32::try_from(self.text.as_bytes().len()).unwrap_or(u32::MAX);
        let kind = if text.is_some_and(|s| s.parse::<core::net::Ipv6Addr>().is_ok()) {
            DecodeErrorKind::NotIpv4 { len }
        } else {
            DecodeErrorKind::HostName { len }
        };
        Err(kind.at(self.text.place()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn at(code: u16) -> Place {
        Place::option(Family::V4, code, 2)
    }

    #[test]
    fn r4_option_150_is_a_list_of_addresses() {
        // RFC 5859 §3: several TFTP servers, in order of preference.
        let list = Ipv4List::parse(&[10, 0, 0, 1, 10, 0, 0, 2], at(150)).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            [Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)]
        );
        assert_eq!(list.first(), Ipv4Addr::new(10, 0, 0, 1));
    }

    #[test]
    fn r4_option_150_length_must_be_a_multiple_of_4() {
        for len in [0usize, 1, 3, 5, 6, 7, 9] {
            assert_eq!(
                Ipv4List::parse(&alloc::vec![1; len], at(150)),
                Err(DecodeErrorKind::BadLength {
                    len: len as u32,
                    expected: LengthRule::MultipleOf(4)
                }
                .at(at(150)))
            );
        }
    }

    #[test]
    fn r5_log_and_ntp_servers_are_address_lists() {
        let syslog = Ipv4List::parse(&[192, 0, 2, 7], at(7)).unwrap();
        assert_eq!(syslog.first(), Ipv4Addr::new(192, 0, 2, 7));
        assert!(Ipv4List::parse(&[192, 0, 2], at(42)).is_err());
        let mut out = Vec::new();
        put_ipv4_list(&[Ipv4Addr::new(192, 0, 2, 7)], &mut out).unwrap();
        assert_eq!(out, [192, 0, 2, 7]);
        assert_eq!(ipv4_list_len(&[Ipv4Addr::LOCALHOST; 3]), 12);
    }

    #[test]
    fn r3_an_ipv6_literal_in_option_66_is_not_called_a_host_name() {
        // "2001:db8::1" in option 66 (DHCPv4): an address, of the wrong family.
        let name = TftpServerName::parse(b"2001:db8::1", at(66)).unwrap();
        assert_eq!(
            name.address(),
            Err(DecodeErrorKind::NotIpv4 { len: 11 }.at(at(66)))
        );
    }

    #[test]
    fn r3_option_66_needs_an_address_literal() {
        // dnsmasq 2.90 sends "10.99.0.1" plus a NUL (shared/captures).
        let name = TftpServerName::parse(b"10.99.0.1\0", at(66)).unwrap();
        assert_eq!(name.address(), Ok(Ipv4Addr::new(10, 99, 0, 1)));
        let value = b"tftp.example.net";
        let name = TftpServerName::parse(value, at(66)).unwrap();
        let err = name.address().unwrap_err();
        assert_eq!(err, DecodeErrorKind::HostName { len: 16 }.at(at(66)));
        let mut msg = alloc::vec![0, 0];
        msg.extend_from_slice(value);
        assert_eq!(
            alloc::string::ToString::to_string(&err.display_in(&msg)),
            "dhcpv4 option 66 at byte 2: \"tftp.example.net\" is a host name, not an ip address; \
             name resolution is not supported"
        );
    }
}
