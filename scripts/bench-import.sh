#!/usr/bin/env bash
# Benchmark: a full Lifeboat import of a 1,000,000-message KakaoTalk PC export
# (sniff, parse, extraction of numbers and e-mails, rosters, dedup
# fingerprints, encrypted store, commit) against the npm package
# whatsapp-chat-parser 4.x merely parsing an equally large WhatsApp export in
# Node (file read excluded). Each side runs three times; medians are reported.
# Also reported: the Argon2id unlock every command pays (about 0.3-0.5 s by
# design, part of the import's wall time), Lifeboat's peak RSS, and the
# first message search (the import wrote the search index: nothing to fill).
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

export LIFEBOAT_PASSPHRASE="benchmark passphrase"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: >"$work/ours"
for run in 1 2 3; do
  export LIFEBOAT_VAULT="$work/vault$run"
  "$bin" init >/dev/null
  /usr/bin/time -f "%e %M" -a -o "$work/ours" "$bin" import "$work/kakao.txt" --json >"$work/report.json"
done
ours_s=$(cut -d' ' -f1 "$work/ours" | median)
ours_kb=$(cut -d' ' -f2 "$work/ours" | sort -n | tail -1)
unlock_s=$(for run in 1 2 3; do { /usr/bin/time -f "%e" "$bin" groups >/dev/null; } 2>&1; done | median)
index_s=$( { /usr/bin/time -f "%e" "$bin" search --messages "번호" --limit 1 >/dev/null; } 2>&1 )
peer_s=$(for run in 1 2 3; do
  node benches/peer/parse.mjs "$work/wa.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["parse_seconds"])'
done | median)
python3 - "$ours_s" "$ours_kb" "$unlock_s" "$index_s" "$peer_s" "$work/report.json" <<'PY'
import json, sys
ours, kb, unlock, index, peer = (float(a) for a in sys.argv[1:6])
r = json.load(open(sys.argv[6]))
print(f"lifeboat import: {ours:.2f} s wall, of which {unlock:.2f} s is the Argon2id unlock; "
      f"{kb/1024:.0f} MB peak RSS; {r['new_messages']} messages stored")
print(f"first message search (no index to fill): {index:.2f} s incl. unlock")
print(f"whatsapp-chat-parser parse only: {peer:.2f} s")
print(f"ratio ours / peer: {ours/peer:.2f} with unlock, {(ours-unlock)/peer:.2f} without  (goal <= 0.6 with the search index, RSS < 100 MB)")
PY
