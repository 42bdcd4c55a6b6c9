//! What the agent tells the caller: [`Action`], the [`Log`] entries behind
//! it, the [`Failure`] that ends an attempt and the [`Summary`] of a
//! provisioned device.

use core::fmt;
use core::time::Duration;

use ztp_fetch_url::{Note, Target, TargetKind};
use ztp_options::{CannotProceed, DecisionKind, Family, Rule};
use ztp_script_detect::{Binary, ConfigFormat, Diagnostic, Kind, Verdict};

use crate::event::FetchError;

/// One thing for the caller to do, or to record.
///
/// Every call to [`Agent::handle`](crate::Agent::handle) returns zero or
/// more [`Action::Log`] entries followed by at most one *command* (every
/// other variant, see [`Action::is_command`]): the agent never asks for two
/// things at once, and waits for the answer to a command (or its deadline)
/// before it gives the next.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Action, Agent, Config, Event};
/// use ztp_options::{Family, Rule, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let _ = agent.handle(Duration::ZERO, Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// });
/// let actions = agent.handle(Duration::from_secs(5), Event::TimePassed);
/// // Logs first, then one command.
/// let (command, logs) = actions.split_last().unwrap();
/// assert!(command.is_command() && logs.iter().all(|a| !a.is_command()));
/// let Action::Fetch { interface, target } = command else { panic!("{command:?}") };
/// assert_eq!(*interface, "ge-0/0/0");
/// assert_eq!(target.as_str(), "http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz");
/// assert_eq!(command.rule(), Some(Rule(27)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action<I> {
    /// Fetch `target` over `interface`, then report
    /// [`Event::FetchFinished`](crate::Event::FetchFinished) with the first
    /// bytes of the file. Keep the file: an image is installed from it, a
    /// script run from it, a configuration committed from it.
    Fetch {
        /// The binding's interface.
        interface: I,
        /// The URL, and whether it is the image or the configuration.
        target: Target,
    },
    /// Install the image fetched from `target` (R27), then report
    /// [`Event::InstallFinished`](crate::Event::InstallFinished).
    InstallImage {
        /// The fetched image.
        target: Target,
        /// Its file name (the last segment of the name the lease gave).
        name: String,
    },
    /// Run the script fetched from `target` (R24, R25): `interpreter`, then
    /// `args`, then the script's path; report
    /// [`Event::ScriptExited`](crate::Event::ScriptExited).
    RunScript {
        /// The fetched script.
        target: Target,
        /// The interpreter path of the `#!` line.
        interpreter: String,
        /// The `#!` line's arguments as the platform's kernel passes them:
        /// one argument on Junos OS Evolved (Linux), split at blanks on
        /// Junos OS (FreeBSD).
        args: Vec<String>,
    },
    /// Commit the configuration fetched from `target` (R27), then report
    /// [`Event::CommitFinished`](crate::Event::CommitFinished).
    CommitConfiguration {
        /// The fetched configuration.
        target: Target,
        /// Its format, as sniffed from its first lines: never
        /// [`ConfigFormat::Binary`], whose commit fails before it is issued
        /// ([`Failure::CommitWillFail`]).
        format: ConfigFormat,
    },
    /// No binding is left to try: drop every lease, wait `delay` (15 to 30
    /// seconds, R28) and restart the DHCP client; feed the new bindings.
    RestartDhcp {
        /// How long to wait before restarting.
        delay: Duration,
    },
    /// A step, a choice or a failure, with the rule behind it.
    Log(Log<I>),
    /// Provisioning is over; the agent does nothing more.
    Done(Summary<I>),
}

impl<I> Action<I> {
    /// Whether the caller must do something (all but [`Action::Log`]).
    pub fn is_command(&self) -> bool {
        !matches!(self, Action::Log(_))
    }

    /// The rule behind the action.
    pub fn rule(&self) -> Option<Rule> {
        match self {
            Action::Fetch { .. }
            | Action::InstallImage { .. }
            | Action::CommitConfiguration { .. }
            | Action::Done(_) => Some(Rule(27)),
            Action::RunScript { .. } => Some(Rule(24)),
            Action::RestartDhcp { .. } => Some(Rule(28)),
            Action::Log(log) => log.rule(),
        }
    }
}

impl<I: fmt::Display> fmt::Display for Action<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Fetch { interface, target } => {
                write!(
                    f,
                    "fetch {} {} over {interface}",
                    target.kind(),
                    target.as_str()
                )
            }
            Action::InstallImage { name, .. } => write!(f, "install image {name}"),
            Action::RunScript {
                interpreter, args, ..
            } => {
                write!(f, "run script with {interpreter}")?;
                for a in args {
                    write!(f, " {a}")?;
                }
                Ok(())
            }
            Action::CommitConfiguration { format, .. } => {
                write!(f, "commit configuration ({format})")
            }
            Action::RestartDhcp { delay } => {
                write!(f, "restart the dhcp client in {}", Secs(*delay))
            }
            Action::Log(log) => write!(f, "{log}"),
            Action::Done(summary) => write!(f, "{summary}"),
        }
    }
}

/// A duration written as seconds with milliseconds: `23.456 s`.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::Secs;
///
/// assert_eq!(Secs(Duration::from_millis(23_456)).to_string(), "23.456 s");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Secs(pub Duration);

impl fmt::Display for Secs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03} s", self.0.as_secs(), self.0.subsec_millis())
    }
}

/// What the agent did or decided, typed, with [`Log::rule`].
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Action, Agent, Config, Event, Log};
/// use ztp_options::{Family, Rule, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let _ = agent.handle(Duration::ZERO, Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// });
/// let actions = agent.handle(Duration::from_secs(5), Event::TimePassed);
/// let logs: Vec<&Log<&str>> = actions
///     .iter()
///     .filter_map(|a| match a {
///         Action::Log(log) => Some(log),
///         _ => None,
///     })
///     .collect();
/// // R29: which binding is tried, and why.
/// assert!(logs.iter().any(|l| matches!(l, Log::Trying { .. }) && l.rule() == Some(Rule(29))));
/// for log in logs {
///     println!("[{}] {log}", log.rule().map(|r| r.to_string()).unwrap_or_default());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Log<I> {
    /// A binding arrived; `usable` is `Err` when ZTP cannot proceed on it.
    Bound {
        /// The interface.
        interface: I,
        /// DHCPv4 or DHCPv6.
        family: Family,
        /// Whether it has everything (image, config, file server; R29).
        complete: bool,
        /// Why ZTP cannot proceed on it, if so.
        unusable: Option<CannotProceed>,
    },
    /// A binding went away.
    Lost {
        /// The interface.
        interface: I,
        /// DHCPv4 or DHCPv6.
        family: Family,
    },
    /// The next binding in R29 order.
    Trying {
        /// The interface.
        interface: I,
        /// DHCPv4 or DHCPv6.
        family: Family,
        /// Whether it has image, config and file server.
        complete: bool,
        /// Which try this is since the last DHCP restart, from 1.
        attempt: u32,
        /// How many bindings were untried before this one was picked.
        candidates: usize,
    },
    /// A decision the lease's resolution made (R10..R18): its stable kind,
    /// its rule and its sentence.
    Decision {
        /// The kind (stable identifier: `kind.id()`).
        kind: DecisionKind,
        /// The rule.
        rule: Rule,
        /// The sentence, with the values it is about.
        text: String,
    },
    /// A note about a fetch URL (R16, R19, R20, R23, R30).
    Note(Note),
    /// R27: the image is the installed one; no fetch, no install.
    ImageSkipped {
        /// The image's file name.
        name: String,
    },
    /// R27 (**choice**): a symbolic link's name does not say which image it
    /// points at, so it is installed even when it matches the installed
    /// name.
    SymlinkNotCompared {
        /// The link's file name.
        name: String,
    },
    /// The configuration file's first line says what it is (R24).
    Sniffed(Kind<'static>),
    /// Something in the configuration file's first line that will surprise
    /// a person (R24..R26).
    Warning(Diagnostic),
    /// The attempt on this binding failed; the agent moves on (R28).
    Failed {
        /// The interface.
        interface: I,
        /// DHCPv4 or DHCPv6.
        family: Family,
        /// What failed.
        failure: Failure,
    },
    /// R28: no binding arrived within the wait.
    NoBinding {
        /// How long the agent waited.
        waited: Duration,
    },
    /// R28: every binding was tried and failed.
    Exhausted {
        /// How many bindings were tried.
        tried: u32,
    },
    /// An event the agent had not asked for (an answer to no outstanding
    /// command, a binding beyond [`MAX_BINDINGS`](crate::MAX_BINDINGS)); it
    /// changes nothing.
    Ignored {
        /// The event's name ([`Event::name`](crate::Event::name)).
        event: &'static str,
    },
}

impl<I> Log<I> {
    /// The rule behind the entry, where one applies.
    pub fn rule(&self) -> Option<Rule> {
        match self {
            Log::Bound { .. } | Log::Trying { .. } => Some(Rule(29)),
            Log::Decision { rule, .. } => Some(*rule),
            Log::Note(n) => n.rule(),
            Log::ImageSkipped { .. } | Log::SymlinkNotCompared { .. } => Some(Rule(27)),
            Log::Sniffed(_) => Some(Rule(24)),
            Log::Warning(d) => d.rule().and_then(|r| r.parse().ok()),
            Log::Failed { .. } | Log::NoBinding { .. } | Log::Exhausted { .. } => Some(Rule(28)),
            Log::Lost { .. } | Log::Ignored { .. } => None,
        }
    }
}

impl<I: fmt::Display> fmt::Display for Log<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Log::Bound {
                interface,
                family,
                complete,
                unusable,
            } => match unusable {
                Some(why) => write!(f, "bound {interface} ({family}): ztp cannot proceed: {why}"),
                None if *complete => {
                    write!(
                        f,
                        "bound {interface} ({family}): image, config and file server"
                    )
                }
                None => write!(
                    f,
                    "bound {interface} ({family}): not all of image and config"
                ),
            },
            Log::Lost { interface, family } => write!(f, "lost {interface} ({family})"),
            Log::Trying {
                interface,
                family,
                complete,
                attempt,
                candidates,
            } => write!(
                f,
                "try {interface} ({family}), attempt {attempt}, first of {candidates} untried{}",
                if *complete {
                    ": it has image, config and file server"
                } else {
                    ""
                }
            ),
            Log::Decision { text, .. } => f.write_str(text),
            Log::Note(n) => write!(f, "{n}"),
            Log::ImageSkipped { name } => {
                write!(
                    f,
                    "image {name} is the installed one: not fetched, not installed"
                )
            }
            Log::SymlinkNotCompared { name } => write!(
                f,
                "image {name} is a symbolic link: its name does not say which image it is, install it"
            ),
            Log::Sniffed(kind) => match kind {
                Kind::Script(s) => write!(f, "the fetched file is a script: {s}"),
                Kind::Configuration(c) => write!(f, "the fetched file is a configuration: {c}"),
                other => write!(f, "the fetched file is {other}"),
            },
            Log::Warning(d) => write!(f, "warning: {d}"),
            Log::Failed {
                interface,
                family,
                failure,
            } => {
                let text = failure.to_string();
                let rule = failure.rule();
                if rule == Rule(28) || text.contains(&format!("({rule})")) {
                    write!(f, "{interface} ({family}) failed: {text}")
                } else {
                    write!(f, "{interface} ({family}) failed: {text} ({rule})")
                }
            }
            Log::NoBinding { waited } => {
                write!(f, "no interface got bound within {}", Secs(*waited))
            }
            Log::Exhausted { tried } => write!(
                f,
                "no binding left to try ({tried} tried since the last dhcp restart)"
            ),
            Log::Ignored { event } => write!(f, "ignored: {event} (nothing was waiting for it)"),
        }
    }
}

/// A step that waits for the caller.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Agent, Config, Event, Phase, Step};
/// use ztp_options::{Family, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let _ = agent.handle(Duration::ZERO, Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// });
/// let _ = agent.handle(Duration::from_secs(5), Event::TimePassed);
/// assert_eq!(agent.phase(), Phase::Working(Step::FetchImage));
/// assert_eq!(Step::FetchImage.to_string(), "the image fetch");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// Fetching the image.
    FetchImage,
    /// Installing the image.
    Install,
    /// Fetching the configuration file.
    FetchConfig,
    /// Running the script.
    RunScript,
    /// Committing the configuration.
    Commit,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::FetchImage => "the image fetch",
            Step::Install => "the image install",
            Step::FetchConfig => "the configuration fetch",
            Step::RunScript => "the script",
            Step::Commit => "the commit",
        })
    }
}

/// Why the attempt on one binding failed. Each moves the agent to the next
/// binding (R28). Messages are lowercase and stable.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Action, Agent, Config, Event, Failure, Log, Step};
/// use ztp_options::{Family, Rule, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let _ = agent.handle(Duration::ZERO, Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// });
/// let _ = agent.handle(Duration::from_secs(5), Event::TimePassed);
/// // No answer to the fetch before its deadline (10 minutes by default).
/// let deadline = agent.poll_timeout().unwrap();
/// let actions = agent.handle(deadline, Event::TimePassed);
/// let failure = actions.iter().find_map(|a| match a {
///     Action::Log(Log::Failed { failure, .. }) => Some(failure),
///     _ => None,
/// });
/// let Some(failure @ Failure::TimedOut { step: Step::FetchImage, .. }) = failure else {
///     panic!("{actions:?}")
/// };
/// assert_eq!(failure.rule(), Rule(28));
/// assert_eq!(failure.to_string(), "no answer to the image fetch within 600.000 s");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Failure {
    /// R13, R17, R18 or a malformed option: the lease gives no plan.
    #[error("{0}")]
    CannotProceed(CannotProceed),
    /// R19..R23: a file name gives no URL, so there is nothing to fetch.
    #[error("no {kind} url: {error}")]
    Url {
        /// The image or the configuration.
        kind: TargetKind,
        /// Why.
        error: ztp_fetch_url::Error,
    },
    /// R28: a fetch failed.
    #[error("fetching {url} failed: {error}")]
    Fetch {
        /// The URL.
        url: String,
        /// Why.
        error: FetchError,
    },
    /// R28: the image is corrupt.
    #[error("image {name} is corrupt")]
    ImageCorrupt {
        /// The image's file name.
        name: String,
    },
    /// R28 (**choice**: any install failure, not only a corrupt image).
    #[error("installing image {name} failed: {reason}")]
    InstallFailed {
        /// The image's file name.
        name: String,
        /// The caller's words.
        reason: String,
    },
    /// R25: the platform does not run this script (unsigned Python, or an
    /// interpreter R25 does not list, **choice**).
    #[error("script for {path} refused: {verdict}")]
    ScriptRefused {
        /// The interpreter path.
        path: String,
        /// The platform policy's answer.
        verdict: Verdict,
    },
    /// R28: the commit fails. The configuration file is not text (R24: an
    /// image given as the configuration file, say): the device loads it as a
    /// configuration all the same, and its commit fails. The agent fails the
    /// binding there, as that commit would, without issuing a
    /// [`Action::CommitConfiguration`] no caller could make succeed
    /// (**choice**).
    #[error("the commit fails: the configuration file is {0}, not text")]
    CommitWillFail(Binary),
    /// R24: the configuration file is something this agent cannot name.
    #[error("the configuration file is not a configuration: {0}")]
    Unrecognised(String),
    /// R24, R26: the `#!` line gets no answer (its interpreter path runs past
    /// the bytes read, or it is not UTF-8).
    #[error("{0}")]
    Sniff(ztp_script_detect::Error),
    /// R28: the script exited non-zero.
    #[error("the script exited with status {status}")]
    ScriptFailed {
        /// Its exit status.
        status: i32,
    },
    /// R28: the commit failed.
    #[error("the commit failed: {0}")]
    CommitFailed(crate::event::CommitError),
    /// R28 (**choice**): the binding went away during the attempt.
    #[error("the binding was lost")]
    BindingLost,
    /// R28 (**choice**): a step had no answer before its deadline.
    #[error("no answer to {step} within {}", Secs(*after))]
    TimedOut {
        /// The step.
        step: Step,
        /// Its deadline.
        after: Duration,
    },
}

impl Failure {
    /// The rule that names the failure (every failure also moves on, R28).
    pub fn rule(&self) -> Rule {
        match self {
            Failure::CannotProceed(c) => c.rule(),
            Failure::Url { error, .. } => error.rule(),
            Failure::ScriptRefused { .. } => Rule(25),
            Failure::Unrecognised(_) | Failure::Sniff(_) => Rule(24),
            Failure::Fetch { .. }
            | Failure::ImageCorrupt { .. }
            | Failure::InstallFailed { .. }
            | Failure::ScriptFailed { .. }
            | Failure::CommitFailed(_)
            | Failure::CommitWillFail(_)
            | Failure::BindingLost
            | Failure::TimedOut { .. } => Rule(28),
        }
    }
}

/// What happened to the image.
///
/// ```
/// use ztp_agent::ImageOutcome;
///
/// // What a provisioned device's summary says about its image (R27).
/// let outcome = ImageOutcome::AlreadyInstalled { name: "junos-23.4R2.tgz".into() };
/// assert!(matches!(outcome, ImageOutcome::AlreadyInstalled { ref name } if name == "junos-23.4R2.tgz"));
/// assert_ne!(outcome, ImageOutcome::None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ImageOutcome {
    /// The lease named no image.
    None,
    /// Fetched and installed.
    Installed {
        /// Its file name.
        name: String,
    },
    /// The installed image already (R27).
    AlreadyInstalled {
        /// Its file name.
        name: String,
    },
}

/// What happened to the configuration file.
///
/// ```
/// use ztp_agent::ConfigOutcome;
/// use ztp_script_detect::ConfigFormat;
///
/// // What a provisioned device's summary says about its configuration file.
/// let committed = ConfigOutcome::Committed { format: ConfigFormat::Curly };
/// let ran = ConfigOutcome::ScriptRan { interpreter: "/bin/sh".into() };
/// assert_ne!(committed, ran);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConfigOutcome {
    /// The lease named no configuration file.
    None,
    /// Committed.
    Committed {
        /// Its format.
        format: ConfigFormat,
    },
    /// A script, run to a zero exit status.
    ScriptRan {
        /// Its interpreter path.
        interpreter: String,
    },
}

/// The device is provisioned: over which binding, and with what.
///
/// ```
/// use ztp_agent::{ConfigOutcome, ImageOutcome, Summary};
/// use ztp_options::Family;
///
/// // What `Action::Done` carries.
/// let summary = Summary {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     image: ImageOutcome::Installed { name: "junos.tgz".into() },
///     config: ConfigOutcome::ScriptRan { interpreter: "/bin/sh".into() },
///     attempts: 1,
///     restarts: 0,
/// };
/// assert_eq!(
///     summary.to_string(),
///     "provisioned over ge-0/0/0 (dhcpv4): image junos.tgz installed, script run by /bin/sh",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<I> {
    /// The interface of the binding that succeeded.
    pub interface: I,
    /// Its family.
    pub family: Family,
    /// The image.
    pub image: ImageOutcome,
    /// The configuration.
    pub config: ConfigOutcome,
    /// Tries since the last DHCP restart, this one included.
    pub attempts: u32,
    /// DHCP restarts before this success.
    pub restarts: u32,
}

impl<I: fmt::Display> fmt::Display for Summary<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "provisioned over {} ({}): ", self.interface, self.family)?;
        match &self.image {
            ImageOutcome::None => f.write_str("no image")?,
            ImageOutcome::Installed { name } => write!(f, "image {name} installed")?,
            ImageOutcome::AlreadyInstalled { name } => {
                write!(f, "image {name} already installed")?;
            }
        }
        match &self.config {
            ConfigOutcome::None => f.write_str(", no configuration"),
            ConfigOutcome::Committed { format } => {
                write!(f, ", configuration committed ({format})")
            }
            ConfigOutcome::ScriptRan { interpreter } => {
                write!(f, ", script run by {interpreter}")
            }
        }
    }
}
