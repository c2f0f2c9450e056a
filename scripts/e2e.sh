#!/usr/bin/env bash
# End-to-end test of the desktop app: installs what it needs (Debian
# packages, tauri-driver, the npm test deps), builds the app, and drives the
# real window under a virtual X server. Exits non-zero on failure.
# Usage: scripts/e2e.sh   (from anywhere; root or sudo for apt-get)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

gen="${GEN_EXPORTS:-$repo/../shared/tools/gen_exports.py}"
if [ ! -f "$gen" ]; then
  echo "e2e: $gen is missing: the shared generator must sit at ../shared/tools/gen_exports.py beside the repo (or set GEN_EXPORTS)." >&2
  exit 2
fi

packages=(build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev xvfb xauth dbus dbus-x11 at-spi2-core webkit2gtk-driver fonts-noto-cjk nodejs npm python3)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "e2e: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --version '^2' --locked
fi
export PATH="$HOME/.cargo/bin:$PATH"

(cd tests/e2e && npm ci --no-audit --no-fund --silent)

target="${CARGO_TARGET_DIR:-$repo/target}"
cargo build -j"${JOBS:-2}" -p lifeboat-app
export LIFEBOAT_APP="$target/debug/lifeboat-app"
export GEN_EXPORTS="$gen"

# A clean session bus per run, so no dbus or at-spi daemon outlives the test.
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node tests/e2e/run.mjs
