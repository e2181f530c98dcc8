//! One read model per page of the Rendez-vous citoyen: what each page shows,
//! read in one call.

use super::{mode, rendezvous, rendezvous_component, require_host, set_mode};
use crate::error::AppError;
use crate::model::Role;
use crate::rendezvous::logic::{AudienceStatus, Mode};
use crate::rendezvous::service::restitution::{self, Restitution};
use crate::rendezvous::state::{AudienceItem, LiveState};
use crate::rendezvous::store::{self, AudienceQuestion, Question, Registration, Rendezvous};
use crate::ssr::Ctx;

/// The final evaluation survey: its address, whether it takes answers now,
/// and whether its results are published.
pub struct Evaluation {
    pub slug: String,
    pub open: bool,
    pub published: bool,
}

async fn evaluation(ctx: &Ctx, r: &Rendezvous) -> Result<Option<Evaluation>, AppError> {
    let Some(id) = r.survey_id else {
        return Ok(None);
    };
    let Some(slug) = store::survey_slug(&ctx.db, id).await? else {
        return Ok(None);
    };
    let s = crate::survey::store::survey_by_slug(&ctx.db, &slug).await?;
    Ok(s.map(|s| Evaluation {
        open: s.is_open(ctx.settings.today()),
        published: s.results_published,
        slug,
    }))
}

/// The participants' live page.
pub struct LivePageData {
    pub r: Rendezvous,
    pub state: LiveState,
    /// Where this visitor said they follow from.
    pub mode: Option<Mode>,
    /// The live questions this visitor answered, and the audience questions
    /// they upvoted.
    pub answered: Vec<i64>,
    pub upvoted: Vec<i64>,
    /// How many of this visitor's questions wait for moderation.
    pub pending_mine: usize,
    pub restitution: Restitution,
    pub evaluation: Option<Evaluation>,
}

/// Reads the live page; a mode asked in the address (the room's QR code
/// carries `?mode=room`) is remembered first.
pub async fn live_page(
    ctx: &Ctx,
    slug: &str,
    asked_mode: Option<Mode>,
) -> Result<LivePageData, AppError> {
    let r = rendezvous(ctx, slug).await?;
    if let Some(m) = asked_mode {
        set_mode(ctx, &r, m).await?;
    }
    let mode = mode(ctx, &r).await;
    let state = store::live_state(&ctx.db, r.id).await?;
    let (answered, upvoted, pending_mine) =
        match crate::account::participant::current(&ctx.session).await {
            Some(p) => {
                let pending = store::audience(&ctx.db, r.id, &[AudienceStatus::Pending])
                    .await?
                    .iter()
                    .filter(|a| a.participant_id == Some(p))
                    .count();
                (
                    store::answered_by(&ctx.db, r.id, p).await?,
                    store::upvoted_by(&ctx.db, r.id, p).await?,
                    pending,
                )
            }
            None => (Vec::new(), Vec::new(), 0),
        };
    let process = store::process_of(&ctx.db, &r).await?;
    let restitution = restitution::restitution(&ctx.db, process, r.survey_id).await?;
    let evaluation = evaluation(ctx, &r).await?;
    Ok(LivePageData {
        r,
        state,
        mode,
        answered,
        upvoted,
        pending_mine,
        restitution,
        evaluation,
    })
}

/// The hosts' console.
pub struct ConsolePageData {
    pub r: Rendezvous,
    pub questions: Vec<Question>,
    pub state: LiveState,
    pub pending: Vec<AudienceItem>,
    pub approved: Vec<AudienceQuestion>,
    /// Answered and rejected audience questions.
    pub done: Vec<AudienceQuestion>,
    /// Registrations standing: (in the room, remote).
    pub registrations: (i64, i64),
}

pub async fn console_page(ctx: &Ctx, slug: &str) -> Result<ConsolePageData, AppError> {
    require_host(ctx)?;
    let r = rendezvous(ctx, slug).await?;
    let questions = store::questions(&ctx.db, r.id).await?;
    let state = store::live_state(&ctx.db, r.id).await?;
    let pending = store::pending(&ctx.db, r.id).await?;
    let approved = store::audience(&ctx.db, r.id, &[AudienceStatus::Approved]).await?;
    let done = store::audience(
        &ctx.db,
        r.id,
        &[AudienceStatus::Answered, AudienceStatus::Rejected],
    )
    .await?;
    let registrations = store::registration_counts(&ctx.db, r.id).await?;
    Ok(ConsolePageData {
        r,
        questions,
        state,
        pending,
        approved,
        done,
        registrations,
    })
}

/// The projector view.
pub struct ProjectorPageData {
    pub r: Rendezvous,
    pub state: LiveState,
}

pub async fn projector_page(ctx: &Ctx, slug: &str) -> Result<ProjectorPageData, AppError> {
    let r = rendezvous(ctx, slug).await?;
    let state = store::live_state(&ctx.db, r.id).await?;
    Ok(ProjectorPageData { r, state })
}

/// The settings page of a Rendez-vous component (admins).
pub struct SettingsPageData {
    pub component_id: i64,
    /// The process (id, title), for the breadcrumb back to it.
    pub process: (i64, String),
    /// The component's title.
    pub title: String,
    /// None before the settings are first saved.
    pub r: Option<Rendezvous>,
    /// The process's surveys (id, title), for the final evaluation.
    pub surveys: Vec<(i64, String)>,
}

pub async fn settings_page(ctx: &Ctx, component_id: &str) -> Result<SettingsPageData, AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = component_id.parse().map_err(|_| ctx.not_found())?;
    let (process, title) = rendezvous_component(ctx, id).await?;
    let r = store::by_component(&ctx.db, id).await?;
    let surveys = store::process_surveys(&ctx.db, process).await?;
    let process_title = crate::process::store::process_by_id(&ctx.db, process)
        .await?
        .map(|p| p.title)
        .unwrap_or_default();
    Ok(SettingsPageData {
        component_id: id,
        process: (process, process_title),
        title,
        r,
        surveys,
    })
}

/// A registration through its private link, with its meeting.
pub struct RegistrationPageData {
    pub r: Rendezvous,
    pub registration: Registration,
}

pub async fn registration_page(
    ctx: &Ctx,
    slug: &str,
    token: &str,
) -> Result<RegistrationPageData, AppError> {
    let r = rendezvous(ctx, slug).await?;
    let registration = super::registration(ctx, &r, token).await?;
    Ok(RegistrationPageData { r, registration })
}
