//! A phase: when it runs, what it is for, and what it holds.

use super::status_sentence;
use crate::components::{load_page, Page, StatusBadge};
use crate::model::ComponentKind;
use crate::pages::param;
use crate::process::service::{self, PhaseView};
use crate::process::store;
use crate::ssr::{markdown, Ctx, Tr};
use leptos::prelude::*;

fn component_view(tr: Tr, component: &store::Component, link: Option<String>) -> impl IntoView {
    let (name, what) = match component.kind {
        ComponentKind::Consultation => ("component-consultation", "component-consultation-what"),
        ComponentKind::Event => ("component-event", "component-event-what"),
        ComponentKind::Survey => ("component-survey", "component-survey-what"),
        ComponentKind::Rendezvous => ("component-evaluation", "component-evaluation-what"),
    };
    let title = (!component.title.is_empty())
        .then(|| view! { <p class="question">{component.title.clone()}</p> });
    view! {
        <li class="component">
            <h3>{tr.t(name)}</h3>
            {title}
            <p>{tr.t(what)}</p>
            {link.map(|href| {
                let register = (component.kind == ComponentKind::Event).then(|| {
                    view! { " "<a class="button secondary" href=format!("{href}/register")>{tr.t("registration-submit")}</a> }
                });
                let open = if component.kind == ComponentKind::Event { "event-programme" } else { "component-open" };
                view! { <p class="actions"><a class="button" href=href.clone()>{tr.t(open)}</a>{register}</p> }
            })}
        </li>
    }
}

#[component]
pub fn PhasePage() -> impl IntoView {
    let tr = Tr::current();
    let phase_id: i64 = param("phase_id").parse().unwrap_or(-1);
    let data = async move { service::phase_page(&Ctx::get()?, &param("slug"), phase_id).await };
    load_page(data, move |data: PhaseView| {
        let Some(index) = data.index else {
            return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
        };
        let phase = data.phases[index].clone();
        let status = phase.status(data.today);
        let slug = data.process.slug.clone();
        let link = |p: &store::Phase| format!("/processes/{slug}/phases/{}", p.id);
        let previous = index.checked_sub(1).map(|i| &data.phases[i]).map(|p| {
            view! { <a rel="prev" href=link(p)>{tr.t("phase-previous")}" : "{p.title.clone()}</a> }
        });
        let next = data.phases.get(index + 1).map(|p| {
            view! { <a rel="next" href=link(p)>{tr.t("phase-next")}" : "{p.title.clone()}</a> }
        });
        let components = if phase.components.is_empty() {
            view! { <p>{tr.t("phase-no-components")}</p> }.into_any()
        } else {
            let items = phase
                .components
                .iter()
                .map(|c| component_view(tr, c, data.links.get(&c.id).cloned()))
                .collect_view();
            view! { <ul class="components">{items}</ul> }.into_any()
        };
        let position = tr.t_args(
            "phase-position",
            &[
                ("n", (index + 1).to_string()),
                ("total", data.phases.len().to_string()),
            ],
        );
        view! {
            <Page title=format!("{} · {}", phase.title, data.process.title)>
                <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                    <ol>
                        <li><a href="/">{tr.t("nav-home")}</a></li>
                        <li><a href=format!("/processes/{slug}")>{data.process.title.clone()}</a></li>
                        <li aria-current="page">{phase.title.clone()}</li>
                    </ol>
                </nav>
                <p class="eyebrow">{position}</p>
                <h1>{phase.title.clone()}</h1>
                <p class="phase-when">
                    <StatusBadge status/>" "{status_sentence(tr, &phase, status)}
                    <br/>
                    <span class="dates">{tr.date_range(phase.start, phase.end)}</span>
                </p>
                <div class="prose" inner_html=markdown::render(&phase.description_md)></div>
                <section aria-labelledby="components-title">
                    <h2 id="components-title">{tr.t("phase-components")}</h2>
                    {components}
                </section>
                <nav aria-label=tr.t("phase-nav") class="pager">{previous}{next}</nav>
            </Page>
        }
        .into_any()
    })
}
