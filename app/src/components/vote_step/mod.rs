//! The vote page's steps rendered from their data (translated in `texts`):
//! by the page itself, and by the vote island's server function, which swaps
//! the HTML in. Plain forms, each marked with `data-form` so the island knows
//! which one it sends; they work as they stand without JavaScript.

use crate::components::fields::optional_select;
use crate::consultation::api::{SaveDemographics, SequenceStep, Vote};
use crate::consultation::service::sequence::VotePage;
use crate::ssr::Ctx;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
pub use texts::{card_view, CardForm};
use texts::{CardView, Choice, DemographicsView, Link, SequenceView, Step};

pub mod texts;

/// The vote page's step for the participant making the request.
pub fn step(ctx: &Ctx, page: &VotePage) -> AnyView {
    sequence(&texts::sequence_view(ctx, page))
}

/// A hidden field.
fn hidden(name: &'static str, value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value/> }
}

fn alert(message: Option<String>) -> impl IntoView {
    message.map(|m| view! { <div class="form-alert" role="alert"><p>{m}</p></div> })
}

fn button_link(link: &Link, class: &'static str) -> impl IntoView {
    view! { <p><a class=class href=link.href.clone()>{link.label.clone()}</a></p> }
}

/// The form that moves the sequence on ("next", "restart").
fn sequence_form(
    v: &SequenceView,
    action: &'static str,
    label: String,
    class: &'static str,
) -> impl IntoView {
    view! {
        <form method="post" action=SequenceStep::url() class="inline-form" data-form="sequence">
            {hidden("consultation", v.consultation.clone())}
            {hidden("action", action.to_owned())}
            {hidden("position", v.position.to_string())}
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

/// The whole vote page content for one step.
fn sequence(v: &SequenceView) -> AnyView {
    let content = match &v.step {
        Step::Closed { message, results } => view! {
            <p class="notice">{message.clone()}</p>
            {button_link(results, "")}
        }
        .into_any(),
        Step::Empty { message, propose } => view! {
            <p>{message.clone()}</p>
            {button_link(propose, "button")}
        }
        .into_any(),
        Step::Done {
            title,
            summary,
            propose,
            results,
            restart,
        } => view! {
            <div class="vote-card done">
                <h2 tabindex="-1" data-focus="">{title.clone()}</h2>
                <p>{summary.clone()}</p>
                {button_link(propose, "button")}
                {button_link(results, "button secondary")}
                {sequence_form(v, "restart", restart.clone(), "small")}
            </div>
        }
        .into_any(),
        Step::Demographics(d) => demographics(v, d).into_any(),
        Step::Card {
            card: c,
            next,
            skip,
        } => {
            let after_vote = c
                .vote
                .is_some()
                .then(|| sequence_form(v, "next", next.clone(), "button").into_any());
            let skip = c
                .vote
                .is_none()
                .then(|| sequence_form(v, "next", skip.clone(), "link-button"));
            view! {
                {card(c, v.alert.clone(), after_vote)}
                <p class="skip">{skip}</p>
            }
            .into_any()
        }
    };
    // A card shows its own refusal; other steps show it above.
    let alert_above = match &v.step {
        Step::Card { .. } | Step::Demographics(_) => None,
        _ => v.alert.clone(),
    };
    view! { {alert(alert_above)}{content} }.into_any()
}

fn pairs(choices: &[Choice]) -> Vec<(String, String)> {
    choices
        .iter()
        .map(|c| (c.value.clone(), c.label.clone()))
        .collect()
}

fn demographics(v: &SequenceView, d: &DemographicsView) -> impl IntoView {
    view! {
        <div class="vote-card">
            <h2 tabindex="-1" data-focus="">{d.title.clone()}</h2>
            <p>{d.intro.clone()}</p>
            <form method="post" action=SaveDemographics::url() class="stack" data-form="demographics">
                {alert(v.alert.clone())}
                {hidden("consultation", v.consultation.clone())}
                {optional_select("age_bracket", d.age_label.clone(), d.prefer_not.clone(), pairs(&d.ages), &d.age, d.age_error.clone())}
                {optional_select("neighbourhood", d.neighbourhood_label.clone(), d.prefer_not.clone(), pairs(&d.neighbourhoods), &d.neighbourhood, d.neighbourhood_error.clone())}
                <div class="row">
                    <button type="submit" name="action" value="save" class="button">{d.save.clone()}</button>
                    <button type="submit" name="action" value="skip" class="small">{d.skip.clone()}</button>
                </div>
            </form>
        </div>
    }
}

fn card_fields(c: &CardView) -> impl IntoView {
    view! {
        {hidden("proposal_id", c.proposal_id.to_string())}
        {hidden("served_in", c.served_in.clone())}
        {hidden("signature", c.signature.clone())}
        {(!c.from.is_empty()).then(|| hidden("from", c.from.clone()))}
        {hidden("back", c.back.clone())}
        {hidden("idempotency_key", c.idempotency_key.clone())}
    }
}

fn vote_buttons(c: &CardView, small: bool) -> impl IntoView {
    let current = c.vote.as_ref().map(|v| v.key.as_str());
    let buttons = c
        .keys
        .iter()
        .map(|k| {
            let pressed = (current == Some(k.value.as_str())).then_some("true");
            view! {
                <button type="submit" name="key" value=k.value.clone() class=format!("vote vote-{}", k.value) aria-pressed=pressed>
                    {k.label.clone()}
                </button>
            }
        })
        .collect_view();
    let class = if small {
        "vote-buttons small-buttons"
    } else {
        "vote-buttons"
    };
    view! {
        <form method="post" action=Vote::url() class=class data-form="vote">
            {card_fields(c)}
            {buttons}
        </form>
    }
}

/// One proposal card with its vote forms. `after_vote` shows once voted.
pub fn card(c: &CardView, refusal: Option<String>, after_vote: Option<AnyView>) -> impl IntoView {
    let t = &c.texts;
    let body = match &c.vote {
        None => view! {
            <p class="card-question">{t.prompt.clone()}</p>
            {vote_buttons(c, false)}
        }
        .into_any(),
        Some(vote) => {
            let checks = vote
                .checks
                .iter()
                .map(|q| {
                    let id = format!("q-{}-{}", c.proposal_id, q.slug);
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=id.clone() name=format!("q_{}", q.slug) value="on" checked=q.checked/>
                            <label for=id>{q.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <p class="voted" role="status">{vote.recorded.clone()}</p>
                <form method="post" action=Vote::url() class="qualify" data-form="vote">
                    {card_fields(c)}
                    <fieldset>
                        <legend>{t.qualify.clone()}</legend>
                        {checks}
                    </fieldset>
                    <button type="submit" name="key" value="qualify" class="small">{t.qualify_submit.clone()}</button>
                </form>
                {after_vote}
                <details class="change-vote">
                    <summary>{t.change.clone()}</summary>
                    {vote_buttons(c, true)}
                    <form method="post" action=Vote::url() data-form="vote">
                        {card_fields(c)}
                        <button type="submit" name="key" value="withdraw" class="link-button">{t.withdraw.clone()}</button>
                    </form>
                </details>
            }
            .into_any()
        }
    };
    let text_id = format!("proposal-{}", c.proposal_id);
    let labelled_by = text_id.clone();
    view! {
        <article class="vote-card" aria-labelledby=labelled_by>
            {c.progress.clone().map(|p| view! { <p class="progress">{p}</p> })}
            {alert(refusal)}
            <p class="proposal-text" id=text_id tabindex="-1" data-focus="">{c.content.clone()}</p>
            {c.corrected.clone().map(|m| view! { <p class="edit-mark">{m}</p> })}
            {body}
        </article>
    }
}
