//! The client's side: the DHCPv4 DISCOVER, REQUEST and RELEASE and the
//! DHCPv6 SOLICIT, REQUEST and RELEASE a switch sends, carrying its vendor's
//! identity ([`IdentityRepr`]) as VENDORS.md (G1..G5, each vendor's rule)
//! and SPEC R6 (Juniper) say the device writes it, optionally as a relay
//! agent forwards it. Typed values in, bytes out; no I/O. The decoders
//! ([`v4::Message`], [`v6::Message`], [`Identity`](crate::vendor::Identity))
//! read the bytes back.
//!
//! | message | options |
//! | --- | --- |
//! | DISCOVER | 53, the identity's 61/60/77/124 and 55 (or a plain 55), 57 |
//! | REQUEST (SELECTING, RFC 2131 §4.3.2) | 53, 50, 54, then as DISCOVER |
//! | RELEASE (RFC 2131 §4.4.6, table 5) | 53, 54, the identity's 61 only; `ciaddr` set, flags 0 |
//! | relayed v4 (RFC 3046) | `giaddr`, `hops` 1, 82 (sub-options 1, 2) last |
//! | SOLICIT (RFC 8415 §18.2.1) | 1 (DUID), 8, 3 (IA_NA, no address), the identity's 15/16/17 and 6 |
//! | REQUEST (§18.2.2) | 1, 2, 8, 3 (the ADVERTISE's IA_NA), then as SOLICIT |
//! | RELEASE (§18.2.7) | 1, 2, 8, 3 |
//! | relayed v6 (§19.1.1) | RELAY-FORW: 18 (interface-id), 9 (the client's message) |
//!
//! A DHCPv4 message is padded to the 300 bytes of a BOOTP message (RFC
//! 1542 §2.1: relays and servers may drop a shorter one), as ISC dhclient
//! does.
//!
//! ```
//! use ztp_options::client::{V4Client, V4Kind};
//! use ztp_options::v4::{Message, MessageType, OptionCode};
//! use ztp_options::vendor::{Identity, IdentityRepr, Vendor};
//!
//! let id = IdentityRepr::new(Vendor::Juniper)
//!     .with_model("qfx5120-48y")
//!     .with_serial("WS3718440123")
//!     .with_version("23.4R2");
//! let mut discover = V4Client::new(V4Kind::Discover, 0x5a7e_0001, [0x02, 0, 0, 0, 0, 1]);
//! discover.identity = Some(id.clone());
//! let bytes = discover.to_vec()?;
//! let msg = Message::new_checked(&bytes[..])?;
//! assert_eq!(msg.xid(), 0x5a7e_0001);
//! let kind = msg.option(OptionCode::MESSAGE_TYPE)?.map(|o| o.value.into_owned());
//! assert_eq!(kind, Some(vec![MessageType::DISCOVER.get()]));
//! assert_eq!(Identity::from_v4(&bytes)?.to_repr(), Some(id));
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```

use alloc::vec::Vec;
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::error::{EncodeError, EncodeErrorKind, Item};
use crate::family::Family;
use crate::v4;
use crate::v6;
use crate::vendor::IdentityRepr;

type EncodeResult<T> = core::result::Result<T, EncodeError>;

/// The parameter request list (55) of a client without a vendor identity:
/// subnet mask, router, DNS, domain name, 43, 66, 67, 150.
pub const PLAIN_PRL: [u8; 8] = [1, 3, 6, 15, 43, 66, 67, 150];

/// The option request option (6) of a DHCPv6 client without a vendor
/// identity: 17, DNS servers (23), domain list (24), boot file URL (59).
pub const PLAIN_ORO: [u16; 4] = [17, 23, 24, 59];

/// The smallest DHCPv4 message sent: a BOOTP message's 300 bytes (RFC 1542
/// §2.1).
pub const V4_MIN_LEN: usize = 300;

/// The BOOTP broadcast flag (RFC 2131 §2, figure 2).
pub const BROADCAST: u16 = 0x8000;

/// Option 82 (relay agent information, RFC 3046).
pub const RELAY_AGENT_INFORMATION: v4::OptionCode = v4::OptionCode::new(82);

/// Option 57 (maximum DHCP message size, RFC 2132 §9.10).
pub const MAX_MESSAGE_SIZE: v4::OptionCode = v4::OptionCode::new(57);

/// The longest DUID (RFC 8415 §11.1: 128 bytes and the 2-byte type).
pub const MAX_DUID_LEN: usize = 130;

/// Why a client message cannot be written, in
/// [`EncodeErrorKind::Client`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ClientProblem {
    /// 0.0.0.0 or `::` where the RFC needs an address: a relay's `giaddr`,
    /// 50 and 54 of a REQUEST, `ciaddr` and 54 of a RELEASE, a v6 relay's
    /// peer-address.
    UnspecifiedAddress,
    /// An empty value where the RFC needs at least one byte: an option 82
    /// sub-option, an interface-id, a server DUID.
    Empty,
    /// Option 57 under 576 (RFC 2132 §9.10: the minimum legal value).
    MaxMessageSizeTooSmall,
    /// An IA_NA shorter than its 12 bytes of IAID, T1 and T2 (RFC 8415
    /// §21.4).
    ShortIaNa,
}

impl ClientProblem {
    /// The lowercase description.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClientProblem::UnspecifiedAddress => "the address is unspecified",
            ClientProblem::Empty => "the value is empty",
            ClientProblem::MaxMessageSizeTooSmall => "the maximum message size is under 576",
            ClientProblem::ShortIaNa => "the IA_NA is shorter than 12 bytes",
        }
    }
}

impl fmt::Display for ClientProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn problem(item: Item, problem: ClientProblem) -> EncodeError {
    EncodeError::new(item, EncodeErrorKind::Client { problem })
}

fn v4_item(code: u8) -> Item {
    Item::option(Family::V4, u16::from(code))
}

fn v6_item(code: v6::OptionCode) -> Item {
    Item::option(Family::V6, code.get())
}

// ------------------------------------------------------------------ DHCPv4

/// Which DHCPv4 message the client sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum V4Kind {
    /// DHCPDISCOVER.
    Discover,
    /// DHCPREQUEST in the SELECTING state (RFC 2131 §4.3.2): 50 and 54
    /// from the chosen OFFER (`yiaddr`, its 54), `ciaddr` 0.
    Request {
        /// Option 50: the offered address.
        requested: Ipv4Addr,
        /// Option 54: the server identifier of the OFFER.
        server: Ipv4Addr,
    },
    /// DHCPRELEASE (RFC 2131 §4.4.6): `ciaddr` and 54.
    Release {
        /// `ciaddr`: the leased address.
        client: Ipv4Addr,
        /// Option 54: the server that leased it.
        server: Ipv4Addr,
    },
}

impl V4Kind {
    /// The option 53 value.
    pub const fn message_type(&self) -> v4::MessageType {
        match self {
            V4Kind::Discover => v4::MessageType::DISCOVER,
            V4Kind::Request { .. } => v4::MessageType::REQUEST,
            V4Kind::Release { .. } => v4::MessageType::RELEASE,
        }
    }
}

/// A DHCPv4 relay agent between the client and the server (RFC 3046,
/// RFC 2131 §4.1): it sets `giaddr`, counts one hop and appends option 82.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct V4Relay {
    /// `giaddr`: the relay's address on the client's link.
    pub giaddr: Ipv4Addr,
    /// Option 82 sub-option 1, the agent circuit id.
    pub circuit_id: Option<Vec<u8>>,
    /// Option 82 sub-option 2, the agent remote id.
    pub remote_id: Option<Vec<u8>>,
}

impl V4Relay {
    /// A relay at `giaddr` that adds no option 82.
    pub const fn new(giaddr: Ipv4Addr) -> Self {
        V4Relay {
            giaddr,
            circuit_id: None,
            remote_id: None,
        }
    }

    /// With this circuit id (sub-option 1).
    #[must_use]
    pub fn with_circuit_id(mut self, id: &[u8]) -> Self {
        self.circuit_id = Some(id.to_vec());
        self
    }

    /// With this remote id (sub-option 2).
    #[must_use]
    pub fn with_remote_id(mut self, id: &[u8]) -> Self {
        self.remote_id = Some(id.to_vec());
        self
    }

    /// The option 82 value; `None` without sub-options.
    ///
    /// # Errors
    ///
    /// [`ClientProblem::Empty`] for an empty sub-option,
    /// [`EncodeErrorKind::TooLong`] past the option's 255 bytes (RFC 3046
    /// §2.0).
    pub fn option82(&self) -> EncodeResult<Option<Vec<u8>>> {
        let mut v = Vec::new();
        for (code, id) in [(1u8, &self.circuit_id), (2, &self.remote_id)] {
            let Some(id) = id else { continue };
            let item = v4_item(82).suboption(u16::from(code));
            if id.is_empty() {
                return Err(problem(item, ClientProblem::Empty));
            }
            let len = u8::try_from(id.len()).map_err(|_| {
                EncodeError::new(
                    item,
                    EncodeErrorKind::TooLong {
                        len: id.len(),
                        max: 255,
                    },
                )
            })?;
            v.push(code);
            v.push(len);
            v.extend_from_slice(id);
        }
        if v.len() > 255 {
            return Err(EncodeError::new(
                v4_item(82),
                EncodeErrorKind::TooLong {
                    len: v.len(),
                    max: 255,
                },
            ));
        }
        Ok((!v.is_empty()).then_some(v))
    }
}

/// A DHCPv4 client message (`op` 1, Ethernet `htype`/`hlen`, the MAC in
/// `chaddr`).
///
/// See the [module](self) for what each kind carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct V4Client {
    /// DISCOVER, REQUEST or RELEASE.
    pub kind: V4Kind,
    /// `xid` (a REQUEST repeats the OFFER's).
    pub xid: u32,
    /// `chaddr`.
    pub mac: [u8; 6],
    /// The vendor's identity options; `None` is a plain client
    /// ([`PLAIN_PRL`]). Its `mac` must be `None` (DHCPv4 carries the MAC in
    /// `chaddr`).
    pub identity: Option<IdentityRepr>,
    /// The broadcast flag (never set in a RELEASE, which is unicast).
    pub broadcast: bool,
    /// Option 57 (not in a RELEASE).
    pub max_message_size: Option<u16>,
    /// Sent through a relay agent.
    pub relay: Option<V4Relay>,
}

impl V4Client {
    /// A plain client's message: no identity, no broadcast flag, no 57, no
    /// relay.
    pub const fn new(kind: V4Kind, xid: u32, mac: [u8; 6]) -> Self {
        V4Client {
            kind,
            xid,
            mac,
            identity: None,
            broadcast: false,
            max_message_size: None,
            relay: None,
        }
    }

    /// With this identity.
    #[must_use]
    pub fn with_identity(mut self, identity: IdentityRepr) -> Self {
        self.identity = Some(identity);
        self
    }

    /// Through this relay.
    #[must_use]
    pub fn with_relay(mut self, relay: V4Relay) -> Self {
        self.relay = Some(relay);
        self
    }

    /// The options, in the order they are written (53 first, 82 last as
    /// RFC 3046 §2.1 asks).
    ///
    /// # Errors
    ///
    /// As [`V4Client::to_repr`].
    pub fn options(&self) -> EncodeResult<v4::OptionSet> {
        use v4::OptionCode as C;
        let mut set = v4::OptionSet::new();
        set.insert(C::MESSAGE_TYPE, alloc::vec![self.kind.message_type().get()])?;
        let nonzero = |a: Ipv4Addr, code: u8| {
            if a.is_unspecified() {
                Err(problem(v4_item(code), ClientProblem::UnspecifiedAddress))
            } else {
                Ok(a.octets().to_vec())
            }
        };
        let identity = match &self.identity {
            Some(id) => Some(id.to_v4_options()?),
            None => None,
        };
        match self.kind {
            V4Kind::Release { client, server } => {
                if client.is_unspecified() {
                    return Err(problem(
                        Item::message(Family::V4),
                        ClientProblem::UnspecifiedAddress,
                    ));
                }
                set.insert(C::SERVER_IDENTIFIER, nonzero(server, 54)?)?;
                // Table 5: of the identity, 61 only.
                if let Some(cid) = identity.as_ref().and_then(|s| s.get(C::CLIENT_IDENTIFIER)) {
                    set.insert(C::CLIENT_IDENTIFIER, cid.to_vec())?;
                }
            }
            V4Kind::Discover | V4Kind::Request { .. } => {
                if let V4Kind::Request { requested, server } = self.kind {
                    set.insert(C::REQUESTED_ADDRESS, nonzero(requested, 50)?)?;
                    set.insert(C::SERVER_IDENTIFIER, nonzero(server, 54)?)?;
                }
                match identity {
                    Some(options) => {
                        for o in &options {
                            set.insert(o.code, o.value.clone())?;
                        }
                    }
                    None => set.insert(C::PARAMETER_REQUEST_LIST, PLAIN_PRL.to_vec())?,
                }
                if let Some(size) = self.max_message_size {
                    if size < 576 {
                        return Err(problem(v4_item(57), ClientProblem::MaxMessageSizeTooSmall));
                    }
                    set.insert(MAX_MESSAGE_SIZE, size.to_be_bytes().to_vec())?;
                }
            }
        }
        if let Some(relay) = &self.relay {
            if relay.giaddr.is_unspecified() {
                return Err(problem(
                    Item::message(Family::V4),
                    ClientProblem::UnspecifiedAddress,
                ));
            }
            if let Some(v) = relay.option82()? {
                set.insert(RELAY_AGENT_INFORMATION, v)?;
            }
        }
        Ok(set)
    }

    /// The message, owned (padded to [`V4_MIN_LEN`]).
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::Identity`] / [`EncodeErrorKind::NotInFamily`]
    /// from [`IdentityRepr::to_v4_options`]; [`EncodeErrorKind::Client`]
    /// for an unspecified address, an empty 82 sub-option or a 57 under
    /// 576; [`EncodeErrorKind::TooLong`] for an option 82 over 255 bytes.
    pub fn to_repr(&self) -> EncodeResult<v4::MessageRepr> {
        let options = self.options()?;
        let mut chaddr = [0u8; 16];
        chaddr.iter_mut().zip(self.mac).for_each(|(d, s)| *d = s);
        let (ciaddr, flags) = match self.kind {
            V4Kind::Release { client, .. } => (client, 0),
            _ => (
                Ipv4Addr::UNSPECIFIED,
                if self.broadcast { BROADCAST } else { 0 },
            ),
        };
        let mut repr = v4::MessageRepr::reply(options);
        repr.op = 1;
        repr.xid = self.xid;
        repr.flags = flags;
        repr.ciaddr = ciaddr;
        repr.chaddr = chaddr;
        if let Some(relay) = &self.relay {
            repr.giaddr = relay.giaddr;
            repr.hops = 1;
        }
        // Padded only when short, as `MessageRepr::parse` reads it back.
        if repr.buffer_len() < V4_MIN_LEN {
            repr.min_len = V4_MIN_LEN;
        }
        Ok(repr)
    }

    /// The message's bytes.
    ///
    /// # Errors
    ///
    /// As [`V4Client::to_repr`].
    pub fn to_vec(&self) -> EncodeResult<Vec<u8>> {
        Ok(self.to_repr()?.to_vec())
    }
}

// ------------------------------------------------------------------ DHCPv6

/// Which DHCPv6 message the client sends.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum V6Kind {
    /// SOLICIT (RFC 8415 §18.2.1).
    Solicit,
    /// REQUEST (§18.2.2).
    Request {
        /// Option 2 of the ADVERTISE: the server's DUID.
        server_id: Vec<u8>,
        /// Option 3 of the ADVERTISE: the IA_NA's value (IAID, T1, T2,
        /// its options).
        ia_na: Vec<u8>,
    },
    /// RELEASE (§18.2.7).
    Release {
        /// Option 2 of the REPLY.
        server_id: Vec<u8>,
        /// Option 3 of the REPLY: the IA_NA released.
        ia_na: Vec<u8>,
    },
}

impl V6Kind {
    /// The message type.
    pub const fn message_type(&self) -> v6::MessageType {
        match self {
            V6Kind::Solicit => v6::MessageType::SOLICIT,
            V6Kind::Request { .. } => v6::MessageType::REQUEST,
            V6Kind::Release { .. } => v6::MessageType::RELEASE,
        }
    }
}

/// A DHCPv6 relay agent (RFC 8415 §19.1.1): the client's message goes in
/// a RELAY-FORW's option 9.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct V6Relay {
    /// Hop count: 0 for the first relay after the client.
    pub hop_count: u8,
    /// An address on the client's link (`::` when the interface-id
    /// names the link instead).
    pub link_address: Ipv6Addr,
    /// The client's source address.
    pub peer_address: Ipv6Addr,
    /// Option 18.
    pub interface_id: Option<Vec<u8>>,
}

impl V6Relay {
    /// A first relay (hop count 0) without interface-id.
    pub const fn new(link_address: Ipv6Addr, peer_address: Ipv6Addr) -> Self {
        V6Relay {
            hop_count: 0,
            link_address,
            peer_address,
            interface_id: None,
        }
    }

    /// With this interface-id (option 18).
    #[must_use]
    pub fn with_interface_id(mut self, id: &[u8]) -> Self {
        self.interface_id = Some(id.to_vec());
        self
    }
}

/// A DHCPv6 client message.
///
/// The client id (option 1) is the identity's DUID when it writes one
/// (its `mac`'s DUID-LL, IOS-XR's DUID-EN, CR2), else the DUID-LL of
/// `mac`: [`Identity::from_v6`](crate::vendor::Identity::from_v6) reads
/// that MAC back as the identity's.
///
/// ```
/// use ztp_options::client::{V6Client, V6Kind, V6Relay};
/// use ztp_options::v6::{Lease, MessageType};
///
/// let link = "2001:db8:0:1::1".parse()?;
/// let peer = "fe80::1".parse()?;
/// let solicit = V6Client::new(V6Kind::Solicit, [1, 2, 3], [2, 0, 0, 0, 0, 1])
///     .with_relay(V6Relay::new(link, peer).with_interface_id(b"ge-0/0/1"));
/// let bytes = solicit.to_vec()?;
/// let lease = Lease::parse(&bytes)?; // unwraps the RELAY-FORW
/// assert_eq!(lease.relay_depth(), 1);
/// assert_eq!(lease.message_type(), MessageType::SOLICIT);
/// assert_eq!(lease.transaction_id(), Some([1, 2, 3]));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct V6Client {
    /// SOLICIT, REQUEST or RELEASE.
    pub kind: V6Kind,
    /// The transaction id.
    pub transaction_id: [u8; 3],
    /// The MAC of the DUID-LL, when the identity writes no DUID.
    pub mac: [u8; 6],
    /// The IAID of a SOLICIT's IA_NA.
    pub iaid: u32,
    /// Option 8, in hundredths of a second.
    pub elapsed: u16,
    /// The vendor's identity options (not in a RELEASE); `None` is a
    /// plain client ([`PLAIN_ORO`]).
    pub identity: Option<IdentityRepr>,
    /// Sent through a relay agent.
    pub relay: Option<V6Relay>,
}

impl V6Client {
    /// A plain client's message: IAID 1, elapsed time 0, no identity, no
    /// relay.
    pub const fn new(kind: V6Kind, transaction_id: [u8; 3], mac: [u8; 6]) -> Self {
        V6Client {
            kind,
            transaction_id,
            mac,
            iaid: 1,
            elapsed: 0,
            identity: None,
            relay: None,
        }
    }

    /// With this identity.
    #[must_use]
    pub fn with_identity(mut self, identity: IdentityRepr) -> Self {
        self.identity = Some(identity);
        self
    }

    /// Through this relay.
    #[must_use]
    pub fn with_relay(mut self, relay: V6Relay) -> Self {
        self.relay = Some(relay);
        self
    }

    /// The DUID-LL of `mac` (RFC 8415 §11.4).
    pub fn duid_ll(&self) -> Vec<u8> {
        let mut v = alloc::vec![0, 3, 0, 1];
        v.extend_from_slice(&self.mac);
        v
    }

    /// The client's message, without the relay.
    ///
    /// # Errors
    ///
    /// As [`V6Client::to_repr`].
    pub fn client_repr(&self) -> EncodeResult<v6::MessageRepr> {
        use v6::OptionCode as C;
        let identity = match &self.identity {
            Some(id) => Some(id.to_v6_options()?),
            None => None,
        };
        let mut set = v6::OptionSet::new();
        let duid = identity
            .as_ref()
            .and_then(|s| s.get(C::CLIENT_ID))
            .map_or_else(|| self.duid_ll(), <[u8]>::to_vec);
        set.push(C::CLIENT_ID, duid);
        let server = |id: &[u8]| -> EncodeResult<Vec<u8>> {
            if id.is_empty() {
                return Err(problem(v6_item(C::SERVER_ID), ClientProblem::Empty));
            }
            if id.len() > MAX_DUID_LEN {
                return Err(EncodeError::new(
                    v6_item(C::SERVER_ID),
                    EncodeErrorKind::TooLong {
                        len: id.len(),
                        max: MAX_DUID_LEN,
                    },
                ));
            }
            Ok(id.to_vec())
        };
        let ia = |ia: &[u8]| -> EncodeResult<Vec<u8>> {
            if ia.len() < 12 {
                return Err(problem(v6_item(C::IA_NA), ClientProblem::ShortIaNa));
            }
            Ok(ia.to_vec())
        };
        let ia_na = match &self.kind {
            V6Kind::Solicit => {
                // IAID, T1 0, T2 0: no preference (§21.4).
                let mut v = self.iaid.to_be_bytes().to_vec();
                v.extend_from_slice(&[0; 8]);
                v
            }
            V6Kind::Request { server_id, ia_na } | V6Kind::Release { server_id, ia_na } => {
                set.push(C::SERVER_ID, server(server_id)?);
                ia(ia_na)?
            }
        };
        set.push(C::ELAPSED_TIME, self.elapsed.to_be_bytes().to_vec());
        set.push(C::IA_NA, ia_na);
        if !matches!(self.kind, V6Kind::Release { .. }) {
            match identity {
                Some(options) => {
                    for o in options.iter().filter(|o| o.code != C::CLIENT_ID) {
                        set.push(o.code, o.value.clone());
                    }
                }
                None => set.push(
                    C::ORO,
                    PLAIN_ORO.iter().flat_map(|c| c.to_be_bytes()).collect(),
                ),
            }
        }
        Ok(v6::MessageRepr {
            header: v6::Header::Client {
                msg_type: self.kind.message_type(),
                transaction_id: self.transaction_id,
            },
            options: set,
        })
    }

    /// The message, owned: the client's, or the RELAY-FORW holding it.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::Identity`] / [`EncodeErrorKind::NotInFamily`]
    /// from [`IdentityRepr::to_v6_options`]; [`EncodeErrorKind::Client`]
    /// for an empty server id or interface-id, a short IA_NA, an
    /// unspecified peer-address; [`EncodeErrorKind::TooLong`] for a
    /// server id over [`MAX_DUID_LEN`] or an option over 65535 bytes.
    pub fn to_repr(&self) -> EncodeResult<v6::MessageRepr> {
        let inner = self.client_repr()?;
        let Some(relay) = &self.relay else {
            return Ok(inner);
        };
        if relay.peer_address.is_unspecified() {
            return Err(problem(
                Item::message(Family::V6),
                ClientProblem::UnspecifiedAddress,
            ));
        }
        let mut set = v6::OptionSet::new();
        if let Some(id) = &relay.interface_id {
            if id.is_empty() {
                return Err(problem(
                    v6_item(v6::OptionCode::INTERFACE_ID),
                    ClientProblem::Empty,
                ));
            }
            set.push(v6::OptionCode::INTERFACE_ID, id.clone());
        }
        set.push(v6::OptionCode::RELAY_MSG, inner.to_vec()?);
        Ok(v6::MessageRepr {
            header: v6::Header::Relay {
                msg_type: v6::MessageType::RELAY_FORW,
                hop_count: relay.hop_count,
                link_address: relay.link_address,
                peer_address: relay.peer_address,
            },
            options: set,
        })
    }

    /// The message's bytes.
    ///
    /// # Errors
    ///
    /// As [`V6Client::to_repr`].
    pub fn to_vec(&self) -> EncodeResult<Vec<u8>> {
        self.to_repr()?.to_vec()
    }
}

// --------------------------------------------------------------- arbitrary

#[cfg(feature = "arbitrary")]
fn arbitrary_id(u: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<Vec<u8>> {
    let len = u.int_in_range(1..=40)?;
    Ok(u.bytes(len)?.to_vec())
}

#[cfg(feature = "arbitrary")]
fn arbitrary_addr(u: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<Ipv4Addr> {
    Ok(Ipv4Addr::from(u.int_in_range(1..=u32::MAX)?))
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for V4Client {
    /// A client that encodes: a known identity
    /// ([`IdentityRepr::arbitrary_v4`]) or none, addresses set, 57 at
    /// least 576, option 82 sub-options of 1..=40 bytes.
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let kind = match u.int_in_range(0..=2)? {
            0 => V4Kind::Discover,
            1 => V4Kind::Request {
                requested: arbitrary_addr(u)?,
                server: arbitrary_addr(u)?,
            },
            _ => V4Kind::Release {
                client: arbitrary_addr(u)?,
                server: arbitrary_addr(u)?,
            },
        };
        let mut c = V4Client::new(kind, u.arbitrary()?, u.arbitrary()?);
        if u.arbitrary()? {
            c.identity = Some(IdentityRepr::arbitrary_v4(u)?);
        }
        c.broadcast = u.arbitrary()?;
        if u.arbitrary()? {
            c.max_message_size = Some(u.int_in_range(576..=u16::MAX)?);
        }
        if u.arbitrary()? {
            let mut relay = V4Relay::new(arbitrary_addr(u)?);
            if u.arbitrary()? {
                relay.circuit_id = Some(arbitrary_id(u)?);
            }
            if u.arbitrary()? {
                relay.remote_id = Some(arbitrary_id(u)?);
            }
            c.relay = Some(relay);
        }
        Ok(c)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for V6Client {
    /// A client that encodes: a known identity
    /// ([`IdentityRepr::arbitrary_v6`]) or none, a server id of 1..=130
    /// bytes, an IA_NA of at least 12, a peer-address set.
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let pair = |u: &mut arbitrary::Unstructured<'a>| -> arbitrary::Result<_> {
            let len = u.int_in_range(1..=MAX_DUID_LEN)?;
            let server_id = u.bytes(len)?.to_vec();
            let len = u.int_in_range(12..=60)?;
            Ok((server_id, u.bytes(len)?.to_vec()))
        };
        let kind = match u.int_in_range(0..=2)? {
            0 => V6Kind::Solicit,
            1 => {
                let (server_id, ia_na) = pair(u)?;
                V6Kind::Request { server_id, ia_na }
            }
            _ => {
                let (server_id, ia_na) = pair(u)?;
                V6Kind::Release { server_id, ia_na }
            }
        };
        let mut c = V6Client::new(kind, u.arbitrary()?, u.arbitrary()?);
        c.iaid = u.arbitrary()?;
        c.elapsed = u.arbitrary()?;
        if u.arbitrary()? {
            c.identity = Some(IdentityRepr::arbitrary_v6(u)?);
        }
        if u.arbitrary()? {
            let peer = Ipv6Addr::from(u.int_in_range(1..=u128::MAX)?);
            let mut relay = V6Relay::new(u.arbitrary()?, peer);
            relay.hop_count = u.int_in_range(0..=31)?;
            if u.arbitrary()? {
                relay.interface_id = Some(arbitrary_id(u)?);
            }
            c.relay = Some(relay);
        }
        Ok(c)
    }
}
