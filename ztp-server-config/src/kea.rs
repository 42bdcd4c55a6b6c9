//! Kea: `kea-dhcp4` and `kea-dhcp6` JSON, built as `serde_json` values.

use serde_json::{Map, Value, json};

use ztp_options::Family;

use crate::wire::{Wire, addresses, hex, is_text, printable, suboption_name, sztp_uris};
use crate::{Error, MacAddr, Scope, Server, TAG, VENDOR_CLASS_PREFIX};

/// Kea splits `csv-format` data at commas, reads backslash escapes and
/// trims spaces from each end (`"  "` is refused as empty, `" a"` would
/// send `a`): text without any of those is given as text, anything else as
/// hex.
pub(crate) fn data(value: &[u8], text: bool) -> Map<String, Value> {
    let mut m = Map::new();
    let csv = |s: &&str| {
        text && !s.contains([',', '\\'])
            && !s.starts_with(|c: char| c.is_ascii_whitespace())
            && !s.ends_with(|c: char| c.is_ascii_whitespace())
    };
    match printable(value).filter(csv) {
        Some(s) => {
            m.insert("data".into(), Value::from(s));
        }
        None => {
            m.insert("csv-format".into(), Value::from(false));
            m.insert("data".into(), Value::from(hex(value, "")));
        }
    }
    m
}

pub(crate) fn option(space: &str, code: u16, name: &str, mut data: Map<String, Value>) -> Value {
    data.insert("space".into(), Value::from(space));
    data.insert("code".into(), Value::from(code));
    data.insert("name".into(), Value::from(name));
    // Kea sends an option only when the client asks for it (option 55 /
    // ORO) unless it is always sent; Junos asks, but make sure.
    data.insert("always-send".into(), Value::from(true));
    Value::Object(data)
}

/// What the suboptions say, for people reading the JSON.
fn comment(wire: &Wire) -> Value {
    Value::from(
        wire.items
            .iter()
            .map(|(code, value)| {
                Value::from(format!(
                    "{code:02} {}: {}",
                    suboption_name(*code),
                    printable(value).map_or_else(|| hex(value, ":"), str::to_owned)
                ))
            })
            .collect::<Vec<_>>(),
    )
}

/// Puts `options` under the scope: a client class or a global reservation.
fn scoped(
    dhcp: &mut Map<String, Value>,
    scope: &Scope,
    test: &str,
    options: Vec<Value>,
    mac: impl Fn(&MacAddr) -> String,
) {
    match scope {
        Scope::Host(m) => {
            dhcp.insert("reservations-global".into(), Value::from(true));
            dhcp.insert(
                "reservations".into(),
                json!([{ "hw-address": mac(m), "option-data": options }]),
            );
        }
        Scope::VendorClass => {
            dhcp.insert(
                "client-classes".into(),
                json!([{ "name": TAG, "test": test, "option-data": options }]),
            );
        }
    }
}

fn finish(root: &str, dhcp: Map<String, Value>) -> Result<String, Error> {
    let mut doc = Map::new();
    doc.insert(root.into(), Value::Object(dhcp));
    let mut text = serde_json::to_string_pretty(&Value::Object(doc))
        .map_err(|e| Error::Json(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The `option-def` and `option-data` entries (space `dhcp4`) that send
/// `wire`'s DHCPv4 options with exactly its bytes, `always-send` set.
pub(crate) fn v4_parts(wire: &Wire) -> Result<(Vec<Value>, Vec<Value>), Error> {
    let server = Server::Kea4;
    let mut defs = Vec::new();
    let mut options = Vec::new();
    if let Some(value) = &wire.vendor {
        // Kea 2.2 sends a raw option 43 only once 43 is (re)defined as
        // binary in the dhcp4 space; then the bytes go out as given, code 00
        // included (without the definition it sends 43 empty: P43-1).
        defs.push(json!({
            "name": "vendor-encapsulated-options", "code": 43, "space": "dhcp4", "type": "binary"
        }));
        let mut d = data(value, false);
        if !wire.items.is_empty() {
            d.insert(
                "user-context".into(),
                json!({ "juniper-suboptions": comment(wire) }),
            );
        }
        options.push(option("dhcp4", 43, "vendor-encapsulated-options", d));
    }
    for (code, value) in &wire.v4 {
        let list = || {
            let mut m = Map::new();
            let text = addresses(value)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            m.insert("data".into(), Value::from(text));
            m
        };
        let (name, d) = match code {
            150 => {
                defs.push(json!({
                    "name": "tftp-server-address", "code": 150, "space": "dhcp4",
                    "type": "ipv4-address", "array": true
                }));
                ("tftp-server-address", list())
            }
            66 => ("tftp-server-name", data(value, true)),
            7 => ("log-servers", list()),
            42 => ("ntp-servers", list()),
            12 => ("host-name", data(value, true)),
            143 => {
                // Kea 2.2 has no definition for 143 (later versions name it
                // v4-sztp-redirect): define it as bytes, sent as given.
                defs.push(json!({
                    "name": "v4-sztp-redirect", "code": 143, "space": "dhcp4", "type": "binary"
                }));
                let mut d = data(value, false);
                d.insert(
                    "user-context".into(),
                    json!({ "sztp-bootstrap-servers": sztp_uris(value, Family::V4) }),
                );
                ("v4-sztp-redirect", d)
            }
            other => {
                return Err(Error::Unrepresentable {
                    server,
                    what: format!("option {other}"),
                    value: hex(value, ":"),
                });
            }
        };
        options.push(option("dhcp4", u16::from(*code), name, d));
    }
    Ok((defs, options))
}

pub(crate) fn render_v4(wire: &Wire, scope: &Scope) -> Result<String, Error> {
    let (defs, options) = v4_parts(wire)?;
    let mut dhcp = Map::new();
    dhcp.insert("option-def".into(), Value::from(defs));
    scoped(
        &mut dhcp,
        scope,
        &format!(
            "substring(option[60].hex,0,{}) == '{VENDOR_CLASS_PREFIX}'",
            VENDOR_CLASS_PREFIX.len()
        ),
        options,
        ToString::to_string,
    );
    finish("Dhcp4", dhcp)
}

/// The `option-def` and `option-data` entries that send `wire`'s DHCPv6
/// options 17 (enterprise 2636), 59 and 136, `always-send` set.
pub(crate) fn v6_parts(wire: &Wire) -> (Vec<Value>, Vec<Value>) {
    let mut defs = Vec::new();
    let mut options = Vec::new();
    if !wire.items.is_empty() {
        let mut codes: Vec<u16> = wire.items.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            defs.push(json!({
                "name": suboption_name(code), "code": code, "space": "vendor-2636",
                "type": if is_text(code) { "string" } else { "binary" }
            }));
        }
        let mut d = Map::new();
        d.insert("data".into(), Value::from("2636"));
        options.push(option("dhcp6", 17, "vendor-opts", d));
        for (code, value) in &wire.items {
            options.push(option(
                "vendor-2636",
                *code,
                &suboption_name(*code),
                data(value, is_text(*code)),
            ));
        }
    }
    if let Some(url) = &wire.boot_url {
        options.push(option("dhcp6", 59, "bootfile-url", data(url, true)));
    }
    if let Some(list) = &wire.sztp_v6 {
        // Kea 2.2 has no definition for 136 (later versions name it
        // sztp-redirect): define it as bytes, sent as given.
        defs.push(json!({
            "name": "sztp-redirect", "code": 136, "space": "dhcp6", "type": "binary"
        }));
        let mut d = data(list, false);
        d.insert(
            "user-context".into(),
            json!({ "sztp-bootstrap-servers": sztp_uris(list, Family::V6) }),
        );
        options.push(option("dhcp6", 136, "sztp-redirect", d));
    }
    (defs, options)
}

pub(crate) fn render_v6(wire: &Wire, scope: &Scope) -> Result<String, Error> {
    let (defs, options) = v6_parts(wire);
    let mut dhcp = Map::new();
    dhcp.insert("option-def".into(), Value::from(defs));
    scoped(
        &mut dhcp,
        scope,
        &format!(
            "vendor-class[2636].exists and substring(vendor-class[2636].data,0,{}) == '{VENDOR_CLASS_PREFIX}'",
            VENDOR_CLASS_PREFIX.len()
        ),
        options,
        ToString::to_string,
    );
    finish("Dhcp6", dhcp)
}

/// `value` as pretty JSON, newline-terminated.
pub(crate) fn pretty(value: &Value) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Json(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
