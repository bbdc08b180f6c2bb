# The one place where tsunagu's tool versions are pinned. Sourced by the other
# scripts. Copies that other tools insist on (Cargo.toml's wasm-bindgen,
# Trunk.toml's [tools], package.json's binaryen) are checked against these by
# tests/tidy.rs, so they cannot drift apart.

# cargo install trunk: 0.22 needs a newer rustc than Debian 12 machines carry here.
TRUNK_VERSION=0.21.14
# wasm-bindgen: the CLI must equal the crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
# wasm-opt comes from npm's binaryen: Debian's binaryen 108 cannot read today's wasm.
BINARYEN_VERSION=132.0.0
# Browser automation: never the `playwright` package, which downloads a browser.
PLAYWRIGHT_CORE_VERSION=1.65.1
AXE_CORE_VERSION=4.14.1
# Debian packages for the browser the tests drive.
# fonts-noto-cjk: Japanese glyphs for screenshots taken on a bare machine.
APT_PACKAGES="chromium chromium-driver fonts-noto-cjk"
