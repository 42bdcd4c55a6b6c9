//! Why a switch will not provision, in the server's terms (R35): each
//! diagnosis names a known server-side pitfall (VENDORS.md "Known
//! server-side pitfalls": `P43-1` ...) or a case RULES.md adds
//! (`D43-ABSENT` ...), says what the bytes show, and gives the change that
//! fixes it for ISC dhcpd, Kea and dnsmasq as a configuration snippet built
//! by ztp-server-config.
//!
//! Diagnoses are computed when an explanation asks for them
//! ([`diagnose`]), never on the decode path: `resolve_v4`/`resolve_v6`
//! do not know they exist.

use std::fmt::Write as _;
use std::net::Ipv4Addr;

use ztp_options::sztp::{BootstrapServerBuf, RedirectRepr};
use ztp_options::{Family, v4, v6};
use ztp_server_config::Server;

/// The options a fixed server sends: what a diagnosis's snippets make the
/// server send, exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wanted {
    family: Family,
    options: Vec<(u16, Vec<u8>)>,
}

/// One diagnosis of a reply: a stable identifier, what the bytes show, and
/// the fix per server.
///
/// ```
/// use ztp_explain::diagnose;
/// use ztp_options::{Family, v4};
///
/// // A Kea server sent option 43 with no bytes (raw option-data without a definition).
/// let mut options = v4::OptionSet::new();
/// options.insert(v4::OptionCode::VENDOR_SPECIFIC, Vec::new())?;
/// options.insert(v4::OptionCode::TFTP_SERVER_ADDRESS, vec![192, 0, 2, 10])?;
/// let reply = v4::MessageRepr::reply(options).to_vec();
/// let found = diagnose(&reply, Family::V4);
/// assert_eq!(found[0].id(), "P43-1");
/// assert!(found[0].message().contains("length 0"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    id: &'static str,
    message: String,
    wanted: Option<Wanted>,
    fixes: Vec<(Server, String)>,
}

impl Diagnosis {
    fn new(id: &'static str, message: String) -> Self {
        Diagnosis {
            id,
            message,
            wanted: None,
            fixes: Vec::new(),
        }
    }

    fn fix(mut self, family: Family, options: Vec<(u16, Vec<u8>)>) -> Self {
        let wanted = Wanted { family, options };
        self.fixes = crate::fix::snippets(wanted.family, &wanted.options);
        self.wanted = Some(wanted);
        self
    }

    /// The stable identifier: a VENDORS.md pitfall (`P43-1`) or a RULES.md
    /// diagnosis (`D43-ABSENT`).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// What the bytes show, why it matters, and what to change.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The change that fixes it, per server (ISC dhcpd, Kea, dnsmasq of the
    /// reply's family): a configuration snippet that makes the server send
    /// the options of [`Diagnosis::sends`]. Empty when the fix is not a
    /// change of options (a diagnosis that only informs).
    pub fn fixes(&self) -> &[(Server, String)] {
        &self.fixes
    }

    /// The options (code and exact value) the fixed server sends, when the
    /// fix is one.
    pub fn sends(&self) -> impl Iterator<Item = (u16, &[u8])> {
        self.wanted
            .iter()
            .flat_map(|w| w.options.iter().map(|(c, v)| (*c, v.as_slice())))
    }
}

/// Example names for a fix whose names the reply does not hold: the
/// message says to replace them.
const EXAMPLE_IMAGE: &[u8] = b"/images/junos-install.tgz";
const EXAMPLE_CONFIG: &[u8] = b"/configs/switch.conf";
/// A documentation address (RFC 5737) for a fix whose address the reply
/// does not hold.
const EXAMPLE_SERVER: [u8; 4] = [192, 0, 2, 1];

/// `code len value` suboptions, Juniper's layout (R1).
fn suboptions(items: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (code, value) in items {
        out.push(*code);
        out.push(u8::try_from(value.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(value.get(..255).unwrap_or(value));
    }
    out
}

/// Juniper's option 43 walk on raw bytes: each item, where an end code
/// sits, and where the walk breaks.
#[derive(Debug, Default)]
struct Walk<'a> {
    items: Vec<(u8, &'a [u8])>,
    end_at: Option<usize>,
    broken_at: Option<usize>,
}

fn walk43(value: &[u8]) -> Walk<'_> {
    let mut w = Walk::default();
    let mut at = 0;
    while let Some(&code) = value.get(at) {
        if code == 255 {
            w.end_at = Some(at);
            break;
        }
        let Some(&len) = value.get(at + 1) else {
            w.broken_at = Some(at);
            break;
        };
        let end = at + 2 + usize::from(len);
        match value.get(at + 2..end) {
            Some(v) => w.items.push((code, v)),
            None => {
                w.broken_at = Some(at);
                break;
            }
        }
        at = end;
    }
    w
}

fn printable(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|b| (0x20..0x7f).contains(b))
}

/// Bytes as text when printable, else as hex.
fn shown(bytes: &[u8]) -> String {
    if printable(bytes) {
        format!("{:?}", String::from_utf8_lossy(bytes))
    } else {
        let mut s = String::from("0x");
        for b in bytes {
            let _ = write!(s, "{b:02x}");
        }
        s
    }
}

/// Whether option 43 looks like Kea's re-reading of raw data that had no
/// definition (P43-1, seen on Kea 2.2): suboption 00's code dropped as
/// padding, so the value starts with the old length byte (not a Juniper
/// code) followed by a path or name.
fn kea_reparsed(value: &[u8]) -> bool {
    let [first, rest @ ..] = value else {
        return false;
    };
    let len = usize::from(*first);
    let name = rest.get(..len).unwrap_or(rest);
    !matches!(first, 0..=5 | 8 | 255)
        && len >= 4
        && name.len() >= 4
        && name.iter().all(|b| (0x21..0x7f).contains(b))
}

/// The vendor whose option 43 layout the bytes look like (VENDORS.md,
/// "Telling vendors apart from a reply alone"), when one is likely.
fn other_layout(value: &[u8]) -> Option<&'static str> {
    // What a dnsmasq `vendor:` form adds at the end (P43-2) does not hide
    // the layout.
    let value = value.strip_suffix(&[255]).unwrap_or(value);
    if printable(value)
        && (value.starts_with(b"5A1") || value.starts_with(b"5A;"))
        && value.contains(&b';')
    {
        return Some("a Cisco Plug and Play string (5A1...;I<address>;...)");
    }
    if let [1, 4, _, _, _, _] = value {
        return Some("an access-point controller address (suboption 01, 4 binary bytes)");
    }
    if value.windows(10).any(|w| w == b"exr-config") {
        return Some("Cisco IOS-XR's data-port layout (exr-config)");
    }
    None
}

/// The diagnoses of one message (a server's reply) of `family`, in a
/// stable order: empty for a message that does not decode far enough to
/// be read as a lease, and for a reply with nothing to say.
///
/// ```
/// use ztp_explain::diagnose;
/// use ztp_options::{Family, samples};
///
/// assert!(diagnose(samples::V4_ACK, Family::V4).is_empty());
/// ```
pub fn diagnose(bytes: &[u8], family: Family) -> Vec<Diagnosis> {
    match family {
        Family::V4 => match v4::Lease::parse(bytes) {
            Ok(lease) => diagnose_v4(&lease),
            Err(_) => Vec::new(),
        },
        Family::V6 => match v6::Lease::parse(bytes) {
            Ok(lease) => diagnose_v6(&lease),
            Err(_) => Vec::new(),
        },
    }
}

pub(crate) fn diagnose_v4(lease: &v4::Lease<'_>) -> Vec<Diagnosis> {
    let mut out = Vec::new();
    let o43 = lease.value_bytes(v4::OptionCode::VENDOR_SPECIFIC);
    let o150 = lease.value_bytes(v4::OptionCode::TFTP_SERVER_ADDRESS);
    let o66 = lease.value_bytes(v4::OptionCode::TFTP_SERVER_NAME);
    let o67 = lease.value_bytes(v4::OptionCode::new(67));
    let walk = o43.map(walk43).unwrap_or_default();
    let names_in_43 = walk.items.iter().any(|(c, _)| matches!(c, 0 | 1 | 4));
    let example_43 = || {
        suboptions(&[
            (0, EXAMPLE_IMAGE),
            (1, EXAMPLE_CONFIG),
            (3, b"http".as_slice()),
        ])
    };
    let file = lease.file();

    // Option 43: absent, empty, another layout, no names, an end byte.
    match o43 {
        None => out.push(
            Diagnosis::new(
                "D43-ABSENT",
                "no option 43: a Juniper switch reads its image and configuration names only \
                 from option 43 suboptions 00, 01 and 04 (R1, R18), so it has nothing to fetch. \
                 Send option 43; the switch asks for it, but Kea sends an option only when the \
                 client asks for it or `always-send` is set, and ISC dhcpd sends only the \
                 options of the client's parameter request list unless told. The snippets use \
                 example names: put yours."
                    .to_owned(),
            )
            .fix(Family::V4, vec![(43, example_43())]),
        ),
        Some([]) => out.push(
            Diagnosis::new(
                "P43-1",
                "option 43 is present with length 0: what Kea sends for raw option-data of \
                 code 43 (csv-format false) with no option-def for it (its last-resort \
                 definition of 43 is an empty option encapsulating \
                 vendor-encapsulated-options-space). Define option 43 as binary in space \
                 dhcp4, or send the suboptions in that space. The snippets use example names: \
                 put yours."
                    .to_owned(),
            )
            .fix(Family::V4, vec![(43, example_43())]),
        ),
        Some(value) => {
            let names_decode = lease.suboptions().is_ok();
            if let Some(vendor) = other_layout(value) {
                out.push(Diagnosis::new(
                    "D43-LAYOUT",
                    format!(
                        "option 43 ({} bytes: {}) is not in Juniper's suboption layout: it looks \
                         like {vendor}, another vendor's option 43. Serve Juniper switches their \
                         own option 43 (a class on option 60 \"Juniper-...\").",
                        value.len(),
                        shown(value)
                    ),
                ));
            } else if !names_in_43 && kea_reparsed(value) {
                out.push(
                    Diagnosis::new(
                        "P43-1",
                        format!(
                            "option 43 ({} bytes: {}) starts with a length and a path where a \
                             suboption code should be: what Kea 2.2 sends for raw option-data of \
                             code 43 with no option-def for it (it re-reads the data as its own \
                             suboptions, drops code 00 as padding and cuts what does not fit). \
                             Define option 43 as binary in space dhcp4. The snippets use example \
                             names: put yours.",
                            value.len(),
                            shown(value)
                        ),
                    )
                    .fix(Family::V4, vec![(43, example_43())]),
                );
            } else if walk.broken_at.is_some() || !names_decode {
                let at = match walk.broken_at {
                    Some(at) => format!(" (the suboption walk breaks at its byte {at})"),
                    None => String::new(),
                };
                out.push(Diagnosis::new(
                    "D43-LAYOUT",
                    format!(
                        "option 43 ({} bytes: {}) does not read as Juniper's suboptions \
                         (code, length, text value){at}: another vendor's layout is likely, \
                         or hand-made hex with a length that does not match its value. Serve \
                         Juniper switches their own option 43 (a class on option 60 \
                         \"Juniper-...\"), written by a tool (`ztp encode`).",
                        value.len(),
                        shown(value)
                    ),
                ));
            } else if !names_in_43 {
                let codes: Vec<String> = walk.items.iter().map(|(c, _)| c.to_string()).collect();
                let mut m = format!(
                    "option 43 holds no file name: no suboption 00 (image), 01 (configuration) \
                     or 04 (image), so the switch has nothing to fetch (R18); its suboptions: {}.",
                    if codes.is_empty() {
                        "none".to_owned()
                    } else {
                        codes.join(", ")
                    }
                );
                if walk.items.iter().any(|(c, _)| matches!(c, 150 | 66 | 67)) {
                    m.push_str(
                        " A DHCP option code (150, 66 or 67) was put inside option 43 as a \
                         suboption: send it as an option of its own.",
                    );
                }
                m.push_str(" The snippets add example names: put yours.");
                let mut items: Vec<(u8, &[u8])> = vec![(0, EXAMPLE_IMAGE), (1, EXAMPLE_CONFIG)];
                items.extend(
                    walk.items
                        .iter()
                        .filter(|(c, _)| !matches!(c, 150 | 66 | 67))
                        .copied(),
                );
                out.push(
                    Diagnosis::new("D43-NO-NAMES", m)
                        .fix(Family::V4, vec![(43, suboptions(&items))]),
                );
            }
            if let (Some(end), None) = (walk.end_at, walk.broken_at) {
                let before = value.get(..end).unwrap_or_default();
                out.push(
                    Diagnosis::new(
                        "P43-2",
                        format!(
                            "option 43 carries an end byte (255) at its offset {end}, after {} \
                             suboption(s): what dnsmasq's `dhcp-option=vendor:...` form writes. \
                             The switch stops reading there (R1). Send the suboptions alone as \
                             raw bytes.",
                            walk.items.len()
                        ),
                    )
                    .fix(Family::V4, vec![(43, before.to_vec())]),
                );
            }
        }
    }

    // The file server: 150 broken, 66 a name, only siaddr/sname.
    let addresses_150 = o150.filter(|v| !v.is_empty() && v.len() % 4 == 0);
    if let Some(v) = o150
        && addresses_150.is_none()
    {
        let text = String::from_utf8_lossy(v);
        let literal = text.trim_end_matches('\0').parse::<Ipv4Addr>().ok();
        let m = if printable(v.strip_suffix(b"\0").unwrap_or(v)) {
            format!(
                "option 150 holds text {}: it was defined as text, not as addresses. ISC needs \
                 `code 150 = array of ip-address`, Kea an option-def of type ipv4-address \
                 (array) (R4).",
                shown(v)
            )
        } else {
            format!(
                "option 150 is {} bytes long, not a multiple of 4: not a list of IPv4 addresses \
                 (R4). Define it as an array of addresses.",
                v.len()
            )
        };
        let fix = literal.map_or(EXAMPLE_SERVER, |a| a.octets());
        out.push(Diagnosis::new("P150", m).fix(Family::V4, vec![(150, fix.to_vec())]));
    }
    if addresses_150.is_none()
        && let Some(v) = o66
    {
        let text = String::from_utf8_lossy(v);
        let text = text.trim_end_matches('\0');
        if text.parse::<Ipv4Addr>().is_err() {
            out.push(
                Diagnosis::new(
                    "P66-1",
                    format!(
                        "option 66 holds {text:?}, not an IPv4 address, and no option 150 is \
                         sent: a Juniper switch does not resolve names (R3). Send the server's \
                         address in option 150 (the snippets use 192.0.2.1: put the address of \
                         {text:?})."
                    ),
                )
                .fix(Family::V4, vec![(150, EXAMPLE_SERVER.to_vec())]),
            );
        }
    }
    if o150.is_none() && o66.is_none() {
        let siaddr = lease.siaddr();
        let sname = lease.sname();
        if siaddr.is_unspecified() && sname.is_none() {
            out.push(
                Diagnosis::new(
                    "D150-ABSENT",
                    "no file server: neither option 150 nor option 66 is sent (R13). Send the \
                     file server's IPv4 address in option 150 (the snippets use 192.0.2.1: put \
                     yours); servers such as Kea and ISC dhcpd send it only when the client \
                     asks for it or when told to send it anyway."
                        .to_owned(),
                )
                .fix(Family::V4, vec![(150, EXAMPLE_SERVER.to_vec())]),
            );
        } else {
            let mut m = String::from("the file server is given only in the BOOTP header (");
            if !siaddr.is_unspecified() {
                let _ = write!(m, "siaddr {siaddr}");
            }
            if let Some(s) = sname {
                if !siaddr.is_unspecified() {
                    m.push_str(", ");
                }
                let _ = write!(m, "sname {}", shown(s));
            }
            m.push_str(
                "), which the switch does not read: it needs option 150 or 66 (R13, R33). \
                 dnsmasq fills siaddr with its own address (P66-2), ISC with `next-server`.",
            );
            let address = if siaddr.is_unspecified() {
                sname
                    .and_then(|s| std::str::from_utf8(s).ok())
                    .and_then(|s| s.trim_end_matches('\0').parse::<Ipv4Addr>().ok())
                    .unwrap_or(Ipv4Addr::from(EXAMPLE_SERVER))
            } else {
                siaddr
            };
            out.push(
                Diagnosis::new("D150-SIADDR", m)
                    .fix(Family::V4, vec![(150, address.octets().to_vec())]),
            );
        }
    }

    // Names that carry a URL, or a port the transfer mode ignores.
    if names_in_43 {
        let mode = walk.items.iter().find(|(c, _)| *c == 3).map(|(_, v)| *v);
        for (code, name) in walk.items.iter().filter(|(c, _)| matches!(c, 0 | 1 | 4)) {
            // Both diagnoses need a ':' (a URL's scheme, a port suffix):
            // most names have none, and cost no more.
            if !name.contains(&b':') {
                continue;
            }
            let text = String::from_utf8_lossy(name);
            if let Some((scheme, _)) = text.split_once("://") {
                out.push(Diagnosis::new(
                    "D43-URL-NAME",
                    format!(
                        "suboption {code:02} is a URL ({text:?}), but the switch builds the URL \
                         itself from the transfer mode (suboption 03), the file server (150 \
                         or 66) and this name: send the path alone, {scheme} in suboption 03 \
                         and the host in option 150 (R19, R22)."
                    ),
                ));
            } else if mode.is_none()
                && let Some((_, port)) = text.rsplit_once(':')
                && !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
            {
                let mut items = walk.items.clone();
                items.push((3, b"http"));
                out.push(
                    Diagnosis::new(
                        "D43-PORT-TFTP",
                        format!(
                            "suboption {code:02} ends in :{port} ({text:?}), but without \
                             suboption 03 the transfer mode is TFTP (R11), which ignores the \
                             suffix (R19): add suboption 03 \"http\" (or \"https\") if the \
                             file is served over HTTP on port {port}."
                        ),
                    )
                    .fix(Family::V4, vec![(43, suboptions(&items))]),
                );
            }
        }
    }

    // Option 67 and the BOOTP file field (R33).
    for (what, name) in [
        ("option 67 (boot file name)", o67),
        ("the BOOTP file field", file),
    ] {
        let Some(name) = name else { continue };
        let name = name.strip_suffix(b"\0").unwrap_or(name);
        if names_in_43 {
            out.push(Diagnosis::new(
                "P67-1",
                format!(
                    "{what} holds {}; a Juniper switch does not read it (it reads option 43's \
                     names, R33). Harmless here; other vendors read option 67.",
                    shown(name)
                ),
            ));
            continue;
        }
        let text = String::from_utf8_lossy(name);
        let image = [".tgz", ".img", ".iso", ".bin", ".tar"]
            .iter()
            .any(|e| text.ends_with(e));
        let code = if image { 0 } else { 1 };
        let mut items: Vec<(u8, &[u8])> = vec![(code, name)];
        items.extend(walk.items.iter().copied());
        out.push(
            Diagnosis::new(
                "P67-1",
                format!(
                    "{what} holds {}, which a Juniper switch does not read (R33): it reads file \
                     names only from option 43 (00 image, 01 configuration). ISC's `filename` \
                     writes the BOOTP file field, `option bootfile-name` option 67. Send the \
                     name in option 43 suboption {code:02}.",
                    shown(name)
                ),
            )
            .fix(Family::V4, vec![(43, suboptions(&items))]),
        );
    }

    // SZTP (R31): option 143 that is not a valid redirect, and 136 in v4.
    if let Some(value) = lease.value_bytes(v4::OptionCode::new(143)) {
        sztp(
            &mut out,
            Family::V4,
            143,
            value,
            lease.sztp_redirect().is_ok(),
        );
    }
    // The lease keeps only the options ZTP reads: 136 is read from the
    // message.
    let message = v4::Message::new_checked(lease.as_bytes()).ok();
    let o136 = message
        .as_ref()
        .and_then(|m| m.option(v4::OptionCode::new(136)).ok().flatten());
    if let Some(o) = o136 {
        swapped(&mut out, Family::V4, o.value.as_ref());
    }
    out
}

/// P143-2: the other family's redirect code (v4 136, v6 143) holding an
/// RFC 8572 list.
fn swapped(out: &mut Vec<Diagnosis>, family: Family, value: &[u8]) {
    if !ztp_options::sztp::is_uri_list(value) {
        return;
    }
    let (name, code, other, its) = match family {
        Family::V4 => ("DHCPv4", 143, "DHCPv6", 136),
        Family::V6 => ("DHCPv6", 136, "DHCPv4", 143),
    };
    out.push(
        Diagnosis::new(
            "P143-2",
            format!(
                "{name} option {its} holds an RFC 8572 bootstrap-server list: {its} is the \
                 {other} code; {name} carries the SZTP redirect in option {code}. Send it as \
                 option {code}."
            ),
        )
        .fix(family, vec![(code, value.to_vec())]),
    );
}

/// A bootstrap server URI cut to what RFC 8572 allows (`https://host[:port]`),
/// framed as the family's list, when that is a valid redirect.
fn framed_authority(uri: &str, family: Family) -> Option<Vec<u8>> {
    let rest = uri.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let cut = format!("https://{}", rest.get(..end)?);
    let server: BootstrapServerBuf = cut.parse().ok()?;
    RedirectRepr::new(server).to_vec(family).ok()
}

/// The SZTP diagnoses of a redirect option's value that is not a valid
/// RFC 8572 list (R31's variants, named by ztp-options' `sztp::variant`).
fn sztp(out: &mut Vec<Diagnosis>, family: Family, code: u16, value: &[u8], valid: bool) {
    use ztp_options::sztp::Variant;
    if valid {
        return;
    }
    let Some(variant) = ztp_options::sztp::variant(value, family) else {
        return;
    };
    let strict = "a strict RFC 8572 client leaves the redirect out (R31)";
    let d = match variant {
        Variant::Ipv4Address { address } => Diagnosis::new(
            "D143-FTP",
            format!(
                "option 143 is 4 bytes ({address}): not an RFC 8572 bootstrap-server list but \
                 an older vendor's FTP-server address option (Huawei's auto-config uses 143 \
                 so); {strict}."
            ),
        ),
        Variant::BareUri { uri } => {
            let bare = String::from_utf8_lossy(uri);
            let bare = bare.trim_end_matches('\0');
            let fixed = framed_authority(bare, family);
            let d = Diagnosis::new(
                "P143-1",
                format!(
                    "option {code} is a bare URI {bare:?} with no length prefix: what an ISC \
                     `code {code} = text` definition sends. RFC 8572 needs each URI preceded \
                     by its length (2 bytes); {strict}. Define the option as `string` (bytes) \
                     and send the framed list{}.",
                    if fixed.is_some() {
                        ""
                    } else {
                        "; the URI itself is not a valid bootstrap server either \
                         (https://host[:port])"
                    }
                ),
            );
            match fixed {
                Some(bytes) => d.fix(family, vec![(code, bytes)]),
                None => d,
            }
        }
        Variant::Path { uri, .. } => {
            let d = Diagnosis::new(
                "D143-PATH",
                format!(
                    "option {code}: {variant}; RFC 8572 bootstrap servers are \
                     https://host[:port] with no path, and {strict} (some clients accept \
                     it). Send the URI without its path."
                ),
            );
            match framed_authority(uri, family) {
                Some(bytes) => d.fix(family, vec![(code, bytes)]),
                None => d,
            }
        }
        Variant::OtherScheme { uri, scheme } => {
            let hint = match scheme {
                "http" => " Serve the bootstrap server over https.",
                "bootz" => {
                    " bootz:// is OpenConfig's bootz, a different protocol: a device that \
                     speaks it reads it elsewhere."
                }
                _ => "",
            };
            let d = Diagnosis::new(
                "D143-SCHEME",
                format!("option {code}: {variant}; RFC 8572 needs https, and {strict}.{hint}"),
            );
            let https = uri
                .split_once("://")
                .map(|(_, rest)| format!("https://{rest}"))
                .and_then(|u| framed_authority(&u, family));
            match (scheme, https) {
                ("http", Some(bytes)) => d.fix(family, vec![(code, bytes)]),
                _ => d,
            }
        }
        Variant::LabelTooLong { .. } => Diagnosis::new(
            "D143-LABEL",
            format!(
                "option {code}: {variant}: DNS allows 63 octets per label, so the name cannot \
                 be resolved; {strict}. Use a shorter name or an address."
            ),
        ),
        Variant::NameTooLong { .. } => Diagnosis::new(
            "D143-NAME",
            format!(
                "option {code}: {variant}: DNS allows 253 octets per name; {strict}. Use a \
                 shorter name or an address."
            ),
        ),
        _ => Diagnosis::new("D143-OTHER", format!("option {code}: {variant}; {strict}.")),
    };
    out.push(d);
}

pub(crate) fn diagnose_v6(lease: &v6::Lease<'_>) -> Vec<Diagnosis> {
    let mut out = Vec::new();
    let msg = lease.message();
    let mut enterprises = Vec::new();
    for o in msg.instances(v6::OptionCode::VENDOR_OPTS).flatten() {
        if let Some(e) = o.value.get(..4).and_then(|e| <[u8; 4]>::try_from(e).ok()) {
            enterprises.push(u32::from_be_bytes(e));
        }
    }
    let example_17 = || {
        let mut v = 2636u32.to_be_bytes().to_vec();
        for (code, value) in [(0u16, EXAMPLE_IMAGE), (1, EXAMPLE_CONFIG)] {
            v.extend_from_slice(&code.to_be_bytes());
            v.extend_from_slice(&u16::try_from(value.len()).unwrap_or(0).to_be_bytes());
            v.extend_from_slice(value);
        }
        v
    };
    if !enterprises.is_empty() && !enterprises.contains(&2636) {
        let list: Vec<String> = enterprises.iter().map(u32::to_string).collect();
        out.push(
            Diagnosis::new(
                "D17-NO-2636",
                format!(
                    "option 17 is sent for enterprise {} but not for Juniper's 2636: a Juniper \
                     switch reads ZTP suboptions only under 2636 (R8). The snippets use example \
                     names: put yours.",
                    list.join(", ")
                ),
            )
            .fix(Family::V6, vec![(17, example_17())]),
        );
    }
    if enterprises.contains(&2636)
        && let Ok(Some(sub)) = lease.suboptions()
        && sub.image().is_none()
        && sub.alt_image().is_none()
        && sub.config().is_none()
    {
        out.push(
            Diagnosis::new(
                "D17-NO-NAMES",
                "option 17 for enterprise 2636 holds no ZTP file name (suboption 00, 01 or 04): \
                 unless option 59 names the image, the switch has nothing to fetch (R15, R18). \
                 The snippets use example names: put yours."
                    .to_owned(),
            )
            .fix(Family::V6, vec![(17, example_17())]),
        );
    }
    if let Some(o) = msg.instances(v6::OptionCode::new(136)).flatten().next() {
        sztp(
            &mut out,
            Family::V6,
            136,
            o.value,
            lease.sztp_redirect().is_ok(),
        );
    }
    if let Some(o) = msg.instances(v6::OptionCode::new(143)).flatten().next() {
        swapped(&mut out, Family::V6, o.value);
    }
    out
}

/// The options that trigger a vendor's ZTP from a DHCPv4 reply (VENDORS.md
/// per vendor), with the pitfall id of a missing one.
fn triggers(vendor: ztp_options::vendor::Vendor) -> &'static [(u16, &'static str)] {
    use ztp_options::vendor::Vendor as V;
    match vendor {
        V::Cumulus => &[(239, "P239")],
        V::Sonic => &[(67, "D-NOT-REQUESTED"), (239, "P239")],
        V::DellOs10 => &[(240, "P240")],
        V::DellOs9 => &[(67, "D-NOT-REQUESTED"), (209, "D-NOT-REQUESTED")],
        V::Arista | V::CiscoIosXe | V::CiscoIosXr | V::HuaweiVrp => &[(67, "D-NOT-REQUESTED")],
        V::CiscoNxos => &[(67, "D-NOT-REQUESTED"), (150, "D-NOT-REQUESTED")],
        V::CiscoPnp | V::ExtremeExos | V::ArubaAosCx => &[(43, "D-NOT-REQUESTED")],
        _ => &[],
    }
}

/// P239/P240 (and the same for a vendor's other trigger options): a plan
/// that does not provision, a trigger option absent from the reply, and a
/// request, seen in the capture, that did not ask for it: servers such as
/// Kea send an option the client does not request only with
/// `always-send`, and ISC dhcpd needs a definition of a private option.
pub(crate) fn not_requested(
    plan: &ztp_options::vendor::VendorPlan,
    request: Option<&crate::vendor::Request>,
) -> Vec<Diagnosis> {
    let Some(request) = request else {
        return Vec::new();
    };
    if plan.provisions() || plan.family != Family::V4 {
        return Vec::new();
    }
    let carried = |code: u16| {
        plan.steps.iter().any(|s| match s {
            ztp_options::vendor::Step::Fetch(f) => f.source.option == code,
            ztp_options::vendor::Step::Contact(c) => c.source.option == code,
            _ => false,
        })
    };
    triggers(plan.vendor)
        .iter()
        .filter(|(code, _)| !carried(*code) && !request.requested.contains(code))
        .map(|(code, id)| {
            let private = matches!(code, 239 | 240 | 209);
            Diagnosis::new(
                id,
                format!(
                    "the reply has no option {code}, which {} reads, and the client's request did \
                     not ask for it (its option 55: {}): servers such as Kea send an option the \
                     client does not request only with `always-send`{}.",
                    plan.vendor,
                    if request.requested.is_empty() {
                        "none".to_owned()
                    } else {
                        request
                            .requested
                            .iter()
                            .map(u16::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    if private {
                        ", and ISC dhcpd needs a definition (`option ... code N = text;`) \
                         and the code appended to the client's parameter request list"
                    } else {
                        ""
                    }
                ),
            )
        })
        .collect()
}
