//! Restoring a backup this vault signed: exactly as it was. People are found
//! by the same E.164 number or e-mail, chat members by their display name in
//! the same group, "me" as me; statuses and provenance are the file's, since
//! the file is the vault's own word. Rows that exist are left alone, so
//! restoring twice adds nothing.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::{Groups, Restore};
use crate::backup::format::{BackupPerson, BackupSource, Snapshot};
use crate::text::nfc;
use crate::vault::chunk;
use crate::vault::write::{Details, Item, Origin, SameAs};

/// Provenance to write once the messages it may point to are in.
struct Pending<'s> {
    item: Item,
    source: &'s BackupSource,
}

pub(super) fn merge(
    r: &mut Restore,
    snap: &Snapshot,
    groups: &Groups,
    backup_source: i64,
) -> rusqlite::Result<BTreeSet<i64>> {
    // Where each person appears, to find chat members who have no number.
    let seats = super::seats(snap, groups);
    let mut people: HashMap<i64, i64> = HashMap::new();
    let mut pending = Vec::new();
    for (index, p) in snap.people.iter().enumerate() {
        let seats = seats.get(&p.key).map(Vec::as_slice).unwrap_or(&[]);
        let id = person(r, index, p, seats, backup_source, &mut pending)?;
        people.insert(p.key, id);
    }
    for g in &snap.groups {
        let grp = groups.by_key[&g.key];
        for m in &g.members {
            let Some(person) = people.get(&m.person) else { continue };
            let added = r.rows.exec(
                "INSERT OR IGNORE INTO membership(grp_id, person_id, display_name, first_seen, last_seen, messages, left_group, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![grp, person, nfc(&m.display_name), m.first_seen, m.last_seen, m.messages, m.left, r.rows.batch_id],
            )?;
            r.report.new_members += added as u64;
        }
    }
    r.messages(snap, groups, backup_source)?;
    let mut sources: HashMap<String, i64> = HashMap::new();
    for p in pending {
        let grp = p.source.group.as_deref().and_then(|g| groups.by_name.get(g).copied());
        provenance(r, p.item, p.source, grp, &mut sources)?;
    }
    Ok(people.into_values().collect())
}

/// The vault person for a backup person: by number, e-mail, seat in a
/// group, "me", or, for someone known by nothing else, the exact name.
/// What the backup says of a person besides their names and ways to reach them.
fn details(p: &BackupPerson) -> Details<'_> {
    Details {
        org: p.org.as_deref(),
        note: p.note.as_deref(),
        birthday: p.birthday.as_deref(),
        name_parts: p.name_parts.as_deref(),
        org_parts: p.org_parts.as_deref().map_or(&[], Vec::as_slice),
    }
}

fn existing(r: &Restore, p: &BackupPerson, seats: &[(i64, String, bool)]) -> rusqlite::Result<Option<i64>> {
    for ph in &p.phones {
        if let Some(e164) = &ph.e164
            && let Some(id) = r.rows.person_with_phone(e164, false)?
        {
            return Ok(Some(id));
        }
    }
    for address in p.emails.iter().filter_map(|e| crate::email::normalize(&e.address)) {
        if let Some(id) = r.rows.person_with_email(&address, false)? {
            return Ok(Some(id));
        }
    }
    let conn = r.rows.conn;
    for (grp, name, _) in seats {
        let found: Option<i64> = conn
            .prepare_cached("SELECT person_id FROM membership WHERE grp_id = ?1 AND display_name = ?2")?
            .query_row(params![grp, name], |row| row.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    if p.me {
        return conn
            .query_row("SELECT id FROM person WHERE me = 1 AND merged_into IS NULL ORDER BY id LIMIT 1", [], |row| {
                row.get(0)
            })
            .optional();
    }
    if p.phones.is_empty() && p.emails.is_empty() && seats.is_empty() {
        return conn
            .prepare_cached("SELECT id FROM person WHERE name = ?1 AND merged_into IS NULL ORDER BY id LIMIT 1")?
            .query_row([nfc(&p.name)], |row| row.get(0))
            .optional();
    }
    Ok(None)
}

fn person<'s>(
    r: &mut Restore,
    index: usize,
    p: &'s BackupPerson,
    seats: &[(i64, String, bool)],
    backup_source: i64,
    pending: &mut Vec<Pending<'s>>,
) -> rusqlite::Result<i64> {
    let id = match existing(r, p, seats)? {
        Some(id) => {
            r.report.merged_people += 1;
            r.rows.fill_details(id, &details(p))?;
            id
        }
        None => {
            // Your own backup: the person keeps the UID address books know them by.
            let id = r.rows.new_person(&nfc(&p.name), p.me, p.uid.as_deref())?;
            r.rows.fill_details(id, &details(p))?;
            r.report.new_people += 1;
            r.report.person(index, &p.name).new_person = true;
            id
        }
    };
    for alias in std::iter::once(&p.name).chain(&p.aliases) {
        r.rows.add_alias(id, alias, Some(backup_source))?;
    }
    for ph in &p.phones {
        let added = r.rows.add_phone(id, &ph.raw, ph.e164.as_deref(), ph.label.as_deref(), ph.status)?;
        if added.new {
            r.report.new_phones += 1;
            r.report.person(index, &p.name).new_phones.push(ph.raw.clone());
        }
        pending.extend(ph.sources.iter().map(|source| Pending { item: Item::Phone(added.id), source }));
    }
    for e in &p.emails {
        // A backup is hostile input, your own included: no address, no row.
        let Some(address) = crate::email::normalize(&e.address) else { continue };
        let added = r.rows.add_email(id, &address, e.label.as_deref(), e.status)?;
        if added.new {
            r.report.new_emails += 1;
            r.report.person(index, &p.name).new_emails.push(address);
        }
        pending.extend(e.sources.iter().map(|source| Pending { item: Item::Email(added.id), source }));
    }
    for h in &p.handles {
        // One the user rejected for this person after the backup was made stays rejected.
        let Some(added) = r.rows.add_handle(id, &h.service, &h.value, h.status())? else { continue };
        if added.new {
            r.report.new_handle(index, p, h);
        }
        pending.extend(h.sources.iter().map(|source| Pending { item: Item::Handle(added.id), source }));
    }
    Ok(id)
}

/// Provenance for a phone, e-mail or handle, unless the vault already records the
/// same origin (same file and line, or same group, sharer and time).
fn provenance(
    r: &mut Restore,
    item: Item,
    s: &BackupSource,
    grp: Option<i64>,
    sources: &mut HashMap<String, i64>,
) -> rusqlite::Result<()> {
    let source_id = match &s.file {
        Some(file) => Some(match sources.get(file) {
            Some(id) => *id,
            None => {
                r.rows.exec(
                    "INSERT INTO source(batch_id, file_name, format, encoding, sha256, imported_at) VALUES (?1, ?2, 'restored', 'age', ?3, ?4)",
                    params![r.rows.batch_id, file, r.origin.sha256, super::now()],
                )?;
                let id = r.rows.conn.last_insert_rowid();
                sources.insert(file.clone(), id);
                id
            }
        }),
        None => None,
    };
    let at = s.at.as_deref().and_then(|at| NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S").ok());
    let message_id = match (grp, at, &s.shared_by) {
        (Some(g), Some(at), Some(by)) => chunk::find_message(r.rows.conn, g, at, by)?,
        _ => None,
    };
    let origin = Origin {
        source_id,
        line: s.line,
        message_id,
        grp_id: grp,
        shared_by: s.shared_by.as_deref(),
        at: s.at.as_deref(),
        times: s.times,
        claimed: None,
    };
    r.rows.add_provenance(item, &origin, SameAs::FileName)?;
    Ok(())
}
