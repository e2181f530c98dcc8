//! The consultation's pages: its home, proposing, voting in sequence, one
//! proposal, results, the moderation charter, moderation and the settings
//! editor. Each reads one read model from `consultation::service` and renders it.

pub mod charter;
pub mod dashboard;
pub mod home;
pub mod idea_fate;
pub mod ideas;
pub mod moderation;
pub mod moderation_log;
mod moderation_more;
pub mod poster;
pub mod proposal;
mod proposal_marks;
pub mod propose;
mod result_list;
pub mod results;
mod results_groups;
pub mod settings;
pub mod vote;

use crate::consultation::service;
use crate::consultation::store::Consultation;
use crate::islands::{FigureLabels, LiveFigures};
use crate::ssr::Tr;
use leptos::prelude::*;

/// "Open until 19 December" or "Closed since ...", with the dates.
pub fn status_line(tr: Tr, c: &Consultation, today: chrono::NaiveDate) -> impl IntoView {
    let text = if c.is_open(today) {
        tr.t_args("consultation-open-until", &[("date", tr.date(c.closes_on))])
    } else if today < c.opens_on {
        tr.t_args("consultation-opens-on", &[("date", tr.date(c.opens_on))])
    } else {
        tr.t_args("consultation-closed-on", &[("date", tr.date(c.closes_on))])
    };
    view! { <p class="phase-when">{text}</p> }
}

pub fn breadcrumb(tr: Tr, c: &Consultation, here: Option<String>) -> impl IntoView {
    let base = service::consultation_path(c);
    let last = match here {
        Some(h) => view! {
            <li><a href=base>{tr.t("component-consultation")}</a></li>
            <li aria-current="page">{h}</li>
        }
        .into_any(),
        None => view! { <li aria-current="page">{tr.t("component-consultation")}</li> }.into_any(),
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

/// Participants, published proposals and votes, as large figures.
pub fn figures(
    tr: Tr,
    slug: &str,
    (participants, proposals, votes): (i64, i64, i64),
) -> impl IntoView {
    let labels = FigureLabels {
        title: tr.t("results-figures"),
        participants: tr.t("results-participants"),
        proposals: tr.t("results-proposals"),
        votes: tr.t("results-votes"),
    };
    let source = format!("/api/consultations/{slug}/live");
    view! { <LiveFigures source participants proposals votes labels/> }
}
