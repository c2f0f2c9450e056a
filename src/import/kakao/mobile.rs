//! KakaoTalk for Android and iOS `.txt` exports, Korean and English UI, every
//! app version seen.
//!
//! Both phones write one grammar, `STAMP, NAME : TEXT` for messages and
//! `STAMP, TEXT` (Android) or `STAMP: TEXT` (iOS) for system lines, and
//! differ only in how the stamp is spelled. A file uses one spelling
//! throughout, so it is chosen once ([`Stamp`]) and every line is read with it:
//! a continuation line that happens to start with another dialect's date stays
//! text.

use chrono::{NaiveDate, NaiveDateTime};

use super::Record;
use super::stamp::{Scan, day_line};

/// The stamp spellings, each with where it was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stamp {
    /// Android, Korean: `2022년 10월 1일 오후 8:34` (also the 2025 style).
    KoLong,
    /// iOS, Korean: `2022. 10. 1. 오후 8:34`, 24-hour phones `2025. 6. 8. 16:20`.
    KoDots,
    /// Newer iOS per parser tests: `오후 8:36` alone, the day from the day line.
    ClockOnly,
    /// Android, English, 2015: `8:34pm, July 9, 2015`.
    EnClockFirst,
    /// iOS, English `Jul 9, 2015, 8:34 PM` and `Feb 1, 2026 at 20:35`;
    /// Android, English, 2020: `February 10, 2016, 2:33 AM`.
    EnDateFirst,
}

impl Stamp {
    /// The spellings that carry their own date, tried when choosing one.
    const DATED: [Stamp; 4] = [Stamp::KoLong, Stamp::KoDots, Stamp::EnClockFirst, Stamp::EnDateFirst];

    /// The time a line starts with and the rest of the line.
    fn parse(self, line: &str, day: Option<NaiveDate>) -> Option<(NaiveDateTime, &str)> {
        let mut scan = Scan::new(line);
        let (date, time) = match self {
            Stamp::KoLong => {
                let date = scan.korean_date()?;
                scan.lit(" ")?;
                (date, scan.clock()?)
            }
            Stamp::KoDots => {
                let date = scan.dotted_date()?;
                scan.lit(" ")?;
                (date, scan.clock()?)
            }
            Stamp::ClockOnly => {
                let time = scan.clock()?;
                (day?, time)
            }
            Stamp::EnClockFirst => {
                let time = scan.clock()?;
                scan.lit(", ")?;
                (scan.english_date()?, time)
            }
            Stamp::EnDateFirst => {
                let date = scan.english_date()?;
                scan.lit(", ").or_else(|| scan.lit(" at "))?;
                (date, scan.clock()?)
            }
        };
        Some((date.and_time(time), scan.rest()))
    }
}

/// What a line is under `stamp`, given the current day (for [`Stamp::ClockOnly`]).
pub(super) fn classify(stamp: Stamp, line: &str, day: Option<NaiveDate>) -> Option<Record<'_>> {
    match stamp.parse(line, day) {
        Some((at, rest)) => after_stamp(at, rest),
        None => day_line(line).map(Record::Day),
    }
}

/// The spelling a line shows, if it is a message, system or day line of a
/// mobile export. [`Stamp::ClockOnly`] is so bare that it counts only after a
/// day line (`seen_day`) and on a message line.
pub(super) fn detect(line: &str, seen_day: bool) -> Option<Stamp> {
    let found =
        Stamp::DATED.into_iter().find(|s| s.parse(line, None).and_then(|(at, rest)| after_stamp(at, rest)).is_some());
    found.or_else(|| {
        let day = NaiveDate::default();
        let message = Stamp::ClockOnly
            .parse(line, Some(day))
            .and_then(|(at, rest)| after_stamp(at, rest))
            .is_some_and(|r| matches!(r, Record::Message { .. }));
        (seen_day && message).then_some(Stamp::ClockOnly)
    })
}

/// `, NAME : TEXT` → message; `, TEXT` or `: TEXT` → system; nothing → the
/// stamp alone, Android's day line; anything else → not a record.
fn after_stamp(at: NaiveDateTime, rest: &str) -> Option<Record<'_>> {
    if rest.trim_end().is_empty() {
        return Some(Record::Day(at.date()));
    }
    if let Some(body) = rest.strip_prefix(", ") {
        // The body may hold ` : ` too; names rarely do, so the first one ends the name.
        if let Some((sender, text)) = body.split_once(" : ") {
            return Some(Record::Message { at, sender, text });
        }
        if let Some(sender) = body.strip_suffix(" :") {
            return Some(Record::Message { at, sender, text: "" });
        }
        return Some(Record::System { at: Some(at), text: body });
    }
    rest.strip_prefix(": ").map(|text| Record::System { at: Some(at), text })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap()
    }

    fn message(stamp: Stamp, line: &str) -> Option<(NaiveDateTime, &str, &str)> {
        match classify(stamp, line, NaiveDate::from_ymd_opt(2021, 12, 29)) {
            Some(Record::Message { at, sender, text }) => Some((at, sender, text)),
            _ => None,
        }
    }

    #[test]
    fn every_spelling_is_detected_from_its_first_line() {
        let cases = [
            ("2015년 7월 9일 오후 8:34, 박하준 소마 : 안녕하세요", Stamp::KoLong),
            ("2015년 7월 9일 오후 8:34", Stamp::KoLong),
            ("2022. 5. 13. 오전 10:28: 센터 실장님이 가님을 초대했습니다.", Stamp::KoDots),
            ("2025. 6. 8. 16:20, 홍길동 : text", Stamp::KoDots),
            ("8:34pm, July 9, 2015, 박하준 소마 : 안녕", Stamp::EnClockFirst),
            ("February 10, 2016, 2:33 AM, you : Photo", Stamp::EnDateFirst),
            ("Jul 9, 2015, 8:34 PM: 박하준 invited 김지호 and 서ㅇ.", Stamp::EnDateFirst),
            ("Feb 1, 2026 at 20:35, Alice : text", Stamp::EnDateFirst),
        ];
        for (line, stamp) in cases {
            assert_eq!(detect(line, false), Some(stamp), "{line}");
        }
        assert_eq!(detect("오후 8:36, 테스트 : ㅎㅇ", false), None);
        assert_eq!(detect("오후 8:36, 테스트 : ㅎㅇ", true), Some(Stamp::ClockOnly));
        assert_eq!(detect("15/10/2022, 15:15 - Name: text", false), None);
        assert_eq!(detect("[15/10/2022, 15:15:00] Name: text", false), None);
        assert_eq!(detect("3:04PM\tAlice\ttext", false), None);
        assert_eq!(detect("Date Saved : Aug 3, 2015, 12:20 AM", false), None);
    }

    #[test]
    fn messages_system_lines_and_days() {
        assert_eq!(
            message(Stamp::KoLong, "2015년 7월 9일 오후 8:44, 회원님 : 네 : 맞아요"),
            Some((at(2015, 7, 9, 20, 44), "회원님", "네 : 맞아요"))
        );
        assert_eq!(
            message(Stamp::KoDots, "2015. 7. 9. 오후 8:35, 팀장:김 [조교] 🐣 : 12:30 : 점심"),
            Some((at(2015, 7, 9, 20, 35), "팀장:김 [조교] 🐣", "12:30 : 점심"))
        );
        assert_eq!(
            message(Stamp::EnDateFirst, "Feb 1, 2026 at 20:35, Alice : text"),
            Some((at(2026, 2, 1, 20, 35), "Alice", "text"))
        );
        assert_eq!(
            message(Stamp::ClockOnly, "오후 8:36, 테스트 : ㅎㅇ"),
            Some((at(2021, 12, 29, 20, 36), "테스트", "ㅎㅇ"))
        );
        assert!(matches!(
            classify(Stamp::KoDots, "2025. 6. 9. 10:57: 홍길동님이 나갔습니다.", None),
            Some(Record::System { text: "홍길동님이 나갔습니다.", .. })
        ));
        assert!(matches!(
            classify(Stamp::KoLong, "2015년 7월 9일 오후 8:34, 박하준님이 김지호님을 초대했습니다.", None),
            Some(Record::System { .. })
        ));
        assert!(matches!(
            classify(Stamp::KoDots, "2022년 5월 13일 금요일", None),
            Some(Record::Day(d)) if d == NaiveDate::from_ymd_opt(2022, 5, 13).unwrap()
        ));
        // Data that looks like a stamp but is not followed by `, ` or `: ` stays text.
        assert!(classify(Stamp::KoLong, "2015년 7월 9일 오후 8:34에 만나요", None).is_none());
        // Another dialect's line is text in this one.
        assert!(classify(Stamp::KoDots, "2015년 7월 9일 오후 8:34, 박하준 : 안녕", None).is_none());
        assert!(classify(Stamp::KoLong, "[수ㅈ] [오후 2:37] 슬랙", None).is_none());
    }
}
