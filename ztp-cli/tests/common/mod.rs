//! What the end-to-end tests share: running the `ztp` binary, and hex.
#![allow(dead_code, clippy::expect_used)]

use std::process::{Command, Output};

/// Runs `ztp` with `args`.
pub(crate) fn ztp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ztp"))
        .args(args)
        .output()
        .expect("run ztp")
}

/// Bytes as lowercase hex, as `ztp explain` takes them.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
