#!/usr/bin/env bash
# Wall time of `juknis check` over a folder of 1,000 juknis files of ~300 lines.
# Target (issue 2): under 1 s on a 2-core machine. Prints the figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
src=juknis-examples/sesuai/jatim-sma-2025.juknis
# Pad the example to ~300 lines the same way benches/check.rs does.
python3 - "$src" "$dir" <<'PY'
import sys, os
base = open(sys.argv[1], encoding="utf-8").read()
end = base.rfind("}")
s = base[:end]
i = 0
while s.count("\n") < 295:
    s += (f"\n  // Skor tambahan {i} untuk simulasi juknis panjang.\n"
          f"  skor tambahan_{i} = 50% rapor(semester 1..5, mapel bindo, mtk, bing) + 50% indeks_sekolah_asal\n"
          f"  poin lomba_{i} {{\n    kabupaten_kota juara_1 30, juara_2 25, juara_3 20\n    provinsi       juara_1 50, juara_2 45, juara_3 40\n"
          f"    nasional       juara_1 80, juara_2 70, juara_3 60\n    internasional  juara_1 100, juara_2 95, juara_3 90\n  }}\n")
    i += 1
s += "}\n"
for k in range(1000):
    open(os.path.join(sys.argv[2], f"juknis-{k:04}.juknis"), "w", encoding="utf-8").write(s)
PY
lines=$(wc -l < "$dir/juknis-0000.juknis")
echo "files: 1000 × $lines lines"
for run in 1 2 3; do
  start=$(date +%s.%N)
  ./target/release/juknis check --quiet "$dir" > /dev/null
  end=$(date +%s.%N)
  echo "run $run: $(python3 -c "print(f'{$end-$start:.3f}')") s"
done
