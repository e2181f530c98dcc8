//! Proposing an idea in two steps that work without JavaScript: first the
//! sentence, then (having seen similar proposals one can vote on instead) the
//! few details: a first name, and optionally an email, age bracket, neighbourhood.

use super::breadcrumb;
use crate::components::fields::optional_select;
use crate::components::{load_page, Field, FormAlert, Page, TextArea};
use crate::consultation::api::Propose;
use crate::consultation::logic::rules::{AGE_BRACKETS, MAX_LENGTH};
use crate::consultation::service::{self, pages::propose_page};
use crate::pages::{param, query};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

pub fn age_options(tr: Tr) -> Vec<(String, String)> {
    AGE_BRACKETS
        .iter()
        .map(|a| (a.to_string(), tr.t(&format!("age-{a}"))))
        .collect()
}

#[component]
pub fn ProposePage() -> impl IntoView {
    let tr = Tr::current();
    let draft = query("body").unwrap_or_default();
    let data = async move {
        let ctx = Ctx::get()?;
        let page = propose_page(&ctx, &param("slug"), &draft).await?;
        Ok((ctx, page, draft))
    };
    load_page(data, move |(ctx, page, draft)| {
        let c = page.consultation;
        let similar = page.similar;
        let links = page.links;
        let form = FormState::of(&ctx, "propose");
        let base = service::consultation_path(&c);
        let open = c.is_open(ctx.settings.today());
        let second_step = form.message().is_some() || !draft.trim().is_empty();
        let prefix_hint = tr.t_args(
            "propose-hint",
            &[
                ("prefix", c.proposal_prefix.clone()),
                ("max", MAX_LENGTH.to_string()),
            ],
        );
        let content = if !open {
            view! { <p class="notice">{tr.t("consultation-error-closed")}</p> }.into_any()
        } else if !second_step {
            view! {
                <form method="get" action=format!("{base}/propose") class="stack">
                    <div class="field">
                        <label for="f-body">{tr.t("propose-idea")}</label>
                        <p class="hint" id="f-body-hint">{prefix_hint}</p>
                        <div class="prefixed">
                            <span class="prefix" aria-hidden="true">{c.proposal_prefix.clone()}"…"</span>
                            <textarea id="f-body" name="body" rows="3" maxlength=MAX_LENGTH aria-describedby="f-body-hint" required></textarea>
                        </div>
                    </div>
                    <button type="submit" class="button">{tr.t("propose-continue")}</button>
                </form>
            }
            .into_any()
        } else {
            let similar_list = (!similar.is_empty()).then(|| {
                let items = similar
                    .iter()
                    .map(|p| {
                        view! {
                            <li>
                                <p class="proposal-text">{p.content.clone()}</p>
                                <a href=links.to(p.id)>{tr.t("propose-vote-instead")}</a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="similar" aria-labelledby="similar-title">
                        <h2 id="similar-title">{tr.t("propose-similar")}</h2>
                        <p>{tr.t("propose-similar-intro")}</p>
                        <ul class="cards">{items}</ul>
                    </section>
                }
            });
            let neighbourhoods = c
                .neighbourhoods
                .iter()
                .map(|n| (n.clone(), n.clone()))
                .collect();
            view! {
                {similar_list}
                <form method="post" action=Propose::url() class="stack" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="consultation" value=c.slug.clone()/>
                    <input type="hidden" name="idempotency_key" value=page.idempotency_key/>
                    <TextArea name="body" label=tr.t_args("propose-your-idea", &[("prefix", c.proposal_prefix.clone())])
                        value=form.value("body", draft.clone()) error=form.error("body") hint=prefix_hint rows=3/>
                    <Field name="author_name" label=tr.t("propose-name") value=form.value("author_name", "")
                        error=form.error("author_name") required=true autocomplete=Some("given-name") maxlength=Some(60)
                        hint=tr.t("propose-name-hint")/>
                    <Field name="author_email" kind="email" label=tr.t("propose-email") value=form.value("author_email", "")
                        error=form.error("author_email") autocomplete=Some("email") hint=tr.t("propose-email-hint")/>
                    {optional_select("age_bracket", tr.t("demographics-age"), tr.t("form-prefer-not"), age_options(tr), &form.value("age_bracket", ""), form.error("age_bracket"))}
                    {optional_select("neighbourhood", tr.t("demographics-neighbourhood"), tr.t("form-prefer-not"), neighbourhoods, &form.value("neighbourhood", ""), form.error("neighbourhood"))}
                    <div class="field checkbox" class:has-problem=form.error("charter").is_some()>
                        <input id="f-charter" type="checkbox" name="charter" value="on" checked=form.checked("charter", false)
                            aria-describedby=form.error("charter").map(|_| "f-charter-err")/>
                        <label for="f-charter">{tr.t("propose-charter")}" "<a href="/moderation-charter">{tr.t("charter-title")}</a></label>
                        {form.error("charter").map(|e| view! { <p class="field-problem" id="f-charter-err">{e}</p> })}
                    </div>
                    <button type="submit" class="button">{tr.t("propose-submit")}</button>
                </form>
            }
            .into_any()
        };
        view! {
            <Page title=tr.t("consultation-propose")>
                {breadcrumb(tr, &c, Some(tr.t("consultation-propose")))}
                <h1>{tr.t("consultation-propose")}</h1>
                <p class="question">{c.question.clone()}</p>
                {content}
            </Page>
        }
    })
}
