#!/usr/bin/env bash
# Run the commands of docs/ci.md (GitHub, GitLab, pre-commit) on the bundled
# examples and check their outcome. Exits non-zero on any surprise.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=$PWD/target/debug/juknis
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" check --format github juknis-examples/sesuai/ > "$tmp/gh-ok.txt"
[ ! -s "$tmp/gh-ok.txt" ] || { echo "conforming folder produced annotations"; exit 1; }
set +e
"$bin" check --format github juknis-examples/ > "$tmp/gh.txt"; rc=$?
"$bin" check --format sarif juknis-examples/ > "$tmp/juknis.sarif"
"$bin" check --format json juknis-examples/ > "$tmp/report.json"
set -e
[ "$rc" -eq 1 ] || { echo "expected exit 1, got $rc"; exit 1; }
grep -q '^::error file=juknis-examples/melanggar/' "$tmp/gh.txt"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['version']=='2.1.0' and d['runs'][0]['results']" "$tmp/juknis.sarif"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['format']=='juknis-laporan/1' and d['ringkasan']['error']>0" "$tmp/report.json"
# The pre-commit hook in a scratch repository: a bad staged file blocks the commit.
repo="$tmp/repo"; mkdir "$repo"; cd "$repo"
git init -q && git config user.email t@t && git config user.name t
cp "$OLDPWD/juknis-examples/melanggar/kuota-mutasi-6-persen.juknis" a.juknis
git add a.juknis
if JUKNIS="$bin" "$OLDPWD/scripts/pre-commit" > /dev/null; then echo "hook let a violating file through"; exit 1; fi
cp "$OLDPWD/juknis-examples/sesuai/jatim-sma-2025.juknis" a.juknis
git add a.juknis
JUKNIS="$bin" "$OLDPWD/scripts/pre-commit" > /dev/null
echo "ci examples: ok"
