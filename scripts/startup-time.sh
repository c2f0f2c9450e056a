#!/usr/bin/env bash
# Time from launch to the unlock screen's first call, release build, under a
# virtual X server, without WebDriver: the app prints the figure itself when
# LIFEBOAT_TIMING=1. Each run uses a fresh empty vault folder.
# Usage: scripts/startup-time.sh [RUNS]   (build first: cargo build --release -p lifeboat-app)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
app="${CARGO_TARGET_DIR:-target}/release/lifeboat-app"
[ -x "$app" ] || { echo "startup-time: $app is missing: cargo build --release -p lifeboat-app" >&2; exit 2; }
for _ in $(seq "$runs"); do
  vault="$(mktemp -d)"
  log="$vault.log"
  # One X server and session bus per run; the app is stopped once it has told.
  LIFEBOAT_TIMING=1 LIFEBOAT_VAULT="$vault" APP="$app" LOG="$log" \
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
      "$APP" 2>"$LOG" & pid=$!
      for _ in $(seq 300); do grep -q lifeboat-timing "$LOG" && break; sleep 0.05; done
      kill "$pid"; wait "$pid" 2>/dev/null || true' >/dev/null 2>&1 || true
  grep -h lifeboat-timing "$log" || echo "no figure (see $log)"
  rm -rf "$vault" "$log"
done
