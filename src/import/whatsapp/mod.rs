//! WhatsApp chat exports (`WhatsApp Chat with X.txt` from Android, `_chat.txt`
//! in `WhatsApp Chat - X.zip` from iOS), in any locale's date and clock.
//!
//! Lines are streamed: a message is handed on as soon as the next stamp
//! shows it is complete. The one thing a line cannot tell is whether
//! `3/6/18` is day or month first; [`DateOrderQueue`] holds messages (a
//! bounded number) until a date settles it, or else the messages' own time
//! order (or the day-first rule, reported in the import summary) does.
//!
//! The room takes its name from `created group "…"` or from the group name
//! phones write as author of system lines (the encryption notice), when
//! either comes before the first message; otherwise from the file name.
//! Nothing is buffered to find it. The first stamp fixes the file's style;
//! a line in another style starts a message only when an author follows
//! it, so a date quoted inside a message stays text.

mod cards;
mod locales;
mod stamp;
mod system;

use chrono::{NaiveDate, NaiveTime};

use self::cards::Cards;
use self::locales::is_notice;
use self::stamp::{Body, Shape, parse_stamp, split_body};
use self::system::{SystemLine, is_ios_system_text, message_kind, read_system, room_from_file_name, sender_name};
use super::chat_common::{DateOrderQueue, RawDate, append_line, clean_name};
use super::{ImportError, Importer, Input, Probe, Sink};
use crate::model::{ChatEvent, ChatMessage, EventKind, Platform, RoomInfo, Speaker};
use crate::text;

pub struct WhatsApp;

impl Importer for WhatsApp {
    fn id(&self) -> &'static str {
        "whatsapp"
    }
    /// Every WhatsApp export starts with a stamped line; KakaoTalk's
    /// stamps (`2015. 7. 9. 오후 8:34, name : text`) never take ` - ` or `]`.
    fn sniff(&self, probe: &Probe) -> bool {
        probe
            .head
            .lines()
            .find(|l| !l.trim().is_empty())
            .and_then(parse_stamp)
            .is_some_and(|(_, rest)| !rest.trim().is_empty())
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let mut reader = Reader {
            queue: DateOrderQueue::new(input),
            out: Output { sink, room: RoomState::new(room_from_file_name(input.file_name())), cards: Cards::default() },
            shape: None,
            open: None,
        };
        while let Some(line) = input.next_line()? {
            reader.line(input, input.line_number(), &line)?;
        }
        reader.finish(input)
    }
}

/// Longest author a line in another stamp style may have to start a
/// message: a display name or a number, never a sentence.
const MAX_AUTHOR_CHARS: usize = 60;

/// One message or system line, complete once the next stamp arrives.
struct Entry {
    line: u32,
    time: NaiveTime,
    kind: EntryKind,
    text: String,
}

enum EntryKind {
    Message {
        sender: String,
    },
    /// `author` is the group name iOS writes before system text.
    System {
        author: Option<String>,
    },
}

impl Entry {
    fn bytes(&self) -> usize {
        let sender = match &self.kind {
            EntryKind::Message { sender } => sender.len(),
            EntryKind::System { author } => author.as_ref().map_or(0, String::len),
        };
        self.text.len() + sender + std::mem::size_of::<Entry>()
    }
}

struct Reader<'s> {
    queue: DateOrderQueue<Entry>,
    out: Output<'s>,
    shape: Option<Shape>,
    open: Option<(RawDate, Entry)>,
}

impl Reader<'_> {
    fn line(&mut self, input: &Input, number: u32, line: &str) -> Result<(), ImportError> {
        let stamped = parse_stamp(line).map(|(stamp, rest)| (stamp, split_body(rest))).filter(|(stamp, body)| {
            self.shape.is_none_or(|shape| shape == stamp.shape)
                || matches!(body, Body::Message { author, .. } if author.chars().count() <= MAX_AUTHOR_CHARS)
        });
        if let Some((stamp, body)) = stamped {
            self.shape = Some(stamp.shape);
            self.close_open()?;
            let entry = match body {
                Body::Message { author, text } if is_ios_system_text(text) || is_notice(text) => Entry {
                    line: number,
                    time: stamp.time,
                    kind: EntryKind::System { author: Some(clean_name(author)) },
                    text: text.to_owned(),
                },
                Body::Message { author, text } => Entry {
                    line: number,
                    time: stamp.time,
                    kind: EntryKind::Message { sender: sender_name(author) },
                    text: text.to_owned(),
                },
                Body::System(text) => Entry {
                    line: number,
                    time: stamp.time,
                    kind: EntryKind::System { author: None },
                    text: text.to_owned(),
                },
            };
            self.open = Some((stamp.date, entry));
            return Ok(());
        }
        match &mut self.open {
            Some((_, entry)) => append_line(input, entry.line, &mut entry.text, line),
            None => {
                if !line.trim().is_empty() {
                    self.out.sink.unparsed(number, line);
                }
                Ok(())
            }
        }
    }

    fn close_open(&mut self) -> Result<(), ImportError> {
        if let Some((date, entry)) = self.open.take() {
            let bytes = entry.bytes();
            let out = &mut self.out;
            self.queue.push(date, entry, bytes, &mut |d, e| out.emit(d, e))?;
        }
        Ok(())
    }

    fn finish(mut self, input: &Input) -> Result<(), ImportError> {
        self.close_open()?;
        let out = &mut self.out;
        self.queue.finish(&mut |d, e| out.emit(d, e))?;
        self.out.room.ensure(self.out.sink)?;
        self.out.cards.send(input, self.out.sink)
    }
}

/// The room, sent once before the first message or event.
struct RoomState {
    name: String,
    /// Whether the name came from the file itself rather than its file name.
    named_by_content: bool,
    sent: bool,
}

impl RoomState {
    fn new(file_name_room: String) -> Self {
        RoomState { name: file_name_room, named_by_content: false, sent: false }
    }

    fn learn(&mut self, name: &str) {
        if !self.sent && !self.named_by_content && !name.is_empty() {
            self.name = name.to_owned();
            self.named_by_content = true;
        }
    }

    fn ensure(&mut self, sink: &mut dyn Sink) -> Result<(), ImportError> {
        if !self.sent {
            self.sent = true;
            sink.room(RoomInfo { platform: Platform::WhatsApp, name: self.name.clone(), external_id: None })?;
        }
        Ok(())
    }
}

struct Output<'s> {
    sink: &'s mut dyn Sink,
    room: RoomState,
    /// Contact cards messages attached, read from the zip once the chat is read.
    cards: Cards,
}

impl Output<'_> {
    fn emit(&mut self, date: Option<NaiveDate>, entry: Entry) -> Result<(), ImportError> {
        let Some(date) = date else {
            self.sink.unparsed(entry.line, &entry.text);
            return Ok(());
        };
        let at = date.and_time(entry.time);
        match entry.kind {
            EntryKind::Message { sender } => {
                self.room.ensure(self.sink)?;
                let kind = message_kind(&entry.text);
                let text = text::nfc(&entry.text);
                let message = ChatMessage { line: entry.line, at, sender: Speaker::named(sender), text, kind };
                self.cards.note(&message);
                self.sink.message(message)
            }
            EntryKind::System { author } => {
                if let Some(group) = &author {
                    self.room.learn(group);
                }
                let (kind, actor, subjects) = match read_system(&entry.text) {
                    SystemLine::Created { creator, title } => {
                        self.room.learn(&title);
                        (EventKind::Joined, None, vec![creator])
                    }
                    SystemLine::Event { kind, actor, subjects } => (kind, actor, subjects),
                    SystemLine::Other => return Ok(()),
                };
                self.room.ensure(self.sink)?;
                self.sink.event(ChatEvent { line: entry.line, at: Some(at), kind, actor, subjects })
            }
        }
    }
}

#[cfg(test)]
mod tests;
