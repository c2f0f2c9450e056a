//! Peak memory of the real `lifeboat import` on hostile shapes: each stays
//! under 200 MB of resident memory and ends in a clear error naming the file
//! (the vault exactly as before) or in a clean import.
//!
//! The same for `lifeboat backup restore` of large hostile backups (small
//! ones: tests/backup_hostile.rs). The peak is read per run with
//! `/usr/bin/time -f %M` (tests/chat.rs does the same for a 1 GB line).
//! Inputs are written to disk as they are made, never held whole by the test.
//! Sizes are chosen for a debug build: every input is tens of times larger
//! than any buffer the importers keep (64 KiB reads, the 1 MiB line and
//! string limit, the 4 MiB card limit), so a shape that were buffered whole
//! would show, yet each run takes seconds unoptimized.

mod common;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use common::TestVault;
use lifeboat::backup::Generated;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const LIMIT_KB: u64 = 200 * 1000;

/// Write a file through a buffer, as `body` makes it.
fn make(v: &TestVault, name: &str, body: impl FnOnce(&mut dyn Write)) -> PathBuf {
    let path = v.path(name);
    let mut out = BufWriter::new(File::create(&path).unwrap());
    body(&mut out);
    out.flush().unwrap();
    path
}

/// A file that is `head` and then `size` bytes of a sparse hole: one line
/// with no end, at no cost to write.
fn sparse(v: &TestVault, name: &str, head: &str, size: u64) -> PathBuf {
    let path = make(v, name, |o| o.write_all(head.as_bytes()).unwrap());
    File::options().write(true).open(&path).unwrap().set_len(size).unwrap();
    path
}

/// `text` written `times` times, one buffer-sized piece at a time.
fn repeat(out: &mut dyn Write, text: &str, times: usize) {
    let per = (1 << 16) / text.len().max(1) + 1;
    let piece = text.repeat(per);
    for _ in 0..times / per {
        out.write_all(piece.as_bytes()).unwrap();
    }
    out.write_all(text.repeat(times % per).as_bytes()).unwrap();
}

/// What a run of `lifeboat import` left: its error output and peak RSS in kB.
struct Run {
    ok: bool,
    stderr: String,
    peak_kb: u64,
}

/// A vault with one contact in it, so "unchanged" means something.
fn vault() -> TestVault {
    let v = TestVault::new();
    let card = make(&v, "one.vcf", |o| {
        o.write_all(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nTEL:010-1234-5678\r\nEND:VCARD\r\n").unwrap()
    });
    v.ok(&["import", card.to_str().unwrap()]);
    v
}

fn import(v: &TestVault, file: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["import"];
    args.extend_from_slice(extra);
    args.push(file.to_str().unwrap());
    measured(v, file, &args)
}

/// Run `lifeboat args…` on `file` under `/usr/bin/time`; its peak is under the limit.
fn measured(v: &TestVault, file: &Path, args: &[&str]) -> Run {
    let time = v.path("peak.txt");
    let out = v.cmd_under("/usr/bin/time", &["-f", "%M", "-o", time.to_str().unwrap()]).args(args).output().unwrap();
    let peak_kb = std::fs::read_to_string(&time).unwrap().lines().last().unwrap().trim().parse().unwrap();
    let run = Run { ok: out.status.success(), stderr: String::from_utf8_lossy(&out.stderr).into_owned(), peak_kb };
    eprintln!("{} {}: peak {} kB, {}", args[0], file.display(), run.peak_kb, if run.ok { "done" } else { "refused" });
    assert!(run.peak_kb < LIMIT_KB, "{}: peak RSS {} kB\n{}", file.display(), run.peak_kb, run.stderr);
    run
}

/// The import is refused with `expect` in its error, naming the file, in
/// both languages, and the vault is as it was.
fn refused(v: &TestVault, file: &Path, extra: &[&str], expect: &str) {
    let name = file.file_name().unwrap().to_str().unwrap();
    refused_naming(v, file, name, expect, |v| import(v, file, extra));
}

/// `run` is refused with `expect` and `name` in its error, in both
/// languages, and the vault is as it was.
fn refused_naming(v: &TestVault, file: &Path, name: &str, expect: &str, run: impl FnOnce(&TestVault) -> Run) {
    let before = (v.json(&["people"]), v.json(&["groups"]));
    let run = run(v);
    assert!(!run.ok, "{} was accepted", file.display());
    assert!(run.stderr.contains(name) && run.stderr.contains(expect), "{name}: {}", run.stderr);
    assert!(run.stderr.chars().any(|c| ('가'..='힣').contains(&c)), "Korean too: {}", run.stderr);
    assert_eq!((v.json(&["people"]), v.json(&["groups"])), before, "{name}: the vault changed");
}

const TELEGRAM_HEAD: &str = r#"{"name":"방","type":"private_group","id":1,"messages":["#;
const TELEGRAM_MESSAGE: &str =
    r#"{"id":1,"type":"message","date":"2022-10-15T14:02:00","from":"사람","from_id":"user1","text":""#;
const INSTAGRAM_HEAD: &str = r#"{"participants":[{"name":"A"}],"messages":["#;
const INSTAGRAM_MESSAGE: &str = r#"{"sender_name":"A","timestamp_ms":1700000000000,"content":""#;

#[test]
fn a_small_zip_that_unpacks_far_past_its_size_is_refused() {
    let v = vault();
    // 64 MB of one KakaoTalk line, deflated to about 100 KB.
    let path = v.path("KakaoTalk_bomb.zip");
    let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
    zip.start_file("KakaoTalk_Chat.txt", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all("방 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 1일 토요일 ---------------\n".as_bytes()).unwrap();
    repeat(&mut zip, "[김] [오전 9:00] 안녕하세요\n", (64 << 20) / 32);
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1 << 20);
    refused(&v, &path, &[], "zip bomb");
}

/// A million `{}` where messages belong: 3 MB that would be hundreds of MB
/// parsed into a tree. (Five million take a minute in a debug build; the
/// memory is the same, as nothing is kept per object.)
#[test]
fn millions_of_empty_objects_in_json_exports() {
    let v = vault();
    for (name, head, format) in
        [("result.json", TELEGRAM_HEAD, "telegram-json"), ("message_1.json", INSTAGRAM_HEAD, "instagram-json")]
    {
        let path = make(&v, name, |o| {
            o.write_all(head.as_bytes()).unwrap();
            repeat(o, "{},", 1_000_000);
            o.write_all(b"{}]}").unwrap();
        });
        refused(&v, &path, &["--format", format], "Nothing was imported from this file");
    }
}

/// 200,000 empty vCards, 5 MB (a million take a minute in a debug build and
/// keep no more: nothing of an empty card is kept).
#[test]
fn a_flood_of_empty_vcards() {
    let v = vault();
    let path = make(&v, "empty.vcf", |o| repeat(o, "BEGIN:VCARD\r\nEND:VCARD\r\n", 200_000));
    refused(&v, &path, &[], "Nothing was imported from this file");
}

/// One message text of 150 MB, in each JSON export: refused at the 1 MiB
/// string limit, on the line the string is on.
#[test]
fn one_huge_string_in_a_json_export_is_refused_with_its_line() {
    let v = vault();
    for (name, head, message) in
        [("result.json", TELEGRAM_HEAD, TELEGRAM_MESSAGE), ("message_1.json", INSTAGRAM_HEAD, INSTAGRAM_MESSAGE)]
    {
        let path = make(&v, name, |o| {
            write!(o, "{head}\n{message}").unwrap();
            repeat(o, "가나다라마바사 abc ", (150 << 20) / 25);
            o.write_all(b"\"}]}").unwrap();
        });
        refused(&v, &path, &[], &format!("{name}:2: a text longer than 1048576 bytes"));
    }
}

/// A vCard value of 300 MB on one line, or folded over 30 lines of 1 MB;
/// a QUOTED-PRINTABLE photo of 50 MB, which is skipped, not kept.
#[test]
fn one_huge_vcard_value_is_refused_or_skipped() {
    let v = vault();
    let line = sparse(&v, "line.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:", 300 << 20);
    refused(&v, &line, &["--format", "vcard"], "line.vcf:3: a line longer than");
    let folded = make(&v, "folded.vcf", |o| {
        o.write_all(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee\r\nNOTE:x\r\n").unwrap();
        let piece = format!(" {}\r\n", "y".repeat(1_000_000));
        repeat(o, &piece, 30);
        o.write_all(b"END:VCARD\r\n").unwrap();
    });
    refused(&v, &folded, &[], "holds more than 4194304 bytes of text");
    let photo = make(&v, "photo.vcf", |o| {
        o.write_all(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Park\r\nTEL;CELL:010-2222-3333\r\nPHOTO;ENCODING=QUOTED-PRINTABLE;TYPE=JPEG:=FF=D8=\r\n").unwrap();
        repeat(o, "=FF=D8=FF=E0=00=10=4A=46=49=46=00=01=01=01=00=48=00=48=00=00=FF=DB=00=43=\r\n", (50 << 20) / 74);
        o.write_all(b"=00\r\nEND:VCARD\r\n").unwrap();
    });
    assert!(import(&v, &photo, &[]).ok);
    assert!(v.ok(&["people"]).contains("Park"));
}

/// A chat export whose second line never ends: 400 MB for each line-based format.
#[test]
fn one_huge_line_in_a_chat_export_is_refused() {
    let v = vault();
    let cases = [
        ("whatsapp.txt", "whatsapp", "[15/10/2022, 14:02:00] Kim: hi\n[15/10/2022, 14:03:00] Kim: "),
        ("line.txt", "line", "[LINE] 방의 대화 기록\n저장 일시：2022/10/16 14:05\n\n2022/10/15(토)\n14:02\tKim\t"),
        (
            "KakaoTalk_Chat.txt",
            "kakao",
            "방 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n[김] [오전 9:00] ",
        ),
    ];
    for (name, format, head) in cases {
        let path = sparse(&v, name, head, 400 << 20);
        let line = head.lines().count();
        refused(&v, &path, &["--format", format], &format!("{name}:{line}: a line longer than"));
    }
}

/// A contacts CSV whose second record is one quoted field of 400 MB: refused
/// at the line limit while it is read (it took 1.8 GB, read and parsed whole).
#[test]
fn one_huge_field_in_a_contacts_csv_is_refused() {
    let v = vault();
    let path = sparse(&v, "contacts.csv", "Name,Phone\nKim,010-1234-5678\nLee,\"", 400 << 20);
    refused(&v, &path, &["--format", "contacts-csv"], "contacts.csv:3: a line longer than");
}

/// A million arrays opened in a message's text: a clean error, no stack
/// overflow. Telegram reads the text (serde_json stops at its depth limit);
/// Instagram skips it without recursing, to the end of the file.
#[test]
fn deep_nesting_in_json_exports_is_refused() {
    let v = vault();
    let cases = [
        ("result.json", TELEGRAM_HEAD, TELEGRAM_MESSAGE, "recursion limit exceeded"),
        ("message_1.json", INSTAGRAM_HEAD, INSTAGRAM_MESSAGE, "EOF while parsing a list"),
    ];
    for (name, head, message, expect) in cases {
        let path = make(&v, name, |o| {
            write!(o, "{head}{}", message.trim_end_matches('"')).unwrap();
            repeat(o, "[", 1_000_000);
        });
        refused(&v, &path, &[], expect);
    }
}

/// A zip entry of a backup: its name, how it is packed, what writes it.
type Entry<'a> = (&'a str, CompressionMethod, &'a dyn Fn(&mut dyn Write));

const BACKUP_HEAD: &str = r#"{"format":"lifeboat-backup","version":1,"created_at":"2024-03-01 10:00:00","groups":[],"#;
const ONE_CARD: &str = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:a\r\nEND:VCARD\r\n";

/// A vault with one contact, and the key hostile backups are made to.
struct Backups {
    v: TestVault,
    key: Generated,
}

impl Backups {
    fn new() -> Backups {
        Backups { v: vault(), key: lifeboat::backup::generate() }
    }

    /// A backup of `entries`, encrypted to the key; the zip and then the age
    /// file are written to disk as they are made.
    fn file(&self, name: &str, entries: &[Entry]) -> PathBuf {
        let plain = self.v.path(&format!("{name}.zip"));
        let mut zip = zip::ZipWriter::new(BufWriter::new(File::create(&plain).unwrap()));
        for (entry, method, write) in entries {
            zip.start_file(*entry, SimpleFileOptions::default().compression_method(*method).large_file(true)).unwrap();
            write(&mut zip);
        }
        zip.finish().unwrap().flush().unwrap();
        let recipient = age::x25519::Recipient::from_str(&self.key.recipient).unwrap();
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
        let path = self.v.path(name);
        let mut out = encryptor.wrap_output(BufWriter::new(File::create(&path).unwrap())).unwrap();
        std::io::copy(&mut File::open(&plain).unwrap(), &mut out).unwrap();
        out.finish().unwrap().flush().unwrap();
        std::fs::remove_file(plain).unwrap();
        path
    }

    /// A backup of one card and the `lifeboat.json` that `json` writes.
    fn json(&self, name: &str, method: CompressionMethod, json: &dyn Fn(&mut dyn Write)) -> PathBuf {
        let card: Entry = ("contacts.vcf", CompressionMethod::Stored, &|o| o.write_all(ONE_CARD.as_bytes()).unwrap());
        self.file(name, &[card, ("lifeboat.json", method, json)])
    }

    /// `backup restore` of `file` is refused with `expect`, naming `entry`,
    /// within the memory limit; the vault is as it was.
    fn restore_refused(&self, file: &Path, entry: &str, expect: &str) {
        let identity = self.v.path("backup-key.txt");
        std::fs::write(&identity, format!("{}\n", self.key.secret.as_str())).unwrap();
        let args = ["backup", "restore", file.to_str().unwrap(), "--identity", identity.to_str().unwrap()];
        refused_naming(&self.v, file, entry, expect, |v| measured(v, file, &args));
    }
}

/// A backup of 150 MB whose `lifeboat.json` is one name of 150 MB, stored
/// unpacked so that no ratio limit stops it: refused at the bound on one
/// string, before the parser gathers it (it took 404 MB, the file, the
/// plaintext and the JSON each held whole).
#[test]
fn a_backup_with_one_huge_string_is_refused() {
    let b = Backups::new();
    let file = b.json("huge-string.age", CompressionMethod::Stored, &|o| {
        write!(o, "{BACKUP_HEAD}\n\"people\":[{{\"key\":1,\"name\":\"").unwrap();
        repeat(o, "가나다라마바사 abc ", (150 << 20) / 25);
        o.write_all(b"\"}]}").unwrap();
    });
    assert!(std::fs::metadata(&file).unwrap().len() > 150 << 20);
    b.restore_refused(&file, "lifeboat.json", "has a text longer than 65536 bytes (line 2)");
}

/// 100 MB of `lifeboat.json` deflated to about 100 KB: refused as it
/// unpacks past what its packed size allows.
#[test]
fn a_backup_entry_that_unpacks_past_its_limit_is_refused() {
    let b = Backups::new();
    let file = b.json("bomb.age", CompressionMethod::Deflated, &|o| {
        write!(o, r#"{BACKUP_HEAD}"people":[{{"key":1,"name":"a","aliases":["#).unwrap();
        repeat(o, r#""a","#, (100 << 20) / 4);
        o.write_all(br#""a"]}]}"#).unwrap();
    });
    assert!(std::fs::metadata(&file).unwrap().len() < 1 << 20);
    b.restore_refused(&file, "lifeboat.json (unpacked, for its packed size)", "is larger than");
}

/// Five million empty objects as the sources of one phone, 15 MB stored:
/// refused by the census before any is built (1.3 GB parsed); and 300,000
/// tiny vCards beside an empty `lifeboat.json`, each read and dropped,
/// refused as their counts differ.
#[test]
fn a_backup_of_millions_of_tiny_records_is_refused() {
    let b = Backups::new();
    let objects = b.json("objects.age", CompressionMethod::Stored, &|o| {
        write!(o, r#"{BACKUP_HEAD}"people":[{{"key":1,"name":"a","phones":[{{"raw":"1","status":"candidate","#)
            .unwrap();
        o.write_all(br#""sources":["#).unwrap();
        repeat(o, "{},", 5_000_000);
        o.write_all(b"{}]}]}]}").unwrap();
    });
    b.restore_refused(&objects, "lifeboat.json, parsed", "far more records than its size allows");
    let cards = b.file(
        "cards.age",
        &[
            ("contacts.vcf", CompressionMethod::Stored, &|o| repeat(o, ONE_CARD, 300_000)),
            ("lifeboat.json", CompressionMethod::Stored, &|o| write!(o, r#"{BACKUP_HEAD}"people":[]}}"#).unwrap()),
        ],
    );
    b.restore_refused(&cards, "contacts.vcf", "holds 300000 people, lifeboat.json 0");
}
