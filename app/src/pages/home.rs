//! Home: the processes under way, each with the phase to take part in now.

use crate::components::{load_page, Page, StatusBadge};
use crate::error::AppError;
use crate::process::{domain, store};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

struct Card {
    process: store::Process,
    current: Option<store::Phase>,
}

async fn load() -> Result<Vec<Card>, AppError> {
    let ctx = Ctx::get()?;
    let today = ctx.settings.today();
    let processes = store::list_processes(&ctx.db, true)
        .await
        .map_err(|e| ctx.internal(e))?;
    let mut cards = Vec::new();
    for process in processes {
        let phases = store::phases_of(&ctx.db, process.id)
            .await
            .map_err(|e| ctx.internal(e))?;
        let dates: Vec<_> = phases.iter().map(|p| (p.start, p.end)).collect();
        let current = domain::current_phase(&dates, today).map(|i| phases[i].clone());
        cards.push(Card { process, current });
    }
    Ok(cards)
}

#[component]
pub fn HomePage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("home-title")>
            <h1>{tr.t("home-title")}</h1>
            <p class="lead">{tr.t("home-intro")}</p>
            {load_page(load(), move |cards| {
                let today = Ctx::get().map(|c| c.settings.today()).unwrap_or_default();
                if cards.is_empty() {
                    return view! { <p>{tr.t("home-empty")}</p> }.into_any();
                }
                let items = cards
                    .into_iter()
                    .map(|card| {
                        let href = format!("/processes/{}", card.process.slug);
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
                        view! {
                            <li class="card">
                                <h2><a href=href.clone()>{card.process.title}</a></h2>
                                <p class="question">{card.process.subtitle}</p>
                                {current}
                                <p><a class="button" href=href>{tr.t("home-take-part")}</a></p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="visually-hidden">{tr.t("home-processes")}</h2>
                    <ul class="cards">{items}</ul>
                }
                .into_any()
            })}
        </Page>
    }
}
