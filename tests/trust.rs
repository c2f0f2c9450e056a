//! Imports you can trust, through the real binary: one room exported by two
//! members is one group with one entry per person, namesakes stay apart,
//! undo restores the exact previous state, and a cancelled import keeps nothing.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{TestVault, generate};
use serde_json::Value;

/// The roster of the only group: person id → the display names behind it in the truth.
fn roster_by_person(group: &Value) -> BTreeMap<i64, String> {
    group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["person_id"].as_i64().unwrap(), m["name"].as_str().unwrap().to_owned()))
        .collect()
}

/// Two members' exports of one room, in either order and in one run: one group,
/// one roster entry per canonical member, each message once.
#[test]
fn two_viewers_of_one_room_make_one_group() {
    for (format, order) in [("kakao-android-ko", 0), ("kakao-pc-ko", 1), ("whatsapp-android", 0), ("line-en", 2)] {
        let v = TestVault::new();
        let args = ["--messages", "1500", "--members", "9", "--seed", "21"];
        let (a, truth_a) = generate(v.tmp.path(), "chat", format, "a.txt", &[&args[..], &["--viewer", "0"]].concat());
        let (b, truth_b) = generate(v.tmp.path(), "chat", format, "b.txt", &[&args[..], &["--viewer", "3"]].concat());
        assert_ne!(truth_a["members"], truth_b["members"], "{format}: the viewers must show other names");
        let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
        match order {
            0 => {
                v.ok(&["import", a]);
                v.ok(&["import", b]);
            }
            1 => {
                v.ok(&["import", b]);
                v.ok(&["import", a]);
            }
            _ => {
                v.ok(&["import", a, b]);
            }
        }
        let groups = v.json(&["groups"]);
        assert_eq!(groups.as_array().unwrap().len(), 1, "{format}: {groups:#}");
        let group = &groups[0];
        assert_eq!(group["messages"], truth_a["messages"], "{format}");
        let canonical: BTreeSet<&str> =
            truth_a["canonical"].as_object().unwrap().values().map(|v| v.as_str().unwrap()).collect();
        let roster = roster_by_person(group);
        assert_eq!(roster.len(), canonical.len(), "{format}: {roster:?} vs {canonical:?}");
        let sum: u64 = group["members"].as_array().unwrap().iter().map(|m| m["messages"].as_u64().unwrap()).sum();
        assert_eq!(sum, truth_a["messages"].as_u64().unwrap(), "{format}");
        // Every display name of both files is an alias (or the name) of the one person behind it.
        let people = v.json(&["people"]);
        for truth in [&truth_a, &truth_b] {
            for (shown, canon) in truth["canonical"].as_object().unwrap() {
                let holders: Vec<&Value> = people
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|p| {
                        p["name"] == shown.as_str()
                            || p["aliases"].as_array().unwrap().iter().any(|a| a == shown.as_str())
                    })
                    .collect();
                assert!(
                    !holders.is_empty() || shown == truth["self"].as_str().unwrap_or(""),
                    "{format}: {shown} ({canon})"
                );
            }
        }
    }
}

/// The exporter is `회원님` in a mobile export and under their own name in a PC
/// export of the same room: one person, the vault owner, with the real name.
#[test]
fn exporter_label_and_real_name_are_one_person() {
    for order in [0, 1] {
        let v = TestVault::new();
        let args = ["--messages", "800", "--members", "6", "--seed", "5"];
        let (mobile, tm) = generate(v.tmp.path(), "chat", "kakao-android-ko", "m.txt", &args);
        let (pc, tp) = generate(v.tmp.path(), "chat", "kakao-pc-ko", "p.txt", &args);
        assert_eq!(tm["self"], "회원님");
        let (mobile, pc) = (mobile.to_str().unwrap(), pc.to_str().unwrap());
        let files = if order == 0 { [mobile, pc] } else { [pc, mobile] };
        for f in files {
            v.ok(&["import", f]);
        }
        let groups = v.json(&["groups"]);
        assert_eq!(groups.as_array().unwrap().len(), 1, "{groups:#}");
        assert_eq!(groups[0]["members"].as_array().unwrap().len(), tp["members"].as_array().unwrap().len());
        // The generator's two formats drift apart after their first join/leave
        // line, so the message totals are not comparable; the roster is.
        let people = v.json(&["people"]);
        let me: Vec<&Value> = people.as_array().unwrap().iter().filter(|p| p["me"] == true).collect();
        assert_eq!(me.len(), 1, "{people:#}");
        let real: BTreeSet<&str> = tp["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
        assert!(real.contains(me[0]["name"].as_str().unwrap()), "order {order}: {:#}", me[0]);
    }
}

/// Same display name in two unrelated rooms: two people until the user says otherwise.
#[test]
fn namesakes_in_two_rooms_stay_apart() {
    let v = TestVault::new();
    let a = v.path("KakaoTalk_Chat_등산_2022-10-16-14-05-32.csv");
    let b = v.path("KakaoTalk_Chat_독서_2022-10-16-14-05-32.csv");
    std::fs::write(&a, "Date,User,Message\n2022-10-15 09:00:00,\"김민수\",\"토요일 산행 어때요\"\n2022-10-15 09:01:00,\"이영희\",\"좋아요\"\n").unwrap();
    std::fs::write(&b, "Date,User,Message\n2022-11-02 20:00:00,\"김민수\",\"이번 책 다 읽으셨나요\"\n2022-11-02 20:05:00,\"박지훈\",\"반쯤요\"\n").unwrap();
    v.ok(&["import", a.to_str().unwrap(), b.to_str().unwrap()]);
    let people = v.json(&["search", "김민수"]);
    assert_eq!(people.as_array().unwrap().len(), 2, "{people:#}");
    assert_eq!(v.json(&["groups"]).as_array().unwrap().len(), 2);
}

/// Everything a user can see: people, groups and every message.
fn snapshot(v: &TestVault) -> (Value, Value, Value) {
    (v.json(&["people"]), v.json(&["groups"]), v.json(&["search", "--messages", "요", "--limit", "100000"]))
}

/// Undo of a chat import after a contact import, and of a contact import after
/// a chat import, restores exactly what was there before.
#[test]
fn undo_restores_the_exact_previous_state() {
    let v = TestVault::new();
    let (contacts, _) = generate(v.tmp.path(), "contacts", "vcard30", "phone.vcf", &["--count", "40", "--seed", "2"]);
    let (chat, _) = generate(
        v.tmp.path(),
        "chat",
        "kakao-pc-ko",
        "room.txt",
        &["--messages", "1500", "--members", "8", "--seed", "2"],
    );
    let (more, _) = generate(v.tmp.path(), "contacts", "google-csv", "more.csv", &["--count", "30", "--seed", "3"]);
    let empty = snapshot(&v);
    v.ok(&["import", contacts.to_str().unwrap()]);
    let after_contacts = snapshot(&v);
    v.ok(&["import", chat.to_str().unwrap()]);
    let after_chat = snapshot(&v);
    assert_ne!(after_chat, after_contacts);
    v.ok(&["import", more.to_str().unwrap()]);
    let batches = v.json(&["imports"]);
    let id = |i: usize| batches[i]["id"].as_i64().unwrap().to_string();
    v.ok(&["undo", &id(2)]);
    assert_eq!(snapshot(&v), after_chat, "undo of the second contact import");
    v.ok(&["undo", &id(1)]);
    assert_eq!(snapshot(&v), after_contacts, "undo of the chat import");
    v.ok(&["undo", &id(0)]);
    assert_eq!(snapshot(&v), empty, "undo of the first contact import");
    // Undone imports can be imported again.
    v.ok(&["import", contacts.to_str().unwrap(), chat.to_str().unwrap()]);
    assert_eq!(v.json(&["groups"])[0]["messages"], after_chat.1[0]["messages"]);
}

/// Ctrl-C during a real import of a big file: the process stops with the
/// cancel message and the vault holds nothing of it.
#[test]
fn sigint_cancels_an_import_and_keeps_nothing() {
    let v = TestVault::new();
    let (chat, _) = generate(
        v.tmp.path(),
        "chat",
        "whatsapp-android",
        "WhatsApp Chat with big.txt",
        &["--messages", "400000", "--members", "30", "--seed", "8"],
    );
    // Once it reads messages, interrupt it as a terminal would.
    let import = v.import_in_progress(&chat);
    import.signal("-INT");
    let (status, err) = import.wait();
    assert!(!status.success(), "the import finished before the signal: make the file bigger");
    assert!(err.contains("cancelled"), "{err}");
    assert_eq!(v.json(&["groups"]), serde_json::json!([]));
    assert_eq!(v.json(&["people"]), serde_json::json!([]));
    assert_eq!(v.json(&["imports"]), serde_json::json!([]));
}

/// A WhatsApp zip with a contact card attached by a message: the card's person
/// is a contact whose number was shared by the sender, in that room, at that time.
#[test]
fn a_card_attached_in_a_whatsapp_zip_is_contact_data_shared_by_its_sender() {
    use std::io::Write;
    let v = TestVault::new();
    let path = v.path("WhatsApp Chat with 산악회.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("_chat.txt", opts).unwrap();
    zip.write_all(
        "[15/10/2022, 09:00:00] 박지훈: 총무님 연락처 보내드려요\n\
         [15/10/2022, 09:00:05] 박지훈: \u{200e}<attached: 00000004-김총무.vcf>\n\
         [15/10/2022, 09:01:00] 이영희: 감사합니다\n"
            .as_bytes(),
    )
    .unwrap();
    zip.start_file("00000004-김총무.vcf", opts).unwrap();
    zip.write_all(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xEA\xB9\x80\xEC\xB4\x9D\xEB\xAC\xB4\r\nTEL;type=CELL:010-7777-8888\r\nEND:VCARD\r\n").unwrap();
    zip.start_file("00000009-unused.vcf", opts).unwrap();
    zip.write_all(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nobody\r\nTEL:010-0000-1111\r\nEND:VCARD\r\n").unwrap();
    zip.finish().unwrap();
    v.ok(&["import", path.to_str().unwrap()]);
    let card = v.json(&["show", "김총무"]);
    assert_eq!(card["phones"][0]["e164"], "+821077778888");
    let source = &card["phones"][0]["sources"][0];
    assert_eq!(source["shared_by"], "박지훈");
    assert_eq!(source["group"], "산악회");
    assert_eq!(source["at"], "2022-10-15 09:00:05");
    // Only the card a message attached is read; the card's person is no member.
    assert!(v.fails(&["show", "Nobody"]).contains("nobody matches"));
    assert_eq!(v.json(&["groups"])[0]["members"].as_array().unwrap().len(), 2);
}

/// Telegram: one identity per `from_id` (a rename is an alias), a deleted
/// account is no member, the contact list and shared contacts are contact
/// data, and `@username` handles survive into the vCard export.
#[test]
fn telegram_identities_contacts_and_handles() {
    let v = TestVault::new();
    let json = r#"{
 "about": "Here is the data you requested.",
 "personal_information": {"user_id": 1, "first_name": "Min", "last_name": "Kim", "phone_number": "+82 10 1111 2222", "username": "@minkim"},
 "contacts": {"about": "", "list": [
  {"first_name": "길동", "last_name": "홍", "phone_number": "+82 10 1234 5678", "date": "2022-01-01T00:00:00"}]},
 "chats": {"about": "", "list": [{"name": "Team", "type": "private_group", "id": 42, "messages": [
  {"id": 2, "type": "message", "date": "2022-10-01T09:01:00", "from": "Alice", "from_id": "user7", "text": "hi"},
  {"id": 3, "type": "message", "date": "2022-10-01T09:02:00", "from": null, "from_id": "user9", "text": "bye"},
  {"id": 4, "type": "message", "date": "2022-10-02T09:03:00", "from": "Alice Park", "from_id": "user7", "text": "new name"},
  {"id": 5, "type": "message", "date": "2022-10-02T09:04:00", "from": "Bob", "from_id": "user8", "text": "",
   "contact_information": {"first_name": "Carol", "last_name": "", "phone_number": "+82 10 3333 4444"}}]}]}
}"#;
    let path = v.path("result.json");
    std::fs::write(&path, json).unwrap();
    v.ok(&["import", path.to_str().unwrap()]);
    let group = &v.json(&["groups"])[0];
    let names: Vec<&str> = group["members"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "Alice (renamed) and Bob; no deleted account: {names:?}");
    assert_eq!(group["messages"], 4);
    let alice = v.json(&["show", "Alice Park"]);
    assert!(alice["name"] == "Alice" || alice["aliases"].as_array().unwrap().iter().any(|a| a == "Alice"), "{alice:#}");
    assert!(v.json(&["show", "010-1234-5678"])["name"].as_str().unwrap().contains("길동"));
    assert_eq!(v.json(&["show", "Carol"])["phones"][0]["e164"], "+821033334444");
    let me = v.json(&["show", "minkim"]);
    assert_eq!(me["handles"][0]["service"], "telegram");
    let card = v.path("me.vcf");
    v.ok(&["export", "vcard", "--person", &me["id"].to_string(), "-o", card.to_str().unwrap()]);
    let text = std::fs::read_to_string(&card).unwrap();
    assert!(text.contains("minkim"), "{text}");
}
