//! The probe's exchange without I/O: the client's messages it sends (built
//! by `ztp_options::client`), which replies belong to it, and what each
//! reply says for the next step (the offered address, the server's
//! identifier, the IA_NA to request).

use std::net::{Ipv4Addr, Ipv6Addr};

use ztp_options::EncodeError;
use ztp_options::client::{V4Client, V4Kind, V4Relay, V6Client, V6Kind, V6Relay};
use ztp_options::v4::{self, OptionCode};
use ztp_options::v6;
use ztp_options::vendor::{IdentityRepr, Vendor};

/// Who the probe says it is: the MAC in `chaddr` (and the DUID-LL), and
/// the vendor's identity options, if any.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    pub(crate) mac: [u8; 6],
    pub(crate) identity: Option<IdentityRepr>,
}

/// A locally administered, unicast MAC address derived from what names
/// the switch (vendor, model, serial), so that probing the same switch
/// again asks for the same lease instead of draining the pool: FNV-1a 64
/// of the three, its first six bytes, with the U/L bit set and the I/G bit
/// clear (IEEE 802 §8.4, a **choice** of hash).
pub(crate) fn derived_mac(vendor: Option<Vendor>, model: &str, serial: &str) -> [u8; 6] {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = OFFSET;
    let name = vendor.map_or("", |v| v.as_str());
    for part in ["ztp-probe", name, model, serial] {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    let b = h.to_be_bytes();
    [(b[0] & 0xfc) | 0x02, b[1], b[2], b[3], b[4], b[5]]
}

/// The link-local address of a MAC's modified EUI-64 (RFC 4291 §2.5.1,
/// appendix A): the peer address a relay writes for the probe.
pub(crate) fn link_local(mac: [u8; 6]) -> Ipv6Addr {
    Ipv6Addr::from([
        0xfe,
        0x80,
        0,
        0,
        0,
        0,
        0,
        0,
        mac[0] ^ 0x02,
        mac[1],
        mac[2],
        0xff,
        0xfe,
        mac[3],
        mac[4],
        mac[5],
    ])
}

/// A DHCPv4 relay the probe plays: its address (`giaddr`) and option 82.
#[derive(Debug, Clone)]
pub(crate) struct Relay4 {
    pub(crate) address: Ipv4Addr,
    pub(crate) circuit_id: Option<Vec<u8>>,
    pub(crate) remote_id: Option<Vec<u8>>,
}

/// A DHCPv6 relay the probe plays: its address (the link-address) and the
/// interface-id.
#[derive(Debug, Clone)]
pub(crate) struct Relay6 {
    pub(crate) address: Ipv6Addr,
    pub(crate) interface_id: Option<Vec<u8>>,
}

/// The client's DHCPv4 message of `kind`, relayed when `relay` is given.
pub(crate) fn v4_message(
    client: &Client,
    kind: V4Kind,
    xid: u32,
    relay: Option<&Relay4>,
) -> Result<Vec<u8>, EncodeError> {
    let release = matches!(kind, V4Kind::Release { .. });
    let mut m = V4Client::new(kind, xid, client.mac);
    m.identity = client.identity.clone();
    // On-link, the server may answer a client with no address only by
    // broadcast; a relayed message is answered to the relay.
    m.broadcast = relay.is_none() && !release;
    m.max_message_size = (!release).then_some(1500);
    if let Some(r) = relay {
        let mut relay = V4Relay::new(r.address);
        if let Some(id) = &r.circuit_id {
            relay = relay.with_circuit_id(id);
        }
        if let Some(id) = &r.remote_id {
            relay = relay.with_remote_id(id);
        }
        m = m.with_relay(relay);
    }
    m.to_vec()
}

/// The client's DHCPv6 message of `kind`, in a RELAY-FORW when `relay` is
/// given.
pub(crate) fn v6_message(
    client: &Client,
    kind: V6Kind,
    transaction_id: [u8; 3],
    elapsed: u16,
    relay: Option<&Relay6>,
) -> Result<Vec<u8>, EncodeError> {
    let mut m = V6Client::new(kind, transaction_id, client.mac);
    m.elapsed = elapsed;
    // A RELEASE carries the identity's DUID only (the same client id as
    // the SOLICIT). IOS-XR writes its own DUID-EN (CR2); every other
    // vendor's DUID-LL is built from the probe's MAC.
    m.identity = client.identity.clone().map(|id| {
        if id.vendor == Vendor::CiscoIosXr {
            id
        } else {
            id.with_mac(client.mac)
        }
    });
    if let Some(r) = relay {
        let mut relay = V6Relay::new(r.address, link_local(client.mac));
        if let Some(id) = &r.interface_id {
            relay = relay.with_interface_id(id);
        }
        m = m.with_relay(relay);
    }
    m.to_vec()
}

/// A DHCPv4 server's answer to the probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Answer4 {
    /// Option 53 (OFFER, ACK, NAK).
    pub(crate) kind: v4::MessageType,
    /// Option 54, or the sender's address without it.
    pub(crate) server: Ipv4Addr,
    /// `yiaddr`.
    pub(crate) address: Ipv4Addr,
}

/// `bytes` as an answer to the probe's `xid` and `mac`: a BOOTREPLY with
/// both, and its option 53; `None` for anything else (another client's
/// traffic, a request, something that does not decode).
pub(crate) fn v4_answer(bytes: &[u8], xid: u32, mac: [u8; 6], from: Ipv4Addr) -> Option<Answer4> {
    let msg = v4::Message::new_checked(bytes).ok()?;
    if msg.op() != 2 || msg.xid() != xid || msg.chaddr().get(..6) != Some(&mac[..]) {
        return None;
    }
    let kind = msg.option(OptionCode::MESSAGE_TYPE).ok()??;
    let kind = v4::MessageType::new(*kind.value.first()?);
    let server = match msg.option(OptionCode::SERVER_IDENTIFIER).ok()? {
        Some(v) => <[u8; 4]>::try_from(&v.value[..]).map_or(from, Ipv4Addr::from),
        None => from,
    };
    Some(Answer4 {
        kind,
        server,
        address: msg.yiaddr(),
    })
}

/// A DHCPv6 server's answer to the probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Answer6 {
    /// ADVERTISE or REPLY (of the inner message, relays unwrapped).
    pub(crate) kind: v6::MessageType,
    /// Option 2, the server's DUID.
    pub(crate) server_id: Option<Vec<u8>>,
    /// Option 3: the IA_NA's value, when it holds an address (option 5).
    pub(crate) ia_na: Option<Vec<u8>>,
    /// The first IA_ADDR's address in it.
    pub(crate) address: Option<Ipv6Addr>,
}

/// `bytes` (a message, or a RELAY-REPL around it) as an answer to the
/// probe's `transaction_id`; `None` for anything else.
pub(crate) fn v6_answer(bytes: &[u8], transaction_id: [u8; 3]) -> Option<Answer6> {
    let lease = v6::Lease::parse(bytes).ok()?;
    if lease.transaction_id() != Some(transaction_id) {
        return None;
    }
    let kind = lease.message_type();
    if kind != v6::MessageType::ADVERTISE && kind != v6::MessageType::REPLY {
        return None;
    }
    let msg = lease.message();
    let mut answer = Answer6 {
        kind,
        server_id: None,
        ia_na: None,
        address: None,
    };
    for option in msg.options() {
        let option = option.ok()?;
        if option.code == v6::OptionCode::SERVER_ID && answer.server_id.is_none() {
            answer.server_id = Some(option.value.to_vec());
        } else if option.code == v6::OptionCode::IA_NA
            && answer.ia_na.is_none()
            && let Some(address) = ia_address(option.value)
        {
            answer.ia_na = Some(option.value.to_vec());
            answer.address = Some(address);
        }
    }
    Some(answer)
}

/// The first IA_ADDR's address inside an IA_NA's value (IAID, T1, T2 and
/// its options, RFC 8415 §21.4, §21.6).
fn ia_address(ia_na: &[u8]) -> Option<Ipv6Addr> {
    let mut rest = ia_na.get(12..)?;
    while let Some(&[c0, c1, l0, l1]) = rest.get(..4) {
        let code = u16::from_be_bytes([c0, c1]);
        let len = usize::from(u16::from_be_bytes([l0, l1]));
        let value = rest.get(4..4 + len)?;
        if code == v6::OptionCode::IA_ADDR.get() && value.len() >= 24 {
            let octets: [u8; 16] = value.get(..16)?.try_into().ok()?;
            return Some(Ipv6Addr::from(octets));
        }
        rest = rest.get(4 + len..)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_mac_is_local_unicast_and_stable() {
        let a = derived_mac(Some(Vendor::Juniper), "ex4300-48t", "PE3714100218");
        assert_eq!(a[0] & 0x03, 0x02, "{a:02x?}");
        assert_eq!(
            a,
            derived_mac(Some(Vendor::Juniper), "ex4300-48t", "PE3714100218")
        );
        assert_ne!(
            a,
            derived_mac(Some(Vendor::Juniper), "ex4300-48t", "PE3714100219")
        );
        assert_ne!(
            a,
            derived_mac(Some(Vendor::Arista), "ex4300-48t", "PE3714100218")
        );
    }

    #[test]
    fn link_local_is_the_modified_eui64() {
        let ll = link_local([0x02, 0x00, 0x00, 0xaa, 0xbb, 0xcc]);
        assert_eq!(ll, "fe80::ff:feaa:bbcc".parse::<Ipv6Addr>().unwrap());
    }

    #[test]
    fn a_discover_is_answered_by_its_offer_only() {
        let client = Client {
            mac: [2, 0, 0, 1, 2, 3],
            identity: Some(
                IdentityRepr::new(Vendor::Arista)
                    .with_model("DCS-7050S-64")
                    .with_serial("JPE12345678")
                    .with_version("4.30"),
            ),
        };
        let discover = v4_message(&client, V4Kind::Discover, 7, None).unwrap();
        // A request is not an answer.
        assert_eq!(
            v4_answer(&discover, 7, client.mac, Ipv4Addr::UNSPECIFIED),
            None
        );
        let mut offer = discover.clone();
        offer[0] = 2;
        offer[16..20].copy_from_slice(&[10, 99, 0, 23]);
        // Option 53 is the first option: DISCOVER -> OFFER.
        let at = offer.windows(3).position(|w| w == [53, 1, 1]).unwrap();
        offer[at + 2] = 2;
        let from = Ipv4Addr::new(10, 99, 0, 1);
        assert_eq!(
            v4_answer(&offer, 7, client.mac, from),
            Some(Answer4 {
                kind: v4::MessageType::OFFER,
                server: from,
                address: Ipv4Addr::new(10, 99, 0, 23),
            })
        );
        assert_eq!(v4_answer(&offer, 8, client.mac, from), None, "another xid");
        assert_eq!(
            v4_answer(&offer, 7, [2, 0, 0, 0, 0, 0], from),
            None,
            "another MAC"
        );
    }

    /// What the network sends is read without a panic, whatever it is:
    /// random bytes, and cut or flipped versions of real answers.
    #[test]
    fn any_bytes_are_read_without_panic() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let client = Client {
            mac: [2, 0, 0, 1, 2, 3],
            identity: None,
        };
        let mut real = v4_message(&client, V4Kind::Discover, 7, None).unwrap();
        real[0] = 2;
        let solicit = v6_message(&client, V6Kind::Solicit, [1, 2, 3], 0, None).unwrap();
        for round in 0..20_000 {
            let mut bytes: Vec<u8> = match round % 3 {
                0 => (0..next() % 600).map(|_| next() as u8).collect(),
                1 => real.clone(),
                _ => solicit.clone(),
            };
            if !bytes.is_empty() {
                let cut = (next() as usize) % (bytes.len() + 1);
                bytes.truncate(cut.max(bytes.len() / 2));
                let at = (next() as usize) % bytes.len().max(1);
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= next() as u8;
                }
            }
            let _ = v4_answer(&bytes, 7, client.mac, Ipv4Addr::UNSPECIFIED);
            let _ = v6_answer(&bytes, [1, 2, 3]);
            let _ = ia_address(&bytes);
        }
    }

    #[test]
    fn an_ia_na_address_is_read() {
        let mut ia = vec![0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        ia.extend_from_slice(&[0, 5, 0, 24]);
        ia.extend_from_slice(&"2001:db8::23".parse::<Ipv6Addr>().unwrap().octets());
        ia.extend_from_slice(&[0; 8]);
        assert_eq!(ia_address(&ia), Some("2001:db8::23".parse().unwrap()));
        assert_eq!(ia_address(&ia[..20]), None, "cut short");
        assert_eq!(ia_address(&ia[..12]), None, "no address");
    }
}
