//! ISC dhcpd: `dhcpd.conf` (DHCPv4) and `dhcpd6.conf` (DHCPv6) statements.

use std::fmt::Write as _;

use ztp_options::Family;

use crate::wire::{Wire, addresses, hex, is_text, suboption_name, sztp_uris};
use crate::{Error, Scope, Server, TAG, VENDOR_CLASS_PREFIX};

/// An ISC quoted string: `"` and `\` escaped; control characters (the C1
/// controls such as U+0085, which R7 lets through in names) and bytes that
/// are not UTF-8 (an ignored option 66 is sent as it came) as octal
/// escapes, which dhcpd's lexer reads as those bytes (three digits, so a
/// digit after one is not read into it).
pub(crate) fn quoted(server: Server, what: &str, value: &[u8]) -> Result<String, Error> {
    if value.is_empty() {
        return Err(Error::Unrepresentable {
            server,
            what: what.to_owned(),
            value: String::new(),
        });
    }
    let mut s = String::with_capacity(value.len() + 2);
    s.push('"');
    let octal = |s: &mut String, bytes: &[u8]| {
        for b in bytes {
            let _ = write!(s, "\\{b:03o}");
        }
    };
    for chunk in value.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '"' || c == '\\' {
                s.push('\\');
                s.push(c);
            } else if c.is_control() {
                octal(&mut s, c.encode_utf8(&mut [0; 4]).as_bytes());
            } else {
                s.push(c);
            }
        }
        octal(&mut s, chunk.invalid());
    }
    s.push('"');
    Ok(s)
}

/// The option space definitions, one per suboption code the plan sends.
fn space(out: &mut String, wire: &Wire, width: u8) {
    let _ = writeln!(
        out,
        "option space juniper code width {width} length width {width};"
    );
    let mut codes: Vec<u16> = wire.items.iter().map(|(c, _)| *c).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        let kind = if is_text(code) { "text" } else { "string" };
        let _ = writeln!(
            out,
            "option juniper.{} code {code} = {kind};",
            suboption_name(code)
        );
    }
}

/// `option juniper.<name> <value>;` for each suboption.
fn suboptions(server: Server, wire: &Wire) -> Result<Vec<String>, Error> {
    let mut lines = Vec::new();
    for (code, value) in &wire.items {
        let name = suboption_name(*code);
        let v = if is_text(*code) {
            quoted(server, &format!("suboption {code:02}"), value)?
        } else if value.is_empty() && server == Server::Isc {
            // dhcpd 4.4 leaves an empty suboption out of option 43 (it
            // sends one in DHCPv6 option 17).
            return Err(Error::Unrepresentable {
                server,
                what: format!("empty suboption {code:02}"),
                value: String::new(),
            });
        } else if value.is_empty() {
            // No hex bytes is no value at all (a syntax error): an empty
            // string is the empty value.
            "\"\"".to_owned()
        } else {
            hex(value, ":")
        };
        lines.push(format!("option juniper.{name} {v};"));
    }
    Ok(lines)
}

/// The scope block around `body`.
fn block(out: &mut String, scope: &Scope, matcher: &str, body: &[String]) {
    match scope {
        Scope::Host(mac) => {
            let _ = writeln!(out, "host {TAG}-{} {{", hex(&mac.0, ""));
            let _ = writeln!(out, "  hardware ethernet {mac};");
        }
        Scope::VendorClass => {
            let _ = writeln!(out, "class \"{TAG}\" {{");
            let _ = writeln!(out, "  match if {matcher};");
        }
    }
    for line in body {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "}}");
}

/// The definition ISC dhcpd 4.4 needs before it can send DHCPv4 option
/// `code` (`None`: it has a name for it).
pub(crate) fn v4_definition(code: u8) -> Option<&'static str> {
    match code {
        150 => Some("option ztp-tftp-server-address code 150 = array of ip-address;"),
        // ISC dhcpd 4.4 has no name for 143: bytes (`string`, not `text`:
        // the RFC 8572 length prefixes are binary), split by dhcpd when long.
        143 => Some("option ztp-sztp-redirect code 143 = string;"),
        _ => None,
    }
}

/// The statements that send DHCPv4 option `code` (other than 43) with
/// exactly `value`.
pub(crate) fn v4_option(server: Server, code: u8, value: &[u8]) -> Result<Vec<String>, Error> {
    let list = || {
        addresses(value)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut body = Vec::new();
    match code {
        150 => body.push(format!("option ztp-tftp-server-address {};", list())),
        66 => body.push(format!(
            "option tftp-server-name {};",
            quoted(server, "option 66", value)?
        )),
        7 => body.push(format!("option log-servers {};", list())),
        42 => body.push(format!("option ntp-servers {};", list())),
        12 => body.push(format!(
            "option host-name {};",
            quoted(server, "option 12", value)?
        )),
        143 => {
            for uri in sztp_uris(value, Family::V4) {
                body.push(format!("# sztp bootstrap server: {uri}"));
            }
            body.push(format!("option ztp-sztp-redirect {};", hex(value, ":")));
        }
        other => {
            return Err(Error::Unrepresentable {
                server,
                what: format!("option {other}"),
                value: hex(value, ":"),
            });
        }
    }
    Ok(body)
}

/// The statement that sends option 43 with exactly `value`: dhcpd sends
/// `vendor-encapsulated-options` as given when no `vendor-option-space`
/// is named (split when long, RFC 3396).
pub(crate) fn raw43(value: &[u8]) -> String {
    format!("option vendor-encapsulated-options {};", hex(value, ":"))
}

/// dhcpd sends an option only when the client asks for it (option 55):
/// this statement asks for `codes` on the client's behalf.
pub(crate) fn request(codes: &[u8]) -> String {
    format!(
        "option dhcp-parameter-request-list = concat(option dhcp-parameter-request-list, {});",
        hex(codes, ":")
    )
}

pub(crate) fn render_v4(wire: &Wire, scope: &Scope) -> Result<String, Error> {
    let server = Server::Isc;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Juniper ZTP (DHCPv4), rendered by ztp-server-config. dhcpd.conf statements:\n\
         # put them at the top level, next to your subnet declarations."
    );
    space(&mut out, wire, 1);
    let mut defined = Vec::new();
    for (code, _) in &wire.v4 {
        if let Some(def) = v4_definition(*code).filter(|d| !defined.contains(d)) {
            defined.push(def);
            let _ = writeln!(out, "{def}");
        }
    }
    let has143 = wire.v4.iter().any(|(c, _)| *c == 143);
    let mut body = Vec::new();
    if !wire.items.is_empty() {
        body.push("vendor-option-space juniper;".to_owned());
        body.extend(suboptions(server, wire)?);
    }
    for (code, value) in &wire.v4 {
        body.extend(v4_option(server, *code, value)?);
    }
    // dhcpd sends what the client asks for: ask for 43, 66 and 150 (and
    // 143) on its behalf (Junos asks for them, but make sure).
    body.push(request(if has143 {
        &[43, 66, 150, 143]
    } else {
        &[43, 66, 150]
    }));
    block(
        &mut out,
        scope,
        &format!(
            "substring(option vendor-class-identifier, 0, {}) = \"{VENDOR_CLASS_PREFIX}\"",
            VENDOR_CLASS_PREFIX.len()
        ),
        &body,
    );
    Ok(out)
}

/// The DHCPv6 definitions and statements that send `wire`'s option 17
/// (enterprise 2636), 59 and 136; `vendor_class`: define option 16 to
/// match on too; `with_space`: define the suboption space.
pub(crate) fn v6_parts(
    wire: &Wire,
    vendor_class: bool,
    with_space: bool,
) -> Result<(String, Vec<String>), Error> {
    let server = Server::Isc6;
    let mut defs = String::new();
    if with_space {
        space(&mut defs, wire, 2);
        defs.push_str("option vsio.juniper code 2636 = encapsulate juniper;\n");
    }
    if vendor_class {
        // dhcpd has no name for option 16 (vendor class, RFC 8415 §21.16).
        defs.push_str("option dhcp6.ztp-vendor-class code 16 = string;\n");
    }
    if wire.sztp_v6.is_some() {
        defs.push_str("option dhcp6.ztp-sztp-redirect code 136 = string;\n");
    }
    let mut body = suboptions(server, wire)?;
    if let Some(url) = &wire.boot_url {
        body.push(format!(
            "option dhcp6.bootfile-url {};",
            quoted(server, "option 59", url)?
        ));
    }
    if let Some(list) = &wire.sztp_v6 {
        for uri in sztp_uris(list, Family::V6) {
            body.push(format!("# sztp bootstrap server: {uri}"));
        }
        body.push(format!(
            "option dhcp6.ztp-sztp-redirect {};",
            hex(list, ":")
        ));
    }
    Ok((defs, body))
}

pub(crate) fn render_v6(wire: &Wire, scope: &Scope) -> Result<String, Error> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Juniper ZTP (DHCPv6), rendered by ztp-server-config. dhcpd6.conf statements:\n\
         # put them at the top level, next to your subnet6 declarations."
    );
    let (defs, body) = v6_parts(wire, *scope == Scope::VendorClass, true)?;
    out.push_str(&defs);
    // Option 16 is enterprise (4 bytes), data length (2), data.
    block(
        &mut out,
        scope,
        &format!(
            "substring(option dhcp6.ztp-vendor-class, 0, 4) = 00:00:0a:4c\n    \
             and substring(option dhcp6.ztp-vendor-class, 6, {}) = \"{VENDOR_CLASS_PREFIX}\"",
            VENDOR_CLASS_PREFIX.len()
        ),
        &body,
    );
    Ok(out)
}
