//! Benchmarks for the ztp crate family live in `benches/`; this library holds
//! what they share: the inputs (a realistic DHCPv4 ACK), and the peer's side
//! of each comparison written as a dhcproto user would write it by hand, so
//! that the benches and the tests that check both sides agree use the same
//! code. The `ratios` command (`src/bin/ratios.rs`) reads criterion's
//! results and prints each pair's ratio against its goal.

pub mod instructions;
pub mod nom_walk;

use std::net::{Ipv4Addr, Ipv6Addr};

use dhcproto::{Decodable, Decoder, Encodable, Encoder};

/// A DHCPv4 ACK as a ZTP server sends it, 336 bytes: the BOOTP header, then
/// options 53 (ACK), 54 (server id), 51 (lease time), 1 (mask), 3 (router),
/// 43 (Juniper suboptions 00 image, 01 config, 03 `http`), 150 (file
/// server) and the end option.
pub fn v4_ack() -> Vec<u8> {
    let mut m = vec![0u8; 240];
    let header: [(usize, &[u8]); 6] = [
        (0, &[2, 1, 6, 0]),
        (4, &[0x3c, 0x1f, 0x9a, 0x07]),
        (16, &[192, 0, 2, 100]),
        (20, &[192, 0, 2, 1]),
        (28, &[0x2c, 0x6b, 0xf5, 0xa1, 0xb2, 0x03]),
        (236, &[0x63, 0x82, 0x53, 0x63]),
    ];
    for (at, bytes) in header {
        if let Some(dst) = m.get_mut(at..at + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
    }
    let image = b"junos-install-ex-x86-64-23.4R2.tgz";
    let config = b"/ztp/ex4300.conf";
    let mut o43 = Vec::new();
    for (code, value) in [(0u8, &image[..]), (1, &config[..]), (3, b"http")] {
        o43.push(code);
        o43.push(value.len() as u8);
        o43.extend_from_slice(value);
    }
    let options: [(u8, &[u8]); 7] = [
        (53, &[5]),
        (54, &[192, 0, 2, 1]),
        (51, &[0, 0, 0x0e, 0x10]),
        (1, &[255, 255, 255, 0]),
        (3, &[192, 0, 2, 1]),
        (43, &o43),
        (150, &[192, 0, 2, 10]),
    ];
    for (code, value) in options {
        m.push(code);
        m.push(value.len() as u8);
        m.extend_from_slice(value);
    }
    m.push(255);
    m
}

/// The transfer modes, as a dhcproto user would write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// TFTP (the default without suboption 03).
    Tftp,
    /// Anonymous FTP.
    Ftp,
    /// HTTP.
    Http,
    /// HTTPS.
    Https,
}

impl Mode {
    fn parse(value: &[u8]) -> Option<Self> {
        match value {
            b"tftp" => Some(Mode::Tftp),
            b"ftp" => Some(Mode::Ftp),
            b"http" => Some(Mode::Http),
            b"https" => Some(Mode::Https),
            _ => None,
        }
    }
}

/// What a dhcproto user extracts by hand from a DHCPv4 lease: the same
/// facts as ztp's `Plan` for the bench's ACK (image, config, mode, server),
/// owned, with suboption 00 beating 04 and option 150 beating 66.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandPlan {
    /// Suboption 00 (else 04).
    pub image: Option<String>,
    /// Suboption 01.
    pub config: Option<String>,
    /// Suboption 03, else TFTP.
    pub mode: Mode,
    /// Option 150's first address, else option 66 as an address.
    pub server: Ipv4Addr,
}

fn text(value: &[u8]) -> Option<String> {
    std::str::from_utf8(value).ok().map(str::to_owned)
}

/// Walks option 43's `code len value` suboptions (code 0 is a suboption,
/// not padding) into a `HandPlan` without a server.
fn walk_option43(mut rest: &[u8]) -> Option<(Option<String>, Option<String>, Mode)> {
    let (mut image, mut alt, mut config, mut mode) = (None, None, None, Mode::Tftp);
    while let [code, len, tail @ ..] = rest {
        if *code == 255 {
            break;
        }
        let (value, after) = tail.split_at_checked(usize::from(*len))?;
        match code {
            0 => image = Some(text(value)?),
            1 => config = Some(text(value)?),
            3 => mode = Mode::parse(value)?,
            4 => alt = Some(text(value)?),
            _ => {}
        }
        rest = after;
    }
    Some((image.or(alt), config, mode))
}

fn hand_plan(o43: Option<&[u8]>, o150: Option<Ipv4Addr>, o66: Option<&[u8]>) -> Option<HandPlan> {
    let (image, config, mode) = walk_option43(o43?)?;
    let server = match (o150, o66) {
        (Some(a), _) => a,
        (None, Some(name)) => std::str::from_utf8(name).ok()?.parse().ok()?,
        (None, None) => return None,
    };
    Some(HandPlan {
        image,
        config,
        mode,
        server,
    })
}

/// dhcproto's owned decoder (`v4::Message::decode`), then option 43's
/// suboptions and options 150/66 walked by hand.
pub fn dhcproto_v4_lease_to_plan(bytes: &[u8]) -> Option<HandPlan> {
    use dhcproto::v4::{DhcpOption, Message, OptionCode};
    let msg = Message::decode(&mut Decoder::new(bytes)).ok()?;
    let opts = msg.opts();
    let o43 = match opts.get(OptionCode::VendorExtensions) {
        Some(DhcpOption::VendorExtensions(v)) => Some(v.as_slice()),
        _ => None,
    };
    let o150 = match opts.get(OptionCode::TFTPServerAddress) {
        Some(DhcpOption::TFTPServerAddress(a)) => Some(*a),
        _ => None,
    };
    let o66 = match opts.get(OptionCode::TFTPServerName) {
        Some(DhcpOption::TFTPServerName(v)) => Some(v.as_slice()),
        _ => None,
    };
    hand_plan(o43, o150, o66)
}

/// dhcproto's zero-copy iterator (`v4::borrowed::Message::opts`), then the
/// same hand walk.
pub fn dhcproto_borrowed_v4_lease_to_plan(bytes: &[u8]) -> Option<HandPlan> {
    let msg = dhcproto::v4::borrowed::Message::new(bytes).ok()?;
    let (mut f43, mut f150, mut f66) = (None, None, None);
    for opt in msg.opts() {
        match u8::from(opt.code()) {
            43 => f43 = Some(opt),
            150 => f150 = Some(opt),
            66 => f66 = Some(opt),
            _ => {}
        }
    }
    let o150 = match &f150 {
        Some(o) => Some(Ipv4Addr::from(
            <[u8; 4]>::try_from(o.data().get(..4)?).ok()?,
        )),
        None => None,
    };
    hand_plan(
        f43.as_ref().map(|o| o.data()),
        o150,
        f66.as_ref().map(|o| o.data()),
    )
}

/// What a dhcproto user extracts by hand from a DHCPv6 reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandPlanV6 {
    /// Option 17 (enterprise 2636) item 00, else the path of option 59.
    pub image: Option<String>,
    /// Item 01.
    pub config: Option<String>,
    /// Item 03, else option 59's scheme.
    pub mode: Mode,
    /// Option 59's server.
    pub server: Ipv6Addr,
    /// Item 05, else option 59's port.
    pub port: Option<u16>,
}

/// Splits `mode://[addr]:port/path`.
fn split_url(url: &str) -> Option<(Mode, Ipv6Addr, Option<u16>, &str)> {
    let (scheme, rest) = url.split_once("://[")?;
    let (addr, rest) = rest.split_once(']')?;
    let (port, path) = match rest.strip_prefix(':') {
        Some(p) => {
            let end = p.find('/').unwrap_or(p.len());
            let (port, path) = p.split_at(end);
            (Some(port.parse().ok()?), path)
        }
        None => (None, rest),
    };
    Some((
        Mode::parse(scheme.as_bytes())?,
        addr.parse().ok()?,
        port,
        path,
    ))
}

/// dhcproto's owned DHCPv6 decoder (`v6::Message::decode`), then option 17
/// (enterprise 2636) and option 59 by hand.
///
/// dhcproto decodes option 17's items with its DHCPv6 option decoder
/// (STYLE.md "traps"): item 1 (config) comes out as a Client ID, item 3
/// (`http`) as a malformed IA_NA. The user therefore takes each item's
/// bytes back by re-encoding the decoded option (`Encodable::to_vec`) and
/// skipping its 4-byte header: that is the cost a user of dhcproto pays.
pub fn dhcproto_v6_reply_to_plan(bytes: &[u8]) -> Option<HandPlanV6> {
    use dhcproto::v6::{DhcpOption, Message};
    let msg = Message::decode(&mut Decoder::new(bytes)).ok()?;
    let (mut image, mut config, mut mode, mut port) = (None, None, None, None);
    let mut url = None;
    for opt in msg.opts().iter() {
        match opt {
            DhcpOption::VendorOpts(v) if v.num == 2636 => {
                for item in v.opts.iter() {
                    let mut raw = Vec::new();
                    item.encode(&mut Encoder::new(&mut raw)).ok()?;
                    let [c0, c1, _, _, value @ ..] = raw.as_slice() else {
                        return None;
                    };
                    match u16::from_be_bytes([*c0, *c1]) {
                        0 => image = Some(text(value)?),
                        1 => config = Some(text(value)?),
                        3 => mode = Some(Mode::parse(value)?),
                        5 => port = Some(std::str::from_utf8(value).ok()?.parse().ok()?),
                        _ => {}
                    }
                }
            }
            DhcpOption::Unknown(u) if u16::from(u.code()) == 59 => {
                url = Some(std::str::from_utf8(u.data()).ok()?.to_owned());
            }
            _ => {}
        }
    }
    let url = url?;
    let (url_mode, server, url_port, path) = split_url(&url)?;
    Some(HandPlanV6 {
        image: image.or_else(|| (!path.is_empty()).then(|| path.to_owned())),
        config,
        mode: mode.unwrap_or(url_mode),
        server,
        port: port.or(url_port),
    })
}

/// dhcproto's encoder for the bench's plan: option 43 (built by hand from
/// the suboptions 00, 01, 03) and option 150 into a `DhcpOptions`, encoded
/// into `out` (the options ztp's `Plan::to_v4_options` writes for it).
pub fn dhcproto_v4_encode(plan: &HandPlan, out: &mut Vec<u8>) -> Option<()> {
    use dhcproto::v4::{DhcpOption, DhcpOptions};
    let mut o43 = Vec::new();
    for (code, value) in [(0u8, &plan.image), (1, &plan.config)] {
        if let Some(v) = value {
            o43.push(code);
            o43.push(u8::try_from(v.len()).ok()?);
            o43.extend_from_slice(v.as_bytes());
        }
    }
    let mode: &[u8] = match plan.mode {
        Mode::Tftp => b"tftp",
        Mode::Ftp => b"ftp",
        Mode::Http => b"http",
        Mode::Https => b"https",
    };
    o43.extend_from_slice(&[3, mode.len() as u8]);
    o43.extend_from_slice(mode);
    let mut opts = DhcpOptions::new();
    opts.insert(DhcpOption::VendorExtensions(o43));
    opts.insert(DhcpOption::TFTPServerAddress(plan.server));
    opts.encode(&mut Encoder::new(out)).ok()
}

/// The SZTP redirect value the benches decode: three bootstrap servers (a
/// name, an IPv4 and an IPv6 literal with ports), as option 143 carries it.
pub fn sztp_value() -> Vec<u8> {
    let list: ztp_options::sztp::RedirectRepr =
        "https://sztp.example.net, https://192.0.2.7:9443, https://[2001:db8::5]:8443"
            .parse()
            .unwrap_or_else(|_| unreachable!("valid URIs"));
    list.to_vec(ztp_options::Family::V4).unwrap_or_default()
}

/// The SZTP list's framing only, by hand: how many `uri-length URI` items
/// (no URI checks), the floor the typed decode is compared with.
pub fn sztp_frame_only(mut v: &[u8]) -> usize {
    let mut n = 0;
    while let [a, b, rest @ ..] = v {
        let len = usize::from(u16::from_be_bytes([*a, *b]));
        v = rest.get(len..).unwrap_or_default();
        n += 1;
    }
    n
}
