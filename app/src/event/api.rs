//! The event component's server functions. Each is the context, one service
//! command, and the answer (`crate::ssr::form::answer`).

use super::forms::{
    AvenueActionForm, AvenueForm, CancelForm, CheckInForm, CheckInResult, DayForm, DeleteItemForm,
    EventForm, OfferForm, QuestionForm, RegisterResult, RegistrationForm, SessionForm, SpeakerForm,
};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "events/register")]
pub async fn register(
    #[server(flatten)] form: RegistrationForm,
) -> Result<RegisterResult, AppError> {
    use super::service::registration;
    crate::ssr::form::answer("registration", &form, async |ctx| {
        registration::register(ctx, &form).await
    })
    .await
}

#[server(endpoint = "events/registration/change")]
pub async fn change_registration(
    #[server(flatten)] form: RegistrationForm,
) -> Result<(), AppError> {
    use super::service::registration;
    crate::ssr::form::answer("registration", &form, async |ctx| {
        registration::change(ctx, &form).await
    })
    .await
}

#[server(endpoint = "events/registration/cancel")]
pub async fn cancel_registration(#[server(flatten)] form: CancelForm) -> Result<(), AppError> {
    use super::service::registration;
    crate::ssr::form::answer("cancel", &form, async |ctx| {
        registration::cancel(ctx, &form).await
    })
    .await
}

#[server(endpoint = "events/registration/offer")]
pub async fn answer_offer(#[server(flatten)] form: OfferForm) -> Result<(), AppError> {
    use super::service::registration;
    crate::ssr::form::answer("offer", &form, async |ctx| {
        registration::answer_offer(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/check-in")]
pub async fn check_in(#[server(flatten)] form: CheckInForm) -> Result<CheckInResult, AppError> {
    use super::service::checkin;
    crate::ssr::form::answer("check-in", &form, async |ctx| {
        let (outcome, next) = checkin::check_in(ctx, &form).await?;
        let result = super::wording::check_in_result(ctx.tr, &ctx.settings, &outcome);
        checkin::remember(ctx, &result).await;
        Ok((result, next))
    })
    .await
}

#[server(endpoint = "staff/events/save")]
pub async fn save_event(#[server(flatten)] form: EventForm) -> Result<(), AppError> {
    use super::service::programme;
    crate::ssr::form::answer("event", &form, async |ctx| {
        programme::save_event(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/days/save")]
pub async fn save_day(#[server(flatten)] form: DayForm) -> Result<(), AppError> {
    use super::service::programme;
    // Each day has its own form on the page.
    let name = if form.day_id.is_empty() {
        "day-new".to_owned()
    } else {
        format!("day-{}", form.day_id)
    };
    crate::ssr::form::answer(&name, &form, async |ctx| {
        programme::save_day(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/sessions/save")]
pub async fn save_session(#[server(flatten)] form: SessionForm) -> Result<(), AppError> {
    use super::service::programme;
    crate::ssr::form::answer("session", &form, async |ctx| {
        programme::save_session(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/speakers/save")]
pub async fn save_speaker(#[server(flatten)] form: SpeakerForm) -> Result<(), AppError> {
    use super::service::programme;
    crate::ssr::form::answer("speaker", &form, async |ctx| {
        programme::save_speaker(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/questions/save")]
pub async fn save_question(#[server(flatten)] form: QuestionForm) -> Result<(), AppError> {
    use super::service::programme;
    crate::ssr::form::answer("question", &form, async |ctx| {
        programme::save_question(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/items/delete")]
pub async fn delete_item(#[server(flatten)] form: DeleteItemForm) -> Result<(), AppError> {
    use super::service::programme;
    crate::ssr::form::answer("delete", &form, async |ctx| {
        programme::delete_item(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/events/avenues/save")]
pub async fn save_avenue(#[server(flatten)] form: AvenueForm) -> Result<(), AppError> {
    use super::service::avenues;
    crate::ssr::form::answer("avenue", &form, async |ctx| avenues::save(ctx, &form).await).await
}

#[server(endpoint = "staff/events/avenues/act")]
pub async fn act_on_avenue(#[server(flatten)] form: AvenueActionForm) -> Result<(), AppError> {
    use super::service::avenues;
    // Each avenue has its own action form on the page.
    let name = format!("avenue-{}", form.avenue_id);
    crate::ssr::form::answer(&name, &form, async |ctx| avenues::act(ctx, &form).await).await
}
