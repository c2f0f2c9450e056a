//! Instagram's "Download your information" messages read through the real
//! binary: the download's folder (threads in several parts), its zip, and a
//! part cut short. Fixtures in `tests/fixtures/instagram/` (see its README.md).

mod common;

use std::io::Write;
use std::path::Path;

use common::{TestVault, fixture, group, members, owner};

const DOWNLOAD: &str = "instagram/instagram-minjun_kim-2022-10-20";

/// What the download holds, whichever way it was imported.
fn check(v: &TestVault) {
    let groups = v.json(&["groups"]);
    assert_eq!(groups.as_array().unwrap().len(), 2, "two threads, the first in two parts: {groups:#}");
    let team = group(&groups, "캡스톤 3조 🐣");
    assert_eq!(team["messages"], 5, "both parts' messages; an add is an event, not a message");
    assert_eq!(members(team), ["Alex Park", "김민준", "박지호", "이서연"], "names repaired from Meta's Latin-1");
    let dm = group(&groups, "Jane Doe");
    assert_eq!(members(dm), ["Jane Doe", "김민준"]);
    assert_eq!(owner(v, "+821034567890"), "박지호", "a number in the second part");
    assert_eq!(owner(v, "+821023456789"), "이서연");
    assert_eq!(owner(v, "alex.park@example.com"), "Alex Park");
    assert_eq!(owner(v, "+14155550100"), "Jane Doe");
    let hits = |text: &str| v.json(&["search", "--messages", text]).as_array().unwrap().len();
    assert_eq!(hits("좋아요"), 1);
    assert_eq!(hits("José"), 1, "text repaired from Meta's Latin-1");
}

#[test]
fn the_downloads_folder_is_every_thread_with_every_part() {
    let v = TestVault::new();
    let folder = fixture(DOWNLOAD);
    let report = v.json(&["import", folder.to_str().unwrap()]);
    assert_eq!(report["files"][0]["format"], "instagram-json", "{report:#}");
    assert_eq!(report["files"][0]["messages"], 7, "{report:#}");
    check(&v);
    let again = v.json(&["import", folder.to_str().unwrap()]);
    assert_eq!(again["files"][0]["already_imported"], true, "{again:#}");
}

/// A zip of `dir` with every file under it, as the download arrives.
fn zip_tree(dir: &Path, out: &Path) {
    fn add(zip: &mut zip::ZipWriter<std::fs::File>, root: &Path, dir: &Path) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                add(zip, root, &path);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
                zip.write_all(&std::fs::read(&path).unwrap()).unwrap();
            }
        }
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    add(&mut zip, dir, dir);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("your_instagram_activity/messages/inbox/capstone_123456789/photos/1.jpg", options).unwrap();
    zip.write_all(b"\xff\xd8\xff not a chat").unwrap();
    zip.finish().unwrap();
}

#[test]
fn the_downloads_zip_reads_the_same() {
    let v = TestVault::new();
    let zip = v.path("instagram-minjun_kim-2022-10-20.zip");
    zip_tree(&fixture(DOWNLOAD), &zip);
    let report = v.json(&["import", zip.to_str().unwrap()]);
    assert_eq!(report["files"][0]["format"], "instagram-json", "{report:#}");
    check(&v);
    let groups = v.json(&["groups"]);
    assert_eq!(group(&groups, "Jane Doe")["platform"], "instagram", "{groups:#}");
}

#[test]
fn a_part_cut_short_is_refused_by_name_and_nothing_is_kept() {
    let v = TestVault::new();
    let copy = v.path("download");
    let inbox = copy.join("messages/inbox/capstone_123456789");
    std::fs::create_dir_all(&inbox).unwrap();
    let part = fixture(&format!("{DOWNLOAD}/your_instagram_activity/messages/inbox/capstone_123456789/message_2.json"));
    std::fs::copy(&part, inbox.join("message_1.json")).unwrap();
    let text = std::fs::read_to_string(&part).unwrap();
    std::fs::write(inbox.join("message_2.json"), &text[..text.len() / 2]).unwrap();
    let before = v.raw_bytes();
    let err = v.fails(&["import", copy.to_str().unwrap()]);
    assert!(err.contains("message_2.json:") && err.contains("not an Instagram or Messenger export"), "{err}");
    assert_eq!(before, v.raw_bytes(), "all or nothing");
}

/// Real exports from joweich/chat-miner's test data (MIT; see the README):
/// every message and every sender, names repaired from Meta's encoding.
#[test]
fn real_instagram_and_messenger_files() {
    let v = TestVault::new();
    let instagram = fixture("instagram/real/chat-miner-instagram-message_1.json");
    let report = v.json(&["import", instagram.to_str().unwrap()]);
    assert_eq!((report["files"][0]["messages"].as_u64(), report["files"][0]["unparsed"].as_u64()), (Some(13), Some(0)));
    let groups = v.json(&["groups"]);
    let room = group(&groups, "Test Log");
    assert_eq!(members(room), ["Jane Doe", "John Doe", "J❤️hn Doe", "Lionel Messi", "❤️"], "{room:#}");
    let messenger = fixture("instagram/real/chat-miner-messenger-message_1.json");
    let report = v.json(&["import", messenger.to_str().unwrap()]);
    assert_eq!(report["files"][0]["format"], "instagram-json", "{report:#}");
    assert_eq!(report["files"][0]["messages"], 2, "{report:#}");
    let groups = v.json(&["groups"]);
    assert_eq!(group(&groups, "chat-miner-messenger-message_1")["platform"], "messenger", "{groups:#}");
}
