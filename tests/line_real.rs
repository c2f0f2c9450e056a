//! LINE histories of every app and UI, and chats held in other countries'
//! languages, through the real binary and a real vault: every member,
//! message and number survives, each number with its owner, read in the
//! region the file is from. Fixtures in `tests/fixtures/line/` (provenance
//! in its README.md) and `tests/fixtures/countries/`.

mod common;

use std::collections::BTreeMap;

use common::{TestVault, fixture};
use serde_json::Value;

/// Import `rel` and return the file's report.
fn import(v: &TestVault, rel: &str, extra: &[&str]) -> Value {
    let file = fixture(rel);
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let report = v.json(&args);
    let file = report["files"][0].clone();
    assert_eq!(file["unparsed"], 0, "{rel}: every line read: {file:#}");
    file
}

/// Each person's name and E.164 numbers.
fn owners(v: &TestVault) -> BTreeMap<String, Vec<String>> {
    v.json(&["people"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut phones: Vec<String> = p["phones"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|ph| ph["e164"].as_str().map(str::to_owned))
                .collect();
            phones.sort();
            (p["name"].as_str().unwrap().to_owned(), phones)
        })
        .collect()
}

/// Names and the numbers each should own.
type Owners<'a> = &'a [(&'a str, &'a [&'a str])];

fn expect(pairs: Owners) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(name, phones)| {
            let mut phones: Vec<String> = phones.iter().map(|p| p.to_string()).collect();
            phones.sort();
            (name.to_string(), phones)
        })
        .collect()
}

fn group(v: &TestVault) -> Value {
    let groups = v.json(&["groups"]);
    assert_eq!(groups.as_array().unwrap().len(), 1, "{groups:#}");
    groups[0].clone()
}

#[test]
fn a_japanese_phone_room_keeps_every_number_with_its_owner() {
    let v = TestVault::new();
    let file = import(&v, "line/ja-phone-group.txt", &[]);
    assert_eq!((file["messages"].as_u64(), file["members"].as_u64()), (Some(9), Some(3)));
    assert_eq!(file["region"]["region"], "JP", "{file:#}");
    assert_eq!(file["region"]["by"], "language");
    assert_eq!(group(&v)["name"], "山登り部");
    assert_eq!(
        owners(&v),
        expect(&[
            ("佐藤 花子", &["+81312345678", "+818023456789"]),
            ("田中 一郎", &["+819012345678"]),
            ("鈴木 次郎", &["+81451234567", "+817034567890"]),
        ])
    );
}

#[test]
fn a_thai_phone_room_in_buddhist_era_years() {
    let v = TestVault::new();
    let file = import(&v, "line/th-phone-be.txt", &[]);
    assert_eq!(file["region"]["region"], "TH", "{file:#}");
    assert_eq!(file["messages"], 5);
    // 13/06/2565 BE is 13 June 2022; the last message is the next day's.
    assert_eq!(file["first_message"], "2022-06-13 09:15:00");
    assert_eq!(file["last_message"], "2022-06-14 08:00:00");
    // Laughter (555555) and a student id are not numbers.
    assert_eq!(
        owners(&v),
        expect(&[
            ("กมล", &["+66865551234"]),
            ("มาลี", &["+6621234567", "+66898765432"]),
            ("สมชาย ใจดี", &["+66812345678"]),
        ])
    );
}

#[test]
fn a_german_whatsapp_chat_reads_german_numbers() {
    let v = TestVault::new();
    let file = import(&v, "countries/de-whatsapp-android.txt", &[]);
    assert_eq!(file["region"]["region"], "DE", "{file:#}");
    assert_eq!(file["region"]["language"], "German");
    assert_eq!(
        owners(&v),
        expect(&[
            ("+49 160 1234567", &["+491601234567"]),
            ("Anna Schmidt", &["+4915123456789"]),
            ("Jonas Becker", &["+49301234567", "+491719876543"]),
        ])
    );
}

#[test]
fn desktop_save_chat_files_are_read_and_named_after_the_file() {
    let v = TestVault::new();
    let file = import(&v, "line/desktop-ja-spaces.txt", &[]);
    assert_eq!((file["messages"].as_u64(), file["members"].as_u64()), (Some(4), Some(2)));
    assert_eq!(group(&v)["name"], "desktop-ja-spaces");
    assert_eq!(owners(&v), expect(&[("natsumi_", &["+819087654321"]), ("taichi", &[])]));

    let v = TestVault::new();
    let file = import(&v, "line/desktop-en-tabs.txt", &[]);
    assert_eq!((file["messages"].as_u64(), file["members"].as_u64()), (Some(4), Some(2)), "{file:#}");
    assert_eq!(owners(&v), expect(&[("Amy Lee", &["+16502530000"]), ("Bo Kim", &[])]));
}

#[test]
fn russian_and_taiwanese_rooms_read_their_numbers() {
    let rooms: [(&str, &str, Owners); 2] = [
        (
            "countries/ru-whatsapp-ios.txt",
            "RU",
            &[("Дмитрий", &["+74951234567"]), ("Ольга Иванова", &["+79123456789"])],
        ),
        ("line/zh-tw-phone.txt", "TW", &[("王小明", &["+886912345678"]), ("陳美玲", &["+886223456789"])]),
    ];
    for (rel, region, expected) in rooms {
        let v = TestVault::new();
        let file = import(&v, rel, &[]);
        assert_eq!(file["region"]["region"], region, "{file:#}");
        assert_eq!(owners(&v), expect(expected), "{rel}");
    }
}

#[test]
fn a_region_chosen_for_the_import_decides() {
    let v = TestVault::new();
    let file = import(&v, "line/ja-phone-group.txt", &["--region", "KR"]);
    assert_eq!(file["region"]["by"], "chosen");
    // 03-1234-5678 dials in Korea too (031 is an area code); the mobiles do not.
    let phones: Vec<String> = owners(&v).into_values().flatten().collect();
    assert!(!phones.iter().any(|p| p.starts_with("+81")), "{phones:?}");
}

#[test]
fn the_summary_says_which_region_and_why() {
    let v = TestVault::new();
    let out = v.ok(&["import", fixture("line/th-phone-be.txt").to_str().unwrap()]);
    assert!(out.contains("numbers without a country code read as TH (it is written in Thai)"), "{out}");
    assert!(out.contains("--region"), "{out}");
}
