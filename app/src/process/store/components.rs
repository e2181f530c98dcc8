//! The `components` a phase holds, and what the process space reads of the
//! components' own tables (their slugs, for links) without their modules.

use crate::model::ComponentKind;
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::{date_text, Flag};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct Component {
    pub id: i64,
    pub phase_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: ComponentKind,
    /// The consultation's question, an event's name; may be empty.
    pub title: String,
}

/// The components of every phase of a process.
pub(super) async fn components_of(db: &Db, process_id: i64) -> Result<Vec<Component>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.phase_id, c.kind, c.title FROM components c JOIN phases p ON p.id = c.phase_id \
         WHERE p.process_id = $1 ORDER BY c.id",
    )
    .bind(process_id)
    .fetch_all(&db.pool)
    .await
}

/// Keeps the components that stay (their content with them), adds the new ones.
pub(super) async fn set_components(
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

/// A component of a process that has a page of its own: its slug in its
/// component's table, and for a survey whether its results are what to show.
#[derive(Debug, Clone, FromRow)]
pub struct ComponentSlug {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: ComponentKind,
    pub slug: String,
    /// A survey whose results are published and that is not open on the day asked.
    #[sqlx(try_from = "i64")]
    pub show_results: Flag,
}

/// The slugs of a process's components, read from each component's table by
/// its kind. Dates are ISO text, so comparing them as text is comparing days.
pub async fn component_slugs(
    db: &Db,
    process_id: i64,
    today: NaiveDate,
) -> Result<Vec<ComponentSlug>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, slug, show_results FROM (\
           SELECT c.id, c.kind, \
             CASE c.kind WHEN 'consultation' THEN co.slug WHEN 'event' THEN e.slug \
               WHEN 'evaluation' THEN r.slug WHEN 'survey' THEN s.slug END AS slug, \
             CAST(CASE WHEN c.kind = 'survey' AND s.results_published = 1 \
               AND ($2 < s.opens_on OR $2 > s.closes_on) THEN 1 ELSE 0 END AS BIGINT) AS show_results \
           FROM components c JOIN phases p ON p.id = c.phase_id \
           LEFT JOIN consultations co ON co.component_id = c.id \
           LEFT JOIN events e ON e.component_id = c.id \
           LEFT JOIN rendezvous r ON r.component_id = c.id \
           LEFT JOIN surveys s ON s.component_id = c.id \
           WHERE p.process_id = $1) AS found \
         WHERE slug IS NOT NULL ORDER BY id",
    )
    .bind(process_id)
    .bind(date_text(today))
    .fetch_all(&db.pool)
    .await
}

/// Every event's title and slug, oldest first, for the staff dashboard's desks.
pub async fn event_desks(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT title, slug FROM events ORDER BY id")
        .fetch_all(&db.pool)
        .await
}

/// Whether the process holding a component is published; `None` for no such component.
/// Whether the process of a component is archived (`None`: no such component).
pub async fn component_archived(db: &Db, component_id: i64) -> Result<Option<bool>, sqlx::Error> {
    let at: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT pr.archived_at FROM components c JOIN phases p ON p.id = c.phase_id \
         JOIN processes pr ON pr.id = p.process_id WHERE c.id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(at.map(|a| a.is_some()))
}

pub async fn component_published(db: &Db, component_id: i64) -> Result<Option<bool>, sqlx::Error> {
    let flag: Option<i64> = sqlx::query_scalar(
        "SELECT pr.published FROM components c JOIN phases p ON p.id = c.phase_id \
         JOIN processes pr ON pr.id = p.process_id WHERE c.id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(flag.map(|f| Flag::from(f).into()))
}
