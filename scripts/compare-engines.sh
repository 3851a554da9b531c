#!/usr/bin/env bash
# Two builds of juknis, the same answers: for every bundled conforming juknis
# (each bagian of one split by jenjang; TK too), compile the plan with each build and compare the JSON,
# then run both on the same synthetic data and compare hasil.csv and
# ringkasan.csv byte for byte. For refactors that must not change behaviour.
#
#   scripts/compare-engines.sh OLD_BINARY NEW_BINARY [APPLICANTS] [SCHOOLS]
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 n=${3:-50000} s=${4:-300}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
# Every plan: a juknis split by jenjang (`bagian SMA { … }`) gives one per bagian.
plans=()
for j in juknis-examples/sesuai/*.juknis; do
  bagian=$(sed -n 's/^ *bagian \([A-Z]*\) {.*/\1/p' "$j")
  if [ -z "$bagian" ]; then plans+=("$j:"); else for b in $bagian; do plans+=("$j:$b"); done; fi
done
for p in "${plans[@]}"; do
  j=${p%:*} jenjang=${p##*:}
  name=$(basename "$j" .juknis)${jenjang:+.$jenjang}
  opt=(); [ -z "$jenjang" ] || opt=(--jenjang "$jenjang")
  "$old" compile "$j" "${opt[@]}" -o "$dir/$name.old.json" >/dev/null
  "$new" compile "$j" "${opt[@]}" -o "$dir/$name.new.json" >/dev/null
  # The compiler's version is in the plan: compare everything else.
  if ! diff <(grep -v '"versi"' "$dir/$name.old.json") <(grep -v '"versi"' "$dir/$name.new.json") >/dev/null; then
    echo "DIFFERENT plan: $name"; fail=1
  fi
  "$old" synth "$dir/$name.old.json" --sekolah "$s" --pendaftar "$n" --benih 7 -o "$dir/$name.data" >/dev/null
  for b in old new; do
    bin=$old; [ $b = new ] && bin=$new
    "$bin" run "$dir/$name.old.json" --sekolah "$dir/$name.data/sekolah.csv" \
      --pendaftar "$dir/$name.data/pendaftar.csv" -o "$dir/$name.$b" >/dev/null 2>&1
  done
  for f in hasil.csv ringkasan.csv; do
    if cmp -s "$dir/$name.old/$f" "$dir/$name.new/$f"; then
      echo "same $name/$f ($(wc -l <"$dir/$name.new/$f") lines)"
    else
      echo "DIFFERENT $name/$f"; fail=1
    fi
  done
done
echo "${#plans[@]} plans compared"
exit $fail
