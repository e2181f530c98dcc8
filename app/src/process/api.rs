//! The process editor's server functions. Each is thin: it hands the form to
//! `service` and ends the form (redirect, or the form echoed back).

use super::forms::{
    ArchiveForm, DeleteProcessForm, PhaseAction, PhaseForm, ProcessForm, ThemeAction, ThemeForm,
};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/processes/save")]
pub async fn save_process(#[server(flatten)] form: ProcessForm) -> Result<(), AppError> {
    crate::ssr::form::answer("process", &form, async |ctx| {
        super::service::save_process(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/phases/save")]
pub async fn save_phase(#[server(flatten)] form: PhaseForm) -> Result<(), AppError> {
    crate::ssr::form::answer("phase", &form, async |ctx| {
        super::service::save_phase(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/phases/delete")]
pub async fn delete_phase(#[server(flatten)] form: PhaseAction) -> Result<(), AppError> {
    crate::ssr::form::answer("phase-action", &form, async |ctx| {
        super::service::delete_phase(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/phases/move")]
pub async fn move_phase(#[server(flatten)] form: PhaseAction) -> Result<(), AppError> {
    crate::ssr::form::answer("phase-action", &form, async |ctx| {
        super::service::move_phase(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/processes/archive")]
pub async fn archive_process(#[server(flatten)] form: ArchiveForm) -> Result<(), AppError> {
    crate::ssr::form::answer("process-archive", &form, async |ctx| {
        super::service::archive_process(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/themes/save")]
pub async fn save_theme(#[server(flatten)] form: ThemeForm) -> Result<(), AppError> {
    let name = if form.theme_id.is_empty() {
        "theme-new".to_owned()
    } else {
        format!("theme-{}", form.theme_id)
    };
    crate::ssr::form::answer(&name, &form, async |ctx| {
        super::service::themes::save_theme(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/processes/delete")]
pub async fn delete_process(#[server(flatten)] form: DeleteProcessForm) -> Result<(), AppError> {
    crate::ssr::form::answer("process-delete", &form, async |ctx| {
        super::service::delete_process(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/themes/move")]
pub async fn move_theme(#[server(flatten)] form: ThemeAction) -> Result<(), AppError> {
    crate::ssr::form::answer("theme-action", &form, async |ctx| {
        super::service::themes::move_theme(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/themes/delete")]
pub async fn delete_theme(#[server(flatten)] form: ThemeAction) -> Result<(), AppError> {
    crate::ssr::form::answer("theme-action", &form, async |ctx| {
        super::service::themes::delete_theme(ctx, &form).await
    })
    .await
}
