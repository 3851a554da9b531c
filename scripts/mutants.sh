#!/usr/bin/env bash
# Mutation testing (issue 13): cargo-mutants changes the code of the checker's
# rules, the model and the engine one small edit at a time and runs the tests;
# a mutant the tests do not catch is a behaviour no test pins down. Slow (about
# 15 s per mutant on 2 cores, ~2,200 mutants in the three folders): not part of
# .ci/run. Installs cargo-mutants when missing.
#
#   scripts/mutants.sh                     # src/rules, src/model, src/engine
#   scripts/mutants.sh src/rules           # one folder
#   SHARD=0/10 scripts/mutants.sh src/rules  # every tenth mutant (round-robin sample)
#   ITERATE=1 scripts/mutants.sh src/rules   # retest only what the last run did not catch
#
# Results (caught / missed / timeout / unviable, and each missed mutant) are in
# target/mutants/FOLDER/mutants.out/. The tests run are those that exercise the
# checker and engine in seconds; the fuzz-corpus replay, report formats and
# integrity tests (a minute together) are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked
folders=${*:-src/rules src/model src/engine}
tests=(--lib --test examples --test verdicts --test batas_aturan --test contoh_aturan --test kursi --test nilai --test engine --test golden
  --test properties --test hostile --test rulebook --test fmt --test cli --test init
  --test tinjauan --test docs)
for f in $folders; do
  name=$(basename "$f")
  echo "== $f"
  mkdir -p "target/mutants/$name"
  cargo mutants --file "$f/**" --output "target/mutants/$name" --jobs "${JOBS:-2}" \
    --timeout-multiplier 3 ${SHARD:+--shard "$SHARD" --sharding round-robin} ${ITERATE:+--iterate} -- "${tests[@]}" || true
done
