#!/usr/bin/env bash
# Run every fuzz target for a bounded time (default 600 s each), corpus seeded
# from the bundled examples. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Crashes land in fuzz/artifacts/<target>/; turn
# each into a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
mkdir -p fuzz/corpus/periksa fuzz/corpus/format fuzz/corpus/rencana fuzz/corpus/jalankan fuzz/corpus/csv
cp -n juknis-examples/sesuai/*.juknis juknis-examples/melanggar/*.juknis fuzz/corpus/periksa/ 2>/dev/null || true
cp -n juknis-examples/sesuai/*.juknis fuzz/corpus/format/ 2>/dev/null || true
if [ -z "$(ls -A fuzz/corpus/rencana)" ]; then
  cargo run --quiet -- compile juknis-examples/sesuai/jatim-sma-2025.juknis -o fuzz/corpus/rencana/jatim.json
fi
if [ -z "$(ls -A fuzz/corpus/jalankan)" ]; then
  { cat juknis-examples/data/sekolah.csv; printf '\xff'; head -40 juknis-examples/data/pendaftar.csv; } > fuzz/corpus/jalankan/jatim-40
fi
if [ -z "$(ls -A fuzz/corpus/csv)" ]; then
  head -60 juknis-examples/data/pendaftar.csv > fuzz/corpus/csv/jatim-60
fi
for t in ${TARGETS:-periksa format rencana jalankan csv}; do
  echo "== $t: ${secs}s =="
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536
done
