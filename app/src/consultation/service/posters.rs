//! The residents' shortest path: the open consultations the home page puts
//! forward, the short address printed on posters (`/v/<code>`), and the read
//! model of the poster and flyer pages.

use super::{consultation, consultation_path, vote_path};
use crate::consultation::logic::short_link::{self, ShortTarget};
use crate::consultation::store::consultations::{self, Consultation};
use crate::error::AppError;
use crate::ssr::Ctx;
use chrono::NaiveDate;

/// The consultations open today in published processes.
pub async fn open_consultations(ctx: &Ctx) -> Result<Vec<Consultation>, AppError> {
    Ok(consultations::open_consultations(&ctx.db, ctx.settings.today()).await?)
}

/// Where the short address `code` leads today. Unknown codes, and drafts for
/// visitors who are not staff, are not found, like every other draft page.
pub async fn short_link_target(ctx: &Ctx, code: &str) -> Result<String, AppError> {
    let id = short_link::parse_code(code).ok_or_else(|| ctx.not_found())?;
    let c = consultations::consultation_by_id(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    crate::process::visibility::ensure_visible(ctx, c.component_id).await?;
    Ok(
        match short_link::target(c.opens_on, c.closes_on, ctx.settings.today()) {
            ShortTarget::Vote => vote_path(&c),
            ShortTarget::Home => consultation_path(&c),
            ShortTarget::Results => format!("{}/results", consultation_path(&c)),
        },
    )
}

/// What a poster or a flyer shows.
pub struct PosterPage {
    pub consultation: Consultation,
    /// The short address the QR code holds.
    pub short_url: String,
    /// The same, as printed to be typed (no scheme).
    pub short_text: String,
    /// Where the short address leads today (the page says it when that is
    /// not the vote: a poster printed early or left up too long).
    pub target: ShortTarget,
    pub today: NaiveDate,
}

pub async fn poster_page(ctx: &Ctx, slug: &str) -> Result<PosterPage, AppError> {
    let c = consultation(ctx, slug).await?;
    let (short_url, short_text) = short_link::short_address(&ctx.settings.base_url, c.id);
    let today = ctx.settings.today();
    Ok(PosterPage {
        target: short_link::target(c.opens_on, c.closes_on, today),
        consultation: c,
        short_url,
        short_text,
        today,
    })
}
