#!/usr/bin/env bash
# Minimises the committed corpora: a target's inputs are merged into an
# empty directory (libFuzzer `-merge=1`, edges only, as the campaigns
# merge), and the corpus becomes what that merge kept plus every named
# regression input, kept whatever it covers. Inputs named by libFuzzer (the
# SHA-1 of their bytes) that the merge did not keep are removed.
#
#   fuzz/minimize.sh [TARGET...]   # default: every target of targets.sh
#
# Uses the binaries the campaigns build (fuzz/target/none; built when
# missing). Prints each target's count of inputs and bytes before and after.
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=targets.sh
source targets.sh

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${decoders[@]}" "${others[@]}")

hashed='^[0-9a-f]{40}$'
for t in "${targets[@]}"; do
    bin=target/none/x86_64-unknown-linux-gnu/release/$t
    if [ ! -x "$bin" ]; then
        RUSTC_BOOTSTRAP=1 cargo fuzz build --release --debug-assertions -s none \
            --target-dir target/none "$t" >&2
    fi
    [ -d "corpus/$t" ] || { echo "minimize: no corpus/$t" >&2; exit 1; }
    before_n=$(find "corpus/$t" -type f | wc -l)
    before_b=$(du -sb "corpus/$t" | cut -f1)
    out=$(mktemp -d)
    if ! "$bin" -merge=1 -use_counters=0 "$out" "corpus/$t" >"$out.log" 2>&1; then
        tail -n 20 "$out.log" >&2
        echo "minimize: the merge of $t failed" >&2
        exit 1
    fi
    # The named inputs stay; their copies under a hashed name are not added.
    declare -A named=()
    for f in "corpus/$t"/*; do
        n=$(basename "$f")
        [[ $n =~ $hashed ]] && continue
        named[$(sha1sum <"$f" | cut -c1-40)]=1
    done
    for f in "corpus/$t"/*; do
        n=$(basename "$f")
        if [[ $n =~ $hashed ]] && [ ! -e "$out/$n" ]; then rm "$f"; fi
    done
    for f in "$out"/*; do
        [ -e "$f" ] || continue
        n=$(basename "$f")
        [ -n "${named[$n]:-}" ] && continue
        [ -e "corpus/$t/$n" ] || cp "$f" "corpus/$t/$n"
    done
    unset named
    rm -rf "$out" "$out.log"
    after_n=$(find "corpus/$t" -type f | wc -l)
    after_b=$(du -sb "corpus/$t" | cut -f1)
    printf '%-18s %6d inputs %10d bytes -> %6d inputs %10d bytes\n' \
        "$t" "$before_n" "$before_b" "$after_n" "$after_b"
done
