//! The moderation queue: every proposal is read by a moderator before it is
//! published. A short lock keeps two moderators off the same proposal.
//! Reports of published proposals come back to this queue.

use super::moderation_log::{self, NewLogLine};
use crate::consultation::logic::moderation::{check_duplicate, Correction, DuplicateSide};
use crate::consultation::logic::rules::{Invalid, ProposalStatus};
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
    /// The author's own text, when a moderator corrected it.
    pub original_content: Option<String>,
    /// The published proposal this one repeats.
    pub duplicate_of: Option<i64>,
}

pub async fn load(db: &Db, id: i64) -> Result<Option<PendingProposal>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, consultation_id, content, author_name, author_email, age_bracket, neighbourhood, status, \
         locked_by, locked_until, created_at, original_content, duplicate_of FROM proposals WHERE id = $1",
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
    log: &NewLogLine<'_>,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = log.at;
    let done = sqlx::query(
        "UPDATE proposals SET status = 'accepted', refusal_reason = '', duplicate_of = NULL, moderated_by = $1, \
         moderated_at = $2, published_at = COALESCE(published_at, $2), locked_by = NULL, locked_until = NULL \
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
    moderation_log::write(&mut tx, log).await?;
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
    log: &NewLogLine<'_>,
) -> Result<bool, sqlx::Error> {
    let t = log.at;
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE proposals SET status = 'refused', refusal_reason = $1, moderator_message = $2, duplicate_of = NULL, moderated_by = $3, \
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
    moderation_log::write(&mut tx, log).await?;
    tx.commit().await?;
    Ok(true)
}

/// How a correction or a duplicate mark ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marked {
    Done,
    /// Another moderator holds the proposal, or it changed meanwhile.
    Locked,
    /// The rules refuse it (field, message).
    Refused(Invalid),
}

/// Corrects a proposal's text, keeping the author's (see
/// `logic::moderation::correct`), if it still reads `expected` and is still
/// pending or published; only its lock holder (or nobody) may. Votes stay
/// attached: the proposal keeps its id.
pub async fn correct(
    db: &Db,
    id: i64,
    moderator: i64,
    expected: &str,
    correction: &Correction,
    log: &NewLogLine<'_>,
) -> Result<Marked, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = log.at;
    let done = sqlx::query(
        "UPDATE proposals SET content = $1, original_content = $2, edited_at = $3 \
         WHERE id = $4 AND content = $5 AND status IN ('pending', 'accepted') \
         AND (locked_until IS NULL OR locked_until < $3 OR locked_by = $6)",
    )
    .bind(&correction.content)
    .bind(correction.original.as_deref())
    .bind(t)
    .bind(id)
    .bind(expected)
    .bind(moderator)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(Marked::Locked);
    }
    // The search of "Toutes les idées" finds the corrected words, not the old ones.
    super::ideas::reindex_proposal(&mut tx, id).await?;
    moderation_log::write(&mut tx, log).await?;
    tx.commit().await?;
    Ok(Marked::Done)
}

#[derive(Debug, Clone, FromRow)]
struct SideRow {
    id: i64,
    consultation_id: i64,
    #[sqlx(try_from = "String")]
    status: ProposalStatus,
    duplicate_of: Option<i64>,
    content: String,
}

async fn side(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
) -> Result<Option<SideRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, consultation_id, status, duplicate_of, content FROM proposals WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

/// Marks proposal `id` as a duplicate of `kept`: it is refused with the
/// reason "duplicate" and points to the kept one, which the proposals that
/// pointed to it now point to (no chains). The two rows are locked first,
/// in the order of their ids, so that two moderators marking them as each
/// other's duplicate wait for each other: the second sees the first's mark
/// and is refused. `log` is completed with what the transaction reads.
pub async fn mark_duplicate(
    db: &Db,
    id: i64,
    kept: i64,
    moderator: i64,
    log: &NewLogLine<'_>,
) -> Result<Marked, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = log.at;
    let (first, second) = (id.min(kept), id.max(kept));
    for row in [first, second] {
        // A write that changes nothing, for its row lock (PostgreSQL); on
        // SQLite the first write takes the database's.
        sqlx::query("UPDATE proposals SET locked_until = locked_until WHERE id = $1")
            .bind(row)
            .execute(&mut *tx)
            .await?;
    }
    let Some(me) = side(&mut tx, id).await? else {
        return Ok(Marked::Locked);
    };
    let target = side(&mut tx, kept).await?;
    let as_side = |r: &SideRow| DuplicateSide {
        id: r.id,
        consultation_id: r.consultation_id,
        status: r.status,
        duplicate_of: r.duplicate_of,
    };
    if let Err(refusal) = check_duplicate(&as_side(&me), target.as_ref().map(as_side).as_ref()) {
        return Ok(Marked::Refused(refusal));
    }
    let done = sqlx::query(
        "UPDATE proposals SET status = 'refused', refusal_reason = 'duplicate', duplicate_of = $1, \
         moderated_by = $2, moderated_at = $3, locked_by = NULL, locked_until = NULL \
         WHERE id = $4 AND (locked_until IS NULL OR locked_until < $3 OR locked_by = $2)",
    )
    .bind(kept)
    .bind(moderator)
    .bind(t)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(Marked::Locked);
    }
    sqlx::query("UPDATE proposals SET duplicate_of = $1 WHERE duplicate_of = $2")
        .bind(kept)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE reports SET resolved = 1 WHERE proposal_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let line = NewLogLine {
        status_before: me.status.as_str(),
        before_text: &me.content,
        target_id: Some(kept),
        ..log.clone()
    };
    moderation_log::write(&mut tx, &line).await?;
    tx.commit().await?;
    Ok(Marked::Done)
}

/// How many proposals were merged into `kept` as its duplicates.
pub async fn duplicate_count(db: &Db, kept: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM proposals WHERE duplicate_of = $1")
        .bind(kept)
        .fetch_one(&db.pool)
        .await
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
