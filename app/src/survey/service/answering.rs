//! Answering: who may answer now, the draft kept in the session, and the
//! section-by-section form that ends with the response stored once.

use super::{definition, section_path, survey};
use crate::account::participant;
use crate::error::AppError;
use crate::ssr::form::Next;
use crate::ssr::rate_limit::Action;
use crate::ssr::Ctx;
use crate::survey::forms::AnswerForm;
use crate::survey::logic::{self, Problem, Question};
use crate::survey::store::{self, Access, Respondent, Section, Submitted, Survey};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

// --- Drafts ----------------------------------------------------------------

/// What a respondent typed so far, all sections together, as the form's raw
/// fields. It lives in the respondent's session (its server-side row, keyed by
/// the session cookie), never beside the responses: it holds the token's hash
/// only to tell two invitations apart in one browser, and it is removed in the
/// request that stores the response, so nothing remains that could join an
/// anonymous response to an invitation or a participant.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Draft {
    pub token_hash: Option<String>,
    pub values: HashMap<String, String>,
}

fn draft_key(s: &Survey) -> String {
    format!("survey_draft_{}", s.id)
}

pub async fn load_draft(ctx: &Ctx, s: &Survey, token: Option<&str>) -> Draft {
    let hash = token.map(store::token_hash);
    match ctx.session.get::<Draft>(&draft_key(s)).await {
        Ok(Some(d)) if d.token_hash == hash => d,
        _ => Draft {
            token_hash: hash,
            values: HashMap::new(),
        },
    }
}

async fn save_draft(ctx: &Ctx, s: &Survey, draft: &Draft) -> Result<(), AppError> {
    ctx.session
        .insert(&draft_key(s), draft)
        .await
        .map_err(|e| ctx.internal(e))
}

// --- Answering -------------------------------------------------------------

/// Whether this respondent may answer now, and if not why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    NotYetOpen,
    Closed,
    InvitationOnly,
    Answered,
}

impl Gate {
    pub fn message_key(self) -> &'static str {
        match self {
            Gate::Open => "survey-open",
            Gate::NotYetOpen => "survey-not-yet-open",
            Gate::Closed => "survey-closed",
            Gate::InvitationOnly => "survey-invitation-only",
            Gate::Answered => "survey-already-answered",
        }
    }
}

/// Checks dates, access and whether this respondent already answered. An
/// unknown invitation token is "not found", like a page that does not exist.
pub async fn gate(ctx: &Ctx, s: &Survey, token: Option<&str>) -> Result<Gate, AppError> {
    // An archived process's survey is closed, whatever its dates.
    if crate::process::store::component_archived(&ctx.db, s.component_id).await? == Some(true) {
        return Ok(Gate::Closed);
    }
    let today = ctx.settings.today();
    if today < s.opens_on {
        return Ok(Gate::NotYetOpen);
    }
    if today > s.closes_on {
        return Ok(Gate::Closed);
    }
    match token {
        Some(token) => {
            let invitation = store::invitation_by_token(&ctx.db, s.id, token)
                .await?
                .ok_or_else(|| ctx.not_found())?;
            Ok(if invitation.used_on.is_some() {
                Gate::Answered
            } else {
                Gate::Open
            })
        }
        None if s.access == Access::Invitation => Ok(Gate::InvitationOnly),
        None => match participant::current(&ctx.session).await {
            Some(p) if store::has_answered(&ctx.db, s.id, p).await? => Ok(Gate::Answered),
            _ => Ok(Gate::Open),
        },
    }
}

/// A refused answer form: either back to a section with its problems marked,
/// or any other refusal (closed, already answered...).
pub enum Refusal {
    Answers { to: String, err: AppError },
    Other(AppError),
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Self {
        Refusal::Other(e)
    }
}

impl From<sqlx::Error> for Refusal {
    fn from(e: sqlx::Error) -> Self {
        Refusal::Other(e.into())
    }
}

fn first_field(questions: &[Question], problems: &[(i64, Problem)]) -> String {
    problems
        .first()
        .and_then(|(id, _)| questions.iter().find(|q| q.id == *id))
        .and_then(|q| logic::field_names(q).into_iter().next())
        .unwrap_or_default()
}

/// Keeps what was sent for one section in the draft, checks it, and moves on:
/// to the next section with something to show, back, or to sending.
pub async fn answer(ctx: &Ctx, form: &AnswerForm) -> Result<Next, Refusal> {
    let s = survey(ctx, &form.survey).await?;
    let token = Some(form.token.trim()).filter(|t| !t.is_empty());
    let gate = gate(ctx, &s, token).await?;
    if gate != Gate::Open {
        return Err(ctx
            .respond_err(AppError::Conflict(ctx.t(gate.message_key())))
            .into());
    }
    let (sections, questions) = definition(ctx, &s).await?;
    let section: usize = form
        .section
        .parse()
        .ok()
        .filter(|n| *n < sections.len())
        .ok_or_else(|| ctx.invalid("section", "survey-error-invalid"))?;
    let mut draft = load_draft(ctx, &s, token).await;
    for q in questions.iter().filter(|q| q.section == section) {
        for name in logic::field_names(q) {
            match form.extra.get(&name) {
                Some(v) if !v.trim().is_empty() => draft.values.insert(name, v.clone()),
                _ => draft.values.remove(&name),
            };
        }
    }
    save_draft(ctx, &s, &draft).await?;
    let here = section_path(&s, token, section);
    let all = logic::check(&questions, &draft.values, |_| false).answers;
    match form.action.as_str() {
        "save" => return Ok(Next::to(here).with_notice("survey-draft-saved")),
        "back" => {
            let to = logic::previous_section(&questions, &all, section);
            return Ok(Next::to(section_path(&s, token, to)));
        }
        _ => {}
    }
    let checked = logic::check(&questions, &draft.values, |q| q.section == section);
    if !checked.problems.is_empty() {
        return Err(Refusal::Answers {
            to: format!("{here}&check=1#problems"),
            err: ctx.invalid(
                &first_field(&questions, &checked.problems),
                "survey-error-summary",
            ),
        });
    }
    if let Some(next) = logic::next_section(&questions, &checked.answers, section, sections.len()) {
        return Ok(Next::to(section_path(&s, token, next)));
    }
    // The last section: everything is checked again, since an earlier answer
    // may have been changed by going back.
    let checked = logic::check(&questions, &draft.values, |_| true);
    if let Some((id, _)) = checked.problems.first() {
        let at = questions
            .iter()
            .find(|q| q.id == *id)
            .map_or(0, |q| q.section);
        return Err(Refusal::Answers {
            to: format!("{}&check=1#problems", section_path(&s, token, at)),
            err: ctx.invalid(
                &first_field(&questions, &checked.problems),
                "survey-error-summary",
            ),
        });
    }
    let who = match token {
        Some(token) => Respondent::Invitation { token },
        None => {
            ctx.rate_limit(Action::RespondToSurvey, None).await?;
            Respondent::Participant(participant::ensure(&ctx.db, &ctx.session).await?)
        }
    };
    let stored = store::submit(&ctx.db, &s, who, &checked.answers, ctx.settings.today()).await?;
    if stored == Submitted::AlreadyAnswered {
        return Err(ctx
            .respond_err(AppError::Conflict(ctx.t("survey-already-answered")))
            .into());
    }
    if let Err(e) = ctx.session.remove::<Draft>(&draft_key(&s)).await {
        tracing::warn!("could not remove a survey draft: {e}");
    }
    Ok(Next::to(format!("/surveys/{}/thanks", s.slug)))
}

/// What a section page of the survey shows: the survey, whether this
/// respondent may answer, its definition, and the draft so far.
pub struct AnswerPageData {
    pub survey: Survey,
    pub gate: Gate,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub draft: Draft,
}

pub async fn answer_page(
    ctx: &Ctx,
    slug: &str,
    token: Option<&str>,
) -> Result<AnswerPageData, AppError> {
    let survey = survey(ctx, slug).await?;
    let gate = gate(ctx, &survey, token).await?;
    let (sections, questions) = definition(ctx, &survey).await?;
    let draft = load_draft(ctx, &survey, token).await;
    Ok(AnswerPageData {
        survey,
        gate,
        sections,
        questions,
        draft,
    })
}
