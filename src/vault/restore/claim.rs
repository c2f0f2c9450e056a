//! Restoring someone else's backup: everything in it is their claim.
//!
//! - Every number and e-mail arrives as a candidate. Its provenance is the
//!   backup file, which names the signer (or "unsigned") and the date; the
//!   file's "confirmed" is kept as what the sender claimed, never as yours.
//! - E.164 is worked out here from the raw text, never taken from the file.
//! - Every handle arrives as a candidate too, with the same provenance.
//! - A backup person joins one of your people only through a number,
//!   e-mail or handle that person has confirmed, or one this same signer
//!   claimed for them before (an update). A match by seat, name or "me" is a merge
//!   suggestion, not a merge.
//! - A value that differs from one you confirmed for that person is a
//!   conflict: listed, and never first (confirmed values sort first).
//! - Messages are never taken from someone else's backup: a message is the
//!   one thing a provenance line quotes as proof.

use std::collections::BTreeSet;

use rusqlite::{OptionalExtension, params};

use super::report::{MatchReason, SuggestedMatch, ValueConflict};
use super::{Groups, Restore};
use crate::backup::format::{BackupHandle, BackupPerson, Snapshot};
use crate::model::Status;
use crate::phone;
use crate::text::nfc;
use crate::vault::write::{Details, Item, Origin, SameAs, canonical_handle};

/// A value of the backup as the vault reads it.
struct Value {
    /// As written (a phone's raw text, an e-mail lower-cased).
    text: String,
    /// What makes two rows the same: E.164, or the text.
    key: String,
    e164: Option<String>,
    label: Option<String>,
    claimed: Status,
}

pub(super) fn merge(
    r: &mut Restore,
    snap: &Snapshot,
    groups: &Groups,
    backup_source: i64,
) -> rusqlite::Result<BTreeSet<i64>> {
    r.report.messages_left_out = snap.messages.len() as u64;
    let seats = super::seats(snap, groups);
    let mut touched = BTreeSet::new();
    for (index, p) in snap.people.iter().enumerate() {
        let seats = seats.get(&p.key).map(Vec::as_slice).unwrap_or(&[]);
        if let Some(id) = person(r, groups, index, p, seats, backup_source)? {
            touched.insert(id);
        }
    }
    Ok(touched)
}

fn values(r: &Restore, p: &BackupPerson) -> (Vec<Value>, Vec<Value>) {
    let phones = p
        .phones
        .iter()
        .map(|ph| {
            let raw = nfc(&ph.raw);
            let e164 = phone::to_e164(&raw, r.region);
            Value {
                key: e164.clone().unwrap_or_else(|| raw.clone()),
                text: raw,
                e164,
                label: ph.label.clone(),
                claimed: ph.status,
            }
        })
        .collect();
    let emails = p
        .emails
        .iter()
        .filter_map(|e| {
            let address = crate::email::normalize(&e.address)?;
            Some(Value { key: address.clone(), text: address, e164: None, label: e.label.clone(), claimed: e.status })
        })
        .collect();
    (phones, emails)
}

/// The person of yours a backup person is: one with a number, e-mail or
/// handle of theirs confirmed, or to whom this signer gave one of them before.
fn joins(
    r: &Restore,
    phones: &[Value],
    emails: &[Value],
    handles: &[BackupHandle],
    backup_source: i64,
) -> rusqlite::Result<Option<i64>> {
    for v in phones {
        if let Some(e164) = &v.e164
            && let Some(id) = r.rows.person_with_phone(e164, true)?
        {
            return Ok(Some(id));
        }
    }
    for v in emails {
        if let Some(id) = r.rows.person_with_email(&v.key, true)? {
            return Ok(Some(id));
        }
    }
    for h in handles {
        if let Some(id) = r.rows.person_with_handle(&h.service, &h.value)? {
            return Ok(Some(id));
        }
    }
    // What this signer claimed before: (the value rows are compared by, a handle's service).
    let keys = |values: &[Value]| values.iter().map(|v| (v.key.clone(), None)).collect::<Vec<_>>();
    let handle_keys: Vec<(String, Option<&str>)> = handles
        .iter()
        .filter(|h| h.service != "id")
        .map(|h| (canonical_handle(&h.service, &h.value), Some(h.service.as_str())))
        .collect();
    let conn = r.rows.conn;
    for (table, sources, item, same, keys) in [
        ("phone", "provenance", "phone_id", "x.value = ?1 AND ?3 IS NULL", keys(phones)),
        ("email", "provenance", "email_id", "x.address = ?1 AND ?3 IS NULL", keys(emails)),
        ("handle", "handle_source", "handle_id", "x.value = ?1 AND x.service = ?3", handle_keys),
    ] {
        let sql = format!(
            "SELECT min(x.person_id) FROM {table} x JOIN {sources} v ON v.{item} = x.id JOIN source s ON s.id = v.source_id
             WHERE {same} AND s.claim = 1 AND s.id <> ?2
               AND s.signer_key IS (SELECT signer_key FROM source WHERE id = ?2)"
        );
        for (key, service) in keys {
            // `min`, not ORDER BY … LIMIT 1: no temporary b-tree per value; the
            // indexes on the value (phone_value, email_address, handle_value) keep it one seek.
            let found: Option<i64> =
                conn.prepare_cached(&sql)?.query_row(params![key, backup_source, service], |row| row.get(0))?;
            if let Some(id) = found {
                return r.rows.live(id).map(Some);
            }
        }
    }
    Ok(None)
}

/// Someone of yours the backup person looks like, without proof.
fn looks_like(
    r: &Restore,
    p: &BackupPerson,
    seats: &[(i64, String, bool)],
) -> rusqlite::Result<Option<SuggestedMatch>> {
    let conn = r.rows.conn;
    let named = |id: i64, why: MatchReason| -> rusqlite::Result<Option<SuggestedMatch>> {
        let id = r.rows.live(id)?;
        let name: String = conn.query_row("SELECT name FROM person WHERE id = ?1", [id], |row| row.get(0))?;
        Ok(Some(SuggestedMatch { id, name, why }))
    };
    for (grp, display, _) in seats {
        let found: Option<i64> = conn
            .prepare_cached("SELECT person_id FROM membership WHERE grp_id = ?1 AND display_name = ?2")?
            .query_row(params![grp, display], |row| row.get(0))
            .optional()?;
        if let Some(id) = found {
            return named(id, MatchReason::Seat { display: display.clone() });
        }
    }
    if p.me {
        let me: Option<i64> = conn
            .query_row("SELECT id FROM person WHERE me = 1 AND merged_into IS NULL ORDER BY id LIMIT 1", [], |row| {
                row.get(0)
            })
            .optional()?;
        if let Some(id) = me {
            return named(id, MatchReason::Maker);
        }
    }
    let same_name: Option<i64> = conn
        .prepare_cached("SELECT id FROM person WHERE name = ?1 AND merged_into IS NULL ORDER BY id LIMIT 1")?
        .query_row([nfc(&p.name)], |row| row.get(0))
        .optional()?;
    match same_name {
        Some(id) => named(id, MatchReason::SameName),
        None => Ok(None),
    }
}

fn person(
    r: &mut Restore,
    groups: &Groups,
    index: usize,
    p: &BackupPerson,
    seats: &[(i64, String, bool)],
    backup_source: i64,
) -> rusqlite::Result<Option<i64>> {
    let (phones, emails) = values(r, p);
    let joined = joins(r, &phones, &emails, &p.handles, backup_source)?;
    let conn = r.rows.conn;
    let id = match joined {
        Some(id) => {
            r.report.merged_people += 1;
            id
        }
        None => {
            let mut new_seat = false;
            for (grp, display, _) in seats {
                new_seat |= !seat_taken(r, *grp, display)?;
            }
            // Someone known by nothing but a name (or a platform's id), whose seat is taken: nothing to add.
            if phones.is_empty() && emails.is_empty() && p.handles.iter().all(|h| h.service == "id") && !new_seat {
                left_groups(r, groups, index, p, seats)?;
                return Ok(None);
            }
            let suggestion = looks_like(r, p, seats)?;
            // Someone else's UID is theirs to give: a claim gets a fresh one.
            let id = r.rows.new_person(&nfc(&p.name), false, None)?;
            r.rows.fill_details(
                id,
                &Details {
                    org: p.org.as_deref(),
                    note: p.note.as_deref(),
                    birthday: p.birthday.as_deref(),
                    ..Details::default()
                },
            )?;
            for alias in &p.aliases {
                r.rows.add_alias(id, alias, Some(backup_source))?;
            }
            r.report.new_people += 1;
            let change = r.report.person(index, &p.name);
            change.new_person = true;
            if let Some(s) = suggestion {
                r.rows.exec(
                    "INSERT OR IGNORE INTO claim_match(person_id, existing_id, reason, batch_id) VALUES (?1, ?2, ?3, ?4)",
                    params![id, s.id, s.why.stored(), r.rows.batch_id],
                )?;
                r.report.person(index, &p.name).suggested_merge = Some(s);
            }
            id
        }
    };
    if joined.is_some() {
        let existing: String = conn.query_row("SELECT name FROM person WHERE id = ?1", [id], |row| row.get(0))?;
        let change = r.report.person(index, &p.name);
        change.person_id = Some(id);
        change.existing_name = Some(existing);
    }
    let yours_phones =
        confirmed(r, "SELECT coalesce(e164, raw), value FROM phone WHERE person_id = ?1 AND status = 'confirmed'", id)?;
    let yours_emails =
        confirmed(r, "SELECT address, address FROM email WHERE person_id = ?1 AND status = 'confirmed'", id)?;
    for v in &phones {
        let added = r.rows.add_phone(id, &v.text, v.e164.as_deref(), v.label.as_deref(), Status::Candidate)?;
        record(r, index, p, Item::Phone(added.id), added.new, v, &yours_phones, backup_source)?;
    }
    for v in &emails {
        let added = r.rows.add_email(id, &v.text, v.label.as_deref(), Status::Candidate)?;
        record(r, index, p, Item::Email(added.id), added.new, v, &yours_emails, backup_source)?;
    }
    for h in &p.handles {
        // Their word, never yours: a candidate, with the file's status kept as their claim.
        let Some(added) = r.rows.add_handle(id, &h.service, &h.value, Status::Candidate)? else { continue };
        r.rows.add_provenance(Item::Handle(added.id), &claim_origin(backup_source, h.status()), SameAs::Signer)?;
        if added.new {
            r.report.new_handle(index, p, h);
        }
    }
    for (grp, display, _) in seats {
        let seat = r.rows.add_membership(*grp, id, display)?;
        if seat.new {
            r.report.new_members += 1;
        }
    }
    left_groups(r, groups, index, p, seats)?;
    // Joined someone of yours and changed nothing: not worth a line in the preview.
    if r.report.people.last().is_some_and(|c| c.index == index && c.person_id.is_some() && is_quiet(c)) {
        r.report.people.pop();
    }
    Ok(Some(id))
}

fn is_quiet(c: &super::PersonChange) -> bool {
    !c.new_person
        && c.new_phones.is_empty()
        && c.new_emails.is_empty()
        && c.new_handles.is_empty()
        && c.conflicts.is_empty()
        && c.left.is_empty()
        && c.suggested_merge.is_none()
}

fn seat_taken(r: &Restore, grp: i64, display: &str) -> rusqlite::Result<bool> {
    r.rows
        .conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM membership WHERE grp_id = ?1 AND display_name = ?2)")?
        .query_row(params![grp, display], |row| row.get(0))
}

/// What a person has confirmed: (as shown, the value rows are compared by).
fn confirmed(r: &Restore, sql: &str, id: i64) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = r.rows.conn.prepare_cached(sql)?;
    stmt.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?.collect()
}

/// Where a claimed value came from: the backup, and the status it gave it.
fn claim_origin(backup_source: i64, claimed: Status) -> Origin<'static> {
    Origin { source_id: Some(backup_source), claimed: Some(claimed), times: 1, ..Origin::default() }
}

/// Count a claimed value, note it as new or as a conflict, and give it the
/// backup as its provenance.
#[allow(clippy::too_many_arguments)]
fn record(
    r: &mut Restore,
    index: usize,
    p: &BackupPerson,
    item: Item,
    new: bool,
    v: &Value,
    yours: &[(String, String)],
    backup_source: i64,
) -> rusqlite::Result<()> {
    r.rows.add_provenance(item, &claim_origin(backup_source, v.claimed), SameAs::Signer)?;
    let conflict = !yours.is_empty() && !yours.iter().any(|(_, key)| *key == v.key);
    if !new {
        return Ok(());
    }
    let is_phone = matches!(item, Item::Phone(_));
    if is_phone {
        r.report.new_phones += 1;
    } else {
        r.report.new_emails += 1;
    }
    let change = r.report.person(index, &p.name);
    if is_phone {
        change.new_phones.push(v.text.clone());
    } else {
        change.new_emails.push(v.text.clone());
    }
    if conflict {
        change.conflicts.push(ValueConflict {
            value: v.text.clone(),
            claimed: v.claimed,
            yours: yours.iter().map(|(shown, _)| shown.clone()).collect(),
        });
        r.report.conflicts += 1;
    }
    Ok(())
}

/// A member the backup says left a group: applied only as an update, when
/// the group's last roster came from this same signer (a first roster, or
/// one from a newly accepted key, changes no seat you have).
fn left_groups(
    r: &mut Restore,
    groups: &Groups,
    index: usize,
    p: &BackupPerson,
    seats: &[(i64, String, bool)],
) -> rusqlite::Result<()> {
    for (grp, display, left) in seats {
        if !left || !groups.trusted.contains(grp) {
            continue;
        }
        let seat: Option<i64> = r
            .rows
            .conn
            .prepare_cached("SELECT id FROM membership WHERE grp_id = ?1 AND display_name = ?2 AND left_group = 0")?
            .query_row(params![grp, display], |row| row.get(0))
            .optional()?;
        if let Some(seat) = seat {
            r.rows.exec("UPDATE membership SET left_group = 1 WHERE id = ?1", [seat])?;
            r.rows.exec(
                "INSERT INTO claim_left(membership_id, batch_id) VALUES (?1, ?2)",
                params![seat, r.rows.batch_id],
            )?;
            let group: String = r.rows.conn.query_row("SELECT name FROM grp WHERE id = ?1", [grp], |row| row.get(0))?;
            r.report.person(index, &p.name).left.push(group);
        }
    }
    Ok(())
}
