//! Reading a KakaoTalk `.txt` export line by line.
//!
//! Only the message being read is held: it is sent to the sink when the next
//! message, system or day line starts, so memory stays bounded whatever the
//! file's size. Lines before the dialect is known are header lines, day lines
//! or reported as unparsed.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::{Dialect, Emitter, Record, chat_event, room, speaker, stamp, system};
use crate::import::{ImportError, Input, Sink};
use crate::model::Speaker;

/// Read a `.txt` export of any KakaoTalk app into `sink`.
pub(super) fn read(input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
    let mut reader = TextReader {
        out: Emitter::new(sink, room::room_from_file_name(input.file_name())),
        dialect: None,
        day: None,
        pending: None,
        started: false,
        first: None,
        senders: HashMap::default(),
        file: input.file().to_owned(),
        max_message: input.max_line_bytes(),
    };
    while let Some((no, line)) = input.read_line()? {
        reader.line(no, line)?;
    }
    reader.flush()?;
    let TextReader { out, first, .. } = reader;
    out.finish(input, first)
}

/// A message whose continuation lines may still follow.
struct Pending {
    line: u32,
    at: NaiveDateTime,
    sender: Speaker,
    text: String,
}

struct TextReader<'s> {
    out: Emitter<'s>,
    dialect: Option<Dialect>,
    /// The day of the last day line: PC messages and bare iOS clocks need it.
    day: Option<NaiveDate>,
    pending: Option<Pending>,
    /// A message has started: header-like lines are text from now on.
    started: bool,
    /// The first non-blank line, for the "no messages" error.
    first: Option<(u32, String)>,
    /// Senders as written → as normalised: a room has few senders, and NFC
    /// on every line would be the reader's largest cost. Looked up on every
    /// message, so with a fast hash that is still seeded against crafted names.
    senders: HashMap<String, Speaker, foldhash::fast::RandomState>,
    /// For errors: the file's name as shown.
    file: String,
    /// Longest message text, continuation lines included (the line limit).
    max_message: usize,
}

/// Most senders remembered; open chats with more just normalise again.
const MAX_SENDERS: usize = 10_000;

impl TextReader<'_> {
    fn line(&mut self, no: u32, line: &str) -> Result<(), ImportError> {
        if self.first.is_none() && !line.trim().is_empty() {
            self.first = Some((no, line.chars().take(80).collect()));
            if let Some(name) = room::room_in_header(line) {
                self.out.name_room(name);
            }
        }
        let Some(dialect) = self.dialect.or_else(|| Dialect::detect(line, self.day.is_some())) else {
            match stamp::day_line(line) {
                Some(day) => self.day = Some(day),
                None => self.stray(no, line),
            }
            return Ok(());
        };
        self.dialect = Some(dialect);
        match dialect.classify(line, self.day) {
            Some(Record::Message { at, sender, text }) if !super::is_blank(sender) => {
                self.flush()?;
                self.started = true;
                let sender = self.sender(sender, dialect);
                self.pending = Some(Pending { line: no, at, sender, text: text.to_owned() });
            }
            Some(Record::Message { at, text, .. }) => self.system(no, Some(at), text, dialect)?,
            Some(Record::System { at, text }) => self.system(no, at, text, dialect)?,
            Some(Record::Day(day)) => {
                self.flush()?;
                self.day = Some(day);
            }
            None => match &mut self.pending {
                Some(message) => {
                    if message.text.len() + line.len() >= self.max_message {
                        let (file, line, limit) = (self.file.clone(), message.line, self.max_message);
                        let reason =
                            crate::import::Reason::said("reason_message_too_long", crate::args![limit => limit]);
                        return Err(ImportError::Malformed { file, line, reason });
                    }
                    message.text.push('\n');
                    message.text.push_str(line);
                }
                None => self.stray(no, line),
            },
        }
        Ok(())
    }

    /// A system line ends the message before it; membership sentences become events.
    fn system(&mut self, no: u32, at: Option<NaiveDateTime>, text: &str, dialect: Dialect) -> Result<(), ImportError> {
        self.flush()?;
        match system::parse(text) {
            Some(event) => self.out.event(chat_event(no, at, event, dialect.labels_me())),
            None => Ok(()),
        }
    }

    /// A line that belongs to no message: blank lines, the header and notices
    /// are expected; anything else is reported.
    fn stray(&mut self, no: u32, line: &str) {
        let expected =
            line.trim().is_empty() || (!self.started && room::is_header_line(line)) || system::is_notice(line);
        if !expected {
            self.out.unparsed(no, line);
        }
    }

    fn sender(&mut self, name: &str, dialect: Dialect) -> Speaker {
        if let Some(known) = self.senders.get(name) {
            return known.clone();
        }
        let found = speaker(name, dialect.labels_me());
        if self.senders.len() < MAX_SENDERS {
            self.senders.insert(name.to_owned(), found.clone());
        }
        found
    }

    fn flush(&mut self) -> Result<(), ImportError> {
        match self.pending.take() {
            Some(m) => self.out.message(m.line, m.at, m.sender, m.text),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::import::{Collected, Input};
    use crate::model::{EventKind, MessageKind};

    fn read(name: &str, text: &str) -> Collected {
        let mut sink = Collected::default();
        super::read(&mut Input::from_text(name, text), &mut sink).expect("reads");
        sink
    }

    #[test]
    fn pc_korean_with_tricky_lines() {
        let text = "\u{feff}김하늘 님과 카카오톡 대화\r\n저장한 날짜 : 2020-11-03 10:44:52\n\r\n\
            --------------- 2020년 6월 28일 일요일 ---------------\r\n\
            [김하늘] [오전 1:01] 사진\r\n\
            [황하린[조교]] [오후 1:03] 공지 : 내일\n\
            - 번호표 배부 : 녹화일 9:00 ~ 18:20\r\n\
            [가짜] [오후 2:00] 처럼 보이는 줄은 아닙니다\r\n\
            2020년 6월 28일 오후 8:34, 박하준 : 안드로이드 줄\n\
            \n\
            Day 2 : https://example.com\r\n\
            [] [20:35] 시스템 알림\r\n\
            수아님을 초대하였습니다.\r\n\
            홍길동님이 들어왔습니다.운영정책을 위반한 메시지로 신고 접수 시 제재될 수 있습니다.\r\n\
            [테스트] [20:36] ㅎㅇ\r\n\
            테스트님이 나갔습니다.\r\n";
        let got = read("KakaoTalk_20200628_0101_01_001_group.txt", text);
        assert_eq!(got.rooms.len(), 1);
        assert_eq!(got.rooms[0].name, "김하늘");
        let messages: Vec<_> = got.messages.iter().map(|m| (m.line, m.sender.name.as_str(), m.text.as_str())).collect();
        assert_eq!(
            messages,
            vec![
                (5, "김하늘", "사진"),
                (6, "황하린[조교]", "공지 : 내일\n- 번호표 배부 : 녹화일 9:00 ~ 18:20"),
                (
                    8,
                    "가짜",
                    "처럼 보이는 줄은 아닙니다\n2020년 6월 28일 오후 8:34, 박하준 : 안드로이드 줄\n\nDay 2 : https://example.com"
                ),
                (15, "테스트", "ㅎㅇ"),
            ]
        );
        assert_eq!(got.messages[0].kind, MessageKind::Media);
        assert!(!got.messages[0].sender.me);
        assert_eq!(got.messages[3].at.to_string(), "2020-06-28 20:36:00");
        let events: Vec<_> = got.events.iter().map(|e| (e.kind.clone(), e.subjects[0].name.as_str(), e.at)).collect();
        assert_eq!(
            events,
            vec![
                (EventKind::Invited, "수아", None),
                (EventKind::Joined, "홍길동", None),
                (EventKind::Left, "테스트", None)
            ]
        );
        assert!(got.unparsed.is_empty(), "{:?}", got.unparsed);
    }

    #[test]
    fn english_header_with_korean_dates() {
        let text = "스터디방 with KakaoTalk Chats\nDate Saved : 2015-08-03 00:47:14\n\n\
            --------------- 2015년 8월 1일 토요일 ---------------\n\
            [서ㅇ] [오후 2:37] 슬랙 읽어주세요 ㅠㅠ......\n\
            서ㅇ invited 박하준.\n\
            --------------- Sunday, August 2, 2015 ---------------\n\
            [서ㅇ] [4:29 PM] photo\n";
        let got = read("windows_kr.txt", text);
        assert_eq!(got.rooms[0].name, "스터디방");
        assert_eq!(got.messages.len(), 2);
        assert_eq!(got.messages[1].at.to_string(), "2015-08-02 16:29:00");
        assert_eq!(got.messages[1].kind, MessageKind::Media);
        assert_eq!(got.events[0].actor.as_ref().map(|a| a.name.as_str()), Some("서ㅇ"));
    }

    #[test]
    fn android_labels_me_and_keeps_unnamed_group() {
        let text = "서도윤 멘토님,박하준 소마,강서연 소마 4 님과 카카오톡 대화\r\n저장한 날짜 : 2015년 8월 3일 오전 12:51\n\r\n\r\n\
            2015년 7월 9일 오후 8:34\r\n\
            2015년 7월 9일 오후 8:34, 박하준 소마님이 김지호님과 강서연 소마님을 초대했습니다.\r\n\
            2015년 7월 9일 오후 8:34, 박하준 소마 : 안녕하세요. 저는 박하준라고합니다!\r\n\
            2015년 7월 9일 오후 8:44, 회원님 : 네 맞아요 ㅋㅋㅋ\r\n\
            2015년 7월 9일 오후 8:45에 봐요\r\n";
        let got = read("KakaoTalkChats.txt", text);
        assert_eq!(got.rooms[0].name, "서도윤 멘토님,박하준 소마,강서연 소마");
        assert_eq!(got.messages.len(), 2);
        assert!(got.messages[1].sender.me);
        assert_eq!(got.messages[1].sender.name, "회원님");
        assert_eq!(got.messages[1].text, "네 맞아요 ㅋㅋㅋ\n2015년 7월 9일 오후 8:45에 봐요");
        let subjects: Vec<_> = got.events[0].subjects.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(subjects, ["김지호", "강서연 소마"]);
        assert_eq!(got.events[0].at.map(|t| t.to_string()).as_deref(), Some("2015-07-09 20:34:00"));
    }

    #[test]
    fn ios_2025_room_from_file_name_and_24h_times() {
        let text = "Talk_2025.8.8 21:50-1.txt\n저장한 날짜 : 2025. 8. 8. 21:54\n\n\n\n\
            2025년 6월 8일 일요일\n\
            2025. 6. 8. 16:20, 홍길동 : 사진 18장\n\
            2025. 6. 8. 16:21, (알수없음) : 삭제된 메시지입니다. \n\
            \n\
            2025년 6월 9일 월요일\n\
            2025. 6. 9. 10:57: 홍길동님이 나갔습니다.\n\
            2026. 2. 2. 오전 7:33, 회원님 : 끝\n";
        let got = read("Talk_2025.8.8 21:50-2.txt", text);
        assert_eq!(got.rooms[0].name, "Talk_2025.8.8 21:50");
        let kinds: Vec<_> = got.messages.iter().map(|m| (m.sender.name.as_str(), m.kind, m.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                ("홍길동", MessageKind::Media, "사진 18장"),
                ("(알수없음)", MessageKind::Deleted, "삭제된 메시지입니다."),
                ("회원님", MessageKind::Text, "끝"),
            ]
        );
        assert_eq!(got.events.len(), 1);
    }

    #[test]
    fn ios_english_2026_and_bare_clocks() {
        let text = "Talk_2026.4.25 10:20-1.txt\nDate Saved : Feb 13, 2026 at 18:42\n\
            Sunday, February 1, 2026\n\
            Feb 1, 2026 at 20:29: Bob invited Alice.\n\
            Feb 1, 2026 at 20:35, Alice : text\n\
            Feb 1, 2026 at 20:36, You : hi\n";
        let got = read("Talk_2026.4.25 10:20-1.txt", text);
        assert_eq!(got.messages.len(), 2);
        assert!(got.messages[1].sender.me);
        assert_eq!(got.events[0].kind, EventKind::Invited);
        let bare = "테스트방 님과 카카오톡 대화\n저장한 날짜 : 2021. 12. 30. 오전 1:00\n\n\
            2021년 12월 29일 수요일\n오후 8:36, 테스트 : ㅎㅇ\n오후 8:37, 테스트님이 나갔습니다.\n";
        let got = read("bare.txt", bare);
        assert_eq!(got.messages[0].at.to_string(), "2021-12-29 20:36:00");
        assert_eq!(got.events[0].kind, EventKind::Left);
    }

    #[test]
    fn stray_lines_before_the_first_message_are_reported() {
        let text = "김하늘 님과 카카오톡 대화\n저장한 날짜 : 2020-11-03 10:44:52\n누가 적어 둔 메모\n\
            --------------- 2020년 6월 28일 일요일 ---------------\n[김하늘] [오전 1:01] 안녕\n";
        let got = read("a.txt", text);
        assert_eq!(got.unparsed, vec![(3, "누가 적어 둔 메모".to_owned())]);
        assert_eq!(got.messages.len(), 1);
    }

    #[test]
    fn a_header_without_messages_is_empty() {
        let mut sink = Collected::default();
        let text = "김하늘 님과 카카오톡 대화\n저장한 날짜 : 2020-11-03 10:44:52\n\n";
        match super::read(&mut Input::from_text("a.txt", text), &mut sink) {
            Err(crate::import::ImportError::Empty { line: 1, reason, .. }) => {
                assert!(reason.to_string().contains("김하늘 님과"))
            }
            other => panic!("expected Empty, got {other:?}"),
        }
    }
}
