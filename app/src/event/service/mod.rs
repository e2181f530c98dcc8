//! What the event component does: the commands its server functions run
//! (each owning its transaction) and one read model per page.
//!
//! - `seats`: the transactions that take or free seats (register, change,
//!   cancel, answer an offer, the sweep);
//! - `registration`: the person's commands through the form and the private link;
//! - `checkin`: the door;
//! - `programme`: the admins' programme editor;
//! - `avenues`: the workshops' action avenues;
//! - `mailing`: confirmation, offer and reminder mails (the background sweep is in `seats`).

pub mod avenues;
pub mod checkin;
pub mod mailing;
pub mod programme;
pub mod registration;
pub mod seats;

pub use seats::sweep;

use super::store::registrations::{self as regs, Attendee, Details, Occupancy};
use super::store::{self, avenues as avenue_store, Event, Programme};
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::db::now;
use crate::ssr::{Ctx, Db};
use chrono::NaiveDate;

/// The event behind a slug, with its programme; not found otherwise, or when
/// its process is a draft and the viewer is not staff.
pub async fn programme(ctx: &Ctx, slug: &str) -> Result<Programme, AppError> {
    let event = store::event_by_slug(&ctx.db, slug)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    crate::process::visibility::ensure_visible(ctx, event.component_id).await?;
    programme_of(ctx, event).await
}

pub(crate) async fn programme_of(ctx: &Ctx, event: Event) -> Result<Programme, AppError> {
    Ok(store::programme::programme(&ctx.db, event).await?)
}

pub fn event_path(event: &Event) -> String {
    format!("/events/{}", event.slug)
}

pub fn registration_path(event: &Event, token: &str) -> String {
    format!("/events/{}/registration/{token}", event.slug)
}

/// Registration is open until the event's last day, unless an admin closed it.
pub fn accepts_registrations(p: &Programme, today: NaiveDate) -> bool {
    *p.event.registration_open && p.days.last().is_some_and(|d| today <= *d.date)
}

/// The event's public pages (programme, session, speaker, registration form):
/// its programme with the seats taken.
pub struct EventView {
    pub programme: Programme,
    pub occupancy: Occupancy,
    /// Whether the registration form takes registrations today.
    pub open: bool,
    /// How many of its action avenues are published (whether to link to them).
    pub published_avenues: i64,
}

pub async fn event_view(ctx: &Ctx, slug: &str) -> Result<EventView, AppError> {
    let programme = programme(ctx, slug).await?;
    let occupancy = regs::occupancy(&ctx.db, programme.event.id, now()).await?;
    let published_avenues = avenue_store::published_count(&ctx.db, programme.event.id).await?;
    Ok(EventView {
        open: accepts_registrations(&programme, ctx.settings.today()),
        programme,
        occupancy,
        published_avenues,
    })
}

/// The private page of a registration.
pub struct RegistrationView {
    pub event: EventView,
    pub details: Details,
}

pub async fn registration_view(
    ctx: &Ctx,
    slug: &str,
    token: &str,
) -> Result<RegistrationView, AppError> {
    let event = event_view(ctx, slug).await?;
    let r = registration::by_token(ctx, &event.programme, token).await?;
    let details = regs::details(&ctx.db, r).await?;
    Ok(RegistrationView { event, details })
}

/// The door's pages (check-in, arrivals), for event staff.
pub struct DoorView {
    pub programme: Programme,
    pub occupancy: Occupancy,
}

pub async fn door_view(ctx: &Ctx, slug: &str) -> Result<DoorView, AppError> {
    ctx.require(Role::EventStaff)?;
    let programme = programme(ctx, slug).await?;
    let occupancy = regs::occupancy(&ctx.db, programme.event.id, now()).await?;
    Ok(DoorView {
        programme,
        occupancy,
    })
}

/// The attendee list and the badges, for event staff.
pub struct AttendeesView {
    pub programme: Programme,
    /// Live ones first, then by name.
    pub attendees: Vec<Attendee>,
}

pub async fn attendees_view(ctx: &Ctx, slug: &str) -> Result<AttendeesView, AppError> {
    ctx.require(Role::EventStaff)?;
    attendee_list(&ctx.db, slug)
        .await?
        .ok_or_else(|| ctx.not_found())
}

/// The attendee list behind a slug (the exports, which have no request
/// context, check the viewer themselves).
pub async fn attendee_list(db: &Db, slug: &str) -> Result<Option<AttendeesView>, sqlx::Error> {
    let Some(event) = store::event_by_slug(db, slug).await? else {
        return Ok(None);
    };
    let programme = store::programme::programme(db, event).await?;
    let attendees = regs::attendees(db, programme.event.id).await?;
    Ok(Some(AttendeesView {
        programme,
        attendees,
    }))
}

/// The live registration behind a private link for the event `slug`, with
/// its programme (the ticket downloads).
pub async fn live_ticket(
    db: &Db,
    viewer: Option<&crate::model::StaffUser>,
    slug: &str,
    token: &str,
) -> Result<Option<(Programme, Details)>, sqlx::Error> {
    let Some(event) = store::event_by_slug(db, slug).await? else {
        return Ok(None);
    };
    // A ticket is someone's own: its link works while the process is a draft
    // only for staff, like every other address of the event.
    if !crate::process::visibility::component_visible(db, viewer, event.component_id).await? {
        return Ok(None);
    }
    let Some(r) = regs::by_token(db, token).await? else {
        return Ok(None);
    };
    if r.event_id != event.id || r.is_cancelled() {
        return Ok(None);
    }
    let d = regs::details(db, r).await?;
    Ok(Some((store::programme::programme(db, event).await?, d)))
}
