//! Chat imports through the real binary: search in history, overlapping
//! exports, and bad input that must be refused without touching the vault.

mod common;

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::time::{Duration, Instant};

use common::{TestVault, generate};

#[test]
fn korean_substring_search_in_messages() {
    let v = TestVault::new();
    let f = v.path("KakaoTalk_Chat_스터디_2022-10-16-14-05-32.csv");
    std::fs::write(
        &f,
        "Date,User,Message\n2022-10-15 09:00:00,\"김민수\",\"내일 과제 제출 전에 한 번 더 봐요\"\n2022-10-15 09:01:00,\"이영희\",\"네 좋아요\"\n",
    )
    .unwrap();
    v.ok(&["import", f.to_str().unwrap()]);
    let hits = v.json(&["search", "--messages", "제출 전에"]);
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["sender"], "김민수");
    assert_eq!(hits[0]["group"], "스터디");
    // Two characters: one gram of the index, still found.
    assert_eq!(v.json(&["search", "--messages", "좋아"]).as_array().unwrap().len(), 1);
    assert_eq!(v.json(&["search", "--messages", "없는말"]).as_array().unwrap().len(), 0);
}

#[test]
fn overlapping_exports_of_one_room_count_each_message_once() {
    let v = TestVault::new();
    let (file, truth) = generate(
        v.tmp.path(),
        "chat",
        "kakao-pc-ko",
        "room.txt",
        &["--messages", "2000", "--members", "8", "--seed", "4"],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Cut at day separators so each part is a valid export: the first two
    // thirds, and the last two thirds with the header repeated.
    let days: Vec<usize> =
        lines.iter().enumerate().filter(|(_, l)| l.starts_with("---------------")).map(|(i, _)| i).collect();
    let cut_a = days[days.len() * 2 / 3];
    let cut_b = days[days.len() / 3];
    let early = v.path("early.txt");
    let late = v.path("late.txt");
    std::fs::write(&early, lines[..cut_a].join("\n") + "\n").unwrap();
    std::fs::write(&late, lines[..3].join("\n") + "\n" + &lines[cut_b..].join("\n") + "\n").unwrap();
    v.ok(&["import", early.to_str().unwrap()]);
    v.ok(&["import", late.to_str().unwrap()]);
    v.ok(&["import", file.to_str().unwrap()]);
    let groups = v.json(&["groups"]);
    assert_eq!(groups.as_array().unwrap().len(), 1);
    assert_eq!(groups[0]["messages"], truth["messages"]);
    let per_member: u64 =
        groups[0]["members"].as_array().unwrap().iter().map(|m| m["messages"].as_u64().unwrap()).sum();
    assert_eq!(per_member, truth["messages"].as_u64().unwrap(), "member counts add up to the room's");
}

#[test]
fn roster_lists_who_cannot_be_reached() {
    let v = TestVault::new();
    let f = v.path("KakaoTalk_Chat_팀_2022-10-16-14-05-32.csv");
    std::fs::write(
        &f,
        "Date,User,Message\n2022-10-15 09:00:00,\"김민수\",\"제 번호 010-2345-6789 입니다\"\n2022-10-15 09:01:00,\"이영희\",\"네\"\n",
    )
    .unwrap();
    v.ok(&["import", f.to_str().unwrap()]);
    let out = v.ok(&["roster", "팀"]);
    assert!(out.contains("1 of 2 reachable"), "{out}");
    assert!(out.contains("010-2345-6789"), "shown as people read it: {out}");
    let line = out.lines().find(|l| l.starts_with("이영희")).unwrap();
    assert!(line.contains("NOT REACHABLE"), "{out}");
    let groups = v.json(&["groups"]);
    let reach: Vec<(String, bool)> = groups[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["name"].as_str().unwrap().to_owned(), m["reachable"].as_bool().unwrap()))
        .collect();
    assert!(reach.contains(&("김민수".into(), true)) && reach.contains(&("이영희".into(), false)), "{reach:?}");
}

#[test]
fn a_number_shared_again_and_again_is_one_source_per_member_with_a_count() {
    let v = TestVault::new();
    let f = v.path("KakaoTalk_Chat_팀_2022-10-16-14-05-32.csv");
    let mut csv = String::from("Date,User,Message\n");
    for minute in 0..3 {
        csv.push_str(&format!("2022-10-15 09:0{minute}:00,\"김민수\",\"제 번호 010-2345-6789 입니다\"\n"));
    }
    csv.push_str("2022-10-15 09:05:00,\"이영희\",\"김민수 번호 010-2345-6789\"\n");
    std::fs::write(&f, csv).unwrap();
    v.ok(&["import", f.to_str().unwrap()]);
    let kim = v.json(&["show", "김민수"]);
    let sources = kim["phones"][0]["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2, "{kim}");
    assert_eq!(sources[0]["shared_by"], "김민수");
    assert_eq!(sources[0]["times"], 3);
    assert_eq!(sources[0]["at"], "2022-10-15 09:00:00", "the first share stands for the others");
    assert_eq!(sources[0]["message"], "제 번호 010-2345-6789 입니다");
    assert_eq!((sources[1]["shared_by"].as_str(), sources[1]["times"].as_i64()), (Some("이영희"), Some(1)));
    assert!(v.ok(&["show", "김민수"]).contains("shared by 김민수 in 팀 3 times, first 2022-10-15 09:00:00"));
}

#[test]
fn a_truncated_or_corrupt_zip_is_refused_and_nothing_is_written() {
    let v = TestVault::new();
    let before = v.raw_bytes();
    let f = v.path("KakaoTalk.zip");
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend(std::iter::repeat_n(0x42u8, 300));
    std::fs::write(&f, bytes).unwrap();
    let err = v.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("KakaoTalk.zip") && err.contains("zip"), "{err}");
    assert_eq!(before, v.raw_bytes());
}

#[test]
fn a_zip_bomb_is_refused() {
    let v = TestVault::new();
    let f = v.path("WhatsApp Chat - Bomb.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&f).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("_chat.txt", opts).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..32 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
    let err = v.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("zip bomb"), "{err}");
}

#[test]
fn a_one_gigabyte_line_is_refused_within_bounded_memory() {
    let v = TestVault::new();
    let f = v.path("KakaoTalk_huge.txt");
    let mut file = std::fs::File::create(&f).unwrap();
    file.write_all("방 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 1일 토요일 ---------------\n[김] [오전 9:00] "
        .as_bytes())
    .unwrap();
    // A sparse gigabyte: one line with no end.
    file.set_len(1 << 30).unwrap();
    drop(file);
    let start = Instant::now();
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_lifeboat"))
        .args(["import", f.to_str().unwrap()])
        .env("LIFEBOAT_VAULT", v.dir())
        .env("LIFEBOAT_PASSPHRASE", common::PASSPHRASE)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("KakaoTalk_huge.txt:5") && err.contains("line longer"), "{err}");
    let peak_kb: u64 = err.lines().last().unwrap().trim().parse().unwrap();
    assert!(peak_kb < 200 * 1024, "peak RSS {peak_kb} kB");
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn kill_9_during_an_import_leaves_the_vault_as_before_and_the_import_can_be_rerun() {
    let v = TestVault::new();
    let (small, _) = generate(v.tmp.path(), "contacts", "vcard30", "c.vcf", &["--count", "20", "--seed", "1"]);
    v.ok(&["import", small.to_str().unwrap()]);
    let before = v.json(&["people"]);
    let (big, truth) = generate(
        v.tmp.path(),
        "chat",
        "kakao-pc-ko",
        "big.txt",
        &["--messages", "400000", "--members", "30", "--seed", "9"],
    );
    let import = v.import_in_progress(&big);
    import.signal("-9");
    let (status, _) = import.wait();
    assert_eq!(status.signal(), Some(9), "the import must still have been running when killed");
    assert_eq!(v.json(&["people"]), before, "the vault is exactly as before the import");
    assert!(v.json(&["groups"]).as_array().unwrap().is_empty());
    v.ok(&["import", big.to_str().unwrap()]);
    assert_eq!(v.json(&["groups"])[0]["messages"], truth["messages"]);
}
