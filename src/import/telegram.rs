//! Telegram Desktop's JSON export: `result.json` of a whole account
//! (`personal_information`, `contacts`, `chats`, `left_chats`) or one chat
//! exported alone (`{name, type, id, messages}`).
//!
//! JSON has no useful line structure, so the document is read whole (within
//! the document limit) into typed structs that keep only the fields used;
//! records are then handed on chat by chat. Records carry line 0.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use super::chat_common::clean_name;
use super::{ImportError, Importer, Input, Probe, Sink};
use crate::model::{
    ChatEvent, ChatMessage, ContactRecord, EventKind, Handle, MessageKind, Platform, RawPhone, RoomInfo, Speaker,
};
use crate::text;

pub struct TelegramJson;

impl Importer for TelegramJson {
    fn id(&self) -> &'static str {
        "telegram-json"
    }
    fn describe(&self) -> &'static str {
        "Telegram Desktop export (result.json)"
    }
    /// A JSON object with the keys only tdesktop writes near its top.
    fn sniff(&self, probe: &Probe) -> bool {
        let head = probe.head.trim_start();
        head.starts_with('{')
            && (head.contains("\"personal_information\"")
                || (head.contains("\"chats\"") && head.contains("\"list\""))
                || (head.contains("\"contacts\"") && head.contains("\"list\"") && head.contains("\"phone_number\""))
                || (head.contains("\"messages\"") && head.contains("\"date_unixtime\"")))
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let document = input.read_document()?;
        let mut export: Export = serde_json::from_str(&document).map_err(|e| {
            input.malformed(u32::try_from(e.line()).unwrap_or(u32::MAX), format!("not a Telegram export: {e}"))
        })?;
        drop(document);
        if let Some(mut record) = export.personal_information.as_ref().and_then(contact) {
            record.note = Some("The Telegram account that made this export".into());
            sink.contact(record)?;
        }
        for person in export.contacts.iter().flat_map(|l| &l.list) {
            if let Some(record) = contact(person) {
                sink.contact(record)?;
            }
        }
        let single = export.messages.take().map(|messages| Chat {
            name: export.name.take(),
            kind: export.kind.take(),
            id: export.id.take(),
            messages: Some(messages),
        });
        let chats = export.chats.iter().chain(&export.left_chats).flat_map(|l| &l.list);
        for chat in chats.chain(&single) {
            read_chat(chat, sink)?;
        }
        Ok(())
    }
}

#[derive(Deserialize)]
struct Export {
    personal_information: Option<Person>,
    contacts: Option<List<Person>>,
    chats: Option<List<Chat>>,
    left_chats: Option<List<Chat>>,
    // A single-chat export is the chat object itself. Not `#[serde(flatten)]`,
    // which would buffer every message twice.
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    id: Option<Value>,
    messages: Option<Vec<Message>>,
}

#[derive(Deserialize)]
struct List<T> {
    #[serde(default = "Vec::new")]
    list: Vec<T>,
}

#[derive(Deserialize, Default)]
struct Person {
    first_name: Option<String>,
    last_name: Option<String>,
    phone_number: Option<String>,
    username: Option<String>,
}

#[derive(Deserialize)]
struct Chat {
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    id: Option<Value>,
    messages: Option<Vec<Message>>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(rename = "type", default)]
    kind: String,
    date: Option<String>,
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

/// An id as text: `"user123"`, or a bare number in older exports.
fn id_text(id: &Option<Value>) -> Option<String> {
    match id {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn contact(person: &Person) -> Option<ContactRecord> {
    let part = |s: &Option<String>| s.as_deref().map(text::nfc).filter(|s| !s.is_empty());
    let (given, family) = (part(&person.first_name), part(&person.last_name));
    let phone = part(&person.phone_number);
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

fn read_chat(chat: &Chat, sink: &mut dyn Sink) -> Result<(), ImportError> {
    let external_id = id_text(&chat.id);
    let name = match (chat.name.as_deref().map(clean_name).filter(|n| !n.is_empty()), chat.kind.as_deref()) {
        (Some(name), _) => name,
        (None, Some("saved_messages")) => "Saved Messages".to_owned(),
        (None, _) => format!("Telegram chat {}", external_id.as_deref().unwrap_or("?")),
    };
    sink.room(RoomInfo { platform: Platform::Telegram, name, external_id })?;
    for message in chat.messages.iter().flatten() {
        let Some(at) =
            message.date.as_deref().and_then(|d| chrono::NaiveDateTime::parse_from_str(d, "%Y-%m-%dT%H:%M:%S").ok())
        else {
            sink.unparsed(0, &format!("a message without a readable date: {:?}", message.date));
            continue;
        };
        match message.kind.as_str() {
            "message" => read_message(message, at, sink)?,
            "service" => {
                if let Some(event) = service_event(message, at) {
                    sink.event(event)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn read_message(message: &Message, at: chrono::NaiveDateTime, sink: &mut dyn Sink) -> Result<(), ImportError> {
    // A deleted account has a null `from`; its id still tells members apart.
    let name =
        message.from.as_deref().map(clean_name).filter(|n| !n.is_empty()).unwrap_or_else(|| "Deleted Account".into());
    let sender = Speaker { name, me: false, id: id_text(&message.from_id) };
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

fn service_event(message: &Message, at: chrono::NaiveDateTime) -> Option<ChatEvent> {
    let actor = message.actor.as_deref().map(|name| Speaker {
        name: clean_name(name),
        me: false,
        id: id_text(&message.actor_id),
    });
    let members: Vec<Speaker> = message
        .members
        .iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(clean_name)
        .filter(|n| !n.is_empty())
        .map(Speaker::named)
        .collect();
    let kind = match message.action.as_deref()? {
        "invite_members" | "create_group" => EventKind::Invited,
        // tdesktop writes a member leaving as removing themselves.
        "remove_members" if members.len() == 1 && actor.as_ref().is_some_and(|a| a.name == members[0].name) => {
            return Some(ChatEvent {
                line: 0,
                at: Some(at),
                kind: EventKind::Left,
                actor: None,
                subjects: actor.into_iter().collect(),
            });
        }
        "remove_members" => EventKind::Kicked,
        "join_group_by_link" | "join_group_by_request" => {
            return Some(ChatEvent {
                line: 0,
                at: Some(at),
                kind: EventKind::Joined,
                actor: None,
                subjects: actor.into_iter().collect(),
            });
        }
        _ => return None,
    };
    Some(ChatEvent { line: 0, at: Some(at), kind, actor, subjects: members })
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
