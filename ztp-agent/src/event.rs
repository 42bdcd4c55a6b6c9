//! What the caller tells the agent: [`Event`] and the outcomes it carries.

use ztp_fetch_url::Target;
use ztp_options::Family;

/// Something that happened on the device, fed to
/// [`Agent::handle`](crate::Agent::handle) with the time it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstallOutcome {
    /// Installed.
    Ok,
    /// The image failed its checks (checksum, signature, not an image).
    Corrupt,
    /// Any other failure, in the caller's words.
    Failed(String),
}

/// Why a commit failed, in the device's words.
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
