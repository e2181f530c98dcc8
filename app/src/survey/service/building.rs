//! Building a survey (admins): its settings, sections and questions, and
//! publishing its results.

use super::definition;
use crate::error::AppError;
use crate::model::{ComponentKind, Role};
use crate::process::store::{Phase, Process};
use crate::ssr::form::Next;
use crate::ssr::Ctx;
use crate::survey::forms::{
    PublishForm, QuestionChangeForm, QuestionForm, SectionForm, SurveyForm,
};
use crate::survey::logic::{self, settings, Kind, Question};
use crate::survey::store::{self, Invitation, Section, Survey};

/// The survey of a survey component, for its admin pages; `None` before its
/// settings are first saved.
pub async fn staff_survey(ctx: &Ctx, component: i64) -> Result<Option<Survey>, AppError> {
    ctx.require(Role::Admin)?;
    Ok(store::survey_by_component(&ctx.db, component).await?)
}

pub(super) async fn existing_survey(ctx: &Ctx, component_id: &str) -> Result<Survey, AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = component_id.parse().map_err(|_| ctx.not_found())?;
    staff_survey(ctx, component)
        .await?
        .ok_or_else(|| ctx.not_found())
}

pub fn admin_path(s: &Survey) -> String {
    format!("/admin/surveys/{}", s.component_id)
}

pub async fn save_survey(ctx: &Ctx, form: &SurveyForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let input = settings::parse_survey(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    // A slug already taken is refused by the database (`ssr::db_error`).
    store::save_survey(&ctx.db, component, &input)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok((
        (),
        Next::to(format!("/admin/surveys/{component}")).with_notice("survey-builder-saved"),
    ))
}

pub async fn add_section(ctx: &Ctx, form: &SectionForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let title =
        crate::text::clean_field(&form.title, "title").map_err(|(f, k)| ctx.invalid(f, k))?;
    let title = title.trim();
    if title.chars().count() > 200 {
        return Err(ctx.invalid("title", "settings-error-long"));
    }
    store::add_section(&ctx.db, s.id, title).await?;
    Ok((
        (),
        Next::to(admin_path(&s)).with_notice("survey-builder-saved"),
    ))
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
    let condition =
        settings::parse_condition(&form.condition).map_err(|(f, k)| ctx.invalid(f, k))?;
    let typed = |value: &str, field: &'static str| {
        crate::text::clean_field(value, field).map_err(|(f, k)| ctx.invalid(f, k))
    };
    let (prompt, help) = (typed(&form.prompt, "prompt")?, typed(&form.help, "help")?);
    let q = Question {
        id: editing.unwrap_or(-1),
        section,
        kind,
        prompt: prompt.trim().to_owned(),
        help: help.trim().chars().take(500).collect(),
        required: !form.required.is_empty(),
        options: if kind.has_options() {
            logic::lines(&form.options)
        } else {
            Vec::new()
        },
        items: if kind == Kind::Matrix {
            logic::lines(&form.items)
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
        if reshaped && store::response_count(&ctx.db, s.id).await? > 0 {
            return Err(ctx.invalid("options", "survey-builder-error-answered"));
        }
    }
    store::save_question(&ctx.db, section_id, editing, &q).await?;
    Ok((
        (),
        Next::to(admin_path(&s)).with_notice("survey-builder-saved"),
    ))
}

pub async fn change_question(ctx: &Ctx, form: &QuestionChangeForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let owner = store::survey_of_question(&ctx.db, id).await?;
    if owner != Some(s.id) {
        return Err(ctx.not_found());
    }
    let done = match form.action.as_str() {
        "up" | "down" => store::move_question(&ctx.db, id, form.action == "up").await,
        "delete" => store::delete_question(&ctx.db, id).await,
        _ => return Err(ctx.invalid("action", "survey-error-invalid")),
    };
    done?;
    Ok((
        (),
        Next::to(admin_path(&s)).with_notice("survey-builder-saved"),
    ))
}

pub async fn publish_results(ctx: &Ctx, form: &PublishForm) -> Result<((), Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let publish = !form.publish.is_empty();
    store::set_results_published(&ctx.db, s.id, publish).await?;
    let notice = if publish {
        "survey-results-published"
    } else {
        "survey-results-withdrawn"
    };
    Ok(((), Next::to(admin_path(&s)).with_notice(notice)))
}

/// What the builder page shows: where the component sits, its survey (none
/// before the first save) with its definition, invitations and response
/// count, and the events whose attendees may be invited.
pub struct BuilderPageData {
    pub process: Process,
    pub phase: Phase,
    pub survey: Option<Survey>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub invitations: Vec<Invitation>,
    pub responses: i64,
    /// (id, title) of every event, whose checked-in attendees may be invited.
    pub events: Vec<(i64, String)>,
}

pub async fn builder_page(ctx: &Ctx, component_id: i64) -> Result<BuilderPageData, AppError> {
    let (process, phase) =
        crate::process::service::component_place(ctx, component_id, ComponentKind::Survey).await?;
    let survey = staff_survey(ctx, component_id).await?;
    let (sections, questions, invitations, responses) = match &survey {
        Some(s) => {
            let (sections, questions) = definition(ctx, s).await?;
            let invitations = store::invitations(&ctx.db, s.id).await?;
            let responses = store::response_count(&ctx.db, s.id).await?;
            (sections, questions, invitations, responses)
        }
        None => Default::default(),
    };
    let events = crate::event::store::list_events(&ctx.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.title))
        .collect();
    Ok(BuilderPageData {
        process,
        phase,
        survey,
        sections,
        questions,
        invitations,
        responses,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::logic::{Condition, ConditionOp};
    use crate::survey::service::parse_filter;

    #[test]
    fn reads_filters_and_conditions() {
        assert_eq!(parse_filter("12:3"), Some((12, 3)));
        assert_eq!(parse_filter("12"), None);
        assert_eq!(parse_filter("a:1"), None);
        assert_eq!(
            settings::parse_condition("4:includes:2"),
            Ok(Some(Condition {
                question: 4,
                op: ConditionOp::Includes,
                option: 2
            }))
        );
        assert_eq!(settings::parse_condition(" "), Ok(None));
        assert!(settings::parse_condition("4:is:2").is_err());
    }
}
