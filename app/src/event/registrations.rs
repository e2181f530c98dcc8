//! Registrations in the database, with their days, workshop places, private
//! links and check-ins.
//!
//! Every transaction that takes or frees seats of an event starts by writing
//! to the event's row (`lock_event`). On PostgreSQL that row lock makes them
//! take turns; on SQLite, writing first takes the database's single write lock
//! at once (so no transaction ever upgrades a stale read). Seats are then
//! counted inside the transaction, so concurrent requests for the last seats
//! get exactly as many seats as exist. Waiting-list offers are made in the
//! same transaction as the seat they fill is freed.

use super::logic::capacity::{self, PlaceRow, PlaceStatus};
use super::logic::checkin::{self, CheckIn, TicketState};
use super::logic::{ticket, NewRegistration};
use super::store::Event;
use crate::ssr::db::{is_unique_violation, Db};
use sqlx::{Any, FromRow, Transaction};

type Tx<'a> = Transaction<'a, Any>;

/// Why a registration or a change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    EventFull,
    DayFull(i64),
    AlreadyRegistered,
    /// The registration was cancelled: nothing more can change.
    Cancelled,
    /// The offer is no longer running (expired, or never made).
    NoOffer,
}

/// A seat offered to someone who was waiting: they are to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub registration_id: i64,
    pub session_id: i64,
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    pub registration_id: i64,
    pub token: String,
    pub ticket_code: String,
    /// Offers made to others while settling workshops on the way.
    pub offers: Vec<Offer>,
}

async fn lock_event(tx: &mut Tx<'_>, event_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE events SET seat_version = seat_version + 1 WHERE id = $1")
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn active_count(tx: &mut Tx<'_>, event_id: i64) -> Result<u32, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'active'",
    )
    .bind(event_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n.max(0) as u32)
}

/// Seats of a day of this event and how many are taken; `None` if no such day.
async fn day_load(
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
    Ok(Some((seats.max(0) as u32, taken.max(0) as u32)))
}

#[derive(FromRow)]
struct PlaceDbRow {
    id: i64,
    registration_id: i64,
    status: String,
    offer_expires_at: Option<i64>,
}

async fn places_of(tx: &mut Tx<'_>, session_id: i64) -> Result<Vec<(PlaceRow, i64)>, sqlx::Error> {
    let rows: Vec<PlaceDbRow> = sqlx::query_as(
        "SELECT id, registration_id, status, offer_expires_at FROM workshop_places WHERE session_id = $1 ORDER BY id",
    )
    .bind(session_id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some((
                PlaceRow {
                    id: r.id,
                    status: PlaceStatus::parse(&r.status)?,
                    offer_expires_at: r.offer_expires_at,
                },
                r.registration_id,
            ))
        })
        .collect())
}

async fn workshop_seats(
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
    Ok(seats.flatten().map(|s| s.max(0) as u32))
}

/// Expires stale offers of a workshop and offers its free seats to the first
/// people waiting (see `capacity::settle`). The caller holds the event lock.
async fn settle_workshop(
    tx: &mut Tx<'_>,
    event: &Event,
    session_id: i64,
    now: i64,
) -> Result<(Vec<(PlaceRow, i64)>, Vec<Offer>), sqlx::Error> {
    let Some(seats) = workshop_seats(tx, event.id, session_id).await? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let rows = places_of(tx, session_id).await?;
    let plain: Vec<PlaceRow> = rows.iter().map(|(r, _)| *r).collect();
    let settlement = capacity::settle(seats, &plain, now, event.offer_hours);
    if settlement.is_empty() {
        return Ok((rows, Vec::new()));
    }
    for id in &settlement.expire {
        sqlx::query(
            "UPDATE workshop_places SET status = 'expired', offer_expires_at = NULL, updated_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    let mut offers = Vec::new();
    for id in &settlement.offer {
        sqlx::query(
            "UPDATE workshop_places SET status = 'offered', offer_expires_at = $1, updated_at = $2 WHERE id = $3",
        )
        .bind(settlement.offer_expires_at)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
        if let Some((_, registration_id)) = rows.iter().find(|(r, _)| r.id == *id) {
            offers.push(Offer {
                registration_id: *registration_id,
                session_id,
                expires_at: settlement.offer_expires_at,
            });
        }
    }
    let rows = places_of(tx, session_id).await?;
    Ok((rows, offers))
}

/// Puts the registration in a workshop: a seat if one is free and nobody
/// waits, else the end of the waiting list. Returns offers made to others.
async fn request_place(
    tx: &mut Tx<'_>,
    event: &Event,
    registration_id: i64,
    session_id: i64,
    now: i64,
) -> Result<Vec<Offer>, sqlx::Error> {
    let Some(seats) = workshop_seats(tx, event.id, session_id).await? else {
        return Ok(Vec::new());
    };
    // Lazily expire stale offers first, so a seat nobody confirmed is not kept from anyone.
    let (rows, offers) = settle_workshop(tx, event, session_id, now).await?;
    let plain: Vec<PlaceRow> = rows.iter().map(|(r, _)| *r).collect();
    let status = match capacity::place(seats, &plain, now) {
        capacity::Placement::Confirmed => PlaceStatus::Confirmed,
        capacity::Placement::Waiting => PlaceStatus::Waiting,
    };
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
    Ok(offers)
}

/// Takes a registration out of a workshop and passes its seat on.
async fn leave_workshop(
    tx: &mut Tx<'_>,
    event: &Event,
    registration_id: i64,
    session_id: i64,
    now: i64,
) -> Result<Vec<Offer>, sqlx::Error> {
    sqlx::query("DELETE FROM workshop_places WHERE registration_id = $1 AND session_id = $2")
        .bind(registration_id)
        .bind(session_id)
        .execute(&mut **tx)
        .await?;
    Ok(settle_workshop(tx, event, session_id, now).await?.1)
}

/// Mints a private link for a registration; only its hash is stored.
pub async fn mint_token(
    tx: &mut Tx<'_>,
    registration_id: i64,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = ticket::new_token(&mut rand::thread_rng());
    sqlx::query("INSERT INTO registration_tokens (token_hash, registration_id, created_at) VALUES ($1, $2, $3)")
        .bind(ticket::token_hash(&token))
        .bind(registration_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(token)
}

/// A fresh link for a mail, outside any other transaction.
pub async fn new_link_token(
    db: &Db,
    registration_id: i64,
    now: i64,
) -> Result<String, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let token = mint_token(&mut tx, registration_id, now).await?;
    tx.commit().await?;
    Ok(token)
}

async fn write_answers(
    tx: &mut Tx<'_>,
    registration_id: i64,
    new: &NewRegistration,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM registration_answers WHERE registration_id = $1")
        .bind(registration_id)
        .execute(&mut **tx)
        .await?;
    for (question, answer) in &new.answers {
        sqlx::query("INSERT INTO registration_answers (registration_id, question_id, answer) VALUES ($1, $2, $3)")
            .bind(registration_id)
            .bind(question)
            .bind(answer)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Who registers, beside what they asked for.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub lang: &'a str,
    pub is_demo: bool,
    pub now: i64,
}

/// Registers someone: refused when the event or a chosen day is full or the
/// email already has a live registration; workshops that are full put the
/// person on their waiting list.
pub async fn register(
    db: &Db,
    event: &Event,
    new: &NewRegistration,
    origin: Origin<'_>,
) -> Result<Result<Registered, Refusal>, sqlx::Error> {
    // A ticket code may (very rarely) collide with another event's: draw again.
    for attempt in 0..3 {
        match try_register(db, event, new, origin).await {
            Err(e) if is_unique_violation(&e) && attempt < 2 => continue,
            other => return other,
        }
    }
    unreachable!("the loop returns on its last attempt")
}

async fn try_register(
    db: &Db,
    event: &Event,
    new: &NewRegistration,
    origin: Origin<'_>,
) -> Result<Result<Registered, Refusal>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = register_in(&mut tx, event, new, origin).await?;
    if done.is_ok() {
        tx.commit().await?;
    }
    Ok(done)
}

/// Registers several people in one transaction (the demo loader's hundred):
/// the same rules, one commit. Refused ones are skipped.
pub async fn register_many(
    db: &Db,
    event: &Event,
    people: &[NewRegistration],
    origin: Origin<'_>,
) -> Result<usize, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let mut registered = 0;
    for new in people {
        registered += usize::from(register_in(&mut tx, event, new, origin).await?.is_ok());
    }
    tx.commit().await?;
    Ok(registered)
}

/// The registration itself, inside the caller's transaction.
async fn register_in(
    tx: &mut Tx<'_>,
    event: &Event,
    new: &NewRegistration,
    origin: Origin<'_>,
) -> Result<Result<Registered, Refusal>, sqlx::Error> {
    let now = origin.now;
    lock_event(tx, event.id).await?;
    let seats: i64 = sqlx::query_scalar("SELECT seats FROM events WHERE id = $1")
        .bind(event.id)
        .fetch_one(&mut **tx)
        .await?;
    if !capacity::has_room(seats.max(0) as u32, active_count(tx, event.id).await?) {
        return Ok(Err(Refusal::EventFull));
    }
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM registrations WHERE event_id = $1 AND email = $2 AND status = 'active'",
    )
    .bind(event.id)
    .bind(&new.email)
    .fetch_optional(&mut **tx)
    .await?;
    if existing.is_some() {
        return Ok(Err(Refusal::AlreadyRegistered));
    }
    for day in &new.days {
        match day_load(tx, event.id, *day).await? {
            Some((seats, taken)) if capacity::has_room(seats, taken) => {}
            _ => return Ok(Err(Refusal::DayFull(*day))),
        }
    }
    let code = ticket::new_code(&mut rand::thread_rng());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO registrations (event_id, first_name, last_name, email, organisation, profile, accessibility, \
         dietary, ticket_code, lang, is_demo, consent_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12) RETURNING id",
    )
    .bind(event.id)
    .bind(&new.first_name)
    .bind(&new.last_name)
    .bind(&new.email)
    .bind(&new.organisation)
    .bind(new.profile.as_str())
    .bind(&new.accessibility)
    .bind(&new.dietary)
    .bind(&code)
    .bind(origin.lang)
    .bind(i64::from(origin.is_demo))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    for day in &new.days {
        sqlx::query("INSERT INTO registration_days (registration_id, day_id) VALUES ($1, $2)")
            .bind(id)
            .bind(day)
            .execute(&mut **tx)
            .await?;
    }
    let mut offers = Vec::new();
    for workshop in &new.workshops {
        offers.extend(request_place(tx, event, id, *workshop, now).await?);
    }
    write_answers(tx, id, new).await?;
    let token = mint_token(tx, id, now).await?;
    Ok(Ok(Registered {
        registration_id: id,
        token,
        ticket_code: code,
        offers,
    }))
}

/// Changes a live registration: details, days (a new day needs a seat) and
/// workshops (a kept workshop keeps its place; a new one is asked for; a
/// dropped one passes its seat on).
pub async fn update(
    db: &Db,
    event: &Event,
    registration_id: i64,
    new: &NewRegistration,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    lock_event(&mut tx, event.id).await?;
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM registrations WHERE id = $1 AND event_id = $2")
            .bind(registration_id)
            .bind(event.id)
            .fetch_optional(&mut *tx)
            .await?;
    if status.as_deref() != Some("active") {
        return Ok(Err(Refusal::Cancelled));
    }
    let clash: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM registrations WHERE event_id = $1 AND email = $2 AND status = 'active' AND id <> $3",
    )
    .bind(event.id)
    .bind(&new.email)
    .bind(registration_id)
    .fetch_optional(&mut *tx)
    .await?;
    if clash.is_some() {
        return Ok(Err(Refusal::AlreadyRegistered));
    }
    let days: Vec<i64> =
        sqlx::query_scalar("SELECT day_id FROM registration_days WHERE registration_id = $1")
            .bind(registration_id)
            .fetch_all(&mut *tx)
            .await?;
    for day in new.days.iter().filter(|d| !days.contains(d)) {
        match day_load(&mut tx, event.id, *day).await? {
            Some((seats, taken)) if capacity::has_room(seats, taken) => {}
            _ => return Ok(Err(Refusal::DayFull(*day))),
        }
        sqlx::query("INSERT INTO registration_days (registration_id, day_id) VALUES ($1, $2)")
            .bind(registration_id)
            .bind(day)
            .execute(&mut *tx)
            .await?;
    }
    for day in days.iter().filter(|d| !new.days.contains(d)) {
        sqlx::query("DELETE FROM registration_days WHERE registration_id = $1 AND day_id = $2")
            .bind(registration_id)
            .bind(day)
            .execute(&mut *tx)
            .await?;
    }
    // An offer that ran out holds nothing: asking for that workshop again
    // joins the end of its waiting list.
    sqlx::query("DELETE FROM workshop_places WHERE registration_id = $1 AND status = 'expired'")
        .bind(registration_id)
        .execute(&mut *tx)
        .await?;
    let current: Vec<i64> =
        sqlx::query_scalar("SELECT session_id FROM workshop_places WHERE registration_id = $1")
            .bind(registration_id)
            .fetch_all(&mut *tx)
            .await?;
    let mut offers = Vec::new();
    for session in current.iter().filter(|s| !new.workshops.contains(s)) {
        offers.extend(leave_workshop(&mut tx, event, registration_id, *session, now).await?);
    }
    for session in new.workshops.iter().filter(|s| !current.contains(s)) {
        offers.extend(request_place(&mut tx, event, registration_id, *session, now).await?);
    }
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
    .execute(&mut *tx)
    .await?;
    write_answers(&mut tx, registration_id, new).await?;
    tx.commit().await?;
    Ok(Ok(offers))
}

/// Cancels a registration: its day seats and workshop places are freed, and
/// the first people waiting are offered the seats, in the same transaction.
pub async fn cancel(
    db: &Db,
    event: &Event,
    registration_id: i64,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    lock_event(&mut tx, event.id).await?;
    let done = sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = $1, updated_at = $1 \
         WHERE id = $2 AND event_id = $3 AND status = 'active'",
    )
    .bind(now)
    .bind(registration_id)
    .bind(event.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(Err(Refusal::Cancelled));
    }
    let sessions: Vec<i64> =
        sqlx::query_scalar("SELECT session_id FROM workshop_places WHERE registration_id = $1")
            .bind(registration_id)
            .fetch_all(&mut *tx)
            .await?;
    let mut offers = Vec::new();
    for session in sessions {
        offers.extend(leave_workshop(&mut tx, event, registration_id, session, now).await?);
    }
    tx.commit().await?;
    Ok(Ok(offers))
}

/// What the person does with an offered seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAnswer {
    Accept,
    Decline,
}

/// Confirms or declines an offered seat. An offer past its deadline cannot be
/// accepted: the seat goes to the next person instead.
pub async fn answer_offer(
    db: &Db,
    event: &Event,
    registration_id: i64,
    session_id: i64,
    answer: OfferAnswer,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    lock_event(&mut tx, event.id).await?;
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM registrations WHERE id = $1 AND event_id = $2")
            .bind(registration_id)
            .bind(event.id)
            .fetch_optional(&mut *tx)
            .await?;
    if status.as_deref() != Some("active") {
        return Ok(Err(Refusal::Cancelled));
    }
    // Settling first expires this offer if its time is up.
    let (rows, mut offers) = settle_workshop(&mut tx, event, session_id, now).await?;
    let running = rows
        .iter()
        .find(|(_, r)| *r == registration_id)
        .is_some_and(|(p, _)| p.status == PlaceStatus::Offered);
    if !running {
        tx.commit().await?;
        return Ok(Err(Refusal::NoOffer));
    }
    match answer {
        OfferAnswer::Accept => {
            sqlx::query(
                "UPDATE workshop_places SET status = 'confirmed', offer_expires_at = NULL, updated_at = $1 \
                 WHERE registration_id = $2 AND session_id = $3",
            )
            .bind(now)
            .bind(registration_id)
            .bind(session_id)
            .execute(&mut *tx)
            .await?;
        }
        OfferAnswer::Decline => {
            offers.extend(leave_workshop(&mut tx, event, registration_id, session_id, now).await?);
        }
    }
    tx.commit().await?;
    Ok(Ok(offers))
}

/// Settles every workshop with an offer past its deadline or people waiting:
/// run by the background sweep. Returns the offers made.
pub async fn sweep(db: &Db, now: i64) -> Result<Vec<Offer>, sqlx::Error> {
    let due: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT DISTINCT s.event_id, p.session_id FROM workshop_places p JOIN event_sessions s ON s.id = p.session_id \
         WHERE (p.status = 'offered' AND p.offer_expires_at <= $1) OR p.status = 'waiting' ORDER BY s.event_id",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut offers = Vec::new();
    let mut events: Vec<i64> = due.iter().map(|(e, _)| *e).collect();
    events.dedup();
    for event_id in events {
        let Some(event) = super::store::event_by_id(db, event_id).await? else {
            continue;
        };
        let mut tx = db.pool.begin().await?;
        lock_event(&mut tx, event_id).await?;
        for (_, session) in due.iter().filter(|(e, _)| *e == event_id) {
            offers.extend(settle_workshop(&mut tx, &event, *session, now).await?.1);
        }
        tx.commit().await?;
    }
    Ok(offers)
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
    pub profile: String,
    pub accessibility: String,
    pub dietary: String,
    pub ticket_code: String,
    pub status: String,
    pub lang: String,
    pub is_demo: i64,
    pub created_at: i64,
}

impl Registration {
    pub fn is_cancelled(&self) -> bool {
        self.status == "cancelled"
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
    sqlx::query_as(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r WHERE r.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
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

pub async fn details(db: &Db, registration: Registration) -> Result<Details, sqlx::Error> {
    let id = registration.id;
    let days: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT day_id, checked_in_at FROM registration_days WHERE registration_id = $1 ORDER BY day_id")
            .bind(id)
            .fetch_all(&db.pool)
            .await?;
    let rows: Vec<(i64, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, session_id, status, offer_expires_at FROM workshop_places WHERE registration_id = $1 ORDER BY session_id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let mut places = Vec::new();
    for (place_id, session_id, status, offer_expires_at) in rows {
        let Some(status) = PlaceStatus::parse(&status) else {
            continue;
        };
        let position = if status == PlaceStatus::Waiting {
            let ahead: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM workshop_places WHERE session_id = $1 AND status = 'waiting' AND id < $2",
            )
            .bind(session_id)
            .bind(place_id)
            .fetch_one(&db.pool)
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
    .fetch_all(&db.pool)
    .await?;
    Ok(Details {
        registration,
        days,
        places,
        answers,
    })
}

// ---- Figures ----

/// Seats taken: the event's live registrations, per day, per workshop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Occupancy {
    pub registered: u32,
    /// day id → (registered, arrived).
    pub days: std::collections::HashMap<i64, (u32, u32)>,
    /// workshop id → (seats held, waiting).
    pub workshops: std::collections::HashMap<i64, (u32, u32)>,
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

// ---- Check-in ----

/// Checks a ticket in for a day. Two staff members typing the same code at
/// once get one "admitted" and one "already used": the arrival is recorded
/// only if none was.
pub async fn check_in(
    db: &Db,
    event_id: i64,
    day_id: i64,
    code: &str,
    staff_id: i64,
    now: i64,
) -> Result<(CheckIn, Option<Registration>), sqlx::Error> {
    let Some(registration) = by_code(db, event_id, code).await? else {
        return Ok((CheckIn::Unknown, None));
    };
    for _ in 0..2 {
        let day: Option<Option<i64>> =
            sqlx::query_scalar("SELECT checked_in_at FROM registration_days WHERE registration_id = $1 AND day_id = $2")
                .bind(registration.id)
                .bind(day_id)
                .fetch_optional(&db.pool)
                .await?;
        let decision = checkin::check_in(Some(TicketState {
            cancelled: registration.is_cancelled(),
            day,
        }));
        if decision != CheckIn::Admitted {
            return Ok((decision, Some(registration)));
        }
        let done = sqlx::query(
            "UPDATE registration_days SET checked_in_at = $1, checked_in_by = $2 \
             WHERE registration_id = $3 AND day_id = $4 AND checked_in_at IS NULL",
        )
        .bind(now)
        .bind(staff_id)
        .bind(registration.id)
        .bind(day_id)
        .execute(&db.pool)
        .await?;
        if done.rows_affected() == 1 {
            return Ok((CheckIn::Admitted, Some(registration)));
        }
        // Someone else checked this ticket in meanwhile: read again and say so.
    }
    Ok((CheckIn::AlreadyUsed(now), Some(registration)))
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
    let places: Vec<(i64, i64, String)> = sqlx::query_as(
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
    use std::collections::HashMap;
    let mut day_map: HashMap<i64, Vec<(i64, Option<i64>)>> = HashMap::new();
    for (r, d, at) in days {
        day_map.entry(r).or_default().push((d, at));
    }
    let mut place_map: HashMap<i64, Vec<(i64, PlaceStatus)>> = HashMap::new();
    for (r, s, status) in places {
        if let Some(status) = PlaceStatus::parse(&status) {
            place_map.entry(r).or_default().push((s, status));
        }
    }
    let mut answer_map: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for (r, q, a) in answers {
        answer_map.entry(r).or_default().push((q, a));
    }
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
