//! Moderation: the queue of proposals waiting to be read, reported ones, and
//! the page where a moderator accepts (with themes) or refuses (with a reason).

use super::admin::staff_ctx;
use super::param;
use crate::components::{load_page, FormAlert, Page, TextArea};
use crate::consultation::api::Moderate;
use crate::consultation::moderation::{self, PendingProposal};
use crate::consultation::rules::REFUSAL_REASONS;
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

type Queue = Vec<(i64, String, String, i64, i64, Vec<(i64, String, i64)>)>;

async fn load_queue() -> Result<Queue, AppError> {
    let ctx = staff_ctx(Role::Moderator)?;
    let sizes = moderation::queue_sizes(&ctx.db)
        .await
        .map_err(|e| ctx.internal(e))?;
    let mut out = Vec::new();
    for (id, slug, question, pending, reported) in sizes {
        let list = moderation::reported(&ctx.db, id)
            .await
            .map_err(|e| ctx.internal(e))?;
        out.push((id, slug, question, pending, reported, list));
    }
    Ok(out)
}

#[component]
pub fn ModerationPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("moderation-title")>
            <h1>{tr.t("moderation-title")}</h1>
            <p><a href="/moderation-charter">{tr.t("charter-title")}</a></p>
            {load_page(load_queue(), move |queue| {
                queue
                    .into_iter()
                    .map(|(id, _slug, question, pending, reported, list)| {
                        let reported_list = list
                            .into_iter()
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

async fn load_one(id: i64) -> Result<(Ctx, PendingProposal, bool, Vec<(i64, String)>), AppError> {
    let ctx = staff_ctx(Role::Moderator)?;
    let me = ctx.viewer().map(|u| u.id).unwrap_or_default();
    let proposal = moderation::load(&ctx.db, id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let mine = moderation::lock(&ctx.db, id, me)
        .await
        .map_err(|e| ctx.internal(e))?;
    let themes = moderation::themes_for(&ctx.db, proposal.consultation_id)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok((ctx, proposal, mine, themes))
}

#[component]
pub fn ModerateProposalPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    view! {
        <Page title=tr.t("moderation-proposal")>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/moderation">{tr.t("moderation-title")}</a></li>
                    <li aria-current="page">{tr.t("moderation-proposal")}</li>
                </ol>
            </nav>
            <h1>{tr.t("moderation-proposal")}</h1>
            {load_page(load_one(id), move |(ctx, p, mine, themes)| {
                let form = FormState::of(&ctx, "moderation");
                if !mine {
                    return view! { <p class="notice">{tr.t("moderation-error-locked")}</p> }.into_any();
                }
                let checks = themes
                    .into_iter()
                    .map(|(tid, name)| {
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
                    (tr.t("moderation-status"), tr.t(&format!("proposal-status-{}", p.status))),
                ]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                .collect_view();
                view! {
                    <p class="proposal-text">{p.content.clone()}</p>
                    <dl class="facts">{details}</dl>
                    <p class="hint">{tr.t_args("moderation-locked-for", &[("minutes", (moderation::LOCK_SECONDS / 60).to_string())])}</p>
                    <FormAlert message=form.message()/>
                    <form method="post" action=Moderate::url() class="stack">
                        <input type="hidden" name="proposal_id" value=p.id/>
                        <fieldset>
                            <legend>{tr.t("moderation-themes")}</legend>
                            {checks}
                        </fieldset>
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
                }
                .into_any()
            })}
        </Page>
    }
}
