//! KakaoTalk for Windows (PC) `.txt` exports, Korean and English UI.
//!
//! ```text
//! 2022 캡스톤 3조 님과 카카오톡 대화
//! 저장한 날짜 : 2022-10-16 14:05:32
//!
//! --------------- 2022년 10월 1일 토요일 ---------------
//! [황하준 🐣] [오전 9:05] 감사합니다!
//! 권시우(팀장)님이 김하준님을 초대했습니다.
//! ```
//! Message lines carry only a time; the day comes from the last dashed
//! separator. System lines have neither brackets nor time, so they are known
//! only by their sentence.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use memchr::memmem::Finder;

use super::Record;
use super::stamp::{Scan, day_line};
use super::system;

/// Where a PC message's name ends, searched for on every line: built once.
static NAME_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("] ["));

/// `[name] [오후 2:37] text` → (`name`, 14:37, `text`). Names may hold
/// brackets (`황하린[조교]`), so the name ends at the first `] [` that is
/// followed by a valid time and `] `.
pub(super) fn message_line(line: &str) -> Option<(&str, NaiveTime, &str)> {
    let body = line.strip_prefix('[')?;
    let mut from = 0;
    while let Some(found) = NAME_END.find(&body.as_bytes()[from..]) {
        let end = from + found;
        let mut scan = Scan::new(&body[end + 3..]);
        if let Some(time) = scan.clock() {
            let rest = scan.rest();
            if let Some(text) = rest.strip_prefix("] ").or((rest == "]").then_some("")) {
                return Some((&body[..end], time, text));
            }
        }
        from = end + 1;
    }
    None
}

/// `--------------- 2022년 10월 1일 토요일 ---------------` (or the English
/// `Saturday, October 1, 2022` between the dashes) → the day.
pub(super) fn separator(line: &str) -> Option<NaiveDate> {
    let inner = line.strip_prefix("---")?.trim_end().strip_suffix("---")?;
    day_line(inner.trim_matches('-'))
}

/// What a PC line is, given the current day.
pub(super) fn classify(line: &str, day: Option<NaiveDate>) -> Option<Record<'_>> {
    if let Some((sender, time, text)) = message_line(line) {
        let at = day.map(|d| d.and_time(time));
        // `[] [20:35] 시스템 알림`: a notice in message clothing.
        if super::is_blank(sender) {
            return Some(Record::System { at, text });
        }
        return at.map(|at| Record::Message { at, sender, text });
    }
    if let Some(date) = separator(line) {
        return Some(Record::Day(date));
    }
    (system::parse(line).is_some() || system::is_notice(line)).then_some(Record::System { at: None, text: line })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn message_lines_with_awkward_names() {
        assert_eq!(message_line("[수ㅈ] [오후 2:37] 슬랙 읽어주세요"), Some(("수ㅈ", time(14, 37), "슬랙 읽어주세요")));
        assert_eq!(message_line("[황하린[조교]] [오전 9:36] 네"), Some(("황하린[조교]", time(9, 36), "네")));
        assert_eq!(message_line("[a] [b] [2:37 PM] x"), Some(("a] [b", time(14, 37), "x")));
        assert_eq!(message_line("[테스트] [20:36] ㅎㅇ"), Some(("테스트", time(20, 36), "ㅎㅇ")));
        assert_eq!(message_line("[황하준 🐣] [오전 9:05] "), Some(("황하준 🐣", time(9, 5), "")));
        assert_eq!(message_line("[황하준 🐣] [오전 9:05]"), Some(("황하준 🐣", time(9, 5), "")));
        assert_eq!(
            message_line("[김민준/94/늑 대#1003] [오전 9:00] @이서준/96/뚜비뚜밥#뚜비얌"),
            Some(("김민준/94/늑 대#1003", time(9, 0), "@이서준/96/뚜비뚜밥#뚜비얌"))
        );
        assert_eq!(message_line("[팀장:김] [오후 2:37] 12:30 : 점심"), Some(("팀장:김", time(14, 37), "12:30 : 점심")));
        assert_eq!(message_line("[공지] [중요] 내일 9:00 집합"), None);
        assert_eq!(message_line("[] [20:35] 시스템 알림"), Some(("", time(20, 35), "시스템 알림")));
    }

    #[test]
    fn separators_and_system_lines() {
        let day = NaiveDate::from_ymd_opt(2015, 8, 1).unwrap();
        assert_eq!(separator("--------------- 2015년 8월 1일 토요일 ---------------"), Some(day));
        assert_eq!(separator("--------------- Saturday, August 1, 2015 ---------------"), Some(day));
        assert_eq!(separator("----- 회의록 -----"), None);
        assert!(matches!(classify("[] [20:35] 시스템 알림", Some(day)), Some(Record::System { .. })));
        assert!(matches!(classify("수아님을 초대하였습니다.", Some(day)), Some(Record::System { at: None, .. })));
        assert!(classify("- 번호표 배부 : 녹화일 9:00 ~ 18:20", Some(day)).is_none());
        assert!(classify("2015년 7월 9일 오후 8:34, 박하준 : 안녕", Some(day)).is_none());
        // Without a day the message cannot be placed in time.
        assert!(classify("[수ㅈ] [오후 2:37] 슬랙", None).is_none());
    }
}
