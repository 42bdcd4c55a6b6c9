//! The one error type of this crate.

use ztp_options::{Rule, TransferMode};

/// The longest HTTP or HTTPS URL a device accepts, in characters (R21,
/// R30). The count is the serialised URL, as sent.
pub const HTTP_URL_LIMIT: usize = 256;

/// Why a file name or a URL gives no fetch target. Every variant
/// carries the offending value; [`Error::rule`] names the RULES.md rule it
/// enforces. Messages are lowercase and stable.
///
/// ```
/// use ztp_fetch_url::{Error, Target, TargetKind, UrlOrigin};
/// use ztp_options::Rule;
///
/// // R22: the device does no DNS.
/// let err = Target::parse("http://files.example/sw.conf", TargetKind::Config, UrlOrigin::User)
///     .unwrap_err();
/// assert!(matches!(err, Error::HostName { ref value } if value == "files.example"));
/// assert_eq!(err.rule(), Rule(22));
/// // R21: an HTTP URL over 256 characters is an error, never truncated.
/// let long = format!("http://192.0.2.10/{}", "a".repeat(300));
/// let err = Target::parse(&long, TargetKind::Config, UrlOrigin::User).unwrap_err();
/// assert!(matches!(err, Error::TooLong { len: 318, limit: 256, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "error", rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Error {
    /// R19: the name ends in `:digits` that are 0 or above 65535.
    #[error("port suffix {value:?} of {name:?} is not a port in 1..=65535")]
    BadPortSuffix {
        /// The digits after the last `:`.
        value: String,
        /// The whole file name.
        name: String,
    },
    /// R19: nothing is left to fetch: an empty name, a name that is only a
    /// `:port` suffix, a name or URL whose path is empty or `/` (once `.`
    /// and `..` are resolved).
    #[error("{name:?} names no file")]
    EmptyName {
        /// The name or URL.
        name: String,
    },
    /// R22: the file server is a host name; the device does no DNS.
    #[error("file server {value:?} is a host name, not an ip address (the device does no dns)")]
    HostName {
        /// The host name.
        value: String,
    },
    /// R22: the URL names no file server.
    #[error("no file server in {url:?}")]
    NoServer {
        /// The URL.
        url: String,
    },
    /// R21, R30: an HTTP or HTTPS URL is longer than the limit. It is never
    /// truncated.
    #[error("{mode} url of {len} characters is longer than the {limit}-character limit: {url}")]
    TooLong {
        /// The length of the serialised URL, in characters.
        len: usize,
        /// The limit, [`HTTP_URL_LIMIT`].
        limit: usize,
        /// HTTP or HTTPS.
        mode: TransferMode,
        /// The whole URL.
        url: String,
    },
    /// R9: the URL's scheme is not a transfer mode.
    #[error("scheme {value:?} is not a transfer mode (tftp, ftp, http, https)")]
    UnsupportedScheme {
        /// The scheme.
        value: String,
    },
    /// R23: the URL carries a user name or password. FTP logs in
    /// anonymously, and the other modes take no credentials either.
    #[error("{url:?} carries a user name or password: ftp is anonymous, no mode takes credentials")]
    Credentials {
        /// The URL.
        url: String,
    },
    /// R9: the URL's port is 0.
    #[error("port 0 in {url:?} is not a port")]
    ZeroPort {
        /// The URL.
        url: String,
    },
    /// R9: the `url` crate rejects the text.
    #[error("{value:?} is not a url: {reason}")]
    BadUrl {
        /// The text.
        value: String,
        /// The `url` crate's reason.
        reason: String,
    },
    /// A deserialised target whose fields do not match its URL.
    #[error("the {field} of the target does not match its url {url:?}")]
    Mismatch {
        /// The URL.
        url: String,
        /// The field that differs (`mode`, `server`, `port`).
        field: String,
    },
}

impl Error {
    /// The RULES.md rule the error enforces.
    pub fn rule(&self) -> Rule {
        Rule(match self {
            Error::BadPortSuffix { .. } | Error::EmptyName { .. } => 19,
            Error::HostName { .. } | Error::NoServer { .. } => 22,
            Error::TooLong { .. } => 21,
            Error::Credentials { .. } => 23,
            Error::UnsupportedScheme { .. }
            | Error::ZeroPort { .. }
            | Error::BadUrl { .. }
            | Error::Mismatch { .. } => 9,
        })
    }
}
