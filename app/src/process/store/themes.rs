//! The `themes` of a process, in order, with their colours; what holds each
//! one (proposals, sessions, action avenues) forbids deleting it.

use super::super::logic::themes::{ThemeInput, Usage};
use super::order::{self, Ordered};
use crate::ssr::db::Db;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct Theme {
    pub id: i64,
    pub process_id: i64,
    pub position: i64,
    pub name: String,
    /// `#rrggbb`, or empty for the neutral chip.
    pub colour: String,
}

const THEME_COLUMNS: &str = "id, process_id, position, name, colour";

pub async fn themes_of(db: &Db, process_id: i64) -> Result<Vec<Theme>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {THEME_COLUMNS} FROM themes WHERE process_id = $1 ORDER BY position"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn theme_by_id(db: &Db, id: i64) -> Result<Option<Theme>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {THEME_COLUMNS} FROM themes WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// Every coloured theme of the site: (id, colour), for the chips' stylesheet.
pub async fn theme_colours(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, colour FROM themes WHERE colour <> '' ORDER BY id")
        .fetch_all(&db.pool)
        .await
}

/// Numbers the themes from 1, in the order given.
pub async fn insert_themes(db: &Db, process_id: i64, names: &[&str]) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    for (position, name) in names.iter().enumerate() {
        sqlx::query("INSERT INTO themes (process_id, position, name) VALUES ($1, $2, $3)")
            .bind(process_id)
            .bind(position as i64 + 1)
            .bind(*name)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Adds a theme after the last one; a name already used in the process is
/// refused by the unique (process, name) key.
pub async fn insert_theme(db: &Db, process_id: i64, t: &ThemeInput) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO themes (process_id, position, name, colour) \
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3 FROM themes WHERE process_id = $1 \
         RETURNING id",
    )
    .bind(process_id)
    .bind(&t.name)
    .bind(&t.colour)
    .fetch_one(&db.pool)
    .await
}

/// Renames and recolours a theme of the process; false when there is none.
pub async fn update_theme(
    db: &Db,
    process_id: i64,
    id: i64,
    t: &ThemeInput,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE themes SET name = $1, colour = $2 WHERE id = $3 AND process_id = $4")
            .bind(&t.name)
            .bind(&t.colour)
            .bind(id)
            .bind(process_id)
            .execute(&db.pool)
            .await?;
    Ok(done.rows_affected() == 1)
}

const USAGE_SQL: &str = "SELECT \
     (SELECT COUNT(*) FROM proposal_themes WHERE theme_id = $1), \
     (SELECT COUNT(*) FROM event_session_themes WHERE theme_id = $1), \
     (SELECT COUNT(*) FROM action_avenue_themes WHERE theme_id = $1)";

/// What holds each theme of the process, by theme id.
pub async fn usage_of(db: &Db, id: i64) -> Result<Usage, sqlx::Error> {
    let (proposals, sessions, avenues): (i64, i64, i64) = sqlx::query_as(USAGE_SQL)
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(Usage {
        proposals,
        sessions,
        avenues,
    })
}

/// What became of a deletion.
#[derive(Debug)]
pub enum Deleted {
    /// Gone; the theme's process.
    Done(i64),
    /// Refused: something still holds it.
    InUse(Usage),
    NotFound,
}

/// Deletes a theme that nothing holds, and closes the gap in positions. The
/// delete itself re-checks that nothing holds it, so a proposal themed
/// meanwhile is never silently unthemed by the cascade.
pub async fn delete_theme(db: &Db, id: i64) -> Result<Deleted, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let Some((process_id, position)) = order::place(&mut tx, Ordered::Themes, id).await? else {
        return Ok(Deleted::NotFound);
    };
    let done = sqlx::query(
        "DELETE FROM themes WHERE id = $1 \
         AND NOT EXISTS (SELECT 1 FROM proposal_themes WHERE theme_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM event_session_themes WHERE theme_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM action_avenue_themes WHERE theme_id = $1)",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let (proposals, sessions, avenues): (i64, i64, i64) = sqlx::query_as(USAGE_SQL)
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        return Ok(Deleted::InUse(Usage {
            proposals,
            sessions,
            avenues,
        }));
    }
    // One row at a time, in order, so the unique (process, position) key never clashes.
    let later: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM themes WHERE process_id = $1 AND position > $2 ORDER BY position",
    )
    .bind(process_id)
    .bind(position)
    .fetch_all(&mut *tx)
    .await?;
    for theme in later {
        sqlx::query("UPDATE themes SET position = position - 1 WHERE id = $1")
            .bind(theme)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Deleted::Done(process_id))
}

/// Swaps a theme with its neighbour; the process id, if the theme existed.
pub async fn move_theme(db: &Db, id: i64, up: bool) -> Result<Option<i64>, sqlx::Error> {
    order::swap_with_neighbour(db, Ordered::Themes, id, up).await
}
