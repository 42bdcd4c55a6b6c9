//! ISC dhcpd: `dhcpd.conf` (DHCPv4) and `dhcpd6.conf` (DHCPv6) statements.

use std::fmt::Write as _;

use crate::wire::{Wire, addresses, hex, is_text, printable, suboption_name};
use crate::{Error, Scope, Server, TAG, VENDOR_CLASS_PREFIX};

/// An ISC quoted string: `"` and `\` escaped.
fn quoted(server: Server, what: &str, value: &[u8]) -> Result<String, Error> {
    let text = printable(value).ok_or_else(|| Error::Unrepresentable {
        server,
        what: what.to_owned(),
        value: String::from_utf8_lossy(value).into_owned(),
    })?;
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            s.push('\\');
        }
        s.push(c);
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

pub(crate) fn render_v4(wire: &Wire, scope: &Scope) -> Result<String, Error> {
    let server = Server::Isc;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Juniper ZTP (DHCPv4), rendered by ztp-server-config. dhcpd.conf statements:\n\
         # put them at the top level, next to your subnet declarations."
    );
    space(&mut out, wire, 1);
    let has150 = wire.v4.iter().any(|(c, _)| *c == 150);
    if has150 {
        out.push_str("option ztp-tftp-server-address code 150 = array of ip-address;\n");
    }
    let mut body = Vec::new();
    if !wire.items.is_empty() {
        body.push("vendor-option-space juniper;".to_owned());
        body.extend(suboptions(server, wire)?);
    }
    for (code, value) in &wire.v4 {
        let list = || {
            addresses(value)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
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
            other => {
                return Err(Error::Unrepresentable {
                    server,
                    what: format!("option {other}"),
                    value: hex(value, ":"),
                });
            }
        }
    }
    // dhcpd sends an option only when the client asks for it (option 55);
    // Junos asks for 43, 66 and 150, but make sure.
    body.push(
        "option dhcp-parameter-request-list = concat(option dhcp-parameter-request-list, 2b:42:96);"
            .to_owned(),
    );
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

pub(crate) fn render_v6(wire: &Wire, scope: &Scope) -> Result<String, Error> {
    let server = Server::Isc6;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Juniper ZTP (DHCPv6), rendered by ztp-server-config. dhcpd6.conf statements:\n\
         # put them at the top level, next to your subnet6 declarations."
    );
    space(&mut out, wire, 2);
    out.push_str("option vsio.juniper code 2636 = encapsulate juniper;\n");
    if *scope == Scope::VendorClass {
        // dhcpd has no name for option 16 (vendor class, RFC 8415 §21.16).
        out.push_str("option dhcp6.ztp-vendor-class code 16 = string;\n");
    }
    let mut body = suboptions(server, wire)?;
    if let Some(url) = &wire.boot_url {
        body.push(format!(
            "option dhcp6.bootfile-url {};",
            quoted(server, "option 59", url)?
        ));
    }
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
