//! The survey's server functions. Each is thin: it reads the request context,
//! calls `service`, and ends the form (redirect or data). Staff functions are
//! under `staff/surveys/`: building surveys is for admins.

pub use super::forms::*;
use crate::error::AppError;
use leptos::prelude::*;

/// The one form that ends its own way: a section refused for its answers
/// goes back to that section with every problem marked (from the draft, which
/// already holds what was typed), rather than echoing the form.
#[server(endpoint = "surveys/answer")]
pub async fn answer(#[server(flatten)] form: AnswerForm) -> Result<(), AppError> {
    use super::service::{self, Refusal};
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    match service::answer(&ctx, &form).await {
        Ok(next) => finish(&ctx, "survey", &form, Ok(((), next))).await,
        Err(Refusal::Answers { to, err }) => {
            if ctx.info.plain_html {
                leptos_axum::redirect(&to);
            }
            Err(err)
        }
        Err(Refusal::Other(err)) => finish::<()>(&ctx, "survey", &form, Err(err)).await,
    }
}

#[server(endpoint = "staff/surveys/save")]
pub async fn save_survey(#[server(flatten)] form: SurveyForm) -> Result<(), AppError> {
    crate::ssr::form::answer("survey-settings", &form, async |ctx| {
        super::service::save_survey(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/surveys/sections/add")]
pub async fn add_section(#[server(flatten)] form: SectionForm) -> Result<(), AppError> {
    crate::ssr::form::answer("survey-section", &form, async |ctx| {
        super::service::add_section(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/surveys/questions/save")]
pub async fn save_question(#[server(flatten)] form: QuestionForm) -> Result<(), AppError> {
    crate::ssr::form::answer("survey-question", &form, async |ctx| {
        super::service::save_question(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/surveys/questions/change")]
pub async fn change_question(#[server(flatten)] form: QuestionChangeForm) -> Result<(), AppError> {
    crate::ssr::form::answer("survey-question-change", &form, async |ctx| {
        super::service::change_question(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/surveys/publish")]
pub async fn publish_results(#[server(flatten)] form: PublishForm) -> Result<(), AppError> {
    crate::ssr::form::answer("survey-publish", &form, async |ctx| {
        super::service::publish_results(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/surveys/invitations/send")]
pub async fn send_invitations(#[server(flatten)] form: InviteForm) -> Result<Sent, AppError> {
    crate::ssr::form::answer("survey-invite", &form, async |ctx| {
        super::service::send_invitations(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/surveys/invitations/remind")]
pub async fn send_reminders(#[server(flatten)] form: RemindForm) -> Result<Sent, AppError> {
    crate::ssr::form::answer("survey-remind", &form, async |ctx| {
        super::service::send_reminders(ctx, &form).await
    })
    .await
}
