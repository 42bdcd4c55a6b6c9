//! `ztp simulate`: replay the DHCP replies of a capture into the ZTP agent
//! (`ztp-agent`), answer its fetches from a directory standing in for the
//! file server, and print the transcript a switch would follow, each step
//! with its rule, ending in provisioned or the failure the console shows.
//!
//! What the simulator stands in for, and how:
//!
//! - **Bindings.** Every DHCPv4 ACK (BOOTREPLY with option 53 = 5, or any
//!   BOOTREPLY that does not decode) and DHCPv6 REPLY or RELAY-REPL of the
//!   capture binds one interface, named after its frame (`frame 2`), at
//!   time 0. OFFERs and ADVERTISEs bind nothing and are listed as skipped.
//! - **The file server.** A URL's path, percent-decoded, is a path under
//!   `--files`; whatever the URL's server, mode and port. A missing file is
//!   "not found"; a path that leaves the directory is "denied".
//! - **Installing** checks the image's first bytes: a gzip or tar archive
//!   installs, anything else is corrupt.
//! - **Scripts and commits** are not run: a script the platform accepts
//!   exits 0 and a configuration commits (both are said in the transcript).
//! - **Time** is virtual: the agent's waits (5 s settle, deadlines) pass at
//!   once. The jitter seed is 0, so a run prints the same every time.
//!
//! Exit codes: 0 provisioned, 1 not provisioned (the switch would restart
//! its DHCP client and start over), 2 bad input.

use std::fmt;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use clap::Args;
use ztp_agent::{Action, Agent, Config, Event, FetchError, InstallOutcome, Log, Secs};
use ztp_fetch_url::Target;
use ztp_options::Family;
use ztp_script_detect::{PREFIX_MAX, Platform};

use crate::sniff::PlatformArg;
use ztp_explain::{Explainer, Filters, Origin, pcap};
use ztp_options::vendor::Vendor;

/// Arguments of `ztp simulate`.
#[derive(Debug, Args)]
pub(crate) struct SimulateArgs {
    /// A pcap or pcapng capture holding the DHCP replies the switch gets
    /// (`-`: standard input).
    #[arg(long, value_name = "FILE|-")]
    pub(crate) pcap: PathBuf,
    /// The directory standing in for the file server: a URL's path is a
    /// path under it.
    #[arg(long, value_name = "DIR")]
    pub(crate) files: PathBuf,
    /// The switch's platform, for the unsigned-Python policy (R25).
    #[arg(long, value_enum, default_value_t = PlatformArg::Junos)]
    pub(crate) platform: PlatformArg,
    /// The file name of the image the switch runs: an image of that name is
    /// not fetched or installed (R27).
    #[arg(long, value_name = "NAME")]
    pub(crate) installed: Option<String>,
}

/// An interface of the simulated switch: the frame its reply came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Frame(usize);

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "frame {}", self.0)
    }
}

/// The most events one run feeds: far above what any capture needs (each
/// binding takes at most four commands), a guard against a loop.
const MAX_STEPS: usize = 10_000;

fn platform(arg: PlatformArg) -> Platform {
    match arg {
        PlatformArg::Junos => Platform::JunosOs,
        PlatformArg::JunosEnhancedAutomation => Platform::JunosOsEnhancedAutomation,
        PlatformArg::JunosEvolved => Platform::JunosOsEvolved,
    }
}

pub(crate) fn run(args: &SimulateArgs) -> u8 {
    let read = if args.pcap.as_os_str() == "-" {
        let mut all = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut all).map(|_| all)
    } else {
        std::fs::read(&args.pcap)
    };
    let file = match read {
        Ok(f) => f,
        Err(e) => {
            eprintln!("ztp: cannot read {}: {e}", args.pcap.display());
            return 2;
        }
    };
    let capture = match pcap::dhcp_messages(&file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ztp: {}: {e}", args.pcap.display());
            return 2;
        }
    };
    if let Some(damage) = &capture.damaged {
        eprintln!("ztp: {}: {damage}", args.pcap.display());
        return 2;
    }
    if !args.files.is_dir() {
        eprintln!(
            "ztp: {} is not a directory (--files stands in for the file server)",
            args.files.display()
        );
        return 2;
    }
    let platform = platform(args.platform);
    let mut config = Config::new(platform);
    config.installed.clone_from(&args.installed);
    println!(
        "ztp simulate: {} on {platform}, installed image {}, files from {}",
        args.pcap.display(),
        args.installed.as_deref().unwrap_or("unknown"),
        args.files.display()
    );
    let mut sim = Sim {
        agent: Agent::new(config, Duration::ZERO),
        now: Duration::ZERO,
        files: &args.files,
        last_failure: None,
    };
    let mut replies = 0usize;
    // The vendor of each reply (its request's, else its clues'): the agent
    // runs Juniper's workflow, and says so rather than run it on another
    // vendor's reply.
    let mut filters = Filters::default();
    filters.all = true;
    let mut explainer = Explainer::new(filters);
    for m in &capture.found {
        let family = m.family;
        let mut vendor = None;
        let origin = Origin::default().with_frame(m.frame);
        explainer.message(&m.payload, family, origin, &mut |r| vendor = r.vendor());
        match binds(family, &m.payload) {
            Binds::Yes if vendor.is_some_and(|v| v != Vendor::Juniper) => line(
                None,
                &format!(
                    "--   frame {}: a {} reply: this simulator runs Juniper's workflow only \
                     (`ztp explain` shows that vendor's plan)",
                    m.frame,
                    vendor.map_or("", |v| v.as_str())
                ),
            ),
            Binds::Yes => {
                replies += 1;
                let event = Event::BindingAcquired {
                    interface: Frame(m.frame),
                    family,
                    reply: m.payload.clone(),
                };
                let actions = sim.agent.handle(sim.now, event);
                sim.print(&actions);
            }
            Binds::No(what) => line(
                None,
                &format!("--   frame {}: {what}, not a binding", m.frame),
            ),
            Binds::Request => {}
        }
    }
    if replies == 0 {
        line(
            None,
            &format!(
                "--   no DHCP reply binds an interface in {} DHCP frames",
                capture.found.len()
            ),
        );
    }
    sim.drive()
}

enum Binds {
    Yes,
    No(&'static str),
    Request,
}

/// Whether a message binds an interface: a DHCPv4 ACK or a DHCPv6 REPLY
/// (RELAY-REPL included); a reply that does not decode binds too (the
/// agent reports why ZTP cannot proceed on it).
fn binds(family: Family, payload: &[u8]) -> Binds {
    match family {
        Family::V4 => match payload.first() {
            Some(2) => match ztp_options::v4::Lease::parse(payload).map(|l| l.message_type()) {
                Ok(Ok(Some(2))) => Binds::No("dhcpv4 offer"),
                Ok(Ok(Some(5))) | Err(_) | Ok(Err(_)) => Binds::Yes,
                Ok(Ok(_)) => Binds::No("dhcpv4 reply that is not an ack"),
            },
            _ => Binds::Request,
        },
        Family::V6 => match payload.first() {
            Some(7 | 13) => Binds::Yes,
            Some(2) => Binds::No("dhcpv6 advertise"),
            _ => Binds::Request,
        },
    }
}

/// One transcript line: the time (when it starts a step), the rule, the text.
fn line(at: Option<Duration>, text: &str) {
    match at {
        Some(t) => println!("{:>10}  {text}", Secs(t).to_string()),
        None => println!("{:>10}  {text}", ""),
    }
}

struct Sim<'a> {
    agent: Agent<Frame>,
    now: Duration,
    files: &'a Path,
    last_failure: Option<String>,
}

impl Sim<'_> {
    fn print(&mut self, actions: &[Action<Frame>]) {
        let mut first = true;
        for a in actions {
            if let Action::Log(Log::Failed { .. }) = a {
                self.last_failure = Some(a.to_string());
            }
            let rule = a.rule().map_or_else(|| "--".to_string(), |r| r.to_string());
            let at = first.then_some(self.now);
            first = false;
            line(at, &format!("{rule:<4} {a}"));
        }
    }

    fn note(text: &str) {
        line(None, &format!("       > {text}"));
    }

    /// Answers the agent's commands until it is done or restarts DHCP.
    fn drive(&mut self) -> u8 {
        let mut command: Option<Action<Frame>> = None;
        for _ in 0..MAX_STEPS {
            if command.is_some() {
                // Each answer takes a virtual second.
                self.now = self.now.saturating_add(Duration::from_secs(1));
            }
            let event = match command.take() {
                None => {
                    let Some(t) = self.agent.poll_timeout() else {
                        return 1;
                    };
                    self.now = self.now.max(t);
                    Event::TimePassed
                }
                Some(Action::Fetch { target, .. }) => self.fetch(target),
                Some(Action::InstallImage { target, .. }) => self.install(&target),
                Some(Action::RunScript { .. }) => {
                    Self::note("simulated: the script is not run here; exit status 0 assumed");
                    Event::ScriptExited { status: 0 }
                }
                Some(Action::CommitConfiguration { .. }) => {
                    Self::note("simulated: the commit is not checked here; assumed to succeed");
                    Event::CommitFinished(Ok(()))
                }
                Some(Action::Done(summary)) => {
                    println!();
                    println!("PROVISIONED: {summary}");
                    return 0;
                }
                Some(Action::RestartDhcp { delay }) => {
                    println!();
                    println!(
                        "NOT PROVISIONED: no binding left; the switch restarts its dhcp client in {} and starts over (R28)",
                        Secs(delay)
                    );
                    if let Some(f) = &self.last_failure {
                        println!("last failure on the console: {f}");
                    }
                    return 1;
                }
                Some(Action::Log(_)) => continue,
                // `Action` is non-exhaustive: a command a newer agent asks
                // for that this simulation cannot answer ends it, loudly.
                Some(other) => {
                    eprintln!(
                        "ztp: the agent asked for a step this simulation cannot carry out: {other:?}"
                    );
                    return 2;
                }
            };
            let actions = self.agent.handle(self.now, event);
            self.print(&actions);
            command = actions.into_iter().rfind(Action::is_command);
        }
        eprintln!("ztp: the simulation did not end within {MAX_STEPS} steps");
        2
    }

    fn fetch(&mut self, target: Target) -> Event<Frame> {
        let result = match self.path(&target) {
            Err(why) => {
                Self::note(&format!("denied: {why}"));
                Err(FetchError::Denied)
            }
            Ok((path, shown)) => match read_prefix(&path) {
                Ok((bytes, len)) => {
                    Self::note(&format!("the file server sends {shown} ({len} bytes)"));
                    Ok(bytes)
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Self::note(&format!("the file server has no {shown}"));
                    Err(FetchError::NotFound)
                }
                Err(e) => {
                    Self::note(&format!("cannot read {shown}: {e}"));
                    Err(FetchError::Other(e.to_string()))
                }
            },
        };
        Event::FetchFinished { target, result }
    }

    fn install(&mut self, target: &Target) -> Event<Frame> {
        let bytes = self
            .path(target)
            .ok()
            .and_then(|(p, _)| read_prefix(&p).ok())
            .map(|(b, _)| b)
            .unwrap_or_default();
        let gzip = bytes.starts_with(&[0x1f, 0x8b]);
        let tar = bytes.get(257..262) == Some(b"ustar".as_slice());
        if gzip || tar {
            Self::note("simulated: a gzip or tar archive installs");
            Event::InstallFinished(InstallOutcome::Ok)
        } else {
            Self::note("simulated: not a gzip or tar archive, the install would fail its checks");
            Event::InstallFinished(InstallOutcome::Corrupt)
        }
    }

    /// The file under `--files` a URL names, and how to show it.
    fn path(&self, target: &Target) -> Result<(PathBuf, String), String> {
        let raw = target.path();
        let decoded = percent_decode(raw).ok_or_else(|| format!("{raw} is not utf-8"))?;
        let relative = Path::new(decoded.trim_start_matches('/'));
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(format!("{decoded} leaves the file server's directory"));
        }
        Ok((
            self.files.join(relative),
            format!("/{}", relative.display()),
        ))
    }
}

/// The first [`PREFIX_MAX`] bytes of a file (all the agent reads, R26) and
/// the file's length.
fn read_prefix(path: &Path) -> std::io::Result<(Vec<u8>, u64)> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "not a regular file",
        ));
    }
    let mut bytes = Vec::with_capacity(PREFIX_MAX);
    file.take(PREFIX_MAX as u64).read_to_end(&mut bytes)?;
    Ok((bytes, len))
}

/// `%xx` decoded; `None` when the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b/c%2Fd").as_deref(), Some("/a b/c/d"));
        assert_eq!(percent_decode("/100%").as_deref(), Some("/100%"));
        assert_eq!(percent_decode("%ff"), None);
    }
}
