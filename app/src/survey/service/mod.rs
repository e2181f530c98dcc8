//! What the survey's server functions and pages do: who may answer, drafts,
//! sending a response once, building a survey, invitations, results. Each
//! page reads one read model from here.

mod answering;
mod building;
mod invitations;
mod results;

pub use answering::*;
pub use building::*;
pub use invitations::*;
pub use results::*;

use super::logic::Question;
use super::store::{self, Section, Survey};
use crate::error::AppError;
use crate::ssr::Ctx;

/// The survey of this slug; not found otherwise, or when its process is a
/// draft and the viewer is not staff.
pub async fn survey(ctx: &Ctx, slug: &str) -> Result<Survey, AppError> {
    let s = store::survey_by_slug(&ctx.db, slug)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    crate::process::visibility::ensure_visible(ctx, s.component_id).await?;
    Ok(s)
}

pub async fn definition(ctx: &Ctx, s: &Survey) -> Result<(Vec<Section>, Vec<Question>), AppError> {
    Ok(store::definition(&ctx.db, s.id).await?)
}

/// The address a respondent answers at: the open link or their invitation.
pub fn survey_path(s: &Survey, token: Option<&str>) -> String {
    match token {
        Some(t) => format!("/surveys/{}/i/{t}", s.slug),
        None => format!("/surveys/{}", s.slug),
    }
}

/// One section's page (`section` from 0; people count from 1).
pub fn section_path(s: &Survey, token: Option<&str>, section: usize) -> String {
    format!("{}?section={}", survey_path(s, token), section + 1)
}
