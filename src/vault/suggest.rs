//! Suggestions: people who are probably the same person, for the user to
//! merge or to mark as different. Never acted on alone: a name is not proof.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::params;
use serde::Serialize;

use super::restore::MatchReason;
use super::{Vault, VaultError};
use crate::i18n::{Arg, Said};
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
    /// Why they may be one: `suggest_…` in errors.ftl, with its arguments.
    pub why: Said,
}

/// More people than this under one name is a common name, not a clue.
const MAX_NAMESAKES: usize = 8;

/// What a suggestion weighs for the people it looks at.
#[derive(Default)]
struct Facts {
    /// People not merged into someone else, with their groups and whether a contact file knows them.
    people: BTreeMap<i64, SuggestedPerson>,
    /// Their confirmed numbers (E.164).
    numbers: HashMap<i64, BTreeSet<String>>,
    /// Pairs the user said are different (a < b).
    different: BTreeSet<(i64, i64)>,
}

/// People who share a name: the key, the name as first written, their ids.
type Namesakes = BTreeMap<String, (String, BTreeSet<i64>)>;

/// Every name of everyone not merged into someone: name, aliases, display names.
const NAMES_SQL: &str = "SELECT id, name FROM person WHERE merged_into IS NULL
     UNION SELECT a.person_id, a.name FROM alias a JOIN person p ON p.id = a.person_id WHERE p.merged_into IS NULL
     UNION SELECT m.person_id, m.display_name FROM membership m JOIN person p ON p.id = m.person_id WHERE p.merged_into IS NULL";

/// `NAMES_SQL` kept to one key, through the `name_key` indexes, in the same order.
const NAMESAKES_SQL: &str = "SELECT id, name FROM person WHERE name_key(name) = ?1 AND merged_into IS NULL
     UNION SELECT a.person_id, a.name FROM alias a JOIN person p ON p.id = a.person_id WHERE name_key(a.name) = ?1 AND p.merged_into IS NULL
     UNION SELECT m.person_id, m.display_name FROM membership m JOIN person p ON p.id = m.person_id
       WHERE name_key(m.display_name) = ?1 AND p.merged_into IS NULL
     ORDER BY 1, 2";

const CONTACT_SQL: &str = "SELECT DISTINCT x.person_id FROM phone x JOIN provenance v ON v.phone_id = x.id WHERE v.grp_id IS NULL AND x.status = 'confirmed'";
const CONTACT_EMAIL_SQL: &str = "SELECT DISTINCT x.person_id FROM email x JOIN provenance v ON v.email_id = x.id WHERE v.grp_id IS NULL AND x.status = 'confirmed'";

impl Vault {
    /// People with the same name in two groups, or a chat member and a contact
    /// with the same name, whose confirmed numbers do not disagree, leaving out
    /// pairs the user said are different.
    pub fn suggestions(&self) -> Result<Vec<Suggestion>, VaultError> {
        let mut facts = Facts::default();
        for (id, name) in self.pairs("SELECT id, name FROM person WHERE merged_into IS NULL", params![])? {
            facts.people.insert(id, SuggestedPerson { id, name, groups: Vec::new(), contact: false });
        }
        for (id, group) in self.pairs(
            "SELECT DISTINCT m.person_id, g.name FROM membership m JOIN grp g ON g.id = m.grp_id ORDER BY g.name",
            params![],
        )? {
            if let Some(p) = facts.people.get_mut(&id) {
                p.groups.push(group);
            }
        }
        for id in self.ids(&format!("{CONTACT_SQL} UNION {CONTACT_EMAIL_SQL}"), params![])? {
            if let Some(p) = facts.people.get_mut(&id) {
                p.contact = true;
            }
        }
        for (id, e164) in
            self.pairs("SELECT person_id, e164 FROM phone WHERE status = 'confirmed' AND e164 IS NOT NULL", params![])?
        {
            facts.numbers.entry(id).or_default().insert(e164);
        }
        facts.different = self.id_pairs("SELECT a, b FROM not_same", params![])?;
        let claims = self.claims(
            "SELECT person_id, existing_id, reason FROM claim_match ORDER BY person_id, existing_id",
            params![],
        )?;
        Ok(suggest(self.namesakes()?, &claims, &facts, None))
    }

    /// The suggestions that involve `person`: the same as `suggestions()`
    /// kept to the pairs with `person` in them, but the facts are read only
    /// for the people who share a name or a claim with them.
    pub fn suggestions_for(&self, person: i64) -> Result<Vec<Suggestion>, VaultError> {
        let mut namesakes = self.namesakes_of(person)?;
        namesakes.retain(|_, (_, ids)| (2..=MAX_NAMESAKES).contains(&ids.len()) && ids.contains(&person));
        let claims = self.claims(
            "SELECT person_id, existing_id, reason FROM claim_match WHERE person_id = ?1
             UNION ALL SELECT person_id, existing_id, reason FROM claim_match WHERE existing_id = ?1 AND person_id <> ?1
             ORDER BY person_id, existing_id",
            params![person],
        )?;
        let mut ids: BTreeSet<i64> = namesakes.values().flat_map(|(_, ids)| ids.iter().copied()).collect();
        ids.extend(claims.iter().flat_map(|(a, b, _)| [*a, *b]));
        ids.insert(person);
        let mut facts = Facts::default();
        for id in ids {
            let Some(name) = self.names("SELECT name FROM person WHERE id = ?1 AND merged_into IS NULL", id)?.pop()
            else {
                continue;
            };
            let groups = self.names(
                "SELECT DISTINCT g.name FROM membership m JOIN grp g ON g.id = m.grp_id WHERE m.person_id = ?1 ORDER BY g.name",
                id,
            )?;
            let contact = !self
                .ids(
                    &format!("{CONTACT_SQL} AND x.person_id = ?1 UNION {CONTACT_EMAIL_SQL} AND x.person_id = ?1"),
                    params![id],
                )?
                .is_empty();
            let numbers = self.names(
                "SELECT e164 FROM phone WHERE person_id = ?1 AND status = 'confirmed' AND e164 IS NOT NULL",
                id,
            )?;
            if !numbers.is_empty() {
                facts.numbers.insert(id, numbers.into_iter().collect());
            }
            facts.people.insert(id, SuggestedPerson { id, name, groups, contact });
        }
        facts.different = self.id_pairs(
            "SELECT a, b FROM not_same WHERE a = ?1 UNION SELECT a, b FROM not_same WHERE b = ?1",
            params![person],
        )?;
        Ok(suggest(namesakes, &claims, &facts, Some(person)))
    }

    /// Every name a person (not merged into someone) goes by: their name,
    /// aliases and display names, grouped by `name_key`.
    fn namesakes(&self) -> Result<Namesakes, VaultError> {
        let names = self.pairs(&format!("{NAMES_SQL} ORDER BY 1, 2"), params![])?;
        Ok(by_key(names))
    }

    /// The namesakes of `person` under each key of their names, read
    /// through the `name_key` indexes.
    fn namesakes_of(&self, person: i64) -> Result<Namesakes, VaultError> {
        let own = self.names(
            "SELECT name FROM person WHERE id = ?1 AND merged_into IS NULL
             UNION SELECT a.name FROM alias a JOIN person p ON p.id = a.person_id WHERE a.person_id = ?1 AND p.merged_into IS NULL
             UNION SELECT m.display_name FROM membership m JOIN person p ON p.id = m.person_id WHERE m.person_id = ?1 AND p.merged_into IS NULL",
            person,
        )?;
        let keys: BTreeSet<String> = own.iter().filter_map(|n| name_key(n)).collect();
        let mut out = Namesakes::new();
        for key in keys {
            let mut stmt = self.conn.prepare_cached(NAMESAKES_SQL).map_err(|e| self.sql(e))?;
            let rows = stmt.query_map(params![key], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.sql(e))?;
            let rows: Vec<(i64, String)> = rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))?;
            out.extend(by_key(rows));
        }
        Ok(out)
    }

    fn claims(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<(i64, i64, String)>, VaultError> {
        let sql_err = |e| self.sql(e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(sql_err)?;
        let rows = stmt.query_map(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(sql_err)?;
        rows.collect::<Result<_, _>>().map_err(sql_err)
    }

    fn id_pairs(&self, sql: &str, params: impl rusqlite::Params) -> Result<BTreeSet<(i64, i64)>, VaultError> {
        let sql_err = |e| self.sql(e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(sql_err)?;
        let rows = stmt.query_map(params, |r| Ok((r.get(0)?, r.get(1)?))).map_err(sql_err)?;
        rows.collect::<Result<_, _>>().map_err(sql_err)
    }

    /// The one text column of the rows `sql` finds for `id`.
    fn names(&self, sql: &str, id: i64) -> Result<Vec<String>, VaultError> {
        let sql_err = |e| self.sql(e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(sql_err)?;
        let rows = stmt.query_map(params![id], |r| r.get(0)).map_err(sql_err)?;
        rows.collect::<Result<_, _>>().map_err(sql_err)
    }

    fn pairs(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<(i64, String)>, VaultError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let rows = stmt.query_map(params, |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }
}

/// Names (id, name) grouped by `name_key`, each under the first way it is written.
fn by_key(names: Vec<(i64, String)>) -> Namesakes {
    let mut by_name = Namesakes::new();
    for (id, name) in names {
        if let Some(key) = name_key(&name) {
            by_name.entry(key).or_insert_with(|| (nfc(name.trim()), BTreeSet::new())).1.insert(id);
        }
    }
    by_name
}

/// The pairs among `namesakes` and `claims` that `facts` do not rule out;
/// with `only`, just the pairs that person is in (the others may lack facts).
fn suggest(namesakes: Namesakes, claims: &[(i64, i64, String)], facts: &Facts, only: Option<i64>) -> Vec<Suggestion> {
    let wanted = |a: i64, b: i64| only.is_none_or(|p| a == p || b == p);
    let mut seen: BTreeSet<(i64, i64)> = BTreeSet::new();
    let mut out = Vec::new();
    for (name, ids) in namesakes.into_values() {
        if ids.len() < 2 || ids.len() > MAX_NAMESAKES {
            continue;
        }
        let ids: Vec<i64> = ids.into_iter().collect();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                if !wanted(a, b) {
                    continue;
                }
                let (pa, pb) = (&facts.people[&a], &facts.people[&b]);
                let conflict = match (facts.numbers.get(&a), facts.numbers.get(&b)) {
                    (Some(x), Some(y)) => x.is_disjoint(y),
                    _ => false,
                };
                let shared_group = pa.groups.iter().any(|g| pb.groups.contains(g));
                let in_chat = !pa.groups.is_empty() || !pb.groups.is_empty();
                if conflict || shared_group || !in_chat || facts.different.contains(&(a, b)) || !seen.insert((a, b)) {
                    continue;
                }
                let why = if pa.contact || pb.contact {
                    Said::new("suggest_contact", crate::args![name => name.as_str()])
                } else {
                    Said::new(
                        "suggest_groups",
                        crate::args![name => name.as_str(), a => pa.groups.join(", "), b => pb.groups.join(", ")],
                    )
                };
                out.push(Suggestion { a: pa.clone(), b: pb.clone(), name: name.clone(), why });
            }
        }
    }
    // People someone else's backup brought who look like one of yours.
    for (claimed, existing, reason) in claims {
        let (a, b) = (*claimed.min(existing), *claimed.max(existing));
        let (Some(pa), Some(pb)) = (facts.people.get(&a), facts.people.get(&b)) else { continue };
        if !wanted(a, b) || facts.different.contains(&(a, b)) || !seen.insert((a, b)) {
            continue;
        }
        let reason = Arg::from(MatchReason::from_stored(reason).said());
        let why = Said::new("suggest_claimed", vec![("reason", reason)]);
        out.push(Suggestion { a: pa.clone(), b: pb.clone(), name: pb.name.clone(), why });
    }
    out
}

/// `name_key(text)` in SQL, for the indexes of migration 15: every
/// connection that writes a person, alias or membership needs it.
pub(super) fn register_name_key(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "name_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.as_deref().and_then(name_key)),
    )
}

/// The form two names must share to be "the same name": NFC, lower case,
/// single spaces. None for names that say nothing about who someone is.
pub(super) fn name_key(name: &str) -> Option<String> {
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
