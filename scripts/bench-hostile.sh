#!/usr/bin/env bash
# Peak memory and wall time of `juknis run` on the worst data files (issue 12):
# each must end in a limit error or a bounded result, never an out-of-memory.
# Prints one line per case: exit code, peak RSS, time, and the first line of the
# message. Asserts nothing (machines are noisy); the figures are quoted in
# docs/limits.md. Needs about 5 GB of free memory and disk for the 4 GiB cases;
# SKIP_GROSS=1 leaves them out.
set -uo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet || exit 2
bin=$PWD/target/release/juknis
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" compile juknis-examples/sesuai/jatim-sma-2025.juknis -o "$dir/plan.json" || exit 2
sekolah=juknis-examples/data/sekolah.csv
pendaftar=juknis-examples/data/pendaftar.csv
header=$(head -1 "$pendaftar")

ukur() { # NAME SCHOOLS APPLICANTS [FLAGS...]
  local name=$1 s=$2 p=$3
  shift 3
  local t0=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$dir/rss" "$bin" run "$dir/plan.json" --sekolah "$s" --pendaftar "$p" \
    -o "$dir/out" "$@" >/dev/null 2>"$dir/err"
  local rc=$? t1=$EPOCHREALTIME
  local msg
  msg=$(grep -v '^Command exited' "$dir/err" | head -1 | cut -c1-110)
  awk -v n="$name" -v rc="$rc" -v m="$(tail -1 "$dir/rss")" -v a="$t0" -v b="$t1" -v msg="$msg" \
    'BEGIN {printf "%-44s exit %d  %7.0f MB  %6.2f s  %s\n", n, rc, m / 1024, b - a, msg}'
}

echo "case                                         result  peak RSS    time  message"
ukur "bundled data (1,000 applicants)" "$sekolah" "$pendaftar"
ukur "/dev/zero as applicants" "$sekolah" /dev/zero
ukur "/dev/zero as schools" /dev/zero "$pendaftar"
# 20,000,001 blank lines after the header: the row limit, counted on blank lines.
{ echo "$header"; yes '' | head -n 20000001; } >"$dir/kosong.csv"
ukur "20M blank lines (20 MB)" "$sekolah" "$dir/kosong.csv"
# One 512 MB line: the cell limit, found without splitting the line into cells.
{ echo "$header"; head -c 536870912 /dev/zero | tr '\0' 'a'; echo; } >"$dir/sel.csv"
ukur "one 512 MB cell" "$sekolah" "$dir/sel.csv"
# A stray quote in the first data row, then 1M good rows: one bad row, no swallowing.
"$bin" synth "$dir/plan.json" --sekolah 600 --pendaftar 1000000 --benih 1 -o "$dir/besar" >/dev/null 2>&1
awk -F, 'NR == 2 {sub(/,/, ",\"")} {print}' "$dir/besar/pendaftar.csv" >"$dir/kutip.csv"
ukur "1M rows, stray quote in row 1, skip bad" "$dir/besar/sekolah.csv" "$dir/kutip.csv" --lewati-baris-rusak
# Every row broken (a shifted decimal comma), set aside: the set-aside list is
# the only thing that grows.
awk -F, 'NR == 1 {print; next} {print $0 ",85,5"}' "$dir/besar/pendaftar.csv" >"$dir/rusak.csv"
ukur "1M rows, every row broken, skip bad" "$dir/besar/sekolah.csv" "$dir/rusak.csv" --lewati-baris-rusak
# 1M schools (the schools file has no row limit of its own but the data ones).
{ head -1 "$dir/besar/sekolah.csv"; awk -F, 'NR > 1' "$dir/besar/sekolah.csv" | head -1 |
  awk -F, -v OFS=, '{for (i = 0; i < 1000000; i++) {$1 = 90000000 + i; print}}'; } >"$dir/sekolah1m.csv"
ukur "1M schools" "$dir/sekolah1m.csv" "$pendaftar"
if [ -z "${SKIP_GROSS:-}" ]; then
  # An endless text stream: read up to --batas-ukuran-data (4 GiB), then refused.
  ukur "endless text on a pipe (default 4 GiB)" "$sekolah" <(yes "$header")
  ukur "endless text, --batas-ukuran-data 256 MiB" "$sekolah" <(yes "$header") --batas-ukuran-data 268435456
fi
