#!/usr/bin/env bash
# Install what building, running and testing Lifeboat needs on Debian/Ubuntu.
# Idempotent: installs only what is missing. Rust and Node are assumed present
# (rustup, nodejs + npm).
set -euo pipefail

packages=(
  # core: SQLCipher links the system libcrypto
  build-essential pkg-config libssl-dev python3
  # tests: the standard age CLI proves backups open without Lifeboat;
  # ssh-keygen makes the SSH keys backups are encrypted to; unzip reads the zip inside
  age openssh-client unzip
  # tests: headless Chromium plays the phone that opens a handoff link
  chromium
  # tests/address_books.rs: the exports read by real address books and a spreadsheet
  khard python3-vobject libez-vcard-java libvinnie-java default-jdk-headless gnumeric
  # desktop shell (Tauri 2 on WebKitGTK)
  file libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  # tests: the printable sheet's QR codes are drawn (rsvg-convert) and read back (zbarimg)
  librsvg2-bin zbar-tools
  # running the window headless and driving it in end-to-end tests
  xvfb xauth dbus dbus-x11 at-spi2-core webkit2gtk-driver imagemagick fonts-noto-cjk
  # tests/e2e: choosing files in the native GTK dialog, as a user does (the path pasted from the clipboard)
  xdotool xclip
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v cargo >/dev/null || { echo "setup: Rust is missing: install it from https://rustup.rs" >&2; exit 1; }
# cargo deny (scripts/test.sh), pinned: a new release may change what deny.toml means.
deny_version=0.20.2
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $deny_version" ]; then
  echo "setup: installing cargo-deny $deny_version"
  cargo install --locked cargo-deny --version "$deny_version"
fi
