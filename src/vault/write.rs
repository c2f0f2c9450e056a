//! One write path per table. Every import and every restore stores people,
//! aliases, phones, e-mails, handles, memberships and provenance through
//! these functions, so the rules of what makes a row the same (an E.164
//! number, a lower-cased address, a display name in a group) live once.
//!
//! Every statement goes through the connection's statement cache: a
//! million-message import must not parse SQL per row.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, ToSql, params};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::{NameParts, Status};
use crate::text::nfc;

impl ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Status {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Status> {
        let text = value.as_str()?;
        Status::from_name(text).ok_or_else(|| FromSqlError::Other(format!("{text:?} is not a status").into()))
    }
}

/// A phone, e-mail or handle row: what provenance points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Item {
    Phone(i64),
    Email(i64),
    Handle(i64),
}

impl Item {
    /// The table of the item's provenance, and its column there.
    pub(super) fn provenance(self) -> (&'static str, &'static str) {
        match self {
            Item::Phone(_) => ("provenance", "phone_id"),
            Item::Email(_) => ("provenance", "email_id"),
            Item::Handle(_) => ("handle_source", "handle_id"),
        }
    }
    pub(super) fn id(self) -> i64 {
        match self {
            Item::Phone(id) | Item::Email(id) | Item::Handle(id) => id,
        }
    }
}

/// Where a phone or e-mail came from: a file and line, a message in a group,
/// or both.
#[derive(Debug, Clone, Default)]
pub(super) struct Origin<'a> {
    pub source_id: Option<i64>,
    pub line: Option<u32>,
    pub message_id: Option<i64>,
    pub grp_id: Option<i64>,
    pub shared_by: Option<&'a str>,
    pub at: Option<&'a str>,
    pub times: i64,
    /// For a value from someone else's backup: the status that backup gave it.
    pub claimed: Option<Status>,
}

/// When a provenance row counts as recorded already.
#[derive(Debug, Clone, Copy)]
pub(super) enum SameAs {
    /// The same source row, line, group, sharer and time (imports).
    Source,
    /// The same file name, line, group, sharer and time (restoring your own
    /// backup, whose source rows are new each time).
    FileName,
    /// Any earlier claim of the same signer (someone else's backups).
    Signer,
}

/// The rows of one batch: every write names it, so undo removes it whole.
/// What a source wrote about a person besides their names and ways to reach them.
#[derive(Default)]
pub(super) struct Details<'a> {
    pub org: Option<&'a str>,
    pub note: Option<&'a str>,
    pub birthday: Option<&'a str>,
    pub name_parts: Option<&'a NameParts>,
    pub org_parts: &'a [String],
}

/// Details as the person's columns hold them: in NFC, the parts as JSON.
struct DetailValues {
    org: Option<String>,
    note: Option<String>,
    birthday: Option<String>,
    name_parts: Option<String>,
    /// The units of a structured ORG (two or more), and the organization they spell.
    org_parts: Option<String>,
    spelled: Option<String>,
}

impl Details<'_> {
    fn values(&self) -> rusqlite::Result<DetailValues> {
        let name_parts = match self.name_parts.filter(|p| !p.is_empty()) {
            Some(parts) => Some(json(&NameParts {
                family: nfc(&parts.family),
                given: nfc(&parts.given),
                additional: nfc(&parts.additional),
                prefix: nfc(&parts.prefix),
                suffix: nfc(&parts.suffix),
            })?),
            None => None,
        };
        let org_parts: Vec<String> = self.org_parts.iter().map(|p| nfc(p)).collect();
        let (org_parts, spelled) =
            if org_parts.len() < 2 { (None, None) } else { (Some(json(&org_parts)?), Some(org_parts.join(", "))) };
        Ok(DetailValues {
            org: self.org.map(nfc),
            note: self.note.map(nfc),
            birthday: self.birthday.map(nfc),
            name_parts,
            org_parts,
            spelled,
        })
    }
}

fn json(value: &impl serde::Serialize) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

#[derive(Clone, Copy)]
pub(super) struct Rows<'c> {
    pub conn: &'c Connection,
    pub batch_id: i64,
}

/// A phone or e-mail row, and whether this call made it.
pub(super) struct Added {
    pub id: i64,
    pub new: bool,
}

impl<'c> Rows<'c> {
    pub(super) fn exec<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.conn.prepare_cached(sql)?.execute(params)
    }

    fn one<T: FromSql, P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<Option<T>> {
        self.conn.prepare_cached(sql)?.query_row(params, |r| r.get(0)).optional()
    }

    /// A new person with the UID their source gave them, or a fresh one when
    /// it gave none or another person holds it already.
    pub(super) fn new_person(&self, name: &str, me: bool, uid: Option<&str>) -> rusqlite::Result<i64> {
        self.insert_person(uid, |uid| {
            self.exec(
                "INSERT INTO person(name, me, uid, batch_id) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (uid) DO NOTHING",
                params![name, me, uid, self.batch_id],
            )
        })
    }

    /// A new person made from a card, with its details and the search text
    /// of everything the card gives them, in one statement: a row written
    /// once, not written and then grown twice (a 100,000-card import makes
    /// 100,000 of them).
    pub(super) fn new_card_person(
        &self,
        name: &str,
        uid: Option<&str>,
        d: &Details,
        haystack: &str,
    ) -> rusqlite::Result<i64> {
        let v = d.values()?;
        // What `fill_details` keeps for someone who had no organization.
        let org_parts = if v.org.is_some() && v.org == v.spelled { v.org_parts } else { None };
        self.insert_person(uid, |uid| {
            self.exec(
                "INSERT INTO person(name, me, uid, batch_id, org, note, birthday, name_parts, org_parts, haystack)
                 VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (uid) DO NOTHING",
                params![name, uid, self.batch_id, v.org, v.note, v.birthday, v.name_parts, &org_parts, haystack],
            )
        })
    }

    /// Insert a person with the UID a source gave, unless it is unusable or
    /// someone holds it (`insert` then writes nothing); else with a fresh
    /// one. No lookup first: a new UID is the rule, and the insert finds the
    /// one that is taken.
    fn insert_person(
        &self,
        uid: Option<&str>,
        insert: impl Fn(&str) -> rusqlite::Result<usize>,
    ) -> rusqlite::Result<i64> {
        let given = uid.map(str::trim).filter(|u| !u.is_empty() && u.len() <= 255);
        if given.map_or(Ok(0), &insert)? == 0 && insert(&fresh_uid())? == 0 {
            return Err(rusqlite::Error::StatementChangedRows(0));
        }
        Ok(self.conn.last_insert_rowid())
    }

    /// Fill what a person lacks from what a source wrote; never overwrites
    /// what they have. The units of a structured ORG are kept only with the
    /// organization they spell, unless another source's organization is kept.
    /// One statement: a contact import runs it for every card that merges.
    pub(super) fn fill_details(&self, person_id: i64, d: &Details) -> rusqlite::Result<()> {
        let v = d.values()?;
        self.exec(
            "UPDATE person SET org = coalesce(org, ?2), note = coalesce(note, ?3), birthday = coalesce(birthday, ?4),
               name_parts = coalesce(name_parts, ?5),
               org_parts = CASE WHEN coalesce(org, ?2) = ?7 THEN coalesce(org_parts, ?6) ELSE org_parts END
             WHERE id = ?1",
            params![person_id, v.org, v.note, v.birthday, v.name_parts, v.org_parts, v.spelled],
        )?;
        Ok(())
    }

    /// Another name for a person, unless it is their name already; true when it is new.
    pub(super) fn add_alias(&self, person_id: i64, name: &str, source_id: Option<i64>) -> rusqlite::Result<bool> {
        let inserted = self.exec(
            "INSERT OR IGNORE INTO alias(person_id, name, source_id, batch_id)
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = ?1 AND name = ?2)",
            params![person_id, nfc(name), source_id, self.batch_id],
        )?;
        Ok(inserted > 0)
    }

    /// Add a phone to a person, or find it there. `e164` is what the vault
    /// worked out from `raw` (never a file's word for it).
    pub(super) fn add_phone(
        &self,
        person_id: i64,
        raw: &str,
        e164: Option<&str>,
        label: Option<&str>,
        status: Status,
    ) -> rusqlite::Result<Added> {
        let raw = nfc(raw);
        let value = e164.unwrap_or(&raw);
        let digits = phone_digits(&raw, e164);
        let inserted = self.exec(
            "INSERT OR IGNORE INTO phone(person_id, e164, raw, value, digits, label, status, batch_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![person_id, e164, raw, value, digits, label, status, self.batch_id],
        )?;
        if inserted > 0 {
            return Ok(Added { id: self.conn.last_insert_rowid(), new: true });
        }
        let id = self.one("SELECT id FROM phone WHERE person_id = ?1 AND value = ?2", params![person_id, value])?;
        Ok(Added { id: id.ok_or(rusqlite::Error::QueryReturnedNoRows)?, new: false })
    }

    /// Add an e-mail (already checked and lower-cased) to a person, or find it there.
    pub(super) fn add_email(
        &self,
        person_id: i64,
        address: &str,
        label: Option<&str>,
        status: Status,
    ) -> rusqlite::Result<Added> {
        let inserted = self.exec(
            "INSERT OR IGNORE INTO email(person_id, address, label, status, batch_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![person_id, address, label, status, self.batch_id],
        )?;
        if inserted > 0 {
            return Ok(Added { id: self.conn.last_insert_rowid(), new: true });
        }
        let id = self.one("SELECT id FROM email WHERE person_id = ?1 AND address = ?2", params![person_id, address])?;
        Ok(Added { id: id.ok_or(rusqlite::Error::QueryReturnedNoRows)?, new: false })
    }

    /// Add a handle to a person, or find it there; None when the user
    /// rejected it for them (or for someone merged into them). An Instagram, Telegram, LINE or Discord ID is
    /// stored in its canonical form (`@MinKim` and `minkim` are one
    /// Telegram handle), so a contact list's and a chat's writing of it are
    /// one row. Like a number, a handle found again keeps its status.
    pub(super) fn add_handle(
        &self,
        person_id: i64,
        service: &str,
        value: &str,
        status: Status,
    ) -> rusqlite::Result<Option<Added>> {
        let value = canonical_handle(service, value);
        let inserted = self.exec(
            "INSERT OR IGNORE INTO handle(person_id, service, value, status, batch_id)
             SELECT ?1, ?2, ?3, ?4, ?5
             WHERE NOT EXISTS (SELECT 1 FROM handle_rejected WHERE service = ?2 AND value = ?3
               AND (person_id = ?1 OR person_id IN (SELECT id FROM person WHERE merged_into = ?1)))",
            params![person_id, service, value, status, self.batch_id],
        )?;
        if inserted > 0 {
            return Ok(Some(Added { id: self.conn.last_insert_rowid(), new: true }));
        }
        let id = self.one(
            "SELECT id FROM handle WHERE person_id = ?1 AND service = ?2 AND value = ?3",
            params![person_id, service, value],
        )?;
        Ok(id.map(|id| Added { id, new: false }))
    }

    /// Whoever has this handle confirmed (platform ids are no handle to
    /// join by): how someone else's backup finds a person of yours.
    pub(super) fn person_with_handle(&self, service: &str, value: &str) -> rusqlite::Result<Option<i64>> {
        if service == "id" {
            return Ok(None);
        }
        let found: Option<i64> = self
            .one::<Option<i64>, _>(
                "SELECT min(person_id) FROM handle WHERE service = ?1 AND value = ?2 AND status = 'confirmed'",
                params![service, canonical_handle(service, value)],
            )?
            .flatten();
        found.map(|id| self.live(id)).transpose()
    }

    /// The membership of a display name in a group: found, or made for `person_id`.
    pub(super) fn add_membership(&self, grp_id: i64, person_id: i64, display_name: &str) -> rusqlite::Result<Added> {
        if let Some(id) = self
            .one("SELECT id FROM membership WHERE grp_id = ?1 AND display_name = ?2", params![grp_id, display_name])?
        {
            return Ok(Added { id, new: false });
        }
        self.exec(
            "INSERT INTO membership(grp_id, person_id, display_name, batch_id) VALUES (?1, ?2, ?3, ?4)",
            params![grp_id, person_id, display_name, self.batch_id],
        )?;
        Ok(Added { id: self.conn.last_insert_rowid(), new: true })
    }

    /// Widen a membership's first and last seen, add messages, and set
    /// whether they left unless a later sighting says otherwise.
    pub(super) fn see_member(
        &self,
        membership_id: i64,
        first: Option<&str>,
        last: Option<&str>,
        messages: i64,
        left: Option<bool>,
    ) -> rusqlite::Result<()> {
        self.exec(
            "UPDATE membership SET
               first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN coalesce(?2, first_seen) ELSE first_seen END,
               last_seen = CASE WHEN last_seen IS NULL OR ?3 > last_seen THEN coalesce(?3, last_seen) ELSE last_seen END,
               messages = messages + ?4,
               left_group = CASE WHEN ?5 IS NULL OR (last_seen IS NOT NULL AND ?3 IS NOT NULL AND last_seen > ?3) THEN left_group ELSE ?5 END
             WHERE id = ?1",
            params![membership_id, first, last, messages, left],
        )?;
        Ok(())
    }

    /// Record where a phone, e-mail or handle came from, unless one that is
    /// `same` is recorded already.
    pub(super) fn add_provenance(&self, item: Item, o: &Origin, same: SameAs) -> rusqlite::Result<bool> {
        let (table, column) = item.provenance();
        let exists = match same {
            SameAs::Source => format!(
                "SELECT EXISTS (SELECT 1 FROM {table} p WHERE p.{column} = ?1 AND p.source_id IS ?2
                 AND p.line IS ?3 AND p.grp_id IS ?4 AND p.shared_by IS ?5 AND p.at IS ?6)"
            ),
            SameAs::FileName => format!(
                "SELECT EXISTS (SELECT 1 FROM {table} p LEFT JOIN source s ON s.id = p.source_id WHERE p.{column} = ?1
                 AND s.file_name IS (SELECT file_name FROM source WHERE id = ?2)
                 AND p.line IS ?3 AND p.grp_id IS ?4 AND p.shared_by IS ?5 AND p.at IS ?6)"
            ),
            SameAs::Signer => format!(
                "SELECT EXISTS (SELECT 1 FROM {table} p JOIN source s ON s.id = p.source_id WHERE p.{column} = ?1
                 AND s.claim = 1 AND s.signer_key IS (SELECT signer_key FROM source WHERE id = ?2)
                 AND ?3 IS ?3 AND ?4 IS ?4 AND ?5 IS ?5 AND ?6 IS ?6)"
            ),
        };
        let found: bool = self
            .conn
            .prepare_cached(&exists)?
            .query_row(params![item.id(), o.source_id, o.line, o.grp_id, o.shared_by, o.at], |r| r.get(0))?;
        if found {
            return Ok(false);
        }
        self.insert_provenance(item, o)?;
        Ok(true)
    }

    /// Record where a phone, e-mail or handle came from, with no look for
    /// an earlier record: for an item this batch has just made.
    pub(super) fn insert_provenance(&self, item: Item, o: &Origin) -> rusqlite::Result<()> {
        let (table, column) = item.provenance();
        self.exec(
            &format!(
                "INSERT INTO {table}({column}, source_id, line, message_id, grp_id, shared_by, at, times, claimed, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            ),
            params![
                item.id(),
                o.source_id,
                o.line,
                o.message_id,
                o.grp_id,
                o.shared_by,
                o.at,
                o.times.max(1),
                o.claimed,
                self.batch_id
            ],
        )?;
        Ok(())
    }

    /// Whoever has this E.164 number, people who confirmed it first; with
    /// `confirmed_only`, only someone for whom it is confirmed.
    pub(super) fn person_with_phone(&self, e164: &str, confirmed_only: bool) -> rusqlite::Result<Option<i64>> {
        self.person_with("SELECT person_id, status FROM phone WHERE value = ?1 AND e164 = ?1", e164, confirmed_only)
    }

    /// Like [`Rows::person_with_phone`], for an e-mail address.
    pub(super) fn person_with_email(&self, address: &str, confirmed_only: bool) -> rusqlite::Result<Option<i64>> {
        self.person_with("SELECT person_id, status FROM email WHERE address = ?1", address, confirmed_only)
    }

    /// Every contact of an import asks this: the statement is a literal, so
    /// the cache finds it without building its text each time. The rows that
    /// hold the value (rarely more than one) are read in one look in its
    /// index and the first holder chosen here: an ORDER BY opens a temporary
    /// b-tree per call, whose allocations SQLCipher's memory security wipes
    /// when freed, and a `min` per status looks twice for a value nobody has.
    fn person_with(&self, sql: &'static str, value: &str, confirmed_only: bool) -> rusqlite::Result<Option<i64>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query([value])?;
        let (mut confirmed, mut anyone) = (None::<i64>, None::<i64>);
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if row.get::<_, Status>(1)? == Status::Confirmed {
                confirmed = Some(confirmed.map_or(id, |c| c.min(id)));
            }
            anyone = Some(anyone.map_or(id, |a| a.min(id)));
        }
        let found = if confirmed_only { confirmed } else { confirmed.or(anyone) };
        found.map(|id| self.live(id)).transpose()
    }

    /// The person a merged person's rows now belong to.
    pub(super) fn live(&self, id: i64) -> rusqlite::Result<i64> {
        live(self.conn, id)
    }
}

/// The person `id` became through merges (itself when never merged).
pub(super) fn live(conn: &Connection, mut id: i64) -> rusqlite::Result<i64> {
    // Merges chain (a into b, b into c); a cycle cannot be made, but never loop forever.
    for _ in 0..64 {
        let next = conn
            .prepare_cached("SELECT merged_into FROM person WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .flatten();
        match next {
            Some(next) if next != id => id = next,
            _ => break,
        }
    }
    Ok(id)
}

/// A handle as the vault stores it: its service's canonical form, in NFC.
pub(super) fn canonical_handle(service: &str, value: &str) -> String {
    match crate::extract::Service::from_name(service) {
        Some(known) => known.canonical(&nfc(value)),
        None => nfc(value),
    }
}

/// The digits search matches a phone by: as written, E.164, and national (`010…`).
pub(super) fn phone_digits(raw: &str, e164: Option<&str>) -> String {
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

/// A time-ordered (version 7, RFC 9562) UUID as a URN. Made in increasing order (the milliseconds, then a counter in
/// `rand_a`, RFC 9562 §6.2 method 1), so an import's new people append to the
/// UID index instead of landing all over it; 62 random bits keep two vaults'
/// people apart.
pub(super) fn fresh_uid() -> String {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64) << 12;
    let next = |last: u64| last.saturating_add(1).max(now);
    let stamp = next(LAST.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |last| Some(next(last))).unwrap_or(0));
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&(stamp >> 12).to_be_bytes()[2..]);
    b[6] = (stamp >> 8 & 0x0f) as u8;
    b[7] = stamp as u8;
    random_bytes(&mut b[8..]);
    crate::text::uuid_urn(b, 7)
}

/// Bytes from the OS random source, drawn 512 at a time (one system call
/// for 64 UIDs, not one each) and wiped from the store as they are handed out.
fn random_bytes(out: &mut [u8]) {
    thread_local! {
        static DRAWN: std::cell::RefCell<(zeroize::Zeroizing<[u8; 512]>, usize)> =
            std::cell::RefCell::new((zeroize::Zeroizing::new([0; 512]), 512));
    }
    DRAWN.with_borrow_mut(|(pool, used)| {
        if *used + out.len() > pool.len() {
            // The OS random source failing is not recoverable; a vault cannot be opened without it either.
            getrandom::getrandom(&mut pool[..]).expect("the operating system's random source");
            *used = 0;
        }
        let taken = &mut pool[*used..*used + out.len()];
        out.copy_from_slice(taken);
        taken.fill(0);
        *used += out.len();
    });
}

#[cfg(test)]
mod tests {
    use super::{Details, Rows, fresh_uid};

    /// A source's UID is kept unless someone holds it already or it is
    /// unusable; then the person gets a fresh one, and nobody else's changes.
    #[test]
    fn a_person_keeps_the_uid_their_source_gave_unless_it_is_taken() {
        let d = tempfile::tempdir().unwrap();
        let mut v = crate::vault::Vault::create(&d.path().join("v"), "correct horse").unwrap();
        let tx = v.conn.transaction().unwrap();
        let rows = Rows {
            conn: &tx,
            batch_id: super::super::ingest::new_batch(&tx, super::super::ingest::BatchKind::Import).unwrap(),
        };
        let card = Details { org: None, note: None, birthday: None, name_parts: None, org_parts: &[] };
        let given = "urn:uuid:0190a0e4-0000-7000-8000-000000000001";
        let first = rows.new_card_person("김민준", Some(given), &card, "").unwrap();
        let again = rows.new_card_person("이서연", Some(&format!(" {given} ")), &card, "").unwrap();
        let named = rows.new_person("박지훈", false, Some(given)).unwrap();
        let blank = rows.new_person("최유나", false, Some("  ")).unwrap();
        let long = rows.new_card_person("정하늘", Some(&"x".repeat(256)), &card, "").unwrap();
        let uid =
            |id: i64| -> String { tx.query_row("SELECT uid FROM person WHERE id = ?1", [id], |r| r.get(0)).unwrap() };
        assert_eq!(uid(first), given);
        for id in [again, named, blank, long] {
            assert_ne!(id, first);
            assert!(uid(id).starts_with("urn:uuid:") && uid(id) != given && uid(id).len() == 45, "{}", uid(id));
        }
        let people: i64 = tx.query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap();
        assert_eq!(people, 5);
    }

    #[test]
    fn fresh_uids_are_version_7_and_increase() {
        let uids: Vec<String> = (0..5000).map(|_| fresh_uid()).collect();
        for uid in &uids {
            let hex = uid.strip_prefix("urn:uuid:").expect(uid);
            assert_eq!(hex.len(), 36, "{uid}");
            assert_eq!(&hex[14..15], "7", "version nibble of {uid}");
            assert!("89ab".contains(&hex[19..20]), "variant of {uid}");
        }
        // 5,000 in a few milliseconds: the counter keeps them in order within one.
        assert!(uids.windows(2).all(|w| w[0] < w[1]), "not increasing");
        // Their random bits are drawn fresh for each, pool refill or not.
        let tails: std::collections::HashSet<&str> = uids.iter().map(|u| &u[28..]).collect();
        assert_eq!(tails.len(), uids.len());
        let ms = u64::from_str_radix(&uids[0][9..17], 16).unwrap() << 16
            | u64::from_str_radix(&uids[0][18..22], 16).unwrap();
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64;
        assert!(now.abs_diff(ms) < 60_000, "timestamp {ms} vs now {now}");
    }
}
