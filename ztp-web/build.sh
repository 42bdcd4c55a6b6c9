#!/usr/bin/env bash
# Builds the self-contained page: ztp-web/dist/ztp.html (one file: the
# WebAssembly, its glue and the page's script and style inlined) and prints
# its size, plain and gzipped. Installs wasm-bindgen-cli at the version of
# the wasm-bindgen crate in Cargo.lock when it is missing, and binaryen's
# wasm-opt from the npm registry (pinned) when npm is there.
# Usage: ztp-web/build.sh [OUTPUT.html]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
out="${1:-ztp-web/dist/ztp.html}"
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$version" ]; then
    # With its own lock file when the registry serves every version in it;
    # wasm-bindgen-cli 0.2.130's names a webpki-roots release (1.0.11) that
    # the registry here did not (seen 2026-12-06): then without.
    cargo install --locked --version "$version" wasm-bindgen-cli \
        || cargo install --version "$version" wasm-bindgen-cli
fi
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo build -q --release -p ztp-web --lib --target wasm32-unknown-unknown
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$work" \
    "$target/wasm32-unknown-unknown/release/ztp_web.wasm"
wasm="$work/ztp_web_bg.wasm"
# wasm-opt: binaryen from the npm registry at a pinned version (Debian 12's
# binaryen 108 cannot read what Rust's wasm32 target writes), installed
# under the target directory when npm is there; else a wasm-opt on PATH.
binaryen=132.0.0
tools="$target/ztp-web-tools"
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ] && command -v npm >/dev/null; then
    npm install --silent --no-audit --no-fund --prefix "$tools" "binaryen@$binaryen" >/dev/null \
        || echo "ztp-web: npm could not install binaryen@$binaryen" >&2
fi
if [ -x "$tools/node_modules/.bin/wasm-opt" ]; then
    PATH="$tools/node_modules/.bin:$PATH"
fi
if command -v wasm-opt >/dev/null; then
    # The features come from the module's target_features section, as
    # Rust's wasm32 target wrote them (bulk memory, reference types...);
    # --all-features would let binaryen use ones no browser ships (seen:
    # stringref, refused by Chromium). A binaryen too old to read the
    # module (Debian 12's 108 stops at table.fill) leaves it as
    # wasm-bindgen wrote it.
    if wasm-opt -Oz -o "$work/opt.wasm" "$wasm" 2>"$work/wasm-opt.log"; then
        wasm="$work/opt.wasm"
    else
        echo "ztp-web: $(wasm-opt --version) cannot read this WebAssembly ($(head -c 200 "$work/wasm-opt.log")): not optimised" >&2
    fi
else
    echo "ztp-web: wasm-opt not found (Debian: apt-get install binaryen): the WebAssembly is not optimised" >&2
fi
mkdir -p "$(dirname "$out")"
zversion=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
python3 - "$work/ztp_web.js" "$wasm" "$out" "$zversion" <<'PY'
import base64, hashlib, sys
glue, wasm, out, version = sys.argv[1:5]
page = "ztp-web/page/"
read = lambda p: open(p, encoding="utf-8").read()
worker = read(glue) + "\n" + read(page + "worker.js")
app = read(page + "app.js")
style = read(page + "style.css")
for name, text in (("worker", worker), ("app", app)):
    if "</script" in text.lower():
        sys.exit(f"build.sh: the {name} script contains </script")
sha = lambda t: "'sha256-" + base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() + "'"
html = read(page + "index.html")
parts = {
    "{{SCRIPT_HASH}}": sha(app),
    "{{STYLE_HASH}}": sha(style),
    "{{VERSION}}": "ztp " + version,
    "{{STYLE}}": style,
    "{{WASM_BASE64}}": base64.b64encode(open(wasm, "rb").read()).decode(),
    "{{WORKER}}": worker,
    "{{APP}}": app,
}
for k, v in parts.items():
    if html.count(k) != 1:
        sys.exit(f"build.sh: {k} appears {html.count(k)} times in index.html")
    html = html.replace(k, v)
open(out, "w", encoding="utf-8").write(html)
PY
wasm_size=$(wc -c <"$wasm")
[ "$wasm" = "$work/opt.wasm" ] && optimised="after $(wasm-opt --version | head -1)" || optimised="not optimised"
size=$(wc -c <"$out")
gz=$(gzip -9 -c "$out" | wc -c)
echo "ztp-web: $out: $size bytes, $gz bytes gzipped (WebAssembly $wasm_size bytes, $optimised)"
if [ "$gz" -gt 1048576 ]; then
    echo "ztp-web: the page is over 1 MiB gzipped" >&2
    exit 1
fi
