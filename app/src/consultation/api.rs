//! The consultation's server functions. Each is thin: it reads the request
//! context, calls `service`, and ends the form (redirect or data).

use crate::error::AppError;
use leptos::prelude::*;
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

#[server(endpoint = "consultation/propose")]
pub async fn propose(#[server(flatten)] form: ProposeForm) -> Result<i64, AppError> {
    crate::ssr::form::answer("propose", &form, async |ctx| {
        super::service::propose(ctx, &form).await
    })
    .await
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

#[server(endpoint = "consultation/vote")]
pub async fn vote(#[server(flatten)] form: VoteForm) -> Result<VoteResult, AppError> {
    crate::ssr::form::answer("vote", &form, async |ctx| {
        super::service::vote(ctx, &form).await
    })
    .await
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

#[server(endpoint = "consultation/sequence")]
pub async fn sequence_step(#[server(flatten)] form: SequenceForm) -> Result<(), AppError> {
    crate::ssr::form::answer("sequence", &form, async |ctx| {
        super::service::sequence_step(ctx, &form).await
    })
    .await
}

/// The vote island's posts: the same forms as the plain page, sent in the
/// background, answered with the next step's HTML instead of a redirect.
#[server(endpoint = "consultation/sequence/act", input = server_fn::codec::Json)]
pub async fn sequence_act(act: super::sequence_view::SequencePost) -> Result<String, AppError> {
    let ctx = crate::ssr::Ctx::get()?;
    let view = super::sequence::act(&ctx, &act)
        .await
        .map_err(|e| ctx.respond_err(e))?;
    Ok(crate::components::vote_step::sequence(&view).to_html())
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

#[server(endpoint = "consultation/demographics")]
pub async fn save_demographics(#[server(flatten)] form: DemographicsForm) -> Result<(), AppError> {
    crate::ssr::form::answer("demographics", &form, async |ctx| {
        super::service::save_demographics(ctx, &form).await
    })
    .await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub proposal_id: String,
    pub reason: String,
}

#[server(endpoint = "consultation/report")]
pub async fn report_proposal(#[server(flatten)] form: ReportForm) -> Result<(), AppError> {
    crate::ssr::form::answer("report", &form, async |ctx| {
        super::service::report(ctx, &form).await
    })
    .await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModerationForm {
    pub consultation_id: String,
    pub proposal_id: String,
    /// "next", "accept" or "refuse".
    pub decision: String,
    pub reason: String,
    pub message: String,
    /// Themes, as `theme_<id>=on`.
    #[serde(flatten)]
    pub extra: HashMap<String, String>,
}

#[server(endpoint = "staff/moderation/decide")]
pub async fn moderate(#[server(flatten)] form: ModerationForm) -> Result<(), AppError> {
    crate::ssr::form::answer("moderation", &form, async |ctx| {
        super::service::moderate(ctx, &form).await
    })
    .await
}

/// The consultation settings editor's fields, all text so that what was typed
/// can always be echoed back.
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

#[server(endpoint = "staff/consultations/save")]
pub async fn save_settings(#[server(flatten)] form: SettingsForm) -> Result<(), AppError> {
    crate::ssr::form::answer("settings", &form, async |ctx| {
        super::service::save_settings(ctx, &form).await
    })
    .await
}
