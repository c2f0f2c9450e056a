//! Someone else's backup is a claim, never your truth: real binaries on
//! real vaults. A second vault (the library, signed with its own key) makes
//! a backup of the victim's group with the same member names, a different
//! number marked confirmed for one member and a source quoting that
//! member's real message; restored into the victim's vault it must change
//! nothing the victim confirmed.

mod common;

use common::TestVault;
use common::seed::{ROOM, file_source, member, person, phone, seed, seeded};
use lifeboat::backup::format::*;
use lifeboat::backup::{self, Protection, Signing, SigningKey};
use serde_json::Value;

const PLANTED: &str = "010-6666-7777";
const PLANTED_E164: &str = "+821066667777";

/// The victim: the seeded vault (김철수 confirmed 010-1234-5678 and his own
/// shared 010-2222-3333 as a candidate) with an age key others encrypt to.
fn victim() -> (TestVault, String) {
    let v = seeded();
    v.ok(&["keygen"]);
    let recipient = v.ok(&["keygen", "--show-recipient"]).lines().next().unwrap().trim().to_owned();
    (v, recipient)
}

fn signer(seed: u8, name: &str) -> Signing {
    Signing { name: name.into(), key: SigningKey::from_seed(&[seed; 32]) }
}

/// The group as another member's vault would hold it: the same room and
/// member names, 김철수 with his real number and a planted one "confirmed",
/// its source quoting his real message, and 이영희 (who has no number in the
/// victim's vault) with a planted one too.
fn forged() -> Snapshot {
    let mut snap = seed();
    let quoting = BackupSource {
        file: Some("KakaoTalk_캡스톤 3조.txt".into()),
        line: Some(41),
        group: Some(ROOM.into()),
        shared_by: Some("김철수".into()),
        at: Some("2022-10-15 21:03:00".into()),
        times: 1,
    };
    let kim = &mut snap.people[0];
    kim.phones = vec![
        phone("010-1234-5678", Some("mobile"), Status::Confirmed, vec![file_source("contacts.vcf", 3)]),
        phone(PLANTED, Some("mobile"), Status::Confirmed, vec![quoting]),
    ];
    kim.emails.push(BackupEmail {
        address: "mom@x.kr?bcc=spy@evil.example".into(),
        label: None,
        status: Status::Confirmed,
        sources: vec![],
    });
    snap.people[3].phones = vec![phone("010-5555-0000", None, Status::Confirmed, vec![])];
    // And it says 김철수 left the room.
    snap.groups[0].members[0].left = true;
    snap
}

fn left(v: &TestVault, display: &str) -> bool {
    let roster = v.json(&["roster", ROOM]);
    let member = roster["members"].as_array().unwrap().iter().find(|m| m["name"] == display).cloned();
    member.unwrap_or_else(|| panic!("{display} in {roster}"))["left"].as_bool().unwrap()
}

fn write(v: &TestVault, name: &str, snap: &Snapshot, by: &Signing, recipient: &str) -> String {
    let path = v.path(name);
    let protection = Protection::Recipients(vec![backup::parse_recipient(recipient).unwrap()]);
    std::fs::write(&path, backup::create(snap, by, &protection).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn phones(v: &TestVault, who: &str) -> Vec<Value> {
    v.json(&["show", who])["phones"].as_array().unwrap().clone()
}

#[test]
fn a_forged_roster_cannot_replace_a_number_you_confirmed() {
    let (v, recipient) = victim();
    let before = phones(&v, "김철수");
    let attacker = signer(7, "김철수");
    let file = write(&v, "roster.age", &forged(), &attacker, &recipient);

    // The preview says what would change, before anything is written.
    let preview = v.json(&["backup", "restore", &file, "--dry-run"]);
    assert_eq!(preview["signer"]["signed"], true);
    assert_eq!(preview["signer"]["own"], false);
    assert_eq!(preview["signer"]["fingerprint"], attacker.key.public().fingerprint.as_str());
    assert_eq!(preview["conflicts"], 1, "{preview}");
    let kim = preview["people"].as_array().unwrap().iter().find(|p| p["name"] == "김철수").unwrap();
    assert_eq!(kim["existing_name"], "김철수", "joined through the number the victim confirmed");
    assert_eq!(kim["conflicts"][0]["value"], PLANTED);
    assert_eq!(kim["conflicts"][0]["claimed"], "confirmed");
    assert_eq!(kim["conflicts"][0]["yours"][0], "+821012345678");
    let lee = preview["people"].as_array().unwrap().iter().find(|p| p["name"] == "이영희").unwrap();
    assert_eq!(lee["new_person"], true, "a seat is no proof: {lee}");
    assert!(lee["suggested_merge"]["reason"].as_str().unwrap().contains("same group"), "{lee}");
    assert_eq!(lee["suggested_merge"]["why"]["message"], "match_seat", "{lee}");
    assert_eq!(lee["suggested_merge"]["why"]["args"]["display"], "영희", "{lee}");
    // In Korean, the preview is Korean: who signed it, why someone may be yours.
    let korean = v.ok_in("ko", &["backup", "restore", &file, "--dry-run"]);
    assert!(korean.contains("같은 그룹의 “영희” 자리입니다"), "{korean}");
    assert_eq!(common::english_phrase(&korean), None, "{korean}");
    assert_eq!(preview["messages_left_out"], 2);
    assert_eq!(phones(&v, "김철수"), before, "a dry run writes nothing");

    let restored = v.ok(&["backup", "restore", &file]);
    assert!(restored.contains("someone else"), "{restored}");
    assert!(!left(&v, "김철수"), "a first roster from someone changes no seat you have");
    let after = phones(&v, "김철수");
    // The confirmed number stays first and confirmed (the sender's word
    // for it is added to its sources).
    assert_eq!(after[0]["e164"], before[0]["e164"]);
    assert_eq!(after[0]["status"], "confirmed");
    assert_eq!(after[0]["sources"][0], before[0]["sources"][0]);
    let planted = after.iter().find(|p| p["e164"] == PLANTED_E164).expect("the claim is kept, as a claim");
    assert_eq!(planted["status"], "candidate");
    assert_eq!(planted["conflict"], true);
    let source = &planted["sources"][0];
    assert_eq!(source["file"], "roster.age");
    assert!(source["message"].is_null(), "the forged source does not quote the real message: {source}");
    assert!(source["shared_by"].is_null(), "{source}");
    assert_eq!(source["claim"]["claimed"], "confirmed");
    assert_eq!(source["claim"]["signer"]["name"], "김철수");
    assert_eq!(source["claim"]["signer"]["fingerprint"], attacker.key.public().fingerprint.as_str());
    // The text view says whose word it is.
    let shown = v.ok(&["show", "김철수"]);
    assert!(shown.contains("conflicts with a number you confirmed"), "{shown}");
    assert!(shown.contains("claimed in roster.age by 김철수 (SHA256:"), "{shown}");
    // A query in an address is no address.
    let emails = v.json(&["show", "김철수"])["emails"].clone();
    assert!(!emails.to_string().contains("evil"), "{emails}");

    // Exports and QR codes use what the victim confirmed.
    let out = v.path("kim.vcf");
    v.ok(&["export", "vcard", "--version", "3", "--person", "김철수", "-o", out.to_str().unwrap()]);
    let card = std::fs::read_to_string(&out).unwrap();
    assert!(card.contains("1234-5678") || card.contains("+821012345678"), "{card}");
    assert!(!card.contains("6666") && !card.contains("66667777"), "{card}");
    // The CSV's header is as wide as what is exported (no one in this vault
    // keeps more phones than 김철수): the claim adds no column.
    let csv = v.path("all.csv");
    v.ok(&["export", "csv", "-o", csv.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    let kept = after.iter().filter(|p| p["conflict"] != true).count();
    let header = csv.lines().next().unwrap();
    assert_eq!(header.matches("Phone ").count(), 2 * kept, "{header}");
    assert!(!csv.contains("6666"), "{csv}");

    // The victim's 이영희 is untouched; the claim is someone new, suggested.
    let lees = v.json(&["search", "이영희"]);
    assert_eq!(lees.as_array().unwrap().len(), 2, "{lees}");
    let suggest = v.json(&["suggest"]);
    assert!(suggest.to_string().contains("이영희"), "{suggest}");
    assert_eq!(suggest[0]["why"]["message"], "suggest_groups", "{suggest}");
    assert_eq!(suggest[0]["why"]["args"]["name"], "이영희", "{suggest}");
    let korean = v.ok_in("ko", &["suggest"]);
    assert!(korean.contains("모두 “이영희”이 있습니다"), "{korean}");
    assert_eq!(common::english_phrase(&korean.replace("lifeboat merge", "")), None, "{korean}");
    let english = v.ok_in("en", &["suggest"]);
    assert!(english.contains("“이영희” in 캡스톤 3조 and in"), "{english}");
    let shown = v.ok_in("ko", &["show", "김철수"]);
    assert!(shown.contains("roster.age의 주장(김철수 (SHA256:"), "{shown}");
    common::each_persons_suggestions_are_the_vaults(&v);

    // Undo removes exactly what the restore added.
    let batch = v.json(&["imports"]).as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
    v.ok(&["undo", &batch.to_string()]);
    assert_eq!(phones(&v, "김철수"), before);
    assert_eq!(v.json(&["search", "이영희"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_roster_signed_by_another_key_than_last_time_needs_a_yes() {
    let (v, recipient) = victim();
    let first = write(&v, "first.age", &forged(), &signer(7, "김철수"), &recipient);
    v.ok(&["backup", "restore", &first]);

    // Same names, another key: someone else pretending to be the same sender.
    let mut other = forged();
    other.people[2].phones.push(phone("010-4444-1111", None, Status::Confirmed, vec![]));
    let second = write(&v, "second.age", &other, &signer(8, "김철수"), &recipient);
    let preview = v.json(&["backup", "restore", &second, "--dry-run"]);
    assert_eq!(preview["needs_acceptance"], true, "{preview}");
    assert_eq!(preview["signer_changes"][0]["group"], ROOM);
    assert_eq!(preview["signer_changes"][0]["before"]["fingerprint"], signer(7, "").key.public().fingerprint.as_str());
    let refused = v.fails(&["backup", "restore", &second]);
    assert!(refused.contains("different key than last time"), "{refused}");
    assert!(refused.contains("--accept-new-signer"), "{refused}");
    assert!(!v.json(&["show", "박민수"]).to_string().contains("+821044441111"), "nothing written");

    v.ok(&["backup", "restore", &second, "--accept-new-signer"]);
    assert!(v.json(&["show", "박민수"]).to_string().contains("+821044441111"));
    // The new key is remembered: its next roster goes through.
    let third = write(&v, "third.age", &other, &signer(8, "김철수"), &recipient);
    let preview = v.json(&["backup", "restore", &third, "--dry-run"]);
    assert_eq!(preview["needs_acceptance"], false, "{preview}");
}

#[test]
fn an_update_from_the_same_signer_shows_its_changes_and_twice_adds_nothing() {
    let (v, recipient) = victim();
    let clinician = signer(9, "병상배정반 팀장");
    v.ok(&["backup", "restore", &write(&v, "monday.age", &forged(), &clinician, &recipient)]);

    // A week later: 박민수 has a new number and 김철수 left the room.
    let mut update = forged();
    update.people[2].phones.push(phone("010-7777-2222", None, Status::Confirmed, vec![]));
    update.groups[0].members =
        vec![member(1, "김철수", 1, true), member(4, "영희", 1, false), member(3, "민수", 0, true)];
    update.created_at = "2024-03-08 10:00:00".into();
    let file = write(&v, "next-monday.age", &update, &clinician, &recipient);
    let preview = v.json(&["backup", "restore", &file, "--dry-run"]);
    assert_eq!(preview["needs_acceptance"], false);
    let people = preview["people"].as_array().unwrap();
    let park = people.iter().find(|p| p["name"] == "박민수").expect("a change for 박민수");
    assert_eq!(park["new_phones"][0], "010-7777-2222", "{park}");
    let kim = people.iter().find(|p| p["name"] == "김철수").expect("a change for 김철수");
    assert_eq!(kim["left"][0], ROOM, "{kim}");
    assert_eq!(preview["new_people"], 0, "{preview}");

    assert!(!left(&v, "김철수"));
    v.ok(&["backup", "restore", &file]);
    assert!(left(&v, "김철수"), "an update from the remembered signer applies");
    let again = v.ok(&["backup", "restore", &file]);
    assert!(again.contains("Nothing new"), "{again}");
    let batches = v.json(&["imports"]);
    let undo = batches.as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
    v.ok(&["undo", &undo.to_string()]);
    assert!(!v.json(&["show", "박민수"]).to_string().contains("+821077772222"));
}

#[test]
fn a_person_of_the_backup_joins_yours_only_through_what_you_confirmed() {
    let (v, recipient) = victim();
    // 김철수's candidate number (010-2222-3333, found in chat) is no proof either.
    let mut snap = seed();
    snap.people = vec![{
        let mut p = person(1, "김철수");
        p.phones = vec![phone("010-2222-3333", None, Status::Confirmed, vec![])];
        p
    }];
    snap.groups[0].members = vec![member(1, "철수", 1, false)];
    snap.messages.clear();
    let file = write(&v, "candidate-match.age", &snap, &signer(7, "x"), &recipient);
    let preview = v.json(&["backup", "restore", &file, "--dry-run"]);
    let p = &preview["people"][0];
    assert_eq!(p["new_person"], true, "{preview}");
    assert!(p["person_id"].is_null(), "{preview}");
}

#[test]
fn someone_elses_backup_never_gives_a_person_its_uid() {
    let (v, recipient) = victim();
    let theirs = "urn:uuid:11111111-2222-4333-8444-555555555555";
    let mut snap = seed();
    snap.people = vec![{
        let mut p = person(1, "박새롬");
        p.uid = Some(theirs.into());
        p.phones = vec![phone("010-7777-8888", None, Status::Confirmed, vec![])];
        p
    }];
    snap.groups.clear();
    snap.messages.clear();
    let file = write(&v, "new-person.age", &snap, &signer(7, "x"), &recipient);
    v.ok(&["backup", "restore", &file]);
    let uid = v.json(&["show", "박새롬"])["uid"].as_str().unwrap().to_owned();
    assert!(uid.starts_with("urn:uuid:") && uid != theirs, "{uid}");
}

fn claimed_by(v: &TestVault, display: &str) -> Value {
    let roster = v.json(&["roster", ROOM]);
    let member = roster["members"].as_array().unwrap().iter().find(|m| m["name"] == display).cloned();
    member.unwrap_or_else(|| panic!("{display} in {roster}"))["claimed_by"].clone()
}

#[test]
fn a_seat_only_someone_elses_backup_gives_is_shown_as_their_claim_until_your_export_shows_it() {
    let (v, recipient) = victim();
    let mut snap = forged();
    let mut stranger = person(6, "최지우");
    stranger.phones = vec![phone("010-8888-1212", None, Status::Confirmed, vec![])];
    snap.people.push(stranger);
    snap.groups[0].members.push(member(6, "최지우", 3, false));
    let attacker = signer(7, "김철수");
    v.ok(&["backup", "restore", &write(&v, "roster.age", &snap, &attacker, &recipient)]);

    let claim = claimed_by(&v, "최지우");
    assert_eq!(claim["file"], "roster.age", "{claim}");
    assert_eq!(claim["signer"]["name"], "김철수");
    assert_eq!(claim["signer"]["fingerprint"], attacker.key.public().fingerprint.as_str());
    assert!(claimed_by(&v, "영희").is_null(), "a seat your own vault had is yours");
    let roster = v.ok(&["roster", ROOM]);
    let line = roster.lines().find(|l| l.contains("최지우")).unwrap_or_else(|| panic!("{roster}"));
    assert!(line.contains("seated only by 김철수's backup roster.age"), "{line}");
    assert!(!roster.lines().any(|l| l.contains("영희") && l.contains("seated only")), "{roster}");

    // Your own export of the room shows her speaking: the seat is yours now.
    let room = v.path("KakaoTalk_Chat_캡스톤 3조.txt");
    std::fs::write(
        &room,
        format!(
            "{ROOM} 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 15일 토요일 ---------------\n[최지우] [오후 2:02] 안녕하세요\n"
        ),
    )
    .unwrap();
    v.ok(&["import", room.to_str().unwrap()]);
    assert!(claimed_by(&v, "최지우").is_null(), "{}", v.json(&["roster", ROOM]));

    // Undo that import: only the claim seats her again.
    let batch = v.json(&["imports"]).as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
    v.ok(&["undo", &batch.to_string()]);
    assert_eq!(claimed_by(&v, "최지우")["file"], "roster.age");
}

/// (service, value) → the handle as `show --json` has it.
fn handle(v: &TestVault, who: &str, value: &str) -> Option<Value> {
    v.json(&["show", who])["handles"].as_array().unwrap().iter().find(|h| h["value"] == value).cloned()
}

#[test]
fn a_handle_someone_elses_backup_calls_confirmed_is_their_claim() {
    let (v, recipient) = victim();
    let mut snap = seed();
    let kim = &mut snap.people[0];
    kim.handles = vec![
        // 김철수's confirmed Telegram ID in the victim's vault: joins him, adds nothing.
        BackupHandle {
            service: "telegram".into(),
            value: "@CsKim".into(),
            status: Some(Status::Confirmed),
            sources: vec![],
        },
        BackupHandle {
            service: "instagram".into(),
            value: "planted_kim".into(),
            status: Some(Status::Confirmed),
            sources: vec![],
        },
        BackupHandle {
            service: "telegram".into(),
            value: "planted_tg".into(),
            status: Some(Status::Confirmed),
            sources: vec![],
        },
    ];
    // Known by nothing but the victim's confirmed handle (no number, no seat): still him.
    kim.phones.clear();
    kim.emails.clear();
    snap.people.truncate(1);
    snap.groups.clear();
    snap.messages.clear();
    let attacker = signer(7, "김민수");
    let file = write(&v, "handles.age", &snap, &attacker, &recipient);
    let preview = v.json(&["backup", "restore", &file, "--dry-run"]);
    assert_eq!(preview["new_people"], 0, "joined through the handle the victim confirmed: {preview}");
    v.ok(&["backup", "restore", &file]);

    let planted =
        handle(&v, "김철수", "planted_kim").unwrap_or_else(|| panic!("{}", v.ok(&["show", "김철수", "--json"])));
    assert_eq!(planted["status"], "candidate", "{planted}");
    assert_eq!(planted["conflict"], false, "no Instagram ID of his is confirmed");
    let source = &planted["sources"][0];
    assert_eq!(source["file"], "handles.age");
    assert_eq!(source["claim"]["claimed"], "confirmed");
    assert_eq!(source["claim"]["signer"]["name"], "김민수");
    assert_eq!(source["claim"]["signer"]["fingerprint"], attacker.key.public().fingerprint.as_str());
    // A second Telegram ID against the one the victim confirmed: a conflict, never exported.
    let other = handle(&v, "김철수", "planted_tg").unwrap();
    assert_eq!((other["status"].as_str(), other["conflict"].as_bool()), (Some("candidate"), Some(true)), "{other}");
    assert_eq!(handle(&v, "김철수", "cskim").unwrap()["status"], "confirmed");
    let shown = v.ok(&["show", "김철수"]);
    let line = shown.lines().find(|l| l.contains("telegram: planted_tg")).unwrap();
    assert!(line.contains("[candidate") && line.contains("conflicts with an ID you confirmed"), "{shown}");
    assert!(shown.contains("claimed in handles.age by 김민수 (SHA256:"), "{shown}");
    let out = v.path("kim.vcf");
    v.ok(&["export", "vcard", "--version", "3", "--person", "김철수", "-o", out.to_str().unwrap()]);
    let card = std::fs::read_to_string(&out).unwrap();
    assert!(card.contains("X-TELEGRAM:cskim") && !card.contains("planted_tg"), "{card}");
    assert!(card.contains("planted_kim"), "a candidate is written, as a candidate number is: {card}");
}

#[test]
fn a_handle_that_is_only_a_candidate_of_yours_joins_no_one() {
    let (v, recipient) = victim();
    let mut snap = seed();
    snap.people = vec![{
        let mut p = person(1, "누군가");
        p.handles = vec![BackupHandle { service: "line".into(), value: "x".into(), status: None, sources: vec![] }];
        p
    }];
    snap.groups.clear();
    snap.messages.clear();
    // First from one signer: 누군가 is new, with the LINE ID a candidate.
    let file = write(&v, "first.age", &snap, &signer(7, "x"), &recipient);
    v.ok(&["backup", "restore", &file]);
    assert_eq!(handle(&v, "누군가", "x").unwrap()["status"], "candidate");
    // Another signer's backup naming that ID: the candidate is no proof, a new person again.
    snap.people[0].name = "다른 사람".into();
    let file = write(&v, "second.age", &snap, &signer(8, "y"), &recipient);
    let preview = v.json(&["backup", "restore", &file, "--dry-run"]);
    assert_eq!(preview["people"][0]["new_person"], true, "{preview}");
    // The same signer again: an update of the person it gave that ID before.
    let file = write(&v, "again.age", &snap, &signer(7, "x"), &recipient);
    let preview = v.json(&["backup", "restore", &file, "--dry-run"]);
    assert_eq!(preview["new_people"], 0, "{preview}");
}
