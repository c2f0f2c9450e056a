//! The outage drill: ask a room, while it still works, for the numbers
//! Lifeboat lacks. The message names the members who cannot be reached
//! without the messenger and asks them to answer in words the extractor
//! reads with certainty ("제 번호는 …입니다", "my number is …"); the vault
//! remembers when it asked and whom, so the roster shows who answered once
//! a later export of the room is imported, and asking again names only
//! those who did not.

use rusqlite::params;
use serde::Serialize;

use super::{Reachability, Vault, VaultError};

/// The language of the message to paste into the room.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AskLanguage {
    Ko,
    En,
}

/// What `ask` made: the message, and whom it names.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ask {
    pub group: String,
    /// When it was asked; None when everyone is reachable (nothing to ask).
    pub asked_at: Option<String>,
    /// The members it names, as the room shows them.
    pub members: Vec<String>,
    /// Ready to paste into the room; None when there is nobody to ask.
    pub message: Option<String>,
}

impl Vault {
    /// Make the message asking a group's unreachable members for their
    /// number, and remember the ask. A member with a handle is reachable
    /// (a DM works when the room does not) and is not asked.
    pub fn ask(&mut self, group: &str, language: AskLanguage) -> Result<Ask, VaultError> {
        let g = self.group(group)?;
        let me = self.ids("SELECT id FROM person WHERE me = 1", params![])?;
        let unreachable: Vec<_> =
            g.current().filter(|m| m.reachability == Reachability::Name && !me.contains(&m.person_id)).collect();
        if unreachable.is_empty() {
            return Ok(Ask { group: g.name, asked_at: None, members: Vec::new(), message: None });
        }
        let names: Vec<String> = unreachable.iter().map(|m| m.name.clone()).collect();
        let at = super::ingest::now();
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute("INSERT INTO ask(grp_id, at) VALUES (?1, ?2)", params![g.id, at]).map_err(sql)?;
        let ask_id = tx.last_insert_rowid();
        for m in &unreachable {
            tx.execute(
                "INSERT OR IGNORE INTO ask_member(ask_id, person_id) VALUES (?1, ?2)",
                params![ask_id, m.person_id],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok(Ask { group: g.name, asked_at: Some(at), message: Some(message(&names, language)), members: names })
    }
}

/// The message to paste: the names, and the one phrasing to answer in.
fn message(names: &[String], language: AskLanguage) -> String {
    match language {
        AskLanguage::Ko => {
            let names = names.iter().map(|n| format!("{n}님")).collect::<Vec<_>>().join(", ");
            format!(
                "[연락처 확인] 카톡이 멈출 때를 대비해 모두의 연락처를 모으고 있어요. {names}, 이 방에 \
                 \"제 번호는 010-0000-0000입니다\" (또는 \"제 메일은 name@example.com입니다\") 형식으로 답해 주세요. 고마워요!"
            )
        }
        AskLanguage::En => format!(
            "[Contact check] In case this chat goes down, I'm collecting everyone's number. {}: please reply here with \
             \"my number is +82 10-0000-0000\" (or \"my e-mail is name@example.com\"). Thank you!",
            names.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_everyone_asked_in_the_phrasing_the_extractor_reads() {
        let names = vec!["김철수".to_owned(), "Casey".to_owned()];
        let ko = message(&names, AskLanguage::Ko);
        assert!(ko.contains("김철수님, Casey님"), "{ko}");
        assert!(ko.contains("제 번호는"), "{ko}");
        let en = message(&names, AskLanguage::En);
        assert!(en.contains("김철수, Casey") && en.contains("my number is"), "{en}");
        // An answer in the asked form is read with its sender as the owner.
        let found = crate::extract::find("제 번호는 010-2345-6789입니다", crate::phone::Region::default());
        assert_eq!(found.len(), 1);
    }
}
