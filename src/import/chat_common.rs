//! Pieces the line-based chat importers (WhatsApp, LINE) share: 12-hour
//! clocks in many spellings, numeric dates whose day/month order only the
//! whole file reveals, bounded multi-line messages, and the names that
//! membership lines mention.
//!
//! Each dialect keeps its own line grammar; only what would otherwise be
//! copied between them lives here.

use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, NaiveTime};
use regex::Regex;

use super::input::{DateOrder, DateReading, ReadingBasis};
use super::{ImportError, Input};
use crate::args;
use crate::import::Reason;
use crate::model::{EventKind, Speaker};
use crate::text;

/// Whether a 12-hour marker means the afternoon: `AM`, `p.m.`, `p. m.`,
/// `오후`, `午前`, `下午`. None when the text is no such marker.
pub fn meridiem(marker: &str) -> Option<bool> {
    match marker.trim() {
        "오전" | "午前" | "上午" => return Some(false),
        "오후" | "午後" | "下午" => return Some(true),
        _ => {}
    }
    // `p. m.` with a no-break space, `P.M`, `pm`: only the letters matter.
    let letters: String = marker.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    match letters.as_str() {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}

/// A time of day from its written numbers; `pm` is None on a 24-hour clock.
/// Exports that write `13:05 PM` are taken at their word on the hour.
pub fn clock(hour: &str, minute: &str, second: Option<&str>, pm: Option<bool>) -> Option<NaiveTime> {
    let hour: u32 = hour.parse().ok()?;
    let minute: u32 = minute.parse().ok()?;
    let second: u32 = match second {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    let hour = match pm {
        Some(pm) if hour <= 12 => hour % 12 + if pm { 12 } else { 0 },
        _ => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// A date written as three numbers (`15/10/2022`, `10/15/22`, `2022.10.15`)
/// whose day/month order may need the rest of the file to decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawDate {
    fields: [u32; 3],
    /// Which field has four digits, if one does.
    year_at: Option<usize>,
}

impl RawDate {
    /// The three fields as written. Two-digit years are taken as 20xx.
    pub fn parse(a: &str, b: &str, c: &str) -> Option<RawDate> {
        let parts = [a, b, c];
        let mut fields = [0; 3];
        let mut year_at = None;
        for (i, part) in parts.iter().enumerate() {
            fields[i] = part.parse().ok()?;
            match part.len() {
                1 | 2 => {}
                4 if year_at.is_none() => year_at = Some(i),
                _ => return None,
            }
        }
        Some(RawDate { fields, year_at })
    }

    /// Day and month fields in written order: the year is the four-digit
    /// field, or the last one when all have one or two digits.
    fn day_month(&self) -> (u32, u32) {
        let [a, b, c] = self.fields;
        match self.year_at {
            Some(0) => (b, c),
            Some(1) => (a, c),
            _ => (a, b),
        }
    }

    /// True unless the date reads differently as day/month and month/day.
    /// A four-digit year first is always year-month-day.
    pub fn needs_order(&self) -> bool {
        let (p, q) = self.day_month();
        self.year_at != Some(0) && p != q
    }

    /// The order this date proves: a field above 12 can only be a day.
    pub fn evidence(&self) -> Option<DateOrder> {
        if !self.needs_order() {
            return None;
        }
        match self.day_month() {
            (p, q) if p > 12 && q <= 12 => Some(DateOrder::Dmy),
            (p, q) if q > 12 && p <= 12 => Some(DateOrder::Mdy),
            _ => None,
        }
    }

    /// The calendar date under `order`, None when it names no real day.
    pub fn resolve(&self, order: DateOrder) -> Option<NaiveDate> {
        let [a, b, c] = self.fields;
        let (year, month, day) = match (self.year_at, order) {
            (Some(0), _) | (None, DateOrder::Ymd) => (a, b, c),
            (_, DateOrder::Dmy) => {
                let (d, m) = self.day_month();
                (self.year(), m, d)
            }
            _ => {
                let (m, d) = self.day_month();
                (self.year(), m, d)
            }
        };
        let year = if year < 100 { year + 2000 } else { year };
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    }

    fn year(&self) -> u32 {
        self.fields[self.year_at.unwrap_or(2)]
    }

    /// Which order makes this date fall on `weekday`, when exactly one does.
    pub fn order_for_weekday(&self, weekday: chrono::Weekday) -> Option<DateOrder> {
        if !self.needs_order() {
            return None;
        }
        let fits = |order| self.resolve(order).is_some_and(|d| d.weekday() == weekday);
        match (fits(DateOrder::Dmy), fits(DateOrder::Mdy)) {
            (true, false) => Some(DateOrder::Dmy),
            (false, true) => Some(DateOrder::Mdy),
            _ => None,
        }
    }
}

/// Most items held while the day/month order is unknown.
pub const MAX_PENDING_ITEMS: usize = 100_000;
/// Most text held while the day/month order is unknown.
pub const MAX_PENDING_BYTES: usize = 64 << 20;

/// Holds dated items until the file shows its day/month order, then hands
/// them on in file order.
///
/// The importers stream and read their input once, so they cannot look
/// ahead. Items whose date could be read both ways wait here until some date
/// has a field above 12 (or a weekday settles it). If that never happens
/// within [`MAX_PENDING_ITEMS`] / [`MAX_PENDING_BYTES`], or by the end of the
/// file, the user's `--date-order` decides; without it, the file's own
/// chronology does (exports are in time order, so usually only one reading
/// never goes back in time), and when both readings are in order the rule
/// is day first, the order most of the world writes. Either choice is
/// recorded on the input ([`Input::date_reading`]) for the import summary,
/// with the option that reads the file the other way. `--date-order ymd`
/// applies from the start, since no date can prove it.
pub struct DateOrderQueue<T> {
    order: Option<DateOrder>,
    fallback: Option<DateOrder>,
    pending: VecDeque<(RawDate, T)>,
    pending_bytes: usize,
    reading: Arc<OnceLock<DateReading>>,
}

/// Where the queue hands items: the date, or None when it names no real day.
pub type Emit<'a, T> = dyn FnMut(Option<NaiveDate>, T) -> Result<(), ImportError> + 'a;

impl<T> DateOrderQueue<T> {
    pub fn new(input: &Input) -> Self {
        let order = input.date_order.filter(|o| *o == DateOrder::Ymd);
        DateOrderQueue {
            order,
            fallback: input.date_order,
            pending: VecDeque::new(),
            pending_bytes: 0,
            reading: input.date_reading_cell(),
        }
    }

    /// Learn from any date in the file (a header, a day line).
    pub fn observe(&mut self, date: &RawDate) {
        if self.order.is_none() {
            self.order = date.evidence();
        }
    }

    /// Settle the order from other evidence (a weekday name).
    pub fn settle(&mut self, order: DateOrder) {
        self.order.get_or_insert(order);
    }

    /// Hand on `item`, now or once the order is known. `bytes` is roughly
    /// what it holds, for the bound on waiting items.
    pub fn push(&mut self, date: RawDate, item: T, bytes: usize, emit: &mut Emit<T>) -> Result<(), ImportError> {
        self.observe(&date);
        if let Some(order) = self.order {
            self.flush(order, emit)?;
            return emit(date.resolve(order), item);
        }
        if self.pending.is_empty() && !date.needs_order() {
            return emit(date.resolve(DateOrder::Dmy), item);
        }
        self.pending.push_back((date, item));
        self.pending_bytes += bytes;
        if self.pending.len() > MAX_PENDING_ITEMS || self.pending_bytes > MAX_PENDING_BYTES {
            let order = self.choose();
            self.order = Some(order);
            self.flush(order, emit)?;
        }
        Ok(())
    }

    /// Hand on whatever still waits at the end of the file.
    pub fn finish(&mut self, emit: &mut Emit<T>) -> Result<(), ImportError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let order = match self.order {
            Some(order) => order,
            None if self.pending.iter().all(|(d, _)| !d.needs_order()) => DateOrder::Dmy,
            None => self.choose(),
        };
        self.flush(order, emit)
    }

    /// The order for waiting dates no date proved: the user's, else the
    /// chronology's, else day first; recorded unless the user chose.
    fn choose(&self) -> DateOrder {
        if let Some(order) = self.fallback {
            return order;
        }
        let (dmy, mdy) = (self.steps_back(DateOrder::Dmy), self.steps_back(DateOrder::Mdy));
        let reading = match dmy.cmp(&mdy) {
            std::cmp::Ordering::Less => DateReading::new(DateOrder::Dmy, ReadingBasis::Chronology),
            std::cmp::Ordering::Greater => DateReading::new(DateOrder::Mdy, ReadingBasis::Chronology),
            std::cmp::Ordering::Equal => DateReading::new(DateOrder::Dmy, ReadingBasis::Rule),
        };
        // A file is decided once; a second decision cannot happen.
        let _ = self.reading.set(reading);
        reading.order
    }

    /// How often the waiting dates, read in `order`, go back in time; a
    /// date that names no real day under it counts as a step back.
    fn steps_back(&self, order: DateOrder) -> usize {
        let mut last = None;
        let mut steps = 0;
        for (date, _) in &self.pending {
            match date.resolve(order) {
                Some(day) => {
                    if last.is_some_and(|l| day < l) {
                        steps += 1;
                    }
                    last = Some(day);
                }
                None => steps += 1,
            }
        }
        steps
    }

    fn flush(&mut self, order: DateOrder, emit: &mut Emit<T>) -> Result<(), ImportError> {
        while let Some((date, item)) = self.pending.pop_front() {
            emit(date.resolve(order), item)?;
        }
        self.pending_bytes = 0;
        Ok(())
    }
}

/// Add a continuation line to a message begun on `start_line`, keeping each
/// message within the line limit so memory stays bounded.
pub fn append_line(input: &Input, start_line: u32, text: &mut String, line: &str) -> Result<(), ImportError> {
    let limit = input.max_line_bytes();
    if text.len() + line.len() + 1 > limit {
        return Err(input.malformed(start_line, Reason::said("reason_message_too_long", args![limit => limit])));
    }
    text.push('\n');
    text.push_str(line);
    Ok(())
}

/// Invisible direction marks exports put around names, numbers and system text.
pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// UTF-8 that was read as Windows-1252 (or Latin-1) and encoded again
/// (`ðŸ§¤` → `🧤`, Meta's `\u00ed\u0095\u009c` → `한`), repaired. Only
/// when every character maps back to one byte and those bytes are valid
/// UTF-8, so a real `José` or `Ðорис` stays as written; None when there is
/// nothing to repair.
pub fn repair_double_encoding(raw: &str) -> Option<String> {
    // Only text with a UTF-8 lead byte's character can be double encoded.
    if !raw.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return None;
    }
    let mut bytes = Vec::with_capacity(raw.len());
    for c in raw.chars() {
        bytes.push(single_byte(c)?);
    }
    let repaired = String::from_utf8(bytes).ok()?;
    (repaired != raw).then_some(repaired)
}

/// The byte a character stands for in Windows-1252, or in Latin-1 for the
/// C1 controls that Windows-1252 leaves undefined.
fn single_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code < 0x100 {
        return u8::try_from(code).ok();
    }
    let mut utf8 = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut utf8));
    match (&*bytes, unmappable) {
        ([byte], false) if *byte >= 0x80 => Some(*byte),
        _ => None,
    }
}

/// A name as stored from an export that may have encoded it twice
/// (Telegram, Meta): repaired ([`repair_double_encoding`]), then [`clean_name`].
pub fn repaired_name(raw: &str) -> String {
    clean_name(&repair_double_encoding(raw).unwrap_or_else(|| raw.to_owned()))
}

/// A display name as stored: direction marks removed, NFC, trimmed.
pub fn clean_name(raw: &str) -> String {
    if raw.chars().any(is_bidi_mark) {
        text::nfc(&raw.chars().filter(|c| !is_bidi_mark(*c)).collect::<String>())
    } else {
        text::nfc(raw)
    }
}

/// A speaker named in a system line; `You`/`you` there is the exporting user.
pub fn system_speaker(raw: &str) -> Speaker {
    let name = clean_name(raw);
    let me = name == "You" || name == "you";
    Speaker { name, me, id: None }
}

/// The people a system line lists: `A, B and C`, `A、B`.
pub fn split_names(list: &str) -> Vec<Speaker> {
    list.split(", ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split('、'))
        .map(system_speaker)
        .filter(|s| !s.name.is_empty())
        .collect()
}

/// One membership phrase of a dialect: a regex with an optional `actor`
/// group and a `subjects` group, and the event it means.
pub struct EventRule {
    pattern: Regex,
    kind: EventKind,
}

impl EventRule {
    /// Panics only on a malformed built-in pattern, which the tests cover.
    pub fn new(pattern: &str, kind: EventKind) -> EventRule {
        EventRule { pattern: Regex::new(pattern).expect("built-in event pattern"), kind }
    }

    /// The event this rule reads in `line`, and the groups it captured, for
    /// dialects that split the names themselves.
    pub fn captures<'t>(&self, line: &'t str) -> Option<(EventKind, regex::Captures<'t>)> {
        Some((self.kind.clone(), self.pattern.captures(line)?))
    }
}

/// The first rule matching a system line: its kind, actor and subjects.
pub fn match_event(rules: &[EventRule], line: &str) -> Option<(EventKind, Option<Speaker>, Vec<Speaker>)> {
    rules.iter().find_map(|rule| {
        let caps = rule.pattern.captures(line)?;
        let actor = caps.name("actor").map(|m| system_speaker(m.as_str()));
        let subjects = split_names(caps.name("subjects")?.as_str());
        Some((rule.kind.clone(), actor, subjects))
    })
}

#[cfg(test)]
pub(crate) mod generated;

#[cfg(test)]
mod tests {
    use super::*;

    fn date(a: &str, b: &str, c: &str) -> RawDate {
        RawDate::parse(a, b, c).unwrap()
    }

    #[test]
    fn meridiem_spellings() {
        for pm in ["PM", "pm", "p.m.", "p. m.", "p.\u{a0}m.", "오후", "下午", "午後"] {
            assert_eq!(meridiem(pm), Some(true), "{pm}");
        }
        for am in ["AM", "a.m.", "a. m.", "오전", "上午", "午前"] {
            assert_eq!(meridiem(am), Some(false), "{am}");
        }
        assert_eq!(meridiem("pam"), None);
    }

    #[test]
    fn twelve_hour_clock() {
        assert_eq!(clock("12", "05", None, Some(false)), NaiveTime::from_hms_opt(0, 5, 0));
        assert_eq!(clock("12", "05", None, Some(true)), NaiveTime::from_hms_opt(12, 5, 0));
        assert_eq!(clock("3", "04", Some("09"), Some(true)), NaiveTime::from_hms_opt(15, 4, 9));
        assert_eq!(clock("25", "00", None, None), None);
    }

    #[test]
    fn date_orders() {
        let d = date("15", "10", "2022");
        assert_eq!(d.evidence(), Some(DateOrder::Dmy));
        assert_eq!(d.resolve(DateOrder::Dmy), NaiveDate::from_ymd_opt(2022, 10, 15));
        let us = date("10", "15", "22");
        assert_eq!(us.evidence(), Some(DateOrder::Mdy));
        assert_eq!(us.resolve(DateOrder::Mdy), NaiveDate::from_ymd_opt(2022, 10, 15));
        let iso = date("2022", "10", "05");
        assert!(!iso.needs_order());
        assert_eq!(iso.resolve(DateOrder::Mdy), NaiveDate::from_ymd_opt(2022, 10, 5));
        assert!(date("3", "6", "18").needs_order());
        assert!(!date("6", "6", "18").needs_order());
        assert!(RawDate::parse("123", "1", "1").is_none());
        // 1 October 2022 was a Saturday; 10 January 2022 a Monday.
        assert_eq!(date("10", "1", "2022").order_for_weekday(chrono::Weekday::Sat), Some(DateOrder::Mdy));
    }

    #[test]
    fn queue_waits_for_evidence() {
        let input = Input::from_text("t.txt", "");
        let mut queue = DateOrderQueue::new(&input);
        let mut out = Vec::new();
        let mut emit = |d: Option<NaiveDate>, n: u32| {
            out.push((d, n));
            Ok(())
        };
        queue.push(date("3", "6", "18"), 1, 10, &mut emit).unwrap();
        queue.push(date("2018", "6", "4"), 2, 10, &mut emit).unwrap();
        queue.push(date("3", "13", "18"), 3, 10, &mut emit).unwrap();
        queue.finish(&mut emit).unwrap();
        let days: Vec<_> = out.iter().map(|(d, n)| (d.unwrap().to_string(), *n)).collect();
        assert_eq!(days, [("2018-03-06".into(), 1), ("2018-06-04".into(), 2), ("2018-03-13".into(), 3)]);
    }

    fn resolved(input: &Input, dates: &[(&str, &str, &str)]) -> Vec<String> {
        let mut queue = DateOrderQueue::new(input);
        let mut out = Vec::new();
        let mut emit = |d: Option<NaiveDate>, _: u32| {
            out.push(d.map_or_else(|| "none".to_owned(), |d| d.to_string()));
            Ok(())
        };
        for (a, b, c) in dates {
            queue.push(date(a, b, c), 0, 10, &mut emit).unwrap();
        }
        queue.finish(&mut emit).unwrap();
        out
    }

    /// No day above 12: only month first keeps 1/5, 1/6, 2/1 in time order.
    #[test]
    fn chronology_settles_what_no_date_proves() {
        let input = Input::from_text("t.txt", "");
        let days = resolved(&input, &[("1", "5", "18"), ("1", "6", "18"), ("2", "1", "18")]);
        assert_eq!(days, ["2018-01-05", "2018-01-06", "2018-02-01"]);
        let reading = input.date_reading().unwrap();
        assert_eq!((reading.order, reading.by), (DateOrder::Mdy, ReadingBasis::Chronology));
        assert_eq!(reading.change_with, "--date-order dmy");
        let input = Input::from_text("t.txt", "");
        let days = resolved(&input, &[("5", "1", "18"), ("6", "1", "18"), ("1", "2", "18")]);
        assert_eq!(days, ["2018-01-05", "2018-01-06", "2018-02-01"]);
        assert_eq!(input.date_reading().map(|r| r.by), Some(ReadingBasis::Chronology));
    }

    #[test]
    fn when_both_readings_are_in_order_the_rule_chooses_and_says_so() {
        let input = Input::from_text("t.txt", "");
        assert_eq!(resolved(&input, &[("3", "6", "18"), ("4", "6", "18")]), ["2018-06-03", "2018-06-04"]);
        let reading = input.date_reading().unwrap();
        assert_eq!((reading.order, reading.by), (DateOrder::Dmy, ReadingBasis::Rule));
        assert_eq!(reading.change_with, "--date-order mdy");
        // The user's order wins over the rule, and nothing is reported.
        let mut input = Input::from_text("t.txt", "");
        input.date_order = Some(DateOrder::Mdy);
        assert_eq!(resolved(&input, &[("3", "6", "18"), ("4", "6", "18")]), ["2018-03-06", "2018-04-06"]);
        assert_eq!(input.date_reading(), None);
    }

    #[test]
    fn names_in_system_lines() {
        let names: Vec<_> = split_names("\u{202a}+1 (777) 777\u{2011}7777\u{202c}, Bob and You")
            .into_iter()
            .map(|s| (s.name, s.me))
            .collect();
        assert_eq!(names, [("+1 (777) 777\u{2011}7777".into(), false), ("Bob".into(), false), ("You".into(), true)]);
    }
}
