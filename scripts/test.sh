#!/usr/bin/env bash
# Run every test Lifeboat has: formatting, lints, unit and integration tests of
# the core and CLI, and the end-to-end tests of the desktop app under Xvfb.
# This is the README's test command and exactly what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-debian.sh
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

echo "== rustfmt"
cargo fmt --all -- --check
echo "== clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo deny (licences, duplicate majors, sources; deny.toml)"
# Advisories need the RustSec database from GitHub, which CI cannot reach:
# SECURITY.md, "Advisories", says how they are checked.
cargo deny --locked --workspace check licenses bans sources
echo "== tests"
cargo test --workspace
if [ -x scripts/e2e.sh ]; then
  echo "== desktop end-to-end"
  ./scripts/e2e.sh
  echo "== the .deb: built, installed, started, removed"
  ./scripts/deb-check.sh
fi
echo "== generated files are current"
git diff --exit-code -- . ':(exclude)Cargo.lock'
