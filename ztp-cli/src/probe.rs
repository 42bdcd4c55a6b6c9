//! `ztp probe`: ask the DHCP servers what they tell a given switch, without
//! the switch. The probe sends what that switch sends (its vendor's
//! identity, from `ztp_options::client`), on-link or as a relay agent,
//! collects every server's answer, and explains each one with the same
//! explainer as `ztp explain`, fed the same messages in the same order as
//! a capture of the exchange would hold them.
//!
//! The sockets are in [`transport`]; what is sent and which replies
//! belong to the probe, in [`exchange`] (no I/O).

mod exchange;
mod transport;

use std::io::{self, Write as _};
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::Args;
use ztp_explain::pcap::Timestamp;
use ztp_explain::{Explainer, Filters, Origin, Report, parse_mac};
use ztp_options::Family;
use ztp_options::client::{V4Kind, V6Kind};
use ztp_options::v4::MessageType as V4Type;
use ztp_options::v6::MessageType as V6Type;
use ztp_options::vendor::{IdentityRepr, Phase, Vendor};

use exchange::{Answer4, Answer6, Client, Relay4, Relay6};
use transport::{Problem, Received, Transport, Unicast4};

/// Exit code: no server answered (within `--timeout`, after the retries).
pub(crate) const NO_ANSWER: u8 = 3;
/// Exit code: the probe could not send or listen (permission, a port in
/// use, no such interface, no link-local address).
pub(crate) const CANNOT_PROBE: u8 = 4;

/// How many times a message is sent while no answer has come (RFC 2131
/// §4.1 and RFC 8415 §15 retransmit; the probe keeps it to three, spread
/// over the timeout).
const SENDS: u32 = 3;

/// Arguments of `ztp probe`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("path").required(true).args(["iface", "server"])))]
pub(crate) struct ProbeArgs {
    /// On-link: send on this interface as a switch plugged into its link
    /// (DHCPv4 as Ethernet frames from the probe's MAC, needs CAP_NET_RAW;
    /// DHCPv6 from the interface's link-local address, port 546).
    #[arg(long, value_name = "IFACE")]
    iface: Option<String>,
    /// Relayed: send to this DHCP server as a relay agent (with
    /// --relay-address), for a server that is not on this link.
    #[arg(long, value_name = "ADDR", requires = "relay_address")]
    server: Option<IpAddr>,
    /// The relay agent's address: one of this host's addresses that the
    /// server serves a subnet for and answers to (DHCPv4 giaddr, port 67;
    /// DHCPv6 link-address, port 547).
    #[arg(long, value_name = "ADDR", requires = "server")]
    relay_address: Option<IpAddr>,
    /// Relayed: DHCPv4 option 82 circuit id, or the DHCPv6 interface-id
    /// (option 18), as text (`ge-0/0/1`).
    #[arg(long, value_name = "ID", requires = "server")]
    circuit_id: Option<String>,
    /// Relayed DHCPv4: option 82 remote id, as text.
    #[arg(long, value_name = "ID", requires = "server", conflicts_with = "v6")]
    remote_id: Option<String>,
    /// The switch's vendor, whose identity options the probe sends
    /// (juniper, arista, cisco-iosxe, ...; see `ztp explain --help`).
    /// Without it, a plain client.
    #[arg(long, value_name = "NAME")]
    vendor: Option<String>,
    /// The switch's model (PID, product name), as the vendor's identity
    /// carries it.
    #[arg(long, value_name = "MODEL", requires = "vendor")]
    model: Option<String>,
    /// The switch's serial number.
    #[arg(long, value_name = "SERIAL", requires = "vendor")]
    serial: Option<String>,
    /// The switch's software version, where its identity carries one.
    #[arg(long, value_name = "VERSION", requires = "vendor")]
    os_version: Option<String>,
    /// IOS-XR's boot phase, sent as its user class (`iPXE` or
    /// `exr-config`, CR3).
    #[arg(long, value_name = "PHASE", requires = "vendor")]
    phase: Option<String>,
    /// Cumulus's architecture token in its vendor class (`x86_64`).
    #[arg(
        long,
        value_name = "ARCH",
        requires = "vendor",
        conflicts_with = "service_tag"
    )]
    arch: Option<String>,
    /// Dell OS9's service tag.
    #[arg(long, value_name = "TAG", requires = "vendor")]
    service_tag: Option<String>,
    /// The client's MAC address (chaddr, DUID-LL). Without it, a locally
    /// administered address derived from vendor, model and serial, the
    /// same at every probe, so repeated probes do not drain the pool.
    #[arg(long, value_name = "MAC")]
    mac: Option<String>,
    /// DHCPv6 (SOLICIT, REQUEST, RELEASE) instead of DHCPv4.
    #[arg(long)]
    v6: bool,
    /// Complete the exchange: REQUEST the first offer and explain the ACK
    /// (v4) or REPLY (v6), then RELEASE the lease.
    #[arg(long)]
    lease: bool,
    /// With --lease: keep the lease (no RELEASE).
    #[arg(long, requires = "lease")]
    keep: bool,
    /// How long to wait for answers to each message, in seconds; the
    /// message is sent again twice within it while none has come. Every
    /// server that answers within it is listed.
    #[arg(long, value_name = "SECONDS", default_value = "3", value_parser = seconds)]
    timeout: Duration,
    /// Print JSON Lines, one object per answer, as `ztp explain --json`.
    #[arg(long)]
    json: bool,
}

fn seconds(text: &str) -> Result<Duration, String> {
    let s: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !(0.1..=300.0).contains(&s) {
        return Err(format!("{text} s: give 0.1 to 300 seconds"));
    }
    Ok(Duration::from_secs_f64(s))
}

/// How the run ended early.
enum Stop {
    /// A bad argument (exit 2).
    Usage(String),
    /// The probe cannot send or listen (exit [`CANNOT_PROBE`]).
    Cannot(Problem),
    /// A step got no answer (exit [`NO_ANSWER`]).
    NoAnswer(String),
}

impl From<Problem> for Stop {
    fn from(p: Problem) -> Self {
        Stop::Cannot(p)
    }
}

/// Runs `ztp probe`; the exit code.
pub(crate) fn run(args: &ProbeArgs) -> u8 {
    let mut session = Session::new(args.json);
    let stopped = probe(args, &mut session);
    let code = session.finish();
    match stopped {
        Ok(()) => code,
        Err(Stop::Usage(m)) => {
            eprintln!("ztp probe: {m}");
            2
        }
        Err(Stop::Cannot(p)) => {
            eprintln!("ztp probe: {p}");
            CANNOT_PROBE
        }
        Err(Stop::NoAnswer(m)) => {
            eprintln!("ztp probe: {m}");
            // What did answer was explained; the step that got none is
            // still the finding.
            code.max(NO_ANSWER)
        }
    }
}

/// The explainer and the output: every message sent and received goes
/// through it in wire order, numbered as a capture of the exchange would
/// number its frames.
struct Session {
    explainer: Explainer,
    json: bool,
    out: io::BufWriter<io::StdoutLock<'static>>,
    line: Vec<u8>,
    frames: usize,
    shown: usize,
    worst: u8,
    broken: Option<io::Error>,
}

impl Session {
    fn new(json: bool) -> Self {
        Session {
            explainer: Explainer::new(Filters::default()),
            json,
            out: io::BufWriter::new(io::stdout().lock()),
            line: Vec::new(),
            frames: 0,
            shown: 0,
            worst: 0,
            broken: None,
        }
    }

    fn message(&mut self, bytes: &[u8], family: Family) {
        self.frames += 1;
        let origin = Origin {
            frame: Some(self.frames),
            time: Some(now()),
        };
        let mut explainer = std::mem::take(&mut self.explainer);
        explainer.message(bytes, family, origin, &mut |r| self.emit(r));
        self.explainer = explainer;
    }

    fn emit(&mut self, r: &Report<'_>) {
        self.shown += 1;
        self.worst = self.worst.max(r.exit_code());
        if self.broken.is_some() {
            return;
        }
        let result = if self.json {
            self.line.clear();
            r.json_line(&mut self.line);
            self.out.write_all(&self.line)
        } else {
            let sep = if self.shown > 1 { "\n" } else { "" };
            write!(self.out, "{sep}{}", r.text(""))
        };
        if let Err(e) = result.and_then(|()| self.out.flush()) {
            self.broken = Some(e);
        }
    }

    fn finish(mut self) -> u8 {
        if let Err(e) = self.out.flush() {
            self.broken.get_or_insert(e);
        }
        match self.broken {
            Some(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("ztp probe: cannot write the output: {e}");
                2
            }
            _ => self.worst,
        }
    }
}

fn now() -> Timestamp {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Timestamp {
        secs: i64::try_from(t.as_secs()).unwrap_or(i64::MAX),
        nanos: t.subsec_nanos(),
        digits: 6,
    }
}

/// A transaction id no two probes share: the clock and the process id,
/// mixed (FNV-1a).
fn fresh_id(salt: u32) -> u32 {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in t
        .as_nanos()
        .to_le_bytes()
        .into_iter()
        .chain(std::process::id().to_le_bytes())
        .chain(salt.to_le_bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

fn mac_text(mac: [u8; 6]) -> String {
    ztp_server_config::MacAddr(mac).to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The client the arguments describe.
fn client(args: &ProbeArgs) -> Result<(Client, String), Stop> {
    let vendor = match &args.vendor {
        None => None,
        Some(name) => Some(name.parse::<Vendor>().map_err(|_| {
            let names: Vec<&str> = Vendor::ALL.iter().map(|v| v.as_str()).collect();
            Stop::Usage(format!(
                "--vendor {name:?} is not a vendor: {}",
                names.join(", ")
            ))
        })?),
    };
    let model = args.model.as_deref().unwrap_or("");
    let serial = args.serial.as_deref().unwrap_or("");
    let mac = match &args.mac {
        Some(text) => parse_mac(text).map_err(Stop::Usage)?,
        None => exchange::derived_mac(vendor, model, serial),
    };
    let identity = vendor.map(|v| {
        let mut id = IdentityRepr::new(v);
        if let Some(m) = &args.model {
            id = id.with_model(m);
        }
        if let Some(s) = &args.serial {
            id = id.with_serial(s);
        }
        if let Some(s) = &args.os_version {
            id = id.with_version(s);
        }
        if let Some(s) = &args.arch {
            id = id.with_detail_arch(s);
        }
        if let Some(s) = &args.service_tag {
            id = id.with_service_tag(s);
        }
        id
    });
    let identity = match (identity, &args.phase) {
        (Some(id), Some(p)) => Some(id.with_phase(
            Phase::from_user_class(p.as_bytes()).ok_or_else(|| {
                Stop::Usage(format!("--phase {p:?}: give iPXE or exr-config (CR3)"))
            })?,
        )),
        (identity, _) => identity,
    };
    // A field the vendor does not send in this family (a SONiC model in
    // DHCPv6) is left out, and said: the switch would not send it either.
    let identity = identity.map(|id| without_unsent(id, args.v6));
    let mut who = vendor.map_or_else(|| "a plain client".to_owned(), |v| v.as_str().to_owned());
    for part in [&args.model, &args.serial].into_iter().flatten() {
        who.push(' ');
        who.push_str(part);
    }
    who.push_str(&format!(" ({})", mac_text(mac)));
    Ok((Client { mac, identity }, who))
}

/// `id` without the fields its vendor does not send in the family, each
/// one said on standard error.
fn without_unsent(mut id: IdentityRepr, v6: bool) -> IdentityRepr {
    use ztp_options::EncodeErrorKind;
    use ztp_options::vendor::{IdentityField as F, IdentityProblem};
    let family = if v6 { "DHCPv6" } else { "DHCPv4" };
    for _ in 0..8 {
        let result = if v6 {
            id.to_v6_options().map(drop)
        } else {
            id.to_v4_options().map(drop)
        };
        let Err(e) = result else { break };
        let EncodeErrorKind::Identity {
            field,
            problem: IdentityProblem::NotSent,
            ..
        } = e.kind()
        else {
            break;
        };
        let cleared = match field {
            F::Model => id.model.take().is_some(),
            F::Serial => id.serial.take().is_some(),
            F::Version => id.version.take().is_some(),
            F::Phase => id.phase.take().is_some(),
            F::Detail => id.detail.take().is_some(),
            F::Mac => id.mac.take().is_some(),
            _ => false,
        };
        if !cleared {
            break;
        }
        eprintln!(
            "ztp probe: a {} switch sends no {} in {family}: not sent",
            id.vendor,
            field.as_str()
        );
    }
    id
}

fn probe(args: &ProbeArgs, session: &mut Session) -> Result<(), Stop> {
    let (client, who) = client(args)?;
    if let (Some(server), Some(relay)) = (args.server, args.relay_address)
        && (server.is_ipv4() != relay.is_ipv4() || relay.is_ipv6() != args.v6)
    {
        let family = if args.v6 { "IPv6 (--v6)" } else { "IPv4" };
        return Err(Stop::Usage(format!(
            "--server {server} and --relay-address {relay}: give two {family} addresses"
        )));
    }
    let id = |s: &Option<String>| s.as_ref().map(|t| t.as_bytes().to_vec());
    if args.v6 {
        let relay = args.relay_address.map(|a| match a {
            IpAddr::V6(address) => Relay6 {
                address,
                interface_id: id(&args.circuit_id),
            },
            IpAddr::V4(_) => unreachable_family(),
        });
        let (transport, path) = open(args, client.mac)?;
        let mut run = Run6 {
            session,
            explain_answers: true,
            transport,
            client,
            relay,
            timeout: args.timeout,
            who,
            path,
        };
        run.go(args.lease, args.keep)
    } else {
        let relay = args.relay_address.map(|a| match a {
            IpAddr::V4(address) => Relay4 {
                address,
                circuit_id: id(&args.circuit_id),
                remote_id: id(&args.remote_id),
            },
            IpAddr::V6(_) => unreachable_family(),
        });
        let (transport, path) = open(args, client.mac)?;
        let mut run = Run4 {
            session,
            transport,
            client,
            relay,
            timeout: args.timeout,
            who,
            path,
        };
        run.go(args.lease, args.keep)
    }
}

/// The transport the arguments name, and how to say where it sends.
fn open(args: &ProbeArgs, mac: [u8; 6]) -> Result<(Transport, String), Stop> {
    match (&args.iface, args.server, args.relay_address) {
        (Some(iface), _, _) => {
            let transport = if args.v6 {
                Transport::link_v6(iface)?
            } else {
                Transport::link_v4(iface, mac)?
            };
            Ok((transport, format!("on {iface}")))
        }
        (None, Some(server), Some(relay)) => Ok((
            Transport::relay(relay, server)?,
            format!("to {server} as a relay at {relay}"),
        )),
        _ => Err(Stop::Usage(
            "give --iface, or --server and --relay-address".into(),
        )),
    }
}

/// The families were checked to agree before.
fn unreachable_family() -> ! {
    unreachable!("the relay address's family was checked")
}

fn encode_failed(e: &ztp_options::EncodeError) -> Stop {
    use ztp_options::EncodeErrorKind;
    use ztp_options::vendor::{IdentityField as F, IdentityProblem};
    let flag = match e.kind() {
        EncodeErrorKind::Identity {
            field,
            problem: IdentityProblem::Missing,
            ..
        } => match field {
            F::Model => Some("--model"),
            F::Serial => Some("--serial"),
            F::Version => Some("--os-version"),
            F::Phase => Some("--phase"),
            F::Detail => Some("--arch (Cumulus) or --service-tag (Dell OS9)"),
            F::Mac => Some("--mac"),
            _ => None,
        },
        _ => None,
    };
    let hint = flag.map_or_else(String::new, |f| format!(" (give it with {f})"));
    Stop::Usage(format!("cannot write the client's message: {e}{hint}"))
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

// ------------------------------------------------------------------ DHCPv4

struct Run4<'a> {
    session: &'a mut Session,
    transport: Transport,
    client: Client,
    relay: Option<Relay4>,
    timeout: Duration,
    who: String,
    path: String,
}

/// An answer and the frame it came in.
struct Got4 {
    answer: Answer4,
    from_mac: Option<[u8; 6]>,
}

impl Run4<'_> {
    fn go(&mut self, lease: bool, keep: bool) -> Result<(), Stop> {
        let xid = fresh_id(0);
        let discover =
            exchange::v4_message(&self.client, V4Kind::Discover, xid, self.relay.as_ref())
                .map_err(|e| encode_failed(&e))?;
        eprintln!(
            "ztp probe: DISCOVER {} as {}, xid 0x{xid:08x}",
            self.path, self.who
        );
        let offers = self.exchange(&discover, xid, None, true)?;
        let offers: Vec<Got4> = offers
            .into_iter()
            .filter(|g| g.answer.kind == V4Type::OFFER)
            .collect();
        let Some(first) = offers.first() else {
            return Err(Stop::NoAnswer(format!(
                "no OFFER {} in {} (DISCOVER sent {SENDS} times as {}, xid 0x{xid:08x})",
                self.path,
                secs(self.timeout),
                self.who
            )));
        };
        let mut servers: Vec<Ipv4Addr> = offers.iter().map(|g| g.answer.server).collect();
        servers.dedup();
        for g in &offers {
            eprintln!(
                "ztp probe: OFFER of {} from server {}",
                g.answer.address, g.answer.server
            );
        }
        if servers.len() > 1 {
            eprintln!(
                "ztp probe: {} servers answered ({}): a switch takes the first OFFER it gets, \
                 so which plan it follows depends on timing",
                servers.len(),
                servers
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if !lease {
            return Ok(());
        }
        let (address, server) = (first.answer.address, first.answer.server);
        let request = exchange::v4_message(
            &self.client,
            V4Kind::Request {
                requested: address,
                server,
            },
            xid,
            self.relay.as_ref(),
        )
        .map_err(|e| encode_failed(&e))?;
        eprintln!("ztp probe: REQUEST of {address} from {server}");
        let acks = self.exchange(&request, xid, None, false)?;
        let Some(ack) = acks.into_iter().find(|g| g.answer.server == server) else {
            return Err(Stop::NoAnswer(format!(
                "no ACK from {server} in {} (REQUEST of {address} sent {SENDS} times)",
                secs(self.timeout)
            )));
        };
        if ack.answer.kind != V4Type::ACK {
            eprintln!("ztp probe: {server} answered the REQUEST with a NAK: no lease");
            return Ok(());
        }
        eprintln!("ztp probe: ACK: {address} leased from {server}");
        if keep {
            eprintln!("ztp probe: --keep: the lease of {address} is kept");
            return Ok(());
        }
        let release_xid = fresh_id(1);
        let release = exchange::v4_message(
            &self.client,
            V4Kind::Release {
                client: address,
                server,
            },
            release_xid,
            self.relay.as_ref(),
        )
        .map_err(|e| encode_failed(&e))?;
        // On-link, unicast to the server through whoever sent the ACK.
        let unicast = match (&self.transport, ack.from_mac) {
            (Transport::Link { .. }, Some(to_mac)) => Some(Unicast4 {
                to_mac,
                from: address,
                to: server,
            }),
            _ => None,
        };
        self.transport.send(&release, unicast)?;
        self.session.message(&release, Family::V4);
        eprintln!("ztp probe: RELEASE of {address} sent to {server}");
        Ok(())
    }

    /// Sends `message` (again while nothing answers) and collects the
    /// answers for the timeout (`all`) or until the first.
    fn exchange(
        &mut self,
        message: &[u8],
        xid: u32,
        unicast: Option<Unicast4>,
        all: bool,
    ) -> Result<Vec<Got4>, Stop> {
        let mac = self.client.mac;
        retransmit(
            &mut self.transport,
            self.session,
            Sending {
                family: Family::V4,
                timeout: self.timeout,
                all,
                unicast,
            },
            &mut |_| Ok(message.to_vec()),
            &mut |session, r| {
                let from = match r.from {
                    IpAddr::V4(a) => a,
                    IpAddr::V6(_) => Ipv4Addr::UNSPECIFIED,
                };
                let answer = exchange::v4_answer(&r.bytes, xid, mac, from)?;
                session.message(&r.bytes, Family::V4);
                Some(Got4 {
                    answer,
                    from_mac: r.from_mac,
                })
            },
        )
    }
}
// ------------------------------------------------------------------ DHCPv6

struct Run6<'a> {
    session: &'a mut Session,
    /// Answers go through the explainer (not the REPLY to a RELEASE).
    explain_answers: bool,
    transport: Transport,
    client: Client,
    relay: Option<Relay6>,
    timeout: Duration,
    who: String,
    path: String,
}

impl Run6<'_> {
    fn go(&mut self, lease: bool, keep: bool) -> Result<(), Stop> {
        let tid = tid(fresh_id(0));
        eprintln!(
            "ztp probe: SOLICIT {} as {}, transaction id 0x{}",
            self.path,
            self.who,
            hex(&tid)
        );
        let answers = self.exchange(&|_| V6Kind::Solicit, tid, true)?;
        let adverts: Vec<Answer6> = answers
            .into_iter()
            .filter(|a| a.kind == V6Type::ADVERTISE)
            .collect();
        let Some(first) = adverts.first() else {
            return Err(Stop::NoAnswer(format!(
                "no ADVERTISE {} in {} (SOLICIT sent {SENDS} times as {}, transaction id 0x{})",
                self.path,
                secs(self.timeout),
                self.who,
                hex(&tid)
            )));
        };
        let mut servers: Vec<String> = Vec::new();
        for a in &adverts {
            let server = a.server_id.as_deref().map_or_else(|| "?".into(), hex);
            let address = a
                .address
                .map_or_else(|| "no address".to_owned(), |a| a.to_string());
            eprintln!("ztp probe: ADVERTISE of {address} from server DUID {server}");
            if !servers.contains(&server) {
                servers.push(server);
            }
        }
        if servers.len() > 1 {
            eprintln!(
                "ztp probe: {} servers answered (DUIDs {}): a switch takes the ADVERTISE of \
                 highest preference, then the first, so which plan it follows may depend on timing",
                servers.len(),
                servers.join(", ")
            );
        }
        if !lease {
            return Ok(());
        }
        let (Some(server_id), Some(ia_na), Some(address)) =
            (first.server_id.clone(), first.ia_na.clone(), first.address)
        else {
            eprintln!("ztp probe: the first ADVERTISE offers no address (IA_NA): no lease to take");
            return Ok(());
        };
        eprintln!("ztp probe: REQUEST of {address}");
        let request = |_: u16| V6Kind::Request {
            server_id: server_id.clone(),
            ia_na: ia_na.clone(),
        };
        let reply = self.exchange(&request, tid_next(tid, 1), false)?;
        let Some(reply) = reply.into_iter().find(|a| a.kind == V6Type::REPLY) else {
            return Err(Stop::NoAnswer(format!(
                "no REPLY to the REQUEST of {address} in {}",
                secs(self.timeout)
            )));
        };
        let Some(leased) = reply.ia_na.clone() else {
            eprintln!("ztp probe: the REPLY leases no address");
            return Ok(());
        };
        eprintln!("ztp probe: REPLY: {address} leased");
        if keep {
            eprintln!("ztp probe: --keep: the lease of {address} is kept");
            return Ok(());
        }
        let release = |_: u16| V6Kind::Release {
            server_id: server_id.clone(),
            ia_na: leased.clone(),
        };
        // The REPLY to a RELEASE carries a status, not a plan: it is not
        // explained (nor counted in the exit code).
        self.explain_answers = false;
        let done = self.exchange(&release, tid_next(tid, 2), false)?;
        if done.iter().any(|a| a.kind == V6Type::REPLY) {
            eprintln!("ztp probe: RELEASE of {address}: the server replied");
            Ok(())
        } else {
            Err(Stop::NoAnswer(format!(
                "no REPLY to the RELEASE of {address} in {}",
                secs(self.timeout)
            )))
        }
    }

    /// Sends the message `kind` makes (given the elapsed time, RFC 8415
    /// §21.9) again while nothing answers, and collects the answers for the
    /// timeout (`all`) or until the first.
    fn exchange(
        &mut self,
        kind: &dyn Fn(u16) -> V6Kind,
        tid: [u8; 3],
        all: bool,
    ) -> Result<Vec<Answer6>, Stop> {
        let explain = self.explain_answers;
        let (client, relay) = (&self.client, self.relay.as_ref());
        retransmit(
            &mut self.transport,
            self.session,
            Sending {
                family: Family::V6,
                timeout: self.timeout,
                all,
                unicast: None,
            },
            &mut |elapsed| {
                let hundredths = u16::try_from(elapsed.as_millis() / 10).unwrap_or(u16::MAX);
                exchange::v6_message(client, kind(hundredths), tid, hundredths, relay)
                    .map_err(|e| encode_failed(&e))
            },
            &mut |session, r| {
                let answer = exchange::v6_answer(&r.bytes, tid)?;
                if explain {
                    session.message(&r.bytes, Family::V6);
                }
                Some(answer)
            },
        )
    }
}

/// How a message is sent: its family, how long answers are collected,
/// whether all of them or the first, and (on-link DHCPv4) where to.
struct Sending {
    family: Family,
    timeout: Duration,
    all: bool,
    unicast: Option<Unicast4>,
}

/// Sends the message `make` writes (given the time since the first send)
/// up to [`SENDS`] times, again at each third of the timeout while nothing
/// has answered, every send explained; collects what `answer` takes (it
/// explains what it keeps) for the timeout, or until the first unless
/// `all`.
fn retransmit<T>(
    transport: &mut Transport,
    session: &mut Session,
    how: Sending,
    make: &mut dyn FnMut(Duration) -> Result<Vec<u8>, Stop>,
    answer: &mut dyn FnMut(&mut Session, &Received) -> Option<T>,
) -> Result<Vec<T>, Stop> {
    let start = Instant::now();
    let end = start + how.timeout;
    let mut got = Vec::new();
    for n in 0..SENDS {
        if n > 0 && !got.is_empty() {
            break;
        }
        let message = make(start.elapsed())?;
        transport.send(&message, how.unicast)?;
        session.message(&message, how.family);
        let resend = start + how.timeout * (n + 1) / SENDS;
        while let Some(r) = transport.receive(resend)? {
            if let Some(a) = answer(session, &r) {
                got.push(a);
                if !how.all {
                    return Ok(got);
                }
            }
        }
    }
    while let Some(r) = transport.receive(end)? {
        if let Some(a) = answer(session, &r) {
            got.push(a);
        }
    }
    Ok(got)
}

fn tid(id: u32) -> [u8; 3] {
    let b = id.to_be_bytes();
    [b[1], b[2], b[3]]
}

/// Another exchange's transaction id (RFC 8415 §16.1: one per exchange).
fn tid_next(t: [u8; 3], n: u8) -> [u8; 3] {
    [t[0], t[1], t[2].wrapping_add(n)]
}
