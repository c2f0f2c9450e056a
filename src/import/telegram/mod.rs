//! Telegram Desktop's JSON export, in every shape since 2020: `result.json`
//! of a whole account (`personal_information`, `contacts.list`,
//! `chats.list`, `left_chats.list`: one room per chat), a contacts-only
//! export, or one chat exported alone (`{name, type, id, messages}`; saved
//! messages have no `name`).
//!
//! The document is parsed as it streams (within the document limit): each
//! message is handed to the sink and dropped before the next is read, so
//! neither the text nor a list of every message is ever held. tdesktop
//! writes a chat's `name`, `type` and `id` before its `messages`; the room
//! is sent when `messages` begins. Records carry line 0 (JSON has no useful
//! line structure); a malformed document's error names its line.

mod fields;
mod html;

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use self::fields::{id_text, is_chat_id, when};
use super::json_walk::Walk;
use super::{ImportError, Importer, Input, Probe, Sink};
use crate::import::Reason;
use crate::model::{
    ChatEvent, ChatMessage, ContactRecord, EventKind, Handle, MessageKind, Platform, RawPhone, RoomInfo, Speaker,
};
use crate::text;

pub use html::TelegramHtml;

pub struct TelegramJson;

impl Importer for TelegramJson {
    fn id(&self) -> &'static str {
        "telegram-json"
    }
    /// A JSON object with the keys only tdesktop writes near its top, or a
    /// chat whose messages have tdesktop's `type` values.
    fn sniff(&self, probe: &Probe) -> bool {
        let head = probe.head.trim_start();
        head.starts_with('{')
            && (head.contains("\"personal_information\"")
                || (head.contains("\"chats\"") && head.contains("\"list\""))
                || (head.contains("\"contacts\"") && head.contains("\"list\"") && head.contains("\"phone_number\""))
                || (head.contains("\"messages\"")
                    && (head.contains("\"date_unixtime\"") || TDESKTOP_TYPE.is_match(head))))
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let mut walk = Walk::new(sink);
        let mut reader = input.json_reader();
        let mut parser = serde_json::Deserializer::from_reader(std::io::BufReader::new(&mut reader));
        let parsed = Object { walk: &mut walk, top: true }.deserialize(&mut parser).and_then(|()| parser.end());
        drop(parser);
        if let Some(failure) = walk.failure.or_else(|| reader.take_failure()) {
            return Err(failure);
        }
        parsed.map_err(|e| {
            let reason = Reason::said("reason_not_telegram", crate::args![detail => e.to_string()]);
            input.malformed(u32::try_from(e.line()).unwrap_or(u32::MAX), reason)
        })
    }
}

/// The dialog and message `type` values tdesktop writes, as they appear in
/// a single-chat export without `date_unixtime` (2020–2021).
static TDESKTOP_TYPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r#""type"\s*:\s*"(?:saved_messages|personal_chat|bot_chat|private_group|private_supergroup|"#,
        r#"public_supergroup|private_channel|public_channel|replies|message|service)""#
    ))
    .expect("tdesktop type pattern")
});

/// What is known of a chat when its messages begin.
#[derive(Default)]
struct Head {
    name: Option<String>,
    kind: Option<String>,
    id: Option<Value>,
}

impl Head {
    fn room(&self) -> RoomInfo {
        let external_id = id_text(&self.id);
        let name = match (self.title(), self.kind.as_deref()) {
            (Some(name), _) => name,
            (None, Some("saved_messages")) => "Saved Messages".to_owned(),
            (None, _) => match &external_id {
                Some(id) => format!("Telegram chat {id}"),
                None => "Telegram chat".to_owned(),
            },
        };
        RoomInfo { platform: Platform::Telegram, name, external_id }
    }

    fn title(&self) -> Option<String> {
        self.name.as_deref().map(fields::name).filter(|n| !n.is_empty())
    }
}

/// Any object of the export: the top level (an account or a single chat),
/// `contacts`/`chats` (`{about, list}`), or one chat of a list.
struct Object<'w, 's> {
    walk: &'w mut Walk<'s>,
    top: bool,
}

impl<'de> DeserializeSeed<'de> for Object<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Object<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Telegram Desktop export object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut head = Head::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "personal_information" if self.top => {
                    let me = map.next_value::<Option<Person>>()?;
                    if let Some(mut record) = me.as_ref().and_then(contact) {
                        record.note = Some("The Telegram account that made this export".into());
                        self.walk.send(|sink| sink.contact(record))?;
                    }
                }
                "contacts" | "chats" | "left_chats" if self.top => {
                    map.next_value_seed(Lists { walk: self.walk, contacts: key == "contacts" })?;
                }
                "name" => head.name = map.next_value()?,
                "type" => head.kind = map.next_value::<Option<Value>>()?.and_then(|v| v.as_str().map(str::to_owned)),
                "id" => head.id = map.next_value()?,
                "messages" => {
                    self.walk.send(|sink| sink.room(head.room()))?;
                    map.next_value_seed(Messages { walk: self.walk, head: &head })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `{"about": …, "list": [...]}` of contacts or of chats.
struct Lists<'w, 's> {
    walk: &'w mut Walk<'s>,
    contacts: bool,
}

impl<'de> DeserializeSeed<'de> for Lists<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Lists<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a list")
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "list" {
                map.next_value_seed(List { walk: &mut *self.walk, contacts: self.contacts })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct List<'w, 's> {
    walk: &'w mut Walk<'s>,
    contacts: bool,
}

impl<'de> DeserializeSeed<'de> for List<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for List<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of contacts or chats")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.contacts {
            while let Some(person) = seq.next_element::<Option<Person>>()? {
                if let Some(record) = person.as_ref().and_then(contact) {
                    self.walk.send(|sink| sink.contact(record))?;
                }
            }
        } else {
            while seq.next_element_seed(Object { walk: &mut *self.walk, top: false })?.is_some() {}
        }
        Ok(())
    }
}

/// A chat's `messages`, each handed on as soon as it is parsed.
struct Messages<'w, 's, 'h> {
    walk: &'w mut Walk<'s>,
    head: &'h Head,
}

impl<'de> DeserializeSeed<'de> for Messages<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Messages<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of messages")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let chat = Chat {
            title: self.head.title(),
            id: id_text(&self.head.id),
            group: self.head.kind.as_deref().is_some_and(|k| k.contains("group") || k.contains("channel")),
        };
        while let Some(message) = seq.next_element::<Message>()? {
            self.walk.send(|sink| chat.message(&message, sink))?;
        }
        Ok(())
    }
}

#[derive(Deserialize, Default)]
struct Person {
    first_name: Option<String>,
    last_name: Option<String>,
    phone_number: Option<String>,
    username: Option<String>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(rename = "type", default)]
    kind: String,
    date: Option<String>,
    date_unixtime: Option<Value>,
    from: Option<String>,
    from_id: Option<Value>,
    actor: Option<String>,
    actor_id: Option<Value>,
    action: Option<String>,
    members: Option<Vec<Value>>,
    text: Option<Text>,
    photo: Option<IgnoredAny>,
    file: Option<IgnoredAny>,
    media_type: Option<String>,
    contact_information: Option<Person>,
}

/// `text` is a string, or an array of strings and entity objects
/// (`{"type": "phone", "text": "+82…"}`) whose texts make the message.
#[derive(Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    Parts(Vec<Part>),
    Other(IgnoredAny),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Part {
    Plain(String),
    Entity {
        #[serde(default)]
        text: String,
    },
    Other(IgnoredAny),
}

impl Text {
    fn joined(&self) -> String {
        match self {
            Text::Plain(s) => s.clone(),
            Text::Parts(parts) => parts
                .iter()
                .map(|p| match p {
                    Part::Plain(s) | Part::Entity { text: s } => s.as_str(),
                    Part::Other(_) => "",
                })
                .collect(),
            Text::Other(_) => String::new(),
        }
    }
}

fn contact(person: &Person) -> Option<ContactRecord> {
    let part = |s: &Option<String>| s.as_deref().map(fields::name).filter(|s| !s.is_empty());
    let (given, family) = (part(&person.first_name), part(&person.last_name));
    let phone = person.phone_number.as_deref().map(fields::phone).filter(|p| !p.is_empty());
    let handle = part(&person.username).map(|u| Handle { service: "telegram".into(), value: u });
    if given.is_none() && family.is_none() && phone.is_none() && handle.is_none() {
        return None;
    }
    let name = [given.as_deref(), family.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    Some(ContactRecord {
        name: Some(name).filter(|n| !n.is_empty()),
        given,
        family,
        phones: phone.map(|raw| RawPhone { raw, label: None }).into_iter().collect(),
        handles: handle.into_iter().collect(),
        ..ContactRecord::default()
    })
}

/// The chat messages are read in: in a group or channel, its own title and
/// id tell a post by the chat itself (a channel, an anonymous admin,
/// `migrate_from_group`) from one by a member. In a personal chat the title
/// and id are the other person's, so only `channel…`/`chat…` ids count.
struct Chat {
    title: Option<String>,
    id: Option<String>,
    group: bool,
}

/// The sender the vault seats as no one ([`crate::model::is_not_a_person`]).
const NO_ONE: &str = "Unknown";

impl Chat {
    fn message(&self, message: &Message, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let Some(at) = when(message.date.as_deref(), message.date_unixtime.as_ref()) else {
            sink.unparsed(0, &format!("a message without a readable date: {:?}", message.date));
            return Ok(());
        };
        match message.kind.as_str() {
            "message" => self.text_message(message, at, sink),
            "service" => match self.service_event(message, at) {
                Some(event) => sink.event(event),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// True when `name`/`id` is the chat itself rather than a member.
    fn is_itself(&self, name: &str, id: Option<&str>) -> bool {
        let bare = |id: &str| id.trim_start_matches('-').to_owned();
        is_chat_id(id)
            || (self.group
                && (self.title.as_deref() == Some(name)
                    || (id.is_some() && id.map(bare) == self.id.as_deref().map(bare))))
    }

    fn speaker(&self, name: Option<&str>, id: &Option<Value>) -> Option<Speaker> {
        let name = fields::name(name?);
        let id = id_text(id);
        if name.is_empty() || self.is_itself(&name, id.as_deref()) {
            return None;
        }
        Some(Speaker { name, me: false, id })
    }

    fn text_message(
        &self,
        message: &Message,
        at: chrono::NaiveDateTime,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        // A deleted account has a null `from`; its id still tells members
        // apart. A post by the chat itself is kept, seated as no one.
        let id = id_text(&message.from_id);
        let sender = match self.speaker(message.from.as_deref(), &message.from_id) {
            Some(sender) => sender,
            None if message.from.is_some() => Speaker { name: NO_ONE.into(), me: false, id },
            None => Speaker { name: "Deleted Account".into(), me: false, id },
        };
        let text = text::nfc(&message.text.as_ref().map(Text::joined).unwrap_or_default());
        let attached = message.photo.is_some() || message.file.is_some() || message.media_type.is_some();
        if let Some(card) = message.contact_information.as_ref().and_then(contact) {
            sink.contact(card)?;
        }
        let kind = if text.is_empty() && (attached || message.contact_information.is_some()) {
            MessageKind::Media
        } else {
            MessageKind::Text
        };
        sink.message(ChatMessage { line: 0, at, sender, text, kind })
    }

    fn service_event(&self, message: &Message, at: chrono::NaiveDateTime) -> Option<ChatEvent> {
        let actor = self.speaker(message.actor.as_deref(), &message.actor_id);
        let members: Vec<Speaker> = message
            .members
            .iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter_map(|name| self.speaker(Some(name), &None))
            .collect();
        let alone = |kind| Some(ChatEvent { line: 0, at: Some(at), kind, actor: None, subjects: vec![] });
        let kind = match message.action.as_deref()? {
            "invite_members" | "create_group" => EventKind::Invited,
            // tdesktop writes a member leaving as removing themselves.
            "remove_members" if members.len() == 1 && actor.as_ref().is_some_and(|a| a.name == members[0].name) => {
                let mut left = alone(EventKind::Left)?;
                left.subjects = actor.into_iter().collect();
                return Some(left);
            }
            "remove_members" => EventKind::Kicked,
            "join_group_by_link" | "join_group_by_request" => {
                let mut joined = alone(EventKind::Joined)?;
                joined.subjects = actor.into_iter().collect();
                return (!joined.subjects.is_empty()).then_some(joined);
            }
            _ => return None,
        };
        if members.is_empty() && actor.is_none() {
            return None;
        }
        Some(ChatEvent { line: 0, at: Some(at), kind, actor, subjects: members })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Collected;
    use crate::import::chat_common::generated::{check, generate};

    fn read(json: &str) -> Collected {
        let mut input = Input::from_text("result.json", json);
        let mut sink = Collected::default();
        TelegramJson.read(&mut input, &mut sink).unwrap();
        sink
    }

    #[test]
    fn full_export_with_contacts_and_text_arrays() {
        let c = read(
            r#"{
 "about": "Here is the data you requested.",
 "personal_information": {"user_id": 1, "first_name": "Min", "last_name": "Kim", "phone_number": "+82 10 1111 2222", "username": "@minkim"},
 "contacts": {"about": "", "list": [
  {"first_name": "길동", "last_name": "홍", "phone_number": "+82 10 1234 5678", "date": "2022-01-01T00:00:00"},
  {"first_name": "", "last_name": "", "phone_number": "", "date": "2022-01-01T00:00:00"}]},
 "chats": {"about": "", "list": [{"name": "Team", "type": "private_group", "id": 42, "messages": [
  {"id": 1, "type": "service", "date": "2022-10-01T09:00:00", "actor": "Min Kim", "actor_id": "user1", "action": "create_group", "title": "Team", "members": ["Min Kim", "Alice"], "text": ""},
  {"id": 2, "type": "message", "date": "2022-10-01T09:01:00", "from": "Alice", "from_id": "user7",
   "text": ["call me at ", {"type": "phone", "text": "+82 10 9999 8888"}, " or ", {"type": "email", "text": "a@b.kr"}]},
  {"id": 3, "type": "message", "date": "2022-10-01T09:02:00", "from": null, "from_id": "user9", "text": "bye"},
  {"id": 4, "type": "message", "date": "2022-10-01T09:03:00", "from": "Alice", "from_id": "user7", "text": "",
   "contact_information": {"first_name": "Bob", "last_name": "", "phone_number": "+82 10 5555 6666"}, "contact_vcard": "(File not included.)"},
  {"id": 5, "type": "service", "date": "2022-10-01T09:04:00", "actor": "Carol", "actor_id": "user8", "action": "join_group_by_link", "inviter": "Group", "text": ""},
  {"id": 6, "type": "message", "date": "2022-10-01T09:05:00", "from": "Alice", "from_id": "user7", "photo": "(File not included.)", "text": ""}
 ]}]}
}"#,
        );
        let contacts: Vec<_> =
            c.contacts.iter().map(|r| (r.name.clone().unwrap_or_default(), r.phones.len())).collect();
        assert_eq!(contacts, [("Min Kim".into(), 1), ("길동 홍".into(), 1), ("Bob".into(), 1)]);
        assert_eq!(c.contacts[0].handles[0].value, "@minkim");
        assert_eq!(c.rooms[0].name, "Team");
        assert_eq!(c.rooms[0].external_id.as_deref(), Some("42"));
        assert_eq!(c.messages[0].text, "call me at +82 10 9999 8888 or a@b.kr");
        assert_eq!(c.messages[0].sender.id.as_deref(), Some("user7"));
        assert_eq!(c.messages[1].sender.name, "Deleted Account");
        assert_eq!(c.messages[2].kind, MessageKind::Media);
        assert_eq!(c.messages[3].kind, MessageKind::Media);
        let events: Vec<_> = c.events.iter().map(|e| (e.kind.clone(), e.subjects.len())).collect();
        assert_eq!(events, [(EventKind::Invited, 2), (EventKind::Joined, 1)]);
    }

    #[test]
    fn single_chat_export() {
        let c = read(
            r#"{"name": "Alice", "type": "personal_chat", "id": 7, "messages": [
  {"id": 1, "type": "message", "date": "2022-10-01T09:01:00", "date_unixtime": "1664614860", "from": "Alice", "from_id": 7, "text": "hi"}]}"#,
        );
        assert_eq!(c.rooms[0].name, "Alice");
        assert_eq!(c.messages[0].sender.id.as_deref(), Some("7"));
    }

    /// The 2020–2021 shapes: saved messages without a name, integer ids,
    /// no `date_unixtime`; and a message with only `date_unixtime`.
    #[test]
    fn older_exports_are_recognised_and_read() {
        let json = r#"{
 "type": "saved_messages",
 "id": 1234567890,
 "messages": [
  {"id": 1, "type": "message", "date": "2020-05-01T09:00:00", "edited": "1970-01-01T01:00:00", "from": "Mina", "from_id": 1234567890, "text": "note"},
  {"id": 2, "type": "message", "date_unixtime": "1609459200", "from": "Mina", "from_id": 1234567890, "text": "later"}
 ]
}"#;
        assert!(TelegramJson.sniff(&Probe { file_name: "result.json", head: json }));
        let c = read(json);
        assert_eq!(c.rooms[0].name, "Saved Messages");
        let got: Vec<_> = c.messages.iter().map(|m| (m.at.to_string(), m.sender.id.clone().unwrap())).collect();
        assert_eq!(
            got,
            [("2020-05-01 09:00:00".into(), "1234567890".into()), ("2021-01-01 00:00:00".into(), "1234567890".into())]
        );
        assert!(c.unparsed.is_empty());
    }

    #[test]
    fn a_supergroup_is_not_its_own_member() {
        let c = read(
            r#"{"name": "Hiking club", "type": "private_supergroup", "id": 1482056085, "messages": [
  {"id": 1, "type": "service", "date": "2020-07-01T08:00:00", "actor": "Hiking club", "actor_id": 1482056085, "action": "migrate_from_group", "title": "Hiking club"},
  {"id": 2, "type": "service", "date": "2020-07-01T08:01:00", "actor": "Hiking club", "actor_id": "channel1482056085", "action": "invite_members", "members": ["Ann"]},
  {"id": 3, "type": "message", "date": "2020-07-01T08:03:00", "from": "Hiking club", "from_id": "channel1482056085", "text": "moved"},
  {"id": 4, "type": "message", "date": "2020-07-01T08:04:00", "from": "Ann", "from_id": "user5", "text": "ok"}]}"#,
        );
        assert_eq!(c.events.len(), 1);
        assert!(c.events[0].actor.is_none());
        assert_eq!(c.events[0].subjects[0].name, "Ann");
        let senders: Vec<_> = c.messages.iter().map(|m| m.sender.name.as_str()).collect();
        assert_eq!(senders, [NO_ONE, "Ann"]);
        assert!(crate::model::is_not_a_person(NO_ONE));
    }

    /// In a personal chat the chat's name and id are the other person's.
    #[test]
    fn a_personal_chat_keeps_the_other_person() {
        let c = read(
            r#"{"name": "Ann", "type": "personal_chat", "id": 5, "messages": [
  {"id": 1, "type": "message", "date": "2020-07-01T08:03:00", "from": "Ann", "from_id": 5, "text": "hi"}]}"#,
        );
        assert_eq!(c.messages[0].sender.name, "Ann");
    }

    #[test]
    fn a_full_account_gives_one_room_per_chat_and_its_contacts() {
        let c = read(
            r#"{"contacts": {"about": "", "list": [{"first_name": "Jonas", "last_name": "", "phone_number": "0049 151 2345 6789"}]},
 "chats": {"about": "", "list": [
  {"name": "A", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date_unixtime": "1544006350", "from": "A", "text": "x"}]},
  {"name": "B", "type": "private_group", "id": 2, "messages": [{"id": 1, "type": "message", "date_unixtime": "1544006351", "from": "B", "text": "y"}]}]},
 "left_chats": {"about": "", "list": [{"name": "C", "type": "private_group", "id": 3, "messages": []}]}}"#,
        );
        let rooms: Vec<_> = c.rooms.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(rooms, ["A", "B", "C"]);
        assert_eq!(c.messages.len(), 2);
        assert_eq!(c.contacts[0].phones[0].raw, "+49 151 2345 6789");
    }

    #[test]
    fn a_contacts_only_export() {
        let json = r#"{
 "about": "Here is the data you requested.",
 "contacts": {"about": "This is your contact list.", "list": [
  {"user_id": 2233445566, "first_name": "Olga", "last_name": "", "phone_number": "79161234567", "date": "2020-03-02T10:00:00", "date_unixtime": "1583143200"},
  {"first_name": "", "last_name": "", "phone_number": "", "date": "2020-03-04T10:00:00"}]}
}"#;
        assert!(TelegramJson.sniff(&Probe { file_name: "result.json", head: json }));
        let c = read(json);
        assert!(c.rooms.is_empty() && c.messages.is_empty());
        let got: Vec<_> = c.contacts.iter().map(|r| (r.name.clone().unwrap(), r.phones[0].raw.clone())).collect();
        assert_eq!(got, [("Olga".to_owned(), "+79161234567".to_owned())]);
    }

    #[test]
    fn a_sink_error_stops_the_walk_and_is_returned() {
        struct Refuses;
        impl Sink for Refuses {
            fn contact(&mut self, _: ContactRecord) -> Result<(), ImportError> {
                Ok(())
            }
            fn room(&mut self, _: RoomInfo) -> Result<(), ImportError> {
                Ok(())
            }
            fn message(&mut self, _: ChatMessage) -> Result<(), ImportError> {
                Err(ImportError::Cancelled)
            }
            fn event(&mut self, _: ChatEvent) -> Result<(), ImportError> {
                Ok(())
            }
            fn unparsed(&mut self, _: u32, _: &str) {}
            fn kept_as_written(&mut self, _: u32, _: crate::i18n::Said) {}
        }
        let json = r#"{"name": "A", "type": "personal_chat", "id": 1, "messages": [
  {"id": 1, "type": "message", "date": "2020-07-01T08:03:00", "from": "A", "text": "x"}]}"#;
        let mut input = Input::from_text("result.json", json);
        assert!(matches!(TelegramJson.read(&mut input, &mut Refuses), Err(ImportError::Cancelled)));
    }

    #[test]
    fn broken_json_names_the_line() {
        let mut input = Input::from_text("result.json", "{\n\"chats\": {\"list\": [\n}");
        let err = TelegramJson.read(&mut input, &mut Collected::default()).unwrap_err();
        assert!(matches!(err, ImportError::Malformed { line: 3, .. }), "{err}");
    }

    #[test]
    fn generated_export_matches_truth() {
        let g = generate("telegram-json", "result.json", &["--messages", "3000", "--members", "12", "--seed", "5"]);
        let c = check("telegram-json", &g);
        assert_eq!(c.rooms[0].name, "2022 캡스톤 3조");
    }
}
