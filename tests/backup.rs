//! `lifeboat backup` and `lifeboat keygen` through the real binary.

mod common;

use std::process::Command;

use common::TestVault;
use common::seed::{groups, ok_with, people, run_with, seeded};
use lifeboat::backup::format::Snapshot;
use serde_json::json;

const BACKUP_PASS: &str = "backup passphrase 백업";
const WITH_PASS: &[(&str, &str)] = &[("LIFEBOAT_BACKUP_PASSPHRASE", BACKUP_PASS)];

#[test]
fn passphrase_backup_round_trips_everything() {
    let a = seeded();
    let file = a.path("all.age");
    let f = file.to_str().unwrap();
    let made = ok_with(&a, &["backup", "create", "-o", f, "--with-messages"], WITH_PASS);
    assert!(made.contains("5 people, 5 phones, 3 e-mails, 1 group, 2 messages"), "{made}");
    let verify = ok_with(&a, &["backup", "verify", f], WITH_PASS);
    assert!(
        verify.contains("5 people, 5 phones, 3 e-mails, 1 group, 3 members, 2 messages; contacts.vcf holds 5 cards"),
        "{verify}"
    );

    // Into the vault it came from: everyone is already there.
    assert!(ok_with(&a, &["backup", "restore", f], WITH_PASS).contains("Nothing new"));

    let b = TestVault::new();
    common::same_signer(&a, &b);
    let restored = ok_with(&b, &["backup", "restore", f], WITH_PASS);
    assert!(restored.contains("Added 5 people, 5 phones, 3 e-mails, 1 group, 3 members, 2 messages"), "{restored}");
    // Same people, numbers, statuses (candidates stay candidates), provenance, aliases, handles, rosters.
    assert_eq!(people(&a), people(&b));
    assert_eq!(groups(&a), groups(&b));
    let candidate = &b.json(&["show", "김철수"])["phones"][1];
    assert_eq!(candidate["status"], "candidate");
    assert_eq!(candidate["sources"][0]["shared_by"], "김철수");
    assert_eq!(candidate["sources"][0]["group"], common::seed::ROOM);
    assert_eq!(candidate["sources"][0]["message"], "제 번호 010-2222-3333 입니다");
    assert_eq!(
        b.json(&["search", "--messages", "번호"]).as_array().unwrap().len(),
        1,
        "restored messages are searchable"
    );

    // Restoring twice adds nothing, and records no empty batch.
    let before = b.json(&["imports"]);
    let again = ok_with(&b, &["backup", "restore", f], WITH_PASS);
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(b.json(&["imports"]), before);
    assert_eq!(people(&a), people(&b));

    // The restore is one batch of kind 'restore'; undo removes it whole.
    let batches = b.json(&["imports"]);
    let restore = batches.as_array().unwrap().iter().find(|x| x["kind"] == "restore").unwrap();
    assert_eq!(restore["files"][0]["name"], "all.age");
    b.ok(&["undo", &restore["id"].to_string()]);
    assert_eq!(b.json(&["people"]), json!([]));
    assert_eq!(b.json(&["groups"]), json!([]));
}

#[test]
fn group_backup_without_messages_and_dry_run() {
    let a = seeded();
    let f = a.path("room.age");
    ok_with(&a, &["backup", "create", "-o", f.to_str().unwrap(), "--group", common::seed::ROOM], WITH_PASS);
    let counts: serde_json::Value =
        serde_json::from_str(&ok_with(&a, &["backup", "verify", f.to_str().unwrap(), "--json"], WITH_PASS)).unwrap();
    assert_eq!(counts["people"], 3, "only the room's members");
    assert_eq!(counts["messages"], 0);
    let b = TestVault::new();
    let dry = ok_with(&b, &["backup", "restore", f.to_str().unwrap(), "--dry-run"], WITH_PASS);
    assert!(dry.contains("Would add 3 people"), "{dry}");
    assert_eq!(b.json(&["people"]), json!([]));
    assert_eq!(b.json(&["imports"]), json!([]));
}

#[test]
fn backup_to_the_vaults_own_key_restores_without_a_key_file() {
    let a = seeded();
    let b = TestVault::new();
    assert!(b.fails(&["keygen", "--show-recipient"]).contains("lifeboat keygen"));
    assert!(b.ok(&["keygen"]).contains("age1"));
    let shown = b.ok(&["keygen", "--show-recipient"]);
    let recipient = shown.lines().next().unwrap().trim().to_owned();
    assert!(recipient.starts_with("age1"), "{shown}");
    // A second keygen keeps the key.
    assert!(b.ok(&["keygen"]).contains(&recipient));
    let f = a.path("to-b.age");
    a.ok(&["backup", "create", "-o", f.to_str().unwrap(), "--recipient", &recipient, "--with-messages"]);
    // Without the key, a's vault cannot read it.
    assert!(a.fails(&["backup", "verify", f.to_str().unwrap()]).contains("no key was given"));
    common::same_signer(&a, &b);
    b.ok(&["backup", "restore", f.to_str().unwrap()]);
    assert_eq!(people(&a), people(&b));
    // The key written out opens it too.
    let key = b.path("b.key");
    b.ok(&["keygen", "--write-identity", key.to_str().unwrap()]);
    a.ok(&["backup", "verify", f.to_str().unwrap(), "--identity", key.to_str().unwrap()]);
}

fn ssh_keygen(v: &TestVault, kind: &str) -> std::path::PathBuf {
    let key = v.path(&format!("id_{kind}"));
    let mut cmd = Command::new("ssh-keygen");
    cmd.args(["-q", "-t", kind, "-N", "", "-f", key.to_str().unwrap()]);
    if kind == "rsa" {
        cmd.args(["-b", "2048"]);
    }
    let status = cmd.status().expect("ssh-keygen is needed for this test: apt-get install -y openssh-client");
    assert!(status.success());
    key
}

#[test]
fn ssh_recipients() {
    let a = seeded();
    for kind in ["ed25519", "rsa"] {
        let key = ssh_keygen(&a, kind);
        let public = format!("{}.pub", key.display());
        let f = a.path(&format!("ssh-{kind}.age"));
        // A public key file, as `--recipient ~/.ssh/id_ed25519.pub`.
        a.ok(&["backup", "create", "-o", f.to_str().unwrap(), "--recipient", &public, "--with-messages"]);
        let b = TestVault::new();
        common::same_signer(&a, &b);
        b.ok(&["backup", "restore", f.to_str().unwrap(), "--identity", key.to_str().unwrap()]);
        assert_eq!(people(&a), people(&b), "{kind}");
    }
}

#[test]
fn age_cli_decrypts_a_recipient_backup() {
    let a = seeded();
    let key = lifeboat::backup::generate();
    let identity = a.path("age.key");
    std::fs::write(&identity, format!("{}\n", key.secret.as_str())).unwrap();
    let f = a.path("for-age.age");
    a.ok(&["backup", "create", "-o", f.to_str().unwrap(), "--recipient", &key.recipient]);
    let out = Command::new("age")
        .args(["-d", "-i", identity.to_str().unwrap(), f.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("the `age` command is needed for this test (apt-get install -y age): {e}"));
    assert!(out.status.success(), "age -d failed: {}", String::from_utf8_lossy(&out.stderr));
    // The zip inside is one `unzip` reads and checks (the backup streams it, with data descriptors).
    let plain = a.path("for-age.zip");
    std::fs::write(&plain, &out.stdout).unwrap();
    let test = Command::new("unzip")
        .args(["-t", plain.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("the `unzip` command is needed for this test (apt-get install -y unzip): {e}"));
    let listing = String::from_utf8_lossy(&test.stdout);
    assert!(test.status.success() && listing.contains("No errors detected"), "{listing}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.stdout)).unwrap();
    let mut names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    names.sort();
    assert_eq!(names, ["README.txt", "contacts.vcf", "lifeboat.json", "lifeboat.json.sig"]);
    let mut vcf = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("contacts.vcf").unwrap(), &mut vcf).unwrap();
    assert_eq!(vcard4::parse(&vcf).unwrap().len(), 5);
    let data: serde_json::Value = serde_json::from_reader(zip.by_name("lifeboat.json").unwrap()).unwrap();
    assert_eq!(data["format"], "lifeboat-backup");
    assert_eq!(data["version"], 2);
}

#[test]
fn tampered_truncated_and_wrong_key_backups_write_nothing() {
    let a = seeded();
    let f = a.path("good.age");
    ok_with(&a, &["backup", "create", "-o", f.to_str().unwrap()], WITH_PASS);
    let good = std::fs::read(&f).unwrap();
    let b = TestVault::new();
    let refused = |bytes: &[u8], pass: &str, expect: &str| {
        let bad = b.path("bad.age");
        std::fs::write(&bad, bytes).unwrap();
        let env = [("LIFEBOAT_BACKUP_PASSPHRASE", pass)];
        let out = run_with(&b, &["backup", "restore", bad.to_str().unwrap()], &env);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "accepted a bad backup");
        assert!(err.contains(expect), "{err}");
        assert!(err.contains("아무것도 쓰지 않았습니다"), "Korean too: {err}");
        assert_eq!(b.json(&["people"]), json!([]));
        assert_eq!(b.json(&["imports"]), json!([]));
        assert!(!run_with(&b, &["backup", "verify", bad.to_str().unwrap()], &env).status.success());
    };
    let mut tampered = good.clone();
    let at = tampered.len() - 30;
    tampered[at] ^= 0x40;
    refused(&tampered, BACKUP_PASS, "damaged");
    refused(&good[..good.len() - 40], BACKUP_PASS, "damaged");
    refused(&good[..good.len() / 2], BACKUP_PASS, "damaged");
    refused(&good, "not the passphrase", "does not open");
}

#[test]
fn no_passphrase_or_a_weak_one_writes_no_backup() {
    let a = seeded();
    let f = a.path("x.age");
    assert!(a.fails(&["backup", "create", "-o", f.to_str().unwrap()]).contains("no passphrase"));
    assert!(!f.exists());
    let weak =
        run_with(&a, &["backup", "create", "-o", f.to_str().unwrap()], &[("LIFEBOAT_BACKUP_PASSPHRASE", "short")]);
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("too short"));
    assert!(!f.exists());
}

#[test]
fn your_own_backup_of_me_lands_on_the_person_me_was_merged_into() {
    use common::seed::{file_source, person, phone, restore_own, seed};
    use lifeboat::backup::format::Status;
    let me = |raw: &str| {
        let mut p = person(1, "나");
        p.me = true;
        p.phones = vec![phone(raw, None, Status::Confirmed, vec![file_source("contacts.vcf", 1)])];
        p
    };
    let mut kim = person(2, "김민지");
    kim.phones = vec![phone("010-3333-4444", None, Status::Confirmed, vec![file_source("contacts.vcf", 2)])];
    let v = TestVault::new();
    restore_own(&v, &Snapshot { people: vec![me("010-1111-2222"), kim], groups: vec![], messages: vec![], ..seed() });
    // "나" turns out to be 김민지: merged away, the hidden row stays "me" for the undo.
    v.ok(&["merge", "김민지", "나"]);
    restore_own(&v, &Snapshot { people: vec![me("010-5555-6666")], groups: vec![], messages: vec![], ..seed() });
    let numbers = |name: &str| -> Vec<String> {
        v.json(&["show", name])["phones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["raw"].as_str().unwrap().into())
            .collect()
    };
    assert_eq!(numbers("김민지"), ["010-1111-2222", "010-3333-4444", "010-5555-6666"]);
    assert_eq!(v.json(&["people"]).as_array().unwrap().len(), 1, "no second me");
}
