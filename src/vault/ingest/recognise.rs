//! Recognising a room and its members across exports.
//!
//! Two members of one room export different files: the display names differ
//! (each phone shows its own friend-list names, the exporter is `회원님` on
//! one and a name on the other) but the messages are the same. So a room's
//! first records are held until enough messages are seen to ask the vault
//! whether another group already holds them; the sender of a message both
//! files share is then the same person, whatever name each file shows.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::ImportBatch;
use crate::load::Prepared;
use crate::model::{ChatEvent, ChatMessage, Platform, Speaker};
use crate::vault::chunk::{self, ChunkWriter};

/// How many of a room's first records are held before its group is chosen:
/// enough messages to be sure, few enough to keep memory bounded.
pub(super) const HOLD: usize = 300;

/// Fewer shared messages than this never makes two rooms one.
const MIN_SHARED: usize = 3;

/// Labels mobile exports show instead of the exporting user's name.
const SELF_LABELS: [&str; 4] = ["회원님", "you", "You", "나"];

/// A record held while its room is recognised; messages keep their fingerprint.
pub(super) enum Held {
    Message(ChatMessage, Prepared),
    Event(ChatEvent),
}

impl ImportBatch<'_> {
    /// Choose the open room's group from its held messages, learn who is who,
    /// then store what was held. Does nothing once the room has its group.
    pub(super) fn settle(&mut self) -> rusqlite::Result<()> {
        let Some(room) = self.room.as_mut() else { return Ok(()) };
        if room.grp_id.is_some() {
            return Ok(());
        }
        let held = std::mem::take(&mut room.held);
        let info = room.info.clone();
        let sent: Vec<(String, i64)> = held
            .iter()
            .filter_map(|h| match h {
                Held::Message(m, prepared) => Some((m.sender.name.clone(), prepared.fp)),
                Held::Event(_) => None,
            })
            .collect();
        let (grp_id, matched) = match self.group_with_messages(info.platform, &sent)? {
            Some(id) => (id, self.match_senders(id, &sent)?),
            None => (self.group_named(&info)?, HashMap::new()),
        };
        let existing = chunk::group_fingerprints(&self.tx, grp_id)?;
        let writer = ChunkWriter::new(&self.tx, grp_id, Some(self.batch_id), Some(self.source_id))?;
        if let Some(room) = self.room.as_mut() {
            room.grp_id = Some(grp_id);
            room.matched = matched;
            room.existing = existing;
            room.writer = Some(writer);
        }
        for h in held {
            match h {
                Held::Message(m, prepared) => self.write_message(&m, &prepared)?,
                Held::Event(e) => self.write_event(e)?,
            }
        }
        Ok(())
    }

    /// The chat group of this platform that already holds most of these
    /// messages, if enough of them are there to tell.
    fn group_with_messages(&self, platform: Platform, sent: &[(String, i64)]) -> rusqlite::Result<Option<i64>> {
        if sent.is_empty() {
            return Ok(None);
        }
        let groups: Vec<i64> = {
            let mut stmt =
                self.tx.prepare_cached("SELECT id FROM grp WHERE kind = 'chat' AND platform = ?1 ORDER BY id")?;
            stmt.query_map([platform.as_str()], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        let mut best: Option<(usize, i64)> = None;
        for grp in groups {
            let mut hits = 0;
            for (_, fp) in sent {
                if self.message_person(grp, *fp)?.is_some() {
                    hits += 1;
                }
            }
            if best.is_none_or(|(h, _)| hits > h) {
                best = Some((hits, grp));
            }
        }
        // A quarter of the messages: two exports of one room may overlap only in part.
        let enough = |hits: usize| hits >= MIN_SHARED.min(sent.len()) && hits * 4 >= sent.len();
        Ok(best.filter(|(hits, _)| enough(*hits)).map(|(_, grp)| grp))
    }

    /// For a message with this fingerprint in the group: Some(its sender's person, if any).
    fn message_person(&self, grp_id: i64, fp: i64) -> rusqlite::Result<Option<Option<i64>>> {
        let Some(sender) = chunk::sender_of(&self.tx, grp_id, fp)? else { return Ok(None) };
        self.tx
            .prepare_cached("SELECT person_id FROM membership WHERE grp_id = ?1 AND display_name = ?2")?
            .query_row(params![grp_id, sender], |r| r.get(0))
            .optional()
    }

    /// Each display name of the held messages, mapped to the person who sent
    /// the same messages in the group's earlier export: the most votes wins.
    fn match_senders(&self, grp_id: i64, sent: &[(String, i64)]) -> rusqlite::Result<HashMap<String, i64>> {
        let mut votes: HashMap<&str, HashMap<i64, usize>> = HashMap::new();
        for (name, fp) in sent {
            if let Some(Some(person)) = self.message_person(grp_id, *fp)? {
                *votes.entry(name.as_str()).or_default().entry(person).or_default() += 1;
            }
        }
        let mut matched = HashMap::new();
        for (name, tally) in votes {
            if let Some((person, _)) = tally.into_iter().max_by_key(|(p, n)| (*n, -p)) {
                matched.insert(name.to_owned(), self.rows().live(person)?);
            }
        }
        Ok(matched)
    }

    /// A person already known for a new display name: the sender of the same
    /// message in the group, or the holder of the same platform id.
    pub(super) fn known_speaker(
        &self,
        grp_id: i64,
        speaker: &Speaker,
        fp: Option<i64>,
    ) -> rusqlite::Result<Option<i64>> {
        if let Some(fp) = fp
            && let Some(Some(person)) = self.message_person(grp_id, fp)?
        {
            return self.rows().live(person).map(Some);
        }
        let Some(id) = &speaker.id else { return Ok(None) };
        // Confirmed only: an id someone else's backup claims is no proof of who speaks.
        let holder: Option<i64> = self
            .tx
            .prepare_cached(
                "SELECT person_id FROM handle WHERE service = 'id' AND value = ?1 AND status = 'confirmed'
                 ORDER BY person_id LIMIT 1",
            )?
            .query_row([id], |r| r.get(0))
            .optional()?;
        holder.map(|p| self.rows().live(p)).transpose()
    }

    /// A new display name for a known person: kept as an alias; the exporter's
    /// label makes them the vault owner, and their real name replaces the label.
    pub(super) fn adopt(&mut self, person_id: i64, speaker: &Speaker, name: &str) -> rusqlite::Result<()> {
        if speaker.me {
            self.rows().exec(
                "UPDATE person SET me = 1 WHERE id = ?1
                   AND NOT EXISTS (SELECT 1 FROM person WHERE me = 1 AND merged_into IS NULL)",
                [person_id],
            )?;
        } else {
            let label: Option<String> = self
                .tx
                .prepare_cached("SELECT name FROM person WHERE id = ?1 AND me = 1")?
                .query_row([person_id], |r| r.get(0))
                .optional()?;
            if label.is_some_and(|l| SELF_LABELS.contains(&l.as_str())) {
                self.rows().exec("UPDATE person SET name = ?2 WHERE id = ?1", params![person_id, name])?;
            } else {
                self.add_alias(person_id, name)?;
            }
        }
        self.touched.insert(person_id);
        Ok(())
    }
}
