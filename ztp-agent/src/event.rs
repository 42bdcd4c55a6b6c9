//! What the caller tells the agent: [`Event`] and the outcomes it carries.

use ztp_fetch_url::Target;
use ztp_options::Family;

/// Something that happened on the device, fed to
/// [`Agent::handle`](crate::Agent::handle) with the time it happened.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Agent, Config, Event};
/// use ztp_options::{Family, samples::V6_REPLY};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let event = Event::BindingAcquired {
///     interface: "em0",
///     family: Family::V6,
///     reply: V6_REPLY.to_vec(),
/// };
/// assert_eq!(event.name(), "binding acquired");
/// let _ = agent.handle(Duration::ZERO, event);
/// assert_eq!(agent.bindings().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<I> {
    /// The DHCP client bound `interface` in `family`; `reply` is the reply
    /// that bound it (a DHCPv4 ACK, or a DHCPv6 REPLY or RELAY-REPL), as
    /// received. A second reply for the same interface and family replaces
    /// the first.
    BindingAcquired {
        /// The interface.
        interface: I,
        /// DHCPv4 or DHCPv6.
        family: Family,
        /// The reply's bytes (the UDP payload).
        reply: Vec<u8>,
    },
    /// The binding of `interface` in `family` is gone (lease expired, link
    /// down).
    BindingLost {
        /// The interface.
        interface: I,
        /// DHCPv4 or DHCPv6.
        family: Family,
    },
    /// The fetch of [`Action::Fetch`](crate::Action::Fetch) for `target`
    /// finished.
    FetchFinished {
        /// The target of the fetch, as the action gave it.
        target: Target,
        /// The first bytes of the file (512 are enough: the agent reads no
        /// more, R26), or why the fetch failed.
        result: Result<Vec<u8>, FetchError>,
    },
    /// The install of [`Action::InstallImage`](crate::Action::InstallImage)
    /// finished.
    InstallFinished(InstallOutcome),
    /// The script of [`Action::RunScript`](crate::Action::RunScript) exited.
    ScriptExited {
        /// The exit status: 0 is success.
        status: i32,
    },
    /// The commit of
    /// [`Action::CommitConfiguration`](crate::Action::CommitConfiguration)
    /// finished.
    CommitFinished(Result<(), CommitError>),
    /// Nothing but time: lets the agent act on its deadlines (see
    /// [`Agent::poll_timeout`](crate::Agent::poll_timeout)).
    TimePassed,
}

impl<I> Event<I> {
    /// The event's name, for logs.
    pub fn name(&self) -> &'static str {
        match self {
            Event::BindingAcquired { .. } => "binding acquired",
            Event::BindingLost { .. } => "binding lost",
            Event::FetchFinished { .. } => "fetch finished",
            Event::InstallFinished(_) => "install finished",
            Event::ScriptExited { .. } => "script exited",
            Event::CommitFinished(_) => "commit finished",
            Event::TimePassed => "time passed",
        }
    }
}

/// Why a fetch failed. Messages are lowercase and stable.
///
/// ```
/// use ztp_agent::{Event, FetchError};
/// use ztp_fetch_url::{Target, TargetKind, UrlOrigin};
///
/// let target = Target::parse("tftp://192.0.2.10/sw.conf", TargetKind::Config, UrlOrigin::User)?;
/// // What the caller reports when the file server has no such file.
/// let event: Event<&str> = Event::FetchFinished { target, result: Err(FetchError::NotFound) };
/// # let _ = event;
/// assert_eq!(FetchError::NotFound.to_string(), "file not found on the server");
/// assert_eq!(FetchError::Other("tls handshake failed".into()).to_string(), "tls handshake failed");
/// # Ok::<(), ztp_fetch_url::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The server answered: no such file.
    #[error("file not found on the server")]
    NotFound,
    /// The server refused access.
    #[error("access denied by the server")]
    Denied,
    /// The server did not answer (no route, connection refused).
    #[error("file server unreachable")]
    Unreachable,
    /// The transfer started and stalled.
    #[error("transfer timed out")]
    TimedOut,
    /// Anything else, in the caller's words.
    #[error("{0}")]
    Other(String),
}

/// How an image install ended.
///
/// ```
/// use ztp_agent::{Event, InstallOutcome};
///
/// // An image that failed its checksum: the binding fails (R28).
/// let event: Event<&str> = Event::InstallFinished(InstallOutcome::Corrupt);
/// assert_eq!(event.name(), "install finished");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InstallOutcome {
    /// Installed.
    Ok,
    /// The image failed its checks (checksum, signature, not an image).
    Corrupt,
    /// Any other failure, in the caller's words.
    Failed(String),
}

/// Why a commit failed, in the device's words.
///
/// ```
/// use ztp_agent::{CommitError, Event};
///
/// let error = CommitError::new("error: syntax error at 'sytem'");
/// assert_eq!(error.to_string(), "error: syntax error at 'sytem'");
/// let event: Event<&str> = Event::CommitFinished(Err(error));
/// # let _ = event;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{message}")]
pub struct CommitError {
    /// What the device said.
    pub message: String,
}

impl CommitError {
    /// A commit error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        CommitError {
            message: message.into(),
        }
    }
}
