//! The outbox as the admin page shows it: newest mails first, and one mail
//! with its text and the names of its attachments. `outbox` and `mail` are
//! the pages' read functions; the rest is their SQL.

use crate::error::AppError;
use crate::model::Role;
use crate::ssr::db::Db;
use crate::ssr::Ctx;

/// Where a mail stands in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStatus {
    Pending,
    Sent,
    Failed,
}

crate::text_enum!(MailStatus {
    Pending = "pending",
    Sent = "sent",
    Failed = "failed",
});

/// The outbox page: the latest mails and how many are in each state.
pub struct Outbox {
    pub mails: Vec<MailSummary>,
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

/// The outbox page's data, for admins.
pub async fn outbox(ctx: &Ctx) -> Result<Outbox, AppError> {
    ctx.require(Role::Admin)?;
    let mails = recent(&ctx.db).await?;
    let counts = counts(&ctx.db).await?;
    let count = |status: &str| {
        counts
            .iter()
            .find(|(s, _)| s == status)
            .map_or(0, |(_, n)| *n)
    };
    Ok(Outbox {
        mails,
        pending: count(MailStatus::Pending.as_str()),
        sent: count(MailStatus::Sent.as_str()),
        failed: count(MailStatus::Failed.as_str()),
    })
}

/// One mail's page, for admins.
pub async fn mail(ctx: &Ctx, id: i64) -> Result<MailDetail, AppError> {
    ctx.require(Role::Admin)?;
    one(&ctx.db, id).await?.ok_or_else(|| ctx.not_found())
}

/// How many mails the admin list shows.
pub const LIST_LIMIT: i64 = 200;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailSummary {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    #[sqlx(try_from = "String")]
    pub status: MailStatus,
    pub attempts: i64,
    pub last_error: String,
    pub created_at: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub delivered_as: String,
}

const SUMMARY_COLUMNS: &str = "id, recipient, subject, status, attempts, last_error, created_at, \
     next_attempt_at, sent_at, delivered_as";

async fn recent(db: &Db) -> Result<Vec<MailSummary>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1"
    ))
    .bind(LIST_LIMIT)
    .fetch_all(&db.pool)
    .await
}

/// Mails per status: (status, count).
async fn counts(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
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

async fn one(db: &Db, id: i64) -> Result<Option<MailDetail>, sqlx::Error> {
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
