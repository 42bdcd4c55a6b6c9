//! A vendor's plan as data: what the device fetches or contacts, in which
//! order and with which fallbacks, what stops it, and its decisions with
//! their rule ids. Every vendor other than Juniper (whose plan is
//! [`Plan`](crate::Plan), R1..R35) answers through this one shape, so
//! that a printer (text, JSON, a summary) reads any vendor the same way
//! and a new vendor touches its own file and [`Vendor::ALL`], not the
//! printers.
//!
//! A plan is owned (it is built for an explanation, not on the decode
//! path) and is never a ready-made sentence: steps and stops are typed,
//! each decision has a stable id and its rule beside its sentence.
//!
//! ```
//! use ztp_options::Family;
//! use ztp_options::vendor::{Fetch, OptionRef, Order, Role, Step, Vendor, VendorPlan};
//!
//! let mut plan = VendorPlan::new(Vendor::Sonic, Family::V4);
//! let url = "http://192.0.2.10/ztp.json";
//! plan.steps.push(Step::Fetch(
//!     Fetch::new(Role::Workflow, url, OptionRef::v4(67), Order::First).with_url(url),
//! ));
//! plan.log("S4", "url-as-given", "option 67 has a scheme: fetched as given");
//! assert!(plan.provisions());
//! assert_eq!(plan.decisions().next().map(|d| d.rule), Some("S4"));
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::Vendor;
use crate::family::Family;

/// What a vendor's device does with a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct VendorPlan {
    /// Whose rules made this plan.
    pub vendor: Vendor,
    /// The reply's family.
    pub family: Family,
    /// What the device does, in order: [`Order`] says whether a step is
    /// tried first, only when the one before fails, or after it.
    pub steps: Vec<Step>,
    /// Why the device does not provision from this reply, if it does not.
    pub stop: Option<Stop>,
    /// The decisions the rules made, in order, each with its rule.
    pub entries: Vec<Entry>,
}

impl VendorPlan {
    /// An empty plan (no step, no stop, no decision).
    pub fn new(vendor: Vendor, family: Family) -> Self {
        VendorPlan {
            vendor,
            family,
            steps: Vec::new(),
            stop: None,
            entries: Vec::new(),
        }
    }

    /// Records a decision: its rule id, a stable id and its sentence.
    pub fn log(&mut self, rule: &'static str, id: &'static str, message: impl Into<String>) {
        self.entries.push(Entry {
            rule,
            id,
            message: message.into(),
        });
    }

    /// The decisions, in order.
    pub fn decisions(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }

    /// Whether the device provisions from this reply: a step, and no stop.
    pub fn provisions(&self) -> bool {
        self.stop.is_none() && !self.steps.is_empty()
    }
}

/// One thing the device does.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "step"))]
#[non_exhaustive]
pub enum Step {
    /// A file it downloads.
    Fetch(Fetch),
    /// A server it contacts, which is not a file download (a PnP server,
    /// Aruba Central, an SZTP bootstrap server).
    Contact(Contact),
}

/// A file the device downloads.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Fetch {
    /// What the file is to the device.
    pub role: Role,
    /// The URL it fetches, when the vendor's rule builds one; `None` when
    /// the name cannot become a URL (the plan's [`Stop`] or a decision says
    /// why).
    pub url: Option<String>,
    /// The name as the reply gives it.
    pub name: String,
    /// Where the reply gives it.
    pub source: OptionRef,
    /// When it is tried.
    pub order: Order,
}

impl Fetch {
    /// A file named `name` at `source`, with no URL yet.
    pub fn new(role: Role, name: impl Into<String>, source: OptionRef, order: Order) -> Self {
        Fetch {
            role,
            url: None,
            name: name.into(),
            source,
            order,
        }
    }

    /// The same, fetched from `url`.
    #[must_use]
    pub fn with_url(self, url: impl Into<String>) -> Self {
        Fetch {
            url: Some(url.into()),
            ..self
        }
    }
}

/// A server the device contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Contact {
    /// What the server is.
    pub service: Service,
    /// Its host: an address or a name, as given.
    pub host: String,
    /// Its port, given or the service's default.
    pub port: Option<u16>,
    /// The transport (`http`, `https`, `xmpp`, ...), when the rule names
    /// one.
    pub transport: Option<&'static str>,
    /// Where the reply gives it.
    pub source: OptionRef,
    /// When it is contacted.
    pub order: Order,
}

impl Contact {
    /// A server `host` of `service`, at `source`, on its default port.
    pub fn new(service: Service, host: impl Into<String>, source: OptionRef, order: Order) -> Self {
        Contact {
            service,
            host: host.into(),
            port: None,
            transport: None,
            source,
            order,
        }
    }

    /// The same, on `port`.
    #[must_use]
    pub fn with_port(self, port: u16) -> Self {
        Contact {
            port: Some(port),
            ..self
        }
    }

    /// The same, over `transport` (`http`, `https`, `xmpp`, ...).
    #[must_use]
    pub fn with_transport(self, transport: &'static str) -> Self {
        Contact {
            transport: Some(transport),
            ..self
        }
    }
}

/// What a fetched file is to the device (G11's kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Role {
    /// A script the device runs.
    Script,
    /// A configuration the device loads.
    Configuration,
    /// A software image it installs.
    Image,
    /// A workflow document (SONiC's ZTP JSON, Huawei's intermediate file).
    Workflow,
    /// A file whose kind the reply does not say (the device decides).
    File,
}

impl Role {
    /// The stable name: `script`, `configuration`, `image`, `workflow`,
    /// `file`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Script => "script",
            Role::Configuration => "configuration",
            Role::Image => "image",
            Role::Workflow => "workflow",
            Role::File => "file",
        }
    }
}

/// What a contacted server is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Service {
    /// A Cisco Plug and Play server (Catalyst Center), CP4.
    PnpServer,
    /// Aruba Central (on-premise), AR2/AR5.
    ArubaCentral,
    /// An RFC 8572 bootstrap server (SZTP), R31.
    SztpBootstrap,
    /// Huawei iMaster NCE, H8.
    HuaweiNce,
    /// An HTTP proxy the device uses for the others.
    Proxy,
}

impl Service {
    /// The stable name: `pnp-server`, `aruba-central`, `sztp-bootstrap`,
    /// `huawei-nce`, `proxy`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Service::PnpServer => "pnp-server",
            Service::ArubaCentral => "aruba-central",
            Service::SztpBootstrap => "sztp-bootstrap",
            Service::HuaweiNce => "huawei-nce",
            Service::Proxy => "proxy",
        }
    }
}

/// When a step happens, relative to the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Order {
    /// The first thing the device does.
    First,
    /// After the step before succeeds.
    Then,
    /// Only when the step before fails (S3's fallbacks).
    Fallback,
}

impl Order {
    /// The stable name: `first`, `then`, `fallback`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Order::First => "first",
            Order::Then => "then",
            Order::Fallback => "fallback",
        }
    }
}

/// Where in the reply a value is: an option, a suboption of it, or a BOOTP
/// header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct OptionRef {
    /// The family.
    pub family: Family,
    /// The option code; 0 for a BOOTP header field ([`OptionRef::field`]).
    pub option: u16,
    /// The suboption, for a value inside 43 or 17.
    pub suboption: Option<u16>,
    /// A BOOTP header field (`file`, `sname`, `siaddr`).
    pub field: Option<&'static str>,
}

impl OptionRef {
    /// A DHCPv4 option.
    pub const fn v4(option: u16) -> Self {
        OptionRef {
            family: Family::V4,
            option,
            suboption: None,
            field: None,
        }
    }

    /// A DHCPv6 option.
    pub const fn v6(option: u16) -> Self {
        OptionRef {
            family: Family::V6,
            option,
            suboption: None,
            field: None,
        }
    }

    /// A suboption of this option.
    #[must_use]
    pub const fn sub(self, suboption: u16) -> Self {
        OptionRef {
            suboption: Some(suboption),
            ..self
        }
    }

    /// A DHCPv4 BOOTP header field (`file`, `sname`, `siaddr`).
    pub const fn field(name: &'static str) -> Self {
        OptionRef {
            family: Family::V4,
            option: 0,
            suboption: None,
            field: Some(name),
        }
    }
}

impl fmt::Display for OptionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.field, self.suboption) {
            (Some(name), _) => write!(f, "the {name} field"),
            (None, Some(s)) => write!(f, "option {} suboption {s}", self.option),
            (None, None) => write!(f, "option {}", self.option),
        }
    }
}

/// Why the device does not provision from a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Stop {
    /// The vendor's rule.
    pub rule: &'static str,
    /// A stable id (`no-trigger`, `missing-server`, ...).
    pub id: &'static str,
    /// The sentence, for people.
    pub message: String,
    /// Whether the device keeps waiting for a better reply (S5: "no plan
    /// yet") rather than failing.
    pub waits: bool,
}

/// One decision of a vendor's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Entry {
    /// The rule (`S4`, `CP3`, `G10`, ...).
    pub rule: &'static str,
    /// A stable id for tools.
    pub id: &'static str,
    /// The sentence, for people.
    pub message: String,
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.rule, self.message)
    }
}

impl Stop {
    /// A stop that fails (the device moves on or gives up).
    pub fn new(rule: &'static str, id: &'static str, message: impl Into<String>) -> Self {
        Stop {
            rule,
            id,
            message: message.into(),
            waits: false,
        }
    }

    /// The same stop, as "no plan yet": the device keeps waiting.
    #[must_use]
    pub fn waiting(self) -> Self {
        Stop {
            waits: true,
            ..self
        }
    }
}
