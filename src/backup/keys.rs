//! Making the user's own backup key (`lifeboat keygen`): an age X25519
//! identity. The vault keeps it; this module only makes and parses keys.

use age::secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::{BackupError, crypt};

/// A new identity: the secret (`AGE-SECRET-KEY-1…`) and its recipient (`age1…`).
pub struct Generated {
    pub secret: Zeroizing<String>,
    pub recipient: String,
}

pub fn generate() -> Generated {
    let identity = age::x25519::Identity::generate();
    Generated {
        secret: Zeroizing::new(identity.to_string().expose_secret().to_owned()),
        recipient: identity.to_public().to_string(),
    }
}

/// The identities kept in a vault, ready to decrypt with.
pub fn from_secrets<'a>(
    secrets: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<Box<dyn age::Identity + Send + Sync>>, BackupError> {
    let mut out = Vec::new();
    for secret in secrets {
        out.extend(crypt::parse_identity_file("the vault's key", secret.as_bytes())?);
    }
    Ok(out)
}
