//! Vault errors: each says what went wrong and what to do; the words are in
//! `i18n/*/errors.ftl`, by the code [`Localized`] gives.

use std::path::{Path, PathBuf};

use crate::args;
use crate::i18n::{self, Args, Localized};

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
#[non_exhaustive]
pub enum VaultError {
    WrongPassphrase {
        dir: PathBuf,
    },

    NotFound {
        dir: PathBuf,
    },

    AlreadyExists {
        dir: PathBuf,
    },

    UnfinishedInit {
        dir: PathBuf,
    },

    WeakPassphrase,

    Busy {
        dir: PathBuf,
    },

    Damaged {
        path: PathBuf,
        reason: String,
    },

    /// A part of the vault Lifeboat itself encodes (a message chunk, the
    /// search index) does not decode.
    DamagedPart {
        path: PathBuf,
        what: i18n::Said,
    },

    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    Sql {
        dir: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    TooNew {
        found: i64,
        known: i64,
    },

    NewSigner {
        groups: String,
        /// Who signed it now ([`SignerView::said`](super::SignerView::said)).
        signer: crate::i18n::Said,
    },

    Crypto(String),

    /// `text` names none of `person`'s numbers, e-mails or handles.
    NoSuchValue {
        person: String,
        person_id: i64,
        text: String,
    },

    /// No row `id` in `table` ("phone", "email" or "handle").
    NoRow {
        table: &'static str,
        id: i64,
    },

    NoPerson {
        id: i64,
    },

    EmptyName,

    NoImport {
        id: i64,
    },

    ImportUndone {
        id: i64,
    },

    /// Merging a person into themself.
    AlreadyOne {
        name: String,
        id: i64,
    },

    /// "Not the same" said of one person.
    OnePerson,

    NoMerge {
        id: i64,
    },

    MergeUndone {
        id: i64,
    },

    SeveralGroups {
        name: String,
    },

    NoGroup {
        name: String,
    },

    NobodyMatches {
        query: String,
    },

    /// `query` matches `count` people; `names` lists them as "name (id)".
    SeveralPeople {
        query: String,
        count: usize,
        names: String,
    },

    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
}

impl VaultError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> VaultError {
        VaultError::Io { path: path.to_owned(), source }
    }
    pub(crate) fn sql(dir: &Path, source: rusqlite::Error) -> VaultError {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, e) = &source
            && let Some(Damage(what)) = e.downcast_ref::<Damage>()
        {
            return VaultError::DamagedPart { path: dir.to_owned(), what: what.clone() };
        }
        if let rusqlite::Error::SqliteFailure(f, _) = &source {
            match f.code {
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt => {
                    return VaultError::Damaged { path: dir.to_owned(), reason: source.to_string() };
                }
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    return VaultError::Busy { dir: dir.to_owned() };
                }
                _ => {}
            }
        }
        VaultError::Sql { dir: dir.to_owned(), source }
    }
}

/// A part of the vault that does not decode, as the row reader reports it
/// (inside a rusqlite error); [`VaultError::sql`] makes it a
/// [`VaultError::DamagedPart`] worded in the user's language.
#[derive(Debug)]
pub(crate) struct Damage(pub(crate) i18n::Said);

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(i18n::Lang::En, i18n::Surface::Cli))
    }
}

impl std::error::Error for Damage {}

impl Damage {
    /// `what` (a message id with its arguments) as the error a row read returns.
    pub(crate) fn error(what: &'static str, args: Args) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Blob,
            Box::new(Damage(i18n::Said::new(what, args))),
        )
    }
}

impl Localized for VaultError {
    fn code(&self) -> &'static str {
        match self {
            VaultError::WrongPassphrase { .. } => "wrong_passphrase",
            VaultError::NotFound { .. } => "no_vault",
            VaultError::AlreadyExists { .. } => "vault_exists",
            VaultError::UnfinishedInit { .. } => "unfinished_init",
            VaultError::WeakPassphrase => "weak_passphrase",
            VaultError::Busy { .. } => "busy",
            VaultError::Damaged { .. } | VaultError::DamagedPart { .. } => "damaged",
            VaultError::Io { .. } => "vault_io",
            VaultError::Sql { .. } => "storage",
            VaultError::TooNew { .. } => "too_new",
            VaultError::NewSigner { .. } => "new_signer",
            VaultError::Crypto(_) => "crypto",
            VaultError::NoSuchValue { .. } => "no_such_value",
            VaultError::NoRow { .. } => "no_row",
            VaultError::NoPerson { .. } => "no_person",
            VaultError::EmptyName => "empty_name",
            VaultError::NoImport { .. } => "no_import",
            VaultError::ImportUndone { .. } => "import_undone",
            VaultError::AlreadyOne { .. } => "already_one",
            VaultError::OnePerson => "one_person",
            VaultError::NoMerge { .. } => "no_merge",
            VaultError::MergeUndone { .. } => "merge_undone",
            VaultError::SeveralGroups { .. } => "several_groups",
            VaultError::NoGroup { .. } => "no_group",
            VaultError::NobodyMatches { .. } => "nobody_matches",
            VaultError::SeveralPeople { .. } => "several_people",
            VaultError::Import(e) => e.code(),
        }
    }

    fn args(&self) -> Args {
        match self {
            VaultError::WrongPassphrase { dir }
            | VaultError::NotFound { dir }
            | VaultError::AlreadyExists { dir }
            | VaultError::UnfinishedInit { dir }
            | VaultError::Busy { dir } => args![dir => dir],
            VaultError::WeakPassphrase | VaultError::EmptyName | VaultError::OnePerson => Vec::new(),
            VaultError::Damaged { path, reason } => args![path => path, reason => reason.as_str()],
            VaultError::DamagedPart { path, what } => args![path => path, reason => what],
            VaultError::Io { path, source } => args![path => path, source => source.to_string()],
            VaultError::Sql { dir, source } => args![dir => dir, source => source.to_string()],
            VaultError::TooNew { found, known } => args![found => *found, known => *known],
            VaultError::NewSigner { groups, signer } => args![groups => groups.as_str(), signer => signer],
            VaultError::Crypto(reason) => args![reason => reason.as_str()],
            VaultError::NoSuchValue { person, person_id, text } => {
                args![person => person.as_str(), person_id => *person_id, text => text.as_str()]
            }
            VaultError::NoRow { table, id } => args![table => *table, id => *id],
            VaultError::NoPerson { id }
            | VaultError::NoImport { id }
            | VaultError::ImportUndone { id }
            | VaultError::NoMerge { id }
            | VaultError::MergeUndone { id } => args![id => *id],
            VaultError::AlreadyOne { name, id } => args![name => name.as_str(), id => *id],
            VaultError::SeveralGroups { name } | VaultError::NoGroup { name } => args![name => name.as_str()],
            VaultError::NobodyMatches { query } => args![query => query.as_str()],
            VaultError::SeveralPeople { query, count, names } => {
                args![query => query.as_str(), count => *count, names => names.as_str()]
            }
            VaultError::Import(e) => e.args(),
        }
    }
}
