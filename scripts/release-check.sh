#!/usr/bin/env bash
# The README's "Without Rust" steps, followed on the artifacts scripts/release.sh
# built, in an empty folder with an environment that has no Rust toolchain
# (PATH=/usr/bin:/bin, no HOME, no CARGO_*): verify the checksums, unpack, run
# `juknis check` on a bundled example and `juknis --help`. Prints what it did;
# fails on the first step that fails. Run by hand after scripts/release.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
rel="$PWD/dist/release/$version"
[ -f "$rel/SHA256SUMS" ] || { echo "no $rel/SHA256SUMS: run scripts/release.sh first" >&2; exit 2; }
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
# What a user downloads: the archive and the checksums, and a juknis of theirs.
cp "$rel"/juknis-*-x86_64-linux.tar.gz "$rel/SHA256SUMS" "$fresh/"
cp juknis-examples/sesuai/diy-sma-2025.juknis "$fresh/draf.juknis"
env -i PATH=/usr/bin:/bin bash -euo pipefail -c '
  cd "$1"
  if command -v cargo rustc >/dev/null 2>&1; then echo "a Rust toolchain is on PATH" >&2; exit 2; fi
  echo "\$ sha256sum -c SHA256SUMS --ignore-missing"
  sha256sum -c SHA256SUMS --ignore-missing
  echo "\$ tar xzf juknis-*-x86_64-linux.tar.gz"
  tar xzf juknis-*-x86_64-linux.tar.gz
  bin=$(ls -d juknis-*/)juknis
  echo "\$ file $bin"
  kind=$(file "$bin")
  echo "$kind"
  case "$kind" in *static*) ;; *) echo "the binary is not statically linked" >&2; exit 1 ;; esac
  echo "\$ ./$bin check draf.juknis"
  "./$bin" check draf.juknis
  echo "\$ ./$bin --help | head -3"
  "./$bin" --help | head -3
' _ "$fresh"
echo "release-check: the README steps work without Rust"
