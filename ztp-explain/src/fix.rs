//! The snippets of a diagnosis's fix: ztp-server-config renders, for each
//! server of the family, the configuration that sends the wanted options.

use ztp_options::Family;
use ztp_server_config::{OptionBytes, Server, snippet};

/// The servers that serve `family`.
fn servers(family: Family) -> [Server; 3] {
    match family {
        Family::V4 => [Server::Isc, Server::Kea4, Server::Dnsmasq],
        Family::V6 => [Server::Isc6, Server::Kea6, Server::Dnsmasq],
    }
}

/// Per server, the snippet that sends `options` (code, exact value) in
/// `family`; a server that cannot send them is left out, with why.
pub(crate) fn snippets(family: Family, options: &[(u16, Vec<u8>)]) -> Vec<(Server, String)> {
    let send: Vec<OptionBytes<'_>> = options
        .iter()
        .filter_map(|(code, value)| match family {
            Family::V4 => u8::try_from(*code).ok().map(|code| OptionBytes::V4 {
                code,
                value: value.as_slice(),
            }),
            Family::V6 => Some(OptionBytes::V6 {
                code: *code,
                value: value.as_slice(),
            }),
        })
        .collect();
    servers(family)
        .into_iter()
        .map(|server| {
            let text = match snippet(server, &send) {
                Ok(s) => {
                    let mut text = s.text;
                    // A comment for ISC and dnsmasq; Kea's JSON has none.
                    if !matches!(server, Server::Kea4 | Server::Kea6) {
                        for note in &s.notes {
                            text.push_str(&format!("\n# note: {note}"));
                        }
                    }
                    text
                }
                Err(e) => format!("# {server} cannot send it: {e}"),
            };
            (server, text)
        })
        .collect()
}
