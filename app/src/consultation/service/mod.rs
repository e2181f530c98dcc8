//! What the consultation does, in one place: commands that own their
//! transaction (propose, vote, move a sequence on, moderate, save settings)
//! and one read model per page. Services return data; pages translate it.

pub mod dashboard;
pub mod ideas;
pub mod moderation;
pub mod moderation_log;
pub mod pages;
pub mod posters;
pub mod results;
pub mod sequence;
pub mod votes;

pub use results::{results, ProposalResult};

use super::forms::{ProposeForm, ReportForm, SettingsForm};
use super::logic::groups::Groups;
use super::logic::rules::{self, NewProposal, ProposalFields};
use super::logic::settings::Settings;
use super::logic::signing::{self, sign, ServedIn};
use super::store::consultations::{self, Consultation};
use super::store::secrets::signing_key;
use super::store::{demographics, moderation as moderation_store, proposals};
use crate::account::participant;
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::form::Next;
use crate::ssr::rate_limit::Action;
use crate::ssr::Ctx;
use rand::distributions::{Alphanumeric, DistString};

/// The consultation of this slug; not found otherwise, or when its process
/// is a draft and the viewer is not staff.
pub async fn consultation(ctx: &Ctx, slug: &str) -> Result<Consultation, AppError> {
    let c = consultations::consultation_by_slug(&ctx.db, slug)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    crate::process::visibility::ensure_visible(ctx, c.component_id).await?;
    Ok(c)
}

async fn ensure_open(ctx: &Ctx, c: &Consultation) -> Result<(), AppError> {
    crate::process::visibility::ensure_not_archived(ctx, c.component_id).await?;
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

/// A card shown to a visitor who never took part (who has no participant:
/// page views create none) is signed for a one-time visitor number, negative
/// so never a participant's id, written in front of the signature
/// (`<number>.<signature>`). Their first vote creates their participant
/// under that number (see `votes::cast`): a card copied to other cookie jars
/// is still that one participant, and votes once.
pub fn visitor_signature(
    secret: &[u8],
    c: &Consultation,
    proposal: i64,
    served_in: ServedIn,
) -> String {
    use rand::Rng;
    let visitor = -rand::thread_rng().gen_range(1..i64::MAX);
    let signature = sign(secret, c.id, proposal, visitor, served_in);
    format!("{visitor}.{signature}")
}

/// The visitor number and the signature of a card signed by [`visitor_signature`].
pub fn split_visitor_signature(signed: &str) -> Option<(i64, &str)> {
    let (visitor, signature) = signed.trim().split_once('.')?;
    visitor
        .parse::<i64>()
        .ok()
        .filter(|v| *v < 0)
        .map(|v| (v, signature))
}

/// The participant making the request, created at their first write (page
/// views create none: see `visitor_signature`).
pub async fn participant(ctx: &Ctx) -> Result<i64, AppError> {
    Ok(participant::ensure(&ctx.db, &ctx.session).await?)
}

/// A fresh key for one form: a retried post of it is applied once.
pub fn fresh_key() -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), 22)
}

/// The language a consultation's proposals are written in, for keywords.
fn lang_of(c: &Consultation) -> super::logic::Lang {
    super::logic::Lang::from_code(&c.lang).unwrap_or_default()
}

pub fn consultation_path(c: &Consultation) -> String {
    format!("/consultations/{}", c.slug)
}

pub fn vote_path(c: &Consultation) -> String {
    format!("{}/vote", consultation_path(c))
}

pub fn proposal_path(c: &Consultation, proposal: i64) -> String {
    format!("{}/proposals/{proposal}", consultation_path(c))
}

/// The key of site links (`logic::signing::site_link_token`):
/// `PARTICIPE_SECRET` when configured, else the key made once and kept in the
/// database, so that every instance signs and checks alike.
pub(crate) async fn site_key(ctx: &Ctx) -> Result<Vec<u8>, AppError> {
    match &ctx.settings.secret {
        Some(secret) => Ok(secret.as_bytes().to_vec()),
        None => Ok(signing_key(&ctx.db).await?),
    }
}

/// Links from the site's own pages (results, similar proposals…) to proposal
/// pages, each carrying a fresh site-link token: a vote on the page it opens
/// counts as trusted, while the same address shared later counts nowhere.
#[derive(Debug, Clone)]
pub struct ProposalLinks {
    base: String,
    key: Vec<u8>,
    now: i64,
}

impl ProposalLinks {
    pub async fn of(ctx: &Ctx, c: &Consultation) -> Result<ProposalLinks, AppError> {
        Ok(ProposalLinks {
            base: consultation_path(c),
            key: site_key(ctx).await?,
            now: crate::ssr::db::now(),
        })
    }

    /// The signed path of one proposal's page.
    pub fn to(&self, proposal: i64) -> String {
        let token = signing::site_link_token(&self.key, proposal, self.now);
        format!("{}/proposals/{proposal}?from={token}", self.base)
    }
}

pub async fn propose(ctx: &Ctx, form: &ProposeForm) -> Result<(i64, Next), AppError> {
    let c = consultation(ctx, &form.consultation).await?;
    ensure_open(ctx, &c).await?;
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
    ctx.rate_limit(Action::Propose, participant).await?;
    let id = proposals::insert_proposal(&ctx.db, c.id, participant, key, &new).await?;
    crate::ssr::live::nudge_current(super::live::topic(c.id));
    // What a proposer says of themselves also places their votes in results
    // by group, unless they already answered the demographics card.
    let answer = Groups {
        age_bracket: new.age_bracket.clone(),
        neighbourhood: new.neighbourhood.clone(),
    };
    if answer != Groups::default()
        && !demographics::has_demographics(&ctx.db, c.id, participant).await?
    {
        demographics::save_demographics(&ctx.db, c.id, participant, &answer).await?;
    }
    Ok((
        id,
        Next::to(consultation_path(&c)).with_notice("proposal-received"),
    ))
}

/// A published proposal; not found otherwise.
async fn published(ctx: &Ctx, proposal_id: &str) -> Result<proposals::Proposal, AppError> {
    let id: i64 = proposal_id.parse().map_err(|_| ctx.not_found())?;
    proposals::proposal(&ctx.db, id)
        .await?
        .filter(|p| p.is_published())
        .ok_or_else(|| ctx.not_found())
}

/// The consultation a proposal belongs to: `known` when it is that one,
/// read otherwise.
async fn consultation_of(
    ctx: &Ctx,
    proposal: &proposals::Proposal,
    known: Option<&Consultation>,
) -> Result<Consultation, AppError> {
    match known {
        Some(c) if c.id == proposal.consultation_id => Ok(c.clone()),
        _ => {
            let c = consultations::consultation_by_id(&ctx.db, proposal.consultation_id)
                .await?
                .ok_or_else(|| ctx.not_found())?;
            crate::process::visibility::ensure_visible(ctx, c.component_id).await?;
            Ok(c)
        }
    }
}

pub async fn report(ctx: &Ctx, form: &ReportForm) -> Result<((), Next), AppError> {
    let proposal = published(ctx, &form.proposal_id).await?;
    let c = consultation_of(ctx, &proposal, None).await?;
    if !rules::REPORT_REASONS.contains(&form.reason.as_str()) {
        return Err(ctx.invalid("reason", "report-error-reason"));
    }
    let participant = participant(ctx).await?;
    ctx.rate_limit(Action::Report, participant).await?;
    moderation_store::report(&ctx.db, proposal.id, participant, &form.reason).await?;
    let back = proposal_path(&c, proposal.id);
    Ok(((), Next::to(back).with_notice("report-received")))
}

/// Creates or updates the consultation of a phase's consultation component.
/// A slug already taken is refused at the database boundary (`ssr::db_error`).
pub async fn save_settings(ctx: &Ctx, form: &SettingsForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let settings = Settings::parse(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    if !consultations::save_settings(&ctx.db, component, &settings).await? {
        return Err(ctx.not_found());
    }
    Ok((
        (),
        Next::to(format!("/admin/consultations/{component}")).with_notice("settings-saved"),
    ))
}
