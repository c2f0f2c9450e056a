//! What a restore changed, or for a dry run would change: the preview the
//! CLI prints (`backup restore --dry-run --json`, README "JSON output") and
//! the app shows before it writes anything.

use serde::Serialize;

use super::BackupOrigin;

/// What a restore added (or, for a dry run, would add).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RestoreReport {
    /// The batch to undo; None for a dry run or when nothing was new.
    pub batch_id: Option<i64>,
    pub dry_run: bool,
    /// Who made the backup.
    pub signer: SignerView,
    pub new_people: u64,
    /// People of the backup who were already in the vault.
    pub merged_people: u64,
    pub new_phones: u64,
    pub new_emails: u64,
    pub new_groups: u64,
    pub new_members: u64,
    pub new_messages: u64,
    /// Numbers and e-mails that differ from one you confirmed for the same person.
    pub conflicts: u64,
    /// Messages of someone else's backup, which are never added.
    pub messages_left_out: u64,
    /// Per person, what would change; people with no change are not listed.
    pub people: Vec<PersonChange>,
    /// Groups whose roster was last restored from another signer.
    pub signer_changes: Vec<SignerChange>,
    /// True when `signer_changes` needs the user's yes (`--accept-new-signer`).
    pub needs_acceptance: bool,
}

impl RestoreReport {
    pub(super) fn new(origin: &BackupOrigin, dry_run: bool) -> RestoreReport {
        RestoreReport {
            dry_run,
            signer: SignerView::from_parts(origin.signer.clone(), origin.fingerprint.clone(), origin.own),
            ..RestoreReport::default()
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.new_people
            + self.new_phones
            + self.new_emails
            + self.new_groups
            + self.new_members
            + self.new_messages
            + self.people.iter().filter(|p| !p.left.is_empty() || p.suggested_merge.is_some()).count() as u64
            == 0
    }

    /// The change record for one backup person, made on first use.
    /// Backup people are restored in order, so theirs is the last record
    /// if they have one: a million-person backup never searches the list.
    pub(super) fn person(&mut self, index: usize, name: &str) -> &mut PersonChange {
        if self.people.last().is_none_or(|p| p.index != index) {
            self.people.push(PersonChange { index, name: name.to_owned(), ..PersonChange::default() });
        }
        self.people.last_mut().expect("pushed above")
    }
}

/// Who signed a backup.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SignerView {
    /// False: anyone could have made it.
    pub signed: bool,
    /// The maker's name as they chose it.
    pub name: Option<String>,
    /// `SHA256:…` of their signing key: compare it with them on the phone.
    pub fingerprint: Option<String>,
    /// Signed by this vault: your own backup.
    pub own: bool,
}

impl SignerView {
    pub(crate) fn from_parts(name: Option<String>, fingerprint: Option<String>, own: bool) -> SignerView {
        SignerView { signed: fingerprint.is_some(), name, fingerprint, own }
    }

    /// `김민수 (SHA256:…)`, or that nobody signed it.
    pub fn describe(&self) -> String {
        match (&self.fingerprint, &self.name) {
            (Some(key), Some(name)) if !name.is_empty() => format!("{name} ({key})"),
            (Some(key), _) => key.clone(),
            (None, _) => "unsigned: anyone could have made it / 서명 없음: 누구나 만들 수 있습니다".into(),
        }
    }
}

/// What a restore does to one person of the backup.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PersonChange {
    /// The person's place in the backup.
    #[serde(skip)]
    pub(super) index: usize,
    /// Their name in the backup.
    pub name: String,
    /// The person in your vault they join; None when they come in as someone new.
    pub person_id: Option<i64>,
    /// That person's name in your vault.
    pub existing_name: Option<String>,
    pub new_person: bool,
    /// Numbers added (as the backup writes them).
    pub new_phones: Vec<String>,
    pub new_emails: Vec<String>,
    /// Values that differ from what you confirmed for this person.
    pub conflicts: Vec<ValueConflict>,
    /// Someone in your vault they look like (same seat, name or "me") but
    /// who shares no confirmed number or e-mail: merge them yourself if so.
    pub suggested_merge: Option<SuggestedMatch>,
    /// Groups the backup says they left.
    pub left: Vec<String>,
}

/// A number or e-mail someone else's backup gives one of your people, which
/// differs from what you confirmed for them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ValueConflict {
    /// The backup's value.
    pub value: String,
    /// `confirmed` when the backup's maker says they confirmed it (confirmed
    /// by the sender, never by you).
    pub claimed: crate::model::Status,
    /// What you confirmed: it stays first, and is what exports, QR codes and
    /// "text everyone" use.
    pub yours: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SuggestedMatch {
    pub id: i64,
    pub name: String,
    pub reason: String,
}

/// A group whose roster came from another signer before.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SignerChange {
    pub group: String,
    /// Who signed the roster restored last time.
    pub before: SignerView,
}
