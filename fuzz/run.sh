#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, on the stable toolchain.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 30; TARGETs default to all of them. Each run
# starts from the committed corpus (fuzz/corpus/<target>, read-only: new
# inputs go to a scratch directory) with the target's dictionary, under the
# address sanitizer. cargo-fuzz needs `-Z` flags, which stable rustc accepts
# only with RUSTC_BOOTSTRAP=1. Exits non-zero on the first crash; the input
# is left in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"

secs="${1:-30}"
shift || true
# shellcheck source=targets.sh
source targets.sh
all=("${decoders[@]}" "${others[@]}")
targets=("${@:-${all[@]}}")

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1

cargo fuzz build --release --debug-assertions

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for t in "${targets[@]}"; do
    echo "== fuzz $t (${secs}s)"
    mkdir -p "$scratch/$t"
    set +e
    cargo fuzz run --release --debug-assertions "$t" "$scratch/$t" "corpus/$t" -- \
        -max_total_time="$secs" -dict="$(dict "$t")" -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 >"$scratch/$t.log" 2>&1
    rc=$?
    set -e
    grep -E '^(Done |stat::number_of_executed_units|stat::peak_rss_mb)' "$scratch/$t.log" || true
    if [ "$rc" -ne 0 ]; then
        tail -n 60 "$scratch/$t.log"
        echo "fuzz target $t failed (exit $rc); input in fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
echo "fuzzing passed"
