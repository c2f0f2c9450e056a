//! Who made a backup: an Ed25519 signature over `lifeboat.json` in the
//! OpenSSH SSHSIG format (PROTOCOL.sshsig), so anyone can check it without
//! Lifeboat: `ssh-keygen -Y verify -n lifeboat-backup …` (docs/BACKUP.md).
//!
//! age says a backup was not changed on the way; it does not say who made
//! it, since anyone holding a member's public key can encrypt to them. The
//! signature names the maker's key; whether to trust that key is the
//! restore's decision, not this module's.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use ed25519_dalek::{Signer as _, Verifier as _};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The SSHSIG namespace of backup signatures (`ssh-keygen -Y verify -n`).
pub const NAMESPACE: &str = "lifeboat-backup";
const MAGIC: &[u8] = b"SSHSIG";
const KEY_TYPE: &str = "ssh-ed25519";
const HASH: &str = "sha512";
const BEGIN: &str = "-----BEGIN SSH SIGNATURE-----";
const END: &str = "-----END SSH SIGNATURE-----";
/// A real signature is under 300 bytes armored; anything far larger is not one.
pub const MAX_ARMORED: u64 = 4096;

/// A vault's Ed25519 signing key; the secret is wiped on drop.
pub struct SigningKey(ed25519_dalek::SigningKey);

impl SigningKey {
    /// The key of a 32-byte secret seed (as the vault stores it).
    pub fn from_seed(seed: &[u8; 32]) -> SigningKey {
        SigningKey(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    pub fn public(&self) -> SignerKey {
        SignerKey::of(&self.0.verifying_key())
    }

    /// The secret seed, to keep in the vault or in the user's key file.
    pub fn seed(&self) -> zeroize::Zeroizing<[u8; 32]> {
        zeroize::Zeroizing::new(self.0.to_bytes())
    }
}

/// What a backup being made is signed with: the key, and the maker's name as they chose it.
pub struct Signing {
    pub name: String,
    pub key: SigningKey,
}

/// A signing public key, in the forms people compare.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignerKey {
    /// `ssh-ed25519 AAAA…`, a line for an `allowed_signers` file.
    pub openssh: String,
    /// `SHA256:…`, exactly as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// The same hash as four groups of four hex digits (`3F2A 91BC 0D4E 77A1`),
    /// short enough to read to each other on the phone.
    pub short: String,
}

impl SignerKey {
    fn of(key: &ed25519_dalek::VerifyingKey) -> SignerKey {
        let blob = public_blob(key);
        let digest = Sha256::digest(&blob);
        let hex = hex::encode_upper(&digest[..8]);
        let short = hex.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>();
        SignerKey {
            openssh: format!("{KEY_TYPE} {}", STANDARD.encode(&blob)),
            fingerprint: format!("SHA256:{}", STANDARD_NO_PAD.encode(digest)),
            short: short.join(" "),
        }
    }
}

/// Who signed an opened backup.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Signer {
    /// No signature: anyone could have made it (backups of format version 1 all read so).
    Unsigned,
    /// A signature that checks out, by `key`, whose maker calls themselves `name`.
    Signed { name: String, key: SignerKey },
}

/// The `maker` object of `lifeboat.json`: what the signature vouches for
/// beside the payload, which it covers as part of the same file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Maker {
    /// The maker's name as they chose it (may be empty).
    pub name: String,
    /// The signing key, `ssh-ed25519 AAAA…`; the signature must be by this key.
    pub key: String,
    /// The backup's `created_at`, repeated.
    pub created_at: String,
    /// The names of the backup's groups, in order.
    pub groups: Vec<String>,
    /// SHA-256 (hex) of `contacts.vcf`, so the signature covers the vCards too.
    pub contacts_sha256: String,
}

/// Sign `message` as SSHSIG, armored as `ssh-keygen -Y sign` writes it.
#[cfg(test)]
pub fn sign(key: &SigningKey, message: &[u8]) -> String {
    sign_digest(key, &sha2::Sha512::digest(message).into())
}

/// Sign a message by its SHA-512, as SSHSIG does: the message itself may
/// have streamed past and be gone.
pub fn sign_digest(key: &SigningKey, message_sha512: &[u8; 64]) -> String {
    let signature = key.0.sign(&signed_data(message_sha512));
    let mut sig_blob = Vec::new();
    put(&mut sig_blob, KEY_TYPE.as_bytes());
    put(&mut sig_blob, &signature.to_bytes());
    let mut blob = MAGIC.to_vec();
    blob.extend_from_slice(&1u32.to_be_bytes());
    put(&mut blob, &public_blob(&key.0.verifying_key()));
    put(&mut blob, NAMESPACE.as_bytes());
    put(&mut blob, b"");
    put(&mut blob, HASH.as_bytes());
    put(&mut blob, &sig_blob);
    let body = STANDARD.encode(blob);
    let lines: Vec<&str> =
        body.as_bytes().chunks(70).map(|c| std::str::from_utf8(c).expect("base64 is ASCII")).collect();
    format!("{BEGIN}\n{}\n{END}\n", lines.join("\n"))
}

/// Check an armored SSHSIG over the message whose SHA-512 is `message_sha512`
/// (what SSHSIG signs, so the message itself may stream past); the key that
/// made it, or why not.
pub fn verify(armored: &[u8], message_sha512: &[u8; 64]) -> Result<SignerKey, String> {
    let text = std::str::from_utf8(armored).map_err(|_| "the signature is not text".to_owned())?;
    let body = text
        .trim()
        .strip_prefix(BEGIN)
        .and_then(|t| t.strip_suffix(END))
        .ok_or_else(|| "the signature is not an SSH signature".to_owned())?;
    let body: String = body.split_whitespace().collect();
    let blob = STANDARD.decode(body).map_err(|_| "the signature is not base64".to_owned())?;
    let mut r = Fields(&blob);
    if r.take(MAGIC.len())? != MAGIC || r.take(4)? != 1u32.to_be_bytes() {
        return Err("the signature is not SSHSIG version 1".into());
    }
    let mut public = Fields(r.string()?);
    if public.string()? != KEY_TYPE.as_bytes() {
        return Err("the signature is not by an Ed25519 key".into());
    }
    let key_bytes: [u8; 32] = public.string()?.try_into().map_err(|_| "the signing key is not 32 bytes".to_owned())?;
    public.end()?;
    if r.string()? != NAMESPACE.as_bytes() {
        return Err(format!("the signature is not for namespace {NAMESPACE}"));
    }
    let _reserved = r.string()?;
    if r.string()? != HASH.as_bytes() {
        return Err(format!("the signature does not use {HASH}"));
    }
    let mut sig = Fields(r.string()?);
    if sig.string()? != KEY_TYPE.as_bytes() {
        return Err("the signature is not an Ed25519 signature".into());
    }
    let sig_bytes: [u8; 64] = sig.string()?.try_into().map_err(|_| "the signature is not 64 bytes".to_owned())?;
    sig.end()?;
    r.end()?;
    let key =
        ed25519_dalek::VerifyingKey::from_bytes(&key_bytes).map_err(|_| "the signing key is not valid".to_owned())?;
    key.verify(&signed_data(message_sha512), &ed25519_dalek::Signature::from_bytes(&sig_bytes))
        .map_err(|_| "it does not match lifeboat.json, which was changed after signing".to_owned())?;
    Ok(SignerKey::of(&key))
}

/// What Ed25519 signs (PROTOCOL.sshsig): the preamble, namespace, reserved, hash name and hash.
fn signed_data(message_sha512: &[u8; 64]) -> Vec<u8> {
    let mut data = MAGIC.to_vec();
    put(&mut data, NAMESPACE.as_bytes());
    put(&mut data, b"");
    put(&mut data, HASH.as_bytes());
    put(&mut data, message_sha512);
    data
}

/// The SSH wire form of an Ed25519 public key.
fn public_blob(key: &ed25519_dalek::VerifyingKey) -> Vec<u8> {
    let mut blob = Vec::new();
    put(&mut blob, KEY_TYPE.as_bytes());
    put(&mut blob, key.as_bytes());
    blob
}

/// An SSH `string`: a big-endian u32 length, then the bytes.
fn put(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    out.extend_from_slice(bytes);
}

/// Reading SSH wire fields, each bounded by what is left.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("the signature is cut short".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn string(&mut self) -> Result<&'a [u8], String> {
        let len = u32::from_be_bytes(self.take(4)?.try_into().expect("4 bytes"));
        self.take(len as usize)
    }

    fn end(&self) -> Result<(), String> {
        if self.0.is_empty() { Ok(()) } else { Err("the signature has trailing bytes".into()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_verifies_and_names_the_key() {
        let key = SigningKey::from_seed(&[7; 32]);
        let armored = sign(&key, b"payload");
        assert!(armored.starts_with("-----BEGIN SSH SIGNATURE-----\n"));
        assert!(armored.lines().all(|l| l.len() <= 70 || l.starts_with("-----")));
        let digest = |m: &[u8]| -> [u8; 64] { sha2::Sha512::digest(m).into() };
        let found = verify(armored.as_bytes(), &digest(b"payload")).unwrap();
        assert_eq!(found, key.public());
        assert!(found.openssh.starts_with("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"));
        assert!(found.fingerprint.starts_with("SHA256:") && found.fingerprint.len() == 50);
        assert_eq!(found.short.len(), 19);
        assert!(verify(armored.as_bytes(), &digest(b"payloaD")).unwrap_err().contains("changed after signing"));
        assert!(verify(b"not a signature", &digest(b"payload")).is_err());
        let mut cut = armored.clone();
        cut.replace_range(40..44, "");
        assert!(verify(cut.as_bytes(), &digest(b"payload")).is_err());
    }
}
