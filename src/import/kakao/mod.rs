//! KakaoTalk chat exports: the `.txt` files of the Windows, Android and iOS
//! apps (Korean or English UI, every app version seen) and the PC/macOS
//! `.csv` export.
//!
//! KakaoTalk has no single export format: each platform, UI language and app
//! version writes its own grammar (see `formats-reference.md` §1). The `.txt`
//! importer decides the grammar once from the first line that has one of the
//! known shapes ([`Dialect::detect`]) and then reads every line by that
//! grammar, so a continuation line that looks like another dialect's message
//! stays text. The pieces every dialect shares live beside this file: dates
//! and times ([`stamp`]), system sentences and placeholders ([`system`]), room
//! names ([`room`]); the dialects themselves in [`pc`] and [`mobile`]; the
//! streaming reader in [`stream`]; the CSV export in [`table`].

mod mobile;
mod pc;
mod room;
mod stamp;
mod stream;
mod system;
mod table;

#[cfg(test)]
mod truth_tests;

use chrono::{NaiveDate, NaiveDateTime};

use super::{ImportError, Importer, Input, Probe, Sink};
use crate::model::{ChatEvent, ChatMessage, Platform, RoomInfo, Speaker};
use mobile::Stamp;

/// The `.txt` exports of every KakaoTalk app.
pub struct KakaoText;

impl Importer for KakaoText {
    fn id(&self) -> &'static str {
        "kakao"
    }
    fn sniff(&self, probe: &Probe) -> bool {
        sniff_text(probe.head)
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        stream::read(input, sink)
    }
}

/// The `Date,User,Message` CSV of KakaoTalk for macOS and newer Windows.
pub struct KakaoCsv;

impl Importer for KakaoCsv {
    fn id(&self) -> &'static str {
        "kakao-csv"
    }
    fn sniff(&self, probe: &Probe) -> bool {
        probe.head.lines().next().is_some_and(table::is_header)
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        table::read(input, sink)
    }
}

/// What one line of a `.txt` export is, in its file's dialect.
#[derive(Debug, Clone, PartialEq)]
enum Record<'a> {
    Message {
        at: NaiveDateTime,
        sender: &'a str,
        text: &'a str,
    },
    /// A system line; PC system lines carry no time.
    System {
        at: Option<NaiveDateTime>,
        text: &'a str,
    },
    /// A day separator.
    Day(NaiveDate),
}

/// The grammar of one `.txt` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Pc,
    Mobile(Stamp),
}

impl Dialect {
    /// The dialect a line shows, if it is a message or day line of one.
    /// `seen_day`: a day line came before (needed to trust bare clock stamps).
    fn detect(line: &str, seen_day: bool) -> Option<Dialect> {
        if pc::message_line(line).is_some() || pc::separator(line).is_some() {
            return Some(Dialect::Pc);
        }
        mobile::detect(line, seen_day).map(Dialect::Mobile)
    }

    fn classify(self, line: &str, day: Option<NaiveDate>) -> Option<Record<'_>> {
        match self {
            Dialect::Pc => pc::classify(line, day),
            Dialect::Mobile(stamp) => mobile::classify(stamp, line, day),
        }
    }

    /// Mobile exports show the exporting user under a label, PC under their name.
    fn labels_me(self) -> bool {
        matches!(self, Dialect::Mobile(_))
    }
}

/// How mobile exports name the exporting user.
const ME_LABELS: [&str; 3] = ["회원님", "you", "You"];

/// A speaker as written, flagged as the exporter when `labels_me` and the
/// name is one of [`ME_LABELS`].
fn speaker(name: &str, labels_me: bool) -> Speaker {
    let name = crate::text::nfc(name);
    let me = labels_me && ME_LABELS.contains(&name.as_str());
    Speaker { name, me, id: None }
}

/// True when `name` is empty or only white space (a nameless notice), without
/// trimming it: this is asked of every message line.
fn is_blank(name: &str) -> bool {
    name.chars().all(char::is_whitespace)
}

/// A membership event from a system sentence.
fn chat_event(line: u32, at: Option<NaiveDateTime>, event: system::SystemEvent, labels_me: bool) -> ChatEvent {
    ChatEvent {
        line,
        at,
        kind: event.kind,
        actor: event.actor.map(|a| speaker(a, labels_me)),
        subjects: event.subjects.into_iter().map(|s| speaker(s, labels_me)).collect(),
    }
}

/// The way every reader hands records to the sink: the room once, before the
/// first message or event, and a count of messages for the emptiness check.
struct Emitter<'s> {
    sink: &'s mut dyn Sink,
    /// The room's name until it is sent.
    room: Option<String>,
    messages: u64,
}

impl<'s> Emitter<'s> {
    /// `room` is the name to use unless a header names the room first.
    fn new(sink: &'s mut dyn Sink, room: String) -> Self {
        Emitter { sink, room: Some(room), messages: 0 }
    }

    fn name_room(&mut self, name: String) {
        if let Some(room) = &mut self.room {
            *room = name;
        }
    }

    fn send_room(&mut self) -> Result<(), ImportError> {
        match self.room.take() {
            Some(name) => self.sink.room(RoomInfo { platform: Platform::Kakao, name, external_id: None }),
            None => Ok(()),
        }
    }

    fn message(&mut self, line: u32, at: NaiveDateTime, sender: Speaker, text: String) -> Result<(), ImportError> {
        self.send_room()?;
        self.messages += 1;
        let text = crate::text::nfc_owned(text);
        let kind = system::message_kind(&text);
        self.sink.message(ChatMessage { line, at, sender, text, kind })
    }

    fn event(&mut self, event: ChatEvent) -> Result<(), ImportError> {
        self.send_room()?;
        self.sink.event(event)
    }

    fn unparsed(&mut self, line: u32, text: &str) {
        self.sink.unparsed(line, text);
    }

    /// Ok when at least one message came out; else the file is reported
    /// empty, naming its first line.
    fn finish(self, input: &Input, first: Option<(u32, String)>) -> Result<(), ImportError> {
        if self.messages > 0 {
            return Ok(());
        }
        let (line, text) = first.unwrap_or((1, String::new()));
        Err(ImportError::Empty {
            file: input.file().to_owned(),
            line,
            reason: crate::import::Reason::said("reason_kakao_no_messages", crate::args![text => format!("{text:?}")]),
            hint: crate::import::EmptyHint::ExportAgain,
        })
    }
}

/// How many head lines may pass before the first dated line when the file has
/// no KakaoTalk header: enough for a title and notices, too few to find a
/// Kakao-looking line quoted deep inside another messenger's export.
const HEADERLESS_LINES: usize = 20;

/// True when the head has a KakaoTalk header, or a line in one of the
/// dialects near its start.
fn sniff_text(head: &str) -> bool {
    let mut header = false;
    let mut seen_day = false;
    for (index, line) in head.lines().enumerate() {
        if index < 5 && room::is_kakao_header(line) {
            header = true;
        }
        if let Some(dialect) = Dialect::detect(line, seen_day) {
            return header || dialect != Dialect::Mobile(Stamp::ClockOnly);
        }
        seen_day |= stamp::day_line(line).is_some();
        if !header && index >= HEADERLESS_LINES {
            return false;
        }
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_every_dialect_and_nothing_else() {
        let kakao = [
            "김하늘 님과 카카오톡 대화\n저장한 날짜 : 2020-11-03 10:44:52\n\n--------------- 2020년 6월 28일 일요일 ---------------\n[김하늘] [오전 1:01] 사진\n",
            "스터디방 with KakaoTalk Chats\nDate Saved : 2015-08-03 00:47:14\n\n--------------- 2015년 8월 1일 토요일 ---------------\n",
            "KakaoTalk Chats with 김하늘\nDate Saved : November 3, 2020, 1:08 PM\nFebruary 10, 2016, 2:33 AM\nFebruary 10, 2016, 2:33 AM, you : Photo\n",
            "Talk_2023.4.28 11:12-1.txt\n저장한 날짜 : 2023. 5. 2. 오후 8:06\n\n\n\n2022년 5월 13일 금요일\n2022. 5. 13. 오전 10:28, 센터 김실장 : 안녕하세요\n",
            "Talk_2026.4.25 10:20-1.txt\nDate Saved : Apr 25, 2026 at 10:38\nWednesday, December 31, 2014\nDec 31, 2014 at 19:12, 테스트 : hello\n",
            "테스트방 님과 카카오톡 대화\n\n2021년 12월 29일 수요일\n오후 8:36, 테스트 : ㅎㅇ\n",
            // A header alone still belongs here, so the reader can say the file is empty.
            "김하늘 님과 카카오톡 대화\n저장한 날짜 : 2020-11-03 10:44:52\n",
        ];
        for head in kakao {
            assert!(sniff_text(head), "{head}");
        }
        let other = [
            "15/10/2022, 15:15 - Messages and calls are end-to-end encrypted.\n15/10/2022, 15:15 - Ana: hi\n",
            "[15/10/2022, 15:15:00] Ana: hi\n",
            "[LINE] Chat history in 캡스톤\r\nSaved on: 10/16/2022, 14:05\r\n\r\nSat, 10/15/2022\r\n3:04PM\tAlice\ttext\r\n",
            "2025.08.04 星期一\n16:10 Alice text\n",
            "Date,User,Message\n2022-10-01 09:05:00,a,b\n",
            "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n",
            // A bare clock is too little to claim a file without a KakaoTalk header.
            "2021년 12월 29일 수요일\n오후 8:36, 테스트 : ㅎㅇ\n",
        ];
        for head in other {
            assert!(!sniff_text(head), "{head}");
        }
        let quoted = format!("{}[a] [오후 2:37] quoted\n", "15/10/2022, 15:15 - Ana: hi\n".repeat(30));
        assert!(!sniff_text(&quoted));
    }
}
