//! Registrations: to come in person or follow remotely, each with its
//! confirmation mail enqueued in the same transaction.

use crate::mail::OutgoingMail;
use crate::rendezvous::logic::Mode;
use crate::ssr::db::{now, retry_transient, Db};
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct Registration {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    pub cancelled_at: Option<i64>,
}

/// Stores a registration and, in the same transaction, its confirmation
/// mail; run again when the database was busy (see `retry_transient`).
pub async fn register(
    db: &Db,
    rendezvous: i64,
    token_hash: &str,
    name: &str,
    email: Option<&str>,
    mode: Mode,
    mail: Option<&OutgoingMail>,
) -> Result<i64, sqlx::Error> {
    retry_transient(|| try_register(db, rendezvous, token_hash, name, email, mode, mail)).await
}

async fn try_register(
    db: &Db,
    rendezvous: i64,
    token_hash: &str,
    name: &str,
    email: Option<&str>,
    mode: Mode,
    mail: Option<&OutgoingMail>,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = now();
    let id = sqlx::query_scalar(
        "INSERT INTO rendezvous_registrations (rendezvous_id, token_hash, name, email, mode, consent_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(rendezvous)
    .bind(token_hash)
    .bind(name)
    .bind(email)
    .bind(mode.as_str())
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(mail) = mail {
        crate::mail::outbox::enqueue_in(&mut tx, mail).await?;
    }
    tx.commit().await?;
    Ok(id)
}

pub async fn registration_by_token(
    db: &Db,
    rendezvous: i64,
    token_hash: &str,
) -> Result<Option<Registration>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, email, mode, cancelled_at FROM rendezvous_registrations \
         WHERE rendezvous_id = $1 AND token_hash = $2",
    )
    .bind(rendezvous)
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await
}

pub async fn cancel_registration(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE rendezvous_registrations SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL",
    )
    .bind(id)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Registrations still standing: (in the room, remote).
pub async fn registration_counts(db: &Db, rendezvous: i64) -> Result<(i64, i64), sqlx::Error> {
    let rows: Vec<ModeCount> = sqlx::query_as(
        "SELECT mode, COUNT(*) AS count FROM rendezvous_registrations \
         WHERE rendezvous_id = $1 AND cancelled_at IS NULL GROUP BY mode",
    )
    .bind(rendezvous)
    .fetch_all(&db.pool)
    .await?;
    let count = |m: Mode| rows.iter().find(|r| r.mode == m).map_or(0, |r| r.count);
    Ok((count(Mode::Room), count(Mode::Remote)))
}

#[derive(FromRow)]
struct ModeCount {
    #[sqlx(try_from = "String")]
    mode: Mode,
    count: i64,
}
