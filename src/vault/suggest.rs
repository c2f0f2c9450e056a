//! Suggestions: people who are probably the same person, for the user to
//! merge or to mark as different. Never acted on alone: a name is not proof.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::params;
use serde::Serialize;

use super::{Vault, VaultError};
use crate::text::nfc;

/// One side of a suggestion.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SuggestedPerson {
    pub id: i64,
    pub name: String,
    /// The chat groups they are a member of.
    pub groups: Vec<String>,
    /// True when an address book (a contact file) gave them a number or e-mail.
    pub contact: bool,
}

/// Two people who are probably one. JSON contract: README, "JSON output".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suggestion {
    pub a: SuggestedPerson,
    pub b: SuggestedPerson,
    /// The name they share, as it is written.
    pub name: String,
    pub reason: String,
}

/// More people than this under one name is a common name, not a clue.
const MAX_NAMESAKES: usize = 8;

impl Vault {
    /// People with the same name in two groups, or a chat member and a contact
    /// with the same name, whose confirmed numbers do not disagree, leaving out
    /// pairs the user said are different.
    pub fn suggestions(&self) -> Result<Vec<Suggestion>, VaultError> {
        let sql = |e| self.sql(e);
        let mut people: BTreeMap<i64, SuggestedPerson> = BTreeMap::new();
        for (id, name) in self.pairs("SELECT id, name FROM person WHERE merged_into IS NULL", params![])? {
            people.insert(id, SuggestedPerson { id, name, groups: Vec::new(), contact: false });
        }
        for (id, group) in self.pairs(
            "SELECT DISTINCT m.person_id, g.name FROM membership m JOIN grp g ON g.id = m.grp_id ORDER BY g.name",
            params![],
        )? {
            if let Some(p) = people.get_mut(&id) {
                p.groups.push(group);
            }
        }
        let contacts = self.ids(
            "SELECT DISTINCT x.person_id FROM phone x JOIN provenance v ON v.phone_id = x.id WHERE v.grp_id IS NULL AND x.status = 'confirmed'
             UNION SELECT DISTINCT x.person_id FROM email x JOIN provenance v ON v.email_id = x.id WHERE v.grp_id IS NULL AND x.status = 'confirmed'",
            params![],
        )?;
        for id in contacts {
            if let Some(p) = people.get_mut(&id) {
                p.contact = true;
            }
        }
        let mut numbers: HashMap<i64, BTreeSet<String>> = HashMap::new();
        for (id, e164) in
            self.pairs("SELECT person_id, e164 FROM phone WHERE status = 'confirmed' AND e164 IS NOT NULL", params![])?
        {
            numbers.entry(id).or_default().insert(e164);
        }
        let mut different: BTreeSet<(i64, i64)> = BTreeSet::new();
        let mut stmt = self.conn.prepare_cached("SELECT a, b FROM not_same").map_err(sql)?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(sql)? {
            different.insert(row.map_err(sql)?);
        }
        // Every name a person goes by: their name, aliases and display names.
        let mut by_name: BTreeMap<String, (String, BTreeSet<i64>)> = BTreeMap::new();
        let names = self.pairs(
            "SELECT id, name FROM person WHERE merged_into IS NULL
             UNION SELECT person_id, name FROM alias UNION SELECT person_id, display_name FROM membership",
            params![],
        )?;
        for (id, name) in names {
            if let Some(key) = name_key(&name)
                && people.contains_key(&id)
            {
                by_name.entry(key).or_insert_with(|| (nfc(name.trim()), BTreeSet::new())).1.insert(id);
            }
        }
        let mut seen: BTreeSet<(i64, i64)> = BTreeSet::new();
        let mut out = Vec::new();
        for (name, ids) in by_name.into_values() {
            if ids.len() < 2 || ids.len() > MAX_NAMESAKES {
                continue;
            }
            let ids: Vec<i64> = ids.into_iter().collect();
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    let (pa, pb) = (&people[&a], &people[&b]);
                    let conflict = match (numbers.get(&a), numbers.get(&b)) {
                        (Some(x), Some(y)) => x.is_disjoint(y),
                        _ => false,
                    };
                    let shared_group = pa.groups.iter().any(|g| pb.groups.contains(g));
                    let in_chat = !pa.groups.is_empty() || !pb.groups.is_empty();
                    if conflict || shared_group || !in_chat || different.contains(&(a, b)) || !seen.insert((a, b)) {
                        continue;
                    }
                    let reason = if pa.contact || pb.contact {
                        format!(
                            "a chat member and a contact are both called {name:?} / 대화 상대와 연락처의 이름이 같습니다"
                        )
                    } else {
                        format!(
                            "{name:?} in {} and in {} / 두 그룹에 같은 이름이 있습니다",
                            pa.groups.join(", "),
                            pb.groups.join(", ")
                        )
                    };
                    out.push(Suggestion { a: pa.clone(), b: pb.clone(), name: name.clone(), reason });
                }
            }
        }
        // People someone else's backup brought who look like one of yours.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT person_id, existing_id, reason FROM claim_match ORDER BY person_id")
            .map_err(sql)?;
        let claims: Vec<(i64, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?;
        for (claimed, existing, reason) in claims {
            let (a, b) = (claimed.min(existing), claimed.max(existing));
            let (Some(pa), Some(pb)) = (people.get(&a), people.get(&b)) else { continue };
            if different.contains(&(a, b)) || !seen.insert((a, b)) {
                continue;
            }
            let reason = format!("someone else's backup: {reason} / 다른 사람의 백업");
            out.push(Suggestion { a: pa.clone(), b: pb.clone(), name: pb.name.clone(), reason });
        }
        Ok(out)
    }

    fn pairs(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<(i64, String)>, VaultError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let rows = stmt.query_map(params, |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }
}

/// The form two names must share to be "the same name": NFC, lower case,
/// single spaces. None for names that say nothing about who someone is.
fn name_key(name: &str) -> Option<String> {
    let key = nfc(name).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let informative = key.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !["회원님", "you", "나", "deleted account", "(알수없음)", "알수없음", "unknown"].contains(&key.as_str());
    informative.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn names_that_say_nothing_are_no_clue() {
        assert_eq!(name_key(" 김민수  "), Some("김민수".into()));
        assert_eq!(name_key("Casey  JUNG"), Some("casey jung".into()));
        assert_eq!(name_key("회원님"), None);
        assert_eq!(name_key("+82 10-1234-5678"), None);
        assert_eq!(name_key("Deleted Account"), None);
    }
}
