//! People: reading them back, searching them, and the search key kept on each.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Vault, VaultError, chunk};
use crate::model::{NameParts, Status};
use crate::text::{digits, initials, is_initials_query, nfc};

/// Where a phone, e-mail or handle came from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ProvenanceView {
    /// The file it was read from.
    pub file: Option<String>,
    pub line: Option<u32>,
    /// The chat room, for values shared in a message.
    pub group: Option<String>,
    pub shared_by: Option<String>,
    pub at: Option<String>,
    pub message: Option<String>,
    /// How many times the member shared it in that room (the first is `at`, `message`).
    pub times: i64,
    /// Set when the value came from someone else's backup: their claim.
    pub claim: Option<ClaimView>,
}

/// A value someone else's backup gave: whose word it is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ClaimView {
    /// Who signed the backup (or that nobody did).
    pub signer: super::SignerView,
    /// When they made it.
    pub made_at: Option<String>,
    /// The status their backup gave it: `confirmed` means confirmed by the
    /// sender, never by you.
    pub claimed: Status,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PhoneView {
    pub id: i64,
    pub e164: Option<String>,
    pub raw: String,
    pub label: Option<String>,
    /// The number as people read it: national form for the vault's region
    /// (`010-1234-5678`), international for others (`+81 90-1234-5678`), as
    /// written when it has no E.164 form. What every screen shows.
    pub shown: String,
    pub status: Status,
    /// A candidate from someone else's backup that differs from a number you
    /// confirmed for this person: shown as such, never used for calls.
    pub conflict: bool,
    pub sources: Vec<ProvenanceView>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EmailView {
    pub id: i64,
    pub address: String,
    pub label: Option<String>,
    pub status: Status,
    /// As for phones: a claim that differs from an address you confirmed.
    pub conflict: bool,
    pub sources: Vec<ProvenanceView>,
}

/// A messenger handle: `instagram`, `telegram`, `line`, `discord` (found in
/// chats or read from address books), `kakao`, …; `id` is a platform's own
/// user id, not a way to reach anyone.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HandleView {
    pub id: i64,
    pub service: String,
    pub value: String,
    /// `confirmed` (an address book, or you confirmed it) or `candidate`
    /// (found in a chat, or claimed by someone else's backup).
    pub status: Status,
    /// As for phones: a claim that differs from a handle of the same service you confirmed.
    pub conflict: bool,
    /// Where it came from: the message that shared it, or the file.
    pub sources: Vec<ProvenanceView>,
}

/// A person with everything the vault knows of them. The JSON shape is a
/// stable contract (README, "JSON output").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub aliases: Vec<String>,
    pub me: bool,
    pub phones: Vec<PhoneView>,
    pub emails: Vec<EmailView>,
    pub handles: Vec<HandleView>,
    pub groups: Vec<String>,
    pub org: Option<String>,
    pub note: Option<String>,
    pub birthday: Option<String>,
    /// The stable UID address books know the person by (`urn:uuid:…`, or the card's own).
    pub uid: String,
    /// The structured name the source wrote; `None`: exports derive it from `name`.
    pub name_parts: Option<NameParts>,
    /// The units of a structured ORG (`["TheCompany", "TheDepartment"]`); empty: `org` is one.
    pub org_parts: Vec<String>,
}

/// What a message search found: how many messages match, and the newest.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MessageResults {
    pub total: u64,
    /// Newest first.
    pub hits: Vec<MessageHit>,
}

/// A message that matched a search.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MessageHit {
    pub id: i64,
    pub group: String,
    pub group_id: i64,
    pub sender: String,
    pub at: String,
    pub text: String,
    /// The messages just before and after it in its room, oldest first.
    pub before: Vec<ContextMessage>,
    pub after: Vec<ContextMessage>,
}

/// A message shown around a search hit.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ContextMessage {
    pub sender: String,
    pub at: String,
    pub text: String,
}

/// A name's place in the Korean order: Hangul syllables 0, bare jamo 1, A–Z
/// 2, the rest 3. The same expression as the `person_order_ko` index.
pub(super) const KOREAN_RANK: &str = "(CASE WHEN unicode(name) BETWEEN 44032 AND 55203 THEN 0
        WHEN unicode(name) BETWEEN 12593 AND 12686 THEN 1
        WHEN unicode(upper(substr(name, 1, 1))) BETWEEN 65 AND 90 THEN 2
        ELSE 3 END)";

/// How lists of people are sorted, after the UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOrder {
    /// As Korean phones sort: 가나다…, then A–Z, then the rest.
    Korean,
    /// A–Z first.
    Latin,
}

impl NameOrder {
    /// The rank a name sorts by before the name itself (a SQL expression over `name`).
    pub(super) fn rank(self) -> &'static str {
        match self {
            NameOrder::Korean => KOREAN_RANK,
            // A constant that is no column number: every name ranks the same.
            NameOrder::Latin => "''",
        }
    }
    /// A name's rank as [`NameOrder::rank`] computes it in SQL.
    pub(super) fn rank_of(self, name: &str) -> u8 {
        if self == NameOrder::Latin {
            return 0;
        }
        match name.chars().next() {
            Some('\u{AC00}'..='\u{D7A3}') => 0,
            Some('\u{3131}'..='\u{318E}') => 1,
            Some(c) if c.is_ascii_alphabetic() => 2,
            _ => 3,
        }
    }

    /// The index that walks everyone in this order.
    pub(super) fn index(self) -> &'static str {
        match self {
            NameOrder::Korean => "person_order_ko",
            NameOrder::Latin => "person_by_name",
        }
    }
}

impl Vault {
    /// The order of people lists: Latin first with an English UI (the
    /// `language` setting `en`), else the Korean order.
    pub fn name_order(&self) -> Result<NameOrder, VaultError> {
        Ok(match self.setting("language")?.as_deref() {
            Some("en") => NameOrder::Latin,
            _ => NameOrder::Korean,
        })
    }

    /// Everyone, or the members of one group, sorted by name in [`Vault::name_order`].
    pub fn people(&self, group: Option<&str>) -> Result<Vec<PersonView>, VaultError> {
        self.people_ids(group)?.into_iter().map(|id| self.person(id)).collect()
    }

    /// The ids of [`Vault::people`], in its order: an export reads the
    /// people one at a time, and never holds them all.
    pub fn people_ids(&self, group: Option<&str>) -> Result<Vec<i64>, VaultError> {
        let rank = self.name_order()?.rank();
        match group {
            None => self
                .ids(&format!("SELECT id FROM person WHERE merged_into IS NULL ORDER BY {rank}, name, id"), params![]),
            Some(g) => {
                let grp = self.group_id(g)?;
                self.ids(
                    &format!(
                        "SELECT DISTINCT p.id, p.name AS name FROM person p JOIN membership m ON m.person_id = p.id
                         WHERE m.grp_id = ?1 ORDER BY {rank}, name, p.id"
                    ),
                    params![grp],
                )
            }
        }
    }

    /// People whose name, alias, initials, phone digits or e-mail contain `query`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<PersonView>, VaultError> {
        let ids = self.search_ids(query, limit)?;
        ids.into_iter().map(|id| self.person(id)).collect()
    }

    /// Ids only, for fast incremental search in the app.
    pub fn search_ids(&self, query: &str, limit: usize) -> Result<Vec<i64>, VaultError> {
        let Some(pattern) = search_pattern(query) else { return Ok(Vec::new()) };
        let mut ids = self.matching_people(&pattern)?;
        ids.truncate(limit);
        Ok(ids)
    }

    /// Everyone whose search text holds `pattern`: those whose name begins
    /// with it first, each part in [`Vault::name_order`].
    pub(super) fn matching_people(&self, pattern: &str) -> Result<Vec<i64>, VaultError> {
        Ok(self.people_list()?.as_ref().map(|l| l.matches(pattern)).unwrap_or_default())
    }

    /// Read what people searches scan, if the vault has changed since it was
    /// last read: the app does it as the People screen opens, so that the
    /// first keystroke finds it ready.
    pub fn ready_people_search(&self) -> Result<(), VaultError> {
        self.people_list().map(drop)
    }

    fn people_list(&self) -> Result<std::cell::RefMut<'_, Option<super::people_list::PeopleList>>, VaultError> {
        let order = self.name_order()?;
        self.people_list.list(&self.conn, order).map_err(|e| self.sql(e))
    }

    /// The person with this id, or the one person a name or number matches.
    pub fn find_person(&self, query: &str) -> Result<PersonView, VaultError> {
        if let Ok(id) = query.trim().parse::<i64>()
            && let Some(found) = self.try_person(id)?
        {
            return Ok(found);
        }
        let ids = self.search_ids(query, 20)?;
        match ids.as_slice() {
            [id] => self.person(*id),
            [] => Err(VaultError::NobodyMatches { query: query.to_owned() }),
            many => {
                let exact: Vec<i64> = many
                    .iter()
                    .copied()
                    .filter(|id| self.try_person(*id).ok().flatten().is_some_and(|p| p.name == nfc(query)))
                    .collect();
                if let [id] = exact.as_slice() {
                    return self.person(*id);
                }
                let names: Vec<String> = many
                    .iter()
                    .filter_map(|id| self.try_person(*id).ok().flatten())
                    .map(|p| format!("{} ({})", p.name, p.id))
                    .collect();
                Err(VaultError::SeveralPeople { query: query.to_owned(), count: many.len(), names: names.join(", ") })
            }
        }
    }

    pub fn person(&self, id: i64) -> Result<PersonView, VaultError> {
        self.try_person(id)?.ok_or(VaultError::NoPerson { id })
    }

    /// How many phones and e-mails the person `id` (or whoever they were
    /// merged into) keeps in an export: [`Vault::person`]'s
    /// [`PersonView::without_conflicts`], counted without reading the rows.
    pub fn kept_counts(&self, id: i64) -> Result<(usize, usize), VaultError> {
        let live = self.live_person(id)?;
        kept_counts(&self.conn, live).map_err(|e| self.sql(e))
    }

    /// [`Vault::person`] without the texts of the messages their numbers
    /// and e-mails came from (each source's `message` is None): for what
    /// shows none of them, a QR code or a card. Reading those texts back out
    /// of their chunks is most of what a person costs.
    pub fn person_card(&self, id: i64) -> Result<PersonView, VaultError> {
        let live = self.live_person(id)?;
        person_view(&self.conn, live, Messages::Left).map_err(|e| self.sql(e))?.ok_or(VaultError::NoPerson { id })
    }

    /// A merged person's id shows the person they were merged into.
    fn try_person(&self, id: i64) -> Result<Option<PersonView>, VaultError> {
        let live = self.live_person(id)?;
        person_view(&self.conn, live, Messages::Read).map_err(|e| self.sql(e))
    }

    /// The person `id` became through merges (itself when never merged).
    pub(super) fn live_person(&self, id: i64) -> Result<i64, VaultError> {
        super::write::live(&self.conn, id).map_err(|e| self.sql(e))
    }

    pub(super) fn ids(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<i64>, VaultError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let rows = stmt.query_map(params, |r| r.get(0)).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }
}

/// What a query looks for in the search texts ([`Haystack`]): lower-cased
/// text, or the digits alone when the user typed a number.
pub(super) fn search_pattern(query: &str) -> Option<String> {
    let q = nfc(query).to_lowercase();
    if q.is_empty() {
        return None;
    }
    let only_number = q.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    Some(if only_number && !digits(&q).is_empty() {
        digits(&q)
    } else if is_initials_query(&q) {
        q.replace(' ', "")
    } else {
        q
    })
}

/// The largest person id: about how many people the vault has made (merged
/// ones too), from the end of the table's b-tree, without counting its rows.
pub(super) fn largest_person_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) FROM person", [], |r| r.get(0))
}

/// Whether a person's view reads the texts of the messages its values came from.
#[derive(Clone, Copy)]
pub(super) enum Messages {
    Read,
    Left,
}

fn person_view(conn: &Connection, id: i64, messages: Messages) -> rusqlite::Result<Option<PersonView>> {
    let head = conn
        .prepare_cached("SELECT name, me, org, note, birthday, uid, name_parts, org_parts FROM person WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, bool>(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                (r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?, r.get::<_, Option<String>>(7)?),
            ))
        })
        .optional()?;
    let Some(((name, me, org, note, birthday), (uid, parts, org_parts))) = head else { return Ok(None) };
    let uid = uid.unwrap_or_default();
    // Written by the vault as JSON; a row it cannot read is a name to derive.
    let name_parts = parts.and_then(|p| serde_json::from_str::<NameParts>(&p).ok());
    let org_parts = org_parts.and_then(|p| serde_json::from_str::<Vec<String>>(&p).ok()).unwrap_or_default();
    let aliases = strings(conn, "SELECT name FROM alias WHERE person_id = ?1 ORDER BY id", id)?;
    // Sorted here, like the rows below: a sort in SQL allocates (and, with
    // memory security, locks and wipes) a sorter per query, which was most
    // of an export's time.
    let mut groups =
        strings(conn, "SELECT g.name FROM membership m JOIN grp g ON g.id = m.grp_id WHERE m.person_id = ?1", id)?;
    groups.sort_unstable();
    groups.dedup();
    let mut phones = Vec::new();
    {
        let region = super::region_setting(conn)?;
        let mut stmt = conn.prepare_cached("SELECT id, e164, raw, label, status FROM phone WHERE person_id = ?1")?;
        let rows = stmt.query_map([id], |r| {
            let (e164, raw): (Option<String>, String) = (r.get(1)?, r.get(2)?);
            Ok(PhoneView {
                id: r.get(0)?,
                shown: crate::phone::readable(e164.as_deref(), &raw, region),
                e164,
                raw,
                label: r.get(3)?,
                status: r.get(4)?,
                conflict: false,
                sources: vec![],
            })
        })?;
        for row in rows {
            let mut phone = row?;
            phone.sources = provenance(conn, "provenance", "phone_id", phone.id, messages)?;
            phones.push(phone);
        }
    }
    phones.sort_unstable_by_key(|p| (p.status == Status::Candidate, p.id));
    let confirmed_phone = phones.iter().any(|p| p.status == Status::Confirmed);
    for phone in &mut phones {
        phone.conflict = is_conflict(confirmed_phone, phone.status, claimed(&phone.sources));
    }
    let mut emails = Vec::new();
    {
        let mut stmt = conn.prepare_cached("SELECT id, address, label, status FROM email WHERE person_id = ?1")?;
        let rows = stmt.query_map([id], |r| {
            Ok(EmailView {
                id: r.get(0)?,
                address: r.get(1)?,
                label: r.get(2)?,
                status: r.get(3)?,
                conflict: false,
                sources: vec![],
            })
        })?;
        for row in rows {
            let mut email = row?;
            email.sources = provenance(conn, "provenance", "email_id", email.id, messages)?;
            emails.push(email);
        }
    }
    emails.sort_unstable_by_key(|e| (e.status == Status::Candidate, e.id));
    let confirmed_email = emails.iter().any(|e| e.status == Status::Confirmed);
    for email in &mut emails {
        email.conflict = is_conflict(confirmed_email, email.status, claimed(&email.sources));
    }
    let handles = handles(conn, id, messages)?;
    Ok(Some(PersonView {
        id,
        name,
        aliases,
        me,
        phones,
        emails,
        handles,
        groups,
        org,
        note,
        birthday,
        uid,
        name_parts,
        org_parts,
    }))
}

impl PersonView {
    /// The person as exports and sheets show them: without numbers,
    /// e-mails and handles that someone else's backup claims against what
    /// you confirmed.
    pub fn without_conflicts(mut self) -> PersonView {
        self.phones.retain(|p| !p.conflict);
        self.emails.retain(|e| !e.conflict);
        self.handles.retain(|h| !h.conflict);
        self
    }
}

/// Whether a row is a conflict: a candidate whose word is someone else's
/// backup (`claimed`), beside a value of its kind the person confirmed.
fn is_conflict(kind_confirmed: bool, status: Status, claimed: bool) -> bool {
    kind_confirmed && status == Status::Candidate && claimed
}

/// Whether any of a row's sources is someone else's backup.
fn claimed(sources: &[ProvenanceView]) -> bool {
    sources.iter().any(|s| s.claim.is_some())
}

/// How many rows [`PersonView::without_conflicts`] keeps of rows given as
/// (status, claimed).
fn kept(rows: &[(Status, bool)]) -> usize {
    let kind_confirmed = rows.iter().any(|&(status, _)| status == Status::Confirmed);
    rows.iter().filter(|&&(status, claimed)| !is_conflict(kind_confirmed, status, claimed)).count()
}

/// How many phones and e-mails a person keeps in an export, read without
/// the rows themselves or their sources: what a CSV header needs. A claim
/// is a source row whose source is a claim, as [`provenance`] reads it.
fn kept_counts(conn: &Connection, id: i64) -> rusqlite::Result<(usize, usize)> {
    let count = |sql: &str| -> rusqlite::Result<usize> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows: Vec<(Status, bool)> =
            stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        Ok(kept(&rows))
    };
    Ok((
        count(
            "SELECT x.status, EXISTS (SELECT 1 FROM provenance p JOIN source s ON s.id = p.source_id
               WHERE p.phone_id = x.id AND s.claim <> 0) FROM phone x WHERE x.person_id = ?1",
        )?,
        count(
            "SELECT x.status, EXISTS (SELECT 1 FROM provenance p JOIN source s ON s.id = p.source_id
               WHERE p.email_id = x.id AND s.claim <> 0) FROM email x WHERE x.person_id = ?1",
        )?,
    ))
}

fn strings(conn: &Connection, sql: &str, id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    stmt.query_map([id], |r| r.get(0))?.collect()
}

/// A person's handles, confirmed first, each with where it came from.
pub(super) fn handles(conn: &Connection, person: i64, messages: Messages) -> rusqlite::Result<Vec<HandleView>> {
    let mut stmt = conn.prepare_cached("SELECT id, service, value, status FROM handle WHERE person_id = ?1")?;
    let mut rows: Vec<(i64, String, String, Status)> =
        stmt.query_map([person], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    // Confirmed first, then as made: sorted here, not by a sorter in SQL.
    rows.sort_unstable_by_key(|&(id, _, _, status)| (status == Status::Candidate, id));
    let mut handles = rows
        .into_iter()
        .map(|(id, service, value, status)| {
            let sources = provenance(conn, "handle_source", "handle_id", id, messages)?;
            Ok(HandleView { id, service, value, status, conflict: false, sources })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let confirmed: Vec<String> =
        handles.iter().filter(|h| h.status == Status::Confirmed).map(|h| h.service.clone()).collect();
    for h in &mut handles {
        h.conflict = is_conflict(confirmed.contains(&h.service), h.status, claimed(&h.sources));
    }
    Ok(handles)
}

fn provenance(
    conn: &Connection,
    table: &str,
    column: &str,
    item: i64,
    messages: Messages,
) -> rusqlite::Result<Vec<ProvenanceView>> {
    let sql = format!(
        "SELECT s.file_name, p.line, g.name, p.shared_by, p.at, p.message_id, p.times,
                s.claim, s.signer, s.signer_key, s.made_at, p.claimed FROM {table} p
         LEFT JOIN source s ON s.id = p.source_id LEFT JOIN grp g ON g.id = p.grp_id
         WHERE p.{column} = ?1 ORDER BY p.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows: Vec<(ProvenanceView, Option<i64>)> = stmt
        .query_map([item], |r| {
            let view = ProvenanceView {
                file: r.get(0)?,
                line: r.get(1)?,
                group: r.get(2)?,
                shared_by: r.get(3)?,
                at: r.get(4)?,
                message: None,
                times: r.get(6)?,
                claim: match r.get::<_, Option<bool>>(7)? {
                    Some(true) => Some(ClaimView {
                        signer: super::SignerView::from_parts(r.get(8)?, r.get(9)?, false),
                        made_at: r.get(10)?,
                        claimed: r.get::<_, Option<Status>>(11)?.unwrap_or_default(),
                    }),
                    _ => None,
                },
            };
            Ok((view, r.get(5)?))
        })?
        .collect::<Result<_, _>>()?;
    let ids: Vec<i64> = match messages {
        Messages::Read => rows.iter().filter_map(|(_, id)| *id).collect(),
        Messages::Left => Vec::new(),
    };
    let mut texts = chunk::texts(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(view, id)| ProvenanceView { message: id.and_then(|id| texts.remove(&id)), ..view })
        .collect())
}

/// What search scans of one person: their names, e-mails, phone digits and
/// handles (lower-cased as stored), in the order the rows were made.
#[derive(Debug, Default)]
pub(super) struct Haystack {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub digits: Vec<String>,
    pub handles: Vec<String>,
}

/// What precedes each part of a search text: no query holds it, so a match
/// never spans two parts.
pub(super) const SEPARATOR: char = '\u{1}';

impl Haystack {
    /// The text kept in `person.haystack`: lower-cased names, their initials,
    /// then the values, each after a separator that keeps a query from
    /// matching across two parts.
    pub(super) fn text(&self) -> String {
        let names = self.names.iter().map(|n| n.to_lowercase());
        let initials = self.names.iter().map(|n| initials(n).replace(' ', ""));
        let mut out = String::new();
        for part in names.chain(initials) {
            out.push(SEPARATOR);
            out.push_str(&part);
        }
        for part in self.emails.iter().chain(&self.digits).chain(&self.handles) {
            out.push(SEPARATOR);
            out.push_str(part);
        }
        out
    }

    /// Keep it on the person, whose rows it was made from.
    pub(super) fn write(&self, conn: &Connection, id: i64) -> rusqlite::Result<()> {
        conn.prepare_cached("UPDATE person SET haystack = ?2 WHERE id = ?1")?.execute(params![id, self.text()])?;
        Ok(())
    }
}

/// Recompute the text search scans for one person from their rows.
pub(super) fn refresh_haystack(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    // One statement for all of a person's parts: imports refresh thousands of people.
    type Parts = (String, Option<String>, Option<String>, Option<String>, Option<String>);
    let found: Option<Parts> = conn
        .prepare_cached(
            "SELECT p.name,
                (SELECT group_concat(name, ?2) FROM alias WHERE person_id = p.id),
                (SELECT group_concat(address, ?2) FROM email WHERE person_id = p.id),
                (SELECT group_concat(digits, ?2) FROM phone WHERE person_id = p.id),
                (SELECT group_concat(lower(value), ?2) FROM handle WHERE person_id = p.id)
             FROM person p WHERE p.id = ?1",
        )?
        // The separator is bound: `char(1)` allocated (and SQLCipher locked and wiped) a string per row.
        .query_row(params![id, "\u{1}"], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?;
    // Undo may have removed the person: nothing to refresh.
    let Some((name, aliases, emails, digits, handles)) = found else { return Ok(()) };
    let split = |joined: Option<String>| -> Vec<String> {
        joined.as_deref().map(|j| j.split('\u{1}').map(str::to_owned).collect()).unwrap_or_default()
    };
    let mut names = vec![name];
    names.extend(split(aliases));
    Haystack { names, emails: split(emails), digits: split(digits), handles: split(handles) }.write(conn, id)
}

#[cfg(test)]
mod kept_tests {
    use super::kept;
    use crate::model::Status::{Candidate, Confirmed};

    /// A claimed candidate is left out beside a confirmed value, and kept
    /// when nothing of its kind is confirmed; an unclaimed candidate stays.
    #[test]
    fn a_claim_against_a_confirmed_value_is_not_counted() {
        assert_eq!(kept(&[(Confirmed, false), (Candidate, true), (Candidate, false)]), 2);
        assert_eq!(kept(&[(Candidate, true), (Candidate, false)]), 2);
        assert_eq!(kept(&[(Confirmed, true), (Candidate, true), (Candidate, true)]), 1);
        assert_eq!(kept(&[]), 0);
    }
}

#[cfg(test)]
mod card_tests {
    use std::path::PathBuf;

    use crate::ingest::{ImportOptions, import_files};
    use crate::vault::Vault;

    /// A person's card is the person with no message texts read: the same
    /// values, statuses and sources otherwise.
    #[test]
    fn a_card_is_the_person_without_the_messages_their_values_came_from() {
        let dir = tempfile::tempdir().unwrap();
        let mut vault = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        let handles = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/handles/KakaoTalk_중2_3반.txt");
        import_files(&mut vault, &[handles], &ImportOptions::default()).unwrap();
        let page = vault.person_page("", 0, 100).unwrap();
        let mut people: Vec<_> = page.rows.iter().map(|r| vault.person(r.id).unwrap()).collect();
        people.retain(|p| !p.phones.is_empty() || !p.handles.is_empty());
        assert!(people.iter().any(|p| !p.handles.is_empty()) && people.iter().any(|p| !p.phones.is_empty()));
        for mut person in people {
            let card = vault.person_card(person.id).unwrap();
            let sources = person.phones.iter_mut().flat_map(|p| &mut p.sources);
            let sources = sources.chain(person.emails.iter_mut().flat_map(|e| &mut e.sources));
            let mut read = 0;
            for source in sources.chain(person.handles.iter_mut().flat_map(|h| &mut h.sources)) {
                read += usize::from(source.message.take().is_some());
            }
            assert!(read > 0, "{person:?}");
            assert_eq!(card, person);
        }
        assert!(vault.person_card(999_999).is_err());
    }
}
