//! Votes and their counts. Each vote keeps `vote_counts` (and the group
//! counts) up to date in its own transaction, so results read a few rows per
//! proposal and never scan the votes.

use super::consultations::mark_participant;
use super::counts::{fold_tallies, CountChanges, CountRow};
use super::demographics;
use super::idempotency::{claim_key, record_response};
use crate::consultation::logic::{Qualification, Tally, VoteKey, VoteTally};
use crate::ssr::db::{is_unique_violation, now, retry_transient, Db, Engine};
use sqlx::{Any, FromRow};
use std::collections::HashMap;

/// Vote counts of every published proposal, by tally.
pub async fn tallies(db: &Db, consultation: i64) -> Result<HashMap<i64, VoteTally>, sqlx::Error> {
    let rows: Vec<CountRow> = sqlx::query_as(
        "SELECT c.proposal_id, c.tally, c.item, c.count FROM vote_counts c JOIN proposals p ON p.id = c.proposal_id \
         WHERE p.consultation_id = $1 AND p.status = 'accepted'",
    )
    .bind(consultation)
    .fetch_all(&db.pool)
    .await?;
    Ok(fold_tallies(rows))
}

/// The proposals this participant already voted on in this consultation.
pub async fn voted_by(
    db: &Db,
    consultation: i64,
    participant: i64,
) -> Result<HashMap<i64, VoteKey>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT v.proposal_id, v.vote_key FROM votes v JOIN proposals p ON p.id = v.proposal_id \
         WHERE v.participant_id = $1 AND p.consultation_id = $2",
    )
    .bind(participant)
    .bind(consultation)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, k)| Some((id, VoteKey::from_slug(&k)?)))
        .collect())
}

/// A participant's vote as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVote {
    pub key: VoteKey,
    pub qualifications: Vec<Qualification>,
    pub tally: Tally,
}

fn parse_qualifications(s: &str) -> Vec<Qualification> {
    s.split(',').filter_map(Qualification::from_slug).collect()
}

fn join_qualifications(q: &[Qualification]) -> String {
    q.iter().map(|q| q.slug()).collect::<Vec<_>>().join(",")
}

#[derive(FromRow)]
struct VoteRow {
    vote_key: String,
    qualifications: String,
    #[sqlx(try_from = "String")]
    counted: Tally,
}

/// A participant's vote, read from the pool or inside a transaction.
pub async fn vote_of<'e, E>(
    executor: E,
    proposal: i64,
    participant: i64,
) -> Result<Option<StoredVote>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row: Option<VoteRow> = sqlx::query_as(
        "SELECT vote_key, qualifications, counted FROM votes WHERE proposal_id = $1 AND participant_id = $2",
    )
    .bind(proposal)
    .bind(participant)
    .fetch_optional(executor)
    .await?;
    Ok(row.and_then(|r| {
        Some(StoredVote {
            key: VoteKey::from_slug(&r.vote_key)?,
            qualifications: parse_qualifications(&r.qualifications),
            tally: r.counted,
        })
    }))
}

/// What a vote request asks for.
#[derive(Debug, Clone)]
pub enum VoteChange {
    /// Vote (or change one's vote) with these qualifications.
    Cast {
        key: VoteKey,
        qualifications: Vec<Qualification>,
        tally: Tally,
    },
    /// Set the qualifications of the existing vote.
    Qualify(Vec<Qualification>),
    /// Take the vote back.
    Withdraw,
}

/// Applies a vote change exactly once per idempotency key, keeping the counts
/// right under concurrent requests. Returns the vote as it now stands.
pub async fn apply_vote(
    db: &Db,
    consultation: i64,
    proposal: i64,
    participant: i64,
    idempotency_key: &str,
    change: &VoteChange,
) -> Result<Option<StoredVote>, sqlx::Error> {
    // Two first votes racing on PostgreSQL: one insert loses on the unique
    // key and is replayed, and then sees the other's vote. A deadlock or a
    // busy database is replayed too, before anyone sees an error.
    retry_transient(|| async move {
        let mut unique_retries = 2;
        loop {
            match try_apply_vote(
                db,
                consultation,
                proposal,
                participant,
                idempotency_key,
                change,
            )
            .await
            {
                Err(e) if is_unique_violation(&e) && unique_retries > 0 => unique_retries -= 1,
                other => return other,
            }
        }
    })
    .await
}

async fn try_apply_vote(
    db: &Db,
    consultation: i64,
    proposal: i64,
    participant: i64,
    idempotency_key: &str,
    change: &VoteChange,
) -> Result<Option<StoredVote>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if db.engine == Engine::Postgres {
        // Requests for one participant and proposal take turns: racing double
        // taps can then neither deadlock nor undo the same old vote twice.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind((participant << 32) ^ proposal)
            .execute(&mut *tx)
            .await?;
    }
    demographics::lock_participant_shared(&mut tx, db.engine, participant).await?;
    // On SQLite, writing first takes the database's write lock at once, so this
    // transaction never has to upgrade a stale read.
    if claim_key(&mut tx, participant, idempotency_key)
        .await?
        .is_some()
    {
        tx.rollback().await?;
        return vote_of(&db.pool, proposal, participant).await;
    }
    // Locks the vote row (PostgreSQL) so two changes cannot both undo the same old vote.
    sqlx::query(
        "UPDATE votes SET updated_at = updated_at WHERE proposal_id = $1 AND participant_id = $2",
    )
    .bind(proposal)
    .bind(participant)
    .execute(&mut *tx)
    .await?;
    let old = vote_of(&mut *tx, proposal, participant).await?;
    let groups = demographics::groups_of(&mut *tx, consultation, participant).await?;
    let mut counts = CountChanges::default();
    if let Some(old) = &old {
        counts.vote(proposal, old.tally, old.key, &old.qualifications, -1);
        if let Some(g) = &groups {
            counts.group_vote(g, proposal, old.tally, old.key, -1);
        }
    }
    let new = match (change, &old) {
        (
            VoteChange::Cast {
                key,
                qualifications,
                tally,
            },
            _,
        ) => Some(StoredVote {
            key: *key,
            qualifications: qualifications.clone(),
            tally: *tally,
        }),
        (VoteChange::Qualify(qualifications), Some(old)) => Some(StoredVote {
            qualifications: qualifications.clone(),
            ..old.clone()
        }),
        (VoteChange::Qualify(_), None) | (VoteChange::Withdraw, _) => None,
    };
    match (&old, &new) {
        (None, Some(v)) => {
            sqlx::query(
                "INSERT INTO votes (proposal_id, participant_id, vote_key, qualifications, counted, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(proposal)
            .bind(participant)
            .bind(v.key.slug())
            .bind(join_qualifications(&v.qualifications))
            .bind(v.tally.as_str())
            .bind(now())
            .execute(&mut *tx)
            .await?;
            if v.tally == Tally::Sequence {
                sqlx::query(
                    "UPDATE proposals SET sequence_votes = sequence_votes + 1 WHERE id = $1",
                )
                .bind(proposal)
                .execute(&mut *tx)
                .await?;
            }
            mark_participant(&mut tx, consultation, participant).await?;
        }
        (Some(_), Some(v)) => {
            sqlx::query(
                "UPDATE votes SET vote_key = $1, qualifications = $2, counted = $3, updated_at = $4 \
                 WHERE proposal_id = $5 AND participant_id = $6",
            )
            .bind(v.key.slug())
            .bind(join_qualifications(&v.qualifications))
            .bind(v.tally.as_str())
            .bind(now())
            .bind(proposal)
            .bind(participant)
            .execute(&mut *tx)
            .await?;
        }
        (Some(_), None) => {
            sqlx::query("DELETE FROM votes WHERE proposal_id = $1 AND participant_id = $2")
                .bind(proposal)
                .bind(participant)
                .execute(&mut *tx)
                .await?;
        }
        (None, None) => {}
    }
    if let Some(v) = &new {
        counts.vote(proposal, v.tally, v.key, &v.qualifications, 1);
        if let Some(g) = &groups {
            counts.group_vote(g, proposal, v.tally, v.key, 1);
        }
    }
    counts.write(&mut tx).await?;
    record_response(&mut tx, participant, idempotency_key, "applied").await?;
    tx.commit().await?;
    Ok(new)
}
