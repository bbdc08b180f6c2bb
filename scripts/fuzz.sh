#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (default 60 s each):
#   bash scripts/fuzz.sh [SECONDS]
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets this machine's stable
# toolchain accept them. Not part of the test command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --version 0.13.2 --locked
export RUSTC_BOOTSTRAP=1
# Seeds: the test fixtures and the bundled dataset.
mkdir -p fuzz/corpus/import_csv fuzz/corpus/import_json
cp e2e/fixtures/*.csv fuzz/corpus/import_csv/
cp assets/data/sapporo.json fuzz/corpus/import_json/
for target in import_json import_csv; do
  echo "== fuzz: $target for ${seconds}s"
  mkdir -p "fuzz/corpus/$target"
  cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536
done
