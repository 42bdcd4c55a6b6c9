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
//! [`snippet`] is the other way round, for a server that sends the wrong
//! bytes: given the exact bytes of each option ([`OptionBytes`]), it writes
//! the configuration fragment (global scope, definitions included) that
//! makes a server send them; it fixes the server-side pitfalls the
//! explanation diagnoses (R35, below).
//!
//! [`render_fleet`] serves a mixed fleet from one configuration: a class
//! per vendor or model ([`ztp_options::vendor::ClassMatch`]), host entries
//! by MAC address for the vendors whose request identity is unverified,
//! and each entry's exact option bytes ([`Fleet`]: who gets what on each
//! server).
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
//! - A reply is 576 bytes unless the client asks for more (option 57): an
//!   option that does not fit is not sent ("cannot send DHCP/BOOTP option
//!   43: no space left in packet"), see [`Note::ReplyRoom`].
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
//! - In a quoted string the lexer reads `\"`, `\\` and three-digit octal
//!   escapes: C1 controls (U+0085, which R7 lets through) and bytes that
//!   are not UTF-8 are written as octal (`\302\205`) and sent as those
//!   bytes.
//! - A `string` suboption with no hex bytes is a syntax error: an empty
//!   value is `""`. DHCPv4 leaves an empty suboption out of option 43
//!   (refused, [`Error::Unrepresentable`]); DHCPv6 sends it in option 17.
//! - A suboption code given twice is sent once (the last value for
//!   DHCPv4, the first for DHCPv6): refused ([`Error::Unrepresentable`]),
//!   as for Kea's DHCPv6 (dnsmasq's DHCPv6 sends both).
//! - Suboptions go out in dhcpd's order, not the configuration's
//!   ([`Note::SuboptionOrder`]); options that do not fit a 576-byte reply
//!   after overloading `sname` and `file` are dropped without a word
//!   ([`Note::ReplyRoom`]).
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
//! - `csv-format` data is split at commas, reads backslash escapes and is
//!   trimmed at both ends (`"  "` fails `kea-dhcp4 -t` as empty, `" a"`
//!   would send `a`): text with any of those is written as hex.
//! - DHCPv6 suboptions go out in Kea's order (by code), not the
//!   configuration's ([`Note::SuboptionOrder`]).
//! - `kea-dhcp4 -t` must run in the namespace that has the interface;
//!   `kea-dhcp6` writes its DUID to `/var/lib/kea` unless told
//!   `"server-id": {"persist": false}` (the tests do).
//!
//! **SZTP redirect (RFC 8572: DHCPv4 143, DHCPv6 136, R31)**, sent beside
//! the ZTP options when the plan carries one
//! ([`Plan::sztp_redirect`](ztp_options::Plan::sztp_redirect)); none of the
//! three servers knows the option, so each configuration defines it as
//! bytes:
//!
//! - dnsmasq: `dhcp-option-force=...,143,<hex>` and `...,option6:136,<hex>`
//!   go out byte for byte; a 143 over 255 bytes is refused
//!   ([`Error::TooLong`]) as for 43.
//! - ISC: `option ztp-sztp-redirect code 143 = string;` (appended to the
//!   client's parameter request list, like 43/66/150) and
//!   `option dhcp6.ztp-sztp-redirect code 136 = string;`, sent when the
//!   client's option request option asks for 136 (an SZTP device does); a
//!   long 143 is split (RFC 3396).
//! - Kea 2.2 has no definition for either code (later Kea versions define
//!   `v4-sztp-redirect` and `sztp-redirect`: drop the rendered
//!   `option-def` entries there), so `option-def` entries of type `binary`
//!   are rendered, with the URIs in a `user-context`; a long 143 is split
//!   at 253 bytes.
//!
//! **Server-side pitfalls (R35), reproduced on the same servers** by the
//! interop tests `p43_1_*`, `p43_2_*`, `p143_1_*` and `d43_absent_*`, each
//! fixed there by the [`snippet`] of the bytes that should have been sent:
//!
//! - P43-1, Kea 2.2: a raw `{"code": 43, "csv-format": false, "data": ...}`
//!   with no `option-def` of 43 passes `kea-dhcp4 -t`, and Kea does not
//!   send the bytes: it parses them as suboptions of its last-resort space
//!   (`vendor-encapsulated-options-space`: code 0 is read as a pad, 255 as
//!   the end), keeps the items that parse up to the first that does not,
//!   and sends those. A Juniper 43 starts with suboption 00 (the image):
//!   its 00 is skipped, its length byte read as a code, and what follows
//!   rarely fits, so `00 09 junos.tgz 01 07 sw.conf` goes out as 43 with
//!   length 0; when it happens to fit, a mangled 43 goes out instead
//!   (`00 27 <39 bytes> 01 10 ...` became `27 2f <47 bytes>`). A 43 that
//!   starts with 01 goes out intact; a trailing `ff` is dropped. The fix
//!   is the `option-def` of 43 as `binary` in space `dhcp4`.
//! - P43-2, dnsmasq 2.90 (Debian): `dhcp-option=vendor:,1,10.99.0.1` and
//!   `dhcp-option=vendor:Juniper,1,10.99.0.1` (the client sends option 60
//!   `Juniper-ex4300-48t`) both send 43 = `01 04 0a 63 00 01 ff`: the END
//!   byte inside 43 is real. dnsmasq also echoes the client's option 60 in
//!   the reply then. `dhcp-option-force=43,<hex>` sends no `ff`.
//! - P143-1, ISC dhcpd 4.4.3: `option sztp code 143 = text;` with
//!   `option sztp "https://sztp.example.net";` sends the bare URI, no
//!   length prefix; `code 143 = string` with the framed list in hex sends
//!   the RFC 8572 bytes.
//! - Only requested options: Kea without `always-send` and ISC dhcpd send
//!   neither 43 nor 150 to a client whose parameter request list (55)
//!   names neither, though both are configured (the same configuration
//!   sends both to a client that asks). Kea's `always-send`, and for ISC a
//!   `dhcp-parameter-request-list` that appends the codes to the client's
//!   list (it works at the top level too), send them unasked.
//! - Snippets: ISC's `option vendor-encapsulated-options <hex>;` at the
//!   top level (no `vendor-option-space`) sends 43 byte for byte, order
//!   and code 00 included. DHCPv6 option 17 items given as `00, 01, 03`
//!   went out in that order (by code) from ISC and Kea, and reversed
//!   (`03, 01, 00`) from dnsmasq: the snippet says so
//!   ([`Note::SuboptionOrder`]) for dnsmasq, and for ISC and Kea when the
//!   items are not in code order.
//!
//! **A mixed fleet ([`render_fleet`])**, found by `tests/interop/fleet.rs`:
//! one server per family, a client per vendor sending its identity as
//! `IdentityRepr` writes it, each receiving exactly its entry's bytes (and
//! reading them back as its vendor's `Offer`):
//!
//! - Classes: ISC `match if` with `substring`/`suffix` on hex literals and
//!   Kea `substring(option[N].hex,...) == 0x...` (a negative start for a
//!   suffix) test exactly. dnsmasq's `dhcp-match=set:t,60,<hex>` is a
//!   **prefix** test: an exact class `cumulus-linux` also matched
//!   `cumulus-linux x86_64` ([`Note::MatchIsPrefix`]); bytes inside the
//!   value did not match. For DHCPv6, dnsmasq 2.90 set **no tag** from
//!   `dhcp-match` on `option6:15` / `option6:16`: the renderer uses
//!   `dhcp-userclass` and `dhcp-vendorclass=...,enterprise:<n>,...`, which
//!   match a **substring** of an item (a class on `ZTP` matched
//!   `SONiC-ZTP`, [`Note::ClassSubstring`]).
//! - ISC dhcpd 4.4 has no name for DHCPv6 option 15 (`dhcp6.user-class`
//!   is "no option named user-class in space dhcp6") nor 16: both are
//!   defined (`dhcp6.ztp-user-class`, `dhcp6.ztp-vendor-class`) to match on.
//!   A DHCPv4 code other than 60, 61 and 77 is matched through a new name
//!   (`option ztp-match-124 code 124 = string;`): dhcpd accepted the new
//!   definition of 124 (its own is `vivco`) and matched the raw bytes,
//!   enterprise number included; Kea's `option[124].hex` holds the same
//!   bytes.
//! - Hosts: ISC `host` and Kea reservations take precedence over a class
//!   per option code (a SONiC switch's host entry setting 59 got the
//!   host's 59 and the class's 239, on all three servers); dnsmasq gets the
//!   same result from `tag:!<host>` on the class's lines for those codes.
//!   DHCPv6: ISC and Kea matched `hardware ethernet` / `hw-address` to the
//!   MAC in the client's DUID-LL, but **dnsmasq compared a `dhcp-host` MAC
//!   with the link-layer address the request came from** (its log: "client
//!   MAC address" of the interface, not the DUID's): the renderer writes
//!   `dhcp-host=id:00:03:00:01:<mac>` for DHCPv6.
//! - Lease time (51) per entry: ISC `default-`/`min-`/`max-lease-time` in a
//!   class or host, Kea `valid-lifetime` (and min/max) in a client class,
//!   dnsmasq's time in `dhcp-host`: all three sent the entry's time. Not
//!   rendered: dnsmasq per class and Kea per reservation
//!   ([`Note::LeaseTime`]).
//! - Unasked options (P239/P240): a Cumulus client without 239 and a Dell
//!   OS10 client without 240 in their lists got them from all three (ISC:
//!   one top-level `dhcp-parameter-request-list` appending the fleet's
//!   codes). ISC dhcpd for DHCPv6 sends only what the option request
//!   option names ([`Note::OnlyRequested`]).
//! - dnsmasq appends a NUL to 67 as to 66 ([`Note::TrailingNul`]); the
//!   vendors' readers tolerate it (the offers read back equal). dnsmasq
//!   overloads `file`/`sname` (option 52) but still dropped a 67 that did
//!   not fit beside a 255-byte 239 ("no space left in packet",
//!   [`Note::ReplyRoom`]).
//! - Hostile text (quotes, braces, `;`, `#`, commas, backslashes, UTF-8,
//!   255 bytes) went out byte for byte from all three and passed each
//!   server's own check; names are refused unless `[A-Za-z0-9][A-Za-z0-9_.-]*`.
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
//!
//! # Rules
//!
//! Rule ids (`R12`) in these docs, in logs and in test names are the ones
//! of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md) in the
//! repository: every rule R1..R35 in our words, where the vendor guide or an
//! RFC says it, and the choice made where they are silent.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod dnsmasq;
mod fleet;
mod isc;
mod kea;
mod snippet;
mod wire;

pub use fleet::{Fleet, FleetConfig, FleetEntry, Who, render_fleet};
pub use snippet::{OptionBytes, Snippet, snippet};

use std::fmt;
use std::str::FromStr;

use ztp_options::{CannotProceed, Family, Plan, PlanBuf};

/// The prefix of option 60 (and of DHCPv6 option 16's data) that
/// [`Scope::VendorClass`] matches.
pub const VENDOR_CLASS_PREFIX: &str = "Juniper-";

/// The name of the class, tag or host entry rendered configurations use.
pub const TAG: &str = "juniper-ztp";

/// The options field of a 576-byte DHCPv4 reply (RFC 2131: 312 bytes, the
/// magic cookie included), less about 60 bytes of the server's own options.
const DNSMASQ_REPLY_ROOM: usize = 308 - 60;

/// ISC dhcpd also overloads `sname` (64 bytes) and `file` (128) (R2).
const ISC_REPLY_ROOM: usize = DNSMASQ_REPLY_ROOM + 64 + 128 - 10;

/// A DHCP server and family to render for.
///
/// ```
/// use ztp_options::Family;
/// use ztp_server_config::Server;
///
/// let server: Server = "kea6".parse()?;
/// assert_eq!(server, Server::Kea6);
/// assert_eq!(server.family(), Some(Family::V6));
/// assert_eq!(Server::Dnsmasq.family(), None); // either family: the plan's
/// assert!("bind".parse::<Server>().is_err());
/// # Ok::<(), ztp_server_config::Error>(())
/// ```
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

/// Reads a server by its stable name ([`Server::as_str`]).
impl FromStr for Server {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Server::ALL
            .into_iter()
            .find(|server| server.as_str() == s)
            .ok_or_else(|| Error::UnknownServer {
                value: s.to_owned(),
            })
    }
}

impl fmt::Display for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A MAC address (`aa:bb:cc:dd:ee:ff`; `-` also separates).
///
/// ```
/// use ztp_server_config::MacAddr;
///
/// let mac: MacAddr = "02-00-00-AA-BB-CC".parse()?;
/// assert_eq!(mac, MacAddr([0x02, 0, 0, 0xaa, 0xbb, 0xcc]));
/// assert_eq!(mac.to_string(), "02:00:00:aa:bb:cc");
/// assert!("02:00:00:aa:bb".parse::<MacAddr>().is_err());
/// # Ok::<(), ztp_server_config::Error>(())
/// ```
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
///
/// ```
/// use ztp_options::{resolve_v4, samples, v4::Lease};
/// use ztp_server_config::{Scope, Server, render};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// // One device, by MAC address (FromStr), or every `Juniper-` vendor class.
/// let host: Scope = "02:00:00:aa:bb:cc".parse()?;
/// let out = render(Server::Isc, &plan, &host)?;
/// assert!(out.text.contains("hardware ethernet 02:00:00:aa:bb:cc;"));
/// assert_eq!(Scope::VendorClass.to_string(), "vendor class Juniper-*");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
///
/// ```
/// use ztp_options::{resolve_v4, samples, v4::Lease};
/// use ztp_server_config::{Note, Scope, Server, render};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// let out = render(Server::Dnsmasq, &plan, &Scope::VendorClass)?;
/// // dnsmasq matches the vendor class as a substring, and appends a NUL to 66.
/// assert!(out.notes.contains(&Note::VendorClassSubstring));
/// assert!(out.notes.contains(&Note::TrailingNul { option: 66 }));
/// for note in &out.notes {
///     eprintln!("note: {note}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    /// The server sends the suboptions this crate does not interpret
    /// (unknown codes) in its own order, not the plan's: ISC dhcpd (both
    /// families), Kea for DHCPv6 and dnsmasq for DHCPv6 build option 43 or
    /// 17 from one statement per suboption. The device resolves the same
    /// suboptions with the same bytes, in another order
    /// ([`PlanBuf::unknown_suboptions`](ztp_options::PlanBuf::unknown_suboptions));
    /// [`Rendered::plan`] keeps the plan's order.
    SuboptionOrder,
    /// The DHCPv4 options need `needed` bytes, more than the `room` a
    /// 576-byte reply (the size every client takes, RFC 2131) leaves after
    /// the server's own options (about 60 bytes: message type, server id,
    /// lease times, netmask, router, ...; ISC dhcpd also overloads `sname`
    /// and `file`). Unless the client announces a larger size (option 57),
    /// what does not fit is not sent (dnsmasq logs "no space left in
    /// packet", ISC dhcpd drops it without a word) and the device resolves
    /// less than the plan, or nothing. Kea sends larger replies.
    ReplyRoom {
        /// The bytes the plan's options take (codes, lengths, values).
        needed: usize,
        /// The room left for them, about.
        room: usize,
    },
    /// [`render_fleet`]: the server cannot set this entry's lease time
    /// (option 51) per entry (dnsmasq per class, Kea 2.2 per
    /// reservation): its own lease time goes out.
    LeaseTime {
        /// The server.
        server: Server,
        /// The entry.
        entry: String,
    },
    /// [`render_fleet`]: ISC dhcpd (DHCPv6) sends an option only when the
    /// client's option request option (6) names it; there is no statement
    /// that sends one unasked.
    OnlyRequested {
        /// The server.
        server: Server,
    },
    /// [`render_fleet`]: dnsmasq's `dhcp-vendorclass` (DHCPv4 60 for a
    /// suffix test, DHCPv6 16) and `dhcp-userclass` (DHCPv6 15) match the
    /// class's bytes anywhere in the value or item: a class on `ZTP` also
    /// matches a user class `SONiC-ZTP` (seen on dnsmasq 2.90).
    ClassSubstring,
    /// [`render_fleet`]: dnsmasq's `dhcp-match` with a hex value tests a
    /// prefix: an exact test of the class also matches a longer value that
    /// starts with it.
    MatchIsPrefix,
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
            Note::SuboptionOrder => f.write_str(
                "the server sends the unknown suboptions in its own order, not the plan's",
            ),
            Note::LeaseTime { server, entry } => write!(
                f,
                "{server} cannot set the lease time of entry {entry}: its own lease time goes out"
            ),
            Note::OnlyRequested { server } => write!(
                f,
                "{server} sends an option only when the client's option request option names it"
            ),
            Note::ClassSubstring => f.write_str(
                "dnsmasq matches dhcp-vendorclass and dhcp-userclass as a substring of the value",
            ),
            Note::MatchIsPrefix => f.write_str(
                "dnsmasq's dhcp-match tests a prefix: an exact class also matches longer values",
            ),
            Note::ReplyRoom { needed, room } => write!(
                f,
                "the options take {needed} bytes, a 576-byte reply has room for about {room}: \
                 unless the client announces a larger size (option 57), what does not fit is not sent"
            ),
        }
    }
}

/// Why a plan cannot be rendered for a server.
///
/// ```
/// use ztp_options::{resolve_v6, samples, v6::Lease};
/// use ztp_server_config::{Error, Scope, Server, render};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let plan = resolve_v6(&lease)?;
/// // ISC dhcpd (DHCPv4) does not serve a DHCPv6 plan.
/// let err = render(Server::Isc, &plan, &Scope::VendorClass).unwrap_err();
/// assert!(matches!(err, Error::WrongFamily { server: Server::Isc, .. }));
/// assert_eq!(err.to_string(), "isc serves dhcpv4, the plan is dhcpv6");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    /// Not a server name ([`Server::as_str`]).
    #[error("{value:?} is not a server (isc, isc6, kea, kea6, dnsmasq)")]
    UnknownServer {
        /// The text given.
        value: String,
    },
    /// [`render_fleet`]: a name that is not `[A-Za-z0-9][A-Za-z0-9_.-]*`
    /// of at most 48 bytes (it becomes a class name or tag).
    #[error("{name:?} is not an entry name ([A-Za-z0-9][A-Za-z0-9_.-]*, at most 48 bytes)")]
    BadName {
        /// The name given.
        name: String,
    },
    /// [`render_fleet`]: a name, class or MAC address given twice.
    #[error("{what} given twice")]
    Duplicate {
        /// What.
        what: String,
    },
    /// The JSON could not be written.
    #[error("cannot write json: {0}")]
    Json(String),
}

/// A rendered configuration.
///
/// ```
/// use ztp_options::{resolve_v6, samples, v6::Lease};
/// use ztp_server_config::{Rendered, Scope, Server, render};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let plan = resolve_v6(&lease)?;
/// let out: Rendered = render(Server::Kea6, &plan, &Scope::VendorClass)?;
/// assert_eq!(out.server, Server::Kea6);
/// let json: serde_json::Value = serde_json::from_str(&out.text)?;
/// assert!(json["Dhcp6"].is_object());
/// // What the device resolves from what Kea sends: the plan given.
/// assert_eq!(out.plan.file_server, plan.file_server);
/// assert_eq!(out.plan.image.as_ref().map(|i| i.name.as_str()), plan.image.map(|i| i.name));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    if let Some(expected) = server.family().filter(|f| *f != plan.family()) {
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
    // One statement per suboption code: ISC keeps the last value of a
    // repeated code (DHCPv4) or the first (DHCPv6), Kea 6 one of them
    // (seen on the wire); dnsmasq 6 sends both, dnsmasq and Kea 4 send the
    // option 43 bytes.
    if matches!(server, Server::Isc | Server::Isc6 | Server::Kea6) {
        let mut seen = Vec::new();
        for (code, value) in wire.items.iter().filter(|(c, _)| !wire::is_text(*c)) {
            if seen.contains(code) {
                return Err(Error::Unrepresentable {
                    server,
                    what: format!("suboption {code:02} a second time"),
                    value: String::from_utf8_lossy(value).into_owned(),
                });
            }
            seen.push(*code);
        }
    }
    let unknown = wire
        .items
        .iter()
        .filter(|(c, _)| !wire::is_text(*c))
        .count();
    if unknown > 1
        && matches!(
            (server, wire.family),
            (Server::Isc | Server::Isc6 | Server::Kea6, _) | (Server::Dnsmasq, Family::V6)
        )
    {
        notes.push(Note::SuboptionOrder);
    }
    let room = match server {
        Server::Isc => Some(ISC_REPLY_ROOM),
        Server::Dnsmasq if wire.family == Family::V4 => Some(DNSMASQ_REPLY_ROOM),
        _ => None,
    };
    if let Some(room) = room {
        let needed = wire.v4_len(server == Server::Dnsmasq);
        if needed > room {
            notes.push(Note::ReplyRoom { needed, room });
        }
    }
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
