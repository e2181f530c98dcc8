//! Moderation: every proposal is read before it is published; a moderator
//! takes the next one, accepts it (with themes) or refuses it (with a
//! reason), and the author hears of it by mail in the same transaction.

use super::proposal_path;
use crate::consultation::forms::ModerationForm;
use crate::consultation::logic::moderation::{self as rules_of, LogAction};
use crate::consultation::logic::rules::{self, ProposalStatus};
use crate::consultation::mails;
use crate::consultation::store::consultations;
use crate::consultation::store::moderation::{
    self, Marked, PendingProposal, QueueSize, Reported, Theme,
};
use crate::consultation::store::moderation_log::NewLogLine;
use crate::consultation::store::proposals::{self, Proposal};
use crate::error::AppError;
use crate::lang::Lang;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::model::Role;
use crate::ssr::form::Next;
use crate::ssr::{Ctx, Tr};

pub async fn moderate(ctx: &Ctx, form: &ModerationForm) -> Result<((), Next), AppError> {
    let me = ctx.require(Role::Moderator)?;
    let (moderator, moderator_name) = (me.id, who(me));
    let db = &ctx.db;
    if form.decision == "next" {
        let consultation: i64 = form.consultation_id.parse().map_err(|_| ctx.not_found())?;
        let next = moderation::take_next(db, consultation, moderator).await?;
        return Ok((
            (),
            match next {
                Some(id) => Next::to(format!("/moderation/proposals/{id}")),
                None => Next::to("/moderation").with_notice("moderation-queue-empty"),
            },
        ));
    }
    let id: i64 = form.proposal_id.parse().map_err(|_| ctx.not_found())?;
    let proposal = moderation::load(db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let line = NewLogLine {
        consultation_id: proposal.consultation_id,
        proposal_id: id,
        moderator_id: moderator,
        moderator_name: &moderator_name,
        action: LogAction::Accept,
        status_before: proposal.status.as_str(),
        reason: "",
        message: "",
        before_text: &proposal.content,
        after_text: "",
        target_id: None,
        themes: "",
        at: crate::ssr::db::now(),
    };
    match form.decision.as_str() {
        "edit" => return correct(ctx, form, &proposal, line).await,
        "duplicate" => return mark_duplicate(ctx, form, &proposal, line).await,
        _ => {}
    }
    let done = match form.decision.as_str() {
        "accept" => {
            let themes: Vec<i64> = form
                .extra
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .filter_map(|(k, _)| k.strip_prefix("theme_")?.parse().ok())
                .collect();
            let names = moderation::themes_for(db, proposal.consultation_id)
                .await?
                .into_iter()
                .filter(|t| themes.contains(&t.id))
                .map(|t| t.name)
                .collect::<Vec<_>>()
                .join(", ");
            let news = author_news(ctx, &proposal, Decision::Accepted).await?;
            let line = NewLogLine {
                themes: &names,
                ..line
            };
            moderation::accept(db, id, moderator, &themes, news.as_ref(), &line).await?
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
            let line = NewLogLine {
                action: LogAction::Refuse,
                reason: &form.reason,
                message: &message,
                ..line
            };
            moderation::refuse(
                db,
                id,
                moderator,
                &form.reason,
                &message,
                news.as_ref(),
                &line,
            )
            .await?
        }
        _ => return Err(ctx.invalid("decision", "moderation-error-decision")),
    };
    if !done {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("moderation-error-locked"))));
    }
    ctx.mail.wake();
    let notice = if form.decision == "accept" {
        "moderation-accepted"
    } else {
        "moderation-refused"
    };
    next_in_queue(ctx, proposal.consultation_id, moderator, notice).await
}

/// Straight on to the next one, as moderators work through a queue.
async fn next_in_queue(
    ctx: &Ctx,
    consultation: i64,
    moderator: i64,
    notice: &'static str,
) -> Result<((), Next), AppError> {
    let next = moderation::take_next(&ctx.db, consultation, moderator).await?;
    let to = next
        .map(|n| format!("/moderation/proposals/{n}"))
        .unwrap_or_else(|| "/moderation".into());
    Ok(((), Next::to(to).with_notice(notice)))
}

/// How the log names a moderator: their name and address.
fn who(user: &crate::model::StaffUser) -> String {
    if user.display_name.is_empty() {
        user.email.clone()
    } else {
        format!("{} <{}>", user.display_name, user.email)
    }
}

/// The optional note of a correction or a duplicate mark, for the log.
fn note(ctx: &Ctx, form: &ModerationForm) -> Result<String, AppError> {
    let note = rules::clean_text(&form.note);
    if note.chars().count() > 500 {
        return Err(ctx.invalid("note", "moderation-error-note"));
    }
    Ok(note)
}

fn locked(ctx: &Ctx) -> AppError {
    ctx.respond_err(AppError::Conflict(ctx.t("moderation-error-locked")))
}

/// Corrects the proposal's spelling; the moderator stays on it (to publish it next).
async fn correct(
    ctx: &Ctx,
    form: &ModerationForm,
    proposal: &PendingProposal,
    line: NewLogLine<'_>,
) -> Result<((), Next), AppError> {
    if !rules_of::correctable(proposal.status) {
        return Err(ctx.invalid("content", "moderation-error-not-correctable"));
    }
    let c = consultations::consultation_by_id(&ctx.db, proposal.consultation_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let correction = rules_of::correct(
        &c.proposal_prefix,
        &form.content,
        &proposal.content,
        proposal.original_content.as_deref(),
    )
    .map_err(|(f, k)| ctx.invalid(f, k))?;
    let note = note(ctx, form)?;
    let line = NewLogLine {
        action: LogAction::Edit,
        message: &note,
        after_text: &correction.content,
        ..line
    };
    let done = moderation::correct(
        &ctx.db,
        proposal.id,
        line.moderator_id,
        &proposal.content,
        &correction,
        &line,
    )
    .await?;
    if done != Marked::Done {
        return Err(locked(ctx));
    }
    Ok((
        (),
        Next::to(format!("/moderation/proposals/{}", proposal.id))
            .with_notice("moderation-corrected"),
    ))
}

/// Marks the proposal as a duplicate of a published one, then on to the next.
async fn mark_duplicate(
    ctx: &Ctx,
    form: &ModerationForm,
    proposal: &PendingProposal,
    line: NewLogLine<'_>,
) -> Result<((), Next), AppError> {
    let Some(kept) = rules_of::chosen_target(&form.target, &form.target_number) else {
        let field = if form.target_number.trim().is_empty() {
            "target"
        } else {
            "target_number"
        };
        return Err(ctx.invalid(field, "moderation-error-duplicate-target"));
    };
    let note = note(ctx, form)?;
    let line = NewLogLine {
        action: LogAction::Duplicate,
        reason: "duplicate",
        message: &note,
        ..line
    };
    match moderation::mark_duplicate(&ctx.db, proposal.id, kept, line.moderator_id, &line).await? {
        Marked::Done => {}
        Marked::Locked => return Err(locked(ctx)),
        Marked::Refused((_, key)) => {
            let field = if form.target_number.trim().is_empty() {
                "target"
            } else {
                "target_number"
            };
            return Err(ctx.invalid(field, key));
        }
    }
    crate::ssr::live::nudge_current(super::super::live::topic(proposal.consultation_id));
    next_in_queue(
        ctx,
        proposal.consultation_id,
        line.moderator_id,
        "moderation-duplicated",
    )
    .await
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
    proposal: &PendingProposal,
    decision: Decision<'_>,
) -> Result<Option<OutgoingMail>, AppError> {
    let new_status = match decision {
        Decision::Accepted => ProposalStatus::Accepted,
        Decision::Refused { .. } => ProposalStatus::Refused,
    };
    if proposal.author_email.is_empty() || proposal.status == new_status {
        return Ok(None);
    }
    let Ok(to) = EmailAddress::parse(&proposal.author_email) else {
        tracing::warn!("proposal {}: author address cannot be mailed", proposal.id);
        return Ok(None);
    };
    let c = consultations::consultation_by_id(&ctx.db, proposal.consultation_id)
        .await?
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
            let link = format!("{base}{}", proposal_path(&c, proposal.id));
            mails::accepted(tr, to, &news, &link)
        }
        Decision::Refused { reason, message } => {
            let charter = format!("{base}/moderation-charter");
            mails::refused(tr, to, &news, reason, message, &charter)
        }
    }))
}

/// One consultation's moderation queue and its reported proposals.
pub struct QueueEntry {
    pub size: QueueSize,
    pub reported: Vec<Reported>,
}

/// The moderation home's read model: every consultation's queue.
pub async fn queue_page(ctx: &Ctx) -> Result<Vec<QueueEntry>, AppError> {
    ctx.require(Role::Moderator)?;
    let mut out = Vec::new();
    for size in moderation::queue_sizes(&ctx.db).await? {
        let reported = moderation::reported(&ctx.db, size.id).await?;
        out.push(QueueEntry { size, reported });
    }
    Ok(out)
}

/// The page where a moderator decides on one proposal.
pub struct ProposalToModerate {
    pub proposal: PendingProposal,
    /// False when another moderator holds it.
    pub mine: bool,
    pub themes: Vec<Theme>,
    /// How long the proposal is held for the moderator who opened it.
    pub lock_minutes: i64,
    /// Published proposals it may repeat: the most similar to it, or to
    /// the words searched (`search`).
    pub candidates: Vec<Proposal>,
    pub search: String,
    /// The kept proposal, when it is marked as a duplicate.
    pub kept: Option<Proposal>,
    /// Its public page.
    pub public_path: String,
}

/// How many published proposals the duplicate form offers.
const CANDIDATES: usize = 8;

/// Opens a proposal for the moderator, locking it for them if nobody holds
/// it. `search` looks for the published proposal it repeats.
pub async fn proposal_page(
    ctx: &Ctx,
    id: i64,
    search: &str,
) -> Result<ProposalToModerate, AppError> {
    ctx.require(Role::Moderator)?;
    let me = ctx.viewer().map(|u| u.id).unwrap_or_default();
    let proposal = moderation::load(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let mine = moderation::lock(&ctx.db, id, me).await?;
    let themes = moderation::themes_for(&ctx.db, proposal.consultation_id).await?;
    let c = consultations::consultation_by_id(&ctx.db, proposal.consultation_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let search = search.trim().chars().take(200).collect::<String>();
    let published: Vec<Proposal> = proposals::accepted_proposals(&ctx.db, c.id)
        .await?
        .into_iter()
        .filter(|p| p.id != id)
        .collect();
    let candidates = match rules_of::parse_target(&search) {
        Some(n) => published.iter().filter(|p| p.id == n).cloned().collect(),
        None => {
            let index = crate::consultation::logic::SimilarityIndex::new(
                super::lang_of(&c),
                published.iter().map(|p| (p.id, p.content.as_str())),
            );
            let looked_for = if search.is_empty() {
                proposal.content.as_str()
            } else {
                search.as_str()
            };
            index
                .similar(looked_for, CANDIDATES, 0.0)
                .into_iter()
                .filter_map(|(pid, _)| published.iter().find(|p| p.id == pid).cloned())
                .collect()
        }
    };
    let kept = match proposal.duplicate_of {
        Some(k) => proposals::proposal(&ctx.db, k).await?,
        None => None,
    };
    Ok(ProposalToModerate {
        public_path: proposal_path(&c, proposal.id),
        proposal,
        mine,
        themes,
        lock_minutes: moderation::LOCK_SECONDS / 60,
        candidates,
        search,
        kept,
    })
}
