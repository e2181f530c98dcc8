//! Questions from the audience: asked, moderated, and upvoted once per
//! participant (primary key), the count updated in the same transaction.

use crate::rendezvous::logic::{AudienceStatus, Mode};
use crate::ssr::db::{now, Db};
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct AudienceQuestion {
    pub id: i64,
    pub body: String,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    #[sqlx(try_from = "String")]
    pub status: AudienceStatus,
    pub upvotes: i64,
    pub participant_id: Option<i64>,
}

pub async fn ask(
    db: &Db,
    rendezvous: i64,
    participant: i64,
    body: &str,
    mode: Mode,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO audience_questions (rendezvous_id, participant_id, body, mode, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(rendezvous)
    .bind(participant)
    .bind(body)
    .bind(mode.as_str())
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Audience questions with one of `statuses`: the most upvoted first, then the oldest.
pub async fn audience(
    db: &Db,
    rendezvous: i64,
    statuses: &[AudienceStatus],
) -> Result<Vec<AudienceQuestion>, sqlx::Error> {
    let rows: Vec<AudienceQuestion> = sqlx::query_as(
        "SELECT id, body, mode, status, upvotes, participant_id FROM audience_questions \
         WHERE rendezvous_id = $1 ORDER BY upvotes DESC, id",
    )
    .bind(rendezvous)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|q| statuses.contains(&q.status))
        .collect())
}

/// One upvote per participant, on approved questions only; `false` when
/// nothing changed (already upvoted, or not approved).
pub async fn upvote(
    db: &Db,
    rendezvous: i64,
    question: i64,
    participant: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO audience_upvotes (question_id, participant_id) \
         SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM audience_questions \
         WHERE id = $1 AND rendezvous_id = $3 AND status = 'approved') \
         ON CONFLICT (question_id, participant_id) DO NOTHING",
    )
    .bind(question)
    .bind(participant)
    .bind(rendezvous)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        sqlx::query("UPDATE audience_questions SET upvotes = upvotes + 1 WHERE id = $1")
            .bind(question)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(inserted == 1)
}

pub async fn upvoted_by(
    db: &Db,
    rendezvous: i64,
    participant: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT u.question_id FROM audience_upvotes u JOIN audience_questions q ON q.id = u.question_id \
         WHERE q.rendezvous_id = $1 AND u.participant_id = $2",
    )
    .bind(rendezvous)
    .bind(participant)
    .fetch_all(&db.pool)
    .await
}

pub async fn audience_question(
    db: &Db,
    rendezvous: i64,
    id: i64,
) -> Result<Option<AudienceStatus>, sqlx::Error> {
    let status: Option<String> = sqlx::query_scalar(
        "SELECT status FROM audience_questions WHERE rendezvous_id = $1 AND id = $2",
    )
    .bind(rendezvous)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(status.and_then(|s| AudienceStatus::parse(&s)))
}

/// Moves a question from `from` to `to`; `false` if someone else moved it first.
pub async fn set_audience_status(
    db: &Db,
    rendezvous: i64,
    id: i64,
    from: AudienceStatus,
    to: AudienceStatus,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE audience_questions SET status = $4, decided_at = $5 \
         WHERE rendezvous_id = $1 AND id = $2 AND status = $3",
    )
    .bind(rendezvous)
    .bind(id)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
