//! The secretbox the page opens: XSalsa20-Poly1305 (NaCl's
//! `crypto_secretbox`, tweetnacl-js's `nacl.secretbox`) under a fresh
//! random key, with a random nonce in front of the box.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use crypto_secretbox::aead::Aead;
use crypto_secretbox::{KeyInit, XSalsa20Poly1305};
use zeroize::Zeroizing;

use super::HandoffError;

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 24;

/// A sealed payload and the key that opens it.
pub struct Sealed {
    /// The key, base64url without padding: what goes after the `#`.
    pub key: Zeroizing<String>,
    /// Nonce followed by the box (tag, then ciphertext).
    pub boxed: Vec<u8>,
}

/// Seal `plain` under a fresh key.
pub fn seal(plain: &[u8]) -> Result<Sealed, HandoffError> {
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::getrandom(&mut key[..]).map_err(HandoffError::Random)?;
    getrandom::getrandom(&mut nonce).map_err(HandoffError::Random)?;
    let cipher = XSalsa20Poly1305::new(&(*key).into());
    // Encryption fails only for plaintexts beyond 256 GiB.
    let sealed = cipher.encrypt(&nonce.into(), plain).expect("the payload fits one secretbox");
    let mut boxed = nonce.to_vec();
    boxed.extend(sealed);
    Ok(Sealed { key: Zeroizing::new(URL_SAFE_NO_PAD.encode(&key[..])), boxed })
}

/// A random token of `bytes` bytes, base64url without padding (the one-time path).
pub fn token(bytes: usize) -> Result<String, HandoffError> {
    let mut raw = vec![0u8; bytes];
    getrandom::getrandom(&mut raw).map_err(HandoffError::Random)?;
    Ok(URL_SAFE_NO_PAD.encode(raw))
}

/// Open a box made by [`seal`] (what the page does, for the tests).
#[cfg(test)]
pub fn open(key: &str, boxed: &[u8]) -> Option<Vec<u8>> {
    let key = URL_SAFE_NO_PAD.decode(key).ok()?;
    let key: [u8; KEY_LEN] = key.try_into().ok()?;
    let (nonce, sealed) = boxed.split_at_checked(NONCE_LEN)?;
    let nonce: [u8; NONCE_LEN] = nonce.try_into().ok()?;
    XSalsa20Poly1305::new(&key.into()).decrypt(&nonce.into(), sealed).ok()
}
