//! Whether a staff member's session still holds: the account exists and is
//! enabled, its password has not changed (nor was it disabled) since the
//! sign-in, and the absolute lifetime has not run out, whatever the activity.

/// What the session remembers from its sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignIn {
    /// The account's `session_generation` at sign-in.
    pub generation: i64,
    /// Unix seconds.
    pub at: i64,
}

/// What the database says about the account now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountNow {
    pub generation: i64,
    pub disabled: bool,
}

/// `None` for a session from before generations were kept: it must sign in again.
pub fn session_holds(
    sign_in: Option<SignIn>,
    account: Option<AccountNow>,
    now: i64,
    lifetime_seconds: i64,
) -> bool {
    match (sign_in, account) {
        (Some(s), Some(a)) => {
            !a.disabled
                && a.generation == s.generation
                && now >= s.at
                && now - s.at < lifetime_seconds
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3600;
    const SIGNED: SignIn = SignIn {
        generation: 3,
        at: 1_000_000,
    };
    const ACTIVE: AccountNow = AccountNow {
        generation: 3,
        disabled: false,
    };

    #[test]
    fn a_fresh_session_of_an_active_account_holds() {
        assert!(session_holds(
            Some(SIGNED),
            Some(ACTIVE),
            SIGNED.at,
            12 * HOUR
        ));
        assert!(session_holds(
            Some(SIGNED),
            Some(ACTIVE),
            SIGNED.at + 12 * HOUR - 1,
            12 * HOUR
        ));
    }

    #[test]
    fn the_lifetime_is_absolute() {
        assert!(!session_holds(
            Some(SIGNED),
            Some(ACTIVE),
            SIGNED.at + 12 * HOUR,
            12 * HOUR
        ));
        assert!(!session_holds(
            Some(SIGNED),
            Some(ACTIVE),
            SIGNED.at - 5,
            12 * HOUR
        ));
    }

    #[test]
    fn a_new_password_a_disabled_or_deleted_account_ends_it() {
        let moved_on = AccountNow {
            generation: 4,
            ..ACTIVE
        };
        let disabled = AccountNow {
            disabled: true,
            ..ACTIVE
        };
        for account in [Some(moved_on), Some(disabled), None] {
            assert!(!session_holds(Some(SIGNED), account, SIGNED.at, 12 * HOUR));
        }
        assert!(!session_holds(None, Some(ACTIVE), SIGNED.at, 12 * HOUR));
    }
}
