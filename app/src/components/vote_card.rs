//! One proposal to vote on, outside a sequence (the proposal's own page):
//! the vote island's card, rendered on the server with plain forms. Each
//! button posts and the page comes back with the vote recorded and its
//! optional qualifications; the idempotency key makes a double tap count once.

use crate::components::vote_step::{card, card_view, CardForm};
use crate::consultation::store::proposals::Proposal;
use crate::consultation::store::votes::StoredVote;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

#[component]
pub fn VoteCard(
    proposal: Proposal,
    /// Where it is served, its signature, where the forms come back to.
    form: CardForm,
    current: Option<StoredVote>,
) -> impl IntoView {
    let tr = Tr::current();
    // A refused vote (closed consultation, too many votes) comes back here.
    let refusal = Ctx::get()
        .ok()
        .and_then(|ctx| FormState::of(&ctx, "vote").message());
    let view = card_view(tr, &proposal, form, current.as_ref(), None);
    card(&view, refusal, None)
}
