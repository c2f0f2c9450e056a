//! Instagram's and Facebook Messenger's "Download your information" JSON:
//! one file per part of a thread (`message_1.json`, `message_2.json`, …,
//! newest messages first), each with the thread's `participants`, its
//! `messages` (`sender_name`, `timestamp_ms`, `content`) and, after them, its
//! `title` and `thread_path`; and Messenger's newer export of end-to-end
//! encrypted chats, the same in camelCase (`senderName`, `timestamp`, `text`,
//! `threadName`, participants as plain names).
//!
//! Meta writes every non-ASCII character as the Latin-1 reading of its UTF-8
//! bytes (`\u00ed\u0095\u009c` for `한`): names and text are repaired where
//! they round-trip to valid UTF-8, never blindly.
//!
//! The title follows the messages, and a room is named before its first
//! message, so the file is read twice, both times as it streams: a first
//! pass skims for the title and participants (skipping the messages without
//! keeping them), the second hands each message on as it is parsed. Parts of
//! one thread share its `thread_path` and title: imported together they are
//! one room.

use std::fmt;

use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::chat_common::{repair_double_encoding, repaired_name};
use super::json_walk::Walk;
use super::{ImportError, Importer, Input, MAX_ROOM_MEMBERS, Probe, Sink};
use crate::args;
use crate::import::Reason;
use crate::model::{ChatEvent, ChatMessage, EventKind, MessageKind, Platform, RoomInfo, Speaker};
use crate::text;

pub struct InstagramJson;

impl Importer for InstagramJson {
    fn id(&self) -> &'static str {
        "instagram-json"
    }
    fn sniff(&self, probe: &Probe) -> bool {
        let head = probe.head.trim_start();
        head.starts_with('{')
            && ((head.contains("\"sender_name\"") && head.contains("\"timestamp_ms\""))
                || (head.contains("\"participants\"") && head.contains("\"senderName\"")))
    }
    /// In a folder or a zip of the download: every thread's parts, thread by
    /// thread (`inbox/capstone_123/message_1.json`, `message_2.json`, …).
    fn parts(&self, entries: &[&str]) -> Vec<usize> {
        let mut parts: Vec<(&str, u32, usize)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| {
                let (thread, file) = entry.rsplit_once('/').unwrap_or(("", entry));
                let number = file.strip_prefix("message_")?.strip_suffix(".json")?.parse().ok()?;
                Some((thread, number, i))
            })
            .collect();
        parts.sort();
        parts.into_iter().map(|(_, _, i)| i).collect()
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let platform =
            if input.file().to_lowercase().contains("instagram") { Platform::Instagram } else { Platform::Messenger };
        let mut thread_folder: Option<String> = None;
        loop {
            let folder = input.part_name().rsplit_once('/').map_or("", |(folder, _)| folder).to_owned();
            // A thread's first part names its room; its other parts add messages to it.
            if thread_folder.as_deref() != Some(folder.as_str()) {
                let mut thread = Thread::default();
                parse(input, Pass::Skim(&mut thread))?;
                input.rewind()?;
                let fallback = match folder.rsplit('/').next().filter(|f| !f.is_empty()) {
                    Some(thread_folder) => thread_folder.to_owned(),
                    None => input.file_name().trim_end_matches(".json").to_owned(),
                };
                sink.room(thread.room(platform, &fallback))?;
                if !thread.participants.is_empty() {
                    let subjects = thread.participants.iter().map(|name| speaker(name)).collect();
                    sink.event(ChatEvent { line: 0, at: None, kind: EventKind::Joined, actor: None, subjects })?;
                }
                thread_folder = Some(folder);
            }
            parse(input, Pass::Read(&mut Walk::new(sink)))?;
            if !input.next_part()? {
                return Ok(());
            }
        }
    }
}

/// Read the whole document once, as it streams, for one pass.
fn parse(input: &mut Input, mut pass: Pass) -> Result<(), ImportError> {
    let mut reader = input.json_reader();
    let mut parser = serde_json::Deserializer::from_reader(std::io::BufReader::new(&mut reader));
    let parsed = Top { pass: &mut pass }.deserialize(&mut parser).and_then(|()| parser.end());
    drop(parser);
    let walked = match &mut pass {
        Pass::Read(walk) => walk.failure.take(),
        Pass::Skim(_) => None,
    };
    if let Some(failure) = walked.or_else(|| reader.take_failure()) {
        return Err(failure);
    }
    parsed.map_err(|e| {
        input.malformed(
            u32::try_from(e.line()).unwrap_or(u32::MAX),
            Reason::said("reason_not_instagram", args![detail => e.to_string()]),
        )
    })
}

/// What a pass does with the document.
enum Pass<'p, 's> {
    /// Keep the thread's title and participants; skip the messages.
    Skim(&'p mut Thread),
    /// Hand every message on.
    Read(&'p mut Walk<'s>),
}

/// The thread a file is part of.
#[derive(Default)]
struct Thread {
    title: Option<String>,
    path: Option<String>,
    participants: Vec<String>,
}

impl Thread {
    /// The room, named by its title, else its participants, else `fallback`
    /// (the thread's folder or the file's name).
    fn room(&self, platform: Platform, fallback: &str) -> RoomInfo {
        let name = match (&self.title, self.participants.is_empty()) {
            (Some(title), _) => title.clone(),
            (None, false) => self.participants.join(", "),
            (None, true) => fallback.to_owned(),
        };
        RoomInfo { platform, name, external_id: self.path.clone() }
    }
}

/// A text as Meta wrote it, repaired where it round-trips.
fn repaired(raw: &str) -> String {
    repair_double_encoding(raw).unwrap_or_else(|| raw.to_owned())
}

fn speaker(name: &str) -> Speaker {
    Speaker { name: repaired_name(name), me: false, id: None }
}

/// The top-level object, read for one pass.
struct Top<'a, 'p, 's> {
    pass: &'a mut Pass<'p, 's>,
}

impl<'de> DeserializeSeed<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an Instagram or Messenger thread object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match (&mut *self.pass, key.as_str()) {
                (Pass::Skim(thread), "participants") => thread.participants = map.next_value_seed(Participants)?,
                (Pass::Skim(thread), "title" | "threadName") => {
                    let title = map.next_value::<Option<String>>()?.map(|t| repaired_name(&t));
                    thread.title = title.filter(|t| !t.is_empty());
                }
                (Pass::Skim(thread), "thread_path" | "threadPath") => thread.path = map.next_value()?,
                (Pass::Read(walk), "messages") => map.next_value_seed(Messages { walk })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `participants`: `[{"name": …}]`, or plain names in the newer export; at
/// most [`MAX_ROOM_MEMBERS`] are kept.
struct Participants;

#[derive(Deserialize)]
#[serde(untagged)]
enum Participant {
    Named { name: String },
    Plain(String),
    Other(IgnoredAny),
}

impl Participant {
    fn name(self) -> Option<String> {
        match self {
            Participant::Named { name } | Participant::Plain(name) => {
                Some(repaired_name(&name)).filter(|n| !n.is_empty())
            }
            Participant::Other(_) => None,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Participants {
    type Value = Vec<String>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<String>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Participants {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of participants")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut names = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while let Some(p) = seq.next_element::<Participant>()? {
            if let Some(name) = p.name().filter(|n| seen.insert(n.clone())) {
                if names.len() >= MAX_ROOM_MEMBERS {
                    return Err(de::Error::custom(format!("a thread with more than {MAX_ROOM_MEMBERS} participants")));
                }
                names.push(name);
            }
        }
        Ok(names)
    }
}

/// `messages`, each handed on as soon as it is parsed.
struct Messages<'w, 's> {
    walk: &'w mut Walk<'s>,
}

impl<'de> DeserializeSeed<'de> for Messages<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Messages<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of messages")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(message) = seq.next_element::<Message>()? {
            self.walk.send(|sink| message.hand_to(sink))?;
        }
        Ok(())
    }
}

/// One message of either export.
#[derive(Deserialize)]
struct Message {
    #[serde(alias = "senderName")]
    sender_name: Option<String>,
    /// Milliseconds since 1970 (`timestamp` in the newer export).
    #[serde(alias = "timestamp")]
    timestamp_ms: Option<i64>,
    #[serde(alias = "text")]
    content: Option<String>,
    /// `Generic`, `Share`, `Call`, `Subscribe`, `Unsubscribe` in older
    /// exports; `text`, `media`, … in the newer.
    #[serde(rename = "type")]
    kind: Option<String>,
    /// Who `Subscribe` added or `Unsubscribe` removed.
    users: Option<Vec<Participant>>,
    #[serde(alias = "isUnsent")]
    is_unsent: Option<bool>,
    photos: Option<IgnoredAny>,
    videos: Option<IgnoredAny>,
    audio_files: Option<IgnoredAny>,
    files: Option<IgnoredAny>,
    gifs: Option<IgnoredAny>,
    sticker: Option<IgnoredAny>,
    media: Option<Vec<IgnoredAny>>,
}

impl Message {
    fn hand_to(self, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let at = self.timestamp_ms.and_then(DateTime::from_timestamp_millis).map(|d| d.naive_utc());
        let (Some(at), Some(sender)) = (at, self.sender_name.as_deref().map(speaker).filter(|s| !s.name.is_empty()))
        else {
            sink.unparsed(0, &format!("a message without a sender or time: {:?}", self.sender_name));
            return Ok(());
        };
        match self.kind.as_deref() {
            Some("Subscribe" | "Unsubscribe") => self.event(at, sender, sink),
            Some("Call") => Ok(()),
            _ => self.message(at, sender, sink),
        }
    }

    fn event(self, at: NaiveDateTime, sender: Speaker, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let mut subjects: Vec<Speaker> =
            self.users.into_iter().flatten().filter_map(Participant::name).map(|n| speaker(&n)).collect();
        let (kind, actor) = match self.kind.as_deref() {
            Some("Subscribe") if subjects.is_empty() => return Ok(()),
            Some("Subscribe") => (EventKind::Invited, Some(sender)),
            // Leaving is written as removing oneself, or with no one named.
            _ if subjects.iter().all(|s| s.name == sender.name) => {
                subjects = vec![sender];
                (EventKind::Left, None)
            }
            _ => (EventKind::Kicked, Some(sender)),
        };
        sink.event(ChatEvent { line: 0, at: Some(at), kind, actor, subjects })
    }

    fn message(self, at: NaiveDateTime, sender: Speaker, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let text = text::nfc(&repaired(self.content.as_deref().unwrap_or_default()));
        let attached = self.photos.is_some()
            || self.videos.is_some()
            || self.audio_files.is_some()
            || self.files.is_some()
            || self.gifs.is_some()
            || self.sticker.is_some()
            || self.media.as_ref().is_some_and(|m| !m.is_empty());
        let kind = if self.is_unsent == Some(true) {
            MessageKind::Deleted
        } else if text.is_empty() && attached {
            MessageKind::Media
        } else {
            MessageKind::Text
        };
        sink.message(ChatMessage { line: 0, at, sender, text, kind })
    }
}

#[cfg(test)]
mod tests;
