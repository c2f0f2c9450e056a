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
