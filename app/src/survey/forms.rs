//! What the survey's server functions receive (and answer): plain form
//! fields, parsed by the service. A leaf: it imports nothing of its folder.

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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SectionForm {
    pub component_id: String,
    pub title: String,
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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionChangeForm {
    pub component_id: String,
    pub question_id: String,
    /// "up", "down" or "delete".
    pub action: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    pub component_id: String,
    /// "on" publishes the results, empty withdraws them.
    pub publish: String,
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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RemindForm {
    pub component_id: String,
}
