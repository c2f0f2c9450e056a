//! The bound on distinct members of one room. Importers and sinks keep a
//! record per member (speaker caches, rosters), so a file inventing a new
//! sender on every line would grow memory with the file; real groups top out
//! at a few thousand (KakaoTalk open chats: 1,500; Telegram supergroups:
//! 200,000, but an export only names those who spoke).

use std::collections::HashSet;

use foldhash::fast::RandomState;

use super::{ImportError, Importer, Input, Sink};
use crate::model::{ChatEvent, ChatMessage, ContactRecord, RoomInfo, Speaker};

/// Most distinct names (senders, actors, subjects) one room may have.
pub const MAX_ROOM_MEMBERS: usize = 100_000;

/// Run `importer` over `input` into `sink`, refusing a room with more than
/// [`MAX_ROOM_MEMBERS`] distinct members. Every import goes through here.
pub fn read_bounded(importer: &dyn Importer, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
    let file = input.file().to_owned();
    let mut bounded = Bounded { inner: sink, file, names: HashSet::default(), limit: MAX_ROOM_MEMBERS };
    importer.read(input, &mut bounded).map_err(|e| match e {
        // In an export of several files, the file the line is in.
        ImportError::TooManyMembers { line, limit, .. } => {
            let (file, line) = input.place(line);
            ImportError::TooManyMembers { file, line, limit }
        }
        other => other,
    })
}

struct Bounded<'s> {
    inner: &'s mut dyn Sink,
    file: String,
    names: HashSet<String, RandomState>,
    limit: usize,
}

impl Bounded<'_> {
    fn see(&mut self, line: u32, speaker: &Speaker) -> Result<(), ImportError> {
        if self.names.len() >= self.limit && !self.names.contains(&speaker.name) {
            return Err(ImportError::TooManyMembers { file: self.file.clone(), line, limit: self.limit });
        }
        if !self.names.contains(&speaker.name) {
            self.names.insert(speaker.name.clone());
        }
        Ok(())
    }
}

impl Sink for Bounded<'_> {
    fn contact(&mut self, contact: ContactRecord) -> Result<(), ImportError> {
        self.inner.contact(contact)
    }
    fn room(&mut self, room: RoomInfo) -> Result<(), ImportError> {
        self.names.clear();
        self.inner.room(room)
    }
    fn message(&mut self, message: ChatMessage) -> Result<(), ImportError> {
        self.see(message.line, &message.sender)?;
        self.inner.message(message)
    }
    fn event(&mut self, event: ChatEvent) -> Result<(), ImportError> {
        for speaker in event.actor.iter().chain(&event.subjects) {
            self.see(event.line, speaker)?;
        }
        self.inner.event(event)
    }
    fn unparsed(&mut self, line: u32, text: &str) {
        self.inner.unparsed(line, text)
    }
    fn kept_as_written(&mut self, line: u32, why: crate::i18n::Said) {
        self.inner.kept_as_written(line, why)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Collected;

    #[test]
    fn a_room_with_too_many_members_is_refused_with_file_and_line() {
        let mut sink = Collected::default();
        let mut bounded = Bounded { inner: &mut sink, file: "room.txt".into(), names: HashSet::default(), limit: 3 };
        let message = |i: u32, name: &str| ChatMessage {
            line: i,
            at: chrono::NaiveDate::from_ymd_opt(2022, 10, 15).unwrap().and_hms_opt(14, 2, 0).unwrap(),
            sender: Speaker { name: name.into(), me: false, id: None },
            text: "안녕".into(),
            kind: crate::model::MessageKind::Text,
        };
        for (i, name) in ["a", "b", "a", "c", "b"].into_iter().enumerate() {
            bounded.message(message(i as u32 + 1, name)).unwrap();
        }
        let err = bounded.message(message(9, "d")).unwrap_err();
        assert!(matches!(err, ImportError::TooManyMembers { line: 9, limit: 3, .. }), "{err}");
        assert!(err.to_string().contains("room.txt:9"), "{err}");
    }
}
