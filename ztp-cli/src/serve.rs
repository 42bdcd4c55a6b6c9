//! `ztp encode --vendor NAME` and `ztp encode --fleet FLEET.toml`: every
//! vendor's options, checked by explaining a reply that carries them (the
//! same explanation as `ztp explain`), and server configurations that serve
//! one switch, a class, or a whole mixed fleet.

use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use ztp_explain::{Filters, Origin, explain};
use ztp_options::vendor::{ClassError, ClassMatch, Offer, OfferError, OfferProblem, Vendor};
use ztp_options::{Family, PlanBuf, v4, v6};
use ztp_server_config::{Fleet, FleetEntry, Server, render_fleet};

use crate::encode::{EncodeArgs, Format, hex, juniper_plan};
use crate::switch::{Refusal, Switch};

/// The options of `offer` in `family`, as (code, value), in the order the
/// encoder writes them.
pub(crate) fn options(offer: &Offer, family: Family) -> Result<Vec<(u16, Vec<u8>)>, OfferError> {
    match family {
        Family::V4 => {
            let set = offer.to_v4_options()?;
            Ok(set
                .iter()
                .map(|o| (u16::from(o.code.get()), o.value.clone()))
                .collect())
        }
        Family::V6 => {
            let set = offer.to_v6_options()?;
            Ok(set
                .iter()
                .map(|o| (o.code.get(), o.value.clone()))
                .collect())
        }
    }
}

/// A reply (DHCPv4 ACK or DHCPv6 REPLY) carrying exactly `options`.
pub(crate) fn reply(options: &[(u16, Vec<u8>)], family: Family) -> Result<Vec<u8>, Refusal> {
    match family {
        Family::V4 => {
            let mut set = v4::OptionSet::new();
            set.insert(v4::OptionCode::MESSAGE_TYPE, vec![5])
                .map_err(|e| e.to_string())?;
            for (code, value) in options {
                let code = u8::try_from(*code).map_err(|_| format!("option {code}"))?;
                set.insert(v4::OptionCode::new(code), value.clone())
                    .map_err(|e| format!("cannot encode: {e}"))?;
            }
            Ok(v4::MessageRepr::reply(set).to_vec())
        }
        Family::V6 => {
            let mut set = v6::OptionSet::new();
            for (code, value) in options {
                set.push(v6::OptionCode::new(*code), value.clone());
            }
            v6::MessageRepr::reply(set)
                .to_vec()
                .map_err(|e| format!("cannot encode: {e}"))
        }
    }
}

/// What `ztp explain --vendor` says of a reply carrying `options`: the
/// text, and whether the switch provisions from it.
pub(crate) fn explained(
    vendor: Vendor,
    options: &[(u16, Vec<u8>)],
    family: Family,
) -> Result<(String, bool), Refusal> {
    let bytes = reply(options, family)?;
    let mut filters = Filters::default();
    filters.vendor = Some(vendor);
    let mut text = String::new();
    let mut ok = false;
    explain(&bytes, family, Origin::default(), &filters, &mut |report| {
        text = report.text("  ");
        ok = report.exit_code() == 0;
    });
    Ok((text, ok))
}

/// The family a server format serves; dnsmasq serves both (`--v6`).
fn family(format: Format, v6: bool) -> Family {
    match format {
        Format::Isc6 | Format::Kea6 => Family::V6,
        Format::Isc | Format::Kea => Family::V4,
        _ if v6 => Family::V6,
        _ => Family::V4,
    }
}

/// The offer of one switch: the vendor's own, or Juniper's plan (its
/// flags, as `ztp encode` without `--vendor` takes them).
fn offer(switch: &Switch, family: Family) -> Result<Offer, Refusal> {
    if switch.vendor() == Vendor::Juniper {
        let plan: PlanBuf = juniper_plan(switch, family == Family::V6)?;
        return Ok(Offer::Juniper(plan));
    }
    switch.offer()
}

/// `ztp encode --vendor NAME` (any vendor but Juniper without a class
/// option, which `encode` keeps as it was).
pub(crate) fn run_vendor(args: &EncodeArgs) -> u8 {
    let switch = &args.switch;
    let fam = family(args.format, args.v6);
    if args.v6 && matches!(args.format, Format::Isc | Format::Kea) {
        eprintln!(
            "ztp: --format {:?} is a DHCPv4 server: drop --v6, or use isc6 / kea6",
            args.format
        );
        return 2;
    }
    let built = offer(switch, fam).and_then(|o| {
        let opts = options(&o, fam).map_err(|e| format!("cannot encode: {e}"))?;
        Ok((o, opts))
    });
    let (offer, opts) = match built {
        Ok(b) => b,
        Err(refusal) => {
            eprintln!("ztp: {refusal}");
            return 2;
        }
    };
    let vendor = offer.vendor();
    let (text, provisions) = match explained(vendor, &opts, fam) {
        Ok(e) => e,
        Err(refusal) => {
            eprintln!("ztp: {refusal}");
            return 2;
        }
    };
    if !provisions {
        eprintln!(
            "ztp: the switch would not provision from these options; what {vendor} does with them:\n{text}"
        );
        return 2;
    }
    if let Some(server) = args.format.server() {
        let who = match switch.who(fam) {
            Ok(w) => w,
            Err(refusal) => {
                eprintln!("ztp: {refusal}");
                return 2;
            }
        };
        let name = switch.name.clone().unwrap_or_else(|| vendor.to_string());
        let fleet = Fleet {
            family: fam,
            entries: vec![FleetEntry {
                name,
                who,
                options: opts,
            }],
        };
        return print_config(server, &fleet);
    }
    print_options(args.format, vendor, &opts, fam, &text)
}

/// The options as `ztp encode` prints them (hex lines and the plan, or
/// JSON).
fn print_options(
    format: Format,
    vendor: Vendor,
    opts: &[(u16, Vec<u8>)],
    family: Family,
    text: &str,
) -> u8 {
    let instances = match crate::encode::instances(opts, family) {
        Ok(i) => i,
        Err(refusal) => {
            eprintln!("ztp: {refusal}");
            return 2;
        }
    };
    if format == Format::Json {
        return match serde_json::to_string_pretty(&instances) {
            Ok(t) => {
                println!("{t}");
                0
            }
            Err(e) => {
                eprintln!("ztp: cannot write json: {e}");
                2
            }
        };
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{family} options for {vendor} (code, length, value):",
        family = if family == Family::V6 {
            "DHCPv6"
        } else {
            "DHCPv4"
        }
    );
    for i in &instances {
        let split = if i.parts > 1 {
            format!(" (RFC 3396 part {} of {})", i.part, i.parts)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  option {:>3} len {:>3}{split}: {}",
            i.code, i.length, i.hex
        );
    }
    let mut area = Vec::new();
    for i in &instances {
        area.extend_from_slice(&i.bytes);
    }
    let _ = writeln!(out, "options area: {}", hex(&area));
    let _ = writeln!(
        out,
        "what `ztp explain --vendor {vendor}` says of a reply carrying them:"
    );
    out.push_str(text);
    print!("{out}");
    0
}

fn print_config(server: Server, fleet: &Fleet) -> u8 {
    match render_fleet(server, fleet) {
        Ok(out) => {
            print!("{}", out.text);
            for note in &out.notes {
                eprintln!("ztp: note: {note}");
            }
            0
        }
        Err(e) => {
            eprintln!("ztp: cannot render for {server}: {e}");
            2
        }
    }
}

/// A fleet file: `[[switch]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FleetFile {
    switch: Vec<Switch>,
}

/// The fleet file's text with each switch's `v6` table laid over it for a
/// DHCPv6 configuration (`server`, `boot-file`, ... that differ between
/// the families), and left out for DHCPv4.
fn for_family(text: &str, family: Family) -> Result<FleetFile, Refusal> {
    let mut doc: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    if let Some(toml::Value::Array(switches)) = doc.get_mut("switch") {
        for (n, switch) in switches.iter_mut().enumerate() {
            let toml::Value::Table(table) = switch else {
                continue;
            };
            match table.remove("v6") {
                Some(toml::Value::Table(v6)) if family == Family::V6 => {
                    // A v6 `mac` replaces the v4 class (some vendors'
                    // DHCPv6 identity is unverified: A2).
                    if v6.contains_key("mac") {
                        for key in ["model", "vendor-class", "user-class"] {
                            table.remove(key);
                        }
                    }
                    table.extend(v6);
                }
                Some(toml::Value::Table(_)) => {}
                Some(_) => {
                    return Err(format!(
                        "[[switch]] number {}: v6 is a table of the keys that differ for DHCPv6",
                        n + 1
                    ));
                }
                None => {}
            }
        }
    }
    doc.try_into().map_err(|e: toml::de::Error| e.to_string())
}

/// Reads a fleet file into the fleet of `family`; a switch whose vendor has
/// no ZTP in that family is left out and said on stderr (a v4-only vendor
/// in a DHCPv6 configuration).
pub(crate) fn read_fleet(text: &str, family: Family) -> Result<(Fleet, Vec<String>), Refusal> {
    let file = for_family(text, family)?;
    if file.switch.is_empty() {
        return Err("no [[switch]] table: nothing to serve".into());
    }
    let mut entries = Vec::new();
    let mut left_out = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (n, switch) in file.switch.iter().enumerate() {
        let n = n + 1;
        let name = switch
            .name
            .clone()
            .ok_or_else(|| format!("[[switch]] number {n} has no name"))?;
        let at = |e: String| format!("[[switch]] {name:?}: {e}");
        if names.contains(&name) {
            return Err(at("a second switch with this name".into()));
        }
        names.push(name.clone());
        if switch.vendor.is_none() {
            return Err(at("no vendor (vendor = \"arista\", ...)".into()));
        }
        let offer = offer(switch, family).map_err(at)?;
        let opts = match options(&offer, family) {
            Ok(o) => o,
            Err(e) if e.problem == OfferProblem::NotInFamily => {
                left_out.push(format!(
                    "{name:?} left out of this {family} configuration: {e}"
                ));
                continue;
            }
            Err(e) => return Err(at(format!("cannot encode: {e}"))),
        };
        let (text, provisions) = explained(offer.vendor(), &opts, family).map_err(at)?;
        if !provisions {
            return Err(at(format!(
                "the switch would not provision from these options:\n{text}"
            )));
        }
        let named =
            switch.mac.is_some() || switch.vendor_class.is_some() || switch.user_class.is_some();
        if let (false, Err(ClassError::NotInFamily { .. })) = (
            named,
            ClassMatch::new(family, offer.vendor(), switch.model.as_deref()),
        ) {
            left_out.push(format!(
                "{name:?} ({}) sends no {family} request ZTP knows: not in this configuration \
                 (give it a mac in its v6 table to serve it)",
                offer.vendor()
            ));
            continue;
        }
        let who = switch.who(family).map_err(at)?;
        entries.push(FleetEntry {
            name,
            who,
            options: opts,
        });
    }
    Ok((Fleet { family, entries }, left_out))
}

/// `ztp encode --fleet FLEET.toml --format SERVER`.
pub(crate) fn run_fleet(args: &EncodeArgs, path: &Path) -> u8 {
    let Some(server) = args.format.server() else {
        eprintln!(
            "ztp: --fleet renders a server configuration: give --format isc, isc6, kea, kea6 or dnsmasq"
        );
        return 2;
    };
    if let Some(flag) = args.switch.given_flags().first() {
        eprintln!("ztp: --{flag} belongs in the fleet file with --fleet");
        return 2;
    }
    let fam = family(args.format, args.v6);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ztp: {}: {e}", path.display());
            return 2;
        }
    };
    let (fleet, left_out) = match read_fleet(&text, fam) {
        Ok(f) => f,
        Err(refusal) => {
            eprintln!("ztp: {}: {refusal}", path.display());
            return 2;
        }
    };
    for l in &left_out {
        eprintln!("ztp: note: {l}");
    }
    print_config(server, &fleet)
}
