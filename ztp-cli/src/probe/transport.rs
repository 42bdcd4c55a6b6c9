//! The probe's sockets: on-link DHCPv4 through a packet socket (whole
//! Ethernet frames, so that the probe's own MAC is the frame's source as
//! well as `chaddr`, and unicast offers to it are seen), and UDP for
//! DHCPv6 on-link and for both families as a relay agent.
//!
//! The packet socket comes from `pnet_datalink` (libpnet), which wraps
//! `AF_PACKET` (binding to the interface, the read timeout, adding the
//! probe's MAC to what the interface accepts) so that this crate keeps
//! `#![forbid(unsafe_code)]`; the frames are written and read with
//! `etherparse`, which the capture reader already uses.

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6, UdpSocket};
use std::time::{Duration, Instant};

use etherparse::{NetSlice, PacketBuilder, SlicedPacket, TransportSlice};
use pnet_datalink::{Channel, Config, DataLinkReceiver, DataLinkSender, NetworkInterface};

/// DHCPv4 ports (RFC 2131 §4.1).
pub(crate) const SERVER_V4: u16 = 67;
pub(crate) const CLIENT_V4: u16 = 68;
/// DHCPv6 ports (RFC 8415 §7.2).
pub(crate) const CLIENT_V6: u16 = 546;
pub(crate) const SERVER_V6: u16 = 547;
/// All_DHCP_Relay_Agents_and_Servers (RFC 8415 §7.1).
pub(crate) const ALL_SERVERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 1, 2);

/// Why the probe cannot send or listen: what, where, and what to do.
#[derive(Debug)]
pub(crate) struct Problem(pub(crate) String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const CAPS: &str = "run it as root, or give the binary the capabilities: \
                    sudo setcap cap_net_raw,cap_net_bind_service+ep \"$(command -v ztp)\"";

/// A socket error in words: the capability a permission error lacks, the
/// program that holds a taken port.
fn said(e: &io::Error, what: &str, port: Option<u16>) -> Problem {
    let how = match (e.kind(), port) {
        (io::ErrorKind::PermissionDenied, Some(p)) => format!(
            "permission denied: port {p} is below 1024 and needs CAP_NET_BIND_SERVICE; {CAPS}"
        ),
        (io::ErrorKind::PermissionDenied, None) => {
            format!("permission denied: a packet socket needs CAP_NET_RAW; {CAPS}")
        }
        (io::ErrorKind::AddrInUse, Some(p @ (SERVER_V4 | SERVER_V6))) => format!(
            "port {p} is taken: a DHCP server or relay agent runs on this host; \
             probe from a host without one"
        ),
        (io::ErrorKind::AddrInUse, Some(p)) => format!(
            "port {p} is taken: a DHCP client (dhclient, systemd-networkd, NetworkManager, \
             dhcpcd) runs on this host; stop it, or probe as a relay (--server, --relay-address)"
        ),
        (io::ErrorKind::AddrNotAvailable, _) => {
            "the address is not one of this host's (ip address show)".to_owned()
        }
        _ => e.to_string(),
    };
    Problem(format!("cannot {what}: {how}"))
}

/// A message received, with where it came from.
#[derive(Debug)]
pub(crate) struct Received {
    /// The DHCP message (UDP payload).
    pub(crate) bytes: Vec<u8>,
    /// The IP source.
    pub(crate) from: IpAddr,
    /// The frame's source MAC (on-link DHCPv4 only).
    pub(crate) from_mac: Option<[u8; 6]>,
}

/// Where a unicast DHCPv4 frame goes (a RELEASE on-link).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unicast4 {
    pub(crate) to_mac: [u8; 6],
    pub(crate) from: Ipv4Addr,
    pub(crate) to: Ipv4Addr,
}

/// How the probe talks to the servers.
pub(crate) enum Transport {
    /// DHCPv4 on-link: Ethernet frames on the interface.
    Link {
        tx: Box<dyn DataLinkSender>,
        rx: Box<dyn DataLinkReceiver>,
        mac: [u8; 6],
    },
    /// DHCPv6 on-link, or a relay agent: UDP from a bound address.
    Udp { socket: UdpSocket, to: SocketAddr },
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Transport::Link { mac, .. } => f.debug_struct("Link").field("mac", mac).finish(),
            Transport::Udp { socket, to } => f
                .debug_struct("Udp")
                .field("local", &socket.local_addr().ok())
                .field("to", to)
                .finish(),
        }
    }
}

/// How often a blocked read looks at its deadline.
const TICK: Duration = Duration::from_millis(100);

fn interface(name: &str) -> Result<NetworkInterface, Problem> {
    let all = pnet_datalink::interfaces();
    if let Some(i) = all.iter().find(|i| i.name == name) {
        return Ok(i.clone());
    }
    let names: Vec<&str> = all.iter().map(|i| i.name.as_str()).collect();
    Err(Problem(format!(
        "no interface {name:?} here (there are: {})",
        names.join(", ")
    )))
}

impl Transport {
    /// DHCPv4 on `iface`, as `mac`.
    pub(crate) fn link_v4(iface: &str, mac: [u8; 6]) -> Result<Transport, Problem> {
        let i = interface(iface)?;
        if !i.is_up() {
            return Err(Problem(format!(
                "cannot probe on {iface}: the interface is down (ip link set {iface} up)"
            )));
        }
        let own = i.mac.map(|m| m.octets());
        let config = Config {
            read_timeout: Some(TICK),
            // Frames to the probe's MAC are not the interface's own: only
            // a promiscuous socket sees a unicast OFFER to it. The kernel
            // drops the membership when the socket closes.
            promiscuous: own != Some(mac),
            ..Config::default()
        };
        match pnet_datalink::channel(&i, config) {
            Ok(Channel::Ethernet(tx, rx)) => Ok(Transport::Link { tx, rx, mac }),
            Ok(_) => Err(Problem(format!("{iface} is not an Ethernet interface"))),
            Err(e) => Err(said(&e, &format!("open a packet socket on {iface}"), None)),
        }
    }

    /// DHCPv6 on `iface`: from its link-local address, port 546, to
    /// All_DHCP_Relay_Agents_and_Servers.
    pub(crate) fn link_v6(iface: &str) -> Result<Transport, Problem> {
        let i = interface(iface)?;
        let ll = i.ips.iter().find_map(|n| match n.ip() {
            IpAddr::V6(a) if a.is_unicast_link_local() => Some(a),
            _ => None,
        });
        let Some(ll) = ll else {
            return Err(Problem(format!(
                "cannot probe DHCPv6 on {iface}: it has no IPv6 link-local address (fe80::/10); \
                 bring it up with IPv6 enabled (sysctl net.ipv6.conf.{iface}.disable_ipv6=0)"
            )));
        };
        let local = SocketAddrV6::new(ll, CLIENT_V6, 0, i.index);
        let socket = UdpSocket::bind(local).map_err(|e| {
            said(
                &e,
                &format!("listen on [{ll}%{iface}]:{CLIENT_V6}"),
                Some(CLIENT_V6),
            )
        })?;
        socket
            .set_read_timeout(Some(TICK))
            .map_err(|e| Problem(e.to_string()))?;
        let to = SocketAddr::V6(SocketAddrV6::new(ALL_SERVERS, SERVER_V6, 0, i.index));
        Ok(Transport::Udp { socket, to })
    }

    /// A relay agent at `relay`, sending to `server` on the server port of
    /// the family, where the server answers.
    pub(crate) fn relay(relay: IpAddr, server: IpAddr) -> Result<Transport, Problem> {
        let port = if relay.is_ipv4() {
            SERVER_V4
        } else {
            SERVER_V6
        };
        let local = SocketAddr::new(relay, port);
        let socket = UdpSocket::bind(local)
            .map_err(|e| said(&e, &format!("listen as a relay on {local}"), Some(port)))?;
        socket
            .set_read_timeout(Some(TICK))
            .map_err(|e| Problem(e.to_string()))?;
        Ok(Transport::Udp {
            socket,
            to: SocketAddr::new(server, port),
        })
    }

    /// Sends one message: on-link DHCPv4 broadcast from 0.0.0.0, or to
    /// `unicast`; UDP to the servers' address.
    pub(crate) fn send(
        &mut self,
        payload: &[u8],
        unicast: Option<Unicast4>,
    ) -> Result<(), Problem> {
        match self {
            Transport::Link { tx, mac, .. } => {
                let (to_mac, from, to) = match unicast {
                    Some(u) => (u.to_mac, u.from, u.to),
                    None => ([0xff; 6], Ipv4Addr::UNSPECIFIED, Ipv4Addr::BROADCAST),
                };
                let builder = PacketBuilder::ethernet2(*mac, to_mac)
                    .ipv4(from.octets(), to.octets(), 64)
                    .udp(CLIENT_V4, SERVER_V4);
                let mut frame = Vec::with_capacity(builder.size(payload.len()));
                builder
                    .write(&mut frame, payload)
                    .map_err(|e| Problem(format!("cannot write the frame: {e}")))?;
                match tx.send_to(&frame, None) {
                    Some(Ok(())) => Ok(()),
                    Some(Err(e)) => Err(said(&e, "send on the interface", None)),
                    None => Err(Problem("cannot send on the interface".into())),
                }
            }
            Transport::Udp { socket, to } => socket
                .send_to(payload, *to)
                .map(|_| ())
                .map_err(|e| said(&e, &format!("send to {to}"), None)),
        }
    }

    /// The next DHCP message received before `deadline`; `None` when it
    /// passed. On-link DHCPv4 keeps only UDP from port 67 to port 68.
    pub(crate) fn receive(&mut self, deadline: Instant) -> Result<Option<Received>, Problem> {
        while Instant::now() < deadline {
            match self {
                Transport::Link { rx, .. } => match rx.next() {
                    Ok(frame) => {
                        if let Some(r) = dhcp_v4_reply(frame) {
                            return Ok(Some(r));
                        }
                    }
                    Err(e) if waited(&e) => {}
                    Err(e) => return Err(said(&e, "receive on the interface", None)),
                },
                Transport::Udp { socket, .. } => {
                    let mut buf = vec![0u8; 65_535];
                    match socket.recv_from(&mut buf) {
                        Ok((n, from)) => {
                            buf.truncate(n);
                            return Ok(Some(Received {
                                bytes: buf,
                                from: from.ip(),
                                from_mac: None,
                            }));
                        }
                        Err(e) if waited(&e) => {}
                        Err(e) => return Err(said(&e, "receive", None)),
                    }
                }
            }
        }
        Ok(None)
    }
}

/// A read that only timed out.
fn waited(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::Interrupted
    )
}

/// The DHCP message of an Ethernet frame carrying IPv4 UDP from port 67 to
/// port 68.
fn dhcp_v4_reply(frame: &[u8]) -> Option<Received> {
    let p = SlicedPacket::from_ethernet(frame).ok()?;
    let Some(NetSlice::Ipv4(ip)) = &p.net else {
        return None;
    };
    let Some(TransportSlice::Udp(udp)) = &p.transport else {
        return None;
    };
    if udp.source_port() != SERVER_V4 || udp.destination_port() != CLIENT_V4 {
        return None;
    }
    let from_mac = frame.get(6..12).and_then(|m| <[u8; 6]>::try_from(m).ok());
    Some(Received {
        bytes: udp.payload().to_vec(),
        from: IpAddr::V4(ip.header().source_addr()),
        from_mac,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_frame_is_read_and_a_request_frame_is_not() {
        let payload = [2u8, 1, 6, 0, 1, 2, 3, 4];
        let build = |sport, dport| {
            let b = PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [0xff; 6])
                .ipv4([10, 99, 0, 1], [255; 4], 64)
                .udp(sport, dport);
            let mut v = Vec::new();
            b.write(&mut v, &payload).unwrap();
            v
        };
        let r = dhcp_v4_reply(&build(67, 68)).unwrap();
        assert_eq!(r.bytes, payload);
        assert_eq!(r.from, IpAddr::V4(Ipv4Addr::new(10, 99, 0, 1)));
        assert_eq!(r.from_mac, Some([2, 0, 0, 0, 0, 1]));
        assert!(
            dhcp_v4_reply(&build(68, 67)).is_none(),
            "the probe's own frame"
        );
        assert!(dhcp_v4_reply(&build(53, 68)).is_none());
    }

    #[test]
    fn a_permission_error_names_the_capability() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(said(&e, "x", None).0.contains("CAP_NET_RAW"));
        assert!(said(&e, "x", Some(68)).0.contains("CAP_NET_BIND_SERVICE"));
        let e = io::Error::from(io::ErrorKind::AddrInUse);
        assert!(said(&e, "x", Some(546)).0.contains("DHCP client"));
        assert!(said(&e, "x", Some(67)).0.contains("server or relay"));
    }
}
