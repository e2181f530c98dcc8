//! The `participants` table: anonymous identities, one per session.

use crate::ssr::db::{now, Db};

/// A new participant under a random public id; its row id.
pub async fn insert_participant(db: &Db, public_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(public_id)
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Whether the participant's row is still there.
pub async fn participant_exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM participants WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(found.is_some())
}

/// A new participant under `public_id`, unless one already has it: `None` then.
pub async fn insert_participant_once(db: &Db, public_id: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) \
         ON CONFLICT (public_id) DO NOTHING RETURNING id",
    )
    .bind(public_id)
    .bind(now())
    .fetch_optional(&db.pool)
    .await
}

/// The participant under `public_id`, if any.
pub async fn participant_by_public_id(
    db: &Db,
    public_id: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM participants WHERE public_id = $1")
        .bind(public_id)
        .fetch_optional(&db.pool)
        .await
}
