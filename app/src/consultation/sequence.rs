//! The vote page's steps as data (`sequence_view`), built and translated on
//! the server: for the page itself (no JavaScript needed) and for the vote
//! island's background posts, which get the next step in the same shape.

use super::api::{DemographicsForm, SequenceForm, VoteForm};
use super::groups;
use super::logic::{allowed_for, VoteKey};
use super::rules::AGE_BRACKETS;
use super::sequence_view::{
    CardTexts, CardView, Check, Choice, DemographicsView, Link, SequencePost, SequenceView, Step,
    Voted,
};
use super::service::{self, SequenceState, DEMOGRAPHICS_AFTER};
use super::signing::{sign, ServedIn};
use super::store::{self, Consultation, Proposal, StoredVote};
use crate::error::AppError;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use rand::distributions::{Alphanumeric, DistString};
use serde_json::{Map, Value};

/// A fresh key for one form: a retried post of it is applied once.
pub fn fresh_key() -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), 22)
}

/// Where the participant stands in their sequence.
// Built once per request and matched at once: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Current {
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

async fn current(ctx: &Ctx, c: &Consultation) -> Result<(SequenceState, Current), AppError> {
    if !c.is_open(ctx.settings.today()) {
        return Ok((SequenceState::default(), Current::Closed));
    }
    let participant = service::participant(ctx).await?;
    let mut state = service::current_sequence(ctx, c, participant).await?;
    if state.ids.is_empty() {
        // New proposals may have been published since; try once more.
        state = service::new_sequence(ctx, c, participant).await?;
        if state.ids.is_empty() {
            return Ok((state, Current::Empty));
        }
    }
    if state.position >= state.ids.len() {
        let voted = state.ids.len();
        return Ok((state, Current::Done { voted }));
    }
    if state.position == DEMOGRAPHICS_AFTER && !state.demographics_done {
        let answered = groups::has_demographics(&ctx.db, c.id, participant)
            .await
            .map_err(|e| ctx.internal(e))?;
        if !answered {
            return Ok((state, Current::Demographics));
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
        return Box::pin(current(ctx, c)).await;
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
        Current::Card {
            proposal,
            signature,
            vote,
        },
    ))
}

/// A proposal's card, translated, with a fresh idempotency key.
pub fn card_view(
    tr: Tr,
    proposal: &Proposal,
    served_in: ServedIn,
    signature: String,
    back: String,
    vote: Option<&StoredVote>,
    progress: Option<String>,
) -> CardView {
    let label = |key: VoteKey| tr.t(&format!("vote-{}", key.slug()));
    let voted = vote.map(|v| Voted {
        key: v.key.slug().to_owned(),
        recorded: tr.t_args("vote-recorded", &[("key", label(v.key))]),
        checks: allowed_for(v.key)
            .iter()
            .map(|q| Check {
                slug: q.slug().to_owned(),
                label: tr.t(&format!("qualification-{}", q.slug())),
                checked: v.qualifications.contains(q),
            })
            .collect(),
    });
    CardView {
        proposal_id: proposal.id,
        content: proposal.content.clone(),
        served_in: served_in.as_str().to_owned(),
        signature,
        back,
        idempotency_key: fresh_key(),
        progress,
        keys: [VoteKey::Agree, VoteKey::Disagree, VoteKey::Neutral]
            .into_iter()
            .map(|k| Choice {
                value: k.slug().to_owned(),
                label: label(k),
            })
            .collect(),
        vote: voted,
        texts: CardTexts {
            prompt: tr.t("vote-prompt"),
            qualify: tr.t("vote-qualify"),
            qualify_submit: tr.t("vote-qualify-submit"),
            change: tr.t("vote-change"),
            withdraw: tr.t("vote-withdraw"),
        },
    }
}

fn demographics_view(ctx: &Ctx, c: &Consultation) -> DemographicsView {
    let tr = ctx.tr;
    let form = FormState::of(ctx, "demographics");
    DemographicsView {
        title: tr.t("demographics-title"),
        intro: tr.t("demographics-intro"),
        age_label: tr.t("demographics-age"),
        ages: AGE_BRACKETS
            .iter()
            .map(|a| Choice {
                value: a.to_string(),
                label: tr.t(&format!("age-{a}")),
            })
            .collect(),
        neighbourhood_label: tr.t("demographics-neighbourhood"),
        neighbourhoods: c
            .neighbourhoods
            .iter()
            .map(|n| Choice {
                value: n.clone(),
                label: n.clone(),
            })
            .collect(),
        prefer_not: tr.t("form-prefer-not"),
        save: tr.t("demographics-save"),
        skip: tr.t("demographics-skip"),
        age: form.value("age_bracket", ""),
        neighbourhood: form.value("neighbourhood", ""),
        age_error: form.error("age_bracket"),
        neighbourhood_error: form.error("neighbourhood"),
    }
}

/// The vote page's content for the participant making the request.
pub async fn view(ctx: &Ctx, c: &Consultation) -> Result<SequenceView, AppError> {
    let tr = ctx.tr;
    let (state, current) = current(ctx, c).await?;
    let base = service::consultation_path(c);
    let results = Link {
        href: format!("{base}/results"),
        label: tr.t("consultation-results"),
    };
    let propose = Link {
        href: format!("{base}/propose"),
        label: tr.t("consultation-propose"),
    };
    let step = match current {
        Current::Closed => Step::Closed {
            message: tr.t("consultation-error-closed"),
            results,
        },
        Current::Empty => Step::Empty {
            message: tr.t("sequence-empty"),
            propose,
        },
        Current::Done { voted } => Step::Done {
            title: tr.t("sequence-thanks"),
            summary: tr.t_args("sequence-done", &[("count", voted.to_string())]),
            propose,
            results,
            restart: tr.t("sequence-restart"),
        },
        Current::Demographics => Step::Demographics(demographics_view(ctx, c)),
        Current::Card {
            proposal,
            signature,
            vote,
        } => {
            let total = state.ids.len();
            let progress = tr.t_args(
                "sequence-progress",
                &[
                    ("n", (state.position + 1).to_string()),
                    ("total", total.to_string()),
                ],
            );
            let card = card_view(
                tr,
                &proposal,
                ServedIn::Sequence,
                signature,
                service::vote_path(c),
                vote.as_ref(),
                Some(progress),
            );
            let next = if state.position + 1 == total {
                tr.t("sequence-finish")
            } else {
                tr.t("sequence-next")
            };
            Step::Card {
                card,
                next,
                skip: tr.t("sequence-skip"),
            }
        }
    };
    // A plain form refused on the way here (closed, too many votes...).
    let alert = ["vote", "sequence", "demographics"]
        .into_iter()
        .find_map(|f| FormState::of(ctx, f).message());
    Ok(SequenceView {
        consultation: c.slug.clone(),
        position: state.position,
        step,
        alert,
    })
}

/// Reads the island's fields into the plain form they stand for.
fn form_of<T: serde::de::DeserializeOwned + Default>(act: &SequencePost) -> T {
    let map: Map<String, Value> = act
        .fields
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    serde_json::from_value(Value::Object(map)).unwrap_or_default()
}

/// Applies one of the vote page's forms sent by the island and answers with
/// the step to show next. Refusals are the same as for the plain forms.
pub async fn act(ctx: &Ctx, act: &SequencePost) -> Result<SequenceView, AppError> {
    let c = service::consultation(ctx, &act.consultation).await?;
    match act.form.as_str() {
        "vote" => {
            service::vote(ctx, &form_of::<VoteForm>(act)).await?;
        }
        "sequence" => {
            let mut form = form_of::<SequenceForm>(act);
            form.consultation = c.slug.clone();
            service::sequence_step(ctx, &form).await?;
        }
        "demographics" => {
            let mut form = form_of::<DemographicsForm>(act);
            form.consultation = c.slug.clone();
            service::save_demographics(ctx, &form).await?;
        }
        _ => return Err(AppError::NotFound(ctx.t("error-not-found"))),
    }
    view(ctx, &c).await
}
