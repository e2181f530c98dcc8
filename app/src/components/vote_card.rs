//! One proposal to vote on, with big buttons. Without JavaScript each button
//! posts and the page comes back with the vote recorded and its optional
//! qualifications; the idempotency key in the form makes a double tap count once.

use crate::components::FormAlert;
use crate::consultation::api::Vote;
use crate::consultation::logic::{allowed_for, VoteKey};
use crate::consultation::store::StoredVote;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use rand::distributions::{Alphanumeric, DistString};

/// A fresh key for one form: a retried post of it is applied once.
pub fn fresh_key() -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), 22)
}

pub fn key_label(tr: Tr, key: VoteKey) -> String {
    tr.t(&format!("vote-{}", key.slug()))
}

/// What the card needs to post a vote.
#[derive(Clone)]
pub struct CardTarget {
    pub proposal_id: i64,
    pub served_in: &'static str,
    pub signature: String,
    /// Where the form comes back to.
    pub back: String,
}

fn hidden_fields(target: &CardTarget) -> impl IntoView {
    view! {
        <input type="hidden" name="proposal_id" value=target.proposal_id/>
        <input type="hidden" name="served_in" value=target.served_in/>
        <input type="hidden" name="signature" value=target.signature.clone()/>
        <input type="hidden" name="back" value=target.back.clone()/>
        <input type="hidden" name="idempotency_key" value=fresh_key()/>
    }
}

fn vote_buttons(
    tr: Tr,
    target: &CardTarget,
    current: Option<VoteKey>,
    small: bool,
) -> impl IntoView {
    let buttons = [VoteKey::Agree, VoteKey::Disagree, VoteKey::Neutral]
        .into_iter()
        .map(|key| {
            let pressed = (current == Some(key)).then_some("true");
            view! {
                <button type="submit" name="key" value=key.slug() class=format!("vote vote-{}", key.slug()) aria-pressed=pressed>
                    {key_label(tr, key)}
                </button>
            }
        })
        .collect_view();
    view! {
        <form method="post" action=Vote::url() class=if small { "vote-buttons small-buttons" } else { "vote-buttons" }>
            {hidden_fields(target)}
            {buttons}
        </form>
    }
}

#[component]
pub fn VoteCard(
    content: String,
    target: CardTarget,
    current: Option<StoredVote>,
    /// "4 / 12" in a sequence.
    #[prop(default = None)]
    progress: Option<String>,
    /// Shown below the card once voted (e.g. the "next" button).
    #[prop(default = None)]
    after_vote: Option<AnyView>,
) -> impl IntoView {
    let tr = Tr::current();
    // A refused vote (closed consultation, too many votes) comes back here.
    let refusal = Ctx::get()
        .ok()
        .and_then(|ctx| FormState::of(&ctx, "vote").message());
    let progress = progress.map(|p| view! { <p class="progress">{p}</p> });
    let body = match current {
        None => view! {
            <p class="card-question">{tr.t("vote-prompt")}</p>
            {vote_buttons(tr, &target, None, false)}
        }
        .into_any(),
        Some(vote) => {
            let checks = allowed_for(vote.key)
                .iter()
                .map(|q| {
                    let name = format!("q_{}", q.slug());
                    let id = format!("q-{}-{}", target.proposal_id, q.slug());
                    let checked = vote.qualifications.contains(q);
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=id.clone() name=name value="on" checked=checked/>
                            <label for=id>{tr.t(&format!("qualification-{}", q.slug()))}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <p class="voted" role="status">
                    {tr.t_args("vote-recorded", &[("key", key_label(tr, vote.key))])}
                </p>
                <form method="post" action=Vote::url() class="qualify">
                    {hidden_fields(&target)}
                    <fieldset>
                        <legend>{tr.t("vote-qualify")}</legend>
                        {checks}
                    </fieldset>
                    <button type="submit" name="key" value="qualify" class="small">{tr.t("vote-qualify-submit")}</button>
                </form>
                {after_vote}
                <details class="change-vote">
                    <summary>{tr.t("vote-change")}</summary>
                    {vote_buttons(tr, &target, Some(vote.key), true)}
                    <form method="post" action=Vote::url()>
                        {hidden_fields(&target)}
                        <button type="submit" name="key" value="withdraw" class="link-button">{tr.t("vote-withdraw")}</button>
                    </form>
                </details>
            }
            .into_any()
        }
    };
    view! {
        <article class="vote-card" aria-labelledby=format!("proposal-{}", target.proposal_id)>
            {progress}
            <FormAlert message=refusal/>
            <p class="proposal-text" id=format!("proposal-{}", target.proposal_id)>{content}</p>
            {body}
        </article>
    }
}
