//! One switch (or one class of switches) to serve: its vendor, how the
//! DHCP server recognises it, and the vendor's own fields. The same struct
//! is the flags of `ztp encode --vendor NAME` and the keys of one
//! `[[switch]]` table of a fleet file, so a key is spelled as its flag
//! (`--pnp-server` / `pnp-server = ...`) and a field that a vendor does not
//! have is refused, never dropped.

use std::net::Ipv4Addr;

use clap::{Args, ValueEnum};
use serde::Deserialize;
use ztp_options::Family;
use ztp_options::vendor::cisco::Transport;
use ztp_options::vendor::{
    ArubaOffer, BootFileOffer, ClassMatch, Condition, ExosOffer, HuaweiOffer, Offer, Os9Offer,
    PnpOffer, PoapOffer, PoapServer, ScriptUrlOffer, SonicOffer, Test, Vendor, XrOffer,
};
use ztp_server_config::{MacAddr, Who};

/// A refusal, for people: what is wrong and the rule behind it.
pub(crate) type Refusal = String;

/// A transfer mode (Juniper suboption 03), as `--mode` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Mode {
    /// TFTP (port 69).
    Tftp,
    /// FTP, anonymous login (port 21).
    Ftp,
    /// HTTP (port 80; URLs of at most 256 characters).
    Http,
    /// HTTPS (port 443; URLs of at most 256 characters).
    Https,
}

/// A Cisco PnP transport (the `K` token, CP2), as `--pnp-transport` takes
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PnpTransport {
    /// K4, HTTP (the default).
    Http,
    /// K5, HTTPS.
    Https,
    /// K1, XMPP with STARTTLS.
    XmppStarttls,
    /// K2, XMPP over a plain socket.
    XmppSocket,
    /// K3, XMPP over TLS.
    XmppTls,
}

impl PnpTransport {
    fn get(self) -> Transport {
        match self {
            PnpTransport::Http => Transport::Http,
            PnpTransport::Https => Transport::Https,
            PnpTransport::XmppStarttls => Transport::XmppStartTls,
            PnpTransport::XmppSocket => Transport::XmppSocket,
            PnpTransport::XmppTls => Transport::XmppTls,
        }
    }
}

/// What is served to one switch or class of switches: flags of
/// `ztp encode`, keys of a fleet file's `[[switch]]`.
#[derive(Debug, Default, Clone, Args, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct Switch {
    /// Fleet files only: the entry's name (the server's class or host
    /// name is built from it).
    #[arg(skip)]
    pub(crate) name: Option<String>,
    /// The vendor whose options to encode: juniper (the default), arista,
    /// cisco-iosxe, cisco-pnp, cisco-nxos, cisco-iosxr, sonic, cumulus,
    /// dell-os10, dell-os9, aruba-aoscx, extreme-exos, nokia-srlinux,
    /// huawei-vrp.
    #[arg(long, value_name = "NAME", value_parser = parse_vendor)]
    #[serde(default, deserialize_with = "vendor_name")]
    pub(crate) vendor: Option<Vendor>,
    /// With a server --format: serve only this model, matched in the
    /// identity the switch sends (G2: Arista's `Arista;<model>;`, the PID
    /// of Cisco's 124 or `:PID:`, SONiC's 61 product name, ...).
    #[arg(long, value_name = "MODEL")]
    pub(crate) model: Option<String>,
    /// With a server --format: serve only the device with this MAC address
    /// (DHCPv6: its DUID-LL); without it, every client whose request names
    /// the vendor (its class match).
    #[arg(long, value_name = "MAC")]
    pub(crate) mac: Option<String>,
    /// With a server --format: serve the clients whose option 60 starts
    /// with this text (a class you name; for vendors whose identity is
    /// unverified: Dell OS10, AOS-CX, EXOS, SR Linux, Huawei).
    #[arg(long, value_name = "PREFIX")]
    pub(crate) vendor_class: Option<String>,
    /// With a server --format: serve the clients whose option 77 (DHCPv6:
    /// 15) is exactly this one RFC 3004 item (a class you name).
    #[arg(long, value_name = "TEXT")]
    pub(crate) user_class: Option<String>,

    // ---------------------------------------------------------- juniper
    /// Juniper: the software image file name (suboption 00), may end in
    /// `:port` for HTTP/HTTPS (R19). Dell OS9: the image (67). AOS-CX: the
    /// firmware image (43 suboption 145).
    #[arg(long, value_name = "NAME")]
    pub(crate) image: Option<String>,
    /// Juniper: the image name is a symbolic link (suboption 02 `symlink`).
    #[arg(long)]
    #[serde(default)]
    pub(crate) symlink: bool,
    /// Juniper: the configuration or script file name (suboption 01).
    /// Dell OS9: the configuration (209). AOS-CX: the configuration (43
    /// suboption 144).
    #[arg(long, value_name = "NAME")]
    pub(crate) config: Option<String>,
    /// Juniper: the transfer mode (suboption 03; the option 59 scheme with
    /// --v6).
    #[arg(long, value_enum)]
    pub(crate) mode: Option<Mode>,
    /// Juniper: the file server, an IP address literal, never a name (the
    /// device does no DNS). IPv4 goes in option 150; IPv6 (with --v6) in
    /// option 59.
    #[arg(long, value_name = "IP")]
    pub(crate) server: Option<String>,
    /// Juniper: a port other than the mode's default (suboption 05 for
    /// DHCPv4, the option 59 URL for DHCPv6).
    #[arg(long, value_name = "N")]
    pub(crate) port: Option<String>,
    /// Juniper: an NTP server (option 42); repeat for several. DHCPv4 only.
    #[arg(long, value_name = "IP")]
    #[serde(default)]
    pub(crate) ntp: Vec<String>,
    /// Juniper: a syslog server (option 7); repeat for several. DHCPv4
    /// only.
    #[arg(long, value_name = "IP")]
    #[serde(default)]
    pub(crate) syslog: Vec<String>,
    /// Juniper: the device's host name (option 12). DHCPv4 only.
    #[arg(long, value_name = "NAME")]
    pub(crate) hostname: Option<String>,
    /// Juniper: an SZTP bootstrap server, `https://host[:port]` (RFC 8572:
    /// option 143, or 136 with --v6, beside the ZTP options); repeat for
    /// several, in the order the device should try them (R31, R32).
    #[arg(long, value_name = "URI")]
    #[serde(default)]
    pub(crate) sztp: Vec<String>,

    // ---------------------------------------------------------- others
    /// Arista, IOS-XE, NX-OS, IOS-XR, SR Linux, Huawei: option 67, the file
    /// the switch fetches (a URL, or a name on the TFTP server; with --v6,
    /// a URL in option 59).
    #[arg(long, value_name = "NAME|URL")]
    pub(crate) boot_file: Option<String>,
    /// The TFTP server address for a bare --boot-file, --image, --config or
    /// --file: option 150 (Arista, IOS-XE, NX-OS, Dell OS9, Huawei), 66
    /// (AOS-CX, SR Linux), 43 suboption 100 (EXOS).
    #[arg(long, value_name = "IPV4")]
    pub(crate) tftp_server: Option<String>,
    /// NX-OS: the script server by name, in option 66 (CN3).
    #[arg(long, value_name = "NAME")]
    pub(crate) tftp_server_name: Option<String>,
    /// Huawei: the intermediate file server in option 66: `tftp://host`,
    /// `ftp://[user[:pass]@]host`, `sftp://[user[:pass]@]host[:port]` (H2).
    #[arg(long, value_name = "URL")]
    pub(crate) file_server: Option<String>,
    /// NX-OS: the lease time in seconds, at least 3600 (CN2).
    #[arg(long, value_name = "SECONDS")]
    pub(crate) lease_time: Option<u32>,
    /// IOS-XR: the HTTPS server's certificate is not checked (`-k `
    /// before the URL, CR5).
    #[arg(long)]
    #[serde(default)]
    pub(crate) insecure: bool,
    /// SONiC: the ZTP JSON URL (option 67; 59 with --v6).
    #[arg(long, value_name = "URL")]
    pub(crate) json_url: Option<String>,
    /// SONiC: the provisioning script URL (option 239).
    #[arg(long, value_name = "URL")]
    pub(crate) script_url: Option<String>,
    /// Cumulus: `cumulus-provision-url` (option 239); Dell OS10:
    /// `ztd-provision-url` (option 240).
    #[arg(long, value_name = "URL")]
    pub(crate) provision_url: Option<String>,
    /// AOS-CX: Aruba Central on-premise, a name or an IPv4 address (43
    /// suboption 146).
    #[arg(long, value_name = "HOST")]
    pub(crate) central: Option<String>,
    /// AOS-CX: the HTTP proxy, a name or an IPv4 address (43 suboption 148).
    #[arg(long, value_name = "HOST")]
    pub(crate) proxy: Option<String>,
    /// EXOS: a file to fetch (43 suboption 101), a name on the --tftp-server
    /// or a URL; repeat for several, in order.
    #[arg(long, value_name = "NAME|URL")]
    #[serde(default)]
    pub(crate) file: Vec<String>,
    /// EXOS: the SNMP trap server (43 suboption 102).
    #[arg(long, value_name = "IPV4")]
    pub(crate) trap_server: Option<String>,
    /// Cisco PnP: the PnP server (Catalyst Center), an address or a name
    /// (the `I` token of option 43, CP2).
    #[arg(long, value_name = "HOST")]
    pub(crate) pnp_server: Option<String>,
    /// Cisco PnP: the server's port (`J`; default 80 for HTTP, 443 for
    /// HTTPS).
    #[arg(long, value_name = "N")]
    pub(crate) pnp_port: Option<u16>,
    /// Cisco PnP: the transport (`K`).
    #[arg(long, value_enum)]
    pub(crate) pnp_transport: Option<PnpTransport>,
    /// Cisco PnP: the agent's debug flag (`5A1D` instead of `5A1N`).
    #[arg(long)]
    #[serde(default)]
    pub(crate) pnp_debug: bool,
}

fn parse_vendor(s: &str) -> Result<Vendor, String> {
    s.parse::<Vendor>().map_err(|_| {
        let names: Vec<&str> = Vendor::ALL.iter().map(|v| v.as_str()).collect();
        format!("unknown vendor {s:?}: one of {}", names.join(", "))
    })
}

fn vendor_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vendor>, D::Error> {
    let s = String::deserialize(d)?;
    parse_vendor(&s).map(Some).map_err(serde::de::Error::custom)
}

impl Switch {
    /// The vendor: `--vendor`, or Juniper.
    pub(crate) fn vendor(&self) -> Vendor {
        self.vendor.unwrap_or(Vendor::Juniper)
    }

    /// The flags given, by name, whose values are in `self`.
    pub(crate) fn given_flags(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut add = |set: bool, name: &'static str| {
            if set {
                out.push(name);
            }
        };
        add(self.image.is_some(), "image");
        add(self.symlink, "symlink");
        add(self.config.is_some(), "config");
        add(self.mode.is_some(), "mode");
        add(self.server.is_some(), "server");
        add(self.port.is_some(), "port");
        add(!self.ntp.is_empty(), "ntp");
        add(!self.syslog.is_empty(), "syslog");
        add(self.hostname.is_some(), "hostname");
        add(!self.sztp.is_empty(), "sztp");
        add(self.boot_file.is_some(), "boot-file");
        add(self.tftp_server.is_some(), "tftp-server");
        add(self.tftp_server_name.is_some(), "tftp-server-name");
        add(self.file_server.is_some(), "file-server");
        add(self.lease_time.is_some(), "lease-time");
        add(self.insecure, "insecure");
        add(self.json_url.is_some(), "json-url");
        add(self.script_url.is_some(), "script-url");
        add(self.provision_url.is_some(), "provision-url");
        add(self.central.is_some(), "central");
        add(self.proxy.is_some(), "proxy");
        add(!self.file.is_empty(), "file");
        add(self.trap_server.is_some(), "trap-server");
        add(self.pnp_server.is_some(), "pnp-server");
        add(self.pnp_port.is_some(), "pnp-port");
        add(self.pnp_transport.is_some(), "pnp-transport");
        add(self.pnp_debug, "pnp-debug");
        out
    }

    /// Refuses every field given that `vendor` does not take: nothing
    /// given is silently dropped.
    pub(crate) fn only(&self, takes: &[&str]) -> Result<(), Refusal> {
        let vendor = self.vendor();
        let extra: Vec<String> = self
            .given_flags()
            .into_iter()
            .filter(|f| !takes.contains(f))
            .map(|f| format!("--{f}"))
            .collect();
        if extra.is_empty() {
            return Ok(());
        }
        let takes: Vec<String> = takes.iter().map(|f| format!("--{f}")).collect();
        Err(format!(
            "{} {} not {vendor}'s: {vendor} takes {}",
            extra.join(", "),
            if extra.len() == 1 { "is" } else { "are" },
            takes.join(", ")
        ))
    }

    /// The names of the fields `vendor` takes (for `--help`-like errors).
    pub(crate) fn takes(vendor: Vendor) -> &'static [&'static str] {
        match vendor {
            Vendor::Juniper => &[
                "image", "symlink", "config", "mode", "server", "port", "ntp", "syslog",
                "hostname", "sztp",
            ],
            Vendor::Arista | Vendor::CiscoIosXe | Vendor::NokiaSrLinux => {
                &["boot-file", "tftp-server"]
            }
            Vendor::CiscoPnp => &["pnp-server", "pnp-port", "pnp-transport", "pnp-debug"],
            Vendor::CiscoNxos => &["boot-file", "tftp-server", "tftp-server-name", "lease-time"],
            Vendor::CiscoIosXr => &["boot-file", "insecure"],
            Vendor::Sonic => &["json-url", "script-url"],
            Vendor::Cumulus | Vendor::DellOs10 => &["provision-url"],
            Vendor::DellOs9 => &["image", "config", "tftp-server"],
            Vendor::ArubaAosCx => &["config", "image", "central", "proxy", "tftp-server"],
            Vendor::ExtremeExos => &["file", "tftp-server", "trap-server"],
            Vendor::HuaweiVrp => &["boot-file", "file-server", "tftp-server"],
            _ => &[],
        }
    }

    /// The vendor's offer (not Juniper's: see `encode`), from the fields
    /// given; a field the vendor does not take, or a required one missing,
    /// is refused.
    pub(crate) fn offer(&self) -> Result<Offer, Refusal> {
        let vendor = self.vendor();
        self.only(Self::takes(vendor))?;
        let need = |v: &Option<String>, flag: &str| -> Result<String, Refusal> {
            v.clone().ok_or_else(|| format!("{vendor} needs --{flag}"))
        };
        let v4 = |v: &Option<String>, flag: &str| -> Result<Option<Ipv4Addr>, Refusal> {
            v.as_deref()
                .map(|s| {
                    s.parse::<Ipv4Addr>()
                        .map_err(|_| format!("--{flag} {s:?} is not an IPv4 address literal"))
                })
                .transpose()
        };
        Ok(match vendor {
            Vendor::Arista | Vendor::CiscoIosXe | Vendor::NokiaSrLinux => {
                let mut o = BootFileOffer::new(need(&self.boot_file, "boot-file")?);
                o.tftp_server = v4(&self.tftp_server, "tftp-server")?;
                match vendor {
                    Vendor::Arista => Offer::Arista(o),
                    Vendor::CiscoIosXe => Offer::CiscoIosXe(o),
                    _ => Offer::NokiaSrLinux(o),
                }
            }
            Vendor::CiscoPnp => {
                let mut o = PnpOffer::new(need(&self.pnp_server, "pnp-server")?);
                o.port = self.pnp_port;
                o.transport = self.pnp_transport.map(PnpTransport::get);
                o.debug = self.pnp_debug;
                Offer::CiscoPnp(o)
            }
            Vendor::CiscoNxos => {
                let server = match (
                    v4(&self.tftp_server, "tftp-server")?,
                    &self.tftp_server_name,
                ) {
                    (Some(_), Some(_)) => {
                        return Err(
                            "give --tftp-server (option 150) or --tftp-server-name (66), not both: \
                             150 wins and 66 is never read (CN3)"
                                .into(),
                        );
                    }
                    (Some(a), None) => Some(PoapServer::Address(a)),
                    (None, Some(n)) => Some(PoapServer::Name(n.clone())),
                    (None, None) => None,
                };
                let mut o = PoapOffer::new(
                    need(&self.boot_file, "boot-file")?,
                    self.lease_time.unwrap_or(PoapOffer::MIN_LEASE_TIME),
                );
                o.server = server;
                Offer::CiscoNxos(o)
            }
            Vendor::CiscoIosXr => {
                let mut o = XrOffer::new(need(&self.boot_file, "boot-file")?);
                o.insecure = self.insecure;
                Offer::CiscoIosXr(o)
            }
            Vendor::Sonic => {
                let mut o = SonicOffer::new();
                o.json_url = self.json_url.clone();
                o.script_url = self.script_url.clone();
                Offer::Sonic(o)
            }
            Vendor::Cumulus => Offer::Cumulus(ScriptUrlOffer::new(need(
                &self.provision_url,
                "provision-url",
            )?)),
            Vendor::DellOs10 => Offer::DellOs10(ScriptUrlOffer::new(need(
                &self.provision_url,
                "provision-url",
            )?)),
            Vendor::DellOs9 => {
                let mut o = Os9Offer::new();
                o.image = self.image.clone();
                o.config = self.config.clone();
                o.tftp_server = v4(&self.tftp_server, "tftp-server")?;
                Offer::DellOs9(o)
            }
            Vendor::ArubaAosCx => {
                let mut o = ArubaOffer::new();
                o.config = self.config.clone();
                o.image = self.image.clone();
                o.central = self.central.clone();
                o.proxy = self.proxy.clone();
                o.tftp_server = self.tftp_server.clone();
                Offer::ArubaAosCx(o)
            }
            Vendor::ExtremeExos => {
                let mut o = ExosOffer::new(self.file.clone());
                o.tftp_server = v4(&self.tftp_server, "tftp-server")?;
                o.trap_server = v4(&self.trap_server, "trap-server")?;
                Offer::ExtremeExos(o)
            }
            Vendor::HuaweiVrp => {
                let mut o = HuaweiOffer::new(need(&self.boot_file, "boot-file")?);
                o.server = self.file_server.clone();
                o.tftp_server = v4(&self.tftp_server, "tftp-server")?;
                Offer::HuaweiVrp(o)
            }
            other => {
                return Err(format!(
                    "{other}: no ZTP rules to encode (only its identity is known)"
                ));
            }
        })
    }

    /// Which clients a server configuration serves: `--mac`, a class you
    /// name (`--vendor-class`, `--user-class`), or the vendor's own class
    /// match (G2), by model with `--model`. A vendor whose identity is
    /// **unverified** has no class of its own: it is refused, naming what
    /// to give instead.
    pub(crate) fn who(&self, family: Family) -> Result<Who, Refusal> {
        let vendor = self.vendor();
        let named = self.vendor_class.is_some() || self.user_class.is_some();
        if let Some(mac) = &self.mac {
            if named || self.model.is_some() {
                return Err(
                    "--mac serves one device: give it alone, without --model, --vendor-class or \
                     --user-class"
                        .into(),
                );
            }
            let mac = mac
                .parse::<MacAddr>()
                .map_err(|e| format!("--mac {mac:?}: {e}"))?;
            return Ok(Who::Host(mac));
        }
        if named {
            if self.model.is_some() {
                return Err(
                    "--model selects within the vendor's own class: it does not combine \
                            with a class you name (--vendor-class, --user-class)"
                        .into(),
                );
            }
            let mut conditions = Vec::new();
            if let Some(prefix) = &self.vendor_class {
                if family == Family::V6 {
                    return Err(
                        "--vendor-class matches DHCPv4 option 60; DHCPv6 has no such \
                                option: give --mac (the DUID-LL) or --user-class"
                            .into(),
                    );
                }
                conditions.push(Condition::new(60, Test::Prefix(prefix.as_bytes().to_vec())));
            }
            if let Some(item) = &self.user_class {
                // RFC 3004: one item, its length then its bytes (v4);
                // RFC 8415: two-byte length (v6).
                let len = item.len();
                let mut value = Vec::with_capacity(len + 2);
                let code = if family == Family::V4 {
                    let len = u8::try_from(len)
                        .map_err(|_| format!("--user-class of {len} bytes: at most 255"))?;
                    value.push(len);
                    77
                } else {
                    let len = u16::try_from(len)
                        .map_err(|_| format!("--user-class of {len} bytes: too long"))?;
                    value.extend_from_slice(&len.to_be_bytes());
                    15
                };
                value.extend_from_slice(item.as_bytes());
                conditions.push(Condition::new(code, Test::Exact(value)));
            }
            return ClassMatch::user(family, vendor, conditions)
                .map(Who::Class)
                .map_err(|e| e.to_string());
        }
        let class = match family {
            Family::V4 => ClassMatch::v4(vendor, self.model.as_deref()),
            Family::V6 => ClassMatch::v6(vendor, self.model.as_deref()),
        };
        class.map(Who::Class).map_err(|e| {
            format!(
                "{e}: give --mac (the device), or --vendor-class / --user-class (a class you name)"
            )
        })
    }
}
