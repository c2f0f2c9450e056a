//! Telegram Desktop HTML exports (the export dialog's default) read through
//! the real binary: a chat folder of pages, the zip of one, a full-account
//! export, and pages cut short. Fixtures in `tests/fixtures/telegram_html/`
//! (provenance in its README.md).

mod common;

use std::io::Write;
use std::path::Path;

use common::{TestVault, fixture, group, members, owner};

/// Every person's name, sorted.
fn people(v: &TestVault) -> Vec<String> {
    let mut names: Vec<String> =
        v.json(&["people"]).as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect();
    names.sort();
    names
}

/// A zip of `dir`'s files under `prefix/`, as a user zips the export folder.
fn zip_folder(dir: &Path, prefix: &str, out: &Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files {
        let name = format!("{prefix}/{}", file.file_name().unwrap().to_string_lossy());
        zip.start_file(name, options).unwrap();
        zip.write_all(&std::fs::read(&file).unwrap()).unwrap();
    }
    zip.start_file(format!("{prefix}/photos/photo_1.jpg"), options).unwrap();
    zip.write_all(b"\xff\xd8\xff not a chat").unwrap();
    zip.finish().unwrap();
}

/// What the chat fixture holds, whichever way it was imported.
fn check_chat(v: &TestVault) {
    let groups = v.json(&["groups"]);
    assert_eq!(groups.as_array().unwrap().len(), 1, "two pages are one room: {groups:#}");
    let room = group(&groups, "캡스톤 & Friends");
    assert_eq!(room["messages"], 8, "every message of both pages, date headers and service lines apart");
    assert_eq!(members(room), ["Alice Kim", "Bob Lee", "Carol Choi", "Dana Jung", "김민수"]);
    let left: Vec<&str> = room["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["left"] == true)
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(left, ["Bob Lee"], "\"Bob Lee removed Bob Lee\" is leaving");
    assert_eq!(owner(v, "+821012345678"), "김민수", "an NFD name is stored NFC");
    assert_eq!(owner(v, "minsu@example.com"), "김민수", "a joined message keeps its sender");
    assert_eq!(owner(v, "bob.lee@example.org"), "Bob Lee", "the sender carries across pages");
    assert_eq!(owner(v, "+821098765432"), "Carol Choi", "a GMT-style time");
    let card = v.json(&["show", "+821055550101"]);
    assert_eq!(card["name"], "Park Jisoo", "the shared contact card is a contact");
    assert_eq!(card["phones"][0]["sources"][0]["shared_by"], "Alice Kim");
    assert!(!people(v).iter().any(|p| p == "Nobody Outside"), "a forwarded message's author is no sender");
}

#[test]
fn a_chat_folder_is_one_room_read_page_by_page() {
    let v = TestVault::new();
    let folder = fixture("telegram_html/chat");
    let report = v.json(&["import", folder.to_str().unwrap()]);
    assert_eq!(report["files"][0]["format"], "telegram-html", "{report:#}");
    assert_eq!(report["files"][0]["contacts"], 1, "{report:#}");
    check_chat(&v);
    let again = v.json(&["import", folder.to_str().unwrap()]);
    assert_eq!(again["files"][0]["already_imported"], true, "the same folder again: {again:#}");
}

#[test]
fn a_zip_of_the_chat_folder_is_the_same_chat() {
    let v = TestVault::new();
    let zip = v.path("Telegram Desktop.zip");
    zip_folder(&fixture("telegram_html/chat"), "ChatExport_2023-03-06", &zip);
    let report = v.json(&["import", zip.to_str().unwrap()]);
    assert_eq!(report["files"][0]["format"], "telegram-html", "{report:#}");
    check_chat(&v);
    let again = v.json(&["import", zip.to_str().unwrap()]);
    assert_eq!(again["files"][0]["already_imported"], true, "{again:#}");
}

#[test]
fn a_full_export_gives_a_room_per_chat_and_the_contact_list() {
    let v = TestVault::new();
    let folder = fixture("telegram_html/full");
    let report = v.json(&["import", folder.to_str().unwrap()]);
    assert_eq!(report["files"][0]["contacts"], 3, "{report:#}");
    assert_eq!(report["files"][0]["messages"], 4, "{report:#}");
    let groups = v.json(&["groups"]);
    assert_eq!(groups.as_array().unwrap().len(), 2, "{groups:#}");
    assert_eq!(members(group(&groups, "Jonas Becker")), ["Jonas Becker", "Me Myself"]);
    let club = group(&groups, "Hiking club");
    assert_eq!(members(club), ["Jonas Becker", "Me Myself", "Павел Смирнов"], "invited when the group was made");
    assert_eq!(club["messages"], 2);
    assert_eq!(owner(&v, "+4915123456789"), "Jonas Becker", "a listed contact");
    assert_eq!(owner(&v, "+79161234567"), "Павел Смирнов", "a contact written with 00");
    assert_eq!(owner(&v, "+821020003000"), "이지은");
    assert_eq!(owner(&v, "pavel@example.ru"), "Павел Смирнов");
    assert_eq!(owner(&v, "+79167654321"), "Павел Смирнов", "joined to the message before");
}

#[test]
fn a_real_2020_page_reads_its_joined_messages() {
    let v = TestVault::new();
    let page = fixture("telegram_html/real/lassepe-messages.html");
    v.ok(&["import", page.to_str().unwrap()]);
    let groups = v.json(&["groups"]);
    let room = group(&groups, "Test");
    assert_eq!(room["messages"], 3);
    assert_eq!(members(room), ["Info", "Lasse Peters"]);
}

#[test]
fn a_page_cut_short_names_its_file_and_line_and_keeps_nothing() {
    let v = TestVault::new();
    v.ok(&["import", fixture("telegram_html/real/lassepe-messages.html").to_str().unwrap()]);
    let before = (v.json(&["groups"]), v.json(&["people"]), v.json(&["imports"]));
    let folder = v.path("ChatExport_cut");
    std::fs::create_dir(&folder).unwrap();
    let chat = fixture("telegram_html/chat");
    std::fs::copy(chat.join("messages.html"), folder.join("messages.html")).unwrap();
    let second = std::fs::read_to_string(chat.join("messages2.html")).unwrap();
    let cut = &second[..second.find("Thanks for adding me").unwrap()];
    std::fs::write(folder.join("messages2.html"), cut).unwrap();
    let lines = cut.lines().count();
    let err = v.fails(&["import", folder.to_str().unwrap()]);
    assert!(err.contains(&format!("ChatExport_cut/messages2.html:{lines}:")), "{err}");
    assert!(err.contains("the page ends inside the message begun on line"), "{err}");
    assert_eq!((v.json(&["groups"]), v.json(&["people"]), v.json(&["imports"])), before, "nothing was kept");
}

#[test]
fn a_folder_without_an_export_says_so() {
    let v = TestVault::new();
    let folder = v.path("Photos");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("photo.jpg"), b"\xff\xd8\xff").unwrap();
    let err = v.fails(&["import", folder.to_str().unwrap()]);
    assert!(err.contains("Photos: this folder holds no export"), "{err}");
}

/// `redact` cannot rewrite HTML pages yet: it must refuse, not write a
/// "safe" copy that still holds every message.
#[test]
fn redact_refuses_an_html_page_and_writes_nothing() {
    let v = TestVault::empty();
    let out = v.path("redacted.html");
    let page = fixture("telegram_html/chat/messages.html");
    let err = v.fails(&["redact", page.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(err.contains("redact cannot rewrite telegram-html yet"), "{err}");
    assert!(!out.exists(), "no copy was written");
}

/// A folder is "already imported" by the pages it is read from: a photo
/// added beside them changes nothing, a page that changed is read again.
#[test]
fn a_folder_is_known_again_by_its_pages_not_by_its_photos() {
    let v = TestVault::new();
    let folder = v.path("ChatExport_2023-03-06");
    std::fs::create_dir_all(folder.join("photos")).unwrap();
    for page in ["messages.html", "messages2.html"] {
        std::fs::copy(fixture("telegram_html/chat").join(page), folder.join(page)).unwrap();
    }
    let path = folder.to_str().unwrap();
    v.ok(&["import", path]);
    std::fs::write(folder.join("photos/photo_9.jpg"), b"\xff\xd8\xff").unwrap();
    assert_eq!(v.json(&["import", path])["files"][0]["already_imported"], true);
    let mut page = std::fs::OpenOptions::new().append(true).open(folder.join("messages2.html")).unwrap();
    page.write_all(b"\n").unwrap();
    let again = v.json(&["import", path]);
    assert_eq!(again["files"][0]["already_imported"], false, "{again:#}");
    assert_eq!(again["files"][0]["new_messages"], 0, "the same messages, known by their fingerprints");
}

/// A real 2024 full-account export (redacted; README.md): Spanish-language
/// account, `UTC-04:00` titles, headers inside links, a chat whose only line
/// is a service line, contacts written `0056…`, the account's own page.
#[test]
fn a_real_2024_full_export_reads_its_chats_and_contacts() {
    let v = TestVault::new();
    let export = fixture("telegram_html/real/export-2024");
    let report = v.json(&["import", export.to_str().unwrap()]);
    assert_eq!(report["files"][0]["contacts"], 5, "four listed, and the account itself: {report:#}");
    assert_eq!(report["files"][0]["messages"], 7, "{report:#}");
    assert_eq!(report["files"][0]["unparsed"], 0, "{report:#}");
    let groups = v.json(&["groups"]);
    assert_eq!(groups.as_array().unwrap().len(), 1, "a chat of one service line has no messages: {groups:#}");
    let chat = group(&groups, "Member 3");
    assert_eq!(members(chat), ["Member 2", "Member 3"], "joined messages keep their senders");
    assert_eq!(chat["messages"], 7);
    for (number, name) in [("+56930501799", "Contact 1"), ("+56988174157", "Contact 2"), ("+56998111366", "Contact 4")]
    {
        assert_eq!(owner(&v, number), name, "{number}");
    }
    let me = v.json(&["show", "+56964091228"]);
    assert_eq!(me["name"], "Member 2", "export_results.html's account is the chat's other member");
    assert_eq!(me["note"], "The Telegram account that made this export");
}
