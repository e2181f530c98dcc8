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
