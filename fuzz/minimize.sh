#!/bin/sh
# Minimize each target's grown corpus (fuzz/corpus/<target>, made by seed.sh and run.sh) with
# `cargo fuzz cmin`, then keep the entries that cover most: greedily, the one adding the most
# coverage features not yet covered (libFuzzer's merge control file lists each entry's), ties
# to the smaller, up to MAX_FILES files and MAX_KB kB a target so the replay in
# tests/fuzz_regressions.rs stays fast. They replace the `min-<sha1>` entries under
# tests/fixtures/fuzz/<target>/; seeds and crashes there are kept. Entries that hold the names
# in the one real export the seeds include unredacted (tests/fixtures/telegram_html/real/
# lassepe-messages.html, its author's own test page) are never picked: no real person's data
# goes in (the other real seeds are placeholder people or redacted).
#   fuzz/minimize.sh [targets]     (default: every target)
set -eu
cd "$(dirname "$0")"
max_files=${MAX_FILES:-40}
max_kb=${MAX_KB:-300}
unredacted="Lasse|Peters"
targets=${*:-"sniff vcard contacts_csv kakao_txt kakao_csv whatsapp line telegram telegram_html instagram zip backup_open backup_payload"}
export LIFEBOAT_INSECURE_TEST_KDF=1 RUSTC_BOOTSTRAP=1
bin=${CARGO_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in $targets; do
  flags="-max_len=65536 -timeout=10 -rss_limit_mb=2048"
  cargo fuzz cmin -s none "$t" "corpus/$t" -- $flags > "artifacts/$t.cmin.log" 2>&1
  rm -rf "$tmp/out" && mkdir "$tmp/out"
  "$bin/$t" -merge=1 -merge_control_file="$tmp/control" $flags "$tmp/out" "corpus/$t" > "artifacts/$t.pick.log" 2>&1
  out=../tests/fixtures/fuzz/$t
  rm -f "$out"/min-*
  python3 - "$tmp/control" "$max_files" "$((max_kb * 1024))" "$unredacted" <<'PY' | while read -r f; do cp "$f" "$out/min-$(basename "$f")"; done
import os, sys
lines = open(sys.argv[1]).read().split("\n")
n = int(lines[0])
files = lines[2:2 + n]
features = {}
for line in lines[2 + n:]:
    parts = line.split()
    if parts[:1] == ["FT"]:
        features[int(parts[1])] = set(parts[2:])
names = [n.encode() for n in sys.argv[4].split("|")]
for i in [i for i in features if any(n in open(files[i], "rb").read() for n in names)]:
    del features[i]
covered, picked, used = set(), [], 0
while len(picked) < int(sys.argv[2]):
    fits = [i for i in features if i not in picked and used + os.path.getsize(files[i]) <= int(sys.argv[3])]
    gain = {i: len(features[i] - covered) for i in fits}
    best = max(fits, key=lambda i: (gain[i], -os.path.getsize(files[i])), default=None)
    if best is None or gain[best] == 0:
        break
    picked.append(best)
    covered |= features[best]
    used += os.path.getsize(files[best])
print("\n".join(files[i] for i in picked))
PY
  echo "$t: $(ls "corpus/$t" | wc -l) after cmin, kept $(ls "$out"/min-* | wc -l) ($(cat "$out"/min-* | wc -c) bytes)"
done
