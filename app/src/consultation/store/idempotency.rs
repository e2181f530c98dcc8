//! Idempotency keys: a retried request (a double tap, a replayed post) is
//! applied once, and its first answer is given again.

use crate::ssr::db::now;
use sqlx::{Any, Transaction};

/// Claims an idempotency key inside `tx`. `Some(response)` when the request
/// was already applied: its first answer is to be returned unchanged.
pub(super) async fn claim_key(
    tx: &mut Transaction<'_, Any>,
    participant: i64,
    key: &str,
) -> Result<Option<String>, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO idempotency (key, participant_id, response, created_at) VALUES ($1, $2, '', $3) \
         ON CONFLICT (participant_id, key) DO NOTHING",
    )
    .bind(key)
    .bind(participant)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    if claimed.rows_affected() == 1 {
        return Ok(None);
    }
    let response: String = sqlx::query_scalar(
        "SELECT response FROM idempotency WHERE participant_id = $1 AND key = $2",
    )
    .bind(participant)
    .bind(key)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Some(response))
}

pub(super) async fn record_response(
    tx: &mut Transaction<'_, Any>,
    participant: i64,
    key: &str,
    response: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE idempotency SET response = $1 WHERE participant_id = $2 AND key = $3")
        .bind(response)
        .bind(participant)
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
