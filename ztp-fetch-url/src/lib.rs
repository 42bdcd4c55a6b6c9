//! From a Zero Touch Provisioning plan to the URLs a Juniper device fetches.
//!
//! [`ztp_options`] resolves a DHCP lease into a [`Plan`](ztp_options::Plan):
//! an image name, a configuration name, a transfer mode, a file server
//! (whose variant is the family) and maybe a port (from suboption 05 or
//! option 59). This crate turns that plan into URLs with the rules of the
//! "Fetch URLs" rules of RULES.md (see Rules below), and parses URLs back into the same type. It
//! does no I/O.
//!
//! - **R19** a file name may end in `:port`
//!   (`/dist/config/jn-switch35.config:8088`): the port with HTTP and
//!   HTTPS, ignored with FTP and TFTP ([`split_port_suffix`]).
//! - **R20** DHCPv4 port: the suffix, then suboption 05, then the mode's
//!   default (tftp 69, ftp 21, http 80, https 443). **R16** DHCPv6 port:
//!   suboption 05, then option 59's port, then the default.
//! - **R21, R30** an HTTP or HTTPS URL longer than 256 characters is an
//!   error ([`Error::TooLong`]), never truncated. TFTP and FTP have no
//!   stated limit.
//! - **R22** the server is an IP literal, IPv6 in brackets; a host name is
//!   an error ([`Error::HostName`]).
//! - **R23** FTP is anonymous: no user or password in the URL.
//!
//! # From a lease to URLs
//!
//! A [`Plan`](ztp_options::Plan) borrows from its lease; [`fetch_plan`]
//! borrows the plan for the call only and returns an owned [`FetchPlan`].
//!
//! ```
//! use ztp_fetch_url::fetch_plan;
//! use ztp_options::{resolve_v4, samples::V4_ACK, v4::Lease};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let lease = Lease::parse(V4_ACK)?;
//! let plan = resolve_v4(&lease)?;
//! let fetch = fetch_plan(&plan);
//! let urls: Vec<&str> = fetch.targets().map(|t| t.as_str()).collect();
//! assert_eq!(urls, [
//!     "http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz",
//!     "http://192.0.2.10/ztp/ex4300.conf",
//! ]);
//! print!("{fetch}");
//! # Ok(()) }
//! ```
//!
//! # The `:port` suffix under each transfer mode
//!
//! ```
//! use std::net::Ipv4Addr;
//! use ztp_fetch_url::{fetch_plan, Note, PortSource};
//! use ztp_options::{ConfigPlan, FileServer, ModeSource, Plan, TransferMode, V4ServerSource};
//!
//! # fn main() -> Result<(), ztp_fetch_url::Error> {
//! # let plan_for = |mode| {
//! #     let server = FileServer::V4 {
//! #         address: Ipv4Addr::new(192, 0, 2, 10),
//! #         source: V4ServerSource::Option150,
//! #     };
//! #     let mut plan = Plan::new(server, mode, ModeSource::Suboption03);
//! #     plan.config = Some(ConfigPlan { name: "/dist/config/jn-switch35.config:8088" });
//! #     plan
//! # };
//! // A DHCPv4 plan whose suboption 01 is "/dist/config/jn-switch35.config:8088".
//! let http = fetch_plan(&plan_for(TransferMode::Http)).config.unwrap()?;
//! assert_eq!(http.as_str(), "http://192.0.2.10:8088/dist/config/jn-switch35.config");
//! assert_eq!(http.port_source(), PortSource::Suffix);
//!
//! let tftp = fetch_plan(&plan_for(TransferMode::Tftp)).config.unwrap()?;
//! assert_eq!(tftp.as_str(), "tftp://192.0.2.10/dist/config/jn-switch35.config");
//! assert_eq!(tftp.port(), 69);
//! assert!(tftp.notes().iter().any(|n| matches!(n, Note::SuffixIgnored { .. })));
//! # Ok(()) }
//! ```
//!
//! # Parsing a URL back
//!
//! Option 59 and URLs a person types go through [`Target::parse`], with the
//! same checks:
//!
//! ```
//! use ztp_fetch_url::{Error, Target, TargetKind, UrlOrigin};
//!
//! let t = Target::parse("tftp://192.0.2.1:69/a.conf", TargetKind::Config, UrlOrigin::User)?;
//! assert_eq!(t.as_str(), "tftp://192.0.2.1/a.conf"); // the default port is dropped
//!
//! let err = Target::parse("ftp://ops:secret@192.0.2.1/a.conf", TargetKind::Config, UrlOrigin::User);
//! assert!(matches!(err, Err(Error::Credentials { .. }))); // R23
//! # Ok::<(), Error>(())
//! ```
//!
//! A decoded option 59 ([`BootFileUrl`], its text kept as sent) becomes a
//! [`url::Url`], normalised as the `url` crate does, with
//! [`boot_file_url`].
//!
//! [`BootFileUrl`]: ztp_options::v6::BootFileUrl
//!
//! # Choices
//!
//! Where the rules are silent, this crate chose, and says so in the notes:
//!
//! - **DHCPv6 and the suffix.** R16 lists the DHCPv6 port sources
//!   (suboption 05, option 59, default) and the vendor document describes
//!   the suffix in its DHCPv4 procedure only. So in DHCPv6 a name's
//!   `:port` suffix is cut from the path (R19: it is not part of the file
//!   name) but never used as the port ([`Note::SuffixIgnoredV6`], rule R16).
//!   Option 59's path is a URL path and is not split at all.
//! - **IPv6-looking names.** When a name's last segment is an IPv6 address
//!   (`/cfg/2001:db8::1`), its final `:digits` are part of the address
//!   ([`PortSuffix::Ipv6Tail`], [`Note::Ipv6Tail`]).
//! - **Names without a leading `/`** are fetched from the server's root:
//!   `a.conf` becomes `/a.conf` ([`Note::JoinedToRoot`]). The name is set
//!   as the URL's path, never joined as a relative URL, so `a:b/c` is not
//!   read as a scheme.
//! - **Percent-encoding.** A file name is a name, not a URL: every byte
//!   outside RFC 3986's `pchar` and `/` is encoded (space `%20`, `?`
//!   `%3F`, `#` `%23`, `\` `%5C`, `%` `%25`, non-ASCII as UTF-8 bytes).
//!   `.` and `..` segments are resolved as every URL client does
//!   ([`Note::PathNormalised`]).
//! - **A port in the URL** is written only when it differs from the mode's
//!   default, for TFTP too (the `url` crate knows no TFTP default).
//! - **Errors in FTP and TFTP too.** A suffix of 0 or above 65535 is an
//!   error in every mode: R19 makes it one whether or not the port is used.
//!
//! # Features
//!
//! - `serde`: `Serialize`/`Deserialize` on [`FetchPlan`], [`Target`]
//!   (validated on the way in), [`Note`], [`Error`] and the enums.
//! - `url-reference`: `fetch_plan_via_url_crate`, every URL built through
//!   the `url` crate; what the tests check [`fetch_plan`]'s own URL
//!   writer against, and the "before" of its benchmark.
//!
//! # Rules
//!
//! Rule ids (`R19`) in these docs, in logs and in test names are the ones
//! of [`RULES.md`](https://github.com/ztp-rs/ztp/blob/main/RULES.md) in the
//! repository: every rule R1..R35 in our words, where the vendor guide or an
//! RFC says it, and the choice made where they are silent.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod boot_file_url;
mod error;
mod note;
mod plan;
mod suffix;
mod target;
mod url_text;

pub use boot_file_url::boot_file_url;
pub use error::{Error, HTTP_URL_LIMIT};
pub use note::{Note, PortSource};
#[cfg(feature = "url-reference")]
pub use plan::fetch_plan_via_url_crate;
pub use plan::{FetchPlan, fetch_plan};
pub use suffix::{PortSuffix, split_port_suffix};
pub use target::{Target, TargetKind, UrlOrigin};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
