//! One message of a client's exchange with the servers, as a step of its
//! timeline: who the client is (named as [`Summary`](crate::Summary) names
//! it), which message it is (DISCOVER, OFFER, REQUEST, ACK, SOLICIT,
//! ADVERTISE, REPLY...), its transaction id, and who sent it. The browser
//! page draws a client's steps over time from these; retries are the same
//! client message seen again.

use ztp_options::{Family, v4, v6};

use crate::report::{self, Kind, Xid};
use crate::summary::ClientName;

/// Who sent a message of the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    /// The client (v4 BOOTREQUEST; v6 SOLICIT, REQUEST, RENEW, RELAY-FORW...).
    Client,
    /// A server, in a reply the device acts on (v4 OFFER/ACK or a BOOTP
    /// reply, v6 ADVERTISE/REPLY).
    Reply,
    /// A server, in another message (v4 NAK, v6 RECONFIGURE...), or a
    /// message whose type does not decode.
    Other,
}

/// One message as a step of its client's exchange.
///
/// ```
/// use ztp_explain::exchange::{Sender, step};
/// use ztp_options::{Family, samples};
///
/// let ack = step(samples::V4_ACK, Family::V4).unwrap();
/// assert_eq!(ack.message, "ACK");
/// assert_eq!(ack.client, "2c:6b:f5:a1:b2:03");
/// assert_eq!(ack.xid, Some(0x3903_f326));
/// assert_eq!(ack.sender, Sender::Reply);
///
/// let reply = step(samples::V6_REPLY, Family::V6).unwrap();
/// assert_eq!(reply.message, "REPLY");
/// assert_eq!(reply.client, "duid 000300012c6bf5a1b203");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The client, as the summary's `per_client[].client` names it: its MAC
    /// address (v4 `chaddr`), `duid` and the DUID's hex (v6, relays
    /// unwrapped), or `unknown`.
    pub client: String,
    /// DHCPv4 or DHCPv6.
    pub family: Family,
    /// The message type as the reports name it (`DISCOVER`, `ACK`,
    /// `SOLICIT`, `REPLY`, `BOOTP`, `message type 9`...).
    pub message: String,
    /// The transaction id (v4: 4 bytes, v6: 3 bytes), when there is one.
    pub xid: Option<u32>,
    /// Who sent it.
    pub sender: Sender,
}

/// The step of one message; `None` when it is too short to name its
/// client (a v4 message without its fixed header, a v6 message that does
/// not decode).
pub fn step(bytes: &[u8], family: Family) -> Option<Step> {
    let mut key = Vec::with_capacity(24);
    let (kind, xid) = match family {
        Family::V4 => {
            if bytes.len() < 236 {
                return None;
            }
            let (xid, chaddr) = report::v4_header(bytes);
            key.push(4);
            key.extend_from_slice(chaddr.unwrap_or(&[]));
            let op = bytes.first().copied().unwrap_or(0);
            let kind = match v4::Lease::parse(bytes) {
                Ok(lease) => Kind::V4(op, lease.message_type().ok().flatten()),
                Err(_) => Kind::Unknown,
            };
            (kind, xid)
        }
        Family::V6 => {
            let lease = v6::Lease::parse(bytes).ok()?;
            let duid = lease
                .message()
                .instances(v6::OptionCode::CLIENT_ID)
                .next()
                .and_then(Result::ok)
                .map(|o| o.value);
            key.push(6);
            key.extend_from_slice(duid.unwrap_or(&[]));
            (
                Kind::V6(lease.message_type()),
                lease.transaction_id().map(Xid::V6),
            )
        }
    };
    let sender = if kind.is_client() {
        Sender::Client
    } else if kind.is_reply() {
        Sender::Reply
    } else {
        Sender::Other
    };
    Some(Step {
        client: ClientName(&key).to_string(),
        family,
        message: kind.to_string(),
        xid: xid.map(Xid::value),
        sender,
    })
}
