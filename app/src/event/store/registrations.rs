//! Registrations in the database, with their days, answers, private links
//! and the figures and lists staff read. Seats and workshop places are in
//! `seats`; the transactions that tie them together are the service's.

use super::{grouped, Tx};
use crate::event::logic::capacity::PlaceStatus;
use crate::event::logic::registration::RegistrationStatus;
use crate::event::logic::{ticket, NewRegistration, Profile};
use crate::ssr::db_types::{DbDate, Flag};
use crate::ssr::Db;
use sqlx::{AnyConnection, FromRow};
use std::collections::HashMap;

/// A registration to write, with what the service decided for it.
pub struct NewRow<'a> {
    pub event_id: i64,
    pub new: &'a NewRegistration,
    pub ticket_code: &'a str,
    pub lang: &'a str,
    pub is_demo: bool,
    pub now: i64,
}

pub async fn insert(tx: &mut Tx<'_>, r: &NewRow<'_>) -> Result<i64, sqlx::Error> {
    let new = r.new;
    sqlx::query_scalar(
        "INSERT INTO registrations (event_id, first_name, last_name, email, organisation, profile, accessibility, \
         dietary, ticket_code, lang, is_demo, consent_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12) RETURNING id",
    )
    .bind(r.event_id)
    .bind(&new.first_name)
    .bind(&new.last_name)
    .bind(&new.email)
    .bind(&new.organisation)
    .bind(new.profile.as_str())
    .bind(&new.accessibility)
    .bind(&new.dietary)
    .bind(r.ticket_code)
    .bind(r.lang)
    .bind(i64::from(r.is_demo))
    .bind(r.now)
    .fetch_one(&mut **tx)
    .await
}

/// The person's details as changed through the private link.
pub async fn update_details(
    tx: &mut Tx<'_>,
    registration_id: i64,
    new: &NewRegistration,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE registrations SET first_name = $1, last_name = $2, email = $3, organisation = $4, profile = $5, \
         accessibility = $6, dietary = $7, updated_at = $8 WHERE id = $9",
    )
    .bind(&new.first_name)
    .bind(&new.last_name)
    .bind(&new.email)
    .bind(&new.organisation)
    .bind(new.profile.as_str())
    .bind(&new.accessibility)
    .bind(&new.dietary)
    .bind(now)
    .bind(registration_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the registration is of this event and live.
pub async fn is_live(
    tx: &mut Tx<'_>,
    event_id: i64,
    registration_id: i64,
) -> Result<bool, sqlx::Error> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM registrations WHERE id = $1 AND event_id = $2")
            .bind(registration_id)
            .bind(event_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(status.as_deref().and_then(RegistrationStatus::parse) == Some(RegistrationStatus::Active))
}

/// The live registration of this event with this email, other than `except`.
pub async fn live_with_email(
    tx: &mut Tx<'_>,
    event_id: i64,
    email: &str,
    except: Option<i64>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM registrations WHERE event_id = $1 AND email = $2 AND status = 'active' AND id <> $3",
    )
    .bind(event_id)
    .bind(email)
    .bind(except.unwrap_or(0))
    .fetch_optional(&mut **tx)
    .await
}

/// Cancels a live registration; false if it was not live.
pub async fn mark_cancelled(
    tx: &mut Tx<'_>,
    event_id: i64,
    registration_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = $1, updated_at = $1 \
         WHERE id = $2 AND event_id = $3 AND status = 'active'",
    )
    .bind(now)
    .bind(registration_id)
    .bind(event_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn days_of(tx: &mut Tx<'_>, registration_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT day_id FROM registration_days WHERE registration_id = $1")
        .bind(registration_id)
        .fetch_all(&mut **tx)
        .await
}

pub async fn add_day(
    tx: &mut Tx<'_>,
    registration_id: i64,
    day_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO registration_days (registration_id, day_id) VALUES ($1, $2)")
        .bind(registration_id)
        .bind(day_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn remove_day(
    tx: &mut Tx<'_>,
    registration_id: i64,
    day_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM registration_days WHERE registration_id = $1 AND day_id = $2")
        .bind(registration_id)
        .bind(day_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Replaces the answers to the event's extra questions.
pub async fn write_answers(
    tx: &mut Tx<'_>,
    registration_id: i64,
    answers: &[(i64, String)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM registration_answers WHERE registration_id = $1")
        .bind(registration_id)
        .execute(&mut **tx)
        .await?;
    for (question, answer) in answers {
        sqlx::query("INSERT INTO registration_answers (registration_id, question_id, answer) VALUES ($1, $2, $3)")
            .bind(registration_id)
            .bind(question)
            .bind(answer)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Stores a private link's hash.
/// Mints a private link for a registration; only its hash is stored.
pub async fn mint_token(
    tx: &mut Tx<'_>,
    registration_id: i64,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = ticket::new_token(&mut rand::thread_rng());
    insert_token(tx, &ticket::token_hash(&token), registration_id, now).await?;
    Ok(token)
}

pub async fn insert_token(
    tx: &mut Tx<'_>,
    token_hash: &str,
    registration_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO registration_tokens (token_hash, registration_id, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(registration_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

// ---- Reading ----

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
    #[sqlx(try_from = "String")]
    pub profile: Profile,
    pub accessibility: String,
    pub dietary: String,
    pub ticket_code: String,
    #[sqlx(try_from = "String")]
    pub status: RegistrationStatus,
    pub lang: String,
    #[sqlx(try_from = "i64")]
    pub is_demo: Flag,
    pub created_at: i64,
}

impl Registration {
    pub fn is_cancelled(&self) -> bool {
        self.status == RegistrationStatus::Cancelled
    }
}

const REGISTRATION_COLUMNS: &str =
    "r.id, r.event_id, r.first_name, r.last_name, r.email, r.organisation, r.profile, \
     r.accessibility, r.dietary, r.ticket_code, r.status, r.lang, r.is_demo, r.created_at";

/// A workshop place as the person sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub session_id: i64,
    pub status: PlaceStatus,
    pub offer_expires_at: Option<i64>,
    /// On the waiting list: 1 is next.
    pub position: Option<usize>,
}

/// A registration with everything hanging on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub registration: Registration,
    /// (day id, checked in at).
    pub days: Vec<(i64, Option<i64>)>,
    pub places: Vec<Place>,
    pub answers: Vec<(i64, String)>,
}

pub async fn by_token(db: &Db, token: &str) -> Result<Option<Registration>, sqlx::Error> {
    if !ticket::plausible_token(token) {
        return Ok(None);
    }
    sqlx::query_as(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r JOIN registration_tokens t ON t.registration_id = r.id \
         WHERE t.token_hash = $1"
    ))
    .bind(ticket::token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<Registration>, sqlx::Error> {
    by_id_in(&mut *db.pool.acquire().await?, id).await
}

/// A registration, read on `conn` (inside a transaction, it sees the
/// transaction's own writes).
pub async fn by_id_in(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<Registration>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r WHERE r.id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn by_code(
    db: &Db,
    event_id: i64,
    code: &str,
) -> Result<Option<Registration>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r WHERE r.event_id = $1 AND r.ticket_code = $2"
    ))
    .bind(event_id)
    .bind(code)
    .fetch_optional(&db.pool)
    .await
}

#[derive(FromRow)]
struct PlaceOf {
    id: i64,
    session_id: i64,
    #[sqlx(try_from = "String")]
    status: PlaceStatus,
    offer_expires_at: Option<i64>,
}

pub async fn details(db: &Db, registration: Registration) -> Result<Details, sqlx::Error> {
    details_in(&mut *db.pool.acquire().await?, registration).await
}

/// A registration's details, read on `conn` (see `by_id_in`).
pub async fn details_in(
    conn: &mut AnyConnection,
    registration: Registration,
) -> Result<Details, sqlx::Error> {
    let id = registration.id;
    let days: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT day_id, checked_in_at FROM registration_days WHERE registration_id = $1 ORDER BY day_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let rows: Vec<PlaceOf> = sqlx::query_as(
        "SELECT id, session_id, status, offer_expires_at FROM workshop_places WHERE registration_id = $1 ORDER BY session_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut places = Vec::new();
    for PlaceOf {
        id: place_id,
        session_id,
        status,
        offer_expires_at,
    } in rows
    {
        let position = if status == PlaceStatus::Waiting {
            let ahead: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM workshop_places WHERE session_id = $1 AND status = 'waiting' AND id < $2",
            )
            .bind(session_id)
            .bind(place_id)
            .fetch_one(&mut *conn)
            .await?;
            Some(ahead.max(0) as usize + 1)
        } else {
            None
        };
        places.push(Place {
            session_id,
            status,
            offer_expires_at,
            position,
        });
    }
    let answers: Vec<(i64, String)> = sqlx::query_as(
        "SELECT question_id, answer FROM registration_answers WHERE registration_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Details {
        registration,
        days,
        places,
        answers,
    })
}

/// A live registration due for its reminder.
#[derive(FromRow)]
pub struct DueReminder {
    pub id: i64,
    pub event_id: i64,
    /// The first day the person attends.
    #[sqlx(try_from = "String")]
    pub first_day: DbDate,
}

/// Live registrations (not demo ones) whose first day falls within
/// `from..=until` and that were not reminded yet.
pub async fn due_reminders(
    db: &Db,
    from: &str,
    until: &str,
) -> Result<Vec<DueReminder>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.event_id, MIN(d.day) AS first_day FROM registrations r \
         JOIN registration_days rd ON rd.registration_id = r.id \
         JOIN event_days d ON d.id = rd.day_id WHERE r.status = 'active' AND r.reminded_at IS NULL AND r.is_demo = 0 \
         GROUP BY r.id, r.event_id HAVING MIN(d.day) >= $1 AND MIN(d.day) <= $2",
    )
    .bind(from)
    .bind(until)
    .fetch_all(&db.pool)
    .await
}

/// Marks a registration reminded; false when it already was (another
/// sweep got there first), so that its reminder goes out once.
pub async fn mark_reminded(tx: &mut Tx<'_>, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE registrations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- Figures ----

/// Seats taken: the event's live registrations, per day, per workshop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Occupancy {
    pub registered: u32,
    /// day id → (registered, arrived).
    pub days: HashMap<i64, (u32, u32)>,
    /// workshop id → (seats held, waiting).
    pub workshops: HashMap<i64, (u32, u32)>,
}

pub async fn occupancy(db: &Db, event_id: i64, now: i64) -> Result<Occupancy, sqlx::Error> {
    let registered: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'active'",
    )
    .bind(event_id)
    .fetch_one(&db.pool)
    .await?;
    let days: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT rd.day_id, COUNT(*), COUNT(rd.checked_in_at) FROM registration_days rd \
         JOIN registrations r ON r.id = rd.registration_id WHERE r.event_id = $1 AND r.status = 'active' \
         GROUP BY rd.day_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let workshops: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT p.session_id, \
         SUM(CASE WHEN p.status = 'confirmed' OR (p.status = 'offered' AND p.offer_expires_at > $2) THEN 1 ELSE 0 END), \
         SUM(CASE WHEN p.status = 'waiting' THEN 1 ELSE 0 END) \
         FROM workshop_places p JOIN event_sessions s ON s.id = p.session_id WHERE s.event_id = $1 GROUP BY p.session_id",
    )
    .bind(event_id)
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let c = |n: i64| n.max(0) as u32;
    Ok(Occupancy {
        registered: c(registered),
        days: days
            .into_iter()
            .map(|(d, n, a)| (d, (c(n), c(a))))
            .collect(),
        workshops: workshops
            .into_iter()
            .map(|(w, h, q)| (w, (c(h), c(q))))
            .collect(),
    })
}

// ---- Attendee lists ----

/// One line of an attendee list.
#[derive(Debug, Clone, PartialEq)]
pub struct Attendee {
    pub registration: Registration,
    /// (day id, checked in at).
    pub days: Vec<(i64, Option<i64>)>,
    /// (workshop id, status).
    pub places: Vec<(i64, PlaceStatus)>,
    pub answers: Vec<(i64, String)>,
}

#[derive(FromRow)]
struct AttendeePlace {
    registration_id: i64,
    session_id: i64,
    #[sqlx(try_from = "String")]
    status: PlaceStatus,
}

/// Every registration of the event (live ones first, then by name).
pub async fn attendees(db: &Db, event_id: i64) -> Result<Vec<Attendee>, sqlx::Error> {
    let regs: Vec<Registration> = sqlx::query_as(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r WHERE r.event_id = $1 \
         ORDER BY r.status, r.last_name, r.first_name, r.id"
    ))
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let days: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT rd.registration_id, rd.day_id, rd.checked_in_at FROM registration_days rd \
         JOIN registrations r ON r.id = rd.registration_id WHERE r.event_id = $1 ORDER BY rd.day_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let places: Vec<AttendeePlace> = sqlx::query_as(
        "SELECT p.registration_id, p.session_id, p.status FROM workshop_places p \
         JOIN registrations r ON r.id = p.registration_id WHERE r.event_id = $1 ORDER BY p.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let answers: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT a.registration_id, a.question_id, a.answer FROM registration_answers a \
         JOIN registrations r ON r.id = a.registration_id WHERE r.event_id = $1",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let mut day_map = grouped(days.into_iter().map(|(r, d, at)| (r, (d, at))));
    let mut place_map = grouped(
        places
            .into_iter()
            .map(|p| (p.registration_id, (p.session_id, p.status))),
    );
    let mut answer_map = grouped(answers.into_iter().map(|(r, q, a)| (r, (q, a))));
    Ok(regs
        .into_iter()
        .map(|r| Attendee {
            days: day_map.remove(&r.id).unwrap_or_default(),
            places: place_map.remove(&r.id).unwrap_or_default(),
            answers: answer_map.remove(&r.id).unwrap_or_default(),
            registration: r,
        })
        .collect())
}
