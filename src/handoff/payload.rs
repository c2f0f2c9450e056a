//! What the phone receives, sealed: each person's name, numbers and e-mails
//! with the links built here (never on the page), the numbers "text
//! everyone" texts, and a vCard 3.0 of everyone for the contacts app.

use serde::Serialize;

use super::{HandoffError, Scope, people};
use crate::export::vcard::{self, Version};
use crate::links;
use crate::model::Status;
use crate::vault::{PersonView, StoredPhone, Vault};

/// The JSON the page decrypts (its shape is the page's contract).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Payload {
    /// The group's or the person's name; None for everyone.
    pub title: Option<String>,
    pub people: Vec<Person>,
    /// One dial string per person other than you who has a number (a
    /// confirmed one before a candidate): whom "text everyone" texts.
    pub everyone: Vec<String>,
    /// The same as one `sms:` link (RFC 5724, what Android understands);
    /// the page writes iOS's form from `everyone`.
    pub everyone_sms: Option<String>,
    /// Everyone as vCard 3.0, which the iPhone and Android contact apps import.
    pub vcard: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Person {
    pub name: String,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Phone {
    /// As written where it was found.
    pub number: String,
    pub label: Option<String>,
    /// Found in a chat and not confirmed.
    pub candidate: bool,
    /// None when the number has a service code or a pause ([`links`]).
    pub tel: Option<String>,
    pub sms: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Email {
    pub address: String,
    pub label: Option<String>,
    pub candidate: bool,
    pub mailto: Option<String>,
}

impl Payload {
    /// The payload for the people `scope` names.
    pub fn build(vault: &Vault, scope: &Scope) -> Result<Payload, HandoffError> {
        let people = people(vault, scope)?;
        let title = match scope {
            Scope::Group(g) => Some(vault.group(g)?.name),
            Scope::Person(_) => people.first().map(|p| p.name.clone()),
            Scope::All => None,
        };
        Ok(Payload::of(title, &people))
    }

    /// The payload for these people.
    pub fn of(title: Option<String>, people: &[PersonView]) -> Payload {
        let everyone: Vec<StoredPhone> = people.iter().filter(|p| !p.me).filter_map(first_dialable).collect();
        Payload {
            title,
            people: people.iter().map(person).collect(),
            everyone: everyone.iter().filter_map(|p| links::dial_string(&p.raw, p.e164.as_deref())).collect(),
            everyone_sms: links::sms(&everyone).ok(),
            vcard: vcard::export(people, Version::V3, &crate::export::BOTH),
        }
    }
}

fn person(p: &PersonView) -> Person {
    Person {
        name: p.name.clone(),
        phones: p
            .phones
            .iter()
            .map(|ph| {
                let stored = StoredPhone { raw: ph.raw.clone(), e164: ph.e164.clone() };
                Phone {
                    number: ph.shown.clone(),
                    label: ph.label.clone(),
                    candidate: ph.status == Status::Candidate,
                    tel: links::tel(&stored).ok(),
                    sms: links::sms(&[stored]).ok(),
                }
            })
            .collect(),
        emails: p
            .emails
            .iter()
            .map(|e| Email {
                address: e.address.clone(),
                label: e.label.clone(),
                candidate: e.status == Status::Candidate,
                mailto: links::mailto(&e.address).ok(),
            })
            .collect(),
    }
}

/// The person's first dialable number, a confirmed one before a candidate.
fn first_dialable(p: &PersonView) -> Option<StoredPhone> {
    let mut phones: Vec<_> = p.phones.iter().collect();
    phones.sort_by_key(|ph| ph.status == Status::Candidate);
    phones
        .into_iter()
        .find(|ph| links::dial_string(&ph.raw, ph.e164.as_deref()).is_some())
        .map(|ph| StoredPhone { raw: ph.raw.clone(), e164: ph.e164.clone() })
}
