//! What a plan puts on the wire, item by item, and the plan a device
//! resolves from it again.

use std::net::Ipv4Addr;

use ztp_options::v4::{Option43, OptionCode, OptionSet};
use ztp_options::{Family, Plan, resolve_v6, v6};

use crate::Error;

/// The options of one plan, split so that each server can say them its own
/// way. Values are the exact bytes the device must receive.
#[derive(Debug, Clone)]
pub(crate) struct Wire {
    /// DHCPv4 or DHCPv6.
    pub(crate) family: Family,
    /// The Juniper suboptions (option 43, or option 17 for enterprise 2636),
    /// in wire order.
    pub(crate) items: Vec<(u16, Vec<u8>)>,
    /// DHCPv4 only: the other options (150, 66, 7, 42, 12), in order.
    pub(crate) v4: Vec<(u8, Vec<u8>)>,
    /// DHCPv6 only: option 59.
    pub(crate) boot_url: Option<Vec<u8>>,
}

impl Wire {
    pub(crate) fn from_plan(plan: &Plan) -> Result<Self, Error> {
        let mut wire = Wire {
            family: plan.family,
            items: Vec::new(),
            v4: Vec::new(),
            boot_url: None,
        };
        match plan.family {
            Family::V4 => {
                let set = plan.to_v4_options()?;
                for o in set.iter() {
                    if o.code == OptionCode::VendorSpecific {
                        for item in Option43::new_checked(&o.value)?.items() {
                            let item = item?;
                            wire.items.push((item.code, item.value.to_vec()));
                        }
                    } else {
                        wire.v4.push((o.code.get(), o.value.clone()));
                    }
                }
            }
            Family::V6 => {
                for (code, value) in plan.to_v6_options()? {
                    if code == v6::OptionCode::VendorOpts {
                        for item in v6::VendorOpts::new_checked(&value)?.items() {
                            let item = item?;
                            wire.items.push((item.code, item.value.to_vec()));
                        }
                    } else if code == v6::OptionCode::BootfileUrl {
                        wire.boot_url = Some(value);
                    }
                }
            }
        }
        Ok(wire)
    }

    /// The option 43 value (DHCPv4) or the option 17 value after the
    /// enterprise number (DHCPv6).
    pub(crate) fn vendor_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (code, value) in &self.items {
            match self.family {
                Family::V4 => {
                    out.push(u8::try_from(*code).unwrap_or(u8::MAX));
                    out.push(u8::try_from(value.len()).unwrap_or(u8::MAX));
                }
                Family::V6 => {
                    out.extend_from_slice(&code.to_be_bytes());
                    out.extend_from_slice(
                        &u16::try_from(value.len()).unwrap_or(u16::MAX).to_be_bytes(),
                    );
                }
            }
            out.extend_from_slice(value);
        }
        out
    }

    /// The plan a device resolves from exactly these options.
    pub(crate) fn resolve(&self) -> Result<Plan, Error> {
        match self.family {
            Family::V4 => {
                let mut set = OptionSet::new();
                if !self.items.is_empty() {
                    set.insert(OptionCode::VendorSpecific, self.vendor_bytes())?;
                }
                for (code, value) in &self.v4 {
                    set.insert(OptionCode::new(*code), value.clone())?;
                }
                Ok(set.resolve()?)
            }
            Family::V6 => {
                // A REPLY (type 7, transaction id 0) carrying the options.
                let mut msg = vec![7, 0, 0, 0];
                if !self.items.is_empty() {
                    let mut value = v6::JUNIPER_ENTERPRISE.to_be_bytes().to_vec();
                    value.extend_from_slice(&self.vendor_bytes());
                    v6::put_option(v6::OptionCode::VendorOpts, &value, &mut msg)?;
                }
                if let Some(url) = &self.boot_url {
                    v6::put_option(v6::OptionCode::BootfileUrl, url, &mut msg)?;
                }
                let lease = v6::Lease::parse(&msg)?;
                Ok(resolve_v6(&lease)?)
            }
        }
    }
}

/// Lowercase hex, `sep` between bytes.
pub(crate) fn hex(bytes: &[u8], sep: &str) -> String {
    let mut s = String::with_capacity(bytes.len() * (2 + sep.len()));
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The name of a Juniper suboption, for option definitions and comments.
pub(crate) fn suboption_name(code: u16) -> String {
    match code {
        0 => "image-file-name".into(),
        1 => "config-file-name".into(),
        2 => "image-file-type".into(),
        3 => "transfer-mode".into(),
        4 => "alt-image-file-name".into(),
        5 => "port".into(),
        8 => "proxy".into(),
        other => format!("suboption-{other}"),
    }
}

/// Whether the suboption is text (every known one is; unknown ones are
/// bytes).
pub(crate) fn is_text(code: u16) -> bool {
    matches!(code, 0..=5 | 8)
}

/// The value as text, when it is printable ASCII or UTF-8 without control
/// characters (what R7 lets through for names).
pub(crate) fn printable(value: &[u8]) -> Option<&str> {
    let s = std::str::from_utf8(value).ok()?;
    (!s.is_empty() && !s.chars().any(char::is_control)).then_some(s)
}

/// IPv4 addresses from a list value (4 bytes each, R4).
pub(crate) fn addresses(value: &[u8]) -> Vec<Ipv4Addr> {
    value
        .chunks_exact(4)
        .map(|c| {
            let mut a = [0u8; 4];
            a.copy_from_slice(c);
            Ipv4Addr::from(a)
        })
        .collect()
}
