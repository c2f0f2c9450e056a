//! WhatsApp exports as people have them, read through the real binary: the
//! fixtures in `tests/fixtures/whatsapp/` (provenance in its PROVENANCE.md)
//! and a file whose days are all 12 or lower, which used to be refused.

mod common;

use common::{TestVault, fixture};

fn members(v: &TestVault) -> Vec<String> {
    let groups = v.json(&["groups"]);
    let mut names: Vec<String> =
        groups[0]["members"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap().to_owned()).collect();
    names.sort();
    names
}

/// chat-miner's five date styles hold the same chat: each gives the same
/// members and the six messages its `target.json` lists, on the same days.
#[test]
fn chat_miner_fixtures_in_every_date_style() {
    for name in [
        "chat-miner-test_ddmmyy_24hrs.txt",
        "chat-miner-test_mmddyy_24hrs.txt",
        "chat-miner-test_bracketed_mmddyy_24hrs.txt",
        "chat-miner-test_mmddyyyy_12hrs.txt",
        "chat-miner-test_yyyymmdd_24hrs.txt",
    ] {
        let v = TestVault::new();
        let file = fixture(&format!("whatsapp/{name}"));
        let report = v.json(&["import", file.to_str().unwrap()]);
        let f = &report["files"][0];
        assert_eq!(f["format"], "whatsapp", "{name}");
        assert_eq!(f["messages"], 6, "{name}: as chat-miner's own target.json: {report:#}");
        assert_eq!(f["first_message"], "2019-01-01 11:25:00", "{name}");
        assert_eq!(f["last_message"], "2021-12-30 22:01:00", "{name}");
        assert!(f["date_order"].is_null(), "{name}: a day above 12 settles it");
        assert_eq!(
            members(&v),
            ["+12 345 578", "Jahn Doe", "John Doe", "John Doe 🤓", "John-John Doe", "You", "🤓"],
            "{name}"
        );
        // `created group "Groupname"` comes after the first message, too late to name the room.
        assert_eq!(v.json(&["groups"])[0]["name"], name.trim_end_matches(".txt"), "{name}");
    }
}

#[test]
fn a_file_no_day_settles_imports_and_the_summary_says_how_it_was_read() {
    let v = TestVault::new();
    let file = v.path("WhatsApp Chat with Team.txt");
    std::fs::write(&file, "1/5/18, 09:00 - Ann: hi\n1/9/18, 10:00 - Bob: hey\n2/3/18, 12:00 - Ann: bye\n").unwrap();
    let text = v.ok(&["import", "--dry-run", file.to_str().unwrap()]);
    assert!(text.contains("dates read as month/day"), "{text}");
    assert!(text.contains("--date-order dmy"), "{text}");
    let report = v.json(&["import", file.to_str().unwrap()]);
    let reading = &report["files"][0]["date_order"];
    assert_eq!((reading["order"].as_str(), reading["by"].as_str()), (Some("mdy"), Some("chronology")), "{report:#}");
    assert_eq!(report["files"][0]["last_message"], "2018-02-03 12:00:00");

    // Both readings in order: day first, said so, and --date-order changes it.
    let other = TestVault::new();
    let file = other.path("WhatsApp Chat with Pair.txt");
    std::fs::write(&file, "3/6/18, 13:55 - Ann: hi\n4/6/18, 13:56 - Bob: hey\n").unwrap();
    let text = other.ok(&["import", "--dry-run", file.to_str().unwrap()]);
    assert!(text.contains("dates read as day/month") && text.contains("--date-order mdy"), "{text}");
    let report = other.json(&["import", "--date-order", "mdy", file.to_str().unwrap()]);
    assert!(report["files"][0]["date_order"].is_null());
    assert_eq!(report["files"][0]["last_message"], "2018-04-06 13:56:00");
}
