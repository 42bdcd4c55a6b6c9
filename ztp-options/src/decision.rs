//! The decision log: every choice the rules made and every input they
//! ignored, naming its [`Rule`], and why ZTP cannot proceed on a binding
//! ([`CannotProceed`]).
//!
//! The log is a log only: [`Log`] is a fixed-capacity list of entries kept
//! inline in the plan (no heap), each a [`DecisionKind`] with a stable
//! identifier. The values an entry is about live in the plan (its
//! [`Ignored`](crate::Ignored) record, its sources); [`Plan::decisions`]
//! yields each entry as a [`Decision`] with those values, whose `Display` is
//! the human sentence.

use alloc::string::String;
use core::fmt;
use core::net::Ipv4Addr;

use crate::error::{DecodeError, DecodeErrorKind};
use crate::family::Family;
use crate::plan::{Addresses, Plan};
use crate::suboption::{Port, TransferMode};
use crate::sztp::BootstrapServers;

/// A rule of [RULES.md](https://github.com/ztp-rs/ztp/blob/main/RULES.md), by number (`R12`).
///
/// ```
/// use ztp_options::{Rule, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// let rules: Vec<Rule> = plan.decisions().map(|d| d.rule()).collect();
/// assert!(rules.contains(&Rule(12)));
/// assert_eq!(Rule(12).to_string(), "R12");
/// assert_eq!("R12".parse::<Rule>()?, Rule(12));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rule(pub u8);

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "R{}", self.0)
    }
}

/// A rule id that is not `R` followed by a decimal number (`R12`).
///
/// ```
/// use ztp_options::{ParseRuleError, Rule};
///
/// assert_eq!("12".parse::<Rule>(), Err(ParseRuleError));
/// assert_eq!("R1x".parse::<Rule>(), Err(ParseRuleError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a rule id (R followed by its number, as in R12)")]
pub struct ParseRuleError;

/// Reads a rule id as [`Rule`]'s `Display` writes it: `R` then its number.
///
/// ```
/// use ztp_options::Rule;
///
/// assert_eq!("R12".parse(), Ok(Rule(12)));
/// assert_eq!(Rule(24).to_string().parse(), Ok(Rule(24)));
/// assert!("r12".parse::<Rule>().is_err());
/// assert!("R".parse::<Rule>().is_err());
/// ```
impl core::str::FromStr for Rule {
    type Err = ParseRuleError;

    fn from_str(s: &str) -> Result<Self, ParseRuleError> {
        let digits = s.strip_prefix('R').ok_or(ParseRuleError)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseRuleError);
        }
        digits.parse().map(Rule).map_err(|_| ParseRuleError)
    }
}

macro_rules! decision_kinds {
    ($( $(#[$doc:meta])* $kind:ident => $id:literal, $rule:literal; )*) => {
        /// What a log entry records, with a stable identifier
        /// ([`DecisionKind::id`]) that tools may rely on.
        ///
        /// ```
        /// use ztp_options::{DecisionKind, Rule};
        ///
        /// let kind = DecisionKind::Option66Ignored;
        /// assert_eq!(kind.id(), "option-66-ignored"); // stable, for tools
        /// assert_eq!(kind.rule(), Rule(12));
        /// assert!(DecisionKind::ALL.contains(&DecisionKind::DefaultTftp));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum DecisionKind {
            $( $(#[$doc])* #[cfg_attr(feature = "serde", serde(rename = $id))] $kind, )*
        }

        impl DecisionKind {
            /// Every kind.
            pub const ALL: &'static [DecisionKind] = &[$( DecisionKind::$kind, )*];

            /// The stable identifier (`option-66-ignored`, `default-tftp`, ...).
            pub const fn id(self) -> &'static str {
                match self {
                    $( DecisionKind::$kind => $id, )*
                }
            }

            /// The rule behind it.
            pub const fn rule(self) -> Rule {
                match self {
                    $( DecisionKind::$kind => Rule($rule), )*
                }
            }
        }
    };
}

decision_kinds! {
    /// R10: suboption 04 ignored because 00 is present.
    AltImageIgnored => "alt-image-ignored", 10;
    /// R11: DHCPv4 with no suboption 03: TFTP.
    DefaultTftp => "default-tftp", 11;
    /// R12: option 66 ignored because 150 is present.
    Option66Ignored => "option-66-ignored", 12;
    /// R4 (**choice**): option 150 lists more addresses; the first is used.
    ExtraFileServers => "extra-file-servers", 4;
    /// R14: DHCPv6 with no suboption 03: the scheme of option 59.
    TransferModeFromUrl => "transfer-mode-from-url", 14;
    /// R14: suboption 03 gives the mode; option 59's scheme is not used.
    TransferModeFromVendorOverUrl => "transfer-mode-from-vendor-over-url", 14;
    /// R15: option 17's image beats option 59's path.
    ImageFromVendorOverUrl => "image-from-vendor-over-url", 15;
    /// R15: no image in option 17: option 59's path is the image.
    ImageFromUrl => "image-from-url", 15;
    /// R16: suboption 05 beats option 59's port.
    PortFromVendorOverUrl => "port-from-vendor-over-url", 16;
    /// R16: option 59's port is used.
    PortFromUrl => "port-from-url", 16;
    /// R20 (**choice** for DHCPv4 05): a decimal value is a port.
    Suboption05Port => "suboption-05-port", 20;
    /// **Choice** for DHCPv4 05: an IPv4 literal is a file-server address,
    /// recorded, not used (R12, R13).
    Suboption05Server => "suboption-05-server", 13;
    /// R13: `siaddr` is set but the file server comes from 150/66.
    SiaddrIgnored => "siaddr-ignored", 13;
    /// R33 (**choice**): `sname` is set but not read; the file server
    /// comes from 150/66 (R13).
    SnameIgnored => "sname-ignored", 33;
    /// R33 (**choice**): `file` is set but not read; the file names come
    /// from option 43.
    FileIgnored => "file-ignored", 33;
    /// R33 (**choice**): option 67 (boot file name) is present but not
    /// read; the file names come from option 43's suboptions 00 and 01.
    Option67Ignored => "option-67-ignored", 33;
    /// R7: a trailing NUL was tolerated (the entry says where).
    TrailingNul => "trailing-nul", 7;
    /// R8: option 17 instances of other enterprises, kept and skipped (one
    /// entry for all of them; [`Plan::decisions`] yields one decision each).
    OtherEnterprises => "other-enterprise", 8;
    /// R1 (**choice**): bytes after option 43's end code that are not
    /// padding, not read.
    BytesAfterEnd => "bytes-after-end", 1;
    /// R5 (**choice**): a malformed option 7, 42 or 12, reported and left
    /// out of the plan (the entry says which).
    OptionLeftOut => "option-left-out", 5;
    /// R32 (**choice**): an SZTP redirect (option 143 or 136) beside the
    /// option 43/17 plan; both are kept, its servers in the order listed,
    /// and neither is ranked over the other.
    SztpRedirect => "sztp-redirect", 32;
    /// R31: a malformed SZTP redirect, reported and left out; the option
    /// 43/17 plan does not depend on it (R32).
    SztpRedirectLeftOut => "sztp-redirect-left-out", 31;
    /// R2 (**choice**): bytes after the DHCPv4 message's end option (255)
    /// that are not padding, not read; the message still decodes.
    BytesAfterMessageEnd => "bytes-after-message-end", 2;
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One log entry: its kind, and for a trailing NUL (R7) the option and
/// suboption that carried it.
///
/// ```
/// use ztp_options::{DecisionKind, Entry, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// let entry: Entry = plan.log.get(0).unwrap();
/// assert_eq!(entry.kind, DecisionKind::Option66Ignored);
/// assert_eq!(Entry::new(DecisionKind::DefaultTftp).option, None);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    /// What it records.
    pub kind: DecisionKind,
    /// The option it is about, where the kind needs one (R7).
    pub option: Option<u16>,
    /// The suboption it is about, where the kind needs one (R7).
    pub suboption: Option<u16>,
}

impl Entry {
    /// An entry of `kind`, about no option in particular.
    pub const fn new(kind: DecisionKind) -> Self {
        Entry {
            kind,
            option: None,
            suboption: None,
        }
    }
}

/// How many entries a [`Log`] holds: enough for every rule that can fire
/// once on one binding, which a test drives (`log_capacity_is_enough`):
///
/// - DHCPv4, at most 23: R11 or 03; R20 or the 05 server choice; R4; R12;
///   R10; `siaddr`, `sname`, `file`, option 67 (4, R13 and R33); R7 in 00
///   or 04, 01, 08, 12, 66 and 02, 03, 05 (8 at most: 12 and 66 with a NUL
///   exclude 12 left out and 150); R1's bytes after option 43's end (1);
///   R2's bytes after the message's end (1); R5's 7, 42, 12 left out (3);
///   the SZTP redirect, kept or left out (R32 or R31, 1);
/// - DHCPv6, at most 13: R14 (1), R15 (1), R16 (1), R8 (1, all enterprises
///   together); R7 in 59, 00/04, 01, 08 (4) and 02, 03, 05 (3); R10 (1);
///   the SZTP redirect (1).
///
/// 24 leaves room for one more without a new capacity.
pub const LOG_CAPACITY: usize = 24;

/// The decision log, inline: a fixed-capacity list of [`Entry`], in the
/// order the rules ran. Pushing past [`LOG_CAPACITY`] is refused (`false`),
/// which the resolver never does.
///
/// ```
/// use ztp_options::{DecisionKind, Log};
///
/// let mut log = Log::new(); // inline, no allocation
/// assert!(log.push(DecisionKind::DefaultTftp));
/// assert!(log.contains(DecisionKind::DefaultTftp));
/// assert_eq!(log.kinds().collect::<Vec<_>>(), [DecisionKind::DefaultTftp]);
/// log.retain(|e| e.kind != DecisionKind::DefaultTftp);
/// assert!(log.is_empty());
/// ```
///
/// Issue 28: the entries are kept packed, 6 bytes each (the kind, which of
/// option and suboption are there, then both codes), so that an empty log
/// is 145 zero bytes (a `memset`, not 24 entries written field by field)
/// and a plan, which holds one, is cheaper to make and to move.
#[derive(Clone, Copy)]
pub struct Log {
    packed: [[u8; PACKED]; LOG_CAPACITY],
    len: u8,
}

/// The bytes of one packed entry: kind, presence flags, option, suboption.
const PACKED: usize = 6;
const HAS_OPTION: u8 = 1;
const HAS_SUBOPTION: u8 = 2;

impl Entry {
    fn pack(self) -> [u8; PACKED] {
        let flags = if self.option.is_some() { HAS_OPTION } else { 0 }
            | if self.suboption.is_some() {
                HAS_SUBOPTION
            } else {
                0
            };
        let [o0, o1] = self.option.unwrap_or(0).to_le_bytes();
        let [s0, s1] = self.suboption.unwrap_or(0).to_le_bytes();
        [self.kind as u8, flags, o0, o1, s0, s1]
    }

    fn unpack(p: [u8; PACKED]) -> Self {
        let [kind, flags, o0, o1, s0, s1] = p;
        Entry {
            // `pack` wrote a kind's index in `DecisionKind::ALL`, the
            // order the enum declares them.
            kind: DecisionKind::ALL
                .get(usize::from(kind))
                .copied()
                .unwrap_or(DecisionKind::DefaultTftp),
            option: (flags & HAS_OPTION != 0).then_some(u16::from_le_bytes([o0, o1])),
            suboption: (flags & HAS_SUBOPTION != 0).then_some(u16::from_le_bytes([s0, s1])),
        }
    }
}

impl Default for Log {
    fn default() -> Self {
        Log::new()
    }
}

impl PartialEq for Log {
    fn eq(&self, other: &Self) -> bool {
        self.used() == other.used()
    }
}

impl Eq for Log {}

impl core::hash::Hash for Log {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.used().hash(state);
    }
}

/// The entries of a [`Log`], in order ([`Log::entries`]).
#[derive(Debug, Clone)]
pub struct Entries<'l> {
    packed: core::slice::Iter<'l, [u8; PACKED]>,
}

impl Iterator for Entries<'_> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        self.packed.next().map(|p| Entry::unpack(*p))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.packed.size_hint()
    }
}

impl DoubleEndedIterator for Entries<'_> {
    fn next_back(&mut self) -> Option<Entry> {
        self.packed.next_back().map(|p| Entry::unpack(*p))
    }
}

impl ExactSizeIterator for Entries<'_> {}

impl core::iter::FusedIterator for Entries<'_> {}

impl Log {
    /// An empty log.
    pub const fn new() -> Self {
        Log {
            packed: [[0; PACKED]; LOG_CAPACITY],
            len: 0,
        }
    }

    fn used(&self) -> &[[u8; PACKED]] {
        self.packed
            .get(..usize::from(self.len))
            .unwrap_or(&self.packed)
    }

    /// Appends `entry`; `false` when the log is full.
    pub fn push_entry(&mut self, entry: Entry) -> bool {
        match self.packed.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = entry.pack();
                self.len += 1;
                true
            }
            None => false,
        }
    }

    /// Appends an entry of `kind`; `false` when the log is full.
    pub fn push(&mut self, kind: DecisionKind) -> bool {
        self.push_entry(Entry::new(kind))
    }

    /// Empties the log (a plan filled again starts from here).
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// The entries, in order.
    pub fn entries(&self) -> Entries<'_> {
        Entries {
            packed: self.used().iter(),
        }
    }

    /// The entry at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<Entry> {
        self.used().get(index).map(|p| Entry::unpack(*p))
    }

    /// The kinds, in order.
    pub fn kinds(&self) -> impl Iterator<Item = DecisionKind> + '_ {
        self.entries().map(|e| e.kind)
    }

    /// Whether an entry of `kind` is there.
    pub fn contains(&self, kind: DecisionKind) -> bool {
        self.kinds().any(|k| k == kind)
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Keeps the entries for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Entry) -> bool) {
        let mut kept = Log::new();
        for e in self.entries() {
            if keep(&e) {
                kept.push_entry(e);
            }
        }
        *self = kept;
    }
}

impl fmt::Debug for Log {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.entries()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Log {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.entries())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Log {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = alloc::vec::Vec::<Entry>::deserialize(d)?;
        let mut log = Log::new();
        for e in entries {
            if !log.push_entry(e) {
                return Err(serde::de::Error::invalid_length(
                    LOG_CAPACITY + 1,
                    &"at most LOG_CAPACITY entries",
                ));
            }
        }
        Ok(log)
    }
}

/// One entry of the decision log with the values it is about, as
/// [`Plan::decisions`] yields it. Its `Display` is a sentence;
/// [`Decision::rule`] names the rule, [`Decision::kind`] its stable kind.
///
/// ```
/// use ztp_options::{Decision, Rule, resolve_v4, samples, v4::Lease};
///
/// let lease = Lease::parse(samples::V4_ACK)?;
/// let plan = resolve_v4(&lease)?;
/// let first = plan.decisions().next().unwrap();
/// // R12: the ignored option 66, with the value it is about.
/// assert_eq!(first, Decision::Option66Ignored { value: b"192.0.2.10" });
/// assert_eq!(first.rule(), Rule(12));
/// assert_eq!(first.to_string(), "option 66 (\"192.0.2.10\") ignored because 150 is present");
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision<'a> {
    /// R10: suboption 04 ignored because 00 is present.
    AltImageIgnored {
        /// The ignored name (its bytes).
        name: &'a [u8],
    },
    /// R11: DHCPv4 with no suboption 03: TFTP.
    DefaultTftp,
    /// R12: option 66 ignored because 150 is present.
    Option66Ignored {
        /// The ignored value, raw.
        value: &'a [u8],
    },
    /// R4: option 150 lists more addresses; ZTP uses the first.
    ExtraFileServers {
        /// The addresses after the first.
        addresses: Addresses<'a>,
    },
    /// R14: DHCPv6 with no suboption 03: the scheme of option 59.
    TransferModeFromUrl {
        /// The mode.
        mode: TransferMode,
    },
    /// R14: suboption 03 gives the transfer mode; the scheme of option 59
    /// is not used for it.
    TransferModeFromVendorOverUrl {
        /// Option 59's scheme, not used.
        url_mode: TransferMode,
    },
    /// R15: the image of option 17 beats the path of option 59.
    ImageFromVendorOverUrl {
        /// Option 59's path, ignored.
        url_path: &'a str,
    },
    /// R15: no image in option 17; the path of option 59 is the image.
    ImageFromUrl,
    /// R16: suboption 05 beats the port of option 59.
    PortFromVendorOverUrl {
        /// Option 59's port, ignored.
        url_port: Port,
    },
    /// R16: the port of option 59 is used.
    PortFromUrl,
    /// SPEC choice for DHCPv4 suboption 05: a decimal value is a port.
    Suboption05Port {
        /// The port.
        port: Port,
    },
    /// SPEC choice for DHCPv4 suboption 05: an IPv4 literal is a
    /// file-server address, recorded, not used.
    Suboption05Server {
        /// The address.
        address: Ipv4Addr,
    },
    /// R13: `siaddr` is set but ZTP takes the file server from 150/66.
    SiaddrIgnored {
        /// The address.
        address: Ipv4Addr,
    },
    /// R33: `sname` is set but not read; ZTP takes the file server from
    /// 150/66.
    SnameIgnored {
        /// The name, raw.
        name: &'a [u8],
    },
    /// R33: `file` is set but not read; ZTP reads the image and config from
    /// option 43.
    FileIgnored {
        /// The name, raw.
        name: &'a [u8],
    },
    /// R33: option 67 (boot file name) is present but not read; ZTP reads
    /// the file names from option 43's suboptions 00 and 01.
    Option67Ignored {
        /// The value, raw.
        value: &'a [u8],
    },
    /// R7: a trailing NUL was tolerated.
    TrailingNul {
        /// The option.
        option: u16,
        /// The suboption, if inside one.
        suboption: Option<u16>,
    },
    /// R8: an option 17 instance for another enterprise, kept and skipped.
    OtherEnterprise {
        /// Its enterprise number.
        enterprise: u32,
    },
    /// R1 (choice): bytes after option 43's end code, not read.
    BytesAfterEnd {
        /// Offset of the first.
        offset: usize,
        /// How many.
        len: usize,
    },
    /// R5 (choice): a malformed option 7, 42 or 12, left out of the plan.
    OptionLeftOut {
        /// The option.
        option: u16,
        /// What is wrong with it, and where.
        error: DecodeError,
    },
    /// R32 (choice): an SZTP redirect beside the plan, kept, not ranked.
    SztpRedirect {
        /// The option (143 or 136).
        option: u16,
        /// Its bootstrap servers, in order.
        servers: BootstrapServers<'a>,
    },
    /// R31: a malformed SZTP redirect, left out of the plan.
    SztpRedirectLeftOut {
        /// The option (143 or 136).
        option: u16,
        /// What is wrong with it, and where.
        error: DecodeError,
    },
    /// R2 (choice): bytes after the message's end option that are not
    /// padding, not read.
    BytesAfterMessageEnd {
        /// Offset of the first byte that is not padding, in the message.
        offset: usize,
        /// How many bytes run from there to the end of its field.
        len: usize,
    },
}

impl Decision<'_> {
    /// Its stable kind.
    pub fn kind(&self) -> DecisionKind {
        match self {
            Decision::AltImageIgnored { .. } => DecisionKind::AltImageIgnored,
            Decision::DefaultTftp => DecisionKind::DefaultTftp,
            Decision::Option66Ignored { .. } => DecisionKind::Option66Ignored,
            Decision::ExtraFileServers { .. } => DecisionKind::ExtraFileServers,
            Decision::TransferModeFromUrl { .. } => DecisionKind::TransferModeFromUrl,
            Decision::TransferModeFromVendorOverUrl { .. } => {
                DecisionKind::TransferModeFromVendorOverUrl
            }
            Decision::ImageFromVendorOverUrl { .. } => DecisionKind::ImageFromVendorOverUrl,
            Decision::ImageFromUrl => DecisionKind::ImageFromUrl,
            Decision::PortFromVendorOverUrl { .. } => DecisionKind::PortFromVendorOverUrl,
            Decision::PortFromUrl => DecisionKind::PortFromUrl,
            Decision::Suboption05Port { .. } => DecisionKind::Suboption05Port,
            Decision::Suboption05Server { .. } => DecisionKind::Suboption05Server,
            Decision::SiaddrIgnored { .. } => DecisionKind::SiaddrIgnored,
            Decision::SnameIgnored { .. } => DecisionKind::SnameIgnored,
            Decision::FileIgnored { .. } => DecisionKind::FileIgnored,
            Decision::Option67Ignored { .. } => DecisionKind::Option67Ignored,
            Decision::TrailingNul { .. } => DecisionKind::TrailingNul,
            Decision::OtherEnterprise { .. } => DecisionKind::OtherEnterprises,
            Decision::BytesAfterEnd { .. } => DecisionKind::BytesAfterEnd,
            Decision::OptionLeftOut { .. } => DecisionKind::OptionLeftOut,
            Decision::SztpRedirect { .. } => DecisionKind::SztpRedirect,
            Decision::SztpRedirectLeftOut { .. } => DecisionKind::SztpRedirectLeftOut,
            Decision::BytesAfterMessageEnd { .. } => DecisionKind::BytesAfterMessageEnd,
        }
    }

    /// The rule behind the decision.
    pub fn rule(&self) -> Rule {
        self.kind().rule()
    }
}

/// `{:?}` of the bytes as lossy UTF-8, as the sentences quote values.
struct Quoted<'a>(&'a [u8]);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.0))
    }
}

impl fmt::Display for Decision<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Decision::AltImageIgnored { name } => {
                write!(
                    f,
                    "suboption 04 ({}) ignored because 00 is present",
                    Quoted(name)
                )
            }
            Decision::DefaultTftp => f.write_str("no suboption 03: transfer mode is tftp"),
            Decision::Option66Ignored { value } => {
                write!(
                    f,
                    "option 66 ({}) ignored because 150 is present",
                    Quoted(value)
                )
            }
            Decision::ExtraFileServers { addresses } => {
                f.write_str(
                    "option 150 lists more servers; the first is used (spec choice), ignored:",
                )?;
                for a in addresses.iter() {
                    write!(f, " {a}")?;
                }
                Ok(())
            }
            Decision::TransferModeFromUrl { mode } => write!(
                f,
                "no suboption 03: transfer mode {mode} from the option 59 url"
            ),
            Decision::TransferModeFromVendorOverUrl { url_mode } => write!(
                f,
                "transfer mode from suboption 03; the option 59 scheme ({url_mode}) is not used"
            ),
            Decision::ImageFromVendorOverUrl { url_path } => write!(
                f,
                "image from option 17; the option 59 path ({url_path:?}) is ignored"
            ),
            Decision::ImageFromUrl => {
                f.write_str("no image in option 17: the option 59 path is the image")
            }
            Decision::PortFromVendorOverUrl { url_port } => write!(
                f,
                "port from suboption 05; the option 59 port ({url_port}) is ignored"
            ),
            Decision::PortFromUrl => f.write_str("port from the option 59 url"),
            Decision::Suboption05Port { port } => {
                write!(f, "suboption 05 ({port}) read as a port (spec choice)")
            }
            Decision::Suboption05Server { address } => write!(
                f,
                "suboption 05 ({address}) read as a file-server address (spec choice); \
                 the file server comes from option 150 or 66"
            ),
            Decision::SiaddrIgnored { address } => write!(
                f,
                "siaddr ({address}) is set but ignored: the file server comes from option 150 or 66"
            ),
            Decision::SnameIgnored { name } => write!(
                f,
                "sname ({}) is set but ignored: the file server comes from option 150 or 66",
                Quoted(name)
            ),
            Decision::FileIgnored { name } => write!(
                f,
                "file ({}) is set but ignored: the file names come from option 43",
                Quoted(name)
            ),
            Decision::Option67Ignored { value } => write!(
                f,
                "option 67 (boot file name) {} not used by juniper ztp: it reads file names \
                 from option 43 suboptions 00/01",
                Quoted(value)
            ),
            Decision::TrailingNul { option, suboption } => match suboption {
                Some(s) => write!(
                    f,
                    "trailing nul in option {option} suboption {s:02} tolerated"
                ),
                None => write!(f, "trailing nul in option {option} tolerated"),
            },
            Decision::OtherEnterprise { enterprise } => write!(
                f,
                "option 17 for enterprise {enterprise} kept and skipped (not juniper's 2636)"
            ),
            Decision::BytesAfterEnd { offset, len } => write!(
                f,
                "{len} bytes after the end of option 43's suboptions at byte {offset} not read \
                 (spec choice)"
            ),
            Decision::OptionLeftOut { option, error } => write!(
                f,
                "option {option} left out of the plan, it does not stop ztp (spec choice): {error}"
            ),
            Decision::SztpRedirect { option, servers } => {
                let n = servers.len();
                write!(
                    f,
                    "sztp redirect (option {option}) lists {n} bootstrap server{s}, kept beside \
                     the ztp plan in the order listed, not ranked against it (spec choice):",
                    s = if n == 1 { "" } else { "s" }
                )?;
                for (i, server) in servers.iter().enumerate() {
                    let sep = if i == 0 { " " } else { ", " };
                    write!(f, "{sep}{server}")?;
                }
                Ok(())
            }
            Decision::SztpRedirectLeftOut { option, error } => write!(
                f,
                "sztp redirect (option {option}) left out, the ztp plan does not depend on it: \
                 {error}"
            ),
            Decision::BytesAfterMessageEnd { offset, len } => write!(
                f,
                "{len} byte{s} after the message's end option at byte {offset} not read, the \
                 message still decodes (spec choice)",
                s = if len == 1 { "" } else { "s" }
            ),
        }
    }
}

/// The iterator of [`Plan::decisions`]: each log entry with its values
/// (the R8 entry once per other enterprise).
///
/// ```
/// use ztp_options::{resolve_v6, samples, v6::Lease};
///
/// let lease = Lease::parse(samples::V6_REPLY)?;
/// let plan = resolve_v6(&lease)?;
/// // R14, R15, R16: what suboption 03, 00 and 05 beat in option 59.
/// for d in plan.decisions() {
///     println!("[{}] {}: {d}", d.rule(), d.kind().id());
/// }
/// assert_eq!(plan.decisions().count(), plan.log.len());
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Decisions<'a> {
    plan: Plan<'a>,
    next: usize,
    enterprise: usize,
}

impl<'a> Decisions<'a> {
    pub(crate) fn new(plan: Plan<'a>) -> Self {
        Decisions {
            plan,
            next: 0,
            enterprise: 0,
        }
    }

    /// The entry at `i` with its values; `None` when the plan does not
    /// hold them (a hand-built plan's log that its values contradict).
    fn decision(&mut self, e: Entry) -> Option<Decision<'a>> {
        let p = &self.plan;
        let i = &p.ignored;
        Some(match e.kind {
            DecisionKind::AltImageIgnored => Decision::AltImageIgnored { name: i.alt_image? },
            DecisionKind::DefaultTftp => Decision::DefaultTftp,
            DecisionKind::Option66Ignored => Decision::Option66Ignored { value: i.option66? },
            DecisionKind::ExtraFileServers => Decision::ExtraFileServers {
                addresses: i.other_servers,
            },
            DecisionKind::TransferModeFromUrl => Decision::TransferModeFromUrl {
                mode: p.transfer_mode,
            },
            DecisionKind::TransferModeFromVendorOverUrl => {
                Decision::TransferModeFromVendorOverUrl {
                    url_mode: i.url_mode?,
                }
            }
            DecisionKind::ImageFromVendorOverUrl => Decision::ImageFromVendorOverUrl {
                url_path: i.url_path?,
            },
            DecisionKind::ImageFromUrl => Decision::ImageFromUrl,
            DecisionKind::PortFromVendorOverUrl => Decision::PortFromVendorOverUrl {
                url_port: i.url_port?,
            },
            DecisionKind::PortFromUrl => Decision::PortFromUrl,
            DecisionKind::Suboption05Port => Decision::Suboption05Port { port: p.port?.port },
            DecisionKind::Suboption05Server => Decision::Suboption05Server {
                address: i.suboption05_server?,
            },
            DecisionKind::SiaddrIgnored => Decision::SiaddrIgnored { address: i.siaddr? },
            DecisionKind::SnameIgnored => Decision::SnameIgnored { name: i.sname? },
            DecisionKind::FileIgnored => Decision::FileIgnored { name: i.file? },
            DecisionKind::Option67Ignored => Decision::Option67Ignored { value: i.option67? },
            DecisionKind::BytesAfterMessageEnd => {
                let t = i.message_after_end?;
                Decision::BytesAfterMessageEnd {
                    offset: t.offset,
                    len: t.len,
                }
            }
            DecisionKind::TrailingNul => Decision::TrailingNul {
                option: e.option?,
                suboption: e.suboption,
            },
            DecisionKind::BytesAfterEnd => {
                let t = i.after_end?;
                Decision::BytesAfterEnd {
                    offset: t.offset,
                    len: t.len,
                }
            }
            DecisionKind::OptionLeftOut => {
                let option = e.option?;
                let error = match option {
                    7 => i.log_servers_left_out,
                    42 => i.ntp_servers_left_out,
                    12 => i.host_name_left_out,
                    _ => None,
                }?;
                Decision::OptionLeftOut { option, error }
            }
            DecisionKind::SztpRedirect => Decision::SztpRedirect {
                option: crate::sztp::option_code(p.family()),
                servers: p.sztp_redirect?,
            },
            DecisionKind::SztpRedirectLeftOut => Decision::SztpRedirectLeftOut {
                option: crate::sztp::option_code(p.family()),
                error: i.sztp_redirect_left_out?,
            },
            DecisionKind::OtherEnterprises => {
                let enterprise = i.other_enterprises.iter().nth(self.enterprise)?;
                self.enterprise += 1;
                return Some(Decision::OtherEnterprise { enterprise });
            }
        })
    }
}

impl<'a> Iterator for Decisions<'a> {
    type Item = Decision<'a>;

    fn next(&mut self) -> Option<Decision<'a>> {
        loop {
            let e = self.plan.log.get(self.next)?;
            match self.decision(e) {
                // The R8 entry stays until its enterprises are all out.
                Some(d @ Decision::OtherEnterprise { .. }) => return Some(d),
                Some(d) => {
                    self.next += 1;
                    return Some(d);
                }
                None => {
                    self.next += 1;
                    self.enterprise = 0;
                }
            }
        }
    }
}

/// Why ZTP cannot proceed on this binding.
///
/// ```
/// use ztp_options::{CannotProceed, Rule, resolve_v4, v4::{Lease, MessageRepr, OptionCode, OptionSet}};
///
/// // Option 43 with a configuration, but neither 150 nor 66.
/// let mut set = OptionSet::new();
/// set.insert(OptionCode::VENDOR_SPECIFIC, b"\x01\x07sw.conf".to_vec())?;
/// let bytes = MessageRepr::reply(set).to_vec();
/// let lease = Lease::parse(&bytes)?;
/// let err = resolve_v4(&lease).unwrap_err();
/// assert_eq!(err, CannotProceed::NoFileServer);
/// assert_eq!(err.rule(), Rule(13));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CannotProceed {
    /// R13: neither option 150 nor option 66 (DHCPv4).
    #[error("no file server information: neither option 150 nor option 66")]
    NoFileServer,
    /// R17: no option 59, so no file server (DHCPv6).
    #[error("no file server information: no option 59 boot file url")]
    NoBootFileUrl,
    /// R18: neither an image nor a configuration file.
    #[error("neither an image nor a configuration file")]
    NothingToFetch,
    /// An option ZTP reads is malformed (or, R3, option 66 is a host name
    /// and there is no option 150).
    #[error(transparent)]
    Malformed(#[from] DecodeError),
    /// Options that cannot even be encoded into a message (a DHCPv6 value
    /// over 65535 bytes), so no device can read them.
    #[error(transparent)]
    Unencodable(crate::error::EncodeError),
}

impl CannotProceed {
    /// The rule behind the refusal.
    pub fn rule(&self) -> Rule {
        match self {
            CannotProceed::NoFileServer => Rule(13),
            CannotProceed::NoBootFileUrl => Rule(17),
            CannotProceed::NothingToFetch => Rule(18),
            CannotProceed::Malformed(e) => Rule(error_rule(e)),
            CannotProceed::Unencodable(_) => Rule(2),
        }
    }
}

/// The rule a malformed input breaks, from where it is and what it is.
fn error_rule(e: &DecodeError) -> u8 {
    let place = e.place();
    match (e.kind(), place.family(), place.option_code()) {
        (_, Family::V6, Some(59)) => 9,
        (_, Family::V6, _) => 8,
        (DecodeErrorKind::HostName { .. } | DecodeErrorKind::NotIpv4 { .. }, ..) => 3,
        (
            DecodeErrorKind::ControlByte { .. }
            | DecodeErrorKind::InvalidUtf8 { .. }
            | DecodeErrorKind::Empty,
            ..,
        ) => 7,
        (_, Family::V4, Some(43)) => 1,
        (_, Family::V4, Some(66)) => 3,
        (_, Family::V4, Some(150)) => 4,
        (_, Family::V4, Some(7 | 42 | 12)) => 5,
        (_, Family::V4, Some(60 | 61 | 77)) => 6,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::{DecisionKind, Entry, LOG_CAPACITY, Log};

    /// The packed log gives back every entry it was given: each kind (its
    /// index in `DecisionKind::ALL` is what is stored), with and without
    /// an option and a suboption, codes up to `u16::MAX`.
    #[test]
    fn the_packed_log_gives_back_what_it_was_given() {
        for (i, &kind) in DecisionKind::ALL.iter().enumerate() {
            assert_eq!(usize::from(kind as u8), i, "{kind:?}");
        }
        let codes = [
            None,
            Some(0),
            Some(43),
            Some(255),
            Some(256),
            Some(u16::MAX),
        ];
        let mut all = alloc::vec::Vec::new();
        for &kind in DecisionKind::ALL {
            for option in codes {
                for suboption in codes {
                    all.push(Entry {
                        kind,
                        option,
                        suboption,
                    });
                }
            }
        }
        for chunk in all.chunks(LOG_CAPACITY) {
            let mut log = Log::new();
            for &e in chunk {
                assert!(log.push_entry(e));
            }
            assert!(chunk.len() < LOG_CAPACITY || !log.push(DecisionKind::DefaultTftp));
            assert_eq!(log.entries().collect::<alloc::vec::Vec<_>>(), chunk);
            assert_eq!(log.entries().len(), chunk.len());
            assert_eq!(log.entries().next_back(), chunk.last().copied());
            for (i, e) in chunk.iter().enumerate() {
                assert_eq!(log.get(i), Some(*e));
            }
            assert_eq!(log.get(chunk.len()), None);
            // Emptied and filled again, it equals a new log filled so.
            let mut again = log;
            again.clear();
            assert!(again.is_empty() && again != log);
            for &e in chunk {
                again.push_entry(e);
            }
            assert_eq!(again, log);
        }
        // Equality looks at the entries only, not at what a clear left.
        let mut a = Log::new();
        a.push(DecisionKind::Option66Ignored);
        a.clear();
        assert_eq!(a, Log::new());
    }
}
