//! Shared helpers for integration tests: a temporary vault driven through the
//! real `lifeboat` binary, and generated exports with their ground truth.
#![allow(dead_code)]

pub mod seed;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::thread::JoinHandle;

pub const PASSPHRASE: &str = "correct horse battery";

/// A vault in a temporary folder, unlocked through the environment.
pub struct TestVault {
    pub tmp: tempfile::TempDir,
}

impl TestVault {
    /// A new, initialised vault (test-only cheap KDF).
    pub fn new() -> TestVault {
        let v = TestVault::empty();
        v.ok(&["init"]);
        v
    }

    /// A folder with no vault in it yet.
    pub fn empty() -> TestVault {
        TestVault { tmp: tempfile::tempdir().expect("tempdir") }
    }

    pub fn dir(&self) -> PathBuf {
        self.tmp.path().join("vault")
    }

    /// A path for test files beside the vault.
    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_lifeboat"));
        self.environment(&mut c);
        c
    }

    /// `lifeboat` run by `program args…` (such as `/usr/bin/time`), unlocked the same way.
    pub fn cmd_under(&self, program: &str, args: &[&str]) -> Command {
        let mut c = Command::new(program);
        c.args(args).arg(env!("CARGO_BIN_EXE_lifeboat"));
        self.environment(&mut c);
        c
    }

    fn environment(&self, c: &mut Command) {
        c.env("LIFEBOAT_VAULT", self.dir())
            .env("LIFEBOAT_PASSPHRASE", PASSPHRASE)
            .env("LIFEBOAT_INSECURE_TEST_KDF", "1")
            // Errors in English and Korean, whatever the machine's locale.
            .env("LIFEBOAT_LANG", "both")
            .env_remove("LIFEBOAT_NEW_PASSPHRASE");
    }

    /// `lifeboat import --progress FILE`, returned once it reported reading
    /// messages: a signal sent now reaches it mid-import, however fast the
    /// importer gets (no fixed sleep a faster one would outrun).
    pub fn import_in_progress(&self, file: &Path) -> RunningImport {
        let mut child = self
            .cmd()
            .args(["import", "--progress"])
            .arg(file)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn lifeboat import");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut seen = String::new();
        loop {
            let mut line = String::new();
            if stderr.read_line(&mut line).expect("read stderr") == 0 {
                panic!("the import ended before it reported reading messages: make the file bigger\n{seen}");
            }
            seen += &line;
            if line.starts_with("progress: ") && !line.contains(", 0 messages") {
                break;
            }
        }
        // Keep reading, so the import never blocks writing its progress.
        let rest = std::thread::spawn(move || {
            let mut rest = String::new();
            stderr.read_to_string(&mut rest).expect("read stderr");
            seen + &rest
        });
        RunningImport { child, stderr: rest }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run lifeboat")
    }

    /// Run, assert success, return stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "lifeboat {args:?} failed:\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Run with `LIFEBOAT_LANG=lang`, assert success, return stdout.
    pub fn ok_in(&self, lang: &str, args: &[&str]) -> String {
        let out = self.cmd().env("LIFEBOAT_LANG", lang).args(args).output().expect("run lifeboat");
        assert!(out.status.success(), "lifeboat {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Run, assert failure, return stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            !out.status.success(),
            "lifeboat {args:?} should have failed:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).expect("valid JSON")
    }

    /// Every file of the vault folder, concatenated: to prove nothing is in clear.
    pub fn raw_bytes(&self) -> Vec<u8> {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(self.dir()).expect("vault dir") {
            all.extend(std::fs::read(entry.expect("entry").path()).expect("read"));
        }
        all
    }
}

/// The repo's copy of the export generator.
/// An import caught while it reads messages (see [`TestVault::import_in_progress`]).
pub struct RunningImport {
    pub child: Child,
    stderr: JoinHandle<String>,
}

impl RunningImport {
    /// Send `signal` (`-9`, `-INT`) as `kill` would.
    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill").args([signal, &self.child.id().to_string()]).status().expect("kill");
        assert!(sent.success(), "kill {signal}");
    }

    /// How it ended, and all it wrote to stderr.
    pub fn wait(mut self) -> (ExitStatus, String) {
        let status = self.child.wait().expect("wait");
        (status, self.stderr.join().expect("stderr reader"))
    }
}

pub fn generator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/gen_exports.py")
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// The group of that name in `lifeboat groups --json`.
pub fn group<'a>(groups: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("no group {name}: {groups:#}"))
}

/// The name of the one person holding `value` (a number or an e-mail).
pub fn owner(v: &TestVault, value: &str) -> String {
    v.json(&["show", value])["name"].as_str().unwrap().to_owned()
}

/// A group's member names, sorted.
pub fn members(group: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> =
        group["members"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap().to_owned()).collect();
    names.sort();
    names
}

/// Run the generator; returns the file and its ground truth.
pub fn generate(dir: &Path, kind: &str, format: &str, name: &str, extra: &[&str]) -> (PathBuf, serde_json::Value) {
    try_generate(dir, kind, format, name, extra).unwrap_or_else(|| panic!("generator failed for {format} {extra:?}"))
}

/// Run the generator; None when it refuses (CP949 cannot encode an emoji it chose).
pub fn try_generate(
    dir: &Path,
    kind: &str,
    format: &str,
    name: &str,
    extra: &[&str],
) -> Option<(PathBuf, serde_json::Value)> {
    let out = dir.join(name);
    let truth = dir.join(format!("{name}.truth.json"));
    let status = Command::new("python3")
        .arg(generator())
        .args([kind, "--format", format, "--out"])
        .arg(&out)
        .arg("--truth")
        .arg(&truth)
        .args(extra)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("python3 runs the generator");
    if !status.success() {
        return None;
    }
    let truth = serde_json::from_str(&std::fs::read_to_string(&truth).expect("truth")).expect("truth JSON");
    Some((out, truth))
}

pub fn contains(haystack: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty() && haystack.windows(n.len()).any(|w| w == n)
}

/// Make `to` the same person as `from` for backups: `to` takes `from`'s
/// signing key (`keygen --write-identity` there, `keygen --import` here,
/// without the age key), so `from`'s backups restore in `to` as its own.
pub fn same_signer(from: &TestVault, to: &TestVault) {
    let file = from.path("signing-key-for-import.txt");
    from.ok(&["keygen", "--write-identity", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    let signing_only: String =
        text.lines().filter(|l| !l.starts_with("AGE-SECRET-KEY-")).map(|l| format!("{l}\n")).collect();
    let file = to.path("signing-key-imported.txt");
    std::fs::write(&file, signing_only).unwrap();
    assert!(to.ok(&["keygen", "--import", file.to_str().unwrap()]).contains("signing key"));
}

/// `lifeboat suggest --person ID` for everyone in the vault (merged people
/// too) equals `lifeboat suggest` kept to the pairs with that person in them.
pub fn each_persons_suggestions_are_the_vaults(v: &TestVault) {
    let all = v.json(&["suggest"]);
    let all = all.as_array().expect("suggestions");
    let last = v.json(&["people"]).as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).max().unwrap_or(0);
    for id in 1..=last + 1 {
        let theirs = v.json(&["suggest", "--person", &id.to_string()]);
        let expected: Vec<&serde_json::Value> =
            all.iter().filter(|s| s["a"]["id"].as_i64() == Some(id) || s["b"]["id"].as_i64() == Some(id)).collect();
        let got: Vec<&serde_json::Value> = theirs.as_array().unwrap().iter().collect();
        assert_eq!(got, expected, "person {id}");
    }
}

/// The first English phrase (two lower-case English words in a row) in
/// `text`, which Korean output must not hold.
pub fn english_phrase(text: &str) -> Option<String> {
    let english = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase());
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find(|pair| english(pair[0]) && english(pair[1])).map(|pair| pair.join(" "))
}
