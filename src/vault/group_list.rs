//! The list of groups: each room and contact list with its counts, never its
//! roster. A contact list of 100,000 people is one line here; its members
//! are read only when the group is opened ([`Vault::group`]).

use rusqlite::params;
use serde::Serialize;

use super::groups::{HAS_CONTACT, HAS_HANDLE};
use super::{Reach, Vault, VaultError};

/// One line of the group list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GroupSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub platform: Option<String>,
    pub messages: i64,
    /// Current members (not those who left).
    pub members: i64,
    /// Current members with a phone or e-mail on file.
    pub reachable: i64,
    /// Current members with no phone or e-mail but a handle to write to.
    pub by_handle: i64,
}

impl GroupSummary {
    /// The same counts as [`super::GroupView::reach`] gives for the roster.
    pub fn reach(&self) -> Reach {
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        Reach {
            contact: count(self.reachable),
            handle: count(self.by_handle),
            name: count(self.members - self.reachable - self.by_handle),
        }
    }
}

impl Vault {
    /// Every group by name, with its counts: one query, whatever the rosters hold.
    pub fn group_summaries(&self) -> Result<Vec<GroupSummary>, VaultError> {
        // A member is current unless every seat of theirs in the room has left
        // (as the roster counts them), reachable as the roster says.
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT g.id, g.name, g.kind, g.platform,
                   (SELECT coalesce(sum(count), 0) FROM message_chunk WHERE grp_id = g.id),
                   count(r.person_id), coalesce(sum(r.contact), 0), coalesce(sum(r.handle AND NOT r.contact), 0)
                 FROM grp g LEFT JOIN (
                   SELECT m.grp_id, m.person_id, {HAS_CONTACT} AS contact, {HAS_HANDLE} AS handle
                   FROM membership m GROUP BY m.grp_id, m.person_id HAVING min(m.left_group) = 0
                 ) r ON r.grp_id = g.id
                 GROUP BY g.id ORDER BY g.name, g.id"
            ))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![], |r| {
                Ok(GroupSummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    platform: r.get(3)?,
                    messages: r.get(4)?,
                    members: r.get(5)?,
                    reachable: r.get(6)?,
                    by_handle: r.get(7)?,
                })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::ingest::{ImportOptions, import_files};
    use crate::vault::Vault;

    #[test]
    fn the_list_counts_as_the_rosters_do() {
        let dir = tempfile::tempdir().unwrap();
        let mut vault = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        // A room where one member shares a number, two a handle, one leaves
        // and one only talks; and an address book (people, no group).
        let handles = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/handles/KakaoTalk_중2_3반.txt");
        let room = dir.path().join("KakaoTalk_Chat_병상배정반.txt");
        std::fs::write(
            &room,
            "병상배정반 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 15일 토요일 ---------------\n\
             [김민수] [오후 2:02] 제 번호 010-1234-5678 입니다\n[이서연] [오후 2:03] 오늘 몇 건이에요?\n\
             [박지훈] [오후 2:04] 세 건입니다\n박지훈님이 나갔습니다.\n",
        )
        .unwrap();
        let book = dir.path().join("phone.vcf");
        std::fs::write(&book, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:정유나\r\nTEL:010-5555-0101\r\nEND:VCARD\r\n").unwrap();
        import_files(&mut vault, &[handles, room, book], &ImportOptions::default()).unwrap();

        let list = vault.group_summaries().unwrap();
        let views = vault.groups().unwrap();
        assert_eq!(list.len(), views.len());
        assert!(list.iter().any(|g| g.by_handle > 0), "{list:?}");
        let room = list.iter().find(|g| g.name == "병상배정반").unwrap();
        assert_eq!((room.members, room.reachable, room.messages), (2, 1, 3), "{room:?}");
        for (line, view) in list.iter().zip(&views) {
            assert_eq!(
                (line.id, &line.name, &line.kind, &line.platform),
                (view.id, &view.name, &view.kind, &view.platform)
            );
            assert_eq!(line.messages, view.messages);
            assert_eq!(line.members, view.current().count() as i64, "{}", line.name);
            assert_eq!(line.reach(), view.reach(), "{}", line.name);
        }
    }
}
