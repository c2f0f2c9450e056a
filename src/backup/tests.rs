use std::io::{Cursor, Write};

use super::format::*;
use super::*;

fn snapshot() -> Snapshot {
    let shared = BackupSource {
        file: Some("KakaoTalk_캡스톤.txt".into()),
        line: Some(40),
        group: Some("캡스톤 3조".into()),
        shared_by: Some("김철수".into()),
        at: Some("2022-10-15 21:03:00".into()),
        times: 2,
    };
    Snapshot {
        format: FORMAT.into(),
        version: VERSION,
        created_at: "2024-03-01 10:00:00".into(),
        people: vec![
            BackupPerson {
                key: 1,
                name: "김철수".into(),
                aliases: vec!["철수".into()],
                phones: vec![BackupPhone {
                    raw: "010-1234-5678".into(),
                    e164: Some("+821012345678".into()),
                    label: Some("mobile".into()),
                    status: Status::Candidate,
                    sources: vec![shared],
                }],
                ..Default::default()
            },
            BackupPerson { key: 2, name: "이영희".into(), ..Default::default() },
        ],
        groups: vec![BackupGroup {
            key: 5,
            name: "캡스톤 3조".into(),
            kind: "chat".into(),
            platform: Some("kakao".into()),
            members: vec![
                BackupMember {
                    person: 1,
                    display_name: "김철수".into(),
                    first_seen: None,
                    last_seen: None,
                    messages: 1,
                    left: false,
                },
                BackupMember {
                    person: 2,
                    display_name: "영희".into(),
                    first_seen: None,
                    last_seen: None,
                    messages: 0,
                    left: false,
                },
            ],
        }],
        messages: vec![],
    }
}

fn signing() -> Signing {
    Signing { name: "김철수".into(), key: SigningKey::from_seed(&[3; 32]) }
}

fn to_key() -> (Keys, Protection) {
    let k = generate();
    let protection = Protection::Recipients(vec![parse_recipient(&k.recipient).unwrap()]);
    (Keys { passphrase: None, identities: from_secrets([k.secret.as_str()]).unwrap() }, protection)
}

#[test]
fn round_trip_to_a_key() {
    let (keys, protection) = to_key();
    let bytes = create(&snapshot(), &signing(), &protection).unwrap();
    assert!(!needs_passphrase(&mut Cursor::new(&bytes)).unwrap());
    let opened = open(Cursor::new(&bytes), &keys, &Limits::default()).unwrap();
    assert_eq!(opened.snapshot, snapshot());
    assert_eq!(opened.vcards, 2);
    assert_eq!(opened.snapshot.counts().members, 2);
    assert_eq!(opened.signer, Signer::Signed { name: "김철수".into(), key: signing().key.public() });
}

#[test]
fn passphrase_round_trip_and_wrong_passphrase() {
    let protection = Protection::passphrase(Passphrase::from("correct horse battery".to_owned())).unwrap();
    let bytes = create(&snapshot(), &signing(), &protection).unwrap();
    assert!(needs_passphrase(&mut Cursor::new(&bytes)).unwrap());
    // The shipped work factor is age's standard 2^18, not a tuned-down one.
    let header = String::from_utf8_lossy(&bytes[..200]).into_owned();
    let expected = if cfg!(debug_assertions) && std::env::var_os("LIFEBOAT_INSECURE_TEST_KDF").is_some() {
        " 10\n"
    } else {
        " 18\n"
    };
    assert!(header.lines().any(|l| l.starts_with("-> scrypt ") && format!("{l}\n").ends_with(expected)), "{header}");
    let right = Keys { passphrase: Some(Passphrase::from("correct horse battery".to_owned())), identities: vec![] };
    assert_eq!(open(Cursor::new(&bytes), &right, &Limits::default()).unwrap().snapshot, snapshot());
    let wrong = Keys { passphrase: Some(Passphrase::from("wrong horse battery".to_owned())), identities: vec![] };
    assert!(matches!(open(Cursor::new(&bytes), &wrong, &Limits::default()), Err(BackupError::WrongKey)));
    assert!(matches!(
        open(Cursor::new(&bytes), &Keys::default(), &Limits::default()),
        Err(BackupError::NeedPassphrase)
    ));
    assert!(matches!(Protection::passphrase(Passphrase::from("short".to_owned())), Err(BackupError::WeakPassphrase)));
}

#[test]
fn tampered_truncated_and_wrong_key_are_refused() {
    let (keys, protection) = to_key();
    let bytes = create(&snapshot(), &signing(), &protection).unwrap();
    let mut tampered = bytes.clone();
    let last = tampered.len() - 20;
    tampered[last] ^= 0x01;
    assert!(matches!(open(Cursor::new(&tampered), &keys, &Limits::default()), Err(BackupError::Damaged { .. })));
    let truncated = &bytes[..bytes.len() - 50];
    assert!(matches!(open(Cursor::new(truncated), &keys, &Limits::default()), Err(BackupError::Damaged { .. })));
    let (other, _) = to_key();
    assert!(matches!(open(Cursor::new(&bytes), &other, &Limits::default()), Err(BackupError::WrongKey)));
    assert!(matches!(open(Cursor::new(&bytes), &Keys::default(), &Limits::default()), Err(BackupError::NeedIdentity)));
    assert!(matches!(
        open(Cursor::new(b"PK\x03\x04 not age"), &keys, &Limits::default()),
        Err(BackupError::NotABackup)
    ));
}

/// Encrypt an arbitrary zip, as an attacker could.
fn hostile(entries: &[(&str, &[u8])]) -> (Keys, Vec<u8>) {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    let plain = zip.finish().unwrap().into_inner();
    let (keys, protection) = to_key();
    (keys, crypt::encrypt(&plain, &protection).unwrap())
}

#[test]
fn hostile_archives_are_refused() {
    let json = snapshot().to_json();
    let vcf = crate::export::vcard::export(
        &snapshot().people_views().collect::<Vec<_>>(),
        crate::export::vcard::Version::V4,
        &crate::export::BOTH,
    );
    let (keys, bytes) =
        hostile(&[("../../etc/passwd", b"x"), ("lifeboat.json", &json), ("contacts.vcf", vcf.as_bytes())]);
    assert!(matches!(open(Cursor::new(&bytes), &keys, &Limits::default()), Err(BackupError::Invalid { .. })));
    let (keys, bytes) = hostile(&[("/lifeboat.json", &json), ("contacts.vcf", vcf.as_bytes())]);
    assert!(matches!(open(Cursor::new(&bytes), &keys, &Limits::default()), Err(BackupError::Invalid { .. })));
    let (keys, bytes) = hostile(&[("lifeboat.json", &json)]);
    assert!(matches!(open(Cursor::new(&bytes), &keys, &Limits::default()), Err(BackupError::Invalid { .. })));
    // A highly compressible entry past the limit: refused while reading, not after.
    let zeros = vec![b' '; 200_000];
    let (keys, bytes) = hostile(&[("lifeboat.json", &zeros), ("contacts.vcf", vcf.as_bytes())]);
    let small = Limits { max_entry: 100_000, ..Limits::default() };
    assert!(matches!(open(Cursor::new(&bytes), &keys, &small), Err(BackupError::TooLarge { .. })));
    let tiny = Limits { max_decrypted: 100, ..Limits::default() };
    assert!(matches!(open(Cursor::new(&bytes), &keys, &tiny), Err(BackupError::TooLarge { .. })));
    let deep =
        format!("{{\"format\":\"lifeboat-backup\",\"version\":1,\"x\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let (keys, bytes) = hostile(&[("lifeboat.json", deep.as_bytes()), ("contacts.vcf", vcf.as_bytes())]);
    let err = open(Cursor::new(&bytes), &keys, &Limits::default()).err();
    assert!(matches!(err, Some(BackupError::Invalid { .. })), "{err:?}");
}

#[test]
fn inconsistent_json_is_refused() {
    let mut s = snapshot();
    s.groups[0].members[0].person = 99;
    assert!(matches!(from_json(&s.to_json()), Err(BackupError::Invalid { .. })));
    let mut s = snapshot();
    s.version = VERSION + 1;
    assert!(matches!(from_json(&s.to_json()), Err(BackupError::TooNew { .. })));
    let mut s = snapshot();
    s.format = "something-else".into();
    assert!(matches!(from_json(&s.to_json()), Err(BackupError::Invalid { .. })));
    let mut s = snapshot();
    s.groups[0].kind = "evil".into();
    assert!(matches!(from_json(&s.to_json()), Err(BackupError::Invalid { .. })));
}

/// `lifeboat.json` given whole, each pass reading it from the start.
impl Json for &[u8] {
    fn pass<T>(&mut self, parse: impl FnOnce(JsonReader<'_>) -> Result<T, BackupError>) -> Result<T, BackupError> {
        let mut whole: &[u8] = self;
        parse(std::io::BufReader::new(&mut whole))
    }
}

fn from_json(json: &[u8]) -> Result<Snapshot, BackupError> {
    Snapshot::from_json(&mut &*json, u64::MAX).map(|(snapshot, _)| snapshot)
}

/// A directory listing tens of thousands of entries is refused before the
/// zip crate builds an entry for each (millions would cost gigabytes).
#[test]
fn a_huge_zip_directory_is_refused_before_it_is_read() {
    let names: Vec<String> = (0..30_000).map(|i| format!("e{i:05}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let (keys, bytes) = hostile(&entries);
    let err = open(Cursor::new(&bytes), &keys, &Limits::default()).err();
    assert!(matches!(&err, Some(BackupError::Invalid { reason }) if reason.contains("directory is larger")), "{err:?}");
}

/// A backup from before handles had a status: a handle a member shared in a
/// chat reads as a candidate, one from a file (or a platform id) as confirmed.
#[test]
fn a_handle_without_a_status_is_what_an_import_would_make_it() {
    let json = br#"{"format":"lifeboat-backup","version":2,"created_at":"2024-03-01 10:00:00","groups":[],
      "people":[{"key":1,"name":"a","org":null,"note":null,"birthday":null,"handles":[
        {"service":"instagram","value":"shared_one","sources":[{"file":"KakaoTalk.txt","line":3,"group":"g","shared_by":"a","at":"2024-01-01 09:00:00"}]},
        {"service":"telegram","value":"from_a_card","sources":[{"file":"a.vcf","line":2,"group":null,"shared_by":null,"at":null}]},
        {"service":"line","value":"said_confirmed","status":"confirmed","sources":[{"file":"KakaoTalk.txt","line":4,"group":"g","shared_by":"a","at":null}]},
        {"service":"id","value":"12345"}]}]}"#;
    let snap = from_json(json).unwrap();
    let statuses: Vec<Status> = snap.people[0].handles.iter().map(BackupHandle::status).collect();
    assert_eq!(statuses, [Status::Candidate, Status::Confirmed, Status::Confirmed, Status::Confirmed]);
    // Written again, a handle that has no status still has none, and one that has keeps it.
    let again = serde_json::to_value(&snap.people[0].handles).unwrap();
    assert!(again[0].get("status").is_none(), "{again}");
    assert_eq!(again[2]["status"], "confirmed");
}
