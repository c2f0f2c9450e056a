//! The batch's address-book side: people, their numbers and e-mails, and
//! where each came from. Contacts merge on the same E.164 number or e-mail,
//! never on a name.

use super::ImportBatch;
use crate::model::{ContactRecord, Status};
use crate::phone;
use crate::text::nfc;
use crate::vault::people::refresh_haystack;
use crate::vault::write::{Details, Item, Origin, SameAs};

impl ImportBatch<'_> {
    pub(super) fn new_person(&mut self, name: &str, me: bool, uid: Option<&str>) -> rusqlite::Result<i64> {
        let id = self.rows().new_person(name, me, uid)?;
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

    /// Add a phone to a person (or find it there); returns the phone row id.
    pub(super) fn add_phone(
        &mut self,
        person_id: i64,
        raw: &str,
        e164: Option<&str>,
        label: Option<&str>,
        status: Status,
    ) -> rusqlite::Result<i64> {
        let added = self.rows().add_phone(person_id, raw, e164, label, status)?;
        if added.new {
            self.report.new_phones += 1;
            self.touched.insert(person_id);
        }
        Ok(added.id)
    }

    /// Add a handle (`telegram`, `instagram`, …) to a person, or find it there.
    pub(super) fn add_handle(&mut self, person_id: i64, service: &str, value: &str) -> rusqlite::Result<i64> {
        let added = self.rows().add_handle(person_id, service, value)?;
        if added.new {
            self.report.new_handles += 1;
            self.touched.insert(person_id);
        }
        Ok(added.id)
    }

    /// Add an e-mail to a person (or find it there); None when it is no address.
    pub(super) fn add_email(
        &mut self,
        person_id: i64,
        address: &str,
        label: Option<&str>,
        status: Status,
    ) -> rusqlite::Result<i64> {
        let added = self.rows().add_email(person_id, &nfc(address).to_lowercase(), label, status)?;
        if added.new {
            self.report.new_emails += 1;
            self.touched.insert(person_id);
        }
        Ok(added.id)
    }

    /// Where a contact's number or e-mail came from: the file and line, or,
    /// for a card shared in a chat, the room, the sender and the time.
    fn contact_provenance(&mut self, item: Item, c: &ContactRecord) -> rusqlite::Result<()> {
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
        self.rows().add_provenance(item, &origin, SameAs::Source)?;
        Ok(())
    }

    /// The person a contact record belongs to: someone with one of its numbers
    /// or e-mails, else a new person. Never matched on the name.
    fn person_for_contact(&mut self, c: &ContactRecord, e164s: &[Option<String>], name: &str) -> rusqlite::Result<i64> {
        for e164 in e164s.iter().flatten() {
            if let Some(id) = self.rows().person_with_phone(e164, false)? {
                return Ok(id);
            }
        }
        for e in &c.emails {
            if let Some(id) = self.rows().person_with_email(&nfc(&e.address).to_lowercase(), false)? {
                return Ok(id);
            }
        }
        self.new_person(name, false, c.uid.as_deref())
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
        for (p, e164) in c.phones.iter().zip(&e164s) {
            let id = self.add_phone(person_id, &p.raw, e164.as_deref(), p.label.as_deref(), Status::Confirmed)?;
            self.contact_provenance(Item::Phone(id), &c)?;
        }
        for e in &c.emails {
            let id = self.add_email(person_id, &e.address, e.label.as_deref(), Status::Confirmed)?;
            self.contact_provenance(Item::Email(id), &c)?;
        }
        for h in &c.handles {
            self.add_handle(person_id, &h.service, &h.value)?;
        }
        let name_parts = c.name_parts();
        let details = Details {
            org: c.org.as_deref(),
            note: c.note.as_deref(),
            birthday: c.birthday.as_deref(),
            name_parts: name_parts.as_ref(),
            org_parts: &c.org_parts,
        };
        self.rows().fill_details(person_id, &details)?;
        // Now, while the person's pages are in the cache, unless the card
        // added nothing that is searched; a later card that merges into them
        // and adds something refreshes them again.
        if self.touched.remove(&person_id) {
            refresh_haystack(&self.tx, person_id)?;
        }
        self.file.contacts += 1;
        Ok(())
    }
}
