#!/usr/bin/env bash
# Benchmark: a full Lifeboat import of a 1,000,000-message KakaoTalk PC export
# (sniff, parse, extraction, encrypted store, full-text index) against the npm
# package whatsapp-chat-parser 4.x merely parsing an equally large WhatsApp
# export in Node. Reports both times, the ratio and Lifeboat's peak RSS.
#
#   scripts/bench-import.sh [MESSAGES]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release -q -j2 --bin lifeboat
bin="${CARGO_TARGET_DIR:-target}/release/lifeboat"
(cd benches/peer && npm install --silent --no-audit --no-fund >/dev/null)

gen=tests/tools/gen_exports.py
python3 "$gen" chat --format kakao-pc-ko --messages "$n" --members 40 --seed 1 --out "$work/kakao.txt" --truth "$work/kakao.json"
python3 "$gen" chat --format whatsapp-android --messages "$n" --members 40 --seed 1 --out "$work/wa.txt" --truth "$work/wa.json"
ls -l "$work"/kakao.txt "$work"/wa.txt | awk '{print $5, $9}'

export LIFEBOAT_VAULT="$work/vault" LIFEBOAT_PASSPHRASE="benchmark passphrase"
"$bin" init >/dev/null
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" import "$work/kakao.txt" --json >"$work/report.json"
read -r ours_s ours_kb <"$work/time"
# Unlocking (Argon2id, ~0.5 s by design) is part of the command but not of the import.
unlock_s=$( { /usr/bin/time -f "%e" "$bin" groups >/dev/null; } 2>&1 )
peer=$(node benches/peer/parse.mjs "$work/wa.txt")
peer_s=$(echo "$peer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["parse_seconds"])')
python3 - "$ours_s" "$ours_kb" "$unlock_s" "$peer_s" "$work/report.json" <<'PY'
import json, sys
ours, kb, unlock, peer, report = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
r = json.load(open(report))
print(f"lifeboat import: {ours:.2f} s wall (incl. {unlock:.2f} s unlock), {kb/1024:.0f} MB peak RSS, {r['new_messages']} messages stored")
print(f"whatsapp-chat-parser parse only: {peer:.2f} s")
print(f"ratio (ours / peer): {ours/peer:.2f}  (goal < 0.5, RSS < 100 MB)")
PY
