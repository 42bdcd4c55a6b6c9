//! `arbitrary` for the offers (feature `arbitrary`): only valid offers, by
//! construction. Each struct's [`Arbitrary`] gives an offer its vendors
//! accept over DHCPv4 (printable text of in-range length, names with the
//! extensions the vendor reads, a server wherever a bare name needs one);
//! [`Offer::arbitrary_v4`] and [`Offer::arbitrary_v6`] give an offer of
//! one family for any vendor that has ZTP in it, so that
//! `Offer::from_v4(vendor, &lease(offer.to_v4_options()?)) == offer`
//! (and the same for DHCPv6) can be checked on many of them.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::net::Ipv4Addr;

use arbitrary::{Arbitrary, Result, Unstructured};

use super::cisco::Transport;
use super::offer::{
    ArubaOffer, BootFileOffer, ExosOffer, HuaweiOffer, Offer, Os9Offer, PnpOffer, PoapOffer,
    PoapServer, ScriptUrlOffer, SonicOffer, XrOffer,
};

/// Letters, digits, `-`, `_`: no separator of any vendor's form.
const WORD: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-_";
/// What a label may start with.
const LETTER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
/// The schemes every URL-reading vendor here fetches.
const SCHEMES: [&str; 4] = ["http", "https", "tftp", "ftp"];

fn word(u: &mut Unstructured<'_>, max: usize) -> Result<String> {
    let n = u.int_in_range(1..=max)?;
    (0..n)
        .map(|_| u.choose(WORD).map(|c| char::from(*c)))
        .collect()
}

fn label(u: &mut Unstructured<'_>) -> Result<String> {
    let first = char::from(*u.choose(LETTER)?);
    let rest = if u.arbitrary()? {
        word(u, 10)?
    } else {
        String::new()
    };
    Ok(format!("{first}{}", rest.replace('_', "-")))
}

fn ipv4(u: &mut Unstructured<'_>) -> Result<Ipv4Addr> {
    Ok(Ipv4Addr::from(u.arbitrary::<[u8; 4]>()?))
}

/// A DNS name (`a.b`, letters first).
fn dns(u: &mut Unstructured<'_>) -> Result<String> {
    let mut labels = alloc::vec![label(u)?];
    for _ in 0..u.int_in_range(1..=3)? {
        labels.push(label(u)?);
    }
    Ok(labels.join("."))
}

/// An IPv4 literal or a DNS name.
fn host(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(if u.arbitrary()? {
        ipv4(u)?.to_string()
    } else {
        dns(u)?
    })
}

fn name(u: &mut Unstructured<'_>, exts: &[&str]) -> Result<String> {
    let ext = u.choose(exts)?;
    Ok(format!("{}.{ext}", word(u, 24)?))
}

/// `scheme://host[:port]/[dir/]name`, the host an IPv4 literal, a name or
/// a bracketed IPv6 literal.
fn url(u: &mut Unstructured<'_>, schemes: &[&str], exts: &[&str]) -> Result<String> {
    let scheme = u.choose(schemes)?;
    let host = match u.int_in_range(0..=4u8)? {
        0 => format!("[2001:db8::{:x}]", u.arbitrary::<u16>()?),
        n if n % 2 == 0 => ipv4(u)?.to_string(),
        _ => dns(u)?,
    };
    let port = if u.arbitrary()? {
        format!(":{}", u.int_in_range(1..=65535u16)?)
    } else {
        String::new()
    };
    let dir = if u.arbitrary()? {
        format!("{}/", word(u, 12)?)
    } else {
        String::new()
    };
    Ok(format!("{scheme}://{host}{port}/{dir}{}", name(u, exts)?))
}

fn maybe<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if u.arbitrary()? { Some(f(u)?) } else { None })
}

const SCRIPTS: [&str; 4] = ["py", "sh", "cfg", "conf"];

impl<'a> Arbitrary<'a> for BootFileOffer {
    /// A URL (with or without a server), or a bare name with its server.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.arbitrary()? {
            Ok(BootFileOffer {
                file: url(u, &SCHEMES, &SCRIPTS)?,
                tftp_server: maybe(u, ipv4)?,
            })
        } else {
            Ok(BootFileOffer {
                file: name(u, &SCRIPTS)?,
                tftp_server: Some(ipv4(u)?),
            })
        }
    }
}

impl BootFileOffer {
    /// A DHCPv6 boot file: a URL, no server.
    fn arbitrary_v6(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(BootFileOffer::new(url(u, &SCHEMES, &SCRIPTS)?))
    }
}

impl<'a> Arbitrary<'a> for ScriptUrlOffer {
    /// A URL with one of CU2's schemes (which D2 accepts too).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(ScriptUrlOffer::new(url(u, &SCHEMES, &["sh", "py", "pl"])?))
    }
}

impl<'a> Arbitrary<'a> for PnpOffer {
    /// An IPv4, IPv6 or DNS server, any port and transport.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let server = match u.int_in_range(0..=2u8)? {
            0 => ipv4(u)?.to_string(),
            1 => format!("2001:db8::{:x}", u.arbitrary::<u16>()?),
            _ => dns(u)?,
        };
        Ok(PnpOffer {
            server,
            port: maybe(u, |u| u.int_in_range(1..=65535u16))?,
            transport: u.arbitrary::<Option<Transport>>()?,
            debug: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for PoapServer {
    /// An address, a name, or a name behind `http://` (CN3).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0..=2u8)? {
            0 => PoapServer::Address(ipv4(u)?),
            1 => PoapServer::Name(host(u)?),
            _ => PoapServer::Name(format!("http://{}", host(u)?)),
        })
    }
}

impl<'a> Arbitrary<'a> for PoapOffer {
    /// A script name or URL, a server, a lease of at least 3600 s.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let script = if u.arbitrary()? {
            name(u, &["py"])?
        } else {
            url(u, &SCHEMES, &["py"])?
        };
        Ok(PoapOffer {
            script,
            server: Some(u.arbitrary()?),
            lease_time: u.int_in_range(PoapOffer::MIN_LEASE_TIME..=u32::MAX)?,
        })
    }
}

impl<'a> Arbitrary<'a> for XrOffer {
    /// An HTTP(S) URL (CR4), `-k ` or not.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(XrOffer {
            url: url(u, &["http", "https"], &["sh", "py", "cfg", "iso"])?,
            insecure: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for SonicOffer {
    /// A JSON URL, a script URL, or both.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let json = |u: &mut Unstructured<'_>| url(u, &SCHEMES, &["json"]);
        let script = |u: &mut Unstructured<'_>| url(u, &SCHEMES, &["sh", "py"]);
        Ok(match u.int_in_range(0..=2u8)? {
            0 => SonicOffer {
                json_url: Some(json(u)?),
                script_url: None,
            },
            1 => SonicOffer {
                json_url: None,
                script_url: Some(script(u)?),
            },
            _ => SonicOffer {
                json_url: Some(json(u)?),
                script_url: Some(script(u)?),
            },
        })
    }
}

/// A URL or a bare name; whether it was bare.
fn file(u: &mut Unstructured<'_>, exts: &[&str]) -> Result<(String, bool)> {
    Ok(if u.arbitrary()? {
        (url(u, &SCHEMES, exts)?, false)
    } else {
        (name(u, exts)?, true)
    })
}

impl<'a> Arbitrary<'a> for Os9Offer {
    /// An image and/or a configuration; a server when one is bare.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let which = u.int_in_range(0..=2u8)?;
        let image = if which != 1 {
            Some(file(u, &["bin"])?)
        } else {
            None
        };
        let config = if which != 0 {
            Some(file(u, &["cfg", "conf"])?)
        } else {
            None
        };
        let bare = [&image, &config]
            .iter()
            .any(|f| f.as_ref().is_some_and(|f| f.1));
        Ok(Os9Offer {
            image: image.map(|f| f.0),
            config: config.map(|f| f.0),
            tftp_server: if bare {
                Some(ipv4(u)?)
            } else {
                maybe(u, ipv4)?
            },
        })
    }
}

impl<'a> Arbitrary<'a> for ArubaOffer {
    /// At least one of 144..148; 66 (an IPv4 literal) with any file.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut o = ArubaOffer {
            config: maybe(u, |u| name(u, &["cfg", "json"]))?,
            image: maybe(u, |u| name(u, &["swi"]))?,
            central: maybe(u, host)?,
            proxy: maybe(u, host)?,
            tftp_server: None,
        };
        if o.config.is_none() && o.image.is_none() && o.central.is_none() && o.proxy.is_none() {
            o.central = Some(host(u)?);
        }
        o.tftp_server = if o.config.is_some() || o.image.is_some() {
            Some(ipv4(u)?.to_string())
        } else {
            maybe(u, |u| Ok(ipv4(u)?.to_string()))?
        };
        Ok(o)
    }
}

impl<'a> Arbitrary<'a> for ExosOffer {
    /// One to four files (E4's extensions), 100 when one is bare.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        const EXTS: [&str; 6] = ["cfg", "xsf", "py", "pol", "xos", "xmod"];
        let mut files = Vec::new();
        let mut bare = false;
        for _ in 0..u.int_in_range(1..=4u8)? {
            let (f, b) = if u.arbitrary()? {
                (url(u, &["tftp"], &EXTS)?, false)
            } else {
                (name(u, &EXTS)?, true)
            };
            bare |= b;
            files.push(f);
        }
        Ok(ExosOffer {
            tftp_server: if bare {
                Some(ipv4(u)?)
            } else {
                maybe(u, ipv4)?
            },
            files,
            trap_server: maybe(u, ipv4)?,
        })
    }
}

/// One of H2's option 66 forms.
fn huawei_server(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 => ipv4(u)?.to_string(),
        1 => format!("tftp://{}", host(u)?),
        2 => format!("ftp://{}", host(u)?),
        3 => format!("ftp://{}:{}@{}", word(u, 8)?, word(u, 12)?, host(u)?),
        _ => format!(
            "sftp://{}@{}:{}",
            word(u, 8)?,
            ipv4(u)?,
            u.int_in_range(1..=65535u16)?
        ),
    })
}

const HUAWEI: [&str; 3] = ["ini", "py", "cfg"];

impl<'a> Arbitrary<'a> for HuaweiOffer {
    /// An intermediate file name (H2) and 66 and/or 150.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let file = name(u, &HUAWEI)?;
        let (server, tftp_server) = match u.int_in_range(0..=2u8)? {
            0 => (Some(huawei_server(u)?), None),
            1 => (None, Some(ipv4(u)?)),
            _ => (Some(huawei_server(u)?), Some(ipv4(u)?)),
        };
        Ok(HuaweiOffer {
            file,
            server,
            tftp_server,
        })
    }
}

impl Offer {
    /// An offer any vendor accepts over DHCPv4 (Juniper: a DHCPv4 plan).
    ///
    /// # Errors
    ///
    /// When `u` runs out.
    pub fn arbitrary_v4(u: &mut Unstructured<'_>) -> Result<Offer> {
        Ok(match u.int_in_range(0..=13u8)? {
            0 => Offer::Juniper(crate::PlanBuf::arbitrary_v4(u)?),
            1 => Offer::Arista(u.arbitrary()?),
            2 => Offer::CiscoIosXe(u.arbitrary()?),
            3 => Offer::CiscoPnp(u.arbitrary()?),
            4 => Offer::CiscoNxos(u.arbitrary()?),
            5 => Offer::CiscoIosXr(u.arbitrary()?),
            6 => Offer::Sonic(u.arbitrary()?),
            7 => Offer::Cumulus(u.arbitrary()?),
            8 => Offer::DellOs10(u.arbitrary()?),
            9 => Offer::DellOs9(u.arbitrary()?),
            10 => Offer::ArubaAosCx(u.arbitrary()?),
            11 => Offer::ExtremeExos(u.arbitrary()?),
            12 => Offer::NokiaSrLinux(u.arbitrary()?),
            _ => Offer::HuaweiVrp(u.arbitrary()?),
        })
    }

    /// An offer its vendor accepts over DHCPv6, for a vendor that has
    /// DHCPv6 ZTP (Juniper: a DHCPv6 plan; NX-OS: the lease time
    /// [`PoapOffer::MIN_LEASE_TIME`], what DHCPv6 reads back).
    ///
    /// # Errors
    ///
    /// When `u` runs out.
    pub fn arbitrary_v6(u: &mut Unstructured<'_>) -> Result<Offer> {
        Ok(match u.int_in_range(0..=8u8)? {
            0 => Offer::Juniper(crate::PlanBuf::arbitrary_v6(u)?),
            1 => Offer::Arista(BootFileOffer::arbitrary_v6(u)?),
            2 => Offer::CiscoIosXe(BootFileOffer::arbitrary_v6(u)?),
            3 => Offer::CiscoPnp(u.arbitrary()?),
            4 => Offer::CiscoNxos(PoapOffer::new(
                url(u, &SCHEMES, &["py"])?,
                PoapOffer::MIN_LEASE_TIME,
            )),
            5 => Offer::CiscoIosXr(u.arbitrary()?),
            6 => Offer::Sonic(u.arbitrary()?),
            7 => Offer::NokiaSrLinux(BootFileOffer::arbitrary_v6(u)?),
            _ => Offer::HuaweiVrp(HuaweiOffer::new(url(u, &SCHEMES, &HUAWEI)?)),
        })
    }
}

impl<'a> Arbitrary<'a> for Offer {
    /// [`Offer::arbitrary_v4`] or [`Offer::arbitrary_v6`].
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.arbitrary()? {
            Offer::arbitrary_v6(u)
        } else {
            Offer::arbitrary_v4(u)
        }
    }
}
