#!/usr/bin/env bash
# Wall time and peak memory of `juknis run` for 100k and 1M applicants over 600
# schools, with the DIY SMA plan (three choices, four jalur, three waves, deferred
# acceptance). Targets (issue 3): 1M under 3 s and 1 GiB on a 2-core machine; 10×
# the applicants at most ~12× the time. Prints figures; asserts nothing.
#
# Each case runs RUNS times (default 5) and prints the fastest, the median and
# the slowest wall time: the machines are shared and one run can be 30% off.
# The last case, 100k over 60 schools, has the same competition as 1M over 600
# (about 18% accepted), so the ratio against it shows how the engine scales with
# size alone; 100k over 600 schools places almost everyone, which is less work
# per applicant (one proposal each, no reserve lists, short result rows).
# `JUKNIS_WAKTU=1 juknis run …` prints the time of each phase.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
cargo build --release --quiet
bin=target/release/juknis
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" compile juknis-examples/sesuai/diy-sma-2025.juknis -o "$dir/plan.json"
declare -A median
for case in 100000:600 1000000:600 100000:60; do
  n=${case%:*}
  s=${case#*:}
  "$bin" synth "$dir/plan.json" --sekolah "$s" --pendaftar "$n" --benih 1 -o "$dir/$case"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" "$bin" run "$dir/plan.json" --sekolah "$dir/$case/sekolah.csv" \
      --pendaftar "$dir/$case/pendaftar.csv" -o "$dir/$case/out" 2>&1 >/dev/null | tail -1
  done | sort -n >"$dir/times"
  med=$(awk -v r="$runs" 'NR == int((r + 1) / 2) {print $1}' "$dir/times")
  median[$case]=$med
  awk -v n="$n" -v s="$s" '{t[NR] = $1; if ($2 > m) m = $2}
    END {printf "%8d applicants, %3d schools: wall min %.2f s, median %.2f s, max %.2f s; peak RSS %d MB\n",
      n, s, t[1], t[int((NR + 1) / 2)], t[NR], m / 1024}' "$dir/times"
done
awk -v a="${median[1000000:600]}" -v b="${median[100000:600]}" -v c="${median[100000:60]}" 'BEGIN {
  printf "1M/100k time ratio (median): %.1fx over 600 schools each; %.1fx at equal competition (100k over 60 schools)\n", a / b, a / c }'
