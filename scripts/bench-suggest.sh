#!/usr/bin/env bash
# Benchmark: what the person page waits on for "possibly the same person".
# A vault of COUNT generated contacts (vCard 3.0) and three generated group
# chats (25 members each), then, on the release build, for two chat members
# and three people the whole-vault list suggests, examples/bench_suggest.rs
# times what the app's `suggestions` command did before (the whole vault's
# suggestions, kept to the person) against `Vault::suggestions_for` (what it
# does now), median of 5 runs, and checks both give the same. The time and
# peak RSS of `lifeboat suggest --json` (whole vault, with the Argon2id
# unlock every command pays) are printed beside them.
#
#   scripts/bench-suggest.sh [COUNT...]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000}")
read -r -a sizes <<<"${sizes[*]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release -q -j2 --bin lifeboat --example bench_suggest
bin="${CARGO_TARGET_DIR:-target}/release/lifeboat"
export LIFEBOAT_PASSPHRASE="benchmark passphrase"

for n in "${sizes[@]}"; do
  export LIFEBOAT_VAULT="$work/vault$n"
  "$bin" init >/dev/null
  python3 tests/tools/gen_exports.py contacts --format vcard30 --count "$n" --seed 1 --out "$work/c.vcf" --truth "$work/c.json"
  files=("$work/c.vcf")
  for seed in 1 2 3; do
    python3 tests/tools/gen_exports.py chat --format kakao-pc-ko --messages 2000 --members 25 --seed "$seed" \
      --room "room$seed" --out "$work/room$seed.txt" --truth "$work/room$seed.json"
    files+=("$work/room$seed.txt")
  done
  "$bin" import "${files[@]}" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t" "$bin" suggest --json >"$work/all.json"
  read -r all_s all_kb <"$work/t"
  # Two chat members, and three people the whole-vault list suggests.
  ids=$("$bin" groups --json | python3 -c '
import json, sys
members = [m["person_id"] for g in json.load(sys.stdin) for m in g["members"]][:2]
suggested = [s["a"]["id"] for s in json.load(open(sys.argv[1]))][:3]
print(" ".join(str(i) for i in dict.fromkeys(members + suggested)))' "$work/all.json")
  total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/all.json")
  echo "$n people: $total suggestions in the vault; lifeboat suggest --json ${all_s}s, peak $((all_kb / 1024)) MiB"
  "${CARGO_TARGET_DIR:-target}/release/examples/bench_suggest" "$LIFEBOAT_VAULT" $ids
done
