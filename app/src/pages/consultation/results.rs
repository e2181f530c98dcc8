//! Public results: participation figures, top ideas, controversies, rejected
//! ideas, and each theme's ideas. Bars are SVG drawn on the server, each with
//! its data table, so they read without JavaScript and with a screen reader.

use super::result_list::{ranked, result_list};
use super::{breadcrumb, figures, results_groups};
use crate::components::{load_page, Page};
use crate::consultation::logic::Zone;
use crate::consultation::service::results::results_page;
use crate::consultation::service::ProposalResult;
use crate::pages::{param, query};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let ctx = Ctx::get()?;
        let page = results_page(&ctx, &param("slug"), query("group").as_deref()).await?;
        Ok((page, ctx.settings.today()))
    };
    load_page(data, move |(page, today)| {
        let (c, counts, results, themes, groups, links) = (
            page.consultation,
            page.figures,
            page.results,
            page.themes,
            page.groups,
            page.links,
        );
        let top = result_list(
            tr,
            &links,
            &ranked(&results, Zone::Consensus, |r| r.scores.top.lower()),
        );
        let controversies = result_list(
            tr,
            &links,
            &ranked(&results, Zone::Controversy, |r| {
                r.scores.controversy.lower()
            }),
        );
        let rejected = result_list(
            tr,
            &links,
            &ranked(&results, Zone::Rejection, |r| r.scores.rejection.lower()),
        );
        let by_theme = themes
            .into_iter()
            .map(|theme| {
                let name = theme.name;
                let mut items: Vec<&ProposalResult> = results
                    .iter()
                    .filter(|r| r.themes.contains(&name))
                    .collect();
                items.sort_by(|a, b| b.scores.top.lower().total_cmp(&a.scores.top.lower()));
                let count = items.len();
                items.truncate(3);
                view! {
                    <section class="theme">
                        <h3><span class=format!("theme-chip theme-{}", theme.id)>{name.clone()}</span></h3>
                        <p>{tr.t_args("results-theme-count", &[("count", count.to_string())])}</p>
                        {result_list(tr, &links, &items)}
                    </section>
                }
                .into_any()
            })
            .collect::<Vec<_>>();
        view! {
            <Page title=tr.t("results-title")>
                {breadcrumb(tr, &c, Some(tr.t("results-title")))}
                <h1>{tr.t("results-title")}</h1>
                {crate::pages::process::themes::chip_stylesheet()}
                <p class="question">{c.question.clone()}</p>
                {super::poster::printed_on(tr, today)}
                {figures(tr, &c.slug, counts)}
                <p class="hint">{tr.t("results-method")}</p>
                <p><a href=super::ideas::ideas_path(&c.slug)>{tr.t("ideas-link")}</a></p>
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
                {results_groups::section(tr, &links, &groups)}
                <section aria-labelledby="themes-title">
                    <h2 id="themes-title">{tr.t("results-by-theme")}</h2>
                    {by_theme}
                </section>
                {super::poster::print_results_button(tr)}
                <p>
                    <a href=format!("/api/consultations/{}/results.json", c.slug)>{tr.t("results-open-data-json")}</a>" · "
                    <a href=format!("/api/consultations/{}/proposals.csv", c.slug)>{tr.t("results-open-data-csv")}</a>
                </p>
            </Page>
        }
    })
}
