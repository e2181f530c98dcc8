//! Read models of the consultation's simpler pages: one function per page,
//! returning everything it shows. (The vote page's is in `sequence`, the
//! results page's in `results`, the moderation pages' in `moderation`.)

use super::results::similar;
use super::{consultation, fresh_key, visitor_signature};
use crate::consultation::logic::signing::{served_from, sign, site_link_token, ServedIn};
use crate::consultation::store::consultations::{self, Consultation};
use crate::consultation::store::proposals::{self, Proposal};
use crate::consultation::store::secrets::signing_key;
use crate::consultation::store::votes::{vote_of, StoredVote};
use crate::error::AppError;
use crate::model::ComponentKind;
use crate::process::store::{Phase, Process};
use crate::ssr::Ctx;

/// The consultation's home: the consultation and its figures.
pub struct HomePage {
    pub consultation: Consultation,
    /// (participants, published proposals, counted votes).
    pub figures: (i64, i64, i64),
}

pub async fn home_page(ctx: &Ctx, slug: &str) -> Result<HomePage, AppError> {
    let c = consultation(ctx, slug).await?;
    Ok(HomePage {
        figures: consultations::figures(&ctx.db, c.id).await?,
        consultation: c,
    })
}

/// Proposing: the consultation, and proposals similar to the draft.
pub struct ProposePage {
    pub consultation: Consultation,
    pub similar: Vec<Proposal>,
    /// Links to the similar proposals' pages.
    pub links: super::ProposalLinks,
    /// For the proposal form: a retried post of it is applied once.
    pub idempotency_key: String,
}

pub async fn propose_page(ctx: &Ctx, slug: &str, draft: &str) -> Result<ProposePage, AppError> {
    let c = consultation(ctx, slug).await?;
    let similar = if draft.trim().is_empty() {
        Vec::new()
    } else {
        let who = crate::account::participant::current(&ctx.session).await;
        ctx.rate_limit(crate::ssr::rate_limit::Action::LookUpSimilar, who)
            .await?;
        similar(&ctx.db, &c, draft).await?
    };
    Ok(ProposePage {
        links: super::ProposalLinks::of(ctx, &c).await?,
        consultation: c,
        similar,
        idempotency_key: fresh_key(),
    })
}

/// One published proposal, with the visitor's vote and the signature of
/// where it is served.
pub struct ProposalPage {
    pub consultation: Consultation,
    pub proposal: Proposal,
    pub vote: Option<StoredVote>,
    pub served_in: ServedIn,
    pub signature: String,
    /// The page's own fresh site-link token for its vote form, when it was
    /// reached from within the site; empty from a shared link.
    pub site_link: String,
    pub idempotency_key: String,
    /// When it is a duplicate: the kept proposal and the (signed) link to it,
    /// or None when the kept one is no longer published.
    pub duplicate_of: Option<Option<(Proposal, String)>>,
    /// How many duplicates were merged into it.
    pub merged: i64,
}

/// `from` is the site-link token of the link followed (`?from=…`): the page
/// was reached from within the site only when it is genuine and fresh.
pub async fn proposal_page(
    ctx: &Ctx,
    slug: &str,
    id: i64,
    from: &str,
) -> Result<ProposalPage, AppError> {
    let c = consultation(ctx, slug).await?;
    // A duplicate keeps its page, which leads to the idea it repeats.
    let proposal = proposals::proposal(&ctx.db, id)
        .await?
        .filter(|p| (p.is_published() || p.duplicate_of.is_some()) && p.consultation_id == c.id)
        .ok_or_else(|| ctx.not_found())?;
    let duplicate_of = match proposal.duplicate_of {
        None => None,
        Some(kept) => {
            let links = super::ProposalLinks::of(ctx, &c).await?;
            Some(
                proposals::proposal(&ctx.db, kept)
                    .await?
                    .filter(|k| k.is_published())
                    .map(|k| {
                        let link = links.to(k.id);
                        (k, link)
                    }),
            )
        }
    };
    let merged = crate::consultation::store::moderation::duplicate_count(&ctx.db, id).await?;
    let known = crate::account::participant::current(&ctx.session).await;
    let vote = match known {
        Some(p) => vote_of(&ctx.db.pool, id, p).await?,
        None => None,
    };
    // Signed for the participant this page will vote as; a visitor who never
    // took part gets one at their first vote (see `visitor_signature`).
    let secret = signing_key(&ctx.db).await?;
    let site = super::site_key(ctx).await?;
    let now = crate::ssr::db::now();
    let served_in = served_from(&site, from, id, now);
    let site_link = match served_in {
        ServedIn::ProposalPage => site_link_token(&site, id, now),
        _ => String::new(),
    };
    let signature = match known {
        Some(p) => sign(&secret, c.id, id, p, served_in),
        None => visitor_signature(&secret, &c, id, served_in),
    };
    Ok(ProposalPage {
        consultation: c,
        proposal,
        vote,
        served_in,
        signature,
        site_link,
        idempotency_key: fresh_key(),
        duplicate_of,
        merged,
    })
}

/// The settings editor of a phase's consultation component.
pub struct SettingsPage {
    pub component_id: i64,
    pub process: Process,
    pub phase: Phase,
    /// None until the consultation is first saved.
    pub consultation: Option<Consultation>,
}

pub async fn settings_page(ctx: &Ctx, component_id: i64) -> Result<SettingsPage, AppError> {
    let (process, phase) =
        crate::process::service::component_place(ctx, component_id, ComponentKind::Consultation)
            .await?;
    let consultation = consultations::consultation_of_component(&ctx.db, component_id).await?;
    Ok(SettingsPage {
        component_id,
        process,
        phase,
        consultation,
    })
}
