//! Configuration snippets that make a server send given options with
//! exactly given bytes: the fixes of the server-side pitfalls (R35).

use std::fmt;
use std::fmt::Write as _;

use serde_json::{Map, Value};
use ztp_options::v4::Option43;
use ztp_options::{Family, v6};

use crate::wire::{Wire, hex};
use crate::{Error, Note, Server, dnsmasq, isc, kea};

/// One option the fixed server must send, with its exact bytes (the
/// option's value: no code, no length; for DHCPv6 option 17 the value
/// starts with the enterprise number).
///
/// The options a snippet can carry:
///
/// | family | code | value |
/// | --- | --- | --- |
/// | v4 | 43 | any bytes (vendor-specific information, R1) |
/// | v4 | 150, 7, 42 | IPv4 addresses, 4 bytes each (R4, R5) |
/// | v4 | 66, 12 | text (R3, R5) |
/// | v4 | 143 | any bytes (the RFC 8572 bootstrap-server list, R31) |
/// | v6 | 17 | enterprise 2636, then `code(2) len(2) value` items (R8) |
/// | v6 | 59 | text: the boot file URL (R9) |
/// | v6 | 136 | any bytes (the RFC 8572 bootstrap-server list, R31) |
///
/// ```
/// use ztp_server_config::OptionBytes;
///
/// let image = OptionBytes::V4 { code: 43, value: b"\x00\x09junos.tgz" };
/// assert_eq!(image.code(), 43);
/// assert_eq!(image.value(), b"\x00\x09junos.tgz");
/// assert_eq!(image.family(), ztp_options::Family::V4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionBytes<'a> {
    /// A DHCPv4 option.
    V4 {
        /// The option code.
        code: u8,
        /// The option's value, exactly as it must be sent.
        value: &'a [u8],
    },
    /// A DHCPv6 option.
    V6 {
        /// The option code.
        code: u16,
        /// The option's value, exactly as it must be sent.
        value: &'a [u8],
    },
}

impl OptionBytes<'_> {
    /// The family of the option.
    pub const fn family(&self) -> Family {
        match self {
            OptionBytes::V4 { .. } => Family::V4,
            OptionBytes::V6 { .. } => Family::V6,
        }
    }

    /// The option code.
    pub fn code(&self) -> u16 {
        match *self {
            OptionBytes::V4 { code, .. } => u16::from(code),
            OptionBytes::V6 { code, .. } => code,
        }
    }

    /// The option's value.
    pub const fn value(&self) -> &[u8] {
        match self {
            OptionBytes::V4 { value, .. } | OptionBytes::V6 { value, .. } => value,
        }
    }
}

/// A configuration fragment for one server, from [`snippet`].
///
/// [`Display`](fmt::Display) writes [`Snippet::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Snippet {
    /// The server.
    pub server: Server,
    /// The fragment, for the global scope (definitions included):
    ///
    /// - ISC dhcpd (`isc`, `isc6`): statements for the top level of
    ///   `dhcpd.conf` / `dhcpd6.conf`;
    /// - Kea (`kea`, `kea6`): a JSON object with `option-def` and
    ///   `option-data` arrays whose entries go into the same arrays of the
    ///   `Dhcp4` / `Dhcp6` object (create them if absent);
    /// - dnsmasq: `dhcp-option-force` lines for a configuration file.
    pub text: String,
    /// What the server sends differently from the bytes asked for, or what
    /// you must know to use the fragment (dnsmasq's NUL after option 66,
    /// a server's order of the DHCPv6 suboptions).
    pub notes: Vec<Note>,
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A configuration fragment that makes `server` send every option of
/// `send` with exactly its bytes, to every client (global scope), whether
/// or not the client asks for it where the server can say so.
///
/// Each server is told to send unrequested options: Kea's `always-send`
/// (Kea otherwise sends only what the client's parameter request list or
/// option request option names), dnsmasq's `dhcp-option-force`, and for ISC
/// dhcpd (DHCPv4) a `dhcp-parameter-request-list` that appends the codes to
/// the client's own list (ISC dhcpd sends only requested options; a client
/// with no list at all gets dhcpd's default set). ISC dhcpd for DHCPv6
/// sends what the client's option request option names (an SZTP device
/// asks for 136, a Junos device for 17 and 59).
///
/// How each server is told, per option, is what [`render`](crate::render)
/// writes (the same code): DHCPv4 option 43 as raw bytes (ISC:
/// `option vendor-encapsulated-options <hex>;`; Kea: an `option-def` of 43
/// as `binary` in space `dhcp4`, without which Kea 2.2 sends it empty,
/// P43-1; dnsmasq: `43,<hex>`), 150 as an address list (ISC defines
/// `code 150 = array of ip-address`, Kea an `ipv4-address` array),
/// 143 and 136 as bytes (ISC `string`, not `text`, P143-1; Kea `binary`).
///
/// # Errors
///
/// [`Error::WrongFamily`] for an option of the family the server does not
/// serve (or both families for dnsmasq), [`Error::Unrepresentable`] for an
/// option the table of [`OptionBytes`] does not list, a value that is empty or
/// not of the option's kind (an address list whose length is not a
/// multiple of 4, an option 17 that does not decode or is not enterprise
/// 2636, text dnsmasq cannot quote), an option given twice, or DHCPv6
/// suboptions given twice (ISC and Kea send one), [`Error::TooLong`] for an
/// option over 255 bytes for dnsmasq (it does not split, RFC 3396).
///
/// ```
/// use ztp_server_config::{OptionBytes, Server, snippet};
///
/// // Option 43: suboption 01 (the configuration file), and option 150.
/// let send = [
///     OptionBytes::V4 { code: 43, value: b"\x01\x07sw.conf" },
///     OptionBytes::V4 { code: 150, value: &[10, 0, 0, 1] },
/// ];
/// let isc = snippet(Server::Isc, &send)?;
/// assert!(isc.text.contains("option vendor-encapsulated-options 01:07:73:77:2e:63:6f:6e:66;"));
/// assert!(isc.text.contains("option ztp-tftp-server-address code 150 = array of ip-address;"));
///
/// let kea = snippet(Server::Kea4, &send)?;
/// let json: serde_json::Value = serde_json::from_str(&kea.text)?;
/// assert_eq!(json["option-def"][0]["type"], "binary"); // 43, without which P43-1
/// assert_eq!(json["option-data"][0]["data"], "010773772e636f6e66");
/// assert_eq!(json["option-data"][0]["always-send"], true);
///
/// let dnsmasq = snippet(Server::Dnsmasq, &send)?;
/// assert!(dnsmasq.text.contains("dhcp-option-force=43,01:07:73:77:2e:63:6f:6e:66\n"));
/// assert!(dnsmasq.text.contains("dhcp-option-force=option:tftp-server-address,10.0.0.1\n"));
///
/// // What a server cannot send is a typed error.
/// assert!(snippet(Server::Isc6, &send).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn snippet(server: Server, send: &[OptionBytes<'_>]) -> Result<Snippet, Error> {
    let family = match (server.family(), send.first()) {
        (Some(f), _) => f,
        (None, Some(first)) => first.family(),
        (None, None) => Family::V4,
    };
    let wire = wire(server, family, send)?;
    let mut notes = Vec::new();
    let mut text = format!(
        "# ztp-server-config: sends {} ({})\n",
        send.iter()
            .map(|s| format!("option {}", s.code()))
            .collect::<Vec<_>>()
            .join(", "),
        match server {
            Server::Isc => "dhcpd.conf, top level",
            Server::Isc6 => "dhcpd6.conf, top level",
            Server::Kea4 => "entries for Dhcp4's option-def and option-data",
            Server::Kea6 => "entries for Dhcp6's option-def and option-data",
            Server::Dnsmasq => "dnsmasq.conf",
        }
    );
    match server {
        Server::Isc => {
            let mut defs = Vec::new();
            let mut body = Vec::new();
            if let Some(value) = &wire.vendor {
                body.push(isc::raw43(value));
            }
            for (code, value) in &wire.v4 {
                if let Some(def) = isc::v4_definition(*code) {
                    defs.push(def.to_owned());
                }
                body.extend(isc::v4_option(server, *code, value)?);
            }
            let codes: Vec<u8> = send
                .iter()
                .filter_map(|s| u8::try_from(s.code()).ok())
                .collect();
            body.push(isc::request(&codes));
            for line in defs.iter().chain(&body) {
                let _ = writeln!(text, "{line}");
            }
        }
        Server::Isc6 => {
            let (defs, body) = isc::v6_parts(&wire, false, wire.vendor.is_some())?;
            text.push_str(&defs);
            for line in &body {
                let _ = writeln!(text, "{line}");
            }
        }
        Server::Kea4 | Server::Kea6 => {
            let (defs, options) = if family == Family::V4 {
                kea::v4_parts(&wire)?
            } else {
                kea::v6_parts(&wire)
            };
            let mut m = Map::new();
            m.insert("option-def".into(), Value::from(defs));
            m.insert("option-data".into(), Value::from(options));
            // JSON has no comments: the fragment is the JSON alone.
            text = kea::pretty(&Value::Object(m))?;
        }
        Server::Dnsmasq => {
            if family == Family::V4 {
                dnsmasq::lines_v4(&mut text, "dhcp-option-force=", &wire, &mut notes)?;
            } else {
                dnsmasq::lines_v6(&mut text, "dhcp-option-force=", &wire)?;
            }
        }
    }
    // The DHCPv6 suboptions go out in the server's order: ISC and Kea sent
    // items given by code in that order, dnsmasq 2.90 reversed them.
    let sorted = wire.items.windows(2).all(|w| match w {
        [a, b] => a.0 <= b.0,
        _ => true,
    });
    if family == Family::V6
        && wire.items.len() > 1
        && !(matches!(server, Server::Kea6 | Server::Isc6) && sorted)
    {
        notes.push(Note::SuboptionOrder);
    }
    Ok(Snippet {
        server,
        text,
        notes,
    })
}

/// The options of `send`, checked, split as the renderers take them.
fn wire(server: Server, family: Family, send: &[OptionBytes<'_>]) -> Result<Wire, Error> {
    let mut wire = Wire {
        family,
        items: Vec::new(),
        vendor: None,
        v4: Vec::new(),
        boot_url: None,
        sztp_v6: None,
    };
    let refuse = |what: String, value: &[u8]| Error::Unrepresentable {
        server,
        what,
        value: String::from_utf8_lossy(value).into_owned(),
    };
    let mut seen = Vec::new();
    for s in send {
        if s.family() != family {
            return Err(Error::WrongFamily {
                server,
                expected: family,
                found: s.family(),
            });
        }
        let (code, value) = (s.code(), s.value());
        if seen.contains(&code) {
            return Err(refuse(format!("option {code} a second time"), value));
        }
        seen.push(code);
        if value.is_empty() {
            return Err(refuse(format!("an empty option {code}"), value));
        }
        match (family, code) {
            (Family::V4, 43) => {
                // Suboption names for comments, when the value walks as
                // code(1) len(1) items; the bytes are sent either way.
                if let Ok(o) = Option43::new_checked(value) {
                    wire.items = o
                        .items()
                        .map_while(Result::ok)
                        .map(|i| (i.code.get(), i.value.to_vec()))
                        .collect();
                }
                wire.vendor = Some(value.to_vec());
            }
            (Family::V4, 150 | 7 | 42) if value.len() % 4 != 0 => {
                return Err(refuse(
                    format!(
                        "option {code} (IPv4 addresses, 4 bytes each, R4) of {} bytes",
                        value.len()
                    ),
                    value,
                ));
            }
            (Family::V4, 150 | 7 | 42 | 66 | 12 | 143) => {
                let code = u8::try_from(code).unwrap_or_default();
                wire.v4.push((code, value.to_vec()));
            }
            (Family::V6, 17) => {
                let bad = || refuse(format!("option 17 {}", hex(value, ":")), value);
                let opts = v6::VendorOpts::new_checked(value).map_err(|_| bad())?;
                if opts.enterprise() != v6::JUNIPER_ENTERPRISE {
                    return Err(refuse(
                        format!("option 17 for enterprise {} (not 2636)", opts.enterprise()),
                        value,
                    ));
                }
                for item in opts.items() {
                    let item = item.map_err(|_| bad())?;
                    let code = item.code.get();
                    if wire.items.iter().any(|(c, _)| *c == code) && server != Server::Dnsmasq {
                        return Err(refuse(
                            format!("suboption {code:02} a second time"),
                            item.value,
                        ));
                    }
                    wire.items.push((code, item.value.to_vec()));
                }
                wire.vendor = Some(value.to_vec());
            }
            (Family::V6, 59) => wire.boot_url = Some(value.to_vec()),
            (Family::V6, 136) => wire.sztp_v6 = Some(value.to_vec()),
            (_, code) => {
                return Err(refuse(format!("option {code} (no snippet for it)"), value));
            }
        }
    }
    Ok(wire)
}
