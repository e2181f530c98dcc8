//! Seats in the database: the event lock, the counts of seats taken per event
//! and day, and the workshop places with their waiting lists. The rules that
//! decide who gets a seat are in `logic::capacity`; the service runs them
//! inside one transaction with these reads and writes.

use super::Tx;
use crate::event::logic::capacity::{PlaceRow, PlaceStatus};
use crate::ssr::Db;
use sqlx::FromRow;

/// Every transaction that takes or frees seats of an event starts here, by
/// writing to the event's row. On PostgreSQL that row lock makes them take
/// turns; on SQLite, writing first takes the database's single write lock at
/// once (so no transaction ever upgrades a stale read).
pub async fn lock_event(tx: &mut Tx<'_>, event_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE events SET seat_version = seat_version + 1 WHERE id = $1")
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn count(n: i64) -> u32 {
    n.max(0) as u32
}

/// The event's seats, as they are inside the transaction.
pub async fn event_seats(tx: &mut Tx<'_>, event_id: i64) -> Result<u32, sqlx::Error> {
    let seats: i64 = sqlx::query_scalar("SELECT seats FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count(seats))
}

/// The event's live registrations.
pub async fn active_count(tx: &mut Tx<'_>, event_id: i64) -> Result<u32, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'active'",
    )
    .bind(event_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count(n))
}

/// Seats of a day of this event and how many are taken; `None` if no such day.
pub async fn day_load(
    tx: &mut Tx<'_>,
    event_id: i64,
    day_id: i64,
) -> Result<Option<(u32, u32)>, sqlx::Error> {
    let seats: Option<i64> =
        sqlx::query_scalar("SELECT seats FROM event_days WHERE id = $1 AND event_id = $2")
            .bind(day_id)
            .bind(event_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(seats) = seats else { return Ok(None) };
    let taken: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registration_days rd JOIN registrations r ON r.id = rd.registration_id \
         WHERE rd.day_id = $1 AND r.status = 'active'",
    )
    .bind(day_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Some((count(seats), count(taken))))
}

/// A seat offered to someone who was waiting: they are to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub registration_id: i64,
    pub session_id: i64,
    pub expires_at: i64,
}

/// A workshop place with whom it belongs to.
#[derive(Debug, Clone, Copy, FromRow)]
pub struct Place {
    pub id: i64,
    pub registration_id: i64,
    #[sqlx(try_from = "String")]
    pub status: PlaceStatus,
    pub offer_expires_at: Option<i64>,
}

impl Place {
    /// What the capacity rules read.
    pub fn row(&self) -> PlaceRow {
        PlaceRow {
            id: self.id,
            status: self.status,
            offer_expires_at: self.offer_expires_at,
        }
    }
}

/// A workshop's places, in the order they were asked for.
pub async fn places_of(tx: &mut Tx<'_>, session_id: i64) -> Result<Vec<Place>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, registration_id, status, offer_expires_at FROM workshop_places WHERE session_id = $1 ORDER BY id",
    )
    .bind(session_id)
    .fetch_all(&mut **tx)
    .await
}

/// The seats of a workshop of this event; `None` if it is not one.
pub async fn workshop_seats(
    tx: &mut Tx<'_>,
    event_id: i64,
    session_id: i64,
) -> Result<Option<u32>, sqlx::Error> {
    let seats: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT seats FROM event_sessions WHERE id = $1 AND event_id = $2 AND kind = 'workshop'",
    )
    .bind(session_id)
    .bind(event_id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(seats.flatten().map(count))
}

/// An offer ran out: the place holds nothing any more.
pub async fn expire_place(tx: &mut Tx<'_>, place_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE workshop_places SET status = 'expired', offer_expires_at = NULL, updated_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(place_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A seat is held for the person until `expires_at`.
pub async fn offer_place(
    tx: &mut Tx<'_>,
    place_id: i64,
    expires_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE workshop_places SET status = 'offered', offer_expires_at = $1, updated_at = $2 WHERE id = $3",
    )
    .bind(expires_at)
    .bind(now)
    .bind(place_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The person took the seat offered.
pub async fn confirm_place(
    tx: &mut Tx<'_>,
    registration_id: i64,
    session_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE workshop_places SET status = 'confirmed', offer_expires_at = NULL, updated_at = $1 \
         WHERE registration_id = $2 AND session_id = $3",
    )
    .bind(now)
    .bind(registration_id)
    .bind(session_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn insert_place(
    tx: &mut Tx<'_>,
    registration_id: i64,
    session_id: i64,
    status: PlaceStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO workshop_places (registration_id, session_id, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(registration_id)
    .bind(session_id)
    .bind(status.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete_place(
    tx: &mut Tx<'_>,
    registration_id: i64,
    session_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM workshop_places WHERE registration_id = $1 AND session_id = $2")
        .bind(registration_id)
        .bind(session_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// An offer that ran out holds nothing: asking for that workshop again joins
/// the end of its waiting list.
pub async fn delete_expired_places(
    tx: &mut Tx<'_>,
    registration_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM workshop_places WHERE registration_id = $1 AND status = 'expired'")
        .bind(registration_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The workshops a registration has a place in (or waits for).
pub async fn workshops_of(tx: &mut Tx<'_>, registration_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT session_id FROM workshop_places WHERE registration_id = $1")
        .bind(registration_id)
        .fetch_all(&mut **tx)
        .await
}

/// Workshops with an offer past its deadline or people waiting, as
/// (event id, session id), by event.
pub async fn due_workshops(db: &Db, now: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT s.event_id, p.session_id FROM workshop_places p JOIN event_sessions s ON s.id = p.session_id \
         WHERE (p.status = 'offered' AND p.offer_expires_at <= $1) OR p.status = 'waiting' ORDER BY s.event_id",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await
}
