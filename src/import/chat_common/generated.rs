//! Test support: write a chat with the shared generator and compare what an
//! importer read against the generator's ground truth.

use std::path::PathBuf;

use crate::import::{Collected, collect};
use crate::test_support;

/// A generated export in its own temporary folder.
pub struct Generated {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub truth: serde_json::Value,
}

/// Run `gen_exports.py chat --format FORMAT ARGS…` into `file_name`.
pub fn generate(format: &str, file_name: &str, args: &[&str]) -> Generated {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, truth) = test_support::generate(dir.path(), "chat", format, file_name, args);
    Generated { _dir: dir, path, truth }
}

/// Import the generated file with the sniffed importer, check it picked
/// `id`, and compare members and message count with the truth.
pub fn check(id: &str, g: &Generated) -> Collected {
    let (found, c) = collect(&g.path, None).unwrap_or_else(|e| panic!("{id}: {e}"));
    assert_eq!(found, id);
    assert_eq!(test_support::names(&c), test_support::truth_members(&g.truth), "{id}: members");
    assert_eq!(c.messages.len() as u64, g.truth["messages"].as_u64().expect("messages"), "{id}: messages");
    assert_eq!(c.events.len() as u64, g.truth["events"].as_u64().expect("events"), "{id}: events");
    assert_eq!(c.rooms.len(), 1, "{id}: one room");
    assert!(c.unparsed.is_empty(), "{id}: unparsed lines {:?}", &c.unparsed[..c.unparsed.len().min(3)]);
    c
}

/// KakaoTalk exports and contact files must not be claimed by the chat
/// importers of this crate's other messengers.
#[test]
fn other_formats_are_not_claimed() {
    use crate::import::{Limits, Probe, by_id, open_source};
    for format in test_support::CHAT_FORMATS.into_iter().filter(|f| f.starts_with("kakao")) {
        let g = generate(format, "KakaoTalkChats.txt", &["--messages", "200", "--seed", "3"]);
        let source = open_source(&g.path, &Limits::default()).expect("opens");
        let probe = Probe { file_name: source.file_name(), head: source.head() };
        for id in ["whatsapp", "telegram-json", "line"] {
            assert!(!by_id(id).expect("registered").sniff(&probe), "{id} claims {format}");
        }
    }
}
