//! The outbox table: mails are enqueued by requests (inside their own
//! transaction when the mail belongs to a change), then claimed one at a time
//! by a worker, which records whether they went out.
//!
//! A claim is a lease (`claimed_until`): if a server dies while sending, another
//! takes the mail over once the lease has run out. The attempt counter, raised
//! by each claim, fences the late worker: its outcome no longer matches the row.

use super::message::{Attachment, EmailAddress, MailError, OutgoingMail};
use super::retry::{AfterFailure, RetryPolicy};
use crate::ssr::db::{now, Db};
use sqlx::AnyConnection;

/// How long a worker holds a mail it claimed. Longer than the SMTP timeout
/// (see `transport`), so a mail being sent is never taken over.
pub const LEASE_SECONDS: i64 = 120;

/// Longest error text kept for the admin page.
const MAX_ERROR_CHARS: usize = 1000;

/// Enqueues `mail` in its own transaction. Returns its id, or `None` when a
/// mail with the same dedupe key was already enqueued.
pub async fn enqueue(db: &Db, mail: &OutgoingMail) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id = enqueue_in(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(id)
}

/// Enqueues `mail` inside the caller's transaction (pass `&mut tx`), so the
/// mail exists if and only if the change it tells about is committed. Call
/// `MailWaker::wake` after the commit to send it at once.
pub async fn enqueue_in(
    conn: &mut AnyConnection,
    mail: &OutgoingMail,
) -> Result<Option<i64>, sqlx::Error> {
    let t = now();
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO mail_outbox (recipient, subject, body_text, body_html, dedupe_key, next_attempt_at, created_at, headers) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(mail.to.as_str())
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(mail.html.as_deref())
    .bind(mail.dedupe_key.as_deref())
    .bind(t)
    .bind(stored_headers(&mail.headers))
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = id {
        for (position, a) in mail.attachments.iter().enumerate() {
            sqlx::query(
                "INSERT INTO mail_attachments (mail_id, position, filename, content_type, content) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(position as i64)
            .bind(a.filename())
            .bind(a.content_type())
            .bind(a.content().to_vec())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(id)
}

/// A mail a worker now holds. `attempt` is its attempt number, which the
/// outcome must quote back.
#[derive(Debug)]
pub struct Claimed {
    pub id: i64,
    pub attempt: i64,
    /// The mail, or why the stored row cannot be sent at all.
    pub mail: Result<OutgoingMail, MailError>,
}

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: i64,
    attempts: i64,
    recipient: String,
    subject: String,
    body_text: String,
    body_html: Option<String>,
    headers: String,
}

/// Extra headers as stored: one `Name: value` per line (values are checked
/// to hold no line break, see `OutgoingMail::header`).
fn stored_headers(headers: &[(String, String)]) -> String {
    headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\n"))
        .collect()
}

/// Claims the oldest mail that is due and nobody holds.
pub async fn claim_next(db: &Db) -> Result<Option<Claimed>, sqlx::Error> {
    let t = now();
    // One statement: choosing the mail and taking it cannot be split by
    // another worker (PostgreSQL re-checks the condition on the locked row).
    let row: Option<ClaimedRow> = sqlx::query_as(
        "UPDATE mail_outbox SET attempts = attempts + 1, claimed_until = $1 WHERE id = (\
           SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
           AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY next_attempt_at, id LIMIT 1) \
         AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < $2) \
         RETURNING id, attempts, recipient, subject, body_text, body_html, headers",
    )
    .bind(t + LEASE_SECONDS)
    .bind(t)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let files: Vec<(String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT filename, content_type, content FROM mail_attachments WHERE mail_id = $1 ORDER BY position",
    )
    .bind(row.id)
    .fetch_all(&db.pool)
    .await?;
    let mail = rebuild(&row, files);
    Ok(Some(Claimed {
        id: row.id,
        attempt: row.attempts,
        mail,
    }))
}

fn rebuild(
    row: &ClaimedRow,
    files: Vec<(String, String, Vec<u8>)>,
) -> Result<OutgoingMail, MailError> {
    let mut mail = OutgoingMail::new(
        EmailAddress::parse(&row.recipient)?,
        &row.subject,
        &row.body_text,
    );
    mail.html = row.body_html.clone();
    for line in row.headers.lines() {
        let (name, value) = line
            .split_once(": ")
            .ok_or_else(|| MailError::Header(line.to_owned()))?;
        mail = mail.header(name, value)?;
    }
    for (filename, content_type, content) in files {
        mail = mail.attach(Attachment::new(&filename, &content_type, content)?);
    }
    Ok(mail)
}

/// Records that the claimed mail went out (`delivered_as`: the file written,
/// in folder mode). False if the claim had been taken over meanwhile.
pub async fn mark_sent(
    db: &Db,
    claimed: &Claimed,
    delivered_as: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = $1, claimed_until = NULL, last_error = '', \
         delivered_as = $2 WHERE id = $3 AND attempts = $4 AND status = 'pending'",
    )
    .bind(now())
    .bind(delivered_as)
    .bind(claimed.id)
    .bind(claimed.attempt)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt: the mail is tried again later, or marked failed.
pub async fn mark_failed_attempt(
    db: &Db,
    claimed: &Claimed,
    error: &str,
    permanent: bool,
    policy: &RetryPolicy,
) -> Result<AfterFailure, sqlx::Error> {
    let attempts = u32::try_from(claimed.attempt).unwrap_or(u32::MAX);
    let decision = policy.after_failure(attempts, permanent);
    let t = now();
    let (status, next) = match decision {
        AfterFailure::RetryIn(wait) => ("pending", t + wait.as_secs() as i64),
        AfterFailure::GiveUp => ("failed", t),
    };
    let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
    sqlx::query(
        "UPDATE mail_outbox SET status = $1, next_attempt_at = $2, claimed_until = NULL, last_error = $3 \
         WHERE id = $4 AND attempts = $5 AND status = 'pending'",
    )
    .bind(status)
    .bind(next)
    .bind(error)
    .bind(claimed.id)
    .bind(claimed.attempt)
    .execute(&db.pool)
    .await?;
    Ok(decision)
}

/// When the next pending mail can be claimed (unix seconds), if any is pending.
pub async fn next_due(db: &Db) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT MIN(CASE WHEN claimed_until > next_attempt_at THEN claimed_until ELSE next_attempt_at END) \
         FROM mail_outbox WHERE status = 'pending'",
    )
    .fetch_one(&db.pool)
    .await
}
