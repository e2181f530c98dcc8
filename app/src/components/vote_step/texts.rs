//! The vote page's step, translated: the service's read model
//! (`consultation::service::sequence::VotePage`) turned into texts and form
//! values, which `vote_step` renders to plain forms, for the page itself and
//! for the vote island's background posts.

use crate::consultation::logic::rules::AGE_BRACKETS;
use crate::consultation::logic::signing::ServedIn;
use crate::consultation::logic::{allowed_for, VoteKey};
use crate::consultation::service::sequence::{VotePage, VoteStep};
use crate::consultation::service::{consultation_path, vote_path};
use crate::consultation::store::consultations::Consultation;
use crate::consultation::store::proposals::Proposal;
use crate::consultation::store::votes::StoredVote;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use serde::{Deserialize, Serialize};

/// A value and its label (a vote key, an option of a select...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A link shown as a button.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
    pub label: String,
}

/// A qualification checkbox once a vote is recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub slug: String,
    pub label: String,
    pub checked: bool,
}

/// The participant's current vote on a card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Voted {
    pub key: String,
    /// "Votre avis : D'accord."
    pub recorded: String,
    pub checks: Vec<Check>,
}

/// The card's fixed texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardTexts {
    pub prompt: String,
    pub qualify: String,
    pub qualify_submit: String,
    pub change: String,
    pub withdraw: String,
}

/// One proposal to vote on, with what its forms post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardView {
    pub proposal_id: i64,
    pub content: String,
    pub served_in: String,
    pub signature: String,
    /// On a proposal page reached from within the site, the page's fresh
    /// site-link token (see `consultation::logic::signing`); empty elsewhere.
    pub from: String,
    /// Where a plain form post comes back to.
    pub back: String,
    /// Made fresh for each card shown: a retried post of it counts once.
    pub idempotency_key: String,
    /// "4 / 12" in a sequence.
    pub progress: Option<String>,
    /// Agree, disagree, neutral.
    pub keys: Vec<Choice>,
    pub vote: Option<Voted>,
    pub texts: CardTexts,
    /// "Orthographe corrigée par la modération", when it was.
    #[serde(default)]
    pub corrected: Option<String>,
}

/// The optional demographics card, once per sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemographicsView {
    pub title: String,
    pub intro: String,
    pub age_label: String,
    pub ages: Vec<Choice>,
    pub neighbourhood_label: String,
    pub neighbourhoods: Vec<Choice>,
    /// "Je préfère ne pas répondre", the empty option of both selects.
    pub prefer_not: String,
    pub save: String,
    pub skip: String,
    /// What was chosen before a refusal, kept.
    pub age: String,
    pub neighbourhood: String,
    pub age_error: Option<String>,
    pub neighbourhood_error: Option<String>,
}

/// One step of a voting sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// The consultation is closed: a message and the results.
    Closed {
        message: String,
        results: Link,
    },
    /// Nothing left to vote on: an invitation to propose.
    Empty {
        message: String,
        propose: Link,
    },
    Demographics(DemographicsView),
    Card {
        card: CardView,
        /// The "next" button once voted ("Suivante", "Terminer").
        next: String,
        /// The link-like button that skips the card before voting.
        skip: String,
    },
    Done {
        title: String,
        summary: String,
        propose: Link,
        results: Link,
        restart: String,
    },
}

/// The vote page's content: a step, the sequence it belongs to, and a
/// refusal to show (a closed consultation, too many votes...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SequenceView {
    /// The consultation's slug, posted by every form.
    pub consultation: String,
    /// The sequence position the step was shown at, so that a retried
    /// "next" moves on once.
    pub position: usize,
    pub step: Step,
    pub alert: Option<String>,
}

/// A proposal's card, translated, with a fresh idempotency key.
/// The card's form values: what it posts besides the key pressed.
pub struct CardForm {
    pub served_in: ServedIn,
    pub signature: String,
    /// The proposal page's site-link token, when it was reached from within the site.
    pub from: String,
    /// Where the plain forms come back to.
    pub back: String,
    pub idempotency_key: String,
}

pub fn card_view(
    tr: Tr,
    proposal: &Proposal,
    form: CardForm,
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
        served_in: form.served_in.as_str().to_owned(),
        signature: form.signature,
        from: form.from,
        back: form.back,
        idempotency_key: form.idempotency_key,
        progress,
        keys: [VoteKey::Agree, VoteKey::Disagree, VoteKey::Neutral]
            .into_iter()
            .map(|k| Choice {
                value: k.slug().to_owned(),
                label: label(k),
            })
            .collect(),
        vote: voted,
        corrected: proposal.is_corrected().then(|| tr.t("proposal-corrected")),
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

/// The vote page's step, translated for the participant making the request.
pub fn sequence_view(ctx: &Ctx, page: &VotePage) -> SequenceView {
    let tr = ctx.tr;
    let c = &page.consultation;
    let base = consultation_path(c);
    let results = Link {
        href: format!("{base}/results"),
        label: tr.t("consultation-results"),
    };
    let propose = Link {
        href: format!("{base}/propose"),
        label: tr.t("consultation-propose"),
    };
    let step = match &page.step {
        VoteStep::Closed => Step::Closed {
            message: tr.t("consultation-error-closed"),
            results,
        },
        VoteStep::Empty => Step::Empty {
            message: tr.t("sequence-empty"),
            propose,
        },
        VoteStep::Done { voted } => Step::Done {
            title: tr.t("sequence-thanks"),
            summary: tr.t_args("sequence-done", &[("count", voted.to_string())]),
            propose,
            results,
            restart: tr.t("sequence-restart"),
        },
        VoteStep::Demographics => Step::Demographics(demographics_view(ctx, c)),
        VoteStep::Card(shown) => {
            let total = page.total;
            let progress = tr.t_args(
                "sequence-progress",
                &[
                    ("n", (page.position + 1).to_string()),
                    ("total", total.to_string()),
                ],
            );
            let form = CardForm {
                served_in: ServedIn::Sequence,
                signature: shown.signature.clone(),
                from: String::new(),
                back: vote_path(c),
                idempotency_key: shown.idempotency_key.clone(),
            };
            let card = card_view(
                tr,
                &shown.proposal,
                form,
                shown.vote.as_ref(),
                Some(progress),
            );
            let next = if page.position + 1 == total {
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
    SequenceView {
        consultation: c.slug.clone(),
        position: page.position,
        step,
        alert,
    }
}
