#!/bin/sh
# Run every fuzz target for SECONDS each (default 120), one after another,
# and print each target's last status line. Crashes land in
# fuzz/artifacts/<target>/; copy them to tests/fixtures/fuzz/<target>/. Then
# fuzz/minimize.sh keeps the grown corpora's best entries there.
set -u
cd "$(dirname "$0")"
secs=${1:-120}
shift 2>/dev/null || true
targets=${*:-"sniff vcard contacts_csv kakao_txt kakao_csv whatsapp line telegram telegram_html instagram zip backup_open backup_payload"}
[ -d corpus ] || ./seed.sh
export LIFEBOAT_INSECURE_TEST_KDF=1 RUSTC_BOOTSTRAP=1
for t in $targets; do
  mkdir -p corpus/$t artifacts/$t
  cargo fuzz run -s none "$t" corpus/$t -- -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "artifacts/$t.log" 2>&1
  echo "$t: exit $? $(grep -E '^#[0-9]+' artifacts/$t.log | tail -1)"
  grep -E 'stat::number_of_executed_units|SUMMARY|panicked' "artifacts/$t.log" | head -3
done
