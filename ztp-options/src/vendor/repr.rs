//! [`IdentityRepr`]: the owned identity, and what each device writes in
//! its DISCOVER or SOLICIT.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use bytes::BufMut;

use super::{
    Detail, Identity, Phase, Vendor, arista, aruba, cisco, cumulus, dell, extreme, huawei, juniper,
    nokia, sonic,
};
use crate::error::{EncodeError, EncodeErrorKind, Item};
use crate::family::Family;
use crate::v4;
use crate::v6;

/// A field of an identity, named in [`EncodeErrorKind::Identity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum IdentityField {
    /// [`IdentityRepr::model`].
    Model,
    /// [`IdentityRepr::serial`].
    Serial,
    /// [`IdentityRepr::version`].
    Version,
    /// [`IdentityRepr::phase`].
    Phase,
    /// [`IdentityRepr::detail`].
    Detail,
    /// [`IdentityRepr::mac`].
    Mac,
}

impl IdentityField {
    /// The lowercase name.
    pub const fn as_str(self) -> &'static str {
        match self {
            IdentityField::Model => "model",
            IdentityField::Serial => "serial",
            IdentityField::Version => "version",
            IdentityField::Phase => "phase",
            IdentityField::Detail => "detail",
            IdentityField::Mac => "mac",
        }
    }
}

/// Why an identity field cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum IdentityProblem {
    /// The vendor's form needs it and it is absent.
    Missing,
    /// The vendor's device does not send it in this family.
    NotSent,
    /// Empty, not printable ASCII, or holding the form's separator (`;`,
    /// `##`, a space): it would not decode back the same.
    BadText,
}

impl IdentityProblem {
    /// The lowercase description.
    pub const fn as_str(self) -> &'static str {
        match self {
            IdentityProblem::Missing => "is required by the vendor's form",
            IdentityProblem::NotSent => "is not sent by this vendor in this family",
            IdentityProblem::BadText => "is empty, not printable, or holds the form's separator",
        }
    }
}

impl fmt::Display for IdentityProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// [`Detail`], owned.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum DetailRepr {
    /// Cumulus's arch token (CU1).
    Arch(String),
    /// Dell OS9's service tag (D6).
    ServiceTag(String),
}

/// An identity, owned: what a device of `vendor` says about itself. The
/// encoders write exactly the options that device sends (G1..G5, the
/// vendor's identity rule) and refuse, with a typed error, a field the
/// device does not send or cannot carry.
///
/// What each vendor carries (v4 / v6; `-` none, so an error):
///
/// | vendor | model | serial | version | phase | detail | mac (v6 DUID-LL) |
/// | --- | --- | --- | --- | --- | --- | --- |
/// | juniper | 60 (required) / 16 | 60 and 61 / 16 | 77 / 15 | - | - | v6 |
/// | arista | 60 (required) / 16 | 60 (required) / 16 | 60 (required) / 16 | - | - | v6 |
/// | cisco-iosxe, cisco-pnp | 124 (required) | 61 | - | - | - | - (v4 only) |
/// | cisco-nxos | - | 61 / - | - | - | - | v6 |
/// | cisco-iosxr | 60, 124 / 16 (required) | 61, 124 / DUID-EN (required) | - | 77 / 15 | - | - |
/// | sonic | 61 (with serial) / - | 61 (with model) / - | - | - | - | v6 |
/// | cumulus | - | - | - | - | arch (required) | - (v4 only) |
/// | nvos | - / 16 (required) | - / 16 (required) | - | - | - | v6 (v6 only) |
/// | dell-os9 | 60 (required) | 60 | 60 | - | service tag | - (v4 only) |
/// | huawei-vrp | - | 61 / - | - | - | - | v6 |
/// | dell-os10, aruba-aoscx, extreme-exos, nokia-srlinux | - | - | - | - | - | nokia-srlinux v6 only |
///
/// For the last five and Huawei the identity is **unverified**: only the
/// parameter request list (and Huawei's ESN in 61) is written, and
/// decoding names no vendor ([`Vendor::is_identified_by_request`]).
///
/// ```
/// use ztp_options::v4::{MessageRepr, OptionCode};
/// use ztp_options::vendor::{Identity, IdentityRepr, Vendor};
///
/// let repr = IdentityRepr::new(Vendor::CiscoIosXe)
///     .with_model("C9200CX-8P-2X2G")
///     .with_serial("FOC2418L0XX");
/// let options = repr.to_v4_options()?;
/// assert_eq!(options.get(OptionCode::VENDOR_CLASS), Some(&b"ciscopnp"[..]));
/// assert_eq!(options.get(OptionCode::new(124)), Some(&b"\x00\x00\x00\x09\x10\x0fC9200CX-8P-2X2G"[..]));
/// let bytes = MessageRepr::reply(options).to_vec();
/// assert_eq!(Identity::from_v4(&bytes)?.to_repr(), Some(repr));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IdentityRepr {
    /// The vendor.
    pub vendor: Vendor,
    /// The model (PID, product name).
    pub model: Option<String>,
    /// The serial number.
    pub serial: Option<String>,
    /// The software version.
    pub version: Option<String>,
    /// The IOS-XR phase (CR3).
    pub phase: Option<Phase>,
    /// A vendor-specific field.
    pub detail: Option<DetailRepr>,
    /// The MAC address a DHCPv6 DUID-LL is built from (DHCPv4 carries the
    /// MAC in `chaddr`, not in an option: always `None` there).
    pub mac: Option<[u8; 6]>,
}

impl IdentityRepr {
    /// An identity of `vendor` with no field set.
    pub const fn new(vendor: Vendor) -> Self {
        IdentityRepr {
            vendor,
            model: None,
            serial: None,
            version: None,
            phase: None,
            detail: None,
            mac: None,
        }
    }

    /// With this model.
    #[must_use]
    pub fn with_model(mut self, model: &str) -> Self {
        self.model = Some(model.into());
        self
    }

    /// With this serial.
    #[must_use]
    pub fn with_serial(mut self, serial: &str) -> Self {
        self.serial = Some(serial.into());
        self
    }

    /// With this version.
    #[must_use]
    pub fn with_version(mut self, version: &str) -> Self {
        self.version = Some(version.into());
        self
    }

    /// With this IOS-XR phase.
    #[must_use]
    pub fn with_phase(mut self, phase: Phase) -> Self {
        self.phase = Some(phase);
        self
    }

    /// With Cumulus's arch token.
    #[must_use]
    pub fn with_detail_arch(mut self, arch: &str) -> Self {
        self.detail = Some(DetailRepr::Arch(arch.into()));
        self
    }

    /// With Dell OS9's service tag.
    #[must_use]
    pub fn with_service_tag(mut self, tag: &str) -> Self {
        self.detail = Some(DetailRepr::ServiceTag(tag.into()));
        self
    }

    /// With the MAC of a DHCPv6 DUID-LL.
    #[must_use]
    pub fn with_mac(mut self, mac: [u8; 6]) -> Self {
        self.mac = Some(mac);
        self
    }

    /// The DHCPv4 parameter request list (option 55) the vendor's device
    /// sends. Where VENDORS.md names codes (CX1, A3, CU2, CR6, S2, D2,
    /// SPEC for Juniper) they are there; 1, 3, 6, 15 and the rest are a
    /// **choice** (each vendor's file says which).
    ///
    /// ```
    /// use ztp_options::vendor::{IdentityRepr, Vendor};
    ///
    /// assert!(IdentityRepr::new(Vendor::Cumulus).parameter_request_list().contains(&239));
    /// ```
    pub fn parameter_request_list(&self) -> &'static [u8] {
        match self.vendor {
            Vendor::Juniper => juniper::PRL,
            Vendor::Arista => arista::PRL,
            Vendor::CiscoIosXe | Vendor::CiscoPnp => cisco::IOSXE_PRL,
            Vendor::CiscoNxos => cisco::NXOS_PRL,
            Vendor::CiscoIosXr => cisco::IOSXR_PRL,
            Vendor::Sonic => sonic::PRL,
            Vendor::Cumulus => cumulus::PRL,
            Vendor::DellOs9 => dell::OS9_PRL,
            Vendor::DellOs10 => dell::OS10_PRL,
            Vendor::ArubaAosCx => aruba::PRL,
            Vendor::ExtremeExos => extreme::PRL,
            Vendor::NokiaSrLinux => nokia::PRL,
            Vendor::HuaweiVrp => huawei::PRL,
            Vendor::Nvos => &[],
        }
    }

    /// The DHCPv6 option request option (6) the vendor's device sends
    /// (empty for a vendor without DHCPv6 ZTP).
    pub fn option_request(&self) -> &'static [u16] {
        match self.vendor {
            Vendor::Juniper => juniper::ORO,
            Vendor::Arista => arista::ORO,
            Vendor::CiscoNxos => cisco::NXOS_ORO,
            Vendor::CiscoIosXr => cisco::IOSXR_ORO,
            Vendor::Sonic => sonic::ORO,
            Vendor::Nvos => cumulus::NVOS_ORO,
            Vendor::NokiaSrLinux => nokia::ORO,
            Vendor::HuaweiVrp => huawei::ORO,
            _ => &[],
        }
    }

    fn err(&self, family: Family, field: IdentityField, problem: IdentityProblem) -> EncodeError {
        EncodeError::new(
            Item::message(family),
            EncodeErrorKind::Identity {
                vendor: self.vendor,
                field,
                problem,
            },
        )
    }

    fn get(&self, field: IdentityField) -> Option<&str> {
        match field {
            IdentityField::Model => self.model.as_deref(),
            IdentityField::Serial => self.serial.as_deref(),
            IdentityField::Version => self.version.as_deref(),
            IdentityField::Detail => match &self.detail {
                Some(DetailRepr::Arch(s) | DetailRepr::ServiceTag(s)) => Some(s),
                None => None,
            },
            IdentityField::Phase => self.phase.map(Phase::as_str),
            IdentityField::Mac => None,
        }
    }

    fn is_set(&self, field: IdentityField) -> bool {
        match field {
            IdentityField::Mac => self.mac.is_some(),
            IdentityField::Phase => self.phase.is_some(),
            f => self.get(f).is_some(),
        }
    }

    /// The fields not in `carried` must be absent.
    fn only(&self, family: Family, carried: &[IdentityField]) -> Result<(), EncodeError> {
        use IdentityField as F;
        for f in [F::Model, F::Serial, F::Version, F::Phase, F::Detail, F::Mac] {
            if !carried.contains(&f) && self.is_set(f) {
                return Err(self.err(family, f, IdentityProblem::NotSent));
            }
        }
        Ok(())
    }

    /// A text field, checked: printable ASCII with no space, not empty,
    /// none of `forbidden`.
    fn text(
        &self,
        family: Family,
        field: IdentityField,
        forbidden: &[&str],
    ) -> Result<Option<&str>, EncodeError> {
        let Some(s) = self.get(field) else {
            return Ok(None);
        };
        if super::field(s.as_bytes()).is_none() || forbidden.iter().any(|f| s.contains(f)) {
            return Err(self.err(family, field, IdentityProblem::BadText));
        }
        Ok(Some(s))
    }

    fn need(
        &self,
        family: Family,
        field: IdentityField,
        forbidden: &[&str],
    ) -> Result<&str, EncodeError> {
        self.text(family, field, forbidden)?
            .ok_or_else(|| self.err(family, field, IdentityProblem::Missing))
    }

    fn not_in_family(&self, family: Family) -> EncodeError {
        EncodeError::new(Item::message(family), EncodeErrorKind::NotInFamily)
    }

    /// The options the device sends in its DISCOVER: 60, 61, 77, 124 as
    /// the vendor writes them, and 55.
    ///
    /// # Errors
    ///
    /// [`EncodeErrorKind::Identity`] for a field the vendor's form needs
    /// and lacks, does not carry, or cannot hold;
    /// [`EncodeErrorKind::NotInFamily`] for NVOS (DHCPv6 only, CU8);
    /// [`EncodeErrorKind::TooLong`] for a value over 255 bytes.
    pub fn to_v4_options(&self) -> Result<v4::OptionSet, EncodeError> {
        use IdentityField as F;
        const V4: Family = Family::V4;
        let mut set = v4::OptionSet::new();
        let mut put = |code: u8, value: Vec<u8>| -> Result<(), EncodeError> {
            if value.len() > 255 {
                return Err(EncodeError::new(
                    Item::option(V4, u16::from(code)),
                    EncodeErrorKind::TooLong {
                        len: value.len(),
                        max: 255,
                    },
                ));
            }
            set.insert(v4::OptionCode::new(code), value)
        };
        match self.vendor {
            Vendor::Juniper => {
                self.only(V4, &[F::Model, F::Serial, F::Version])?;
                let model = self.need(V4, F::Model, &[])?;
                // R6: the serial is taken from 60 only when it looks like one.
                if !juniper_model(model) {
                    return Err(self.err(V4, F::Model, IdentityProblem::BadText));
                }
                let serial = self.text(V4, F::Serial, &["-", ":"])?;
                if serial.is_some_and(|s| !juniper_serial(s)) {
                    return Err(self.err(V4, F::Serial, IdentityProblem::BadText));
                }
                let mut class = alloc::format!("Juniper-{model}");
                if let Some(serial) = serial {
                    class.push('-');
                    class.push_str(serial);
                    put(61, type_zero(serial))?;
                }
                put(60, class.into_bytes())?;
                if let Some(version) = self.text(V4, F::Version, &[])? {
                    put(
                        77,
                        rfc3004(&[b"Juniper", model.as_bytes(), version.as_bytes()]),
                    )?;
                }
            }
            Vendor::Arista => {
                self.only(V4, &[F::Model, F::Serial, F::Version])?;
                let class = self.arista_class(V4)?;
                put(60, class.into_bytes())?;
            }
            Vendor::CiscoIosXe | Vendor::CiscoPnp => {
                self.only(V4, &[F::Model, F::Serial])?;
                let pid = self.need(V4, F::Model, &[])?;
                put(60, cisco::CISCOPNP.to_vec())?;
                put(124, vivc(pid.as_bytes())?)?;
                if let Some(serial) = self.text(V4, F::Serial, &[])? {
                    put(61, type_zero(serial))?;
                }
            }
            Vendor::CiscoNxos => {
                self.only(V4, &[F::Serial])?;
                if let Some(serial) = self.text(V4, F::Serial, &[])? {
                    put(61, type_zero(serial))?;
                }
                put(77, rfc3004(&[cisco::POAP]))?;
            }
            Vendor::CiscoIosXr => {
                self.only(V4, &[F::Model, F::Serial, F::Phase])?;
                let pid = self.need(V4, F::Model, &[";"])?;
                let serial = self.need(V4, F::Serial, &[";"])?;
                put(60, alloc::format!("{}{pid}", cisco::PXE_CLASS).into_bytes())?;
                put(61, type_zero(serial))?;
                put(
                    124,
                    vivc(alloc::format!("SN:{serial};PID:{pid}").as_bytes())?,
                )?;
                if let Some(phase) = self.phase {
                    // CR1: raw, not RFC 3004-framed.
                    put(77, phase.as_str().as_bytes().to_vec())?;
                }
            }
            Vendor::Sonic => {
                self.only(V4, &[F::Model, F::Serial])?;
                let model = self.text(V4, F::Model, &["##"])?;
                let serial = self.text(V4, F::Serial, &["##"])?;
                match (model, serial) {
                    (Some(model), Some(serial)) => {
                        put(61, alloc::format!("SONiC##{model}##{serial}").into_bytes())?;
                    }
                    (Some(_), None) => {
                        return Err(self.err(V4, F::Serial, IdentityProblem::Missing));
                    }
                    (None, Some(_)) => {
                        return Err(self.err(V4, F::Model, IdentityProblem::Missing));
                    }
                    (None, None) => {}
                }
                put(77, rfc3004(&[sonic::USER_CLASS]))?;
            }
            Vendor::Cumulus => {
                self.only(V4, &[F::Detail])?;
                let Some(DetailRepr::Arch(_)) = &self.detail else {
                    return Err(self.err(V4, F::Detail, IdentityProblem::Missing));
                };
                let arch = self.need(V4, F::Detail, &[])?;
                put(60, alloc::format!("cumulus-linux {arch}").into_bytes())?;
            }
            Vendor::DellOs9 => {
                self.only(V4, &[F::Model, F::Serial, F::Version, F::Detail])?;
                if let Some(DetailRepr::Arch(_)) = &self.detail {
                    return Err(self.err(V4, F::Detail, IdentityProblem::NotSent));
                }
                let model = self.need(V4, F::Model, &["="])?;
                let mut class = alloc::format!("TY=DELLNTW-{model}");
                for (key, field) in [("SN", F::Serial), ("ST", F::Detail), ("OS", F::Version)] {
                    if let Some(v) = self.text(V4, field, &[])? {
                        class.push_str(&alloc::format!(" {key}={v}"));
                    }
                }
                put(60, class.into_bytes())?;
            }
            Vendor::HuaweiVrp => {
                // H1: 61 = the ESN (type 0, G4 **choice**); 60 unverified.
                self.only(V4, &[F::Serial])?;
                if let Some(serial) = self.text(V4, F::Serial, &[])? {
                    put(61, type_zero(serial))?;
                }
            }
            Vendor::DellOs10 | Vendor::ArubaAosCx | Vendor::ExtremeExos | Vendor::NokiaSrLinux => {
                self.only(V4, &[])?;
            }
            Vendor::Nvos => return Err(self.not_in_family(V4)),
        }
        put(55, self.parameter_request_list().to_vec())?;
        Ok(set)
    }

    fn arista_class(&self, family: Family) -> Result<String, EncodeError> {
        use IdentityField as F;
        let model = self.need(family, F::Model, &[";"])?;
        let version = self.need(family, F::Version, &[";"])?;
        let serial = self.need(family, F::Serial, &[";"])?;
        Ok(alloc::format!("Arista;{model};{version};{serial}"))
    }

    /// The options the device sends in its SOLICIT: the DUID (1), 15, 16,
    /// 17 as the vendor writes them, and 6.
    ///
    /// # Errors
    ///
    /// As [`IdentityRepr::to_v4_options`]; [`EncodeErrorKind::NotInFamily`]
    /// for a vendor whose ZTP is IPv4 only (IOS-XE, Cumulus CU7, Dell D2,
    /// AOS-CX AR4) or whose DHCPv6 identity is not documented (EXOS).
    pub fn to_v6_options(&self) -> Result<v6::OptionSet, EncodeError> {
        use IdentityField as F;
        const V6: Family = Family::V6;
        let mut set = v6::OptionSet::new();
        let class = |enterprise: u32, item: &[u8]| -> Result<Vec<u8>, EncodeError> {
            let mut v = Vec::new();
            v6::VendorClass::put(enterprise, &[item], &mut v)?;
            Ok(v)
        };
        let user = |item: &[u8]| -> Result<Vec<u8>, EncodeError> {
            let mut v = Vec::new();
            v6::UserClass::put(&[item], &mut v)?;
            Ok(v)
        };
        let duid_ll = |set: &mut v6::OptionSet, mac: Option<[u8; 6]>| {
            if let Some(mac) = mac {
                let mut v = alloc::vec![0, 3, 0, 1];
                v.extend_from_slice(&mac);
                set.push(v6::OptionCode::CLIENT_ID, v);
            }
        };
        match self.vendor {
            Vendor::Juniper => {
                self.only(V6, &[F::Model, F::Serial, F::Version, F::Mac])?;
                let model = self.need(V6, F::Model, &[])?;
                if !juniper_model(model) {
                    return Err(self.err(V6, F::Model, IdentityProblem::BadText));
                }
                let serial = self.text(V6, F::Serial, &["-", ":"])?;
                if serial.is_some_and(|s| !juniper_serial(s)) {
                    return Err(self.err(V6, F::Serial, IdentityProblem::BadText));
                }
                duid_ll(&mut set, self.mac);
                let mut vc = alloc::format!("Juniper-{model}");
                if let Some(serial) = serial {
                    vc.push('-');
                    vc.push_str(serial);
                }
                if let Some(version) = self.text(V6, F::Version, &[])? {
                    let mut v = Vec::new();
                    v6::UserClass::put(
                        &[&b"Juniper"[..], model.as_bytes(), version.as_bytes()],
                        &mut v,
                    )?;
                    set.push(v6::OptionCode::USER_CLASS, v);
                }
                set.push(
                    v6::OptionCode::VENDOR_CLASS,
                    class(v6::JUNIPER_ENTERPRISE, vc.as_bytes())?,
                );
            }
            Vendor::Arista => {
                self.only(V6, &[F::Model, F::Serial, F::Version, F::Mac])?;
                let vc = self.arista_class(V6)?;
                duid_ll(&mut set, self.mac);
                set.push(
                    v6::OptionCode::VENDOR_CLASS,
                    class(arista::V6_ENTERPRISE, vc.as_bytes())?,
                );
            }
            Vendor::CiscoNxos => {
                self.only(V6, &[F::Mac])?;
                duid_ll(&mut set, self.mac);
                set.push(v6::OptionCode::USER_CLASS, user(cisco::POAP)?);
            }
            Vendor::CiscoIosXr => {
                self.only(V6, &[F::Model, F::Serial, F::Phase])?;
                let pid = self.need(V6, F::Model, &[])?;
                let serial = self.need(V6, F::Serial, &[])?;
                // CR2: DUID-EN, enterprise 9, the serial and a NUL (as in
                // the xrdocs capture).
                let mut duid = alloc::vec![0, 2, 0, 0, 0, 9];
                duid.extend_from_slice(serial.as_bytes());
                duid.push(0);
                set.push(v6::OptionCode::CLIENT_ID, duid);
                if let Some(phase) = self.phase {
                    set.push(v6::OptionCode::USER_CLASS, user(phase.as_str().as_bytes())?);
                }
                set.push(
                    v6::OptionCode::VENDOR_CLASS,
                    class(v4::CISCO_ENTERPRISE, pid.as_bytes())?,
                );
            }
            Vendor::Sonic => {
                self.only(V6, &[F::Mac])?;
                duid_ll(&mut set, self.mac);
                set.push(v6::OptionCode::USER_CLASS, user(sonic::USER_CLASS)?);
            }
            Vendor::Nvos => {
                self.only(V6, &[F::Model, F::Serial, F::Mac])?;
                let model = self.need(V6, F::Model, &["##"])?;
                let serial = self.need(V6, F::Serial, &["##"])?;
                duid_ll(&mut set, self.mac);
                set.push(
                    v6::OptionCode::VENDOR_CLASS,
                    class(
                        cumulus::NVOS_ENTERPRISE,
                        alloc::format!("NVOS##{model}##{serial}").as_bytes(),
                    )?,
                );
            }
            Vendor::NokiaSrLinux | Vendor::HuaweiVrp => {
                self.only(V6, &[F::Mac])?;
                duid_ll(&mut set, self.mac);
            }
            Vendor::CiscoIosXe
            | Vendor::CiscoPnp
            | Vendor::Cumulus
            | Vendor::DellOs9
            | Vendor::DellOs10
            | Vendor::ArubaAosCx
            | Vendor::ExtremeExos => return Err(self.not_in_family(V6)),
        }
        let oro: Vec<u8> = self
            .option_request()
            .iter()
            .flat_map(|c| c.to_be_bytes())
            .collect();
        set.push(v6::OptionCode::new(6), oro);
        Ok(set)
    }

    /// Appends the DHCPv4 options of [`IdentityRepr::to_v4_options`] (no
    /// end option), as [`v4::OptionSet::put`] writes them.
    ///
    /// # Errors
    ///
    /// As [`IdentityRepr::to_v4_options`], and
    /// [`EncodeErrorKind::BufferTooSmall`]: nothing is written then.
    pub fn put_v4<B: BufMut>(&self, buf: &mut B) -> Result<(), EncodeError> {
        self.to_v4_options()?.put(buf)
    }

    /// Appends the DHCPv6 options of [`IdentityRepr::to_v6_options`].
    ///
    /// # Errors
    ///
    /// As [`IdentityRepr::to_v6_options`], and
    /// [`EncodeErrorKind::BufferTooSmall`]: nothing is written then.
    pub fn put_v6<B: BufMut>(&self, buf: &mut B) -> Result<(), EncodeError> {
        self.to_v6_options()?.put(buf)
    }
}

/// R6: a model the 60 parser reads back whole: dash-separated parts, each
/// with a lowercase letter (so none looks like a serial), no `:`.
fn juniper_model(model: &str) -> bool {
    model
        .split('-')
        .all(|p| !p.is_empty() && p.bytes().any(|b| b.is_ascii_lowercase()))
        && !model.contains(':')
}

/// R6: a serial the 60 parser recognises: uppercase letters and digits,
/// at least one digit.
fn juniper_serial(serial: &str) -> bool {
    serial
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && serial.bytes().any(|b| b.is_ascii_digit())
}

/// G4: type 0, then the text.
fn type_zero(serial: &str) -> Vec<u8> {
    let mut v = alloc::vec![0];
    v.extend_from_slice(serial.as_bytes());
    v
}

/// RFC 3004 items (each checked under 256 bytes by the caller's field
/// rules; a longer one is cut by the option's own limit check).
fn rfc3004(items: &[&[u8]]) -> Vec<u8> {
    let mut v = Vec::new();
    for i in items {
        v.push(u8::try_from(i.len()).unwrap_or(u8::MAX));
        v.extend_from_slice(i);
    }
    v
}

/// G5: option 124, enterprise 9, one item.
fn vivc(item: &[u8]) -> Result<Vec<u8>, EncodeError> {
    let mut v = Vec::new();
    v4::VendorClasses::put_entry(v4::CISCO_ENTERPRISE, &[item], &mut v)?;
    Ok(v)
}

/// [`Identity::to_repr`].
pub(super) fn from_identity(id: &Identity<'_>) -> Option<IdentityRepr> {
    let vendor = id.vendor()?;
    let s = |f: Option<super::Sourced<&str>>| f.map(|f| String::from(f.value));
    Some(IdentityRepr {
        vendor,
        model: s(id.model),
        serial: s(id.serial),
        version: s(id.version),
        phase: id.phase.map(|p| p.value),
        detail: id.detail.map(|d| match d.value {
            Detail::Arch(a) => DetailRepr::Arch(a.into()),
            Detail::ServiceTag(t) => DetailRepr::ServiceTag(t.into()),
        }),
        mac: id.mac.map(|m| m.value),
    })
}
