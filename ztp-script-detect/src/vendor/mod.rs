//! The fetched file, vendor by vendor (VENDORS.md G11): configuration,
//! script (with its interpreter), workflow document, image, or unknown, each
//! decided by the vendor's own rule.
//!
//! Each vendor's rule lives in one module named after it: `juniper.rs`
//! (R24, through [`crate::sniff`]), `arista.rs` (A6, A7), `cisco_iosxe.rs`
//! (CX5), `cisco_nxos.rs` (CN7), `cisco_iosxr.rs` (CR7), `sonic.rs` (S6),
//! `cumulus.rs` (CU4..CU6), [`dell`] (D3..D5), `aruba.rs` (AR6),
//! `extreme.rs` (E4), `nokia.rs` (N4), [`huawei`] (H6). This module holds the
//! shared types and the one [`VendorSniffer`] that feeds each rule.
//!
//! ```
//! use ztp_script_detect::{sniff_vendor, FileKind, Hint, Language, Vendor};
//!
//! let found = sniff_vendor(Vendor::Arista, Hint::NONE, b"#!/usr/bin/Cli -p2\nenable\n")?;
//! let FileKind::Script(script) = &found.kind else { unreachable!() };
//! assert_eq!(script.language, Language::EosCli);
//! assert!(found.accepted());
//! # Ok::<(), ztp_script_detect::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::{ConfigFormat, Diagnostics, Error, Interpreter, PREFIX_MAX, Script, Status};

mod arista;
mod aruba;
mod cisco_iosxe;
mod cisco_iosxr;
mod cisco_nxos;
mod cumulus;
pub mod dell;
mod extreme;
pub mod huawei;
mod json;
mod juniper;
mod nokia;
mod sonic;

pub use cisco_iosxr::SIZE_MAX as IOSXR_SIZE_MAX;
pub use cumulus::{MARKER as CUMULUS_MARKER, SEARCH_MAX as CUMULUS_SEARCH_MAX};
pub use dell::DellFacts;
pub use json::{DEPTH_MAX as JSON_DEPTH_MAX, JsonError, JsonProblem};

/// The vendor whose rule decides what a fetched file is.
///
/// Named as the `ztp sniff --vendor` option names them.
///
/// ```
/// use ztp_script_detect::Vendor;
///
/// assert_eq!("cisco-nxos".parse::<Vendor>(), Ok(Vendor::CiscoNxos));
/// assert_eq!(Vendor::HuaweiVrp.name(), "huawei-vrp");
/// assert_eq!(Vendor::default(), Vendor::Juniper);
/// assert!(Vendor::Cumulus.reads_whole_file());
/// assert!(!Vendor::Arista.reads_whole_file());
/// assert!("cisco".parse::<Vendor>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Vendor {
    /// Juniper Junos: the first-line rule of R24..R26 (the default).
    #[default]
    Juniper,
    /// Arista EOS (A6, A7).
    Arista,
    /// Cisco IOS-XE ZTP (CX5).
    #[cfg_attr(feature = "serde", serde(rename = "cisco-iosxe"))]
    CiscoIosXe,
    /// Cisco NX-OS POAP (CN7).
    CiscoNxos,
    /// Cisco IOS-XR ZTP (CR7).
    #[cfg_attr(feature = "serde", serde(rename = "cisco-iosxr"))]
    CiscoIosXr,
    /// SONiC (S6).
    Sonic,
    /// NVIDIA Cumulus Linux (CU4..CU6).
    Cumulus,
    /// Dell OS10 ZTD (D3..D5).
    #[cfg_attr(feature = "serde", serde(rename = "dell-os10"))]
    DellOs10,
    /// HPE Aruba AOS-CX (AR6).
    ArubaAosCx,
    /// Extreme EXOS (E4).
    ExtremeExos,
    /// Nokia SR Linux (N4).
    NokiaSrLinux,
    /// Huawei VRP (H6).
    HuaweiVrp,
}

impl Vendor {
    /// Every vendor, in declaration order.
    pub const ALL: [Vendor; 12] = [
        Vendor::Juniper,
        Vendor::Arista,
        Vendor::CiscoIosXe,
        Vendor::CiscoNxos,
        Vendor::CiscoIosXr,
        Vendor::Sonic,
        Vendor::Cumulus,
        Vendor::DellOs10,
        Vendor::ArubaAosCx,
        Vendor::ExtremeExos,
        Vendor::NokiaSrLinux,
        Vendor::HuaweiVrp,
    ];

    /// The name `ztp sniff --vendor` takes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Vendor::Juniper => "juniper",
            Vendor::Arista => "arista",
            Vendor::CiscoIosXe => "cisco-iosxe",
            Vendor::CiscoNxos => "cisco-nxos",
            Vendor::CiscoIosXr => "cisco-iosxr",
            Vendor::Sonic => "sonic",
            Vendor::Cumulus => "cumulus",
            Vendor::DellOs10 => "dell-os10",
            Vendor::ArubaAosCx => "aruba-aoscx",
            Vendor::ExtremeExos => "extreme-exos",
            Vendor::NokiaSrLinux => "nokia-srlinux",
            Vendor::HuaweiVrp => "huawei-vrp",
        }
    }

    /// The rules (RULES.md, VENDORS.md) that decide this vendor's file.
    #[must_use]
    pub const fn rules(self) -> &'static str {
        match self {
            Vendor::Juniper => "R24, R25, R26",
            Vendor::Arista => "A6, A7",
            Vendor::CiscoIosXe => "CX5",
            Vendor::CiscoNxos => "CN7",
            Vendor::CiscoIosXr => "CR7",
            Vendor::Sonic => "S6",
            Vendor::Cumulus => "CU4, CU5, CU6",
            Vendor::DellOs10 => "D3, D4, D5",
            Vendor::ArubaAosCx => "AR6",
            Vendor::ExtremeExos => "E4",
            Vendor::NokiaSrLinux => "N4",
            Vendor::HuaweiVrp => "H6",
        }
    }

    /// Whether the rule needs the whole file (a marker, a checksum, a JSON
    /// check, line-by-line extraction, a size bound), not only its first
    /// [`PREFIX_MAX`] bytes.
    #[must_use]
    pub const fn reads_whole_file(self) -> bool {
        matches!(
            self,
            Vendor::CiscoNxos
                | Vendor::CiscoIosXr
                | Vendor::Sonic
                | Vendor::Cumulus
                | Vendor::DellOs10
                | Vendor::HuaweiVrp
        )
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A vendor name that is not one of [`Vendor::name`]'s.
///
/// ```
/// use ztp_script_detect::{UnknownVendor, Vendor};
///
/// let error: UnknownVendor = "cisco".parse::<Vendor>().unwrap_err();
/// assert!(error.to_string().starts_with("unknown vendor"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error(
    "unknown vendor: expected juniper, arista, cisco-iosxe, cisco-nxos, cisco-iosxr, sonic, \
     cumulus, dell-os10, aruba-aoscx, extreme-exos, nokia-srlinux or huawei-vrp"
)]
pub struct UnknownVendor;

impl FromStr for Vendor {
    type Err = UnknownVendor;

    fn from_str(name: &str) -> Result<Self, UnknownVendor> {
        Vendor::ALL
            .into_iter()
            .find(|vendor| vendor.name() == name)
            .ok_or(UnknownVendor)
    }
}

/// What the caller knows about where the file came from: the DHCP option
/// that named it (SONiC S6, Dell D3) and its file name (EXOS E4, Huawei H6).
///
/// ```
/// use ztp_script_detect::Hint;
///
/// let hint = Hint::option(67).with_name("ztp.json");
/// assert_eq!(hint.option, Some(67));
/// assert_eq!(hint.name, Some("ztp.json"));
/// assert_eq!(Hint::default(), Hint::NONE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Hint<'n> {
    /// The DHCP option code whose value named the file (67, 59, 239, 240, ...).
    pub option: Option<u16>,
    /// The file's name (or URL path); only its extension is used.
    pub name: Option<&'n str>,
}

impl<'n> Hint<'n> {
    /// Nothing known.
    pub const NONE: Hint<'static> = Hint {
        option: None,
        name: None,
    };

    /// The file was named by option `code`.
    #[must_use]
    pub const fn option(code: u16) -> Hint<'static> {
        Hint {
            option: Some(code),
            name: None,
        }
    }

    /// The file is called `name`.
    #[must_use]
    pub const fn name(name: &'n str) -> Self {
        Hint {
            option: None,
            name: Some(name),
        }
    }

    /// This hint with the file name `name`.
    #[must_use]
    pub const fn with_name(self, name: &'n str) -> Self {
        Hint {
            option: self.option,
            name: Some(name),
        }
    }
}

/// A file name's extension, lowercased, among those the rules name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ext {
    /// No name given.
    NoName,
    Cfg,
    Ini,
    Py,
    Xsf,
    Pol,
    Xos,
    Xmod,
    /// Another extension, or none.
    Other,
}

impl Ext {
    fn of(name: Option<&str>) -> Ext {
        let Some(name) = name else {
            return Ext::NoName;
        };
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let Some((_, ext)) = base.rsplit_once('.') else {
            return Ext::Other;
        };
        let is = |want: &str| ext.eq_ignore_ascii_case(want);
        if is("cfg") {
            Ext::Cfg
        } else if is("ini") {
            Ext::Ini
        } else if is("py") {
            Ext::Py
        } else if is("xsf") {
            Ext::Xsf
        } else if is("pol") {
            Ext::Pol
        } else if is("xos") {
            Ext::Xos
        } else if is("xmod") {
            Ext::Xmod
        } else {
            Ext::Other
        }
    }
}

/// What the fetched file is (G11).
///
/// ```
/// use ztp_script_detect::{sniff_vendor, ConfigFormat, FileKind, Hint, Image, Vendor, Workflow};
///
/// let exos = |name| sniff_vendor(Vendor::ExtremeExos, Hint::name(name), b"").map(|s| s.kind);
/// assert_eq!(exos("summitX-21.1.xos")?, FileKind::Image(Image::ExosImage));
/// assert_eq!(exos("base.cfg")?, FileKind::Configuration(ConfigFormat::Cli));
/// assert_eq!(exos("notes.txt")?, FileKind::Unknown);
/// let sonic = sniff_vendor(Vendor::Sonic, Hint::option(67), br#"{"ztp": {}}"#)?;
/// assert_eq!(sonic.kind, FileKind::Workflow(Workflow::SonicJson));
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FileKind<'a> {
    /// A configuration the device saves, loads or commits.
    Configuration(ConfigFormat),
    /// A script the device runs.
    Script(VendorScript<'a>),
    /// A document that drives the vendor's ZTP workflow.
    Workflow(Workflow),
    /// A software image or module.
    Image(Image),
    /// The rule cannot tell (EXOS: an extension it does not list).
    Unknown,
}

impl FileKind<'_> {
    /// A copy that owns its strings.
    #[must_use]
    pub fn into_owned(self) -> FileKind<'static> {
        match self {
            FileKind::Configuration(format) => FileKind::Configuration(format),
            FileKind::Script(script) => FileKind::Script(script.into_owned()),
            FileKind::Workflow(workflow) => FileKind::Workflow(workflow),
            FileKind::Image(image) => FileKind::Image(image),
            FileKind::Unknown => FileKind::Unknown,
        }
    }

    /// The lowercase name of the kind: `configuration`, `script`,
    /// `workflow`, `image`, `unknown`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            FileKind::Configuration(_) => "configuration",
            FileKind::Script(_) => "script",
            FileKind::Workflow(_) => "workflow",
            FileKind::Image(_) => "image",
            FileKind::Unknown => "unknown",
        }
    }
}

impl fmt::Display for FileKind<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileKind::Configuration(format) => write!(f, "configuration: {format}"),
            FileKind::Script(script) => write!(f, "script: {script}"),
            FileKind::Workflow(workflow) => write!(f, "workflow document: {workflow}"),
            FileKind::Image(image) => write!(f, "image: {image}"),
            FileKind::Unknown => f.write_str("unknown kind"),
        }
    }
}

/// A script as a vendor runs it: its language, and its `#!` line when it
/// has one (IOS-XE, SR Linux and EXOS run scripts without one).
///
/// ```
/// use ztp_script_detect::{sniff_vendor, FileKind, Hint, Language, Vendor};
///
/// let found = sniff_vendor(Vendor::CiscoIosXe, Hint::NONE, b"import cli\n")?;
/// let FileKind::Script(script) = found.kind else { unreachable!() };
/// assert_eq!(script.language, Language::Python);
/// assert!(script.shebang.is_none());
/// assert_eq!(script.to_string(), "python");
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VendorScript<'a> {
    /// The language the device runs it as.
    pub language: Language,
    /// The `#!` line's interpreter and argument, when there is one.
    pub shebang: Option<Script<'a>>,
}

impl VendorScript<'_> {
    /// A copy that owns its strings.
    #[must_use]
    pub fn into_owned(self) -> VendorScript<'static> {
        VendorScript {
            language: self.language,
            shebang: self.shebang.map(Script::into_owned),
        }
    }
}

impl fmt::Display for VendorScript<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.language)?;
        if let Some(shebang) = &self.shebang {
            write!(f, ", #!{}", shebang.path().escape_debug())?;
            if let Some(argument) = shebang.argument() {
                write!(f, " {}", argument.escape_debug())?;
            }
        }
        Ok(())
    }
}

/// The language a script is run as.
///
/// ```
/// use ztp_script_detect::Language;
///
/// assert_eq!(Language::EosCli.to_string(), "eos cli");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Language {
    /// POSIX shell (`/bin/sh`).
    Shell,
    /// bash.
    Bash,
    /// Python.
    Python,
    /// Junos SLAX (`/usr/libexec/ui/cscript`).
    Slax,
    /// Arista EOS CLI commands (`/usr/bin/Cli -p2`, A7).
    EosCli,
    /// EXOS CLI script (`.xsf`, E4).
    ExosCli,
    /// Perl.
    Perl,
    /// Ruby.
    Ruby,
    /// An interpreter the vendor rule does not list: see the `#!` path.
    Other,
}

impl Language {
    /// The language of a `#!` line, from the interpreter's file name (or,
    /// for `/usr/bin/env`, its first argument): `python3` is Python, `bash`
    /// is bash, and so on. Vendor rules that list exact paths (A7, CR7, D5)
    /// check the path too.
    #[must_use]
    pub fn of(script: &Script<'_>) -> Language {
        match script.interpreter() {
            Interpreter::Slax => return Language::Slax,
            Interpreter::Shell => return Language::Shell,
            _ => {}
        }
        let path = script.path();
        let mut program = path.rsplit('/').next().unwrap_or(path);
        if program == "env" {
            program = script.arguments().next().unwrap_or_default();
        }
        let program = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        match program {
            "sh" | "dash" | "ash" => Language::Shell,
            "bash" => Language::Bash,
            "python" => Language::Python,
            "perl" => Language::Perl,
            "ruby" => Language::Ruby,
            "Cli" => Language::EosCli,
            _ => Language::Other,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::Shell => "shell",
            Language::Bash => "bash",
            Language::Python => "python",
            Language::Slax => "slax",
            Language::EosCli => "eos cli",
            Language::ExosCli => "exos cli",
            Language::Perl => "perl",
            Language::Ruby => "ruby",
            Language::Other => "unlisted interpreter",
        })
    }
}

/// A document that drives a vendor's ZTP workflow.
///
/// ```
/// use ztp_script_detect::Workflow;
///
/// assert_eq!(Workflow::HuaweiIni.to_string(), "huawei intermediate file (ini)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Workflow {
    /// SONiC ZTP JSON: an object with a `ztp` object (S6).
    SonicJson,
    /// Huawei intermediate file, INI form (H6).
    HuaweiIni,
    /// Huawei intermediate file, CFG form (H6).
    HuaweiCfg,
}

impl fmt::Display for Workflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Workflow::SonicJson => "sonic ztp json",
            Workflow::HuaweiIni => "huawei intermediate file (ini)",
            Workflow::HuaweiCfg => "huawei intermediate file (cfg)",
        })
    }
}

/// A software image or module.
///
/// ```
/// use ztp_script_detect::Image;
///
/// assert_eq!(Image::ExosModule.to_string(), "exos module (.xmod)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Image {
    /// EXOS image (`.xos`, E4).
    ExosImage,
    /// EXOS module (`.xmod`, E4).
    ExosModule,
}

impl fmt::Display for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Image::ExosImage => "exos image (.xos)",
            Image::ExosModule => "exos module (.xmod)",
        })
    }
}

/// Why the device will not run or load the file: the verdict is "refused or
/// will fail" (`ztp sniff` exits 1).
///
/// ```
/// use ztp_script_detect::{sniff_vendor, Hint, Refusal, Vendor};
///
/// let found = sniff_vendor(Vendor::Cumulus, Hint::NONE, b"#!/bin/bash\necho hi\n")?;
/// assert_eq!(found.refusal, Some(Refusal::MarkerMissing));
/// assert_eq!(Refusal::MarkerMissing.rule(), "CU4");
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Refusal {
    /// CR7: not text (an image, an archive, NUL bytes).
    NotText,
    /// CR7: larger than `limit` bytes.
    TooLarge {
        /// The bound, [`IOSXR_SIZE_MAX`].
        limit: u64,
    },
    /// CR7: text that is neither `!! IOS XR` configuration nor a listed
    /// `#!` script.
    NotIosXrForm,
    /// CU4, S6 (option 239), D3: the file is run, but has no `#!` line.
    NoShebang {
        /// Whose rule runs it.
        vendor: Vendor,
    },
    /// CU4: no `CUMULUS-AUTOPROVISIONING` anywhere in the file.
    MarkerMissing,
    /// CU5: no marker within the first `bound` bytes of a longer file.
    MarkerNotFoundWithinBound {
        /// The bound, [`CUMULUS_SEARCH_MAX`].
        bound: u64,
    },
    /// S6: not a JSON document with a `ztp` object.
    Json(JsonError),
    /// CN7, H6: no checksum line (`#md5sum="…"` anywhere, or
    /// `#sha256sum="…"` as line 1).
    ChecksumLineMissing {
        /// Which checksum.
        algorithm: Algorithm,
    },
    /// CN7, H6: a checksum line whose value is not hex of the right length.
    ChecksumLineMalformed {
        /// Which checksum.
        algorithm: Algorithm,
    },
    /// CN7, H6: the stated checksum differs from the computed one (both in
    /// [`VendorSniff::checksum`]).
    ChecksumMismatch {
        /// Which checksum.
        algorithm: Algorithm,
    },
    /// D3: none of `IMG_FILE`, `CLI_CONFIG_FILE`, `POST_SCRIPT_FILE` is set
    /// to a non-empty value.
    NoProvisioningVariables,
    /// D4: a carriage return (CRLF line ends) on this line (1-based).
    CarriageReturn {
        /// The first line with a `\r`.
        line: u64,
    },
    /// H2, H3: a Huawei intermediate file must end `.ini`, `.py` or `.cfg`.
    BadExtension,
}

impl Refusal {
    /// The rule that refuses.
    #[must_use]
    pub fn rule(self) -> &'static str {
        match self {
            Refusal::NotText | Refusal::TooLarge { .. } | Refusal::NotIosXrForm => "CR7",
            Refusal::NoShebang { vendor } => match vendor {
                Vendor::Sonic => "S6",
                Vendor::DellOs10 => "D3",
                _ => "CU4",
            },
            Refusal::MarkerMissing => "CU4",
            Refusal::MarkerNotFoundWithinBound { .. } => "CU5",
            Refusal::Json(_) => "S6",
            Refusal::ChecksumLineMissing { algorithm }
            | Refusal::ChecksumLineMalformed { algorithm }
            | Refusal::ChecksumMismatch { algorithm } => match algorithm {
                Algorithm::Md5 => "CN7",
                Algorithm::Sha256 => "H6",
            },
            Refusal::NoProvisioningVariables => "D3",
            Refusal::CarriageReturn { .. } => "D4",
            Refusal::BadExtension => "H3",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotText => f.write_str("the file is not text"),
            Refusal::TooLarge { limit } => write!(f, "the file is larger than {limit} bytes"),
            Refusal::NotIosXrForm => f.write_str(
                "neither `!! IOS XR` configuration nor a #!/bin/bash, #!/bin/sh, \
                 #!/usr/bin/python or #!/usr/bin/env python script",
            ),
            Refusal::NoShebang { .. } => f.write_str("the file is run, but has no #! line"),
            Refusal::MarkerMissing => {
                f.write_str("no CUMULUS-AUTOPROVISIONING in the file: it is not run")
            }
            Refusal::MarkerNotFoundWithinBound { bound } => {
                write!(f, "marker not found within bound ({bound} bytes)")
            }
            Refusal::Json(error) => write!(f, "{error}"),
            Refusal::ChecksumLineMissing { algorithm } => {
                write!(f, "no {} line", algorithm.line_start())
            }
            Refusal::ChecksumLineMalformed { algorithm } => write!(
                f,
                "the {} line does not hold {} hex digits in quotes",
                algorithm.line_start(),
                algorithm.len() * 2
            ),
            Refusal::ChecksumMismatch { algorithm } => {
                write!(
                    f,
                    "{algorithm} mismatch: the file was changed after its checksum"
                )
            }
            Refusal::NoProvisioningVariables => {
                f.write_str("none of IMG_FILE, CLI_CONFIG_FILE, POST_SCRIPT_FILE is set: ztd fails")
            }
            Refusal::CarriageReturn { line } => {
                write!(
                    f,
                    "carriage return on line {line}: ztd files need unix line ends"
                )
            }
            Refusal::BadExtension => {
                f.write_str("the intermediate file name must end .ini, .py or .cfg")
            }
        }
    }
}

/// A checksum algorithm of a vendor rule.
///
/// ```
/// use ztp_script_detect::Algorithm;
///
/// assert_eq!(Algorithm::Sha256.len(), 32);
/// assert_eq!(Algorithm::Md5.to_string(), "md5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Algorithm {
    /// MD5 (NX-OS `#md5sum`, CN7).
    Md5,
    /// SHA-256 (Huawei `#sha256sum`, H6).
    Sha256,
}

impl Algorithm {
    /// The digest's length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        match self {
            Algorithm::Md5 => 16,
            Algorithm::Sha256 => 32,
        }
    }

    /// Always `false`: a digest has bytes (for clippy's `len` convention).
    #[must_use]
    pub const fn is_empty(self) -> bool {
        false
    }

    /// How the checksum line starts, up to the value.
    #[must_use]
    pub const fn line_start(self) -> &'static str {
        match self {
            Algorithm::Md5 => "#md5sum=",
            Algorithm::Sha256 => "#sha256sum=",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Algorithm::Md5 => "md5",
            Algorithm::Sha256 => "sha-256",
        })
    }
}

/// A digest: up to 32 bytes, shown as lowercase hex.
///
/// ```
/// use ztp_script_detect::Digest;
///
/// let digest = Digest::from_hex("D41D8CD98F00B204E9800998ECF8427E").unwrap();
/// assert_eq!(digest.to_string(), "d41d8cd98f00b204e9800998ecf8427e");
/// assert_eq!(digest.as_bytes().len(), 16);
/// assert!(Digest::from_hex("abc").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Digest {
    bytes: [u8; 32],
    len: u8,
}

impl Digest {
    /// The digest of `bytes` (at most 32 of them are kept).
    #[must_use]
    pub fn new(bytes: &[u8]) -> Self {
        let mut digest = Digest {
            bytes: [0; 32],
            len: 0,
        };
        for (to, from) in digest.bytes.iter_mut().zip(bytes) {
            *to = *from;
            digest.len += 1;
        }
        digest
    }

    /// Parses 2 to 64 hex digits (an even number, either case).
    #[must_use]
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.as_bytes();
        if hex.is_empty() || hex.len() % 2 != 0 || hex.len() > 64 {
            return None;
        }
        let mut digest = Digest {
            bytes: [0; 32],
            len: 0,
        };
        for (to, pair) in digest.bytes.iter_mut().zip(hex.chunks(2)) {
            let digit = |byte: Option<&u8>| char::from(*byte?).to_digit(16);
            let high = digit(pair.first())?;
            let low = digit(pair.get(1))?;
            *to = u8::try_from(high * 16 + low).ok()?;
            digest.len += 1;
        }
        Some(digest)
    }

    /// The digest's bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.as_bytes() {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// A checksum the file states about itself, and the one computed (CN7, H6).
///
/// ```
/// use ztp_script_detect::{sniff_vendor, Algorithm, Hint, Vendor};
///
/// let file = b"#md5sum=\"00000000000000000000000000000000\"\nimport os\n";
/// let found = sniff_vendor(Vendor::CiscoNxos, Hint::NONE, file)?;
/// let checksum = found.checksum.unwrap();
/// assert_eq!(checksum.algorithm, Algorithm::Md5);
/// assert!(!checksum.matches());
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Checksum {
    /// MD5 or SHA-256.
    pub algorithm: Algorithm,
    /// The value of the checksum line, when it is well-formed hex.
    pub stated: Option<Digest>,
    /// The checksum computed over what the rule covers.
    pub computed: Digest,
}

impl Checksum {
    /// Whether the stated checksum equals the computed one.
    #[must_use]
    pub fn matches(&self) -> bool {
        self.stated == Some(self.computed)
    }
}

/// Something a vendor rule notices that does not change the verdict.
///
/// ```
/// use ztp_script_detect::{sniff_vendor, Hint, Note, Vendor};
///
/// let found = sniff_vendor(Vendor::CiscoIosXe, Hint::NONE, b"hostname sw1\n")?;
/// assert!(found.notes.contains(Note::LooksLikeIosConfig));
/// assert!(found.accepted()); // still run as Python (CX5)
/// assert_eq!(Note::LooksLikeIosConfig.rule(), "CX5");
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[repr(u8)]
#[non_exhaustive]
pub enum Note {
    /// CX5: the file looks like IOS configuration, and IOS-XE ZTP will run it
    /// as Python.
    LooksLikeIosConfig = 0,
    /// A7, D5: an interpreter the vendor rule does not list (its path is in
    /// the script's `#!` line).
    UnlistedInterpreter = 1,
    /// CU6: a carriage return before the end of the first line: the
    /// interpreter path ends in `\r`.
    CarriageReturnInFirstLine = 2,
    /// E4, H6: no file name given, so the kind is not known from it.
    NoFileName = 3,
    /// S6: no option given; the kind is guessed from the first byte (`{`:
    /// JSON from 67/59, else a script from 239).
    KindFromContent = 4,
    /// CX5, CN7, N4: a `#!` line naming an interpreter that is not Python;
    /// the device runs the file as Python all the same.
    NotPythonShebang = 5,
    /// D4: `# POST-CONFIG` comes before `# PRE-CONFIG`.
    SectionsOutOfOrder = 6,
    /// H6: a Huawei `.py` file (the checksum line of a `.py` file is
    /// unverified, so it is not checked).
    PythonChecksumNotChecked = 7,
}

impl Note {
    /// Every note, in declaration order.
    pub const ALL: [Note; 8] = [
        Note::LooksLikeIosConfig,
        Note::UnlistedInterpreter,
        Note::CarriageReturnInFirstLine,
        Note::NoFileName,
        Note::KindFromContent,
        Note::NotPythonShebang,
        Note::SectionsOutOfOrder,
        Note::PythonChecksumNotChecked,
    ];

    /// The rule this note is about.
    #[must_use]
    pub fn rule(self) -> &'static str {
        match self {
            Note::LooksLikeIosConfig => "CX5",
            Note::UnlistedInterpreter => "A7",
            Note::CarriageReturnInFirstLine => "CU6",
            Note::NoFileName => "E4",
            Note::KindFromContent => "S6",
            Note::NotPythonShebang => "N4",
            Note::SectionsOutOfOrder => "D4",
            Note::PythonChecksumNotChecked => "H6",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u8)
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Note::LooksLikeIosConfig => {
                "the file looks like ios configuration: ios-xe ztp will run this as python"
            }
            Note::UnlistedInterpreter => "the interpreter is not one the vendor rule lists",
            Note::CarriageReturnInFirstLine => {
                "carriage return at the end of the first line: the device fails with \"could \
                 not find referenced script/interpreter\""
            }
            Note::NoFileName => "no file name given: the kind is not known from its extension",
            Note::KindFromContent => {
                "no option given: json (67/59) or script (239) guessed from the first byte"
            }
            Note::NotPythonShebang => {
                "the #! line names no python interpreter: the device runs the file as python"
            }
            Note::SectionsOutOfOrder => "# POST-CONFIG comes before # PRE-CONFIG",
            Note::PythonChecksumNotChecked => {
                "the checksum of a .py intermediate file is not checked"
            }
        })
    }
}

/// A set of [`Note`]s (a bit set: no allocation).
///
/// ```
/// use ztp_script_detect::{Note, Notes};
///
/// let notes = Notes::new().with(Note::NoFileName);
/// assert!(notes.contains(Note::NoFileName));
/// assert_eq!(notes.iter().collect::<Vec<_>>(), [Note::NoFileName]);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "Vec<Note>", into = "Vec<Note>"))]
pub struct Notes {
    bits: u16,
}

impl Notes {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Notes { bits: 0 }
    }

    /// This set with `note` added.
    #[must_use]
    pub fn with(mut self, note: Note) -> Self {
        self.insert(note);
        self
    }

    /// Adds `note`.
    pub fn insert(&mut self, note: Note) {
        self.bits |= note.bit();
    }

    /// Whether `note` is in the set.
    #[must_use]
    pub fn contains(self, note: Note) -> bool {
        self.bits & note.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The notes, in [`Note::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Note> {
        Note::ALL
            .into_iter()
            .filter(move |note| self.contains(*note))
    }
}

impl fmt::Debug for Notes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl From<Vec<Note>> for Notes {
    fn from(list: Vec<Note>) -> Self {
        let mut notes = Notes::new();
        for note in list {
            notes.insert(note);
        }
        notes
    }
}

impl From<Notes> for Vec<Note> {
    fn from(notes: Notes) -> Self {
        notes.iter().collect()
    }
}

/// The verdict of a vendor rule on a fetched file.
///
/// Borrows the `#!` line from the sniffed bytes; [`VendorSniff::into_owned`]
/// detaches it.
///
/// ```
/// use ztp_script_detect::{sniff_vendor, ConfigFormat, FileKind, Hint, Vendor};
///
/// let found = sniff_vendor(Vendor::ArubaAosCx, Hint::NONE, b"  {\"System\": {}}")?;
/// assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Json));
/// assert!(found.accepted());
/// println!("{found}");
/// let kept = found.into_owned();
/// # let _ = kept;
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VendorSniff<'a> {
    /// Whose rule decided.
    pub vendor: Vendor,
    /// What the file is (G11).
    pub kind: FileKind<'a>,
    /// Why the device will not run or load it, if it will not.
    pub refusal: Option<Refusal>,
    /// The first-line diagnostics of R24 (for a file with a `#!` line, or a
    /// configuration's binary content).
    pub diagnostics: Diagnostics,
    /// What the vendor rule notices beyond the verdict.
    pub notes: Notes,
    /// The stated and computed checksum (CN7, H6).
    pub checksum: Option<Checksum>,
    /// What a Dell OS10 file sets and holds (D3, D4).
    pub dell: Option<DellFacts>,
    /// Where the Cumulus marker starts (CU4), as a byte offset.
    pub marker_at: Option<u64>,
}

impl<'a> VendorSniff<'a> {
    fn new(vendor: Vendor, kind: FileKind<'a>) -> Self {
        VendorSniff {
            vendor,
            kind,
            refusal: None,
            diagnostics: Diagnostics::new(),
            notes: Notes::new(),
            checksum: None,
            dell: None,
            marker_at: None,
        }
    }

    fn refuse(mut self, refusal: Refusal) -> Self {
        self.refusal.get_or_insert(refusal);
        self
    }

    /// Whether the device runs, loads or uses the file: no refusal, a known
    /// kind, and no binary content given as a configuration (R28).
    #[must_use]
    pub fn accepted(&self) -> bool {
        self.refusal.is_none()
            && !matches!(
                self.kind,
                FileKind::Unknown | FileKind::Configuration(ConfigFormat::Binary(_))
            )
    }

    /// A copy that owns its strings.
    #[must_use]
    pub fn into_owned(self) -> VendorSniff<'static> {
        VendorSniff {
            vendor: self.vendor,
            kind: self.kind.into_owned(),
            refusal: self.refusal,
            diagnostics: self.diagnostics,
            notes: self.notes,
            checksum: self.checksum,
            dell: self.dell,
            marker_at: self.marker_at,
        }
    }
}

impl fmt::Display for VendorSniff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if let Some(refusal) = self.refusal {
            write!(f, "; refused [{}]: {refusal}", refusal.rule())?;
        }
        for diagnostic in self.diagnostics {
            write!(f, "; warning: {diagnostic}")?;
        }
        for note in self.notes.iter() {
            write!(f, "; note [{}]: {note}", note.rule())?;
        }
        Ok(())
    }
}

/// The part of a rule that reads the whole file.
#[derive(Debug, Clone)]
enum Engine {
    /// The first [`PREFIX_MAX`] bytes (and the size) are enough.
    Prefix,
    Marker(cumulus::MarkerSearch),
    Md5(cisco_nxos::Md5Lines),
    Sha256(huawei::AfterFirstLine),
    Json(json::JsonCheck),
    Dell(dell::DellLines),
}

/// Sniffs a file for `vendor` as it arrives, in bounded memory and without
/// allocating.
///
/// It keeps the first [`PREFIX_MAX`] bytes (the first line decides most
/// rules) and, for a rule that reads the whole file, a fixed state:
///
/// | rule | kept besides the prefix | work per byte |
/// | --- | --- | --- |
/// | CU5 marker | 23 bytes of carry | one window compare (24 bytes) |
/// | CN7 MD5 | MD5 state (~90 bytes), a 7-byte line start, 80 bytes of the `#md5sum` line | one MD5 step |
/// | H6 SHA-256 | SHA-256 state (~110 bytes) | one SHA-256 step |
/// | S6 JSON | ~48 bytes: a bit per nesting level (128), grammar state | a state change |
/// | D3/D4 | 64 bytes of the current line | a compare at each line end |
/// | CR7 | the byte count | none |
///
/// [`VendorSniffer::feed`] says [`Status::Complete`] once nothing that
/// follows can change the answer (the prefix is full for a first-line rule,
/// the Cumulus marker is found, an IOS-XR file passed its size bound); a
/// whole-file rule otherwise takes every byte until [`VendorSniffer::finish`].
/// The answer is the one [`sniff_vendor`] gives on the whole file, however the
/// file is cut.
///
/// ```
/// use ztp_script_detect::{sniff_vendor, Hint, Vendor, VendorSniffer};
///
/// let file = b"#!/bin/bash\n# CUMULUS-AUTOPROVISIONING\nexit 0\n";
/// let mut sniffer = VendorSniffer::new(Vendor::Cumulus, Hint::NONE);
/// for chunk in file.chunks(7) {
///     let _ = sniffer.feed(chunk);
/// }
/// assert_eq!(sniffer.finish()?, sniff_vendor(Vendor::Cumulus, Hint::NONE, file)?);
/// assert_eq!(sniffer.finish()?.marker_at, Some(14));
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
#[derive(Clone)]
pub struct VendorSniffer {
    vendor: Vendor,
    option: Option<u16>,
    ext: Ext,
    head: [u8; PREFIX_MAX],
    head_len: usize,
    total: u64,
    engine: Engine,
}

impl VendorSniffer {
    /// A sniffer for `vendor`'s rule, with what is known of the file.
    #[must_use]
    pub fn new(vendor: Vendor, hint: Hint<'_>) -> Self {
        let ext = Ext::of(hint.name);
        let engine = match vendor {
            Vendor::Cumulus => Engine::Marker(cumulus::MarkerSearch::new()),
            Vendor::CiscoNxos => Engine::Md5(cisco_nxos::Md5Lines::new()),
            Vendor::HuaweiVrp if ext != Ext::Py => Engine::Sha256(huawei::AfterFirstLine::new()),
            Vendor::Sonic if hint.option != Some(239) => Engine::Json(json::JsonCheck::new()),
            Vendor::DellOs10 => Engine::Dell(dell::DellLines::new()),
            _ => Engine::Prefix,
        };
        VendorSniffer {
            vendor,
            option: hint.option,
            ext,
            head: [0; PREFIX_MAX],
            head_len: 0,
            total: 0,
            engine,
        }
    }

    /// Takes the next chunk of the file: [`Status::Partial`] when all of it
    /// was taken, [`Status::Complete`]`(n)` when the answer is decided after
    /// the first `n` bytes of it (0 once decided earlier).
    pub fn feed(&mut self, chunk: &[u8]) -> Status<usize> {
        if self.is_complete() {
            return Status::Complete(0);
        }
        let take = match self.engine {
            Engine::Prefix if self.vendor != Vendor::CiscoIosXr => {
                (PREFIX_MAX - self.head_len).min(chunk.len())
            }
            _ => chunk.len(),
        };
        let chunk = chunk.get(..take).unwrap_or(chunk);
        let room = self.head.get_mut(self.head_len..).unwrap_or_default();
        let copy = room.len().min(chunk.len());
        if let (Some(to), Some(from)) = (room.get_mut(..copy), chunk.get(..copy)) {
            to.copy_from_slice(from);
        }
        self.head_len += copy;
        let before = self.total;
        self.total += chunk.len() as u64;
        match &mut self.engine {
            Engine::Prefix => {}
            Engine::Marker(search) => search.feed(before, chunk),
            Engine::Md5(lines) => lines.feed(chunk),
            Engine::Sha256(hash) => hash.feed(chunk),
            Engine::Json(check) => check.feed(chunk),
            Engine::Dell(lines) => lines.feed(chunk),
        }
        if self.is_complete() {
            Status::Complete(take)
        } else {
            Status::Partial
        }
    }

    /// Whether the answer is decided, whatever follows.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        let head_full = self.head_len >= PREFIX_MAX;
        match &self.engine {
            Engine::Prefix if self.vendor == Vendor::CiscoIosXr => {
                self.total > cisco_iosxr::SIZE_MAX
            }
            Engine::Prefix => head_full,
            Engine::Marker(search) => head_full && search.found().is_some(),
            _ => false,
        }
    }

    /// How many bytes of the file were taken.
    #[must_use]
    pub fn consumed(&self) -> u64 {
        self.total
    }

    /// The answer: at the end of the file, or once [`VendorSniffer::feed`]
    /// said [`Status::Complete`].
    ///
    /// # Errors
    ///
    /// As [`crate::sniff`], for a `#!` first line the rule reads.
    pub fn finish(&self) -> Result<VendorSniff<'_>, Error> {
        let head = self.head.get(..self.head_len).unwrap_or_default();
        decide(
            self.vendor,
            self.option,
            self.ext,
            head,
            self.total,
            &self.engine,
        )
    }
}

impl fmt::Debug for VendorSniffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VendorSniffer")
            .field("vendor", &self.vendor)
            .field("consumed", &self.total)
            .field("complete", &self.is_complete())
            .finish_non_exhaustive()
    }
}

/// Sniffs a whole file for `vendor`: [`VendorSniffer`] fed the file in one
/// chunk, with the answer borrowing from `file`.
///
/// ```
/// use ztp_script_detect::{sniff_vendor, ConfigFormat, FileKind, Hint, Vendor};
///
/// let found = sniff_vendor(Vendor::CiscoIosXr, Hint::NONE, b"!! IOS XR\nhostname r1\n")?;
/// assert_eq!(found.kind, FileKind::Configuration(ConfigFormat::Cli));
/// # Ok::<(), ztp_script_detect::Error>(())
/// ```
///
/// # Errors
///
/// As [`crate::sniff`], for a `#!` first line the rule reads.
pub fn sniff_vendor<'a>(
    vendor: Vendor,
    hint: Hint<'_>,
    file: &'a [u8],
) -> Result<VendorSniff<'a>, Error> {
    let mut sniffer = VendorSniffer::new(vendor, hint);
    // Only the engine's state is kept; the answer borrows `file` itself.
    let _ = sniffer.feed(file);
    let head = file.get(..PREFIX_MAX).unwrap_or(file);
    decide(
        vendor,
        sniffer.option,
        sniffer.ext,
        head,
        sniffer.total,
        &sniffer.engine,
    )
}

/// The rule of `vendor`, on the first bytes `head`, the size `total` and
/// what the engine found.
fn decide<'a>(
    vendor: Vendor,
    option: Option<u16>,
    ext: Ext,
    head: &'a [u8],
    total: u64,
    engine: &Engine,
) -> Result<VendorSniff<'a>, Error> {
    match (vendor, engine) {
        (Vendor::Arista, _) => arista::decide(head),
        (Vendor::CiscoIosXe, _) => cisco_iosxe::decide(head),
        (Vendor::CiscoNxos, Engine::Md5(lines)) => cisco_nxos::decide(head, lines),
        (Vendor::CiscoIosXr, _) => cisco_iosxr::decide(head, total),
        (Vendor::Sonic, Engine::Json(check)) => sonic::decide(head, option, Some(check)),
        (Vendor::Sonic, _) => sonic::decide(head, option, None),
        (Vendor::Cumulus, Engine::Marker(search)) => cumulus::decide(head, total, search),
        (Vendor::DellOs10, Engine::Dell(lines)) => dell::decide(head, option, lines),
        (Vendor::ArubaAosCx, _) => aruba::decide(head),
        (Vendor::ExtremeExos, _) => extreme::decide(head, ext),
        (Vendor::NokiaSrLinux, _) => nokia::decide(head),
        (Vendor::HuaweiVrp, Engine::Sha256(hash)) => huawei::decide(head, ext, Some(hash)),
        (Vendor::HuaweiVrp, _) => huawei::decide(head, ext, None),
        _ => juniper::decide(head),
    }
}

/// The first-line verdict of R24 on `head`, as a script (with
/// [`Language::of`]) or `None` for a file with no `#!` interpreter line, and
/// the R24 diagnostics.
fn shebang(head: &[u8]) -> Result<(Option<Script<'_>>, Diagnostics, ConfigFormat), Error> {
    let found = crate::sniff(head)?;
    Ok(match found.kind {
        crate::Kind::Script(script) => (Some(script), found.diagnostics, ConfigFormat::Unknown),
        crate::Kind::Configuration(format) => (None, found.diagnostics, format),
    })
}

/// A script verdict for `script`, with [`Language::of`].
fn script_kind(script: Script<'_>) -> FileKind<'_> {
    FileKind::Script(VendorScript {
        language: Language::of(&script),
        shebang: Some(script),
    })
}

/// The first line of `head`, without its newline.
fn first_line(head: &[u8]) -> &[u8] {
    head.split(|byte| *byte == b'\n').next().unwrap_or(head)
}

/// Python, with the `#!` line if there is one (CX5, CN7, N4): a `#!` naming
/// another language gets [`Note::NotPythonShebang`].
fn python<'a>(vendor: Vendor, head: &'a [u8]) -> Result<VendorSniff<'a>, Error> {
    let (script, diagnostics, _) = shebang(head)?;
    let mut found = VendorSniff::new(vendor, FileKind::Unknown);
    if script
        .as_ref()
        .is_some_and(|script| Language::of(script) != Language::Python)
    {
        found.notes.insert(Note::NotPythonShebang);
    }
    if script.is_some() {
        found.diagnostics = diagnostics;
    }
    found.kind = FileKind::Script(VendorScript {
        language: Language::Python,
        shebang: script,
    });
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for vendor in Vendor::ALL {
            assert_eq!(vendor.name().parse(), Ok(vendor));
            assert_eq!(vendor.to_string(), vendor.name());
            assert!(!vendor.rules().is_empty());
        }
        assert_eq!("Juniper".parse::<Vendor>(), Err(UnknownVendor));
    }

    #[test]
    fn extensions() {
        assert_eq!(Ext::of(None), Ext::NoName);
        assert_eq!(Ext::of(Some("a/b.INI")), Ext::Ini);
        assert_eq!(Ext::of(Some("x.cfg")), Ext::Cfg);
        assert_eq!(Ext::of(Some("dir.d/file")), Ext::Other);
        assert_eq!(Ext::of(Some("x.Xmod")), Ext::Xmod);
        assert_eq!(Ext::of(Some("x.tar.gz")), Ext::Other);
    }

    #[test]
    fn languages_by_interpreter_name() {
        let of =
            |path: &'static str, argument: &'static str| Language::of(&Script::new(path, argument));
        assert_eq!(of("/usr/bin/python3", ""), Language::Python);
        assert_eq!(of("/usr/bin/python3.11", ""), Language::Python);
        assert_eq!(of("/usr/bin/env", "python3 -u"), Language::Python);
        assert_eq!(of("/bin/sh", ""), Language::Shell);
        assert_eq!(of("/bin/bash", ""), Language::Bash);
        assert_eq!(of("/usr/bin/perl", ""), Language::Perl);
        assert_eq!(of("/usr/bin/ruby", ""), Language::Ruby);
        assert_eq!(of("/usr/libexec/ui/cscript", ""), Language::Slax);
        assert_eq!(of("/usr/bin/tclsh", ""), Language::Other);
    }

    #[test]
    fn displays_are_lowercase() {
        for note in Note::ALL {
            let text = note.to_string();
            assert!(
                text.chars().next().is_some_and(|c| !c.is_uppercase()),
                "{text}"
            );
        }
        let refusals = [
            Refusal::NotText,
            Refusal::MarkerMissing,
            Refusal::BadExtension,
            Refusal::ChecksumMismatch {
                algorithm: Algorithm::Md5,
            },
        ];
        for refusal in refusals {
            let text = refusal.to_string();
            assert!(
                text.chars().next().is_some_and(|c| !c.is_uppercase()),
                "{text}"
            );
        }
    }

    #[test]
    fn digest_hex() {
        assert_eq!(Digest::from_hex("0g"), None);
        assert_eq!(Digest::from_hex(""), None);
        assert_eq!(Digest::from_hex(&"a".repeat(66)), None);
        let digest = Digest::new(&[1, 0xab]);
        assert_eq!(digest.to_string(), "01ab");
        assert_eq!(Digest::from_hex("01AB"), Some(digest));
    }
}
