#!/usr/bin/env bash
# Benchmark: backup and restore of a vault of COUNT people, and its exports
# (vCard 4, vCard 3, Google CSV, and the contact sheet of a generated
# 2,000-member KakaoTalk room imported beside them), at each size given, so
# that growth can be judged against the size: wall seconds and peak RSS per
# step. The people are generated vCard 3.0 contacts (tests/tools/gen_exports.py); the backup
# is to a passphrase and is restored into a new vault (someone else's vault:
# the claim path, every value a candidate). Release build; the unlock every
# command pays is measured apart (`lifeboat groups`) and shown beside.
#
#   scripts/bench-restore-export.sh [COUNT...]      (default 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a sizes <<<"${*:-10000 100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release -q -j2 --bin lifeboat
bin="${CARGO_TARGET_DIR:-target}/release/lifeboat"
export LIFEBOAT_PASSPHRASE="benchmark passphrase" LIFEBOAT_BACKUP_PASSPHRASE="backup passphrase" LIFEBOAT_INSECURE_TEST_KDF=1
# One step: its wall seconds and peak RSS, printed as a row.
step() {
  local n=$1 what=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null
  read -r wall kb <"$work/t"
  printf '%7s people  %-28s %7.2f s  %5d MB\n' "$n" "$what" "$wall" $((kb / 1024))
}

count_people() {
  "$bin" people --json | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["total"] if isinstance(d, dict) else len(d))'
}

room="벤치 2000"
python3 tests/tools/gen_exports.py chat --format kakao-pc-ko --messages 20000 --members 2000 --room "$room" --seed 1 --out "$work/room.txt" --truth "$work/room.json"

for n in "${sizes[@]}"; do
  python3 tests/tools/gen_exports.py contacts --format vcard30 --count "$n" --seed 1 --out "$work/c$n.vcf" --truth "$work/c$n.json"
  export LIFEBOAT_VAULT="$work/vault$n"
  "$bin" init >/dev/null
  "$bin" import "$work/c$n.vcf" >/dev/null
  # The import merges the few cards the generator repeats: the restore must give back as many.
  people=$(count_people)
  step "$n" "unlock (in every step)" "$bin" groups
  step "$n" "backup create" "$bin" backup create --output "$work/b$n.age"
  step "$n" "export vcard 4" "$bin" export vcard --output "$work/e$n.vcf"
  step "$n" "export vcard 3" "$bin" export vcard --version 3 --output "$work/e$n-3.vcf"
  step "$n" "export csv" "$bin" export csv --output "$work/e$n.csv"
  "$bin" import "$work/room.txt" >/dev/null
  step "$n" "export sheet (2,000 members)" "$bin" export sheet --group "$room" --output "$work/e$n.html"
  export LIFEBOAT_VAULT="$work/restored$n"
  "$bin" init >/dev/null
  step "$n" "backup restore (new vault)" "$bin" backup restore "$work/b$n.age"
  restored=$(count_people)
  printf '%7s people  restored: %s of %s people; backup %d KB\n' "$n" "$restored" "$people" $(($(stat -c %s "$work/b$n.age") / 1024))
  rm -rf "$work/vault$n" "$work/restored$n" "$work"/e"$n"* "$work/b$n.age"
done
