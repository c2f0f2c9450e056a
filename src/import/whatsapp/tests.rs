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

/// Both readings of these dates are in time order: the rule (day first)
/// reads them and says so; `--date-order` reads them the other way.
#[test]
fn ambiguous_dates_are_read_by_the_rule_unless_named() {
    let text = "3/6/18, 1:55 p.m. - a: m\n4/6/18, 1:56 p.m. - b: n\n";
    let mut input = Input::from_text("x.txt", text);
    let mut c = Collected::default();
    WhatsApp.read(&mut input, &mut c).unwrap();
    assert_eq!(c.messages[1].at.to_string(), "2018-06-04 13:56:00");
    let reading = input.date_reading().unwrap();
    assert_eq!((reading.order, reading.by), (DateOrder::Dmy, crate::import::ReadingBasis::Rule));
    let c = read("x.txt", text, Some(DateOrder::Mdy)).unwrap();
    let days: Vec<_> = c.messages.iter().map(|m| m.at.to_string()).collect();
    assert_eq!(days, ["2018-03-06 13:55:00", "2018-04-06 13:56:00"]);
}

/// No day above 12, but only month first keeps the messages in time order.
#[test]
fn the_files_own_chronology_settles_the_order() {
    let text = "1/5/18, 09:00 - a: m\n1/9/18, 10:00 - b: n\n1/12/18, 11:00 - a: o\n2/3/18, 12:00 - b: p\n";
    let mut input = Input::from_text("x.txt", text);
    let mut c = Collected::default();
    WhatsApp.read(&mut input, &mut c).unwrap();
    let days: Vec<_> = c.messages.iter().map(|m| m.at.date().to_string()).collect();
    assert_eq!(days, ["2018-01-05", "2018-01-09", "2018-01-12", "2018-02-03"]);
    let reading = input.date_reading().unwrap();
    assert_eq!((reading.order, reading.by), (DateOrder::Mdy, crate::import::ReadingBasis::Chronology));
}

/// Android writes the encryption notice under the group's name, with no
/// direction mark: the group names the room and is no member.
#[test]
fn the_group_as_author_of_a_notice_is_no_member() {
    let text = "27/12/20, 18:51 - Family: Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n\
        27/12/20, 18:52 - Anna : hello\n\
        [28/12/20, 09:00:00] Ben: mixed styles in one file\n";
    let c = read("WhatsApp Chat with Family.txt", text, None).unwrap();
    assert_eq!(c.rooms[0].name, "Family");
    assert_eq!(names(&c).into_iter().collect::<Vec<_>>(), ["Anna", "Ben"], "a trailing space is no part of a name");
    assert_eq!(c.messages[1].at.to_string(), "2020-12-28 09:00:00");
}

/// Headers and system lines in the languages read besides English.
#[test]
fn headers_and_system_lines_in_other_languages() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "04.02.17 um 22:45 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe, um mehr zu erfahren.\n\
             04.02.17 um 22:45 - Jonas hat die Gruppe „Kegelclub“ erstellt\n\
             04.02.17 um 22:46 - Jonas hat Lena und Paul hinzugefügt\n\
             04.02.17 um 22:47 - Lena: Hallo\n\
             05.02.17 um 08:00 - Paul hat die Gruppe verlassen\n",
            "Kegelclub",
            &["Jonas", "Lena", "Paul"],
        ),
        (
            "15/3/2021, 9:29 p. m. - Ana creó el grupo \"Fútbol\"\n\
             15/3/2021, 9:30 p. m. - Ana añadió a Luis y Marta\n\
             15/3/2021, 9:31 p. m. - Luis: hola\n\
             16/3/2021, 9:00 a. m. - Marta salió del grupo\n",
            "Fútbol",
            &["Ana", "Luis", "Marta"],
        ),
        (
            "15/03/2021 21:29 - João criou o grupo \"Praia\"\n\
             15/03/2021 21:30 - João adicionou Maria\n\
             15/03/2021 21:31 - Maria: oi\n",
            "Praia",
            &["João", "Maria"],
        ),
        (
            "15.03.2021, 21:29 - Иван создал(а) группу «Дача»\n\
             15.03.2021, 21:30 - Иван добавил(а) Ольга\n\
             15.03.2021, 21:31 - Ольга: привет\n",
            "Дача",
            &["Ольга", "Иван"],
        ),
        (
            "15/03/2021 à 21:29 - Marie a créé le groupe « Voisins »\n\
             15/03/2021 à 21:30 - Marie a ajouté Luc\n\
             15/03/2021 à 21:31 - Luc: salut\n",
            "Voisins",
            &["Luc", "Marie"],
        ),
        (
            "2022. 10. 15. 오후 3:15 - 김민수님이 \"등산\" 그룹을 만들었습니다\n\
             2022. 10. 15. 오후 3:16 - 김민수님이 이영희님을 초대했습니다\n\
             2022. 10. 15. 오후 3:17 - 이영희: 안녕하세요\n",
            "등산",
            &["김민수", "이영희"],
        ),
    ];
    for (text, room, members) in cases {
        let c = read("chat.txt", text, None).unwrap_or_else(|e| panic!("{room}: {e}"));
        assert_eq!(c.rooms[0].name, *room);
        let mut all = names(&c).into_iter().collect::<Vec<_>>();
        all.sort();
        let mut want = members.to_vec();
        want.sort();
        assert_eq!(all, want, "{room}");
        assert!(c.unparsed.is_empty(), "{room}: {:?}", c.unparsed);
        assert!(c.events.len() >= 2, "{room}: {:?}", c.events);
    }
}

#[test]
fn a_zip_whose_chat_file_has_a_translated_name() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("WhatsApp-Chat mit Kegelclub.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("notiz.txt", options).unwrap();
    zip.write_all(b"einkaufen\n").unwrap();
    zip.start_file("WhatsApp-Chat mit Kegelclub.txt", options).unwrap();
    zip.write_all("04.02.17, 22:47 - Lena: Hallo\n".as_bytes()).unwrap();
    zip.finish().unwrap();
    let (id, c) = crate::import::collect(&zip_path, None).unwrap();
    assert_eq!((id, c.messages.len()), ("whatsapp", 1));
    assert_eq!(c.rooms[0].name, "Kegelclub");
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
