//! The `password_resets` table: single-use links to set a new password, each
//! stored as the SHA-256 of its token, its mail enqueued with it.

use super::staff::set_password_hash_in;
use crate::mail::OutgoingMail;
use crate::ssr::db::{now, Db};

/// Stores a reset link for `staff_id` and, in the same transaction, the mail
/// that carries it. With `unless_recent`, nothing happens (and `false` is
/// returned) while a link sent less than that many seconds ago is unused.
pub async fn create_reset(
    db: &Db,
    staff_id: i64,
    token_hash: &str,
    lifetime_seconds: i64,
    unless_recent: Option<i64>,
    mail: &OutgoingMail,
) -> Result<bool, sqlx::Error> {
    let t = now();
    let mut tx = db.pool.begin().await?;
    if let Some(interval) = unless_recent {
        let recent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM password_resets WHERE staff_id = $1 AND used_at IS NULL \
             AND expires_at > $2 AND created_at > $3",
        )
        .bind(staff_id)
        .bind(t)
        .bind(t - interval)
        .fetch_one(&mut *tx)
        .await?;
        if recent > 0 {
            return Ok(false);
        }
    }
    sqlx::query(
        "INSERT INTO password_resets (staff_id, token_hash, expires_at, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(staff_id)
    .bind(token_hash)
    .bind(t + lifetime_seconds)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    crate::mail::enqueue_in(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(true)
}

/// The account a link belongs to, while it is unused, unexpired and the
/// account enabled. Looking does not use it up (mail scanners open links).
pub async fn reset_account(db: &Db, token_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT r.staff_id FROM password_resets r JOIN staff_accounts s ON s.id = r.staff_id \
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND s.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(now())
    .fetch_optional(&db.pool)
    .await
}

/// Uses the link up and sets the password it was for, ending every session
/// of the account; the account's other links die with it. `None` when the
/// link is unknown, used, expired or its account disabled: then nothing changes.
pub async fn use_reset(
    db: &Db,
    token_hash: &str,
    password_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let t = now();
    let mut tx = db.pool.begin().await?;
    // Marking it used first, only if it still is unused, makes two uses at
    // the same moment come out as one.
    let staff_id: Option<i64> = sqlx::query_scalar(
        "UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL \
         AND expires_at > $2 AND staff_id IN (SELECT id FROM staff_accounts WHERE disabled_at IS NULL) \
         RETURNING staff_id",
    )
    .bind(token_hash)
    .bind(t)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(staff_id) = staff_id else {
        return Ok(None);
    };
    set_password_hash_in(&mut tx, staff_id, password_hash).await?;
    sqlx::query("UPDATE password_resets SET used_at = $2 WHERE staff_id = $1 AND used_at IS NULL")
        .bind(staff_id)
        .bind(t)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(staff_id))
}
