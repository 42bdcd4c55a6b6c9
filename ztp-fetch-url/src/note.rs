//! Where a port came from, and the notes a target carries.

use core::fmt;

use ztp_options::{Family, Port, Rule, TransferMode};

/// Where a target's port came from.
///
/// ```
/// use ztp_fetch_url::{PortSource, fetch_plan};
/// use ztp_options::{resolve_v4, samples::V4_ACK, v4::Lease};
///
/// let lease = Lease::parse(V4_ACK)?;
/// let fetch = fetch_plan(&resolve_v4(&lease)?);
/// let config = fetch.config.unwrap()?;
/// // R20: no suffix, no suboption 05: the transfer mode's default.
/// assert_eq!(config.port_source(), PortSource::Default);
/// assert_eq!(config.port(), 80);
/// assert_eq!(PortSource::Suboption05.as_str(), "suboption-05");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum PortSource {
    /// The file name's `:port` suffix (R19, first in R20; DHCPv4 with HTTP
    /// or HTTPS only).
    Suffix,
    /// Suboption 05 (R20 for DHCPv4, first in R16 for DHCPv6).
    #[cfg_attr(feature = "serde", serde(rename = "suboption-05"))]
    Suboption05,
    /// The port of option 59's URL (R16), or of a URL parsed with
    /// [`UrlOrigin::Option59`](crate::UrlOrigin::Option59).
    #[cfg_attr(feature = "serde", serde(rename = "option-59"))]
    Option59,
    /// The port written in a URL parsed with
    /// [`UrlOrigin::User`](crate::UrlOrigin::User).
    Url,
    /// The transfer mode's default: tftp 69, ftp 21, http 80, https 443.
    Default,
}

impl PortSource {
    /// The stable name: `suffix`, `suboption-05`, `option-59`, `url`,
    /// `default`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PortSource::Suffix => "suffix",
            PortSource::Suboption05 => "suboption-05",
            PortSource::Option59 => "option-59",
            PortSource::Url => "url",
            PortSource::Default => "default",
        }
    }
}

impl From<ztp_options::PortSource> for PortSource {
    /// Where a plan's port came from (suboption 05 or option 59) is where a
    /// target's port came from when it wins.
    fn from(source: ztp_options::PortSource) -> Self {
        match source {
            ztp_options::PortSource::Suboption05 => PortSource::Suboption05,
            ztp_options::PortSource::Option59 => PortSource::Option59,
        }
    }
}

impl fmt::Display for PortSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something worth telling about a target or a plan: a rule that applied,
/// an input that was ignored, or a choice this crate made. [`Note::rule`]
/// names the rule; `Display` is a lowercase sentence.
///
/// ```
/// use ztp_fetch_url::{Note, Target, TargetKind, UrlOrigin};
/// use ztp_options::Rule;
///
/// let target = Target::parse("ftp://192.0.2.10/cfg/sw.conf", TargetKind::Config, UrlOrigin::User)?;
/// // R23: FTP logs in anonymously.
/// assert!(target.notes().contains(&Note::AnonymousFtp));
/// assert_eq!(Note::AnonymousFtp.rule(), Some(Rule(23)));
/// for note in target.notes() {
///     println!("[{}] {note}", note.rule().map(|r| r.to_string()).unwrap_or("choice".into()));
/// }
/// # Ok::<(), ztp_fetch_url::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "note", rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Note {
    /// R19: with FTP or TFTP the name's `:port` suffix is cut off and not
    /// used.
    SuffixIgnored {
        /// The suffix's port.
        port: Port,
        /// FTP or TFTP.
        mode: TransferMode,
    },
    /// R16 (**choice**): in DHCPv6 the name's `:port` suffix is cut off but
    /// is not a port source; the port comes from suboption 05, option 59 or
    /// the default.
    SuffixIgnoredV6 {
        /// The suffix's port.
        port: Port,
    },
    /// R19: the name's last segment is an IPv6 address, so its final
    /// `:digits` are not a port suffix.
    Ipv6Tail {
        /// The name, kept whole.
        name: String,
    },
    /// R20 (DHCPv4) or R16 (DHCPv6): the port used, and where it came from.
    Port {
        /// The port.
        port: u16,
        /// Its source.
        from: PortSource,
        /// The plan's family, which decides the rule.
        family: Family,
    },
    /// R20: the name's `:port` suffix beat the plan's port.
    PortOverridden {
        /// The plan's port, not used.
        port: Port,
        /// Where it came from.
        from: PortSource,
    },
    /// R23: FTP logs in anonymously; the URL carries no user or password.
    AnonymousFtp,
    /// **Choice**: a name without a leading `/` is fetched from the
    /// server's root, as `/` followed by the name.
    JoinedToRoot {
        /// The name (without its `:port` suffix).
        name: String,
    },
    /// **Choice**: `.` and `..` segments were resolved, as every URL client
    /// does; the URL's path is not the name as written.
    PathNormalised {
        /// The path before resolution (percent-encoded).
        path: String,
        /// The URL's path.
        url_path: String,
    },
    /// R30: TFTP works, but FTP or HTTP are recommended.
    TftpNotRecommended,
}

impl Note {
    /// The stable identifier of the note's kind (`suffix-ignored`,
    /// `port`, `anonymous-ftp`, ...), the same as its serde tag; tools may
    /// rely on it.
    pub fn id(&self) -> &'static str {
        match self {
            Note::SuffixIgnored { .. } => "suffix-ignored",
            Note::SuffixIgnoredV6 { .. } => "suffix-ignored-v6",
            Note::Ipv6Tail { .. } => "ipv6-tail",
            Note::Port { .. } => "port",
            Note::PortOverridden { .. } => "port-overridden",
            Note::AnonymousFtp => "anonymous-ftp",
            Note::JoinedToRoot { .. } => "joined-to-root",
            Note::PathNormalised { .. } => "path-normalised",
            Note::TftpNotRecommended => "tftp-not-recommended",
        }
    }

    /// The RULES.md rule behind the note, or `None` for a choice of this crate
    /// that no rule covers ([`Note::JoinedToRoot`],
    /// [`Note::PathNormalised`]).
    pub fn rule(&self) -> Option<Rule> {
        match self {
            Note::SuffixIgnored { .. } | Note::Ipv6Tail { .. } => Some(Rule(19)),
            Note::SuffixIgnoredV6 { .. } => Some(Rule(16)),
            Note::Port { family, .. } => Some(Rule(match family {
                Family::V4 => 20,
                Family::V6 => 16,
            })),
            Note::PortOverridden { .. } => Some(Rule(20)),
            Note::AnonymousFtp => Some(Rule(23)),
            Note::TftpNotRecommended => Some(Rule(30)),
            Note::JoinedToRoot { .. } | Note::PathNormalised { .. } => None,
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::SuffixIgnored { port, mode } => write!(
                f,
                "the name's :{port} suffix is ignored: {mode} does not take it (only http and https do)"
            ),
            Note::SuffixIgnoredV6 { port } => write!(
                f,
                "the name's :{port} suffix is cut off but not used (choice): in dhcpv6 the port \
                 comes from suboption 05, then option 59, then the default"
            ),
            Note::Ipv6Tail { name } => write!(
                f,
                "{name:?} ends in an ipv6 address: its last :digits are not a port suffix"
            ),
            Note::Port { port, from, .. } => match from {
                PortSource::Suffix => write!(f, "port {port} from the name's :port suffix"),
                PortSource::Suboption05 => write!(f, "port {port} from suboption 05"),
                PortSource::Option59 => write!(f, "port {port} from option 59's url"),
                PortSource::Url => write!(f, "port {port} from the url"),
                PortSource::Default => write!(f, "port {port}, the transfer mode's default"),
            },
            Note::PortOverridden { port, from } => write!(
                f,
                "port {port} from {from} is overridden by the name's :port suffix"
            ),
            Note::AnonymousFtp => {
                f.write_str("ftp logs in anonymously: the url carries no user or password")
            }
            Note::JoinedToRoot { name } => write!(
                f,
                "{name:?} has no leading /: it is fetched from the server's root (choice)"
            ),
            Note::PathNormalised { path, url_path } => write!(
                f,
                "dot segments in {path:?} are resolved: the url's path is {url_path:?} (choice)"
            ),
            Note::TftpNotRecommended => f.write_str("tftp works, but ftp or http are recommended"),
        }
    }
}
