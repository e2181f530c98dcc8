//! The symposium's server functions. Each is thin: it reads the request
//! context, calls `service`, and ends the form (redirect or data).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The registration form, as the browser sends it (all text, so that it never
/// fails to decode and can always be echoed back). Also used to change a
/// registration through its private link, then with `token` set.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    /// The event's slug.
    pub event: String,
    /// The private link's token when changing a registration; empty when registering.
    pub token: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
    pub profile: String,
    pub accessibility: String,
    pub dietary: String,
    pub consent: String,
    /// Days as `day_<id>=on`, workshops as `w_<day>_<HHMM>=<id>`, answers as `q_<id>=…`.
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

/// What a registration gives back to a script (a browser is redirected to `path`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterResult {
    /// "K7MQ-2XRD".
    pub ticket_code: String,
    /// The private link's path.
    pub path: String,
}

#[server(endpoint = "events/register")]
pub async fn register(
    #[server(flatten)] form: RegistrationForm,
) -> Result<RegisterResult, AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::register(&ctx, &form).await;
    finish(&ctx, "registration", &form, result).await
}

#[server(endpoint = "events/registration/change")]
pub async fn change_registration(
    #[server(flatten)] form: RegistrationForm,
) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::change(&ctx, &form).await;
    finish(&ctx, "registration", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub event: String,
    pub token: String,
    /// "on" when the person ticked "I confirm".
    pub confirm: String,
}

#[server(endpoint = "events/registration/cancel")]
pub async fn cancel_registration(#[server(flatten)] form: CancelForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::cancel(&ctx, &form).await;
    finish(&ctx, "cancel", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    pub event: String,
    pub token: String,
    pub session_id: String,
    /// "accept" or "decline".
    pub answer: String,
}

#[server(endpoint = "events/registration/offer")]
pub async fn answer_offer(#[server(flatten)] form: OfferForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::answer_offer(&ctx, &form).await;
    finish(&ctx, "offer", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckInForm {
    pub event: String,
    pub day_id: String,
    /// As typed: "k7mq 2xrd" is fine.
    pub code: String,
}

/// What the door staff are shown about a ticket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckInResult {
    /// "admitted", "already-used", "cancelled", "not-this-day", "unknown".
    pub outcome: String,
    pub admitted: bool,
    pub message: String,
    pub code: String,
    pub name: String,
    pub organisation: String,
    /// Confirmed workshops: "14:00 · title · room".
    pub workshops: Vec<String>,
    pub days: Vec<String>,
}

#[server(endpoint = "staff/events/check-in")]
pub async fn check_in(#[server(flatten)] form: CheckInForm) -> Result<CheckInResult, AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::service::check_in(&ctx, &form).await;
    finish(&ctx, "check-in", &form, result).await
}

// ---- Programme editing (admins) ----

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EventForm {
    /// The phase component the event belongs to.
    pub component_id: String,
    pub slug: String,
    pub title: String,
    pub description_md: String,
    pub venue: String,
    pub seats: String,
    pub offer_hours: String,
    pub registration_open: String,
}

#[server(endpoint = "staff/events/save")]
pub async fn save_event(#[server(flatten)] form: EventForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::admin::save_event(&ctx, &form).await;
    finish(&ctx, "event", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DayForm {
    pub event_id: String,
    /// Empty when adding.
    pub day_id: String,
    pub day: String,
    pub seats: String,
}

#[server(endpoint = "staff/events/days/save")]
pub async fn save_day(#[server(flatten)] form: DayForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::admin::save_day(&ctx, &form).await;
    let name = if form.day_id.is_empty() {
        "day-new".to_owned()
    } else {
        format!("day-{}", form.day_id)
    };
    finish(&ctx, &name, &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub event_id: String,
    /// Empty when adding.
    pub session_id: String,
    pub day_id: String,
    pub kind: String,
    pub title: String,
    pub description_md: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
    /// Workshops only.
    pub seats: String,
    /// Themes as `theme_<id>=on`, speakers as `speaker_<id>=on`.
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

#[server(endpoint = "staff/events/sessions/save")]
pub async fn save_session(#[server(flatten)] form: SessionForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::admin::save_session(&ctx, &form).await;
    finish(&ctx, "session", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SpeakerForm {
    pub event_id: String,
    pub speaker_id: String,
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub bio: String,
    pub photo_url: String,
}

#[server(endpoint = "staff/events/speakers/save")]
pub async fn save_speaker(#[server(flatten)] form: SpeakerForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::admin::save_speaker(&ctx, &form).await;
    finish(&ctx, "speaker", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub event_id: String,
    pub question_id: String,
    pub position: String,
    /// "text", "choice" or "yes_no".
    pub kind: String,
    pub label: String,
    /// Choices only, one per line.
    pub options: String,
    pub required: String,
}

#[server(endpoint = "staff/events/questions/save")]
pub async fn save_question(#[server(flatten)] form: QuestionForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::admin::save_question(&ctx, &form).await;
    finish(&ctx, "question", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DeleteItemForm {
    pub event_id: String,
    /// "day", "session", "speaker" or "question".
    pub kind: String,
    pub id: String,
    /// "on" when the admin ticked "I confirm".
    pub confirm: String,
}

#[server(endpoint = "staff/events/items/delete")]
pub async fn delete_item(#[server(flatten)] form: DeleteItemForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::admin::delete_item(&ctx, &form).await;
    finish(&ctx, "delete", &form, result).await
}

// ---- Action avenues (event staff) ----

/// An action avenue of a workshop, as typed (all text, echoed back on refusal).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AvenueForm {
    pub event_id: String,
    pub session_id: String,
    /// Empty when adding.
    pub avenue_id: String,
    pub title: String,
    pub description: String,
    pub lead_actors: String,
    /// "on" to publish.
    pub published: String,
    /// Themes as `theme_<id>=on`, proposals as `proposal_<id>=on`.
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

#[server(endpoint = "staff/events/avenues/save")]
pub async fn save_avenue(#[server(flatten)] form: AvenueForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::avenues::save_from_form(&ctx, &form).await;
    finish(&ctx, "avenue", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AvenueActionForm {
    pub event_id: String,
    pub session_id: String,
    pub avenue_id: String,
    /// "publish", "unpublish" or "delete".
    pub action: String,
    /// "on" when staff ticked "I confirm" (deleting).
    pub confirm: String,
}

#[server(endpoint = "staff/events/avenues/act")]
pub async fn act_on_avenue(#[server(flatten)] form: AvenueActionForm) -> Result<(), AppError> {
    use crate::ssr::form::finish;
    let ctx = crate::ssr::Ctx::get()?;
    let result = super::avenues::act_from_form(&ctx, &form).await;
    let name = format!("avenue-{}", form.avenue_id);
    finish(&ctx, &name, &form, result).await
}
