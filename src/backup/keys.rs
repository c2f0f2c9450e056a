//! Making the user's own backup key (`lifeboat keygen`): an age X25519
//! identity. The vault keeps it; this module only makes and parses keys.

use age::secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::{BackupError, SigningKey, crypt};

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

/// The line of a key file that carries the signing key's secret seed. It is
/// a comment to age, so `age -d -i FILE` still reads the file.
const SIGNING_LINE: &str = "# LIFEBOAT-SIGNING-KEY-1 ";

/// The text of a key file (`lifeboat keygen --write-identity`): the age
/// identity that opens backups made to you, and the signing key that marks
/// backups as yours. `age -d -i FILE` reads it as it is.
pub fn key_file(secret: &str, recipient: &str, signing: &SigningKey) -> Zeroizing<String> {
    let public = signing.public();
    Zeroizing::new(format!(
        "# Lifeboat keys: keep this file offline; anyone with it can open your backups and sign as you.\n\
         # public key: {recipient}\n\
         # signing key: {} ({})\n\
         {SIGNING_LINE}{}\n\
         {secret}\n",
        public.openssh,
        public.fingerprint,
        hex::encode(signing.seed().as_slice())
    ))
}

/// What a key file holds: its age identities (secret, recipient) and its signing key.
pub struct KeyFile {
    pub identities: Vec<Generated>,
    pub signing: Option<SigningKey>,
}

/// Read a key file written by [`key_file`] (or any age identity file).
pub fn read_key_file(file: &str, text: &str) -> Result<KeyFile, BackupError> {
    let bad = |reason: &str| BackupError::BadIdentity { file: file.to_owned(), reason: reason.to_owned() };
    let mut out = KeyFile { identities: Vec::new(), signing: None };
    for line in text.lines().map(str::trim) {
        if let Some(seed) = line.strip_prefix(SIGNING_LINE.trim_end()) {
            let bytes = Zeroizing::new(hex::decode(seed.trim()).map_err(|_| bad("the signing key line is damaged"))?);
            let seed: Zeroizing<[u8; 32]> =
                Zeroizing::new(bytes.as_slice().try_into().map_err(|_| bad("the signing key line is damaged"))?);
            out.signing = Some(SigningKey::from_seed(&seed));
        } else if line.starts_with("AGE-SECRET-KEY-1") {
            let identity: age::x25519::Identity = line.parse().map_err(|_| bad("an age secret key is damaged"))?;
            out.identities.push(Generated {
                secret: Zeroizing::new(line.to_owned()),
                recipient: identity.to_public().to_string(),
            });
        }
    }
    if out.identities.is_empty() && out.signing.is_none() {
        return Err(bad("it holds no age secret key (AGE-SECRET-KEY-1…) and no Lifeboat signing key"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_carries_both_keys_and_reads_back() {
        let made = generate();
        let signing = SigningKey::from_seed(&[7; 32]);
        let text = key_file(&made.secret, &made.recipient, &signing);
        let read = read_key_file("keys.txt", &text).unwrap();
        assert_eq!(read.identities.len(), 1);
        assert_eq!(read.identities[0].recipient, made.recipient);
        assert_eq!(read.signing.unwrap().public(), signing.public());
        // age reads it as an identity file: the signing line is a comment to it.
        assert_eq!(crypt::parse_identity_file("keys.txt", text.as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn a_damaged_or_empty_key_file_is_refused() {
        assert!(read_key_file("k", "# LIFEBOAT-SIGNING-KEY-1 zz\n").is_err());
        assert!(read_key_file("k", "nothing here\n").is_err());
    }
}
