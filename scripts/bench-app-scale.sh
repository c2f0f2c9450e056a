#!/usr/bin/env bash
# Benchmark: the desktop app at scale (issue 17). Builds the release CLI and
# app, makes a vault of about 1,000,000 messages (three generated KakaoTalk
# rooms of 700k, 200k and 100k messages) and 100,000 people (an iPhone vCard
# of 100,000 contacts), imported with the release CLI, then drives the real
# window through tauri-driver under Xvfb, as the E2E does
# (tests/e2e/scale.mjs), and prints for every screen and every keystroke of a
# few searches the time from the click or keystroke until the answer is on
# screen, measured in the page: p50, p95, max, and whether under 100 ms.
#
#   scripts/bench-app-scale.sh [MESSAGES] [PEOPLE]   (default 1000000 100000)
# Env: PROFILE=debug uses the debug build (quicker to build; slower to run),
#      SCALE_RUNS (times each screen opens, default 7),
#      SCREENSHOTS (folder for the screenshots, default a temporary one).
# Needs what scripts/e2e.sh installs (tauri-driver, WebKitWebDriver, Xvfb,
# the npm packages of tests/e2e).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
messages="${1:-1000000}"
people="${2:-100000}"
profile="${PROFILE:-release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PATH="$HOME/.cargo/bin:$PATH"

build=(--release)
[ "$profile" = release ] || build=()
cargo build "${build[@]}" -q -j"${JOBS:-2}" -p lifeboat -p lifeboat-app
target="$(realpath -m "${CARGO_TARGET_DIR:-target}")/$profile"
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund --silent)

gen=tests/tools/gen_exports.py
# Rooms of 70 %, 20 % and 10 % of the messages; the biggest one is timed.
python3 "$gen" chat --format kakao-pc-ko --messages $((messages * 7 / 10)) --members 400 --seed 17 \
  --room "전교 학부모회" --out "$work/KakaoTalk_전교 학부모회.txt" --truth "$work/big.json"
python3 "$gen" chat --format kakao-pc-ko --messages $((messages * 2 / 10)) --members 120 --seed 18 \
  --room "동아리 연합" --out "$work/KakaoTalk_동아리 연합.txt" --truth "$work/mid.json"
python3 "$gen" chat --format kakao-pc-ko --messages $((messages / 10)) --members 40 --seed 19 \
  --room "2022 캡스톤 3조" --out "$work/KakaoTalk_2022 캡스톤 3조.txt" --truth "$work/small.json"
python3 "$gen" contacts --format vcard30 --count "$people" --seed 17 --out "$work/phone.vcf" --truth "$work/phone.json"

export LIFEBOAT_VAULT="$work/vault"
export LIFEBOAT_PASSPHRASE="benchmark passphrase"
# Only a debug build honours it; a release vault pays the real Argon2id.
export LIFEBOAT_INSECURE_TEST_KDF=1
"$target/lifeboat" init >/dev/null
start=$(date +%s)
"$target/lifeboat" import "$work"/KakaoTalk_*.txt "$work/phone.vcf" --json >"$work/report.json"
python3 - "$work/report.json" "$(( $(date +%s) - start ))" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"vault: {r['new_messages']} messages, {r['new_people']} new people, imported in {sys.argv[2]} s")
PY
"$target/lifeboat" groups | head -5

export SCALE_PASSPHRASE="$LIFEBOAT_PASSPHRASE"
unset LIFEBOAT_PASSPHRASE
export SCALE_GROUP="전교 학부모회"
# A member of the big room with a plain three-syllable Hangul name.
SCALE_PERSON="$(python3 -c 'import json, re, sys; print(next(m for m in json.load(open(sys.argv[1]))["members"] if re.fullmatch("[가-힣]{3}", m)))' "$work/big.json")"
export SCALE_PERSON
export LIFEBOAT_APP="$target/lifeboat-app"
export SCALE_JSON="$work/scale.json"
export SCREENSHOTS="${SCREENSHOTS:-$work/screenshots}"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node tests/e2e/scale.mjs
