//! The sink's chat side: a room's group, its members, its messages and
//! events, and the numbers, e-mails and handles members shared, given their owners
//! once the whole roster is known.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::path::Path;

use foldhash::fast::RandomState;

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::{ImportBatch, recognise, recognise::Held, stamp};
use crate::extract;
use crate::load::Prepared;
use crate::model::{ChatEvent, ChatMessage, EventKind, RoomInfo, Speaker, Status, is_not_a_person};
use crate::phone;
use crate::text::nfc;
use crate::vault::chunk::ChunkWriter;
use crate::vault::write::{Item, Origin, SameAs};

/// What the sink knows about one member of the current room.
pub(super) struct Member {
    pub(super) person_id: i64,
    pub(super) membership_id: i64,
    pub(super) first: Option<NaiveDateTime>,
    pub(super) last: Option<NaiveDateTime>,
    pub(super) new_messages: i64,
    pub(super) left: Option<bool>,
}

pub(super) struct Room {
    pub(super) info: RoomInfo,
    /// None while the room's first records are held to recognise it.
    pub(super) grp_id: Option<i64>,
    pub(super) held: Vec<Held>,
    /// The person behind a display name, learnt from messages another export of the room holds.
    pub(super) matched: HashMap<String, i64>,
    pub(super) members: HashMap<String, Option<usize>, RandomState>,
    pub(super) list: Vec<(String, Member)>,
    pub(super) last_at: Option<NaiveDateTime>,
    /// Values found in messages, resolved to owners once the whole roster is known.
    pub(super) pending: Vec<Pending>,
    /// Where in `pending` a (sender, text, place of the value) is, by its hash:
    /// memory grows with the different messages that share values, not with repeats.
    pub(super) pending_at: HashMap<u64, usize, RandomState>,
    /// Where new messages go, once the room has its group.
    pub(super) writer: Option<ChunkWriter>,
    /// Fingerprints of the messages the group held before this file.
    pub(super) existing: HashSet<i64, RandomState>,
}

pub(super) struct Pending {
    pub(super) message_id: i64,
    pub(super) sender: String,
    pub(super) text: String,
    pub(super) at: String,
    pub(super) line: u32,
    pub(super) found: extract::Found,
    /// Messages with the same sender and text: shared again, word for word.
    pub(super) times: i64,
}

impl ImportBatch<'_> {
    pub(super) fn open_room(&mut self, info: &RoomInfo) -> rusqlite::Result<()> {
        self.close_room()?;
        let info = RoomInfo { name: nfc(&info.name), ..info.clone() };
        self.room = Some(Room {
            info,
            grp_id: None,
            held: Vec::new(),
            matched: HashMap::new(),
            members: HashMap::default(),
            list: Vec::new(),
            last_at: None,
            pending: Vec::new(),
            pending_at: HashMap::default(),
            writer: None,
            existing: HashSet::default(),
        });
        Ok(())
    }

    /// The group a room goes into when no other export of it is in the vault:
    /// the chat group of that platform with its name, else a new one.
    pub(super) fn group_named(&mut self, info: &RoomInfo) -> rusqlite::Result<i64> {
        let existing: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM grp WHERE kind = 'chat' AND platform = ?1 AND name = ?2 ORDER BY id LIMIT 1",
                params![info.platform.as_str(), info.name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        self.rows().exec(
            "INSERT INTO grp(name, kind, platform, batch_id) VALUES (?1, 'chat', ?2, ?3)",
            params![info.name, info.platform.as_str(), self.batch_id],
        )?;
        self.report.new_groups += 1;
        Ok(self.tx.last_insert_rowid())
    }

    /// The room a record belongs to; formats that send no RoomInfo get one named after the file.
    pub(super) fn room(&mut self) -> rusqlite::Result<&mut Room> {
        if self.room.is_none() {
            let stem =
                Path::new(&self.file.file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let info = RoomInfo { platform: crate::model::Platform::Kakao, name: stem, external_id: None };
            self.open_room(&info)?;
        }
        Ok(self.room.as_mut().expect("opened above"))
    }

    /// The member index for a speaker, creating the person and membership when
    /// new. `fp` is the fingerprint of the speaker's message, if any: a message
    /// another export of the room already holds tells who this display name is.
    /// `speaker.name` is in NFC (see `pipeline`).
    pub(super) fn member(&mut self, speaker: &Speaker, fp: Option<i64>) -> rusqlite::Result<Option<usize>> {
        let room = self.room()?;
        if let Some(found) = room.members.get(&speaker.name) {
            return Ok(*found);
        }
        let name = speaker.name.clone();
        let Some(grp_id) = room.grp_id else { return Ok(None) };
        let matched = room.matched.get(&name).copied();
        if is_not_a_person(&name) {
            self.room()?.members.insert(name, None);
            return Ok(None);
        }
        let existing: Option<(i64, i64)> = self
            .tx
            .query_row(
                "SELECT id, person_id FROM membership WHERE grp_id = ?1 AND display_name = ?2",
                params![grp_id, name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (membership_id, person_id) = match existing {
            Some(found) => found,
            None => {
                let known = match matched {
                    Some(id) => Some(id),
                    None => self.known_speaker(grp_id, speaker, fp)?,
                };
                let person_id = match known {
                    Some(id) => {
                        self.adopt(id, speaker, &name)?;
                        id
                    }
                    None => self.person_for_speaker(speaker, &name)?,
                };
                if let Some(handle) = &speaker.id {
                    self.rows().add_handle(person_id, "id", handle, Status::Confirmed)?;
                }
                let membership = self.rows().add_membership(grp_id, person_id, &name)?;
                self.report.new_members += 1;
                (membership.id, person_id)
            }
        };
        self.file.members += 1;
        let room = self.room()?;
        let index = room.list.len();
        room.list.push((
            name.clone(),
            Member { person_id, membership_id, first: None, last: None, new_messages: 0, left: None },
        ));
        room.members.insert(name, Some(index));
        Ok(Some(index))
    }

    pub(super) fn person_for_speaker(&mut self, speaker: &Speaker, name: &str) -> rusqlite::Result<i64> {
        if speaker.me {
            let me: Option<i64> = self
                .tx
                .query_row("SELECT id FROM person WHERE me = 1 AND merged_into IS NULL ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })
                .optional()?;
            let id = match me {
                Some(id) => id,
                None => self.new_person(name, true)?,
            };
            self.add_alias(id, name)?;
            return Ok(id);
        }
        // Members the exporter had not saved appear as their number: that is contact data.
        if looks_like_phone_name(name)
            && let Some(e164) = phone::to_e164(name, self.region)
        {
            let id = match self.rows().person_with_phone(&e164, false)? {
                Some(id) => id,
                None => self.new_person(name, false)?,
            };
            let phone_id = self.add_phone(id, name, Some(&e164), Some("messenger"), Status::Confirmed)?.id;
            let origin = Origin {
                source_id: Some(self.source_id),
                line: Some(self.file.messages as u32),
                times: 1,
                ..Origin::default()
            };
            self.rows().add_provenance(Item::Phone(phone_id), &origin, SameAs::Source)?;
            return Ok(id);
        }
        self.new_person(name, false)
    }

    pub(super) fn see(&mut self, index: usize, at: Option<NaiveDateTime>, left: Option<bool>) {
        let Some(room) = self.room.as_mut() else { return };
        let member = &mut room.list[index].1;
        if let Some(at) = at {
            member.first = Some(member.first.map_or(at, |f| f.min(at)));
            member.last = Some(member.last.map_or(at, |l| l.max(at)));
        }
        if left.is_some() {
            member.left = left;
        }
    }

    /// Store a message whose text and sender are in NFC, prepared by the parser thread.
    pub(super) fn store_message(&mut self, m: &ChatMessage, prepared: &Prepared) -> rusqlite::Result<()> {
        let room = self.room()?;
        room.last_at = Some(m.at);
        if room.grp_id.is_none() {
            room.held.push(Held::Message(m.clone(), prepared.clone()));
            if room.held.len() >= recognise::HOLD {
                self.settle()?;
            }
            return Ok(());
        }
        self.write_message(m, prepared)
    }

    pub(super) fn write_message(&mut self, m: &ChatMessage, prepared: &Prepared) -> rusqlite::Result<()> {
        let fp = prepared.fp;
        let member = self.member(&m.sender, Some(fp))?;
        if self.room()?.grp_id.is_none() {
            return Ok(());
        }
        self.file.messages += 1;
        self.span = Some(self.span.map_or((m.at, m.at), |(first, last)| (first.min(m.at), last.max(m.at))));
        if let Some(i) = member {
            self.see(i, Some(m.at), Some(false));
        }
        let room = self.room.as_mut().expect("room is open");
        let Some(writer) = room.writer.as_mut() else { return Ok(()) };
        if room.existing.contains(&fp) {
            return Ok(());
        }
        let message_id = writer.push(&self.tx, &m.sender.name, m.at, m.kind, &m.text, fp)?;
        self.index.add(message_id, m.at, m.kind, &m.text);
        self.file.new_messages += 1;
        self.report.new_messages += 1;
        if let Some(i) = member {
            room.list[i].1.new_messages += 1;
        }
        if member.is_some() {
            for found in &prepared.found {
                let key = room.pending_at.hasher().hash_one((&m.sender.name, &m.text, found.start));
                if let Some(&i) = room.pending_at.get(&key) {
                    let p = &mut room.pending[i];
                    if p.sender == m.sender.name && p.text == m.text && p.found.start == found.start {
                        p.times += 1;
                        continue;
                    }
                }
                room.pending_at.insert(key, room.pending.len());
                room.pending.push(Pending {
                    message_id,
                    sender: m.sender.name.clone(),
                    text: m.text.clone(),
                    at: stamp(m.at),
                    line: m.line,
                    found: found.clone(),
                    times: 1,
                });
            }
        }
        Ok(())
    }

    pub(super) fn store_event(&mut self, e: &ChatEvent) -> rusqlite::Result<()> {
        let mut e = e.clone();
        let room = self.room()?;
        e.at = e.at.or(room.last_at);
        if room.grp_id.is_none() {
            room.held.push(Held::Event(e));
            return Ok(());
        }
        self.write_event(e)
    }

    pub(super) fn write_event(&mut self, e: ChatEvent) -> rusqlite::Result<()> {
        let at = e.at;
        if let Some(actor) = &e.actor
            && let Some(i) = self.member(actor, None)?
        {
            self.see(i, at, None);
        }
        let left = match e.kind {
            EventKind::Left | EventKind::Kicked => Some(true),
            EventKind::Joined | EventKind::Invited => Some(false),
        };
        for subject in &e.subjects {
            if let Some(i) = self.member(subject, None)? {
                self.see(i, at, left);
            }
        }
        Ok(())
    }

    /// Write the room's member statistics and give found values their owners.
    pub(super) fn close_room(&mut self) -> rusqlite::Result<()> {
        self.settle()?;
        let Some(mut room) = self.room.take() else { return Ok(()) };
        let Some(grp_id) = room.grp_id else { return Ok(()) };
        if let Some(writer) = room.writer.as_mut() {
            writer.flush(&self.tx)?;
        }
        for (_, m) in &room.list {
            let (first, last) = (m.first.map(stamp), m.last.map(stamp));
            self.rows().see_member(m.membership_id, first.as_deref(), last.as_deref(), m.new_messages, m.left)?;
            self.touched.insert(m.person_id);
        }
        let names: Vec<&str> = room.list.iter().map(|(n, _)| n.as_str()).collect();
        let roster = extract::Roster::new(&names);
        let owners = owners(&roster, &room.pending);
        // The same value is shared again and again: store it once per owner,
        // and each member's shares of it once, as their first with a count.
        let mut stored: HashMap<(i64, extract::Kind, &str), Option<Item>> = HashMap::new();
        let mut sources: HashMap<(Item, &str), (&Pending, i64)> = HashMap::new();
        let mut order = Vec::new();
        for (p, owner_name) in room.pending.iter().zip(owners) {
            let Some(Some(index)) = room.members.get(owner_name) else { continue };
            let owner = room.list[*index].1.person_id;
            let value = p.found.value.as_str();
            let item = match stored.get(&(owner, p.found.kind, value)) {
                Some(item) => *item,
                None => {
                    let item = self.add_found(owner, &p.found)?;
                    stored.insert((owner, p.found.kind, value), item);
                    item
                }
            };
            // A handle the user rejected for this member: not theirs, however often shared.
            let Some(item) = item else { continue };
            let key = (item, p.sender.as_str());
            match sources.get_mut(&key) {
                Some((_, times)) => *times += p.times,
                None => {
                    sources.insert(key, (p, p.times));
                    order.push(key);
                }
            }
        }
        for key in order {
            let (item, _) = key;
            let (p, times) = sources[&key];
            let origin = Origin {
                source_id: Some(self.source_id),
                line: Some(p.line),
                message_id: Some(p.message_id),
                grp_id: Some(grp_id),
                shared_by: Some(&p.sender),
                at: Some(&p.at),
                times,
                claimed: None,
            };
            self.rows().add_provenance(item, &origin, SameAs::Source)?;
        }
        Ok(())
    }

    /// Store a value found in a message for its owner, as a candidate to
    /// confirm; None for a handle the user rejected for them.
    fn add_found(&mut self, owner: i64, found: &extract::Found) -> rusqlite::Result<Option<Item>> {
        Ok(match found.kind {
            extract::Kind::Phone => {
                Some(Item::Phone(self.add_phone(owner, &found.raw, Some(&found.value), None, Status::Candidate)?.id))
            }
            extract::Kind::Email => {
                let address = nfc(&found.value).to_lowercase();
                Some(Item::Email(self.add_email(owner, &address, None, Status::Candidate)?.id))
            }
            extract::Kind::Handle(service) => {
                self.add_handle(owner, service.as_str(), &found.value, Status::Candidate)?.map(|a| Item::Handle(a.id))
            }
        })
    }

    /// The group of the open room, settled, for a contact card shared in it.
    pub(super) fn shared_in_group(&mut self) -> rusqlite::Result<Option<i64>> {
        self.settle()?;
        Ok(self.room.as_ref().and_then(|r| r.grp_id))
    }
}

/// The member each found value belongs to (by display name), worked out on
/// both cores: a room's shares are known only once its whole roster is.
fn owners<'a>(roster: &'a extract::Roster, pending: &'a [Pending]) -> Vec<&'a str> {
    let resolve = |part: &'a [Pending]| -> Vec<&'a str> {
        part.iter().map(|p| roster.owner(&p.text, &p.found, &p.sender).unwrap_or(&p.sender)).collect()
    };
    if pending.len() < 4096 {
        return resolve(pending);
    }
    let (first, second) = pending.split_at(pending.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| resolve(second));
        let mut owners = resolve(first);
        owners.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        owners
    })
}

/// A sender name made of a number (`+82 10-1234-5678`, `+1 (777) 777‑7777`).
fn looks_like_phone_name(name: &str) -> bool {
    let name = name.trim_start_matches('~').trim();
    name.starts_with('+')
        && name.chars().all(|c| c.is_ascii_digit() || " +-()\u{2011}\u{00A0}\u{202F}\u{200E}".contains(c))
}
