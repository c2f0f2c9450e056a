use super::*;
use crate::import::Collected;
use crate::import::chat_common::generated::{check, generate};
use crate::model::EventKind;
use chrono::Weekday;

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
    assert!(probe("2025.08.04 星期一\n16:10 Alice text\n"));
    assert!(probe("2026.02.17 Tuesday\r\n09:00\tAmy\thi\r\n"));
    assert!(!probe("2025.08.04\n16:10 Alice text\n"), "a day line without a weekday is too little");
    assert!(!probe("2025.08.04 Monday\nnotes for the day\n"));
}

#[test]
fn generated_exports_match_truth() {
    for (format, file) in [
        ("line-en", "line.txt"),
        ("line-ja", "line.txt"),
        ("line-th", "line.txt"),
        ("line-desktop", "[LINE] 2022 캡스톤 3조.txt"),
    ] {
        let g = generate(format, file, &["--messages", "3000", "--members", "12", "--seed", "5"]);
        let c = check("line", &g);
        assert_eq!(c.rooms[0].name, "2022 캡스톤 3조");
    }
}

fn read_named(file: &str, text: &str) -> Collected {
    let mut input = Input::from_text(file, text);
    let mut sink = Collected::default();
    Line.read(&mut input, &mut sink).unwrap();
    sink
}

fn stamped(c: &Collected) -> Vec<(String, &str, &str)> {
    c.messages.iter().map(|m| (m.at.to_string(), m.sender.name.as_str(), m.text.as_str())).collect()
}

#[test]
fn desktop_save_chat_with_spaces_and_no_header() {
    let c = read_named(
        "[LINE] 旅行メンバー.txt",
        "2025.12.30 火曜日\r\n23:43 natsumi_ スタンプ\r\n23:47 衛藤泰地 わ！\r\n見ます!\r\n\r\n\
         2025.12.31 水曜日\r\n00:10 natsumi_ 電話は 090-1234-5678 です\r\n00:11 Alice joined the group.\r\n",
    );
    assert_eq!(c.rooms[0].name, "旅行メンバー");
    assert_eq!(
        stamped(&c),
        [
            ("2025-12-30 23:43:00".into(), "natsumi_", "スタンプ"),
            ("2025-12-30 23:47:00".into(), "衛藤泰地", "わ！\n見ます!"),
            ("2025-12-31 00:10:00".into(), "natsumi_", "電話は 090-1234-5678 です"),
        ]
    );
    assert_eq!(c.messages[0].kind, MessageKind::Media);
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].subjects[0].name, "Alice");
    assert!(c.unparsed.is_empty());
}

#[test]
fn desktop_save_chat_with_tabs() {
    let c = read_named(
        "Chat history with Team.txt",
        "2025.02.15 Saturday\n10:00\tAmy\thi all\n10:01\tBo Kim\t\"two\nlines\"\n10:02\t\tAmy left the group.\n",
    );
    assert_eq!(c.rooms[0].name, "Team");
    assert_eq!(
        stamped(&c),
        [("2025-02-15 10:00:00".into(), "Amy", "hi all"), ("2025-02-15 10:01:00".into(), "Bo Kim", "two\nlines")]
    );
    assert_eq!(c.events[0].kind, EventKind::Left);
}

#[test]
fn a_tab_file_does_not_read_a_time_in_a_text_as_a_record() {
    let c = read("[LINE] Chat history with Amy\n\n2024.01.02 Tuesday\n07:33\tAmy\tplan\n12:30 lunch\n");
    assert_eq!(stamped(&c), [("2024-01-02 07:33:00".into(), "Amy", "plan\n12:30 lunch")]);
}

#[test]
fn thai_buddhist_era_and_saved_on() {
    let text = "[LINE] ประวัติการแชทกับ สมชาย\r\nSaved on: 14/06/2565 BE 19:01\r\n\r\n10/07/2562 BE\r\n\
                09:15\tสมชาย\tโทร 081-234-5678 นะ\r\n\r\nวันพฤหัสบดี, 11/07/2562\r\n24:05\tสมชาย\t555555\r\n";
    let c = read(text);
    assert_eq!(c.rooms[0].name, "สมชาย");
    assert_eq!(
        stamped(&c),
        [
            ("2019-07-10 09:15:00".into(), "สมชาย", "โทร 081-234-5678 นะ"),
            ("2019-07-12 00:05:00".into(), "สมชาย", "555555"),
        ]
    );
    assert!(c.unparsed.is_empty());
    assert_eq!(Line.language(&Probe { file_name: "x.txt", head: text }), Some(Language::Thai));
    assert_eq!(Line.language(&Probe { file_name: "x.txt", head: "[LINE] Chat history in T\nSat, 10/15/2022\n" }), None);
}

#[test]
fn korean_ui() {
    let c = read(
        "[LINE] 홍길동님과의 대화\n저장한 날짜: 2024. 1. 3. 오후 9:10\n\n2024. 1. 2. (화)\n오후 3:04\t홍길동\t제 번호 010-1234-5678\n\
         오후 3:05\t\t홍길동님이 김철수님을 초대했습니다.\n오후 3:06\t\t김철수님이 나갔습니다.\n",
    );
    assert_eq!(c.rooms[0].name, "홍길동");
    assert_eq!(stamped(&c), [("2024-01-02 15:04:00".into(), "홍길동", "제 번호 010-1234-5678")]);
    let events: Vec<_> = c.events.iter().map(|e| (e.kind.clone(), e.subjects[0].name.as_str())).collect();
    assert_eq!(events, [(EventKind::Invited, "김철수"), (EventKind::Left, "김철수")]);
}

#[test]
fn zh_tw_full_width_weekdays_and_system_lines() {
    let c = read(
        "[LINE] 專題小組的聊天記錄\n儲存日期：2024/01/03 21:10\n\n2024/01/02（二）\n下午03:04\tAlice\t我的電話 0912-345-678\n\
         下午03:05\t\tBob已加入群組\n",
    );
    assert_eq!(c.rooms[0].name, "專題小組");
    assert_eq!(stamped(&c), [("2024-01-02 15:04:00".into(), "Alice", "我的電話 0912-345-678")]);
    assert_eq!(c.events[0].kind, EventKind::Joined);
}

#[test]
fn isolates_around_names_and_mixed_line_ends() {
    let c = read(
        "[LINE] Chat history in Team\r\nSaved on：2024/01/03 21:10\r\n\r\n2024/01/02 Tue\r\n\
         09:00\t\u{2068}Amy\u{2069}\t\"one\rtwo\nthree\"\r\n09:01\t\t\u{2068}\u{2068}Bo\u{2069}\u{2069} joined the group.\n\
         09:02\tBo\tthanks\r09:03\tAmy\twelcome\n",
    );
    assert_eq!(
        stamped(&c),
        [
            ("2024-01-02 09:00:00".into(), "Amy", "one\ntwo\nthree"),
            ("2024-01-02 09:02:00".into(), "Bo", "thanks"),
            ("2024-01-02 09:03:00".into(), "Amy", "welcome"),
        ]
    );
    assert_eq!(c.events[0].subjects[0].name, "Bo");
    assert!(c.unparsed.is_empty());
}

#[test]
fn stray_lines_after_a_day_line_are_unparsed() {
    let c = read("2025.02.15 Saturday\n10:00 Amy hi\n\n2025.02.16 Sunday\nwhat is this\n");
    assert_eq!(c.unparsed.len(), 1);
    assert_eq!(c.unparsed[0].1, "what is this");
    let c = read(
        "[LINE] Chat history with Amy\nSaved on: 2024/01/03 21:10\nsomething else\n\n2024/01/02 Tue\n09:00\tAmy\thi\n",
    );
    assert_eq!(c.unparsed, [(3, "something else".to_owned())], "a preamble line without a date is unread");
}

#[test]
fn day_lines_of_every_ui() {
    let day = |l: &str| parse_day(l).map(|(d, w)| (d.resolve(crate::import::DateOrder::Dmy), w));
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(day("2025.02.15 Saturday"), Some((ymd(2025, 2, 15), Some(Weekday::Sat))));
    assert_eq!(day("2025.02.15 星期六"), Some((ymd(2025, 2, 15), Some(Weekday::Sat))));
    assert_eq!(day("10/07/2562 BE"), Some((ymd(2019, 7, 10), None)));
    assert_eq!(day("2562/07/10 พุธ"), Some((ymd(2019, 7, 10), Some(Weekday::Wed))));
    assert_eq!(day("2024. 1. 2. (화)"), Some((ymd(2024, 1, 2), Some(Weekday::Tue))));
    assert_eq!(day("Meeting 1/2/2023"), None);
}

#[test]
fn space_separated_senders_with_spaces_once_their_names_are_known() {
    let c = read_named(
        "Chat history with Amy Lee.txt",
        "2025.02.15 Saturday\n10:00 Amy Lee hi there\n10:01 Bo Kim joined the group.\n10:02 Bo Kim hello Amy\n10:03 Cy ok\n",
    );
    let got: Vec<_> = c.messages.iter().map(|m| (m.sender.name.as_str(), m.text.as_str())).collect();
    assert_eq!(got, [("Amy Lee", "hi there"), ("Bo Kim", "hello Amy"), ("Cy", "ok")]);
}

#[test]
fn a_file_with_bare_cr_line_ends() {
    let c = read(
        "[LINE] Chat history with Amy\rSaved on: 2024/01/03 21:10\r\r2024/01/02 Tue\r09:00\tAmy\thi\r09:01\tAmy\tbye\r",
    );
    assert_eq!(c.rooms[0].name, "Amy");
    assert_eq!(
        stamped(&c),
        [("2024-01-02 09:00:00".into(), "Amy", "hi"), ("2024-01-02 09:01:00".into(), "Amy", "bye")]
    );
}
