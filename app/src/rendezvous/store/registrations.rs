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

/// Where a confirmation mail about a meeting is counted (see `mail::confirmations`).
fn mail_target(rendezvous: i64) -> String {
    crate::mail::confirmations::target("rendezvous", rendezvous)
}

/// Enqueues `mail` in `tx` unless one went to its address about this meeting
/// within the window; whether it was.
async fn mail_once(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rendezvous: i64,
    mail: &OutgoingMail,
) -> Result<bool, sqlx::Error> {
    let target = mail_target(rendezvous);
    if !crate::mail::confirmations::claim(tx, &target, mail.to.as_str()).await? {
        return Ok(false);
    }
    crate::mail::outbox::enqueue_in(tx, mail).await?;
    Ok(true)
}

/// Stores a registration and, in the same transaction, its confirmation mail
/// (at most one per address and window); run again when the database was
/// busy (see `retry_transient`). `None` when the address already holds a
/// standing registration for this meeting.
pub async fn register(
    db: &Db,
    rendezvous: i64,
    token_hash: &str,
    name: &str,
    email: Option<&str>,
    mode: Mode,
    mail: Option<&OutgoingMail>,
) -> Result<Option<i64>, sqlx::Error> {
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
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = now();
    let inserted = sqlx::query_scalar(
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
    .await;
    let id = match inserted {
        Ok(id) => id,
        // The address registered meanwhile (two posts at once).
        Err(e) if crate::ssr::db_error::is_unique_violation(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    if let Some(mail) = mail {
        mail_once(&mut tx, rendezvous, mail).await?;
    }
    tx.commit().await?;
    Ok(Some(id))
}

/// The standing registration of an address for a meeting, if any (addresses
/// compare without case, as the unique index does).
pub async fn standing_by_email(
    db: &Db,
    rendezvous: i64,
    email: &str,
) -> Result<Option<Registration>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, email, mode, cancelled_at FROM rendezvous_registrations \
         WHERE rendezvous_id = $1 AND lower(email) = lower($2) AND cancelled_at IS NULL",
    )
    .bind(rendezvous)
    .bind(email)
    .fetch_optional(&db.pool)
    .await
}

/// Sends a standing registration's private link again, under a new token
/// (only its hash is kept, so the old one cannot be mailed): unless a mail
/// went to the address about this meeting within the window. Whether it was sent.
pub async fn resend_link(
    db: &Db,
    rendezvous: i64,
    registration: i64,
    token_hash: &str,
    mail: &OutgoingMail,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if !mail_once(&mut tx, rendezvous, mail).await? {
        return Ok(false);
    }
    sqlx::query("UPDATE rendezvous_registrations SET token_hash = $1 WHERE id = $2")
        .bind(token_hash)
        .bind(registration)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
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
