//! Which vendor a reply is for, from the reply alone (VENDORS.md "Telling
//! vendors apart from a reply alone", RA1..RA3): a pasted hex dump or a
//! one-sided capture has no request to name the vendor (G1), so the
//! reply's clues make a guess with its clue and its confidence.
//!
//! The clues are checked in the table's order (RA1). A clue that rules a
//! vendor out (`51 < 3600`: not NX-OS POAP) removes it; the first
//! **certain** clue that names a vendor decides; otherwise every remaining
//! candidate is listed, most likely first. A reply whose only fitting
//! vendor is Juniper, or that has no clue at all, is Juniper's, as before
//! this layer existed. The reply's own option 60 is a clue, never proof
//! (RA3).
//!
//! ```
//! use ztp_options::v4::{Lease, MessageRepr, OptionCode, OptionSet};
//! use ztp_options::vendor::{Confidence, Vendor, guess_v4};
//!
//! let mut set = OptionSet::new();
//! set.insert(OptionCode::VENDOR_SPECIFIC, b"5A1N;B2;K4;I192.0.2.9;J80".to_vec())?;
//! let bytes = MessageRepr::reply(set).to_vec();
//! let guess = guess_v4(&Lease::parse(&bytes)?);
//! assert_eq!(guess.vendor(), Vendor::CiscoPnp);
//! assert_eq!(guess.confidence(), Confidence::Certain);
//! assert_eq!(guess.decided_by().map(|c| c.rule), Some("CP2"));
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use super::Vendor;
use crate::{v4, v6};

/// How sure a reply-alone guess is (VENDORS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Confidence {
    /// The layout exists for one vendor only.
    Certain,
    /// One vendor fits; others are possible.
    Likely,
    /// Several vendors fit: each is listed.
    Ambiguous,
}

impl Confidence {
    /// The stable name: `certain`, `likely`, `ambiguous`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::Certain => "certain",
            Confidence::Likely => "likely",
            Confidence::Ambiguous => "ambiguous",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One clue of the reply that fits a vendor (or rules one out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Clue {
    /// The vendor it fits; `None` for a clue that is not a switch's ZTP
    /// (an access-point controller address, an Aruba AP proxy).
    pub vendor: Option<Vendor>,
    /// How sure the clue is.
    pub confidence: Confidence,
    /// The vendor rule the clue comes from (`CP2`, `E2`, `R1`, ...).
    pub rule: &'static str,
    /// What the reply shows, as VENDORS.md's table says it.
    pub clue: &'static str,
}

impl fmt::Display for Clue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.vendor {
            Some(v) => write!(f, "{v} ({}, {}): {}", self.confidence, self.rule, self.clue),
            None => write!(
                f,
                "not a switch's ZTP ({}, {}): {}",
                self.confidence, self.rule, self.clue
            ),
        }
    }
}

/// The guess of a reply alone (RA1..RA3).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Guess {
    /// Every clue that fits, in the table's order.
    pub clues: Vec<Clue>,
    /// The vendors a clue ruled out, with that clue.
    pub ruled_out: Vec<Clue>,
}

impl Guess {
    /// The clue that decides: the first certain one naming a vendor (RA1),
    /// else the first of the remaining candidates when there is only one
    /// vendor among them.
    pub fn decided_by(&self) -> Option<&Clue> {
        if let Some(c) = self
            .clues
            .iter()
            .find(|c| c.confidence == Confidence::Certain && c.vendor.is_some())
        {
            return Some(c);
        }
        let first = self.best()?;
        (!self.several()).then_some(first)
    }

    /// Whether a vendor a clue names is still a candidate.
    fn open(&self, c: &Clue) -> bool {
        c.vendor
            .is_some_and(|v| !self.ruled_out.iter().any(|r| r.vendor == Some(v)))
    }

    /// The most likely remaining candidate's clue, without allocating.
    fn best(&self) -> Option<&Clue> {
        [
            Confidence::Certain,
            Confidence::Likely,
            Confidence::Ambiguous,
        ]
        .into_iter()
        .find_map(|k| {
            self.clues
                .iter()
                .find(|c| c.confidence == k && self.open(c))
        })
    }

    /// Whether two different vendors remain candidates.
    fn several(&self) -> bool {
        let mut open = self.clues.iter().filter(|c| self.open(c));
        let Some(first) = open.next() else {
            return false;
        };
        open.any(|c| c.vendor != first.vendor)
    }

    /// The remaining candidates, most likely first (each vendor once, with
    /// its best clue); a vendor a clue ruled out is not among them.
    pub fn candidates(&self) -> Vec<(Vendor, &Clue)> {
        let mut out: Vec<(Vendor, &Clue)> = Vec::new();
        for confidence in [
            Confidence::Certain,
            Confidence::Likely,
            Confidence::Ambiguous,
        ] {
            for c in self.clues.iter().filter(|c| c.confidence == confidence) {
                let Some(v) = c.vendor else { continue };
                if !out.iter().any(|(w, _)| *w == v) && self.open(c) {
                    out.push((v, c));
                }
            }
        }
        out
    }

    /// The vendor to explain the reply as: the deciding clue's, else the
    /// most likely candidate's, else Juniper (no clue at all: as before).
    pub fn vendor(&self) -> Vendor {
        self.decided_by()
            .or_else(|| self.best())
            .and_then(|c| c.vendor)
            .unwrap_or(Vendor::Juniper)
    }

    /// How sure [`Guess::vendor`] is: the deciding clue's confidence, else
    /// ambiguous when several candidates remain, else likely (no clue:
    /// Juniper, as before).
    pub fn confidence(&self) -> Confidence {
        match self.decided_by() {
            Some(c) => c.confidence,
            None if self.several() => Confidence::Ambiguous,
            None => Confidence::Likely,
        }
    }

    fn fits(
        &mut self,
        vendor: Option<Vendor>,
        confidence: Confidence,
        rule: &'static str,
        clue: &'static str,
    ) {
        self.clues.push(Clue {
            vendor,
            confidence,
            rule,
            clue,
        });
    }

    fn rules_out(&mut self, vendor: Vendor, rule: &'static str, clue: &'static str) {
        self.ruled_out.push(Clue {
            vendor: Some(vendor),
            confidence: Confidence::Certain,
            rule,
            clue,
        });
    }
}

/// How a clue walks option 43's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    /// `code(1) len(1)`, 0 a pad, 255 the end (G6).
    Plain,
    /// `code(1) len(1)`, 0 a real suboption, 255 the end (Juniper, R1).
    Juniper,
    /// `code(1) len(2)` (NX-OS secure POAP, CN4).
    Wide,
}

/// The items of a value under a [`Walk`], without allocating: `Err` for
/// an item that overruns (the walk stops there).
#[derive(Debug, Clone)]
struct Items<'a> {
    value: &'a [u8],
    at: usize,
    walk: Walk,
    done: bool,
}

fn items(value: &[u8], walk: Walk) -> Items<'_> {
    Items {
        value,
        at: 0,
        walk,
        done: false,
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Result<(u8, &'a [u8]), ()>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let code = *self.value.get(self.at)?;
            if code == 255 && self.walk != Walk::Wide {
                self.done = true;
                return None;
            }
            if code == 0 && self.walk == Walk::Plain {
                self.at += 1;
                continue;
            }
            let (len, head) = match self.walk {
                Walk::Wide => {
                    let hi = self.value.get(self.at + 1);
                    let lo = self.value.get(self.at + 2);
                    match (hi, lo) {
                        (Some(h), Some(l)) => (usize::from(u16::from_be_bytes([*h, *l])), 3),
                        _ => (usize::MAX, 3),
                    }
                }
                _ => match self.value.get(self.at + 1) {
                    Some(l) => (usize::from(*l), 2),
                    None => (usize::MAX, 2),
                },
            };
            let start = self.at + head;
            let item = start
                .checked_add(len)
                .and_then(|end| self.value.get(start..end));
            return match item {
                Some(v) => {
                    self.at = start + len;
                    Some(Ok((code, v)))
                }
                None => {
                    self.done = true;
                    Some(Err(()))
                }
            };
        }
        None
    }
}

/// Whether the whole value walks without an overrun.
fn walks(value: &[u8], walk: Walk) -> bool {
    items(value, walk).all(|r| r.is_ok())
}

/// Whether the value walks and every item satisfies `each` (and there is
/// one at least).
fn all_items(value: &[u8], walk: Walk, each: impl Fn(u8, &[u8]) -> bool) -> bool {
    let mut any = false;
    items(value, walk).all(|r| {
        any = true;
        matches!(r, Ok((c, v)) if each(c, v))
    }) && any
}

fn printable(v: &[u8]) -> bool {
    !v.is_empty() && v.iter().all(|b| (0x20..0x7f).contains(b))
}

fn text(v: &[u8]) -> &[u8] {
    v.strip_suffix(&[0]).unwrap_or(v)
}

fn ends_with_ci(v: &[u8], suffix: &[u8]) -> bool {
    v.len() >= suffix.len()
        && v.get(v.len() - suffix.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
}

/// Option 43's clues (the first rows of the table).
fn option43(g: &mut Guess, value: &[u8], reply_60: Option<&[u8]>) {
    let pnp = printable(value)
        && (value.starts_with(b"5A1") || value.starts_with(b"5A;"))
        && value.contains(&b';')
        && value
            .split(|b| *b == b';')
            .any(|t| t.first() == Some(&b'I'));
    if pnp {
        g.fits(
            Some(Vendor::CiscoPnp),
            Confidence::Certain,
            "CP2",
            "43 is a printable PnP string (5A1...;I<server>)",
        );
    } else if value.starts_with(b"5A") && !walks(value, Walk::Juniper) {
        g.fits(
            Some(Vendor::CiscoPnp),
            Confidence::Certain,
            "CP2",
            "43's TLV walk fails at offset 0 on '5' 'A': a PnP string read as TLV",
        );
    }
    // A cheap look first: item 1 of length 1 (CN4's version).
    let secure_poap = value.starts_with(&[1, 0, 1]) && walks(value, Walk::Wide) && {
        let mut wide = items(value, Walk::Wide);
        matches!(
            (wide.next(), wide.next()),
            (Some(Ok((1, [_]))), Some(Ok((2, url)))) if url.starts_with(b"https://")
        )
    };
    if secure_poap {
        g.fits(
            Some(Vendor::CiscoNxos),
            Confidence::Certain,
            "CN4",
            "43 reads as code(1) len(2) items: 1 version, 2 an https URL",
        );
    }
    // One pass of the plain walk for its three clues.
    let mut plain = true;
    let mut first = None;
    let (mut aoscx, mut exos, mut any) = (true, true, false);
    for item in items(value, Walk::Plain) {
        let Ok((c, v)) = item else {
            plain = false;
            break;
        };
        if first.is_none() {
            first = Some((c, v));
        }
        any = true;
        aoscx &= (144..=148).contains(&c);
        exos &= (100..=102).contains(&c) && (c != 100 || v.len() == 4);
    }
    if plain {
        if matches!(first, Some((1, v)) if text(v) == b"exr-config") {
            g.fits(
                Some(Vendor::CiscoIosXr),
                Confidence::Certain,
                "CR6",
                "43 item 1 is exr-config",
            );
        }
        if any && aoscx {
            g.fits(
                Some(Vendor::ArubaAosCx),
                Confidence::Likely,
                "AR2",
                "43 uses only codes 144..148",
            );
        }
        if any && exos {
            g.fits(
                Some(Vendor::ExtremeExos),
                Confidence::Certain,
                "E2",
                "43 uses only codes 100/101/102, 100 of length 4",
            );
        }
    }
    let juniper = all_items(value, Walk::Juniper, |c, v| {
        matches!(c, 0..=5 | 8) && (v.is_empty() || printable(text(v)))
    });
    if juniper {
        g.fits(
            Some(Vendor::Juniper),
            Confidence::Likely,
            "R1",
            "43 uses Juniper's suboptions 0..5/8 with text values",
        );
    }
    let huawei = plain && matches!(first, Some((1, v)) if v.starts_with(b"URL="));
    if huawei {
        g.fits(
            Some(Vendor::HuaweiVrp),
            Confidence::Certain,
            "H7",
            "43 item 1 starts URL=",
        );
    }
    if printable(value)
        && value.iter().filter(|b| **b == b',').count() == 2
        && reply_60 == Some(b"ArubaInstantAP".as_slice())
    {
        // RA3: the reply's 60 is a clue about the server's intent.
        g.fits(
            Some(Vendor::ArubaAosCx),
            Confidence::Certain,
            "AR5",
            "43 is a three-field CSV and the reply's 60 is ArubaInstantAP",
        );
    }
    if let [1, 4, _, _, _, _] = value {
        g.fits(
            None,
            Confidence::Likely,
            "G6",
            "43 is 01 04 <ipv4> only: an access-point controller, not ZTP",
        );
    }
}

/// The codes the DHCPv4 clues read.
const CODES: [u8; 11] = [51, 60, 67, 125, 148, 209, 225, 226, 239, 240, 143];

/// Records the first instance of each of [`CODES`] in the options field;
/// `false` when option 52 overloads `file`/`sname` or the field does not
/// frame (then the general walk reads them).
fn scan<'b>(bytes: &'b [u8], found: &mut [Option<&'b [u8]>; 11]) -> bool {
    let mut at = 240;
    while let Some(&code) = bytes.get(at) {
        match code {
            0 => at += 1,
            255 => return true,
            52 => return false,
            _ => {
                let Some(&len) = bytes.get(at + 1) else {
                    return false;
                };
                let end = at + 2 + usize::from(len);
                let Some(value) = bytes.get(at + 2..end) else {
                    return false;
                };
                if let Some(slot) = CODES
                    .iter()
                    .position(|c| *c == code)
                    .and_then(|i| found.get_mut(i))
                {
                    if slot.is_none() {
                        *slot = Some(value);
                    }
                }
                at = end;
            }
        }
    }
    true
}

/// What the table says of a DHCPv4 reply (RA1).
pub fn guess_v4(lease: &v4::Lease<'_>) -> Guess {
    let mut g = Guess::default();
    // One walk of the options for the codes the clues read (the first
    // instance of each: a clue needs no RFC 3396 join).
    let mut found: [Option<&[u8]>; 11] = [None; 11];
    // The options field scanned by hand (about ten instructions an option,
    // where the general walk costs eighty): only when option 52 overloads
    // `file`/`sname` is the general walk needed.
    let bytes = lease.as_bytes();
    let message = (!scan(bytes, &mut found))
        .then(|| v4::Message::new_checked(bytes).ok())
        .flatten();
    if let Some(message) = &message {
        found = [None; 11];
        for o in message.options().flatten() {
            let slot = CODES
                .iter()
                .position(|c| *c == o.code.get())
                .and_then(|i| found.get_mut(i));
            if let Some(slot) = slot.filter(|s| s.is_none()) {
                *slot = Some(o.value);
            }
        }
    }
    let opt = |code: u8| -> Option<Cow<'_, [u8]>> {
        let i = CODES.iter().position(|c| *c == code)?;
        found.get(i).copied().flatten().map(Cow::Borrowed)
    };
    let o60 = opt(60);
    if let Some(v) = lease.value_bytes(v4::OptionCode::VENDOR_SPECIFIC) {
        option43(&mut g, v, o60.as_deref());
    }
    let o67 = opt(67);
    let o66 = lease.value_bytes(v4::OptionCode::TFTP_SERVER_NAME);
    let o150 = lease.value_bytes(v4::OptionCode::TFTP_SERVER_ADDRESS);
    if opt(239).is_some() {
        if o67.is_none() {
            g.fits(
                Some(Vendor::Cumulus),
                Confidence::Ambiguous,
                "CU2",
                "239 present, 67 absent: a Cumulus or SONiC script",
            );
            g.fits(
                Some(Vendor::Sonic),
                Confidence::Ambiguous,
                "S2",
                "239 present, 67 absent: a Cumulus or SONiC script",
            );
        } else {
            g.fits(Some(Vendor::Sonic), Confidence::Likely, "S2", "239 and 67");
        }
    } else if opt(225).is_some() || opt(226).is_some() {
        g.fits(
            Some(Vendor::Sonic),
            Confidence::Likely,
            "S2",
            "225/226 present",
        );
    }
    if opt(240).is_some() {
        g.fits(
            Some(Vendor::DellOs10),
            Confidence::Likely,
            "D2",
            "240 present",
        );
    }
    if opt(209).is_some() {
        g.fits(
            Some(Vendor::DellOs9),
            Confidence::Likely,
            "D6",
            "209 present",
        );
    }
    if let Some(v) = o67.as_deref().map(text) {
        if v.starts_with(b"-k ") {
            g.fits(
                Some(Vendor::CiscoIosXr),
                Confidence::Certain,
                "CR5",
                "67 starts with -k",
            );
        }
        if ends_with_ci(v, b".iso") {
            g.fits(
                Some(Vendor::CiscoIosXr),
                Confidence::Likely,
                "CR3",
                "67 ends .iso (iPXE phase)",
            );
        }
        if ends_with_ci(v, b".py") && o66.is_none() && o150.is_none() {
            for (vendor, rule) in [
                (Vendor::CiscoIosXe, "CX2"),
                (Vendor::NokiaSrLinux, "N2"),
                (Vendor::Arista, "A4"),
            ] {
                g.fits(
                    Some(vendor),
                    Confidence::Ambiguous,
                    rule,
                    "67 ends .py, no 66/150: a Python script",
                );
            }
        }
        if ends_with_ci(v, b".json") {
            g.fits(
                Some(Vendor::Sonic),
                Confidence::Likely,
                "S6",
                "67 ends .json",
            );
        }
        if (ends_with_ci(v, b".ini") || ends_with_ci(v, b".cfg"))
            && o66.is_some_and(|s| s.starts_with(b"sftp://") || s.starts_with(b"ftp://"))
        {
            g.fits(
                Some(Vendor::HuaweiVrp),
                Confidence::Likely,
                "H2",
                "67 ends .ini/.cfg and 66 is an ftp/sftp URL",
            );
        }
    }
    let lease_time = opt(51)
        .and_then(|v| <[u8; 4]>::try_from(v.as_ref()).ok())
        .map(u32::from_be_bytes);
    let bare_67 = o67
        .as_deref()
        .map(text)
        .is_some_and(|v| !v.windows(3).any(|w| w == b"://"));
    if bare_67 && o150.is_some() && lease_time.is_some_and(|t| t >= 3600) {
        g.fits(
            Some(Vendor::CiscoNxos),
            Confidence::Ambiguous,
            "CN2",
            "67 a bare name, 150, lease of an hour or more",
        );
        g.fits(
            Some(Vendor::CiscoIosXe),
            Confidence::Ambiguous,
            "CX6",
            "67 a bare name, 150: IOS autoinstall",
        );
    }
    if lease_time.is_some_and(|t| t < 3600) {
        g.rules_out(
            Vendor::CiscoNxos,
            "CN2",
            "lease time (51) under 3600 s: not NX-OS POAP",
        );
    }
    if let Some(v) = opt(148).as_deref().map(text) {
        if v.starts_with(b"agilemode=") {
            g.fits(
                Some(Vendor::HuaweiVrp),
                Confidence::Certain,
                "H8",
                "148 = agilemode=...",
            );
        } else if printable(v) {
            g.fits(
                None,
                Confidence::Likely,
                "G2",
                "148 is proxy text: an Aruba access point's proxy",
            );
        }
    }
    if lease
        .value_bytes(v4::OptionCode::new(143))
        .is_some_and(|v| v.len() == 4)
    {
        g.fits(
            Some(Vendor::HuaweiVrp),
            Confidence::Likely,
            "H7",
            "143 is 4 bytes: Huawei auto-config's FTP server",
        );
    }
    if opt(125).is_some_and(|v| {
        v4::VendorSpecific::parse(
            v.as_ref(),
            crate::error::Place::option(crate::Family::V4, 125, 0),
        )
        .ok()
        .and_then(|s| s.cisco_autoinstall_file())
        .is_some()
    }) {
        g.fits(
            Some(Vendor::CiscoIosXe),
            Confidence::Certain,
            "CX6",
            "125 enterprise 9 sub-option 5: IOS autoinstall",
        );
    }
    g
}

/// What the table says of a DHCPv6 reply (RA1).
pub fn guess_v6(lease: &v6::Lease<'_>) -> Guess {
    let mut g = Guess::default();
    let msg = lease.message();
    for o in msg.instances(v6::OptionCode::VENDOR_OPTS).flatten() {
        let Some((e, rest)) = o.value.split_first_chunk::<4>() else {
            continue;
        };
        match u32::from_be_bytes(*e) {
            2636 => g.fits(
                Some(Vendor::Juniper),
                Confidence::Certain,
                "R8",
                "17 for enterprise 2636",
            ),
            9 => {
                let mut codes = Vec::new();
                let mut first = None;
                let mut at = 0;
                while let (Some(c), Some(l)) = (
                    rest.get(at..at + 2)
                        .and_then(|c| <[u8; 2]>::try_from(c).ok()),
                    rest.get(at + 2..at + 4)
                        .and_then(|l| <[u8; 2]>::try_from(l).ok()),
                ) {
                    let code = u16::from_be_bytes(c);
                    let len = usize::from(u16::from_be_bytes(l));
                    let Some(v) = rest.get(at + 4..at + 4 + len) else {
                        break;
                    };
                    if first.is_none() {
                        first = Some((code, v));
                    }
                    codes.push(code);
                    at += 4 + len;
                }
                if matches!(first, Some((1, v)) if text(v) == b"exr-config") {
                    g.fits(
                        Some(Vendor::CiscoIosXr),
                        Confidence::Certain,
                        "CR6",
                        "17 for enterprise 9, item 1 exr-config",
                    );
                } else if !codes.is_empty() && codes.iter().all(|c| matches!(c, 1 | 3 | 50 | 51)) {
                    g.fits(
                        Some(Vendor::CiscoNxos),
                        Confidence::Likely,
                        "CN5",
                        "17 for enterprise 9, items 1/3/50/51",
                    );
                }
            }
            _ => {}
        }
    }
    let o59 = msg
        .instances(v6::OptionCode::BOOTFILE_URL)
        .flatten()
        .next()
        .is_some();
    let o242 = msg
        .instances(v6::OptionCode::new(242))
        .flatten()
        .next()
        .is_some();
    if o59 && o242 {
        g.fits(
            Some(Vendor::CiscoIosXr),
            Confidence::Likely,
            "CR8",
            "59 and 242",
        );
    }
    if o59 && g.clues.is_empty() && msg.instances(v6::OptionCode::VENDOR_OPTS).next().is_none() {
        // Juniper first: a 59-only reply is one it reads (R15, R17), and a
        // reply whose only fitting vendor is Juniper is explained as before.
        for (vendor, rule) in [
            (Vendor::Juniper, "R17"),
            (Vendor::Sonic, "S2"),
            (Vendor::CiscoIosXr, "CR4"),
            (Vendor::CiscoNxos, "CN5"),
            (Vendor::Arista, "A5"),
            (Vendor::HuaweiVrp, "H4"),
            (Vendor::NokiaSrLinux, "N3"),
        ] {
            g.fits(
                Some(vendor),
                Confidence::Ambiguous,
                rule,
                "59 only: decide by the file's extension or path",
            );
        }
    }
    g
}
