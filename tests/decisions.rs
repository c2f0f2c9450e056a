//! Decisions about who is who, through the real binary: suggest, merge,
//! not-same and unmerge, each surviving re-imports; and redacted copies.

mod common;

use common::{TestVault, contains, each_persons_suggestions_are_the_vaults, generate};
use serde_json::Value;

fn write(v: &TestVault, name: &str, text: &str) -> String {
    let path = v.path(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn ids_named(v: &TestVault, name: &str) -> Vec<i64> {
    v.json(&["people"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == name)
        .map(|p| p["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn suggest_merge_not_same_and_unmerge_survive_reimports() {
    let v = TestVault::new();
    let hike = write(
        &v,
        "KakaoTalk_Chat_등산_2022-10-16-14-05-32.csv",
        "Date,User,Message\n2022-10-15 09:00:00,\"김민수\",\"토요일 산행 어때요\"\n2022-10-15 09:01:00,\"이영희\",\"좋아요\"\n",
    );
    let book = write(
        &v,
        "KakaoTalk_Chat_독서_2022-10-16-14-05-32.csv",
        "Date,User,Message\n2022-11-02 20:00:00,\"김민수\",\"이번 책 다 읽으셨나요\"\n2022-11-02 20:05:00,\"이영희\",\"반쯤요\"\n",
    );
    let card = write(&v, "phone.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:이영희\nTEL;TYPE=CELL:010-2222-3333\nEND:VCARD\n");
    v.ok(&["import", &hike, &book, &card]);
    each_persons_suggestions_are_the_vaults(&v);
    let suggestions = v.json(&["suggest"]);
    let pairs: Vec<(String, i64, i64)> = suggestions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (s["name"].as_str().unwrap().to_owned(), s["a"]["id"].as_i64().unwrap(), s["b"]["id"].as_i64().unwrap())
        })
        .collect();
    // 김민수 in two rooms: one pair; 이영희 in two rooms and a contact: three pairs.
    assert_eq!(pairs.iter().filter(|p| p.0 == "김민수").count(), 1, "{suggestions:#}");
    assert_eq!(pairs.iter().filter(|p| p.0 == "이영희").count(), 3, "{suggestions:#}");

    // 김민수: the user says these are two people.
    let minsu = ids_named(&v, "김민수");
    v.ok(&["not-same", &minsu[0].to_string(), &minsu[1].to_string()]);
    // 이영희: all three are one.
    let younghee = ids_named(&v, "이영희");
    assert_eq!(younghee.len(), 3);
    let keep = younghee[0].to_string();
    v.ok(&["merge", &keep, &younghee[1].to_string()]);
    let out = v.ok(&["merge", &keep, &younghee[2].to_string()]);
    each_persons_suggestions_are_the_vaults(&v);
    assert!(out.contains("lifeboat unmerge"), "{out}");
    assert_eq!(ids_named(&v, "이영희").len(), 1);
    assert!(v.json(&["suggest"]).as_array().unwrap().is_empty(), "{:#}", v.json(&["suggest"]));
    let merged = v.json(&["show", &keep]);
    assert_eq!(merged["phones"][0]["e164"], "+821022223333");
    assert_eq!(merged["groups"].as_array().unwrap().len(), 2);
    // The roster of each room shows her as reachable now.
    for g in v.json(&["groups"]).as_array().unwrap() {
        let her = g["members"].as_array().unwrap().iter().find(|m| m["name"] == "이영희").unwrap();
        assert_eq!(her["reachability"], "contact", "{g:#}");
    }

    // Re-imports (new exports of both rooms, the address book again) neither split nor re-suggest.
    let hike2 = write(
        &v,
        "KakaoTalk_Chat_등산_2022-10-20-10-00-00.csv",
        "Date,User,Message\n2022-10-15 09:00:00,\"김민수\",\"토요일 산행 어때요\"\n2022-10-15 09:01:00,\"이영희\",\"좋아요\"\n2022-10-19 08:00:00,\"이영희\",\"다음 주도 가요\"\n",
    );
    let card2 = write(
        &v,
        "phone2.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:이영희\nTEL;TYPE=CELL:010-2222-3333\nEMAIL:yh@example.com\nEND:VCARD\n",
    );
    v.ok(&["import", &hike2, &card2]);
    each_persons_suggestions_are_the_vaults(&v);
    assert_eq!(ids_named(&v, "이영희").len(), 1);
    assert_eq!(ids_named(&v, "김민수").len(), 2);
    assert!(v.json(&["suggest"]).as_array().unwrap().is_empty());
    let merged = v.json(&["show", &keep]);
    assert_eq!(merged["emails"][0]["address"], "yh@example.com");

    // Unmerge the last merge: that person comes back, and is suggested again.
    let edits: Vec<Value> =
        v.json(&["imports"]).as_array().unwrap().iter().filter(|b| b["kind"] == "edit").cloned().collect();
    assert_eq!(edits.len(), 3);
    let last = edits[2]["id"].as_i64().unwrap().to_string();
    v.ok(&["unmerge", &last]);
    assert_eq!(ids_named(&v, "이영희").len(), 2);
    assert_eq!(v.json(&["suggest"]).as_array().unwrap().len(), 1);
    assert!(v.fails(&["unmerge", &last]).contains("already"));
    // Undo of the not-same decision brings the 김민수 suggestion back.
    v.ok(&["undo", &edits[0]["id"].to_string()]);
    assert_eq!(v.json(&["suggest"]).as_array().unwrap().len(), 2);
}

/// Same name, different confirmed numbers: not suggested.
#[test]
fn conflicting_confirmed_numbers_are_not_suggested() {
    let v = TestVault::new();
    let a = write(&v, "a.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:+82 10-5555-6666\nTEL:+82 10-5555-6666\nEND:VCARD\n");
    let chat = write(
        &v,
        "WhatsApp Chat with 산악회.txt",
        "15/10/2022, 09:00 - 박지훈: 안녕하세요\n15/10/2022, 09:01 - +82 10-5555-6666: 반가워요\n",
    );
    let card = write(
        &v,
        "b.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:박지훈\nTEL:010-1111-2222\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:박지훈\nTEL:010-3333-4444\nEND:VCARD\n",
    );
    v.ok(&["import", &a, &chat, &card]);
    each_persons_suggestions_are_the_vaults(&v);
    // The member shown as a number is the contact with that number: one person, reachable.
    let group = &v.json(&["groups"])[0];
    let number = group["members"].as_array().unwrap().iter().find(|m| m["name"] != "박지훈").unwrap();
    assert_eq!(number["reachability"], "contact");
    assert_eq!(v.json(&["people"]).as_array().unwrap().len(), 4);
    // The chat member 박지훈 may be either contact: two suggestions; the two contacts disagree: none between them.
    let s = v.json(&["suggest"]);
    assert_eq!(s.as_array().unwrap().len(), 2, "{s:#}");
}

#[test]
fn redacted_copies_leak_nothing_and_import_with_the_same_shape() {
    for (format, name) in [
        ("kakao-pc-ko", "KakaoTalk_room.txt"),
        ("kakao-android-ko", "KakaoTalk_Chat_room.txt"),
        ("kakao-csv", "KakaoTalk_Chat_room.csv"),
        ("whatsapp-android", "WhatsApp Chat with room.txt"),
        ("line-en", "[LINE] room.txt"),
        ("telegram-json", "result.json"),
    ] {
        let v = TestVault::new();
        let (file, truth) =
            generate(v.tmp.path(), "chat", format, name, &["--messages", "600", "--members", "8", "--seed", "13"]);
        let copy = v.path(&format!("redacted-{name}"));
        v.ok(&["redact", file.to_str().unwrap(), "-o", copy.to_str().unwrap()]);
        let bytes = std::fs::read(&copy).unwrap();
        for member in truth["members"].as_array().unwrap() {
            let member = member.as_str().unwrap();
            if member != truth["self"].as_str().unwrap_or("") {
                assert!(!contains(&bytes, member), "{format}: {member} leaked");
            }
        }
        // However a number was spelled (010-…, +82 10 …), its national digits
        // would show in the file's digits read alone.
        let digits: String = String::from_utf8_lossy(&bytes).chars().filter(char::is_ascii_digit).collect();
        for shared in truth["shared"].as_array().unwrap() {
            let value = shared["value"].as_str().unwrap();
            match value.strip_prefix("+82") {
                Some(national) => assert!(!digits.contains(national), "{format}: {value} leaked"),
                None => assert!(!contains(&bytes, value), "{format}: {value} leaked"),
            }
        }
        let original = v.json(&["import", "--dry-run", file.to_str().unwrap()]);
        let redacted = v.json(&["import", "--dry-run", copy.to_str().unwrap()]);
        for key in ["format", "messages", "members", "unparsed"] {
            assert_eq!(original["files"][0][key], redacted["files"][0][key], "{format}: {key}");
        }
        assert_eq!(redacted["files"][0]["messages"], truth["messages"], "{format}");
    }
}

/// One person's suggestions are the vault's kept to them, whatever rule
/// decides: names written differently, a name too common to be a clue,
/// numbers that disagree, a pair in one group, a pair marked different.
#[test]
fn one_persons_suggestions_are_the_vaults_kept_to_them() {
    let v = TestVault::new();
    let room = |name: &str, users: &[&str]| {
        let lines: String = users.iter().map(|u| format!("2023-03-01 10:00:00,\"{u}\",\"안녕하세요\"\n")).collect();
        write(&v, &format!("KakaoTalk_Chat_{name}_2023-03-02-10-00-00.csv"), &format!("Date,User,Message\n{lines}"))
    };
    let a = room("산악회", &["Casey Jung", "최지우", "한지민", "정해인"]);
    let b = room("독서모임", &["casey  JUNG", "최지우", "정해인"]);
    let c = room("동창회", &["CASEY JUNG", "한지민"]);
    let cards: String = ["Casey Jung", "최지우", "한지민"]
        .iter()
        .enumerate()
        .map(|(i, n)| format!("BEGIN:VCARD\nVERSION:3.0\nFN:{n}\nTEL;TYPE=CELL:010-4000-{i:04}\nEND:VCARD\n"))
        .collect();
    let book = write(&v, "phone.vcf", &cards);
    v.ok(&["import", &a, &b, &c, &book]);
    let many: Vec<String> = (0..10)
        .map(|i| {
            write(
                &v,
                &format!("KakaoTalk_Chat_방{i}_2023-03-02-10-00-00.csv"),
                "Date,User,Message\n2023-03-01 10:00:00,\"박서준\",\"hi\"\n",
            )
        })
        .collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    v.ok(&[&["import"], many.as_slice()].concat());
    let all = v.json(&["suggest"]);
    assert!(all.to_string().contains("Casey Jung"), "{all:#}");
    assert!(!all.to_string().contains("박서준"), "ten namesakes are a common name: {all:#}");
    let jiwoo = ids_named(&v, "최지우");
    v.ok(&["not-same", &jiwoo[0].to_string(), &jiwoo[1].to_string()]);
    each_persons_suggestions_are_the_vaults(&v);
}
