//! A list of results, each with its stacked vote bar and data table: shared
//! by the results page and its section by group.

use crate::consultation::logic::Zone;
use crate::consultation::service::{ProposalLinks, ProposalResult};
use crate::ssr::Tr;
use leptos::prelude::*;

const TOP: usize = 10;

fn percent(part: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        ((part as f64 / total as f64) * 100.0).round() as u32
    }
}

/// A stacked bar of agree / disagree / neutral shares, with its data table.
fn vote_bar(tr: Tr, r: &ProposalResult) -> impl IntoView {
    let total = r.total_votes();
    let shares = r.votes.map(|v| percent(v, total));
    let labels = [
        tr.t("vote-agree"),
        tr.t("vote-disagree"),
        tr.t("vote-neutral"),
    ];
    let summary = tr.t_args(
        "results-bar-summary",
        &[
            ("agree", shares[0].to_string()),
            ("disagree", shares[1].to_string()),
            ("neutral", shares[2].to_string()),
            ("total", total.to_string()),
        ],
    );
    let mut x = 0u32;
    let rects = (0..3)
        .map(|i| {
            let width = r.votes[i] as f64 / total.max(1) as f64 * 300.0;
            let rect = view! { <rect x=x width=format!("{width:.1}") height="16" class=format!("bar-{i}")/> };
            x += width.round() as u32;
            rect
        })
        .collect_view();
    let rows = (0..3)
        .map(|i| view! { <tr><th scope="row">{labels[i].clone()}</th><td>{r.votes[i]}</td><td>{shares[i]}" %"</td></tr> })
        .collect_view();
    view! {
        <svg class="bar" viewBox="0 0 300 16" preserveAspectRatio="none" role="img" aria-label=summary.clone()>
            <title>{summary.clone()}</title>
            {rects}
        </svg>
        <p class="bar-legend" aria-hidden="true">{summary}</p>
        <details class="data">
            <summary>{tr.t("results-data")}</summary>
            <table>
                <caption class="visually-hidden">{r.content.clone()}</caption>
                <thead><tr><th scope="col">{tr.t("results-vote")}</th><th scope="col">{tr.t("results-count")}</th><th scope="col">{tr.t("results-share")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

pub fn result_list(tr: Tr, links: &ProposalLinks, items: &[&ProposalResult]) -> AnyView {
    if items.is_empty() {
        return view! { <p>{tr.t("results-none")}</p> }.into_any();
    }
    let lis = items
        .iter()
        .map(|r| {
            view! {
                <li class="result">
                    <p class="proposal-text"><a href=links.to(r.id)>{r.content.clone()}</a></p>
                    {r.corrected.then(|| view! { <p class="edit-mark">{tr.t("proposal-corrected")}</p> })}
                    {vote_bar(tr, r)}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="results">{lis}</ol> }.into_any()
}

pub fn ranked(
    results: &[ProposalResult],
    zone: Zone,
    key: impl Fn(&ProposalResult) -> f64,
) -> Vec<&ProposalResult> {
    let mut items: Vec<&ProposalResult> = results.iter().filter(|r| r.zone == zone).collect();
    items.sort_by(|a, b| key(b).total_cmp(&key(a)));
    items.truncate(TOP);
    items
}
