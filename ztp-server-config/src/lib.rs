//! Configuration for real DHCP servers that sends a Juniper ZTP plan: ISC
//! dhcpd (`dhcpd.conf`, `dhcpd6.conf`), Kea (`kea-dhcp4`, `kea-dhcp6` JSON)
//! and dnsmasq (`dhcp-option` lines), from a [`Plan`] of `ztp-options`.
//!
//! A [`Plan`] is what a device resolves from a lease (borrowed from it; a
//! [`PlanBuf`] is its owned form and lends one with [`PlanBuf::as_plan`]);
//! [`render`] writes the server configuration whose reply resolves to that
//! plan again, for the clients a [`Scope`] selects. What you must know about how a server sends
//! it is a [`Note`]; what a server cannot send at all is an [`Error`] naming
//! the value (there is no fallback that would change the plan: every server
//! below sends suboption 00, so suboption 04 is never needed as a stand-in).
//! [`Rendered::plan`] is the plan the device will resolve from what the
//! server sends (a [`PlanBuf`]), so a test can require exactly that.
//!
//! This crate does no I/O: it returns text.
//!
//! # Example
//!
//! ```
//! use ztp_options::{resolve_v4, samples, v4::Lease};
//! use ztp_server_config::{Scope, Server, render};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let lease = Lease::parse(samples::V4_ACK)?;
//! let plan = resolve_v4(&lease)?; // a Plan<'_>, borrowed from the lease
//! let out = render(Server::Dnsmasq, &plan, &Scope::VendorClass)?;
//! // Option 43 as raw bytes: suboption 00 (the image) survives intact.
//! assert!(out.text.contains("dhcp-option-force=tag:juniper-ztp,43,00:"));
//! assert!(out.text.contains("dhcp-vendorclass=set:juniper-ztp,Juniper-"));
//! // R12: the ignored option 66 is sent again, so the device ignores it again.
//! assert!(out.text.contains(",66,\"192.0.2.10\""));
//! assert_eq!(out.plan.as_plan(), plan); // Rendered::plan is a PlanBuf
//!
//! let kea = render(Server::Kea4, &plan, &"02:00:00:aa:bb:cc".parse()?)?;
//! let json: serde_json::Value = serde_json::from_str(&kea.text)?;
//! assert!(json["Dhcp4"]["option-def"].is_array());
//! # Ok(()) }
//! ```
//!
//! # What each server takes, and what surprised us
//!
//! Found against the real servers of Debian 12 (dnsmasq 2.90, Kea 2.2.0,
//! ISC dhcpd 4.4.3-P1, tshark 4.0) by this crate's interop tests
//! (`tests/interop.rs`), which run each rendered configuration in a network
//! namespace, send a real DISCOVER/REQUEST or SOLICIT/REQUEST, and require
//! the plan above from the reply and a clean tshark dissection; a second
//! client (another MAC address, vendor class `Cisco-...`) must get a lease
//! without the ZTP options, so each scope is proved both ways. The DHCPv6
//! host scope matches the MAC address in the client's DUID-LL on all three
//! servers.
//!
//! **dnsmasq 2.90**
//!
//! - `dhcp-option=43,<hex>` goes out byte for byte: suboption 00 intact, no
//!   255 appended. The renderer writes option 43 that way.
//! - Hex is only raw bytes for options dnsmasq has no type for. For 150, 7
//!   and 42 (address lists) hex is refused at startup ("bad IP address");
//!   for a text option it knows (DHCPv6 59 `bootfile-url`, 66) hex is sent
//!   *as its text*: `option6:bootfile-url,68:74:...` sent a 116-byte option
//!   59 spelling the hex. So 150/7/42 are rendered as addresses, 59/66/12 as
//!   quoted text, everything else as hex.
//! - It appends a NUL to option 66 ([`Note::TrailingNul`]; the device
//!   tolerates it, R7) and sets `siaddr` to its own address (ignored, R13).
//! - Quotes: in a configuration file `66,"10.99.0.1"` sends `10.99.0.1` and
//!   the NUL (10 bytes); the same argument passed to `--dhcp-option` without
//!   a shell keeps the quotes (`"10.99.0.1"` plus NUL, 12 bytes, as one of
//!   our captures shows). The rendered lines are for a configuration file
//!   (`--conf-file`); through a shell, quote them for the shell.
//! - No RFC 3396: an option over 255 bytes stops dnsmasq at startup
//!   ("dhcp-option too long"), so [`render`] refuses it ([`Error::TooLong`]).
//! - `dhcp-vendorclass` matches a substring, not a prefix
//!   ([`Note::VendorClassSubstring`]).
//! - DHCPv6 `vi-encap:2636,option6:0,...` sends suboption 00; the items go
//!   out in dnsmasq's order, not the configured one.
//! - It answers in about 0.1 s with `no-ping` (3 s without).
//!
//! **ISC dhcpd 4.4.3-P1**
//!
//! - An option space with `code width 1 length width 1` (v4) or `2`/`2`
//!   (v6, under `vsio` code 2636) takes code 0: suboption 00 is sent.
//! - A long option 43 (312 bytes) is split as RFC 3396 says, and beyond that:
//!   255 and 25 bytes in the options field, then option 52 (overload) and
//!   the last 32 bytes in the `file` field. Devices must read overloaded
//!   fields (R2; ztp-options does).
//! - Option 150 has no name: the configuration defines
//!   `ztp-tftp-server-address` as `array of ip-address`.
//! - DHCPv6 option 16 (vendor class) has no name either
//!   (`dhcp6.vendor-class` is unknown): the configuration defines
//!   `dhcp6.ztp-vendor-class` as a string to match on.
//! - Options go out only when the client's parameter request list names
//!   them; the DHCPv4 class appends 43, 66 and 150 to it.
//!
//! **Kea 2.2.0**
//!
//! - A raw `{"code": 43, "csv-format": false}` is not sent until option 43 is
//!   redefined (`option-def`, type `binary`, space `dhcp4`); then it is sent
//!   as given, suboption 00 included. Option 150 needs an `option-def`
//!   (`ipv4-address`, array). Option 66 goes out without a NUL.
//! - Long option 43 (312 bytes) is split too, at 253 bytes (253 + 59), not
//!   at 255.
//! - DHCPv6: an `option-def` with code 0 in space `vendor-2636` is accepted
//!   and sent.
//! - `always-send` is set on every option: Kea otherwise sends only what the
//!   client requests.
//! - `kea-dhcp4 -t` must run in the namespace that has the interface;
//!   `kea-dhcp6` writes its DUID to `/var/lib/kea` unless told
//!   `"server-id": {"persist": false}` (the tests do).
//!
//! **tshark 4.0** dissects all of the above without a malformed packet, but
//! has no field for DHCPv6 option 59's value (the tests compare its length),
//! and says "Capturing on" a little before its socket sees packets.
//!
//! # Scopes
//!
//! | scope | ISC | Kea | dnsmasq |
//! | --- | --- | --- | --- |
//! | [`Scope::Host`] | `host` with `hardware ethernet` | reservation by `hw-address` | `dhcp-host=<mac>,set:...` |
//! | [`Scope::VendorClass`] v4 | class matching `substring(option vendor-class-identifier, 0, 8)` | client class testing `substring(option[60].hex,0,8)` | `dhcp-vendorclass` (a substring match, see [`Note::VendorClassSubstring`]) |
//! | [`Scope::VendorClass`] v6 | class matching option 16 bytes 6..14 (after enterprise and length) | client class testing `vendor-class[2636]` | `dhcp-vendorclass=...,enterprise:2636,...` |

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod dnsmasq;
mod isc;
mod kea;
mod wire;

use std::fmt;
use std::str::FromStr;

use ztp_options::{CannotProceed, Family, Plan, PlanBuf};

/// The prefix of option 60 (and of DHCPv6 option 16's data) that
/// [`Scope::VendorClass`] matches.
pub const VENDOR_CLASS_PREFIX: &str = "Juniper-";

/// The name of the class, tag or host entry rendered configurations use.
pub const TAG: &str = "juniper-ztp";

/// A DHCP server and family to render for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Server {
    /// ISC dhcpd, DHCPv4: `dhcpd.conf` statements.
    Isc,
    /// ISC dhcpd, DHCPv6 (`dhcpd -6`): `dhcpd6.conf` statements.
    Isc6,
    /// Kea `kea-dhcp4`: a JSON configuration with a `Dhcp4` object.
    Kea4,
    /// Kea `kea-dhcp6`: a JSON configuration with a `Dhcp6` object.
    Kea6,
    /// dnsmasq, either family (the plan's): configuration file lines.
    Dnsmasq,
}

impl Server {
    /// Every server.
    pub const ALL: [Server; 5] = [
        Server::Isc,
        Server::Isc6,
        Server::Kea4,
        Server::Kea6,
        Server::Dnsmasq,
    ];

    /// The family the server renders for, `None` for either.
    pub const fn family(self) -> Option<Family> {
        match self {
            Server::Isc | Server::Kea4 => Some(Family::V4),
            Server::Isc6 | Server::Kea6 => Some(Family::V6),
            Server::Dnsmasq => None,
        }
    }

    /// The stable name: `isc`, `isc6`, `kea`, `kea6`, `dnsmasq`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Server::Isc => "isc",
            Server::Isc6 => "isc6",
            Server::Kea4 => "kea",
            Server::Kea6 => "kea6",
            Server::Dnsmasq => "dnsmasq",
        }
    }
}

impl fmt::Display for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A MAC address (`aa:bb:cc:dd:ee:ff`; `-` also separates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MacAddr(pub [u8; 6]);

impl FromStr for MacAddr {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || Error::BadMac {
            value: s.to_owned(),
        };
        let mut out = [0u8; 6];
        let mut parts = s.split([':', '-']);
        for byte in &mut out {
            let part = parts.next().ok_or_else(bad)?;
            if part.len() != 2 {
                return Err(bad());
            }
            *byte = u8::from_str_radix(part, 16).map_err(|_| bad())?;
        }
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(MacAddr(out))
    }
}

impl fmt::Display for MacAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&wire::hex(&self.0, ":"))
    }
}

/// Which clients get the ZTP options.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    /// One device, by the MAC address of the interface it asks on.
    Host(MacAddr),
    /// Every client whose vendor class starts with `Juniper-`: DHCPv4
    /// option 60, DHCPv6 option 16 for enterprise 2636.
    VendorClass,
}

impl FromStr for Scope {
    type Err = Error;

    /// A MAC address gives [`Scope::Host`].
    fn from_str(s: &str) -> Result<Self, Error> {
        s.parse().map(Scope::Host)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Host(mac) => write!(f, "host {mac}"),
            Scope::VendorClass => write!(f, "vendor class {VENDOR_CLASS_PREFIX}*"),
        }
    }
}

/// Something the configuration says differently from the plan, or that you
/// must know to use it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Note {
    /// dnsmasq matches `dhcp-vendorclass` as a substring, not a prefix: a
    /// vendor class with `Juniper-` anywhere in it matches too.
    VendorClassSubstring,
    /// dnsmasq appends a NUL to option 66 (and 12): the device tolerates
    /// it (R7) and its decision log says so (a
    /// [`DecisionKind::TrailingNul`](ztp_options::DecisionKind::TrailingNul)
    /// entry); [`Rendered::plan`] does not carry that entry.
    TrailingNul {
        /// The option.
        option: u8,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::VendorClassSubstring => f.write_str(
                "dnsmasq matches the vendor class as a substring: any class containing \"Juniper-\" matches",
            ),
            Note::TrailingNul { option } => write!(
                f,
                "dnsmasq appends a nul to option {option}; the device tolerates it (R7)"
            ),
        }
    }
}

/// Why a plan cannot be rendered for a server.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server serves the other family.
    #[error("{server} serves {expected}, the plan is {found}")]
    WrongFamily {
        /// The server.
        server: Server,
        /// The family it serves.
        expected: Family,
        /// The plan's.
        found: Family,
    },
    /// The plan cannot be encoded (R7: a name the device would refuse).
    #[error("cannot encode the plan: {0}")]
    Encode(#[from] ztp_options::EncodeError),
    /// What would be sent does not resolve to a plan (R13, R18), or does
    /// not even decode ([`CannotProceed::Malformed`]).
    #[error("the device would not proceed: [{rule}] {reason}", rule = .reason.rule())]
    CannotProceed {
        /// Why.
        #[from]
        reason: CannotProceed,
    },
    /// An option is longer than the server can send.
    #[error("{server} cannot send option {option} of {len} bytes (at most {max})")]
    TooLong {
        /// The server.
        server: Server,
        /// The option code.
        option: u16,
        /// Its length.
        len: usize,
        /// The most the server sends.
        max: usize,
    },
    /// A text value the server's syntax cannot carry.
    #[error("{server} cannot carry {what} {value:?} in its configuration syntax")]
    Unrepresentable {
        /// The server.
        server: Server,
        /// What the value is (`option 66`, `suboption 01`, ...).
        what: String,
        /// The value (lossy UTF-8).
        value: String,
    },
    /// Not a MAC address.
    #[error("{value:?} is not a mac address (six hex bytes, aa:bb:cc:dd:ee:ff)")]
    BadMac {
        /// The text given.
        value: String,
    },
    /// The JSON could not be written.
    #[error("cannot write json: {0}")]
    Json(String),
}

/// A rendered configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rendered {
    /// The server.
    pub server: Server,
    /// The configuration text: statements for ISC (`dhcpd.conf`,
    /// `dhcpd6.conf`), a whole JSON document for Kea, lines for dnsmasq.
    pub text: String,
    /// What the configuration says differently from the plan, or what you
    /// must know to use it.
    pub notes: Vec<Note>,
    /// The plan the device resolves from what the server sends with this
    /// configuration, owned: the plan given (compare it with
    /// [`PlanBuf::as_plan`]), unless a [`Note`] says otherwise, and without
    /// what only records wire quirks of a decoded lease (a tolerated
    /// trailing NUL, `siaddr`, `sname`, `file`, another enterprise's option
    /// 17: log entries and [`Ignored`](ztp_options::Ignored) values), since
    /// the encoder sends none.
    pub plan: PlanBuf,
}

/// Renders the configuration that makes `server` send `plan` to the clients
/// of `scope`.
///
/// The plan is borrowed for the call only (a kept [`PlanBuf`] lends one with
/// [`PlanBuf::as_plan`]); what the server sends is what ztp-options'
/// encoder writes for it ([`Plan::to_v4_options`],
/// [`Plan::to_v6_options`]): its values, sources and
/// [`Ignored`](ztp_options::Ignored) record, so that an ignored option 66
/// or suboption 04 is sent again and ignored again. The decision log is
/// not read.
///
/// # Errors
///
/// [`Error::WrongFamily`] when the server serves the other family,
/// [`Error::Encode`] when the plan cannot be encoded,
/// [`Error::CannotProceed`] when what would be sent does not resolve to a
/// plan, [`Error::TooLong`] and [`Error::Unrepresentable`] when the server
/// cannot send a value.
///
/// ```
/// use ztp_options::{resolve_v6, samples, v6::Lease};
/// use ztp_server_config::{Error, Scope, Server, render};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let plan = resolve_v6(&lease)?;
/// let out = render(Server::Isc6, &plan, &Scope::VendorClass)?;
/// assert_eq!(out.plan.as_plan(), plan);
/// assert!(out.text.contains("option vsio.juniper code 2636 = encapsulate juniper;"));
/// assert!(matches!(
///     render(Server::Isc, &plan, &Scope::VendorClass),
///     Err(Error::WrongFamily { .. })
/// ));
/// # Ok(()) }
/// ```
pub fn render(server: Server, plan: &Plan<'_>, scope: &Scope) -> Result<Rendered, Error> {
    if let Some(expected) = server.family()
        && expected != plan.family()
    {
        return Err(Error::WrongFamily {
            server,
            expected,
            found: plan.family(),
        });
    }
    let wire = wire::Wire::from_plan(plan)?;
    let mut notes = Vec::new();
    let text = match server {
        Server::Isc => isc::render_v4(&wire, scope)?,
        Server::Isc6 => isc::render_v6(&wire, scope)?,
        Server::Kea4 => kea::render_v4(&wire, scope)?,
        Server::Kea6 => kea::render_v6(&wire, scope)?,
        Server::Dnsmasq => dnsmasq::render(&wire, scope, &mut notes)?,
    };
    // What the server sends is canonical (ztp-options' encoder): the plan
    // the device resolves from it, fallbacks included.
    let plan = wire.resolve()?;
    Ok(Rendered {
        server,
        text,
        notes,
        plan,
    })
}

/// The README's example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
