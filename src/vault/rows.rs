//! Light rows for long lists: the desktop app shows 100,000 people in a
//! virtual list and asks for one screenful at a time, so it must not load
//! every phone and provenance of everyone on each keystroke.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::people::search_pattern;
use super::{Vault, VaultError};

/// One line of the people list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    /// The first confirmed phone, else the first candidate, as people read it
    /// ([`crate::phone::readable`]).
    pub phone: Option<String>,
    pub email: Option<String>,
    /// A phone or e-mail is on file.
    pub reachable: bool,
    /// Phones, e-mails and handles found in chats (or claimed by someone
    /// else's backup) and not yet confirmed.
    pub candidates: i64,
}

/// A phone number as stored: as written, and its E.164 form when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPhone {
    pub raw: String,
    pub e164: Option<String>,
}

/// A page of people and how many match in all.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonPage {
    pub total: i64,
    pub offset: i64,
    pub rows: Vec<PersonRow>,
}

// The page is chosen first (ids and names), then only its rows look up their
// first phone, e-mail and open candidates.
const ROW_COLUMNS: &str = "p.id, p.name,
    (SELECT coalesce(e164, raw) FROM phone WHERE person_id = p.id ORDER BY status = 'candidate', id LIMIT 1),
    (SELECT address FROM email WHERE person_id = p.id ORDER BY status = 'candidate', id LIMIT 1),
    (SELECT count(*) FROM phone WHERE person_id = p.id AND status = 'candidate')
      + (SELECT count(*) FROM email WHERE person_id = p.id AND status = 'candidate')
      + (SELECT count(*) FROM handle WHERE person_id = p.id AND status = 'candidate' AND service <> 'id')";

impl Vault {
    /// People matching `query` (everyone when it is blank), `limit` rows from
    /// `offset`, in the order of [`Vault::search_ids`], with the total count.
    ///
    /// Everyone: the page walks the name order's index (no sort of the
    /// whole table) and the total costs two b-tree counts. A search picks
    /// the page from the people list held in memory ([`Vault::search_ids`]).
    /// Either way only the page's rows are read.
    pub fn person_page(&self, query: &str, offset: usize, limit: usize) -> Result<PersonPage, VaultError> {
        let Some(pattern) = search_pattern(query) else {
            let order = self.name_order()?;
            let (rank, index) = (order.rank(), order.index());
            let sql = format!(
                "SELECT {ROW_COLUMNS} FROM (SELECT id, name, {rank} AS rank FROM person INDEXED BY {index}
                   WHERE merged_into IS NULL ORDER BY {rank}, name, id LIMIT ?1 OFFSET ?2) p ORDER BY p.rank, p.name, p.id"
            );
            let rows = self.rows(&sql, params![limit as i64, offset as i64])?;
            // Everyone less the merged: SQLite counts a whole table from its
            // b-tree without visiting rows, and the merged are few and indexed.
            let total = self
                .conn
                .query_row(
                    "SELECT (SELECT count(*) FROM person) - (SELECT count(*) FROM person WHERE merged_into IS NOT NULL)",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| self.sql(e))?;
            return Ok(PersonPage { total, offset: offset as i64, rows });
        };
        // One read transaction: the list's check (or its reading) and the page's rows.
        self.reading(|| {
            let ids = self.matching_people(&pattern)?;
            let page = ids.get(offset..).unwrap_or_default();
            let rows = self.rows_of(&page[..limit.min(page.len())])?;
            Ok(PersonPage { total: ids.len() as i64, offset: offset as i64, rows })
        })
    }

    /// Every phone of every current member of a group, member by member (in
    /// the order of their names in the group), each member's confirmed
    /// numbers first: what "text everyone" chooses from.
    pub fn group_phones(&self, grp_id: i64) -> Result<Vec<(i64, StoredPhone)>, VaultError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.person_id, ph.raw, ph.e164
                 FROM (SELECT person_id, min(display_name) AS shown FROM membership
                       WHERE grp_id = ?1 AND left_group = 0 GROUP BY person_id) m
                 JOIN phone ph ON ph.person_id = m.person_id
                 ORDER BY m.shown, m.person_id, ph.status = 'candidate', ph.id",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([grp_id], |r| Ok((r.get(0)?, StoredPhone { raw: r.get(1)?, e164: r.get(2)? })))
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// One phone, as stored, by its id.
    pub fn phone_by_id(&self, phone_id: i64) -> Result<StoredPhone, VaultError> {
        self.conn
            .query_row("SELECT raw, e164 FROM phone WHERE id = ?1", [phone_id], |r| {
                Ok(StoredPhone { raw: r.get(0)?, e164: r.get(1)? })
            })
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or_else(|| missing("phone", phone_id))
    }

    /// One e-mail address, as stored, by its id.
    pub fn email_by_id(&self, email_id: i64) -> Result<String, VaultError> {
        self.conn
            .query_row("SELECT address FROM email WHERE id = ?1", [email_id], |r| r.get(0))
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or_else(|| missing("email", email_id))
    }

    fn rows(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<PersonRow>, VaultError> {
        let region = self.region()?;
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let rows = stmt.query_map(params, |r| person_row(r, region)).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// The rows of these people, in this order: one statement for them all
    /// (a statement per row costs more than the row).
    fn rows_of(&self, ids: &[i64]) -> Result<Vec<PersonRow>, VaultError> {
        let sql =
            format!("SELECT {ROW_COLUMNS} FROM json_each(?1) j CROSS JOIN person p ON p.id = j.value ORDER BY j.key");
        let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
        self.rows(&sql, [format!("[{}]", ids.join(","))])
    }
}

/// One row of [`ROW_COLUMNS`].
fn person_row(r: &rusqlite::Row<'_>, region: crate::phone::Region) -> rusqlite::Result<PersonRow> {
    // E.164 when the number has it, else as written.
    let phone: Option<String> = r.get(2)?;
    let phone = phone.map(|p| crate::phone::readable(Some(&p), &p, region));
    let email: Option<String> = r.get(3)?;
    Ok(PersonRow {
        id: r.get(0)?,
        name: r.get(1)?,
        reachable: phone.is_some() || email.is_some(),
        phone,
        email,
        candidates: r.get(4)?,
    })
}

fn missing(table: &'static str, id: i64) -> VaultError {
    VaultError::NoRow { table, id }
}

#[cfg(test)]
mod tests {
    use super::super::VaultError;
    use super::super::edit::tests::sample;

    #[test]
    fn pages_with_totals() {
        let (_d, v, _) = sample();
        let all = v.person_page("", 0, 1).unwrap();
        assert_eq!(all.total, 2);
        assert_eq!(all.rows.len(), 1);
        assert_eq!(all.rows[0].name, "김민준");
        assert_eq!(all.rows[0].phone.as_deref(), Some("010-1234-5678"));
        assert_eq!(all.rows[0].candidates, 1);
        let second = v.person_page("", 1, 10).unwrap();
        assert_eq!((second.total, second.rows[0].name.as_str()), (2, "이서연"));
        assert_eq!(second.rows[0].candidates, 1);
        // A handle found in a chat is one more to confirm; a platform's own id is none.
        v.conn
            .execute_batch(
                "INSERT INTO handle(person_id, service, value, status) VALUES
                   (2, 'instagram', 'seo', 'candidate'), (2, 'id', '123', 'candidate'), (2, 'line', 'seo.l', 'confirmed');",
            )
            .unwrap();
        assert_eq!(v.person_page("", 1, 10).unwrap().rows[0].candidates, 2);
        assert!(second.rows[0].reachable);
        let past = v.person_page("", 5, 10).unwrap();
        assert_eq!((past.total, past.rows.len()), (2, 0));
        let initials = v.person_page("ㅇㅅㅇ", 0, 10).unwrap();
        assert_eq!((initials.total, initials.rows[0].id), (1, 2));
        let none = v.person_page("zzz", 0, 10).unwrap();
        assert_eq!((none.total, none.rows.len()), (0, 0));
    }

    #[test]
    fn korean_order_with_a_korean_ui_and_latin_first_with_an_english_one() {
        let (_d, v, _) = sample();
        v.conn
            .execute_batch(
                "INSERT INTO person(id, name) VALUES (3, 'Alice Kim'), (4, 'bob'), (5, '🐣 삐약'), (6, 'ㅎㅎ');",
            )
            .unwrap();
        let names = |query: &str| -> Vec<String> {
            v.person_page(query, 0, 10).unwrap().rows.into_iter().map(|r| r.name).collect()
        };
        assert_eq!(names(""), ["김민준", "이서연", "ㅎㅎ", "Alice Kim", "bob", "🐣 삐약"]);
        let listed: Vec<String> = v.people(None).unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(listed, names(""));
        // A page walks the index: no sort of everyone.
        let plan: String = v
            .conn
            .query_row(
                &format!(
                    "EXPLAIN QUERY PLAN SELECT id FROM person INDEXED BY person_order_ko WHERE merged_into IS NULL ORDER BY {}, name, id LIMIT 5",
                    super::super::people::KOREAN_RANK
                ),
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        v.set_setting("language", "en").unwrap();
        assert_eq!(names(""), ["Alice Kim", "bob", "ㅎㅎ", "김민준", "이서연", "🐣 삐약"]);
    }

    #[test]
    fn merged_people_leave_the_list() {
        let (_d, mut v, _) = sample();
        v.merge(1, 2).unwrap();
        let all = v.person_page("", 0, 10).unwrap();
        assert_eq!((all.total, all.rows.len(), all.rows[0].id), (1, 1, 1));
    }

    #[test]
    fn numbers_of_current_members() {
        let (_d, v, _) = sample();
        v.conn
            .execute_batch(
                "INSERT INTO grp(id, name, kind) VALUES (5, '동창회', 'chat');
                 INSERT INTO membership(grp_id, person_id, display_name) VALUES (5, 1, '민준'), (5, 2, '서연');
                 INSERT INTO person(id, name) VALUES (3, '떠난 사람');
                 INSERT INTO phone(person_id, raw, value, digits, status) VALUES (3, '010-5555-0000', '010-5555-0000', '01055550000', 'confirmed');
                 INSERT INTO membership(grp_id, person_id, display_name, left_group) VALUES (5, 3, '떠난 사람', 1);",
            )
            .unwrap();
        let phones = v.group_phones(5).unwrap();
        let numbers: Vec<_> = phones.iter().map(|(p, ph)| (*p, ph.e164.as_deref())).collect();
        // 민준's numbers, confirmed first; 서연 has none; who left is not asked.
        assert_eq!(numbers, vec![(1, Some("+821012345678")), (1, Some("+821099998888"))]);
    }

    #[test]
    fn phones_and_emails_by_id() {
        let (_d, v, _) = sample();
        let id: i64 = v.conn.query_row("SELECT id FROM phone WHERE person_id = 1 LIMIT 1", [], |r| r.get(0)).unwrap();
        assert_eq!(v.phone_by_id(id).unwrap().e164.as_deref(), Some("+821012345678"));
        assert!(matches!(v.phone_by_id(9999), Err(VaultError::NoRow { table: "phone", id: 9999 })));
        assert!(matches!(v.email_by_id(9999), Err(VaultError::NoRow { table: "email", id: 9999 })));
    }

    #[test]
    fn links_come_from_stored_rows_and_refuse_what_is_not_plain() {
        use crate::links::{LinkError, LinkKind, for_row};
        let (_d, v, _) = sample();
        // What an older vault may hold, from before every way in checked addresses.
        v.conn
            .execute_batch(
                "INSERT INTO email(id, person_id, address, status) VALUES (21, 2, 'mom@x.kr?bcc=spy@evil.example', 'confirmed');
                 INSERT INTO phone(id, person_id, raw, value, digits, status) VALUES (12, 2, '*21*01012345678#', '*21*01012345678#', '2101012345678', 'confirmed');
                 INSERT INTO grp(id, name, kind) VALUES (5, '동창회', 'chat');
                 INSERT INTO membership(grp_id, person_id, display_name) VALUES (5, 1, '민준'), (5, 2, '서연');",
            )
            .unwrap();
        assert_eq!(for_row(&v, LinkKind::Call, 10).unwrap(), "tel:+821012345678");
        assert_eq!(for_row(&v, LinkKind::Text, 11).unwrap(), "sms:+821099998888");
        assert_eq!(for_row(&v, LinkKind::Mail, 20).unwrap(), "mailto:seo@example.com");
        assert!(matches!(for_row(&v, LinkKind::Mail, 21), Err(LinkError::NotAnAddress { .. })));
        assert!(matches!(for_row(&v, LinkKind::Call, 12), Err(LinkError::NotDialable { .. })));
        assert!(matches!(for_row(&v, LinkKind::Call, 9999), Err(LinkError::Vault(VaultError::NoRow { id: 9999, .. }))));
        // 서연's only number is a service code: text everyone leaves her out.
        assert_eq!(for_row(&v, LinkKind::TextGroup, 5).unwrap(), "sms:+821012345678");
        assert!(matches!(for_row(&v, LinkKind::TextGroup, 6), Err(LinkError::NoNumbers)));
    }
}
