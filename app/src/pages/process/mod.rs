//! A process: what it is about, its phases on a timeline, its themes.

pub mod edit;
pub mod lifecycle;
pub mod phase;
pub mod phase_edit;
pub mod themes;

use super::param;
use crate::components::{load_page, Page, StatusBadge};
use crate::model::PhaseStatus;
use crate::process::service::{self, ProcessView};
use crate::process::store;
use crate::ssr::{markdown, Ctx, Tr};
use leptos::prelude::*;

fn evaluation_view(
    tr: crate::ssr::Tr,
    e: crate::rendezvous::service::restitution::EvaluationResults,
) -> impl IntoView {
    let items = e
        .highlights
        .iter()
        .map(|(q, share)| {
            let best = crate::pages::survey::question::option_label(tr, q, 0);
            view! {
                <li>
                    <strong>{format!("{share} %")}</strong>" "
                    {tr.t_args("process-evaluation-share", &[("option", best)])}
                    <br/>
                    <span class="hint">{q.prompt.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=format!("evaluation-{}", e.slug) class="process-evaluation">
            <h2 id=format!("evaluation-{}", e.slug)>{tr.t("process-evaluation-title")}</h2>
            <p>{e.title.clone()}" · "{tr.t_args("process-evaluation-respondents", &[("count", e.respondents.to_string())])}</p>
            <ul class="figures-list">{items}</ul>
            <p><a href=format!("/surveys/{}/results", e.slug)>{tr.t("process-evaluation-all")}</a></p>
        </section>
    }
}

/// "Open until 19 December 2021", "Opens on 4 May 2022", "Closed on 19 December 2021".
pub fn status_sentence(tr: Tr, phase: &store::Phase, status: PhaseStatus) -> String {
    match status {
        PhaseStatus::Upcoming => tr.t_args("phase-opens-on", &[("date", tr.date(phase.start))]),
        PhaseStatus::Open => tr.t_args("phase-open-until", &[("date", tr.date(phase.end))]),
        PhaseStatus::Closed => tr.t_args("phase-closed-on", &[("date", tr.date(phase.end))]),
    }
}

#[component]
pub fn ProcessPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async move { service::process_page(&Ctx::get()?, &param("slug")).await };
    load_page(data, move |data: ProcessView| {
        let ProcessView {
            process,
            phases,
            current,
            themes,
            today,
            evaluations,
            avenues,
        } = data;
        let slug = process.slug.clone();
        let timeline = phases
            .iter()
            .enumerate()
            .map(|(i, phase)| {
                let status = phase.status(today);
                let here = (Some(i) == current).then_some("step");
                view! {
                    <li class=format!("step step-{}", status.as_str()) aria-current=here>
                        <span class="step-number" aria-hidden="true">{i + 1}</span>
                        <div class="step-body">
                            <h3>
                                <a href=format!("/processes/{slug}/phases/{}", phase.id)>{phase.title.clone()}</a>
                            </h3>
                            <p class="dates">{tr.date_range(phase.start, phase.end)}</p>
                            <p><StatusBadge status/>" "{status_sentence(tr, phase, status)}</p>
                        </div>
                    </li>
                }
            })
            .collect_view();
        let image = match process.image.clone() {
            Some(image) => Some(view! {
                <crate::components::ResponsiveImage image alt=process.image_alt.clone()
                    sizes="(min-width: 60rem) 60rem, 100vw" class="hero-image"/>
            }.into_any()),
            None => (!process.image_url.is_empty()).then(|| {
                view! { <img class="hero-image" src=process.image_url.clone() alt=process.image_alt.clone() width="640" height="240"/> }.into_any()
            }),
        };
        let themes = (!themes.is_empty()).then(|| {
            let items = themes
                .into_iter()
                .map(|t| themes::chip(t.id, t.name))
                .collect_view();
            view! {
                <section aria-labelledby="themes-title">
                    {themes::chip_stylesheet()}
                    <h2 id="themes-title">{tr.t("process-themes")}</h2>
                    <ul class="tags">{items}</ul>
                </section>
            }
        });
        let draft =
            (!process.published).then(|| view! { <p class="notice">{tr.t("process-draft")}</p> });
        let archived = process
            .archived
            .then(|| view! { <p class="notice">{tr.t("process-archived")}</p> });
        view! {
            <Page title=process.title.clone()>
                {draft}
                {archived}
                <h1>{process.title.clone()}</h1>
                {(!process.subtitle.is_empty()).then(|| view! { <p class="question">{process.subtitle.clone()}</p> })}
                {image}
                <div class="prose" inner_html=markdown::render(&process.description_md)></div>
                <section aria-labelledby="phases-title">
                    <h2 id="phases-title">{tr.t("process-phases")}</h2>
                    <ol class="timeline">{timeline}</ol>
                </section>
                {evaluations.into_iter().map(|e| evaluation_view(tr, e)).collect_view()}
                {themes}
                {(!avenues.is_empty()).then(|| {
                    let links = avenues
                        .into_iter()
                        .map(|(title, slug, count)| view! {
                            <li><a href=crate::event::service::avenues::public_path(&slug)>{format!("{} ({count})", tr.t("avenues-title"))}</a>" · "{title}</li>
                        })
                        .collect_view();
                    view! {
                        <section aria-labelledby="avenues-title">
                            <h2 id="avenues-title">{tr.t("avenues-title")}</h2>
                            <ul>{links}</ul>
                        </section>
                    }
                })}
            </Page>
        }
    })
}
