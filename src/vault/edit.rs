//! The user's own corrections: confirming or rejecting a number, e-mail or
//! handle found in a chat, giving it to the member it belongs to, and
//! renaming a person. Each marks the row edited, so undoing the
//! import that brought it keeps what the user decided.

use rusqlite::{OptionalExtension, params};
use serde::Deserialize;

use super::people::refresh_haystack;
use super::{PersonView, Vault, VaultError};
use crate::text::nfc;

/// What the user decided about a phone, e-mail or handle.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// It is theirs: keep it as a confirmed contact.
    Confirm,
    /// It is not theirs: forget it and where it was seen.
    Reject,
}

/// A phone, e-mail or handle of a person, as the user names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueRef {
    Phone(i64),
    Email(i64),
    Handle(i64),
}

/// A phone, e-mail or handle row as [`Vault::give`] moves it: its table, what
/// makes it the same value (unique per person), the table of where it was
/// seen and its column there.
struct Owned {
    table: &'static str,
    key: &'static str,
    sources: &'static str,
    column: &'static str,
}

/// How a phone, e-mail or handle becomes confirmed and kept through undo.
const CONFIRMED: &str = "status = 'confirmed', edited = 1";

/// True when `text` is how a handle's service writes it: `@abc`, `ABC` and
/// `abc` are one Instagram ID; platform ids (service `id`) are no handle to name.
fn names_handle(handle: &super::HandleView, text: &str) -> bool {
    handle.service != "id"
        && match crate::extract::Service::from_name(&handle.service) {
            Some(service) => service.canonical(text) == handle.value,
            None => text.trim() == handle.value,
        }
}

impl Vault {
    /// The phone, e-mail or handle of `person` that `text` names: a handle
    /// as its service writes it (`@seojun_lee07`, `minkim#1234`), an e-mail
    /// address, or a number in any form (`010-1234-5678`, `+82 10 1234 5678`,
    /// or the last digits when only one of their numbers ends with them).
    pub fn find_value(&self, person: &PersonView, text: &str) -> Result<ValueRef, VaultError> {
        let missing =
            || VaultError::NoSuchValue { person: person.name.clone(), person_id: person.id, text: text.to_owned() };
        if let Some(handle) = person.handles.iter().find(|h| names_handle(h, text)) {
            return Ok(ValueRef::Handle(handle.id));
        }
        if text.contains('@') {
            let address = crate::email::normalize(text).ok_or_else(missing)?;
            return person
                .emails
                .iter()
                .find(|e| e.address == address)
                .map(|e| ValueRef::Email(e.id))
                .ok_or_else(missing);
        }
        let e164 = crate::phone::to_e164(text, self.region()?);
        let typed = crate::text::digits(text);
        if typed.is_empty() {
            return Err(missing());
        }
        let exact: Vec<i64> = person
            .phones
            .iter()
            .filter(|p| (e164.is_some() && p.e164 == e164) || crate::text::digits(&p.raw) == typed)
            .map(|p| p.id)
            .collect();
        let ending: Vec<i64> = person
            .phones
            .iter()
            .filter(|p| crate::text::digits(p.e164.as_deref().unwrap_or(&p.raw)).ends_with(&typed))
            .map(|p| p.id)
            .collect();
        match (exact.as_slice(), ending.as_slice()) {
            ([id], _) | ([], [id]) => Ok(ValueRef::Phone(*id)),
            _ => Err(missing()),
        }
    }

    /// Confirm or reject the phone or e-mail of a person that `text` names.
    pub fn decide_value(&mut self, person: &PersonView, text: &str, decision: Decision) -> Result<(), VaultError> {
        match self.find_value(person, text)? {
            ValueRef::Phone(id) => self.set_phone_status(id, decision),
            ValueRef::Email(id) => self.set_email_status(id, decision),
            ValueRef::Handle(id) => self.set_handle_status(id, decision),
        }
    }

    /// Give the phone or e-mail of `person` that `text` names to `to`, confirmed.
    pub fn give_value(&mut self, person: &PersonView, text: &str, to: i64) -> Result<(), VaultError> {
        match self.find_value(person, text)? {
            ValueRef::Phone(id) => self.set_phone_owner(id, to),
            ValueRef::Email(id) => self.set_email_owner(id, to),
            ValueRef::Handle(id) => self.set_handle_owner(id, to),
        }
    }

    /// Confirm or reject one phone number of a person.
    pub fn set_phone_status(&mut self, phone_id: i64, decision: Decision) -> Result<(), VaultError> {
        self.decide("phone", phone_id, decision)
    }

    /// Confirm or reject one e-mail address of a person.
    pub fn set_email_status(&mut self, email_id: i64, decision: Decision) -> Result<(), VaultError> {
        self.decide("email", email_id, decision)
    }

    /// Confirm or reject one handle of a person. A rejected handle is
    /// remembered: no later import or restore gives it to them again.
    pub fn set_handle_status(&mut self, handle_id: i64, decision: Decision) -> Result<(), VaultError> {
        self.decide("handle", handle_id, decision)
    }

    fn decide(&mut self, table: &'static str, id: i64, decision: Decision) -> Result<(), VaultError> {
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let owner: Option<i64> = tx
            .query_row(&format!("SELECT person_id FROM {table} WHERE id = ?1"), [id], |r| r.get(0))
            .optional()
            .map_err(sql)?;
        let Some(person) = owner else {
            return Err(VaultError::NoRow { table, id });
        };
        match decision {
            Decision::Confirm => tx.execute(&format!("UPDATE {table} SET {CONFIRMED} WHERE id = ?1"), [id]),
            Decision::Reject if table == "handle" => tx
                .execute(
                    "INSERT OR IGNORE INTO handle_rejected(person_id, service, value, at)
                     SELECT person_id, service, value, ?2 FROM handle WHERE id = ?1",
                    params![id, super::ingest::now()],
                )
                .and_then(|_| tx.execute("DELETE FROM handle WHERE id = ?1", [id])),
            Decision::Reject => tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id]),
        }
        .map_err(sql)?;
        tx.execute("UPDATE person SET edited = 1 WHERE id = ?1", [person]).map_err(sql)?;
        refresh_haystack(&tx, person).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Give a phone number found in a chat to the person it really belongs
    /// to: it becomes theirs, confirmed, and where it was seen goes with it.
    pub fn set_phone_owner(&mut self, phone_id: i64, person_id: i64) -> Result<(), VaultError> {
        self.give(
            Owned { table: "phone", key: "value", sources: "provenance", column: "phone_id" },
            phone_id,
            person_id,
        )
    }

    /// Give an e-mail address found in a chat to the person it belongs to.
    pub fn set_email_owner(&mut self, email_id: i64, person_id: i64) -> Result<(), VaultError> {
        self.give(
            Owned { table: "email", key: "address", sources: "provenance", column: "email_id" },
            email_id,
            person_id,
        )
    }

    /// Give a handle found in a chat ("서준이 인스타는 @…") to the person it belongs to.
    pub fn set_handle_owner(&mut self, handle_id: i64, person_id: i64) -> Result<(), VaultError> {
        let handle = Owned {
            table: "handle",
            key: "service || char(1) || value",
            sources: "handle_source",
            column: "handle_id",
        };
        self.give(handle, handle_id, person_id)
    }

    fn give(&mut self, owned: Owned, id: i64, to: i64) -> Result<(), VaultError> {
        let Owned { table, key, sources, column } = owned;
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let row: Option<(i64, String)> = tx
            .query_row(&format!("SELECT person_id, {key} FROM {table} WHERE id = ?1"), [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(sql)?;
        let Some((from, value)) = row else {
            return Err(VaultError::NoRow { table, id });
        };
        let target: Option<i64> =
            tx.query_row("SELECT id FROM person WHERE id = ?1", [to], |r| r.get(0)).optional().map_err(sql)?;
        if target.is_none() {
            return Err(VaultError::NoPerson { id: to });
        }
        let already: Option<i64> = tx
            .query_row(
                &format!("SELECT id FROM {table} WHERE person_id = ?1 AND {key} = ?2"),
                params![to, value],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        match already {
            // They have it already: one row, with every place it was seen.
            Some(kept) if kept != id => {
                tx.execute(&format!("UPDATE {sources} SET {column} = ?2 WHERE {column} = ?1"), params![id, kept])
                    .map_err(sql)?;
                tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id]).map_err(sql)?;
                tx.execute(&format!("UPDATE {table} SET {CONFIRMED} WHERE id = ?1"), [kept]).map_err(sql)?;
            }
            _ => {
                tx.execute(&format!("UPDATE {table} SET person_id = ?2, {CONFIRMED} WHERE id = ?1"), params![id, to])
                    .map_err(sql)?;
            }
        }
        if table == "handle" && from != to {
            // Not theirs but `to`'s: a later import gives it to `to`, never back to them.
            tx.execute(
                "DELETE FROM handle_rejected WHERE person_id = ?1 AND service || char(1) || value = ?2",
                params![to, value],
            )
            .map_err(sql)?;
            tx.execute(
                "INSERT OR IGNORE INTO handle_rejected(person_id, service, value, at)
                 SELECT ?1, service, value, ?3 FROM handle WHERE person_id = ?2 AND service || char(1) || value = ?4",
                params![from, to, super::ingest::now(), value],
            )
            .map_err(sql)?;
        }
        for person in [from, to] {
            tx.execute("UPDATE person SET edited = 1 WHERE id = ?1", [person]).map_err(sql)?;
            refresh_haystack(&tx, person).map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Give a person a new display name. The old one stays as an alias, so
    /// searching for it still finds them.
    pub fn rename_person(&mut self, person_id: i64, name: &str) -> Result<(), VaultError> {
        let name = nfc(name.trim());
        if name.is_empty() {
            return Err(VaultError::EmptyName);
        }
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let old: Option<String> =
            tx.query_row("SELECT name FROM person WHERE id = ?1", [person_id], |r| r.get(0)).optional().map_err(sql)?;
        let Some(old) = old else {
            return Err(VaultError::NoPerson { id: person_id });
        };
        if old != name {
            tx.execute("INSERT OR IGNORE INTO alias(person_id, name) VALUES (?1, ?2)", params![person_id, old])
                .map_err(sql)?;
            tx.execute("DELETE FROM alias WHERE person_id = ?1 AND name = ?2", params![person_id, name])
                .map_err(sql)?;
            tx.execute("UPDATE person SET name = ?2, edited = 1 WHERE id = ?1", params![person_id, name])
                .map_err(sql)?;
            refresh_haystack(&tx, person_id).map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::Status;

    /// A vault with a cheap key, and one person with a confirmed and a candidate phone.
    pub(in crate::vault) fn sample() -> (tempfile::TempDir, Vault, i64) {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        v.conn
            .execute_batch(
                "INSERT INTO person(id, name) VALUES (1, '김민준'), (2, '이서연');
                 INSERT INTO phone(id, person_id, e164, raw, value, digits, status)
                   VALUES (10, 1, '+821012345678', '010-1234-5678', '+821012345678', '01012345678 821012345678', 'confirmed'),
                          (11, 1, '+821099998888', '010 9999 8888', '+821099998888', '01099998888 821099998888', 'candidate');
                 INSERT INTO email(id, person_id, address, status) VALUES (20, 2, 'seo@example.com', 'candidate');",
            )
            .unwrap();
        for id in [1, 2] {
            refresh_haystack(&v.conn, id).unwrap();
        }
        (dir, v, 1)
    }

    #[test]
    fn confirm_and_reject_phones() {
        let (_d, mut v, id) = sample();
        v.set_phone_status(11, Decision::Confirm).unwrap();
        let p = v.person(id).unwrap();
        assert!(p.phones.iter().all(|ph| ph.status == Status::Confirmed));
        v.set_phone_status(10, Decision::Reject).unwrap();
        let p = v.person(id).unwrap();
        assert_eq!(p.phones.len(), 1);
        assert_eq!(p.phones[0].id, 11);
        // The rejected number no longer finds them.
        assert!(v.search_ids("1234-5678", 10).unwrap().is_empty());
        assert_eq!(v.search_ids("9999", 10).unwrap(), vec![id]);
        assert!(v.set_phone_status(10, Decision::Reject).is_err());
    }

    #[test]
    fn a_candidate_number_goes_to_its_real_owner() {
        let (_d, mut v, id) = sample();
        v.set_phone_owner(11, 2).unwrap();
        assert!(v.person(id).unwrap().phones.iter().all(|ph| ph.id != 11));
        let other = v.person(2).unwrap();
        assert_eq!(other.phones.len(), 1);
        assert_eq!(other.phones[0].status, Status::Confirmed);
        assert_eq!(v.search_ids("9999", 10).unwrap(), vec![2]);
        // Given to someone who already has it: one row remains.
        v.set_phone_owner(10, 1).unwrap();
        v.set_email_owner(20, 1).unwrap();
        assert_eq!(v.person(1).unwrap().emails[0].status, Status::Confirmed);
        assert!(v.set_phone_owner(11, 99).is_err());
    }

    #[test]
    fn a_value_is_found_by_how_the_user_types_it() {
        let (_d, v, id) = sample();
        let p = v.person(id).unwrap();
        assert_eq!(v.find_value(&p, "010-1234-5678").unwrap(), ValueRef::Phone(10));
        assert_eq!(v.find_value(&p, "+82 10 9999 8888").unwrap(), ValueRef::Phone(11));
        assert_eq!(v.find_value(&p, "8888").unwrap(), ValueRef::Phone(11));
        assert!(v.find_value(&p, "5555").is_err());
        assert!(v.find_value(&p, "").is_err());
        let other = v.person(2).unwrap();
        assert_eq!(v.find_value(&other, "SEO@example.com").unwrap(), ValueRef::Email(20));
        assert!(v.find_value(&other, "seo@example.com?bcc=x@y.kr").is_err());
    }

    #[test]
    fn handles_are_decided_like_numbers_and_a_rejection_is_remembered() {
        let (_d, mut v, _) = sample();
        v.conn
            .execute_batch(
                "INSERT INTO handle(id, person_id, service, value, status) VALUES
                   (30, 1, 'instagram', 'minjun', 'candidate'), (31, 1, 'telegram', 'seoyeon', 'candidate');",
            )
            .unwrap();
        v.conn.execute_batch("INSERT INTO batch(id, at, kind) VALUES (1, '2025-01-01 00:00:00', 'import');").unwrap();
        // What an import or a restore does with a handle it finds.
        let again = |v: &Vault, person: i64, service: &str, value: &str| {
            let rows = super::super::write::Rows { conn: &v.conn, batch_id: 1 };
            rows.add_handle(person, service, value, Status::Candidate).unwrap().map(|a| a.id)
        };
        v.set_handle_status(30, Decision::Confirm).unwrap();
        let edited: (Status, bool) = v
            .conn
            .query_row("SELECT status, edited FROM handle WHERE id = 30", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!(edited, (Status::Confirmed, true));
        // Found again in a chat: the same row, still confirmed.
        assert_eq!(again(&v, 1, "instagram", "@MinJun"), Some(30));
        assert_eq!(v.person(1).unwrap().handles[0].status, Status::Confirmed);

        v.set_handle_status(30, Decision::Reject).unwrap();
        assert_eq!(again(&v, 1, "instagram", "minjun"), None, "rejected for 민준, it does not come back");
        assert!(again(&v, 2, "instagram", "minjun").is_some(), "someone else may have it");

        // Given to 서연: hers, confirmed; and never back to 민준.
        v.set_handle_owner(31, 2).unwrap();
        assert_eq!(v.person(2).unwrap().handles.iter().find(|h| h.id == 31).unwrap().status, Status::Confirmed);
        assert_eq!(again(&v, 1, "telegram", "seoyeon"), None);
        // Merged into 서연, 민준's rejections hold for the person he became.
        v.conn
            .execute_batch("INSERT INTO handle(id, person_id, service, value) VALUES (33, 1, 'line', 'mj');")
            .unwrap();
        v.set_handle_status(33, Decision::Reject).unwrap();
        v.merge(2, 1).unwrap();
        assert_eq!(again(&v, 2, "line", "mj"), None);
    }

    #[test]
    fn reject_email() {
        let (_d, mut v, _) = sample();
        assert_eq!(v.search_ids("seo@", 10).unwrap(), vec![2]);
        v.set_email_status(20, Decision::Reject).unwrap();
        assert!(v.search_ids("seo@", 10).unwrap().is_empty());
    }

    #[test]
    fn rename_keeps_old_name_searchable() {
        let (_d, mut v, id) = sample();
        v.rename_person(id, "  김민준 (회사) ").unwrap();
        let p = v.person(id).unwrap();
        assert_eq!(p.name, "김민준 (회사)");
        assert_eq!(p.aliases, vec!["김민준".to_string()]);
        assert_eq!(v.search_ids("ㄱㅁㅈ", 10).unwrap(), vec![id]);
        assert!(v.rename_person(id, "   ").is_err());
        assert!(v.rename_person(99, "x").is_err());
    }
}
