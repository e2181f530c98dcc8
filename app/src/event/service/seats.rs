//! The registration commands that take or free seats, each owning its
//! transaction: register, change, cancel, answer a seat offer, and the sweep
//! that passes on seats nobody confirmed.
//!
//! Every one starts by locking the event (`store::seats::lock_event`); seats
//! are then counted inside the transaction, so concurrent requests for the
//! last seats get exactly as many seats as exist. Waiting-list offers are made
//! in the same transaction as the seat they fill is freed, and the mails that
//! announce a change (ticket, offers) are queued in it too. A transaction that
//! loses a race for now (a deadlock, a busy database) is run again.

use super::mailing::{queue_confirmation, queue_offers};
use crate::event::logic::capacity::{self, PlaceStatus, Placement};
use crate::event::logic::{ticket, NewRegistration};
use crate::event::store::registrations::{self as regs, NewRow};
pub use crate::event::store::seats::Offer;
use crate::event::store::seats::{self, Place};
use crate::event::store::{self, Event, Programme, Tx};
use crate::ssr::db::{is_unique_violation, retry_transient};
use crate::ssr::settings::Settings;
use crate::ssr::Db;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    pub registration_id: i64,
    pub token: String,
    pub ticket_code: String,
    /// Offers made to others while settling workshops on the way.
    pub offers: Vec<Offer>,
}

/// Who registers, beside what they asked for.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub lang: &'a str,
    pub is_demo: bool,
    pub now: i64,
}

/// What the person does with an offered seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAnswer {
    Accept,
    Decline,
}

/// Expires stale offers of a workshop and offers its free seats to the first
/// people waiting (see `capacity::settle`). The caller holds the event lock.
async fn settle_workshop(
    tx: &mut Tx<'_>,
    event: &Event,
    session_id: i64,
    now: i64,
) -> Result<(Vec<Place>, Vec<Offer>), sqlx::Error> {
    let Some(seats) = seats::workshop_seats(tx, event.id, session_id).await? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let places = seats::places_of(tx, session_id).await?;
    let rows: Vec<_> = places.iter().map(Place::row).collect();
    let settlement = capacity::settle(seats, &rows, now, event.offer_hours);
    if settlement.is_empty() {
        return Ok((places, Vec::new()));
    }
    for id in &settlement.expire {
        seats::expire_place(tx, *id, now).await?;
    }
    let mut offers = Vec::new();
    for id in &settlement.offer {
        seats::offer_place(tx, *id, settlement.offer_expires_at, now).await?;
        if let Some(place) = places.iter().find(|p| p.id == *id) {
            offers.push(Offer {
                registration_id: place.registration_id,
                session_id,
                expires_at: settlement.offer_expires_at,
            });
        }
    }
    let places = seats::places_of(tx, session_id).await?;
    Ok((places, offers))
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
    let Some(seats) = seats::workshop_seats(tx, event.id, session_id).await? else {
        return Ok(Vec::new());
    };
    // Lazily expire stale offers first, so a seat nobody confirmed is not kept from anyone.
    let (places, offers) = settle_workshop(tx, event, session_id, now).await?;
    let rows: Vec<_> = places.iter().map(Place::row).collect();
    let status = match capacity::place(seats, &rows, now) {
        Placement::Confirmed => PlaceStatus::Confirmed,
        Placement::Waiting => PlaceStatus::Waiting,
    };
    seats::insert_place(tx, registration_id, session_id, status, now).await?;
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
    seats::delete_place(tx, registration_id, session_id).await?;
    Ok(settle_workshop(tx, event, session_id, now).await?.1)
}

/// Whether a day still has a seat, inside the transaction.
async fn day_has_room(tx: &mut Tx<'_>, event_id: i64, day: i64) -> Result<bool, sqlx::Error> {
    Ok(matches!(
        seats::day_load(tx, event_id, day).await?,
        Some((seats, taken)) if capacity::has_room(seats, taken)
    ))
}

/// Registers someone: refused when the event or a chosen day is full or the
/// email already has a live registration; workshops that are full put the
/// person on their waiting list.
/// The ticket mail and the offers made on the way are queued with it.
pub async fn register(
    db: &Db,
    settings: &Settings,
    p: &Programme,
    new: &NewRegistration,
    origin: Origin<'_>,
) -> Result<Result<Registered, Refusal>, sqlx::Error> {
    // A ticket code may (very rarely) collide with another event's: draw again.
    retry_transient(|| async move {
        let mut collisions = 2;
        loop {
            match try_register(db, settings, p, new, origin).await {
                Err(e) if is_unique_violation(&e) && collisions > 0 => collisions -= 1,
                other => return other,
            }
        }
    })
    .await
}

async fn try_register(
    db: &Db,
    settings: &Settings,
    p: &Programme,
    new: &NewRegistration,
    origin: Origin<'_>,
) -> Result<Result<Registered, Refusal>, sqlx::Error> {
    // The ticket code and its QR code are drawn before the transaction, so
    // that the event's seats are held only for the writes.
    let code = ticket::new_code(&mut rand::thread_rng());
    let qr = {
        let code = code.clone();
        tokio::task::spawn_blocking(move || crate::event::exports::tickets::qr_png(&code))
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("ticket QR code: {e}")))?
    };
    let mut tx = db.pool.begin().await?;
    let done = register_in(&mut tx, &p.event, new, origin, code).await?;
    if let Ok(done) = &done {
        queue_offers(&mut tx, settings, &p.event, &done.offers, origin.now).await?;
        // One ticket mail per address and window: a cancel and a new
        // registration within it are shown their ticket page and not mailed
        // again, so nobody can make the server mail someone else repeatedly.
        if claim_confirmation(&mut tx, p, &new.email).await? {
            let ticket = (done.registration_id, done.token.as_str());
            queue_confirmation(&mut tx, settings, p, ticket, None, Some(qr)).await?;
        }
        tx.commit().await?;
    }
    Ok(done)
}

/// Claims, in `tx`, the one ticket mail per window to `email` about this event
/// (see `mail::confirmations`).
async fn claim_confirmation(
    tx: &mut Tx<'_>,
    p: &Programme,
    email: &str,
) -> Result<bool, sqlx::Error> {
    let target = crate::mail::confirmations::target("event", p.event.id);
    crate::mail::confirmations::claim(tx, &target, email).await
}

/// The ticket mail again, with a fresh private link, for an address holding a
/// live registration whose mail was lost: at most once per window, queued in
/// the transaction that claims it. `None` when the address holds no live
/// registration, `Some(false)` when a mail went to it within the window.
pub async fn resend_ticket(
    db: &Db,
    settings: &Settings,
    p: &Programme,
    email: &str,
    now: i64,
) -> Result<Option<bool>, sqlx::Error> {
    retry_transient(|| async move {
        let mut tx = db.pool.begin().await?;
        // The write comes first: on SQLite a transaction that read before
        // writing cannot take the write lock once another connection wrote.
        let claimed = claim_confirmation(&mut tx, p, email).await?;
        let Some(id) = regs::live_with_email(&mut tx, p.event.id, email, None).await? else {
            return Ok(None);
        };
        if !claimed {
            return Ok(Some(false));
        }
        let token = regs::mint_token(&mut tx, id, now).await?;
        queue_confirmation(&mut tx, settings, p, (id, &token), None, None).await?;
        tx.commit().await?;
        Ok(Some(true))
    })
    .await
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
        let code = ticket::new_code(&mut rand::thread_rng());
        registered += usize::from(
            register_in(&mut tx, event, new, origin, code)
                .await?
                .is_ok(),
        );
    }
    tx.commit().await?;
    Ok(registered)
}

/// The registration itself, inside the caller's transaction, with the
/// ticket `code` drawn by the caller.
async fn register_in(
    tx: &mut Tx<'_>,
    event: &Event,
    new: &NewRegistration,
    origin: Origin<'_>,
    code: String,
) -> Result<Result<Registered, Refusal>, sqlx::Error> {
    let now = origin.now;
    seats::lock_event(tx, event.id).await?;
    let seats_of_event = seats::event_seats(tx, event.id).await?;
    if !capacity::has_room(seats_of_event, seats::active_count(tx, event.id).await?) {
        return Ok(Err(Refusal::EventFull));
    }
    if regs::live_with_email(tx, event.id, &new.email, None)
        .await?
        .is_some()
    {
        return Ok(Err(Refusal::AlreadyRegistered));
    }
    for day in &new.days {
        if !day_has_room(tx, event.id, *day).await? {
            return Ok(Err(Refusal::DayFull(*day)));
        }
    }
    let row = NewRow {
        event_id: event.id,
        new,
        ticket_code: &code,
        lang: origin.lang,
        is_demo: origin.is_demo,
        now,
    };
    let id = regs::insert(tx, &row).await?;
    for day in &new.days {
        regs::add_day(tx, id, *day).await?;
    }
    let mut offers = Vec::new();
    for workshop in &new.workshops {
        offers.extend(request_place(tx, event, id, *workshop, now).await?);
    }
    regs::write_answers(tx, id, &new.answers).await?;
    let token = regs::mint_token(tx, id, now).await?;
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
    settings: &Settings,
    event: &Event,
    registration_id: i64,
    new: &NewRegistration,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    retry_transient(|| try_update(db, settings, event, registration_id, new, now)).await
}

async fn try_update(
    db: &Db,
    settings: &Settings,
    event: &Event,
    registration_id: i64,
    new: &NewRegistration,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    seats::lock_event(&mut tx, event.id).await?;
    if !regs::is_live(&mut tx, event.id, registration_id).await? {
        return Ok(Err(Refusal::Cancelled));
    }
    if regs::live_with_email(&mut tx, event.id, &new.email, Some(registration_id))
        .await?
        .is_some()
    {
        return Ok(Err(Refusal::AlreadyRegistered));
    }
    let days = regs::days_of(&mut tx, registration_id).await?;
    for day in new.days.iter().filter(|d| !days.contains(d)) {
        if !day_has_room(&mut tx, event.id, *day).await? {
            return Ok(Err(Refusal::DayFull(*day)));
        }
        regs::add_day(&mut tx, registration_id, *day).await?;
    }
    for day in days.iter().filter(|d| !new.days.contains(d)) {
        regs::remove_day(&mut tx, registration_id, *day).await?;
    }
    seats::delete_expired_places(&mut tx, registration_id).await?;
    let current = seats::workshops_of(&mut tx, registration_id).await?;
    let mut offers = Vec::new();
    for session in current.iter().filter(|s| !new.workshops.contains(s)) {
        offers.extend(leave_workshop(&mut tx, event, registration_id, *session, now).await?);
    }
    for session in new.workshops.iter().filter(|s| !current.contains(s)) {
        offers.extend(request_place(&mut tx, event, registration_id, *session, now).await?);
    }
    regs::update_details(&mut tx, registration_id, new, now).await?;
    regs::write_answers(&mut tx, registration_id, &new.answers).await?;
    queue_offers(&mut tx, settings, event, &offers, now).await?;
    tx.commit().await?;
    Ok(Ok(offers))
}

/// Cancels a registration: its day seats and workshop places are freed, and
/// the first people waiting are offered the seats, in the same transaction.
pub async fn cancel(
    db: &Db,
    settings: &Settings,
    event: &Event,
    registration_id: i64,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    retry_transient(|| try_cancel(db, settings, event, registration_id, now)).await
}

async fn try_cancel(
    db: &Db,
    settings: &Settings,
    event: &Event,
    registration_id: i64,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    seats::lock_event(&mut tx, event.id).await?;
    if !regs::mark_cancelled(&mut tx, event.id, registration_id, now).await? {
        return Ok(Err(Refusal::Cancelled));
    }
    let sessions = seats::workshops_of(&mut tx, registration_id).await?;
    let mut offers = Vec::new();
    for session in sessions {
        offers.extend(leave_workshop(&mut tx, event, registration_id, session, now).await?);
    }
    queue_offers(&mut tx, settings, event, &offers, now).await?;
    tx.commit().await?;
    Ok(Ok(offers))
}

/// What an answer to an offer is about: the registration, reached by its
/// private link (`token`, quoted in the confirmation mail), and the workshop.
#[derive(Debug, Clone, Copy)]
pub struct OfferReply<'a> {
    pub registration_id: i64,
    pub token: &'a str,
    pub session_id: i64,
    pub answer: OfferAnswer,
}

/// Confirms or declines an offered seat. An offer past its deadline cannot be
/// accepted: the seat goes to the next person instead. An accepted seat's
/// confirmation mail is queued with it.
pub async fn answer_offer(
    db: &Db,
    settings: &Settings,
    p: &Programme,
    reply: OfferReply<'_>,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    retry_transient(|| try_answer_offer(db, settings, p, reply, now)).await
}

async fn try_answer_offer(
    db: &Db,
    settings: &Settings,
    p: &Programme,
    reply: OfferReply<'_>,
    now: i64,
) -> Result<Result<Vec<Offer>, Refusal>, sqlx::Error> {
    let OfferReply {
        registration_id,
        token,
        session_id,
        answer,
    } = reply;
    let event = &p.event;
    let mut tx = db.pool.begin().await?;
    seats::lock_event(&mut tx, event.id).await?;
    if !regs::is_live(&mut tx, event.id, registration_id).await? {
        return Ok(Err(Refusal::Cancelled));
    }
    // Settling first expires this offer if its time is up.
    let (places, mut offers) = settle_workshop(&mut tx, event, session_id, now).await?;
    let running = places
        .iter()
        .find(|p| p.registration_id == registration_id)
        .is_some_and(|p| p.status == PlaceStatus::Offered);
    if !running {
        queue_offers(&mut tx, settings, event, &offers, now).await?;
        tx.commit().await?;
        return Ok(Err(Refusal::NoOffer));
    }
    match answer {
        OfferAnswer::Accept => {
            seats::confirm_place(&mut tx, registration_id, session_id, now).await?;
            let ticket = (registration_id, token);
            queue_confirmation(&mut tx, settings, p, ticket, Some(session_id), None).await?;
        }
        OfferAnswer::Decline => {
            offers.extend(leave_workshop(&mut tx, event, registration_id, session_id, now).await?);
        }
    }
    queue_offers(&mut tx, settings, event, &offers, now).await?;
    tx.commit().await?;
    Ok(Ok(offers))
}

/// Settles every workshop with an offer past its deadline or people waiting:
/// run by the background sweep. Returns the offers made.
pub async fn settle_due(db: &Db, settings: &Settings, now: i64) -> Result<Vec<Offer>, sqlx::Error> {
    let due = seats::due_workshops(db, now).await?;
    let mut offers = Vec::new();
    let mut events: Vec<i64> = due.iter().map(|(e, _)| *e).collect();
    events.dedup();
    for event_id in events {
        let Some(event) = store::event_by_id(db, event_id).await? else {
            continue;
        };
        let sessions: Vec<i64> = due
            .iter()
            .filter(|(e, _)| *e == event_id)
            .map(|(_, s)| *s)
            .collect();
        let (sessions, event) = (&sessions, &event);
        let made = retry_transient(|| async move {
            let mut tx = db.pool.begin().await?;
            seats::lock_event(&mut tx, event_id).await?;
            let mut made = Vec::new();
            for session in sessions {
                made.extend(settle_workshop(&mut tx, event, *session, now).await?.1);
            }
            queue_offers(&mut tx, settings, event, &made, now).await?;
            tx.commit().await?;
            Ok(made)
        })
        .await?;
        offers.extend(made);
    }
    Ok(offers)
}

/// One pass of the background sweep: expired offers pass their seats on
/// (their mails queued with them), and reminders go out. Returns the offers made.
pub async fn sweep(db: &Db, settings: &Settings) -> Result<Vec<Offer>, sqlx::Error> {
    let offers = settle_due(db, settings, crate::ssr::db::now()).await?;
    super::mailing::send_reminders(db, settings).await?;
    Ok(offers)
}
