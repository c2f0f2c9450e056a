//! The encrypted vault through the real binary: creation, passphrases,
//! permissions, locking.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{PASSPHRASE, TestVault};

#[test]
fn init_creates_private_encrypted_files() {
    let v = TestVault::new();
    let dir_mode = std::fs::metadata(v.dir()).unwrap().permissions().mode() & 0o777;
    assert_eq!(dir_mode, 0o700);
    for entry in std::fs::read_dir(v.dir()).unwrap() {
        let path = entry.unwrap().path();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", path.display());
    }
    let db = std::fs::read(v.dir().join("lifeboat.db")).unwrap();
    assert!(!db.starts_with(b"SQLite format 3"), "the database must not be plain SQLite");
}

#[test]
fn init_refuses_to_overwrite_a_vault() {
    let v = TestVault::new();
    let before = std::fs::read(v.dir().join("lifeboat.db")).unwrap();
    let err = v.fails(&["init"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(before, std::fs::read(v.dir().join("lifeboat.db")).unwrap());
}

#[test]
fn wrong_passphrase_names_passphrase_and_path_and_changes_nothing() {
    let v = TestVault::new();
    let before = v.raw_bytes();
    let out = v.cmd().env("LIFEBOAT_PASSPHRASE", "not the passphrase").args(["people"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong passphrase"), "{err}");
    assert!(err.contains(&v.dir().display().to_string()), "{err}");
    assert!(err.contains("암호가 틀렸습니다"), "{err}");
    assert_eq!(before, v.raw_bytes());
}

#[test]
fn missing_vault_says_how_to_create_one() {
    let v = TestVault::empty();
    let err = v.fails(&["people"]);
    assert!(err.contains("lifeboat init"), "{err}");
}

#[test]
fn passphrase_from_file_when_no_environment() {
    let v = TestVault::new();
    let file = v.path("pass.txt");
    std::fs::write(&file, format!("{PASSPHRASE}\n")).unwrap();
    let out =
        v.cmd().env_remove("LIFEBOAT_PASSPHRASE").arg("--passphrase-file").arg(&file).arg("people").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn no_passphrase_and_no_terminal_is_a_clear_error() {
    let v = TestVault::new();
    let out =
        v.cmd().env_remove("LIFEBOAT_PASSPHRASE").arg("people").stdin(std::process::Stdio::null()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("LIFEBOAT_PASSPHRASE"));
}

#[test]
fn passwd_rekeys_the_vault() {
    let v = TestVault::new();
    v.cmd().env("LIFEBOAT_NEW_PASSPHRASE", "a brand new passphrase").arg("passwd").output().unwrap();
    let old = v.run(&["people"]);
    assert!(!old.status.success(), "the old passphrase must stop working");
    let new = v.cmd().env("LIFEBOAT_PASSPHRASE", "a brand new passphrase").arg("people").output().unwrap();
    assert!(new.status.success(), "{}", String::from_utf8_lossy(&new.stderr));
}

#[test]
fn a_second_process_is_told_the_vault_is_busy() {
    let v = TestVault::new();
    let _held = lifeboat_lock(&v);
    let err = v.fails(&["people"]);
    assert!(err.contains("in use"), "{err}");
}

/// Hold the vault's lock as the desktop app would.
fn lifeboat_lock(v: &TestVault) -> std::fs::File {
    let f = std::fs::OpenOptions::new().read(true).write(true).open(v.dir().join("lifeboat.lock")).unwrap();
    f.lock().unwrap();
    f
}

#[test]
fn region_setting_is_stored_and_validated() {
    let v = TestVault::new();
    assert!(v.ok(&["config", "region", "us"]).contains("region = US"));
    assert!(v.ok(&["config", "region"]).contains("US"));
    let err = v.fails(&["config", "region", "nowhere"]);
    assert!(err.contains("region code"), "{err}");
}

#[test]
fn a_tampered_key_header_is_refused_at_once_never_a_hang() {
    let v = TestVault::new();
    let path = v.dir().join("lifeboat.header");
    let original = std::fs::read_to_string(&path).unwrap();
    let header: serde_json::Value = serde_json::from_str(&original).unwrap();
    for (field, value) in [("m_kib", 4_000_000_000u64), ("t", 1_000_000), ("p", 0)] {
        let mut tampered = header.clone();
        tampered["cost"][field] = value.into();
        std::fs::write(&path, serde_json::to_string(&tampered).unwrap()).unwrap();
        let started = std::time::Instant::now();
        let err = v.fails(&["people"]);
        assert!(err.contains("it was altered") && err.contains("Argon2id"), "{field}: {err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{field}: refused at once");
    }
    std::fs::write(&path, original).unwrap();
    v.ok(&["people"]);
}

#[test]
fn an_init_stopped_half_way_is_recognised_and_the_next_init_starts_over() {
    let v = TestVault::empty();
    // What `init` leaves when killed after the database was made but before
    // its key header: the marker it writes first, and a database.
    std::fs::create_dir_all(v.dir()).unwrap();
    std::fs::write(v.dir().join("lifeboat.init"), "lifeboat init is running\n").unwrap();
    std::fs::write(v.dir().join("lifeboat.db"), b"half a database").unwrap();
    let err = v.fails(&["people"]);
    assert!(err.contains("was stopped before it finished") && err.contains("lifeboat init"), "{err}");
    let out = v.ok(&["init"]);
    assert!(out.contains("starting over") && out.contains("Created an encrypted vault"), "{out}");
    assert!(!v.dir().join("lifeboat.init").exists());
    v.ok(&["people"]);
    // A finished vault is never cleared.
    assert!(v.fails(&["init"]).contains("already exists"));
}
