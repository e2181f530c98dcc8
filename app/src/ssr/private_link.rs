//! Private links (a registration's, an invitation's): 256 random bits,
//! URL-safe, of which only the SHA-256 is stored. One copy for every
//! component, so a link made by one reads the same as any other.

use rand::Rng;
use sha2::{Digest, Sha256};

/// A fresh token from the thread's generator.
pub fn new_token() -> String {
    token_from(&mut rand::thread_rng())
}

/// A token from `rng`: 32 random bytes, URL-safe base64 without padding (43 characters).
pub fn token_from(rng: &mut impl Rng) -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rng.fill(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a token: its SHA-256, in hex. Looking a row up by this
/// hash reveals nothing about other tokens, so no constant-time comparison
/// is needed.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_unique_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), token_hash(&b));
    }
}
