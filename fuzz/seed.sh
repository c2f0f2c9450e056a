#!/bin/sh
# Fill fuzz/corpus/<target>/ with seeds: the committed fixtures and small
# generated exports of every format (tests/tools/gen_exports.py), zipped for
# the zip target. Corpora are not committed whole: crashes found are, and each
# target's minimized corpus (fuzz/minimize.sh), under tests/fixtures/fuzz/<target>/
# (replayed by tests/fuzz_regressions.rs).
set -eu
cd "$(dirname "$0")"
gen=../tests/tools/gen_exports.py
c=corpus
mkdir -p $c/sniff $c/vcard $c/contacts_csv $c/kakao_txt $c/kakao_csv $c/whatsapp $c/line $c/telegram $c/telegram_html $c/instagram $c/zip \
  $c/backup_open $c/backup_payload
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chat() { python3 $gen chat --format "$1" --messages 30 --members 4 --seed 3 --out "$tmp/$2" $3; }
for f in kakao-pc-ko kakao-pc-en kakao-android-ko kakao-android-en kakao-ios-ko kakao-ios-en kakao-android-ko-2025 kakao-ios-ko-2025; do
  chat $f $f.txt ""; cp $tmp/$f.txt $c/kakao_txt/
done
python3 -c "import sys; sys.stdout.buffer.write(\"이름,휴대폰\\n홍길동,010-1234-5678\\n\".encode(\"cp949\"))" > $c/contacts_csv/cp949.csv
chat kakao-csv kakao.csv ""; cp $tmp/kakao.csv $c/kakao_csv/
for f in whatsapp-android whatsapp-ios whatsapp-android-us whatsapp-ios-us; do chat $f $f.txt ""; cp $tmp/$f.txt $c/whatsapp/; done
for f in line-en line-ja; do chat $f $f.txt ""; cp $tmp/$f.txt $c/line/; done
chat telegram-json result.json ""; cp $tmp/result.json $c/telegram/
find ../tests/fixtures/instagram -name '*.json' | while read -r f; do cp "$f" "$c/instagram/$(echo "${f#../}" | tr / _)"; done
find ../tests/fixtures/telegram_html -name '*.html' | while read -r f; do cp "$f" "$c/telegram_html/$(echo "${f#../}" | tr / _)"; done
for f in vcard21 vcard30 vcard40; do
  python3 $gen contacts --format $f --count 5 --seed 3 --out $tmp/$f.vcf; cp $tmp/$f.vcf $c/vcard/
done
cp ../tests/fixtures/vcard/*.vcf $c/vcard/
for f in google-csv outlook-csv; do
  python3 $gen contacts --format $f --count 5 --seed 3 --out $tmp/$f.csv; cp $tmp/$f.csv $c/contacts_csv/
  python3 $gen contacts --format $f --count 5 --seed 3 --encoding utf-16 --out $tmp/$f-16.csv; cp $tmp/$f-16.csv $c/contacts_csv/
done
# The sniffer target's first byte picks the file name (fuzz/src/lib.rs NAMES).
i=0
for d in kakao_txt kakao_csv whatsapp line telegram vcard contacts_csv telegram_html instagram; do
  case $d in kakao_txt) n=0;; kakao_csv) n=1;; whatsapp) n=2;; line) n=3;; telegram) n=4;; vcard) n=5;; contacts_csv) n=6;; telegram_html) n=7;; instagram) n=8;; esac
  for f in $c/$d/*; do
    i=$((i + 1)); { printf "\\$(printf %o $n)"; cat "$f"; } > $c/sniff/seed-$i
  done
done
(cd $tmp && python3 -c '
import zipfile, sys
for name, members in [("wa.zip", ["whatsapp-android.txt"]), ("kakao.zip", ["kakao-ios-ko.txt"]), ("line.zip", ["line-en.txt"])]:
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for m in members:
            z.write(m, "_chat.txt" if name == "wa.zip" else m)
with zipfile.ZipFile("two.zip", "w") as z:
    z.write("kakao-pc-ko.txt", "KakaoTalk_Chat_a.txt"); z.writestr("media/photo.jpg", b"\xff\xd8\xff" * 10)
')
cp $tmp/*.zip $c/zip/
sed -n '/^```json$/,/^```$/p' ../docs/BACKUP.md | sed '1d;$d' > $tmp/lifeboat.json
{ printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:김철수\r\nTEL:+821022223333\r\nEND:VCARD\r\n'; printf '\0'; cat $tmp/lifeboat.json; } > $c/backup_payload/seed-1
printf 'age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n--- AAAA\n' > $c/backup_open/seed-1
printf -- '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n' > $c/backup_open/seed-2
# Every saved seed and past crash seeds its target too.
for d in $c/*; do
  t=$(basename "$d")
  for f in ../tests/fixtures/fuzz/"$t"/*; do
    if [ -f "$f" ]; then cp "$f" "$d/saved-$(basename "$f")"; fi
  done
done
