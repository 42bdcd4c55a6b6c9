//! Scenario tables: a sequence of events, and for each the exact actions
//! the agent returns. One table (at least) per branch of R27 and R28, and
//! the R29 order. Each action is written `R<rule> <display>`; the logs the
//! other crates own (the plan's decisions, the URLs' notes, the binding's
//! arrival) are left out of the tables, except in
//! `r27_the_sample_ack_every_action`, which lists everything.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::net::Ipv4Addr;
use std::time::Duration;

use ztp_agent::{
    Action, Agent, CommitError, Config, ConfigOutcome, Event, Failure, FetchError, ImageOutcome,
    InstallOutcome, Log, Phase, Step,
};
use ztp_options::{Family, ImageType, TransferMode, VendorInfo, samples, v4, v6};
use ztp_script_detect::{Binary, Platform};

// ---------------------------------------------------------------- replies

fn v4(image: Option<&str>, config: Option<&str>, server: bool) -> Vec<u8> {
    v4_info(
        &VendorInfo {
            image: image.map(Into::into),
            config: config.map(Into::into),
            transfer_mode: Some(TransferMode::Http),
            ..VendorInfo::default()
        },
        server,
    )
}

fn v4_info(info: &VendorInfo, server: bool) -> Vec<u8> {
    let mut options = v4::OptionSet::new();
    options
        .insert(v4::OptionCode::MESSAGE_TYPE, vec![5])
        .unwrap();
    if !info.is_empty() {
        let mut vendor = Vec::new();
        info.put_v4(&mut vendor).unwrap();
        // Split at 255 bytes by the options encoder (RFC 3396).
        options
            .insert(v4::OptionCode::VENDOR_SPECIFIC, vendor)
            .unwrap();
    }
    if server {
        let server = Ipv4Addr::new(192, 0, 2, 10).octets().to_vec();
        options
            .insert(v4::OptionCode::TFTP_SERVER_ADDRESS, server)
            .unwrap();
    }
    v4::MessageRepr::reply(options).to_vec()
}

fn v6(image: Option<&str>, config: Option<&str>) -> Vec<u8> {
    let info = VendorInfo {
        image: image.map(Into::into),
        config: config.map(Into::into),
        ..VendorInfo::default()
    };
    let mut vendor = Vec::new();
    info.put_v6(&mut vendor).unwrap();
    let mut options = v6::OptionSet::new();
    options.push(v6::OptionCode::VENDOR_OPTS, vendor);
    options.push(
        v6::OptionCode::BOOTFILE_URL,
        b"http://[2001:db8::1]/".to_vec(),
    );
    v6::MessageRepr::reply(options).to_vec().unwrap()
}

const FULL: (Option<&str>, Option<&str>) = (Some("/images/junos.tgz"), Some("/c.conf"));
const CURLY: &[u8] = b"system {\n    host-name sw1;\n}\n";
const GZIP: &[u8] = &[0x1f, 0x8b, 8, 0];

// ---------------------------------------------------------------- harness

/// One row's event; answers go to the outstanding command.
enum E {
    Bind(&'static str, Family, Vec<u8>),
    Lose(&'static str, Family),
    Fetched(&'static [u8]),
    FetchFailed(FetchError),
    Installed(InstallOutcome),
    Exited(i32),
    Committed(Result<(), CommitError>),
    /// Seconds pass, then `TimePassed`.
    Wait(u64),
}

use E::*;

fn bind4(iface: &'static str, reply: Vec<u8>) -> E {
    Bind(iface, Family::V4, reply)
}

fn render(a: &Action<&str>) -> Option<String> {
    if let Action::Log(Log::Decision { .. } | Log::Note(_) | Log::Bound { .. }) = a {
        return None;
    }
    let rule = a
        .rule()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "--".into());
    Some(format!("{rule} {a}"))
}

struct Run {
    agent: Agent<&'static str>,
    now: Duration,
    fetch: Option<ztp_fetch_url::Target>,
    last: Vec<Action<&'static str>>,
}

impl Run {
    fn new(config: Config) -> Self {
        Run {
            agent: Agent::new(config, Duration::ZERO),
            now: Duration::ZERO,
            fetch: None,
            last: Vec::new(),
        }
    }

    fn step(&mut self, e: E) -> Vec<String> {
        let event = match e {
            Bind(interface, family, reply) => Event::BindingAcquired {
                interface,
                family,
                reply,
            },
            Lose(interface, family) => Event::BindingLost { interface, family },
            Fetched(bytes) => Event::FetchFinished {
                target: self.fetch.clone().expect("a fetch is outstanding"),
                result: Ok(bytes.to_vec()),
            },
            FetchFailed(error) => Event::FetchFinished {
                target: self.fetch.clone().expect("a fetch is outstanding"),
                result: Err(error),
            },
            Installed(o) => Event::InstallFinished(o),
            Exited(status) => Event::ScriptExited { status },
            Committed(r) => Event::CommitFinished(r),
            Wait(s) => {
                self.now += Duration::from_secs(s);
                Event::TimePassed
            }
        };
        let actions = self.agent.handle(self.now, event);
        self.now += Duration::from_secs(1);
        for a in &actions {
            if let Action::Fetch { target, .. } = a {
                self.fetch = Some(target.clone());
            }
        }
        self.last.clone_from(&actions);
        actions.iter().filter_map(render).collect()
    }
}

/// Feeds the rows; each row's actions must be exactly the expected ones.
/// On a mismatch, prints the whole run as it went.
fn scenario(config: Config, rows: Vec<(E, &[&str])>) -> Run {
    let mut run = Run::new(config);
    let mut seen = Vec::new();
    let mut wrong = None;
    for (i, (event, expected)) in rows.into_iter().enumerate() {
        let got = run.step(event);
        if wrong.is_none() && got != expected {
            wrong = Some(i);
        }
        seen.push(got);
    }
    if let Some(i) = wrong {
        let mut text = String::new();
        for (j, got) in seen.iter().enumerate() {
            text += &format!("row {j}:\n");
            for g in got {
                text += &format!("    {g:?},\n");
            }
        }
        panic!("row {i} differs; the run was:\n{text}");
    }
    run
}

fn config() -> Config {
    Config {
        seed: 1,
        ..Config::default()
    }
}

// ---------------------------------------------------------------- R27

#[test]
fn r27_the_sample_ack_every_action() {
    let mut run = Run::new(config());
    let a = run.agent.handle(
        Duration::ZERO,
        Event::BindingAcquired {
            interface: "ge-0/0/0",
            family: Family::V4,
            reply: samples::V4_ACK.to_vec(),
        },
    );
    let all = |actions: &[Action<&str>]| -> Vec<String> {
        actions
            .iter()
            .map(|a| {
                format!(
                    "{} {a}",
                    a.rule().map(|r| r.to_string()).unwrap_or_default()
                )
            })
            .collect()
    };
    assert_eq!(
        all(&a),
        ["R29 bound ge-0/0/0 (dhcpv4): image, config and file server"]
    );
    let a = run.agent.handle(Duration::from_secs(5), Event::TimePassed);
    assert_eq!(
        all(&a),
        [
            "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried: it has image, config and file server",
            "R12 option 66 (\"192.0.2.10\") ignored because 150 is present",
            "R20 port 80, the transfer mode's default",
            " \"junos-install-ex-x86-64-23.4R2.tgz\" has no leading /: it is fetched from the server's root (choice)",
            "R20 port 80, the transfer mode's default",
            "R27 fetch image http://192.0.2.10/junos-install-ex-x86-64-23.4R2.tgz over ge-0/0/0",
        ]
    );
}

#[test]
fn r27_image_and_config_install_then_commit() {
    let run = scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried: it has image, config and file server",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
            (Fetched(GZIP), &["R27 install image junos.tgz"]),
            (
                Installed(InstallOutcome::Ok),
                &["R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0"],
            ),
            (
                Fetched(CURLY),
                &[
                    "R24 the fetched file is a configuration: junos curly-brace text",
                    "R27 commit configuration (junos curly-brace text)",
                ],
            ),
            (
                Committed(Ok(())),
                &[
                    "R27 provisioned over ge-0/0/0 (dhcpv4): image junos.tgz installed, configuration committed (junos curly-brace text)",
                ],
            ),
        ],
    );
    assert_eq!(run.agent.phase(), Phase::Done);
    assert_eq!(run.agent.poll_timeout(), None);
}

#[test]
fn r27_image_only_installs() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(FULL.0, None, true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
            (Fetched(GZIP), &["R27 install image junos.tgz"]),
            (
                Installed(InstallOutcome::Ok),
                &[
                    "R27 provisioned over ge-0/0/0 (dhcpv4): image junos.tgz installed, no configuration",
                ],
            ),
        ],
    );
}

#[test]
fn r27_config_only_configuration_is_committed() {
    let run = scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Fetched(b"set system host-name sw1\n"),
                &[
                    "R24 the fetched file is a configuration: set commands",
                    "R27 commit configuration (set commands)",
                ],
            ),
            (
                Committed(Ok(())),
                &[
                    "R27 provisioned over ge-0/0/0 (dhcpv4): no image, configuration committed (set commands)",
                ],
            ),
        ],
    );
    let Some(Action::Done(summary)) = run.last.last() else {
        panic!()
    };
    assert_eq!(summary.image, ImageOutcome::None);
    assert_eq!((summary.attempts, summary.restarts), (1, 0));
}

#[test]
fn r27_config_only_script_is_run() {
    let run = scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/setup.sh"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/setup.sh over ge-0/0/0",
                ],
            ),
            (
                Fetched(b"#!/bin/sh -e -x\necho hi\n"),
                &[
                    "R24 the fetched file is a script: /bin/sh (shell) with argument \"-e -x\"",
                    "R24 run script with /bin/sh -e -x",
                ],
            ),
            (
                Exited(0),
                &["R27 provisioned over ge-0/0/0 (dhcpv4): no image, script run by /bin/sh"],
            ),
        ],
    );
    // Junos OS (FreeBSD) splits the #! argument at blanks.
    let mut r = Run::new(config());
    r.step(bind4("ge-0/0/0", v4(None, Some("/setup.sh"), true)));
    r.step(Wait(5));
    r.step(Fetched(b"#!/bin/sh -e -x\n"));
    let Some(Action::RunScript { args, .. }) = r.last.last() else {
        panic!()
    };
    assert_eq!(args, &["-e", "-x"]);
    let Some(Action::Done(s)) = run.last.last() else {
        panic!()
    };
    assert_eq!(
        s.config,
        ConfigOutcome::ScriptRan {
            interpreter: "/bin/sh".into()
        }
    );
}

#[test]
fn r27_same_image_as_installed_is_skipped() {
    let installed = Config {
        installed: Some("junos.tgz".into()),
        ..config()
    };
    scenario(
        installed.clone(),
        vec![
            (bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried: it has image, config and file server",
                    "R27 image junos.tgz is the installed one: not fetched, not installed",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Fetched(CURLY),
                &[
                    "R24 the fetched file is a configuration: junos curly-brace text",
                    "R27 commit configuration (junos curly-brace text)",
                ],
            ),
            (
                Committed(Ok(())),
                &[
                    "R27 provisioned over ge-0/0/0 (dhcpv4): image junos.tgz already installed, configuration committed (junos curly-brace text)",
                ],
            ),
        ],
    );
    // Image only, and it is installed: done at once, nothing fetched.
    scenario(
        installed,
        vec![
            (
                bind4("ge-0/0/0", v4(Some("/images/junos.tgz:8080"), None, true)),
                &[],
            ),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 image junos.tgz is the installed one: not fetched, not installed",
                    "R27 provisioned over ge-0/0/0 (dhcpv4): image junos.tgz already installed, no configuration",
                ],
            ),
        ],
    );
}

#[test]
fn r27_a_symlink_is_installed_even_when_its_name_matches() {
    let info = VendorInfo {
        image: Some("/images/junos.tgz".into()),
        image_type: ImageType::Symlink,
        transfer_mode: Some(TransferMode::Http),
        ..VendorInfo::default()
    };
    scenario(
        Config {
            installed: Some("/packages/junos.tgz".into()),
            ..config()
        },
        vec![
            (bind4("ge-0/0/0", v4_info(&info, true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 image junos.tgz is a symbolic link: its name does not say which image it is, install it",
                    "R27 fetch image (symlink) http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
        ],
    );
}

// ---------------------------------------------------------------- R28

const RESTART: &str = "R28 restart the dhcp client in 18.201 s";

#[test]
fn r28_fetch_failure_moves_to_the_next_binding() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)), &[]),
            (bind4("ge-0/0/1", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 2 untried: it has image, config and file server",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
            (
                FetchFailed(FetchError::NotFound),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: fetching http://192.0.2.10/images/junos.tgz failed: file not found on the server",
                    "R29 try ge-0/0/1 (dhcpv4), attempt 2, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/1",
                ],
            ),
            (
                FetchFailed(FetchError::Unreachable),
                &[
                    "R28 ge-0/0/1 (dhcpv4) failed: fetching http://192.0.2.10/c.conf failed: file server unreachable",
                    "R28 no binding left to try (2 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r28_corrupt_image_moves_on_and_any_install_failure_too() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)), &[]),
            (bind4("ge-0/0/1", v4(FULL.0, None, true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 2 untried: it has image, config and file server",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
            (Fetched(GZIP), &["R27 install image junos.tgz"]),
            (
                Installed(InstallOutcome::Corrupt),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: image junos.tgz is corrupt",
                    "R29 try ge-0/0/1 (dhcpv4), attempt 2, first of 1 untried",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/1",
                ],
            ),
            (Fetched(GZIP), &["R27 install image junos.tgz"]),
            (
                Installed(InstallOutcome::Failed("no space left on device".into())),
                &[
                    "R28 ge-0/0/1 (dhcpv4) failed: installing image junos.tgz failed: no space left on device",
                    "R28 no binding left to try (2 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r28_script_exiting_non_zero_moves_on() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/s.sh"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/s.sh over ge-0/0/0",
                ],
            ),
            (
                Fetched(b"#!/usr/libexec/ui/cscript\n"),
                &[
                    "R24 the fetched file is a script: /usr/libexec/ui/cscript (slax)",
                    "R24 run script with /usr/libexec/ui/cscript",
                ],
            ),
            (
                Exited(3),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: the script exited with status 3",
                    "R28 no binding left to try (1 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r28_commit_failure_moves_on() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Fetched(CURLY),
                &[
                    "R24 the fetched file is a configuration: junos curly-brace text",
                    "R27 commit configuration (junos curly-brace text)",
                ],
            ),
            (
                Committed(Err(CommitError::new("syntax error at 'host-nme'"))),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: the commit failed: syntax error at 'host-nme'",
                    "R28 no binding left to try (1 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r28_neither_image_nor_config_and_no_file_server_move_on() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, None, true)), &[]),
            (bind4("ge-0/0/1", v4(FULL.0, FULL.1, false)), &[]),
            (bind4("ge-0/0/2", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/2 (dhcpv4), attempt 1, first of 3 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/2",
                ],
            ),
            (
                FetchFailed(FetchError::Denied),
                &[
                    "R28 ge-0/0/2 (dhcpv4) failed: fetching http://192.0.2.10/c.conf failed: access denied by the server",
                    "R29 try ge-0/0/0 (dhcpv4), attempt 2, first of 2 untried",
                    "R28 ge-0/0/0 (dhcpv4) failed: neither an image nor a configuration file (R18)",
                    "R29 try ge-0/0/1 (dhcpv4), attempt 3, first of 1 untried",
                    "R28 ge-0/0/1 (dhcpv4) failed: no file server information: neither option 150 nor option 66 (R13)",
                    "R28 no binding left to try (3 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r28_no_binding_restarts_dhcp_and_the_next_round_provisions() {
    let run = scenario(
        config(),
        vec![
            (Wait(58), &[]),
            (
                Wait(1),
                &["R28 no interface got bound within 60.000 s", RESTART],
            ),
            (Wait(20), &[]),
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Fetched(CURLY),
                &[
                    "R24 the fetched file is a configuration: junos curly-brace text",
                    "R27 commit configuration (junos curly-brace text)",
                ],
            ),
            (
                Committed(Ok(())),
                &[
                    "R27 provisioned over ge-0/0/0 (dhcpv4): no image, configuration committed (junos curly-brace text)",
                ],
            ),
        ],
    );
    let Some(Action::Done(s)) = run.last.last() else {
        panic!()
    };
    assert_eq!((s.attempts, s.restarts), (1, 1));
}

#[test]
fn r28_a_url_over_256_characters_fails_before_anything_is_fetched() {
    let long = format!("/{}.conf", "c".repeat(239));
    let reply = v4(FULL.0, Some(&long), true);
    let run = scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", reply), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried: it has image, config and file server",
                    &format!(
                        "R28 ge-0/0/0 (dhcpv4) failed: no config url: http url of 262 characters is longer than the 256-character limit: http://192.0.2.10{long} (R21)"
                    ),
                    "R28 no binding left to try (1 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
    assert_eq!(run.agent.phase(), Phase::WaitingForBinding);
}

#[test]
fn r28_the_binding_lost_mid_attempt_moves_on() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)), &[]),
            (Bind("ge-0/0/0", Family::V6, v6(FULL.0, FULL.1)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 2 untried: it has image, config and file server",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
            (
                Lose("ge-0/0/0", Family::V4),
                &[
                    "-- lost ge-0/0/0 (dhcpv4)",
                    "R28 ge-0/0/0 (dhcpv4) failed: the binding was lost",
                    "R29 try ge-0/0/0 (dhcpv6), attempt 2, first of 1 untried: it has image, config and file server",
                    "R27 fetch image http://[2001:db8::1]/images/junos.tgz over ge-0/0/0",
                ],
            ),
            // The answer to the abandoned fetch came too late: the target differs.
            (
                Lose("ge-0/0/9", Family::V4),
                &["-- ignored: binding lost (not held) (nothing was waiting for it)"],
            ),
        ],
    );
}

#[test]
fn r28_a_step_past_its_deadline_moves_on() {
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (Wait(598), &[]),
            (
                Wait(1),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: no answer to the configuration fetch within 600.000 s",
                    "R28 no binding left to try (1 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
            // A late answer is not taken.
            (
                Exited(0),
                &["-- ignored: script exited (nothing was waiting for it)"],
            ),
        ],
    );
}

// ---------------------------------------------------------------- R24, R25 under R28

#[test]
fn r28_a_configuration_that_is_a_tarball_is_not_committed() {
    let mut tar = vec![0u8; 512];
    tar[..8].copy_from_slice(b"c.conf\0\0");
    tar[257..263].copy_from_slice(b"ustar\0");
    let tar: &'static [u8] = tar.leak();
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Fetched(tar),
                &[
                    "R28 warning: the file is not text: the device loads it as a configuration, and the commit will fail",
                    "R24 the fetched file is a configuration: tar archive",
                    "R28 ge-0/0/0 (dhcpv4) failed: the commit fails: the configuration file is tar archive, not text",
                    "R28 no binding left to try (1 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r24_a_binary_configuration_is_a_configuration_whose_commit_fails() {
    // A gzip header (a .tgz software image named as the configuration
    // file): magic 1f 8b, method 08 (deflate), no flags, mtime 0, extra
    // flags 0, OS 03 (unix).
    const TGZ: &[u8] = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
    let mut run = scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (bind4("ge-0/0/1", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 2 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Fetched(TGZ),
                &[
                    "R28 warning: the file is not text: the device loads it as a configuration, and the commit will fail",
                    "R24 the fetched file is a configuration: gzip data",
                    "R28 ge-0/0/0 (dhcpv4) failed: the commit fails: the configuration file is gzip data, not text",
                    "R29 try ge-0/0/1 (dhcpv4), attempt 2, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/1",
                ],
            ),
        ],
    );
    // The failure is the commit's (R28), typed with what the file is; no
    // commit was asked for.
    let failure = run.last.iter().find_map(|a| match a {
        Action::Log(Log::Failed { failure, .. }) => Some(failure.clone()),
        _ => None,
    });
    assert_eq!(failure, Some(Failure::CommitWillFail(Binary::Gzip)));
    assert_eq!(failure.unwrap().rule(), ztp_options::Rule(28));
    assert!(
        !run.last
            .iter()
            .any(|a| matches!(a, Action::CommitConfiguration { .. }))
    );
    // The next binding's text configuration is committed as usual.
    assert_eq!(
        run.step(Fetched(CURLY)),
        [
            "R24 the fetched file is a configuration: junos curly-brace text",
            "R27 commit configuration (junos curly-brace text)",
        ]
    );
    assert_eq!(run.agent.phase(), Phase::Working(Step::Commit));
}

#[test]
fn r24_a_long_shebang_line_with_a_whole_path_runs() {
    // `#!/bin/sh -e `, then 400 `x`, a newline, `exit 0`: a 414-byte first
    // line whose interpreter path ends at byte 9.
    let mut file = b"#!/bin/sh -e ".to_vec();
    file.resize(413, b'x');
    file.extend_from_slice(b"\nexit 0\n");
    let file: &'static [u8] = file.leak();
    let argument = format!("-e {}", "x".repeat(400));
    let sniffed =
        format!("R24 the fetched file is a script: /bin/sh (shell) with argument \"{argument}\"");
    let run = format!("R24 run script with /bin/sh -e {}", "x".repeat(400));
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/ztp.sh"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/ztp.sh over ge-0/0/0",
                ],
            ),
            (
                Fetched(file),
                &[
                    "R26 warning: the #! line is longer than 128 bytes, all that linux before 5.1 reads",
                    "R24 warning: the #! line goes on past the 256 bytes linux reads: junos os evolved cuts the argument there, and does not run an interpreter path cut there",
                    &sniffed,
                    &run,
                ],
            ),
            (
                Exited(0),
                &["R27 provisioned over ge-0/0/0 (dhcpv4): no image, script run by /bin/sh"],
            ),
        ],
    );
    // An interpreter path that runs past the 512 bytes read gets no
    // verdict: the binding fails without running anything (R24).
    let mut file = b"#!/bin/".to_vec();
    file.resize(600, b'x');
    let file: &'static [u8] = file.leak();
    scenario(
        config(),
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/ztp.sh"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/ztp.sh over ge-0/0/0",
                ],
            ),
            (
                Fetched(file),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: #! interpreter path runs past the 512 bytes read: no blank or newline ends it before byte offset 512, so the interpreter is unknown (R24)",
                    "R28 no binding left to try (1 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

#[test]
fn r28_python_refused_on_junos_os_runs_on_evolved() {
    let rows = |expected: &'static [&'static str]| {
        vec![
            (bind4("ge-0/0/0", v4(None, Some("/ztp.py"), true)), &[][..]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/ztp.py over ge-0/0/0",
                ][..],
            ),
            (Fetched(b"#!/usr/bin/python\nimport jcs\n"), expected),
        ]
    };
    scenario(
        config(),
        rows(&[
            "R24 the fetched file is a script: /usr/bin/python (python)",
            "R28 ge-0/0/0 (dhcpv4) failed: script for /usr/bin/python refused: junos os does not run unsigned python; only junos os with enhanced automation and junos os evolved do (R25)",
            "R28 no binding left to try (1 tried since the last dhcp restart)",
            RESTART,
        ]),
    );
    scenario(
        Config {
            platform: Platform::JunosOsEvolved,
            ..config()
        },
        rows(&[
            "R24 the fetched file is a script: /usr/bin/python (python)",
            "R24 run script with /usr/bin/python",
        ]),
    );
}

// ---------------------------------------------------------------- R29

#[test]
fn r29_complete_first_then_v4_before_v6() {
    scenario(
        config(),
        vec![
            (Bind("xe-0/1/0", Family::V6, v6(None, Some("/c.conf"))), &[]),
            (bind4("ge-0/0/1", v4(None, Some("/c.conf"), true)), &[]),
            (Bind("et-0/0/48", Family::V6, v6(FULL.0, FULL.1)), &[]),
            (bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)), &[]),
            (bind4("em0", v4(None, None, true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 5 untried: it has image, config and file server",
                    "R27 fetch image http://192.0.2.10/images/junos.tgz over ge-0/0/0",
                ],
            ),
            (
                FetchFailed(FetchError::TimedOut),
                &[
                    "R28 ge-0/0/0 (dhcpv4) failed: fetching http://192.0.2.10/images/junos.tgz failed: transfer timed out",
                    "R29 try et-0/0/48 (dhcpv6), attempt 2, first of 4 untried: it has image, config and file server",
                    "R27 fetch image http://[2001:db8::1]/images/junos.tgz over et-0/0/48",
                ],
            ),
            (
                FetchFailed(FetchError::NotFound),
                &[
                    "R28 et-0/0/48 (dhcpv6) failed: fetching http://[2001:db8::1]/images/junos.tgz failed: file not found on the server",
                    "R29 try ge-0/0/1 (dhcpv4), attempt 3, first of 3 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/1",
                ],
            ),
            (
                FetchFailed(FetchError::NotFound),
                &[
                    "R28 ge-0/0/1 (dhcpv4) failed: fetching http://192.0.2.10/c.conf failed: file not found on the server",
                    "R29 try xe-0/1/0 (dhcpv6), attempt 4, first of 2 untried",
                    "R27 fetch config http://[2001:db8::1]/c.conf over xe-0/1/0",
                ],
            ),
            (
                FetchFailed(FetchError::Other("reset".into())),
                &[
                    "R28 xe-0/1/0 (dhcpv6) failed: fetching http://[2001:db8::1]/c.conf failed: reset",
                    "R29 try em0 (dhcpv4), attempt 5, first of 1 untried",
                    "R28 em0 (dhcpv4) failed: neither an image nor a configuration file (R18)",
                    "R28 no binding left to try (5 tried since the last dhcp restart)",
                    RESTART,
                ],
            ),
        ],
    );
}

// ---------------------------------------------------------------- the machine

#[test]
fn answers_nobody_asked_for_are_ignored_and_done_is_final() {
    let run = scenario(
        config(),
        vec![
            (
                Exited(0),
                &["-- ignored: script exited (nothing was waiting for it)"],
            ),
            (
                Installed(InstallOutcome::Ok),
                &["-- ignored: install finished (nothing was waiting for it)"],
            ),
            (bind4("ge-0/0/0", v4(None, Some("/c.conf"), true)), &[]),
            (
                Wait(5),
                &[
                    "R29 try ge-0/0/0 (dhcpv4), attempt 1, first of 1 untried",
                    "R27 fetch config http://192.0.2.10/c.conf over ge-0/0/0",
                ],
            ),
            (
                Committed(Ok(())),
                &["-- ignored: commit finished (nothing was waiting for it)"],
            ),
            (
                Fetched(CURLY),
                &[
                    "R24 the fetched file is a configuration: junos curly-brace text",
                    "R27 commit configuration (junos curly-brace text)",
                ],
            ),
            (
                Committed(Ok(())),
                &[
                    "R27 provisioned over ge-0/0/0 (dhcpv4): no image, configuration committed (junos curly-brace text)",
                ],
            ),
            (bind4("ge-0/0/1", v4(None, Some("/c.conf"), true)), &[]),
            (Wait(3600), &[]),
        ],
    );
    assert!(run.agent.is_done());
}

#[test]
fn the_phase_and_deadline_follow_the_steps() {
    let mut run = Run::new(config());
    assert_eq!(run.agent.phase(), Phase::WaitingForBinding);
    assert_eq!(run.agent.poll_timeout(), Some(Duration::from_secs(60)));
    run.step(bind4("ge-0/0/0", v4(FULL.0, FULL.1, true)));
    assert_eq!(run.agent.phase(), Phase::Settling);
    assert_eq!(run.agent.poll_timeout(), Some(Duration::from_secs(5)));
    run.step(Wait(4));
    assert_eq!(run.agent.phase(), Phase::Working(Step::FetchImage));
    assert_eq!(run.agent.poll_timeout(), Some(Duration::from_secs(605)));
    run.step(Fetched(GZIP));
    assert_eq!(run.agent.phase(), Phase::Working(Step::Install));
    assert_eq!(
        run.agent.poll_timeout(),
        Some(Duration::from_secs(6 + 3600))
    );
}

#[test]
fn the_same_seed_gives_the_same_delays() {
    let delays = |seed| {
        let mut agent: Agent<&str> = Agent::new(
            Config {
                seed,
                ..Config::default()
            },
            Duration::ZERO,
        );
        (1..=5)
            .filter_map(|i| {
                agent
                    .handle(Duration::from_secs(100 * i), Event::TimePassed)
                    .into_iter()
                    .find_map(|a| match a {
                        Action::RestartDhcp { delay } => Some(delay),
                        _ => None,
                    })
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(delays(42), delays(42));
    assert_ne!(delays(42), delays(43));
    assert_eq!(delays(42).len(), 5);
}
