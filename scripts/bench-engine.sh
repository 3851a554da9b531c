#!/usr/bin/env bash
# Wall time and peak memory of `juknis run` (docs/development.md, issue 18), cold
# and warm, printed apart. Asserts nothing: the figures are for the reader.
#
#   scripts/bench-engine.sh            # DIY SMA plan (3 choices, 4 jalur, 3 waves,
#                                      # deferred acceptance) at 100k, 1M, 3M over
#                                      # 600 schools and 100k over 60; then the
#                                      # single-choice plan at 1M against DuckDB
#   CASES="1000000:600" RUNS=3 scripts/bench-engine.sh
#
# Cold: a pause (PAUSE, default 5 s) before every run — a Dinas runs the
# selection once, and on this kind of VM a run right after another finds its
# memory warm and takes about half the time. Warm: one run not counted, then
# RUNS back to back. RUNS (default 5) per mode and case; min, median and max
# wall time, and the highest peak RSS. The growth exponent is
# log(t_3M / t_100k) / log(30) from the cold medians over 600 schools.
# OLD=path/to/another/juknis runs that binary too, interleaved with this one
# run for run (same data, same pauses), for before/after figures from one run
# of the script; its outputs are compared byte for byte with this build's.
# DUCKDB=0 skips the DuckDB comparison (scripts/bench-duckdb.sh; it needs
# python3 -m venv and PyPI). `JUKNIS_WAKTU=1 juknis run …` prints each phase's
# time and memory.
set -euo pipefail
[ -z "${OLD:-}" ] || OLD=$(realpath "$OLD")
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
pause=${PAUSE:-5}
cases=${CASES:-"100000:600 1000000:600 3000000:600 100000:60"}
cargo build --release --quiet
bin=target/release/juknis
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" compile juknis-examples/sesuai/diy-sma-2025.juknis -o "$dir/plan.json"
for case in $cases; do
  "$bin" synth "$dir/plan.json" --sekolah "${case#*:}" --pendaftar "${case%:*}" --benih 1 -o "$dir/$case" >/dev/null
done
bins=("$PWD/$bin")
[ -z "${OLD:-}" ] || bins+=("$OLD")
# One run of binary B: "wall_s peak_rss_kb" appended to FILE.
one() {
  local case=$1 file=$2 b=${3:-${bins[0]}} t0 t1 rss out
  out="$dir/$case/out"
  [ "$b" = "${bins[0]}" ] || out="$dir/$case/out-old"
  t0=$EPOCHREALTIME
  rss=$(/usr/bin/time -f "%M" "$b" run "$dir/plan.json" --sekolah "$dir/$case/sekolah.csv" \
    --pendaftar "$dir/$case/pendaftar.csv" -o "$out" 2>&1 >/dev/null | tail -1)
  t1=$EPOCHREALTIME
  [ -z "$file" ] || awk -v a="$t0" -v b="$t1" -v m="$rss" 'BEGIN {printf "%.4f %d\n", b - a, m}' >>"$file"
}
show() {
  sort -n "$1" -o "$1"
  awk -v label="$2" '{t[NR] = $1; if ($2 > m) m = $2}
    END {printf "%-34s wall min %.3f s, median %.3f s, max %.3f s; peak RSS %d MB\n",
      label, t[1], t[int((NR + 1) / 2)], t[NR], m / 1024}' "$1"
}
declare -A cold
for case in $cases; do
  n=${case%:*}; s=${case#*:}
  for r in $(seq 1 "$runs"); do
    for i in "${!bins[@]}"; do sleep "$pause"; one "$case" "$dir/$case/cold$i" "${bins[$i]}"; done
  done
  for i in "${!bins[@]}"; do one "$case" "" "${bins[$i]}"; done
  for r in $(seq 1 "$runs"); do
    for i in "${!bins[@]}"; do one "$case" "$dir/$case/warm$i" "${bins[$i]}"; done
  done
  for i in "${!bins[@]}"; do
    who=""; [ "$i" = 0 ] || who=" (OLD)"
    show "$dir/$case/cold$i" "$(printf '%8d / %3d cold%s' "$n" "$s" "$who")"
    show "$dir/$case/warm$i" "$(printf '%8d / %3d warm%s' "$n" "$s" "$who")"
  done
  if [ "${#bins[@]}" -gt 1 ]; then
    same=yes
    for f in hasil.csv ringkasan.csv; do cmp -s "$dir/$case/out/$f" "$dir/$case/out-old/$f" || same=no; done
    echo "                                   hasil.csv and ringkasan.csv identical to OLD's: $same"
  fi
  cold[$case]=$(awk -v r="$runs" 'NR == int((r + 1) / 2) {print $1}' "$dir/$case/cold0")
done
if [ -n "${cold[100000:600]:-}" ] && [ -n "${cold[3000000:600]:-}" ]; then
  awk -v a="${cold[100000:600]}" -v b="${cold[3000000:600]}" 'BEGIN {
    printf "growth exponent 100k -> 3M over 600 schools (cold medians): %.2f\n", log(b / a) / log(30) }'
fi
if [ "${DUCKDB:-1}" = 1 ]; then
  if [ -x ../shared/perf/run-duckdb.py ] && python3 -c 'import venv' 2>/dev/null; then
    ROUNDS=$runs PAUSE=$pause scripts/bench-duckdb.sh || echo "DuckDB comparison failed" >&2
  else
    echo "DuckDB comparison skipped: no ../shared/perf or no python3 venv"
  fi
fi
