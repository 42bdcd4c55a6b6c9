//! `ztp encode`: the exact options a server must send for a plan, checked
//! by decoding and resolving them again before they are printed. Juniper's
//! plan is this module's (its flags since the first release); every other
//! vendor's, and fleets, are `serve`'s.

use clap::{Args, ValueEnum};

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr};

use serde::Serialize;
use ztp_fetch_url::fetch_plan;
use ztp_options::sztp::{BootstrapServerBuf, RedirectRepr};
use ztp_options::v4::{self, OptionCode, OptionSet};
use ztp_options::vendor::Vendor;
use ztp_options::{
    DecodeErrorKind, EncodeError, ImageType, PlanBuf, Port, PortOrServer, TransferMode, VendorInfo,
    resolve_v4_options, resolve_v6_options,
};
use ztp_options::{Family, v6};
use ztp_server_config::{Error as ServerConfigError, MacAddr, Scope, Server, render};

use crate::serve;
use crate::switch::{Mode, Refusal, Switch};

/// One option instance on the wire.
#[derive(Debug, Serialize)]
pub(crate) struct Instance {
    pub(crate) code: u16,
    pub(crate) length: usize,
    pub(crate) part: usize,
    pub(crate) parts: usize,
    pub(crate) hex: String,
    /// The instance as written: code, length, value.
    #[serde(skip)]
    pub(crate) bytes: Vec<u8>,
}

/// Options as (code, value), in the order they are written.
pub(crate) type Options = Vec<(u16, Vec<u8>)>;

/// Lowercase hex, no separator.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The instances `options` take on the wire, in order: DHCPv4 splits a
/// value over 255 bytes (RFC 3396), read back from a reply carrying them;
/// DHCPv6 writes each option once, `code(2) len(2)`.
pub(crate) fn instances(
    options: &[(u16, Vec<u8>)],
    family: Family,
) -> Result<Vec<Instance>, Refusal> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot encode: {e}");
    match family {
        Family::V4 => {
            let mut set = OptionSet::new();
            for (code, value) in options {
                let code = u8::try_from(*code).map_err(|e| cannot(&e))?;
                set.insert(OptionCode::new(code), value.clone())
                    .map_err(|e| cannot(&e))?;
            }
            let reply = v4::MessageRepr::reply(set).to_vec();
            let msg = v4::Message::new_checked(&reply[..]).map_err(|e| cannot(&e))?;
            let written: Vec<v4::RawOption<'_>> = msg
                .options()
                .collect::<Result<_, _>>()
                .map_err(|e| cannot(&e))?;
            let mut out = Vec::new();
            for (i, o) in written.iter().enumerate() {
                let same = |p: &&v4::RawOption<'_>| p.code == o.code;
                let mut bytes = vec![
                    o.code.get(),
                    u8::try_from(o.value.len()).map_err(|e| cannot(&e))?,
                ];
                bytes.extend_from_slice(o.value);
                out.push(Instance {
                    code: u16::from(o.code.get()),
                    length: o.value.len(),
                    part: written.get(..i).unwrap_or(&[]).iter().filter(same).count() + 1,
                    parts: written.iter().filter(same).count(),
                    hex: hex(o.value),
                    bytes,
                });
            }
            Ok(out)
        }
        Family::V6 => options
            .iter()
            .map(|(code, value)| {
                let len = u16::try_from(value.len()).map_err(|e| cannot(&e))?;
                let mut bytes = code.to_be_bytes().to_vec();
                bytes.extend_from_slice(&len.to_be_bytes());
                bytes.extend_from_slice(value);
                Ok(Instance {
                    code: *code,
                    length: value.len(),
                    part: 1,
                    parts: 1,
                    hex: hex(value),
                    bytes,
                })
            })
            .collect(),
    }
}

fn mode(m: Mode) -> TransferMode {
    match m {
        Mode::Tftp => TransferMode::Tftp,
        Mode::Ftp => TransferMode::Ftp,
        Mode::Http => TransferMode::Http,
        Mode::Https => TransferMode::Https,
    }
}

fn addr(value: &str, flag: &str) -> Result<IpAddr, Refusal> {
    value.parse().map_err(|_| {
        format!(
            "{flag} {value:?} is not an ip address: the device does no name resolution, \
             give an address literal (R3, R22)"
        )
    })
}

fn v4_addr(value: &str, flag: &str) -> Result<Ipv4Addr, Refusal> {
    match addr(value, flag)? {
        IpAddr::V4(a) => Ok(a),
        IpAddr::V6(_) => Err(format!(
            "{flag} {value}: DHCPv4 options carry IPv4 addresses; use --v6 for DHCPv6 (R4, R5)"
        )),
    }
}

/// The SZTP redirect of `--sztp`, if any (R31).
fn sztp(args: &Switch) -> Result<Option<RedirectRepr>, Refusal> {
    let mut servers = Vec::new();
    for uri in &args.sztp {
        let server = uri.parse::<BootstrapServerBuf>().map_err(|e| {
            let why = match e {
                DecodeErrorKind::BadSztpUri { problem, index, .. } => {
                    format!("{problem} (at index {index})")
                }
                other => other.to_string(),
            };
            format!("--sztp {uri:?} is not https://host[:port]: {why} (R31)")
        })?;
        servers.push(server);
    }
    Ok(RedirectRepr::try_from(servers).ok())
}

fn juniper_mode(args: &Switch) -> Result<Mode, Refusal> {
    args.mode
        .ok_or_else(|| "give --mode (tftp, ftp, http, https): the transfer mode (R11)".into())
}

fn juniper_server(args: &Switch) -> Result<&str, Refusal> {
    args.server.as_deref().ok_or_else(|| {
        "give --server: the file server's address (option 150, or 59 with --v6)".into()
    })
}

/// Juniper's options (code, value) and the plan a device resolves from
/// them; what the device would refuse is refused.
pub(crate) fn juniper_options(args: &Switch, v6: bool) -> Result<(Options, PlanBuf), Refusal> {
    args.only(Switch::takes(Vendor::Juniper))?;
    if args.image.is_none() && args.config.is_none() {
        return Err(
            "give --image, --config or both: with neither, ZTP cannot proceed (R18)".into(),
        );
    }
    let port = args
        .port
        .as_deref()
        .map(|p| {
            p.parse::<Port>()
                .map_err(|_| format!("--port {p:?} is not a port in 1..=65535 (R19, R20)"))
        })
        .transpose()?;
    let info = VendorInfo {
        image: args.image.clone(),
        config: args.config.clone(),
        image_type: if args.symlink {
            ImageType::Symlink
        } else {
            ImageType::File
        },
        transfer_mode: if v6 {
            None
        } else {
            Some(mode(juniper_mode(args)?))
        },
        alt_image: None,
        port_or_server: if v6 {
            None
        } else {
            port.map(PortOrServer::Port)
        },
        proxy: None,
        unknown: Vec::new(),
    };
    let (options, plan) = if v6 {
        v6_options(args, info, port)?
    } else {
        v4_options(args, info)?
    };
    // Refuse what the device would refuse when it builds its URLs (R21...).
    let fetch = fetch_plan(&plan.as_plan());
    if let Some(e) = fetch.errors().next() {
        return Err(format!("the device would refuse this: [{}] {e}", e.rule()));
    }
    Ok((options, plan))
}

/// Juniper's plan from its flags (for a fleet's Juniper entries).
pub(crate) fn juniper_plan(args: &Switch, v6: bool) -> Result<PlanBuf, Refusal> {
    juniper_options(args, v6).map(|(_, plan)| plan)
}

fn v4_options(args: &Switch, info: VendorInfo) -> Result<(Options, PlanBuf), Refusal> {
    let server = v4_addr(juniper_server(args)?, "--server")?;
    let mut set = OptionSet::new();
    let err = |e: EncodeError| format!("cannot encode: {e}");
    let mut value = Vec::new();
    info.put_v4(&mut value).map_err(err)?;
    set.insert(OptionCode::VENDOR_SPECIFIC, value)
        .map_err(err)?;
    set.insert(OptionCode::TFTP_SERVER_ADDRESS, server.octets().to_vec())
        .map_err(err)?;
    let list = |values: &[String], flag: &str| -> Result<Vec<u8>, Refusal> {
        let mut out = Vec::new();
        for v in values {
            out.extend_from_slice(&v4_addr(v, flag)?.octets());
        }
        Ok(out)
    };
    if !args.syslog.is_empty() {
        set.insert(OptionCode::LOG_SERVER, list(&args.syslog, "--syslog")?)
            .map_err(err)?;
    }
    if !args.ntp.is_empty() {
        set.insert(OptionCode::NTP_SERVERS, list(&args.ntp, "--ntp")?)
            .map_err(err)?;
    }
    if let Some(h) = &args.hostname {
        set.insert(OptionCode::HOST_NAME, h.as_bytes().to_vec())
            .map_err(err)?;
    }
    if let Some(list) = sztp(args)? {
        set.insert(
            OptionCode::SZTP_REDIRECT,
            list.to_vec(Family::V4).map_err(err)?,
        )
        .map_err(err)?;
    }
    // Decode and resolve what will be sent, as the device will.
    let plan = resolve_v4_options(&set)
        .map_err(|e| format!("the device would refuse this: [{}] {e}", e.rule()))?;
    let options = set
        .iter()
        .map(|o| (u16::from(o.code.get()), o.value.clone()))
        .collect();
    Ok((options, plan))
}

fn v6_options(
    args: &Switch,
    info: VendorInfo,
    port: Option<Port>,
) -> Result<(Options, PlanBuf), Refusal> {
    if !args.ntp.is_empty() || !args.syslog.is_empty() || args.hostname.is_some() {
        return Err("--ntp, --syslog and --hostname are DHCPv4 options (42, 7, 12); DHCPv6 ZTP carries none of them".into());
    }
    let given = juniper_server(args)?;
    let IpAddr::V6(server) = addr(given, "--server")? else {
        return Err(format!(
            "--server {given}: option 59 needs an IPv6 address in brackets (R9, R22); drop --v6 for DHCPv4"
        ));
    };
    let err = |e: EncodeError| format!("cannot encode: {e}");
    let url = v6::BootFileUrlRepr {
        transfer_mode: mode(juniper_mode(args)?),
        server,
        port,
        path: String::new(),
    };
    let mut options = v6::OptionSet::new();
    if !info.is_empty() {
        let mut value = Vec::new();
        info.put_v6(&mut value).map_err(err)?;
        options.push(v6::OptionCode::VENDOR_OPTS, value);
    }
    let mut value = Vec::new();
    url.put(&mut value).map_err(err)?;
    options.push(v6::OptionCode::BOOTFILE_URL, value);
    if let Some(list) = sztp(args)? {
        options.push(
            v6::OptionCode::SZTP_REDIRECT,
            list.to_vec(Family::V6).map_err(err)?,
        );
    }
    // A REPLY carrying them, decoded and resolved as the device will.
    let plan = resolve_v6_options(&options)
        .map_err(|e| format!("the device would refuse this: [{}] {e}", e.rule()))?;
    let out = options
        .iter()
        .map(|o| (o.code.get(), o.value.clone()))
        .collect();
    Ok((out, plan))
}

pub(crate) fn run(args: &EncodeArgs) -> u8 {
    if let Some(path) = &args.fleet {
        return serve::run_fleet(args, path);
    }
    let s = &args.switch;
    let classed = s.model.is_some() || s.vendor_class.is_some() || s.user_class.is_some();
    if s.vendor() != Vendor::Juniper || classed {
        return serve::run_vendor(args);
    }
    if args.switch.mac.is_some() && args.format.server().is_none() {
        eprintln!(
            "ztp: --mac names the device a server configuration is for: give a server --format \
             (isc, isc6, kea, kea6, dnsmasq); --format {} prints the options themselves",
            match args.format {
                Format::Json => "json",
                _ => "hex",
            }
        );
        return 2;
    }
    let built = juniper_options(&args.switch, args.v6).and_then(|(options, plan)| {
        let family = if args.v6 { Family::V6 } else { Family::V4 };
        let instances = instances(&options, family)?;
        let area: Vec<u8> = instances
            .iter()
            .flat_map(|i| i.bytes.iter().copied())
            .collect();
        Ok((instances, area, plan))
    });
    let (instances, area, plan) = match built {
        Ok(built) => built,
        Err(refusal) => {
            eprintln!("ztp: {refusal}");
            return 2;
        }
    };
    if let Some(server) = args.format.server() {
        return server_config(args, server, &plan);
    }
    match args.format {
        Format::Isc | Format::Isc6 | Format::Kea | Format::Kea6 | Format::Dnsmasq => {}
        Format::Json => match serde_json::to_string_pretty(&instances) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("ztp: cannot write json: {e}");
                return 2;
            }
        },
        Format::Hex => {
            let family = if args.v6 { "DHCPv6" } else { "DHCPv4" };
            println!("{family} options for this plan (code, length, value):");
            for i in &instances {
                let split = if i.parts > 1 {
                    format!(" (RFC 3396 part {} of {})", i.part, i.parts)
                } else {
                    String::new()
                };
                println!(
                    "  option {:>3} len {:>3}{split}: {}",
                    i.code, i.length, i.hex
                );
            }
            println!("options area: {}", hex(&area));
            println!("the device resolves them to:");
            let plan = plan.as_plan();
            if let Some(i) = &plan.image {
                println!("  image {} ({})", i.name, i.source);
            }
            if let Some(c) = &plan.config {
                println!("  config {} ({})", c.name, c.source());
            }
            println!("  {} from {}", plan.transfer_mode, plan.file_server);
            for t in fetch_plan(&plan).targets() {
                println!("  fetch {}", t.as_str());
            }
            for s in plan.sztp_redirect.iter().flat_map(|r| r.iter()) {
                println!("  sztp bootstrap server {s}");
            }
        }
    }
    0
}

/// Prints the configuration that makes `server` send `plan`; notes go to
/// stderr.
fn server_config(args: &EncodeArgs, server: Server, plan: &PlanBuf) -> u8 {
    let scope = match &args.switch.mac {
        Some(mac) => match mac.parse::<MacAddr>() {
            Ok(mac) => Scope::Host(mac),
            Err(e) => {
                eprintln!("ztp: --mac: {e}");
                return 2;
            }
        },
        None => Scope::VendorClass,
    };
    match render(server, &plan.as_plan(), &scope) {
        Ok(out) => {
            print!("{}", out.text);
            for note in &out.notes {
                eprintln!("ztp: note: {note}");
            }
            0
        }
        Err(ServerConfigError::WrongFamily { server, .. }) => {
            let hint = if args.v6 {
                "drop --v6 for a DHCPv4 server"
            } else {
                "add --v6 for a DHCPv6 server"
            };
            eprintln!("ztp: --format {server} is for the other family: {hint}");
            2
        }
        Err(e) => {
            eprintln!("ztp: cannot render for {server}: {e}");
            2
        }
    }
}

/// How `ztp encode` prints the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One line per option instance: code, length, bytes as hex.
    Hex,
    /// A JSON array of {code, length, hex} per option instance.
    Json,
    /// ISC dhcpd `dhcpd.conf` statements (DHCPv4).
    Isc,
    /// ISC dhcpd `dhcpd6.conf` statements (DHCPv6, with --v6).
    Isc6,
    /// A kea-dhcp4 JSON configuration.
    Kea,
    /// A kea-dhcp6 JSON configuration (with --v6).
    Kea6,
    /// dnsmasq configuration lines (DHCPv4, or DHCPv6 with --v6).
    Dnsmasq,
}

impl Format {
    /// The server a configuration format is for.
    pub(crate) fn server(self) -> Option<Server> {
        match self {
            Format::Hex | Format::Json => None,
            Format::Isc => Some(Server::Isc),
            Format::Isc6 => Some(Server::Isc6),
            Format::Kea => Some(Server::Kea4),
            Format::Kea6 => Some(Server::Kea6),
            Format::Dnsmasq => Some(Server::Dnsmasq),
        }
    }
}

/// Arguments of `ztp encode`.
#[derive(Debug, Args)]
pub(crate) struct EncodeArgs {
    /// The switch: its vendor, which clients to serve, and the vendor's
    /// fields.
    #[command(flatten)]
    pub(crate) switch: Switch,
    /// Encode DHCPv6 options (Juniper: 17 for enterprise 2636 and 59)
    /// instead of DHCPv4.
    #[arg(long)]
    pub(crate) v6: bool,
    /// A fleet file (TOML): one `[[switch]]` table per vendor, model or
    /// device, with the same keys as these flags; rendered as one
    /// configuration for the server of --format (README "Serving a mixed
    /// fleet").
    #[arg(long, value_name = "FLEET.toml", conflicts_with_all = ["vendor", "model", "mac", "vendor_class", "user_class"])]
    pub(crate) fleet: Option<std::path::PathBuf>,
    /// Output format: the options (hex, json), or a server configuration
    /// that sends them (isc, isc6, kea, kea6, dnsmasq).
    #[arg(long, value_enum, default_value_t = Format::Hex)]
    pub(crate) format: Format,
}
