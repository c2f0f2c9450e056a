//! Groups and their rosters: who is in each room and who can be reached
//! without the messenger.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{HandleView, Vault, VaultError};

/// How a member can be reached when the messenger is down.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Reachability {
    /// A phone number or e-mail is on file.
    Contact,
    /// No phone or e-mail, but a handle to write to: an Instagram, Telegram,
    /// LINE or Discord ID (shared in a chat or from an address book).
    Handle,
    /// Only a display name.
    Name,
}

/// One member of a group. JSON contract: README, "JSON output".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MemberView {
    pub name: String,
    pub person_id: i64,
    /// A phone or e-mail is on file (see `reachability` for handles).
    pub reachable: bool,
    pub reachability: Reachability,
    /// The member's handles (not platform ids), each with the message that shared it.
    pub handles: Vec<HandleView>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub messages: i64,
    pub left: bool,
    /// When `lifeboat ask` last named them in this group: with `reachable`
    /// true since, they answered.
    pub asked_at: Option<String>,
    /// Only someone else's backup seats them here: no export you imported
    /// showed them in this room. Their word, not yours.
    pub claimed_by: Option<SeatClaim>,
}

/// The backup whose claim alone seats a member in a group.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SeatClaim {
    /// The backup file's name.
    pub file: String,
    pub signer: super::SignerView,
    /// When its maker made it.
    pub made_at: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GroupView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub platform: Option<String>,
    pub messages: i64,
    pub members: Vec<MemberView>,
}

impl GroupView {
    /// Members still in the group.
    pub fn current(&self) -> impl Iterator<Item = &MemberView> {
        self.members.iter().filter(|m| !m.left)
    }

    /// How many current members are reachable each way.
    pub fn reach(&self) -> Reach {
        let mut reach = Reach::default();
        for m in self.current() {
            match m.reachability {
                Reachability::Contact => reach.contact += 1,
                Reachability::Handle => reach.handle += 1,
                Reachability::Name => reach.name += 1,
            }
        }
        reach
    }
}

/// A group's current members counted by how they can be reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// By phone or e-mail.
    pub contact: usize,
    /// By handle only.
    pub handle: usize,
    /// Not at all: ask them.
    pub name: usize,
}

impl Reach {
    pub fn total(self) -> usize {
        self.contact + self.handle + self.name
    }
}

/// Whether member `m` has a phone or e-mail on file: reachable (SQL, over a
/// `membership m`). The roster and the group list count with the same words.
pub(super) const HAS_CONTACT: &str = "(EXISTS (SELECT 1 FROM phone WHERE person_id = m.person_id) OR EXISTS (SELECT 1 FROM email WHERE person_id = m.person_id))";
/// Whether member `m` has a handle to write to (not a platform id).
pub(super) const HAS_HANDLE: &str = "EXISTS (SELECT 1 FROM handle WHERE person_id = m.person_id AND service <> 'id')";

impl Vault {
    /// Every group with its roster, by name.
    pub fn groups(&self) -> Result<Vec<GroupView>, VaultError> {
        let ids = self.ids("SELECT id FROM grp ORDER BY name, id", params![])?;
        ids.into_iter().map(|id| self.group_view(id)).collect()
    }

    /// One group by id or name.
    pub fn group(&self, name_or_id: &str) -> Result<GroupView, VaultError> {
        let id = self.group_id(name_or_id)?;
        self.reading(|| self.group_view(id))
    }

    pub(super) fn group_id(&self, name_or_id: &str) -> Result<i64, VaultError> {
        let name = crate::text::nfc(name_or_id);
        let by_name: Vec<i64> = self.ids("SELECT id FROM grp WHERE name = ?1 ORDER BY id", params![name])?;
        if let [id] = by_name.as_slice() {
            return Ok(*id);
        }
        if let Ok(id) = name.parse::<i64>() {
            let found: Option<i64> = self
                .conn
                .query_row("SELECT id FROM grp WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(|e| self.sql(e))?;
            if let Some(id) = found {
                return Ok(id);
            }
        }
        if by_name.len() > 1 {
            return Err(VaultError::SeveralGroups { name });
        }
        let like: Vec<i64> =
            self.ids("SELECT id FROM grp WHERE name LIKE ?1 ORDER BY id", params![format!("%{name}%")])?;
        match like.as_slice() {
            [id] => Ok(*id),
            _ => Err(VaultError::NoGroup { name }),
        }
    }

    fn group_view(&self, id: i64) -> Result<GroupView, VaultError> {
        let sql = |e| self.sql(e);
        let (name, kind, platform): (String, String, Option<String>) = self
            .conn
            .query_row("SELECT name, kind, platform FROM grp WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(sql)?;
        let messages: i64 = self
            .conn
            .query_row("SELECT coalesce(sum(count), 0) FROM message_chunk WHERE grp_id = ?1", [id], |r| r.get(0))
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                // One entry per person, however many display names two exports
                // of the room showed them under: the busiest name stands for them.
                "SELECT (SELECT n.display_name FROM membership n WHERE n.grp_id = m.grp_id AND n.person_id = m.person_id
                         ORDER BY n.messages DESC, n.id LIMIT 1),
                   m.person_id, min(m.first_seen), max(m.last_seen), sum(m.messages), min(m.left_group),
                   {HAS_CONTACT}, {HAS_HANDLE},
                   (SELECT max(a.at) FROM ask a JOIN ask_member am ON am.ask_id = a.id
                    WHERE a.grp_id = m.grp_id AND am.person_id = m.person_id),
                   -- A seat only a claim made: every seat of theirs here came from
                   -- someone else's backup, and no export of yours has seen them since.
                   CASE WHEN min(m.first_seen) IS NULL AND sum(m.messages) = 0 AND NOT EXISTS (
                          SELECT 1 FROM membership n WHERE n.grp_id = m.grp_id AND n.person_id = m.person_id
                            AND NOT EXISTS (SELECT 1 FROM source s WHERE s.batch_id = n.batch_id AND s.claim = 1))
                     THEN (SELECT min(s.id) FROM membership n JOIN source s ON s.batch_id = n.batch_id AND s.claim = 1
                           WHERE n.grp_id = m.grp_id AND n.person_id = m.person_id) END
                 FROM membership m WHERE m.grp_id = ?1 GROUP BY m.person_id ORDER BY sum(m.messages) DESC, 1"
            ))
            .map_err(sql)?;
        let members = stmt
            .query_map([id], |r| {
                let contact: bool = r.get(6)?;
                let handle: bool = r.get(7)?;
                let reachability = if contact {
                    Reachability::Contact
                } else if handle {
                    Reachability::Handle
                } else {
                    Reachability::Name
                };
                let member = MemberView {
                    name: r.get(0)?,
                    person_id: r.get(1)?,
                    reachable: contact,
                    reachability,
                    handles: Vec::new(),
                    first_seen: r.get(2)?,
                    last_seen: r.get(3)?,
                    messages: r.get(4)?,
                    left: r.get(5)?,
                    asked_at: r.get(8)?,
                    claimed_by: None,
                };
                Ok((member, r.get::<_, Option<i64>>(9)?, handle))
            })
            .map_err(sql)?
            .map(|row| {
                let (mut m, claim, handle) = row?;
                if let Some(source) = claim {
                    m.claimed_by = Some(self.seat_claim(source)?);
                }
                // Only members known to have one ask for their handles: a
                // query per member of a room of hundreds is what a roster waits on.
                if handle {
                    m.handles = super::people::handles(&self.conn, m.person_id, super::people::Messages::Read)?;
                    m.handles.retain(|h| h.service != "id");
                }
                Ok(m)
            })
            .collect::<rusqlite::Result<Vec<MemberView>>>()
            .map_err(sql)?;
        Ok(GroupView { id, name, kind, platform, messages, members })
    }

    fn seat_claim(&self, source: i64) -> rusqlite::Result<SeatClaim> {
        self.conn.prepare_cached("SELECT file_name, signer, signer_key, made_at FROM source WHERE id = ?1")?.query_row(
            [source],
            |r| {
                Ok(SeatClaim {
                    file: r.get(0)?,
                    signer: super::SignerView::from_parts(r.get(1)?, r.get(2)?, false),
                    made_at: r.get(3)?,
                })
            },
        )
    }
}
