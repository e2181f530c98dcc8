//! Public results: participation figures, top ideas, controversies, rejected
//! ideas, and each theme's ideas. Bars are SVG drawn on the server, each with
//! its data table, so they read without JavaScript and with a screen reader.

use super::{breadcrumb, figures, load, results_groups};
use crate::components::{load_page, Page};
use crate::consultation::logic::Zone;
use crate::consultation::service::{self, ProposalResult};
use crate::consultation::store;
use crate::pages::{param, query};
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

pub(super) fn result_list(tr: Tr, base: &str, items: &[&ProposalResult]) -> AnyView {
    if items.is_empty() {
        return view! { <p>{tr.t("results-none")}</p> }.into_any();
    }
    let lis = items
        .iter()
        .map(|r| {
            view! {
                <li class="result">
                    <p class="proposal-text"><a href=format!("{base}/proposals/{}", r.id)>{r.content.clone()}</a></p>
                    {vote_bar(tr, r)}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="results">{lis}</ol> }.into_any()
}

pub(super) fn ranked(
    results: &[ProposalResult],
    zone: Zone,
    key: impl Fn(&ProposalResult) -> f64,
) -> Vec<&ProposalResult> {
    let mut items: Vec<&ProposalResult> = results.iter().filter(|r| r.zone == zone).collect();
    items.sort_by(|a, b| key(b).total_cmp(&key(a)));
    items.truncate(TOP);
    items
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let (ctx, c) = load(param("slug")).await?;
        let counts = store::figures(&ctx.db, c.id)
            .await
            .map_err(|e| ctx.internal(e))?;
        let results = service::results(&ctx.db, &c)
            .await
            .map_err(|e| ctx.internal(e))?;
        let themes = crate::consultation::moderation::themes_for(&ctx.db, c.id)
            .await
            .map_err(|e| ctx.internal(e))?;
        let groups = results_groups::load(&ctx, &c, query("group")).await?;
        Ok((c, counts, results, themes, groups))
    };
    load_page(data, move |(c, counts, results, themes, groups)| {
        let base = service::consultation_path(&c);
        let top = result_list(
            tr,
            &base,
            &ranked(&results, Zone::Consensus, |r| r.scores.top.lower()),
        );
        let controversies = result_list(
            tr,
            &base,
            &ranked(&results, Zone::Controversy, |r| {
                r.scores.controversy.lower()
            }),
        );
        let rejected = result_list(
            tr,
            &base,
            &ranked(&results, Zone::Rejection, |r| r.scores.rejection.lower()),
        );
        let by_theme = themes
            .into_iter()
            .map(|(_, name)| {
                let mut items: Vec<&ProposalResult> = results
                    .iter()
                    .filter(|r| r.themes.contains(&name))
                    .collect();
                items.sort_by(|a, b| b.scores.top.lower().total_cmp(&a.scores.top.lower()));
                let count = items.len();
                items.truncate(3);
                view! {
                    <section class="theme">
                        <h3>{name.clone()}</h3>
                        <p>{tr.t_args("results-theme-count", &[("count", count.to_string())])}</p>
                        {result_list(tr, &base, &items)}
                    </section>
                }
                .into_any()
            })
            .collect::<Vec<_>>();
        view! {
            <Page title=tr.t("results-title")>
                {breadcrumb(tr, &c, Some(tr.t("results-title")))}
                <h1>{tr.t("results-title")}</h1>
                <p class="question">{c.question.clone()}</p>
                {figures(tr, &c.slug, counts)}
                <p class="hint">{tr.t("results-method")}</p>
                <section aria-labelledby="top-title">
                    <h2 id="top-title">{tr.t("results-top")}</h2>
                    {top}
                </section>
                <section aria-labelledby="controversy-title">
                    <h2 id="controversy-title">{tr.t("results-controversies")}</h2>
                    {controversies}
                </section>
                <section aria-labelledby="rejected-title">
                    <h2 id="rejected-title">{tr.t("results-rejected")}</h2>
                    {rejected}
                </section>
                {results_groups::section(tr, &c, &groups)}
                <section aria-labelledby="themes-title">
                    <h2 id="themes-title">{tr.t("results-by-theme")}</h2>
                    {by_theme}
                </section>
                <p>
                    <a href=format!("/api/consultations/{}/results.json", c.slug)>{tr.t("results-open-data-json")}</a>" · "
                    <a href=format!("/api/consultations/{}/proposals.csv", c.slug)>{tr.t("results-open-data-csv")}</a>
                </p>
            </Page>
        }
    })
}
