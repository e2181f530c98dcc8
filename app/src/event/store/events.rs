//! Events in the database: the event row of an event component (its
//! settings), and the component it belongs to.

use crate::event::logic::programme::EventInput;
use crate::model::ComponentKind;
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::Flag;
use sqlx::FromRow;

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Event {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub title: String,
    pub description_md: String,
    pub venue: String,
    #[sqlx(try_from = "i64")]
    pub seats: u32,
    #[sqlx(try_from = "i64")]
    pub offer_hours: u32,
    #[sqlx(try_from = "i64")]
    pub registration_open: Flag,
}

const EVENT_COLUMNS: &str =
    "id, component_id, slug, title, description_md, venue, seats, offer_hours, registration_open";

pub async fn event_by_slug(db: &Db, slug: &str) -> Result<Option<Event>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await
}

/// Every event, for the staff dashboard.
pub async fn list_events(db: &Db) -> Result<Vec<Event>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY id"))
        .fetch_all(&db.pool)
        .await
}

pub async fn event_by_id(db: &Db, id: i64) -> Result<Option<Event>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

pub async fn event_by_component(db: &Db, component_id: i64) -> Result<Option<Event>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE component_id = $1"
    ))
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await
}

pub async fn insert_event(db: &Db, component_id: i64, e: &EventInput) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO events (component_id, slug, title, description_md, venue, seats, offer_hours, registration_open, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(component_id)
    .bind(&e.slug)
    .bind(&e.title)
    .bind(&e.description_md)
    .bind(&e.venue)
    .bind(i64::from(e.seats))
    .bind(i64::from(e.offer_hours))
    .bind(i64::from(e.registration_open))
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

pub async fn update_event(db: &Db, id: i64, e: &EventInput) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE events SET slug = $1, title = $2, description_md = $3, venue = $4, seats = $5, offer_hours = $6, \
         registration_open = $7 WHERE id = $8",
    )
    .bind(&e.slug)
    .bind(&e.title)
    .bind(&e.description_md)
    .bind(&e.venue)
    .bind(i64::from(e.seats))
    .bind(i64::from(e.offer_hours))
    .bind(i64::from(e.registration_open))
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A component's kind and title; `None` if there is no such component.
pub async fn component_of(
    db: &Db,
    component_id: i64,
) -> Result<Option<(ComponentKind, String)>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(try_from = "String")]
        kind: ComponentKind,
        title: String,
    }
    let row: Option<Row> = sqlx::query_as("SELECT kind, title FROM components WHERE id = $1")
        .bind(component_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| (r.kind, r.title)))
}
