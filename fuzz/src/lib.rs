//! Shared pieces of the fuzz targets: importers read files, so each input is
//! written to a per-process scratch folder under the name a sniffer expects.

use std::path::PathBuf;
use std::sync::OnceLock;

/// File names that steer the sniffer; the first input byte picks one in `sniff`.
pub const NAMES: [&str; lifeboat::import::EXAMPLE_FILE_NAMES.len()] = lifeboat::import::EXAMPLE_FILE_NAMES;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base =
            if std::path::Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let dir = base.join(format!("lifeboat-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

/// libFuzzer's panic hook aborts on every panic, even one the code catches.
/// Lifeboat catches exactly one, a known bug of uriparse 0.6 reached through
/// vcard4 (`TEL:+8210:1234`, see `parse_loose` in src/import/vcard/record.rs):
/// the hook Lifeboat's own front ends install lets that one through, quietly,
/// to the `catch_unwind` that handles it. Uncaught, it still aborts
/// (libfuzzer-sys aborts on any unwind that reaches it), so it stays a finding.
fn let_caught_dependency_panics_unwind() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(lifeboat::import::quiet_caught_dependency_panic);
}

/// Import `bytes` as a file called `name`, with `format` forced or sniffed.
/// Any `Err` is a clean refusal; only a panic, a hang or a blown memory limit is a finding.
pub fn import(name: &str, bytes: &[u8], format: Option<&str>) {
    let_caught_dependency_panics_unwind();
    let path = scratch().join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    let _ = lifeboat::import::collect(&path, format);
}

/// The fixed identity backups are encrypted to in the backup targets.
pub fn backup_identity() -> age::x25519::Identity {
    static IDENTITY: OnceLock<age::x25519::Identity> = OnceLock::new();
    IDENTITY.get_or_init(age::x25519::Identity::generate).clone()
}

/// Encrypt a backup payload to the fixed identity, open it, and restore it
/// into a scratch vault when it is accepted.
pub fn backup_payload(data: &[u8]) {
    let_caught_dependency_panics_unwind();
    use lifeboat::backup::{Keys, Limits, open};
    let zip = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
        let json = data.get(split + 1..).unwrap_or_default();
        pack(&data[..split], json)
    };
    let identity = backup_identity();
    let recipient = identity.to_public();
    let bytes = age::encrypt(&recipient, &zip).expect("age encrypts");
    let keys = Keys { passphrase: None, identities: vec![Box::new(identity)] };
    let Ok(opened) = open(std::io::Cursor::new(bytes), &keys, &Limits::default()) else { return };
    let mut vault = scratch_vault();
    let origin = lifeboat::backup::origin(&vault, &opened, std::path::Path::new("fuzz.lifeboat"))
        .expect("the vault reads its own keys");
    vault.restore(&opened.snapshot, &origin, Default::default()).expect("a checked snapshot restores");
}

fn pack(contacts: &[u8], json: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [("contacts.vcf", contacts), ("lifeboat.json", json)] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

/// A vault reopened for each restore (the vault's lock is per open).
fn scratch_vault() -> lifeboat::vault::Vault {
    let dir = scratch().join("vault");
    let passphrase = "fuzzing passphrase";
    if lifeboat::vault::Vault::exists(&dir) {
        lifeboat::vault::Vault::open(&dir, passphrase).expect("scratch vault opens")
    } else {
        lifeboat::vault::Vault::create(&dir, passphrase).expect("scratch vault")
    }
}
