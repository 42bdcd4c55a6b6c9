//! What a plan puts on the wire, item by item, and the plan a device
//! resolves from it again.

use std::net::Ipv4Addr;

use ztp_options::v4::{Option43, OptionCode, OptionSet};
use ztp_options::{
    CannotProceed, DecodeError, Family, Plan, PlanBuf, resolve_v4_options, resolve_v6_options, v6,
};

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
    /// The value those items come from, as the encoder wrote it: option 43
    /// (DHCPv4), or option 17 with its enterprise number (DHCPv6); `None`
    /// when the plan needs no suboption.
    pub(crate) vendor: Option<Vec<u8>>,
    /// DHCPv4 only: the other options (150, 66, 7, 42, 12, 143), in order.
    pub(crate) v4: Vec<(u8, Vec<u8>)>,
    /// DHCPv6 only: option 59.
    pub(crate) boot_url: Option<Vec<u8>>,
    /// DHCPv6 only: option 136, the SZTP redirect (R31).
    pub(crate) sztp_v6: Option<Vec<u8>>,
}

/// The encoder's option 43 or 17 does not decode again: the device could
/// not read it either.
fn malformed(e: DecodeError) -> Error {
    Error::from(CannotProceed::Malformed(e))
}

impl Wire {
    /// The options of `plan`, as ztp-options' encoder writes them: it reads
    /// the plan's values, sources and [`Ignored`](ztp_options::Ignored)
    /// record (an ignored option 66, the other option 150 addresses, an
    /// ignored suboption 04 or 05 server, option 59's unused scheme, path
    /// and port are sent again), never its decision log.
    pub(crate) fn from_plan(plan: &Plan<'_>) -> Result<Self, Error> {
        let mut wire = Wire {
            family: plan.family(),
            items: Vec::new(),
            vendor: None,
            v4: Vec::new(),
            boot_url: None,
            sztp_v6: None,
        };
        match plan.family() {
            Family::V4 => {
                for o in &plan.to_v4_options()? {
                    if o.code == OptionCode::VENDOR_SPECIFIC {
                        for item in Option43::new_checked(&o.value).map_err(malformed)?.items() {
                            let item = item.map_err(malformed)?;
                            wire.items.push((item.code.get(), item.value.to_vec()));
                        }
                        wire.vendor = Some(o.value.clone());
                    } else {
                        wire.v4.push((o.code.get(), o.value.clone()));
                    }
                }
            }
            Family::V6 => {
                for o in &plan.to_v6_options()? {
                    if o.code == v6::OptionCode::VENDOR_OPTS {
                        let opts = v6::VendorOpts::new_checked(&o.value).map_err(malformed)?;
                        for item in opts.items() {
                            let item = item.map_err(malformed)?;
                            wire.items.push((item.code.get(), item.value.to_vec()));
                        }
                        wire.vendor = Some(o.value.clone());
                    } else if o.code == v6::OptionCode::BOOTFILE_URL {
                        wire.boot_url = Some(o.value.clone());
                    } else if o.code == v6::OptionCode::SZTP_REDIRECT {
                        wire.sztp_v6 = Some(o.value.clone());
                    }
                }
            }
        }
        Ok(wire)
    }

    /// The bytes the DHCPv4 options take in a reply: each instance's code
    /// and length (RFC 3396 splits at 255) and the values; `nul`: with the
    /// NUL dnsmasq appends to 66 and 12.
    pub(crate) fn v4_len(&self, nul: bool) -> usize {
        let one = |code: u8, len: usize| {
            let len = len + usize::from(nul && matches!(code, 66 | 12));
            len + 2 * len.div_ceil(255).max(1)
        };
        self.vendor.as_ref().map_or(0, |v| one(43, v.len()))
            + self.v4.iter().map(|(c, v)| one(*c, v.len())).sum::<usize>()
    }

    /// The plan a device resolves from a reply carrying exactly these
    /// options (ztp-options builds the reply: a BOOTREPLY, or a DHCPv6
    /// REPLY with transaction id 0), owned.
    pub(crate) fn resolve(&self) -> Result<PlanBuf, Error> {
        match self.family {
            Family::V4 => {
                let mut set = OptionSet::new();
                if let Some(value) = &self.vendor {
                    set.insert(OptionCode::VENDOR_SPECIFIC, value.clone())?;
                }
                for (code, value) in &self.v4 {
                    set.insert(OptionCode::new(*code), value.clone())?;
                }
                Ok(resolve_v4_options(&set)?)
            }
            Family::V6 => {
                let mut set = v6::OptionSet::new();
                if let Some(value) = &self.vendor {
                    set.push(v6::OptionCode::VENDOR_OPTS, value.clone());
                }
                if let Some(url) = &self.boot_url {
                    set.push(v6::OptionCode::BOOTFILE_URL, url.clone());
                }
                if let Some(list) = &self.sztp_v6 {
                    set.push(v6::OptionCode::SZTP_REDIRECT, list.clone());
                }
                Ok(resolve_v6_options(&set)?)
            }
        }
    }
}

/// The URIs of an SZTP redirect value the encoder wrote (for comments).
pub(crate) fn sztp_uris(value: &[u8], family: ztp_options::Family) -> Vec<String> {
    ztp_options::sztp::Redirect::new_checked(value, family)
        .map(|r| r.servers().map(|s| s.to_string()).collect())
        .unwrap_or_default()
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
