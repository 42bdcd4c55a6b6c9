//! The Zero Touch Provisioning workflow of a Juniper device as a sans-I/O
//! state machine.
//!
//! A device that boots with no configuration asks DHCP on every interface,
//! picks a binding (R29: those with image, config and file server first,
//! DHCPv4 before DHCPv6), fetches and installs the image, fetches the
//! configuration file and runs it (a `#!` script the platform accepts) or
//! commits it (R27), and on any failure moves to the next binding, and
//! when none is left restarts the DHCP client after 15 to 30 seconds
//! (R28). [`Agent`] is that brain, with no I/O: no sockets, files, clock,
//! threads or randomness of its own. The caller feeds [`Event`]s with the
//! time they happened and carries out the [`Action`]s it gets back, in the
//! style of `quinn-proto` or `rustls`' connection state.
//!
//! Underneath, the rules of the other crates: [`ztp_options`] resolves each
//! reply into a plan (R1..R18), [`ztp_fetch_url`] turns it into URLs
//! (R19..R23, R30), [`ztp_script_detect`] tells a script from a
//! configuration and says whether the platform runs it (R24..R26).
//!
//! # A whole run
//!
//! ```
//! use std::time::Duration;
//! use ztp_agent::{Action, Agent, Config, ConfigOutcome, Event, ImageOutcome, InstallOutcome};
//! use ztp_options::{Family, samples::V4_ACK};
//!
//! let secs = Duration::from_secs;
//! let mut agent = Agent::new(Config::default(), secs(0));
//! agent.handle(secs(0), Event::BindingAcquired {
//!     interface: "ge-0/0/0",
//!     family: Family::V4,
//!     reply: V4_ACK.to_vec(),
//! });
//! let mut actions = agent.handle(secs(5), Event::TimePassed);
//! let mut now = secs(5);
//! loop {
//!     // The last action is the one command; the others are logs.
//!     let event = match actions.pop() {
//!         Some(Action::Fetch { target, .. }) => {
//!             let first_bytes = if target.as_str().ends_with(".conf") {
//!                 b"system { host-name sw1; }\n".to_vec()
//!             } else {
//!                 vec![0x1f, 0x8b] // a gzip image
//!             };
//!             Event::FetchFinished { target, result: Ok(first_bytes) }
//!         }
//!         Some(Action::InstallImage { .. }) => Event::InstallFinished(InstallOutcome::Ok),
//!         Some(Action::CommitConfiguration { .. }) => Event::CommitFinished(Ok(())),
//!         Some(Action::Done(summary)) => {
//!             assert_eq!(summary.image, ImageOutcome::Installed {
//!                 name: "junos-install-ex-x86-64-23.4R2.tgz".into(),
//!             });
//!             assert!(matches!(summary.config, ConfigOutcome::Committed { .. }));
//!             break;
//!         }
//!         other => panic!("unexpected {other:?}"),
//!     };
//!     now += secs(1);
//!     actions = agent.handle(now, event);
//! }
//! ```
//!
//! # Failures move on (R28)
//!
//! ```
//! use std::time::Duration;
//! use ztp_agent::{Action, Agent, Config, Event, FetchError};
//! use ztp_options::{Family, samples::V4_ACK};
//!
//! let secs = Duration::from_secs;
//! let mut agent = Agent::new(Config { seed: 7, ..Config::default() }, secs(0));
//! agent.handle(secs(0), Event::BindingAcquired {
//!     interface: "ge-0/0/0",
//!     family: Family::V4,
//!     reply: V4_ACK.to_vec(),
//! });
//! let actions = agent.handle(secs(5), Event::TimePassed);
//! let Some(Action::Fetch { target, .. }) = actions.last().cloned() else { panic!() };
//! let actions = agent.handle(secs(6), Event::FetchFinished {
//!     target,
//!     result: Err(FetchError::NotFound),
//! });
//! // The only binding failed: restart the DHCP client after 15..=30 s.
//! let Some(Action::RestartDhcp { delay }) = actions.last() else { panic!() };
//! assert!((secs(15)..=secs(30)).contains(delay));
//! for action in &actions {
//!     if let Action::Log(log) = action {
//!         // [R28] ge-0/0/0 (dhcpv4) failed: fetching http://... failed: file not found on the server
//!         println!("[{}] {log}", log.rule().map(|r| r.to_string()).unwrap_or_default());
//!     }
//! }
//! ```
//!
//! # Choices
//!
//! Where the vendor document is silent, the agent chose, and says so:
//!
//! - **Every URL before any fetch.** A file name that gives no URL (R19..R23,
//!   e.g. an HTTP URL over 256 characters) fails the binding before the
//!   image is fetched or installed.
//! - **A binary configuration file** (gzip, tar, ELF, NUL bytes) is a
//!   configuration to the device (R24) whose commit fails (R28): the agent
//!   fails the binding there with [`Failure::CommitWillFail`], without
//!   issuing a commit no caller could make succeed. A script whose
//!   interpreter R25 does not list, and unsigned Python on Junos OS, fail the
//!   binding without running.
//! - **The installed image** is compared by file name (last path segment,
//!   without a `:port` suffix); a symbolic link (suboption 02) is never
//!   skipped, since its name does not say which image it points at.
//! - **Waits**: [`Config::settle`] (5 s) after the first binding before
//!   ranking, [`Config::bind_timeout`] (60 s) for a first binding, and a
//!   deadline per step ([`Timeouts`]). A lost binding, a step past its
//!   deadline and any install failure fail the attempt like R28's list.
//! - **A DHCP restart drops every binding**: the caller feeds the new ones.
//! - **At most [`MAX_BINDINGS`]** are held; each is tried once per round, so
//!   a round ends in at most `4 * MAX_BINDINGS + 1` commands.
//!
//! # Features
//!
//! - `arbitrary`: the [`check`] module, event scripts for property tests
//!   and fuzzing, and the invariant checker they share.
//!
//! # Rules
//!
//! Rule ids (`R28`) in these docs, in logs and in test names are the ones
//! of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md) in the
//! repository: every rule R1..R35 in our words, where the vendor guide or an
//! RFC says it, and the choice made where they are silent.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod action;
mod agent;
#[cfg(feature = "arbitrary")]
pub mod check;
mod event;
mod rank;
mod rng;

pub use action::{Action, ConfigOutcome, Failure, ImageOutcome, Log, Secs, Step, Summary};
pub use agent::{Agent, Config, MAX_BINDINGS, Phase, Timeouts};
pub use event::{CommitError, Event, FetchError, InstallOutcome};
pub use rank::{Binding, rank};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
