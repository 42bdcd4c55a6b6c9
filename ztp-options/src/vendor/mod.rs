//! Vendors: who the switch is, read from what it sends (G1..G5), and the
//! same identity written back as a client's options. One file per vendor
//! family; later steps add each vendor's option 43 layout and plan rules
//! to the same file.
//!
//! | vendor ([`Vendor::as_str`]) | identity forms (rule) | confidence |
//! | --- | --- | --- |
//! | `juniper` | 60 `Juniper-<model>-<serial>` / `Juniper:<model>:<serial>`, 61 type 0 serial, 77 `Juniper` items; v6 16 (2636) (R6) | solid |
//! | `arista` | 60 `Arista;<model>;<version>;<serial>` (A1); v6 17 / 16 item, same string (A2; enterprise **unverified**, reported) | medium |
//! | `cisco-iosxe` | 60 `ciscopnp` + 124 enterprise 9 PID, 61 serial or `cisco-<mac>-Vl1` (CX1) | medium |
//! | `cisco-pnp` | the same bytes as `cisco-iosxe` (CP1): the reply decides ZTP or PnP (CX3); decoding names `cisco-iosxe` | medium |
//! | `cisco-nxos` | 77 / v6 15 `Cisco-POAP`, 61 type 0 serial (CN1); 60 **unverified** | solid |
//! | `cisco-iosxr` | 60 `PXEClient:Arch:…:PID:<pid>`, 124 `SN:…;PID:…`, raw 77 `iPXE` / `exr-config` (CR1); v6 DUID-EN 9, 15, 16 (9, PID), `Cisco;<model>;<ver>;<serial>` (CR2); phase (CR3) | solid |
//! | `sonic` | 61 `SONiC##<product>##<serial>`, 77 / v6 15 `SONiC-ZTP` (S1) | solid |
//! | `cumulus` | 60 `cumulus-linux <arch>` (CU1) | solid |
//! | `nvos` | v6 16 `NVOS##<model>##<serial>` (CU8) | medium |
//! | `dell-os10` | none known (D1, **unverified**): never named from a request | n/a |
//! | `dell-os9` | 60 `TY=DELLNTW-<model> HW=… SN=… ST=… OS=… MD=… US=…` (D6) | medium |
//! | `aruba-aoscx` | none known (AR1, **unverified**); `ArubaInstantAP` / `ArubaAP` are access points, [`OtherDevice`] | n/a |
//! | `extreme-exos` | none known (E1, **unverified**) | n/a |
//! | `nokia-srlinux` | none known (N1, **unverified**); `NOKIA:` is SR OS, [`OtherDevice`] | n/a |
//! | `huawei-vrp` | 60 format **unverified** (H1); 61 = ESN, read as a type 0 serial | n/a |
//!
//! Where an identity is **unverified** nothing is invented: the vendor
//! stays `None` and the raw values are kept ([`Raw`]).
//!
//! # Decoding (G1)
//!
//! [`Identity::from_v4`] and [`Identity::from_v6`] read a client's message;
//! they fail only when the message itself does not frame. The evidence is
//! read in G1's order: v4 60, then 124/125, then 77, then 61; v6 15, then
//! 17 and 16 (17 first, A2), then the DUID (1). The first source that names
//! a vendor decides; later ones only add model, serial, version; a later
//! source naming another vendor is a [`Conflict`]. Unknown forms are kept,
//! never an error; a known form that is malformed (A1: `Arista;` with fewer
//! than four fields) or an option that does not frame (G5) is a [`Note`].
//! Decoding never allocates.
//!
//! ```
//! use ztp_options::v4::{MessageRepr, OptionCode, OptionSet};
//! use ztp_options::vendor::{Identity, Source, Vendor};
//!
//! let mut set = OptionSet::new();
//! set.insert(OptionCode::VENDOR_CLASS, b"Arista;DCS-7050S-64;01.23;JPE12345678".to_vec())?;
//! let bytes = MessageRepr::reply(set).to_vec();
//! let id = Identity::from_v4(&bytes)?;
//! assert_eq!(id.vendor(), Some(Vendor::Arista));
//! assert_eq!(id.serial.map(|s| (s.value, s.source)), Some(("JPE12345678", Source::V4VendorClass)));
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! # Encoding
//!
//! [`IdentityRepr`] writes what the device sends in its DISCOVER or
//! SOLICIT: [`IdentityRepr::to_v4_options`] (60, 61, 77, 124 and the
//! parameter request list 55) and [`IdentityRepr::to_v6_options`] (the
//! DUID, 15, 16, 17 and the option request option 6), and
//! `Identity::from_*(encode(x)).to_repr() == x` for every vendor whose
//! identity is known.

#[cfg(feature = "arbitrary")]
mod arbitrary_identity;
#[cfg(feature = "arbitrary")]
mod arbitrary_offer;
mod arista;
mod aruba;
pub mod cisco;
mod class;
mod cumulus;
mod dell;
mod extreme;
mod forms;
mod huawei;
mod juniper;
mod nokia;
mod offer;
mod plan;
mod reply;
mod repr;
mod select;
mod sonic;
mod tlv_plain;

pub use class::{ClassError, ClassMatch, Condition, Test};
pub use forms::{CentralCsv, HuaweiScheme, HuaweiServer, Pair, Pairs, ValueError, ValueProblem};
pub use offer::{
    ArubaOffer, BootFileOffer, ExosOffer, HuaweiOffer, Offer, OfferError, OfferProblem, Os9Offer,
    PnpOffer, PoapOffer, PoapServer, ScriptUrlOffer, SonicOffer, XrOffer,
};
pub use plan::{Contact, Entry, Fetch, OptionRef, Order, Role, Service, Step, Stop, VendorPlan};
pub use reply::{Clue, Confidence, Guess, guess_v4, guess_v6};
pub use repr::{DetailRepr, IdentityField, IdentityProblem, IdentityRepr};
pub use select::{By, Resolution, Selected, resolve_as_v4, resolve_as_v6, select_v4, select_v6};
pub use tlv_plain::{PlainItem, PlainTlv, PlainTlvRepr};

use core::fmt;
use core::str::FromStr;

use crate::error::{DecodeError, Place, Result};
use crate::family::Family;
use crate::v4::{VendorClasses, VendorSpecific};

/// A vendor (and, for Cisco and Dell, an OS) this crate knows the ZTP
/// rules of. The names ([`Vendor::as_str`]) are stable: they appear in
/// configuration, JSON and command lines.
///
/// ```
/// use ztp_options::vendor::Vendor;
///
/// assert_eq!(Vendor::CiscoIosXr.as_str(), "cisco-iosxr");
/// assert_eq!("dell-os9".parse::<Vendor>(), Ok(Vendor::DellOs9));
/// assert_eq!(Vendor::ALL.len(), 15);
/// assert!(Vendor::ALL.iter().all(|v| v.to_string().parse() == Ok(*v)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub enum Vendor {
    /// Juniper Junos / Junos Evolved (SPEC, R).
    Juniper,
    /// Arista EOS (A).
    Arista,
    /// Cisco IOS-XE ZTP (CX).
    #[cfg_attr(feature = "serde", serde(rename = "cisco-iosxe"))]
    CiscoIosXe,
    /// Cisco Network Plug and Play (CP).
    CiscoPnp,
    /// Cisco NX-OS POAP (CN).
    CiscoNxos,
    /// Cisco IOS-XR ZTP (CR).
    #[cfg_attr(feature = "serde", serde(rename = "cisco-iosxr"))]
    CiscoIosXr,
    /// SONiC (S).
    Sonic,
    /// NVIDIA Cumulus Linux (CU).
    Cumulus,
    /// NVIDIA NVOS (CU8).
    Nvos,
    /// Dell SmartFabric OS10 ZTD (D).
    #[cfg_attr(feature = "serde", serde(rename = "dell-os10"))]
    DellOs10,
    /// Dell OS9 / FTOS BMP (D6).
    #[cfg_attr(feature = "serde", serde(rename = "dell-os9"))]
    DellOs9,
    /// HPE Aruba AOS-CX (AR).
    #[cfg_attr(feature = "serde", serde(rename = "aruba-aoscx"))]
    ArubaAosCx,
    /// Extreme EXOS (E).
    ExtremeExos,
    /// Nokia SR Linux (N).
    NokiaSrLinux,
    /// Huawei VRP (H).
    HuaweiVrp,
}

impl Vendor {
    /// Every vendor, in the order of VENDORS.md's table.
    pub const ALL: [Vendor; 15] = [
        Vendor::Juniper,
        Vendor::Arista,
        Vendor::CiscoIosXe,
        Vendor::CiscoPnp,
        Vendor::CiscoNxos,
        Vendor::CiscoIosXr,
        Vendor::Sonic,
        Vendor::Cumulus,
        Vendor::Nvos,
        Vendor::DellOs10,
        Vendor::DellOs9,
        Vendor::ArubaAosCx,
        Vendor::ExtremeExos,
        Vendor::NokiaSrLinux,
        Vendor::HuaweiVrp,
    ];

    /// The stable name: `juniper`, `arista`, `cisco-iosxe`, `cisco-pnp`,
    /// `cisco-nxos`, `cisco-iosxr`, `sonic`, `cumulus`, `nvos`,
    /// `dell-os10`, `dell-os9`, `aruba-aoscx`, `extreme-exos`,
    /// `nokia-srlinux`, `huawei-vrp`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Vendor::Juniper => "juniper",
            Vendor::Arista => "arista",
            Vendor::CiscoIosXe => "cisco-iosxe",
            Vendor::CiscoPnp => "cisco-pnp",
            Vendor::CiscoNxos => "cisco-nxos",
            Vendor::CiscoIosXr => "cisco-iosxr",
            Vendor::Sonic => "sonic",
            Vendor::Cumulus => "cumulus",
            Vendor::Nvos => "nvos",
            Vendor::DellOs10 => "dell-os10",
            Vendor::DellOs9 => "dell-os9",
            Vendor::ArubaAosCx => "aruba-aoscx",
            Vendor::ExtremeExos => "extreme-exos",
            Vendor::NokiaSrLinux => "nokia-srlinux",
            Vendor::HuaweiVrp => "huawei-vrp",
        }
    }

    /// The id of the rule (VENDORS.md, SPEC) that says how the vendor
    /// identifies itself: `R6`, `A1`, `CX1`, ...
    pub const fn identity_rule(self) -> &'static str {
        match self {
            Vendor::Juniper => "R6",
            Vendor::Arista => "A1",
            Vendor::CiscoIosXe => "CX1",
            Vendor::CiscoPnp => "CP1",
            Vendor::CiscoNxos => "CN1",
            Vendor::CiscoIosXr => "CR1",
            Vendor::Sonic => "S1",
            Vendor::Cumulus => "CU1",
            Vendor::Nvos => "CU8",
            Vendor::DellOs10 => "D1",
            Vendor::DellOs9 => "D6",
            Vendor::ArubaAosCx => "AR1",
            Vendor::ExtremeExos => "E1",
            Vendor::NokiaSrLinux => "N1",
            Vendor::HuaweiVrp => "H1",
        }
    }

    /// Whether a client's request can name this vendor: `false` where
    /// VENDORS.md marks the identity **unverified** (D1, AR1, E1, N1, H1)
    /// and for [`Vendor::CiscoPnp`], whose bytes are IOS-XE's (CP1).
    pub const fn is_identified_by_request(self) -> bool {
        !matches!(
            self,
            Vendor::CiscoPnp
                | Vendor::DellOs10
                | Vendor::ArubaAosCx
                | Vendor::ExtremeExos
                | Vendor::NokiaSrLinux
                | Vendor::HuaweiVrp
        )
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of [`Vendor::as_str`]'s.
///
/// ```
/// use ztp_options::vendor::{ParseVendorError, Vendor};
///
/// assert_eq!("cisco".parse::<Vendor>(), Err(ParseVendorError));
/// assert_eq!(ParseVendorError.to_string(), "unknown vendor name");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseVendorError;

impl fmt::Display for ParseVendorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown vendor name")
    }
}

impl core::error::Error for ParseVendorError {}

impl FromStr for Vendor {
    type Err = ParseVendorError;

    fn from_str(s: &str) -> core::result::Result<Self, ParseVendorError> {
        Vendor::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(ParseVendorError)
    }
}

/// The option a piece of identity came from.
///
/// ```
/// use ztp_options::{Family, vendor::Source};
///
/// assert_eq!(Source::V4VendorClasses.code(), 124);
/// assert_eq!(Source::V6ClientId.family(), Family::V6);
/// assert_eq!(Source::V4UserClass.to_string(), "dhcpv4 option 77");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Source {
    /// DHCPv4 option 60, the vendor class.
    V4VendorClass,
    /// DHCPv4 option 124, the V-I vendor class.
    V4VendorClasses,
    /// DHCPv4 option 125, the V-I vendor-specific information.
    V4VendorSpecific,
    /// DHCPv4 option 77, the user class.
    V4UserClass,
    /// DHCPv4 option 61, the client identifier.
    V4ClientId,
    /// DHCPv6 option 15, the user class.
    V6UserClass,
    /// DHCPv6 option 17, vendor-specific information.
    V6VendorOpts,
    /// DHCPv6 option 16, the vendor class.
    V6VendorClass,
    /// DHCPv6 option 1, the client identifier (DUID).
    V6ClientId,
}

impl Source {
    /// DHCPv4 or DHCPv6.
    pub const fn family(self) -> Family {
        match self {
            Source::V4VendorClass
            | Source::V4VendorClasses
            | Source::V4VendorSpecific
            | Source::V4UserClass
            | Source::V4ClientId => Family::V4,
            _ => Family::V6,
        }
    }

    /// The option code.
    pub const fn code(self) -> u16 {
        match self {
            Source::V4VendorClass => 60,
            Source::V4VendorClasses => 124,
            Source::V4VendorSpecific => 125,
            Source::V4UserClass => 77,
            Source::V4ClientId => 61,
            Source::V6UserClass => 15,
            Source::V6VendorOpts => 17,
            Source::V6VendorClass => 16,
            Source::V6ClientId => 1,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} option {}", self.family(), self.code())
    }
}

/// A value and the option it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

/// The IOS-XR boot phase a request belongs to (CR3), from its user class.
///
/// ```
/// use ztp_options::vendor::Phase;
///
/// assert_eq!(Phase::from_user_class(b"exr-config"), Some(Phase::ExrConfig));
/// assert_eq!(Phase::Ipxe.as_str(), "iPXE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub enum Phase {
    /// `iPXE`: the image phase; the reply's file is an image (`.iso`).
    Ipxe,
    /// `exr-config`: the ZTP phase; the reply's file is the ZTP script or
    /// configuration.
    ExrConfig,
}

impl Phase {
    /// The user class text.
    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Ipxe => "iPXE",
            Phase::ExrConfig => "exr-config",
        }
    }

    /// The phase a user class value names (exact match).
    pub fn from_user_class(value: &[u8]) -> Option<Phase> {
        match value {
            b"iPXE" => Some(Phase::Ipxe),
            b"exr-config" => Some(Phase::ExrConfig),
            _ => None,
        }
    }
}

/// A vendor-specific field of an identity, beyond model, serial and
/// version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Detail<'a> {
    /// The architecture token of Cumulus's `cumulus-linux <arch>` (CU1).
    Arch(&'a str),
    /// The service tag (`ST=`) of Dell OS9's option 60 (D6).
    ServiceTag(&'a str),
}

/// A device that is not one of the switches of [`Vendor`], recognised so
/// that it is not mistaken for one (G2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum OtherDevice {
    /// An Aruba access point (`ArubaInstantAP`, `ArubaAP`): not an AOS-CX
    /// switch (AR1).
    ArubaAccessPoint,
    /// Nokia SR OS (`NOKIA:`): not SR Linux (N1).
    NokiaSrOs,
}

/// Two sources naming different vendors (G1): the first decides, the
/// other is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Conflict {
    /// The vendor that decided, and its source.
    pub first: Sourced<Vendor>,
    /// The later source's vendor.
    pub other: Sourced<Vendor>,
}

/// What option 61 (or the DUID's identifier) holds, G4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum ClientIdForm {
    /// Type byte 0 then printable text: the type byte is stripped and the
    /// text kept ("type 0", G4).
    TypeZero,
    /// Printable text with no type byte (SONiC, S1).
    Text,
    /// Anything else, kept whole and raw.
    Raw,
}

/// Option 61 as G4 reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ClientId<'a> {
    /// The form.
    pub form: ClientIdForm,
    /// The text after the type byte ([`ClientIdForm::TypeZero`]), the
    /// text ([`ClientIdForm::Text`]) or the whole value.
    pub value: &'a [u8],
}

/// A remark about the evidence that is not an error of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Note {
    /// A known form that is malformed: the form of `vendor` (its
    /// [`Vendor::identity_rule`]) with fields missing or empty (A1:
    /// "malformed vendor class").
    Malformed {
        /// Where.
        source: Source,
        /// Whose form.
        vendor: Vendor,
    },
    /// An option that does not frame (G5: a length that overruns, with the
    /// offset); what it holds is not read.
    Framing {
        /// Where.
        source: Source,
        /// The error, with its offset.
        error: DecodeError,
    },
    /// A trailing NUL stripped from a value (CR2: the DUID's serial; R7).
    TrailingNul {
        /// Where.
        source: Source,
    },
    /// A DHCPv4 option sent in several instances (RFC 3396): only the
    /// first is read (identity options are short; decoding does not
    /// allocate to join them).
    Split {
        /// Where.
        source: Source,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Malformed { source, vendor } => write!(
                f,
                "{source}: malformed {vendor} identity ({})",
                vendor.identity_rule()
            ),
            Note::Framing { source, error } => write!(f, "{source}: not read: {error}"),
            Note::TrailingNul { source } => write!(f, "{source}: trailing nul stripped"),
            Note::Split { source } => {
                write!(f, "{source}: sent in several instances, the first read")
            }
        }
    }
}

/// How many [`Note`]s an identity keeps.
pub const NOTES: usize = 6;

/// The notes of an identity, in the order found (at most [`NOTES`]; more
/// are counted, not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Notes {
    kept: [Option<Note>; NOTES],
    dropped: u8,
}

impl Notes {
    fn push(&mut self, note: Note) {
        match self.kept.iter_mut().find(|n| n.is_none()) {
            Some(slot) => *slot = Some(note),
            None => self.dropped = self.dropped.saturating_add(1),
        }
    }

    /// The notes kept.
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.kept.iter().flatten()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.kept.iter().all(Option::is_none)
    }

    /// How many more were found than kept.
    pub fn dropped(&self) -> usize {
        usize::from(self.dropped)
    }
}

/// The raw evidence, kept whatever it names (unknown forms are never an
/// error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Raw<'a> {
    /// v4 option 60, or the first class item of v6 option 16.
    pub vendor_class: Option<&'a [u8]>,
    /// v4 option 77 or v6 option 15, the whole value.
    pub user_class: Option<&'a [u8]>,
    /// v4 option 61 or v6 option 1, the whole value.
    pub client_id: Option<&'a [u8]>,
    /// The first enterprise number seen (v4 124/125, v6 17/16), with its
    /// source (A2: reported, not checked).
    pub enterprise: Option<Sourced<u32>>,
}

/// Who a client says it is, read from its DHCPv4 or DHCPv6 message: each
/// field with the option it came from (G1).
///
/// ```
/// use ztp_options::v4::{MessageRepr, OptionCode, OptionSet};
/// use ztp_options::vendor::{Identity, Phase, Source, Vendor};
///
/// // CR1: IOS-XR's PXE class with the PID, and a raw user class.
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_CLASS, b"PXEClient:Arch:00009:UNDI:003010:PID:NCS-5508".to_vec())?;
/// set.insert(OptionCode::USER_CLASS, b"exr-config".to_vec())?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let id = Identity::from_v4(&bytes)?;
/// assert_eq!(id.vendor(), Some(Vendor::CiscoIosXr));
/// assert_eq!(id.model.map(|m| m.value), Some("NCS-5508"));
/// assert_eq!(id.phase.map(|p| (p.value, p.source)), Some((Phase::ExrConfig, Source::V4UserClass)));
/// assert!(id.conflict.is_none() && id.notes.is_empty());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Identity<'a> {
    /// The vendor, from the first source that names one (G1).
    pub vendor: Option<Sourced<Vendor>>,
    /// The model (PID, product name).
    pub model: Option<Sourced<&'a str>>,
    /// The serial number (ESN).
    pub serial: Option<Sourced<&'a str>>,
    /// The software version.
    pub version: Option<Sourced<&'a str>>,
    /// The IOS-XR phase (CR3).
    pub phase: Option<Sourced<Phase>>,
    /// A vendor-specific field.
    pub detail: Option<Sourced<Detail<'a>>>,
    /// The MAC address of a v6 DUID-LL or DUID-LLT (hardware type 1).
    pub mac: Option<Sourced<[u8; 6]>>,
    /// A device that is not a switch of [`Vendor`] (G2).
    pub other_device: Option<Sourced<OtherDevice>>,
    /// A later source naming another vendor (G1).
    pub conflict: Option<Conflict>,
    /// Option 61 (v4) or the DUID's identifier as G4 reads it.
    pub client_id: Option<ClientId<'a>>,
    /// The raw values.
    pub raw: Raw<'a>,
    /// Remarks: malformed known forms, options that do not frame.
    pub notes: Notes,
}

/// What one source says, before G1 merges it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Found<'a> {
    pub(crate) vendor: Option<Vendor>,
    pub(crate) model: Option<&'a str>,
    pub(crate) serial: Option<&'a str>,
    pub(crate) version: Option<&'a str>,
    pub(crate) phase: Option<Phase>,
    pub(crate) detail: Option<Detail<'a>>,
    pub(crate) other: Option<OtherDevice>,
    pub(crate) malformed: bool,
}

impl<'a> Found<'a> {
    pub(crate) fn vendor(vendor: Vendor) -> Self {
        Found {
            vendor: Some(vendor),
            ..Found::default()
        }
    }

    pub(crate) fn malformed(vendor: Vendor) -> Self {
        Found {
            vendor: Some(vendor),
            malformed: true,
            ..Found::default()
        }
    }
}

/// A field as text: printable ASCII, not empty.
pub(crate) fn field(bytes: &[u8]) -> Option<&str> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_graphic) {
        return None;
    }
    core::str::from_utf8(bytes).ok()
}

/// Printable ASCII text (spaces allowed), not empty.
pub(crate) fn text(bytes: &[u8]) -> Option<&str> {
    if bytes.is_empty() || !bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        return None;
    }
    core::str::from_utf8(bytes).ok()
}

/// v4 option 60 (G2's table): the first vendor whose form matches.
fn vendor_class_v4(value: &[u8]) -> Option<Found<'_>> {
    juniper::vendor_class(value)
        .or_else(|| arista::vendor_class(value))
        .or_else(|| cisco::vendor_class(value))
        .or_else(|| cumulus::vendor_class(value))
        .or_else(|| dell::vendor_class(value))
        .or_else(|| aruba::vendor_class(value))
        .or_else(|| nokia::vendor_class(value))
}

/// A user class (v4 77, v6 15) item or raw value: `Cisco-POAP`, `iPXE`,
/// `exr-config`, `SONiC-ZTP`.
fn user_class_value(value: &[u8]) -> Option<Found<'static>> {
    cisco::user_class(value).or_else(|| sonic::user_class(value))
}

impl<'a> Identity<'a> {
    /// The vendor, without its source.
    pub fn vendor(&self) -> Option<Vendor> {
        self.vendor.map(|v| v.value)
    }

    fn note(&mut self, note: Note) {
        self.notes.push(note);
    }

    /// G1: merges what one source says.
    fn apply(&mut self, source: Source, found: Found<'a>) {
        if found.malformed {
            if let Some(vendor) = found.vendor {
                self.note(Note::Malformed { source, vendor });
            }
        }
        if let Some(other) = found.other {
            self.other_device.get_or_insert(Sourced {
                value: other,
                source,
            });
        }
        if let Some(value) = found.vendor {
            let named = Sourced { value, source };
            match self.vendor {
                None => self.vendor = Some(named),
                Some(first) if first.value == value => {}
                Some(first) => {
                    if self.conflict.is_none() {
                        self.conflict = Some(Conflict {
                            first,
                            other: named,
                        });
                    }
                    // A source that names another vendor adds nothing.
                    return;
                }
            }
        }
        fn fill<T>(slot: &mut Option<Sourced<T>>, value: Option<T>, source: Source) {
            if slot.is_none() {
                *slot = value.map(|value| Sourced { value, source });
            }
        }
        fill(&mut self.model, found.model, source);
        fill(&mut self.serial, found.serial, source);
        fill(&mut self.version, found.version, source);
        fill(&mut self.phase, found.phase, source);
        fill(&mut self.detail, found.detail, source);
    }

    fn enterprise(&mut self, source: Source, enterprise: u32) {
        self.raw.enterprise.get_or_insert(Sourced {
            value: enterprise,
            source,
        });
    }

    /// Reads the identity of a DHCPv4 client from its message (a
    /// DISCOVER or REQUEST; any message frames the same way).
    ///
    /// # Errors
    ///
    /// Only when the message does not frame (its header, or an option
    /// whose length runs past the message): see
    /// [`v4::Message::new_checked`](crate::v4::Message::new_checked). The
    /// identity options themselves never fail: see [`Note`].
    pub fn from_v4(message: &'a [u8]) -> Result<Self> {
        let msg = crate::v4::Message::new_checked(message)?;
        let mut values = V4Values::default();
        let mut split = [false; 5];
        let mut options = crate::v4::Options::new(msg.into_inner());
        while let Some(opt) = options.next_raw() {
            let (tlv, _) = opt?;
            let i = match tlv.code {
                60 => 0,
                61 => 1,
                77 => 2,
                124 => 3,
                125 => 4,
                _ => continue,
            };
            let slot = match i {
                0 => &mut values.vendor_class,
                1 => &mut values.client_id,
                2 => &mut values.user_class,
                3 => &mut values.vendor_classes,
                _ => &mut values.vendor_specific,
            };
            match slot {
                None => {
                    *slot = Some(tlv.value);
                    if let Some(o) = values.offsets.get_mut(i) {
                        *o = tlv.offset + 2;
                    }
                }
                Some(_) => {
                    if let Some(s) = split.get_mut(i) {
                        *s = true;
                    }
                }
            }
        }
        let mut id = Identity::from_v4_values(values);
        for (i, source) in [
            Source::V4VendorClass,
            Source::V4ClientId,
            Source::V4UserClass,
            Source::V4VendorClasses,
            Source::V4VendorSpecific,
        ]
        .into_iter()
        .enumerate()
        {
            if split.get(i).copied().unwrap_or(false) {
                id.note(Note::Split { source });
            }
        }
        Ok(id)
    }

    /// Reads the identity from DHCPv4 option values the caller already
    /// has (decoded by another codec, joined by [`v4::Message::find`](crate::v4::Message::find)).
    pub fn from_v4_values(values: V4Values<'a>) -> Self {
        let mut id = Identity::default();
        let at = |code: u16, i: usize| {
            Place::option(
                Family::V4,
                code,
                values.offsets.get(i).copied().unwrap_or(0),
            )
        };
        // 1. option 60 (G2).
        if let Some(v) = values.vendor_class {
            id.raw.vendor_class = Some(v);
            if let Some(found) = vendor_class_v4(v) {
                id.apply(Source::V4VendorClass, found);
            }
        }
        // 2. options 124 and 125 (G5).
        if let Some(v) = values.vendor_classes {
            let source = Source::V4VendorClasses;
            match VendorClasses::parse(v, at(124, 3)) {
                Err(error) => id.note(Note::Framing { source, error }),
                Ok(classes) => {
                    for entry in classes.entries() {
                        id.enterprise(source, entry.enterprise);
                        if let Some(found) =
                            cisco::vendor_classes_v4(entry.enterprise, VendorClasses::items(entry))
                        {
                            id.apply(source, found);
                        }
                    }
                }
            }
        }
        if let Some(v) = values.vendor_specific {
            let source = Source::V4VendorSpecific;
            match VendorSpecific::parse(v, at(125, 4)) {
                Err(error) => id.note(Note::Framing { source, error }),
                Ok(info) => {
                    for entry in info.entries() {
                        id.enterprise(source, entry.enterprise);
                    }
                }
            }
        }
        // 3. option 77: RFC 3004 items, or raw text (R6, CR1).
        if let Some(v) = values.user_class {
            id.raw.user_class = Some(v);
            let items = crate::v4::UserClass::frames(v).then_some(V4Items(v));
            id.user_class(Source::V4UserClass, v, items);
        }
        // 4. option 61 (G4).
        if let Some(v) = values.client_id {
            id.raw.client_id = Some(v);
            id.client_id_v4(v);
        }
        id
    }

    fn user_class(&mut self, source: Source, raw: &'a [u8], items: Option<impl ItemsOf<'a>>) {
        let found = items.and_then(|items| {
            items.first().and_then(user_class_value).or_else(|| {
                juniper::user_class(
                    items.clone().nth_item(0),
                    items.clone().nth_item(1),
                    items.nth_item(2),
                )
            })
        });
        // Raw text, not framed (CR1, CR2: both framings accepted).
        if let Some(found) = found.or_else(|| user_class_value(raw)) {
            self.apply(source, found);
        }
    }

    fn client_id_v4(&mut self, v: &'a [u8]) {
        let source = Source::V4ClientId;
        let (form, value) = match v.split_first() {
            Some((0, rest)) if text(rest).is_some() => (ClientIdForm::TypeZero, rest),
            _ if text(v).is_some() => (ClientIdForm::Text, v),
            _ => (ClientIdForm::Raw, v),
        };
        self.client_id = Some(ClientId { form, value });
        let found = match form {
            ClientIdForm::Text => sonic::client_id(value)
                .or_else(|| cisco::client_id(value))
                .unwrap_or_default(),
            ClientIdForm::TypeZero => cisco::client_id(value).unwrap_or(Found {
                serial: field(value),
                ..Found::default()
            }),
            ClientIdForm::Raw => Found::default(),
        };
        self.apply(source, found);
    }

    /// Reads the identity of a DHCPv6 client from its message (relay
    /// messages unwrapped).
    ///
    /// # Errors
    ///
    /// Only when the message does not frame: see
    /// [`v6::Message::new_checked`](crate::v6::Message::new_checked) and
    /// [`v6::Message::innermost`](crate::v6::Message::innermost).
    pub fn from_v6(message: &'a [u8]) -> Result<Self> {
        use crate::v6::{Message, OptionCode};
        let msg = Message::new_checked(message)?.innermost()?;
        let mut id = Identity::default();
        // Check the walk once: a malformed option is the message's error.
        for opt in msg.options() {
            opt?;
        }
        let instances = |code| msg.instances(code).flatten();
        // 1. option 15.
        if let Some(o) = instances(OptionCode::USER_CLASS).next() {
            id.raw.user_class = Some(o.value);
            let items = crate::v6::UserClass::parse(o.value, o.place()).ok();
            id.user_class(Source::V6UserClass, o.value, items.map(V6Items));
        }
        // 2. option 17, then 16 (A2).
        for o in instances(OptionCode::VENDOR_OPTS) {
            let source = Source::V6VendorOpts;
            match crate::v6::VendorOpts::new_checked_at(o.value, o.offset.saturating_add(4)) {
                Err(error) => id.note(Note::Framing { source, error }),
                Ok(opts) => {
                    id.enterprise(source, opts.enterprise());
                    for item in opts.items().flatten() {
                        if let Some(found) = v6_class_item(opts.enterprise(), item.value, true) {
                            id.apply(source, found);
                        }
                    }
                }
            }
        }
        for o in instances(OptionCode::VENDOR_CLASS) {
            let source = Source::V6VendorClass;
            match crate::v6::VendorClass::parse(o.value, o.place()) {
                Err(error) => id.note(Note::Framing { source, error }),
                Ok(class) => {
                    id.enterprise(source, class.enterprise());
                    for item in class.data() {
                        if id.raw.vendor_class.is_none() {
                            id.raw.vendor_class = Some(item);
                        }
                        if let Some(found) = v6_class_item(class.enterprise(), item, false) {
                            id.apply(source, found);
                        }
                    }
                }
            }
        }
        // 3. the DUID.
        if let Some(o) = instances(OptionCode::CLIENT_ID).next() {
            id.raw.client_id = Some(o.value);
            id.duid(o.value);
        }
        Ok(id)
    }

    fn duid(&mut self, v: &'a [u8]) {
        let source = Source::V6ClientId;
        match v {
            // DUID-LLT / DUID-LL, hardware type 1 (Ethernet).
            [0, 1, 0, 1, _, _, _, _, mac @ ..] | [0, 3, 0, 1, mac @ ..] => {
                if let Ok(mac) = <[u8; 6]>::try_from(mac) {
                    self.mac = Some(Sourced { value: mac, source });
                }
                self.client_id = Some(ClientId {
                    form: ClientIdForm::Raw,
                    value: v,
                });
            }
            // DUID-EN.
            [0, 2, e0, e1, e2, e3, id @ ..] => {
                let enterprise = u32::from_be_bytes([*e0, *e1, *e2, *e3]);
                let (id, nul) = match id.split_last() {
                    Some((0, head)) => (head, true),
                    _ => (id, false),
                };
                let printable = text(id).is_some();
                self.client_id = Some(ClientId {
                    form: if printable {
                        ClientIdForm::Text
                    } else {
                        ClientIdForm::Raw
                    },
                    value: if printable { id } else { v },
                });
                if printable && nul {
                    self.note(Note::TrailingNul { source });
                }
                if let Some(found) = cisco::duid_en(enterprise, id) {
                    self.apply(source, found);
                }
            }
            _ => {
                self.client_id = Some(ClientId {
                    form: ClientIdForm::Raw,
                    value: v,
                });
            }
        }
    }

    /// The owned form, for a vendor whose identity a request carries
    /// ([`Vendor::is_identified_by_request`]); `None` when no vendor was
    /// named. Only what [`IdentityRepr`] encodes is kept (no MAC from
    /// DHCPv4: it is `chaddr`, not an option).
    ///
    /// ```
    /// use ztp_options::vendor::{IdentityRepr, Vendor, Identity};
    ///
    /// let repr = IdentityRepr::new(Vendor::Cumulus).with_detail_arch("x86_64");
    /// let bytes = ztp_options::v4::MessageRepr::reply(repr.to_v4_options()?).to_vec();
    /// assert_eq!(Identity::from_v4(&bytes)?.to_repr(), Some(repr));
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn to_repr(&self) -> Option<IdentityRepr> {
        repr::from_identity(self)
    }
}

/// The DHCPv4 option values [`Identity::from_v4_values`] reads, each the
/// whole (joined) value.
///
/// ```
/// use ztp_options::vendor::{Identity, Note, Source, V4Values, Vendor};
///
/// let id = Identity::from_v4_values(V4Values {
///     vendor_class: Some(b"Arista;DCS-7050S-64"), // A1: too few fields
///     ..V4Values::default()
/// });
/// assert_eq!(id.vendor(), Some(Vendor::Arista));
/// let note = id.notes.iter().next().copied();
/// assert_eq!(note, Some(Note::Malformed { source: Source::V4VendorClass, vendor: Vendor::Arista }));
/// assert_eq!(note.unwrap().to_string(), "dhcpv4 option 60: malformed arista identity (A1)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct V4Values<'a> {
    /// Option 60.
    pub vendor_class: Option<&'a [u8]>,
    /// Option 61.
    pub client_id: Option<&'a [u8]>,
    /// Option 77.
    pub user_class: Option<&'a [u8]>,
    /// Option 124.
    pub vendor_classes: Option<&'a [u8]>,
    /// Option 125.
    pub vendor_specific: Option<&'a [u8]>,
    /// The offsets of the values' first bytes, in the order above, for
    /// the offsets of [`Note::Framing`] (zeros: offsets in the value).
    pub offsets: [usize; 5],
}

/// One v6 16 or 17 class item (A2, CR2, CU8, R6).
fn v6_class_item(enterprise: u32, item: &[u8], opts: bool) -> Option<Found<'_>> {
    arista::class_string(item)
        .or_else(|| cisco::class_string(item))
        .or_else(|| {
            (!opts)
                .then(|| cisco::v6_vendor_class(enterprise, item))
                .flatten()
        })
        .or_else(|| (!opts).then(|| nvos_class(item)).flatten())
        .or_else(|| {
            (!opts && enterprise == crate::v6::JUNIPER_ENTERPRISE)
                .then(|| juniper::vendor_class(item))
                .flatten()
        })
}

fn nvos_class(item: &[u8]) -> Option<Found<'_>> {
    cumulus::nvos_class(item)
}

/// The items of a user class, either framing.
trait ItemsOf<'a>: Clone {
    fn first(&self) -> Option<&'a [u8]> {
        self.clone().nth_item(0)
    }
    fn nth_item(self, n: usize) -> Option<&'a [u8]>;
}

#[derive(Clone)]
struct V4Items<'a>(&'a [u8]);

impl<'a> ItemsOf<'a> for V4Items<'a> {
    fn nth_item(self, n: usize) -> Option<&'a [u8]> {
        crate::v4::UserClass::items_of(self.0).nth(n)
    }
}

#[derive(Clone)]
struct V6Items<'a>(crate::v6::UserClass<'a>);

impl<'a> ItemsOf<'a> for V6Items<'a> {
    fn nth_item(self, n: usize) -> Option<&'a [u8]> {
        self.0.data().nth(n)
    }
}

/// The plan `vendor`'s device makes from a DHCPv4 reply: what it fetches
/// or contacts, what stops it, and its decisions with the vendor's rule
/// ids (VENDORS.md). `None` for Juniper, whose plan is
/// [`resolve_v4`](crate::resolve_v4)'s [`Plan`](crate::Plan), and for a
/// vendor whose DHCPv4 rules are not built yet, or that has none (CU7:
/// Cumulus reads no DHCPv6; NVOS's plan is not decoded, CU8).
///
/// Built for an explanation (it allocates), never on the decode path.
///
/// ```
/// use ztp_options::v4::Lease;
/// use ztp_options::{samples, vendor::{Vendor, plan_v4}};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// assert!(plan_v4(Vendor::Juniper, &lease).is_none()); // resolve_v4's Plan
/// # Ok::<(), ztp_options::DecodeError>(())
/// ```
pub fn plan_v4(vendor: Vendor, lease: &crate::v4::Lease<'_>) -> Option<VendorPlan> {
    match vendor {
        Vendor::Juniper | Vendor::Nvos => None,
        Vendor::Arista => arista::plan_v4(lease),
        Vendor::CiscoIosXe | Vendor::CiscoPnp | Vendor::CiscoNxos | Vendor::CiscoIosXr => {
            cisco::plan_v4(vendor, lease, None)
        }
        Vendor::Sonic => sonic::plan_v4(lease),
        Vendor::Cumulus => cumulus::plan_v4(lease),
        Vendor::DellOs10 | Vendor::DellOs9 => dell::plan_v4(vendor, lease),
        Vendor::ArubaAosCx => aruba::plan_v4(lease),
        Vendor::ExtremeExos => extreme::plan_v4(lease),
        Vendor::NokiaSrLinux => nokia::plan_v4(lease),
        Vendor::HuaweiVrp => huawei::plan_v4(lease),
    }
}

/// As [`plan_v4`], for a DHCPv6 reply (relays unwrapped by the lease).
pub fn plan_v6(vendor: Vendor, lease: &crate::v6::Lease<'_>) -> Option<VendorPlan> {
    match vendor {
        Vendor::Juniper | Vendor::Nvos => None,
        Vendor::Arista => arista::plan_v6(lease),
        Vendor::CiscoIosXe | Vendor::CiscoPnp | Vendor::CiscoNxos | Vendor::CiscoIosXr => {
            cisco::plan_v6(vendor, lease, None)
        }
        Vendor::Sonic => sonic::plan_v6(lease),
        Vendor::Cumulus => cumulus::plan_v6(lease),
        Vendor::DellOs10 | Vendor::DellOs9 => dell::plan_v6(vendor, lease),
        Vendor::ArubaAosCx => aruba::plan_v6(lease),
        Vendor::ExtremeExos => extreme::plan_v6(lease),
        Vendor::NokiaSrLinux => nokia::plan_v6(lease),
        Vendor::HuaweiVrp => huawei::plan_v6(lease),
    }
}

/// As [`plan_v4`], with the client's request when it is known (G3: the
/// request that matches the reply): IOS-XR then reads its phase (CR3) and
/// checks the data-port items against its serial (CR6). The other vendors'
/// plans do not depend on the request: the same as [`plan_v4`].
///
/// ```
/// use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
/// use ztp_options::vendor::{Identity, Vendor, plan_v4_with};
///
/// let mut req = OptionSet::new();
/// req.insert(OptionCode::USER_CLASS, b"iPXE".to_vec())?;
/// let request = MessageRepr::reply(req).to_vec();
/// let id = Identity::from_v4(&request)?;
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::BOOTFILE_NAME, b"http://192.0.2.9/ncs5500.iso".to_vec())?;
/// let reply = MessageRepr::reply(set).to_vec();
/// let plan = plan_v4_with(Vendor::CiscoIosXr, &Lease::parse(&reply)?, Some(&id)).unwrap();
/// assert!(plan.decisions().any(|d| d.rule == "CR3" && d.id == "phase-ipxe"));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub fn plan_v4_with(
    vendor: Vendor,
    lease: &crate::v4::Lease<'_>,
    request: Option<&Identity<'_>>,
) -> Option<VendorPlan> {
    match vendor {
        Vendor::CiscoIosXr => cisco::plan_v4(vendor, lease, request),
        _ => plan_v4(vendor, lease),
    }
}

/// As [`plan_v6`], with the client's request when it is known (CR3, CR6
/// for IOS-XR; the same as [`plan_v6`] for the other vendors).
pub fn plan_v6_with(
    vendor: Vendor,
    lease: &crate::v6::Lease<'_>,
    request: Option<&Identity<'_>>,
) -> Option<VendorPlan> {
    match vendor {
        Vendor::CiscoIosXr => cisco::plan_v6(vendor, lease, request),
        _ => plan_v6(vendor, lease),
    }
}
