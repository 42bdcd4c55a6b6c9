//! Zero Touch Provisioning options for DHCPv4 and DHCPv6: zero-copy
//! decoders, encoders that write into the caller's buffer, and owned
//! representations for building and for serde.
//!
//! A factory-fresh Juniper switch reads its software image and configuration
//! file names from DHCPv4 option 43 (suboptions 00 image, 01 config, 02
//! symlink, 03 transfer mode, 04 alternate image, 05 port or server, 08 proxy)
//! with option 150 or 66 for the file server, or from DHCPv6 option 17
//! (enterprise 2636) with option 59. This crate decodes those options from
//! the bytes of a lease, resolves their precedence into one [`Plan`] with a
//! decision log, and encodes them for a server, byte for byte. It does no
//! I/O.
//!
//! # From a DHCPv4 lease to a plan
//!
//! ```
//! use ztp_options::{FileServer, V4ServerSource, resolve_v4, v4::Lease};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let lease = Lease::parse(ztp_options::samples::V4_ACK)?;
//! let plan = resolve_v4(&lease)?; // borrows from `lease`
//! assert_eq!(plan.file_server.to_string(), "192.0.2.10");
//! assert!(matches!(
//!     plan.file_server,
//!     FileServer::V4 { source: V4ServerSource::Option150, .. }
//! ));
//! assert_eq!(plan.file_server.source_str(), "option-150");
//! // What the rules ignored, typed (R12: option 66, as sent).
//! assert_eq!(plan.ignored.option66, Some(&b"192.0.2.10"[..]));
//! for d in plan.decisions() {
//!     // [R12] option 66 ("192.0.2.10") ignored because 150 is present
//!     println!("[{}] {d}", d.rule());
//! }
//! # Ok(()) }
//! ```
//!
//! # From a DHCPv6 reply to a plan
//!
//! ```
//! use ztp_options::{ImageSource, resolve_v6, v6::Lease};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let lease = Lease::parse(ztp_options::samples::V6_REPLY)?;
//! let plan = resolve_v6(&lease)?;
//! assert_eq!(plan.file_server.to_string(), "2001:db8::1");
//! // R15: option 17's image beats option 59's path.
//! assert_eq!(plan.image.map(|i| i.source), Some(ImageSource::Suboption00));
//! assert_eq!(plan.ignored.url_path, Some("/img/junos.tgz"));
//! # Ok(()) }
//! ```
//!
//! # Encoding a plan for a server
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let lease = ztp_options::v4::Lease::parse(ztp_options::samples::V4_ACK)?;
//! # let plan = ztp_options::resolve_v4(&lease)?;
//! let options = plan.to_v4_options()?; // 43, 150, 66, 7, 42, 12
//! let mut bytes = vec![0; options.buffer_len()];
//! options.emit(&mut bytes)?;
//! # Ok(()) }
//! ```
//!
//! # Reading the options of a DHCPv4 lease
//!
//! ```
//! use ztp_options::v4::Lease;
//! use ztp_options::TransferMode;
//!
//! # fn main() -> Result<(), ztp_options::DecodeError> {
//! # let bytes = ztp_options::samples::V4_ACK;
//! let lease = Lease::parse(bytes)?;
//! let sub = lease.suboptions()?.expect("option 43");
//! assert_eq!(sub.image().unwrap().as_str()?, "junos-install-ex-x86-64-23.4R2.tgz");
//! assert_eq!(sub.config().unwrap().as_str()?, "/ztp/ex4300.conf");
//! assert_eq!(sub.transfer_mode(), Some(TransferMode::Http));
//! let servers = lease.tftp_server_addresses()?.expect("option 150");
//! assert_eq!(servers.first().to_string(), "192.0.2.10");
//! # Ok(()) }
//! ```
//!
//! # How the crate is built
//!
//! It reads downward, and no layer imports one above it:
//!
//! 1. the wire kit shared by both families: [`Family`] (with
//!    [`Family::detect`]), one TLV walk, one macro for open codes
//!    ([`v4::OptionCode`], [`v6::OptionCode`], [`SuboptionCode`]: newtypes
//!    with a constant per known code), text values ([`Text`], R7), the
//!    errors;
//! 2. the codecs: [`v4`] and [`v6`], each with a borrowed message view
//!    (`Message`), the one-walk ZTP view (`Lease`), the owned forms
//!    (`OptionSet`, `MessageRepr`), and the Juniper suboptions both share
//!    ([`Suboptions`], [`VendorInfo`]);
//! 3. the rules: [`resolve_v4`] / [`resolve_v6`] turn a lease into a
//!    [`Plan`] with its [`Decision`] log, or say why ZTP
//!    [`CannotProceed`]; [`Plan::to_v4_options`] / [`Plan::to_v6_options`]
//!    are the way back.
//!
//! Beside the rules, [`vendor`] names the switch from what it sends
//! (VENDORS.md G1..G5: [`vendor::Identity`], [`vendor::Vendor`]) and writes
//! a client's identity options back ([`vendor::IdentityRepr`]), one file
//! per vendor; it is never on the resolvers' path.
//!
//! [`client`] writes the switch's own messages (DISCOVER, REQUEST,
//! RELEASE; SOLICIT, REQUEST, RELEASE; relayed or not) with a vendor's
//! identity, for tools that play the device.
//!
//! Ranking bindings (R29) is a workflow step: it is `ztp-agent`'s.
//!
//! # Rules
//!
//! Rule ids (`R12`) in the docs, the decision log and the test names are the
//! ones of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md):
//! each rule in our words, its source in the vendor guide or an RFC, and
//! the choices made where they are silent.
//!
//! # Errors
//!
//! Decoders return [`DecodeError`]: where (a [`Place`]: family, option,
//! suboption, byte offset) and what (a [`DecodeErrorKind`]); the offending
//! value is read back from the input with [`DecodeError::value`] or shown
//! with [`DecodeError::display_in`]. Encoders return [`EncodeError`]. Both
//! are small (24 bytes or less) and never allocate. No input and no buffer
//! makes this crate panic: every encoder checks its room first.
//!
//! # Features
//!
//! - `std` (default): nothing more than the `std` features of the
//!   dependencies; the crate is `no_std` with `alloc` without it (it builds
//!   for `thumbv7em-none-eabihf`), for agents on embedded stacks.
//! - `serde`: `Serialize`/`Deserialize` on the owned types.
//! - `arbitrary`: `arbitrary::Arbitrary` on the owned types, for fuzzing.
//! - `dhcproto` (needs `std`, and Rust 1.87 as dhcproto 0.15 does):
//!   `TryFrom<&dhcproto::v4::Message>` for [`v4::MessageRepr`] (lossless)
//!   and `TryFrom<&dhcproto::v6::Message>` for [`v6::MessageRepr`] (where
//!   dhcproto keeps option 17's bytes; `DhcprotoError::ItemNotKept`
//!   where it does not).
//!
//! # Option values decoded elsewhere
//!
//! A caller who already has the option values (decoded by another codec,
//! taken from a server's configuration) gets a lease with
//! [`v4::Lease::from_options`] / [`v6::Lease::from_options`]: the values
//! are framed as a reply in a buffer the caller lends and read back with
//! the same checks as bytes off the wire.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

#[cfg(feature = "arbitrary")]
mod arbitrary_plan;
pub mod client;
mod code;
mod contents;
mod decision;
mod emit;
mod encode;
mod error;
mod family;
mod interop;
mod plan;
mod resolve;
pub mod samples;
mod suboption;
pub mod sztp;
mod text;
mod tlv;
pub mod v4;
pub mod v6;
pub mod vendor;

pub use client::ClientProblem;
pub use contents::{
    ContentsV4, ContentsV6, Value, VendorContents, VendorItems, contents_v4, contents_v6,
};
pub use decision::{
    CannotProceed, Decision, DecisionKind, Decisions, Entries, Entry, LOG_CAPACITY, Log,
    ParseRuleError, Rule,
};
pub use error::{
    DecodeError, DecodeErrorKind, EXCERPT_LEN, EncodeError, EncodeErrorKind, Excerpt, Field,
    InInput, Item as EncodeItem, Len16, LengthRule, Place, Result, SztpProblem, UrlProblem, Within,
};
pub use family::Family;
#[cfg(feature = "dhcproto")]
pub use interop::DhcprotoError;
pub use interop::OptionsError;
pub use plan::{
    Addresses, ConfigPlan, ConfigSource, Enterprises, FileServer, Ignored, IgnoredBuf, ImageBuf,
    ImagePlan, ImageSource, ModeSource, Plan, PlanBuf, PortPlan, PortSource, UnknownSuboptions,
    V4ServerSource,
};
pub use resolve::{
    resolve_v4, resolve_v4_into, resolve_v4_options, resolve_v6, resolve_v6_into,
    resolve_v6_options,
};
pub use suboption::{
    ImageType, Item, Port, PortOrServer, RawSuboption, SuboptionCode, Suboptions, TransferMode,
    VendorInfo,
};
pub use text::{Text, TrailingNul};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
