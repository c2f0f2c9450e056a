//! The batch's address-book side: people, their numbers and e-mails, and
//! where each came from. Contacts merge on the same E.164 number or e-mail,
//! never on a name.

use super::ImportBatch;
use crate::load::PreparedContact;
use crate::model::{ContactRecord, NameParts, Status};
use crate::text::nfc;
use crate::vault::people::{Haystack, refresh_haystack};
use crate::vault::write::{Added, Details, Item, Origin, SameAs, canonical_handle, phone_digits};

impl ImportBatch<'_> {
    pub(super) fn new_person(&mut self, name: &str, me: bool) -> rusqlite::Result<i64> {
        let id = self.rows().new_person(name, me, None)?;
        self.report.new_people += 1;
        self.touched.insert(id);
        Ok(id)
    }

    pub(super) fn add_alias(&mut self, person_id: i64, name: &str) -> rusqlite::Result<()> {
        if self.rows().add_alias(person_id, name, Some(self.source_id))? {
            self.touched.insert(person_id);
        }
        Ok(())
    }

    /// Add a phone to a person (or find it there).
    pub(super) fn add_phone(
        &mut self,
        person_id: i64,
        raw: &str,
        e164: Option<&str>,
        label: Option<&str>,
        status: Status,
    ) -> rusqlite::Result<Added> {
        let added = self.rows().add_phone(person_id, raw, e164, label, status)?;
        if added.new {
            self.report.new_phones += 1;
            self.touched.insert(person_id);
        }
        Ok(added)
    }

    /// Add a handle (`telegram`, `instagram`, …) to a person, or find it
    /// there; None when the user rejected it for them.
    pub(super) fn add_handle(
        &mut self,
        person_id: i64,
        service: &str,
        value: &str,
        status: Status,
    ) -> rusqlite::Result<Option<Added>> {
        let Some(added) = self.rows().add_handle(person_id, service, value, status)? else { return Ok(None) };
        if added.new {
            self.report.new_handles += 1;
            self.touched.insert(person_id);
        }
        Ok(Some(added))
    }

    /// Add an e-mail (lower-cased here) to a person, or find it there.
    pub(super) fn add_email(
        &mut self,
        person_id: i64,
        address: &str,
        label: Option<&str>,
        status: Status,
    ) -> rusqlite::Result<Added> {
        let added = self.rows().add_email(person_id, address, label, status)?;
        if added.new {
            self.report.new_emails += 1;
            self.touched.insert(person_id);
        }
        Ok(added)
    }

    /// Where a contact's number, e-mail or handle came from: the file and line, or,
    /// for a card shared in a chat, the room, the sender and the time.
    /// An item this card has just made has no record yet: none is looked for.
    fn contact_provenance(&mut self, item: Item, new: bool, c: &ContactRecord) -> rusqlite::Result<()> {
        let (grp_id, at) = match &c.shared {
            Some(shared) => (self.shared_in_group()?, Some(super::stamp(shared.at))),
            None => (None, None),
        };
        let origin = Origin {
            source_id: Some(self.source_id),
            line: Some(c.shared.as_ref().map_or(c.line, |s| s.line)),
            grp_id,
            shared_by: c.shared.as_ref().map(|s| s.sender.as_str()),
            at: at.as_deref(),
            times: 1,
            ..Origin::default()
        };
        if new {
            self.rows().insert_provenance(item, &origin)
        } else {
            self.rows().add_provenance(item, &origin, SameAs::Source).map(|_| ())
        }
    }

    /// The person a contact record belongs to: someone with one of its
    /// numbers or e-mails. Never matched on the name.
    fn owner_of_contact(&mut self, e164s: &[Option<String>], addresses: &[String]) -> rusqlite::Result<Option<i64>> {
        for e164 in e164s.iter().flatten() {
            if let Some(id) = self.rows().person_with_phone(e164, false)? {
                return Ok(Some(id));
            }
        }
        for address in addresses {
            if let Some(id) = self.rows().person_with_email(address, false)? {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// A new person for a card no one in the vault matches, with its details
    /// and the search text of all it gives them. A new person has no
    /// rejected handles (those go with the person they were rejected for),
    /// so each value's first writing on the card becomes a row.
    fn new_card_person(
        &mut self,
        c: &ContactRecord,
        e164s: &[Option<String>],
        addresses: &[String],
        name: String,
    ) -> rusqlite::Result<i64> {
        // In the order reading the rows back gives, that of their unique
        // keys: phones by value, e-mails by address, handles by service and value.
        let mut digits: Vec<(String, String)> = Vec::new();
        for (p, e164) in c.phones.iter().zip(e164s) {
            let value = e164.clone().unwrap_or_else(|| nfc(&p.raw));
            if !digits.iter().any(|(v, _)| *v == value) {
                digits.push((value, phone_digits(&p.raw, e164.as_deref())));
            }
        }
        // An e-mail's and a handle's key is all of it: sorted, a repeat is a neighbour.
        let mut emails = addresses.to_vec();
        let mut handles: Vec<(&str, String)> =
            c.handles.iter().map(|h| (h.service.as_str(), canonical_handle(&h.service, &h.value))).collect();
        digits.sort_unstable();
        emails.sort_unstable();
        emails.dedup();
        handles.sort_unstable();
        handles.dedup();
        let searched = Haystack {
            names: vec![name],
            emails,
            digits: digits.into_iter().map(|(_, d)| d).collect(),
            // As SQL's lower(): ASCII only.
            handles: handles.into_iter().map(|(_, h)| h.to_ascii_lowercase()).collect(),
        };
        let name_parts = c.name_parts();
        let id = self.rows().new_card_person(
            &searched.names[0],
            c.uid.as_deref(),
            &details(c, name_parts.as_ref()),
            &searched.text(),
        )?;
        self.report.new_people += 1;
        Ok(id)
    }

    pub(super) fn store_contact(&mut self, prepared: &PreparedContact) -> rusqlite::Result<()> {
        let PreparedContact { contact: c, e164s, addresses } = prepared;
        let name = c
            .name
            .as_deref()
            .map(nfc)
            .filter(|n| !n.is_empty())
            .or_else(|| addresses.first().cloned())
            .or_else(|| c.phones.first().map(|p| nfc(&p.raw)));
        let Some(name) = name else { return Ok(()) };
        let owner = self.owner_of_contact(e164s, addresses)?;
        let person_id = match owner {
            Some(id) => {
                self.report.merged += 1;
                self.add_alias(id, &name)?;
                id
            }
            None => self.new_card_person(c, e164s, addresses, name)?,
        };
        for (p, e164) in c.phones.iter().zip(e164s) {
            let added = self.add_phone(person_id, &p.raw, e164.as_deref(), p.label.as_deref(), Status::Confirmed)?;
            self.contact_provenance(Item::Phone(added.id), added.new, c)?;
        }
        for (e, address) in c.emails.iter().zip(addresses) {
            let added = self.add_email(person_id, address, e.label.as_deref(), Status::Confirmed)?;
            self.contact_provenance(Item::Email(added.id), added.new, c)?;
        }
        for h in &c.handles {
            if let Some(added) = self.add_handle(person_id, &h.service, &h.value, Status::Confirmed)? {
                self.contact_provenance(Item::Handle(added.id), added.new, c)?;
            }
        }
        if owner.is_none() {
            // Its search text was written with it.
            self.touched.remove(&person_id);
        } else {
            let name_parts = c.name_parts();
            self.rows().fill_details(person_id, &details(c, name_parts.as_ref()))?;
            // Now, while the person's pages are in the cache, unless the card
            // added nothing that is searched; a later card that merges into them
            // and adds something refreshes them again.
            if self.touched.remove(&person_id) {
                refresh_haystack(&self.tx, person_id)?;
            }
        }
        self.file.contacts += 1;
        Ok(())
    }
}

/// What a card says of its person besides names and values.
fn details<'a>(c: &'a ContactRecord, name_parts: Option<&'a NameParts>) -> Details<'a> {
    Details {
        org: c.org.as_deref(),
        note: c.note.as_deref(),
        birthday: c.birthday.as_deref(),
        name_parts,
        org_parts: &c.org_parts,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::ingest::{ImportOptions, import_files};
    use crate::test_support::generate;
    use crate::vault::Vault;
    use crate::vault::people::refresh_haystack;

    /// Cards the generator does not write: handles in upper case and in
    /// Hangul, a number and an address twice, values out of their rows'
    /// order, a number with no digits.
    const ODD_CARDS: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ünal Øre\r\nTEL:02-312-3456\r\nTEL:010-3456-7890\r\n\
        TEL:01034567890\r\nEMAIL:Ünal@Example.COM\r\nEMAIL:zed@example.com\r\nEMAIL:ünal@example.com\r\n\
        X-TELEGRAM:@MinKim\r\nX-KAKAO:카카오Ä\r\n\
        X-LINE:Line_ID\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:#\r\nTEL:*#06#\r\nEND:VCARD\r\n";

    /// The search text an import writes for the people it makes, from the
    /// cards, is what reading the person's rows back makes of them.
    #[test]
    fn an_import_writes_the_search_text_the_rows_make() {
        let dir = tempfile::tempdir().unwrap();
        let (iphone, _) = generate(dir.path(), "contacts", "vcard30", "iphone.vcf", &["--count", "400", "--seed", "5"]);
        let (android, _) =
            generate(dir.path(), "contacts", "vcard21", "android.vcf", &["--count", "400", "--seed", "5"]);
        let odd = dir.path().join("odd.vcf");
        std::fs::write(&odd, ODD_CARDS).unwrap();
        let mut v = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        let paths: Vec<PathBuf> = vec![iphone, android, odd];
        let report = import_files(&mut v, &paths, &ImportOptions::default()).unwrap();
        assert!(report.new_people > 400 && report.merged > 100 && report.new_handles >= 3, "{report:?}");
        let haystacks = |v: &Vault| -> Vec<(i64, String)> {
            let mut stmt = v.conn.prepare("SELECT id, haystack FROM person ORDER BY id").unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
        };
        let written = haystacks(&v);
        // Handles are lower-cased as SQL's lower() does it: ASCII only.
        assert!(written.iter().any(|(_, h)| h.ends_with("\u{1}zed@example.com\u{1}ünal@example.com\u{1}01034567890 821034567890 01034567890\u{1}023123456 8223123456 023123456\u{1}카카오Ä\u{1}line_id\u{1}minkim")));
        for (id, _) in &written {
            refresh_haystack(&v.conn, *id).unwrap();
        }
        let refreshed = haystacks(&v);
        let differ: Vec<_> = written.iter().zip(&refreshed).filter(|(a, b)| a != b).take(3).collect();
        assert!(differ.is_empty(), "{differ:?}");
    }
}
