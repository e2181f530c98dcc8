//! Votes: cast, qualify, withdraw. A vote is read and written once per
//! request; what was loaded (the consultation, the proposal, the vote) is
//! handed on to the page shown next rather than read again.

use super::{
    consultation_of, ensure_open, idempotency_key, participant, published, split_visitor_signature,
};
use crate::consultation::forms::{VoteForm, VoteResult};
use crate::consultation::logic::{self, signing, Qualification, VoteKey};
use crate::consultation::store::consultations::Consultation;
use crate::consultation::store::proposals::Proposal;
use crate::consultation::store::secrets::signing_key;
use crate::consultation::store::votes::{apply_vote, vote_of, StoredVote, VoteChange};
use crate::error::AppError;
use crate::ssr::db::now;
use crate::ssr::rate_limit::Action;
use crate::ssr::Ctx;
use std::collections::HashMap;

/// The qualifications ticked in a form (`q_<slug>=on`).
fn qualifications(extra: &HashMap<String, String>) -> Vec<Qualification> {
    let mut q: Vec<Qualification> = extra
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| Qualification::from_slug(k.strip_prefix("q_")?))
        .collect();
    q.sort();
    q
}

pub(super) fn result_of(vote: Option<&StoredVote>) -> VoteResult {
    VoteResult {
        key: vote.map(|v| v.key.slug().to_owned()),
        qualifications: vote
            .map(|v| {
                v.qualifications
                    .iter()
                    .map(|q| q.slug().to_owned())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// A vote just applied: the proposal and the vote as it now stands.
pub struct Voted {
    pub participant: i64,
    pub proposal: Proposal,
    pub vote: Option<StoredVote>,
}

/// Applies a vote form. `known` is a consultation already loaded by the
/// caller, used when the proposal belongs to it.
pub async fn cast(
    ctx: &Ctx,
    known: Option<&Consultation>,
    form: &VoteForm,
) -> Result<(Consultation, Voted), AppError> {
    let proposal = published(ctx, &form.proposal_id).await?;
    let c = consultation_of(ctx, &proposal, known).await?;
    let id = proposal.id;
    ensure_open(ctx, &c).await?;
    let key = idempotency_key(ctx, &form.idempotency_key)?;
    // A visitor's first vote, from a card signed for a one-time visitor
    // number, creates their participant under it (once: see `visitor_signature`).
    let (participant, signed_for, signature) = match split_visitor_signature(&form.signature) {
        Some((visitor, signature)) => {
            let (id, adopted) =
                crate::account::participant::ensure_as_visitor(&ctx.db, &ctx.session, visitor)
                    .await?;
            (id, if adopted { visitor } else { id }, signature)
        }
        None => {
            let id = participant(ctx).await?;
            (id, id, form.signature.as_str())
        }
    };
    ctx.rate_limit(Action::Vote, participant).await?;
    let quals = qualifications(&form.extra);
    let change = match form.key.as_str() {
        "withdraw" => VoteChange::Withdraw,
        "qualify" => {
            let current = vote_of(&ctx.db.pool, id, participant).await?;
            let current = current.ok_or_else(|| ctx.invalid("key", "vote-error-no-vote"))?;
            logic::validate_qualifications(current.key, &quals)
                .map_err(|_| ctx.invalid("key", "vote-error-qualification"))?;
            VoteChange::Qualify(quals)
        }
        other => {
            let vote_key =
                VoteKey::from_slug(other).ok_or_else(|| ctx.invalid("key", "vote-error-key"))?;
            logic::validate_qualifications(vote_key, &quals)
                .map_err(|_| ctx.invalid("key", "vote-error-qualification"))?;
            let secret = signing_key(&ctx.db).await?;
            let site = super::site_key(ctx).await?;
            let proof = signing::CardProof {
                signature,
                claimed: &form.served_in,
                from: &form.from,
            };
            let ids = (c.id, id, signed_for);
            let tally = signing::tally_of_card((&secret, &site), &proof, ids, now());
            VoteChange::Cast {
                key: vote_key,
                qualifications: quals,
                tally,
            }
        }
    };
    let vote = apply_vote(&ctx.db, c.id, id, participant, key, &change).await?;
    crate::ssr::live::nudge_current(crate::consultation::live::topic(c.id));
    Ok((
        c,
        Voted {
            participant,
            proposal,
            vote,
        },
    ))
}
