//! `lifeboat confirm`, `reject`, `assign` and `rename` through the real
//! binary: what the app does to a number and a person, the CLI does too.

mod common;

use common::seed::seeded;

#[test]
fn confirm_reject_assign_and_rename() {
    let v = seeded();
    // 김철수's own number, found in the chat: confirmed by what the user types.
    let kim = v.json(&["confirm", "김철수", "010-2222-3333"]);
    let shared = kim["phones"].as_array().unwrap().iter().find(|p| p["e164"] == "+821022223333").unwrap();
    assert_eq!(shared["status"], "confirmed");
    assert_eq!(shared["sources"][0]["shared_by"], "김철수", "where it was seen stays");

    // Reject by its last digits.
    let out = v.ok(&["reject", "박민수", "8888"]);
    assert!(out.contains("Rejected") && out.contains("지웠습니다"), "{out}");
    let park = v.json(&["show", "박민수"]);
    assert!(!park.to_string().contains("+821099998888"), "{park}");

    // Give a number to the member it belongs to.
    let lee = v.json(&["assign", "김철수", "+82 10 2222 3333", "--to", "이영희"]);
    assert_eq!(lee["name"], "이영희");
    assert_eq!(lee["phones"][0]["e164"], "+821022223333");
    assert_eq!(lee["phones"][0]["status"], "confirmed");
    assert!(!v.json(&["show", "김철수"]).to_string().contains("+821022223333"));

    // Rename: the old name still finds them.
    let hong = v.json(&["rename", "홍길동", "홍길동 (회사)"]);
    assert_eq!(hong["name"], "홍길동 (회사)");
    assert_eq!(hong["aliases"][0], "홍길동");
    assert_eq!(v.json(&["search", "ㅎㄱㄷ"]).as_array().unwrap().len(), 1);

    // Something the person does not have is a clear error, and changes nothing.
    let err = v.fails(&["confirm", "김철수", "010-0000-0000"]);
    assert!(err.contains("has no number, e-mail or ID") && err.contains("lifeboat show"), "{err}");
    let err = v.fails(&["reject", "김철수", "cs.kim@example.kr?bcc=a@b.kr"]);
    assert!(err.contains("has no number, e-mail or ID"), "{err}");
    // A Korean command line says it in Korean only.
    let out = v.cmd().args(["confirm", "김철수", "010-0000-0000"]).env("LIFEBOAT_LANG", "ko").output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(err.contains("김철수님에게 \"010-0000-0000\" 번호나 이메일, 아이디가 없습니다"), "{err}");
    assert!(!err.contains("has no number"), "{err}");
    assert_eq!(v.json(&["show", "김철수"])["emails"][0]["address"], "cs.kim@example.kr");
}
