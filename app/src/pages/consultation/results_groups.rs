//! Results by neighbourhood and by age bracket, from the participants who
//! answered the optional demographics card: how many answered per group (SVG
//! bars with their data table), and a chosen group's top ideas and
//! controversies. A plain GET form picks the group, so it works without
//! JavaScript. Groups with too few members show no results, so that nobody's
//! votes can be singled out.

use super::result_list::{ranked, result_list};
use crate::consultation::logic::groups::{Dimension, MIN_GROUP_SIZE};
use crate::consultation::logic::Zone;
use crate::consultation::service::results::{ChosenGroup as Chosen, GroupData};
use crate::consultation::service::ProposalLinks;
use crate::ssr::Tr;
use leptos::prelude::*;

const TOP_IN_GROUP: usize = 5;

fn group_label(tr: Tr, dimension: Dimension, group: &str) -> String {
    match dimension {
        Dimension::Age => tr.t(&format!("age-{group}")),
        Dimension::Neighbourhood => group.to_owned(),
    }
}

fn dimension_title(tr: Tr, dimension: Dimension) -> String {
    match dimension {
        Dimension::Age => tr.t("results-groups-by-age"),
        Dimension::Neighbourhood => tr.t("results-groups-by-neighbourhood"),
    }
}

/// Horizontal bars: how many participants answered, per group.
fn size_chart(tr: Tr, dimension: Dimension, list: &[(String, i64)]) -> AnyView {
    let title = dimension_title(tr, dimension);
    if list.is_empty() {
        return view! { <h3>{title}</h3><p>{tr.t("results-groups-none")}</p> }.into_any();
    }
    let max = list.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as f64;
    const ROW: usize = 22;
    let height = list.len() * ROW;
    let bars = list
        .iter()
        .enumerate()
        .map(|(i, (group, n))| {
            let width = *n as f64 / max * 180.0;
            let y = i * ROW;
            view! {
                <text x="0" y=y + 15 class="chart-label">{group_label(tr, dimension, group)}</text>
                <rect x="130" y=y + 4 width=format!("{width:.1}") height="14" class="bar-0"/>
                <text x=format!("{:.1}", 134.0 + width) y=y + 15 class="chart-value">{*n}</text>
            }
        })
        .collect_view();
    let rows = list
        .iter()
        .map(|(group, n)| view! { <tr><th scope="row">{group_label(tr, dimension, group)}</th><td>{*n}</td></tr> })
        .collect_view();
    view! {
        <h3>{title.clone()}</h3>
        <svg class="chart" viewBox=format!("0 0 340 {height}") role="img" aria-label=title.clone()>
            <title>{title.clone()}</title>
            {bars}
        </svg>
        <details class="data">
            <summary>{tr.t("results-data")}</summary>
            <table>
                <caption class="visually-hidden">{title}</caption>
                <thead><tr><th scope="col">{tr.t("results-group")}</th><th scope="col">{tr.t("results-participants")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
    .into_any()
}

fn picker(tr: Tr, data: &GroupData) -> impl IntoView {
    let current = data
        .chosen
        .as_ref()
        .map(|c| format!("{}:{}", c.dimension.slug(), c.group));
    let optgroups = data
        .sizes
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(dimension, list)| {
            let options = list
                .iter()
                .map(|(group, n)| {
                    let value = format!("{}:{group}", dimension.slug());
                    let selected = current.as_deref() == Some(value.as_str());
                    let label = tr.t_args(
                        "results-group-option",
                        &[
                            ("group", group_label(tr, *dimension, group)),
                            ("count", n.to_string()),
                        ],
                    );
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view();
            view! { <optgroup label=dimension_title(tr, *dimension)>{options}</optgroup> }
        })
        .collect_view();
    view! {
        <form method="get" action="#groups-title" class="group-picker">
            <div class="field">
                <label for="group">{tr.t("results-group-choose")}</label>
                <select id="group" name="group">{optgroups}</select>
            </div>
            <button type="submit" class="button secondary">{tr.t("results-group-show")}</button>
        </form>
    }
}

fn chosen_view(tr: Tr, links: &ProposalLinks, chosen: &Chosen) -> AnyView {
    let label = group_label(tr, chosen.dimension, &chosen.group);
    let heading = tr.t_args(
        "results-group-heading",
        &[("group", label), ("count", chosen.size.to_string())],
    );
    let Some(results) = &chosen.results else {
        return view! {
            <h3 id="group-results">{heading}</h3>
            <p>{tr.t_args("results-group-too-small", &[("min", MIN_GROUP_SIZE.to_string())])}</p>
        }
        .into_any();
    };
    let mut top = ranked(results, Zone::Consensus, |r| r.scores.top.lower());
    top.truncate(TOP_IN_GROUP);
    let mut split = ranked(results, Zone::Controversy, |r| r.scores.controversy.lower());
    split.truncate(TOP_IN_GROUP);
    view! {
        <h3 id="group-results">{heading}</h3>
        <h4>{tr.t("results-top")}</h4>
        {result_list(tr, links, &top)}
        <h4>{tr.t("results-controversies")}</h4>
        {result_list(tr, links, &split)}
    }
    .into_any()
}

/// The whole "by neighbourhood and age" section.
pub fn section(tr: Tr, links: &ProposalLinks, data: &GroupData) -> impl IntoView {
    let answered = data.sizes.iter().any(|(_, list)| !list.is_empty());
    let charts = data
        .sizes
        .iter()
        .map(|(dimension, list)| size_chart(tr, *dimension, list))
        .collect_view();
    let chosen = data
        .chosen
        .as_ref()
        .map(|chosen| chosen_view(tr, links, chosen));
    view! {
        <section aria-labelledby="groups-title">
            <h2 id="groups-title">{tr.t("results-groups")}</h2>
            <p class="hint">{tr.t("results-groups-intro")}</p>
            {answered.then(|| picker(tr, data))}
            {chosen}
            {charts}
        </section>
    }
}
