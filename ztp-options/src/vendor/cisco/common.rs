//! What the Arista and Cisco plans share: reading a text option (G8),
//! telling a URL from a bare name (G9), finding the file server of a bare
//! name (G10), and the SZTP redirect beside the legacy options (G12).

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::error::Place;
use crate::family::Family;
use crate::text::{Text, TrailingNul};
use crate::vendor::plan::{Contact, OptionRef, Order, Service, Step, VendorPlan};

/// A DHCPv4 option the lease does not keep (51, 125, 6, ...), instances
/// joined; `None` when absent or when the message does not walk.
pub(crate) fn v4_option(lease: &crate::v4::Lease<'_>, code: u8) -> Option<Vec<u8>> {
    let msg = crate::v4::Message::new_checked(lease.as_bytes()).ok()?;
    let value = msg.option(crate::v4::OptionCode::new(code)).ok()??;
    Some(value.value.into_owned())
}

/// The first instance of a DHCPv6 option of the (relay-unwrapped) reply.
pub(crate) fn v6_option<'a>(lease: &crate::v6::Lease<'a>, code: u16) -> Option<&'a [u8]> {
    lease
        .message()
        .instances(crate::v6::OptionCode::new(code))
        .flatten()
        .next()
        .map(|o| o.value)
}

/// G8 (SPEC R7): a text value, its trailing NUL tolerated and logged, a
/// NUL or control byte inside logged as an error (then `None`).
pub(crate) fn text(
    plan: &mut VendorPlan,
    value: &[u8],
    at: OptionRef,
    rule: &'static str,
) -> Option<String> {
    let place = match at.suboption {
        Some(s) => Place::option(at.family, at.option, 0).suboption(s, 0),
        None => Place::option(at.family, at.option, 0),
    };
    let parsed = Text::parse(value, place).and_then(|t| t.as_str().map(|s| (s, t.trailing_nul())));
    match parsed {
        Ok((s, nul)) => {
            if nul == TrailingNul::Stripped {
                plan.log(
                    "G8",
                    "trailing-nul",
                    format!("{at}: trailing nul tolerated"),
                );
            }
            Some(s.to_owned())
        }
        Err(e) => {
            plan.log(rule, "bad-text", format!("{at}: not usable text: {e}"));
            None
        }
    }
}

/// A URL's parts (G9): `scheme://[user@]host[:port]/rest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Url<'a> {
    /// The scheme, as written.
    pub(crate) scheme: &'a str,
    /// The host, without brackets.
    pub(crate) host: &'a str,
    /// Whether the host was written in brackets.
    pub(crate) bracketed: bool,
    /// Whether user info (`user:pass@`) is present.
    pub(crate) userinfo: bool,
}

impl Url<'_> {
    /// Whether the host is an address literal (else a DNS name).
    pub(crate) fn host_is_literal(&self) -> bool {
        self.host.parse::<Ipv4Addr>().is_ok() || self.host.parse::<Ipv6Addr>().is_ok()
    }
}

/// G9: a value with `scheme://` is a URL (its parts), else `None` (a bare
/// file name).
pub(crate) fn url(value: &str) -> Option<Url<'_>> {
    let (scheme, rest) = value.split_once("://")?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((_, h)) => (true, h),
        None => (false, authority),
    };
    let (host, bracketed) = match hostport.strip_prefix('[') {
        Some(inner) => (inner.split(']').next().unwrap_or(inner), true),
        None => {
            // An unbracketed IPv6 literal (P59) has several colons.
            if hostport.matches(':').count() > 1 {
                (hostport, false)
            } else {
                (hostport.split(':').next().unwrap_or(hostport), false)
            }
        }
    };
    Some(Url {
        scheme,
        host,
        bracketed,
        userinfo,
    })
}

/// G9: a host name where the vendor rule is silent is accepted and
/// flagged.
pub(crate) fn flag_host_name(plan: &mut VendorPlan, what: &str, host: &str) {
    if host.parse::<Ipv4Addr>().is_err() && host.parse::<Ipv6Addr>().is_err() {
        plan.log(
            "G9",
            "needs-dns",
            format!("{what} names the host {host:?}: needs DNS (option 6) (choice)"),
        );
    }
}

/// `scheme://host/name`, an IPv6 host in brackets, one `/` between host
/// and name.
pub(crate) fn join(scheme: &str, host: &str, name: &str) -> String {
    let host = if host.parse::<Ipv6Addr>().is_ok() {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    format!("{scheme}://{host}/{}", name.trim_start_matches('/'))
}

/// The server a bare name is fetched from, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Server {
    /// The host: an address or a name.
    pub(crate) host: String,
    /// Where the reply gives it.
    pub(crate) source: OptionRef,
}

/// Option 150's first address (SPEC R4), if the option is usable.
pub(crate) fn tftp_150(lease: &crate::v4::Lease<'_>) -> Option<Ipv4Addr> {
    lease
        .tftp_server_addresses()
        .ok()
        .flatten()
        .filter(|l| !l.is_empty())
        .map(|l| l.first())
}

/// Option 66 as text, if usable (G8).
pub(crate) fn tftp_66(plan: &mut VendorPlan, lease: &crate::v4::Lease<'_>) -> Option<String> {
    let raw = lease.value_bytes(crate::v4::OptionCode::TFTP_SERVER_NAME)?;
    text(plan, raw, OptionRef::v4(66), "G8")
}

/// G10: where the vendor is silent, a bare name is fetched by TFTP from
/// the first 150 address, else 66, else a non-zero `siaddr` (`sname` never
/// used); the decision names the server field used.
pub(crate) fn g10_server(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    name: &str,
) -> Option<Server> {
    let found = if let Some(a) = tftp_150(lease) {
        Some(Server {
            host: a.to_string(),
            source: OptionRef::v4(150),
        })
    } else if let Some(h) = tftp_66(plan, lease) {
        Some(Server {
            host: h,
            source: OptionRef::v4(66),
        })
    } else {
        let siaddr = lease.siaddr();
        (!siaddr.is_unspecified()).then(|| Server {
            host: siaddr.to_string(),
            source: OptionRef::field("siaddr"),
        })
    };
    match &found {
        Some(server) => {
            plan.log(
                "G10",
                "bare-name-server",
                format!(
                    "{name:?} is a bare name: fetched by tftp from {} ({}), the first of 150, 66, siaddr (choice)",
                    server.host, server.source
                ),
            );
            if server.source.field.is_some() {
                plan.log(
                    "G10",
                    "siaddr-may-be-server",
                    "siaddr may be the DHCP server itself (dnsmasq fills it, P66-2)",
                );
            }
            if server.source.option == 66 {
                flag_host_name(plan, "option 66", &server.host);
            }
        }
        None => plan.log(
            "G10",
            "no-file-server",
            format!(
                "{name:?} is a bare name and the reply has no 150, 66 or siaddr to fetch it from"
            ),
        ),
    }
    found
}

/// G12: the SZTP redirect beside the legacy options. A valid redirect adds
/// one [`Service::SztpBootstrap`] contact per server, in the listed order
/// (each a fallback of the one before; the first one after the legacy
/// steps, when there are some, is a fallback too: the precedence is
/// **unverified** for this vendor, so both plans are shown).
pub(crate) fn sztp(
    plan: &mut VendorPlan,
    value: Result<Option<crate::sztp::Redirect<'_>>, crate::DecodeError>,
    family: Family,
    requested: &str,
) {
    let code = crate::sztp::option_code(family);
    let at = match family {
        Family::V4 => OptionRef::v4(code),
        Family::V6 => OptionRef::v6(code),
    };
    match value {
        Ok(None) => {}
        Err(e) => plan.log(
            "G12",
            "sztp-redirect-invalid",
            format!("option {code} is not a valid sztp redirect: {e}"),
        ),
        Ok(Some(redirect)) => {
            let mut first = plan.steps.is_empty();
            for server in redirect.servers() {
                let order = if first { Order::First } else { Order::Fallback };
                first = false;
                plan.steps.push(Step::Contact(
                    Contact::new(Service::SztpBootstrap, server.host().to_string(), at, order)
                        .with_port(server.port_or_default())
                        .with_transport("https"),
                ));
            }
            plan.log(
                "G12",
                "sztp-beside-legacy",
                format!(
                    "option {code} (sztp redirect) is beside the legacy options; {requested}, but which one the device prefers is unverified: both plans shown, no rule ranks them"
                ),
            );
        }
    }
}

/// A4 / CX2: option 67 fetched as a URL as given, or a bare name through
/// G10. Returns whether a step was added; logs under `rule`.
pub(crate) fn boot_file_v4(
    plan: &mut VendorPlan,
    lease: &crate::v4::Lease<'_>,
    name: &str,
    rule: &'static str,
    role: crate::vendor::plan::Role,
) -> bool {
    use crate::vendor::plan::Fetch;
    let at = OptionRef::v4(67);
    if let Some(u) = url(name) {
        plan.log(
            rule,
            "url-as-given",
            format!("option 67 {name:?} is a URL: fetched as given"),
        );
        if !u.host_is_literal() {
            flag_host_name(plan, "option 67", u.host);
        }
        plan.steps.push(Step::Fetch(
            Fetch::new(role, name, at, Order::First).with_url(name),
        ));
        return true;
    }
    match g10_server(plan, lease, name) {
        Some(server) => {
            let u = join("tftp", &server.host, name);
            plan.steps.push(Step::Fetch(
                Fetch::new(role, name, at, Order::First).with_url(u),
            ));
            true
        }
        None => {
            plan.steps
                .push(Step::Fetch(Fetch::new(role, name, at, Order::First)));
            plan.stop = Some(crate::vendor::plan::Stop::new(
                "G10",
                "no-file-server",
                format!("{name:?} is a bare name and the reply names no server to fetch it from"),
            ));
            true
        }
    }
}

/// A v6 URL option (59) for A5 / CX4: fetched as given; a value without a
/// scheme cannot be fetched (no G10 in DHCPv6).
pub(crate) fn boot_url_v6(
    plan: &mut VendorPlan,
    lease: &crate::v6::Lease<'_>,
    rule: &'static str,
    role: crate::vendor::plan::Role,
) -> bool {
    use crate::vendor::plan::{Fetch, Stop};
    let at = OptionRef::v6(59);
    let Some(raw) = v6_option(lease, 59) else {
        return false;
    };
    let Some(value) = text(plan, raw, at, rule) else {
        return false;
    };
    match url(&value) {
        Some(u) => {
            plan.log(
                rule,
                "url-as-given",
                format!("option 59 {value:?}: fetched as given"),
            );
            if !u.host_is_literal() {
                flag_host_name(plan, "option 59", u.host);
            }
            plan.steps.push(Step::Fetch(
                Fetch::new(role, value.clone(), at, Order::First).with_url(value),
            ));
        }
        None => {
            plan.steps.push(Step::Fetch(Fetch::new(
                role,
                value.clone(),
                at,
                Order::First,
            )));
            plan.stop = Some(Stop::new(
                rule,
                "59-not-a-url",
                format!(
                    "option 59 {value:?} has no scheme: DHCPv6 gives no server for a bare name"
                ),
            ));
        }
    }
    true
}
