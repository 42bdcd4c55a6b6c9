//! dnsmasq: `dhcp-option-force` lines for a configuration file.
//!
//! Every value is written as colon-separated hex bytes: dnsmasq sends those
//! unchanged, whereas text is guessed at (a value that looks like an address
//! or a number is encoded as one), split at commas, and, for option 66,
//! followed by a NUL.

use std::fmt::Write as _;

use crate::wire::{Wire, addresses, hex, printable, suboption_name, sztp_uris};
use crate::{Error, Note, Scope, Server, TAG, VENDOR_CLASS_PREFIX};

/// The most dnsmasq sends in one option (it does not split, RFC 3396).
pub(crate) const MAX_OPTION: usize = 255;

/// A value as dnsmasq reads it back byte for byte.
pub(crate) fn bytes(what: &str, value: &[u8]) -> Result<String, Error> {
    match value {
        // One or no byte: "61" would be read as the number 61.
        [] | [_] => Err(Error::Unrepresentable {
            server: Server::Dnsmasq,
            what: what.to_owned(),
            value: String::from_utf8_lossy(value).into_owned(),
        }),
        _ => Ok(hex(value, ":")),
    }
}

/// A value for a text option dnsmasq knows (59, 66, 12), quoted: in a
/// configuration file the quotes keep commas, spaces and `#` and are not
/// sent; inside them dnsmasq reads `\"` and `\\` as `"` and `\`.
pub(crate) fn text(what: &str, value: &[u8]) -> Result<String, Error> {
    match printable(value) {
        Some(s) => {
            let mut out = String::with_capacity(s.len() + 2);
            out.push('"');
            for c in s.chars() {
                if c == '"' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
            Ok(out)
        }
        None => Err(Error::Unrepresentable {
            server: Server::Dnsmasq,
            what: what.to_owned(),
            value: String::from_utf8_lossy(value).into_owned(),
        }),
    }
}

fn comment(out: &mut String, what: &str, value: &[u8]) {
    let shown = printable(value).map_or_else(|| hex(value, ":"), str::to_owned);
    let _ = writeln!(out, "# {what}: {shown}");
}

pub(crate) fn render(wire: &Wire, scope: &Scope, notes: &mut Vec<Note>) -> Result<String, Error> {
    let v6 = wire.family == ztp_options::Family::V6;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Juniper ZTP ({}), rendered by ztp-server-config: dnsmasq.conf lines\n\
         # (for --conf-file; as --options on a command line, the quotes must not\n\
         # reach dnsmasq: a shell removes them, an exec without one does not).",
        if v6 { "DHCPv6" } else { "DHCPv4" }
    );
    match scope {
        Scope::Host(mac) => {
            let _ = writeln!(out, "dhcp-host={mac},set:{TAG}");
        }
        Scope::VendorClass => {
            notes.push(Note::VendorClassSubstring);
            let enterprise = if v6 { "enterprise:2636," } else { "" };
            let _ = writeln!(
                out,
                "dhcp-vendorclass=set:{TAG},{enterprise}{VENDOR_CLASS_PREFIX}"
            );
        }
    }
    let force = format!("dhcp-option-force=tag:{TAG},");
    if v6 {
        lines_v6(&mut out, &force, wire)?;
    } else {
        lines_v4(&mut out, &force, wire, notes)?;
    }
    Ok(out)
}

/// The DHCPv6 lines (`force` is `dhcp-option-force=` and the tag, if any,
/// with its comma) that send `wire`'s option 17 items (enterprise 2636), 59
/// and 136.
pub(crate) fn lines_v6(out: &mut String, force: &str, wire: &Wire) -> Result<(), Error> {
    for (code, value) in &wire.items {
        let what = format!("suboption {code:02} {}", suboption_name(*code));
        comment(out, &what, value);
        // A single byte in hex would be read as a number: quote it.
        let v = match value.as_slice() {
            [_] => text(&what, value)?,
            _ => bytes(&what, value)?,
        };
        let _ = writeln!(out, "{force}vi-encap:2636,option6:{code},{v}");
    }
    if let Some(url) = &wire.boot_url {
        comment(out, "option 59 bootfile-url", url);
        // dnsmasq sends a known text option's value as written: bytes
        // would go out as their hex text.
        let _ = writeln!(
            out,
            "{force}option6:bootfile-url,{}",
            text("option 59", url)?
        );
    }
    if let Some(list) = &wire.sztp_v6 {
        for uri in sztp_uris(list, ztp_options::Family::V6) {
            let _ = writeln!(out, "# sztp bootstrap server: {uri}");
        }
        // dnsmasq has no type for 136: hex goes out as bytes.
        let _ = writeln!(out, "{force}option6:136,{}", bytes("option 136", list)?);
    }
    Ok(())
}

/// The DHCPv4 lines (`force` as for [`lines_v6`]) that send `wire`'s
/// option 43 and the others.
pub(crate) fn lines_v4(
    out: &mut String,
    force: &str,
    wire: &Wire,
    notes: &mut Vec<Note>,
) -> Result<(), Error> {
    let server = Server::Dnsmasq;
    if let Some(value) = &wire.vendor {
        if value.len() > MAX_OPTION {
            return Err(Error::TooLong {
                server,
                option: 43,
                len: value.len(),
                max: MAX_OPTION,
            });
        }
        for (code, v) in &wire.items {
            comment(
                out,
                &format!("option 43 suboption {code:02} {}", suboption_name(*code)),
                v,
            );
        }
        let _ = writeln!(out, "{force}43,{}", bytes("option 43", value)?);
    }
    for (code, value) in &wire.v4 {
        let what = format!("option {code}");
        if value.len() > MAX_OPTION {
            return Err(Error::TooLong {
                server,
                option: u16::from(*code),
                len: value.len(),
                max: MAX_OPTION,
            });
        }
        // dnsmasq knows 150, 7 and 42 as address lists and refuses bytes
        // for them ("bad IP address").
        let list = || {
            addresses(value)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        match code {
            150 => {
                let _ = writeln!(out, "{force}option:tftp-server-address,{}", list());
            }
            7 => {
                let _ = writeln!(out, "{force}option:log-server,{}", list());
            }
            42 => {
                let _ = writeln!(out, "{force}option:ntp-server,{}", list());
            }
            66 | 12 => {
                notes.push(Note::TrailingNul { option: *code });
                let _ = writeln!(out, "{force}{code},{}", text(&what, value)?);
            }
            143 => {
                for uri in sztp_uris(value, ztp_options::Family::V4) {
                    let _ = writeln!(out, "# sztp bootstrap server: {uri}");
                }
                // dnsmasq has no type for 143: hex goes out as bytes.
                let _ = writeln!(out, "{force}143,{}", bytes(&what, value)?);
            }
            _ => {
                comment(out, &what, value);
                let _ = writeln!(out, "{force}{code},{}", bytes(&what, value)?);
            }
        }
    }
    Ok(())
}
