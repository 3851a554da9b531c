#!/usr/bin/env bash
# Usage: scripts/bench-duckdb.sh [WORK] — `juknis run` against the same
# single-choice selection written independently in DuckDB SQL
# (../shared/perf/select.duckdb.sql), on 1M applicants over 600 schools, as
# ../shared/perf/vs-duckdb.sh does, with the repository's copy of its plan
# (scripts/bench/tunggal-sma.juknis: the checker accepts it; same selection).
# Rounds are interleaved (juknis, DuckDB, …) with a pause before every run
# (PAUSE, default 5 s): a Dinas runs the selection once, cold. ROUNDS (default
# 5) timed rounds after one warm-up round. Prints both medians, the ratio,
# juknis's peak RSS, and whether the results are identical (hasil.csv's first
# 8 columns against DuckDB's output). Needs python3 with venv (it installs
# duckdb and polars from PyPI into WORK/venv, by ../shared/perf/setup.sh).
# OLD=path/to/another/juknis adds that binary to every round (before/after).
set -euo pipefail
[ -z "${OLD:-}" ] || OLD=$(realpath "$OLD")
cd "$(dirname "$0")/.."
perf=$(realpath ../shared/perf)
[ -x "$perf/run-duckdb.py" ] || { echo "bench-duckdb: no ../shared/perf" >&2; exit 2; }
work=$(mkdir -p "${1:-target/bench-duckdb}" && realpath "${1:-target/bench-duckdb}")
rounds=${ROUNDS:-5}
pause=${PAUSE:-5}
cargo build --release --quiet
bin=$PWD/target/release/juknis
"$perf/setup.sh" "$work" >/dev/null 2>&1 || {
  # setup.sh also wants the sqlite3 CLI (for another baseline): duckdb is enough here.
  [ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q duckdb
}
py=$work/venv/bin/python
"$bin" compile scripts/bench/tunggal-sma.juknis -o "$work/tunggal.plan.json" >/dev/null
[ -f "$work/t1M/pendaftar.csv" ] ||
  "$bin" synth "$work/tunggal.plan.json" --sekolah 600 --pendaftar 1000000 --benih 1 -o "$work/t1M" >/dev/null
cd "$work"
jt=(); dt=(); ot=(); rss=0; orss=0
# One cold run of binary $1 writing to $2: sets t (seconds) and m (peak RSS, kB).
run1() {
  sleep "$pause"
  local t0=$EPOCHREALTIME
  /usr/bin/time -o rss.txt -f %M "$1" run tunggal.plan.json --sekolah t1M/sekolah.csv --pendaftar t1M/pendaftar.csv -o "$2" >/dev/null 2>&1
  t=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{print b-a}')
  m=$(tail -1 rss.txt)
}
# This build (j) or OLD (o); times kept from round 1 on.
run_j() { run1 "$bin" out-j; if [ "$r" -gt 0 ]; then jt+=("$t"); fi; rss=$((m > rss ? m : rss)); }
run_o() { run1 "$OLD" out-o; if [ "$r" -gt 0 ]; then ot+=("$t"); fi; orss=$((m > orss ? m : orss)); }
for r in $(seq 0 "$rounds"); do
  # With OLD, the two builds swap places every round: the run right after
  # DuckDB's process finds memory in another state than the run after it.
  if [ -z "${OLD:-}" ]; then run_j
  elif [ $((r % 2)) -eq 0 ]; then run_j; run_o
  else run_o; run_j
  fi
  sleep "$pause"; t0=$EPOCHREALTIME
  "$py" "$perf/run-duckdb.py" t1M/sekolah.csv t1M/pendaftar.csv out-d.csv >/dev/null
  t1=$EPOCHREALTIME
  if [ "$r" -gt 0 ]; then dt+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"); fi
done
cut -d, -f1-8 out-j/hasil.csv > out-j.8.csv
same=$(cmp -s out-j.8.csv out-d.csv && echo yes || echo no)
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
mj=$(med "${jt[@]}"); md=$(med "${dt[@]}")
if [ -n "${OLD:-}" ]; then
  mo=$(med "${ot[@]}")
  printf 'OLD (%s): median %.3f s (runs: %s), peak RSS %d MB, OLD/DuckDB %.2f, hasil.csv identical to this build'"'"'s: %s\n' \
    "$OLD" "$mo" "${ot[*]}" $((orss / 1024)) "$(awk -v a="$mo" -v b="$md" 'BEGIN{printf "%.2f", a/b}')" \
    "$(cmp -s out-o/hasil.csv out-j/hasil.csv && echo yes || echo no)"
fi
printf 'single choice, 1M applicants / 600 schools, cold (pause %s s), %s rounds: juknis median %.3f s (runs: %s), peak RSS %d MB; DuckDB median %.3f s (runs: %s); juknis/DuckDB %.2f; identical results: %s\n' \
  "$pause" "$rounds" "$mj" "${jt[*]}" $((rss / 1024)) "$md" "${dt[*]}" "$(awk -v a="$mj" -v b="$md" 'BEGIN{printf "%.2f", a/b}')" "$same"
