//! Consultations, proposals, votes and their counts in the database.
//!
//! Votes keep `vote_counts` up to date in the same transaction, so results
//! read a few rows per proposal and never scan the votes.

use super::groups;
use super::logic::{Qualification, VoteCounts, VoteKey, VoteTally};
use super::rules::NewProposal;
use crate::ssr::db::{is_unique_violation, now, Db, Engine};
use chrono::NaiveDate;
use rand::RngCore;
use sqlx::{Any, FromRow, Transaction};
use std::collections::HashMap;

#[derive(Debug, Clone, FromRow)]
struct ConsultationRow {
    id: i64,
    component_id: i64,
    slug: String,
    question: String,
    proposal_prefix: String,
    lang: String,
    neighbourhoods: String,
    opens_on: String,
    closes_on: String,
    sequence_size: i64,
    new_share_pct: i64,
    new_threshold: i64,
    controversy_share_pct: i64,
    trusted_weight_pct: i64,
}

#[derive(Debug, Clone)]
pub struct Consultation {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub question: String,
    pub proposal_prefix: String,
    pub lang: String,
    pub neighbourhoods: Vec<String>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub params: super::logic::SequenceParams,
}

impl Consultation {
    pub fn is_open(&self, today: NaiveDate) -> bool {
        super::rules::is_open(self.opens_on, self.closes_on, today)
    }

    pub fn trusted_weight(&self) -> f64 {
        self.params.trusted_weight
    }
}

fn date(s: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

impl TryFrom<ConsultationRow> for Consultation {
    type Error = sqlx::Error;
    fn try_from(r: ConsultationRow) -> Result<Self, sqlx::Error> {
        Ok(Consultation {
            opens_on: date(&r.opens_on)?,
            closes_on: date(&r.closes_on)?,
            id: r.id,
            component_id: r.component_id,
            slug: r.slug,
            question: r.question,
            proposal_prefix: r.proposal_prefix,
            lang: r.lang,
            neighbourhoods: r
                .neighbourhoods
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            params: super::logic::SequenceParams {
                size: r.sequence_size as usize,
                new_share: r.new_share_pct as f64 / 100.0,
                new_threshold: r.new_threshold as u32,
                controversy_share: r.controversy_share_pct as f64 / 100.0,
                trusted_weight: r.trusted_weight_pct as f64 / 100.0,
            },
        })
    }
}

const CONSULTATION_COLUMNS: &str = "id, component_id, slug, question, proposal_prefix, lang, neighbourhoods, opens_on, \
     closes_on, sequence_size, new_share_pct, new_threshold, controversy_share_pct, trusted_weight_pct";

pub async fn consultation_by_slug(
    db: &Db,
    slug: &str,
) -> Result<Option<Consultation>, sqlx::Error> {
    let row: Option<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Consultation::try_from).transpose()
}

pub async fn consultation_by_id(db: &Db, id: i64) -> Result<Option<Consultation>, sqlx::Error> {
    let row: Option<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Consultation::try_from).transpose()
}

/// The consultation attached to a component, for the phase page's link.
pub async fn slug_for_component(db: &Db, component_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM consultations WHERE component_id = $1")
        .bind(component_id)
        .fetch_optional(&db.pool)
        .await
}

pub struct NewConsultation<'a> {
    pub component_id: i64,
    pub slug: &'a str,
    pub question: &'a str,
    pub prefix: &'a str,
    pub lang: &'a str,
    pub neighbourhoods: &'a [&'a str],
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

pub async fn create_consultation(db: &Db, c: &NewConsultation<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO consultations (component_id, slug, question, proposal_prefix, lang, neighbourhoods, opens_on, \
         closes_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(c.component_id)
    .bind(c.slug)
    .bind(c.question)
    .bind(c.prefix)
    .bind(c.lang)
    .bind(c.neighbourhoods.join("\n"))
    .bind(c.opens_on.format("%Y-%m-%d").to_string())
    .bind(c.closes_on.format("%Y-%m-%d").to_string())
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Creates or updates the consultation of a consultation component; false
/// when there is no such component.
pub async fn save_settings(
    db: &Db,
    component_id: i64,
    s: &super::settings::Settings,
) -> Result<bool, sqlx::Error> {
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM components WHERE id = $1")
        .bind(component_id)
        .fetch_optional(&db.pool)
        .await?;
    if kind.as_deref() != Some("consultation") {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO consultations (component_id, slug, question, proposal_prefix, lang, neighbourhoods, \
         opens_on, closes_on, sequence_size, new_share_pct, new_threshold, controversy_share_pct, \
         trusted_weight_pct, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         ON CONFLICT (component_id) DO UPDATE SET slug = excluded.slug, question = excluded.question, \
         proposal_prefix = excluded.proposal_prefix, lang = excluded.lang, neighbourhoods = excluded.neighbourhoods, \
         opens_on = excluded.opens_on, closes_on = excluded.closes_on, sequence_size = excluded.sequence_size, \
         new_share_pct = excluded.new_share_pct, new_threshold = excluded.new_threshold, \
         controversy_share_pct = excluded.controversy_share_pct, trusted_weight_pct = excluded.trusted_weight_pct",
    )
    .bind(component_id)
    .bind(&s.slug)
    .bind(&s.question)
    .bind(&s.prefix)
    .bind(s.lang.code())
    .bind(s.neighbourhoods.join("\n"))
    .bind(s.opens_on.format("%Y-%m-%d").to_string())
    .bind(s.closes_on.format("%Y-%m-%d").to_string())
    .bind(s.sequence_size)
    .bind(s.new_share_pct)
    .bind(s.new_threshold)
    .bind(s.controversy_share_pct)
    .bind(s.trusted_weight_pct)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(true)
}

/// The key that signs served proposals, made once and shared by every instance.
pub async fn signing_key(db: &Db) -> Result<Vec<u8>, sqlx::Error> {
    db.signing_key
        .get_or_try_init(|| read_or_create_signing_key(db))
        .await
        .cloned()
}

/// Written once, by whichever instance needs it first; read by all.
async fn read_or_create_signing_key(db: &Db) -> Result<Vec<u8>, sqlx::Error> {
    const READ: &str = "SELECT value FROM secrets WHERE name = 'vote_signing'";
    if let Some(value) = sqlx::query_scalar::<_, String>(READ)
        .fetch_optional(&db.pool)
        .await?
    {
        return Ok(value.into_bytes());
    }
    let mut fresh = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut fresh);
    let fresh: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO secrets (name, value) VALUES ('vote_signing', $1) ON CONFLICT (name) DO NOTHING")
        .bind(fresh)
        .execute(&db.pool)
        .await?;
    let value: String = sqlx::query_scalar(READ).fetch_one(&db.pool).await?;
    Ok(value.into_bytes())
}

async fn mark_participant(
    tx: &mut Transaction<'_, Any>,
    consultation: i64,
    participant: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consultation_participants (consultation_id, participant_id) VALUES ($1, $2) \
         ON CONFLICT (consultation_id, participant_id) DO NOTHING",
    )
    .bind(consultation)
    .bind(participant)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Claims an idempotency key inside `tx`. `Some(response)` when the request
/// was already applied: its first answer is to be returned unchanged.
async fn claim_key(
    tx: &mut Transaction<'_, Any>,
    participant: i64,
    key: &str,
) -> Result<Option<String>, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO idempotency (key, participant_id, response, created_at) VALUES ($1, $2, '', $3) \
         ON CONFLICT (participant_id, key) DO NOTHING",
    )
    .bind(key)
    .bind(participant)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    if claimed.rows_affected() == 1 {
        return Ok(None);
    }
    let response: String = sqlx::query_scalar(
        "SELECT response FROM idempotency WHERE participant_id = $1 AND key = $2",
    )
    .bind(participant)
    .bind(key)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Some(response))
}

async fn record_response(
    tx: &mut Transaction<'_, Any>,
    participant: i64,
    key: &str,
    response: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE idempotency SET response = $1 WHERE participant_id = $2 AND key = $3")
        .bind(response)
        .bind(participant)
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

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
    pub status: String,
    pub refusal_reason: String,
    pub sequence_votes: i64,
    pub created_at: i64,
}

const PROPOSAL_COLUMNS: &str =
    "id, consultation_id, participant_id, content, author_name, status, refusal_reason, sequence_votes, created_at";

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

/// Vote counts of every published proposal, by tally.
pub async fn tallies(db: &Db, consultation: i64) -> Result<HashMap<i64, VoteTally>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT c.proposal_id, c.tally, c.item, c.count FROM vote_counts c JOIN proposals p ON p.id = c.proposal_id \
         WHERE p.consultation_id = $1 AND p.status = 'accepted'",
    )
    .bind(consultation)
    .fetch_all(&db.pool)
    .await?;
    Ok(fold_tallies(rows))
}

/// Counts rows (proposal, tally, item, count) into tallies per proposal;
/// items that are neither a vote key nor a qualification are ignored.
pub(super) fn fold_tallies(rows: Vec<(i64, String, String, i64)>) -> HashMap<i64, VoteTally> {
    let mut out: HashMap<i64, VoteTally> = HashMap::new();
    for (proposal, tally, item, count) in rows {
        let entry = out.entry(proposal).or_default();
        let counts: &mut VoteCounts = if tally == "sequence" {
            &mut entry.sequence
        } else {
            &mut entry.trusted
        };
        let count = count.max(0) as u32;
        if let Some(key) = VoteKey::from_slug(&item) {
            counts.set_votes(key, count);
        } else if let Some(q) = Qualification::from_slug(&item) {
            counts.set_qualification(q, count);
        }
    }
    out
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
    pub tally: String,
}

fn parse_qualifications(s: &str) -> Vec<Qualification> {
    s.split(',').filter_map(Qualification::from_slug).collect()
}

fn join_qualifications(q: &[Qualification]) -> String {
    q.iter().map(|q| q.slug()).collect::<Vec<_>>().join(",")
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
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT vote_key, qualifications, counted FROM votes WHERE proposal_id = $1 AND participant_id = $2",
    )
    .bind(proposal)
    .bind(participant)
    .fetch_optional(executor)
    .await?;
    Ok(row.and_then(|(k, q, t)| {
        Some(StoredVote {
            key: VoteKey::from_slug(&k)?,
            qualifications: parse_qualifications(&q),
            tally: t,
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
        tally: &'static str,
    },
    /// Set the qualifications of the existing vote.
    Qualify(Vec<Qualification>),
    /// Take the vote back.
    Withdraw,
}

async fn add_counts(
    tx: &mut Transaction<'_, Any>,
    proposal: i64,
    tally: &str,
    key: VoteKey,
    qualifications: &[Qualification],
    delta: i64,
) -> Result<(), sqlx::Error> {
    if tally == "untrusted" {
        return Ok(());
    }
    let items = std::iter::once(key.slug()).chain(qualifications.iter().map(|q| q.slug()));
    // SQLite checks `count >= 0` on the row an upsert would insert, before
    // resolving the conflict: a decrement is therefore a plain update.
    let sql = if delta > 0 {
        "INSERT INTO vote_counts (proposal_id, tally, item, count) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (proposal_id, tally, item) DO UPDATE SET count = vote_counts.count + excluded.count"
    } else {
        "UPDATE vote_counts SET count = count + $4 WHERE proposal_id = $1 AND tally = $2 AND item = $3"
    };
    for item in items {
        sqlx::query(sql)
            .bind(proposal)
            .bind(tally)
            .bind(item)
            .bind(delta)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
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
    // key and is replayed, and then sees the other's vote.
    for attempt in 0..3 {
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
            Err(e) if is_unique_violation(&e) && attempt < 2 => continue,
            other => return other,
        }
    }
    unreachable!("the loop returns on its last attempt")
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
    groups::lock_participant_shared(&mut tx, db.engine, participant).await?;
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
    let groups = groups::groups_of(&mut *tx, consultation, participant).await?;
    if let Some(old) = &old {
        add_counts(
            &mut tx,
            proposal,
            &old.tally,
            old.key,
            &old.qualifications,
            -1,
        )
        .await?;
        if let Some(g) = &groups {
            groups::add_group_counts(&mut tx, g, proposal, &old.tally, old.key, -1).await?;
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
            tally: (*tally).to_owned(),
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
            .bind(&v.tally)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            if v.tally == "sequence" {
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
            .bind(&v.tally)
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
        add_counts(&mut tx, proposal, &v.tally, v.key, &v.qualifications, 1).await?;
        if let Some(g) = &groups {
            groups::add_group_counts(&mut tx, g, proposal, &v.tally, v.key, 1).await?;
        }
    }
    record_response(&mut tx, participant, idempotency_key, "applied").await?;
    tx.commit().await?;
    Ok(new)
}

/// Participation figures: (participants, published proposals, counted votes).
pub async fn figures(db: &Db, consultation: i64) -> Result<(i64, i64, i64), sqlx::Error> {
    let participants: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM consultation_participants WHERE consultation_id = $1",
    )
    .bind(consultation)
    .fetch_one(&db.pool)
    .await?;
    let proposals: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM proposals WHERE consultation_id = $1 AND status = 'accepted'",
    )
    .bind(consultation)
    .fetch_one(&db.pool)
    .await?;
    let votes: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(c.count) AS BIGINT) FROM vote_counts c JOIN proposals p ON p.id = c.proposal_id \
         WHERE p.consultation_id = $1 AND c.item IN ('agree', 'disagree', 'neutral')",
    )
    .bind(consultation)
    .fetch_one(&db.pool)
    .await?;
    Ok((participants, proposals, votes.unwrap_or(0)))
}

/// Theme names of each published proposal.
pub async fn proposal_themes(
    db: &Db,
    consultation: i64,
) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT pt.proposal_id, t.name FROM proposal_themes pt JOIN themes t ON t.id = pt.theme_id \
         JOIN proposals p ON p.id = pt.proposal_id WHERE p.consultation_id = $1 ORDER BY t.position",
    )
    .bind(consultation)
    .fetch_all(&db.pool)
    .await?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, name) in rows {
        out.entry(id).or_default().push(name);
    }
    Ok(out)
}
