//! Vault errors: each says what went wrong and what to do, in English then Korean.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    #[error(
        "wrong passphrase for the vault at {dir}: nothing was changed. Type the passphrase again (check Caps Lock and the keyboard language).\n{dir} 보관함의 암호가 틀렸습니다. 아무것도 바뀌지 않았습니다. 암호를 다시 입력하세요 (Caps Lock과 한/영 전환을 확인하세요)."
    )]
    WrongPassphrase { dir: PathBuf },

    #[error(
        "no vault at {dir}. Create one with `lifeboat init`, or point to yours with --vault or LIFEBOAT_VAULT.\n{dir}에 보관함이 없습니다. `lifeboat init`으로 만들거나 --vault 또는 LIFEBOAT_VAULT로 위치를 지정하세요."
    )]
    NotFound { dir: PathBuf },

    #[error(
        "a vault already exists at {dir}; it was left as it is. Unlock it instead, or choose another folder with --vault.\n{dir}에 이미 보관함이 있습니다. 그대로 두었습니다. 다른 폴더를 쓰려면 --vault를 지정하세요."
    )]
    AlreadyExists { dir: PathBuf },

    #[error(
        "an earlier `lifeboat init` at {dir} was stopped before it finished, so there is no vault there yet (nothing of yours was stored). Run `lifeboat init` again (in the app: create the vault again); it clears what was left and starts over.\n{dir}의 보관함 만들기가 끝나기 전에 중단되었습니다(저장된 내용 없음). `lifeboat init`을 다시 실행하면 남은 것을 지우고 새로 만듭니다."
    )]
    UnfinishedInit { dir: PathBuf },

    #[error("the passphrase is too short: use at least 8 characters.\n암호가 너무 짧습니다. 8자 이상으로 정하세요.")]
    WeakPassphrase,

    #[error(
        "the vault at {dir} is in use by another Lifeboat (the app or another command). Close it and try again.\n{dir} 보관함을 다른 Lifeboat(앱 또는 다른 명령)가 쓰고 있습니다. 닫고 다시 시도하세요."
    )]
    Busy { dir: PathBuf },

    #[error(
        "the vault at {path} is damaged: {reason}. It was not changed. Restore it from a backup (`lifeboat backup restore`) into a new vault folder.\n{path} 보관함이 손상되었습니다. 바꾸지 않았습니다. 새 폴더에 백업을 복원하세요(`lifeboat backup restore`)."
    )]
    Damaged { path: PathBuf, reason: String },

    #[error(
        "{path}: {source}. Check the disk space and the folder's permissions.\n{path}: 디스크 공간과 폴더 권한을 확인하세요."
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "the vault at {dir} could not be written or read: {source}. Nothing of this operation was kept; check the disk space and try again.\n{dir} 보관함을 읽거나 쓸 수 없습니다. 이번 작업은 저장되지 않았습니다. 디스크 공간을 확인하고 다시 시도하세요."
    )]
    Sql {
        dir: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error(
        "this vault was made by a newer Lifeboat (schema {found}, this one knows {known}). Update Lifeboat.\n더 새로운 Lifeboat가 만든 보관함입니다. Lifeboat를 업데이트하세요."
    )]
    TooNew { found: i64, known: i64 },

    #[error(
        "the roster of {groups} is signed by a different key than last time: now {signer}. Nothing was written. Ask the sender, on the phone, to read you their fingerprint (`lifeboat keygen --show-recipient`); if it matches, restore again and accept the new signer (--accept-new-signer).\n{groups}의 명단이 지난번과 다른 키로 서명되었습니다(지금: {signer}). 아무것도 쓰지 않았습니다. 보낸 사람에게 전화로 지문을 확인하고, 맞으면 새 서명자를 받아들여 다시 복원하세요(--accept-new-signer)."
    )]
    NewSigner { groups: String, signer: String },

    #[error("key derivation failed: {0}")]
    Crypto(String),

    #[error("{0}")]
    NotFoundItem(String),

    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
}

impl VaultError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> VaultError {
        VaultError::Io { path: path.to_owned(), source }
    }
    pub(crate) fn sql(dir: &Path, source: rusqlite::Error) -> VaultError {
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
