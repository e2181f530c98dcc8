//! Home: the processes under way, each with the phase to take part in now.

use crate::components::{load_page, Page, StatusBadge};
use crate::consultation::service::vote_path;
use crate::consultation::store::Consultation;
use crate::error::AppError;
use crate::process::service::{self, Home};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

async fn load() -> Result<Home, AppError> {
    service::home(&Ctx::get()?).await
}

/// One prominent "give your opinion" button per open consultation, with its
/// question: one tap to the first vote card.
fn open_consultations(tr: Tr, open: Vec<Consultation>) -> Option<impl IntoView> {
    if open.is_empty() {
        return None;
    }
    let title = if open.len() == 1 {
        tr.t("path-home-open-one")
    } else {
        tr.t("path-home-open-many")
    };
    let items = open
        .into_iter()
        .map(|c| {
            let question = format!("open-question-{}", c.id);
            view! {
                <li class="open-consultation">
                    <p class="question" id=question.clone()>{c.question.clone()}</p>
                    <p class="dates">{tr.t_args("path-home-until", &[("date", tr.date(c.closes_on))])}</p>
                    <p>
                        <a class="button big give-opinion" href=vote_path(&c) aria-describedby=question>
                            {tr.t("path-home-give-opinion")}
                        </a>
                    </p>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="open-consultations" aria-labelledby="open-title">
            <h2 id="open-title">{title}</h2>
            <ul class="open-list">{items}</ul>
        </section>
    })
}

#[component]
pub fn HomePage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("home-title")>
            <h1>{tr.t("home-title")}</h1>
            <p class="lead">{tr.t("home-intro")}</p>
            {load_page(load(), move |Home { cards, today, open }| {
                if cards.is_empty() {
                    return view! { <p>{tr.t("home-empty")}</p> }.into_any();
                }
                let open = open_consultations(tr, open);
                let items = cards
                    .into_iter()
                    .map(|card| {
                        let href = format!("/processes/{}", card.process.slug);
                        // A lone open phase is where taking part happens now.
                        let (take_part, take_part_label) = match card.only_open {
                            Some(id) => (format!("{href}/phases/{id}"), tr.t("path-home-join-phase")),
                            None => (href.clone(), tr.t("home-take-part")),
                        };
                        let current = card.current.map(|phase| {
                            let status = phase.status(today);
                            view! {
                                <p class="current-phase">
                                    <span>{tr.t("home-current-phase")}" "</span>
                                    <strong>{phase.title}</strong>" "
                                    <StatusBadge status/>
                                    <br/>
                                    <span class="dates">{tr.date_range(phase.start, phase.end)}</span>
                                </p>
                            }
                        });
                        let image = card.process.image.clone().map(|image| {
                            view! {
                                <crate::components::ResponsiveImage image alt=card.process.image_alt.clone()
                                    sizes="(min-width: 40rem) 30rem, 100vw" class="card-image"/>
                            }
                        });
                        view! {
                            <li class="card">
                                {image}
                                <h2><a href=href.clone()>{card.process.title}</a></h2>
                                <p class="question">{card.process.subtitle}</p>
                                {current}
                                <p><a class="button" href=take_part>{take_part_label}</a></p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    {open}
                    <h2 class="visually-hidden">{tr.t("home-processes")}</h2>
                    <ul class="cards">{items}</ul>
                }
                .into_any()
            })}
        </Page>
    }
}
