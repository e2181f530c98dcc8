//! Voting in sequence: one proposal at a time, big buttons, progress, an
//! optional demographics card once per sequence, and at the end an invitation
//! to propose or see the results. Each step is a plain form post.

use super::propose::{age_options, optional_select};
use super::{breadcrumb, load};
use crate::components::vote_card::{CardTarget, VoteCard};
use crate::components::{load_page, FormAlert, Page};
use crate::consultation::api::{SaveDemographics, SequenceStep};
use crate::consultation::groups;
use crate::consultation::service::{self, SequenceState, DEMOGRAPHICS_AFTER};
use crate::consultation::signing::{sign, ServedIn};
use crate::consultation::store::{self, Consultation, Proposal, StoredVote};
use crate::error::AppError;
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

// Built once per request and matched at once: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Step {
    Closed,
    Empty,
    Demographics,
    Card {
        proposal: Proposal,
        signature: String,
        vote: Option<StoredVote>,
    },
    Done {
        voted: usize,
    },
}

async fn step(ctx: &Ctx, c: &Consultation) -> Result<(SequenceState, Step), AppError> {
    if !c.is_open(ctx.settings.today()) {
        return Ok((SequenceState::default(), Step::Closed));
    }
    let participant = service::participant(ctx).await?;
    let mut state = service::current_sequence(ctx, c, participant).await?;
    if state.ids.is_empty() {
        // New proposals may have been published since; try once more.
        state = service::new_sequence(ctx, c, participant).await?;
        if state.ids.is_empty() {
            return Ok((state, Step::Empty));
        }
    }
    if state.position >= state.ids.len() {
        let voted = state.ids.len();
        return Ok((state, Step::Done { voted }));
    }
    if state.position == DEMOGRAPHICS_AFTER && !state.demographics_done {
        let answered = groups::has_demographics(&ctx.db, c.id, participant)
            .await
            .map_err(|e| ctx.internal(e))?;
        if !answered {
            return Ok((state, Step::Demographics));
        }
    }
    let id = state.ids[state.position];
    let proposal = store::proposal(&ctx.db, id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let Some(proposal) = proposal.filter(|p| p.status == "accepted") else {
        // Unpublished since the sequence was chosen: move past it.
        state.position += 1;
        service::save_sequence(ctx, c, &state).await?;
        return Box::pin(step(ctx, c)).await;
    };
    let secret = store::signing_key(&ctx.db)
        .await
        .map_err(|e| ctx.internal(e))?;
    let signature = sign(&secret, c.id, id, participant, ServedIn::Sequence);
    let vote = store::vote_of(&ctx.db.pool, id, participant)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok((
        state,
        Step::Card {
            proposal,
            signature,
            vote,
        },
    ))
}

fn sequence_form(
    c: &Consultation,
    action: &'static str,
    label: String,
    class: &'static str,
) -> impl IntoView {
    view! {
        <form method="post" action=SequenceStep::url() class="inline-form">
            <input type="hidden" name="consultation" value=c.slug.clone()/>
            <input type="hidden" name="action" value=action/>
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

#[component]
pub fn VotePage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let (ctx, c) = load(param("slug")).await?;
        let (state, step) = step(&ctx, &c).await?;
        Ok((ctx, c, state, step))
    };
    load_page(data, move |(ctx, c, state, step)| {
        let base = service::consultation_path(&c);
        let content = match step {
            Step::Closed => view! {
                <p class="notice">{tr.t("consultation-error-closed")}</p>
                <p><a href=format!("{base}/results")>{tr.t("consultation-results")}</a></p>
            }
            .into_any(),
            Step::Empty => view! {
                <p>{tr.t("sequence-empty")}</p>
                <p><a class="button" href=format!("{base}/propose")>{tr.t("consultation-propose")}</a></p>
            }
            .into_any(),
            Step::Done { voted } => view! {
                <div class="vote-card done">
                    <h2>{tr.t("sequence-thanks")}</h2>
                    <p>{tr.t_args("sequence-done", &[("count", voted.to_string())])}</p>
                    <p><a class="button" href=format!("{base}/propose")>{tr.t("consultation-propose")}</a></p>
                    <p><a class="button secondary" href=format!("{base}/results")>{tr.t("consultation-results")}</a></p>
                    {sequence_form(&c, "restart", tr.t("sequence-restart"), "small")}
                </div>
            }
            .into_any(),
            Step::Demographics => {
                let form = FormState::of(&ctx, "demographics");
                let hoods = c.neighbourhoods.iter().map(|n| (n.clone(), n.clone())).collect();
                view! {
                    <div class="vote-card">
                        <h2>{tr.t("demographics-title")}</h2>
                        <p>{tr.t("demographics-intro")}</p>
                        <form method="post" action=SaveDemographics::url() class="stack">
                            <FormAlert message=form.message()/>
                            <input type="hidden" name="consultation" value=c.slug.clone()/>
                            {optional_select(tr, "age_bracket", tr.t("demographics-age"), age_options(tr), form.value("age_bracket", ""), form.error("age_bracket"))}
                            {optional_select(tr, "neighbourhood", tr.t("demographics-neighbourhood"), hoods, form.value("neighbourhood", ""), form.error("neighbourhood"))}
                            <div class="row">
                                <button type="submit" name="action" value="save" class="button">{tr.t("demographics-save")}</button>
                                <button type="submit" name="action" value="skip" class="small">{tr.t("demographics-skip")}</button>
                            </div>
                        </form>
                    </div>
                }
                .into_any()
            }
            Step::Card { proposal, signature, vote } => {
                let progress = tr.t_args(
                    "sequence-progress",
                    &[("n", (state.position + 1).to_string()), ("total", state.ids.len().to_string())],
                );
                let voted = vote.is_some();
                let next_label = if state.position + 1 == state.ids.len() { tr.t("sequence-finish") } else { tr.t("sequence-next") };
                let next = voted.then(|| sequence_form(&c, "next", next_label, "button").into_any());
                let skip = (!voted).then(|| sequence_form(&c, "next", tr.t("sequence-skip"), "link-button"));
                let target = CardTarget { proposal_id: proposal.id, served_in: "sequence", signature, back: format!("{base}/vote") };
                view! {
                    <VoteCard content=proposal.content.clone() target current=vote progress=Some(progress) after_vote=next/>
                    <p class="skip">{skip}</p>
                }
                .into_any()
            }
        };
        let refusal = FormState::of(&ctx, "sequence").message();
        view! {
            <Page title=tr.t("consultation-vote")>
                {breadcrumb(tr, &c, Some(tr.t("consultation-vote")))}
                <h1 class="question">{c.question.clone()}</h1>
                <FormAlert message=refusal/>
                {content}
            </Page>
        }
    })
}
