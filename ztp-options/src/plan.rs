//! What ZTP will do with one binding: [`Plan`], borrowed from the lease it
//! was resolved from, and [`PlanBuf`], its owned form.
//!
//! A plan cannot hold impossible states: its family is its file server's
//! ([`FileServer::V4`] or [`FileServer::V6`]), each field says where it came
//! from with an enum of its own ([`ImageSource`], [`ModeSource`],
//! [`V4ServerSource`], [`PortSource`]), and what the rules ignored is a
//! typed record ([`Ignored`]), not text in the decision log.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::decision::{Decisions, Log};
use crate::family::Family;
use crate::suboption::{ImageType, Port, RawSuboption, SuboptionCode, TransferMode};
use crate::sztp::{BootstrapServers, RedirectRepr};
use crate::tlv::{V4Suboptions, V6Items, Walk};

macro_rules! source_enum {
    ($(#[$outer:meta])* $name:ident { $( $(#[$doc:meta])* $variant:ident => $id:literal, )* }) => {
        $(#[$outer])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        pub enum $name {
            $( $(#[$doc])* #[cfg_attr(feature = "serde", serde(rename = $id))] $variant, )*
        }

        impl $name {
            /// The stable name (`suboption-00`, `option-150`, `default`, ...).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $id, )*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

source_enum! {
    /// Where the image name came from (R10, R15).
    #[non_exhaustive]
    ImageSource {
        /// Suboption 00.
        Suboption00 => "suboption-00",
        /// Suboption 04, with no 00 (R10).
        Suboption04 => "suboption-04",
        /// DHCPv6: the path of option 59, with no image in option 17 (R15).
        Option59 => "option-59",
    }
}

source_enum! {
    /// Where the configuration name came from: always suboption 01.
    #[non_exhaustive]
    ConfigSource {
        /// Suboption 01.
        Suboption01 => "suboption-01",
    }
}

source_enum! {
    /// Where the transfer mode came from (R11, R14).
    #[non_exhaustive]
    ModeSource {
        /// Suboption 03.
        Suboption03 => "suboption-03",
        /// DHCPv4 with no suboption 03: TFTP (R11).
        Default => "default",
        /// DHCPv6 with no suboption 03: the scheme of option 59 (R14).
        Option59 => "option-59",
    }
}

source_enum! {
    /// Where a DHCPv4 file server came from (R4, R12, R3).
    #[non_exhaustive]
    V4ServerSource {
        /// Option 150 (its first address, R4).
        Option150 => "option-150",
        /// Option 66, an address literal, with no option 150 (R3, R12).
        Option66 => "option-66",
    }
}

source_enum! {
    /// Where a port the lease gives came from (R16, R20).
    ///
    /// Exhaustive, unlike the other sources: `ztp-fetch-url` maps each
    /// variant to its own port source one to one, so a new source is a
    /// breaking change of both crates, not a silent fallback.
    PortSource {
        /// Suboption 05.
        Suboption05 => "suboption-05",
        /// DHCPv6: the port of option 59 (R16).
        Option59 => "option-59",
    }
}

/// The file server, an address literal, never a name (R3, R22); its
/// variant is the plan's family.
///
/// ```
/// use ztp_options::{Family, FileServer, V4ServerSource, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// // The variant is the family; the address is a literal, never a name (R3, R22).
/// let FileServer::V4 { address, source } = plan.file_server else { panic!() };
/// assert_eq!((address.to_string(), source), ("192.0.2.10".into(), V4ServerSource::Option150));
/// assert_eq!(plan.file_server.family(), Family::V4);
/// assert_eq!(plan.file_server.source_str(), "option-150");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum FileServer {
    /// DHCPv4: from option 150 or 66.
    V4 {
        /// The address.
        address: Ipv4Addr,
        /// Which option gave it.
        source: V4ServerSource,
    },
    /// DHCPv6: the address of option 59 (R17).
    V6 {
        /// The address.
        address: Ipv6Addr,
    },
}

impl FileServer {
    /// As an [`IpAddr`].
    pub const fn ip(self) -> IpAddr {
        match self {
            FileServer::V4 { address, .. } => IpAddr::V4(address),
            FileServer::V6 { address } => IpAddr::V6(address),
        }
    }

    /// The family of the plan.
    pub const fn family(self) -> Family {
        match self {
            FileServer::V4 { .. } => Family::V4,
            FileServer::V6 { .. } => Family::V6,
        }
    }

    /// The stable name of the option that gave it (`option-150`,
    /// `option-66`, `option-59`).
    pub const fn source_str(self) -> &'static str {
        match self {
            FileServer::V4 { source, .. } => source.as_str(),
            FileServer::V6 { .. } => "option-59",
        }
    }
}

impl fmt::Display for FileServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.ip(), f)
    }
}

/// The software image to install.
///
/// ```
/// use ztp_options::{ImageSource, ImageType, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let image = resolve_v4(&lease)?.image.unwrap(); // an ImagePlan, borrowed from the lease
/// assert_eq!(image.name, "junos-install-ex-x86-64-23.4R2.tgz");
/// assert_eq!((image.image_type, image.source), (ImageType::File, ImageSource::Suboption00));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ImagePlan<'a> {
    /// The file name (it may end in `:port`, see R19), borrowed from the
    /// lease.
    pub name: &'a str,
    /// A plain file or a symbolic link (suboption 02).
    pub image_type: ImageType,
    /// Suboption 00, 04, or (DHCPv6) option 59's path.
    pub source: ImageSource,
}

/// The configuration file or script to fetch (suboption 01).
///
/// ```
/// use ztp_options::{ConfigSource, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let config = resolve_v4(&lease)?.config.unwrap();
/// assert_eq!(config.name, "/ztp/ex4300.conf");
/// assert_eq!(config.source(), ConfigSource::Suboption01);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConfigPlan<'a> {
    /// The file name (it may end in `:port`, see R19), borrowed from the
    /// lease.
    pub name: &'a str,
}

impl ConfigPlan<'_> {
    /// Where it came from: always suboption 01.
    pub const fn source(&self) -> ConfigSource {
        ConfigSource::Suboption01
    }
}

/// A port given by the lease (the file name's `:port` suffix is read later,
/// by `ztp-fetch-url`).
///
/// ```
/// use ztp_options::{PortSource, resolve_v6, samples, v6::Lease};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let port = resolve_v6(&lease)?.port.unwrap();
/// // R16: suboption 05 beats option 59's port.
/// assert_eq!((port.port.get(), port.source), (8080, PortSource::Suboption05));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct PortPlan {
    /// The port.
    pub port: Port,
    /// Suboption 05 or option 59.
    pub source: PortSource,
}

/// A list of IPv4 addresses in a plan: borrowed from an option's bytes (4
/// each), or from a plan buffer's vector. Equal lists are equal whatever
/// they borrow from.
///
/// ```
/// use std::net::Ipv4Addr;
/// use ztp_options::{resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// // Option 42's bytes, read as addresses when iterated.
/// assert_eq!(plan.ntp_servers.len(), 2);
/// assert_eq!(plan.ntp_servers.to_vec(), [Ipv4Addr::new(192, 0, 2, 30), Ipv4Addr::new(192, 0, 2, 31)]);
/// // Equal whatever they borrow from (the owned plan's vector).
/// assert_eq!(plan.to_buf().as_plan().ntp_servers, plan.ntp_servers);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Eq)]
#[non_exhaustive]
pub enum Addresses<'a> {
    /// An option's value, a multiple of 4 bytes.
    Wire(&'a [u8]),
    /// Addresses already decoded.
    Decoded(&'a [Ipv4Addr]),
}

impl Default for Addresses<'_> {
    fn default() -> Self {
        Addresses::Decoded(&[])
    }
}

impl<'a> Addresses<'a> {
    /// The addresses, in order.
    pub fn iter(&self) -> impl Iterator<Item = Ipv4Addr> + 'a {
        let (wire, decoded): (&'a [u8], &'a [Ipv4Addr]) = match *self {
            Addresses::Wire(b) => (b, &[]),
            Addresses::Decoded(a) => (&[], a),
        };
        wire.chunks_exact(4)
            .map(|c| Ipv4Addr::from(<[u8; 4]>::try_from(c).unwrap_or([0; 4])))
            .chain(decoded.iter().copied())
    }

    /// How many.
    pub fn len(&self) -> usize {
        match self {
            Addresses::Wire(b) => b.len() / 4,
            Addresses::Decoded(a) => a.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The addresses in a vector.
    pub fn to_vec(&self) -> Vec<Ipv4Addr> {
        self.iter().collect()
    }
}

impl PartialEq for Addresses<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl core::hash::Hash for Addresses<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        for a in self.iter() {
            a.hash(state);
        }
    }
}

/// The vendor suboptions this crate does not interpret, in order: read from
/// the vendor option's bytes when iterated (no walk, no allocation while
/// resolving), or borrowed from a plan buffer.
///
/// ```
/// use ztp_options::{resolve_v4, v4::{Lease, MessageRepr, OptionCode, OptionSet}};
///
/// // Suboption 99 is not one ZTP knows: kept, in order, and sent again.
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_SPECIFIC, b"\x01\x07sw.conf\x63\x02hi".to_vec())?;
/// set.insert(OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// let plan = resolve_v4(&lease)?;
/// assert_eq!(plan.unknown_suboptions.iter().collect::<Vec<_>>(), [(99, &b"hi"[..])]);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Eq)]
#[non_exhaustive]
pub enum UnknownSuboptions<'a> {
    /// A DHCPv4 option 43 value (already checked).
    V4(&'a [u8]),
    /// A DHCPv6 option 17 value after its enterprise number (already
    /// checked).
    V6(&'a [u8]),
    /// Suboptions already collected.
    Decoded(&'a [RawSuboption]),
}

impl Default for UnknownSuboptions<'_> {
    fn default() -> Self {
        UnknownSuboptions::Decoded(&[])
    }
}

impl<'a> UnknownSuboptions<'a> {
    /// Each unknown suboption's code and value, in wire order.
    pub fn iter(&self) -> impl Iterator<Item = (u16, &'a [u8])> + 'a {
        use crate::error::{Place, Within};
        let v4 = match *self {
            UnknownSuboptions::V4(b) => b,
            _ => &[],
        };
        let v6 = match *self {
            UnknownSuboptions::V6(b) => b,
            _ => &[],
        };
        let decoded = match *self {
            UnknownSuboptions::Decoded(d) => d,
            _ => &[],
        };
        let at = Place::header(Family::V4, 0);
        // The values were walked when the plan was resolved: these walks
        // yield no error.
        // Only the wire's known codes are skipped: a plan buffer's list is
        // kept as it is (the encoder refuses a known code there).
        Walk::<V4Suboptions>::new(v4, 0, at, Within::Suboptions)
            .filter_map(Result::ok)
            .chain(Walk::<V6Items>::new(v6, 0, at, Within::Suboptions).filter_map(Result::ok))
            .map(|t| (t.code, t.value))
            .filter(|(code, _)| !SuboptionCode::new(*code).is_known())
            .chain(decoded.iter().map(|r| (r.code, r.value.as_slice())))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// The suboptions, owned.
    pub fn to_vec(&self) -> Vec<RawSuboption> {
        self.iter()
            .map(|(code, value)| RawSuboption {
                code,
                value: value.to_vec(),
            })
            .collect()
    }
}

impl PartialEq for UnknownSuboptions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

/// The enterprise numbers of DHCPv6 option 17 instances that are not
/// Juniper's (R8): read from the message when iterated, or borrowed from a
/// plan buffer.
///
/// ```
/// use ztp_options::{resolve_v6, v6::Lease};
///
/// // Option 17 of enterprise 9 beside Juniper's (R8), and option 59.
/// let mut reply = vec![7, 0, 0, 1];
/// reply.extend_from_slice(b"\x00\x11\x00\x0a\x00\x00\x00\x09\x00\x01\x00\x02hi");
/// reply.extend_from_slice(b"\x00\x11\x00\x0f\x00\x00\x0a\x4c\x00\x01\x00\x07sw.conf");
/// reply.extend_from_slice(b"\x00\x3b\x00\x14http://[2001:db8::1]");
/// let lease = Lease::parse(&reply)?;
/// let plan = resolve_v6(&lease)?;
/// assert_eq!(plan.ignored.other_enterprises.iter().collect::<Vec<_>>(), [9]);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Enterprises<'a> {
    /// The (relay-unwrapped) message's options.
    Wire(crate::v6::Message<'a>),
    /// Already collected.
    Decoded(&'a [u32]),
}

impl Default for Enterprises<'_> {
    fn default() -> Self {
        Enterprises::Decoded(&[])
    }
}

impl<'a> Enterprises<'a> {
    /// The enterprise numbers, in wire order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let (wire, decoded) = match *self {
            Enterprises::Wire(m) => (Some(m), &[][..]),
            Enterprises::Decoded(d) => (None, d),
        };
        wire.into_iter()
            .flat_map(|m| m.options())
            .filter_map(Result::ok)
            .filter(|o| o.code == crate::v6::OptionCode::VENDOR_OPTS)
            .filter_map(|o| o.value.get(..4).and_then(|b| <[u8; 4]>::try_from(b).ok()))
            .map(u32::from_be_bytes)
            .filter(|&e| e != crate::v6::JUNIPER_ENTERPRISE)
            .chain(decoded.iter().copied())
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl PartialEq for Enterprises<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Enterprises<'_> {}

/// What the rules read and did not use, typed: the data behind the
/// decisions that say "ignored".
///
/// ```
/// use ztp_options::{resolve_v6, samples, v6::Lease, TransferMode};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let ignored = resolve_v6(&lease)?.ignored;
/// // What option 17 beat in option 59 (R14, R15, R16), typed.
/// assert_eq!(ignored.url_mode, Some(TransferMode::Http));
/// assert_eq!(ignored.url_path, Some("/img/junos.tgz"));
/// assert_eq!(ignored.url_port.map(|p| p.get()), Some(8080));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ignored<'a> {
    /// R10: suboption 04, ignored because 00 is present (its bytes).
    pub alt_image: Option<&'a [u8]>,
    /// R12: option 66, ignored because 150 is present (its raw bytes).
    pub option66: Option<&'a [u8]>,
    /// R4 (**choice**): the option 150 addresses after the first.
    pub other_servers: Addresses<'a>,
    /// The suboption 05 **choice**: an IPv4 literal in 05 is a file-server
    /// address, recorded but not used (the file server is 150's or 66's).
    pub suboption05_server: Option<Ipv4Addr>,
    /// `siaddr`, set but not used (the file server is 150's or 66's).
    pub siaddr: Option<Ipv4Addr>,
    /// R33: `sname`, set but not used.
    pub sname: Option<&'a [u8]>,
    /// R33: `file`, set but not used (the file names come from option 43).
    pub file: Option<&'a [u8]>,
    /// R33: option 67 (boot file name), present but not used (the file
    /// names come from option 43's suboptions 00 and 01); its raw bytes.
    pub option67: Option<&'a [u8]>,
    /// R14: option 59's scheme, when suboption 03 gave the mode.
    pub url_mode: Option<TransferMode>,
    /// R15: option 59's path, when option 17 gave the image.
    pub url_path: Option<&'a str>,
    /// R16: option 59's port, when suboption 05 gave the port.
    pub url_port: Option<Port>,
    /// R8: option 17 instances of other enterprises, kept and skipped.
    pub other_enterprises: Enterprises<'a>,
    /// R1 (**choice**): bytes after option 43's end code that are not
    /// padding, not read; the offset is in the message, also when option 43
    /// was joined from several instances (RFC 3396).
    pub after_end: Option<crate::v4::Trailing>,
    /// R2 (**choice**): bytes after the DHCPv4 message's end option that
    /// are not padding, not read ([`v4::Lease::after_end`](crate::v4::Lease::after_end)).
    pub message_after_end: Option<crate::v4::Trailing>,
    /// R5 (**choice**): option 7, malformed, left out.
    pub log_servers_left_out: Option<crate::DecodeError>,
    /// R5 (**choice**): option 42, malformed, left out.
    pub ntp_servers_left_out: Option<crate::DecodeError>,
    /// R5 (**choice**): option 12, malformed, left out.
    pub host_name_left_out: Option<crate::DecodeError>,
    /// R31, R32: the SZTP redirect (option 143 or 136), malformed, left out
    /// of the plan, which does not depend on it.
    pub sztp_redirect_left_out: Option<crate::DecodeError>,
}

/// What ZTP will do with one binding: the resolved values, where each came
/// from, what was ignored, and the log of the rules that chose them.
///
/// It borrows from the lease it was resolved from (names, address lists,
/// ignored values), and nothing on the way from bytes to a plan allocates.
/// [`Plan::to_buf`] gives the owned [`PlanBuf`], for callers that keep
/// plans.
///
/// ```
/// use ztp_options::{FileServer, ImageSource, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// assert_eq!(plan.family(), ztp_options::Family::V4);
/// assert!(matches!(plan.file_server, FileServer::V4 { .. }));
/// assert_eq!(plan.image.map(|i| i.source), Some(ImageSource::Suboption00));
/// // R12: the ignored option 66, as the server sent it.
/// assert_eq!(plan.ignored.option66, Some(&b"192.0.2.10"[..]));
/// for d in plan.decisions() {
///     println!("[{}] {} {d}", d.rule(), d.kind().id());
/// }
/// let kept = plan.to_buf(); // owned, with serde
/// assert_eq!(kept.as_plan(), plan);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Plan<'a> {
    /// The image to install, if any.
    pub image: Option<ImagePlan<'a>>,
    /// The configuration or script, if any.
    pub config: Option<ConfigPlan<'a>>,
    /// How files are fetched.
    pub transfer_mode: TransferMode,
    /// Where the transfer mode came from.
    pub transfer_mode_source: ModeSource,
    /// The file server, and so the family.
    pub file_server: FileServer,
    /// A port the lease gives (suboption 05, option 59), if any.
    pub port: Option<PortPlan>,
    /// NTP servers (DHCPv4 option 42).
    pub ntp_servers: Addresses<'a>,
    /// Syslog servers (DHCPv4 option 7).
    pub syslog_servers: Addresses<'a>,
    /// Host name (DHCPv4 option 12).
    pub host_name: Option<&'a str>,
    /// Proxy details (suboption 08).
    pub proxy: Option<&'a str>,
    /// Suboptions this crate does not interpret, kept in order.
    pub unknown_suboptions: UnknownSuboptions<'a>,
    /// The SZTP redirect (DHCPv4 option 143, DHCPv6 option 136): bootstrap
    /// servers, in the order listed, kept beside the option 43/17 plan and
    /// not ranked against it (R31, R32 **choice**).
    pub sztp_redirect: Option<BootstrapServers<'a>>,
    /// What the rules ignored.
    pub ignored: Ignored<'a>,
    /// Every choice made and input ignored, in the order the rules ran.
    pub log: Log,
}

impl<'a> Plan<'a> {
    /// A plan with a file server (its variant is the family) and a transfer
    /// mode, and nothing else: no image, no configuration, no port, empty
    /// lists, nothing ignored, an empty log. Set the fields you need after.
    ///
    /// [`resolve_v4`](crate::resolve_v4) and
    /// [`resolve_v6`](crate::resolve_v6) are the usual way to a plan; this
    /// one is for a plan built by hand (a test, a tool that takes names on
    /// its command line).
    ///
    /// ```
    /// use std::net::Ipv4Addr;
    /// use ztp_options::{ConfigPlan, FileServer, ModeSource, Plan, TransferMode, V4ServerSource};
    ///
    /// let server = FileServer::V4 {
    ///     address: Ipv4Addr::new(192, 0, 2, 10),
    ///     source: V4ServerSource::Option150,
    /// };
    /// let mut plan = Plan::new(server, TransferMode::Http, ModeSource::Suboption03);
    /// plan.config = Some(ConfigPlan { name: "/ztp/ex4300.conf" });
    /// assert!(plan.image.is_none() && !plan.is_complete());
    /// // Encoded and resolved again, it is the same plan.
    /// let options = plan.to_v4_options()?;
    /// assert_eq!(ztp_options::resolve_v4_options(&options)?.as_plan(), plan);
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        file_server: FileServer,
        transfer_mode: TransferMode,
        transfer_mode_source: ModeSource,
    ) -> Self {
        Plan {
            image: None,
            config: None,
            transfer_mode,
            transfer_mode_source,
            file_server,
            port: None,
            ntp_servers: Addresses::default(),
            syslog_servers: Addresses::default(),
            host_name: None,
            proxy: None,
            unknown_suboptions: UnknownSuboptions::default(),
            sztp_redirect: None,
            ignored: Ignored::default(),
            log: Log::new(),
        }
    }

    /// Every field set as [`Plan::new`] sets it, in place: the log is
    /// emptied, not written again.
    pub(crate) fn restart(
        &mut self,
        file_server: FileServer,
        transfer_mode: TransferMode,
        transfer_mode_source: ModeSource,
    ) {
        // Every field named: a new one does not compile until it is reset.
        let Plan {
            image,
            config,
            transfer_mode: mode,
            transfer_mode_source: mode_source,
            file_server: server,
            port,
            ntp_servers,
            syslog_servers,
            host_name,
            proxy,
            unknown_suboptions,
            sztp_redirect,
            ignored,
            log,
        } = self;
        *image = None;
        *config = None;
        *mode = transfer_mode;
        *mode_source = transfer_mode_source;
        *server = file_server;
        *port = None;
        *ntp_servers = Addresses::default();
        *syslog_servers = Addresses::default();
        *host_name = None;
        *proxy = None;
        *unknown_suboptions = UnknownSuboptions::default();
        *sztp_redirect = None;
        *ignored = Ignored::default();
        log.clear();
    }

    /// DHCPv4 or DHCPv6: the file server's family.
    pub const fn family(&self) -> Family {
        self.file_server.family()
    }

    /// Whether the plan has everything: an image, a configuration and (as
    /// every plan) a file server (R29).
    pub const fn is_complete(&self) -> bool {
        self.image.is_some() && self.config.is_some()
    }

    /// The decision log, each entry with the values it is about.
    pub fn decisions(&self) -> Decisions<'a> {
        Decisions::new(*self)
    }

    /// The owned form (this allocates: one string per name, one vector per
    /// list that is not empty).
    #[must_use]
    pub fn to_buf(&self) -> PlanBuf {
        PlanBuf::from(self)
    }
}

/// The owned form of [`Plan`], for callers that keep plans; with serde and
/// arbitrary.
///
/// [`PlanBuf::as_plan`] borrows it back as a [`Plan`]; the two convert
/// without loss.
///
/// ```
/// use ztp_options::{PlanBuf, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// let kept: PlanBuf = plan.to_buf(); // outlives the lease
/// drop(lease);
/// assert_eq!(kept.config.as_deref(), Some("/ztp/ex4300.conf"));
/// // And back to the options a server sends.
/// let options = kept.to_v4_options()?;
/// assert!(options.get(ztp_options::v4::OptionCode::VENDOR_SPECIFIC).is_some());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PlanBuf {
    /// The image to install, if any.
    pub image: Option<ImageBuf>,
    /// The configuration file name, if any (suboption 01).
    pub config: Option<String>,
    /// How files are fetched.
    pub transfer_mode: TransferMode,
    /// Where the transfer mode came from.
    pub transfer_mode_source: ModeSource,
    /// The file server, and so the family.
    pub file_server: FileServer,
    /// A port the lease gives, if any.
    pub port: Option<PortPlan>,
    /// NTP servers (DHCPv4 option 42).
    pub ntp_servers: Vec<Ipv4Addr>,
    /// Syslog servers (DHCPv4 option 7).
    pub syslog_servers: Vec<Ipv4Addr>,
    /// Host name (DHCPv4 option 12).
    pub host_name: Option<String>,
    /// Proxy details (suboption 08).
    pub proxy: Option<String>,
    /// Suboptions this crate does not interpret, in order.
    pub unknown_suboptions: Vec<RawSuboption>,
    /// The SZTP redirect's bootstrap servers (R31, R32).
    pub sztp_redirect: Option<RedirectRepr>,
    /// What the rules ignored.
    pub ignored: IgnoredBuf,
    /// The decision log.
    pub log: Log,
}

/// The owned [`ImagePlan`].
///
/// ```
/// use ztp_options::{FileServer, ImageBuf, ImageSource, ImageType, ModeSource, PlanBuf, TransferMode};
///
/// let server = FileServer::V6 { address: "2001:db8::1".parse()? };
/// let mut plan = PlanBuf::new(server, TransferMode::Http, ModeSource::Suboption03);
/// plan.image = Some(ImageBuf {
///     name: "/img/junos-evo.tgz".into(),
///     image_type: ImageType::Symlink, // suboption 02 "symlink"
///     source: ImageSource::Suboption00,
/// });
/// let options = plan.to_v6_options()?;
/// assert_eq!(options.instances(ztp_options::v6::OptionCode::VENDOR_OPTS).count(), 1);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ImageBuf {
    /// The file name.
    pub name: String,
    /// A plain file or a symbolic link.
    pub image_type: ImageType,
    /// Where it came from.
    pub source: ImageSource,
}

/// The owned [`Ignored`].
///
/// ```
/// use ztp_options::{resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let kept = resolve_v4(&lease)?.to_buf();
/// // R12: the ignored option 66, owned.
/// assert_eq!(kept.ignored.option66.as_deref(), Some(&b"192.0.2.10"[..]));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct IgnoredBuf {
    /// R10: suboption 04's bytes.
    pub alt_image: Option<Vec<u8>>,
    /// R12: option 66's raw bytes.
    pub option66: Option<Vec<u8>>,
    /// R4: the option 150 addresses after the first.
    pub other_servers: Vec<Ipv4Addr>,
    /// Suboption 05 as a file-server address (choice).
    pub suboption05_server: Option<Ipv4Addr>,
    /// `siaddr`.
    pub siaddr: Option<Ipv4Addr>,
    /// R33: `sname`.
    pub sname: Option<Vec<u8>>,
    /// R33: `file`.
    pub file: Option<Vec<u8>>,
    /// R33: option 67's raw bytes.
    pub option67: Option<Vec<u8>>,
    /// R14: option 59's scheme.
    pub url_mode: Option<TransferMode>,
    /// R15: option 59's path.
    pub url_path: Option<String>,
    /// R16: option 59's port.
    pub url_port: Option<Port>,
    /// R8: other enterprises' option 17.
    pub other_enterprises: Vec<u32>,
    /// R1: bytes after option 43's end code.
    pub after_end: Option<crate::v4::Trailing>,
    /// R2: bytes after the message's end option.
    pub message_after_end: Option<crate::v4::Trailing>,
    /// R5: option 7, left out.
    pub log_servers_left_out: Option<crate::DecodeError>,
    /// R5: option 42, left out.
    pub ntp_servers_left_out: Option<crate::DecodeError>,
    /// R5: option 12, left out.
    pub host_name_left_out: Option<crate::DecodeError>,
    /// R31: the SZTP redirect, malformed, left out.
    pub sztp_redirect_left_out: Option<crate::DecodeError>,
}

impl PlanBuf {
    /// An owned plan with a file server (its variant is the family) and a
    /// transfer mode, and nothing else (as [`Plan::new`]); set the fields
    /// you need after. This is how a tool that encodes builds the plan it
    /// sends: [`PlanBuf::to_v4_options`] / [`PlanBuf::to_v6_options`].
    ///
    /// ```
    /// use std::net::Ipv6Addr;
    /// use ztp_options::{FileServer, ImageBuf, ImageSource, ImageType, ModeSource, PlanBuf, TransferMode};
    ///
    /// let server = FileServer::V6 { address: Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1) };
    /// let mut plan = PlanBuf::new(server, TransferMode::Https, ModeSource::Suboption03);
    /// plan.image = Some(ImageBuf {
    ///     name: "/img/junos-evo.tgz".into(),
    ///     image_type: ImageType::File,
    ///     source: ImageSource::Suboption00,
    /// });
    /// let options = plan.to_v6_options()?; // option 17 (enterprise 2636) and 59
    /// let back = ztp_options::resolve_v6_options(&options)?;
    /// assert_eq!(back.image, plan.image);
    /// assert_eq!(back.file_server, plan.file_server);
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        file_server: FileServer,
        transfer_mode: TransferMode,
        transfer_mode_source: ModeSource,
    ) -> Self {
        PlanBuf {
            image: None,
            config: None,
            transfer_mode,
            transfer_mode_source,
            file_server,
            port: None,
            ntp_servers: Vec::new(),
            syslog_servers: Vec::new(),
            host_name: None,
            proxy: None,
            unknown_suboptions: Vec::new(),
            sztp_redirect: None,
            ignored: IgnoredBuf::default(),
            log: Log::new(),
        }
    }

    /// The plan, borrowed from this buffer.
    #[must_use]
    pub fn as_plan(&self) -> Plan<'_> {
        let i = &self.ignored;
        Plan {
            image: self.image.as_ref().map(|i| ImagePlan {
                name: &i.name,
                image_type: i.image_type,
                source: i.source,
            }),
            config: self.config.as_deref().map(|name| ConfigPlan { name }),
            transfer_mode: self.transfer_mode,
            transfer_mode_source: self.transfer_mode_source,
            file_server: self.file_server,
            port: self.port,
            ntp_servers: Addresses::Decoded(&self.ntp_servers),
            syslog_servers: Addresses::Decoded(&self.syslog_servers),
            host_name: self.host_name.as_deref(),
            proxy: self.proxy.as_deref(),
            unknown_suboptions: UnknownSuboptions::Decoded(&self.unknown_suboptions),
            sztp_redirect: self.sztp_redirect.as_ref().map(BootstrapServers::Decoded),
            ignored: Ignored {
                alt_image: i.alt_image.as_deref(),
                option66: i.option66.as_deref(),
                other_servers: Addresses::Decoded(&i.other_servers),
                suboption05_server: i.suboption05_server,
                siaddr: i.siaddr,
                sname: i.sname.as_deref(),
                file: i.file.as_deref(),
                option67: i.option67.as_deref(),
                url_mode: i.url_mode,
                url_path: i.url_path.as_deref(),
                url_port: i.url_port,
                other_enterprises: Enterprises::Decoded(&i.other_enterprises),
                after_end: i.after_end,
                message_after_end: i.message_after_end,
                log_servers_left_out: i.log_servers_left_out,
                ntp_servers_left_out: i.ntp_servers_left_out,
                host_name_left_out: i.host_name_left_out,
                sztp_redirect_left_out: i.sztp_redirect_left_out,
            },
            log: self.log,
        }
    }

    /// DHCPv4 or DHCPv6.
    pub const fn family(&self) -> Family {
        self.file_server.family()
    }

    /// Whether the plan has an image and a configuration (R29).
    pub const fn is_complete(&self) -> bool {
        self.image.is_some() && self.config.is_some()
    }

    /// The decision log, each entry with its values.
    pub fn decisions(&self) -> Decisions<'_> {
        Decisions::new(self.as_plan())
    }
}

impl From<&Plan<'_>> for PlanBuf {
    fn from(p: &Plan<'_>) -> Self {
        let i = &p.ignored;
        PlanBuf {
            image: p.image.map(|i| ImageBuf {
                name: i.name.into(),
                image_type: i.image_type,
                source: i.source,
            }),
            config: p.config.map(|c| c.name.into()),
            transfer_mode: p.transfer_mode,
            transfer_mode_source: p.transfer_mode_source,
            file_server: p.file_server,
            port: p.port,
            ntp_servers: p.ntp_servers.to_vec(),
            syslog_servers: p.syslog_servers.to_vec(),
            host_name: p.host_name.map(String::from),
            proxy: p.proxy.map(String::from),
            unknown_suboptions: p.unknown_suboptions.to_vec(),
            sztp_redirect: p.sztp_redirect.map(|r| r.to_repr()),
            ignored: IgnoredBuf {
                alt_image: i.alt_image.map(<[u8]>::to_vec),
                option66: i.option66.map(<[u8]>::to_vec),
                other_servers: i.other_servers.to_vec(),
                suboption05_server: i.suboption05_server,
                siaddr: i.siaddr,
                sname: i.sname.map(<[u8]>::to_vec),
                file: i.file.map(<[u8]>::to_vec),
                option67: i.option67.map(<[u8]>::to_vec),
                url_mode: i.url_mode,
                url_path: i.url_path.map(String::from),
                url_port: i.url_port,
                other_enterprises: i.other_enterprises.iter().collect(),
                after_end: i.after_end,
                message_after_end: i.message_after_end,
                log_servers_left_out: i.log_servers_left_out,
                ntp_servers_left_out: i.ntp_servers_left_out,
                host_name_left_out: i.host_name_left_out,
                sztp_redirect_left_out: i.sztp_redirect_left_out,
            },
            log: p.log,
        }
    }
}

impl From<Plan<'_>> for PlanBuf {
    fn from(p: Plan<'_>) -> Self {
        PlanBuf::from(&p)
    }
}

impl<'a> From<&'a PlanBuf> for Plan<'a> {
    fn from(p: &'a PlanBuf) -> Self {
        p.as_plan()
    }
}
