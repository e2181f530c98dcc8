//! The `phases` of a process: ordered by a position unique within the process.

use super::super::logic::{phase_status, PhaseInput};
use super::components::{components_of, set_components, Component};
use super::order::{self, Ordered};
use crate::model::PhaseStatus;
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::{date_text, DbDate};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(FromRow)]
struct PhaseRow {
    id: i64,
    process_id: i64,
    position: i64,
    title: String,
    description_md: String,
    #[sqlx(try_from = "String")]
    start_date: DbDate,
    #[sqlx(try_from = "String")]
    end_date: DbDate,
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

const PHASE_COLUMNS: &str = "id, process_id, position, title, description_md, start_date, end_date";

/// The phases of a process in order, each with its components.
pub async fn phases_of(db: &Db, process_id: i64) -> Result<Vec<Phase>, sqlx::Error> {
    let rows: Vec<PhaseRow> = sqlx::query_as(&format!(
        "SELECT {PHASE_COLUMNS} FROM phases WHERE process_id = $1 ORDER BY position"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    let components = components_of(db, process_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| Phase {
            components: components
                .iter()
                .filter(|c| c.phase_id == r.id)
                .cloned()
                .collect(),
            id: r.id,
            process_id: r.process_id,
            position: r.position,
            title: r.title,
            description_md: r.description_md,
            start: *r.start_date,
            end: *r.end_date,
        })
        .collect())
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
    .bind(date_text(p.start))
    .bind(date_text(p.end))
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
    .bind(date_text(p.start))
    .bind(date_text(p.end))
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

/// Deletes a phase and closes the gap in positions; the process id, if it existed.
pub async fn delete_phase(db: &Db, id: i64) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let Some((process_id, position)) = order::place(&mut tx, Ordered::Phases, id).await? else {
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
    order::swap_with_neighbour(db, Ordered::Phases, id, up).await
}
