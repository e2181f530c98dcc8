//! Ticket codes and private links. A ticket code is short and typeable at the
//! door (8 characters from an alphabet without 0/O, 1/I/L); a private link
//! carries a 256-bit random token of which only the SHA-256 is stored.

use rand::Rng;

/// No 0, O, 1, I or L: nothing to confuse when reading a code aloud or typing it.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const CODE_LENGTH: usize = 8;

/// A fresh ticket code, e.g. "K7MQ2XRD" (shown as "K7MQ-2XRD").
pub fn new_code(rng: &mut impl Rng) -> String {
    (0..CODE_LENGTH)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A code as typed at the door ("k7mq 2xrd", "K7MQ-2XRD") in its stored form;
/// `None` when it cannot be a code.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = code.len() == CODE_LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
    valid.then_some(code)
}

/// "K7MQ2XRD" → "K7MQ-2XRD", easier to read.
pub fn display_code(code: &str) -> String {
    if code.len() == CODE_LENGTH && code.is_ascii() {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

pub use crate::ssr::private_link::{token_from as new_token, token_hash};

/// Whether a path segment can be a token at all (saves a lookup on junk).
pub fn plausible_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn codes_use_the_unambiguous_alphabet_and_survive_typing() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..500 {
            let code = new_code(&mut rng);
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
            assert_eq!(normalise_code(&code).as_deref(), Some(code.as_str()));
            let typed = display_code(&code).to_lowercase();
            assert_eq!(normalise_code(&typed).as_deref(), Some(code.as_str()));
            let spaced = format!(" {} {} ", &code[..4], &code[4..]);
            assert_eq!(normalise_code(&spaced).as_deref(), Some(code.as_str()));
        }
    }

    #[test]
    fn junk_is_not_a_code() {
        for bad in ["", "ABC", "K7MQ2XRDX", "K7MQ2XR!", "K7MQ2XR0", "ÉÉÉÉÉÉÉÉ"] {
            assert_eq!(normalise_code(bad), None, "{bad}");
        }
        assert_eq!(normalise_code("OOOOIIII"), None);
    }

    #[test]
    fn tokens_are_long_random_and_only_their_hash_is_kept() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let a = new_token(&mut rng);
        let b = new_token(&mut rng);
        assert_ne!(a, b);
        assert!(plausible_token(&a), "{a}");
        assert!(!plausible_token("short"));
        assert!(!plausible_token(&format!("{}/", &a[..42])));
        let h = token_hash(&a);
        assert_eq!(h.len(), 64);
        assert_eq!(h, token_hash(&a));
        assert_ne!(h, token_hash(&b));
        assert!(!h.contains(&a));
    }

    #[test]
    fn codes_display_in_two_halves() {
        assert_eq!(display_code("K7MQ2XRD"), "K7MQ-2XRD");
        assert_eq!(display_code("short"), "short");
    }
}
