//! The start of a WhatsApp message line: `DATE, TIME - ` (Android) or
//! `[DATE, TIME] ` (iOS), in every locale's spelling, and the split of what
//! follows into author and text.
//!
//! A line that does not start this way continues the previous message.

use std::sync::LazyLock;

use chrono::NaiveTime;
use regex::Regex;

use crate::import::chat_common::{RawDate, clock, is_bidi_mark, meridiem};

/// Optional direction marks and `[`; a date of three numbers separated by
/// `/`, `.` or `-` (with a space after each in Korean/Croatian style); an
/// optional comma or the word for "at" (`klo`, `um`, `à`, `a las`, `às`, `в`); a 12-hour marker before (`오후`) or after (`PM`,
/// `p. m.`) a time `H:MM[:SS]` or `H.MM[.SS]`; then `] ` or ` - `.
/// `\s` is Unicode here, so U+202F and U+00A0 count as spaces.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[\u{200e}\u{200f}\u{202a}-\u{202e}\u{feff}]*(?P<open>\[)?",
        r"(?P<a>[0-9]{1,4})(?P<s1>[./-])\s?(?P<b>[0-9]{1,4})(?P<s2>[./-])\s?(?P<c>[0-9]{1,4})\.?",
        r",?\s*(?:(?:klo|um|à|a las|às|в)\s+)?(?:(?P<pre>오전|오후)\s*)?",
        r"(?P<h>[0-9]{1,2})[:.](?P<m>[0-9]{2})(?:[:.](?P<s>[0-9]{2}))?\.?",
        r"(?:\s*(?P<post>[aApP]\.?\s?[mM]\.?))?",
        r"(?:(?P<close>\])\s?|\s-\s)",
    ))
    .expect("WhatsApp stamp pattern")
});

/// How a file writes its stamps. The first stamp fixes it, so a message
/// line that merely starts with a date in another style stays text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    bracketed: bool,
    separator: char,
}

/// A parsed stamp: the date as written, the time, and the style.
#[derive(Debug, Clone, Copy)]
pub struct Stamp {
    pub date: RawDate,
    pub time: NaiveTime,
    pub shape: Shape,
}

/// The stamp at the start of `line` and the rest of the line after it.
pub fn parse_stamp(line: &str) -> Option<(Stamp, &str)> {
    let caps = STAMP.captures(line)?;
    let text = |name| caps.name(name).map(|m| m.as_str());
    if text("open").is_some() != text("close").is_some() || text("s1") != text("s2") {
        return None;
    }
    let date = RawDate::parse(text("a")?, text("b")?, text("c")?)?;
    let pm = match text("pre").or(text("post")) {
        Some(marker) => Some(meridiem(marker)?),
        None => None,
    };
    let time = clock(text("h")?, text("m")?, text("s"), pm)?;
    let separator = text("s1")?.chars().next()?;
    let shape = Shape { bracketed: text("open").is_some(), separator };
    let rest = &line[caps.get(0)?.end()..];
    Some((Stamp { date, time, shape }, rest))
}

/// What follows a stamp.
#[derive(Debug, PartialEq, Eq)]
pub enum Body<'a> {
    /// `AUTHOR: TEXT`.
    Message { author: &'a str, text: &'a str },
    /// A line without an author (`Alice added Bob`, the encryption notice).
    System(&'a str),
}

/// System phrases that themselves contain `: `, so the part before the
/// colon is not an author (`Alice changed this group: description`).
const COLON_SYSTEM_PHRASES: &[&str] =
    &[" changed this group", " changed the group description", " changed the subject"];

/// Split `AUTHOR: TEXT`; a line with no author is a system line, and so is
/// one starting with U+200E, which iOS puts before authorless system text
/// (numbers as authors are wrapped in U+202A…U+202C instead).
pub fn split_body(rest: &str) -> Body<'_> {
    let (author, text) = match rest.split_once(": ") {
        Some(split) => split,
        None => match rest.strip_suffix(':') {
            Some(author) => (author, ""),
            None => return Body::System(rest),
        },
    };
    let bare = author.trim_matches(|c: char| c.is_whitespace() || is_bidi_mark(c));
    if bare.is_empty() || author.starts_with('\u{200e}') || COLON_SYSTEM_PHRASES.iter().any(|p| bare.ends_with(p)) {
        return Body::System(rest);
    }
    Body::Message { author, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::input::DateOrder;
    use chrono::NaiveDate;

    fn stamp(line: &str) -> (String, &str) {
        let (s, rest) = parse_stamp(line).unwrap_or_else(|| panic!("no stamp in {line:?}"));
        // Ambiguous dates are read day first here; the queue decides in files.
        let order = s.date.evidence().unwrap_or(DateOrder::Dmy);
        (format!("{} {}", s.date.resolve(order).unwrap_or(NaiveDate::MIN), s.time), rest)
    }

    #[test]
    fn stamps_from_the_reference() {
        let cases = [
            ("06/03/2017, 00:45 - Sample User: hi", "2017-03-06 00:45:00", "Sample User: hi"),
            ("15.04.2016, 15:04 - Ash Ketchum: Hey guys!", "2016-04-15 15:04:00", "Ash Ketchum: Hey guys!"),
            ("2016-04-15, 3:04 PM - a: m", "2016-04-15 15:04:00", "a: m"),
            ("2016-04-15, 3:04 p.m. - a: m", "2016-04-15 15:04:00", "a: m"),
            ("15-04-2016, 03:04:10 PM - a: m", "2016-04-15 15:04:10", "a: m"),
            ("[2016/04/15 15:04] a: m", "2016-04-15 15:04:00", "a: m"),
            ("[15-01-20 02:22:56] Mary: m", "2020-01-15 02:22:56", "Mary: m"),
            ("3/6/18, 1:55\u{202f}PM - a: m", "2018-06-03 13:55:00", "a: m"),
            ("3/6/2018 1:55 p.\u{a0}m. - a: m", "2018-06-03 13:55:00", "a: m"),
            ("03-06-2018, 01.55 PM - a: m", "2018-06-03 13:55:00", "a: m"),
            ("13.6.2018 klo 21.25.15 - a: m", "2018-06-13 21:25:15", "a: m"),
            ("[06.13.18 21:25:15] a: m", "2018-06-13 21:25:15", "a: m"),
            ("\u{200e}[3/6/18 1:55:00 p. m.] a: m", "2018-06-03 13:55:00", "a: m"),
            ("2022/12/14, 13:34. - John Doe: x", "2022-12-14 13:34:00", "John Doe: x"),
            ("[07.03.26, 21:22:39] Chris: Hey", "2026-03-07 21:22:39", "Chris: Hey"),
            ("28/3/2025, 9:29 p. m. - user1: m", "2025-03-28 21:29:00", "user1: m"),
            ("2022. 10. 15. 오후 3:15 - 홍길동: 안녕", "2022-10-15 15:15:00", "홍길동: 안녕"),
            ("[10/15/22, 3:04:05\u{202f}PM] Alice: text", "2022-10-15 15:04:05", "Alice: text"),
        ];
        for (line, when, rest) in cases {
            assert_eq!(stamp(line), (when.to_owned(), rest), "{line}");
        }
    }

    #[test]
    fn not_stamps() {
        for line in [
            "2015년 7월 9일 오후 8:34, 박영우 소마 : text",
            "[수ㅈ] [오후 2:37] 슬랙 읽어주세요",
            "2015-07-09 20:34:26,\"박영우\",\"text\"",
            "2015. 7. 9. 오후 8:34, 박영우 : text",
            "2015. 7. 9. 오후 8:34: 박영우님이 나갔습니다.",
            "[15/10/2022, 15:15 Alice: unclosed",
            "15/10-2022, 15:15 - mixed separators",
            "see you at 15:15 - ok",
        ] {
            assert!(parse_stamp(line).is_none(), "{line}");
        }
    }

    #[test]
    fn bodies() {
        assert_eq!(split_body("Alice: a: b"), Body::Message { author: "Alice", text: "a: b" });
        assert_eq!(split_body("Alice:"), Body::Message { author: "Alice", text: "" });
        assert_eq!(split_body("Alice added Bob"), Body::System("Alice added Bob"));
        assert_eq!(
            split_body("Alice changed this group: description"),
            Body::System("Alice changed this group: description")
        );
        assert_eq!(split_body("\u{200e}Bob: x"), Body::System("\u{200e}Bob: x"));
        let phone = "+1 (777) 777\u{2011}7777: hi";
        assert_eq!(split_body(phone), Body::Message { author: "+1 (777) 777\u{2011}7777", text: "hi" });
    }
}
