#!/usr/bin/env bash
# Serves tsunagu's release build on http://127.0.0.1:8080, after installing
# whatever is missing. Rebuilds when a source file changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
# No autoreload: its injected script would break the Content-Security-Policy.
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080 "$@"
