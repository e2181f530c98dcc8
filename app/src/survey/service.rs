//! What the survey's server functions and pages do: who may answer, drafts,
//! sending a response once, building a survey, invitations, results.

use super::api::{
    AnswerForm, InviteForm, PublishForm, QuestionChangeForm, QuestionForm, RemindForm, SectionForm,
    Sent, SurveyForm,
};
use super::invitations::{self, Recipient};
use super::logic::{
    self, Answers, Condition, ConditionOp, Kind, Problem, Question, QuestionResult,
};
use super::store::{self, Access, Respondent, Section, Submitted, Survey, SurveyInput};
use crate::account::participant;
use crate::error::AppError;
use crate::model::Role;
use crate::process::logic::{parse_date, parse_slug};
use crate::ssr::form::Next;
use crate::ssr::Ctx;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub async fn survey(ctx: &Ctx, slug: &str) -> Result<Survey, AppError> {
    store::survey_by_slug(&ctx.db, slug)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())
}

pub async fn definition(ctx: &Ctx, s: &Survey) -> Result<(Vec<Section>, Vec<Question>), AppError> {
    store::definition(&ctx.db, s.id)
        .await
        .map_err(|e| ctx.internal(e))
}

/// The address a respondent answers at: the open link or their invitation.
pub fn survey_path(s: &Survey, token: Option<&str>) -> String {
    match token {
        Some(t) => format!("/surveys/{}/i/{t}", s.slug),
        None => format!("/surveys/{}", s.slug),
    }
}

/// One section's page (`section` from 0; people count from 1).
pub fn section_path(s: &Survey, token: Option<&str>, section: usize) -> String {
    format!("{}?section={}", survey_path(s, token), section + 1)
}

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
                .await
                .map_err(|e| ctx.internal(e))?
                .ok_or_else(|| ctx.not_found())?;
            Ok(if invitation.used_on.is_some() {
                Gate::Answered
            } else {
                Gate::Open
            })
        }
        None if s.access == Access::Invitation => Ok(Gate::InvitationOnly),
        None => match participant::current(&ctx.session).await {
            Some(p)
                if store::has_answered(&ctx.db, s.id, p)
                    .await
                    .map_err(|e| ctx.internal(e))? =>
            {
                Ok(Gate::Answered)
            }
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
        "save" => return Ok(Next::to(here).with_notice(ctx.t("survey-draft-saved"))),
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
        None => Respondent::Participant(
            participant::ensure(&ctx.db, &ctx.session)
                .await
                .map_err(|e| ctx.internal(e))?,
        ),
    };
    let stored = store::submit(&ctx.db, &s, who, &checked.answers, ctx.settings.today())
        .await
        .map_err(|e| ctx.internal(e))?;
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

// --- Results ---------------------------------------------------------------

/// Below this many respondents a filtered view shows nothing, so that nobody's
/// answers can be singled out.
pub const MIN_FILTERED: usize = 5;

pub struct ResultsData {
    pub survey: Survey,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub total: usize,
    /// The filter applied, with how many responses it kept.
    pub filter: Option<((i64, usize), usize)>,
    /// None when the filter keeps too few responses.
    pub results: Option<Vec<QuestionResult>>,
}

/// Whether the viewer may see the results: published, or an admin.
pub fn may_see_results(ctx: &Ctx, s: &Survey) -> bool {
    s.results_published || ctx.viewer().is_some_and(|v| v.role.allows(Role::Admin))
}

/// "12:3" → (question 12, option 3).
pub fn parse_filter(raw: &str) -> Option<(i64, usize)> {
    let (q, o) = raw.split_once(':')?;
    Some((q.parse().ok()?, o.parse().ok()?))
}

pub async fn results(ctx: &Ctx, slug: &str, filter: Option<&str>) -> Result<ResultsData, AppError> {
    let s = survey(ctx, slug).await?;
    if !may_see_results(ctx, &s) {
        return Err(ctx.not_found());
    }
    let (sections, questions) = definition(ctx, &s).await?;
    let responses = store::responses(&ctx.db, s.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let filter = filter.and_then(parse_filter).filter(|(q, o)| {
        questions.iter().any(|x| {
            x.id == *q && (x.kind.is_choice() || x.kind == Kind::Multiple) && *o < x.option_count()
        })
    });
    let kept: Vec<&Answers> = responses
        .iter()
        .map(|(_, a)| a)
        .filter(|a| filter.is_none_or(|f| logic::matches_filter(a, f)))
        .collect();
    let results = (filter.is_none() || kept.len() >= MIN_FILTERED)
        .then(|| logic::aggregate(&questions, &kept));
    Ok(ResultsData {
        total: responses.len(),
        filter: filter.map(|f| (f, kept.len())),
        survey: s,
        sections,
        questions,
        results,
    })
}

// --- Staff: building -------------------------------------------------------

/// The survey of a survey component, for its admin pages; `None` before its
/// settings are first saved.
pub async fn staff_survey(ctx: &Ctx, component: i64) -> Result<Option<Survey>, AppError> {
    ctx.require(Role::Admin)?;
    store::survey_by_component(&ctx.db, component)
        .await
        .map_err(|e| ctx.internal(e))
}

async fn existing_survey(ctx: &Ctx, component_id: &str) -> Result<Survey, AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = component_id.parse().map_err(|_| ctx.not_found())?;
    staff_survey(ctx, component)
        .await?
        .ok_or_else(|| ctx.not_found())
}

pub fn admin_path(s: &Survey) -> String {
    format!("/admin/surveys/{}", s.component_id)
}

fn text(s: &str, field: &'static str, max: usize) -> Result<String, (&'static str, &'static str)> {
    let t = s.trim();
    match t.chars().count() {
        0 => Err((field, "settings-error-required")),
        n if n > max => Err((field, "settings-error-long")),
        _ => Ok(t.to_owned()),
    }
}

fn parse_survey(form: &SurveyForm) -> Result<SurveyInput, (&'static str, &'static str)> {
    let slug = parse_slug(&form.slug)?;
    let title = text(&form.title, "title", 200)?;
    let intro = form.intro.trim().to_owned();
    if intro.chars().count() > 2000 {
        return Err(("intro", "settings-error-long"));
    }
    let access = Access::parse(&form.access).ok_or(("access", "survey-builder-error-access"))?;
    let opens_on = parse_date(&form.opens_on, "opens_on")?;
    let closes_on = parse_date(&form.closes_on, "closes_on")?;
    if closes_on < opens_on {
        return Err(("closes_on", "process-error-date-order"));
    }
    Ok(SurveyInput {
        slug,
        title,
        intro,
        access,
        anonymous: !form.anonymous.is_empty(),
        opens_on,
        closes_on,
    })
}

pub async fn save_survey(ctx: &Ctx, form: &SurveyForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let input = parse_survey(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    match store::save_survey(&ctx.db, component, &input).await {
        Ok(Some(_)) => Ok((
            (),
            Next::to(format!("/admin/surveys/{component}"))
                .with_notice(ctx.t("survey-builder-saved")),
        )),
        Ok(None) => Err(ctx.not_found()),
        Err(e) if crate::ssr::db::is_unique_violation(&e) => {
            Err(ctx.invalid("slug", "process-error-slug-taken"))
        }
        Err(e) => Err(ctx.internal(e)),
    }
}

pub async fn add_section(ctx: &Ctx, form: &SectionForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let title = form.title.trim();
    if title.chars().count() > 200 {
        return Err(ctx.invalid("title", "settings-error-long"));
    }
    store::add_section(&ctx.db, s.id, title)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok((
        (),
        Next::to(admin_path(&s)).with_notice(ctx.t("survey-builder-saved")),
    ))
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// "<question>:<op>:<option>" as the builder's condition menu sends it.
fn parse_condition(raw: &str) -> Result<Option<Condition>, (&'static str, &'static str)> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = ("condition", "survey-builder-error-condition");
    let mut parts = raw.split(':');
    let question = parts.next().and_then(|p| p.parse().ok()).ok_or(bad)?;
    let op = parts.next().and_then(ConditionOp::parse).ok_or(bad)?;
    let option = parts.next().and_then(|p| p.parse().ok()).ok_or(bad)?;
    Ok(Some(Condition {
        question,
        op,
        option,
    }))
}

pub async fn save_question(ctx: &Ctx, form: &QuestionForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let (sections, questions) = definition(ctx, &s).await?;
    let section_id: i64 = form
        .section_id
        .parse()
        .ok()
        .filter(|id| sections.iter().any(|x| x.id == *id))
        .ok_or_else(|| ctx.invalid("section_id", "survey-builder-error-section"))?;
    let section = sections
        .iter()
        .position(|x| x.id == section_id)
        .unwrap_or(0);
    let editing: Option<i64> = match form.question_id.trim() {
        "" => None,
        id => Some(
            id.parse()
                .ok()
                .filter(|id| questions.iter().any(|q| q.id == *id))
                .ok_or_else(|| ctx.not_found())?,
        ),
    };
    let kind =
        Kind::parse(&form.kind).ok_or_else(|| ctx.invalid("kind", "survey-builder-error-kind"))?;
    let condition = parse_condition(&form.condition).map_err(|(f, k)| ctx.invalid(f, k))?;
    let q = Question {
        id: editing.unwrap_or(-1),
        section,
        kind,
        prompt: form.prompt.trim().to_owned(),
        help: form.help.trim().chars().take(500).collect(),
        required: !form.required.is_empty(),
        options: if kind.has_options() {
            lines(&form.options)
        } else {
            Vec::new()
        },
        items: if kind == Kind::Matrix {
            lines(&form.items)
        } else {
            Vec::new()
        },
        condition,
    };
    // The questions before this one: earlier sections, and earlier in its own
    // (a new question goes last in its section).
    let moved =
        editing.is_some_and(|id| questions.iter().any(|o| o.id == id && o.section != section));
    let earlier: Vec<Question> = match editing {
        Some(id) if !moved => questions
            .iter()
            .take_while(|o| o.id != id)
            .cloned()
            .collect(),
        _ => questions
            .iter()
            .filter(|o| o.section <= section && Some(o.id) != editing)
            .cloned()
            .collect(),
    };
    logic::validate_question(&q, &earlier).map_err(|(f, k)| ctx.invalid(f, k))?;
    // Stored answers are option indices: once answers exist, a question keeps
    // its type and its number of options and items (labels may be reworded).
    if let Some(before) = editing.and_then(|id| questions.iter().find(|o| o.id == id)) {
        let reshaped = before.kind != q.kind
            || before.options.len() != q.options.len()
            || before.items.len() != q.items.len();
        if reshaped
            && store::response_count(&ctx.db, s.id)
                .await
                .map_err(|e| ctx.internal(e))?
                > 0
        {
            return Err(ctx.invalid("options", "survey-builder-error-answered"));
        }
    }
    store::save_question(&ctx.db, section_id, editing, &q)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok((
        (),
        Next::to(admin_path(&s)).with_notice(ctx.t("survey-builder-saved")),
    ))
}

pub async fn change_question(ctx: &Ctx, form: &QuestionChangeForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let owner = store::survey_of_question(&ctx.db, id)
        .await
        .map_err(|e| ctx.internal(e))?;
    if owner != Some(s.id) {
        return Err(ctx.not_found());
    }
    let done = match form.action.as_str() {
        "up" | "down" => store::move_question(&ctx.db, id, form.action == "up").await,
        "delete" => store::delete_question(&ctx.db, id).await,
        _ => return Err(ctx.invalid("action", "survey-error-invalid")),
    };
    done.map_err(|e| ctx.internal(e))?;
    Ok((
        (),
        Next::to(admin_path(&s)).with_notice(ctx.t("survey-builder-saved")),
    ))
}

pub async fn publish_results(ctx: &Ctx, form: &PublishForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let publish = !form.publish.is_empty();
    store::set_results_published(&ctx.db, s.id, publish)
        .await
        .map_err(|e| ctx.internal(e))?;
    let notice = if publish {
        "survey-results-published"
    } else {
        "survey-results-withdrawn"
    };
    Ok(((), Next::to(admin_path(&s)).with_notice(ctx.t(notice))))
}

// --- Staff: invitations ----------------------------------------------------

fn link(ctx: &Ctx, s: &Survey, token: &str) -> String {
    format!(
        "{}{}",
        ctx.settings.base_url.trim_end_matches('/'),
        survey_path(s, Some(token))
    )
}

pub async fn send_invitations(ctx: &Ctx, form: &InviteForm) -> Result<(Sent, Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let recipients = invitations::parse_recipients(&form.recipients).map_err(|line| {
        ctx.respond_err(AppError::invalid(
            "recipients",
            ctx.tr
                .t_args("survey-invite-error-line", &[("line", line.to_string())]),
        ))
    })?;
    let mut pairs: Vec<(String, String)> = recipients
        .iter()
        .map(|r| (r.email.clone(), r.name.clone()))
        .collect();
    if !form.event_id.trim().is_empty() {
        let event: i64 = form
            .event_id
            .trim()
            .parse()
            .map_err(|_| ctx.invalid("event_id", "survey-invite-error-event"))?;
        for (email, name) in store::checked_in_attendees(&ctx.db, event)
            .await
            .map_err(|e| ctx.internal(e))?
        {
            if !pairs.iter().any(|(e, _)| *e == email) {
                pairs.push((email, name));
            }
        }
    }
    if pairs.is_empty() {
        return Err(ctx.invalid("recipients", "survey-invite-error-none"));
    }
    let mail_for = |email: &str, name: &str, token: &str| {
        let recipient = Recipient {
            email: email.to_owned(),
            name: name.to_owned(),
        };
        invitations::mail(
            ctx.tr,
            &recipient,
            &s.title,
            &link(ctx, &s, token),
            s.closes_on,
            false,
        )
    };
    let created = store::create_invitations(&ctx.db, s.id, &pairs, mail_for)
        .await
        .map_err(|e| ctx.internal(e))?;
    ctx.mail.wake();
    let sent = created.len();
    let notice = ctx
        .tr
        .t_args("survey-invite-sent", &[("count", sent.to_string())]);
    Ok((
        Sent { sent },
        Next::to(format!("{}#invitations", admin_path(&s))).with_notice(notice),
    ))
}

pub async fn send_reminders(ctx: &Ctx, form: &RemindForm) -> Result<(Sent, Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    if !s.is_open(ctx.settings.today()) {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("survey-closed"))));
    }
    let pending: Vec<store::Invitation> = store::invitations(&ctx.db, s.id)
        .await
        .map_err(|e| ctx.internal(e))?
        .into_iter()
        .filter(|i| i.used_on.is_none())
        .collect();
    let mut sent = 0;
    for invitation in pending {
        let recipient = Recipient {
            email: invitation.email,
            name: invitation.name,
        };
        let mail_for = |token: &str| {
            invitations::mail(
                ctx.tr,
                &recipient,
                &s.title,
                &link(ctx, &s, token),
                s.closes_on,
                true,
            )
        };
        if store::remind(&ctx.db, invitation.id, mail_for)
            .await
            .map_err(|e| ctx.internal(e))?
        {
            sent += 1;
        }
    }
    ctx.mail.wake();
    let notice = ctx
        .tr
        .t_args("survey-remind-sent", &[("count", sent.to_string())]);
    Ok((
        Sent { sent },
        Next::to(format!("{}#invitations", admin_path(&s))).with_notice(notice),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_filters_and_conditions() {
        assert_eq!(parse_filter("12:3"), Some((12, 3)));
        assert_eq!(parse_filter("12"), None);
        assert_eq!(parse_filter("a:1"), None);
        assert_eq!(
            parse_condition("4:includes:2"),
            Ok(Some(Condition {
                question: 4,
                op: ConditionOp::Includes,
                option: 2
            }))
        );
        assert_eq!(parse_condition(" "), Ok(None));
        assert!(parse_condition("4:is:2").is_err());
    }
}
