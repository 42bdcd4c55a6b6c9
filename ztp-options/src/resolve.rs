//! From a decoded lease to one provisioning plan (R10..R18), with a
//! decision log.
//!
//! [`resolve_v4`] and [`resolve_v6`] return either a [`Plan`] borrowed from
//! the lease or the reason ZTP cannot proceed on this binding
//! ([`CannotProceed`]); nothing on the way allocates. Every choice the rules
//! made, and every input they ignored, is an entry of the plan's log, and
//! the ignored values are in its [`Ignored`] record.
//! [`resolve_v4_options`] and [`resolve_v6_options`] answer the same
//! question for options a server is about to send.

use crate::decision::{CannotProceed, DecisionKind, Entry, Log};
use crate::error::DecodeError;
use crate::plan::{
    Addresses, ConfigPlan, Enterprises, FileServer, Ignored, ImagePlan, ImageSource, ModeSource,
    Plan, PlanBuf, PortPlan, PortSource, UnknownSuboptions, V4ServerSource,
};
use crate::suboption::{PortOrServer, SuboptionCode, Suboptions, TransferMode};
use crate::sztp::{BootstrapServers, Redirect};
use crate::text::{Text, TrailingNul};
use crate::{v4, v6};

/// R31, R32 (**choice**): the SZTP redirect is kept beside the plan, its
/// servers in the order listed and not ranked against the plan; a malformed
/// one is reported and left out, since the plan does not depend on it.
fn sztp_redirect<'a>(
    found: crate::error::Result<Option<Redirect<'a>>>,
    log: &mut Log,
    ignored: &mut Ignored<'_>,
) -> Option<BootstrapServers<'a>> {
    match found {
        Ok(Some(r)) => {
            log.push(DecisionKind::SztpRedirect);
            Some(BootstrapServers::Wire(r))
        }
        Ok(None) => None,
        Err(e) => {
            log.push(DecisionKind::SztpRedirectLeftOut);
            ignored.sztp_redirect_left_out = Some(e);
            None
        }
    }
}

/// The vendor suboptions the plan does not hold as they are (R11, R14,
/// R16 and the suboption 05 choice read them), shared by both families.
#[derive(Default)]
struct Vendor {
    transfer_mode: Option<TransferMode>,
    port_or_server: Option<PortOrServer>,
}

/// The text as `&str`, with its trailing NUL logged (R7).
fn text<'a>(
    t: Text<'a>,
    option: u16,
    sub: Option<u16>,
    log: &mut Log,
) -> Result<&'a str, DecodeError> {
    if t.trailing_nul() == TrailingNul::Stripped {
        log.push_entry(Entry {
            kind: DecisionKind::TrailingNul,
            option: Some(option),
            suboption: sub,
        });
    }
    t.as_str()
}

/// The vendor suboptions, resolved (R10, 05, 08) into `plan` in place:
/// the image, the configuration, the proxy, their log entries and what
/// was ignored.
fn vendor<'a>(
    sub: Option<&Suboptions<'a>>,
    option: u16,
    plan: &mut Plan<'a>,
) -> Result<Vendor, DecodeError> {
    let Some(sub) = sub else {
        return Ok(Vendor::default());
    };
    let log = &mut plan.log;
    let code = |c: SuboptionCode| Some(c.get());
    let image_type = sub.image_type();
    plan.image = match (sub.image(), sub.alt_image()) {
        (Some(img), alt) => {
            let name = text(img, option, code(SuboptionCode::IMAGE), log)?;
            if let Some(alt) = alt {
                log.push(DecisionKind::AltImageIgnored);
                plan.ignored.alt_image = Some(alt.as_bytes());
            }
            Some(ImagePlan {
                name,
                image_type,
                source: ImageSource::Suboption00,
            })
        }
        (None, Some(alt)) => Some(ImagePlan {
            name: text(alt, option, code(SuboptionCode::ALT_IMAGE), log)?,
            image_type,
            source: ImageSource::Suboption04,
        }),
        (None, None) => None,
    };
    if let Some(c) = sub.config() {
        plan.config = Some(ConfigPlan {
            name: text(c, option, code(SuboptionCode::CONFIG), log)?,
        });
    }
    if let Some(p) = sub.proxy() {
        plan.proxy = Some(text(p, option, code(SuboptionCode::PROXY), log)?);
    }
    // R7: a trailing NUL in the values that are not names, reported too.
    for c in [
        SuboptionCode::IMAGE_TYPE,
        SuboptionCode::TRANSFER_MODE,
        SuboptionCode::PORT_OR_SERVER,
    ] {
        if sub.nul_in(c) {
            log.push_entry(Entry {
                kind: DecisionKind::TrailingNul,
                option: Some(option),
                suboption: Some(c.get()),
            });
        }
    }
    Ok(Vendor {
        transfer_mode: sub.transfer_mode(),
        port_or_server: sub.port_or_server(),
    })
}

/// Resolves a DHCPv4 lease into a plan borrowed from it (R10..R13, R18, and
/// the SPEC's suboption 05 choice).
///
/// The plan is built where it is returned (issue 28: it is large, and each
/// move was a `memcpy`); the suboptions are typed in place too.
///
/// # Errors
///
/// [`CannotProceed`], naming its rule.
pub fn resolve_v4<'l>(lease: &'l v4::Lease<'_>) -> Result<Plan<'l>, CannotProceed> {
    let mut plan = Plan::new(
        FileServer::V4 {
            address: core::net::Ipv4Addr::UNSPECIFIED,
            source: V4ServerSource::Option150,
        },
        TransferMode::Tftp,
        ModeSource::Default,
    );
    match fill_v4(lease, &mut plan) {
        Ok(()) => Ok(plan),
        Err(e) => Err(e),
    }
}

/// [`resolve_v4`] into a plan the caller holds: the plan is not returned,
/// so it is not moved (issue 28: a `Plan` is 664 bytes, and returning it
/// is a copy the optimiser does not elide). Every field of `plan` is
/// written first, whatever it held; on `Err` it holds what the rules had
/// found when they stopped, which is not a plan to act on.
///
/// ```
/// use ztp_options::{FileServer, ModeSource, Plan, TransferMode, resolve_v4, resolve_v4_into};
/// use ztp_options::{samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let mut plan = Plan::new(FileServer::V6 { address: "::".parse()? }, TransferMode::Http, ModeSource::Option59);
/// resolve_v4_into(&lease, &mut plan)?;
/// assert_eq!(plan, resolve_v4(&lease)?);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`resolve_v4`].
#[inline]
pub fn resolve_v4_into<'l>(
    lease: &'l v4::Lease<'_>,
    plan: &mut Plan<'l>,
) -> Result<(), CannotProceed> {
    plan.restart(
        FileServer::V4 {
            address: core::net::Ipv4Addr::UNSPECIFIED,
            source: V4ServerSource::Option150,
        },
        TransferMode::Tftp,
        ModeSource::Default,
    );
    fill_v4(lease, plan)
}

/// [`resolve_v4`]'s rules, writing into `plan` (a [`Plan::new`]).
#[inline(always)]
fn fill_v4<'l>(lease: &'l v4::Lease<'_>, plan: &mut Plan<'l>) -> Result<(), CannotProceed> {
    // R2 (choice): bytes after the message's end option that are not pad
    // are not read, and logged; the message still decodes.
    if let Some(t) = lease.after_end() {
        plan.log.push(DecisionKind::BytesAfterMessageEnd);
        plan.ignored.message_after_end = Some(t);
    }
    let mut sub = Suboptions::empty();
    let value = lease.suboptions_into(&mut sub)?;
    let sub = value.map(|_| &sub);
    let vendor = vendor(sub, 43, plan)?;
    // R1 (choice): what follows option 43's end code is not read; bytes
    // other than padding are logged.
    if let Some(mut t) = sub.and_then(Suboptions::after_end) {
        // Counted in the concatenation when option 43 was joined from
        // several instances (RFC 3396); the log gives it in the message.
        if let Some((_, at)) = lease.raw(v4::OptionCode::VENDOR_SPECIFIC) {
            if at.in_joined_value() {
                let index = t.offset - at.offset();
                t.offset = lease
                    .message_offset(v4::OptionCode::VENDOR_SPECIFIC, index)
                    .unwrap_or(t.offset);
            }
        }
        plan.log.push(DecisionKind::BytesAfterEnd);
        plan.ignored.after_end = Some(t);
    }
    // The unknown suboptions are read from option 43 when someone asks.
    if let (Some(s), Some(v)) = (sub, value) {
        if s.unknown_count() > 0 {
            plan.unknown_suboptions = UnknownSuboptions::V4(v);
        }
    }
    let log = &mut plan.log;
    let ignored = &mut plan.ignored;

    // R11: the transfer mode (the plan starts at the default, TFTP).
    match vendor.transfer_mode {
        Some(m) => {
            plan.transfer_mode = m;
            plan.transfer_mode_source = ModeSource::Suboption03;
        }
        None => {
            log.push(DecisionKind::DefaultTftp);
        }
    }

    // Suboption 05 (SPEC choice, R20).
    match vendor.port_or_server {
        Some(PortOrServer::Port(port)) => {
            log.push(DecisionKind::Suboption05Port);
            plan.port = Some(PortPlan {
                port,
                source: PortSource::Suboption05,
            });
        }
        Some(PortOrServer::Server(address)) => {
            log.push(DecisionKind::Suboption05Server);
            ignored.suboption05_server = Some(address);
        }
        None => {}
    }

    // R12, R13, R3, R4: the file server.
    plan.file_server = match lease.tftp_server_addresses()? {
        Some(list) => {
            if list.len() > 1 {
                log.push(DecisionKind::ExtraFileServers);
                ignored.other_servers = Addresses::Wire(list.as_bytes().get(4..).unwrap_or(&[]));
            }
            if let Some(v) = lease.value_bytes(v4::OptionCode::TFTP_SERVER_NAME) {
                log.push(DecisionKind::Option66Ignored);
                ignored.option66 = Some(v);
            }
            FileServer::V4 {
                address: list.first(),
                source: V4ServerSource::Option150,
            }
        }
        None => match lease.tftp_server_name()? {
            Some(name) => {
                let address = name.address()?;
                if name.text().trailing_nul() == TrailingNul::Stripped {
                    log.push_entry(Entry {
                        kind: DecisionKind::TrailingNul,
                        option: Some(66),
                        suboption: None,
                    });
                }
                FileServer::V4 {
                    address,
                    source: V4ServerSource::Option66,
                }
            }
            None => return Err(CannotProceed::NoFileServer),
        },
    };

    // R18.
    if plan.image.is_none() && plan.config.is_none() {
        return Err(CannotProceed::NothingToFetch);
    }

    if !lease.siaddr().is_unspecified() {
        log.push(DecisionKind::SiaddrIgnored);
        ignored.siaddr = Some(lease.siaddr());
    }
    if let Some(name) = lease.sname() {
        log.push(DecisionKind::SnameIgnored);
        ignored.sname = Some(name);
    }
    if let Some(name) = lease.file() {
        log.push(DecisionKind::FileIgnored);
        ignored.file = Some(name);
    }
    // R33 (choice): option 67 is not read either; the file names come
    // from option 43.
    if let Some(value) = lease.boot_file_name() {
        log.push(DecisionKind::Option67Ignored);
        ignored.option67 = Some(value);
    }

    // R5 (choice): a malformed 7, 42 or 12 is reported and left out; ZTP
    // goes on.
    let left_out = |option: u16, error: DecodeError, log: &mut Log| {
        log.push_entry(Entry {
            kind: DecisionKind::OptionLeftOut,
            option: Some(option),
            suboption: None,
        });
        error
    };
    let list = |l: Option<v4::Ipv4List<'l>>| {
        l.map_or_else(Addresses::default, |l| Addresses::Wire(l.as_bytes()))
    };
    match lease.log_servers() {
        Ok(l) => plan.syslog_servers = list(l),
        Err(e) => ignored.log_servers_left_out = Some(left_out(7, e, log)),
    }
    match lease.ntp_servers() {
        Ok(l) => plan.ntp_servers = list(l),
        Err(e) => ignored.ntp_servers_left_out = Some(left_out(42, e, log)),
    }
    match lease
        .host_name()
        .and_then(|t| t.map(|t| t.as_str().map(|s| (s, t))).transpose())
    {
        Ok(Some((name, t))) => {
            if t.trailing_nul() == TrailingNul::Stripped {
                log.push_entry(Entry {
                    kind: DecisionKind::TrailingNul,
                    option: Some(12),
                    suboption: None,
                });
            }
            plan.host_name = Some(name);
        }
        Ok(None) => {}
        Err(e) => ignored.host_name_left_out = Some(left_out(12, e, log)),
    }
    plan.sztp_redirect = sztp_redirect(lease.sztp_redirect(), log, ignored);
    Ok(())
}

/// Resolves a DHCPv6 lease (relays already unwrapped by [`v6::Lease`]) into
/// a plan borrowed from the message (R8, R14..R18).
///
/// Built in place, as [`resolve_v4`].
///
/// # Errors
///
/// [`CannotProceed`], naming its rule: [`CannotProceed::NoBootFileUrl`]
/// (R17) without option 59, [`CannotProceed::NothingToFetch`] (R18), or a
/// malformed option 17 or 59.
pub fn resolve_v6<'a>(lease: &v6::Lease<'a>) -> Result<Plan<'a>, CannotProceed> {
    let mut plan = Plan::new(
        FileServer::V6 {
            address: core::net::Ipv6Addr::UNSPECIFIED,
        },
        TransferMode::Tftp,
        ModeSource::Option59,
    );
    match fill_v6(lease, &mut plan) {
        Ok(()) => Ok(plan),
        Err(e) => Err(e),
    }
}

/// [`resolve_v6`] into a plan the caller holds, as [`resolve_v4_into`].
///
/// ```
/// use ztp_options::{FileServer, ModeSource, Plan, TransferMode, resolve_v6, resolve_v6_into};
/// use ztp_options::{samples, v6::Lease};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let mut plan = Plan::new(FileServer::V6 { address: "::".parse()? }, TransferMode::Http, ModeSource::Option59);
/// resolve_v6_into(&lease, &mut plan)?;
/// assert_eq!(plan, resolve_v6(&lease)?);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`resolve_v6`].
#[inline]
pub fn resolve_v6_into<'a>(
    lease: &v6::Lease<'a>,
    plan: &mut Plan<'a>,
) -> Result<(), CannotProceed> {
    plan.restart(
        FileServer::V6 {
            address: core::net::Ipv6Addr::UNSPECIFIED,
        },
        TransferMode::Tftp,
        ModeSource::Option59,
    );
    fill_v6(lease, plan)
}

/// [`resolve_v6`]'s rules, writing into `plan` (a [`Plan::new`]).
#[inline(always)]
fn fill_v6<'a>(lease: &v6::Lease<'a>, plan: &mut Plan<'a>) -> Result<(), CannotProceed> {
    let mut sub = Suboptions::empty();
    let value = lease.suboptions_into(&mut sub)?;
    let sub = value.map(|_| &sub);
    let vendor = vendor(sub, 17, plan)?;
    // The Juniper instance's items, read again only when someone asks
    // (their framing was checked as they were typed).
    if let (Some(s), Some(v)) = (sub, value) {
        if s.unknown_count() > 0 {
            plan.unknown_suboptions = UnknownSuboptions::V6(v.get(4..).unwrap_or(&[]));
        }
    }
    let log = &mut plan.log;
    let ignored = &mut plan.ignored;
    if lease.other_vendor_count() > 0 {
        log.push(DecisionKind::OtherEnterprises);
        ignored.other_enterprises = Enterprises::Wire(lease.message());
    }
    // R17: the file server is option 59's address.
    let Some(url) = lease.boot_file_url()? else {
        return Err(CannotProceed::NoBootFileUrl);
    };
    if url.trailing_nul() == TrailingNul::Stripped {
        log.push_entry(Entry {
            kind: DecisionKind::TrailingNul,
            option: Some(59),
            suboption: None,
        });
    }
    // R14: the transfer mode.
    match vendor.transfer_mode {
        Some(m) => {
            log.push(DecisionKind::TransferModeFromVendorOverUrl);
            ignored.url_mode = Some(url.transfer_mode());
            plan.transfer_mode = m;
            plan.transfer_mode_source = ModeSource::Suboption03;
        }
        None => {
            log.push(DecisionKind::TransferModeFromUrl);
            plan.transfer_mode = url.transfer_mode();
        }
    }
    // R15: the image.
    match (plan.image.is_some(), url.image()) {
        (true, url_path) => {
            if let Some(path) = url_path {
                log.push(DecisionKind::ImageFromVendorOverUrl);
                ignored.url_path = Some(path);
            }
        }
        (false, Some(path)) => {
            log.push(DecisionKind::ImageFromUrl);
            plan.image = Some(ImagePlan {
                name: path,
                image_type: sub.map(Suboptions::image_type).unwrap_or_default(),
                source: ImageSource::Option59,
            });
        }
        (false, None) => {}
    }
    // R16: the port.
    match (vendor.port_or_server, url.port()) {
        (Some(PortOrServer::Port(port)), url_port) => {
            if let Some(url_port) = url_port {
                log.push(DecisionKind::PortFromVendorOverUrl);
                ignored.url_port = Some(url_port);
            }
            plan.port = Some(PortPlan {
                port,
                source: PortSource::Suboption05,
            });
        }
        (_, Some(port)) => {
            log.push(DecisionKind::PortFromUrl);
            plan.port = Some(PortPlan {
                port,
                source: PortSource::Option59,
            });
        }
        (_, None) => {}
    }
    // R18.
    if plan.image.is_none() && plan.config.is_none() {
        return Err(CannotProceed::NothingToFetch);
    }
    plan.file_server = FileServer::V6 {
        address: url.server(),
    };
    plan.sztp_redirect = sztp_redirect(lease.sztp_redirect(), log, ignored);
    Ok(())
}

/// What a device resolves from a DHCPv4 reply carrying these options: the
/// check a server or a provisioning tool makes before sending them. (This
/// builds the reply, so it allocates, and the plan is owned.)
///
/// # Errors
///
/// [`CannotProceed`], naming its rule.
pub fn resolve_v4_options(options: &v4::OptionSet) -> Result<PlanBuf, CannotProceed> {
    let reply = v4::MessageRepr::reply(options.clone()).to_vec();
    let lease = v4::Lease::parse(&reply)?;
    resolve_v4(&lease).map(|p| p.to_buf())
}

/// What a device resolves from a DHCPv6 REPLY carrying these options (see
/// [`resolve_v4_options`]).
///
/// # Errors
///
/// [`CannotProceed`], naming its rule; [`CannotProceed::Unencodable`] for
/// a value too long to be sent at all.
pub fn resolve_v6_options(options: &v6::OptionSet) -> Result<PlanBuf, CannotProceed> {
    let reply = v6::MessageRepr::reply(options.clone())
        .to_vec()
        .map_err(CannotProceed::Unencodable)?;
    let lease = v6::Lease::parse(&reply)?;
    resolve_v6(&lease).map(|p| p.to_buf())
}

#[cfg(test)]
mod tests {
    use core::mem::size_of;

    /// `resolve_v4_into` and `resolve_v6_into` write every field: a plan
    /// filled from one family's lease, then from the other's (and back),
    /// is the plan the by-value resolvers return.
    #[test]
    fn a_plan_filled_again_is_the_plan_returned() {
        use crate::samples::{V4_ACK, V6_REPLY};
        let v4 = crate::v4::Lease::parse(V4_ACK).unwrap();
        let v6 = crate::v6::Lease::parse(V6_REPLY).unwrap();
        let mut plan = super::resolve_v6(&v6).unwrap();
        assert!(!plan.log.is_empty());
        super::resolve_v4_into(&v4, &mut plan).unwrap();
        assert_eq!(plan, super::resolve_v4(&v4).unwrap());
        assert_eq!(
            plan.log.entries().collect::<alloc::vec::Vec<_>>(),
            super::resolve_v4(&v4)
                .unwrap()
                .log
                .entries()
                .collect::<alloc::vec::Vec<_>>()
        );
        super::resolve_v6_into(&v6, &mut plan).unwrap();
        assert_eq!(plan, super::resolve_v6(&v6).unwrap());
        assert_eq!(plan.to_buf(), super::resolve_v6(&v6).unwrap().to_buf());
    }

    /// The shape of the lease path (issue 28): what a call moves or fills.
    /// The plan is built where it is returned and the suboptions where the
    /// resolver reads them, so these are written once per call; a type
    /// that grows past its figure here makes every call pay for it (a
    /// larger `memcpy` or more stores), so it must be a decision, with the
    /// benches' instruction counts measured again.
    #[test]
    fn the_lease_path_types_keep_their_sizes() {
        assert_eq!(size_of::<crate::DecodeError>(), 24);
        assert_eq!(size_of::<crate::Place>(), 12);
        assert_eq!(size_of::<crate::Text<'_>>(), 32);
        assert_eq!(size_of::<crate::Entry>(), 10);
        assert_eq!(size_of::<crate::Log>(), 145);
        assert!(
            size_of::<crate::Log>() <= 145,
            "{}",
            size_of::<crate::Log>()
        );
        assert!(size_of::<crate::Ignored<'_>>() <= 312);
        assert!(size_of::<crate::Plan<'_>>() <= 664);
        // The `Result` costs nothing beside the plan (a niche holds `Err`).
        assert_eq!(
            size_of::<Result<crate::Plan<'_>, crate::CannotProceed>>(),
            size_of::<crate::Plan<'_>>()
        );
        assert!(size_of::<crate::suboption::Suboptions<'_>>() <= 160);
        assert!(size_of::<super::Vendor>() <= 16);
        assert!(size_of::<crate::v4::Lease<'_>>() <= 248);
        assert!(size_of::<crate::v6::Lease<'_>>() <= 336);
    }
}
