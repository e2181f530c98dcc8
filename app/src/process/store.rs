//! Processes, phases, components and themes in the database.

use super::domain::{phase_status, PhaseInput, ProcessInput};
use crate::model::{ComponentKind, PhaseStatus};
use crate::ssr::db::{now, Db};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
struct ProcessRow {
    id: i64,
    slug: String,
    title: String,
    subtitle: String,
    description_md: String,
    image_url: String,
    image_alt: String,
    start_date: String,
    end_date: String,
    published: i64,
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

#[derive(Debug, Clone, FromRow)]
struct PhaseRow {
    id: i64,
    process_id: i64,
    position: i64,
    title: String,
    description_md: String,
    start_date: String,
    end_date: String,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub id: i64,
    pub process_id: i64,
    pub position: i64,
    pub title: String,
    pub description_md: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub components: Vec<Component>,
}

impl Phase {
    pub fn status(&self, today: NaiveDate) -> PhaseStatus {
        phase_status(self.start, self.end, today)
    }
}

#[derive(Debug, Clone)]
pub struct Component {
    pub id: i64,
    pub kind: ComponentKind,
    /// The consultation's question, an event's name; may be empty.
    pub title: String,
}

/// Dates are written by this module only, so a bad one is a corrupt row.
fn date(s: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl TryFrom<ProcessRow> for Process {
    type Error = sqlx::Error;
    fn try_from(r: ProcessRow) -> Result<Self, Self::Error> {
        Ok(Process {
            start: date(&r.start_date)?,
            end: date(&r.end_date)?,
            id: r.id,
            slug: r.slug,
            title: r.title,
            subtitle: r.subtitle,
            description_md: r.description_md,
            image_url: r.image_url,
            image_alt: r.image_alt,
            published: r.published != 0,
        })
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
    rows.into_iter().map(Process::try_from).collect()
}

pub async fn process_by_slug(db: &Db, slug: &str) -> Result<Option<Process>, sqlx::Error> {
    let row: Option<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM processes WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Process::try_from).transpose()
}

pub async fn process_by_id(db: &Db, id: i64) -> Result<Option<Process>, sqlx::Error> {
    let row: Option<ProcessRow> = sqlx::query_as(&format!(
        "SELECT {PROCESS_COLUMNS} FROM processes WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Process::try_from).transpose()
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
    .bind(iso(p.start))
    .bind(iso(p.end))
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
    .bind(iso(p.start))
    .bind(iso(p.end))
    .bind(i64::from(p.published))
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

const PHASE_COLUMNS: &str = "id, process_id, position, title, description_md, start_date, end_date";

/// The phases of a process in order, each with its components.
pub async fn phases_of(db: &Db, process_id: i64) -> Result<Vec<Phase>, sqlx::Error> {
    let rows: Vec<PhaseRow> = sqlx::query_as(&format!(
        "SELECT {PHASE_COLUMNS} FROM phases WHERE process_id = $1 ORDER BY position"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    let components: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT c.id, c.phase_id, c.kind, c.title FROM components c JOIN phases p ON p.id = c.phase_id \
         WHERE p.process_id = $1 ORDER BY c.id",
    )
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let components = components
                .iter()
                .filter(|c| c.1 == r.id)
                .filter_map(|c| {
                    Some(Component {
                        id: c.0,
                        kind: ComponentKind::parse(&c.2)?,
                        title: c.3.clone(),
                    })
                })
                .collect();
            Ok(Phase {
                start: date(&r.start_date)?,
                end: date(&r.end_date)?,
                id: r.id,
                process_id: r.process_id,
                position: r.position,
                title: r.title,
                description_md: r.description_md,
                components,
            })
        })
        .collect()
}

pub async fn insert_phase(db: &Db, process_id: i64, p: &PhaseInput) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO phases (process_id, position, title, description_md, start_date, end_date, created_at, updated_at) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM phases WHERE process_id = $1), $2, $3, $4, $5, $6, $6) \
         RETURNING id",
    )
    .bind(process_id)
    .bind(&p.title)
    .bind(&p.description_md)
    .bind(iso(p.start))
    .bind(iso(p.end))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    set_components(&mut tx, id, &p.components).await?;
    tx.commit().await?;
    Ok(id)
}

/// `false` when the phase does not belong to that process.
pub async fn update_phase(
    db: &Db,
    process_id: i64,
    id: i64,
    p: &PhaseInput,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE phases SET title = $1, description_md = $2, start_date = $3, end_date = $4, updated_at = $5 \
         WHERE id = $6 AND process_id = $7",
    )
    .bind(&p.title)
    .bind(&p.description_md)
    .bind(iso(p.start))
    .bind(iso(p.end))
    .bind(now())
    .bind(id)
    .bind(process_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    set_components(&mut tx, id, &p.components).await?;
    tx.commit().await?;
    Ok(true)
}

/// Keeps the components that stay (their content with them), adds the new ones.
async fn set_components(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    phase_id: i64,
    kinds: &[ComponentKind],
) -> Result<(), sqlx::Error> {
    let existing: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM components WHERE phase_id = $1")
            .bind(phase_id)
            .fetch_all(&mut **tx)
            .await?;
    for kind in &existing {
        if !kinds.iter().any(|k| k.as_str() == kind) {
            sqlx::query("DELETE FROM components WHERE phase_id = $1 AND kind = $2")
                .bind(phase_id)
                .bind(kind)
                .execute(&mut **tx)
                .await?;
        }
    }
    for kind in kinds {
        if !existing.iter().any(|k| k == kind.as_str()) {
            add_component(tx, phase_id, *kind, "").await?;
        }
    }
    Ok(())
}

pub async fn add_component(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    phase_id: i64,
    kind: ComponentKind,
    title: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("INSERT INTO components (phase_id, kind, title, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(phase_id)
        .bind(kind.as_str())
        .bind(title)
        .bind(now())
        .fetch_one(&mut **tx)
        .await
}

/// Deletes a phase and closes the gap in positions; the process id, if it existed.
pub async fn delete_phase(db: &Db, id: i64) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let found: Option<(i64, i64)> =
        sqlx::query_as("SELECT process_id, position FROM phases WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((process_id, position)) = found else {
        return Ok(None);
    };
    sqlx::query("DELETE FROM phases WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    // One row at a time, in order, so the unique (process, position) key never clashes.
    let later: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM phases WHERE process_id = $1 AND position > $2 ORDER BY position",
    )
    .bind(process_id)
    .bind(position)
    .fetch_all(&mut *tx)
    .await?;
    for phase in later {
        sqlx::query("UPDATE phases SET position = position - 1 WHERE id = $1")
            .bind(phase)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Some(process_id))
}

/// Swaps a phase with its neighbour; the process id, if the phase existed.
pub async fn move_phase(db: &Db, id: i64, up: bool) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let found: Option<(i64, i64)> =
        sqlx::query_as("SELECT process_id, position FROM phases WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((process_id, position)) = found else {
        return Ok(None);
    };
    let neighbour_sql = if up {
        "SELECT id, position FROM phases WHERE process_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1"
    } else {
        "SELECT id, position FROM phases WHERE process_id = $1 AND position > $2 ORDER BY position LIMIT 1"
    };
    let neighbour: Option<(i64, i64)> = sqlx::query_as(neighbour_sql)
        .bind(process_id)
        .bind(position)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some((other, other_position)) = neighbour {
        // Through a free position, since (process, position) is unique.
        for (phase, to) in [(id, -1), (other, position), (id, other_position)] {
            sqlx::query("UPDATE phases SET position = $1 WHERE id = $2")
                .bind(to)
                .bind(phase)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(Some(process_id))
}

pub async fn themes_of(db: &Db, process_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM themes WHERE process_id = $1 ORDER BY position")
        .bind(process_id)
        .fetch_all(&db.pool)
        .await
}

/// Where a component sits: (process id, phase id, kind).
pub async fn component_location(
    db: &Db,
    component_id: i64,
) -> Result<Option<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.process_id, c.phase_id, c.kind FROM components c JOIN phases p ON p.id = c.phase_id WHERE c.id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await
}
