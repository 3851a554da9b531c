#!/usr/bin/env bash
# Try the CI recipes of docs/ci.md on this machine: the GitHub workflow's, the
# GitLab job's and the pre-commit configuration's `juknis` commands, run with sh
# on conforming and violating files, and scripts/pre-commit in a scratch git
# repository. The work is done by tests/ci_docs.rs, which reads the commands
# from docs/ci.md itself, so the documentation cannot drift from what is tried.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --quiet --test ci_docs -- --nocapture
