//! What the consultation's server functions and pages do, in one place:
//! loading a consultation, taking proposals and votes, building sequences,
//! computing results, moderating.

use super::api::{
    DemographicsForm, ModerationForm, ProposeForm, ReportForm, SequenceForm, VoteForm, VoteResult,
};
use super::logic::{self, Candidate, Qualification, Scores, VoteKey, Zone};
use super::rules::{self, NewProposal, ProposalFields};
use super::store::{self, Consultation, StoredVote, VoteChange};
use super::{groups, mails, moderation, signing};
use crate::account::{logic::safe_next, participant};
use crate::error::AppError;
use crate::lang::Lang;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::model::Role;
use crate::ssr::form::Next;
use crate::ssr::rate_limit::Action;
use crate::ssr::{Ctx, Tr};
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

pub async fn consultation(ctx: &Ctx, slug: &str) -> Result<Consultation, AppError> {
    store::consultation_by_slug(&ctx.db, slug)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())
}

fn ensure_open(ctx: &Ctx, c: &Consultation) -> Result<(), AppError> {
    if c.is_open(ctx.settings.today()) {
        Ok(())
    } else {
        Err(ctx.respond_err(AppError::Conflict(ctx.t("consultation-error-closed"))))
    }
}

fn idempotency_key<'a>(ctx: &Ctx, key: &'a str) -> Result<&'a str, AppError> {
    if rules::valid_idempotency_key(key) {
        Ok(key)
    } else {
        Err(ctx.invalid("idempotency_key", "request-error-key"))
    }
}

pub async fn participant(ctx: &Ctx) -> Result<i64, AppError> {
    participant::ensure(&ctx.db, &ctx.session)
        .await
        .map_err(|e| ctx.internal(e))
}

pub fn consultation_path(c: &Consultation) -> String {
    format!("/consultations/{}", c.slug)
}

pub async fn propose(ctx: &Ctx, form: &ProposeForm) -> Result<(i64, Next), AppError> {
    let c = consultation(ctx, &form.consultation).await?;
    ensure_open(ctx, &c)?;
    let key = idempotency_key(ctx, &form.idempotency_key)?;
    let fields = ProposalFields {
        body: &form.body,
        author_name: &form.author_name,
        author_email: &form.author_email,
        age_bracket: &form.age_bracket,
        neighbourhood: &form.neighbourhood,
        charter: !form.charter.is_empty(),
    };
    let new = NewProposal::parse(&c.proposal_prefix, &fields, &c.neighbourhoods)
        .map_err(|(f, k)| ctx.invalid(f, k))?;
    let participant = participant(ctx).await?;
    ctx.rate_limit(Action::Propose, participant)?;
    let id = store::insert_proposal(&ctx.db, c.id, participant, key, &new)
        .await
        .map_err(|e| ctx.internal(e))?;
    // What a proposer says of themselves also places their votes in results
    // by group, unless they already answered the demographics card.
    let answer = groups::Groups {
        age_bracket: new.age_bracket.clone(),
        neighbourhood: new.neighbourhood.clone(),
    };
    if answer != groups::Groups::default()
        && !groups::has_demographics(&ctx.db, c.id, participant)
            .await
            .map_err(|e| ctx.internal(e))?
    {
        groups::save_demographics(&ctx.db, c.id, participant, &answer)
            .await
            .map_err(|e| ctx.internal(e))?;
    }
    Ok((
        id,
        Next::to(consultation_path(&c)).with_notice(ctx.t("proposal-received")),
    ))
}

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

fn result_of(vote: Option<StoredVote>) -> VoteResult {
    VoteResult {
        key: vote.as_ref().map(|v| v.key.slug().to_owned()),
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

/// A published proposal and its consultation; not found otherwise.
async fn published(
    ctx: &Ctx,
    proposal_id: &str,
) -> Result<(store::Proposal, Consultation), AppError> {
    let id: i64 = proposal_id.parse().map_err(|_| ctx.not_found())?;
    let proposal = store::proposal(&ctx.db, id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let proposal = proposal
        .filter(|p| p.status == "accepted")
        .ok_or_else(|| ctx.not_found())?;
    let c = store::consultation_by_id(&ctx.db, proposal.consultation_id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    Ok((proposal, c))
}

pub async fn vote(ctx: &Ctx, form: &VoteForm) -> Result<(VoteResult, Next), AppError> {
    let (proposal, c) = published(ctx, &form.proposal_id).await?;
    let id = proposal.id;
    ensure_open(ctx, &c)?;
    let key = idempotency_key(ctx, &form.idempotency_key)?;
    let participant = participant(ctx).await?;
    ctx.rate_limit(Action::Vote, participant)?;
    let quals = qualifications(&form.extra);
    let change = match form.key.as_str() {
        "withdraw" => VoteChange::Withdraw,
        "qualify" => {
            let current = store::vote_of(&ctx.db.pool, id, participant)
                .await
                .map_err(|e| ctx.internal(e))?;
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
            let secret = store::signing_key(&ctx.db)
                .await
                .map_err(|e| ctx.internal(e))?;
            let tally = signing::tally_for(
                &secret,
                &form.signature,
                c.id,
                id,
                participant,
                &form.served_in,
            );
            VoteChange::Cast {
                key: vote_key,
                qualifications: quals,
                tally,
            }
        }
    };
    let stored = store::apply_vote(&ctx.db, c.id, id, participant, key, &change)
        .await
        .map_err(|e| ctx.internal(e))?;
    let back = safe_next(&form.back)
        .unwrap_or_else(|| format!("{}/proposals/{id}", consultation_path(&c)));
    Ok((result_of(stored), Next::to(back)))
}

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

fn lang_of(c: &Consultation) -> logic::Lang {
    logic::Lang::from_code(&c.lang).unwrap_or_default()
}

/// Chooses a fresh sequence for the participant (published proposals not yet voted on).
pub async fn new_sequence(
    ctx: &Ctx,
    c: &Consultation,
    participant: i64,
) -> Result<SequenceState, AppError> {
    let db = &ctx.db;
    let proposals = store::accepted_proposals(db, c.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let mut tallies = store::tallies(db, c.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let voted: HashSet<i64> = store::voted_by(db, c.id, participant)
        .await
        .map_err(|e| ctx.internal(e))?
        .into_keys()
        .collect();
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
    let state = SequenceState {
        ids,
        position: 0,
        demographics_done: false,
    };
    save_sequence(ctx, c, &state).await?;
    Ok(state)
}

pub async fn save_sequence(
    ctx: &Ctx,
    c: &Consultation,
    state: &SequenceState,
) -> Result<(), AppError> {
    ctx.session
        .insert(&sequence_key(c), state)
        .await
        .map_err(|e| ctx.internal(e))
}

/// The participant's current sequence, started if there is none.
pub async fn current_sequence(
    ctx: &Ctx,
    c: &Consultation,
    participant: i64,
) -> Result<SequenceState, AppError> {
    match ctx.session.get::<SequenceState>(&sequence_key(c)).await {
        Ok(Some(state)) => Ok(state),
        _ => new_sequence(ctx, c, participant).await,
    }
}

pub fn vote_path(c: &Consultation) -> String {
    format!("{}/vote", consultation_path(c))
}

pub async fn sequence_step(ctx: &Ctx, form: &SequenceForm) -> Result<((), Next), AppError> {
    let c = consultation(ctx, &form.consultation).await?;
    let participant = participant(ctx).await?;
    if form.action == "restart" {
        new_sequence(ctx, &c, participant).await?;
    } else {
        let mut state = current_sequence(ctx, &c, participant).await?;
        // A "next" replayed from the same card (a retry on a flaky network,
        // a double tap) finds the sequence already moved on: once is enough.
        let pressed_at = form.position.trim().parse::<usize>().ok();
        if pressed_at.is_none_or(|p| p == state.position) {
            state.position = (state.position + 1).min(state.ids.len());
            save_sequence(ctx, &c, &state).await?;
        }
    }
    Ok(((), Next::to(vote_path(&c))))
}

pub async fn save_demographics(ctx: &Ctx, form: &DemographicsForm) -> Result<((), Next), AppError> {
    let c = consultation(ctx, &form.consultation).await?;
    let participant = participant(ctx).await?;
    if form.action != "skip" {
        let age = form.age_bracket.trim();
        if !age.is_empty() && !rules::AGE_BRACKETS.contains(&age) {
            return Err(ctx.invalid("age_bracket", "proposal-error-age"));
        }
        let hood = form.neighbourhood.trim();
        if !hood.is_empty() && !c.neighbourhoods.iter().any(|n| n == hood) {
            return Err(ctx.invalid("neighbourhood", "proposal-error-neighbourhood"));
        }
        let answer = groups::Groups {
            age_bracket: age.to_owned(),
            neighbourhood: hood.to_owned(),
        };
        groups::save_demographics(&ctx.db, c.id, participant, &answer)
            .await
            .map_err(|e| ctx.internal(e))?;
    }
    let mut state = current_sequence(ctx, &c, participant).await?;
    state.demographics_done = true;
    save_sequence(ctx, &c, &state).await?;
    Ok(((), Next::to(vote_path(&c))))
}

pub async fn report(ctx: &Ctx, form: &ReportForm) -> Result<((), Next), AppError> {
    let (proposal, c) = published(ctx, &form.proposal_id).await?;
    let id = proposal.id;
    if !rules::REPORT_REASONS.contains(&form.reason.as_str()) {
        return Err(ctx.invalid("reason", "report-error-reason"));
    }
    let participant = participant(ctx).await?;
    moderation::report(&ctx.db, id, participant, &form.reason)
        .await
        .map_err(|e| ctx.internal(e))?;
    let back = format!("{}/proposals/{id}", consultation_path(&c));
    Ok(((), Next::to(back).with_notice(ctx.t("report-received"))))
}

pub async fn moderate(ctx: &Ctx, form: &ModerationForm) -> Result<((), Next), AppError> {
    let moderator = ctx.require(Role::Moderator)?.id;
    let db = &ctx.db;
    if form.decision == "next" {
        let consultation: i64 = form.consultation_id.parse().map_err(|_| ctx.not_found())?;
        let next = moderation::take_next(db, consultation, moderator)
            .await
            .map_err(|e| ctx.internal(e))?;
        return Ok((
            (),
            match next {
                Some(id) => Next::to(format!("/moderation/proposals/{id}")),
                None => Next::to("/moderation").with_notice(ctx.t("moderation-queue-empty")),
            },
        ));
    }
    let id: i64 = form.proposal_id.parse().map_err(|_| ctx.not_found())?;
    let proposal = moderation::load(db, id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let done = match form.decision.as_str() {
        "accept" => {
            let themes: Vec<i64> = form
                .extra
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .filter_map(|(k, _)| k.strip_prefix("theme_")?.parse().ok())
                .collect();
            let news = author_news(ctx, &proposal, Decision::Accepted).await?;
            moderation::accept(db, id, moderator, &themes, news.as_ref()).await
        }
        "refuse" => {
            if !rules::REFUSAL_REASONS.contains(&form.reason.as_str()) {
                return Err(ctx.invalid("reason", "moderation-error-reason"));
            }
            let message = rules::clean_text(&form.message);
            if message.chars().count() > 500 {
                return Err(ctx.invalid("message", "moderation-error-message"));
            }
            let decision = Decision::Refused {
                reason: &form.reason,
                message: &message,
            };
            let news = author_news(ctx, &proposal, decision).await?;
            moderation::refuse(db, id, moderator, &form.reason, &message, news.as_ref()).await
        }
        _ => return Err(ctx.invalid("decision", "moderation-error-decision")),
    }
    .map_err(|e| ctx.internal(e))?;
    if !done {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("moderation-error-locked"))));
    }
    ctx.mail.wake();
    let notice = if form.decision == "accept" {
        ctx.t("moderation-accepted")
    } else {
        ctx.t("moderation-refused")
    };
    // Straight on to the next one, as moderators work through a queue.
    let next = moderation::take_next(db, proposal.consultation_id, moderator)
        .await
        .map_err(|e| ctx.internal(e))?;
    let to = next
        .map(|n| format!("/moderation/proposals/{n}"))
        .unwrap_or_else(|| "/moderation".into());
    Ok(((), Next::to(to).with_notice(notice)))
}

enum Decision<'a> {
    Accepted,
    Refused { reason: &'a str, message: &'a str },
}

/// The mail telling the author about the decision, in the consultation's
/// language: only when they left an address, and only when the decision
/// changes what happened to their idea (accepting a reported idea again is news to nobody).
async fn author_news(
    ctx: &Ctx,
    proposal: &moderation::PendingProposal,
    decision: Decision<'_>,
) -> Result<Option<OutgoingMail>, AppError> {
    let new_status = match decision {
        Decision::Accepted => "accepted",
        Decision::Refused { .. } => "refused",
    };
    if proposal.author_email.is_empty() || proposal.status == new_status {
        return Ok(None);
    }
    let Ok(to) = EmailAddress::parse(&proposal.author_email) else {
        tracing::warn!("proposal {}: author address cannot be mailed", proposal.id);
        return Ok(None);
    };
    let c = store::consultation_by_id(&ctx.db, proposal.consultation_id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let tr = Tr(Lang::from_code(&c.lang).unwrap_or_default());
    let news = mails::ProposalNews {
        proposal_id: proposal.id,
        author_name: &proposal.author_name,
        question: &c.question,
        content: &proposal.content,
    };
    let base = ctx.settings.base_url.trim_end_matches('/');
    Ok(Some(match decision {
        Decision::Accepted => {
            let link = format!("{base}{}/proposals/{}", consultation_path(&c), proposal.id);
            mails::accepted(tr, to, &news, &link)
        }
        Decision::Refused { reason, message } => {
            let charter = format!("{base}/moderation-charter");
            mails::refused(tr, to, &news, reason, message, &charter)
        }
    }))
}

/// One published proposal's results.
#[derive(Debug, Clone)]
pub struct ProposalResult {
    pub id: i64,
    pub content: String,
    pub author_name: String,
    pub themes: Vec<String>,
    /// Counted votes (sequence + trusted) per key.
    pub votes: [u32; 3],
    pub scores: Scores,
    pub zone: Zone,
}

impl ProposalResult {
    pub fn total_votes(&self) -> u32 {
        self.votes.iter().sum()
    }
}

/// Scores and zones of every published proposal, from the incremental counts.
pub async fn results(
    db: &crate::ssr::Db,
    c: &Consultation,
) -> Result<Vec<ProposalResult>, sqlx::Error> {
    let tallies = store::tallies(db, c.id).await?;
    score(db, c, tallies).await
}

/// The same results among one demographic group (only its members' votes).
pub async fn group_results(
    db: &crate::ssr::Db,
    c: &Consultation,
    dimension: groups::Dimension,
    group: &str,
) -> Result<Vec<ProposalResult>, sqlx::Error> {
    let tallies = groups::group_tallies(db, c.id, dimension, group).await?;
    score(db, c, tallies).await
}

async fn score(
    db: &crate::ssr::Db,
    c: &Consultation,
    mut tallies: HashMap<i64, logic::VoteTally>,
) -> Result<Vec<ProposalResult>, sqlx::Error> {
    let proposals = store::accepted_proposals(db, c.id).await?;
    let mut themes = store::proposal_themes(db, c.id).await?;
    Ok(proposals
        .into_iter()
        .map(|p| {
            let tally = tallies.remove(&p.id).unwrap_or_default();
            let effective = tally.effective(c.trusted_weight());
            let scores = Scores::compute(&effective);
            let votes = [VoteKey::Agree, VoteKey::Disagree, VoteKey::Neutral]
                .map(|k| tally.sequence.votes(k) + tally.trusted.votes(k));
            ProposalResult {
                id: p.id,
                content: p.content,
                author_name: p.author_name,
                themes: themes.remove(&p.id).unwrap_or_default(),
                votes,
                zone: logic::classify(&scores),
                scores,
            }
        })
        .collect())
}

/// Proposals similar to a draft, to vote on instead of proposing twice.
pub async fn similar(
    db: &crate::ssr::Db,
    c: &Consultation,
    draft: &str,
) -> Result<Vec<store::Proposal>, sqlx::Error> {
    let proposals = store::accepted_proposals(db, c.id).await?;
    let index = logic::SimilarityIndex::new(
        lang_of(c),
        proposals.iter().map(|p| (p.id, p.content.as_str())),
    );
    let found = index.similar(draft, 3, SIMILARITY_THRESHOLD);
    Ok(found
        .into_iter()
        .filter_map(|(id, _)| proposals.iter().find(|p| p.id == id).cloned())
        .collect())
}

/// Above this cosine similarity a proposal is shown as "similar".
const SIMILARITY_THRESHOLD: f64 = 0.4;

/// Creates or updates the consultation of a phase's consultation component.
pub async fn save_settings(
    ctx: &Ctx,
    form: &super::api::SettingsForm,
) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let settings = super::settings::Settings::parse(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    match store::save_settings(&ctx.db, component, &settings).await {
        Ok(true) => Ok((
            (),
            Next::to(format!("/admin/consultations/{component}"))
                .with_notice(ctx.t("settings-saved")),
        )),
        Ok(false) => Err(ctx.not_found()),
        Err(e) if crate::ssr::db::is_unique_violation(&e) => {
            Err(ctx.invalid("slug", "process-error-slug-taken"))
        }
        Err(e) => Err(ctx.internal(e)),
    }
}
