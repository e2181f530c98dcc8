//! Attendee lists for event staff, by event, day and workshop, with the
//! CSV and XLSX exports of the same list.

use super::hours;
use crate::components::{load_page, Page};
use crate::error::AppError;
use crate::event::exports::attendees::{table, Filter};
use crate::event::service;
use crate::event::service::AttendeesView;
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::{param, query};
use crate::ssr::Tr;
use leptos::prelude::*;

#[component]
pub fn AttendeesPage() -> impl IntoView {
    let tr = Tr::current();
    let filter = Filter::parse(query("day").as_deref(), query("workshop").as_deref());
    let data = async move {
        let ctx = staff_ctx(Role::EventStaff)?;
        let AttendeesView {
            programme,
            attendees,
        } = service::attendees_view(&ctx, &param("slug")).await?;
        Ok::<_, AppError>((programme, attendees))
    };
    load_page(data, move |(p, attendees)| {
        let base = service::event_path(&p.event);
        let (header, rows) = table(tr, &p, &attendees, filter);
        let cancelled = attendees
            .iter()
            .filter(|a| a.registration.is_cancelled())
            .count();
        let day_options = p
            .days
            .iter()
            .map(|d| view! { <option value=d.id selected=filter.day == Some(d.id)>{tr.date(*d.date)}</option> })
            .collect_view();
        let workshop_options = p
            .workshops()
            .map(|s| {
                let day = p.day(s.day_id).map(|d| tr.date(*d.date)).unwrap_or_default();
                view! { <option value=s.id selected=filter.workshop == Some(s.id)>{format!("{} ({day}, {})", s.title, hours(s))}</option> }
            })
            .collect_view();
        let head = header
            .iter()
            .map(|h| view! { <th scope="col">{h.clone()}</th> })
            .collect_view();
        let count = rows.len();
        let badges = super::badges::badges_path(&p.event.slug);
        // `table` keeps the attendees `filter` keeps, in order: each row's registration.
        let kept = attendees.iter().filter(|a| filter.keeps(a));
        let body = rows
            .into_iter()
            .zip(kept)
            .map(|(row, a)| {
                let mut cells = row.into_iter();
                let first = cells.next().unwrap_or_default();
                let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
                let r = &a.registration;
                let badge = (!r.is_cancelled()).then(|| view! {
                    <a href=format!("{badges}?registration={}", r.id)>
                        {tr.t("badge-one")}<span class="visually-hidden">" "{format!("{} {}", r.first_name, r.last_name)}</span>
                    </a>
                });
                view! { <tr><th scope="row">{first}</th>{rest}<td>{badge}</td></tr> }
            })
            .collect_view();
        let q = filter.query();
        let export = format!("/api/staff/events/{}/attendees", p.event.slug);
        view! {
            <Page title=format!("{} · {}", tr.t("attendees-title"), p.event.title)>
                {super::breadcrumb(tr, &p, Some(tr.t("attendees-title")))}
                <h1>{tr.t("attendees-title")}</h1>
                <form method="get" action=format!("{base}/attendees") class="row filters">
                    <div class="field">
                        <label for="f-day">{tr.t("programme-day")}</label>
                        <select id="f-day" name="day">
                            <option value="">{tr.t("programme-all-days")}</option>
                            {day_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-workshop">{tr.t("attendees-workshop")}</label>
                        <select id="f-workshop" name="workshop">
                            <option value="">{tr.t("attendees-all-workshops")}</option>
                            {workshop_options}
                        </select>
                    </div>
                    <button type="submit" class="button secondary">{tr.t("programme-apply")}</button>
                </form>
                <p>{tr.t_args("attendees-count", &[("count", count.to_string()), ("cancelled", cancelled.to_string())])}</p>
                <p class="actions">
                    <a class="button secondary" href=format!("{export}.csv{q}") download="">{tr.t("attendees-export-csv")}</a>
                    <a class="button secondary" href=format!("{export}.xlsx{q}") download="">{tr.t("attendees-export-xlsx")}</a>
                    <a class="button secondary" href=format!("{}{}", super::badges::badges_path(&p.event.slug), filter.day.map(|d| format!("?day={d}")).unwrap_or_default())>{tr.t("badges-link")}</a>
                </p>
                // A wide table scrolls sideways: keyboard users can reach it.
                <div class="table-scroll" tabindex="0" role="region" aria-label=tr.t("attendees-title")>
                    <table class="attendees">
                        <caption class="visually-hidden">{tr.t("attendees-title")}</caption>
                        <thead><tr>{head}<th scope="col">{tr.t("badge-one")}</th></tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </Page>
        }
    })
}
