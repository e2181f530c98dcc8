//! "Toutes les idées": every published idea, one page at a time, with one
//! GET form (words, theme, zone, order) whose answer is a plain address to
//! bookmark or share. No JavaScript: the form and the page links are HTML.

use super::breadcrumb;
use crate::components::{load_page, Page};
use crate::consultation::logic::ideas::{page_links, IdeasQuery, Sort};
use crate::consultation::logic::Zone;
use crate::consultation::service::ideas::ideas_page;
use crate::consultation::service::{self, ProposalLinks, ProposalResult};
use crate::pages::{param, query};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

/// The address of a consultation's list of ideas.
pub fn ideas_path(slug: &str) -> String {
    format!("/consultations/{slug}/ideas")
}

/// The zone's name for the public.
pub fn zone_name(tr: Tr, zone: Zone) -> String {
    tr.t(&format!("ideas-zone-{}", zone.slug()))
}

fn count_text(tr: Tr, total: usize) -> String {
    match total {
        0 => tr.t("ideas-count-none"),
        1 => tr.t("ideas-count-one"),
        n => tr.t_args("ideas-count", &[("count", n.to_string())]),
    }
}

fn idea_item(tr: Tr, links: &ProposalLinks, r: &ProposalResult) -> impl IntoView {
    let total = r.total_votes();
    let agree = if total == 0 {
        0
    } else {
        (r.votes[0] as f64 / total as f64 * 100.0).round() as u32
    };
    let votes = tr.t_args(
        "ideas-votes",
        &[("count", total.to_string()), ("agree", agree.to_string())],
    );
    let themes = (!r.themes.is_empty()).then(|| format!(" · {}", r.themes.join(", ")));
    view! {
        <li class="idea">
            <p class="proposal-text"><a href=links.to(r.id)>{r.content.clone()}</a></p>
            {r.corrected.then(|| view! { <p class="edit-mark">{tr.t("proposal-corrected")}</p> })}
            <p class="idea-facts">
                <span class=format!("zone zone-{}", r.zone.slug())>{zone_name(tr, r.zone)}</span>
                " · "{votes}{themes}
            </p>
        </li>
    }
}

#[component]
pub fn IdeasPage() -> impl IntoView {
    let tr = Tr::current();
    let asked = IdeasQuery::parse(
        query("q").as_deref(),
        query("theme").as_deref(),
        query("zone").as_deref(),
        query("sort").as_deref(),
        query("page").as_deref(),
    );
    let data = async move {
        let ctx = Ctx::get()?;
        ideas_page(&ctx, &param("slug"), asked).await
    };
    load_page(data, move |page| {
        let c = page.consultation;
        let q = page.query;
        let p = page.pagination;
        let base = ideas_path(&c.slug);
        let theme_options = page
            .themes
            .iter()
            .map(|t| {
                view! { <option value=t.id selected=q.theme == Some(t.id)>{t.name.clone()}</option> }
            })
            .collect_view();
        let zone_options = [Zone::Consensus, Zone::Controversy, Zone::Rejection, Zone::Limbo]
            .into_iter()
            .map(|z| view! { <option value=z.slug() selected=q.zone == Some(z)>{zone_name(tr, z)}</option> })
            .collect_view();
        let sort_options = Sort::ALL
            .into_iter()
            .map(|s| {
                view! { <option value=s.slug() selected=q.sort == s>{tr.t(&format!("ideas-sort-{}", s.slug()))}</option> }
            })
            .collect_view();
        let count = count_text(tr, p.total);
        let title = if p.pages > 1 {
            tr.t_args(
                "ideas-title-page",
                &[("page", p.page.to_string()), ("pages", p.pages.to_string())],
            )
        } else {
            tr.t("ideas-title")
        };
        let list = if p.total == 0 {
            let hint = if q.is_filtered() {
                tr.t("ideas-none-filtered")
            } else {
                tr.t("ideas-none")
            };
            view! { <p class="notice">{hint}</p> }.into_any()
        } else {
            let items = page
                .ideas
                .iter()
                .map(|r| idea_item(tr, &page.links, r))
                .collect_view();
            view! { <ol class="ideas" start=p.start + 1>{items}</ol> }.into_any()
        };
        let pager = (p.pages > 1).then(|| {
            let link = |n: usize| format!("{base}{}", q.query_string(n));
            let prev = (p.page > 1).then(|| {
                view! { <li><a href=link(p.page - 1) rel="prev">{tr.t("ideas-previous")}</a></li> }
            });
            let next = (p.page < p.pages).then(|| {
                view! { <li><a href=link(p.page + 1) rel="next">{tr.t("ideas-next")}</a></li> }
            });
            let numbers = page_links(p.page, p.pages)
                .into_iter()
                .map(|n| match n {
                    Some(n) if n == p.page => view! {
                        <li><a href=link(n) aria-current="page" aria-label=tr.t_args("ideas-page", &[("page", n.to_string())])>{n}</a></li>
                    }
                    .into_any(),
                    Some(n) => view! {
                        <li><a href=link(n) aria-label=tr.t_args("ideas-page", &[("page", n.to_string())])>{n}</a></li>
                    }
                    .into_any(),
                    None => view! { <li aria-hidden="true">"…"</li> }.into_any(),
                })
                .collect_view();
            view! {
                <nav class="pagination" aria-label=tr.t("ideas-pages")>
                    <ul>{prev}{numbers}{next}</ul>
                </nav>
            }
        });
        let home = service::consultation_path(&c);
        view! {
            <Page title=format!("{title} ({count})")>
                {breadcrumb(tr, &c, Some(tr.t("ideas-title")))}
                <h1>{title}</h1>
                <p class="question">{c.question.clone()}</p>
                <form method="get" action=base.clone() class="filters row" role="search" aria-label=tr.t("ideas-filter")>
                    <div class="field">
                        <label for="f-q">{tr.t("ideas-search")}</label>
                        <input id="f-q" type="search" name="q" value=q.text.clone() maxlength="100"
                            aria-describedby="f-q-hint"/>
                        <p class="hint" id="f-q-hint">{tr.t("ideas-search-hint")}</p>
                    </div>
                    <div class="field">
                        <label for="f-theme">{tr.t("ideas-theme")}</label>
                        <select id="f-theme" name="theme">
                            <option value="">{tr.t("ideas-all-themes")}</option>
                            {theme_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-zone">{tr.t("ideas-zone")}</label>
                        <select id="f-zone" name="zone">
                            <option value="">{tr.t("ideas-all-zones")}</option>
                            {zone_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-sort">{tr.t("ideas-sort")}</label>
                        <select id="f-sort" name="sort">{sort_options}</select>
                    </div>
                    <button type="submit" class="button secondary">{tr.t("ideas-apply")}</button>
                </form>
                {q.is_filtered().then(|| view! { <p><a href=base.clone()>{tr.t("ideas-clear")}</a></p> })}
                <h2 id="ideas-count" role="status">{count}</h2>
                {page.words_ignored.then(|| view! { <p class="hint">{tr.t("ideas-words-ignored")}</p> })}
                {list}
                {pager}
                <p><a href=format!("{home}/results")>{tr.t("consultation-results")}</a></p>
            </Page>
        }
    })
}
