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
# The app's tests also write ui/bindings/ afresh from the Rust types (src-tauri/src/bindings.rs).
cargo test --workspace --no-fail-fast
echo "== the page's types: tsc over ui/ against ui/bindings/"
(cd tests/types && npm ci --no-audit --no-fund --silent && npx tsc -p tsconfig.json)
if [ -x scripts/e2e.sh ]; then
  echo "== desktop end-to-end"
  ./scripts/e2e.sh
  echo "== the .deb: built, installed, started, removed"
  ./scripts/deb-check.sh
fi
echo "== generated files are current"
git diff --exit-code -- . ':(exclude)Cargo.lock'
