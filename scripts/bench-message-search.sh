#!/usr/bin/env bash
# Benchmark: message search in-process over a 1,000,000-message KakaoTalk
# import (release build): p50 and p95 per query class (1, 2, 3+ Hangul
# characters, Latin, digits), each query asking for the 100 newest hits with
# their context and the total count, as the app does. The first round runs
# right after the import: there is no index to fill.
#
#   scripts/bench-message-search.sh [MESSAGES]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 tests/tools/gen_exports.py chat --format kakao-pc-ko --messages "$n" --members 40 --seed 1 \
  --out "$work/kakao.txt" --truth "$work/kakao.json"
cargo run --release -q -j2 --example bench_message_search -- "$work/vault" "$work/kakao.txt"
