//! Signed backups through the real binary: the vault's signing key, a
//! signature checked by the external `ssh-keygen -Y verify`, tampering
//! refused, and a backup from before signing read as unsigned.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::str::FromStr;

use common::TestVault;
use common::seed::{people, seeded};

/// A seeded vault with its own backup key written out, and a backup made to that key.
struct Made {
    vault: TestVault,
    identity: PathBuf,
    recipient: String,
    backup: PathBuf,
}

fn made() -> Made {
    let vault = seeded();
    vault.ok(&["config", "name", "홍길동 (병상배정반)"]);
    let identity = vault.path("me.key");
    vault.ok(&["keygen", "--write-identity", identity.to_str().unwrap()]);
    let recipient = vault.ok(&["keygen", "--show-recipient"]).lines().next().unwrap().to_owned();
    let backup = vault.path("signed.age");
    vault.ok(&["backup", "create", "-o", backup.to_str().unwrap(), "--recipient", &recipient, "--with-messages"]);
    Made { vault, identity, recipient, backup }
}

fn age_identity(file: &Path) -> age::x25519::Identity {
    let text = std::fs::read_to_string(file).unwrap();
    let line = text.lines().find(|l| l.starts_with("AGE-SECRET-KEY-")).unwrap();
    age::x25519::Identity::from_str(line).unwrap()
}

/// The zip's entries, decrypted with the library (the external tools have their own test).
fn entries(m: &Made) -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(&m.backup).unwrap();
    let identity = age_identity(&m.identity);
    let decryptor = age::Decryptor::new(&bytes[..]).unwrap();
    let mut plain = Vec::new();
    decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).unwrap().read_to_end(&mut plain).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(plain)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_owned(), data)
        })
        .collect()
}

/// Pack entries again and encrypt them to `recipient`, as anyone holding it could.
fn repack(m: &Made, name: &str, entries: &[(String, Vec<u8>)]) -> PathBuf {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (entry, data) in entries {
        zip.start_file(entry.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    let plain = zip.finish().unwrap().into_inner();
    let recipient = age::x25519::Recipient::from_str(&m.recipient).unwrap();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut out = Vec::new();
    let mut w = encryptor.wrap_output(&mut out).unwrap();
    w.write_all(&plain).unwrap();
    w.finish().unwrap();
    let path = m.vault.path(name);
    std::fs::write(&path, out).unwrap();
    path
}

fn edited(list: &[(String, Vec<u8>)], name: &str, edit: impl Fn(&mut Vec<u8>)) -> Vec<(String, Vec<u8>)> {
    let mut list = list.to_vec();
    edit(&mut list.iter_mut().find(|(n, _)| n == name).unwrap().1);
    list
}

fn replace(data: &mut Vec<u8>, from: &str, to: &str) {
    let text = String::from_utf8(std::mem::take(data)).unwrap();
    assert!(text.contains(from), "{from:?} not in the entry");
    *data = text.replacen(from, to, 1).into_bytes();
}

#[test]
fn keygen_shows_the_signing_key_and_fingerprints_as_ssh_keygen_does() {
    let v = TestVault::new();
    let made = v.ok(&["keygen"]);
    assert!(made.contains("Signing key / 서명 키: ssh-ed25519 AAAA"), "{made}");
    let shown = v.ok(&["keygen", "--show-recipient"]);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 4, "{shown}");
    assert!(lines[0].starts_with("age1"));
    assert!(lines[1].starts_with("ssh-ed25519 AAAA"));
    assert!(made.contains(lines[2]) && made.contains(lines[3]), "keygen prints the same key: {made}");
    // The fingerprint is exactly what ssh-keygen -l prints for that key.
    let public = v.path("signing.pub");
    std::fs::write(&public, format!("{}\n", lines[1])).unwrap();
    let out = Command::new("ssh-keygen")
        .args(["-l", "-f", public.to_str().unwrap()])
        .output()
        .expect("ssh-keygen is needed for this test: apt-get install -y openssh-client");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).split_whitespace().nth(1), Some(lines[2]));
    let short = lines[3].split(' ').collect::<Vec<_>>();
    assert!(short.len() == 4 && short.iter().all(|g| g.len() == 4), "{shown}");
    // The key is kept: shown the same way again, and as JSON.
    let json = v.json(&["keygen", "--show-recipient"]);
    assert_eq!(json["recipient"], lines[0]);
    assert_eq!(json["signing"]["openssh"], lines[1]);
    assert_eq!(json["signing"]["fingerprint"], lines[2]);
    assert_eq!(json["signing"]["short"], lines[3]);
}

#[test]
fn ssh_keygen_verifies_a_backup_without_lifeboat() {
    let m = made();
    let out = m.vault.ok(&["backup", "verify", m.backup.to_str().unwrap()]);
    let fingerprint = m.vault.ok(&["keygen", "--show-recipient"]).lines().nth(2).unwrap().to_owned();
    assert!(out.contains(&format!("Signed by \"홍길동 (병상배정반)\" ({fingerprint}")), "{out}");
    assert!(out.contains("서명한 사람"), "{out}");

    // As docs/BACKUP.md shows: age -d, unzip, ssh-keygen -Y verify.
    let plain = Command::new("age")
        .args(["-d", "-i", m.identity.to_str().unwrap(), m.backup.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("the `age` command is needed for this test (apt-get install -y age): {e}"));
    assert!(plain.status.success(), "{}", String::from_utf8_lossy(&plain.stderr));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(plain.stdout)).unwrap();
    let dir = m.vault.path("unzipped");
    std::fs::create_dir(&dir).unwrap();
    for name in ["lifeboat.json", "lifeboat.json.sig", "contacts.vcf"] {
        let mut data = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut data).unwrap();
        std::fs::write(dir.join(name), data).unwrap();
    }
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("lifeboat.json")).unwrap()).unwrap();
    let maker = &data["maker"];
    assert_eq!(maker["name"], "홍길동 (병상배정반)");
    assert_eq!(maker["groups"], serde_json::json!([common::seed::ROOM]));
    assert_eq!(maker["created_at"], data["created_at"]);
    let vcf = std::fs::read(dir.join("contacts.vcf")).unwrap();
    assert_eq!(maker["contacts_sha256"], lifeboat::backup::sha256_hex(&vcf));
    let allowed = dir.join("allowed_signers");
    std::fs::write(&allowed, format!("hong namespaces=\"lifeboat-backup\" {}\n", maker["key"].as_str().unwrap()))
        .unwrap();

    let ssh_verify = |message: &Path| {
        let out = Command::new("ssh-keygen")
            .args(["-Y", "verify", "-f", allowed.to_str().unwrap(), "-I", "hong", "-n", "lifeboat-backup", "-s"])
            .arg(dir.join("lifeboat.json.sig"))
            .stdin(Stdio::from(std::fs::File::open(message).unwrap()))
            .output()
            .expect("ssh-keygen is needed for this test: apt-get install -y openssh-client");
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (ok, said) = ssh_verify(&dir.join("lifeboat.json"));
    assert!(ok, "ssh-keygen refused the signature: {said}");
    assert!(said.contains("Good \"lifeboat-backup\" signature for hong"), "{said}");
    let changed = dir.join("changed.json");
    let mut bytes = std::fs::read(dir.join("lifeboat.json")).unwrap();
    replace(&mut bytes, "010-2222-3333", "010-9999-9999");
    std::fs::write(&changed, bytes).unwrap();
    assert!(!ssh_verify(&changed).0, "ssh-keygen accepted a changed lifeboat.json");
}

#[test]
fn a_changed_or_stripped_backup_is_refused_and_writes_nothing() {
    let m = made();
    let list = entries(&m);
    let mut names: Vec<&str> = list.iter().map(|(n, _)| n.as_str()).collect();
    names.sort();
    assert_eq!(names, ["README.txt", "contacts.vcf", "lifeboat.json", "lifeboat.json.sig"]);
    let planted = edited(&list, "lifeboat.json", |d| replace(d, "010-2222-3333", "010-6666-6666"));
    let vcf = edited(&list, "contacts.vcf", |d| replace(d, "김철수", "김철순"));
    let stripped: Vec<_> = list.iter().filter(|(n, _)| n != "lifeboat.json.sig").cloned().collect();
    let other =
        edited(&list, "lifeboat.json", |d| replace(d, "\"name\": \"홍길동 (병상배정반)\"", "\"name\": \"팀장\""));
    let cases = [
        ("planted.age", planted, "signature does not check out"),
        ("vcf.age", vcf, "contacts.vcf was changed after signing"),
        ("stripped.age", stripped, "signature was removed"),
        ("renamed.age", other, "signature does not check out"),
    ];
    let b = TestVault::new();
    b.ok(&["keygen"]);
    let key = m.identity.to_str().unwrap();
    for (name, entries, expect) in cases {
        let f = repack(&m, name, &entries);
        for command in ["verify", "restore"] {
            let err = b.fails(&["backup", command, f.to_str().unwrap(), "--identity", key]);
            assert!(err.contains(expect), "{name} {command}: {err}");
            assert!(err.contains("아무것도 쓰지 않았습니다"), "Korean too: {err}");
        }
        assert_eq!(b.json(&["people"]), serde_json::json!([]), "{name}");
        assert_eq!(b.json(&["imports"]), serde_json::json!([]), "{name}");
    }
}

#[test]
fn a_backup_from_before_signing_opens_as_unsigned() {
    let m = made();
    // What a version-1 Lifeboat wrote: no signature, no maker, version 1.
    let old: Vec<_> = entries(&m)
        .into_iter()
        .filter(|(n, _)| n != "lifeboat.json.sig")
        .map(|(n, d)| {
            if n != "lifeboat.json" {
                return (n, d);
            }
            let mut json: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&d).unwrap();
            json.remove("maker");
            json.insert("version".into(), 1.into());
            (n, serde_json::to_vec_pretty(&json).unwrap())
        })
        .collect();
    let f = repack(&m, "old.age", &old);
    let key = m.identity.to_str().unwrap();
    let b = TestVault::new();
    let out = b.ok(&["backup", "verify", f.to_str().unwrap(), "--identity", key]);
    assert!(out.contains("Unsigned: anyone could have made it"), "{out}");
    assert!(out.contains("서명 없음"), "{out}");
    let json = b.json(&["backup", "verify", f.to_str().unwrap(), "--identity", key]);
    assert_eq!(json["signer"], serde_json::json!({"kind": "unsigned"}));
    assert_eq!(json["people"], 5);
    // Nobody vouches for an unsigned backup: everything in it is a claim.
    b.ok(&["backup", "restore", f.to_str().unwrap(), "--identity", key]);
    let restored = people(&b);
    let phones: Vec<&serde_json::Value> =
        restored.as_array().unwrap().iter().flat_map(|p| p["phones"].as_array().unwrap()).collect();
    assert_eq!(phones.len(), 5);
    for ph in phones {
        assert_eq!(ph["status"], "candidate", "{ph}");
        assert_eq!(ph["sources"][0]["claim"]["signer"]["signed"], false, "{ph}");
        assert_eq!(ph["sources"][0]["file"], "old.age", "{ph}");
    }
    let signed = b.json(&["backup", "verify", m.backup.to_str().unwrap(), "--identity", key]);
    assert_eq!(signed["signer"]["kind"], "signed");
    assert_eq!(signed["signer"]["name"], "홍길동 (병상배정반)");
}
