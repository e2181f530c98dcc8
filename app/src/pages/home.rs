//! Home: the processes under way, each with the phase to take part in now.

use crate::components::{load_page, Page, StatusBadge};
use crate::error::AppError;
use crate::process::service::{self, Home};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

async fn load() -> Result<Home, AppError> {
    service::home(&Ctx::get()?).await
}

#[component]
pub fn HomePage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("home-title")>
            <h1>{tr.t("home-title")}</h1>
            <p class="lead">{tr.t("home-intro")}</p>
            {load_page(load(), move |Home { cards, today }| {
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
