//! `lifeboat backup` and `lifeboat keygen` through the real binary.

mod common;

use std::process::Command;

use common::{Env, people};

const BACKUP_PASS: &str = "backup passphrase 백업";

fn with_pass() -> [(&'static str, &'static str); 1] {
    [("LIFEBOAT_BACKUP_PASSPHRASE", BACKUP_PASS)]
}

fn imports(env: &Env, vault: &str) -> serde_json::Value {
    env.json(vault, &["imports", "--json"])
}

#[test]
fn passphrase_backup_round_trips_everything() {
    let env = Env::new();
    env.seeded("a");
    let file = env.path("all.age");
    let f = file.to_str().unwrap();
    env.ok_env("a", &["backup", "create", "-o", f, "--with-messages"], &with_pass());
    let verify = env.ok_env("a", &["backup", "verify", f], &with_pass());
    assert!(verify.contains("5 people, 5 phones, 3 e-mails, 1 groups, 3 members, 2 messages; contacts.vcf holds 5 cards"), "{verify}");

    env.ok("b", &["init"]);
    let restored = env.ok_env("b", &["backup", "restore", f], &with_pass());
    assert!(restored.contains("Added 5 people, 5 phones, 3 e-mails, 1 groups, 3 members, 2 messages"), "{restored}");
    // Same people, numbers, statuses (candidates stay candidates), provenance, aliases, handles.
    assert_eq!(people(&env, "a"), people(&env, "b"));
    let a_groups = env.json("a", &["groups", "--json"]);
    let b_groups = env.json("b", &["groups", "--json"]);
    assert_eq!(strip(a_groups), strip(b_groups));
    let candidate = &env.json("b", &["show", "김철수", "--json"])["phones"][1];
    assert_eq!(candidate["status"], "candidate");
    assert_eq!(candidate["sources"][0]["shared_by"], "김철수");
    assert_eq!(candidate["sources"][0]["group"], common::ROOM);
    assert_eq!(candidate["sources"][0]["message"], "제 번호 010-2222-3333 입니다");
    let hits = env.json("b", &["search", "--messages", "번호", "--json"]);
    assert_eq!(hits.as_array().unwrap().len(), 1, "restored messages are searchable");

    // Restoring twice adds nothing, and records no empty batch.
    let before = imports(&env, "b");
    let again = env.ok_env("b", &["backup", "restore", f], &with_pass());
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(imports(&env, "b"), before);
    assert_eq!(people(&env, "a"), people(&env, "b"));

    // The restore is one batch of kind 'restore'; undo removes it whole.
    let batches = imports(&env, "b");
    let restore = batches.as_array().unwrap().iter().find(|b| b["kind"] == "restore").unwrap();
    assert_eq!(restore["files"][0]["name"], "all.age");
    env.ok("b", &["undo", &restore["id"].to_string()]);
    assert_eq!(env.json("b", &["people", "--json"]), serde_json::json!([]));
    assert_eq!(env.json("b", &["groups", "--json"]), serde_json::json!([]));
}

fn strip(mut v: serde_json::Value) -> serde_json::Value {
    for g in v.as_array_mut().unwrap() {
        g.as_object_mut().unwrap().remove("id");
        for m in g["members"].as_array_mut().unwrap() {
            m.as_object_mut().unwrap().remove("person_id");
        }
    }
    v
}

#[test]
fn group_backup_without_messages_and_dry_run() {
    let env = Env::new();
    env.seeded("a");
    let f = env.path("room.age");
    env.ok_env("a", &["backup", "create", "-o", f.to_str().unwrap(), "--group", common::ROOM], &with_pass());
    let verify = env.ok_env("a", &["backup", "verify", f.to_str().unwrap(), "--json"], &with_pass());
    let counts: serde_json::Value = serde_json::from_str(&verify).unwrap();
    assert_eq!(counts["people"], 3, "only the room's members");
    assert_eq!(counts["messages"], 0);
    env.ok("b", &["init"]);
    let dry = env.ok_env("b", &["backup", "restore", f.to_str().unwrap(), "--dry-run"], &with_pass());
    assert!(dry.contains("Would add 3 people"), "{dry}");
    assert_eq!(env.json("b", &["people", "--json"]), serde_json::json!([]));
    assert_eq!(imports(&env, "b"), serde_json::json!([]));
}

#[test]
fn backup_to_the_vaults_own_key_restores_without_a_key_file() {
    let env = Env::new();
    env.seeded("a");
    env.ok("b", &["init"]);
    let made = env.ok("b", &["keygen"]);
    assert!(made.contains("age1"), "{made}");
    let recipient = env.ok("b", &["keygen", "--show-recipient"]).trim().to_owned();
    assert!(recipient.starts_with("age1") && !recipient.contains('\n'));
    // A second keygen keeps the key.
    assert!(env.ok("b", &["keygen"]).contains(&recipient));
    let f = env.path("to-b.age");
    env.ok("a", &["backup", "create", "-o", f.to_str().unwrap(), "--recipient", &recipient, "--with-messages"]);
    // Without the key, a's vault cannot read it.
    let denied = env.run("a", &["backup", "verify", f.to_str().unwrap()]);
    assert!(!denied.status.success());
    assert!(String::from_utf8_lossy(&denied.stderr).contains("no key was given"));
    env.ok("b", &["backup", "restore", f.to_str().unwrap()]);
    assert_eq!(people(&env, "a"), people(&env, "b"));
    // The key written out opens it too.
    let key = env.path("b.key");
    env.ok("b", &["keygen", "--write-identity", key.to_str().unwrap()]);
    env.ok("a", &["backup", "verify", f.to_str().unwrap(), "--identity", key.to_str().unwrap()]);
}

fn ssh_keygen(env: &Env, kind: &str) -> std::path::PathBuf {
    let key = env.path(&format!("id_{kind}"));
    let mut cmd = Command::new("ssh-keygen");
    cmd.args(["-q", "-t", kind, "-N", "", "-f", key.to_str().unwrap()]);
    if kind == "rsa" {
        cmd.args(["-b", "2048"]);
    }
    let status = cmd.status().expect("ssh-keygen (openssh-client) is needed for this test: apt-get install -y openssh-client");
    assert!(status.success());
    key
}

#[test]
fn ssh_recipients() {
    let env = Env::new();
    env.seeded("a");
    for kind in ["ed25519", "rsa"] {
        let key = ssh_keygen(&env, kind);
        let public = format!("{}.pub", key.display());
        let f = env.path(&format!("ssh-{kind}.age"));
        // A public key file, as `--recipient ~/.ssh/id_ed25519.pub`.
        env.ok("a", &["backup", "create", "-o", f.to_str().unwrap(), "--recipient", &public, "--with-messages"]);
        let vault = format!("b-{kind}");
        env.ok(&vault, &["init"]);
        env.ok(&vault, &["backup", "restore", f.to_str().unwrap(), "--identity", key.to_str().unwrap()]);
        assert_eq!(people(&env, "a"), people(&env, &vault));
    }
}

#[test]
fn age_cli_decrypts_a_recipient_backup() {
    let env = Env::new();
    env.seeded("a");
    let key = lifeboat::backup::generate();
    let identity = env.path("age.key");
    std::fs::write(&identity, format!("{}\n", key.secret.as_str())).unwrap();
    let f = env.path("for-age.age");
    env.ok("a", &["backup", "create", "-o", f.to_str().unwrap(), "--recipient", &key.recipient]);
    let out = Command::new("age")
        .args(["-d", "-i", identity.to_str().unwrap(), f.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("the `age` command is needed for this test (apt-get install -y age): {e}"));
    assert!(out.status.success(), "age -d failed: {}", String::from_utf8_lossy(&out.stderr));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.stdout)).unwrap();
    let mut names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    names.sort();
    assert_eq!(names, ["README.txt", "contacts.vcf", "lifeboat.json"]);
    let mut vcf = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("contacts.vcf").unwrap(), &mut vcf).unwrap();
    assert_eq!(vcard4::parse(&vcf).unwrap().len(), 5);
    let json: serde_json::Value = serde_json::from_reader(zip.by_name("lifeboat.json").unwrap()).unwrap();
    assert_eq!(json["format"], "lifeboat-backup");
    assert_eq!(json["version"], 1);
}

#[test]
fn tampered_truncated_and_wrong_key_backups_write_nothing() {
    let env = Env::new();
    env.seeded("a");
    let f = env.path("good.age");
    env.ok_env("a", &["backup", "create", "-o", f.to_str().unwrap()], &with_pass());
    let good = std::fs::read(&f).unwrap();
    env.ok("b", &["init"]);
    let refused = |bytes: &[u8], pass: &str, expect: &str| {
        let bad = env.path("bad.age");
        std::fs::write(&bad, bytes).unwrap();
        let out = env.run_env("b", &["backup", "restore", bad.to_str().unwrap()], &[("LIFEBOAT_BACKUP_PASSPHRASE", pass)]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "accepted a bad backup");
        assert!(err.contains(expect), "{err}");
        assert!(err.contains("아무것도 쓰지 않았습니다"), "Korean too: {err}");
        assert_eq!(env.json("b", &["people", "--json"]), serde_json::json!([]));
        assert_eq!(imports(&env, "b"), serde_json::json!([]));
        let verify = env.run_env("b", &["backup", "verify", bad.to_str().unwrap()], &[("LIFEBOAT_BACKUP_PASSPHRASE", pass)]);
        assert!(!verify.status.success());
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
fn passphrase_is_asked_or_refused_without_a_terminal() {
    let env = Env::new();
    env.seeded("a");
    let f = env.path("x.age");
    let out = env.run("a", &["backup", "create", "-o", f.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("LIFEBOAT_BACKUP_PASSPHRASE") || String::from_utf8_lossy(&out.stderr).contains("no passphrase"));
    assert!(!f.exists());
    let weak = env.run_env("a", &["backup", "create", "-o", f.to_str().unwrap()], &[("LIFEBOAT_BACKUP_PASSPHRASE", "short")]);
    assert!(!weak.status.success());
    assert!(!f.exists());
}
