//! Who may see a component: the one draft rule every component's loader
//! applies. A leaf of the process space (only its store), so that every
//! component can use it without depending on the process pages' read models.

use super::store;
use crate::error::AppError;
use crate::model::StaffUser;
use crate::ssr::{Ctx, Db};

/// Whether a component's pages, data and server functions are open to this
/// viewer: its process is published, or the viewer is signed-in staff (who
/// prepare and preview drafts). The one rule every component's loader applies.
pub async fn component_visible(
    db: &Db,
    viewer: Option<&StaffUser>,
    component_id: i64,
) -> Result<bool, sqlx::Error> {
    if viewer.is_some() {
        return Ok(true);
    }
    Ok(store::component_published(db, component_id).await? == Some(true))
}

/// [`component_visible`] for a request: a draft's component is not found.
pub async fn ensure_visible(ctx: &Ctx, component_id: i64) -> Result<(), AppError> {
    if component_visible(&ctx.db, ctx.viewer(), component_id).await? {
        Ok(())
    } else {
        Err(ctx.not_found())
    }
}

/// For the handlers outside server functions (open data, live streams, files):
/// the component `found`, if this viewer may see it; 404 when there is none or
/// its process is a draft, 500 (logged) when the database fails.
pub async fn visible_or_status<T>(
    db: &Db,
    viewer: Option<&StaffUser>,
    found: Result<Option<T>, sqlx::Error>,
    component_id: impl Fn(&T) -> i64,
) -> Result<T, axum::http::StatusCode> {
    use axum::http::StatusCode;
    let fail = |e: sqlx::Error| {
        tracing::error!("loading a component: {e}");
        StatusCode::INTERNAL_SERVER_ERROR
    };
    let item = found.map_err(fail)?.ok_or(StatusCode::NOT_FOUND)?;
    if component_visible(db, viewer, component_id(&item))
        .await
        .map_err(fail)?
    {
        Ok(item)
    } else {
        Err(StatusCode::NOT_FOUND)
    }
}

/// Refuses a contribution (vote, proposal, registration, answer) to a
/// component of an archived process: its pages stay readable, nothing new
/// is taken.
pub async fn ensure_not_archived(ctx: &Ctx, component_id: i64) -> Result<(), AppError> {
    if store::component_archived(&ctx.db, component_id).await? == Some(true) {
        Err(ctx.respond_err(AppError::Conflict(ctx.t("process-archived-closed"))))
    } else {
        Ok(())
    }
}
