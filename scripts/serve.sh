#!/usr/bin/env bash
# Serves tsunagu's release build on http://127.0.0.1:8080, after installing
# whatever is missing. Rebuilds when a source file changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
exec trunk serve --release --address 127.0.0.1 --port 8080 "$@"
