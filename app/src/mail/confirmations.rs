//! One confirmation mail per address and target in a window. Public forms
//! (a Rendez-vous or event registration) take any address: without this, a
//! script could make the server mail one person again and again.

use crate::ssr::db::now;
use sqlx::{Any, Transaction};

/// At most one confirmation mail to an address about one target in this time.
pub const WINDOW_SECS: i64 = 3600;

/// The key of a registration target: its component kind and row id.
pub fn target(kind: &str, id: i64) -> String {
    format!("{kind}:{id}")
}

/// Claims the right to mail `address` about `target` now, inside the
/// transaction that enqueues the mail: true when no mail went there in the
/// last [`WINDOW_SECS`] (the claim is then recorded), false otherwise.
/// Addresses compare without case.
pub async fn claim(
    tx: &mut Transaction<'_, Any>,
    target: &str,
    address: &str,
) -> Result<bool, sqlx::Error> {
    let t = now();
    let done = sqlx::query(
        "INSERT INTO confirmation_mails (target, address, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT (target, address) DO UPDATE SET sent_at = excluded.sent_at \
         WHERE confirmation_mails.sent_at <= $4",
    )
    .bind(target)
    .bind(address.trim().to_lowercase())
    .bind(t)
    .bind(t - WINDOW_SECS)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
