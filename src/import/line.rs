//! LINE chat histories saved from the phone app ("Send chat history"), in
//! the English, Japanese, Chinese and (assumed) Korean UI.
//!
//! The file starts with `[LINE] …` naming the room, then day lines
//! (`Sat, 10/15/2022`, `2020/02/29(土)`) and TAB-separated records
//! `TIME⇥SENDER⇥TEXT`; an empty sender marks a system line. A text with line
//! breaks is wrapped in double quotes (`""` is a literal quote). The records
//! end in CRLF while breaks inside quotes are bare LF, but [`Input`] strips
//! both, so the quote state is tracked across lines instead; a line shaped
//! like a record ends a quote that was never closed.
//!
//! The desktop app's "Save chat" files (space-separated, no `[LINE]`
//! header) are not read: without the member list their names cannot be
//! split from the text, so the sniffer does not claim them.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime, Weekday};
use regex::Regex;

use super::chat_common::{DateOrderQueue, EventRule, RawDate, append_line, clean_name, clock, match_event, meridiem};
use super::{ImportError, Importer, Input, Probe, Sink};
use crate::model::{ChatEvent, ChatMessage, EventKind, MessageKind, Platform, RoomInfo, Speaker};
use crate::text;

pub struct Line;

impl Importer for Line {
    fn id(&self) -> &'static str {
        "line"
    }
    fn describe(&self) -> &'static str {
        "LINE chat history (.txt from the phone app)"
    }
    fn sniff(&self, probe: &Probe) -> bool {
        probe.head.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.trim_start().starts_with("[LINE]"))
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let name = loop {
            match input.next_line()? {
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => match room_name(&l) {
                    Some(name) => break name,
                    None => {
                        return Err(input.malformed(
                            input.line_number(),
                            "not a LINE chat history: the first line should start with [LINE]",
                        ));
                    }
                },
                None => return Err(input.malformed(input.line_number(), "the file is empty")),
            }
        };
        sink.room(RoomInfo { platform: Platform::Line, name, external_id: None })?;
        let mut reader = Reader { queue: DateOrderQueue::new(input), sink, day: None, open: None };
        while let Some(line) = input.next_line()? {
            reader.line(input, input.line_number(), &line)?;
        }
        reader.close_open()?;
        let sink = &mut *reader.sink;
        reader.queue.finish(&mut |d, r| emit(sink, d, r))
    }
}

/// The room named by the first line, in each UI language's wording.
fn room_name(header: &str) -> Option<String> {
    let rest = header.trim().strip_prefix("[LINE]")?.trim();
    let prefixes = ["Chat history with ", "Chat history in ", "與", "ประวัติการแชทกับ"];
    let suffixes = ["とのトーク履歴", "のトーク履歴", "的聊天記錄", "님과의 대화", "의 대화"];
    let rest = prefixes.iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest);
    let rest = suffixes.iter().find_map(|s| rest.strip_suffix(s)).unwrap_or(rest);
    let name = clean_name(rest);
    Some(if name.is_empty() { "LINE chat".to_owned() } else { name })
}

/// `3:04PM⇥`, `10:00 AM⇥`, `15:04⇥`, `下午03:04⇥`, `오후 3:04⇥`.
static RECORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<pre>上午|下午|午前|午後|오전|오후)\s?)?(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?:\s?(?P<post>[AaPp]\.?\s?[Mm]\.?))?\t(?P<rest>.*)$")
        .expect("LINE record pattern")
});

/// The time of a record line and what follows its first TAB.
fn parse_record(line: &str) -> Option<(NaiveTime, &str)> {
    let caps = RECORD.captures(line)?;
    let pm = match caps.name("pre").or(caps.name("post")) {
        Some(m) => Some(meridiem(m.as_str())?),
        None => None,
    };
    let time = clock(caps.name("h")?.as_str(), caps.name("m")?.as_str(), None, pm)?;
    Some((time, caps.name("rest")?.as_str()))
}

/// `Sat, 10/15/2022`, `15/10/2022`, `2024.01.02 Tuesday`, `2020/02/29(土)`, `2024/1/2週二`.
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<wd1>[A-Za-z]{3,9}),?\s+)?(?P<a>[0-9]{1,4})[./-](?P<b>[0-9]{1,2})[./-](?P<c>[0-9]{1,4})\.?\s*(?P<wd2>[^\t0-9]{0,12})$")
        .expect("LINE day pattern")
});

/// A day line's date, and its weekday when it names one.
fn parse_day(line: &str) -> Option<(RawDate, Option<Weekday>)> {
    let caps = DAY.captures(line.trim())?;
    let date = RawDate::parse(caps.name("a")?.as_str(), caps.name("b")?.as_str(), caps.name("c")?.as_str())?;
    let named =
        [caps.name("wd1"), caps.name("wd2")].into_iter().flatten().map(|m| m.as_str()).find(|s| !s.trim().is_empty());
    match named {
        None => Some((date, None)),
        Some(name) => Some((date, Some(weekday(name)?))),
    }
}

/// A weekday in English, Japanese, Chinese or Korean (`Tue`, `Tuesday`,
/// `(火)`, `火曜日`, `週二`, `（四）`, `화요일`).
fn weekday(name: &str) -> Option<Weekday> {
    let bare = name.trim().trim_matches(|c| matches!(c, '(' | ')' | '（' | '）')).trim();
    if bare.is_ascii() {
        const DAYS: [(&str, Weekday); 7] = [
            ("monday", Weekday::Mon),
            ("tuesday", Weekday::Tue),
            ("wednesday", Weekday::Wed),
            ("thursday", Weekday::Thu),
            ("friday", Weekday::Fri),
            ("saturday", Weekday::Sat),
            ("sunday", Weekday::Sun),
        ];
        let lower = bare.to_ascii_lowercase();
        return DAYS
            .iter()
            .find(|(full, _)| lower == *full || (lower.len() == 3 && full.starts_with(&lower)))
            .map(|(_, d)| *d);
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

/// A date anywhere in a preamble line (`Saved on: 10/16/2022, 14:05`): it
/// is written in the same locale as the day lines.
static DATE_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,4})[./-]([0-9]{1,2})[./-]([0-9]{1,4})").expect("date pattern"));

/// One record: a message, or a system line when `sender` is None.
struct Record {
    line: u32,
    time: NaiveTime,
    sender: Option<String>,
    text: String,
}

/// A record still collecting lines.
struct Open {
    date: RawDate,
    record: Record,
    /// The text exactly as written, for a quote that turns out not to be one.
    raw: String,
    in_quote: bool,
    /// Blank lines seen after an unquoted record: its text if more follows,
    /// the gap before a day line otherwise.
    blanks: usize,
}

struct Reader<'s> {
    queue: DateOrderQueue<Record>,
    sink: &'s mut dyn Sink,
    day: Option<RawDate>,
    open: Option<Open>,
}

/// How a quoted text continues on a line.
enum Scan {
    Open,
    Closed,
    /// A closing quote with more text after it: not a quoted text after all.
    Broken,
}

/// Unquote `segment` into `out` (`""` → `"`).
fn scan_quoted(segment: &str, out: &mut String) -> Scan {
    let mut chars = segment.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '"' {
            out.push(c);
        } else if chars.next_if(|(_, c)| *c == '"').is_some() {
            out.push('"');
        } else {
            return if i + 1 == segment.len() { Scan::Closed } else { Scan::Broken };
        }
    }
    Scan::Open
}

impl Open {
    /// Take `segment` of a quoted text; a broken quote makes the text literal.
    fn scan(&mut self, segment: &str) {
        match scan_quoted(segment, &mut self.record.text) {
            Scan::Open => {}
            Scan::Closed => self.in_quote = false,
            Scan::Broken => {
                self.in_quote = false;
                self.record.text = self.raw.clone();
            }
        }
    }

    fn finish(self) -> (RawDate, Record) {
        let mut record = self.record;
        if self.in_quote {
            record.text = self.raw;
        }
        (self.date, record)
    }
}

impl Reader<'_> {
    fn line(&mut self, input: &Input, number: u32, line: &str) -> Result<(), ImportError> {
        let record = parse_record(line);
        if let Some(open) = self.open.as_mut().filter(|o| o.in_quote && record.is_none()) {
            append_line(input, open.record.line, &mut open.raw, line)?;
            open.record.text.push('\n');
            open.scan(line);
            return Ok(());
        }
        if let Some((time, rest)) = record {
            self.close_open()?;
            return self.start(number, time, rest, line);
        }
        if let Some((date, weekday)) = parse_day(line) {
            self.close_open()?;
            if let Some(order) = weekday.and_then(|w| date.order_for_weekday(w)) {
                self.queue.settle(order);
            }
            self.queue.observe(&date);
            self.day = Some(date);
            return Ok(());
        }
        match &mut self.open {
            Some(open) if line.trim().is_empty() => open.blanks += 1,
            // Older exports did not quote: a stray line continues the text.
            Some(open) => {
                for _ in 0..std::mem::take(&mut open.blanks) {
                    append_line(input, open.record.line, &mut open.record.text, "")?;
                }
                append_line(input, open.record.line, &mut open.record.text, line)?;
            }
            None if line.trim().is_empty() => {}
            None if self.day.is_none() => {
                for caps in DATE_IN_TEXT.captures_iter(line) {
                    if let Some(date) = RawDate::parse(&caps[1], &caps[2], &caps[3]) {
                        self.queue.observe(&date);
                    }
                }
            }
            None => self.sink.unparsed(number, line),
        }
        Ok(())
    }

    fn start(&mut self, number: u32, time: NaiveTime, rest: &str, line: &str) -> Result<(), ImportError> {
        let Some(date) = self.day else {
            self.sink.unparsed(number, line);
            return Ok(());
        };
        let (sender, text) = match rest.split_once('\t') {
            Some((sender, text)) if !sender.trim().is_empty() => (Some(clean_name(sender)), text),
            Some((_, text)) => (None, text),
            None => (None, rest),
        };
        let mut open = Open {
            date,
            record: Record { line: number, time, sender, text: String::new() },
            raw: text.to_owned(),
            in_quote: false,
            blanks: 0,
        };
        match text.strip_prefix('"') {
            Some(quoted) => {
                open.in_quote = true;
                open.scan(quoted);
            }
            None => open.record.text.push_str(text),
        }
        self.open = Some(open);
        Ok(())
    }

    fn close_open(&mut self) -> Result<(), ImportError> {
        if let Some(open) = self.open.take() {
            let (date, record) = open.finish();
            let bytes =
                record.text.len() + record.sender.as_ref().map_or(0, String::len) + std::mem::size_of::<Record>();
            let sink = &mut *self.sink;
            self.queue.push(date, record, bytes, &mut |d, r| emit(sink, d, r))?;
        }
        Ok(())
    }
}

/// Placeholders LINE writes for attachments (English, Japanese, Chinese;
/// the Korean ones are assumed).
const MEDIA: &[&str] = &[
    "[Photo]",
    "[Sticker]",
    "[Video]",
    "[File]",
    "[Voice message]",
    "[Album]",
    "[Contact]",
    "[Location]",
    "[写真]",
    "[スタンプ]",
    "[動画]",
    "[ファイル]",
    "[ボイスメッセージ]",
    "[アルバム]",
    "[連絡先]",
    "[位置情報]",
    "[照片]",
    "[貼圖]",
    "[影片]",
    "[檔案]",
    "[語音訊息]",
    "[사진]",
    "[스티커]",
    "[동영상]",
    "[파일]",
];

static RULES: LazyLock<Vec<EventRule>> = LazyLock::new(|| {
    vec![
        EventRule::new(r"^(?P<actor>.+?) added (?P<subjects>.+) to the group\.?$", EventKind::Invited),
        EventRule::new(r"^(?P<actor>.+?) removed (?P<subjects>.+) from the group\.?$", EventKind::Kicked),
        EventRule::new(r"^(?P<subjects>.+) joined the group\.?$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+) left the group\.?$", EventKind::Left),
        EventRule::new(r"^(?P<actor>.+?)が(?P<subjects>.+)をグループに追加しました。?$", EventKind::Invited),
        EventRule::new(r"^(?P<actor>.+?)が(?P<subjects>.+)をグループから削除しました。?$", EventKind::Kicked),
        EventRule::new(r"^(?P<subjects>.+?)がグループに参加しました。?$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+?)がグループを退会しました。?$", EventKind::Left),
    ]
});

fn emit(sink: &mut dyn Sink, date: Option<NaiveDate>, record: Record) -> Result<(), ImportError> {
    let Some(date) = date else {
        sink.unparsed(record.line, &record.text);
        return Ok(());
    };
    let at = date.and_time(record.time);
    match record.sender {
        Some(name) => {
            let text = text::nfc(&record.text);
            let kind = if MEDIA.contains(&text.as_str()) { MessageKind::Media } else { MessageKind::Text };
            sink.message(ChatMessage { line: record.line, at, sender: Speaker::named(name), text, kind })
        }
        None => match match_event(&RULES, record.text.trim()) {
            Some((kind, actor, subjects)) => {
                sink.event(ChatEvent { line: record.line, at: Some(at), kind, actor, subjects })
            }
            None => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests;
