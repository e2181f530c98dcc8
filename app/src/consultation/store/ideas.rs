//! "Toutes les idées" in the database: the search index of proposal texts
//! (`proposal_terms`, one row per distinct stem), the search over it, and
//! what the idea page says became of an idea (its counts, the published
//! action avenues citing it).

use super::counts::{fold_tallies, CountRow};
use crate::consultation::logic::ideas::{prefix_end, SearchTerms};
use crate::consultation::logic::{keywords_for, Lang, VoteTally};
use crate::ssr::Db;
use sqlx::{Any, Transaction};
use std::collections::HashSet;

/// Rewrites the search index of one proposal from its current text. Call it
/// in the transaction that writes `proposals.content` (creation, an edit by
/// moderation, publication), so the index never lags behind the text.
pub async fn reindex_proposal(
    tx: &mut Transaction<'_, Any>,
    proposal_id: i64,
) -> Result<(), sqlx::Error> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT p.consultation_id, p.content, c.lang FROM proposals p \
         JOIN consultations c ON c.id = p.consultation_id WHERE p.id = $1",
    )
    .bind(proposal_id)
    .fetch_optional(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM proposal_terms WHERE proposal_id = $1")
        .bind(proposal_id)
        .execute(&mut **tx)
        .await?;
    let Some((consultation, content, lang)) = row else {
        return Ok(());
    };
    let terms = keywords_for(&content, Lang::from_code(&lang).unwrap_or_default());
    if terms.is_empty() {
        return Ok(());
    }
    // One statement for all the terms (a text holds at most a few dozen).
    let values = (0..terms.len())
        .map(|i| format!("($1, $2, ${})", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO proposal_terms (consultation_id, proposal_id, term) VALUES {values} \
         ON CONFLICT DO NOTHING"
    );
    let mut query = sqlx::query(&sql).bind(consultation).bind(proposal_id);
    for term in terms {
        query = query.bind(term);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Indexes the proposals that have no index rows yet: those written before
/// the index existed, or by a tool that did not index them. Run at start-up;
/// returns how many were indexed.
pub async fn index_missing(db: &Db) -> Result<usize, sqlx::Error> {
    let missing: Vec<i64> = sqlx::query_scalar(
        "SELECT p.id FROM proposals p WHERE NOT EXISTS \
         (SELECT 1 FROM proposal_terms t WHERE t.proposal_id = p.id) ORDER BY p.id",
    )
    .fetch_all(&db.pool)
    .await?;
    for chunk in missing.chunks(500) {
        let mut tx = db.pool.begin().await?;
        for id in chunk {
            reindex_proposal(&mut tx, *id).await?;
        }
        tx.commit().await?;
    }
    Ok(missing.len())
}

/// The published proposals of a consultation holding every term of `terms`
/// (the last one also as the start of a stem).
pub async fn search(
    db: &Db,
    consultation: i64,
    terms: &SearchTerms,
) -> Result<HashSet<i64>, sqlx::Error> {
    let Some(last) = &terms.last else {
        return Ok(HashSet::new());
    };
    let mut sql = String::from(
        "SELECT p.id FROM proposals p WHERE p.consultation_id = $1 AND p.status = 'accepted' \
         AND p.id IN (SELECT proposal_id FROM proposal_terms WHERE consultation_id = $1 \
         AND (term = $2 OR (term >= $3 AND term < $4)))",
    );
    for i in 0..terms.exact.len() {
        sql.push_str(&format!(
            " AND p.id IN (SELECT proposal_id FROM proposal_terms WHERE consultation_id = $1 AND term = ${})",
            i + 5
        ));
    }
    let mut query = sqlx::query_scalar(&sql)
        .bind(consultation)
        .bind(&last.stem)
        .bind(&last.prefix)
        .bind(prefix_end(&last.prefix));
    for term in &terms.exact {
        query = query.bind(term);
    }
    let ids: Vec<i64> = query.fetch_all(&db.pool).await?;
    Ok(ids.into_iter().collect())
}

/// The vote counts of one proposal.
pub async fn tally_of(db: &Db, proposal: i64) -> Result<VoteTally, sqlx::Error> {
    let rows: Vec<CountRow> = sqlx::query_as(
        "SELECT proposal_id, tally, item, count FROM vote_counts WHERE proposal_id = $1",
    )
    .bind(proposal)
    .fetch_all(&db.pool)
    .await?;
    Ok(fold_tallies(rows).remove(&proposal).unwrap_or_default())
}

/// A published action avenue citing a proposal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CitingAvenue {
    pub id: i64,
    pub title: String,
    pub workshop: String,
    pub event_slug: String,
    pub event_title: String,
}

/// The published action avenues that grew from a proposal.
pub async fn citing_avenues(db: &Db, proposal: i64) -> Result<Vec<CitingAvenue>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.title, s.title AS workshop, e.slug AS event_slug, e.title AS event_title \
         FROM action_avenue_proposals x JOIN action_avenues a ON a.id = x.avenue_id \
         JOIN event_sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id \
         WHERE x.proposal_id = $1 AND a.published = 1 ORDER BY a.id",
    )
    .bind(proposal)
    .fetch_all(&db.pool)
    .await
}
