//! From a resolved plan to the fetch plan: the ports (R16, R19, R20) and a
//! target per file.

use core::fmt;
use core::net::IpAddr;

use ztp_options::{Family, ImageSource, Plan, Port, TransferMode};

use crate::error::Error;
use crate::note::{Note, PortSource};
use crate::suffix::{PortSuffix, split_port_suffix};
use crate::target::{Builder, Parts, PathText, Target, TargetKind};

/// What a device fetches for one plan: the image and the configuration,
/// each a [`Target`] or the [`Error`] that prevents it (one bad name does
/// not hide the other), and the notes about the plan as a whole.
///
/// ```
/// use ztp_fetch_url::{FetchPlan, fetch_plan};
/// use ztp_options::{Family, TransferMode, resolve_v6, samples::V6_REPLY, v6::Lease};
///
/// let lease = Lease::parse(V6_REPLY)?;
/// let fetch: FetchPlan = fetch_plan(&resolve_v6(&lease)?);
/// assert_eq!(fetch.family, Family::V6);
/// assert_eq!(fetch.mode, TransferMode::Http); // suboption 03 beats option 59 (R14)
/// assert_eq!(fetch.errors().count(), 0);
/// for target in fetch.targets() {
///     assert!(target.as_str().starts_with("http://[2001:db8::1]"));
/// }
/// print!("{fetch}"); // dhcpv6 plan: http from 2001:db8::1, then one line per target
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FetchPlan {
    /// DHCPv4 or DHCPv6.
    pub family: Family,
    /// The plan's transfer mode.
    pub mode: TransferMode,
    /// The plan's file server.
    pub server: IpAddr,
    /// The software image, if the plan has one.
    pub image: Option<Result<Target, Error>>,
    /// The configuration file or script, if the plan has one.
    pub config: Option<Result<Target, Error>>,
    /// Notes about the plan as a whole (R30); each target has its own.
    pub notes: Vec<Note>,
}

impl FetchPlan {
    /// The targets that were built, image first.
    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        [&self.image, &self.config]
            .into_iter()
            .filter_map(|t| t.as_ref().and_then(|r| r.as_ref().ok()))
    }

    /// The errors, image first.
    pub fn errors(&self) -> impl Iterator<Item = &Error> {
        [&self.image, &self.config]
            .into_iter()
            .filter_map(|t| t.as_ref().and_then(|r| r.as_ref().err()))
    }
}

impl fmt::Display for FetchPlan {
    /// One line per target (its URL or its error with the rule), each
    /// target's notes indented under it, then the plan's notes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} plan: {} from {}",
            self.family, self.mode, self.server
        )?;
        for (label, entry) in [("image", &self.image), ("config", &self.config)] {
            match entry {
                None => writeln!(f, "{label} none")?,
                Some(Ok(t)) => {
                    writeln!(f, "{t}")?;
                    for note in t.notes() {
                        write_note(f, "  ", note)?;
                    }
                }
                Some(Err(e)) => writeln!(f, "{label} error {}: {e}", e.rule())?,
            }
        }
        for note in &self.notes {
            write_note(f, "", note)?;
        }
        Ok(())
    }
}

fn write_note(f: &mut fmt::Formatter<'_>, indent: &str, note: &Note) -> fmt::Result {
    match note.rule() {
        Some(rule) => writeln!(f, "{indent}note {rule}: {note}"),
        None => writeln!(f, "{indent}note: {note}"),
    }
}

/// Turns a resolved plan into the URLs the device fetches.
///
/// The plan is borrowed for the call only: the [`FetchPlan`] owns its URLs,
/// names and notes, so it outlives the plan and the lease the plan borrows
/// from.
///
/// For each file name of the plan:
///
/// 1. **The `:port` suffix (R19).** Names from suboptions 00, 04 and 01 are
///    read with [`split_port_suffix`]; the suffix is always cut from the
///    path. In DHCPv4 it is the port with HTTP and HTTPS, and ignored with
///    FTP and TFTP ([`Note::SuffixIgnored`]). In DHCPv6 (**choice**) it is
///    never a port, since R16 names the only sources
///    ([`Note::SuffixIgnoredV6`]). An image taken from option 59's path is
///    a URL path, not a file name: it is not split.
/// 2. **The port.** DHCPv4 (R20): the suffix, then suboption 05, then the
///    mode's default. DHCPv6 (R16): suboption 05, then option 59's port
///    (both already chosen in [`Plan::port`], whose
///    [`PortSource`](ztp_options::PortSource) is one of those two), then
///    the default.
///    [`Target::port_source`] says which won, and [`Note::Port`] says so in
///    words.
/// 3. **The URL.** `mode://server[:port]/path`: the server in brackets when
///    IPv6 (R22), the port only when it differs from the default, no user
///    or password (R23, [`Note::AnonymousFtp`]). A name without a leading
///    `/` is joined to the server root (`a.conf` is `/a.conf`,
///    [`Note::JoinedToRoot`]); it is never resolved as a relative URL, so
///    `a:b/c` stays a path. A file name is percent-encoded byte by byte
///    outside RFC 3986's `pchar` and `/` (so `%` is `%25`: the file named
///    is the file fetched); an option 59 path keeps its `%xx`.
/// 4. **The length (R21, R30).** An HTTP or HTTPS URL longer than
///    [`HTTP_URL_LIMIT`](crate::HTTP_URL_LIMIT) characters is
///    [`Error::TooLong`]; TFTP and FTP have no stated limit and get none.
///
/// A TFTP plan carries [`Note::TftpNotRecommended`] (R30).
///
/// ```
/// use ztp_fetch_url::{fetch_plan, PortSource};
/// use ztp_options::{resolve_v4, samples::V4_ACK, v4::Lease};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let lease = Lease::parse(V4_ACK)?;
/// let plan = resolve_v4(&lease)?; // borrows the lease
/// let fetch = fetch_plan(&plan); // owned: it may outlive plan and lease
/// let config = fetch.config.unwrap()?;
/// assert_eq!(config.as_str(), "http://192.0.2.10/ztp/ex4300.conf");
/// assert_eq!(config.port_source(), PortSource::Default);
/// # Ok(()) }
/// ```
///
/// The URL text is written from the checked parts, never parsed back
/// (the `url` crate's serialisation, without its parser: see the
/// `url-reference` feature for the builder it is checked against).
#[must_use]
pub fn fetch_plan(plan: &Plan<'_>) -> FetchPlan {
    fetch_plan_with(plan, Builder::Text)
}

/// [`fetch_plan`] with every URL built through the `url` crate (parse
/// `mode://server/`, set the port, set the path), as this crate did before
/// it wrote URLs itself: the reference the tests check [`fetch_plan`]
/// against, and the "before" of its benchmark. Same result, slower.
#[cfg(feature = "url-reference")]
#[must_use]
pub fn fetch_plan_via_url_crate(plan: &Plan<'_>) -> FetchPlan {
    fetch_plan_with(plan, Builder::UrlCrate)
}

fn fetch_plan_with(plan: &Plan<'_>, builder: Builder) -> FetchPlan {
    let image = plan.image.map(|i| {
        target(
            plan,
            builder,
            i.name,
            i.source == ImageSource::Option59,
            TargetKind::Image {
                image_type: i.image_type,
            },
        )
    });
    let config = plan
        .config
        .map(|c| target(plan, builder, c.name, false, TargetKind::Config));
    let mut notes = Vec::new();
    if plan.transfer_mode == TransferMode::Tftp {
        notes.push(Note::TftpNotRecommended);
    }
    FetchPlan {
        family: plan.family(),
        mode: plan.transfer_mode,
        server: plan.file_server.ip(),
        image,
        config,
        notes,
    }
}

/// One target of `plan`: `name` is a file name (suboptions 00, 04, 01),
/// or, when `url_path`, option 59's path (R15).
fn target(
    plan: &Plan<'_>,
    builder: Builder,
    name: &str,
    url_path: bool,
    kind: TargetKind,
) -> Result<Target, Error> {
    let mode = plan.transfer_mode;
    let family = plan.family();
    let mut notes = Vec::new();
    // Suboption 05 or option 59: the only sources R20 and R16 know, and
    // the only ones a plan can hold.
    let plan_port: Option<(Port, PortSource)> = plan.port.map(|p| (p.port, p.source.into()));

    // R19: the suffix (not in option 59's path, which is a URL path).
    let (path, suffix) = if url_path {
        (PathText::UrlPath(name), None)
    } else {
        let split = split_port_suffix(name)?;
        if let PortSuffix::Ipv6Tail { .. } = split {
            notes.push(Note::Ipv6Tail { name: name.into() });
        }
        (PathText::FileName(split.path()), split.port())
    };
    if matches!(path, PathText::FileName("") | PathText::UrlPath("")) {
        return Err(Error::EmptyName { name: name.into() });
    }
    let suffix_port = match (suffix, family, mode) {
        (Some(p), Family::V4, TransferMode::Http | TransferMode::Https) => Some(p),
        (Some(port), Family::V4, TransferMode::Tftp | TransferMode::Ftp) => {
            notes.push(Note::SuffixIgnored { port, mode });
            None
        }
        (Some(port), Family::V6, _) => {
            notes.push(Note::SuffixIgnoredV6 { port });
            None
        }
        (None, ..) => None,
    };

    // R20 (DHCPv4), R16 (DHCPv6).
    let (port, port_source) = match (suffix_port, plan_port) {
        (Some(s), Some((port, from))) => {
            notes.push(Note::PortOverridden { port, from });
            (s.get(), PortSource::Suffix)
        }
        (Some(s), None) => (s.get(), PortSource::Suffix),
        (None, Some((p, from))) => (p.get(), from),
        (None, None) => (mode.default_port(), PortSource::Default),
    };
    notes.push(Note::Port {
        port,
        from: port_source,
        family,
    });

    Target::build(
        Parts {
            mode,
            server: plan.file_server.ip(),
            port,
            port_source,
            kind,
            path,
            name,
        },
        notes,
        builder,
    )
}
