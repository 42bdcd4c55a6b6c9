//! The state machine: [`Agent`], its [`Config`] and its [`Phase`].

use core::time::Duration;

use crate::rank::{Binding, rank};
use ztp_fetch_url::{Target, fetch_plan, split_port_suffix};
use ztp_options::{CannotProceed, Family, ImageType, PlanBuf, resolve_v4, resolve_v6, v4, v6};
use ztp_script_detect::{ConfigFormat, Kind, Platform, Script, sniff};

use crate::action::{Action, ConfigOutcome, Failure, ImageOutcome, Log, Step, Summary};
use crate::event::{CommitError, Event, FetchError, InstallOutcome};
use crate::rng::SplitMix64;

/// The most bindings the agent keeps at once; further interfaces are
/// ignored (and logged) until a DHCP restart clears the table. It bounds
/// the memory a flood of replies can take, and the steps of a round.
pub const MAX_BINDINGS: usize = 64;

/// How long each step may take before the agent gives up on it and moves
/// to the next binding (R28, **choice**: the vendor document gives no
/// numbers).
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Config, Timeouts};
/// use ztp_script_detect::Platform;
///
/// let config = Config {
///     timeouts: Timeouts { install: Duration::from_secs(7200), ..Timeouts::default() },
///     ..Config::new(Platform::JunosOsEvolved)
/// };
/// assert_eq!(config.timeouts.fetch, Duration::from_secs(600));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timeouts {
    /// A fetch (image or configuration). Default 10 minutes.
    pub fetch: Duration,
    /// An image install. Default 60 minutes.
    pub install: Duration,
    /// A script. Default 10 minutes.
    pub script: Duration,
    /// A commit. Default 5 minutes.
    pub commit: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            fetch: Duration::from_secs(600),
            install: Duration::from_secs(3600),
            script: Duration::from_secs(600),
            commit: Duration::from_secs(300),
        }
    }
}

/// What the agent is told once: the device, the seed of its jitter, its
/// waits.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Agent, Config};
/// use ztp_script_detect::Platform;
///
/// let config = Config {
///     // An image of this name is not installed again (R27).
///     installed: Some("junos-evo-install-23.4R2.iso".into()),
///     seed: 42, // the jitter of the DHCP restart delay (R28)
///     ..Config::new(Platform::JunosOsEvolved)
/// };
/// let agent: Agent<&str> = Agent::new(config, Duration::ZERO);
/// assert_eq!(agent.config().settle, Duration::from_secs(5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Config {
    /// The device's platform: it decides whether a script runs (R25).
    pub platform: Platform,
    /// The file name of the installed image (a path is cut to its last
    /// segment), if known: an image of that name is skipped (R27).
    pub installed: Option<String>,
    /// The seed of the restart delay's jitter (R28).
    pub seed: u64,
    /// How long to wait, after the first binding, for others before
    /// ranking them (R29). Default 5 s (**choice**).
    pub settle: Duration,
    /// How long to wait for a first binding before restarting the DHCP
    /// client (R28: no interface gets bound). Default 60 s (**choice**).
    pub bind_timeout: Duration,
    /// The deadline of each step.
    pub timeouts: Timeouts,
}

impl Config {
    /// The defaults for `platform`: nothing installed, seed 0.
    pub fn new(platform: Platform) -> Self {
        Config {
            platform,
            installed: None,
            seed: 0,
            settle: Duration::from_secs(5),
            bind_timeout: Duration::from_secs(60),
            timeouts: Timeouts::default(),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::new(Platform::JunosOs)
    }
}

/// Where the agent is, for observers.
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Agent, Config, Event, Phase};
/// use ztp_options::{Family, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// assert_eq!(agent.phase(), Phase::WaitingForBinding);
/// let _ = agent.handle(Duration::ZERO, Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// });
/// assert_eq!(agent.phase(), Phase::Settling); // waits 5 s for other bindings (R29)
/// assert_eq!(agent.poll_timeout(), Some(Duration::from_secs(5)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phase {
    /// No binding yet (at start, or after a DHCP restart).
    WaitingForBinding,
    /// A binding arrived; waiting [`Config::settle`] for others.
    Settling,
    /// Waiting for the answer to a command.
    Working(Step),
    /// Provisioned; the agent does nothing more.
    Done,
}

/// The attempt on one binding.
#[derive(Debug, Clone)]
struct Attempt<I> {
    interface: I,
    family: Family,
    config: Option<Target>,
    image_outcome: ImageOutcome,
    wait: Wait,
    deadline: Duration,
}

/// What an attempt waits for.
#[derive(Debug, Clone)]
enum Wait {
    FetchImage(Target, String),
    Install(String),
    FetchConfig(Target),
    Script(String),
    Commit(ConfigFormat),
}

impl<I: Clone> Attempt<I> {
    /// The configuration fetch, if there is a configuration left to fetch.
    fn config_step(&mut self, now: Duration, timeout: Duration) -> Option<Action<I>> {
        let target = self.config.take()?;
        self.wait = Wait::FetchConfig(target.clone());
        self.deadline = now.saturating_add(timeout);
        Some(Action::Fetch {
            interface: self.interface.clone(),
            target,
        })
    }
}

impl Wait {
    fn step(&self) -> Step {
        match self {
            Wait::FetchImage(..) => Step::FetchImage,
            Wait::Install(..) => Step::Install,
            Wait::FetchConfig(_) => Step::FetchConfig,
            Wait::Script(..) => Step::RunScript,
            Wait::Commit(..) => Step::Commit,
        }
    }
}

#[derive(Debug, Clone)]
enum State<I> {
    Waiting { since: Duration },
    Settling { until: Duration },
    Working(Box<Attempt<I>>),
    Done,
}

/// The ZTP workflow of one device, with no I/O (R27, R28, R29).
///
/// Feed it [`Event`]s with the time they happened ([`Agent::handle`]); it
/// returns [`Action`]s: logs, then at most one command. Time is a
/// [`Duration`] since any epoch the caller picks; it never goes back (an
/// earlier time counts as the latest one seen). Between events, call
/// [`Agent::poll_timeout`] to know when to feed [`Event::TimePassed`].
///
/// ```
/// use std::time::Duration;
/// use ztp_agent::{Action, Agent, Config, Event};
/// use ztp_options::{Family, samples::V4_ACK};
///
/// let mut agent = Agent::new(Config::default(), Duration::ZERO);
/// let bound = Event::BindingAcquired {
///     interface: "ge-0/0/0",
///     family: Family::V4,
///     reply: V4_ACK.to_vec(),
/// };
/// agent.handle(Duration::ZERO, bound);
/// // After the settle time, the best binding (R29) is tried: fetch the image.
/// let actions = agent.handle(Duration::from_secs(5), Event::TimePassed);
/// let Some(Action::Fetch { target, .. }) = actions.last() else { panic!() };
/// assert_eq!(target.as_str(), "http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz");
/// ```
#[derive(Debug, Clone)]
pub struct Agent<I> {
    config: Config,
    rng: SplitMix64,
    now: Duration,
    bindings: Vec<Binding<I>>,
    tried: Vec<bool>,
    attempts: u32,
    restarts: u32,
    state: State<I>,
}

impl<I: Clone + PartialEq> Agent<I> {
    /// An agent that starts waiting for bindings at `now`.
    pub fn new(config: Config, now: Duration) -> Self {
        Agent {
            rng: SplitMix64::new(config.seed),
            config,
            now,
            bindings: Vec::new(),
            tried: Vec::new(),
            attempts: 0,
            restarts: 0,
            state: State::Waiting { since: now },
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Where the agent is.
    pub fn phase(&self) -> Phase {
        match &self.state {
            State::Waiting { .. } => Phase::WaitingForBinding,
            State::Settling { .. } => Phase::Settling,
            State::Working(a) => Phase::Working(a.wait.step()),
            State::Done => Phase::Done,
        }
    }

    /// Whether provisioning is over.
    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done)
    }

    /// The bindings held now, in arrival order.
    pub fn bindings(&self) -> &[Binding<I>] {
        &self.bindings
    }

    /// The time at which the agent acts even if nothing else happens (a
    /// deadline, the end of the settle time); `None` once done. Feed
    /// [`Event::TimePassed`] then.
    pub fn poll_timeout(&self) -> Option<Duration> {
        match &self.state {
            State::Waiting { since } => Some(since.saturating_add(self.config.bind_timeout)),
            State::Settling { until } => Some(*until),
            State::Working(a) => Some(a.deadline),
            State::Done => None,
        }
    }

    /// Handles one event that happened at `now`; returns logs, then at most
    /// one command. Once done, returns nothing.
    #[must_use = "the last action is the command the caller must carry out"]
    pub fn handle(&mut self, now: Duration, event: Event<I>) -> Vec<Action<I>> {
        let mut out = Vec::new();
        if matches!(self.state, State::Done) {
            return out;
        }
        self.now = self.now.max(now);
        let name = event.name();
        let handled = match event {
            Event::BindingAcquired {
                interface,
                family,
                reply,
            } => {
                self.acquire(interface, family, &reply, &mut out);
                true
            }
            Event::BindingLost { interface, family } => {
                self.lose(&interface, family, &mut out);
                true
            }
            Event::FetchFinished { target, result } => self.fetched(&target, result, &mut out),
            Event::InstallFinished(outcome) => self.installed(outcome, &mut out),
            Event::ScriptExited { status } => self.exited(status, &mut out),
            Event::CommitFinished(result) => self.committed(result, &mut out),
            Event::TimePassed => true,
        };
        if !handled {
            out.push(Action::Log(Log::Ignored { event: name }));
        }
        if !out.iter().any(Action::is_command) {
            self.on_time(&mut out);
        }
        out
    }

    fn acquire(&mut self, interface: I, family: Family, reply: &[u8], out: &mut Vec<Action<I>>) {
        let outcome = resolve(family, reply);
        let slot = self
            .bindings
            .iter()
            .position(|b| b.interface == interface && b.family == family);
        let log = Log::Bound {
            interface: interface.clone(),
            family,
            complete: outcome.as_ref().is_ok_and(PlanBuf::is_complete),
            unusable: outcome.as_ref().err().copied(),
        };
        match slot {
            Some(i) => {
                if let (Some(b), Some(t)) = (self.bindings.get_mut(i), self.tried.get_mut(i)) {
                    if b.outcome != outcome {
                        *t = false;
                    }
                    b.outcome = outcome;
                }
            }
            None if self.bindings.len() >= MAX_BINDINGS => {
                out.push(Action::Log(Log::Ignored {
                    event: "binding acquired beyond the binding limit",
                }));
                return;
            }
            None => {
                self.bindings.push(Binding {
                    interface,
                    family,
                    outcome,
                });
                self.tried.push(false);
            }
        }
        out.push(Action::Log(log));
        if let State::Waiting { .. } = self.state {
            self.state = State::Settling {
                until: self.now.saturating_add(self.config.settle),
            };
        }
    }

    fn lose(&mut self, interface: &I, family: Family, out: &mut Vec<Action<I>>) {
        let Some(i) = self
            .bindings
            .iter()
            .position(|b| b.interface == *interface && b.family == family)
        else {
            out.push(Action::Log(Log::Ignored {
                event: "binding lost (not held)",
            }));
            return;
        };
        self.bindings.remove(i);
        if i < self.tried.len() {
            self.tried.remove(i);
        }
        out.push(Action::Log(Log::Lost {
            interface: interface.clone(),
            family,
        }));
        if let State::Working(a) = &self.state
            && a.interface == *interface
            && a.family == family
        {
            self.fail(Failure::BindingLost, out);
        }
    }

    fn fetched(
        &mut self,
        target: &Target,
        result: Result<Vec<u8>, FetchError>,
        out: &mut Vec<Action<I>>,
    ) -> bool {
        let State::Working(a) = &mut self.state else {
            return false;
        };
        match &a.wait {
            Wait::FetchImage(t, name) if t == target => {
                let (t, name) = (t.clone(), name.clone());
                match result {
                    Ok(_) => {
                        out.push(Action::InstallImage {
                            target: t.clone(),
                            name: name.clone(),
                        });
                        a.wait = Wait::Install(name);
                        a.deadline = self.now.saturating_add(self.config.timeouts.install);
                    }
                    Err(error) => self.fail(
                        Failure::Fetch {
                            url: t.as_str().into(),
                            error,
                        },
                        out,
                    ),
                }
                true
            }
            Wait::FetchConfig(t) if t == target => {
                let t = t.clone();
                match result {
                    Ok(bytes) => self.apply(t, &bytes, out),
                    Err(error) => self.fail(
                        Failure::Fetch {
                            url: t.as_str().into(),
                            error,
                        },
                        out,
                    ),
                }
                true
            }
            _ => false,
        }
    }

    /// R24, R25, R27: the configuration file is in; run it or commit it.
    fn apply(&mut self, target: Target, bytes: &[u8], out: &mut Vec<Action<I>>) {
        let found = match sniff(bytes) {
            Ok(found) => found,
            Err(e) => return self.fail(Failure::Sniff(e), out),
        };
        for d in found.diagnostics {
            out.push(Action::Log(Log::Warning(d)));
        }
        out.push(Action::Log(Log::Sniffed(found.kind.clone().into_owned())));
        let platform = self.config.platform;
        let (wait, action) = match &found.kind {
            Kind::Script(script) => {
                let verdict = script.can_run_on(platform);
                if !verdict.runs() {
                    return self.fail(
                        Failure::ScriptRefused {
                            path: script.path().into(),
                            verdict,
                        },
                        out,
                    );
                }
                let interpreter = script.path().to_string();
                (
                    Wait::Script(interpreter.clone()),
                    Action::RunScript {
                        target,
                        interpreter,
                        args: script_args(script, platform),
                    },
                )
            }
            // R24, R28: not text, yet a configuration to the device, whose
            // commit fails: the binding fails as that commit would.
            Kind::Configuration(ConfigFormat::Binary(binary)) => {
                return self.fail(Failure::CommitWillFail(*binary), out);
            }
            Kind::Configuration(format) => (
                Wait::Commit(*format),
                Action::CommitConfiguration {
                    target,
                    format: *format,
                },
            ),
            other => return self.fail(Failure::Unrecognised(other.to_string()), out),
        };
        let timeout = match wait {
            Wait::Script(..) => self.config.timeouts.script,
            _ => self.config.timeouts.commit,
        };
        if let State::Working(a) = &mut self.state {
            a.wait = wait;
            a.deadline = self.now.saturating_add(timeout);
            out.push(action);
        }
    }

    fn installed(&mut self, outcome: InstallOutcome, out: &mut Vec<Action<I>>) -> bool {
        let State::Working(a) = &mut self.state else {
            return false;
        };
        let Wait::Install(name) = &a.wait else {
            return false;
        };
        let name = name.clone();
        match outcome {
            InstallOutcome::Ok => {
                a.image_outcome = ImageOutcome::Installed { name };
                self.next_step(out);
            }
            InstallOutcome::Corrupt => self.fail(Failure::ImageCorrupt { name }, out),
            InstallOutcome::Failed(reason) => {
                self.fail(Failure::InstallFailed { name, reason }, out);
            }
        }
        true
    }

    fn exited(&mut self, status: i32, out: &mut Vec<Action<I>>) -> bool {
        let State::Working(a) = &self.state else {
            return false;
        };
        let Wait::Script(interpreter) = &a.wait else {
            return false;
        };
        if status == 0 {
            let config = ConfigOutcome::ScriptRan {
                interpreter: interpreter.clone(),
            };
            self.finish(config, out);
        } else {
            self.fail(Failure::ScriptFailed { status }, out);
        }
        true
    }

    fn committed(&mut self, result: Result<(), CommitError>, out: &mut Vec<Action<I>>) -> bool {
        let State::Working(a) = &self.state else {
            return false;
        };
        let Wait::Commit(format) = &a.wait else {
            return false;
        };
        match result {
            Ok(()) => {
                let config = ConfigOutcome::Committed { format: *format };
                self.finish(config, out);
            }
            Err(e) => self.fail(Failure::CommitFailed(e), out),
        }
        true
    }

    /// Deadlines: no binding, end of settling, a step with no answer.
    fn on_time(&mut self, out: &mut Vec<Action<I>>) {
        match &self.state {
            State::Waiting { since } => {
                if self.now >= since.saturating_add(self.config.bind_timeout) {
                    let waited = self.now.saturating_sub(*since);
                    out.push(Action::Log(Log::NoBinding { waited }));
                    self.restart(out);
                }
            }
            State::Settling { until } => {
                if self.now >= *until {
                    self.next_binding(out);
                }
            }
            State::Working(a) => {
                if self.now >= a.deadline {
                    let step = a.wait.step();
                    let after = match step {
                        Step::FetchImage | Step::FetchConfig => self.config.timeouts.fetch,
                        Step::Install => self.config.timeouts.install,
                        Step::RunScript => self.config.timeouts.script,
                        Step::Commit => self.config.timeouts.commit,
                    };
                    self.fail(Failure::TimedOut { step, after }, out);
                }
            }
            State::Done => {}
        }
    }

    /// R28: log the failure and try the next binding.
    fn fail(&mut self, failure: Failure, out: &mut Vec<Action<I>>) {
        if let State::Working(a) = &self.state {
            out.push(Action::Log(Log::Failed {
                interface: a.interface.clone(),
                family: a.family,
                failure,
            }));
        }
        self.next_binding(out);
    }

    /// R28: drop the bindings, wait 15..=30 s, restart DHCP.
    fn restart(&mut self, out: &mut Vec<Action<I>>) {
        let delay = self.rng.restart_delay();
        self.bindings.clear();
        self.tried.clear();
        self.attempts = 0;
        self.restarts = self.restarts.saturating_add(1);
        self.state = State::Waiting {
            since: self.now.saturating_add(delay),
        };
        out.push(Action::RestartDhcp { delay });
    }

    /// R29: the first untried binding in rank order, until one gives a
    /// command; R28: none left, restart.
    fn next_binding(&mut self, out: &mut Vec<Action<I>>) {
        loop {
            let order = rank(&self.bindings);
            let untried: Vec<usize> = order
                .into_iter()
                .filter(|&i| self.tried.get(i) == Some(&false))
                .collect();
            let Some((&i, b)) = untried
                .first()
                .and_then(|i| self.bindings.get(*i).map(|b| (i, b)))
            else {
                out.push(Action::Log(Log::Exhausted {
                    tried: self.attempts,
                }));
                return self.restart(out);
            };
            if let Some(t) = self.tried.get_mut(i) {
                *t = true;
            }
            self.attempts = self.attempts.saturating_add(1);
            out.push(Action::Log(Log::Trying {
                interface: b.interface.clone(),
                family: b.family,
                complete: b.outcome.as_ref().is_ok_and(PlanBuf::is_complete),
                attempt: self.attempts,
                candidates: untried.len(),
            }));
            let (interface, family) = (b.interface.clone(), b.family);
            let plan = match &b.outcome {
                Ok(plan) => plan.clone(),
                Err(why) => {
                    out.push(Action::Log(Log::Failed {
                        interface,
                        family,
                        failure: Failure::CannotProceed(*why),
                    }));
                    continue;
                }
            };
            match self.start(interface.clone(), &plan, out) {
                Ok(()) => return,
                Err(failure) => out.push(Action::Log(Log::Failed {
                    interface,
                    family,
                    failure,
                })),
            }
        }
    }

    /// Starts the attempt on a plan: its decisions, its URLs (every URL
    /// is checked before anything is fetched), then the first step (R27).
    fn start(
        &mut self,
        interface: I,
        plan: &PlanBuf,
        out: &mut Vec<Action<I>>,
    ) -> Result<(), Failure> {
        for d in plan.decisions() {
            out.push(Action::Log(Log::Decision {
                kind: d.kind(),
                rule: d.rule(),
                text: d.to_string(),
            }));
        }
        let fetch = fetch_plan(&plan.as_plan());
        for note in fetch.targets().flat_map(Target::notes).chain(&fetch.notes) {
            out.push(Action::Log(Log::Note(note.clone())));
        }
        let image = fetch.image.transpose().map_err(|error| Failure::Url {
            kind: ztp_fetch_url::TargetKind::Image {
                image_type: plan
                    .image
                    .as_ref()
                    .map_or(ImageType::File, |i| i.image_type),
            },
            error,
        })?;
        let config = fetch.config.transpose().map_err(|error| Failure::Url {
            kind: ztp_fetch_url::TargetKind::Config,
            error,
        })?;
        let mut image_outcome = ImageOutcome::None;
        let mut to_install = None;
        if let (Some(target), Some(image)) = (image, &plan.image) {
            let name = file_name(&image.name).to_string();
            let same = self
                .config
                .installed
                .as_deref()
                .is_some_and(|i| file_name(i) == name);
            match (same, image.image_type) {
                (true, ImageType::File) => {
                    out.push(Action::Log(Log::ImageSkipped { name: name.clone() }));
                    image_outcome = ImageOutcome::AlreadyInstalled { name };
                }
                (true, ImageType::Symlink) => {
                    out.push(Action::Log(Log::SymlinkNotCompared { name: name.clone() }));
                    to_install = Some((target, name));
                }
                (false, _) => to_install = Some((target, name)),
            }
        }
        let deadline = self.now.saturating_add(self.config.timeouts.fetch);
        let (wait, config, target) = match (to_install, config) {
            (Some((target, name)), config) => {
                (Wait::FetchImage(target.clone(), name), config, target)
            }
            (None, Some(target)) => (Wait::FetchConfig(target.clone()), None, target),
            (None, None) => {
                // R27: the image is installed already and there is no config.
                out.push(Action::Done(Summary {
                    interface,
                    family: plan.family(),
                    image: image_outcome,
                    config: ConfigOutcome::None,
                    attempts: self.attempts,
                    restarts: self.restarts,
                }));
                self.state = State::Done;
                return Ok(());
            }
        };
        out.push(Action::Fetch {
            interface: interface.clone(),
            target,
        });
        self.state = State::Working(Box::new(Attempt {
            interface,
            family: plan.family(),
            config,
            image_outcome,
            wait,
            deadline,
        }));
        Ok(())
    }

    /// R27: after the image, the configuration; done when there is none.
    fn next_step(&mut self, out: &mut Vec<Action<I>>) {
        let (now, fetch_timeout) = (self.now, self.config.timeouts.fetch);
        let State::Working(a) = &mut self.state else {
            return;
        };
        match a.config_step(now, fetch_timeout) {
            Some(action) => out.push(action),
            None => self.finish(ConfigOutcome::None, out),
        }
    }

    fn finish(&mut self, config: ConfigOutcome, out: &mut Vec<Action<I>>) {
        let State::Working(a) = &self.state else {
            return;
        };
        out.push(Action::Done(Summary {
            interface: a.interface.clone(),
            family: a.family,
            image: a.image_outcome.clone(),
            config,
            attempts: self.attempts,
            restarts: self.restarts,
        }));
        self.state = State::Done;
    }
}

/// Decodes and resolves a reply of `family` (R1..R18).
/// The plan is kept with the binding, so it is owned.
fn resolve(family: Family, reply: &[u8]) -> Result<PlanBuf, CannotProceed> {
    match family {
        Family::V4 => resolve_v4(&v4::Lease::parse(reply)?).map(|p| p.to_buf()),
        Family::V6 => resolve_v6(&v6::Lease::parse(reply)?).map(|p| p.to_buf()),
    }
}

/// The file name of an image name or path: the last segment, without a
/// `:port` suffix (R19).
fn file_name(name: &str) -> &str {
    let path = split_port_suffix(name).map_or(name, |s| s.path());
    path.rsplit('/').next().unwrap_or(path)
}

/// The `#!` line's arguments as the platform's kernel passes them: Linux
/// (Junos OS Evolved) passes everything after the path as one argument,
/// FreeBSD (Junos OS) splits it at blanks.
fn script_args(script: &Script<'_>, platform: Platform) -> Vec<String> {
    match platform {
        Platform::JunosOsEvolved => script.argument().map(String::from).into_iter().collect(),
        _ => script.arguments().map(String::from).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r27_file_names_compare_without_path_or_port() {
        assert_eq!(file_name("/images/junos-23.4R2.tgz"), "junos-23.4R2.tgz");
        assert_eq!(file_name("junos-23.4R2.tgz:8080"), "junos-23.4R2.tgz");
        assert_eq!(file_name("/a/b/"), "");
    }

    #[test]
    fn r25_arguments_follow_the_kernel() {
        let s = Script::new("/bin/sh", "-e -x");
        assert_eq!(script_args(&s, Platform::JunosOsEvolved), ["-e -x"]);
        assert_eq!(script_args(&s, Platform::JunosOs), ["-e", "-x"]);
        assert!(script_args(&Script::new("/bin/sh", ""), Platform::JunosOsEvolved).is_empty());
    }
}
