//! The Rendez-vous citoyen's server functions: thin, each reads the request
//! context, calls `service`, and ends the form (redirect back, or data for a
//! script). Staff functions are under `staff/rendezvous/`.

pub use super::forms::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rendezvous/register")]
pub async fn register(#[server(flatten)] form: RegisterForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-register", &form, async |ctx| {
        super::service::register(ctx, &form).await
    })
    .await
}

#[server(endpoint = "rendezvous/mode")]
pub async fn choose_mode(#[server(flatten)] form: ModeForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-mode", &form, async |ctx| {
        super::service::choose_mode(ctx, &form).await
    })
    .await
}

#[server(endpoint = "rendezvous/answer")]
pub async fn answer(#[server(flatten)] form: AnswerForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-answer", &form, async |ctx| {
        super::service::answer(ctx, &form).await
    })
    .await
}

#[server(endpoint = "rendezvous/ask")]
pub async fn ask(#[server(flatten)] form: AskForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-ask", &form, async |ctx| {
        super::service::ask(ctx, &form).await
    })
    .await
}

#[server(endpoint = "rendezvous/upvote")]
pub async fn upvote(#[server(flatten)] form: UpvoteForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-upvote", &form, async |ctx| {
        super::service::upvote(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/rendezvous/save")]
pub async fn save_settings(#[server(flatten)] form: SettingsForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-settings", &form, async |ctx| {
        super::service::save_settings(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/rendezvous/questions/save")]
pub async fn save_question(#[server(flatten)] form: QuestionForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-question", &form, async |ctx| {
        super::service::save_question(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/rendezvous/questions/state")]
pub async fn question_state(#[server(flatten)] form: QuestionStateForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-question-state", &form, async |ctx| {
        super::service::question_state(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/rendezvous/audience/moderate")]
pub async fn moderate(#[server(flatten)] form: ModerateForm) -> Result<(), AppError> {
    crate::ssr::form::answer("rendezvous-moderate", &form, async |ctx| {
        super::service::moderate(ctx, &form).await
    })
    .await
}
