//! `tel:`, `sms:` and `mailto:` links, built here from what the vault
//! stores and never from text a page hands over.
//!
//! A link leaves the vault for another program (a phone app, the mail
//! client), so it must say exactly "call this number" or "write to this
//! address": `mailto:` is percent-encoded as RFC 6068 asks and re-checked
//! with [`crate::email::normalize`], so a stored `?bcc=` can never add a
//! recipient; `tel:` (RFC 3966) and `sms:` (RFC 5724) carry only digits and
//! a leading `+`. A dial string with service codes or pauses (`*21*…#`,
//! `#31#`, `,`, `;`) or letters would change the phone's settings rather
//! than call someone, so it gets no link at all.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::i18n::{self, Args, Localized};
use crate::vault::{PersonView, StoredPhone, Vault, VaultError};

/// The fewest and most digits a number worth dialing has: emergency and
/// short numbers have three, E.164 allows fifteen, a trunk or exit prefix a few more.
const DIGITS: std::ops::RangeInclusive<usize> = 3..=20;

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
#[non_exhaustive]
pub enum LinkError {
    NotDialable {
        number: String,
    },

    NotAnAddress {
        address: String,
    },

    NoNumbers,

    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl Localized for LinkError {
    fn code(&self) -> &'static str {
        match self {
            LinkError::NotDialable { .. } => "not_dialable",
            LinkError::NotAnAddress { .. } => "not_an_address",
            LinkError::NoNumbers => "no_numbers",
            LinkError::Vault(e) => e.code(),
        }
    }

    fn args(&self) -> Args {
        match self {
            LinkError::NotDialable { number } => crate::args![number => number.as_str()],
            LinkError::NotAnAddress { address } => crate::args![address => address.as_str()],
            LinkError::NoNumbers => Vec::new(),
            LinkError::Vault(e) => e.args(),
        }
    }
}

/// Which link to build, and so what the row id names.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `tel:` to a phone (a phone id).
    Call,
    /// `sms:` to a phone (a phone id).
    Text,
    /// `mailto:` to an e-mail (an e-mail id).
    Mail,
    /// One `sms:` to every reachable member of a group (a group id).
    TextGroup,
}

/// The link of `kind` for the row `id`, from what the vault stores.
pub fn for_row(vault: &Vault, kind: LinkKind, id: i64) -> Result<String, LinkError> {
    match kind {
        LinkKind::Call => tel(&vault.phone_by_id(id)?),
        LinkKind::Text => sms(&[vault.phone_by_id(id)?]),
        LinkKind::Mail => mailto(&vault.email_by_id(id)?),
        LinkKind::TextGroup => sms(&group_numbers(vault, id)?),
    }
}

/// What a phone dials: its E.164 form, else its digits with the visual
/// separators (spaces, `-`, `.`, `(`, `)`) dropped; None when the number as
/// written has anything else in it.
pub fn dial_string(raw: &str, e164: Option<&str>) -> Option<String> {
    let raw = plain_digits(raw)?;
    match e164 {
        Some(e164) => plain_digits(e164),
        None => Some(raw),
    }
}

/// The ids of the person's phones that get call and text links.
pub fn dialable_phones(person: &PersonView) -> Vec<i64> {
    person.phones.iter().filter(|p| dial_string(&p.raw, p.e164.as_deref()).is_some()).map(|p| p.id).collect()
}

/// One number per current member of the group who has a dialable one (a
/// confirmed number before a candidate): whom "text everyone" texts.
pub fn group_numbers(vault: &Vault, grp_id: i64) -> Result<Vec<StoredPhone>, LinkError> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (person, phone) in vault.group_phones(grp_id)? {
        if !seen.contains(&person) && dial_string(&phone.raw, phone.e164.as_deref()).is_some() {
            seen.insert(person);
            out.push(phone);
        }
    }
    Ok(out)
}

/// `tel:+821012345678` (RFC 3966).
pub fn tel(phone: &StoredPhone) -> Result<String, LinkError> {
    Ok(format!("tel:{}", dialable(phone)?))
}

/// `sms:+821012345678,+821087654321` (RFC 5724): one message to every number.
pub fn sms(phones: &[StoredPhone]) -> Result<String, LinkError> {
    if phones.is_empty() {
        return Err(LinkError::NoNumbers);
    }
    let numbers = phones.iter().map(dialable).collect::<Result<Vec<_>, _>>()?;
    Ok(format!("sms:{}", numbers.join(",")))
}

/// `mailto:` to one address (RFC 6068), percent-encoded; the address must
/// pass [`crate::email::normalize`].
pub fn mailto(address: &str) -> Result<String, LinkError> {
    let address =
        crate::email::normalize(address).ok_or_else(|| LinkError::NotAnAddress { address: address.into() })?;
    let mut link = String::from("mailto:");
    for b in address.bytes() {
        // RFC 3986 unreserved, `@`, and the sub-delims RFC 6068 leaves bare in an addr-spec.
        if b.is_ascii_alphanumeric() || b"-._~@!$'*+".contains(&b) {
            link.push(char::from(b));
        } else {
            let _ = write!(link, "%{b:02X}");
        }
    }
    Ok(link)
}

fn dialable(phone: &StoredPhone) -> Result<String, LinkError> {
    dial_string(&phone.raw, phone.e164.as_deref()).ok_or_else(|| LinkError::NotDialable { number: phone.raw.clone() })
}

/// `+` and digits from a number written with only visual separators.
fn plain_digits(number: &str) -> Option<String> {
    let number = number.trim();
    let (plus, rest) = match number.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", number),
    };
    let mut out = String::from(plus);
    for c in rest.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '-' | '.' | '(' | ')' | '\u{00A0}' => {}
            _ => return None,
        }
    }
    DIGITS.contains(&(out.len() - plus.len())).then_some(out)
}

#[cfg(test)]
mod tests;
