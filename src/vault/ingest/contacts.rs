//! The sink's address-book side: people, their numbers and e-mails, and
//! where each came from. Contacts merge on the same E.164 number or e-mail,
//! never on a name.

use rusqlite::{OptionalExtension, params};

use super::VaultSink;
use crate::model::ContactRecord;
use crate::phone;
use crate::text::nfc;

impl VaultSink<'_, '_> {
    pub(super) fn new_person(&mut self, name: &str, me: bool) -> rusqlite::Result<i64> {
        self.tx
            .execute("INSERT INTO person(name, me, batch_id) VALUES (?1, ?2, ?3)", params![name, me, self.batch_id])?;
        self.report.new_people += 1;
        let id = self.tx.last_insert_rowid();
        self.touched.insert(id);
        Ok(id)
    }

    pub(super) fn add_alias(&mut self, person_id: i64, name: &str) -> rusqlite::Result<()> {
        self.exec(
            "INSERT OR IGNORE INTO alias(person_id, name, source_id, batch_id)
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = ?1 AND name = ?2)",
            params![person_id, name, self.source_id, self.batch_id],
        )?;
        Ok(())
    }

    /// Add a phone to a person (or find it there); returns the phone row id.
    /// Every statement of the sink goes through the connection's statement
    /// cache: a million-message import must not parse SQL per row.
    pub(super) fn exec<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(params)
    }

    pub(super) fn query_row<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.tx.prepare_cached(sql)?.query_row(params, row)
    }

    pub(super) fn add_phone(
        &mut self,
        person_id: i64,
        raw: &str,
        label: Option<&str>,
        status: &str,
    ) -> rusqlite::Result<i64> {
        let e164 = phone::to_e164(raw, self.region);
        self.insert_phone(person_id, raw, e164, label, status)
    }

    /// Add a phone whose E.164 form is already known (or known not to exist).
    pub(super) fn insert_phone(
        &mut self,
        person_id: i64,
        raw: &str,
        e164: Option<String>,
        label: Option<&str>,
        status: &str,
    ) -> rusqlite::Result<i64> {
        let raw = nfc(raw);
        let value = e164.clone().unwrap_or_else(|| raw.clone());
        let digits = phone_digits(&raw, e164.as_deref());
        let inserted = self.exec(
            "INSERT OR IGNORE INTO phone(person_id, e164, raw, value, digits, label, status, batch_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![person_id, e164, raw, value, digits, label, status, self.batch_id],
        )?;
        if inserted > 0 {
            self.report.new_phones += 1;
            self.touched.insert(person_id);
            return Ok(self.tx.last_insert_rowid());
        }
        self.query_row("SELECT id FROM phone WHERE person_id = ?1 AND value = ?2", params![person_id, value], |r| {
            r.get(0)
        })
    }

    pub(super) fn add_email(
        &mut self,
        person_id: i64,
        address: &str,
        label: Option<&str>,
        status: &str,
    ) -> rusqlite::Result<i64> {
        let address = nfc(address).to_lowercase();
        let inserted = self.exec(
            "INSERT OR IGNORE INTO email(person_id, address, label, status, batch_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![person_id, address, label, status, self.batch_id],
        )?;
        if inserted > 0 {
            self.report.new_emails += 1;
            self.touched.insert(person_id);
            return Ok(self.tx.last_insert_rowid());
        }
        self.query_row("SELECT id FROM email WHERE person_id = ?1 AND address = ?2", params![person_id, address], |r| {
            r.get(0)
        })
    }

    pub(super) fn file_provenance(&self, column: &str, item_id: i64, line: u32) -> rusqlite::Result<()> {
        if let Some(shared) = &self.shared {
            let sql = format!(
                "INSERT INTO provenance({column}, source_id, line, grp_id, shared_by, at, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
            );
            self.exec(
                &sql,
                params![item_id, self.source_id, shared.line, shared.grp_id, shared.sender, shared.at, self.batch_id],
            )?;
            return Ok(());
        }
        let sql = format!(
            "INSERT INTO provenance({column}, source_id, line, batch_id)
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM provenance WHERE {column} = ?1 AND source_id = ?2 AND line = ?3)"
        );
        self.exec(&sql, params![item_id, self.source_id, line, self.batch_id])?;
        Ok(())
    }

    /// The person a contact record belongs to: someone with one of its numbers
    /// or e-mails, else a new person. Never matched on the name.
    pub(super) fn person_for_contact(
        &mut self,
        c: &ContactRecord,
        e164s: &[Option<String>],
        name: &str,
    ) -> rusqlite::Result<i64> {
        for e164 in e164s.iter().flatten() {
            let found: Option<i64> = self
                .query_row(
                    "SELECT person_id FROM phone WHERE e164 = ?1 ORDER BY status = 'confirmed' DESC, person_id LIMIT 1",
                    [e164],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = found {
                return self.live(id);
            }
        }
        for e in &c.emails {
            let found: Option<i64> = self
                .query_row(
                    "SELECT person_id FROM email WHERE address = ?1 ORDER BY status = 'confirmed' DESC, person_id LIMIT 1",
                    [nfc(&e.address).to_lowercase()],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = found {
                return self.live(id);
            }
        }
        let id = self.new_person(name, false)?;
        Ok(id)
    }

    pub(super) fn store_contact(&mut self, c: ContactRecord) -> rusqlite::Result<()> {
        let name = c
            .name
            .as_deref()
            .map(nfc)
            .filter(|n| !n.is_empty())
            .or_else(|| c.emails.first().map(|e| nfc(&e.address).to_lowercase()))
            .or_else(|| c.phones.first().map(|p| nfc(&p.raw)));
        let Some(name) = name else { return Ok(()) };
        // Normalizing is the costly part of a contact: once per number.
        let e164s: Vec<Option<String>> = c.phones.iter().map(|p| phone::to_e164(&p.raw, self.region)).collect();
        let before = self.report.new_people;
        let person_id = self.person_for_contact(&c, &e164s, &name)?;
        if self.report.new_people == before {
            self.report.merged += 1;
            self.add_alias(person_id, &name)?;
        }
        for (p, e164) in c.phones.iter().zip(e164s) {
            let id = self.insert_phone(person_id, &p.raw, e164, p.label.as_deref(), "confirmed")?;
            self.file_provenance("phone_id", id, c.line)?;
        }
        for e in &c.emails {
            let id = self.add_email(person_id, &e.address, e.label.as_deref(), "confirmed")?;
            self.file_provenance("email_id", id, c.line)?;
        }
        for h in &c.handles {
            self.exec(
                "INSERT OR IGNORE INTO handle(person_id, service, value, batch_id) VALUES (?1, ?2, ?3, ?4)",
                params![person_id, h.service, nfc(&h.value), self.batch_id],
            )?;
        }
        self.exec(
            "UPDATE person SET org = coalesce(org, ?2), note = coalesce(note, ?3), birthday = coalesce(birthday, ?4) WHERE id = ?1",
            params![person_id, c.org.as_deref().map(nfc), c.note.as_deref().map(nfc), c.birthday],
        )?;
        self.touched.insert(person_id);
        self.file.contacts += 1;
        Ok(())
    }
}

/// The digits search matches a phone by: as written, E.164, and national (`010…`).
pub(in crate::vault) fn phone_digits(raw: &str, e164: Option<&str>) -> String {
    let mut out = crate::text::digits(raw);
    if let Some(e164) = e164 {
        out.push(' ');
        out.push_str(&crate::text::digits(e164));
        if let Some(national) = e164.strip_prefix("+82") {
            out.push_str(" 0");
            out.push_str(national);
        }
    }
    out
}
