#!/usr/bin/env bash
# End-to-end test of the desktop app: installs what it needs (Debian
# packages, tauri-driver, the npm test deps), builds the app, and drives the
# real window under a virtual X server. Exits non-zero on failure.
# Usage: scripts/e2e.sh   (from anywhere; root or sudo for apt-get)
#        SCREENSHOTS=docs/screenshots scripts/e2e.sh   refreshes the committed screenshots.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

gen="${GEN_EXPORTS:-$repo/tests/tools/gen_exports.py}"
if [ ! -f "$gen" ]; then
  echo "e2e: $gen is missing: the repository copy of the generator is missing (or set GEN_EXPORTS)." >&2
  exit 2
fi

# Debian packages (WebKitGTK, Xvfb, WebKitWebDriver, fonts): the project's one list.
./scripts/setup-debian.sh
command -v node >/dev/null || { echo "e2e: Node.js is missing (apt-get install nodejs npm)" >&2; exit 1; }

if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --version '^2' --locked
fi
export PATH="$HOME/.cargo/bin:$PATH"

(cd tests/e2e && npm ci --no-audit --no-fund --silent)

target="${CARGO_TARGET_DIR:-$repo/target}"
cargo build -j"${JOBS:-2}" -p lifeboat -p lifeboat-app
export LIFEBOAT_APP="$target/debug/lifeboat-app"
export GEN_EXPORTS="$gen"

# A clean session bus per run, so no dbus or at-spi daemon outlives the test.
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node tests/e2e/run.mjs
