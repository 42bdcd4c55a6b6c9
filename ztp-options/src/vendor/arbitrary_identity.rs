//! Generated identities (feature `arbitrary`): for each vendor, only the
//! fields its device sends in the family, with text its form reads back
//! whole, so that `Identity::from_*(encode(x)).to_repr() == x` can be
//! checked on many of them.

use alloc::string::String;

use arbitrary::{Result as AResult, Unstructured};

use super::{DetailRepr, IdentityRepr, Phase, Vendor};

fn chars(u: &mut Unstructured<'_>, set: &[u8], min: usize, max: usize) -> AResult<String> {
    let len = u.int_in_range(min..=max)?;
    (0..len)
        .map(|_| u.choose(set).map(|&b| char::from(b)))
        .collect()
}

const UPPER_DIGITS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
const PRINTABLE: &[u8] = b"abcXYZ0189-_./:+#()";

fn serial(u: &mut Unstructured<'_>) -> AResult<String> {
    let mut s = chars(u, UPPER_DIGITS, 2, 14)?;
    s.push(char::from(b'0' + u.int_in_range(0..=9)?));
    Ok(s)
}

fn token(u: &mut Unstructured<'_>) -> AResult<String> {
    chars(u, PRINTABLE, 1, 24)
}

/// A token without `;`, `#`, `=`, `-` or `:` at risk.
fn plain(u: &mut Unstructured<'_>) -> AResult<String> {
    chars(u, b"abcxyzABCXYZ0189_.", 1, 24)
}

fn juniper_model(u: &mut Unstructured<'_>) -> AResult<String> {
    let parts = u.int_in_range(1..=3)?;
    let mut s = String::new();
    for i in 0..parts {
        if i > 0 {
            s.push('-');
        }
        s.push(char::from(*u.choose(b"abcdefghijklmnopqrstuvwxyz")?));
        s.push_str(&chars(u, b"abcqx0123456789", 0, 8)?);
    }
    Ok(s)
}

fn opt<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> AResult<T>,
) -> AResult<Option<T>> {
    if u.arbitrary()? {
        Ok(Some(f(u)?))
    } else {
        Ok(None)
    }
}

fn phase(u: &mut Unstructured<'_>) -> AResult<Option<Phase>> {
    opt(u, |u| Ok(*u.choose(&[Phase::Ipxe, Phase::ExrConfig])?))
}

impl IdentityRepr {
    /// A generated DHCPv4 identity of a vendor a request names
    /// ([`Vendor::is_identified_by_request`]; NVOS excluded, it is DHCPv6
    /// only): `decode(encode(x)) == x` holds for it.
    ///
    /// # Errors
    ///
    /// When `u` runs out of data.
    pub fn arbitrary_v4(u: &mut Unstructured<'_>) -> AResult<Self> {
        const VENDORS: [Vendor; 8] = [
            Vendor::Juniper,
            Vendor::Arista,
            Vendor::CiscoIosXe,
            Vendor::CiscoNxos,
            Vendor::CiscoIosXr,
            Vendor::Sonic,
            Vendor::Cumulus,
            Vendor::DellOs9,
        ];
        let vendor = *u.choose(&VENDORS)?;
        let mut r = IdentityRepr::new(vendor);
        match vendor {
            Vendor::Juniper => {
                r.model = Some(juniper_model(u)?);
                r.serial = opt(u, serial)?;
                r.version = opt(u, token)?;
            }
            Vendor::Arista => {
                r.model = Some(token(u)?);
                r.version = Some(token(u)?);
                r.serial = Some(serial(u)?);
            }
            Vendor::CiscoIosXe => {
                r.model = Some(token(u)?);
                r.serial = opt(u, serial)?;
            }
            Vendor::CiscoNxos => r.serial = opt(u, serial)?,
            Vendor::CiscoIosXr => {
                r.model = Some(token(u)?);
                r.serial = Some(serial(u)?);
                r.phase = phase(u)?;
            }
            Vendor::Sonic => {
                if u.arbitrary()? {
                    r.model = Some(plain(u)?);
                    r.serial = Some(serial(u)?);
                }
            }
            Vendor::Cumulus => r.detail = Some(DetailRepr::Arch(plain(u)?)),
            _ => {
                r.model = Some(plain(u)?);
                r.serial = opt(u, serial)?;
                r.version = opt(u, plain)?;
                r.detail = opt(u, |u| plain(u).map(DetailRepr::ServiceTag))?;
            }
        }
        Ok(r)
    }

    /// A generated DHCPv6 identity of a vendor a request names, with DHCPv6
    /// ZTP: `decode(encode(x)) == x` holds for it.
    ///
    /// # Errors
    ///
    /// When `u` runs out of data.
    pub fn arbitrary_v6(u: &mut Unstructured<'_>) -> AResult<Self> {
        const VENDORS: [Vendor; 6] = [
            Vendor::Juniper,
            Vendor::Arista,
            Vendor::CiscoNxos,
            Vendor::CiscoIosXr,
            Vendor::Sonic,
            Vendor::Nvos,
        ];
        let vendor = *u.choose(&VENDORS)?;
        let mut r = IdentityRepr::new(vendor);
        if vendor != Vendor::CiscoIosXr {
            r.mac = opt(u, |u| u.arbitrary::<[u8; 6]>())?;
        }
        match vendor {
            Vendor::Juniper => {
                r.model = Some(juniper_model(u)?);
                r.serial = opt(u, serial)?;
                r.version = opt(u, token)?;
            }
            Vendor::Arista => {
                r.model = Some(token(u)?);
                r.version = Some(token(u)?);
                r.serial = Some(serial(u)?);
            }
            Vendor::CiscoIosXr => {
                r.model = Some(token(u)?);
                r.serial = Some(serial(u)?);
                r.phase = phase(u)?;
            }
            Vendor::Nvos => {
                r.model = Some(plain(u)?);
                r.serial = Some(serial(u)?);
            }
            _ => {}
        }
        Ok(r)
    }
}
