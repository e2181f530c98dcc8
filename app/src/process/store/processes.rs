//! The `processes` table.

use super::super::logic::ProcessInput;
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::{date_text, DbDate, Flag};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(FromRow)]
struct ProcessRow {
    id: i64,
    slug: String,
    title: String,
    subtitle: String,
    description_md: String,
    image_url: String,
    image_alt: String,
    #[sqlx(try_from = "String")]
    start_date: DbDate,
    #[sqlx(try_from = "String")]
    end_date: DbDate,
    #[sqlx(try_from = "i64")]
    published: Flag,
    image_id: Option<String>,
    image_width: Option<i64>,
    image_height: Option<i64>,
    image_ext: Option<String>,
    archived_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Process {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    pub description_md: String,
    pub image_url: String,
    pub image_alt: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub published: bool,
    /// The uploaded image, shown instead of `image_url` when there is one.
    pub image: Option<crate::media::logic::ImageRef>,
    /// Archived: off the home page, readable, closed to contributions.
    pub archived: bool,
}

impl From<ProcessRow> for Process {
    fn from(r: ProcessRow) -> Process {
        Process {
            id: r.id,
            slug: r.slug,
            title: r.title,
            subtitle: r.subtitle,
            description_md: r.description_md,
            image_url: r.image_url,
            image_alt: r.image_alt,
            start: *r.start_date,
            end: *r.end_date,
            published: *r.published,
            image: match (r.image_id, r.image_width, r.image_height, r.image_ext) {
                (Some(id), Some(w), Some(h), Some(ext)) => {
                    Some(crate::media::store::image_ref(id, w, h, ext))
                }
                _ => None,
            },
            archived: r.archived_at.is_some(),
        }
    }
}

const PROCESS_COLUMNS: &str =
    "processes.id, slug, title, subtitle, description_md, image_url, image_alt, start_date, end_date, \
     published, image_id, m.width AS image_width, m.height AS image_height, m.ext AS image_ext, archived_at";

/// The processes with their uploaded image.
const PROCESS_FROM: &str = "processes LEFT JOIN media_images m ON m.id = processes.image_id";

pub async fn list_processes(db: &Db, published_only: bool) -> Result<Vec<Process>, sqlx::Error> {
    // The home page lists the current processes: published, not archived.
    let filter = if published_only {
        "WHERE published = 1 AND archived_at IS NULL"
    } else {
        ""
    };
    let rows: Vec<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM {PROCESS_FROM} {filter} ORDER BY start_date DESC, processes.id"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Process::from).collect())
}

pub async fn process_by_slug(db: &Db, slug: &str) -> Result<Option<Process>, sqlx::Error> {
    let row: Option<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM {PROCESS_FROM} WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Process::from))
}

pub async fn process_by_id(db: &Db, id: i64) -> Result<Option<Process>, sqlx::Error> {
    let row: Option<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM {PROCESS_FROM} WHERE processes.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Process::from))
}

pub async fn insert_process(db: &Db, p: &ProcessInput) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO processes (slug, title, subtitle, description_md, image_url, image_alt, start_date, end_date, \
         published, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(&p.slug)
    .bind(&p.title)
    .bind(&p.subtitle)
    .bind(&p.description_md)
    .bind(&p.image_url)
    .bind(&p.image_alt)
    .bind(date_text(p.start))
    .bind(date_text(p.end))
    .bind(i64::from(p.published))
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// `false` when there is no such process.
pub async fn update_process(db: &Db, id: i64, p: &ProcessInput) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE processes SET slug = $1, title = $2, subtitle = $3, description_md = $4, image_url = $5, \
         image_alt = $6, start_date = $7, end_date = $8, published = $9, updated_at = $10 WHERE id = $11",
    )
    .bind(&p.slug)
    .bind(&p.title)
    .bind(&p.subtitle)
    .bind(&p.description_md)
    .bind(&p.image_url)
    .bind(&p.image_alt)
    .bind(date_text(p.start))
    .bind(date_text(p.end))
    .bind(i64::from(p.published))
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets (or with `None` removes) the uploaded image and its alternative
/// text; the image it replaces, if any, for the caller to delete when unused.
/// `None` when there is no such process.
pub async fn set_image(
    db: &Db,
    id: i64,
    image_id: Option<&str>,
    alt: &str,
) -> Result<Option<Option<String>>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let old: Option<Option<String>> =
        sqlx::query_scalar("SELECT image_id FROM processes WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(old) = old else {
        return Ok(None);
    };
    sqlx::query(
        "UPDATE processes SET image_id = $1, image_alt = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(image_id)
    .bind(alt)
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(old.filter(|o| Some(o.as_str()) != image_id)))
}

/// Archives (`true`) or brings back a process; `false` when there is none.
pub async fn set_archived(db: &Db, id: i64, archived: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE processes SET archived_at = CASE WHEN $1 = 1 THEN COALESCE(archived_at, $2) END, \
         updated_at = $2 WHERE id = $3",
    )
    .bind(i64::from(archived))
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What deleting a process takes with it, for the confirmation page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeletionCounts {
    pub phases: i64,
    pub proposals: i64,
    pub votes: i64,
    pub registrations: i64,
    pub survey_responses: i64,
    pub images: i64,
}

pub async fn deletion_counts(db: &Db, id: i64) -> Result<DeletionCounts, sqlx::Error> {
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(id)
            .fetch_one(&db.pool)
            .await
    };
    Ok(DeletionCounts {
        phases: count("SELECT COUNT(*) FROM phases WHERE process_id = $1").await?,
        proposals: count(
            "SELECT COUNT(*) FROM proposals pr JOIN consultations co ON co.id = pr.consultation_id \
             JOIN components c ON c.id = co.component_id JOIN phases p ON p.id = c.phase_id \
             WHERE p.process_id = $1",
        )
        .await?,
        votes: count(
            "SELECT COUNT(*) FROM votes v JOIN proposals pr ON pr.id = v.proposal_id \
             JOIN consultations co ON co.id = pr.consultation_id \
             JOIN components c ON c.id = co.component_id JOIN phases p ON p.id = c.phase_id \
             WHERE p.process_id = $1",
        )
        .await?,
        registrations: count(
            "SELECT COUNT(*) FROM registrations r JOIN events e ON e.id = r.event_id \
             JOIN components c ON c.id = e.component_id JOIN phases p ON p.id = c.phase_id \
             WHERE p.process_id = $1",
        )
        .await?,
        survey_responses: count(
            "SELECT COUNT(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id \
             JOIN components c ON c.id = s.component_id JOIN phases p ON p.id = c.phase_id \
             WHERE p.process_id = $1",
        )
        .await?,
        images: count(
            "SELECT COUNT(DISTINCT i) FROM (SELECT image_id AS i FROM processes WHERE id = $1 \
             AND image_id IS NOT NULL UNION ALL SELECT sp.photo_id FROM event_speakers sp \
             JOIN events e ON e.id = sp.event_id JOIN components c ON c.id = e.component_id \
             JOIN phases p ON p.id = c.phase_id WHERE p.process_id = $1 AND sp.photo_id IS NOT NULL) u",
        )
        .await?,
    })
}

/// Deletes a process with everything in it (the schema cascades); returns the
/// images it used, for the caller to delete when nothing else uses them.
/// `None` when there is no such process.
pub async fn delete_process(db: &Db, id: i64) -> Result<Option<Vec<String>>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let images: Vec<String> = sqlx::query_scalar(
        "SELECT image_id FROM processes WHERE id = $1 AND image_id IS NOT NULL \
         UNION SELECT sp.photo_id FROM event_speakers sp JOIN events e ON e.id = sp.event_id \
         JOIN components c ON c.id = e.component_id JOIN phases p ON p.id = c.phase_id \
         WHERE p.process_id = $1 AND sp.photo_id IS NOT NULL",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let done = sqlx::query("DELETE FROM processes WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((done.rows_affected() == 1).then_some(images))
}
