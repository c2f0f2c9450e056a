use std::io::Write;

use super::*;
use crate::import::Collected;
use crate::import::chat_common::generated::{check, generate};
use crate::import::input::DateOrder;
use crate::model::MessageKind;
use crate::test_support::names;

fn read(name: &str, text: &str, order: Option<DateOrder>) -> Result<Collected, ImportError> {
    let mut input = Input::from_text(name, text);
    input.date_order = order;
    let mut sink = Collected::default();
    WhatsApp.read(&mut input, &mut sink)?;
    Ok(sink)
}

const ANDROID: &str = "\
06/03/2017, 00:45 - Messages and calls are end-to-end encrypted. Tap to learn more.
06/03/2017, 00:45 - +12 345 578 created group \"ShortChat\"
06/03/2017, 00:46 - +12 345 578 added Alice
06/03/2017, 00:47 - Alice: first line
second line: still Alice
13/03/2017, 09:10 - +1 (777) 777\u{2011}7777: <Media omitted>
13/03/2017, 09:11 - ~\u{a0}Nev: This message was deleted
13/03/2017, 09:12 - Alice changed this group: description
13/03/2017, 09:13 - Alice left
";

#[test]
fn android_lines() {
    let c = read("WhatsApp Chat with Someone.txt", ANDROID, None).unwrap();
    assert_eq!(c.rooms.len(), 1);
    assert_eq!(c.rooms[0].name, "ShortChat");
    let got: Vec<_> = c.messages.iter().map(|m| (m.line, m.sender.name.as_str(), m.text.as_str(), m.kind)).collect();
    assert_eq!(
        got,
        [
            (4, "Alice", "first line\nsecond line: still Alice", MessageKind::Text),
            (6, "+1 (777) 777\u{2011}7777", "<Media omitted>", MessageKind::Media),
            (7, "Nev", "This message was deleted", MessageKind::Deleted),
        ]
    );
    assert_eq!(c.messages[1].at.to_string(), "2017-03-13 09:10:00");
    let events: Vec<_> = c.events.iter().map(|e| (e.line, e.kind.clone())).collect();
    assert_eq!(events, [(2, EventKind::Joined), (3, EventKind::Invited), (9, EventKind::Left)]);
    assert_eq!(names(&c).into_iter().collect::<Vec<_>>(), ["+1 (777) 777\u{2011}7777", "+12 345 578", "Alice", "Nev"]);
    assert!(c.unparsed.is_empty());
}

#[test]
fn ios_lines_with_narrow_spaces_and_group_author() {
    let text = "\u{200e}[7/20/21, 6:34:07\u{202f}PM] Project Team: \u{200e}Messages and calls are end-to-end encrypted.\n\
        [7/20/21, 6:34:09\u{202f}PM] Project Team: \u{200e}+1 (777) 777\u{2011}7777 joined using this group's invite link\n\
        [7/20/21, 6:35:00\u{202f}PM] \u{202a}+1 (777) 777\u{2011}7777\u{202c}: hello\n\
        [7/20/21, 6:36:00\u{202f}AM] Bob: \u{200e}<attached: 00000012-PHOTO-2021-07-20.jpg>\n\
        [7/20/21, 12:01:00\u{202f}AM] Bob: \u{200e}image omitted\n";
    let c = read("_chat.txt", text, None).unwrap();
    assert_eq!(c.rooms[0].name, "Project Team");
    let got: Vec<_> = c.messages.iter().map(|m| (m.at.to_string(), m.sender.name.as_str(), m.kind)).collect();
    assert_eq!(
        got,
        [
            ("2021-07-20 18:35:00".into(), "+1 (777) 777\u{2011}7777", MessageKind::Text),
            ("2021-07-20 06:36:00".into(), "Bob", MessageKind::Media),
            ("2021-07-20 00:01:00".into(), "Bob", MessageKind::Media),
        ]
    );
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].subjects[0].name, "+1 (777) 777\u{2011}7777");
}

#[test]
fn ambiguous_dates_need_date_order() {
    let text = "3/6/18, 1:55 p.m. - a: m\n4/6/18, 1:56 p.m. - b: n\n";
    match read("x.txt", text, None) {
        Err(ImportError::AmbiguousDates { file }) => assert_eq!(file, "x.txt"),
        other => panic!("expected AmbiguousDates, got {other:?}"),
    }
    let c = read("x.txt", text, Some(DateOrder::Mdy)).unwrap();
    let days: Vec<_> = c.messages.iter().map(|m| m.at.to_string()).collect();
    assert_eq!(days, ["2018-03-06 13:55:00", "2018-04-06 13:56:00"]);
    let c = read("x.txt", text, Some(DateOrder::Dmy)).unwrap();
    assert_eq!(c.messages[1].at.to_string(), "2018-06-04 13:56:00");
}

#[test]
fn later_evidence_settles_earlier_messages() {
    let text = "3/6/18, 13:55 - a: m\n3/13/18, 09:00 - b: n\n";
    let c = read("x.txt", text, Some(DateOrder::Dmy)).unwrap();
    let days: Vec<_> = c.messages.iter().map(|m| m.at.date().to_string()).collect();
    assert_eq!(days, ["2018-03-06", "2018-03-13"]);
}

#[test]
fn lines_in_another_stamp_style_continue_the_message() {
    let text = "[15/10/2022, 15:15:00] Alice: look\n2022-10-15, 3:04 PM - not a new message\n";
    let c = read("x.txt", text, None).unwrap();
    assert_eq!(c.messages.len(), 1);
    assert_eq!(c.messages[0].text, "look\n2022-10-15, 3:04 PM - not a new message");
}

#[test]
fn sniffs_whatsapp_but_not_kakao() {
    let probe = |head: &str| WhatsApp.sniff(&Probe { file_name: "x.txt", head });
    assert!(probe("\n15/10/2022, 15:15 - Alice: hi\n"));
    assert!(probe("\u{200e}[10/15/22, 3:04:05\u{202f}PM] Alice: text\n"));
    assert!(!probe("2015년 7월 9일 오후 8:34, 박영우 소마 : text\n"));
    assert!(!probe("[수ㅈ] [오후 2:37] 슬랙 읽어주세요\n"));
    assert!(!probe("Date,User,Message\n2015-07-09 20:34:26,\"박영우\",\"text\"\n"));
    assert!(!probe("Talk_2025.8.8 21:50-1.txt\n저장한 날짜 : 2025. 8. 8. 21:54\n"));
}

const GENERATED: &[&str] = &["whatsapp-android", "whatsapp-ios", "whatsapp-android-us", "whatsapp-ios-us"];

#[test]
fn generated_exports_match_truth() {
    for format in GENERATED {
        for extra in [&[][..], &["--newline", "crlf"], &["--encoding", "utf-8-sig"]] {
            let mut args = vec!["--messages", "3000", "--members", "12", "--seed", "5"];
            args.extend_from_slice(extra);
            let g = generate(format, "WhatsApp Chat with 2022 캡스톤 3조.txt", &args);
            let c = check("whatsapp", &g);
            assert_eq!(c.rooms[0].name, "2022 캡스톤 3조", "{format} {extra:?}");
        }
    }
}

#[test]
fn zip_export_with_media() {
    let g = generate("whatsapp-ios-us", "chat.txt", &["--messages", "500", "--members", "6", "--seed", "9"]);
    let chat = std::fs::read(&g.path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("WhatsApp Chat - Team.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("00000003-PHOTO-2022-10-15.jpg", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F']).unwrap();
    zip.start_file("_chat.txt", deflated).unwrap();
    zip.write_all(&chat).unwrap();
    zip.finish().unwrap();
    let (id, c) = crate::import::collect(&zip_path, None).unwrap();
    assert_eq!(id, "whatsapp");
    assert_eq!(c.messages.len() as u64, g.truth["messages"].as_u64().unwrap());
    // The iOS generator writes no system line before the first message, so the zip names the room.
    assert_eq!(c.rooms[0].name, "Team");
}
