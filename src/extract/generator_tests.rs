//! Extraction checked against the generator's ground truth: every shared
//! value found, nothing else found, owners right.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// (sender, kind, value) → owner.
type Shared = BTreeMap<(String, String, String), String>;

/// A generated kakao-csv room: its members, its (sender, text) messages and the truth.
struct Room {
    members: Vec<String>,
    messages: Vec<(String, String)>,
    truth: Shared,
}

fn generate(dir: &Path, messages: usize, seed: u64, viewer: u32) -> Room {
    let (messages, seed, viewer) = (messages.to_string(), seed.to_string(), viewer.to_string());
    let args = ["--members", "20", "--messages", &messages, "--seed", &seed, "--viewer", &viewer];
    let (out, truth) = crate::test_support::generate(dir, "chat", "kakao-csv", "room.csv", &args);
    let text = |v: &serde_json::Value| v.as_str().expect("truth strings").to_owned();
    let members = truth["members"].as_array().expect("members").iter().map(text).collect();
    let shared = truth["shared"].as_array().expect("shared").iter();
    let truth =
        shared.map(|e| ((text(&e["sender"]), text(&e["kind"]), text(&e["value"])), text(&e["owner"]))).collect();
    let mut reader = csv::Reader::from_path(out).expect("csv written");
    let messages = reader
        .records()
        .map(|r| r.expect("csv row"))
        .filter(|r| !r[1].is_empty())
        .map(|r| (r[1].to_owned(), r[2].to_owned()))
        .collect();
    Room { members, messages, truth }
}

/// What extraction finds in a room, in the truth's shape.
fn extract(room: &Room) -> Shared {
    let members: Vec<&str> = room.members.iter().map(String::as_str).collect();
    let mut shared = Shared::new();
    for (sender, text) in &room.messages {
        for found in find(text, phone::Region::default()) {
            let owner = named_owner(text, &found, &members, sender).unwrap_or(sender);
            let kind = match found.kind {
                Kind::Phone => "phone",
                Kind::Email => "email",
                // The generator shares no handles: any found is a false one.
                Kind::Handle(service) => service.as_str(),
            };
            shared.insert((sender.clone(), kind.to_owned(), found.value), owner.to_owned());
        }
    }
    shared
}

#[test]
fn generated_rooms_match_the_truth() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (seed, viewer) in [(1, 0), (7, 0), (42, 0), (2024, 3), (99, 5)] {
        let room = generate(dir.path(), 20_000, seed, viewer);
        let found = extract(&room);
        let truth_keys: BTreeSet<_> = room.truth.keys().collect();
        let found_keys: BTreeSet<_> = found.keys().collect();
        let missed: Vec<_> = truth_keys.difference(&found_keys).collect();
        let spurious: Vec<_> = found_keys.difference(&truth_keys).collect();
        assert!(missed.is_empty(), "seed {seed}: missed {missed:?}");
        assert!(spurious.is_empty(), "seed {seed}: spurious {spurious:?}");
        let wrong: Vec<_> = room.truth.iter().filter(|(k, owner)| found.get(*k) != Some(owner)).collect();
        let right = room.truth.len() - wrong.len();
        assert!(right * 100 >= room.truth.len() * 98, "seed {seed}: owners wrong for {wrong:?}");
        println!("seed {seed} viewer {viewer}: {} values, {right} owners right", room.truth.len());
    }
}

/// `cargo test --release --lib extract::generator_tests::timing -- --ignored --nocapture`
#[test]
#[ignore = "slow: generates a million messages; run by hand in release mode"]
fn timing_a_million_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let room = generate(dir.path(), 1_000_000, 5, 0);
    let started = std::time::Instant::now();
    let count: usize = room.messages.iter().map(|(_, text)| find(text, phone::Region::default()).len()).sum();
    let elapsed = started.elapsed();
    println!("find over {} messages: {elapsed:?}, {count} values", room.messages.len());
    assert!(count > 0);
}
