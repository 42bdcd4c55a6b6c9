//! Hostile plans (issue 18): names full of what breaks configuration files
//! (quotes, backslashes, semicolons, braces, `#`, commas, spaces,
//! non-ASCII, names of exactly 255 bytes, empty optional parts, control
//! characters), rendered for every server of the plan's family. Each
//! configuration is either refused with a typed error, or
//!
//! - holds exactly the statements of the plan, no other (configuration
//!   injection): the test reads it back as the server does (a dnsmasq line
//!   reader with its quotes and comments, an ISC tokenizer with its string
//!   escapes, braces and `;`, the Kea JSON with its csv rules) and requires
//!   the options it finds to be the bytes ztp-options' encoder writes for
//!   the plan, item for item;
//! - passes the server's own syntax check (`dnsmasq --test`, `dhcpd -t -cf`,
//!   `dhcpd -6 -t -cf`, `kea-dhcp4 -t`, `kea-dhcp6 -t`), in the ignored test;
//! - for a sample, run by the real server (`case`): the device resolves
//!   exactly the plan from the reply.
//!
//! Plans come from a deterministic generator (splitmix64, one seed per
//! plan: a failure names its seed, `ZTP_HOSTILE_SEED=<n>` replays it), built
//! the way a device resolves them (`resolve_v4_options`), so they are
//! canonical. A name the encoder refuses (a control byte, R7; over 255
//! bytes in DHCPv4) cannot come from a lease: it is put into the resolved
//! plan by hand instead, and every server must refuse that plan.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::*;
use ztp_options::{ImageSource, ImageType, RawSuboption};
use ztp_server_config::TAG;

// ---------------------------------------------------------------- names

/// splitmix64: small, deterministic, good enough to pick pieces.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// What breaks configuration files: quoting, escapes, statement ends,
/// blocks, comments, list separators, spaces, non-ASCII (C1 controls and
/// Unicode separators too), and injection attempts in each server's syntax.
const PIECES: &[&str] = &[
    "\"",
    "\\",
    ";",
    "{",
    "}",
    "#",
    ",",
    " ",
    "  ",
    "'",
    "`",
    "$",
    "=",
    "(",
    ")",
    "*",
    "&",
    "|",
    "<",
    ">",
    "%",
    "!",
    "?",
    "@",
    "[",
    "]",
    ":",
    "\\\\",
    "\\\"",
    "\\,",
    "\\n",
    "\\x41",
    "\\101",
    "$(id)",
    "%s",
    "0x",
    "00:01",
    "10.99.0.1",
    "é",
    "日本語",
    "𝄞",
    "\u{a0}",
    "\u{85}",
    "\u{2028}",
    "\u{200b}",
    "\u{feff}",
    "\"; option host-name \"evil\"; \"",
    "\"; } host evil { hardware ethernet 02:00:00:00:00:01; } #",
    " # } class \"x\" {",
    "\",\"code\":3,\"data\":\"10.0.0.1",
    "\"}]}, \"Dhcp4\": {\"x\": \"",
    ",3,10.0.0.1",
    " #dhcp-option=3,10.0.0.1",
    "\",43,ff:ff,\"",
    "'abc, def'",
    "/* */",
];

/// Control characters: the encoder refuses them inside names (R7).
const CONTROL: &[&str] = &[
    "\n",
    "\r",
    "\t",
    "\0",
    "\u{7f}",
    "\u{1b}",
    "\ndhcp-option=3,10.0.0.1\n",
];

const FILLER: &[&str] = &["a", "junos", "x", "/", "cfg", "Z9", "-", "_", ".", "tgz"];

/// A hostile name; `control`: may hold a control character.
fn name(rng: &mut Rng, control: bool) -> String {
    let mut s = String::new();
    let piece = |rng: &mut Rng| {
        if rng.chance(60) {
            *rng.pick(PIECES)
        } else {
            *rng.pick(FILLER)
        }
    };
    match rng.below(8) {
        // Exactly at the DHCPv4 bound, or one byte either side.
        0 | 1 => {
            let len = *rng.pick(&[255, 255, 255, 254, 256]);
            while s.len() < len {
                let p = piece(rng);
                if s.len() + p.len() <= len {
                    s.push_str(p);
                } else {
                    s.push('a');
                }
            }
        }
        // One piece alone.
        2 => s.push_str(piece(rng)),
        // Spaces around (servers that trim would change it).
        3 => {
            s.push(' ');
            for _ in 0..=rng.below(3) {
                s.push_str(piece(rng));
            }
            s.push(' ');
        }
        _ => {
            for _ in 0..=rng.below(8) {
                s.push_str(piece(rng));
            }
        }
    }
    if control && rng.chance(8) {
        let cuts: Vec<usize> = (0..=s.len()).filter(|i| s.is_char_boundary(*i)).collect();
        let at = *rng.pick(&cuts);
        let c = *rng.pick(CONTROL);
        s.insert_str(at, c);
    }
    s
}

/// Bytes for an unknown suboption: empty, one byte, hostile bytes, 255.
fn raw_bytes(rng: &mut Rng) -> Vec<u8> {
    const BYTES: &[u8] = b"\"\\;#, '{}\n\0\xff\x80:=ab09";
    let len = *rng.pick(&[0, 1, 1, 2, 3, 8, 17, 40, 255]);
    (0..len)
        .map(|_| {
            if rng.chance(70) {
                *rng.pick(BYTES)
            } else {
                u8::try_from(rng.below(256)).unwrap()
            }
        })
        .collect()
}

const SZTP_LISTS: &[&str] = &[
    "https://a.example, https://[2001:db8::1]:8443",
    "https://10.99.0.1:8443",
    "https://sztp.example.net,https://b.example:1,https://[2001:db8::2]",
];

// ---------------------------------------------------------------- plans

/// A generated plan and how it was made.
struct Hostile {
    seed: u64,
    plan: PlanBuf,
    /// Resolved from options a server could send (a canonical plan); else
    /// a name the encoder refuses was put in by hand (see `hostile`).
    canonical: bool,
    scope: Scope,
}

/// The text fields of a `VendorInfo`.
#[derive(Debug, Clone, Copy)]
enum Field {
    Image,
    Config,
    AltImage,
    Proxy,
}

fn field(info: &mut VendorInfo, f: Field) -> &mut Option<String> {
    match f {
        Field::Image => &mut info.image,
        Field::Config => &mut info.config,
        Field::AltImage => &mut info.alt_image,
        Field::Proxy => &mut info.proxy,
    }
}

/// The suboptions of a hostile plan; the names the encoder refuses are
/// replaced by a placeholder and returned, to be put back by hand.
fn vendor_info(rng: &mut Rng, v6: bool) -> (VendorInfo, Vec<(Field, String)>) {
    let mut info = VendorInfo::default();
    let mut refused = Vec::new();
    for (f, percent) in [
        (Field::Image, 60),
        (Field::Config, 60),
        (Field::AltImage, 25),
        (Field::Proxy, 30),
    ] {
        if !rng.chance(percent) {
            continue;
        }
        let value = name(rng, true);
        let alone = VendorInfo {
            image: Some(value.clone()),
            ..VendorInfo::default()
        };
        let ok = if v6 {
            alone.put_v6(&mut Vec::new()).is_ok()
        } else {
            alone.put_v4(&mut Vec::new()).is_ok()
        };
        if ok {
            *field(&mut info, f) = Some(value);
        } else {
            *field(&mut info, f) = Some(format!("placeholder-{f:?}"));
            refused.push((f, value));
        }
    }
    if rng.chance(20) {
        info.image_type = ImageType::Symlink;
    }
    if rng.chance(60) {
        info.transfer_mode = Some(*rng.pick(&TransferMode::ALL));
    }
    info.port_or_server = match rng.below(5) {
        0 => Some(PortOrServer::Port(
            Port::new(*rng.pick(&[1, 69, 8080, 65535])).unwrap(),
        )),
        1 if !v6 => Some(PortOrServer::Server(Ipv4Addr::new(10, 99, 0, 7))),
        _ => None,
    };
    let mut codes: Vec<u16> = vec![6, 7, 9, 42, 100, 143, 200, 254];
    if v6 {
        codes.extend([255, 256, 2636, 65535]);
    }
    for _ in 0..rng.below(4) {
        let code = *rng.pick(&codes);
        // An unknown code may repeat (kept and re-encoded as decoded).
        if !rng.chance(25) {
            codes.retain(|c| *c != code);
        }
        info.unknown.push(RawSuboption {
            code,
            value: raw_bytes(rng),
        });
    }
    (info, refused)
}

/// Puts the refused names into the resolved plan, where the device would
/// have found them.
fn put_back(plan: &mut PlanBuf, refused: Vec<(Field, String)>) {
    for (f, value) in refused {
        match f {
            Field::Image => {
                if let Some(i) = plan
                    .image
                    .as_mut()
                    .filter(|i| i.source == ImageSource::Suboption00)
                {
                    i.name = value;
                }
            }
            Field::AltImage => {
                if let Some(alt) = plan.ignored.alt_image.as_mut() {
                    *alt = value.into_bytes();
                } else if let Some(i) = plan.image.as_mut() {
                    i.name = value;
                }
            }
            Field::Config => plan.config = Some(value),
            Field::Proxy => plan.proxy = Some(value),
        }
    }
}

fn scope(rng: &mut Rng) -> Scope {
    if rng.chance(50) {
        Scope::VendorClass
    } else {
        Scope::Host(MacAddr(MAC))
    }
}

fn sztp(rng: &mut Rng, plan: &mut PlanBuf) {
    if rng.chance(30) {
        plan.sztp_redirect = Some(rng.pick(SZTP_LISTS).parse::<RedirectRepr>().unwrap());
        plan.log.push(DecisionKind::SztpRedirect);
    }
}

/// A DHCPv4 plan; `None` when what was drawn gives the device nothing to
/// do (R13, R18).
fn hostile_v4(seed: u64) -> Option<Hostile> {
    let mut rng = Rng::new(seed);
    let (info, refused) = vendor_info(&mut rng, false);
    let mut set = OptionSet::new();
    let mut v = Vec::new();
    info.put_v4(&mut v).unwrap();
    if !v.is_empty() {
        set.insert(OptionCode::VENDOR_SPECIFIC, v).unwrap();
    }
    let mut hand = None;
    if rng.chance(80) {
        let list: Vec<u8> = (0..=rng.below(3))
            .flat_map(|i| [10, 99, 0, u8::try_from(1 + i).unwrap()])
            .collect();
        set.insert(OptionCode::TFTP_SERVER_ADDRESS, list).unwrap();
        // R12: an option 66 beside 150 is ignored, and sent again as it is.
        if rng.chance(50) {
            let text = name(&mut rng, false);
            set.insert(OptionCode::TFTP_SERVER_NAME, text.into_bytes())
                .unwrap();
        }
    } else {
        set.insert(OptionCode::TFTP_SERVER_NAME, b"10.99.0.1".to_vec())
            .unwrap();
    }
    if rng.chance(30) {
        set.insert(OptionCode::LOG_SERVER, vec![10, 99, 0, 5])
            .unwrap();
    }
    if rng.chance(30) {
        set.insert(OptionCode::NTP_SERVERS, vec![10, 99, 0, 6, 10, 99, 0, 7])
            .unwrap();
    }
    if rng.chance(40) {
        let host = name(&mut rng, true);
        if host.len() <= 255 {
            set.insert(OptionCode::HOST_NAME, host.clone().into_bytes())
                .unwrap();
            hand = Some(host);
        }
    }
    let mut plan = resolve_v4_options(&set).ok()?;
    sztp(&mut rng, &mut plan);
    let mut canonical = refused.is_empty();
    put_back(&mut plan, refused);
    // R5: a host name the device cannot read is left out of the plan; a
    // plan made by hand may still hold it.
    if let Some(host) = hand.filter(|h| plan.host_name.as_deref() != Some(h.as_str())) {
        plan.host_name = Some(host);
        canonical = false;
    }
    Some(Hostile {
        seed,
        plan,
        canonical,
        scope: scope(&mut rng),
    })
}

/// A DHCPv6 plan; `None` when there is nothing to do (R18).
fn hostile_v6(seed: u64) -> Option<Hostile> {
    let mut rng = Rng::new(seed);
    let (info, refused) = vendor_info(&mut rng, true);
    let mut options = v6::OptionSet::new();
    let mut v = Vec::new();
    info.put_v6(&mut v).unwrap();
    options.push(v6::OptionCode::VENDOR_OPTS, v);
    // R15: the path is the image when option 17 names none; empty is an
    // empty optional part.
    let path = if rng.chance(25) {
        String::new()
    } else {
        format!("/{}", name(&mut rng, false))
    };
    let url = v6::BootFileUrlRepr {
        transfer_mode: *rng.pick(&TransferMode::ALL),
        server: "2001:db8::1".parse().unwrap(),
        port: rng.chance(40).then(|| Port::new(8080).unwrap()),
        path,
    };
    let mut u = Vec::new();
    url.put(&mut u).ok()?;
    options.push(v6::OptionCode::BOOTFILE_URL, u);
    let mut plan = resolve_v6_options(&options).ok()?;
    sztp(&mut rng, &mut plan);
    let canonical = refused.is_empty();
    put_back(&mut plan, refused);
    Some(Hostile {
        seed,
        plan,
        canonical,
        scope: scope(&mut rng),
    })
}

/// `count` plans of each family, from consecutive seeds (or the one seed
/// `ZTP_HOSTILE_SEED` names, to replay a failure).
fn plans(count: usize) -> Vec<Hostile> {
    let seeds: Vec<u64> = match std::env::var("ZTP_HOSTILE_SEED") {
        Ok(s) => vec![s.parse().expect("ZTP_HOSTILE_SEED is a number")],
        Err(_) => (0..u64::try_from(count).unwrap()).collect(),
    };
    let mut out = Vec::new();
    for seed in seeds {
        out.extend(hostile_v4(seed));
        out.extend(hostile_v6(seed));
    }
    out
}

/// `var` from the environment, else `default`.
fn env_count(var: &str, default: usize) -> usize {
    std::env::var(var).map_or(default, |v| v.parse().expect("a number"))
}

// ------------------------------------------------------------ what is sent

/// What a configuration makes the server send: the Juniper items (option
/// 43 or 17 for 2636), option 43's bytes where the configuration holds
/// them whole, and the other options by code.
#[derive(Debug, Default, PartialEq, Eq)]
struct Sent {
    items: Vec<(u16, Vec<u8>)>,
    vendor: Option<Vec<u8>>,
    options: BTreeMap<u16, Vec<u8>>,
}

/// What the encoder writes for the plan (ztp-options, not the renderer).
fn expected(plan: &PlanBuf) -> Sent {
    let mut sent = Sent::default();
    match plan.family() {
        ztp_options::Family::V4 => {
            for o in &plan.to_v4_options().unwrap() {
                if o.code == OptionCode::VENDOR_SPECIFIC {
                    for i in v4::Option43::new_checked(&o.value).unwrap().items() {
                        let i = i.unwrap();
                        sent.items.push((i.code.get(), i.value.to_vec()));
                    }
                    sent.vendor = Some(o.value.clone());
                } else {
                    sent.options
                        .insert(u16::from(o.code.get()), o.value.clone());
                }
            }
        }
        ztp_options::Family::V6 => {
            for o in &plan.to_v6_options().unwrap() {
                if o.code == v6::OptionCode::VENDOR_OPTS {
                    for i in v6::VendorOpts::new_checked(&o.value).unwrap().items() {
                        let i = i.unwrap();
                        sent.items.push((i.code.get(), i.value.to_vec()));
                    }
                } else {
                    sent.options.insert(o.code.get(), o.value.clone());
                }
            }
        }
    }
    sent
}

fn unhex(s: &str, sep: &str) -> Result<Vec<u8>, String> {
    let parts: Vec<&str> = if sep.is_empty() {
        if s.len() % 2 == 1 {
            return Err(format!("odd hex {s:?}"));
        }
        (0..s.len() / 2).map(|i| &s[2 * i..2 * i + 2]).collect()
    } else {
        s.split(sep).collect()
    };
    parts
        .iter()
        .map(|p| {
            if p.len() == 2 {
                u8::from_str_radix(p, 16).map_err(|e| format!("hex {p:?}: {e}"))
            } else {
                Err(format!("hex byte {p:?} in {s:?}"))
            }
        })
        .collect()
}

fn octets(list: &[&str]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for a in list {
        let a: Ipv4Addr = a.trim().parse().map_err(|e| format!("{a:?}: {e}"))?;
        out.extend(a.octets());
    }
    Ok(out)
}

// ---------------------------------------------------------------- dnsmasq

/// One field of a dnsmasq line: its bytes after quote removal, and whether
/// any of it was quoted (quoted text is never read as a number, an
/// address or hex).
#[derive(Debug)]
struct DField {
    bytes: Vec<u8>,
    quoted: bool,
}

/// A dnsmasq configuration line as dnsmasq 2.90 reads it (`read_file` in
/// option.c): `None` for a comment or an empty line, else `key=value` and
/// the value's comma-separated fields, quotes removed (inside them `\"`,
/// `\\`, `\t`, `\n`, `\e`, `\b`, `\r` are escapes and commas and `#` are
/// kept). Anything that would make dnsmasq read the line otherwise than
/// whole (a space or a `#` outside quotes: a comment starts at a `#` after
/// a space; an unclosed quote) is an error.
fn dnsmasq_line(line: &str) -> Result<Option<(String, Vec<DField>)>, String> {
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (key, value) = line
        .split_once('=')
        .ok_or_else(|| format!("no '=' in {line:?}"))?;
    let mut fields = Vec::new();
    let mut cur = DField {
        bytes: Vec::new(),
        quoted: false,
    };
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                cur.quoted = true;
                i += 1;
                loop {
                    match b.get(i) {
                        None => return Err(format!("unclosed quote in {line:?}")),
                        Some(b'"') => break,
                        Some(b'\\') if b.get(i + 1).is_some_and(|c| b"\"tnebr\\".contains(c)) => {
                            cur.bytes.push(match b[i + 1] {
                                b't' => b'\t',
                                b'n' => b'\n',
                                b'e' => 0x1b,
                                b'b' => 8,
                                b'r' => b'\r',
                                c => c,
                            });
                            i += 2;
                        }
                        Some(c) => {
                            cur.bytes.push(*c);
                            i += 1;
                        }
                    }
                }
                i += 1;
            }
            b',' => {
                fields.push(std::mem::replace(
                    &mut cur,
                    DField {
                        bytes: Vec::new(),
                        quoted: false,
                    },
                ));
                i += 1;
            }
            c if c.is_ascii_whitespace() || c == b'#' || c < 0x20 => {
                return Err(format!("{c:?} outside quotes in {line:?}"));
            }
            c => {
                cur.bytes.push(c);
                i += 1;
            }
        }
    }
    fields.push(cur);
    Ok(Some((key.to_owned(), fields)))
}

fn text_of(f: &DField) -> Result<&str, String> {
    if f.quoted {
        return Err(format!("quoted {:?} where a token belongs", f.bytes));
    }
    std::str::from_utf8(&f.bytes).map_err(|e| e.to_string())
}

/// The value of a `dhcp-option-force` line after its option: quoted text
/// as is, an unquoted value as hex bytes (`aa:bb`, at least two) or, for
/// the address options, addresses.
fn dnsmasq_value(code: Option<u16>, fields: &[DField]) -> Result<Vec<u8>, String> {
    match (code, fields) {
        (Some(7 | 42 | 150), list) => {
            let list: Vec<&str> = list.iter().map(text_of).collect::<Result<_, _>>()?;
            octets(&list)
        }
        (_, [f]) if f.quoted => Ok(f.bytes.clone()),
        (_, [f]) => {
            let h = unhex(text_of(f)?, ":")?;
            if h.len() < 2 {
                return Err(format!("{:?} would be read as a number", f.bytes));
            }
            Ok(h)
        }
        _ => Err(format!("option {code:?}: {} fields", fields.len())),
    }
}

fn dnsmasq_sent(text: &str, v6: bool, scope: &Scope) -> Result<Sent, String> {
    let mut sent = Sent::default();
    let mut lines = Vec::new();
    for line in text.split('\n') {
        if let Some(l) = dnsmasq_line(line)? {
            lines.push(l);
        }
    }
    let mut lines = lines.into_iter();
    let (key, fields) = lines.next().ok_or("no scope line")?;
    let fields: Vec<&str> = fields.iter().map(text_of).collect::<Result<_, _>>()?;
    let want_scope = match scope {
        Scope::Host(mac) => ("dhcp-host", vec![mac.to_string(), format!("set:{TAG}")]),
        _ if v6 => (
            "dhcp-vendorclass",
            vec![
                format!("set:{TAG}"),
                "enterprise:2636".into(),
                "Juniper-".into(),
            ],
        ),
        _ => (
            "dhcp-vendorclass",
            vec![format!("set:{TAG}"), "Juniper-".into()],
        ),
    };
    if (key.as_str(), fields.clone())
        != (
            want_scope.0,
            want_scope.1.iter().map(String::as_str).collect(),
        )
    {
        return Err(format!("scope line {key}={fields:?}"));
    }
    for (key, fields) in lines {
        if key != "dhcp-option-force" {
            return Err(format!("unexpected statement {key}"));
        }
        let tag = format!("tag:{TAG}");
        match fields.as_slice() {
            [t, rest @ ..] if text_of(t)? == tag => {
                let (vendor, rest) = match rest {
                    [v, rest @ ..] if v6 && text_of(v)? == "vi-encap:2636" => (true, rest),
                    _ => (false, rest),
                };
                let [opt, value @ ..] = rest else {
                    return Err("no option".into());
                };
                let opt = text_of(opt)?;
                let code: u16 = match (v6, opt) {
                    (false, "option:tftp-server-address") => 150,
                    (false, "option:log-server") => 7,
                    (false, "option:ntp-server") => 42,
                    (true, "option6:bootfile-url") => 59,
                    (true, o) if o.starts_with("option6:") => {
                        o["option6:".len()..].parse().map_err(|_| o.to_string())?
                    }
                    (false, o) => o.parse().map_err(|_| format!("option {o:?}"))?,
                    (true, o) => return Err(format!("option {o:?}")),
                };
                // Addresses are for options, not for vendor items.
                let bytes = dnsmasq_value((!vendor).then_some(code), value)?;
                if vendor {
                    sent.items.push((code, bytes));
                } else if code == 43 && !v6 {
                    sent.vendor = Some(bytes.clone());
                    for i in v4::Option43::new_checked(&bytes)
                        .map_err(|e| e.to_string())?
                        .items()
                    {
                        let i = i.map_err(|e| e.to_string())?;
                        sent.items.push((i.code.get(), i.value.to_vec()));
                    }
                } else if sent.options.insert(code, bytes).is_some() {
                    return Err(format!("option {code} twice"));
                }
            }
            _ => return Err(format!("dhcp-option-force without {tag}")),
        }
    }
    Ok(sent)
}

// ---------------------------------------------------------------- ISC

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    Str(Vec<u8>),
    Punct(u8),
}

/// ISC dhcpd's lexer (conflex.c): `#` comments to the end of the line,
/// strings with `\t \r \n \b`, octal and `\x` escapes (any other escaped
/// character is itself), punctuation, and words.
fn isc_tokens(text: &str) -> Result<Vec<Tok>, String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'"' {
            i += 1;
            let mut s = Vec::new();
            loop {
                let Some(&c) = b.get(i) else {
                    return Err("unterminated string".into());
                };
                i += 1;
                match c {
                    b'"' => break,
                    b'\n' => return Err("newline in a string".into()),
                    b'\\' => {
                        let Some(&e) = b.get(i) else {
                            return Err("unterminated string".into());
                        };
                        i += 1;
                        match e {
                            b't' => s.push(b'\t'),
                            b'r' => s.push(b'\r'),
                            b'n' => s.push(b'\n'),
                            b'b' => s.push(8),
                            b'0'..=b'7' => {
                                let mut v = u32::from(e - b'0');
                                for _ in 0..2 {
                                    match b.get(i) {
                                        Some(d @ b'0'..=b'7') => {
                                            v = v * 8 + u32::from(d - b'0');
                                            i += 1;
                                        }
                                        _ => break,
                                    }
                                }
                                s.push(u8::try_from(v & 0xff).unwrap());
                            }
                            b'x' => {
                                let mut v = 0u32;
                                for _ in 0..2 {
                                    match b.get(i).and_then(|d| char::from(*d).to_digit(16)) {
                                        Some(d) => {
                                            v = v * 16 + d;
                                            i += 1;
                                        }
                                        None => break,
                                    }
                                }
                                s.push(u8::try_from(v).unwrap());
                            }
                            other => s.push(other),
                        }
                    }
                    other => s.push(other),
                }
            }
            out.push(Tok::Str(s));
        } else if b"{};,=()".contains(&c) {
            out.push(Tok::Punct(c));
            i += 1;
        } else {
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"{};,=()\"#".contains(&b[i]) {
                i += 1;
            }
            out.push(Tok::Word(text[start..i].to_owned()));
        }
    }
    Ok(out)
}

/// Statements: `tokens ;` or `tokens { statements }`.
#[derive(Debug)]
enum Stmt {
    Simple(Vec<Tok>),
    Block(Vec<Tok>, Vec<Stmt>),
}

fn isc_statements(
    toks: &mut std::iter::Peekable<std::vec::IntoIter<Tok>>,
    depth: usize,
) -> Result<Vec<Stmt>, String> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    while let Some(t) = toks.next() {
        match t {
            Tok::Punct(b';') => out.push(Stmt::Simple(std::mem::take(&mut cur))),
            Tok::Punct(b'{') => {
                let body = isc_statements(toks, depth + 1)?;
                out.push(Stmt::Block(std::mem::take(&mut cur), body));
            }
            Tok::Punct(b'}') if depth > 0 => {
                if !cur.is_empty() {
                    return Err(format!("unterminated statement {cur:?}"));
                }
                return Ok(out);
            }
            Tok::Punct(b'}') => return Err("unbalanced }".into()),
            t => cur.push(t),
        }
    }
    if depth > 0 {
        return Err("unbalanced {".into());
    }
    if !cur.is_empty() {
        return Err(format!("unterminated statement {cur:?}"));
    }
    Ok(out)
}

fn words(s: &str) -> Vec<Tok> {
    isc_tokens(s).unwrap()
}

fn isc_sent(text: &str, v6: bool, scope: &Scope) -> Result<Sent, String> {
    let toks = isc_tokens(text)?;
    let stmts = isc_statements(&mut toks.into_iter().peekable(), 0)?;
    let width = if v6 { 2 } else { 1 };
    // The top level: definitions, then the one scope block.
    let mut defs: BTreeMap<String, (u16, String)> = BTreeMap::new();
    let mut block = None;
    let fixed: Vec<Vec<Tok>> = [
        format!("option space juniper code width {width} length width {width}"),
        "option ztp-tftp-server-address code 150 = array of ip-address".into(),
        "option ztp-sztp-redirect code 143 = string".into(),
        "option vsio.juniper code 2636 = encapsulate juniper".into(),
        "option dhcp6.ztp-vendor-class code 16 = string".into(),
        "option dhcp6.ztp-sztp-redirect code 136 = string".into(),
    ]
    .iter()
    .map(|s| words(s))
    .collect();
    for s in stmts {
        match s {
            Stmt::Simple(t) if fixed.contains(&t) => {}
            Stmt::Simple(t) => match t.as_slice() {
                [
                    Tok::Word(o),
                    Tok::Word(n),
                    Tok::Word(c),
                    Tok::Word(code),
                    Tok::Punct(b'='),
                    Tok::Word(kind),
                ] if o == "option"
                    && c == "code"
                    && n.starts_with("juniper.")
                    && (kind == "text" || kind == "string") =>
                {
                    let code: u16 = code.parse().map_err(|_| format!("code {code}"))?;
                    if defs.insert(n.clone(), (code, kind.clone())).is_some() {
                        return Err(format!("{n} defined twice"));
                    }
                }
                _ => return Err(format!("unexpected top-level statement {t:?}")),
            },
            Stmt::Block(h, body) => {
                if block.replace((h, body)).is_some() {
                    return Err("two blocks".into());
                }
            }
        }
    }
    let (header, body) = block.ok_or("no block")?;
    let want_header = match scope {
        Scope::Host(mac) => vec![
            Tok::Word("host".into()),
            Tok::Word(format!("{TAG}-{}", mac.to_string().replace(':', ""))),
        ],
        _ => vec![Tok::Word("class".into()), Tok::Str(TAG.as_bytes().to_vec())],
    };
    if header != want_header {
        return Err(format!("block header {header:?}"));
    }
    let matcher = if v6 {
        words(
            "match if substring(option dhcp6.ztp-vendor-class, 0, 4) = 00:00:0a:4c \
             and substring(option dhcp6.ztp-vendor-class, 6, 8) = \"Juniper-\"",
        )
    } else {
        words("match if substring(option vendor-class-identifier, 0, 8) = \"Juniper-\"")
    };
    let mut sent = Sent::default();
    for s in body {
        let Stmt::Simple(t) = s else {
            return Err("a block in the block".into());
        };
        if t == matcher && *scope == Scope::VendorClass {
            continue;
        }
        if matches!(scope, Scope::Host(mac) if t == words(&format!("hardware ethernet {mac}"))) {
            continue;
        }
        if !v6 && t == words("vendor-option-space juniper") {
            continue;
        }
        if !v6
            && (t
                == words(
                    "option dhcp-parameter-request-list = concat(option dhcp-parameter-request-list, 2b:42:96)",
                )
                || t == words(
                    "option dhcp-parameter-request-list = concat(option dhcp-parameter-request-list, 2b:42:96:8f)",
                ))
        {
            continue;
        }
        let [Tok::Word(o), Tok::Word(n), value @ ..] = t.as_slice() else {
            return Err(format!("unexpected statement {t:?}"));
        };
        if o != "option" {
            return Err(format!("unexpected statement {t:?}"));
        }
        let one = |value: &[Tok], string: bool| -> Result<Vec<u8>, String> {
            match value {
                [Tok::Str(s)] => Ok(s.clone()),
                [Tok::Word(w)] if string => unhex(w, ":"),
                _ => Err(format!("{n}: value {value:?}")),
            }
        };
        let list = |value: &[Tok]| -> Result<Vec<u8>, String> {
            let mut addrs = Vec::new();
            for (i, t) in value.iter().enumerate() {
                match t {
                    Tok::Word(w) if i % 2 == 0 => addrs.push(w.as_str()),
                    Tok::Punct(b',') if i % 2 == 1 => {}
                    _ => return Err(format!("{n}: list {value:?}")),
                }
            }
            octets(&addrs)
        };
        let (code, bytes) = match (v6, n.as_str()) {
            (_, name) if defs.contains_key(name) => {
                let (code, kind) = &defs[name];
                sent.items.push((*code, one(value, kind == "string")?));
                continue;
            }
            (false, "ztp-tftp-server-address") => (150, list(value)?),
            (false, "log-servers") => (7, list(value)?),
            (false, "ntp-servers") => (42, list(value)?),
            (false, "tftp-server-name") => (66, one(value, false)?),
            (false, "host-name") => (12, one(value, false)?),
            (false, "ztp-sztp-redirect") => (143, one(value, true)?),
            (true, "dhcp6.bootfile-url") => (59, one(value, false)?),
            (true, "dhcp6.ztp-sztp-redirect") => (136, one(value, true)?),
            _ => return Err(format!("unexpected option {n}")),
        };
        if sent.options.insert(code, bytes).is_some() {
            return Err(format!("option {code} twice"));
        }
    }
    Ok(sent)
}

// ---------------------------------------------------------------- Kea

fn kea_sent(text: &str, v6: bool, scope: &Scope) -> Result<Sent, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let root = if v6 { "Dhcp6" } else { "Dhcp4" };
    let top = doc.as_object().ok_or("not an object")?;
    if top.len() != 1 {
        return Err(format!("keys {:?}", top.keys().collect::<Vec<_>>()));
    }
    let dhcp = top.get(root).and_then(Value::as_object).ok_or("no root")?;
    let mut keys: Vec<&str> = dhcp.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let options = match scope {
        Scope::Host(mac) => {
            if keys != ["option-def", "reservations", "reservations-global"] {
                return Err(format!("keys {keys:?}"));
            }
            let r = dhcp["reservations"].as_array().ok_or("reservations")?;
            let [r] = r.as_slice() else {
                return Err("reservations".into());
            };
            let r = r.as_object().ok_or("reservation")?;
            if r.len() != 2 || r.get("hw-address") != Some(&Value::from(mac.to_string())) {
                return Err(format!("reservation {r:?}"));
            }
            r["option-data"].as_array().ok_or("option-data")?
        }
        _ => {
            if keys != ["client-classes", "option-def"] {
                return Err(format!("keys {keys:?}"));
            }
            let c = dhcp["client-classes"].as_array().ok_or("classes")?;
            let [c] = c.as_slice() else {
                return Err("classes".into());
            };
            let c = c.as_object().ok_or("class")?;
            let test = if v6 {
                "vendor-class[2636].exists and substring(vendor-class[2636].data,0,8) == 'Juniper-'"
            } else {
                "substring(option[60].hex,0,8) == 'Juniper-'"
            };
            if c.len() != 3
                || c.get("name") != Some(&Value::from(TAG))
                || c.get("test") != Some(&Value::from(test))
            {
                return Err(format!("class {c:?}"));
            }
            c["option-data"].as_array().ok_or("option-data")?
        }
    };
    let mut defs = BTreeMap::new();
    for d in dhcp["option-def"].as_array().ok_or("option-def")? {
        let d = d.as_object().ok_or("def")?;
        let space = d.get("space").and_then(Value::as_str).ok_or("def space")?;
        let code = d.get("code").and_then(Value::as_u64).ok_or("def code")?;
        let kind = d.get("type").and_then(Value::as_str).ok_or("def type")?;
        if defs
            .insert((space.to_owned(), code), kind.to_owned())
            .is_some()
        {
            return Err(format!("def {space} {code} twice"));
        }
    }
    let mut sent = Sent::default();
    for o in options {
        let o = o.as_object().ok_or("option")?;
        for k in o.keys() {
            if ![
                "space",
                "code",
                "name",
                "data",
                "csv-format",
                "always-send",
                "user-context",
            ]
            .contains(&k.as_str())
            {
                return Err(format!("option key {k}"));
            }
        }
        if o.get("always-send") != Some(&Value::from(true)) {
            return Err("always-send".into());
        }
        let space = o.get("space").and_then(Value::as_str).ok_or("space")?;
        let code = u16::try_from(o.get("code").and_then(Value::as_u64).ok_or("code")?)
            .map_err(|e| e.to_string())?;
        let data = o.get("data").and_then(Value::as_str).ok_or("data")?;
        let bytes = match o.get("csv-format") {
            Some(Value::Bool(false)) => unhex(data, "")?,
            None => {
                // csv: Kea splits at commas, reads backslash escapes and
                // trims spaces (kea-dhcp4 -t refuses "  " as empty).
                let trimmed = data.trim_matches(|c: char| c.is_ascii_whitespace());
                if (data.contains([',', '\\']) || trimmed != data) && ![7, 42, 150].contains(&code)
                {
                    return Err(format!("csv data {data:?}"));
                }
                match (space, code) {
                    ("dhcp4", 7 | 42 | 150) => octets(&data.split(',').collect::<Vec<_>>())?,
                    _ => data.as_bytes().to_vec(),
                }
            }
            Some(other) => return Err(format!("csv-format {other}")),
        };
        match (v6, space, code) {
            (false, "dhcp4", 43) => {
                for i in v4::Option43::new_checked(&bytes)
                    .map_err(|e| e.to_string())?
                    .items()
                {
                    let i = i.map_err(|e| e.to_string())?;
                    sent.items.push((i.code.get(), i.value.to_vec()));
                }
                sent.vendor = Some(bytes);
            }
            (false, "dhcp4", 7 | 42 | 66 | 12 | 143 | 150) | (true, "dhcp6", 59 | 136) => {
                if sent.options.insert(code, bytes).is_some() {
                    return Err(format!("option {code} twice"));
                }
            }
            (true, "dhcp6", 17) if bytes == b"2636" => {}
            (true, "vendor-2636", c) => {
                if !defs.contains_key(&("vendor-2636".to_owned(), u64::from(c))) {
                    return Err(format!("suboption {c} without a definition"));
                }
                sent.items.push((c, bytes));
            }
            _ => return Err(format!("unexpected option {space} {code}")),
        }
    }
    Ok(sent)
}

// ---------------------------------------------------------------- the sweep

/// What was sent, read back from the rendered text as `server` reads it.
fn read_back(server: Server, r: &Rendered, scope: &Scope) -> Result<Sent, String> {
    let v6 = r.plan.family() == ztp_options::Family::V6;
    let mut sent = match server {
        Server::Dnsmasq => dnsmasq_sent(&r.text, v6, scope)?,
        Server::Isc | Server::Isc6 => isc_sent(&r.text, v6, scope)?,
        _ => kea_sent(&r.text, v6, scope)?,
    };
    if server == Server::Isc {
        // ISC builds option 43 from the items.
        sent.vendor = None;
    }
    Ok(sent)
}

/// The family's servers.
fn servers(plan: &PlanBuf) -> [Server; 3] {
    match plan.family() {
        ztp_options::Family::V4 => [Server::Dnsmasq, Server::Isc, Server::Kea4],
        ztp_options::Family::V6 => [Server::Dnsmasq, Server::Isc6, Server::Kea6],
    }
}

/// How many configurations each server rendered and refused (by kind).
#[derive(Default, Debug)]
struct Tally {
    rendered: BTreeMap<&'static str, usize>,
    refused: BTreeMap<String, usize>,
}

/// Renders every plan for every server of its family and checks each
/// result; `accepted` runs on each rendered configuration (the syntax
/// check). Returns the failures, one line each, naming the seed.
fn sweep(
    plans: &[Hostile],
    mut accepted: impl FnMut(Server, &Hostile, &Rendered) -> Result<(), String>,
) -> (Tally, Vec<String>) {
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for h in plans {
        let plan = h.plan.as_plan();
        for server in servers(&h.plan) {
            let what = format!(
                "seed {} {server} {} ({})",
                h.seed,
                h.scope,
                if h.canonical { "canonical" } else { "by hand" }
            );
            match render(server, &plan, &h.scope) {
                Err(
                    e @ (Error::Encode(_) | Error::TooLong { .. } | Error::Unrepresentable { .. }),
                ) => {
                    let kind = format!("{e:?}");
                    let kind = kind
                        .split([' ', '(', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_owned();
                    *tally.refused.entry(format!("{server} {kind}")).or_default() += 1;
                }
                Err(e) => failures.push(format!("{what}: refused with {e:?}")),
                Ok(_) if !h.canonical => {
                    failures.push(format!(
                        "{what}: rendered a name the encoder refuses: {:?} {:?} {:?} {:?}",
                        h.plan.image, h.plan.config, h.plan.proxy, h.plan.host_name
                    ));
                }
                Ok(r) => {
                    *tally.rendered.entry(server.as_str()).or_default() += 1;
                    if r.plan != h.plan {
                        failures.push(format!(
                            "{what}: rendered for another plan:\n{:?}\n{:?}",
                            r.plan, h.plan
                        ));
                        continue;
                    }
                    match read_back(server, &r, &h.scope) {
                        Ok(sent) => {
                            let mut want = expected(&h.plan);
                            if server == Server::Isc {
                                want.vendor = None;
                            }
                            if sent != want {
                                failures.push(format!(
                                    "{what}: the configuration says\n{sent:?}\nthe plan\n{want:?}\n{}",
                                    r.text
                                ));
                                continue;
                            }
                        }
                        Err(e) => {
                            failures.push(format!("{what}: {e}\n{}", r.text));
                            continue;
                        }
                    }
                    if let Err(e) = accepted(server, h, &r) {
                        failures.push(format!("{what}: {e}\n{}", r.text));
                    }
                }
            }
        }
    }
    (tally, failures)
}

fn report(tally: &Tally, failures: &[String]) {
    eprintln!(
        "rendered: {:?}\nrefused: {:?}",
        tally.rendered, tally.refused
    );
    for f in failures.iter().take(5) {
        eprintln!("---- {f}");
    }
    for f in failures {
        eprintln!("==== {}", f.lines().next().unwrap_or_default());
    }
    assert!(
        failures.is_empty(),
        "{} failures (first ones above)",
        failures.len()
    );
    // Not vacuous: every server rendered some and refused some.
    for server in Server::ALL {
        let n = tally.rendered.get(server.as_str()).copied().unwrap_or(0);
        assert!(n >= 5, "{server} rendered only {n} hostile plans");
    }
    assert!(
        tally.refused.values().sum::<usize>() >= 5,
        "hardly anything refused"
    );
}

/// R7: hostile names render to configurations that say exactly the plan,
/// or are refused with a typed error (no server needed).
#[test]
fn r7_hostile_plans_render_exactly_their_statements() {
    let plans = plans(env_count("ZTP_HOSTILE_PLANS", 400));
    let (tally, failures) = sweep(&plans, |_, _, _| Ok(()));
    report(&tally, &failures);
}

// ------------------------------------------------------------ syntax checks

fn check(cmd: &mut Command) -> Result<(), String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd:?}: {}\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// The server's own syntax check of the configuration, wrapped as little
/// as it needs (a subnet; for Kea no interface, so `-t` runs anywhere).
fn syntax_check(dir: &Path, server: Server, r: &Rendered) -> Result<(), String> {
    let v6 = r.plan.family() == ztp_options::Family::V6;
    match server {
        Server::Dnsmasq => {
            let range = if v6 {
                "dhcp-range=2001:db8::10,2001:db8::20,64,1h"
            } else {
                "dhcp-range=10.99.0.10,10.99.0.20,255.255.255.0,1h"
            };
            let path = dir.join("dnsmasq.conf");
            fs::write(&path, format!("{}port=0\n{range}\n", r.text)).unwrap();
            let mut c = Command::new("dnsmasq");
            c.arg("--test")
                .arg(format!("--conf-file={}", path.display()));
            check(&mut c)
        }
        Server::Isc | Server::Isc6 => {
            let subnet = if v6 {
                "subnet6 2001:db8::/64 { range6 2001:db8::10 2001:db8::20; }\n"
            } else {
                "subnet 10.99.0.0 netmask 255.255.255.0 { range 10.99.0.10 10.99.0.20; }\n"
            };
            let path = dir.join("dhcpd.conf");
            fs::write(&path, format!("{subnet}{}", r.text)).unwrap();
            let mut c = Command::new("dhcpd");
            c.arg(if v6 { "-6" } else { "-4" })
                .arg("-t")
                .arg("-cf")
                .arg(&path);
            check(&mut c)
        }
        _ => {
            let mut doc: Value = serde_json::from_str(&r.text).unwrap();
            let (root, bin, subnet) = if v6 {
                (
                    "Dhcp6",
                    "kea-dhcp6",
                    serde_json::json!({"subnet6": [{ "id": 1, "subnet": "2001:db8::/64",
                        "pools": [{ "pool": "2001:db8::10 - 2001:db8::20" }] }]}),
                )
            } else {
                (
                    "Dhcp4",
                    "kea-dhcp4",
                    serde_json::json!({"subnet4": [{ "id": 1, "subnet": "10.99.0.0/24",
                        "pools": [{ "pool": "10.99.0.10 - 10.99.0.20" }] }]}),
                )
            };
            let dhcp = doc[root].as_object_mut().unwrap();
            dhcp.insert(
                "interfaces-config".into(),
                serde_json::json!({ "interfaces": [] }),
            );
            dhcp.insert(
                "lease-database".into(),
                serde_json::json!({ "type": "memfile", "persist": false }),
            );
            for (k, v) in subnet.as_object().unwrap() {
                dhcp.insert(k.clone(), v.clone());
            }
            let path = dir.join("kea.json");
            fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
            let mut c = Command::new(bin);
            c.arg("-t")
                .arg(&path)
                .env("KEA_PIDFILE_DIR", dir)
                .env("KEA_LOCKFILE_DIR", dir)
                .env("KEA_LOGGER_DESTINATION", "/dev/null");
            check(&mut c)
        }
    }
}

/// R7: every rendered hostile configuration passes the server's own syntax
/// check (`dnsmasq --test`, `dhcpd -t -cf`, `dhcpd -6 -t -cf`,
/// `kea-dhcp4 -t`, `kea-dhcp6 -t`).
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn r7_hostile_plans_pass_the_servers_syntax_checks() {
    require("r7_hostile_plans_pass_the_servers_syntax_checks");
    let dir = std::env::temp_dir().join(format!("ztp-hostile-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let plans = plans(env_count("ZTP_HOSTILE_CHECKED", 80));
    let mut checked = 0usize;
    let (tally, failures) = sweep(&plans, |server, _, r| {
        checked += 1;
        syntax_check(&dir, server, r)
    });
    let _ = fs::remove_dir_all(&dir);
    eprintln!("{checked} configurations through the servers' syntax checks");
    report(&tally, &failures);
}

/// A score of how hostile a plan is: the bytes of its names that break
/// configuration files, a name at the DHCPv4 bound, a repeated unknown
/// suboption.
fn hostility(plan: &PlanBuf) -> usize {
    let mut names: Vec<&[u8]> = Vec::new();
    names.extend(plan.image.as_ref().map(|i| i.name.as_bytes()));
    names.extend(plan.config.as_deref().map(str::as_bytes));
    names.extend(plan.proxy.as_deref().map(str::as_bytes));
    names.extend(plan.host_name.as_deref().map(str::as_bytes));
    names.extend(plan.ignored.option66.as_deref());
    names.extend(plan.ignored.alt_image.as_deref());
    names.extend(plan.ignored.url_path.as_deref().map(str::as_bytes));
    let special = names
        .iter()
        .flat_map(|n| n.iter())
        .filter(|b| b"\"\\;{}#, '".contains(b) || **b >= 0x80)
        .count();
    let longest = names.iter().map(|n| n.len()).max().unwrap_or(0);
    let codes: Vec<u16> = plan.unknown_suboptions.iter().map(|r| r.code).collect();
    let repeated = codes
        .iter()
        .any(|c| codes.iter().filter(|d| *d == c).count() > 1);
    special + usize::from(longest >= 254) * 50 + usize::from(repeated) * 100
}

/// A server and its candidate plans, each with its `hostility`.
type Sample<'a> = (Server, Vec<(usize, &'a Hostile)>);

/// R7: a sample of the hostile plans each server accepts, served for real
/// (`case`): the device resolves exactly the plan from the reply, option
/// 43 and the SZTP redirect byte for byte.
#[test]
#[ignore = "needs root and the DHCP servers (interop/setup.sh): run with --include-ignored"]
fn r7_hostile_plans_served_byte_for_byte() {
    require("r7_hostile_plans_served_byte_for_byte");
    let per_server = env_count("ZTP_HOSTILE_SAMPLE", 1);
    let plans = plans(env_count("ZTP_HOSTILE_PLANS", 400));
    let mut sample: BTreeMap<(&str, bool), Sample<'_>> = BTreeMap::new();
    for h in plans.iter().filter(|h| h.canonical) {
        for server in servers(&h.plan) {
            // A plan the reply has no room for is not sent whole to this
            // client, which announces no larger size (the note says so).
            let fits = |r: &Rendered| !r.notes.iter().any(|n| matches!(n, Note::ReplyRoom { .. }));
            if render(server, &h.plan.as_plan(), &h.scope).is_ok_and(|r| fits(&r)) {
                let v6 = h.plan.family() == ztp_options::Family::V6;
                sample
                    .entry((server.as_str(), v6))
                    .or_insert_with(|| (server, Vec::new()))
                    .1
                    .push((hostility(&h.plan), h));
            }
        }
    }
    let mut served = String::new();
    let mut failed = Vec::new();
    for (server, mut list) in sample.into_values() {
        list.sort_by_key(|(score, h)| (std::cmp::Reverse(*score), h.seed));
        for (_, h) in list.into_iter().take(per_server) {
            let _ = writeln!(served, "{server} seed {} {}", h.seed, h.scope);
            // Every case runs; the failures are listed at the end.
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                case(server, &h.plan.as_plan(), &h.scope);
            }));
            if run.is_err() {
                failed.push(format!("{server} seed {}", h.seed));
            }
        }
    }
    eprintln!("served:\n{served}");
    assert!(failed.is_empty(), "failed (panics above): {failed:?}");
    if std::env::var_os("ZTP_HOSTILE_SEED").is_none() {
        assert_eq!(served.lines().count(), 6 * per_server, "{served}");
    }
}
