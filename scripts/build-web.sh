#!/usr/bin/env bash
# Build the web page (docs/web.md): the checker compiled to WebAssembly and the
# page around it, assembled into one self-contained file, web/dist/index.html.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
cargo build --quiet --release --lib --target wasm32-unknown-unknown --manifest-path web/Cargo.toml
cargo run --quiet --bin rakit --manifest-path web/Cargo.toml -- \
  web/target/wasm32-unknown-unknown/release/juknis_web.wasm web/dist
