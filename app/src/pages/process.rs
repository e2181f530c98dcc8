//! A process: what it is about, its phases on a timeline, its themes.

use super::param;
use crate::components::{load_page, Page, StatusBadge};
use crate::error::AppError;
use crate::model::{PhaseStatus, Role};
use crate::process::{domain, store};
use crate::ssr::{markdown, Ctx, Tr};
use leptos::prelude::*;

pub struct ProcessData {
    pub process: store::Process,
    pub phases: Vec<store::Phase>,
    pub themes: Vec<String>,
    pub today: chrono::NaiveDate,
}

/// The published results of the process's final evaluation (the Rendez-vous
/// citoyen's survey): where the process closes its loop.
async fn evaluations(
    data: ProcessData,
) -> Result<
    (
        ProcessData,
        Vec<crate::rendezvous::restitution::EvaluationResults>,
    ),
    AppError,
> {
    let ctx = Ctx::get()?;
    let evaluations =
        crate::rendezvous::restitution::published_evaluations(&ctx.db, data.process.id)
            .await
            .map_err(|e| ctx.internal(e))?;
    Ok((data, evaluations))
}

fn evaluation_view(
    tr: crate::ssr::Tr,
    e: crate::rendezvous::restitution::EvaluationResults,
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

/// A process by its slug; an unpublished one only for admins (to preview it).
pub async fn load_process(slug: String) -> Result<ProcessData, AppError> {
    let ctx = Ctx::get()?;
    let process = store::process_by_slug(&ctx.db, &slug)
        .await
        .map_err(|e| ctx.internal(e))?;
    let is_admin = ctx.viewer().is_some_and(|u| u.role.allows(Role::Admin));
    let process = process
        .filter(|p| p.published || is_admin)
        .ok_or_else(|| ctx.not_found())?;
    let phases = store::phases_of(&ctx.db, process.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let themes = store::themes_of(&ctx.db, process.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok(ProcessData {
        process,
        phases,
        themes,
        today: ctx.settings.today(),
    })
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
    let data = async move {
        let (data, evaluations) = evaluations(load_process(param("slug")).await?).await?;
        let ctx = Ctx::get()?;
        let avenues = crate::event::service::avenues::events_with_avenues(&ctx.db, data.process.id)
            .await
            .map_err(|e| ctx.internal(e))?;
        Ok::<_, AppError>((data, evaluations, avenues))
    };
    load_page(data, move |(data, evaluations, avenues)| {
        let ProcessData {
            process,
            phases,
            themes,
            today,
        } = data;
        let dates: Vec<_> = phases.iter().map(|p| (p.start, p.end)).collect();
        let current = domain::current_phase(&dates, today);
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
        let image = (!process.image_url.is_empty()).then(|| {
            view! { <img class="hero-image" src=process.image_url.clone() alt=process.image_alt.clone() width="640" height="240"/> }
        });
        let themes = (!themes.is_empty()).then(|| {
            let items = themes
                .into_iter()
                .map(|t| view! { <li>{t}</li> })
                .collect_view();
            view! {
                <section aria-labelledby="themes-title">
                    <h2 id="themes-title">{tr.t("process-themes")}</h2>
                    <ul class="tags">{items}</ul>
                </section>
            }
        });
        let draft =
            (!process.published).then(|| view! { <p class="notice">{tr.t("process-draft")}</p> });
        view! {
            <Page title=process.title.clone()>
                {draft}
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
