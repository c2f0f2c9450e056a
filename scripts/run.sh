#!/usr/bin/env bash
# Build and start Lifeboat: installs missing system packages, builds the
# desktop app and the `lifeboat` CLI (release), and opens the app.
#
#   ./scripts/run.sh           the app on your vault (~/.local/share/lifeboat, or $LIFEBOAT_VAULT)
#   ./scripts/run.sh --demo    the app on a demo vault holding assets/demo
#                              (passphrase: lifeboat-demo)
#
# Without a display (a server, an SSH session) it shows the demo in the CLI instead.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-debian.sh
cargo build --release -j2 -p lifeboat -p lifeboat-app
# CARGO_TARGET_DIR may be relative (to this folder) or absolute.
target="$(realpath -m "${CARGO_TARGET_DIR:-target}")/release"
export PATH="$target:$PATH"

demo_vault() {
  export LIFEBOAT_VAULT="${XDG_DATA_HOME:-$HOME/.local/share}/lifeboat-demo"
  export LIFEBOAT_PASSPHRASE="lifeboat-demo"
  if [ ! -e "$LIFEBOAT_VAULT/lifeboat.db" ]; then
    lifeboat init
    lifeboat import assets/demo/*.txt assets/demo/*.vcf
  fi
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: showing the demo in the command line (lifeboat --help for more)."
  demo_vault
  lifeboat groups
  echo
  lifeboat roster "캡스톤 3조"
  exit 0
fi

if [ "${1:-}" = "--demo" ]; then
  demo_vault
  # The app asks for the passphrase itself.
  unset LIFEBOAT_PASSPHRASE
  echo "Demo vault: $LIFEBOAT_VAULT — passphrase: lifeboat-demo"
fi
exec lifeboat-app
