//! A backup is hostile input: small files built to make `lifeboat backup
//! verify` and `restore` allocate without bound are refused with a clear
//! error, and the real binary's peak memory stays under 100 MB.
//!
//! Peak RSS is read with getrusage(RUSAGE_CHILDREN), the largest of every
//! child this process has waited for; this file holds one test, so that is
//! the largest `lifeboat` run so far, and every run is checked against it.
//! Measured: about 23 MB for a real backup with the test KDF, 32 MB for the
//! worst hostile file, 78 MB for unlocking a vault with the real Argon2id.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::str::FromStr;

use common::TestVault;
use common::seed::seeded;

const LIMIT_KB: i64 = 100 * 1000;

/// The largest resident set of any finished child, in kB.
fn peak_kb() -> i64 {
    nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN).expect("getrusage").max_rss()
}

/// A deterministic stream of numbers, so the files do not compress away.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// A zip entry's name, and what writes its bytes.
type Entry<'a> = (&'a str, &'a dyn Fn(&mut dyn Write));

struct Hostile {
    vault: TestVault,
    identity: PathBuf,
    recipient: age::x25519::Recipient,
}

impl Hostile {
    fn new() -> Hostile {
        let vault = TestVault::new();
        let key = lifeboat::backup::generate();
        let identity = vault.path("key.txt");
        std::fs::write(&identity, format!("{}\n", key.secret.as_str())).unwrap();
        Hostile { vault, identity, recipient: age::x25519::Recipient::from_str(&key.recipient).unwrap() }
    }

    /// An age file of a zip of these entries, each written in pieces.
    fn file(&self, name: &str, entries: &[Entry]) -> PathBuf {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (entry, write) in entries {
            zip.start_file(*entry, zip::write::SimpleFileOptions::default()).unwrap();
            write(&mut zip);
        }
        let plain = zip.finish().unwrap().into_inner();
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&self.recipient as &dyn age::Recipient)).unwrap();
        let mut out = Vec::new();
        let mut w = encryptor.wrap_output(&mut out).unwrap();
        w.write_all(&plain).unwrap();
        w.finish().unwrap();
        let path = self.vault.path(name);
        std::fs::write(&path, out).unwrap();
        path
    }

    fn run(&self, command: &str, file: &Path) -> Output {
        let args = ["backup", command, file.to_str().unwrap(), "--identity", self.identity.to_str().unwrap()];
        self.vault.run(&args)
    }
}

const HEAD: &str = r#"{"format":"lifeboat-backup","version":1,"created_at":"2024-03-01 10:00:00","groups":[],"#;

/// One person whose phone has `sources` written by `write`: the cheapest objects to send.
fn one_person_with_sources(out: &mut dyn Write, write: &dyn Fn(&mut dyn Write)) {
    out.write_all(HEAD.as_bytes()).unwrap();
    out.write_all(br#""people":[{"key":1,"name":"a","phones":[{"raw":"1","status":"candidate","sources":["#).unwrap();
    write(out);
    out.write_all(b"{}]}]}]}").unwrap();
}

fn card(out: &mut dyn Write, name: u64) {
    write!(out, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{name:08x}\r\nEND:VCARD\r\n").unwrap();
}

#[test]
fn small_hostile_backups_are_refused_within_100_mb() {
    // Baseline: a real backup verified and restored, on a vault with the test KDF.
    let a = seeded();
    let h = Hostile::new();
    let good = a.path("good.age");
    let key = a.path("a.key");
    a.ok(&["keygen", "--write-identity", key.to_str().unwrap()]);
    let recipient = a.ok(&["keygen", "--show-recipient"]).lines().next().unwrap().to_owned();
    a.ok(&["backup", "create", "-o", good.to_str().unwrap(), "--recipient", &recipient, "--with-messages"]);
    h.vault.ok(&["backup", "verify", good.to_str().unwrap(), "--identity", key.to_str().unwrap()]);
    h.vault.ok(&["backup", "restore", good.to_str().unwrap(), "--identity", key.to_str().unwrap()]);
    let baseline = peak_kb();
    eprintln!("baseline (init, keygen, create, verify, restore of a real backup): {baseline} kB");

    // 64 MB of spaces, about 64 KB packed: nothing the census counts, so the
    // limit on how far an entry may unpack for its packed size stops it.
    let bomb = h.file(
        "bomb.age",
        &[
            ("contacts.vcf", &|o| card(o, 1)),
            ("lifeboat.json", &|o| {
                one_person_with_sources(o, &|o| {
                    let chunk = " ".repeat(1 << 18);
                    for _ in 0..(64 << 20) / chunk.len() {
                        o.write_all(chunk.as_bytes()).unwrap();
                    }
                })
            }),
        ],
    );
    // Millions of tiny objects that do not compress away (about 18 times):
    // 2.6 million sources in half a megabyte, 300 MB parsed.
    let tiny = h.file(
        "tiny.age",
        &[
            ("contacts.vcf", &|o| card(o, 1)),
            ("lifeboat.json", &|o| {
                one_person_with_sources(o, &|o| {
                    let mut n = Lcg(7);
                    for _ in 0..80_000 {
                        o.write_all("{},".repeat(32).as_bytes()).unwrap();
                        write!(o, r#"{{"line":{}}},"#, n.next() >> 2).unwrap();
                    }
                })
            }),
        ],
    );
    // Tens of thousands of vCards and an empty lifeboat.json.
    let cards = h.file(
        "cards.age",
        &[
            ("contacts.vcf", &|o| {
                let mut n = Lcg(9);
                for _ in 0..60_000 {
                    card(o, n.next());
                }
            }),
            ("lifeboat.json", &|o| o.write_all(format!(r#"{HEAD}"people":[]}}"#).as_bytes()).unwrap()),
        ],
    );
    // A 64 MB vCard file of one card repeated, about 100 KB packed.
    let card_bomb = h.file(
        "card-bomb.age",
        &[
            ("contacts.vcf", &|o| {
                for _ in 0..(64 << 20) / 48 {
                    card(o, 1);
                }
            }),
            ("lifeboat.json", &|o| o.write_all(format!(r#"{HEAD}"people":[]}}"#).as_bytes()).unwrap()),
        ],
    );
    // One name of 200 KB.
    let long = h.file(
        "long.age",
        &[
            ("contacts.vcf", &|o| card(o, 1)),
            ("lifeboat.json", &|o| {
                let name = "가".repeat(70_000);
                write!(o, r#"{HEAD}"people":[{{"key":1,"name":"{name}"}}]}}"#).unwrap()
            }),
        ],
    );

    let cases = [
        (&bomb, "lifeboat.json (unpacked, for its packed size) is larger than"),
        (&tiny, "far more records than its size allows"),
        (&cards, "contacts.vcf holds 60000 people, lifeboat.json 0"),
        (&card_bomb, "contacts.vcf (unpacked, for its packed size) is larger than"),
        (&long, "has a text longer than 65536 bytes"),
    ];
    for (file, expect) in cases {
        let size = std::fs::metadata(file).unwrap().len();
        assert!(size < 600_000, "{} is {size} bytes: not a small file", file.display());
        for command in ["verify", "restore"] {
            let out = h.run(command, file);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{command} {} was accepted", file.display());
            assert!(err.contains(expect), "{command} {}: {err}", file.display());
            assert!(err.contains("아무것도 쓰지 않았습니다"), "Korean too: {err}");
            let peak = peak_kb();
            eprintln!("{command} {} ({size} bytes): peak so far {peak} kB", file.display());
            assert!(peak < LIMIT_KB, "{command} {} took {peak} kB", file.display());
        }
    }
    assert_eq!(h.vault.json(&["people"]).as_array().unwrap().len(), 5, "only the real backup was restored");

    // A vault with the real Argon2id cost (64 MiB): unlocking is the largest
    // part, and its memory is freed before the backup is read.
    let real = TestVault::empty();
    let plain = |args: &[&str]| {
        let mut cmd = real.cmd();
        cmd.env_remove("LIFEBOAT_INSECURE_TEST_KDF").args(args);
        cmd.args(["--identity", h.identity.to_str().unwrap()]).output().unwrap()
    };
    let mut init = real.cmd();
    assert!(init.env_remove("LIFEBOAT_INSECURE_TEST_KDF").arg("init").status().unwrap().success());
    eprintln!("init with the real KDF: peak so far {} kB", peak_kb());
    for file in [&bomb, &tiny] {
        assert!(!plain(&["backup", "restore", file.to_str().unwrap()]).status.success());
        let peak = peak_kb();
        eprintln!("restore {} into a real-KDF vault: peak so far {peak} kB", file.display());
        assert!(peak < LIMIT_KB, "restore {} took {peak} kB", file.display());
    }
}
