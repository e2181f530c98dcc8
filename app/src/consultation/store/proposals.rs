//! Proposals: taken (pending), published or refused by moderation, with
//! their themes.

use super::consultations::mark_participant;
use super::idempotency::{claim_key, record_response};
use crate::consultation::logic::rules::{NewProposal, ProposalStatus};
use crate::ssr::db::{now, Db};
use sqlx::FromRow;
use std::collections::HashMap;

/// Stores a new (pending) proposal; a replay of the same key returns the first id.
pub async fn insert_proposal(
    db: &Db,
    consultation: i64,
    participant: i64,
    idempotency_key: &str,
    p: &NewProposal,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if let Some(previous) = claim_key(&mut tx, participant, idempotency_key).await? {
        tx.rollback().await?;
        return previous
            .parse()
            .map_err(|e| sqlx::Error::Decode(Box::new(e)));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO proposals (consultation_id, participant_id, content, author_name, author_email, age_bracket, \
         neighbourhood, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(consultation)
    .bind(participant)
    .bind(&p.content)
    .bind(&p.author_name)
    .bind(&p.author_email)
    .bind(&p.age_bracket)
    .bind(&p.neighbourhood)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    mark_participant(&mut tx, consultation, participant).await?;
    super::ideas::reindex_proposal(&mut tx, id).await?;
    record_response(&mut tx, participant, idempotency_key, &id.to_string()).await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(Debug, Clone, FromRow)]
pub struct Proposal {
    pub id: i64,
    pub consultation_id: i64,
    pub participant_id: i64,
    pub content: String,
    pub author_name: String,
    #[sqlx(try_from = "String")]
    pub status: ProposalStatus,
    pub refusal_reason: String,
    pub sequence_votes: i64,
    pub created_at: i64,
    /// The author's own text, when a moderator corrected its spelling.
    pub original_content: Option<String>,
    /// The published proposal this one repeats (it is then refused).
    pub duplicate_of: Option<i64>,
}

impl Proposal {
    pub fn is_published(&self) -> bool {
        self.status == ProposalStatus::Accepted
    }

    /// Whether a moderator corrected its text (the author's is kept).
    pub fn is_corrected(&self) -> bool {
        self.original_content.is_some()
    }
}

const PROPOSAL_COLUMNS: &str =
    "id, consultation_id, participant_id, content, author_name, status, refusal_reason, sequence_votes, created_at, \
     original_content, duplicate_of";

pub async fn proposal(db: &Db, id: i64) -> Result<Option<Proposal>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {PROPOSAL_COLUMNS} FROM proposals WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// Published proposals of a consultation, oldest first.
pub async fn accepted_proposals(db: &Db, consultation: i64) -> Result<Vec<Proposal>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {PROPOSAL_COLUMNS} FROM proposals WHERE consultation_id = $1 AND status = 'accepted' ORDER BY created_at, id"
    ))
    .bind(consultation)
    .fetch_all(&db.pool)
    .await
}

#[derive(FromRow)]
struct ThemeRow {
    proposal_id: i64,
    name: String,
}

/// Theme names of each published proposal.
pub async fn proposal_themes(
    db: &Db,
    consultation: i64,
) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let rows: Vec<ThemeRow> = sqlx::query_as(
        "SELECT pt.proposal_id, t.name FROM proposal_themes pt JOIN themes t ON t.id = pt.theme_id \
         JOIN proposals p ON p.id = pt.proposal_id WHERE p.consultation_id = $1 ORDER BY t.position",
    )
    .bind(consultation)
    .fetch_all(&db.pool)
    .await?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for r in rows {
        out.entry(r.proposal_id).or_default().push(r.name);
    }
    Ok(out)
}
