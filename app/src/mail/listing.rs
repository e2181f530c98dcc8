//! The outbox as the admin page shows it: newest mails first, and one mail
//! with its text and the names of its attachments.

use crate::ssr::db::Db;

/// How many mails the admin list shows.
pub const LIST_LIMIT: i64 = 200;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailSummary {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: String,
    pub created_at: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub delivered_as: String,
}

const SUMMARY_COLUMNS: &str = "id, recipient, subject, status, attempts, last_error, created_at, \
     next_attempt_at, sent_at, delivered_as";

pub async fn recent(db: &Db) -> Result<Vec<MailSummary>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1"
    ))
    .bind(LIST_LIMIT)
    .fetch_all(&db.pool)
    .await
}

/// Mails per status: (status, count).
pub async fn counts(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT status, COUNT(*) FROM mail_outbox GROUP BY status ORDER BY status")
        .fetch_all(&db.pool)
        .await
}

#[derive(Debug, Clone)]
pub struct MailDetail {
    pub summary: MailSummary,
    pub text: String,
    pub has_html: bool,
    /// (file name, content type, size in bytes)
    pub attachments: Vec<(String, String, i64)>,
}

pub async fn one(db: &Db, id: i64) -> Result<Option<MailDetail>, sqlx::Error> {
    let summary: Option<MailSummary> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM mail_outbox WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(summary) = summary else {
        return Ok(None);
    };
    let (text, html): (String, Option<String>) =
        sqlx::query_as("SELECT body_text, body_html FROM mail_outbox WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await?;
    let attachments = sqlx::query_as(
        "SELECT filename, content_type, CAST(LENGTH(content) AS BIGINT) FROM mail_attachments \
         WHERE mail_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Some(MailDetail {
        summary,
        text,
        has_html: html.is_some(),
        attachments,
    }))
}
