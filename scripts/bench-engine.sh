#!/usr/bin/env bash
# Wall time and peak memory of `juknis run` for 100k and 1M applicants over 600
# schools, with the DIY SMA plan (three choices, four jalur, three waves, deferred
# acceptance). Targets (issue 3): 1M under 3 s and 1 GiB on a 2-core machine; 10×
# the applicants at most ~12× the time. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/juknis
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" compile juknis-examples/sesuai/diy-sma-2025.juknis -o "$dir/plan.json"
for n in 100000 1000000; do
  "$bin" synth "$dir/plan.json" --sekolah 600 --pendaftar "$n" --benih 1 -o "$dir/$n"
  echo "== $n applicants, 600 schools =="
  /usr/bin/time -f "wall %e s, peak RSS %M KB" env JUKNIS_WAKTU=1 "$bin" run "$dir/plan.json" \
    --sekolah "$dir/$n/sekolah.csv" --pendaftar "$dir/$n/pendaftar.csv" -o "$dir/$n/out" 2>&1 \
    | grep -E "^(wall|waktu)"
done
