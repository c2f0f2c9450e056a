#!/usr/bin/env bash
# Build a vault of 100,000 generated contacts through the core and time the
# searches the desktop app runs on each keystroke (release build).
# Usage: scripts/bench-search.sh [COUNT]   (needs the vCard importer)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
gen="../shared/tools/gen_exports.py"
[ -f "$gen" ] || gen="/work/shared/tools/gen_exports.py"
[ -f "$gen" ] || { echo "gen_exports.py not found (looked in ../shared/tools and /work/shared/tools)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$gen" contacts --format vcard40 --count "$count" --seed 5 --out "$work/contacts.vcf" --truth "$work/truth.json"
cargo run --release -q -j2 --example bench_search -- "$work/vault" "$work/contacts.vcf"
