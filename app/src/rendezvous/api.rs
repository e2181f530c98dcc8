//! The Rendez-vous citoyen's server functions: thin, each reads the request
//! context, calls `service`, and ends the form (redirect back, or data for a
//! script). Staff functions are under `staff/rendezvous/`.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub rendezvous: String,
    pub name: String,
    pub email: String,
    /// "room" or "remote".
    pub mode: String,
    pub consent: String,
}

#[server(endpoint = "rendezvous/register")]
pub async fn register(#[server(flatten)] form: RegisterForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::register(&ctx, &form).await;
    finish(&ctx, "rendezvous-register", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModeForm {
    pub rendezvous: String,
    /// "room" or "remote".
    pub mode: String,
}

#[server(endpoint = "rendezvous/mode")]
pub async fn choose_mode(#[server(flatten)] form: ModeForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::choose_mode(&ctx, &form).await;
    finish(&ctx, "rendezvous-mode", &form, result).await
}

/// An answer to the open question: `choice` (an option index) for a rating or
/// a single choice, `o<i>=on` per chosen option of a multiple choice, `text`
/// for a short answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub rendezvous: String,
    pub question_id: String,
    pub choice: String,
    pub text: String,
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

#[server(endpoint = "rendezvous/answer")]
pub async fn answer(#[server(flatten)] form: AnswerForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::answer(&ctx, &form).await;
    finish(&ctx, "rendezvous-answer", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AskForm {
    pub rendezvous: String,
    pub body: String,
}

#[server(endpoint = "rendezvous/ask")]
pub async fn ask(#[server(flatten)] form: AskForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::ask(&ctx, &form).await;
    finish(&ctx, "rendezvous-ask", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UpvoteForm {
    pub rendezvous: String,
    pub question_id: String,
}

#[server(endpoint = "rendezvous/upvote")]
pub async fn upvote(#[server(flatten)] form: UpvoteForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::upvote(&ctx, &form).await;
    finish(&ctx, "rendezvous-upvote", &form, result).await
}

// ---- Staff ----

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub component_id: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_on: String,
    pub starts_at: String,
    pub venue: String,
    pub video_url: String,
    /// A survey id of the process, or empty.
    pub survey_id: String,
    pub registration_open: String,
}

#[server(endpoint = "staff/rendezvous/save")]
pub async fn save_settings(#[server(flatten)] form: SettingsForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::save_settings(&ctx, &form).await;
    finish(&ctx, "rendezvous-settings", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub rendezvous: String,
    /// Empty when adding one.
    pub question_id: String,
    pub kind: String,
    pub prompt: String,
    /// One per line.
    pub options: String,
}

#[server(endpoint = "staff/rendezvous/questions/save")]
pub async fn save_question(#[server(flatten)] form: QuestionForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::save_question(&ctx, &form).await;
    finish(&ctx, "rendezvous-question", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionStateForm {
    pub rendezvous: String,
    pub question_id: String,
    /// "open" or "close".
    pub action: String,
    /// The question the console showed open ("none" if none): an opening
    /// is refused when another host changed it meanwhile.
    pub seen_open: String,
}

#[server(endpoint = "staff/rendezvous/questions/state")]
pub async fn question_state(#[server(flatten)] form: QuestionStateForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::question_state(&ctx, &form).await;
    finish(&ctx, "rendezvous-question-state", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModerateForm {
    pub rendezvous: String,
    pub question_id: String,
    /// "approved", "rejected" or "answered".
    pub status: String,
}

#[server(endpoint = "staff/rendezvous/audience/moderate")]
pub async fn moderate(#[server(flatten)] form: ModerateForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::moderate(&ctx, &form).await;
    finish(&ctx, "rendezvous-moderate", &form, result).await
}
