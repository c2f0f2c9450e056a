//! Handles shared in a chat make members reachable: a KakaoTalk PC export in
//! which one member shares an Instagram ID and another a Discord tag, read
//! through the real binary.

mod common;

use common::TestVault;
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/handles/KakaoTalk_중2_3반.txt");

fn imported() -> TestVault {
    let v = TestVault::new();
    let said = v.ok(&["import", FIXTURE]);
    assert!(said.contains("And 3 messenger or social IDs"), "{said}");
    v
}

fn member<'a>(roster: &'a Value, name: &str) -> &'a Value {
    roster["members"].as_array().unwrap().iter().find(|m| m["name"] == name).unwrap_or_else(|| panic!("{name}"))
}

/// (service, value) of a member's handles.
fn handles(m: &Value) -> Vec<(String, String)> {
    m["handles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["service"].as_str().unwrap().to_owned(), h["value"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn the_roster_counts_members_with_a_handle_as_reachable_by_handle() {
    let v = imported();
    let roster = v.json(&["roster", "중2 3반 단톡"]);
    let reach = |name: &str| member(&roster, name)["reachability"].as_str().unwrap().to_owned();
    assert_eq!(reach("김하린"), "contact");
    assert_eq!(reach("이서준"), "handle");
    assert_eq!(reach("박지우"), "handle");
    assert_eq!(reach("최민재"), "name", "mentions, hashtags and links are not handles");
    assert_eq!(reach("정유나"), "name");
    assert_eq!(member(&roster, "이서준")["reachable"], false, "`reachable` stays phone or e-mail");

    let seojun = member(&roster, "이서준");
    assert_eq!(handles(seojun), [("instagram".to_owned(), "seojun_lee07".to_owned())]);
    let source = &seojun["handles"][0]["sources"][0];
    assert_eq!(source["message"], "저 폰 없어요 ㅠ 인스타 @seojun_lee07 로 디엠 주세요");
    assert_eq!(source["shared_by"], "이서준");
    assert_eq!(source["group"], "중2 3반 단톡");
    assert_eq!(source["at"], "2025-11-18 20:03:00");
    assert_eq!(source["times"], 2, "shared twice, one source");

    let jiwoo = member(&roster, "박지우");
    assert_eq!(
        handles(jiwoo),
        [("discord".to_owned(), "jiwoo#4821".to_owned()), ("telegram".to_owned(), "jiwoo_park2".to_owned())]
    );
    assert_eq!(jiwoo["handles"][1]["sources"][0]["shared_by"], "김하린", "named by another member");
    assert!(handles(member(&roster, "최민재")).is_empty());

    let out = v.ok(&["roster", "중2 3반 단톡"]);
    assert!(out.contains("1 of 5 reachable without the messenger"), "{out}");
    assert!(out.contains("2 more reachable by handle only"), "{out}");
    let line = out.lines().find(|l| l.starts_with("이서준")).unwrap();
    assert!(line.contains("instagram seojun_lee07"), "{out}");
    let groups = v.ok(&["groups"]);
    assert!(groups.contains("BY HANDLE"), "{groups}");
}

#[test]
fn people_json_carries_handles_with_the_message_that_shared_them() {
    let v = imported();
    let person = v.json(&["show", "박지우"]);
    let discord = &person["handles"][0];
    assert_eq!((discord["service"].as_str(), discord["value"].as_str()), (Some("discord"), Some("jiwoo#4821")));
    assert_eq!(discord["sources"][0]["message"], "디코 jiwoo#4821 추가해줘");
    // Search finds a member by their handle.
    let found = v.json(&["search", "seojun_lee07"]);
    assert_eq!(found[0]["name"], "이서준", "{found}");
}

#[test]
fn the_drill_asks_only_members_with_no_way_to_reach_them() {
    let v = imported();
    let ask = v.json(&["ask", "중2 3반 단톡"]);
    let mut asked: Vec<&str> = ask["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    asked.sort();
    assert_eq!(asked, ["정유나", "최민재"]);
}

#[test]
fn exports_write_handles_found_in_chats() {
    let v = imported();
    let v3 = v.path("class.vcf");
    v.ok(&["export", "vcard", "--version", "3", "--group", "중2 3반 단톡", "-o", v3.to_str().unwrap()]);
    let text = std::fs::read_to_string(&v3).unwrap().replace("\r\n ", "");
    assert!(
        text.contains("X-SOCIALPROFILE;TYPE=instagram;X-USER=seojun_lee07:https://www.instagram.com/seojun_lee07"),
        "{text}"
    );
    assert!(text.contains("X-SOCIALPROFILE;TYPE=discord;X-USER=jiwoo#4821:jiwoo#4821"), "{text}");
    assert!(text.contains("X-TELEGRAM:jiwoo_park2"), "{text}");
    // A candidate is written, as a candidate number is, with where it was shared in the note.
    assert!(text.contains("NOTE:instagram seojun_lee07: shared by 이서준 in 중2 3반 단톡\\, 2025-11-18"), "{text}");
    let sheet = v.path("class.html");
    v.ok(&["export", "sheet", "--group", "중2 3반 단톡", "-o", sheet.to_str().unwrap()]);
    let html = std::fs::read_to_string(&sheet).unwrap();
    assert!(html.contains("2 more by handle"), "{html}");
    assert!(html.contains("seojun_lee07"), "{html}");
}

#[test]
fn undoing_a_later_import_takes_its_shares_of_a_handle_away() {
    let v = imported();
    let later = later_export(&v);
    let sources = |v: &TestVault| {
        let roster = v.json(&["roster", "중2 3반 단톡"]);
        member(&roster, "이서준")["handles"][0]["sources"].as_array().unwrap().len()
    };
    v.ok(&["import", &later]);
    assert_eq!(sources(&v), 2, "the later share is a second source");
    v.ok(&["undo", &newest_import(&v)]);
    assert_eq!(sources(&v), 1);
}

#[test]
fn a_backup_keeps_handles_and_the_messages_that_shared_them() {
    let a = imported();
    let file = a.path("class.age");
    let pass = [("LIFEBOAT_BACKUP_PASSPHRASE", "backup passphrase 백업")];
    common::seed::ok_with(&a, &["backup", "create", "-o", file.to_str().unwrap(), "--with-messages"], &pass);
    let b = TestVault::new();
    common::same_signer(&a, &b);
    common::seed::ok_with(&b, &["backup", "restore", file.to_str().unwrap()], &pass);
    let (before, after) = (a.json(&["roster", "중2 3반 단톡"]), b.json(&["roster", "중2 3반 단톡"]));
    for name in ["이서준", "박지우"] {
        assert_eq!(member(&after, name)["reachability"], "handle", "{name}");
        let sources = |roster: &Value| -> Vec<Value> {
            member(roster, name)["handles"].as_array().unwrap().iter().map(|h| h["sources"].clone()).collect()
        };
        assert_eq!(handles(member(&after, name)), handles(member(&before, name)), "{name}");
        assert_eq!(sources(&after), sources(&before), "{name}");
    }
}

#[test]
fn an_address_book_writes_a_handle_as_the_chat_does() {
    let v = TestVault::new();
    let card = v.path("one.vcf");
    std::fs::write(
        &card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:민김\r\nTEL:010-3456-7890\r\nX-TELEGRAM:@MinKim\r\nEND:VCARD\r\n",
    )
    .unwrap();
    v.ok(&["import", card.to_str().unwrap()]);
    let person = v.json(&["show", "민김"]);
    assert_eq!(person["handles"][0]["value"], "minkim", "{person}");
    // Your own address book's word: confirmed, like its numbers, with the file as its source.
    assert_eq!(person["handles"][0]["status"], "confirmed", "{person}");
    assert_eq!(person["handles"][0]["sources"][0]["file"], "one.vcf", "{person}");
    assert_eq!(person["handles"][0]["sources"][0]["line"], 1, "{person}");
}

#[test]
fn confirm_reject_and_assign_take_a_handle_as_they_take_a_number() {
    let v = imported();
    // 김하린 wrote 박지우's Telegram ID; say it is really 김하린's own: it
    // moves, with the message that shared it.
    let given = v.json(&["assign", "박지우", "@JiWoo_Park2", "--to", "김하린"]);
    assert_eq!(given["name"], "김하린");
    assert!(handles(&given).contains(&("telegram".to_owned(), "jiwoo_park2".to_owned())), "{given}");
    let moved = given["handles"].as_array().unwrap().iter().find(|h| h["service"] == "telegram").unwrap();
    assert_eq!(moved["sources"][0]["shared_by"], "김하린");
    assert_eq!(handles(&v.json(&["show", "박지우"])), [("discord".to_owned(), "jiwoo#4821".to_owned())]);

    // Given to its owner, it is theirs by your word: confirmed.
    assert_eq!(moved["status"], "confirmed", "{given}");

    // Confirming makes it theirs by your word; any writing of it names it.
    assert_eq!(v.json(&["show", "이서준"])["handles"][0]["status"], "candidate");
    let confirmed = v.json(&["confirm", "이서준", "seojun_lee07"]);
    assert_eq!(handles(&confirmed), [("instagram".to_owned(), "seojun_lee07".to_owned())]);
    assert_eq!(confirmed["handles"][0]["status"], "confirmed", "{confirmed}");

    // Rejecting forgets it: the roster no longer counts them reachable by it.
    let said = v.ok(&["reject", "이서준", "@seojun_lee07"]);
    assert!(said.contains("Rejected @seojun_lee07"), "{said}");
    assert!(handles(&v.json(&["show", "이서준"])).is_empty());
    let roster = v.json(&["roster", "중2 3반 단톡"]);
    assert_eq!(member(&roster, "이서준")["reachability"], "name");

    let err = v.fails(&["reject", "이서준", "@nobody"]);
    assert!(err.contains("no number, e-mail or ID"), "{err}");
}

/// The fixture with a later day in which 이서준 shares his Instagram ID
/// again: a new message, so the import extracts it anew.
fn later_export(v: &TestVault) -> String {
    let later = v.path("KakaoTalk_중2_3반_later.txt");
    let mut text = std::fs::read_to_string(FIXTURE).unwrap();
    text.push_str("--------------- 2025년 11월 19일 수요일 ---------------\n[이서준] [오전 7:40] 인스타 아이디 seojun_lee07 입니다\n");
    std::fs::write(&later, &text).unwrap();
    later.to_str().unwrap().to_owned()
}

/// (service, value, status) of a person's handles.
fn states(person: &Value) -> Vec<(String, String, String)> {
    person["handles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let text = |k: &str| h[k].as_str().unwrap().to_owned();
            (text("service"), text("value"), text("status"))
        })
        .collect()
}

fn newest_import(v: &TestVault) -> String {
    let imports = v.json(&["imports"]);
    imports.as_array().unwrap().iter().map(|b| b["id"].as_i64().unwrap()).max().unwrap().to_string()
}

#[test]
fn a_handle_found_in_a_chat_is_a_candidate_until_confirmed_and_the_confirmation_outlives_undo() {
    let v = imported();
    let seojun = v.json(&["show", "이서준"]);
    assert_eq!(states(&seojun), [("instagram".into(), "seojun_lee07".into(), "candidate".into())]);
    let shown = v.ok(&["show", "이서준"]);
    assert!(shown.contains("instagram: seojun_lee07  [candidate"), "{shown}");
    assert!(shown.contains("shared by 이서준 in 중2 3반 단톡"), "{shown}");
    // The printed sheet marks it unconfirmed, as it marks a number.
    let sheet = v.path("class.html");
    v.ok(&["export", "sheet", "--group", "중2 3반 단톡", "-o", sheet.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&sheet).unwrap().contains("seojun_lee07 ?"));

    let said = v.ok(&["confirm", "이서준", "@SeoJun_Lee07"]);
    assert!(said.contains("Confirmed @SeoJun_Lee07"), "{said}");
    assert_eq!(v.json(&["show", "이서준"])["handles"][0]["status"], "confirmed");
    assert!(v.ok(&["show", "이서준"]).contains("instagram: seojun_lee07  [confirmed"));

    // Undoing the import keeps what you confirmed and takes the rest away.
    let undone = v.ok(&["undo", &newest_import(&v)]);
    assert!(undone.contains("Kept"), "{undone}");
    assert_eq!(states(&v.json(&["show", "이서준"])), [("instagram".into(), "seojun_lee07".into(), "confirmed".into())]);
    assert!(v.fails(&["show", "박지우"]).contains("박지우"), "박지우's candidates left with the import");
}

#[test]
fn a_rejected_handle_stays_rejected_through_later_imports_and_restores() {
    let v = imported();
    let file = v.path("before.age");
    let pass = [("LIFEBOAT_BACKUP_PASSPHRASE", "backup passphrase 백업")];
    common::seed::ok_with(&v, &["backup", "create", "-o", file.to_str().unwrap()], &pass);
    v.ok(&["reject", "이서준", "seojun_lee07"]);

    // A later export in which he shares it again.
    let said = v.ok(&["import", &later_export(&v)]);
    assert!(!said.contains("messenger or social ID"), "{said}");
    assert!(states(&v.json(&["show", "이서준"])).is_empty());
    // Your own backup from before you rejected it.
    common::seed::ok_with(&v, &["backup", "restore", file.to_str().unwrap()], &pass);
    assert!(states(&v.json(&["show", "이서준"])).is_empty());
    // The other members' handles are untouched.
    assert_eq!(states(&v.json(&["show", "박지우"])).len(), 2);
}

#[test]
fn a_backup_restores_each_handles_status_exactly() {
    let a = imported();
    a.ok(&["confirm", "박지우", "jiwoo#4821"]);
    let file = a.path("class.age");
    let pass = [("LIFEBOAT_BACKUP_PASSPHRASE", "backup passphrase 백업")];
    common::seed::ok_with(&a, &["backup", "create", "-o", file.to_str().unwrap()], &pass);
    let b = TestVault::new();
    common::same_signer(&a, &b);
    common::seed::ok_with(&b, &["backup", "restore", file.to_str().unwrap()], &pass);
    for name in ["이서준", "박지우"] {
        assert_eq!(states(&b.json(&["show", name])), states(&a.json(&["show", name])), "{name}");
    }
    assert_eq!(
        states(&b.json(&["show", "박지우"])),
        [
            ("discord".into(), "jiwoo#4821".into(), "confirmed".into()),
            ("telegram".into(), "jiwoo_park2".into(), "candidate".into())
        ]
    );
}

#[test]
fn a_backup_from_before_handle_statuses_restores_them_as_an_import_would() {
    use lifeboat::backup::format::{BackupHandle, BackupSource};
    let mut snap = common::seed::seed();
    let shared = BackupSource {
        file: Some("KakaoTalk_캡스톤.txt".into()),
        line: Some(7),
        group: Some(common::seed::ROOM.into()),
        shared_by: Some("김철수".into()),
        at: Some("2022-10-15 21:05:00".into()),
        times: 1,
    };
    // No `status`: the field is left out of the file, as older Lifeboats wrote it.
    snap.people[0].handles.push(BackupHandle {
        service: "instagram".into(),
        value: "cs.kim".into(),
        status: None,
        sources: vec![shared],
    });
    let v = TestVault::new();
    common::seed::restore_own(&v, &snap);
    let kim = v.json(&["show", "김철수"]);
    assert_eq!(
        states(&kim),
        [
            ("telegram".into(), "cskim".into(), "confirmed".into()),
            ("instagram".into(), "cs.kim".into(), "candidate".into())
        ],
        "{kim}"
    );
}
