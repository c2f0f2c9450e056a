//! Telegram Desktop JSON exports of the shapes people actually have, read
//! through the real binary: the fixtures in `tests/fixtures/telegram/`
//! (provenance in its PROVENANCE.md).

mod common;

use common::{TestVault, fixture, group, members};

/// Every e164 number in the vault.
fn numbers(v: &TestVault) -> Vec<String> {
    let mut all: Vec<String> = v
        .json(&["people"])
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            p["phones"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|ph| ph["e164"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_2020_full_account_export_gives_one_room_per_chat_and_its_contacts() {
    let v = TestVault::new();
    let file = fixture("telegram/account-2020-shapes.json");
    v.ok(&["import", file.to_str().unwrap()]);
    let groups = v.json(&["groups"]);
    let mut names: Vec<&str> = groups.as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["Hiking club", "Jonas Becker", "Saved Messages", "Weather Bot"]);
    let club = group(&groups, "Hiking club");
    assert_eq!(members(club), ["Jonas Becker", "Mina Seo", "Павел"], "the club itself is no member");
    assert_eq!(club["messages"], 2, "the club's own post is kept");
    assert_eq!(group(&groups, "Saved Messages")["messages"], 2);
    assert_eq!(group(&groups, "Weather Bot")["messages"], 1, "a message with only date_unixtime");

    let phones = numbers(&v);
    for contact in ["+4915123456789", "+79161234567", "+447911123456", "+821020003000"] {
        assert!(phones.contains(&contact.to_owned()), "{contact} in {phones:?}");
    }
    // Ids and unix times are never numbers; the landlord's tagged number is.
    assert!(phones.contains(&"+821044445555".to_owned()), "{phones:?}");
    for id in ["1234567890", "2233445566", "1591034400", "1482056085"] {
        assert!(!phones.iter().any(|p| p.ends_with(id)), "{id} read as a phone: {phones:?}");
    }
    assert_eq!(v.json(&["show", "+447911123456"])["name"], "🧤 Glove Shop", "double encoding repaired");
}

/// chat-miner's fixtures have only `date_unixtime` and no chat `type` or `id`:
/// before, the batch export gave "found no messages".
#[test]
fn exports_with_only_unix_times_are_read() {
    let v = TestVault::new();
    let batch = fixture("telegram/chat-miner-batch-export.json");
    let report = v.json(&["import", batch.to_str().unwrap()]);
    assert_eq!(report["files"][0]["messages"], 2, "{report:#}");
    let groups = v.json(&["groups"]);
    assert_eq!(members(group(&groups, "Chatname")), ["Author 1", "Author 2"]);

    // The same two messages exported alone are recognised as the same room.
    let single = fixture("telegram/chat-miner-single-export.json");
    v.ok(&["import", single.to_str().unwrap()]);
    assert_eq!(v.json(&["groups"]).as_array().unwrap().len(), 1);
    let fresh = TestVault::new();
    fresh.ok(&["import", single.to_str().unwrap()]);
    let alone = &fresh.json(&["groups"])[0];
    assert_eq!((alone["name"].as_str(), alone["messages"].as_u64()), (Some("Telegram chat"), Some(2)));
}
