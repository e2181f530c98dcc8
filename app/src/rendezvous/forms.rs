//! What the Rendez-vous citoyen's server functions receive: plain form
//! fields, read by `logic` and the service. A leaf: it imports nothing of its
//! folder.

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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModeForm {
    pub rendezvous: String,
    /// "room" or "remote".
    pub mode: String,
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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AskForm {
    pub rendezvous: String,
    pub body: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UpvoteForm {
    pub rendezvous: String,
    pub question_id: String,
}

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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModerateForm {
    pub rendezvous: String,
    pub question_id: String,
    /// "approved", "rejected" or "answered".
    pub status: String,
}
