//! The records importers produce and the vault stores.
//!
//! Importers never touch the store: they turn a file into these plain values and
//! hand them to a [`crate::import::Sink`]. Nothing here knows about SQL or files.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A phone number exactly as a file wrote it, with the label the file gave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawPhone {
    /// The text as written (`010-1234-5678`, `+82 10 1234 5678`, `*123#`).
    pub raw: String,
    /// `mobile`, `home`, `work`, `iPhone`, … lower-case when it is one of the standard types.
    pub label: Option<String>,
}

/// An e-mail address as a file wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawEmail {
    pub address: String,
    pub label: Option<String>,
}

/// A messenger handle: Telegram `@username`, a LINE ID, a KakaoTalk open-chat nickname.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handle {
    /// `telegram`, `line`, `kakao`, `whatsapp`, …
    pub service: String,
    pub value: String,
}

/// One contact from an address book (a vCard, a CSV row, Telegram's contact list,
/// a contact card shared in a chat).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactRecord {
    /// 1-based line where the record starts in its file (0 when the format has no lines).
    pub line: u32,
    /// The formatted name (vCard FN, or given + family composed by the importer).
    pub name: Option<String>,
    pub given: Option<String>,
    pub family: Option<String>,
    /// The rest of a structured name (vCard N): middle names, prefixes
    /// (`Mr.`), suffixes (`Sr.`).
    #[serde(default)]
    pub middle: Option<String>,
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub suffix: Option<String>,
    /// The card's own UID, kept so address books recognise the person again.
    #[serde(default)]
    pub uid: Option<String>,
    /// The units of a structured ORG when it has more than one
    /// (`TheCompany;TheDepartment`); `org` holds them joined by `, `.
    #[serde(default)]
    pub org_parts: Vec<String>,
    pub org: Option<String>,
    pub note: Option<String>,
    pub birthday: Option<String>,
    pub phones: Vec<RawPhone>,
    pub emails: Vec<RawEmail>,
    pub handles: Vec<Handle>,
    /// Set for a contact card a member shared in a chat: the room is the one
    /// the importer sent last.
    #[serde(default)]
    pub shared: Option<SharedIn>,
}

impl ContactRecord {
    /// The structured name the source wrote, if it wrote one.
    pub fn name_parts(&self) -> Option<NameParts> {
        let part = |p: &Option<String>| p.clone().unwrap_or_default();
        let parts = NameParts {
            family: part(&self.family),
            given: part(&self.given),
            additional: part(&self.middle),
            prefix: part(&self.prefix),
            suffix: part(&self.suffix),
        };
        (!parts.is_empty()).then_some(parts)
    }
}

/// A structured name, the five components of vCard N.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameParts {
    #[serde(default)]
    pub family: String,
    #[serde(default)]
    pub given: String,
    /// Middle names.
    #[serde(default)]
    pub additional: String,
    /// `Mr.`, `Dr.`
    #[serde(default)]
    pub prefix: String,
    /// `Sr.`, `PhD`
    #[serde(default)]
    pub suffix: String,
}

impl NameParts {
    pub fn is_empty(&self) -> bool {
        [&self.family, &self.given, &self.additional, &self.prefix, &self.suffix].iter().all(|p| p.trim().is_empty())
    }
}

/// Where a contact card was shared: who sent it, when, on which line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedIn {
    pub sender: String,
    pub at: NaiveDateTime,
    pub line: u32,
}

/// How sure the vault is that a phone or e-mail is the person's:
/// `confirmed` (an address book of yours, or you confirmed it) or
/// `candidate` (found in a chat, or claimed by someone else's backup).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Confirmed,
    #[default]
    Candidate,
}

impl Status {
    /// The name stored and written to JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Candidate => "candidate",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        [Status::Confirmed, Status::Candidate].into_iter().find(|s| s.as_str() == name)
    }
}

/// Which messenger a chat export came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Kakao,
    WhatsApp,
    Telegram,
    Line,
    Instagram,
    Messenger,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Kakao => "kakao",
            Platform::WhatsApp => "whatsapp",
            Platform::Telegram => "telegram",
            Platform::Line => "line",
            Platform::Instagram => "instagram",
            Platform::Messenger => "messenger",
        }
    }
}

/// The room a chat export belongs to. An importer sends it once, before the
/// room's first message or event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomInfo {
    pub platform: Platform,
    /// From the header, or from the file name where the format has none.
    pub name: String,
    /// A platform id when the export has one (Telegram chat id).
    pub external_id: Option<String>,
}

/// Who wrote a message or caused an event, as the export shows them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Speaker {
    /// The display name as written (NFC). For the exporting user on mobile
    /// KakaoTalk this is the label (`회원님`, `you`, `You`).
    pub name: String,
    /// True when this is the exporting user shown under a label.
    pub me: bool,
    /// A stable platform id when the export has one (Telegram `from_id`).
    pub id: Option<String>,
}

impl Speaker {
    pub fn named(name: impl Into<String>) -> Speaker {
        Speaker { name: name.into(), me: false, id: None }
    }
}

/// Names importers emit for senders that stand for no reachable person: a
/// deleted account, a user who left (KakaoTalk `(알수없음)`), a bot.
pub fn is_not_a_person(name: &str) -> bool {
    matches!(
        name.trim(),
        "" | "(알수없음)"
            | "알수없음"
            | "(알 수 없음)"
            | "오픈채팅봇"
            | "방장봇"
            | "카카오톡"
            | "Deleted Account"
            | "Unknown"
            | "(unknown)"
    )
}

/// What kind of message: only `Text` bodies are searched for numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    Text,
    /// Photo, video, sticker, file placeholder.
    Media,
    /// "삭제된 메시지입니다." and its kin.
    Deleted,
}

impl MessageKind {
    /// Every kind, in the order the vault numbers them.
    pub const ALL: [MessageKind; 3] = [MessageKind::Text, MessageKind::Media, MessageKind::Deleted];

    /// The name stored and written to JSON (`text`, `media`, `deleted`).
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Text => "text",
            MessageKind::Media => "media",
            MessageKind::Deleted => "deleted",
        }
    }

    pub fn from_name(name: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One message a member posted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// 1-based line where the message starts.
    pub line: u32,
    /// Local time as the export shows it.
    pub at: NaiveDateTime,
    pub sender: Speaker,
    /// The full text, continuation lines joined with `\n`, NFC.
    pub text: String,
    pub kind: MessageKind,
}

/// Membership changes that system lines record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub enum EventKind {
    /// `subjects` joined on their own (open chat, link).
    Joined,
    /// `actor` invited or added `subjects`.
    Invited,
    /// `subjects` left.
    Left,
    /// `actor` removed `subjects`.
    Kicked,
}

/// A system line about who is in the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatEvent {
    pub line: u32,
    /// None where the format's system lines carry no time (KakaoTalk PC).
    pub at: Option<NaiveDateTime>,
    pub kind: EventKind,
    pub actor: Option<Speaker>,
    pub subjects: Vec<Speaker>,
}
