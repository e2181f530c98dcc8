//! "What became of this idea", on an idea's page: its zone in plain words,
//! and the action avenues of the symposium that cite it.

use super::ideas::{ideas_path, zone_name};
use crate::consultation::service::ideas::Fate;
use crate::consultation::store::Consultation;
use crate::event::service::avenues::public_path;
use crate::ssr::Tr;
use leptos::prelude::*;

pub fn section(tr: Tr, c: &Consultation, fate: Fate) -> impl IntoView {
    let zone = fate.zone;
    let avenues = if fate.avenues.is_empty() {
        view! { <p>{tr.t("idea-fate-no-avenue")}</p> }.into_any()
    } else {
        let items = fate
            .avenues
            .into_iter()
            .map(|a| {
                let workshop = tr.t_args(
                    "idea-fate-avenue-from",
                    &[("workshop", a.workshop), ("event", a.event_title)],
                );
                view! {
                    <li>
                        <a href=public_path(&a.event_slug)>{a.title}</a>
                        <br/><span class="hint">{workshop}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{tr.t("idea-fate-avenues-intro")}</p>
            <ul class="idea-avenues">{items}</ul>
        }
        .into_any()
    };
    let zone_link = format!("{}?zone={}", ideas_path(&c.slug), zone.slug());
    view! {
        <section class="idea-fate" aria-labelledby="fate-title">
            <h2 id="fate-title">{tr.t("idea-fate-title")}</h2>
            <p>
                <span class=format!("zone zone-{}", zone.slug())>{zone_name(tr, zone)}</span>
                " · "{tr.t_args("idea-fate-votes", &[("count", fate.votes.to_string())])}
            </p>
            <p>{tr.t(&format!("idea-fate-zone-{}", zone.slug()))}</p>
            <p><a href=zone_link>{tr.t_args("idea-fate-same-zone", &[("zone", zone_name(tr, zone))])}</a></p>
            <h3>{tr.t("idea-fate-avenues")}</h3>
            {avenues}
        </section>
    }
}
