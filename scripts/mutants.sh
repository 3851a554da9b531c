#!/usr/bin/env bash
# Mutation testing (issue 13): cargo-mutants changes the code of the checker's
# rules, the model and the engine one small edit at a time and runs the tests;
# a mutant the tests do not catch is a behaviour no test pins down. Slow (10–20 s
# per mutant on 2 cores, ~2,200 mutants in the three folders): not part of
# .ci/run. Installs cargo-mutants when missing.
#
#   scripts/mutants.sh                       # src/rules, src/model, src/engine
#   scripts/mutants.sh src/rules             # one folder
#   SHARD=0/10 scripts/mutants.sh src/rules  # every tenth mutant (round-robin sample)
#   RETEST=target/mutants/rules.before scripts/mutants.sh src/rules
#       # only the mutants an earlier run missed or timed out on, found again by
#       # their description (file moves and line shifts do not matter)
#
# Results (caught / missed / timeout / unviable, and each missed mutant) are in
# target/mutants/FOLDER/mutants.out/. The tests run are those that exercise the
# checker and engine in seconds, and the CSV integrity tests (about 20 s: they
# pin the strict reader in src/engine/data); the fuzz-corpus replay and report
# formats (minutes) are left out. docs/development.md lists the survivors
# judged equivalent.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked
folders=${*:-src/rules src/model src/engine}
tests=(--lib --test examples --test verdicts --test batas_aturan --test contoh_aturan
  --test kursi --test nilai --test engine --test golden --test properties --test hostile
  --test rulebook --test fmt --test cli --test init --test tinjauan --test docs
  --test integritas)
for f in $folders; do
  name=$(basename "$f")
  echo "== $f"
  mkdir -p "target/mutants/$name"
  select=(--file "$f/**")
  if [ -n "${RETEST:-}" ]; then
    # The seat arithmetic, percentages and dates moved from src/model to src/plan.
    select=(--file "$f/**" --file "src/plan/**")
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      desc=${line#*: }
      # Escape the description for a regex; any file, any line.
      esc=$(printf '%s' "$desc" | sed 's/[][\.*^$+?(){}|]/\\&/g')
      select+=(--re "^src/.*\\.rs:[0-9]+:[0-9]+: $esc\$")
    done < <(cat "$RETEST/mutants.out/missed.txt" "$RETEST/mutants.out/timeout.txt" 2>/dev/null)
  fi
  cargo mutants "${select[@]}" --output "target/mutants/$name" --jobs "${JOBS:-2}" \
    --timeout-multiplier 3 --minimum-test-timeout "${MIN_TIMEOUT:-120}" ${SHARD:+--shard "$SHARD" --sharding round-robin} \
    -- "${tests[@]}" || true
done
