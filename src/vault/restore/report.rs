//! What a restore changed, or for a dry run would change: the preview the
//! CLI prints (`backup restore --dry-run --json`, README "JSON output") and
//! the app shows before it writes anything.

use serde::Serialize;

use super::BackupOrigin;
use crate::backup::format::{BackupHandle, BackupPerson};
use crate::i18n::Said;

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
    /// Messenger handles (Instagram, Telegram, LINE, Discord IDs, …).
    pub new_handles: u64,
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
            + self.new_handles
            + self.new_groups
            + self.new_members
            + self.new_messages
            + self.people.iter().filter(|p| !p.left.is_empty() || p.suggested_merge.is_some()).count() as u64
            == 0
    }

    /// Count a handle the restore adds to backup person `index`.
    pub(super) fn new_handle(&mut self, index: usize, p: &BackupPerson, h: &BackupHandle) {
        self.new_handles += 1;
        self.person(index, &p.name).new_handles.push(format!("{} {}", h.service, h.value));
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

    /// What to call the signer in a short line: the name they chose, else
    /// their key's fingerprint; None when unsigned.
    pub fn short_name(&self) -> Option<&str> {
        self.name.as_deref().filter(|n| !n.is_empty()).or(self.fingerprint.as_deref())
    }

    /// `김민수 (SHA256:…)`, or that nobody signed it: `signer_…` in errors.ftl.
    pub fn said(&self) -> Said {
        match (&self.fingerprint, &self.name) {
            (Some(key), Some(name)) if !name.is_empty() => {
                Said::new("signer_named", crate::args![name => name.as_str(), key => key.as_str()])
            }
            (Some(key), _) => Said::new("signer_key", crate::args![key => key.as_str()]),
            (None, _) => Said::new("signer_unsigned", Vec::new()),
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
    /// Handles added, as `service value` (`instagram abc`).
    pub new_handles: Vec<String>,
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
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SuggestedMatch {
    pub id: i64,
    pub name: String,
    /// Why they look alike: `match_…` in errors.ftl, with its arguments.
    #[cfg_attr(feature = "ts", ts(as = "Said"))]
    pub why: MatchReason,
}

/// Why a backup person looks like someone of yours. Kept in `claim_match`
/// as [`MatchReason::stored`], worded where it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchReason {
    /// The backup seats them as `display` in a group where you have someone so seated.
    Seat {
        display: String,
    },
    /// They made the backup, and you are "me" here.
    Maker,
    SameName,
}

impl MatchReason {
    /// The message that says it.
    pub fn said(&self) -> Said {
        match self {
            MatchReason::Seat { display } => Said::new("match_seat", crate::args![display => display.as_str()]),
            MatchReason::Maker => Said::new("match_maker", Vec::new()),
            MatchReason::SameName => Said::new("match_same_name", Vec::new()),
        }
    }

    /// The text `claim_match.reason` keeps: `seat:` and the display name, `maker` or `same_name`.
    pub(crate) fn stored(&self) -> String {
        match self {
            MatchReason::Seat { display } => format!("seat:{display}"),
            MatchReason::Maker => "maker".into(),
            MatchReason::SameName => "same_name".into(),
        }
    }

    /// The reason [`stored`](MatchReason::stored) kept; vaults restored into
    /// before it was data kept a sentence in English and Korean, read back
    /// by its English start.
    pub(crate) fn from_stored(text: &str) -> MatchReason {
        const SEAT: &str = "the backup seats them as ";
        if let Some(display) = text.strip_prefix("seat:") {
            return MatchReason::Seat { display: display.to_owned() };
        }
        if let Some(rest) = text.strip_prefix(SEAT) {
            // `{display:?} in the same group / …`: the name as Rust quoted it.
            let quoted = rest.split(" in the same group /").next().unwrap_or(rest);
            let display = serde_json::from_str(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_owned());
            return MatchReason::Seat { display };
        }
        match text == "maker" || text.starts_with("the backup's maker") {
            true => MatchReason::Maker,
            false => MatchReason::SameName,
        }
    }
}

impl Serialize for MatchReason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.said().serialize(serializer)
    }
}

/// A group whose roster came from another signer before.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SignerChange {
    pub group: String,
    /// Who signed the roster restored last time.
    pub before: SignerView,
}

#[cfg(test)]
mod tests {
    use super::MatchReason;
    use crate::i18n::{Arg, Lang, Said, Surface};

    #[test]
    fn a_match_reason_is_kept_as_a_code_and_read_back_from_the_old_sentences() {
        let seat = MatchReason::Seat { display: "영희 \"Y\"".into() };
        for reason in [seat.clone(), MatchReason::Maker, MatchReason::SameName] {
            assert_eq!(MatchReason::from_stored(&reason.stored()), reason);
        }
        // Sentences vaults kept before the reason was data.
        let old =
            "the backup seats them as \"영희 \\\"Y\\\"\" in the same group / 백업에서 같은 그룹의 \"영희\" 자리입니다";
        assert_eq!(MatchReason::from_stored(old), seat);
        let maker = "the backup's maker, and you are \"me\" here / 백업을 만든 사람입니다";
        assert_eq!(MatchReason::from_stored(maker), MatchReason::Maker);
        assert_eq!(MatchReason::from_stored("the same name / 이름이 같습니다"), MatchReason::SameName);
        // Worded where it is shown, nested in the suggestion it explains.
        let why = Said::new("suggest_claimed", vec![("reason", Arg::from(seat.said()))]);
        assert_eq!(
            why.render(Lang::Ko, Surface::App),
            "다른 사람의 백업: 백업에서 같은 그룹의 “영희 \"Y\"” 자리입니다"
        );
        assert_eq!(
            why.render(Lang::En, Surface::Cli),
            "someone else's backup: the backup seats them as “영희 \"Y\"” in the same group"
        );
    }
}
