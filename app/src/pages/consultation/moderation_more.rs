//! The moderation page's day-to-day tools: correct a proposal's spelling
//! (the author's text kept) and mark it as a duplicate of a published one,
//! chosen among the most similar or by its number. Plain forms; a refused
//! one comes back with what was typed.

use crate::components::{Field, TextArea};
use crate::consultation::api::Moderate;
use crate::consultation::store::moderation::PendingProposal;
use crate::consultation::store::proposals::Proposal;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// What the public sees of the proposal's corrections and duplicate mark.
pub fn marks(tr: Tr, p: &PendingProposal, kept: Option<Proposal>, public: &str) -> impl IntoView {
    let corrected = p.original_content.clone().map(|original| {
        view! {
            <p class="edit-mark">{tr.t("proposal-corrected")}</p>
            <details class="original">
                <summary>{tr.t("proposal-original")}</summary>
                <p>{original}</p>
            </details>
        }
    });
    let duplicate = p.duplicate_of.map(|k| {
        let text = kept.map(|k| k.content).unwrap_or_default();
        view! {
            <p class="duplicate-mark">
                {tr.t_args("moderation-duplicate-of", &[("id", k.to_string())])}" "
                <a href=format!("/moderation/proposals/{k}")>{text}</a>
            </p>
        }
    });
    view! {
        {corrected}
        {duplicate}
        <p><a href=public.to_owned()>{tr.t("moderation-public-page")}</a></p>
    }
}

/// The correction form and the duplicate form (with its search).
pub fn forms(
    tr: Tr,
    ctx: &Ctx,
    p: &PendingProposal,
    candidates: Vec<Proposal>,
    search: &str,
) -> impl IntoView {
    let form = FormState::of(ctx, "moderation");
    // Both forms post to one function: the decision says which came back.
    let echoed = form.value("decision", "");
    let back = |decision: &str| echoed == decision;
    let content = if back("edit") {
        form.value("content", p.content.clone())
    } else {
        p.content.clone()
    };
    let edit_note = if back("edit") {
        form.value("note", "")
    } else {
        String::new()
    };
    let dup_note = if back("duplicate") {
        form.value("note", "")
    } else {
        String::new()
    };
    let chosen = if back("duplicate") {
        form.value("target", "")
    } else {
        String::new()
    };
    let typed = if back("duplicate") {
        form.value("target_number", "")
    } else {
        String::new()
    };
    let edit_error = |field: &str| {
        if back("edit") {
            form.error(field)
        } else {
            None
        }
    };
    let dup_error = |field: &str| {
        if back("duplicate") {
            form.error(field)
        } else {
            None
        }
    };
    let correctable = crate::consultation::logic::moderation::correctable(p.status);
    let edit = correctable.then(|| {
        view! {
            <section aria-labelledby="edit-title" class="card">
                <h2 id="edit-title">{tr.t("moderation-edit-title")}</h2>
                <p class="hint">{tr.t("moderation-edit-hint")}</p>
                <form method="post" action=Moderate::url() class="stack">
                    <input type="hidden" name="proposal_id" value=p.id/>
                    <TextArea name="content" label=tr.t("moderation-edit-content") value=content
                        error=edit_error("content") hint=tr.t("moderation-edit-content-hint") rows=3/>
                    <Field name="note" label=tr.t("moderation-note") value=edit_note error=edit_error("note")
                        hint=tr.t("moderation-note-hint") maxlength=Some(500)/>
                    <button type="submit" name="decision" value="edit" class="button secondary">{tr.t("moderation-edit-submit")}</button>
                </form>
            </section>
        }
    });
    let options = if candidates.is_empty() {
        view! { <p>{tr.t("moderation-duplicate-none")}</p> }.into_any()
    } else {
        let items = candidates
            .into_iter()
            .map(|c| {
                let id = format!("f-target-{}", c.id);
                let checked = chosen == c.id.to_string();
                view! {
                    <div class="field radio">
                        <input type="radio" id=id.clone() name="target" value=c.id checked=checked/>
                        <label for=id>{format!("n° {} · {}", c.id, c.content)}</label>
                    </div>
                }
            })
            .collect_view();
        let problem = dup_error("target")
            .map(|e| view! { <p class="field-problem" id="f-target-err">{e}</p> });
        let described = problem.is_some().then_some("f-target-err");
        view! {
            <fieldset aria-describedby=described>
                <legend>{tr.t("moderation-duplicate-choose")}</legend>
                {problem}
                {items}
            </fieldset>
        }
        .into_any()
    };
    let dup_described = dup_error("note").map(|_| "f-dup-note-err");
    view! {
        {edit}
        <section aria-labelledby="duplicate-title" class="card">
            <h2 id="duplicate-title">{tr.t("moderation-duplicate-title")}</h2>
            <p class="hint">{tr.t("moderation-duplicate-hint")}</p>
            <form method="get" action=format!("/moderation/proposals/{}", p.id) class="row filters" role="search">
                <div class="field">
                    <label for="f-search">{tr.t("moderation-duplicate-search")}</label>
                    <input id="f-search" type="search" name="search" value=search.to_owned()/>
                </div>
                <button type="submit" class="button secondary">{tr.t("moderation-duplicate-search-submit")}</button>
            </form>
            <form method="post" action=Moderate::url() class="stack">
                <input type="hidden" name="proposal_id" value=p.id/>
                {options}
                <Field name="target_number" label=tr.t("moderation-duplicate-number") value=typed
                    error=dup_error("target_number") hint=tr.t("moderation-duplicate-number-hint")/>
                <div class="field">
                    <label for="f-dup-note">{tr.t("moderation-note")}</label>
                    {dup_error("note").map(|e| view! { <p class="field-problem" id="f-dup-note-err">{e}</p> })}
                    <input id="f-dup-note" type="text" name="note" value=dup_note maxlength="500" aria-describedby=dup_described/>
                </div>
                <button type="submit" name="decision" value="duplicate" class="button danger">{tr.t("moderation-duplicate-submit")}</button>
            </form>
        </section>
    }
}
