//! Name badges to print for event staff: everyone registered (or one day's
//! people, or one person from the attendee list), 8 per A4 sheet through the
//! print stylesheet. Cancelled registrations get none.

use super::breadcrumb;
use crate::components::{load_page, Page};
use crate::error::AppError;
use crate::event::service;
use crate::event::service::AttendeesView;
use crate::event::store::registrations::Attendee;
use crate::event::store::Programme;
use crate::event::wording::profile_label;
use crate::islands::PrintButton;
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::{param, query};
use crate::ssr::Tr;
use leptos::prelude::*;

/// Badges on one A4 sheet: 2 columns of 4.
pub const PER_SHEET: usize = 8;

/// The badges page of an event.
pub fn badges_path(slug: &str) -> String {
    format!("/admin/events/{slug}/badges")
}

/// Who gets a badge: live registrations only, of `day` when given, or the one
/// registration asked for.
pub fn badge_holders(
    attendees: &[Attendee],
    day: Option<i64>,
    registration: Option<i64>,
) -> Vec<&Attendee> {
    attendees
        .iter()
        .filter(|a| !a.registration.is_cancelled())
        .filter(|a| day.is_none_or(|d| a.days.iter().any(|(id, _)| *id == d)))
        .filter(|a| registration.is_none_or(|r| a.registration.id == r))
        .collect()
}

fn badge(tr: Tr, p: &Programme, a: &Attendee) -> impl IntoView {
    let r = &a.registration;
    view! {
        <li class="name-badge">
            <p class="badge-event">{p.event.title.clone()}</p>
            <p class="badge-name">
                <span class="badge-first">{r.first_name.clone()}</span>" "
                <span class="badge-last">{r.last_name.clone()}</span>
            </p>
            {(!r.organisation.is_empty()).then(|| view! { <p class="badge-org">{r.organisation.clone()}</p> })}
            <p class="badge-profile">{profile_label(tr, r.profile)}</p>
        </li>
    }
}

#[component]
pub fn BadgesPage() -> impl IntoView {
    let tr = Tr::current();
    let day: Option<i64> = query("day").and_then(|d| d.parse().ok());
    let registration: Option<i64> = query("registration").and_then(|d| d.parse().ok());
    let data = async move {
        let ctx = staff_ctx(Role::EventStaff)?;
        let AttendeesView {
            programme,
            attendees,
        } = service::attendees_view(&ctx, &param("slug")).await?;
        Ok::<_, AppError>((programme, attendees))
    };
    load_page(data, move |(p, attendees)| {
        let holders = badge_holders(&attendees, day, registration);
        let count = holders.len();
        let sheets = holders
            .chunks(PER_SHEET)
            .map(|chunk| {
                let badges = chunk.iter().map(|a| badge(tr, &p, a)).collect_view();
                view! { <ul class="badge-sheet">{badges}</ul> }
            })
            .collect_view();
        let day_options = p
            .days
            .iter()
            .map(|d| view! { <option value=d.id selected=day == Some(d.id)>{tr.date(*d.date)}</option> })
            .collect_view();
        let title = tr.t("badges-title");
        view! {
            <Page title=format!("{title} · {}", p.event.title)>
                <div class="no-print">
                    {breadcrumb(tr, &p, Some(title.clone()))}
                    <h1>{title.clone()}</h1>
                    <p>{tr.t("badges-intro")}</p>
                    <form method="get" action=badges_path(&p.event.slug) class="row filters">
                        <div class="field">
                            <label for="f-day">{tr.t("badges-day")}</label>
                            <select id="f-day" name="day">
                                <option value="">{tr.t("badges-all-days")}</option>
                                {day_options}
                            </select>
                        </div>
                        <button type="submit" class="button secondary">{tr.t("badges-apply")}</button>
                    </form>
                    <p role="status">{tr.t_args("badges-count", &[("count", count.to_string())])}</p>
                    <PrintButton label=tr.t("badges-print")/>
                    <noscript><p class="hint">{tr.t("badges-print-hint")}</p></noscript>
                </div>
                {if count == 0 {
                    view! { <p>{tr.t("badges-none")}</p> }.into_any()
                } else {
                    view! { <div class="badge-sheets">{sheets}</div> }.into_any()
                }}
            </Page>
        }
    })
}
