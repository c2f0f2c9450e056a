//! The times and days of a LINE history: record times in every UI
//! language (`3:04PM`, `下午03:04`, `오후 3:04`, the `24:05` of older
//! Android builds), day lines (`Sat, 10/15/2022`, `2020/02/29(土)`,
//! `2025.12.30 火曜日`, `10/07/2562 BE`) and the Buddhist-era years a Thai
//! phone writes.

use std::sync::LazyLock;

use chrono::{NaiveTime, Weekday};
use regex::Regex;

use crate::import::chat_common::{RawDate, clock, meridiem};

/// How a record's fields are separated: the phone app writes TABs, the
/// desktop app's "Save chat" spaces in some builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Tab,
    Space,
}

/// `3:04PM⇥`, `10:00 AM⇥`, `15:04⇥`, `下午03:04⇥`, `오후 3:04⇥`, `23:43 `.
static RECORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<pre>上午|下午|午前|午後|오전|오후)\s?)?(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?:\s?(?P<post>[AaPp]\.?\s?[Mm]\.?))?(?P<sep>\t| )(?P<rest>.*)$")
        .expect("LINE record pattern")
});

/// A record line: its time, whether the time is past midnight of the day
/// line before it (`24:05`), its separator and what follows it.
pub struct Stamp<'l> {
    pub time: NaiveTime,
    pub next_day: bool,
    pub separator: Separator,
    pub rest: &'l str,
}

/// The stamp of a record line written with `separator` (either when None).
pub fn parse_record(line: &str, separator: Option<Separator>) -> Option<Stamp<'_>> {
    let caps = RECORD.captures(line)?;
    let found = if &caps["sep"] == "\t" { Separator::Tab } else { Separator::Space };
    if separator.is_some_and(|s| s != found) {
        return None;
    }
    let pm = match caps.name("pre").or(caps.name("post")) {
        Some(m) => Some(meridiem(m.as_str())?),
        None => None,
    };
    let (hour, minute) = (caps.name("h")?.as_str(), caps.name("m")?.as_str());
    // Older Android builds count the first hour after midnight as 24.
    let next_day = pm.is_none() && hour == "24";
    let time = clock(if next_day { "0" } else { hour }, minute, None, pm)?;
    Some(Stamp { time, next_day, separator: found, rest: caps.name("rest")?.as_str() })
}

/// `Sat, 10/15/2022`, `15/10/2022`, `2024.01.02 Tuesday`, `2020/02/29(土)`,
/// `2024/1/2週二`, `2024. 1. 2. (화)`, `10/07/2562 BE`, `วันจันทร์, 10/07/2562`.
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<wd1>[\p{L}\p{M}]{2,16}),?\s+)?(?P<a>[0-9]{1,4})[./-]\s?(?P<b>[0-9]{1,2})[./-]\s?(?P<c>[0-9]{1,4})\.?\s*(?:BE|พ\.ศ\.)?\s*(?P<wd2>[^\t0-9]{0,12})$")
        .expect("LINE day pattern")
});

/// A day line's date, and its weekday when it names one.
pub fn parse_day(line: &str) -> Option<(RawDate, Option<Weekday>)> {
    let caps = DAY.captures(line.trim())?;
    let date = common_era(caps.name("a")?.as_str(), caps.name("b")?.as_str(), caps.name("c")?.as_str())?;
    let named =
        [caps.name("wd1"), caps.name("wd2")].into_iter().flatten().map(|m| m.as_str()).find(|s| !s.trim().is_empty());
    match named {
        None => Some((date, None)),
        Some(name) => Some((date, Some(weekday(name)?))),
    }
}

/// Years from this one on are Buddhist-era (2567 BE is 2024 CE): no chat
/// is dated in the 25th century.
const BUDDHIST_ERA_FROM: u32 = 2400;
const BUDDHIST_ERA_OFFSET: u32 = 543;

/// The date of three fields, a Buddhist-era year turned into its common-era one.
pub fn common_era(a: &str, b: &str, c: &str) -> Option<RawDate> {
    let convert = |field: &str| match field.parse::<u32>() {
        Ok(year) if field.len() == 4 && year >= BUDDHIST_ERA_FROM => Some((year - BUDDHIST_ERA_OFFSET).to_string()),
        _ => None,
    };
    let [a, b, c] = [a, b, c].map(|f| convert(f).unwrap_or_else(|| f.to_owned()));
    RawDate::parse(&a, &b, &c)
}

/// A date anywhere in a preamble line (`Saved on: 10/16/2022, 14:05`,
/// `저장한 날짜: 2024. 1. 3.`): it is written in the same locale as the day lines.
pub static DATE_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,4})[./-]\s?([0-9]{1,2})[./-]\s?([0-9]{1,4})").expect("date pattern"));

/// True when `head` dates its lines in Buddhist-era years, as Thai phones do.
pub fn buddhist_era(head: &str) -> bool {
    DATE_IN_TEXT.captures_iter(head).take(50).any(|caps| {
        [&caps[1], &caps[3]].iter().any(|f| f.len() == 4 && f.parse::<u32>().is_ok_and(|y| y >= BUDDHIST_ERA_FROM))
    })
}

const ENGLISH_DAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const THAI_DAYS: [(&str, Weekday); 7] = [
    ("จันทร์", Weekday::Mon),
    ("อังคาร", Weekday::Tue),
    ("พุธ", Weekday::Wed),
    ("พฤหัสบดี", Weekday::Thu),
    ("ศุกร์", Weekday::Fri),
    ("เสาร์", Weekday::Sat),
    ("อาทิตย์", Weekday::Sun),
];

/// A weekday in English, Japanese, Chinese, Korean or Thai (`Tue`,
/// `Tuesday`, `(火)`, `火曜日`, `週二`, `星期六`, `（四）`, `화요일`, `(화)`,
/// `วันอังคาร`).
pub fn weekday(name: &str) -> Option<Weekday> {
    let bare = name.trim().trim_matches(|c| matches!(c, '(' | ')' | '（' | '）' | ',')).trim();
    if bare.is_ascii() {
        let lower = bare.to_ascii_lowercase();
        return ENGLISH_DAYS
            .iter()
            .find(|(full, _)| lower == *full || (lower.len() == 3 && full.starts_with(&lower)))
            .map(|(_, d)| *d);
    }
    let thai = bare.strip_prefix("วัน").unwrap_or(bare);
    if let Some((_, day)) = THAI_DAYS.iter().find(|(name, _)| *name == thai) {
        return Some(*day);
    }
    let bare = ["週", "周", "星期", "禮拜"].iter().find_map(|p| bare.strip_prefix(p)).unwrap_or(bare);
    let bare = ["曜日", "曜", "요일"].iter().find_map(|s| bare.strip_suffix(s)).unwrap_or(bare);
    let mut chars = bare.chars();
    let day = match (chars.next()?, chars.next()) {
        (c, None) => c,
        _ => return None,
    };
    Some(match day {
        '月' | '一' | '월' => Weekday::Mon,
        '火' | '二' | '화' => Weekday::Tue,
        '水' | '三' | '수' => Weekday::Wed,
        '木' | '四' | '목' => Weekday::Thu,
        '金' | '五' | '금' => Weekday::Fri,
        '土' | '六' | '토' => Weekday::Sat,
        '日' | '天' | '일' => Weekday::Sun,
        _ => return None,
    })
}
