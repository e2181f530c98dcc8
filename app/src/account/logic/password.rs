//! Password hashing (argon2) and the rules a new password must meet.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub const MIN_LENGTH: usize = 10;

/// A password that meets the rules; only this type can be hashed and stored.
pub struct NewPassword(String);

impl NewPassword {
    /// Checks the rules; the error is the Fluent id of the message to show.
    pub fn parse(password: &str, confirmation: &str) -> Result<NewPassword, &'static str> {
        if password.chars().count() < MIN_LENGTH {
            return Err("password-error-short");
        }
        if password != confirmation {
            return Err("password-error-mismatch");
        }
        Ok(NewPassword(password.to_owned()))
    }

    pub fn hash(&self) -> String {
        hash(&self.0)
    }
}

pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters cannot fail")
        .to_string()
}

pub fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the account does not exist, so that a wrong
/// email takes as long as a wrong password and reveals nothing.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash("not a real password"));
    &DUMMY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let a = hash("correct horse battery");
        let b = hash("correct horse battery");
        assert_ne!(a, b, "salts differ");
        assert!(verify("correct horse battery", &a));
        assert!(!verify("wrong", &a));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn new_passwords_follow_the_rules() {
        assert_eq!(
            NewPassword::parse("short", "short").err(),
            Some("password-error-short")
        );
        assert_eq!(
            NewPassword::parse("long enough 1", "long enough 2").err(),
            Some("password-error-mismatch")
        );
        assert!(NewPassword::parse("long enough 1", "long enough 1").is_ok());
    }
}
