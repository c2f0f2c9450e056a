//! Crash safety with real processes: `kill -9` during a re-key, a restore and
//! a migration; a full disk; a vault damaged on disk; two processes at once.
//! (A killed import is in tests/chat.rs.)

mod common;

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{PASSPHRASE, TestVault, generate};

const NEW: &str = "a brand new passphrase";
const WITH_PASS: &[(&str, &str)] = &[("LIFEBOAT_BACKUP_PASSPHRASE", "backup passphrase 1")];

fn run_as(v: &TestVault, passphrase: &str, args: &[&str]) -> Output {
    v.cmd().env("LIFEBOAT_PASSPHRASE", passphrase).args(args).output().expect("run lifeboat")
}

/// What the vault holds, through `passphrase`, or None when it does not open.
fn state(v: &TestVault, passphrase: &str) -> Option<(serde_json::Value, serde_json::Value)> {
    let people = run_as(v, passphrase, &["people", "--json"]);
    if !people.status.success() {
        return None;
    }
    let groups = run_as(v, passphrase, &["groups", "--json"]);
    assert!(groups.status.success(), "{}", String::from_utf8_lossy(&groups.stderr));
    let parse = |o: &Output| serde_json::from_slice(&o.stdout).expect("JSON");
    let mut people: serde_json::Value = parse(&people);
    // A person restored from someone else's backup gets a fresh UID in each
    // vault; the rest of them is what must match.
    for p in people.as_array_mut().into_iter().flatten() {
        p.as_object_mut().map(|p| p.remove("uid"));
    }
    Some((people, parse(&groups)))
}

/// Start `cmd`, kill -9 it after `after`; true when it was still running.
fn kill_after(mut cmd: Command, after: Duration) -> bool {
    let mut child = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().expect("spawn");
    std::thread::sleep(after);
    Command::new("kill").args(["-9", &child.id().to_string()]).status().expect("kill");
    child.wait().expect("wait").signal() == Some(9)
}

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// A vault with a chat large enough that re-keying and restoring take a while.
fn big_vault(messages: &str) -> TestVault {
    let v = TestVault::new();
    let (chat, _) = generate(
        v.tmp.path(),
        "chat",
        "kakao-pc-ko",
        "big.txt",
        &["--messages", messages, "--members", "30", "--seed", "4"],
    );
    let (contacts, _) = generate(v.tmp.path(), "contacts", "vcard30", "c.vcf", &["--count", "50", "--seed", "4"]);
    v.ok(&["import", chat.to_str().unwrap(), contacts.to_str().unwrap()]);
    v
}

#[test]
fn kill_9_during_passwd_leaves_a_vault_that_opens_with_one_passphrase_and_passwd_can_be_rerun() {
    let v = big_vault("150000");
    let before = state(&v, PASSPHRASE).expect("opens");
    let pristine = v.path("pristine");
    copy_dir(&v.dir(), &pristine);
    let start = Instant::now();
    assert!(v.cmd().env("LIFEBOAT_NEW_PASSPHRASE", NEW).arg("passwd").output().unwrap().status.success());
    let took = start.elapsed();
    let mut killed = 0;
    for tenth in 1..10 {
        copy_dir(&pristine, &v.dir());
        let mut cmd = v.cmd();
        cmd.env("LIFEBOAT_NEW_PASSPHRASE", NEW).arg("passwd");
        killed += kill_after(cmd, took * tenth / 10) as usize;
        // A wrong passphrase first must not harm a half-done re-key.
        assert!(state(&v, "not the passphrase").is_none());
        let (old, new) = (state(&v, PASSPHRASE), state(&v, NEW));
        let (now, works) = match (old, new) {
            (Some(s), None) => (s, PASSPHRASE),
            (None, Some(s)) => (s, NEW),
            (a, b) => panic!(
                "at {tenth}/10 exactly one passphrase must open the vault: old {} new {}",
                a.is_some(),
                b.is_some()
            ),
        };
        assert_eq!(now, before, "at {tenth}/10 the vault holds what it held");
        let again = v
            .cmd()
            .env("LIFEBOAT_PASSPHRASE", works)
            .env("LIFEBOAT_NEW_PASSPHRASE", "third passphrase")
            .arg("passwd")
            .output()
            .unwrap();
        assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
        assert_eq!(state(&v, "third passphrase").expect("the new passphrase opens"), before);
        assert!(!v.dir().join("lifeboat.header.new").exists());
    }
    assert!(killed >= 3, "only {killed} of 9 runs were killed before passwd ended");
}

#[test]
fn kill_9_during_a_restore_leaves_the_vault_as_before_and_the_restore_can_be_rerun() {
    let a = big_vault("40000");
    let backup = a.path("all.age");
    let made = a
        .cmd()
        .envs(WITH_PASS.iter().copied())
        .args(["backup", "create", "--with-messages", "-o"])
        .arg(&backup)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let b = TestVault::new();
    let before = state(&b, PASSPHRASE).unwrap();
    let restore = |v: &TestVault| {
        let mut c = v.cmd();
        c.envs(WITH_PASS.iter().copied()).args(["backup", "restore"]).arg(&backup);
        c
    };
    let start = Instant::now();
    let probe = TestVault::new();
    assert!(restore(&probe).output().unwrap().status.success());
    let took = start.elapsed();
    assert!(kill_after(restore(&b), took / 2), "the restore must still be running when killed");
    assert_eq!(state(&b, PASSPHRASE).unwrap(), before, "nothing of the killed restore was kept");
    assert!(restore(&b).output().unwrap().status.success());
    assert_eq!(state(&b, PASSPHRASE).unwrap(), state(&probe, PASSPHRASE).unwrap());
}

/// Opening a vault whose schema is one version old migrates it, in one
/// transaction: killed anywhere during open, the vault opens next time.
#[test]
fn kill_9_while_a_vault_is_migrated_leaves_it_usable() {
    let v = TestVault::new();
    v.ok(&["keygen"]);
    let pristine = v.path("v1");
    downgrade_to_schema_1(&v);
    copy_dir(&v.dir(), &pristine);
    for step in 0..12 {
        copy_dir(&pristine, &v.dir());
        let mut cmd = v.cmd();
        cmd.arg("people");
        kill_after(cmd, Duration::from_millis(step * 4));
        // Migrated or not, it opens and migrates now; keygen needs version 2.
        v.ok(&["people"]);
        v.ok(&["keygen"]);
    }
}

/// Turn the vault back into schema 4: messages one per row, as before chunks.
fn downgrade_to_schema_4(conn: &rusqlite::Connection) {
    // The version-1 message tables, as migration 1 made them.
    let init = include_str!("../src/vault/migrations/0001_init.sql");
    let start = init.find("CREATE TABLE message (").unwrap();
    let end = init.find("-- Where a phone or e-mail came from").unwrap();
    conn.execute_batch(&format!(
        "CREATE INDEX phone_e164 ON phone(e164);
         DROP INDEX email_batch; DROP INDEX phone_batch; DROP INDEX person_batch;
         DROP TABLE handle_rejected; DROP INDEX handle_value; ALTER TABLE handle DROP COLUMN edited;
         ALTER TABLE handle DROP COLUMN status;
         DROP INDEX phone_value; DROP INDEX membership_name_key; DROP INDEX alias_name_key; DROP INDEX person_name_key;
         DROP TABLE handle_source; DROP INDEX person_order_ko;
         DROP INDEX person_uid; ALTER TABLE person DROP COLUMN org_parts; ALTER TABLE person DROP COLUMN name_parts; ALTER TABLE person DROP COLUMN uid;
         DROP TABLE ask_member; DROP TABLE ask;
         DROP TABLE claim_left; DROP TABLE claim_match; DROP TABLE group_signer; ALTER TABLE provenance DROP COLUMN claimed;
         ALTER TABLE source DROP COLUMN claim; ALTER TABLE source DROP COLUMN made_at;
         ALTER TABLE source DROP COLUMN signer_key; ALTER TABLE source DROP COLUMN signer;
         DROP TABLE signing_key; ALTER TABLE provenance DROP COLUMN times; DROP TABLE message_chunk; {}
         DROP TABLE text_index_more; DROP TABLE text_index_seen; DROP TABLE text_index_text;
         DROP TABLE text_index_gram; DROP TABLE text_index_segment;
         PRAGMA user_version = 4;",
        &init[start..end]
    ))
    .unwrap();
}

/// Turn the vault back into schema 1, as an older Lifeboat left it.
fn downgrade_to_schema_1(v: &TestVault) {
    let conn = raw_connection(&v.dir());
    downgrade_to_schema_4(&conn);
    // Undo migrations 4, 3 and 2, newest first.
    conn.execute_batch(
        "DROP INDEX person_by_name; DROP INDEX person_merged;
         DROP TABLE not_same; DROP TABLE merge_move; DROP TABLE merge; ALTER TABLE person DROP COLUMN merged_into;
         DROP TABLE backup_identity; PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn a_version_4_vault_keeps_its_messages_in_chunks() {
    let v = TestVault::new();
    let conn = raw_connection(&v.dir());
    downgrade_to_schema_4(&conn);
    // A room as version 4 stored it: a row per message, provenance pointing at one.
    conn.execute_batch(
        "INSERT INTO batch(id, at, kind) VALUES (1, '2022-10-16 09:00:00', 'import');
         INSERT INTO source(id, batch_id, file_name, format, encoding, sha256, imported_at)
           VALUES (1, 1, 'KakaoTalk_Chat_캡스톤.txt', 'kakao', 'UTF-8', 'ab', '2022-10-16 09:00:00');
         INSERT INTO grp(id, name, kind, platform, batch_id) VALUES (1, '캡스톤', 'chat', 'kakao', 1);
         INSERT INTO person(id, name, batch_id) VALUES (1, '김철수', 1), (2, '이영희', 1);
         INSERT INTO membership(grp_id, person_id, display_name, messages, batch_id)
           VALUES (1, 1, '김철수', 2, 1), (1, 2, '이영희', 1, 1);
         INSERT INTO message(id, grp_id, person_id, sender, at, body, kind, fp, source_id, line, batch_id) VALUES
           (70000, 1, 1, '김철수', '2022-10-15 21:02:00', '안녕하세요', 'text', 1, 1, 3, 1),
           (70001, 1, 1, '김철수', '2022-10-15 21:03:00', '제 번호 010-2222-3333 입니다', 'text', 2, 1, 4, 1),
           (70002, 1, 2, '이영희', '2022-10-15 21:04:00', '사진', 'media', 3, 1, 5, 1);
         INSERT INTO message_fts(rowid, body) SELECT id, body FROM message WHERE kind = 'text';
         INSERT INTO setting(key, value) VALUES ('fts_indexed_upto', '70002');
         INSERT INTO phone(id, person_id, e164, raw, value, digits, status, batch_id)
           VALUES (1, 1, '+821022223333', '010-2222-3333', '+821022223333', '01022223333', 'candidate', 1);
         INSERT INTO provenance(phone_id, source_id, line, message_id, grp_id, shared_by, at, batch_id)
           VALUES (1, 1, 4, 70001, 1, '김철수', '2022-10-15 21:03:00', 1);",
    )
    .unwrap();
    drop(conn);

    let groups = v.json(&["groups"]);
    assert_eq!(groups[0]["messages"], 3, "{groups}");
    let hits = v.json(&["search", "--messages", "번호"]);
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    assert_eq!(hits[0]["sender"], "김철수");
    assert_eq!(hits[0]["at"], "2022-10-15 21:03:00");
    assert_eq!(hits[0]["group"], "캡스톤");
    let kim = v.json(&["show", "1"]);
    assert_eq!(kim["phones"][0]["sources"][0]["message"], "제 번호 010-2222-3333 입니다", "{kim}");
    assert_eq!(kim["phones"][0]["sources"][0]["times"], 1);
    // Migration 10 gave everyone a UID of their own.
    let lee = v.json(&["show", "2"]);
    let (a, b) = (kim["uid"].as_str().unwrap(), lee["uid"].as_str().unwrap());
    assert!(a.starts_with("urn:uuid:") && a.len() == 45 && a != b, "{a} {b}");
    // The old tables are gone, and undo removes the moved messages with their import.
    let conn = raw_connection(&v.dir());
    let old: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('message', 'message_fts')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old, 0);
    drop(conn);
    v.ok(&["undo", "1"]);
    assert_eq!(v.json(&["groups"]).as_array().unwrap().len(), 0);
    assert!(v.json(&["search", "--messages", "번호"]).as_array().unwrap().is_empty());
}

/// The database opened with its key, as the vault does.
fn raw_connection(dir: &Path) -> rusqlite::Connection {
    let header: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("lifeboat.header")).unwrap()).unwrap();
    let cost = &header["cost"];
    let params = argon2::Params::new(
        cost["m_kib"].as_u64().unwrap() as u32,
        cost["t"].as_u64().unwrap() as u32,
        cost["p"].as_u64().unwrap() as u32,
        Some(32),
    )
    .unwrap();
    let salt = hex::decode(header["salt"].as_str().unwrap()).unwrap();
    let mut key = [0u8; 32];
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(PASSPHRASE.as_bytes(), &salt, &mut key)
        .unwrap();
    let conn = rusqlite::Connection::open(dir.join("lifeboat.db")).unwrap();
    conn.pragma_update(None, "key", format!("x'{}'", hex::encode(key))).unwrap();
    conn
}

#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing() {
    let v = TestVault::new();
    let (small, _) = generate(v.tmp.path(), "contacts", "vcard30", "c.vcf", &["--count", "20", "--seed", "1"]);
    v.ok(&["import", small.to_str().unwrap()]);
    let before = state(&v, PASSPHRASE).unwrap();
    let size = std::fs::metadata(v.dir().join("lifeboat.db")).unwrap().len();
    let (chat, _) = generate(v.tmp.path(), "chat", "kakao-pc-ko", "big.txt", &["--messages", "20000", "--seed", "2"]);
    // The child may not grow any file past the vault's current size. With
    // SIGXFSZ ignored (kept across exec) a write past it fails with EFBIG,
    // as a write to a full disk fails with ENOSPC.
    let limited = |args: &[&str]| {
        let mut c = Command::new("sh");
        c.args(["-c", "trap '' XFSZ; exec prlimit --fsize=\"$0\" -- \"$@\"", &size.to_string()])
            .arg(env!("CARGO_BIN_EXE_lifeboat"))
            .args(args);
        c.envs(v.cmd().get_envs().filter_map(|(k, val)| Some((k, val?))));
        c.output().expect("prlimit runs")
    };
    let out = limited(&["import", chat.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("disk space") || err.contains("too large"), "{err}");
    assert_eq!(state(&v, PASSPHRASE).unwrap(), before, "nothing was lost or half-written");
    let backup = v.path("b.age");
    let out = limited(&["backup", "create", "--with-messages", "-o", backup.to_str().unwrap()]);
    // A backup this small fits; one that does not must fail cleanly and leave no partial file.
    if !out.status.success() {
        assert!(!backup.exists(), "no partial backup");
    }
    v.ok(&["import", chat.to_str().unwrap()]);
}

/// Changes to the database's and the header's bytes.
type Damage = Box<dyn Fn(&mut Vec<u8>, &mut Vec<u8>)>;

#[test]
fn a_vault_damaged_on_disk_is_reported_as_damaged_and_left_untouched() {
    let v = TestVault::new();
    let (contacts, _) = generate(v.tmp.path(), "contacts", "vcard30", "c.vcf", &["--count", "200", "--seed", "1"]);
    v.ok(&["import", contacts.to_str().unwrap()]);
    let pristine = v.path("pristine");
    copy_dir(&v.dir(), &pristine);
    let db = v.dir().join("lifeboat.db");
    let len = std::fs::metadata(&db).unwrap().len() as usize;
    // The last page of the people table, which listing the people reads.
    let later = {
        let conn = raw_connection(&v.dir());
        let page: i64 =
            conn.query_row("SELECT max(pageno) FROM dbstat WHERE name = 'person'", [], |r| r.get(0)).unwrap();
        let size: String = conn.query_row("PRAGMA cipher_page_size", [], |r| r.get(0)).unwrap();
        let size: i64 = size.parse().unwrap();
        assert!(page > 1, "the people fill more than the first page");
        ((page - 1) * size + size / 2) as usize
    };
    let damages: Vec<(&str, Damage)> = vec![
        ("a flipped byte in the first page", Box::new(|db, _| db[100] ^= 0x40)),
        ("a flipped byte in a later page", Box::new(move |db, _| db[later] ^= 0x01)),
        ("a truncated database", Box::new(move |db, _| db.truncate(len / 2))),
        ("an empty database", Box::new(|db, _| db.clear())),
        ("a corrupt header", Box::new(|_, h| h[3] = b'!')),
        ("a missing header", Box::new(|_, h| h.clear())),
    ];
    for (what, damage) in damages {
        copy_dir(&pristine, &v.dir());
        let mut bytes = std::fs::read(&db).unwrap();
        let mut header = std::fs::read(v.dir().join("lifeboat.header")).unwrap();
        damage(&mut bytes, &mut header);
        std::fs::write(&db, &bytes).unwrap();
        if header.is_empty() {
            std::fs::remove_file(v.dir().join("lifeboat.header")).unwrap();
        } else {
            std::fs::write(v.dir().join("lifeboat.header"), &header).unwrap();
        }
        let err = v.fails(&["people"]);
        assert!(err.contains("damaged") && err.contains("backup restore"), "{what}: {err}");
        assert_eq!(std::fs::read(&db).unwrap(), bytes, "{what}: the damaged database was not written");
        assert_eq!(
            std::fs::read(v.dir().join("lifeboat.header")).unwrap_or_default(),
            header,
            "{what}: header untouched"
        );
    }
}

#[test]
fn a_second_real_process_waits_then_is_told_the_vault_is_busy() {
    let v = TestVault::new();
    // The first process holds the vault while it waits on a pipe nobody writes to.
    let fifo = v.path("export.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut first = v.cmd().arg("import").arg(&fifo).stderr(std::process::Stdio::null()).spawn().unwrap();
    // Opening the pipe to write returns once the import opened it to read,
    // which it does after it opened the vault: from here on it holds it.
    let _writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    let start = Instant::now();
    let err = v.fails(&["people"]);
    let waited = start.elapsed();
    assert!(err.contains("in use"), "{err}");
    assert!(waited >= Duration::from_secs(2), "the second process waits before giving up ({waited:?})");
    assert!(first.try_wait().unwrap().is_none(), "the first process still holds the vault");
    first.kill().unwrap();
    first.wait().unwrap();
    v.ok(&["people"]);
}
