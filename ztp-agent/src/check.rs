//! Event scripts for property tests and fuzzing, and the invariants every
//! run must keep (feature `arbitrary`).
//!
//! A [`Scenario`] is a prefix of arbitrary events (bindings of sample and
//! generated replies, answers right and wrong, time), then a *drain*: the
//! environment answers each command (with outcomes from the scenario) and
//! lets time pass. [`run`] feeds it to an [`Agent`] and checks:
//!
//! 1. each [`Agent::handle`] returns logs, then at most one command, last;
//! 2. nothing comes after [`Action::Done`]; a done agent returns nothing;
//! 3. [`Action::RestartDhcp`] waits 15..=30 s (R28) and leaves no binding;
//! 4. a command leaves the agent waiting for its answer
//!    ([`Phase::Working`] with the matching [`Step`]);
//! 5. no deadline is left overdue ([`Agent::poll_timeout`] is later than
//!    the last event);
//! 6. the drain ends in [`Action::Done`] or [`Action::RestartDhcp`] within
//!    `4 * bindings + 2` steps, `bindings` being those held when it starts
//!    plus one for an attempt in flight: a binding renewed while it is being
//!    tried is tried again, with its new lease, after that attempt (found by
//!    the `agent_events` fuzz target).
//!    Once the scenario's answers run out, the drain alternates a success
//!    and a deadline passing.
//!
//! The agent has no unwrap, expect, indexing or panic (workspace lints), so
//! "never panics" is the absence of a crash under these runs.
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use ztp_agent::check::{run, Scenario};
//!
//! let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
//! let scenario = Scenario::arbitrary(&mut Unstructured::new(&bytes)).unwrap();
//! let report = run(&scenario).unwrap();
//! assert!(report.drain_steps <= 4 * report.drain_bindings + 2);
//! ```

use core::net::Ipv4Addr;
use core::time::Duration;

use arbitrary::Arbitrary;
use ztp_fetch_url::{Target, TargetKind, UrlOrigin};
use ztp_options::{Family, ImageType, TransferMode, VendorInfo, samples, v4, v6};
use ztp_script_detect::Platform;

use crate::{Action, Agent, CommitError, Config, Event, FetchError, InstallOutcome, Phase, Step};

/// One run: the device, a prefix of arbitrary events, the answers of the
/// drain.
///
/// Its `Arbitrary` draws up to 96 events and 32 answers (a derived
/// `Vec` would stop after one element half the time).
///
/// ```
/// use ztp_agent::check::{Answer, FilePick, Op, Reply, Scenario, run};
///
/// // A scenario written by hand: the sample ACK, then right answers.
/// let scenario = Scenario {
///     seed: 1,
///     platform: 0,
///     installed: false,
///     no_settle: false,
///     prefix: vec![Op::Acquire { iface: 0, reply: Reply::SampleV4 }, Op::Wait(5)],
///     answers: vec![
///         Answer::Fetch(Ok(FilePick::Gzip)),
///         Answer::Install(0),
///         Answer::Fetch(Ok(FilePick::Curly)),
///         Answer::Commit(true),
///     ],
/// };
/// let report = run(&scenario)?;
/// assert!(report.done);
/// # Ok::<(), ztp_agent::check::Violation>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The jitter seed.
    pub seed: u64,
    /// The platform (modulo 3).
    pub platform: u8,
    /// Whether `junos.tgz` is installed.
    pub installed: bool,
    /// A zero settle time (ranking at the first binding).
    pub no_settle: bool,
    /// Arbitrary events.
    pub prefix: Vec<Op>,
    /// The drain's answers, used in turn; when they run out, time passes
    /// to the next deadline.
    pub answers: Vec<Answer>,
}

impl<'a> Arbitrary<'a> for Scenario {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let seed = u64::arbitrary(u)?;
        let platform = u8::arbitrary(u)?;
        let installed = bool::arbitrary(u)?;
        let no_settle = bool::arbitrary(u)?;
        let events = u.int_in_range(0..=96u8)?;
        let mut prefix = Vec::with_capacity(usize::from(events));
        for _ in 0..events {
            if u.is_empty() {
                break;
            }
            prefix.push(Op::arbitrary(u)?);
        }
        let count = u.int_in_range(0..=32u8)?;
        let mut answers = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            if u.is_empty() {
                break;
            }
            answers.push(Answer::arbitrary(u)?);
        }
        Ok(Scenario {
            seed,
            platform,
            installed,
            no_settle,
            prefix,
            answers,
        })
    }
}

/// An arbitrary event of the prefix.
///
/// ```
/// use ztp_agent::check::{Op, Reply, Scenario, run};
///
/// let scenario = Scenario {
///     seed: 0,
///     platform: 0,
///     installed: false,
///     no_settle: true,
///     prefix: vec![
///         Op::Acquire { iface: 1, reply: Reply::SampleV6 },
///         Op::Lose { iface: 1, v6: true }, // gone before it is tried
///         Op::Wait(90),
///     ],
///     answers: vec![],
/// };
/// let report = run(&scenario)?;
/// assert!(!report.done);
/// # Ok::<(), ztp_agent::check::Violation>(())
/// ```
#[derive(Debug, Clone, Arbitrary)]
pub enum Op {
    /// A binding on interface `iface % 6`.
    Acquire {
        /// The interface.
        iface: u8,
        /// The reply.
        reply: Reply,
    },
    /// A binding lost.
    Lose {
        /// The interface.
        iface: u8,
        /// DHCPv6 rather than DHCPv4.
        v6: bool,
    },
    /// An answer to whatever command is outstanding (or to none).
    Answer(Answer),
    /// A fetch result for a URL nobody asked for.
    StrayFetch(FilePick),
    /// Time: this many seconds.
    Wait(u8),
}

/// A DHCP reply.
///
/// ```
/// use ztp_agent::check::{Reply, build};
/// use ztp_options::Family;
///
/// let (family, bytes) = build(&Reply::V4 { image: Some(false), config: Some(false), mode: 3, server: true });
/// assert_eq!(family, Family::V4);
/// assert!(ztp_options::v4::Lease::parse(&bytes).is_ok());
/// ```
#[derive(Debug, Clone, Arbitrary)]
pub enum Reply {
    /// `ztp_options::samples::V4_ACK` (complete).
    SampleV4,
    /// `ztp_options::samples::V6_REPLY` (complete).
    SampleV6,
    /// A DHCPv4 ACK built from these choices.
    V4 {
        /// `junos.tgz` (or a symlink to it).
        image: Option<bool>,
        /// A configuration name: `/c.conf`, or one too long for HTTP.
        config: Option<bool>,
        /// The transfer mode (modulo 5: none, tftp, ftp, http, https).
        mode: u8,
        /// Option 150.
        server: bool,
    },
    /// A DHCPv6 REPLY with option 17 and maybe option 59.
    V6 {
        /// `junos.tgz`.
        image: bool,
        /// `/c.conf`.
        config: bool,
        /// Option 59.
        boot_url: bool,
    },
    /// Any bytes, as DHCPv4 or DHCPv6.
    Raw {
        /// DHCPv6 rather than DHCPv4.
        v6: bool,
        /// The bytes.
        bytes: Vec<u8>,
    },
}

/// A file's first bytes.
///
/// ```
/// use ztp_agent::check::{FilePick, file};
///
/// assert!(file(&FilePick::Shell).starts_with(b"#!/bin/sh"));
/// assert_eq!(file(&FilePick::Gzip)[..2], [0x1f, 0x8b]);
/// ```
#[derive(Debug, Clone, Arbitrary)]
pub enum FilePick {
    /// Curly-brace configuration.
    Curly,
    /// `set` commands.
    Set,
    /// `#!/bin/sh`.
    Shell,
    /// `#!/usr/bin/python`.
    Python,
    /// `#!/usr/bin/env python3`.
    Env,
    /// A gzip image.
    Gzip,
    /// Nothing.
    Empty,
    /// A `#!` line whose interpreter path runs past the 512 bytes read: no
    /// verdict (R24).
    LongShebang,
    /// Any bytes.
    Raw(Vec<u8>),
}

/// An answer to a command.
///
/// ```
/// use ztp_agent::check::{Answer, FilePick};
///
/// // A fetch that gives the file, and one that fails (the number picks how).
/// let answers = [Answer::Fetch(Ok(FilePick::Set)), Answer::Fetch(Err(0)), Answer::Exit(1)];
/// assert_eq!(answers.len(), 3);
/// ```
#[derive(Debug, Clone, Arbitrary)]
pub enum Answer {
    /// A fetch: the file, or a failure.
    Fetch(Result<FilePick, u8>),
    /// An install: ok, corrupt, failed.
    Install(u8),
    /// A script's exit status.
    Exit(i32),
    /// A commit: ok or not.
    Commit(bool),
}

/// How a run went.
///
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// use ztp_agent::check::{Report, Scenario, run};
///
/// let scenario = Scenario::arbitrary(&mut Unstructured::new(&[7; 512])).unwrap();
/// let report: Report = run(&scenario).unwrap();
/// assert!(report.drain_steps <= 4 * report.drain_bindings + 2); // invariant 6
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Report {
    /// Events fed.
    pub events: usize,
    /// Commands received.
    pub commands: usize,
    /// Bindings held when the drain started, plus one for an attempt in
    /// flight (the bound of invariant 6 is `4 * drain_bindings + 2`).
    pub drain_bindings: usize,
    /// Events the drain took to reach done or a restart.
    pub drain_steps: usize,
    /// The run ended provisioned.
    pub done: bool,
    /// DHCP restarts seen.
    pub restarts: usize,
    /// Attempts that failed.
    pub failures: usize,
}

/// A broken invariant, in words.
///
/// ```
/// use ztp_agent::check::Violation;
///
/// let v = Violation { invariant: 3, event: 12, detail: "restart after 40 s".into() };
/// assert_eq!(v.to_string(), "invariant 3 broken at event 12: restart after 40 s");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invariant {invariant} broken at event {event}: {detail}")]
pub struct Violation {
    /// The invariant's number in the module doc.
    pub invariant: u8,
    /// The event's index, from 0.
    pub event: usize,
    /// What was seen.
    pub detail: String,
}

/// A URL no command asks for.
const STRAY: &str = "tftp://192.0.2.99/stray.conf";

const INTERFACES: [&str; 6] = [
    "ge-0/0/0",
    "ge-0/0/1",
    "xe-0/1/0",
    "et-0/0/48",
    "em0",
    "me0",
];

struct Runner {
    agent: Agent<&'static str>,
    now: Duration,
    outstanding: Option<Action<&'static str>>,
    report: Report,
    ended: bool,
    stray: Target,
}

impl Runner {
    fn feed(&mut self, event: Event<&'static str>) -> Result<(), Violation> {
        let was_done = self.agent.is_done();
        let actions = self.agent.handle(self.now, event);
        let index = self.report.events;
        self.report.events = index.saturating_add(1);
        let broken = |invariant, detail: String| Violation {
            invariant,
            event: index,
            detail,
        };
        if was_done && !actions.is_empty() {
            return Err(broken(2, format!("a done agent returned {actions:?}")));
        }
        let commands: Vec<&Action<&str>> = actions.iter().filter(|a| a.is_command()).collect();
        if commands.len() > 1 {
            return Err(broken(
                1,
                format!("{} commands at once: {commands:?}", commands.len()),
            ));
        }
        if let Some(first) = commands.first()
            && actions.last() != Some(*first)
        {
            return Err(broken(1, format!("the command is not last: {actions:?}")));
        }
        for a in &actions {
            if let crate::Action::Log(crate::Log::Failed { .. }) = a {
                self.report.failures = self.report.failures.saturating_add(1);
            }
        }
        if let Some(command) = commands.first() {
            self.report.commands = self.report.commands.saturating_add(1);
            let phase = self.agent.phase();
            let expected = match command {
                Action::Fetch { target, .. } => match target.kind() {
                    TargetKind::Config => Some(Phase::Working(Step::FetchConfig)),
                    TargetKind::Image { .. } => Some(Phase::Working(Step::FetchImage)),
                },
                Action::InstallImage { .. } => Some(Phase::Working(Step::Install)),
                Action::RunScript { .. } => Some(Phase::Working(Step::RunScript)),
                Action::CommitConfiguration { .. } => Some(Phase::Working(Step::Commit)),
                Action::Done(_) => {
                    self.ended = true;
                    self.report.done = true;
                    Some(Phase::Done)
                }
                Action::RestartDhcp { delay } => {
                    self.ended = true;
                    self.report.restarts = self.report.restarts.saturating_add(1);
                    if !(Duration::from_secs(15)..=Duration::from_secs(30)).contains(delay) {
                        return Err(broken(3, format!("restart delay {delay:?}")));
                    }
                    if !self.agent.bindings().is_empty() {
                        return Err(broken(3, "bindings kept over a restart".into()));
                    }
                    Some(Phase::WaitingForBinding)
                }
                Action::Log(_) => None,
            };
            if expected != Some(phase) {
                return Err(broken(
                    4,
                    format!("{command:?} left the agent in {phase:?}"),
                ));
            }
            self.outstanding = Some((*command).clone());
        }
        if let Some(t) = self.agent.poll_timeout()
            && t <= self.now
        {
            return Err(broken(
                5,
                format!("deadline {t:?} overdue at {:?}", self.now),
            ));
        }
        Ok(())
    }

    fn answer(&mut self, answer: &Answer) -> Event<&'static str> {
        let target = match &self.outstanding {
            Some(Action::Fetch { target, .. }) => Some(target.clone()),
            _ => None,
        };
        match answer {
            Answer::Fetch(result) => Event::FetchFinished {
                target: target.unwrap_or_else(|| self.stray.clone()),
                result: match result {
                    Ok(pick) => Ok(file(pick)),
                    Err(e) => Err(match e % 5 {
                        0 => FetchError::NotFound,
                        1 => FetchError::Denied,
                        2 => FetchError::Unreachable,
                        3 => FetchError::TimedOut,
                        _ => FetchError::Other("connection reset".into()),
                    }),
                },
            },
            Answer::Install(n) => Event::InstallFinished(match n % 3 {
                0 => InstallOutcome::Ok,
                1 => InstallOutcome::Corrupt,
                _ => InstallOutcome::Failed("no space left on device".into()),
            }),
            Answer::Exit(status) => Event::ScriptExited { status: *status },
            Answer::Commit(ok) => Event::CommitFinished(if *ok {
                Ok(())
            } else {
                Err(CommitError::new("syntax error"))
            }),
        }
    }

    /// The answer the outstanding command expects, shaped by `answer`.
    fn matching(&mut self, answer: &Answer) -> Event<&'static str> {
        let fix = match (&self.outstanding, answer) {
            (Some(Action::Fetch { .. }), Answer::Fetch(_))
            | (Some(Action::InstallImage { .. }), Answer::Install(_))
            | (Some(Action::RunScript { .. }), Answer::Exit(_))
            | (Some(Action::CommitConfiguration { .. }), Answer::Commit(_)) => answer.clone(),
            (Some(Action::Fetch { .. }), _) => Answer::Fetch(Ok(FilePick::Curly)),
            (Some(Action::InstallImage { .. }), _) => Answer::Install(0),
            (Some(Action::RunScript { .. }), _) => Answer::Exit(0),
            _ => Answer::Commit(true),
        };
        self.answer(&fix)
    }
}

/// Runs a scenario and checks the invariants of the module doc.
///
/// # Errors
///
/// The first [`Violation`].
pub fn run(scenario: &Scenario) -> Result<Report, Violation> {
    let platform = Platform::ALL
        .get(usize::from(scenario.platform % 3))
        .copied()
        .unwrap_or(Platform::JunosOs);
    let mut config = Config::new(platform);
    config.seed = scenario.seed;
    config.installed = scenario.installed.then(|| "junos.tgz".to_string());
    if scenario.no_settle {
        config.settle = Duration::ZERO;
    }
    let mut r = Runner {
        agent: Agent::new(config, Duration::ZERO),
        now: Duration::ZERO,
        outstanding: None,
        report: Report::default(),
        ended: false,
        stray: Target::parse(STRAY, TargetKind::Config, UrlOrigin::User).map_err(|e| {
            Violation {
                invariant: 0,
                event: 0,
                detail: e.to_string(),
            }
        })?,
    };
    for op in &scenario.prefix {
        r.now = r.now.saturating_add(Duration::from_millis(250));
        let event = match op {
            Op::Acquire { iface, reply } => {
                let (family, bytes) = build(reply);
                Event::BindingAcquired {
                    interface: iface_name(*iface),
                    family,
                    reply: bytes,
                }
            }
            Op::Lose { iface, v6 } => Event::BindingLost {
                interface: iface_name(*iface),
                family: if *v6 { Family::V6 } else { Family::V4 },
            },
            Op::Answer(a) => r.answer(a),
            Op::StrayFetch(pick) => Event::FetchFinished {
                target: r.stray.clone(),
                result: Ok(file(pick)),
            },
            Op::Wait(s) => {
                r.now = r.now.saturating_add(Duration::from_secs(u64::from(*s)));
                Event::TimePassed
            }
        };
        r.feed(event)?;
    }
    // The drain.
    r.ended = r.agent.is_done();
    // An attempt in flight may be for a lease that a renewal has replaced:
    // the renewed binding is tried again after it, so it counts once more.
    let in_flight = usize::from(matches!(r.agent.phase(), Phase::Working(_)));
    r.report.drain_bindings = r.agent.bindings().len().saturating_add(in_flight);
    let bound = r.report.drain_bindings.saturating_mul(4).saturating_add(2);
    let mut answers = scenario.answers.iter();
    let mut steps = 0usize;
    while !r.ended {
        if steps >= bound {
            return Err(Violation {
                invariant: 6,
                event: r.report.events,
                detail: format!(
                    "no done or restart after {steps} drain steps with {} bindings",
                    r.report.drain_bindings
                ),
            });
        }
        steps = steps.saturating_add(1);
        let event = match (r.agent.phase(), answers.next()) {
            (Phase::Working(_), Some(a)) => {
                r.now = r.now.saturating_add(Duration::from_secs(1));
                r.matching(a)
            }
            // Out of answers: every other step succeeds, every other times out.
            (Phase::Working(_), None) if steps % 2 == 1 => {
                r.now = r.now.saturating_add(Duration::from_secs(1));
                r.matching(&Answer::Commit(true))
            }
            _ => {
                r.now = r.agent.poll_timeout().unwrap_or(r.now).max(r.now);
                Event::TimePassed
            }
        };
        r.feed(event)?;
    }
    r.report.drain_steps = steps;
    Ok(r.report)
}

fn iface_name(i: u8) -> &'static str {
    INTERFACES
        .get(usize::from(i) % INTERFACES.len())
        .copied()
        .unwrap_or("ge-0/0/0")
}

/// The first bytes of a file.
pub fn file(pick: &FilePick) -> Vec<u8> {
    match pick {
        FilePick::Curly => b"system {\n    host-name sw1;\n}\n".to_vec(),
        FilePick::Set => b"set system host-name sw1\n".to_vec(),
        FilePick::Shell => b"#!/bin/sh -e\nexit 0\n".to_vec(),
        FilePick::Python => b"#!/usr/bin/python\nimport jcs\n".to_vec(),
        FilePick::Env => b"#!/usr/bin/env python3\nprint()\n".to_vec(),
        FilePick::Gzip => vec![0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0],
        FilePick::Empty => Vec::new(),
        FilePick::LongShebang => {
            let mut v = b"#!/bin/".to_vec();
            v.resize(600, b'x');
            v
        }
        FilePick::Raw(bytes) => bytes.clone(),
    }
}

/// The family and bytes of a reply.
pub fn build(reply: &Reply) -> (Family, Vec<u8>) {
    match reply {
        Reply::SampleV4 => (Family::V4, samples::V4_ACK.to_vec()),
        Reply::SampleV6 => (Family::V6, samples::V6_REPLY.to_vec()),
        Reply::V4 {
            image,
            config,
            mode,
            server,
        } => {
            let info = VendorInfo {
                image: image.map(|_| "/images/junos.tgz".into()),
                image_type: if *image == Some(true) {
                    ImageType::Symlink
                } else {
                    ImageType::File
                },
                config: config.map(|long| {
                    if long {
                        format!("/{}.conf", "c".repeat(300))
                    } else {
                        "/c.conf".into()
                    }
                }),
                transfer_mode: TransferMode::ALL.get(usize::from(mode % 5)).copied(),
                ..VendorInfo::default()
            };
            let server = server.then_some(Ipv4Addr::new(192, 0, 2, 10));
            (Family::V4, reply_v4(&info, server))
        }
        Reply::V6 {
            image,
            config,
            boot_url,
        } => {
            let info = VendorInfo {
                image: image.then(|| "/images/junos.tgz".into()),
                config: config.then(|| "/c.conf".into()),
                ..VendorInfo::default()
            };
            let url = boot_url.then_some("http://[2001:db8::1]/");
            (Family::V6, reply_v6(&info, url))
        }
        Reply::Raw { v6, bytes } => (if *v6 { Family::V6 } else { Family::V4 }, bytes.clone()),
    }
}

/// A DHCPv4 ACK carrying `info` in option 43 (split per RFC 3396 when
/// over 255 bytes) and `server` in option 150. Values that cannot be
/// encoded are left out.
pub fn reply_v4(info: &VendorInfo, server: Option<Ipv4Addr>) -> Vec<u8> {
    let mut options = v4::OptionSet::new();
    // Codes 53, 43 and 150 are not reserved: these inserts cannot fail.
    let _ = options.insert(v4::OptionCode::MESSAGE_TYPE, vec![5]);
    let mut vendor = Vec::new();
    if !info.is_empty() && info.put_v4(&mut vendor).is_ok() {
        let _ = options.insert(v4::OptionCode::VENDOR_SPECIFIC, vendor);
    }
    if let Some(s) = server {
        let _ = options.insert(v4::OptionCode::TFTP_SERVER_ADDRESS, s.octets().to_vec());
    }
    v4::MessageRepr::reply(options).to_vec()
}

/// A DHCPv6 REPLY carrying `info` in option 17 and `boot_url` in option
/// 59. Values that cannot be encoded are left out.
pub fn reply_v6(info: &VendorInfo, boot_url: Option<&str>) -> Vec<u8> {
    let mut options = v6::OptionSet::new();
    let mut vendor = Vec::new();
    if !info.is_empty() && info.put_v6(&mut vendor).is_ok() {
        options.push(v6::OptionCode::VENDOR_OPTS, vendor);
    }
    if let Some(url) = boot_url.filter(|u| u.len() <= usize::from(u16::MAX)) {
        options.push(v6::OptionCode::BOOTFILE_URL, url.as_bytes().to_vec());
    }
    let repr = v6::MessageRepr {
        header: v6::Header::Client {
            msg_type: v6::MessageType::REPLY,
            transaction_id: [0x0a, 0x0b, 0x0c],
        },
        options,
    };
    // Every value was checked to fit above.
    repr.to_vec().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stray_target_parses() {
        assert!(Target::parse(STRAY, TargetKind::Config, UrlOrigin::User).is_ok());
    }
}
