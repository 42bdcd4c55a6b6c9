//! What `ztp explain` says about one message: built from the decoded lease,
//! the resolved plan and its fetch URLs, printed for people or as JSON with
//! a fixed set of keys.

use std::fmt::Write as _;

use serde::Serialize;
use ztp_fetch_url::{FetchPlan, Note, Target, fetch_plan};
use ztp_options::{CannotProceed, Decision, DecodeError, ImageType, Plan};

/// A rule and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RuleMessage {
    pub(crate) rule: String,
    pub(crate) message: String,
}

/// The image, as JSON shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ImageJson {
    name: String,
    symlink: bool,
    source: String,
    port: Option<u16>,
    url: Option<String>,
    error: Option<RuleMessage>,
}

/// The configuration, as JSON shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ConfigJson {
    name: String,
    source: String,
    port: Option<u16>,
    url: Option<String>,
    error: Option<RuleMessage>,
}

/// One explained message. The JSON keys are fixed: scripts rely on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Report {
    family: &'static str,
    status: &'static str,
    reason: Option<RuleMessage>,
    transfer_mode: Option<String>,
    file_server: Option<String>,
    image: Option<ImageJson>,
    config: Option<ConfigJson>,
    ntp_servers: Vec<String>,
    syslog_servers: Vec<String>,
    hostname: Option<String>,
    proxy: Option<String>,
    decisions: Vec<RuleMessage>,
    warnings: Vec<String>,
    /// Not in JSON: what the human output names the message by.
    #[serde(skip)]
    pub(crate) title: String,
    /// Not in JSON: whether the message failed to decode (exit 2).
    #[serde(skip)]
    pub(crate) undecodable: bool,
}

fn rule_message(rule: impl std::fmt::Display, message: impl std::fmt::Display) -> RuleMessage {
    RuleMessage {
        rule: rule.to_string(),
        message: message.to_string(),
    }
}

fn target_fields(
    t: &Option<Result<Target, ztp_fetch_url::Error>>,
) -> (Option<u16>, Option<String>, Option<RuleMessage>) {
    match t {
        Some(Ok(t)) => (Some(t.port()), Some(t.as_str().to_owned()), None),
        Some(Err(e)) => (None, None, Some(rule_message(e.rule(), e))),
        None => (None, None, None),
    }
}

/// A note of the URL builder as a rule and a sentence; notes that record a
/// choice of ours (no SPEC rule) are labelled `choice`.
fn note_message(n: &Note) -> RuleMessage {
    match n.rule() {
        Some(rule) => rule_message(rule, n),
        None => {
            let text = n.to_string();
            let text = text.strip_suffix(" (choice)").unwrap_or(&text).to_owned();
            rule_message("choice", text)
        }
    }
}

fn note_line(n: &Note) -> String {
    let m = note_message(n);
    format!("[{}] {}", m.rule, m.message)
}

/// The warnings a person should act on: inputs the rules ignored that look
/// like mistakes, and notes of the URL builder that say a value was dropped.
fn warnings(plan: &Plan<'_>, fetch: &FetchPlan, input: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    // R12 kept the ignored option 66 as it came: warn when it would not do
    // without option 150.
    if let Some(raw) = plan.ignored.option66 {
        let value = String::from_utf8_lossy(raw);
        let text = value.trim_end_matches('\0');
        if text.parse::<std::net::Ipv4Addr>().is_err() {
            let what = if text.parse::<std::net::Ipv6Addr>().is_ok() {
                "is an ipv6 address, not the ipv4 address dhcpv4 needs"
            } else {
                "is not an ip address"
            };
            out.push(format!(
                "option 66 {value:?} {what}: harmless while option 150 is sent, fatal without it \
                 (R3)"
            ));
        }
    }
    for d in plan.decisions() {
        match d {
            Decision::TrailingNul { option, suboption } => {
                let place = match suboption {
                    Some(s) => format!("option {option} suboption {s:02}"),
                    None => format!("option {option}"),
                };
                let who = if option == 66 && suboption.is_none() {
                    " (dnsmasq appends one to option 66)"
                } else {
                    ""
                };
                out.push(format!(
                    "{place} ends in a nul byte; the device tolerates it, but the server should not \
                     send it{who} (R7)"
                ));
            }
            // `file` is a boot file name: worth a word only when option 43
            // names no image, in case it was meant to be one.
            Decision::FileIgnored { .. } if plan.image.is_none() => out.push(format!(
                "{d}; if it names the image, send it in option 43 suboption 00 (R13)"
            )),
            Decision::OptionLeftOut { option, error } => out.push(format!(
                "option {option} is malformed and left out, ztp goes on: {} (R5)",
                error.display_in(input)
            )),
            Decision::BytesAfterEnd { offset, len } => out.push(format!(
                "option 43 carries {len} bytes after its end code, at byte {offset}; the device \
                 does not read them (R1)"
            )),
            _ => {}
        }
    }
    let all_notes = fetch
        .notes
        .iter()
        .chain(fetch.targets().flat_map(|t| t.notes().iter()));
    for n in all_notes {
        if matches!(
            n,
            Note::SuffixIgnored { .. } | Note::SuffixIgnoredV6 { .. } | Note::TftpNotRecommended
        ) {
            let line = note_line(n);
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

impl Report {
    /// A message ZTP does nothing with: it did not decode (`undecodable`),
    /// or it decoded and the rules refuse it.
    fn refused(
        family: &'static str,
        title: String,
        reason: RuleMessage,
        undecodable: bool,
    ) -> Self {
        Report {
            family,
            status: "cannot-proceed",
            reason: Some(reason),
            transfer_mode: None,
            file_server: None,
            image: None,
            config: None,
            ntp_servers: Vec::new(),
            syslog_servers: Vec::new(),
            hostname: None,
            proxy: None,
            decisions: Vec::new(),
            warnings: Vec::new(),
            title,
            undecodable,
        }
    }

    /// A message that did not decode; `input` is the message, from which
    /// the error's offending value is shown.
    pub(crate) fn undecodable(
        family: &'static str,
        title: String,
        error: &DecodeError,
        input: &[u8],
    ) -> Self {
        let rule = CannotProceed::Malformed(*error).rule();
        Report::refused(
            family,
            title,
            rule_message(rule, error.display_in(input)),
            true,
        )
    }

    /// A message that decoded: its plan, or why ZTP cannot proceed; `input`
    /// is the message, from which a malformed value is shown.
    pub(crate) fn resolved(
        family: &'static str,
        title: String,
        outcome: Result<Plan<'_>, CannotProceed>,
        input: &[u8],
    ) -> Self {
        let plan = match outcome {
            Ok(plan) => plan,
            Err(CannotProceed::Malformed(e)) => {
                let rule = CannotProceed::Malformed(e).rule();
                let reason = rule_message(rule, e.display_in(input));
                return Report::refused(family, title, reason, false);
            }
            Err(e) => return Report::refused(family, title, rule_message(e.rule(), e), false),
        };
        let fetch = fetch_plan(&plan);
        let image = plan.image.as_ref().map(|i| {
            let (port, url, error) = target_fields(&fetch.image);
            ImageJson {
                name: i.name.to_owned(),
                symlink: i.image_type == ImageType::Symlink,
                source: i.source.to_string(),
                port,
                url,
                error,
            }
        });
        let config = plan.config.as_ref().map(|c| {
            let (port, url, error) = target_fields(&fetch.config);
            ConfigJson {
                name: c.name.to_owned(),
                source: c.source().to_string(),
                port,
                url,
                error,
            }
        });
        let mut decisions: Vec<RuleMessage> = plan
            .decisions()
            .map(|d| rule_message(d.rule(), d))
            .collect();
        for n in fetch
            .notes
            .iter()
            .chain(fetch.targets().flat_map(|t| t.notes().iter()))
        {
            let rm = note_message(n);
            if !decisions.contains(&rm) {
                decisions.push(rm);
            }
        }
        // A plan the device cannot fetch anything from is not ok: every file
        // it names has no usable URL (R19..R23).
        let targets = [&fetch.image, &fetch.config];
        let unusable = targets
            .iter()
            .all(|t| t.as_ref().is_none_or(Result::is_err));
        let reason = targets
            .iter()
            .find_map(|t| t.as_ref().and_then(|r| r.as_ref().err()))
            .filter(|_| unusable)
            .map(|e| rule_message(e.rule(), format!("no file can be fetched: {e}")));
        Report {
            family,
            status: if reason.is_some() {
                "cannot-proceed"
            } else {
                "ok"
            },
            reason,
            transfer_mode: Some(plan.transfer_mode.to_string()),
            file_server: Some(plan.file_server.to_string()),
            image,
            config,
            ntp_servers: plan.ntp_servers.iter().map(|a| a.to_string()).collect(),
            syslog_servers: plan.syslog_servers.iter().map(|a| a.to_string()).collect(),
            hostname: plan.host_name.map(str::to_owned),
            proxy: plan.proxy.map(str::to_owned),
            decisions,
            warnings: warnings(&plan, &fetch, input),
            title,
            undecodable: false,
        }
    }

    /// 0 a plan, 1 cannot proceed, 2 did not decode.
    pub(crate) fn exit_code(&self) -> u8 {
        match (self.undecodable, self.status) {
            (true, _) => 2,
            (false, "ok") => 0,
            _ => 1,
        }
    }

    /// The human-readable text.
    pub(crate) fn text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{}", self.title);
        if let Some(reason) = &self.reason {
            let verb = if self.undecodable {
                "does not decode"
            } else {
                "ZTP cannot proceed on this binding"
            };
            let _ = writeln!(s, "  {verb} [{}]: {}", reason.rule, reason.message);
            // A refused message has nothing more to show; a plan whose files
            // cannot be fetched still shows what it holds.
            if self.image.is_none() && self.config.is_none() {
                return s;
            }
        }
        let line = |s: &mut String, k: &str, v: &str| {
            let _ = writeln!(s, "  {k:<15}{v}");
        };
        if let Some(i) = &self.image {
            let kind = if i.symlink { ", symbolic link" } else { "" };
            line(&mut s, "image", &format!("{} ({}{kind})", i.name, i.source));
            match (&i.url, &i.error) {
                (Some(url), _) => line(&mut s, "  url", url),
                (None, Some(e)) => line(&mut s, "  no url", &format!("[{}] {}", e.rule, e.message)),
                _ => {}
            }
        }
        if let Some(c) = &self.config {
            line(&mut s, "config", &format!("{} ({})", c.name, c.source));
            match (&c.url, &c.error) {
                (Some(url), _) => line(&mut s, "  url", url),
                (None, Some(e)) => line(&mut s, "  no url", &format!("[{}] {}", e.rule, e.message)),
                _ => {}
            }
        }
        if let Some(m) = &self.transfer_mode {
            line(&mut s, "transfer mode", m);
        }
        if let Some(f) = &self.file_server {
            line(&mut s, "file server", f);
        }
        if !self.ntp_servers.is_empty() {
            line(&mut s, "ntp servers", &self.ntp_servers.join(", "));
        }
        if !self.syslog_servers.is_empty() {
            line(&mut s, "syslog servers", &self.syslog_servers.join(", "));
        }
        if let Some(h) = &self.hostname {
            line(&mut s, "host name", h);
        }
        if let Some(p) = &self.proxy {
            line(&mut s, "proxy", p);
        }
        if !self.decisions.is_empty() {
            let _ = writeln!(s, "  decisions");
            for d in &self.decisions {
                let _ = writeln!(s, "    [{}] {}", d.rule, d.message);
            }
        }
        if !self.warnings.is_empty() {
            let _ = writeln!(s, "  warnings");
            for w in &self.warnings {
                let _ = writeln!(s, "    {w}");
            }
        }
        s
    }
}
