//! What the consultation's server functions receive: plain forms, all text so
//! that what was typed can always be echoed back. A leaf: it imports nothing
//! from its folder, and `logic` parses these into domain values.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposeForm {
    pub consultation: String,
    /// What follows the prefix ("plus de bancs dans les parcs").
    pub body: String,
    pub author_name: String,
    pub author_email: String,
    pub age_bracket: String,
    pub neighbourhood: String,
    pub charter: String,
    pub idempotency_key: String,
}

/// A vote from a card: the key comes from the button pressed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VoteForm {
    pub proposal_id: String,
    /// "agree", "disagree", "neutral"; with "withdraw" the vote is taken back.
    pub key: String,
    /// Where the proposal was served, and the server's signature of it.
    pub served_in: String,
    pub signature: String,
    /// On a proposal page, its site-link token: the vote counts as trusted
    /// only while it is fresh.
    pub from: String,
    pub idempotency_key: String,
    /// The page to come back to (a local path).
    pub back: String,
    /// Qualifications, as `q_<slug>=on`.
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

/// What a vote request changed, for scripts that update the card in place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteResult {
    /// The vote key now stored, if any.
    pub key: Option<String>,
    pub qualifications: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SequenceForm {
    pub consultation: String,
    /// "next" moves on; "restart" starts a new sequence.
    pub action: String,
    /// The position "next" was pressed at: a replayed "next" moves on once.
    pub position: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DemographicsForm {
    pub consultation: String,
    pub age_bracket: String,
    pub neighbourhood: String,
    /// "skip" to go on without answering.
    pub action: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub proposal_id: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModerationForm {
    pub consultation_id: String,
    pub proposal_id: String,
    /// "next", "accept", "refuse", "edit" (correct the text) or "duplicate".
    pub decision: String,
    pub reason: String,
    pub message: String,
    /// The corrected text ("edit").
    pub content: String,
    /// The kept proposal ("duplicate"): chosen in the list of similar ones,
    /// or its number typed in `target_number`, which wins when filled.
    pub target: String,
    pub target_number: String,
    /// Why, for the log ("edit", "duplicate"); optional.
    pub note: String,
    /// Themes, as `theme_<id>=on`.
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

/// The consultation settings editor's fields.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    /// The consultation component of a phase these settings belong to.
    pub component_id: String,
    pub slug: String,
    pub question: String,
    pub proposal_prefix: String,
    pub lang: String,
    /// One per line.
    pub neighbourhoods: String,
    pub opens_on: String,
    pub closes_on: String,
    pub sequence_size: String,
    pub new_share_pct: String,
    pub new_threshold: String,
    pub controversy_share_pct: String,
    pub trusted_weight_pct: String,
}

/// What the vote island sends: which of the vote page's forms, and its fields
/// as the browser would have posted them (the same names as the plain forms).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SequencePost {
    /// The consultation's slug.
    pub consultation: String,
    /// "vote", "sequence" or "demographics".
    pub form: String,
    pub fields: Vec<(String, String)>,
}
