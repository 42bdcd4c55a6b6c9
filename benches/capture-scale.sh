#!/usr/bin/env bash
# ztp explain at capture scale against tshark, in one run: builds the
# release `ztp` and the bench, generates the captures from the committed
# dnsmasq reply, and prints the README's table (see
# src/bin/capture_scale.rs). Needs tshark, taskset and GNU time.
# Usage: benches/capture-scale.sh [--replies N] [--tshark-replies N] [--stream-mb N]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build -q --release -p ztp-cli -p ztp-benches --bin ztp --bin capture_scale
exec "$target/release/capture_scale" "$target/release/ztp" "$@"
