#!/usr/bin/env bash
# Runs the benchmarks of issue #8 and checks their ratio goals (BENCHMARKS.md).
# Not part of the test command: it builds the native bench at opt-level 3 and
# the wasm bench core at each opt-level, runs the native half
# (tsunagu-bench), then the browser half in headless Chromium
# (scripts/bench.mjs, which also measures the shipped app in --dist DIR).
# Exits non-zero if a ratio goal is missed or any checksum disagrees.
#
#   bash scripts/bench.sh [--dist DIR] [--update-doc] [--quick]
#
# BENCH_LEVELS="z s 3" picks the wasm opt-levels (3 is needed for ratio 1).
set -euo pipefail
cd "$(dirname "$0")/.."

LEVELS=${BENCH_LEVELS:-"z s 3"}
OUT=target/bench
mkdir -p "$OUT"
[ -d node_modules/graphology-shortest-path ] || npm ci --no-audit --no-fund
# binaryen's wasm-opt from npm (Debian's is too old for today's wasm).
export PATH="$PWD/node_modules/.bin:$PATH"

# The bench core goes through the same wasm-opt settings as the app (index.html's
# one rust link): trunk runs `wasm-opt -O<level> <params>`, and none at level 0.
wasm_opt_level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html | head -n 1)
read -r -a wasm_opt_params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -n 1)"
case "$wasm_opt_level" in
  0) export BENCH_WASM_OPT="none" ;;
  [0-9sz]) export BENCH_WASM_OPT="-O$wasm_opt_level ${wasm_opt_params[*]}" ;;
  *) echo "index.html's data-wasm-opt is '$wasm_opt_level': give a level (0-4, s or z)" >&2; exit 1 ;;
esac

quick=()
for arg in "$@"; do [ "$arg" = --quick ] && quick=(--quick); done

# Each build has its own target directory, so switching opt-level never
# rebuilds another and a rerun compiles nothing.
# Cargo.toml ships serde_json at opt-level "s" (a per-package override); the
# "z" build keeps it, as shipped, and every other build runs all at its level.
serde_json_at() {
  case "$1" in
    z | s) echo 'profile.release.package.serde_json.opt-level="s"' ;;
    *) echo "profile.release.package.serde_json.opt-level=$1" ;;
  esac
}
echo "building the native bench (opt-level 3)…" >&2
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR="$OUT/native" \
  cargo build --release --quiet -p tsunagu-bench --config "$(serde_json_at 3)"
for level in $LEVELS; do
  echo "building the wasm bench core (opt-level $level)…" >&2
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level CARGO_TARGET_DIR="$OUT/wasm-$level" \
    cargo build --release --quiet --target wasm32-unknown-unknown -p tsunagu-bench-wasm \
    --config "$(serde_json_at "$level")"
  rm -rf "$OUT/pkg-$level"
  wasm-bindgen --target web --out-dir "$OUT/pkg-$level" \
    "$OUT/wasm-$level/wasm32-unknown-unknown/release/tsunagu_bench_wasm.wasm"
  # Keep the raw module for its size; the page runs it after wasm-opt, as trunk ships the app.
  mv "$OUT/pkg-$level/tsunagu_bench_wasm_bg.wasm" "$OUT/pkg-$level/raw.wasm"
  if [ "$wasm_opt_level" = 0 ]; then
    cp "$OUT/pkg-$level/raw.wasm" "$OUT/pkg-$level/tsunagu_bench_wasm_bg.wasm"
  else
    wasm-opt "-O$wasm_opt_level" "${wasm_opt_params[@]}" "$OUT/pkg-$level/raw.wasm" -o "$OUT/pkg-$level/tsunagu_bench_wasm_bg.wasm"
  fi
done

status=0
echo "running the native half…" >&2
"$OUT/native/release/tsunagu-bench" --json "$OUT/native.json" "${quick[@]}" | tee "$OUT/native.md" || status=1
echo "running the browser half…" >&2
node scripts/bench.mjs --native "$OUT/native.json" --native-md "$OUT/native.md" --levels "$LEVELS" "$@" || status=1
exit $status
