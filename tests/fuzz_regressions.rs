//! Every input the fuzz targets (fuzz/) ever crashed on, and each target's
//! minimized corpus, kept under `tests/fixtures/fuzz/<target>/` and replayed
//! through the same entry point on stable Rust: each must now end in Ok or a
//! clean error.

use std::io::{Cursor, Write};
use std::path::Path;

use lifeboat::backup::{Keys, Limits, open};
use lifeboat::import::collect;

/// The file name and forced format of each importer target (fuzz/fuzz_targets/).
fn importer_target(target: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match target {
        "vcard" => ("contacts.vcf", Some("vcard")),
        "contacts_csv" => ("contacts.csv", Some("contacts-csv")),
        "kakao_txt" => ("KakaoTalk_Chat_room.txt", Some("kakao")),
        "kakao_csv" => ("KakaoTalk_Chat_room.csv", Some("kakao-csv")),
        "whatsapp" => ("_chat.txt", Some("whatsapp")),
        "line" => ("[LINE] room.txt", Some("line")),
        "telegram" => ("result.json", Some("telegram-json")),
        "telegram_html" => ("messages.html", Some("telegram-html")),
        "instagram" => ("message_1.json", Some("instagram-json")),
        "zip" => ("export.zip", None),
        _ => return None,
    })
}

/// As fuzz/src/lib.rs NAMES: the sniff target's first byte picks the name.
const SNIFF_NAMES: [&str; lifeboat::import::EXAMPLE_FILE_NAMES.len()] = lifeboat::import::EXAMPLE_FILE_NAMES;

fn replay(target: &str, data: &[u8], scratch: &Path) {
    let import = |name: &str, bytes: &[u8], format: Option<&str>| {
        let path = scratch.join(name);
        std::fs::write(&path, bytes).unwrap();
        let _ = collect(&path, format);
    };
    if let Some((name, format)) = importer_target(target) {
        return import(name, data, format);
    }
    let identity = age::x25519::Identity::generate();
    let keys = |id: &age::x25519::Identity| Keys { passphrase: None, identities: vec![Box::new(id.clone())] };
    match target {
        "sniff" => {
            if let Some((&pick, rest)) = data.split_first() {
                import(SNIFF_NAMES[pick as usize % SNIFF_NAMES.len()], rest, None);
            }
        }
        "backup_open" => {
            let _ = open(Cursor::new(data), &keys(&identity), &Limits::default());
        }
        "backup_payload" => {
            let zip = if data.starts_with(b"PK") { data.to_vec() } else { pack(data) };
            let bytes = age::encrypt(&identity.to_public(), &zip).unwrap();
            if let Ok(opened) = open(Cursor::new(bytes), &keys(&identity), &Limits::default()) {
                let dir = scratch.join("vault");
                let mut vault = lifeboat::vault::Vault::create(&dir, "fuzzing passphrase").unwrap();
                let origin = lifeboat::backup::origin(&vault, &opened, Path::new("fuzz.lifeboat")).unwrap();
                vault.restore(&opened.snapshot, &origin, Default::default()).unwrap();
                drop(vault);
                std::fs::remove_dir_all(&dir).unwrap();
            }
        }
        other => panic!("tests/fixtures/fuzz/{other}: no such fuzz target"),
    }
}

/// `contacts.vcf` and `lifeboat.json` split at the first NUL, as the target does.
fn pack(data: &[u8]) -> Vec<u8> {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let json = data.get(split + 1..).unwrap_or_default();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [("contacts.vcf", &data[..split]), ("lifeboat.json", json)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn every_saved_fuzz_input_now_ends_cleanly() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("tests/fixtures/fuzz");
    let scratch = tempfile::tempdir().unwrap();
    // Every fuzz target has its inputs here: a target without them is a test that cannot fail.
    let mut targets: Vec<String> = std::fs::read_dir(manifest.join("fuzz/fuzz_targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    targets.sort();
    assert!(!targets.is_empty(), "no fuzz targets under fuzz/fuzz_targets");
    for name in &targets {
        let dir = root.join(name);
        let inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}: every fuzz target needs its inputs", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        // Hand seeds alone cover little: the minimized corpus must be there too (fuzz/minimize.sh).
        let minimized = inputs.iter().filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("min-")).count();
        assert!(minimized > 0, "{} holds no minimized corpus entries (min-*): run fuzz/minimize.sh", dir.display());
        for path in inputs {
            let data = std::fs::read(&path).unwrap();
            let started = std::time::Instant::now();
            replay(name, &data, scratch.path());
            assert!(started.elapsed().as_secs() < 20, "{} took {:?}", path.display(), started.elapsed());
        }
    }
}
