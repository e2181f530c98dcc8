//! Demographics answers and vote counts per group, kept up to date with each
//! vote and each answer, so results by group read a few rows and never scan votes.

use super::counts::{fold_tallies, CountChanges, CountRow};
use crate::consultation::logic::groups::{Dimension, Groups};
use crate::consultation::logic::{Tally, VoteKey, VoteTally};
use crate::ssr::db::{now, retry_transient, Db, Engine};
use sqlx::{Any, Transaction};
use std::collections::HashMap;

/// Serialises a participant's demographics answer against their votes on
/// PostgreSQL: votes take this lock shared, an answer takes it exclusively,
/// so no vote is counted under a group that is being replaced. (The two-key
/// lock space does not overlap the one-key locks votes take per proposal.)
const PARTICIPANT_LOCK_SPACE: i32 = 7;

pub(crate) async fn lock_participant_shared(
    tx: &mut Transaction<'_, Any>,
    engine: Engine,
    participant: i64,
) -> Result<(), sqlx::Error> {
    if engine == Engine::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock_shared($1, $2)")
            .bind(PARTICIPANT_LOCK_SPACE)
            .bind(participant as i32)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct GroupsRow {
    age_bracket: String,
    neighbourhood: String,
}

/// A participant's answer, read from the pool or inside a transaction.
pub(crate) async fn groups_of<'e, E>(
    executor: E,
    consultation: i64,
    participant: i64,
) -> Result<Option<Groups>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row: Option<GroupsRow> = sqlx::query_as(
        "SELECT age_bracket, neighbourhood FROM demographics WHERE consultation_id = $1 AND participant_id = $2",
    )
    .bind(consultation)
    .bind(participant)
    .fetch_optional(executor)
    .await?;
    Ok(row.map(|r| Groups {
        age_bracket: r.age_bracket,
        neighbourhood: r.neighbourhood,
    }))
}

/// Whether the participant answered the demographics card of this consultation.
pub async fn has_demographics(
    db: &Db,
    consultation: i64,
    participant: i64,
) -> Result<bool, sqlx::Error> {
    Ok(groups_of(&db.pool, consultation, participant)
        .await?
        .is_some())
}

#[derive(sqlx::FromRow)]
struct CountedVote {
    proposal_id: i64,
    vote_key: String,
    #[sqlx(try_from = "String")]
    counted: Tally,
}

/// Stores (or replaces) a participant's optional age bracket and
/// neighbourhood, and moves their counted votes to their new groups.
pub async fn save_demographics(
    db: &Db,
    consultation: i64,
    participant: i64,
    answer: &Groups,
) -> Result<(), sqlx::Error> {
    retry_transient(|| try_save_demographics(db, consultation, participant, answer)).await
}

async fn try_save_demographics(
    db: &Db,
    consultation: i64,
    participant: i64,
    answer: &Groups,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if db.engine == Engine::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
            .bind(PARTICIPANT_LOCK_SPACE)
            .bind(participant as i32)
            .execute(&mut *tx)
            .await?;
    }
    // Writing first takes SQLite's write lock at once (no stale read to upgrade).
    sqlx::query(
        "INSERT INTO demographics (consultation_id, participant_id, age_bracket, neighbourhood, created_at) \
         VALUES ($1, $2, '', '', $3) ON CONFLICT (consultation_id, participant_id) DO NOTHING",
    )
    .bind(consultation)
    .bind(participant)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let old = groups_of(&mut *tx, consultation, participant)
        .await?
        .unwrap_or_default();
    if old != *answer {
        sqlx::query(
            "UPDATE demographics SET age_bracket = $1, neighbourhood = $2 \
             WHERE consultation_id = $3 AND participant_id = $4",
        )
        .bind(&answer.age_bracket)
        .bind(&answer.neighbourhood)
        .bind(consultation)
        .bind(participant)
        .execute(&mut *tx)
        .await?;
        let votes: Vec<CountedVote> = sqlx::query_as(
            "SELECT v.proposal_id, v.vote_key, v.counted FROM votes v JOIN proposals p ON p.id = v.proposal_id \
             WHERE v.participant_id = $1 AND p.consultation_id = $2 AND v.counted <> 'untrusted'",
        )
        .bind(participant)
        .bind(consultation)
        .fetch_all(&mut *tx)
        .await?;
        let mut counts = CountChanges::default();
        for v in votes {
            let Some(key) = VoteKey::from_slug(&v.vote_key) else {
                continue;
            };
            counts.group_vote(&old, v.proposal_id, v.counted, key, -1);
            counts.group_vote(answer, v.proposal_id, v.counted, key, 1);
        }
        counts.write(&mut tx).await?;
    }
    tx.commit().await
}

/// Vote counts of every published proposal among one group.
pub async fn group_tallies(
    db: &Db,
    consultation: i64,
    dimension: Dimension,
    group: &str,
) -> Result<HashMap<i64, VoteTally>, sqlx::Error> {
    let rows: Vec<CountRow> = sqlx::query_as(
        "SELECT c.proposal_id, c.tally, c.item, c.count FROM group_vote_counts c \
         JOIN proposals p ON p.id = c.proposal_id \
         WHERE p.consultation_id = $1 AND p.status = 'accepted' AND c.dimension = $2 AND c.grp = $3",
    )
    .bind(consultation)
    .bind(dimension.slug())
    .bind(group)
    .fetch_all(&db.pool)
    .await?;
    // Group rows hold vote keys only (a CHECK in the schema).
    Ok(fold_tallies(rows))
}

/// How many participants answered, per group of one dimension.
pub async fn group_sizes(
    db: &Db,
    consultation: i64,
    dimension: Dimension,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let column = match dimension {
        Dimension::Age => "age_bracket",
        Dimension::Neighbourhood => "neighbourhood",
    };
    sqlx::query_as(&format!(
        "SELECT {column}, COUNT(*) FROM demographics WHERE consultation_id = $1 AND {column} <> '' \
         GROUP BY {column} ORDER BY {column}"
    ))
    .bind(consultation)
    .fetch_all(&db.pool)
    .await
}
