//! Test support shared by every module's tests: running the repository's copy
//! of the export generator, and reading what an import saw.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::import::Collected;

/// Every chat format the generator writes.
pub const CHAT_FORMATS: [&str; 16] = [
    "kakao-pc-ko",
    "kakao-pc-en",
    "kakao-android-ko",
    "kakao-android-en",
    "kakao-ios-ko",
    "kakao-ios-en",
    "kakao-csv",
    "kakao-android-ko-2025",
    "kakao-ios-ko-2025",
    "whatsapp-android",
    "whatsapp-ios",
    "whatsapp-android-us",
    "whatsapp-ios-us",
    "telegram-json",
    "line-en",
    "line-ja",
];

const GENERATOR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/gen_exports.py");

/// Run `gen_exports.py KIND --format FORMAT ARGS… --out DIR/FILE_NAME`; the
/// file and its ground truth, or None when the generator refuses (CP949
/// cannot encode the emoji some names carry).
pub fn try_generate(
    dir: &Path,
    kind: &str,
    format: &str,
    file_name: &str,
    args: &[&str],
) -> Option<(PathBuf, serde_json::Value)> {
    let out = dir.join(file_name);
    let truth = dir.join(format!("{file_name}.truth.json"));
    let status = Command::new("python3")
        .arg(GENERATOR)
        .args([kind, "--format", format])
        .args(args)
        .arg("--out")
        .arg(&out)
        .arg("--truth")
        .arg(&truth)
        .stderr(Stdio::null())
        .status()
        .expect("python3 runs the generator");
    if !status.success() {
        return None;
    }
    let truth = serde_json::from_slice(&std::fs::read(&truth).expect("truth written")).expect("truth is JSON");
    Some((out, truth))
}

/// [`try_generate`] for inputs the generator always accepts.
pub fn generate(dir: &Path, kind: &str, format: &str, file_name: &str, args: &[&str]) -> (PathBuf, serde_json::Value) {
    try_generate(dir, kind, format, file_name, args).unwrap_or_else(|| panic!("generator failed for {format} {args:?}"))
}

/// Every display name an import saw: senders, event actors and subjects.
pub fn names(c: &Collected) -> BTreeSet<String> {
    let senders = c.messages.iter().map(|m| &m.sender);
    let actors = c.events.iter().filter_map(|e| e.actor.as_ref());
    let subjects = c.events.iter().flat_map(|e| &e.subjects);
    senders.chain(actors).chain(subjects).map(|s| s.name.clone()).collect()
}

/// The truth's members as a set.
pub fn truth_members(truth: &serde_json::Value) -> BTreeSet<String> {
    truth["members"].as_array().expect("members").iter().filter_map(|m| m.as_str().map(str::to_owned)).collect()
}
