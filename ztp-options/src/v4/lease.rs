//! Everything ZTP reads from a DHCPv4 reply, found in one walk of the
//! message: [`Lease`].

use core::net::Ipv4Addr;

use super::code::OptionCode;
use super::field;
use super::identity::{ClientIdentifier, JuniperVendorClass, UserClass};
use super::message::{Message, OptionValue, find_in, name_field};
use super::option43::Option43;
use super::servers::{Ipv4List, TftpServerName};
use crate::error::Result;
use crate::suboption::Suboptions;
use crate::text::Text;

/// The options a ZTP lease is read from, in the order [`Lease`] keeps them.
const CODES: [OptionCode; 10] = [
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
];

/// The ZTP view of a DHCPv4 message: the options ZTP reads (43, 150, 66, 7,
/// 42, 12, and the device's 60, 61, 77), found in one walk of the message,
/// with RFC 3396 instances joined and option 52 honoured, plus `siaddr`,
/// `sname` and `file`, which ZTP does not use but a person debugging a lease
/// wants to see.
///
/// Values are decoded when asked for, so a bad option 7 does not hide a
/// good option 43; every accessor returns the typed error of its option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease<'a> {
    values: [Option<OptionValue<'a>>; CODES.len()],
    siaddr: Ipv4Addr,
    sname: Option<&'a [u8]>,
    file: Option<&'a [u8]>,
}

macro_rules! slot {
    ($self:ident, $code:ident) => {
        $self.value(OptionCode::$code)
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
        let bytes = msg.into_inner();
        let (values, overload) = find_in(bytes, CODES)?;
        let name = |range, holds_options: bool| {
            if holds_options {
                None
            } else {
                name_field(bytes.get(range).unwrap_or(&[]))
            }
        };
        Ok(Lease {
            values,
            siaddr: msg.siaddr(),
            sname: name(field::SNAME, overload.sname()),
            file: name(field::FILE, overload.file()),
        })
    }

    /// The raw (joined) value of one of the options a lease keeps.
    pub fn value(&self, code: OptionCode) -> Option<&OptionValue<'a>> {
        CODES
            .iter()
            .position(|c| c.get() == code.get())
            .and_then(|i| self.values.get(i))
            .and_then(Option::as_ref)
    }

    /// Option 53, the DHCP message type (2 OFFER, 5 ACK, ...).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when it is not one byte.
    pub fn message_type(&self) -> Result<Option<u8>> {
        slot!(self, MESSAGE_TYPE)
            .map(|v| v.fixed::<1>().map(|[t]| t))
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
            .map(|v| Option43::checked_at(v.value.as_ref(), v.place()))
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
            .map(|v| Option43::unchecked_at(v.value.as_ref(), v.place()).suboptions())
            .transpose()
    }

    /// Option 150: the TFTP (file) server addresses (R4).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when the length is not a multiple of 4.
    pub fn tftp_server_addresses(&self) -> Result<Option<Ipv4List<'_>>> {
        slot!(self, TFTP_SERVER_ADDRESS)
            .map(|v| Ipv4List::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 66: the TFTP server name (R3); see [`TftpServerName::address`].
    ///
    /// # Errors
    ///
    /// As [`Text::parse`].
    pub fn tftp_server_name(&self) -> Result<Option<TftpServerName<'_>>> {
        slot!(self, TFTP_SERVER_NAME)
            .map(|v| TftpServerName::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 7: syslog servers (R5).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when the length is not a multiple of 4.
    pub fn log_servers(&self) -> Result<Option<Ipv4List<'_>>> {
        slot!(self, LOG_SERVER)
            .map(|v| Ipv4List::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 42: NTP servers (R5).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) when the length is not a multiple of 4.
    pub fn ntp_servers(&self) -> Result<Option<Ipv4List<'_>>> {
        slot!(self, NTP_SERVERS)
            .map(|v| Ipv4List::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 12: the host name (R5).
    ///
    /// # Errors
    ///
    /// As [`Text::parse`].
    pub fn host_name(&self) -> Result<Option<Text<'_>>> {
        slot!(self, HOST_NAME)
            .map(|v| Text::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 60, read as a Juniper vendor class.
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::NotJuniperVendorClass`](crate::DecodeErrorKind::NotJuniperVendorClass).
    pub fn vendor_class(&self) -> Result<Option<JuniperVendorClass<'_>>> {
        slot!(self, VENDOR_CLASS)
            .map(|v| JuniperVendorClass::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 61: the client identifier (R6).
    ///
    /// # Errors
    ///
    /// [`DecodeErrorKind::BadLength`](crate::DecodeErrorKind::BadLength) for fewer than 2 bytes.
    pub fn client_identifier(&self) -> Result<Option<ClientIdentifier<'_>>> {
        slot!(self, CLIENT_IDENTIFIER)
            .map(|v| ClientIdentifier::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// Option 77: the user class (R6).
    ///
    /// # Errors
    ///
    /// As [`UserClass::parse`].
    pub fn user_class(&self) -> Result<Option<UserClass<'_>>> {
        slot!(self, USER_CLASS)
            .map(|v| UserClass::parse(v.value.as_ref(), v.place()))
            .transpose()
    }

    /// `siaddr` ("next server"); ZTP ignores it.
    pub fn siaddr(&self) -> Ipv4Addr {
        self.siaddr
    }

    /// `sname` as a name, when set and not holding options; ZTP ignores it.
    pub fn sname(&self) -> Option<&'a [u8]> {
        self.sname
    }

    /// `file` as a name, when set and not holding options; ZTP ignores it.
    pub fn file(&self) -> Option<&'a [u8]> {
        self.file
    }
}
