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
#   RETEST=1 scripts/mutants.sh src/rules src/model
#       # one run over the mutants each folder's earlier run, saved as
#       # target/mutants/NAME.before, missed or timed out on — found again by
#       # their column and description, so moves of whole items and line shifts
#       # do not matter (a sibling with the same column and description is
#       # tested as well)
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
if [ -n "${RETEST:-}" ]; then
  # One run (one baseline build) over every folder named: the mutants each
  # folder's earlier run (target/mutants/NAME.before) missed or timed out on.
  select=(--file "src/plan/**")
  for f in $folders; do
    select+=(--file "$f/**")
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      # `src/x.rs:LINE:COL: description`: the column survives moves of whole
      # items (same indentation) and line shifts; the line and file need not.
      desc=${line#*: }
      col=${line%%: *}
      col=${col##*:}
      esc=$(printf '%s' "$desc" | sed 's/[][\.*^$+?(){}|]/\\&/g')
      select+=(--re "^src/.*\\.rs:[0-9]+:$col: $esc\$")
    done < <(cat "target/mutants/$(basename "$f").before/mutants.out/"{missed,timeout}.txt 2>/dev/null)
  done
  cargo mutants "${select[@]}" --output target/mutants/retest --jobs "${JOBS:-2}" \
    --timeout-multiplier 3 --minimum-test-timeout "${MIN_TIMEOUT:-120}" -- "${tests[@]}" || true
  exit 0
fi
for f in $folders; do
  name=$(basename "$f")
  echo "== $f"
  mkdir -p "target/mutants/$name"
  cargo mutants --file "$f/**" --output "target/mutants/$name" --jobs "${JOBS:-2}" \
    --timeout-multiplier 3 --minimum-test-timeout "${MIN_TIMEOUT:-120}" \
    ${SHARD:+--shard "$SHARD" --sharding round-robin} -- "${tests[@]}" || true
done
