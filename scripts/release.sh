#!/usr/bin/env bash
# Release artifacts for people without Rust (docs/release.md): a static Linux
# binary (x86_64, musl), the web page as one HTML file, the VS Code extension
# when Node.js is there, and SHA256SUMS, in dist/release/VERSION/. Installs what
# it needs the way the other scripts do: the musl target (rustup) and Debian's
# musl-tools (apt). Windows and macOS binaries are built by the workflow recipe
# in .github/workflows/release.yml on their own runners (no cross toolchain for
# macOS exists here); JUKNIS_WINDOWS=1 also cross-builds Windows x86_64 with
# Debian's mingw-w64.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
out="dist/release/$version"
rm -rf "$out"
mkdir -p "$out"
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
apt_install() {
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Linux x86_64, statically linked (musl): runs on any Linux distribution.
target=x86_64-unknown-linux-musl
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
command -v musl-gcc >/dev/null || apt_install musl-tools
cargo build --release --locked --target "$target"
bin="target/$target/release/juknis"
strip "$bin" 2>/dev/null || true
file "$bin" | grep -q "static" || { echo "not a static binary: $(file "$bin")" >&2; exit 1; }
pkg="juknis-$version-x86_64-linux"
mkdir -p "$out/$pkg"
cp "$bin" README.md "$out/$pkg/"
tar -C "$out" -czf "$out/$pkg.tar.gz" "$pkg"
rm -rf "${out:?}/$pkg"

# Windows x86_64 (optional cross build).
if [ "${JUKNIS_WINDOWS:-0}" = 1 ]; then
  wt=x86_64-pc-windows-gnu
  rustup target list --installed | grep -qx "$wt" || rustup target add "$wt"
  command -v x86_64-w64-mingw32-gcc >/dev/null || apt_install gcc-mingw-w64-x86-64
  cargo build --release --locked --target "$wt"
  wpkg="juknis-$version-x86_64-windows"
  mkdir -p "$out/$wpkg"
  cp "target/$wt/release/juknis.exe" README.md "$out/$wpkg/"
  (cd "$out" && python3 -c "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', '.', sys.argv[1])" "$wpkg")
  rm -rf "${out:?}/$wpkg"
fi

# The web page: one offline HTML file (docs/web.md).
scripts/build-web.sh
cp web/dist/index.html "$out/juknis-$version-web.html"

# The VS Code extension (docs/editor.md), when Node.js and npm are there.
if command -v npm >/dev/null; then
  tmp=$(mktemp -d)
  cp -r editors/vscode/. "$tmp/"
  (cd "$tmp" && npm install --no-audit --no-fund --loglevel=error >/dev/null \
    && npx --yes @vscode/vsce package --allow-missing-repository --skip-license -o "juknis-$version.vsix" >/dev/null)
  cp "$tmp/juknis-$version.vsix" "$out/"
  rm -rf "$tmp"
fi

(cd "$out" && sha256sum -- * > SHA256SUMS)
echo "artifacts in $out:"
(cd "$out" && ls -l && cat SHA256SUMS)
