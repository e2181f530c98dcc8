//! The event's pages, views only (each gets one read model from
//! `event::service`): the public programme (by day and theme), one page
//! per session and speaker, the registration form, the private registration
//! page, and for event staff the check-in, arrivals and attendee lists.

pub mod attendees;
pub mod avenues;
pub mod badges;
pub mod checkin;
pub mod programme;
pub mod register;
pub mod registration;
pub mod session;
pub mod setup;
pub mod speaker;
pub mod speaker_photo;

use crate::error::AppError;
use crate::event::logic::programme::SessionKind;
use crate::event::service::{self, EventView};
use crate::event::store::registrations::Occupancy;
use crate::event::store::{Programme, Session, Speaker};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

/// The event named in the route: its read model for the public pages.
pub async fn load(slug: String) -> Result<(Ctx, EventView), AppError> {
    let ctx = Ctx::get()?;
    let view = service::event_view(&ctx, &slug).await?;
    Ok((ctx, view))
}

pub fn breadcrumb(tr: Tr, p: &Programme, here: Option<String>) -> impl IntoView {
    let base = service::event_path(&p.event);
    let last = match here {
        Some(h) => view! {
            <li><a href=base>{p.event.title.clone()}</a></li>
            <li aria-current="page">{h}</li>
        }
        .into_any(),
        None => view! { <li aria-current="page">{p.event.title.clone()}</li> }.into_any(),
    };
    view! {
        <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
            <ol>
                <li><a href="/">{tr.t("nav-home")}</a></li>
                {last}
            </ol>
        </nav>
    }
}

/// "14:00 – 16:30".
pub fn hours(s: &Session) -> String {
    format!("{} – {}", s.starts_at, s.ends_at)
}

/// Seats left in a workshop, or that it is full and has a waiting list;
/// said in words, never by colour alone.
pub fn seats_left(tr: Tr, s: &Session, occupancy: &Occupancy) -> Option<String> {
    let seats = s.seats?;
    let (held, waiting) = occupancy.workshops.get(&s.id).copied().unwrap_or((0, 0));
    let left = seats.saturating_sub(held);
    Some(if left == 0 || waiting > 0 {
        tr.t_args("workshop-full", &[("waiting", waiting.to_string())])
    } else {
        tr.t_args(
            "workshop-seats-left",
            &[("count", left.to_string()), ("seats", seats.to_string())],
        )
    })
}

/// Whether a workshop has no seat for a newcomer.
pub fn workshop_full(s: &Session, occupancy: &Occupancy) -> bool {
    let (held, waiting) = occupancy.workshops.get(&s.id).copied().unwrap_or((0, 0));
    s.seats.is_some_and(|seats| held >= seats || waiting > 0)
}

pub fn speaker_line(s: &Speaker) -> String {
    [s.role.as_str(), s.organisation.as_str()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The mark on invented people of the demo programme.
pub fn demo_mark(tr: Tr, s: &Speaker) -> impl IntoView {
    s.is_demo
        .then(|| view! { <span class="badge badge-demo">{tr.t("speaker-demo")}</span> })
}

/// The name of a kind of session.
pub fn kind_label(tr: Tr, kind: SessionKind) -> String {
    tr.t(match kind {
        SessionKind::Plenary => "session-kind-plenary",
        SessionKind::RoundTable => "session-kind-round-table",
        SessionKind::Workshop => "session-kind-workshop",
    })
}
