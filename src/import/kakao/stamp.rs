//! Dates and clock times as KakaoTalk writes them, in Korean and English.
//!
//! Every dialect builds its time stamps from the same few pieces (`2022년 10월
//! 1일`, `2022. 10. 1.`, `October 1, 2022`, `오후 2:37`, `2:37 PM`, `20:36`),
//! so they are parsed here by a small hand-written scanner: a message line is
//! tried against these pieces millions of times, and a scanner that fails on
//! the first wrong character is much cheaper than a regex.

use chrono::{NaiveDate, NaiveTime};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// A cursor over one line: each method consumes a piece or fails.
#[derive(Clone, Copy)]
pub(super) struct Scan<'a> {
    rest: &'a str,
}

impl<'a> Scan<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scan { rest: text }
    }

    /// What is left of the line.
    pub(super) fn rest(self) -> &'a str {
        self.rest
    }

    /// Consume `prefix` if the line continues with it.
    pub(super) fn lit(&mut self, prefix: &str) -> Option<()> {
        self.rest = self.rest.strip_prefix(prefix)?;
        Some(())
    }

    /// Consume one to `max` ASCII digits.
    fn num(&mut self, max: usize) -> Option<u32> {
        let len = self.rest.bytes().take(max + 1).take_while(u8::is_ascii_digit).count();
        if len == 0 || len > max {
            return None;
        }
        // At most a few ASCII digits: no overflow, no need for `str::parse`.
        let (digits, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(digits.bytes().fold(0, |value, digit| value * 10 + u32::from(digit - b'0')))
    }

    /// Consume a run of ASCII letters (possibly empty).
    fn word(&mut self) -> &'a str {
        let len = self.rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (word, rest) = self.rest.split_at(len);
        self.rest = rest;
        word
    }

    /// `오전 9:05`, `오후 10:44`, `9:05 AM`, `9:05am`, `20:36`.
    pub(super) fn clock(&mut self) -> Option<NaiveTime> {
        let mut half = None;
        if self.lit("오전 ").is_some() {
            half = Some(false);
        } else if self.lit("오후 ").is_some() {
            half = Some(true);
        }
        let hour = self.num(2)?;
        self.lit(":")?;
        let before = self.rest;
        let minute = self.num(2)?;
        if before.len() - self.rest.len() != 2 {
            return None;
        }
        if half.is_none() {
            half = self.english_half();
        }
        let hour = match half {
            None if hour < 24 => hour,
            Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
            _ => return None,
        };
        NaiveTime::from_hms_opt(hour, minute, 0)
    }

    /// An `AM`/`PM` (any case, with or without a space) after a clock time,
    /// but not the start of a word such as `20:36 amazing`.
    fn english_half(&mut self) -> Option<bool> {
        let mut probe = *self;
        let _ = probe.lit(" ");
        let pm = match probe.word() {
            w if w.eq_ignore_ascii_case("am") => false,
            w if w.eq_ignore_ascii_case("pm") => true,
            _ => return None,
        };
        *self = probe;
        Some(pm)
    }

    /// `2022년 10월 1일`.
    pub(super) fn korean_date(&mut self) -> Option<NaiveDate> {
        let year = self.num(4)?;
        self.lit("년 ")?;
        let month = self.num(2)?;
        self.lit("월 ")?;
        let day = self.num(2)?;
        self.lit("일")?;
        NaiveDate::from_ymd_opt(year as i32, month, day)
    }

    /// `2022. 10. 1.`
    pub(super) fn dotted_date(&mut self) -> Option<NaiveDate> {
        let year = self.num(4)?;
        self.lit(". ")?;
        let month = self.num(2)?;
        self.lit(". ")?;
        let day = self.num(2)?;
        self.lit(".")?;
        NaiveDate::from_ymd_opt(year as i32, month, day)
    }

    /// `October 1, 2022` or `Oct 1, 2022`.
    pub(super) fn english_date(&mut self) -> Option<NaiveDate> {
        let month = month_number(self.word())?;
        self.lit(" ")?;
        let day = self.num(2)?;
        self.lit(", ")?;
        let year = self.num(4)?;
        NaiveDate::from_ymd_opt(year as i32, month, day)
    }
}

/// `October` or `Oct` (any case) → 10.
fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let found = MONTHS.iter().position(|m| m.len() >= word.len() && m[..word.len()].eq_ignore_ascii_case(word))?;
    // Abbreviations are the first three letters; "Sept" is the one longer form in use.
    let full = MONTHS[found].len() == word.len();
    (full || word.len() == 3 || word.eq_ignore_ascii_case("sept")).then_some(found as u32 + 1)
}

/// A line that names a day and nothing else: `2022년 10월 1일 토요일`,
/// `Saturday, October 1, 2022` (the iOS and PC day separators).
pub(super) fn day_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    let mut scan = Scan::new(line);
    if line.starts_with(|c: char| c.is_ascii_digit()) {
        let date = scan.korean_date()?;
        let weekday = scan.rest().trim_start();
        return (weekday.is_empty() || weekday.ends_with("요일")).then_some(date);
    }
    let weekday = scan.word();
    if !WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(weekday)) {
        return None;
    }
    scan.lit(", ")?;
    let date = scan.english_date()?;
    scan.rest().is_empty().then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn clock(text: &str) -> Option<(NaiveTime, &str)> {
        let mut scan = Scan::new(text);
        scan.clock().map(|t| (t, scan.rest()))
    }

    #[test]
    fn clocks_in_every_spelling() {
        assert_eq!(clock("오전 12:51]"), Some((time(0, 51), "]")));
        assert_eq!(clock("오후 12:05"), Some((time(12, 5), "")));
        assert_eq!(clock("오후 2:37] x"), Some((time(14, 37), "] x")));
        assert_eq!(clock("2:37 PM]"), Some((time(14, 37), "]")));
        assert_eq!(clock("8:34pm, July"), Some((time(20, 34), ", July")));
        assert_eq!(clock("20:36, 테스트"), Some((time(20, 36), ", 테스트")));
        assert_eq!(clock("20:36 amazing"), Some((time(20, 36), " amazing")));
        assert_eq!(clock("24:00"), None);
        assert_eq!(clock("오후 13:00"), None);
        assert_eq!(clock("9:5"), None);
        assert_eq!(clock("9:055"), None);
    }

    #[test]
    fn dates_and_day_lines() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(day_line("2015년 8월 1일 토요일"), Some(d(2015, 8, 1)));
        assert_eq!(day_line("Saturday, August 1, 2015"), Some(d(2015, 8, 1)));
        assert_eq!(day_line("Sunday, February 1, 2026"), Some(d(2026, 2, 1)));
        assert_eq!(day_line("2015년 8월 1일 오후 2:00"), None);
        assert_eq!(day_line("Saturday, August 1, 2015 was fun"), None);
        assert_eq!(day_line("2015년 13월 1일 토요일"), None);
        let mut scan = Scan::new("Sept 3, 2015, 1:00 AM");
        assert_eq!(scan.english_date(), Some(d(2015, 9, 3)));
        assert_eq!(Scan::new("Ju 3, 2015").english_date(), None);
        assert_eq!(Scan::new("2022. 10. 1. 9:05").dotted_date(), Some(d(2022, 10, 1)));
    }
}
