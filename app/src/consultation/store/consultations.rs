//! Consultations: their settings, who took part, and the phase component
//! each belongs to.

use crate::consultation::logic::rules;
use crate::consultation::logic::settings::Settings;
use crate::consultation::logic::SequenceParams;
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::{date_text, DbDate};
use chrono::NaiveDate;
use sqlx::{Any, FromRow, Transaction};

#[derive(Debug, Clone, FromRow)]
struct ConsultationRow {
    id: i64,
    component_id: i64,
    slug: String,
    question: String,
    proposal_prefix: String,
    lang: String,
    neighbourhoods: String,
    #[sqlx(try_from = "String")]
    opens_on: DbDate,
    #[sqlx(try_from = "String")]
    closes_on: DbDate,
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
    pub params: SequenceParams,
}

impl Consultation {
    pub fn is_open(&self, today: NaiveDate) -> bool {
        rules::is_open(self.opens_on, self.closes_on, today)
    }

    pub fn trusted_weight(&self) -> f64 {
        self.params.trusted_weight
    }
}

// Neighbourhoods are stored one per line and percentages as integers.
impl From<ConsultationRow> for Consultation {
    fn from(r: ConsultationRow) -> Self {
        Consultation {
            opens_on: *r.opens_on,
            closes_on: *r.closes_on,
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
            params: SequenceParams {
                size: r.sequence_size as usize,
                new_share: r.new_share_pct as f64 / 100.0,
                new_threshold: r.new_threshold as u32,
                controversy_share: r.controversy_share_pct as f64 / 100.0,
                trusted_weight: r.trusted_weight_pct as f64 / 100.0,
            },
        }
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
    Ok(row.map(Consultation::from))
}

pub async fn consultation_by_id(db: &Db, id: i64) -> Result<Option<Consultation>, sqlx::Error> {
    let row: Option<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Consultation::from))
}

/// The consultation of a phase's consultation component, if it was created.
pub async fn consultation_of_component(
    db: &Db,
    component_id: i64,
) -> Result<Option<Consultation>, sqlx::Error> {
    let row: Option<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE component_id = $1"
    ))
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Consultation::from))
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
    .bind(date_text(c.opens_on))
    .bind(date_text(c.closes_on))
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Creates or updates the consultation of a consultation component; false
/// when there is no such component.
pub async fn save_settings(db: &Db, component_id: i64, s: &Settings) -> Result<bool, sqlx::Error> {
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
    .bind(date_text(s.opens_on))
    .bind(date_text(s.closes_on))
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

/// Counts the participant among those who took part (once).
pub(super) async fn mark_participant(
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

/// The consultations open on `today` whose process is published, for the
/// home page's "give your opinion" buttons. Dates are ISO text, so comparing
/// them as text is comparing days.
pub async fn open_consultations(
    db: &Db,
    today: NaiveDate,
) -> Result<Vec<Consultation>, sqlx::Error> {
    let columns = CONSULTATION_COLUMNS
        .split(", ")
        .map(|c| format!("co.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {columns} FROM consultations co JOIN components c ON c.id = co.component_id \
         JOIN phases p ON p.id = c.phase_id JOIN processes pr ON pr.id = p.process_id \
         WHERE pr.published = 1 AND pr.archived_at IS NULL AND co.opens_on <= $1 AND co.closes_on >= $1 \
         ORDER BY co.closes_on, co.id"
    ))
    .bind(date_text(today))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Consultation::from).collect())
}
