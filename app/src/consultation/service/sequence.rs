//! A participant's voting sequence: chosen by `logic::sequence`, kept in the
//! session between cards, moved on by "next" and "restart", with the
//! optional demographics card once per sequence. Also the vote page's read
//! model (`VotePage`), shared by the page and the vote island's background
//! posts (`act`), which get the next step in the same shape.

use super::votes::{cast, result_of, Voted};
use super::{
    consultation, fresh_key, lang_of, participant, proposal_path, visitor_signature, vote_path,
};
use crate::account::logic::safe_next;
use crate::consultation::forms::{
    DemographicsForm, SequenceForm, SequencePost, VoteForm, VoteResult,
};
use crate::consultation::logic::groups::Groups;
use crate::consultation::logic::signing::{sign, ServedIn};
use crate::consultation::logic::{self, rules, Candidate};
use crate::consultation::store::consultations::Consultation;
use crate::consultation::store::demographics;
use crate::consultation::store::proposals::{self, Proposal};
use crate::consultation::store::secrets::signing_key;
use crate::consultation::store::votes::{self, vote_of, StoredVote};
use crate::error::AppError;
use crate::ssr::form::Next;
use crate::ssr::Ctx;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// A participant's sequence, kept in the session between cards.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SequenceState {
    pub ids: Vec<i64>,
    pub position: usize,
    /// The demographics card was shown (answered or skipped) in this sequence.
    pub demographics_done: bool,
}

/// The demographics card comes after this many cards, once per sequence.
pub const DEMOGRAPHICS_AFTER: usize = 3;

fn sequence_key(c: &Consultation) -> String {
    format!("sequence_{}", c.id)
}

/// Chooses a fresh sequence for the participant (published proposals not yet voted on).
async fn new_sequence(
    ctx: &Ctx,
    c: &Consultation,
    participant: i64,
) -> Result<SequenceState, AppError> {
    let state = choose_sequence(ctx, c, Some(participant)).await?;
    save_sequence(ctx, c, &state).await?;
    Ok(state)
}

/// Chooses a sequence among the published proposals the participant (if
/// any: a visitor who never took part has voted on none) has not voted on.
async fn choose_sequence(
    ctx: &Ctx,
    c: &Consultation,
    participant: Option<i64>,
) -> Result<SequenceState, AppError> {
    let db = &ctx.db;
    let proposals = proposals::accepted_proposals(db, c.id).await?;
    let mut tallies = votes::tallies(db, c.id).await?;
    let voted: HashSet<i64> = match participant {
        Some(p) => votes::voted_by(db, c.id, p).await?.into_keys().collect(),
        None => HashSet::new(),
    };
    let lang = lang_of(c);
    let candidates: Vec<Candidate> = proposals
        .into_iter()
        .map(|p| Candidate {
            id: p.id,
            author_id: p.participant_id,
            created_at: p.created_at,
            sequence_votes: p.sequence_votes.max(0) as u32,
            counts: tallies.remove(&p.id).unwrap_or_default(),
            keywords: logic::keywords_for(&p.content, lang),
        })
        .collect();
    let mut rng = rand_chacha::ChaCha8Rng::from_entropy();
    let ids = logic::select_sequence(&candidates, &voted, &c.params, &mut rng);
    Ok(SequenceState {
        ids,
        position: 0,
        demographics_done: false,
    })
}

/// The plain form's vote, from a sequence card or a proposal page: back to
/// the page it came from. Here rather than in `votes` because a visitor's
/// first vote from a sequence card starts their sequence with it.
pub async fn vote(ctx: &Ctx, form: &VoteForm) -> Result<(VoteResult, Next), AppError> {
    let (c, voted) = cast(ctx, None, form).await?;
    adopt_voted_card(ctx, &c, &voted, &form.served_in).await?;
    let back = safe_next(&form.back).unwrap_or_else(|| proposal_path(&c, voted.proposal.id));
    Ok((result_of(voted.vote.as_ref()), Next::to(back)))
}

/// After a vote from a sequence card: a visitor whose first vote this was had
/// been shown an unsaved sequence (page views create no rows), so their
/// sequence starts now, with the card they voted on in front.
pub async fn adopt_voted_card(
    ctx: &Ctx,
    c: &Consultation,
    voted: &Voted,
    served_in: &str,
) -> Result<(), AppError> {
    if ServedIn::parse(served_in) != Some(ServedIn::Sequence)
        || ctx
            .session
            .get::<SequenceState>(&sequence_key(c))
            .await
            .ok()
            .flatten()
            .is_some()
    {
        return Ok(());
    }
    let mut state = choose_sequence(ctx, c, Some(voted.participant)).await?;
    state.ids.retain(|id| *id != voted.proposal.id);
    state.ids.insert(0, voted.proposal.id);
    save_sequence(ctx, c, &state).await
}

async fn save_sequence(ctx: &Ctx, c: &Consultation, state: &SequenceState) -> Result<(), AppError> {
    ctx.session
        .insert(&sequence_key(c), state)
        .await
        .map_err(|e| ctx.internal(e))
}

/// The participant's current sequence, started if there is none.
async fn current_sequence(
    ctx: &Ctx,
    c: &Consultation,
    participant: i64,
) -> Result<SequenceState, AppError> {
    match ctx.session.get::<SequenceState>(&sequence_key(c)).await {
        Ok(Some(state)) => Ok(state),
        _ => new_sequence(ctx, c, participant).await,
    }
}

/// "next" (once per position) or "restart".
async fn advance(
    ctx: &Ctx,
    c: &Consultation,
    participant: i64,
    form: &SequenceForm,
) -> Result<(), AppError> {
    if form.action == "restart" {
        new_sequence(ctx, c, participant).await?;
    } else {
        let mut state = current_sequence(ctx, c, participant).await?;
        // A "next" replayed from the same card (a retry on a flaky network,
        // a double tap) finds the sequence already moved on: once is enough.
        let pressed_at = form.position.trim().parse::<usize>().ok();
        if pressed_at.is_none_or(|p| p == state.position) {
            state.position = (state.position + 1).min(state.ids.len());
            save_sequence(ctx, c, &state).await?;
        }
    }
    Ok(())
}

pub async fn step(ctx: &Ctx, form: &SequenceForm) -> Result<((), Next), AppError> {
    let c = consultation(ctx, &form.consultation).await?;
    let participant = participant(ctx).await?;
    advance(ctx, &c, participant, form).await?;
    Ok(((), Next::to(vote_path(&c))))
}

/// Saves (or skips) the demographics answer; the card is not shown again in this sequence.
async fn answer_demographics(
    ctx: &Ctx,
    c: &Consultation,
    participant: i64,
    form: &DemographicsForm,
) -> Result<(), AppError> {
    if form.action != "skip" {
        let age = form.age_bracket.trim();
        if !age.is_empty() && !rules::AGE_BRACKETS.contains(&age) {
            return Err(ctx.invalid("age_bracket", "proposal-error-age"));
        }
        let hood = form.neighbourhood.trim();
        if !hood.is_empty() && !c.neighbourhoods.iter().any(|n| n == hood) {
            return Err(ctx.invalid("neighbourhood", "proposal-error-neighbourhood"));
        }
        let answer = Groups {
            age_bracket: age.to_owned(),
            neighbourhood: hood.to_owned(),
        };
        demographics::save_demographics(&ctx.db, c.id, participant, &answer).await?;
    }
    let mut state = current_sequence(ctx, c, participant).await?;
    state.demographics_done = true;
    save_sequence(ctx, c, &state).await
}

pub async fn save_demographics(ctx: &Ctx, form: &DemographicsForm) -> Result<((), Next), AppError> {
    let c = consultation(ctx, &form.consultation).await?;
    let participant = participant(ctx).await?;
    answer_demographics(ctx, &c, participant, form).await?;
    Ok(((), Next::to(vote_path(&c))))
}

/// A proposal to vote on, with what its forms need.
#[derive(Debug, Clone)]
pub struct Card {
    pub proposal: Proposal,
    pub signature: String,
    pub vote: Option<StoredVote>,
    /// Fresh for each card shown: a retried post of it counts once.
    pub idempotency_key: String,
}

/// Where the participant stands in their sequence.
#[derive(Debug, Clone)]
pub enum VoteStep {
    Closed,
    Empty,
    Demographics,
    // Boxed: a card carries a whole proposal, the other steps next to nothing.
    Card(Box<Card>),
    Done { voted: usize },
}

/// The vote page's read model.
#[derive(Debug, Clone)]
pub struct VotePage {
    pub consultation: Consultation,
    /// The sequence position the step is shown at (a retried "next" moves on once).
    pub position: usize,
    /// How many cards the sequence has.
    pub total: usize,
    pub step: VoteStep,
}

/// The step to show. `participant` and `voted` are what the request already
/// loaded: the proposal just voted on is not read again.
async fn current(
    ctx: &Ctx,
    c: &Consultation,
    participant: Option<i64>,
    voted: Option<&Voted>,
) -> Result<(SequenceState, VoteStep), AppError> {
    if !c.is_open(ctx.settings.today()) {
        return Ok((SequenceState::default(), VoteStep::Closed));
    }
    let participant = match participant {
        Some(p) => p,
        None => match crate::account::participant::current(&ctx.session).await {
            Some(p) => p,
            None => return first_look(ctx, c).await,
        },
    };
    let mut state = current_sequence(ctx, c, participant).await?;
    if state.ids.is_empty() {
        // New proposals may have been published since; try once more.
        state = new_sequence(ctx, c, participant).await?;
        if state.ids.is_empty() {
            return Ok((state, VoteStep::Empty));
        }
    }
    loop {
        if state.position >= state.ids.len() {
            let voted = state.ids.len();
            return Ok((state, VoteStep::Done { voted }));
        }
        if state.position == DEMOGRAPHICS_AFTER
            && !state.demographics_done
            && !demographics::has_demographics(&ctx.db, c.id, participant).await?
        {
            return Ok((state, VoteStep::Demographics));
        }
        let id = state.ids[state.position];
        let known = voted.filter(|v| v.proposal.id == id);
        let proposal = match known {
            Some(v) => Some(v.proposal.clone()),
            None => proposals::proposal(&ctx.db, id).await?,
        };
        let Some(proposal) = proposal.filter(|p| p.is_published()) else {
            // Unpublished since the sequence was chosen: move past it.
            state.position += 1;
            save_sequence(ctx, c, &state).await?;
            continue;
        };
        let secret = signing_key(&ctx.db).await?;
        let signature = sign(&secret, c.id, id, participant, ServedIn::Sequence);
        let vote = match known {
            Some(v) => v.vote.clone(),
            None => vote_of(&ctx.db.pool, id, participant).await?,
        };
        let card = Card {
            proposal,
            signature,
            vote,
            idempotency_key: fresh_key(),
        };
        return Ok((state, VoteStep::Card(Box::new(card))));
    }
}

/// A visitor who never took part sees the first card of a sequence chosen
/// for them but not kept: looking creates no participant and no session row.
/// Its signature names a one-time visitor number; the first vote adopts it.
async fn first_look(ctx: &Ctx, c: &Consultation) -> Result<(SequenceState, VoteStep), AppError> {
    let state = choose_sequence(ctx, c, None).await?;
    let Some(&id) = state.ids.first() else {
        return Ok((state, VoteStep::Empty));
    };
    let Some(proposal) = proposals::proposal(&ctx.db, id).await? else {
        return Ok((state, VoteStep::Empty));
    };
    let secret = signing_key(&ctx.db).await?;
    let signature = visitor_signature(&secret, c, id, ServedIn::Sequence);
    let card = Card {
        proposal,
        signature,
        vote: None,
        idempotency_key: fresh_key(),
    };
    Ok((state, VoteStep::Card(Box::new(card))))
}

async fn page(
    ctx: &Ctx,
    c: Consultation,
    participant: Option<i64>,
    voted: Option<&Voted>,
) -> Result<VotePage, AppError> {
    let (state, step) = current(ctx, &c, participant, voted).await?;
    Ok(VotePage {
        consultation: c,
        position: state.position,
        total: state.ids.len(),
        step,
    })
}

/// The vote page for the participant making the request.
pub async fn vote_page(ctx: &Ctx, slug: &str) -> Result<VotePage, AppError> {
    let c = consultation(ctx, slug).await?;
    page(ctx, c, None, None).await
}

/// Reads the island's fields into the plain form they stand for.
fn form_of<T: serde::de::DeserializeOwned + Default>(post: &SequencePost) -> T {
    let map: Map<String, Value> = post
        .fields
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    serde_json::from_value(Value::Object(map)).unwrap_or_default()
}

/// Applies one of the vote page's forms sent by the island and answers with
/// the step to show next. Refusals are the same as for the plain forms.
pub async fn act(ctx: &Ctx, post: &SequencePost) -> Result<VotePage, AppError> {
    let c = consultation(ctx, &post.consultation).await?;
    match post.form.as_str() {
        "vote" => {
            let form = form_of::<VoteForm>(post);
            let (_, voted) = cast(ctx, Some(&c), &form).await?;
            adopt_voted_card(ctx, &c, &voted, &form.served_in).await?;
            page(ctx, c, Some(voted.participant), Some(&voted)).await
        }
        "sequence" => {
            let participant = participant(ctx).await?;
            advance(ctx, &c, participant, &form_of::<SequenceForm>(post)).await?;
            page(ctx, c, Some(participant), None).await
        }
        "demographics" => {
            let participant = participant(ctx).await?;
            answer_demographics(ctx, &c, participant, &form_of::<DemographicsForm>(post)).await?;
            page(ctx, c, Some(participant), None).await
        }
        _ => Err(AppError::NotFound(ctx.t("error-not-found"))),
    }
}
