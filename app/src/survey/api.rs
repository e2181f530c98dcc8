//! The survey's server functions. Each is thin: it reads the request context,
//! calls `service`, and ends the form (redirect or data). Staff functions are
//! under `staff/surveys/`: building surveys is for admins.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One section of answers. Answers come as `q<id>` / `q<id>_<part>` fields
/// (see `logic::answers`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub survey: String,
    /// The invitation token, when answering through one.
    pub token: String,
    /// The section these answers belong to, from 0.
    pub section: String,
    /// "next" (checks the section, then goes on or sends), "back", "save".
    pub action: String,
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

#[server(endpoint = "surveys/answer")]
pub async fn answer(#[server(flatten)] form: AnswerForm) -> Result<(), AppError> {
    use super::service::{self, Refusal};
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    match service::answer(&ctx, &form).await {
        Ok(next) => finish(&ctx, "survey", &form, Ok(((), next))).await,
        // The section comes back with every problem marked (from the draft,
        // which already holds what was typed).
        Err(Refusal::Answers { to, err }) => {
            if ctx.info.plain_html {
                leptos_axum::redirect(&to);
            }
            Err(err)
        }
        Err(Refusal::Other(err)) => finish::<()>(&ctx, "survey", &form, Err(err)).await,
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyForm {
    pub component_id: String,
    pub slug: String,
    pub title: String,
    pub intro: String,
    /// "open" or "invitation".
    pub access: String,
    pub anonymous: String,
    pub opens_on: String,
    pub closes_on: String,
}

#[server(endpoint = "staff/surveys/save")]
pub async fn save_survey(#[server(flatten)] form: SurveyForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::save_survey(&ctx, &form).await;
    finish(&ctx, "survey-settings", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SectionForm {
    pub component_id: String,
    pub title: String,
}

#[server(endpoint = "staff/surveys/sections/add")]
pub async fn add_section(#[server(flatten)] form: SectionForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::add_section(&ctx, &form).await;
    finish(&ctx, "survey-section", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub component_id: String,
    /// Empty when creating.
    pub question_id: String,
    pub section_id: String,
    pub kind: String,
    pub prompt: String,
    pub help: String,
    pub required: String,
    /// One per line.
    pub options: String,
    /// One per line (matrix items).
    pub items: String,
    /// "" or "<question id>:<equals|includes>:<option index>".
    pub condition: String,
}

#[server(endpoint = "staff/surveys/questions/save")]
pub async fn save_question(#[server(flatten)] form: QuestionForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::save_question(&ctx, &form).await;
    finish(&ctx, "survey-question", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionChangeForm {
    pub component_id: String,
    pub question_id: String,
    /// "up", "down" or "delete".
    pub action: String,
}

#[server(endpoint = "staff/surveys/questions/change")]
pub async fn change_question(#[server(flatten)] form: QuestionChangeForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::change_question(&ctx, &form).await;
    finish(&ctx, "survey-question-change", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    pub component_id: String,
    /// "on" publishes the results, empty withdraws them.
    pub publish: String,
}

#[server(endpoint = "staff/surveys/publish")]
pub async fn publish_results(#[server(flatten)] form: PublishForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::publish_results(&ctx, &form).await;
    finish(&ctx, "survey-publish", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub component_id: String,
    /// One recipient a line: "email" or "email, name" (or tab-separated).
    pub recipients: String,
    /// An event whose checked-in attendees are added to the recipients.
    pub event_id: String,
}

/// How many invitations were made and sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub sent: usize,
}

#[server(endpoint = "staff/surveys/invitations/send")]
pub async fn send_invitations(#[server(flatten)] form: InviteForm) -> Result<Sent, AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::send_invitations(&ctx, &form).await;
    finish(&ctx, "survey-invite", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RemindForm {
    pub component_id: String,
}

#[server(endpoint = "staff/surveys/invitations/remind")]
pub async fn send_reminders(#[server(flatten)] form: RemindForm) -> Result<Sent, AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::send_reminders(&ctx, &form).await;
    finish(&ctx, "survey-remind", &form, result).await
}
