//! Participatory processes: a process has ordered phases, each with dates and
//! the components it holds (consultation, event, survey, evaluation).

#[cfg(feature = "ssr")]
pub mod domain;
#[cfg(feature = "ssr")]
pub mod store;

use crate::error::AppError;
use crate::model::ComponentKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The process editor's fields, as the browser sends them (all text, so that a
/// form never fails to decode and what was typed can always be echoed back).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcessForm {
    /// Empty when creating.
    pub process_id: String,
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    pub description_md: String,
    pub image_url: String,
    pub image_alt: String,
    pub start_date: String,
    pub end_date: String,
    /// "on" when ticked.
    pub published: String,
}

/// The phase editor's fields; one checkbox per component kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhaseForm {
    pub process_id: String,
    /// Empty when creating.
    pub phase_id: String,
    pub title: String,
    pub description_md: String,
    pub start_date: String,
    pub end_date: String,
    pub consultation: String,
    pub event: String,
    pub survey: String,
    pub evaluation: String,
}

impl PhaseForm {
    pub fn components(&self) -> Vec<ComponentKind> {
        [
            (&self.consultation, ComponentKind::Consultation),
            (&self.event, ComponentKind::Event),
            (&self.survey, ComponentKind::Survey),
            (&self.evaluation, ComponentKind::Rendezvous),
        ]
        .into_iter()
        .filter(|(v, _)| !v.is_empty())
        .map(|(_, k)| k)
        .collect()
    }
}

/// A phase to delete or move.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhaseAction {
    pub phase_id: String,
    /// "up" or "down" when moving.
    pub direction: String,
}

#[server(endpoint = "staff/processes/save")]
pub async fn save_process(#[server(flatten)] form: ProcessForm) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::ssr::form::{finish, Next};
    use crate::ssr::{db::is_unique_violation, Ctx};
    let ctx = Ctx::get()?;
    let result = async {
        ctx.require(Role::Admin)?;
        let input = domain::ProcessInput::parse(&form).map_err(|(f, k)| ctx.invalid(f, k))?;
        let saved = match form.process_id.parse::<i64>() {
            Ok(id) => store::update_process(&ctx.db, id, &input)
                .await
                .map(|found| found.then_some(id)),
            Err(_) => store::insert_process(&ctx.db, &input).await.map(Some),
        };
        let id = match saved {
            Ok(Some(id)) => id,
            Ok(None) => return Err(ctx.not_found()),
            Err(e) if is_unique_violation(&e) => {
                return Err(ctx.invalid("slug", "process-error-slug-taken"))
            }
            Err(e) => return Err(ctx.internal(e)),
        };
        Ok((
            (),
            Next::to(format!("/admin/processes/{id}")).with_notice(ctx.t("process-saved")),
        ))
    }
    .await;
    finish(&ctx, "process", &form, result).await
}

#[server(endpoint = "staff/phases/save")]
pub async fn save_phase(#[server(flatten)] form: PhaseForm) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        ctx.require(Role::Admin)?;
        let process_id: i64 = form.process_id.parse().map_err(|_| ctx.not_found())?;
        let input = domain::PhaseInput::parse(&form).map_err(|(f, k)| ctx.invalid(f, k))?;
        let saved = match form.phase_id.parse::<i64>() {
            Ok(id) => store::update_phase(&ctx.db, process_id, id, &input).await,
            Err(_) => store::insert_phase(&ctx.db, process_id, &input)
                .await
                .map(|_| true),
        };
        match saved {
            Ok(true) => {}
            Ok(false) => return Err(ctx.not_found()),
            Err(e)
                if e.as_database_error()
                    .is_some_and(|d| d.is_foreign_key_violation()) =>
            {
                return Err(ctx.not_found())
            }
            Err(e) => return Err(ctx.internal(e)),
        }
        let to = format!("/admin/processes/{process_id}#phases");
        Ok(((), Next::to(to).with_notice(ctx.t("phase-saved"))))
    }
    .await;
    finish(&ctx, "phase", &form, result).await
}

#[server(endpoint = "staff/phases/delete")]
pub async fn delete_phase(#[server(flatten)] form: PhaseAction) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        ctx.require(Role::Admin)?;
        let id: i64 = form.phase_id.parse().map_err(|_| ctx.not_found())?;
        let process_id = store::delete_phase(&ctx.db, id)
            .await
            .map_err(|e| ctx.internal(e))?;
        let process_id = process_id.ok_or_else(|| ctx.not_found())?;
        let to = format!("/admin/processes/{process_id}#phases");
        Ok(((), Next::to(to).with_notice(ctx.t("phase-deleted"))))
    }
    .await;
    finish(&ctx, "phase-action", &form, result).await
}

#[server(endpoint = "staff/phases/move")]
pub async fn move_phase(#[server(flatten)] form: PhaseAction) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        ctx.require(Role::Admin)?;
        let id: i64 = form.phase_id.parse().map_err(|_| ctx.not_found())?;
        let up = form.direction == "up";
        let process_id = store::move_phase(&ctx.db, id, up)
            .await
            .map_err(|e| ctx.internal(e))?;
        let process_id = process_id.ok_or_else(|| ctx.not_found())?;
        Ok((
            (),
            Next::to(format!("/admin/processes/{process_id}#phases")),
        ))
    }
    .await;
    finish(&ctx, "phase-action", &form, result).await
}
