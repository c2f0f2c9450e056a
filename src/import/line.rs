//! LINE chat histories: the phone app's "Send chat history" and the
//! desktop app's "Save chat" (Windows, macOS), in the English, Japanese,
//! Chinese, Thai and Korean UI.
//!
//! A phone export starts with `[LINE] …` naming the room, then day lines
//! (`Sat, 10/15/2022`, `2020/02/29(土)`, `10/07/2562 BE`) and TAB-separated
//! records `TIME⇥SENDER⇥TEXT`; an empty sender marks a system line. A text
//! with line breaks is wrapped in double quotes (`""` is a literal quote).
//! The records end in CRLF while breaks inside quotes are bare LF or CR, but
//! [`Input`] strips line ends, so the quote state is tracked across lines
//! instead; a line shaped like a record ends a quote that was never closed.
//!
//! A desktop "Save chat" file (group rooms, mostly) has no header: it starts
//! with a day line (`2025.02.15 Saturday`, `2025.12.30 火曜日`) and the room
//! is named after the file. Some builds separate the fields with spaces
//! (`23:43 natsumi_ スタンプ`): the sender is then a name seen whole before
//! (the room's, or one a system line gave), else the first word, as nothing
//! else marks where a name ends.

mod stamps;
mod words;

use chrono::{Days, NaiveDate, NaiveTime};

use super::chat_common::{DateOrderQueue, RawDate, append_line, clean_name, is_bidi_mark, match_event};
use super::{ImportError, Importer, Input, Language, Probe, Sink};
use crate::import::Reason;
use crate::model::{ChatEvent, ChatMessage, MessageKind, Platform, RoomInfo, Speaker};
use crate::text;
use stamps::{DATE_IN_TEXT, Separator, Stamp, buddhist_era, common_era, parse_day, parse_record};
use words::{DEFAULT_ROOM, MEDIA, RULES, room_from_file_name, room_name};

pub struct Line;

impl Importer for Line {
    fn id(&self) -> &'static str {
        "line"
    }
    fn sniff(&self, probe: &Probe) -> bool {
        let mut lines = probe.head.lines().flat_map(|l| l.split('\r')).filter(|l| !l.trim().is_empty());
        match lines.next() {
            Some(first) if room_name(first).is_some() => true,
            // A desktop file: a day line naming its weekday, then a record.
            Some(first) => {
                matches!(parse_day(first), Some((_, Some(_))))
                    && lines.next().is_some_and(|l| parse_record(l, None).is_some())
            }
            None => false,
        }
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let first = loop {
            match input.next_line()? {
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
                None => return Err(input.malformed(input.line_number(), Reason::said("reason_empty_file", Vec::new()))),
            }
        };
        // A file with bare CRs for line ends is one line to [`Input`].
        let (top, after_top) = first.split_once('\r').unwrap_or((&first, ""));
        let header = room_name(top);
        if header.is_none() && parse_day(top).is_none() {
            return Err(input.malformed(input.line_number(), Reason::said("reason_not_line", Vec::new())));
        }
        let name = header.clone().unwrap_or_else(|| room_from_file_name(input.file_name()));
        // A 1:1 room is named after the other member.
        let names = if name == DEFAULT_ROOM { Vec::new() } else { vec![name.clone()] };
        sink.room(RoomInfo { platform: Platform::Line, name, external_id: None })?;
        let mut reader =
            Reader { queue: DateOrderQueue::new(input), sink, day: None, open: None, separator: None, names };
        reader.lines(input, input.line_number(), if header.is_some() { after_top } else { &first })?;
        while let Some(line) = input.next_line()? {
            reader.lines(input, input.line_number(), &line)?;
        }
        reader.close_open()?;
        let sink = &mut *reader.sink;
        reader.queue.finish(&mut |d, r| emit(sink, d, r))
    }
    fn language(&self, probe: &Probe) -> Option<Language> {
        buddhist_era(probe.head).then_some(Language::Thai)
    }
}

/// One record: a message, or a system line when `sender` is None.
struct Record {
    line: u32,
    time: NaiveTime,
    /// The time is past midnight of the record's day line (`24:05`).
    next_day: bool,
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
    /// How the file separates fields, from its first record on.
    separator: Option<Separator>,
    /// Names seen whole (the room's, those in system lines), longest
    /// first: where a space-separated record's sender ends.
    names: Vec<String>,
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
    /// One line of the input; a bare CR inside it breaks it in two.
    fn lines(&mut self, input: &Input, number: u32, line: &str) -> Result<(), ImportError> {
        line.split('\r').try_for_each(|piece| self.line(input, number, piece))
    }

    fn line(&mut self, input: &Input, number: u32, line: &str) -> Result<(), ImportError> {
        let record = parse_record(line, self.separator);
        if let Some(open) = self.open.as_mut().filter(|o| o.in_quote && record.is_none()) {
            append_line(input, open.record.line, &mut open.raw, line)?;
            open.record.text.push('\n');
            open.scan(line);
            return Ok(());
        }
        if let Some(stamp) = record {
            self.close_open()?;
            return self.start(number, stamp, line);
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
            // The preamble says when the file was saved; anything else there is unread.
            None if self.day.is_none() => {
                let mut dated = false;
                for caps in DATE_IN_TEXT.captures_iter(line) {
                    if let Some(date) = common_era(&caps[1], &caps[2], &caps[3]) {
                        self.queue.observe(&date);
                        dated = true;
                    }
                }
                if !dated {
                    self.sink.unparsed(number, line);
                }
            }
            None => self.sink.unparsed(number, line),
        }
        Ok(())
    }

    fn start(&mut self, number: u32, stamp: Stamp, line: &str) -> Result<(), ImportError> {
        let Some(date) = self.day else {
            self.sink.unparsed(number, line);
            return Ok(());
        };
        self.separator = Some(stamp.separator);
        let (sender, text) = self.split_sender(stamp.rest, stamp.separator);
        let mut open = Open {
            date,
            record: Record { line: number, time: stamp.time, next_day: stamp.next_day, sender, text: String::new() },
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

impl Reader<'_> {
    /// The sender and the text of a record after its time; no sender for a
    /// system line (an empty sender field, or a space-separated line that
    /// is a membership line as a whole, whose names are then known whole).
    fn split_sender<'r>(&mut self, rest: &'r str, separator: Separator) -> (Option<String>, &'r str) {
        if separator == Separator::Tab {
            return match rest.split_once('\t') {
                Some((sender, text)) if !sender.trim().is_empty() => (Some(clean_name(sender)), text),
                Some((_, text)) => (None, text),
                None => (None, rest),
            };
        }
        if let Some((_, actor, subjects)) = match_event(&RULES, &without_marks(rest)) {
            self.names.extend(actor.into_iter().chain(subjects).map(|s| s.name).filter(|n| n.contains(' ')));
            self.names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            self.names.dedup();
            return (None, rest);
        }
        let known = self.names.iter().find(|n| rest.strip_prefix(n.as_str()).is_some_and(|t| t.starts_with(' ')));
        match known {
            Some(name) => (Some(name.clone()), &rest[name.len() + 1..]),
            None => match rest.split_once(' ') {
                Some((sender, text)) if !sender.trim().is_empty() => (Some(clean_name(sender)), text),
                _ => (None, rest),
            },
        }
    }
}

/// System text without the direction isolates LINE wraps names in
/// (`\u{2068}\u{2068}Alice\u{2069}\u{2069} joined the group.`).
fn without_marks(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_mark(*c)).collect()
}

fn emit(sink: &mut dyn Sink, date: Option<NaiveDate>, record: Record) -> Result<(), ImportError> {
    let Some(date) = date else {
        sink.unparsed(record.line, &record.text);
        return Ok(());
    };
    let date = if record.next_day { date.checked_add_days(Days::new(1)).unwrap_or(date) } else { date };
    let at = date.and_time(record.time);
    match record.sender {
        Some(name) => {
            let text = text::nfc(&record.text);
            let kind = if MEDIA.contains(&text.as_str()) { MessageKind::Media } else { MessageKind::Text };
            sink.message(ChatMessage { line: record.line, at, sender: Speaker::named(name), text, kind })
        }
        None => match match_event(&RULES, without_marks(&record.text).trim()) {
            Some((kind, actor, subjects)) => {
                sink.event(ChatEvent { line: record.line, at: Some(at), kind, actor, subjects })
            }
            None => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests;
