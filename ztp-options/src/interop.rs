//! Leases from option values decoded elsewhere: [`v4::Lease::from_options`],
//! [`v6::Lease::from_options`], and (feature `dhcproto`) conversions from
//! dhcproto's messages.
//!
//! Both entries frame the values as a reply, in a buffer the caller lends,
//! and read that reply back with the same decoder as
//! [`v4::Lease::parse`] / [`v6::Lease::parse`]: the values get exactly the
//! checks, and the errors exactly the places, of a lease read off the wire
//! (offsets count in the buffer, so [`DecodeError::display_in`] shows the
//! offending value).

use alloc::vec::Vec;

use crate::error::{DecodeError, EncodeError};
use crate::{v4, v6};

/// Why option values from elsewhere give no lease.
///
/// ```
/// use ztp_options::{OptionsError, v4::Lease};
///
/// let mut buf = Vec::new();
/// // Code 255 ends the options; it carries no value.
/// let err = Lease::from_options([(255u8, &b"x"[..])], &mut buf).unwrap_err();
/// assert!(matches!(err, OptionsError::Encode(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum OptionsError {
    /// A value cannot be framed as an option: DHCPv4 codes 0 (pad) and 255
    /// (end) carry none.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// The framed reply does not decode: a value is malformed (offsets
    /// count in the buffer the reply was written to).
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

impl<'a> v4::Lease<'a> {
    /// A lease from the option values a caller already has (a message
    /// decoded by another codec, a server's configuration): each `(code,
    /// value)` is one option; a code given twice is one option whose value
    /// is the concatenation, in order (RFC 3396, R2). Values longer than 255
    /// bytes are fine (they are split on the way, and joined again).
    ///
    /// The values are written into `buf` (cleared first) as a BOOTREPLY
    /// whose header fields are all zero (so `siaddr`, `sname` and `file` are
    /// unset), and read back as [`Lease::parse`](v4::Lease::parse) reads a
    /// message. Options ZTP does not read are kept in `buf` but not looked
    /// at, as in a message.
    ///
    /// ```
    /// use ztp_options::{resolve_v4, v4::{Lease, OptionCode}};
    ///
    /// // Option 43 (suboption 01 "sw.conf", 03 "http") and option 150.
    /// let options = [
    ///     (OptionCode::VENDOR_SPECIFIC, &b"\x01\x07sw.conf\x03\x04http"[..]),
    ///     (OptionCode::TFTP_SERVER_ADDRESS, &[192, 0, 2, 10][..]),
    /// ];
    /// let mut buf = Vec::new();
    /// let lease = Lease::from_options(options, &mut buf)?;
    /// let plan = resolve_v4(&lease)?;
    /// assert_eq!(plan.config.map(|c| c.name), Some("sw.conf"));
    /// assert_eq!(plan.file_server.to_string(), "192.0.2.10");
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`OptionsError::Encode`] for codes 0 and 255;
    /// [`OptionsError::Decode`] as [`Lease::parse`](v4::Lease::parse).
    pub fn from_options<C, V, I>(options: I, buf: &'a mut Vec<u8>) -> Result<Self, OptionsError>
    where
        I: IntoIterator<Item = (C, V)>,
        C: Into<v4::OptionCode>,
        V: AsRef<[u8]>,
    {
        let mut set = v4::OptionSet::new();
        for (code, value) in options {
            let code = code.into();
            let joined = match set.get(code) {
                Some(first) => [first, value.as_ref()].concat(),
                None => value.as_ref().to_vec(),
            };
            set.insert(code, joined)?;
        }
        buf.clear();
        v4::MessageRepr::reply(set).put(buf)?;
        let bytes: &'a [u8] = buf;
        Ok(v4::Lease::parse(bytes)?)
    }
}

impl<'a> v6::Lease<'a> {
    /// A lease from the option values a caller already has: each `(code,
    /// value)` is one option instance, kept in order (option 17 may come
    /// once per enterprise, R8).
    ///
    /// The values are written into `buf` (cleared first) as a REPLY with
    /// transaction id 0, and read back as
    /// [`Lease::parse`](v6::Lease::parse) reads a message.
    ///
    /// ```
    /// use ztp_options::{resolve_v6, v6::{Lease, OptionCode}};
    ///
    /// // Option 17 for enterprise 2636 (item 01 "sw.conf"), option 59.
    /// let vendor = b"\x00\x00\x0a\x4c\x00\x01\x00\x07sw.conf";
    /// let url = b"https://[2001:db8::1]/img/junos-evo.tgz";
    /// let mut buf = Vec::new();
    /// let lease = Lease::from_options(
    ///     [(OptionCode::VENDOR_OPTS, &vendor[..]), (OptionCode::BOOTFILE_URL, &url[..])],
    ///     &mut buf,
    /// )?;
    /// let plan = resolve_v6(&lease)?;
    /// assert_eq!(plan.config.map(|c| c.name), Some("sw.conf"));
    /// assert_eq!(plan.image.map(|i| i.name), Some("/img/junos-evo.tgz")); // R15
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`OptionsError::Encode`] for a value longer than 65535 bytes;
    /// [`OptionsError::Decode`] as [`Lease::parse`](v6::Lease::parse).
    pub fn from_options<C, V, I>(options: I, buf: &'a mut Vec<u8>) -> Result<Self, OptionsError>
    where
        I: IntoIterator<Item = (C, V)>,
        C: Into<v6::OptionCode>,
        V: AsRef<[u8]>,
    {
        let mut set = v6::OptionSet::new();
        for (code, value) in options {
            set.push(code.into(), value.as_ref().to_vec());
        }
        buf.clear();
        v6::MessageRepr::reply(set).put(buf)?;
        let bytes: &'a [u8] = buf;
        Ok(v6::Lease::parse(bytes)?)
    }
}

#[cfg(feature = "dhcproto")]
pub use self::dhcproto_messages::DhcprotoError;

/// Conversions from dhcproto 0.15's messages.
#[cfg(feature = "dhcproto")]
mod dhcproto_messages {
    use alloc::string::{String, ToString};

    use dhcproto::{Encodable, v4 as d4, v6 as d6};

    use crate::error::DecodeError;
    use crate::{v4, v6};

    /// Why a dhcproto message gives no message of this crate.
    ///
    /// ```
    /// use dhcproto::v6::{DhcpOption, DhcpOptions, Message, MessageType, VendorOpts};
    /// use ztp_options::{DhcprotoError, v6};
    ///
    /// // Juniper's option 17 as dhcproto's typed items: its bytes are not kept.
    /// let mut theirs = Message::new(MessageType::Reply);
    /// let vendor = VendorOpts { num: 2636, opts: DhcpOptions::new() };
    /// theirs.opts_mut().insert(DhcpOption::VendorOpts(vendor));
    /// let err = v6::MessageRepr::try_from(&theirs).unwrap_err();
    /// assert_eq!(err, DhcprotoError::VendorItemsNotKept { enterprise: 2636 });
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
    #[non_exhaustive]
    pub enum DhcprotoError {
        /// dhcproto could not encode its own message.
        #[error("dhcproto cannot encode the message: {reason}")]
        Encode {
            /// dhcproto's reason.
            reason: String,
        },
        /// The bytes dhcproto wrote do not decode here (a framing error;
        /// values are checked later, by the lease).
        #[error("the message dhcproto wrote does not decode: {0}")]
        Decode(#[from] DecodeError),
        /// DHCPv6: Juniper's option 17 (enterprise 2636) as dhcproto's
        /// typed `VendorOpts`, whose items dhcproto reads with its DHCPv6
        /// option decoder: it keeps their bytes only for the codes it does
        /// not know, reads Juniper's 03, 04, 05, 08 as IA_NA, IA_TA, IA_ADDR,
        /// ELAPSED_TIME, and drops without an error every item from the
        /// first it cannot read. Its message cannot say whether items were
        /// lost, so this crate refuses it rather than resolve a different
        /// plan. Hold the option as `DhcpOption::Unknown` with its bytes.
        #[error(
            "dhcproto holds option 17 of enterprise {enterprise} as typed items, which do not \
             keep the bytes sent (hold it as an unknown option with its bytes)"
        )]
        VendorItemsNotKept {
            /// The enterprise number (2636).
            enterprise: u32,
        },
    }

    fn encode<M: Encodable>(message: &M) -> Result<alloc::vec::Vec<u8>, DhcprotoError> {
        message.to_vec().map_err(|e| DhcprotoError::Encode {
            reason: e.to_string(),
        })
    }

    /// dhcproto's DHCPv4 message, losslessly: dhcproto keeps every option it
    /// holds as its bytes (option 43 raw, 150 and the lists as addresses,
    /// text as text) and its header whole, so its encoding is what it
    /// holds. The conversion encodes it with dhcproto and reads the bytes
    /// back with [`v4::MessageRepr::parse`] (long options joined, RFC 3396).
    ///
    /// What dhcproto dropped while *decoding* a message is not in its
    /// message: its decoder stops without an error at the first option it
    /// cannot read (an option 150 with two addresses, RFC 5859, is one), so
    /// for bytes received off the wire read them with
    /// [`v4::Lease::parse`] instead.
    ///
    /// ```
    /// use dhcproto::{Decodable, v4::Message};
    /// use ztp_options::{resolve_v4, samples, v4};
    ///
    /// let theirs = Message::from_bytes(samples::V4_ACK)?;
    /// let ours = v4::MessageRepr::try_from(&theirs)?;
    /// let bytes = ours.to_vec();
    /// let (lease, direct) = (v4::Lease::parse(&bytes)?, v4::Lease::parse(samples::V4_ACK)?);
    /// assert_eq!(resolve_v4(&lease)?, resolve_v4(&direct)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    impl TryFrom<&d4::Message> for v4::MessageRepr {
        type Error = DhcprotoError;

        fn try_from(message: &d4::Message) -> Result<Self, DhcprotoError> {
            let bytes = encode(message)?;
            let checked = v4::Message::new_checked(bytes.as_slice())?;
            Ok(v4::MessageRepr::parse(&checked)?)
        }
    }

    /// dhcproto's DHCPv6 message, where dhcproto keeps the bytes: every
    /// option it holds as `DhcpOption::Unknown` (option 59, 136, and option
    /// 17 held that way), its options 15 and 16 (their data whole), and the
    /// option 17 instances of other enterprises (R8: the plan keeps only
    /// their enterprise numbers).
    ///
    /// Juniper's option 17 (enterprise 2636) as dhcproto's typed
    /// `VendorOpts` is refused with [`DhcprotoError::VendorItemsNotKept`]:
    /// dhcproto reads its items with its DHCPv6 option decoder, reads
    /// Juniper's 03 transfer mode as an IA_NA (too short for one) and stops
    /// there without an error, so a REPLY it decoded has lost 03 and every
    /// item after it, and nothing in its message says so. A message dhcproto
    /// decoded off the wire is best read from its bytes with
    /// [`v6::Lease::parse`]; one built with dhcproto converts when option 17
    /// is an unknown option holding its bytes, as here:
    ///
    /// ```
    /// use dhcproto::v6::{DhcpOption, Message, MessageType, UnknownOption};
    /// use ztp_options::{resolve_v6, v6};
    ///
    /// // Option 17: enterprise 2636, item 00 "/img/evo.tgz"; option 59.
    /// let vendor = b"\x00\x00\x0a\x4c\x00\x00\x00\x0c/img/evo.tgz".to_vec();
    /// let mut theirs = Message::new(MessageType::Reply);
    /// theirs.opts_mut().insert(DhcpOption::Unknown(UnknownOption::new(17.into(), vendor)));
    /// theirs.opts_mut().insert(DhcpOption::Unknown(UnknownOption::new(
    ///     59.into(),
    ///     b"https://[2001:db8::1]/".to_vec(),
    /// )));
    /// let ours = v6::MessageRepr::try_from(&theirs)?;
    /// let bytes = ours.to_vec()?;
    /// let lease = v6::Lease::parse(&bytes)?;
    /// let plan = resolve_v6(&lease)?;
    /// assert_eq!(plan.image.map(|i| i.name), Some("/img/evo.tgz"));
    ///
    /// // The sample REPLY as dhcproto decodes it: refused, not resolved.
    /// use dhcproto::Decodable;
    /// let decoded = Message::from_bytes(ztp_options::samples::V6_REPLY)?;
    /// assert_eq!(
    ///     v6::MessageRepr::try_from(&decoded),
    ///     Err(ztp_options::DhcprotoError::VendorItemsNotKept { enterprise: 2636 }),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    impl TryFrom<&d6::Message> for v6::MessageRepr {
        type Error = DhcprotoError;

        fn try_from(message: &d6::Message) -> Result<Self, DhcprotoError> {
            for option in message.opts().iter() {
                if let d6::DhcpOption::VendorOpts(vendor) = option {
                    if vendor.num == v6::JUNIPER_ENTERPRISE {
                        return Err(DhcprotoError::VendorItemsNotKept {
                            enterprise: vendor.num,
                        });
                    }
                }
            }
            let bytes = encode(message)?;
            let checked = v6::Message::new_checked(bytes.as_slice())?;
            Ok(v6::MessageRepr::parse(&checked)?)
        }
    }
}
