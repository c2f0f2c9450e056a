#!/usr/bin/env bash
# Build a vault of 100,000 contacts through the core (vCard 4 import) and time
# the searches the desktop app runs on each keystroke (release build).
# The contacts are synthesized here (Korean names, 010 numbers, e-mails):
# the shared generator is too slow at this size.
# Usage: scripts/bench-search.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$count" "$work/contacts.vcf" <<'PY'
import random, sys
count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(5)
family = "김이박최정강조윤장임한오서신권황안송류홍"
given = "민서지하준도윤우현수연예주시은채원건유진성"
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        name = rng.choice(family) + rng.choice(given) + rng.choice(given)
        f.write("BEGIN:VCARD\r\nVERSION:4.0\r\n")
        f.write(f"FN:{name}\r\nN:{name[0]};{name[1:]};;;\r\n")
        f.write(f"TEL;TYPE=cell:010-{rng.randint(2000, 9999)}-{i % 10000:04d}\r\n")
        if i % 3 == 0:
            f.write(f"EMAIL:user{i}@{rng.choice(['gmail.com', 'naver.com', 'daum.net'])}\r\n")
        f.write("END:VCARD\r\n")
PY
cargo run --release -q -j2 --example bench_search -- "$work/vault" "$work/contacts.vcf"
