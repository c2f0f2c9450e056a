#!/usr/bin/env bash
# Benchmark: `lifeboat import` of generated vCard 3.0 address books (iPhone
# style) into a fresh vault, side by side in the same run with Python's
# vobject merely parsing the same file (file read excluded); then the same
# cards merged a second time into the people the first import made (a second
# export of the same phone: the PRODID line differs, so the file is new to the
# vault, every card matches someone). Release build; the vault uses the
# insecure test KDF, and the Argon2id unlock every command pays is measured
# apart (`lifeboat groups`) and taken off. Peak RSS from /usr/bin/time at each
# size shows memory stays flat. Each size runs once: wall seconds, with CPU
# seconds (user + system) beside them, since the machine is shared.
#
#   scripts/bench-vcard.sh [COUNT...]      (default 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
read -r -a sizes <<<"${sizes[*]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release -q -j2 --bin lifeboat
bin="${CARGO_TARGET_DIR:-target}/release/lifeboat"
py=python3
if ! "$py" -c 'import vobject' 2>/dev/null; then
  if /usr/bin/python3 -c 'import vobject' 2>/dev/null; then
    py=/usr/bin/python3
  else
    apt-get install -y -q python3-vobject >/dev/null 2>&1 || pip install -q vobject
    "$py" -c 'import vobject' 2>/dev/null || py=/usr/bin/python3
  fi
fi
cat >"$work/vobject_parse.py" <<'PY'
import sys, time, vobject
data = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
cards = sum(1 for _ in vobject.readComponents(data))
print(f"{time.perf_counter() - start:.3f} {cards}")
PY

export LIFEBOAT_PASSPHRASE="benchmark passphrase" LIFEBOAT_INSECURE_TEST_KDF=1
# "wall user system maxrss_kb" of a command; its output goes to $work/out.
timed() { /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >"$work/out" && cat "$work/t"; }

for n in "${sizes[@]}"; do
  vcf="$work/c$n.vcf"
  python3 tests/tools/gen_exports.py contacts --format vcard30 --count "$n" --seed 1 --out "$vcf" --truth "$work/c$n.json"
  sed 's/iPhone OS 16.0/iPhone OS 17.0/' "$vcf" >"$work/again$n.vcf"
  export LIFEBOAT_VAULT="$work/vault$n"
  "$bin" init >/dev/null
  import=$(timed "$bin" import "$vcf" --json)
  merge=$(timed "$bin" import "$work/again$n.vcf" --json)
  cp "$work/out" "$work/merge.json"
  unlock=$(timed "$bin" groups)
  peer=$(/usr/bin/time -f "%U %S" -o "$work/pt" "$py" "$work/vobject_parse.py" "$vcf")
  python3 - "$n" "$import" "$merge" "$unlock" "$peer" "$(cat "$work/pt")" "$work/merge.json" <<'PY'
import json, sys
n = int(sys.argv[1])
imp, merge, unlock = ([float(x) for x in a.split()] for a in sys.argv[2:5])
peer_s, cards = sys.argv[5].split()
peer_s = float(peer_s)
peer_cpu = sum(float(x) for x in sys.argv[6].split())
m = json.load(open(sys.argv[7]))
assert int(cards) == n and m["merged"] == n and m["new_people"] == 0, (cards, m["merged"], m["new_people"])
cpu = lambda t: t[1] + t[2]
u = unlock[0]
print(f"{n} cards  vobject parse only: {peer_s:.2f} s (process CPU {peer_cpu:.2f} s)")
for what, t, goal in (("import", imp, 0.15), ("merge ", merge, 1.5)):
    print(f"{n} cards  lifeboat {what}: {t[0]:.2f} s wall, {t[0] - u:.2f} s without the {u:.2f} s unlock, "
          f"CPU {cpu(t):.2f} s, peak RSS {t[3] / 1024:.0f} MB;  ratio to vobject {(t[0] - u) / peer_s:.2f} "
          f"(CPU {cpu(t) / peer_cpu:.2f}; goal <= {goal})")
PY
done
