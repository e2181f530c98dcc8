//! Login throttling and the bound on password hashing.
//!
//! A login attempt is counted against its account (the e-mail typed) and its
//! client address before the password is checked, so that parallel guesses
//! are counted too; one that succeeds is given back. Once an account's
//! failures are spent it is refused, right password or not, until the
//! bucket gives one back (`RateConfig::login_failures_per_account` per 15
//! minutes). Argon2 takes about 19 MiB a hash: `Hashing` lets only a few run
//! at once, and a request that waits too long is told the server is busy.

use crate::error::AppError;
use crate::ssr::rate_limit::{Action, RateLimits};
use crate::ssr::Ctx;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a login waits for a turn to hash before being told to come back.
const HASHING_WAIT: Duration = Duration::from_secs(10);

/// The hashing turns of this instance (a request extension).
#[derive(Clone)]
pub struct Hashing(Arc<Semaphore>);

impl Hashing {
    pub fn new(at_once: usize) -> Hashing {
        Hashing(Arc::new(Semaphore::new(at_once.max(1))))
    }

    /// A turn to hash, or the translated "busy" refusal (503) after `HASHING_WAIT`.
    pub async fn turn(&self, ctx: &Ctx) -> Result<OwnedSemaphorePermit, AppError> {
        match tokio::time::timeout(HASHING_WAIT, Arc::clone(&self.0).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(ctx.respond_err(AppError::Unavailable(ctx.t("login-error-busy")))),
        }
    }
}

/// One counted login attempt.
pub struct Attempt {
    account: String,
}

/// Counts an attempt for `email` from the client's address, or refuses it
/// with the translated "wait" message.
pub async fn begin(ctx: &Ctx, email: &str) -> Result<Attempt, AppError> {
    let account = email.trim().to_lowercase();
    let limits: &RateLimits = &ctx.limits;
    let refused = || {
        let (per_account, _) = limits.config.limits(Action::LoginAccount);
        let minutes = per_account.map_or(1, |l| (l.interval_ms() + 59_999) / 60_000);
        ctx.respond_err(AppError::TooManyRequests(
            ctx.tr
                .t_args("login-error-throttled", &[("minutes", minutes.to_string())]),
        ))
    };
    if !limits
        .allow(Action::LoginAccount, Some(&account), None)
        .await
    {
        return Err(refused());
    }
    if !limits.allow(Action::LoginAddress, None, ctx.address).await {
        limits
            .give_back(Action::LoginAccount, Some(&account), None)
            .await;
        return Err(refused());
    }
    Ok(Attempt { account })
}

impl Attempt {
    /// A login that succeeded (or was not tried) is not counted.
    pub async fn give_back(self, ctx: &Ctx) {
        let limits = &ctx.limits;
        limits
            .give_back(Action::LoginAccount, Some(&self.account), None)
            .await;
        limits
            .give_back(Action::LoginAddress, None, ctx.address)
            .await;
    }
}

/// This request's hashing turn, when the server set the bound up.
pub async fn hashing_turn(ctx: &Ctx) -> Result<Option<OwnedSemaphorePermit>, AppError> {
    let hashing = crate::ssr::request::parts().and_then(|p| p.extensions.get::<Hashing>().cloned());
    match hashing {
        Some(h) => h.turn(ctx).await.map(Some),
        None => Ok(None),
    }
}
