//! The one error shape the window sees: a stable `code` the UI translates,
//! and the core's own message (English then Korean) to show when it has no
//! better words.

use lifeboat::backup::BackupError;
use lifeboat::export::ExportError;
use lifeboat::handoff::HandoffError;
use lifeboat::import::ImportError;
use lifeboat::links::LinkError;
use lifeboat::vault::VaultError;
use serde::Serialize;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct AppError {
    pub code: &'static str,
    pub message: String,
}

impl AppError {
    pub fn new(code: &'static str, message: impl Into<String>) -> AppError {
        AppError { code, message: message.into() }
    }

    /// Every command but create and unlock needs an unlocked vault.
    pub fn locked() -> AppError {
        AppError::new("locked", "the vault is locked: unlock it first.\n보관함이 잠겨 있습니다. 먼저 여세요.")
    }
}

impl From<VaultError> for AppError {
    fn from(e: VaultError) -> AppError {
        let code = match &e {
            VaultError::WrongPassphrase { .. } => "wrong_passphrase",
            VaultError::NotFound { .. } => "no_vault",
            VaultError::AlreadyExists { .. } => "vault_exists",
            VaultError::WeakPassphrase => "weak_passphrase",
            VaultError::Busy { .. } => "busy",
            VaultError::Damaged { .. } => "damaged",
            VaultError::Io { .. } => "io",
            VaultError::Sql { .. } => "storage",
            VaultError::TooNew { .. } => "too_new",
            VaultError::NotFoundItem(_) => "not_found",
            VaultError::Import(ImportError::Cancelled) => "cancelled",
            VaultError::Import(ImportError::UnknownFormat { .. }) => "unknown_format",
            VaultError::Import(_) => "import",
            _ => "internal",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<ExportError> for AppError {
    fn from(e: ExportError) -> AppError {
        match e {
            ExportError::Vault(v) => v.into(),
            ExportError::Nobody { .. } => AppError::new("nobody", e.to_string()),
            _ => AppError::new("io", e.to_string()),
        }
    }
}

impl From<BackupError> for AppError {
    fn from(e: BackupError) -> AppError {
        if let BackupError::Vault(v) = e {
            return v.into();
        }
        let code = match &e {
            BackupError::WrongKey => "wrong_key",
            BackupError::NeedPassphrase => "need_passphrase",
            BackupError::NeedIdentity => "need_identity",
            BackupError::WeakPassphrase => "weak_passphrase",
            BackupError::NotABackup => "not_a_backup",
            BackupError::Damaged { .. } => "damaged_backup",
            BackupError::BadRecipient { .. } => "bad_recipient",
            BackupError::Io { .. } => "io",
            _ => "backup",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<HandoffError> for AppError {
    fn from(e: HandoffError) -> AppError {
        if let HandoffError::Select(e) = e {
            return e.into();
        }
        let code = match &e {
            HandoffError::NotPrivate { .. } => "not_private",
            HandoffError::NoPrivateAddress => "no_private_address",
            HandoffError::Listen { .. } => "listen",
            _ => "internal",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<LinkError> for AppError {
    fn from(e: LinkError) -> AppError {
        if let LinkError::Vault(v) = e {
            return v.into();
        }
        let code = match &e {
            LinkError::NotDialable { .. } => "not_dialable",
            LinkError::NotAnAddress { .. } => "not_an_address",
            LinkError::NoNumbers => "no_numbers",
            _ => "internal",
        };
        AppError::new(code, e.to_string())
    }
}
