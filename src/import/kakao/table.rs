//! The KakaoTalk CSV export (macOS, and Windows "CSV 보내기"):
//!
//! ```text
//! Date,User,Message
//! 2015-07-09 20:34:26,"박하준","박하준 invited 김지호 and."
//! 2015-07-23 20:37:39,"박하준","first line
//! second line"
//! ,"","The message has been deleted."
//! ```
//! Fields are quoted and may span lines, so the `csv` crate reads the records,
//! one at a time; a record longer than the line limit is an error rather than
//! a memory hog. The room is named after the file.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use chrono::NaiveDateTime;

use super::{Emitter, chat_event, room, speaker, system};
use crate::args;
use crate::import::Reason;
use crate::import::{ImportError, Input, Sink};

/// True for the CSV's header line.
pub(super) fn is_header(line: &str) -> bool {
    let cells: Vec<&str> = line.trim().split(',').map(|c| c.trim_matches('"')).collect();
    cells == ["Date", "User", "Message"] || cells == ["날짜", "사용자", "메시지"]
}

/// Why reading stopped: the sink refused, or a record is broken.
enum Stop {
    Sink(ImportError),
    Record { line: u32, reason: Reason },
}

impl From<ImportError> for Stop {
    fn from(e: ImportError) -> Self {
        Stop::Sink(e)
    }
}

/// Read a KakaoTalk CSV export into `sink`.
pub(super) fn read(input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
    let mut out = Emitter::new(sink, room::room_from_file_name(input.file_name()));
    let limit = input.max_line_bytes();
    match read_records(input.reader(), limit, &mut out) {
        Ok(first) => out.finish(input, first),
        Err(Stop::Sink(e)) => Err(e),
        Err(Stop::Record { line, reason }) => Err(input.malformed(line, reason)),
    }
}

/// Returns the header line, for the "no messages" error.
fn read_records(reader: &mut dyn BufRead, limit: usize, out: &mut Emitter) -> Result<Option<(u32, String)>, Stop> {
    let record_start = Rc::new(Cell::new(0));
    let bounded = Bounded { inner: reader, given: 0, record_start: Rc::clone(&record_start), limit: limit as u64 };
    // Records split on `\n` alone: the crate's CRLF mode misnumbers lines, and
    // the `\r` left at the end of a field is trimmed with the field.
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(bounded);
    let mut record = csv::StringRecord::new();
    let mut first = None;
    let mut last_at = None;
    loop {
        let line = csv.position().line() as u32;
        match csv.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(first),
            Err(e) => {
                let reason = match e.kind() {
                    csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::InvalidData => {
                        Reason::said("reason_csv_record_too_long", args![limit => limit])
                    }
                    _ => Reason::said("reason_csv_record_unreadable", args![detail => e.to_string()]),
                };
                return Err(Stop::Record { line, reason });
            }
        }
        record_start.set(csv.position().byte());
        let line = record.position().map_or(line, |p| p.line() as u32);
        if first.is_none() {
            let header = record.iter().map(str::trim).collect::<Vec<_>>().join(",");
            first = Some((line, header.chars().take(80).collect()));
            if is_header(&header) {
                continue;
            }
        }
        row(line, &record, &mut last_at, out)?;
    }
}

/// One `Date,User,Message` row: a message, a system row (empty user, or a
/// sentence about the user themself as in `박하준 invited 김지호 and.`), or a
/// row reported as unparsed.
fn row(
    line: u32,
    record: &csv::StringRecord,
    last_at: &mut Option<NaiveDateTime>,
    out: &mut Emitter,
) -> Result<(), Stop> {
    let date = record.get(0).unwrap_or("").trim();
    let user = record.get(1).unwrap_or("").trim();
    // More than three cells: an unquoted message that held commas.
    let message = record.iter().skip(2).collect::<Vec<_>>().join(",").replace("\r\n", "\n");
    let parsed = NaiveDateTime::parse_from_str(date, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(date, "%Y-%m-%d %H:%M"))
        .ok();
    // Rows without a date (deleted messages) happened at the row before.
    let at = match (parsed, date.is_empty()) {
        (Some(at), _) => Some(at),
        (None, true) => *last_at,
        (None, false) => None,
    };
    let Some(at) = at else {
        out.unparsed(line, &record.iter().collect::<Vec<_>>().join(","));
        return Ok(());
    };
    *last_at = Some(at);
    let event = system::parse(&message)
        .filter(|e| user.is_empty() || e.actor == Some(user) || (e.actor.is_none() && e.subjects == [user]));
    if let Some(event) = event {
        out.event(chat_event(line, Some(at), event, false))?;
    } else if !user.is_empty() {
        out.message(line, at, speaker(user, false), message)?;
    }
    Ok(())
}

/// Hands the `csv` reader at most `limit` bytes past the start of the record
/// it is reading, so one endless quoted field cannot fill memory.
struct Bounded<'a> {
    inner: &'a mut dyn BufRead,
    given: u64,
    record_start: Rc<Cell<u64>>,
    limit: u64,
}

/// The `csv` reader buffers ahead of the record it parses.
const READ_AHEAD: u64 = 64 * 1024;

impl Read for Bounded<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.given.saturating_sub(self.record_start.get()) > self.limit + READ_AHEAD {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "record too long"));
        }
        let n = self.inner.read(buf)?;
        self.given += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use crate::import::{Collected, ImportError, Input};
    use crate::model::{EventKind, MessageKind};

    fn read(name: &str, text: &str) -> Result<Collected, ImportError> {
        let mut sink = Collected::default();
        super::read(&mut Input::from_text(name, text), &mut sink).map(|_| sink)
    }

    #[test]
    fn rows_of_every_kind() {
        let text = "Date,User,Message\r\n\
            2015-07-09 20:34:26,\"박하준\",\"박하준 invited 김지호 and.\"\r\n\
            2015-07-09 20:35:19,\"서ㅇ\",\"맞아용 ㅎㅎ\"\r\n\
            2015-07-23 20:37:39,\"박하준\",\"유저가 \"\"말\"\" 했어요! \n\n웹브라우저에서, 보세요\"\r\n\
            ,\"\",\"The message has been deleted.\"\r\n\
            2015-07-24 09:00:00,\"나\",\"나님이 나갔습니다.\"\r\n\
            2015-07-24 09:01:00,\"\",\"수아 has been removed from this chatroom.\"\r\n\
            2015-07-24 09:02:00,\"서ㅇ\",\"메시지가 삭제되었습니다.\"\r\n\
            2015-07-24 09:03:00,\"서ㅇ\",\"Stewie left this chatroom.\"\r\n";
        let got = read("KakaoTalk_Chat_스터디방_2015-08-03-00-29-58.csv", text).unwrap();
        assert_eq!(got.rooms[0].name, "스터디방");
        let messages: Vec<_> =
            got.messages.iter().map(|m| (m.line, m.sender.name.as_str(), m.text.as_str(), m.kind)).collect();
        assert_eq!(
            messages,
            vec![
                (3, "서ㅇ", "맞아용 ㅎㅎ", MessageKind::Text),
                (4, "박하준", "유저가 \"말\" 했어요! \n\n웹브라우저에서, 보세요", MessageKind::Text),
                (10, "서ㅇ", "메시지가 삭제되었습니다.", MessageKind::Deleted),
                // A sentence about someone else is what 서ㅇ typed.
                (11, "서ㅇ", "Stewie left this chatroom.", MessageKind::Text),
            ]
        );
        let events: Vec<_> = got.events.iter().map(|e| (e.line, e.kind.clone(), e.subjects[0].name.as_str())).collect();
        assert_eq!(
            events,
            vec![(2, EventKind::Invited, "김지호"), (8, EventKind::Left, "나"), (9, EventKind::Kicked, "수아")]
        );
        assert!(got.unparsed.is_empty(), "{:?}", got.unparsed);
    }

    #[test]
    fn a_huge_field_is_an_error_not_a_memory_hog() {
        let text = format!("Date,User,Message\n2015-07-09 20:34:26,\"a\",\"{}", "x".repeat(3 << 20));
        match read("a.csv", &text) {
            Err(ImportError::Malformed { line: 2, reason, .. }) => assert!(reason.to_string().contains("longer than")),
            other => panic!("expected Malformed, got {:?}", other.map(|c| c.messages.len())),
        }
    }

    #[test]
    fn header_only_is_empty() {
        assert!(matches!(read("a.csv", "Date,User,Message\n"), Err(ImportError::Empty { line: 1, .. })));
        assert!(super::is_header("\"Date\",\"User\",\"Message\""));
        assert!(!super::is_header("Date,Name,Phone"));
    }
}
