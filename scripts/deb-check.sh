#!/usr/bin/env bash
# The .deb as a user gets it: build it (Tauri's bundler, in debug: it reuses
# the E2E build's dependencies and compiles again only tauri and what uses it,
# for the bundler's `tauri/custom-protocol` feature; about 2.5 minutes on two
# busy cores, no cold release build), install it with dpkg (and apt-get -f for
# its dependencies), start the installed binary under Xvfb through
# tauri-driver and check it shows the create-vault screen, then remove the
# package. Exits non-zero on failure.
# Run by scripts/test.sh after scripts/e2e.sh (tauri-driver, the e2e npm
# packages and the Debian packages are installed by then).
# Usage: scripts/deb-check.sh   (root or sudo for dpkg)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export PATH="$HOME/.cargo/bin:$PATH"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
target="${CARGO_TARGET_DIR:-$repo/target}"
export CARGO_TARGET_DIR="$target"

(cd src-tauri && npm ci --no-audit --no-fund --silent)
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund --silent)

version="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' src-tauri/tauri.conf.json)"
deb="$target/debug/bundle/deb/Lifeboat_${version}_$(dpkg --print-architecture).deb"
rm -f "$deb"
(cd src-tauri && npx tauri build --debug --bundles deb -- -j"${JOBS:-2}")
[ -f "$deb" ] || { echo "deb-check: the bundler made no $deb" >&2; exit 1; }

package="$(dpkg-deb -f "$deb" Package)"
echo "deb-check: installing $deb ($package), depends: $(dpkg-deb -f "$deb" Depends)"
# dpkg leaves missing dependencies unconfigured; apt-get -f installs them.
$SUDO dpkg -i "$deb" || DEBIAN_FRONTEND=noninteractive $SUDO apt-get -f install -y -qq
trap '$SUDO dpkg -r "$package" >/dev/null' EXIT
dpkg-query -W -f='${Status}\n' "$package" | grep -q "install ok installed" \
  || { echo "deb-check: $package is not installed" >&2; exit 1; }
app="$(dpkg -L "$package" | grep -m1 '^/usr/bin/')"
[ -x "$app" ] || { echo "deb-check: $package installs no program in /usr/bin" >&2; exit 1; }

LIFEBOAT_APP="$app" xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node tests/e2e/installed.mjs

trap - EXIT
$SUDO dpkg -r "$package"
if dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q "install ok installed" || [ -e "$app" ]; then
  echo "deb-check: $package is still installed after dpkg -r" >&2
  exit 1
fi
echo "deb-check: installed, started to its create-vault screen, removed"
