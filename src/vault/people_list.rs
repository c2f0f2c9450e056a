//! What a people search scans, held in memory: every current person's search
//! text, in list order, in one buffer. A keystroke in a vault of 100,000
//! people is then one substring search over a few megabytes (a few
//! milliseconds) instead of a scan that decrypts every page of the person
//! table. The list is read again whenever the person table has changed since,
//! and its buffer is wiped when it is dropped (as SQLCipher wipes its pages).

use std::cell::{RefCell, RefMut};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use memchr::memmem;
use rusqlite::Connection;
use rusqlite::hooks::Action;
use zeroize::Zeroizing;

use super::NameOrder;
use super::people::SEPARATOR;

/// The people list as last read, and how many rows this connection has
/// written to the person table (SQLite's update hook counts them). A write to
/// any other table (a setting, a backup key, a message) leaves the list
/// current: only a person's row holds what the list does.
pub(super) struct PeopleCache {
    list: RefCell<Option<PeopleList>>,
    person_writes: Arc<AtomicU64>,
}

impl PeopleCache {
    /// Start counting the writes `conn` makes to the person table.
    pub(super) fn watch(conn: &mut Connection) -> rusqlite::Result<PeopleCache> {
        let person_writes = Arc::new(AtomicU64::new(0));
        let count = Arc::clone(&person_writes);
        conn.update_hook(Some(move |_: Action, _: &str, table: &str, _: i64| {
            if table == "person" {
                count.fetch_add(1, Ordering::Relaxed);
            }
        }))?;
        Ok(PeopleCache { list: RefCell::default(), person_writes })
    }

    /// The list in `order` as the vault has it now: read again if a person
    /// was written since it was last read, here or by another connection.
    pub(super) fn list(&self, conn: &Connection, order: NameOrder) -> rusqlite::Result<RefMut<'_, Option<PeopleList>>> {
        let stamp =
            (conn.query_row("PRAGMA data_version", [], |r| r.get(0))?, self.person_writes.load(Ordering::Relaxed));
        let mut list = self.list.borrow_mut();
        if !list.as_ref().is_some_and(|l| l.order == order && l.stamp == stamp) {
            // The old one is wiped before the new one is read.
            *list = None;
            *list = Some(PeopleList::read(conn, order, stamp)?);
        }
        Ok(list)
    }
}

/// Every current person's search text in [`NameOrder`], one after another.
pub(super) struct PeopleList {
    /// The database's version as other connections leave it, and the person
    /// writes counted when it was read; and in which order.
    stamp: (i64, u64),
    order: NameOrder,
    /// Each person's search text after a NUL, which no query holds: a match
    /// never spans two people.
    text: Zeroizing<Vec<u8>>,
    /// Each person's id and where their text starts in `text` (after the NUL).
    people: Vec<(i64, usize)>,
}

impl PeopleList {
    /// Read every current person's search text in `order`.
    fn read(conn: &Connection, order: NameOrder, stamp: (i64, u64)) -> rusqlite::Result<PeopleList> {
        // The table in storage order (a name index would fetch each row out
        // of order), sorted here as the list's index orders it: BINARY is
        // byte order, as Rust compares strings. The rank is worked out here
        // too: SQL functions on every row cost more than the scan. Names and
        // texts go into one buffer as they are read, not two strings per
        // person: 200,000 allocations and their frees were a third of the read.
        let most = super::people::largest_person_id(conn)?;
        let mut read = Buffer::with_capacity(0);
        let mut found: Vec<(u8, Range<usize>, i64, Range<usize>)> = Vec::with_capacity(most.max(0) as usize);
        let mut stmt = conn.prepare("SELECT id, name, haystack FROM person NOT INDEXED WHERE merged_into IS NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name = r.get_ref(1)?.as_str()?;
            let haystack = r.get_ref(2)?.as_str()?;
            read.reserve(name.len() + haystack.len());
            let named = read.push(name.bytes());
            // LIKE folds ASCII case only: so does the list.
            let searched = read.push(haystack.bytes().map(|b| b.to_ascii_lowercase()));
            found.push((order.rank_of(name), named, r.get(0)?, searched));
        }
        let read = read.0;
        found.sort_unstable_by(|a, b| (a.0, &read[a.1.clone()], a.2).cmp(&(b.0, &read[b.1.clone()], b.2)));
        let mut text = Zeroizing::new(Vec::with_capacity(found.iter().map(|f| f.3.len() + 1).sum()));
        let mut people = Vec::with_capacity(found.len());
        for (_, _, id, searched) in found {
            text.push(0);
            people.push((id, text.len()));
            text.extend_from_slice(&read[searched]);
        }
        Ok(PeopleList { stamp, order, text, people })
    }

    /// Everyone `pattern` matches: those whose first name begins with it
    /// first, then the others, each in list order.
    pub(super) fn matches(&self, pattern: &str) -> Vec<i64> {
        let needle = pattern.as_bytes();
        // A NUL could match across two people; nobody's text holds one.
        if needle.contains(&0) {
            return Vec::new();
        }
        let mut first = Vec::new();
        let mut later = Vec::new();
        let mut last_person = usize::MAX;
        for at in memmem::find_iter(&self.text, needle) {
            // The person whose text holds `at`: the last one starting at or before it.
            let person = self.people.partition_point(|&(_, start)| start <= at) - 1;
            if person == last_person {
                continue;
            }
            last_person = person;
            let (id, start) = self.people[person];
            // Their text begins with a separator, then their first name.
            if at == start + SEPARATOR.len_utf8() {
                first.push(id);
            } else {
                later.push(id);
            }
        }
        first.append(&mut later);
        first
    }
}

/// Bytes read from the vault, wiped when dropped and when outgrown: a bigger
/// buffer is a new one, the old one wiped as it goes (a `Vec` that grows in
/// place would leave its old copy in freed memory).
struct Buffer(Zeroizing<Vec<u8>>);

impl Buffer {
    fn with_capacity(bytes: usize) -> Buffer {
        Buffer(Zeroizing::new(Vec::with_capacity(bytes)))
    }

    /// Room for `more` bytes without the vector growing by itself.
    fn reserve(&mut self, more: usize) {
        if self.0.len() + more > self.0.capacity() {
            let mut bigger = Buffer::with_capacity((self.0.len() + more).max(self.0.capacity() * 2).max(1 << 20));
            bigger.0.extend_from_slice(&self.0);
            // The old buffer is wiped as it drops.
            *self = bigger;
        }
    }

    /// Append `bytes` (reserved first) and say where they are.
    fn push(&mut self, bytes: impl Iterator<Item = u8>) -> Range<usize> {
        let from = self.0.len();
        self.0.extend(bytes);
        from..self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::super::edit::tests::sample;
    use super::super::people::KOREAN_RANK;
    use super::NameOrder;

    #[test]
    fn the_rank_is_the_one_the_korean_order_index_uses() {
        let (_d, v, _) = sample();
        for name in ["김민준", "ㅎㅎ", "ㄱ", "abc", "Zed", "élan", "123", "", "😀", "Ωmega", "가"] {
            let sql: u8 = v
                .conn
                .query_row(&format!("SELECT {KOREAN_RANK} FROM (SELECT ?1 AS name)"), [name], |r| r.get(0))
                .unwrap();
            assert_eq!(NameOrder::Korean.rank_of(name), sql, "{name:?}");
            assert_eq!(NameOrder::Latin.rank_of(name), 0);
        }
    }

    #[test]
    fn a_buffer_keeps_what_it_holds_as_it_outgrows_itself() {
        let mut b = super::Buffer::with_capacity(0);
        let mut at = Vec::new();
        for i in 0..3000u32 {
            let bytes = format!("사람{i}").repeat(100);
            b.reserve(bytes.len());
            at.push((b.push(bytes.bytes()), bytes));
        }
        assert!(b.0.capacity() > 1 << 20);
        for (range, bytes) in at {
            assert_eq!(&b.0[range], bytes.as_bytes());
        }
    }

    /// Where the list's text lives: a list read again lives elsewhere.
    fn list_at(v: &super::super::Vault) -> *const u8 {
        v.people_list.list.borrow().as_ref().unwrap().text.as_ptr()
    }

    #[test]
    fn only_a_write_to_a_person_reads_the_list_again() {
        let (_d, v, id) = sample();
        assert_eq!(v.search_ids("김민", 10).unwrap(), vec![id]);
        let first = list_at(&v);
        // A backup key, a setting, a message: not what the list holds.
        v.conn
            .execute_batch("CREATE TABLE elsewhere(x); INSERT INTO elsewhere VALUES (1); UPDATE elsewhere SET x = 2")
            .unwrap();
        assert_eq!(v.search_ids("김민", 10).unwrap(), vec![id]);
        assert_eq!(list_at(&v), first, "a write to another table read the list again");
        // Any write to a person's row, even one no method of the vault makes.
        v.conn.execute("UPDATE person SET haystack = char(1) || 'zzz' WHERE id = ?1", [id]).unwrap();
        assert_eq!(v.search_ids("zzz", 10).unwrap(), vec![id]);
        assert!(v.search_ids("김민", 10).unwrap().is_empty());
        // A person's write rolled back reads it again too, and finds it as it was.
        let tx = v.conn.unchecked_transaction().unwrap();
        tx.execute("DELETE FROM person WHERE id = ?1", [id]).unwrap();
        tx.rollback().unwrap();
        assert_eq!(v.search_ids("zzz", 10).unwrap(), vec![id]);
    }

    #[test]
    fn a_search_sees_every_change_without_reopening() {
        let (_d, mut v, id) = sample();
        assert_eq!(v.search_ids("김민", 10).unwrap(), vec![id]);
        v.rename_person(id, "박지훈").unwrap();
        assert_eq!(v.search_ids("지훈", 10).unwrap(), vec![id]);
        assert_eq!(v.person_page("지훈", 0, 10).unwrap().total, 1);
        // A number rejected no longer finds them.
        assert_eq!(v.search_ids("9999", 10).unwrap(), vec![id]);
        v.set_phone_status(11, super::super::Decision::Reject).unwrap();
        assert!(v.search_ids("9999", 10).unwrap().is_empty());
        assert_eq!(v.person_page("9999", 0, 10).unwrap().total, 0);
        // The page's order: a name that begins with the query first.
        let page = v.person_page("서", 0, 10).unwrap();
        assert_eq!(page.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["이서연"]);
    }
}
