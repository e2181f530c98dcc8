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
        }
    }
}

const PROCESS_COLUMNS: &str =
    "id, slug, title, subtitle, description_md, image_url, image_alt, start_date, end_date, published";

pub async fn list_processes(db: &Db, published_only: bool) -> Result<Vec<Process>, sqlx::Error> {
    let filter = if published_only {
        "WHERE published = 1"
    } else {
        ""
    };
    let rows: Vec<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM processes {filter} ORDER BY start_date DESC, id"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Process::from).collect())
}

pub async fn process_by_slug(db: &Db, slug: &str) -> Result<Option<Process>, sqlx::Error> {
    let row: Option<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM processes WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Process::from))
}

pub async fn process_by_id(db: &Db, id: i64) -> Result<Option<Process>, sqlx::Error> {
    let row: Option<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM processes WHERE id = $1"
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
