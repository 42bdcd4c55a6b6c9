//! [`ClassMatch`]: how a DHCP server recognises a vendor's (and a model's)
//! switch from its request, from the identity forms of G2 and the vendor
//! rules, exactly as [`IdentityRepr`](super::IdentityRepr) writes them.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::{Vendor, cisco, cumulus, sonic};
use crate::family::Family;
use crate::{v4, v6};

/// What a [`Condition`] requires of an option's whole value (as the client
/// sent it: for DHCPv4 the RFC 3396 instances joined).
///
/// ```
/// use ztp_options::vendor::Test;
///
/// assert!(Test::Prefix(b"Arista;".to_vec()).matches(b"Arista;DCS-7050S-64;01.23;JPE1"));
/// assert!(Test::Suffix(b":PID:NCS-5508".to_vec()).matches(b"PXEClient:Arch:00009:UNDI:003010:PID:NCS-5508"));
/// assert!(Test::At { offset: 6, value: b"NVOS##".to_vec() }.matches(b"\0\0\x81\x19\0\x0dNVOS##a##b"));
/// assert!(!Test::Exact(b"ciscopnp".to_vec()).matches(b"ciscopnp2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Test {
    /// The value is exactly these bytes.
    Exact(Vec<u8>),
    /// The value starts with these bytes.
    Prefix(Vec<u8>),
    /// The value ends with these bytes.
    Suffix(Vec<u8>),
    /// The value holds these bytes at `offset` (DHCPv6 option 16: the data
    /// of the first item starts at 6, after the enterprise number and the
    /// item's length).
    At {
        /// Where the bytes start.
        offset: usize,
        /// The bytes.
        value: Vec<u8>,
    },
}

impl Test {
    /// Whether `value` (an option's whole value) passes.
    pub fn matches(&self, value: &[u8]) -> bool {
        match self {
            Test::Exact(v) => value == v.as_slice(),
            Test::Prefix(v) => value.starts_with(v),
            Test::Suffix(v) => value.ends_with(v),
            Test::At { offset, value: v } => {
                value.get(*offset..).is_some_and(|rest| rest.starts_with(v))
            }
        }
    }

    /// The bytes compared.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Test::Exact(v) | Test::Prefix(v) | Test::Suffix(v) | Test::At { value: v, .. } => v,
        }
    }

    /// Where the bytes must be: `Some(offset)` for a test anchored at the
    /// start ([`Test::Exact`], [`Test::Prefix`], [`Test::At`]), `None` for
    /// [`Test::Suffix`].
    pub fn offset(&self) -> Option<usize> {
        match self {
            Test::Exact(_) | Test::Prefix(_) => Some(0),
            Test::At { offset, .. } => Some(*offset),
            Test::Suffix(_) => None,
        }
    }
}

/// One option of the request, and what its value must be.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Condition {
    /// The option code (DHCPv4 or DHCPv6, the [`ClassMatch::family`]'s).
    pub option: u16,
    /// What its whole value must be.
    pub test: Test,
}

impl Condition {
    /// A condition on `option`.
    pub const fn new(option: u16, test: Test) -> Self {
        Condition { option, test }
    }
}

/// Why a vendor (or model) has no class.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClassError {
    /// The vendor's request identity is **unverified** (D1, AR1, E1, N1,
    /// H1, A2 for Arista's DHCPv6 enterprise): no class is invented. Serve
    /// these devices by MAC address / DUID, or with a class you name
    /// ([`ClassMatch::user`]).
    Unverified {
        /// The vendor.
        vendor: Vendor,
        /// The rule that says it is unverified.
        rule: &'static str,
    },
    /// The vendor's identity carries no model (NX-OS sends only
    /// `Cisco-POAP` and its serial, Cumulus its arch).
    NoModelInIdentity {
        /// The vendor.
        vendor: Vendor,
        /// The identity rule.
        rule: &'static str,
    },
    /// The vendor runs no ZTP in this family (IOS-XE, Cumulus, Dell and
    /// AOS-CX are IPv4 only; NVOS is IPv6 only).
    NotInFamily {
        /// The vendor.
        vendor: Vendor,
        /// The family asked for.
        family: Family,
    },
    /// The model cannot appear in the vendor's form: empty, not printable
    /// ASCII, or holding the form's separator.
    BadModel {
        /// The vendor.
        vendor: Vendor,
        /// The model given.
        model: String,
    },
    /// A user class without conditions (it would match every client).
    NoCondition,
    /// A user condition that cannot be tested: a DHCPv4 option code over
    /// 255, or no bytes to compare.
    BadCondition {
        /// The option code.
        option: u16,
    },
}

impl fmt::Display for ClassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClassError::Unverified { vendor, rule } => write!(
                f,
                "the request identity of {vendor} is unverified ({rule}): match it by mac address or a class you name"
            ),
            ClassError::NoModelInIdentity { vendor, rule } => {
                write!(
                    f,
                    "the request identity of {vendor} carries no model ({rule})"
                )
            }
            ClassError::NotInFamily { vendor, family } => {
                write!(f, "{vendor} runs no ztp over {family}")
            }
            ClassError::BadModel { vendor, model } => write!(
                f,
                "model {model:?} cannot appear in the identity of {vendor}"
            ),
            ClassError::NoCondition => f.write_str("a class needs at least one condition"),
            ClassError::BadCondition { option } => {
                write!(f, "the condition on option {option} cannot be tested")
            }
        }
    }
}

impl core::error::Error for ClassError {}

/// How a DHCP server recognises the requests of one vendor's switches (and
/// optionally one model's): every [`Condition`] must hold.
///
/// The forms are the ones [`IdentityRepr`](super::IdentityRepr) writes
/// (G2 and each vendor's identity rule), so every identity matches its own
/// vendor's class and no other vendor's:
///
/// | vendor | DHCPv4 | + model | DHCPv6 | + model |
/// | --- | --- | --- | --- | --- |
/// | juniper | 60 prefix `Juniper-` | 60 prefix `Juniper-<model>-` | 16 enterprise 2636, data `Juniper-` | data `Juniper-<model>-` |
/// | arista | 60 prefix `Arista;` | 60 prefix `Arista;<model>;` | unverified (A2) | |
/// | cisco-iosxe, cisco-pnp | 60 = `ciscopnp` | 124 = enterprise 9, item PID | not in family | |
/// | cisco-nxos | 77 = `Cisco-POAP` (RFC 3004) | no model | 15 = `Cisco-POAP` | no model |
/// | cisco-iosxr | 77 = `exr-config` (raw, CR1) | 60 suffix `:PID:<pid>` | 15 = `exr-config` | 16 = enterprise 9, item PID |
/// | sonic | 77 = `SONiC-ZTP` (RFC 3004) | 61 prefix `SONiC##<model>##` | 15 = `SONiC-ZTP` | no model |
/// | cumulus | 60 prefix `cumulus-linux ` | no model | not in family | |
/// | nvos | not in family | | 16 enterprise 33049, data `NVOS##` | data `NVOS##<model>##` |
/// | dell-os9 | 60 prefix `TY=DELLNTW-` | 60 prefix `TY=DELLNTW-<model> ` | not in family | |
/// | dell-os10, aruba-aoscx, extreme-exos, nokia-srlinux, huawei-vrp | unverified | | unverified or not in family | |
///
/// IOS-XR's class is its ZTP phase (77 `exr-config`): the iPXE phase
/// (`iPXE`) wants an image, not the ZTP options (CR1, CR3). The Juniper
/// and Dell OS9 model classes expect a field after the model (the serial,
/// `HW=`): a request whose 60 ends with the model does not match them.
///
/// ```
/// use ztp_options::Family;
/// use ztp_options::vendor::{ClassError, ClassMatch, IdentityRepr, Vendor};
///
/// let class = ClassMatch::v4(Vendor::Arista, Some("DCS-7050S-64"))?;
/// let switch = IdentityRepr::new(Vendor::Arista)
///     .with_model("DCS-7050S-64")
///     .with_version("4.28.0F")
///     .with_serial("JPE12345678");
/// assert!(class.matches_v4(&switch.to_v4_options()?));
/// let other = IdentityRepr::new(Vendor::Cumulus).with_detail_arch("x86_64");
/// assert!(!class.matches_v4(&other.to_v4_options()?));
///
/// // Nothing is invented where the identity is unverified (D1).
/// assert!(matches!(
///     ClassMatch::v4(Vendor::DellOs10, None),
///     Err(ClassError::Unverified { rule: "D1", .. })
/// ));
/// assert_eq!(ClassMatch::v6(Vendor::Sonic, None)?.family, Family::V6);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ClassMatch {
    /// The vendor.
    pub vendor: Vendor,
    /// The model, for a model's class.
    pub model: Option<String>,
    /// The family of the request.
    pub family: Family,
    /// What the request must hold, all of it.
    pub conditions: Vec<Condition>,
}

fn cat(a: &[u8], b: &[u8], c: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(a.len() + b.len() + c.len());
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    v.extend_from_slice(c);
    v
}

/// RFC 3004 (v4 77): one item, `len(1)` + bytes.
fn user_class_v4(item: &[u8]) -> Vec<u8> {
    cat(&[u8::try_from(item.len()).unwrap_or(u8::MAX)], item, &[])
}

/// RFC 8415 (v6 15): one item, `len(2)` + bytes.
fn user_class_v6(item: &[u8]) -> Vec<u8> {
    cat(
        &u16::try_from(item.len()).unwrap_or(u16::MAX).to_be_bytes(),
        item,
        &[],
    )
}

impl ClassMatch {
    /// The DHCPv4 class of `vendor`, or of one `model` of it.
    ///
    /// # Errors
    ///
    /// [`ClassError::Unverified`] for a vendor whose request identity is
    /// unverified, [`ClassError::NotInFamily`] for NVOS,
    /// [`ClassError::NoModelInIdentity`] for a model of NX-OS or Cumulus,
    /// [`ClassError::BadModel`] for a model the form cannot carry.
    pub fn v4(vendor: Vendor, model: Option<&str>) -> Result<ClassMatch, ClassError> {
        let v4 = |option: u8, test: Test| Condition::new(u16::from(option), test);
        let mut conditions = Vec::new();
        let no_model = || ClassError::NoModelInIdentity {
            vendor,
            rule: vendor.identity_rule(),
        };
        match vendor {
            Vendor::Juniper => conditions.push(v4(
                60,
                Test::Prefix(match model {
                    Some(m) => cat(b"Juniper-", checked(vendor, m, &[":"])?, b"-"),
                    None => b"Juniper-".to_vec(),
                }),
            )),
            Vendor::Arista => conditions.push(v4(
                60,
                Test::Prefix(match model {
                    Some(m) => cat(b"Arista;", checked(vendor, m, &[";"])?, b";"),
                    None => b"Arista;".to_vec(),
                }),
            )),
            Vendor::CiscoIosXe | Vendor::CiscoPnp => {
                conditions.push(v4(60, Test::Exact(cisco::CISCOPNP.to_vec())));
                if let Some(m) = model {
                    let pid = checked(vendor, m, &[])?;
                    let mut item = Vec::new();
                    v4::VendorClasses::put_entry(v4::CISCO_ENTERPRISE, &[pid], &mut item)
                        .map_err(|_| bad(vendor, m))?;
                    conditions.push(v4(124, Test::Exact(item)));
                }
            }
            Vendor::CiscoNxos => {
                if model.is_some() {
                    return Err(no_model());
                }
                conditions.push(v4(77, Test::Exact(user_class_v4(cisco::POAP))));
            }
            Vendor::CiscoIosXr => {
                // CR1/CR3: the ZTP phase, raw (no RFC 3004 framing).
                conditions.push(v4(77, Test::Exact(b"exr-config".to_vec())));
                if let Some(m) = model {
                    let pid = checked(vendor, m, &[";"])?;
                    conditions.push(v4(60, Test::Suffix(cat(b":PID:", pid, b""))));
                }
            }
            Vendor::Sonic => {
                conditions.push(v4(77, Test::Exact(user_class_v4(sonic::USER_CLASS))));
                if let Some(m) = model {
                    let m = checked(vendor, m, &["##"])?;
                    conditions.push(v4(61, Test::Prefix(cat(b"SONiC##", m, b"##"))));
                }
            }
            Vendor::Cumulus => {
                if model.is_some() {
                    return Err(no_model());
                }
                conditions.push(v4(60, Test::Prefix(b"cumulus-linux ".to_vec())));
            }
            Vendor::DellOs9 => conditions.push(v4(
                60,
                Test::Prefix(match model {
                    Some(m) => cat(b"TY=DELLNTW-", checked(vendor, m, &["="])?, b" "),
                    None => b"TY=DELLNTW-".to_vec(),
                }),
            )),
            Vendor::Nvos => {
                return Err(ClassError::NotInFamily {
                    vendor,
                    family: Family::V4,
                });
            }
            Vendor::DellOs10
            | Vendor::ArubaAosCx
            | Vendor::ExtremeExos
            | Vendor::NokiaSrLinux
            | Vendor::HuaweiVrp => {
                return Err(ClassError::Unverified {
                    vendor,
                    rule: vendor.identity_rule(),
                });
            }
        }
        Ok(ClassMatch {
            vendor,
            model: model.map(String::from),
            family: Family::V4,
            conditions,
        })
    }

    /// The DHCPv6 class of `vendor`, or of one `model` of it.
    ///
    /// # Errors
    ///
    /// As [`ClassMatch::v4`]; [`ClassError::Unverified`] for Arista (its
    /// enterprise number, A2), SR Linux and Huawei,
    /// [`ClassError::NotInFamily`] for the vendors whose ZTP is IPv4 only
    /// (and EXOS, whose DHCPv6 identity is not documented).
    pub fn v6(vendor: Vendor, model: Option<&str>) -> Result<ClassMatch, ClassError> {
        let mut conditions = Vec::new();
        let no_model = || ClassError::NoModelInIdentity {
            vendor,
            rule: vendor.identity_rule(),
        };
        // Option 16: enterprise(4), then the first item's len(2) and data.
        let vendor_class = |conditions: &mut Vec<Condition>, enterprise: u32, data: Vec<u8>| {
            conditions.push(Condition::new(
                16,
                Test::Prefix(enterprise.to_be_bytes().to_vec()),
            ));
            conditions.push(Condition::new(
                16,
                Test::At {
                    offset: 6,
                    value: data,
                },
            ));
        };
        match vendor {
            Vendor::Juniper => {
                let data = match model {
                    Some(m) => cat(b"Juniper-", checked(vendor, m, &[":"])?, b"-"),
                    None => b"Juniper-".to_vec(),
                };
                vendor_class(&mut conditions, v6::JUNIPER_ENTERPRISE, data);
            }
            Vendor::Nvos => {
                let data = match model {
                    Some(m) => cat(b"NVOS##", checked(vendor, m, &["##"])?, b"##"),
                    None => b"NVOS##".to_vec(),
                };
                vendor_class(&mut conditions, cumulus::NVOS_ENTERPRISE, data);
            }
            Vendor::CiscoNxos | Vendor::Sonic => {
                if model.is_some() {
                    return Err(no_model());
                }
                let item = if vendor == Vendor::Sonic {
                    sonic::USER_CLASS
                } else {
                    cisco::POAP
                };
                conditions.push(Condition::new(15, Test::Exact(user_class_v6(item))));
            }
            Vendor::CiscoIosXr => {
                conditions.push(Condition::new(
                    15,
                    Test::Exact(user_class_v6(b"exr-config")),
                ));
                if let Some(m) = model {
                    let pid = checked(vendor, m, &[])?;
                    let mut v = Vec::new();
                    v6::VendorClass::put(v4::CISCO_ENTERPRISE, &[pid], &mut v)
                        .map_err(|_| bad(vendor, m))?;
                    conditions.push(Condition::new(16, Test::Exact(v)));
                }
            }
            Vendor::Arista | Vendor::NokiaSrLinux | Vendor::HuaweiVrp => {
                let rule = if vendor == Vendor::Arista {
                    "A2"
                } else {
                    vendor.identity_rule()
                };
                return Err(ClassError::Unverified { vendor, rule });
            }
            Vendor::CiscoIosXe
            | Vendor::CiscoPnp
            | Vendor::Cumulus
            | Vendor::DellOs9
            | Vendor::DellOs10
            | Vendor::ArubaAosCx
            | Vendor::ExtremeExos => {
                return Err(ClassError::NotInFamily {
                    vendor,
                    family: Family::V6,
                });
            }
        }
        Ok(ClassMatch {
            vendor,
            model: model.map(String::from),
            family: Family::V6,
            conditions,
        })
    }

    /// The class of `vendor` in `family` ([`ClassMatch::v4`] or
    /// [`ClassMatch::v6`]).
    ///
    /// # Errors
    ///
    /// As those.
    pub fn new(
        family: Family,
        vendor: Vendor,
        model: Option<&str>,
    ) -> Result<ClassMatch, ClassError> {
        match family {
            Family::V4 => ClassMatch::v4(vendor, model),
            Family::V6 => ClassMatch::v6(vendor, model),
        }
    }

    /// A class the user names for `vendor` (one whose identity is
    /// unverified, or a site's own convention): the conditions as given.
    ///
    /// ```
    /// use ztp_options::Family;
    /// use ztp_options::v4::{OptionCode, OptionSet};
    /// use ztp_options::vendor::{ClassMatch, Condition, Test, Vendor};
    ///
    /// // A site whose OS10 switches were set to send 60 "OS10-ztd".
    /// let class = ClassMatch::user(
    ///     Family::V4,
    ///     Vendor::DellOs10,
    ///     vec![Condition::new(60, Test::Exact(b"OS10-ztd".to_vec()))],
    /// )?;
    /// let mut request = OptionSet::new();
    /// request.insert(OptionCode::VENDOR_CLASS, b"OS10-ztd".to_vec())?;
    /// assert!(class.matches_v4(&request));
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ClassError::NoCondition`] for no conditions,
    /// [`ClassError::BadCondition`] for a DHCPv4 code over 255 or a test
    /// with no bytes.
    pub fn user(
        family: Family,
        vendor: Vendor,
        conditions: Vec<Condition>,
    ) -> Result<ClassMatch, ClassError> {
        if conditions.is_empty() {
            return Err(ClassError::NoCondition);
        }
        if let Some(c) = conditions.iter().find(|c| {
            c.test.bytes().is_empty() || (family == Family::V4 && u8::try_from(c.option).is_err())
        }) {
            return Err(ClassError::BadCondition { option: c.option });
        }
        Ok(ClassMatch {
            vendor,
            model: None,
            family,
            conditions,
        })
    }

    /// Whether a DHCPv4 request with these options is in the class (every
    /// condition holds; `false` for a DHCPv6 class).
    pub fn matches_v4(&self, request: &v4::OptionSet) -> bool {
        self.family == Family::V4
            && self.conditions.iter().all(|c| {
                u8::try_from(c.option)
                    .ok()
                    .and_then(|code| request.get(v4::OptionCode::new(code)))
                    .is_some_and(|value| c.test.matches(value))
            })
    }

    /// Whether a DHCPv6 request with these options is in the class (every
    /// condition holds on some instance of its option; `false` for a
    /// DHCPv4 class).
    pub fn matches_v6(&self, request: &v6::OptionSet) -> bool {
        self.family == Family::V6
            && self.conditions.iter().all(|c| {
                request
                    .instances(v6::OptionCode::new(c.option))
                    .any(|value| c.test.matches(value))
            })
    }
}

fn bad(vendor: Vendor, model: &str) -> ClassError {
    ClassError::BadModel {
        vendor,
        model: model.into(),
    }
}

/// A model as the vendor's form carries it: printable ASCII, no space, not
/// empty, none of `forbidden`.
fn checked<'m>(vendor: Vendor, model: &'m str, forbidden: &[&str]) -> Result<&'m [u8], ClassError> {
    if super::field(model.as_bytes()).is_none()
        || forbidden.iter().any(|f| model.contains(f))
        || model.len() > 200
    {
        return Err(bad(vendor, model));
    }
    Ok(model.as_bytes())
}
