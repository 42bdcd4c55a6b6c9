#!/usr/bin/env bash
# Fuzzing campaigns that finish: runs targets one after another, each to a
# number of executions, merges each run's new inputs into the committed
# corpus and appends a row to the campaign table of fuzz/README.md.
#
#   fuzz/campaign.sh [--asan] [--runs N] [--nice] TARGET...
#   fuzz/campaign.sh --decoders | --others | --asan-targets   # the issue's lists
#   fuzz/campaign.sh --status [TARGET...]   # executions per target on today's sources
#
# Without a sanitizer by default (`cargo fuzz build -s none
# --release --debug-assertions`: the crates forbid unsafe code, a panic is
# what the fuzzer catches, about 6x faster than under ASAN); `--asan` builds
# with the address sanitizer (for the targets that reach dependencies'
# unsafe code: pcap-parser, nom, memchr), without debug assertions.
# `--runs` defaults to 100,000,000 for the decoders and 10,000,000 for the
# others (`-runs=N`: libFuzzer's count of executions). Long campaigns run in the background:
#
#   nohup fuzz/campaign.sh --decoders > /tmp/campaign.log 2>&1 &
#
# Each row records a hash of the source files the target compiles from the
# project's crates (the `.d` dep-info file cargo writes beside the binary:
# every file of this repository it names, by path and content). Runs of one
# target add up while that hash is the same (`--status` sums them), so a
# campaign may span sessions; a change to any of those files starts the
# count again. A crash stops that target's run: its input is left in
# fuzz/artifacts/<target>/ and named in the row, and the campaign goes on
# with the next target.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)

# shellcheck source=targets.sh
source targets.sh

sanitizer=none
runs=""
status=false
nice_level=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --asan) sanitizer=address ;;
        --runs) runs="$2"; shift ;;
        --nice) nice_level=19 ;;
        --status) status=true ;;
        --decoders) targets+=("${decoders[@]}") ;;
        --others) targets+=("${others[@]}") ;;
        --asan-targets) sanitizer=address; runs="${runs:-10000000}"; targets+=("${asan_targets[@]}") ;;
        -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
        -*) echo "campaign: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
if [ ${#targets[@]} -eq 0 ]; then
    if $status; then
        targets=("${decoders[@]}" "${others[@]}")
    else
        echo "campaign: name targets, or --decoders / --others / --asan-targets (--help)" >&2
        exit 2
    fi
fi

is_decoder() {
    local t
    for t in "${decoders[@]}"; do [ "$t" = "$1" ] && return 0; done
    return 1
}

goal() {
    if is_decoder "$1"; then echo 100000000; else echo 10000000; fi
}

target_dir() {
    if [ "$1" = address ]; then echo target/asan; else echo target/none; fi
}

binary() {
    echo "$(target_dir "$2")/x86_64-unknown-linux-gnu/release/$1"
}

# The hash of the repository's files the target's binary was built from
# (its dep-info), each as its path relative to the repository and its bytes.
source_hash() {
    local dep
    dep="$(binary "$1" "$2").d"
    [ -f "$dep" ] || { echo "campaign: no dep-info $dep" >&2; return 1; }
    sed 's/^[^:]*: //' "$dep" | tr ' ' '\n' | grep -v '^$' | grep "^$root/" \
        | grep -v "^$root/fuzz/target/" | sort -u \
        | while read -r f; do
            printf '%s\n' "${f#"$root"/}"
            sha256sum <"$f" | cut -d' ' -f1
        done | sha256sum | cut -c1-12
}

build() {
    local t=$1 s=$2
    if ! cargo fuzz --version >/dev/null 2>&1; then
        cargo install cargo-fuzz --version 0.13.2 --locked
    fi
    # Debug assertions only without a sanitizer: the address sanitizer is
    # here for dependencies' unsafe code, and the -s none run of the same
    # target has the assertions (under ASAN they halve `explain`'s rate:
    # its caches cross-check every hit against a fresh computation).
    local assertions=--debug-assertions
    [ "$s" = address ] && assertions=
    RUSTC_BOOTSTRAP=1 cargo fuzz build --release $assertions -s "$s" \
        --target-dir "$(target_dir "$s")" "$t" >&2
}

readme=README.md
header_line="| target | commit | sources | sanitizer | executions | time | coverage at the end | crashes |"

# Appends a row to the campaign table (created at the end of the README the
# first time), under a lock: campaigns may run at once. The lock file stays
# (in the ignored target/): removing it would let a third campaign lock a
# new file while a second still writes under the old one.
append_row() {
    (
        flock 9
        if ! grep -qF "$header_line" "$readme"; then
            {
                echo
                echo "## Campaign log"
                echo
                echo "Written by \`fuzz/campaign.sh\`, one row per run, in the order they ended;"
                echo "\`sources\` is the hash of the files the target compiles from the project's"
                echo "crates (runs with the same hash add up: \`fuzz/campaign.sh --status\`)."
                echo "Coverage is libFuzzer's at the end of the run (\`cov\`: edges, \`ft\`:"
                echo "features); an ASAN build counts more."
                echo
                echo "$header_line"
                echo "| --- | --- | --- | --- | ---: | ---: | --- | --- |"
            } >>"$readme"
        fi
        echo "$1" >>"$readme"
    ) 9>>target/campaign.lock
}

# Executions of `target` (and sanitizer) recorded with `hash`.
recorded() {
    local t=$1 h=$2 s=$3
    grep -F "| $t | " "$readme" | awk -F'|' -v h=" $h " -v s=" $s " \
        '$4 == h && $5 == s { gsub(/[ ,]/, "", $6); sub(/\(.*/, "", $6); n += $6 } END { print n + 0 }'
}

commas() {
    echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
}

duration() {
    if [ "$1" -lt 120 ]; then echo "$1 s"; else echo "$(( ($1 + 30) / 60 )) min"; fi
}

if $status; then
        printf '%-18s %-9s %-13s %15s %15s\n' target sanitizer sources executions goal
    for t in "${targets[@]}"; do
        for s in none address; do
            [ -f "$(binary "$t" "$s").d" ] || continue
            h=$(source_hash "$t" "$s")
            n=$(recorded "$t" "$h" "$s")
            printf '%-18s %-9s %-13s %15s %15s\n' "$t" "$s" "$h" "$(commas "$n")" "$(commas "$(goal "$t")")"
        done
    done
    exit 0
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for t in "${targets[@]}"; do
    n=${runs:-$(goal "$t")}
    echo "== campaign $t: $(commas "$n") executions, sanitizer $sanitizer"
    build "$t" "$sanitizer"
    bin=$(binary "$t" "$sanitizer")
    hash=$(source_hash "$t" "$sanitizer")
    commit=$(git -C "$root" rev-parse --short HEAD)
    if ! git -C "$root" diff --quiet HEAD -- . ':!fuzz/corpus' ':!fuzz/README.md' ':!fuzz/artifacts'; then
        commit="$commit+changes"
    fi
    mkdir -p "$scratch/$t" "corpus/$t" "artifacts/$t"
    start=$(date +%s)
    set +e
    nice -n "$nice_level" "$bin" "$scratch/$t" "corpus/$t" -runs="$n" -dict="$(dict "$t")" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="artifacts/$t/" >"$scratch/$t.log" 2>&1
    rc=$?
    set -e
    secs=$(( $(date +%s) - start ))
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$t.log" | tail -1)
    done_runs=${done_runs:-0}
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$scratch/$t.log" | tail -1 | sed 's/cov: \([0-9]*\) ft: \([0-9]*\)/cov \1, ft \2/')
    if [ "$rc" -eq 0 ]; then
        crashes=0
    else
        artifact=$(grep -oE "artifacts/$t/[^ ]+" "$scratch/$t.log" | tail -1)
        crashes="1: ${artifact:-exit $rc} (stopped; see the log's last lines)"
        tail -n 40 "$scratch/$t.log" >&2
        failed=1
    fi
    # New inputs into the committed corpus: edges only (a small corpus);
    # named regression inputs stay, as -merge=1 only adds.
    if [ "$rc" -eq 0 ]; then
        "$bin" -merge=1 -use_counters=0 "corpus/$t" "$scratch/$t" >"$scratch/$t.merge.log" 2>&1 || true
    fi
    rate=$(( done_runs / (secs > 0 ? secs : 1) ))
    row="| $t | $commit | $hash | $sanitizer | $(commas "$done_runs") ($(commas "$rate")/s) | $(duration "$secs") | ${cov:-?} | $crashes |"
    append_row "$row"
    echo "$row"
    rm -rf "${scratch:?}/$t"
done
exit "$failed"
