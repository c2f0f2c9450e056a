//! Message search answers from the index the import wrote: every message an
//! import or a restore added is found at once (there is no fill step), with
//! the right count and newest first, and undo takes its messages out.

mod common;

use std::path::PathBuf;

use lifeboat::backup::Snapshot;
use lifeboat::ingest::{ImportOptions, import_files};
use lifeboat::model::MessageKind;
use lifeboat::vault::{BackupOrigin, Vault};

const QUERIES: [&str; 14] = [
    "요",
    "ㅋ",
    "!",
    "번호",
    "ok",
    "OK",
    "Ok",
    "meet",
    "Let's meet",
    "제출 전에",
    "수고하셨습니다",
    "+8210",
    "없는말",
    "회의록: 1)",
];

/// Every text message in the vault: (time, text).
fn all_texts(v: &Vault) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for g in v.groups().unwrap() {
        for m in v.group_messages(g.id).unwrap() {
            if m.kind == MessageKind::Text {
                out.push((m.at, m.body));
            }
        }
    }
    out
}

/// The search agrees with a scan of every message: the count, and the
/// newest `limit` in order.
fn agrees_with_a_scan(v: &Vault, extra: &[String]) {
    let texts = all_texts(v);
    let queries = QUERIES.iter().map(|q| q.to_string()).chain(extra.iter().cloned());
    for q in queries {
        let folded = q.to_lowercase();
        let mut expected: Vec<&String> =
            texts.iter().filter(|(_, text)| text.to_lowercase().contains(&folded)).map(|(at, _)| at).collect();
        expected.sort_unstable_by(|a, b| b.cmp(a));
        for limit in [1, 200] {
            let found = v.search_messages(&q, limit).unwrap();
            assert_eq!(found.total, expected.len() as u64, "count for {q:?}");
            let times: Vec<&String> = found.hits.iter().map(|h| &h.at).collect();
            assert_eq!(times, expected[..expected.len().min(limit)], "newest {limit} for {q:?}");
            assert!(found.hits.iter().all(|h| h.text.to_lowercase().contains(&folded)), "{q:?}");
        }
    }
}

fn chat(v: &common::TestVault, name: &str, seed: &str) -> PathBuf {
    let args = ["--messages", "3000", "--members", "12", "--seed", seed];
    common::generate(v.tmp.path(), "chat", "kakao-pc-ko", name, &args).0
}

#[test]
fn imports_undo_and_restores_are_searchable_at_once() {
    let t = common::TestVault::empty();
    let mut v = Vault::create(&t.dir(), common::PASSPHRASE).unwrap();
    let first = chat(&t, "KakaoTalk_Chat_one.txt", "3");
    let second = chat(&t, "KakaoTalk_Chat_two.txt", "4");
    let opts = ImportOptions::default();
    assert_eq!(v.search_messages("요", 10).unwrap().total, 0);

    let one = import_files(&mut v, std::slice::from_ref(&first), &opts).unwrap();
    assert!(one.new_messages > 2000);
    // Every message the import added is found by its own text.
    let mut sample: Vec<String> = all_texts(&v).into_iter().map(|(_, text)| text).collect();
    sample.sort_unstable();
    sample.dedup();
    agrees_with_a_scan(&v, &sample);

    let two = import_files(&mut v, &[second], &opts).unwrap();
    agrees_with_a_scan(&v, &sample);
    v.undo(two.batch_id.unwrap()).unwrap();
    agrees_with_a_scan(&v, &sample);

    // A backup with messages, restored after the import was undone.
    let snapshot = Snapshot::from_vault(&v, &[], true).unwrap();
    v.undo(one.batch_id.unwrap()).unwrap();
    assert!(all_texts(&v).is_empty());
    assert_eq!(v.search_messages("요", 10).unwrap().total, 0);
    let origin = BackupOrigin {
        file_name: "all.age".into(),
        sha256: "00".into(),
        made_at: "2026-12-01 12:00:00".into(),
        signer: None,
        fingerprint: None,
        own: true,
    };
    let restored = v.restore(&snapshot, &origin, Default::default()).unwrap();
    assert_eq!(restored.new_messages, one.new_messages);
    agrees_with_a_scan(&v, &sample);

    // What the vault holds is found after it is opened again.
    drop(v);
    let v = Vault::open(&t.dir(), common::PASSPHRASE).unwrap();
    agrees_with_a_scan(&v, &sample);
}
