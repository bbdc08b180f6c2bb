#!/usr/bin/env bash
# Runs every test of tsunagu, after installing whatever is missing:
# formatting, lints (native and wasm32), native tests, in-browser tests, and
# end-to-end tests against the release build. Stops at the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== test: %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (workspace, native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (app, wasm32)"
cargo clippy -p tsunagu --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "cargo test (workspace, native)"
cargo test --workspace --locked

step "wasm-bindgen-test (app, headless Chromium)"
cargo test -p tsunagu --target wasm32-unknown-unknown --locked

step "trunk build --release, and the one-file edition"
trunk build --release --dist dist
node scripts/one-file.mjs dist dist-one/tsunagu.html

step "Playwright end-to-end (release build, headless Chromium)"
node --test --test-concurrency=1 e2e/

printf '\n\033[1m== test: all passed\033[0m\n'
