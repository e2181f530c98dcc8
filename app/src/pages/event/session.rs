//! One session: when and where, what it is about, its themes and speakers.

use super::{breadcrumb, demo_mark, hours, kind_label, load, seats_left, speaker_line};
use crate::components::{load_page, Page};
use crate::event::service::{self, EventView};
use crate::pages::param;
use crate::ssr::{markdown, Tr};
use leptos::prelude::*;

#[component]
pub fn SessionPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    load_page(load(param("slug")), move |(_ctx, view)| {
        let EventView {
            programme: p,
            occupancy,
            open,
            ..
        } = view;
        let Some(s) = p.session(id).cloned() else {
            return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
        };
        let base = service::event_path(&p.event);
        let day = p
            .day(s.day_id)
            .map(|d| tr.date(*d.date))
            .unwrap_or_default();
        let themes = s
            .theme_ids
            .iter()
            .filter_map(|t| p.theme(*t).map(|name| (*t, name)))
            .map(|(id, t)| view! { <li class=format!("theme-{id}")>{t.to_owned()}</li> })
            .collect_view();
        let speakers = s
            .speaker_ids
            .iter()
            .filter_map(|id| p.speaker(*id))
            .map(|sp| {
                view! {
                    <li class="card">
                        <h3><a href=format!("{base}/speakers/{}", sp.id)>{sp.name.clone()}</a>" "{demo_mark(tr, sp)}</h3>
                        <p>{speaker_line(sp)}</p>
                    </li>
                }
            })
            .collect_view();
        let seats = seats_left(tr, &s, &occupancy);
        let open = s.is_workshop() && open;
        view! {
            <Page title=format!("{} · {}", s.title, p.event.title)>
                {breadcrumb(tr, &p, Some(s.title.clone()))}
                <p class="eyebrow">{kind_label(tr, s.kind)}</p>
                <h1>{s.title.clone()}</h1>
                {crate::pages::process::themes::chip_stylesheet()}
                <dl class="facts">
                    <dt>{tr.t("session-when")}</dt><dd>{day}", "{hours(&s)}</dd>
                    {(!s.room.is_empty()).then(|| view! { <dt>{tr.t("session-room")}</dt><dd>{s.room.clone()}</dd> })}
                    {seats.map(|t| view! { <dt>{tr.t("session-seats")}</dt><dd>{t}</dd> })}
                </dl>
                <div class="prose" inner_html=markdown::render(&s.description_md)></div>
                {open.then(|| view! { <p><a class="button" href=format!("{base}/register")>{tr.t("registration-submit")}</a></p> })}
                {(!s.theme_ids.is_empty()).then(|| view! {
                    <h2>{tr.t("session-themes")}</h2>
                    <ul class="tags">{themes}</ul>
                })}
                {(!s.speaker_ids.is_empty()).then(|| view! {
                    <h2>{tr.t("session-speakers")}</h2>
                    <ul class="cards">{speakers}</ul>
                })}
                <p><a href=base>{tr.t("programme-back")}</a></p>
            </Page>
        }
        .into_any()
    })
}
