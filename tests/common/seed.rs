//! A seeded vault for the export and backup tests: people, a group with a
//! roster and messages, put in through a backup made with the library (it
//! carries everything a vault holds, including candidates and provenance).

use std::process::Output;

use lifeboat::backup::format::*;
use lifeboat::backup::{self, Protection};
use lifeboat::phone::{Region, to_e164};
use serde_json::Value;

use super::TestVault;

/// Run with extra environment variables.
pub fn run_with(v: &TestVault, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = v.cmd();
    cmd.args(args).env_remove("LIFEBOAT_BACKUP_PASSPHRASE").stdin(std::process::Stdio::null());
    for (k, val) in env {
        cmd.env(k, val);
    }
    cmd.output().expect("run lifeboat")
}

/// Run with extra environment variables, assert success, return stdout.
pub fn ok_with(v: &TestVault, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = run_with(v, args, env);
    assert!(
        out.status.success(),
        "lifeboat {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// A new vault holding [`seed`], restored from a backup the vault itself
/// signed, so it restores exactly as written.
pub fn seeded() -> TestVault {
    let v = TestVault::new();
    restore_own(&v, &seed());
    v
}

/// Restore `snap` into `v` as a backup `v` itself signed (its signing key
/// becomes a known one): restored exactly as written.
pub fn restore_own(v: &TestVault, snap: &Snapshot) {
    // The vault takes a known signing key (and no age key, which some tests
    // need it not to have), and the seed backup is signed with it.
    let seed_key = || backup::SigningKey::from_seed(&[42; 32]);
    let throwaway = backup::generate();
    let text = backup::key_file(&throwaway.secret, &throwaway.recipient, &seed_key());
    let signing_only: String =
        text.lines().filter(|l| !l.starts_with("AGE-SECRET-KEY-")).map(|l| format!("{l}\n")).collect();
    let keys = v.path("seed-signing-key.txt");
    std::fs::write(&keys, signing_only).unwrap();
    v.ok(&["keygen", "--import", keys.to_str().unwrap()]);
    let own = backup::Signing { name: "seed".into(), key: seed_key() };
    let key = backup::generate();
    let identity = v.path("seed-key.txt");
    std::fs::write(&identity, format!("{}\n", key.secret.as_str())).unwrap();
    let protection = Protection::Recipients(vec![backup::parse_recipient(&key.recipient).unwrap()]);
    let file = v.path("seed.age");
    std::fs::write(&file, backup::create(snap, &own, &protection).unwrap()).unwrap();
    v.ok(&["backup", "restore", file.to_str().unwrap(), "--identity", identity.to_str().unwrap()]);
}

pub fn phone(raw: &str, label: Option<&str>, status: Status, sources: Vec<BackupSource>) -> BackupPhone {
    BackupPhone {
        raw: raw.into(),
        e164: to_e164(raw, Region::default()),
        label: label.map(Into::into),
        status,
        sources,
    }
}

fn email(address: &str, label: Option<&str>) -> BackupEmail {
    BackupEmail {
        address: address.into(),
        label: label.map(Into::into),
        status: Status::Confirmed,
        sources: vec![file_source("contacts.vcf", 9)],
    }
}

pub fn file_source(file: &str, line: u32) -> BackupSource {
    BackupSource { file: Some(file.into()), line: Some(line), group: None, shared_by: None, at: None, times: 1 }
}

pub fn person(key: i64, name: &str) -> BackupPerson {
    BackupPerson { key, name: name.into(), ..Default::default() }
}

pub fn member(person: i64, name: &str, messages: i64, left: bool) -> BackupMember {
    BackupMember {
        person,
        display_name: name.into(),
        first_seen: Some("2022-10-01 09:00:00".into()),
        last_seen: Some("2022-10-15 21:03:00".into()),
        messages,
        left,
    }
}

pub const ROOM: &str = "캡스톤 3조";

/// Korean and Latin names, a candidate number shared in a chat, custom labels,
/// handles, a member known only by name, one who left, and messages.
pub fn seed() -> Snapshot {
    let shared = BackupSource {
        file: Some("KakaoTalk_캡스톤 3조.txt".into()),
        line: Some(41),
        group: Some(ROOM.into()),
        shared_by: Some("김철수".into()),
        at: Some("2022-10-15 21:03:00".into()),
        times: 2,
    };
    let mut kim = person(1, "김철수");
    kim.aliases = vec!["철수".into()];
    kim.org = Some("Lifeboat; Inc, Seoul".into());
    kim.note = Some("팀장".into());
    kim.birthday = Some("1999-03-01".into());
    kim.phones = vec![
        phone("010-1234-5678", Some("mobile"), Status::Confirmed, vec![file_source("contacts.vcf", 3)]),
        phone("010-2222-3333", None, Status::Candidate, vec![shared]),
    ];
    kim.emails = vec![email("cs.kim@example.kr", Some("work"))];
    kim.handles =
        vec![BackupHandle { service: "telegram".into(), value: "cskim".into(), status: None, sources: vec![] }];
    let mut alice = person(2, "Alice Kim");
    alice.phones = vec![phone("+1 415-555-0100", Some("work"), Status::Confirmed, vec![file_source("google.csv", 2)])];
    alice.emails = vec![email("alice@example.com", Some("home"))];
    alice.handles =
        vec![BackupHandle { service: "line".into(), value: "alice.k".into(), status: None, sources: vec![] }];
    let mut park = person(3, "박민수");
    park.phones = vec![
        phone("02-312-3456", Some("home"), Status::Confirmed, vec![file_source("contacts.vcf", 20)]),
        phone("010-9999-8888", Some("업무폰"), Status::Confirmed, vec![file_source("contacts.vcf", 21)]),
    ];
    let lee = person(4, "이영희");
    let mut hong = person(5, "홍길동");
    hong.emails = vec![email("gildong@example.kr", None)];
    Snapshot {
        format: FORMAT.into(),
        version: VERSION,
        created_at: "2024-03-01 10:00:00".into(),
        people: vec![kim, alice, park, lee, hong],
        groups: vec![BackupGroup {
            key: 10,
            name: ROOM.into(),
            kind: "chat".into(),
            platform: Some("kakao".into()),
            members: vec![member(1, "김철수", 1, false), member(4, "영희", 1, false), member(3, "민수", 0, true)],
        }],
        messages: vec![
            BackupMessage {
                group: 10,
                person: Some(1),
                sender: "김철수".into(),
                at: "2022-10-15 21:03:00".into(),
                body: "제 번호 010-2222-3333 입니다".into(),
                kind: "text".into(),
                fp: 11,
            },
            BackupMessage {
                group: 10,
                person: Some(4),
                sender: "영희".into(),
                at: "2022-10-15 21:04:00".into(),
                body: "고마워요".into(),
                kind: "text".into(),
                fp: 12,
            },
        ],
    }
}

/// `lifeboat people --json` without the vault's row ids, for comparing vaults.
pub fn people(v: &TestVault) -> Value {
    let mut value = v.json(&["people"]);
    strip_ids(&mut value);
    value
}

fn strip_ids(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("id");
            map.remove("person_id");
            map.values_mut().for_each(strip_ids);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_ids),
        _ => {}
    }
}

/// `lifeboat groups --json` without row ids.
pub fn groups(v: &TestVault) -> Value {
    let mut value = v.json(&["groups"]);
    strip_ids(&mut value);
    value
}

/// name → (sorted numbers as E.164 or raw, sorted e-mails): what must survive a vCard.
pub fn contact_sets(v: &TestVault) -> std::collections::BTreeMap<String, (Vec<String>, Vec<String>)> {
    let mut out = std::collections::BTreeMap::new();
    for p in v.json(&["people"]).as_array().unwrap() {
        let mut phones: Vec<String> = p["phones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|ph| ph["e164"].as_str().or(ph["raw"].as_str()).unwrap().to_owned())
            .collect();
        phones.sort();
        let mut emails: Vec<String> =
            p["emails"].as_array().unwrap().iter().map(|e| e["address"].as_str().unwrap().to_owned()).collect();
        emails.sort();
        out.insert(p["name"].as_str().unwrap().to_owned(), (phones, emails));
    }
    out
}
