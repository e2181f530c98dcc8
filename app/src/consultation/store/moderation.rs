//! The moderation queue: every proposal is read by a moderator before it is
//! published. A short lock keeps two moderators off the same proposal.
//! Reports of published proposals come back to this queue.

use crate::consultation::logic::rules::ProposalStatus;
use crate::mail::{self, OutgoingMail};
use crate::ssr::db::{now, Db};
use sqlx::FromRow;

/// How long a moderator holds a proposal they opened.
pub const LOCK_SECONDS: i64 = 180;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingProposal {
    pub id: i64,
    pub consultation_id: i64,
    pub content: String,
    pub author_name: String,
    pub author_email: String,
    pub age_bracket: String,
    pub neighbourhood: String,
    #[sqlx(try_from = "String")]
    pub status: ProposalStatus,
    pub locked_by: Option<i64>,
    pub locked_until: Option<i64>,
    pub created_at: i64,
}

pub async fn load(db: &Db, id: i64) -> Result<Option<PendingProposal>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, consultation_id, content, author_name, author_email, age_bracket, neighbourhood, status, \
         locked_by, locked_until, created_at FROM proposals WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// Locks the oldest pending proposal nobody holds and returns its id.
pub async fn take_next(
    db: &Db,
    consultation: i64,
    moderator: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let t = now();
    // One statement: the choice and the lock cannot be split by another moderator.
    sqlx::query_scalar(
        "UPDATE proposals SET locked_by = $1, locked_until = $2 WHERE id = (\
           SELECT id FROM proposals WHERE consultation_id = $3 AND status = 'pending' \
           AND (locked_until IS NULL OR locked_until < $4 OR locked_by = $1) ORDER BY created_at, id LIMIT 1) \
         AND (locked_until IS NULL OR locked_until < $4 OR locked_by = $1) RETURNING id",
    )
    .bind(moderator)
    .bind(t + LOCK_SECONDS)
    .bind(consultation)
    .bind(t)
    .fetch_optional(&db.pool)
    .await
}

/// Locks one proposal for `moderator`; false when someone else holds it.
pub async fn lock(db: &Db, id: i64, moderator: i64) -> Result<bool, sqlx::Error> {
    let t = now();
    let done = sqlx::query(
        "UPDATE proposals SET locked_by = $1, locked_until = $2 WHERE id = $3 \
         AND (locked_until IS NULL OR locked_until < $4 OR locked_by = $1)",
    )
    .bind(moderator)
    .bind(t + LOCK_SECONDS)
    .bind(id)
    .bind(t)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Publishes a proposal with its themes; only its lock holder (or nobody) may.
/// `news` (the author's mail) is enqueued in the same transaction.
pub async fn accept(
    db: &Db,
    id: i64,
    moderator: i64,
    themes: &[i64],
    news: Option<&OutgoingMail>,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = now();
    let done = sqlx::query(
        "UPDATE proposals SET status = 'accepted', refusal_reason = '', moderated_by = $1, moderated_at = $2, \
         published_at = COALESCE(published_at, $2), locked_by = NULL, locked_until = NULL \
         WHERE id = $3 AND (locked_until IS NULL OR locked_until < $2 OR locked_by = $1)",
    )
    .bind(moderator)
    .bind(t)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    // Indexed again: the text published may have been corrected since.
    super::ideas::reindex_proposal(&mut tx, id).await?;
    sqlx::query("DELETE FROM proposal_themes WHERE proposal_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for theme in themes {
        sqlx::query(
            "INSERT INTO proposal_themes (proposal_id, theme_id) SELECT $1, t.id FROM themes t \
             JOIN consultations c ON c.id = (SELECT consultation_id FROM proposals WHERE id = $1) \
             JOIN components co ON co.id = c.component_id JOIN phases ph ON ph.id = co.phase_id \
             WHERE t.id = $2 AND t.process_id = ph.process_id",
        )
        .bind(id)
        .bind(*theme)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE reports SET resolved = 1 WHERE proposal_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some(news) = news {
        mail::enqueue_in(&mut tx, news).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Refuses (or unpublishes) a proposal with a reason and an optional message;
/// `news` (the author's mail) is enqueued in the same transaction.
pub async fn refuse(
    db: &Db,
    id: i64,
    moderator: i64,
    reason: &str,
    message: &str,
    news: Option<&OutgoingMail>,
) -> Result<bool, sqlx::Error> {
    let t = now();
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE proposals SET status = 'refused', refusal_reason = $1, moderator_message = $2, moderated_by = $3, \
         moderated_at = $4, locked_by = NULL, locked_until = NULL \
         WHERE id = $5 AND (locked_until IS NULL OR locked_until < $4 OR locked_by = $3)",
    )
    .bind(reason)
    .bind(message)
    .bind(moderator)
    .bind(t)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE reports SET resolved = 1 WHERE proposal_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some(news) = news {
        mail::enqueue_in(&mut tx, news).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// One consultation's queue: pending proposals and reported published ones.
#[derive(Debug, Clone, FromRow)]
pub struct QueueSize {
    pub id: i64,
    pub slug: String,
    pub question: String,
    pub pending: i64,
    pub reported: i64,
}

/// Pending proposals and unresolved reports, per consultation.
pub async fn queue_sizes(db: &Db) -> Result<Vec<QueueSize>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.slug, c.question, \
           (SELECT COUNT(*) FROM proposals p WHERE p.consultation_id = c.id AND p.status = 'pending') AS pending, \
           (SELECT COUNT(DISTINCT r.proposal_id) FROM reports r JOIN proposals p ON p.id = r.proposal_id \
              WHERE p.consultation_id = c.id AND r.resolved = 0 AND p.status = 'accepted') AS reported \
         FROM consultations c ORDER BY c.id",
    )
    .fetch_all(&db.pool)
    .await
}

/// A published proposal with unresolved reports.
#[derive(Debug, Clone, FromRow)]
pub struct Reported {
    pub id: i64,
    pub content: String,
    pub reports: i64,
}

/// Published proposals with unresolved reports, most reported first.
pub async fn reported(db: &Db, consultation: i64) -> Result<Vec<Reported>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.content, COUNT(r.id) AS reports FROM proposals p JOIN reports r ON r.proposal_id = p.id \
         WHERE p.consultation_id = $1 AND r.resolved = 0 AND p.status = 'accepted' GROUP BY p.id, p.content \
         ORDER BY COUNT(r.id) DESC, p.id",
    )
    .bind(consultation)
    .fetch_all(&db.pool)
    .await
}

/// A participant's report; one per participant and proposal.
pub async fn report(
    db: &Db,
    proposal: i64,
    participant: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO reports (proposal_id, participant_id, reason, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (proposal_id, participant_id) DO NOTHING",
    )
    .bind(proposal)
    .bind(participant)
    .bind(reason)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A theme of the process.
#[derive(Debug, Clone, FromRow)]
pub struct Theme {
    pub id: i64,
    pub name: String,
}

/// Themes of the process a consultation belongs to.
pub async fn themes_for(db: &Db, consultation: i64) -> Result<Vec<Theme>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.id, t.name FROM themes t JOIN phases ph ON ph.process_id = t.process_id \
         JOIN components co ON co.phase_id = ph.id JOIN consultations c ON c.component_id = co.id \
         WHERE c.id = $1 ORDER BY t.position",
    )
    .bind(consultation)
    .fetch_all(&db.pool)
    .await
}
