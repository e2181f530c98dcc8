//! The staff dashboard's aggregates, computed by the database on both
//! engines. "Activity" is what the dashboard counts: votes counted in the
//! results (tallies `sequence` and `trusted`; `untrusted` votes are kept but
//! never counted, as in the results) and proposals submitted (whatever their
//! moderation). A participant took part when they have either.

use crate::consultation::logic::dashboard::DayRange;
use crate::ssr::db::Db;
use sqlx::FromRow;

/// The consultation's activity as rows (participant, time, is a proposal,
/// is a vote); `$1` is the consultation.
const ACTIVITY: &str =
    "SELECT v.participant_id AS who, v.created_at AS at, 0 AS proposal, 1 AS vote \
     FROM votes v JOIN proposals p ON p.id = v.proposal_id \
     WHERE p.consultation_id = $1 AND v.counted IN ('sequence', 'trusted') \
     UNION ALL \
     SELECT participant_id AS who, created_at AS at, 1 AS proposal, 0 AS vote \
     FROM proposals WHERE consultation_id = $1";

/// The first and last instants of activity, if any.
pub async fn activity_span(db: &Db, consultation: i64) -> Result<Option<(i64, i64)>, sqlx::Error> {
    let (first, last): (Option<i64>, Option<i64>) =
        sqlx::query_as(&format!("SELECT MIN(a.at), MAX(a.at) FROM ({ACTIVITY}) a"))
            .bind(consultation)
            .fetch_one(&db.pool)
            .await?;
    Ok(first.zip(last))
}

/// One day's figures.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct DayFigures {
    pub day: String,
    pub participants: i64,
    pub proposals: i64,
    pub votes: i64,
}

/// Distinct participants, proposals and votes of each day of `days` (every
/// day listed, with zeros).
pub async fn per_day(
    db: &Db,
    consultation: i64,
    days: &[DayRange],
) -> Result<Vec<DayFigures>, sqlx::Error> {
    if days.is_empty() {
        return Ok(Vec::new());
    }
    let values: Vec<String> = (0..days.len())
        .map(|i| format!("(${}, ${}, ${})", 3 * i + 2, 3 * i + 3, 3 * i + 4))
        .collect();
    let sql = format!(
        "WITH days (day, starts, ends) AS (VALUES {}), activity AS ({ACTIVITY}) \
         SELECT d.day AS day, COUNT(DISTINCT a.who) AS participants, \
         CAST(COALESCE(SUM(a.proposal), 0) AS BIGINT) AS proposals, \
         CAST(COALESCE(SUM(a.vote), 0) AS BIGINT) AS votes \
         FROM days d LEFT JOIN activity a ON a.at >= d.starts AND a.at < d.ends \
         GROUP BY d.day ORDER BY d.day",
        values.join(", ")
    );
    let mut query = sqlx::query_as::<_, DayFigures>(&sql).bind(consultation);
    for d in days {
        query = query
            .bind(d.day.format("%Y-%m-%d").to_string())
            .bind(d.starts)
            .bind(d.ends);
    }
    query.fetch_all(&db.pool).await
}

/// The whole consultation: (distinct participants, proposals, votes).
pub async fn totals(db: &Db, consultation: i64) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT COUNT(DISTINCT a.who), CAST(COALESCE(SUM(a.proposal), 0) AS BIGINT), \
         CAST(COALESCE(SUM(a.vote), 0) AS BIGINT) FROM ({ACTIVITY}) a"
    ))
    .bind(consultation)
    .fetch_one(&db.pool)
    .await
}

/// Which demographic answer to group the participants by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Neighbourhood,
    Age,
}

/// The participants who took part, by their answer on the demographics card
/// (`""`: no answer, or none given).
pub async fn participants_by(
    db: &Db,
    consultation: i64,
    dimension: Dimension,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let column = match dimension {
        Dimension::Neighbourhood => "d.neighbourhood",
        Dimension::Age => "d.age_bracket",
    };
    sqlx::query_as(&format!(
        "WITH who AS (SELECT DISTINCT a.who FROM ({ACTIVITY}) a) \
         SELECT COALESCE({column}, '') AS grp, COUNT(*) AS n FROM who \
         LEFT JOIN demographics d ON d.consultation_id = $1 AND d.participant_id = who.who \
         GROUP BY COALESCE({column}, '') ORDER BY grp"
    ))
    .bind(consultation)
    .fetch_all(&db.pool)
    .await
}
