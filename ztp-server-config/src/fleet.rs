//! [`render_fleet`]: one configuration for a mixed fleet (the docs are
//! on [`Fleet`]).

use std::fmt::Write as _;

use serde_json::{Map, Value, json};
use ztp_options::vendor::{ClassMatch, Condition, Test};
use ztp_options::{Family, v6};

use crate::wire::{addresses, hex, printable};
use crate::{Error, MacAddr, Note, Server, dnsmasq, isc, kea};

/// The devices one configuration serves, and what each gets.
///
/// One configuration for a mixed fleet: a class per vendor (or model), a
/// host entry per device that no class can recognise, and each entry's
/// options with exactly the bytes given.
///
/// [`render_fleet`] writes, for one server and family:
///
/// | | ISC dhcpd | Kea | dnsmasq |
/// | --- | --- | --- | --- |
/// | [`Who::Class`] | `class` with `match if`, conditions joined by `and` (`substring`, `suffix`, hex literals) | `client-classes` entry with a `test` (`substring(option[60].hex,0,7) == 0x...`) | a tag per condition (DHCPv4: `dhcp-match` with a hex value, a prefix test; `dhcp-vendorclass` for a suffix of 60; DHCPv6: `dhcp-userclass`, `dhcp-vendorclass=...,enterprise:<n>,...`, substring tests), joined by `tag-if` |
/// | [`Who::Host`] | `host` with `hardware ethernet` | `reservations` (`reservations-global`) by `hw-address` | `dhcp-host=<mac>,set:<tag>` (DHCPv6: `dhcp-host=id:<DUID-LL>`, since dnsmasq compares a MAC with the request's link-layer source) |
/// | options | per class / host; definitions at the top | `option-data` per class / reservation, `always-send`; `option-def` at the top | `dhcp-option-force=tag:...` |
/// | 51 (lease time) | `default-`, `min-`, `max-lease-time` in the class / host | `valid-lifetime` (and min / max) in the class; not per reservation ([`Note::LeaseTime`]) | in `dhcp-host`; not per class ([`Note::LeaseTime`]) |
///
/// Who gets what, on every server alike:
///
/// - A class narrower than another (its conditions include all of the
///   other's: a model's class and its vendor's) **replaces** it: the wider
///   class is rendered with `and not (narrower)`, so a switch of that model
///   gets the model entry's options only.
/// - A host entry **overrides a class per option code**: the codes the host
///   entry sets come from it, the class's other options still go out. ISC
///   dhcpd and Kea do this by their own scope order (host before class);
///   dnsmasq is told so (`tag:!<host>` on the class's lines for those
///   codes).
/// - Two entries with the same class, or the same MAC address, are an
///   [`Error::Duplicate`].
///
/// Options each server is told to send unasked: Kea's `always-send`,
/// dnsmasq's `dhcp-option-force`, and for ISC dhcpd (DHCPv4) one top-level
/// `dhcp-parameter-request-list` that appends every code of the fleet to
/// the client's list (P239/P240: a Cumulus or Dell switch that omits its
/// 239 / 240 still gets it). ISC dhcpd for DHCPv6 sends only what the
/// client's option request option names ([`Note::OnlyRequested`]).
///
/// What each real server did with these configurations (dnsmasq 2.90, Kea
/// 2.2, ISC dhcpd 4.4: class tests exact or prefix or substring, names ISC
/// lacks, DHCPv6 host matching, lease times, unasked options) is in the
/// crate docs, "A mixed fleet".
///
/// Names are refused unless they are `[A-Za-z0-9][A-Za-z0-9_.-]*`, at most
/// 48 bytes ([`Error::BadName`]): they become ISC class names, Kea class
/// names and dnsmasq tags. Text values are quoted by each server's own
/// helper (ISC octal escapes, Kea hex when its CSV reader would change
/// them, dnsmasq refuses what it cannot quote); a text value with a control
/// character is refused for every server (G8: the device refuses it too).
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::vendor::{ClassMatch, Vendor};
/// use ztp_server_config::{Fleet, FleetEntry, Server, Who, render_fleet};
///
/// let fleet = Fleet {
///     family: Family::V4,
///     entries: vec![
///         FleetEntry {
///             name: "cumulus".into(),
///             who: Who::Class(ClassMatch::v4(Vendor::Cumulus, None)?),
///             options: vec![(239, b"http://10.99.0.1/cumulus.sh".to_vec())],
///         },
///         FleetEntry {
///             name: "os10-rack1".into(),
///             who: Who::Host("02:00:00:00:10:01".parse()?),
///             options: vec![(240, b"http://10.99.0.1/os10.sh".to_vec())],
///         },
///     ],
/// };
/// let isc = render_fleet(Server::Isc, &fleet)?;
/// assert!(isc.text.contains("option ztp-opt-239 code 239 = text;"));
/// assert!(isc.text.contains("class \"ztp-cumulus\" {"));
/// let kea = render_fleet(Server::Kea4, &fleet)?;
/// assert!(kea.text.contains("substring(option[60].hex,0,14) == 0x63756d756c75732d6c696e757820"));
/// let dnsmasq = render_fleet(Server::Dnsmasq, &fleet)?;
/// assert!(dnsmasq.text.contains("dhcp-host=02:00:00:00:10:01,set:ztp-os10-rack1\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fleet {
    /// DHCPv4 or DHCPv6: every class and option is of this family.
    pub family: Family,
    /// The entries, in order (the order of the rendered classes).
    pub entries: Vec<FleetEntry>,
}

/// One class or host, and the options it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleetEntry {
    /// The entry's name: `[A-Za-z0-9][A-Za-z0-9_.-]*`, at most 48 bytes.
    pub name: String,
    /// Who is in it.
    pub who: Who,
    /// The options, each with the exact value to send (no code, no
    /// length):
    ///
    /// | family | code | value |
    /// | --- | --- | --- |
    /// | v4 | 43, 143 | bytes (143 with its RFC 8572 framing) |
    /// | v4 | 150 | IPv4 addresses, 4 bytes each |
    /// | v4 | 66, 67, 209, 224, 225, 226, 239, 240 | text |
    /// | v4 | 51 | the lease time, 4 bytes (seconds) |
    /// | v6 | 17 | enterprise number, then `code(2) len(2)` items |
    /// | v6 | 136 | bytes |
    /// | v6 | 59, 239 | text |
    pub options: Vec<(u16, Vec<u8>)>,
}

/// Who an entry is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// One device, by the MAC address it asks from (DHCPv6: the MAC in
    /// its DUID-LL). Overrides a class, per option code.
    Host(MacAddr),
    /// Every request in the class.
    Class(ClassMatch),
}

/// A rendered fleet configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FleetConfig {
    /// The server.
    pub server: Server,
    /// The configuration: statements for ISC (top level of `dhcpd.conf` /
    /// `dhcpd6.conf`), a JSON document with a `Dhcp4` / `Dhcp6` object
    /// for Kea, lines for dnsmasq.
    pub text: String,
    /// What you must know to use it.
    pub notes: Vec<Note>,
}

/// How an option's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bytes,
    Addrs,
    Text,
    Lease,
    VendorOpts,
}

fn kind(family: Family, code: u16) -> Option<Kind> {
    match (family, code) {
        (Family::V4, 43 | 143) | (Family::V6, 136) => Some(Kind::Bytes),
        (Family::V4, 150) => Some(Kind::Addrs),
        (Family::V4, 66 | 67 | 209 | 224 | 225 | 226 | 239 | 240) | (Family::V6, 59 | 239) => {
            Some(Kind::Text)
        }
        (Family::V4, 51) => Some(Kind::Lease),
        (Family::V6, 17) => Some(Kind::VendorOpts),
        _ => None,
    }
}

const MAX_NAME: usize = 48;

fn name_ok(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_NAME
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// An entry, checked, with what rendering needs.
struct Entry<'a> {
    e: &'a FleetEntry,
    tag: String,
    /// Narrower classes (indices) that replace this one.
    narrower: Vec<usize>,
}

impl Entry<'_> {
    fn class(&self) -> Option<&ClassMatch> {
        match &self.e.who {
            Who::Class(c) => Some(c),
            Who::Host(_) => None,
        }
    }
    fn lease(&self) -> Option<u32> {
        self.e
            .options
            .iter()
            .find(|(c, _)| *c == 51)
            .and_then(|(_, v)| <[u8; 4]>::try_from(v.as_slice()).ok())
            .map(u32::from_be_bytes)
    }
    /// The options other than the lease time.
    fn options(&self) -> impl Iterator<Item = &(u16, Vec<u8>)> {
        self.e.options.iter().filter(|(c, _)| *c != 51)
    }
    fn sets(&self, code: u16) -> bool {
        self.e.options.iter().any(|(c, _)| *c == code)
    }
}

fn refuse(server: Server, what: String, value: &[u8]) -> Error {
    Error::Unrepresentable {
        server,
        what,
        value: String::from_utf8_lossy(value).into_owned(),
    }
}

/// Whether every request in `b` is in `a`: each of `a`'s conditions is
/// implied by one of `b`'s on the same option (an equal test, or a longer
/// prefix or suffix: Arista's `Arista;<model>;` within `Arista;`).
fn subset(a: &ClassMatch, b: &ClassMatch) -> bool {
    a.conditions.iter().all(|c| {
        b.conditions
            .iter()
            .any(|d| d.option == c.option && implies(&d.test, &c.test))
    })
}

/// Whether a value passing `d` always passes `c`.
fn implies(d: &Test, c: &Test) -> bool {
    match (d, c) {
        (Test::Exact(x), Test::Exact(y)) => x == y,
        (Test::Exact(x) | Test::Prefix(x), Test::Prefix(p)) => x.starts_with(p),
        (Test::Exact(x) | Test::Suffix(x), Test::Suffix(p)) => x.ends_with(p),
        _ => false,
    }
}

fn check(server: Server, fleet: &Fleet) -> Result<Vec<Entry<'_>>, Error> {
    let family = fleet.family;
    if let Some(expected) = server.family().filter(|f| *f != family) {
        return Err(Error::WrongFamily {
            server,
            expected,
            found: family,
        });
    }
    let mut out: Vec<Entry<'_>> = Vec::new();
    for e in &fleet.entries {
        if !name_ok(&e.name) {
            return Err(Error::BadName {
                name: e.name.clone(),
            });
        }
        if out.iter().any(|o| o.e.name == e.name) {
            return Err(Error::Duplicate {
                what: format!("entry name {}", e.name),
            });
        }
        match &e.who {
            Who::Class(c) => {
                if c.family != family {
                    return Err(Error::WrongFamily {
                        server,
                        expected: family,
                        found: c.family,
                    });
                }
                if c.conditions.is_empty() {
                    return Err(refuse(
                        server,
                        format!("class of {} without conditions", e.name),
                        b"",
                    ));
                }
                for c in &c.conditions {
                    if c.test.bytes().is_empty() || (family == Family::V4 && c.option > 255) {
                        return Err(refuse(
                            server,
                            format!("condition on option {} of {}", c.option, e.name),
                            c.test.bytes(),
                        ));
                    }
                }
                if let Some(o) = out
                    .iter()
                    .find(|o| o.class().is_some_and(|oc| subset(oc, c) && subset(c, oc)))
                {
                    return Err(Error::Duplicate {
                        what: format!("class of {} and {}", o.e.name, e.name),
                    });
                }
            }
            Who::Host(mac) => {
                if let Some(o) = out
                    .iter()
                    .find(|o| matches!(o.e.who, Who::Host(m) if m == *mac))
                {
                    return Err(Error::Duplicate {
                        what: format!("host {mac} in {} and {}", o.e.name, e.name),
                    });
                }
            }
        }
        let mut seen = Vec::new();
        for (code, value) in &e.options {
            let what = |s: &str| format!("option {code} of {} ({s})", e.name);
            if seen.contains(code) {
                return Err(refuse(server, what("given twice"), value));
            }
            seen.push(*code);
            let Some(k) = kind(family, *code) else {
                return Err(refuse(server, what("no fleet definition"), value));
            };
            if value.is_empty() {
                return Err(refuse(server, what("empty"), value));
            }
            match k {
                Kind::Addrs if value.len() % 4 != 0 => {
                    return Err(refuse(server, what("IPv4 addresses, 4 bytes each"), value));
                }
                Kind::Lease if value.len() != 4 => {
                    return Err(refuse(server, what("4 bytes of seconds"), value));
                }
                Kind::Text if printable(value).is_none() => {
                    return Err(refuse(server, what("text with a control character"), value));
                }
                Kind::VendorOpts => {
                    let opts = v6::VendorOpts::new_checked(value)
                        .map_err(|_| refuse(server, what("does not decode"), value))?;
                    let mut codes = Vec::new();
                    for item in opts.items() {
                        let item =
                            item.map_err(|_| refuse(server, what("does not decode"), value))?;
                        if codes.contains(&item.code.get()) && server != Server::Dnsmasq {
                            return Err(refuse(server, what("a suboption twice"), value));
                        }
                        codes.push(item.code.get());
                    }
                }
                _ => {}
            }
            if server == Server::Dnsmasq
                && family == Family::V4
                && value.len() > dnsmasq::MAX_OPTION
            {
                return Err(Error::TooLong {
                    server,
                    option: *code,
                    len: value.len(),
                    max: dnsmasq::MAX_OPTION,
                });
            }
        }
        out.push(Entry {
            e,
            tag: format!("ztp-{}", e.name),
            narrower: Vec::new(),
        });
    }
    let lists: Vec<Vec<usize>> = out
        .iter()
        .enumerate()
        .map(|(i, a)| {
            out.iter()
                .enumerate()
                .filter(|(j, b)| {
                    *j != i && matches!((a.class(), b.class()), (Some(x), Some(y)) if subset(x, y))
                })
                .map(|(j, _)| j)
                .collect()
        })
        .collect();
    for (o, narrower) in out.iter_mut().zip(lists) {
        o.narrower = narrower;
    }
    Ok(out)
}

/// Renders the configuration that makes `server` send each entry's
/// options to the devices of that entry (module docs: who gets what).
///
/// # Errors
///
/// [`Error::WrongFamily`] for a server or class of the other family,
/// [`Error::BadName`] for a name outside `[A-Za-z0-9][A-Za-z0-9_.-]*`
/// (48 bytes), [`Error::Duplicate`] for a name, class or MAC address given
/// twice, [`Error::Unrepresentable`] for an option the table of
/// [`FleetEntry::options`] does not list, given twice, empty, of the wrong
/// shape, text with a control character, or a test the server cannot
/// make, [`Error::TooLong`] for a DHCPv4 option over 255 bytes for
/// dnsmasq.
pub fn render_fleet(server: Server, fleet: &Fleet) -> Result<FleetConfig, Error> {
    let entries = check(server, fleet)?;
    let mut notes = Vec::new();
    let text = match server {
        Server::Isc | Server::Isc6 => isc_fleet(server, fleet.family, &entries, &mut notes)?,
        Server::Kea4 | Server::Kea6 => kea_fleet(server, fleet.family, &entries, &mut notes)?,
        Server::Dnsmasq => dnsmasq_fleet(fleet.family, &entries, &mut notes)?,
    };
    // A 576-byte DHCPv4 reply has room for about this much (R2).
    let room = match server {
        Server::Isc => Some(crate::ISC_REPLY_ROOM),
        Server::Dnsmasq if fleet.family == Family::V4 => Some(crate::DNSMASQ_REPLY_ROOM),
        _ => None,
    };
    for e in &entries {
        let needed: usize = e.options().map(|(_, v)| v.len() + 2).sum();
        if let Some(room) = room.filter(|r| needed > *r) {
            note(&mut notes, Note::ReplyRoom { needed, room });
        }
    }
    for e in &entries {
        let v17 =
            e.e.options
                .iter()
                .find(|(c, _)| *c == 17 && fleet.family == Family::V6);
        if let Some((_, v)) = v17 {
            let items = v6::VendorOpts::new_checked(v).map_or(0, |o| o.items().count());
            if items > 1 && !notes.contains(&Note::SuboptionOrder) {
                notes.push(Note::SuboptionOrder);
            }
        }
    }
    Ok(FleetConfig {
        server,
        text,
        notes,
    })
}

// ------------------------------------------------------------------ ISC

/// An ISC data constant for exactly `bytes`: hex from two bytes on (one
/// hex byte would read as a number), quoted below.
fn isc_literal(server: Server, bytes: &[u8]) -> Result<String, Error> {
    match bytes {
        [] | [0] => Err(refuse(server, "a one-byte nul test".into(), bytes)),
        [_] => isc::quoted(server, "a test", bytes),
        _ => Ok(hex(bytes, ":")),
    }
}

/// The option name ISC tests for `code`, and the definition it needs.
fn isc_match_name(family: Family, code: u16) -> (String, Option<String>) {
    match (family, code) {
        (Family::V4, 60) => ("vendor-class-identifier".into(), None),
        (Family::V4, 61) => ("dhcp-client-identifier".into(), None),
        (Family::V4, 77) => ("user-class".into(), None),
        (Family::V4, c) => (
            format!("ztp-match-{c}"),
            Some(format!("option ztp-match-{c} code {c} = string;")),
        ),
        (Family::V6, 1) => ("dhcp6.client-id".into(), None),
        // dhcpd 4.4 has no name for DHCPv6 option 15 either.
        (Family::V6, 15) => (
            "dhcp6.ztp-user-class".into(),
            Some("option dhcp6.ztp-user-class code 15 = string;".into()),
        ),
        (Family::V6, 16) => (
            "dhcp6.ztp-vendor-class".into(),
            Some("option dhcp6.ztp-vendor-class code 16 = string;".into()),
        ),
        (Family::V6, c) => (
            format!("dhcp6.ztp-match-{c}"),
            Some(format!("option dhcp6.ztp-match-{c} code {c} = string;")),
        ),
    }
}

fn isc_condition(
    server: Server,
    family: Family,
    c: &Condition,
    defs: &mut Vec<String>,
) -> Result<String, Error> {
    let (name, def) = isc_match_name(family, c.option);
    if let Some(def) = def.filter(|d| !defs.contains(d)) {
        defs.push(def);
    }
    let lit = isc_literal(server, c.test.bytes())?;
    let n = c.test.bytes().len();
    Ok(match &c.test {
        Test::Exact(_) => format!("option {name} = {lit}"),
        Test::Prefix(_) => format!("substring(option {name}, 0, {n}) = {lit}"),
        Test::At { offset, .. } => format!("substring(option {name}, {offset}, {n}) = {lit}"),
        Test::Suffix(_) => format!("suffix(option {name}, {n}) = {lit}"),
        other => return Err(refuse(server, format!("test {other:?}"), c.test.bytes())),
    })
}

fn isc_class(
    server: Server,
    family: Family,
    class: &ClassMatch,
    defs: &mut Vec<String>,
) -> Result<String, Error> {
    let parts = class
        .conditions
        .iter()
        .map(|c| isc_condition(server, family, c, defs).map(|s| format!("({s})")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(parts.join(" and "))
}

fn isc_fleet(
    server: Server,
    family: Family,
    entries: &[Entry<'_>],
    notes: &mut Vec<Note>,
) -> Result<String, Error> {
    let mut defs: Vec<String> = Vec::new();
    let mut blocks = String::new();
    let mut codes: Vec<u8> = Vec::new();
    for e in entries {
        let mut body = Vec::new();
        for (code, value) in e.options() {
            body.extend(isc_option(server, family, *code, value, &mut defs)?);
            if let Ok(c) = u8::try_from(*code) {
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
        }
        if let Some(secs) = e.lease() {
            for which in ["default", "min", "max"] {
                body.push(format!("{which}-lease-time {secs};"));
            }
        }
        match &e.e.who {
            Who::Class(class) => {
                let mut test = isc_class(server, family, class, &mut defs)?;
                for j in &e.narrower {
                    if let Some(n) = entries.get(*j).and_then(Entry::class) {
                        let _ = write!(
                            test,
                            "\n    and not ({})",
                            isc_class(server, family, n, &mut defs)?
                        );
                    }
                }
                let _ = writeln!(blocks, "class \"{}\" {{", e.tag);
                let _ = writeln!(blocks, "  match if {test};");
            }
            Who::Host(mac) => {
                let _ = writeln!(blocks, "host {} {{", e.tag);
                let _ = writeln!(blocks, "  hardware ethernet {mac};");
            }
        }
        for line in &body {
            let _ = writeln!(blocks, "  {line}");
        }
        let _ = writeln!(blocks, "}}");
    }
    let mut out = format!(
        "# ZTP fleet ({}), rendered by ztp-server-config: {} statements for\n\
         # the top level, next to your subnet declarations.\n",
        family,
        if family == Family::V4 {
            "dhcpd.conf"
        } else {
            "dhcpd6.conf"
        }
    );
    for d in &defs {
        let _ = writeln!(out, "{d}");
    }
    if family == Family::V4 && !codes.is_empty() {
        // dhcpd sends what the client asks for: ask for every code of the
        // fleet on its behalf (P239/P240); only configured ones go out.
        codes.sort_unstable();
        let _ = writeln!(out, "{}", isc::request(&codes));
    } else if family == Family::V6 {
        notes.push(Note::OnlyRequested { server });
    }
    out.push_str(&blocks);
    Ok(out)
}

fn isc_option(
    server: Server,
    family: Family,
    code: u16,
    value: &[u8],
    defs: &mut Vec<String>,
) -> Result<Vec<String>, Error> {
    let mut def = |d: String| {
        if !defs.contains(&d) {
            defs.push(d);
        }
    };
    let what = format!("option {code}");
    Ok(match (family, code) {
        (Family::V4, 43) => vec![isc::raw43(value)],
        (Family::V4, 66 | 150 | 143) => {
            let c = u8::try_from(code).unwrap_or_default();
            if let Some(d) = isc::v4_definition(c) {
                def(d.to_owned());
            }
            isc::v4_option(server, c, value)?
        }
        (Family::V4, 67) => vec![format!(
            "option bootfile-name {};",
            isc::quoted(server, &what, value)?
        )],
        (Family::V4, c) => {
            def(format!("option ztp-opt-{c} code {c} = text;"));
            vec![format!(
                "option ztp-opt-{c} {};",
                isc::quoted(server, &what, value)?
            )]
        }
        (Family::V6, 59) => vec![format!(
            "option dhcp6.bootfile-url {};",
            isc::quoted(server, &what, value)?
        )],
        (Family::V6, 136) => {
            def("option dhcp6.ztp-sztp-redirect code 136 = string;".into());
            vec![format!(
                "option dhcp6.ztp-sztp-redirect {};",
                hex(value, ":")
            )]
        }
        (Family::V6, 17) => {
            let opts = v6::VendorOpts::new_checked(value)
                .map_err(|_| refuse(server, what.clone(), value))?;
            let ent = opts.enterprise();
            let space = format!("ztp-e{ent}");
            def(format!(
                "option space {space} code width 2 length width 2;\n\
                 option vsio.{space} code {ent} = encapsulate {space};"
            ));
            let mut lines = Vec::new();
            for item in opts.items() {
                let item = item.map_err(|_| refuse(server, what.clone(), value))?;
                let c = item.code.get();
                def(format!("option {space}.s{c} code {c} = string;"));
                let v = match item.value {
                    [] => "\"\"".to_owned(),
                    [_] => isc::quoted(server, &what, item.value)?,
                    v => hex(v, ":"),
                };
                lines.push(format!("option {space}.s{c} {v};"));
            }
            lines
        }
        (Family::V6, c) => {
            def(format!("option dhcp6.ztp-opt-{c} code {c} = text;"));
            vec![format!(
                "option dhcp6.ztp-opt-{c} {};",
                isc::quoted(server, &what, value)?
            )]
        }
    })
}

// ------------------------------------------------------------------ Kea

fn kea_condition(c: &Condition) -> String {
    let opt = format!("option[{}].hex", c.option);
    let lit = format!("0x{}", hex(c.test.bytes(), ""));
    let n = c.test.bytes().len();
    match &c.test {
        Test::Exact(_) => format!("{opt} == {lit}"),
        Test::Prefix(_) => format!("substring({opt},0,{n}) == {lit}"),
        Test::At { offset, .. } => format!("substring({opt},{offset},{n}) == {lit}"),
        // Kea counts a negative start from the end.
        _ => format!("substring({opt},-{n},all) == {lit}"),
    }
}

fn kea_class(class: &ClassMatch) -> String {
    class
        .conditions
        .iter()
        .map(|c| format!("({})", kea_condition(c)))
        .collect::<Vec<_>>()
        .join(" and ")
}

fn kea_fleet(
    server: Server,
    family: Family,
    entries: &[Entry<'_>],
    notes: &mut Vec<Note>,
) -> Result<String, Error> {
    let mut defs: Vec<Value> = Vec::new();
    let mut classes = Vec::new();
    let mut reservations = Vec::new();
    for e in entries {
        let mut data = Vec::new();
        for (code, value) in e.options() {
            data.extend(kea_option(server, family, *code, value, &mut defs)?);
        }
        match &e.e.who {
            Who::Class(class) => {
                let mut test = kea_class(class);
                for j in &e.narrower {
                    if let Some(n) = entries.get(*j).and_then(Entry::class) {
                        let _ = write!(test, " and not ({})", kea_class(n));
                    }
                }
                let mut c = Map::new();
                c.insert("name".into(), Value::from(e.tag.clone()));
                c.insert("test".into(), Value::from(test));
                c.insert("option-data".into(), Value::from(data));
                if let Some(secs) = e.lease() {
                    for key in ["valid-lifetime", "min-valid-lifetime", "max-valid-lifetime"] {
                        c.insert(key.into(), Value::from(secs));
                    }
                }
                classes.push(Value::Object(c));
            }
            Who::Host(mac) => {
                if e.lease().is_some() {
                    notes.push(Note::LeaseTime {
                        server,
                        entry: e.e.name.clone(),
                    });
                }
                reservations.push(json!({
                    "hw-address": mac.to_string(),
                    "option-data": data,
                    "user-context": { "ztp-entry": e.e.name },
                }));
            }
        }
    }
    let mut dhcp = Map::new();
    dhcp.insert("option-def".into(), Value::from(defs));
    dhcp.insert("client-classes".into(), Value::from(classes));
    if !reservations.is_empty() {
        dhcp.insert("reservations-global".into(), Value::from(true));
        dhcp.insert("reservations".into(), Value::from(reservations));
    }
    let mut doc = Map::new();
    doc.insert(
        if family == Family::V4 {
            "Dhcp4"
        } else {
            "Dhcp6"
        }
        .into(),
        Value::Object(dhcp),
    );
    kea::pretty(&Value::Object(doc))
}

fn kea_def(defs: &mut Vec<Value>, def: Value) {
    if !defs.contains(&def) {
        defs.push(def);
    }
}

fn kea_option(
    server: Server,
    family: Family,
    code: u16,
    value: &[u8],
    defs: &mut Vec<Value>,
) -> Result<Vec<Value>, Error> {
    let space = if family == Family::V4 {
        "dhcp4"
    } else {
        "dhcp6"
    };
    let opt = |space: &str, code: u16, name: &str, data: Map<String, Value>| {
        kea::option(space, code, name, data)
    };
    Ok(match (family, code) {
        (Family::V4, 43) => {
            kea_def(
                defs,
                json!({"name": "vendor-encapsulated-options", "code": 43, "space": "dhcp4", "type": "binary"}),
            );
            vec![opt(
                space,
                43,
                "vendor-encapsulated-options",
                kea::data(value, false),
            )]
        }
        (Family::V4, 150) => {
            kea_def(
                defs,
                json!({"name": "tftp-server-address", "code": 150, "space": "dhcp4", "type": "ipv4-address", "array": true}),
            );
            let mut m = Map::new();
            let list = addresses(value)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            m.insert("data".into(), Value::from(list));
            vec![opt(space, 150, "tftp-server-address", m)]
        }
        (Family::V4, 143) => {
            kea_def(
                defs,
                json!({"name": "v4-sztp-redirect", "code": 143, "space": "dhcp4", "type": "binary"}),
            );
            vec![opt(space, 143, "v4-sztp-redirect", kea::data(value, false))]
        }
        (Family::V4, 66) => vec![opt(space, 66, "tftp-server-name", kea::data(value, true))],
        (Family::V4, 67) => vec![opt(space, 67, "boot-file-name", kea::data(value, true))],
        (Family::V6, 59) => vec![opt(space, 59, "bootfile-url", kea::data(value, true))],
        (Family::V6, 136) => {
            kea_def(
                defs,
                json!({"name": "sztp-redirect", "code": 136, "space": "dhcp6", "type": "binary"}),
            );
            vec![opt(space, 136, "sztp-redirect", kea::data(value, false))]
        }
        (Family::V6, 17) => {
            let what = format!("option {code}");
            let opts = v6::VendorOpts::new_checked(value)
                .map_err(|_| refuse(server, what.clone(), value))?;
            let ent = opts.enterprise();
            let sub = format!("vendor-{ent}");
            let mut d = Map::new();
            d.insert("data".into(), Value::from(ent.to_string()));
            let mut out = vec![opt(space, 17, "vendor-opts", d)];
            for item in opts.items() {
                let item = item.map_err(|_| refuse(server, what.clone(), value))?;
                let c = item.code.get();
                let name = format!("ztp-s{c}");
                kea_def(
                    defs,
                    json!({"name": name, "code": c, "space": sub, "type": "binary"}),
                );
                out.push(opt(&sub, c, &name, kea::data(item.value, false)));
            }
            out
        }
        (_, c) => {
            let name = format!("ztp-opt-{c}");
            kea_def(
                defs,
                json!({"name": name, "code": c, "space": space, "type": "string"}),
            );
            vec![opt(space, c, &name, kea::data(value, true))]
        }
    })
}

// -------------------------------------------------------------- dnsmasq

/// Text in a class line, quoted (the quotes keep `#` and spaces; a comma
/// would still split the line, so it is refused).
fn dnsmasq_class_text(what: &str, bytes: &[u8]) -> Result<String, Error> {
    if bytes.contains(&b',') {
        return Err(refuse(Server::Dnsmasq, what.into(), bytes));
    }
    dnsmasq::text(what, bytes)
}

fn note(notes: &mut Vec<Note>, n: Note) {
    if !notes.contains(&n) {
        notes.push(n);
    }
}

/// The lines that set one tag per test dnsmasq makes for `class`; the
/// tags. DHCPv4: `dhcp-match` with a hex value (a prefix test, `*` for
/// the bytes before an offset), `dhcp-vendorclass` for a suffix of 60 (a
/// substring test). DHCPv6: dnsmasq 2.90 sets no tag from `dhcp-match` on
/// `option6:15` / `option6:16` (seen on the wire), so 15 is
/// `dhcp-userclass` and 16 `dhcp-vendorclass=...,enterprise:<n>,...`,
/// both substring tests of an item's data.
fn dnsmasq_class(
    family: Family,
    tag: &str,
    class: &ClassMatch,
    notes: &mut Vec<Note>,
) -> Result<(Vec<String>, Vec<String>), Error> {
    let server = Server::Dnsmasq;
    let mut lines = Vec::new();
    let mut tags = Vec::new();
    // DHCPv6 16: the enterprise of a Prefix test joins the At test.
    let enterprise = class
        .conditions
        .iter()
        .find_map(|c| match (&c.test, c.option) {
            (Test::Prefix(b), 16) => <[u8; 4]>::try_from(b.as_slice())
                .ok()
                .map(u32::from_be_bytes),
            _ => None,
        });
    for (i, c) in class.conditions.iter().enumerate() {
        let t = format!("{tag}-c{i}");
        let bytes = c.test.bytes();
        let line = match (family, c.option, &c.test) {
            (Family::V4, 60, Test::Suffix(_)) => {
                note(notes, Note::ClassSubstring);
                let text = dnsmasq_class_text("a vendor class suffix", bytes)?;
                format!("dhcp-vendorclass=set:{t},{text}")
            }
            (Family::V4, _, Test::Suffix(_)) | (Family::V6, _, Test::Suffix(_)) => {
                return Err(refuse(
                    server,
                    format!("a suffix test of option {}", c.option),
                    bytes,
                ));
            }
            (Family::V4, code, test) => {
                let offset = test.offset().unwrap_or(0);
                if offset + bytes.len() < 2 {
                    return Err(refuse(server, "a one-byte test".into(), bytes));
                }
                let mut parts: Vec<String> = vec!["*".into(); offset];
                parts.extend(bytes.iter().map(|b| format!("{b:02x}")));
                if matches!(test, Test::Exact(_)) {
                    note(notes, Note::MatchIsPrefix);
                }
                format!("dhcp-match=set:{t},{code},{}", parts.join(":"))
            }
            (Family::V6, 15, Test::Exact(b) | Test::Prefix(b)) if b.len() > 2 => {
                note(notes, Note::ClassSubstring);
                let text = dnsmasq_class_text("a user class", b.get(2..).unwrap_or_default())?;
                format!("dhcp-userclass=set:{t},{text}")
            }
            (Family::V6, 16, Test::Prefix(b)) if b.len() == 4 => continue,
            (Family::V6, 16, Test::At { offset: 6, value }) if enterprise.is_some() => {
                note(notes, Note::ClassSubstring);
                let text = dnsmasq_class_text("a vendor class", value)?;
                format!(
                    "dhcp-vendorclass=set:{t},enterprise:{},{text}",
                    enterprise.unwrap_or_default()
                )
            }
            (Family::V6, 16, Test::Exact(b)) if b.len() > 6 => {
                note(notes, Note::ClassSubstring);
                let text = dnsmasq_class_text("a vendor class", b.get(6..).unwrap_or_default())?;
                format!(
                    "dhcp-vendorclass=set:{t},enterprise:{},{text}",
                    b.get(..4)
                        .and_then(|e| <[u8; 4]>::try_from(e).ok())
                        .map_or(0, u32::from_be_bytes)
                )
            }
            (Family::V6, code, _) => {
                return Err(refuse(
                    server,
                    format!("a test of dhcpv6 option {code}"),
                    bytes,
                ));
            }
        };
        lines.push(line);
        tags.push(format!("tag:{t}"));
    }
    Ok((lines, tags))
}

fn dnsmasq_fleet(
    family: Family,
    entries: &[Entry<'_>],
    notes: &mut Vec<Note>,
) -> Result<String, Error> {
    let server = Server::Dnsmasq;
    let v6 = family == Family::V6;
    let mut out = format!(
        "# ZTP fleet ({family}), rendered by ztp-server-config: dnsmasq.conf lines\n\
         # (for --conf-file).\n"
    );
    // Tags first: the conditions, then the classes (tag-if runs after the
    // matches), then the hosts.
    for e in entries {
        if let Some(class) = e.class() {
            let _ = writeln!(out, "# class {}", e.e.name);
            let (lines, mut tags) = dnsmasq_class(family, &e.tag, class, notes)?;
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            for n in e.narrower.iter().filter_map(|j| entries.get(*j)) {
                tags.push(format!("tag:!{}", n.tag));
            }
            let _ = writeln!(out, "tag-if=set:{},{}", e.tag, tags.join(","));
        }
    }
    // A narrower class must be set before a wider one tests its absence:
    // dnsmasq runs tag-if lines in order.
    out = order_tag_ifs(&out, entries);
    for e in entries {
        if let Who::Host(mac) = &e.e.who {
            // DHCPv6: dnsmasq 2.90 compares a dhcp-host MAC with the
            // link-layer address the request came from (its neighbour
            // table), not with the DUID; the DUID-LL is matched as `id:`.
            let who = if v6 {
                format!("id:00:03:00:01:{mac}")
            } else {
                mac.to_string()
            };
            match e.lease() {
                Some(secs) => {
                    let _ = writeln!(out, "dhcp-host={who},set:{},{secs}", e.tag);
                }
                None => {
                    let _ = writeln!(out, "dhcp-host={who},set:{}", e.tag);
                }
            }
        }
    }
    for e in entries {
        if e.class().is_some() && e.lease().is_some() {
            notes.push(Note::LeaseTime {
                server,
                entry: e.e.name.clone(),
            });
        }
        for (code, value) in e.options() {
            let mut tags = vec![format!("tag:{}", e.tag)];
            if e.class().is_some() {
                // A host entry overrides the class for the codes it sets.
                for h in entries
                    .iter()
                    .filter(|h| matches!(h.e.who, Who::Host(_)) && h.sets(*code))
                {
                    tags.push(format!("tag:!{}", h.tag));
                }
            }
            let force = format!("dhcp-option-force={},", tags.join(","));
            let what = format!("option {code} of {}", e.e.name);
            let line = match (family, *code) {
                (Family::V4, 150) => format!(
                    "option:tftp-server-address,{}",
                    addresses(value)
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                (Family::V4, 66 | 67) => {
                    let n = Note::TrailingNul {
                        option: u8::try_from(*code).unwrap_or_default(),
                    };
                    if !notes.contains(&n) {
                        notes.push(n);
                    }
                    format!("{code},{}", dnsmasq::text(&what, value)?)
                }
                (Family::V6, 59) => {
                    format!("option6:bootfile-url,{}", dnsmasq::text(&what, value)?)
                }
                (Family::V6, 17) => {
                    let opts = v6::VendorOpts::new_checked(value)
                        .map_err(|_| refuse(server, what.clone(), value))?;
                    let ent = opts.enterprise();
                    let mut lines = Vec::new();
                    for item in opts.items() {
                        let item = item.map_err(|_| refuse(server, what.clone(), value))?;
                        let v = match item.value {
                            [_] => dnsmasq::text(&what, item.value)?,
                            v => dnsmasq::bytes(&what, v)?,
                        };
                        lines.push(format!(
                            "{force}vi-encap:{ent},option6:{},{v}",
                            item.code.get()
                        ));
                    }
                    let _ = writeln!(out, "{}", lines.join("\n"));
                    continue;
                }
                (_, c) => {
                    // Bytes go out as given for a code dnsmasq has no type
                    // for (text included).
                    let p = if v6 { "option6:" } else { "" };
                    // One byte in hex would be read as a number: quote it
                    // (as the DHCPv6 suboptions are).
                    let v = match value.as_slice() {
                        [_] => dnsmasq::text(&what, value)?,
                        v => dnsmasq::bytes(&what, v)?,
                    };
                    format!("{p}{c},{v}")
                }
            };
            if let Some(s) = printable(value) {
                let _ = writeln!(out, "# {}: {}", e.e.name, s.escape_debug());
            }
            let _ = writeln!(out, "{force}{line}");
        }
    }
    Ok(out)
}

/// Puts each `tag-if` line after the lines of the narrower classes it
/// tests the absence of (dnsmasq runs them in order).
fn order_tag_ifs(text: &str, entries: &[Entry<'_>]) -> String {
    let (tagifs, rest): (Vec<&str>, Vec<&str>) =
        text.lines().partition(|l| l.starts_with("tag-if="));
    // Narrowest first: more conditions first, a stable order otherwise.
    let mut order: Vec<&Entry<'_>> = entries.iter().filter(|e| e.class().is_some()).collect();
    order.sort_by_key(|e| std::cmp::Reverse(e.class().map_or(0, |c| c.conditions.len())));
    let mut out = String::new();
    for l in rest {
        let _ = writeln!(out, "{l}");
    }
    for e in order {
        let prefix = format!("tag-if=set:{},", e.tag);
        if let Some(l) = tagifs.iter().find(|l| l.starts_with(&prefix)) {
            let _ = writeln!(out, "{l}");
        }
    }
    out
}
