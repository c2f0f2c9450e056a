//! One page of an HTML export read into records: a chat page's messages,
//! service lines and shared contacts, or the account's contact list
//! (`lists/contacts.html`). Only the open elements are kept, and the message
//! being read; a chat's state (its room, the last sender) lives in [`Chat`]
//! across its pages.

use super::markup::{Broken, Classes, Tag, Token, decode_into};
use super::service::{membership, stamp};
use crate::args;
use crate::import::Reason;
use crate::import::telegram::fields;
use crate::import::{ImportError, Sink};
use crate::model::{
    ChatEvent, ChatMessage, ContactRecord, Handle, MessageKind, Platform, RawPhone, RoomInfo, SharedIn, Speaker,
};
use crate::text::nfc;

/// Most elements open at once: tdesktop nests about ten deep.
const MAX_DEPTH: usize = 256;

/// A chat read over its pages (`messages.html`, `messages2.html`, …).
#[derive(Default)]
pub struct Chat {
    room_sent: bool,
    /// The chat's title, from its page header.
    title: Option<String>,
    /// The sender a `joined` message (no `from_name`) continues.
    last_sender: Option<String>,
}

/// Why a page could not be read: the sink refused, or the page is broken at a line.
pub enum Failure {
    Sink(ImportError),
    Broken { line: u32, reason: Reason },
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Failure {
        Failure::Sink(e)
    }
}

impl From<Broken> for Failure {
    fn from(broken: Broken) -> Failure {
        let reason = match broken {
            Broken::TagTooLong => Reason::said("reason_tag_too_long", args![limit => super::markup::MAX_TAG_BYTES]),
        };
        // The reader puts the line in.
        Failure::Broken { line: 0, reason }
    }
}

/// What an open element is to the reader.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Message,
    Forwarded,
    FromName,
    Text,
    ServiceBody,
    ContactCard,
    ContactName,
    ContactPhone,
    PageHeader,
    Header,
    Entry,
    EntryName,
    EntryPhone,
    /// `export_results.html`'s block about the account that made the export.
    Account,
    AccountNames,
    AccountValue,
    /// Text in it is not content (initials, reply links, scripts).
    Discard,
    Plain,
}

struct Frame {
    tag: String,
    role: Role,
    line: u32,
    /// A `mailto:`/`tel:` link's address and where its text began.
    link: Option<(String, usize)>,
}

/// The message being read.
#[derive(Default)]
struct Pending {
    line: u32,
    service: bool,
    joined: bool,
    /// A date header: a service line with a negative id.
    date_header: bool,
    title: Option<String>,
    sender: Option<String>,
    text: String,
    card: Option<(String, String)>,
}

/// The account's contact list entry being read.
#[derive(Default)]
struct Entry {
    line: u32,
    name: String,
    phone: String,
}

/// The account that made the export (`div.personal_info`): its values in
/// order, each marked when it is in the names rows (first, then last name).
/// Labels are not read, so their language does not matter.
#[derive(Default)]
struct Account {
    line: u32,
    values: Vec<(bool, String)>,
}

/// Reads the tokens of one page.
pub struct Page<'a> {
    sink: &'a mut dyn Sink,
    chat: &'a mut Chat,
    stack: Vec<Frame>,
    message: Option<Pending>,
    entry: Option<Entry>,
    account: Option<Account>,
    header: String,
}

impl<'a> Page<'a> {
    pub fn new(sink: &'a mut dyn Sink, chat: &'a mut Chat) -> Page<'a> {
        Page { sink, chat, stack: Vec::new(), message: None, entry: None, account: None, header: String::new() }
    }

    pub fn token(&mut self, line: u32, token: Token<'_>) -> Result<(), Failure> {
        match token {
            Token::Open(tag) => self.open(line, &tag),
            Token::Close(name) => self.close(name),
            Token::Text(raw) => {
                if let Some(buffer) = self.buffer() {
                    if raw == "\n" { buffer.push(' ') } else { decode_into(raw, buffer) }
                }
                Ok(())
            }
        }
    }

    /// The page was read to its end: it must not end inside an element.
    /// `local` turns a line number into the page's own.
    pub fn finish(self, last_line: u32, inside_tag: bool, local: impl Fn(u32) -> u32) -> Result<(), Failure> {
        let broken = |id, args| Err(Failure::Broken { line: last_line, reason: Reason::said(id, args) });
        if inside_tag {
            return broken("reason_page_ends_in_tag", Vec::new());
        }
        if let Some(message) = &self.message {
            return broken("reason_page_ends_in_message", args![line => local(message.line)]);
        }
        match self.stack.iter().rev().find(|f| f.tag == "div") {
            Some(open) => broken("reason_page_ends_open", args![line => local(open.line)]),
            None => Ok(()),
        }
    }

    fn within(&self, role: Role) -> bool {
        self.stack.iter().any(|f| f.role == role)
    }

    fn open(&mut self, line: u32, tag: &Tag<'_>) -> Result<(), Failure> {
        if tag.name == "br" {
            if let Some(buffer) = self.buffer() {
                buffer.push('\n');
            }
            return Ok(());
        }
        let role = self.role(line, tag);
        if tag.empty {
            return Ok(());
        }
        if self.stack.len() >= MAX_DEPTH {
            let reason = Reason::said("reason_nested_too_deep", args![limit => MAX_DEPTH]);
            return Err(Failure::Broken { line, reason });
        }
        let link = tag
            .attr("href")
            .and_then(|href| {
                let address = href.strip_prefix("mailto:").or_else(|| href.strip_prefix("tel:"))?;
                Some(address.to_owned())
            })
            .and_then(|address| Some((address, self.buffer()?.len())));
        self.stack.push(Frame { tag: tag.name.clone(), role, line, link });
        Ok(())
    }

    /// What the element a tag opens is, noting what it tells the message.
    fn role(&mut self, line: u32, tag: &Tag<'_>) -> Role {
        if matches!(tag.name.as_str(), "script" | "style" | "head") {
            return Role::Discard;
        }
        let classes = tag.classes();
        if self.message.is_none() && classes.has("message") && tag.name == "div" {
            let id = tag.attr("id").unwrap_or_default().into_owned();
            let service = classes.has("service");
            self.message = Some(Pending {
                line,
                service,
                joined: classes.has("joined"),
                date_header: service && id.starts_with("message-"),
                ..Pending::default()
            });
            return Role::Message;
        }
        if let Some(message) = &mut self.message {
            return message_part(message, tag, &classes, self.stack.iter().any(|f| f.role == Role::ContactCard));
        }
        if classes.has("page_header") {
            return Role::PageHeader;
        }
        if self.within(Role::PageHeader) && classes.is("text bold") {
            return Role::Header;
        }
        if classes.has("personal_info") && self.account.is_none() {
            self.account = Some(Account { line, values: Vec::new() });
            return Role::Account;
        }
        if let Some(account) = &mut self.account {
            let in_names = self.stack.iter().any(|f| f.role == Role::AccountNames);
            return match () {
                () if classes.is("rows names") => Role::AccountNames,
                () if classes.is("value bold") => {
                    account.values.push((in_names, String::new()));
                    Role::AccountValue
                }
                () if classes.has("rows") || classes.has("row") => Role::Plain,
                () => Role::Discard,
            };
        }
        if classes.has("entry") && self.entry.is_none() {
            self.entry = Some(Entry { line, ..Entry::default() });
            return Role::Entry;
        }
        if self.entry.is_some() {
            return match () {
                () if classes.is("name bold") => Role::EntryName,
                () if classes.is("details_entry details") => Role::EntryPhone,
                () => Role::Discard,
            };
        }
        Role::Plain
    }

    /// Where text goes now: the innermost element that keeps its text.
    fn buffer(&mut self) -> Option<&mut String> {
        let role = self.stack.iter().rev().map(|f| f.role).find(|r| {
            matches!(
                r,
                Role::FromName
                    | Role::Text
                    | Role::ServiceBody
                    | Role::ContactName
                    | Role::ContactPhone
                    | Role::Header
                    | Role::EntryName
                    | Role::EntryPhone
                    | Role::AccountValue
                    | Role::Discard
            )
        })?;
        // A forwarded message's own `from_name` names its author, not the sender.
        let forwarded = role == Role::FromName && self.within(Role::Forwarded);
        match role {
            Role::FromName if forwarded => None,
            Role::FromName => self.message.as_mut().map(|m| m.sender.get_or_insert_with(String::new)),
            Role::Text | Role::ServiceBody => self.message.as_mut().map(|m| &mut m.text),
            Role::ContactName => self.message.as_mut().and_then(|m| m.card.as_mut()).map(|c| &mut c.0),
            Role::ContactPhone => self.message.as_mut().and_then(|m| m.card.as_mut()).map(|c| &mut c.1),
            Role::Header => Some(&mut self.header),
            Role::EntryName => self.entry.as_mut().map(|e| &mut e.name),
            Role::EntryPhone => self.entry.as_mut().map(|e| &mut e.phone),
            Role::AccountValue => self.account.as_mut().and_then(|a| a.values.last_mut()).map(|(_, v)| v),
            _ => None,
        }
    }

    fn close(&mut self, name: &str) -> Result<(), Failure> {
        let name = name.to_ascii_lowercase();
        let Some(at) = self.stack.iter().rposition(|f| f.tag == name) else { return Ok(()) };
        while self.stack.len() > at {
            let Some(frame) = self.stack.pop() else { break };
            self.closed(frame)?;
        }
        Ok(())
    }

    fn closed(&mut self, frame: Frame) -> Result<(), Failure> {
        if let Some((address, start)) = frame.link
            && let Some(buffer) = self.buffer()
            && !buffer.get(start..).is_some_and(|text| text.contains(&address))
        {
            buffer.push(' ');
            buffer.push_str(&address);
        }
        match frame.role {
            Role::Message => match self.message.take() {
                Some(message) => self.message_done(message),
                None => Ok(()),
            },
            Role::Entry => match self.entry.take() {
                Some(entry) => self.entry_done(entry),
                None => Ok(()),
            },
            Role::Account => match self.account.take().and_then(account) {
                Some(me) => Ok(self.sink.contact(me)?),
                None => Ok(()),
            },
            Role::Header => {
                let title = fields::name(&clean(&std::mem::take(&mut self.header)));
                if !title.is_empty() && self.chat.title.is_none() {
                    self.chat.title = Some(title);
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn room(&mut self) -> Result<(), Failure> {
        if !self.chat.room_sent {
            self.chat.room_sent = true;
            let name = self.chat.title.clone().unwrap_or_else(|| "Telegram chat".to_owned());
            self.sink.room(RoomInfo { platform: Platform::Telegram, name, external_id: None })?;
        }
        Ok(())
    }

    fn message_done(&mut self, message: Pending) -> Result<(), Failure> {
        if message.date_header {
            return Ok(());
        }
        if message.service {
            let Some(change) = membership(&clean(&message.text), fields::name) else { return Ok(()) };
            self.room()?;
            let event = ChatEvent {
                line: message.line,
                at: None,
                kind: change.kind,
                actor: change.actor,
                subjects: change.subjects,
            };
            return Ok(self.sink.event(event)?);
        }
        let Some(at) = message.title.as_deref().and_then(stamp) else {
            let title = message.title.unwrap_or_default();
            self.sink.unparsed(message.line, &format!("a message whose time {title:?} is not DD.MM.YYYY HH:MM:SS"));
            return Ok(());
        };
        let named = message.sender.as_deref().map(sender_name).filter(|n| !n.is_empty());
        let sender = match named {
            Some(name) => {
                self.chat.last_sender = Some(name.clone());
                name
            }
            None if message.joined => match &self.chat.last_sender {
                Some(name) => name.clone(),
                None => {
                    self.sink.unparsed(message.line, "a message joined to no sender before it");
                    return Ok(());
                }
            },
            None => {
                self.sink.unparsed(message.line, "a message without a sender");
                return Ok(());
            }
        };
        self.room()?;
        let mut text = clean(&message.text);
        let mut kind = if text.is_empty() { MessageKind::Media } else { MessageKind::Text };
        let card = message.card.map(|(name, phone)| (fields::name(&clean(&name)), fields::phone(&clean(&phone))));
        if let Some((name, _)) = card.as_ref().filter(|_| text.is_empty()) {
            text.clone_from(name);
            kind = MessageKind::Media;
        }
        self.sink.message(ChatMessage {
            line: message.line,
            at,
            sender: Speaker::named(sender.clone()),
            text,
            kind,
        })?;
        if let Some((name, phone)) = card {
            let shared = SharedIn { sender, at, line: message.line };
            if let Some(contact) = contact(message.line, name, phone, Some(shared)) {
                self.sink.contact(contact)?;
            }
        }
        Ok(())
    }

    fn entry_done(&mut self, entry: Entry) -> Result<(), Failure> {
        let name = fields::name(&clean(&entry.name));
        let phone = fields::phone(&clean(&entry.phone));
        if let Some(contact) = contact(entry.line, name, phone, None) {
            self.sink.contact(contact)?;
        }
        Ok(())
    }
}

/// What an element inside a message is; media mark the message as such.
fn message_part(message: &mut Pending, tag: &Tag<'_>, classes: &Classes, in_card: bool) -> Role {
    if classes.has("date") && classes.has("details") {
        message.title = tag.attr("title").map(|t| t.trim().to_owned());
        return Role::Discard;
    }
    if in_card {
        return match () {
            () if classes.is("title bold") => Role::ContactName,
            () if classes.is("status details") => Role::ContactPhone,
            () => Role::Discard,
        };
    }
    match () {
        () if message.service && classes.is("body details") => Role::ServiceBody,
        () if classes.has("from_name") => Role::FromName,
        () if classes.has("forwarded") && classes.has("body") => Role::Forwarded,
        () if classes.is("text") => Role::Text,
        () if classes.has("media_contact") => {
            message.card = Some(Default::default());
            Role::ContactCard
        }
        () if ["reply_to", "initials", "signature", "userpic", "userpic_wrap", "reactions"]
            .iter()
            .any(|c| classes.has(c)) =>
        {
            Role::Discard
        }
        () => Role::Plain,
    }
}

/// A sender as `from_name` shows it, without the bot it posted through.
fn sender_name(raw: &str) -> String {
    let text = clean(raw);
    let name = match text.rsplit_once(" via @") {
        Some((name, bot)) if !bot.contains(' ') => name,
        _ => &text,
    };
    fields::name(name)
}

/// Text as shown: each line's spaces collapsed, blank lines at the ends removed.
fn clean(raw: &str) -> String {
    let lines: Vec<String> = raw.split('\n').map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.is_empty()).map_or(first, |i| i + 1);
    lines[first..last].join("\n")
}

/// The exporting account as a contact, like the JSON export's
/// `personal_information`: names from the names rows, a number and an
/// `@username` among the other values.
fn account(account: Account) -> Option<ContactRecord> {
    let mut names = Vec::new();
    let mut phones = Vec::new();
    let mut handles = Vec::new();
    for (in_names, value) in account.values {
        let value = clean(&value);
        if value.is_empty() {
            continue;
        }
        if in_names {
            names.push(nfc(&fields::name(&value)));
        } else if value.starts_with('@') {
            handles.push(Handle { service: "telegram".into(), value });
        } else if value.starts_with('+') && value.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) {
            phones.push(RawPhone { raw: fields::phone(&value), label: None });
        }
    }
    if names.is_empty() && phones.is_empty() && handles.is_empty() {
        return None;
    }
    Some(ContactRecord {
        line: account.line,
        name: Some(names.join(" ")).filter(|n| !n.is_empty()),
        given: names.first().cloned(),
        family: names.get(1).cloned(),
        phones,
        handles,
        note: Some("The Telegram account that made this export".into()),
        ..ContactRecord::default()
    })
}

/// A contact with what it has of a name and a number, if it has either.
fn contact(line: u32, name: String, phone: String, shared: Option<SharedIn>) -> Option<ContactRecord> {
    if name.is_empty() && phone.is_empty() {
        return None;
    }
    Some(ContactRecord {
        line,
        name: Some(nfc(&name)).filter(|n| !n.is_empty()),
        phones: Some(phone).filter(|p| !p.is_empty()).map(|raw| RawPhone { raw, label: None }).into_iter().collect(),
        shared,
        ..ContactRecord::default()
    })
}
