//! The Rendez-vous citoyen's pages: the live page for participants, its
//! registration, the host console, the projector view and the settings.

pub mod console;
pub mod live;
pub mod projector;
pub mod register;
pub mod settings;

use crate::islands::{RoomForms, RoomLabels};
use crate::rendezvous::api::{Answer, Upvote};
use crate::rendezvous::store::Rendezvous;
use crate::ssr::Tr;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The island's texts in the request's language.
pub fn room_labels(tr: Tr) -> RoomLabels {
    let t = |k: &str| tr.t(k);
    RoomLabels {
        question_title: t("rendezvous-live-title"),
        no_question: t("rendezvous-live-none"),
        open: t("rendezvous-live-open"),
        closed: t("rendezvous-live-closed"),
        answers: t("rendezvous-live-answers"),
        room: t("rendezvous-live-room"),
        remote: t("rendezvous-live-remote"),
        mean: t("rendezvous-live-mean"),
        option: t("rendezvous-live-option"),
        count: t("rendezvous-live-count"),
        share: t("rendezvous-live-share"),
        submit: t("rendezvous-live-submit"),
        choose_mode: t("rendezvous-live-choose-mode"),
        answered: t("rendezvous-live-answered"),
        waiting_results: t("rendezvous-live-waiting"),
        several: t("rendezvous-live-several"),
        words_hint: t("rendezvous-live-words-hint"),
        word_label: t("rendezvous-live-word-label"),
        no_answers: t("rendezvous-live-no-answers"),
        audience_title: t("rendezvous-audience-title"),
        no_audience: t("rendezvous-audience-none"),
        upvote: t("rendezvous-audience-upvote"),
        upvotes: t("rendezvous-audience-upvotes"),
        upvoted: t("rendezvous-audience-upvoted"),
        answered_question: t("rendezvous-audience-answered"),
    }
}

pub fn room_forms(r: &Rendezvous) -> RoomForms {
    RoomForms {
        rendezvous: r.slug.clone(),
        answer_action: Answer::url().to_owned(),
        upvote_action: Upvote::url().to_owned(),
    }
}

pub fn live_source(r: &Rendezvous) -> String {
    format!("/api/rendezvous/{}/live", r.slug)
}

/// "30 juin 2022 à 18:00 · Salle des fêtes".
pub fn when_where(tr: Tr, r: &Rendezvous) -> String {
    let mut s = tr.t_args(
        "rendezvous-when",
        &[
            ("date", tr.date(r.starts_on)),
            ("time", r.starts_at.clone()),
        ],
    );
    if !r.venue.is_empty() {
        s.push_str(" · ");
        s.push_str(&r.venue);
    }
    s
}

pub fn breadcrumb(tr: Tr, r: &Rendezvous, here: Option<String>) -> impl IntoView {
    let last = match here {
        Some(h) => view! {
            <li><a href=format!("/rendezvous/{}", r.slug)>{r.title.clone()}</a></li>
            <li aria-current="page">{h}</li>
        }
        .into_any(),
        None => view! { <li aria-current="page">{r.title.clone()}</li> }.into_any(),
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
