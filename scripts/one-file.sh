#!/usr/bin/env bash
# Builds the one-file edition (dist-one/tsunagu.html) for seminars and
# projectors: open it from file:// with a double-click, no server, no network.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
trunk build --release --dist dist
node scripts/one-file.mjs dist dist-one/tsunagu.html
