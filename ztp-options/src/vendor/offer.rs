//! Offers: what a DHCP server tells one vendor's switch, as typed values,
//! written into the exact DHCP option bytes that vendor's plan reads
//! ([`super::plan_v4`], [`super::plan_v6`]) and read back from a reply.
//!
//! [`Offer::to_v4_options`] and [`Offer::to_v6_options`] refuse, with a
//! typed [`OfferError`] that names the vendor, the option, the value, the
//! problem and its rule, what the vendor cannot express; they never
//! truncate or rewrite a value. [`Offer::from_v4`] and [`Offer::from_v6`]
//! are their inverses: `Offer::from_v4(vendor, &lease(offer.to_v4_options()?))
//! == offer` for every offer the encoder accepts, and a reply that holds
//! something the offer type cannot carry is refused the same way. The
//! encoders write bytes only; what a plan would log stays in the plan.
//!
//! Each vendor's encoder and reader live in the vendor's own file
//! (`arista.rs`, `cisco/pnp.rs`, `extreme.rs`, ...); this file holds the
//! enum, the dispatch and the error.
//!
//! | vendor | offer | DHCPv4 options written | DHCPv6 options written | refusals (rule) |
//! | --- | --- | --- | --- | --- |
//! | `juniper` | [`PlanBuf`](crate::PlanBuf) | the plan's own encoder (43, 150, 66, ...) | 17 (2636), 59, ... | the plan's [`EncodeError`](crate::EncodeError)s |
//! | `arista` | [`BootFileOffer`] | 67 file, 150 server (G10's first) | 59 URL | bare name without server (G10); v6: a bare name, a server (A5) |
//! | `cisco-iosxe` | [`BootFileOffer`] | 67 file, 150 server | 59 URL | as Arista; a file that reads as a PnP string (CP5) |
//! | `cisco-pnp` | [`PnpOffer`] | 43 `5A1D;B<n>;I<server>;J<port>;K<n>;` | 17 enterprise 9, item 1, the same string (CP6) | `;` in the server (CP2), port 0 |
//! | `cisco-nxos` | [`PoapOffer`] | 67 script, 150 or 66 server, 51 lease | 59 URL | no server, lease under 3600 s (CN2), 66 `https://` (CN3); v6: a server, a bare name (CN5) |
//! | `cisco-iosxr` | [`XrOffer`] | 67 URL, `-k ` before it when insecure | 59, the same | not a URL (CR4) |
//! | `sonic` | [`SonicOffer`] | 67 JSON URL, 239 script URL | 59 JSON URL, 239 script URL | not a URL, a blank (S4), neither (S5) |
//! | `cumulus` | [`ScriptUrlOffer`] | 239 URL | none (CU7) | not a URL, a scheme other than http/https/ftp/tftp (CU2) |
//! | `dell-os10` | [`ScriptUrlOffer`] | 240 URL | none (D2) | not a URL (D2) |
//! | `dell-os9` | [`Os9Offer`] | 67 image, 209 config, 150 server | none (D6) | bare name without server, neither file (D6) |
//! | `aruba-aoscx` | [`ArubaOffer`] | 43 TLV 144 config, 145 image, 146 central, 148 proxy; 66 server | none (AR4) | server not an IPv4 literal (AR2), files without server (AR3), nothing (AR4) |
//! | `extreme-exos` | [`ExosOffer`] | 43 TLV 100 server, 101 files (one item each, in order), 102 trap server | none (E2) | bare name without 100 (E3), no file (E5) |
//! | `nokia-srlinux` | [`BootFileOffer`] | 67 file, 150 server (G10) | 59 URL (N3) | bare name without server (G10) |
//! | `huawei-vrp` | [`HuaweiOffer`] | 67 file, 66 server, 150 server | 59 full URL (H4) | extension not `.ini`/`.py`/`.cfg`, a URL in 67, a 66 that is not a Huawei server (H2), no server (H2) |
//!
//! Every text value follows G8 (SPEC R7): not empty, no NUL or control
//! byte, at most 255 bytes per option. DHCPv6 carries no lease time option:
//! [`PoapOffer::lease_time`] is not written there, and read back as
//! [`PoapOffer::MIN_LEASE_TIME`].
//!
//! ```
//! use ztp_options::v4::{Lease, MessageRepr};
//! use ztp_options::vendor::{ExosOffer, Offer, OfferProblem, Vendor, plan_v4};
//!
//! let mut exos = ExosOffer::new(["config.xsf", "summitX-21.1.2.14.xos"]);
//! let offer = Offer::ExtremeExos(exos.clone());
//! // E3: a bare name needs suboption 100.
//! let err = offer.to_v4_options().unwrap_err();
//! assert_eq!((err.problem, err.rule), (OfferProblem::NeedsServer, "E3"));
//!
//! exos.tftp_server = Some([192, 168, 1, 101].into());
//! let offer = Offer::ExtremeExos(exos);
//! let reply = MessageRepr::reply(offer.to_v4_options()?).to_vec();
//! let lease = Lease::parse(&reply)?;
//! assert_eq!(Offer::from_v4(Vendor::ExtremeExos, &lease)?, offer);
//! assert!(plan_v4(Vendor::ExtremeExos, &lease).unwrap().provisions());
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::net::Ipv4Addr;

use super::{OptionRef, Vendor};
use crate::error::DecodeErrorKind;
use crate::family::Family;

pub use super::aruba::ArubaOffer;
pub use super::cisco::{PnpOffer, PoapOffer, PoapServer, XrOffer};
pub use super::dell::Os9Offer;
pub use super::extreme::ExosOffer;
pub use super::huawei::HuaweiOffer;
pub use super::sonic::SonicOffer;

/// What a DHCP server tells one vendor's switch: the typed values of that
/// vendor's ZTP options. Owned.
///
/// ```
/// use ztp_options::v6::{Lease, MessageRepr};
/// use ztp_options::vendor::{BootFileOffer, Offer, OfferProblem, Vendor, plan_v6};
///
/// // A5: Arista reads option 59 over DHCPv6.
/// let offer = Offer::Arista(BootFileOffer::new("http://[2001:db8::9]/eos/startup.py"));
/// let reply = MessageRepr::reply(offer.to_v6_options()?).to_vec()?;
/// let lease = Lease::parse(&reply)?;
/// assert_eq!(Offer::from_v6(Vendor::Arista, &lease)?, offer);
/// assert!(plan_v6(Vendor::Arista, &lease).unwrap().provisions());
///
/// // CU7: Cumulus has no DHCPv6 ZTP.
/// let cumulus = Offer::Cumulus(ztp_options::vendor::ScriptUrlOffer::new("http://192.0.2.9/ztp.sh"));
/// assert_eq!(cumulus.to_v6_options().unwrap_err().problem, OfferProblem::NotInFamily);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "kebab-case", tag = "vendor", content = "offer")
)]
#[non_exhaustive]
// The Juniper plan is the largest (the API names it unboxed); an offer is
// built once per reply, not on a hot path.
#[allow(clippy::large_enum_variant)]
pub enum Offer {
    /// Juniper: the plan (SPEC R1..R35), written by its own encoder.
    Juniper(crate::PlanBuf),
    /// Arista EOS: 67 (and G10's server), v6 59 (A4, A5).
    Arista(BootFileOffer),
    /// Cisco IOS-XE ZTP: 67 (and G10's server), v6 59 (CX2, CX4).
    #[cfg_attr(feature = "serde", serde(rename = "cisco-iosxe"))]
    CiscoIosXe(BootFileOffer),
    /// Cisco Plug and Play: the option 43 string (CP2), v6 17 (CP6).
    CiscoPnp(PnpOffer),
    /// Cisco NX-OS POAP: 67, 66 or 150, 51 (CN2, CN3), v6 59 (CN5).
    CiscoNxos(PoapOffer),
    /// Cisco IOS-XR: 67 URL, v6 59 (CR4, CR5).
    #[cfg_attr(feature = "serde", serde(rename = "cisco-iosxr"))]
    CiscoIosXr(XrOffer),
    /// SONiC: 67 and/or 239, v6 59 and/or 239 (S2).
    Sonic(SonicOffer),
    /// Cumulus Linux: 239, DHCPv4 only (CU2, CU7).
    Cumulus(ScriptUrlOffer),
    /// Dell OS10: 240, DHCPv4 only (D2).
    #[cfg_attr(feature = "serde", serde(rename = "dell-os10"))]
    DellOs10(ScriptUrlOffer),
    /// Dell OS9 BMP: 67, 209, 150 (D6).
    #[cfg_attr(feature = "serde", serde(rename = "dell-os9"))]
    DellOs9(Os9Offer),
    /// Aruba AOS-CX: 43 suboptions 144..148 and 66, DHCPv4 only (AR2..AR4).
    #[cfg_attr(feature = "serde", serde(rename = "aruba-aoscx"))]
    ArubaAosCx(ArubaOffer),
    /// Extreme EXOS: 43 suboptions 100..102, DHCPv4 only (E2, E3).
    ExtremeExos(ExosOffer),
    /// Nokia SR Linux: 67 (and G10's server), v6 59 (N2, N3).
    NokiaSrLinux(BootFileOffer),
    /// Huawei VRP: 67, 66, 150, v6 59 (H2..H4).
    HuaweiVrp(HuaweiOffer),
}

impl Offer {
    /// The vendor whose rules this offer follows.
    pub fn vendor(&self) -> Vendor {
        match self {
            Offer::Juniper(_) => Vendor::Juniper,
            Offer::Arista(_) => Vendor::Arista,
            Offer::CiscoIosXe(_) => Vendor::CiscoIosXe,
            Offer::CiscoPnp(_) => Vendor::CiscoPnp,
            Offer::CiscoNxos(_) => Vendor::CiscoNxos,
            Offer::CiscoIosXr(_) => Vendor::CiscoIosXr,
            Offer::Sonic(_) => Vendor::Sonic,
            Offer::Cumulus(_) => Vendor::Cumulus,
            Offer::DellOs10(_) => Vendor::DellOs10,
            Offer::DellOs9(_) => Vendor::DellOs9,
            Offer::ArubaAosCx(_) => Vendor::ArubaAosCx,
            Offer::ExtremeExos(_) => Vendor::ExtremeExos,
            Offer::NokiaSrLinux(_) => Vendor::NokiaSrLinux,
            Offer::HuaweiVrp(_) => Vendor::HuaweiVrp,
        }
    }

    /// The DHCPv4 options that carry this offer (the module's table).
    ///
    /// # Errors
    ///
    /// [`OfferError`]: a value the vendor cannot express.
    pub fn to_v4_options(&self) -> Result<crate::v4::OptionSet, OfferError> {
        match self {
            Offer::Juniper(plan) => plan.to_v4_options().map_err(juniper_encode),
            Offer::Arista(o) => super::arista::offer_v4(o),
            Offer::CiscoIosXe(o) => super::cisco::iosxe_offer_v4(o),
            Offer::CiscoPnp(o) => o.to_v4_options(),
            Offer::CiscoNxos(o) => o.to_v4_options(),
            Offer::CiscoIosXr(o) => o.to_v4_options(),
            Offer::Sonic(o) => o.to_v4_options(),
            Offer::Cumulus(o) => super::cumulus::offer_v4(o),
            Offer::DellOs10(o) => super::dell::os10_offer_v4(o),
            Offer::DellOs9(o) => o.to_v4_options(),
            Offer::ArubaAosCx(o) => o.to_v4_options(),
            Offer::ExtremeExos(o) => o.to_v4_options(),
            Offer::NokiaSrLinux(o) => super::nokia::offer_v4(o),
            Offer::HuaweiVrp(o) => o.to_v4_options(),
        }
    }

    /// The DHCPv6 options that carry this offer (the module's table).
    ///
    /// # Errors
    ///
    /// [`OfferError`]: [`OfferProblem::NotInFamily`] for a vendor with no
    /// DHCPv6 ZTP (Cumulus CU7, Dell D2/D6, AOS-CX AR4, EXOS E2) or a
    /// field DHCPv6 cannot carry (a TFTP server address); a value the
    /// vendor cannot express.
    pub fn to_v6_options(&self) -> Result<crate::v6::OptionSet, OfferError> {
        match self {
            Offer::Juniper(plan) => plan.to_v6_options().map_err(juniper_encode),
            Offer::Arista(o) => super::arista::offer_v6(o),
            Offer::CiscoIosXe(o) => super::cisco::iosxe_offer_v6(o),
            Offer::CiscoPnp(o) => o.to_v6_options(),
            Offer::CiscoNxos(o) => o.to_v6_options(),
            Offer::CiscoIosXr(o) => o.to_v6_options(),
            Offer::Sonic(o) => o.to_v6_options(),
            Offer::Cumulus(_) => Err(no_v6(Vendor::Cumulus, 239, "CU7")),
            Offer::DellOs10(_) => Err(no_v6(Vendor::DellOs10, 240, "D2")),
            Offer::DellOs9(_) => Err(no_v6(Vendor::DellOs9, 67, "D6")),
            Offer::ArubaAosCx(_) => Err(no_v6(Vendor::ArubaAosCx, 43, "AR4")),
            Offer::ExtremeExos(_) => Err(no_v6(Vendor::ExtremeExos, 43, "E2")),
            Offer::NokiaSrLinux(o) => super::nokia::offer_v6(o),
            Offer::HuaweiVrp(o) => o.to_v6_options(),
        }
    }

    /// Reads `vendor`'s offer back from a DHCPv4 reply: the inverse of
    /// [`Offer::to_v4_options`]. What the reply holds beyond the offer's
    /// fields (other options, 43's unknown suboptions) is not read.
    ///
    /// # Errors
    ///
    /// [`OfferError`]: [`OfferProblem::NothingOffered`] when the reply
    /// lacks the vendor's trigger, [`OfferProblem::Unsupported`] for a
    /// vendor with no offer type (NVOS), and any refusal of the encoder for
    /// what the reply holds (a value the offer could not be written from).
    pub fn from_v4(vendor: Vendor, lease: &crate::v4::Lease<'_>) -> Result<Offer, OfferError> {
        let offer = match vendor {
            Vendor::Juniper => {
                let plan = crate::resolve_v4(lease).map_err(juniper_decode)?;
                return Ok(Offer::Juniper(plan.to_buf()));
            }
            Vendor::Arista => Offer::Arista(super::arista::read_v4(lease)?),
            Vendor::CiscoIosXe => Offer::CiscoIosXe(super::cisco::iosxe_read_v4(lease)?),
            Vendor::CiscoPnp => Offer::CiscoPnp(PnpOffer::from_v4(lease)?),
            Vendor::CiscoNxos => Offer::CiscoNxos(PoapOffer::from_v4(lease)?),
            Vendor::CiscoIosXr => Offer::CiscoIosXr(XrOffer::from_v4(lease)?),
            Vendor::Sonic => Offer::Sonic(SonicOffer::from_v4(lease)?),
            Vendor::Cumulus => Offer::Cumulus(super::cumulus::read_v4(lease)?),
            Vendor::DellOs10 => Offer::DellOs10(super::dell::os10_read_v4(lease)?),
            Vendor::DellOs9 => Offer::DellOs9(Os9Offer::from_v4(lease)?),
            Vendor::ArubaAosCx => Offer::ArubaAosCx(ArubaOffer::from_v4(lease)?),
            Vendor::ExtremeExos => Offer::ExtremeExos(ExosOffer::from_v4(lease)?),
            Vendor::NokiaSrLinux => Offer::NokiaSrLinux(super::nokia::read_v4(lease)?),
            Vendor::HuaweiVrp => Offer::HuaweiVrp(HuaweiOffer::from_v4(lease)?),
            Vendor::Nvos => return Err(unsupported(Family::V4)),
        };
        // What is read is what the encoder accepts (and refuses the same).
        offer.to_v4_options()?;
        Ok(offer)
    }

    /// Reads `vendor`'s offer back from a DHCPv6 reply: the inverse of
    /// [`Offer::to_v6_options`].
    ///
    /// # Errors
    ///
    /// As [`Offer::from_v4`]; [`OfferProblem::NotInFamily`] for a vendor
    /// with no DHCPv6 ZTP.
    pub fn from_v6(vendor: Vendor, lease: &crate::v6::Lease<'_>) -> Result<Offer, OfferError> {
        let offer = match vendor {
            Vendor::Juniper => {
                let plan = crate::resolve_v6(lease).map_err(juniper_decode)?;
                return Ok(Offer::Juniper(plan.to_buf()));
            }
            Vendor::Arista => Offer::Arista(super::arista::read_v6(lease)?),
            Vendor::CiscoIosXe => Offer::CiscoIosXe(super::cisco::iosxe_read_v6(lease)?),
            Vendor::CiscoPnp => Offer::CiscoPnp(PnpOffer::from_v6(lease)?),
            Vendor::CiscoNxos => Offer::CiscoNxos(PoapOffer::from_v6(lease)?),
            Vendor::CiscoIosXr => Offer::CiscoIosXr(XrOffer::from_v6(lease)?),
            Vendor::Sonic => Offer::Sonic(SonicOffer::from_v6(lease)?),
            Vendor::Cumulus => return Err(no_v6(vendor, 239, "CU7")),
            Vendor::DellOs10 => return Err(no_v6(vendor, 240, "D2")),
            Vendor::DellOs9 => return Err(no_v6(vendor, 67, "D6")),
            Vendor::ArubaAosCx => return Err(no_v6(vendor, 43, "AR4")),
            Vendor::ExtremeExos => return Err(no_v6(vendor, 43, "E2")),
            Vendor::NokiaSrLinux => Offer::NokiaSrLinux(super::nokia::read_v6(lease)?),
            Vendor::HuaweiVrp => Offer::HuaweiVrp(HuaweiOffer::from_v6(lease)?),
            Vendor::Nvos => return Err(unsupported(Family::V6)),
        };
        offer.to_v6_options()?;
        Ok(offer)
    }
}

/// A boot file: option 67 (DHCPv4) or 59 (DHCPv6), and the TFTP server a
/// bare name is fetched from (option 150, the first server G10 reads).
/// Arista (A4, A5), IOS-XE (CX2, CX4) and SR Linux (N2, N3).
///
/// ```
/// use ztp_options::v4::OptionCode;
/// use ztp_options::vendor::{BootFileOffer, Offer};
///
/// let mut boot = BootFileOffer::new("startup.py");
/// boot.tftp_server = Some([192, 0, 2, 10].into());
/// let set = Offer::CiscoIosXe(boot).to_v4_options()?;
/// assert_eq!(set.get(OptionCode::BOOTFILE_NAME), Some(&b"startup.py"[..]));
/// assert_eq!(set.get(OptionCode::TFTP_SERVER_ADDRESS), Some(&[192, 0, 2, 10][..]));
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct BootFileOffer {
    /// A full URL, or (DHCPv4) a bare name fetched by TFTP.
    pub file: String,
    /// Option 150: the TFTP server of a bare name (DHCPv4 only).
    pub tftp_server: Option<Ipv4Addr>,
}

impl BootFileOffer {
    /// The file, no server.
    pub fn new(file: impl Into<String>) -> Self {
        BootFileOffer {
            file: file.into(),
            tftp_server: None,
        }
    }
}

/// A script URL in one private option: Cumulus 239 (CU2), Dell OS10 240
/// (D2).
///
/// ```
/// use ztp_options::vendor::{Offer, OfferProblem, ScriptUrlOffer};
///
/// let offer = Offer::DellOs10(ScriptUrlOffer::new("http://192.0.2.9/ztd.sh"));
/// let set = offer.to_v4_options()?;
/// assert_eq!(set.get(ztp_options::v4::OptionCode::new(240)), Some(&b"http://192.0.2.9/ztd.sh"[..]));
/// let bare = Offer::DellOs10(ScriptUrlOffer::new("ztd.sh"));
/// assert_eq!(bare.to_v4_options().unwrap_err().problem, OfferProblem::NotAUrl);
/// # Ok::<(), ztp_options::vendor::OfferError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ScriptUrlOffer {
    /// The script's URL.
    pub url: String,
}

impl ScriptUrlOffer {
    /// The URL.
    pub fn new(url: impl Into<String>) -> Self {
        ScriptUrlOffer { url: url.into() }
    }
}

/// What the vendor cannot express, in [`OfferError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum OfferProblem {
    /// An empty value (G8).
    Empty,
    /// A NUL or control byte, or (PnP, CP2) a byte that is not printable
    /// ASCII (G8).
    NotText,
    /// A value longer than its option or suboption holds (G8: 255 bytes).
    TooLong {
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A value the vendor reads only as a full `scheme://` URL (G9).
    NotAUrl,
    /// A URL where the vendor reads a file name (H2).
    NotAName,
    /// A scheme the vendor does not fetch (CU2, CN3).
    Scheme,
    /// A space or a tab in a URL (S4).
    Blank,
    /// A bare name and no server to fetch it from (E3, G10, AR3, D6, CN2,
    /// H2).
    NeedsServer,
    /// A server that must be an IPv4 literal (AR2).
    NotIpv4Literal,
    /// A `;` in a PnP value (CP2).
    Separator,
    /// A port the vendor cannot use (port 0 in a PnP string, CP2).
    BadPort,
    /// A file name whose extension the vendor refuses (H2).
    BadExtension,
    /// A Huawei file server that is not one of H2's forms.
    BadServer,
    /// A boot file that reads as a PnP string (CP5).
    LooksLikePnp,
    /// A value the family cannot carry, or a vendor with no ZTP in it.
    NotInFamily,
    /// A lease shorter than the vendor accepts (CN2: 3600 s).
    LeaseTooShort,
    /// An option the offer needs is absent from a reply (CN2's 51).
    Missing,
    /// Nothing that triggers ZTP (S5, AR4, E5, D6, ...).
    NothingOffered,
    /// An option of the reply that does not decode.
    Malformed,
    /// A vendor with no offer type (NVOS).
    Unsupported,
}

impl OfferProblem {
    /// The stable text: `empty`, `not text`, ...
    pub const fn as_str(&self) -> &'static str {
        match self {
            OfferProblem::Empty => "empty",
            OfferProblem::NotText => "not text (a nul or control byte)",
            OfferProblem::TooLong { .. } => "too long",
            OfferProblem::NotAUrl => "not a url (no scheme://)",
            OfferProblem::NotAName => "a url where a file name is read",
            OfferProblem::Scheme => "a scheme the vendor does not fetch",
            OfferProblem::Blank => "a space or a tab in a url",
            OfferProblem::NeedsServer => "a bare name needs a server",
            OfferProblem::NotIpv4Literal => "not an ipv4 literal",
            OfferProblem::Separator => "a ';' inside a pnp value",
            OfferProblem::BadPort => "a bad port",
            OfferProblem::BadExtension => "an extension the vendor refuses",
            OfferProblem::BadServer => "not a file server the vendor reads",
            OfferProblem::LooksLikePnp => "reads as a pnp string",
            OfferProblem::NotInFamily => "not carried in this family",
            OfferProblem::LeaseTooShort => "lease too short",
            OfferProblem::Missing => "missing",
            OfferProblem::NothingOffered => "nothing that triggers ztp",
            OfferProblem::Malformed => "does not decode",
            OfferProblem::Unsupported => "no offer type for this vendor",
        }
    }
}

impl fmt::Display for OfferProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfferProblem::TooLong { len, max } => write!(f, "too long ({len} bytes, max {max})"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// A refusal: what the vendor cannot express. Says the vendor, the option
/// (family, code, suboption), the value, the problem and its rule id.
///
/// ```
/// use ztp_options::vendor::{ArubaOffer, Offer, OfferProblem};
///
/// // AR2: AOS-CX needs an IPv4 literal in option 66.
/// let mut aruba = ArubaOffer::new();
/// aruba.config = Some("sw1.cfg".into());
/// aruba.tftp_server = Some("files.example.net".into());
/// let err = Offer::ArubaAosCx(aruba).to_v4_options().unwrap_err();
/// assert_eq!((err.problem, err.rule, err.at.option), (OfferProblem::NotIpv4Literal, "AR2", 66));
/// assert_eq!(
///     err.to_string(),
///     "aruba-aoscx: dhcpv4 option 66 \"files.example.net\": not an ipv4 literal (AR2)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct OfferError {
    /// The vendor.
    pub vendor: Vendor,
    /// The option (and suboption) the value is for.
    pub at: OptionRef,
    /// The value, as given (lossy for bytes that are not UTF-8).
    pub value: String,
    /// What is wrong.
    pub problem: OfferProblem,
    /// The rule that says so (`E3`, `CP2`, `G8`, ...).
    pub rule: &'static str,
}

impl OfferError {
    /// A refusal of `value` at `at`.
    pub fn new(
        vendor: Vendor,
        at: OptionRef,
        value: impl Into<String>,
        problem: OfferProblem,
        rule: &'static str,
    ) -> Self {
        OfferError {
            vendor,
            at,
            value: value.into(),
            problem,
            rule,
        }
    }

    /// The rule id.
    pub fn rule(&self) -> &'static str {
        self.rule
    }
}

impl fmt::Display for OfferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} {} {:?}: {} ({})",
            self.vendor, self.at.family, self.at, self.value, self.problem, self.rule
        )
    }
}

impl core::error::Error for OfferError {}

// ------------------------------------------------ helpers for the vendors

/// The most a DHCPv4 option value (and a text value anywhere) holds: G8.
pub(crate) const MAX_TEXT: usize = 255;

/// G8: `value` as a text option: not empty, no NUL or control byte, at
/// most 255 bytes. `rule` is the vendor's rule for an empty value.
pub(crate) fn text(
    vendor: Vendor,
    at: OptionRef,
    value: &str,
    rule: &'static str,
) -> Result<(), OfferError> {
    let refuse = |problem, rule| Err(OfferError::new(vendor, at, value, problem, rule));
    match crate::text::check_owned(value) {
        Ok(()) => {}
        Err(DecodeErrorKind::Empty) => return refuse(OfferProblem::Empty, rule),
        Err(_) => return refuse(OfferProblem::NotText, "G8"),
    }
    if value.len() > MAX_TEXT {
        return refuse(
            OfferProblem::TooLong {
                len: value.len(),
                max: MAX_TEXT,
            },
            "G8",
        );
    }
    Ok(())
}

/// [`text`], then a full URL as [`super::forms::split_scheme`] reads it.
pub(crate) fn url(
    vendor: Vendor,
    at: OptionRef,
    value: &str,
    rule: &'static str,
) -> Result<(), OfferError> {
    text(vendor, at, value, rule)?;
    if super::forms::split_scheme(value).is_none() {
        return Err(OfferError::new(
            vendor,
            at,
            value,
            OfferProblem::NotAUrl,
            rule,
        ));
    }
    Ok(())
}

/// A value of `family` that the vendor cannot carry there.
pub(crate) fn not_in_family(
    vendor: Vendor,
    at: OptionRef,
    value: impl Into<String>,
    rule: &'static str,
) -> OfferError {
    OfferError::new(vendor, at, value, OfferProblem::NotInFamily, rule)
}

/// A vendor with no DHCPv6 ZTP: its DHCPv4 trigger has no DHCPv6 form.
fn no_v6(vendor: Vendor, code: u16, rule: &'static str) -> OfferError {
    not_in_family(vendor, OptionRef::v4(code), "", rule)
}

fn unsupported(family: Family) -> OfferError {
    let at = match family {
        Family::V4 => OptionRef::v4(0),
        Family::V6 => OptionRef::v6(0),
    };
    OfferError::new(Vendor::Nvos, at, "", OfferProblem::Unsupported, "CU8")
}

/// Nothing the vendor reads is in the reply.
pub(crate) fn nothing(vendor: Vendor, at: OptionRef, rule: &'static str) -> OfferError {
    OfferError::new(vendor, at, "", OfferProblem::NothingOffered, rule)
}

/// An option of a reply that does not decode.
pub(crate) fn malformed(
    vendor: Vendor,
    at: OptionRef,
    raw: &[u8],
    rule: &'static str,
) -> OfferError {
    OfferError::new(
        vendor,
        at,
        String::from_utf8_lossy(raw).into_owned(),
        OfferProblem::Malformed,
        rule,
    )
}

/// A DHCPv4 option set of `(code, value)` in order. The codes are never
/// 0 or 255 (the only codes [`crate::v4::OptionSet::insert`] refuses).
pub(crate) fn v4_set(options: Vec<(u8, Vec<u8>)>) -> crate::v4::OptionSet {
    let mut set = crate::v4::OptionSet::new();
    for (code, value) in options {
        // Codes 0 and 255 are never passed: the error cannot happen.
        let _ = set.insert(crate::v4::OptionCode::new(code), value);
    }
    set
}

/// A DHCPv6 option set of `(code, value)` in order.
pub(crate) fn v6_set(options: Vec<(u16, Vec<u8>)>) -> crate::v6::OptionSet {
    let mut set = crate::v6::OptionSet::new();
    for (code, value) in options {
        set.push(crate::v6::OptionCode::new(code), value);
    }
    set
}

/// The bytes as text (G8: one trailing NUL tolerated), or the refusal.
fn as_text(
    vendor: Vendor,
    at: OptionRef,
    raw: &[u8],
    rule: &'static str,
) -> Result<String, OfferError> {
    let place = crate::error::Place::option(at.family, at.option, 0);
    let place = match at.suboption {
        Some(s) => place.suboption(s, 0),
        None => place,
    };
    crate::text::Text::parse(raw, place)
        .and_then(|t| t.as_str().map(ToString::to_string))
        .map_err(|e| {
            let problem = match e.kind() {
                DecodeErrorKind::Empty => OfferProblem::Empty,
                _ => OfferProblem::NotText,
            };
            let rule = if problem == OfferProblem::Empty {
                rule
            } else {
                "G8"
            };
            OfferError::new(
                vendor,
                at,
                String::from_utf8_lossy(raw).into_owned(),
                problem,
                rule,
            )
        })
}

/// DHCPv4 option `code` of a reply as text (G8), `None` when absent.
pub(crate) fn read_v4(
    vendor: Vendor,
    lease: &crate::v4::Lease<'_>,
    code: u8,
    rule: &'static str,
) -> Result<Option<String>, OfferError> {
    let at = OptionRef::v4(code.into());
    match super::forms::v4_raw(lease, code) {
        Ok(None) => Ok(None),
        Ok(Some((raw, _))) => as_text(vendor, at, &raw, rule).map(Some),
        Err(_) => Err(malformed(vendor, at, &[], rule)),
    }
}

/// A text suboption's bytes (43 items), as text.
pub(crate) fn read_item(
    vendor: Vendor,
    at: OptionRef,
    raw: &[u8],
    rule: &'static str,
) -> Result<String, OfferError> {
    as_text(vendor, at, raw, rule)
}

/// DHCPv6 option `code` of a reply (its first instance) as text (G8),
/// `None` when absent.
pub(crate) fn read_v6(
    vendor: Vendor,
    lease: &crate::v6::Lease<'_>,
    code: u16,
    rule: &'static str,
) -> Result<Option<String>, OfferError> {
    match super::forms::v6_raw(lease, code) {
        None => Ok(None),
        Some((raw, _)) => as_text(vendor, OptionRef::v6(code), raw, rule).map(Some),
    }
}

/// Option 150's first address (the one every vendor here reads), `None`
/// when absent.
pub(crate) fn read_150(
    vendor: Vendor,
    lease: &crate::v4::Lease<'_>,
    rule: &'static str,
) -> Result<Option<Ipv4Addr>, OfferError> {
    match lease.tftp_server_addresses() {
        Ok(Some(list)) if !list.is_empty() => Ok(Some(list.first())),
        Ok(_) => Ok(None),
        Err(_) => Err(malformed(
            vendor,
            OptionRef::v4(150),
            lease
                .value_bytes(crate::v4::OptionCode::TFTP_SERVER_ADDRESS)
                .unwrap_or(&[]),
            rule,
        )),
    }
}

/// Option 150 holding one address.
pub(crate) fn addr_150(a: Ipv4Addr) -> (u8, Vec<u8>) {
    (150, a.octets().to_vec())
}

/// Juniper's encoder errors as refusals.
fn juniper_encode(e: crate::EncodeError) -> OfferError {
    use crate::EncodeErrorKind as K;
    let item = e.item();
    let at = OptionRef {
        family: item.family(),
        option: item.option_code().unwrap_or(0),
        suboption: item.suboption_code(),
        field: None,
    };
    let (problem, rule) = match e.kind() {
        K::WrongFamily { .. } | K::NotInFamily => (OfferProblem::NotInFamily, "R29"),
        K::TooLong { len, max } => (OfferProblem::TooLong { len, max }, "R7"),
        K::BadText {
            kind: DecodeErrorKind::Empty,
        } => (OfferProblem::Empty, "R7"),
        K::BadText { .. } => (OfferProblem::NotText, "R7"),
        _ => (OfferProblem::Malformed, "R29"),
    };
    OfferError::new(Vendor::Juniper, at, e.to_string(), problem, rule)
}

/// Juniper's resolver refusals.
fn juniper_decode(e: crate::CannotProceed) -> OfferError {
    use crate::CannotProceed as C;
    let (at, problem, rule) = match e {
        C::NoFileServer => (OptionRef::v4(150), OfferProblem::NeedsServer, "R13"),
        C::NoBootFileUrl => (OptionRef::v6(59), OfferProblem::NothingOffered, "R17"),
        C::NothingToFetch => (OptionRef::v4(43), OfferProblem::NothingOffered, "R18"),
        _ => (OptionRef::v4(43), OfferProblem::Malformed, "R7"),
    };
    OfferError::new(Vendor::Juniper, at, e.to_string(), problem, rule)
}

/// [`BootFileOffer`] in DHCPv4, as A4, CX2 and N2 read it: 67, and 150
/// (the first server of G10) when given; a bare name needs it (G10).
pub(crate) fn boot_file_v4(
    vendor: Vendor,
    o: &BootFileOffer,
    rule: &'static str,
) -> Result<crate::v4::OptionSet, OfferError> {
    let at = OptionRef::v4(67);
    text(vendor, at, &o.file, rule)?;
    if super::forms::split_scheme(&o.file).is_none() && o.tftp_server.is_none() {
        return Err(OfferError::new(
            vendor,
            at,
            o.file.as_str(),
            OfferProblem::NeedsServer,
            "G10",
        ));
    }
    let mut options = alloc::vec![(67, o.file.as_bytes().to_vec())];
    options.extend(o.tftp_server.map(addr_150));
    Ok(v4_set(options))
}

/// [`BootFileOffer`] in DHCPv6, as A5, CX4 and N3 read it: 59, a full URL;
/// no server (DHCPv6 has no 150).
pub(crate) fn boot_file_v6(
    vendor: Vendor,
    o: &BootFileOffer,
    rule: &'static str,
) -> Result<crate::v6::OptionSet, OfferError> {
    if let Some(a) = o.tftp_server {
        return Err(not_in_family(
            vendor,
            OptionRef::v4(150),
            a.to_string(),
            rule,
        ));
    }
    url(vendor, OptionRef::v6(59), &o.file, rule)?;
    Ok(v6_set(alloc::vec![(59, o.file.as_bytes().to_vec())]))
}

/// The inverse of [`boot_file_v4`]: 67 and 150's first address.
pub(crate) fn read_boot_file_v4(
    vendor: Vendor,
    lease: &crate::v4::Lease<'_>,
    rule: &'static str,
) -> Result<BootFileOffer, OfferError> {
    let file = read_v4(vendor, lease, 67, rule)?
        .ok_or_else(|| nothing(vendor, OptionRef::v4(67), rule))?;
    Ok(BootFileOffer {
        file,
        tftp_server: read_150(vendor, lease, rule)?,
    })
}

/// The inverse of [`boot_file_v6`]: 59.
pub(crate) fn read_boot_file_v6(
    vendor: Vendor,
    lease: &crate::v6::Lease<'_>,
    rule: &'static str,
) -> Result<BootFileOffer, OfferError> {
    let file = read_v6(vendor, lease, 59, rule)?
        .ok_or_else(|| nothing(vendor, OptionRef::v6(59), rule))?;
    Ok(BootFileOffer::new(file))
}
