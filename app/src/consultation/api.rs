//! The consultation's server functions. Each is thin: the context, one
//! service command, and the form's answer (redirect or data). The vote
//! island's own server function sits beside the island
//! (`islands::vote_sequence`), as it answers HTML.

use super::forms::{
    DemographicsForm, ModerationForm, ProposeForm, ReportForm, SequenceForm, SettingsForm,
    VoteForm, VoteResult,
};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "consultation/propose")]
pub async fn propose(#[server(flatten)] form: ProposeForm) -> Result<i64, AppError> {
    crate::ssr::form::answer("propose", &form, async |ctx| {
        super::service::propose(ctx, &form).await
    })
    .await
}

#[server(endpoint = "consultation/vote")]
pub async fn vote(#[server(flatten)] form: VoteForm) -> Result<VoteResult, AppError> {
    crate::ssr::form::answer("vote", &form, async |ctx| {
        super::service::sequence::vote(ctx, &form).await
    })
    .await
}

#[server(endpoint = "consultation/sequence")]
pub async fn sequence_step(#[server(flatten)] form: SequenceForm) -> Result<(), AppError> {
    crate::ssr::form::answer("sequence", &form, async |ctx| {
        super::service::sequence::step(ctx, &form).await
    })
    .await
}

#[server(endpoint = "consultation/demographics")]
pub async fn save_demographics(#[server(flatten)] form: DemographicsForm) -> Result<(), AppError> {
    crate::ssr::form::answer("demographics", &form, async |ctx| {
        super::service::sequence::save_demographics(ctx, &form).await
    })
    .await
}

#[server(endpoint = "consultation/report")]
pub async fn report_proposal(#[server(flatten)] form: ReportForm) -> Result<(), AppError> {
    crate::ssr::form::answer("report", &form, async |ctx| {
        super::service::report(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/moderation/decide")]
pub async fn moderate(#[server(flatten)] form: ModerationForm) -> Result<(), AppError> {
    crate::ssr::form::answer("moderation", &form, async |ctx| {
        super::service::moderation::moderate(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/consultations/save")]
pub async fn save_settings(#[server(flatten)] form: SettingsForm) -> Result<(), AppError> {
    crate::ssr::form::answer("settings", &form, async |ctx| {
        super::service::save_settings(ctx, &form).await
    })
    .await
}
