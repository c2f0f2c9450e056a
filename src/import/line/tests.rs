use super::*;
use crate::import::Collected;
use crate::import::chat_common::generated::{check, generate};

fn read(text: &str) -> Collected {
    let mut input = Input::from_text("line.txt", text);
    let mut sink = Collected::default();
    Line.read(&mut input, &mut sink).unwrap();
    sink
}

#[test]
fn english_group_with_quotes_and_system_lines() {
    let c = read(
        "[LINE] Chat history in Project Team\r\nSaved on: 10/16/2022, 14:05\r\n\r\nSat, 10/1/2022\r\n\
         3:04PM\tAlice\t\"line one\nsaid \"\"hi\"\"\n\nline four\"\r\n\
         3:05PM\tBob\t[Photo]\r\n\
         3:06PM\t\tAlice added Bob, Carol to the group.\r\n\
         3:07PM\t\tCarol left the group.\r\n\
         3:08PM\t\tAlice unsent a message.\r\n\r\n\
         Sun, 10/2/2022\r\n10:00 AM\tCarol\t\"quoted\" then more\r\n",
    );
    assert_eq!(c.rooms[0].name, "Project Team");
    let got: Vec<_> =
        c.messages.iter().map(|m| (m.at.to_string(), m.sender.name.as_str(), m.text.as_str(), m.kind)).collect();
    assert_eq!(
        got,
        [
            ("2022-10-01 15:04:00".into(), "Alice", "line one\nsaid \"hi\"\n\nline four", MessageKind::Text),
            ("2022-10-01 15:05:00".into(), "Bob", "[Photo]", MessageKind::Media),
            ("2022-10-02 10:00:00".into(), "Carol", "\"quoted\" then more", MessageKind::Text),
        ]
    );
    let events: Vec<_> =
        c.events.iter().map(|e| (e.kind.clone(), e.actor.as_ref().map(|a| a.name.clone()), e.subjects.len())).collect();
    assert_eq!(events, [(EventKind::Invited, Some("Alice".into()), 2), (EventKind::Left, None, 1)]);
    assert!(c.unparsed.is_empty());
}

#[test]
fn japanese_header_and_glued_system_line() {
    let c = read(
        "[LINE] 花子とのトーク履歴\n保存日時：2026/08/21 11:59\n\n2025/04/18(金)\n12:08\t花子\t\"お疲れ様です！\nよろしくお願いします！\"\n\
         22:05\t\tメッセージの送信を取り消しました\n22:10\t花子がメッセージの送信を取り消しました\n21:38\t花子\t☎ 不在着信\n\
         22:11\t\t太郎がグループに参加しました。\n",
    );
    assert_eq!(c.rooms[0].name, "花子");
    assert_eq!(c.messages.len(), 2);
    assert_eq!(c.messages[0].text, "お疲れ様です！\nよろしくお願いします！");
    assert_eq!(c.events[0].subjects[0].name, "太郎");
}

#[test]
fn unclosed_quote_ends_at_the_next_record() {
    let c = read("[LINE] Chat history with Amy\n\n2024.01.02 Tuesday\n07:33\tAmy\t\"oops\n07:34\tAmy\tnext\n");
    let texts: Vec<_> = c.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["\"oops", "next"]);
    assert_eq!(c.messages[1].at.to_string(), "2024-01-02 07:34:00");
}

#[test]
fn chinese_and_korean_headers() {
    assert_eq!(room_name("[LINE] 與Alice的聊天記錄").as_deref(), Some("Alice"));
    assert_eq!(room_name("[LINE] 홍길동님과의 대화").as_deref(), Some("홍길동"));
    assert_eq!(room_name("[LINE] Chat history with Kaori Date").as_deref(), Some("Kaori Date"));
    assert_eq!(room_name("KakaoTalk Chats with x"), None);
    let c = read(
        "[LINE] 與Alice的聊天記錄\n儲存日期： 2026/01/03 01:14\n\n2022/03/31（四）\n下午03:04\tAlice\thello\n上午09:46\tAlice\t[貼圖]\n",
    );
    let got: Vec<_> = c.messages.iter().map(|m| (m.at.to_string(), m.kind)).collect();
    assert_eq!(
        got,
        [("2022-03-31 15:04:00".into(), MessageKind::Text), ("2022-03-31 09:46:00".into(), MessageKind::Media)]
    );
}

#[test]
fn day_lines() {
    let wd = |l: &str| parse_day(l).map(|(_, w)| w);
    assert_eq!(wd("Sat, 10/15/2022"), Some(Some(Weekday::Sat)));
    assert_eq!(wd("2015/12/25 Fri"), Some(Some(Weekday::Fri)));
    assert_eq!(wd("2024/1/2週二"), Some(Some(Weekday::Tue)));
    assert_eq!(wd("2025.12.30 火曜日"), Some(Some(Weekday::Tue)));
    assert_eq!(wd("15/10/2022"), Some(None));
    assert_eq!(wd("2022/10/15 meeting"), None);
    assert_eq!(wd("3:04PM\tAlice\t10/15/2022"), None);
}

#[test]
fn weekdays_settle_the_order() {
    // 5/10/2022 is a Thursday read as 5 October, a Tuesday read as 10 May.
    let c = read("[LINE] Chat history in T\n\nWed, 10/5/2022\n9:00AM\tA\tx\n");
    assert_eq!(c.messages[0].at.date().to_string(), "2022-10-05");
}

#[test]
fn sniffs_only_line() {
    let probe = |head: &str| Line.sniff(&Probe { file_name: "x.txt", head });
    assert!(probe("[LINE] Chat history in Team\r\n"));
    assert!(!probe("[수ㅈ] [오후 2:37] 슬랙 읽어주세요\n"));
    assert!(!probe("2025.08.04 星期一\n16:10 Alice text\n"));
}

#[test]
fn generated_exports_match_truth() {
    for format in ["line-en", "line-ja"] {
        let g = generate(format, "line.txt", &["--messages", "3000", "--members", "12", "--seed", "5"]);
        let c = check("line", &g);
        assert_eq!(c.rooms[0].name, "2022 캡스톤 3조");
    }
}
