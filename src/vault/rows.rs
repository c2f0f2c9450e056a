//! Light rows for long lists: the desktop app shows 100,000 people in a
//! virtual list and asks for one screenful at a time, so it must not load
//! every phone and provenance of everyone on each keystroke.

use rusqlite::params;
use serde::Serialize;

use super::people::search_pattern;
use super::{Vault, VaultError};

/// One line of the people list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    /// The first confirmed phone (E.164 when it normalizes), else the first candidate.
    pub phone: Option<String>,
    pub email: Option<String>,
    /// A phone or e-mail is on file.
    pub reachable: bool,
    /// Phones and e-mails found in chats and not yet confirmed.
    pub candidates: i64,
}

/// A page of people and how many match in all.
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
      + (SELECT count(*) FROM email WHERE person_id = p.id AND status = 'candidate')";

impl Vault {
    /// People matching `query` (everyone when it is blank), `limit` rows from
    /// `offset`, in the order of [`Vault::search_ids`], with the total count.
    ///
    /// Everyone: the page walks the `person_by_name` index (no sort of the
    /// whole table) and the total costs two b-tree counts. A search scans
    /// anyway, so it counts in the same scan, and reads the table in order
    /// (NOT INDEXED) rather than through the name index.
    pub fn person_page(&self, query: &str, offset: usize, limit: usize) -> Result<PersonPage, VaultError> {
        let (offset, limit) = (offset as i64, limit as i64);
        let Some(p) = search_pattern(query) else {
            let sql = format!(
                "SELECT {ROW_COLUMNS} FROM (SELECT id, name FROM person INDEXED BY person_by_name
                   WHERE merged_into IS NULL ORDER BY name, id LIMIT ?1 OFFSET ?2) p ORDER BY p.name, p.id"
            );
            let rows = self.rows(&sql, params![limit, offset], &mut None)?;
            let total = self.count_matching(query)?;
            return Ok(PersonPage { total, offset, rows });
        };
        let sql = format!(
            "SELECT {ROW_COLUMNS}, p.total FROM (SELECT id, name, instr(haystack, ?2) <> 2 AS later, count(*) OVER () AS total
               FROM person NOT INDEXED WHERE merged_into IS NULL AND haystack LIKE ?1 ESCAPE '\\' ORDER BY later, name, id LIMIT ?3 OFFSET ?4) p
             ORDER BY p.later, p.name, p.id"
        );
        let mut total = None;
        let rows = self.rows(&sql, params![p.like, p.plain, limit, offset], &mut total)?;
        let total = match total {
            Some(t) => t,
            // A page past the end has no row to carry the count.
            None if offset > 0 => self.count_matching(query)?,
            None => 0,
        };
        Ok(PersonPage { total, offset, rows })
    }

    /// One phone number per current member of a group who has one (a
    /// confirmed number before a candidate): what "text everyone" dials.
    pub fn group_numbers(&self, grp_id: i64) -> Result<Vec<String>, VaultError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT (SELECT coalesce(e164, raw) FROM phone WHERE person_id = m.person_id ORDER BY status = 'candidate', id LIMIT 1) AS n
                 FROM membership m WHERE m.grp_id = ?1 AND m.left_group = 0 AND n IS NOT NULL
                 GROUP BY m.person_id ORDER BY min(m.display_name)",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([grp_id], |r| r.get(0)).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    fn rows(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        // Set from a sixth column, when the query has one.
        total: &mut Option<i64>,
    ) -> Result<Vec<PersonRow>, VaultError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt.query(params).map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let read = || -> rusqlite::Result<PersonRow> {
                let phone: Option<String> = r.get(2)?;
                let email: Option<String> = r.get(3)?;
                Ok(PersonRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    reachable: phone.is_some() || email.is_some(),
                    phone,
                    email,
                    candidates: r.get(4)?,
                })
            };
            out.push(read().map_err(|e| self.sql(e))?);
            if r.as_ref().column_count() > 5 {
                *total = Some(r.get(5).map_err(|e| self.sql(e))?);
            }
        }
        Ok(out)
    }

    fn count_matching(&self, query: &str) -> Result<i64, VaultError> {
        let count = match search_pattern(query) {
            // Everyone less the merged: SQLite counts a whole table from its
            // b-tree without visiting rows, and the merged are few and indexed.
            None => self.conn.query_row(
                "SELECT (SELECT count(*) FROM person) - (SELECT count(*) FROM person WHERE merged_into IS NOT NULL)",
                [],
                |r| r.get(0),
            ),
            Some(p) => self.conn.query_row(
                "SELECT count(*) FROM person NOT INDEXED WHERE merged_into IS NULL AND haystack LIKE ?1 ESCAPE '\\'",
                [p.like],
                |r| r.get(0),
            ),
        };
        count.map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::edit::tests::sample;

    #[test]
    fn pages_with_totals() {
        let (_d, v, _) = sample();
        let all = v.person_page("", 0, 1).unwrap();
        assert_eq!(all.total, 2);
        assert_eq!(all.rows.len(), 1);
        assert_eq!(all.rows[0].name, "김민준");
        assert_eq!(all.rows[0].phone.as_deref(), Some("+821012345678"));
        assert_eq!(all.rows[0].candidates, 1);
        let second = v.person_page("", 1, 10).unwrap();
        assert_eq!((second.total, second.rows[0].name.as_str()), (2, "이서연"));
        assert!(second.rows[0].reachable);
        let past = v.person_page("", 5, 10).unwrap();
        assert_eq!((past.total, past.rows.len()), (2, 0));
        let initials = v.person_page("ㅇㅅㅇ", 0, 10).unwrap();
        assert_eq!((initials.total, initials.rows[0].id), (1, 2));
        let none = v.person_page("zzz", 0, 10).unwrap();
        assert_eq!((none.total, none.rows.len()), (0, 0));
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
        assert_eq!(v.group_numbers(5).unwrap(), vec!["+821012345678".to_string()]);
    }
}
