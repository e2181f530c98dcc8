//! The public programme: days, sessions with times, rooms, themes and
//! speakers; filterable by day and theme with a plain GET form.

use super::{breadcrumb, demo_mark, hours, kind_label, load, seats_left, speaker_line};
use crate::components::{load_page, Page};
use crate::event::service::{self, avenues, EventView};
use crate::pages::{param, query};
use crate::ssr::{markdown, Tr};
use leptos::prelude::*;

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let tr = Tr::current();
    let day_filter: Option<i64> = query("day").and_then(|d| d.parse().ok());
    let theme_filter: Option<i64> = query("theme").and_then(|d| d.parse().ok());
    load_page(load(param("slug")), move |(ctx, view)| {
        let EventView {
            programme: p,
            occupancy,
            open,
            published_avenues: avenues,
        } = view;
        let base = service::event_path(&p.event);
        let dates = match (p.days.first(), p.days.last()) {
            (Some(a), Some(b)) => tr.date_range(*a.date, *b.date),
            _ => String::new(),
        };
        let cta = if open {
            view! { <p><a class="button big" href=format!("{base}/register")>{tr.t("registration-submit")}</a></p> }.into_any()
        } else {
            view! { <p class="notice">{tr.t("registration-error-closed")}</p> }.into_any()
        };
        let day_options = p
            .days
            .iter()
            .map(|d| view! { <option value=d.id selected=day_filter == Some(d.id)>{tr.date(*d.date)}</option> })
            .collect_view();
        let theme_options = p
            .themes
            .iter()
            .map(|(id, name)| view! { <option value=*id selected=theme_filter == Some(*id)>{name.clone()}</option> })
            .collect_view();
        let filtered = day_filter.is_some() || theme_filter.is_some();
        let days = p
            .days
            .iter()
            .filter(|d| day_filter.is_none_or(|f| f == d.id))
            .map(|d| {
                let sessions: Vec<_> = p
                    .sessions
                    .iter()
                    .filter(|s| s.day_id == d.id)
                    .filter(|s| theme_filter.is_none_or(|t| s.theme_ids.contains(&t)))
                    .collect();
                let items = if sessions.is_empty() {
                    view! { <p>{tr.t("programme-nothing")}</p> }.into_any()
                } else {
                    let cards = sessions
                        .into_iter()
                        .map(|s| {
                            let themes = s.theme_ids.iter().filter_map(|t| p.theme(*t).map(|name| (*t, name))).map(|(id, t)| view! { <li class=format!("theme-{id}")>{t.to_owned()}</li> }).collect_view();
                            let speakers = s
                                .speaker_ids
                                .iter()
                                .filter_map(|id| p.speaker(*id))
                                .map(|sp| view! { <li><a href=format!("{base}/speakers/{}", sp.id)>{sp.name.clone()}</a></li> })
                                .collect_view();
                            let seats = seats_left(tr, s, &occupancy).map(|t| view! { <p class="seats">{t}</p> });
                            let room = (!s.room.is_empty()).then(|| view! { <span>" · "{s.room.clone()}</span> });
                            view! {
                                <li class=format!("card session session-{}", s.kind.as_str())>
                                    <p class="session-when"><strong>{hours(s)}</strong>{room}</p>
                                    <p class="session-kind">{kind_label(tr, s.kind)}</p>
                                    <h3><a href=format!("{base}/sessions/{}", s.id)>{s.title.clone()}</a></h3>
                                    {seats}
                                    {(!s.speaker_ids.is_empty()).then(|| view! { <ul class="speaker-names" aria-label=tr.t("session-speakers")>{speakers}</ul> })}
                                    {(!s.theme_ids.is_empty()).then(|| view! { <ul class="tags" aria-label=tr.t("session-themes")>{themes}</ul> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="cards">{cards}</ul> }.into_any()
                };
                view! {
                    <section class="programme-day" aria-labelledby=format!("day-{}", d.id)>
                        <h2 id=format!("day-{}", d.id)>{tr.date(*d.date)}</h2>
                        {items}
                    </section>
                }
            })
            .collect_view();
        let speakers = p
            .speakers
            .iter()
            .map(|s| {
                view! {
                    <li>
                        {super::speaker_photo::speaker_thumb(s)}
                        <a href=format!("{base}/speakers/{}", s.id)>{s.name.clone()}</a>" "{demo_mark(tr, s)}
                        <br/><span class="hint">{speaker_line(s)}</span>
                    </li>
                }
            })
            .collect_view();
        let staff = ctx
            .viewer()
            .is_some_and(|u| u.role.allows(crate::model::Role::EventStaff))
            .then(|| {
                view! {
                    <nav aria-label=tr.t("event-staff-nav") class="actions">
                        <a href=format!("{base}/check-in")>{tr.t("checkin-title")}</a>
                        <a href=format!("{base}/attendees")>{tr.t("attendees-title")}</a>
                        <a href=format!("{base}/arrivals")>{tr.t("arrivals-title")}</a>
                        <a href=super::badges::badges_path(&p.event.slug)>{tr.t("badges-link")}</a>
                        <a href=avenues::public_path(&p.event.slug)>{tr.t("avenues-title")}</a>
                    </nav>
                }
            });
        view! {
            <Page title=p.event.title.clone()>
                {breadcrumb(tr, &p, None)}
                <h1>{p.event.title.clone()}</h1>
                {crate::pages::process::themes::chip_stylesheet()}
                {staff}
                <p class="phase-when">{dates}{(!p.event.venue.is_empty()).then(|| view! { <br/><span>{p.event.venue.clone()}</span> })}</p>
                <div class="prose" inner_html=markdown::render(&p.event.description_md)></div>
                {cta}
                {(avenues > 0).then(|| view! { <p><a href=avenues::public_path(&p.event.slug)>{tr.t("avenues-link")}</a></p> })}
                <h2>{tr.t("programme-title")}</h2>
                <form method="get" action=base.clone() class="filters row" aria-label=tr.t("programme-filter")>
                    <div class="field">
                        <label for="f-day">{tr.t("programme-day")}</label>
                        <select id="f-day" name="day">
                            <option value="">{tr.t("programme-all-days")}</option>
                            {day_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-theme">{tr.t("programme-theme")}</label>
                        <select id="f-theme" name="theme">
                            <option value="">{tr.t("programme-all-themes")}</option>
                            {theme_options}
                        </select>
                    </div>
                    <button type="submit" class="button secondary">{tr.t("programme-apply")}</button>
                </form>
                {filtered.then(|| view! { <p><a href=base.clone()>{tr.t("programme-clear")}</a></p> })}
                {days}
                <section aria-labelledby="speakers-title">
                    <h2 id="speakers-title">{tr.t("speakers-title")}</h2>
                    <ul class="speaker-list">{speakers}</ul>
                </section>
            </Page>
        }
    })
}
