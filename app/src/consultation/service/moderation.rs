//! Moderation: every proposal is read before it is published; a moderator
//! takes the next one, accepts it (with themes) or refuses it (with a
//! reason), and the author hears of it by mail in the same transaction.

use super::proposal_path;
use crate::consultation::forms::ModerationForm;
use crate::consultation::logic::rules::{self, ProposalStatus};
use crate::consultation::mails;
use crate::consultation::store::consultations;
use crate::consultation::store::moderation::{self, PendingProposal, QueueSize, Reported, Theme};
use crate::error::AppError;
use crate::lang::Lang;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::model::Role;
use crate::ssr::form::Next;
use crate::ssr::{Ctx, Tr};

pub async fn moderate(ctx: &Ctx, form: &ModerationForm) -> Result<((), Next), AppError> {
    let moderator = ctx.require(Role::Moderator)?.id;
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
    let done = match form.decision.as_str() {
        "accept" => {
            let themes: Vec<i64> = form
                .extra
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .filter_map(|(k, _)| k.strip_prefix("theme_")?.parse().ok())
                .collect();
            let news = author_news(ctx, &proposal, Decision::Accepted).await?;
            moderation::accept(db, id, moderator, &themes, news.as_ref()).await?
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
            moderation::refuse(db, id, moderator, &form.reason, &message, news.as_ref()).await?
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
    // Straight on to the next one, as moderators work through a queue.
    let next = moderation::take_next(db, proposal.consultation_id, moderator).await?;
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
}

/// Opens a proposal for the moderator, locking it for them if nobody holds it.
pub async fn proposal_page(ctx: &Ctx, id: i64) -> Result<ProposalToModerate, AppError> {
    ctx.require(Role::Moderator)?;
    let me = ctx.viewer().map(|u| u.id).unwrap_or_default();
    let proposal = moderation::load(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let mine = moderation::lock(&ctx.db, id, me).await?;
    let themes = moderation::themes_for(&ctx.db, proposal.consultation_id).await?;
    Ok(ProposalToModerate {
        proposal,
        mine,
        themes,
        lock_minutes: moderation::LOCK_SECONDS / 60,
    })
}
