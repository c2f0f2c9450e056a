//! Address books saved as CSV: Google Contacts (old `Name,Given Name,…,Phone 1
//! - Type,Phone 1 - Value` and new `First Name,…,Phone 1 - Label`), Outlook
//! (`Mobile Phone,Business Phone,E-mail Address`), and any spreadsheet whose
//! header names name and phone or e-mail columns, Korean headers included
//! (`이름`, `휴대폰`, `이메일`, …).
//!
//! The header decides what each column means ([`Layout`]); addresses, web
//! pages and the like are not kept. A structurally broken file (a quote never
//! closed, a row with the wrong number of fields) is refused whole, with the
//! line, rather than imported with columns shifted.

use csv::StringRecord;

use super::contact::{compose_name, keep_valid, label_from_text};
use super::{ImportError, Importer, Input, Probe, Sink};
use crate::args;
use crate::import::Reason;
use crate::model::{ContactRecord, RawEmail, RawPhone};
use crate::text;

/// The `contacts-csv` importer.
pub struct ContactsCsvImporter;

/// Google packs several values of one kind into one cell with this separator.
const MULTI_VALUE: &str = ":::";

/// A phone or e-mail column, with where its label comes from.
#[derive(Debug, Clone)]
struct ReachColumn {
    column: usize,
    /// The label the header itself implies (`Mobile Phone` → mobile).
    label: Option<String>,
    /// Google's companion `Phone 1 - Type` / `Phone 1 - Label` column.
    label_column: Option<usize>,
    /// For Google pairs: (`phone`/`e-mail`, number) to find the label column.
    pair: Option<(String, String)>,
}

/// What the header says each column holds.
#[derive(Debug, Default)]
struct Layout {
    full: Option<usize>,
    given: Option<usize>,
    middle: Option<usize>,
    family: Option<usize>,
    org: Option<usize>,
    note: Option<usize>,
    birthday: Option<usize>,
    phones: Vec<ReachColumn>,
    emails: Vec<ReachColumn>,
}

fn contains_any(key: &str, words: &[&str]) -> bool {
    words.iter().any(|w| key.contains(w))
}

/// The label a phone column's header implies.
fn label_from_header(key: &str) -> Option<String> {
    let table: [(&[&str], &str); 7] = [
        (&["fax", "팩스"], "fax"),
        (&["mobile", "cell", "휴대", "핸드폰"], "mobile"),
        (&["pager"], "pager"),
        (&["home", "집", "자택"], "home"),
        (&["business", "company", "work", "회사", "직장"], "work"),
        (&["primary", "main", "대표"], "main"),
        (&["other", "기타"], "other"),
    ];
    table.iter().find(|(words, _)| contains_any(key, words)).map(|(_, label)| (*label).to_owned())
}

/// `phone 1 - value` → (`phone`, `1`, `value`).
fn numbered(key: &str) -> Option<(&str, &str, &str)> {
    let (left, part) = key.split_once(" - ")?;
    let (kind, number) = left.rsplit_once(' ')?;
    number.chars().all(|c| c.is_ascii_digit()).then_some((kind.trim(), number, part.trim()))
}

fn is_phone_header(key: &str) -> bool {
    !key.contains("phonetic")
        && (contains_any(key, &["phone", "fax", "pager", "mobile", "전화", "휴대", "핸드폰", "팩스"])
            || matches!(key, "tel" | "telephone" | "연락처" | "번호"))
}

fn is_email_header(key: &str) -> bool {
    contains_any(key, &["e-mail", "email", "메일", "전자우편"]) && !contains_any(key, &["display", "type", "label"])
}

impl Layout {
    fn from_header(header: &StringRecord) -> Layout {
        let mut layout = Layout::default();
        let mut pair_labels: Vec<((String, String), usize)> = Vec::new();
        let keys: Vec<String> = header.iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase()).collect();
        let korean_family = keys.iter().any(|k| k == "성");
        for (i, key) in keys.iter().enumerate() {
            let reach = |label, pair| ReachColumn { column: i, label, label_column: None, pair };
            if let Some((kind, number, part)) = numbered(key) {
                let kind = if kind == "email" { "e-mail" } else { kind };
                let pair = (kind.to_owned(), number.to_owned());
                match (kind, part) {
                    ("phone" | "e-mail", "type" | "label") => pair_labels.push((pair, i)),
                    ("phone", "value") => layout.phones.push(reach(None, Some(pair))),
                    ("e-mail", "value") => layout.emails.push(reach(None, Some(pair))),
                    ("organization", "name") => layout.org = layout.org.or(Some(i)),
                    _ => {}
                }
                continue;
            }
            let slot = match key.as_str() {
                "name" | "full name" | "display name" | "성명" | "전체 이름" => &mut layout.full,
                "이름" if !korean_family => &mut layout.full,
                "given name" | "first name" | "이름" => &mut layout.given,
                "additional name" | "middle name" => &mut layout.middle,
                "family name" | "last name" | "surname" | "성" => &mut layout.family,
                "organization name" | "company" | "organization" | "회사" | "회사명" | "소속" | "직장" => {
                    &mut layout.org
                }
                "notes" | "note" | "메모" => &mut layout.note,
                "birthday" | "생일" => &mut layout.birthday,
                _ if is_phone_header(key) => {
                    layout.phones.push(reach(label_from_header(key), None));
                    continue;
                }
                _ if is_email_header(key) => {
                    layout.emails.push(reach(None, None));
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        for column in layout.phones.iter_mut().chain(layout.emails.iter_mut()) {
            column.label_column = pair_labels.iter().find(|(p, _)| Some(p) == column.pair.as_ref()).map(|(_, i)| *i);
        }
        layout
    }

    fn names_someone(&self) -> bool {
        self.full.is_some() || self.given.is_some() || self.family.is_some()
    }

    fn reaches_someone(&self) -> bool {
        !self.phones.is_empty() || !self.emails.is_empty()
    }

    fn record(&self, line: u32, row: &StringRecord) -> ContactRecord {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(text::nfc).filter(|s| !s.is_empty());
        let (given, middle, family) = (cell(self.given), cell(self.middle), cell(self.family));
        let name = cell(self.full).or_else(|| compose_name(given.as_deref(), middle.as_deref(), family.as_deref()));
        let mut record = ContactRecord {
            line,
            name,
            given,
            family,
            middle,
            org: cell(self.org),
            note: cell(self.note),
            birthday: cell(self.birthday),
            ..ContactRecord::default()
        };
        for column in &self.phones {
            for (raw, label) in values(column, row) {
                record.phones.push(RawPhone { raw, label });
            }
        }
        for column in &self.emails {
            for (address, label) in values(column, row) {
                record.emails.push(RawEmail { address, label });
            }
        }
        record
    }
}

/// The values of one phone or e-mail cell, split at Google's ` ::: `, each
/// with its label (Google may pack the labels the same way).
fn values(column: &ReachColumn, row: &StringRecord) -> Vec<(String, Option<String>)> {
    let split = |s: &str| s.split(MULTI_VALUE).map(text::nfc).filter(|v| !v.is_empty()).collect::<Vec<_>>();
    let found = split(row.get(column.column).unwrap_or(""));
    let labels = split(column.label_column.and_then(|i| row.get(i)).unwrap_or(""));
    found
        .into_iter()
        .enumerate()
        .map(|(n, value)| {
            let label = match labels.len() {
                0 => column.label.clone(),
                1 => label_from_text(&labels[0]),
                _ => labels.get(n).and_then(|l| label_from_text(l)),
            };
            (value, label)
        })
        .collect()
}

/// The separator of the header line: whichever of comma, semicolon and tab
/// it uses most (outside quotes).
fn delimiter(header: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The bound on one CSV record (a row, with the line breaks inside its
/// quoted fields), checked as the file is read: a field of hundreds of MB
/// is refused at the line limit instead of being held, then parsed, whole.
pub(super) struct RecordBound {
    max: usize,
    quoted: bool,
    /// Bytes of the record so far, and the line it began on.
    run: usize,
    begun: u32,
    line: u32,
}

impl RecordBound {
    pub fn new(max: usize) -> RecordBound {
        RecordBound { max, quoted: false, run: 0, begun: 1, line: 1 }
    }

    /// The line of a record longer than the bound as the error. A doubled
    /// quote (`""`) toggles twice, so it keeps the field quoted.
    pub fn scan(&mut self, piece: &[u8]) -> Result<(), u32> {
        for &b in piece {
            self.run += 1;
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' => {
                    self.line = self.line.saturating_add(1);
                    if !self.quoted {
                        (self.run, self.begun) = (0, self.line);
                    }
                }
                _ => {}
            }
            if self.run > self.max {
                return Err(self.begun);
            }
        }
        Ok(())
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().delimiter(delimiter).has_headers(true).flexible(false).from_reader(text.as_bytes())
}

/// Find a quote that breaks the file's structure: one never closed (it would
/// swallow every row after it) or text glued after a closing quote. The
/// `csv` crate reads both silently, so they are checked here first.
fn check_quotes(text: &str, delimiter: char) -> Result<(), (u32, Reason)> {
    let (mut line, mut quote_line) = (1u32, 0u32);
    let (mut in_quotes, mut just_closed, mut field_start) = (false, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => (in_quotes, just_closed) = (false, true),
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        if just_closed && c != delimiter && c != '\n' && c != '\r' {
            return Err((line, Reason::said("reason_csv_text_after_quote", args![text => format!("{c:?}")])));
        }
        just_closed = false;
        match c {
            '"' if field_start => (in_quotes, quote_line, field_start) = (true, line, false),
            '\n' => (line, field_start) = (line + 1, true),
            '\r' => {}
            c if c == delimiter => field_start = true,
            _ => field_start = false,
        }
    }
    if in_quotes {
        return Err((quote_line, Reason::said("reason_csv_quote_not_closed", Vec::new())));
    }
    Ok(())
}

fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The header of `head`, read with the delimiter it uses.
fn header_of(head: &str) -> Option<StringRecord> {
    let line = first_line(head);
    let mut rows = csv::ReaderBuilder::new().delimiter(delimiter(line)).has_headers(false).from_reader(line.as_bytes());
    rows.records().next()?.ok()
}

/// The 1-based line where the record at a `position` starts. The `csv`
/// crate's own line count is one short after CRLF line ends (it counts the
/// `\n` of the previous row only once the next row has begun), so it is
/// counted here from the byte offset, past the line break the offset may
/// point into. Records come in order: each byte is counted once.
struct LineOf<'t> {
    bytes: &'t [u8],
    at: usize,
    breaks: usize,
}

impl<'t> LineOf<'t> {
    fn new(text: &'t str) -> LineOf<'t> {
        LineOf { bytes: text.as_bytes(), at: 0, breaks: 0 }
    }

    fn line(&mut self, position: Option<&csv::Position>) -> u32 {
        let Some(position) = position else { return 0 };
        let mut at = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(self.bytes.len());
        while matches!(self.bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        if at < self.at {
            (self.at, self.breaks) = (0, 0);
        }
        self.breaks += memchr::memchr_iter(b'\n', &self.bytes[self.at..at]).count();
        self.at = at;
        u32::try_from(self.breaks + 1).unwrap_or(u32::MAX)
    }
}

fn csv_error(input: &Input, text: &str, error: &csv::Error) -> ImportError {
    let line = LineOf::new(text).line(error.position());
    let reason = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            Reason::said("reason_csv_row_fields", args![len => *len, expected => *expected_len])
        }
        _ => Reason::said("reason_csv_row_unreadable", args![detail => error.to_string()]),
    };
    input.malformed(line, reason)
}

impl Importer for ContactsCsvImporter {
    fn id(&self) -> &'static str {
        "contacts-csv"
    }

    fn sniff(&self, probe: &Probe) -> bool {
        header_of(probe.head).is_some_and(|header| {
            let layout = Layout::from_header(&header);
            layout.names_someone() && layout.reaches_someone()
        })
    }

    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let mut bound = RecordBound::new(input.max_line_bytes());
        let text = input.read_records(&mut |piece| bound.scan(piece))?;
        let delimiter = delimiter(first_line(&text));
        check_quotes(&text, char::from(delimiter)).map_err(|(line, reason)| input.malformed(line, reason))?;
        let mut rows = reader(&text, delimiter);
        let header = rows.headers().map_err(|e| csv_error(input, &text, &e))?.clone();
        let layout = Layout::from_header(&header);
        if !layout.reaches_someone() {
            return Err(input.malformed(1, Reason::said("reason_csv_no_contact_column", Vec::new())));
        }
        let mut lines = LineOf::new(&text);
        for row in rows.records() {
            let row = row.map_err(|e| csv_error(input, &text, &e))?;
            if row.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let line = lines.line(row.position());
            let mut contact = layout.record(line, &row);
            keep_valid(&mut contact, sink);
            sink.contact(contact)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
