//! When to try a failed mail again: exponential backoff, capped, and a last
//! attempt after which the mail is marked failed for an admin to see.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The wait after the first failure; it doubles after each one.
    pub first_delay: Duration,
    /// The longest wait between two attempts.
    pub max_delay: Duration,
    /// Attempts in all, the first included.
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    /// 1, 2, 4 ... minutes, at most 6 hours apart, 12 attempts: a mail server
    /// down for most of a day still gets the mail.
    fn default() -> Self {
        RetryPolicy {
            first_delay: Duration::from_secs(60),
            max_delay: Duration::from_secs(6 * 3600),
            max_attempts: 12,
        }
    }
}

/// What to do with a mail whose attempt number `attempts` has just failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    RetryIn(Duration),
    GiveUp,
}

impl RetryPolicy {
    /// `permanent`: the server refused the mail itself (an unknown mailbox),
    /// so trying again cannot help.
    pub fn after_failure(&self, attempts: u32, permanent: bool) -> AfterFailure {
        if permanent || attempts >= self.max_attempts {
            return AfterFailure::GiveUp;
        }
        // 2^(attempts-1), without overflowing for large attempt counts.
        let factor = 1u32 << attempts.saturating_sub(1).min(20);
        AfterFailure::RetryIn(self.first_delay.saturating_mul(factor).min(self.max_delay))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(m: u64) -> AfterFailure {
        AfterFailure::RetryIn(Duration::from_secs(m * 60))
    }

    #[test]
    fn waits_double_then_stay_capped() {
        let p = RetryPolicy::default();
        let waits: Vec<AfterFailure> = (1..=11).map(|a| p.after_failure(a, false)).collect();
        assert_eq!(
            waits,
            [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360].map(minutes)
        );
    }

    #[test]
    fn gives_up_after_the_last_attempt_or_a_permanent_refusal() {
        let p = RetryPolicy::default();
        assert_eq!(p.after_failure(12, false), AfterFailure::GiveUp);
        assert_eq!(p.after_failure(40, false), AfterFailure::GiveUp);
        assert_eq!(p.after_failure(1, true), AfterFailure::GiveUp);
    }

    #[test]
    fn huge_attempt_counts_do_not_overflow() {
        let p = RetryPolicy {
            max_attempts: u32::MAX,
            ..RetryPolicy::default()
        };
        assert_eq!(p.after_failure(1000, false), minutes(360));
    }
}
