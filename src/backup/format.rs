//! `lifeboat.json`, the backup's own record of the vault: people with every
//! phone, e-mail, status and provenance, groups with their rosters, and
//! optionally the messages. Documented in docs/BACKUP.md; the field names
//! are a contract (older Lifeboats must keep reading newer backups of the
//! same major version).

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::sign::Maker;
use super::{BackupError, census};
use crate::model::{MessageKind, NameParts};
use crate::vault::{EmailView, GroupView, HandleView, PersonView, PhoneView, ProvenanceView, Vault};

/// The value of `format` in every backup.
pub const FORMAT: &str = "lifeboat-backup";
/// The version this Lifeboat writes and the newest it reads. Version 2 adds
/// the `maker` object and the signature `lifeboat.json.sig`; version 1
/// backups are read as unsigned.
pub const VERSION: u32 = 2;

/// Where `lifeboat.json` is read from, once per pass: the zip entry,
/// streamed anew each time, so it is never held whole.
pub trait Json {
    fn pass<T>(&mut self, parse: impl FnOnce(JsonReader<'_>) -> Result<T, BackupError>) -> Result<T, BackupError>;
}

/// What a pass parses from, given to the parser whole: serde_json reads a
/// byte at a time, and from a `BufReader` it owns each byte is taken from
/// the buffer, where through a reference each was a call that copied one
/// byte (a sixth of reading a 100,000-person backup).
pub type JsonReader<'r> = std::io::BufReader<&'r mut dyn std::io::Read>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub version: u32,
    /// Local time the backup was made (`2024-03-01 12:00:00`).
    pub created_at: String,
    pub people: Vec<BackupPerson>,
    pub groups: Vec<BackupGroup>,
    /// Empty unless the backup was made `--with-messages`.
    #[serde(default)]
    pub messages: Vec<BackupMessage>,
}

/// A person. `key` links members and messages to people inside this file only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BackupPerson {
    pub key: i64,
    pub name: String,
    #[serde(default)]
    pub me: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub org: Option<String>,
    pub note: Option<String>,
    pub birthday: Option<String>,
    /// The person's stable UID (`urn:uuid:…`); absent in backups before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// The structured name the source wrote (vCard N); absent when derived
    /// from `name`. Boxed: a person must fit the census's object cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_parts: Option<Box<NameParts>>,
    /// The organisation's units as the source wrote them (vCard ORG:
    /// company;department), while `org` still says the same; absent otherwise.
    /// Boxed like `name_parts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_parts: Option<Box<Vec<String>>>,
    #[serde(default)]
    pub phones: Vec<BackupPhone>,
    #[serde(default)]
    pub emails: Vec<BackupEmail>,
    #[serde(default)]
    pub handles: Vec<BackupHandle>,
}

pub use crate::model::Status;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupPhone {
    pub raw: String,
    pub e164: Option<String>,
    pub label: Option<String>,
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<BackupSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupEmail {
    pub address: String,
    pub label: Option<String>,
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<BackupSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupHandle {
    pub service: String,
    pub value: String,
    /// Absent in backups before handles had a status: see [`BackupHandle::status`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The messages that shared it (backups before handles had sources have none).
    #[serde(default)]
    pub sources: Vec<BackupSource>,
}

impl BackupHandle {
    /// The handle's status: the file's, or for a backup from before
    /// handles had one, what the vault gives a handle on import (a
    /// candidate when a member shared it in a chat, else confirmed).
    pub fn status(&self) -> Status {
        self.status.unwrap_or(
            if self.service != "id" && self.sources.iter().any(|s| s.shared_by.is_some() || s.group.is_some()) {
                Status::Candidate
            } else {
                Status::Confirmed
            },
        )
    }
}

/// Where a phone, e-mail or handle came from: a file and line, or a message in a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupSource {
    pub file: Option<String>,
    pub line: Option<u32>,
    pub group: Option<String>,
    pub shared_by: Option<String>,
    pub at: Option<String>,
    /// How many times `shared_by` shared it in `group` (backups before this field: once).
    #[serde(default = "once")]
    pub times: i64,
}

fn once() -> i64 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupGroup {
    pub key: i64,
    pub name: String,
    /// `chat` or `contacts`.
    pub kind: String,
    pub platform: Option<String>,
    pub members: Vec<BackupMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupMember {
    /// The `key` of a person in this file.
    pub person: i64,
    pub display_name: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    #[serde(default)]
    pub messages: i64,
    #[serde(default)]
    pub left: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupMessage {
    /// The `key` of a group in this file.
    pub group: i64,
    pub person: Option<i64>,
    pub sender: String,
    pub at: String,
    pub body: String,
    /// `text`, `media` or `deleted`.
    pub kind: String,
    /// The vault's fingerprint, so a restore never doubles a message.
    pub fp: i64,
}

impl BackupSource {
    fn from_view(v: &ProvenanceView) -> BackupSource {
        BackupSource {
            file: v.file.clone(),
            line: v.line,
            group: v.group.clone(),
            shared_by: v.shared_by.clone(),
            at: v.at.clone(),
            times: v.times,
        }
    }
}

impl BackupPerson {
    pub fn from_view(p: &PersonView) -> BackupPerson {
        BackupPerson {
            key: p.id,
            name: p.name.clone(),
            me: p.me,
            aliases: p.aliases.clone(),
            org: p.org.clone(),
            note: p.note.clone(),
            birthday: p.birthday.clone(),
            uid: Some(p.uid.clone()).filter(|u| !u.is_empty()),
            name_parts: p.name_parts.clone().map(Box::new),
            org_parts: Some(Box::new(p.org_parts.clone())).filter(|parts| !parts.is_empty()),
            phones: p
                .phones
                .iter()
                .map(|ph| BackupPhone {
                    raw: ph.raw.clone(),
                    e164: ph.e164.clone(),
                    label: ph.label.clone(),
                    status: ph.status,
                    sources: ph.sources.iter().map(BackupSource::from_view).collect(),
                })
                .collect(),
            emails: p
                .emails
                .iter()
                .map(|e| BackupEmail {
                    address: e.address.clone(),
                    label: e.label.clone(),
                    status: e.status,
                    sources: e.sources.iter().map(BackupSource::from_view).collect(),
                })
                .collect(),
            handles: p
                .handles
                .iter()
                .map(|h| BackupHandle {
                    service: h.service.clone(),
                    value: h.value.clone(),
                    status: Some(h.status),
                    sources: h.sources.iter().map(BackupSource::from_view).collect(),
                })
                .collect(),
        }
    }
}

impl BackupPerson {
    /// The person as the exporters see them (for `contacts.vcf`).
    pub(super) fn to_view(&self, groups: Vec<String>) -> PersonView {
        let sources = |list: &[BackupSource]| -> Vec<ProvenanceView> {
            list.iter()
                .map(|s| ProvenanceView {
                    file: s.file.clone(),
                    line: s.line,
                    group: s.group.clone(),
                    shared_by: s.shared_by.clone(),
                    at: s.at.clone(),
                    message: None,
                    times: s.times,
                    claim: None,
                })
                .collect()
        };
        PersonView {
            id: self.key,
            name: self.name.clone(),
            aliases: self.aliases.clone(),
            me: self.me,
            phones: self
                .phones
                .iter()
                .enumerate()
                .map(|(i, p)| PhoneView {
                    id: i as i64,
                    e164: p.e164.clone(),
                    raw: p.raw.clone(),
                    shown: p.raw.clone(),
                    label: p.label.clone(),
                    status: p.status,
                    conflict: false,
                    sources: sources(&p.sources),
                })
                .collect(),
            emails: self
                .emails
                .iter()
                .enumerate()
                .map(|(i, e)| EmailView {
                    id: i as i64,
                    address: e.address.clone(),
                    label: e.label.clone(),
                    status: e.status,
                    conflict: false,
                    sources: sources(&e.sources),
                })
                .collect(),
            handles: self
                .handles
                .iter()
                .enumerate()
                .map(|(i, h)| HandleView {
                    id: i as i64,
                    service: h.service.clone(),
                    value: h.value.clone(),
                    status: h.status(),
                    conflict: false,
                    sources: sources(&h.sources),
                })
                .collect(),
            groups,
            org: self.org.clone(),
            note: self.note.clone(),
            birthday: self.birthday.clone(),
            uid: self.uid.clone().unwrap_or_default(),
            name_parts: self.name_parts.as_deref().cloned(),
            org_parts: self.org_parts.as_deref().cloned().unwrap_or_default(),
        }
    }
}

impl BackupGroup {
    pub(super) fn from_view(g: &GroupView) -> BackupGroup {
        BackupGroup {
            key: g.id,
            name: g.name.clone(),
            kind: g.kind.clone(),
            platform: g.platform.clone(),
            members: g
                .members
                .iter()
                .map(|m| BackupMember {
                    person: m.person_id,
                    display_name: m.name.clone(),
                    first_seen: m.first_seen.clone(),
                    last_seen: m.last_seen.clone(),
                    messages: m.messages,
                    left: m.left,
                })
                .collect(),
        }
    }
}

impl Snapshot {
    /// The vault (or the named groups' members) as a snapshot in memory;
    /// `backup create` streams instead and never holds one.
    pub fn from_vault(vault: &Vault, groups: &[String], with_messages: bool) -> Result<Snapshot, BackupError> {
        super::make::FromVault::new(vault, groups, with_messages)?.collect()
    }

    /// Parse `lifeboat.json` and check that it is whole and consistent; its
    /// `maker`. It is read three times, each time anew from `json`: a first
    /// pass refuses it before anything is built when every record and text
    /// together would cost more than `budget` bytes of memory; the second
    /// reads its format, version and maker; the third builds the snapshot
    /// (serde_json bounds the nesting depth).
    pub fn from_json(json: &mut impl Json, budget: u64) -> Result<(Snapshot, Option<Maker>), BackupError> {
        let invalid = |e: serde_json::Error| BackupError::invalid(format!("lifeboat.json: {e}"));
        json.pass(|r| census::check(r, budget))?;
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
            maker: Option<Maker>,
        }
        let head: Head = json.pass(|r| serde_json::from_reader(r).map_err(invalid))?;
        if head.format != FORMAT {
            return Err(BackupError::invalid(format!("lifeboat.json is of format {:?}, not {FORMAT}", head.format)));
        }
        if head.version > VERSION {
            return Err(BackupError::TooNew { found: head.version, known: VERSION });
        }
        let snapshot: Snapshot = json.pass(|r| serde_json::from_reader(r).map_err(invalid))?;
        snapshot.check()?;
        Ok((snapshot, head.maker))
    }

    /// `lifeboat.json` without a maker, as version 1 wrote it.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("a snapshot always serializes")
    }

    /// References resolve, kinds are known, names are there (counts and text
    /// lengths were checked by the census).
    fn check(&self) -> Result<(), BackupError> {
        let mut people = HashSet::new();
        for p in &self.people {
            if !people.insert(p.key) {
                return Err(BackupError::invalid(format!("person key {} appears twice", p.key)));
            }
            if p.name.trim().is_empty() {
                return Err(BackupError::invalid(format!("person {} has no name", p.key)));
            }
        }
        let mut groups = HashSet::new();
        for g in &self.groups {
            if !matches!(g.kind.as_str(), "chat" | "contacts") {
                return Err(BackupError::invalid(format!("group {:?} is of unknown kind {:?}", g.name, g.kind)));
            }
            if !groups.insert(g.key) {
                return Err(BackupError::invalid(format!("group key {} appears twice", g.key)));
            }
            if let Some(m) = g.members.iter().find(|m| !people.contains(&m.person)) {
                return Err(BackupError::invalid(format!(
                    "a member of {:?} names person {} who is not in the backup",
                    g.name, m.person
                )));
            }
        }
        for m in &self.messages {
            if !groups.contains(&m.group) || m.person.is_some_and(|p| !people.contains(&p)) {
                return Err(BackupError::invalid("a message points to a group or person not in the backup".into()));
            }
            if MessageKind::from_name(&m.kind).is_none() {
                return Err(BackupError::invalid(format!("a message is of unknown kind {:?}", m.kind)));
            }
        }
        Ok(())
    }

    /// The people as views, with the names of their groups, made one at a time.
    pub fn people_views(&self) -> impl Iterator<Item = PersonView> + '_ {
        let mut groups: std::collections::HashMap<i64, BTreeSet<String>> = std::collections::HashMap::new();
        for g in &self.groups {
            for m in &g.members {
                groups.entry(m.person).or_default().insert(g.name.clone());
            }
        }
        self.people.iter().map(move |p| p.to_view(groups.remove(&p.key).unwrap_or_default().into_iter().collect()))
    }

    /// Counts for `backup verify` and reports.
    pub fn counts(&self) -> Counts {
        Counts {
            people: self.people.len(),
            phones: self.people.iter().map(|p| p.phones.len()).sum(),
            emails: self.people.iter().map(|p| p.emails.len()).sum(),
            groups: self.groups.len(),
            members: self.groups.iter().map(|g| g.members.len()).sum(),
            messages: self.messages.len(),
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub people: usize,
    pub phones: usize,
    pub emails: usize,
    pub groups: usize,
    pub members: usize,
    pub messages: usize,
}
