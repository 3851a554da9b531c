#!/usr/bin/env bash
# End-to-end test of the web page (docs/web.md) in Debian's headless Chromium,
# driven by playwright-core. Installs what it needs: Debian's chromium package
# (apt), the wasm32 target (rustup, in build-web.sh) and playwright-core (npm ci,
# version pinned in web/e2e/package-lock.json), and checks that the committed
# editor bundle web/www/editor.js is what web/editor/ builds (npm ci, pinned). Uses the CLI built by
# `cargo test` (target/debug/juknis) unless JUKNIS_BIN names another.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
export JUKNIS_BIN=${JUKNIS_BIN:-$PWD/target/debug/juknis}
[ -x "$JUKNIS_BIN" ] || cargo build --quiet
# The committed editor bundle is what its pinned sources build (npm ci in web/editor).
scripts/build-editor.sh --check
scripts/build-web.sh
(cd web/e2e && npm ci --no-audit --no-fund --loglevel=error)
node web/e2e/periksa.test.mjs
