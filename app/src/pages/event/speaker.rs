//! One speaker: who they are and the sessions they speak at.

use super::{breadcrumb, demo_mark, hours, kind_label, load, speaker_line};
use crate::components::{load_page, Page};
use crate::event::service;
use crate::pages::param;
use crate::ssr::Tr;
use leptos::prelude::*;

#[component]
pub fn SpeakerPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    load_page(load(param("slug")), move |(_ctx, view)| {
        let p = view.programme;
        let Some(sp) = p.speaker(id).cloned() else {
            return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
        };
        let base = service::event_path(&p.event);
        let sessions = p
            .sessions
            .iter()
            .filter(|s| s.speaker_ids.contains(&sp.id))
            .map(|s| {
                let day = p
                    .day(s.day_id)
                    .map(|d| tr.date(*d.date))
                    .unwrap_or_default();
                view! {
                    <li class="card">
                        <p class="session-when">{day}", "{hours(s)}</p>
                        <h3><a href=format!("{base}/sessions/{}", s.id)>{s.title.clone()}</a></h3>
                        <p class="session-kind">{kind_label(tr, s.kind)}</p>
                    </li>
                }
            })
            .collect_view();
        let photo = super::speaker_photo::speaker_photo(tr, &sp);
        view! {
            <Page title=format!("{} · {}", sp.name, p.event.title)>
                {breadcrumb(tr, &p, Some(sp.name.clone()))}
                <h1>{sp.name.clone()}" "{demo_mark(tr, &sp)}</h1>
                {photo}
                <p class="lead">{speaker_line(&sp)}</p>
                {(!sp.bio.is_empty()).then(|| view! { <p>{sp.bio.clone()}</p> })}
                <h2>{tr.t("speaker-sessions")}</h2>
                <ul class="cards">{sessions}</ul>
                <p><a href=base>{tr.t("programme-back")}</a></p>
            </Page>
        }
        .into_any()
    })
}
