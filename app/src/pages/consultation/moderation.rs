//! Moderation: the queue of proposals waiting to be read, reported ones, and
//! the page where a moderator accepts (with themes) or refuses (with a reason).

use crate::components::{load_page, FormAlert, Page, TextArea};
use crate::consultation::api::Moderate;
use crate::consultation::logic::rules::REFUSAL_REASONS;
use crate::consultation::service::moderation::{
    proposal_page, queue_page, ProposalToModerate, QueueEntry,
};
use crate::error::AppError;
use crate::pages::{param, query};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

async fn load_queue() -> Result<Vec<QueueEntry>, AppError> {
    queue_page(&Ctx::get()?).await
}

#[component]
pub fn ModerationPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("moderation-title")>
            <h1>{tr.t("moderation-title")}</h1>
            <p><a href="/moderation-charter">{tr.t("charter-title")}</a></p>
            <p><a href="/moderation/log">{tr.t("moderation-log-title")}</a></p>
            {load_page(load_queue(), move |queue| {
                queue
                    .into_iter()
                    .map(|entry| {
                        let (id, question, pending, reported) =
                            (entry.size.id, entry.size.question, entry.size.pending, entry.size.reported);
                        let reported_list = entry
                            .reported
                            .into_iter()
                            .map(|r| (r.id, r.content, r.reports))
                            .map(|(pid, content, n)| view! {
                                <li>
                                    <a href=format!("/moderation/proposals/{pid}")>{content}</a>" "
                                    {tr.t_args("moderation-reports", &[("count", n.to_string())])}
                                </li>
                            })
                            .collect_view();
                        view! {
                            <section class="card">
                                <h2>{question}</h2>
                                <p>{tr.t_args("moderation-pending", &[("count", pending.to_string())])}</p>
                                <form method="post" action=Moderate::url()>
                                    <input type="hidden" name="consultation_id" value=id/>
                                    <input type="hidden" name="decision" value="next"/>
                                    <button type="submit" class="button" disabled=pending == 0>{tr.t("moderation-next")}</button>
                                </form>
                                <h3>{tr.t_args("moderation-reported", &[("count", reported.to_string())])}</h3>
                                <ul>{reported_list}</ul>
                            </section>
                        }
                    })
                    .collect_view()
            })}
        </Page>
    }
}

async fn load_one(id: i64, search: String) -> Result<(Ctx, ProposalToModerate), AppError> {
    let ctx = Ctx::get()?;
    let page = proposal_page(&ctx, id, &search).await?;
    Ok((ctx, page))
}

#[component]
pub fn ModerateProposalPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    let search = query("search").unwrap_or_default();
    view! {
        <Page title=tr.t("moderation-proposal")>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/moderation">{tr.t("moderation-title")}</a></li>
                    <li aria-current="page">{tr.t("moderation-proposal")}</li>
                </ol>
            </nav>
            <h1>{tr.t("moderation-proposal")}</h1>
            {load_page(load_one(id, search), move |(ctx, page)| {
                let ProposalToModerate { proposal: p, mine, themes, lock_minutes, candidates, search, kept, public_path } = page;
                let form = FormState::of(&ctx, "moderation");
                if !mine {
                    return view! { <p class="notice">{tr.t("moderation-error-locked")}</p> }.into_any();
                }
                let has_themes = !themes.is_empty();
                let checks = themes
                    .into_iter()
                    .map(|theme| {
                        let (tid, name) = (theme.id, theme.name);
                        let field = format!("theme_{tid}");
                        view! {
                            <div class="field checkbox">
                                <input type="checkbox" id=field.clone() name=field.clone() value="on"/>
                                <label for=field>{name}</label>
                            </div>
                        }
                    })
                    .collect_view();
                let reasons = REFUSAL_REASONS
                    .iter()
                    .map(|r| view! { <option value=*r>{tr.t(&format!("refusal-{r}"))}</option> })
                    .collect_view();
                let details = [
                    (tr.t("propose-name"), p.author_name.clone()),
                    (tr.t("propose-email"), p.author_email.clone()),
                    (tr.t("demographics-age"), p.age_bracket.clone()),
                    (tr.t("demographics-neighbourhood"), p.neighbourhood.clone()),
                    (tr.t("moderation-status"), tr.t(&format!("proposal-status-{}", p.status.as_str()))),
                ]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                .collect_view();
                let marks = super::moderation_more::marks(tr, &p, kept, &public_path);
                let more = super::moderation_more::forms(tr, &ctx, &p, candidates, &search);
                view! {
                    <p class="proposal-text">{p.content.clone()}</p>
                    {marks}
                    <dl class="facts">{details}</dl>
                    <p class="hint">{tr.t_args("moderation-locked-for", &[("minutes", lock_minutes.to_string())])}</p>
                    <FormAlert message=form.message()/>
                    <form method="post" action=Moderate::url() class="stack">
                        <input type="hidden" name="proposal_id" value=p.id/>
                        // No empty group while the process has no theme.
                        {has_themes.then(|| view! {
                            <fieldset>
                                <legend>{tr.t("moderation-themes")}</legend>
                                {checks}
                            </fieldset>
                        })}
                        <button type="submit" name="decision" value="accept" class="button">{tr.t("moderation-accept")}</button>
                    </form>
                    <form method="post" action=Moderate::url() class="stack">
                        <input type="hidden" name="proposal_id" value=p.id/>
                        <div class="field">
                            <label for="f-reason">{tr.t("moderation-reason")}</label>
                            <select id="f-reason" name="reason">{reasons}</select>
                        </div>
                        <TextArea name="message" label=tr.t("moderation-message") value=form.value("message", "")
                            error=form.error("message") hint=tr.t("moderation-message-hint") rows=3/>
                        <button type="submit" name="decision" value="refuse" class="button danger">{tr.t("moderation-refuse")}</button>
                    </form>
                    {more}
                }
                .into_any()
            })}
        </Page>
    }
}
