//! The outage drill through the real binary: ask the room, import its next
//! export, see who answered, and ask again only those who did not.

mod common;

use common::TestVault;

const HEAD: &str = "병상배정반 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 15일 토요일 ---------------\n";
const BEFORE: &str = "[김민수] [오후 2:02] 제 번호 010-1234-5678 입니다\n[이서연] [오후 2:03] 오늘 병상 배정 몇 건이에요?\n[박지훈] [오후 2:04] 세 건입니다\n";
const ANSWER: &str = "[이서연] [오후 3:10] 제 번호는 010-2345-6789입니다\n";

fn export(v: &TestVault, name: &str, body: &str) -> String {
    let path = v.path(name);
    std::fs::write(&path, format!("{HEAD}{body}")).unwrap();
    path.to_str().unwrap().to_owned()
}

fn member<'a>(roster: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    roster["members"].as_array().unwrap().iter().find(|m| m["name"] == name).unwrap()
}

#[test]
fn ask_the_room_then_see_who_answered() {
    let v = TestVault::new();
    v.ok(&["import", &export(&v, "KakaoTalk_Chat_병상배정반_1.txt", BEFORE)]);

    let ask = v.json(&["ask", "병상배정반"]);
    let mut asked: Vec<&str> = ask["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    asked.sort();
    assert_eq!(asked, ["박지훈", "이서연"], "{ask}");
    let message = ask["message"].as_str().unwrap();
    assert!(message.contains("이서연님") && message.contains("박지훈님") && message.contains("제 번호는"), "{message}");
    assert!(!message.contains("김민수"), "who is reachable is not asked: {message}");
    let english = v.ok(&["ask", "병상배정반", "--lang", "en"]);
    assert!(english.contains("my number is") && english.contains("lifeboat roster"), "{english}");

    // The next export of the room: 이서연 answered in the asked form.
    v.ok(&["import", &export(&v, "KakaoTalk_Chat_병상배정반_2.txt", &format!("{BEFORE}{ANSWER}"))]);
    let roster = v.json(&["roster", "병상배정반"]);
    let seo = member(&roster, "이서연");
    assert_eq!(seo["reachable"], true, "{roster}");
    assert!(seo["asked_at"].is_string(), "{roster}");
    let park = member(&roster, "박지훈");
    assert_eq!(park["reachable"], false);
    assert!(park["asked_at"].is_string());
    assert!(member(&roster, "김민수")["asked_at"].is_null(), "never asked: reachable all along");
    // Her number is hers, with her message as the source.
    let shown = v.json(&["show", "이서연"]);
    assert_eq!(shown["phones"][0]["e164"], "+821023456789");
    assert_eq!(shown["phones"][0]["sources"][0]["shared_by"], "이서연");
    let text = v.ok(&["roster", "병상배정반"]);
    assert!(text.contains("answered") && text.contains("no answer yet"), "{text}");

    // Asking again names only who did not answer.
    let again = v.json(&["ask", "병상배정반"]);
    assert_eq!(again["members"], serde_json::json!(["박지훈"]), "{again}");
}
