//! Chat imports against the generator's ground truth, through the real binary
//! and a real vault: exactly the room's members, exactly its message count,
//! every shared number and e-mail found, none spurious, owners right for at
//! least 98% of values.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{TestVault, generate};
use serde_json::Value;

const FORMATS: &[(&str, &str)] = &[
    ("kakao-pc-ko", "KakaoTalk_20221016_1405_32_123_group.txt"),
    ("kakao-pc-en", "KakaoTalk_Chats.txt"),
    ("kakao-android-ko", "KakaoTalkChats.txt"),
    ("kakao-android-en", "KakaoTalkChats.txt"),
    ("kakao-ios-ko", "Talk_2022.10.16 14:05-1.txt"),
    ("kakao-ios-en", "Talk_2022.10.16 14:05-1.txt"),
    ("kakao-csv", "KakaoTalk_Chat_캡스톤 3조_2022-10-16-14-05-32.csv"),
    ("kakao-android-ko-2025", "KakaoTalkChats.txt"),
    ("kakao-ios-ko-2025", "Talk_2025.8.8 21:50-1.txt"),
    ("whatsapp-android", "WhatsApp Chat with 캡스톤 3조.txt"),
    ("whatsapp-ios", "_chat.txt"),
    ("whatsapp-android-us", "WhatsApp Chat with Team.txt"),
    ("whatsapp-ios-us", "_chat.txt"),
    ("telegram-json", "result.json"),
    ("line-en", "[LINE] Chat with Team.txt"),
    ("line-ja", "[LINE] Team.txt"),
    ("line-th", "[LINE] Chat history in Team.txt"),
    ("line-desktop", "[LINE] Team.txt"),
];

/// The variants every format is tried in; LINE ignores --newline by design.
fn variants(format: &str) -> Vec<Vec<&'static str>> {
    let mut v = vec![vec![], vec!["--encoding", "utf-8-sig"]];
    if !format.starts_with("line") && format != "telegram-json" {
        v.push(vec!["--newline", "crlf"]);
    }
    v
}

fn check_format(format: &str, file_name: &str, extra: &[&str]) {
    let v = TestVault::new();
    let mut args = vec!["--messages", "3000", "--members", "12", "--seed", "11"];
    args.extend_from_slice(extra);
    let (file, truth) = generate(v.tmp.path(), "chat", format, file_name, &args);
    v.ok(&["import", file.to_str().unwrap()]);
    let label = format!("{format} {extra:?}");

    let groups = v.json(&["groups"]);
    let groups = groups.as_array().unwrap();
    assert_eq!(groups.len(), 1, "{label}: one group");
    let group = &groups[0];
    let members: BTreeSet<String> =
        group["members"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap().to_owned()).collect();
    let expected: BTreeSet<String> =
        truth["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_owned()).collect();
    assert_eq!(members, expected, "{label}: members");
    assert_eq!(group["messages"].as_u64(), truth["messages"].as_u64(), "{label}: messages");

    let person_of: HashMap<String, i64> = group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["name"].as_str().unwrap().to_owned(), m["person_id"].as_i64().unwrap()))
        .collect();
    let people = v.json(&["people"]);
    let mut held: HashMap<i64, BTreeSet<(String, String)>> = HashMap::new();
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    for p in people.as_array().unwrap() {
        let id = p["id"].as_i64().unwrap();
        for ph in p["phones"].as_array().unwrap() {
            if ph["status"] == "candidate" {
                let value = ph["e164"].as_str().unwrap_or(ph["raw"].as_str().unwrap()).to_owned();
                found.insert(("phone".into(), value.clone()));
                held.entry(id).or_default().insert(("phone".into(), value));
            }
        }
        for e in p["emails"].as_array().unwrap() {
            if e["status"] == "candidate" {
                let value = e["address"].as_str().unwrap().to_owned();
                found.insert(("email".into(), value.clone()));
                held.entry(id).or_default().insert(("email".into(), value));
            }
        }
    }
    let shared: Vec<&Value> = truth["shared"].as_array().unwrap().iter().collect();
    let expected_values: BTreeSet<(String, String)> = shared
        .iter()
        .map(|s| (s["kind"].as_str().unwrap().to_owned(), s["value"].as_str().unwrap().to_owned()))
        .collect();
    let missing: Vec<_> = expected_values.difference(&found).collect();
    let spurious: Vec<_> = found.difference(&expected_values).collect();
    assert!(missing.is_empty(), "{label}: {} shared values not found: {missing:?}", missing.len());
    assert!(spurious.is_empty(), "{label}: {} spurious values: {spurious:?}", spurious.len());
    let right = shared
        .iter()
        .filter(|s| {
            let owner = s["owner"].as_str().unwrap();
            let key = (s["kind"].as_str().unwrap().to_owned(), s["value"].as_str().unwrap().to_owned());
            person_of.get(owner).and_then(|id| held.get(id)).is_some_and(|vals| vals.contains(&key))
        })
        .count();
    let share = right as f64 / shared.len().max(1) as f64;
    assert!(share >= 0.98, "{label}: owner right for {right} of {} values ({:.1}%)", shared.len(), share * 100.0);
}

#[test]
fn every_generated_chat_format_matches_its_truth() {
    let only = std::env::var("LIFEBOAT_TEST_FORMAT").ok();
    for (format, file_name) in FORMATS {
        if only.as_deref().is_some_and(|o| o != *format) {
            continue;
        }
        for extra in variants(format) {
            check_format(format, file_name, &extra);
        }
    }
}
