//! What a switch will do with a DHCP reply, and why it will not: the
//! explanation behind `ztp explain`, as a library every front end shares
//! (the command line, the browser page).
//!
//! It reads what a person has at hand (hex text in the forms people copy,
//! [`input`]; a pcap or pcapng capture, streamed, [`pcap`]), explains each
//! message ([`explain`]: decode, resolve the plan with its decision log,
//! the fetch URLs) into a [`Report`], and writes it for people
//! ([`Report::text`]), as one JSON Lines object ([`Report::json_line`],
//! schema [`SCHEMA`]), or folds many into a per-client [`Summary`]; each
//! message is also a step of its client's exchange ([`exchange`]: who,
//! which message, which transaction), for a timeline.
//!
//! The library does no I/O of its own: it takes bytes (or any
//! [`std::io::Read`] for a capture) and writes into buffers and
//! [`std::io::Write`]rs the caller gives; it builds for
//! `wasm32-unknown-unknown`.
//!
//! # Example
//!
//! ```
//! use ztp_explain::{Filters, Origin, explain};
//! use ztp_options::{Family, samples};
//!
//! let mut text = String::new();
//! let mut json = Vec::new();
//! explain(
//!     samples::V4_ACK,
//!     Family::V4,
//!     Origin::default(),
//!     &Filters::default(),
//!     &mut |report| {
//!         text = report.text("");
//!         report.json_line(&mut json);
//!         assert_eq!(report.exit_code(), 0); // a plan
//!     },
//! );
//! assert!(text.starts_with("DHCPv4 ACK, "));
//! assert!(text.contains("file server    192.0.2.10"));
//! let line: serde_json::Value = serde_json::from_slice(&json)?;
//! assert_eq!(line["status"], "ok");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Rules
//!
//! Rule ids (`R12`) in these docs, in the output and in test names are the
//! ones of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md)
//! in the repository.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod carried;
mod diagnosis;
pub mod exchange;
mod explain;
mod fasthash;
mod fix;
pub mod input;
mod json;
pub mod pcap;
mod report;
mod summary;
mod vendor;

pub use diagnosis::{Diagnosis, diagnose};
pub use explain::{Explainer, Filters, client_mac, explain, parse_mac, parse_xid};
pub use report::{Origin, Report, RuleMessage, SCHEMA};
pub use summary::Summary;

/// The README's code blocks, seen by rustdoc.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
