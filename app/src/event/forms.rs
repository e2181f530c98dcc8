//! The event component's forms, as the browser sends them: all text, so that
//! a form never fails to decode and can always be echoed back. A leaf: the
//! logic parses these into domain types.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The registration form. Also used to change a registration through its
/// private link, then with `token` set.
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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub event: String,
    pub token: String,
    /// "on" when the person ticked "I confirm".
    pub confirm: String,
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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckInForm {
    pub event: String,
    pub day_id: String,
    /// As typed: "k7mq 2xrd" is fine.
    pub code: String,
}

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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DayForm {
    pub event_id: String,
    /// Empty when adding.
    pub day_id: String,
    pub day: String,
    pub seats: String,
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

/// An action avenue of a workshop, as typed (echoed back on refusal).
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

/// What the door staff are shown about a ticket: the check-in server
/// function's answer, read by the scanner island.
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

/// What a registration gives back to a script (a browser is redirected to `path`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterResult {
    /// "K7MQ-2XRD".
    pub ticket_code: String,
    /// The private link's path.
    pub path: String,
}
