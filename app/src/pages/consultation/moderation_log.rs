//! The moderation log for moderators and admins: every decision, newest
//! first, filterable by decision, moderator, dates and text, by pages of 50,
//! with the CSV and XLSX downloads of what the filter keeps.

use crate::components::{load_page, FormAlert, Page};
use crate::consultation::logic::moderation::{LogAction, LogQuery};
use crate::consultation::service::moderation_log::{
    action_label, local_time, log_page, reason_label, LogPage,
};
use crate::error::AppError;
use crate::pages::query;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

fn typed() -> LogQuery {
    let q = |name: &str| query(name).unwrap_or_default();
    LogQuery {
        action: q("action"),
        moderator: q("moderator"),
        from: q("from"),
        to: q("to"),
        q: q("q"),
        page: q("page"),
    }
}

#[component]
pub fn ModerationLogPage() -> impl IntoView {
    let tr = Tr::current();
    let typed = typed();
    let shown = typed.clone();
    let data = async move {
        let ctx = Ctx::get()?;
        let page = log_page(&ctx, &typed).await?;
        Ok::<_, AppError>((ctx, page))
    };
    view! {
        <Page title=tr.t("moderation-log-title")>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/moderation">{tr.t("moderation-title")}</a></li>
                    <li aria-current="page">{tr.t("moderation-log-title")}</li>
                </ol>
            </nav>
            <h1>{tr.t("moderation-log-title")}</h1>
            {load_page(data, move |(ctx, page)| render(tr, &ctx, page, &shown))}
        </Page>
    }
}

fn render(tr: Tr, ctx: &Ctx, page: LogPage, typed: &LogQuery) -> impl IntoView {
    let LogPage {
        filter,
        problem,
        lines,
        total,
        pages,
        moderators,
    } = page;
    let actions = LogAction::ALL
        .iter()
        .map(|a| {
            view! { <option value=a.as_str() selected=filter.action == Some(*a)>{tr.t(&format!("moderation-log-action-{}", a.as_str()))}</option> }
        })
        .collect_view();
    let who = moderators
        .into_iter()
        .map(|m| view! { <option value=m.id selected=filter.moderator == Some(m.id)>{m.name}</option> })
        .collect_view();
    let error = |field: &str| {
        problem.as_ref().filter(|(f, _)| *f == field).map(
            |(_, m)| view! { <p class="field-problem" id=format!("f-{field}-err")>{m.clone()}</p> },
        )
    };
    let invalid = |field: &str| {
        problem
            .as_ref()
            .is_some_and(|(f, _)| *f == field)
            .then(|| (format!("f-{field}-err"), "true"))
    };
    let (from_err, from_invalid) = invalid("from").unzip();
    let (to_err, to_invalid) = invalid("to").unzip();
    let q = filter.query();
    let export = "/api/staff/moderation/log";
    let settings = ctx.settings.clone();
    let rows = lines
        .iter()
        .map(|l| {
            let public = format!("/consultations/{}/proposals/{}", l.consultation_slug, l.proposal_id);
            let text = if l.after_text.is_empty() {
                view! { <td>{l.before_text.clone()}</td> }.into_any()
            } else {
                view! {
                    <td>
                        <del>{l.before_text.clone()}</del><br/>
                        <ins>{l.after_text.clone()}</ins>
                    </td>
                }
                .into_any()
            };
            let kept = l.target_id.map(|t| {
                view! { " → " <a href=format!("/moderation/proposals/{t}")>{tr.t_args("moderation-log-kept-link", &[("id", t.to_string())])}</a> }
            });
            let reason = [reason_label(tr, l), l.message.clone(), l.themes.clone()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <tr>
                    <td>{local_time(&settings, l.created_at)}</td>
                    <td>{l.moderator_name.clone()}</td>
                    <th scope="row">{action_label(tr, l)}{kept}</th>
                    <td>
                        <a href=format!("/moderation/proposals/{}", l.proposal_id)>{format!("n° {}", l.proposal_id)}</a>
                        " (" <a href=public>{tr.t("moderation-log-public")}</a> ")"
                    </td>
                    <td>{tr.t(&format!("proposal-status-{}", l.status_before))}</td>
                    <td>{reason}</td>
                    {text}
                </tr>
            }
        })
        .collect_view();
    let page_link = |n: i64| {
        let sep = if q.is_empty() { "?" } else { "&" };
        format!("/moderation/log{q}{sep}page={n}")
    };
    let prev = (filter.page > 1).then(|| view! { <a rel="prev" href=page_link(filter.page - 1)>{tr.t("moderation-log-previous")}</a> });
    let next = (filter.page < pages).then(|| view! { <a rel="next" href=page_link(filter.page + 1)>{tr.t("moderation-log-next")}</a> });
    let table = if lines.is_empty() {
        view! { <p>{tr.t("moderation-log-empty")}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=tr.t("moderation-log-title")>
                <table class="moderation-log">
                    <caption class="visually-hidden">{tr.t("moderation-log-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr.t("moderation-log-when")}</th>
                            <th scope="col">{tr.t("moderation-log-who")}</th>
                            <th scope="col">{tr.t("moderation-log-what")}</th>
                            <th scope="col">{tr.t("moderation-log-proposal")}</th>
                            <th scope="col">{tr.t("moderation-log-status-before")}</th>
                            <th scope="col">{tr.t("moderation-log-reason")}</th>
                            <th scope="col">{tr.t("moderation-log-text")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <FormAlert message=problem.as_ref().map(|(_, m)| m.clone())/>
        <form method="get" action="/moderation/log" class="row filters" role="search">
            <div class="field">
                <label for="f-action">{tr.t("moderation-log-what")}</label>
                <select id="f-action" name="action">
                    <option value="">{tr.t("moderation-log-all")}</option>
                    {actions}
                </select>
            </div>
            <div class="field">
                <label for="f-moderator">{tr.t("moderation-log-who")}</label>
                <select id="f-moderator" name="moderator">
                    <option value="">{tr.t("moderation-log-all")}</option>
                    {who}
                </select>
            </div>
            <div class="field">
                <label for="f-from">{tr.t("moderation-log-from")}</label>
                {error("from")}
                <input id="f-from" type="date" name="from" value=typed.from.clone() aria-describedby=from_err aria-invalid=from_invalid/>
            </div>
            <div class="field">
                <label for="f-to">{tr.t("moderation-log-to")}</label>
                {error("to")}
                <input id="f-to" type="date" name="to" value=typed.to.clone() aria-describedby=to_err aria-invalid=to_invalid/>
            </div>
            <div class="field">
                <label for="f-q">{tr.t("moderation-log-search")}</label>
                <input id="f-q" type="search" name="q" value=typed.q.clone()/>
            </div>
            <button type="submit" class="button secondary">{tr.t("moderation-log-apply")}</button>
        </form>
        <p role="status">{tr.t_args("moderation-log-count", &[("count", total.to_string()), ("page", filter.page.to_string()), ("pages", pages.to_string())])}</p>
        <p class="actions">
            <a class="button secondary" href=format!("{export}.csv{q}") download="">{tr.t("moderation-log-export-csv")}</a>
            <a class="button secondary" href=format!("{export}.xlsx{q}") download="">{tr.t("moderation-log-export-xlsx")}</a>
        </p>
        {table}
        <nav class="pager" aria-label=tr.t("moderation-log-pages")>{prev}" "{next}</nav>
    }
}
