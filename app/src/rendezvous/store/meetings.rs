//! The meeting itself: its settings, and where it sits in its process.

use crate::model::ComponentKind;
use crate::rendezvous::logic::RendezvousInput;
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::{date_text, DbDate, Flag};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(Debug, Clone)]
pub struct Rendezvous {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_on: NaiveDate,
    /// "HH:MM", the city's time.
    pub starts_at: String,
    pub venue: String,
    pub video_url: String,
    pub survey_id: Option<i64>,
    pub registration_open: bool,
}

#[derive(FromRow)]
struct RendezvousRow {
    id: i64,
    component_id: i64,
    slug: String,
    title: String,
    description: String,
    #[sqlx(try_from = "String")]
    starts_on: DbDate,
    starts_at: String,
    venue: String,
    video_url: String,
    survey_id: Option<i64>,
    #[sqlx(try_from = "i64")]
    registration_open: Flag,
}

impl From<RendezvousRow> for Rendezvous {
    fn from(r: RendezvousRow) -> Self {
        Rendezvous {
            id: r.id,
            component_id: r.component_id,
            slug: r.slug,
            title: r.title,
            description: r.description,
            starts_on: *r.starts_on,
            starts_at: r.starts_at,
            venue: r.venue,
            video_url: r.video_url,
            survey_id: r.survey_id,
            registration_open: *r.registration_open,
        }
    }
}

const COLUMNS: &str = "id, component_id, slug, title, description, starts_on, starts_at, venue, \
                       video_url, survey_id, registration_open";

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Rendezvous>, sqlx::Error> {
    let row: Option<RendezvousRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM rendezvous WHERE slug = $1"))
            .bind(slug)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(Rendezvous::from))
}

pub async fn by_component(db: &Db, component: i64) -> Result<Option<Rendezvous>, sqlx::Error> {
    let row: Option<RendezvousRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM rendezvous WHERE component_id = $1"
    ))
    .bind(component)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Rendezvous::from))
}

/// Creates or updates the meeting of `component`. An address already taken
/// is refused by the database (see `ssr::db_error`).
pub async fn save(db: &Db, component: i64, input: &RendezvousInput) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO rendezvous (component_id, slug, title, description, starts_on, starts_at, venue, \
         video_url, survey_id, registration_open, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (component_id) DO UPDATE SET slug = excluded.slug, title = excluded.title, \
         description = excluded.description, starts_on = excluded.starts_on, \
         starts_at = excluded.starts_at, venue = excluded.venue, video_url = excluded.video_url, \
         survey_id = excluded.survey_id, registration_open = excluded.registration_open \
         RETURNING id",
    )
    .bind(component)
    .bind(&input.slug)
    .bind(&input.title)
    .bind(&input.description)
    .bind(date_text(input.starts_on))
    .bind(&input.starts_at)
    .bind(&input.venue)
    .bind(&input.video_url)
    .bind(input.survey_id)
    .bind(input.registration_open as i64)
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// The process a meeting belongs to.
pub async fn process_of(db: &Db, rendezvous: &Rendezvous) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.process_id FROM components c JOIN phases p ON p.id = c.phase_id WHERE c.id = $1",
    )
    .bind(rendezvous.component_id)
    .fetch_one(&db.pool)
    .await
}

/// The surveys of a process, (id, title), for the choice of the final evaluation.
pub async fn process_surveys(db: &Db, process: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.title FROM surveys s JOIN components c ON c.id = s.component_id \
         JOIN phases p ON p.id = c.phase_id WHERE p.process_id = $1 ORDER BY p.position, c.id",
    )
    .bind(process)
    .fetch_all(&db.pool)
    .await
}

pub async fn survey_slug(db: &Db, survey: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM surveys WHERE id = $1")
        .bind(survey)
        .fetch_optional(&db.pool)
        .await
}

/// The process and title of Rendez-vous component `id`, if it is one.
pub async fn component(db: &Db, id: i64) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.process_id, c.title FROM components c JOIN phases p ON p.id = c.phase_id \
         WHERE c.id = $1 AND c.kind = $2",
    )
    .bind(id)
    .bind(ComponentKind::Rendezvous.as_str())
    .fetch_optional(&db.pool)
    .await
}
